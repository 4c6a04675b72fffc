package app_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"modhost/internal/testserver"
)

// misconfTranscript makes a BGSAVE fail on the server at addr (its dir is
// removed first) and records the replies of reads, writes, PING, a
// transaction and the stop-writes-on-bgsave-error switch.
func misconfTranscript(t *testing.T, addr, dir string) []string {
	t.Helper()
	c := testserver.Dial(t, addr)
	do := func(args ...string) string {
		t.Helper()
		if err := c.Send(args...); err != nil {
			t.Fatal(err)
		}
		b, err := c.Read(5 * time.Second)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return string(b)
	}
	var out []string
	rec := func(args ...string) {
		line := strings.Join(args, " ") + " -> " + do(args...)
		out = append(out, strings.ReplaceAll(line, dir, "<dir>"))
	}
	rec("SET", "x", "1")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	rec("BGSAVE")
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(do("INFO", "persistence"), "rdb_last_bgsave_status:err") {
		if time.Now().After(deadline) {
			t.Fatal("BGSAVE did not fail")
		}
		time.Sleep(20 * time.Millisecond)
	}
	rec("GET", "x")
	rec("SET", "x", "2")
	rec("PING")
	rec("DEL", "x")
	rec("MULTI")
	rec("GET", "x")
	rec("SET", "x", "3")
	rec("EXEC")
	rec("CONFIG", "SET", "stop-writes-on-bgsave-error", "no")
	rec("SET", "x", "4")
	rec("CONFIG", "SET", "stop-writes-on-bgsave-error", "yes")
	rec("INCR", "n")
	rec("CONFIG", "SET", "save", "")
	rec("INCR", "n")
	rec("CONFIG", "SET", "save", "3600 1")
	rec("INCR", "n")
	// A successful save clears the condition.
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// The server sits in the removed directory until told to go back.
	rec("CONFIG", "SET", "dir", dir)
	rec("SAVE")
	rec("INCR", "n")
	return out
}

// TestMisconfAfterFailedBgsave: a failed background save with save points
// and stop-writes-on-bgsave-error refuses writes and PING with Redis's
// MISCONF text, reads still run, and it matches redis-server reply for
// reply.
func TestMisconfAfterFailedBgsave(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "data")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	port := testserver.FreePort(t)
	ch := startChild(t, base, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "3600 1", "--enable-protected-configs", "yes")
	ch.waitLog(t, "Ready to accept connections")
	got := misconfTranscript(t, "127.0.0.1:"+strconv.Itoa(port), dir)

	const misconf = "-MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.\r\n"
	for i, want := range map[int]string{1: "+Background saving started\r\n", 2: "$1\r\n1\r\n", 3: misconf, 4: misconf, 5: misconf,
		8: misconf, 9: "-EXECABORT Transaction discarded because of previous errors.\r\n", 11: "+OK\r\n", 13: misconf, 15: ":1\r\n", 17: misconf, 19: "+OK\r\n", 20: ":2\r\n"} {
		if !strings.HasSuffix(got[i], " -> "+want) {
			t.Errorf("step %d: %q, want reply %q", i, got[i], want)
		}
	}
	if t.Failed() {
		t.Fatalf("transcript:\n%s", strings.Join(got, "\n"))
	}

	rbase := t.TempDir()
	rdir := filepath.Join(rbase, "data")
	if err := os.MkdirAll(rdir, 0o755); err != nil {
		t.Fatal(err)
	}
	r := testserver.StartRedis(t, "--dir", rdir, "--save", "3600 1", "--enable-protected-configs", "yes")
	want := misconfTranscript(t, r.Addr, rdir)
	if !bytes.Equal([]byte(strings.Join(got, "\n")), []byte(strings.Join(want, "\n"))) {
		t.Fatalf("modhost:\n%s\nredis-server:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// aofFullTranscript runs a server with appendonly yes in dir, stops it,
// points its incr file at /dev/full and starts it again: the first write
// after that is applied but its append fails, so later writes and PING get
// the AOF's MISCONF text. start returns the address of a server on dir.
func aofFullTranscript(t *testing.T, dir string, start func() string) []string {
	t.Helper()
	c := testserver.Dial(t, start())
	if err := c.Send("SET", "a", "1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Read(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	_ = c.Send("SHUTDOWN")
	_, _ = c.Read(5 * time.Second)
	incr := filepath.Join(dir, "appendonlydir", "appendonly.aof.1.incr.aof")
	if err := os.Remove(incr); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/full", incr); err != nil {
		t.Fatal(err)
	}
	c = testserver.Dial(t, start())
	// Accepting connections is not being ready: wait out the load.
	for i := 0; ; i++ {
		_ = c.Send("PING")
		b, _ := c.Read(5 * time.Second)
		if !strings.HasPrefix(string(b), "-LOADING") {
			break
		}
		if i > 500 {
			t.Fatal("still loading")
		}
		time.Sleep(10 * time.Millisecond)
	}
	var out []string
	for _, args := range [][]string{{"SET", "a", "2"}, {"SET", "a", "3"}, {"PING"}, {"GET", "a"}, {"MULTI"}, {"INCR", "n"}, {"EXEC"}} {
		if err := c.Send(args...); err != nil {
			t.Fatal(err)
		}
		b, err := c.Read(5 * time.Second)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Join(args, " ")+" -> "+string(b))
	}
	_ = c.Send("INFO", "persistence")
	info, _ := c.Read(5 * time.Second)
	if !strings.Contains(string(info), "aof_last_write_status:err") {
		t.Errorf("INFO persistence after a failed append:\n%s", info)
	}
	return out
}

// TestMisconfAOFWriteError: a failing AOF append refuses writes with
// "MISCONF Errors writing to the AOF file: <strerror>", as redis-server.
func TestMisconfAOFWriteError(t *testing.T) {
	dir := t.TempDir()
	got := aofFullTranscript(t, dir, func() string {
		port := testserver.FreePort(t)
		ch := startChild(t, dir, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes")
		ch.waitLog(t, "Ready to accept connections")
		return "127.0.0.1:" + strconv.Itoa(port)
	})
	const misconf = "-MISCONF Errors writing to the AOF file: No space left on device\r\n"
	for i, want := range map[int]string{0: "+OK\r\n", 1: misconf, 2: misconf, 3: "$1\r\n2\r\n", 5: misconf} {
		if !strings.HasSuffix(got[i], " -> "+want) {
			t.Errorf("step %d: %q, want reply %q", i, got[i], want)
		}
	}
	if t.Failed() {
		t.Fatalf("transcript:\n%s", strings.Join(got, "\n"))
	}
	rdir := t.TempDir()
	want := aofFullTranscript(t, rdir, func() string {
		return testserver.StartRedis(t, "--dir", rdir, "--appendonly", "yes").Addr
	})
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("modhost:\n%s\nredis-server:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
