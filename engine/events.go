package engine

import "sync"

// ServerEvents are hooks for the server events modules subscribe to
// (RM_SubscribeToServerEvent) that core commands cause. The module host
// appends to them; commands call the Fire* methods. All run under the
// execution lock.
type ServerEvents struct {
	// Flush runs before (end false) and after (end true) FLUSHDB, FLUSHALL
	// and module dataset resets; db is -1 when every db is flushed.
	Flush []func(end bool, db int, async bool)
	// SwapDB runs after SWAPDB exchanged two dbs.
	SwapDB []func(a, b int)
}

// serverEvents holds each server's hooks outside Server, so this file is
// all the engine needs for them.
var serverEvents sync.Map // *Server -> *ServerEvents

// Events returns the server's event hooks, creating them on first use.
func (s *Server) Events() *ServerEvents {
	if v, ok := serverEvents.Load(s); ok {
		return v.(*ServerEvents)
	}
	v, _ := serverEvents.LoadOrStore(s, &ServerEvents{})
	return v.(*ServerEvents)
}

// FireFlush runs the Flush hooks. Before a flush, tracking clients are
// told that every key is invalid.
func (s *Server) FireFlush(end bool, db int, async bool) {
	if !end {
		s.trackingFlushed()
	}
	s.trk.inFlush = !end
	v, ok := serverEvents.Load(s)
	if !ok {
		return
	}
	for _, h := range v.(*ServerEvents).Flush {
		h(end, db, async)
	}
}

// FireSwapDB runs the SwapDB hooks.
func (s *Server) FireSwapDB(a, b int) {
	v, ok := serverEvents.Load(s)
	if !ok {
		return
	}
	for _, h := range v.(*ServerEvents).SwapDB {
		h(a, b)
	}
}
