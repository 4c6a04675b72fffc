package commands

import (
	"math"
	"runtime"
	"runtime/metrics"
	"time"

	"modhost/engine"
	"modhost/keyspace"
)

// maxmemory enforcement. Redis measures its allocator exactly; modhost's
// used_memory is the Go heap's live-object bytes (plus module C memory),
// which still counts garbage until the collector runs. So the evictor
// (1) forces a collection before deciding that memory is really over the
// limit, at most once per tenth of the limit allocated since the last one,
// and (2) after evicting, subtracts the estimated size of what it evicted
// until the next collection makes the measure true again.

// evictor is one server's eviction state; guarded by the execution lock.
type evictor struct {
	s *engine.Server
	// evicted is the estimated size of keys evicted since gcCycles.
	evicted   int64
	evictedAt time.Time
	gcCycles  uint64
	// afterGC is the measure right after the last forced collection.
	afterGC int64
}

var gcSample = []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}

// SetupEviction wires maxmemory into dispatch and the module API.
func SetupEviction(s *engine.Server) {
	ev := &evictor{s: s}
	s.Memory.Evict = ev.evict
	s.Memory.State = ev.state
}

// used is used_memory minus what eviction freed and the collector has not
// reclaimed yet.
func (ev *evictor) used() int64 {
	metrics.Read(gcSample)
	if n := gcSample[0].Value.Uint64(); n != ev.gcCycles {
		ev.gcCycles, ev.evicted = n, 0
	}
	return max(usedMemory(ev.s)-ev.evicted, 0)
}

// over reports how far memory is above the limit (<= 0: within it),
// collecting garbage first when enough was allocated since last time.
func (ev *evictor) over() int64 {
	limit := ev.s.Settings.MaxMemory
	u := ev.used()
	if u <= limit {
		// Within the limit only thanks to evictions the collector has not
		// confirmed: after a tenth of a second, make it confirm them (the
		// estimate must not excuse memory forever).
		if ev.evicted > 0 && time.Since(ev.evictedAt) > 100*time.Millisecond {
			runtime.GC()
			u = ev.used()
			ev.afterGC = u
		}
		return u - limit
	}
	if u-ev.afterGC > limit/10 {
		runtime.GC()
		u = ev.used()
		ev.afterGC = u
	}
	return u - limit
}

func (ev *evictor) state() (bool, float64) {
	limit := ev.s.Settings.MaxMemory
	if limit <= 0 {
		return false, 0
	}
	u := ev.used()
	return u > limit, float64(u) / float64(limit)
}

// evict frees memory by the policy until used memory is within the limit
// and reports whether it is.
func (ev *evictor) evict() bool {
	s := ev.s
	tofree := ev.over()
	if tofree <= 0 {
		return true
	}
	policy := s.Settings.MaxMemoryPolicy
	if policy == "noeviction" {
		return false
	}
	var freed int64
	start, limit := time.Now(), evictionTimeLimit(s)
	for n := 1; freed < tofree; n++ {
		// Like Redis, give up for now after maxmemory-eviction-tenacity's
		// time budget (checked every 16 keys) and report memory as being
		// freed rather than full: the next command continues. Module
		// notifications that recreate keys cannot keep us here forever.
		if n%16 == 0 && time.Since(start) > limit {
			ev.evicted += freed
			ev.evictedAt = time.Now()
			return true
		}
		db, key, e := ev.pick(policy)
		if e == nil {
			break // nothing left that the policy may evict
		}
		size := int64(valueSize(e.Val)) + int64(sdsAlloc(len(key))) + 24
		if f := s.Info.MemoryUsage; f != nil {
			if n, ok := f(db, key, e, 5); ok {
				size = n + int64(sdsAlloc(len(key))) + 24
			}
		}
		// The engine's Removed hook propagates the DEL/UNLINK, after the
		// "evicted" notification and in one unit with its module writes.
		db.Evict(key)
		freed += size
	}
	if freed > 0 {
		ev.evicted += freed
		ev.evictedAt = time.Now()
	}
	return freed >= tofree
}

// pick chooses the key to evict: from maxmemory-samples random keys of
// every database (all keys or only those with a TTL), the idlest (LRU),
// least used (LFU), soonest to expire (TTL), or any (random).
func (ev *evictor) pick(policy string) (*keyspace.DB, string, *keyspace.Entry) {
	s := ev.s
	samples := 5
	if cfg := s.Config().Cfg; cfg != nil {
		samples = max(int(cfg.Int("maxmemory-samples")), 1)
	}
	volatile := len(policy) > 9 && policy[:9] == "volatile-"
	kind := policy[len("allkeys-"):]
	if volatile {
		kind = policy[len("volatile-"):]
	}
	now := s.KS.Now()
	var bestDB *keyspace.DB
	var bestKey string
	var best *keyspace.Entry
	var bestScore int64
	for _, db := range s.KS.DBs {
		for i := 0; i < samples; i++ {
			var k string
			var e *keyspace.Entry
			var ok bool
			if volatile {
				k, e, ok = db.RandomVolatile()
			} else {
				k, e, ok = db.RandomEntry()
			}
			if !ok {
				break
			}
			var score int64 // higher is a better victim
			switch kind {
			case "lru":
				score = now - e.Access
			case "lfu":
				score = 255 - int64(keyspace.LFUDecayed(e, now))
			case "ttl":
				score = -e.Expire
			case "random":
				return db, k, e
			}
			if best == nil || score > bestScore {
				bestDB, bestKey, best, bestScore = db, k, e, score
			}
		}
	}
	return bestDB, bestKey, best
}

// evictionTimeLimit is Redis's budget per eviction round for
// maxmemory-eviction-tenacity: 50us per step up to 10, then 15% more per
// step, unlimited at 100.
func evictionTimeLimit(s *engine.Server) time.Duration {
	t := int64(10)
	if cfg := s.Config().Cfg; cfg != nil {
		t = cfg.Int("maxmemory-eviction-tenacity")
	}
	switch {
	case t <= 10:
		return time.Duration(50*t) * time.Microsecond
	case t < 100:
		return time.Duration(500*math.Pow(1.15, float64(t-10))) * time.Microsecond
	}
	return time.Duration(math.MaxInt64)
}
