/*
 * core.h -- the shim's private structures.
 *
 * The shim is compiled as one translation unit: capi/shim.c includes every
 * shim source and then the generated table.c, so RM_ functions are static
 * and no RedisModule_* symbol leaves the binary. Go state is reached through
 * small integer handles, never Go pointers (see capi/doc.go).
 */
#ifndef MH_CORE_H
#define MH_CORE_H

#define REDISMODULE_CORE 1
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <pthread.h>
#include "../redismodule.h"

/* ---- growable byte buffer -------------------------------------------- */

typedef struct mh_buf {
    char *data;
    size_t len, cap;
} mh_buf;

void mh_buf_grow(mh_buf *b, size_t extra);
void mh_buf_append(mh_buf *b, const void *p, size_t n);
void mh_buf_free(mh_buf *b);

/* ---- modules ------------------------------------------------------------ */

typedef struct mh_module {
    char *name;          /* set by SetModuleAttribs; NULL until then */
    int ver, apiver;
    int options;         /* REDISMODULE_OPTIONS_* */
    uint64_t handle;     /* Go-side module id */
    void *dl;            /* dlopen handle */
    /* API names GetApi could not serve while this module was loading */
    char **missing;
    int nmissing;
    int in_onload;
    int in_call;         /* RM_Call nesting (CMDFILTER_NOSELF) */
} mh_module;

/* ---- strings ------------------------------------------------------------ */

struct RedisModuleString {
    int refcount;
    size_t len;
    char *ptr;           /* points at inline[] or at a separate block */
    char inline_data[];
};

RedisModuleString *mh_string_new(const char *p, size_t len);
void mh_string_release(RedisModuleString *s);

/* ---- contexts ------------------------------------------------------------ */

/* Context flags (ours, not the REDISMODULE_CTX_FLAGS_* ones). */
#define MH_CTX_AUTO_MEMORY     (1 << 0)
#define MH_CTX_THREAD_SAFE     (1 << 1)
#define MH_CTX_BLOCKED_REPLY   (1 << 2)
#define MH_CTX_BLOCKED_TIMEOUT (1 << 3)
#define MH_CTX_KEYS_POS_REQ    (1 << 4)
#define MH_CTX_TEMP_CLIENT     (1 << 5)
#define MH_CTX_BLOCKED_DISCONNECTED (1 << 6)
#define MH_CTX_CHANNELS_POS_REQ (1 << 7)

/* One auto-memory record. */
#define MH_AM_STRING 1
#define MH_AM_KEY    2
#define MH_AM_REPLY  3
#define MH_AM_DICT   4
#define MH_AM_INFO   5
typedef struct mh_am_entry {
    int type;
    void *ptr;
} mh_am_entry;

/* A postponed aggregate header waiting for its length. */
typedef struct mh_postponed {
    size_t off;
    char kind;           /* '*', '%', '~', '|' */
} mh_postponed;

struct RedisModuleCtx {
    void *getapifuncptr;      /* must stay first: RedisModule_Init reads it */
    mh_module *module;
    uint64_t client;          /* Go client id; 0 when there is none */
    uint64_t state;           /* Go-side per-call state handle */
    int flags;
    int resp;                 /* reply protocol of the client: 2 or 3 */
    /* replies */
    mh_buf reply;
    mh_postponed *postponed;
    int npostponed, postponed_cap;
    /* auto memory */
    mh_am_entry *am;
    int amlen, amcap;
    /* pool allocator */
    void *pool_head;
    /* getkeys-api */
    int *keys_pos;
    int *keys_flags;
    int nkeys, keys_cap;
    /* blocking */
    RedisModuleBlockedClient *blocked_client;
    void *blocked_privdata;
    RedisModuleString *blocked_ready_key;
    /* thread-safe contexts keep their own lock state */
    int ts_locked;
    /* the command being executed, for GetCurrentCommandName */
    const char *cmdname;
    int selected_db;          /* db for contexts without a client */
    /* selected_db is also the client's db while db_gen equals
     * mh_select_gen (0: never checked with Go) */
    uint64_t db_gen;
    /* RM_SetContextUser: the user RM_Call's "C" flag runs as */
    const RedisModuleUser *user;
};

/* acl.c: makes the next goCall on this thread run as ctx's user. */
void mh_call_user_set(RedisModuleCtx *ctx);

/* Bumped by every RM_SelectDb: until then a context's cached db stays
 * right (a client's own SELECT runs between commands, not inside one). */
extern uint64_t mh_select_gen;

RedisModuleCtx *mh_ctx_new(mh_module *m, uint64_t client, int resp, int flags);
void mh_ctx_free(RedisModuleCtx *ctx);
void mh_ctx_autofree(RedisModuleCtx *ctx);
void mh_am_add(RedisModuleCtx *ctx, int type, void *ptr);
void mh_am_forget(RedisModuleCtx *ctx, void *ptr);

/* ---- replies ------------------------------------------------------------ */

void mh_reply_raw(RedisModuleCtx *ctx, const char *p, size_t n);

/* ---- allocation ---------------------------------------------------------- */

void *mh_alloc(size_t n);
void *mh_calloc(size_t n, size_t size);
void *mh_realloc(void *p, size_t n);
void mh_free(void *p);
char *mh_strdup(const char *s);
size_t mh_alloc_size(void *p);

/* The module whose code runs on this thread (allocation accounting). */
extern __thread mh_module *mh_current_module;

/* call.c: the pending reply of a blocked RM_Call "K". */
typedef struct mh_promise mh_promise;

/* ---- misc ------------------------------------------------------------ */

extern mh_module *mh_loading_module;

/* The result of a command call, read by Go after mh_invoke_cmd returns. */
typedef struct mh_call_result {
    const char *reply;
    size_t reply_len;
    int status;
    int nkeys;
    const int *keys;
    const int *keys_flags;
} mh_call_result;

#endif
