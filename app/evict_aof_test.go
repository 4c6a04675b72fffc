package app_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEvictionAfterConfigSetIsOwnUnit: CONFIG SET maxmemory below the
// memory in use evicts right after the command, one key per unit, as
// Redis's eviction timer does. The AOF gets one plain DEL per key; had the
// keys been evicted inside the CONFIG SET's unit, the DELs would arrive
// wrapped together in MULTI/EXEC.
func TestEvictionAfterConfigSetIsOwnUnit(t *testing.T) {
	dir := t.TempDir()
	_, rc := aofChild(t, dir, "--appendfsync", "always")
	ctx := context.Background()
	for _, k := range []string{"k1", "k2", "k3"} {
		must(t, rc.Set(ctx, k, "v", time.Hour).Err())
	}
	must(t, rc.ConfigSet(ctx, "maxmemory-policy", "volatile-ttl").Err())
	must(t, rc.ConfigSet(ctx, "maxmemory", "1").Err())
	// Evicted before the reply: the next command sees an empty keyspace.
	if n := rc.DBSize(ctx).Val(); n != 0 {
		t.Fatalf("dbsize %d after CONFIG SET maxmemory 1", n)
	}
	must(t, rc.ConfigSet(ctx, "maxmemory", "0").Err())
	b, err := os.ReadFile(filepath.Join(dir, "appendonlydir", "appendonly.aof.1.incr.aof"))
	must(t, err)
	aof := strings.ToLower(string(b))
	if strings.Contains(aof, "multi") {
		t.Fatalf("evictions were propagated inside a transaction:\n%q", aof)
	}
	if n := strings.Count(aof, "$3\r\ndel\r\n"); n != 3 {
		t.Fatalf("%d DELs in the AOF, want 3:\n%q", n, aof)
	}
}
