// Package bench holds the pieces of `make bench`: child servers (modhost and
// Debian's redis-server) on free loopback ports, a small RESP client, a
// redis-benchmark runner, process measurements and the markdown report.
// bench/cmd/bench puts them together.
package bench

import (
	"bufio"
	"context"
	"errors"
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
	"time"
)

// Module is a module .so both servers may be asked to load.
type Module struct {
	// Name is the name the module gives itself in RedisModule_Init, as
	// MODULE LIST shows it.
	Name string
	// Path is the absolute path of the .so.
	Path string
	// Probe is a command that replies "ERR unknown command" unless the
	// module is loaded; nil when the module has no command of its own.
	Probe []string
}

// Server is a server process this program started.
type Server struct {
	// Label is "modhost" or "redis".
	Label string
	// Addr is host:port on 127.0.0.1.
	Addr string
	// Port is the listening port.
	Port int
	// Modules are the modules it was started with.
	Modules []Module

	cmd     *exec.Cmd
	dir     string
	logPath string
	done    chan struct{}
}

var (
	liveMu sync.Mutex
	live   = map[*Server]bool{}
)

// StopAll stops every server still running; the signal handler and the
// end of main call it so no child outlives the benchmark.
func StopAll() {
	liveMu.Lock()
	list := make([]*Server, 0, len(live))
	for s := range live {
		list = append(list, s)
	}
	liveMu.Unlock()
	for _, s := range list {
		s.Stop()
	}
}

// FreePort returns a loopback port nobody listens on right now.
func FreePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// Start runs bin as a redis-server style server on a free loopback port
// with persistence off and the given modules, and waits until it accepts
// connections. When the process exits first, the error carries the end of
// its log.
func Start(label, bin string, mods []Module) (*Server, error) {
	port, err := FreePort()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "modhost-bench-"+label+"-")
	if err != nil {
		return nil, err
	}
	args := []string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no", "--dir", dir}
	for _, m := range mods {
		args = append(args, "--loadmodule", m.Path)
	}
	logPath := filepath.Join(dir, "server.log")
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stdout = logf
	cmd.Stderr = logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, err
	}
	logf.Close()
	s := &Server{Label: label, Addr: "127.0.0.1:" + strconv.Itoa(port), Port: port,
		Modules: mods, cmd: cmd, dir: dir, logPath: logPath, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		close(s.done)
	}()
	liveMu.Lock()
	live[s] = true
	liveMu.Unlock()

	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if !s.Alive() {
			msg := s.LogSummary()
			s.Stop()
			return nil, fmt.Errorf("%s exited at startup: %s", label, msg)
		}
		c, err := net.DialTimeout("tcp", s.Addr, time.Second)
		if err == nil {
			c.Close()
			return s, nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.Stop()
	return nil, fmt.Errorf("%s did not listen on %s within 15s", label, s.Addr)
}

// Pid is the server's process id.
func (s *Server) Pid() int { return s.cmd.Process.Pid }

// Alive reports whether the process is still running.
func (s *Server) Alive() bool {
	select {
	case <-s.done:
		return false
	default:
		return true
	}
}

// Stop ends the process (SIGTERM, then SIGKILL after 5s) and removes its
// directory.
func (s *Server) Stop() {
	liveMu.Lock()
	delete(live, s)
	liveMu.Unlock()
	if s.Alive() {
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.done:
		case <-time.After(5 * time.Second):
			_ = s.cmd.Process.Kill()
			<-s.done
		}
	}
	_ = os.RemoveAll(s.dir)
}

// Redis log lines start with "pid:role date time level "; the reason is
// what follows.
var logPrefix = regexp.MustCompile(`^\d+:[A-Z] \d+ \w+ \d+ [\d:.]+ [.\-*#] `)

// goCrash matches the first line of a Go runtime crash report.
var goCrash = regexp.MustCompile(`^(panic: |fatal error: |SIG[A-Z]+: )`)

// goCrashWhere names the first modhost function in the rest of a crash
// report, which is where the crash happened.
func goCrashWhere(sc *bufio.Scanner) string {
	for sc.Scan() {
		if l := sc.Text(); strings.HasPrefix(l, "modhost/") {
			if i := strings.IndexByte(l, '('); i > 0 {
				l = l[:i]
			}
			return " in " + l
		}
	}
	return ""
}

// LogSummary returns the most telling lines of the server's log: warnings
// (Redis marks them '#') and anything that is not a normal Redis log line,
// at most three, joined with "; ".
func (s *Server) LogSummary() string {
	data, _ := os.ReadFile(s.logPath)
	var picked, aboutModules []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if loc := logPrefix.FindStringIndex(line); loc != nil {
			if line[loc[1]-2] != '#' {
				continue
			}
			line = line[loc[1]:]
		}
		picked = append(picked, line)
		if goCrash.MatchString(line) {
			return line + goCrashWhere(sc)
		}
		if strings.Contains(strings.ToLower(line), "module") {
			aboutModules = append(aboutModules, line)
		}
	}
	// Unrelated warnings (memory overcommit ...) must not hide the reason.
	if len(aboutModules) > 0 {
		picked = aboutModules
	}
	if len(picked) > 3 {
		picked = picked[len(picked)-3:]
	}
	if len(picked) == 0 {
		return "no log output"
	}
	return strings.Join(picked, "; ")
}

// ModuleStatus tells whether a running server has module m loaded: "" when
// it has, otherwise the reason it has not. It asks MODULE LIST and falls
// back to the module's probe command when MODULE is unknown.
func (s *Server) ModuleStatus(m Module) string {
	crashed := func(what string, err error) string {
		time.Sleep(300 * time.Millisecond)
		if !s.Alive() {
			return s.Label + " exited after it started listening: " + s.LogSummary()
		}
		return what + ": " + err.Error()
	}
	c, err := Dial(s.Addr)
	if err != nil {
		return crashed("cannot connect", err)
	}
	defer c.Close()
	r, err := c.Do("MODULE", "LIST")
	if err != nil {
		return crashed("MODULE LIST failed", err)
	}
	if r.Kind == '*' {
		for _, mod := range r.Elems {
			if name, ok := mod.Field("name"); ok && strings.EqualFold(name, m.Name) {
				return ""
			}
		}
		return "started, but MODULE LIST does not show it"
	}
	if m.Probe == nil {
		return "cannot tell: MODULE LIST answered " + r.Str
	}
	p, err := c.Do(m.Probe...)
	if err != nil {
		return crashed("probe failed", err)
	}
	if p.Kind == '-' && strings.HasPrefix(p.Str, "ERR unknown command") {
		return "server started, but the module's commands are unknown (--loadmodule not honoured yet)"
	}
	return ""
}

// ProbeModules starts bin once per module with only that module and
// returns, per module name, "" when it loads or the reason it does not.
func ProbeModules(label, bin string, mods []Module) map[string]string {
	out := map[string]string{}
	for _, m := range mods {
		if _, err := os.Stat(m.Path); err != nil {
			out[m.Name] = "file missing: " + m.Path
			continue
		}
		s, err := Start(label, bin, []Module{m})
		if err != nil {
			out[m.Name] = err.Error()
			continue
		}
		out[m.Name] = s.ModuleStatus(m)
		s.Stop()
	}
	return out
}

// errTimeout marks a command that ran past its deadline.
var errTimeout = errors.New("timed out")

// runCtx runs a command with a deadline and returns stdout, stderr.
func runCtx(d time.Duration, name string, args ...string) (string, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	var out, errb strings.Builder
	cmd.Stdout = &out
	cmd.Stderr = &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		err = errTimeout
	}
	return out.String(), errb.String(), err
}
