package keyspace

import (
	"fmt"
	"strings"
	"testing"
)

func hashFields(h *Hash) string {
	var out []string
	h.Range(func(f, v []byte) bool { out = append(out, string(f)+"="+string(v)); return true })
	return strings.Join(out, " ")
}

// TestHashListpackOrder checks insertion order, in-place updates and
// deletes of a small hash.
func TestHashListpackOrder(t *testing.T) {
	h := NewHash()
	for _, f := range []string{"z", "y", "x"} {
		if !h.Set([]byte(f), []byte("1")) {
			t.Fatal("new field not reported new")
		}
	}
	if h.Set([]byte("z"), []byte("2")) {
		t.Fatal("update reported new")
	}
	h.Delete([]byte("y"))
	h.Set([]byte("y"), []byte("3"))
	if got := hashFields(h); got != "z=2 x=1 y=3" {
		t.Fatalf("order: %s", got)
	}
	if h.Encoding() != "listpack" || h.Len() != 3 {
		t.Fatal("small hash should be a listpack of 3")
	}
}

// TestHashConversion checks both thresholds and that conversion is one-way.
func TestHashConversion(t *testing.T) {
	h := NewHash()
	for i := 0; i < HashMaxListpackEntries; i++ {
		h.Set([]byte(fmt.Sprint("f", i)), []byte("v"))
	}
	if h.Encoding() != "listpack" {
		t.Fatal("at the entries limit it is still a listpack")
	}
	h.Set([]byte("one-more"), []byte("v"))
	if h.Encoding() != "hashtable" {
		t.Fatal("past the entries limit it is a hashtable")
	}
	for i := 0; i < HashMaxListpackEntries; i++ {
		h.Delete([]byte(fmt.Sprint("f", i)))
	}
	if h.Encoding() != "hashtable" || h.Len() != 1 {
		t.Fatal("conversion is one-way")
	}
	long := NewHash()
	long.Set([]byte("f"), make([]byte, HashMaxListpackValue))
	if long.Encoding() != "listpack" {
		t.Fatal("a value of exactly the limit fits")
	}
	long.Set([]byte("g"), make([]byte, HashMaxListpackValue+1))
	if long.Encoding() != "hashtable" {
		t.Fatal("a longer value converts")
	}
	if v, ok := long.Get([]byte("f")); !ok || len(v) != HashMaxListpackValue {
		t.Fatal("values survive conversion")
	}
	b := NewHash()
	args := make([][]byte, 0, 2*(HashMaxListpackEntries+1))
	for i := 0; i <= HashMaxListpackEntries; i++ {
		args = append(args, []byte("same"), []byte("v"))
	}
	b.BeforeSet(args)
	if b.Encoding() != "hashtable" {
		t.Fatal("BeforeSet converts on the argument count, as Redis does")
	}
}
