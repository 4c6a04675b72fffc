package capi

/*
#include "capi.h"
*/
import "C"

import (
	"math"
	"sync"
	"time"
	"unsafe"

	"modhost/engine"
)

// blockState is the Go side of a RedisModuleBlockedClient.
type blockState struct {
	bc *C.RedisModuleBlockedClient
	h  *Host
	m  *Module
	c  *engine.Client
	b  *engine.Block
	// parked is true while the client waits; once false (served, timed
	// out, gone) a later UnblockClient only frees the handle.
	parked bool
}

// blocks holds live blocked-client handles. UnblockClient arrives from
// module threads without the execution lock, hence the mutex.
var blocks = struct {
	sync.Mutex
	m    map[uint64]*blockState
	next uint64
}{m: map[uint64]*blockState{}}

// replyBytes copies a shim buffer into the client's reply.
func replyBytes(c *engine.Client, s *engine.Server, buf *C.mh_buf) {
	if buf.len == 0 {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(buf.data)), int(buf.len))
	c.W.Raw(b)
	if b[0] == '-' {
		s.CountError("ERR")
	}
}

//export goBlockClient
func goBlockClient(modh, client C.uint64_t, bc *C.RedisModuleBlockedClient, timeoutMs C.longlong, keybuf *C.char, keylens *C.size_t, numkeys, flags C.int, errOut *C.int) C.uint64_t {
	defer guard("BlockClient")
	ref := lookupClient(client)
	m := lookupModule(modh)
	if ref == nil || (ref.c.Conn == nil && ref.c.OnUnblocked == nil) {
		// No connection to park (RM_Call without "K", timers): an already
		// aborted block.
		return 0
	}
	c := ref.c
	if c.Flags&(engine.ClientMulti|engine.ClientExecuting|engine.ClientDenyBlocking) != 0 {
		*errOut = 1
		return 0
	}
	var deadline time.Time
	if timeoutMs > 0 {
		if int64(timeoutMs) > math.MaxInt64-time.Now().UnixMilli() {
			*errOut = 3
			return 0
		}
		deadline = time.Now().Add(time.Duration(timeoutMs) * time.Millisecond)
	}
	st := &blockState{bc: bc, h: ref.h, m: m, c: c, parked: true}
	b := &engine.Block{DB: c.DB, Deadline: deadline, Kind: "module", NoUnblock: C.mh_bc_has_timeout(bc) == 0,
		// REDISMODULE_BLOCK_UNBLOCK_DELETED: a key's deletion (or change
		// of type) also runs the reply callback.
		UnblockOnNoKey: numkeys > 0 && flags&C.REDISMODULE_BLOCK_UNBLOCK_DELETED != 0}
	st.b = b
	if numkeys > 0 {
		ls := unsafe.Slice(keylens, int(numkeys))
		off := 0
		for _, l := range ls {
			b.Keys = append(b.Keys, C.GoStringN((*C.char)(unsafe.Add(unsafe.Pointer(keybuf), off)), C.int(l)))
			off += int(l)
		}
	}
	blocks.Lock()
	blocks.next++
	id := blocks.next
	blocks.m[id] = st
	blocks.Unlock()
	if m != nil {
		m.blocked++
	}
	eng := ref.h.Eng
	b.Resume = func() { st.finish(id, func(out *C.mh_buf) { C.mh_bc_unblocked(bc, out) }, true) }
	b.Timeout = func() {
		if C.mh_bc_is_unblocked(bc) != 0 {
			st.finish(id, func(out *C.mh_buf) { C.mh_bc_unblocked(bc, out) }, true)
			return
		}
		// Only blocks on keys are done; others wait for UnblockClient.
		st.finish(id, func(out *C.mh_buf) { C.mh_bc_timeout(bc, out) }, C.mh_bc_on_keys(bc) != 0)
	}
	b.Disconnected = func() {
		C.mh_bc_disconnected(bc)
		st.finish(id, nil, C.mh_bc_on_keys(bc) != 0)
	}
	if numkeys > 0 {
		b.TryServe = func(key string) bool {
			var out C.mh_buf
			kb := []byte(key + "\x00")
			rc := C.mh_bc_key_ready(bc, bufPtr(kb), C.size_t(len(key)), &out)
			if rc != C.REDISMODULE_OK {
				C.mh_buf_free(&out)
				return false
			}
			replyBytes(c, eng, &out)
			C.mh_buf_free(&out)
			st.finish(id, nil, true)
			return true
		}
	}
	// The module's reply, timeout and disconnect callbacks run as part of
	// the blocked command: ReplicateVerbatim there replicates that
	// command, as Redis keeps the client's argv while it is blocked.
	cmd, args := c.CurrentCmd, c.CurrentArgs
	if args != nil {
		args = make([][]byte, len(c.CurrentArgs))
		for i, a := range c.CurrentArgs {
			args[i] = append([]byte(nil), a...)
		}
	}
	asCommand := func(fn func()) func() {
		return func() {
			prevCmd, prevArgs := c.CurrentCmd, c.CurrentArgs
			c.CurrentCmd, c.CurrentArgs = cmd, args
			fn()
			c.CurrentCmd, c.CurrentArgs = prevCmd, prevArgs
		}
	}
	b.Resume, b.Timeout, b.Disconnected = asCommand(b.Resume), asCommand(b.Timeout), asCommand(b.Disconnected)
	if serve := b.TryServe; serve != nil {
		b.TryServe = func(key string) (ok bool) {
			asCommand(func() { ok = serve(key) })()
			return ok
		}
	}
	eng.BlockClient(c, b)
	return C.uint64_t(id)
}

// finish runs a callback that writes the client's reply and ends the
// park; free also releases the handle (the module is done with it).
func (st *blockState) finish(id uint64, run func(out *C.mh_buf), free bool) {
	if run != nil {
		var out C.mh_buf
		run(&out)
		replyBytes(st.c, st.h.Eng, &out)
		C.mh_buf_free(&out)
	}
	if st.b != nil {
		// after the callback: a timeout callback may end a measurement
		st.b.Background = time.Duration(C.mh_bc_measured(st.bc)) * time.Microsecond
	}
	blocks.Lock()
	st.parked = false
	if free {
		delete(blocks.m, id)
	}
	blocks.Unlock()
	if free {
		if st.m != nil {
			st.m.blocked--
		}
		C.mh_bc_free(st.bc)
	}
}

//export goUnblockClient
func goUnblockClient(handle C.uint64_t, bc *C.RedisModuleBlockedClient, modh C.uint64_t) {
	defer guard("UnblockClient")
	blocks.Lock()
	st := blocks.m[uint64(handle)]
	if st != nil && st.parked {
		b := st.b
		blocks.Unlock()
		if b == nil {
			b = st.c.Blocked
		}
		if b != nil {
			b.Wake()
		}
		return
	}
	if st != nil {
		delete(blocks.m, uint64(handle))
	}
	blocks.Unlock()
	// Nobody is parked: free the private data and the handle under the
	// lock, later (the caller may hold the lock right now).
	var h *Host
	if m := lookupModule(modh); m != nil {
		h = m.host
	} else {
		h, _ = anyHost.Load().(*Host)
	}
	if h == nil {
		return
	}
	go func() {
		h.Eng.Lock.Lock()
		defer h.Eng.Lock.Unlock()
		C.mh_bc_release_unparked(bc)
		if st != nil && st.m != nil {
			st.m.blocked--
		}
		C.mh_bc_free(bc)
	}()
}

//export goSignalKeyAsReady
func goSignalKeyAsReady(client C.uint64_t, db C.int, key *C.char, n C.size_t) {
	defer guard("SignalKeyAsReady")
	h, _ := hostFor(client)
	if h == nil || int(db) < 0 || int(db) >= len(h.Eng.KS.DBs) {
		return
	}
	h.Eng.KS.DBs[db].Ready(C.GoStringN(key, C.int(n)))
}

// engineFor picks the server of a thread-safe context: its module's.
func engineFor(modh C.uint64_t) *engine.Server {
	if m := lookupModule(modh); m != nil {
		return m.host.Eng
	}
	if h, _ := anyHost.Load().(*Host); h != nil {
		return h.Eng
	}
	return nil
}

//export goThreadSafeLock
func goThreadSafeLock(modh C.uint64_t, try C.int) C.int {
	defer guard("ThreadSafeContextLock")
	eng := engineFor(modh)
	if eng == nil {
		return 0
	}
	if try != 0 {
		if !eng.Lock.TryLock() {
			return 0
		}
		eng.BeginUnit()
		return 1
	}
	eng.Lock.Lock()
	// Lock to unlock is one execution unit, as in Redis.
	eng.BeginUnit()
	return 1
}

//export goThreadSafeUnlock
func goThreadSafeUnlock(modh C.uint64_t) {
	defer guard("ThreadSafeContextUnlock")
	eng := engineFor(modh)
	if eng == nil {
		return
	}
	eng.EndUnit()
	eng.ServeReadyKeys()
	eng.Lock.Unlock()
}
