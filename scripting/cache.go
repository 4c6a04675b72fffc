package scripting

import (
	"crypto/sha1"
	"encoding/hex"
	"regexp"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"modhost/engine"
)

// Script flags from the "#!lua flags=..." shebang.
const (
	flagNoWrites = 1 << iota
	flagAllowOOM
	flagAllowStale
	flagNoCluster
	flagAllowCrossSlot
	// flagCompat marks a script without a shebang: it runs with the
	// permissive rules scripts had before Redis 7.0.
	flagCompat
)

var shebangFlags = map[string]int{
	"no-writes":             flagNoWrites,
	"allow-oom":             flagAllowOOM,
	"allow-stale":           flagAllowStale,
	"no-cluster":            flagNoCluster,
	"allow-cross-slot-keys": flagAllowCrossSlot,
}

// script is one cached script: its source and its compiled function.
type script struct {
	body  string
	flags int
	fn    *lua.LFunction
}

// sha1hex is the lower-case hex SHA1 of s, the name scripts go by.
func sha1hex(s string) string {
	sum := sha1.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

// parseShebang reads the flags of body's first line when it is a shebang.
// It returns the flags and the length of the line (without its newline,
// so line numbers in the rest stay right), or Redis's error text.
func parseShebang(body string) (flags, n int, errText string) {
	if !strings.HasPrefix(body, "#!") {
		return flagCompat, 0, ""
	}
	end := strings.IndexByte(body, '\n')
	if end < 0 {
		return 0, 0, "Invalid script shebang"
	}
	parts, ok := splitArgs(body[:end])
	if !ok || len(parts) == 0 {
		return 0, 0, "Invalid engine in script shebang"
	}
	if parts[0] != "#!lua" {
		return 0, 0, "Unexpected engine in script shebang: " + parts[0]
	}
	for _, p := range parts[1:] {
		list, isFlags := strings.CutPrefix(p, "flags=")
		if !isFlags {
			return 0, 0, "Unknown lua shebang option: " + p
		}
		if list == "" {
			continue
		}
		for _, f := range strings.Split(list, ",") {
			bit, known := shebangFlags[f]
			if !known {
				return 0, 0, "Unexpected flag in script shebang: " + f
			}
			flags |= bit
		}
	}
	return flags, end, ""
}

// splitArgs splits a line into words the way Redis splits config and
// shebang lines: blanks separate, double quotes (with backslash escapes)
// and single quotes group. ok is false on an unbalanced quote.
func splitArgs(line string) (out []string, ok bool) {
	i := 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n' || line[i] == '\v' || line[i] == '\f') {
			i++
		}
		if i >= len(line) {
			return out, true
		}
		var w strings.Builder
		inDouble, inSingle := false, false
		for ; i < len(line); i++ {
			ch := line[i]
			if inDouble {
				switch {
				case ch == '\\' && i+1 < len(line):
					i++
					switch line[i] {
					case 'n':
						w.WriteByte('\n')
					case 'r':
						w.WriteByte('\r')
					case 't':
						w.WriteByte('\t')
					default:
						w.WriteByte(line[i])
					}
				case ch == '"':
					if i+1 < len(line) && line[i+1] != ' ' {
						return nil, false
					}
					inDouble = false
				default:
					w.WriteByte(ch)
				}
				continue
			}
			if inSingle {
				if ch == '\'' {
					if i+1 < len(line) && line[i+1] != ' ' {
						return nil, false
					}
					inSingle = false
				} else {
					w.WriteByte(ch)
				}
				continue
			}
			if ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' {
				break
			}
			switch ch {
			case '"':
				inDouble = true
			case '\'':
				inSingle = true
			default:
				w.WriteByte(ch)
			}
		}
		if inDouble || inSingle {
			return nil, false
		}
		out = append(out, w.String())
	}
}

// lookup finds a cached script by its SHA1, in any letter case.
func (st *State) lookup(sha string) *script {
	return st.cache[strings.ToLower(sha)]
}

// load compiles body into the cache (when not there yet) and returns its
// SHA1, or the error reply text.
func (st *State) load(body string) (string, *script, string) {
	sha := sha1hex(body)
	if sc := st.cache[sha]; sc != nil {
		return sha, sc, ""
	}
	flags, n, errText := parseShebang(body)
	if errText != "" {
		return "", nil, "ERR " + errText
	}
	fn, err := st.L.Load(strings.NewReader(body[n:]), chunkName)
	if err != nil {
		return "", nil, "ERR Error compiling script (new function): " + compileError(err)
	}
	fn.Env = st.sandbox
	sc := &script{body: body, flags: flags, fn: fn}
	st.cache[sha] = sc
	return sha, sc, ""
}

// chunkName is the name compiled scripts carry: Lua prints it in error
// positions ("user_script:1: ...") and Redis's error replies name the
// source as "@user_script".
const chunkName = "user_script"

// gopher-lua reports syntax errors as "<chunk> line:N(column:M) near
// 'tok':   message"; Lua 5.1 says "<chunk>:N: message near 'tok'".
var compileErrRe = regexp.MustCompile(`^(\S+) line:(\d+)\(column:\d+\) near '(.*)':\s+(.*?)\s*$`)

func compileError(err error) string {
	msg := err.Error()
	if ae, ok := err.(*lua.ApiError); ok {
		msg = ae.Object.String()
	}
	msg = strings.TrimSpace(msg)
	if m := compileErrRe.FindStringSubmatch(msg); m != nil {
		near := m[3]
		if near == "EOF" {
			near = "<eof>"
		}
		return m[1] + ":" + m[2] + ": " + m[4] + " near '" + near + "'"
	}
	return msg
}

// CommandFlags is the flags a call of EVAL, EVALSHA or their *_RO forms
// with args has (Redis's evalGetCommandFlags): a script with a shebang
// replaces the command's write, deny-oom and stale flags by what its
// flags say, so the checks before it runs (OOM, read-only replica,
// MISCONF, RM_Call's "M" and "W") judge the script; a script without one,
// or one not in the cache for EVALSHA, keeps the command's flags.
func CommandFlags(s *engine.Server, args [][]byte, bySHA bool, base engine.Flag) engine.Flag {
	if len(args) < 2 || (bySHA && len(args[1]) != 40) {
		return base
	}
	st := For(s)
	var flags int
	if bySHA {
		sc := st.lookup(string(args[1]))
		if sc == nil {
			return base
		}
		flags = sc.flags
	} else if sc := st.cache[sha1hex(string(args[1]))]; sc != nil {
		flags = sc.flags
	} else {
		var errText string
		if flags, _, errText = parseShebang(string(args[1])); errText != "" {
			return base
		}
	}
	if flags&flagCompat != 0 {
		return base
	}
	f := base &^ (engine.FlagStale | engine.FlagDenyOOM | engine.FlagWrite | engine.FlagMayReplicate)
	if flags&(flagAllowOOM|flagNoWrites) == 0 {
		f |= engine.FlagDenyOOM
	}
	if flags&flagNoWrites == 0 {
		f |= engine.FlagWrite
	}
	if flags&flagAllowStale != 0 {
		f |= engine.FlagStale
	}
	return f
}
