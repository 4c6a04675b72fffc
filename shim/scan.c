/*
 * scan.c -- Scanning the keyspace and the elements of a key.
 *
 * One RM_Scan call visits one step of the db's SCAN cursor (so the SCAN
 * guarantee holds); RM_ScanKey visits a whole hash, set or sorted set in
 * one call, as Redis does for its compact encodings. Each call crosses into
 * Go once and gets the names back in one malloc'd buffer.
 */
#include "core.h"
#include "_cgo_export.h"

struct RedisModuleScanCursor {
    uint64_t cursor;
    int done;
};

/* A new cursor at the start of a scan. Crossing: none. */
static RedisModuleScanCursor *RM_ScanCursorCreate(void) {
    RedisModuleScanCursor *c = mh_calloc(1, sizeof(*c));
    return c;
}

/* Rewinds a cursor to the start. Crossing: none. */
static void RM_ScanCursorRestart(RedisModuleScanCursor *cursor) {
    cursor->cursor = 0;
    cursor->done = 0;
}

/* Frees a cursor. Crossing: none. */
static void RM_ScanCursorDestroy(RedisModuleScanCursor *cursor) { mh_free(cursor); }

/* Calls fn for the keys of one SCAN step of the context's db, with the key
 * opened for reading (NULL if it expired meanwhile). Returns 1 while more
 * remain, 0 at the end (errno ENOENT once the cursor is done).
 * Context: lock held. Crossing: goScanStep. */
static int RM_Scan(RedisModuleCtx *ctx, RedisModuleScanCursor *cursor, RedisModuleScanCB fn, void *privdata) {
    if (cursor->done) {
        errno = ENOENT;
        return 0;
    }
    char *buf = NULL;
    size_t *lens = NULL;
    int n = 0;
    int db = ctx->client ? goGetSelectedDb(ctx->client, ctx->selected_db) : ctx->selected_db;
    goScanStep(ctx->client, db, &cursor->cursor, &buf, &lens, &n);
    size_t off = 0;
    for (int i = 0; i < n; i++) {
        RedisModuleString *name = mh_string_new(buf + off, lens[i]);
        off += lens[i];
        RedisModuleKey *key = RM_OpenKey(ctx, name, REDISMODULE_READ);
        fn(ctx, name, key, privdata);
        RM_CloseKey(key);
        mh_string_release(name);
    }
    free(buf);
    free(lens);
    errno = 0;
    if (cursor->cursor == 0) {
        cursor->done = 1;
        return 0;
    }
    return 1;
}

/* Calls fn for every element of a hash (field, value), set (member, NULL)
 * or sorted set (member, score text). Returns 0 when done; 0 with errno
 * EINVAL for a NULL, empty or other-typed key, ENOENT when the cursor is
 * already done. Context: lock held. Crossing: goScanKey. */
static int RM_ScanKey(RedisModuleKey *key, RedisModuleScanCursor *cursor, RedisModuleScanKeyCB fn, void *privdata) {
    if (!key || (key->kind != REDISMODULE_KEYTYPE_HASH && key->kind != REDISMODULE_KEYTYPE_SET &&
                 key->kind != REDISMODULE_KEYTYPE_ZSET)) {
        errno = EINVAL;
        return 0;
    }
    if (cursor->done) {
        errno = ENOENT;
        return 0;
    }
    char *buf = NULL;
    size_t *lens = NULL;
    int n = 0, pairs = 0;
    goScanKey(key->handle, &buf, &lens, &n, &pairs);
    size_t off = 0;
    for (int i = 0; i < n;) {
        RedisModuleString *field = mh_string_new(buf + off, lens[i]);
        off += lens[i++];
        RedisModuleString *value = NULL;
        if (pairs) {
            value = mh_string_new(buf + off, lens[i]);
            off += lens[i++];
        }
        fn(key, field, value, privdata);
        mh_string_release(field);
        mh_string_release(value);
    }
    free(buf);
    free(lens);
    cursor->cursor = 1;
    cursor->done = 1;
    errno = 0;
    return 0;
}
