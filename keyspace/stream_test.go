package keyspace

import (
	"fmt"
	"testing"
)

func sid(ms, seq uint64) StreamID { return StreamID{ms, seq} }

func TestParseStreamID(t *testing.T) {
	cases := []struct {
		in           string
		missing      uint64
		strict, star bool
		want         StreamID
		seqGiven, ok bool
	}{
		{"1-2", 0, false, false, sid(1, 2), true, true},
		{"5", 7, false, false, sid(5, 7), true, true},
		{"-", 0, false, false, sid(0, 0), true, true},
		{"+", 0, false, false, MaxStreamID, true, true},
		{"-", 0, true, false, StreamID{}, false, false},
		{"3-*", 0, true, true, sid(3, 0), false, true},
		{"3-*", 0, true, false, StreamID{}, false, false},
		{"01-002", 0, false, false, sid(1, 2), true, true}, // strtoull fallback
		{"-1", 0, false, false, StreamID{}, false, false},
		{"18446744073709551615-18446744073709551615", 0, false, false, MaxStreamID, true, true},
		{"18446744073709551616", 0, false, false, StreamID{}, false, false},
		{"", 0, false, false, StreamID{}, false, false},
		{"1-", 0, false, false, StreamID{}, false, false},
		{"a-1", 0, false, false, StreamID{}, false, false},
	}
	for _, c := range cases {
		id, seqGiven, ok := ParseStreamID([]byte(c.in), c.missing, c.strict, c.star)
		if ok != c.ok || (ok && (id != c.want || seqGiven != c.seqGiven)) {
			t.Errorf("%q: got %v %v %v, want %v %v %v", c.in, id, seqGiven, ok, c.want, c.seqGiven, c.ok)
		}
	}
}

func TestStreamIDIncrDecr(t *testing.T) {
	if id, ok := sid(1, ^uint64(0)).Incr(); !ok || id != sid(2, 0) {
		t.Fatal(id, ok)
	}
	if _, ok := MaxStreamID.Incr(); ok {
		t.Fatal("max incr must fail")
	}
	if id, ok := sid(2, 0).Decr(); !ok || id != sid(1, ^uint64(0)) {
		t.Fatal(id, ok)
	}
	if _, ok := sid(0, 0).Decr(); ok {
		t.Fatal("zero decr must fail")
	}
	if sid(1, 2).String() != "1-2" {
		t.Fatal(sid(1, 2).String())
	}
}

func fields(kv ...string) [][]byte {
	out := make([][]byte, len(kv))
	for i, s := range kv {
		out[i] = []byte(s)
	}
	return out
}

func TestStreamNextID(t *testing.T) {
	s := NewStream()
	if id, err := s.NextID(100, nil, false); err != nil || id != sid(100, 0) {
		t.Fatal(id, err)
	}
	_ = s.Append(sid(100, 0), fields("a", "1"))
	// Clock behind the top item: the sequence moves on.
	if id, _ := s.NextID(50, nil, false); id != sid(100, 1) {
		t.Fatal(id)
	}
	given := sid(100, 0)
	if id, err := s.NextID(0, &given, false); err != nil || id != sid(100, 1) {
		t.Fatal(id, err)
	}
	if _, err := s.NextID(0, &given, true); err != ErrStreamIDTooSmall {
		t.Fatal(err)
	}
	given = sid(99, 0)
	if _, err := s.NextID(0, &given, false); err != ErrStreamIDTooSmall {
		t.Fatal(err)
	}
	if err := s.Append(sid(100, 0), fields("a", "1")); err != ErrStreamIDTooSmall {
		t.Fatal(err)
	}
}

func collect(s *Stream, start, end StreamID, rev bool) []StreamID {
	var out []StreamID
	s.Range(start, end, rev, func(id StreamID, _ [][]byte) bool {
		out = append(out, id)
		return true
	})
	return out
}

func TestStreamRangeDeleteTrim(t *testing.T) {
	s := NewStream()
	for i := uint64(1); i <= 250; i++ {
		if err := s.Append(sid(i, 0), fields("f", fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	// 100 entries per node by default.
	if s.RadixKeys() != 3 || s.RadixNodes() != 8 {
		t.Fatalf("nodes %d radix %d", s.RadixKeys(), s.RadixNodes())
	}
	got := collect(s, sid(99, 0), sid(102, 0), false)
	if len(got) != 4 || got[0] != sid(99, 0) || got[3] != sid(102, 0) {
		t.Fatal(got)
	}
	got = collect(s, sid(99, 0), sid(102, 5), true)
	if len(got) != 4 || got[0] != sid(102, 0) {
		t.Fatal(got)
	}
	if !s.Delete(sid(1, 0)) || s.Delete(sid(1, 0)) || s.Delete(sid(999, 0)) {
		t.Fatal("delete")
	}
	if s.FirstID != sid(2, 0) || s.MaxDeletedID != sid(1, 0) || s.Len() != 249 {
		t.Fatal(s.FirstID, s.MaxDeletedID, s.Len())
	}
	if f, ok := s.Get(sid(2, 0)); !ok || string(f[1]) != "2" {
		t.Fatal(f, ok)
	}
	if _, ok := s.Get(sid(1, 0)); ok {
		t.Fatal("deleted entry visible")
	}
	// Approximate trimming stops at node boundaries.
	if n := s.Trim(TrimArgs{Strategy: TrimMaxLen, MaxLen: 120, Approx: true, Limit: 10000}); n != 99 {
		t.Fatal("approx trimmed", n)
	}
	if n := s.Trim(TrimArgs{Strategy: TrimMaxLen, MaxLen: 120}); n != 30 {
		t.Fatal("exact trimmed", n)
	}
	if s.Len() != 120 || s.FirstID != sid(131, 0) {
		t.Fatal(s.Len(), s.FirstID)
	}
	if n := s.Trim(TrimArgs{Strategy: TrimMinID, MinID: sid(240, 0)}); n != 109 {
		t.Fatal("minid trimmed", n)
	}
	if first, _ := s.FirstValidID(); first != sid(240, 0) {
		t.Fatal(first)
	}
	if last, _ := s.LastValidID(); last != sid(250, 0) {
		t.Fatal(last)
	}
}

func TestStreamNodeBytes(t *testing.T) {
	// Entries of 1000 bytes: a 4096-byte node takes four of them.
	s := NewStream()
	big := make([]byte, 1000)
	for i := uint64(1); i <= 9; i++ {
		_ = s.Append(sid(i, 0), [][]byte{[]byte("f"), big})
	}
	if s.RadixKeys() != 3 {
		t.Fatal("nodes", s.RadixKeys())
	}
	if lpIntSize(127) != 2 || lpIntSize(128) != 3 || lpIntSize(-4097) != 4 || lpIntSize(1<<40) != 10 {
		t.Fatal("int sizes")
	}
	if lpStrSize([]byte("12")) != 2 || lpStrSize(make([]byte, 63)) != 65 || lpStrSize(make([]byte, 64)) != 67 || lpStrSize(make([]byte, 200)) != 204 {
		t.Fatal("string sizes")
	}
}

func TestStreamGroups(t *testing.T) {
	s := NewStream()
	for i := uint64(1); i <= 3; i++ {
		_ = s.Append(sid(i, 0), fields("f", "v"))
	}
	g, ok := s.CreateGroup("g", StreamID{}, -1)
	if !ok {
		t.Fatal("create")
	}
	if _, ok := s.CreateGroup("g", StreamID{}, -1); ok {
		t.Fatal("duplicate group")
	}
	a, _ := g.CreateConsumer("a", 10)
	b, _ := g.CreateConsumer("b", 10)
	for i := uint64(1); i <= 3; i++ {
		s.Delivered(g, sid(i, 0))
		g.Deliver(sid(i, 0), a, 20)
	}
	if g.LastID != sid(3, 0) || g.EntriesRead != 3 {
		t.Fatal(g.LastID, g.EntriesRead)
	}
	if lag, ok := s.Lag(g); !ok || lag != 0 {
		t.Fatal(lag, ok)
	}
	if g.PendingLen() != 3 || a.PendingLen() != 3 {
		t.Fatal("pel")
	}
	g.Claim(g.Pending(sid(2, 0)), b)
	if a.PendingLen() != 2 || b.PendingLen() != 1 || g.Pending(sid(2, 0)).Consumer != b {
		t.Fatal("claim")
	}
	// Re-delivery moves the entry and resets its count.
	g.Pending(sid(2, 0)).DeliveryCount = 5
	p := g.Deliver(sid(2, 0), a, 30)
	if p.DeliveryCount != 1 || p.Consumer != a || b.PendingLen() != 0 {
		t.Fatal("redeliver")
	}
	if !g.Ack(sid(1, 0)) || g.Ack(sid(1, 0)) {
		t.Fatal("ack")
	}
	lo, hi, ok := g.PendingBounds()
	if !ok || lo != sid(2, 0) || hi != sid(3, 0) {
		t.Fatal(lo, hi, ok)
	}
	var seen []StreamID
	g.RangePending(StreamID{}, func(p *PendingEntry) bool {
		seen = append(seen, p.ID)
		g.Ack(p.ID) // acking while walking is allowed
		return true
	})
	if len(seen) != 2 || g.PendingLen() != 0 {
		t.Fatal(seen, g.PendingLen())
	}
	g.Deliver(sid(3, 0), b, 40)
	if n := g.DeleteConsumer(b); n != 1 || g.PendingLen() != 0 || g.Consumer("b") != nil {
		t.Fatal("delconsumer", n)
	}
	if names := g.Consumers(); len(names) != 1 || names[0].Name != "a" {
		t.Fatal(names)
	}
	// A deletion after the group's position makes the lag unknowable.
	_ = s.Append(sid(4, 0), fields("f", "v"))
	_ = s.Append(sid(5, 0), fields("f", "v"))
	s.Delete(sid(4, 0))
	if _, ok := s.Lag(g); ok {
		t.Fatal("lag should be unknown")
	}
	if !s.DestroyGroup("g") || s.DestroyGroup("g") || s.GroupCount() != 0 {
		t.Fatal("destroy")
	}
}

func TestStreamNodesRoundTrip(t *testing.T) {
	s := NewStream()
	for i := uint64(1); i <= 230; i++ {
		_ = s.Append(sid(i, 0), fields("f", fmt.Sprint(i)))
	}
	s.Delete(sid(5, 0))
	s.Trim(TrimArgs{Strategy: TrimMaxLen, MaxLen: 200})
	c := NewStream()
	for _, n := range s.Nodes() {
		if err := c.AppendNode(n); err != nil {
			t.Fatal(err)
		}
	}
	c.LastID, c.FirstID, c.MaxDeletedID, c.EntriesAdded = s.LastID, s.FirstID, s.MaxDeletedID, s.EntriesAdded
	if c.Len() != s.Len() || c.RadixKeys() != s.RadixKeys() || c.RadixNodes() != s.RadixNodes() {
		t.Fatal(c.Len(), s.Len(), c.RadixKeys(), s.RadixKeys())
	}
	a, b := collect(s, StreamID{}, MaxStreamID, false), collect(c, StreamID{}, MaxStreamID, false)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatal("entries differ")
	}
	// The copy keeps filling its last node exactly like the original.
	_ = s.Append(sid(300, 0), fields("f", "x"))
	_ = c.Append(sid(300, 0), fields("f", "x"))
	if c.RadixKeys() != s.RadixKeys() || c.nodes[len(c.nodes)-1].bytes() != s.nodes[len(s.nodes)-1].bytes() {
		t.Fatal("node layout differs after append")
	}
	if err := c.AppendNode(StreamNode{Master: sid(1, 0), Entries: []StreamNodeEntry{{ID: sid(1, 0)}}}); err == nil {
		t.Fatal("out of order node accepted")
	}
}
