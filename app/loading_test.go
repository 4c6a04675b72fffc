package app_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"modhost/internal/testserver"
)

// loadingTranscript fills a server with keys, saves, restarts it slowed
// down by key-load-delay, and records what a client sees while it loads:
// -LOADING for data commands, INFO (allowed while loading) with loading:1
// and the loading_* fields. restart stops the server and starts it again
// on dir with the extra arguments, returning its address.
func loadingTranscript(t *testing.T, addr string, restart func(extra ...string) string) []string {
	t.Helper()
	ctx := context.Background()
	rc := redis.NewClient(&redis.Options{Addr: addr})
	pipe := rc.Pipeline()
	for i := 0; i < 20000; i++ {
		pipe.Set(ctx, "key:"+strconv.Itoa(i), strings.Repeat("v", 100), 0)
	}
	_, err := pipe.Exec(ctx)
	must(t, err)
	must(t, rc.Save(ctx).Err())
	rc.Close()
	addr = restart("--key-load-delay", "100", "--loading-process-events-interval-bytes", "1024")
	c := testserver.Dial(t, addr)
	do := func(args ...string) string {
		t.Helper()
		must(t, c.Send(args...))
		b, err := c.Read(5 * time.Second)
		must(t, err)
		return string(b)
	}
	var out []string
	for _, args := range [][]string{{"GET", "key:1"}, {"SET", "x", "1"}, {"PING"}, {"DBSIZE"}, {"EXISTS", "x"}} {
		out = append(out, strings.Join(args, " ")+" -> "+do(args...))
	}
	info := do("INFO", "persistence")
	for _, f := range []string{"loading:1", "loading_start_time:", "loading_total_bytes:", "loading_loaded_bytes:", "loading_loaded_perc:", "loading_eta_seconds:"} {
		out = append(out, f+" "+strconv.FormatBool(strings.Contains(info, "\r\n"+f)))
	}
	deadline := time.Now().Add(20 * time.Second)
	for strings.HasPrefix(do("GET", "key:1"), "-LOADING") {
		if time.Now().After(deadline) {
			t.Fatal("still loading after 20s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	out = append(out, "after: DBSIZE -> "+do("DBSIZE"), "after: loading:0 "+strconv.FormatBool(strings.Contains(do("INFO", "persistence"), "loading:0\r\n")))
	return out
}

// TestLoadingRefusesCommands: while the dataset loads at start-up the
// server already accepts clients, answers INFO with the loading fields and
// refuses other commands with -LOADING, as redis-server does.
func TestLoadingRefusesCommands(t *testing.T) {
	dir := t.TempDir()
	start := func(extra ...string) string {
		port := testserver.FreePort(t)
		args := append([]string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--dir", dir, "--save", ""}, extra...)
		ch := startChild(t, dir, args...)
		ch.waitLog(t, "Server initialized")
		// The listener is open before "Server initialized": a client
		// connecting now waits in the backlog until the loop accepts.
		addr := "127.0.0.1:" + strconv.Itoa(port)
		return addr
	}
	var cur *redis.Client
	addr := start()
	got := loadingTranscript(t, addr, func(extra ...string) string {
		cur = redis.NewClient(&redis.Options{Addr: addr})
		_ = cur.Do(context.Background(), "SHUTDOWN", "NOSAVE").Err()
		cur.Close()
		time.Sleep(100 * time.Millisecond)
		return start(extra...)
	})
	const loading = "-LOADING Redis is loading the dataset in memory\r\n"
	want := []string{"GET key:1 -> " + loading, "SET x 1 -> " + loading, "PING -> " + loading, "DBSIZE -> " + loading, "EXISTS x -> " + loading,
		"loading:1 true", "loading_start_time: true", "loading_total_bytes: true", "loading_loaded_bytes: true", "loading_loaded_perc: true", "loading_eta_seconds: true",
		"after: DBSIZE -> :20000\r\n", "after: loading:0 true"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	r := testserver.StartRedis(t)
	rdir := r.Dir
	ref := loadingTranscript(t, r.Addr, func(extra ...string) string {
		rc := redis.NewClient(&redis.Options{Addr: r.Addr})
		_ = rc.Do(context.Background(), "SHUTDOWN", "NOSAVE").Err()
		rc.Close()
		return testserver.StartRedis(t, append([]string{"--dir", rdir}, extra...)...).Addr
	})
	if strings.Join(ref, "\n") != strings.Join(want, "\n") {
		t.Fatalf("redis-server:\n%s\nwant:\n%s", strings.Join(ref, "\n"), strings.Join(want, "\n"))
	}
}
