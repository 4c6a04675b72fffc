// Package difftest runs the same commands against modhost and Debian's real
// redis-server and demands identical replies, byte for byte. It is the
// heart of the test suite: Redis's behaviour is the specification.
//
// Transcripts live in testdata/*.txt; see runner.go for their format.
package difftest

import (
	"bytes"
	"sort"
	"testing"
	"time"

	"modhost/internal/testserver"
	"modhost/resp"
)

// Pair is one modhost and one real Redis started with the same arguments.
type Pair struct {
	t       testing.TB
	Modhost *testserver.Modhost
	Redis   *testserver.Redis
	conns   []*conns
	cur     int
	// root is the test that started the pair: connections live as long
	// as it does, not as long as the transcript line that opened them.
	root testing.TB
}

type conns struct{ m, r *testserver.Conn }

// Option adjusts how a Pair starts.
type Option func(*pairOpts)

type pairOpts struct{ args []string }

// Module loads the same .so into both servers.
func Module(path string, args ...string) Option {
	return func(o *pairOpts) {
		o.args = append(o.args, "--loadmodule", path)
		o.args = append(o.args, args...)
	}
}

// Args passes extra redis-server style arguments to both servers.
func Args(args ...string) Option {
	return func(o *pairOpts) { o.args = append(o.args, args...) }
}

// Start starts both servers (skipping, or failing in CI, when redis-server
// is missing).
func Start(t testing.TB, opts ...Option) *Pair {
	t.Helper()
	var o pairOpts
	for _, f := range opts {
		f(&o)
	}
	r := testserver.StartRedis(t, o.args...)
	m := testserver.StartModhost(t, o.args...)
	p := &Pair{t: t, Modhost: m, Redis: r, root: t}
	p.Conn(0)
	return p
}

// Conn switches to client connection i (opening it on both servers).
func (p *Pair) Conn(i int) {
	for len(p.conns) <= i {
		p.conns = append(p.conns, &conns{
			m: testserver.Dial(p.root, p.Modhost.Addr),
			r: testserver.Dial(p.root, p.Redis.Addr),
		})
	}
	p.cur = i
}

// Replies sends a command to both servers and returns both raw replies.
func (p *Pair) Replies(args ...string) (mod, red []byte) {
	p.t.Helper()
	c := p.conns[p.cur]
	var err error
	if mod, err = c.m.Do(args...); err != nil {
		p.t.Fatalf("modhost: %v: %v", args, err)
	}
	if red, err = c.r.Do(args...); err != nil {
		p.t.Fatalf("redis: %v: %v", args, err)
	}
	return mod, red
}

// Do demands identical raw replies.
func (p *Pair) Do(args ...string) []byte {
	p.t.Helper()
	mod, red := p.Replies(args...)
	if !bytes.Equal(mod, red) {
		p.t.Errorf("%q\n  modhost: %s\n  redis:   %s", args, testserver.Quote(mod), testserver.Quote(red))
	}
	return mod
}

// DoSorted compares after sorting the elements of an array reply (for
// replies whose order Redis leaves unspecified).
func (p *Pair) DoSorted(args ...string) {
	p.t.Helper()
	mod, red := p.Replies(args...)
	if !bytes.Equal(sortedReply(mod), sortedReply(red)) {
		p.t.Errorf("%q (sorted)\n  modhost: %s\n  redis:   %s", args, testserver.Quote(mod), testserver.Quote(red))
	}
}

// Send sends a command on the current connection without reading the
// reply (blocking commands).
func (p *Pair) Send(args ...string) {
	p.t.Helper()
	c := p.conns[p.cur]
	if err := c.m.Send(args...); err != nil {
		p.t.Fatal(err)
	}
	if err := c.r.Send(args...); err != nil {
		p.t.Fatal(err)
	}
}

// Recv reads one pending reply on the current connection from both
// servers and demands they match; a server that sends nothing within the
// wait yields "(timeout)".
func (p *Pair) Recv(wait time.Duration) {
	p.t.Helper()
	c := p.conns[p.cur]
	mod, err1 := c.m.Read(wait)
	red, err2 := c.r.Read(wait)
	if err1 != nil {
		mod = []byte("(timeout)")
	}
	if err2 != nil {
		red = []byte("(timeout)")
	}
	if !bytes.Equal(mod, red) {
		p.t.Errorf("recv\n  modhost: %s\n  redis:   %s", testserver.Quote(mod), testserver.Quote(red))
	}
}

// sortedReply re-encodes an array reply with its elements in byte order.
func sortedReply(raw []byte) []byte {
	v, _, err := resp.Parse(raw)
	if err != nil || v.Elems == nil || v.Type == '%' {
		return raw
	}
	parts := make([][]byte, 0, len(v.Elems))
	pos := bytes.Index(raw, []byte("\r\n")) + 2
	for range v.Elems {
		_, n, err := resp.Parse(raw[pos:])
		if err != nil {
			return raw
		}
		parts = append(parts, raw[pos:pos+n])
		pos += n
	}
	sort.Slice(parts, func(i, j int) bool { return bytes.Compare(parts[i], parts[j]) < 0 })
	out := append([]byte(nil), raw[:bytes.Index(raw, []byte("\r\n"))+2]...)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
