// Package testserver starts real servers for tests: an in-process modhost
// on a free loopback port, and Debian's redis-server when it is installed.
package testserver

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"modhost/app"
	"modhost/resp"
)

// FreePort returns a loopback port nobody listens on right now.
func FreePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// Modhost is an in-process modhost.
type Modhost struct {
	Addr string
	In   *app.Instance
}

// StartModhost starts modhost with redis-server style extra arguments
// (e.g. "--loadmodule", path) and stops it when the test ends.
func StartModhost(t testing.TB, args ...string) *Modhost {
	t.Helper()
	port := FreePort(t)
	all := append([]string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--loglevel", "warning"}, args...)
	in, _, err := app.New(all, io.Discard, os.Stderr)
	if err != nil {
		t.Fatalf("modhost did not start: %v", err)
	}
	in.Srv.NoSignals = true
	go in.Srv.Serve()
	t.Cleanup(in.Srv.Close)
	addr := "127.0.0.1:" + strconv.Itoa(port)
	waitListening(t, addr)
	return &Modhost{Addr: addr, In: in}
}

// RequireInterop reports whether a missing interop dependency must fail
// the test instead of skipping it (CI sets MODHOST_REQUIRE_INTEROP=1).
func RequireInterop() bool { return os.Getenv("MODHOST_REQUIRE_INTEROP") == "1" }

// SkipOrFail skips the test, or fails it when interop is required.
func SkipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	if RequireInterop() {
		t.Fatalf("MODHOST_REQUIRE_INTEROP=1 but "+format, args...)
	}
	t.Skipf(format, args...)
}

// Redis is a real redis-server child process.
type Redis struct {
	Addr string
	Port int
	Dir  string
	cmd  *exec.Cmd
}

// StartRedis starts Debian's redis-server on a free port with extra
// arguments, or skips (fails in CI) when it is not installed.
func StartRedis(t testing.TB, args ...string) *Redis {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		SkipOrFail(t, "redis-server is not installed (make deps installs it)")
	}
	port := FreePort(t)
	dir := t.TempDir()
	all := append([]string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "",
		"--appendonly", "no", "--dir", dir, "--daemonize", "no", "--logfile", ""}, args...)
	cmd, addr := startProcess(t, bin, port, all...)
	return &Redis{Addr: addr, Port: port, Dir: dir, cmd: cmd}
}

// StartModhostProcess runs a modhost binary (bin/modhost) as a child
// process on a free port, for tests that must not share the test binary's
// heap, and stops it when the test ends.
func StartModhostProcess(t testing.TB, bin string, args ...string) *Modhost {
	t.Helper()
	port := FreePort(t)
	all := append([]string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--dir", t.TempDir()}, args...)
	_, addr := startProcess(t, bin, port, all...)
	return &Modhost{Addr: addr}
}

// startProcess starts bin with args (which name port), kills it when the
// test ends and waits until it listens.
func startProcess(t testing.TB, bin string, port int, args ...string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdout = io.Discard
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	addr := "127.0.0.1:" + strconv.Itoa(port)
	waitListening(t, addr)
	return cmd, addr
}

func waitListening(t testing.TB, addr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("nothing listening on %s", addr)
}

// Conn is a raw RESP connection that returns replies as raw bytes, so
// tests can compare servers byte for byte.
type Conn struct {
	c  net.Conn
	rd *bufio.Reader
}

// Dial opens a raw connection.
func Dial(t testing.TB, addr string) *Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &Conn{c: c, rd: bufio.NewReader(c)}
}

// Send writes one command without reading the reply.
func (c *Conn) Send(args ...string) error {
	w := resp.New(2)
	w.Array(len(args))
	for _, a := range args {
		w.BulkString(a)
	}
	_, err := c.c.Write(w.Buf)
	return err
}

// Read reads one raw reply, waiting at most d.
func (c *Conn) Read(d time.Duration) ([]byte, error) {
	_ = c.c.SetReadDeadline(time.Now().Add(d))
	return resp.ReadRaw(c.rd)
}

// Do sends a command and returns the raw reply.
func (c *Conn) Do(args ...string) ([]byte, error) {
	if err := c.Send(args...); err != nil {
		return nil, err
	}
	return c.Read(10 * time.Second)
}

// WriteRaw writes bytes as they are (protocol tests).
func (c *Conn) WriteRaw(b []byte) error { _, err := c.c.Write(b); return err }

// Close closes the connection.
func (c *Conn) Close() error { return c.c.Close() }

// Quote renders raw RESP readably for failure messages.
func Quote(b []byte) string { return fmt.Sprintf("%q", b) }
