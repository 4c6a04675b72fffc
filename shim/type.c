/*
 * type.c -- Module data types and their RDB/AOF/digest IO.
 *
 * A type keeps its own copy of the module's RedisModuleTypeMethods, read
 * only as far as the version the module declared (RediSearch 1.2.2 passes a
 * version-2 struct of 80 bytes; reading further would read its stack). The
 * keyspace stores module values as (type, pointer); the callbacks run
 * through the mh_invoke_type_* trampolines below.
 */
#include "core.h"
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include "_cgo_export.h"

struct RedisModuleType {
    uint64_t id;              /* 54-bit name + 10-bit encver */
    uint64_t handle;          /* Go-side type id */
    mh_module *module;
    char name[10];
    int encver;
    RedisModuleTypeMethods m; /* zero past the module's version */
};

/* RedisModuleIO: one rdb_load/rdb_save/aof_rewrite/aux run. */
struct RedisModuleIO {
    uint64_t handle;          /* Go-side reader/writer/aof id */
    RedisModuleType *type;
    RedisModuleCtx *ctx;      /* lazily made by GetContextFromIO */
    int error;                /* sticky IO error (HANDLE_IO_ERRORS) */
    int aof;                  /* an aof_rewrite run */
};

struct RedisModuleDigest {
    unsigned char o[20];      /* ordered accumulator */
    unsigned char x[20];      /* final xor accumulator */
    uint64_t key;             /* Go key handle for GetKeyNameFromDigest */
    int dbid;
    RedisModuleString *keyname;
};

/* The 64 symbols of a type name, in the order that gives their 6-bit value. */
static const char mh_type_charset[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Encodes a 9-character name and encver as Redis's 64-bit type id; 0 when
 * the name or encver is invalid. */
uint64_t mh_type_id(const char *name, int encver) {
    if (strlen(name) != 9 || encver < 0 || encver > 1023) return 0;
    uint64_t id = 0;
    for (int i = 0; i < 9; i++) {
        const char *p = strchr(mh_type_charset, name[i]);
        if (!p || !name[i]) return 0;
        id = (id << 6) | (uint64_t)(p - mh_type_charset);
    }
    return (id << 10) | (uint64_t)encver;
}

/* How many bytes of RedisModuleTypeMethods each version defines. */
static size_t mh_methods_size(uint64_t version) {
    switch (version) {
    case 1: return offsetof(RedisModuleTypeMethods, aux_load);
    case 2: return offsetof(RedisModuleTypeMethods, free_effort);
    case 3: return offsetof(RedisModuleTypeMethods, mem_usage2);
    case 4: return offsetof(RedisModuleTypeMethods, aux_save2);
    default: return sizeof(RedisModuleTypeMethods);
    }
}

/* Registers a data type: name is exactly 9 characters of A-Z a-z 0-9 - _,
 * encver is 0..1023, typemethods->version is not 0, and no module has the
 * name yet. Returns the type, or NULL when any of that fails.
 * Context: OnLoad. Crossing: goCreateDataType. */
static RedisModuleType *RM_CreateDataType(RedisModuleCtx *ctx, const char *name, int encver, RedisModuleTypeMethods *typemethods) {
    mh_module *m = ctx->module;
    if (!m || !m->in_onload) return NULL;
    uint64_t id = mh_type_id(name, encver);
    if (id == 0) return NULL;
    RedisModuleTypeMethods *tm = typemethods;
    if (tm->version == 0) return NULL;
    RedisModuleType *t = calloc(1, sizeof(*t));
    if (!t) abort();
    t->id = id;
    t->module = m;
    memcpy(t->name, name, 9);
    t->encver = encver;
    memcpy(&t->m, tm, mh_methods_size(tm->version));
    t->m.version = tm->version;
    t->handle = goCreateDataType(m->handle, t->name, id, t);
    if (t->handle == 0) {
        free(t);
        return NULL;
    }
    return t;
}

void mh_type_free(RedisModuleType *t) { free(t); }

/* ---- trampolines ------------------------------------------------------- */

/* Bits telling Go which callbacks a type has. */
int mh_type_caps(RedisModuleType *t) {
    int c = 0;
    if (t->m.rdb_load) c |= 1;
    if (t->m.rdb_save) c |= 2;
    if (t->m.aof_rewrite) c |= 4;
    if (t->m.mem_usage || t->m.mem_usage2) c |= 8;
    if (t->m.digest) c |= 16;
    if (t->m.free) c |= 32;
    if (t->m.aux_load) c |= 64;
    if (t->m.aux_save || t->m.aux_save2) c |= 128;
    if (t->m.copy || t->m.copy2) c |= 256;
    if (t->m.free_effort || t->m.free_effort2) c |= 512;
    if (t->m.unlink || t->m.unlink2) c |= 1024;
    return c;
}

int mh_type_aux_triggers(RedisModuleType *t) { return t->m.aux_save_triggers; }
uint64_t mh_type_get_id(RedisModuleType *t) { return t->id; }

void mh_invoke_type_free(RedisModuleType *t, void *value) {
    if (!t->m.free) return;
    mh_module *prev = mh_current_module;
    mh_current_module = t->module;
    t->m.free(value);
    mh_current_module = prev;
}

static RedisModuleIO *mh_io_new(RedisModuleType *t, uint64_t handle) {
    RedisModuleIO *io = calloc(1, sizeof(*io));
    if (!io) abort();
    io->handle = handle;
    io->type = t;
    return io;
}

static void mh_io_free(RedisModuleIO *io) {
    if (io->ctx) mh_ctx_free(io->ctx);
    free(io);
}

/* Runs rdb_load; *ioerr tells Go whether the module saw an IO error. */
void *mh_invoke_rdb_load(RedisModuleType *t, uint64_t handle, int encver, int *ioerr) {
    RedisModuleIO *io = mh_io_new(t, handle);
    mh_module *prev = mh_current_module;
    mh_current_module = t->module;
    void *v = t->m.rdb_load(io, encver);
    mh_current_module = prev;
    *ioerr = io->error;
    mh_io_free(io);
    return v;
}

int mh_invoke_rdb_save(RedisModuleType *t, uint64_t handle, void *value) {
    RedisModuleIO *io = mh_io_new(t, handle);
    mh_module *prev = mh_current_module;
    mh_current_module = t->module;
    t->m.rdb_save(io, value);
    mh_current_module = prev;
    int err = io->error;
    mh_io_free(io);
    return err;
}

int mh_invoke_aux_load(RedisModuleType *t, uint64_t handle, int encver, int when, int *ioerr) {
    RedisModuleIO *io = mh_io_new(t, handle);
    mh_module *prev = mh_current_module;
    mh_current_module = t->module;
    int rc = t->m.aux_load(io, encver, when);
    mh_current_module = prev;
    *ioerr = io->error;
    mh_io_free(io);
    return rc;
}

int mh_invoke_aux_save(RedisModuleType *t, uint64_t handle, int when) {
    RedisModuleIO *io = mh_io_new(t, handle);
    mh_module *prev = mh_current_module;
    mh_current_module = t->module;
    if (t->m.aux_save2) t->m.aux_save2(io, when);
    else t->m.aux_save(io, when);
    mh_current_module = prev;
    int err = io->error;
    mh_io_free(io);
    /* aux_save's record is kept even when empty; aux_save2's is dropped. */
    return err ? -1 : (t->m.aux_save2 ? 0 : 1);
}

/* Runs aof_rewrite for one key; the module emits commands with EmitAOF. */
int mh_invoke_aof_rewrite(RedisModuleType *t, uint64_t handle, const char *key, size_t keylen, void *value) {
    RedisModuleIO *io = mh_io_new(t, handle);
    io->aof = 1;
    RedisModuleString *k = mh_string_new(key, keylen);
    mh_module *prev = mh_current_module;
    mh_current_module = t->module;
    t->m.aof_rewrite(io, k, value);
    mh_current_module = prev;
    mh_string_release(k);
    int err = io->error;
    mh_io_free(io);
    return err;
}

/* What the *2 type callbacks (copy2, mem_usage2, unlink2, free_effort2)
 * learn about the key: its name and db, and for copy2 the destination. */
struct RedisModuleKeyOptCtx {
    RedisModuleString *from_key, *to_key;
    int from_dbid, to_dbid;
};

/* The key a *2 type callback is about. Context: inside the callback.
 * Crossing: none. */
static const RedisModuleString *RM_GetKeyNameFromOptCtx(RedisModuleKeyOptCtx *ctx) { return ctx->from_key; }

/* copy2's destination key (NULL in other callbacks). Crossing: none. */
static const RedisModuleString *RM_GetToKeyNameFromOptCtx(RedisModuleKeyOptCtx *ctx) { return ctx->to_key; }

/* The db of the key a *2 type callback is about. Crossing: none. */
static int RM_GetDbIdFromOptCtx(RedisModuleKeyOptCtx *ctx) { return ctx->from_dbid; }

/* copy2's destination db (-1 in other callbacks). Crossing: none. */
static int RM_GetToDbIdFromOptCtx(RedisModuleKeyOptCtx *ctx) { return ctx->to_dbid; }

/* mem_usage2 (with the key when known) or mem_usage. */
size_t mh_invoke_mem_usage(RedisModuleType *t, void *value, const char *key, size_t keylen, int db, size_t samples) {
    mh_module *prev = mh_current_module;
    mh_current_module = t->module;
    size_t n = 0;
    if (t->m.mem_usage2) {
        RedisModuleKeyOptCtx ctx = {key ? mh_string_new(key, keylen) : NULL, NULL, db, -1};
        n = t->m.mem_usage2(&ctx, value, samples);
        if (ctx.from_key) mh_string_release(ctx.from_key);
    } else if (t->m.mem_usage) {
        n = t->m.mem_usage(value);
    }
    mh_current_module = prev;
    return n;
}

/* copy2 or copy; NULL when the type has neither or refused. */
void *mh_invoke_copy(RedisModuleType *t, const char *from, size_t flen, const char *to, size_t tlen, int fromdb, int todb, void *value) {
    mh_module *prev = mh_current_module;
    mh_current_module = t->module;
    void *r = NULL;
    if (t->m.copy2 || t->m.copy) {
        RedisModuleString *f = mh_string_new(from, flen), *d = mh_string_new(to, tlen);
        if (t->m.copy2) {
            RedisModuleKeyOptCtx oc = {f, d, fromdb, todb};
            r = t->m.copy2(&oc, value);
        } else {
            r = t->m.copy(f, d, value);
        }
        mh_string_release(f);
        mh_string_release(d);
    }
    mh_current_module = prev;
    return r;
}

void mh_invoke_unlink(RedisModuleType *t, const char *key, size_t keylen, int db, void *value) {
    if (!t->m.unlink2 && !t->m.unlink) return;
    mh_module *prev = mh_current_module;
    mh_current_module = t->module;
    RedisModuleString *k = mh_string_new(key, keylen);
    if (t->m.unlink2) {
        RedisModuleKeyOptCtx ctx = {k, NULL, db, -1};
        t->m.unlink2(&ctx, value);
    } else {
        t->m.unlink(k, value);
    }
    mh_string_release(k);
    mh_current_module = prev;
}

/* free_effort2 or free_effort: how much work freeing the value takes
 * (Redis frees it in the background above 64); 1 without a callback. */
size_t mh_invoke_free_effort(RedisModuleType *t, void *value, const char *key, size_t keylen, int db) {
    if (!t->m.free_effort2 && !t->m.free_effort) return 1;
    mh_module *prev = mh_current_module;
    mh_current_module = t->module;
    RedisModuleString *k = mh_string_new(key, keylen);
    size_t n;
    if (t->m.free_effort2) {
        RedisModuleKeyOptCtx ctx = {k, NULL, db, -1};
        n = t->m.free_effort2(&ctx, value);
    } else {
        n = t->m.free_effort(k, value);
    }
    mh_string_release(k);
    mh_current_module = prev;
    return n;
}

/* Runs the digest callback and returns the 20-byte result in out. */
void mh_invoke_digest(RedisModuleType *t, void *value, const char *key, size_t keylen, int dbid, unsigned char *out) {
    RedisModuleDigest md;
    memset(&md, 0, sizeof(md));
    md.dbid = dbid;
    md.keyname = mh_string_new(key, keylen);
    mh_module *prev = mh_current_module;
    mh_current_module = t->module;
    t->m.digest(&md, value);
    mh_current_module = prev;
    mh_string_release(md.keyname);
    memcpy(out, md.x, 20);
}

/* ---- RDB IO ------------------------------------------------------------ */

/* An IO error: with HANDLE_IO_ERRORS the module checks IsIOError;
 * without it the load is fatal, as in Redis. */
static void mh_io_failed(RedisModuleIO *io) {
    io->error = 1;
    if (!(io->type->module->options & REDISMODULE_OPTIONS_HANDLE_IO_ERRORS)) {
        goIOFatal(io->handle, io->type->name);
    }
}

/* Saves an unsigned 64-bit value. Context: rdb_save/aux_save. Crossing: goSaveUnsigned. */
static void RM_SaveUnsigned(RedisModuleIO *io, uint64_t value) {
    if (io->error) return;
    if (goSaveUnsigned(io->handle, value)) mh_io_failed(io);
}

/* Loads an unsigned value saved with SaveUnsigned; 0 after an IO error.
 * Context: rdb_load/aux_load. Crossing: goLoadUnsigned. */
static uint64_t RM_LoadUnsigned(RedisModuleIO *io) {
    if (io->error) return 0;
    uint64_t v = 0;
    if (goLoadUnsigned(io->handle, &v)) { mh_io_failed(io); return 0; }
    return v;
}

/* Saves a signed 64-bit value (stored as its two's-complement bits).
 * Crossing: goSaveUnsigned. */
static void RM_SaveSigned(RedisModuleIO *io, int64_t value) { RM_SaveUnsigned(io, (uint64_t)value); }

/* Loads a signed value saved with SaveSigned. Crossing: goLoadUnsigned. */
static int64_t RM_LoadSigned(RedisModuleIO *io) { return (int64_t)RM_LoadUnsigned(io); }

/* Saves a string. Crossing: goSaveString. */
static void RM_SaveString(RedisModuleIO *io, RedisModuleString *s) {
    if (io->error) return;
    if (goSaveString(io->handle, s->ptr, s->len)) mh_io_failed(io);
}

/* Saves len bytes as a string. Crossing: goSaveString. */
static void RM_SaveStringBuffer(RedisModuleIO *io, const char *str, size_t len) {
    if (io->error) return;
    if (goSaveString(io->handle, (char *)str, len)) mh_io_failed(io);
}

/* Loads a string saved with SaveString/SaveStringBuffer as a new
 * RedisModuleString; NULL after an IO error. Crossing: goLoadString. */
static RedisModuleString *RM_LoadString(RedisModuleIO *io) {
    if (io->error) return NULL;
    RedisModuleString *s = goLoadString(io->handle);
    if (!s) mh_io_failed(io);
    return s;
}

/* Loads a string as a buffer from RedisModule_Alloc (free it with
 * RedisModule_Free); *lenptr gets its length. Crossing: goLoadString. */
static char *RM_LoadStringBuffer(RedisModuleIO *io, size_t *lenptr) {
    RedisModuleString *s = RM_LoadString(io);
    if (!s) return NULL;
    char *buf = mh_alloc(s->len ? s->len : 1);
    memcpy(buf, s->ptr, s->len);
    if (lenptr) *lenptr = s->len;
    mh_string_release(s);
    return buf;
}

/* Saves a double (8 bytes binary). Crossing: goSaveDouble. */
static void RM_SaveDouble(RedisModuleIO *io, double value) {
    if (io->error) return;
    if (goSaveDouble(io->handle, value, 0)) mh_io_failed(io);
}

/* Loads a double; 0 after an IO error. Crossing: goLoadDouble. */
static double RM_LoadDouble(RedisModuleIO *io) {
    if (io->error) return 0;
    double v = 0;
    if (goLoadDouble(io->handle, &v, 0)) { mh_io_failed(io); return 0; }
    return v;
}

/* Saves a float (4 bytes binary). Crossing: goSaveDouble. */
static void RM_SaveFloat(RedisModuleIO *io, float value) {
    if (io->error) return;
    if (goSaveDouble(io->handle, (double)value, 1)) mh_io_failed(io);
}

/* Loads a float; 0 after an IO error. Crossing: goLoadDouble. */
static float RM_LoadFloat(RedisModuleIO *io) {
    if (io->error) return 0;
    double v = 0;
    if (goLoadDouble(io->handle, &v, 1)) { mh_io_failed(io); return 0; }
    return (float)v;
}

/* Saves a long double as its hex text ("%La"), in a string opcode.
 * Crossing: goSaveString. */
static void RM_SaveLongDouble(RedisModuleIO *io, long double value) {
    char buf[128];
    int n = snprintf(buf, sizeof(buf), "%La", value);
    RM_SaveStringBuffer(io, buf, (size_t)n);
}

/* Loads a long double saved with SaveLongDouble. Crossing: goLoadString. */
static long double RM_LoadLongDouble(RedisModuleIO *io) {
    RedisModuleString *s = RM_LoadString(io);
    if (!s) return 0;
    long double v = strtold(s->ptr, NULL);
    mh_string_release(s);
    return v;
}

/* True once an IO error happened in this IO (modules that set
 * HANDLE_IO_ERRORS check it). Crossing: none. */
static int RM_IsIOError(RedisModuleIO *io) { return io->error; }

/* A context for API calls made from an IO callback (RM_Call, Log).
 * Context: IO callbacks. Crossing: none. */
static RedisModuleCtx *RM_GetContextFromIO(RedisModuleIO *io) {
    if (!io->ctx) io->ctx = mh_ctx_new(io->type->module, 0, 2, 0);
    return io->ctx;
}

/* The name of the key being loaded or saved (NULL for aux data).
 * Crossing: goIOKeyName. */
static const RedisModuleString *RM_GetKeyNameFromIO(RedisModuleIO *io) {
    RedisModuleCtx *ctx = RM_GetContextFromIO(io);
    RedisModuleString *s = goIOKeyName(io->handle);
    if (s) mh_am_add(ctx, MH_AM_STRING, s);
    return s;
}

/* The db of the key being loaded or saved (-1 for aux data).
 * Crossing: goIODb. */
static int RM_GetDbIdFromIO(RedisModuleIO *io) { return goIODb(io->handle); }

/* Logs like RM_Log for an IO callback. Context: IO callbacks. Crossing: goLog. */
static void RM_LogIOError(RedisModuleIO *io, const char *levelstr, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char msg[8192];
    int n = vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if (n >= (int)sizeof(msg)) n = sizeof(msg) - 1;
    int level = 2;
    if (levelstr && !strcasecmp(levelstr, "warning")) level = 3;
    else if (levelstr && !strcasecmp(levelstr, "debug")) level = 0;
    else if (levelstr && !strcasecmp(levelstr, "verbose")) level = 1;
    goLog(io->type->module->name, level, msg, n);
}


/* Emits one command into the AOF being rewritten, built with RM_Call's
 * format letters ('!' etc. are not allowed). A bad format fails the
 * rewrite with Redis's log message. Context: aof_rewrite.
 * Crossing: goEmitAOF. */
static void RM_EmitAOF(RedisModuleIO *io, const char *cmdname, const char *fmt, ...) {
    if (io->error) return;
    mh_argbuild a;
    memset(&a, 0, sizeof(a));
    int flags;
    mh_arg_add(&a, cmdname, strlen(cmdname));
    va_list ap;
    va_start(ap, fmt);
    int rc = mh_build_args(&a, fmt, ap, &flags);
    va_end(ap);
    char msg[512];
    int n;
    if (rc != 0) {
        n = snprintf(msg, sizeof(msg), "Fatal: AOF method for module data type '%s' tried to call RedisModule_EmitAOF() with wrong format specifiers '%s'",
                     io->type->name, fmt);
        goLogRaw(3, msg, n);
        io->error = 1;
        errno = EINVAL;
    } else if (goEmitAOF(io->handle, a.data.data, a.lens, a.argc)) {
        n = snprintf(msg, sizeof(msg), "Fatal: AOF method for module data type '%s' tried to emit unknown command '%s'",
                     io->type->name, cmdname);
        goLogRaw(3, msg, n);
        io->error = 1;
        errno = EINVAL;
    }
    mh_buf_free(&a.data);
    free(a.lens);
}

/* ---- digest ------------------------------------------------------------ */

#include "sha1.h"

/* digest ^= SHA1(p): an order-independent fold. */
static void mh_digest_xor(unsigned char *digest, const void *p, size_t len) {
    unsigned char hash[20];
    mh_sha1_t ctx;
    mh_sha1_init(&ctx);
    mh_sha1_update(&ctx, p, len);
    mh_sha1_final(hash, &ctx);
    for (int i = 0; i < 20; i++) digest[i] ^= hash[i];
}

/* digest = SHA1(digest ^ SHA1(p)): an order-dependent step. */
static void mh_digest_mix(unsigned char *digest, const void *p, size_t len) {
    mh_sha1_t ctx;
    mh_digest_xor(digest, p, len);
    mh_sha1_init(&ctx);
    mh_sha1_update(&ctx, digest, 20);
    mh_sha1_final(digest, &ctx);
}

/* Adds bytes to the current ordered sequence of a digest.
 * Context: digest callback. Crossing: none. */
static void RM_DigestAddStringBuffer(RedisModuleDigest *md, const char *ele, size_t len) {
    mh_digest_mix(md->o, ele, len);
}

/* Adds an integer (as its decimal text) to the current sequence.
 * Context: digest callback. Crossing: none. */
static void RM_DigestAddLongLong(RedisModuleDigest *md, long long ll) {
    char buf[32];
    int n = snprintf(buf, sizeof(buf), "%lld", ll);
    mh_digest_mix(md->o, buf, (size_t)n);
}

/* Ends a sequence: it is folded into the digest order-independently.
 * Context: digest callback. Crossing: none. */
static void RM_DigestEndSequence(RedisModuleDigest *md) {
    mh_digest_xor(md->x, md->o, 20);
    memset(md->o, 0, 20);
}

/* The name of the key being digested. Crossing: none. */
static const RedisModuleString *RM_GetKeyNameFromDigest(RedisModuleDigest *dig) { return dig->keyname; }

/* The db of the key being digested. Crossing: none. */
static int RM_GetDbIdFromDigest(RedisModuleDigest *dig) { return dig->dbid; }

/* ---- values as strings ------------------------------------------------- */

/* Serialises a value with its type's rdb_save into a new string (the
 * typed-opcode body, as DUMP carries it without framing); NULL when the
 * save reported an IO error. Context: lock held. Crossing: goSaveDataTypeToString. */
static RedisModuleString *RM_SaveDataTypeToString(RedisModuleCtx *ctx, void *data, const RedisModuleType *mt) {
    RedisModuleString *s = goSaveDataTypeToString((RedisModuleType *)mt, data);
    if (s && ctx && (ctx->flags & MH_CTX_AUTO_MEMORY)) mh_am_add(ctx, MH_AM_STRING, s);
    return s;
}

/* Decodes a string made by SaveDataTypeToString with the type's rdb_load
 * and the given encver; NULL when the data is truncated or invalid.
 * Crossing: goLoadDataTypeFromString. */
static void *RM_LoadDataTypeFromStringEncver(const RedisModuleString *str, const RedisModuleType *mt, int encver) {
    return goLoadDataTypeFromString((RedisModuleType *)mt, str->ptr, str->len, encver);
}

/* LoadDataTypeFromStringEncver with the type's own encver.
 * Crossing: goLoadDataTypeFromString. */
static void *RM_LoadDataTypeFromString(const RedisModuleString *str, const RedisModuleType *mt) {
    return goLoadDataTypeFromString((RedisModuleType *)mt, str->ptr, str->len, mt->encver);
}

/* ---- RDB streams (RdbLoad / RdbSave) ----------------------------------- */

#define MH_RDB_STREAM_FILE 1

/* Where an RDB is loaded from or saved to; only files exist so far. */
struct RedisModuleRdbStream {
    int type;
    char *filename;
};

/* A stream naming a file (relative paths are taken from the server's
 * dir); the caller frees it with RdbStreamFree. Crossing: none. */
static RedisModuleRdbStream *RM_RdbStreamCreateFromFile(const char *filename) {
    RedisModuleRdbStream *s = mh_alloc(sizeof(*s));
    size_t n = strlen(filename);
    s->type = MH_RDB_STREAM_FILE;
    s->filename = mh_alloc(n + 1);
    memcpy(s->filename, filename, n + 1);
    return s;
}

/* Frees a stream made by RdbStreamCreateFromFile. Crossing: none. */
static void RM_RdbStreamFree(RedisModuleRdbStream *stream) {
    if (!stream) return;
    mh_free(stream->filename);
    mh_free(stream);
}

/* Empties the dataset and loads the stream's RDB file into it. flags must
 * be 0. ERR with errno EINVAL (bad arguments), ENOTSUP (on a replica),
 * ENOENT (no such file) or EIO (the load failed); OK sets errno to 0.
 * Context: lock held. Crossing: goRdbLoad. */
static int RM_RdbLoad(RedisModuleCtx *ctx, RedisModuleRdbStream *stream, int flags) {
    (void)ctx;
    if (!stream || flags != 0) {
        errno = EINVAL;
        return REDISMODULE_ERR;
    }
    int err = goRdbLoad(stream->filename);
    errno = err;
    return err ? REDISMODULE_ERR : REDISMODULE_OK;
}

/* Saves the dataset to the stream's file (through a temporary file and a
 * rename). flags must be 0. ERR with errno EINVAL or the write's errno;
 * OK sets errno to 0. Context: lock held. Crossing: goRdbSave. */
static int RM_RdbSave(RedisModuleCtx *ctx, RedisModuleRdbStream *stream, int flags) {
    (void)ctx;
    if (!stream || flags != 0) {
        errno = EINVAL;
        return REDISMODULE_ERR;
    }
    /* The fork child cannot run the Go writer (shim/fork.c): refuse
     * rather than hang the child. */
    if (mh_fork_is_child()) {
        errno = ENOTSUP;
        return REDISMODULE_ERR;
    }
    int err = goRdbSave(stream->filename);
    errno = err;
    return err ? REDISMODULE_ERR : REDISMODULE_OK;
}
