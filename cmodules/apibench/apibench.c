/* apibench: commands that each call one module API K times, so a benchmark
 * can work out the cost of a single call as
 *   (time of "CMD K ..." - time of "CMD 0 ...") / K
 * on any server that loads the same .so. Every command replies with a value
 * computed from the calls it made, so the loops cannot be optimised away and
 * a wrong API result shows up in the reply. */
#include "redismodule.h"

#include <string.h>

/* parseK reads the repeat count from argv[1]; it replies with an error and
 * returns -1 when the count is not a non-negative integer. */
static long long parseK(RedisModuleCtx *ctx, RedisModuleString **argv) {
    long long k;
    if (RedisModule_StringToLongLong(argv[1], &k) != REDISMODULE_OK || k < 0) {
        RedisModule_ReplyWithError(ctx, "ERR K must be a non-negative integer");
        return -1;
    }
    return k;
}

/* APIBENCH.EMPTY [K]: does nothing; the floor every other command sits on. */
static int EmptyCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    if (argc > 2) return RedisModule_WrongArity(ctx);
    return RedisModule_ReplyWithSimpleString(ctx, "OK");
}

/* APIBENCH.HELLO: the helloworld example's command under a name that does
 * not clash with the core HELLO command. */
static int HelloCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    if (argc != 1) return RedisModule_WrongArity(ctx);
    return RedisModule_ReplyWithSimpleString(ctx, "Hello, World!");
}

/* APIBENCH.STRPTRLEN K: K x StringPtrLen on argv[1]; replies the sum of
 * the lengths seen. */
static int StrPtrLenCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    long long k = parseK(ctx, argv);
    if (k < 0) return REDISMODULE_OK;
    long long sum = 0;
    for (long long i = 0; i < k; i++) {
        size_t len;
        const char *p = RedisModule_StringPtrLen(argv[1], &len);
        sum += (long long)len + (p[0] == 0);
    }
    return RedisModule_ReplyWithLongLong(ctx, sum);
}

/* APIBENCH.CREATESTRING K: K x (CreateString + FreeString). */
static int CreateStringCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    long long k = parseK(ctx, argv);
    if (k < 0) return REDISMODULE_OK;
    long long made = 0;
    for (long long i = 0; i < k; i++) {
        RedisModuleString *s = RedisModule_CreateString(ctx, "apibench", 8);
        if (s != NULL) made++;
        RedisModule_FreeString(ctx, s);
    }
    return RedisModule_ReplyWithLongLong(ctx, made);
}

/* APIBENCH.REPLYLL K: an array of K integers, one ReplyWithLongLong each. */
static int ReplyLLCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    long long k = parseK(ctx, argv);
    if (k < 0) return REDISMODULE_OK;
    RedisModule_ReplyWithArray(ctx, k);
    for (long long i = 0; i < k; i++) RedisModule_ReplyWithLongLong(ctx, i);
    return REDISMODULE_OK;
}

/* APIBENCH.OPENKEY K key: K x (OpenKey for reading + CloseKey); replies
 * how many of the opens found the key. */
static int OpenKeyCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    long long k = parseK(ctx, argv);
    if (k < 0) return REDISMODULE_OK;
    long long found = 0;
    for (long long i = 0; i < k; i++) {
        RedisModuleKey *key = RedisModule_OpenKey(ctx, argv[2], REDISMODULE_READ);
        if (key != NULL) found++;
        RedisModule_CloseKey(key);
    }
    return RedisModule_ReplyWithLongLong(ctx, found);
}

/* APIBENCH.KEYTYPE K key: opens the key once, then K x KeyType; replies
 * the sum of the types returned. */
static int KeyTypeCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    long long k = parseK(ctx, argv);
    if (k < 0) return REDISMODULE_OK;
    RedisModuleKey *key = RedisModule_OpenKey(ctx, argv[2], REDISMODULE_READ);
    long long sum = 0;
    for (long long i = 0; i < k; i++) sum += RedisModule_KeyType(key);
    RedisModule_CloseKey(key);
    return RedisModule_ReplyWithLongLong(ctx, sum);
}

/* APIBENCH.HASHGET K key field: K x (HashGet of one field + FreeString of
 * the value). When the key is empty it first sets field to "value", so the
 * benchmark does not depend on the server's HSET. Replies the total length
 * of the values read. */
static int HashGetCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 4) return RedisModule_WrongArity(ctx);
    long long k = parseK(ctx, argv);
    if (k < 0) return REDISMODULE_OK;
    RedisModuleKey *key = RedisModule_OpenKey(ctx, argv[2], REDISMODULE_READ | REDISMODULE_WRITE);
    int type = RedisModule_KeyType(key);
    if (type == REDISMODULE_KEYTYPE_EMPTY) {
        RedisModuleString *v = RedisModule_CreateString(ctx, "value", 5);
        RedisModule_HashSet(key, REDISMODULE_HASH_NONE, argv[3], v, NULL);
        RedisModule_FreeString(ctx, v);
    } else if (type != REDISMODULE_KEYTYPE_HASH) {
        RedisModule_CloseKey(key);
        return RedisModule_ReplyWithError(ctx, REDISMODULE_ERRORMSG_WRONGTYPE);
    }
    long long total = 0;
    for (long long i = 0; i < k; i++) {
        RedisModuleString *val = NULL;
        RedisModule_HashGet(key, REDISMODULE_HASH_NONE, argv[3], &val, NULL);
        if (val != NULL) {
            size_t len;
            RedisModule_StringPtrLen(val, &len);
            total += (long long)len;
            RedisModule_FreeString(ctx, val);
        }
    }
    RedisModule_CloseKey(key);
    return RedisModule_ReplyWithLongLong(ctx, total);
}

/* APIBENCH.CALL K cmd arg: K x (Call(cmd, arg) + FreeCallReply); replies
 * how many calls returned a non-error reply. */
static int CallCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 4) return RedisModule_WrongArity(ctx);
    long long k = parseK(ctx, argv);
    if (k < 0) return REDISMODULE_OK;
    const char *name = RedisModule_StringPtrLen(argv[2], NULL);
    long long ok = 0;
    for (long long i = 0; i < k; i++) {
        RedisModuleCallReply *r = RedisModule_Call(ctx, name, "s", argv[3]);
        if (r != NULL && RedisModule_CallReplyType(r) != REDISMODULE_REPLY_ERROR) ok++;
        if (r != NULL) RedisModule_FreeCallReply(r);
    }
    return RedisModule_ReplyWithLongLong(ctx, ok);
}

/* APIBENCH.ALLOC K: K x (Alloc of 64 bytes + a write + Free). */
static int AllocCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    long long k = parseK(ctx, argv);
    if (k < 0) return REDISMODULE_OK;
    long long sum = 0;
    for (long long i = 0; i < k; i++) {
        unsigned char *p = RedisModule_Alloc(64);
        p[(size_t)i & 63] = (unsigned char)i;
        sum += p[(size_t)i & 63] != 0;
        RedisModule_Free(p);
    }
    return RedisModule_ReplyWithLongLong(ctx, sum);
}

typedef struct {
    const char *name;
    RedisModuleCmdFunc fn;
    const char *flags;
    int firstkey;
} benchCommand;

static const benchCommand commands[] = {
    {"apibench.empty", EmptyCmd, "readonly fast", 0},
    {"apibench.hello", HelloCmd, "readonly fast", 0},
    {"apibench.strptrlen", StrPtrLenCmd, "readonly", 0},
    {"apibench.createstring", CreateStringCmd, "readonly", 0},
    {"apibench.replyll", ReplyLLCmd, "readonly", 0},
    {"apibench.openkey", OpenKeyCmd, "readonly", 2},
    {"apibench.keytype", KeyTypeCmd, "readonly", 2},
    {"apibench.hashget", HashGetCmd, "write", 2},
    /* The called command decides what it touches, so no keys are declared. */
    {"apibench.call", CallCmd, "write", 0},
    {"apibench.alloc", AllocCmd, "readonly", 0},
};

int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv;
    (void)argc;
    if (RedisModule_Init(ctx, "apibench", 1, REDISMODULE_APIVER_1) == REDISMODULE_ERR)
        return REDISMODULE_ERR;
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        const benchCommand *c = &commands[i];
        int fk = c->firstkey;
        if (RedisModule_CreateCommand(ctx, c->name, c->fn, c->flags, fk, fk, fk) == REDISMODULE_ERR)
            return REDISMODULE_ERR;
    }
    return REDISMODULE_OK;
}
