package app_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"modhost/internal/testserver"
)

// oldAOF is a Redis 6 single-file AOF.
const oldAOF = "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nset\r\n$2\r\nk1\r\n$2\r\nv1\r\n*3\r\n$3\r\nset\r\n$2\r\nk2\r\n$2\r\nv2\r\n"

// upgradeOutcome describes dir after a server started on an old-style
// AOF: the files in dir and in appendonlydir, the manifest and the data.
func upgradeOutcome(t *testing.T, dir, addr string) []string {
	t.Helper()
	rc := redis.NewClient(&redis.Options{Addr: addr})
	defer rc.Close()
	ctx := context.Background()
	out := []string{"k1=" + rc.Get(ctx, "k1").Val(), "k2=" + rc.Get(ctx, "k2").Val()}
	for _, d := range []string{dir, filepath.Join(dir, "appendonlydir")} {
		entries, err := os.ReadDir(d)
		must(t, err)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		sort.Strings(names)
		out = append(out, filepath.Base(d)+": "+strings.Join(names, " "))
	}
	man, err := os.ReadFile(filepath.Join(dir, "appendonlydir", "appendonly.aof.manifest"))
	must(t, err)
	out = append(out, "manifest: "+string(man))
	return out
}

// TestOldAOFUpgrade: with appendonly yes, an old-style appendonly.aof in
// dir and no appenddirname, the file moves into appendonlydir as the seq 1
// base named in a new manifest, an incr file follows, and the data loads,
// as redis-server 7 does it.
func TestOldAOFUpgrade(t *testing.T) {
	dir := t.TempDir()
	must(t, os.WriteFile(filepath.Join(dir, "appendonly.aof"), []byte(oldAOF), 0o644))
	port := testserver.FreePort(t)
	ch := startChild(t, dir, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes")
	ch.waitLog(t, "Ready to accept connections")
	if !strings.Contains(ch.out.String(), "Successfully migrated an old-style AOF file (appendonly.aof) into the AOF directory (appendonlydir).") {
		t.Fatalf("no migration line:\n%s", ch.out)
	}
	got := upgradeOutcome(t, dir, "127.0.0.1:"+strconv.Itoa(port))
	want := []string{"k1=v1", "k2=v2", filepath.Base(dir) + ": appendonlydir",
		"appendonlydir: appendonly.aof appendonly.aof.1.incr.aof appendonly.aof.manifest",
		"manifest: file appendonly.aof seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	rdir := t.TempDir()
	must(t, os.WriteFile(filepath.Join(rdir, "appendonly.aof"), []byte(oldAOF), 0o644))
	r := testserver.StartRedis(t, "--dir", rdir, "--appendonly", "yes")
	rc := redis.NewClient(&redis.Options{Addr: r.Addr})
	for i := 0; rc.Ping(context.Background()).Err() != nil; i++ { // LOADING at first
		if i > 500 {
			t.Fatal("redis-server did not finish loading")
		}
		time.Sleep(10 * time.Millisecond)
	}
	rc.Close()
	ref := upgradeOutcome(t, rdir, r.Addr)
	want[2] = filepath.Base(rdir) + ": appendonlydir"
	if strings.Join(ref, "\n") != strings.Join(want, "\n") {
		t.Fatalf("redis-server:\n%s\nwant:\n%s", strings.Join(ref, "\n"), strings.Join(want, "\n"))
	}
}

// TestAOFLoadErrorIsLastLine: a start-up that fails on a bad AOF exits 1
// with the loader's reason as the last log line, as Redis's harness
// expects ("Unknown command 'bla' reading the append only file ...").
func TestAOFLoadErrorIsLastLine(t *testing.T) {
	dir := t.TempDir()
	aofDir := filepath.Join(dir, "appendonlydir")
	must(t, os.MkdirAll(aofDir, 0o755))
	must(t, os.WriteFile(filepath.Join(aofDir, "appendonly.aof.manifest"), []byte("file appendonly.aof.1.incr.aof seq 1 type i\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(aofDir, "appendonly.aof.1.incr.aof"), []byte("*2\r\n$3\r\nbla\r\n$1\r\nx\r\n"), 0o644))
	ch := startChild(t, dir, "--port", strconv.Itoa(testserver.FreePort(t)), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes")
	if code := ch.wait(t); code != 1 {
		t.Fatalf("exit code %d", code)
	}
	lines := logLines(ch.out.String())
	if len(lines) == 0 || lines[len(lines)-1] != "Unknown command 'bla' reading the append only file appendonly.aof.1.incr.aof" {
		t.Fatalf("log:\n%s", ch.out)
	}
}

// TestOldAOFWithRDBPreamble: a Redis 6 AOF made of an RDB preamble and
// commands after it loads both parts when it is upgraded.
func TestOldAOFWithRDBPreamble(t *testing.T) {
	dir := t.TempDir()
	port := testserver.FreePort(t)
	args := []string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--dir", dir, "--save", ""}
	ch := startChild(t, dir, args...)
	ch.waitLog(t, "Ready to accept connections")
	rc := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + strconv.Itoa(port)})
	ctx := context.Background()
	must(t, rc.Set(ctx, "k1", "v1", 0).Err())
	must(t, rc.Save(ctx).Err())
	_ = rc.Do(ctx, "SHUTDOWN", "NOSAVE").Err()
	rc.Close()
	ch.wait(t)
	preamble, err := os.ReadFile(filepath.Join(dir, "dump.rdb"))
	must(t, err)
	must(t, os.Remove(filepath.Join(dir, "dump.rdb")))
	tail := "*3\r\n$3\r\nset\r\n$2\r\nk2\r\n$2\r\nv2\r\n"
	must(t, os.WriteFile(filepath.Join(dir, "appendonly.aof"), append(preamble, tail...), 0o644))

	ch2 := startChild(t, dir, append(args, "--appendonly", "yes")...)
	ch2.waitLog(t, "Ready to accept connections")
	assertOrder(t, ch2.out.String(), "Successfully migrated an old-style AOF file (appendonly.aof) into the AOF directory (appendonlydir).",
		"Reading RDB preamble from AOF file...", "Reading the remaining AOF tail...")
	rc = redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + strconv.Itoa(port)})
	defer rc.Close()
	if v1, v2 := rc.Get(ctx, "k1").Val(), rc.Get(ctx, "k2").Val(); v1 != "v1" || v2 != "v2" {
		t.Fatalf("k1=%q k2=%q\n%s", v1, v2, ch2.out)
	}
}
