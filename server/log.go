package server

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Log levels, in Redis's order.
const (
	LevelDebug = iota
	LevelVerbose
	LevelNotice
	LevelWarning
	LevelNothing
)

var levelMarks = []byte{'.', '-', '*', '#'}

// Logger writes lines in Redis's format ("pid:R dd Mon yyyy hh:mm:ss.mmm *
// text"), one write per line so the harness sees each line at once.
type Logger struct {
	mu    sync.Mutex
	out   io.Writer
	file  *os.File
	level atomic.Int32
	pid   int
	role  atomic.Int32
}

// NewLogger logs to path, or stdout when path is empty.
func NewLogger(path string, level int) (*Logger, error) {
	if path == "" {
		return NewLoggerTo(os.Stdout, level), nil
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	l := NewLoggerTo(f, level)
	l.file = f
	return l, nil
}

// NewLoggerTo logs to w (tests pass io.Discard or a buffer). The role
// starts as 'M'; start-up sets 'C' until the server is initialised, as
// Redis's early lines show.
func NewLoggerTo(w io.Writer, level int) *Logger {
	l := &Logger{out: w, pid: os.Getpid()}
	l.level.Store(int32(level))
	l.role.Store('M')
	return l
}

// File returns the descriptor the log writes to, when it writes to a file
// (or stdout): a module fork child writes its lines there itself.
func (l *Logger) File() (int, bool) {
	sc, ok := l.out.(syscall.Conn)
	if !ok {
		return -1, false
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return -1, false
	}
	fd := -1
	// Control, unlike (*os.File).Fd, leaves the descriptor's mode alone.
	if rc.Control(func(d uintptr) { fd = int(d) }) != nil {
		return -1, false
	}
	return fd, fd >= 0
}

// Level returns the current verbosity.
func (l *Logger) Level() int { return int(l.level.Load()) }

// SetLevel changes the verbosity (CONFIG SET loglevel).
func (l *Logger) SetLevel(level int) { l.level.Store(int32(level)) }

// SetRole sets the one-letter role: M (master), S (replica), C (before
// initialisation and in children), X (sentinel).
func (l *Logger) SetRole(r byte) { l.role.Store(int32(r)) }

// Logf writes one formatted line at the given level.
func (l *Logger) Logf(level int, format string, args ...any) {
	if l == nil || level < l.Level() {
		return
	}
	l.Raw(level, fmt.Sprintf(format, args...))
}

// Raw writes one preformatted line at the given level.
func (l *Logger) Raw(level int, msg string) {
	if l == nil || level < l.Level() {
		return
	}
	now := time.Now()
	mark := byte('*')
	if level >= 0 && level < len(levelMarks) {
		mark = levelMarks[level]
	}
	line := fmt.Sprintf("%d:%c %s.%03d %c %s\n", l.pid, byte(l.role.Load()),
		now.Format("02 Jan 2006 15:04:05"), now.Nanosecond()/1e6, mark, msg)
	l.write(line)
}

// FromSignal writes a line the way Redis's signal handler does
// ("pid:signal-handler (unixtime) text"): no level mark, no date.
func (l *Logger) FromSignal(level int, msg string) {
	if l == nil || level < l.Level() {
		return
	}
	l.write(strconv.Itoa(l.pid) + ":signal-handler (" + strconv.FormatInt(time.Now().Unix(), 10) + ") " + msg + "\n")
}

func (l *Logger) write(s string) {
	l.mu.Lock()
	_, _ = io.WriteString(l.out, s)
	l.mu.Unlock()
}

// Notice logs at notice level.
func (l *Logger) Notice(format string, args ...any) { l.Logf(LevelNotice, format, args...) }

// Warning logs at warning level.
func (l *Logger) Warning(format string, args ...any) { l.Logf(LevelWarning, format, args...) }

// Verbose logs at verbose level.
func (l *Logger) Verbose(format string, args ...any) { l.Logf(LevelVerbose, format, args...) }

// Debug logs at debug level.
func (l *Logger) Debug(format string, args ...any) { l.Logf(LevelDebug, format, args...) }

// Plain writes text without the prefix (the start-up banner) at notice
// level.
func (l *Logger) Plain(text string) {
	if l == nil || LevelNotice < l.Level() {
		return
	}
	l.write(text)
}

// Close closes the log file, if any.
func (l *Logger) Close() error {
	if l == nil || l.file == nil {
		return nil
	}
	return l.file.Close()
}

// ParseLevel maps a loglevel directive to a level.
func ParseLevel(s string) (int, bool) {
	switch s {
	case "debug":
		return LevelDebug, true
	case "verbose":
		return LevelVerbose, true
	case "notice":
		return LevelNotice, true
	case "warning":
		return LevelWarning, true
	case "nothing":
		return LevelNothing, true
	}
	return 0, false
}
