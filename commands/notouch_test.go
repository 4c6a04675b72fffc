package commands_test

import (
	"testing"
	"time"

	"modhost/internal/testserver"
)

// TestClientNoTouch checks CLIENT NO-TOUCH (Redis 7.2, absent from the
// Debian 7.0 used side by side): reads keep the idle time, TOUCH resets it.
func TestClientNoTouch(t *testing.T) {
	m := testserver.StartModhost(t)
	c := testserver.Dial(t, m.Addr)
	mustReply := func(want string, args ...string) {
		t.Helper()
		got, err := c.Do(args...)
		if err != nil || string(got) != want {
			t.Fatalf("%q: got %q (%v), want %q", args, got, err, want)
		}
	}
	mustReply("+OK\r\n", "SET", "k", "v")
	time.Sleep(1100 * time.Millisecond)
	mustReply("+OK\r\n", "CLIENT", "NO-TOUCH", "on")
	mustReply("$1\r\nv\r\n", "GET", "k")
	got, _ := c.Do("OBJECT", "IDLETIME", "k")
	if string(got) == ":0\r\n" {
		t.Fatalf("GET under NO-TOUCH reset the idle time")
	}
	mustReply(":1\r\n", "TOUCH", "k")
	mustReply(":0\r\n", "OBJECT", "IDLETIME", "k")
	mustReply("+OK\r\n", "CLIENT", "NO-TOUCH", "off")
	time.Sleep(1100 * time.Millisecond)
	mustReply("$1\r\nv\r\n", "GET", "k")
	mustReply(":0\r\n", "OBJECT", "IDLETIME", "k")
}
