/*
 * mhkeys -- modhost's test module for the key API, a module data type with
 * RDB/AOF/digest callbacks, blocking clients and thread-safe contexts.
 * It uses only APIs Redis 7.0 has, so the same .so runs in Debian's
 * redis-server for side-by-side tests.
 */
#include "redismodule.h"
#include <pthread.h>
#include <string.h>
#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include <ctype.h>

/* ---- generic keys and strings ----------------------------------------- */

/* mk.info key: [type, value length, ttl]. */
static int Info(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_READ);
    RedisModule_ReplyWithArray(ctx, 3);
    RedisModule_ReplyWithLongLong(ctx, RedisModule_KeyType(k));
    /* ValueLength and GetExpire do not accept NULL in Redis. */
    RedisModule_ReplyWithLongLong(ctx, k ? (long long)RedisModule_ValueLength(k) : 0);
    RedisModule_ReplyWithLongLong(ctx, k ? (RedisModule_GetExpire(k) == REDISMODULE_NO_EXPIRE ? -1 : 1) : -2);
    RedisModule_CloseKey(k);
    return REDISMODULE_OK;
}

/* mk.strset key value */
static int StrSet(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_WRITE);
    if (RedisModule_KeyType(k) != REDISMODULE_KEYTYPE_EMPTY && RedisModule_KeyType(k) != REDISMODULE_KEYTYPE_STRING) {
        RedisModule_CloseKey(k);
        return RedisModule_ReplyWithError(ctx, REDISMODULE_ERRORMSG_WRONGTYPE);
    }
    RedisModule_StringSet(k, argv[2]);
    RedisModule_CloseKey(k);
    return RedisModule_ReplyWithSimpleString(ctx, "OK");
}

/* mk.upper key: upper-cases a string in place through DMA. */
static int Upper(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_READ | REDISMODULE_WRITE);
    if (RedisModule_KeyType(k) != REDISMODULE_KEYTYPE_STRING) {
        RedisModule_CloseKey(k);
        return RedisModule_ReplyWithError(ctx, REDISMODULE_ERRORMSG_WRONGTYPE);
    }
    size_t len;
    char *p = RedisModule_StringDMA(k, &len, REDISMODULE_WRITE);
    for (size_t i = 0; i < len; i++) p[i] = (char)toupper((unsigned char)p[i]);
    RedisModule_CloseKey(k);
    return RedisModule_ReplyWithLongLong(ctx, (long long)len);
}

/* mk.trunc key len */
static int Trunc(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    long long n;
    if (RedisModule_StringToLongLong(argv[2], &n) != REDISMODULE_OK || n < 0) return RedisModule_ReplyWithError(ctx, "ERR bad length");
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_WRITE);
    int rc = RedisModule_StringTruncate(k, (size_t)n);
    RedisModule_CloseKey(k);
    return RedisModule_ReplyWithLongLong(ctx, rc);
}

/* mk.expire key ms (-1 persists) */
static int Expire(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    long long ms;
    if (RedisModule_StringToLongLong(argv[2], &ms) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR bad ms");
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_WRITE);
    int rc = RedisModule_SetExpire(k, ms < 0 ? REDISMODULE_NO_EXPIRE : ms);
    RedisModule_CloseKey(k);
    return RedisModule_ReplyWithLongLong(ctx, rc);
}

/* mk.del key */
static int Del(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_WRITE);
    int existed = RedisModule_KeyType(k) != REDISMODULE_KEYTYPE_EMPTY;
    RedisModule_DeleteKey(k);
    RedisModule_CloseKey(k);
    return RedisModule_ReplyWithLongLong(ctx, existed);
}

/* ---- lists ------------------------------------------------------------ */

/* mk.lpush key head|tail ele... */
static int LPush(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc < 4) return RedisModule_WrongArity(ctx);
    int where = !strcasecmp(RedisModule_StringPtrLen(argv[2], NULL), "head") ? REDISMODULE_LIST_HEAD : REDISMODULE_LIST_TAIL;
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_WRITE);
    for (int i = 3; i < argc; i++) {
        if (RedisModule_ListPush(k, where, argv[i]) != REDISMODULE_OK) {
            RedisModule_CloseKey(k);
            return RedisModule_ReplyWithError(ctx, errno == ENOTSUP ? REDISMODULE_ERRORMSG_WRONGTYPE : "ERR push failed");
        }
    }
    long long n = (long long)RedisModule_ValueLength(k);
    RedisModule_CloseKey(k);
    return RedisModule_ReplyWithLongLong(ctx, n);
}

/* mk.lpop key head|tail */
static int LPop(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    RedisModule_AutoMemory(ctx);
    int where = !strcasecmp(RedisModule_StringPtrLen(argv[2], NULL), "head") ? REDISMODULE_LIST_HEAD : REDISMODULE_LIST_TAIL;
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_WRITE);
    RedisModuleString *s = RedisModule_ListPop(k, where);
    if (!s) return RedisModule_ReplyWithNull(ctx);
    return RedisModule_ReplyWithString(ctx, s);
}

/* mk.lget key index */
static int LGet(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    RedisModule_AutoMemory(ctx);
    long long idx;
    if (RedisModule_StringToLongLong(argv[2], &idx) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR bad index");
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_READ);
    errno = 0;
    RedisModuleString *s = RedisModule_ListGet(k, idx);
    if (!s) return RedisModule_ReplyWithError(ctx, errno == EDOM ? "ERR index out of range" : errno == ENOTSUP ? "ERR wrong type" : "ERR no list");
    return RedisModule_ReplyWithString(ctx, s);
}

/* ---- hashes ------------------------------------------------------------ */

/* mk.hset key field value|- [field value|-]: '-' deletes. Flags in argv? no. */
static int HSet(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc < 4 || argc % 2) return RedisModule_WrongArity(ctx);
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_WRITE);
    int total = 0;
    for (int i = 2; i < argc; i += 2) {
        const char *v = RedisModule_StringPtrLen(argv[i + 1], NULL);
        total += RedisModule_HashSet(k, REDISMODULE_HASH_NONE, argv[i], strcmp(v, "-") ? argv[i + 1] : REDISMODULE_HASH_DELETE, NULL);
    }
    RedisModule_CloseKey(k);
    return RedisModule_ReplyWithLongLong(ctx, total);
}

/* mk.hsetnx key field value: NX with C string fields. */
static int HSetNX(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 4) return RedisModule_WrongArity(ctx);
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_WRITE);
    int n = RedisModule_HashSet(k, REDISMODULE_HASH_NX | REDISMODULE_HASH_CFIELDS, RedisModule_StringPtrLen(argv[2], NULL), argv[3], NULL);
    RedisModule_CloseKey(k);
    return RedisModule_ReplyWithLongLong(ctx, n);
}

/* mk.hget key field1 field2: both values, and whether field1 exists. */
static int HGet(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 4) return RedisModule_WrongArity(ctx);
    RedisModule_AutoMemory(ctx);
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_READ);
    if (!k) return RedisModule_ReplyWithNullArray(ctx);
    RedisModuleString *v1 = NULL, *v2 = NULL;
    int ex = 0;
    RedisModule_HashGet(k, REDISMODULE_HASH_NONE, argv[2], &v1, argv[3], &v2, NULL);
    RedisModule_HashGet(k, REDISMODULE_HASH_EXISTS, argv[2], &ex, NULL);
    RedisModule_ReplyWithArray(ctx, 3);
    if (v1) RedisModule_ReplyWithString(ctx, v1); else RedisModule_ReplyWithNull(ctx);
    if (v2) RedisModule_ReplyWithString(ctx, v2); else RedisModule_ReplyWithNull(ctx);
    RedisModule_ReplyWithLongLong(ctx, ex);
    return REDISMODULE_OK;
}

/* ---- sorted sets -------------------------------------------------------- */

/* mk.zadd key score member [flags: nx|xx|incr] */
static int ZAdd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 4 && argc != 5) return RedisModule_WrongArity(ctx);
    double score;
    if (RedisModule_StringToDouble(argv[2], &score) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR bad score");
    int flags = 0, incr = 0;
    if (argc == 5) {
        const char *f = RedisModule_StringPtrLen(argv[4], NULL);
        if (!strcasecmp(f, "nx")) flags = REDISMODULE_ZADD_NX;
        else if (!strcasecmp(f, "xx")) flags = REDISMODULE_ZADD_XX;
        else if (!strcasecmp(f, "incr")) incr = 1;
    }
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_WRITE);
    double ns = 0;
    int rc = incr ? RedisModule_ZsetIncrby(k, score, argv[3], &flags, &ns) : RedisModule_ZsetAdd(k, score, argv[3], &flags);
    RedisModule_CloseKey(k);
    if (rc != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR zadd failed");
    RedisModule_ReplyWithArray(ctx, 2);
    RedisModule_ReplyWithLongLong(ctx, flags);
    RedisModule_ReplyWithDouble(ctx, ns);
    return REDISMODULE_OK;
}

/* mk.zrem key member */
static int ZRem(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_WRITE);
    int deleted = 0;
    int rc = RedisModule_ZsetRem(k, argv[2], &deleted);
    RedisModule_CloseKey(k);
    RedisModule_ReplyWithArray(ctx, 2);
    RedisModule_ReplyWithLongLong(ctx, rc);
    RedisModule_ReplyWithLongLong(ctx, deleted);
    return REDISMODULE_OK;
}

/* mk.zrange key min max first|last [excl]: a score range walk. */
static int ZRange(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 5 && argc != 6) return RedisModule_WrongArity(ctx);
    RedisModule_AutoMemory(ctx);
    double min, max;
    if (RedisModule_StringToDouble(argv[2], &min) != REDISMODULE_OK || RedisModule_StringToDouble(argv[3], &max) != REDISMODULE_OK)
        return RedisModule_ReplyWithError(ctx, "ERR bad range");
    int last = !strcasecmp(RedisModule_StringPtrLen(argv[4], NULL), "last");
    int ex = argc == 6;
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_READ);
    if (!k) return RedisModule_ReplyWithNullArray(ctx); /* the range APIs need a key */
    int rc = last ? RedisModule_ZsetLastInScoreRange(k, min, max, ex, ex) : RedisModule_ZsetFirstInScoreRange(k, min, max, ex, ex);
    if (rc != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR range failed");
    RedisModule_ReplyWithArray(ctx, REDISMODULE_POSTPONED_LEN);
    long n = 0;
    while (!RedisModule_ZsetRangeEndReached(k)) {
        double score;
        RedisModuleString *e = RedisModule_ZsetRangeCurrentElement(k, &score);
        RedisModule_ReplyWithString(ctx, e);
        RedisModule_ReplyWithDouble(ctx, score);
        n += 2;
        if (last) RedisModule_ZsetRangePrev(k); else RedisModule_ZsetRangeNext(k);
    }
    RedisModule_ZsetRangeStop(k);
    RedisModule_ReplySetArrayLength(ctx, n);
    return REDISMODULE_OK;
}

/* mk.zlex key min max: a lex range walk forward. */
static int ZLex(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 4) return RedisModule_WrongArity(ctx);
    RedisModule_AutoMemory(ctx);
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_READ);
    if (RedisModule_ZsetFirstInLexRange(k, argv[2], argv[3]) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR range failed");
    RedisModule_ReplyWithArray(ctx, REDISMODULE_POSTPONED_LEN);
    long n = 0;
    while (!RedisModule_ZsetRangeEndReached(k)) {
        RedisModule_ReplyWithString(ctx, RedisModule_ZsetRangeCurrentElement(k, NULL));
        n++;
        RedisModule_ZsetRangeNext(k);
    }
    RedisModule_ReplySetArrayLength(ctx, n);
    return REDISMODULE_OK;
}

/* ---- a data type: a list of integers ------------------------------------ */

static RedisModuleType *IntListType;

typedef struct IntList {
    long long *v;
    size_t n;
} IntList;

static void *IntListLoad(RedisModuleIO *rdb, int encver) {
    if (encver != 0) return NULL;
    IntList *l = RedisModule_Calloc(1, sizeof(*l));
    l->n = RedisModule_LoadUnsigned(rdb);
    l->v = RedisModule_Calloc(l->n ? l->n : 1, sizeof(long long));
    for (size_t i = 0; i < l->n; i++) l->v[i] = RedisModule_LoadSigned(rdb);
    RedisModuleString *tag = RedisModule_LoadString(rdb);
    RedisModule_FreeString(NULL, tag);
    double d = RedisModule_LoadDouble(rdb);
    float f = RedisModule_LoadFloat(rdb);
    (void)d;
    (void)f;
    return l;
}

static void IntListSave(RedisModuleIO *rdb, void *value) {
    IntList *l = value;
    RedisModule_SaveUnsigned(rdb, l->n);
    for (size_t i = 0; i < l->n; i++) RedisModule_SaveSigned(rdb, l->v[i]);
    RedisModule_SaveStringBuffer(rdb, "intlist", 7);
    RedisModule_SaveDouble(rdb, 1.5);
    RedisModule_SaveFloat(rdb, 2.5f);
}

static void IntListRewrite(RedisModuleIO *aof, RedisModuleString *key, void *value) {
    IntList *l = value;
    for (size_t i = 0; i < l->n; i++) RedisModule_EmitAOF(aof, "MK.TPUSH", "sl", key, l->v[i]);
}

static size_t IntListMem(const void *value) {
    const IntList *l = value;
    return sizeof(*l) + l->n * sizeof(long long);
}

static void IntListDigest(RedisModuleDigest *md, void *value) {
    IntList *l = value;
    for (size_t i = 0; i < l->n; i++) RedisModule_DigestAddLongLong(md, l->v[i]);
    RedisModule_DigestEndSequence(md);
}

static void IntListFree(void *value) {
    IntList *l = value;
    RedisModule_Free(l->v);
    RedisModule_Free(l);
}

/* One unit of effort per element: UNLINK frees lists over 64 elements in
 * the background. */
static size_t IntListEffort(RedisModuleString *key, const void *value) {
    REDISMODULE_NOT_USED(key);
    const IntList *l = value;
    return l->n;
}

/* mk.tpush key int: appends to an IntList. */
static int TPush(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    long long v;
    if (RedisModule_StringToLongLong(argv[2], &v) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR invalid value: must be a signed 64 bit integer");
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_READ | REDISMODULE_WRITE);
    int type = RedisModule_KeyType(k);
    if (type != REDISMODULE_KEYTYPE_EMPTY && RedisModule_ModuleTypeGetType(k) != IntListType) {
        RedisModule_CloseKey(k);
        return RedisModule_ReplyWithError(ctx, REDISMODULE_ERRORMSG_WRONGTYPE);
    }
    IntList *l;
    if (type == REDISMODULE_KEYTYPE_EMPTY) {
        l = RedisModule_Calloc(1, sizeof(*l));
        RedisModule_ModuleTypeSetValue(k, IntListType, l);
    } else {
        l = RedisModule_ModuleTypeGetValue(k);
    }
    l->v = RedisModule_Realloc(l->v, sizeof(long long) * (l->n + 1));
    l->v[l->n++] = v;
    RedisModule_CloseKey(k);
    RedisModule_ReplicateVerbatim(ctx);
    return RedisModule_ReplyWithLongLong(ctx, (long long)l->n);
}

/* mk.trange key: the IntList's values. */
static int TRange(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_READ);
    if (RedisModule_KeyType(k) == REDISMODULE_KEYTYPE_EMPTY) {
        RedisModule_CloseKey(k);
        return RedisModule_ReplyWithNullArray(ctx);
    }
    if (RedisModule_ModuleTypeGetType(k) != IntListType) {
        RedisModule_CloseKey(k);
        return RedisModule_ReplyWithError(ctx, REDISMODULE_ERRORMSG_WRONGTYPE);
    }
    IntList *l = RedisModule_ModuleTypeGetValue(k);
    RedisModule_ReplyWithArray(ctx, (long)l->n);
    for (size_t i = 0; i < l->n; i++) RedisModule_ReplyWithLongLong(ctx, l->v[i]);
    RedisModule_CloseKey(k);
    return REDISMODULE_OK;
}

/* ---- blocking ------------------------------------------------------------ */

static int BlockReply(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    long long *v = RedisModule_GetBlockedClientPrivateData(ctx);
    return RedisModule_ReplyWithLongLong(ctx, v ? *v : -1);
}

static int BlockTimeout(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    return RedisModule_ReplyWithSimpleString(ctx, "Request timedout");
}

static void BlockFree(RedisModuleCtx *ctx, void *privdata) {
    REDISMODULE_NOT_USED(ctx);
    RedisModule_Free(privdata);
}

typedef struct {
    RedisModuleBlockedClient *bc;
    long long delay_ms;
    long long value;
    int use_ts;
} Job;

static void *Worker(void *arg) {
    Job *job = arg;
    usleep((useconds_t)(job->delay_ms * 1000));
    long long *v = RedisModule_Alloc(sizeof(long long));
    *v = job->value;
    if (job->use_ts) {
        /* Work under the lock from this thread, reply through the
         * thread-safe context, then unblock. */
        RedisModuleCtx *ts = RedisModule_GetThreadSafeContext(job->bc);
        RedisModule_ThreadSafeContextLock(ts);
        RedisModuleCallReply *r = RedisModule_Call(ts, "INCR", "c", "mk:counter");
        RedisModule_ThreadSafeContextUnlock(ts);
        RedisModule_ReplyWithCallReply(ts, r);
        RedisModule_FreeCallReply(r);
        RedisModule_FreeThreadSafeContext(ts);
    }
    RedisModule_UnblockClient(job->bc, v);
    RedisModule_Free(job);
    return NULL;
}

/* mk.block ms value [ts]: blocks, a thread unblocks after ms with value
 * (with "ts" it first increments mk:counter through a thread-safe context
 * and replies with it, after the reply callback's value). */
static int Block(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3 && argc != 4) return RedisModule_WrongArity(ctx);
    long long ms, value;
    if (RedisModule_StringToLongLong(argv[1], &ms) != REDISMODULE_OK || RedisModule_StringToLongLong(argv[2], &value) != REDISMODULE_OK)
        return RedisModule_ReplyWithError(ctx, "ERR invalid arguments");
    RedisModuleBlockedClient *bc = RedisModule_BlockClient(ctx, BlockReply, BlockTimeout, BlockFree, 0);
    Job *job = RedisModule_Alloc(sizeof(*job));
    job->bc = bc;
    job->delay_ms = ms;
    job->value = value;
    job->use_ts = argc == 4;
    pthread_t tid;
    if (pthread_create(&tid, NULL, Worker, job) != 0) {
        RedisModule_AbortBlock(bc);
        return RedisModule_ReplyWithError(ctx, "ERR can't start thread");
    }
    pthread_detach(tid);
    return REDISMODULE_OK;
}

/* mk.timeout ms: blocks with a timeout; a thread unblocks much later. */
static int Timeout(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    long long ms;
    if (RedisModule_StringToLongLong(argv[1], &ms) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR invalid arguments");
    RedisModuleBlockedClient *bc = RedisModule_BlockClient(ctx, BlockReply, BlockTimeout, BlockFree, ms);
    Job *job = RedisModule_Alloc(sizeof(*job));
    job->bc = bc;
    job->delay_ms = ms * 3;
    job->value = 0;
    job->use_ts = 0;
    pthread_t tid;
    pthread_create(&tid, NULL, Worker, job);
    pthread_detach(tid);
    return REDISMODULE_OK;
}

static int KeysReply(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    RedisModuleString *keyname = RedisModule_GetBlockedClientReadyKey(ctx);
    RedisModuleKey *k = RedisModule_OpenKey(ctx, keyname, REDISMODULE_READ | REDISMODULE_WRITE);
    if (RedisModule_KeyType(k) != REDISMODULE_KEYTYPE_LIST) {
        RedisModule_CloseKey(k);
        return REDISMODULE_ERR;
    }
    RedisModuleString *s = RedisModule_ListPop(k, REDISMODULE_LIST_HEAD);
    RedisModule_CloseKey(k);
    RedisModule_ReplyWithArray(ctx, 2);
    RedisModule_ReplyWithString(ctx, keyname);
    RedisModule_ReplyWithString(ctx, s);
    RedisModule_FreeString(ctx, s);
    return REDISMODULE_OK;
}

static int KeysTimeout(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    return RedisModule_ReplyWithNull(ctx);
}

/* Reply callback of mk.bpopdel: the list's head, or DELETED when the key
 * went away (or changed type) while the client waited. */
static int KeysReplyOrDeleted(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    RedisModuleString *keyname = RedisModule_GetBlockedClientReadyKey(ctx);
    RedisModuleKey *k = RedisModule_OpenKey(ctx, keyname, REDISMODULE_READ);
    int type = RedisModule_KeyType(k);
    RedisModule_CloseKey(k);
    if (type != REDISMODULE_KEYTYPE_LIST) return RedisModule_ReplyWithSimpleString(ctx, "DELETED");
    return KeysReply(ctx, argv, argc);
}

/* mk.bpopdel key timeout_ms: mk.bpop blocking with
 * REDISMODULE_BLOCK_UNBLOCK_DELETED (Redis 7.2). */
static int BPopDel(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    if (!RedisModule_BlockClientOnKeysWithFlags) return RedisModule_ReplyWithError(ctx, "ERR BlockClientOnKeysWithFlags unavailable");
    long long ms;
    if (RedisModule_StringToLongLong(argv[2], &ms) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR invalid timeout");
    RedisModule_BlockClientOnKeysWithFlags(ctx, KeysReplyOrDeleted, KeysTimeout, NULL, ms, argv + 1, 1, NULL,
                                           REDISMODULE_BLOCK_UNBLOCK_DELETED);
    return REDISMODULE_OK;
}

/* mk.bpop key timeout_ms: pops the head of a list, blocking until it has
 * one (a module BLPOP). */
static int BPop(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    long long ms;
    if (RedisModule_StringToLongLong(argv[2], &ms) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR invalid timeout");
    RedisModuleKey *k = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_READ | REDISMODULE_WRITE);
    if (RedisModule_KeyType(k) == REDISMODULE_KEYTYPE_LIST) {
        RedisModuleString *s = RedisModule_ListPop(k, REDISMODULE_LIST_HEAD);
        RedisModule_CloseKey(k);
        RedisModule_ReplyWithArray(ctx, 2);
        RedisModule_ReplyWithString(ctx, argv[1]);
        RedisModule_ReplyWithString(ctx, s);
        RedisModule_FreeString(ctx, s);
        return REDISMODULE_OK;
    }
    RedisModule_CloseKey(k);
    RedisModule_BlockClientOnKeys(ctx, KeysReply, KeysTimeout, NULL, ms, argv + 1, 1, NULL);
    return REDISMODULE_OK;
}

/* Active defrag callbacks: the list's two blocks move when the allocator
 * says so. Neither Debian's redis-server nor modhost can enable active
 * defrag (no defragmenting jemalloc), so both only register them; the
 * module must still load and work there. */
static int IntListDefrag(RedisModuleDefragCtx *ctx, RedisModuleString *key, void **value) {
    REDISMODULE_NOT_USED(key);
    IntList *l = *value, *moved = RedisModule_DefragAlloc(ctx, l);
    if (moved) *value = l = moved;
    long long *v = RedisModule_DefragAlloc(ctx, l->v);
    if (v) l->v = v;
    return 0;
}

static void GlobalDefrag(RedisModuleDefragCtx *ctx) {
    REDISMODULE_NOT_USED(ctx);
}

int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    if (RedisModule_Init(ctx, "mhkeys", 1, REDISMODULE_APIVER_1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    RedisModuleTypeMethods tm = {
        .version = REDISMODULE_TYPE_METHOD_VERSION,
        .rdb_load = IntListLoad,
        .rdb_save = IntListSave,
        .aof_rewrite = IntListRewrite,
        .mem_usage = IntListMem,
        .digest = IntListDigest,
        .free = IntListFree,
        .free_effort = IntListEffort,
        .defrag = IntListDefrag,
    };
    if (RedisModule_RegisterDefragFunc(ctx, GlobalDefrag) != REDISMODULE_OK) return REDISMODULE_ERR;
    IntListType = RedisModule_CreateDataType(ctx, "mhintlist", 0, &tm);
    if (!IntListType) return REDISMODULE_ERR;
    /* Names must be exactly 9 characters: a shorter one is refused. */
    if (RedisModule_CreateDataType(ctx, "TSTYPE", 0, &tm) != NULL) return REDISMODULE_ERR;
    struct { const char *name; RedisModuleCmdFunc fn; const char *flags; int f, l, s; } cmds[] = {
        {"mk.info", Info, "readonly", 1, 1, 1},
        {"mk.strset", StrSet, "write", 1, 1, 1},
        {"mk.upper", Upper, "write", 1, 1, 1},
        {"mk.trunc", Trunc, "write", 1, 1, 1},
        {"mk.expire", Expire, "write", 1, 1, 1},
        {"mk.del", Del, "write", 1, 1, 1},
        {"mk.lpush", LPush, "write deny-oom", 1, 1, 1},
        {"mk.lpop", LPop, "write", 1, 1, 1},
        {"mk.lget", LGet, "readonly", 1, 1, 1},
        {"mk.hset", HSet, "write", 1, 1, 1},
        {"mk.hsetnx", HSetNX, "write", 1, 1, 1},
        {"mk.hget", HGet, "readonly", 1, 1, 1},
        {"mk.zadd", ZAdd, "write", 1, 1, 1},
        {"mk.zrem", ZRem, "write", 1, 1, 1},
        {"mk.zrange", ZRange, "readonly", 1, 1, 1},
        {"mk.zlex", ZLex, "readonly", 1, 1, 1},
        {"mk.tpush", TPush, "write", 1, 1, 1},
        {"mk.trange", TRange, "readonly", 1, 1, 1},
        {"mk.block", Block, "readonly", 0, 0, 0},
        {"mk.timeout", Timeout, "readonly", 0, 0, 0},
        {"mk.bpop", BPop, "write", 1, 1, 1},
        {"mk.bpopdel", BPopDel, "write", 1, 1, 1},
    };
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        if (RedisModule_CreateCommand(ctx, cmds[i].name, cmds[i].fn, cmds[i].flags, cmds[i].f, cmds[i].l, cmds[i].s) == REDISMODULE_ERR)
            return REDISMODULE_ERR;
    }
    return REDISMODULE_OK;
}
