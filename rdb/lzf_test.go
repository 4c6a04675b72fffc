package rdb

import (
	"bytes"
	"math/rand"
	"testing"
)

func TestLZFRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	inputs := [][]byte{
		bytes.Repeat([]byte("a"), 1000),
		bytes.Repeat([]byte("abcdefgh"), 5000),
		[]byte("hello hello hello hello hello world"),
	}
	for i := 0; i < 50; i++ {
		b := make([]byte, r.Intn(20000)+4)
		for j := range b {
			b[j] = byte('a' + r.Intn(3+i%5))
		}
		inputs = append(inputs, b)
	}
	for _, in := range inputs {
		c := lzfCompress(in, len(in))
		if c == nil {
			continue
		}
		out, err := lzfDecompress(c, len(in))
		if err != nil || !bytes.Equal(out, in) {
			t.Fatalf("round trip failed for %d bytes: %v", len(in), err)
		}
	}
	if lzfCompress([]byte("abcdefghijklmnopqrstuvwxyz"), 22) != nil {
		t.Fatal("incompressible input was compressed")
	}
}

func TestLZFBad(t *testing.T) {
	for _, in := range [][]byte{{0x05, 'a'}, {0x20, 0x05}, {0xe0}, {0x00, 'a', 0x20, 0x00}} {
		if _, err := lzfDecompress(in, 10); err == nil {
			t.Fatalf("%x accepted", in)
		}
	}
}
