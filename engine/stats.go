package engine

import (
	"math"
	"strings"
	"sync"
	"time"

	"modhost/keyspace"
	"modhost/resp"
)

// Versions INFO, HELLO and LOLWUT report.
const (
	RedisVersion   = "7.2.6"
	ModhostVersion = "0.1.0"
)

// ProcessInfo describes the running process for INFO server; app fills
// it in once the listeners are open.
type ProcessInfo struct {
	Port       int
	ConfigFile string
	Executable string
	UnixSocket string
}

// InfoSection is one INFO section a layer outside commands/ provides
// (persistence, modules) or replaces.
type InfoSection struct {
	// Name is the lower-case section name ("persistence").
	Name string
	// Default sections appear in a bare INFO and in INFO default.
	Default bool
	// Write appends the section, header line included ("# Persistence\r\n").
	Write func(w *strings.Builder)
}

// InfoRegistry holds the sections other layers plug into INFO (built-in
// sections with the same name are replaced; new names follow the
// built-in ones in registration order), plus the hooks the other
// introspection replies consult (HELLO's module list, COMMAND DOCS).
type InfoRegistry struct {
	// CommandDocs, when set, returns extra COMMAND DOCS fields for a
	// command (doc_flags, deprecated_since, replaced_by, history,
	// arguments, in that order), written after "module" and before
	// "subcommands".
	CommandDocs func(sp *Spec) []DocField
	byName      map[string]InfoSection
	order       []string
	// Modules, when set, writes module-defined sections. requested is nil
	// when every module section is wanted (INFO everything / modules),
	// else the lower-case names asked for. sections is how many sections
	// were written so far (a blank line separates sections). It returns
	// the new count.
	Modules func(w *strings.Builder, requested map[string]bool, sections int) int
	// HelloModules, when set, writes HELLO's "modules" array (one map per
	// loaded module: name, ver, path, args).
	HelloModules func(w *resp.Writer)
	// MemoryUsage, when set, may size a value MEMORY USAGE cannot (module
	// types with a mem_usage callback); ok=false falls back to the
	// built-in estimate.
	MemoryUsage func(db *keyspace.DB, key string, e *keyspace.Entry, samples int64) (size int64, ok bool)
	// UsedMemory hooks add memory the Go runtime does not see (module C
	// allocations) to used_memory.
	UsedMemory []func() int64
	// Fork, when set, reports the module fork child (see ForkStatus).
	Fork func() ForkStatus
}

// DocField is one COMMAND DOCS map entry: its name and a writer for its
// value.
type DocField struct {
	Name  string
	Write func(w *resp.Writer)
}

// DocArg is one node of a command's argument tree as COMMAND DOCS shows
// it (Redis's redisCommandArg / RedisModuleCommandArg).
type DocArg struct {
	Name, Type string // Type: string, integer, double, key, pattern, unix-time, pure-token, oneof, block
	Display    string // display_text; empty shows Name
	Token      string
	Summary    string
	Since      string
	Deprecated string // deprecated_since
	KeySpec    int    // key_spec_index + 1; 0 means the argument is no key
	Flags      int    // 1 optional, 2 multiple, 4 multiple_token
	Args       []DocArg
}

// WriteDocArgs writes an argument list the way Redis's
// addReplyCommandArgList does.
func WriteDocArgs(w *resp.Writer, args []DocArg) {
	w.Array(len(args))
	for _, a := range args {
		nested := a.Type == "oneof" || a.Type == "block"
		n := 2
		for _, present := range []bool{!nested, a.KeySpec > 0, a.Token != "", a.Summary != "", a.Since != "",
			a.Deprecated != "", a.Flags != 0, nested} {
			if present {
				n++
			}
		}
		w.Map(n)
		w.BulkString("name")
		w.BulkString(a.Name)
		w.BulkString("type")
		w.BulkString(a.Type)
		if !nested {
			w.BulkString("display_text")
			if a.Display != "" {
				w.BulkString(a.Display)
			} else {
				w.BulkString(a.Name)
			}
		}
		if a.KeySpec > 0 {
			w.BulkString("key_spec_index")
			w.Int(int64(a.KeySpec - 1))
		}
		for _, f := range []struct{ k, v string }{{"token", a.Token}, {"summary", a.Summary}, {"since", a.Since}, {"deprecated_since", a.Deprecated}} {
			if f.v != "" {
				w.BulkString(f.k)
				w.BulkString(f.v)
			}
		}
		if a.Flags != 0 {
			var names []string
			for i, nm := range []string{"optional", "multiple", "multiple_token"} {
				if a.Flags&(1<<i) != 0 {
					names = append(names, nm)
				}
			}
			w.BulkString("flags")
			w.Set(len(names))
			for _, nm := range names {
				w.Simple(nm)
			}
		}
		if nested {
			w.BulkString("arguments")
			WriteDocArgs(w, a.Args)
		}
	}
}

// AddInfoSection registers or replaces a section. Lock held.
func (r *InfoRegistry) AddInfoSection(sec InfoSection) {
	sec.Name = strings.ToLower(sec.Name)
	if r.byName == nil {
		r.byName = map[string]InfoSection{}
	}
	if _, ok := r.byName[sec.Name]; !ok {
		r.order = append(r.order, sec.Name)
	}
	r.byName[sec.Name] = sec
}

// Section returns the registered section with that name.
func (r *InfoRegistry) Section(name string) (InfoSection, bool) {
	sec, ok := r.byName[name]
	return sec, ok
}

// Sections returns the registered sections in registration order.
func (r *InfoRegistry) Sections() []InfoSection {
	out := make([]InfoSection, 0, len(r.order))
	for _, n := range r.order {
		out = append(out, r.byName[n])
	}
	return out
}

// opsSamples is how many 100 ms samples instantaneous_ops_per_sec
// averages, as Redis's STATS_METRIC_SAMPLES.
const opsSamples = 16

// opsMeter computes instantaneous_ops_per_sec from command counts sampled
// at most every 100 ms.
type opsMeter struct {
	lastTime  time.Time
	lastCount int64
	samples   [opsSamples]float64
	idx       int
}

func (m *opsMeter) sample(now time.Time, count int64) {
	if m.lastTime.IsZero() {
		m.lastTime, m.lastCount = now, count
		return
	}
	d := now.Sub(m.lastTime)
	if d < 100*time.Millisecond {
		return
	}
	m.samples[m.idx] = float64(count-m.lastCount) / d.Seconds()
	m.idx = (m.idx + 1) % opsSamples
	m.lastTime, m.lastCount = now, count
}

// InstantaneousOps reports the average commands per second over the last
// samples (INFO instantaneous_ops_per_sec). Lock held.
func (s *Server) InstantaneousOps() int64 {
	s.ops.sample(time.Now(), s.Stats.Commands.Load())
	var sum float64
	for _, v := range s.ops.samples {
		sum += v
	}
	return int64(sum / opsSamples)
}

// Histogram is a latency histogram with about two significant digits of
// precision, enough for INFO latencystats percentiles and LATENCY
// HISTOGRAM.
type Histogram struct {
	// counts is indexed by bucketIndex; a fixed array, because recording
	// runs after every command and a map update cost more than the rest
	// of the bookkeeping together.
	counts *[histBuckets]int64
	total  int64
}

// histBuckets covers bucketOf's range: decade d (0..7) and two leading
// digits m give index d*100+m, and 1e9 itself is index 810.
const histBuckets = 811

// bucketOf rounds v (ns) up to two significant digits.
func bucketOf(v int64) int64 {
	if v < 1 {
		v = 1
	}
	if v > 1e9 {
		v = 1e9
	}
	if v < 100 {
		return v
	}
	p := int64(1)
	for v/p >= 100 {
		p *= 10
	}
	return (v + p - 1) / p * p
}

// bucketIndex maps a bucketOf value to its slot; values ascend with it.
func bucketIndex(b int64) int {
	d := 0
	for b >= 100 {
		b /= 10
		d++
	}
	return d*100 + int(b)
}

// bucketValue is the inverse of bucketIndex.
func bucketValue(i int) int64 {
	v := int64(i % 100)
	for d := i / 100; d > 0; d-- {
		v *= 10
	}
	return v
}

// Record adds one value in nanoseconds.
func (h *Histogram) Record(ns int64) {
	if h.counts == nil {
		h.counts = new([histBuckets]int64)
	}
	h.counts[bucketIndex(bucketOf(ns))]++
	h.total++
}

// Total is the number of recorded values.
func (h *Histogram) Total() int64 { return h.total }

// Percentile returns the value (ns) at percentile p (0..100).
func (h *Histogram) Percentile(p float64) int64 {
	if h.total == 0 {
		return 0
	}
	want := int64(math.Ceil(p / 100 * float64(h.total)))
	if want < 1 {
		want = 1
	}
	var cum int64
	last := 0
	for i, n := range h.counts {
		if n == 0 {
			continue
		}
		last = i
		cum += n
		if cum >= want {
			return bucketValue(i)
		}
	}
	return bucketValue(last)
}

// Cumulative returns (upper bound in µs, cumulative count) pairs over
// power-of-two µs buckets, as LATENCY HISTOGRAM shows them.
func (h *Histogram) Cumulative() [][2]int64 {
	var out [][2]int64
	if h.counts == nil {
		return out
	}
	var cum int64
	i := 0
	next := func() {
		for i < histBuckets && h.counts[i] == 0 {
			i++
		}
	}
	next()
	for bound := int64(1024); i < histBuckets; bound *= 2 {
		for i < histBuckets && bucketValue(i) < bound {
			cum += h.counts[i]
			i++
			next()
		}
		if len(out) == 0 || out[len(out)-1][1] != cum {
			if cum > 0 {
				out = append(out, [2]int64{(bound - 1) / 1000, cum})
			}
		}
	}
	return out
}

// CommandHistogram returns the latency histogram of a command (nil when
// it never ran since the last reset). Lock held.
func (s *Server) CommandHistogram(cmd *Spec) *Histogram { return s.histograms[cmd] }

// ResetStats is CONFIG RESETSTAT's engine part: command, error and
// latency-histogram counters and the INFO stats Redis's resetServerStats
// clears. LATENCY events survive, as in Redis. Lock held.
func (s *Server) ResetStats() {
	var reset func(specs []*Spec)
	reset = func(specs []*Spec) {
		for _, sp := range specs {
			sp.Stats.Calls.Store(0)
			sp.Stats.Usec.Store(0)
			sp.Stats.Rejected.Store(0)
			sp.Stats.Failed.Store(0)
			subs := make([]*Spec, 0, len(sp.Subs))
			for _, sub := range sp.Subs {
				subs = append(subs, sub)
			}
			reset(subs)
		}
	}
	reset(s.Commands.All())
	s.ErrorStats = map[string]int64{}
	s.histograms = map[*Spec]*Histogram{}
	s.Stats.Commands.Store(0)
	s.Stats.Connections.Store(0)
	s.Stats.RejectedConns.Store(0)
	s.Stats.NetInput.Store(0)
	s.Stats.NetOutput.Store(0)
	s.Stats.KeyspaceHits, s.Stats.KeyspaceMisses = 0, 0
	s.Stats.ErrorReplies, s.Stats.UnexpectedErrors = 0, 0
	s.Stats.ExpiredStalePerc = 0
	s.Stats.SyncFull, s.Stats.SyncPartialOK, s.Stats.SyncPartialErr = 0, 0, 0
	s.KS.ExpiredKeys = 0
	s.KS.EvictedKeys = 0
	s.KS.LazyfreedObjects.Store(0)
	s.ops = opsMeter{}
}

// afterCall records what Redis's call() records after a command ran:
// latency events, the slow log, MONITOR output and the per-command
// latency histogram. now is when the command ended (the caller has read
// the clock already). Lock held.
func (s *Server) afterCall(c *Client, cmd *Spec, args [][]byte, dur time.Duration, now time.Time) {
	us := dur.Microseconds()
	args = redactArgs(cmd, args)
	ev := "command"
	if cmd.Flags&FlagFast != 0 {
		ev = "fast-command"
	}
	s.LatencyAddSampleIfNeeded(ev, us/1000)
	blocked := c.Blocked != nil
	if blocked {
		// Slow log and latency histogram wait for the end of the block,
		// when FinishBlockedStats adds the time spent in the background.
		if c.Private == nil {
			c.Private = map[string]any{}
		}
		c.Private[pendingStatsKey] = &pendingStats{cmd: cmd, args: copyArgs(args), exec: dur}
	} else {
		if c.Private != nil {
			delete(c.Private, pendingStatsKey)
		}
		s.Slowlog.push(s, c, cmd, args, us)
	}
	if len(s.Monitors) > 0 && cmd.Flags&(FlagSkipMonitor|FlagAdmin) == 0 {
		s.FeedMonitors(c, c.DB.ID, args)
	}
	if !blocked && !s.Settings.LatencyTrackingOff {
		if s.histograms == nil {
			s.histograms = map[*Spec]*Histogram{}
		}
		h := s.histograms[cmd]
		if h == nil {
			h = &Histogram{}
			s.histograms[cmd] = h
		}
		h.Record(dur.Nanoseconds())
	}
	s.ops.sample(now, s.Stats.Commands.Load())
}

// pendingStatsKey is the Client.Private key of a blocked command's
// deferred statistics.
const pendingStatsKey = "engine.stats"

// pendingStats is what afterCall could not record yet for a command that
// blocked.
type pendingStats struct {
	cmd  *Spec
	args [][]byte
	exec time.Duration
}

func copyArgs(args [][]byte) [][]byte {
	out := make([][]byte, len(args))
	for i, a := range args {
		out[i] = append([]byte(nil), a...)
	}
	return out
}

// FinishBlockedStats records the statistics of c's blocked command once
// its block ended: background is the time the module measured with
// RM_BlockedClientMeasureTimeStart/End. The command's usec, the slow log
// and the latency histogram then see execution plus background time, as
// Redis's updateStatsOnUnblock does. Lock held; a no-op when nothing is
// pending.
func (s *Server) FinishBlockedStats(c *Client, background time.Duration) {
	p, _ := c.Private[pendingStatsKey].(*pendingStats)
	if p == nil {
		return
	}
	delete(c.Private, pendingStatsKey)
	total := p.exec + background
	p.cmd.Stats.Usec.Add(background.Microseconds())
	s.Slowlog.push(s, c, p.cmd, p.args, total.Microseconds())
	if !s.Settings.LatencyTrackingOff {
		if s.histograms == nil {
			s.histograms = map[*Spec]*Histogram{}
		}
		h := s.histograms[p.cmd]
		if h == nil {
			h = &Histogram{}
			s.histograms[p.cmd] = h
		}
		h.Record(total.Nanoseconds())
	}
}

// LatencyAddSampleIfNeeded records a latency event (ms) when it reaches
// latency-monitor-threshold, as RM_LatencyAddSample and Redis's internal
// probes do. Lock held.
func (s *Server) LatencyAddSampleIfNeeded(event string, ms int64) {
	if t := s.Settings.LatencyMonitorThreshold; t > 0 && ms >= t {
		s.Latency.Add(event, ms)
	}
}

// LatencySample is one LATENCY HISTORY point.
type LatencySample struct {
	Time    int64 // unix seconds
	Latency int64 // milliseconds
}

// latencyHistoryLen is Redis's LATENCY_TS_LEN.
const latencyHistoryLen = 160

type latencySeries struct {
	samples []LatencySample // oldest first, at most latencyHistoryLen
	max     int64
}

// LatencyMonitor keeps the LATENCY event time series. Lock held.
type LatencyMonitor struct {
	mu     sync.Mutex
	events map[string]*latencySeries
	order  []string
}

// Add records a latency sample (ms) for an event, keeping the highest
// value per second as Redis does.
func (l *LatencyMonitor) Add(event string, ms int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.events == nil {
		l.events = map[string]*latencySeries{}
	}
	ts := l.events[event]
	if ts == nil {
		ts = &latencySeries{}
		l.events[event] = ts
		l.order = append(l.order, event)
	}
	if ms > ts.max {
		ts.max = ms
	}
	now := time.Now().Unix()
	if n := len(ts.samples); n > 0 && ts.samples[n-1].Time == now {
		if ms > ts.samples[n-1].Latency {
			ts.samples[n-1].Latency = ms
		}
		return
	}
	ts.samples = append(ts.samples, LatencySample{now, ms})
	if len(ts.samples) > latencyHistoryLen {
		ts.samples = ts.samples[1:]
	}
}

// LatencyEvent is one LATENCY LATEST row.
type LatencyEvent struct {
	Name      string
	Last      LatencySample
	Max       int64
	Samples   []LatencySample
	Available bool
}

// Events returns every event with its samples, in first-seen order.
func (l *LatencyMonitor) Events() []LatencyEvent {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]LatencyEvent, 0, len(l.order))
	for _, n := range l.order {
		ts := l.events[n]
		out = append(out, LatencyEvent{Name: n, Last: ts.samples[len(ts.samples)-1], Max: ts.max,
			Samples: append([]LatencySample(nil), ts.samples...), Available: true})
	}
	return out
}

// History returns an event's samples (nil when unknown).
func (l *LatencyMonitor) History(event string) []LatencySample {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ts := l.events[event]; ts != nil {
		return append([]LatencySample(nil), ts.samples...)
	}
	return nil
}

// Reset drops the named events (all when names is nil) and reports how
// many existed.
func (l *LatencyMonitor) Reset(names []string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if names == nil {
		n := len(l.events)
		l.events, l.order = nil, nil
		return n
	}
	n := 0
	for _, name := range names {
		if _, ok := l.events[name]; !ok {
			continue
		}
		delete(l.events, name)
		for i, o := range l.order {
			if o == name {
				l.order = append(l.order[:i], l.order[i+1:]...)
				break
			}
		}
		n++
	}
	return n
}

// redactArgs hides passwords from the slow log and MONITOR, as Redis
// redacts AUTH's arguments and HELLO's AUTH pair.
func redactArgs(cmd *Spec, args [][]byte) [][]byte {
	var hide []int
	switch cmd.Name {
	case "auth":
		for i := 1; i < len(args); i++ {
			hide = append(hide, i)
		}
	case "hello":
		for i := 2; i+2 < len(args); i++ {
			if strings.EqualFold(string(args[i]), "auth") {
				hide = append(hide, i+1, i+2)
				break
			}
		}
	}
	if len(hide) == 0 {
		return args
	}
	out := append([][]byte(nil), args...)
	for _, i := range hide {
		out[i] = []byte("(redacted)")
	}
	return out
}
