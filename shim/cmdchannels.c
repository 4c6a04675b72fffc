/*
 * cmdchannels.c -- the getchannels-api: a module command declared with
 * that flag is called in channel-position mode before ACL checks, and
 * reports which arguments are channels and how it uses them.
 */
#include "core.h"
#include <stdlib.h>

/* Non-zero when the command runs only to report its channels (a
 * getchannels-api command asked by an ACL check). Context: command.
 * Crossing: none. */
static int RM_IsChannelsPositionRequest(RedisModuleCtx *ctx) {
    return ctx && (ctx->flags & MH_CTX_CHANNELS_POS_REQ) != 0;
}

/* During a channel-position request, records argv[pos] as a channel used
 * as flags says: REDISMODULE_CMD_CHANNEL_SUBSCRIBE, _UNSUBSCRIBE, _PUBLISH,
 * plus _PATTERN for a pattern. Ignored outside such a request and for
 * pos <= 0. The positions share the context's key-position list (a
 * request asks for either keys or channels, never both).
 * Context: command. Crossing: none. */
static void RM_ChannelAtPosWithFlags(RedisModuleCtx *ctx, int pos, int flags) {
    if (!ctx || !(ctx->flags & MH_CTX_CHANNELS_POS_REQ) || pos <= 0) return;
    if (ctx->nkeys == ctx->keys_cap) {
        ctx->keys_cap = ctx->keys_cap ? ctx->keys_cap * 2 : 8;
        ctx->keys_pos = realloc(ctx->keys_pos, sizeof(int) * (size_t)ctx->keys_cap);
        ctx->keys_flags = realloc(ctx->keys_flags, sizeof(int) * (size_t)ctx->keys_cap);
        if (!ctx->keys_pos || !ctx->keys_flags) abort();
    }
    const int known = REDISMODULE_CMD_CHANNEL_PATTERN | REDISMODULE_CMD_CHANNEL_PUBLISH |
                      REDISMODULE_CMD_CHANNEL_SUBSCRIBE | REDISMODULE_CMD_CHANNEL_UNSUBSCRIBE;
    ctx->keys_pos[ctx->nkeys] = pos;
    ctx->keys_flags[ctx->nkeys] = flags & known;
    ctx->nkeys++;
}
