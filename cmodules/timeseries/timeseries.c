#include "redismodule.h"

// Define our time series structure
typedef struct {
    double *values;
    long long *timestamps;
    size_t length;
    size_t capacity;
} TimeSeries;

// Custom type ID (global)
RedisModuleType *TimeSeriesType;

// Command to create a new time series
int TSCreate_RedisCommand(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
  
    RedisModuleKey *key = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_READ|REDISMODULE_WRITE);
  
    // Check if key already exists
    if (RedisModule_KeyType(key) != REDISMODULE_KEYTYPE_EMPTY) {
        RedisModule_CloseKey(key);
        return RedisModule_ReplyWithError(ctx, "ERR key already exists");
    }
  
    // Create a new time series
    TimeSeries *ts = RedisModule_Alloc(sizeof(*ts));
    ts->length = 0;
    ts->capacity = 10; // Initial capacity
    ts->values = RedisModule_Alloc(sizeof(double) * ts->capacity);
    ts->timestamps = RedisModule_Alloc(sizeof(long long) * ts->capacity);
  
    // Associate the time series with the key
    RedisModule_ModuleTypeSetValue(key, TimeSeriesType, ts);
    RedisModule_CloseKey(key);
  
    return RedisModule_ReplyWithSimpleString(ctx, "OK");
}

// Command to add a data point
int TSAdd_RedisCommand(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 4) return RedisModule_WrongArity(ctx);
  
    RedisModuleKey *key = RedisModule_OpenKey(ctx, argv[1], REDISMODULE_READ|REDISMODULE_WRITE);
  
    // Check if key exists and is the right type
    if (RedisModule_KeyType(key) == REDISMODULE_KEYTYPE_EMPTY) {
        RedisModule_CloseKey(key);
        return RedisModule_ReplyWithError(ctx, "ERR key does not exist");
    }
    if (RedisModule_ModuleTypeGetType(key) != TimeSeriesType) {
        RedisModule_CloseKey(key);
        return RedisModule_ReplyWithError(ctx, REDISMODULE_ERRORMSG_WRONGTYPE);
    }
  
    // Parse timestamp and value
    long long timestamp;
    double value;
    if (RedisModule_StringToLongLong(argv[2], &timestamp) != REDISMODULE_OK) {
        RedisModule_CloseKey(key);
        return RedisModule_ReplyWithError(ctx, "ERR invalid timestamp");
    }
    if (RedisModule_StringToDouble(argv[3], &value) != REDISMODULE_OK) {
        RedisModule_CloseKey(key);
        return RedisModule_ReplyWithError(ctx, "ERR invalid value");
    }
  
    // Get the time series
    TimeSeries *ts = RedisModule_ModuleTypeGetValue(key);
  
    // Check if we need to resize
    if (ts->length == ts->capacity) {
        ts->capacity *= 2;
        ts->values = RedisModule_Realloc(ts->values, sizeof(double) * ts->capacity);
        ts->timestamps = RedisModule_Realloc(ts->timestamps, sizeof(long long) * ts->capacity);
    }
  
    // Add the data point
    ts->timestamps[ts->length] = timestamp;
    ts->values[ts->length] = value;
    ts->length++;
  
    RedisModule_CloseKey(key);
    return RedisModule_ReplyWithLongLong(ctx, ts->length);
}

// RDB load function
void *TimeSeriesRdbLoad(RedisModuleIO *rdb, int encver) {
    // Create a new time series
    TimeSeries *ts = RedisModule_Alloc(sizeof(*ts));
  
    // Load length and capacity
    ts->length = RedisModule_LoadUnsigned(rdb);
    ts->capacity = ts->length > 0 ? ts->length : 10;
  
    // Allocate memory
    ts->values = RedisModule_Alloc(sizeof(double) * ts->capacity);
    ts->timestamps = RedisModule_Alloc(sizeof(long long) * ts->capacity);
  
    // Load data points
    for (size_t i = 0; i < ts->length; i++) {
        ts->timestamps[i] = RedisModule_LoadSigned(rdb);
        ts->values[i] = RedisModule_LoadDouble(rdb);
    }
  
    return ts;
}

// RDB save function
void TimeSeriesRdbSave(RedisModuleIO *rdb, void *value) {
    TimeSeries *ts = value;
  
    // Save length
    RedisModule_SaveUnsigned(rdb, ts->length);
  
    // Save data points
    for (size_t i = 0; i < ts->length; i++) {
        RedisModule_SaveSigned(rdb, ts->timestamps[i]);
        RedisModule_SaveDouble(rdb, ts->values[i]);
    }
}

// Free memory
void TimeSeriesFree(void *value) {
    TimeSeries *ts = value;
    RedisModule_Free(ts->values);
    RedisModule_Free(ts->timestamps);
    RedisModule_Free(ts);
}

// AOF rewrite function
void TimeSeriesAofRewrite(RedisModuleIO *aof, RedisModuleString *key, void *value) {
    TimeSeries *ts = value;
  
    // Emit command to create the time series
    RedisModule_EmitAOF(aof, "TS.CREATE", "s", key);
  
    // Emit commands to add each data point
    for (size_t i = 0; i < ts->length; i++) {
        // EmitAOF has no format letter for doubles; pass the value as text.
        char value[64];
        snprintf(value, sizeof(value), "%.17g", ts->values[i]);
        RedisModule_EmitAOF(aof, "TS.ADD", "slc", key,
                           ts->timestamps[i], value);
    }
}

// Module initialization
int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    // Initialize module
    if (RedisModule_Init(ctx, "timeseries", 1, REDISMODULE_APIVER_1) == REDISMODULE_ERR)
        return REDISMODULE_ERR;
  
    // Define the type methods
    RedisModuleTypeMethods tm = {
        .version = REDISMODULE_TYPE_METHOD_VERSION,
        .rdb_load = TimeSeriesRdbLoad,
        .rdb_save = TimeSeriesRdbSave,
        .aof_rewrite = TimeSeriesAofRewrite,
        .free = TimeSeriesFree
    };
  
    // Create the type
    // Type names must be exactly 9 characters.
    TimeSeriesType = RedisModule_CreateDataType(ctx, "TSTYPE000", 0, &tm);
    if (TimeSeriesType == NULL) return REDISMODULE_ERR;
  
    // Register commands
    if (RedisModule_CreateCommand(ctx, "TS.CREATE", TSCreate_RedisCommand, "write", 1, 1, 1) == REDISMODULE_ERR)
        return REDISMODULE_ERR;
  
    if (RedisModule_CreateCommand(ctx, "TS.ADD", TSAdd_RedisCommand, "write", 1, 1, 1) == REDISMODULE_ERR)
        return REDISMODULE_ERR;
  
    return REDISMODULE_OK;
}
