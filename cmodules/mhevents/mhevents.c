/*
 * mhevents -- modhost's test module for the event-driven API groups: dict,
 * INFO sections and GetServerInfo, timers, the event loop, keyspace
 * notifications and post-notification jobs, server events, module configs,
 * and the client/db helpers. Commands report what the APIs did so tests
 * can compare modhost with real Redis (the commands that use 7.2-only APIs
 * check for them first).
 */
#include "redismodule.h"
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- a small text log the callbacks write and commands read ------------- */

#define LOGMAX 256
typedef struct {
    char *items[LOGMAX];
    int n;
    pthread_mutex_t mu;
} textlog;

static textlog evlog = {.mu = PTHREAD_MUTEX_INITIALIZER};
static textlog repllog = {.mu = PTHREAD_MUTEX_INITIALIZER};
static textlog persistlog = {.mu = PTHREAD_MUTEX_INITIALIZER};
static long long progress_rdb, progress_aof;
static textlog kslog = {.mu = PTHREAD_MUTEX_INITIALIZER};
static textlog ellog = {.mu = PTHREAD_MUTEX_INITIALIZER};

static void logadd(textlog *l, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    pthread_mutex_lock(&l->mu);
    if (l->n < LOGMAX) l->items[l->n++] = strdup(buf);
    pthread_mutex_unlock(&l->mu);
}

/* Replies with the log's lines and clears it. */
static int replylog(RedisModuleCtx *ctx, textlog *l) {
    pthread_mutex_lock(&l->mu);
    RedisModule_ReplyWithArray(ctx, l->n);
    for (int i = 0; i < l->n; i++) {
        RedisModule_ReplyWithCString(ctx, l->items[i]);
        free(l->items[i]);
    }
    l->n = 0;
    pthread_mutex_unlock(&l->mu);
    return REDISMODULE_OK;
}

static const char *str(RedisModuleString *s) { return RedisModule_StringPtrLen(s, NULL); }

/* ---- dict ------------------------------------------------------------------ */

/* mhe.dict.range op seekkey next|prev limit key... : builds a dict of the
 * keys, seeks with op and walks up to limit keys. */
static int DictRange(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc < 5) return RedisModule_WrongArity(ctx);
    long long limit;
    if (RedisModule_StringToLongLong(argv[4], &limit) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR bad limit");
    RedisModuleDict *d = RedisModule_CreateDict(NULL);
    for (int i = 5; i < argc; i++) RedisModule_DictReplace(d, argv[i], (void *)(intptr_t)i);
    RedisModuleDictIter *it = RedisModule_DictIteratorStart(d, str(argv[1]), argv[2]);
    int prev = !strcasecmp(str(argv[3]), "prev");
    RedisModule_ReplyWithArray(ctx, REDISMODULE_POSTPONED_LEN);
    long long n = 0;
    while (n < limit) {
        size_t len;
        void *data;
        char *k = prev ? RedisModule_DictPrevC(it, &len, &data) : RedisModule_DictNextC(it, &len, &data);
        if (!k) break;
        RedisModule_ReplyWithStringBuffer(ctx, k, len);
        n++;
    }
    RedisModule_ReplySetArrayLength(ctx, n);
    RedisModule_DictIteratorStop(it);
    RedisModule_FreeDict(NULL, d);
    return REDISMODULE_OK;
}

/* mhe.dict.ops : a fixed script of dict calls; replies with each result. */
static int DictOps(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    RedisModule_AutoMemory(ctx);
    RedisModuleDict *d = RedisModule_CreateDict(ctx);
    RedisModule_ReplyWithArray(ctx, REDISMODULE_POSTPONED_LEN);
    long n = 0;
#define R(x) (RedisModule_ReplyWithLongLong(ctx, (long long)(x)), n++)
    R(RedisModule_DictSetC(d, "b", 1, (void *)1));
    R(RedisModule_DictSetC(d, "b", 1, (void *)2));      /* exists: ERR */
    R(RedisModule_DictReplaceC(d, "b", 1, (void *)3));  /* replaced: ERR */
    R(RedisModule_DictReplaceC(d, "a", 1, (void *)4));  /* new: OK */
    R(RedisModule_DictSetC(d, "ab", 2, NULL));
    R(RedisModule_DictSetC(d, "", 0, (void *)6));
    R(RedisModule_DictSize(d));
    int nokey = -1;
    R(RedisModule_DictGetC(d, "b", 1, &nokey));
    R(nokey);
    R(RedisModule_DictGetC(d, "ab", 2, &nokey));
    R(nokey);
    R(RedisModule_DictGetC(d, "zz", 2, &nokey));
    R(nokey);
    void *old = NULL;
    R(RedisModule_DictDelC(d, "a", 1, &old));
    R(old);
    R(RedisModule_DictDelC(d, "a", 1, &old));
    R(RedisModule_DictSize(d));
    RedisModuleString *k = RedisModule_CreateString(ctx, "c", 1);
    R(RedisModule_DictSet(d, k, (void *)9));
    R(RedisModule_DictGet(d, k, NULL));
    R(RedisModule_DictReplace(d, k, (void *)10));
    R(RedisModule_DictGet(d, k, NULL));
    R(RedisModule_DictDel(d, k, NULL));
    /* iterator: compare and reseek */
    RedisModuleDictIter *it = RedisModule_DictIteratorStartC(d, ">=", "ab", 2);
    R(RedisModule_DictCompareC(it, "==", "ab", 2));
    R(RedisModule_DictCompareC(it, ">", "a", 1));
    R(RedisModule_DictCompareC(it, "<", "a", 1));
    R(RedisModule_DictCompareC(it, "<=", "ab", 2));
    R(RedisModule_DictCompareC(it, ">=", "abc", 3));
    R(RedisModule_DictCompare(it, "<", k));
    R(RedisModule_DictIteratorReseekC(it, "^", NULL, 0));
    RedisModuleString *first = RedisModule_DictNext(ctx, it, NULL);
    RedisModule_ReplyWithString(ctx, first);
    n++;
    R(RedisModule_DictIteratorReseekC(it, "$", NULL, 0));
    RedisModuleString *last = RedisModule_DictPrev(ctx, it, NULL);
    RedisModule_ReplyWithString(ctx, last);
    n++;
    R(RedisModule_DictIteratorReseek(it, "<", k));
    size_t kl;
    char *kp = RedisModule_DictNextC(it, &kl, NULL);
    RedisModule_ReplyWithStringBuffer(ctx, kp ? kp : "(nil)", kp ? kl : 5);
    n++;
    /* == on a missing key: EOF, compare fails */
    R(RedisModule_DictIteratorReseekC(it, "==", "zz", 2));
    R(RedisModule_DictNextC(it, NULL, NULL) == NULL);
    R(RedisModule_DictCompareC(it, "==", "zz", 2));
    RedisModule_DictIteratorStop(it);
    R(RedisModule_MallocSizeDict(d) > 0);
#undef R
    RedisModule_ReplySetArrayLength(ctx, n);
    return REDISMODULE_OK;
}

/* ---- INFO -------------------------------------------------------------------- */

static void InfoFunc(RedisModuleInfoCtx *ctx, int for_crash_report) {
    REDISMODULE_NOT_USED(for_crash_report);
    if (RedisModule_InfoAddSection(ctx, "") == REDISMODULE_OK) {
        RedisModule_InfoAddFieldCString(ctx, "version", "1.0");
    }
    if (RedisModule_InfoAddSection(ctx, "stats") == REDISMODULE_OK) {
        RedisModuleString *s = RedisModule_CreateString(NULL, "strval", 6);
        RedisModule_InfoAddFieldString(ctx, "string", s);
        RedisModule_FreeString(NULL, s);
        RedisModule_InfoAddFieldCString(ctx, "cstring", "text");
        RedisModule_InfoAddFieldDouble(ctx, "double", 1.5);
        RedisModule_InfoAddFieldDouble(ctx, "third", 1.0 / 3);
        RedisModule_InfoAddFieldLongLong(ctx, "ll", -7);
        RedisModule_InfoAddFieldULongLong(ctx, "ull", 18446744073709551615ULL);
        RedisModule_InfoBeginDictField(ctx, "dict");
        RedisModule_InfoAddFieldLongLong(ctx, "a", 1);
        RedisModule_InfoAddFieldCString(ctx, "b", "two");
        RedisModule_InfoEndDictField(ctx);
        RedisModule_InfoBeginDictField(ctx, "open:dict");
        RedisModule_InfoAddFieldLongLong(ctx, "x", 9);
        /* left open: the next section closes it */
    }
    if (RedisModule_InfoAddSection(ctx, "more") == REDISMODULE_OK) {
        RedisModule_InfoAddFieldLongLong(ctx, "n", 3);
        RedisModule_InfoBeginDictField(ctx, "tail");
        RedisModule_InfoAddFieldLongLong(ctx, "y", 1);
        /* left open: the server closes it */
    }
}

/* mhe.serverinfo section|- field : the field through each getter. */
static int ServerInfo(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    const char *sec = str(argv[1]);
    RedisModuleServerInfoData *d = RedisModule_GetServerInfo(ctx, strcmp(sec, "-") ? sec : NULL);
    const char *f = str(argv[2]);
    RedisModule_ReplyWithArray(ctx, 7);
    const char *c = RedisModule_ServerInfoGetFieldC(d, f);
    if (c) RedisModule_ReplyWithCString(ctx, c);
    else RedisModule_ReplyWithNull(ctx);
    int err = -1;
    long long ll = RedisModule_ServerInfoGetFieldSigned(d, f, &err);
    RedisModule_ReplyWithLongLong(ctx, ll);
    RedisModule_ReplyWithLongLong(ctx, err);
    unsigned long long ull = RedisModule_ServerInfoGetFieldUnsigned(d, f, &err);
    RedisModule_ReplyWithLongLong(ctx, (long long)ull);
    double dbl = RedisModule_ServerInfoGetFieldDouble(d, f, &err);
    RedisModule_ReplyWithDouble(ctx, dbl);
    RedisModule_ReplyWithLongLong(ctx, err);
    RedisModuleString *s = RedisModule_ServerInfoGetField(NULL, d, f);
    if (s) {
        RedisModule_ReplyWithString(ctx, s);
        RedisModule_FreeString(NULL, s);
    } else {
        RedisModule_ReplyWithNull(ctx);
    }
    RedisModule_FreeServerInfo(ctx, d);
    return REDISMODULE_OK;
}

/* mhe.serverinfo.am section field : GetServerInfo left to auto memory. */
static int ServerInfoAM(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    RedisModule_AutoMemory(ctx);
    RedisModuleServerInfoData *d = RedisModule_GetServerInfo(ctx, str(argv[1]));
    RedisModuleString *v = RedisModule_ServerInfoGetField(ctx, d, str(argv[2]));
    if (!v) return RedisModule_ReplyWithNull(ctx);
    return RedisModule_ReplyWithString(ctx, v);
}

/* ---- timers ---------------------------------------------------------------- */

static void TimerCb(RedisModuleCtx *ctx, void *data) {
    RedisModuleCallReply *r = RedisModule_Call(ctx, "RPUSH", "cc", "mhe:timerlog", (char *)data);
    if (r) RedisModule_FreeCallReply(r);
    free(data);
}

/* mhe.timer.add ms tag : the timer's id. */
static int TimerAdd(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    long long ms;
    if (RedisModule_StringToLongLong(argv[1], &ms) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR bad ms");
    RedisModuleTimerID id = RedisModule_CreateTimer(ctx, ms, TimerCb, strdup(str(argv[2])));
    return RedisModule_ReplyWithLongLong(ctx, (long long)id);
}

static int parseid(RedisModuleString *s, RedisModuleTimerID *id) {
    long long v;
    if (RedisModule_StringToLongLong(s, &v) != REDISMODULE_OK) return 0;
    *id = (RedisModuleTimerID)v;
    return 1;
}

/* mhe.timer.info id : [remaining ms, tag] or an error. */
static int TimerInfo(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    RedisModuleTimerID id;
    if (!parseid(argv[1], &id)) return RedisModule_ReplyWithError(ctx, "ERR bad id");
    uint64_t rem;
    void *data;
    if (RedisModule_GetTimerInfo(ctx, id, &rem, &data) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR no such timer");
    RedisModule_ReplyWithArray(ctx, 2);
    RedisModule_ReplyWithLongLong(ctx, (long long)rem);
    return RedisModule_ReplyWithCString(ctx, data);
}

/* mhe.timer.stop id : the stopped timer's tag or an error. */
static int TimerStop(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    RedisModuleTimerID id;
    if (!parseid(argv[1], &id)) return RedisModule_ReplyWithError(ctx, "ERR bad id");
    void *data;
    if (RedisModule_StopTimer(ctx, id, &data) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR no such timer");
    RedisModule_ReplyWithCString(ctx, data);
    free(data);
    return REDISMODULE_OK;
}

/* ---- event loop ------------------------------------------------------------ */

static int pipefd[2] = {-1, -1};

static void PipeReadable(int fd, void *ud, int mask) {
    char buf[256];
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    if (n <= 0) return;
    buf[n] = '\0';
    logadd(&ellog, "read:%s:%s:%d", (char *)ud, buf, mask);
}

/* mhe.el.write msg : writes msg into a pipe watched with EventLoopAdd. */
static int ElWrite(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    if (pipefd[0] < 0) {
        if (pipe(pipefd) != 0) return RedisModule_ReplyWithError(ctx, "ERR pipe");
        if (RedisModule_EventLoopAdd(pipefd[0], REDISMODULE_EVENTLOOP_READABLE, PipeReadable, "pipe") != REDISMODULE_OK)
            return RedisModule_ReplyWithError(ctx, "ERR EventLoopAdd");
    }
    size_t len;
    const char *p = RedisModule_StringPtrLen(argv[1], &len);
    if (write(pipefd[1], p, len) != (ssize_t)len) return RedisModule_ReplyWithError(ctx, "ERR write");
    return RedisModule_ReplyWithSimpleString(ctx, "OK");
}

/* mhe.el.close : stops watching the pipe and closes it. */
static int ElClose(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    if (pipefd[0] < 0) return RedisModule_ReplyWithLongLong(ctx, -1);
    int rc = RedisModule_EventLoopDel(pipefd[0], REDISMODULE_EVENTLOOP_READABLE);
    close(pipefd[0]);
    close(pipefd[1]);
    pipefd[0] = pipefd[1] = -1;
    return RedisModule_ReplyWithLongLong(ctx, rc);
}

static void Noop(int fd, void *ud, int mask) {
    REDISMODULE_NOT_USED(fd);
    REDISMODULE_NOT_USED(ud);
    REDISMODULE_NOT_USED(mask);
}

/* mhe.el.errors : [rc, errno] for bad EventLoopAdd/Del/AddOneShot calls. */
static int ElErrors(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    RedisModule_ReplyWithArray(ctx, 10);
    errno = 0;
    RedisModule_ReplyWithLongLong(ctx, RedisModule_EventLoopAdd(-1, REDISMODULE_EVENTLOOP_READABLE, Noop, NULL));
    RedisModule_ReplyWithLongLong(ctx, errno == ERANGE);
    errno = 0;
    RedisModule_ReplyWithLongLong(ctx, RedisModule_EventLoopAdd(0, 4, Noop, NULL));
    RedisModule_ReplyWithLongLong(ctx, errno == EINVAL);
    errno = 0;
    RedisModule_ReplyWithLongLong(ctx, RedisModule_EventLoopAdd(0, REDISMODULE_EVENTLOOP_READABLE, NULL, NULL));
    RedisModule_ReplyWithLongLong(ctx, errno == EINVAL);
    errno = 0;
    RedisModule_ReplyWithLongLong(ctx, RedisModule_EventLoopDel(1 << 30, REDISMODULE_EVENTLOOP_READABLE));
    RedisModule_ReplyWithLongLong(ctx, errno == ERANGE);
    errno = 0;
    RedisModule_ReplyWithLongLong(ctx, RedisModule_EventLoopAddOneShot(NULL, NULL));
    RedisModule_ReplyWithLongLong(ctx, errno == EINVAL);
    return REDISMODULE_OK;
}

static void OneShot(void *ud) {
    logadd(&ellog, "oneshot:%s", (char *)ud);
    free(ud);
}

static void *OneShotThread(void *arg) {
    RedisModule_EventLoopAddOneShot(OneShot, arg);
    return NULL;
}

/* mhe.el.oneshot tag : queues a one-shot from a new thread. */
static int ElOneShot(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    pthread_t t;
    if (pthread_create(&t, NULL, OneShotThread, strdup(str(argv[1]))) != 0) return RedisModule_ReplyWithError(ctx, "ERR thread");
    pthread_detach(t);
    return RedisModule_ReplyWithSimpleString(ctx, "OK");
}

/* mhe.el.log : what the event loop callbacks saw. */
static int ElLog(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    return replylog(ctx, &ellog);
}

/* ---- keyspace notifications ------------------------------------------------ */

static void JobIncr(RedisModuleCtx *ctx, void *pd) {
    RedisModuleCallReply *r = RedisModule_Call(ctx, "INCR", "c", (char *)pd);
    if (r) RedisModule_FreeCallReply(r);
}

static void JobFree(void *pd) { free(pd); }

static int KsCallback(RedisModuleCtx *ctx, int type, const char *event, RedisModuleString *key) {
    size_t len;
    const char *k = RedisModule_StringPtrLen(key, &len);
    if (!strncmp(k, "mhe:timerlog", 12) || !strncmp(k, "mhe:quiet", 9)) return REDISMODULE_OK;
    logadd(&kslog, "%d:%s:%s", type, event, k);
    if (!strncmp(k, "mhe:trigger:", 12) && !strcmp(event, "set")) {
        /* Writes from a notification callback; the nested event must not
         * reach this callback again. */
        RedisModuleCallReply *r = RedisModule_Call(ctx, "SET", "cc", "mhe:nested", "1");
        if (r) RedisModule_FreeCallReply(r);
    }
    if (!strncmp(k, "mhe:job:", 8) && !strcmp(event, "set") && RMAPI_FUNC_SUPPORTED(RedisModule_AddPostNotificationJob)) {
        RedisModule_AddPostNotificationJob(ctx, JobIncr, strdup("mhe:jobcount"), JobFree);
    }
    return REDISMODULE_OK;
}

/* mhe.ks.log : the keyspace events seen, "type:event:key". */
static int KsLog(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    return replylog(ctx, &kslog);
}

/* mhe.ks.notify key : raises a module keyspace event "mhe-event". */
static int KsNotify(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    return RedisModule_ReplyWithLongLong(ctx, RedisModule_NotifyKeyspaceEvent(ctx, REDISMODULE_NOTIFY_GENERIC, "mhe-event", argv[1]));
}

/* mhe.ks.flags : GetNotifyKeyspaceEvents. */
static int KsFlags(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    return RedisModule_ReplyWithLongLong(ctx, RedisModule_GetNotifyKeyspaceEvents());
}

/* ---- server events --------------------------------------------------------- */

static long long cron_count;
static int cron_hz;

/* EventLoop: iterations seen before and after the server's sleep. */
static long long loop_before, loop_after, loop_bad_sub;

static void LoopCb(RedisModuleCtx *ctx, RedisModuleEvent eid, uint64_t sub, void *data) {
    REDISMODULE_NOT_USED(ctx);
    REDISMODULE_NOT_USED(eid);
    if (data != NULL) loop_bad_sub++;
    if (sub == REDISMODULE_SUBEVENT_EVENTLOOP_BEFORE_SLEEP) loop_before++;
    else if (sub == REDISMODULE_SUBEVENT_EVENTLOOP_AFTER_SLEEP) loop_after++;
    else loop_bad_sub++;
}

/* mhe.ev.loop : [before-sleep count, after-sleep count, bad events]. */
static int EvLoop(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    RedisModule_ReplyWithArray(ctx, 3);
    RedisModule_ReplyWithLongLong(ctx, loop_before);
    RedisModule_ReplyWithLongLong(ctx, loop_after);
    return RedisModule_ReplyWithLongLong(ctx, loop_bad_sub);
}

static void EventCb(RedisModuleCtx *ctx, RedisModuleEvent eid, uint64_t sub, void *data) {
    REDISMODULE_NOT_USED(ctx);
    if (eid.id == REDISMODULE_EVENT_FLUSHDB) {
        RedisModuleFlushInfo *fi = data;
        int same = !memcmp(&eid, &RedisModuleEvent_FlushDB, sizeof(eid));
        logadd(&evlog, "flushdb:%d:%d:%d:%d:%d", (int)sub, fi->sync, fi->dbnum, same, RedisModule_GetSelectedDb(ctx));
    } else if (eid.id == REDISMODULE_EVENT_CLIENT_CHANGE) {
        RedisModuleClientInfo *ci = data;
        logadd(&evlog, "client:%d:%llu:%d", (int)sub, (unsigned long long)ci->id, (int)ci->version);
    } else if (eid.id == REDISMODULE_EVENT_SWAPDB) {
        RedisModuleSwapDbInfo *si = data;
        logadd(&evlog, "swapdb:%d:%d", si->dbnum_first, si->dbnum_second);
    } else if (eid.id == REDISMODULE_EVENT_CRON_LOOP) {
        RedisModuleCronLoop *cl = data;
        cron_count++;
        cron_hz = cl->hz;
    } else if (eid.id == REDISMODULE_EVENT_MODULE_CHANGE) {
        RedisModuleModuleChange *mc = data;
        logadd(&evlog, "module:%d:%s:%d", (int)sub, mc->module_name, mc->module_version);
    } else if (eid.id == REDISMODULE_EVENT_CONFIG) {
        RedisModuleConfigChange *cc = data;
        char names[400] = "";
        for (uint32_t i = 0; i < cc->num_changes; i++) {
            if (i) strncat(names, ",", sizeof(names) - strlen(names) - 1);
            strncat(names, cc->config_names[i], sizeof(names) - strlen(names) - 1);
        }
        logadd(&evlog, "config:%d:%u:%s", (int)sub, cc->num_changes, names);
    } else {
        logadd(&evlog, "other:%llu:%d", (unsigned long long)eid.id, (int)sub);
    }
}

/* Replication events, in their own log (they depend on a second server). */
static void ReplCb(RedisModuleCtx *ctx, RedisModuleEvent eid, uint64_t sub, void *data) {
    REDISMODULE_NOT_USED(ctx);
    if (eid.id == REDISMODULE_EVENT_REPLICATION_ROLE_CHANGED) {
        RedisModuleReplicationInfo *ri = data;
        logadd(&repllog, "role:%d:%d:%s:%d:%d:%d", (int)sub, ri->master, ri->masterhost, ri->masterport,
               (int)strlen(ri->replid1), (int)strlen(ri->replid2));
    } else if (eid.id == REDISMODULE_EVENT_REPLICA_CHANGE) {
        logadd(&repllog, "replica:%d:%d", (int)sub, data == NULL);
    } else if (eid.id == REDISMODULE_EVENT_MASTER_LINK_CHANGE) {
        logadd(&repllog, "link:%d:%d", (int)sub, data == NULL);
    }
}

/* Persistence, Loading and LoadingProgress events. */
static void PersistCb(RedisModuleCtx *ctx, RedisModuleEvent eid, uint64_t sub, void *data) {
    REDISMODULE_NOT_USED(ctx);
    if (eid.id == REDISMODULE_EVENT_PERSISTENCE) {
        logadd(&persistlog, "persist:%d", (int)sub);
    } else if (eid.id == REDISMODULE_EVENT_LOADING) {
        logadd(&persistlog, "loading:%d", (int)sub);
    } else if (eid.id == REDISMODULE_EVENT_LOADING_PROGRESS) {
        RedisModuleLoadingProgress *lp = data;
        if (lp->progress < -1 || lp->progress > 1024) logadd(&persistlog, "badprogress:%d", (int)lp->progress);
        if (sub == REDISMODULE_SUBEVENT_LOADING_PROGRESS_AOF) progress_aof++;
        else progress_rdb++;
    }
}

/* mhe.ev.persist : [persistence and loading events (forgotten once
 * read), RDB progress events, AOF progress events]. */
static int EvPersist(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    RedisModule_ReplyWithArray(ctx, 3);
    replylog(ctx, &persistlog);
    RedisModule_ReplyWithLongLong(ctx, progress_rdb);
    return RedisModule_ReplyWithLongLong(ctx, progress_aof);
}

/* mhe.ev.repl : the replication events seen (and forgets them). */
static int EvRepl(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    return replylog(ctx, &repllog);
}

/* mhe.ev.log : the server events seen. */
static int EvLog(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    return replylog(ctx, &evlog);
}

/* mhe.ev.cron : [CronLoop events seen, hz of the last one]. */
static int EvCron(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    RedisModule_ReplyWithArray(ctx, 2);
    RedisModule_ReplyWithLongLong(ctx, cron_count);
    return RedisModule_ReplyWithLongLong(ctx, cron_hz);
}

static void NoopEvent(RedisModuleCtx *ctx, RedisModuleEvent eid, uint64_t sub, void *data) {
    REDISMODULE_NOT_USED(ctx);
    REDISMODULE_NOT_USED(eid);
    REDISMODULE_NOT_USED(sub);
    REDISMODULE_NOT_USED(data);
}

/* mhe.ev.sub id dataver : SubscribeToServerEvent, then unsubscribe. */
static int EvSub(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    long long id, ver;
    RedisModule_StringToLongLong(argv[1], &id);
    RedisModule_StringToLongLong(argv[2], &ver);
    RedisModuleEvent ev = {(uint64_t)id, (uint64_t)ver};
    int rc = RedisModule_SubscribeToServerEvent(ctx, ev, NoopEvent);
    if (rc == REDISMODULE_OK && id != REDISMODULE_EVENT_FLUSHDB && id != REDISMODULE_EVENT_CLIENT_CHANGE &&
        id != REDISMODULE_EVENT_SWAPDB && id != REDISMODULE_EVENT_CRON_LOOP && id != REDISMODULE_EVENT_MODULE_CHANGE &&
        id != REDISMODULE_EVENT_CONFIG)
        RedisModule_SubscribeToServerEvent(ctx, ev, NULL);
    return RedisModule_ReplyWithLongLong(ctx, rc);
}

/* mhe.ev.supported id sub : IsSubEventSupported. */
static int EvSupported(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    long long id, sub;
    RedisModule_StringToLongLong(argv[1], &id);
    RedisModule_StringToLongLong(argv[2], &sub);
    RedisModuleEvent ev = {(uint64_t)id, 1};
    return RedisModule_ReplyWithLongLong(ctx, RedisModule_IsSubEventSupported(ev, (uint64_t)sub));
}

/* mhe.ev.unsubflush : stops listening to FlushDB. */
static int EvUnsubFlush(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    return RedisModule_ReplyWithLongLong(ctx, RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_FlushDB, NULL));
}

/* ---- module configs -------------------------------------------------------- */

static int cfg_enabled;
static long long cfg_count, cfg_memory;
static RedisModuleString *cfg_name, *cfg_nulldef;
static int cfg_mode, cfg_flags;
static long long apply_calls;
static int reg_errnos[4];

static int GetBool(const char *name, void *pd) {
    REDISMODULE_NOT_USED(name);
    REDISMODULE_NOT_USED(pd);
    return cfg_enabled;
}
static int SetBool(const char *name, int val, void *pd, RedisModuleString **err) {
    REDISMODULE_NOT_USED(name);
    REDISMODULE_NOT_USED(pd);
    REDISMODULE_NOT_USED(err);
    cfg_enabled = val;
    return REDISMODULE_OK;
}
static long long GetNum(const char *name, void *pd) {
    REDISMODULE_NOT_USED(pd);
    return !strcmp(name, "count") ? cfg_count : cfg_memory;
}
static int SetNum(const char *name, long long val, void *pd, RedisModuleString **err) {
    REDISMODULE_NOT_USED(pd);
    if (val == 13) {
        *err = RedisModule_CreateString(NULL, "unlucky number", 14);
        return REDISMODULE_ERR;
    }
    if (!strcmp(name, "count")) cfg_count = val;
    else cfg_memory = val;
    return REDISMODULE_OK;
}
static RedisModuleString *GetStr(const char *name, void *pd) {
    REDISMODULE_NOT_USED(pd);
    return !strcmp(name, "name") ? cfg_name : cfg_nulldef;
}
static int SetStr(const char *name, RedisModuleString *val, void *pd, RedisModuleString **err) {
    REDISMODULE_NOT_USED(pd);
    RedisModuleString **slot = !strcmp(name, "name") ? &cfg_name : &cfg_nulldef;
    if (val && !strcmp(str(val), "bad")) {
        *err = RedisModule_CreateString(NULL, "bad value", 9);
        return REDISMODULE_ERR;
    }
    if (val && !strcmp(str(val), "silent")) return REDISMODULE_ERR;
    if (*slot) RedisModule_FreeString(NULL, *slot);
    *slot = NULL;
    if (val) {
        RedisModule_RetainString(NULL, val);
        *slot = val;
    }
    return REDISMODULE_OK;
}
static int GetEnum(const char *name, void *pd) {
    REDISMODULE_NOT_USED(pd);
    return !strcmp(name, "mode") ? cfg_mode : cfg_flags;
}
static int SetEnum(const char *name, int val, void *pd, RedisModuleString **err) {
    REDISMODULE_NOT_USED(pd);
    REDISMODULE_NOT_USED(err);
    if (!strcmp(name, "mode")) cfg_mode = val;
    else cfg_flags = val;
    return REDISMODULE_OK;
}
static int Apply(RedisModuleCtx *ctx, void *pd, RedisModuleString **err) {
    REDISMODULE_NOT_USED(ctx);
    REDISMODULE_NOT_USED(pd);
    apply_calls++;
    if (cfg_count == 42) {
        *err = RedisModule_CreateString(NULL, "apply refused", 13);
        return REDISMODULE_ERR;
    }
    return REDISMODULE_OK;
}

/* mhe.cfg : the values the module holds and how often apply ran. */
static int CfgValues(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    RedisModule_ReplyWithArray(ctx, 8);
    RedisModule_ReplyWithLongLong(ctx, cfg_enabled);
    RedisModule_ReplyWithLongLong(ctx, cfg_count);
    RedisModule_ReplyWithLongLong(ctx, cfg_memory);
    if (cfg_name) RedisModule_ReplyWithString(ctx, cfg_name);
    else RedisModule_ReplyWithNull(ctx);
    if (cfg_nulldef) RedisModule_ReplyWithString(ctx, cfg_nulldef);
    else RedisModule_ReplyWithNull(ctx);
    RedisModule_ReplyWithLongLong(ctx, cfg_mode);
    RedisModule_ReplyWithLongLong(ctx, cfg_flags);
    return RedisModule_ReplyWithLongLong(ctx, apply_calls);
}

/* mhe.cfg.errs : errnos of the refused registrations (bad name, bad flags,
 * duplicate, after OnLoad). */
static int CfgErrs(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    errno = 0;
    int rc = RedisModule_RegisterBoolConfig(ctx, "late", 1, REDISMODULE_CONFIG_DEFAULT, GetBool, SetBool, NULL, NULL);
    reg_errnos[3] = rc == REDISMODULE_ERR ? errno : -1;
    RedisModule_ReplyWithArray(ctx, 4);
    const int want[4] = {EINVAL, EINVAL, EALREADY, EBUSY};
    for (int i = 0; i < 4; i++) RedisModule_ReplyWithLongLong(ctx, reg_errnos[i] == want[i]);
    return REDISMODULE_OK;
}

static int RegisterConfigs(RedisModuleCtx *ctx) {
    static const char *modes[] = {"one", "two", "three"};
    static const int modevals[] = {1, 2, 3};
    static const char *flagnames[] = {"a", "b", "c"};
    static const int flagvals[] = {1, 2, 4};
    if (RedisModule_RegisterBoolConfig(ctx, "enabled", 1, REDISMODULE_CONFIG_DEFAULT, GetBool, SetBool, Apply, NULL) ||
        RedisModule_RegisterNumericConfig(ctx, "count", 5, REDISMODULE_CONFIG_DEFAULT, 0, 100, GetNum, SetNum, Apply, NULL) ||
        RedisModule_RegisterNumericConfig(ctx, "memory", 1048576, REDISMODULE_CONFIG_MEMORY, 0, 1LL << 40, GetNum, SetNum, NULL, NULL) ||
        RedisModule_RegisterStringConfig(ctx, "name", "hello", REDISMODULE_CONFIG_DEFAULT, GetStr, SetStr, NULL, NULL) ||
        RedisModule_RegisterStringConfig(ctx, "nulldef", "", REDISMODULE_CONFIG_DEFAULT, GetStr, SetStr, NULL, NULL) ||
        RedisModule_RegisterEnumConfig(ctx, "mode", 2, REDISMODULE_CONFIG_DEFAULT, modes, modevals, 3, GetEnum, SetEnum, NULL, NULL) ||
        RedisModule_RegisterEnumConfig(ctx, "flags", 5, REDISMODULE_CONFIG_BITFLAGS, flagnames, flagvals, 3, GetEnum, SetEnum, NULL, NULL))
        return REDISMODULE_ERR;
    errno = 0;
    reg_errnos[0] = RedisModule_RegisterBoolConfig(ctx, "bad name", 1, 0, GetBool, SetBool, NULL, NULL) ? errno : -1;
    errno = 0;
    reg_errnos[1] = RedisModule_RegisterBoolConfig(ctx, "badflags", 1, REDISMODULE_CONFIG_MEMORY, GetBool, SetBool, NULL, NULL) ? errno : -1;
    errno = 0;
    reg_errnos[2] = RedisModule_RegisterBoolConfig(ctx, "enabled", 1, 0, GetBool, SetBool, NULL, NULL) ? errno : -1;
    return REDISMODULE_OK;
}

/* ---- clients, pub/sub, db ------------------------------------------------ */

/* mhe.client.info id : [flags, id, addr, port, db, version] or an error. */
static int ClientInfo(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    long long id;
    RedisModule_StringToLongLong(argv[1], &id);
    RedisModuleClientInfo ci = REDISMODULE_CLIENTINFO_INITIALIZER_V1;
    if (RedisModule_GetClientInfoById(&ci, (uint64_t)id) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR no such client");
    RedisModule_ReplyWithArray(ctx, 6);
    RedisModule_ReplyWithLongLong(ctx, (long long)ci.flags);
    RedisModule_ReplyWithLongLong(ctx, (long long)ci.id);
    RedisModule_ReplyWithCString(ctx, ci.addr);
    RedisModule_ReplyWithLongLong(ctx, ci.port > 0);
    RedisModule_ReplyWithLongLong(ctx, ci.db);
    return RedisModule_ReplyWithLongLong(ctx, RedisModule_GetClientInfoById(NULL, (uint64_t)id));
}

/* mhe.client.name id : the client's name or null. */
static int ClientName(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    long long id;
    RedisModule_StringToLongLong(argv[1], &id);
    RedisModuleString *n = RedisModule_GetClientNameById(ctx, (uint64_t)id);
    if (!n) return RedisModule_ReplyWithNull(ctx);
    RedisModule_ReplyWithString(ctx, n);
    RedisModule_FreeString(ctx, n);
    return REDISMODULE_OK;
}

/* mhe.client.setname id name : [rc, errno is ENOENT, errno is EINVAL]. */
static int ClientSetName(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    long long id;
    RedisModule_StringToLongLong(argv[1], &id);
    errno = 0;
    int rc = RedisModule_SetClientNameById((uint64_t)id, argv[2]);
    RedisModule_ReplyWithArray(ctx, 3);
    RedisModule_ReplyWithLongLong(ctx, rc);
    RedisModule_ReplyWithLongLong(ctx, errno == ENOENT);
    return RedisModule_ReplyWithLongLong(ctx, errno == EINVAL);
}

/* mhe.client.user id : the client's user name or null. */
static int ClientUser(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    long long id;
    RedisModule_StringToLongLong(argv[1], &id);
    RedisModuleString *n = RedisModule_GetClientUserNameById(ctx, (uint64_t)id);
    if (!n) return RedisModule_ReplyWithNull(ctx);
    RedisModule_ReplyWithString(ctx, n);
    RedisModule_FreeString(ctx, n);
    return REDISMODULE_OK;
}

/* mhe.publish channel message [shard] : receivers. */
static int Publish(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3 && argc != 4) return RedisModule_WrongArity(ctx);
    if (argc == 4) return RedisModule_ReplyWithLongLong(ctx, RedisModule_PublishMessageShard(ctx, argv[1], argv[2]));
    return RedisModule_ReplyWithLongLong(ctx, RedisModule_PublishMessage(ctx, argv[1], argv[2]));
}

/* mhe.db : [DbSize, RandomKey or null]. */
static int Db(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    RedisModule_ReplyWithArray(ctx, 2);
    RedisModule_ReplyWithLongLong(ctx, (long long)RedisModule_DbSize(ctx));
    RedisModuleString *k = RedisModule_RandomKey(ctx);
    if (!k) return RedisModule_ReplyWithNull(ctx);
    RedisModule_ReplyWithString(ctx, k);
    RedisModule_FreeString(ctx, k);
    return REDISMODULE_OK;
}

/* mhe.reset : ResetDataset. */
static int Reset(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    if (argc != 1) return RedisModule_WrongArity(ctx);
    RedisModule_ResetDataset(0, 0);
    return RedisModule_ReplyWithSimpleString(ctx, "OK");
}

/* mhe.misc event ms : Yield, LatencyAddSample, AvoidReplicaTraffic. */
static int Misc(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 3) return RedisModule_WrongArity(ctx);
    long long ms;
    RedisModule_StringToLongLong(argv[2], &ms);
    RedisModule_Yield(ctx, REDISMODULE_YIELD_FLAG_NONE, NULL);
    RedisModule_LatencyAddSample(str(argv[1]), ms);
    return RedisModule_ReplyWithLongLong(ctx, RedisModule_AvoidReplicaTraffic());
}

/* mhe.shared x: calls mhcore's exported "mhcore.answer" with x. */
static int Shared(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (argc != 2) return RedisModule_WrongArity(ctx);
    long long x;
    if (RedisModule_StringToLongLong(argv[1], &x) != REDISMODULE_OK) return RedisModule_ReplyWithError(ctx, "ERR invalid arguments");
    long long (*answer)(long long) = (long long (*)(long long))RedisModule_GetSharedAPI(ctx, "mhcore.answer");
    if (!answer) return RedisModule_ReplyWithError(ctx, "ERR mhcore.answer is not exported");
    return RedisModule_ReplyWithLongLong(ctx, answer(x));
}

int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    if (RedisModule_Init(ctx, "mhevents", 3, REDISMODULE_APIVER_1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    int loadconfigs = 1;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(str(argv[i]), "noloadconfigs")) loadconfigs = 0;
        if (!strcmp(str(argv[i]), "nested")) RedisModule_SetModuleOptions(ctx, REDISMODULE_OPTIONS_ALLOW_NESTED_KEYSPACE_NOTIFICATIONS);
    }
    struct { const char *name; RedisModuleCmdFunc fn; const char *flags; } cmds[] = {
        {"mhe.shared", Shared, "readonly"},
        {"mhe.dict.range", DictRange, "readonly"},
        {"mhe.dict.ops", DictOps, "readonly"},
        {"mhe.serverinfo", ServerInfo, "readonly"},
        {"mhe.serverinfo.am", ServerInfoAM, "readonly"},
        {"mhe.timer.add", TimerAdd, "readonly"},
        {"mhe.timer.info", TimerInfo, "readonly"},
        {"mhe.timer.stop", TimerStop, "readonly"},
        {"mhe.el.write", ElWrite, "readonly"},
        {"mhe.el.close", ElClose, "readonly"},
        {"mhe.el.errors", ElErrors, "readonly"},
        {"mhe.el.oneshot", ElOneShot, "readonly"},
        {"mhe.el.log", ElLog, "readonly"},
        {"mhe.ks.log", KsLog, "readonly"},
        {"mhe.ks.notify", KsNotify, "write"},
        {"mhe.ks.flags", KsFlags, "readonly"},
        {"mhe.ev.log", EvLog, "readonly"},
        {"mhe.ev.repl", EvRepl, "readonly"},
        {"mhe.ev.persist", EvPersist, "readonly"},
        {"mhe.ev.cron", EvCron, "readonly"},
        {"mhe.ev.loop", EvLoop, "readonly"},
        {"mhe.ev.sub", EvSub, "readonly"},
        {"mhe.ev.supported", EvSupported, "readonly"},
        {"mhe.ev.unsubflush", EvUnsubFlush, "readonly"},
        {"mhe.cfg", CfgValues, "readonly"},
        {"mhe.cfg.errs", CfgErrs, "readonly"},
        {"mhe.client.info", ClientInfo, "readonly"},
        {"mhe.client.name", ClientName, "readonly"},
        {"mhe.client.setname", ClientSetName, "readonly"},
        {"mhe.client.user", ClientUser, "readonly"},
        {"mhe.publish", Publish, "readonly"},
        {"mhe.db", Db, "readonly"},
        {"mhe.reset", Reset, "write"},
        {"mhe.misc", Misc, "readonly"},
    };
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        if (RedisModule_CreateCommand(ctx, cmds[i].name, cmds[i].fn, cmds[i].flags, 0, 0, 0) == REDISMODULE_ERR)
            return REDISMODULE_ERR;
    }
    if (RedisModule_RegisterInfoFunc(ctx, InfoFunc) != REDISMODULE_OK) return REDISMODULE_ERR;
    if (RedisModule_SubscribeToKeyspaceEvents(ctx, REDISMODULE_NOTIFY_ALL, KsCallback) != REDISMODULE_OK) return REDISMODULE_ERR;
    RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_FlushDB, EventCb);
    RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_ClientChange, EventCb);
    RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_SwapDB, EventCb);
    RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_CronLoop, EventCb);
    RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_ModuleChange, EventCb);
    RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_Config, EventCb);
    RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_EventLoop, LoopCb);
    RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_ReplicationRoleChanged, ReplCb);
    RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_ReplicaChange, ReplCb);
    RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_MasterLinkChange, ReplCb);
    RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_Persistence, PersistCb);
    RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_Loading, PersistCb);
    RedisModule_SubscribeToServerEvent(ctx, RedisModuleEvent_LoadingProgress, PersistCb);
    if (RegisterConfigs(ctx) != REDISMODULE_OK) return REDISMODULE_ERR;
    if (loadconfigs && RedisModule_LoadConfigs(ctx) != REDISMODULE_OK) return REDISMODULE_ERR;
    return REDISMODULE_OK;
}
