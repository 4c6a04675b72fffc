/*
 * shim.c -- the module API's single C translation unit.
 *
 * cgo compiles only the C files of the package itself, and C that calls Go
 * exports must live in the exporting package, so this file pulls in every
 * shim source and, last, the generated GetApi table.
 */
#include "../shim/core.h"

void mh_api_missing(const char *name);
#define MH_API_MISS_HOOK(name) mh_api_missing(name)

#include "../shim/alloc.c"
#include "../shim/string.c"
#include "../shim/ctx.c"
#include "../shim/fork.c"
#include "../shim/cmdchannels.c"
#include "../shim/reply.c"
#include "../shim/module.c"
#include "../shim/call.c"
#include "../shim/key.c"
#include "../shim/type.c"
#include "../shim/block.c"
#include "../shim/replicate.c"
#include "../shim/cluster.c"
#include "../shim/scan.c"
#include "../shim/stream.c"
#include "../shim/glue.c"
#include "../shim/dict.c"
#include "../shim/event.c"
#include "../shim/timer.c"
#include "../shim/notify.c"
#include "../shim/info.c"
#include "../shim/modconfig.c"
#include "../shim/misc.c"
#include "../shim/cmdinfo.c"
#include "../shim/filter.c"
#include "../shim/acl.c"
#include "../shim/defrag.c"
#include "../shim/table.c"

/* Coverage listing for --api-coverage and the load log. */
int mh_api_count_served(void) { return (int)mh_api_served_count; }
const char *mh_api_served_name(int i) { return mh_api_served[i].name; }
int mh_api_count_unserved(void) { return (int)mh_api_unserved_count; }
const char *mh_api_unserved_name(int i) { return mh_api_unserved[i]; }
