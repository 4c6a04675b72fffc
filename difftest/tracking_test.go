package difftest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"modhost/internal/testserver"
)

// Client tracking with redirects: the redirect target's id differs between
// the two servers, so each scenario runs on each server with that server's
// ids and records every reply with the ids written as <id>; the two
// recordings must be identical.

// trackRec is one server's run of a scenario.
type trackRec struct {
	t    *testing.T
	addr string
	ids  map[string]string // decimal id -> placeholder
	out  []string
}

func (r *trackRec) dial() *testserver.Conn { return testserver.Dial(r.t, r.addr) }

// id asks c for its client id and remembers it under name.
func (r *trackRec) id(c *testserver.Conn, name string) string {
	r.t.Helper()
	b, err := c.Do("CLIENT", "ID")
	if err != nil || len(b) < 3 || b[0] != ':' {
		r.t.Fatalf("CLIENT ID: %q %v", b, err)
	}
	id := strings.TrimSpace(string(b[1:]))
	r.ids[id] = name
	return id
}

// note records a raw reply with the known ids replaced (in the command
// too).
func (r *trackRec) note(what string, b []byte) {
	s := string(b)
	for id, name := range r.ids {
		s = strings.ReplaceAll(s, ":"+id+"\r\n", ":"+name+"\r\n")
		s = strings.ReplaceAll(s+" ", "redir="+id+" ", "redir="+name+" ")
		s = s[:len(s)-1]
		what = strings.ReplaceAll(what+" ", " "+id+" ", " "+name+" ")
		what = what[:len(what)-1]
	}
	r.out = append(r.out, what+" -> "+strconv.Quote(s))
}

// hello3 switches c to RESP3 (the reply names the server's version and
// the client id, so it is not recorded).
func (r *trackRec) hello3(c *testserver.Conn) {
	r.t.Helper()
	if b, err := c.Do("HELLO", "3"); err != nil || len(b) == 0 || b[0] != '%' {
		r.t.Fatalf("HELLO 3: %q %v", b, err)
	}
}

// do runs a command on c and records its reply.
func (r *trackRec) do(c *testserver.Conn, args ...string) {
	r.t.Helper()
	b, err := c.Do(args...)
	if err != nil {
		r.t.Fatalf("%v: %v", args, err)
	}
	r.note(strings.Join(args, " "), b)
}

// recv records the next pending reply on c, or "(timeout)".
func (r *trackRec) recv(c *testserver.Conn, wait time.Duration) {
	b, err := c.Read(wait)
	if err != nil {
		b = []byte("(timeout)")
	}
	r.note("recv", b)
}

// compareTracking runs scenario on both servers and compares the records.
func compareTracking(t *testing.T, scenario func(r *trackRec)) {
	p := Start(t)
	var recs [2]*trackRec
	for i, addr := range []string{p.Modhost.Addr, p.Redis.Addr} {
		recs[i] = &trackRec{t: t, addr: addr, ids: map[string]string{}}
		scenario(recs[i])
	}
	m, r := recs[0].out, recs[1].out
	for i := 0; i < max(len(m), len(r)); i++ {
		var a, b string
		if i < len(m) {
			a = m[i]
		}
		if i < len(r) {
			b = r[i]
		}
		if a != b {
			t.Errorf("step %d\n  modhost: %s\n  redis:   %s", i, a, b)
		}
	}
}

const trackWait = 2 * time.Second

// TestTrackingRedirectRESP2 redirects a RESP2 tracker's invalidations to a
// RESP2 subscriber of __redis__:invalidate: key pushes, BCAST per prefix,
// the null of a flush, GETREDIR, TRACKINGINFO and CLIENT LIST's redir.
func TestTrackingRedirectRESP2(t *testing.T) {
	compareTracking(t, func(r *trackRec) {
		sub, trk, wr := r.dial(), r.dial(), r.dial()
		id := r.id(sub, "<sub>")
		r.do(sub, "SUBSCRIBE", "__redis__:invalidate")
		r.do(trk, "CLIENT", "TRACKING", "on", "REDIRECT", id)
		r.do(trk, "CLIENT", "GETREDIR")
		r.do(trk, "CLIENT", "TRACKINGINFO")
		r.do(wr, "MSET", "a", "1", "b", "1")
		r.do(trk, "GET", "a")
		r.do(wr, "INCR", "b") // not read: no message
		r.do(wr, "INCR", "a")
		r.recv(sub, trackWait)
		// The tracker's own write goes to the redirect target too.
		r.do(trk, "GET", "a")
		r.do(trk, "SET", "a", "2")
		r.recv(sub, trackWait)
		// A flush: a null, in the tracker's protocol.
		r.do(trk, "GET", "a")
		r.do(wr, "FLUSHALL")
		r.recv(sub, trackWait)
		// BCAST: one message per prefix, keys sorted.
		r.do(trk, "CLIENT", "TRACKING", "off")
		r.do(trk, "CLIENT", "TRACKING", "on", "BCAST", "REDIRECT", id, "PREFIX", "a:", "PREFIX", "b:")
		r.do(wr, "MULTI")
		r.do(wr, "INCR", "b:2")
		r.do(wr, "INCR", "a:1")
		r.do(wr, "INCR", "b:1")
		r.do(wr, "INCR", "c:1")
		r.do(wr, "EXEC")
		r.recv(sub, trackWait)
		r.recv(sub, trackWait)
		// NOLOOP in default mode through the redirect.
		r.do(trk, "CLIENT", "TRACKING", "off")
		r.do(trk, "CLIENT", "TRACKING", "on", "REDIRECT", id, "NOLOOP")
		r.do(trk, "MGET", "x", "y")
		r.do(trk, "SET", "x", "1")
		r.do(wr, "SET", "y", "1")
		r.recv(sub, trackWait)
		b, _ := trk.Do("CLIENT", "INFO")
		r.note("CLIENT INFO flags/redir", []byte(clientInfoFields(string(b), "flags", "redir")))
		// A RESP3 tracker redirecting here: its flush null is RESP3's.
		r.hello3(trk)
		r.do(trk, "GET", "z")
		r.do(wr, "FLUSHDB")
		r.recv(sub, trackWait)
	})
}

// TestTrackingRedirectRESP3 redirects to a RESP3 connection, which gets
// pushes; then the target quits and the tracker gets tracking-redir-broken
// once a tracked key changes.
func TestTrackingRedirectRESP3(t *testing.T) {
	compareTracking(t, func(r *trackRec) {
		tgt, trk, wr := r.dial(), r.dial(), r.dial()
		r.hello3(tgt)
		id := r.id(tgt, "<tgt>")
		r.hello3(trk)
		r.do(trk, "CLIENT", "TRACKING", "on", "REDIRECT", id)
		r.do(trk, "GET", "k")
		r.do(wr, "SET", "k", "1")
		r.recv(tgt, trackWait)
		// The target need not subscribe: RESP3 gets a push anyway.
		r.do(trk, "GET", "k")
		r.do(tgt, "QUIT")
		r.do(wr, "SET", "k", "2")
		r.recv(trk, trackWait)
		r.do(trk, "CLIENT", "TRACKINGINFO")
		b, _ := trk.Do("CLIENT", "INFO")
		r.note("CLIENT INFO flags/redir", []byte(clientInfoFields(string(b), "flags", "redir")))
		// Invalidations of an untracked key do not report the breakage.
		r.do(wr, "SET", "other", "1")
		r.do(trk, "PING")
		// With CLIENT REPLY OFF the push still arrives.
		r.do(trk, "GET", "k")
		if err := trk.Send("CLIENT", "REPLY", "OFF"); err != nil {
			t.Fatal(err)
		}
		r.do(wr, "SET", "k", "3")
		r.recv(trk, trackWait)
		r.do(trk, "CLIENT", "REPLY", "ON")
	})
}

// TestTrackingInfoCounts compares INFO's tracking fields.
func TestTrackingInfoCounts(t *testing.T) {
	compareTracking(t, func(r *trackRec) {
		a, b, wr := r.dial(), r.dial(), r.dial()
		info := func(what string) {
			raw, err := wr.Do("INFO")
			if err != nil {
				t.Fatal(err)
			}
			var keep []string
			for _, l := range strings.Split(string(raw), "\r\n") {
				if strings.HasPrefix(l, "tracking_") {
					keep = append(keep, l)
				}
			}
			r.note("INFO "+what, []byte(strings.Join(keep, " ")))
		}
		info("start")
		r.do(a, "CLIENT", "TRACKING", "on")
		r.do(a, "MGET", "k1", "k2", "k3")
		r.do(b, "CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "p:", "PREFIX", "q:")
		r.do(b, "GET", "k1") // BCAST clients remember no keys
		info("tracking")
		r.do(wr, "SET", "k1", "x")
		info("after a write")
		// Ids stay in the table after tracking is turned off.
		r.do(a, "CLIENT", "TRACKING", "off")
		r.do(b, "CLIENT", "TRACKING", "off")
		info("off")
		r.do(wr, "FLUSHALL", "ASYNC")
		info("flushed")
	})
}

// clientInfoFields picks some fields of a CLIENT INFO/LIST line.
func clientInfoFields(line string, names ...string) string {
	var out []string
	for _, f := range strings.Fields(line) {
		for _, n := range names {
			if strings.HasPrefix(f, n+"=") {
				out = append(out, f)
			}
		}
	}
	return strings.Join(out, " ")
}

// TestTrackingBlockedClientOrder: a blocked client whose served command
// changes a key it tracks gets the reply first, then the push.
func TestTrackingBlockedClientOrder(t *testing.T) {
	compareTracking(t, func(r *trackRec) {
		a, b := r.dial(), r.dial()
		r.hello3(a)
		r.do(a, "CLIENT", "TRACKING", "on")
		r.do(a, "LRANGE", "dst", "0", "-1")
		if err := a.Send("BLMOVE", "src", "dst", "LEFT", "LEFT", "0"); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
		r.do(b, "RPUSH", "src", "v")
		r.recv(a, trackWait)
		r.recv(a, trackWait)
		r.do(a, "PING")
	})
}

// modulePaths returns bin/modules/<stem>.so for each stem, failing when
// one is not built.
func modulePaths(t *testing.T, stems ...string) []string {
	var out []string
	for _, stem := range stems {
		so, err := filepath.Abs(filepath.Join("..", "bin", "modules", stem+".so"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(so); err != nil {
			t.Fatalf("%s is not built (make modules): %v", so, err)
		}
		out = append(out, so)
	}
	return out
}

// TestTrackingModules: a module's command flagged readonly tracks its
// keys, and a module's write through RM_OpenKey invalidates them.
func TestTrackingModules(t *testing.T) {
	so := modulePaths(t, "mhkeys")
	p := Start(t, Module(so[0]))
	p.Replies("HELLO", "3")
	p.Do("CLIENT", "TRACKING", "on")
	p.Do("mk.hset", "h", "f", "v")
	p.Do("mk.hget", "h", "f")
	p.Conn(1)
	p.Do("mk.hset", "h", "f", "w")
	p.Conn(0)
	p.Recv(trackWait)
	p.Do("PING")
}

// TestTrackingRMCall checks Redis 7.2's rule for RM_Call: the reads a
// module command makes for a tracking client are remembered for that
// client, its writes track nothing (modhost only: 7.0 tracked neither).
func TestTrackingRMCall(t *testing.T) {
	so := modulePaths(t, "mhcore")
	m := testserver.StartModhost(t, "--loadmodule", so[0])
	a := testserver.Dial(t, m.Addr)
	b := testserver.Dial(t, m.Addr)
	if _, err := a.Do("HELLO", "3"); err != nil {
		t.Fatal(err)
	}
	mustDo(t, a, "+OK\r\n", "CLIENT", "TRACKING", "on")
	mustDo(t, b, "+OK\r\n", "MSET", "k1", "1", "k2", "1")
	mustDo(t, a, "$1\r\n1\r\n", "mh.call", "get", "k1")
	mustDo(t, a, "+OK\r\n", "mh.call", "set", "k2", "2")
	mustDo(t, b, "+OK\r\n", "MSET", "k1", "2", "k2", "2")
	got, err := a.Read(2 * time.Second)
	if want := ">2\r\n$10\r\ninvalidate\r\n*1\r\n$2\r\nk1\r\n"; err != nil || string(got) != want {
		t.Fatalf("got %q (%v), want %q", got, err, want)
	}
	mustDo(t, a, "+PONG\r\n", "PING")
}
