package rdb

import (
	"bytes"
	"encoding/hex"
	"reflect"
	"testing"
)

// DUMP payloads recorded from Debian's redis-server 7.0.15 (started with
// --save ” --appendonly no). Each entry names the redis-cli commands that
// built the key; the hex is `redis-cli --raw DUMP key` without the final
// newline. exact means our encoder writes the same bytes from the decoded
// value (encodings whose layout is fully determined by the content).
var fixtures = []struct {
	cmds  string
	hex   string
	want  any
	exact bool
}{
	{"SET s:int 12345", "00c139300a009d94ea2793fc08b9", []byte("12345"), true},
	{"SET s:neg -7", "00c0f90a005e26d130d7a242ab", []byte("-7"), true},
	{"SET s:big 9223372036854775807", "0013393232333337323033363835343737353830370a003a657e9481e85f22",
		[]byte("9223372036854775807"), true},
	{"SET s:raw hello", "000568656c6c6f0a006372df766534200a", []byte("hello"), true},
	{"SET s:lzf aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa (57 a's)",
		"00c30939016161e02c000161610a0079b7596d0358a774", bytes.Repeat([]byte("a"), 57), false},
	{"RPUSH l:lp a 1 -5 300 70000 b", "1201021a1a00000006008161020101dffb02c12c02f270110104816202ff0a00198fd64efc1c2c27",
		&List{Elems: bs("a", "1", "-5", "300", "70000", "b")}, true},
	{"HSET h:lp f1 v1 f2 2", "10151500000004008266310382763103826632030201ff0a005c5ea813feec1ff5",
		&Hash{Pairs: bs("f1", "v1", "f2", "2")}, true},
	{"SADD st:int 3 1 2", "0b0e02000000030000000100020003000a00a5025ce26d6e4d1b",
		&Set{Members: bs("1", "2", "3")}, true},
	{"SADD st:ht a b c", "02030163016101620a00d51bc2f0968e69c3", &Set{Members: bs("c", "a", "b")}, true},
	{"ZADD z:lp 1 a 2.5 b -3 c", "111a1a0000000600816302dffd02816102010181620283322e3504ff0a00a68a1ab1a9f2dcc2",
		&ZSet{Members: []ZMember{{[]byte("c"), -3}, {[]byte("a"), 1}, {[]byte("b"), 2.5}}}, true},
	{"CONFIG SET zset-max-listpack-entries 1; ZADD z:sl 1 a 2.5 b",
		"0502016200000000000004400161000000000000f03f0a00f46eb73919767291",
		&ZSet{Members: []ZMember{{[]byte("b"), 2.5}, {[]byte("a"), 1}}}, false},
	{"CONFIG SET hash-max-listpack-entries 1; HSET h:ht f1 v1 f2 v2",
		"04020266320276320266310276310a008b6523ec6bc03cf6", &Hash{Pairs: bs("f2", "v2", "f1", "v1")}, false},
	{"XADD x:s 1-1 name alice age 30; XADD x:s 1-2 name bob age 31; XADD x:s 2-0 other field; " +
		"XGROUP CREATE x:s g1 0; XREADGROUP GROUP g1 c1 COUNT 2 STREAMS x:s >",
		"130110000000000000000100000000000000014053530000001900030100010201846e616d65058361676504000102010001000185616c696365061e01050102010001010183626f62041f01050100010101dfff020101856f7468657206856669656c64060601ff0302000101000003010267310102020200000000000000010000000000000001bf064d0da20100000100000000000000010000000000000002bf064d0da20100000101026331bf064d0da20100000200000000000000010000000000000001000000000000000100000000000000020a002ecac5be088c00fd",
		&Stream{
			Entries: []StreamEntry{
				{StreamID{1, 1}, bs("name", "alice", "age", "30")},
				{StreamID{1, 2}, bs("name", "bob", "age", "31")},
				{StreamID{2, 0}, bs("other", "field")},
			},
			Length: 3, LastID: StreamID{2, 0}, FirstID: StreamID{1, 1}, EntriesAdded: 3,
			Groups: []StreamGroup{{
				Name: "g1", LastID: StreamID{1, 2}, EntriesRead: 2,
				PEL: []StreamNACK{
					{StreamID{1, 1}, 1795519481535, 1, "c1"},
					{StreamID{1, 2}, 1795519481535, 1, "c1"},
				},
				Consumers: []StreamConsumer{{"c1", 1795519481535, 1795519481535, []StreamID{{1, 1}, {1, 2}}}},
			}},
		}, false},
}

func bs(s ...string) [][]byte {
	out := make([][]byte, len(s))
	for i, x := range s {
		out[i] = []byte(x)
	}
	return out
}

func TestRedisFixtures(t *testing.T) {
	for _, f := range fixtures {
		p, err := hex.DecodeString(f.hex)
		if err != nil {
			t.Fatal(err)
		}
		if !VerifyPayload(p, false) {
			t.Errorf("%s: payload rejected", f.cmds)
			continue
		}
		d := &decoder{b: p[:len(p)-10], ver: 10}
		var got any
		func() {
			defer catch(&err)
			got = d.object(int(d.u8()), "k", 0, nil)
		}()
		if err != nil {
			t.Errorf("%s: %v", f.cmds, err)
			continue
		}
		if d.remaining() != 0 {
			t.Errorf("%s: %d bytes left over", f.cmds, d.remaining())
		}
		if !reflect.DeepEqual(got, f.want) {
			t.Errorf("%s:\n got %#v\nwant %#v", f.cmds, got, f.want)
		}
		if f.exact {
			e := &encoder{compress: true}
			e.u8(0)
			e.b[0] = e.object(got)
			if out := sealPayload(e.b); !bytes.Equal(out, p) {
				t.Errorf("%s: re-encoded\n got %x\nwant %x", f.cmds, out, p)
			}
		}
	}
}

// A listpack-encoded set (type 20, written by Redis 7.2 for SADD k x y).
func TestSetListpackV11(t *testing.T) {
	p, _ := hex.DecodeString("140d0d000000020081780281790" + "2ff0a00754fe6182a677e03")
	v, err := Restore(p, nil, "k", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := describeValue(v); got != `set/listpack ["x" "y"]` {
		t.Fatal(got)
	}
}
