/*
 * replicate.c -- Propagation of module effects to AOF and replicas.
 */
#include "core.h"
#include "_cgo_export.h"

/* Propagates a command, built with RM_Call's format letters, to the AOF
 * and replicas after the current command ("A" and "R" leave one of them
 * out). REDISMODULE_ERR for a bad format or unknown command.
 * Context: lock held. Crossing: goReplicate. */
static int RM_Replicate(RedisModuleCtx *ctx, const char *cmdname, const char *fmt, ...) {
    mh_argbuild a = {0};
    int flags;
    mh_arg_add(&a, cmdname, strlen(cmdname));
    va_list ap;
    va_start(ap, fmt);
    int rc = mh_build_args(&a, fmt, ap, &flags);
    va_end(ap);
    if (rc != 0) {
        mh_argbuild_free(&a);
        return REDISMODULE_ERR;
    }
    int db = ctx->client ? goGetSelectedDb(ctx->client, ctx->selected_db) : ctx->selected_db;
    rc = goReplicate(ctx->client, db, a.data.data, a.lens, a.argc, flags);
    mh_argbuild_free(&a);
    return rc;
}

/* Propagates the command being executed exactly as the client sent it.
 * Context: a command. Crossing: goReplicateVerbatim. */
static int RM_ReplicateVerbatim(RedisModuleCtx *ctx) {
    int db = ctx->client ? goGetSelectedDb(ctx->client, ctx->selected_db) : ctx->selected_db;
    goReplicateVerbatim(ctx->client, db);
    return REDISMODULE_OK;
}
