package capi

/*
#include <stdlib.h>
#include "capi.h"

void mh_fork_clear(void);
void mh_invoke_fork_done(void *cb, mh_module *m, int exitcode, int bysignal, void *user_data);
int mh_fork_read_info(int fd, void *buf, int *nread, int *type, double *progress, uint64_t *cow,
                      int64_t *cow_updated);
int mh_fork_info_size(void);
long long mh_fork_mono_us(void);
*/
import "C"

import (
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"

	"modhost/engine"
)

// The parent's side of RedisModule_Fork (the child side is all C, in
// shim/fork.c). modhost forks for nothing else: BGSAVE and BGREWRITEAOF
// snapshot under the lock and write without a child process, so they
// neither block a module fork nor are blocked by one.

// Server event ForkChild and its subevents.
const (
	eventForkChild   = 13
	forkChildBorn    = 0
	forkChildDied    = 1
	childKilledRet   = 255 // the child's exit code after SIGUSR1 (shim/fork.c)
	childInfoCurrent = 0   // info record kinds (shim/fork.c)
	childInfoCow     = 1
)

// forkChild is the live module child.
type forkChild struct {
	h      *Host
	handle uint64
	pid    int
	cb, ud unsafe.Pointer
	// infoFd is the parent's (non-blocking) end of the info pipe; buf and
	// nread hold a partly read record.
	infoFd int
	buf    unsafe.Pointer
	nread  C.int
	// exited is closed once the reaper has collected the child.
	exited chan struct{}
	status unix.WaitStatus

	cowPeak, cowSize uint64
	cowUpdated       int64 // monotonic microseconds of the last CoW reading
	progress         float64
	keysTotal        int64
}

// forkState is process-wide, like the child itself. mu guards it and
// each host's forkStats; module code never runs while mu is held (a done
// handler may fork again).
var forkState struct {
	mu    sync.Mutex
	cur   *forkChild
	stats map[*Host]*forkStats
}

// forkStats are one server's fork counters.
type forkStats struct {
	lastCow    uint64 // module_fork_last_cow_size
	total      int64  // total_forks
	latestUsec int64  // latest_fork_usec
}

// statsOf returns h's counters; forkState.mu held.
func statsOf(h *Host) *forkStats {
	if forkState.stats == nil {
		forkState.stats = map[*Host]*forkStats{}
	}
	st := forkState.stats[h]
	if st == nil {
		st = &forkStats{}
		forkState.stats[h] = st
	}
	return st
}

func currentFork() *forkChild {
	forkState.mu.Lock()
	defer forkState.mu.Unlock()
	return forkState.cur
}

// logTarget is what a logger offers a fork child: the descriptor its
// lines go to and the verbosity (server.Logger has both).
type logTarget interface {
	File() (fd int, ok bool)
	Level() int
}

//export goForkBegin
func goForkBegin(handle C.uint64_t, logfd, level, ctxflags *C.int) C.int {
	defer guard("Fork")
	if currentFork() != nil {
		return C.int(syscall.EEXIST)
	}
	h := hostOf(handle)
	if h == nil {
		return C.int(syscall.EINVAL)
	}
	*logfd, *level = -1, C.int(levelNotice)
	if lt, ok := h.Log.(logTarget); ok {
		if fd, ok := lt.File(); ok {
			*logfd = C.int(fd)
		}
		*level = C.int(lt.Level())
	}
	// Server-wide flags, for GetContextFlags in the child (RESP3 is per
	// context and the child adds IS_CHILD).
	*ctxflags = goGetContextFlags(0, 2, 0) &^ (1 << 22)
	return 0
}

//export goForkStarted
func goForkStarted(handle C.uint64_t, pid, infoFd C.int, cb, ud unsafe.Pointer, usec C.longlong) {
	defer guard("Fork")
	h := hostOf(handle)
	fc := &forkChild{
		h: h, handle: uint64(handle), pid: int(pid), cb: cb, ud: ud,
		infoFd: int(infoFd), buf: C.calloc(1, C.size_t(C.mh_fork_info_size())),
		exited: make(chan struct{}),
	}
	for _, db := range h.Eng.KS.DBs {
		fc.keysTotal += int64(db.Len())
	}
	forkState.mu.Lock()
	forkState.cur = fc
	st := statsOf(h)
	st.total++
	st.latestUsec = int64(usec)
	forkState.mu.Unlock()
	h.Eng.Info.Fork = h.forkStatus
	go fc.reap()
	h.fire(eventForkChild, forkChildBorn, nil, 0, nil, nil)
	h.Log.Logf(levelVerbose, "Module fork started pid: %d ", int(pid))
}

//export goKillForkChild
func goKillForkChild(pid C.int) C.int {
	defer guard("KillForkChild")
	fc := currentFork()
	if fc == nil || fc.pid != int(pid) {
		return 0
	}
	fc.terminate(true)
	return 1
}

// terminate stops the child with SIGUSR1 (waiting for it to go when wait
// is set) and forgets it without calling the done handler, as Redis's
// TerminateModuleForkChild. Lock held.
func (fc *forkChild) terminate(wait bool) {
	fc.h.Log.Logf(levelVerbose, "Killing running module fork child: %d", fc.pid)
	if unix.Kill(fc.pid, unix.SIGUSR1) == nil && wait {
		<-fc.exited
	}
	fc.reset()
}

// KillForkChildOnShutdown stops a running module child before the server
// exits, as Redis's shutdown does. Lock held.
func (h *Host) KillForkChildOnShutdown() {
	fc := currentFork()
	if fc == nil || fc.h != h {
		return
	}
	h.Log.Logf(levelWarning, "There is a module fork child. Killing it!")
	fc.terminate(false)
}

// reap waits for the child to exit, then, under the lock, reports it to
// the module unless KillForkChild got there first.
func (fc *forkChild) reap() {
	var ws unix.WaitStatus
	for {
		_, err := unix.Wait4(fc.pid, &ws, 0, nil)
		if err != unix.EINTR {
			break
		}
	}
	fc.status = ws
	close(fc.exited)

	h := fc.h
	h.Eng.Lock.Lock()
	defer h.Eng.Lock.Unlock()
	if currentFork() != fc {
		return // killed: already forgotten
	}
	exitcode, bysignal := -1, 0
	if ws.Exited() {
		exitcode = ws.ExitStatus()
	}
	if ws.Signaled() {
		bysignal = int(ws.Signal())
	}
	// The SIGUSR1 handler's clean exit still counts as killed by SIGUSR1.
	if exitcode == childKilledRet {
		bysignal, exitcode = int(unix.SIGUSR1), 1
	}
	h.Log.Logf(levelNotice, "Module fork exited pid: %d, retcode: %d, bysignal: %d", fc.pid, exitcode, bysignal)
	// What the handler and the died event propagate goes out as one unit,
	// as for a timer.
	h.Eng.BeginUnit()
	defer h.Eng.EndUnit()
	// The handler's code is gone if its module was unloaded meanwhile.
	if m := lookupModule(C.uint64_t(fc.handle)); fc.cb != nil && m != nil {
		C.mh_invoke_fork_done(fc.cb, m.c, C.int(exitcode), C.int(bysignal), fc.ud)
	}
	if bysignal == 0 && exitcode == 0 {
		fc.drainInfo()
	}
	fc.reset()
}

// drainInfo reads every complete record the child sent (Redis's
// receiveChildInfo). Lock held.
func (fc *forkChild) drainInfo() {
	if fc.infoFd < 0 {
		return
	}
	for {
		var typ C.int
		var progress C.double
		var cow C.uint64_t
		var updated C.int64_t
		if C.mh_fork_read_info(C.int(fc.infoFd), fc.buf, &fc.nread, &typ, &progress, &cow, &updated) == 0 {
			return
		}
		if uint64(cow) > fc.cowPeak {
			fc.cowPeak = uint64(cow)
		}
		switch typ {
		case childInfoCurrent:
			fc.cowSize = uint64(cow)
			fc.cowUpdated = int64(updated)
			if float64(progress) != -1 {
				fc.progress = float64(progress)
			}
		case childInfoCow:
			forkState.mu.Lock()
			statsOf(fc.h).lastCow = fc.cowPeak
			forkState.mu.Unlock()
		}
	}
}

// reset forgets the child and tells the modules it died. Lock held.
func (fc *forkChild) reset() {
	forkState.mu.Lock()
	if forkState.cur != fc {
		forkState.mu.Unlock()
		return
	}
	forkState.cur = nil
	forkState.mu.Unlock()
	C.mh_fork_clear()
	if fc.infoFd >= 0 {
		unix.Close(fc.infoFd)
		fc.infoFd = -1
	}
	C.free(fc.buf)
	fc.buf = nil
	fc.h.fire(eventForkChild, forkChildDied, nil, 0, nil, nil)
}

// forkStatus is the engine's INFO hook. It first reads what the child
// sent since the last look, so heartbeats show at once. Lock held.
func (h *Host) forkStatus() engine.ForkStatus {
	fc := currentFork()
	if fc != nil && fc.h != h {
		fc = nil // another server's child (several servers in one process)
	}
	if fc != nil {
		fc.drainInfo()
	}
	forkState.mu.Lock()
	c := statsOf(h)
	st := engine.ForkStatus{LastCowSize: c.lastCow, TotalForks: c.total, LatestForkUsec: c.latestUsec}
	forkState.mu.Unlock()
	if fc == nil {
		return st
	}
	st.InProgress = true
	st.CowPeak, st.CowSize, st.KeysTotal = fc.cowPeak, fc.cowSize, fc.keysTotal
	if fc.cowUpdated != 0 {
		st.CowAge = (int64(C.mh_fork_mono_us()) - fc.cowUpdated) / 1e6
	}
	if fc.progress != 0 {
		st.Perc = fc.progress * 100
	}
	return st
}
