package keyspace

import "strconv"

// String is a string value. Bytes are owned by the value: callers copy
// before keeping them past the execution lock.
type String struct {
	B []byte
	// Raw is set once the value was modified in place (APPEND, SETRANGE,
	// SETBIT), which makes Redis report the "raw" encoding.
	Raw bool
}

// Kind implements Value.
func (*String) Kind() Kind { return KindString }

// NewString copies b into a new String value.
func NewString(b []byte) *String { return &String{B: append([]byte(nil), b...)} }

// Encoding is what OBJECT ENCODING reports: int, embstr or raw.
func (s *String) Encoding() string {
	if _, ok := ParseInt(s.B); ok && len(s.B) <= 20 {
		return "int"
	}
	if !s.Raw && len(s.B) <= 44 {
		return "embstr"
	}
	return "raw"
}

// ParseInt parses b as Redis's string2ll does: optional '-', no '+', no
// leading zeros (except "0"), no spaces, and within int64.
func ParseInt(b []byte) (int64, bool) {
	n := len(b)
	if n == 0 || n > 20 {
		return 0, false
	}
	if n == 1 && b[0] == '0' {
		return 0, true
	}
	i := 0
	neg := false
	if b[0] == '-' {
		neg = true
		i++
		if i == n {
			return 0, false
		}
	}
	if b[i] < '1' || b[i] > '9' {
		return 0, false
	}
	var v uint64
	for ; i < n; i++ {
		c := b[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if v > (1<<64-1)/10 {
			return 0, false
		}
		v *= 10
		d := uint64(c - '0')
		if v > 1<<64-1-d {
			return 0, false
		}
		v += d
	}
	if neg {
		if v > 1<<63 {
			return 0, false
		}
		return -int64(v), true
	}
	if v > 1<<63-1 {
		return 0, false
	}
	return int64(v), true
}

// FormatInt appends n in decimal.
func FormatInt(b []byte, n int64) []byte { return strconv.AppendInt(b, n, 10) }
