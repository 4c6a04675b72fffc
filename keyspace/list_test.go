package keyspace

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// TestListDeque checks both ends, indexing, insert/delete and trim
// against a slice model.
func TestListDeque(t *testing.T) {
	l := NewList()
	var model [][]byte
	for i := 0; i < 100; i++ {
		v := []byte(fmt.Sprint(i))
		if i%3 == 0 {
			l.PushHead(v)
			model = append([][]byte{v}, model...)
		} else {
			l.PushTail(v)
			model = append(model, v)
		}
	}
	check := func(what string) {
		t.Helper()
		if l.Len() != len(model) {
			t.Fatalf("%s: len %d want %d", what, l.Len(), len(model))
		}
		for i, want := range model {
			got, ok := l.Index(i)
			if !ok || !bytes.Equal(got, want) {
				t.Fatalf("%s: index %d = %q want %q", what, i, got, want)
			}
		}
	}
	check("push")
	l.Insert(10, []byte("x"), false)
	model = append(model[:10], append([][]byte{[]byte("x")}, model[10:]...)...)
	l.Insert(10, []byte("y"), true)
	model = append(model[:11], append([][]byte{[]byte("y")}, model[11:]...)...)
	check("insert")
	l.Delete(0)
	model = model[1:]
	l.Delete(50)
	model = append(model[:50], model[51:]...)
	check("delete")
	if v := l.PopTail(); !bytes.Equal(v, model[len(model)-1]) {
		t.Fatalf("poptail %q", v)
	}
	model = model[:len(model)-1]
	l.Trim(5, 20)
	model = model[5:21]
	check("trim")
	if got, _ := l.Index(-1); !bytes.Equal(got, model[len(model)-1]) {
		t.Fatal("negative index")
	}
}

// TestListEncoding checks the listpack/quicklist switch: the default limit
// is 8kb per listpack, and a list shrinking to half of it converts back.
func TestListEncoding(t *testing.T) {
	l := NewList()
	big := bytes.Repeat([]byte("a"), 1000)
	for i := 0; i < 8; i++ {
		l.PushTail(big)
	}
	if l.Encoding() != "listpack" {
		t.Fatalf("8 x 1000 bytes should fit: %s (%d bytes)", l.Encoding(), l.bytes)
	}
	l.PushTail(big)
	if l.Encoding() != "quicklist" {
		t.Fatalf("9 x 1000 bytes should not fit: %s", l.Encoding())
	}
	// Nodes now hold 8 and 1 elements: popping the tail empties the second
	// node, and a single node of at most half the limit converts back.
	for l.Len() > 5 {
		l.PopHead()
	}
	if l.Encoding() != "quicklist" {
		t.Fatal("two nodes stay a quicklist")
	}
	l.PopTail()
	if l.Encoding() != "listpack" {
		t.Fatalf("one node of 4 x 1000 bytes should convert back (%v)", l.nodes)
	}
	// Popping from the head of a two-node list keeps it a quicklist until
	// the head node is gone.
	q := NewList()
	for i := 0; i < 9; i++ {
		q.PushTail(big)
	}
	for q.Len() > 2 {
		q.PopHead()
	}
	if q.Encoding() != "quicklist" {
		t.Fatal("head node of 1 plus tail node of 1 is still two nodes")
	}
	q.PopHead()
	if q.Encoding() != "listpack" {
		t.Fatal("single small node converts back")
	}
	// A count limit (positive list-max-listpack-size).
	old := ListMaxListpackSize
	defer func() { ListMaxListpackSize = old }()
	ListMaxListpackSize = 4
	c := NewList()
	c.Push([][]byte{[]byte("1"), []byte("2"), []byte("3"), []byte("4")}, false)
	if c.Encoding() != "listpack" {
		t.Fatal("4 entries fit a count limit of 4")
	}
	c.PushHead([]byte("0"))
	if c.Encoding() != "quicklist" {
		t.Fatal("5 entries exceed a count limit of 4")
	}
	c.PopHead()
	c.PopHead()
	c.PopHead()
	if c.Encoding() != "listpack" {
		t.Fatal("2 entries is half the count limit")
	}
}

// TestListpackEntryBytes pins the size estimate for a few encodings.
func TestListpackEntryBytes(t *testing.T) {
	cases := map[string]int{"1": 2, "127": 2, "128": 3, "-4096": 3, "40000": 5, "abc": 5, "": 2}
	for v, want := range cases {
		if got := lpEntryBytes([]byte(v)); got != want {
			t.Errorf("%q: %d want %d", v, got, want)
		}
	}
}

// TestListRedisConversions replays the conversion cases of Redis 7.2's
// list test suite ("List quicklist -> listpack encoding conversion").
func TestListRedisConversions(t *testing.T) {
	old := ListMaxListpackSize
	defer func() { ListMaxListpackSize = old }()
	mk := func(elems ...string) *List {
		l := NewList()
		for _, e := range elems {
			l.PushTail([]byte(e))
		}
		return l
	}
	want := func(l *List, enc, what string) {
		t.Helper()
		if l.Encoding() != enc {
			t.Fatalf("%s: %s, want %s (nodes %v)", what, l.Encoding(), enc, l.nodes)
		}
	}
	ListMaxListpackSize = 3
	l := mk("a", "b", "c", "d")
	want(l, "quicklist", "create")
	for i := 0; i < 3; i++ {
		l.PopTail()
	}
	want(l, "listpack", "rpop 3")
	l = mk("a", "a", "a", "d")
	l.Filter(func(_ int, v []byte) bool { return string(v) != "a" })
	want(l, "listpack", "lrem")
	l = mk("a", "b", "c", "d")
	l.Trim(1, 1)
	want(l, "listpack", "ltrim")
	l = mk("a", "b", "c")
	l.Set(0, []byte("hello"))
	want(l, "quicklist", "lset grows")

	ListMaxListpackSize = -1
	large := strings.Repeat("x", 8192)
	l = mk("a", "b", "c", large)
	want(l, "quicklist", "create large")
	l.PopTail()
	want(l, "listpack", "rpop large")
	l = mk(large, "a", "b")
	l.PopTail()
	l.PopTail()
	want(l, "quicklist", "plain node stays")
	l.Set(-1, []byte("c"))
	want(l, "listpack", "lset small over plain")
}
