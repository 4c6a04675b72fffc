/*
 * event.c -- server events (SubscribeToServerEvent) and the context that
 * every event-style callback runs with.
 *
 * The listener list lives in Go (capi/events.go); C only turns a
 * subscription into one crossing and, when Go fires an event, rebuilds
 * the RedisModuleEvent struct by value, since the callback receives the
 * exact struct the module subscribed with.
 */
#include "core.h"
#include "events.h"
#include "_cgo_export.h"

void mh_pool_free(RedisModuleCtx *ctx);

/* A context for a callback that is not a command: bound to module m, with
 * client (a temporary client Go made for the call, or a real one) and db
 * selected. temp marks a temporary client, which lets RM_Call and replies
 * work as in Redis's temp-client contexts. */
static RedisModuleCtx *mh_cb_ctx(mh_module *m, uint64_t client, int db, int temp) {
    RedisModuleCtx *ctx = mh_ctx_new(m, client, 2, temp ? MH_CTX_TEMP_CLIENT : 0);
    ctx->selected_db = db;
    return ctx;
}

static void mh_cb_ctx_free(RedisModuleCtx *ctx) { mh_ctx_free(ctx); }

void mh_free_plain(void *p) { free(p); }

void mh_invoke_server_event(void *cb, mh_module *m, uint64_t client, int db, int temp, uint64_t id, uint64_t dataver, uint64_t sub, void *data) {
    RedisModuleEventCallback fn = (RedisModuleEventCallback)cb;
    RedisModuleCtx *ctx = mh_cb_ctx(m, client, db, temp);
    RedisModuleEvent ev = {id, dataver};
    mh_module *prev = mh_current_module;
    mh_current_module = m;
    fn(ctx, ev, sub, data);
    mh_current_module = prev;
    mh_cb_ctx_free(ctx);
}

/* Subscribes the module to a server event, replaces its callback when it
 * already listens to that event id, or unsubscribes when callback is NULL.
 * Fails for a ctx without a module, an id >= 18, or a data version newer
 * than the server's for that event (versions of events without data are
 * unlimited, as in Redis). Context: any with a module.
 * Crossing: goSubscribeToServerEvent. */
static int RM_SubscribeToServerEvent(RedisModuleCtx *ctx, RedisModuleEvent event, RedisModuleEventCallback callback) {
    if (!ctx || !ctx->module) return REDISMODULE_ERR;
    if (event.id >= _REDISMODULE_EVENT_NEXT) return REDISMODULE_ERR;
    switch (event.id) {
    case REDISMODULE_EVENT_REPLICATION_ROLE_CHANGED:
    case REDISMODULE_EVENT_FLUSHDB:
    case REDISMODULE_EVENT_CLIENT_CHANGE:
    case REDISMODULE_EVENT_CRON_LOOP:
    case REDISMODULE_EVENT_MODULE_CHANGE:
    case REDISMODULE_EVENT_LOADING_PROGRESS:
    case REDISMODULE_EVENT_SWAPDB:
    case REDISMODULE_EVENT_KEY:
        if (event.dataver > 1) return REDISMODULE_ERR;
        break;
    }
    goSubscribeToServerEvent(ctx->module->handle, event.id, event.dataver, (void *)callback);
    return REDISMODULE_OK;
}

/* Whether subevent exists for event (the subevent count of each event in
 * 7.2; events without subevents answer 0). The subevent is compared as a
 * signed number, as Redis's implementation takes it.
 * Context: any. Crossing: none. */
static int RM_IsSubEventSupported(RedisModuleEvent event, uint64_t subevent) {
    int64_t s = (int64_t)subevent;
    switch (event.id) {
    case REDISMODULE_EVENT_REPLICATION_ROLE_CHANGED: return s < 2;
    case REDISMODULE_EVENT_PERSISTENCE: return s < 6;
    case REDISMODULE_EVENT_FLUSHDB: return s < 2;
    case REDISMODULE_EVENT_LOADING: return s < 5;
    case REDISMODULE_EVENT_CLIENT_CHANGE: return s < 2;
    case REDISMODULE_EVENT_SHUTDOWN: return s < 0;
    case REDISMODULE_EVENT_REPLICA_CHANGE: return s < 2;
    case REDISMODULE_EVENT_MASTER_LINK_CHANGE: return s < 2;
    case REDISMODULE_EVENT_CRON_LOOP: return s < 0;
    case REDISMODULE_EVENT_MODULE_CHANGE: return s < 2;
    case REDISMODULE_EVENT_LOADING_PROGRESS: return s < 2;
    case REDISMODULE_EVENT_SWAPDB: return s < 0;
    case REDISMODULE_EVENT_REPL_ASYNC_LOAD: return s < 3;
    case REDISMODULE_EVENT_FORK_CHILD: return s < 2;
    case REDISMODULE_EVENT_EVENTLOOP: return s < 2;
    case REDISMODULE_EVENT_CONFIG: return s < 1;
    case REDISMODULE_EVENT_KEY: return s < 4;
    }
    return 0;
}

/* Fires the KEY event (a key about to be deleted, expired, evicted or
 * overwritten) at one listener: the data is a RedisModuleKeyInfoV1 whose key
 * is opened for reading on the value still in place, with no side effects
 * (no access-time update, no lazy expiry, no stats or notifications). */
void mh_invoke_key_event(void *cb, mh_module *m, uint64_t client, int db, uint64_t dataver, uint64_t sub,
                         const char *name, size_t len) {
    RedisModuleEventCallback fn = (RedisModuleEventCallback)cb;
    RedisModuleCtx *ctx = mh_cb_ctx(m, client, db, 1);
    mh_module *prev = mh_current_module;
    mh_current_module = m;
    RedisModuleString *keyname = RM_CreateString(ctx, name, len);
    RedisModuleKey *key = RM_OpenKey(ctx, keyname, REDISMODULE_READ | REDISMODULE_OPEN_KEY_NOEFFECTS | REDISMODULE_OPEN_KEY_NOEXPIRE);
    if (key) {
        RedisModuleKeyInfoV1 info = {1, key};
        RedisModuleEvent ev = {REDISMODULE_EVENT_KEY, dataver};
        fn(ctx, ev, sub, &info);
        RM_CloseKey(key);
    }
    RM_FreeString(ctx, keyname);
    mh_current_module = prev;
    mh_cb_ctx_free(ctx);
}
