package difftest

import (
	"bytes"
	"testing"
	"time"

	"modhost/internal/testserver"
	"modhost/resp"
)

// TestPipelinedSelfPublish sends SUBSCRIBE, PUBLISH and PING in one write
// on a RESP3 connection. Redis 7.2 holds a message to the publisher itself
// until the publishing command has replied (7.0, which difftest runs,
// delivered it first), so the order is checked against 7.2's rule: the
// SUBSCRIBE confirmation, PUBLISH's :1, the message, PONG.
func TestPipelinedSelfPublish(t *testing.T) {
	m := testserver.StartModhost(t)
	c := testserver.Dial(t, m.Addr)
	if _, err := c.Do("HELLO", "3"); err != nil {
		t.Fatal(err)
	}
	w := resp.New(2)
	for _, cmd := range [][]string{{"SUBSCRIBE", "ch"}, {"PUBLISH", "ch", "hi"}, {"PING"}} {
		w.Array(len(cmd))
		for _, a := range cmd {
			w.BulkString(a)
		}
	}
	if err := c.WriteRaw(w.Buf); err != nil {
		t.Fatal(err)
	}
	want := []string{
		">3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n",
		":1\r\n",
		">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n",
		"+PONG\r\n",
	}
	for i, exp := range want {
		got, err := c.Read(2 * time.Second)
		if err != nil {
			t.Fatalf("reply %d: %v", i, err)
		}
		if string(got) != exp {
			t.Errorf("reply %d: got %q, want %q", i, got, exp)
		}
	}
}

// TestXreadgroupGroupDestroyed checks Redis 7.2's answer to a client
// blocked in XREADGROUP whose group is destroyed: the command runs again
// and fails with NOGROUP (7.0, which difftest runs, words it differently).
func TestXreadgroupGroupDestroyed(t *testing.T) {
	m := testserver.StartModhost(t)
	a := testserver.Dial(t, m.Addr)
	b := testserver.Dial(t, m.Addr)
	mustDo(t, a, "+OK\r\n", "XGROUP", "CREATE", "s", "g", "$", "MKSTREAM")
	if err := b.Send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	mustDo(t, a, ":1\r\n", "XGROUP", "DESTROY", "s", "g")
	got, err := b.Read(2 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	want := "-NOGROUP No such key 's' or consumer group 'g' in XREADGROUP with GROUP option\r\n"
	if string(got) != want {
		t.Fatalf("got %q want %q", got, want)
	}
}

// TestXclaimCreatesConsumer checks that XCLAIM creates its consumer even
// when it claims nothing (Redis 7.2; 7.0 created it lazily).
func TestXclaimCreatesConsumer(t *testing.T) {
	m := testserver.StartModhost(t)
	a := testserver.Dial(t, m.Addr)
	mustDo(t, a, "+OK\r\n", "XGROUP", "CREATE", "s", "g", "$", "MKSTREAM")
	mustDo(t, a, "*0\r\n", "XCLAIM", "s", "g", "newbie", "0", "1-0")
	mustDo(t, a, ":0\r\n", "XGROUP", "CREATECONSUMER", "s", "g", "newbie")
}

func mustDo(t *testing.T, c *testserver.Conn, want string, args ...string) {
	t.Helper()
	got, err := c.Do(args...)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, []byte(want)) {
		t.Fatalf("%q: got %q want %q", args, got, want)
	}
}

// TestXreadgroupKeyDeleted checks Redis 7.2's answer to a client blocked
// in XREADGROUP whose stream is deleted: the command runs again and fails
// with NOGROUP (7.0 answered -UNBLOCKED instead). XREAD waiters stay.
func TestXreadgroupKeyDeleted(t *testing.T) {
	m := testserver.StartModhost(t)
	a := testserver.Dial(t, m.Addr)
	b := testserver.Dial(t, m.Addr)
	x := testserver.Dial(t, m.Addr)
	mustDo(t, a, "+OK\r\n", "XGROUP", "CREATE", "s", "g", "$", "MKSTREAM")
	if err := b.Send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">"); err != nil {
		t.Fatal(err)
	}
	if err := x.Send("XREAD", "BLOCK", "0", "STREAMS", "s", "$"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	mustDo(t, a, ":1\r\n", "DEL", "s")
	got, err := b.Read(2 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	want := "-NOGROUP No such key 's' or consumer group 'g' in XREADGROUP with GROUP option\r\n"
	if string(got) != want {
		t.Fatalf("got %q want %q", got, want)
	}
	if got, err := x.Read(200 * time.Millisecond); err == nil {
		t.Fatalf("XREAD answered %q", got)
	}
	mustDo(t, a, "$3\r\n1-0\r\n", "XADD", "s", "1-0", "f", "v")
	if got, err := x.Read(2 * time.Second); err != nil || !bytes.Contains(got, []byte("1-0")) {
		t.Fatalf("XREAD got %q %v", got, err)
	}
}

// TestServedReplyBeforeLaterMessage: a RESP3 client subscribed to a
// channel and blocked in XREAD is served by XADD; a message published
// right after (same pipeline) must reach it after the XREAD reply.
func TestServedReplyBeforeLaterMessage(t *testing.T) {
	p := Start(t)
	p.Conn(1)
	p.Replies("HELLO", "3")
	p.Send("SUBSCRIBE", "c")
	p.Recv(2 * time.Second)
	p.Send("XREAD", "BLOCK", "0", "STREAMS", "s", "$")
	time.Sleep(100 * time.Millisecond)
	p.Conn(0)
	w := resp.New(2)
	for _, cmd := range [][]string{{"XADD", "s", "1-0", "f", "v"}, {"PUBLISH", "c", "after"}} {
		w.Array(len(cmd))
		for _, a := range cmd {
			w.BulkString(a)
		}
	}
	c := p.conns[0]
	if err := c.m.WriteRaw(w.Buf); err != nil {
		t.Fatal(err)
	}
	if err := c.r.WriteRaw(w.Buf); err != nil {
		t.Fatal(err)
	}
	p.Recv(2 * time.Second)
	p.Recv(2 * time.Second)
	p.Conn(1)
	p.Recv(2 * time.Second)
	p.Recv(2 * time.Second)
}

// TestXreadgroupFlushed: FLUSHALL and SWAPDB that take a blocked
// XREADGROUP's stream away release it with NOGROUP, as Redis 7.2 does.
func TestXreadgroupFlushed(t *testing.T) {
	m := testserver.StartModhost(t)
	a := testserver.Dial(t, m.Addr)
	b := testserver.Dial(t, m.Addr)
	want := "-NOGROUP No such key 's' or consumer group 'g' in XREADGROUP with GROUP option\r\n"
	for _, flush := range [][]string{{"FLUSHALL"}, {"SWAPDB", "0", "1"}} {
		mustDo(t, a, "+OK\r\n", "XGROUP", "CREATE", "s", "g", "$", "MKSTREAM")
		if err := b.Send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">"); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
		mustDo(t, a, "+OK\r\n", flush...)
		got, err := b.Read(2 * time.Second)
		if err != nil {
			t.Fatalf("%v: %v", flush, err)
		}
		if string(got) != want {
			t.Fatalf("%v: got %q want %q", flush, got, want)
		}
		mustDo(t, a, "+OK\r\n", "FLUSHALL")
	}
}

// TestXreadgroupOverwritten: a blocked XREADGROUP whose stream is
// replaced by a string re-runs and reports WRONGTYPE (Redis 7.2).
func TestXreadgroupOverwritten(t *testing.T) {
	m := testserver.StartModhost(t)
	a := testserver.Dial(t, m.Addr)
	b := testserver.Dial(t, m.Addr)
	mustDo(t, a, "+OK\r\n", "XGROUP", "CREATE", "s", "g", "$", "MKSTREAM")
	if err := b.Send("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	mustDo(t, a, "+OK\r\n", "SET", "s", "x")
	got, err := b.Read(2 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if want := "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"; string(got) != want {
		t.Fatalf("got %q want %q", got, want)
	}
}
