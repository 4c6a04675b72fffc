package capi

/*
#include "capi.h"
*/
import "C"

import (
	"strings"
	"syscall"
	"unsafe"

	"modhost/engine"
	"modhost/resp"
)

// RM_Call flag bits, as shim/call.c sets them.
const (
	callReplicate  = 1 << 0
	callNoAOF      = 1 << 1
	callNoReplicas = 1 << 2
	callResp3      = 1 << 3
	callRespAuto   = 1 << 4
	callCheckACL   = 1 << 5
	callScript     = 1 << 6
	callNoWrites   = 1 << 7
	callCheckOOM   = 1 << 8
	callErrors     = 1 << 9
	callDryRun     = 1 << 10
	callBlocking   = 1 << 11
)

// callClient returns the fake client RM_Call runs commands on. Each module
// has one, as Redis keeps one per module context.
func (m *Module) callClient() *engine.Client {
	if m.fake == nil {
		m.fake = m.host.Eng.NewFakeClient()
		m.fake.Flags |= engine.ClientModule
		registerClient(m.host, m.fake)
	}
	return m.fake
}

// call runs args for RM_Call and returns the reply bytes, or an errno
// when the command could not run and the caller did not ask for errors as
// replies ("E"). With "K" a command that blocks returns its waiting
// client instead of a reply (see asyncCall).
func call(m *Module, caller *clientRef, callerResp, db int, args [][]byte, flags int) ([]byte, syscall.Errno, *engine.Client) {
	var h *Host
	switch {
	case m != nil:
		h = m.host
	case caller != nil:
		h = caller.h
	default:
		v, _ := anyHost.Load().(*Host)
		h = v
	}
	if h == nil {
		return nil, syscall.EINVAL, nil
	}
	eng := h.Eng
	fail := func(e syscall.Errno, msg string) ([]byte, syscall.Errno, *engine.Client) {
		if flags&callErrors != 0 {
			w := resp.New(2)
			w.Error(msg)
			return w.Buf, 0, nil
		}
		return nil, e, nil
	}
	if h.filtersActive() {
		// Filters see RM_Call lines too, as the module's call client.
		var id int64
		if m != nil {
			id = m.callClient().ID
		}
		if args = runFilters(id, args); len(args) == 0 {
			return fail(syscall.ENOENT, "ERR unknown command '', with args beginning with: ")
		}
	}
	cmd, msg := eng.Lookup(args)
	if cmd == nil {
		if strings.HasPrefix(msg, "ERR wrong number") {
			return fail(syscall.EINVAL, msg)
		}
		return fail(syscall.ENOENT, msg)
	}
	cmdFlags := eng.FlagsOf(cmd, args)
	if flags&callScript != 0 && cmd.Flags&engine.FlagNoScript != 0 {
		return fail(syscall.ESPIPE, "ERR command '"+cmd.FullName()+"' is not allowed on script mode")
	}
	if flags&callCheckOOM != 0 && cmdFlags&engine.FlagDenyOOM != 0 && eng.Settings.MaxMemory > 0 {
		// Within a command the verdict taken before it started counts (its
		// own allocations must not fail its nested calls); from a thread
		// or timer, the memory now.
		oom := eng.Memory.PreCommandOOM
		if caller == nil && eng.Memory.State != nil {
			oom, _ = eng.Memory.State()
		}
		if oom {
			return fail(syscall.ENOSPC, engine.MsgOOM)
		}
	}
	if flags&callNoWrites != 0 && cmdFlags&engine.FlagWrite != 0 {
		return fail(syscall.ENOSPC, "ERR Write command '"+cmd.FullName()+"' was called while write is not allowed.")
	}
	if flags&callScript != 0 && cmdFlags&engine.FlagWrite != 0 && eng.ReplRole != nil &&
		(caller == nil || caller.c.Flags&engine.ClientMaster == 0) {
		// Script mode refuses writes on a read-only replica too.
		if replica, readOnly := eng.ReplRole(); replica && readOnly {
			return fail(syscall.ESPIPE, "READONLY You can't write against a read only replica.")
		}
	}
	if flags&callScript != 0 && cmdFlags&engine.FlagWrite != 0 {
		// Script mode refuses writes the way a client is refused while
		// persistence fails (the master's stream is obeyed regardless).
		if msg := eng.WriteDeniedByDisk(); msg != "" && (caller == nil || caller.c.Flags&engine.ClientMaster == 0) {
			return fail(syscall.ESPIPE, msg)
		}
	}
	// With "C" the command runs as the user checked (a script it runs
	// checks its own commands against that user too).
	var user any
	if flags&callCheckACL != 0 {
		reply, e, ok, u := callACL(h, caller, cmd, args, flags)
		if !ok {
			return reply, e, nil
		}
		user = u
	}
	if flags&callDryRun != 0 {
		return nil, 0, nil
	}

	var fc *engine.Client
	async := flags&callBlocking != 0 && m != nil
	switch {
	case async:
		// A call allowed to block runs on a client of its own: if it
		// parks, that client waits with the promise while the module's
		// call client goes on serving other calls. The placeholder hook
		// marks it as one that may block.
		fc = h.tempClient(-1)
		fc.OnUnblocked = func() {}
	case m != nil:
		fc = m.callClient()
	default:
		fc = eng.NewFakeClient()
	}
	proto := 2
	if flags&callResp3 != 0 {
		proto = 3
	} else if flags&callRespAuto != 0 {
		proto = callerResp
	}
	fc.SetProto(proto)
	if caller != nil {
		fc.DB = caller.c.DB
		if caller.c.Flags&(engine.ClientMulti|engine.ClientExecuting) != 0 {
			fc.Flags |= engine.ClientExecuting
		}
	} else if db >= 0 && db < len(eng.KS.DBs) {
		fc.DB = eng.KS.DBs[db]
	}
	if flags&callBlocking == 0 {
		fc.Flags |= engine.ClientDenyBlocking
	}
	// Without "M" the call ignores maxmemory, a script it runs included.
	prevAllowOOM := fc.Flags & engine.ClientAllowOOM
	if flags&callCheckOOM == 0 {
		fc.Flags |= engine.ClientAllowOOM
	} else {
		fc.Flags &^= engine.ClientAllowOOM
	}
	fc.W.Reset()
	prevUser := fc.ACLUser
	if user != nil {
		fc.ACLUser = user
	}
	// "!" propagates the call like a client's command; "A" and "R" leave
	// out the AOF or the replicas. Without "!" nothing the command does
	// propagates, nested calls and RM_Replicate included. The module's
	// call client may be in use by an outer RM_Call (a notification
	// callback calling back), so its target is restored afterwards.
	allowed := eng.AllowPropagation(flags&callReplicate != 0)
	prevTarget := fc.PropTarget
	fc.PropTarget = 0
	if flags&callReplicate != 0 {
		fc.PropTarget = engine.PropAll
		if flags&callNoAOF != 0 {
			fc.PropTarget &^= engine.PropAOF
		}
		if flags&callNoReplicas != 0 {
			fc.PropTarget &^= engine.PropRepl
		}
	}
	eng.Call(fc, cmd, args)
	fc.ACLUser = prevUser
	fc.Flags = fc.Flags&^engine.ClientAllowOOM | prevAllowOOM
	eng.RestorePropagation(allowed)
	if async {
		if fc.Blocked != nil {
			// Served later: the client keeps its propagation target.
			return nil, 0, fc
		}
		fc.OnUnblocked = nil
		releaseTemp(fc)
	}
	fc.PropTarget = prevTarget
	fc.Flags &^= engine.ClientExecuting | engine.ClientDenyBlocking
	out := append([]byte(nil), fc.W.Buf...)
	fc.W.Reset()
	return out, 0, nil
}

// asyncCall is a blocked RM_Call "K": the client parked on the command and
// the C promise (shim/call.c) its reply goes to.
type asyncCall struct {
	h *Host
	c *engine.Client
	p *C.mh_promise
}

// asyncCalls holds the blocked calls by promise, for
// RM_CallReplyPromiseAbort. Execution lock held.
var asyncCalls = map[*C.mh_promise]*asyncCall{}

// startAsync ties the parked client fc to a new promise of module m and
// returns the promise. Its wait is watched by a goroutine of its own (a
// timeout or a module's UnblockClient need one); being served, timing out
// or being woken all end in deliver. Lock held.
func startAsync(h *Host, m *Module, fc *engine.Client) *C.mh_promise {
	ac := &asyncCall{h: h, c: fc, p: C.mh_promise_new(m.c)}
	asyncCalls[ac.p] = ac
	fc.OnUnblocked = ac.deliver
	go h.Eng.WaitBlocked(fc, func() <-chan struct{} { return nil })
	return ac.p
}

// deliver hands the finished call's reply to the module's unblock handler,
// in a context on a temporary client of the call's db. Lock held.
func (ac *asyncCall) deliver() {
	delete(asyncCalls, ac.p)
	fc := ac.c
	releaseTemp(fc)
	out := fc.W.Buf
	buf := C.mh_malloc_copy(unsafe.Pointer(unsafe.SliceData(append(out, 0))), C.size_t(len(out)))
	fc.W.Reset()
	tc := ac.h.tempClient(fc.DB.ID)
	C.mh_promise_unblocked(ac.p, C.uint64_t(tc.ID), C.int(fc.DB.ID), (*C.char)(buf), C.size_t(len(out)))
	releaseTemp(tc)
}

// abortAsync ends the blocked call of promise p without a reply. It
// reports false when the call is no longer waiting. Lock held.
func abortAsync(p *C.mh_promise) bool {
	ac := asyncCalls[p]
	if ac == nil || ac.c.Blocked == nil {
		return false
	}
	delete(asyncCalls, p)
	ac.c.OnUnblocked = nil
	ac.h.Eng.AbortBlocked(ac.c)
	releaseTemp(ac.c)
	return true
}
