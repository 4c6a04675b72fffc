package rdb

import (
	"encoding/binary"
	"math"
	"strconv"
	"strings"
	"testing"

	"modhost/keyspace"
)

// Builders for the encodings Redis no longer writes (ziplist, zipmap,
// quicklist v1, textual zset scores, second-resolution expiry, stream
// listpacks v1), so tests can feed them to real Redis and to Load.

// ziplist encodes entries, choosing the integer encoding Redis would.
func ziplist(entries ...string) []byte {
	b := make([]byte, 10)
	prev := 0
	for _, s := range entries {
		start := len(b)
		if prev < 254 {
			b = append(b, byte(prev))
		} else {
			b = append(b, 254)
			b = binary.LittleEndian.AppendUint32(b, uint32(prev))
		}
		if v, ok := parseCanonicalInt([]byte(s)); ok {
			switch {
			case v >= 0 && v <= 12:
				b = append(b, 0xf1+byte(v))
			case v >= math.MinInt8 && v <= math.MaxInt8:
				b = append(b, 0xfe, byte(v))
			case v >= math.MinInt16 && v <= math.MaxInt16:
				b = append(b, 0xc0)
				b = binary.LittleEndian.AppendUint16(b, uint16(v))
			case v >= -(1<<23) && v < 1<<23:
				u := uint32(v)
				b = append(b, 0xf0, byte(u), byte(u>>8), byte(u>>16))
			case v >= math.MinInt32 && v <= math.MaxInt32:
				b = append(b, 0xd0)
				b = binary.LittleEndian.AppendUint32(b, uint32(v))
			default:
				b = append(b, 0xe0)
				b = binary.LittleEndian.AppendUint64(b, uint64(v))
			}
		} else {
			n := len(s)
			switch {
			case n < 64:
				b = append(b, byte(n))
			case n < 16384:
				b = append(b, 0x40|byte(n>>8), byte(n))
			default:
				b = append(b, 0x80)
				b = binary.BigEndian.AppendUint32(b, uint32(n))
			}
			b = append(b, s...)
		}
		prev = len(b) - start
		binary.LittleEndian.PutUint32(b[4:], uint32(start))
	}
	if len(entries) == 0 {
		binary.LittleEndian.PutUint32(b[4:], 10)
	}
	b = append(b, 0xff)
	binary.LittleEndian.PutUint32(b, uint32(len(b)))
	binary.LittleEndian.PutUint16(b[8:], uint16(len(entries)))
	return b
}

// zipmap encodes field/value pairs in the pre-2.6 hash format.
func zipmap(pairs ...string) []byte {
	b := []byte{byte(len(pairs) / 2)}
	ln := func(n int) {
		if n < 254 {
			b = append(b, byte(n))
		} else {
			b = append(b, 254)
			b = binary.LittleEndian.AppendUint32(b, uint32(n))
		}
	}
	for i := 0; i < len(pairs); i += 2 {
		ln(len(pairs[i]))
		b = append(b, pairs[i]...)
		ln(len(pairs[i+1]))
		b = append(b, 0) // no free space
		b = append(b, pairs[i+1]...)
	}
	return append(b, 0xff)
}

// legacyFile builds a version-9 RDB (Redis 5/6 era) using every encoding
// those versions wrote.
func legacyFile() []byte {
	e := &encoder{}
	e.b = append(e.b, "REDIS0009"...)
	aux := func(k, v string) { e.u8(opAux); e.str([]byte(k)); e.str([]byte(v)) }
	aux("redis-ver", "5.0.14")
	aux("redis-bits", "64")
	e.u8(opSelectDB)
	e.length(0)
	e.u8(opResizeDB)
	e.length(12)
	e.length(1)
	key := func(t byte, k string) { e.u8(t); e.str([]byte(k)) }

	key(TypeListZiplist, "zl:list")
	e.rawStr(ziplist("a", "0", "12", "13", "-1", "200", "-30000", "70000", "-8000000", "3000000000", strings.Repeat("y", 100)))

	key(TypeListQuicklist, "ql:list")
	e.length(2)
	e.rawStr(ziplist("n1", "1", "2"))
	e.rawStr(ziplist("n2", strings.Repeat("z", 300), "-7"))

	key(TypeList, "plain:list")
	e.length(3)
	for _, s := range []string{"x", "123", "z"} {
		e.str([]byte(s))
	}

	key(TypeHashZipmap, "zm:hash")
	e.rawStr(zipmap("f1", "v1", "f2", "", "long", strings.Repeat("q", 300)))

	key(TypeHashZiplist, "zl:hash")
	e.rawStr(ziplist("a", "1", "b", "two", "c", "-3"))

	key(TypeZSetZiplist, "zl:zset")
	e.rawStr(ziplist("m3", "-inf", "m1", "1", "m2", "2.5", "m4", "100000"))

	key(TypeZSet, "v1:zset")
	e.length(4)
	for _, m := range []struct {
		name, score string
	}{{"a", "1.5"}, {"b", "inf"}, {"c", "-inf"}, {"d", "-0.25"}} {
		e.str([]byte(m.name))
		switch m.score {
		case "inf":
			e.u8(254)
		case "-inf":
			e.u8(255)
		default:
			e.u8(byte(len(m.score)))
			e.b = append(e.b, m.score...)
		}
	}

	key(TypeSetIntset, "is:set")
	e.rawStr(buildIntset([]int64{1, -2, 70000}))

	// Second-resolution expiry in the future (a signed 32-bit value), then LRU/LFU hints.
	e.u8(opExpireTime)
	e.b = binary.LittleEndian.AppendUint32(e.b, uint32(2000000000))
	e.u8(opIdle)
	e.length(100)
	key(TypeString, "sec:ttl")
	e.str([]byte("expires in 2033"))

	key(TypeSet, "plain:set")
	e.length(2)
	e.str([]byte("p"))
	e.str([]byte("q"))

	key(TypeHash, "plain:hash")
	e.length(1)
	e.str([]byte("k"))
	e.str([]byte("v"))

	// A version-1 stream: no first id, deletion or offset metadata.
	key(TypeStreamListpacks, "v1:stream")
	var entries []StreamEntry
	for i := 1; i <= 5; i++ {
		entries = append(entries, StreamEntry{StreamID{uint64(10 * i), 0}, [][]byte{[]byte("k"), []byte(strconv.Itoa(i))}})
	}
	keys, nodes := streamNodes(entries)
	e.length(uint64(len(nodes)))
	for i := range nodes {
		e.str(keys[i])
		e.rawStr(nodes[i])
	}
	e.length(5)
	e.length(50)
	e.length(0)
	e.length(1) // one group
	e.str([]byte("grp"))
	e.length(20)
	e.length(0)
	e.length(1) // PEL
	e.b = append(e.b, StreamID{20, 0}.raw()...)
	e.millis(1600000000000)
	e.length(3)
	e.length(1) // consumers
	e.str([]byte("cons"))
	e.millis(1600000000001)
	e.length(1)
	e.b = append(e.b, StreamID{20, 0}.raw()...)

	e.u8(opEOF)
	e.b = binary.LittleEndian.AppendUint64(e.b, CRC64(0, e.b))
	return e.b
}

// LegacyFile is legacyFile for the external interop test.
var LegacyFile = legacyFile

func TestLegacyEncodings(t *testing.T) {
	ks := keyspace.New(16)
	res, err := Load(legacyFile(), ks, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Keys != 12 || res.Version != 9 {
		t.Fatalf("%+v", res)
	}
	db := ks.DBs[0]
	get := func(k string) string { return describeValue(db.Peek(k).Val) }
	checks := map[string]string{
		"zl:list":    `list/listpack ["a" "0" "12" "13" "-1" "200" "-30000" "70000" "-8000000" "3000000000" "` + strings.Repeat("y", 100) + `"]`,
		"ql:list":    `list/listpack ["n1" "1" "2" "n2" "` + strings.Repeat("z", 300) + `" "-7"]`,
		"plain:list": `list/listpack ["x" "123" "z"]`,
		"zl:hash":    `hash/listpack ["a=1" "b=two" "c=-3"]`,
		"is:set":     `set/intset ["-2" "1" "70000"]`,
		"plain:set":  `set/listpack ["p" "q"]`,
	}
	for k, want := range checks {
		if got := get(k); got != want {
			t.Errorf("%s:\n got %s\nwant %s", k, got, want)
		}
	}
	if e := db.Peek("sec:ttl"); e.Expire != 2000000000*1000 || ks.Now()-e.Access < 99_000 {
		t.Errorf("sec:ttl expire %d access %d", e.Expire, e.Access)
	}
	z := db.Peek("v1:zset").Val.(*keyspace.ZSet)
	if sc, _ := z.Score([]byte("b")); !math.IsInf(sc, 1) {
		t.Errorf("v1 zset inf score: %v", sc)
	}
	if sc, _ := z.Score([]byte("d")); sc != -0.25 {
		t.Errorf("v1 zset score: %v", sc)
	}
	h := db.Peek("zm:hash").Val.(*keyspace.Hash)
	if v, _ := h.Get([]byte("long")); len(v) != 300 || h.Encoding() != "hashtable" {
		t.Errorf("zipmap hash: %d bytes, %s", len(v), h.Encoding())
	}
	st := describeValue(db.Peek("v1:stream").Val)
	if !strings.Contains(st, "EntriesAdded:5") || !strings.Contains(st, "Consumer:cons") || !strings.Contains(st, "EntriesRead:-1") {
		t.Errorf("v1 stream: %s", st)
	}
}

// A Redis 7.2 stream (STREAM_LISTPACKS_3) carries each consumer's active
// time after its seen time.
func TestStreamV3(t *testing.T) {
	e := &encoder{}
	e.u8(TypeStreamListpacks3)
	keys, nodes := streamNodes([]StreamEntry{{StreamID{5, 1}, [][]byte{[]byte("f"), []byte("v")}}})
	e.length(1)
	e.str(keys[0])
	e.rawStr(nodes[0])
	for _, n := range []uint64{1, 5, 1, 5, 1, 0, 0, 1} { // length, last, first, max deleted, added
		e.length(n)
	}
	e.length(1)
	e.str([]byte("g"))
	e.length(5)
	e.length(1)
	e.length(1) // entries read
	e.length(1)
	e.b = append(e.b, StreamID{5, 1}.raw()...)
	e.millis(1700000000000)
	e.length(2)
	e.length(1)
	e.str([]byte("c"))
	e.millis(1700000000001) // seen
	e.millis(1700000000002) // active
	e.length(1)
	e.b = append(e.b, StreamID{5, 1}.raw()...)
	p := e.b
	p = binary.LittleEndian.AppendUint16(p, 11)
	p = binary.LittleEndian.AppendUint64(p, CRC64(0, p))
	if !VerifyPayload(p, false) {
		t.Fatal("v11 payload refused")
	}
	v, err := Restore(p, nil, "k", 0)
	if err != nil {
		t.Fatal(err)
	}
	s := v.(*keyspace.Stream)
	g := s.Group("g")
	c := g.Consumer("c")
	if c == nil || c.SeenTime != 1700000000001 || c.ActiveTime != 1700000000002 || g.Pending(keyspace.StreamID{Ms: 5, Seq: 1}).DeliveryCount != 2 {
		t.Fatalf("group %+v consumer %+v", g, c)
	}
}
