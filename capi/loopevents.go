package capi

/*
#include "capi.h"
*/
import "C"

import "time"

// The EventLoop server event. modhost has no single event loop: each
// connection's batch takes the execution lock, runs, and lets go. A batch
// is therefore the iteration modules see: AFTER_SLEEP as it takes the
// lock, BEFORE_SLEEP as it releases it, so the two counts are equal while
// a command runs and grow between commands, as in Redis.

const (
	eventEventLoop = 15
	subBeforeSleep = 0
	subAfterSleep  = 1
)

// initLoopEvents installs the engine's sleep hooks. They cost a scan of
// the (few) listeners per batch when no module listens.
func (h *Host) initLoopEvents() {
	h.Eng.Hooks.BeforeSleep = func() { h.fireLoop(subBeforeSleep) }
	h.Eng.Hooks.AfterSleep = func() { h.fireLoop(subAfterSleep) }
}

func (h *Host) fireLoop(sub uint64) {
	if h.hasListeners(eventEventLoop) {
		h.fire(eventEventLoop, sub, nil, 0, nil, nil)
	}
}

// yieldState paces RM_Yield: the first yield of a command that lets
// clients in comes busy-reply-threshold after the command started, later
// ones at most hz times a second, as Redis paces it per context.
var yieldState struct {
	cmdStart int64 // CmdStartUS of the command the pacing belongs to; -1 while loading
	next     int64 // wall-clock microseconds of the next allowed yield
}

//export goYield
func goYield(flags C.int, reply *C.char) {
	defer guard("Yield")
	h, _ := anyHost.Load().(*Host)
	if h == nil {
		return
	}
	eng := h.Eng
	now := time.Now().UnixMicro()
	hz := int64(eng.Settings.Hz)
	if hz <= 0 {
		hz = 10
	}
	if eng.Persist.Loading != nil && eng.Persist.Loading() {
		// While loading (a module type's rdb_load), yields come hz times
		// a second from the start and other clients get -LOADING, not
		// BUSY; allow-loading commands run, as in Redis.
		if yieldState.cmdStart == -1 && now < yieldState.next {
			return
		}
		yieldState.cmdStart, yieldState.next = -1, now+1_000_000/hz
		eng.HandOver()
		return
	}
	if start := eng.CmdStartUS.Load(); yieldState.cmdStart != start {
		threshold := int64(5000)
		if cfg := eng.Cfg(); cfg != nil {
			threshold = cfg.Int("busy-reply-threshold")
		}
		yieldState.cmdStart, yieldState.next = start, start+threshold*1000
	}
	if now < yieldState.next {
		return
	}
	yieldState.next = now + 1_000_000/hz
	// Without REDISMODULE_YIELD_FLAG_CLIENTS Redis runs only its own
	// events, and clients wait; modhost's clients wait on the lock anyway.
	if flags&C.REDISMODULE_YIELD_FLAG_CLIENTS == 0 {
		return
	}
	msg := "BUSY Redis is busy running a module command."
	if reply != nil {
		msg = "BUSY " + C.GoString(reply)
	}
	// Other clients' commands run now: those without allow-busy get the
	// BUSY error. The module's command goes on once the lock is back.
	prevReply := eng.BusyReply
	eng.BusyReply = msg
	eng.HandOver()
	eng.BusyReply = prevReply
}
