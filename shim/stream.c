/*
 * stream.c -- The stream key API. An iteration is materialised on the Go
 * side when it starts; each step crosses once.
 */
#include "core.h"
#include "_cgo_export.h"

static int mh_stream_check(RedisModuleKey *key, int need_write) {
    if (!key) { errno = EINVAL; return 0; }
    if (key->kind != REDISMODULE_KEYTYPE_STREAM) { errno = ENOTSUP; return 0; }
    if (need_write && !(key->mode & REDISMODULE_WRITE)) { errno = EBADF; return 0; }
    return 1;
}

/* Appends an entry of numfields field/value pairs (argv alternates them).
 * With REDISMODULE_STREAM_ADD_AUTOID the id is generated and written to
 * *id (if given); otherwise *id must exceed the stream's last id. Creates
 * the stream on an empty key. errno: EINVAL (bad arguments), ENOTSUP
 * (another type), EBADF (not writable), EDOM (id too small or invalid),
 * EFBIG (no more ids). Crossing: goStreamAdd. */
static int RM_StreamAdd(RedisModuleKey *key, int flags, RedisModuleStreamID *id, RedisModuleString **argv, int64_t numfields) {
    if (!key || (numfields != 0 && !argv) || (flags & ~REDISMODULE_STREAM_ADD_AUTOID) ||
        (!(flags & REDISMODULE_STREAM_ADD_AUTOID) && !id)) {
        errno = EINVAL;
        return REDISMODULE_ERR;
    }
    if (key->kind != REDISMODULE_KEYTYPE_EMPTY && key->kind != REDISMODULE_KEYTYPE_STREAM) { errno = ENOTSUP; return REDISMODULE_ERR; }
    if (!(key->mode & REDISMODULE_WRITE)) { errno = EBADF; return REDISMODULE_ERR; }
    if (!(flags & REDISMODULE_STREAM_ADD_AUTOID) && id->ms == 0 && id->seq == 0) { errno = EDOM; return REDISMODULE_ERR; }
    mh_argbuild a = {0};
    for (int64_t i = 0; i < numfields * 2; i++) mh_arg_add(&a, argv[i]->ptr, argv[i]->len);
    uint64_t ms = id ? id->ms : 0, seq = id ? id->seq : 0;
    int e = goStreamAdd(key->handle, (flags & REDISMODULE_STREAM_ADD_AUTOID) != 0, &ms, &seq, a.data.data, a.lens, a.argc);
    mh_argbuild_free(&a);
    if (e) { errno = e; return REDISMODULE_ERR; }
    if (id) { id->ms = ms; id->seq = seq; }
    key->kind = REDISMODULE_KEYTYPE_STREAM;
    return REDISMODULE_OK;
}

/* Deletes the entry with the given id. errno: EINVAL, ENOTSUP, EBADF (not
 * writable or an iteration is active), ENOENT (no such entry).
 * Crossing: goStreamDelete. */
static int RM_StreamDelete(RedisModuleKey *key, RedisModuleStreamID *id) {
    if (!key || !id) { errno = EINVAL; return REDISMODULE_ERR; }
    if (!mh_stream_check(key, 1)) return REDISMODULE_ERR;
    if (key->stream_iter) { errno = EBADF; return REDISMODULE_ERR; }
    if (!goStreamDelete(key->handle, id->ms, id->seq)) { errno = ENOENT; return REDISMODULE_ERR; }
    return REDISMODULE_OK;
}

/* Starts iterating entries between start and end (NULL: the ends),
 * EXCLUSIVE leaving the bounds out, REVERSE from the end. errno: EINVAL,
 * ENOTSUP, EBADF (already iterating), EDOM (empty exclusive range).
 * Crossing: goStreamIterStart. */
static int RM_StreamIteratorStart(RedisModuleKey *key, int flags, RedisModuleStreamID *startid, RedisModuleStreamID *endid) {
    if (!key || (flags & ~(REDISMODULE_STREAM_ITERATOR_EXCLUSIVE | REDISMODULE_STREAM_ITERATOR_REVERSE))) { errno = EINVAL; return REDISMODULE_ERR; }
    if (!mh_stream_check(key, 0)) return REDISMODULE_ERR;
    if (key->stream_iter) { errno = EBADF; return REDISMODULE_ERR; }
    uint64_t lo_ms = 0, lo_seq = 0, hi_ms = UINT64_MAX, hi_seq = UINT64_MAX;
    if (startid) { lo_ms = startid->ms; lo_seq = startid->seq; }
    if (endid) { hi_ms = endid->ms; hi_seq = endid->seq; }
    if (!goStreamIterStart(key->handle, flags, lo_ms, lo_seq, hi_ms, hi_seq, startid != NULL, endid != NULL)) {
        errno = EDOM;
        return REDISMODULE_ERR;
    }
    key->stream_iter = 1;
    return REDISMODULE_OK;
}

/* Ends an iteration. errno EBADF when none is active.
 * Crossing: goStreamIterStop. */
static int RM_StreamIteratorStop(RedisModuleKey *key) {
    if (!key) { errno = EINVAL; return REDISMODULE_ERR; }
    if (!mh_stream_check(key, 0)) return REDISMODULE_ERR;
    if (!key->stream_iter) { errno = EBADF; return REDISMODULE_ERR; }
    goStreamIterStop(key->handle);
    key->stream_iter = 0;
    return REDISMODULE_OK;
}

/* Moves to the next entry: its id and field count. errno ENOENT at the
 * end, EBADF without an iteration. Crossing: goStreamIterNext. */
static int RM_StreamIteratorNextID(RedisModuleKey *key, RedisModuleStreamID *id, long *numfields) {
    if (!key) { errno = EINVAL; return REDISMODULE_ERR; }
    if (!mh_stream_check(key, 0)) return REDISMODULE_ERR;
    if (!key->stream_iter) { errno = EBADF; return REDISMODULE_ERR; }
    uint64_t ms, seq;
    long n;
    if (!goStreamIterNext(key->handle, &ms, &seq, &n)) { errno = ENOENT; return REDISMODULE_ERR; }
    if (id) { id->ms = ms; id->seq = seq; }
    if (numfields) *numfields = n;
    return REDISMODULE_OK;
}

/* The next field and value of the current entry (new strings, auto
 * memory applies). errno ENOENT when the entry has no more fields.
 * Crossing: goStreamIterField. */
static int RM_StreamIteratorNextField(RedisModuleKey *key, RedisModuleString **field_ptr, RedisModuleString **value_ptr) {
    if (!key) { errno = EINVAL; return REDISMODULE_ERR; }
    if (!mh_stream_check(key, 0)) return REDISMODULE_ERR;
    if (!key->stream_iter) { errno = EBADF; return REDISMODULE_ERR; }
    RedisModuleString *f = NULL, *v = NULL;
    if (!goStreamIterField(key->handle, &f, &v)) { errno = ENOENT; return REDISMODULE_ERR; }
    int am = key->ctx->flags & MH_CTX_AUTO_MEMORY;
    if (field_ptr) { *field_ptr = f; if (am) mh_am_add(key->ctx, MH_AM_STRING, f); } else mh_string_release(f);
    if (value_ptr) { *value_ptr = v; if (am) mh_am_add(key->ctx, MH_AM_STRING, v); } else mh_string_release(v);
    return REDISMODULE_OK;
}

/* Deletes the entry the iteration is on. errno EBADF (not writable, no
 * iteration), ENOENT (no current entry). Crossing: goStreamIterDelete. */
static int RM_StreamIteratorDelete(RedisModuleKey *key) {
    if (!key) { errno = EINVAL; return REDISMODULE_ERR; }
    if (key->kind != REDISMODULE_KEYTYPE_STREAM) { errno = ENOTSUP; return REDISMODULE_ERR; }
    if (!(key->mode & REDISMODULE_WRITE) || !key->stream_iter) { errno = EBADF; return REDISMODULE_ERR; }
    if (!goStreamIterDelete(key->handle)) { errno = ENOENT; return REDISMODULE_ERR; }
    return REDISMODULE_OK;
}

/* Trims to at most length entries (APPROX: whole nodes only); returns the
 * number removed, or -1 with errno EINVAL/ENOTSUP/EBADF.
 * Crossing: goStreamTrim. */
static long long RM_StreamTrimByLength(RedisModuleKey *key, int flags, long long length) {
    if (!key || (flags & ~REDISMODULE_STREAM_TRIM_APPROX) || length < 0) { errno = EINVAL; return -1; }
    if (!mh_stream_check(key, 1)) return -1;
    return goStreamTrim(key->handle, (flags & REDISMODULE_STREAM_TRIM_APPROX) != 0, 0, length, 0, 0);
}

/* Removes entries with ids below id (APPROX: whole nodes only); returns
 * the number removed, or -1 with errno EINVAL/ENOTSUP/EBADF.
 * Crossing: goStreamTrim. */
static long long RM_StreamTrimByID(RedisModuleKey *key, int flags, RedisModuleStreamID *id) {
    if (!key || (flags & ~REDISMODULE_STREAM_TRIM_APPROX) || !id) { errno = EINVAL; return -1; }
    if (!mh_stream_check(key, 1)) return -1;
    return goStreamTrim(key->handle, (flags & REDISMODULE_STREAM_TRIM_APPROX) != 0, 1, 0, id->ms, id->seq);
}
