/*
 * mhfork -- modhost's test module for the fork API: RedisModule_Fork,
 * SendChildHeartbeat, ExitFromChild and KillForkChild, the ForkChild
 * server event and the fork-related context flags. The child reports what
 * it saw through its exit code and log lines, the parent through
 * MHFORK.STATUS, so tests can tell both sides apart.
 */
#include "redismodule.h"
#include <errno.h>
#include <string.h>
#include <unistd.h>

static int child_pid = -1;
static int done_calls, last_exitcode = -1, last_bysignal = -1;
static int born_events, died_events;
static int flags_in_handler;

static void done_handler(int exitcode, int bysignal, void *user_data) {
    /* The user data must come back untouched. */
    if (user_data != (void *)&child_pid) exitcode = -100;
    done_calls++;
    last_exitcode = exitcode;
    last_bysignal = bysignal;
    child_pid = -1;
    flags_in_handler = RedisModule_GetContextFlags(NULL);
}

static void fork_event(RedisModuleCtx *ctx, RedisModuleEvent e, uint64_t sub, void *data) {
    REDISMODULE_NOT_USED(ctx);
    REDISMODULE_NOT_USED(e);
    REDISMODULE_NOT_USED(data);
    if (sub == REDISMODULE_SUBEVENT_FORK_CHILD_BORN) born_events++;
    if (sub == REDISMODULE_SUBEVENT_FORK_CHILD_DIED) died_events++;
}

/* Checks, in the child, that the C-only APIs work; returns 0 or the number
 * of the first check that failed. */
static int child_checks(RedisModuleCtx *ctx) {
    if (!(RedisModule_GetContextFlags(ctx) & REDISMODULE_CTX_FLAGS_IS_CHILD)) return 1;
    char *p = RedisModule_Alloc(64);
    if (!p) return 2;
    strcpy(p, "in the child");
    p = RedisModule_Realloc(p, 4096);
    if (strcmp(p, "in the child") != 0) return 3;
    RedisModule_Free(p);
    RedisModuleString *s = RedisModule_CreateStringPrintf(NULL, "n=%d", 42);
    size_t len;
    const char *sp = RedisModule_StringPtrLen(s, &len);
    if (len != 4 || memcmp(sp, "n=42", 4) != 0) return 4;
    long long v;
    RedisModuleString *n = RedisModule_CreateStringFromLongLong(NULL, 1234);
    if (RedisModule_StringToLongLong(n, &v) != REDISMODULE_OK || v != 1234) return 5;
    RedisModule_FreeString(NULL, s);
    RedisModule_FreeString(NULL, n);
    return 0;
}

/* MHFORK.CREATE exitcode sleep-us [progress]: forks; the child logs, sends
 * a heartbeat with progress when given, checks its APIs, sleeps and exits
 * with exitcode (or the failed check's number + 100). Replies the pid. */
static int cmd_create(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3 && argc != 4) return RedisModule_WrongArity(ctx);
    long long code, us;
    double progress = -1;
    if (RedisModule_StringToLongLong(argv[1], &code) != REDISMODULE_OK ||
        RedisModule_StringToLongLong(argv[2], &us) != REDISMODULE_OK ||
        (argc == 4 && RedisModule_StringToDouble(argv[3], &progress) != REDISMODULE_OK))
        return RedisModule_ReplyWithError(ctx, "ERR invalid arguments");
    int pid = RedisModule_Fork(done_handler, &child_pid);
    if (pid < 0) {
        char msg[128];
        strcpy(msg, "ERR fork failed: ");
        strncat(msg, strerror(errno), sizeof(msg) - strlen(msg) - 1);
        return RedisModule_ReplyWithError(ctx, msg);
    }
    if (pid > 0) {
        child_pid = pid;
        return RedisModule_ReplyWithLongLong(ctx, pid);
    }
    RedisModule_Log(ctx, "notice", "mhfork child started");
    RedisModule_Log(ctx, "verbose", "mhfork verbose line");
    int bad = child_checks(ctx);
    if (argc == 4) RedisModule_SendChildHeartbeat(progress);
    usleep((useconds_t)us);
    RedisModule_Log(ctx, "warning", "mhfork child exiting with %lld", bad ? 100 + bad : code);
    RedisModule_ExitFromChild(bad ? 100 + bad : (int)code);
    return REDISMODULE_OK; /* not reached */
}

/* MHFORK.RETURN: forks; the child returns from the command without
 * ExitFromChild (the host must end it, not serve on). */
static int cmd_return(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    int pid = RedisModule_Fork(done_handler, &child_pid);
    if (pid < 0) return RedisModule_ReplyWithError(ctx, "ERR fork failed");
    if (pid > 0) child_pid = pid;
    return RedisModule_ReplyWithLongLong(ctx, pid);
}

/* MHFORK.KILL [pid]: KillForkChild of the current child (or of pid). */
static int cmd_kill(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc > 2) return RedisModule_WrongArity(ctx);
    long long pid = child_pid;
    if (argc == 2 && RedisModule_StringToLongLong(argv[1], &pid) != REDISMODULE_OK)
        return RedisModule_ReplyWithError(ctx, "ERR invalid pid");
    if (RedisModule_KillForkChild((int)pid) != REDISMODULE_OK)
        return RedisModule_ReplyWithError(ctx, "ERR KillForkChild failed");
    if (pid == child_pid) child_pid = -1;
    return RedisModule_ReplyWithLongLong(ctx, 1);
}

/* MHFORK.STATUS: done-handler calls, last exitcode and bysignal, ForkChild
 * born and died events, whether ACTIVE_CHILD is set now and whether it was
 * set inside the last done handler, and the live child's pid. */
static int cmd_status(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    int active = (RedisModule_GetContextFlags(ctx) & REDISMODULE_CTX_FLAGS_ACTIVE_CHILD) != 0;
    RedisModule_ReplyWithArray(ctx, 8);
    RedisModule_ReplyWithLongLong(ctx, done_calls);
    RedisModule_ReplyWithLongLong(ctx, last_exitcode);
    RedisModule_ReplyWithLongLong(ctx, last_bysignal);
    RedisModule_ReplyWithLongLong(ctx, born_events);
    RedisModule_ReplyWithLongLong(ctx, died_events);
    RedisModule_ReplyWithLongLong(ctx, active);
    RedisModule_ReplyWithLongLong(ctx, (flags_in_handler & REDISMODULE_CTX_FLAGS_ACTIVE_CHILD) != 0);
    RedisModule_ReplyWithLongLong(ctx, child_pid);
    return REDISMODULE_OK;
}

/* MHFORK.EXITPARENT: ExitFromChild called in the server itself. */
static int cmd_exitparent(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    if (RedisModule_ExitFromChild(0) != REDISMODULE_OK)
        return RedisModule_ReplyWithError(ctx, "ERR ExitFromChild refused");
    return RedisModule_ReplyWithSimpleString(ctx, "OK");
}

int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    if (RedisModule_Init(ctx, "mhfork", 1, REDISMODULE_APIVER_1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    if (RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_ForkChild, fork_event) == REDISMODULE_ERR)
        return REDISMODULE_ERR;
    if (RedisModule_CreateCommand(ctx, "mhfork.create", cmd_create, "", 0, 0, 0) == REDISMODULE_ERR ||
        RedisModule_CreateCommand(ctx, "mhfork.return", cmd_return, "", 0, 0, 0) == REDISMODULE_ERR ||
        RedisModule_CreateCommand(ctx, "mhfork.kill", cmd_kill, "", 0, 0, 0) == REDISMODULE_ERR ||
        RedisModule_CreateCommand(ctx, "mhfork.status", cmd_status, "", 0, 0, 0) == REDISMODULE_ERR ||
        RedisModule_CreateCommand(ctx, "mhfork.exitparent", cmd_exitparent, "", 0, 0, 0) == REDISMODULE_ERR)
        return REDISMODULE_ERR;
    return REDISMODULE_OK;
}
