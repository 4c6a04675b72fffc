package dict

import (
	"fmt"
	"strings"
	"testing"
)

// keyOfLen builds distinct keys of every length the node layouts cover
// (inline, each in-node buffer size, and longer than any buffer).
func keyOfLen(i, n int) string {
	k := fmt.Sprintf("%d:", i)
	if len(k) >= n {
		return k
	}
	return k + strings.Repeat("x", n-len(k))
}

func TestKeysOfEveryLength(t *testing.T) {
	d := New[int]()
	want := map[string]int{}
	for i := 0; i < 3000; i++ {
		k := keyOfLen(i, i%100)
		buf := []byte(k)
		// Upsert with a borrowed key that is overwritten afterwards: the
		// dict must have kept its own copy.
		stored, p, added := d.Upsert(string(buf))
		if !added || stored != k {
			t.Fatalf("upsert %q: added %v stored %q", k, added, stored)
		}
		*p = i
		for j := range buf {
			buf[j] = '#'
		}
		want[k] = i
	}
	if d.Len() != len(want) {
		t.Fatalf("len %d want %d", d.Len(), len(want))
	}
	for k, v := range want {
		if got, ok := d.Get(k); !ok || got != v {
			t.Fatalf("get %q = %v,%v want %v", k, got, ok, v)
		}
		if sk, p := d.KeyPtr(k); p == nil || sk != k || *p != v {
			t.Fatalf("keyptr %q = %q", k, sk)
		}
	}
	seen := map[string]bool{}
	d.Range(func(k string, v int) bool {
		if want[k] != v || seen[k] {
			t.Fatalf("range gave %q=%d", k, v)
		}
		seen[k] = true
		return true
	})
	if len(seen) != len(want) {
		t.Fatalf("range saw %d of %d", len(seen), len(want))
	}
	n := 0
	for k := range want {
		if n%2 == 0 {
			if p := d.DeletePtr(k); p == nil || *p != want[k] {
				t.Fatalf("delete %q", k)
			}
			delete(want, k)
		}
		n++
	}
	for k, v := range want {
		if got, ok := d.Get(k); !ok || got != v {
			t.Fatalf("after deletes: get %q = %v,%v", k, got, ok)
		}
	}
	if _, ok := d.Get("absent"); ok {
		t.Fatal("found a key never added")
	}
}

// TestScanAcrossResize checks the SCAN guarantee: keys present for the
// whole scan are returned even when the table grows and shrinks between
// steps.
func TestScanAcrossResize(t *testing.T) {
	d := New[struct{}]()
	for i := 0; i < 500; i++ {
		d.Set(keyOfLen(i, i%40), struct{}{})
	}
	seen := map[string]bool{}
	cursor := uint64(0)
	step := 0
	for {
		cursor = d.Scan(cursor, func(k string, _ struct{}) { seen[k] = true })
		step++
		switch {
		case step == 20:
			for i := 500; i < 3000; i++ {
				d.Set(keyOfLen(i, i%40), struct{}{})
			}
		case step == 200:
			for i := 500; i < 3000; i++ {
				d.Delete(keyOfLen(i, i%40))
			}
		}
		if cursor == 0 {
			break
		}
	}
	for i := 0; i < 500; i++ {
		if k := keyOfLen(i, i%40); !seen[k] {
			t.Fatalf("scan missed %q", k)
		}
	}
}
