package difftest

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"modhost/internal/testserver"
)

// streamInfo returns one field of INFO section as the server reports it.
func streamInfo(t *testing.T, c *testserver.Conn, section, name string) string {
	t.Helper()
	got, err := c.Do("INFO", section)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(got), "\r\n") {
		if v, ok := strings.CutPrefix(line, name+":"); ok {
			return v
		}
	}
	return ""
}

// waitBlocked waits until the server reports n blocked clients.
func waitBlocked(t *testing.T, c *testserver.Conn, n string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for streamInfo(t, c, "clients", "blocked_clients") != n {
		if time.Now().After(deadline) {
			t.Fatalf("blocked_clients never reached %s", n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestXreadgroupBlockingKeysOnNoKey checks INFO total_blocking_keys_on_nokey
// (new in Redis 7.2, absent from 7.0): a key counts while an XREADGROUP
// waits on it, since its deletion must wake that reader; a BLPOP waiter on
// the same key does not make it count, and the reader's NOGROUP on DEL
// leaves the BLPOP waiter alone.
func TestXreadgroupBlockingKeysOnNoKey(t *testing.T) {
	m := testserver.StartModhost(t)
	a := testserver.Dial(t, m.Addr)
	list := testserver.Dial(t, m.Addr)
	group := testserver.Dial(t, m.Addr)
	counts := func(keys, nokey string) {
		t.Helper()
		if got := streamInfo(t, a, "clients", "total_blocking_keys"); got != keys {
			t.Fatalf("total_blocking_keys %s, want %s", got, keys)
		}
		if got := streamInfo(t, a, "clients", "total_blocking_keys_on_nokey"); got != nokey {
			t.Fatalf("total_blocking_keys_on_nokey %s, want %s", got, nokey)
		}
	}
	if err := list.Send("BLPOP", "s", "0"); err != nil {
		t.Fatal(err)
	}
	waitBlocked(t, a, "1")
	counts("1", "0")
	mustDo(t, a, "$5\r\n666-0\r\n", "XADD", "s", "666", "k", "v")
	mustDo(t, a, "+OK\r\n", "XGROUP", "CREATE", "s", "g", "$")
	if err := group.Send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">"); err != nil {
		t.Fatal(err)
	}
	waitBlocked(t, a, "2")
	counts("1", "1")
	mustDo(t, a, ":1\r\n", "DEL", "s")
	got, err := group.Read(2 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if want := "-NOGROUP No such key 's' or consumer group 'g' in XREADGROUP with GROUP option\r\n"; string(got) != want {
		t.Fatalf("got %q want %q", got, want)
	}
	counts("1", "0")
	list.Close()
	waitBlocked(t, a, "0")
	counts("0", "0")
}

// TestBlockedErrorFailedCalls checks the statistics of a blocked command
// whose wait ends with an error: one call, one failed call, one error
// reply (XGROUP DESTROY under a waiting XREADGROUP, CLIENT UNBLOCK ...
// ERROR under BLPOP). Redis 7.0 counts them the same way, so both servers
// are checked; INFO itself (timings) cannot be compared byte for byte.
func TestBlockedErrorFailedCalls(t *testing.T) {
	servers := map[string]string{"modhost": testserver.StartModhost(t).Addr}
	if r := redisOrSkip(t); r != "" {
		servers["redis"] = r
	}
	for name, addr := range servers {
		t.Run(name, func(t *testing.T) {
			a := testserver.Dial(t, addr)
			b := testserver.Dial(t, addr)
			mustDo(t, a, "+OK\r\n", "CONFIG", "RESETSTAT")
			mustDo(t, a, "+OK\r\n", "XGROUP", "CREATE", "s", "g", "$", "MKSTREAM")
			if err := b.Send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">"); err != nil {
				t.Fatal(err)
			}
			waitBlocked(t, a, "1")
			mustDo(t, a, ":1\r\n", "XGROUP", "DESTROY", "s", "g")
			if got, err := b.Read(2 * time.Second); err != nil || !strings.HasPrefix(string(got), "-NOGROUP ") {
				t.Fatalf("XREADGROUP got %q %v", got, err)
			}
			if got := streamInfo(t, a, "errorstats", "errorstat_NOGROUP"); got != "count=1" {
				t.Fatalf("errorstat_NOGROUP %q", got)
			}
			if got := streamInfo(t, a, "commandstats", "cmdstat_xreadgroup"); !strings.HasPrefix(got, "calls=1,") || !strings.HasSuffix(got, ",rejected_calls=0,failed_calls=1") {
				t.Fatalf("cmdstat_xreadgroup %q", got)
			}
			if got := streamInfo(t, a, "stats", "total_error_replies"); got != "1" {
				t.Fatalf("total_error_replies %q", got)
			}

			id, err := b.Do("CLIENT", "ID")
			if err != nil {
				t.Fatal(err)
			}
			if err := b.Send("BLPOP", "l", "0"); err != nil {
				t.Fatal(err)
			}
			waitBlocked(t, a, "1")
			mustDo(t, a, ":1\r\n", "CLIENT", "UNBLOCK", strings.Trim(string(id), ":\r\n"), "ERROR")
			if got, err := b.Read(2 * time.Second); err != nil || !strings.HasPrefix(string(got), "-UNBLOCKED ") {
				t.Fatalf("BLPOP got %q %v", got, err)
			}
			if got := streamInfo(t, a, "commandstats", "cmdstat_blpop"); !strings.HasPrefix(got, "calls=1,") || !strings.HasSuffix(got, ",rejected_calls=0,failed_calls=1") {
				t.Fatalf("cmdstat_blpop %q", got)
			}
		})
	}
}

// redisOrSkip starts Debian's redis-server for a side-by-side check and
// returns its address, or "" when it is not installed: the modhost half
// still runs then (in CI, MODHOST_REQUIRE_INTEROP=1, StartRedis fails).
func redisOrSkip(t *testing.T) string {
	if _, err := exec.LookPath("redis-server"); err != nil && !testserver.RequireInterop() {
		return ""
	}
	return testserver.StartRedis(t).Addr
}

// TestXreadgroupRenameNoGroup: RENAME puts a stream without the reader's
// group under a blocked XREADGROUP's key; Redis 7.2 re-runs the command,
// which fails with its usual NOGROUP error (7.0 words it differently).
func TestXreadgroupRenameNoGroup(t *testing.T) {
	m := testserver.StartModhost(t)
	a := testserver.Dial(t, m.Addr)
	b := testserver.Dial(t, m.Addr)
	mustDo(t, a, "+OK\r\n", "XGROUP", "CREATE", "s{t}", "g", "$", "MKSTREAM")
	if err := b.Send("XREADGROUP", "GROUP", "g", "alice", "BLOCK", "0", "STREAMS", "s{t}", ">"); err != nil {
		t.Fatal(err)
	}
	waitBlocked(t, a, "1")
	mustDo(t, a, "$5\r\n100-0\r\n", "XADD", "s2{t}", "100", "f1", "v1")
	mustDo(t, a, "+OK\r\n", "RENAME", "s2{t}", "s{t}")
	got, err := b.Read(2 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if want := "-NOGROUP No such key 's{t}' or consumer group 'g' in XREADGROUP with GROUP option\r\n"; string(got) != want {
		t.Fatalf("got %q want %q", got, want)
	}
	waitBlocked(t, a, "0")
}

// TestStreamReaderRequeued checks Redis 7.2's order after a re-run that
// finds nothing: the reader blocks again behind the others. A waits on s1
// and s2, B only on s2; C, first on s1, takes the entry added to s1, so
// A's re-run is empty and A moves behind B on s2: the next entry of s2
// goes to B. (7.0 did not re-run commands; it served A first.)
func TestStreamReaderRequeued(t *testing.T) {
	m := testserver.StartModhost(t)
	x := testserver.Dial(t, m.Addr)
	cc := testserver.Dial(t, m.Addr)
	ca := testserver.Dial(t, m.Addr)
	cb := testserver.Dial(t, m.Addr)
	mustDo(t, x, "+OK\r\n", "XGROUP", "CREATE", "s1", "g", "$", "MKSTREAM")
	mustDo(t, x, "+OK\r\n", "XGROUP", "CREATE", "s2", "g", "$", "MKSTREAM")
	send := func(c *testserver.Conn, n string, args ...string) {
		t.Helper()
		if err := c.Send(args...); err != nil {
			t.Fatal(err)
		}
		waitBlocked(t, x, n)
	}
	send(cc, "1", "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s1", ">")
	send(ca, "2", "XREADGROUP", "GROUP", "g", "a", "BLOCK", "0", "STREAMS", "s1", "s2", ">", ">")
	send(cb, "3", "XREADGROUP", "GROUP", "g", "b", "BLOCK", "0", "STREAMS", "s2", ">")
	mustDo(t, x, "$3\r\n1-0\r\n", "XADD", "s1", "1-0", "f", "v")
	if got, err := cc.Read(2 * time.Second); err != nil || string(got) != "*1\r\n*2\r\n$2\r\ns1\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n" {
		t.Fatalf("C got %q %v", got, err)
	}
	waitBlocked(t, x, "2")
	mustDo(t, x, "$3\r\n1-0\r\n", "XADD", "s2", "1-0", "f", "w")
	if got, err := cb.Read(2 * time.Second); err != nil || string(got) != "*1\r\n*2\r\n$2\r\ns2\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nw\r\n" {
		t.Fatalf("B got %q %v", got, err)
	}
	if got, err := ca.Read(200 * time.Millisecond); err == nil {
		t.Fatalf("A answered %q", got)
	}
	// A still waits on both keys.
	mustDo(t, x, "$3\r\n2-0\r\n", "XADD", "s1", "2-0", "f", "u")
	if got, err := ca.Read(2 * time.Second); err != nil || !strings.Contains(string(got), "2-0") {
		t.Fatalf("A got %q %v", got, err)
	}
	waitBlocked(t, x, "0")
}

// TestXreadExpiredKeyNotServed: a transaction adds to a stream an XREAD
// waits on and lets it expire before it ends. Redis 7.2 checks the
// signalled key without side effects: the reader is not served, and the
// expired key is not reclaimed there (no expired_keys, no DEL), only when
// a later command touches it. (7.0 reclaimed it while serving.)
func TestXreadExpiredKeyNotServed(t *testing.T) {
	m := testserver.StartModhost(t, "--enable-debug-command", "yes")
	a := testserver.Dial(t, m.Addr)
	b := testserver.Dial(t, m.Addr)
	mustDo(t, a, "+OK\r\n", "DEBUG", "SET-ACTIVE-EXPIRE", "0")
	if err := b.Send("XREAD", "BLOCK", "0", "STREAMS", "s", "$"); err != nil {
		t.Fatal(err)
	}
	waitBlocked(t, a, "1")
	mustDo(t, a, "+OK\r\n", "MULTI")
	mustDo(t, a, "+QUEUED\r\n", "XADD", "s", "1-0", "f", "v")
	mustDo(t, a, "+QUEUED\r\n", "PEXPIRE", "s", "100")
	mustDo(t, a, "+QUEUED\r\n", "DEBUG", "SLEEP", "0.2")
	mustDo(t, a, "*3\r\n$3\r\n1-0\r\n:1\r\n+OK\r\n", "EXEC")
	if got := streamInfo(t, a, "stats", "expired_keys"); got != "0" {
		t.Fatalf("expired_keys %s after EXEC", got)
	}
	if got := streamInfo(t, a, "clients", "blocked_clients"); got != "1" {
		t.Fatalf("blocked_clients %s after EXEC", got)
	}
	mustDo(t, a, "$3\r\n2-0\r\n", "XADD", "s", "2-0", "f", "w")
	if got := streamInfo(t, a, "stats", "expired_keys"); got != "1" {
		t.Fatalf("expired_keys %s after XADD", got)
	}
	if got, err := b.Read(2 * time.Second); err != nil || string(got) != "*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nf\r\n$1\r\nw\r\n" {
		t.Fatalf("XREAD got %q %v", got, err)
	}
}

// TestXreadgroupRerunACL: a blocked XREADGROUP re-runs through the
// permission checks when its key is signalled (Redis 7.2's reprocessing;
// 7.0 served it without checking again). A user whose key permissions
// were reset meanwhile gets NOPERM, counted as a rejected call, neither a
// call nor a failed one.
func TestXreadgroupRerunACL(t *testing.T) {
	m := testserver.StartModhost(t)
	a := testserver.Dial(t, m.Addr)
	b := testserver.Dial(t, m.Addr)
	mustDo(t, a, "+OK\r\n", "ACL", "SETUSER", "su", "reset", "on", "nopass", "+@all", "allkeys")
	mustDo(t, a, "+OK\r\n", "XGROUP", "CREATE", "s", "g", "$", "MKSTREAM")
	mustDo(t, b, "+OK\r\n", "AUTH", "su", "x")
	mustDo(t, a, "+OK\r\n", "CONFIG", "RESETSTAT")
	if err := b.Send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">"); err != nil {
		t.Fatal(err)
	}
	waitBlocked(t, a, "1")
	mustDo(t, a, "+OK\r\n", "ACL", "SETUSER", "su", "resetkeys")
	mustDo(t, a, "$3\r\n1-0\r\n", "XADD", "s", "1-0", "f", "v")
	got, err := b.Read(2 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if want := "-NOPERM No permissions to access a key\r\n"; string(got) != want {
		t.Fatalf("got %q want %q", got, want)
	}
	if got := streamInfo(t, a, "commandstats", "cmdstat_xreadgroup"); !strings.HasPrefix(got, "calls=0,") || !strings.HasSuffix(got, ",rejected_calls=1,failed_calls=0") {
		t.Fatalf("cmdstat_xreadgroup %q", got)
	}
	// Nothing was delivered.
	mustDo(t, a, "*0\r\n", "XPENDING", "s", "g", "-", "+", "10")
}
