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

#endif
