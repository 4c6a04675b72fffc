package resp

import (
	"bufio"
	"bytes"
	"errors"
	"strconv"
)

// ErrIncomplete means the buffer ends inside a reply.
var ErrIncomplete = errors.New("resp: incomplete reply")

// ErrSyntax means the bytes are not RESP.
var ErrSyntax = errors.New("resp: syntax error")

// Value is a parsed reply. Type is the RESP type byte ('+', '-', ':', '$',
// '*', '%', '~', '>', '|', '_', ',', '#', '(', '='); Null is set for $-1,
// *-1 and '_'.
type Value struct {
	Type  byte
	Str   []byte // simple, error, bulk, verbatim (without format), big number, double text
	Int   int64
	Elems []Value // array, set, push; maps hold key, value, key, value...
	Attrs []Value // attribute pairs that preceded the value
	Null  bool
	// Format is a verbatim string's 3-byte format.
	Format string
}

// Parse parses one reply from b and returns it and its length.
func Parse(b []byte) (Value, int, error) {
	if len(b) == 0 {
		return Value{}, 0, ErrIncomplete
	}
	nl := bytes.Index(b, []byte("\r\n"))
	if nl < 0 {
		return Value{}, 0, ErrIncomplete
	}
	t := b[0]
	line := b[1:nl]
	pos := nl + 2
	v := Value{Type: t}
	switch t {
	case '+', '-', '(':
		v.Str = line
	case ',':
		v.Str = line
	case ':':
		n, err := strconv.ParseInt(string(line), 10, 64)
		if err != nil {
			return v, 0, ErrSyntax
		}
		v.Int = n
	case '#':
		v.Int = 0
		if len(line) == 1 && line[0] == 't' {
			v.Int = 1
		}
	case '_':
		v.Null = true
	case '$', '=', '!':
		n, err := strconv.Atoi(string(line))
		if err != nil {
			return v, 0, ErrSyntax
		}
		if n < 0 {
			v.Null = true
			break
		}
		if len(b) < pos+n+2 {
			return v, 0, ErrIncomplete
		}
		v.Str = b[pos : pos+n]
		if t == '=' && n >= 4 {
			v.Format = string(v.Str[:3])
			v.Str = v.Str[4:]
		}
		pos += n + 2
	case '*', '~', '>', '%', '|':
		n, err := strconv.Atoi(string(line))
		if err != nil {
			return v, 0, ErrSyntax
		}
		if n < 0 {
			v.Null = true
			break
		}
		count := n
		if t == '%' || t == '|' {
			count = 2 * n
		}
		v.Elems = make([]Value, 0, count)
		for i := 0; i < count; i++ {
			e, m, err := Parse(b[pos:])
			if err != nil {
				return v, 0, err
			}
			v.Elems = append(v.Elems, e)
			pos += m
		}
		if t == '|' {
			// An attribute decorates the reply that follows it.
			next, m, err := Parse(b[pos:])
			if err != nil {
				return v, 0, err
			}
			next.Attrs = v.Elems
			return next, pos + m, nil
		}
	default:
		return v, 0, ErrSyntax
	}
	return v, pos, nil
}

// ReadRaw reads exactly one reply from r and returns its raw bytes.
func ReadRaw(r *bufio.Reader) ([]byte, error) {
	var out []byte
	if err := readRaw(r, &out); err != nil {
		return nil, err
	}
	return out, nil
}

func readRaw(r *bufio.Reader, out *[]byte) error {
	line, err := r.ReadBytes('\n')
	if err != nil {
		return err
	}
	*out = append(*out, line...)
	if len(line) < 3 {
		return ErrSyntax
	}
	body := line[1 : len(line)-2]
	switch line[0] {
	case '$', '=', '!':
		n, err := strconv.Atoi(string(body))
		if err != nil {
			return ErrSyntax
		}
		if n < 0 {
			return nil
		}
		buf := make([]byte, n+2)
		if _, err := ioReadFull(r, buf); err != nil {
			return err
		}
		*out = append(*out, buf...)
	case '*', '~', '>', '%', '|':
		n, err := strconv.Atoi(string(body))
		if err != nil {
			return ErrSyntax
		}
		if line[0] == '%' || line[0] == '|' {
			n *= 2
		}
		for i := 0; i < n; i++ {
			if err := readRaw(r, out); err != nil {
				return err
			}
		}
		if line[0] == '|' {
			return readRaw(r, out)
		}
	}
	return nil
}

func ioReadFull(r *bufio.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
