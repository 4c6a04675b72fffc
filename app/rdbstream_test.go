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

// TestModuleRdbLoadSave: RM_RdbSave writes the dataset to a file of the
// module's choosing (leaving the change counter alone), RM_RdbLoad
// replaces the dataset with it, stopping a BGSAVE and restarting the AOF
// around the load, with Redis's errno for bad arguments, missing and
// corrupt files (cmodules/mhrdbstream).
func TestModuleRdbLoadSave(t *testing.T) {
	so, err := filepath.Abs("../bin/modules/mhrdbstream.so")
	must(t, err)
	if _, err := os.Stat(so); err != nil {
		t.Skipf("%s is not built (make modules)", so)
	}
	dir := t.TempDir()
	port := testserver.FreePort(t)
	ch := startChild(t, dir, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--loadmodule", so)
	ch.waitLog(t, "Ready to accept connections")
	rc := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + strconv.Itoa(port)})
	defer rc.Close()
	ctx := context.Background()
	val := func(args ...any) string {
		t.Helper()
		v, err := rc.Do(ctx, args...).Result()
		if err != nil {
			return "ERR:" + err.Error()
		}
		switch x := v.(type) {
		case []any:
			var parts []string
			for _, e := range x {
				parts = append(parts, strconv.FormatInt(e.(int64), 10))
			}
			return strings.Join(parts, ",")
		case int64:
			return strconv.FormatInt(x, 10)
		}
		return v.(string)
	}
	expect := func(got, want string) {
		t.Helper()
		if got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
	expect(val("MHR.BADARGS"), "22,22,22,22") // EINVAL each time
	expect(val("MHR.LOAD", "missing.rdb"), "ERR:No such file or directory")

	must(t, rc.Set(ctx, "x", "1", 0).Err())
	expect(val("MHR.SAVE", "snap.rdb"), "OK")
	if _, err := os.Stat(filepath.Join(dir, "snap.rdb")); err != nil {
		t.Fatal(err)
	}
	expect(infoField(t, rc, "rdb_changes_since_last_save"), "1")
	must(t, rc.Set(ctx, "x", "2", 0).Err())
	must(t, rc.Set(ctx, "y", "1", 0).Err())
	expect(val("MHR.LOAD", "snap.rdb"), "OK")
	expect(val("GET", "x"), "1")
	expect(val("EXISTS", "y"), "0")
	expect(infoField(t, rc, "rdb_last_load_keys_loaded"), "1")

	must(t, os.WriteFile(filepath.Join(dir, "bad.rdb"), []byte("REDIS0011garbage"), 0o644))
	expect(val("MHR.LOAD", "bad.rdb"), "ERR:Input/output error")

	// A running BGSAVE is abandoned: it would save the replaced dataset.
	must(t, rc.Set(ctx, "x", "3", 0).Err())
	must(t, rc.ConfigSet(ctx, "rdb-key-save-delay", "5000000").Err())
	must(t, rc.BgSave(ctx).Err())
	expect(infoField(t, rc, "rdb_bgsave_in_progress"), "1")
	expect(val("MHR.LOAD", "snap.rdb"), "OK")
	expect(infoField(t, rc, "rdb_bgsave_in_progress"), "0")
	expect(val("GET", "x"), "1")
	ch.waitLog(t, "Background saving terminated")
	must(t, rc.ConfigSet(ctx, "rdb-key-save-delay", "0").Err())

	// With the AOF on, the load turns it off and on again: the new AOF
	// starts from the loaded dataset.
	must(t, rc.ConfigSet(ctx, "appendonly", "yes").Err())
	waitRewrite(t, rc)
	must(t, rc.Set(ctx, "x", "4", 0).Err())
	expect(val("MHR.LOAD", "snap.rdb"), "OK")
	waitRewrite(t, rc)
	expect(infoField(t, rc, "aof_enabled"), "1")
	must(t, rc.Set(ctx, "z", "after", 0).Err())
	_ = rc.Do(ctx, "SHUTDOWN").Err()
	ch.wait(t)
	ch2 := startChild(t, dir, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes", "--loadmodule", so)
	ch2.waitLog(t, "Ready to accept connections")
	deadline := time.Now().Add(5 * time.Second)
	for val("GET", "x") != "1" && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	expect(val("GET", "x"), "1")
	expect(val("GET", "z"), "after")
}

// TestModuleRdbLoadResyncsReplicas: RM_RdbLoad on a master drops its
// replicas and its backlog, so they come back for a full resync of the
// loaded dataset (a partial one would keep what they had); on a replica
// RM_RdbLoad is refused and RM_RdbSave allowed.
func TestModuleRdbLoadResyncsReplicas(t *testing.T) {
	so, err := filepath.Abs("../bin/modules/mhrdbstream.so")
	must(t, err)
	ctx := context.Background()
	// Separate processes: each server's module API state is global.
	start := func(extra ...string) *redis.Client {
		dir := t.TempDir()
		port := strconv.Itoa(testserver.FreePort(t))
		ch := startChild(t, dir, append([]string{"--port", port, "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--loadmodule", so}, extra...)...)
		ch.waitLog(t, "Ready to accept connections")
		c := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + port})
		t.Cleanup(func() { c.Close() })
		return c
	}
	mc := start()
	host, port, _ := strings.Cut(mc.Options().Addr, ":")
	rc := start("--replicaof", host, port)
	stat := func(name string) string {
		for _, l := range strings.Split(mc.Info(ctx, "stats").Val(), "\r\n") {
			if v, ok := strings.CutPrefix(l, name+":"); ok {
				return v
			}
		}
		return ""
	}
	waitUntil := func(what string, cond func() bool) {
		t.Helper()
		for i := 0; i < 250; i++ {
			if cond() {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("timed out waiting for %s", what)
	}
	must(t, mc.Set(ctx, "x", "10000", 0).Err())
	waitUntil("the first full sync", func() bool { return stat("sync_full") == "1" && rc.Get(ctx, "x").Val() == "10000" })

	snap := filepath.Join(t.TempDir(), "master.rdb")
	if v, err := rc.Do(ctx, "MHR.SAVE", filepath.Join(t.TempDir(), "rep.rdb")).Result(); err != nil || v != "OK" {
		t.Fatalf("RdbSave on the replica: %v %v", v, err)
	}
	if err := rc.Do(ctx, "MHR.LOAD", snap).Err(); err == nil || !strings.Contains(err.Error(), "not supported") {
		t.Fatalf("RdbLoad on the replica: %v", err)
	}
	if v, err := mc.Do(ctx, "MHR.SAVE", snap).Result(); err != nil || v != "OK" {
		t.Fatalf("RdbSave: %v %v", v, err)
	}
	must(t, mc.Set(ctx, "x", "20000", 0).Err())
	waitUntil("the replica to follow", func() bool { return rc.Get(ctx, "x").Val() == "20000" })
	if v, err := mc.Do(ctx, "MHR.LOAD", snap).Result(); err != nil || v != "OK" {
		t.Fatalf("RdbLoad: %v %v", v, err)
	}
	waitUntil("a second full sync", func() bool { return stat("sync_full") == "2" })
	waitUntil("the replica to get the loaded dataset", func() bool { return rc.Get(ctx, "x").Val() == "10000" })
	if v := stat("sync_partial_ok"); v != "0" {
		t.Fatalf("sync_partial_ok %s: a replica continued its old history", v)
	}
}
