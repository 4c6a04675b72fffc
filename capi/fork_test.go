package capi_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"modhost/internal/testserver"
)

// forkStatus is MHFORK.STATUS: done-handler calls, last exit code and
// signal, ForkChild born and died events, ACTIVE_CHILD now and inside the
// last done handler, the live child's pid.
type forkStatus struct {
	done, exitcode, bysignal, born, died, active, activeInHandler, pid int64
}

func readForkStatus(t *testing.T, c *redis.Client) forkStatus {
	t.Helper()
	v, err := c.Do(context.Background(), "mhfork.status").Slice()
	if err != nil || len(v) != 8 {
		t.Fatalf("mhfork.status: %v %v", v, err)
	}
	n := make([]int64, 8)
	for i, x := range v {
		n[i] = x.(int64)
	}
	return forkStatus{n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]}
}

func infoField(t *testing.T, c *redis.Client, section, name string) string {
	t.Helper()
	s, err := c.Info(context.Background(), section).Result()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(s, "\r\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && k == name {
			return v
		}
	}
	t.Fatalf("INFO %s has no %s", section, name)
	return ""
}

func logCount(t *testing.T, path, pattern string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return len(regexp.MustCompile(pattern).FindAll(b, -1))
}

// forkScenario drives mhfork through every fork API on one server and
// returns a transcript of what a client and the log could see; the parts
// that differ between servers (pids, CoW sizes) are left out.
func forkScenario(t *testing.T, addr, logfile string) []string {
	ctx := context.Background()
	c := redis.NewClient(&redis.Options{Addr: addr, Protocol: 2})
	defer c.Close()
	var out []string
	note := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	status := func() forkStatus { return readForkStatus(t, c) }
	waitDone := func(n int64) forkStatus {
		var st forkStatus
		waitFor(t, "the done handler", func() bool { st = status(); return st.done == n })
		return st
	}

	// A child that exits with 3, with a heartbeat at 50% (it lives 1.5s:
	// Redis reads heartbeats once a second).
	pid, err := c.Do(ctx, "mhfork.create", 3, 1500000, 0.5).Int()
	if err != nil || pid <= 0 {
		t.Fatalf("mhfork.create: %d %v", pid, err)
	}
	st := status()
	note("running: active=%d born=%d died=%d pid-ok=%v", st.active, st.born, st.died, st.pid == int64(pid))
	note("module_fork_in_progress=%s", infoField(t, c, "persistence", "module_fork_in_progress"))
	// One child at a time.
	_, err = c.Do(ctx, "mhfork.create", 0, 1).Result()
	note("second fork: %v", err)
	waitFor(t, "the heartbeat", func() bool { return infoField(t, c, "persistence", "current_fork_perc") == "50.00" })
	note("current_save_keys_total=%s", infoField(t, c, "persistence", "current_save_keys_total"))
	st = waitDone(1)
	note("exited: %+v", st)
	note("module_fork_in_progress=%s", infoField(t, c, "persistence", "module_fork_in_progress"))
	note("current_fork_perc=%s", infoField(t, c, "persistence", "current_fork_perc"))
	note("log: started=%d exiting=%d refused=%d exited=%d",
		logCount(t, logfile, `:C .* \* <mhfork> mhfork child started`),
		logCount(t, logfile, `:C .* # <mhfork> mhfork child exiting with 3\n`),
		logCount(t, logfile, `# Can't fork for module: File exists`),
		logCount(t, logfile, `Module fork exited pid: `+strconv.Itoa(pid)+`, retcode: 3, bysignal: 0`))

	// A clean exit: the child's own checks (IS_CHILD, allocation, strings,
	// no fork from the child) passed when it exits with 0.
	if _, err := c.Do(ctx, "mhfork.create", 0, 1).Int(); err != nil {
		t.Fatal(err)
	}
	st = waitDone(2)
	note("clean exit: %+v", st)
	cow, _ := strconv.Atoi(infoField(t, c, "persistence", "module_fork_last_cow_size"))
	note("last cow size reported: %v", cow > 0)
	note("total_forks=%s", infoField(t, c, "stats", "total_forks"))

	// KillForkChild: a wrong pid is refused, the right one stops the child
	// without calling the done handler; the died event still fires.
	pid, err = c.Do(ctx, "mhfork.create", 0, 100000000).Int()
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the child to start", func() bool { return logCount(t, logfile, `mhfork child started`) == 3 })
	_, err = c.Do(ctx, "mhfork.kill", 1).Result()
	note("kill pid 1: %v", err)
	killed, err := c.Do(ctx, "mhfork.kill").Int()
	note("kill: %d %v", killed, err)
	note("child gone: %v", errors.Is(syscall.Kill(pid, 0), syscall.ESRCH))
	st = status()
	note("after kill: %+v", st)
	_, err = c.Do(ctx, "mhfork.kill", pid).Result()
	note("kill again: %v", err)
	waitFor(t, "the SIGUSR1 line", func() bool {
		return logCount(t, logfile, strconv.Itoa(pid)+`:signal-handler \(\d+\) Received SIGUSR1 in child, exiting now.`) == 1
	})
	note("killing logged: %d", logCount(t, logfile, `Killing running module fork child: `+strconv.Itoa(pid)))
	time.Sleep(100 * time.Millisecond) // the done handler must not come late either
	note("done calls after kill: %d", status().done)

	// ExitFromChild in the server itself.
	_, err = c.Do(ctx, "mhfork.exitparent").Result()
	note("exit in parent: %v", err)
	return out
}

func startForkModhost(t *testing.T) (addr, logfile string) {
	logfile = filepath.Join(t.TempDir(), "modhost.log")
	// A copy of its own: the module's counters are globals, and servers in
	// one test process would share one dlopen'ed copy.
	so := execCopy(t, modulePath(t, "mhfork"))
	m := testserver.StartModhost(t, "--loglevel", "verbose", "--logfile", logfile, "--loadmodule", so)
	return m.Addr, logfile
}

// TestModuleFork runs the fork scenario on modhost and checks each step.
func TestModuleFork(t *testing.T) {
	addr, logfile := startForkModhost(t)
	got := forkScenario(t, addr, logfile)
	want := []string{
		"running: active=1 born=1 died=0 pid-ok=true",
		"module_fork_in_progress=1",
		"second fork: ERR fork failed: File exists",
		"current_save_keys_total=0",
		"exited: {done:1 exitcode:3 bysignal:0 born:1 died:1 active:0 activeInHandler:1 pid:-1}",
		"module_fork_in_progress=0",
		"current_fork_perc=0.00",
		"log: started=1 exiting=1 refused=1 exited=1",
		"clean exit: {done:2 exitcode:0 bysignal:0 born:2 died:2 active:0 activeInHandler:1 pid:-1}",
		"last cow size reported: true",
		"total_forks=2",
		"kill pid 1: ERR KillForkChild failed",
		"kill: 1 <nil>",
		"child gone: true",
		"after kill: {done:2 exitcode:0 bysignal:0 born:3 died:3 active:0 activeInHandler:1 pid:-1}",
		"kill again: ERR KillForkChild failed",
		"killing logged: 1",
		"done calls after kill: 2",
		"exit in parent: ERR ExitFromChild refused",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestModuleForkAgainstRedis runs the same scenario on real redis-server
// with the same module; only ExitFromChild in the parent differs (Redis
// would exit the whole server), so it is left out there.
func TestModuleForkAgainstRedis(t *testing.T) {
	so := execCopy(t, modulePath(t, "mhfork"))
	logfile := filepath.Join(t.TempDir(), "redis.log")
	r := testserver.StartRedis(t, "--loglevel", "verbose", "--logfile", logfile, "--loadmodule", so)
	want := forkScenarioNoExit(t, r.Addr, logfile)
	addr, mlog := startForkModhost(t)
	got := forkScenarioNoExit(t, addr, mlog)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("modhost:\n%s\nredis-server:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func forkScenarioNoExit(t *testing.T, addr, logfile string) []string {
	out := forkScenario(t, addr, logfile)
	return out[:len(out)-1]
}

// TestModuleForkChildReturns: a child that returns from its command
// without ExitFromChild is ended by the host (it must not serve on from
// the copy); the parent sees exit code 1.
func TestModuleForkChildReturns(t *testing.T) {
	addr, logfile := startForkModhost(t)
	c := redis.NewClient(&redis.Options{Addr: addr, Protocol: 2})
	defer c.Close()
	if _, err := c.Do(context.Background(), "mhfork.return").Int(); err != nil {
		t.Fatal(err)
	}
	var st forkStatus
	waitFor(t, "the done handler", func() bool { st = readForkStatus(t, c); return st.done == 1 })
	if st.exitcode != 1 || st.bysignal != 0 {
		t.Errorf("status %+v, want exit code 1", st)
	}
	if n := logCount(t, logfile, `returned to the server without RedisModule_ExitFromChild`); n != 1 {
		t.Errorf("log has the child's return %d times", n)
	}
	if err := c.Ping(context.Background()).Err(); err != nil {
		t.Fatal(err)
	}
}
