package server_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"modhost/internal/testserver"
	"modhost/resp"
)

// pair is one modhost and one real redis-server started alike.
type pair struct {
	mod, red string
}

func startPair(t *testing.T, args ...string) pair {
	t.Helper()
	r := testserver.StartRedis(t, args...)
	m := testserver.StartModhost(t, args...)
	return pair{mod: m.Addr, red: r.Addr}
}

// exchange writes raw bytes to a fresh connection, then reads everything
// until the server closes the connection or stays silent for idle. It
// reports whether the server closed the connection.
func exchange(t *testing.T, addr string, input []byte, idle time.Duration) (out []byte, closed bool) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	go func() { _, _ = c.Write(input) }()
	buf := make([]byte, 64<<10)
	for {
		_ = c.SetReadDeadline(time.Now().Add(idle))
		n, err := c.Read(buf)
		out = append(out, buf[:n]...)
		if err == nil {
			continue
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return out, false
		}
		if errors.Is(err, io.EOF) || strings.Contains(err.Error(), "reset") {
			return out, true
		}
		t.Fatalf("read from %s: %v", addr, err)
	}
}

// stillServes checks that a new client gets PONG after the bad one.
func stillServes(t *testing.T, addr string) {
	t.Helper()
	c := testserver.Dial(t, addr)
	defer c.Close()
	got, err := c.Do("PING")
	if err != nil || string(got) != "+PONG\r\n" {
		t.Fatalf("%s after protocol error: %q %v", addr, got, err)
	}
}

func short(b []byte) string {
	if len(b) > 200 {
		return fmt.Sprintf("%q... (%d bytes)", b[:200], len(b))
	}
	return fmt.Sprintf("%q", b)
}

// TestProtocolErrors sends malformed requests to both servers and demands
// the same bytes back, the same close, and a server that keeps serving.
func TestProtocolErrors(t *testing.T) {
	p := startPair(t)
	bigInline := bytes.Repeat([]byte("a"), 70*1024)
	bigCount := append([]byte("*"), bytes.Repeat([]byte("1"), 70*1024)...)
	bigBulkCount := append([]byte("*1\r\n$"), bytes.Repeat([]byte("1"), 70*1024)...)
	cases := []struct {
		name  string
		input []byte
	}{
		{"multibulk length not a number", []byte("*abc\r\n")},
		{"multibulk length too big", []byte("*3000000000\r\n")},
		{"multibulk length with plus", []byte("*+1\r\n$4\r\nPING\r\n")},
		{"bulk length not a number", []byte("*1\r\n$abc\r\n")},
		{"bulk length negative", []byte("*1\r\n$-1\r\n")},
		{"bulk length over proto-max-bulk-len", []byte("*1\r\n$536870913\r\n")},
		{"bulk length way too big", []byte("*1\r\n$99999999999999999999\r\n")},
		{"expected dollar", []byte("*1\r\nfoo\r\n")},
		{"expected dollar after first arg", []byte("*2\r\n$3\r\nGET\r\n:1\r\n")},
		{"unbalanced double quote", []byte("SET \"foo 1\r\n")},
		{"unbalanced single quote", []byte("SET 'foo 1\r\n")},
		{"quote not followed by space", []byte("SET \"foo\"bar 1\r\n")},
		{"too big inline request", bigInline},
		{"too big mbulk count string", bigCount},
		{"too big bulk count string", bigBulkCount},
		{"commands before the error run", []byte("PING\r\nECHO hi\r\n*x\r\nPING\r\n")},
		{"empty and negative multibulk are skipped", []byte("*0\r\n*-1\r\n*-5\r\n\r\n   \r\nPING\r\n")},
		{"inline with quotes and escapes", []byte("ECHO \"a\\x41\\n\" 'b c'\r\nECHO \"\"\r\n")},
		{"bare newline inline", []byte("PING\nPING\n")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			red, redClosed := exchange(t, p.red, tc.input, 300*time.Millisecond)
			mod, modClosed := exchange(t, p.mod, tc.input, 300*time.Millisecond)
			if !bytes.Equal(mod, red) {
				t.Errorf("reply differs\n  modhost: %s\n  redis:   %s", short(mod), short(red))
			}
			if modClosed != redClosed {
				t.Errorf("connection closed: modhost %v, redis %v", modClosed, redClosed)
			}
			stillServes(t, p.mod)
		})
	}
}

// TestProtocolUnauthenticatedLimits checks the tighter limits Redis puts
// on clients that have not authenticated yet.
func TestProtocolUnauthenticatedLimits(t *testing.T) {
	r := testserver.StartRedis(t, "--requirepass", "secret")
	m := testserver.StartModhost(t, "--requirepass", "secret")
	// Set it directly too, in case the command line does not reach the
	// engine yet.
	m.In.Eng.Lock.Lock()
	m.In.Eng.RequirePass = "secret"
	m.In.Eng.Lock.Unlock()
	p := pair{mod: m.Addr, red: r.Addr}
	cases := [][]byte{
		[]byte("*11\r\n"),
		[]byte("*1\r\n$16385\r\n"),
		[]byte("*2\r\n$4\r\nECHO\r\n$16384\r\n" + strings.Repeat("x", 16384) + "\r\n"),
	}
	for i, in := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			red, redClosed := exchange(t, p.red, in, 300*time.Millisecond)
			mod, modClosed := exchange(t, p.mod, in, 300*time.Millisecond)
			if !bytes.Equal(mod, red) || modClosed != redClosed {
				t.Errorf("modhost %s closed=%v; redis %s closed=%v", short(mod), modClosed, short(red), redClosed)
			}
		})
	}
}

// TestProtocolBigPipeline sends 20000 commands in one write and expects
// every reply, in order, from both servers.
func TestProtocolBigPipeline(t *testing.T) {
	p := startPair(t)
	var in bytes.Buffer
	const n = 20000
	for i := 0; i < n; i++ {
		fmt.Fprintf(&in, "*3\r\n$3\r\nSET\r\n$%d\r\nk%d\r\n$%d\r\nv%d\r\n", len(fmt.Sprint(i))+1, i, len(fmt.Sprint(i))+1, i)
	}
	fmt.Fprintf(&in, "*2\r\n$3\r\nGET\r\n$6\r\nk19999\r\n")
	for _, addr := range []string{p.red, p.mod} {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		go func() { _, _ = c.Write(in.Bytes()) }()
		rd := bufio.NewReader(c)
		_ = c.SetReadDeadline(time.Now().Add(30 * time.Second))
		for i := 0; i < n; i++ {
			line, err := rd.ReadString('\n')
			if err != nil || line != "+OK\r\n" {
				t.Fatalf("%s reply %d: %q %v", addr, i, line, err)
			}
		}
		last, err := resp.ReadRaw(rd)
		if err != nil || string(last) != "$6\r\nv19999\r\n" {
			t.Fatalf("%s last reply: %q %v", addr, last, err)
		}
		c.Close()
	}
}

// TestProtocolBigValue stores and reads back a 10 MB value, written in
// small pieces so the reader must assemble it.
func TestProtocolBigValue(t *testing.T) {
	p := startPair(t)
	val := bytes.Repeat([]byte("0123456789abcdef"), 10<<20/16)
	var in bytes.Buffer
	fmt.Fprintf(&in, "*3\r\n$3\r\nSET\r\n$3\r\nbig\r\n$%d\r\n", len(val))
	in.Write(val)
	in.WriteString("\r\n*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n")
	for _, addr := range []string{p.red, p.mod} {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		go func() {
			b := in.Bytes()
			for len(b) > 0 {
				n := min(len(b), 7777)
				if _, err := c.Write(b[:n]); err != nil {
					return
				}
				b = b[n:]
			}
		}()
		rd := bufio.NewReader(c)
		_ = c.SetReadDeadline(time.Now().Add(30 * time.Second))
		ok, err := rd.ReadString('\n')
		if err != nil || ok != "+OK\r\n" {
			t.Fatalf("%s SET: %q %v", addr, ok, err)
		}
		got, err := resp.ReadRaw(rd)
		if err != nil {
			t.Fatalf("%s GET: %v", addr, err)
		}
		want := append([]byte(fmt.Sprintf("$%d\r\n", len(val))), val...)
		want = append(want, '\r', '\n')
		if !bytes.Equal(got, want) {
			t.Fatalf("%s GET returned %d bytes, want %d", addr, len(got), len(want))
		}
		c.Close()
	}
}

// TestProtocolBigArgCount sends a command with many arguments split
// across writes.
func TestProtocolBigArgCount(t *testing.T) {
	p := startPair(t)
	var in bytes.Buffer
	const n = 5000
	fmt.Fprintf(&in, "*%d\r\n$4\r\nECHO\r\n", n+1)
	for i := 0; i < n; i++ {
		in.WriteString("$1\r\nx\r\n")
	}
	in.WriteString("PING\r\n")
	red, _ := exchange(t, p.red, in.Bytes(), 500*time.Millisecond)
	mod, _ := exchange(t, p.mod, in.Bytes(), 500*time.Millisecond)
	if !bytes.Equal(mod, red) {
		t.Errorf("modhost %s\nredis %s", short(mod), short(red))
	}
}

// TestProtocolConfiguredLimits lowers proto-max-bulk-len and
// client-query-buffer-limit on both servers and checks the same refusals.
func TestProtocolConfiguredLimits(t *testing.T) {
	p := startPair(t, "--proto-max-bulk-len", "1048576", "--client-query-buffer-limit", "1048576")
	big := bytes.Repeat([]byte("x"), 1100000)
	cases := []struct {
		name  string
		input []byte
	}{
		{"bulk over proto-max-bulk-len", []byte("*2\r\n$4\r\nECHO\r\n$1048577\r\n")},
		{"bulk at proto-max-bulk-len", append(append([]byte("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1048576\r\n"), big[:1048576]...), "\r\nSTRLEN k\r\n"...)},
		{"query buffer over the limit", append([]byte("*2\r\n$4\r\nECHO\r\n$1048576\r\n"), big...)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			red, redClosed := exchange(t, p.red, tc.input, 500*time.Millisecond)
			mod, modClosed := exchange(t, p.mod, tc.input, 500*time.Millisecond)
			if !bytes.Equal(mod, red) || modClosed != redClosed {
				t.Errorf("modhost %s closed=%v; redis %s closed=%v", short(mod), modClosed, short(red), redClosed)
			}
			stillServes(t, p.mod)
		})
	}
}
