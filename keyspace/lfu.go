package keyspace

import "math/rand/v2"

// LFU bookkeeping as Redis keeps it under an -lfu maxmemory-policy: Freq
// is a logarithmic access counter that starts at lfuInitVal and decays by
// one per lfu-decay-time minutes of idleness; Access then records the last
// decay/access time (Redis packs the same two facts into the object's lru
// bits, in minutes).

// lfuInitVal is the counter a new key starts with, so it survives a few
// eviction rounds before proving it is used.
const lfuInitVal = 5

// LFULogFactor and LFUDecayTime mirror lfu-log-factor and lfu-decay-time.
var (
	LFULogFactor = 10
	LFUDecayTime = 1
)

// LFUDecayed returns e's counter after the decay its idle minutes call for,
// without recording anything (OBJECT FREQ, eviction sampling).
func LFUDecayed(e *Entry, now int64) int {
	counter := int(e.Freq)
	if LFUDecayTime <= 0 {
		return counter
	}
	idleMin := now/60000 - e.Access/60000
	if idleMin < 0 {
		idleMin = 0
	}
	periods := idleMin / int64(LFUDecayTime)
	if periods >= int64(counter) {
		return 0
	}
	return counter - int(periods)
}

// lfuTouch records an access: decay, then a logarithmic increment whose
// chance shrinks as the counter grows past lfuInitVal.
func lfuTouch(e *Entry, now int64) {
	counter := LFUDecayed(e, now)
	if counter < 255 {
		base := float64(counter - lfuInitVal)
		if base < 0 {
			base = 0
		}
		if rand.Float64() < 1.0/(base*float64(LFULogFactor)+1) {
			counter++
		}
	}
	e.Freq = uint8(counter)
	e.Access = now
}

// touch records an access under the keyspace's policy.
func (ks *Keyspace) touch(e *Entry) {
	now := ks.Now()
	if ks.LFU {
		lfuTouch(e, now)
		return
	}
	e.Access = now
}
