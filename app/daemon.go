package app

import (
	"bytes"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// daemonize yes: Redis forks and lets the parent exit. fork() without
// exec is unsafe in a Go process (only the forking thread survives, and
// the runtime's other threads hold locks), so modhost re-executes its own
// binary instead: the child starts with the same arguments, working
// directory and stdin config text in a new session with stdio on
// /dev/null, and a pipe on fd 3. The child writes one byte on it once it
// is ready to accept connections; the parent then exits 0. If the child
// fails to start (bad port, module error) the pipe closes without that
// byte and the parent exits 1, so scripts learn of the failure, which
// Redis's parent cannot tell them.
const daemonEnv = "MODHOST_DAEMON_CHILD"

// daemonReadyTimeout bounds how long the parent waits for the child (a
// large dataset may take long to load).
const daemonReadyTimeout = 10 * time.Minute

// isDaemonChild reports whether this process is the re-executed daemon,
// and clears the marker so processes it starts are not mistaken for one.
func isDaemonChild() bool {
	if os.Getenv(daemonEnv) != "1" {
		return false
	}
	os.Unsetenv(daemonEnv)
	return true
}

// daemonize starts the daemon child and returns the parent's exit code.
func daemonize(args []string, stdinText []byte, dir string) int {
	exe, err := os.Executable()
	if err != nil {
		return 1
	}
	r, w, err := os.Pipe()
	if err != nil {
		return 1
	}
	devnull, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		return 1
	}
	defer devnull.Close()
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), daemonEnv+"=1")
	cmd.Stdin = devnull
	if stdinText != nil {
		cmd.Stdin = bytes.NewReader(stdinText)
	}
	cmd.Stdout, cmd.Stderr = devnull, devnull
	cmd.ExtraFiles = []*os.File{w}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		w.Close()
		r.Close()
		return 1
	}
	w.Close()
	_ = r.SetReadDeadline(time.Now().Add(daemonReadyTimeout))
	var b [1]byte
	n, _ := r.Read(b[:])
	r.Close()
	// The child lives on; the parent does not wait for it.
	_ = cmd.Process.Release()
	if n == 1 {
		return 0
	}
	return 1
}

// daemonReady tells the waiting parent that the child serves.
func daemonReady() {
	f := os.NewFile(3, "daemon-ready")
	if f == nil {
		return
	}
	_, _ = f.Write([]byte{1})
	f.Close()
}
