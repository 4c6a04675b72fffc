/*
 * ctx.c -- contexts and automatic memory management.
 *
 * A context lives for one callback (command, reply callback, event) or, for
 * thread-safe contexts, until FreeThreadSafeContext. Its first word is the
 * GetApi pointer for RedisModule_Init. Contexts are recycled through a small
 * free list kept under the execution lock.
 */
#include "core.h"

static int RM_GetApi(const char *name, void *out);

void mh_pool_free(RedisModuleCtx *ctx);
void mh_key_autoclose(void *key);
void mh_callreply_autofree(void *reply);
void mh_dict_autofree(void *dict);
void mh_serverinfo_autofree(void *data);

RedisModuleCtx *mh_ctx_new(mh_module *m, uint64_t client, int resp, int flags) {
    RedisModuleCtx *ctx = calloc(1, sizeof(*ctx));
    if (!ctx) abort();
    ctx->getapifuncptr = (void *)(uintptr_t)RM_GetApi;
    ctx->module = m;
    ctx->client = client;
    ctx->resp = resp ? resp : 2;
    ctx->flags = flags;
    return ctx;
}

/* Releases everything auto memory tracked, in Redis's order: strings and
 * replies, then keys (closing a key may need nothing else). */
void mh_ctx_autofree(RedisModuleCtx *ctx) {
    for (int i = 0; i < ctx->amlen; i++) {
        mh_am_entry *e = &ctx->am[i];
        switch (e->type) {
        case MH_AM_STRING: mh_string_release(e->ptr); break;
        case MH_AM_REPLY: mh_callreply_autofree(e->ptr); break;
        case MH_AM_KEY: mh_key_autoclose(e->ptr); break;
        case MH_AM_DICT: mh_dict_autofree(e->ptr); break;
        case MH_AM_INFO: mh_serverinfo_autofree(e->ptr); break;
        }
        e->type = 0;
    }
    ctx->amlen = 0;
}

void mh_ctx_free(RedisModuleCtx *ctx) {
    if (!ctx) return;
    mh_ctx_autofree(ctx);
    free(ctx->am);
    mh_pool_free(ctx);
    mh_buf_free(&ctx->reply);
    free(ctx->postponed);
    free(ctx->keys_pos);
    free(ctx->keys_flags);
    free(ctx);
}

void mh_am_add(RedisModuleCtx *ctx, int type, void *ptr) {
    if (ctx->amlen == ctx->amcap) {
        ctx->amcap = ctx->amcap ? ctx->amcap * 2 : 16;
        ctx->am = realloc(ctx->am, sizeof(*ctx->am) * (size_t)ctx->amcap);
        if (!ctx->am) abort();
    }
    ctx->am[ctx->amlen].type = type;
    ctx->am[ctx->amlen].ptr = ptr;
    ctx->amlen++;
}

/* Removes ptr from the pool without freeing it (the module freed it). */
void mh_am_forget(RedisModuleCtx *ctx, void *ptr) {
    for (int i = ctx->amlen - 1; i >= 0; i--) {
        if (ctx->am[i].ptr == ptr && ctx->am[i].type) {
            ctx->am[i].type = 0;
            if (i == ctx->amlen - 1) ctx->amlen--;
            return;
        }
    }
}

/* Turns on automatic memory management for this context: strings, keys and
 * call replies created through it are freed when the callback returns.
 * Context: a callback context. Crossing: none. */
static void RM_AutoMemory(RedisModuleCtx *ctx) { ctx->flags |= MH_CTX_AUTO_MEMORY; }
