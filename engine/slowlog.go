package engine

import (
	"fmt"
	"time"
)

// Limits on what one slow log entry keeps, as Redis's slowlog.h.
const (
	slowlogMaxArgc   = 32
	slowlogMaxString = 128
)

// SlowlogEntry is one SLOWLOG GET row.
type SlowlogEntry struct {
	ID       int64
	Time     int64 // unix seconds
	Duration int64 // microseconds
	Args     [][]byte
	Peer     string
	Name     string
}

// Slowlog keeps the slowest commands, newest first. Lock held.
type Slowlog struct {
	entries []SlowlogEntry
	nextID  int64
}

// push logs a command that ran for us microseconds when it crosses
// slowlog-log-slower-than.
func (l *Slowlog) push(s *Server, c *Client, cmd *Spec, args [][]byte, us int64) {
	if cmd.Flags&FlagSkipSlowlog != 0 {
		return
	}
	limit, max := s.Settings.SlowlogLogSlowerThan, s.Settings.SlowlogMaxLen
	if limit < 0 || max <= 0 || us < limit {
		return
	}
	n := len(args)
	if n > slowlogMaxArgc {
		n = slowlogMaxArgc
	}
	kept := make([][]byte, n)
	for i := 0; i < n; i++ {
		a := args[i]
		switch {
		case n != len(args) && i == n-1:
			kept[i] = []byte(fmt.Sprintf("... (%d more arguments)", len(args)-n+1))
		case len(a) > slowlogMaxString:
			b := append([]byte(nil), a[:slowlogMaxString]...)
			kept[i] = append(b, fmt.Sprintf("... (%d more bytes)", len(a)-slowlogMaxString)...)
		default:
			kept[i] = append([]byte(nil), a...)
		}
	}
	e := SlowlogEntry{ID: l.nextID, Time: time.Now().Unix(), Duration: us, Args: kept,
		Peer: c.PeerID(), Name: c.Name}
	l.nextID++
	l.entries = append([]SlowlogEntry{e}, l.entries...)
	if len(l.entries) > max {
		l.entries = l.entries[:max]
	}
}

// Entries returns the newest n entries (all when n < 0).
func (l *Slowlog) Entries(n int) []SlowlogEntry {
	if n < 0 || n > len(l.entries) {
		n = len(l.entries)
	}
	return l.entries[:n]
}

// Len is SLOWLOG LEN.
func (l *Slowlog) Len() int { return len(l.entries) }

// Reset is SLOWLOG RESET.
func (l *Slowlog) Reset() { l.entries = nil }

// Trim applies a lowered slowlog-max-len.
func (l *Slowlog) Trim(max int) {
	if max >= 0 && len(l.entries) > max {
		l.entries = l.entries[:max]
	}
}
