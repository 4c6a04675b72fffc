package app

import (
	"math/rand/v2"
	"runtime"
	"time"

	"modhost/commands"
)

// loadTick returns the start-up load's progress hook. Redis runs its event
// loop every loading-process-events-interval-bytes while it loads (and
// after every command batch of an AOF), so clients connect and get
// -LOADING, INFO shows the progress and modules hear LoadingProgress at
// most hz times a second; key-load-delay slows each RDB key down for
// tests. The load runs under the execution lock, so "running the event
// loop" here is letting go of the lock for a moment.
// aofTickCommands is how many AOF commands pass between two calls of the
// load tick (aof.Load reports progress every 1024, as Redis does).
const aofTickCommands = 1024

func (in *Instance) loadTick(p *commands.Persistence) func(loaded int64, aofCommands bool) {
	var last int64
	var nextEvent time.Time
	var pace loadPacer
	cfg, eng := in.Cfg, in.Eng
	return func(loaded int64, aofCommands bool) {
		if cfg == nil {
			return
		}
		// key-load-delay slows each RDB key and, as in Redis, each AOF
		// command; the AOF loader reports once per aofTickCommands.
		if d := cfg.Int("key-load-delay"); d != 0 {
			if aofCommands {
				d *= aofTickCommands
			}
			pace.key(d)
		}
		interval := cfg.Int("loading-process-events-interval-bytes")
		cross := interval > 0 && loaded/interval > last/interval
		last = loaded
		if !aofCommands && !cross {
			return
		}
		p.LoadLoaded = loaded
		eng.Lock.Unlock()
		runtime.Gosched()
		eng.Lock.Lock()
		if now := time.Now(); !now.Before(nextEvent) && in.Host != nil {
			hz := cfg.Int("hz")
			if hz <= 0 {
				hz = 10
			}
			progress := int64(-1)
			if p.LoadTotal > 0 {
				progress = (p.LoadLoaded << 10) / p.LoadTotal
			}
			in.Host.FireLoadingProgress(aofCommands, int(hz), int(progress))
			nextEvent = now.Add(time.Second / time.Duration(hz))
		}
	}
}

// loadPacer applies key-load-delay after each key. Go's shortest sleeps
// last far longer than a few microseconds, so the delay is owed and paid
// in sleeps of at least a millisecond, keeping the average rate Redis's
// usleep gives. A negative -n owes 1us once in n keys on average.
type loadPacer struct{ owed time.Duration }

func (lp *loadPacer) key(us int64) {
	if us < 0 {
		if rand.Int64N(-us) != 0 {
			return
		}
		us = 1
	}
	lp.owed += time.Duration(us) * time.Microsecond
	if lp.owed < time.Millisecond {
		return
	}
	start := time.Now()
	time.Sleep(lp.owed)
	lp.owed -= time.Since(start)
}
