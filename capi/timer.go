package capi

/*
#include "capi.h"
#include "events.h"
*/
import "C"

import (
	"math/bits"
	"sort"
	"sync"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// modTimer is one RM_CreateTimer timer.
type modTimer struct {
	m    *Module
	due  int64 // unix microseconds
	db   int
	cb   unsafe.Pointer
	data unsafe.Pointer
}

// timerState holds a host's timers. The loop goroutine starts with the
// first timer and sleeps until the earliest one is due.
type timerState struct {
	byID    map[uint64]*modTimer
	wake    chan struct{}
	running bool
}

// timerID is Redis's id for a timer due at due: the due time in
// microseconds, byte-swapped (Redis keys its timer tree by the big-endian
// due time and hands that key out as the id).
func timerID(due int64) uint64 { return bits.ReverseBytes64(uint64(due)) }

// createTimer adds a timer for m, period ms from now, on db. Lock held.
func (h *Host) createTimer(m *Module, period int64, db int, cb, data unsafe.Pointer) uint64 {
	ts := &h.ev().timers
	if ts.byID == nil {
		ts.byID = map[uint64]*modTimer{}
		ts.wake = make(chan struct{}, 1)
	}
	due := time.Now().UnixMicro() + period*1000
	for {
		if _, taken := ts.byID[timerID(due)]; !taken {
			break
		}
		due++
	}
	id := timerID(due)
	ts.byID[id] = &modTimer{m: m, due: due, db: db, cb: cb, data: data}
	if !ts.running {
		ts.running = true
		go h.timerLoop()
	}
	select {
	case ts.wake <- struct{}{}:
	default:
	}
	return id
}

// timerLoop runs due timers in due order, each under the lock, and sleeps
// until the next one (or until a new timer may be earlier).
func (h *Host) timerLoop() {
	ts := &h.ev().timers
	for {
		h.Eng.Lock.Lock()
		h.runDueTimers()
		next := int64(-1)
		for _, t := range ts.byID {
			if next < 0 || t.due < next {
				next = t.due
			}
		}
		h.Eng.Lock.Unlock()
		if next < 0 {
			<-ts.wake
			continue
		}
		d := time.Duration(next-time.Now().UnixMicro()) * time.Microsecond
		if d <= 0 {
			continue
		}
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-ts.wake:
			t.Stop()
		}
	}
}

// runDueTimers fires every timer whose time has come, earliest first;
// timers the callbacks create that are already due fire in the same pass.
// Lock held.
func (h *Host) runDueTimers() {
	ts := &h.ev().timers
	for {
		now := time.Now().UnixMicro()
		var due []uint64
		for id, t := range ts.byID {
			if t.due <= now {
				due = append(due, id)
			}
		}
		if len(due) == 0 {
			return
		}
		sort.Slice(due, func(i, j int) bool { return ts.byID[due[i]].due < ts.byID[due[j]].due })
		id := due[0]
		t := ts.byID[id]
		tc := h.tempClient(t.db)
		// A timer callback is one execution unit: what it propagates goes
		// out together, in MULTI/EXEC when several.
		h.Eng.BeginUnit()
		C.mh_invoke_timer(t.cb, t.m.c, C.uint64_t(tc.ID), C.int(t.db), t.data)
		releaseTemp(tc)
		h.Eng.EndUnit()
		// Redis forgets the timer after its callback (it is still visible
		// to GetTimerInfo inside it).
		delete(ts.byID, id)
		h.runJobs()
	}
}

// holdsTimers reports whether m has a timer that has not fired (MODULE
// UNLOAD refuses then, as Redis does).
func (h *Host) holdsTimers(m *Module) bool {
	for _, t := range h.ev().timers.byID {
		if t.m == m {
			return true
		}
	}
	return false
}

// dropTimers forgets the timers of an unloaded module.
func (h *Host) dropTimers(m *Module) {
	ts := &h.ev().timers
	for id, t := range ts.byID {
		if t.m == m {
			delete(ts.byID, id)
		}
	}
}

// ---- event loop ---------------------------------------------------------

// fdSetSize is Redis's event loop size: maxclients plus its reserve of 128.
func fdSetSize(h *Host) int {
	n := 10000
	if h != nil {
		n = h.Eng.Settings.MaxClients
	}
	return n + 128
}

// fdWatch is one fd registered with EventLoopAdd.
type fdWatch struct {
	h          *Host
	m          *Module
	mask       int
	rcb, wcb   unsafe.Pointer
	data       unsafe.Pointer
	registered bool
}

// poller is the process-wide epoll loop behind EventLoopAdd and
// EventLoopAddOneShot (fds and the one-shot queue belong to the process).
var poller struct {
	mu      sync.Mutex
	epfd    int
	started bool
	fds     map[int]*fdWatch
	// oneshotHost is whose lock one-shot callbacks run under.
	oneshotHost *Host
}

const (
	loopReadable = 1
	loopWritable = 2
)

func startPoller() error {
	poller.mu.Lock()
	defer poller.mu.Unlock()
	if poller.started {
		return nil
	}
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return err
	}
	efd := int(C.mh_oneshot_fd())
	if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, efd, &unix.EpollEvent{Events: unix.EPOLLIN, Fd: int32(efd)}); err != nil {
		unix.Close(epfd)
		return err
	}
	poller.epfd = epfd
	poller.fds = map[int]*fdWatch{}
	poller.started = true
	go pollLoop(efd)
	return nil
}

func epollMask(mask int) uint32 {
	var e uint32
	if mask&loopReadable != 0 {
		e |= unix.EPOLLIN
	}
	if mask&loopWritable != 0 {
		e |= unix.EPOLLOUT
	}
	return e
}

// eventLoopAdd registers fd; it returns an errno (0 on success).
func eventLoopAdd(h *Host, m *Module, fd, mask int, cb, data unsafe.Pointer) unix.Errno {
	if fd < 0 || fd >= fdSetSize(h) {
		return unix.ERANGE
	}
	if cb == nil || mask&^(loopReadable|loopWritable) != 0 {
		return unix.EINVAL
	}
	if err := startPoller(); err != nil {
		return errnoOf(err)
	}
	poller.mu.Lock()
	defer poller.mu.Unlock()
	w := poller.fds[fd]
	fresh := w == nil
	if fresh {
		w = &fdWatch{}
	}
	newMask := w.mask | mask
	op := unix.EPOLL_CTL_MOD
	if !w.registered {
		op = unix.EPOLL_CTL_ADD
	}
	if err := unix.EpollCtl(poller.epfd, op, fd, &unix.EpollEvent{Events: epollMask(newMask), Fd: int32(fd)}); err != nil {
		return errnoOf(err)
	}
	w.registered = true
	w.h, w.m, w.mask, w.data = h, m, newMask, data
	if mask&loopReadable != 0 {
		w.rcb = cb
	}
	if mask&loopWritable != 0 {
		w.wcb = cb
	}
	poller.fds[fd] = w
	return 0
}

// eventLoopDel removes directions from fd's registration.
func eventLoopDel(h *Host, fd, mask int) unix.Errno {
	if fd < 0 || fd >= fdSetSize(h) {
		return unix.ERANGE
	}
	if mask&^(loopReadable|loopWritable) != 0 {
		return unix.EINVAL
	}
	poller.mu.Lock()
	defer poller.mu.Unlock()
	w := poller.fds[fd]
	if w == nil {
		return 0
	}
	w.mask &^= mask
	if mask&loopReadable != 0 {
		w.rcb = nil
	}
	if mask&loopWritable != 0 {
		w.wcb = nil
	}
	if w.mask == 0 {
		_ = unix.EpollCtl(poller.epfd, unix.EPOLL_CTL_DEL, fd, nil)
		delete(poller.fds, fd)
		return 0
	}
	_ = unix.EpollCtl(poller.epfd, unix.EPOLL_CTL_MOD, fd, &unix.EpollEvent{Events: epollMask(w.mask), Fd: int32(fd)})
	return 0
}

func errnoOf(err error) unix.Errno {
	if e, ok := err.(unix.Errno); ok {
		return e
	}
	return unix.EINVAL
}

// pollLoop waits for fd readiness and runs the callbacks, each under its
// host's lock, readable before writable as Redis's loop does.
func pollLoop(efd int) {
	events := make([]unix.EpollEvent, 64)
	for {
		n, err := unix.EpollWait(poller.epfd, events, -1)
		if err != nil {
			if err == unix.EINTR {
				continue
			}
			return
		}
		for i := 0; i < n; i++ {
			fd := int(events[i].Fd)
			if fd == efd {
				runOneShots()
				continue
			}
			fired := events[i].Events
			for _, dir := range []int{loopReadable, loopWritable} {
				if dir == loopReadable && fired&(unix.EPOLLIN|unix.EPOLLHUP|unix.EPOLLERR) == 0 {
					continue
				}
				if dir == loopWritable && fired&(unix.EPOLLOUT|unix.EPOLLHUP|unix.EPOLLERR) == 0 {
					continue
				}
				poller.mu.Lock()
				w := poller.fds[fd]
				var h *Host
				if w != nil {
					h = w.h
				}
				poller.mu.Unlock()
				if h == nil {
					continue
				}
				h.Eng.Lock.Lock()
				// The registration may have changed while we waited.
				poller.mu.Lock()
				w = poller.fds[fd]
				var cb unsafe.Pointer
				var m *Module
				var data unsafe.Pointer
				if w != nil && w.mask&dir != 0 {
					if dir == loopReadable {
						cb = w.rcb
					} else {
						cb = w.wcb
					}
					m, data = w.m, w.data
				}
				poller.mu.Unlock()
				if cb != nil {
					var cm *C.mh_module
					if m != nil {
						cm = m.c
					}
					C.mh_invoke_eventloop(cb, cm, C.int(fd), data, C.int(dir))
					h.runJobs()
				}
				h.Eng.Lock.Unlock()
			}
		}
	}
}

// runOneShots runs the queued one-shot callbacks under the lock of the
// host that queued last (one-shots carry no module from foreign threads).
func runOneShots() {
	poller.mu.Lock()
	h := poller.oneshotHost
	poller.mu.Unlock()
	if h == nil {
		h, _ = anyHost.Load().(*Host)
	}
	if h == nil {
		return
	}
	h.Eng.Lock.Lock()
	C.mh_oneshot_run()
	h.runJobs()
	h.Eng.Lock.Unlock()
}
