/*
 * cluster.c -- Cluster API. modhost runs standalone only (cluster-enabled
 * is always no), and these functions answer exactly as Redis answers when
 * cluster mode is off; they are not placeholders for a cluster.
 */
#include "core.h"

/* Registers a cluster message receiver; with cluster mode off there are
 * no messages, so nothing is registered (as in Redis). Crossing: none. */
static void RM_RegisterClusterMessageReceiver(RedisModuleCtx *ctx, uint8_t type, RedisModuleClusterMessageReceiver callback) {
    (void)ctx;
    (void)type;
    (void)callback;
}

/* Sends a message to a cluster node; REDISMODULE_ERR without cluster
 * mode. Crossing: none. */
static int RM_SendClusterMessage(RedisModuleCtx *ctx, const char *target_id, uint8_t type, const char *msg, uint32_t len) {
    (void)ctx; (void)target_id; (void)type; (void)msg; (void)len;
    return REDISMODULE_ERR;
}

/* The cluster's node ids; NULL without cluster mode. Crossing: none. */
static char **RM_GetClusterNodesList(RedisModuleCtx *ctx, size_t *numnodes) {
    (void)ctx;
    if (numnodes) *numnodes = 0;
    return NULL;
}

/* Frees a list from GetClusterNodesList. Crossing: none. */
static void RM_FreeClusterNodesList(char **ids) {
    if (!ids) return;
    for (int i = 0; ids[i]; i++) mh_free(ids[i]);
    mh_free(ids);
}

/* This node's cluster id; NULL without cluster mode. Crossing: none. */
static const char *RM_GetMyClusterID(void) { return NULL; }

/* The number of cluster nodes; 0 without cluster mode. Crossing: none. */
static size_t RM_GetClusterSize(void) { return 0; }

/* Information about a cluster node; REDISMODULE_ERR without cluster mode
 * (no node id is known). Crossing: none. */
static int RM_GetClusterNodeInfo(RedisModuleCtx *ctx, const char *id, char *ip, char *master_id, int *port, int *flags) {
    (void)ctx; (void)id; (void)ip; (void)master_id; (void)port; (void)flags;
    return REDISMODULE_ERR;
}

/* Cluster behaviour flags (NO_FAILOVER, NO_REDIRECTION); recorded by
 * Redis for cluster mode, which modhost does not run. Crossing: none. */
static void RM_SetClusterFlags(RedisModuleCtx *ctx, uint64_t flags) {
    (void)ctx;
    (void)flags;
}
