package capi_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"modhost/internal/testserver"
)

// RedisModule_BlockClientOnKeysWithFlags with REDISMODULE_BLOCK_UNBLOCK_DELETED
// (Redis 7.2, so modhost alone): deleting the key, or replacing it with
// another type, runs the reply callback, which here answers DELETED;
// such waits count in total_blocking_keys_on_nokey. A plain
// BlockClientOnKeys wait ignores the deletion.
func TestBlockOnKeysUnblockDeleted(t *testing.T) {
	m := testserver.StartModhost(t, "--loadmodule", modulePath(t, "mhkeys"))
	c := redis.NewClient(&redis.Options{Addr: m.Addr})
	defer c.Close()
	ctx := context.Background()
	nokey := func() string {
		for _, l := range strings.Split(c.Info(ctx, "clients").Val(), "\r\n") {
			if v, ok := strings.CutPrefix(l, "total_blocking_keys_on_nokey:"); ok {
				return v
			}
		}
		return "?"
	}
	for _, tc := range []struct {
		name string
		feed []any
		want string
	}{
		{"served", []any{"rpush", "q", "a"}, "[q a]"},
		{"type change", []any{"set", "q", "x"}, "DELETED"},
		{"deleted", []any{"del", "q"}, "DELETED"},
	} {
		if tc.name == "deleted" {
			c.Set(ctx, "q", "v", 0) // a key there to delete
		}
		ch := background(m, "mk.bpopdel", "q", "0")
		waitBlocked(t, c, "1")
		if got := nokey(); got != "1" {
			t.Fatalf("%s: total_blocking_keys_on_nokey %s", tc.name, got)
		}
		if err := c.Do(ctx, tc.feed...).Err(); err != nil {
			t.Fatal(err)
		}
		v, err := result(t, ch)
		if err != nil || fmtVal(v) != tc.want {
			t.Fatalf("%s: %v %v, want %s", tc.name, v, err, tc.want)
		}
	}
	// Without the flag the wait outlives the key.
	c.RPush(ctx, "q2", "x")
	c.Del(ctx, "q2")
	ch := background(m, "mk.bpop", "q2", "0")
	waitBlocked(t, c, "1")
	c.Set(ctx, "q2", "s", 0)
	c.Del(ctx, "q2")
	time.Sleep(50 * time.Millisecond)
	waitBlocked(t, c, "1")
	c.RPush(ctx, "q2", "y")
	if v, err := result(t, ch); err != nil || fmtVal(v) != "[q2 y]" {
		t.Fatalf("plain block: %v %v", v, err)
	}
}
