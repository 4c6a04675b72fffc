package app_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"modhost/internal/testserver"
)

// modhostBin is the binary the child-process tests run, built once.
var modhostBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "modhost-app-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	modhostBin = filepath.Join(dir, "modhost")
	build := exec.Command("go", "build", "-o", modhostBin, "modhost/cmd/modhost")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building modhost:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// syncBuf collects a child's output while the test reads it.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// child is a modhost process.
type child struct {
	cmd    *exec.Cmd
	out    *syncBuf
	errOut *syncBuf
	done   chan struct{}
	code   int
}

func startChild(t *testing.T, dir string, args ...string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(modhostBin, args...), out: &syncBuf{}, errOut: &syncBuf{}, done: make(chan struct{})}
	c.cmd.Dir = dir
	c.cmd.Stdout, c.cmd.Stderr = c.out, c.errOut
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		err := c.cmd.Wait()
		c.code = 0
		if ee, ok := err.(*exec.ExitError); ok {
			c.code = ee.ExitCode()
		} else if err != nil {
			c.code = -1
		}
		close(c.done)
	}()
	t.Cleanup(func() {
		select {
		case <-c.done:
		default:
			_ = c.cmd.Process.Kill()
			<-c.done
		}
	})
	return c
}

// waitLog waits until the output contains s.
func (c *child) waitLog(t *testing.T, s string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(c.out.String(), s) {
			return
		}
		select {
		case <-c.done:
			if strings.Contains(c.out.String(), s) {
				return
			}
			t.Fatalf("modhost exited (%d) before logging %q:\n%s\nstderr:\n%s", c.code, s, c.out, c.errOut)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("no %q in log:\n%s", s, c.out)
}

// wait waits for the process to exit and returns its code.
func (c *child) wait(t *testing.T) int {
	t.Helper()
	select {
	case <-c.done:
		return c.code
	case <-time.After(20 * time.Second):
		t.Fatalf("modhost did not exit:\n%s", c.out)
	}
	return -1
}

// logLines returns the messages of Redis-format log lines, without the
// "pid:R date time level" prefix.
func logLines(out string) []string {
	re := regexp.MustCompile(`^\d+:[MCSX] \d\d \w{3} \d{4} \d\d:\d\d:\d\d\.\d{3} [.\-*#] (.*)$`)
	var msgs []string
	for _, l := range strings.Split(out, "\n") {
		if m := re.FindStringSubmatch(l); m != nil {
			msgs = append(msgs, m[1])
		}
	}
	return msgs
}

// assertOrder checks that each want line is the message of a log line,
// in this order.
func assertOrder(t *testing.T, out string, want ...string) {
	t.Helper()
	msgs := logLines(out)
	i := 0
	for _, m := range msgs {
		if i < len(want) && m == want[i] {
			i++
		}
	}
	if i < len(want) {
		t.Fatalf("log line %q missing or out of order in:\n%s", want[i], out)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestStartupSequence starts modhost with a config file plus command-line
// overrides and checks the start-up log, the pid file, the values CONFIG
// GET reports, and a SIGTERM shutdown with exit code 0.
func TestStartupSequence(t *testing.T) {
	dir := t.TempDir()
	port := testserver.FreePort(t)
	conf := filepath.Join(dir, "redis.conf")
	pidfile := filepath.Join(dir, "modhost.pid")
	sock := filepath.Join(dir, "sock")
	writeFile(t, conf, fmt.Sprintf("port 1\nbind 127.0.0.1\nloglevel warning\nsave ''\npidfile %s\nunixsocket %s\ndatabases 4\n", pidfile, sock))
	c := startChild(t, dir, "redis.conf", "--port", strconv.Itoa(port), "--loglevel", "notice", "--always-show-logo", "yes")
	c.waitLog(t, "Ready to accept connections unix")
	pid := c.cmd.Process.Pid
	out := c.out.String()
	assertOrder(t, out,
		"oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
		fmt.Sprintf("Redis version=7.2.6, bits=64, commit=00000000, modified=0, pid=%d, just started", pid),
		"Configuration loaded",
		"Server initialized",
		"Ready to accept connections tcp",
		"Ready to accept connections unix")
	if !regexp.MustCompile(`(?s) PID: ` + strconv.Itoa(pid) + `\b.*Server initialized`).MatchString(out) {
		t.Fatalf("no logo with PID before Server initialized:\n%s", out)
	}
	if !strings.HasPrefix(out, strconv.Itoa(pid)+":C ") {
		t.Fatalf("early lines should carry role C:\n%s", out)
	}
	data, err := os.ReadFile(pidfile)
	if err != nil || string(data) != strconv.Itoa(pid)+"\n" {
		t.Fatalf("pid file: %q %v", data, err)
	}

	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + strconv.Itoa(port)})
	defer rdb.Close()
	ctx := context.Background()
	got, err := rdb.ConfigGet(ctx, "*").Result()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"port": strconv.Itoa(port), "loglevel": "notice", "databases": "4", "bind": "127.0.0.1",
		"pidfile": pidfile, "unixsocket": sock, "dir": dir, "always-show-logo": "yes", "save": ""}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("CONFIG GET %s = %q, want %q", k, got[k], v)
		}
	}
	if err := rdb.Do(ctx, "SELECT", "4").Err(); err == nil || err.Error() != "ERR DB index is out of range" {
		t.Errorf("SELECT 4 with databases 4: %v", err)
	}
	// The unix socket serves too.
	us := redis.NewClient(&redis.Options{Network: "unix", Addr: sock})
	if v, err := us.Ping(ctx).Result(); err != nil || v != "PONG" {
		t.Errorf("PING over the unix socket: %q %v", v, err)
	}
	us.Close()

	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := c.wait(t); code != 0 {
		t.Fatalf("exit code %d after SIGTERM:\n%s", code, c.out)
	}
	out = c.out.String()
	if !strings.Contains(out, fmt.Sprintf("%d:signal-handler (", pid)) || !strings.Contains(out, ") Received SIGTERM scheduling shutdown...") {
		t.Fatalf("no signal-handler line:\n%s", out)
	}
	assertOrder(t, out, "User requested shutdown...", "Removing the pid file.", "Removing the unix socket file.", "Redis is now ready to exit, bye bye...")
	if _, err := os.Stat(pidfile); !os.IsNotExist(err) {
		t.Fatalf("pid file still there: %v", err)
	}
	if _, err := os.Stat(sock); !os.IsNotExist(err) {
		t.Fatalf("unix socket still there: %v", err)
	}
}

// TestNoConfigFile: without arguments Redis warns that it uses the
// default config; with only options it says "Configuration loaded"; the
// logo is replaced by "Running mode=...".
func TestNoConfigFileAndRunningMode(t *testing.T) {
	port := testserver.FreePort(t)
	c := startChild(t, t.TempDir(), "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "")
	c.waitLog(t, "Ready to accept connections tcp")
	assertOrder(t, c.out.String(), "Configuration loaded", fmt.Sprintf("Running mode=standalone, port=%d.", port), "Server initialized")
	if strings.Contains(c.out.String(), " PID: ") {
		t.Fatalf("logo shown without always-show-logo:\n%s", c.out)
	}
	// SHUTDOWN ends the process with code 0.
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + strconv.Itoa(port)})
	defer rdb.Close()
	_ = rdb.Do(context.Background(), "SHUTDOWN", "NOSAVE").Err()
	if code := c.wait(t); code != 0 {
		t.Fatalf("exit code %d after SHUTDOWN:\n%s", code, c.out)
	}
	assertOrder(t, c.out.String(), "User requested shutdown...", "Redis is now ready to exit, bye bye...")
}

// runBoth runs modhost and, when installed, redis-server with the same
// arguments, both expected to exit at once.
func runExit(t *testing.T, bin, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("%s %q did not exit", bin, args)
	}
	return o.String(), e.String(), cmd.ProcessState.ExitCode()
}

// TestBadConfig compares the FATAL CONFIG FILE ERROR report with
// redis-server's (only the version in the header differs).
func TestBadConfig(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "bad.conf"), "port 7777\nfoo bar\n")
	writeFile(t, filepath.Join(dir, "badval.conf"), "# comment\nmaxmemory-policy nope\n")
	cases := [][]string{
		{"bad.conf"},
		{"badval.conf"},
		{"--port", "abc"},
		{"--save", "1"},
		{"bad.conf", "--port", "1"},
		{"--loadmodule"},
		{"--bind", "127.0.0.1", "--port", "70000"},
	}
	want := map[string]string{
		"bad.conf": "\n*** FATAL CONFIG FILE ERROR (Redis 7.2.6) ***\nReading the configuration file, at line 2\n>>> 'foo bar'\nBad directive or wrong number of arguments\n",
	}
	redisBin, _ := exec.LookPath("redis-server")
	for _, args := range cases {
		_, stderr, code := runExit(t, modhostBin, dir, args...)
		if code != 1 {
			t.Errorf("%q: exit code %d, want 1", args, code)
		}
		if !strings.HasPrefix(stderr, "\n*** FATAL CONFIG FILE ERROR (Redis 7.2.6) ***\n") {
			t.Errorf("%q: stderr %q", args, stderr)
		}
		if w, ok := want[strings.Join(args, " ")]; ok && stderr != w {
			t.Errorf("%q: stderr %q, want %q", args, stderr, w)
		}
		if redisBin == "" {
			continue
		}
		_, rerr, rcode := runExit(t, redisBin, dir, args...)
		rerr = regexp.MustCompile(`\(Redis [0-9.]+\)`).ReplaceAllString(rerr, "(Redis 7.2.6)")
		if rcode != code || rerr != stderr {
			t.Errorf("%q: modhost %d %q, redis-server %d %q", args, code, stderr, rcode, rerr)
		}
	}
	if redisBin == "" {
		testserver.SkipOrFail(t, "redis-server is not installed; compared with the fixed text only")
	}
}

// TestUnreadableConfig: a missing file is logged, not reported, and the
// exit code is 1.
func TestUnreadableConfig(t *testing.T) {
	dir := t.TempDir()
	stdout, stderr, code := runExit(t, modhostBin, dir, "/nonexistent/redis.conf")
	if code != 1 || stderr != "" {
		t.Fatalf("code %d stderr %q", code, stderr)
	}
	assertOrder(t, stdout, "Fatal error, can't open config file '/nonexistent/redis.conf': No such file or directory")
}

// TestPortInUse: a taken port aborts start-up with Redis's lines.
func TestPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	dir := t.TempDir()
	pidfile := filepath.Join(dir, "p.pid")
	stdout, _, code := runExit(t, modhostBin, dir, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--pidfile", pidfile)
	if code != 1 {
		t.Fatalf("exit code %d:\n%s", code, stdout)
	}
	assertOrder(t, stdout,
		fmt.Sprintf("Warning: Could not create server TCP listening socket 127.0.0.1:%d: bind: Address already in use", port),
		fmt.Sprintf("Failed listening on port %d (tcp), aborting.", port))
	if strings.Contains(stdout, "Server initialized") {
		t.Fatalf("initialized despite the taken port:\n%s", stdout)
	}
}

// TestCommandLineActions: --version, --help, --test-memory and
// --api-coverage do not start a server.
func TestCommandLineActions(t *testing.T) {
	dir := t.TempDir()
	out, _, code := runExit(t, modhostBin, dir, "--version")
	if code != 0 || !strings.HasPrefix(out, "Redis server v=7.2.6 sha=00000000:0 malloc=libc bits=64 build=") {
		t.Errorf("--version: %d %q", code, out)
	}
	_, errOut, code := runExit(t, modhostBin, dir, "--help")
	if code != 1 || !strings.HasPrefix(errOut, "Usage: ./modhost [/path/to/redis.conf] [options] [-]\n") {
		t.Errorf("--help: %d %q", code, errOut)
	}
	_, errOut, code = runExit(t, modhostBin, dir, "--test-memory", "10")
	if code != 1 || !strings.Contains(errOut, "--test-memory") {
		t.Errorf("--test-memory: %d %q", code, errOut)
	}
	out, _, code = runExit(t, modhostBin, dir, "--api-coverage")
	if code != 0 || !regexp.MustCompile(`^served \d+ of \d+\n`).MatchString(out) {
		t.Errorf("--api-coverage: %d %q", code, out)
	}
}

// TestUnclaimedModuleConfig: a module config nobody registers aborts
// start-up, as Redis does.
func TestUnclaimedModuleConfig(t *testing.T) {
	dir := t.TempDir()
	port := testserver.FreePort(t)
	stdout, _, code := runExit(t, modhostBin, dir, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--mymod.opt", "value")
	if code != 1 {
		t.Fatalf("exit code %d:\n%s", code, stdout)
	}
	assertOrder(t, stdout, "Module Configuration detected without loadmodule directive or no ApplyConfig call: aborting")
}

// TestLoadModuleFailure: a module that cannot load stops start-up.
func TestLoadModuleFailure(t *testing.T) {
	dir := t.TempDir()
	port := testserver.FreePort(t)
	stdout, _, code := runExit(t, modhostBin, dir, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--loadmodule", "/nonexistent/mod.so", "arg1")
	if code != 1 {
		t.Fatalf("exit code %d:\n%s", code, stdout)
	}
	assertOrder(t, stdout, "Can't load module from /nonexistent/mod.so: server aborting")
}

// TestDaemonize: the parent exits 0 once the detached child serves; the
// child writes the pid file and stops on SHUTDOWN.
func TestDaemonize(t *testing.T) {
	dir := t.TempDir()
	port := testserver.FreePort(t)
	pidfile := filepath.Join(dir, "d.pid")
	logfile := filepath.Join(dir, "d.log")
	_, stderr, code := runExit(t, modhostBin, dir, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--daemonize", "yes",
		"--pidfile", pidfile, "--logfile", logfile, "--save", "")
	if code != 0 {
		t.Fatalf("parent exit code %d: %s", code, stderr)
	}
	data, err := os.ReadFile(pidfile)
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + strconv.Itoa(port)})
	defer rdb.Close()
	ctx := context.Background()
	if v, err := rdb.ConfigGet(ctx, "daemonize").Result(); err != nil || v["daemonize"] != "yes" {
		t.Fatalf("CONFIG GET daemonize: %v %v", v, err)
	}
	_ = rdb.Do(ctx, "SHUTDOWN", "NOSAVE").Err()
	deadline := time.Now().Add(10 * time.Second)
	for alive(pid) {
		if time.Now().After(deadline) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
			t.Fatal("daemon did not exit")
		}
		time.Sleep(20 * time.Millisecond)
	}
	log, _ := os.ReadFile(logfile)
	assertOrder(t, string(log), "Server initialized", "Ready to accept connections tcp", "Removing the pid file.", "Redis is now ready to exit, bye bye...")
}

// alive reports whether pid runs (a zombie left to a non-reaping init
// counts as gone).
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	st, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	i := bytes.LastIndexByte(st, ')')
	return i < 0 || i+2 >= len(st) || st[i+2] != 'Z'
}

// TestSIGINTSavesFinalSnapshot: with save points configured, SIGINT
// saves dump.rdb before exiting 0, and the next start loads it.
func TestSIGINTSavesFinalSnapshot(t *testing.T) {
	dir := t.TempDir()
	port := testserver.FreePort(t)
	args := []string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "3600 1"}
	c := startChild(t, dir, args...)
	c.waitLog(t, "Ready to accept connections tcp")
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + strconv.Itoa(port)})
	ctx := context.Background()
	if err := rdb.Set(ctx, "kept", "yes", 0).Err(); err != nil {
		t.Fatal(err)
	}
	rdb.Close()
	_ = c.cmd.Process.Signal(syscall.SIGINT)
	if code := c.wait(t); code != 0 {
		t.Fatalf("exit code %d after SIGINT:\n%s", code, c.out)
	}
	if !strings.Contains(c.out.String(), ") Received SIGINT scheduling shutdown...") {
		t.Fatalf("no SIGINT line:\n%s", c.out)
	}
	assertOrder(t, c.out.String(), "User requested shutdown...", "Saving the final RDB snapshot before exiting.", "Redis is now ready to exit, bye bye...")
	if _, err := os.Stat(filepath.Join(dir, "dump.rdb")); err != nil {
		t.Fatal(err)
	}

	c2 := startChild(t, dir, args...)
	c2.waitLog(t, "Ready to accept connections tcp")
	assertOrder(t, c2.out.String(), "Server initialized", "Ready to accept connections tcp")
	rdb = redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + strconv.Itoa(port)})
	defer rdb.Close()
	if v, err := rdb.Get(ctx, "kept").Result(); err != nil || v != "yes" {
		t.Fatalf("after restart: %q %v", v, err)
	}
	_ = c2.cmd.Process.Signal(syscall.SIGTERM)
	c2.wait(t)
}
