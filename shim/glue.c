/*
 * glue.c -- small helpers Go calls that belong to no API section.
 */
#include "core.h"

const char *mh_module_missing(mh_module *m, int i) { return m->missing[i]; }
int mh_module_nmissing(mh_module *m) { return m->nmissing; }

/* Copies n bytes into plain malloc memory (RM_Call replies, which the
 * shim frees with free()). */
void *mh_malloc_copy(const void *p, size_t n) {
    char *d = malloc(n ? n : 1);
    if (!d) abort();
    if (n) memcpy(d, p, n);
    return d;
}
