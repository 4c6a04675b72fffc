// Command bench compares modhost with Debian's redis-server on this machine
// in one run: redis-benchmark throughput for core and module commands, the
// per-call cost of module APIs (cmodules/apibench), and memory per key. It
// writes a markdown report (bench/results.md) with modhost/Redis ratios and
// the project's targets. It builds nothing: `make bench` builds first.
// Benchmarks never fail; whatever cannot be measured is reported as such.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"modhost/bench"
)

const redisearchPath = "/usr/lib/redis/modules/redisearch.so"

// settings are the sizes of one run; -quick shrinks them.
type settings struct {
	rounds      int
	clients     int
	nP1, nP16   int
	nFT         int
	searchDocs  int
	apiDuration time.Duration
	memKeys     int
	hashFields  int
}

var full = settings{rounds: 3, clients: 50, nP1: 50000, nP16: 200000, nFT: 20000,
	searchDocs: 10000, apiDuration: 300 * time.Millisecond, memKeys: 1000000, hashFields: 100000}

var quick = settings{rounds: 1, clients: 50, nP1: 5000, nP16: 20000, nFT: 2000,
	searchDocs: 1000, apiDuration: 80 * time.Millisecond, memKeys: 100000, hashFields: 10000}

// side is one of the two servers under comparison.
type side struct {
	label   string
	bin     string
	missing string // why this side cannot run at all; "" when it can
	load    map[string]string
	mods    []bench.Module
	srv     *bench.Server
	setup   map[string]string // workload group -> setup error
	crashes []string
}

func main() {
	quickFlag := flag.Bool("quick", false, "short smoke run (1 round, small counts); writes no file unless -out is given")
	out := flag.String("out", "", "results file (default bench/results.md for a full run)")
	rounds := flag.Int("rounds", 0, "rounds per measurement (default 3, or 1 with -quick)")
	flag.Parse()
	cfg := full
	if *quickFlag {
		cfg = quick
	}
	if *rounds > 0 {
		cfg.rounds = *rounds
	}
	outPath := *out
	if outPath == "" && !*quickFlag {
		outPath = "bench/results.md"
	}

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		bench.StopAll()
		os.Exit(1)
	}()
	defer bench.StopAll()

	started := time.Now()
	report := run(cfg, *quickFlag, started)
	fmt.Print(report)
	if outPath != "" {
		report += keptSections(outPath)
		if err := os.WriteFile(outPath, []byte(report), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			bench.StopAll()
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "bench: wrote %s (%s)\n", outPath, time.Since(started).Round(time.Second))
	}
}

// keptHeading starts the hand-written part of the results file: the
// profile-driven fixes of each session, with their before/after numbers,
// which a new run must not erase.
const keptHeading = "\n## Profile-driven fixes"

// keptSections returns the hand-written tail of the existing results file
// (from keptHeading on), or "" when there is none.
func keptSections(path string) string {
	old, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	if i := strings.Index(string(old), keptHeading); i >= 0 {
		return string(old[i:])
	}
	return ""
}

func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

func run(cfg settings, isQuick bool, started time.Time) string {
	modules := []bench.Module{
		{Name: "helloworld", Path: abs("bin/modules/helloworld.so")},
		{Name: "timeseries", Path: abs("bin/modules/timeseries.so"), Probe: []string{"TS.ADD"}},
		{Name: "ft", Path: redisearchPath, Probe: []string{"FT.INFO"}},
		{Name: "apibench", Path: abs("bin/modules/apibench.so"), Probe: []string{"apibench.empty"}},
	}
	mh := &side{label: "modhost", bin: abs("bin/modhost")}
	rd := &side{label: "redis"}
	if _, err := os.Stat(mh.bin); err != nil {
		mh.missing = "bin/modhost not built (run make bench)"
	}
	redisVer, mhVer := bench.Versions(mh.bin)
	// Others may rebuild bin/modhost while this runs; every start
	// (including restarts after a crash) must use the binary measured.
	if mh.missing == "" {
		if cp, err := bench.CopyBinary(mh.bin); err == nil {
			mh.bin = cp
			defer os.Remove(cp)
		}
	}
	loadStart := bench.LoadAvg()
	if p, err := exec.LookPath("redis-server"); err == nil {
		rd.bin = p
	} else {
		rd.missing = "redis-server not installed (make deps)"
	}
	if _, err := exec.LookPath("redis-benchmark"); err != nil {
		mh.missing = "redis-benchmark not installed (make deps)"
		rd.missing = mh.missing
	}
	sides := []*side{mh, rd}

	// Which modules each server can load, tried one at a time.
	loadTable := &bench.Table{Title: "Module loading",
		Note:   "Each module was loaded alone with `--loadmodule` into a fresh server; workloads of a module that does not load are n/a.",
		Header: []string{"module", "path", "modhost", "Redis"}}
	for _, s := range sides {
		if s.missing != "" {
			continue
		}
		progress("probing module loading in %s", s.label)
		s.load = bench.ProbeModules(s.label, s.bin, modules)
		for _, m := range modules {
			if s.load[m.Name] == "" {
				s.mods = append(s.mods, m)
			}
		}
	}
	for _, m := range modules {
		row := []string{m.Name, "`" + m.Path + "`"}
		for _, s := range sides {
			switch {
			case s.missing != "":
				row = append(row, "n/a ("+s.missing+")")
			case s.load[m.Name] == "":
				row = append(row, "loaded")
			default:
				row = append(row, "not loaded: "+bench.ShortenN(s.load[m.Name], 240))
			}
		}
		loadTable.Add(row...)
	}

	for _, s := range sides {
		if s.missing == "" {
			startSide(s, cfg)
		}
	}

	// Throughput.
	type workload struct {
		group, name string
		module      string
		spec        bench.BenchSpec
	}
	var core, mod []workload
	tests := []string{"set", "get", "incr", "lpush", "lpop", "sadd", "hset", "zadd", "lrange_100", "mset"}
	for _, p := range []int{1, 16} {
		n := cfg.nP1
		if p == 16 {
			n = cfg.nP16
		}
		for _, t := range tests {
			core = append(core, workload{group: "core", name: strings.ToUpper(t), spec: bench.BenchSpec{
				Clients: cfg.clients, Requests: n, Pipeline: p, Rand: 100000, Test: t}})
		}
		mod = append(mod,
			workload{group: "apibench", name: "APIBENCH.HELLO (helloworld-style)", module: "apibench",
				spec: bench.BenchSpec{Clients: cfg.clients, Requests: n, Pipeline: p, Command: []string{"apibench.hello"}}},
			workload{group: "ts", name: "TS.ADD", module: "timeseries",
				spec: bench.BenchSpec{Clients: cfg.clients, Requests: n, Pipeline: p, Rand: 1000000000,
					Command: []string{"TS.ADD", "bench:ts", "1__rand_int__", "1.5"}}}, // "1" first: Redis rejects leading zeros in numbers
			workload{group: "ft", name: "FT.ADD", module: "ft",
				spec: bench.BenchSpec{Clients: cfg.clients, Requests: cfg.nFT, Pipeline: p, Rand: 1000000000,
					Command: []string{"FT.ADD", "bench:add", "doc:__rand_int__:__rand_int__", "1.0", "FIELDS",
						"title", "hello", "body", "word__rand_int__"}}},
			workload{group: "ft", name: "FT.SEARCH", module: "ft",
				spec: bench.BenchSpec{Clients: cfg.clients, Requests: cfg.nFT, Pipeline: p, Rand: 1000,
					Command: []string{"FT.SEARCH", "bench:search", "w__rand_int__", "LIMIT", "0", "10"}}},
		)
	}
	all := append(append([]workload{}, core...), mod...)
	results := make([][2][]bench.Result, len(all))
	for r := 0; r < cfg.rounds; r++ {
		for i, w := range all {
			progress("round %d/%d: %s -P %d", r+1, cfg.rounds, w.name, w.spec.Pipeline)
			for si, s := range sides {
				res := runWorkload(s, cfg, w.module, w.group, w.spec)
				results[i][si] = append(results[i][si], res)
			}
		}
	}

	coreTable := &bench.Table{Title: "Core commands (redis-benchmark)",
		Note: fmt.Sprintf("Requests per second, median of %d rounds run alternately (modhost, Redis, modhost, Redis ...); "+
			"`redis-benchmark -c %d -r 100000 -t <test>`, -n %d at -P 1 and %d at -P 16. Targets: modhost/Redis ≥ 1.0 at -P 1, ≥ 1.2 at -P 16.",
			cfg.rounds, cfg.clients, cfg.nP1, cfg.nP16),
		Header: []string{"test", "pipeline", "modhost rps", "Redis rps", "modhost/Redis", "target", "status"}}
	modTable := &bench.Table{Title: "Module commands (redis-benchmark custom commands)",
		Note: "Same method. Target: modhost/Redis ≥ 1.0. TS.ADD appends to one series (`TS.CREATE bench:ts` first); " +
			"FT.ADD adds new documents to index bench:add; FT.SEARCH queries one of 1000 terms in index bench:search, " +
			fmt.Sprintf("preloaded with %d documents (10 per term). helloworld's own `hello` clashes with the core HELLO command, so APIBENCH.HELLO stands in for it.", cfg.searchDocs),
		Header: []string{"command", "pipeline", "modhost rps", "Redis rps", "modhost/Redis", "target", "status"}}
	met, notMet := 0, 0
	for i, w := range all {
		a, b := bench.Median(results[i][0]), bench.Median(results[i][1])
		ratio := bench.Ratio(a, b)
		target := 1.0
		if w.group == "core" && w.spec.Pipeline == 16 {
			target = 1.2
		}
		st := bench.Status(ratio.OK(), ratio.OK() && ratio.Value >= target)
		count(st, &met, &notMet)
		row := []string{w.name, "-P " + strconv.Itoa(w.spec.Pipeline), bench.Cell(a, "%.0f"), bench.Cell(b, "%.0f"),
			bench.Cell(ratio, "%.2f"), fmt.Sprintf("≥ %.1f", target), st}
		if w.group == "core" {
			coreTable.Add(row...)
		} else {
			modTable.Add(row...)
		}
	}

	apiTable := apiBench(cfg, sides, &met, &notMet)

	for _, s := range sides {
		if s.srv != nil {
			s.srv.Stop()
			s.srv = nil
		}
	}
	memTable := memoryBench(cfg, sides, &met, &notMet)

	// The report.
	var b strings.Builder
	b.WriteString("# modhost vs Redis benchmarks\n\n")
	if isQuick {
		b.WriteString("**Quick smoke run (`-quick`): one round, small counts; not representative.**\n\n")
	}
	fmt.Fprintf(&b, "Generated by `make bench` (`go run ./bench/cmd/bench`) on %s, in %s. "+
		"Every run rewrites this file; the numbers are from that run and later runs refresh them. "+
		"Both servers ran on the same machine in the same run, on 127.0.0.1, persistence off.\n\n",
		started.UTC().Format("2006-01-02 15:04 MST"), time.Since(started).Round(time.Second))
	fmt.Fprintf(&b, "- Machine: %s\n- Load average (1/5/15 min) at start: %s, at end: %s (other work on the machine adds noise; "+
		"alternating the servers spreads it over both)\n- Redis: %s\n- modhost: %s\n- Targets: %d met, %d not met (rows that could not be measured are n/a).\n\n",
		bench.Machine(), loadStart, bench.LoadAvg(), redisVer, mhVer, met, notMet)
	for _, s := range sides {
		if len(s.crashes) > 0 {
			fmt.Fprintf(&b, "- %s crashed or hung during the run %d time(s) and was restarted: %s\n\n", s.label, len(s.crashes),
				bench.Shorten(strings.Join(s.crashes, "; ")))
		}
	}
	b.WriteString(loadTable.Markdown())
	b.WriteString(coreTable.Markdown())
	b.WriteString(modTable.Markdown())
	b.WriteString(apiTable.Markdown())
	b.WriteString(memTable.Markdown())
	return b.String()
}

func count(st string, met, notMet *int) {
	switch st {
	case "met":
		*met++
	case "n/a":
	default:
		*notMet++
	}
}

// startSide starts the server for the throughput and API phases with every
// module it can load, then creates what the module workloads need.
func startSide(s *side, cfg settings) {
	progress("starting %s", s.label)
	srv, err := bench.Start(s.label, s.bin, s.mods)
	if err != nil && len(s.mods) > 0 {
		// Each module loaded alone but not all together: run without them.
		for _, m := range s.mods {
			s.load[m.Name] = "loads alone but not with the others: " + err.Error()
		}
		s.mods = nil
		srv, err = bench.Start(s.label, s.bin, nil)
	}
	if err != nil {
		s.missing = "could not start: " + bench.Shorten(err.Error())
		return
	}
	s.srv = srv
	s.setup = map[string]string{}
	c, err := bench.Dial(srv.Addr)
	if err != nil {
		s.setup["ts"], s.setup["ft"], s.setup["api"] = err.Error(), err.Error(), err.Error()
		return
	}
	defer c.Close()
	has := func(name string) bool { return s.load[name] == "" }
	if has("timeseries") {
		if _, err := bench.Check(c.Do("TS.CREATE", "bench:ts")); err != nil {
			s.setup["ts"] = "TS.CREATE: " + err.Error()
		}
	}
	if has("ft") {
		s.setup["ft"] = setupSearch(c, cfg.searchDocs)
	}
	if has("apibench") {
		if _, err := bench.Check(c.Do("SET", "apibench:str", "hello")); err != nil {
			s.setup["api"] = "SET: " + err.Error()
		}
	}
}

func setupSearch(c *bench.Client, docs int) string {
	for _, idx := range []string{"bench:add", "bench:search"} {
		if _, err := bench.Check(c.Do("FT.CREATE", idx, "SCHEMA", "title", "TEXT", "body", "TEXT")); err != nil {
			return "FT.CREATE: " + err.Error()
		}
	}
	cmds := make([][]string, docs)
	for i := range cmds {
		// redis-benchmark writes __rand_int__ as 12 zero-padded digits.
		cmds[i] = []string{"FT.ADD", "bench:search", fmt.Sprintf("sdoc:%d", i), "1.0", "FIELDS",
			"title", "hello", "body", fmt.Sprintf("w%012d", i%1000)}
	}
	if err := c.Pipeline(cmds, 100); err != nil {
		return "preloading documents: " + err.Error()
	}
	return ""
}

// ensureAlive restarts a server that died, so one crash costs only the
// measurement it happened in.
func ensureAlive(s *side, cfg settings) bool {
	if s.missing != "" || s.srv == nil {
		return false
	}
	if s.srv.Alive() {
		return true
	}
	s.crashes = append(s.crashes, s.srv.LogSummary())
	s.srv.Stop()
	s.srv = nil
	progress("%s died; restarting", s.label)
	startSide(s, cfg)
	return s.srv != nil
}

func runWorkload(s *side, cfg settings, module, group string, spec bench.BenchSpec) bench.Result {
	if s.missing != "" {
		return bench.Fail("n/a (%s)", s.missing)
	}
	if module != "" && s.load[module] != "" {
		return bench.Fail("n/a (module %s not loaded, see Module loading)", module)
	}
	if !ensureAlive(s, cfg) {
		return bench.Fail("n/a (server down)")
	}
	if module != "" && s.setup[group] != "" {
		return bench.Fail("error: setup failed: %s", bench.Shorten(s.setup[group]))
	}
	res := bench.RunRedisBenchmark(s.srv.Port, spec)
	return afterRun(s, cfg, res)
}

// afterRun turns a crash into an error result and restarts a server that
// stopped answering, so one hang does not time out every later row.
func afterRun(s *side, cfg settings, res bench.Result) bench.Result {
	if !s.srv.Alive() {
		return bench.Fail("error: server crashed")
	}
	if strings.Contains(res.Err, "timed out") || strings.Contains(res.Err, "i/o timeout") {
		s.crashes = append(s.crashes, "stopped answering ("+res.Err+")")
		progress("%s stopped answering; restarting", s.label)
		s.srv.Stop()
		s.srv = nil
		startSide(s, cfg)
	}
	return res
}

// apiCase is one row of the module API benchmark.
type apiCase struct {
	label string
	// kind is "c" (stays in C: ≤ 3x Redis), "go" (crosses into Go: ≤ 100
	// ns per crossing call), "call" (≤ Redis + 100 ns) or "" (no target).
	kind  string
	calls int // API calls per iteration that cross into Go, for "go"
	k     int
	cmd   func(k string) []string
}

func apiBench(cfg settings, sides []*side, met, notMet *int) *bench.Table {
	cases := []apiCase{
		{label: "empty command (ns per command, K=0)", k: 0, cmd: func(k string) []string { return []string{"apibench.empty", k} }},
		{label: "StringPtrLen", kind: "c", k: 10000, cmd: func(k string) []string { return []string{"apibench.strptrlen", k} }},
		{label: "CreateString + FreeString", kind: "c", k: 2000, cmd: func(k string) []string { return []string{"apibench.createstring", k} }},
		{label: "ReplyWithLongLong (array element)", kind: "c", k: 1000, cmd: func(k string) []string { return []string{"apibench.replyll", k} }},
		{label: "Alloc(64) + Free", kind: "c", k: 5000, cmd: func(k string) []string { return []string{"apibench.alloc", k} }},
		{label: "OpenKey + CloseKey", kind: "go", calls: 2, k: 1000, cmd: func(k string) []string { return []string{"apibench.openkey", k, "apibench:str"} }},
		{label: "KeyType", kind: "go", calls: 1, k: 10000, cmd: func(k string) []string { return []string{"apibench.keytype", k, "apibench:str"} }},
		{label: "HashGet (+ FreeString of the value)", kind: "go", calls: 1, k: 1000, cmd: func(k string) []string { return []string{"apibench.hashget", k, "apibench:hash", "f"} }},
		{label: "Call(\"GET\") + FreeCallReply", kind: "call", k: 200, cmd: func(k string) []string { return []string{"apibench.call", k, "GET", "apibench:str"} }},
	}
	loop := func(s *side, cmd []string) bench.Result {
		if s.missing != "" {
			return bench.Fail("n/a (%s)", s.missing)
		}
		if s.load["apibench"] != "" {
			return bench.Fail("n/a (module apibench not loaded, see Module loading)")
		}
		if !ensureAlive(s, cfg) {
			return bench.Fail("n/a (server down)")
		}
		if s.setup["api"] != "" {
			return bench.Fail("error: setup failed: %s", bench.Shorten(s.setup["api"]))
		}
		res := bench.ServerNsPerCommand(s.srv, bench.LoopSpec{Conns: 4, Depth: 16, Duration: cfg.apiDuration, Command: cmd})
		return afterRun(s, cfg, res)
	}
	per := make([][2][]bench.Result, len(cases))
	for r := 0; r < cfg.rounds; r++ {
		for i, c := range cases {
			progress("round %d/%d: API %s", r+1, cfg.rounds, c.label)
			for si, s := range sides {
				base := loop(s, c.cmd("0"))
				if c.k == 0 || !base.OK() {
					per[i][si] = append(per[i][si], base)
					continue
				}
				withK := loop(s, c.cmd(strconv.Itoa(c.k)))
				if !withK.OK() {
					per[i][si] = append(per[i][si], withK)
					continue
				}
				per[i][si] = append(per[i][si], bench.Result{Value: (withK.Value - base.Value) / float64(c.k)})
			}
		}
	}
	t := &bench.Table{Title: "Module API cost (cmodules/apibench)",
		Note: "ns per API call = (server CPU time per command with K calls − with 0 calls) / K, the same apibench.so in both servers; " +
			"server CPU time (all threads, /proc/<pid>/task/*/schedstat) over a closed loop of 4 connections × 16 pipelined commands, " +
			fmt.Sprintf("%s per measurement, median of %d rounds. ", cfg.apiDuration, cfg.rounds) +
			"Targets: APIs that stay in C ≤ 3× Redis's per-call cost; APIs that cross into Go ≤ 100 ns per crossing call " +
			"(OpenKey + CloseKey counts as two); Call runs a whole command, so its target is Redis's cost + 100 ns.",
		Header: []string{"API", "K", "modhost ns", "Redis ns", "modhost/Redis", "target", "status"}}
	for i, c := range cases {
		a, b := bench.Median(per[i][0]), bench.Median(per[i][1])
		ratio := bench.Ratio(a, b)
		target, st := "—", ""
		switch c.kind {
		case "c":
			target = "≤ 3× Redis"
			st = bench.Status(ratio.OK(), ratio.OK() && ratio.Value <= 3)
		case "go":
			lim := 100 * float64(c.calls)
			target = fmt.Sprintf("≤ %.0f ns", lim)
			st = bench.Status(a.OK(), a.OK() && a.Value <= lim)
		case "call":
			target = "≤ Redis + 100 ns"
			st = bench.Status(ratio.OK(), ratio.OK() && a.Value <= b.Value+100)
		}
		if c.kind != "" {
			count(st, met, notMet)
		}
		k := "0"
		if c.k > 0 {
			k = strconv.Itoa(c.k)
		}
		t.Add(c.label, k, bench.Cell(a, "%.1f"), bench.Cell(b, "%.1f"), bench.Cell(ratio, "%.2f"), target, st)
	}
	return t
}

// memSample is what one server measured in the memory phase.
type memSample struct {
	rss0, rss1, rss2    bench.Result
	used0, used1, used2 bench.Result
	keysErr, hashErr    string
	purge               string // MEMORY PURGE's reply or error
}

func memoryBench(cfg settings, sides []*side, met, notMet *int) *bench.Table {
	var samples [2]memSample
	for si, s := range sides {
		samples[si] = measureMemory(cfg, s)
	}
	t := &bench.Table{Title: "Memory",
		Note: fmt.Sprintf("A fresh server without modules; %d string keys `key:NNNNNNNNN` = `xxx` (pipelined SET), then one hash of %d fields "+
			"`fNNNNNN` = `vNNNNNN` (HSET, 1000 fields per command). RSS is VmRSS from /proc/<pid>/status, used_memory from INFO memory; "+
			"per-key numbers are the growth divided by the count. Before each reading both servers get MEMORY PURGE "+
			"(modhost replied: %s; Redis: %s). Target: RSS per small key ≤ 1.2× Redis.", cfg.memKeys, cfg.hashFields,
			orNA(samples[0].purge), orNA(samples[1].purge)),
		Header: []string{"measure", "modhost", "Redis", "modhost/Redis", "target", "status"}}
	mb := func(r bench.Result) bench.Result {
		if r.OK() {
			r.Value /= 1 << 20
		}
		return r
	}
	diff := func(a, b bench.Result, n int, err string) bench.Result {
		if err != "" {
			return bench.Fail("%s", err)
		}
		if !a.OK() {
			return a
		}
		if !b.OK() {
			return b
		}
		return bench.Result{Value: (b.Value - a.Value) / float64(n)}
	}
	row := func(label string, a, b bench.Result, format, target string, limit float64) {
		ratio := bench.Ratio(a, b)
		st := ""
		if limit > 0 {
			st = bench.Status(ratio.OK(), ratio.OK() && ratio.Value <= limit)
			count(st, met, notMet)
		}
		t.Add(label, bench.Cell(a, format), bench.Cell(b, format), bench.Cell(ratio, "%.2f"), target, st)
	}
	m, r := samples[0], samples[1]
	row("RSS at start (MiB)", mb(m.rss0), mb(r.rss0), "%.1f", "—", 0)
	row(fmt.Sprintf("RSS after %d keys (MiB)", cfg.memKeys), mb(m.rss1), mb(r.rss1), "%.1f", "—", 0)
	row("RSS per small key (bytes)", diff(m.rss0, m.rss1, cfg.memKeys, m.keysErr), diff(r.rss0, r.rss1, cfg.memKeys, r.keysErr), "%.1f", "≤ 1.2× Redis", 1.2)
	row("used_memory per small key (bytes)", diff(m.used0, m.used1, cfg.memKeys, m.keysErr), diff(r.used0, r.used1, cfg.memKeys, r.keysErr), "%.1f", "—", 0)
	row(fmt.Sprintf("RSS after the %d-field hash (MiB)", cfg.hashFields), mb(m.rss2), mb(r.rss2), "%.1f", "—", 0)
	row("RSS per hash field (bytes)", diff(m.rss1, m.rss2, cfg.hashFields, m.hashErr), diff(r.rss1, r.rss2, cfg.hashFields, r.hashErr), "%.1f", "—", 0)
	row("used_memory per hash field (bytes)", diff(m.used1, m.used2, cfg.hashFields, m.hashErr), diff(r.used1, r.used2, cfg.hashFields, r.hashErr), "%.1f", "—", 0)
	return t
}

func measureMemory(cfg settings, s *side) memSample {
	var ms memSample
	if _, err := os.Stat(s.bin); s.bin == "" || err != nil {
		f := bench.Fail("n/a (%s not installed)", s.label)
		return memSample{rss0: f, rss1: f, rss2: f, used0: f, used1: f, used2: f}
	}
	progress("memory: %s", s.label)
	srv, err := bench.Start(s.label, s.bin, nil)
	if err != nil {
		f := bench.Fail("error: %s", bench.Shorten(err.Error()))
		return memSample{rss0: f, rss1: f, rss2: f, used0: f, used1: f, used2: f}
	}
	defer srv.Stop()
	settle := func() (bench.Result, bench.Result) {
		// MEMORY PURGE hands free pages back (jemalloc in Redis; a GC
		// in a server that implements it), so readings do not depend on
		// when a collector last ran. Servers without it are read as is.
		if c, err := bench.Dial(srv.Addr); err == nil {
			r, err := bench.Check(c.Do("MEMORY", "PURGE"))
			c.Close()
			if err != nil {
				ms.purge = bench.Shorten(err.Error())
			} else if ms.purge == "" {
				ms.purge = r.Str
			}
		}
		time.Sleep(time.Second)
		if !srv.Alive() {
			f := bench.Fail("error: server crashed")
			return f, f
		}
		rss, err := bench.RSS(srv.Pid())
		if err != nil {
			return bench.Fail("error: %v", err), bench.UsedMemory(srv.Addr)
		}
		return bench.Result{Value: float64(rss)}, bench.UsedMemory(srv.Addr)
	}
	ms.rss0, ms.used0 = settle()
	c, err := bench.Dial(srv.Addr)
	if err != nil {
		ms.keysErr, ms.hashErr = "error: "+err.Error(), "error: "+err.Error()
		return ms
	}
	defer c.Close()
	const batch = 1000
	for i := 0; i < cfg.memKeys && ms.keysErr == ""; i += batch {
		cmds := make([][]string, 0, batch)
		for j := i; j < min(i+batch, cfg.memKeys); j++ {
			cmds = append(cmds, []string{"SET", fmt.Sprintf("key:%09d", j), "xxx"})
		}
		if err := c.Pipeline(cmds, batch); err != nil {
			ms.keysErr = "error: " + bench.Shorten(err.Error())
		}
	}
	ms.rss1, ms.used1 = settle()
	for i := 0; i < cfg.hashFields && ms.hashErr == ""; i += batch {
		cmd := []string{"HSET", "bench:hash"}
		for j := i; j < min(i+batch, cfg.hashFields); j++ {
			cmd = append(cmd, fmt.Sprintf("f%06d", j), fmt.Sprintf("v%06d", j))
		}
		if err := c.Pipeline([][]string{cmd}, 1); err != nil {
			ms.hashErr = "error: " + bench.Shorten(err.Error())
		}
	}
	ms.rss2, ms.used2 = settle()
	return ms
}

func orNA(s string) string {
	if s == "" {
		return "n/a"
	}
	return "`" + s + "`"
}
