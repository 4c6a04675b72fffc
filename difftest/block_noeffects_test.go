package difftest

import (
	"testing"
	"time"

	"modhost/internal/testserver"
)

// TestBlockedPopExpiredKeyNotReclaimed: a transaction pushes to a list a
// BRPOP waits on and lets it expire before it ends. Redis 7.2 checks the
// signalled key without side effects: the client stays blocked and the
// key is reclaimed only when a later command touches it (7.0 reclaimed it
// while serving).
func TestBlockedPopExpiredKeyNotReclaimed(t *testing.T) {
	m := testserver.StartModhost(t, "--enable-debug-command", "yes")
	a := testserver.Dial(t, m.Addr)
	b := testserver.Dial(t, m.Addr)
	mustDo(t, a, "+OK\r\n", "DEBUG", "SET-ACTIVE-EXPIRE", "0")
	if err := b.Send("BRPOP", "k", "0"); err != nil {
		t.Fatal(err)
	}
	waitBlocked(t, a, "1")
	mustDo(t, a, "+OK\r\n", "MULTI")
	mustDo(t, a, "+QUEUED\r\n", "RPUSH", "k", "hello")
	mustDo(t, a, "+QUEUED\r\n", "PEXPIRE", "k", "100")
	mustDo(t, a, "+QUEUED\r\n", "DEBUG", "SLEEP", "0.2")
	mustDo(t, a, "*3\r\n:1\r\n:1\r\n+OK\r\n", "EXEC")
	if got := streamInfo(t, a, "stats", "expired_keys"); got != "0" {
		t.Fatalf("expired_keys %s after EXEC", got)
	}
	if got := streamInfo(t, a, "clients", "blocked_clients"); got != "1" {
		t.Fatalf("blocked_clients %s after EXEC", got)
	}
	mustDo(t, a, ":0\r\n", "EXISTS", "k")
	if got := streamInfo(t, a, "stats", "expired_keys"); got != "1" {
		t.Fatalf("expired_keys %s after EXISTS", got)
	}
	mustDo(t, a, ":1\r\n", "RPUSH", "k", "again")
	if got, err := b.Read(2 * time.Second); err != nil || string(got) != "*2\r\n$1\r\nk\r\n$5\r\nagain\r\n" {
		t.Fatalf("BRPOP got %q %v", got, err)
	}
}
