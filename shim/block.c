/*
 * block.c -- Blocking clients and thread-safe contexts.
 *
 * A blocked client's Go side is an engine.Block: the client's connection
 * goroutine parks without the execution lock, and the callbacks below run
 * under the lock when it is woken (UnblockClient from any thread), times
 * out, is served on keys, or disconnects. Replies made through a
 * thread-safe context bound to the blocked client pile up in the blocked
 * client and are sent after the reply callback, as Redis does.
 */
#include "core.h"
#include <sys/time.h>
#include "_cgo_export.h"

struct RedisModuleBlockedClient {
    uint64_t handle;          /* Go-side block id; 0 once released */
    mh_module *module;
    uint64_t client;          /* 0 when the client went away or never blocked */
    int resp;
    int dbid;
    RedisModuleCmdFunc reply_callback;
    RedisModuleCmdFunc timeout_callback;
    void (*free_privdata)(RedisModuleCtx *, void *);
    RedisModuleDisconnectFunc disconnect_callback;
    void *privdata;
    int on_keys;
    int unblocked;
    pthread_mutex_t mu;       /* guards pending (thread-safe replies) */
    mh_buf pending;
    uint64_t measure_start;   /* BlockedClientMeasureTimeStart, in us */
    uint64_t measured;
    RedisModuleAuthCallback auth_reply_callback; /* BlockClientOnAuth (acl.c) */
};

static uint64_t mh_now_us(void) {
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (uint64_t)tv.tv_sec * 1000000 + (uint64_t)tv.tv_usec;
}

static RedisModuleBlockedClient *mh_block(RedisModuleCtx *ctx, RedisModuleCmdFunc reply_callback, RedisModuleCmdFunc timeout_callback,
                                          void (*free_privdata)(RedisModuleCtx *, void *), long long timeout_ms,
                                          RedisModuleString **keys, int numkeys, void *privdata, int flags) {
    RedisModuleBlockedClient *bc = calloc(1, sizeof(*bc));
    if (!bc) abort();
    pthread_mutex_init(&bc->mu, NULL);
    bc->module = ctx->module;
    bc->client = ctx->client;
    bc->resp = ctx->resp;
    bc->dbid = ctx->client ? goGetSelectedDb(ctx->client, ctx->selected_db) : ctx->selected_db;
    bc->reply_callback = reply_callback;
    bc->timeout_callback = timeout_callback;
    bc->free_privdata = free_privdata;
    bc->privdata = privdata;
    bc->on_keys = keys != NULL;
    mh_argbuild a = {0};
    for (int i = 0; i < numkeys; i++) mh_arg_add(&a, keys[i]->ptr, keys[i]->len);
    int err = 0;
    if (ctx->flags & MH_CTX_BLOCKED_REPLY) err = 2;
    else bc->handle = goBlockClient(ctx->module ? ctx->module->handle : 0, ctx->client, bc, timeout_ms,
                                    a.data.data, a.lens, numkeys, flags, &err);
    mh_argbuild_free(&a);
    if (bc->handle == 0) {
        bc->client = 0;
        if (err == 1) RM_ReplyWithError(ctx, "ERR Blocking module command called from transaction");
        else if (err == 2) RM_ReplyWithError(ctx, "ERR Blocking module command called from a Reply callback context");
        else if (err == 3) RM_ReplyWithError(ctx, "ERR timeout is out of range");
    }
    return bc;
}

/* Blocks the client that called the command: it gets no reply until the
 * module calls UnblockClient (reply_callback then runs with the private
 * data) or timeout_ms passes (timeout_callback; 0 means never). In MULTI
 * the client gets Redis's error instead and the handle is already
 * aborted; the module must still call UnblockClient.
 * Context: a command. Crossing: goBlockClient. */
static RedisModuleBlockedClient *RM_BlockClient(RedisModuleCtx *ctx, RedisModuleCmdFunc reply_callback, RedisModuleCmdFunc timeout_callback,
                                                void (*free_privdata)(RedisModuleCtx *, void *), long long timeout_ms) {
    return mh_block(ctx, reply_callback, timeout_callback, free_privdata, timeout_ms, NULL, 0, NULL, 0);
}

/* Blocks the client until one of keys is signalled ready; reply_callback
 * then runs and unblocks the client by returning REDISMODULE_OK (ERR keeps
 * it waiting). privdata is available to the callbacks.
 * Context: a command. Crossing: goBlockClient. */
static RedisModuleBlockedClient *RM_BlockClientOnKeys(RedisModuleCtx *ctx, RedisModuleCmdFunc reply_callback, RedisModuleCmdFunc timeout_callback,
                                                      void (*free_privdata)(RedisModuleCtx *, void *), long long timeout_ms,
                                                      RedisModuleString **keys, int numkeys, void *privdata) {
    return mh_block(ctx, reply_callback, timeout_callback, free_privdata, timeout_ms, keys, numkeys, privdata, 0);
}

/* BlockClientOnKeys with flags: REDISMODULE_BLOCK_UNBLOCK_DELETED also
 * wakes the client when a key is deleted. Crossing: goBlockClient. */
static RedisModuleBlockedClient *RM_BlockClientOnKeysWithFlags(RedisModuleCtx *ctx, RedisModuleCmdFunc reply_callback, RedisModuleCmdFunc timeout_callback,
                                                               void (*free_privdata)(RedisModuleCtx *, void *), long long timeout_ms,
                                                               RedisModuleString **keys, int numkeys, void *privdata, int flags) {
    return mh_block(ctx, reply_callback, timeout_callback, free_privdata, timeout_ms, keys, numkeys, privdata, flags);
}

/* Marks key ready so clients blocked on it with BlockClientOnKeys are
 * served after the current command. Context: lock held.
 * Crossing: goSignalKeyAsReady. */
static void RM_SignalKeyAsReady(RedisModuleCtx *ctx, RedisModuleString *key) {
    int db = ctx->client ? goGetSelectedDb(ctx->client, ctx->selected_db) : ctx->selected_db;
    goSignalKeyAsReady(ctx->client, db, key->ptr, key->len);
}

/* Unblocks the client: from any thread. privdata reaches the reply
 * callback (blocks on keys keep their own private data, and unblocking
 * them runs the timeout callback). REDISMODULE_ERR for a block on keys
 * without a timeout callback. Context: any thread. Crossing: goUnblockClient. */
static int RM_UnblockClient(RedisModuleBlockedClient *bc, void *privdata) {
    if (bc->on_keys) {
        if (!bc->timeout_callback) return REDISMODULE_ERR;
        if (bc->unblocked) return REDISMODULE_OK;
    } else {
        bc->privdata = privdata;
    }
    bc->unblocked = 1;
    goUnblockClient(bc->handle, bc, bc->module ? bc->module->handle : 0);
    return REDISMODULE_OK;
}

/* Unblocks the client without calling the reply callback (the private
 * data is still freed). Context: any thread. Crossing: goUnblockClient. */
static int RM_AbortBlock(RedisModuleBlockedClient *bc) {
    bc->reply_callback = NULL;
    bc->disconnect_callback = NULL;
    bc->auth_reply_callback = NULL;
    return RM_UnblockClient(bc, NULL);
}

/* Sets the function called if the client disconnects while blocked.
 * Crossing: none. */
static void RM_SetDisconnectCallback(RedisModuleBlockedClient *bc, RedisModuleDisconnectFunc callback) {
    bc->disconnect_callback = callback;
}

/* True inside a blocked client's reply callback. Crossing: none. */
static int RM_IsBlockedReplyRequest(RedisModuleCtx *ctx) { return (ctx->flags & MH_CTX_BLOCKED_REPLY) != 0; }

/* True inside a blocked client's timeout callback. Crossing: none. */
static int RM_IsBlockedTimeoutRequest(RedisModuleCtx *ctx) { return (ctx->flags & MH_CTX_BLOCKED_TIMEOUT) != 0; }

/* The private data given to UnblockClient (or to BlockClientOnKeys).
 * Crossing: none. */
static void *RM_GetBlockedClientPrivateData(RedisModuleCtx *ctx) { return ctx->blocked_privdata; }

/* The key that became ready, inside a BlockClientOnKeys reply callback.
 * Crossing: none. */
static RedisModuleString *RM_GetBlockedClientReadyKey(RedisModuleCtx *ctx) { return ctx->blocked_ready_key; }

/* The blocked client handle of a reply/timeout/free callback context.
 * Crossing: none. */
static RedisModuleBlockedClient *RM_GetBlockedClientHandle(RedisModuleCtx *ctx) { return ctx->blocked_client; }

/* True in the free callback when the client disconnected while blocked.
 * Crossing: none. */
static int RM_BlockedClientDisconnected(RedisModuleCtx *ctx) { return (ctx->flags & MH_CTX_BLOCKED_DISCONNECTED) != 0; }

/* The private data stored in a blocked client. Crossing: none. */
static void *RM_BlockClientGetPrivateData(RedisModuleBlockedClient *blocked_client) { return blocked_client->privdata; }

/* Replaces the private data stored in a blocked client. Crossing: none. */
static void RM_BlockClientSetPrivateData(RedisModuleBlockedClient *blocked_client, void *private_data) {
    blocked_client->privdata = private_data;
}

/* Starts measuring background time spent for the blocked client.
 * REDISMODULE_ERR when already measuring. Crossing: none. */
static int RM_BlockedClientMeasureTimeStart(RedisModuleBlockedClient *bc) {
    if (bc->measure_start) return REDISMODULE_ERR;
    bc->measure_start = mh_now_us();
    return REDISMODULE_OK;
}

/* Stops measuring and adds the interval to the client's command time.
 * REDISMODULE_ERR when not measuring. Crossing: none. */
static int RM_BlockedClientMeasureTimeEnd(RedisModuleBlockedClient *bc) {
    if (!bc->measure_start) return REDISMODULE_ERR;
    bc->measured += mh_now_us() - bc->measure_start;
    bc->measure_start = 0;
    return REDISMODULE_OK;
}

/* Background microseconds of finished measurements (a measurement still
 * running when the client unblocks does not count, as in Redis). */
uint64_t mh_bc_measured(RedisModuleBlockedClient *bc) { return bc->measured; }

/* Whether the block has a timeout callback (else CLIENT UNBLOCK refuses). */
int mh_bc_has_timeout(RedisModuleBlockedClient *bc) { return bc->timeout_callback != NULL; }

/* ---- callbacks Go runs under the lock --------------------------------- */

static RedisModuleCtx *mh_bc_ctx(RedisModuleBlockedClient *bc, int flags) {
    RedisModuleCtx *ctx = mh_ctx_new(bc->module, bc->client, bc->resp, flags);
    ctx->blocked_client = bc;
    ctx->blocked_privdata = bc->privdata;
    ctx->selected_db = bc->dbid;
    return ctx;
}

static void mh_bc_call(RedisModuleBlockedClient *bc, RedisModuleCmdFunc fn, RedisModuleCtx *ctx, int *rc) {
    mh_module *prev = mh_current_module;
    mh_current_module = bc->module;
    int r = fn(ctx, NULL, 0);
    if (rc) *rc = r;
    mh_current_module = prev;
}

static void mh_bc_free_privdata(RedisModuleBlockedClient *bc, int disconnected) {
    if (!bc->privdata || !bc->free_privdata) return;
    RedisModuleCtx *ctx = mh_bc_ctx(bc, disconnected ? MH_CTX_BLOCKED_DISCONNECTED : 0);
    mh_module *prev = mh_current_module;
    mh_current_module = bc->module;
    bc->free_privdata(ctx, bc->privdata);
    mh_current_module = prev;
    mh_ctx_free(ctx);
}

/* Moves what a context replied into out (a malloc'd copy Go frees). */
static void mh_take_reply(RedisModuleCtx *ctx, mh_buf *out) {
    if (ctx->reply.len) mh_buf_append(out, ctx->reply.data, ctx->reply.len);
}

/* UnblockClient was called: reply callback, free_privdata, then the
 * replies made from thread-safe contexts. The reply bytes land in *out. */
void mh_bc_unblocked(RedisModuleBlockedClient *bc, mh_buf *out) {
    if (bc->client && bc->on_keys && bc->timeout_callback) {
        RedisModuleCtx *ctx = mh_bc_ctx(bc, MH_CTX_BLOCKED_TIMEOUT);
        mh_bc_call(bc, bc->timeout_callback, ctx, NULL);
        mh_take_reply(ctx, out);
        mh_ctx_free(ctx);
    } else if (bc->client && bc->reply_callback) {
        RedisModuleCtx *ctx = mh_bc_ctx(bc, MH_CTX_BLOCKED_REPLY);
        mh_bc_call(bc, bc->reply_callback, ctx, NULL);
        mh_take_reply(ctx, out);
        mh_ctx_free(ctx);
    }
    mh_bc_free_privdata(bc, 0);
    pthread_mutex_lock(&bc->mu);
    if (bc->client && bc->pending.len) mh_buf_append(out, bc->pending.data, bc->pending.len);
    pthread_mutex_unlock(&bc->mu);
}

/* The block timed out: the timeout callback replies; the client is then
 * detached (a block on keys is finished and its private data freed; other
 * blocks wait for the module's UnblockClient). */
void mh_bc_timeout(RedisModuleBlockedClient *bc, mh_buf *out) {
    if (bc->timeout_callback) {
        RedisModuleCtx *ctx = mh_bc_ctx(bc, MH_CTX_BLOCKED_TIMEOUT);
        mh_bc_call(bc, bc->timeout_callback, ctx, NULL);
        mh_take_reply(ctx, out);
        mh_ctx_free(ctx);
    } else {
        mh_buf_append(out, bc->resp == 3 ? "_\r\n" : "*-1\r\n", bc->resp == 3 ? 3 : 5);
    }
    bc->disconnect_callback = NULL;
    bc->client = 0;
    if (bc->on_keys) mh_bc_free_privdata(bc, 0);
}

int mh_bc_is_unblocked(RedisModuleBlockedClient *bc) { return bc->unblocked; }
int mh_bc_on_keys(RedisModuleBlockedClient *bc) { return bc->on_keys; }

/* A key the client waits on is ready: returns the reply callback's status
 * (OK serves and unblocks the client). */
int mh_bc_key_ready(RedisModuleBlockedClient *bc, const char *key, size_t keylen, mh_buf *out) {
    if (!bc->reply_callback) return REDISMODULE_ERR;
    RedisModuleCtx *ctx = mh_bc_ctx(bc, MH_CTX_BLOCKED_REPLY);
    ctx->blocked_ready_key = mh_string_new(key, keylen);
    int rc = REDISMODULE_ERR;
    mh_bc_call(bc, bc->reply_callback, ctx, &rc);
    if (rc == REDISMODULE_OK) {
        mh_take_reply(ctx, out);
        mh_bc_free_privdata(bc, 0);
    }
    mh_string_release(ctx->blocked_ready_key);
    mh_ctx_free(ctx);
    return rc;
}

/* The client disconnected while blocked: the disconnect callback runs;
 * for blocks on keys the private data is freed now. */
void mh_bc_disconnected(RedisModuleBlockedClient *bc) {
    if (bc->disconnect_callback) {
        RedisModuleCtx *ctx = mh_bc_ctx(bc, 0);
        mh_module *prev = mh_current_module;
        mh_current_module = bc->module;
        bc->disconnect_callback(ctx, bc);
        mh_current_module = prev;
        mh_ctx_free(ctx);
    }
    bc->client = 0;
    if (bc->on_keys) mh_bc_free_privdata(bc, 1);
}

/* Frees a handle that nobody can reach any more. */
void mh_bc_free(RedisModuleBlockedClient *bc) {
    pthread_mutex_destroy(&bc->mu);
    mh_buf_free(&bc->pending);
    free(bc);
}

/* A block that never parked a client (no client, MULTI): free_privdata. */
void mh_bc_release_unparked(RedisModuleBlockedClient *bc) { mh_bc_free_privdata(bc, bc->client == 0 && bc->handle != 0); }

void mh_buf_reset(mh_buf *b) { b->len = 0; }

/* ---- thread-safe contexts -------------------------------------------- */

/* A context for use from other threads, bound to a blocked client (its
 * replies reach that client after the reply callback) or to nothing (bc
 * NULL: replies are dropped). Take the lock with ThreadSafeContextLock
 * before calling APIs that touch data. Context: any thread.
 * Crossing: none. */
static RedisModuleCtx *RM_GetThreadSafeContext(RedisModuleBlockedClient *bc) {
    RedisModuleCtx *ctx = mh_ctx_new(bc ? bc->module : NULL, 0, bc ? bc->resp : 2,
                                     MH_CTX_THREAD_SAFE | (bc ? MH_CTX_TEMP_CLIENT : 0));
    if (bc) {
        ctx->blocked_client = bc;
        ctx->selected_db = bc->dbid;
    }
    return ctx;
}

/* A thread-safe context bound to ctx's module but to no client, for long
 * lived use (logging, RM_Call from a module thread). Crossing: none. */
static RedisModuleCtx *RM_GetDetachedThreadSafeContext(RedisModuleCtx *ctx) {
    return mh_ctx_new(ctx->module, 0, 2, MH_CTX_THREAD_SAFE);
}

/* Frees a thread-safe context; its replies move to its blocked client.
 * Context: any thread. Crossing: none. */
static void RM_FreeThreadSafeContext(RedisModuleCtx *ctx) {
    RedisModuleBlockedClient *bc = ctx->blocked_client;
    if (bc && ctx->reply.len) {
        pthread_mutex_lock(&bc->mu);
        mh_buf_append(&bc->pending, ctx->reply.data, ctx->reply.len);
        pthread_mutex_unlock(&bc->mu);
    }
    mh_ctx_free(ctx);
}

/* Takes the execution lock (blocks until held). Context: thread-safe
 * contexts, on module threads. Crossing: goThreadSafeLock. */
static void RM_ThreadSafeContextLock(RedisModuleCtx *ctx) {
    goThreadSafeLock(ctx->module ? ctx->module->handle : 0, 0);
    ctx->ts_locked = 1;
}

/* Takes the execution lock if it is free: REDISMODULE_OK, or ERR with
 * errno EBUSY. Crossing: goThreadSafeLock. */
static int RM_ThreadSafeContextTryLock(RedisModuleCtx *ctx) {
    if (!goThreadSafeLock(ctx->module ? ctx->module->handle : 0, 1)) {
        errno = EBUSY;
        return REDISMODULE_ERR;
    }
    ctx->ts_locked = 1;
    return REDISMODULE_OK;
}

/* Releases the execution lock, first serving clients blocked on keys that
 * became ready meanwhile. Crossing: goThreadSafeUnlock. */
static void RM_ThreadSafeContextUnlock(RedisModuleCtx *ctx) {
    ctx->ts_locked = 0;
    goThreadSafeUnlock(ctx->module ? ctx->module->handle : 0);
}
