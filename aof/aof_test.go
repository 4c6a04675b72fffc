package aof_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"modhost/aof"
	"modhost/commands"
	"modhost/engine"
)

func TestManifestRoundTrip(t *testing.T) {
	text := "file appendonly.aof.3.base.rdb seq 3 type b\nfile appendonly.aof.2.incr.aof seq 2 type h\nfile appendonly.aof.3.incr.aof seq 3 type i\nfile appendonly.aof.4.incr.aof seq 4 type i\n"
	m, err := aof.ParseManifest([]byte("# comment\n" + text))
	if err != nil {
		t.Fatal(err)
	}
	if m.Base == nil || m.Base.Seq != 3 || len(m.History) != 1 || len(m.Incr) != 2 || m.IncrSeq != 4 {
		t.Fatalf("parsed %+v", m)
	}
	if got := string(m.Encode()); got != text {
		t.Fatalf("encoded:\n%s\nwant:\n%s", got, text)
	}
	for _, bad := range []string{
		"file a seq 1\n",
		"file a seq x type i\n",
		"file a seq 1 type z\n",
		"file a seq 2 type i\nfile b seq 1 type i\n",
		"file a seq 1 type b\nfile b seq 2 type b\n",
	} {
		if _, err := aof.ParseManifest([]byte(bad)); err == nil {
			t.Errorf("manifest %q accepted", bad)
		}
	}
}

// newAOF builds an engine with the core commands and an AOF in dir whose
// log lines are collected.
func newAOF(t *testing.T, dir string, truncated bool) (*engine.Server, *aof.AOF, *[]string) {
	eng := engine.New(16)
	eng.Commands = engine.NewTable()
	commands.Register(eng.Commands)
	var logs []string
	a := aof.New(eng, aof.Config{
		Dir:           func() string { return dir },
		DirName:       func() string { return "appendonlydir" },
		FileName:      func() string { return "appendonly.aof" },
		Fsync:         func() string { return "always" },
		LoadTruncated: func() bool { return truncated },
		Logf: func(_ bool, format string, args ...any) {
			logs = append(logs, fmt.Sprintf(format, args...))
		},
	})
	return eng, a, &logs
}

func writeIncr(t *testing.T, dir, body string) {
	t.Helper()
	ad := filepath.Join(dir, "appendonlydir")
	if err := os.MkdirAll(ad, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(ad, "appendonly.aof.manifest"), []byte("file appendonly.aof.1.incr.aof seq 1 type i\n"), 0o644)
	os.WriteFile(filepath.Join(ad, "appendonly.aof.1.incr.aof"), []byte(body), 0o644)
}

func hasLog(logs []string, s string) bool {
	for _, l := range logs {
		if l == s {
			return true
		}
	}
	return false
}

const setA = "*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n"

func TestLoadRefusesCorruptFiles(t *testing.T) {
	cases := []struct{ body, log string }{
		{setA + "garbage\r\n", "Bad file format reading the append only file appendonly.aof.1.incr.aof: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>"},
		{setA + "*2\r\n$4\r\nNOPE\r\n$1\r\nx\r\n", "Unknown command 'NOPE' reading the append only file appendonly.aof.1.incr.aof"},
		{setA + "*0\r\n", "Bad file format reading the append only file appendonly.aof.1.incr.aof: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>"},
	}
	for _, c := range cases {
		dir := t.TempDir()
		writeIncr(t, dir, c.body)
		eng, a, logs := newAOF(t, dir, true)
		eng.Lock.Lock()
		err := a.Load()
		eng.Lock.Unlock()
		if err != aof.ErrFailed || !hasLog(*logs, c.log) {
			t.Errorf("%q: err %v, logs %q", c.body, err, *logs)
		}
	}
}

// An unfinished MULTI at the end is reverted as a short read: with
// aof-load-truncated yes the file is cut before the MULTI.
func TestLoadRevertsIncompleteMulti(t *testing.T) {
	dir := t.TempDir()
	multi := "*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n"
	writeIncr(t, dir, setA+multi)
	eng, a, logs := newAOF(t, dir, true)
	eng.Lock.Lock()
	err := a.Load()
	eng.Lock.Unlock()
	if err != nil {
		t.Fatalf("load: %v %q", err, *logs)
	}
	if !hasLog(*logs, "Revert incomplete MULTI/EXEC transaction in AOF file appendonly.aof.1.incr.aof") {
		t.Fatalf("logs %q", *logs)
	}
	if eng.KS.DBs[0].Peek("a") == nil || eng.KS.DBs[0].Peek("b") != nil {
		t.Fatal("want a loaded and b dropped")
	}
	b, _ := os.ReadFile(filepath.Join(dir, "appendonlydir", "appendonly.aof.1.incr.aof"))
	if string(b) != setA {
		t.Fatalf("file not truncated before MULTI: %q", b)
	}
}

// Start creates the layout, Feed writes SELECT only when the db changes,
// and several commands of one unit are wrapped in MULTI/EXEC.
func TestFeedWritesUnits(t *testing.T) {
	dir := t.TempDir()
	eng, a, _ := newAOF(t, dir, true)
	eng.Lock.Lock()
	defer eng.Lock.Unlock()
	if err := a.Load(); err != aof.ErrNotExist {
		t.Fatalf("load of nothing: %v", err)
	}
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	c := eng.NewClient(nil)
	eng.Exec(c, [][]byte{[]byte("SET"), []byte("x"), []byte("1")})
	eng.Exec(c, [][]byte{[]byte("GET"), []byte("x")})
	eng.Exec(c, [][]byte{[]byte("MULTI")})
	eng.Exec(c, [][]byte{[]byte("INCR"), []byte("x")})
	eng.Exec(c, [][]byte{[]byte("SELECT"), []byte("2")})
	eng.Exec(c, [][]byte{[]byte("SET"), []byte("y"), []byte("2")})
	eng.Exec(c, [][]byte{[]byte("EXEC")})
	b, err := os.ReadFile(filepath.Join(dir, "appendonlydir", "appendonly.aof.1.incr.aof"))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(string(b), "\r\n", " ")
	want := "*2 $6 SELECT $1 0 *3 $3 SET $1 x $1 1 *1 $5 MULTI *2 $4 INCR $1 x *2 $6 SELECT $1 2 *3 $3 SET $1 y $1 2 *1 $4 EXEC "
	if got != want {
		t.Fatalf("incr file:\n%s\nwant:\n%s", got, want)
	}
}

// A blocked BLPOP served when another client pushes is written after the
// push, as the LPOP Redis propagates for it, so a replay pops the same
// element.
func TestFeedServedBlockedCommand(t *testing.T) {
	dir := t.TempDir()
	eng, a, _ := newAOF(t, dir, true)
	eng.Lock.Lock()
	defer eng.Lock.Unlock()
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	c1, c2 := eng.NewClient(nil), eng.NewClient(nil)
	eng.Exec(c1, [][]byte{[]byte("BLPOP"), []byte("q"), []byte("0")})
	if c1.Blocked == nil {
		t.Fatal("BLPOP did not block")
	}
	eng.Exec(c2, [][]byte{[]byte("RPUSH"), []byte("q"), []byte("a"), []byte("b")})
	b, err := os.ReadFile(filepath.Join(dir, "appendonlydir", "appendonly.aof.1.incr.aof"))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(string(b), "\r\n", " ")
	want := "*2 $6 SELECT $1 0 *4 $5 RPUSH $1 q $1 a $1 b *2 $4 LPOP $1 q "
	if got != want {
		t.Fatalf("incr file:\n%s\nwant:\n%s", got, want)
	}
}

// With aof-use-rdb-preamble no the base holds commands; loading it back
// rebuilds every type and expiry.
func TestCommandBaseRoundTrip(t *testing.T) {
	dir := t.TempDir()
	eng, a, _ := newAOF(t, dir, true)
	c := eng.NewClient(nil)
	eng.Lock.Lock()
	for _, cmd := range []string{
		"SET s hello", "PEXPIREAT s 4102444800000", "RPUSH l a b c", "SADD st x y", "HSET h f1 v1 f2 v2",
		"ZADD z 1.5 m1 -2 m2", "SELECT 5", "SET other 1",
	} {
		var args [][]byte
		for _, f := range strings.Fields(cmd) {
			args = append(args, []byte(f))
		}
		eng.Exec(c, args)
	}
	eng.Lock.Unlock()
	a = aof.New(eng, aof.Config{
		Dir: func() string { return dir }, DirName: func() string { return "appendonlydir" },
		FileName: func() string { return "appendonly.aof" }, Fsync: func() string { return "no" },
		UseRDBPreamble: func() bool { return false },
	})
	eng.Lock.Lock()
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	m := a.Manifest()
	eng.Lock.Unlock()
	if m.Base == nil || m.Base.Name != "appendonly.aof.1.base.aof" {
		t.Fatalf("manifest %+v", m)
	}
	eng2, a2, logs := newAOF(t, dir, false)
	eng2.Lock.Lock()
	defer eng2.Lock.Unlock()
	if err := a2.Load(); err != nil {
		t.Fatalf("load: %v %q", err, *logs)
	}
	c2 := eng2.NewClient(nil)
	for cmd, want := range map[string]string{
		"GET s": "$5\r\nhello\r\n", "PEXPIRETIME s": ":4102444800000\r\n", "LRANGE l 0 -1": "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n",
		"SCARD st": ":2\r\n", "HGET h f2": "$2\r\nv2\r\n", "ZSCORE z m1": "$3\r\n1.5\r\n", "ZSCORE z m2": "$2\r\n-2\r\n",
	} {
		var args [][]byte
		for _, f := range strings.Fields(cmd) {
			args = append(args, []byte(f))
		}
		c2.W.Reset()
		eng2.Exec(c2, args)
		if string(c2.W.Buf) != want {
			t.Errorf("%s = %q, want %q", cmd, c2.W.Buf, want)
		}
	}
	if eng2.KS.DBs[5].Peek("other") == nil {
		t.Error("db 5 key missing")
	}
}

// Relative expiries are written as absolute times.
func TestFeedAbsoluteExpiries(t *testing.T) {
	dir := t.TempDir()
	eng, a, _ := newAOF(t, dir, true)
	eng.Lock.Lock()
	defer eng.Lock.Unlock()
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	c := eng.NewClient(nil)
	run := func(s string) {
		var args [][]byte
		for _, f := range strings.Fields(s) {
			args = append(args, []byte(f))
		}
		eng.Exec(c, args)
	}
	run("SET a 1 EX 100")
	run("EXPIRE a 200")
	run("SETEX b 50 v")
	run("SET c 1")
	run("EXPIREAT c 4102444800")
	b, err := os.ReadFile(filepath.Join(dir, "appendonlydir", "appendonly.aof.1.incr.aof"))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(string(b), "\r\n", " ")
	for _, want := range []string{"$4 PXAT $13 ", "$9 PEXPIREAT $1 a $13 ", "$3 SET $1 b $1 v $4 PXAT $13 ", "$9 PEXPIREAT $1 c $13 4102444800000 "} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in %q", want, got)
		}
	}
	if strings.Contains(strings.ToUpper(got), " EXPIRE ") || strings.Contains(strings.ToUpper(got), "SETEX") {
		t.Errorf("relative expiry written: %q", got)
	}
}
