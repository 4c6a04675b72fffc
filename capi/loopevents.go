package capi

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
