package capi

/*
#include "capi.h"
*/
import "C"

import (
	"unsafe"

	"modhost/keyspace"
)

// eventKey is REDISMODULE_EVENT_KEY: a key about to be removed. Its
// subevents (deleted, expired, evicted, overwritten) are the keyspace's
// Removed* reasons, in the same order.
const eventKey = 17

// fireKeyRemoving is the keyspace's Removing hook: listeners of the KEY
// event get the key opened on the value it still holds, then a module
// value's unlink callback runs.
func (h *Host) fireKeyRemoving(db *keyspace.DB, key string, e *keyspace.Entry, why int) {
	if mv, ok := e.Val.(*keyspace.ModuleValue); ok {
		if t, ok := mv.Type.(*dataType); ok && t.caps&capUnlink != 0 {
			defer func() {
				// after the KEY event, as Redis orders them
				kb := []byte(key + "\x00")
				C.mh_invoke_unlink(t.c, bufPtr(kb), C.size_t(len(key)), C.int(db.ID), cptr(mv.Ptr))
			}()
		}
	}
	if !h.hasListeners(eventKey) {
		return
	}
	name := []byte(key + "\x00")
	for _, l := range append([]*listener(nil), h.ev().listeners...) {
		if l.id != eventKey || l.cb == nil {
			continue
		}
		tc := h.tempClient(db.ID)
		C.mh_invoke_key_event(l.cb, l.m.c, C.uint64_t(tc.ID), C.int(db.ID), C.uint64_t(l.dataver), C.uint64_t(why),
			(*C.char)(unsafe.Pointer(&name[0])), C.size_t(len(key)))
		releaseTemp(tc)
	}
}

// moduleMemoryUsage is MEMORY USAGE's (and eviction's) size of a module
// value: its type's mem_usage2 sees the key, the db and the sample count.
func moduleMemoryUsage(db *keyspace.DB, key string, e *keyspace.Entry, samples int64) (int64, bool) {
	mv, ok := e.Val.(*keyspace.ModuleValue)
	if !ok {
		return 0, false
	}
	t, ok := mv.Type.(*dataType)
	if !ok {
		return 0, false
	}
	return 16 + int64(t.memUsageOf(mv.Ptr, key, db.ID, samples)), true
}
