package config

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

// loadCase is one config text and the CONFIG GET values it must produce.
type loadCase struct {
	name string
	text string
	want map[string]string
}

var loadCases = []loadCase{
	{"comments and blanks", "# c\n\n   \n\t# indented comment\nport 7000\r\n", map[string]string{"port": "7000"}},
	{"case-insensitive names", "MaxMemory 1mb\nAPPENDONLY yes\n", map[string]string{"maxmemory": "1048576", "appendonly": "yes"}},
	{"alias", "slaveof 10.0.0.1 6380\nslave-read-only no\n", map[string]string{"replicaof": "10.0.0.1 6380", "replica-read-only": "no"}},
	{"last one wins", "port 1\nport 2\n", map[string]string{"port": "2"}},
	{"save accumulates", "save 900 1\nsave 300 10\n", map[string]string{"save": "900 1 300 10"}},
	{"save empty", "save \"\"\n", map[string]string{"save": ""}},
	{"save empty then rules", "save ''\nsave 10 1\n", map[string]string{"save": "10 1"}},
	{"save one argument", "save \"900 1 60 5\"\n", map[string]string{"save": "900 1 60 5"}},
	{"bind several", "bind 127.0.0.1 ::1\n", map[string]string{"bind": "127.0.0.1 ::1"}},
	{"bind one quoted", "bind \"127.0.0.1 ::1\"\n", map[string]string{"bind": "127.0.0.1 ::1"}},
	{"memory units", "maxmemory 1k\nrepl-backlog-size 1kb\nproto-max-bulk-len 1GB\n", map[string]string{"maxmemory": "1000", "repl-backlog-size": "1024", "proto-max-bulk-len": "1073741824"}},
	{"percent", "maxmemory-clients 5%\n", map[string]string{"maxmemory-clients": "5%"}},
	{"octal", "unixsocketperm 700\n", map[string]string{"unixsocketperm": "700"}},
	{"enum", "maxmemory-policy ALLKEYS-lru\noom-score-adj relative\n", map[string]string{"maxmemory-policy": "allkeys-lru", "oom-score-adj": "yes"}},
	{"multi enum", "shutdown-on-sigterm nosave force\n", map[string]string{"shutdown-on-sigterm": "nosave force"}},
	{"notify", "notify-keyspace-events KEA\n", map[string]string{"notify-keyspace-events": "AKE"}},
	{"obuf", "client-output-buffer-limit pubsub 64mb 16mb 90\n", map[string]string{"client-output-buffer-limit": "normal 0 0 0 slave 268435456 67108864 60 pubsub 67108864 16777216 90"}},
	{"hz clamp", "hz 1000\n", map[string]string{"hz": "500"}},
	{"deprecated ignored", "list-max-ziplist-entries 512\nlua-replicate-commands yes\n", map[string]string{}},
	{"string null", "pidfile \"\"\n", map[string]string{"pidfile": ""}},
	{"escapes", "masterauth \"a\\x41\\n\"\n", map[string]string{"masterauth": "aA\n"}},
	{"no trailing newline", "port 5", map[string]string{"port": "5"}},
}

func TestLoad(t *testing.T) {
	for _, lc := range loadCases {
		c := New()
		if err := c.LoadString(lc.text); err != nil {
			t.Errorf("%s: %v", lc.name, err)
			continue
		}
		for k, v := range lc.want {
			if got := c.String(k); got != v {
				t.Errorf("%s: %s = %q, want %q", lc.name, k, got, v)
			}
		}
	}
}

func TestLoadRecordsServerDirectives(t *testing.T) {
	c := New()
	var renamed [][2]string
	c.Hooks.RenameCommand = func(from, to string) error {
		if from == "nosuch" {
			return errors.New("No such command in rename-command")
		}
		renamed = append(renamed, [2]string{from, to})
		return nil
	}
	text := "loadmodule /a.so x y\nloadmodule /b.so\nrename-command flushall \"\"\nuser bob on >pw\nmymod.size 10 20\nMyMod.flag yes\n"
	if err := c.LoadString(text); err != nil {
		t.Fatal(err)
	}
	if want := []ModuleLoad{{"/a.so", []string{"x", "y"}}, {"/b.so", []string{}}}; !reflect.DeepEqual(c.LoadModules(), want) {
		t.Errorf("modules %#v", c.LoadModules())
	}
	if !reflect.DeepEqual(renamed, [][2]string{{"flushall", ""}}) || len(c.RenameCommands()) != 1 {
		t.Errorf("renames %v", renamed)
	}
	if !reflect.DeepEqual(c.Users(), [][]string{{"bob", "on", ">pw"}}) {
		t.Errorf("users %v", c.Users())
	}
	if got := c.PendingModuleConfigs(); !reflect.DeepEqual(got, []string{"mymod.size", "mymod.flag"}) {
		t.Errorf("pending %v", got)
	}
	if v, ok := c.TakeModuleConfig("mymod.size"); !ok || v != "10 20" {
		t.Errorf("take %q %v", v, ok)
	}
	err := c.LoadString("rename-command nosuch x\n")
	want := "\n*** FATAL CONFIG FILE ERROR (Redis 7.2.6) ***\nReading the configuration file, at line 1\n>>> 'rename-command nosuch x'\nNo such command in rename-command\n"
	if err == nil || err.Error() != want {
		t.Errorf("hook error: %q", err)
	}
}

func TestInclude(t *testing.T) {
	c := New()
	st, _ := ParseCommandLine([]string{"testdata/include_main.conf"})
	if err := c.Load(st, nil); err != nil {
		t.Fatal(err)
	}
	if c.Int("port") != 7002 || c.Int("hz") != 20 || c.Memory("maxmemory") != 2<<20 {
		t.Errorf("port %d hz %d maxmemory %d", c.Int("port"), c.Int("hz"), c.Memory("maxmemory"))
	}
	if !strings.HasSuffix(c.File, "/config/testdata/include_main.conf") {
		t.Errorf("File = %q", c.File)
	}
	// Errors in an included file report that file's line.
	err := New().LoadString("port 1\ninclude testdata/include_bad.conf\n")
	want := "\n*** FATAL CONFIG FILE ERROR (Redis 7.2.6) ***\nReading the configuration file, at line 4\n>>> 'bogus-directive 1'\nBad directive or wrong number of arguments\n"
	if err == nil || err.Error() != want {
		t.Errorf("got %q", err)
	}
	// A glob that matches nothing is fine; a missing plain file is not.
	if err := New().LoadString("include testdata/none-*.conf\n"); err != nil {
		t.Errorf("empty glob: %v", err)
	}
	err = New().LoadString("include testdata/missing.conf\n")
	var oe *OpenError
	if !errors.As(err, &oe) || err.Error() != "Fatal error, can't open config file 'testdata/missing.conf': No such file or directory" {
		t.Errorf("missing include: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	for text, msg := range map[string]string{
		"port":                   "wrong number of arguments",
		"foo bar":                "Bad directive or wrong number of arguments",
		"port \"1":               "Unbalanced quotes in configuration line",
		"maxmemory 1zb":          "argument must be a memory value",
		"hz x":                   "argument couldn't be parsed into an integer",
		"unixsocketperm 8":       "argument couldn't be parsed as an octal number",
		"unixsocketperm 1000":    "argument must be between 0 and 777 inclusive",
		"maxclients 0":           "argument must be between 1 and 4294967295 inclusive",
		"maxmemory-clients 101%": "percentage argument must be less or equal to 100",
		"maxmemory-clients x":    "argument must be a memory or percent value",
		"appendonly 1":           "argument must be 'yes' or 'no'",
		"bind 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17": "Too many bind addresses specified.",
		"sentinel monitor m":                             "sentinel directive while not in sentinel mode",
		"mod.x":                                          "Module config specified without value",
		"dbfilename a/b":                                 "dbfilename can't be a path, just a filename",
		"activedefrag yes":                               "Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified Jemalloc like the one shipped by default with the Redis source distribution",
	} {
		err := New().LoadString("# first\n" + text + "\n")
		fe, ok := err.(*FatalError)
		if !ok || fe.Message != msg || fe.Line != 2 || fe.Text != text {
			t.Errorf("%q: got %#v", text, err)
		}
	}
	// Errors found after reading have no line part.
	err := New().LoadString("logfile /nonexistent-dir/x.log\n")
	if err == nil || err.Error() != "\n*** FATAL CONFIG FILE ERROR (Redis 7.2.6) ***\nCan't open the log file: No such file or directory\n" {
		t.Errorf("logfile: %q", err)
	}
}

func TestLoadFromStdinAndOptions(t *testing.T) {
	dir := t.TempDir()
	file := dir + "/a.conf"
	os.WriteFile(file, []byte("port 1\nhz 11"), 0o644)
	st, err := ParseCommandLine([]string{file, "--hz", "12", "-"})
	if err != nil || !st.Stdin {
		t.Fatal(st, err)
	}
	c := New()
	if err := c.Load(st, strings.NewReader("\nport 2\nmaxmemory 3mb\n")); err != nil {
		t.Fatal(err)
	}
	if c.Int("port") != 2 || c.Int("hz") != 12 || c.Memory("maxmemory") != 3<<20 {
		t.Errorf("port %d hz %d", c.Int("port"), c.Int("hz"))
	}
}

// TestRedisTestSuiteConfig loads the config Redis's own test suite uses.
func TestRedisTestSuiteConfig(t *testing.T) {
	c := New()
	st, _ := ParseCommandLine([]string{"testdata/redis_tests_default.conf"})
	if err := c.Load(st, nil); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"notify-keyspace-events": "AKE", "save": "", "bind": "127.0.0.1", "loglevel": "verbose",
		"replica-serve-stale-data": "yes", "enable-debug-command": "yes", "shutdown-on-sigterm": "force",
		"propagation-error-behavior": "panic", "pidfile": "/var/run/redis.pid", "latency-monitor-threshold": "1",
	} {
		if got := c.String(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if !c.AllowProtected("enable-protected-configs", false) {
		t.Error("protected configs should be allowed")
	}
}
