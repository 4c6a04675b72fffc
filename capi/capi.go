package capi

//go:generate go run ../shim/gen

/*
#cgo CFLAGS: -I${SRCDIR}/../shim -I${SRCDIR}/.. -std=gnu11 -O2 -g -Wall -Werror -Wno-unused-function -fvisibility=hidden
#cgo LDFLAGS: -ldl -lm -lpthread
#include "capi.h"
*/
import "C"

// APICoverage lists the API names GetApi serves and the ones it refuses.
func APICoverage() (served, missing []string) {
	for i := 0; i < int(C.mh_api_count_served()); i++ {
		served = append(served, C.GoString(C.mh_api_served_name(C.int(i))))
	}
	for i := 0; i < int(C.mh_api_count_unserved()); i++ {
		missing = append(missing, C.GoString(C.mh_api_unserved_name(C.int(i))))
	}
	return served, missing
}

// AllocatedBytes reports the bytes modules hold through RedisModule_Alloc.
func AllocatedBytes() int64 { return int64(C.mh_alloc_used()) }

func init() {
	// Keep libm referenced so modules built without -lm find it.
	_ = C.mh_keep_libm(1)
}
