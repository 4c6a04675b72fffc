/*
 * timer.c -- module timers and the module event loop API.
 *
 * Timers and fd registrations live in Go (capi/timer.go), which runs the
 * callbacks from its loop goroutines under the execution lock; C holds
 * only the one-shot queue, because EventLoopAddOneShot may be called from
 * any thread without the lock: it queues under a mutex and wakes Go's
 * poller through an eventfd.
 */
#include "core.h"
#include "events.h"
#include "_cgo_export.h"
#include <sys/eventfd.h>
#include <unistd.h>

void mh_invoke_timer(void *cb, mh_module *m, uint64_t client, int db, void *data) {
    RedisModuleTimerProc fn = (RedisModuleTimerProc)cb;
    RedisModuleCtx *ctx = mh_cb_ctx(m, client, db, 1);
    mh_module *prev = mh_current_module;
    mh_current_module = m;
    fn(ctx, data);
    mh_fork_child_returned();
    mh_current_module = prev;
    mh_cb_ctx_free(ctx);
}

/* Creates a timer that calls callback(ctx, data) once, period
 * milliseconds from now, with a context bound to this module and the
 * caller's db. Returns the timer id (unique among live timers; Redis
 * derives it from the due time). Context: any with a module.
 * Crossing: goCreateTimer. */
static RedisModuleTimerID RM_CreateTimer(RedisModuleCtx *ctx, mstime_t period, RedisModuleTimerProc callback, void *data) {
    if (!ctx || !ctx->module) return 0;
    return goCreateTimer(ctx->module->handle, ctx->client, ctx->selected_db, period, (void *)callback, data);
}

/* Cancels a timer of this module. REDISMODULE_OK with *data (when data is
 * not NULL) set to its data pointer, or REDISMODULE_ERR when no such
 * timer belongs to the module. Context: any with a module.
 * Crossing: goStopTimer. */
static int RM_StopTimer(RedisModuleCtx *ctx, RedisModuleTimerID id, void **data) {
    if (!ctx || !ctx->module) return REDISMODULE_ERR;
    void *d = NULL;
    if (!goStopTimer(ctx->module->handle, id, &d)) return REDISMODULE_ERR;
    if (data) *data = d;
    return REDISMODULE_OK;
}

/* Reports the milliseconds left before a timer of this module fires and
 * its data pointer (each out-parameter optional). REDISMODULE_ERR when no
 * such timer belongs to the module. Context: any with a module.
 * Crossing: goGetTimerInfo. */
static int RM_GetTimerInfo(RedisModuleCtx *ctx, RedisModuleTimerID id, uint64_t *remaining, void **data) {
    if (!ctx || !ctx->module) return REDISMODULE_ERR;
    long long rem = 0;
    void *d = NULL;
    if (!goGetTimerInfo(ctx->module->handle, id, &rem, &d)) return REDISMODULE_ERR;
    if (remaining) *remaining = (uint64_t)rem;
    if (data) *data = d;
    return REDISMODULE_OK;
}

/* ---- event loop ---------------------------------------------------------- */

void mh_invoke_eventloop(void *cb, mh_module *m, int fd, void *ud, int mask) {
    RedisModuleEventLoopFunc fn = (RedisModuleEventLoopFunc)cb;
    mh_module *prev = mh_current_module;
    mh_current_module = m;
    fn(fd, ud, mask);
    mh_current_module = prev;
}

/* Calls func(user_data) when fd becomes readable and/or writable (mask of
 * REDISMODULE_EVENTLOOP_READABLE/WRITABLE), on the server's loop, under
 * the lock. Adding again for the same fd adds to its mask and replaces
 * the callback for the given directions. Errors: ERANGE for an fd outside
 * the server's fd range, EINVAL for a NULL func or unknown mask bits, or
 * the poller's errno. Context: main thread (under the lock).
 * Crossing: goEventLoopAdd. */
static int RM_EventLoopAdd(int fd, int mask, RedisModuleEventLoopFunc func, void *user_data) {
    uint64_t handle = mh_current_module ? mh_current_module->handle : 0;
    int e = goEventLoopAdd(handle, fd, mask, (void *)func, user_data);
    errno = e;
    return e ? REDISMODULE_ERR : REDISMODULE_OK;
}

/* Stops watching fd for the directions in mask. ERANGE / EINVAL as for
 * EventLoopAdd. Context: main thread. Crossing: goEventLoopDel. */
static int RM_EventLoopDel(int fd, int mask) {
    int e = goEventLoopDel(fd, mask);
    errno = e;
    return e ? REDISMODULE_ERR : REDISMODULE_OK;
}

typedef struct mh_oneshot {
    RedisModuleEventLoopOneShotFunc func;
    void *ud;
    mh_module *module;
    struct mh_oneshot *next;
} mh_oneshot;

static pthread_mutex_t mh_oneshot_mu = PTHREAD_MUTEX_INITIALIZER;
static mh_oneshot *mh_oneshot_head, *mh_oneshot_tail;
static int mh_oneshot_efd = -1;

/* The eventfd Go's poller watches for queued one-shots (created once). */
int mh_oneshot_fd(void) {
    pthread_mutex_lock(&mh_oneshot_mu);
    if (mh_oneshot_efd < 0) mh_oneshot_efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    int fd = mh_oneshot_efd;
    pthread_mutex_unlock(&mh_oneshot_mu);
    return fd;
}

/* Runs queued one-shots in order, the mutex released around each call so
 * callbacks may queue more. Called by Go under the execution lock.
 * Returns how many ran. */
int mh_oneshot_run(void) {
    int n = 0;
    uint64_t v;
    if (mh_oneshot_efd >= 0) {
        ssize_t r = read(mh_oneshot_efd, &v, sizeof(v));
        (void)r;
    }
    pthread_mutex_lock(&mh_oneshot_mu);
    while (mh_oneshot_head) {
        mh_oneshot *o = mh_oneshot_head;
        mh_oneshot_head = o->next;
        if (!mh_oneshot_head) mh_oneshot_tail = NULL;
        pthread_mutex_unlock(&mh_oneshot_mu);
        mh_module *prev = mh_current_module;
        mh_current_module = o->module;
        o->func(o->ud);
        mh_current_module = prev;
        free(o);
        n++;
        pthread_mutex_lock(&mh_oneshot_mu);
    }
    pthread_mutex_unlock(&mh_oneshot_mu);
    return n;
}

/* Queues func(user_data) to run once on the server's loop, under the
 * lock, and wakes the loop. Callable from any thread. EINVAL for a NULL
 * func. Context: any thread. Crossing: goEventLoopWake (starts the poller
 * the first time). */
static int RM_EventLoopAddOneShot(RedisModuleEventLoopOneShotFunc func, void *user_data) {
    if (!func) {
        errno = EINVAL;
        return REDISMODULE_ERR;
    }
    mh_oneshot *o = malloc(sizeof(*o));
    if (!o) abort();
    o->func = func;
    o->ud = user_data;
    o->module = mh_current_module;
    o->next = NULL;
    int fd = mh_oneshot_fd();
    pthread_mutex_lock(&mh_oneshot_mu);
    if (mh_oneshot_tail) mh_oneshot_tail->next = o;
    else mh_oneshot_head = o;
    mh_oneshot_tail = o;
    pthread_mutex_unlock(&mh_oneshot_mu);
    goEventLoopWake(o->module ? o->module->handle : 0);
    uint64_t one = 1;
    ssize_t r = write(fd, &one, sizeof(one));
    (void)r;
    errno = 0;
    return REDISMODULE_OK;
}
