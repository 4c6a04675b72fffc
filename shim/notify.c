/*
 * notify.c -- keyspace notifications for modules: subscribing, raising
 * events, and post-notification jobs. Subscribers and jobs live in Go
 * (capi/notify.go), which sees every keyspace event through the engine's
 * notify hooks and calls back through the trampolines here.
 */
#include "core.h"
#include "events.h"
#include "_cgo_export.h"

void mh_invoke_notify(void *cb, mh_module *m, uint64_t client, int db, int type, const char *event, const char *key, size_t keylen) {
    RedisModuleNotificationFunc fn = (RedisModuleNotificationFunc)cb;
    RedisModuleCtx *ctx = mh_cb_ctx(m, client, db, 1);
    RedisModuleString *k = mh_string_new(key, keylen);
    mh_module *prev = mh_current_module;
    mh_current_module = m;
    fn(ctx, type, event, k);
    mh_current_module = prev;
    mh_string_release(k);
    mh_cb_ctx_free(ctx);
}

void mh_invoke_job(void *cb, void *freefn, mh_module *m, uint64_t client, int db, void *pd) {
    RedisModulePostNotificationJobFunc fn = (RedisModulePostNotificationJobFunc)cb;
    void (*free_pd)(void *) = (void (*)(void *))freefn;
    RedisModuleCtx *ctx = mh_cb_ctx(m, client, db, 1);
    mh_module *prev = mh_current_module;
    mh_current_module = m;
    fn(ctx, pd);
    if (free_pd) free_pd(pd);
    mh_current_module = prev;
    mh_cb_ctx_free(ctx);
}

/* Registers callback for keyspace events whose class is in types
 * (REDISMODULE_NOTIFY_* bits), whatever notify-keyspace-events says. The
 * callback is not re-entered for events it causes itself unless the module
 * set REDISMODULE_OPTIONS_ALLOW_NESTED_KEYSPACE_NOTIFICATIONS.
 * Context: any with a module. Crossing: goSubscribeToKeyspaceEvents. */
static int RM_SubscribeToKeyspaceEvents(RedisModuleCtx *ctx, int types, RedisModuleNotificationFunc callback) {
    if (!ctx || !ctx->module) return REDISMODULE_ERR;
    goSubscribeToKeyspaceEvents(ctx->module->handle, types, (void *)callback);
    return REDISMODULE_OK;
}

/* Raises keyspace event `event` of class type for key in the context's db:
 * module subscribers and, per notify-keyspace-events, Pub/Sub.
 * REDISMODULE_ERR for a NULL ctx. Context: any with a client.
 * Crossing: goNotifyKeyspaceEvent. */
static int RM_NotifyKeyspaceEvent(RedisModuleCtx *ctx, int type, const char *event, RedisModuleString *key) {
    if (!ctx || !event || !key) return REDISMODULE_ERR;
    return goNotifyKeyspaceEvent(ctx->module ? ctx->module->handle : 0, ctx->client, ctx->selected_db, type,
                                 (char *)event, key->ptr, (int)key->len);
}

/* The notify-keyspace-events flags as REDISMODULE_NOTIFY_* bits.
 * Context: any. Crossing: goGetNotifyKeyspaceEvents. */
static int RM_GetNotifyKeyspaceEvents(void) {
    return goGetNotifyKeyspaceEvents(mh_current_module ? mh_current_module->handle : 0);
}

/* Queues callback(ctx, privdata) to run once the current notification
 * chain is over (at the end of the command or of the event being
 * handled), when writes are safe; free_privdata(privdata) runs after it
 * when not NULL. REDISMODULE_ERR while a dataset is loading.
 * Context: a callback context with a module. Crossing: goAddPostNotificationJob. */
static int RM_AddPostNotificationJob(RedisModuleCtx *ctx, RedisModulePostNotificationJobFunc callback, void *privdata, void (*free_privdata)(void *)) {
    if (!ctx || !ctx->module || !callback) return REDISMODULE_ERR;
    return goAddPostNotificationJob(ctx->module->handle, ctx->client, ctx->selected_db, (void *)callback, privdata, (void *)free_privdata);
}
