package config

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// defaultUserLine is what the installed Redis writes for the default user of a server
// without ACL changes.
const defaultUserLine = "user default on nopass ~* &* +@all" // as Redis 7.0 prints it; 7.2 adds sanitize-payload

var rewriteSets = [][]string{
	{"maxmemory", "200mb"},
	{"save", "100 1"},
	{"replica-read-only", "no"},
	{"hz", "10"},
	{"timeout", "30"},
	{"maxmemory-policy", "allkeys-lru"},
	{"notify-keyspace-events", "Ex"},
	{"client-output-buffer-limit", "pubsub 64mb 16mb 90"},
	{"masterauth", "p w\"x"},
	{"appendfsync", "always"},
	{"maxmemory-clients", "10%"},
	{"loglevel", "notice"},
}

// TestRewriteMatchesRedis rewrites the same file in both servers after the
// same CONFIG SETs and compares the results; appended lines may come in any
// order (Redis walks a hash table), so that section is compared sorted.
func TestRewriteMatchesRedis(t *testing.T) {
	input, err := os.ReadFile("testdata/rewrite_input.conf")
	if err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	defer os.Chdir(wd)

	dir := t.TempDir()
	theirsFile := filepath.Join(dir, "theirs.conf")
	port := freePort(t)
	text := strings.Replace(string(input), "PORT", strconv.Itoa(port), 1)
	// Redis refuses to start on these two lines, so neither server sees them.
	text = strings.Replace(strings.Replace(text, "\"unbalanced\n", "", 1), "unknown-directive 1\n", "", 1)
	os.WriteFile(theirsFile, []byte(text), 0o644)
	rc := startRedisWithFile(t, theirsFile, port)
	for _, s := range rewriteSets {
		if r := rc.do(t, append([]string{"CONFIG", "SET"}, s...)...); r.Err {
			t.Fatalf("redis CONFIG SET %q: %s", s, r.Str)
		}
	}
	var theirs [2][]byte
	for i := range theirs {
		if r := rc.do(t, "CONFIG", "REWRITE"); r.Err {
			t.Fatalf("redis CONFIG REWRITE: %s", r.Str)
		}
		theirs[i], _ = os.ReadFile(theirsFile)
	}

	oursFile := filepath.Join(dir, "ours.conf")
	os.WriteFile(oursFile, []byte(text), 0o644)
	c := New()
	st, _ := ParseCommandLine([]string{oursFile, "--dir", dir})
	// The redis test server got --bind and --dir too; mirror them.
	st.Options += "\nbind 127.0.0.1"
	if err := c.Load(st, nil); err != nil {
		t.Fatal(err)
	}
	for _, s := range rewriteSets {
		if _, err := c.Set(s, SetOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	h := RewriteHooks{Users: func() []string { return []string{defaultUserLine} }, Modules: func() []string { return nil }}
	for i := range theirs {
		if err := c.Rewrite(h); err != nil {
			t.Fatal(err)
		}
		ours, _ := os.ReadFile(oursFile)
		if a, b := normalizeRewrite(string(ours)), normalizeRewrite(string(theirs[i])); a != b {
			t.Errorf("rewrite %d differs\n--- ours\n%s\n--- redis\n%s", i+1, ours, theirs[i])
		}
	}
}

// normalizeRewrite sorts the lines after the signature and drops the
// directives that only one of the two versions knows.
func normalizeRewrite(s string) string {
	i := strings.Index(s, RewriteSignature)
	if i < 0 {
		return s
	}
	tail := strings.Split(strings.TrimSpace(s[i+len(RewriteSignature):]), "\n")
	var keep []string
	for _, l := range tail {
		if f := strings.Fields(l); len(f) == 0 || isNewIn72(f[0]) {
			continue
		}
		keep = append(keep, l)
	}
	sort.Strings(keep)
	return s[:i] + strings.Join(keep, "\n")
}

func TestRewriteLocal(t *testing.T) {
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	dir := t.TempDir()
	file := filepath.Join(dir, "r.conf")
	input, _ := os.ReadFile("testdata/rewrite_input.conf")
	os.WriteFile(file, input, 0o600)
	c := New()
	c.File = file
	// The file has an unbalanced line, so load only the good parts.
	if err := c.LoadString("port 7\nmaxmemory 100mb\nsave 900 1\nsave 300 10\nsave 60 10000\n"); err != nil {
		t.Fatal(err)
	}
	c.Set([]string{"maxmemory", "1gb", "save", "", "bind", "1.2.3.4 5.6.7.8", "appendonly", "yes"}, SetOptions{})
	os.Chdir(dir)
	if err := c.Rewrite(RewriteHooks{}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(file)
	want := `# A hand-written config file.
# Comments survive a rewrite.

port 7
maxmemory 1gb
save ""

replica-read-only yes
hz 10
# ??? unknown-directive 1
bind 1.2.3.4 5.6.7.8
# ??? "unbalanced
appendonly yes

# trailing comment
loglevel notice

` + RewriteSignature + "\n" +
		`dir "` + dir + `"` + "\n" +
		`latency-tracking-info-percentiles 50 99 99.9` + "\n"
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	fi, _ := os.Stat(file)
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", fi.Mode())
	}
	// Like Redis, the next rewrite keeps the final newline as one blank
	// line (the text splits into a last, empty line), then it is stable.
	c.Rewrite(RewriteHooks{})
	again, _ := os.ReadFile(file)
	if string(again) != string(got)+"\n" {
		t.Errorf("second rewrite:\n%q", again)
	}
	c.Rewrite(RewriteHooks{})
	third, _ := os.ReadFile(file)
	if string(third) != string(again) {
		t.Errorf("third rewrite changed the file:\n%q", third)
	}
	if err := New().Rewrite(RewriteHooks{}); err != ErrNoConfigFile || err.Error() != "ERR The server is running without a config file" {
		t.Errorf("no file: %v", err)
	}
	c.File = filepath.Join(dir, "nodir", "x.conf")
	if err := c.Rewrite(RewriteHooks{}); err == nil || !strings.HasPrefix(err.Error(), "ERR Rewriting config file: ") {
		t.Errorf("bad dir: %v", err)
	}
}
