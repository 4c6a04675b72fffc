package config

import (
	"reflect"
	"testing"
)

func TestSplitArgs(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
		err  bool
	}{
		{"", []string{}, false},
		{"   \t ", []string{}, false},
		{"port 6379", []string{"port", "6379"}, false},
		{"  a   b\tc ", []string{"a", "b", "c"}, false},
		{`save ""`, []string{"save", ""}, false},
		{`save ''`, []string{"save", ""}, false},
		{`a "b c" d`, []string{"a", "b c", "d"}, false},
		{`"\n\r\t\b\a\\\"\q"`, []string{"\n\r\t\b\a\\\"q"}, false},
		{`"\x41\x4a\x4G"`, []string{"AJx4G"}, false},
		{`"\x7"`, []string{"x7"}, false},
		{`'it\'s' 'a\nb'`, []string{"it's", `a\nb`}, false},
		{`foo"bar"`, []string{"foobar"}, false},
		{`"abc`, nil, true},
		{`'abc`, nil, true},
		{`"abc"def`, nil, true},
		{`'abc'def`, nil, true},
		{`"a\"`, nil, true},
		{`"abc" `, []string{"abc"}, false},
	} {
		got, err := SplitArgs(c.in)
		if (err != nil) != c.err {
			t.Errorf("SplitArgs(%q) err = %v", c.in, err)
			continue
		}
		if !c.err && !reflect.DeepEqual(got, c.want) {
			t.Errorf("SplitArgs(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRepr(t *testing.T) {
	if got := Repr("a\"b\\c\n\x01\xff é"); got != `"a\"b\\c\n\x01\xff \xc3\xa9"` {
		t.Errorf("Repr = %s", got)
	}
	// Repr output must split back to the same string.
	s := "x\x00y\t'\"z"
	back, err := SplitArgs(Repr(s))
	if err != nil || len(back) != 1 || back[0] != s {
		t.Errorf("round trip: %q %v", back, err)
	}
}

func TestParseMemory(t *testing.T) {
	for in, want := range map[string]uint64{
		"0": 0, "1": 1, "1b": 1, "1k": 1000, "1kb": 1024, "1K": 1000, "1KB": 1024, "2m": 2000000,
		"2mb": 2 << 20, "3g": 3000000000, "3Gb": 3 << 30, "": 0, "kb": 0,
		"18446744073709551615": 1<<64 - 1, "99999999999999999999": 1<<64 - 1,
	} {
		got, ok := ParseMemory(in)
		if !ok || got != want {
			t.Errorf("ParseMemory(%q) = %d %v, want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"-1", "1x", "1 kb", "1.5mb", "abc", "1tb"} {
		if _, ok := ParseMemory(in); ok {
			t.Errorf("ParseMemory(%q) accepted", in)
		}
	}
	for n, want := range map[int64]string{0: "0", 1023: "1023", 1024: "1kb", 1 << 20: "1mb", 3 << 30: "3gb", 1536: "1536", -1: "-1"} {
		if got := FormatMemory(n); got != want {
			t.Errorf("FormatMemory(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestStrictNumbers(t *testing.T) {
	for in, ok := range map[string]bool{"0": true, "-1": true, "123": true, "+1": false, "01": false, "-0": false,
		" 1": false, "1 ": false, "": false, "-": false, "9223372036854775807": true, "9223372036854775808": false} {
		if _, got := parseStrictInt(in); got != ok {
			t.Errorf("parseStrictInt(%q) ok=%v", in, got)
		}
	}
	for in, want := range map[string]int64{"": 0, " 7": 7, "+7": 7, "-7": -7, "99999999999999999999": 1<<63 - 1} {
		if got, ok := cStrtoll(in, 10); !ok || got != want {
			t.Errorf("cStrtoll(%q) = %d %v", in, got, ok)
		}
	}
	for _, in := range []string{"7 ", "x", "1x", " "} {
		if _, ok := cStrtoll(in, 10); ok {
			t.Errorf("cStrtoll(%q) accepted", in)
		}
	}
	for f, want := range map[float64]string{50: "50", 99.9: "99.9", 99.99: "99.99", 0: "0", 100: "100", 0.0000001: "0"} {
		if got := formatPercentile(f); got != want {
			t.Errorf("formatPercentile(%v) = %q", f, got)
		}
	}
}

func TestKeyspaceEvents(t *testing.T) {
	for in, want := range map[string]string{"": "", "KEA": "AKE", "Ex": "xE", "g$lshzxetd": "A", "Kn": "nK", "An": "A", "mK": "Km", "AKEm": "AKEm"} {
		f, ok := ParseKeyspaceEvents(in)
		if !ok {
			t.Fatalf("ParseKeyspaceEvents(%q) refused", in)
		}
		if got := KeyspaceEventsString(f); got != want {
			t.Errorf("events %q -> %q, want %q", in, got, want)
		}
	}
	if _, ok := ParseKeyspaceEvents("Kq"); ok {
		t.Error("accepted q")
	}
}
