package app_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"modhost/internal/testserver"
)

// infoField reads one INFO persistence field.
func infoField(t *testing.T, rc *redis.Client, name string) string {
	t.Helper()
	info, err := rc.Info(context.Background(), "persistence").Result()
	must(t, err)
	for _, l := range strings.Split(info, "\r\n") {
		if v, ok := strings.CutPrefix(l, name+":"); ok {
			return v
		}
	}
	t.Fatalf("no %s in INFO persistence", name)
	return ""
}

// flushallDuringBgsave runs FLUSHALL while a slowed-down BGSAVE runs, once
// with save points and once without, and describes what a client and the
// disk can see.
func flushallDuringBgsave(t *testing.T, rc *redis.Client, dir string) []string {
	t.Helper()
	ctx := context.Background()
	dump := filepath.Join(dir, "dump.rdb")
	var out []string
	note := func(what string) { out = append(out, what) }
	for _, save := range []string{"3600 1", ""} {
		must(t, rc.ConfigSet(ctx, "save", save).Err())
		must(t, rc.ConfigSet(ctx, "rdb-key-save-delay", "0").Err())
		os.Remove(dump)
		pipe := rc.Pipeline()
		for i := 0; i < 1000; i++ {
			pipe.Set(ctx, "k"+strconv.Itoa(i), i, 0)
		}
		_, err := pipe.Exec(ctx)
		must(t, err)
		// 1000 keys at 5ms each: the save would take 5 seconds.
		must(t, rc.ConfigSet(ctx, "rdb-key-save-delay", "5000").Err())
		must(t, rc.BgSave(ctx).Err())
		note("save=" + save + " in_progress_before=" + infoField(t, rc, "rdb_bgsave_in_progress"))
		must(t, rc.FlushAll(ctx).Err())
		deadline := time.Now().Add(time.Second)
		for infoField(t, rc, "rdb_bgsave_in_progress") != "0" {
			if time.Now().After(deadline) {
				t.Fatal("FLUSHALL did not stop the BGSAVE")
			}
			time.Sleep(10 * time.Millisecond)
		}
		dirty, _ := strconv.Atoi(infoField(t, rc, "rdb_changes_since_last_save"))
		note("changes_since_save>=1000:" + strconv.FormatBool(dirty >= 1000))
		note("status=" + infoField(t, rc, "rdb_last_bgsave_status"))
		_, err = os.Stat(dump)
		note("dump_exists=" + strconv.FormatBool(err == nil))
		note("set=" + rc.Set(ctx, "x", "1", 0).Val())
		must(t, rc.Del(ctx, "x").Err())
	}
	return out
}

// TestFlushallKillsBgsave: FLUSHALL abandons a running BGSAVE at once;
// with save points it saves the empty dataset (dump.rdb loads back
// empty, the change counter is 0), without them nothing reaches the disk
// and the counter keeps the flushed keys, as in redis-server.
func TestFlushallKillsBgsave(t *testing.T) {
	dir := t.TempDir()
	port := testserver.FreePort(t)
	args := []string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--dir", dir, "--save", ""}
	ch := startChild(t, dir, args...)
	ch.waitLog(t, "Ready to accept connections")
	rc := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + strconv.Itoa(port)})
	defer rc.Close()
	got := flushallDuringBgsave(t, rc, dir)
	want := []string{"save=3600 1 in_progress_before=1", "changes_since_save>=1000:false", "status=ok", "dump_exists=true", "set=OK",
		"save= in_progress_before=1", "changes_since_save>=1000:true", "status=ok", "dump_exists=false", "set=OK"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The abandoned save never lands later either.
	time.Sleep(300 * time.Millisecond)
	if _, err := os.Stat(filepath.Join(dir, "dump.rdb")); err == nil {
		t.Fatal("the abandoned BGSAVE wrote dump.rdb")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "temp-") {
			t.Fatalf("temp file left behind: %s", e.Name())
		}
	}

	// The save FLUSHALL made with save points holds the empty dataset.
	must(t, rc.ConfigSet(context.Background(), "save", "3600 1").Err())
	must(t, rc.Set(context.Background(), "gone", "1", 0).Err())
	must(t, rc.FlushAll(context.Background()).Err())
	_ = rc.Do(context.Background(), "SHUTDOWN", "NOSAVE").Err()
	ch.wait(t)
	ch2 := startChild(t, dir, args...)
	ch2.waitLog(t, "Ready to accept connections")
	if n := rc.DBSize(context.Background()).Val(); n != 0 {
		t.Fatalf("dump.rdb written by FLUSHALL loads %d keys", n)
	}

	// The same steps on redis-server.
	r := testserver.StartRedis(t)
	rr := redis.NewClient(&redis.Options{Addr: r.Addr})
	defer rr.Close()
	if ref := flushallDuringBgsave(t, rr, r.Dir); strings.Join(ref, "\n") != strings.Join(want, "\n") {
		t.Fatalf("redis-server:\n%s\nwant:\n%s", strings.Join(ref, "\n"), strings.Join(want, "\n"))
	}
}
