package capi

/*
#include <stdlib.h>
#include "capi.h"
*/
import "C"

import "unsafe"

// eventLoadingProgress is REDISMODULE_EVENT_LOADING_PROGRESS.
const eventLoadingProgress = 10

// FireLoadingProgress raises the LoadingProgress server event with hz and
// progress (loaded share of the total in 1/1024 units, -1 when unknown),
// subevent AOF while AOF commands load, RDB otherwise. Lock held.
func (h *Host) FireLoadingProgress(aof bool, hz, progress int) {
	if !h.hasListeners(eventLoadingProgress) {
		return
	}
	d := (*C.RedisModuleLoadingProgressV1)(C.calloc(1, C.sizeof_RedisModuleLoadingProgressV1))
	d.version = 1
	d.hz = C.int32_t(hz)
	d.progress = C.int32_t(progress)
	sub := uint64(0)
	if aof {
		sub = 1
	}
	h.fire(eventLoadingProgress, sub, unsafe.Pointer(d), 0, nil, nil)
	C.free(unsafe.Pointer(d))
}
