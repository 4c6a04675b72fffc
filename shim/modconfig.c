/*
 * modconfig.c -- module configs (RegisterBool/Numeric/String/EnumConfig,
 * LoadConfigs).
 *
 * Each registered config is an mh_modconfig in C holding the module's
 * callbacks; Go registers "<module>.<name>" with the server's config
 * table, whose Get/Set/Apply closures call back through mh_config_*.
 */
#include "core.h"
#include "events.h"
#include "_cgo_export.h"

#define MH_CFG_BOOL 0
#define MH_CFG_NUMERIC 1
#define MH_CFG_STRING 2
#define MH_CFG_ENUM 3

struct mh_modconfig {
    mh_module *module;
    char *name;               /* the name the module registered (no prefix) */
    int kind;
    void *get, *set, *apply;
    void *privdata;
};

static mh_modconfig *mh_config_new(mh_module *m, const char *name, int kind, void *get, void *set, void *apply, void *pd) {
    mh_modconfig *c = calloc(1, sizeof(*c));
    if (!c) abort();
    c->module = m;
    c->name = strdup(name);
    c->kind = kind;
    c->get = get;
    c->set = set;
    c->apply = apply;
    c->privdata = pd;
    return c;
}

void mh_config_free(mh_modconfig *c) {
    if (!c) return;
    free(c->name);
    free(c);
}

void *mh_config_apply_fn(mh_modconfig *c) { return c->apply; }
void *mh_config_privdata(mh_modconfig *c) { return c->privdata; }

long long mh_config_get_int(mh_modconfig *c) {
    mh_module *prev = mh_current_module;
    mh_current_module = c->module;
    long long v = 0;
    switch (c->kind) {
    case MH_CFG_BOOL: v = ((RedisModuleConfigGetBoolFunc)c->get)(c->name, c->privdata); break;
    case MH_CFG_ENUM: v = ((RedisModuleConfigGetEnumFunc)c->get)(c->name, c->privdata); break;
    case MH_CFG_NUMERIC: v = ((RedisModuleConfigGetNumericFunc)c->get)(c->name, c->privdata); break;
    }
    mh_current_module = prev;
    return v;
}

/* Returns 0 when the module's getter returned NULL. The string stays the
 * module's; *out points into it until the next call. */
int mh_config_get_string(mh_modconfig *c, char **out, size_t *len) {
    mh_module *prev = mh_current_module;
    mh_current_module = c->module;
    RedisModuleString *s = ((RedisModuleConfigGetStringFunc)c->get)(c->name, c->privdata);
    mh_current_module = prev;
    if (!s) return 0;
    *out = s->ptr;
    *len = s->len;
    return 1;
}

/* Takes the module's error string, if any, into malloc memory for Go. */
static void mh_config_err(RedisModuleString *e, char **err, size_t *errlen) {
    *err = NULL;
    *errlen = 0;
    if (!e) return;
    *err = malloc(e->len + 1);
    if (!*err) abort();
    memcpy(*err, e->ptr, e->len + 1);
    *errlen = e->len;
    mh_string_release(e);
}

int mh_config_set_int(mh_modconfig *c, long long v, char **err, size_t *errlen) {
    RedisModuleString *e = NULL;
    int rc = REDISMODULE_ERR;
    mh_module *prev = mh_current_module;
    mh_current_module = c->module;
    switch (c->kind) {
    case MH_CFG_BOOL: rc = ((RedisModuleConfigSetBoolFunc)c->set)(c->name, (int)v, c->privdata, &e); break;
    case MH_CFG_ENUM: rc = ((RedisModuleConfigSetEnumFunc)c->set)(c->name, (int)v, c->privdata, &e); break;
    case MH_CFG_NUMERIC: rc = ((RedisModuleConfigSetNumericFunc)c->set)(c->name, v, c->privdata, &e); break;
    }
    mh_current_module = prev;
    mh_config_err(e, err, errlen);
    return rc;
}

/* p == NULL passes a NULL string (a string config whose default is NULL). */
int mh_config_set_string(mh_modconfig *c, const char *p, size_t len, char **err, size_t *errlen) {
    RedisModuleString *e = NULL;
    RedisModuleString *v = p ? mh_string_new(p, len) : NULL;
    mh_module *prev = mh_current_module;
    mh_current_module = c->module;
    int rc = ((RedisModuleConfigSetStringFunc)c->set)(c->name, v, c->privdata, &e);
    mh_current_module = prev;
    if (v) mh_string_release(v);
    mh_config_err(e, err, errlen);
    return rc;
}

int mh_config_apply(mh_modconfig *c, char **err, size_t *errlen) {
    RedisModuleString *e = NULL;
    RedisModuleCtx *ctx = mh_ctx_new(c->module, 0, 2, 0);
    mh_module *prev = mh_current_module;
    mh_current_module = c->module;
    int rc = ((RedisModuleConfigApplyFunc)c->apply)(ctx, c->privdata, &e);
    mh_current_module = prev;
    mh_ctx_free(ctx);
    mh_config_err(e, err, errlen);
    return rc;
}

/* Redis's checks before a registration: OnLoad only (EBUSY), a name of
 * letters, digits, '_' and '-' and known flags (EINVAL). */
static int mh_config_check(RedisModuleCtx *ctx, const char *name, unsigned int flags, int kind) {
    if (!ctx || !ctx->module || !ctx->module->in_onload) {
        errno = EBUSY;
        return 0;
    }
    unsigned int known = REDISMODULE_CONFIG_DEFAULT | REDISMODULE_CONFIG_IMMUTABLE | REDISMODULE_CONFIG_SENSITIVE |
                         REDISMODULE_CONFIG_HIDDEN | REDISMODULE_CONFIG_PROTECTED | REDISMODULE_CONFIG_DENY_LOADING |
                         REDISMODULE_CONFIG_BITFLAGS | REDISMODULE_CONFIG_MEMORY;
    int bad = (flags & ~known) != 0;
    if (kind != MH_CFG_NUMERIC && (flags & REDISMODULE_CONFIG_MEMORY)) bad = 1;
    if (kind != MH_CFG_ENUM && (flags & REDISMODULE_CONFIG_BITFLAGS)) bad = 1;
    if (!name || !name[0]) bad = 1;
    for (const char *p = name; p && *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) bad = 1;
    }
    if (bad) {
        errno = EINVAL;
        return 0;
    }
    return 1;
}

static int mh_config_register(RedisModuleCtx *ctx, mh_modconfig *c, unsigned int flags, const char *defstr, int defnull,
                              long long defint, long long min, long long max, const char **names, const int *vals, int n) {
    size_t total = 0;
    for (int i = 0; i < n; i++) total += strlen(names[i]) + 1;
    char *buf = malloc(total + 1);
    int *ivals = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    if (!buf || !ivals) abort();
    size_t off = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(names[i]) + 1;
        memcpy(buf + off, names[i], l);
        off += l;
        ivals[i] = vals[i];
    }
    int e = goRegisterConfig(ctx->module->handle, c, c->name, c->kind, flags, (char *)defstr, defnull, defint, min, max, buf, ivals, n);
    free(buf);
    free(ivals);
    if (e) {
        mh_config_free(c);
        errno = e;
        return REDISMODULE_ERR;
    }
    return REDISMODULE_OK;
}

/* Registers string config "<module>.<name>" with default default_val
 * (NULL: unset). getfn returns the module's current string (kept by the
 * module), setfn stores a value and may set *err, applyfn (optional) runs
 * once per CONFIG SET after every value is set. Errors: EBUSY outside
 * OnLoad, EINVAL for a bad name or flags, EALREADY for a name taken.
 * Context: OnLoad. Crossing: goRegisterConfig. */
static int RM_RegisterStringConfig(RedisModuleCtx *ctx, const char *name, const char *default_val, unsigned int flags, RedisModuleConfigGetStringFunc getfn, RedisModuleConfigSetStringFunc setfn, RedisModuleConfigApplyFunc applyfn, void *privdata) {
    /* Redis checks string configs with the numeric rules (MEMORY allowed). */
    if (!mh_config_check(ctx, name, flags, MH_CFG_NUMERIC)) return REDISMODULE_ERR;
    mh_modconfig *c = mh_config_new(ctx->module, name, MH_CFG_STRING, (void *)getfn, (void *)setfn, (void *)applyfn, privdata);
    return mh_config_register(ctx, c, flags, default_val, default_val == NULL, 0, 0, 0, NULL, NULL, 0);
}

/* Registers a yes/no config; see RegisterStringConfig.
 * Context: OnLoad. Crossing: goRegisterConfig. */
static int RM_RegisterBoolConfig(RedisModuleCtx *ctx, const char *name, int default_val, unsigned int flags, RedisModuleConfigGetBoolFunc getfn, RedisModuleConfigSetBoolFunc setfn, RedisModuleConfigApplyFunc applyfn, void *privdata) {
    if (!mh_config_check(ctx, name, flags, MH_CFG_BOOL)) return REDISMODULE_ERR;
    mh_modconfig *c = mh_config_new(ctx->module, name, MH_CFG_BOOL, (void *)getfn, (void *)setfn, (void *)applyfn, privdata);
    return mh_config_register(ctx, c, flags, NULL, 0, default_val != 0, 0, 0, NULL, NULL, 0);
}

/* Registers an enum config with names enum_values[i] for int_values[i]
 * (REDISMODULE_CONFIG_BITFLAGS: a set of flags, several names at once);
 * see RegisterStringConfig. Context: OnLoad. Crossing: goRegisterConfig. */
static int RM_RegisterEnumConfig(RedisModuleCtx *ctx, const char *name, int default_val, unsigned int flags, const char **enum_values, const int *int_values, int num_enum_vals, RedisModuleConfigGetEnumFunc getfn, RedisModuleConfigSetEnumFunc setfn, RedisModuleConfigApplyFunc applyfn, void *privdata) {
    if (!mh_config_check(ctx, name, flags, MH_CFG_ENUM)) return REDISMODULE_ERR;
    mh_modconfig *c = mh_config_new(ctx->module, name, MH_CFG_ENUM, (void *)getfn, (void *)setfn, (void *)applyfn, privdata);
    return mh_config_register(ctx, c, flags, NULL, 0, default_val, 0, 0, enum_values, int_values, num_enum_vals);
}

/* Registers an integer config bounded by min..max (REDISMODULE_CONFIG_MEMORY
 * accepts 10mb-style values); see RegisterStringConfig.
 * Context: OnLoad. Crossing: goRegisterConfig. */
static int RM_RegisterNumericConfig(RedisModuleCtx *ctx, const char *name, long long default_val, unsigned int flags, long long min, long long max, RedisModuleConfigGetNumericFunc getfn, RedisModuleConfigSetNumericFunc setfn, RedisModuleConfigApplyFunc applyfn, void *privdata) {
    if (!mh_config_check(ctx, name, flags, MH_CFG_NUMERIC)) return REDISMODULE_ERR;
    mh_modconfig *c = mh_config_new(ctx->module, name, MH_CFG_NUMERIC, (void *)getfn, (void *)setfn, (void *)applyfn, privdata);
    return mh_config_register(ctx, c, flags, NULL, 0, default_val, min, max, NULL, NULL, 0);
}

/* Gives every config the module registered its value from the config
 * file, MODULE LOADEX, or else its default, through the set callbacks.
 * Must be called during OnLoad by a module that registers configs.
 * Context: OnLoad. Crossing: goLoadConfigs. */
static int RM_LoadConfigs(RedisModuleCtx *ctx) {
    if (!ctx || !ctx->module || !ctx->module->in_onload) return REDISMODULE_ERR;
    return goLoadConfigs(ctx->module->handle) ? REDISMODULE_OK : REDISMODULE_ERR;
}
