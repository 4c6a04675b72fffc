/*
 * acl.c -- module users, ACL checks and logging, authenticating clients
 * as users, and the user RM_Call runs as.
 *
 * A RedisModuleUser holds a Go handle to an ACL user: one the module
 * created (it owns it and FreeModuleUser deletes it) or one looked up by
 * name (only the wrapper is the module's).
 */
#include "core.h"
#include "_cgo_export.h"

struct RedisModuleUser {
    uint64_t handle;
};

/* The user handle RM_Call runs the next command as (0: the context's
 * client's user). Set and read on the calling thread only. */
static __thread uint64_t mh_call_user;

uint64_t mh_call_user_get(void) { return mh_call_user; }

void mh_call_user_set(RedisModuleCtx *ctx) {
    mh_call_user = ctx && ctx->user ? ctx->user->handle : 0;
}

static RedisModuleUser *mh_user_wrap(uint64_t handle) {
    if (!handle) return NULL;
    RedisModuleUser *u = mh_alloc(sizeof(*u));
    u->handle = handle;
    return u;
}

static RedisModuleString *mh_acl_string(RedisModuleCtx *ctx, char *p, size_t n) {
    if (!p) return NULL;
    RedisModuleString *s = mh_string_new(p, n);
    free(p);
    if (ctx && (ctx->flags & MH_CTX_AUTO_MEMORY)) mh_am_add(ctx, MH_AM_STRING, s);
    return s;
}

/* Creates a user named name that is not in the ACL user list: it starts
 * off, with no permissions, and only this module can authenticate
 * clients with it. Free it with FreeModuleUser. Crossing:
 * goCreateModuleUser. */
static RedisModuleUser *RM_CreateModuleUser(const char *name) {
    return mh_user_wrap(goCreateModuleUser((char *)name, strlen(name)));
}

/* Releases a user wrapper. A user the module created is deleted and the
 * clients authenticated with it are disconnected. (Redis's header
 * declares it void.) Crossing: goFreeModuleUser. */
static void RM_FreeModuleUser(RedisModuleUser *user) {
    if (!user) return;
    goFreeModuleUser(user->handle);
    mh_free(user);
}

/* Applies one ACL SETUSER rule ("+get", "~key*", "on"...) to the user.
 * REDISMODULE_ERR when the rule is not valid (the user is unchanged).
 * Crossing: goSetModuleUserACL. */
static int RM_SetModuleUserACL(RedisModuleUser *user, const char *acl) {
    return goSetModuleUserACL(user->handle, (char *)acl, strlen(acl));
}

/* Applies a whole space-separated rule string, all or nothing. On
 * failure REDISMODULE_ERR, and *error (when error is not NULL) gets ACL
 * SETUSER's error text (auto memory when ctx uses it). Crossing:
 * goSetModuleUserACLString. */
static int RM_SetModuleUserACLString(RedisModuleCtx *ctx, RedisModuleUser *user, const char *acl, RedisModuleString **error) {
    char *err = NULL;
    size_t errlen = 0;
    int rc = goSetModuleUserACLString(user->handle, (char *)acl, strlen(acl), &err, &errlen);
    if (rc != REDISMODULE_OK) {
        if (error) *error = mh_acl_string(ctx, err, errlen);
        else free(err);
    }
    return rc;
}

/* The user's rules as ACL LIST shows them (a new string the caller
 * frees). Crossing: goGetModuleUserACLString. */
static RedisModuleString *RM_GetModuleUserACLString(RedisModuleUser *user) {
    size_t n = 0;
    char *p = goGetModuleUserACLString(user->handle, &n);
    return mh_acl_string(NULL, p, n);
}

/* The name of the user the context's client is authenticated as, or NULL
 * without a client. Crossing: goGetCurrentUserName. */
static RedisModuleString *RM_GetCurrentUserName(RedisModuleCtx *ctx) {
    size_t n = 0;
    char *p = goGetCurrentUserName(ctx->client, &n);
    return mh_acl_string(ctx, p, n);
}

/* A wrapper for the ACL user called name, or NULL when there is none. The
 * wrapper (not the user) is freed with FreeModuleUser; it must not be
 * kept across a command, the user may be deleted. Crossing:
 * goGetModuleUserFromUserName. */
static RedisModuleUser *RM_GetModuleUserFromUserName(RedisModuleString *name) {
    return mh_user_wrap(goGetModuleUserFromUserName(name->ptr, name->len));
}

/* Packs argv for a crossing: the bytes back to back plus their lengths. */
static int mh_pack_argv(RedisModuleString **argv, int argc, char **buf, size_t **lens) {
    size_t total = 0;
    for (int i = 0; i < argc; i++) total += argv[i]->len;
    *buf = malloc(total ? total : 1);
    *lens = malloc(sizeof(size_t) * (argc ? argc : 1));
    if (!*buf || !*lens) abort();
    size_t off = 0;
    for (int i = 0; i < argc; i++) {
        memcpy(*buf + off, argv[i]->ptr, argv[i]->len);
        (*lens)[i] = argv[i]->len;
        off += argv[i]->len;
    }
    return argc;
}

/* Whether the user may run the command argv (keys and channels
 * included). REDISMODULE_ERR with errno ENOENT for an unknown command,
 * EACCES when denied. Crossing: goACLCheckCommandPermissions. */
static int RM_ACLCheckCommandPermissions(RedisModuleUser *user, RedisModuleString **argv, int argc) {
    char *buf;
    size_t *lens;
    mh_pack_argv(argv, argc, &buf, &lens);
    int e = goACLCheckCommandPermissions(user->handle, buf, lens, argc);
    free(buf);
    free(lens);
    if (e) {
        errno = e;
        return REDISMODULE_ERR;
    }
    return REDISMODULE_OK;
}

/* Whether the user may touch key the way flags say
 * (REDISMODULE_CMD_KEY_ACCESS, _INSERT, _DELETE, _UPDATE; any other bit
 * is EINVAL). REDISMODULE_ERR with errno EACCES when denied. Crossing:
 * goACLCheckKeyPermissions. */
static int RM_ACLCheckKeyPermissions(RedisModuleUser *user, RedisModuleString *key, int flags) {
    const int allow = REDISMODULE_CMD_KEY_ACCESS | REDISMODULE_CMD_KEY_INSERT |
                      REDISMODULE_CMD_KEY_DELETE | REDISMODULE_CMD_KEY_UPDATE;
    if ((flags & allow) != flags) {
        errno = EINVAL;
        return REDISMODULE_ERR;
    }
    if (!goACLCheckKeyPermissions(user->handle, key->ptr, key->len, flags)) {
        errno = EACCES;
        return REDISMODULE_ERR;
    }
    return REDISMODULE_OK;
}

/* Whether the user may use channel ch: flags are
 * REDISMODULE_CMD_CHANNEL_PUBLISH / _SUBSCRIBE / _UNSUBSCRIBE, with
 * _PATTERN when ch is a pattern (matched literally against the user's
 * patterns). Unsubscribing is always allowed; other bits are EINVAL.
 * Crossing: goACLCheckChannelPermissions. */
static int RM_ACLCheckChannelPermissions(RedisModuleUser *user, RedisModuleString *ch, int flags) {
    const int allow = REDISMODULE_CMD_CHANNEL_PUBLISH | REDISMODULE_CMD_CHANNEL_SUBSCRIBE |
                      REDISMODULE_CMD_CHANNEL_UNSUBSCRIBE | REDISMODULE_CMD_CHANNEL_PATTERN;
    if ((flags & allow) != flags) {
        errno = EINVAL;
        return REDISMODULE_ERR;
    }
    if (flags & REDISMODULE_CMD_CHANNEL_UNSUBSCRIBE) return REDISMODULE_OK;
    if (!goACLCheckChannelPermissions(user->handle, ch->ptr, ch->len, (flags & REDISMODULE_CMD_CHANNEL_PATTERN) != 0))
        return REDISMODULE_ERR;
    return REDISMODULE_OK;
}

/* Adds an ACL LOG entry (context "module") for the user: reason says
 * what was denied, object names it; an unknown reason adds nothing.
 * Crossing: goACLAddLogEntry. */
static void RM_ACLAddLogEntry(RedisModuleCtx *ctx, RedisModuleUser *user, RedisModuleString *object, RedisModuleACLLogEntryReason reason) {
    goACLAddLogEntry(ctx->client, user->handle, NULL, 0, object->ptr, object->len, (int)reason);
}

/* ACLAddLogEntry with a user name instead of a user. Crossing:
 * goACLAddLogEntry. */
static void RM_ACLAddLogEntryByUserName(RedisModuleCtx *ctx, RedisModuleString *username, RedisModuleString *object, RedisModuleACLLogEntryReason reason) {
    goACLAddLogEntry(ctx->client, 0, username->ptr, username->len, object->ptr, object->len, (int)reason);
}

/* Authenticates the context's client as the module user. callback (may
 * be NULL) runs with privdata when the client's user later changes, the
 * user is freed or the client disconnects; *client_id gets the client's
 * id. REDISMODULE_ERR when the user is off or there is no real client.
 * Crossing: goAuthenticateClient. */
static int RM_AuthenticateClientWithUser(RedisModuleCtx *ctx, RedisModuleUser *module_user, RedisModuleUserChangedFunc callback, void *privdata, uint64_t *client_id) {
    return goAuthenticateClient(ctx->client, ctx->module ? ctx->module->handle : 0, module_user->handle, NULL, 0,
                                (void *)callback, privdata, client_id);
}

/* AuthenticateClientWithUser for the ACL user called name;
 * REDISMODULE_ERR when there is no such user. Crossing:
 * goAuthenticateClient. */
static int RM_AuthenticateClientWithACLUser(RedisModuleCtx *ctx, const char *name, size_t len, RedisModuleUserChangedFunc callback, void *privdata, uint64_t *client_id) {
    return goAuthenticateClient(ctx->client, ctx->module ? ctx->module->handle : 0, 0, (char *)name, len,
                                (void *)callback, privdata, client_id);
}

/* Puts client_id back on the default user, unauthenticated, and closes
 * it (after its current command). REDISMODULE_ERR for an unknown client.
 * Crossing: goDeauthenticateAndCloseClient. */
static int RM_DeauthenticateAndCloseClient(RedisModuleCtx *ctx, uint64_t client_id) {
    (void)ctx;
    return goDeauthenticateAndCloseClient(client_id);
}

/* Hides argument pos of the running command from SLOWLOG and MONITOR
 * (passwords). REDISMODULE_ERR without a client or for pos outside
 * 1..argc-1. Crossing: goRedactClientCommandArgument. */
static int RM_RedactClientCommandArgument(RedisModuleCtx *ctx, int pos) {
    if (!ctx || !ctx->client || pos <= 0) return REDISMODULE_ERR;
    return goRedactClientCommandArgument(ctx->client, pos);
}

/* Makes RM_Call with the "C" flag run as user (NULL: the context's
 * client's user). The context does not own the user. */
static void RM_SetContextUser(RedisModuleCtx *ctx, const RedisModuleUser *user) {
    ctx->user = user;
}

/* Calls a module's user-changed callback (Go holds the pointers). */
void mh_invoke_user_changed(void *cb, uint64_t client_id, void *privdata) {
    ((RedisModuleUserChangedFunc)cb)(client_id, privdata);
}

/* Registers cb to take part in AUTH and HELLO AUTH: callbacks run newest
 * first before password checks, until one answers
 * REDISMODULE_AUTH_HANDLED; a handled attempt succeeds when the callback
 * authenticated the client (AuthenticateClientWith...), otherwise it fails
 * with the callback's *err or WRONGPASS. Crossing:
 * goRegisterAuthCallback. */
static void RM_RegisterAuthCallback(RedisModuleCtx *ctx, RedisModuleAuthCallback cb) {
    if (!ctx || !ctx->module || !cb) return;
    goRegisterAuthCallback(ctx->module->handle, (void *)cb);
}

/* Runs a module auth callback for client with a fresh context. The error
 * string the callback may set, and anything it replied, are handed back
 * as malloc'ed bytes. */
int mh_invoke_auth_cb(void *cb, mh_module *m, uint64_t client, int resp, const char *user, size_t ulen,
                      const char *pass, size_t plen, char **err, size_t *errlen, char **raw, size_t *rawlen) {
    RedisModuleCtx *ctx = mh_ctx_new(m, client, resp, 0);
    RedisModuleString *u = mh_string_new(user, ulen);
    RedisModuleString *p = mh_string_new(pass, plen);
    RedisModuleString *e = NULL;
    mh_module *prev = mh_current_module;
    mh_current_module = m;
    int rc = ((RedisModuleAuthCallback)cb)(ctx, u, p, &e);
    mh_current_module = prev;
    *err = NULL;
    *errlen = 0;
    if (e) {
        *err = mh_malloc_copy(e->ptr, e->len);
        *errlen = e->len;
        mh_am_forget(ctx, e);
        mh_string_release(e);
    }
    *raw = NULL;
    *rawlen = 0;
    if (ctx->reply.len) {
        *raw = mh_malloc_copy(ctx->reply.data, ctx->reply.len);
        *rawlen = ctx->reply.len;
    }
    mh_ctx_free(ctx);
    mh_string_release(u);
    mh_string_release(p);
    return rc;
}

/* Blocks the client whose module auth callback is running (the callback
 * then returns REDISMODULE_AUTH_HANDLED). When the module unblocks it,
 * reply_callback decides the authentication as an auth callback would,
 * free_privdata releases the private data, and AUTH or HELLO completes.
 * NULL outside a module auth callback. Crossing: goClientInModuleAuth,
 * goBlockClient, goAuthBlock. */
static RedisModuleBlockedClient *RM_BlockClientOnAuth(RedisModuleCtx *ctx, RedisModuleAuthCallback reply_callback,
                                                      void (*free_privdata)(RedisModuleCtx *, void *)) {
    if (!ctx || !goClientInModuleAuth(ctx->client)) return NULL;
    RedisModuleBlockedClient *bc = mh_block(ctx, NULL, NULL, free_privdata, 0, NULL, 0, NULL, 0);
    bc->auth_reply_callback = reply_callback;
    if (bc->handle) goAuthBlock(bc->handle);
    return bc;
}

/* Runs a blocked auth's reply callback (when the client is still there)
 * and frees the private data; returns the callback's answer
 * (REDISMODULE_AUTH_NOT_HANDLED when it did not run). */
int mh_bc_auth_reply(RedisModuleBlockedClient *bc, const char *user, size_t ulen, const char *pass, size_t plen,
                     char **err, size_t *errlen) {
    int rc = REDISMODULE_AUTH_NOT_HANDLED;
    *err = NULL;
    *errlen = 0;
    if (bc->client && bc->auth_reply_callback) {
        RedisModuleCtx *ctx = mh_bc_ctx(bc, MH_CTX_BLOCKED_REPLY);
        RedisModuleString *u = mh_string_new(user, ulen);
        RedisModuleString *p = mh_string_new(pass, plen);
        RedisModuleString *e = NULL;
        mh_module *prev = mh_current_module;
        mh_current_module = bc->module;
        rc = bc->auth_reply_callback(ctx, u, p, &e);
        mh_current_module = prev;
        if (e) {
            *err = mh_malloc_copy(e->ptr, e->len);
            *errlen = e->len;
            mh_am_forget(ctx, e);
            mh_string_release(e);
        }
        mh_ctx_free(ctx);
        mh_string_release(u);
        mh_string_release(p);
    }
    mh_bc_free_privdata(bc, 0);
    bc->privdata = NULL;
    return rc;
}
