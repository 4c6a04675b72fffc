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
// event get the key opened on the value it still holds.
func (h *Host) fireKeyRemoving(db *keyspace.DB, key string, _ *keyspace.Entry, why int) {
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
