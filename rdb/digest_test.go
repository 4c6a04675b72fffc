package rdb

import (
	"math"
	"testing"

	"modhost/keyspace"
)

func TestFpconvDtoa(t *testing.T) {
	for f, want := range map[float64]string{
		0.1: "0.1", 1e20: "1e+20", 1e-7: "1e-7", 1234567: "1234567", 1.5: "1.5", -2.5: "-2.5",
		1e300: "1e+300", 0.000015: "0.000015", 123456789012345678: "123456789012345680",
		math.Inf(1): "inf", math.Inf(-1): "-inf", 0: "0", 3e-300: "3e-300", 1e21: "1e+21",
	} {
		if got := string(fpconvDtoa(f)); got != want {
			t.Errorf("%v: got %s want %s", f, got, want)
		}
	}
}

// Digests recorded from redis-server 7.0.15 with DEBUG DIGEST-VALUE after
// the command shown (sorted set digests differ in 7.0, which prints
// scores with %.17g, so none is listed).
func TestValueDigestMatchesRedis(t *testing.T) {
	ks := keyspace.New(16)
	db := ks.DBs[0]
	db.Set("a", keyspace.NewString([]byte("1"))) // SET a 1
	l := keyspace.NewList()                      // RPUSH l x y
	l.Push([][]byte{[]byte("x"), []byte("y")}, false)
	db.Set("l", l)
	h := keyspace.NewHash() // HSET h f v g w
	h.Set([]byte("f"), []byte("v"))
	h.Set([]byte("g"), []byte("w"))
	db.Set("h", h)
	s := keyspace.NewSetFor([]byte("p"), 2) // SADD s p q
	s.Add([]byte("p"))
	s.Add([]byte("q"))
	db.Set("s", s)
	x := keyspace.NewStream() // XADD x 1-1 a b
	x.Append(keyspace.StreamID{Ms: 1, Seq: 1}, [][]byte{[]byte("a"), []byte("b")})
	db.Set("x", x)
	db.Set("t", keyspace.NewString([]byte("v"))) // SET t v EX 100
	db.SetExpire("t", ks.Now()+100000)
	for key, want := range map[string]string{
		"a":     "b4fc66738120fba0b5aa500ab5c2bf89cea1c5da",
		"l":     "a3b14a34cfbd69f970cd30aff36fd797e07b4dbc",
		"h":     "d127864ed50239662bf61bafc9bda63c17da5b37",
		"s":     "c138421e1e81060a6d5eb162bc97ddcf14cbcf0f",
		"x":     "db20534e81d36b705394fcfc8a61996efb6e5a7c",
		"t":     "311b17018163335616e089f6b951c82c477335ac",
		"nokey": "0000000000000000000000000000000000000000",
	} {
		if got := ValueDigest(db, key, nil); got != want {
			t.Errorf("%s: got %s want %s", key, got, want)
		}
	}
	if Digest(keyspace.New(16), nil) != "0000000000000000000000000000000000000000" {
		t.Error("empty dataset digest")
	}
}

// DEBUG DIGEST after: SET a 1; RPUSH l x y; SADD s p q; SELECT 3; SET k v
// (redis-server 7.0.15).
func TestDatasetDigestMatchesRedis(t *testing.T) {
	ks := keyspace.New(16)
	db := ks.DBs[0]
	db.Set("a", keyspace.NewString([]byte("1")))
	l := keyspace.NewList()
	l.Push([][]byte{[]byte("x"), []byte("y")}, false)
	db.Set("l", l)
	s := keyspace.NewSetFor([]byte("p"), 2)
	s.Add([]byte("p"))
	s.Add([]byte("q"))
	db.Set("s", s)
	ks.DBs[3].Set("k", keyspace.NewString([]byte("v")))
	if got := Digest(ks, nil); got != "4b37de7388e27cbcd97f7ebc9e5fe2c92407a175" {
		t.Errorf("got %s", got)
	}
}
