/*
 * info.c -- module INFO sections (RegisterInfoFunc and the InfoAdd*
 * builders) and GetServerInfo's parsed field table.
 *
 * Go's INFO hook calls mh_invoke_info for each module with an info
 * callback; the text is built here in C and handed back once, so the
 * builders never cross into Go.
 */
#include "core.h"
#include "events.h"
#include "_cgo_export.h"
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>

static int RM_InfoEndDictField(RedisModuleInfoCtx *ctx);

struct RedisModuleInfoCtx {
    mh_module *module;
    const char *req;          /* requested section names, concatenated */
    const size_t *reqlens;
    int nreq;                 /* -1: every section is wanted */
    mh_buf info;
    int sections;             /* sections written so far (all modules) */
    int in_section;
    int in_dict_field;
};

static const char *mh_modname(RedisModuleInfoCtx *ctx) {
    return ctx->module && ctx->module->name ? ctx->module->name : "";
}

static void mh_info_cat(RedisModuleInfoCtx *ctx, const char *s, size_t n) { mh_buf_append(&ctx->info, s, n); }
static void mh_info_cats(RedisModuleInfoCtx *ctx, const char *s) { mh_info_cat(ctx, s, strlen(s)); }

/* INFO field names must not break the "name:value" line format. */
static void mh_info_safe(RedisModuleInfoCtx *ctx, const char *s) {
    for (; *s; s++) {
        char c = *s;
        if (c == '#' || c == ':' || c == '\n' || c == '\r') c = '_';
        mh_info_cat(ctx, &c, 1);
    }
}

static int mh_info_requested(RedisModuleInfoCtx *ctx, const char *name, size_t n) {
    size_t off = 0;
    for (int i = 0; i < ctx->nreq; i++) {
        if (ctx->reqlens[i] == n && strncasecmp(ctx->req + off, name, n) == 0) return 1;
        off += ctx->reqlens[i];
    }
    return 0;
}

int mh_invoke_info(void *cb, mh_module *m, const char *req, const size_t *reqlens, int nreq, int sections, char **out, size_t *outlen) {
    RedisModuleInfoFunc fn = (RedisModuleInfoFunc)cb;
    RedisModuleInfoCtx ctx;
    memset(&ctx, 0, sizeof(ctx));
    ctx.module = m;
    ctx.req = req;
    ctx.reqlens = reqlens;
    ctx.nreq = nreq;
    ctx.sections = sections;
    mh_module *prev = mh_current_module;
    mh_current_module = m;
    fn(&ctx, 0);
    mh_current_module = prev;
    if (ctx.in_dict_field) RM_InfoEndDictField(&ctx);
    *out = ctx.info.data;
    *outlen = ctx.info.len;
    return ctx.sections;
}

/* Registers the module's INFO callback (replacing an earlier one).
 * Context: any with a module. Crossing: goRegisterInfoFunc. */
static int RM_RegisterInfoFunc(RedisModuleCtx *ctx, RedisModuleInfoFunc cb) {
    if (!ctx || !ctx->module) return REDISMODULE_ERR;
    goRegisterInfoFunc(ctx->module->handle, (void *)cb);
    return REDISMODULE_OK;
}

/* Starts section "<module>_<name>" ("<module>" for a NULL or empty name),
 * ending an open dict field. REDISMODULE_ERR, and the section's fields are
 * dropped, when INFO did not ask for it (nor for the module's name, nor
 * for everything). Context: info callback. Crossing: none. */
static int RM_InfoAddSection(RedisModuleInfoCtx *ctx, const char *name) {
    const char *mod = mh_modname(ctx);
    size_t ml = strlen(mod);
    size_t nl = name ? strlen(name) : 0;
    char *full = malloc(ml + nl + 2);
    if (!full) abort();
    memcpy(full, mod, ml);
    size_t fl = ml;
    if (nl) {
        full[fl++] = '_';
        memcpy(full + fl, name, nl);
        fl += nl;
    }
    full[fl] = '\0';
    if (ctx->in_dict_field) RM_InfoEndDictField(ctx);
    if (ctx->nreq >= 0 && !mh_info_requested(ctx, full, fl) && !mh_info_requested(ctx, mod, ml)) {
        free(full);
        ctx->in_section = 0;
        return REDISMODULE_ERR;
    }
    if (ctx->sections++) mh_info_cats(ctx, "\r\n");
    mh_info_cats(ctx, "# ");
    mh_info_cat(ctx, full, fl);
    mh_info_cats(ctx, "\r\n");
    ctx->in_section = 1;
    free(full);
    return REDISMODULE_OK;
}

/* Starts a "<module>_<name>:k=v,k=v" line; the InfoAddField* calls that
 * follow add its k=v items until InfoEndDictField (or the next section or
 * dict field). Context: info callback. Crossing: none. */
static int RM_InfoBeginDictField(RedisModuleInfoCtx *ctx, const char *name) {
    if (!ctx->in_section) return REDISMODULE_ERR;
    if (ctx->in_dict_field) RM_InfoEndDictField(ctx);
    mh_info_safe(ctx, mh_modname(ctx));
    mh_info_cats(ctx, "_");
    mh_info_safe(ctx, name);
    mh_info_cats(ctx, ":");
    ctx->in_dict_field = 1;
    return REDISMODULE_OK;
}

/* Ends a dict field line. REDISMODULE_ERR when none is open.
 * Context: info callback. Crossing: none. */
static int RM_InfoEndDictField(RedisModuleInfoCtx *ctx) {
    if (!ctx->in_dict_field) return REDISMODULE_ERR;
    if (ctx->info.len && ctx->info.data[ctx->info.len - 1] == ',') ctx->info.len--;
    mh_info_cats(ctx, "\r\n");
    ctx->in_dict_field = 0;
    return REDISMODULE_OK;
}

/* Adds field=value inside a dict field, or a "<module>_<field>:<value>"
 * line. REDISMODULE_ERR outside a section. */
static int mh_info_field(RedisModuleInfoCtx *ctx, const char *field, const char *val, size_t vlen) {
    if (!ctx->in_section) return REDISMODULE_ERR;
    if (ctx->in_dict_field) {
        mh_info_cats(ctx, field);
        mh_info_cats(ctx, "=");
        mh_info_cat(ctx, val, vlen);
        mh_info_cats(ctx, ",");
        return REDISMODULE_OK;
    }
    mh_info_cats(ctx, mh_modname(ctx));
    mh_info_cats(ctx, "_");
    mh_info_cats(ctx, field);
    mh_info_cats(ctx, ":");
    mh_info_cat(ctx, val, vlen);
    mh_info_cats(ctx, "\r\n");
    return REDISMODULE_OK;
}

/* Adds a string field (see mh_info_field). Context: info callback. Crossing: none. */
static int RM_InfoAddFieldString(RedisModuleInfoCtx *ctx, const char *field, RedisModuleString *value) {
    return mh_info_field(ctx, field, value->ptr, value->len);
}

/* Adds a C string field. Context: info callback. Crossing: none. */
static int RM_InfoAddFieldCString(RedisModuleInfoCtx *ctx, const char *field, const char *value) {
    return mh_info_field(ctx, field, value, strlen(value));
}

/* Adds a double field printed with %.17g. Context: info callback. Crossing: none. */
static int RM_InfoAddFieldDouble(RedisModuleInfoCtx *ctx, const char *field, double value) {
    char buf[64];
    int n = snprintf(buf, sizeof(buf), "%.17g", value);
    return mh_info_field(ctx, field, buf, (size_t)n);
}

/* Adds a signed integer field. Context: info callback. Crossing: none. */
static int RM_InfoAddFieldLongLong(RedisModuleInfoCtx *ctx, const char *field, long long value) {
    char buf[32];
    int n = snprintf(buf, sizeof(buf), "%lld", value);
    return mh_info_field(ctx, field, buf, (size_t)n);
}

/* Adds an unsigned integer field. Context: info callback. Crossing: none. */
static int RM_InfoAddFieldULongLong(RedisModuleInfoCtx *ctx, const char *field, unsigned long long value) {
    char buf[32];
    int n = snprintf(buf, sizeof(buf), "%llu", value);
    return mh_info_field(ctx, field, buf, (size_t)n);
}

/* ---- GetServerInfo --------------------------------------------------------- */

struct RedisModuleServerInfoData {
    RedisModuleDict *fields;  /* name -> RedisModuleString* value */
};

/* Runs INFO for section (NULL: the default sections) and keeps its
 * "name:value" lines (the first of a repeated name wins). Free with
 * FreeServerInfo. Context: any. Crossing: goGetServerInfo. */
static RedisModuleServerInfoData *RM_GetServerInfo(RedisModuleCtx *ctx, const char *section) {
    RedisModuleServerInfoData *d = mh_calloc(1, sizeof(*d));
    d->fields = RM_CreateDict(NULL);
    if (ctx && (ctx->flags & MH_CTX_AUTO_MEMORY)) mh_am_add(ctx, MH_AM_INFO, d);
    size_t len = 0;
    char *text = goGetServerInfo(mh_current_module ? mh_current_module->handle : 0, (char *)section, section != NULL, &len);
    if (!text) return d;
    size_t i = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && text[e] != '\r' && text[e] != '\n') e++;
        if (e > i && text[i] != '#') {
            const char *sep = memchr(text + i, ':', e - i);
            if (sep) {
                size_t kl = (size_t)(sep - (text + i));
                RedisModuleString *v = mh_string_new(sep + 1, e - i - kl - 1);
                if (RM_DictSetC(d->fields, text + i, kl, v) != REDISMODULE_OK) mh_string_release(v);
            }
        }
        i = e;
        while (i < len && (text[i] == '\r' || text[i] == '\n')) i++;
    }
    free(text);
    return d;
}

static void mh_serverinfo_release(RedisModuleServerInfoData *data);

/* Auto memory frees server info the module left behind (ctx.c). */
void mh_serverinfo_autofree(void *data) {
    if (data) mh_serverinfo_release(data);
}

/* Frees what GetServerInfo returned; pass the ctx it was made with so
 * auto memory forgets it. Context: any. Crossing: none. */
static void RM_FreeServerInfo(RedisModuleCtx *ctx, RedisModuleServerInfoData *data) {
    if (!data) return;
    if (ctx && (ctx->flags & MH_CTX_AUTO_MEMORY)) mh_am_forget(ctx, data);
    mh_serverinfo_release(data);
}

static void mh_serverinfo_release(RedisModuleServerInfoData *data) {
    RedisModuleDictIter *it = RM_DictIteratorStartC(data->fields, "^", NULL, 0);
    void *v;
    while (RM_DictNextC(it, NULL, &v)) mh_string_release(v);
    RM_DictIteratorStop(it);
    RM_FreeDict(NULL, data->fields);
    mh_free(data);
}

static RedisModuleString *mh_info_lookup(RedisModuleServerInfoData *data, const char *field) {
    return RM_DictGetC(data->fields, (void *)field, strlen(field), NULL);
}

/* A new string with the field's value, or NULL when INFO had no such
 * field; with an auto-memory ctx it is freed automatically.
 * Context: any. Crossing: none. */
static RedisModuleString *RM_ServerInfoGetField(RedisModuleCtx *ctx, RedisModuleServerInfoData *data, const char *field) {
    RedisModuleString *v = mh_info_lookup(data, field);
    if (!v) return NULL;
    return RM_CreateString(ctx, v->ptr, v->len);
}

/* The field's value as a C string owned by data, or NULL when missing.
 * Context: any. Crossing: none. */
static const char *RM_ServerInfoGetFieldC(RedisModuleServerInfoData *data, const char *field) {
    RedisModuleString *v = mh_info_lookup(data, field);
    return v ? v->ptr : NULL;
}

/* The field as a long long; 0 with *out_err = REDISMODULE_ERR when it is
 * missing or not an integer. Context: any. Crossing: none. */
static long long RM_ServerInfoGetFieldSigned(RedisModuleServerInfoData *data, const char *field, int *out_err) {
    RedisModuleString *v = mh_info_lookup(data, field);
    long long ll;
    if (!v || RM_StringToLongLong(v, &ll) != REDISMODULE_OK) {
        if (out_err) *out_err = REDISMODULE_ERR;
        return 0;
    }
    if (out_err) *out_err = REDISMODULE_OK;
    return ll;
}

/* The field as an unsigned long long; 0 with *out_err = REDISMODULE_ERR
 * when missing or not a number. Context: any. Crossing: none. */
static unsigned long long RM_ServerInfoGetFieldUnsigned(RedisModuleServerInfoData *data, const char *field, int *out_err) {
    RedisModuleString *v = mh_info_lookup(data, field);
    unsigned long long ull;
    if (!v || RM_StringToULongLong(v, &ull) != REDISMODULE_OK) {
        if (out_err) *out_err = REDISMODULE_ERR;
        return 0;
    }
    if (out_err) *out_err = REDISMODULE_OK;
    return ull;
}

/* The field as a double; 0 with *out_err = REDISMODULE_ERR when missing
 * or not a number. Context: any. Crossing: none. */
static double RM_ServerInfoGetFieldDouble(RedisModuleServerInfoData *data, const char *field, int *out_err) {
    RedisModuleString *v = mh_info_lookup(data, field);
    double d;
    if (!v || RM_StringToDouble(v, &d) != REDISMODULE_OK) {
        if (out_err) *out_err = REDISMODULE_ERR;
        return 0;
    }
    if (out_err) *out_err = REDISMODULE_OK;
    return d;
}
