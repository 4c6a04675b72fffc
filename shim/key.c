/*
 * key.c -- The low-level key API: open keys, generic key operations and
 * the string, list, hash and sorted-set APIs.
 *
 * An open key caches what the keyspace held when it was opened (or last
 * changed through this key), as Redis's key handle does: KeyType and the
 * module-type getters answer in C. Operations that read or change data
 * cross into Go once.
 */
#include "core.h"
#include <math.h>
#include "_cgo_export.h"

struct RedisModuleKey {
    RedisModuleCtx *ctx;
    uint64_t handle;          /* Go-side open key id */
    int mode;
    int kind;                 /* REDISMODULE_KEYTYPE_* */
    RedisModuleType *mtype;   /* for module values */
    void *mvalue;
    RedisModuleString *name;
    int zset_iter;            /* a sorted-set range iteration is active */
    int stream_iter;          /* a stream iteration is active */
};

void mh_key_set_cache(RedisModuleKey *key, int kind, RedisModuleType *mt, void *mv) {
    key->kind = kind;
    key->mtype = mt;
    key->mvalue = mv;
}

uint64_t mh_select_gen = 1;

/* Key structs are recycled per thread: modules open and close keys in
 * tight loops, and malloc+free was a tenth of OpenKey's cost. A key freed
 * on another thread simply joins that thread's list. */
#define MH_KEY_CACHE 32
static __thread RedisModuleKey *mh_key_cache[MH_KEY_CACHE];
static __thread int mh_key_ncache;

static RedisModuleKey *mh_key_alloc(void) {
    RedisModuleKey *key;
    if (mh_key_ncache > 0) {
        key = mh_key_cache[--mh_key_ncache];
        memset(key, 0, sizeof(*key));
        return key;
    }
    key = calloc(1, sizeof(*key));
    if (!key) abort();
    return key;
}

/* Frees a thread's cached keys when the thread exits. */
static pthread_key_t mh_key_cache_owner;
static pthread_once_t mh_key_cache_once = PTHREAD_ONCE_INIT;

static void mh_key_cache_drain(void *unused) {
    (void)unused;
    while (mh_key_ncache > 0) free(mh_key_cache[--mh_key_ncache]);
}

static void mh_key_cache_init(void) { pthread_key_create(&mh_key_cache_owner, mh_key_cache_drain); }

static void mh_key_dealloc(RedisModuleKey *key) {
    if (mh_key_ncache < MH_KEY_CACHE) {
        if (mh_key_ncache == 0) {
            /* the destructor runs only for threads with a non-NULL value */
            pthread_once(&mh_key_cache_once, mh_key_cache_init);
            pthread_setspecific(mh_key_cache_owner, (void *)1);
        }
        mh_key_cache[mh_key_ncache++] = key;
        return;
    }
    free(key);
}

/* The context's db; asks Go only when a SelectDb may have changed it
 * since the context last knew (a crossing per key open otherwise). */
static int mh_ctx_db(RedisModuleCtx *ctx) {
    if (!ctx->client) return ctx->selected_db;
    uint64_t gen = __atomic_load_n(&mh_select_gen, __ATOMIC_RELAXED);
    if (ctx->db_gen != gen) {
        ctx->selected_db = goGetSelectedDb(ctx->client, ctx->selected_db);
        ctx->db_gen = gen;
    }
    return ctx->selected_db;
}

/* Opens keyname in the context's db. READ mode on a missing key returns
 * NULL; WRITE mode returns a handle for an empty key that writes create.
 * Flags: NOTOUCH (no LRU/LFU update), NONOTIFY (no keymiss event),
 * NOSTATS (no hit/miss counting), NOEXPIRE (an expired key is not
 * deleted), NOEFFECTS (all of those).
 * Context: anything holding the lock. Crossing: goOpenKey. */
static RedisModuleKey *RM_OpenKey(RedisModuleCtx *ctx, RedisModuleString *keyname, int mode) {
    int kind = 0;
    RedisModuleType *mt = NULL;
    void *mv = NULL;
    uint64_t h = goOpenKey(ctx->client, mh_ctx_db(ctx), keyname->ptr, keyname->len, mode, &kind, &mt, &mv);
    if (h == 0) return NULL;
    RedisModuleKey *key = mh_key_alloc();
    key->ctx = ctx;
    key->handle = h;
    key->mode = mode;
    key->kind = kind;
    key->mtype = mt;
    key->mvalue = mv;
    key->name = keyname;
    keyname->refcount++;
    if (ctx->flags & MH_CTX_AUTO_MEMORY) mh_am_add(ctx, MH_AM_KEY, key);
    return key;
}

static void mh_key_close(RedisModuleKey *key) {
    goCloseKey(key->handle);
    mh_string_release(key->name);
    mh_key_dealloc(key);
}

void mh_key_autoclose(void *key) { mh_key_close(key); }

/* Closes a key; NULL is ignored. A key opened for writing signals the
 * change to WATCH unless the module opted out.
 * Context: anything holding the lock. Crossing: goCloseKey. */
static void RM_CloseKey(RedisModuleKey *key) {
    if (!key) return;
    if (key->ctx->flags & MH_CTX_AUTO_MEMORY) mh_am_forget(key->ctx, key);
    mh_key_close(key);
}

/* REDISMODULE_KEYTYPE_* of what the key holds; NULL gives EMPTY.
 * Context: any. Crossing: none. */
static int RM_KeyType(RedisModuleKey *key) {
    if (!key) return REDISMODULE_KEYTYPE_EMPTY;
    return key->kind;
}

/* The type of the module value an open key holds; NULL for a NULL key,
 * an empty key or a non-module value. Context: any. Crossing: none. */
static RedisModuleType *RM_ModuleTypeGetType(RedisModuleKey *key) {
    if (!key || key->kind != REDISMODULE_KEYTYPE_MODULE) return NULL;
    return key->mtype;
}

/* The pointer stored in a module-typed key; NULL otherwise.
 * Context: any. Crossing: none. */
static void *RM_ModuleTypeGetValue(RedisModuleKey *key) {
    if (!key || key->kind != REDISMODULE_KEYTYPE_MODULE) return NULL;
    return key->mvalue;
}

/* Stores value (of type mt) in a key opened for writing, replacing what
 * it held (the old value is freed) and dropping its TTL.
 * Returns REDISMODULE_ERR when the key is not open for writing.
 * Context: lock held. Crossing: goModuleTypeSetValue. */
static int RM_ModuleTypeSetValue(RedisModuleKey *key, RedisModuleType *mt, void *value) {
    if (!(key->mode & REDISMODULE_WRITE)) return REDISMODULE_ERR;
    if (goModuleTypeSetValue(key->handle, mt, value) != REDISMODULE_OK) return REDISMODULE_ERR;
    mh_key_set_cache(key, REDISMODULE_KEYTYPE_MODULE, mt, value);
    return REDISMODULE_OK;
}

/* Swaps the value of a module-typed key without freeing the old one,
 * which is returned in *old_value. REDISMODULE_ERR when the key is not
 * writable, empty, or holds another type. Crossing: goModuleTypeReplaceValue. */
static int RM_ModuleTypeReplaceValue(RedisModuleKey *key, RedisModuleType *mt, void *new_value, void **old_value) {
    if (!(key->mode & REDISMODULE_WRITE) || key->kind != REDISMODULE_KEYTYPE_MODULE || key->mtype != mt)
        return REDISMODULE_ERR;
    void *old = goModuleTypeReplaceValue(key->handle, new_value);
    if (old_value) *old_value = old;
    key->mvalue = new_value;
    return REDISMODULE_OK;
}

/* Length of the value: bytes of a string, elements of a list, hash, set,
 * sorted set or stream; 0 for empty keys and module values.
 * Context: lock held. Crossing: goValueLength. */
static size_t RM_ValueLength(RedisModuleKey *key) {
    if (!key || key->kind == REDISMODULE_KEYTYPE_EMPTY || key->kind == REDISMODULE_KEYTYPE_MODULE) return 0;
    return goValueLength(key->handle);
}

/* Deletes the key's value. REDISMODULE_ERR when not open for writing.
 * Context: lock held. Crossing: goDeleteKey. */
static int RM_DeleteKey(RedisModuleKey *key) {
    if (!(key->mode & REDISMODULE_WRITE)) return REDISMODULE_ERR;
    goDeleteKey(key->handle, 0);
    mh_key_set_cache(key, REDISMODULE_KEYTYPE_EMPTY, NULL, NULL);
    return REDISMODULE_OK;
}

/* Like DeleteKey, but a module value's unlink callback runs first
 * (lazy freeing in Redis). Crossing: goDeleteKey. */
static int RM_UnlinkKey(RedisModuleKey *key) {
    if (!(key->mode & REDISMODULE_WRITE)) return REDISMODULE_ERR;
    goDeleteKey(key->handle, 1);
    mh_key_set_cache(key, REDISMODULE_KEYTYPE_EMPTY, NULL, NULL);
    return REDISMODULE_OK;
}

/* Remaining time to live in milliseconds, or REDISMODULE_NO_EXPIRE.
 * Context: lock held. Crossing: goGetExpire. */
static mstime_t RM_GetExpire(RedisModuleKey *key) { return goGetExpire(key->handle, 0); }

/* Absolute expiry time in Unix milliseconds, or REDISMODULE_NO_EXPIRE.
 * Crossing: goGetExpire. */
static mstime_t RM_GetAbsExpire(RedisModuleKey *key) { return goGetExpire(key->handle, 1); }

/* Sets the TTL in milliseconds (REDISMODULE_NO_EXPIRE removes it).
 * REDISMODULE_ERR when the key is not writable, is empty, or the time is
 * negative. Crossing: goSetExpire. */
static int RM_SetExpire(RedisModuleKey *key, mstime_t expire) {
    if (!(key->mode & REDISMODULE_WRITE) || key->kind == REDISMODULE_KEYTYPE_EMPTY ||
        (expire < 0 && expire != REDISMODULE_NO_EXPIRE))
        return REDISMODULE_ERR;
    return goSetExpire(key->handle, expire, 0);
}

/* Sets the absolute expiry in Unix milliseconds (NO_EXPIRE removes it).
 * Same failures as SetExpire. Crossing: goSetExpire. */
static int RM_SetAbsExpire(RedisModuleKey *key, mstime_t expire) {
    if (!(key->mode & REDISMODULE_WRITE) || key->kind == REDISMODULE_KEYTYPE_EMPTY ||
        (expire < 0 && expire != REDISMODULE_NO_EXPIRE))
        return REDISMODULE_ERR;
    return goSetExpire(key->handle, expire, 1);
}

/* Reports whether keyname exists in the context's db, without touching
 * its LRU or raising events. Crossing: goKeyExists. */
static int RM_KeyExists(RedisModuleCtx *ctx, RedisModuleString *keyname) {
    return goKeyExists(mh_ctx_db(ctx), ctx->client, keyname->ptr, keyname->len);
}

/* The name a key was opened with. Crossing: none. */
static const RedisModuleString *RM_GetKeyNameFromModuleKey(RedisModuleKey *key) { return key ? key->name : NULL; }

/* The db a key was opened in. Crossing: goKeyDb. */
static int RM_GetDbIdFromModuleKey(RedisModuleKey *key) { return key ? goKeyDb(key->handle) : -1; }

/* Signals that keyname changed (WATCH, client tracking), for modules that
 * opted out of implicit signalling. Crossing: goSignalModifiedKey. */
static int RM_SignalModifiedKey(RedisModuleCtx *ctx, RedisModuleString *keyname) {
    goSignalModifiedKey(mh_ctx_db(ctx), ctx->client, keyname->ptr, keyname->len);
    return REDISMODULE_OK;
}

/* ---- strings ---------------------------------------------------------- */

/* Stores str in a key opened for writing, replacing any value and TTL.
 * Crossing: goStringSet. */
static int RM_StringSet(RedisModuleKey *key, RedisModuleString *str) {
    if (!(key->mode & REDISMODULE_WRITE)) return REDISMODULE_ERR;
    goStringSet(key->handle, str->ptr, str->len);
    mh_key_set_cache(key, REDISMODULE_KEYTYPE_STRING, NULL, NULL);
    return REDISMODULE_OK;
}

/* Direct access to a string value's bytes, valid until the key is closed
 * or changed by other means; a writable empty key becomes "". NULL for
 * other types. With WRITE mode the module may modify the bytes in place.
 * Context: lock held. Crossing: goStringDMA. */
static char *RM_StringDMA(RedisModuleKey *key, size_t *len, int mode) {
    if (key->kind == REDISMODULE_KEYTYPE_EMPTY && (key->mode & REDISMODULE_WRITE)) {
        goStringSet(key->handle, "", 0);
        mh_key_set_cache(key, REDISMODULE_KEYTYPE_STRING, NULL, NULL);
    }
    if (key->kind != REDISMODULE_KEYTYPE_STRING) return NULL;
    static char empty[1];
    char *p = goStringDMA(key->handle, mode, len);
    return p ? p : empty;
}

/* Resizes a string value to newlen, zero-padding on growth; an empty
 * writable key becomes a string. REDISMODULE_ERR for other types, a key
 * not open for writing, or a size over 512MB. Crossing: goStringTruncate. */
static int RM_StringTruncate(RedisModuleKey *key, size_t newlen) {
    if (!(key->mode & REDISMODULE_WRITE)) return REDISMODULE_ERR;
    if (key->kind != REDISMODULE_KEYTYPE_STRING && key->kind != REDISMODULE_KEYTYPE_EMPTY) return REDISMODULE_ERR;
    if (newlen > 512ULL * 1024 * 1024) return REDISMODULE_ERR;
    if (key->kind == REDISMODULE_KEYTYPE_EMPTY && newlen == 0) return REDISMODULE_OK;
    goStringTruncate(key->handle, newlen);
    mh_key_set_cache(key, REDISMODULE_KEYTYPE_STRING, NULL, NULL);
    return REDISMODULE_OK;
}

/* ---- lists ------------------------------------------------------------- */

/* Pushes ele at the head or tail (REDISMODULE_LIST_HEAD/TAIL), creating the
 * list if needed. REDISMODULE_ERR with errno EINVAL (NULL arguments),
 * ENOTSUP (another type) or EBADF (not writable). Crossing: goListPush. */
static int RM_ListPush(RedisModuleKey *key, int where, RedisModuleString *ele) {
    if (!key || !ele) { errno = EINVAL; return REDISMODULE_ERR; }
    if (key->kind != REDISMODULE_KEYTYPE_EMPTY && key->kind != REDISMODULE_KEYTYPE_LIST) { errno = ENOTSUP; return REDISMODULE_ERR; }
    if (!(key->mode & REDISMODULE_WRITE)) { errno = EBADF; return REDISMODULE_ERR; }
    goListPush(key->handle, where, ele->ptr, ele->len);
    key->kind = REDISMODULE_KEYTYPE_LIST;
    return REDISMODULE_OK;
}

/* The checks Redis makes before seeking in a list: errno EINVAL (no key),
 * ENOTSUP (empty or not a list), EBADF (opened without mode). */
static int mh_list_check(RedisModuleKey *key, int mode) {
    if (!key) { errno = EINVAL; return 0; }
    if (key->kind != REDISMODULE_KEYTYPE_LIST) { errno = ENOTSUP; return 0; }
    if (!(key->mode & mode)) { errno = EBADF; return 0; }
    return 1;
}

/* Pops an element from the head or tail and returns it (freed by auto
 * memory or FreeString); an emptied list is deleted. NULL with errno
 * EINVAL (NULL key), ENOTSUP (empty or not a list) or EBADF (not
 * writable). Crossing: goListPop. */
static RedisModuleString *RM_ListPop(RedisModuleKey *key, int where) {
    if (!mh_list_check(key, REDISMODULE_WRITE)) return NULL;
    int emptied = 0;
    RedisModuleString *s = goListPop(key->handle, where, &emptied);
    if (emptied) key->kind = REDISMODULE_KEYTYPE_EMPTY;
    if (s && (key->ctx->flags & MH_CTX_AUTO_MEMORY)) mh_am_add(key->ctx, MH_AM_STRING, s);
    return s;
}

/* The element at index (negative counts from the tail); NULL with errno
 * EINVAL, ENOTSUP, EBADF (not readable) or EDOM (out of range).
 * Crossing: goListGet. */
static RedisModuleString *RM_ListGet(RedisModuleKey *key, long index) {
    if (!mh_list_check(key, REDISMODULE_READ)) return NULL;
    RedisModuleString *s = goListGet(key->handle, index);
    if (!s) { errno = EDOM; return NULL; }
    if (key->ctx->flags & MH_CTX_AUTO_MEMORY) mh_am_add(key->ctx, MH_AM_STRING, s);
    return s;
}

/* Replaces the element at index. Errors as ListGet (EBADF: not
 * writable; EINVAL also for a NULL value). Crossing: goListSet. */
static int RM_ListSet(RedisModuleKey *key, long index, RedisModuleString *value) {
    if (!value) { errno = EINVAL; return REDISMODULE_ERR; }
    if (!mh_list_check(key, REDISMODULE_WRITE)) return REDISMODULE_ERR;
    if (!goListSet(key->handle, index, value->ptr, value->len)) { errno = EDOM; return REDISMODULE_ERR; }
    return REDISMODULE_OK;
}

/* Inserts value before the element at index, or after it for a negative
 * index; 0/-1 on an empty key, the length or -1, and 0 or -(length+1)
 * are pushes. Errors as ListSet. Crossing: goListInsert. */
static int RM_ListInsert(RedisModuleKey *key, long index, RedisModuleString *value) {
    if (!value) { errno = EINVAL; return REDISMODULE_ERR; }
    if (key && key->kind == REDISMODULE_KEYTYPE_EMPTY && (index == 0 || index == -1))
        return RM_ListPush(key, REDISMODULE_LIST_TAIL, value);
    if (!mh_list_check(key, REDISMODULE_WRITE)) return REDISMODULE_ERR;
    if (!goListInsert(key->handle, index, value->ptr, value->len)) { errno = EDOM; return REDISMODULE_ERR; }
    return REDISMODULE_OK;
}

/* Removes the element at index; an emptied list is deleted. Errors as
 * ListSet. Crossing: goListDelete. */
static int RM_ListDelete(RedisModuleKey *key, long index) {
    if (!mh_list_check(key, REDISMODULE_WRITE)) return REDISMODULE_ERR;
    int emptied = 0;
    if (!goListDelete(key->handle, index, &emptied)) { errno = EDOM; return REDISMODULE_ERR; }
    if (emptied) key->kind = REDISMODULE_KEYTYPE_EMPTY;
    return REDISMODULE_OK;
}

/* ---- hashes ----------------------------------------------------------- */

#define MH_HASH_MAX_ARGS 256

/* Sets, or with REDISMODULE_HASH_DELETE deletes, fields of a hash:
 * field/value pairs follow flags, ended by NULL. Flags: NX, XX, CFIELDS
 * (fields are C strings), COUNT_ALL (count new fields too). Returns the
 * number of existing fields updated or deleted (plus new ones with
 * COUNT_ALL); 0 with errno EINVAL (bad flags), ENOTSUP (another type),
 * EBADF (not writable) or ENOENT (nothing counted). Crossing: goHashSet. */
static int RM_HashSet(RedisModuleKey *key, int flags, ...) {
    if (!key || (flags & ~(REDISMODULE_HASH_NX | REDISMODULE_HASH_XX | REDISMODULE_HASH_CFIELDS | REDISMODULE_HASH_COUNT_ALL))) {
        errno = EINVAL;
        return 0;
    }
    if (key->kind != REDISMODULE_KEYTYPE_EMPTY && key->kind != REDISMODULE_KEYTYPE_HASH) { errno = ENOTSUP; return 0; }
    if (!(key->mode & REDISMODULE_WRITE)) { errno = EBADF; return 0; }
    va_list ap;
    va_start(ap, flags);
    const char *fptr[MH_HASH_MAX_ARGS], *vptr[MH_HASH_MAX_ARGS];
    size_t flen[MH_HASH_MAX_ARGS], vlen[MH_HASH_MAX_ARGS];
    int del[MH_HASH_MAX_ARGS];
    int n = 0;
    while (n < MH_HASH_MAX_ARGS) {
        const char *fp;
        size_t fl;
        if (flags & REDISMODULE_HASH_CFIELDS) {
            fp = va_arg(ap, const char *);
            if (!fp) break;
            fl = strlen(fp);
        } else {
            RedisModuleString *f = va_arg(ap, RedisModuleString *);
            if (!f) break;
            fp = f->ptr;
            fl = f->len;
        }
        RedisModuleString *v = va_arg(ap, RedisModuleString *);
        fptr[n] = fp;
        flen[n] = fl;
        del[n] = v == REDISMODULE_HASH_DELETE;
        vptr[n] = del[n] || !v ? NULL : v->ptr;
        vlen[n] = del[n] || !v ? 0 : v->len;
        n++;
    }
    va_end(ap);
    int kind = key->kind;
    int count = goHashSet(key->handle, flags, (char **)fptr, flen, (char **)vptr, vlen, del, n, &kind);
    key->kind = kind;
    if (count == 0) errno = ENOENT;
    return count;
}

/* Reads fields of a hash: field / output-pointer pairs follow flags,
 * ended by NULL. Outputs are RedisModuleString** (NULL for a missing
 * field; strings go to auto memory or must be freed), or int* with
 * REDISMODULE_HASH_EXISTS. CFIELDS makes fields C strings. Returns
 * REDISMODULE_ERR with errno ENOTSUP for another type.
 * Crossing: goHashGet. */
static int RM_HashGet(RedisModuleKey *key, int flags, ...) {
    if (!key) { errno = EINVAL; return REDISMODULE_ERR; }
    if (key->kind != REDISMODULE_KEYTYPE_EMPTY && key->kind != REDISMODULE_KEYTYPE_HASH) { errno = ENOTSUP; return REDISMODULE_ERR; }
    va_list ap;
    va_start(ap, flags);
    const char *fptr[MH_HASH_MAX_ARGS];
    size_t flen[MH_HASH_MAX_ARGS];
    void *outs[MH_HASH_MAX_ARGS];
    int n = 0;
    while (n < MH_HASH_MAX_ARGS) {
        if (flags & REDISMODULE_HASH_CFIELDS) {
            const char *fp = va_arg(ap, const char *);
            if (!fp) break;
            fptr[n] = fp;
            flen[n] = strlen(fp);
        } else {
            RedisModuleString *f = va_arg(ap, RedisModuleString *);
            if (!f) break;
            fptr[n] = f->ptr;
            flen[n] = f->len;
        }
        outs[n] = va_arg(ap, void *);
        n++;
    }
    va_end(ap);
    RedisModuleString *vals[MH_HASH_MAX_ARGS];
    int exists[MH_HASH_MAX_ARGS];
    goHashGet(key->handle, (char **)fptr, flen, n, (flags & REDISMODULE_HASH_EXISTS) != 0, vals, exists);
    for (int i = 0; i < n; i++) {
        if (flags & REDISMODULE_HASH_EXISTS) {
            *(int *)outs[i] = exists[i];
        } else {
            *(RedisModuleString **)outs[i] = vals[i];
            if (vals[i] && (key->ctx->flags & MH_CTX_AUTO_MEMORY)) mh_am_add(key->ctx, MH_AM_STRING, vals[i]);
        }
    }
    return REDISMODULE_OK;
}

/* ---- sorted sets ------------------------------------------------------ */

/* Adds or updates ele with score. flagsptr in: NX, XX, GT, LT; out:
 * ADDED, UPDATED, NOP. REDISMODULE_ERR for a non-zset key, a key not open
 * for writing, a NaN score or conflicting flags. Crossing: goZsetAdd. */
static int RM_ZsetAdd(RedisModuleKey *key, double score, RedisModuleString *ele, int *flagsptr) {
    if (!(key->mode & REDISMODULE_WRITE)) return REDISMODULE_ERR;
    if (key->kind != REDISMODULE_KEYTYPE_EMPTY && key->kind != REDISMODULE_KEYTYPE_ZSET) return REDISMODULE_ERR;
    if (isnan(score)) return REDISMODULE_ERR;
    int in = flagsptr ? *flagsptr : 0;
    int out = 0;
    if (goZsetAdd(key->handle, score, ele->ptr, ele->len, in, 0, &out, NULL) != REDISMODULE_OK) return REDISMODULE_ERR;
    key->kind = REDISMODULE_KEYTYPE_ZSET;
    if (flagsptr) *flagsptr = out;
    return REDISMODULE_OK;
}

/* Like ZsetAdd but increments the score; *newscore gets the result.
 * A NaN result is an error. Crossing: goZsetAdd. */
static int RM_ZsetIncrby(RedisModuleKey *key, double score, RedisModuleString *ele, int *flagsptr, double *newscore) {
    if (!(key->mode & REDISMODULE_WRITE)) return REDISMODULE_ERR;
    if (key->kind != REDISMODULE_KEYTYPE_EMPTY && key->kind != REDISMODULE_KEYTYPE_ZSET) return REDISMODULE_ERR;
    if (isnan(score)) return REDISMODULE_ERR;
    int in = flagsptr ? *flagsptr : 0;
    int out = 0;
    if (goZsetAdd(key->handle, score, ele->ptr, ele->len, in, 1, &out, newscore) != REDISMODULE_OK) return REDISMODULE_ERR;
    key->kind = REDISMODULE_KEYTYPE_ZSET;
    if (flagsptr) *flagsptr = out;
    return REDISMODULE_OK;
}

/* Removes ele; *deleted (if given) says whether it was there. An emptied
 * zset is deleted. REDISMODULE_ERR for a bad key. Crossing: goZsetRem. */
static int RM_ZsetRem(RedisModuleKey *key, RedisModuleString *ele, int *deleted) {
    if (!(key->mode & REDISMODULE_WRITE)) return REDISMODULE_ERR;
    if (key->kind != REDISMODULE_KEYTYPE_EMPTY && key->kind != REDISMODULE_KEYTYPE_ZSET) return REDISMODULE_ERR;
    int d = 0, emptied = 0;
    if (key->kind == REDISMODULE_KEYTYPE_ZSET) goZsetRem(key->handle, ele->ptr, ele->len, &d, &emptied);
    if (emptied) key->kind = REDISMODULE_KEYTYPE_EMPTY;
    if (deleted) *deleted = d;
    return REDISMODULE_OK;
}

/* The score of ele in *score; REDISMODULE_ERR when the key is not a zset
 * or ele is missing. Crossing: goZsetScore. */
static int RM_ZsetScore(RedisModuleKey *key, RedisModuleString *ele, double *score) {
    if (!key || key->kind != REDISMODULE_KEYTYPE_ZSET) return REDISMODULE_ERR;
    return goZsetScore(key->handle, ele->ptr, ele->len, score);
}

/* Ends a range iteration (also done by CloseKey). Crossing: goZsetRange. */
static void RM_ZsetRangeStop(RedisModuleKey *key) {
    if (!key || !key->zset_iter) return;
    goZsetRangeStop(key->handle);
    key->zset_iter = 0;
}

/* True when the iteration has no current element. Crossing: goZsetRange. */
static int RM_ZsetRangeEndReached(RedisModuleKey *key) {
    if (!key || !key->zset_iter) return 1;
    return goZsetRangeEndReached(key->handle);
}

static int mh_zset_start(RedisModuleKey *key, int bylex, int last, double min, double max, int minex, int maxex,
                         RedisModuleString *lmin, RedisModuleString *lmax) {
    if (!key || key->kind != REDISMODULE_KEYTYPE_ZSET) return REDISMODULE_ERR;
    RM_ZsetRangeStop(key);
    int rc = goZsetRangeStart(key->handle, bylex, last, min, max, minex, maxex,
                              lmin ? lmin->ptr : NULL, lmin ? lmin->len : 0,
                              lmax ? lmax->ptr : NULL, lmax ? lmax->len : 0);
    if (rc == REDISMODULE_OK) key->zset_iter = 1;
    return rc;
}

/* Starts iterating the elements with min <= score <= max (exclusive ends
 * with minex/maxex; REDISMODULE_POSITIVE_INFINITE etc. allowed), from the
 * lowest. REDISMODULE_ERR when the key is not a zset.
 * Crossing: goZsetRangeStart. */
static int RM_ZsetFirstInScoreRange(RedisModuleKey *key, double min, double max, int minex, int maxex) {
    return mh_zset_start(key, 0, 0, min, max, minex, maxex, NULL, NULL);
}

/* Like ZsetFirstInScoreRange, from the highest. Crossing: goZsetRangeStart. */
static int RM_ZsetLastInScoreRange(RedisModuleKey *key, double min, double max, int minex, int maxex) {
    return mh_zset_start(key, 0, 1, min, max, minex, maxex, NULL, NULL);
}

/* Starts a lexicographic range iteration with ZRANGEBYLEX-style bounds
 * ("[a", "(b", "-", "+"). REDISMODULE_ERR for a bad key or invalid bounds.
 * Crossing: goZsetRangeStart. */
static int RM_ZsetFirstInLexRange(RedisModuleKey *key, RedisModuleString *min, RedisModuleString *max) {
    return mh_zset_start(key, 1, 0, 0, 0, 0, 0, min, max);
}

/* Like ZsetFirstInLexRange, from the last element. Crossing: goZsetRangeStart. */
static int RM_ZsetLastInLexRange(RedisModuleKey *key, RedisModuleString *min, RedisModuleString *max) {
    return mh_zset_start(key, 1, 1, 0, 0, 0, 0, min, max);
}

/* The current element (a new string) and its score; NULL when the
 * iteration ended. Crossing: goZsetRangeCurrent. */
static RedisModuleString *RM_ZsetRangeCurrentElement(RedisModuleKey *key, double *score) {
    if (!key || !key->zset_iter) return NULL;
    RedisModuleString *s = goZsetRangeCurrent(key->handle, score);
    if (s && (key->ctx->flags & MH_CTX_AUTO_MEMORY)) mh_am_add(key->ctx, MH_AM_STRING, s);
    return s;
}

/* Moves to the next element in range; 0 when there is none.
 * Crossing: goZsetRangeStep. */
static int RM_ZsetRangeNext(RedisModuleKey *key) {
    if (!key || !key->zset_iter) return 0;
    return goZsetRangeStep(key->handle, 1);
}

/* Moves to the previous element in range; 0 when there is none.
 * Crossing: goZsetRangeStep. */
static int RM_ZsetRangePrev(RedisModuleKey *key) {
    if (!key || !key->zset_iter) return 0;
    return goZsetRangeStep(key->handle, -1);
}

/* ---- eviction bookkeeping ---------------------------------------------- */

/* Sets the key's idle time (ms, kept at one-second resolution) for LRU
 * eviction. REDISMODULE_ERR for an empty key, a negative time or an LFU
 * maxmemory-policy. Context: lock held. Crossing: goKeyEviction. */
static int RM_SetLRU(RedisModuleKey *key, mstime_t lru_idle) {
    return goKeyEviction(key->handle, 0, lru_idle, NULL);
}

/* Stores the key's idle time in ms in *lru_idle, or -1 under an LFU
 * policy. REDISMODULE_ERR (and -1) for an empty key.
 * Context: lock held. Crossing: goKeyEviction. */
static int RM_GetLRU(RedisModuleKey *key, mstime_t *lru_idle) {
    long long v = -1;
    int rc = goKeyEviction(key->handle, 1, 0, &v);
    *lru_idle = v;
    return rc;
}

/* Sets the key's logarithmic access counter (0-255) for LFU eviction.
 * REDISMODULE_ERR for an empty key or when the policy is not LFU.
 * Context: lock held. Crossing: goKeyEviction. */
static int RM_SetLFU(RedisModuleKey *key, long long lfu_freq) {
    return goKeyEviction(key->handle, 2, lfu_freq, NULL);
}

/* Stores the key's decayed access counter in *lfu_freq, or -1 when the
 * policy is not LFU. REDISMODULE_ERR (and -1) for an empty key.
 * Context: lock held. Crossing: goKeyEviction. */
static int RM_GetLFU(RedisModuleKey *key, long long *lfu_freq) {
    long long v = -1;
    int rc = goKeyEviction(key->handle, 3, 0, &v);
    *lfu_freq = v;
    return rc;
}
