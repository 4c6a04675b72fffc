package config

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// ErrUnbalancedQuotes is returned by SplitArgs for a line with an unclosed
// quote, or a closing quote not followed by a space.
var ErrUnbalancedQuotes = errors.New("unbalanced quotes")

func isSpace(c byte) bool {
	// C isspace in the "C" locale.
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// SplitArgs splits a line into arguments the way redis.conf and redis-cli do
// (sdssplitargs): arguments are separated by whitespace; "double quotes"
// understand \n \r \t \b \a \xHH and backslash before any other byte;
// 'single quotes' understand only \'. A closing quote must be followed by
// whitespace or the end of the line. Quotes that are not closed, or closed
// and directly followed by another byte, give ErrUnbalancedQuotes. An empty
// or blank line gives an empty, non-nil slice.
func SplitArgs(line string) ([]string, error) {
	args := []string{}
	i := 0
	for {
		for i < len(line) && isSpace(line[i]) {
			i++
		}
		if i >= len(line) {
			return args, nil
		}
		var cur []byte
		inq, insq := false, false
		for done := false; !done; {
			var c byte
			if i < len(line) {
				c = line[i]
			}
			end := i >= len(line)
			switch {
			case inq:
				if end {
					return nil, ErrUnbalancedQuotes
				}
				if c == '\\' && i+3 < len(line) && line[i+1] == 'x' {
					hi, ok1 := hexVal(line[i+2])
					lo, ok2 := hexVal(line[i+3])
					if ok1 && ok2 {
						cur = append(cur, hi<<4|lo)
						i += 3
						break
					}
				}
				if c == '\\' && i+1 < len(line) {
					i++
					switch line[i] {
					case 'n':
						cur = append(cur, '\n')
					case 'r':
						cur = append(cur, '\r')
					case 't':
						cur = append(cur, '\t')
					case 'b':
						cur = append(cur, '\b')
					case 'a':
						cur = append(cur, '\a')
					default:
						cur = append(cur, line[i])
					}
				} else if c == '"' {
					if i+1 < len(line) && !isSpace(line[i+1]) {
						return nil, ErrUnbalancedQuotes
					}
					done = true
				} else {
					cur = append(cur, c)
				}
			case insq:
				if end {
					return nil, ErrUnbalancedQuotes
				}
				if c == '\\' && i+1 < len(line) && line[i+1] == '\'' {
					i++
					cur = append(cur, '\'')
				} else if c == '\'' {
					if i+1 < len(line) && !isSpace(line[i+1]) {
						return nil, ErrUnbalancedQuotes
					}
					done = true
				} else {
					cur = append(cur, c)
				}
			default:
				switch {
				case end || c == ' ' || c == '\n' || c == '\r' || c == '\t':
					done = true
				case c == '"':
					inq = true
				case c == '\'':
					insq = true
				default:
					cur = append(cur, c)
				}
			}
			if !end {
				i++
			}
		}
		args = append(args, string(cur))
	}
}

// Repr quotes s the way Redis writes strings into a rewritten config file
// (sdscatrepr): in double quotes, with \\ \" \n \r \t \a \b escaped,
// printable ASCII as is and every other byte as \xHH.
func Repr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '"':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		default:
			if c >= 0x20 && c < 0x7f {
				b.WriteByte(c)
			} else {
				b.WriteString(`\x`)
				b.WriteString(strconv.FormatUint(uint64(c)>>4, 16))
				b.WriteString(strconv.FormatUint(uint64(c)&15, 16))
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ParseMemory parses a memory amount as redis.conf accepts it (memtoull):
// digits followed by an optional unit, case-insensitive: b, k (1000),
// kb (1024), m, mb, g, gb. A leading '-' or an unknown unit is an error.
// Like Redis, an empty digit string counts as 0 and overflow saturates or
// wraps instead of failing.
func ParseMemory(s string) (uint64, bool) {
	if strings.HasPrefix(s, "-") {
		return 0, false
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	var mul uint64
	switch strings.ToLower(s[n:]) {
	case "", "b":
		mul = 1
	case "k":
		mul = 1000
	case "kb":
		mul = 1024
	case "m":
		mul = 1000 * 1000
	case "mb":
		mul = 1024 * 1024
	case "g":
		mul = 1000 * 1000 * 1000
	case "gb":
		mul = 1024 * 1024 * 1024
	default:
		return 0, false
	}
	if n >= 128 {
		return 0, false
	}
	var v uint64
	for i := 0; i < n; i++ {
		d := uint64(s[i] - '0')
		if v > (math.MaxUint64-d)/10 {
			v = math.MaxUint64 // strtoull saturates and Redis ignores ERANGE
			break
		}
		v = v*10 + d
	}
	return v * mul, true
}

// FormatMemory writes bytes the way CONFIG REWRITE does: in gb, mb or kb
// when the value is an exact multiple, else as plain bytes.
func FormatMemory(bytes int64) string {
	const kb, mb, gb = 1024, 1024 * 1024, 1024 * 1024 * 1024
	switch {
	case bytes != 0 && bytes%gb == 0:
		return strconv.FormatInt(bytes/gb, 10) + "gb"
	case bytes != 0 && bytes%mb == 0:
		return strconv.FormatInt(bytes/mb, 10) + "mb"
	case bytes != 0 && bytes%kb == 0:
		return strconv.FormatInt(bytes/kb, 10) + "kb"
	}
	return strconv.FormatInt(bytes, 10)
}

// parseStrictInt is Redis's string2ll: an optional '-', no '+', no spaces,
// no leading zeros, no overflow.
func parseStrictInt(s string) (int64, bool) {
	if s == "" || len(s) > 20 {
		return 0, false
	}
	if s == "0" {
		return 0, true
	}
	d := s
	if d[0] == '-' {
		d = d[1:]
	}
	if d == "" || d[0] < '1' || d[0] > '9' {
		return 0, false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}

// cStrtoll mimics strtoll(s, &end, base) followed by the check *end == '\0'
// that Redis uses in several special parsers: leading whitespace and a sign
// are accepted, the empty string parses as 0, and overflow saturates.
func cStrtoll(s string, base int) (int64, bool) {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	start := i
	var v uint64
	over := false
	for ; i < len(s); i++ {
		d, ok := hexVal(s[i])
		if !ok || int(d) >= base {
			break
		}
		if v > (math.MaxUint64-uint64(d))/uint64(base) {
			over = true
		} else {
			v = v*uint64(base) + uint64(d)
		}
	}
	if i == start {
		// No digits: strtoll leaves end at the start of the input, so the
		// check passes only for an input that is entirely empty.
		return 0, s == ""
	}
	if i != len(s) {
		return 0, false
	}
	if neg {
		if over || v > 1<<63 {
			return math.MinInt64, true
		}
		return -int64(v), true
	}
	if over || v > math.MaxInt64 {
		return math.MaxInt64, true
	}
	return int64(v), true
}

// parseStrictFloat is Redis's string2d: strtod over the whole input, no
// leading space, no NaN, and no overflow or underflow.
func parseStrictFloat(s string) (float64, bool) {
	if s == "" || isSpace(s[0]) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// formatPercentile prints a float as "%f" with trailing zeros (and a bare
// trailing dot) removed, like Redis's trimDoubleString.
func formatPercentile(f float64) string {
	s := strconv.FormatFloat(f, 'f', 6, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return s
}
