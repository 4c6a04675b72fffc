/*
 * filter.c -- command filters (RegisterCommandFilter and the
 * CommandFilter* accessors).
 *
 * Filters live entirely in C: Go hands a command line over once
 * (mh_run_filters) when at least one filter is registered, every filter
 * runs on RedisModuleStrings in registration order, and only a changed
 * line travels back. With no filter registered Go never crosses.
 */
#include "core.h"

#include "_cgo_export.h"

struct RedisModuleCommandFilter {
    mh_module *module;
    RedisModuleCommandFilterFunc callback;
    int flags;
    struct RedisModuleCommandFilter *next;
};

struct RedisModuleCommandFilterCtx {
    RedisModuleString **argv;
    int argc, cap;
    uint64_t client;
    int changed;
};

/* Registration order is run order. */
static RedisModuleCommandFilter *mh_filters;
static int mh_nfilters;

static int mh_filter_listed(RedisModuleCommandFilter *f) {
    for (RedisModuleCommandFilter *x = mh_filters; x; x = x->next)
        if (x == f) return 1;
    return 0;
}

static void mh_filter_unlink(RedisModuleCommandFilter *f) {
    for (RedisModuleCommandFilter **p = &mh_filters; *p; p = &(*p)->next) {
        if (*p == f) {
            *p = f->next;
            mh_nfilters--;
            free(f);
            goFiltersChanged(mh_nfilters);
            return;
        }
    }
}

/* Removes every filter of module m (unload, failed OnLoad). */
void mh_filters_drop_module(mh_module *m) {
    RedisModuleCommandFilter **p = &mh_filters;
    int dropped = 0;
    while (*p) {
        RedisModuleCommandFilter *f = *p;
        if (f->module == m) {
            *p = f->next;
            free(f);
            mh_nfilters--;
            dropped = 1;
        } else {
            p = &f->next;
        }
    }
    if (dropped) goFiltersChanged(mh_nfilters);
}

/* How many filters module m has registered (INFO modules "filters="). */
int mh_filters_of(mh_module *m) {
    int n = 0;
    for (RedisModuleCommandFilter *f = mh_filters; f; f = f->next)
        if (f->module == m) n++;
    return n;
}

/* Runs every filter over a command line. client is the id
 * CommandFilterGetClientId reports. Returns 1 and hands back the new line
 * (one buffer plus lengths, plain malloc memory the caller frees) when a
 * filter changed it, 0 when it is unchanged. Lock held. */
int mh_run_filters(const char *buf, const size_t *lens, int argc, uint64_t client, char **outbuf, size_t **outlens, int *outargc) {
    if (!mh_filters) return 0;
    RedisModuleCommandFilterCtx fc = {0};
    fc.argv = mh_make_argv(buf, lens, argc);
    fc.argc = fc.cap = argc;
    fc.client = client;
    mh_module *prev = mh_current_module;
    for (RedisModuleCommandFilter *f = mh_filters, *next; f; f = next) {
        next = f->next;
        /* NOSELF: skip lines that come from the module's own RM_Call. */
        if ((f->flags & REDISMODULE_CMDFILTER_NOSELF) && f->module->in_call) continue;
        mh_current_module = f->module;
        f->callback(&fc);
    }
    mh_current_module = prev;
    int changed = fc.changed;
    if (changed) {
        size_t total = 0;
        for (int i = 0; i < fc.argc; i++) total += fc.argv[i]->len;
        char *ob = malloc(total ? total : 1);
        size_t *ol = malloc(sizeof(size_t) * (size_t)(fc.argc ? fc.argc : 1));
        if (!ob || !ol) abort();
        size_t off = 0;
        for (int i = 0; i < fc.argc; i++) {
            memcpy(ob + off, fc.argv[i]->ptr, fc.argv[i]->len);
            ol[i] = fc.argv[i]->len;
            off += fc.argv[i]->len;
        }
        *outbuf = ob;
        *outlens = ol;
        *outargc = fc.argc;
    }
    /* Strings a filter retained keep their extra reference. */
    mh_free_argv(fc.argv, fc.argc);
    return changed;
}

/* ---- the API ------------------------------------------------------------ */

/* Registers callback to see (and rewrite) every command before it is
 * looked up: client commands, RM_Call from any module, the replication
 * stream. With REDISMODULE_CMDFILTER_NOSELF the registering module's own
 * RM_Calls are skipped. Filters run in registration order and go away
 * with the module. Context: any with a module. Crossing: goFiltersChanged. */
static RedisModuleCommandFilter *RM_RegisterCommandFilter(RedisModuleCtx *ctx, RedisModuleCommandFilterFunc callback, int flags) {
    if (!ctx || !ctx->module || !callback) return NULL;
    RedisModuleCommandFilter *f = calloc(1, sizeof(*f));
    if (!f) abort();
    f->module = ctx->module;
    f->callback = callback;
    f->flags = flags;
    RedisModuleCommandFilter **p = &mh_filters;
    while (*p) p = &(*p)->next;
    *p = f;
    mh_nfilters++;
    goFiltersChanged(mh_nfilters);
    return f;
}

/* Removes a filter the calling module registered; REDISMODULE_ERR for
 * another module's filter or one no longer registered.
 * Context: any with a module. Crossing: goFiltersChanged. */
static int RM_UnregisterCommandFilter(RedisModuleCtx *ctx, RedisModuleCommandFilter *filter) {
    /* Look the pointer up before touching it: a stale one is refused. */
    if (!ctx || !filter || !mh_filter_listed(filter) || filter->module != ctx->module) return REDISMODULE_ERR;
    mh_filter_unlink(filter);
    return REDISMODULE_OK;
}

/* Number of arguments of the filtered command, its name included.
 * Context: filter. Crossing: none. */
static int RM_CommandFilterArgsCount(RedisModuleCommandFilterCtx *fctx) { return fctx->argc; }

/* Argument pos (0 is the command name), or NULL when out of range. The
 * string belongs to the server; retain it to keep it.
 * Context: filter. Crossing: none. */
static RedisModuleString *RM_CommandFilterArgGet(RedisModuleCommandFilterCtx *fctx, int pos) {
    if (pos < 0 || pos >= fctx->argc) return NULL;
    return fctx->argv[pos];
}

/* Inserts arg before position pos (pos == count appends). The server takes
 * the string over: it must not be freed or auto-memory.
 * Context: filter. Crossing: none. */
static int RM_CommandFilterArgInsert(RedisModuleCommandFilterCtx *fctx, int pos, RedisModuleString *arg) {
    if (pos < 0 || pos > fctx->argc) return REDISMODULE_ERR;
    if (fctx->argc == fctx->cap) {
        fctx->cap = fctx->cap ? fctx->cap * 2 : 4;
        fctx->argv = realloc(fctx->argv, sizeof(*fctx->argv) * (size_t)fctx->cap);
        if (!fctx->argv) abort();
    }
    memmove(fctx->argv + pos + 1, fctx->argv + pos, sizeof(*fctx->argv) * (size_t)(fctx->argc - pos));
    fctx->argv[pos] = arg;
    fctx->argc++;
    fctx->changed = 1;
    return REDISMODULE_OK;
}

/* Replaces argument pos with arg, releasing the old one; the server takes
 * arg over. Context: filter. Crossing: none. */
static int RM_CommandFilterArgReplace(RedisModuleCommandFilterCtx *fctx, int pos, RedisModuleString *arg) {
    if (pos < 0 || pos >= fctx->argc) return REDISMODULE_ERR;
    mh_string_release(fctx->argv[pos]);
    fctx->argv[pos] = arg;
    fctx->changed = 1;
    return REDISMODULE_OK;
}

/* Deletes argument pos, releasing it. Context: filter. Crossing: none. */
static int RM_CommandFilterArgDelete(RedisModuleCommandFilterCtx *fctx, int pos) {
    if (pos < 0 || pos >= fctx->argc) return REDISMODULE_ERR;
    mh_string_release(fctx->argv[pos]);
    memmove(fctx->argv + pos, fctx->argv + pos + 1, sizeof(*fctx->argv) * (size_t)(fctx->argc - pos - 1));
    fctx->argc--;
    fctx->changed = 1;
    return REDISMODULE_OK;
}

/* Id of the client that issued the filtered command (the module's call
 * client for RM_Call). Context: filter. Crossing: none. */
static unsigned long long RM_CommandFilterGetClientId(RedisModuleCommandFilterCtx *fctx) { return fctx->client; }
