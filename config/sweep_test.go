package config

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// sweepSkip lists directives the sweep must not touch on the real server:
// their apply step has effects outside the config (listening sockets, the
// working directory, OOM score, TLS, AOF) that would break the test or
// differ by design.
var sweepSkip = map[string]bool{
	"port": true, "bind": true, "dir": true, "requirepass": true, "appendonly": true,
	"oom-score-adj": true, "oom-score-adj-values": true, "activedefrag": true,
	"unixsocket": true, "logfile": true, "daemonize": true, "maxclients": true,
}

// sweepValues returns candidate CONFIG SET values for a directive: valid
// ones of every notation and a few invalid ones.
func sweepValues(d *Directive) []string {
	switch d.Kind {
	case KindBool:
		return []string{"yes", "no", "YES", "maybe", ""}
	case KindEnum:
		vals := []string{"bogus", ""}
		for _, e := range d.Enum {
			vals = append(vals, e.Name, strings.ToUpper(e.Name))
		}
		return vals
	case KindNumeric:
		vals := []string{"0", "1", "-1", "7", "1k", "1kb", "3mb", "2GB", "5%", "100%", "-5%", "abc", "", "1.5",
			"99999999999999999999", "0777", "1024", "2048", "1048576", "+1", " 1"}
		if d.Max > 0 && d.Max < 1<<40 {
			vals = append(vals, strconv.FormatInt(d.Max, 10), strconv.FormatInt(d.Max+1, 10))
		}
		if d.Min > -1<<40 {
			vals = append(vals, strconv.FormatInt(d.Min, 10), strconv.FormatInt(d.Min-1, 10))
		}
		return vals
	case KindString:
		return []string{"abc", "", "a/b", "x y"}
	case KindSave:
		return []string{"", "1 1", "1  1", " 1 1", "1 1 ", "10 +5", "10 -5", "0 5", "x", "5 5 6", "3600 1 300 100 60 10000", "4294967297 4294967297"}
	case KindClientOutputBufferLimit:
		return []string{"", "normal 1 2 3", "NORMAL 1kb 2MB 3", "replica 1 2 3", "slave 1 2 3 pubsub 4 5 6", "master 1 2 3",
			"normal 1 2", "normal -1 2 3", "normal 1 2 -3", "normal 1 2 x", "normal 1 2 3 ", "normal 18446744073709551615 0 0"}
	case KindNotifyKeyspaceEvents:
		return []string{"", "A", "KEA", "Kg$lshzxetdnm", "KEAn", "x", "Z", "AA"}
	case KindPercentiles:
		return []string{"", "1", "50 99", "0 100", "100.0001", "-1", "1e2", "nan", "inf", "1 x", " 1", "0.001", "33.333333333"}
	case KindReplicaOf:
		return []string{"no one", "h 1"}
	}
	return nil
}

// TestSweepMatchesRedis sets every shared bool, enum, numeric and string
// directive to each candidate value on both servers and compares the reply
// and the value CONFIG GET then shows.
func TestSweepMatchesRedis(t *testing.T) {
	rc := startRedis(t, "--save", "")
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	c := New()
	r := rc.do(t, "CONFIG", "GET", "*")
	known := map[string]bool{}
	for i := 0; i < len(r.Arr); i += 2 {
		known[r.Arr[i].Str] = true
	}
	tried := 0
	for i := range Directives {
		d := &Directives[i]
		if !known[d.Name] || sweepSkip[d.Name] || strings.HasPrefix(d.Name, "tls-") || d.Name == "loglevel" {
			// loglevel gained "nothing" in 7.2; TestSetMatchesRedis covers the rest.
			continue
		}
		orig := rc.do(t, "CONFIG", "GET", d.Name).Arr[1].Str
		for _, val := range sweepValues(d) {
			tried++
			want := rc.do(t, "CONFIG", "SET", d.Name, val)
			_, err := c.Set([]string{d.Name, val}, SetOptions{})
			got := "OK"
			if err != nil {
				got = err.Error()
			}
			if !want.Err {
				want.Str = "OK"
			}
			if got != want.Str {
				t.Errorf("CONFIG SET %s %q:\n ours  %q\n redis %q", d.Name, val, got, want.Str)
				continue
			}
			w := rc.do(t, "CONFIG", "GET", d.Name).Arr[1].Str
			if g := c.String(d.Name); g != w {
				t.Errorf("after CONFIG SET %s %q: ours %q, redis %q", d.Name, val, g, w)
			}
		}
		// Put the real server back so later directives see a sane state.
		if !(d.Flags&FlagImmutable != 0) {
			rc.do(t, "CONFIG", "SET", d.Name, orig)
			c.Set([]string{d.Name, orig}, SetOptions{})
		}
	}
	t.Logf("%d CONFIG SET calls compared", tried)
}
