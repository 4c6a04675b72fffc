/*
 * mhchannels -- modhost's test module for the getchannels-api:
 * RedisModule_IsChannelsPositionRequest and ChannelAtPosWithFlags, which
 * let ACL checks see a module command's channels before it runs.
 *
 * MHCHAN.USE <how> <channel> [<how> <channel> ...] declares each channel
 * with the flags <how> names (pub, sub, unsub, psub, punsub, pubsub,
 * none). Run for real, it publishes "mhchan" to every pub channel and
 * replies how many channels it was given. MHCHAN.PLAIN is the same
 * command without the getchannels-api flag, so no channel is checked.
 */
#include "redismodule.h"
#include <strings.h>

static int how_flags(const char *how, int *flags) {
    static const struct {
        const char *name;
        int flags;
    } table[] = {
        {"pub", REDISMODULE_CMD_CHANNEL_PUBLISH},
        {"sub", REDISMODULE_CMD_CHANNEL_SUBSCRIBE},
        {"unsub", REDISMODULE_CMD_CHANNEL_UNSUBSCRIBE},
        {"psub", REDISMODULE_CMD_CHANNEL_SUBSCRIBE | REDISMODULE_CMD_CHANNEL_PATTERN},
        {"punsub", REDISMODULE_CMD_CHANNEL_UNSUBSCRIBE | REDISMODULE_CMD_CHANNEL_PATTERN},
        {"pubsub", REDISMODULE_CMD_CHANNEL_PUBLISH | REDISMODULE_CMD_CHANNEL_SUBSCRIBE},
        {"none", 0},
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        if (!strcasecmp(how, table[i].name)) {
            *flags = table[i].flags;
            return 1;
        }
    }
    return 0;
}

static int cmd_use(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    int positions = RedisModule_IsChannelsPositionRequest(ctx);
    if (argc < 3 || argc % 2 == 0) {
        if (positions) return REDISMODULE_OK;
        return RedisModule_WrongArity(ctx);
    }
    for (int i = 1; i < argc; i += 2) {
        int flags;
        if (!how_flags(RedisModule_StringPtrLen(argv[i], NULL), &flags)) {
            if (positions) return REDISMODULE_OK;
            return RedisModule_ReplyWithError(ctx, "ERR unknown channel use");
        }
        if (positions) {
            RedisModule_ChannelAtPosWithFlags(ctx, i + 1, flags);
        } else if (flags & REDISMODULE_CMD_CHANNEL_PUBLISH) {
            RedisModuleString *msg = RedisModule_CreateString(ctx, "mhchan", 6);
            RedisModule_PublishMessage(ctx, argv[i + 1], msg);
            RedisModule_FreeString(ctx, msg);
        }
    }
    /* A channel-position call must not reply. */
    if (positions) return REDISMODULE_OK;
    return RedisModule_ReplyWithLongLong(ctx, (argc - 1) / 2);
}

/* MHCHAN.BEYOND <channel>: reports a position past the arguments and one
 * at 0 (both ignored), then argv[1] as a subscribe. */
static int cmd_beyond(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (RedisModule_IsChannelsPositionRequest(ctx)) {
        RedisModule_ChannelAtPosWithFlags(ctx, 0, REDISMODULE_CMD_CHANNEL_SUBSCRIBE);
        RedisModule_ChannelAtPosWithFlags(ctx, argc + 5, REDISMODULE_CMD_CHANNEL_SUBSCRIBE);
        if (argc > 1) RedisModule_ChannelAtPosWithFlags(ctx, 1, REDISMODULE_CMD_CHANNEL_SUBSCRIBE);
        return REDISMODULE_OK;
    }
    /* Outside a request the call records nothing and says so. */
    RedisModule_ChannelAtPosWithFlags(ctx, 1, REDISMODULE_CMD_CHANNEL_SUBSCRIBE);
    return RedisModule_ReplyWithSimpleString(ctx, "OK");
}

int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    if (RedisModule_Init(ctx, "mhchannels", 1, REDISMODULE_APIVER_1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_CreateCommand(ctx, "mhchan.use", cmd_use, "getchannels-api", 0, 0, 0) == REDISMODULE_ERR ||
        RedisModule_CreateCommand(ctx, "mhchan.plain", cmd_use, "", 0, 0, 0) == REDISMODULE_ERR ||
        RedisModule_CreateCommand(ctx, "mhchan.beyond", cmd_beyond, "getchannels-api", 0, 0, 0) == REDISMODULE_ERR)
        return REDISMODULE_ERR;
    return REDISMODULE_OK;
}
