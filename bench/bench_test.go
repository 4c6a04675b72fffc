package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	cases := []struct {
		in   []Result
		want Result
	}{
		{[]Result{{Value: 3}, {Value: 1}, {Value: 2}}, Result{Value: 2}},
		{[]Result{{Value: 4}, {Value: 1}}, Result{Value: 2.5}},
		{[]Result{{Value: 5}, Fail("error: x"), {Value: 1}}, Result{Value: 3}},
		{[]Result{Fail("error: x"), Fail("error: y")}, Fail("error: x")},
	}
	for _, c := range cases {
		if got := Median(c.in); got != c.want {
			t.Errorf("Median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestShorten(t *testing.T) {
	got := Shorten("ERR unknown command 'INCR', with args beginning with: 'counter:1' ")
	if got != "ERR unknown command 'INCR'" {
		t.Errorf("got %q", got)
	}
	if got := Shorten("a|b\nc"); got != "a/b c" {
		t.Errorf("got %q", got)
	}
}

// needRedis returns redis-server's path, skipping (failing in CI) when the
// interop tools are missing.
func needRedis(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("redis-server")
	if err == nil {
		_, err = exec.LookPath("redis-benchmark")
	}
	if err != nil {
		if os.Getenv("MODHOST_REQUIRE_INTEROP") == "1" {
			t.Fatal("MODHOST_REQUIRE_INTEROP=1 but redis-server/redis-benchmark are missing")
		}
		t.Skip("redis-server/redis-benchmark not installed (make deps installs them)")
	}
	return p
}

func TestRedisBenchmarkRunner(t *testing.T) {
	bin := needRedis(t)
	s, err := Start("redis", bin, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	r := RunRedisBenchmark(s.Port, BenchSpec{Clients: 5, Requests: 2000, Pipeline: 1, Rand: 1000, Test: "set"})
	if !r.OK() || r.Value <= 0 {
		t.Fatalf("SET run: %+v", r)
	}
	// lrange tests print a preparatory LPUSH row; the LRANGE row must win.
	r = RunRedisBenchmark(s.Port, BenchSpec{Clients: 5, Requests: 500, Pipeline: 4, Test: "lrange_100"})
	if !r.OK() {
		t.Fatalf("LRANGE run: %+v", r)
	}
	r = RunRedisBenchmark(s.Port, BenchSpec{Clients: 5, Requests: 100, Pipeline: 1, Command: []string{"NOSUCHCMD", "x"}})
	if r.OK() || r.Err != "error: ERR unknown command 'NOSUCHCMD'" {
		t.Fatalf("unknown command run: %+v", r)
	}
	if !s.Alive() {
		t.Fatal("redis-server died")
	}
}

// TestApibenchOnRedis checks that cmodules/apibench loads into the real
// redis-server and that every command does what the benchmark assumes.
func TestApibenchOnRedis(t *testing.T) {
	bin := needRedis(t)
	so, _ := filepath.Abs("../bin/modules/apibench.so")
	if _, err := os.Stat(so); err != nil {
		t.Skip("bin/modules/apibench.so not built (make modules)")
	}
	mod := Module{Name: "apibench", Path: so, Probe: []string{"apibench.empty"}}
	if st := ProbeModules("redis", bin, []Module{mod}); st["apibench"] != "" {
		t.Fatalf("apibench does not load into redis-server: %s", st["apibench"])
	}
	s, err := Start("redis", bin, []Module{mod})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	c, err := Dial(s.Addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	steps := []struct {
		cmd  []string
		want string
	}{
		{[]string{"apibench.empty"}, "+OK"},
		{[]string{"apibench.empty", "5"}, "+OK"},
		{[]string{"apibench.hello"}, "+Hello, World!"},
		{[]string{"apibench.strptrlen", "10"}, ":20"},
		{[]string{"apibench.strptrlen", "-1"}, "-ERR K must be a non-negative integer"},
		{[]string{"apibench.strptrlen", "x"}, "-ERR K must be a non-negative integer"},
		{[]string{"apibench.createstring", "7"}, ":7"},
		{[]string{"apibench.replyll", "3"}, "*[:0 :1 :2]"},
		{[]string{"apibench.replyll", "0"}, "*[]"},
		{[]string{"apibench.alloc", "3"}, ":2"}, // i=0 writes a zero byte
		{[]string{"apibench.openkey", "4", "s"}, ":0"},
		{[]string{"SET", "s", "v"}, "+OK"},
		{[]string{"apibench.openkey", "4", "s"}, ":4"},
		{[]string{"apibench.keytype", "3", "s"}, ":3"}, // REDISMODULE_KEYTYPE_STRING is 1
		{[]string{"apibench.hashget", "4", "h", "f"}, ":20"},
		{[]string{"HGET", "h", "f"}, "$value"},
		{[]string{"apibench.hashget", "1", "s", "f"}, "-WRONGTYPE Operation against a key holding the wrong kind of value"},
		{[]string{"apibench.call", "5", "GET", "s"}, ":5"},
		{[]string{"apibench.call", "5", "INCR", "n"}, ":5"},
		{[]string{"GET", "n"}, "$5"},
		{[]string{"apibench.call", "2", "INCR", "s"}, ":0"},
		{[]string{"apibench.call", "1", "GET"}, "-ERR wrong number of arguments for 'apibench.call' command"},
	}
	for _, st := range steps {
		r, err := c.Do(st.cmd...)
		if err != nil {
			t.Fatalf("%v: %v", st.cmd, err)
		}
		if got := show(r); got != st.want {
			t.Errorf("%v = %s, want %s", st.cmd, got, st.want)
		}
	}
	r := ServerNsPerCommand(s, LoopSpec{Conns: 2, Depth: 8, Duration: 50 * time.Millisecond, Command: []string{"apibench.strptrlen", "1000"}})
	if !r.OK() || r.Value <= 0 {
		t.Fatalf("ServerNsPerCommand: %+v", r)
	}
	r = ServerNsPerCommand(s, LoopSpec{Conns: 1, Depth: 1, Duration: 10 * time.Millisecond, Command: []string{"apibench.hashget", "1", "s", "f"}})
	if r.OK() || !strings.Contains(r.Err, "WRONGTYPE") {
		t.Fatalf("ServerNsPerCommand on an error reply: %+v", r)
	}
}

func show(r Reply) string {
	switch r.Kind {
	case '*':
		parts := make([]string, len(r.Elems))
		for i, e := range r.Elems {
			parts[i] = show(e)
		}
		return "*[" + strings.Join(parts, " ") + "]"
	case '$':
		return "$" + r.Str
	default:
		return string(r.Kind) + r.Str
	}
}
