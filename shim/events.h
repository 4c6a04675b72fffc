/*
 * events.h -- trampolines and helpers of the event-driven API groups
 * (timers, event loop, keyspace notifications, server events, INFO,
 * module configs). Included by capi's Go files for those groups; defined
 * in shim/timer.c, notify.c, event.c, info.c and modconfig.c.
 */
#ifndef MH_EVENTS_H
#define MH_EVENTS_H
#include "core.h"

/* timers and the event loop (timer.c) */
void mh_invoke_timer(void *cb, mh_module *m, uint64_t client, int db, void *data);
void mh_invoke_eventloop(void *cb, mh_module *m, int fd, void *ud, int mask);
int mh_oneshot_run(void);
int mh_oneshot_fd(void);

/* keyspace notifications (notify.c) */
void mh_invoke_notify(void *cb, mh_module *m, uint64_t client, int db, int type, const char *event, const char *key, size_t keylen);
void mh_invoke_job(void *cb, void *freefn, mh_module *m, uint64_t client, int db, void *pd);

/* server events (event.c) */
void mh_invoke_server_event(void *cb, mh_module *m, uint64_t client, int db, int temp, uint64_t id, uint64_t dataver, uint64_t sub, void *data);

/* INFO (info.c) */
int mh_invoke_info(void *cb, mh_module *m, const char *req, const size_t *reqlens, int nreq, int sections, char **out, size_t *outlen);

/* module configs (modconfig.c) */
typedef struct mh_modconfig mh_modconfig;
long long mh_config_get_int(mh_modconfig *c);
int mh_config_get_string(mh_modconfig *c, char **out, size_t *len);
int mh_config_set_int(mh_modconfig *c, long long v, char **err, size_t *errlen);
int mh_config_set_string(mh_modconfig *c, const char *p, size_t len, char **err, size_t *errlen);
int mh_config_apply(mh_modconfig *c, char **err, size_t *errlen);
void mh_config_free(mh_modconfig *c);
void *mh_config_apply_fn(mh_modconfig *c);
void *mh_config_privdata(mh_modconfig *c);

void mh_free_plain(void *p);

#endif
