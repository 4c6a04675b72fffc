/*
 * misc.c -- client lookups by id, Pub/Sub publishing, db helpers,
 * dataset reset, Yield, latency samples.
 */
#include "core.h"
#include "events.h"
#include "_cgo_export.h"

/* Fills a RedisModuleClientInfo (its version field set by the caller; only
 * version 1 exists) for client id. With ci NULL it only tells whether the
 * client exists. REDISMODULE_ERR for an unknown client or version.
 * Context: any (under the lock). Crossing: goGetClientInfoById. */
static int RM_GetClientInfoById(void *ci, uint64_t id) {
    return goGetClientInfoById(ci, id);
}

static RedisModuleString *mh_track(RedisModuleCtx *ctx, char *p, size_t n) {
    RedisModuleString *s = mh_string_new(p, n);
    free(p);
    if (ctx && (ctx->flags & MH_CTX_AUTO_MEMORY)) mh_am_add(ctx, MH_AM_STRING, s);
    return s;
}

/* The name of client id (a new string), or NULL when the client does not
 * exist or has no name. Context: any. Crossing: goGetClientNameById. */
static RedisModuleString *RM_GetClientNameById(RedisModuleCtx *ctx, uint64_t id) {
    size_t n = 0;
    char *p = goGetClientNameById(id, &n);
    if (!p) return NULL;
    return mh_track(ctx, p, n);
}

/* Sets (or, with an empty name, clears) client id's name as CLIENT SETNAME
 * does. ENOENT for an unknown client, EINVAL for a name with spaces or
 * unprintable characters. Context: any. Crossing: goSetClientNameById. */
static int RM_SetClientNameById(uint64_t id, RedisModuleString *name) {
    int e = goSetClientNameById(id, name->ptr, (int)name->len);
    if (e) {
        errno = e;
        return REDISMODULE_ERR;
    }
    return REDISMODULE_OK;
}

/* The ACL user name of client id as a new string, or NULL with errno
 * ENOENT when there is no such client. Context: any.
 * Crossing: goGetClientUserNameById. */
static RedisModuleString *RM_GetClientUserNameById(RedisModuleCtx *ctx, uint64_t id) {
    size_t n = 0;
    char *p = goGetClientUserNameById(id, &n);
    if (!p) {
        errno = ENOENT;
        return NULL;
    }
    return mh_track(ctx, p, n);
}

/* PUBLISH channel message; returns the number of receivers.
 * Context: any (under the lock). Crossing: goPublishMessage. */
static int RM_PublishMessage(RedisModuleCtx *ctx, RedisModuleString *channel, RedisModuleString *message) {
    return goPublishMessage(ctx && ctx->module ? ctx->module->handle : 0, channel->ptr, (int)channel->len, message->ptr, (int)message->len, 0);
}

/* SPUBLISH channel message; returns the number of receivers.
 * Context: any (under the lock). Crossing: goPublishMessage. */
static int RM_PublishMessageShard(RedisModuleCtx *ctx, RedisModuleString *channel, RedisModuleString *message) {
    return goPublishMessage(ctx && ctx->module ? ctx->module->handle : 0, channel->ptr, (int)channel->len, message->ptr, (int)message->len, 1);
}

/* Keys in the context's db (expired keys not yet reclaimed included, as
 * Redis counts them). Context: any. Crossing: goDbSize. */
static unsigned long long RM_DbSize(RedisModuleCtx *ctx) {
    return goDbSize(ctx->module ? ctx->module->handle : 0, ctx->client, ctx->selected_db);
}

/* A random key of the context's db as a new string, or NULL when it is
 * empty. Context: any. Crossing: goRandomKey. */
static RedisModuleString *RM_RandomKey(RedisModuleCtx *ctx) {
    size_t n = 0;
    char *p = goRandomKey(ctx->module ? ctx->module->handle : 0, ctx->client, ctx->selected_db, &n);
    if (!p) return NULL;
    return mh_track(ctx, p, n);
}

/* Empties every database (FLUSHALL without touching functions). The AOF
 * restart and async flags have no effect here.
 * Context: under the lock. Crossing: goResetDataset. */
static void RM_ResetDataset(int restart_aof, int async) {
    goResetDataset(mh_current_module ? mh_current_module->handle : 0, async);
    (void)restart_aof;
}

/* Lets the server breathe during a long command: once the command has run
 * busy-reply-threshold, and then at most hz times a second, other clients
 * get a turn with REDISMODULE_YIELD_FLAG_CLIENTS; their commands are
 * refused with "-BUSY <busy_reply>" (or Redis's default text) unless
 * flagged allow-busy. From a thread-safe context nothing happens: the
 * thread may not hold the execution lock to hand over.
 * Context: a command holding the execution lock. Crossing: goYield. */
static void RM_Yield(RedisModuleCtx *ctx, int flags, const char *busy_reply) {
    static __thread int nesting;
    /* Yields do not nest (a command run during the yield may yield). */
    if (!ctx || (ctx->flags & MH_CTX_THREAD_SAFE) || nesting) return;
    nesting++;
    goYield(flags, (char *)busy_reply);
    nesting--;
}

/* Records a latency sample for LATENCY, when latency is at least
 * latency-monitor-threshold (so every sample with the default 0).
 * Context: under the lock. Crossing: goLatencyAddSample. */
static void RM_LatencyAddSample(const char *event, mstime_t latency) {
    goLatencyAddSample(mh_current_module ? mh_current_module->handle : 0, (char *)event, latency);
}

/* Whether the module should avoid creating replication traffic; modhost
 * has no failover in progress, so 0. Context: any. Crossing: none. */
static int RM_AvoidReplicaTraffic(void) { return 0; }

/* ---- TLS ----------------------------------------------------------------- */

/* The X.509 client certificate of client id, or NULL. modhost serves no
 * TLS, so no client has one: always NULL, as Redis answers for a plain TCP
 * or unix-socket client. Context: any. Crossing: none. */
static RedisModuleString *RM_GetClientCertificate(RedisModuleCtx *ctx, uint64_t id) {
    (void)ctx;
    (void)id;
    return NULL;
}

/* ---- APIs shared between modules ---------------------------------------- */

/* Publishes func under apiname for other modules (GetSharedAPI).
 * REDISMODULE_ERR when the name is taken. apiname must stay valid while the
 * module is loaded (Redis keeps the pointer; a literal is expected).
 * Context: any, usually OnLoad. Crossing: goExportSharedAPI. */
static int RM_ExportSharedAPI(RedisModuleCtx *ctx, const char *apiname, void *func) {
    return goExportSharedAPI(ctx->module ? ctx->module->handle : 0, (char *)apiname, func);
}

/* The pointer another module exported under apiname, or NULL. The
 * exporting module then counts as used by this one (MODULE UNLOAD refuses
 * it, INFO modules lists usedby/using). Crossing: goGetSharedAPI. */
static void *RM_GetSharedAPI(RedisModuleCtx *ctx, const char *apiname) {
    return goGetSharedAPI(ctx->module ? ctx->module->handle : 0, (char *)apiname);
}
