package config

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// redisServerPath returns the real redis-server, skipping the test when it
// is absent unless MODHOST_REQUIRE_INTEROP=1.
func redisServerPath(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("MODHOST_REQUIRE_INTEROP") == "1" {
			t.Fatal("redis-server not found and MODHOST_REQUIRE_INTEROP=1")
		}
		t.Skip("redis-server not installed")
	}
	return p
}

type redisConn struct {
	c net.Conn
	r *bufio.Reader
}

// startRedis runs a real redis-server on a free loopback port with extra
// arguments and returns a connection to it.
func startRedis(t *testing.T, extra ...string) *redisConn {
	t.Helper()
	path := redisServerPath(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	args := append([]string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--dir", t.TempDir()}, extra...)
	cmd := exec.Command(path, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	var c net.Conn
	for i := 0; i < 100; i++ {
		if c, err = net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &redisConn{c, bufio.NewReader(c)}
}

// reply is a decoded RESP2 reply: Str for simple/bulk/error, Err set for
// errors, Arr for arrays.
type reply struct {
	Str string
	Err bool
	Arr []reply
}

func (rc *redisConn) do(t *testing.T, args ...string) reply {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "*%d\r\n", len(args))
	for _, a := range args {
		fmt.Fprintf(&b, "$%d\r\n%s\r\n", len(a), a)
	}
	if _, err := rc.c.Write([]byte(b.String())); err != nil {
		t.Fatal(err)
	}
	r, err := rc.read()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (rc *redisConn) read() (reply, error) {
	line, err := rc.r.ReadString('\n')
	if err != nil {
		return reply{}, err
	}
	line = strings.TrimSuffix(line, "\r\n")
	switch line[0] {
	case '+', ':':
		return reply{Str: line[1:]}, nil
	case '-':
		return reply{Str: line[1:], Err: true}, nil
	case '$':
		n, _ := strconv.Atoi(line[1:])
		if n < 0 {
			return reply{}, nil
		}
		buf := make([]byte, n+2)
		if _, err := io.ReadFull(rc.r, buf); err != nil {
			return reply{}, err
		}
		return reply{Str: string(buf[:n])}, nil
	case '*':
		n, _ := strconv.Atoi(line[1:])
		r := reply{Arr: []reply{}}
		for i := 0; i < n; i++ {
			e, err := rc.read()
			if err != nil {
				return r, err
			}
			r.Arr = append(r.Arr, e)
		}
		return r, nil
	}
	return reply{}, fmt.Errorf("bad reply %q", line)
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startRedisWithFile runs redis-server with a config file (for REWRITE).
func startRedisWithFile(t *testing.T, file string, port int) *redisConn {
	t.Helper()
	path := redisServerPath(t)
	cmd := exec.Command(path, file, "--bind", "127.0.0.1", "--dir", filepath.Dir(file))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	var c net.Conn
	var err error
	for i := 0; i < 100; i++ {
		if c, err = net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &redisConn{c, bufio.NewReader(c)}
}
