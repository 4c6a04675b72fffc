package rdb_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"modhost/app"
	"modhost/internal/testserver"
	"modhost/rdb"
	"modhost/resp"
)

// dataset builds one key of every type in each encoding Redis 7.0 and
// modhost have, with TTLs and several databases.
func dataset() [][]string {
	cmds := [][]string{
		{"SET", "s:int", "12345"},
		{"SET", "s:neg", "-9223372036854775808"},
		{"SET", "s:str", "hello world"},
		{"SET", "s:bin", "a\x00b\r\nc\xff"},
		{"SET", "s:long", strings.Repeat("compressible text ", 200)},
		{"SET", "s:ttl", "expiring", "PX", "3600000"},
		{"RPUSH", "l:small", "a", "1", "-5", "300", "70000", "12345678901", "b"},
		{"HSET", "h:small", "f1", "v1", "n", "42", "neg", "-1"},
		{"SADD", "st:int", "3", "1", "2", "-100000", "9223372036854775807"},
		{"SADD", "st:str", "a", "b", "c"},
		{"ZADD", "z:small", "1", "a", "2.5", "b", "-3", "c", "inf", "d", "-inf", "e", "0.1", "f"},
		{"XADD", "x:s", "1-1", "name", "alice", "age", "30"},
		{"XADD", "x:s", "1-2", "name", "bob", "age", "31"},
		{"XADD", "x:s", "2-0", "other", "field"},
		{"XADD", "x:s", "3-0", "name", "carol", "age", "32"},
		{"XDEL", "x:s", "1-2"},
		{"XGROUP", "CREATE", "x:s", "g1", "0"},
		{"XGROUP", "CREATE", "x:s", "g2", "$"},
		{"XREADGROUP", "GROUP", "g1", "c1", "COUNT", "2", "STREAMS", "x:s", ">"},
		{"XREADGROUP", "GROUP", "g1", "c2", "COUNT", "1", "STREAMS", "x:s", ">"},
		{"XADD", "x:empty", "MAXLEN", "0", "5-5", "f", "v"},
		{"SELECT", "2"},
		{"SET", "db2:key", "in db 2"},
		{"SELECT", "0"},
	}
	long := []string{"RPUSH", "l:big"}
	hash := []string{"HSET", "h:big"}
	set := []string{"SADD", "st:big"}
	zset := []string{"ZADD", "z:big"}
	for i := 0; i < 2000; i++ {
		long = append(long, fmt.Sprintf("element-%d-%s", i, strings.Repeat("x", i%70)))
		hash = append(hash, "field"+strconv.Itoa(i), strings.Repeat("v", i%100))
		set = append(set, "member"+strconv.Itoa(i))
		zset = append(zset, strconv.FormatFloat(float64(i)/7, 'g', -1, 64), "m"+strconv.Itoa(i))
	}
	cmds = append(cmds, long, hash, set, zset)
	for i := 0; i < 300; i++ {
		cmds = append(cmds, []string{"XADD", "x:big", "*", "i", strconv.Itoa(i), "pad", strings.Repeat("p", i)})
	}
	return cmds
}

// reads returns the commands that show a key's full content.
func reads(key, typ string) [][]string {
	switch typ {
	case "string":
		return [][]string{{"GET", key}}
	case "list":
		return [][]string{{"LRANGE", key, "0", "-1"}}
	case "hash":
		return [][]string{{"HGETALL", key}}
	case "set":
		return [][]string{{"SMEMBERS", key}}
	case "zset":
		return [][]string{{"ZRANGE", key, "0", "-1", "WITHSCORES"}}
	case "stream":
		return [][]string{{"XRANGE", key, "-", "+"}, {"XLEN", key}, {"XINFO", "GROUPS", key},
			{"XPENDING", key, "g1"}, {"XINFO", "STREAM", key}}
	}
	return nil
}

// canonical renders a reply with unordered collections sorted.
func canonical(raw []byte, unordered bool) string {
	v, _, err := resp.Parse(raw)
	if err != nil {
		return string(raw)
	}
	return render(v, unordered)
}

func render(v resp.Value, unordered bool) string {
	switch {
	case v.Null:
		return "(nil)"
	case v.Elems != nil || v.Type == '*':
		var parts []string
		if unordered && len(v.Elems)%2 == 0 && v.Type == '*' {
			// Pairs (HGETALL) sort as pairs; sets sort element-wise below.
		}
		for _, e := range v.Elems {
			parts = append(parts, render(e, false))
		}
		if unordered {
			sort.Strings(parts)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case v.Type == ':':
		return strconv.FormatInt(v.Int, 10)
	}
	return fmt.Sprintf("%c%q", v.Type, v.Str)
}

func do(t *testing.T, c *testserver.Conn, args ...string) []byte {
	t.Helper()
	r, err := c.Do(args...)
	if err != nil {
		t.Fatalf("%q: %v", args, err)
	}
	return r
}

// startModhost starts an in-process modhost with persistence wired in.
func startModhost(t *testing.T, args ...string) string {
	t.Helper()
	// --dir makes the config layer chdir, as Redis does; put it back.
	if wd, err := os.Getwd(); err == nil {
		t.Cleanup(func() { os.Chdir(wd) })
	}
	port := testserver.FreePort(t)
	all := append([]string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--loglevel", "warning"}, args...)
	in, _, err := app.New(all, io.Discard, os.Stderr)
	if err != nil {
		t.Fatalf("modhost did not start: %v", err)
	}
	if err := in.StartPersistence(app.PersistenceFromArgs(all), nil); err != nil {
		in.Srv.Close()
		t.Fatalf("loading: %v", err)
	}
	in.Srv.NoSignals = true
	go in.Srv.Serve()
	t.Cleanup(in.Srv.Close)
	addr := "127.0.0.1:" + strconv.Itoa(port)
	testserver.Dial(t, addr) // waits until it accepts
	return addr
}

// compareAll demands that both servers hold the same keys with the same
// content, db by db.
func compareAll(t *testing.T, a, b *testserver.Conn, what string) {
	t.Helper()
	for db := 0; db < 3; db++ {
		do(t, a, "SELECT", strconv.Itoa(db))
		do(t, b, "SELECT", strconv.Itoa(db))
		ka, kb := canonical(do(t, a, "KEYS", "*"), true), canonical(do(t, b, "KEYS", "*"), true)
		if ka != kb {
			t.Fatalf("%s db %d keys differ:\n%s\n%s", what, db, ka, kb)
		}
		v, _, _ := resp.Parse(do(t, a, "KEYS", "*"))
		for _, k := range v.Elems {
			key := string(k.Str)
			typ := strings.TrimPrefix(string(do(t, a, "TYPE", key)), "+")
			typ = strings.TrimSpace(typ)
			if tb := strings.TrimSpace(strings.TrimPrefix(string(do(t, b, "TYPE", key)), "+")); tb != typ {
				t.Errorf("%s %s: type %s vs %s", what, key, typ, tb)
				continue
			}
			for _, r := range reads(key, typ) {
				unordered := typ == "set" || (typ == "hash" && r[0] == "HGETALL")
				ra, rb := do(t, a, r...), do(t, b, r...)
				if typ == "hash" {
					ra, rb = pairs(ra), pairs(rb)
				}
				if x, y := canonical(ra, unordered), canonical(rb, unordered); x != y {
					t.Errorf("%s %q: %q\n  first:  %.400s\n  second: %.400s", what, key, r, x, y)
				}
			}
			ta, tb := pttlSet(t, a, key), pttlSet(t, b, key)
			if ta != tb {
				t.Errorf("%s %s: TTL presence differs", what, key)
			}
		}
	}
	do(t, a, "SELECT", "0")
	do(t, b, "SELECT", "0")
}

// pairs re-encodes an HGETALL reply as an array of "field=value" strings
// so that sorting keeps pairs together.
func pairs(raw []byte) []byte {
	v, _, err := resp.Parse(raw)
	if err != nil {
		return raw
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "*%d\r\n", len(v.Elems)/2)
	for i := 0; i+1 < len(v.Elems); i += 2 {
		s := string(v.Elems[i].Str) + "=" + string(v.Elems[i+1].Str)
		fmt.Fprintf(&b, "$%d\r\n%s\r\n", len(s), s)
	}
	return b.Bytes()
}

func pttlSet(t *testing.T, c *testserver.Conn, key string) bool {
	v, _, _ := resp.Parse(do(t, c, "PTTL", key))
	return v.Int > 0
}

func requireTool(t *testing.T, name string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		testserver.SkipOrFail(t, "%s is not installed (make deps installs it)", name)
	}
	return p
}

func checkRDB(t *testing.T, path string) {
	t.Helper()
	out, err := exec.Command(requireTool(t, "redis-check-rdb"), path).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("RDB looks OK!")) {
		t.Fatalf("redis-check-rdb rejects %s: %v\n%s", path, err, out)
	}
}

func populate(t *testing.T, c *testserver.Conn) {
	for _, cmd := range dataset() {
		if r := do(t, c, cmd...); len(r) > 0 && r[0] == '-' {
			t.Fatalf("%q: %s", cmd[:min(len(cmd), 4)], r)
		}
	}
}

// TestInteropModhostFileLoadsInRedis: a dataset of every type written by
// modhost passes redis-check-rdb and loads in real redis-server with the
// same content.
func TestInteropModhostFileLoadsInRedis(t *testing.T) {
	requireTool(t, "redis-server")
	dir := t.TempDir()
	maddr := startModhost(t, "--dir", dir, "--save", "")
	m := testserver.Dial(t, maddr)
	populate(t, m)
	if r := do(t, m, "SAVE"); string(r) != "+OK\r\n" {
		t.Fatalf("SAVE: %q", r)
	}
	path := filepath.Join(dir, "dump.rdb")
	checkRDB(t, path)
	red := testserver.StartRedis(t, "--dir", dir, "--dbfilename", "dump.rdb")
	r := testserver.Dial(t, red.Addr)
	compareAll(t, m, r, "modhost->redis")

	// The same through BGSAVE, with compression off.
	do(t, m, "CONFIG", "SET", "rdbcompression", "no")
	os.Remove(path)
	if r := do(t, m, "BGSAVE"); string(r) != "+Background saving started\r\n" {
		t.Fatalf("BGSAVE: %q", r)
	}
	for i := 0; ; i++ {
		info := string(do(t, m, "INFO", "persistence"))
		if strings.Contains(info, "rdb_bgsave_in_progress:0") {
			if !strings.Contains(info, "rdb_last_bgsave_status:ok") {
				t.Fatalf("BGSAVE failed: %s", info)
			}
			break
		}
		if i > 500 {
			t.Fatal("BGSAVE never finished")
		}
		time.Sleep(10 * time.Millisecond)
	}
	checkRDB(t, path)
	red2 := testserver.StartRedis(t, "--dir", dir, "--dbfilename", "dump.rdb")
	compareAll(t, m, testserver.Dial(t, red2.Addr), "modhost BGSAVE->redis")
}

// TestInteropRedisFileLoadsInModhost: a file saved by real redis-server
// loads in modhost with the same content.
func TestInteropRedisFileLoadsInModhost(t *testing.T) {
	red := testserver.StartRedis(t)
	r := testserver.Dial(t, red.Addr)
	populate(t, r)
	if x := do(t, r, "SAVE"); string(x) != "+OK\r\n" {
		t.Fatalf("SAVE: %q", x)
	}
	maddr := startModhost(t, "--dir", red.Dir, "--dbfilename", "dump.rdb", "--save", "")
	m := testserver.Dial(t, maddr)
	compareAll(t, r, m, "redis->modhost")
}

// TestInteropDumpRestore moves every key both ways with DUMP/RESTORE.
func TestInteropDumpRestore(t *testing.T) {
	red := testserver.StartRedis(t)
	r := testserver.Dial(t, red.Addr)
	m := testserver.Dial(t, startModhost(t, "--dir", t.TempDir(), "--save", ""))
	populate(t, r)
	populate(t, m)
	v, _, _ := resp.Parse(do(t, r, "KEYS", "*"))
	for _, k := range v.Elems {
		key := string(k.Str)
		for _, dir := range []struct {
			from, to *testserver.Conn
			name     string
		}{{r, m, "redis->modhost"}, {m, r, "modhost->redis"}} {
			p, _, _ := resp.Parse(do(t, dir.from, "DUMP", key))
			do(t, dir.to, "DEL", key)
			if x := do(t, dir.to, "RESTORE", key, "0", string(p.Str)); string(x) != "+OK\r\n" {
				t.Errorf("%s RESTORE %s: %q", dir.name, key, x)
			}
		}
	}
	compareAll(t, r, m, "dump/restore")
}

// TestInteropLegacyEncodings: a version-9 file with ziplists, zipmap,
// quicklist v1, textual scores and a v1 stream (built by LegacyFile) is
// accepted by redis-check-rdb, and real Redis and modhost load it to the
// same content.
func TestInteropLegacyEncodings(t *testing.T) {
	requireTool(t, "redis-server")
	dir := t.TempDir()
	path := filepath.Join(dir, "dump.rdb")
	if err := os.WriteFile(path, rdb.LegacyFile(), 0644); err != nil {
		t.Fatal(err)
	}
	checkRDB(t, path)
	red := testserver.StartRedis(t, "--dir", dir, "--dbfilename", "dump.rdb")
	m := testserver.Dial(t, startModhost(t, "--dir", dir, "--dbfilename", "dump.rdb", "--save", ""))
	r := testserver.Dial(t, red.Addr)
	if n := canonical(do(t, r, "DBSIZE"), false); n != "12" {
		t.Fatalf("redis loaded %s keys", n)
	}
	compareAll(t, r, m, "legacy")
}

// TestInteropFunctionsRoundTrip: function libraries in a Redis file
// survive a load and save by modhost (which keeps their code verbatim).
func TestInteropFunctionsRoundTrip(t *testing.T) {
	red := testserver.StartRedis(t)
	r := testserver.Dial(t, red.Addr)
	code := "#!lua name=mylib\nredis.register_function('myfunc', function(keys, args) return 42 end)"
	if x := do(t, r, "FUNCTION", "LOAD", code); string(x) != "$5\r\nmylib\r\n" {
		t.Fatalf("FUNCTION LOAD: %q", x)
	}
	do(t, r, "SET", "k", "v")
	do(t, r, "SAVE")
	m := testserver.Dial(t, startModhost(t, "--dir", red.Dir, "--dbfilename", "dump.rdb", "--save", ""))
	os.Remove(filepath.Join(red.Dir, "dump.rdb"))
	if x := do(t, m, "SAVE"); string(x) != "+OK\r\n" {
		t.Fatalf("SAVE: %q", x)
	}
	checkRDB(t, filepath.Join(red.Dir, "dump.rdb"))
	red2 := testserver.StartRedis(t, "--dir", red.Dir, "--dbfilename", "dump.rdb")
	r2 := testserver.Dial(t, red2.Addr)
	if x := do(t, r2, "FCALL", "myfunc", "0"); string(x) != ":42\r\n" {
		t.Fatalf("FCALL after the round trip: %q", x)
	}
	if x := do(t, r2, "GET", "k"); string(x) != "$1\r\nv\r\n" {
		t.Fatalf("GET: %q", x)
	}
}

// TestInteropModuleType: values of a module data type (cmodules/mhkeys,
// built by `make modules`) move between modhost and real Redis through
// RDB files and DUMP/RESTORE, both ways.
func TestInteropModuleType(t *testing.T) {
	so, err := filepath.Abs("../bin/modules/mhkeys.so")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(so); err != nil {
		testserver.SkipOrFail(t, "%s is not built (make modules)", so)
	}
	dir := t.TempDir()
	m := testserver.Dial(t, startModhost(t, "--dir", dir, "--save", "", "--loadmodule", so))
	for _, v := range []string{"1", "-2", "9223372036854775807"} {
		do(t, m, "MK.TPUSH", "ml", v)
	}
	want := string(do(t, m, "MK.TRANGE", "ml"))
	if x := do(t, m, "SAVE"); string(x) != "+OK\r\n" {
		t.Fatalf("SAVE: %q", x)
	}
	checkRDB(t, filepath.Join(dir, "dump.rdb"))
	red := testserver.StartRedis(t, "--dir", dir, "--dbfilename", "dump.rdb", "--loadmodule", so)
	r := testserver.Dial(t, red.Addr)
	if got := string(do(t, r, "MK.TRANGE", "ml")); got != want {
		t.Fatalf("redis after loading modhost's file: %q want %q", got, want)
	}
	// DUMP from each, RESTORE into the other.
	p, _, _ := resp.Parse(do(t, r, "DUMP", "ml"))
	if x := do(t, m, "RESTORE", "fromredis", "0", string(p.Str)); string(x) != "+OK\r\n" {
		t.Fatalf("RESTORE in modhost: %q", x)
	}
	if got := string(do(t, m, "MK.TRANGE", "fromredis")); got != want {
		t.Fatalf("restored in modhost: %q", got)
	}
	p, _, _ = resp.Parse(do(t, m, "DUMP", "ml"))
	if x := do(t, r, "RESTORE", "frommodhost", "0", string(p.Str)); string(x) != "+OK\r\n" {
		t.Fatalf("RESTORE in redis: %q", x)
	}
	if got := string(do(t, r, "MK.TRANGE", "frommodhost")); got != want {
		t.Fatalf("restored in redis: %q", got)
	}
	// Redis's file back into a fresh modhost.
	do(t, r, "SAVE")
	m2 := testserver.Dial(t, startModhost(t, "--dir", dir, "--dbfilename", "dump.rdb", "--save", "", "--loadmodule", so))
	for _, k := range []string{"ml", "frommodhost"} {
		if got := string(do(t, m2, "MK.TRANGE", k)); got != want {
			t.Errorf("modhost after loading redis's file, %s: %q", k, got)
		}
	}
}
