package repl_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"modhost/internal/testserver"
)

// stream is a raw SYNC connection, read as Redis's test suite reads it.
type stream struct {
	c  net.Conn
	rd *bufio.Reader
}

// attach sends SYNC, skips the RDB payload and returns the stream.
func attach(t *testing.T, addr string) *stream {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if _, err := c.Write([]byte("SYNC\r\n")); err != nil {
		t.Fatal(err)
	}
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	rd := bufio.NewReader(c)
	var hdr string
	for hdr == "" {
		line, err := rd.ReadString('\n')
		if err != nil {
			t.Fatalf("reading the payload header: %v", err)
		}
		hdr = strings.TrimSpace(line)
	}
	if hdr[0] != '$' {
		t.Fatalf("payload header %q", hdr)
	}
	n, _ := strconv.Atoi(hdr[1:])
	if _, err := io.CopyN(io.Discard, rd, int64(n)); err != nil {
		t.Fatal(err)
	}
	return &stream{c: c, rd: rd}
}

// commands reads the propagated commands until the stream is quiet for
// quiet, each as one space-joined line with the command name lower-cased.
func (s *stream) commands(quiet time.Duration) []string {
	var out []string
	for {
		_ = s.c.SetReadDeadline(time.Now().Add(quiet))
		line, err := s.rd.ReadString('\n')
		if err != nil {
			return out
		}
		line = strings.TrimSpace(line)
		if line == "" || line[0] != '*' {
			continue
		}
		n, _ := strconv.Atoi(line[1:])
		args := make([]string, n)
		for i := range args {
			h, _ := s.rd.ReadString('\n')
			size, _ := strconv.Atoi(strings.TrimSpace(h)[1:])
			b := make([]byte, size+2)
			_, _ = io.ReadFull(s.rd, b)
			args[i] = string(b[:size])
		}
		if len(args) > 0 {
			args[0] = strings.ToLower(args[0])
		}
		out = append(out, strings.Join(args, " "))
	}
}

var timeLike = regexp.MustCompile(`\b1[0-9]{12}\b`)

// normalise hides what legitimately differs between two servers:
// millisecond timestamps (and stream IDs built from them).
func normalise(cmds []string) []string {
	out := make([]string, len(cmds))
	for i, c := range cmds {
		out[i] = timeLike.ReplaceAllString(c, "<ms>")
	}
	return out
}

func do(t *testing.T, c *redis.Client, args ...any) any {
	t.Helper()
	v, err := c.Do(context.Background(), args...).Result()
	if err != nil && err != redis.Nil {
		t.Fatalf("%v: %v", args, err)
	}
	return v
}

// script runs the same commands against a server; what it propagates is
// compared with real Redis.
func script(t *testing.T, addr string) []string {
	ctx := context.Background()
	c := redis.NewClient(&redis.Options{Addr: addr, Protocol: 2})
	defer c.Close()
	do(t, c, "config", "set", "repl-ping-replica-period", "3600")
	do(t, c, "flushall")
	s := attach(t, addr)
	for _, cmd := range [][]any{
		{"set", "a", "1"},
		{"set", "b", "2", "ex", "100"},
		{"set", "b2", "2", "get"},
		{"expire", "a", "100"},
		{"pexpire", "a", "200000", "gt"},
		{"setex", "c", "50", "v"},
		{"get", "a"},
		{"del", "nosuchkey"},
		{"expire", "c", "-1"},
		{"sadd", "s", "x"},
		{"spop", "s"},
		{"sadd", "s2", "a", "b", "c"},
		{"spop", "s2", "10"},
		{"incrbyfloat", "f", "1.5"},
		{"set", "g", "1"},
		{"getdel", "g"},
		{"set", "h", "1"},
		{"getex", "h", "ex", "100"},
		{"getex", "h", "persist"},
		{"getset", "h", "2"},
		{"rpush", "l", "1", "2", "3"},
		{"lmpop", "1", "l", "left", "count", "2"},
		{"blpop", "l", "0"},
		{"zadd", "z", "1", "a", "2", "b"},
		{"bzpopmin", "z", "0"},
		{"zmpop", "1", "z", "max"},
		{"publish", "ch", "hello"},
		{"select", "3"},
		{"set", "in3", "x"},
	} {
		do(t, c, cmd...)
	}
	// One connection for SELECT and MULTI.
	conn := c.Conn()
	defer conn.Close()
	_, err := conn.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, "m1", "1", 0)
		p.Get(ctx, "m1")
		p.Incr(ctx, "m2")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = conn.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, "single", "1", 0)
		return nil
	})
	do(t, c, "set", "lazy", "v", "px", "30")
	time.Sleep(100 * time.Millisecond)
	do(t, c, "get", "lazy")
	return normalise(s.commands(500 * time.Millisecond))
}

// The replication stream of a script of commands matches real Redis's:
// expiries made absolute, SPOP as SREM/DEL, INCRBYFLOAT as SET KEEPTTL,
// blocking and multi pops as plain pops, MULTI/EXEC around transactions
// of several writes, SELECT on db change, lazy expiry as DEL, PUBLISH.
func TestStreamMatchesRedis(t *testing.T) {
	r := testserver.StartRedis(t)
	m := testserver.StartModhost(t)
	want := script(t, r.Addr)
	got := script(t, m.Addr)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("modhost stream:\n%s\n\nredis stream:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(want) < 20 {
		t.Fatalf("suspiciously short stream: %q", want)
	}
}

func info(t *testing.T, c *redis.Client, section string) map[string]string {
	t.Helper()
	s, err := c.Info(context.Background(), section).Result()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, l := range strings.Split(s, "\r\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			out[k] = v
		}
	}
	return out
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func hostPort(addr string) (string, string) {
	h, p, _ := net.SplitHostPort(addr)
	return h, p
}

// checkReplication writes on master and expects it on replica: a full
// sync's data first, then the live stream, transactions included.
func checkReplication(t *testing.T, master, replica *redis.Client) {
	ctx := context.Background()
	waitFor(t, "link up", func() bool { return info(t, replica, "replication")["master_link_status"] == "up" })
	waitFor(t, "initial data", func() bool { v, _ := replica.Get(ctx, "before").Result(); return v == "sync" })
	if err := master.Set(ctx, "after", "stream", 0).Err(); err != nil {
		t.Fatal(err)
	}
	_, err := master.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Incr(ctx, "tx1")
		p.RPush(ctx, "tx2", "a", "b")
		p.Select(ctx, 2)
		p.Set(ctx, "in2", "yes", 0)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "streamed writes", func() bool {
		v, _ := replica.Get(ctx, "after").Result()
		n, _ := replica.LLen(ctx, "tx2").Result()
		return v == "stream" && n == 2
	})
	r2 := redis.NewClient(&redis.Options{Addr: replica.Options().Addr, DB: 2})
	defer r2.Close()
	waitFor(t, "db 2 write", func() bool { v, _ := r2.Get(ctx, "in2").Result(); return v == "yes" })
	// WAIT: the replica's ACKs reach the master.
	n, err := master.Do(ctx, "wait", "1", "5000").Int()
	if err != nil || n != 1 {
		t.Fatalf("WAIT 1 5000 = %d, %v", n, err)
	}
	mi := info(t, master, "replication")
	if mi["role"] != "master" || mi["connected_slaves"] != "1" || !strings.Contains(mi["slave0"], "state=online") {
		t.Fatalf("master INFO replication: %v", mi)
	}
}

// A modhost master feeds a real Redis replica.
func TestModhostMasterRedisReplica(t *testing.T) {
	m := testserver.StartModhost(t)
	mc := redis.NewClient(&redis.Options{Addr: m.Addr})
	defer mc.Close()
	do(t, mc, "set", "before", "sync")
	host, port := hostPort(m.Addr)
	r := testserver.StartRedis(t, "--replicaof", host, port)
	rc := redis.NewClient(&redis.Options{Addr: r.Addr})
	defer rc.Close()
	checkReplication(t, mc, rc)
}

// A real Redis master feeds a modhost replica, which refuses writes.
func TestRedisMasterModhostReplica(t *testing.T) {
	r := testserver.StartRedis(t)
	rc := redis.NewClient(&redis.Options{Addr: r.Addr})
	defer rc.Close()
	do(t, rc, "set", "before", "sync")
	host, port := hostPort(r.Addr)
	m := testserver.StartModhost(t, "--replicaof", host, port)
	mc := redis.NewClient(&redis.Options{Addr: m.Addr})
	defer mc.Close()
	checkReplication(t, rc, mc)
	err := mc.Set(context.Background(), "x", "1", 0).Err()
	if err == nil || err.Error() != "READONLY You can't write against a read only replica." {
		t.Fatalf("write on replica: %v", err)
	}
	mi := info(t, mc, "replication")
	if mi["role"] != "slave" || mi["master_host"] != host || mi["master_port"] != port || mi["master_sync_in_progress"] != "0" {
		t.Fatalf("replica INFO replication: %v", mi)
	}
	role, err := mc.Do(context.Background(), "role").Slice()
	if err != nil || len(role) != 5 || role[0] != "slave" || role[3] != "connected" {
		t.Fatalf("ROLE = %v, %v", role, err)
	}
	raw := testserver.Dial(t, m.Addr)
	if rep, err := raw.Do("HELLO", "2"); err != nil || !strings.Contains(string(rep), "$4\r\nrole\r\n$7\r\nreplica\r\n") {
		t.Fatalf("HELLO on a replica: %q %v", rep, err)
	}
}

// modhost to modhost, started with REPLICAOF at runtime; REPLICAOF NO ONE
// makes the replica writable again, and a second REPLICAOF continues from
// the backlog.
func TestModhostToModhost(t *testing.T) {
	ctx := context.Background()
	m := testserver.StartModhost(t)
	mc := redis.NewClient(&redis.Options{Addr: m.Addr})
	defer mc.Close()
	do(t, mc, "set", "before", "sync")
	s := testserver.StartModhost(t)
	sc := redis.NewClient(&redis.Options{Addr: s.Addr})
	defer sc.Close()
	host, port := hostPort(m.Addr)
	if v := do(t, sc, "replicaof", host, port); v != "OK" {
		t.Fatalf("REPLICAOF = %v", v)
	}
	checkReplication(t, mc, sc)
	if v := do(t, sc, "replicaof", host, port); v != "OK Already connected to specified master" {
		t.Fatalf("second REPLICAOF = %v", v)
	}
	mi := info(t, mc, "replication")
	si := info(t, sc, "replication")
	waitFor(t, "offsets equal", func() bool {
		mi, si = info(t, mc, "replication"), info(t, sc, "replication")
		return mi["master_repl_offset"] == si["slave_repl_offset"]
	})
	if si["master_replid"] != mi["master_replid"] {
		t.Fatalf("replids differ: %s %s", si["master_replid"], mi["master_replid"])
	}
	do(t, sc, "replicaof", "no", "one")
	if err := sc.Set(ctx, "x", "1", 0).Err(); err != nil {
		t.Fatalf("write after REPLICAOF NO ONE: %v", err)
	}
	if si := info(t, sc, "replication"); si["role"] != "master" || si["master_replid2"] != mi["master_replid"] {
		t.Fatalf("promoted INFO: %v", si)
	}
}

// A raw PSYNC with the master's id and an offset inside the backlog gets
// +CONTINUE and exactly the bytes after that offset; an unknown id gets a
// full resync.
func TestPsyncContinue(t *testing.T) {
	m := testserver.StartModhost(t)
	mc := redis.NewClient(&redis.Options{Addr: m.Addr})
	defer mc.Close()
	do(t, mc, "config", "set", "repl-ping-replica-period", "3600")
	attach(t, m.Addr) // creates the backlog
	do(t, mc, "set", "k", "v1")
	mi := info(t, mc, "replication")
	off, _ := strconv.ParseInt(mi["master_repl_offset"], 10, 64)
	do(t, mc, "set", "k", "v2")
	c := testserver.Dial(t, m.Addr)
	if err := c.Send("PSYNC", mi["master_replid"], strconv.FormatInt(off+1, 10)); err != nil {
		t.Fatal(err)
	}
	rep, err := c.Read(5 * time.Second)
	if err != nil || string(rep) != "+CONTINUE "+mi["master_replid"]+"\r\n" {
		t.Fatalf("PSYNC reply %q %v", rep, err)
	}
	rest, _ := c.Read(5 * time.Second)
	if string(rest) != "*3\r\n$3\r\nset\r\n$1\r\nk\r\n$2\r\nv2\r\n" {
		t.Fatalf("backlog tail %q", rest)
	}
	c2 := testserver.Dial(t, m.Addr)
	rep, _ = c2.Do("PSYNC", strings.Repeat("a", 40), "1")
	if !strings.HasPrefix(string(rep), "+FULLRESYNC "+mi["master_replid"]+" ") {
		t.Fatalf("PSYNC of an unknown history: %q", rep)
	}
	if v := do(t, mc, "replconf", "listening-port", "1"); v != "OK" {
		t.Fatalf("REPLCONF = %v", v)
	}
	if _, err := mc.Do(context.Background(), "replconf", "nonsense", "1").Result(); err == nil ||
		err.Error() != "ERR Unrecognized REPLCONF option: nonsense" {
		t.Fatalf("REPLCONF nonsense: %v", err)
	}
	// One SYNC (attach), one PSYNC served from the backlog, one PSYNC of
	// an unknown history answered with a full resync.
	st := info(t, mc, "stats")
	if st["sync_full"] != "2" || st["sync_partial_ok"] != "1" || st["sync_partial_err"] != "1" {
		t.Fatalf("sync_full %s sync_partial_ok %s sync_partial_err %s, want 2 1 1",
			st["sync_full"], st["sync_partial_ok"], st["sync_partial_err"])
	}
	// WAIT with nobody acknowledging times out with 0.
	start := time.Now()
	if n := do(t, mc, "wait", "1", "200"); fmt.Sprint(n) != "0" || time.Since(start) < 150*time.Millisecond {
		t.Fatalf("WAIT 1 200 = %v after %v", n, time.Since(start))
	}
}

// A replica whose link the master drops (CLIENT KILL TYPE replica)
// reconnects by itself and catches up on what was written meanwhile.
func TestReplicaReconnects(t *testing.T) {
	ctx := context.Background()
	m := testserver.StartModhost(t)
	mc := redis.NewClient(&redis.Options{Addr: m.Addr})
	defer mc.Close()
	do(t, mc, "set", "before", "sync")
	host, port := hostPort(m.Addr)
	s := testserver.StartModhost(t, "--replicaof", host, port)
	sc := redis.NewClient(&redis.Options{Addr: s.Addr})
	defer sc.Close()
	waitFor(t, "initial data", func() bool { v, _ := sc.Get(ctx, "before").Result(); return v == "sync" })
	if n := do(t, mc, "client", "kill", "type", "replica"); fmt.Sprint(n) != "1" {
		t.Fatalf("CLIENT KILL TYPE replica = %v", n)
	}
	do(t, mc, "set", "during", "outage")
	waitFor(t, "write made while the link was down", func() bool {
		v, _ := sc.Get(ctx, "during").Result()
		return v == "outage"
	})
	mi, si := info(t, mc, "replication"), info(t, sc, "replication")
	if mi["connected_slaves"] != "1" || si["master_link_status"] != "up" || si["master_replid"] != mi["master_replid"] {
		t.Fatalf("after reconnect: master %v replica %v", mi, si)
	}
}
