/*
 * module.c -- Module lifecycle, command registration and the trampolines
 * that run module code.
 *
 * Go cannot call C function pointers, so every call into a module goes
 * through an mh_invoke_* function here. Each takes everything it needs in
 * one call (context parameters, flattened arguments) so a command costs one
 * Go->C crossing, plus one C->Go crossing per API that needs server state.
 */
#include "core.h"
#include <dlfcn.h>
#include <math.h>

/* Go exports (capi/exports.go). */
#include "_cgo_export.h"

void mh_pool_free(RedisModuleCtx *ctx);

mh_module *mh_loading_module;

/* A registered command: what CreateCommand returns to the module through
 * GetCommand, and what the trampoline needs to call it. */
struct RedisModuleCommand {
    mh_module *module;
    RedisModuleCmdFunc func;
    uint64_t id;            /* Go-side command id */
    char *fullname;         /* "parent|sub" or "name", as registered */
    struct RedisModuleCommand *parent;
};

/* Called by the generated RM_GetApi for every name it cannot serve. */
void mh_api_missing(const char *name) {
    mh_module *m = mh_loading_module;
    if (!m) return;
    char **nm = realloc(m->missing, sizeof(char *) * (size_t)(m->nmissing + 1));
    if (!nm) return;
    m->missing = nm;
    m->missing[m->nmissing++] = strdup(name);
}

/* ---- loading ------------------------------------------------------------ */

mh_module *mh_module_new(uint64_t handle) {
    mh_module *m = calloc(1, sizeof(*m));
    if (!m) abort();
    m->handle = handle;
    return m;
}

void mh_module_free(mh_module *m) {
    if (!m) return;
    for (int i = 0; i < m->nmissing; i++) free(m->missing[i]);
    free(m->missing);
    free(m->name);
    free(m);
}

/* dlopen with the flags Redis uses. Returns NULL and fills err on failure. */
void *mh_dlopen(const char *path, char *err, size_t errlen) {
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        snprintf(err, errlen, "%s", e ? e : "unknown dlopen error");
    }
    return h;
}

void *mh_dlsym(void *h, const char *name) { return dlsym(h, name); }
int mh_dlclose(void *h) { return dlclose(h); }

/* Keeps libm linked into the host: Redis links it, and modules built
 * without -lm resolve floor/pow/... from the server's global scope. */
double mh_keep_libm(double x) { return floor(x) + pow(x, 1.0) + log(x + 2); }

static RedisModuleString **mh_make_argv(const char *buf, const size_t *lens, int argc) {
    RedisModuleString **argv = malloc(sizeof(*argv) * (size_t)(argc > 0 ? argc : 1));
    if (!argv) abort();
    size_t off = 0;
    for (int i = 0; i < argc; i++) {
        argv[i] = mh_string_new(buf + off, lens[i]);
        off += lens[i];
    }
    return argv;
}

static void mh_free_argv(RedisModuleString **argv, int argc) {
    for (int i = 0; i < argc; i++) mh_string_release(argv[i]);
    free(argv);
}

/* Runs OnLoad (or any int(ctx, argv, argc) entry point) for module m.
 * The context has a temporary client (client id given by Go) so RM_Call
 * works during load. Returns the module's status. */
int mh_invoke_onload(void *fn, mh_module *m, uint64_t client, uint64_t state, const char *buf, const size_t *lens, int argc) {
    int (*onload)(RedisModuleCtx *, RedisModuleString **, int) = fn;
    RedisModuleCtx *ctx = mh_ctx_new(m, client, 2, MH_CTX_TEMP_CLIENT);
    ctx->state = state;
    RedisModuleString **argv = mh_make_argv(buf, lens, argc);
    mh_module *prev_loading = mh_loading_module;
    mh_module *prev = mh_current_module;
    mh_loading_module = m;
    mh_current_module = m;
    m->in_onload = 1;
    int rc = onload(ctx, argv, argc);
    m->in_onload = 0;
    mh_current_module = prev;
    mh_loading_module = prev_loading;
    mh_free_argv(argv, argc);
    mh_ctx_free(ctx);
    return rc;
}

/* Runs OnUnload if the module has one. */
int mh_invoke_onunload(void *fn, mh_module *m) {
    int (*onunload)(RedisModuleCtx *) = fn;
    RedisModuleCtx *ctx = mh_ctx_new(m, 0, 2, 0);
    mh_module *prev = mh_current_module;
    mh_current_module = m;
    int rc = onunload(ctx);
    mh_current_module = prev;
    mh_ctx_free(ctx);
    return rc;
}

/* ---- running commands ---------------------------------------------------- */

/* Contexts for command calls are kept per nesting depth (RM_Call can run a
 * module command inside another): the reply stays readable after the call
 * returns, until the next call at the same depth. All under the lock. */
#define MH_MAX_DEPTH 64
static RedisModuleCtx *mh_cmd_ctx[MH_MAX_DEPTH];
static int mh_cmd_depth;


/* Runs a module command. flags may carry MH_CTX_KEYS_POS_REQ (COMMAND
 * GETKEYS on a getkeys-api command). On return *res points into the
 * context, valid until the next command call at this depth. */
void mh_invoke_cmd(RedisModuleCommand *cmd, uint64_t client, int resp, uint64_t state, int db,
                   const char *buf, const size_t *lens, int argc, int flags, mh_call_result *res) {
    if (mh_cmd_depth >= MH_MAX_DEPTH) {
        static const char deep[] = "-ERR module command nesting too deep\r\n";
        res->reply = deep;
        res->reply_len = sizeof(deep) - 1;
        res->status = REDISMODULE_ERR;
        return;
    }
    RedisModuleCtx *ctx = mh_cmd_ctx[mh_cmd_depth];
    if (!ctx) {
        ctx = mh_ctx_new(NULL, 0, 2, 0);
        mh_cmd_ctx[mh_cmd_depth] = ctx;
    }
    mh_cmd_depth++;
    ctx->module = cmd->module;
    ctx->client = client;
    ctx->resp = resp;
    ctx->state = state;
    ctx->flags = flags;
    ctx->reply.len = 0;
    ctx->npostponed = 0;
    ctx->nkeys = 0;
    ctx->cmdname = cmd->fullname;
    ctx->selected_db = db;
    ctx->db_gen = __atomic_load_n(&mh_select_gen, __ATOMIC_RELAXED);
    ctx->blocked_client = NULL;
    RedisModuleString **argv = mh_make_argv(buf, lens, argc);
    mh_module *prev = mh_current_module;
    mh_current_module = cmd->module;
    /* A container without subcommands has no function to run. */
    int rc = REDISMODULE_OK;
    if (cmd->func) {
        rc = cmd->func(ctx, argv, argc);
        mh_fork_child_returned();
    } else if (!(flags & MH_CTX_KEYS_POS_REQ)) {
        static const char nofunc[] = "-ERR this command has no implementation of its own\r\n";
        mh_reply_raw(ctx, nofunc, sizeof(nofunc) - 1);
    }
    mh_current_module = prev;
    mh_ctx_autofree(ctx);
    mh_pool_free(ctx);
    mh_free_argv(argv, argc);
    ctx->flags = 0;
    mh_cmd_depth--;
    res->reply = ctx->reply.data;
    res->reply_len = ctx->reply.len;
    res->status = rc;
    res->nkeys = ctx->nkeys;
    res->keys = ctx->keys_pos;
    res->keys_flags = ctx->keys_flags;
}

/* ---- the API ------------------------------------------------------------ */

/* Records the module's name and versions (RedisModule_Init calls it); the
 * first call wins. Context: OnLoad. Crossing: goSetModuleAttribs. */
static void RM_SetModuleAttribs(RedisModuleCtx *ctx, const char *name, int ver, int apiver) {
    mh_module *m = ctx->module;
    if (!m || m->name) return;
    m->name = strdup(name);
    m->ver = ver;
    m->apiver = apiver;
    goSetModuleAttribs(m->handle, (char *)name, ver, apiver);
}

/* Reports whether a loaded module already uses name.
 * Context: any. Crossing: goIsModuleNameBusy. */
static int RM_IsModuleNameBusy(const char *name) { return goIsModuleNameBusy((char *)name); }

/* Sets REDISMODULE_OPTIONS_* flags for the module.
 * Context: any with a module. Crossing: goSetModuleOptions. */
static void RM_SetModuleOptions(RedisModuleCtx *ctx, int options) {
    if (!ctx->module) return;
    ctx->module->options = options;
    goSetModuleOptions(ctx->module->handle, options);
}

/* Every module option bit this server knows. Crossing: none. */
static int RM_GetModuleOptionsAll(void) { return (1 << 4) - 1; }

static RedisModuleCommand *mh_command_new(mh_module *m, RedisModuleCmdFunc fn, const char *fullname, RedisModuleCommand *parent) {
    RedisModuleCommand *c = calloc(1, sizeof(*c));
    if (!c) abort();
    c->module = m;
    c->func = fn;
    c->fullname = strdup(fullname);
    c->parent = parent;
    return c;
}

void mh_command_free(RedisModuleCommand *c) {
    if (!c) return;
    free(c->fullname);
    free(c);
}

/* Registers a command. Returns REDISMODULE_ERR outside OnLoad, when the
 * name is taken (core or module), or when strflags has an unknown flag.
 * Context: OnLoad. Crossing: goCreateCommand. */
static int RM_CreateCommand(RedisModuleCtx *ctx, const char *name, RedisModuleCmdFunc cmdfunc, const char *strflags, int firstkey, int lastkey, int keystep) {
    mh_module *m = ctx->module;
    if (!m || !m->in_onload) return REDISMODULE_ERR;
    RedisModuleCommand *cmd = mh_command_new(m, cmdfunc, name, NULL);
    uint64_t id = goCreateCommand(m->handle, 0, (char *)name, cmd, (char *)(strflags ? strflags : ""), firstkey, lastkey, keystep);
    if (id == 0) {
        mh_command_free(cmd);
        return REDISMODULE_ERR;
    }
    cmd->id = id;
    return REDISMODULE_OK;
}

/* Returns the command handle of a command this module registered, or NULL.
 * Context: any with a module. Crossing: goGetCommand. */
static RedisModuleCommand *RM_GetCommand(RedisModuleCtx *ctx, const char *name) {
    if (!ctx->module) return NULL;
    return goGetCommand(ctx->module->handle, (char *)name);
}

/* Registers a subcommand of a command created by this module (no nesting
 * below one level). Context: OnLoad. Crossing: goCreateCommand. */
static int RM_CreateSubcommand(RedisModuleCommand *parent, const char *name, RedisModuleCmdFunc cmdfunc, const char *strflags, int firstkey, int lastkey, int keystep) {
    if (!parent || parent->parent || !parent->module->in_onload) return REDISMODULE_ERR;
    char full[512];
    snprintf(full, sizeof(full), "%s|%s", parent->fullname, name);
    RedisModuleCommand *cmd = mh_command_new(parent->module, cmdfunc, full, parent);
    uint64_t id = goCreateCommand(parent->module->handle, parent->id, (char *)name, cmd, (char *)(strflags ? strflags : ""), firstkey, lastkey, keystep);
    if (id == 0) {
        mh_command_free(cmd);
        return REDISMODULE_ERR;
    }
    cmd->id = id;
    return REDISMODULE_OK;
}

/* True while the command is being asked for its keys (getkeys-api).
 * Context: command. Crossing: none. */
static int RM_IsKeysPositionRequest(RedisModuleCtx *ctx) { return (ctx->flags & MH_CTX_KEYS_POS_REQ) != 0; }

/* Records argument pos as a key, with key-spec flags, while answering a
 * keys position request. Context: command. Crossing: none. */
static void RM_KeyAtPosWithFlags(RedisModuleCtx *ctx, int pos, int flags) {
    if (!(ctx->flags & MH_CTX_KEYS_POS_REQ) || pos <= 0) return;
    if (ctx->nkeys == ctx->keys_cap) {
        ctx->keys_cap = ctx->keys_cap ? ctx->keys_cap * 2 : 8;
        ctx->keys_pos = realloc(ctx->keys_pos, sizeof(int) * (size_t)ctx->keys_cap);
        ctx->keys_flags = realloc(ctx->keys_flags, sizeof(int) * (size_t)ctx->keys_cap);
        if (!ctx->keys_pos || !ctx->keys_flags) abort();
    }
    ctx->keys_pos[ctx->nkeys] = pos;
    ctx->keys_flags[ctx->nkeys] = flags;
    ctx->nkeys++;
}

/* Records argument pos as a key with full-access flags (RW, ACCESS,
 * UPDATE), as Redis assumes for keys reported without flags.
 * Context: command. Crossing: none. */
static void RM_KeyAtPos(RedisModuleCtx *ctx, int pos) {
    RM_KeyAtPosWithFlags(ctx, pos, REDISMODULE_CMD_KEY_RW | REDISMODULE_CMD_KEY_ACCESS | REDISMODULE_CMD_KEY_UPDATE);
}

/* Name of the command being executed, as registered.
 * Context: command. Crossing: none. */
static const char *RM_GetCurrentCommandName(RedisModuleCtx *ctx) { return ctx->cmdname; }

/* ---- logging and assertions --------------------------------------------- */

static int mh_level(const char *level) {
    if (!level) return 2;
    if (!strcasecmp(level, "debug")) return 0;
    if (!strcasecmp(level, "verbose")) return 1;
    if (!strcasecmp(level, "notice")) return 2;
    if (!strcasecmp(level, "warning")) return 3;
    return 2;
}

static void mh_vlog(mh_module *m, const char *level, const char *fmt, va_list ap) {
    if (mh_fork_is_child()) {
        mh_fork_child_vlog(m, mh_level(level), fmt, ap);
        return;
    }
    char msg[8192];
    int n = vsnprintf(msg, sizeof(msg), fmt, ap);
    if (n < 0) return;
    if (n >= (int)sizeof(msg)) n = sizeof(msg) - 1;
    goLog((char *)(m && m->name ? m->name : "module"), mh_level(level), msg, n);
}

/* Writes a line to the server log as "<module> <message>", at level
 * "debug", "verbose", "notice" or "warning" (unknown means notice). A NULL
 * ctx logs as "module". Context: any thread. Crossing: goLog. */
static void RM_Log(RedisModuleCtx *ctx, const char *level, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    mh_vlog(ctx ? ctx->module : mh_current_module, level, fmt, ap);
    va_end(ap);
}

/* Reports an assertion failure from RedisModule_Assert and stops the
 * server (the macro exits after us). Crossing: goLog. */
static void RM__Assert(const char *estr, const char *file, int line) {
    char msg[1024];
    int n = snprintf(msg, sizeof(msg), "=== ASSERTION FAILED === ==> %s:%d '%s' is not true", file, line, estr);
    if (mh_fork_is_child()) {
        if (n > (int)sizeof(msg) - 1) n = sizeof(msg) - 1;
        if (n > 0) mh_fork_log(3, msg, (size_t)n);
        abort();
    }
    goLog((char *)"module", 3, msg, n);
    abort();
}

/* ---- time and randomness ------------------------------------------------ */

#include <sys/time.h>
#include <time.h>

/* Wall-clock time in milliseconds. Crossing: none. */
static mstime_t RM_Milliseconds(void) {
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (mstime_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

/* Wall-clock time in microseconds. Crossing: none. */
static ustime_t RM_Microseconds(void) {
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (ustime_t)tv.tv_sec * 1000000 + tv.tv_usec;
}

/* Wall-clock microseconds when the current command started (the same
 * value throughout a command and its notifications, as Redis caches it).
 * Crossing: goCachedMicroseconds. */
static ustime_t RM_CachedMicroseconds(void) {
    long long us = goCachedMicroseconds();
    return us ? us : RM_Microseconds();
}

/* Monotonic clock in microseconds. Crossing: none. */
static uint64_t RM_MonotonicMicroseconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

#include <sys/random.h>

/* Fills dst with len random bytes. Crossing: none. */
static void RM_GetRandomBytes(unsigned char *dst, size_t len) {
    while (len) {
        ssize_t n = getrandom(dst, len, 0);
        if (n <= 0) break;
        dst += n;
        len -= (size_t)n;
    }
}

/* Fills dst with len random lowercase hex characters. Crossing: none. */
static void RM_GetRandomHexChars(char *dst, size_t len) {
    static const char hex[] = "0123456789abcdef";
    RM_GetRandomBytes((unsigned char *)dst, len);
    for (size_t i = 0; i < len; i++) dst[i] = hex[((unsigned char)dst[i]) & 0x0f];
}

/* The server version as 0x00MMmmpp (7.2.6). Crossing: none. */
static int RM_GetServerVersion(void) { return 0x00070206; }

/* The newest RedisModuleTypeMethods version we read. Crossing: none. */
static int RM_GetTypeMethodVersion(void) { return REDISMODULE_TYPE_METHOD_VERSION; }

/* Every context flag bit this server knows. Crossing: none. */
static int RM_GetContextFlagsAll(void) { return (1 << 25) - 1; }

/* Every keyspace notification class bit. Crossing: none. */
static int RM_GetKeyspaceNotificationFlagsAll(void) { return (1 << 15) - 1; }

/* Every OpenKey mode bit. Crossing: none. */
static int RM_GetOpenKeyModesAll(void) { return 0x1F0003; }

/* ---- client and db ------------------------------------------------------ */

/* The id of the client the context serves (0 when none).
 * Context: any. Crossing: none. */
static unsigned long long RM_GetClientId(RedisModuleCtx *ctx) { return ctx->client; }

/* The db the context's client has selected.
 * Context: any. Crossing: goGetSelectedDb when there is a client. */
static int RM_GetSelectedDb(RedisModuleCtx *ctx) {
    if (ctx->client) return goGetSelectedDb(ctx->client, ctx->selected_db);
    return ctx->selected_db;
}

/* Selects db newid for the context's client. Returns REDISMODULE_ERR for
 * an out-of-range id. Context: any. Crossing: goSelectDb. */
static int RM_SelectDb(RedisModuleCtx *ctx, int newid) {
    int rc = goSelectDb(ctx->client, newid);
    if (rc == REDISMODULE_OK) {
        ctx->selected_db = newid;
        ctx->db_gen = __atomic_add_fetch(&mh_select_gen, 1, __ATOMIC_RELAXED);
    }
    return rc;
}

/* REDISMODULE_CTX_FLAGS_* describing the server and the calling client.
 * Context: any (ctx may be NULL). Crossing: goGetContextFlags. */
static int RM_GetContextFlags(RedisModuleCtx *ctx) {
    if (mh_fork_is_child()) return mh_fork_child_ctx_flags(ctx);
    if (!ctx) return goGetContextFlags(0, 2, 0) | mh_fork_parent_ctx_flags();
    return goGetContextFlags(ctx->client, ctx->resp, ctx->flags) | mh_fork_parent_ctx_flags();
}
