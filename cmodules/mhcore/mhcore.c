/*
 * mhcore -- modhost's test module for the core API groups: strings,
 * replies (RESP2 and RESP3, postponed lengths), RM_Call and call replies,
 * auto memory, context flags, command registration and getkeys-api.
 * Every command is written so that real Redis gives the same replies, and
 * uses only APIs Redis 7.0 has (Debian's redis-server is the oracle).
 */
#include "redismodule.h"
#include <string.h>
#include <errno.h>
#include <stdio.h>

/* mh.echo arg... : replies with its arguments as an array. */
static int Echo(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    RedisModule_ReplyWithArray(ctx, argc - 1);
    for (int i = 1; i < argc; i++) RedisModule_ReplyWithString(ctx, argv[i]);
    return REDISMODULE_OK;
}

/* mh.types : one reply of every kind, inside a postponed array. */
static int Types(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    RedisModule_ReplyWithArray(ctx, REDISMODULE_POSTPONED_LEN);
    RedisModule_ReplyWithLongLong(ctx, -42);
    RedisModule_ReplyWithSimpleString(ctx, "status");
    RedisModule_ReplyWithStringBuffer(ctx, "buf\0fer", 7);
    RedisModule_ReplyWithCString(ctx, "cstring");
    RedisModule_ReplyWithNull(ctx);
    RedisModule_ReplyWithNullArray(ctx);
    RedisModule_ReplyWithEmptyArray(ctx);
    RedisModule_ReplyWithEmptyString(ctx);
    RedisModule_ReplyWithDouble(ctx, 3.5);
    RedisModule_ReplyWithBool(ctx, 1);
    RedisModule_ReplyWithBigNumber(ctx, "1234567890123456789012345", 25);
    RedisModule_ReplyWithVerbatimString(ctx, "verbatim", 8);
    RedisModule_ReplyWithLongDouble(ctx, 1.25L);
    RedisModule_ReplyWithMap(ctx, REDISMODULE_POSTPONED_LEN);
    RedisModule_ReplyWithCString(ctx, "k1");
    RedisModule_ReplyWithArray(ctx, REDISMODULE_POSTPONED_LEN);
    RedisModule_ReplyWithLongLong(ctx, 1);
    RedisModule_ReplyWithLongLong(ctx, 2);
    RedisModule_ReplySetArrayLength(ctx, 2);
    RedisModule_ReplySetMapLength(ctx, 1);
    RedisModule_ReplyWithSet(ctx, 2);
    RedisModule_ReplyWithCString(ctx, "a");
    RedisModule_ReplyWithCString(ctx, "b");
    RedisModule_ReplyWithError(ctx, "ERR inner error");
    RedisModule_ReplySetArrayLength(ctx, 16);
    return REDISMODULE_OK;
}

/* mh.err text : replies with text as an error (code included by caller). */
static int Err(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    return RedisModule_ReplyWithError(ctx, RedisModule_StringPtrLen(argv[1], NULL));
}

/* mh.num str : parses str as long long, unsigned, double; replies array. */
static int Num(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    long long ll;
    unsigned long long ull;
    double d;
    RedisModule_ReplyWithArray(ctx, 3);
    if (RedisModule_StringToLongLong(argv[1], &ll) == REDISMODULE_OK) RedisModule_ReplyWithLongLong(ctx, ll);
    else RedisModule_ReplyWithNull(ctx);
    if (RedisModule_StringToULongLong(argv[1], &ull) == REDISMODULE_OK) {
        RedisModuleString *s = RedisModule_CreateStringFromULongLong(ctx, ull);
        RedisModule_ReplyWithString(ctx, s);
        RedisModule_FreeString(ctx, s);
    } else RedisModule_ReplyWithNull(ctx);
    if (RedisModule_StringToDouble(argv[1], &d) == REDISMODULE_OK) {
        RedisModuleString *s = RedisModule_CreateStringFromDouble(ctx, d);
        RedisModule_ReplyWithString(ctx, s);
        RedisModule_FreeString(ctx, s);
    } else RedisModule_ReplyWithNull(ctx);
    return REDISMODULE_OK;
}

/* mh.strings : exercises string creation, append, compare, printf. */
static int Strings(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    RedisModule_AutoMemory(ctx);
    RedisModuleString *a = RedisModule_CreateString(ctx, "abc", 3);
    RedisModuleString *b = RedisModule_CreateStringFromString(ctx, a);
    RedisModule_StringAppendBuffer(ctx, b, "def", 3);
    RedisModuleString *p = RedisModule_CreateStringPrintf(ctx, "%s-%d-%s", "x", 42, RedisModule_StringPtrLen(b, NULL));
    RedisModuleString *n = RedisModule_CreateStringFromLongLong(ctx, -9007199254740993LL);
    RedisModule_ReplyWithArray(ctx, 5);
    RedisModule_ReplyWithString(ctx, b);
    RedisModule_ReplyWithString(ctx, p);
    RedisModule_ReplyWithString(ctx, n);
    RedisModule_ReplyWithLongLong(ctx, RedisModule_StringCompare(a, b) < 0);
    RedisModule_ReplyWithLongLong(ctx, (long long)RedisModule_CallReplyType(NULL));
    return REDISMODULE_OK;
}

/* mh.call cmd args... : runs cmd through RM_Call and forwards the reply. */
static int Call(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc < 2) return RedisModule_WrongArity(ctx);
    const char *cmd = RedisModule_StringPtrLen(argv[1], NULL);
    RedisModuleCallReply *r = RedisModule_Call(ctx, cmd, "v", argv + 2, (size_t)(argc - 2));
    if (!r) {
        return RedisModule_ReplyWithError(ctx, errno == ENOENT ? "ERR call failed: errno=ENOENT" :
            errno == EINVAL ? "ERR call failed: errno=EINVAL" : "ERR call failed: errno=other");
    }
    RedisModule_ReplyWithCallReply(ctx, r);
    RedisModule_FreeCallReply(r);
    return REDISMODULE_OK;
}

/* Replies with a description of one call reply, recursively. */
static void Describe(RedisModuleCtx *ctx, RedisModuleCallReply *r) {
    size_t len;
    const char *p;
    switch (RedisModule_CallReplyType(r)) {
    case REDISMODULE_REPLY_STRING:
        p = RedisModule_CallReplyStringPtr(r, &len);
        RedisModule_ReplyWithArray(ctx, 2);
        RedisModule_ReplyWithCString(ctx, "string");
        RedisModule_ReplyWithStringBuffer(ctx, p, len);
        break;
    case REDISMODULE_REPLY_ERROR:
        p = RedisModule_CallReplyStringPtr(r, &len);
        RedisModule_ReplyWithArray(ctx, 2);
        RedisModule_ReplyWithCString(ctx, "error");
        RedisModule_ReplyWithStringBuffer(ctx, p, len);
        break;
    case REDISMODULE_REPLY_INTEGER:
        RedisModule_ReplyWithArray(ctx, 2);
        RedisModule_ReplyWithCString(ctx, "integer");
        RedisModule_ReplyWithLongLong(ctx, RedisModule_CallReplyInteger(r));
        break;
    case REDISMODULE_REPLY_NULL:
        RedisModule_ReplyWithCString(ctx, "null");
        break;
    case REDISMODULE_REPLY_ARRAY:
        len = RedisModule_CallReplyLength(r);
        RedisModule_ReplyWithArray(ctx, (long)len + 1);
        RedisModule_ReplyWithCString(ctx, "array");
        for (size_t i = 0; i < len; i++) Describe(ctx, RedisModule_CallReplyArrayElement(r, i));
        break;
    case REDISMODULE_REPLY_MAP:
        len = RedisModule_CallReplyLength(r);
        RedisModule_ReplyWithArray(ctx, (long)len * 2 + 1);
        RedisModule_ReplyWithCString(ctx, "map");
        for (size_t i = 0; i < len; i++) {
            RedisModuleCallReply *k, *v;
            RedisModule_CallReplyMapElement(r, i, &k, &v);
            Describe(ctx, k);
            Describe(ctx, v);
        }
        break;
    case REDISMODULE_REPLY_SET:
        len = RedisModule_CallReplyLength(r);
        RedisModule_ReplyWithArray(ctx, (long)len + 1);
        RedisModule_ReplyWithCString(ctx, "set");
        for (size_t i = 0; i < len; i++) Describe(ctx, RedisModule_CallReplySetElement(r, i));
        break;
    case REDISMODULE_REPLY_DOUBLE:
        RedisModule_ReplyWithArray(ctx, 2);
        RedisModule_ReplyWithCString(ctx, "double");
        RedisModule_ReplyWithDouble(ctx, RedisModule_CallReplyDouble(r));
        break;
    case REDISMODULE_REPLY_BOOL:
        RedisModule_ReplyWithArray(ctx, 2);
        RedisModule_ReplyWithCString(ctx, "bool");
        RedisModule_ReplyWithLongLong(ctx, RedisModule_CallReplyBool(r));
        break;
    default:
        RedisModule_ReplyWithLongLong(ctx, RedisModule_CallReplyType(r));
    }
}

/* mh.calldesc flags cmd args... : RM_Call with the given format flags
 * prefix ("v" is appended) and a structured description of the reply. */
static int CallDesc(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc < 3) return RedisModule_WrongArity(ctx);
    RedisModule_AutoMemory(ctx);
    char fmt[32];
    size_t flen;
    const char *f = RedisModule_StringPtrLen(argv[1], &flen);
    if (flen > 20) return RedisModule_ReplyWithError(ctx, "ERR flags too long");
    if (flen == 1 && f[0] == '-') flen = 0;
    memcpy(fmt, f, flen);
    fmt[flen] = 'v';
    fmt[flen + 1] = '\0';
    const char *cmd = RedisModule_StringPtrLen(argv[2], NULL);
    errno = 0;
    RedisModuleCallReply *r = RedisModule_Call(ctx, cmd, fmt, argv + 3, (size_t)(argc - 3));
    if (!r) {
        const char *e = errno == ENOENT ? "ENOENT" : errno == EINVAL ? "EINVAL" :
                        errno == ENOSPC ? "ENOSPC" : errno == EPERM ? "EPERM" : "other";
        char msg[64];
        snprintf(msg, sizeof(msg), "ERR NULL reply, errno %s", e);
        return RedisModule_ReplyWithError(ctx, msg);
    }
    Describe(ctx, r);
    return REDISMODULE_OK;
}

/* mh.flags : the RESP3 and MULTI bits of GetContextFlags. */
static int Flags(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    int f = RedisModule_GetContextFlags(ctx);
    RedisModule_ReplyWithArray(ctx, 3);
    RedisModule_ReplyWithLongLong(ctx, (f & REDISMODULE_CTX_FLAGS_RESP3) != 0);
    RedisModule_ReplyWithLongLong(ctx, (f & REDISMODULE_CTX_FLAGS_MULTI) != 0);
    RedisModule_ReplyWithLongLong(ctx, (f & REDISMODULE_CTX_FLAGS_MASTER) != 0);
    return REDISMODULE_OK;
}

/* mh.keys a b c : a getkeys-api command whose odd arguments are keys. */
static int Keys(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (RedisModule_IsKeysPositionRequest(ctx)) {
        for (int i = 1; i < argc; i += 2) RedisModule_KeyAtPos(ctx, i);
        return REDISMODULE_OK;
    }
    return RedisModule_ReplyWithLongLong(ctx, argc);
}

/* mh.db : the selected db, then select db 1 and report it (the client's
 * selection changes, as in Redis). */
static int Db(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    int before = RedisModule_GetSelectedDb(ctx);
    int rc = RedisModule_SelectDb(ctx, 100000);
    RedisModule_ReplyWithArray(ctx, 2);
    RedisModule_ReplyWithLongLong(ctx, before);
    RedisModule_ReplyWithLongLong(ctx, rc);
    return REDISMODULE_OK;
}

/* mh.pool n : allocates from the pool and sums bytes. */
static int Pool(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    long long n;
    if (RedisModule_StringToLongLong(argv[1], &n) != REDISMODULE_OK || n < 0 || n > 100000)
        return RedisModule_ReplyWithError(ctx, "ERR bad count");
    long long sum = 0;
    for (long long i = 0; i < n; i++) {
        char *p = RedisModule_PoolAlloc(ctx, 100);
        memset(p, 1, 100);
        sum += p[99];
    }
    char *h = RedisModule_Alloc(64);
    h = RedisModule_Realloc(h, 128);
    RedisModule_Free(h);
    return RedisModule_ReplyWithLongLong(ctx, sum);
}

/* Published to other modules as "mhcore.answer" (ExportSharedAPI). */
static long long SharedAnswer(long long x) { return x * 2 + 42; }

int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (RedisModule_Init(ctx, "mhcore", 1, REDISMODULE_APIVER_1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    /* A second export under the same name must fail. */
    if (RedisModule_ExportSharedAPI(ctx, "mhcore.answer", (void *)SharedAnswer) != REDISMODULE_OK ||
        RedisModule_ExportSharedAPI(ctx, "mhcore.answer", (void *)SharedAnswer) != REDISMODULE_ERR)
        return REDISMODULE_ERR;
    /* "mh.fail-onload" as the first argument makes OnLoad fail. */
    if (argc > 0 && !strcmp(RedisModule_StringPtrLen(argv[0], NULL), "fail-onload")) return REDISMODULE_ERR;
    struct { const char *name; RedisModuleCmdFunc fn; const char *flags; int f, l, s; } cmds[] = {
        {"mh.echo", Echo, "readonly fast", 0, 0, 0},
        {"mh.types", Types, "readonly", 0, 0, 0},
        {"mh.err", Err, "readonly", 0, 0, 0},
        {"mh.num", Num, "readonly", 0, 0, 0},
        {"mh.strings", Strings, "readonly", 0, 0, 0},
        {"mh.call", Call, "write", 0, 0, 0},
        {"mh.calldesc", CallDesc, "write", 0, 0, 0},
        {"mh.flags", Flags, "readonly", 0, 0, 0},
        {"mh.keys", Keys, "readonly getkeys-api", 0, 0, 0},
        {"mh.db", Db, "readonly", 0, 0, 0},
        {"mh.pool", Pool, "readonly", 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        if (RedisModule_CreateCommand(ctx, cmds[i].name, cmds[i].fn, cmds[i].flags, cmds[i].f, cmds[i].l, cmds[i].s) == REDISMODULE_ERR)
            return REDISMODULE_ERR;
    }
    /* Registering a core command's name must fail, as in Redis. */
    if (RedisModule_CreateCommand(ctx, "get", Echo, "readonly", 1, 1, 1) != REDISMODULE_ERR) return REDISMODULE_ERR;
    /* An unknown flag must fail too. */
    if (RedisModule_CreateCommand(ctx, "mh.badflag", Echo, "readonly no-such-flag", 0, 0, 0) != REDISMODULE_ERR) return REDISMODULE_ERR;
    return REDISMODULE_OK;
}
