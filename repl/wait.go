package repl

import (
	"strconv"
	"time"

	"modhost/engine"
)

// waiter is a client blocked in WAIT.
type waiter struct {
	c      *engine.Client
	b      *engine.Block
	offset int64
	want   int
	done   bool
}

// acked counts replicas that acknowledged at least offset.
func (r *Repl) acked(offset int64) int {
	n := 0
	for _, rp := range r.replicas {
		if rp.state == stateOnline && rp.ackOff >= offset {
			n++
		}
	}
	return n
}

// Wait is WAIT numreplicas timeout: it returns once numreplicas replicas
// acknowledged every write made before it, or when timeout milliseconds
// passed (0 waits forever), with the number that did. Lock held.
func (r *Repl) Wait(c *engine.Ctx) {
	if r.link != nil {
		c.Error("ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to replicas are just local and are not propagated.")
		return
	}
	want, err := strconv.ParseInt(c.Arg(1), 10, 64)
	if err != nil {
		c.Error("ERR value is not an integer or out of range")
		return
	}
	timeout, err := strconv.ParseInt(c.Arg(2), 10, 64)
	if err != nil {
		c.Error("ERR timeout is not an integer or out of range")
		return
	}
	if timeout < 0 {
		c.Error("ERR timeout is negative")
		return
	}
	offset := r.offset
	n := r.acked(offset)
	if int64(n) >= want || !c.C.CanBlock() {
		c.W.Int(int64(n))
		return
	}
	wt := &waiter{c: c.C, offset: offset, want: int(want)}
	b := &engine.Block{Kind: "wait"}
	if timeout > 0 {
		b.Deadline = time.Now().Add(time.Duration(timeout) * time.Millisecond)
	}
	cl := c.C
	b.Timeout = func() {
		wt.done = true
		r.removeWaiter(wt)
		cl.W.Int(int64(r.acked(wt.offset)))
	}
	b.Resume = func() {
		r.removeWaiter(wt)
		cl.W.Int(int64(r.acked(wt.offset)))
	}
	b.Disconnected = func() { r.removeWaiter(wt) }
	wt.b = b
	r.waiters = append(r.waiters, wt)
	c.S.BlockClient(cl, b)
	// Ask the replicas where they are now rather than waiting for their
	// next periodic ACK.
	r.feed(appendCommand(nil, [][]byte{[]byte("REPLCONF"), []byte("GETACK"), []byte("*")}))
}

func (r *Repl) removeWaiter(wt *waiter) {
	for i, x := range r.waiters {
		if x == wt {
			r.waiters = append(r.waiters[:i], r.waiters[i+1:]...)
			return
		}
	}
}

// checkWaiters wakes WAIT clients whose replicas all acknowledged.
func (r *Repl) checkWaiters() {
	for _, wt := range r.waiters {
		if !wt.done && r.acked(wt.offset) >= wt.want {
			wt.done = true
			wt.b.Wake()
		}
	}
}
