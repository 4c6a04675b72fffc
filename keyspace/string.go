package keyspace

import "strconv"

// String is a string value. Bytes are owned by the value: callers copy
// before keeping them past the execution lock.
//
// Redis picks a string's encoding when the value is created (int when the
// bytes are a small canonical integer, embstr up to 44 bytes, raw beyond)
// and switches to raw once it is modified in place. The flags below record
// the departures from that rule so OBJECT ENCODING and OBJECT REFCOUNT
// answer as Redis does.
type String struct {
	B []byte
	// Raw is set once the value was modified in place (APPEND, SETRANGE,
	// SETBIT, BITFIELD) or created as a raw buffer (SETRANGE, SETBIT and
	// BITOP on a new key), which makes Redis report the "raw" encoding.
	Raw bool
	// NoInt marks a value built from a formatted buffer that Redis never
	// tries to encode as an integer (INCRBYFLOAT's result).
	NoInt bool
	// Unshared marks a small integer that is not Redis's shared integer
	// object (COPY duplicates it), so its refcount is 1.
	Unshared bool
}

// Kind implements Value.
func (*String) Kind() Kind { return KindString }

// NewString copies b into a new String value, encoded as Redis encodes a
// value received from a client (SET, MSET, GETSET, APPEND on a new key).
func NewString(b []byte) *String { return &String{B: clone(b)} }

// clone copies b into a buffer of exactly its size (nil when empty, as
// append([]byte(nil), b...) gives): append would round a 3-byte value up
// to 8 bytes, a large part of what a small key's value costs.
func clone(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	c := make([]byte, len(b))
	copy(c, b)
	return c
}

// NewRawString wraps b (not copied) as a raw-encoded value.
func NewRawString(b []byte) *String { return &String{B: b, Raw: true} }

// Encoding is what OBJECT ENCODING reports: int, embstr or raw.
func (s *String) Encoding() string {
	if s.Raw {
		return "raw"
	}
	if !s.NoInt {
		if _, ok := ParseInt(s.B); ok {
			return "int"
		}
	}
	if len(s.B) <= 44 {
		return "embstr"
	}
	return "raw"
}

// sharedIntegers is OBJ_SHARED_INTEGERS: 0..9999 live in shared objects.
const sharedIntegers = 10000

// Refcount is what OBJECT REFCOUNT reports: INT_MAX for Redis's shared
// small integers, 1 otherwise.
func (s *String) Refcount() int64 {
	if !s.Raw && !s.NoInt && !s.Unshared {
		if n, ok := ParseInt(s.B); ok && n >= 0 && n < sharedIntegers {
			return 1<<31 - 1
		}
	}
	return 1
}

// Dup returns an independent copy with the same encoding (COPY).
func (s *String) Dup() Value {
	d := &String{B: append([]byte(nil), s.B...), Raw: s.Raw, NoInt: s.NoInt, Unshared: true}
	return d
}

// Duplicator is implemented by values COPY can clone.
type Duplicator interface {
	Dup() Value
}

// ModuleCopier is implemented by a ModuleType whose module registered a
// copy or copy2 callback; COPY calls it. ok=false means the callback
// returned NULL. Types without it cannot be copied.
type ModuleCopier interface {
	Copy(v *ModuleValue, fromKey, toKey string, fromDB, toDB int) (out *ModuleValue, ok bool)
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
