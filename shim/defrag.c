/*
 * defrag.c -- the active defragmentation API.
 *
 * Active defrag needs an allocator that can tell whether moving a block
 * would help (Redis's bundled jemalloc). modhost allocates with the C
 * library, so it is in the position of a Redis built without that
 * allocator, such as Debian's: CONFIG SET activedefrag yes is refused with
 * Redis's error, no defrag cycle ever runs, and these functions answer as
 * such a Redis answers them. A module may register its callbacks and call
 * them from its own code paths; nothing here pretends to move memory.
 */
#include "core.h"

struct RedisModuleDefragCtx {
    long long endtime;          /* microseconds; 0 = no time limit */
    unsigned long *cursor;      /* set only for a late defrag of one key */
    RedisModuleString *key;     /* key being processed, or NULL */
    int dbid;                   /* its db, or -1 */
};

/* Registers a callback for the module's global (non-key) data. Always
 * REDISMODULE_OK; with no defrag cycle the callback is never called, as
 * on a Redis without active defrag support. Context: OnLoad.
 * Crossing: none. */
static int RM_RegisterDefragFunc(RedisModuleCtx *ctx, RedisModuleDefragFunc func) {
    (void)ctx;
    (void)func;
    return REDISMODULE_OK;
}

/* Non-zero when the defrag callback has used up its time slice and must
 * stop (saving a cursor if it supports late defrag). Context: a defrag
 * callback. Crossing: none. */
static int RM_DefragShouldStop(RedisModuleDefragCtx *ctx) {
    return ctx->endtime != 0 && ctx->endtime < (long long)RM_Microseconds();
}

/* Saves the callback's position for the next late-defrag call on the same
 * key; REDISMODULE_ERR outside late defrag. Context: a defrag callback.
 * Crossing: none. */
static int RM_DefragCursorSet(RedisModuleDefragCtx *ctx, unsigned long cursor) {
    if (!ctx->cursor) return REDISMODULE_ERR;
    *ctx->cursor = cursor;
    return REDISMODULE_OK;
}

/* Reads the position saved by DefragCursorSet; REDISMODULE_ERR outside
 * late defrag. Context: a defrag callback. Crossing: none. */
static int RM_DefragCursorGet(RedisModuleDefragCtx *ctx, unsigned long *cursor) {
    if (!ctx->cursor) return REDISMODULE_ERR;
    *cursor = *ctx->cursor;
    return REDISMODULE_OK;
}

/* Moves an RM_Alloc'd block when that would reduce fragmentation and
 * returns its new address, or NULL when it stays (the old pointer remains
 * valid). The C library allocator gives no such hint, so the answer is
 * always NULL. Context: a defrag callback. Crossing: none. */
static void *RM_DefragAlloc(RedisModuleDefragCtx *ctx, void *ptr) {
    (void)ctx;
    (void)ptr;
    return NULL;
}

/* DefragAlloc for a module string: the moved string, or NULL when it
 * stays (always, for the reason DefragAlloc gives). Context: a defrag
 * callback. Crossing: none. */
static RedisModuleString *RM_DefragRedisModuleString(RedisModuleDefragCtx *ctx, RedisModuleString *str) {
    (void)ctx;
    (void)str;
    return NULL;
}

/* The name of the key being defragged; NULL when unknown (global data).
 * Context: a defrag callback. Crossing: none. */
static const RedisModuleString *RM_GetKeyNameFromDefragCtx(RedisModuleDefragCtx *ctx) {
    return ctx->key;
}

/* The db of the key being defragged; -1 when unknown. Context: a defrag
 * callback. Crossing: none. */
static int RM_GetDbIdFromDefragCtx(RedisModuleDefragCtx *ctx) {
    return ctx->dbid;
}
