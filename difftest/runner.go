package difftest

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// RunFile plays a transcript against a fresh pair of servers.
//
// Format: one command per line, arguments separated by spaces; an argument
// may be double-quoted with Go escapes ("a b", "\x00", ""). Lines starting
// with '#' are comments. Lines starting with '!' are directives:
//
//	!sorted CMD ...      compare the array reply with elements sorted
//	!nocompare WHY: CMD  run on both, compare nothing (WHY names the reason:
//	                     random output, a 7.0-vs-7.2 difference, ...)
//	!conn N              switch to client connection N
//	!send CMD ...        send without reading the reply
//	!recv [ms]           read one pending reply on this connection
//	!sleep MS            pause
//	!flush               FLUSHALL on both servers
func RunFile(t *testing.T, path string, opts ...Option) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p := Start(t, opts...)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		t.Run(strconv.Itoa(line)+":"+shorten(text), func(t *testing.T) {
			p.t = t
			run(t, p, text)
		})
	}
}

func shorten(s string) string {
	if len(s) > 60 {
		return s[:60]
	}
	return s
}

func run(t *testing.T, p *Pair, text string) {
	if text[0] != '!' {
		p.Do(mustSplit(t, text)...)
		return
	}
	dir, rest, _ := strings.Cut(text[1:], " ")
	switch dir {
	case "sorted":
		p.DoSorted(mustSplit(t, rest)...)
	case "nocompare":
		_, cmd, ok := strings.Cut(rest, ": ")
		if !ok {
			t.Fatalf("!nocompare needs 'reason: command'")
		}
		p.Replies(mustSplit(t, cmd)...)
	case "conn":
		n, _ := strconv.Atoi(rest)
		p.Conn(n)
	case "send":
		p.Send(mustSplit(t, rest)...)
	case "recv":
		ms := 2000
		if rest != "" {
			ms, _ = strconv.Atoi(rest)
		}
		p.Recv(time.Duration(ms) * time.Millisecond)
	case "sleep":
		ms, _ := strconv.Atoi(rest)
		time.Sleep(time.Duration(ms) * time.Millisecond)
	case "flush":
		p.Do("FLUSHALL")
	default:
		t.Fatalf("unknown directive %q", dir)
	}
}

func mustSplit(t *testing.T, s string) []string {
	args, err := Split(s)
	if err != nil {
		t.Fatalf("bad transcript line %q: %v", s, err)
	}
	return args
}

// Split splits a transcript line into arguments.
func Split(s string) ([]string, error) {
	var out []string
	for {
		s = strings.TrimLeft(s, " ")
		if s == "" {
			return out, nil
		}
		if s[0] == '"' {
			end := 1
			for end < len(s) && s[end] != '"' {
				if s[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(s) {
				return nil, strconv.ErrSyntax
			}
			a, err := strconv.Unquote(s[:end+1])
			if err != nil {
				return nil, err
			}
			out = append(out, a)
			s = s[end+1:]
			continue
		}
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			i = len(s)
		}
		out = append(out, s[:i])
		s = s[i:]
	}
}
