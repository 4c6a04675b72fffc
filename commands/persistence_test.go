package commands_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"modhost/app"
	"modhost/internal/testserver"
	"modhost/resp"
)

// persistServer is an in-process modhost with RDB persistence wired in
// the way Main does it.
type persistServer struct {
	in   *app.Instance
	addr string
	c    *testserver.Conn
}

func startPersist(t *testing.T, dir string, extra ...string) (*persistServer, error) {
	t.Helper()
	if wd, err := os.Getwd(); err == nil {
		t.Cleanup(func() { os.Chdir(wd) })
	}
	port := testserver.FreePort(t)
	args := append([]string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--loglevel", "warning",
		"--dir", dir}, extra...)
	in, _, err := app.New(args, io.Discard, io.Discard)
	if err != nil {
		t.Fatalf("modhost did not start: %v", err)
	}
	if err := in.StartPersistence(app.PersistenceFromConfig(in.Cfg), nil); err != nil {
		in.Srv.Close()
		return nil, err
	}
	in.Srv.NoSignals = true
	go in.Srv.Serve()
	t.Cleanup(in.Srv.Close)
	addr := "127.0.0.1:" + strconv.Itoa(port)
	return &persistServer{in: in, addr: addr, c: testserver.Dial(t, addr)}, nil
}

func (p *persistServer) do(t *testing.T, args ...string) string {
	t.Helper()
	r, err := p.c.Do(args...)
	if err != nil {
		t.Fatalf("%q: %v", args, err)
	}
	return string(r)
}

func infoField(t *testing.T, p *persistServer, name string) string {
	t.Helper()
	v, _, _ := resp.Parse([]byte(p.do(t, "INFO", "persistence")))
	for _, line := range strings.Split(string(v.Str), "\r\n") {
		if k, val, ok := strings.Cut(line, ":"); ok && k == name {
			return val
		}
	}
	t.Fatalf("INFO persistence has no %s:\n%s", name, v.Str)
	return ""
}

func TestSaveAndReloadAtStart(t *testing.T) {
	dir := t.TempDir()
	p, err := startPersist(t, dir, "--save", "")
	if err != nil {
		t.Fatal(err)
	}
	p.do(t, "SET", "k", "v")
	p.do(t, "RPUSH", "l", "a", "b")
	p.do(t, "SET", "ttl", "x", "EX", "1000")
	if got := infoField(t, p, "rdb_changes_since_last_save"); got != "3" {
		t.Errorf("changes before save: %s", got)
	}
	before := time.Now().Unix()
	if r := p.do(t, "SAVE"); r != "+OK\r\n" {
		t.Fatalf("SAVE: %q", r)
	}
	if got := infoField(t, p, "rdb_changes_since_last_save"); got != "0" {
		t.Errorf("changes after save: %s", got)
	}
	v, _, _ := resp.Parse([]byte(p.do(t, "LASTSAVE")))
	if v.Int < before {
		t.Errorf("LASTSAVE %d < %d", v.Int, before)
	}
	if _, err := os.Stat(filepath.Join(dir, "dump.rdb")); err != nil {
		t.Fatal(err)
	}
	p.in.Srv.Close()

	q, err := startPersist(t, dir, "--save", "")
	if err != nil {
		t.Fatal(err)
	}
	if r := q.do(t, "GET", "k"); r != "$1\r\nv\r\n" {
		t.Errorf("GET k after restart: %q", r)
	}
	if r := q.do(t, "LRANGE", "l", "0", "-1"); r != "*2\r\n$1\r\na\r\n$1\r\nb\r\n" {
		t.Errorf("LRANGE after restart: %q", r)
	}
	if r := q.do(t, "TTL", "ttl"); r == ":-1\r\n" || r == ":-2\r\n" {
		t.Errorf("TTL lost: %q", r)
	}
	if got := infoField(t, q, "rdb_last_load_keys_loaded"); got != "3" {
		t.Errorf("rdb_last_load_keys_loaded %s", got)
	}
}

func TestCorruptFileStopsStart(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "dump.rdb"), []byte("REDIS0010\xfe"), 0644)
	if _, err := startPersist(t, dir, "--save", ""); err == nil || err.Error() != "Unexpected EOF reading RDB file" {
		t.Fatalf("truncated file: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "dump.rdb"), []byte("NOTREDIS!"), 0644)
	if _, err := startPersist(t, dir, "--save", ""); err == nil || err.Error() != "Wrong signature trying to load DB from file" {
		t.Fatalf("bad signature: %v", err)
	}
}

func TestBgsave(t *testing.T) {
	dir := t.TempDir()
	p, err := startPersist(t, dir, "--save", "")
	if err != nil {
		t.Fatal(err)
	}
	p.do(t, "SET", "k", "v")
	if r := p.do(t, "BGSAVE", "SCHEDULE", "x"); r != "-ERR syntax error\r\n" {
		t.Errorf("BGSAVE SCHEDULE x: %q", r)
	}
	if r := p.do(t, "BGSAVE"); r != "+Background saving started\r\n" {
		t.Fatalf("BGSAVE: %q", r)
	}
	waitBgsave(t, p)
	if got := infoField(t, p, "rdb_last_bgsave_status"); got != "ok" {
		t.Errorf("status %s", got)
	}
	// Inside a transaction BGSAVE is only scheduled; cron runs it.
	os.Remove(filepath.Join(dir, "dump.rdb"))
	p.do(t, "MULTI")
	p.do(t, "BGSAVE")
	if r := p.do(t, "EXEC"); r != "*1\r\n+Background saving scheduled\r\n" {
		t.Fatalf("EXEC: %q", r)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(dir, "dump.rdb")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("scheduled BGSAVE never ran")
		}
		time.Sleep(20 * time.Millisecond)
	}
	waitBgsave(t, p)
	if r := p.do(t, "SAVE", "x"); r != "-ERR wrong number of arguments for 'save' command\r\n" {
		t.Errorf("SAVE x: %q", r)
	}
	p.do(t, "MULTI")
	if r := p.do(t, "SAVE"); r != "-ERR Command not allowed inside a transaction\r\n" {
		t.Errorf("SAVE in MULTI: %q", r)
	}
	p.do(t, "DISCARD")
}

func waitBgsave(t *testing.T, p *persistServer) {
	t.Helper()
	for i := 0; infoField(t, p, "rdb_bgsave_in_progress") != "0"; i++ {
		if i > 500 {
			t.Fatal("BGSAVE never finished")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSavePointsAndShutdown(t *testing.T) {
	dir := t.TempDir()
	p, err := startPersist(t, dir, "--save", "1 2")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "dump.rdb")
	p.do(t, "SET", "a", "1")
	time.Sleep(2200 * time.Millisecond)
	if _, err := os.Stat(path); err == nil {
		t.Fatal("saved after 1 change with 'save 1 2'")
	}
	p.do(t, "SET", "b", "2")
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := os.Stat(path); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("save point never fired")
		}
		time.Sleep(50 * time.Millisecond)
	}
	waitBgsave(t, p)
	if got := infoField(t, p, "rdb_changes_since_last_save"); got != "0" {
		t.Errorf("changes after the save point: %s", got)
	}

	// SHUTDOWN saves when save points exist; NOSAVE does not.
	p.do(t, "SET", "c", "3")
	p.c.Send("SHUTDOWN")
	time.Sleep(200 * time.Millisecond)
	data, _ := os.ReadFile(path)
	if !bytes.Contains(data, []byte("\x01c")) {
		t.Error("SHUTDOWN did not save the last write")
	}
}

func TestDebugReloadAndDigest(t *testing.T) {
	dir := t.TempDir()
	p, err := startPersist(t, dir, "--save", "", "--enable-debug-command", "yes")
	if err != nil {
		t.Fatal(err)
	}
	if r := p.do(t, "DEBUG", "DIGEST"); r != "+0000000000000000000000000000000000000000\r\n" {
		t.Errorf("empty digest: %q", r)
	}
	p.do(t, "SET", "a", "1")
	p.do(t, "RPUSH", "l", "x", "y")
	p.do(t, "SADD", "s", "p", "q")
	p.do(t, "ZADD", "z", "1.5", "m", "0.1", "n")
	p.do(t, "HSET", "h", "f", "v")
	p.do(t, "XADD", "x", "1-1", "a", "b")
	p.do(t, "SELECT", "3")
	p.do(t, "SET", "k", "v", "EX", "1000")
	p.do(t, "SELECT", "0")
	before := p.do(t, "DEBUG", "DIGEST")
	values := p.do(t, "DEBUG", "DIGEST-VALUE", "a", "l", "nokey")
	if r := p.do(t, "DEBUG", "RELOAD"); r != "+OK\r\n" {
		t.Fatalf("DEBUG RELOAD: %q", r)
	}
	if after := p.do(t, "DEBUG", "DIGEST"); after != before {
		t.Errorf("digest changed across DEBUG RELOAD: %q -> %q", before, after)
	}
	if v := p.do(t, "DEBUG", "DIGEST-VALUE", "a", "l", "nokey"); v != values {
		t.Errorf("DIGEST-VALUE changed: %q -> %q", values, v)
	}
	if !strings.HasPrefix(values, "*3\r\n+b4fc66738120fba0b5aa500ab5c2bf89cea1c5da\r\n+a3b14a34cfbd69f970cd30aff36fd797e07b4dbc\r\n+0000") {
		t.Errorf("DIGEST-VALUE: %q", values)
	}
	if r := p.do(t, "DEBUG", "RELOAD", "BOGUS"); r != "-ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.\r\n" {
		t.Errorf("DEBUG RELOAD BOGUS: %q", r)
	}
	if r := p.do(t, "DEBUG", "DIGEST", "x"); r != "-ERR unknown subcommand or wrong number of arguments for 'digest'. Try DEBUG HELP.\r\n" {
		t.Errorf("DEBUG DIGEST x: %q", r)
	}
	// NOSAVE reloads the file as it is: the write after the last save is gone.
	p.do(t, "SET", "late", "1")
	if r := p.do(t, "DEBUG", "RELOAD", "NOSAVE"); r != "+OK\r\n" {
		t.Fatalf("DEBUG RELOAD NOSAVE: %q", r)
	}
	if r := p.do(t, "EXISTS", "late"); r != ":0\r\n" {
		t.Errorf("late key survived NOSAVE reload: %q", r)
	}
}
