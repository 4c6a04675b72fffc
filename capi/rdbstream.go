package capi

/*
#include "capi.h"
*/
import "C"

import (
	"sync"
	"syscall"
)

// RdbStreamHooks carry out RM_RdbLoad and RM_RdbSave for a host: each
// takes the stream's file name and returns 0 or the errno to report.
// They run with the execution lock held.
type RdbStreamHooks struct {
	Load func(path string) syscall.Errno
	Save func(path string) syscall.Errno
}

// rdbStreamHooks holds each host's hooks (the persistence layer sets
// them at start-up).
var rdbStreamHooks sync.Map // *Host -> RdbStreamHooks

// SetRdbStreamHooks installs the persistence layer's RdbLoad/RdbSave.
func (h *Host) SetRdbStreamHooks(hk RdbStreamHooks) { rdbStreamHooks.Store(h, hk) }

func rdbHooks() (RdbStreamHooks, bool) {
	h, _ := anyHost.Load().(*Host)
	if h == nil {
		return RdbStreamHooks{}, false
	}
	v, ok := rdbStreamHooks.Load(h)
	if !ok {
		return RdbStreamHooks{}, false
	}
	return v.(RdbStreamHooks), true
}

//export goRdbLoad
func goRdbLoad(path *C.char) C.int {
	hk, ok := rdbHooks()
	if !ok || hk.Load == nil {
		return C.int(syscall.ENOTSUP)
	}
	return C.int(hk.Load(C.GoString(path)))
}

//export goRdbSave
func goRdbSave(path *C.char) C.int {
	hk, ok := rdbHooks()
	if !ok || hk.Save == nil {
		return C.int(syscall.ENOTSUP)
	}
	return C.int(hk.Save(C.GoString(path)))
}
