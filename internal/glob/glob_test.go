package glob

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

type globCase struct {
	pattern, s string
	nocase     bool
	want       bool
}

// cases holds the behaviour we promise, quirks included. Every case is also
// replayed against a real redis-server by TestMatchInterop.
var cases = []globCase{
	{"", "", false, true},
	{"", "a", false, false},
	{"a", "", false, false},
	// Redis quirk: a pattern is only walked while the string lasts, so "*"
	// does not match the empty string.
	{"*", "", false, false},
	{"*", "anything", false, true},
	{"**", "x", false, true},
	{"a*", "abc", false, true},
	{"a*c", "abc", false, true},
	{"a*c", "abd", false, false},
	{"*c", "abc", false, true},
	{"a*b*c", "aXbYc", false, true},
	{"a*b*c", "aXbY", false, false},
	{"a**b", "ab", false, true},
	{"?", "a", false, true},
	{"?", "", false, false},
	{"?", "ab", false, false},
	{"h?llo", "hello", false, true},
	{"h?llo", "hllo", false, false},
	{"h[ae]llo", "hallo", false, true},
	{"h[ae]llo", "hillo", false, false},
	{"h[^e]llo", "hallo", false, true},
	{"h[^e]llo", "hello", false, false},
	{"h[a-b]llo", "hbllo", false, true},
	{"h[a-b]llo", "hcllo", false, false},
	// A reversed range means the same range.
	{"h[b-a]llo", "hallo", false, true},
	{"[z-a]", "m", false, true},
	// "a-]" is read as the range a..] (swapped to ]..a), which closes the
	// set only by running off the end.
	{"[a-]", "-", false, false},
	{"[a-]", "^", false, true},
	// A leading '-' is literal.
	{"[-a]", "-", false, true},
	// Escapes outside and inside sets.
	{`\*`, "*", false, true},
	{`\*`, "a", false, false},
	{`a\?`, "a?", false, true},
	{`[\]]`, "]", false, true},
	{`[\-]`, "-", false, true},
	{`[a\-z]`, "b", false, false},
	// A trailing backslash matches a literal backslash.
	{`a\`, `a\`, false, true},
	{`\`, `\`, false, true},
	{`\`, `a`, false, false},
	// An unclosed set ends at the end of the pattern.
	{"[abc", "a", false, true},
	{"[abc", "d", false, false},
	{"[abc", "ab", false, false},
	{"a[", "a", false, false},
	{"[", "x", false, false},
	{"[^", "x", false, true},
	{"[^abc", "d", false, true},
	{"[]", "]", false, false},
	{"[]]", "]", false, false},
	// Empty set never matches, negated empty set matches any byte.
	{"x[]y", "xy", false, false},
	{"[^]", "a", false, true},
	// Case handling.
	{"HELLO", "hello", false, false},
	{"HELLO", "hello", true, true},
	{"h[A-C]llo", "hbllo", true, true},
	{"h[A-C]llo", "hbllo", false, false},
	{"h[ABC]llo", "hbllo", true, true},
	{`h[\B]llo`, "hbllo", true, false},
	{"*LO", "hello", true, true},
	// Stars after the string is exhausted.
	{"abc***", "abc", false, true},
	{"abc*?", "abc", false, false},
	{"a*", "a", false, true},
	// Bytes beyond ASCII.
	{"\xff*", "\xff\x00", false, true},
	{"[\x80-\xff]", "\x90", false, true},
	{"*\x00", "a\x00", false, true},
}

func TestMatch(t *testing.T) {
	for _, c := range cases {
		if got := MatchString(c.pattern, c.s, c.nocase); got != c.want {
			t.Errorf("Match(%q, %q, nocase=%v) = %v, want %v", c.pattern, c.s, c.nocase, got, c.want)
		}
		if got := Match([]byte(c.pattern), []byte(c.s), c.nocase); got != c.want {
			t.Errorf("Match bytes(%q, %q) = %v, want %v", c.pattern, c.s, got, c.want)
		}
	}
}

func TestMatchAbusivePattern(t *testing.T) {
	// Must finish quickly: the skip-longer-matches rule prunes the search.
	p := strings.Repeat("a*", 40) + "b"
	s := strings.Repeat("a", 200)
	start := time.Now()
	if MatchString(p, s, false) {
		t.Fatal("unexpected match")
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("took %v", d)
	}
	// Deep nesting gives up instead of recursing further.
	deep := strings.Repeat("*a", 1200)
	if MatchString(deep, strings.Repeat("a", 1200), false) {
		t.Fatal("nesting limit should refuse the match")
	}
}

func TestHasMeta(t *testing.T) {
	for p, want := range map[string]bool{"maxmemory": false, "max*": true, "a?": true, "[ab]": true, `a\b`: false} {
		if HasMeta(p) != want {
			t.Errorf("HasMeta(%q) != %v", p, want)
		}
	}
}

// TestMatchInterop replays every case against a real redis-server with KEYS
// (case-sensitive cases only: KEYS has no nocase mode).
func TestMatchInterop(t *testing.T) {
	path, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("MODHOST_REQUIRE_INTEROP") == "1" {
			t.Fatal("redis-server not found and MODHOST_REQUIRE_INTEROP=1")
		}
		t.Skip("redis-server not installed")
	}
	conn := startRedis(t, path)
	for _, c := range cases {
		if c.nocase || c.s == "" {
			continue // KEYS has no nocase mode, and keys cannot be empty here
		}
		do(t, conn, "FLUSHALL")
		do(t, conn, "SET", c.s, "1")
		reply := do(t, conn, "KEYS", c.pattern)
		got := reply == "*1"
		if got != c.want {
			t.Errorf("redis KEYS %q with key %q: match=%v, our table says %v", c.pattern, c.s, got, c.want)
		}
		if MatchString(c.pattern, c.s, false) != got {
			t.Errorf("we differ from redis for %q vs %q", c.pattern, c.s)
		}
	}
}

type respConn struct {
	c net.Conn
	r *bufio.Reader
}

func startRedis(t *testing.T, path string) *respConn {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(path, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", t.TempDir())
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	var c net.Conn
	for i := 0; i < 100; i++ {
		c, err = net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &respConn{c, bufio.NewReader(c)}
}

// do sends one command and returns the first reply line, draining an array
// of bulk strings if that is what came back.
func do(t *testing.T, rc *respConn, args ...string) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "*%d\r\n", len(args))
	for _, a := range args {
		fmt.Fprintf(&b, "$%d\r\n%s\r\n", len(a), a)
	}
	if _, err := rc.c.Write([]byte(b.String())); err != nil {
		t.Fatal(err)
	}
	line, err := rc.r.ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line[0] == '*' {
		n, _ := strconv.Atoi(line[1:])
		for i := 0; i < n; i++ {
			h, _ := rc.r.ReadString('\n')
			l, _ := strconv.Atoi(strings.TrimRight(h[1:], "\r\n"))
			buf := make([]byte, l+2)
			if _, err := io.ReadFull(rc.r, buf); err != nil {
				t.Fatal(err)
			}
		}
	}
	return line
}

func FuzzMatch(f *testing.F) {
	for _, c := range cases {
		f.Add(c.pattern, c.s, c.nocase)
	}
	f.Fuzz(func(t *testing.T, p, s string, nocase bool) {
		// Must not panic; the string form must agree with the byte form.
		if MatchString(p, s, nocase) != Match([]byte(p), []byte(s), nocase) {
			t.Fatal("string and byte forms disagree")
		}
		// A pattern without special bytes matches exactly itself.
		if !strings.ContainsAny(p, `*?[\`) && len(p) > 0 && !Match([]byte(p), []byte(p), false) {
			t.Fatal("literal pattern does not match itself")
		}
	})
}

func BenchmarkMatchString(b *testing.B) {
	for i := 0; i < b.N; i++ {
		MatchString("user:*:session[0-9]", "user:12345:session7", false)
	}
}
