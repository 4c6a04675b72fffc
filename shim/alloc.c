/*
 * alloc.c -- Heap allocation.
 *
 * Every block the API hands out or takes back comes from here, so a module
 * may free with RedisModule_Free what the server allocated (LoadStringBuffer)
 * and the other way round. A 16-byte header records the usable size, which
 * keeps the payload 16-byte aligned (what malloc guarantees on x86-64) and
 * lets MallocSize answer without malloc_usable_size.
 */
#include "core.h"
#include <stdatomic.h>
#include "_cgo_export.h"

typedef struct mh_hdr {
    size_t size;
    uint32_t magic;
    uint32_t module;  /* slot of the module that allocated, 0 = server/unknown */
} mh_hdr;

#define MH_ALLOC_MAGIC 0x6d68616cu
#define MH_MAX_MODULE_SLOTS 256

_Static_assert(sizeof(mh_hdr) == 16, "allocation header keeps 16-byte alignment");

__thread mh_module *mh_current_module;

/* Bytes live per module slot (slot 0: no module known). */
static _Atomic long long mh_alloc_bytes[MH_MAX_MODULE_SLOTS];
static _Atomic long long mh_alloc_total;

static uint32_t mh_slot(void) {
    mh_module *m = mh_current_module;
    if (!m) return 0;
    return (uint32_t)(m->handle % MH_MAX_MODULE_SLOTS);
}

static void *mh_finish(mh_hdr *h, size_t n) {
    if (!h) return NULL;
    h->size = n;
    h->magic = MH_ALLOC_MAGIC;
    h->module = mh_slot();
    atomic_fetch_add(&mh_alloc_bytes[h->module], (long long)n);
    atomic_fetch_add(&mh_alloc_total, (long long)n);
    return h + 1;
}

static void *mh_try_alloc(size_t n) {
    if (n > SIZE_MAX - sizeof(mh_hdr)) return NULL;
    return mh_finish(malloc(sizeof(mh_hdr) + n), n);
}

static void mh_oom(size_t n) {
    fprintf(stderr, "modhost: out of memory allocating %zu bytes\n", n);
    abort();
}

void *mh_alloc(size_t n) {
    void *p = mh_try_alloc(n);
    if (!p) mh_oom(n);
    return p;
}

void *mh_calloc(size_t n, size_t size) {
    if (size && n > (SIZE_MAX - sizeof(mh_hdr)) / size) mh_oom(SIZE_MAX);
    size_t total = n * size;
    mh_hdr *h = calloc(1, sizeof(mh_hdr) + total);
    if (!h) mh_oom(total);
    return mh_finish(h, total);
}

void *mh_realloc(void *p, size_t n) {
    if (!p) return mh_alloc(n);
    mh_hdr *h = (mh_hdr *)p - 1;
    size_t old = h->size;
    uint32_t slot = h->module;
    mh_hdr *nh = realloc(h, sizeof(mh_hdr) + n);
    if (!nh) mh_oom(n);
    nh->size = n;
    atomic_fetch_add(&mh_alloc_bytes[slot], (long long)n - (long long)old);
    atomic_fetch_add(&mh_alloc_total, (long long)n - (long long)old);
    return nh + 1;
}

void mh_free(void *p) {
    if (!p) return;
    mh_hdr *h = (mh_hdr *)p - 1;
    if (h->magic != MH_ALLOC_MAGIC) {
        fprintf(stderr, "modhost: RedisModule_Free of a pointer the allocator never returned (%p)\n", p);
        abort();
    }
    h->magic = 0;
    atomic_fetch_sub(&mh_alloc_bytes[h->module], (long long)h->size);
    atomic_fetch_sub(&mh_alloc_total, (long long)h->size);
    free(h);
}

char *mh_strdup(const char *s) {
    size_t n = strlen(s);
    char *p = mh_alloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}

size_t mh_alloc_size(void *p) {
    if (!p) return 0;
    return ((mh_hdr *)p - 1)->size;
}

/* Bytes allocated through the API and still live, in total. */
long long mh_alloc_used(void) { return atomic_load(&mh_alloc_total); }

/* Bytes still live for one module (by its Go handle). */
long long mh_alloc_used_by(uint64_t handle) {
    return atomic_load(&mh_alloc_bytes[handle % MH_MAX_MODULE_SLOTS]);
}

/* ---- growable buffer ---------------------------------------------------- */

void mh_buf_grow(mh_buf *b, size_t extra) {
    if (b->len + extra <= b->cap) return;
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < b->len + extra) cap *= 2;
    b->data = realloc(b->data, cap);
    if (!b->data) mh_oom(cap);
    b->cap = cap;
}

void mh_buf_append(mh_buf *b, const void *p, size_t n) {
    mh_buf_grow(b, n);
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

void mh_buf_free(mh_buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* ---- the API ------------------------------------------------------------ */

/* Allocates bytes like malloc; out of memory aborts, as Redis does.
 * Context: any thread. Crossing: none. */
static void *RM_Alloc(size_t bytes) { return mh_alloc(bytes); }

/* Like RM_Alloc but returns NULL when memory runs out.
 * Context: any thread. Crossing: none. */
static void *RM_TryAlloc(size_t bytes) { return mh_try_alloc(bytes); }

/* Allocates zeroed memory for nmemb elements of size bytes.
 * Context: any thread. Crossing: none. */
static void *RM_Calloc(size_t nmemb, size_t size) { return mh_calloc(nmemb, size); }

/* Resizes a block from this allocator; NULL behaves as RM_Alloc.
 * Context: any thread. Crossing: none. */
static void *RM_Realloc(void *ptr, size_t bytes) { return mh_realloc(ptr, bytes); }

/* Frees a block from this allocator; NULL is ignored.
 * Context: any thread. Crossing: none. */
static void RM_Free(void *ptr) { mh_free(ptr); }

/* Duplicates a C string into this allocator.
 * Context: any thread. Crossing: none. */
static char *RM_Strdup(const char *str) { return mh_strdup(str); }

/* Usable size of a block from this allocator.
 * Context: any thread. Crossing: none. */
static size_t RM_MallocUsableSize(void *ptr) { return mh_alloc_size(ptr); }

/* Bytes a RedisModuleString uses, header included.
 * Context: any thread. Crossing: none. */
static size_t RM_MallocSizeString(RedisModuleString *str) {
    return sizeof(*str) + str->len + 1 + 16;
}

/* Used memory divided by maxmemory (0 when no maxmemory is set); over 1
 * means eviction or OOM errors are due. Context: lock held.
 * Crossing: goUsedMemoryRatio. */
static float RM_GetUsedMemoryRatio(void) { return goUsedMemoryRatio(); }

/* ---- pool allocation ----------------------------------------------------- */

/* Pool blocks are chained through a header and freed with the context. */
typedef struct mh_pool_block {
    struct mh_pool_block *next;
    size_t size, used;
    char data[];
} mh_pool_block;

/* Returns memory freed automatically when the callback returns; aligned to
 * the word size (or less for tiny requests), as Redis does.
 * Context: a callback context. Crossing: none. */
static void *RM_PoolAlloc(RedisModuleCtx *ctx, size_t bytes) {
    if (bytes == 0) return NULL;
    size_t align = sizeof(void *);
    if (bytes < align) {
        align = 1;
        while (align < bytes) align <<= 1;
    }
    mh_pool_block *b = ctx->pool_head;
    if (b) {
        size_t off = (b->used + align - 1) & ~(align - 1);
        if (off + bytes <= b->size) {
            b->used = off + bytes;
            return b->data + off;
        }
    }
    size_t size = bytes > 8192 ? bytes : 8192;
    mh_pool_block *nb = malloc(sizeof(*nb) + size);
    if (!nb) mh_oom(size);
    nb->next = b;
    nb->size = size;
    nb->used = bytes;
    ctx->pool_head = nb;
    return nb->data;
}

void mh_pool_free(RedisModuleCtx *ctx) {
    mh_pool_block *b = ctx->pool_head;
    while (b) {
        mh_pool_block *n = b->next;
        free(b);
        b = n;
    }
    ctx->pool_head = NULL;
}

/* Usable size of a block from this allocator (MEMORY USAGE helpers).
 * Context: any thread. Crossing: none. */
static size_t RM_MallocSize(void *ptr) { return mh_alloc_size(ptr); }
