package commands_test

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"modhost/engine"
	"modhost/internal/testserver"
	"modhost/resp"
)

// do sends a command and parses the reply, failing the test on I/O
// errors.
func do(t *testing.T, c *testserver.Conn, args ...string) resp.Value {
	t.Helper()
	raw, err := c.Do(args...)
	if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	v, _, err := resp.Parse(raw)
	if err != nil {
		t.Fatalf("%v: bad reply %q: %v", args, raw, err)
	}
	return v
}

// str returns a bulk/simple/verbatim reply as a string, failing on errors.
func str(t *testing.T, c *testserver.Conn, args ...string) string {
	t.Helper()
	v := do(t, c, args...)
	if v.Type == '-' {
		t.Fatalf("%v: error %s", args, v.Str)
	}
	return string(v.Str)
}

func modhost(t *testing.T) (*testserver.Modhost, *testserver.Conn) {
	t.Helper()
	m := testserver.StartModhost(t)
	return m, testserver.Dial(t, m.Addr)
}

// infoFields parses INFO text into a field map and the list of section
// headers.
func infoFields(text string) (map[string]string, []string) {
	fields := map[string]string{}
	var headers []string
	for _, line := range strings.Split(text, "\r\n") {
		switch {
		case line == "":
		case strings.HasPrefix(line, "# "):
			headers = append(headers, line[2:])
		default:
			k, v, _ := strings.Cut(line, ":")
			fields[k] = v
		}
	}
	return fields, headers
}

var infoLine = regexp.MustCompile(`^([a-z0-9_|.-]+:[^\r\n]*|# [A-Za-z]+|)$`)

func TestInfoFieldsAndFormat(t *testing.T) {
	m, c := modhost(t)
	str(t, c, "SET", "k", "v")
	str(t, c, "SET", "e", "v")
	do(t, c, "PEXPIRE", "e", "100000")
	do(t, c, "GET", "k")
	do(t, c, "GET", "missing")
	text := str(t, c, "INFO", "everything")
	for _, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if !infoLine.MatchString(line) {
			t.Errorf("bad INFO line %q", line)
		}
	}
	f, _ := infoFields(text)
	port := m.Addr[strings.LastIndexByte(m.Addr, ':')+1:]
	want := map[string]string{
		"redis_version": "7.2.6", "process_id": strconv.Itoa(os.Getpid()), "tcp_port": port,
		"role": "master", "loading": "0", "async_loading": "0", "rdb_bgsave_in_progress": "0",
		"aof_rewrite_in_progress": "0", "module_fork_in_progress": "0",
		"blocked_clients": "0", "keyspace_hits": "1", "keyspace_misses": "1", "cluster_enabled": "0",
		"mem_allocator": "libc", "maxmemory_policy": "noeviction", "unexpected_error_replies": "0",
	}
	for k, v := range want {
		if f[k] != v {
			t.Errorf("%s = %q, want %q", k, f[k], v)
		}
	}
	for _, k := range []string{"modhost_version", "run_id", "executable", "config_file", "used_memory",
		"instantaneous_ops_per_sec", "total_commands_processed", "expired_keys", "evicted_keys",
		"rdb_changes_since_last_save", "rdb_last_save_time", "aof_enabled", "used_cpu_sys", "total_error_replies",
		"master_replid", "mem_not_counted_for_evict", "lazyfreed_objects"} {
		if _, ok := f[k]; !ok {
			t.Errorf("INFO lacks %s", k)
		}
	}
	if !regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(f["run_id"]) {
		t.Errorf("run_id %q", f["run_id"])
	}
	if n, _ := strconv.Atoi(f["used_memory"]); n <= 0 {
		t.Errorf("used_memory %q", f["used_memory"])
	}
	if !regexp.MustCompile(`^keys=2,expires=1,avg_ttl=\d+$`).MatchString(f["db0"]) {
		t.Errorf("db0 = %q", f["db0"])
	}
	if ttl, _ := strconv.Atoi(strings.Split(f["db0"], "avg_ttl=")[1]); ttl < 90000 || ttl > 100000 {
		t.Errorf("avg_ttl %d", ttl)
	}
	// The start-up probe connection may take a moment to go away.
	for i := 0; ; i++ {
		cf, _ := infoFields(str(t, c, "INFO", "clients"))
		if cf["connected_clients"] == "1" {
			break
		}
		if i == 100 {
			t.Fatalf("connected_clients = %s", cf["connected_clients"])
		}
		time.Sleep(10 * time.Millisecond)
	}
	f, _ = infoFields(str(t, c, "INFO", "stats"))
	before, _ := strconv.Atoi(f["total_commands_processed"])
	f2, _ := infoFields(str(t, c, "INFO", "stats"))
	if after, _ := strconv.Atoi(f2["total_commands_processed"]); after != before+1 {
		t.Errorf("total_commands_processed %d then %d", before, after)
	}
}

// TestInfoSectionSelection compares which sections real Redis and modhost
// return for the same INFO arguments.
func TestInfoSectionSelection(t *testing.T) {
	r := testserver.StartRedis(t)
	m := testserver.StartModhost(t)
	rc, mc := testserver.Dial(t, r.Addr), testserver.Dial(t, m.Addr)
	for _, args := range [][]string{
		{}, {"default"}, {"all"}, {"everything"}, {"server"}, {"SERVER", "clients"}, {"commandstats"},
		{"errorstats", "latencystats"}, {"nosuch"}, {"all", "nosuch"}, {"default", "commandstats"},
		{"keyspace", "server", "keyspace"}, {"modules"}, {"module_list"}, {"everything", "server"},
		{"cpu", "memory", "persistence", "replication", "stats"},
	} {
		cmd := append([]string{"INFO"}, args...)
		_, rh := infoFields(str(t, rc, cmd...))
		_, mh := infoFields(str(t, mc, cmd...))
		if strings.Join(rh, ",") != strings.Join(mh, ",") {
			t.Errorf("%v sections\n  modhost: %v\n  redis:   %v", cmd, mh, rh)
		}
	}
}

// statsLine extracts the name and the deterministic counters of
// commandstats / errorstats lines.
var cmdstatRe = regexp.MustCompile(`^(cmdstat_[^:]+):calls=(\d+),usec=\d+,usec_per_call=\d+\.\d\d,rejected_calls=(\d+),failed_calls=(\d+)$`)

func statsLines(t *testing.T, text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\r\n") {
		switch {
		case strings.HasPrefix(line, "cmdstat_"):
			m := cmdstatRe.FindStringSubmatch(line)
			if m == nil {
				t.Errorf("bad commandstats line %q", line)
				continue
			}
			if m[1] == "cmdstat_info" {
				continue
			}
			out = append(out, fmt.Sprintf("%s calls=%s rejected=%s failed=%s", m[1], m[2], m[3], m[4]))
		case strings.HasPrefix(line, "errorstat_"), strings.HasPrefix(line, "total_error_replies"),
			strings.HasPrefix(line, "total_commands_processed"):
			out = append(out, line)
		}
	}
	sort.Strings(out)
	return out
}

// TestInfoCommandAndErrorStats runs the same commands on both servers and
// compares calls, rejections, failures and error counts.
func TestInfoCommandAndErrorStats(t *testing.T) {
	r := testserver.StartRedis(t)
	m := testserver.StartModhost(t)
	rc, mc := testserver.Dial(t, r.Addr), testserver.Dial(t, m.Addr)
	script := [][]string{
		{"SET", "k", "v"}, {"GET", "k"}, {"GET", "k"}, {"GET"}, {"NOSUCH"}, {"CLIENT", "NOSUCH"},
		{"CLIENT", "SETNAME", "a b"}, {"CLIENT", "ID", "x"}, {"PING"}, {"ECHO", "x"}, {"HELLO", "9"},
		{"SELECT", "99"}, {"CLIENT", "GETNAME"}, {"SLOWLOG", "LEN"},
		{"MULTI"}, {"SET", "a", "1"}, {"INCR", "a"}, {"GET", "a", "b"}, {"EXEC"},
		{"MULTI"}, {"SET", "a", "1"}, {"INCR", "k"}, {"EXEC"},
	}
	for _, cmd := range script {
		_, _ = rc.Do(cmd...)
		_, _ = mc.Do(cmd...)
	}
	rs := statsLines(t, str(t, rc, "INFO", "commandstats", "errorstats", "stats"))
	ms := statsLines(t, str(t, mc, "INFO", "commandstats", "errorstats", "stats"))
	if strings.Join(rs, "\n") != strings.Join(ms, "\n") {
		t.Errorf("stats differ\n modhost:\n  %s\n redis:\n  %s", strings.Join(ms, "\n  "), strings.Join(rs, "\n  "))
	}
	lat := str(t, mc, "INFO", "latencystats")
	re := regexp.MustCompile(`^latency_percentiles_usec_[a-z|]+:p50=\d+\.\d{3},p99=\d+\.\d{3},p99\.9=\d+\.\d{3}$`)
	n := 0
	for _, line := range strings.Split(lat, "\r\n")[1:] {
		if line == "" {
			continue
		}
		n++
		if !re.MatchString(line) {
			t.Errorf("bad latencystats line %q", line)
		}
	}
	if n == 0 {
		t.Errorf("no latencystats lines in %q", lat)
	}
}

// TestInfoDebugSection checks the section 7.2 added (7.0 has none to
// compare with): only an explicit "debug" asks for it.
func TestInfoDebugSection(t *testing.T) {
	_, c := modhost(t)
	f, h := infoFields(str(t, c, "INFO", "debug"))
	if strings.Join(h, ",") != "Debug" || f["eventloop_duration_max"] == "" {
		t.Errorf("INFO debug: %v %v", h, f)
	}
	if _, h = infoFields(str(t, c, "INFO", "everything")); h[len(h)-1] == "Debug" {
		t.Errorf("INFO everything includes Debug")
	}
}

func TestInfoSectionRegistry(t *testing.T) {
	m, c := modhost(t)
	eng := m.In.Eng
	eng.Lock.Lock()
	eng.Info.AddInfoSection(engineSection("persistence", true, "# Persistence\r\nloading:1\r\n"))
	eng.Info.AddInfoSection(engineSection("extra", false, "# Extra\r\nfoo:bar\r\n"))
	eng.Info.UsedMemory = append(eng.Info.UsedMemory, func() int64 { return 1 << 40 })
	eng.Lock.Unlock()
	f, h := infoFields(str(t, c, "INFO"))
	if f["loading"] != "1" || f["foo"] != "" {
		t.Errorf("default INFO: loading=%q foo=%q", f["loading"], f["foo"])
	}
	if n, _ := strconv.ParseInt(f["used_memory"], 10, 64); n < 1<<40 {
		t.Errorf("used_memory %d ignores the hook", n)
	}
	if strings.Join(h, ",") != "Server,Clients,Memory,Persistence,Stats,Replication,CPU,Modules,Errorstats,Cluster,Keyspace" {
		t.Errorf("headers %v", h)
	}
	f, h = infoFields(str(t, c, "INFO", "extra"))
	if f["foo"] != "bar" || len(h) != 1 {
		t.Errorf("INFO extra: %v %v", f, h)
	}
	if _, h = infoFields(str(t, c, "INFO", "all")); h[len(h)-1] != "Extra" {
		t.Errorf("INFO all: %v", h)
	}
}

func TestTimeAndLastsave(t *testing.T) {
	_, c := modhost(t)
	v := do(t, c, "TIME")
	if len(v.Elems) != 2 {
		t.Fatalf("TIME %+v", v)
	}
	sec, _ := strconv.ParseInt(string(v.Elems[0].Str), 10, 64)
	us, _ := strconv.ParseInt(string(v.Elems[1].Str), 10, 64)
	if d := time.Now().Unix() - sec; d < -1 || d > 1 || us < 0 || us > 999999 {
		t.Errorf("TIME %d %d", sec, us)
	}
	if ls := do(t, c, "LASTSAVE"); ls.Type != ':' || time.Now().Unix()-ls.Int > 60 {
		t.Errorf("LASTSAVE %+v", ls)
	}
}

func TestSlowlog(t *testing.T) {
	m, c := modhost(t)
	r := testserver.StartRedis(t, "--slowlog-log-slower-than", "0")
	rc := testserver.Dial(t, r.Addr)
	m.In.Eng.Lock.Lock()
	m.In.Eng.Settings.SlowlogLogSlowerThan = 0
	m.In.Eng.Lock.Unlock()
	long := strings.Repeat("z", 300)
	many := []string{"ECHO"}
	for i := 0; i < 40; i++ {
		many = append(many, strconv.Itoa(i))
	}
	for _, cc := range []*testserver.Conn{c, rc} {
		str(t, cc, "SLOWLOG", "RESET")
		str(t, cc, "CLIENT", "SETNAME", "slowpoke")
		do(t, cc, "ECHO", long)
		do(t, cc, many...)
		do(t, cc, "AUTH", "secret")
		do(t, cc, "HELLO", "2", "AUTH", "default", "pw")
	}
	mv, rv := do(t, c, "SLOWLOG", "GET", "-1"), do(t, rc, "SLOWLOG", "GET", "-1")
	if len(mv.Elems) != len(rv.Elems) {
		t.Fatalf("entries: modhost %d redis %d", len(mv.Elems), len(rv.Elems))
	}
	local := c // the entries' peer must be this connection
	_ = local
	for i := range mv.Elems {
		me, re := mv.Elems[i], rv.Elems[i]
		if len(me.Elems) != 6 {
			t.Fatalf("entry shape %+v", me)
		}
		if me.Elems[0].Int != re.Elems[0].Int {
			t.Errorf("entry %d id %d vs %d", i, me.Elems[0].Int, re.Elems[0].Int)
		}
		if d := time.Now().Unix() - me.Elems[1].Int; d < 0 || d > 5 {
			t.Errorf("entry %d time %d", i, me.Elems[1].Int)
		}
		var ma, ra []string
		for _, a := range me.Elems[3].Elems {
			ma = append(ma, string(a.Str))
		}
		for _, a := range re.Elems[3].Elems {
			ra = append(ra, string(a.Str))
		}
		if strings.Join(ma, " ") != strings.Join(ra, " ") {
			t.Errorf("entry %d args\n  modhost: %q\n  redis:   %q", i, ma, ra)
		}
		if !regexp.MustCompile(`^127\.0\.0\.1:\d+$`).Match(me.Elems[4].Str) || string(me.Elems[5].Str) != string(re.Elems[5].Str) {
			t.Errorf("entry %d peer %q name %q", i, me.Elems[4].Str, me.Elems[5].Str)
		}
	}
	if n := do(t, c, "SLOWLOG", "LEN").Int; n != int64(len(mv.Elems))+1 {
		t.Errorf("SLOWLOG LEN %d", n)
	}
	if v := do(t, c, "SLOWLOG", "GET", "2"); len(v.Elems) != 2 {
		t.Errorf("SLOWLOG GET 2 returned %d", len(v.Elems))
	}
	m.In.Eng.Lock.Lock()
	m.In.Eng.Settings.SlowlogMaxLen = 3
	m.In.Eng.Lock.Unlock()
	do(t, c, "PING")
	if n := do(t, c, "SLOWLOG", "LEN").Int; n != 3 {
		t.Errorf("SLOWLOG LEN with max-len 3: %d", n)
	}
}

var monitorLine = regexp.MustCompile(`^\+\d{10}\.\d{6} \[(\d+) 127\.0\.0\.1:(\d+)\] (.*)\r\n$`)

func TestMonitor(t *testing.T) {
	m, mon := modhost(t)
	if got := str(t, mon, "MONITOR"); got != "OK" {
		t.Fatalf("MONITOR: %q", got)
	}
	c := testserver.Dial(t, m.Addr)
	str(t, c, "SELECT", "2")
	str(t, c, "SET", "k", "a \"b\"\n\x01")
	do(t, c, "AUTH", "pw")
	do(t, c, "CLIENT", "LIST")
	want := []string{`"SELECT" "2"`, `"SET" "k" "a \"b\"\n\x01"`, `"AUTH" "(redacted)"`}
	for i, w := range want {
		raw, err := mon.Read(2 * time.Second)
		if err != nil {
			t.Fatalf("monitor line %d: %v", i, err)
		}
		sub := monitorLine.FindStringSubmatch(string(raw))
		if sub == nil {
			t.Fatalf("monitor line %q", raw)
		}
		if sub[3] != w {
			t.Errorf("monitor args %s, want %s", sub[3], w)
		}
		if i > 0 && sub[1] != "2" {
			t.Errorf("monitor db %s", sub[1])
		}
	}
	// CLIENT LIST is an admin command: MONITOR does not show it.
	if raw, err := mon.Read(200 * time.Millisecond); err == nil {
		t.Errorf("unexpected monitor line %q", raw)
	}
}

func TestDebugProtocolMatchesRedis(t *testing.T) {
	r := testserver.StartRedis(t, "--enable-debug-command", "yes")
	m := testserver.StartModhost(t)
	m.In.Eng.Lock.Lock()
	m.In.Eng.Settings.EnableDebugCommand = "yes"
	m.In.Eng.Lock.Unlock()
	rc, mc := testserver.Dial(t, r.Addr), testserver.Dial(t, m.Addr)
	types := []string{"string", "integer", "double", "bignum", "null", "array", "set", "map", "attrib",
		"push", "verbatim", "true", "false", "nosuch"}
	cmds := [][]string{
		{"DEBUG", "SLEEP", "0"}, {"DEBUG", "SLEEP", "0.01"}, {"DEBUG", "SET-ACTIVE-EXPIRE", "1"},
		{"DEBUG", "OBJECT", "nokey"}, {"DEBUG", "NOSUCH"}, {"DEBUG", "ERROR", "MYERR custom\nmessage"},
		{"DEBUG", "QUICKLIST-PACKED-THRESHOLD", "100"}, {"DEBUG", "QUICKLIST-PACKED-THRESHOLD", "0"},
		{"DEBUG", "QUICKLIST-PACKED-THRESHOLD", "abc"}, {"DEBUG", "CHANGE-REPL-ID"},
		{"DEBUG", "POPULATE", "10"}, {"DBSIZE"}, {"GET", "key:7"}, {"DEBUG", "POPULATE", "5", "p", "12"},
		{"GET", "p:3"}, {"DEBUG", "POPULATE", "-1"}, {"DEBUG", "POPULATE", "x"}, {"DEBUG", "POPULATE", "1", "k", "-2"},
		{"DEBUG", "POPULATE", "12"}, {"DBSIZE"}, {"GET", "key:11"},
	}
	for _, proto := range []string{"2", "3"} {
		_, _ = rc.Do("HELLO", proto)
		_, _ = mc.Do("HELLO", proto)
		for _, typ := range types {
			cmds = append(cmds, []string{"DEBUG", "PROTOCOL", typ})
		}
		for _, cmd := range cmds {
			rr, err1 := rc.Do(cmd...)
			mr, err2 := mc.Do(cmd...)
			if err1 != nil || err2 != nil {
				t.Fatalf("%v: %v %v", cmd, err1, err2)
			}
			if len(cmd) > 2 && cmd[1] == "PROTOCOL" && cmd[2] == "push" && proto == "3" {
				// the push/attribute comes first; the real reply follows.
				if !bytes.Equal(rr, mr) {
					t.Errorf("RESP%s %v\n  modhost: %q\n  redis:   %q", proto, cmd, mr, rr)
				}
				rr, _ = rc.Read(time.Second)
				mr, _ = mc.Read(time.Second)
			}
			if !bytes.Equal(rr, mr) {
				t.Errorf("RESP%s %v\n  modhost: %q\n  redis:   %q", proto, cmd, mr, rr)
			}
		}
	}
	str(t, mc, "SET", "s", "hello")
	obj := str(t, mc, "DEBUG", "OBJECT", "s")
	if !regexp.MustCompile(`^Value at:0x[0-9a-f]+ refcount:1 encoding:embstr serializedlength:\d+ lru:\d+ lru_seconds_idle:\d+$`).MatchString(obj) {
		t.Errorf("DEBUG OBJECT: %q", obj)
	}
	if help := do(t, mc, "DEBUG", "HELP"); len(help.Elems) < 50 {
		t.Errorf("DEBUG HELP has %d lines", len(help.Elems))
	}
}

func TestDebugRefusedByDefault(t *testing.T) {
	_, c := modhost(t)
	v := do(t, c, "DEBUG", "SLEEP", "0")
	if v.Type != '-' || !strings.HasPrefix(string(v.Str), "ERR DEBUG command not allowed.") {
		t.Errorf("DEBUG with enable-debug-command no: %q", v.Str)
	}
}

func TestDebugSubcommandHook(t *testing.T) {
	m, c := modhost(t)
	eng := m.In.Eng
	eng.Lock.Lock()
	eng.Settings.EnableDebugCommand = "local"
	eng.DebugSubs["digest"] = func(ctx *engineCtx) { ctx.W.Simple(strings.Repeat("0", 40)) }
	eng.Lock.Unlock()
	if got := str(t, c, "DEBUG", "DIGEST"); got != strings.Repeat("0", 40) {
		t.Errorf("DEBUG DIGEST through the hook: %q", got)
	}
}

func TestLatencyAndMemory(t *testing.T) {
	m, c := modhost(t)
	m.In.Eng.Lock.Lock()
	m.In.Eng.Settings.LatencyMonitorThreshold = 1
	m.In.Eng.Settings.EnableDebugCommand = "yes"
	m.In.Eng.Lock.Unlock()
	str(t, c, "DEBUG", "SLEEP", "0.02")
	latest := do(t, c, "LATENCY", "LATEST")
	if len(latest.Elems) != 1 || string(latest.Elems[0].Elems[0].Str) != "command" || latest.Elems[0].Elems[2].Int < 20 {
		t.Fatalf("LATENCY LATEST %+v", latest)
	}
	if h := do(t, c, "LATENCY", "HISTORY", "command"); len(h.Elems) != 1 || len(h.Elems[0].Elems) != 2 {
		t.Errorf("LATENCY HISTORY %+v", h)
	}
	if doc := str(t, c, "LATENCY", "DOCTOR"); !strings.Contains(doc, "command") {
		t.Errorf("LATENCY DOCTOR %q", doc)
	}
	if n := do(t, c, "LATENCY", "RESET"); n.Int != 1 {
		t.Errorf("LATENCY RESET %d", n.Int)
	}
	hist := do(t, c, "LATENCY", "HISTOGRAM", "debug", "nosuch")
	if len(hist.Elems) != 2 || string(hist.Elems[0].Str) != "debug" {
		t.Errorf("LATENCY HISTOGRAM %+v", hist)
	}
	str(t, c, "SET", "k", strings.Repeat("x", 1000))
	if n := do(t, c, "MEMORY", "USAGE", "k").Int; n < 1000 || n > 2000 {
		t.Errorf("MEMORY USAGE %d", n)
	}
	stats := do(t, c, "MEMORY", "STATS")
	if len(stats.Elems) != 2*28 || string(stats.Elems[0].Str) != "peak.allocated" || string(stats.Elems[20].Str) != "db.0" {
		t.Errorf("MEMORY STATS shape: %d elements", len(stats.Elems))
	}
}

func TestShutdown(t *testing.T) {
	m, c := modhost(t)
	// Like Redis, a successful SHUTDOWN sends no reply: the connection
	// just closes.
	if raw, err := c.Do("SHUTDOWN", "NOSAVE", "NOW"); err == nil {
		t.Fatalf("SHUTDOWN replied %q", raw)
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		conn, err := net.Dial("tcp", m.Addr)
		if err != nil {
			return
		}
		conn.Close()
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("server still accepts connections after SHUTDOWN")
}

func TestCommandTable(t *testing.T) {
	m, c := modhost(t)
	count := do(t, c, "COMMAND", "COUNT").Int
	all := do(t, c, "COMMAND")
	if int64(len(all.Elems)) != count || count != int64(m.In.Eng.Commands.Len()) {
		t.Fatalf("COMMAND has %d entries, COUNT %d", len(all.Elems), count)
	}
	list := do(t, c, "COMMAND", "LIST")
	if int64(len(list.Elems)) <= count {
		t.Errorf("COMMAND LIST %d entries (subcommands missing?)", len(list.Elems))
	}
	docs := do(t, c, "COMMAND", "DOCS")
	if int64(len(docs.Elems)) != 2*count {
		t.Errorf("COMMAND DOCS %d entries", len(docs.Elems)/2)
	}
	for _, e := range all.Elems {
		if len(e.Elems) != 10 {
			t.Fatalf("COMMAND entry %+v", e)
		}
	}
	cats := do(t, c, "COMMAND", "LIST", "FILTERBY", "ACLCAT", "connection")
	found := false
	for _, e := range cats.Elems {
		found = found || string(e.Str) == "client|kill"
	}
	if !found {
		t.Errorf("ACLCAT connection lacks client|kill")
	}
}

type engineCtx = engine.Ctx

func engineSection(name string, def bool, text string) engine.InfoSection {
	return engine.InfoSection{Name: name, Default: def, Write: func(w *strings.Builder) { w.WriteString(text) }}
}
