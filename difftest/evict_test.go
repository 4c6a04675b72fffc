package difftest

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"modhost/internal/testserver"
)

// TestMaxmemoryRefusals: with memory over maxmemory and noeviction,
// deny-oom commands get Redis's OOM error, reads and deletes still run,
// a MULTI that queued a refused command aborts, and the refusals count in
// INFO as Redis counts them.
func TestMaxmemoryRefusals(t *testing.T) {
	p := Start(t)
	p.Do("SET", "k", "v")
	p.Do("RPUSH", "l", "a")
	p.Do("CONFIG", "SET", "maxmemory", "1")
	p.Do("SET", "k2", "v")
	p.Do("RPUSH", "l", "b")
	p.Do("APPEND", "k", "more")
	p.Do("GET", "k")
	p.Do("LPOP", "l")
	p.Do("DEL", "k")
	p.Do("MULTI")
	p.Do("GET", "k")
	p.Do("EXEC")
	p.Do("MULTI")
	p.Do("SET", "x", "1")
	p.Do("EXEC")
	p.Do("DBSIZE")
	p.Do("CONFIG", "SET", "maxmemory", "0")
	p.Do("SET", "k2", "v")
	mod, red := p.Replies("INFO", "errorstats")
	if a, b := infoField(mod, "errorstat_OOM"), infoField(red, "errorstat_OOM"); a != b {
		t.Errorf("errorstat_OOM: modhost %q, redis %q", a, b)
	}
}

// TestMaxmemoryEviction fills both servers past a limit set just above
// their current use, under allkeys-random: both must evict (evicted_keys
// grows) and keep the key count well below what was written, while every
// write succeeds. modhost runs as its own process here: in-process, the
// test binary's other allocations (earlier tests' module threads) would
// count as the server's memory.
func TestMaxmemoryEviction(t *testing.T) {
	p := startProcessPair(t)
	p.Do("CONFIG", "SET", "maxmemory-policy", "allkeys-random")
	mod, red := p.Replies("INFO", "memory")
	for i, raw := range [][]byte{mod, red} {
		used, err := strconv.ParseInt(infoField(raw, "used_memory"), 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		c := p.conns[p.cur]
		conn := c.m
		if i == 1 {
			conn = c.r
		}
		if _, err := conn.Do("CONFIG", "SET", "maxmemory", strconv.FormatInt(used+3000000, 10)); err != nil {
			t.Fatal(err)
		}
	}
	val := string(make([]byte, 500))
	const n = 40000
	for i := 0; i < n; i++ {
		p.Do("SET", "key:"+strconv.Itoa(i), val)
	}
	mod, red = p.Replies("INFO", "stats")
	for side, raw := range map[string][]byte{"modhost": mod, "redis": red} {
		ev, _ := strconv.Atoi(infoField(raw, "evicted_keys"))
		if ev < n/2 {
			t.Errorf("%s evicted %d keys of %d written into ~3MB", side, ev, n)
		}
	}
	mod, red = p.Replies("DBSIZE")
	for side, raw := range map[string][]byte{"modhost": mod, "redis": red} {
		k, _ := strconv.Atoi(string(raw[1 : len(raw)-2]))
		if k <= 0 || k > n/2 {
			t.Errorf("%s keeps %d keys after eviction", side, k)
		}
	}
}

// startProcessPair is Start with modhost run from bin/modhost as a child
// process.
func startProcessPair(t *testing.T) *Pair {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	bin := filepath.Join(filepath.Dir(file), "..", "bin", "modhost")
	if _, err := os.Stat(bin); err != nil {
		testserver.SkipOrFail(t, "bin/modhost is not built (make builds it): %v", err)
	}
	r := testserver.StartRedis(t)
	m := testserver.StartModhostProcess(t, bin)
	p := &Pair{t: t, Modhost: m, Redis: r, root: t}
	p.Conn(0)
	return p
}
