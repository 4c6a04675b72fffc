/*
 * mhcmdinfo -- modhost's test module for command metadata (SetCommandInfo,
 * subcommands, key specs), key extraction (GetCommandKeysWithFlags,
 * getkeys-api) and command filters.
 *
 * It uses only APIs Redis 7.0 has, so the same .so runs in Debian's
 * redis-server for side-by-side tests; the 7.2 additions
 * (SetCommandACLCategories, CommandFilterGetClientId) are called only when
 * the server provides them.
 */
#include "redismodule.h"
#include <errno.h>
#include <string.h>
#include <strings.h>

/* ---- commands ----------------------------------------------------------- */

/* Every documented command answers with its arguments after the name. */
static int EchoArgs(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    RedisModule_ReplyWithArray(ctx, argc - 1);
    for (int i = 1; i < argc; i++) RedisModule_ReplyWithString(ctx, argv[i]);
    return REDISMODULE_OK;
}

/* mci.getkeys ... key <k> ...: getkeys-api; "rkey <k>" reports a read-only
 * key, "key <k>" a key without flags. */
static int GetKeysCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (RedisModule_IsKeysPositionRequest(ctx)) {
        for (int i = 1; i + 1 < argc; i++) {
            const char *a = RedisModule_StringPtrLen(argv[i], NULL);
            if (!strcasecmp(a, "key")) RedisModule_KeyAtPos(ctx, i + 1);
            if (!strcasecmp(a, "rkey"))
                RedisModule_KeyAtPosWithFlags(ctx, i + 1, REDISMODULE_CMD_KEY_RO | REDISMODULE_CMD_KEY_ACCESS);
        }
        return REDISMODULE_OK;
    }
    return EchoArgs(ctx, argv, argc);
}

static const char *FlagWord(int f) {
    if (f & REDISMODULE_CMD_KEY_RO) return "RO";
    if (f & REDISMODULE_CMD_KEY_RW) return "RW";
    if (f & REDISMODULE_CMD_KEY_OW) return "OW";
    if (f & REDISMODULE_CMD_KEY_RM) return "RM";
    return "-";
}

/* mci.keys withflags cmd args...: RedisModule_GetCommandKeysWithFlags. */
static int KeysCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc < 3) return RedisModule_WrongArity(ctx);
    long long withflags;
    if (RedisModule_StringToLongLong(argv[1], &withflags) != REDISMODULE_OK)
        return RedisModule_ReplyWithError(ctx, "ERR bad withflags");
    int n = -1, *flags = NULL;
    errno = 0;
    int *pos = RedisModule_GetCommandKeysWithFlags(ctx, argv + 2, argc - 2, &n, withflags ? &flags : NULL);
    if (!pos) {
        if (errno == ENOENT) return RedisModule_ReplyWithError(ctx, "ERR ENOENT");
        if (errno == EINVAL) return RedisModule_ReplyWithError(ctx, "ERR EINVAL");
        if (errno) return RedisModule_ReplyWithError(ctx, "ERR other errno");
        return RedisModule_ReplyWithEmptyArray(ctx);
    }
    RedisModule_ReplyWithArray(ctx, n);
    for (int i = 0; i < n; i++) {
        if (!withflags) {
            RedisModule_ReplyWithString(ctx, argv[2 + pos[i]]);
            continue;
        }
        RedisModule_ReplyWithArray(ctx, 2);
        RedisModule_ReplyWithString(ctx, argv[2 + pos[i]]);
        RedisModule_ReplyWithCString(ctx, FlagWord(flags[i]));
    }
    RedisModule_Free(pos);
    if (flags) RedisModule_Free(flags);
    return REDISMODULE_OK;
}

/* ---- SetCommandInfo outcomes ------------------------------------------- */

/* What the bad-info cases returned at load: "name rc errno" lines. */
#define MAX_CASES 32
static char case_log[MAX_CASES][64];
static int ncases;

static void LogCase(const char *name, int rc) {
    if (ncases >= MAX_CASES) return;
    const char *e = rc == REDISMODULE_OK ? "-" : errno == EINVAL ? "EINVAL" : errno == EEXIST ? "EEXIST" : "other";
    snprintf(case_log[ncases++], sizeof(case_log[0]), "%s %s %s", name, rc == REDISMODULE_OK ? "OK" : "ERR", e);
}

static int CasesCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    if (argc != 1) return RedisModule_WrongArity(ctx);
    RedisModule_ReplyWithArray(ctx, ncases);
    for (int i = 0; i < ncases; i++) RedisModule_ReplyWithCString(ctx, case_log[i]);
    return REDISMODULE_OK;
}

/* Tries one info on a fresh command; the command stays registered. */
static void TryInfo(RedisModuleCtx *ctx, const char *name, RedisModuleCommandInfo *info) {
    char cmd[64];
    snprintf(cmd, sizeof(cmd), "mci.case.%s", name);
    if (RedisModule_CreateCommand(ctx, cmd, EchoArgs, "", 0, 0, 0) == REDISMODULE_ERR) return;
    errno = 0;
    LogCase(name, RedisModule_SetCommandInfo(RedisModule_GetCommand(ctx, cmd), info));
}

static void BadInfoCases(RedisModuleCtx *ctx) {
    RedisModuleCommandInfo noversion = {.summary = "x"};
    TryInfo(ctx, "noversion", &noversion);

    RedisModuleCommandKeySpec two_access[] = {{.flags = REDISMODULE_CMD_KEY_RO | REDISMODULE_CMD_KEY_RW,
        .begin_search_type = REDISMODULE_KSPEC_BS_INDEX, .bs.index.pos = 1}, {0}};
    RedisModuleCommandInfo i1 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .key_specs = two_access};
    TryInfo(ctx, "twoaccess", &i1);

    RedisModuleCommandKeySpec no_access[] = {{.flags = REDISMODULE_CMD_KEY_ACCESS,
        .begin_search_type = REDISMODULE_KSPEC_BS_INDEX, .bs.index.pos = 1}, {0}};
    RedisModuleCommandInfo i2 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .key_specs = no_access};
    TryInfo(ctx, "noaccess", &i2);

    RedisModuleCommandKeySpec two_writes[] = {{.flags = REDISMODULE_CMD_KEY_RW | REDISMODULE_CMD_KEY_INSERT | REDISMODULE_CMD_KEY_DELETE,
        .begin_search_type = REDISMODULE_KSPEC_BS_INDEX, .bs.index.pos = 1}, {0}};
    RedisModuleCommandInfo i3 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .key_specs = two_writes};
    TryInfo(ctx, "twowrites", &i3);

    RedisModuleCommandKeySpec no_keyword[] = {{.flags = REDISMODULE_CMD_KEY_RO,
        .begin_search_type = REDISMODULE_KSPEC_BS_KEYWORD}, {0}};
    RedisModuleCommandInfo i4 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .key_specs = no_keyword};
    TryInfo(ctx, "nokeyword", &i4);

    RedisModuleCommandKeySpec bad_bs[] = {{.flags = REDISMODULE_CMD_KEY_RO, .begin_search_type = 9}, {0}};
    RedisModuleCommandInfo i5 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .key_specs = bad_bs};
    TryInfo(ctx, "badbs", &i5);

    RedisModuleCommandKeySpec bad_fk[] = {{.flags = REDISMODULE_CMD_KEY_RO,
        .begin_search_type = REDISMODULE_KSPEC_BS_INDEX, .bs.index.pos = 1, .find_keys_type = 7}, {0}};
    RedisModuleCommandInfo i6 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .key_specs = bad_fk};
    TryInfo(ctx, "badfk", &i6);

    RedisModuleCommandHistoryEntry no_changes[] = {{"1.0", "fine"}, {"2.0", NULL}, {0}};
    RedisModuleCommandInfo i7 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .history = no_changes};
    TryInfo(ctx, "nochanges", &i7);

    RedisModuleCommandArg no_token[] = {{.name = "nx", .type = REDISMODULE_ARG_TYPE_PURE_TOKEN}, {0}};
    RedisModuleCommandInfo i8 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .args = no_token};
    TryInfo(ctx, "notoken", &i8);

    RedisModuleCommandArg key_no_spec[] = {{.name = "key", .type = REDISMODULE_ARG_TYPE_KEY, .key_spec_index = -1}, {0}};
    RedisModuleCommandInfo i9 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .args = key_no_spec};
    TryInfo(ctx, "keynospec", &i9);

    RedisModuleCommandArg spec_not_key[] = {{.name = "s", .type = REDISMODULE_ARG_TYPE_STRING, .key_spec_index = 2}, {0}};
    RedisModuleCommandInfo i10 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .args = spec_not_key};
    TryInfo(ctx, "specnotkey", &i10);

    RedisModuleCommandArg bad_flags[] = {{.name = "s", .type = REDISMODULE_ARG_TYPE_STRING, .flags = 1 << 5}, {0}};
    RedisModuleCommandInfo i11 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .args = bad_flags};
    TryInfo(ctx, "badflags", &i11);

    RedisModuleCommandArg oneof_empty[] = {{.name = "o", .type = REDISMODULE_ARG_TYPE_ONEOF}, {0}};
    RedisModuleCommandInfo i12 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .args = oneof_empty};
    TryInfo(ctx, "oneofempty", &i12);

    RedisModuleCommandArg sub[] = {{.name = "x", .type = REDISMODULE_ARG_TYPE_STRING}, {0}};
    RedisModuleCommandArg str_sub[] = {{.name = "s", .type = REDISMODULE_ARG_TYPE_STRING, .subargs = sub}, {0}};
    RedisModuleCommandInfo i13 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .args = str_sub};
    TryInfo(ctx, "stringsubargs", &i13);

    RedisModuleCommandArg bad_type[] = {{.name = "s", .type = 42}, {0}};
    RedisModuleCommandInfo i14 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .args = bad_type};
    TryInfo(ctx, "badtype", &i14);

    RedisModuleCommandArg deep_bad[] = {{.name = "b", .type = REDISMODULE_ARG_TYPE_BLOCK, .subargs = no_token}, {0}};
    RedisModuleCommandInfo i15 = {.version = REDISMODULE_COMMAND_INFO_VERSION, .args = deep_bad};
    TryInfo(ctx, "nestedbad", &i15);

    /* Arity alone can be set again; documentation only once. */
    RedisModuleCommandInfo arity_only = {.version = REDISMODULE_COMMAND_INFO_VERSION, .arity = -3};
    TryInfo(ctx, "again", &arity_only);
    RedisModuleCommand *c = RedisModule_GetCommand(ctx, "mci.case.again");
    errno = 0;
    LogCase("again2", RedisModule_SetCommandInfo(c, &arity_only));
    RedisModuleCommandInfo doc = {.version = REDISMODULE_COMMAND_INFO_VERSION, .summary = "once", .arity = -2};
    errno = 0;
    LogCase("again3", RedisModule_SetCommandInfo(c, &doc));
    errno = 0;
    LogCase("again4", RedisModule_SetCommandInfo(c, &doc));
}

/* ---- documented commands ----------------------------------------------- */

/* SetCommandACLCategories results at load (7.2 only; -9 when absent). */
static int acl_rc[5] = {-9, -9, -9, -9, -9};

static int AclRcCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    if (argc != 1) return RedisModule_WrongArity(ctx);
    RedisModule_ReplyWithArray(ctx, 5);
    for (int i = 0; i < 5; i++) RedisModule_ReplyWithLongLong(ctx, acl_rc[i]);
    return REDISMODULE_OK;
}

static int Document(RedisModuleCtx *ctx) {
    /* mci.get key: one read-only key, full documentation. */
    RedisModuleCommandHistoryEntry get_hist[] = {{"1.1.0", "Learned to echo."}, {"1.2.0", "Got a key spec."}, {0}};
    RedisModuleCommandKeySpec get_specs[] = {{.notes = "the only key", .flags = REDISMODULE_CMD_KEY_RO | REDISMODULE_CMD_KEY_ACCESS,
        .begin_search_type = REDISMODULE_KSPEC_BS_INDEX, .bs.index.pos = 1, .find_keys_type = REDISMODULE_KSPEC_FK_RANGE,
        .fk.range = {0, 1, 0}}, {0}};
    RedisModuleCommandArg unit[] = {
        {.name = "sec", .type = REDISMODULE_ARG_TYPE_INTEGER, .token = "EX", .summary = "seconds"},
        {.name = "at", .type = REDISMODULE_ARG_TYPE_UNIX_TIME, .token = "EXAT", .since = "1.2.0"},
        {.name = "keep", .type = REDISMODULE_ARG_TYPE_PURE_TOKEN, .token = "KEEP", .deprecated_since = "1.3.0"},
        {0}};
    RedisModuleCommandArg get_args[] = {
        {.name = "key", .type = REDISMODULE_ARG_TYPE_KEY, .key_spec_index = 0},
        {.name = "expiry", .type = REDISMODULE_ARG_TYPE_ONEOF, .flags = REDISMODULE_CMD_ARG_OPTIONAL, .subargs = unit},
        {.name = "pattern", .type = REDISMODULE_ARG_TYPE_PATTERN, .token = "MATCH", .flags = REDISMODULE_CMD_ARG_OPTIONAL | REDISMODULE_CMD_ARG_MULTIPLE_TOKEN,
         .display_text = "glob"},
        {.name = "factor", .type = REDISMODULE_ARG_TYPE_DOUBLE, .flags = REDISMODULE_CMD_ARG_OPTIONAL | REDISMODULE_CMD_ARG_MULTIPLE},
        {0}};
    RedisModuleCommandInfo get_info = {
        .version = REDISMODULE_COMMAND_INFO_VERSION,
        .summary = "Echoes its arguments",
        .complexity = "O(1)",
        .since = "1.0.0",
        .history = get_hist,
        .tips = "nondeterministic_output request_policy:all_shards",
        .arity = -2,
        .key_specs = get_specs,
        .args = get_args,
    };
    if (RedisModule_CreateCommand(ctx, "mci.get", EchoArgs, "readonly fast", 1, 1, 1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_SetCommandInfo(RedisModule_GetCommand(ctx, "mci.get"), &get_info) == REDISMODULE_ERR) return REDISMODULE_ERR;

    /* mci.kw src KEYS k1 k2 ... [STORE dst]: keyword specs, movable. */
    RedisModuleCommandKeySpec kw_specs[] = {
        {.flags = REDISMODULE_CMD_KEY_RO, .begin_search_type = REDISMODULE_KSPEC_BS_INDEX, .bs.index.pos = 1},
        {.flags = REDISMODULE_CMD_KEY_OW | REDISMODULE_CMD_KEY_UPDATE, .begin_search_type = REDISMODULE_KSPEC_BS_KEYWORD,
         .bs.keyword = {"STORE", -2}, .find_keys_type = REDISMODULE_KSPEC_FK_RANGE, .fk.range = {0, 1, 0}},
        {.flags = REDISMODULE_CMD_KEY_RO | REDISMODULE_CMD_KEY_ACCESS, .begin_search_type = REDISMODULE_KSPEC_BS_KEYWORD,
         .bs.keyword = {"KEYS", 2}, .find_keys_type = REDISMODULE_KSPEC_FK_RANGE, .fk.range = {-1, 1, 2}},
        {0}};
    RedisModuleCommandInfo kw_info = {.version = REDISMODULE_COMMAND_INFO_VERSION, .arity = -2, .key_specs = kw_specs};
    if (RedisModule_CreateCommand(ctx, "mci.kw", EchoArgs, "write", 0, 0, 0) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_SetCommandInfo(RedisModule_GetCommand(ctx, "mci.kw"), &kw_info) == REDISMODULE_ERR) return REDISMODULE_ERR;

    /* mci.num dst numkeys k1 ... kn: a keynum spec after a fixed key. */
    RedisModuleCommandKeySpec num_specs[] = {
        {.flags = REDISMODULE_CMD_KEY_RW | REDISMODULE_CMD_KEY_INSERT, .begin_search_type = REDISMODULE_KSPEC_BS_INDEX, .bs.index.pos = 1},
        {.flags = REDISMODULE_CMD_KEY_RM | REDISMODULE_CMD_KEY_DELETE, .begin_search_type = REDISMODULE_KSPEC_BS_INDEX, .bs.index.pos = 2,
         .find_keys_type = REDISMODULE_KSPEC_FK_KEYNUM, .fk.keynum = {0, 1, 1}},
        {.notes = "a channel name, routed like a key", .flags = REDISMODULE_CMD_KEY_RO | REDISMODULE_CMD_KEY_NOT_KEY,
         .begin_search_type = REDISMODULE_KSPEC_BS_KEYWORD, .bs.keyword = {"CHANNEL", 1}},
        {0}};
    RedisModuleCommandInfo num_info = {.version = REDISMODULE_COMMAND_INFO_VERSION, .arity = -3, .key_specs = num_specs};
    if (RedisModule_CreateCommand(ctx, "mci.num", EchoArgs, "write", 1, 1, 1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_SetCommandInfo(RedisModule_GetCommand(ctx, "mci.num"), &num_info) == REDISMODULE_ERR) return REDISMODULE_ERR;

    /* mci.pair a b c: two consecutive ranges glue into one legacy triple. */
    RedisModuleCommandKeySpec pair_specs[] = {
        {.flags = REDISMODULE_CMD_KEY_RO | REDISMODULE_CMD_KEY_ACCESS, .begin_search_type = REDISMODULE_KSPEC_BS_INDEX, .bs.index.pos = 1},
        {.flags = REDISMODULE_CMD_KEY_RW | REDISMODULE_CMD_KEY_UPDATE, .begin_search_type = REDISMODULE_KSPEC_BS_INDEX, .bs.index.pos = 2,
         .find_keys_type = REDISMODULE_KSPEC_FK_RANGE, .fk.range = {1, 1, 0}},
        {0}};
    RedisModuleCommandInfo pair_info = {.version = REDISMODULE_COMMAND_INFO_VERSION, .arity = 4, .key_specs = pair_specs};
    if (RedisModule_CreateCommand(ctx, "mci.pair", EchoArgs, "write", 0, 0, 0) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_SetCommandInfo(RedisModule_GetCommand(ctx, "mci.pair"), &pair_info) == REDISMODULE_ERR) return REDISMODULE_ERR;

    /* mci.unknown: specs that cannot be evaluated, and an incomplete one. */
    RedisModuleCommandKeySpec unk_specs[] = {
        {.flags = REDISMODULE_CMD_KEY_RW | REDISMODULE_CMD_KEY_INCOMPLETE, .begin_search_type = REDISMODULE_KSPEC_BS_INDEX, .bs.index.pos = 1},
        {.flags = REDISMODULE_CMD_KEY_RO, .begin_search_type = REDISMODULE_KSPEC_BS_UNKNOWN, .find_keys_type = REDISMODULE_KSPEC_FK_UNKNOWN},
        {0}};
    RedisModuleCommandInfo unk_info = {.version = REDISMODULE_COMMAND_INFO_VERSION, .key_specs = unk_specs};
    if (RedisModule_CreateCommand(ctx, "mci.unknown", EchoArgs, "", 0, 0, 0) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_SetCommandInfo(RedisModule_GetCommand(ctx, "mci.unknown"), &unk_info) == REDISMODULE_ERR) return REDISMODULE_ERR;

    /* Undocumented: a legacy triple only, and a getkeys-api command. */
    if (RedisModule_CreateCommand(ctx, "mci.legacy", EchoArgs, "write", 1, -1, 2) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_CreateCommand(ctx, "mci.getkeys", GetKeysCmd, "getkeys-api", 0, 0, 0) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_CreateCommand(ctx, "mci.nokeys", EchoArgs, "", 0, 0, 0) == REDISMODULE_ERR) return REDISMODULE_ERR;

    /* mci.box: a container with documented subcommands. */
    if (RedisModule_CreateCommand(ctx, "mci.box", NULL, "", 0, 0, 0) == REDISMODULE_ERR) return REDISMODULE_ERR;
    RedisModuleCommand *box = RedisModule_GetCommand(ctx, "mci.box");
    RedisModuleCommandInfo box_info = {.version = REDISMODULE_COMMAND_INFO_VERSION, .summary = "A box of subcommands", .since = "1.0.0"};
    if (RedisModule_SetCommandInfo(box, &box_info) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_CreateSubcommand(box, "put", EchoArgs, "write", 1, 1, 1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_CreateSubcommand(box, "peek", EchoArgs, "readonly", 1, 1, 1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    RedisModuleCommandInfo put_info = {.version = REDISMODULE_COMMAND_INFO_VERSION, .summary = "Puts", .arity = 4,
        .tips = "request_policy:all_keys"};
    if (RedisModule_SetCommandInfo(RedisModule_GetCommand(ctx, "mci.box|put"), &put_info) == REDISMODULE_ERR) return REDISMODULE_ERR;
    /* Refused: a name taken, nesting, a container with a function, an
     * unknown flag. (CreateSubcommand sets no errno.) */
    errno = 0;
    LogCase("dupsub", RedisModule_CreateSubcommand(box, "put", EchoArgs, "", 0, 0, 0));
    LogCase("nested", RedisModule_CreateSubcommand(RedisModule_GetCommand(ctx, "mci.box|put"), "x", EchoArgs, "", 0, 0, 0));
    LogCase("funcparent", RedisModule_CreateSubcommand(RedisModule_GetCommand(ctx, "mci.get"), "x", EchoArgs, "", 0, 0, 0));
    LogCase("badflag", RedisModule_CreateSubcommand(box, "y", EchoArgs, "no-such-flag", 0, 0, 0));

    /* 7.2: ACL categories, on commands of their own. */
    if (RedisModule_CreateCommand(ctx, "mci.acl", EchoArgs, "readonly", 1, 1, 1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_CreateCommand(ctx, "mci.acl2", EchoArgs, "", 0, 0, 0) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_SetCommandACLCategories) {
        acl_rc[0] = RedisModule_SetCommandACLCategories(RedisModule_GetCommand(ctx, "mci.acl"), "read fast");
        acl_rc[1] = RedisModule_SetCommandACLCategories(RedisModule_GetCommand(ctx, "mci.acl2"), "read nosuchcategory");
        acl_rc[2] = RedisModule_SetCommandACLCategories(RedisModule_GetCommand(ctx, "mci.acl2"), "");
        acl_rc[3] = RedisModule_SetCommandACLCategories(RedisModule_GetCommand(ctx, "mci.acl2"), "WRITE  slow");
        acl_rc[4] = RedisModule_SetCommandACLCategories(RedisModule_GetCommand(ctx, "mci.acl2"), "Write Slow");
    }
    return REDISMODULE_OK;
}

/* ---- command filters ---------------------------------------------------- */

static RedisModuleCommandFilter *rewrite_filter, *noself_filter;
static long long filtered;

/* Rewrites: "%del" is removed, "%rep" becomes "replaced", "%ins" gets
 * "inserted" after it, and a command named "mci.alias" runs as ECHO. */
static void RewriteFilter(RedisModuleCommandFilterCtx *fctx) {
    filtered++;
    for (int i = 0; i < RedisModule_CommandFilterArgsCount(fctx); i++) {
        const char *a = RedisModule_StringPtrLen(RedisModule_CommandFilterArgGet(fctx, i), NULL);
        if (i == 0 && !strcasecmp(a, "mci.alias")) {
            RedisModule_CommandFilterArgReplace(fctx, 0, RedisModule_CreateString(NULL, "ECHO", 4));
        } else if (!strcmp(a, "%del")) {
            RedisModule_CommandFilterArgDelete(fctx, i);
            i--;
        } else if (!strcmp(a, "%rep")) {
            RedisModule_CommandFilterArgReplace(fctx, i, RedisModule_CreateString(NULL, "replaced", 8));
        } else if (!strcmp(a, "%ins")) {
            RedisModule_CommandFilterArgInsert(fctx, i + 1, RedisModule_CreateString(NULL, "inserted", 8));
            i++;
        }
    }
    /* Out-of-range positions are refused. */
    if (RedisModule_CommandFilterArgGet(fctx, -1) || RedisModule_CommandFilterArgGet(fctx, RedisModule_CommandFilterArgsCount(fctx)))
        filtered += 1000000;
    if (RedisModule_CommandFilterArgDelete(fctx, RedisModule_CommandFilterArgsCount(fctx)) != REDISMODULE_ERR) filtered += 1000000;
}

/* NOSELF: "%self" becomes "filtered", except on this module's own calls. */
static void NoSelfFilter(RedisModuleCommandFilterCtx *fctx) {
    for (int i = 1; i < RedisModule_CommandFilterArgsCount(fctx); i++) {
        const char *a = RedisModule_StringPtrLen(RedisModule_CommandFilterArgGet(fctx, i), NULL);
        if (!strcmp(a, "%self")) RedisModule_CommandFilterArgReplace(fctx, i, RedisModule_CreateString(NULL, "filtered", 8));
    }
}

/* mci.selfcall args...: ECHO through RM_Call (NOSELF skips it). */
static int SelfCall(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    RedisModuleCallReply *r = RedisModule_Call(ctx, "ECHO", "s", argv[1]);
    if (!r) return RedisModule_ReplyWithError(ctx, "ERR call failed");
    RedisModule_ReplyWithCallReply(ctx, r);
    RedisModule_FreeCallReply(r);
    return REDISMODULE_OK;
}

/* mci.unfilter: unregisters the NOSELF filter; a second time fails. */
static int Unfilter(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    if (argc != 1) return RedisModule_WrongArity(ctx);
    if (!noself_filter) return RedisModule_ReplyWithLongLong(ctx, -1);
    int rc = RedisModule_UnregisterCommandFilter(ctx, noself_filter);
    noself_filter = NULL;
    return RedisModule_ReplyWithLongLong(ctx, rc);
}

/* mci.filtered: how many command lines the rewrite filter saw (reset). */
static int Filtered(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    if (argc != 1) return RedisModule_WrongArity(ctx);
    long long n = filtered;
    filtered = 0;
    return RedisModule_ReplyWithLongLong(ctx, n);
}

int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    (void)argc;
    if (RedisModule_Init(ctx, "mhcmdinfo", 1, REDISMODULE_APIVER_1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (Document(ctx) == REDISMODULE_ERR) return REDISMODULE_ERR;
    BadInfoCases(ctx);
    if (RedisModule_CreateCommand(ctx, "mci.cases", CasesCmd, "", 0, 0, 0) == REDISMODULE_ERR ||
        RedisModule_CreateCommand(ctx, "mci.keys", KeysCmd, "", 0, 0, 0) == REDISMODULE_ERR ||
        RedisModule_CreateCommand(ctx, "mci.selfcall", SelfCall, "", 0, 0, 0) == REDISMODULE_ERR ||
        RedisModule_CreateCommand(ctx, "mci.unfilter", Unfilter, "", 0, 0, 0) == REDISMODULE_ERR ||
        RedisModule_CreateCommand(ctx, "mci.filtered", Filtered, "", 0, 0, 0) == REDISMODULE_ERR ||
        RedisModule_CreateCommand(ctx, "mci.aclrc", AclRcCmd, "", 0, 0, 0) == REDISMODULE_ERR)
        return REDISMODULE_ERR;
    rewrite_filter = RedisModule_RegisterCommandFilter(ctx, RewriteFilter, 0);
    noself_filter = RedisModule_RegisterCommandFilter(ctx, NoSelfFilter, REDISMODULE_CMDFILTER_NOSELF);
    if (!rewrite_filter || !noself_filter) return REDISMODULE_ERR;
    return REDISMODULE_OK;
}
