// Package acl holds Redis's access control lists: users, their selectors
// (command, key and channel permissions), the rule language of ACL SETUSER
// and the user lines of config and ACL files, the permission checks, and
// the ACL log. It knows nothing of the network or the command table's
// types: callers describe commands through a Catalog and pass the keys and
// channels of a call.
package acl

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"modhost/internal/glob"
)

// Categories are Redis 7.2's ACL categories, in the order ACL CAT lists
// them; bit i of a category mask is Categories[i].
var Categories = []string{
	"keyspace", "read", "write", "set", "sortedset", "list", "hash", "string",
	"bitmap", "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow",
	"blocking", "dangerous", "connection", "transaction", "scripting",
}

// CategoryBit returns the mask bit of a category name (case-insensitive),
// or 0 when there is no such category.
func CategoryBit(name string) uint64 {
	for i, c := range Categories {
		if strings.EqualFold(c, name) {
			return 1 << i
		}
	}
	return 0
}

// CategoryMask turns category names (without '@') into a mask; unknown
// names are ignored.
func CategoryMask(names []string) uint64 {
	var m uint64
	for _, n := range names {
		m |= CategoryBit(n)
	}
	return m
}

// Command is what the ACL needs to know of one command or subcommand.
type Command struct {
	// Name is the full lower-case name: "get", "config|get".
	Name string
	// Categories is a mask of CategoryBit values.
	Categories uint64
	// Subs are the subcommands of a container command.
	Subs []*Command
	// IsSub is set for a subcommand.
	IsSub bool
	// Module is set for module commands (ACL CAT leaves them out).
	Module bool
}

// Catalog is the command table as the ACL sees it.
type Catalog interface {
	// Lookup finds a command by full name ("get", "config|get"),
	// case-insensitively; nil when there is none.
	Lookup(name string) *Command
	// Commands returns every top-level command.
	Commands() []*Command
}

// Check results, ordered as Redis orders them when it picks which of
// several selectors' failures to report.
const (
	OK = iota
	DeniedCmd
	DeniedKey
	DeniedAuth
	DeniedChannel
)

// Key permission bits of a key pattern.
const (
	PermRead  = 1
	PermWrite = 2
	PermAll   = PermRead | PermWrite
)

// HashPassword returns the lower-case hex SHA-256 of a password, the form
// in which users keep passwords.
func HashPassword(p []byte) string {
	sum := sha256.Sum256(p)
	return hex.EncodeToString(sum[:])
}

// validHash reports whether h is 64 lower-case hex characters.
func validHash(h string) bool {
	if len(h) != 64 {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if (c < 'a' || c > 'f') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// HasSpaces reports whether s holds white space or a NUL byte, which
// user names and patterns may not contain.
func HasSpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\v', '\f', '\r', 0:
			return true
		}
	}
	return false
}

// Match is Redis's glob matching (stringmatchlen, case-sensitive).
func Match(pattern, s string) bool { return glob.MatchString(pattern, s, false) }

// SplitArgs splits a selector body the way Redis's sdssplitargs does:
// white space separates, double quotes take \-escapes, single quotes are
// literal. ok is false on unbalanced quotes.
func SplitArgs(line string) (args []string, ok bool) {
	i := 0
	for {
		for i < len(line) && isSpace(line[i]) {
			i++
		}
		if i >= len(line) {
			return args, true
		}
		var cur strings.Builder
		inq, insq := false, false
		for {
			if i >= len(line) {
				if inq || insq {
					return nil, false
				}
				break
			}
			c := line[i]
			switch {
			case inq:
				if c == '\\' && i+1 < len(line) {
					i++
					switch line[i] {
					case 'n':
						cur.WriteByte('\n')
					case 'r':
						cur.WriteByte('\r')
					case 't':
						cur.WriteByte('\t')
					case 'b':
						cur.WriteByte('\b')
					case 'a':
						cur.WriteByte('\a')
					default:
						cur.WriteByte(line[i])
					}
				} else if c == '"' {
					if i+1 < len(line) && !isSpace(line[i+1]) {
						return nil, false
					}
					inq = false
					i++
					goto done
				} else {
					cur.WriteByte(c)
				}
			case insq:
				if c == '\\' && i+1 < len(line) && line[i+1] == '\'' {
					i++
					cur.WriteByte('\'')
				} else if c == '\'' {
					if i+1 < len(line) && !isSpace(line[i+1]) {
						return nil, false
					}
					insq = false
					i++
					goto done
				} else {
					cur.WriteByte(c)
				}
			default:
				switch c {
				case ' ', '\n', '\r', '\t', 0:
					goto done
				case '"':
					inq = true
				case '\'':
					insq = true
				default:
					cur.WriteByte(c)
				}
			}
			i++
		}
	done:
		args = append(args, cur.String())
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
