package commands

import (
	"fmt"
	"os"
	"runtime/metrics"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"modhost/engine"
	"modhost/internal/glob"
	"modhost/keyspace"
	"modhost/scripting"
)

// infoSection is one built-in INFO section.
type infoSection struct {
	name  string
	write func(s *engine.Server, w *strings.Builder)
}

// builtinSections are Redis 7.2's sections in its order. "modules" stands
// for the module list (Redis's module_list).
var builtinSections = []infoSection{
	{"server", infoServer},
	{"clients", infoClients},
	{"memory", infoMemory},
	{"persistence", infoPersistence},
	{"stats", infoStats},
	{"replication", infoReplication},
	{"cpu", infoCPU},
	{"modules", infoModules},
	{"commandstats", infoCommandstats},
	{"errorstats", infoErrorstats},
	{"latencystats", infoLatencystats},
	{"cluster", infoCluster},
	{"keyspace", infoKeyspace},
}

// defaultSections are what INFO and INFO default show.
var defaultSections = []string{"server", "clients", "memory", "persistence", "stats", "replication",
	"cpu", "module_list", "errorstats", "cluster", "keyspace"}

func cmdInfo(c *engine.Ctx) {
	c.W.Verbatim("txt", []byte(InfoString(c.S, c.Args[1:])))
}

// InfoString builds the INFO reply text for the requested section names
// (none means the default sections), the way Redis 7.2 selects them.
func InfoString(s *engine.Server, args [][]byte) string {
	requested := map[string]bool{}
	all, everything := false, false
	addDefaults := func() {
		for _, d := range defaultSections {
			requested[d] = true
		}
		for _, sec := range s.Info.Sections() {
			if sec.Default {
				requested[sec.Name] = true
			}
		}
	}
	if len(args) == 0 {
		addDefaults()
	}
	for _, a := range args {
		name := strings.ToLower(string(a))
		switch name {
		case "default":
			addDefaults()
		case "all":
			all = true
		case "everything":
			all, everything = true, true
		default:
			requested[name] = true
		}
	}
	var w strings.Builder
	sections := 0
	emit := func(write func(w *strings.Builder)) {
		if sections > 0 {
			w.WriteString("\r\n")
		}
		sections++
		write(&w)
	}
	builtin := map[string]bool{}
	for _, sec := range builtinSections {
		builtin[sec.name] = true
		want := all || requested[sec.name]
		if sec.name == "modules" {
			want = want || requested["module_list"]
		}
		if !want {
			continue
		}
		if ext, ok := s.Info.Section(sec.name); ok {
			emit(ext.Write)
			continue
		}
		write := sec.write
		emit(func(w *strings.Builder) { write(s, w) })
	}
	for _, sec := range s.Info.Sections() {
		if builtin[sec.Name] {
			continue
		}
		if all || requested[sec.Name] {
			emit(sec.Write)
		}
	}
	if s.Info.Modules != nil && (everything || requested["modules"] || sections < len(requested) || (all && len(requested) > 0)) {
		var filter map[string]bool
		if !everything && !requested["modules"] {
			filter = requested
		}
		sections = s.Info.Modules(&w, filter, sections)
	}
	if requested["debug"] {
		emit(func(w *strings.Builder) {
			w.WriteString("# Debug\r\n")
			for _, f := range []string{"eventloop_duration_aof_sum", "eventloop_duration_cron_sum",
				"eventloop_duration_max", "eventloop_cmd_per_cycle_max"} {
				field(w, f, 0)
			}
		})
	}
	return w.String()
}

func field(w *strings.Builder, name string, v any) {
	w.WriteString(name)
	w.WriteByte(':')
	fmt.Fprint(w, v)
	w.WriteString("\r\n")
}

func infoServer(s *engine.Server, w *strings.Builder) {
	var u syscall.Utsname
	_ = syscall.Uname(&u)
	now := time.Now()
	uptime := now.Unix() - s.Started.Unix()
	w.WriteString("# Server\r\n")
	field(w, "redis_version", engine.RedisVersion)
	field(w, "modhost_version", engine.ModhostVersion)
	field(w, "redis_git_sha1", "00000000")
	field(w, "redis_git_dirty", 0)
	field(w, "redis_build_id", "0")
	field(w, "redis_mode", "standalone")
	field(w, "os", utsString(u.Sysname[:])+" "+utsString(u.Release[:])+" "+utsString(u.Machine[:]))
	field(w, "arch_bits", 64)
	field(w, "monotonic_clock", "POSIX clock_gettime")
	field(w, "multiplexing_api", "epoll")
	field(w, "atomicvar_api", "c11-builtin")
	field(w, "gcc_version", "0.0.0")
	field(w, "process_id", os.Getpid())
	field(w, "process_supervised", "no")
	field(w, "run_id", s.RunID)
	field(w, "tcp_port", s.Process.Port)
	field(w, "server_time_usec", now.UnixMicro())
	field(w, "uptime_in_seconds", uptime)
	field(w, "uptime_in_days", uptime/(3600*24))
	field(w, "hz", s.Settings.Hz)
	field(w, "configured_hz", s.Settings.Hz)
	field(w, "lru_clock", (now.UnixMilli()/1000)&(1<<24-1))
	field(w, "executable", s.Process.Executable)
	field(w, "config_file", s.Process.ConfigFile)
	field(w, "io_threads_active", 0)
	if s.Process.Port > 0 {
		field(w, "listener0", "name=tcp,bind=127.0.0.1,port="+strconv.Itoa(s.Process.Port))
	}
	if s.Process.UnixSocket != "" {
		field(w, "listener1", "name=unix,bind="+s.Process.UnixSocket)
	}
}

func utsString(b []int8) string {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c == 0 {
			break
		}
		out = append(out, byte(c))
	}
	return string(out)
}

func infoClients(s *engine.Server, w *strings.Builder) {
	connected, inTimeout, maxIn := 0, 0, 0
	for _, c := range s.Clients {
		if c.Flags&engine.ClientReplica == 0 {
			connected++
		}
		if c.Blocked != nil && !c.Blocked.Deadline.IsZero() {
			inTimeout++
		}
		maxIn = max(maxIn, c.QueryBuf)
	}
	w.WriteString("# Clients\r\n")
	field(w, "connected_clients", connected)
	field(w, "cluster_connections", 0)
	field(w, "maxclients", s.Settings.MaxClients)
	field(w, "client_recent_max_input_buffer", maxIn)
	field(w, "client_recent_max_output_buffer", 0)
	field(w, "blocked_clients", s.BlockedClients())
	trkClients, _, _, _ := s.TrackingCounts()
	field(w, "tracking_clients", trkClients)
	field(w, "clients_in_timeout_table", inTimeout)
	field(w, "total_blocking_keys", s.BlockingKeys())
	field(w, "total_blocking_keys_on_nokey", s.BlockingKeysOnNoKey())
}

var memSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}

// peak is the highest used_memory seen (INFO used_memory_peak); guarded by
// the execution lock.
var peak int64

// usedMemory is INFO used_memory: live Go heap objects plus what other
// layers report (module C allocations).
func usedMemory(s *engine.Server) int64 {
	metrics.Read(memSample)
	used := int64(memSample[0].Value.Uint64())
	for _, h := range s.Info.UsedMemory {
		used += h()
	}
	peak = max(peak, used)
	return used
}

func peakMemory(used int64) int64 { return max(peak, used) }

// rssMemory reads the resident set size from /proc.
func rssMemory() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

func totalSystemMemory() int64 {
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) != nil {
		return 0
	}
	return int64(si.Totalram) * int64(si.Unit)
}

// bytesToHuman formats a byte count as Redis does (1.50K, 2.00M, ...).
func bytesToHuman(n int64) string {
	units := []string{"K", "M", "G", "T", "P"}
	if n < 1024 {
		return strconv.FormatInt(n, 10) + "B"
	}
	d := float64(n)
	for i, u := range units {
		d /= 1024
		if d < 1024 || i == len(units)-1 {
			return fmt.Sprintf("%.2f%s", d, u)
		}
	}
	return strconv.FormatInt(n, 10) + "B"
}

func infoMemory(s *engine.Server, w *strings.Builder) {
	used := usedMemory(s)
	rss := rssMemory()
	pk := peakMemory(used)
	startup := int64(850000)
	overhead := startup + int64(len(s.Clients))*22000
	dataset := max(used-overhead, 0)
	sys := totalSystemMemory()
	maxmem := s.Settings.MaxMemory
	w.WriteString("# Memory\r\n")
	field(w, "used_memory", used)
	field(w, "used_memory_human", bytesToHuman(used))
	field(w, "used_memory_rss", rss)
	field(w, "used_memory_rss_human", bytesToHuman(rss))
	field(w, "used_memory_peak", pk)
	field(w, "used_memory_peak_human", bytesToHuman(pk))
	field(w, "used_memory_peak_perc", fmt.Sprintf("%.2f%%", percent(used, pk)))
	field(w, "used_memory_overhead", overhead)
	field(w, "used_memory_startup", startup)
	field(w, "used_memory_dataset", dataset)
	field(w, "used_memory_dataset_perc", fmt.Sprintf("%.2f%%", percent(dataset, used-startup)))
	field(w, "allocator_allocated", used)
	field(w, "allocator_active", used)
	field(w, "allocator_resident", rss)
	field(w, "total_system_memory", sys)
	field(w, "total_system_memory_human", bytesToHuman(sys))
	field(w, "used_memory_lua", 31744)
	field(w, "used_memory_vm_eval", 31744)
	field(w, "used_memory_lua_human", bytesToHuman(31744))
	nScripts, scriptBytes := scripting.CacheStats(s)
	field(w, "used_memory_scripts_eval", scriptBytes)
	field(w, "number_of_cached_scripts", nScripts)
	field(w, "number_of_functions", 0)
	field(w, "number_of_libraries", 0)
	field(w, "used_memory_vm_functions", 32768)
	field(w, "used_memory_vm_total", 64512)
	field(w, "used_memory_vm_total_human", bytesToHuman(64512))
	field(w, "used_memory_functions", 184)
	field(w, "used_memory_scripts", 184)
	field(w, "used_memory_scripts_human", bytesToHuman(184))
	field(w, "maxmemory", maxmem)
	field(w, "maxmemory_human", bytesToHuman(maxmem))
	field(w, "maxmemory_policy", s.Settings.MaxMemoryPolicy)
	field(w, "allocator_frag_ratio", "1.00")
	field(w, "allocator_frag_bytes", 0)
	field(w, "allocator_rss_ratio", fmt.Sprintf("%.2f", ratio(rss, used)))
	field(w, "allocator_rss_bytes", rss-used)
	field(w, "rss_overhead_ratio", "1.00")
	field(w, "rss_overhead_bytes", 0)
	field(w, "mem_fragmentation_ratio", fmt.Sprintf("%.2f", ratio(rss, used)))
	field(w, "mem_fragmentation_bytes", rss-used)
	field(w, "mem_not_counted_for_evict", 0)
	field(w, "mem_replication_backlog", 0)
	field(w, "mem_total_replication_buffers", 0)
	field(w, "mem_clients_slaves", 0)
	field(w, "mem_clients_normal", int64(len(s.Clients))*22000)
	field(w, "mem_cluster_links", 0)
	field(w, "mem_aof_buffer", 0)
	field(w, "mem_allocator", "libc")
	field(w, "active_defrag_running", 0)
	field(w, "lazyfree_pending_objects", s.KS.LazyfreePending.Load())
	field(w, "lazyfreed_objects", s.KS.LazyfreedObjects.Load())
}

// infoPersistence reports an idle server that never saved; the
// persistence layer replaces it through engine.Server.Info.
func infoPersistence(s *engine.Server, w *strings.Builder) {
	fk := s.Info.ForkStatus()
	forking := 0
	if fk.InProgress {
		forking = 1
	}
	w.WriteString("# Persistence\r\n")
	for _, f := range []struct {
		k string
		v any
	}{
		{"loading", 0}, {"async_loading", 0}, {"current_cow_peak", fk.CowPeak}, {"current_cow_size", fk.CowSize},
		{"current_cow_size_age", fk.CowAge}, {"current_fork_perc", fmt.Sprintf("%.2f", fk.Perc)}, {"current_save_keys_processed", 0},
		{"current_save_keys_total", fk.KeysTotal}, {"rdb_changes_since_last_save", s.KS.Dirty},
		{"rdb_bgsave_in_progress", 0}, {"rdb_last_save_time", s.LastSave}, {"rdb_last_bgsave_status", "ok"},
		{"rdb_last_bgsave_time_sec", -1}, {"rdb_current_bgsave_time_sec", -1}, {"rdb_saves", 0},
		{"rdb_last_cow_size", 0}, {"rdb_last_load_keys_expired", 0}, {"rdb_last_load_keys_loaded", 0},
		{"aof_enabled", 0}, {"aof_rewrite_in_progress", 0}, {"aof_rewrite_scheduled", 0},
		{"aof_last_rewrite_time_sec", -1}, {"aof_current_rewrite_time_sec", -1},
		{"aof_last_bgrewrite_status", "ok"}, {"aof_rewrites", 0}, {"aof_rewrites_consecutive_failures", 0},
		{"aof_last_write_status", "ok"}, {"aof_last_cow_size", 0}, {"module_fork_in_progress", forking},
		{"module_fork_last_cow_size", fk.LastCowSize},
	} {
		field(w, f.k, f.v)
	}
}

func infoStats(s *engine.Server, w *strings.Builder) {
	st := &s.Stats
	w.WriteString("# Stats\r\n")
	field(w, "total_connections_received", st.Connections.Load())
	field(w, "total_commands_processed", st.Commands.Load())
	field(w, "instantaneous_ops_per_sec", s.InstantaneousOps())
	field(w, "total_net_input_bytes", st.NetInput.Load())
	field(w, "total_net_output_bytes", st.NetOutput.Load())
	field(w, "total_net_repl_input_bytes", 0)
	field(w, "total_net_repl_output_bytes", 0)
	field(w, "instantaneous_input_kbps", "0.00")
	field(w, "instantaneous_output_kbps", "0.00")
	field(w, "instantaneous_input_repl_kbps", "0.00")
	field(w, "instantaneous_output_repl_kbps", "0.00")
	field(w, "rejected_connections", st.RejectedConns.Load())
	field(w, "sync_full", st.SyncFull)
	field(w, "sync_partial_ok", st.SyncPartialOK)
	field(w, "sync_partial_err", st.SyncPartialErr)
	field(w, "expired_keys", s.KS.ExpiredKeys)
	field(w, "expired_stale_perc", fmt.Sprintf("%.2f", st.ExpiredStalePerc*100))
	field(w, "expired_time_cap_reached_count", 0)
	field(w, "expire_cycle_cpu_milliseconds", 0)
	field(w, "evicted_keys", s.KS.EvictedKeys)
	field(w, "evicted_clients", 0)
	field(w, "total_eviction_exceeded_time", 0)
	field(w, "current_eviction_exceeded_time", 0)
	field(w, "keyspace_hits", st.KeyspaceHits)
	field(w, "keyspace_misses", st.KeyspaceMisses)
	field(w, "pubsub_channels", len(s.PubSub.Channels))
	field(w, "pubsub_patterns", len(s.PubSub.Patterns))
	field(w, "pubsubshard_channels", len(s.PubSub.ShardChannels))
	fk := s.Info.ForkStatus()
	field(w, "latest_fork_usec", fk.LatestForkUsec)
	field(w, "total_forks", fk.TotalForks)
	field(w, "migrate_cached_sockets", 0)
	field(w, "slave_expires_tracked_keys", 0)
	field(w, "active_defrag_hits", 0)
	field(w, "active_defrag_misses", 0)
	field(w, "active_defrag_key_hits", 0)
	field(w, "active_defrag_key_misses", 0)
	field(w, "total_active_defrag_time", 0)
	field(w, "current_active_defrag_time", 0)
	_, trkKeys, trkItems, trkPrefixes := s.TrackingCounts()
	field(w, "tracking_total_keys", trkKeys)
	field(w, "tracking_total_items", trkItems)
	field(w, "tracking_total_prefixes", trkPrefixes)
	field(w, "unexpected_error_replies", st.UnexpectedErrors)
	field(w, "total_error_replies", st.ErrorReplies)
	field(w, "dump_payload_sanitizations", 0)
	field(w, "total_reads_processed", st.Commands.Load())
	field(w, "total_writes_processed", st.Commands.Load())
	field(w, "io_threaded_reads_processed", 0)
	field(w, "io_threaded_writes_processed", 0)
	field(w, "reply_buffer_shrinks", 0)
	field(w, "reply_buffer_expands", 0)
	field(w, "eventloop_cycles", st.Commands.Load())
	field(w, "eventloop_duration_sum", 0)
	field(w, "eventloop_duration_cmd_sum", 0)
	field(w, "instantaneous_eventloop_cycles_per_sec", 0)
	field(w, "instantaneous_eventloop_duration_usec", 0)
	field(w, "acl_access_denied_auth", aclInfoStat(s, "auth"))
	field(w, "acl_access_denied_cmd", aclInfoStat(s, "cmd"))
	field(w, "acl_access_denied_key", aclInfoStat(s, "key"))
	field(w, "acl_access_denied_channel", aclInfoStat(s, "channel"))
}

// infoReplication reports a master without replicas; the replication
// layer replaces it through engine.Server.Info.
func infoReplication(s *engine.Server, w *strings.Builder) {
	w.WriteString("# Replication\r\n")
	field(w, "role", "master")
	field(w, "connected_slaves", 0)
	field(w, "master_failover_state", "no-failover")
	field(w, "master_replid", s.RunID)
	field(w, "master_replid2", strings.Repeat("0", 40))
	field(w, "master_repl_offset", 0)
	field(w, "second_repl_offset", -1)
	field(w, "repl_backlog_active", 0)
	field(w, "repl_backlog_size", 1048576)
	field(w, "repl_backlog_first_byte_offset", 0)
	field(w, "repl_backlog_histlen", 0)
}

func rusageField(w *strings.Builder, name string, tv syscall.Timeval) {
	field(w, name, fmt.Sprintf("%d.%06d", tv.Sec, tv.Usec))
}

func infoCPU(s *engine.Server, w *strings.Builder) {
	var self, children, thread syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	_ = syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children)
	const rusageThread = 1
	_ = syscall.Getrusage(rusageThread, &thread)
	w.WriteString("# CPU\r\n")
	rusageField(w, "used_cpu_sys", self.Stime)
	rusageField(w, "used_cpu_user", self.Utime)
	rusageField(w, "used_cpu_sys_children", children.Stime)
	rusageField(w, "used_cpu_user_children", children.Utime)
	rusageField(w, "used_cpu_sys_main_thread", thread.Stime)
	rusageField(w, "used_cpu_user_main_thread", thread.Utime)
}

// infoModules writes the module list header; the module layer replaces
// the section with one that lists its modules.
func infoModules(s *engine.Server, w *strings.Builder) { w.WriteString("# Modules\r\n") }

// safeInfo replaces the characters that would break INFO's line format.
func safeInfo(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '#', ':', '\n', '\r':
			return '_'
		}
		return r
	}, s)
}

func infoCommandstats(s *engine.Server, w *strings.Builder) {
	w.WriteString("# Commandstats\r\n")
	var walk func(list []*engine.Spec)
	walk = func(list []*engine.Spec) {
		for _, sp := range list {
			calls, usec := sp.Stats.Calls.Load(), sp.Stats.Usec.Load()
			rej, failed := sp.Stats.Rejected.Load(), sp.Stats.Failed.Load()
			if calls != 0 || rej != 0 || failed != 0 {
				per := 0.0
				if calls != 0 {
					per = float64(float32(usec) / float32(calls))
				}
				fmt.Fprintf(w, "cmdstat_%s:calls=%d,usec=%d,usec_per_call=%.2f,rejected_calls=%d,failed_calls=%d\r\n",
					safeInfo(sp.FullName()), calls, usec, per, rej, failed)
			}
			walk(sortedSubs(sp))
		}
	}
	walk(s.Commands.All())
}

func infoErrorstats(s *engine.Server, w *strings.Builder) {
	w.WriteString("# Errorstats\r\n")
	codes := make([]string, 0, len(s.ErrorStats))
	for code := range s.ErrorStats {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		fmt.Fprintf(w, "errorstat_%s:count=%d\r\n", safeInfo(code), s.ErrorStats[code])
	}
}

// formatPercentile prints a percentile as C's "%f" trimmed of trailing
// zeros ("50", "99.9").
func formatPercentile(p float64) string {
	s := strconv.FormatFloat(p, 'f', 6, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func infoLatencystats(s *engine.Server, w *strings.Builder) {
	w.WriteString("# Latencystats\r\n")
	if s.Settings.LatencyTrackingOff {
		return
	}
	var walk func(list []*engine.Spec)
	walk = func(list []*engine.Spec) {
		for _, sp := range list {
			if h := s.CommandHistogram(sp); h != nil && h.Total() > 0 {
				fmt.Fprintf(w, "latency_percentiles_usec_%s:", safeInfo(sp.FullName()))
				for i, p := range s.Settings.LatencyPercentiles {
					if i > 0 {
						w.WriteByte(',')
					}
					fmt.Fprintf(w, "p%s=%.3f", formatPercentile(p), float64(h.Percentile(p))/1000)
				}
				w.WriteString("\r\n")
			}
			walk(sortedSubs(sp))
		}
	}
	walk(s.Commands.All())
}

func infoCluster(s *engine.Server, w *strings.Builder) {
	w.WriteString("# Cluster\r\n")
	field(w, "cluster_enabled", 0)
}

func infoKeyspace(s *engine.Server, w *strings.Builder) {
	w.WriteString("# Keyspace\r\n")
	now := s.KS.Now()
	for _, db := range s.KS.DBs {
		keys, expires := db.Len(), db.Expires()
		if keys == 0 && expires == 0 {
			continue
		}
		fmt.Fprintf(w, "db%d:keys=%d,expires=%d,avg_ttl=%d\r\n", db.ID, keys, expires, avgTTL(db, now))
	}
}

// avgTTL estimates the average remaining TTL (ms) from up to 100 keys
// with an expiry, as Redis estimates it from expire-cycle samples.
func avgTTL(db *keyspace.DB, now int64) int64 {
	if db.Expires() == 0 {
		return 0
	}
	var sum, n int64
	db.Range(func(_ string, e *keyspace.Entry) bool {
		if e.Expire > 0 {
			if ttl := e.Expire - now; ttl > 0 {
				sum += ttl
				n++
			}
		}
		return n < 100
	})
	if n == 0 {
		return 0
	}
	return sum / n
}

// globMatch matches case-insensitively, as COMMAND LIST PATTERN does.
func globMatch(pattern, s string) bool { return glob.MatchString(pattern, s, true) }
