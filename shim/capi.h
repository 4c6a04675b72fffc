/*
 * capi.h -- the shim functions Go calls (trampolines and helpers).
 * Included by capi's Go preamble; defined in the shim sources.
 */
#ifndef MH_CAPI_H
#define MH_CAPI_H
#include "core.h"

mh_module *mh_module_new(uint64_t handle);
void mh_module_free(mh_module *m);
void *mh_dlopen(const char *path, char *err, size_t errlen);
void *mh_dlsym(void *h, const char *name);
int mh_dlclose(void *h);
double mh_keep_libm(double x);
int mh_invoke_onload(void *fn, mh_module *m, uint64_t client, uint64_t state, const char *buf, const size_t *lens, int argc);
int mh_invoke_onunload(void *fn, mh_module *m);
void mh_invoke_cmd(RedisModuleCommand *cmd, uint64_t client, int resp, uint64_t state, int db,
                   const char *buf, const size_t *lens, int argc, int flags, mh_call_result *res);
void mh_command_free(RedisModuleCommand *c);
long long mh_alloc_used(void);
long long mh_alloc_used_by(uint64_t handle);
const char *mh_module_missing(mh_module *m, int i);
int mh_module_nmissing(mh_module *m);
int mh_api_count_served(void);
const char *mh_api_served_name(int i);
int mh_api_count_unserved(void);
const char *mh_api_unserved_name(int i);
void *mh_malloc_copy(const void *p, size_t n);
mh_promise *mh_promise_new(mh_module *m);
void mh_promise_unblocked(mh_promise *p, uint64_t client, int db, char *buf, size_t len);

#endif

/* data types (type.c) */
void mh_type_free(RedisModuleType *t);
int mh_type_caps(RedisModuleType *t);
int mh_type_aux_triggers(RedisModuleType *t);
void mh_invoke_type_free(RedisModuleType *t, void *value);
void *mh_invoke_rdb_load(RedisModuleType *t, uint64_t handle, int encver, int *ioerr);
int mh_invoke_rdb_save(RedisModuleType *t, uint64_t handle, void *value);
int mh_invoke_aux_load(RedisModuleType *t, uint64_t handle, int encver, int when, int *ioerr);
int mh_invoke_aux_save(RedisModuleType *t, uint64_t handle, int when);
int mh_invoke_aof_rewrite(RedisModuleType *t, uint64_t handle, const char *key, size_t keylen, void *value);
size_t mh_invoke_mem_usage(RedisModuleType *t, void *value, const char *key, size_t keylen, int db, size_t samples);
void *mh_invoke_copy(RedisModuleType *t, const char *from, size_t flen, const char *to, size_t tlen, int fromdb, int todb,
                     void *value);
void mh_invoke_unlink(RedisModuleType *t, const char *key, size_t keylen, int db, void *value);
size_t mh_invoke_free_effort(RedisModuleType *t, void *value, const char *key, size_t keylen, int db);
void mh_invoke_digest(RedisModuleType *t, void *value, const char *key, size_t keylen, int dbid, unsigned char *out);

/* blocking (block.c) */
void mh_bc_unblocked(RedisModuleBlockedClient *bc, mh_buf *out);
void mh_bc_timeout(RedisModuleBlockedClient *bc, mh_buf *out);
int mh_bc_key_ready(RedisModuleBlockedClient *bc, const char *key, size_t keylen, mh_buf *out);
void mh_bc_disconnected(RedisModuleBlockedClient *bc);
void mh_bc_free(RedisModuleBlockedClient *bc);
void mh_bc_release_unparked(RedisModuleBlockedClient *bc);
int mh_bc_is_unblocked(RedisModuleBlockedClient *bc);
int mh_bc_on_keys(RedisModuleBlockedClient *bc);
uint64_t mh_bc_measured(RedisModuleBlockedClient *bc);
int mh_bc_has_timeout(RedisModuleBlockedClient *bc);

/* events (event.c) */
void mh_invoke_key_event(void *cb, mh_module *m, uint64_t client, int db, uint64_t dataver, uint64_t sub,
                         const char *name, size_t len);
void mh_buf_reset(mh_buf *b);
