package keyspace

import (
	"fmt"
	"strings"
	"testing"
)

func setMembers(s *Set) string {
	var out []string
	s.Range(func(m []byte) bool { out = append(out, string(m)); return true })
	return strings.Join(out, " ")
}

// TestSetEncodings walks a set through intset, listpack and hashtable.
func TestSetEncodings(t *testing.T) {
	s := NewSetFor([]byte("5"), 3)
	for _, m := range []string{"5", "-2", "10", "5"} {
		s.Add([]byte(m))
	}
	if s.Encoding() != "intset" || setMembers(s) != "-2 5 10" {
		t.Fatalf("intset: %s %s", s.Encoding(), setMembers(s))
	}
	s.Add([]byte("abc"))
	if s.Encoding() != "listpack" || setMembers(s) != "-2 5 10 abc" {
		t.Fatalf("listpack: %s %s", s.Encoding(), setMembers(s))
	}
	if !s.IsMember([]byte("5")) || s.IsMember([]byte("05")) {
		t.Fatal("membership by bytes")
	}
	for i := 0; s.Len() < SetMaxListpackEntries; i++ {
		s.Add([]byte(fmt.Sprint("m", i)))
	}
	if s.Encoding() != "listpack" {
		t.Fatal("at the listpack limit")
	}
	s.Add([]byte("overflow"))
	if s.Encoding() != "hashtable" || s.Len() != SetMaxListpackEntries+1 {
		t.Fatal("past the listpack limit")
	}
	s.Remove([]byte("overflow"))
	if s.Encoding() != "hashtable" {
		t.Fatal("one-way")
	}
}

// TestSetIntsetLimits covers the intset entry limit, a long string added
// to an intset, and MaybeIntset.
func TestSetIntsetLimits(t *testing.T) {
	s := NewIntSet()
	for i := 0; i < SetMaxIntsetEntries; i++ {
		s.Add([]byte(fmt.Sprint(i)))
	}
	if s.Encoding() != "intset" {
		t.Fatal("at the intset limit")
	}
	s.Add([]byte("-1"))
	if s.Encoding() != "hashtable" {
		t.Fatal("past the intset limit")
	}
	small := NewIntSet()
	small.Add([]byte("1"))
	small.Add(make([]byte, SetMaxListpackValue+1))
	if small.Encoding() != "hashtable" {
		t.Fatal("a long member skips listpack")
	}
	lp := NewSetFor([]byte("x"), 1)
	lp.Add([]byte("x"))
	lp.Add([]byte("3"))
	lp.Add([]byte("1"))
	lp.MaybeIntset()
	if lp.Encoding() != "listpack" {
		t.Fatal("x is not an integer")
	}
	lp.Remove([]byte("x"))
	lp.MaybeIntset()
	if lp.Encoding() != "intset" || setMembers(lp) != "1 3" {
		t.Fatalf("MaybeIntset: %s %s", lp.Encoding(), setMembers(lp))
	}
	if p := lp.PopRandom(); p == nil || lp.Len() != 1 {
		t.Fatal("PopRandom")
	}
}
