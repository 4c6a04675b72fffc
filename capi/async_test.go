package capi_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"modhost/internal/testserver"
)

// RM_Call "K" (blocking calls answered through a promise) is a Redis 7.2
// feature: Debian's redis-server 7.0 refuses the flag, so these tests run
// against modhost alone and check Redis 7.2's documented behaviour, the
// same cases as 7.2's tests/unit/moduleapi/async_rm_call.tcl.

func startAsync(t *testing.T, args ...string) (*testserver.Modhost, *redis.Client) {
	t.Helper()
	all := append([]string{"--loadmodule", modulePath(t, "mhasync")}, args...)
	m := testserver.StartModhost(t, all...)
	c := redis.NewClient(&redis.Options{Addr: m.Addr, Protocol: 2, ReadTimeout: 5 * time.Second})
	t.Cleanup(func() { c.Close() })
	return m, c
}

// waitBlocked waits until INFO blocked_clients is n.
func waitBlocked(t *testing.T, c *redis.Client, n string) {
	t.Helper()
	ctx := context.Background()
	var last string
	for i := 0; i < 200; i++ {
		info, err := c.Info(ctx, "clients").Result()
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(info, "\r\n") {
			if v, ok := strings.CutPrefix(l, "blocked_clients:"); ok {
				last = v
			}
		}
		if last == n {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("blocked_clients is %s, want %s", last, n)
}

// background runs a command on its own connection and returns its result.
func background(m *testserver.Modhost, args ...any) <-chan *redis.Cmd {
	out := make(chan *redis.Cmd, 1)
	go func() {
		c := redis.NewClient(&redis.Options{Addr: m.Addr, Protocol: 2, ReadTimeout: 5 * time.Second})
		defer c.Close()
		out <- c.Do(context.Background(), args...)
	}()
	return out
}

func result(t *testing.T, ch <-chan *redis.Cmd) (any, error) {
	t.Helper()
	select {
	case r := <-ch:
		return r.Val(), r.Err()
	case <-time.After(5 * time.Second):
		t.Fatal("the blocked call never answered")
		return nil, nil
	}
}

func TestAsyncCallServedLater(t *testing.T) {
	m, c := startAsync(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call []any
		feed []any
		want string
	}{
		{"blpop", []any{"mhasync.call", "blpop", "l", "0"}, []any{"lpush", "l", "a"}, "[l a]"},
		{"brpop", []any{"mhasync.call", "brpop", "l", "0"}, []any{"lpush", "l", "a"}, "[l a]"},
		{"blmove", []any{"mhasync.call", "blmove", "l1", "l2", "left", "left", "0"}, []any{"lpush", "l1", "a"}, "a"},
		{"bzpopmin", []any{"mhasync.call", "bzpopmin", "z", "0"}, []any{"zadd", "z", "10", "foo"}, "[z foo 10]"},
		{"xread", []any{"mhasync.call", "xread", "block", "0", "streams", "s", "$"}, []any{"xadd", "s", "1-1", "f", "v"}, "[[s [[1-1 [f v]]]]]"},
		// A module command that blocks its (call) client, called with K
		// by the same module: the promises nest.
		{"nested", []any{"mhasync.call", "mhasync.call", "mhasync.call", "blpop", "l", "0"}, []any{"lpush", "l", "a"}, "[l a]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ch := background(m, tc.call...)
			// The caller counts as blocked; the call's own client does not.
			waitBlocked(t, c, "1")
			if err := c.Do(ctx, tc.feed...).Err(); err != nil {
				t.Fatal(err)
			}
			v, err := result(t, ch)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmtVal(v); got != tc.want {
				t.Fatalf("reply %s, want %s", got, tc.want)
			}
			waitBlocked(t, c, "0")
		})
	}
	if n := c.LLen(ctx, "l").Val(); n != 0 {
		t.Fatalf("llen l = %d: an element was not consumed", n)
	}
	if v := c.LRange(ctx, "l2", 0, -1).Val(); len(v) != 1 || v[0] != "a" {
		t.Fatalf("blmove target holds %v", v)
	}
}

func TestAsyncCallImmediateAndFlags(t *testing.T) {
	_, c := startAsync(t)
	ctx := context.Background()
	// A command that does not block answers at once, as without K.
	if v, err := c.Do(ctx, "mhasync.call", "ping").Result(); err != nil || v != "PONG" {
		t.Fatalf("ping: %v %v", v, err)
	}
	c.RPush(ctx, "l", "x")
	if v, err := c.Do(ctx, "mhasync.call", "blpop", "l", "0").Result(); err != nil || fmtVal(v) != "[l x]" {
		t.Fatalf("blpop on a full list: %v %v", v, err)
	}
	info, err := c.Do(ctx, "mhasync.info").Result()
	if err != nil || fmtVal(info) != "[12 0]" {
		t.Fatalf("info: %v %v (want promise type 12 and a client that may block)", info, err)
	}
	// Inside MULTI the context denies blocking: the module calls without
	// K and BLPOP answers a null at once.
	pipe := c.TxPipeline()
	pipe.Do(ctx, "mhasync.info")
	pipe.Do(ctx, "mhasync.call", "blpop", "empty", "0")
	cmds, _ := pipe.Exec(ctx)
	if got := fmtVal(cmds[0].(*redis.Cmd).Val()); got != "[12 1]" {
		t.Fatalf("info in MULTI: %s", got)
	}
	if err := cmds[1].Err(); err != redis.Nil {
		t.Fatalf("blpop in MULTI: %v %v", cmds[1].(*redis.Cmd).Val(), err)
	}
}

func TestAsyncCallTimeout(t *testing.T) {
	m, c := startAsync(t)
	ch := background(m, "mhasync.call", "blpop", "l", "0.1")
	v, err := result(t, ch)
	if err != redis.Nil {
		t.Fatalf("timed out blpop: %v %v, want a null", v, err)
	}
	waitBlocked(t, c, "0")
}

func TestAsyncCallFireAndForget(t *testing.T) {
	_, c := startAsync(t)
	ctx := context.Background()
	if v, err := c.Do(ctx, "mhasync.forget", "blpop", "l", "0").Result(); err != nil || v != "Blocked" {
		t.Fatalf("forget: %v %v", v, err)
	}
	// Nobody listens, but the command still waits and consumes.
	if err := c.LPush(ctx, "l", "a").Err(); err != nil {
		t.Fatal(err)
	}
	if n := c.LLen(ctx, "l").Val(); n != 0 {
		t.Fatalf("llen = %d, the forgotten BLPOP did not pop", n)
	}
}

func TestAsyncCallAbort(t *testing.T) {
	_, c := startAsync(t)
	ctx := context.Background()
	// The first abort succeeds and returns the handler's private data;
	// the second finds nothing to abort.
	v, err := c.Do(ctx, "mhasync.abort", "blpop", "l", "0").Result()
	if err != nil || fmtVal(v) != "[OK ERR 1]" {
		t.Fatalf("abort: %v %v", v, err)
	}
	c.LPush(ctx, "l", "a")
	if n := c.LLen(ctx, "l").Val(); n != 1 {
		t.Fatalf("llen = %d, an aborted BLPOP popped", n)
	}
	// Aborting after the command was served is refused.
	if v, err := c.Do(ctx, "mhasync.abort", "blpop", "l", "0").Result(); err != nil || fmtVal(v) != "[l a]" {
		t.Fatalf("abort of a served call: %v %v", v, err)
	}
}

func TestAsyncCallCallerDisconnects(t *testing.T) {
	m, c := startAsync(t)
	ctx := context.Background()
	rd := redis.NewClient(&redis.Options{Addr: m.Addr, Protocol: 2, PoolSize: 1})
	id, err := rd.ClientID(ctx).Result()
	if err != nil {
		t.Fatal(err)
	}
	go rd.Do(ctx, "mhasync.call", "blpop", "l", "0")
	waitBlocked(t, c, "1")
	if err := c.Do(ctx, "client", "kill", "id", id).Err(); err != nil {
		t.Fatal(err)
	}
	waitBlocked(t, c, "0")
	rd.Close()
	// The disconnect callback aborted the promise: nothing pops anymore.
	c.LPush(ctx, "l", "1")
	if n := c.LLen(ctx, "l").Val(); n != 1 {
		t.Fatalf("llen = %d after the caller left", n)
	}
}

func TestAsyncCallUnblockedByRoleChange(t *testing.T) {
	m, c := startAsync(t)
	ctx := context.Background()
	ch := background(m, "mhasync.call", "blpop", "l", "0")
	waitBlocked(t, c, "1")
	port := testserver.FreePort(t)
	if err := c.Do(ctx, "replicaof", "127.0.0.1", port).Err(); err != nil {
		t.Fatal(err)
	}
	_, err := result(t, ch)
	if err == nil || !strings.HasPrefix(err.Error(), "UNBLOCKED force unblock from blocking operation") {
		t.Fatalf("blocked caller got %v", err)
	}
	waitBlocked(t, c, "0")
	if err := c.Do(ctx, "replicaof", "no", "one").Err(); err != nil {
		t.Fatal(err)
	}
	c.LPush(ctx, "l", "1")
	if n := c.LLen(ctx, "l").Val(); n != 1 {
		t.Fatalf("llen = %d: the aborted call still popped", n)
	}
}

// The served command and what the unblock handler writes are one
// execution unit: the AOF gets them in one MULTI/EXEC. Without "!"
// the served command is not propagated at all.
func TestAsyncCallPropagation(t *testing.T) {
	// A separate process: --dir changes the working directory.
	dir := t.TempDir()
	bin := filepath.Join(filepath.Dir(filepath.Dir(modulePath(t, "mhasync"))), "modhost")
	m := testserver.StartModhostProcess(t, bin, "--loadmodule", modulePath(t, "mhasync"), "--appendonly", "yes", "--dir", dir)
	c := redis.NewClient(&redis.Options{Addr: m.Addr, Protocol: 2})
	defer c.Close()
	ctx := context.Background()

	ch := background(m, "mhasync.popset", "l", "x", "1", "y", "2")
	waitBlocked(t, c, "1")
	c.LPush(ctx, "l", "a")
	if v, err := result(t, ch); err != nil || v != "a" {
		t.Fatalf("popset: %v %v", v, err)
	}
	ch = background(m, "mhasync.norepl", "blpop", "l", "0")
	waitBlocked(t, c, "1")
	c.LPush(ctx, "l", "b")
	if v, err := result(t, ch); err != nil || fmtVal(v) != "[l b]" {
		t.Fatalf("norepl: %v %v", v, err)
	}
	c.Set(ctx, "z", "3", 0)

	want := "select 0 | lpush l a | multi | lpop l | set x 1 | set y 2 | exec | lpush l b | set z 3"
	var got string
	for i := 0; i < 100; i++ {
		b, err := os.ReadFile(filepath.Join(dir, "appendonlydir", "appendonly.aof.1.incr.aof"))
		if err != nil {
			t.Fatal(err)
		}
		got = aofCommands(string(b))
		if got == want {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("AOF holds\n  %s\nwant\n  %s", got, want)
}

// aofCommands renders an AOF's commands as "cmd args | cmd args",
// lower-casing command names.
func aofCommands(aof string) string {
	var cmds []string
	lines := strings.Split(aof, "\r\n")
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "*") {
			continue
		}
		var n int
		for _, ch := range lines[i][1:] {
			n = n*10 + int(ch-'0')
		}
		var args []string
		for j := 0; j < n && i+2 < len(lines); j++ {
			args = append(args, lines[i+2])
			i += 2
		}
		if len(args) > 0 {
			args[0] = strings.ToLower(args[0])
		}
		cmds = append(cmds, strings.Join(args, " "))
	}
	return strings.Join(cmds, " | ")
}

// fmtVal renders a go-redis reply compactly: arrays as [a b c].
func fmtVal(v any) string {
	switch x := v.(type) {
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = fmtVal(e)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case int64:
		return itoa(x)
	case nil:
		return "<nil>"
	case string:
		return x
	default:
		return "?"
	}
}

// RM_Yield with REDISMODULE_YIELD_FLAG_CLIENTS: once the command has run
// busy-reply-threshold, other clients get turns; their commands get
// "BUSY <reply>" unless allow-busy, which run (and here end the command).
func TestYieldLetsClientsIn(t *testing.T) {
	m, c := startAsync(t, "--busy-reply-threshold", "50")
	ctx := context.Background()
	start := time.Now()
	ch := background(m, "mhasync.slow")
	// RUNNING is allow-busy: it answers at the first yield.
	waitFor(t, "the slow command", func() bool { return c.Do(ctx, "mhasync.running").Val() == int64(1) })
	err := c.Ping(ctx).Err()
	if err == nil || err.Error() != "BUSY Slow module operation" {
		t.Fatalf("PING during the slow command: %v", err)
	}
	if time.Since(start) < 50*time.Millisecond {
		t.Fatalf("BUSY after %v, before busy-reply-threshold", time.Since(start))
	}
	if err := c.Do(ctx, "mhasync.stop").Err(); err != nil {
		t.Fatal(err)
	}
	if v, err := result(t, ch); err != nil || v != int64(1) {
		t.Fatalf("slow command: %v %v", v, err)
	}
	if err := c.Ping(ctx).Err(); err != nil {
		t.Fatalf("PING after the slow command: %v", err)
	}
}
