package capi

/*
#include "capi.h"
*/
import "C"

import "unsafe"

// Propagation: module effects go to engine.Server.Propagate, the hook the
// AOF and replication layers listen on. Without a listener (no AOF, no
// replicas) Redis drops them too.

//export goReplicate
func goReplicate(client C.uint64_t, db C.int, buf *C.char, lens *C.size_t, argc, flags C.int) C.int {
	defer guard("Replicate")
	h, _ := hostFor(client)
	if h == nil {
		return C.REDISMODULE_ERR
	}
	ls := unsafe.Slice(lens, int(argc))
	args := make([][]byte, int(argc))
	off := 0
	for i := range args {
		args[i] = C.GoBytes(unsafe.Add(unsafe.Pointer(buf), off), C.int(ls[i]))
		off += int(ls[i])
	}
	if h.Eng.Commands.Lookup(args[0]) == nil {
		return C.REDISMODULE_ERR
	}
	if p := h.Eng.Propagate; p != nil {
		p(int(db), args)
	}
	return C.REDISMODULE_OK
}

//export goReplicateVerbatim
func goReplicateVerbatim(client C.uint64_t, db C.int) {
	defer guard("ReplicateVerbatim")
	ref := lookupClient(client)
	if ref == nil || ref.h.Eng.Propagate == nil || ref.c.CurrentArgs == nil {
		return
	}
	ref.h.Eng.Propagate(int(db), ref.c.CurrentArgs)
}
