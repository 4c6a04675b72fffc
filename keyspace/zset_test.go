package keyspace

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
)

type zpair struct {
	m string
	s float64
}

// TestZSetInvariants drives random inserts, updates and deletes and checks
// order, spans, ranks and ranges against a sorted slice model.
func TestZSetInvariants(t *testing.T) {
	z := NewZSet()
	model := map[string]float64{}
	r := rand.New(rand.NewPCG(1, 2))
	for step := 0; step < 4000; step++ {
		m := fmt.Sprintf("m%d", r.IntN(300))
		switch r.IntN(4) {
		case 0:
			if z.Delete([]byte(m)) != (model[m] != 0 || hasKey(model, m)) {
				t.Fatalf("delete %s disagreed", m)
			}
			delete(model, m)
		default:
			s := float64(r.IntN(50))
			_, had := model[m]
			if z.Set([]byte(m), s) == had {
				t.Fatalf("set %s: new flag wrong", m)
			}
			model[m] = s
		}
		if step%97 == 0 {
			if msg := z.checkInvariants(); msg != "" {
				t.Fatalf("step %d: %s", step, msg)
			}
		}
	}
	sorted := make([]zpair, 0, len(model))
	for m, s := range model {
		sorted = append(sorted, zpair{m, s})
	}
	sort.Slice(sorted, func(i, j int) bool { return zsLess(sorted[i].s, sorted[i].m, sorted[j].s, sorted[j].m) })
	if z.Len() != len(sorted) {
		t.Fatalf("len %d want %d", z.Len(), len(sorted))
	}
	for i, p := range sorted {
		rk, s, ok := z.Rank([]byte(p.m), false)
		if !ok || rk != i || s != p.s {
			t.Fatalf("rank of %s = %d,%v want %d", p.m, rk, ok, i)
		}
		rr, _, _ := z.Rank([]byte(p.m), true)
		if rr != len(sorted)-1-i {
			t.Fatalf("revrank of %s = %d", p.m, rr)
		}
		m, _, _ := z.ByRank(i)
		if string(m) != p.m {
			t.Fatalf("byrank %d = %s want %s", i, m, p.m)
		}
	}
	// Score ranges against the model, both directions, with offset/limit.
	for lo := -1.0; lo < 52; lo += 3 {
		rg := ScoreRange{Min: lo, Max: lo + 7, MinEx: int(lo)%2 == 0}
		var want []string
		for _, p := range sorted {
			if rg.geMin(p.s) && rg.leMax(p.s) {
				want = append(want, p.m)
			}
		}
		var got []string
		z.RangeByScore(rg, false, 0, -1, func(m []byte, _ float64) bool { got = append(got, string(m)); return true })
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("range %+v: got %v want %v", rg, got, want)
		}
		if z.CountByScore(rg) != len(want) {
			t.Fatalf("count %+v: %d want %d", rg, z.CountByScore(rg), len(want))
		}
		got = nil
		z.RangeByScore(rg, true, 1, 2, func(m []byte, _ float64) bool { got = append(got, string(m)); return true })
		var wantRev []string
		for i := len(want) - 2; i >= 0 && len(wantRev) < 2; i-- {
			wantRev = append(wantRev, want[i])
		}
		if fmt.Sprint(got) != fmt.Sprint(wantRev) {
			t.Fatalf("rev range %+v: got %v want %v", rg, got, wantRev)
		}
	}
	n := z.DeleteRangeByRank(5, 20)
	if n != 16 || z.Len() != len(sorted)-16 {
		t.Fatalf("delete by rank removed %d", n)
	}
	if msg := z.checkInvariants(); msg != "" {
		t.Fatal(msg)
	}
	z.DeleteRangeByScore(ScoreRange{Min: 10, Max: 20})
	if msg := z.checkInvariants(); msg != "" {
		t.Fatal(msg)
	}
}

func hasKey(m map[string]float64, k string) bool { _, ok := m[k]; return ok }

// TestZSetLex checks lex ranges on equal scores.
func TestZSetLex(t *testing.T) {
	z := NewZSet()
	for _, m := range []string{"a", "b", "c", "d", "e"} {
		z.Set([]byte(m), 0)
	}
	var got []string
	r := LexRange{Min: LexBound{Value: []byte("b")}, Max: LexBound{Value: []byte("d"), Excl: true}}
	z.RangeByLex(r, false, 0, -1, func(m []byte, _ float64) bool { got = append(got, string(m)); return true })
	if fmt.Sprint(got) != "[b c]" || z.CountByLex(r) != 2 {
		t.Fatalf("lex range: %v", got)
	}
	all := LexRange{Min: LexBound{Inf: -1}, Max: LexBound{Inf: 1}}
	if z.CountByLex(all) != 5 {
		t.Fatal("full lex range")
	}
	if z.DeleteRangeByLex(LexRange{Min: LexBound{Value: []byte("c")}, Max: LexBound{Inf: 1}}) != 3 || z.Len() != 2 {
		t.Fatal("lex delete")
	}
}

// TestZSetEncoding checks the listpack/skiplist switch points.
func TestZSetEncoding(t *testing.T) {
	z := NewZSet()
	for i := 0; i < ZSetMaxListpackEntries; i++ {
		z.Set([]byte(fmt.Sprint(i)), float64(i))
	}
	if z.Encoding() != "listpack" {
		t.Fatal("should still be listpack")
	}
	z.Set([]byte("x"), 1)
	if z.Encoding() != "skiplist" {
		t.Fatal("should be skiplist")
	}
	y := NewZSet()
	y.Set(make([]byte, ZSetMaxListpackValue+1), 1)
	if y.Encoding() != "skiplist" {
		t.Fatal("long member should convert")
	}
}

// TestDup checks that copies are independent and keep their encoding.
func TestDup(t *testing.T) {
	z := NewZSet()
	z.Set([]byte("a"), 1)
	zc := z.Dup().(*ZSet)
	z.Set([]byte("b"), 2)
	if zc.Len() != 1 || zc.Encoding() != "listpack" || zc.checkInvariants() != "" {
		t.Fatal("zset dup")
	}
	l := NewList()
	l.PushTail([]byte("x"))
	l.PushHead([]byte("w"))
	lc := l.Dup().(*List)
	l.PopHead()
	if v, _ := lc.Index(0); string(v) != "w" || lc.Len() != 2 {
		t.Fatal("list dup")
	}
	h := NewHash()
	h.Set([]byte("f"), []byte("v"))
	hc := h.Dup().(*Hash)
	h.Set([]byte("f"), []byte("changed"))
	if v, _ := hc.Get([]byte("f")); string(v) != "v" {
		t.Fatal("hash dup")
	}
	s := NewIntSet()
	s.Add([]byte("1"))
	sc := s.Dup().(*Set)
	s.Add([]byte("2"))
	if sc.Len() != 1 || sc.Encoding() != "intset" {
		t.Fatal("set dup")
	}
}

// TestZSetUpdateReusesNodes moves members between scores many times (in
// place when the neighbours allow, relinked otherwise) in a set large
// enough for tall nodes, and checks the structure and the scores.
func TestZSetUpdateReusesNodes(t *testing.T) {
	z := NewZSet()
	r := rand.New(rand.NewPCG(3, 4))
	const n = 20000
	want := make(map[string]float64, n)
	for i := 0; i < n; i++ {
		m := fmt.Sprintf("member:%d", i)
		s := float64(r.IntN(1000))
		z.Set([]byte(m), s)
		want[m] = s
	}
	for step := 0; step < 50000; step++ {
		m := fmt.Sprintf("member:%d", r.IntN(n))
		s := want[m] + float64(r.IntN(5)-2)
		if step%3 == 0 {
			s = float64(r.IntN(1000))
		}
		if z.Set([]byte(m), s) {
			t.Fatalf("update of %s reported a new member", m)
		}
		want[m] = s
	}
	if msg := z.checkInvariants(); msg != "" {
		t.Fatal(msg)
	}
	for m, s := range want {
		if got, ok := z.Score([]byte(m)); !ok || got != s {
			t.Fatalf("score of %s = %v,%v want %v", m, got, ok, s)
		}
	}
	if z.level <= 4 {
		t.Fatalf("expected nodes taller than 4 levels in %d members, top level %d", n, z.level)
	}
}
