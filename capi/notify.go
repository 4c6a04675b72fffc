package capi

/*
#include <stdlib.h>
#include "capi.h"
#include "events.h"
*/
import "C"

import (
	"unsafe"

	"modhost/keyspace"
)

// ksub is a module's keyspace notification subscription.
type ksub struct {
	m      *Module
	mask   int
	cb     unsafe.Pointer
	active bool // inside its own callback: events it causes are not delivered
}

// postJob is a RM_AddPostNotificationJob job.
type postJob struct {
	m        *Module
	db       int
	cb, free unsafe.Pointer
	pd       unsafe.Pointer
}

// optionNestedNotifications is REDISMODULE_OPTIONS_ALLOW_NESTED_KEYSPACE_NOTIFICATIONS.
const optionNestedNotifications = 1 << 3

// keyspaceEvent delivers a keyspace event to the module subscribers whose
// class mask matches, before notify-keyspace-events filtering (an engine
// NotifyHooks entry).
func (h *Host) keyspaceEvent(db *keyspace.DB, class int, event, key string) {
	ev := h.ev()
	if len(ev.ksubs) == 0 {
		return
	}
	class &^= keyspace.NotifyKeyspace | keyspace.NotifyKeyevent
	var cevent *C.char
	for _, s := range append([]*ksub(nil), ev.ksubs...) {
		if s.mask&class == 0 || (s.active && s.m.Options&optionNestedNotifications == 0) {
			continue
		}
		if cevent == nil {
			cevent = C.CString(event)
			defer C.free(unsafe.Pointer(cevent))
		}
		kb := []byte(key)
		tc := h.tempClient(db.ID)
		wasActive := s.active
		s.active = true
		C.mh_invoke_notify(s.cb, s.m.c, C.uint64_t(tc.ID), C.int(db.ID), C.int(class), cevent, bufPtr(kb), C.size_t(len(kb)))
		s.active = wasActive
		releaseTemp(tc)
	}
}

// runJobs runs the queued post-notification jobs, including the ones they
// queue, unless jobs are already running further up the stack. It runs at
// the end of every top-level command and event callback.
func (h *Host) runJobs() {
	ev := h.ev()
	if ev.inJobs || len(ev.jobs) == 0 {
		return
	}
	ev.inJobs = true
	defer func() { ev.inJobs = false }()
	for len(ev.jobs) > 0 {
		j := ev.jobs[0]
		ev.jobs = ev.jobs[1:]
		tc := h.tempClient(j.db)
		C.mh_invoke_job(j.cb, j.free, j.m.c, C.uint64_t(tc.ID), C.int(j.db), j.pd)
		releaseTemp(tc)
	}
}
