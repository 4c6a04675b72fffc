package server

import (
	"fmt"
	"io"
	"os"
	"sync"
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
	Level int
	pid   int
	// Role is the one-letter role: M (master), C (child), X (sentinel).
	Role byte
}

// NewLogger logs to path, or stdout when path is empty.
func NewLogger(path string, level int) (*Logger, error) {
	l := &Logger{out: os.Stdout, Level: level, pid: os.Getpid(), Role: 'M'}
	if path != "" {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return nil, err
		}
		l.out, l.file = f, f
	}
	return l, nil
}

// Logf writes one formatted line at the given level.
func (l *Logger) Logf(level int, format string, args ...any) {
	if l == nil || level < l.Level {
		return
	}
	l.Raw(level, fmt.Sprintf(format, args...))
}

// Raw writes one preformatted line at the given level.
func (l *Logger) Raw(level int, msg string) {
	if l == nil || level < l.Level {
		return
	}
	now := time.Now()
	mark := byte('*')
	if level >= 0 && level < len(levelMarks) {
		mark = levelMarks[level]
	}
	line := fmt.Sprintf("%d:%c %s.%03d %c %s\n", l.pid, l.Role,
		now.Format("02 Jan 2006 15:04:05"), now.Nanosecond()/1e6, mark, msg)
	l.mu.Lock()
	_, _ = io.WriteString(l.out, line)
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

// Plain writes text without the prefix (the start-up banner).
func (l *Logger) Plain(text string) {
	l.mu.Lock()
	_, _ = io.WriteString(l.out, text)
	l.mu.Unlock()
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
