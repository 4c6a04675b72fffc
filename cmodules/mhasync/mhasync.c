/*
 * mhasync -- exercises RedisModule_Call's "K" flag: commands that may
 * block answer later through a promise answer.
 *
 *   MHASYNC.CALL name arg...     runs name with "!KEv"; when it blocks, the
 *                               caller is blocked too and gets the answer
 *                               once the command is served (a disconnect
 *                               aborts the promise)
 *   MHASYNC.NOREPL name arg...   the same without "!" (nothing propagates)
 *   MHASYNC.FORGET name arg...   runs name with "!KEv" and answers "Blocked"
 *                               at once when it blocks (no handler)
 *   MHASYNC.ABORT name arg...    runs name with "KEv"; when it blocks, aborts
 *                               it twice and answers both results and
 *                               whether the private data came back
 *   MHASYNC.POPSET list k v...  BLPOP list 0 with "!K"; when served, SETs
 *                               each k v pair with "!" in the handler and
 *                               answers the popped element
 *   MHASYNC.INFO                 the promise answer type and the context
 *                               flag DENY_BLOCKING as seen by this command
 *   MHASYNC.SLOW                runs until MHASYNC.STOP, calling
 *                               RedisModule_Yield(CLIENTS) every ms
 *   MHASYNC.RUNNING / .STOP     allow-busy: whether SLOW runs; end it
 */
#include "../../redismodule.h"
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Answers a blocked caller from the promise handler. */
static void reply_to_blocked(RedisModuleCtx *ctx, RedisModuleCallReply *answer, void *priv) {
    REDISMODULE_NOT_USED(ctx);
    RedisModuleBlockedClient *waiter = priv;
    RedisModuleCtx *tsc = RedisModule_GetThreadSafeContext(waiter);
    RedisModule_ReplyWithCallReply(tsc, answer);
    RedisModule_FreeCallReply(answer);
    RedisModule_FreeThreadSafeContext(tsc);
    RedisModule_UnblockClient(waiter, NULL);
}

/* The caller went away: stop the blocked call and release the caller. */
static void call_disconnected(RedisModuleCtx *ctx, RedisModuleBlockedClient *waiter) {
    REDISMODULE_NOT_USED(ctx);
    RedisModuleCallReply *promise = RedisModule_BlockClientGetPrivateData(waiter);
    RedisModule_CallReplyPromiseAbort(promise, NULL);
    RedisModule_FreeCallReply(promise);
    RedisModule_AbortBlock(waiter);
}

static int call_with(RedisModuleCtx *ctx, RedisModuleString **argv, int argc, const char *fmt) {
    if (argc < 2) return RedisModule_WrongArity(ctx);
    const char *name = RedisModule_StringPtrLen(argv[1], NULL);
    RedisModuleCallReply *res = RedisModule_Call(ctx, name, fmt, argv + 2, (size_t)(argc - 2));
    if (RedisModule_CallReplyType(res) != REDISMODULE_REPLY_PROMISE) {
        RedisModule_ReplyWithCallReply(ctx, res);
        RedisModule_FreeCallReply(res);
        return REDISMODULE_OK;
    }
    RedisModuleBlockedClient *waiter = RedisModule_BlockClient(ctx, NULL, NULL, NULL, 0);
    RedisModule_SetDisconnectCallback(waiter, call_disconnected);
    /* The promise stays alive until the disconnect callback or the
     * handler is done with it; the handler owns the answer it is given. */
    RedisModule_BlockClientSetPrivateData(waiter, res);
    RedisModule_CallReplyPromiseSetUnblockHandler(res, reply_to_blocked, waiter);
    return REDISMODULE_OK;
}

static int Call_RedisCommand(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    /* Blocking is offered only where the caller itself may block. */
    int deny = RedisModule_GetContextFlags(ctx) & REDISMODULE_CTX_FLAGS_DENY_BLOCKING;
    return call_with(ctx, argv, argc, deny ? "!Ev" : "!KEv");
}

static int NoRepl_RedisCommand(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    return call_with(ctx, argv, argc, "KEv");
}

static int Forget_RedisCommand(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc < 2) return RedisModule_WrongArity(ctx);
    const char *name = RedisModule_StringPtrLen(argv[1], NULL);
    RedisModuleCallReply *res = RedisModule_Call(ctx, name, "!KEv", argv + 2, (size_t)(argc - 2));
    if (RedisModule_CallReplyType(res) == REDISMODULE_REPLY_PROMISE)
        RedisModule_ReplyWithSimpleString(ctx, "Blocked");
    else
        RedisModule_ReplyWithCallReply(ctx, res);
    RedisModule_FreeCallReply(res);
    return REDISMODULE_OK;
}

static void never_called(RedisModuleCtx *ctx, RedisModuleCallReply *answer, void *priv) {
    REDISMODULE_NOT_USED(priv);
    RedisModule_FreeCallReply(answer);
    RedisModule_Log(ctx, "warning", "mhasync: an aborted promise was answered");
}

static int Abort_RedisCommand(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc < 2) return RedisModule_WrongArity(ctx);
    const char *name = RedisModule_StringPtrLen(argv[1], NULL);
    RedisModuleCallReply *res = RedisModule_Call(ctx, name, "KEv", argv + 2, (size_t)(argc - 2));
    if (RedisModule_CallReplyType(res) != REDISMODULE_REPLY_PROMISE) {
        RedisModule_ReplyWithCallReply(ctx, res);
        RedisModule_FreeCallReply(res);
        return REDISMODULE_OK;
    }
    static int marker;
    RedisModule_CallReplyPromiseSetUnblockHandler(res, never_called, &marker);
    void *priv = NULL;
    int first = RedisModule_CallReplyPromiseAbort(res, &priv);
    int second = RedisModule_CallReplyPromiseAbort(res, NULL);
    RedisModule_FreeCallReply(res);
    RedisModule_ReplyWithArray(ctx, 3);
    RedisModule_ReplyWithSimpleString(ctx, first == REDISMODULE_OK ? "OK" : "ERR");
    RedisModule_ReplyWithSimpleString(ctx, second == REDISMODULE_OK ? "OK" : "ERR");
    RedisModule_ReplyWithLongLong(ctx, priv == &marker);
    return REDISMODULE_OK;
}

typedef struct {
    RedisModuleBlockedClient *waiter;
    RedisModuleString **pairs;
    int npairs;
} popset;

static void popset_done(RedisModuleCtx *ctx, RedisModuleCallReply *answer, void *priv) {
    popset *ps = priv;
    RedisModuleString *elem = NULL;
    if (RedisModule_CallReplyType(answer) == REDISMODULE_REPLY_ARRAY)
        elem = RedisModule_CreateStringFromCallReply(RedisModule_CallReplyArrayElement(answer, 1));
    RedisModule_FreeCallReply(answer);
    for (int i = 0; i + 1 < ps->npairs; i += 2) {
        RedisModuleCallReply *r = RedisModule_Call(ctx, "SET", "!ss", ps->pairs[i], ps->pairs[i + 1]);
        RedisModule_FreeCallReply(r);
    }
    RedisModuleCtx *tsc = RedisModule_GetThreadSafeContext(ps->waiter);
    if (elem) RedisModule_ReplyWithString(tsc, elem);
    else RedisModule_ReplyWithNull(tsc);
    RedisModule_FreeThreadSafeContext(tsc);
    RedisModule_UnblockClient(ps->waiter, NULL);
    if (elem) RedisModule_FreeString(NULL, elem);
    for (int i = 0; i < ps->npairs; i++) RedisModule_FreeString(NULL, ps->pairs[i]);
    RedisModule_Free(ps->pairs);
    RedisModule_Free(ps);
}

static int PopSet_RedisCommand(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc < 2 || argc % 2 != 0) return RedisModule_WrongArity(ctx);
    if (RedisModule_GetContextFlags(ctx) & REDISMODULE_CTX_FLAGS_DENY_BLOCKING)
        return RedisModule_ReplyWithError(ctx, "ERR blocking is not allowed here");
    RedisModuleCallReply *res = RedisModule_Call(ctx, "BLPOP", "!KEsc", argv[1], "0");
    if (RedisModule_CallReplyType(res) != REDISMODULE_REPLY_PROMISE) {
        RedisModule_ReplyWithCallReply(ctx, res);
        RedisModule_FreeCallReply(res);
        return REDISMODULE_OK;
    }
    popset *ps = RedisModule_Alloc(sizeof(*ps));
    ps->waiter = RedisModule_BlockClient(ctx, NULL, NULL, NULL, 0);
    ps->npairs = argc - 2;
    ps->pairs = RedisModule_Alloc(sizeof(RedisModuleString *) * (size_t)(ps->npairs ? ps->npairs : 1));
    for (int i = 0; i < ps->npairs; i++) ps->pairs[i] = RedisModule_HoldString(NULL, argv[i + 2]);
    RedisModule_CallReplyPromiseSetUnblockHandler(res, popset_done, ps);
    /* Freeing the promise answer does not cancel the call. */
    RedisModule_FreeCallReply(res);
    return REDISMODULE_OK;
}

static int Info_RedisCommand(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    int deny = RedisModule_GetContextFlags(ctx) & REDISMODULE_CTX_FLAGS_DENY_BLOCKING;
    RedisModule_ReplyWithArray(ctx, 2);
    RedisModule_ReplyWithLongLong(ctx, REDISMODULE_REPLY_PROMISE);
    RedisModule_ReplyWithLongLong(ctx, deny ? 1 : 0);
    return REDISMODULE_OK;
}

static volatile int slow_running, slow_stop;

static int Slow_RedisCommand(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    slow_running = 1;
    slow_stop = 0;
    long long yields = 0;
    while (!slow_stop) {
        RedisModule_Yield(ctx, REDISMODULE_YIELD_FLAG_CLIENTS, "Slow module operation");
        usleep(1000);
        yields++;
    }
    slow_running = 0;
    return RedisModule_ReplyWithLongLong(ctx, yields > 0);
}

static int Running_RedisCommand(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    return RedisModule_ReplyWithLongLong(ctx, slow_running);
}

static int Stop_RedisCommand(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    slow_stop = 1;
    return RedisModule_ReplyWithSimpleString(ctx, "OK");
}

int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    if (RedisModule_Init(ctx, "mhasync", 1, REDISMODULE_APIVER_1) == REDISMODULE_ERR)
        return REDISMODULE_ERR;
    struct { const char *name; RedisModuleCmdFunc fn; } cmds[] = {
        {"mhasync.call", Call_RedisCommand},
        {"mhasync.norepl", NoRepl_RedisCommand},
        {"mhasync.forget", Forget_RedisCommand},
        {"mhasync.abort", Abort_RedisCommand},
        {"mhasync.popset", PopSet_RedisCommand},
        {"mhasync.info", Info_RedisCommand},
    };
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
        if (RedisModule_CreateCommand(ctx, cmds[i].name, cmds[i].fn, "write", 0, 0, 0) == REDISMODULE_ERR)
            return REDISMODULE_ERR;
    if (RedisModule_CreateCommand(ctx, "mhasync.slow", Slow_RedisCommand, "", 0, 0, 0) == REDISMODULE_ERR ||
        RedisModule_CreateCommand(ctx, "mhasync.running", Running_RedisCommand, "allow-busy", 0, 0, 0) == REDISMODULE_ERR ||
        RedisModule_CreateCommand(ctx, "mhasync.stop", Stop_RedisCommand, "allow-busy", 0, 0, 0) == REDISMODULE_ERR)
        return REDISMODULE_ERR;
    return REDISMODULE_OK;
}
