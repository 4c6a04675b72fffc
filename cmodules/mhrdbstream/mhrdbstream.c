/*
 * mhrdbstream -- exercises RedisModule_RdbSave / RdbLoad and the RDB
 * stream objects (Redis 7.2 API) for modhost's tests.
 *
 *   MHR.SAVE file    save the dataset to file: OK or the errno text
 *   MHR.LOAD file    replace the dataset with file: OK or the errno text
 *   MHR.BADARGS      RdbLoad/RdbSave with a NULL stream and with flags:
 *                    the four errno values, as integers
 */
#include "redismodule.h"
#include <errno.h>
#include <string.h>

/* The file name argument as a C string in a buffer the caller frees. */
static char *fileArg(RedisModuleString *arg) {
    size_t len;
    const char *p = RedisModule_StringPtrLen(arg, &len);
    char *s = RedisModule_Alloc(len + 1);
    memcpy(s, p, len);
    s[len] = '\0';
    return s;
}

static int replyResult(RedisModuleCtx *ctx, int rc) {
    if (rc != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, strerror(errno));
    if (errno != 0) return RedisModule_ReplyWithError(ctx, "errno not cleared on success");
    return RedisModule_ReplyWithSimpleString(ctx, "OK");
}

static int SaveCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    char *name = fileArg(argv[1]);
    RedisModuleRdbStream *s = RedisModule_RdbStreamCreateFromFile(name);
    RedisModule_Free(name);
    errno = 12345;
    int rc = RedisModule_RdbSave(ctx, s, 0);
    RedisModule_RdbStreamFree(s);
    return replyResult(ctx, rc);
}

static int LoadCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    char *name = fileArg(argv[1]);
    RedisModuleRdbStream *s = RedisModule_RdbStreamCreateFromFile(name);
    RedisModule_Free(name);
    errno = 12345;
    int rc = RedisModule_RdbLoad(ctx, s, 0);
    RedisModule_RdbStreamFree(s);
    return replyResult(ctx, rc);
}

static int BadArgsCmd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    RedisModuleRdbStream *s = RedisModule_RdbStreamCreateFromFile("never-written.rdb");
    int errs[4];
    errno = 0;
    errs[0] = RedisModule_RdbLoad(ctx, NULL, 0) == REDISMODULE_ERR ? errno : -1;
    errno = 0;
    errs[1] = RedisModule_RdbLoad(ctx, s, 1) == REDISMODULE_ERR ? errno : -1;
    errno = 0;
    errs[2] = RedisModule_RdbSave(ctx, NULL, 0) == REDISMODULE_ERR ? errno : -1;
    errno = 0;
    errs[3] = RedisModule_RdbSave(ctx, s, 7) == REDISMODULE_ERR ? errno : -1;
    RedisModule_RdbStreamFree(s);
    RedisModule_ReplyWithArray(ctx, 4);
    for (int i = 0; i < 4; i++) RedisModule_ReplyWithLongLong(ctx, errs[i]);
    return REDISMODULE_OK;
}

int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    if (RedisModule_Init(ctx, "mhrdbstream", 1, REDISMODULE_APIVER_1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_CreateCommand(ctx, "mhr.save", SaveCmd, "", 0, 0, 0) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_CreateCommand(ctx, "mhr.load", LoadCmd, "", 0, 0, 0) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_CreateCommand(ctx, "mhr.badargs", BadArgsCmd, "", 0, 0, 0) == REDISMODULE_ERR) return REDISMODULE_ERR;
    return REDISMODULE_OK;
}
