package commands

import (
	"fmt"
	"math"
	"runtime"
	"strconv"
	"strings"
	"time"

	"modhost/engine"
	"modhost/keyspace"
	"modhost/resp"
)

func init() { groups = append(groups, registerServer) }

// sub builds a subcommand table entry.
func sub(name string, arity int, flags engine.Flag, acl []string, run func(*engine.Ctx), summary, since, complexity string, tips ...string) *engine.Spec {
	return &engine.Spec{Name: name, Arity: arity, Flags: flags, ACL: acl, Run: run,
		Summary: summary, Since: since, Group: "server", Complexity: complexity, Tips: tips}
}

// subs turns a list of subcommands into the Subs map.
func subs(list ...*engine.Spec) map[string]*engine.Spec {
	m := make(map[string]*engine.Spec, len(list))
	for _, s := range list {
		m[s.Name] = s
	}
	return m
}

const (
	tipNondet      = "nondeterministic_output"
	tipNondetOrder = "nondeterministic_output_order"
)

func registerServer(t *engine.Table) {
	t.Add(&engine.Spec{Name: "command", Arity: -1, Flags: loading | stale, ACL: []string{"connection"}, Run: cmdCommand,
		Summary: "Returns detailed information about all commands.", Since: "2.8.13", Group: "server",
		Complexity: "O(N) where N is the total number of Redis commands", Tips: []string{tipNondetOrder},
		Subs: subs(
			sub("count", 2, loading|stale, []string{"connection"}, cmdCommandCount, "Returns a count of commands.", "2.8.13", "O(1)"),
			sub("docs", -2, loading|stale, []string{"connection"}, cmdCommandDocs, "Returns documentary information about one, multiple or all commands.", "7.0.0", "O(N) where N is the number of commands to look up", tipNondetOrder),
			sub("getkeys", -3, loading|stale, []string{"connection"}, cmdCommandGetKeys, "Extracts the key names from an arbitrary command.", "2.8.13", "O(N) where N is the number of arguments to the command"),
			sub("getkeysandflags", -3, loading|stale, []string{"connection"}, cmdCommandGetKeysAndFlags, "Extracts the key names and access flags for an arbitrary command.", "7.0.0", "O(N) where N is the number of arguments to the command"),
			sub("help", 2, loading|stale, []string{"connection"}, cmdCommandHelp, "Returns helpful text about the different subcommands.", "5.0.0", "O(1)"),
			sub("info", -2, loading|stale, []string{"connection"}, cmdCommandInfo, "Returns information about one, multiple or all commands.", "2.8.13", "O(N) where N is the number of commands to look up", tipNondetOrder),
			sub("list", -2, loading|stale, []string{"connection"}, cmdCommandList, "Returns a list of command names.", "7.0.0", "O(N) where N is the total number of Redis commands", tipNondetOrder),
		)})
	t.Add(&engine.Spec{Name: "debug", Arity: -2, Flags: admin | noscript | loading | stale | engine.FlagProtected, Run: cmdDebug,
		Summary: "A container for debugging commands.", Since: "1.0.0", Group: "server", Complexity: "Depends on subcommand."})
	t.Add(&engine.Spec{Name: "info", Arity: -1, Flags: loading | stale, ACL: []string{"dangerous"}, Run: cmdInfo,
		Summary: "Returns information and statistics about the server.", Since: "1.0.0", Group: "server", Complexity: "O(1)",
		Tips: []string{tipNondet, "request_policy:all_shards", "response_policy:special"}})
	t.Add(&engine.Spec{Name: "lastsave", Arity: 1, Flags: loading | stale | fast, ACL: []string{"admin", "dangerous"}, Run: cmdLastsave,
		Summary: "Returns the Unix timestamp of the last successful save to disk.", Since: "1.0.0", Group: "server", Complexity: "O(1)", Tips: []string{tipNondet}})
	latTips := []string{tipNondet, "request_policy:all_nodes", "response_policy:special"}
	t.Add(&engine.Spec{Name: "latency", Arity: -2, Run: nil,
		Summary: "A container for latency diagnostics commands.", Since: "2.8.13", Group: "server", Complexity: "Depends on subcommand.",
		Subs: subs(
			sub("doctor", 2, admin|noscript|loading|stale, nil, cmdLatencyDoctor, "Returns a human-readable latency analysis report.", "2.8.13", "O(1)", latTips...),
			sub("graph", 3, admin|noscript|loading|stale, nil, cmdLatencyGraph, "Returns a latency graph for an event.", "2.8.13", "O(1)", latTips...),
			sub("help", 2, loading|stale, nil, cmdLatencyHelp, "Returns helpful text about the different subcommands.", "2.8.13", "O(1)"),
			sub("histogram", -2, admin|noscript|loading|stale, nil, cmdLatencyHistogram, "Returns the cumulative distribution of latencies of a subset or all commands.", "7.0.0", "O(N) where N is the number of commands with latency information being retrieved.", latTips...),
			sub("history", 3, admin|noscript|loading|stale, nil, cmdLatencyHistory, "Returns timestamp-latency samples for an event.", "2.8.13", "O(1)", latTips...),
			sub("latest", 2, admin|noscript|loading|stale, nil, cmdLatencyLatest, "Returns the latest latency samples for all events.", "2.8.13", "O(1)", latTips...),
			sub("reset", -2, admin|noscript|loading|stale, nil, cmdLatencyReset, "Resets the latency data for one or more events.", "2.8.13", "O(1)", "request_policy:all_nodes", "response_policy:agg_sum"),
		)})
	memTips := []string{tipNondet, "request_policy:all_shards", "response_policy:special"}
	usage := sub("usage", -3, readonly, nil, cmdMemoryUsage, "Estimates the memory usage of a key.", "4.0.0", "O(N) where N is the number of samples.")
	usage.First, usage.Last, usage.Step = 2, 2, 1
	usage.KeySpecs = []engine.KeySpec{{Flags: []string{"RO"}, Index: 2, LastKey: 0, KeyStep: 1, Limit: 0}}
	t.Add(&engine.Spec{Name: "memory", Arity: -2,
		Summary: "A container for memory diagnostics commands.", Since: "4.0.0", Group: "server", Complexity: "Depends on subcommand.",
		Subs: subs(
			sub("doctor", 2, 0, nil, cmdMemoryDoctor, "Outputs a memory problems report.", "4.0.0", "O(1)", memTips...),
			sub("help", 2, loading|stale, nil, cmdMemoryHelp, "Returns helpful text about the different subcommands.", "4.0.0", "O(1)"),
			sub("malloc-stats", 2, 0, nil, cmdMemoryMallocStats, "Returns the allocator statistics.", "4.0.0", "Depends on how much memory is allocated, could be slow", memTips...),
			sub("purge", 2, 0, nil, cmdMemoryPurge, "Asks the allocator to release memory.", "4.0.0", "Depends on how much memory is allocated, could be slow", "request_policy:all_shards", "response_policy:all_succeeded"),
			sub("stats", 2, 0, nil, cmdMemoryStats, "Returns details about memory usage.", "4.0.0", "O(1)", memTips...),
			usage,
		)})
	t.Add(&engine.Spec{Name: "monitor", Arity: 1, Flags: admin | noscript | loading | stale, Run: cmdMonitor,
		Summary: "Listens for all requests received by the server in real-time.", Since: "1.0.0", Group: "server", Complexity: ""})
	t.Add(&engine.Spec{Name: "shutdown", Arity: -1, Flags: admin | noscript | loading | stale | nomulti | engine.FlagAllowBusy, Run: cmdShutdown,
		Summary: "Synchronously saves the database(s) to disk and shuts down the Redis server.", Since: "1.0.0", Group: "server",
		Complexity: "O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)"})
	t.Add(&engine.Spec{Name: "slowlog", Arity: -2,
		Summary: "A container for slow log commands.", Since: "2.2.12", Group: "server", Complexity: "Depends on subcommand.",
		Subs: subs(
			sub("get", -2, admin|loading|stale, nil, cmdSlowlogGet, "Returns the slow log's entries.", "2.2.12", "O(N) where N is the number of entries returned", "request_policy:all_nodes", tipNondet),
			sub("help", 2, loading|stale, nil, cmdSlowlogHelp, "Show helpful text about the different subcommands", "6.2.0", "O(1)"),
			sub("len", 2, admin|loading|stale, nil, cmdSlowlogLen, "Returns the number of entries in the slow log.", "2.2.12", "O(1)", "request_policy:all_nodes", "response_policy:agg_sum", tipNondet),
			sub("reset", 2, admin|loading|stale, nil, cmdSlowlogReset, "Clears all entries from the slow log.", "2.2.12", "O(N) where N is the number of entries in the slowlog", "request_policy:all_nodes", "response_policy:all_succeeded"),
		)})
	t.Add(&engine.Spec{Name: "time", Arity: 1, Flags: loading | stale | fast, Run: cmdTime,
		Summary: "Returns the server time.", Since: "2.6.0", Group: "server", Complexity: "O(1)", Tips: []string{tipNondet}})
}

// replyHelp writes a HELP reply: a header naming the command as typed,
// the given lines (one status reply each) and the HELP footer.
func replyHelp(c *engine.Ctx, text string) {
	lines := strings.Split(strings.Trim(text, "\n"), "\n")
	c.W.Array(len(lines) + 3)
	c.W.Simple(strings.ToUpper(c.Arg(0)) + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:")
	for _, l := range lines {
		c.W.Simple(l)
	}
	c.W.Simple("HELP")
	c.W.Simple("    Print this help.")
}

// replySubcommandSyntax is Redis's reply to a subcommand it does not
// know or whose argument count is wrong.
func replySubcommandSyntax(c *engine.Ctx) {
	c.Error(fmt.Sprintf(msgSubcommandSyntax, cArg(c.Args[1], 128), strings.ToUpper(c.Arg(0))))
}

// cArg renders an argument as C's "%.*s" would: cut at max bytes and at
// the first NUL.
func cArg(b []byte, max int) string {
	for i, ch := range b {
		if ch == 0 {
			b = b[:i]
			break
		}
	}
	if len(b) > max {
		b = b[:max]
	}
	return string(b)
}

// parseInt64 parses an integer argument as Redis's string2ll does.
func parseInt64(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 20 {
		return 0, false
	}
	if len(b) > 1 && b[0] == '0' {
		return 0, false
	}
	if b[0] == '-' && (len(b) == 1 || b[1] == '0') {
		return 0, false
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	return n, err == nil
}

// cmdTime answers the time the outermost command started, as Redis 7.2
// answers its cached time: a script sees one time from start to end.
func cmdTime(c *engine.Ctx) {
	us := c.S.CmdStartUS.Load()
	if us == 0 {
		us = time.Now().UnixMicro()
	}
	c.W.Array(2)
	c.W.BulkString(strconv.FormatInt(us/1e6, 10))
	c.W.BulkString(strconv.FormatInt(us%1e6, 10))
}

func cmdLastsave(c *engine.Ctx) { c.W.Int(c.S.LastSave) }

func cmdMonitor(c *engine.Ctx) {
	if c.C.Flags&engine.ClientDenyBlocking != 0 {
		c.Error(msgMonitorDenyBlocking)
		return
	}
	if c.C.Flags&(engine.ClientMonitor|engine.ClientReplica) != 0 {
		return
	}
	c.S.AddMonitor(c.C)
	c.W.OK()
}

func cmdShutdown(c *engine.Ctx) {
	var save, nosave, now, force, abort bool
	for _, a := range c.Args[1:] {
		switch strings.ToLower(string(a)) {
		case "nosave":
			nosave = true
		case "save":
			save = true
		case "now":
			now = true
		case "force":
			force = true
		case "abort":
			abort = true
		default:
			c.Error(msgSyntax)
			return
		}
	}
	if (abort && (save || nosave || now || force)) || (save && nosave) {
		c.Error(msgSyntax)
		return
	}
	if abort {
		c.Error(msgNoShutdown)
		return
	}
	if !now && c.C.Flags&engine.ClientDenyBlocking != 0 {
		c.Error(msgShutdownDenyBlocking)
		return
	}
	if c.S.ShutdownFunc == nil || c.S.ShutdownFunc(save, nosave, now, force) != nil {
		c.Error(msgShutdownFailed)
		return
	}
	// The process is going away: the client gets no reply, as with Redis.
	c.C.Flags |= engine.ClientCloseASAP
}

// --- SLOWLOG -------------------------------------------------------------

func cmdSlowlogGet(c *engine.Ctx) {
	count := int64(10)
	if len(c.Args) > 3 {
		replySubcommandSyntax(c)
		return
	}
	if len(c.Args) == 3 {
		n, ok := parseInt64(c.Args[2])
		if !ok || n < -1 {
			c.Error(msgSlowlogCount)
			return
		}
		count = n
	}
	entries := c.S.Slowlog.Entries(int(min(count, math.MaxInt32)))
	c.W.Array(len(entries))
	for _, e := range entries {
		c.W.Array(6)
		c.W.Int(e.ID)
		c.W.Int(e.Time)
		c.W.Int(e.Duration)
		c.W.Array(len(e.Args))
		for _, a := range e.Args {
			c.W.Bulk(a)
		}
		c.W.BulkString(e.Peer)
		c.W.BulkString(e.Name)
	}
}

func cmdSlowlogLen(c *engine.Ctx) { c.W.Int(int64(c.S.Slowlog.Len())) }

func cmdSlowlogReset(c *engine.Ctx) { c.S.Slowlog.Reset(); c.W.OK() }

func cmdSlowlogHelp(c *engine.Ctx) {
	replyHelp(c, `
GET [<count>]
    Return top <count> entries from the slowlog (default: 10, -1 mean all).
    Entries are made of:
    id, timestamp, time in microseconds, arguments array, client IP and port,
    client name
LEN
    Return the length of the slowlog.
RESET
    Reset the slowlog.
`)
}

// --- LATENCY -------------------------------------------------------------

func cmdLatencyLatest(c *engine.Ctx) {
	evs := c.S.Latency.Events()
	c.W.Array(len(evs))
	for _, e := range evs {
		c.W.Array(4)
		c.W.BulkString(e.Name)
		c.W.Int(e.Last.Time)
		c.W.Int(e.Last.Latency)
		c.W.Int(e.Max)
	}
}

func cmdLatencyHistory(c *engine.Ctx) {
	h := c.S.Latency.History(c.Arg(2))
	c.W.Array(len(h))
	for _, s := range h {
		c.W.Array(2)
		c.W.Int(s.Time)
		c.W.Int(s.Latency)
	}
}

func cmdLatencyGraph(c *engine.Ctx) {
	h := c.S.Latency.History(c.Arg(2))
	if h == nil {
		c.Error(fmt.Sprintf(msgLatencyNoSamples, cArg(c.Args[2], len(c.Args[2]))))
		return
	}
	// A compact textual graph: one line per sample, newest last.
	var b strings.Builder
	fmt.Fprintf(&b, "%s - high %d ms, low %d ms (all time high %d ms)\n", c.Arg(2), maxLatency(h), minLatency(h), maxLatency(h))
	b.WriteString(strings.Repeat("-", 80) + "\n")
	for _, s := range h {
		fmt.Fprintf(&b, "%d %d\n", s.Time, s.Latency)
	}
	c.W.Verbatim("txt", []byte(b.String()))
}

func maxLatency(h []engine.LatencySample) int64 {
	var m int64
	for _, s := range h {
		m = max(m, s.Latency)
	}
	return m
}

func minLatency(h []engine.LatencySample) int64 {
	m := int64(math.MaxInt64)
	for _, s := range h {
		m = min(m, s.Latency)
	}
	return m
}

func cmdLatencyReset(c *engine.Ctx) {
	if len(c.Args) == 2 {
		c.W.Int(int64(c.S.Latency.Reset(nil)))
		return
	}
	names := make([]string, 0, len(c.Args)-2)
	for _, a := range c.Args[2:] {
		names = append(names, string(a))
	}
	c.W.Int(int64(c.S.Latency.Reset(names)))
}

func cmdLatencyDoctor(c *engine.Ctx) {
	var report string
	evs := c.S.Latency.Events()
	switch {
	case len(evs) == 0 && c.S.Settings.LatencyMonitorThreshold == 0:
		report = "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable it. If we weren't in a deep space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n"
	case len(evs) == 0:
		report = "Dave, no latency spike was observed during the lifetime of this Redis instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress pill, and think things over.\n"
	default:
		var b strings.Builder
		b.WriteString("Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n")
		for i, e := range evs {
			fmt.Fprintf(&b, "%d. %s: %d latency spikes (average %dms, mean deviation %dms, period %d sec). Worst all time event %dms.\n",
				i+1, e.Name, len(e.Samples), avgLatency(e.Samples), 0, 0, e.Max)
		}
		b.WriteString("\nWhile there are latency events logged, I'm not able to suggest any easy fix. Please use the Redis community to get some help, providing this report in your help request.\n")
		report = b.String()
	}
	c.W.Verbatim("txt", []byte(report))
}

func avgLatency(s []engine.LatencySample) int64 {
	if len(s) == 0 {
		return 0
	}
	var sum int64
	for _, x := range s {
		sum += x.Latency
	}
	return sum / int64(len(s))
}

func cmdLatencyHistogram(c *engine.Ctx) {
	var list []*engine.Spec
	if len(c.Args) == 2 {
		for _, sp := range c.S.Commands.All() {
			list = append(list, sp)
			list = append(list, sortedSubs(sp)...)
		}
	} else {
		for _, a := range c.Args[2:] {
			sp := lookupByFullName(c.S, string(a))
			if sp == nil {
				continue
			}
			list = append(list, sp)
			list = append(list, sortedSubs(sp)...)
		}
	}
	c.W.Defer('%')
	n := 0
	for _, sp := range list {
		h := c.S.CommandHistogram(sp)
		if h == nil || h.Total() == 0 {
			continue
		}
		n++
		c.W.BulkString(sp.FullName())
		c.W.Map(2)
		c.W.BulkString("calls")
		c.W.Int(h.Total())
		c.W.BulkString("histogram_usec")
		cum := h.Cumulative()
		c.W.Map(len(cum))
		for _, p := range cum {
			c.W.Int(p[0])
			c.W.Int(p[1])
		}
	}
	c.W.SetLen('%', n)
}

func cmdLatencyHelp(c *engine.Ctx) {
	replyHelp(c, `
DOCTOR
    Return a human readable latency analysis report.
GRAPH <event>
    Return an ASCII latency graph for the <event> class.
HISTORY <event>
    Return time-latency samples for the <event> class.
LATEST
    Return the latest latency samples for all events.
RESET [<event> ...]
    Reset latency data of one or more <event> classes.
    (default: reset all data for all event classes)
HISTOGRAM [COMMAND ...]
    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.
    If no commands are specified then all histograms are replied.
`)
}

// --- MEMORY --------------------------------------------------------------

func cmdMemoryUsage(c *engine.Ctx) {
	samples := int64(5)
	for j := 3; j < len(c.Args); j++ {
		if strings.EqualFold(c.Arg(j), "samples") && j+1 < len(c.Args) {
			n, ok := parseInt64(c.Args[j+1])
			if !ok {
				c.Error(msgNotInteger)
				return
			}
			if n < 0 {
				c.Error(msgSyntax)
				return
			}
			samples = n
			if n == 0 {
				samples = math.MaxInt64
			}
			j++
			continue
		}
		c.Error(msgSyntax)
		return
	}
	e := c.DB.Peek(c.Arg(2))
	if e == nil {
		c.W.Null()
		return
	}
	overhead := int64(sdsAlloc(len(c.Args[2]))) + 24
	if f := c.S.Info.MemoryUsage; f != nil {
		if n, ok := f(c.DB, c.Arg(2), e, samples); ok {
			c.W.Int(n + overhead)
			return
		}
	}
	c.W.Int(int64(valueSize(e.Val)) + overhead)
}

// sdsAlloc approximates the allocation size of an n-byte string (header,
// terminator, allocator size classes).
func sdsAlloc(n int) int {
	need := n + 4
	for _, class := range []int{8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512} {
		if need <= class {
			return class
		}
	}
	return (need + 127) / 128 * 128
}

// valueSize approximates the memory a value uses.
func valueSize(v keyspace.Value) int {
	switch x := v.(type) {
	case *keyspace.String:
		if _, ok := keyspace.ParseInt(x.B); ok && len(x.B) <= 20 {
			return 16
		}
		return 16 + sdsAlloc(len(x.B))
	case interface{ Len() int }:
		return 16 + 64 + x.Len()*24
	case *keyspace.ModuleValue:
		// The type's mem_usage callback, when the module has one.
		if mu, ok := x.Type.(interface{ MemUsage(ptr uintptr) int }); ok {
			return 16 + mu.MemUsage(x.Ptr)
		}
	}
	return 64
}

func cmdMemoryStats(c *engine.Ctx) {
	used := usedMemory(c.S)
	var dbs []*keyspace.DB
	keys := 0
	for _, db := range c.S.KS.DBs {
		if db.Len() > 0 || db.Expires() > 0 {
			dbs = append(dbs, db)
			keys += db.Len()
		}
	}
	startup := int64(850000)
	overhead := startup + int64(len(c.S.Clients))*22000
	dataset := max(used-overhead, 0)
	c.W.Map(27 + len(dbs))
	kv := func(k string, v int64) { c.W.BulkString(k); c.W.Int(v) }
	kf := func(k string, v float64) { c.W.BulkString(k); c.W.Double(v) }
	kv("peak.allocated", peakMemory(used))
	kv("total.allocated", used)
	kv("startup.allocated", startup)
	kv("replication.backlog", 0)
	kv("clients.slaves", 0)
	kv("clients.normal", int64(len(c.S.Clients))*22000)
	kv("cluster.links", 0)
	kv("aof.buffer", 0)
	kv("lua.caches", 0)
	kv("functions.caches", 0)
	for _, db := range dbs {
		c.W.BulkString("db." + strconv.Itoa(db.ID))
		c.W.Map(3)
		kv("overhead.hashtable.main", int64(db.Len())*24+32)
		kv("overhead.hashtable.expires", int64(db.Expires())*24)
		kv("overhead.hashtable.slot-to-keys", 0)
	}
	kv("overhead.total", overhead)
	kv("keys.count", int64(keys))
	perKey := int64(0)
	if keys > 0 {
		perKey = (used - startup) / int64(keys)
	}
	kv("keys.bytes-per-key", perKey)
	kv("dataset.bytes", dataset)
	kf("dataset.percentage", percent(dataset, used-startup))
	kf("peak.percentage", percent(used, peakMemory(used)))
	rss := rssMemory()
	kv("allocator.allocated", used)
	kv("allocator.active", used)
	kv("allocator.resident", rss)
	kf("allocator-fragmentation.ratio", 1)
	kv("allocator-fragmentation.bytes", 0)
	kf("allocator-rss.ratio", ratio(rss, used))
	kv("allocator-rss.bytes", rss-used)
	kf("rss-overhead.ratio", 1)
	kv("rss-overhead.bytes", 0)
	kf("fragmentation", ratio(rss, used))
	kv("fragmentation.bytes", rss-used)
}

func percent(a, b int64) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) * 100 / float64(b)
}

func ratio(a, b int64) float64 {
	if b <= 0 {
		return 0
	}
	return math.Round(float64(a)/float64(b)*100) / 100
}

func cmdMemoryDoctor(c *engine.Ctx) {
	var report string
	if usedMemory(c.S) < 5<<20 {
		report = "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these conditions. Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be back to our programming as soon as I finished rebooting.\n"
	} else {
		report = "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n"
	}
	c.W.Verbatim("txt", []byte(report))
}

func cmdMemoryMallocStats(c *engine.Ctx) {
	c.W.BulkString("Stats not supported for the current allocator")
}

func cmdMemoryPurge(c *engine.Ctx) {
	runtime.GC()
	c.W.OK()
}

func cmdMemoryHelp(c *engine.Ctx) {
	replyHelp(c, `
DOCTOR
    Return memory problems reports.
MALLOC-STATS
    Return internal statistics report from the memory allocator.
PURGE
    Attempt to purge dirty pages for reclamation by the allocator.
STATS
    Return information about the memory usage of the server.
USAGE <key> [SAMPLES <count>]
    Return memory in bytes used by <key> and its value. Nested values are
    sampled up to <count> times (default: 5, 0 means sample all).
`)
}

// --- DEBUG ---------------------------------------------------------------

// debugAllowed applies enable-debug-command (yes, no, local).
func debugAllowed(c *engine.Ctx) bool {
	switch c.S.Settings.EnableDebugCommand {
	case "yes":
		return true
	case "local":
		return c.C.IsLocal()
	}
	return false
}

func cmdDebug(c *engine.Ctx) {
	if !debugAllowed(c) {
		c.Error(msgDebugNotAllowed)
		return
	}
	sub := strings.ToLower(c.Arg(1))
	n := len(c.Args)
	if fn := c.S.DebugSubs[sub]; fn != nil {
		fn(c)
		return
	}
	switch {
	case sub == "help" && n == 2:
		replyHelp(c, debugHelp)
	case sub == "sleep" && n == 3:
		secs, _ := strconv.ParseFloat(strings.TrimSpace(cArg(c.Args[2], len(c.Args[2]))), 64)
		if secs > 0 && !math.IsInf(secs, 0) {
			// DEBUG SLEEP stalls the whole server on purpose, lock held.
			time.Sleep(time.Duration(secs * float64(time.Second)))
		}
		c.W.OK()
	case sub == "set-active-expire" && n == 3:
		c.S.Settings.ActiveExpire = atoi(c.Args[2]) != 0
		c.W.OK()
	case sub == "quicklist-packed-threshold" && n == 3:
		v, ok := parseMemory(c.Arg(2))
		if !ok || v > 1<<32-1<<20 {
			c.Error(msgQuicklistThreshold)
			return
		}
		c.W.OK()
	case (sub == "set-skip-checksum-validation" || sub == "aof-flush-sleep" || sub == "set-disable-deny-scripts" || sub == "pause-cron") && n == 3:
		c.W.OK()
	case sub == "change-repl-id" && n == 2:
		c.W.OK()
	case sub == "log" && n == 3:
		if log := c.S.Config().Log; log != nil {
			const levelWarning = 3 // server.LevelWarning
			log(levelWarning, "DEBUG LOG: %s", cArg(c.Args[2], len(c.Args[2])))
		}
		c.W.OK()
	case sub == "error" && n == 3:
		msg := string(c.Args[2])
		c.W.Error(msg)
	case sub == "object" && n == 3:
		debugObject(c)
	case sub == "protocol" && n == 3:
		debugProtocol(c)
	case sub == "populate" && n >= 3 && n <= 5:
		debugPopulate(c)
	case sub == "stringmatch-test" && n == 2:
		c.Error(fmt.Sprintf(msgDebugUnsupported, strings.ToUpper(sub)))
	default:
		replySubcommandSyntax(c)
	}
}

// atoi parses a leading integer the way C's atoi does (0 on garbage).
func atoi(b []byte) int64 {
	s := strings.TrimLeft(string(b), " \t")
	end := 0
	if end < len(s) && (s[end] == '-' || s[end] == '+') {
		end++
	}
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	n, _ := strconv.ParseInt(s[:end], 10, 64)
	return n
}

// parseMemory parses a memory amount with an optional unit (1k, 2mb, 3gb).
func parseMemory(s string) (int64, bool) {
	s = strings.ToLower(s)
	mul := int64(1)
	for _, u := range []struct {
		suffix string
		mul    int64
	}{{"kb", 1024}, {"mb", 1 << 20}, {"gb", 1 << 30}, {"k", 1000}, {"m", 1000000}, {"g", 1000000000}, {"b", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mul = strings.TrimSuffix(s, u.suffix), u.mul
			break
		}
	}
	n, err := strconv.ParseUint(s, 10, 63)
	if err != nil {
		return 0, false
	}
	return int64(n) * mul, true
}

func debugObject(c *engine.Ctx) {
	e := c.DB.Peek(c.Arg(2))
	if e == nil {
		c.Error(msgNoSuchKey)
		return
	}
	enc := "raw"
	if x, ok := e.Val.(interface{ Encoding() string }); ok {
		enc = x.Encoding()
	}
	idle := int64(0)
	if e.Access > 0 {
		idle = (c.S.KS.Now() - e.Access) / 1000
	}
	ser := valueSize(e.Val)
	if s, ok := e.Val.(*keyspace.String); ok {
		ser = len(s.B) + 1
	}
	c.W.Simple(fmt.Sprintf("Value at:%p refcount:1 encoding:%s serializedlength:%d lru:%d lru_seconds_idle:%d",
		e, enc, ser, (c.S.KS.Now()/1000)&(1<<24-1), idle))
}

func debugProtocol(c *engine.Ctx) {
	w := c.W
	switch strings.ToLower(c.Arg(2)) {
	case "string":
		w.BulkString("Hello World")
	case "integer":
		w.Int(12345)
	case "double":
		w.Double(3.141)
	case "bignum":
		w.BigNumber([]byte("1234567999999999999999999999999999999"))
	case "null":
		w.Null()
	case "array":
		w.Array(3)
		for j := 0; j < 3; j++ {
			w.Int(int64(j))
		}
	case "set":
		w.Set(3)
		for j := 0; j < 3; j++ {
			w.Int(int64(j))
		}
	case "map":
		w.Map(3)
		for j := 0; j < 3; j++ {
			w.Int(int64(j))
			w.Bool(j == 1)
		}
	case "attrib":
		if c.C.Resp >= 3 {
			w.Attribute(1)
			w.BulkString("key-popularity")
			w.Array(2)
			w.BulkString("key:123")
			w.Int(90)
		}
		w.BulkString("Some real reply following the attribute")
	case "push":
		if c.C.Resp < 3 {
			c.Error(msgResp2Unsupported)
			return
		}
		w.Push(2)
		w.BulkString("server-cpu-usage")
		w.Int(42)
		w.BulkString("Some real reply following the push reply")
	case "true":
		w.Bool(true)
	case "false":
		w.Bool(false)
	case "verbatim":
		w.Verbatim("txt", []byte("This is a verbatim\nstring"))
	default:
		c.Error(msgProtocolType)
	}
}

func debugPopulate(c *engine.Ctx) {
	keys, ok := parseInt64(c.Args[2])
	if !ok || keys < 0 {
		c.Error(msgPositive)
		return
	}
	prefix := "key"
	if len(c.Args) >= 4 {
		prefix = cArg(c.Args[3], len(c.Args[3]))
	}
	var size int64
	if len(c.Args) == 5 {
		v, ok := parseInt64(c.Args[4])
		if !ok || v < 0 {
			c.Error(msgPositive)
			return
		}
		size = v
	}
	for j := int64(0); j < keys; j++ {
		key := prefix + ":" + strconv.FormatInt(j, 10)
		if c.DB.LookupNoTouch(key) != nil {
			continue
		}
		val := []byte("value:" + strconv.FormatInt(j, 10))
		if size > 0 {
			b := make([]byte, size)
			copy(b, val)
			val = b
		}
		c.DB.Set(key, keyspace.NewString(val))
		c.DB.Modified(key)
	}
	c.W.OK()
}

// debugHelp is Redis 7.2's DEBUG HELP text (without the jemalloc-only
// entries; modhost does not use jemalloc).
const debugHelp = `
AOF-FLUSH-SLEEP <microsec>
    Server will sleep before flushing the AOF, this is used for testing.
ASSERT
    Crash by assertion failed.
CHANGE-REPL-ID
    Change the replication IDs of the instance.
    Dangerous: should be used only for testing the replication subsystem.
CONFIG-REWRITE-FORCE-ALL
    Like CONFIG REWRITE but writes all configuration options, including
    keywords not listed in original configuration file or default values.
CRASH-AND-RECOVER [<milliseconds>]
    Hard crash and restart after a <milliseconds> delay (default 0).
DIGEST
    Output a hex signature representing the current DB content.
DIGEST-VALUE <key> [<key> ...]
    Output a hex signature of the values of all the specified keys.
ERROR <string>
    Return a Redis protocol error with <string> as message. Useful for clients
    unit tests to simulate Redis errors.
LEAK <string>
    Create a memory leak of the input string.
LOG <message>
    Write <message> to the server log.
HTSTATS <dbid> [full]
    Return hash table statistics of the specified Redis database.
HTSTATS-KEY <key> [full]
    Like HTSTATS but for the hash table stored at <key>'s value.
LOADAOF
    Flush the AOF buffers on disk and reload the AOF in memory.
REPLICATE <string>
    Replicates the provided string to replicas, allowing data divergence.
OBJECT <key>
    Show low level info about ` + "`key`" + ` and associated value.
DROP-CLUSTER-PACKET-FILTER <packet-type>
    Drop all packets that match the filtered type. Set to -1 allow all packets.
OOM
    Crash the server simulating an out-of-memory error.
PANIC
    Crash the server simulating a panic.
POPULATE <count> [<prefix>] [<size>]
    Create <count> string keys named key:<num>. If <prefix> is specified then
    it is used instead of the 'key' prefix. These are not propagated to
    replicas. Cluster slots are not respected so keys not belonging to the
    current node can be created in cluster mode.
PROTOCOL <type>
    Reply with a test value of the specified type. <type> can be: string,
    integer, double, bignum, null, array, set, map, attrib, push, verbatim,
    true, false.
RELOAD [option ...]
    Save the RDB on disk and reload it back to memory. Valid <option> values:
    * MERGE: conflicting keys will be loaded from RDB.
    * NOFLUSH: the existing database will not be removed before load, but
      conflicting keys will generate an exception and kill the server.
    * NOSAVE: the database will be loaded from an existing RDB file.
    Examples:
    * DEBUG RELOAD: verify that the server is able to persist, flush and reload
      the database.
    * DEBUG RELOAD NOSAVE: replace the current database with the contents of an
      existing RDB file.
    * DEBUG RELOAD NOSAVE NOFLUSH MERGE: add the contents of an existing RDB
      file to the database.
RESTART [<milliseconds>]
    Graceful restart: save config, db, restart after a <milliseconds> delay (default 0).
SDSLEN <key>
    Show low level SDS string info representing ` + "`key`" + ` and value.
SEGFAULT
    Crash the server with sigsegv.
SET-ACTIVE-EXPIRE <0|1>
    Setting it to 0 disables expiring keys in background when they are not
    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the
    default.
QUICKLIST-PACKED-THRESHOLD <size>
    Sets the threshold for elements to be inserted as plain vs packed nodes
    Default value is 1GB, allows values up to 4GB. Setting to 0 restores to default.
SET-SKIP-CHECKSUM-VALIDATION <0|1>
    Enables or disables checksum checks for RDB files and RESTORE's payload.
SLEEP <seconds>
    Stop the server for <seconds>. Decimals allowed.
STRINGMATCH-TEST
    Run a fuzz tester against the stringmatchlen() function.
STRUCTSIZE
    Return the size of different Redis core C structures.
LISTPACK <key>
    Show low level info about the listpack encoding of <key>.
QUICKLIST <key> [<0|1>]
    Show low level info about the quicklist encoding of <key>.
    The optional argument (0 by default) sets the level of detail
CLIENT-EVICTION
    Show low level client eviction pools info (maxmemory-clients).
PAUSE-CRON <0|1>
    Stop periodic cron job processing.
REPLYBUFFER PEAK-RESET-TIME <NEVER||RESET|time>
    Sets the time (in milliseconds) to wait between client reply buffer peak resets.
    In case NEVER is provided the last observed peak will never be reset
    In case RESET is provided the peak reset time will be restored to the default value
REPLYBUFFER RESIZING <0|1>
    Enable or disable the reply buffer resize cron job
CLUSTERLINK KILL <to|from|all> <node-id>
    Kills the link based on the direction to/from (both) with the provided node.
`

// --- COMMAND -------------------------------------------------------------

// commandFlagNames are the flags COMMAND INFO shows, in Redis 7.2's
// order; may_replicate, sentinel, protected and touches_arbitrary_keys
// stay hidden as in Redis. movablekeys is computed.
var commandFlagNames = []struct {
	f    engine.Flag
	name string
}{
	{engine.FlagWrite, "write"}, {engine.FlagReadonly, "readonly"}, {engine.FlagDenyOOM, "denyoom"},
	{engine.FlagModule, "module"}, {engine.FlagAdmin, "admin"}, {engine.FlagPubSub, "pubsub"},
	{engine.FlagNoScript, "noscript"}, {engine.FlagBlocking, "blocking"}, {engine.FlagLoading, "loading"},
	{engine.FlagStale, "stale"}, {engine.FlagSkipMonitor, "skip_monitor"}, {engine.FlagSkipSlowlog, "skip_slowlog"},
	{engine.FlagFast, "fast"}, {engine.FlagNoAuth, "no_auth"}, {engine.FlagNoMandatoryKeys, "no_mandatory_keys"},
	{engine.FlagNoAsyncLoading, "no_async_loading"}, {engine.FlagNoMulti, "no_multi"},
	{0, "movablekeys"}, {engine.FlagAllowBusy, "allow_busy"},
}

// aclCategoryOrder is the order Redis lists ACL categories in.
var aclCategoryOrder = []string{"keyspace", "read", "write", "set", "sortedset", "list", "hash", "string",
	"bitmap", "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking", "dangerous",
	"connection", "transaction", "scripting"}

// commandCategories returns the command's ACL categories, the implicit
// ones (from flags) included, in Redis's order.
func commandCategories(sp *engine.Spec) []string {
	has := map[string]bool{}
	for _, a := range sp.ACL {
		has[strings.TrimPrefix(strings.ToLower(a), "@")] = true
	}
	if sp.Module != "" {
		// Module commands have only the categories the module set
		// (RedisModule_SetCommandACLCategories); none are implied.
		return orderedCategories(has)
	}
	if sp.Flags&engine.FlagWrite != 0 {
		has["write"] = true
	}
	if sp.Flags&engine.FlagReadonly != 0 && !has["scripting"] {
		has["read"] = true
	}
	if sp.Flags&engine.FlagAdmin != 0 {
		has["admin"], has["dangerous"] = true, true
	}
	if sp.Flags&engine.FlagPubSub != 0 {
		has["pubsub"] = true
	}
	if sp.Flags&engine.FlagFast != 0 {
		has["fast"] = true
	}
	if sp.Flags&engine.FlagBlocking != 0 {
		has["blocking"] = true
	}
	if !has["fast"] {
		has["slow"] = true
	}
	return orderedCategories(has)
}

// orderedCategories lists the categories in has in Redis's order.
func orderedCategories(has map[string]bool) []string {
	var out []string
	for _, c := range aclCategoryOrder {
		if has[c] {
			out = append(out, c)
		}
	}
	return out
}

// movableKeys reports whether the command's key positions depend on its
// arguments.
func movableKeys(sp *engine.Spec) bool {
	if sp.GetKeys != nil || sp.Flags&(engine.FlagModuleGetKeys|engine.FlagMovableKeys) != 0 {
		return true
	}
	for _, ks := range sp.KeySpecs {
		if ks.Unknown || ks.Keyword != "" || ks.KeyNum {
			return true
		}
	}
	return false
}

// sortedSubs returns the subcommands of sp by name.
func sortedSubs(sp *engine.Spec) []*engine.Spec {
	out := make([]*engine.Spec, 0, len(sp.Subs))
	for _, s := range sp.Subs {
		out = append(out, s)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Name < out[j-1].Name; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// lookupByFullName finds "name" or "container|sub", case-insensitively.
func lookupByFullName(s *engine.Server, name string) *engine.Spec {
	parent, child, isSub := strings.Cut(name, "|")
	sp := s.Commands.Lookup([]byte(parent))
	if sp == nil || !isSub {
		return sp
	}
	return sp.Subs[strings.ToLower(child)]
}

func writeCommandInfo(c *engine.Ctx, sp *engine.Spec) {
	w := c.W
	if sp == nil {
		w.Null()
		return
	}
	w.Array(10)
	w.BulkString(sp.FullName())
	w.Int(int64(sp.Arity))
	movable := movableKeys(sp)
	var flags []string
	for _, f := range commandFlagNames {
		if (f.f != 0 && sp.Flags&f.f != 0) || (f.f == 0 && movable) {
			flags = append(flags, f.name)
		}
	}
	w.Set(len(flags))
	for _, f := range flags {
		w.Simple(f)
	}
	first, last, step := sp.First, sp.Last, sp.Step
	if first <= 0 {
		first, last, step = 0, 0, 0
	}
	w.Int(int64(first))
	w.Int(int64(last))
	w.Int(int64(step))
	cats := commandCategories(sp)
	w.Set(len(cats))
	for _, cat := range cats {
		w.Simple("@" + cat)
	}
	w.Set(len(sp.Tips))
	for _, t := range sp.Tips {
		w.BulkString(t)
	}
	w.Set(len(sp.KeySpecs))
	for _, ks := range sp.KeySpecs {
		writeKeySpec(c, ks)
	}
	if len(sp.Subs) == 0 {
		w.Set(0)
		return
	}
	list := sortedSubs(sp)
	w.Array(len(list))
	for _, s := range list {
		writeCommandInfo(c, s)
	}
}

func writeKeySpec(c *engine.Ctx, ks engine.KeySpec) {
	w := c.W
	n := 3
	if ks.Notes != "" {
		n++
	}
	w.Map(n)
	if ks.Notes != "" {
		w.BulkString("notes")
		w.BulkString(ks.Notes)
	}
	w.BulkString("flags")
	w.Set(len(ks.Flags))
	for _, f := range ks.Flags {
		w.Simple(f)
	}
	w.BulkString("begin_search")
	w.Map(2)
	w.BulkString("type")
	switch {
	case ks.Unknown || ks.UnknownBegin:
		w.BulkString("unknown")
		w.BulkString("spec")
		w.Map(0)
	case ks.Keyword != "":
		w.BulkString("keyword")
		w.BulkString("spec")
		w.Map(2)
		w.BulkString("keyword")
		w.BulkString(ks.Keyword)
		w.BulkString("startfrom")
		w.Int(int64(ks.StartFrom))
	default:
		w.BulkString("index")
		w.BulkString("spec")
		w.Map(1)
		w.BulkString("index")
		w.Int(int64(ks.Index))
	}
	w.BulkString("find_keys")
	w.Map(2)
	w.BulkString("type")
	switch {
	case ks.Unknown || ks.UnknownFind:
		w.BulkString("unknown")
		w.BulkString("spec")
		w.Map(0)
	case ks.KeyNum:
		w.BulkString("keynum")
		w.BulkString("spec")
		w.Map(3)
		w.BulkString("keynumidx")
		w.Int(int64(ks.KeyNumIdx))
		w.BulkString("firstkey")
		w.Int(int64(ks.FirstKey))
		w.BulkString("keystep")
		w.Int(int64(ks.KeyStep))
	default:
		w.BulkString("range")
		w.BulkString("spec")
		w.Map(3)
		w.BulkString("lastkey")
		w.Int(int64(ks.LastKey))
		w.BulkString("keystep")
		w.Int(int64(ks.KeyStep))
		w.BulkString("limit")
		w.Int(int64(ks.Limit))
	}
}

func writeCommandDocs(c *engine.Ctx, sp *engine.Spec) {
	w := c.W
	n := 1
	if sp.Summary != "" {
		n++
	}
	if sp.Since != "" {
		n++
	}
	if sp.Module != "" {
		n++
	}
	if sp.Complexity != "" {
		n++
	}
	if len(sp.Subs) > 0 {
		n++
	}
	var extra []engine.DocField
	if sp.Module == "" {
		extra = coreDocFields(sp.FullName())
	}
	if c.S.Info.CommandDocs != nil {
		extra = append(extra, c.S.Info.CommandDocs(sp)...)
	}
	n += len(extra)
	w.Map(n)
	if sp.Summary != "" {
		w.BulkString("summary")
		w.BulkString(sp.Summary)
	}
	if sp.Since != "" {
		w.BulkString("since")
		w.BulkString(sp.Since)
	}
	w.BulkString("group")
	group := sp.Group
	if sp.Module != "" {
		group = "module"
	}
	if group == "" {
		group = "generic"
	}
	w.BulkString(group)
	if sp.Complexity != "" {
		w.BulkString("complexity")
		w.BulkString(sp.Complexity)
	}
	if sp.Module != "" {
		w.BulkString("module")
		w.BulkString(sp.Module)
	}
	for _, f := range extra {
		w.BulkString(f.Name)
		f.Write(w)
	}
	if len(sp.Subs) > 0 {
		w.BulkString("subcommands")
		list := sortedSubs(sp)
		w.Map(len(list))
		for _, s := range list {
			w.BulkString(s.FullName())
			writeCommandDocs(c, s)
		}
	}
}

// cmdDocs are the COMMAND DOCS fields beyond the table entry's.
type cmdDocs struct {
	docFlags                    []string
	deprecatedSince, replacedBy string
	history                     [][2]string
	args                        []engine.DocArg
}

// coreDocFields turns a core command's generated docs into COMMAND DOCS
// fields, in Redis's order.
func coreDocFields(name string) []engine.DocField {
	d, ok := coreDocs[name]
	if !ok {
		return nil
	}
	var out []engine.DocField
	if len(d.docFlags) > 0 {
		out = append(out, engine.DocField{Name: "doc_flags", Write: func(w *resp.Writer) {
			w.Set(len(d.docFlags))
			for _, f := range d.docFlags {
				w.Simple(f)
			}
		}})
	}
	if d.deprecatedSince != "" {
		out = append(out, engine.DocField{Name: "deprecated_since", Write: func(w *resp.Writer) { w.BulkString(d.deprecatedSince) }})
	}
	if d.replacedBy != "" {
		out = append(out, engine.DocField{Name: "replaced_by", Write: func(w *resp.Writer) { w.BulkString(d.replacedBy) }})
	}
	if len(d.history) > 0 {
		out = append(out, engine.DocField{Name: "history", Write: func(w *resp.Writer) {
			w.Set(len(d.history))
			for _, h := range d.history {
				w.Array(2)
				w.BulkString(h[0])
				w.BulkString(h[1])
			}
		}})
	}
	if len(d.args) > 0 {
		out = append(out, engine.DocField{Name: "arguments", Write: func(w *resp.Writer) { engine.WriteDocArgs(w, d.args) }})
	}
	return out
}

func cmdCommand(c *engine.Ctx) {
	all := c.S.Commands.All()
	c.W.Array(len(all))
	for _, sp := range all {
		writeCommandInfo(c, sp)
	}
}

func cmdCommandCount(c *engine.Ctx) { c.W.Int(int64(c.S.Commands.Len())) }

func cmdCommandInfo(c *engine.Ctx) {
	if len(c.Args) == 2 {
		cmdCommand(c)
		return
	}
	c.W.Array(len(c.Args) - 2)
	for _, a := range c.Args[2:] {
		writeCommandInfo(c, lookupByFullName(c.S, string(a)))
	}
}

func cmdCommandDocs(c *engine.Ctx) {
	var list []*engine.Spec
	if len(c.Args) == 2 {
		list = c.S.Commands.All()
	} else {
		for _, a := range c.Args[2:] {
			if sp := lookupByFullName(c.S, string(a)); sp != nil {
				list = append(list, sp)
			}
		}
	}
	c.W.Map(len(list))
	for _, sp := range list {
		c.W.BulkString(sp.FullName())
		writeCommandDocs(c, sp)
	}
}

func cmdCommandList(c *engine.Ctx) {
	filter := func(*engine.Spec) bool { return true }
	for i := 2; i < len(c.Args); i++ {
		if !strings.EqualFold(c.Arg(i), "filterby") || len(c.Args)-1-i != 2 {
			c.Error(msgSyntax)
			return
		}
		arg := c.Arg(i + 2)
		switch strings.ToLower(c.Arg(i + 1)) {
		case "module":
			filter = func(sp *engine.Spec) bool {
				for sp.Parent != nil {
					sp = sp.Parent
				}
				return sp.Module != "" && sp.Module == arg
			}
		case "aclcat":
			cat := strings.ToLower(arg)
			filter = func(sp *engine.Spec) bool {
				for _, x := range commandCategories(sp) {
					if x == cat {
						return true
					}
				}
				return false
			}
		case "pattern":
			filter = func(sp *engine.Spec) bool { return globMatch(arg, sp.FullName()) }
		default:
			c.Error(msgSyntax)
			return
		}
		i += 2
	}
	var names []string
	for _, sp := range c.S.Commands.All() {
		if filter(sp) {
			names = append(names, sp.FullName())
		}
		for _, s := range sortedSubs(sp) {
			if filter(s) {
				names = append(names, s.FullName())
			}
		}
	}
	c.W.Array(len(names))
	for _, n := range names {
		c.W.BulkString(n)
	}
}

func cmdCommandGetKeys(c *engine.Ctx)         { commandGetKeys(c, false) }
func cmdCommandGetKeysAndFlags(c *engine.Ctx) { commandGetKeys(c, true) }

func commandGetKeys(c *engine.Ctx, withFlags bool) {
	args := c.Args[2:]
	sp := c.S.Commands.Lookup(args[0])
	if sp != nil && len(sp.Subs) > 0 && len(args) >= 2 {
		sp = sp.Subs[strings.ToLower(string(args[1]))]
	}
	if sp != nil && sp.Module != "" {
		moduleGetKeys(c, sp, args, withFlags)
		return
	}
	switch {
	case sp == nil:
		c.Error(msgInvalidCommand)
		return
	case sp.GetKeys == nil && sp.First <= 0 && len(sp.KeySpecs) == 0 && sp.Flags&engine.FlagModuleGetKeys == 0:
		c.Error(msgNoKeyArgs)
		return
	case (sp.Arity > 0 && sp.Arity != len(args)) || len(args) < -sp.Arity:
		c.Error(msgInvalidArgCount)
		return
	}
	var keys []engine.KeyRef
	if sp.GetKeys == nil && len(sp.KeySpecs) > 0 && !anyUnknownSpec(sp.KeySpecs) {
		for _, ks := range sp.KeySpecs {
			for _, p := range keySpecPositions(ks, args) {
				keys = append(keys, engine.KeyRef{Pos: p, Flags: ks.Flags})
			}
		}
	} else {
		var flags []string
		if len(sp.KeySpecs) > 0 {
			flags = sp.KeySpecs[0].Flags
		}
		for _, p := range sp.KeyPositions(args) {
			keys = append(keys, engine.KeyRef{Pos: p, Flags: flags})
		}
	}
	if fn := engine.VariableKeyFlags[sp.FullName()]; fn != nil {
		for i := range keys {
			keys[i].Flags = fn(args)
		}
	}
	replyGetKeys(c, sp, args, keys, withFlags)
}

// replyGetKeys writes COMMAND GETKEYS (or GETKEYSANDFLAGS) for keys found
// in args; no key is an error unless the command may have none.
func replyGetKeys(c *engine.Ctx, sp *engine.Spec, args [][]byte, keys []engine.KeyRef, withFlags bool) {
	if len(keys) == 0 {
		if sp.Flags&engine.FlagNoMandatoryKeys != 0 {
			c.W.Array(0)
		} else {
			c.Error(msgInvalidArgsForCmd)
		}
		return
	}
	c.W.Array(len(keys))
	for _, k := range keys {
		if !withFlags {
			c.W.Bulk(args[k.Pos])
			continue
		}
		c.W.Array(2)
		c.W.Bulk(args[k.Pos])
		c.W.Set(len(k.Flags))
		for _, f := range k.Flags {
			c.W.Simple(f)
		}
	}
}

// The key flags of commands whose key spec says variable_flags, as
// Redis's per-command getkeys functions compute them.
func init() {
	engine.VariableKeyFlags["set"] = func(args [][]byte) []string {
		for _, a := range args[min(3, len(args)):] {
			if strings.EqualFold(string(a), "get") {
				return []string{"RW", "access", "update"}
			}
		}
		return []string{"OW", "update"}
	}
}

// moduleGetKeys is COMMAND GETKEYS / GETKEYSANDFLAGS for a module command,
// through the engine's Redis-exact key-spec evaluation.
func moduleGetKeys(c *engine.Ctx, sp *engine.Spec, args [][]byte, withFlags bool) {
	switch {
	case !sp.HasKeys():
		c.Error(msgNoKeyArgs)
		return
	case (sp.Arity > 0 && sp.Arity != len(args)) || len(args) < -sp.Arity:
		c.Error(msgInvalidArgCount)
		return
	}
	replyGetKeys(c, sp, args, sp.KeysWithFlags(args), withFlags)
}

func anyUnknownSpec(list []engine.KeySpec) bool {
	for _, ks := range list {
		if ks.Unknown {
			return true
		}
	}
	return false
}

// keySpecPositions evaluates one key spec against args (args[0] is the
// command name), as Redis's getKeysUsingKeySpecs does.
func keySpecPositions(ks engine.KeySpec, args [][]byte) []int {
	argc := len(args)
	var first int
	if ks.Keyword != "" {
		start, end, step := ks.StartFrom, argc, 1
		if start < 0 {
			start, end, step = argc+start, 0, -1
		}
		first = 0
		for i := start; i != end && i > 0 && i < argc; i += step {
			if strings.EqualFold(string(args[i]), ks.Keyword) {
				first = i + 1
				break
			}
		}
		if first == 0 {
			return nil
		}
	} else {
		first = ks.Index
	}
	if first <= 0 || first >= argc {
		return nil
	}
	var last, step int
	if ks.KeyNum {
		numIdx := first + ks.KeyNumIdx
		if numIdx >= argc {
			return nil
		}
		n, ok := parseInt64(args[numIdx])
		if !ok || n < 0 {
			return nil
		}
		first = numIdx + ks.FirstKey - ks.KeyNumIdx
		step = max(ks.KeyStep, 1)
		last = first + int(n-1)*step
		if n == 0 {
			return nil
		}
	} else {
		step = max(ks.KeyStep, 1)
		switch {
		case ks.LastKey >= 0:
			last = first + ks.LastKey
		case ks.Limit <= 1:
			last = argc + ks.LastKey
		default:
			last = first + (argc-first)/ks.Limit + ks.LastKey
		}
	}
	var out []int
	for i := first; i <= last; i += step {
		if i >= argc || i < first {
			break
		}
		out = append(out, i)
	}
	return out
}

func cmdCommandHelp(c *engine.Ctx) {
	replyHelp(c, `
(no subcommand)
    Return details about all Redis commands.
COUNT
    Return the total number of commands in this Redis server.
LIST
    Return a list of all commands in this Redis server.
INFO [<command-name> ...]
    Return details about multiple Redis commands.
    If no command names are given, documentation details for all
    commands are returned.
DOCS [<command-name> ...]
    Return documentation details about multiple Redis commands.
    If no command names are given, documentation details for all
    commands are returned.
GETKEYS <full-command>
    Return the keys from a full Redis command.
GETKEYSANDFLAGS <full-command>
    Return the keys and the access flags from a full Redis command.
`)
}
