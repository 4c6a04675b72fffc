package capi_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"modhost/difftest"
	"modhost/internal/testserver"
)

// modulePath returns the absolute path of bin/modules/<name>.so (the
// Makefile builds modules before tests run).
func modulePath(t *testing.T, name string) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	p := filepath.Join(filepath.Dir(file), "..", "bin", "modules", name+".so")
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s is not built (make modules): %v", p, err)
	}
	return p
}

// execCopy copies a module to a temp dir with the exec bit real Redis wants.
func execCopy(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), filepath.Base(p))
	if err := os.WriteFile(dst, b, 0o755); err != nil {
		t.Fatal(err)
	}
	return dst
}

// startEvents starts modhost with mhevents and returns one pinned
// connection, so SELECT sticks and no pool connection comes and goes
// behind the tests' backs (client events).
func startEvents(t *testing.T, args ...string) (*testserver.Modhost, *redis.Conn) {
	t.Helper()
	all := append([]string{"--enable-module-command", "yes", "--loadmodule", modulePath(t, "mhevents")}, args...)
	m := testserver.StartModhost(t, all...)
	cl := redis.NewClient(&redis.Options{Addr: m.Addr, Protocol: 2})
	c := cl.Conn()
	t.Cleanup(func() { c.Close(); cl.Close() })
	return m, c
}

type doer interface {
	Do(ctx context.Context, args ...any) *redis.Cmd
}

func strs(t *testing.T, v any, err error) []string {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	arr, ok := v.([]any)
	if !ok {
		t.Fatalf("not an array: %#v", v)
	}
	out := make([]string, len(arr))
	for i, x := range arr {
		switch y := x.(type) {
		case string:
			out[i] = y
		case int64:
			out[i] = itoa(y)
		case nil:
			out[i] = "<nil>"
		default:
			t.Fatalf("element %d: %#v", i, x)
		}
	}
	return out
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

func do(t *testing.T, c doer, args ...any) []string {
	t.Helper()
	v, err := c.Do(context.Background(), args...).Result()
	return strs(t, v, err)
}

// waitFor polls cond until it holds or 5 seconds pass.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestEventsAgainstRedis runs the mhevents commands that only use APIs
// Redis 7.0 has against real redis-server: dict order and seeks, module
// INFO sections, GetServerInfo, server event subscription rules, event
// loop argument errors, keyspace notifications delivered to modules,
// flush/swapdb events, module configs.
func TestEventsAgainstRedis(t *testing.T) {
	so := execCopy(t, modulePath(t, "mhevents"))
	p := difftest.Start(t, difftest.Module(so))

	p.Do("mhe.dict.ops")
	keys := []string{"a", "b", "ab", "", "abc", "b\x00", "\xff", "ba", "aa", "c"}
	for _, op := range []string{"^", "$", ">", ">=", "<", "<=", "==", "="} {
		for _, seek := range []string{"", "a", "ab", "abb", "b", "zz", "\xff"} {
			for _, dir := range []string{"next", "prev"} {
				p.Do(append([]string{"mhe.dict.range", op, seek, dir, "20"}, keys...)...)
			}
		}
	}
	p.Do("mhe.dict.range", ">", "a", "next", "5")
	// Random byte keys (short, from a small alphabet so prefixes and
	// equal seeks are common) against Redis's radix tree.
	rng := rand.New(rand.NewPCG(7, 11))
	word := func() string {
		b := make([]byte, rng.IntN(4))
		for i := range b {
			b[i] = "ab\x00\xfe"[rng.IntN(4)]
		}
		return string(b)
	}
	ops := []string{"^", "$", ">", ">=", "<", "<=", "=="}
	for i := 0; i < 150; i++ {
		args := []string{"mhe.dict.range", ops[rng.IntN(len(ops))], word(), []string{"next", "prev"}[rng.IntN(2)], "50"}
		for j := rng.IntN(30); j > 0; j-- {
			args = append(args, word())
		}
		p.Do(args...)
	}

	for _, sec := range []string{"mhevents_stats", "mhevents", "mhevents_more", "MHEVENTS_STATS", "mhevents_nosuch", "modules"} {
		p.Do("INFO", sec)
	}
	p.Do("mhe.serverinfo", "server", "arch_bits")
	p.Do("mhe.serverinfo", "server", "no_such_field")
	p.Do("mhe.serverinfo", "keyspace", "db0")
	p.Do("mhe.serverinfo", "-", "no_such_field")
	p.Do("mhe.serverinfo.am", "server", "arch_bits")
	p.Do("mhe.serverinfo.am", "server", "no_such_field")

	for _, ev := range [][2]string{{"18", "1"}, {"12", "1"}, {"2", "2"}, {"2", "1"}, {"1", "5"}, {"4", "2"}, {"16", "9"}} {
		p.Do("mhe.ev.sub", ev[0], ev[1])
	}
	// Event 17 (Key) is new in 7.2: real Redis 7.0 refuses it.
	for id := 0; id < 19; id++ {
		if id == 17 {
			continue
		}
		for _, sub := range []string{"-1", "0", "1", "2", "3", "4", "5", "6"} {
			p.Do("mhe.ev.supported", itoa(int64(id)), sub)
		}
	}
	p.Do("mhe.el.errors")

	// Keyspace events as the module sees them.
	p.Do("mhe.ks.log")
	p.Do("SET", "k1", "v")
	p.Do("INCRBY", "k2", "5")
	p.Do("LPUSH", "l", "a", "b")
	p.Do("HSET", "h", "f", "v")
	p.Do("EXPIRE", "k1", "100")
	p.Do("DEL", "k1", "nokey")
	p.Do("RENAME", "l", "l2")
	for _, cmd := range [][]string{
		{"SADD", "s", "a", "b"}, {"SREM", "s", "a"}, {"SPOP", "s"},
		{"ZADD", "z", "1", "a"}, {"ZINCRBY", "z", "2", "a"}, {"ZREM", "z", "a"},
		{"HINCRBY", "h", "n", "2"}, {"HDEL", "h", "f", "n"},
		{"APPEND", "k2", "x"}, {"SETRANGE", "k2", "0", "y"}, {"GETDEL", "k2"},
		{"RPUSH", "l3", "a"}, {"LPOP", "l3"}, {"XADD", "x", "1-1", "f", "v"},
		{"SET", "t", "1", "EX", "100"}, {"PERSIST", "t"}, {"COPY", "t", "t2"}, {"MOVE", "t2", "5"},
		{"EXPIRE", "t", "0"}, {"GET", "nokey"}, {"INCRBYFLOAT", "f", "1.5"},
	} {
		p.Do(cmd...)
	}
	p.Do("SET", "mhe:trigger:x", "1")
	p.Do("GET", "mhe:nested")
	p.Do("mhe.ks.notify", "kk")
	p.Do("mhe.ks.log")
	p.Do("mhe.ks.flags")
	p.Do("CONFIG", "SET", "notify-keyspace-events", "Kx$")
	p.Do("mhe.ks.flags")

	// Flush and swap events (no connection opens or closes meanwhile; the
	// client events so far carry different ids).
	p.Replies("mhe.ev.log")
	p.Do("SELECT", "3")
	p.Do("FLUSHDB")
	p.Do("FLUSHALL", "ASYNC")
	p.Do("FLUSHDB", "SYNC")
	p.Do("SWAPDB", "0", "1")
	p.Do("SWAPDB", "2", "2")
	p.Do("mhe.ev.log")
	p.Do("SELECT", "0")

	// Module configs.
	p.Do("mhe.cfg")
	p.DoSorted("CONFIG", "GET", "mhevents.*")
	for _, kv := range [][2]string{{"mhevents.count", "50"}, {"mhevents.count", "13"}, {"mhevents.count", "101"},
		{"mhevents.count", "abc"}, {"mhevents.name", "bad"}, {"mhevents.name", "world"}, {"mhevents.enabled", "no"},
		{"mhevents.enabled", "maybe"}, {"mhevents.memory", "2mb"}, {"mhevents.mode", "three"}, {"mhevents.mode", "four"},
		{"mhevents.flags", "a b"}, {"mhevents.flags", "b c"}, {"mhevents.flags", "x"}, {"mhevents.nosuch", "1"}} {
		p.Do("CONFIG", "SET", kv[0], kv[1])
	}
	p.Do("CONFIG", "SET", "mhevents.count", "7", "mhevents.mode", "one")
	p.Do("CONFIG", "SET", "maxmemory-policy", "allkeys-lru", "mhevents.name", "x")
	p.DoSorted("CONFIG", "GET", "mhevents.*")
	p.Do("mhe.cfg")
	p.Do("mhe.ev.log") // the Config events of the successful sets

	p.Do("FLUSHALL")
	p.Do("mhe.db")
	p.Do("SET", "only", "1")
	p.Do("mhe.db")
	p.Do("mhe.client.setname", "999999999", "x")
	p.Do("mhe.client.info", "999999999")
	p.Do("mhe.client.name", "999999999")
	p.Do("mhe.misc", "mhe-latency", "0")
}

// TestTimers: timers fire in due order with the creator's db, can be
// stopped, and report their remaining time.
func TestTimers(t *testing.T) {
	_, c := startEvents(t)
	ctx := context.Background()
	c.Do(ctx, "SELECT", 2)
	pipe := c.Pipeline()
	b := pipe.Do(ctx, "mhe.timer.add", 300, "b")
	pipe.Do(ctx, "mhe.timer.add", 100, "a")
	cc := pipe.Do(ctx, "mhe.timer.add", 200, "c")
	d := pipe.Do(ctx, "mhe.timer.add", 250, "d")
	if _, err := pipe.Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if v, err := c.Do(ctx, "mhe.timer.stop", d.Val()).Text(); err != nil || v != "d" {
		t.Fatalf("stop: %q %v", v, err)
	}
	if _, err := c.Do(ctx, "mhe.timer.stop", d.Val()).Result(); err == nil {
		t.Fatal("stopping twice succeeded")
	}
	info := do(t, c, "mhe.timer.info", cc.Val())
	if info[1] != "c" {
		t.Fatalf("info: %q", info)
	}
	if rem, _ := c.Do(ctx, "mhe.timer.info", b.Val()).Slice(); rem[0].(int64) > 300 || rem[0].(int64) < 0 {
		t.Fatalf("remaining %v", rem[0])
	}
	if _, err := c.Do(ctx, "mhe.timer.info", 12345).Result(); err == nil {
		t.Fatal("info of an unknown timer succeeded")
	}
	waitFor(t, "three timers", func() bool { return c.LLen(ctx, "mhe:timerlog").Val() == 3 })
	got := c.LRange(ctx, "mhe:timerlog", 0, -1).Val()
	if strings.Join(got, ",") != "a,c,b" {
		t.Fatalf("timer order %q", got)
	}
	// A fired timer is gone.
	if _, err := c.Do(ctx, "mhe.timer.info", cc.Val()).Result(); err == nil {
		t.Fatal("fired timer still known")
	}
	// The callbacks wrote to db 2, where the timers were created.
	c.Do(ctx, "SELECT", 0)
	if n := c.Exists(ctx, "mhe:timerlog").Val(); n != 0 {
		t.Fatal("timer callback used db 0")
	}
}

// TestEventLoop: an fd added with EventLoopAdd is served by the loop, and
// a one-shot queued from another thread runs.
func TestEventLoop(t *testing.T) {
	_, c := startEvents(t)
	ctx := context.Background()
	do(t, c, "mhe.el.log")
	if err := c.Do(ctx, "mhe.el.write", "hi").Err(); err != nil {
		t.Fatal(err)
	}
	var log []string
	waitFor(t, "pipe callback", func() bool {
		log = append(log, do(t, c, "mhe.el.log")...)
		return len(log) > 0
	})
	if log[0] != "read:pipe:hi:1" {
		t.Fatalf("log %q", log)
	}
	if err := c.Do(ctx, "mhe.el.oneshot", "t1").Err(); err != nil {
		t.Fatal(err)
	}
	log = nil
	waitFor(t, "one-shot", func() bool {
		log = append(log, do(t, c, "mhe.el.log")...)
		return len(log) > 0
	})
	if log[0] != "oneshot:t1" {
		t.Fatalf("log %q", log)
	}
	if v, err := c.Do(ctx, "mhe.el.close").Int(); err != nil || v != 0 {
		t.Fatalf("close: %v %v", v, err)
	}
	e := do(t, c, "mhe.el.errors")
	if strings.Join(e, ",") != "1,1,1,1,1,1,1,1,1,1" {
		t.Fatalf("errors %q", e)
	}
}

// TestEventLoopIterations: the EventLoop server event. While a command
// runs, BEFORE_SLEEP and AFTER_SLEEP have fired equally often (each
// iteration sleeps between the two, then runs commands), no event has
// data, and the count grows from one command to the next. The same
// checks hold on redis-server with the same module.
func TestEventLoopIterations(t *testing.T) {
	so := execCopy(t, modulePath(t, "mhevents"))
	check := func(t *testing.T, addr string) {
		c := redis.NewClient(&redis.Options{Addr: addr, Protocol: 2})
		defer c.Close()
		ctx := context.Background()
		loop := func() []int64 {
			v, err := c.Do(ctx, "mhe.ev.loop").Int64Slice()
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		first := loop()
		if first[0] < 1 || first[0] != first[1] || first[2] != 0 {
			t.Fatalf("first call sees before/after/bad = %v", first)
		}
		c.Ping(ctx)
		next := loop()
		if next[0] <= first[0] || next[0] != next[1] || next[2] != 0 {
			t.Fatalf("later call sees %v after %v", next, first)
		}
	}
	t.Run("modhost", func(t *testing.T) {
		check(t, testserver.StartModhost(t, "--loadmodule", so).Addr)
	})
	t.Run("redis-server", func(t *testing.T) {
		check(t, testserver.StartRedis(t, "--loadmodule", so).Addr)
	})
}

// TestReplicationEvents: ReplicationRoleChanged, ReplicaChange and
// MasterLinkChange, fired on a master and its replica through a link's
// life (attach, the master dropping the link, REPLICAOF NO ONE), give
// the same sequence on modhost and on redis-server with the same module.
// Servers are separate processes: the module's logs are globals.
func TestReplicationEvents(t *testing.T) {
	so := execCopy(t, modulePath(t, "mhevents"))
	bin := filepath.Join(filepath.Dir(filepath.Dir(modulePath(t, "mhevents"))), "modhost")
	run := func(t *testing.T, start func(args ...string) string) string {
		ctx := context.Background()
		maddr := start("--loadmodule", so)
		master := redis.NewClient(&redis.Options{Addr: maddr})
		defer master.Close()
		raddr := start("--loadmodule", so)
		replica := redis.NewClient(&redis.Options{Addr: raddr})
		defer replica.Close()
		host, port, _ := strings.Cut(maddr, ":")
		linkUp := func() bool {
			info := replica.Info(ctx, "replication").Val()
			return strings.Contains(info, "master_link_status:up")
		}
		var out []string
		grab := func(step string) {
			for _, who := range []*redis.Client{master, replica} {
				v, err := who.Do(ctx, "mhe.ev.repl").StringSlice()
				if err != nil {
					t.Fatal(err)
				}
				name := "master"
				if who == replica {
					name = "replica"
				}
				line := strings.ReplaceAll(strings.Join(v, " "), ":"+port+":", ":PORT:")
				out = append(out, step+" "+name+": "+line)
			}
		}
		grab("start")
		if err := replica.Do(ctx, "replicaof", host, port).Err(); err != nil {
			t.Fatal(err)
		}
		waitFor(t, "link up", linkUp)
		waitFor(t, "replica online", func() bool {
			return strings.Contains(master.Info(ctx, "replication").Val(), "state=online")
		})
		grab("attach")
		replica.Do(ctx, "client", "kill", "type", "master")
		waitFor(t, "link up again", func() bool {
			time.Sleep(50 * time.Millisecond)
			return linkUp() && strings.Contains(master.Info(ctx, "replication").Val(), "state=online")
		})
		grab("relink")
		replica.Do(ctx, "replicaof", "no", "one")
		waitFor(t, "replica gone", func() bool {
			return strings.Contains(master.Info(ctx, "replication").Val(), "connected_slaves:0")
		})
		grab("promote")
		return strings.Join(out, "\n")
	}
	got := run(t, func(args ...string) string { return testserver.StartModhostProcess(t, bin, args...).Addr })
	// Redis's diskless sync would otherwise wait 5 s for more replicas.
	want := run(t, func(args ...string) string {
		return testserver.StartRedis(t, append(args, "--repl-diskless-sync-delay", "0")...).Addr
	})
	if got != want {
		t.Fatalf("modhost:\n%s\nredis-server:\n%s", got, want)
	}
}

// TestPersistenceEvents: the Persistence and Loading events of the AOF.
// A server started with appendonly yes and no files writes its base
// synchronously (SYNC_AOF_START, ENDED); BGREWRITEAOF reports AOF_START
// and ENDED (Redis fires those in its rewrite child, so there the parent's
// module state never sees them; modhost rewrites in-process);
// DEBUG LOADAOF reports AOF loading with progress events for the RDB
// preamble and the commands, slowed by key-load-delay as in Redis.
func TestPersistenceEvents(t *testing.T) {
	so := modulePath(t, "mhevents")
	bin := filepath.Join(filepath.Dir(filepath.Dir(so)), "modhost")
	m := testserver.StartModhostProcess(t, bin, "--loadmodule", so, "--appendonly", "yes", "--enable-debug-command", "yes")
	c := redis.NewClient(&redis.Options{Addr: m.Addr})
	defer c.Close()
	ctx := context.Background()
	persist := func() (string, int64, int64) {
		v, err := c.Do(ctx, "mhe.ev.persist").Slice()
		if err != nil {
			t.Fatal(err)
		}
		var log []string
		for _, e := range v[0].([]any) {
			log = append(log, e.(string))
		}
		return strings.Join(log, " "), v[1].(int64), v[2].(int64)
	}
	if log, _, _ := persist(); log != "persist:5 persist:3" {
		t.Fatalf("startup events %q, want SYNC_AOF_START then ENDED", log)
	}
	if err := c.Do(ctx, "debug", "populate", "3000", "k", "100").Err(); err != nil {
		t.Fatal(err)
	}
	if err := c.Do(ctx, "bgrewriteaof").Err(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the rewrite", func() bool {
		return strings.Contains(c.Info(ctx, "persistence").Val(), "aof_rewrite_in_progress:0")
	})
	if log, _, _ := persist(); log != "persist:1 persist:3" {
		t.Fatalf("rewrite events %q, want AOF_START then ENDED", log)
	}
	pipe := c.Pipeline()
	for i := 0; i < 4000; i++ {
		pipe.Set(ctx, "bar"+itoa(int64(i)), "x", 0)
	}
	if _, err := pipe.Exec(ctx); err != nil {
		t.Fatal(err)
	}
	for _, kv := range [][2]string{{"key-load-delay", "200"}, {"dynamic-hz", "no"}, {"hz", "500"}, {"loading-process-events-interval-bytes", "1024"}} {
		if err := c.ConfigSet(ctx, kv[0], kv[1]).Err(); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Do(ctx, "debug", "loadaof").Err(); err != nil {
		t.Fatal(err)
	}
	log, rdbProgress, aofProgress := persist()
	if log != "loading:1 loading:3" || rdbProgress < 2 || aofProgress < 2 {
		t.Fatalf("DEBUG LOADAOF: events %q, %d RDB and %d AOF progress events", log, rdbProgress, aofProgress)
	}
	if n := c.DBSize(ctx).Val(); n != 7000 {
		t.Fatalf("dbsize %d after DEBUG LOADAOF, want 7000", n)
	}
}

// TestKeyspaceNotifications: module subscribers see events whatever
// notify-keyspace-events says, are not re-entered by their own writes,
// post-notification jobs run before the command's reply, and
// NotifyKeyspaceEvent reaches Pub/Sub.
func TestKeyspaceNotifications(t *testing.T) {
	m, c := startEvents(t)
	ctx := context.Background()
	do(t, c, "mhe.ks.log")
	c.Set(ctx, "mhe:trigger:x", "1", 0)
	if v := c.Get(ctx, "mhe:nested").Val(); v != "1" {
		t.Fatalf("nested write missing: %q", v)
	}
	if log := do(t, c, "mhe.ks.log"); strings.Join(log, "|") != "8:set:mhe:trigger:x" {
		t.Fatalf("log %q", log)
	}
	c.Set(ctx, "mhe:job:x", "1", 0)
	if v := c.Get(ctx, "mhe:jobcount").Val(); v != "1" {
		t.Fatalf("job did not run: %q", v)
	}
	pipe := c.TxPipeline()
	pipe.Set(ctx, "mhe:job:y", "1", 0)
	pipe.Set(ctx, "mhe:job:z", "1", 0)
	if _, err := pipe.Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if v := c.Get(ctx, "mhe:jobcount").Val(); v != "3" {
		t.Fatalf("jobs after EXEC: %q", v)
	}
	log := do(t, c, "mhe.ks.log")
	if strings.Join(log, "|") != "8:set:mhe:job:x|8:incrby:mhe:jobcount|8:set:mhe:job:y|8:set:mhe:job:z|8:incrby:mhe:jobcount|8:incrby:mhe:jobcount" {
		t.Fatalf("log %q", log)
	}

	c.ConfigSet(ctx, "notify-keyspace-events", "KEA")
	sub := redis.NewClient(&redis.Options{Addr: m.Addr, Protocol: 2})
	defer sub.Close()
	ps := sub.Subscribe(ctx, "__keyevent@0__:mhe-event")
	defer ps.Close()
	if _, err := ps.Receive(ctx); err != nil {
		t.Fatal(err)
	}
	if v, _ := c.Do(ctx, "mhe.ks.notify", "kk").Int(); v != 0 {
		t.Fatalf("NotifyKeyspaceEvent returned %d", v)
	}
	msg, err := ps.ReceiveMessage(ctx)
	if err != nil || msg.Payload != "kk" {
		t.Fatalf("message %v %v", msg, err)
	}
	if log := do(t, c, "mhe.ks.log"); strings.Join(log, "|") != "4:mhe-event:kk" {
		t.Fatalf("log %q", log)
	}
	if v, _ := c.Do(ctx, "mhe.ks.flags").Int(); v != 10239 {
		t.Fatalf("flags %d", v)
	}
}

// TestServerEvents: client connect/disconnect, module load/unload, cron,
// flush with the flushed db selected, and unsubscribing.
func TestServerEvents(t *testing.T) {
	m, c := startEvents(t)
	ctx := context.Background()
	do(t, c, "mhe.ev.log")
	other := redis.NewClient(&redis.Options{Addr: m.Addr, Protocol: 2})
	id := other.ClientID(ctx).Val()
	other.Close()
	want := []string{"client:0:" + itoa(id) + ":1", "client:1:" + itoa(id) + ":1"}
	var log []string
	waitFor(t, "client events", func() bool {
		log = append(log, do(t, c, "mhe.ev.log")...)
		return len(log) >= 2
	})
	if strings.Join(log, "|") != strings.Join(want, "|") {
		t.Fatalf("log %q want %q", log, want)
	}

	core := modulePath(t, "mhcore")
	if err := c.Do(ctx, "MODULE", "LOAD", core).Err(); err != nil {
		t.Fatal(err)
	}
	if err := c.Do(ctx, "MODULE", "UNLOAD", "mhcore").Err(); err != nil {
		t.Fatal(err)
	}
	if log := do(t, c, "mhe.ev.log"); strings.Join(log, "|") != "module:0:mhcore:1|module:1:mhcore:1" {
		t.Fatalf("log %q", log)
	}

	waitFor(t, "cron events", func() bool { return do(t, c, "mhe.ev.cron")[0] != "0" })
	if hz := do(t, c, "mhe.ev.cron")[1]; hz != "10" {
		t.Fatalf("hz %s", hz)
	}

	pipe := c.Pipeline()
	pipe.Select(ctx, 3)
	pipe.FlushDB(ctx)
	pipe.Do(ctx, "mhe.reset")
	pipe.Do(ctx, "mhe.ev.unsubflush")
	pipe.FlushAll(ctx)
	pipe.Do(ctx, "mhe.ev.log")
	cmds, err := pipe.Exec(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := cmds[len(cmds)-1].(*redis.Cmd).Slice()
	log = strs(t, v, nil)
	if strings.Join(log, "|") != "flushdb:0:1:3:1:3|flushdb:1:1:3:1:3|flushdb:0:1:-1:1:0|flushdb:1:1:-1:1:0" {
		t.Fatalf("log %q", log)
	}
}

// TestModuleConfigs: values from the command line reach the module
// through LoadConfigs; a module that registers configs without loading
// them fails to load and leaves no config behind.
func TestModuleConfigs(t *testing.T) {
	_, c := startEvents(t, "--mhevents.count", "77", "--mhevents.flags", "b c")
	ctx := context.Background()
	vals := do(t, c, "mhe.cfg")
	if vals[1] != "77" || vals[6] != "6" {
		t.Fatalf("values %q", vals)
	}
	if v := c.ConfigGet(ctx, "mhevents.flags").Val()["mhevents.flags"]; v != "b c" {
		t.Fatalf("flags %q", v)
	}
	if err := c.ConfigSet(ctx, "mhevents.count", "42").Err(); err == nil ||
		!strings.Contains(err.Error(), "apply refused") {
		t.Fatalf("apply error: %v", err)
	}
	if v := c.ConfigGet(ctx, "mhevents.count").Val()["mhevents.count"]; v != "77" {
		t.Fatalf("count after refused apply %q", v)
	}
	do(t, c, "mhe.ev.log")
	if err := c.ConfigSet(ctx, "mhevents.count", "8").Err(); err != nil {
		t.Fatal(err)
	}
	c.Do(ctx, "CONFIG", "SET", "mhevents.count", "9", "maxmemory-policy", "allkeys-lru")
	if log := do(t, c, "mhe.ev.log"); strings.Join(log, "|") != "config:0:1:mhevents.count|config:0:2:mhevents.count,maxmemory-policy" {
		t.Fatalf("config events %q", log)
	}
	if errs := do(t, c, "mhe.cfg.errs"); strings.Join(errs, ",") != "1,1,1,1" {
		t.Fatalf("registration errors %q", errs)
	}

	m2 := testserver.StartModhost(t, "--enable-module-command", "yes")
	cl2 := redis.NewClient(&redis.Options{Addr: m2.Addr, Protocol: 2})
	defer cl2.Close()
	c2 := cl2.Conn()
	defer c2.Close()
	so := modulePath(t, "mhevents")
	if err := c2.Do(ctx, "MODULE", "LOAD", so, "noloadconfigs").Err(); err == nil {
		t.Fatal("module without LoadConfigs loaded")
	}
	if n := len(c2.ConfigGet(ctx, "mhevents.*").Val()); n != 0 {
		t.Fatalf("configs left behind: %d", n)
	}
	if err := c2.Do(ctx, "MODULE", "LOAD", so).Err(); err != nil {
		t.Fatal(err)
	}
	if v := c2.ConfigGet(ctx, "mhevents.count").Val()["mhevents.count"]; v != "5" {
		t.Fatalf("default count %q", v)
	}
	// A module with a pending timer cannot be unloaded.
	id := c2.Do(ctx, "mhe.timer.add", 100000, "x").Val()
	if err := c2.Do(ctx, "MODULE", "UNLOAD", "mhevents").Err(); err == nil ||
		err.Error() != "ERR Error unloading module: the module holds timer that is not fired. Please stop the timer or wait until it fires." {
		t.Fatalf("unload with a timer: %v", err)
	}
	c2.Do(ctx, "mhe.timer.stop", id)
	if err := c2.Do(ctx, "MODULE", "UNLOAD", "mhevents").Err(); err != nil {
		t.Fatal(err)
	}
	if n := len(c2.ConfigGet(ctx, "mhevents.*").Val()); n != 0 {
		t.Fatalf("configs after unload: %d", n)
	}

	// MODULE LOADEX CONFIG values reach LoadConfigs; unknown or invalid
	// ones make the load fail.
	if err := c2.Do(ctx, "MODULE", "LOADEX", so, "CONFIG", "mhevents.count", "33", "ARGS").Err(); err != nil {
		t.Fatal(err)
	}
	if v := c2.ConfigGet(ctx, "mhevents.count").Val()["mhevents.count"]; v != "33" {
		t.Fatalf("loadex count %q", v)
	}
	if err := c2.Do(ctx, "MODULE", "UNLOAD", "mhevents").Err(); err != nil {
		t.Fatal(err)
	}
	for _, kv := range [][2]string{{"mhevents.nosuch", "1"}, {"mhevents.count", "500"}} {
		if err := c2.Do(ctx, "MODULE", "LOADEX", so, "CONFIG", kv[0], kv[1]).Err(); err == nil {
			t.Fatalf("LOADEX with %s %s loaded", kv[0], kv[1])
		}
		if n := len(c2.ConfigGet(ctx, "mhevents.*").Val()); n != 0 {
			t.Fatalf("configs left behind: %d", n)
		}
	}
}

// TestClientHelpers: client info, names and user by id, publishing,
// dataset reset, latency samples.
func TestClientHelpers(t *testing.T) {
	m, c := startEvents(t)
	ctx := context.Background()
	c.Do(ctx, "SELECT", 0)
	id := c.ClientID(ctx).Val()
	info := do(t, c, "mhe.client.info", id)
	if strings.Join(info, ",") != "0,"+itoa(id)+",127.0.0.1,1,0,0" {
		t.Fatalf("info %q", info)
	}
	if v := do(t, c, "mhe.client.setname", id, "bad name"); strings.Join(v, ",") != "1,0,1" {
		t.Fatalf("bad name %q", v)
	}
	if v := do(t, c, "mhe.client.setname", id, "good"); strings.Join(v, ",") != "0,0,0" {
		t.Fatalf("good name %q", v)
	}
	if v := c.ClientGetName(ctx).Val(); v != "good" {
		t.Fatalf("CLIENT GETNAME %q", v)
	}
	if v, _ := c.Do(ctx, "mhe.client.name", id).Text(); v != "good" {
		t.Fatalf("name %q", v)
	}
	if v, _ := c.Do(ctx, "mhe.client.user", id).Text(); v != "default" {
		t.Fatalf("user %q", v)
	}
	if v := c.Do(ctx, "mhe.client.user", 999999999).Val(); v != nil {
		t.Fatalf("user of unknown client %v", v)
	}

	sub := redis.NewClient(&redis.Options{Addr: m.Addr, Protocol: 2})
	defer sub.Close()
	ps := sub.Subscribe(ctx, "chan")
	defer ps.Close()
	if _, err := ps.Receive(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := c.Do(ctx, "mhe.publish", "chan", "hello").Int(); n != 1 {
		t.Fatalf("receivers %d", n)
	}
	if msg, err := ps.ReceiveMessage(ctx); err != nil || msg.Payload != "hello" {
		t.Fatalf("message %v %v", msg, err)
	}

	c.Set(ctx, "a", "1", 0)
	c.Do(ctx, "SELECT", 1)
	c.Set(ctx, "b", "1", 0)
	if v := do(t, c, "mhe.db"); strings.Join(v, ",") != "1,b" {
		t.Fatalf("db %q", v)
	}
	c.Do(ctx, "mhe.reset")
	if v := do(t, c, "mhe.db"); strings.Join(v, ",") != "0,<nil>" {
		t.Fatalf("db after reset %q", v)
	}
	c.Do(ctx, "SELECT", 0)
	if n := c.DBSize(ctx).Val(); n != 0 {
		t.Fatalf("db 0 after reset: %d", n)
	}

	c.Do(ctx, "mhe.misc", "mhe-latency", 7)
	lat, err := c.Do(ctx, "LATENCY", "LATEST").Slice()
	if err != nil || len(lat) == 0 || !strings.Contains(strings.Join(strs(t, lat[0], nil)[:1], ""), "mhe-latency") {
		t.Fatalf("latency %v %v", lat, err)
	}
}

// TestDictLarge: thousands of random keys come back in byte order both
// ways, duplicates collapsed.
func TestDictLarge(t *testing.T) {
	_, c := startEvents(t)
	rng := rand.New(rand.NewPCG(1, 2))
	set := map[string]bool{}
	args := []any{"mhe.dict.range", "^", "", "next", 100000}
	for i := 0; i < 5000; i++ {
		b := make([]byte, 1+rng.IntN(12))
		for j := range b {
			b[j] = byte(rng.IntN(256))
		}
		set[string(b)] = true
		args = append(args, string(b))
	}
	want := make([]string, 0, len(set))
	for k := range set {
		want = append(want, k)
	}
	sort.Strings(want)
	got := do(t, c, args...)
	if strings.Join(got, "\x01") != strings.Join(want, "\x01") {
		t.Fatalf("forward order differs (%d vs %d keys)", len(got), len(want))
	}
	args[1], args[3] = "$", "prev"
	got = do(t, c, args...)
	for i, j := 0, len(got)-1; i < j; i, j = i+1, j-1 {
		got[i], got[j] = got[j], got[i]
	}
	if strings.Join(got, "\x01") != strings.Join(want, "\x01") {
		t.Fatalf("backward order differs")
	}
}

// TestNestedNotifications: with ALLOW_NESTED_KEYSPACE_NOTIFICATIONS the
// callback also hears the events its own writes cause.
func TestNestedNotifications(t *testing.T) {
	m := testserver.StartModhost(t, "--loadmodule", modulePath(t, "mhevents"), "nested")
	cl := redis.NewClient(&redis.Options{Addr: m.Addr, Protocol: 2})
	defer cl.Close()
	ctx := context.Background()
	do(t, cl, "mhe.ks.log")
	cl.Set(ctx, "mhe:trigger:x", "1", 0)
	if log := do(t, cl, "mhe.ks.log"); strings.Join(log, "|") != "8:set:mhe:trigger:x|8:set:mhe:nested" {
		t.Fatalf("log %q", log)
	}
}
