/*
 * mhacl -- a test module for the ACL module APIs: module users, permission
 * checks, ACL log entries, authenticating clients as users (with the
 * user-changed callback), RM_Call as a user ("C" flag) and module auth.
 */
#include <string.h>
#include <errno.h>
#include "../../redismodule.h"

static RedisModuleUser *user = NULL;
static long long changes = 0;

static void changed(uint64_t id, void *priv) {
    (void)id;
    (void)priv;
    changes++;
}

static int reply_ok(RedisModuleCtx *ctx) { return RedisModule_ReplyWithSimpleString(ctx, "OK"); }

static int arity(RedisModuleCtx *ctx) { return RedisModule_WrongArity(ctx); }

static int reply_errno(RedisModuleCtx *ctx) {
    switch (errno) {
    case ENOENT: return RedisModule_ReplyWithError(ctx, "ERR ENOENT");
    case EACCES: return RedisModule_ReplyWithError(ctx, "ERR EACCES");
    case EINVAL: return RedisModule_ReplyWithError(ctx, "ERR EINVAL");
    default: return RedisModule_ReplyWithError(ctx, "ERR denied");
    }
}

/* MHACL.USER rules: (re)creates the module user "modu" with rules. */
static int cmd_user(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return arity(ctx);
    if (user) RedisModule_FreeModuleUser(user);
    user = RedisModule_CreateModuleUser("modu");
    RedisModuleString *err = NULL;
    if (RedisModule_SetModuleUserACLString(ctx, user, RedisModule_StringPtrLen(argv[1], NULL), &err) != REDISMODULE_OK) {
        size_t n;
        const char *p = RedisModule_StringPtrLen(err, &n);
        RedisModule_ReplyWithErrorFormat(ctx, "ERR %.*s", (int)n, p);
        RedisModule_FreeString(ctx, err);
        return REDISMODULE_OK;
    }
    return reply_ok(ctx);
}

/* MHACL.RULE rule: one SetModuleUserACL on the module user. */
static int cmd_rule(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2 || !user) return arity(ctx);
    if (RedisModule_SetModuleUserACL(user, RedisModule_StringPtrLen(argv[1], NULL)) != REDISMODULE_OK)
        return RedisModule_ReplyWithError(ctx, "ERR bad rule");
    return reply_ok(ctx);
}

/* MHACL.DESCRIBE: the module user's rules. */
static int cmd_describe(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    if (argc != 1 || !user) return arity(ctx);
    RedisModuleString *s = RedisModule_GetModuleUserACLString(user);
    RedisModule_ReplyWithString(ctx, s);
    RedisModule_FreeString(NULL, s);
    return REDISMODULE_OK;
}

static RedisModuleUser *named(RedisModuleString *name) {
    return RedisModule_GetModuleUserFromUserName(name);
}

/* MHACL.CHECKCMD user cmd [arg ...] */
static int cmd_checkcmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc < 3) return arity(ctx);
    RedisModuleUser *u = named(argv[1]);
    if (!u) return RedisModule_ReplyWithError(ctx, "ERR no such user");
    int rc = RedisModule_ACLCheckCommandPermissions(u, argv + 2, argc - 2);
    RedisModule_FreeModuleUser(u);
    if (rc != REDISMODULE_OK) return reply_errno(ctx);
    return reply_ok(ctx);
}

/* MHACL.CHECKKEY user key R|W|RW|X */
static int cmd_checkkey(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 4) return arity(ctx);
    RedisModuleUser *u = named(argv[1]);
    if (!u) return RedisModule_ReplyWithError(ctx, "ERR no such user");
    const char *m = RedisModule_StringPtrLen(argv[3], NULL);
    int flags = 0;
    if (strchr(m, 'R')) flags |= REDISMODULE_CMD_KEY_ACCESS;
    if (strchr(m, 'W')) flags |= REDISMODULE_CMD_KEY_UPDATE;
    if (strchr(m, 'X')) flags |= REDISMODULE_CMD_KEY_RW;
    int rc = RedisModule_ACLCheckKeyPermissions(u, argv[2], flags);
    RedisModule_FreeModuleUser(u);
    if (rc != REDISMODULE_OK) return reply_errno(ctx);
    return reply_ok(ctx);
}

/* MHACL.CHECKCHAN user channel PUB|SUB|PSUB|UNSUB */
static int cmd_checkchan(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 4) return arity(ctx);
    RedisModuleUser *u = named(argv[1]);
    if (!u) return RedisModule_ReplyWithError(ctx, "ERR no such user");
    const char *m = RedisModule_StringPtrLen(argv[3], NULL);
    int flags = REDISMODULE_CMD_CHANNEL_PUBLISH;
    if (!strcmp(m, "SUB")) flags = REDISMODULE_CMD_CHANNEL_SUBSCRIBE;
    if (!strcmp(m, "PSUB")) flags = REDISMODULE_CMD_CHANNEL_SUBSCRIBE | REDISMODULE_CMD_CHANNEL_PATTERN;
    if (!strcmp(m, "UNSUB")) flags = REDISMODULE_CMD_CHANNEL_UNSUBSCRIBE;
    int rc = RedisModule_ACLCheckChannelPermissions(u, argv[2], flags);
    RedisModule_FreeModuleUser(u);
    if (rc != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR denied");
    return reply_ok(ctx);
}

/* MHACL.AUTHMOD: authenticates the caller as the module user. */
static int cmd_authmod(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    if (argc != 1 || !user) return arity(ctx);
    uint64_t id = 0;
    if (RedisModule_AuthenticateClientWithUser(ctx, user, changed, NULL, &id) != REDISMODULE_OK)
        return RedisModule_ReplyWithError(ctx, "ERR cannot authenticate");
    return RedisModule_ReplyWithLongLong(ctx, (long long)id);
}

/* MHACL.AUTHUSER name: authenticates the caller as an ACL user. */
static int cmd_authuser(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return arity(ctx);
    size_t n;
    const char *name = RedisModule_StringPtrLen(argv[1], &n);
    uint64_t id = 0;
    if (RedisModule_AuthenticateClientWithACLUser(ctx, name, n, changed, NULL, &id) != REDISMODULE_OK)
        return RedisModule_ReplyWithError(ctx, "ERR cannot authenticate");
    return RedisModule_ReplyWithLongLong(ctx, (long long)id);
}

/* MHACL.CHANGES: user-changed callbacks seen since the last call. */
static int cmd_changes(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    (void)argc;
    long long n = changes;
    changes = 0;
    return RedisModule_ReplyWithLongLong(ctx, n);
}

/* MHACL.WHOAMI */
static int cmd_whoami(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    (void)argc;
    RedisModuleString *s = RedisModule_GetCurrentUserName(ctx);
    RedisModule_ReplyWithString(ctx, s);
    RedisModule_FreeString(ctx, s);
    return REDISMODULE_OK;
}

/* MHACL.CALLAS cmd [arg ...]: RM_Call as the module user, ACL checked. */
static int cmd_callas(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc < 2 || !user) return arity(ctx);
    RedisModule_SetContextUser(ctx, user);
    RedisModuleCallReply *r = RedisModule_Call(ctx, RedisModule_StringPtrLen(argv[1], NULL), "CEv", argv + 2, argc - 2);
    RedisModule_SetContextUser(ctx, NULL);
    if (!r) return reply_errno(ctx);
    RedisModule_ReplyWithCallReply(ctx, r);
    RedisModule_FreeCallReply(r);
    return REDISMODULE_OK;
}

/* MHACL.LOG user object: an ACL LOG entry (reason key) by user name. */
static int cmd_log(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return arity(ctx);
    RedisModule_ACLAddLogEntryByUserName(ctx, argv[1], argv[2], REDISMODULE_ACL_LOG_KEY);
    return reply_ok(ctx);
}

/* MHACL.SECRET a b: redacts b from SLOWLOG and MONITOR. */
static int cmd_secret(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    if (argc != 3) return arity(ctx);
    if (RedisModule_RedactClientCommandArgument(ctx, 2) != REDISMODULE_OK || RedisModule_RedactClientCommandArgument(ctx, 3) == REDISMODULE_OK)
        return RedisModule_ReplyWithError(ctx, "ERR redaction");
    return reply_ok(ctx);
}

/* Module auth: user "modauth" with password "letmein" logs in as the
 * module user, "modauth"/other is refused with the module's message,
 * anyone else falls through to passwords. */
static int auth_cb(RedisModuleCtx *ctx, RedisModuleString *username, RedisModuleString *password, RedisModuleString **err) {
    if (strcmp(RedisModule_StringPtrLen(username, NULL), "modauth")) return REDISMODULE_AUTH_NOT_HANDLED;
    if (!strcmp(RedisModule_StringPtrLen(password, NULL), "letmein") && user) {
        RedisModule_AuthenticateClientWithUser(ctx, user, NULL, NULL, NULL);
        return REDISMODULE_AUTH_HANDLED;
    }
    *err = RedisModule_CreateString(ctx, "mhacl says no", 13);
    return REDISMODULE_AUTH_HANDLED;
}

int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    (void)argc;
    if (RedisModule_Init(ctx, "mhacl", 1, REDISMODULE_APIVER_1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    struct { const char *name; RedisModuleCmdFunc fn; const char *flags; } cmds[] = {
        {"mhacl.user", cmd_user, ""}, {"mhacl.rule", cmd_rule, ""}, {"mhacl.describe", cmd_describe, ""},
        {"mhacl.checkcmd", cmd_checkcmd, ""}, {"mhacl.checkkey", cmd_checkkey, ""},
        {"mhacl.checkchan", cmd_checkchan, ""}, {"mhacl.authmod", cmd_authmod, "no-auth"},
        {"mhacl.authuser", cmd_authuser, "no-auth"}, {"mhacl.changes", cmd_changes, ""},
        {"mhacl.whoami", cmd_whoami, ""}, {"mhacl.callas", cmd_callas, ""}, {"mhacl.log", cmd_log, ""},
        {"mhacl.secret", cmd_secret, ""},
    };
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
        if (RedisModule_CreateCommand(ctx, cmds[i].name, cmds[i].fn, cmds[i].flags, 0, 0, 0) == REDISMODULE_ERR)
            return REDISMODULE_ERR;
    RedisModule_RegisterAuthCallback(ctx, auth_cb);
    return REDISMODULE_OK;
}
