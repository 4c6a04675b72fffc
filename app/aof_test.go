package app_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"modhost/internal/testserver"
)

// aofChild starts the modhost binary with appendonly yes in dir.
func aofChild(t *testing.T, dir string, extra ...string) (*child, *redis.Client) {
	t.Helper()
	port := testserver.FreePort(t)
	args := append([]string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "",
		"--appendonly", "yes", "--dir", dir}, extra...)
	c := startChild(t, dir, args...)
	c.waitLog(t, "Ready to accept connections")
	rc := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + strconv.Itoa(port)})
	t.Cleanup(func() { rc.Close() })
	return c, rc
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// waitRewrite polls INFO until no AOF rewrite runs.
func waitRewrite(t *testing.T, rc *redis.Client) {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < 200; i++ {
		info, err := rc.Info(ctx, "persistence").Result()
		must(t, err)
		if strings.Contains(info, "aof_rewrite_in_progress:0") {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("AOF rewrite did not finish")
}

// writeWorkload runs acknowledged writes of several kinds, including a
// transaction, relative expiries and a second database.
func writeWorkload(t *testing.T, rc *redis.Client, from, to int) {
	t.Helper()
	ctx := context.Background()
	for i := from; i < to; i++ {
		must(t, rc.Set(ctx, "k"+strconv.Itoa(i), "v"+strconv.Itoa(i), 0).Err())
		must(t, rc.Incr(ctx, "counter").Err())
		must(t, rc.RPush(ctx, "list", i).Err())
		must(t, rc.HSet(ctx, "hash", "f"+strconv.Itoa(i), i).Err())
		if i%10 == 0 {
			_, err := rc.TxPipelined(ctx, func(p redis.Pipeliner) error {
				p.Incr(ctx, "txcounter")
				p.Incr(ctx, "txcounter")
				p.Expire(ctx, "k"+strconv.Itoa(i), time.Hour)
				return nil
			})
			must(t, err)
		}
	}
	must(t, rc.Do(ctx, "select", "0").Err())
}

// checkWorkload verifies what writeWorkload(0, n) left.
func checkWorkload(t *testing.T, rc *redis.Client, n int) {
	t.Helper()
	ctx := context.Background()
	if v, err := rc.Get(ctx, "counter").Int(); err != nil || v != n {
		t.Fatalf("counter = %d, %v; want %d", v, err, n)
	}
	if v, err := rc.LLen(ctx, "list").Result(); err != nil || v != int64(n) {
		t.Fatalf("list length = %d, %v; want %d", v, err, n)
	}
	if v, err := rc.HLen(ctx, "hash").Result(); err != nil || v != int64(n) {
		t.Fatalf("hash length = %d, %v; want %d", v, err, n)
	}
	if v, err := rc.Get(ctx, "txcounter").Int(); err != nil || v != 2*((n+9)/10) {
		t.Fatalf("txcounter = %d, %v", v, err)
	}
	for i := 0; i < n; i++ {
		k := "k" + strconv.Itoa(i)
		if v, err := rc.Get(ctx, k).Result(); err != nil || v != "v"+strconv.Itoa(i) {
			t.Fatalf("%s = %q, %v", k, v, err)
		}
		ttl, err := rc.TTL(ctx, k).Result()
		must(t, err)
		if i%10 == 0 && (ttl <= 50*time.Minute || ttl > time.Hour) {
			t.Fatalf("%s TTL %v, want about an hour", k, ttl)
		}
		if i%10 != 0 && ttl != -1 {
			t.Fatalf("%s TTL %v, want none", k, ttl)
		}
	}
}

// TestAOFSurvivesKill writes with appendfsync always, rewrites the AOF
// halfway, kills the server with SIGKILL and checks that a restart
// loads every acknowledged write.
func TestAOFSurvivesKill(t *testing.T) {
	dir := t.TempDir()
	c, rc := aofChild(t, dir, "--appendfsync", "always")
	writeWorkload(t, rc, 0, 60)
	must(t, rc.BgRewriteAOF(context.Background()).Err())
	writeWorkload(t, rc, 60, 100) // some of these race the rewrite
	waitRewrite(t, rc)
	writeWorkload(t, rc, 100, 150)
	must(t, c.cmd.Process.Kill())
	c.wait(t)

	man, err := os.ReadFile(filepath.Join(dir, "appendonlydir", "appendonly.aof.manifest"))
	must(t, err)
	if string(man) != "file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n" {
		t.Fatalf("manifest after one rewrite:\n%s", man)
	}
	c2, rc2 := aofChild(t, dir, "--appendfsync", "always")
	checkWorkload(t, rc2, 150)
	if !strings.Contains(c2.out.String(), "DB loaded from append only file") {
		t.Fatalf("no AOF load in log:\n%s", c2.out)
	}
}

// TestAOFTruncated cuts the last command of the incr file in half: with
// aof-load-truncated yes it is dropped with Redis's warnings and the file
// truncated; with no, start-up fails with Redis's message.
func TestAOFTruncated(t *testing.T) {
	for _, allow := range []string{"yes", "no"} {
		t.Run(allow, func(t *testing.T) {
			dir := t.TempDir()
			ad := filepath.Join(dir, "appendonlydir")
			must(t, os.MkdirAll(ad, 0o755))
			writeFile(t, filepath.Join(ad, "appendonly.aof.manifest"), "file appendonly.aof.1.incr.aof seq 1 type i\n")
			good := "*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n"
			writeFile(t, filepath.Join(ad, "appendonly.aof.1.incr.aof"), good+"*3\r\n$3\r\nSET\r\n$1\r\nc\r\n$5\r\n12")
			args := []string{"--port", strconv.Itoa(testserver.FreePort(t)), "--bind", "127.0.0.1", "--save", "",
				"--appendonly", "yes", "--dir", dir, "--aof-load-truncated", allow, "--appendfsync", "always"}
			c := startChild(t, dir, args...)
			if allow == "no" {
				if code := c.wait(t); code != 1 {
					t.Fatalf("exit code %d, want 1", code)
				}
				assertOrder(t, c.out.String(),
					"Unexpected end of file reading the append only file appendonly.aof.1.incr.aof. You can: 1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. 2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server.")
				return
			}
			c.waitLog(t, "Ready to accept connections")
			assertOrder(t, c.out.String(),
				"!!! Warning: short read while loading the AOF file appendonly.aof.1.incr.aof!!!",
				"!!! Truncating the AOF appendonly.aof.1.incr.aof at offset "+strconv.Itoa(len(good))+" !!!",
				"AOF appendonly.aof.1.incr.aof loaded anyway because aof-load-truncated is enabled")
			port := args[1]
			rc := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + port})
			defer rc.Close()
			ctx := context.Background()
			keys, err := rc.Keys(ctx, "*").Result()
			must(t, err)
			sort.Strings(keys)
			if strings.Join(keys, ",") != "a,b" {
				t.Fatalf("keys %v, want a,b", keys)
			}
			// New writes follow the truncation point, so the file stays valid.
			must(t, rc.Set(ctx, "d", "4", 0).Err())
			must(t, c.cmd.Process.Kill())
			c.wait(t)
			_, rc2 := aofChild(t, dir, "--aof-load-truncated", "no")
			keys, err = rc2.Keys(ctx, "*").Result()
			must(t, err)
			sort.Strings(keys)
			if strings.Join(keys, ",") != "a,b,d" {
				t.Fatalf("keys after restart %v, want a,b,d", keys)
			}
		})
	}
}

// TestAOFInteropWithRedis compares modhost's appendonlydir with what
// redis-server writes for the same config and workload, then has each
// server load the other's directory.
func TestAOFInteropWithRedis(t *testing.T) {
	if _, err := exec.LookPath("redis-server"); err != nil {
		testserver.SkipOrFail(t, "redis-server is not installed")
	}
	for _, preamble := range []string{"yes", "no"} {
		t.Run("aof-use-rdb-preamble="+preamble, func(t *testing.T) { aofInterop(t, preamble) })
	}
}

func aofInterop(t *testing.T, preamble string) {
	ctx := context.Background()
	mdir := t.TempDir()
	mc, mrc := aofChild(t, mdir, "--appendfsync", "always", "--aof-use-rdb-preamble", preamble)
	r := testserver.StartRedis(t, "--appendonly", "yes", "--appendfsync", "always", "--aof-use-rdb-preamble", preamble)
	rrc := redis.NewClient(&redis.Options{Addr: r.Addr})
	defer rrc.Close()
	for _, rc := range []*redis.Client{mrc, rrc} {
		writeWorkload(t, rc, 0, 30)
		must(t, rc.BgRewriteAOF(ctx).Err())
		waitRewrite(t, rc)
		writeWorkload(t, rc, 30, 40)
	}
	listing := func(dir string) (string, string) {
		ents, err := os.ReadDir(filepath.Join(dir, "appendonlydir"))
		must(t, err)
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		man, err := os.ReadFile(filepath.Join(dir, "appendonlydir", "appendonly.aof.manifest"))
		must(t, err)
		return strings.Join(names, " "), string(man)
	}
	mn, mm := listing(mdir)
	rn, rm := listing(r.Dir)
	if mn != rn || mm != rm {
		t.Fatalf("modhost wrote %s\n%s\nredis-server wrote %s\n%s", mn, mm, rn, rm)
	}
	must(t, mc.cmd.Process.Kill())
	mc.wait(t)

	// redis-server loads modhost's directory.
	rdir := t.TempDir()
	copyDir(t, filepath.Join(mdir, "appendonlydir"), filepath.Join(rdir, "appendonlydir"))
	r2 := testserver.StartRedis(t, "--appendonly", "yes", "--dir", rdir)
	r2c := redis.NewClient(&redis.Options{Addr: r2.Addr})
	defer r2c.Close()
	checkWorkload(t, r2c, 40)

	// modhost loads redis-server's directory.
	_ = rrc.Do(ctx, "shutdown", "nosave").Err()
	mdir2 := t.TempDir()
	copyDir(t, filepath.Join(r.Dir, "appendonlydir"), filepath.Join(mdir2, "appendonlydir"))
	_, m2c := aofChild(t, mdir2)
	checkWorkload(t, m2c, 40)
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	must(t, os.MkdirAll(to, 0o755))
	ents, err := os.ReadDir(from)
	must(t, err)
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		must(t, err)
		must(t, os.WriteFile(filepath.Join(to, e.Name()), b, 0o644))
	}
}

// TestAOFConfigSetAppendonly turns the AOF on at runtime (a rewrite),
// checks the layout against redis-server doing the same, kills the
// server and restarts it from the AOF; appendonly no then stops appending.
func TestAOFConfigSetAppendonly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c, rc := aofChild(t, dir, "--appendonly", "no", "--appendfsync", "always")
	writeWorkload(t, rc, 0, 20)
	if _, err := os.Stat(filepath.Join(dir, "appendonlydir")); err == nil {
		t.Fatal("appendonlydir exists with appendonly no")
	}
	must(t, rc.ConfigSet(ctx, "appendonly", "yes").Err())
	waitRewrite(t, rc)
	writeWorkload(t, rc, 20, 30)
	info, err := rc.Info(ctx, "persistence").Result()
	must(t, err)
	if !strings.Contains(info, "aof_enabled:1") || !strings.Contains(info, "aof_last_bgrewrite_status:ok") {
		t.Fatalf("INFO persistence:\n%s", info)
	}
	man, err := os.ReadFile(filepath.Join(dir, "appendonlydir", "appendonly.aof.manifest"))
	must(t, err)
	if _, err := exec.LookPath("redis-server"); err == nil {
		r := testserver.StartRedis(t)
		rrc := redis.NewClient(&redis.Options{Addr: r.Addr})
		defer rrc.Close()
		must(t, rrc.Set(ctx, "x", "1", 0).Err())
		must(t, rrc.ConfigSet(ctx, "appendonly", "yes").Err())
		waitRewrite(t, rrc)
		rman, err := os.ReadFile(filepath.Join(r.Dir, "appendonlydir", "appendonly.aof.manifest"))
		must(t, err)
		if string(man) != string(rman) {
			t.Fatalf("manifest after CONFIG SET appendonly yes:\n%s\nredis-server:\n%s", man, rman)
		}
	}
	must(t, c.cmd.Process.Kill())
	c.wait(t)
	c2, rc2 := aofChild(t, dir, "--appendfsync", "always")
	checkWorkload(t, rc2, 30)
	must(t, rc2.ConfigSet(ctx, "appendonly", "no").Err())
	incr := filepath.Join(dir, "appendonlydir", "appendonly.aof.1.incr.aof")
	before, err := os.ReadFile(incr)
	must(t, err)
	must(t, rc2.Set(ctx, "after", "off", 0).Err())
	after, err := os.ReadFile(incr)
	must(t, err)
	if len(after) != len(before) {
		t.Fatal("a write reached the AOF after appendonly no")
	}
	info, err = rc2.Info(ctx, "persistence").Result()
	must(t, err)
	if !strings.Contains(info, "aof_enabled:0") {
		t.Fatalf("INFO persistence after appendonly no:\n%s", info)
	}
	_ = c2
}

// TestAOFDebugLoadAOF reloads the dataset from the AOF files without
// writing anything to them.
func TestAOFDebugLoadAOF(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	_, rc := aofChild(t, dir, "--enable-debug-command", "yes")
	writeWorkload(t, rc, 0, 20)
	incr := filepath.Join(dir, "appendonlydir", "appendonly.aof.1.incr.aof")
	before, err := os.ReadFile(incr)
	must(t, err)
	must(t, rc.Do(ctx, "debug", "loadaof").Err())
	checkWorkload(t, rc, 20)
	after, err := os.ReadFile(incr)
	must(t, err)
	if string(before) != string(after) {
		t.Fatal("DEBUG LOADAOF wrote to the AOF")
	}
	must(t, rc.Incr(ctx, "counter").Err())
	must(t, rc.Do(ctx, "debug", "loadaof").Err())
	if v, _ := rc.Get(ctx, "counter").Int(); v != 21 {
		t.Fatalf("counter %d after reload, want 21", v)
	}
}

// TestAOFRewriteWhileOff: BGREWRITEAOF with appendonly no writes only a
// base and a manifest naming it, as redis-server does.
func TestAOFRewriteWhileOff(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	_, rc := aofChild(t, dir, "--appendonly", "no")
	must(t, rc.Set(ctx, "a", "1", 0).Err())
	must(t, rc.BgRewriteAOF(ctx).Err())
	waitRewrite(t, rc)
	want := "file appendonly.aof.1.base.rdb seq 1 type b\n"
	if _, err := exec.LookPath("redis-server"); err == nil {
		r := testserver.StartRedis(t)
		rrc := redis.NewClient(&redis.Options{Addr: r.Addr})
		defer rrc.Close()
		must(t, rrc.Set(ctx, "a", "1", 0).Err())
		must(t, rrc.BgRewriteAOF(ctx).Err())
		waitRewrite(t, rrc)
		b, err := os.ReadFile(filepath.Join(r.Dir, "appendonlydir", "appendonly.aof.manifest"))
		must(t, err)
		want = string(b)
	}
	got, err := os.ReadFile(filepath.Join(dir, "appendonlydir", "appendonly.aof.manifest"))
	must(t, err)
	if string(got) != want {
		t.Fatalf("manifest %q, want %q", got, want)
	}
	ents, err := os.ReadDir(filepath.Join(dir, "appendonlydir"))
	must(t, err)
	if len(ents) != 2 {
		t.Fatalf("appendonlydir holds %d files, want base and manifest", len(ents))
	}
}

// TestAOFAutoRewrite: once the AOF doubled (auto-aof-rewrite-percentage
// 100) and passed auto-aof-rewrite-min-size, cron rewrites it.
func TestAOFAutoRewrite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c, rc := aofChild(t, dir, "--auto-aof-rewrite-min-size", "1kb", "--auto-aof-rewrite-percentage", "100")
	writeWorkload(t, rc, 0, 50)
	deadline := time.Now().Add(5 * time.Second)
	for {
		info, err := rc.Info(ctx, "persistence").Result()
		must(t, err)
		if strings.Contains(info, "aof_rewrites:1") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no automatic rewrite:\n%s", info)
		}
		time.Sleep(50 * time.Millisecond)
	}
	waitRewrite(t, rc)
	if !strings.Contains(c.out.String(), "Starting automatic rewriting of AOF on ") {
		t.Fatalf("no automatic rewrite log line:\n%s", c.out)
	}
	checkWorkload(t, rc, 50)
}

// TestAOFRewriteStreams: a rewrite without the RDB preamble rebuilds
// streams with commands (entries, deleted IDs, an empty stream, groups,
// pending entries, consumers without any), and loading it gives back the
// same stream state.
func TestAOFRewriteStreams(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	_, rc := aofChild(t, dir, "--enable-debug-command", "yes", "--aof-use-rdb-preamble", "no")
	for _, cmd := range [][]any{
		{"XADD", "s", "1-1", "a", "1"}, {"XADD", "s", "2-1", "b", "2"}, {"XADD", "s", "3-1", "c", "3"},
		{"XDEL", "s", "2-1"}, {"XGROUP", "CREATE", "s", "g1", "0"},
		{"XREADGROUP", "GROUP", "g1", "alice", "COUNT", "1", "STREAMS", "s", ">"},
		{"XGROUP", "CREATECONSUMER", "s", "g1", "bob"}, {"XGROUP", "CREATE", "s", "g2", "$"},
		{"XADD", "e", "MAXLEN", "0", "5-1", "x", "y"}, {"XGROUP", "CREATE", "e", "g", "0"},
	} {
		must(t, rc.Do(ctx, cmd...).Err())
	}
	state := func() string {
		var out []string
		for _, cmd := range [][]any{{"XINFO", "STREAM", "s"}, {"XINFO", "GROUPS", "s"}, {"XPENDING", "s", "g1"},
			{"XINFO", "STREAM", "e"}, {"XINFO", "GROUPS", "e"}} {
			v, err := rc.Do(ctx, cmd...).Result()
			must(t, err)
			out = append(out, fmt.Sprint(v))
		}
		names, err := rc.Do(ctx, "XINFO", "CONSUMERS", "s", "g1").Result()
		must(t, err)
		out = append(out, strconv.Itoa(len(names.([]any))))
		return strings.Join(out, "\n")
	}
	before := state()
	must(t, rc.Do(ctx, "BGREWRITEAOF").Err())
	waitRewrite(t, rc)
	base, err := os.ReadFile(filepath.Join(dir, "appendonlydir", "appendonly.aof.2.base.aof"))
	must(t, err)
	for _, want := range []string{"XSETID", "CREATECONSUMER", "XCLAIM", "MAXLEN"} {
		if !strings.Contains(string(base), want) {
			t.Errorf("rewritten base has no %s:\n%s", want, base)
		}
	}
	must(t, rc.Do(ctx, "DEBUG", "LOADAOF").Err())
	if after := state(); after != before {
		t.Fatalf("streams differ after the rewrite:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}
