package difftest

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"modhost/internal/testserver"
)

// redisearchSO is Debian's prebuilt RediSearch 1.2.2 (package
// redis-redisearch), a real third-party module loaded unmodified.
const redisearchSO = "/usr/lib/redis/modules/redisearch.so"

// TestRediSearch plays testdata/redisearch/redisearch.txt with the same
// RediSearch .so loaded into modhost and real Redis.
func TestRediSearch(t *testing.T) {
	if _, err := os.Stat(redisearchSO); err != nil {
		testserver.SkipOrFail(t, "%s is not installed (make deps installs redis-redisearch)", redisearchSO)
	}
	RunFile(t, "testdata/redisearch/redisearch.txt", Module(redisearchSO))
}

// TestRediSearchRDBInterop saves a RediSearch index in modhost, loads the
// file into real Redis with the same .so, writes to it there, saves, and
// loads Redis's file back into modhost: module values and their aux data
// cross both ways.
func TestRediSearchRDBInterop(t *testing.T) {
	if _, err := os.Stat(redisearchSO); err != nil {
		testserver.SkipOrFail(t, "%s is not installed (make deps installs redis-redisearch)", redisearchSO)
	}
	bin, err := filepath.Abs(filepath.Join("..", "bin", "modhost"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	startModhost := func() *testserver.Conn {
		port := testserver.FreePort(t)
		cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--dir", dir,
			"--save", "", "--loadmodule", redisearchSO)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
		addr := "127.0.0.1:" + strconv.Itoa(port)
		for i := 0; i < 100; i++ {
			if c, err := net.Dial("tcp", addr); err == nil {
				c.Close()
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		return testserver.Dial(t, addr)
	}
	must := func(c *testserver.Conn, want string, args ...string) {
		t.Helper()
		got, err := c.Do(args...)
		if err != nil || string(got) != want {
			t.Fatalf("%q: got %q (%v), want %q", args, got, err, want)
		}
	}
	m := startModhost()
	must(m, "+OK\r\n", "FT.CREATE", "idx", "SCHEMA", "title", "TEXT", "price", "NUMERIC")
	must(m, "+OK\r\n", "FT.ADD", "idx", "d1", "1.0", "FIELDS", "title", "hello", "price", "5")
	must(m, "+OK\r\n", "FT.ADD", "idx", "d2", "1.0", "FIELDS", "title", "world", "price", "7")
	must(m, "+OK\r\n", "SAVE")

	r := testserver.StartRedis(t, "--dir", dir, "--loadmodule", redisearchSO)
	rc := testserver.Dial(t, r.Addr)
	must(rc, "*2\r\n:1\r\n$2\r\nd1\r\n", "FT.SEARCH", "idx", "hello", "NOCONTENT")
	must(rc, "*2\r\n:1\r\n$2\r\nd2\r\n", "FT.SEARCH", "idx", "@price:[6 8]", "NOCONTENT")
	must(rc, "+OK\r\n", "FT.ADD", "idx", "d3", "1.0", "FIELDS", "title", "hello", "price", "9")
	must(rc, "+OK\r\n", "SAVE")

	m2 := startModhost()
	must(m2, "*3\r\n:2\r\n$2\r\nd3\r\n$2\r\nd1\r\n", "FT.SEARCH", "idx", "hello", "NOCONTENT")
	must(m2, "*2\r\n:1\r\n$2\r\nd3\r\n", "FT.SEARCH", "idx", "@price:[8 10]", "NOCONTENT")
}
