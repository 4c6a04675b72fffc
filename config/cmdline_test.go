package config

import (
	"path/filepath"
	"testing"
)

func TestParseCommandLine(t *testing.T) {
	abs, _ := filepath.Abs("redis.conf")
	for _, c := range []struct {
		args   []string
		action Action
		file   string
		stdin  bool
		opts   string
		cov    bool
	}{
		{nil, ActionRun, "", false, "", false},
		{[]string{"-v"}, ActionVersion, "", false, "", false},
		{[]string{"--version"}, ActionVersion, "", false, "", false},
		{[]string{"-h"}, ActionHelp, "", false, "", false},
		{[]string{"--help"}, ActionHelp, "", false, "", false},
		{[]string{"--test-memory", "10"}, ActionTestMemory, "", false, "", false},
		{[]string{"redis.conf"}, ActionRun, abs, false, "", false},
		{[]string{"redis.conf", "-"}, ActionRun, abs, true, "", false},
		{[]string{"-"}, ActionRun, "", true, "", false},
		{[]string{"--port", "6380"}, ActionRun, "", false, `port "6380" `, false},
		{[]string{"--port", "6380", "--save", ""}, ActionRun, "", false, "port \"6380\" \nsave \"\" ", false},
		{[]string{"--save"}, ActionRun, "", false, `save ""`, false},
		{[]string{"--save", "--port", "1"}, ActionRun, "", false, "save \"\"\nport \"1\" ", false},
		{[]string{"--save", "900", "1", "300", "10"}, ActionRun, "", false, `save "900" "1" "300" "10" `, false},
		{[]string{"--loadmodule", "/m.so", "a", "b"}, ActionRun, "", false, `loadmodule "/m.so" "a" "b" `, false},
		{[]string{"--port 6380"}, ActionRun, "", false, "port 6380 ", false},
		{[]string{"--port 6380", "--hz", "5"}, ActionRun, "", false, "port 6380 \nhz \"5\" ", false},
		{[]string{"--requirepass", "a b\"c"}, ActionRun, "", false, `requirepass "a b\"c" `, false},
		{[]string{"--api-coverage"}, ActionRun, "", false, "", true},
		{[]string{"redis.conf", "--api-coverage", "--port", "1"}, ActionRun, abs, false, `port "1" `, true},
		{[]string{"--port", "-"}, ActionRun, "", true, "port ", false},
		{[]string{"--sentinel", "--port", "1"}, ActionRun, "", false, "sentinel \nport \"1\" ", false},
	} {
		s, err := ParseCommandLine(c.args)
		if err != nil {
			t.Fatal(err)
		}
		if s.Action != c.action || s.ConfigFile != c.file || s.Stdin != c.stdin || s.Options != c.opts || s.APICoverage != c.cov {
			t.Errorf("%q: got %+v", c.args, *s)
		}
	}
}

func TestCommandLineOptionsLoad(t *testing.T) {
	st, _ := ParseCommandLine([]string{"--save", "900 1", "--port", "6390", "--bind", "127.0.0.1", "::1", "--loadmodule", "/m.so", "x"})
	c := New()
	if err := c.Load(st, nil); err != nil {
		t.Fatal(err)
	}
	if c.String("save") != "900 1" || c.Int("port") != 6390 || c.String("bind") != "127.0.0.1 ::1" {
		t.Errorf("save %q port %d bind %q", c.String("save"), c.Int("port"), c.String("bind"))
	}
	if m := c.LoadModules(); len(m) != 1 || m[0].Path != "/m.so" || len(m[0].Args) != 1 {
		t.Errorf("modules %v", m)
	}
	// The report quotes values the way Redis rebuilt them.
	st, _ = ParseCommandLine([]string{"--port", "6390", "--foo", "bar"})
	err := New().Load(st, nil)
	want := "\n*** FATAL CONFIG FILE ERROR (Redis 7.2.6) ***\nReading the configuration file, at line 3\n>>> 'foo \"bar\"'\nBad directive or wrong number of arguments\n"
	if err == nil || err.Error() != want {
		t.Errorf("got %q", err)
	}
}
