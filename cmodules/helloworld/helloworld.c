#include "redismodule.h"

// Command implementation
int HelloCommand(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    // Reply with "Hello, World!"
    RedisModule_ReplyWithSimpleString(ctx, "Hello, World!");
    return REDISMODULE_OK;
}

// Module initialization
int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    // Initialize the module
    if (RedisModule_Init(ctx, "helloworld", 1, REDISMODULE_APIVER_1) == REDISMODULE_ERR)
        return REDISMODULE_ERR;
  
    // Register the command
    if (RedisModule_CreateCommand(ctx, "hello", HelloCommand, 
                                 "readonly", 0, 0, 0) == REDISMODULE_ERR)
        return REDISMODULE_ERR;
  
    return REDISMODULE_OK;
}
