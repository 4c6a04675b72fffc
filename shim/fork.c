/*
 * fork.c -- RedisModule_Fork and what a module may call in its fork child.
 *
 * modhost is a Go process. After fork() the child holds only the thread
 * that forked; the Go scheduler, GC and every other thread are gone, so
 * entering Go there can hang or crash. The child therefore never crosses
 * into Go: logging formats the Redis log line itself and write(2)s it to
 * the log fd captured at fork time, heartbeats travel to the parent down a
 * pipe, and the child leaves through _exit. Allocation, strings and reply
 * building were C already. The parent (capi/fork.go) owns the child's
 * bookkeeping: it reaps it, reads the pipe and runs the done handler.
 */
#include "core.h"
#include "_cgo_export.h"
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

/* Kinds of record a child sends up the info pipe. */
#define MH_CHILD_INFO_CURRENT 0 /* a heartbeat: current CoW and progress */
#define MH_CHILD_INFO_COW 1     /* the final CoW size, sent on exit */

/* One record on the info pipe. Both ends are this binary, so the layout is
 * ours; capi/fork.go reads it through cgo. */
typedef struct mh_child_info {
    int type;
    double progress;       /* 0..1, or -1 when the module did not say */
    uint64_t cow;          /* private dirty bytes of the child */
    int64_t cow_updated;   /* CLOCK_MONOTONIC microseconds of that reading */
} mh_child_info;

/* The exit code a child uses when SIGUSR1 stops it; the parent reports it
 * as "killed by SIGUSR1" (Redis's SERVER_CHILD_NOERROR_RETVAL). */
#define MH_CHILD_KILLED_RETVAL 255

/* ---- state ---------------------------------------------------------------- */

/* Parent: pid of the live module child, -1 when none. Read by
 * RM_GetContextFlags without a crossing; Go clears it (mh_fork_clear). */
static volatile pid_t mh_fork_pid = -1;

/* Child: set right after fork. Everything below is only used there. */
static volatile sig_atomic_t mh_fork_in_child;
static int mh_fork_info_fd = -1;  /* write end of the info pipe */
static int mh_fork_log_fd = -1;   /* the server log (file or stdout) */
static int mh_fork_log_level = 2; /* verbosity at fork time */
static long mh_fork_tz_off;       /* local time offset, seconds east of UTC */
static int mh_fork_ctx_flags;     /* server-wide ctx flags at fork time */

/* ---- small async-signal-safe helpers -------------------------------------- */

/* Writes the decimal form of v at p; returns the length. */
static int mh_fmt_ull(char *p, unsigned long long v) {
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (int i = 0; i < n; i++) p[i] = tmp[n - 1 - i];
    return n;
}

static int mh_fmt_2(char *p, int v) {
    p[0] = (char)('0' + v / 10 % 10);
    p[1] = (char)('0' + v % 10);
    return 2;
}

static void mh_write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

static int64_t mh_mono_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Civil date of a day count since 1970-01-01 (proleptic Gregorian), done
 * by hand: localtime_r may take glibc's timezone lock, which another
 * thread of the parent could have held at fork time. */
static void mh_civil(long days, int *y, int *m, int *d) {
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    long doe = days - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ---- logging in the child ------------------------------------------------- */

/* Writes one line as Redis's serverLog does in a child:
 * "pid:C dd Mon yyyy hh:mm:ss.mmm <mark> text". */
static void mh_fork_log(int level, const char *text, size_t len) {
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static const char marks[] = ".-*#";
    if (mh_fork_log_fd < 0 || level < mh_fork_log_level) return;
    struct timeval tv;
    gettimeofday(&tv, NULL);
    long long t = (long long)tv.tv_sec + mh_fork_tz_off;
    long days = (long)(t / 86400);
    long secs = (long)(t % 86400);
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    int y, mo, d;
    mh_civil(days, &y, &mo, &d);
    if (len > 4096) len = 4096;
    char line[4096 + 96];
    char *p = line;
    p += mh_fmt_ull(p, (unsigned long long)getpid());
    memcpy(p, ":C ", 3), p += 3;
    p += mh_fmt_2(p, d);
    *p++ = ' ';
    memcpy(p, months[mo - 1], 3), p += 3;
    *p++ = ' ';
    p += mh_fmt_ull(p, (unsigned long long)y);
    *p++ = ' ';
    p += mh_fmt_2(p, (int)(secs / 3600));
    *p++ = ':';
    p += mh_fmt_2(p, (int)(secs / 60 % 60));
    *p++ = ':';
    p += mh_fmt_2(p, (int)(secs % 60));
    *p++ = '.';
    int ms = (int)(tv.tv_usec / 1000);
    *p++ = (char)('0' + ms / 100);
    p += mh_fmt_2(p, ms % 100);
    *p++ = ' ';
    *p++ = marks[level < 0 ? 0 : level > 3 ? 3 : level];
    *p++ = ' ';
    memcpy(p, text, len), p += len;
    *p++ = '\n';
    mh_write_all(mh_fork_log_fd, line, (size_t)(p - line));
}

/* The signal handler's log form: "pid:signal-handler (unixtime) text". */
static void mh_fork_log_from_handler(int level, const char *text) {
    if (mh_fork_log_fd < 0 || level < mh_fork_log_level) return;
    char line[256];
    char *p = line;
    size_t n = strlen(text);
    if (n > 160) n = 160;
    p += mh_fmt_ull(p, (unsigned long long)getpid());
    memcpy(p, ":signal-handler (", 17), p += 17;
    p += mh_fmt_ull(p, (unsigned long long)time(NULL));
    memcpy(p, ") ", 2), p += 2;
    memcpy(p, text, n), p += n;
    *p++ = '\n';
    mh_write_all(mh_fork_log_fd, line, (size_t)(p - line));
}

/* RM_Log's path in the child (module.c calls it when mh_fork_is_child). */
static void mh_fork_child_vlog(mh_module *m, int level, const char *fmt, va_list ap) {
    char msg[4096];
    int n = snprintf(msg, sizeof(msg), "<%s> ", m && m->name ? m->name : "module");
    if (n < 0) return;
    int k = vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
    if (k < 0) return;
    size_t len = (size_t)n + (size_t)k;
    if (len >= sizeof(msg)) len = sizeof(msg) - 1;
    mh_fork_log(level, msg, len);
}

static int mh_fork_is_child(void) { return mh_fork_in_child; }

/* The context flags a module sees in the child: the server-wide ones from
 * fork time plus IS_CHILD (answered in C, Go cannot run here). */
static int mh_fork_child_ctx_flags(RedisModuleCtx *ctx) {
    int f = mh_fork_ctx_flags | REDISMODULE_CTX_FLAGS_IS_CHILD;
    if (ctx && ctx->resp == 3) f |= REDISMODULE_CTX_FLAGS_RESP3;
    return f;
}

/* ACTIVE_CHILD for contexts in the parent while a module child lives. */
static int mh_fork_parent_ctx_flags(void) {
    return mh_fork_pid > 0 ? REDISMODULE_CTX_FLAGS_ACTIVE_CHILD : 0;
}

/* A module callback returned into the host inside the child without
 * calling ExitFromChild. Going back into Go is not an option, so the child
 * ends here. */
static void mh_fork_child_returned(void) {
    if (!mh_fork_in_child) return;
    static const char msg[] = "Module fork child returned to the server without RedisModule_ExitFromChild, exiting.";
    mh_fork_log(3, msg, sizeof(msg) - 1);
    _exit(1);
}

/* ---- copy-on-write accounting -------------------------------------------- */

/* Private dirty bytes of this process (Redis's zmalloc_get_private_dirty),
 * summed by the kernel in smaps_rollup. Plain open/read: no stdio locks. */
static uint64_t mh_private_dirty(void) {
    int fd = open("/proc/self/smaps_rollup", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char buf[4096];
    size_t n = 0;
    for (;;) {
        ssize_t r = read(fd, buf + n, sizeof(buf) - 1 - n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        n += (size_t)r;
        if (n == sizeof(buf) - 1) break;
    }
    close(fd);
    buf[n] = 0;
    uint64_t total = 0;
    for (char *p = buf; (p = strstr(p, "Private_Dirty:")) != NULL;) {
        p += 14;
        while (*p == ' ') p++;
        uint64_t kb = 0;
        while (*p >= '0' && *p <= '9') kb = kb * 10 + (uint64_t)(*p++ - '0');
        total += kb * 1024;
    }
    return total;
}

/* Sends one info record to the parent. CoW is re-measured for every final
 * record, and for heartbeats at most once per 100 times the cost of the
 * last measurement (reading smaps is not free), as Redis paces it. */
static void mh_fork_send_info(int type, double progress) {
    static int64_t cow_updated, cow_cost;
    static uint64_t cow, peak, sum, count;
    if (mh_fork_info_fd < 0) return;
    int64_t now = mh_mono_us();
    if (type != MH_CHILD_INFO_CURRENT || !cow_updated || now - cow_updated > cow_cost * 100) {
        cow = mh_private_dirty();
        cow_updated = mh_mono_us();
        cow_cost = cow_updated - now;
        if (cow > peak) peak = cow;
        sum += cow;
        count++;
        if (cow || type != MH_CHILD_INFO_CURRENT) {
            char msg[160];
            int n = snprintf(msg, sizeof(msg), "Fork CoW for Module fork: current %llu MB, peak %llu MB, average %llu MB",
                             (unsigned long long)(cow >> 20), (unsigned long long)(peak >> 20),
                             (unsigned long long)((sum / count) >> 20));
            if (n > 0) mh_fork_log(type != MH_CHILD_INFO_CURRENT ? 2 : 1, msg, (size_t)n);
        }
    }
    mh_child_info rec;
    memset(&rec, 0, sizeof(rec));
    rec.type = type;
    rec.progress = progress;
    rec.cow = cow;
    rec.cow_updated = cow_updated;
    ssize_t w;
    do {
        w = write(mh_fork_info_fd, &rec, sizeof(rec));
    } while (w < 0 && errno == EINTR);
    if (w != (ssize_t)sizeof(rec)) {
        /* The parent is gone or stopped listening: nobody wants our work. */
        char msg[160];
        int n = snprintf(msg, sizeof(msg), "Child failed reporting info to parent, exiting. %s", strerror(errno));
        if (n > 0) mh_fork_log(3, msg, (size_t)n);
        _exit(1);
    }
}

/* ---- the child's setup ---------------------------------------------------- */

static void mh_fork_sigusr1(int sig) {
    (void)sig;
    mh_fork_log_from_handler(1, "Received SIGUSR1 in child, exiting now.");
    _exit(MH_CHILD_KILLED_RETVAL);
}

/* The child inherited Go's signal handlers, which would enter the Go
 * runtime. Every signal goes back to its default action, except SIGUSR1
 * (KillForkChild's clean stop) and SIGPIPE (a write error, not a death,
 * as in the server). */
static void mh_fork_child_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = SIG_DFL;
    for (int s = 1; s < NSIG; s++) {
        if (s == SIGKILL || s == SIGSTOP) continue;
        sigaction(s, &sa, NULL); /* glibc's reserved signals just fail */
    }
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);
    sa.sa_handler = mh_fork_sigusr1;
    sigaction(SIGUSR1, &sa, NULL);
}

/* Closes the listening sockets the child inherited, so a restarted parent
 * can bind its ports while the child still runs (Redis does the same). Other
 * descriptors stay: the module may have opened files for the child. */
static void mh_fork_close_listeners(void) {
    DIR *d = opendir("/proc/self/fd");
    if (!d) return;
    int self = dirfd(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        int fd = atoi(e->d_name);
        if (fd <= 2 || fd == self || fd == mh_fork_info_fd || fd == mh_fork_log_fd) continue;
        int listening = 0;
        socklen_t len = sizeof(listening);
        if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) == 0 && listening) close(fd);
    }
    closedir(d);
}

/* Parent side, called by Go when the child is reaped or killed. */
void mh_fork_clear(void) { mh_fork_pid = -1; }

/* ---- the API -------------------------------------------------------------- */

/* Forks a child that shares a frozen copy of the server's memory. Returns
 * the child's pid in the parent, 0 in the child, -1 on failure with errno
 * set (EEXIST while another module child lives) and "Can't fork for
 * module: <error>" logged. Only one child at a time. In the child only C
 * APIs work (allocation, strings, Log, SendChildHeartbeat, ExitFromChild);
 * the child must end with RedisModule_ExitFromChild. When it exits, the
 * parent calls cb(exitcode, bysignal, user_data) under the lock (not when
 * KillForkChild stopped it). Context: under the lock.
 * Crossing: goForkBegin before, goForkStarted after (parent only). */
static int RM_Fork(RedisModuleForkDoneHandler cb, void *user_data) {
    if (mh_fork_in_child) {
        /* A grandchild nobody would reap. */
        static const char msg[] = "Can't fork for module: Operation not permitted";
        mh_fork_log(3, msg, sizeof(msg) - 1);
        errno = EPERM;
        return -1;
    }
    int logfd = -1, level = 2, ctxflags = 0;
    int err = goForkBegin(mh_current_module ? mh_current_module->handle : 0, &logfd, &level, &ctxflags);
    int fds[2] = {-1, -1};
    /* pipe2 needs _GNU_SOURCE, which the shim does not define. */
    if (!err && pipe(fds) == -1) err = errno;
    if (!err && (fcntl(fds[0], F_SETFD, FD_CLOEXEC) == -1 || fcntl(fds[1], F_SETFD, FD_CLOEXEC) == -1 ||
                 fcntl(fds[0], F_SETFL, O_NONBLOCK) == -1))
        err = errno;
    if (err) {
        if (fds[0] != -1) close(fds[0]);
        if (fds[1] != -1) close(fds[1]);
        char msg[160];
        int n = snprintf(msg, sizeof(msg), "Can't fork for module: %s", strerror(err));
        goLogRaw(3, msg, n);
        errno = err;
        return -1;
    }
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    long tzoff = tm.tm_gmtoff;

    /* Signals stay blocked across fork, so none reaches Go's handlers in
     * the child before its own are installed. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    int64_t start = mh_mono_us();
    pid_t pid = fork();
    if (pid == 0) {
        mh_fork_in_child = 1;
        mh_fork_log_fd = logfd;
        mh_fork_log_level = level;
        mh_fork_tz_off = tzoff;
        mh_fork_ctx_flags = ctxflags;
        mh_fork_info_fd = fds[1];
        close(fds[0]);
        mh_fork_child_signals();
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        mh_fork_close_listeners();
        return 0;
    }
    int fork_errno = errno;
    int64_t took = mh_mono_us() - start;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        char msg[160];
        int n = snprintf(msg, sizeof(msg), "Can't fork for module: %s", strerror(fork_errno));
        goLogRaw(3, msg, n);
        errno = fork_errno;
        return -1;
    }
    mh_fork_pid = pid;
    goForkStarted(mh_current_module ? mh_current_module->handle : 0, (int)pid, fds[0], (void *)cb, user_data,
                  (long long)took);
    return pid;
}

/* Reports progress (0..1, or -1 when unknown) and the current CoW size to
 * the parent, shown by INFO persistence. Call it from the child now and
 * then; elsewhere it does nothing. Context: the fork child. Crossing: none. */
static void RM_SendChildHeartbeat(double progress) {
    if (!mh_fork_in_child) return;
    mh_fork_send_info(MH_CHILD_INFO_CURRENT, progress);
}

/* Ends the fork child with retcode, which the parent's done handler gets,
 * after reporting the final CoW size. Does not return in the child. Called
 * in the parent it refuses (REDISMODULE_ERR) instead of ending the server.
 * Context: the fork child. Crossing: none. */
static int RM_ExitFromChild(int retcode) {
    if (!mh_fork_in_child) return REDISMODULE_ERR;
    mh_fork_send_info(MH_CHILD_INFO_COW, -1);
    _exit(retcode);
}

/* Stops the module child child_pid with SIGUSR1 and waits for it to go.
 * The done handler is not called. REDISMODULE_ERR when no module child
 * runs or its pid differs. Context: under the lock.
 * Crossing: goKillForkChild. */
static int RM_KillForkChild(int child_pid) {
    if (mh_fork_in_child) return REDISMODULE_ERR;
    return goKillForkChild(child_pid) ? REDISMODULE_OK : REDISMODULE_ERR;
}

/* Runs a module's fork done handler (capi/fork.go, under the lock). */
void mh_invoke_fork_done(void *cb, mh_module *m, int exitcode, int bysignal, void *user_data) {
    RedisModuleForkDoneHandler fn = (RedisModuleForkDoneHandler)cb;
    mh_module *prev = mh_current_module;
    mh_current_module = m;
    fn(exitcode, bysignal, user_data);
    mh_current_module = prev;
}

/* Reads one whole info record from the parent's end of the pipe into
 * out, keeping a partial record in buf/nread between calls (the pipe is
 * non-blocking). Returns 1 for a record, 0 when none is complete. */
int mh_fork_read_info(int fd, void *buf, int *nread, int *type, double *progress, uint64_t *cow,
                      int64_t *cow_updated) {
    mh_child_info *rec = buf;
    if (*nread == (int)sizeof(*rec)) *nread = 0;
    ssize_t r = read(fd, (char *)buf + *nread, sizeof(*rec) - (size_t)*nread);
    if (r > 0) *nread += (int)r;
    if (*nread != (int)sizeof(*rec)) return 0;
    *type = rec->type;
    *progress = rec->progress;
    *cow = rec->cow;
    *cow_updated = rec->cow_updated;
    return 1;
}

/* The size of the buffer mh_fork_read_info needs. */
int mh_fork_info_size(void) { return (int)sizeof(mh_child_info); }

/* CLOCK_MONOTONIC in microseconds, for the age of a CoW reading. */
long long mh_fork_mono_us(void) { return (long long)mh_mono_us(); }
