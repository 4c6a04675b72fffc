package resp

import (
	"math"
	"strconv"
)

// Writer accumulates one client's replies as RESP2 or RESP3 bytes. Every
// method appends exactly one reply element (or an aggregate header); the
// caller decides when the bytes reach the socket.
type Writer struct {
	Buf []byte
	// Proto is 2 or 3; it picks the encoding of nulls, maps, sets, doubles,
	// booleans, big numbers and verbatim strings.
	Proto int
	// deferred holds the offsets of aggregate headers whose length is not
	// known yet, innermost last.
	deferred []deferredLen
}

type deferredLen struct {
	off  int
	kind byte
}

// New returns a Writer speaking the given protocol version.
func New(proto int) *Writer { return &Writer{Proto: proto} }

// Reset empties the buffer but keeps its storage.
func (w *Writer) Reset() { w.Buf = w.Buf[:0]; w.deferred = w.deferred[:0] }

// Len reports the number of buffered bytes.
func (w *Writer) Len() int { return len(w.Buf) }

func (w *Writer) line(prefix byte, n int64) {
	w.Buf = append(w.Buf, prefix)
	w.Buf = strconv.AppendInt(w.Buf, n, 10)
	w.Buf = append(w.Buf, '\r', '\n')
}

// Simple writes a status reply (+OK). s must not contain CR or LF.
func (w *Writer) Simple(s string) {
	w.Buf = append(w.Buf, '+')
	w.Buf = append(w.Buf, s...)
	w.Buf = append(w.Buf, '\r', '\n')
}

// OK writes +OK.
func (w *Writer) OK() { w.Buf = append(w.Buf, "+OK\r\n"...) }

// Error writes an error reply. msg carries its own code ("ERR ...",
// "WRONGTYPE ..."); a missing leading '-' is added, and CR/LF inside the
// message are replaced by spaces as Redis does.
func (w *Writer) Error(msg string) {
	w.Buf = append(w.Buf, '-')
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		if c == '\r' || c == '\n' {
			c = ' '
		}
		w.Buf = append(w.Buf, c)
	}
	w.Buf = append(w.Buf, '\r', '\n')
}

// Int writes an integer reply.
func (w *Writer) Int(n int64) { w.line(':', n) }

// Bulk writes a bulk string.
func (w *Writer) Bulk(b []byte) {
	w.line('$', int64(len(b)))
	w.Buf = append(w.Buf, b...)
	w.Buf = append(w.Buf, '\r', '\n')
}

// BulkString writes a bulk string from a Go string.
func (w *Writer) BulkString(s string) {
	w.line('$', int64(len(s)))
	w.Buf = append(w.Buf, s...)
	w.Buf = append(w.Buf, '\r', '\n')
}

// BulkInt writes n formatted as a bulk string.
func (w *Writer) BulkInt(n int64) {
	var tmp [24]byte
	w.Bulk(strconv.AppendInt(tmp[:0], n, 10))
}

// Null writes the null bulk ($-1 in RESP2, _ in RESP3).
func (w *Writer) Null() {
	if w.Proto == 3 {
		w.Buf = append(w.Buf, "_\r\n"...)
		return
	}
	w.Buf = append(w.Buf, "$-1\r\n"...)
}

// NullArray writes the null array (*-1 in RESP2, _ in RESP3).
func (w *Writer) NullArray() {
	if w.Proto == 3 {
		w.Buf = append(w.Buf, "_\r\n"...)
		return
	}
	w.Buf = append(w.Buf, "*-1\r\n"...)
}

// Array writes an array header of n elements.
func (w *Writer) Array(n int) { w.line('*', int64(n)) }

// Map writes a map header of n key/value pairs (an array of 2n in RESP2).
func (w *Writer) Map(n int) {
	if w.Proto == 3 {
		w.line('%', int64(n))
		return
	}
	w.line('*', int64(2*n))
}

// Set writes a set header (an array in RESP2).
func (w *Writer) Set(n int) {
	if w.Proto == 3 {
		w.line('~', int64(n))
		return
	}
	w.line('*', int64(n))
}

// Push writes a push header (an array in RESP2).
func (w *Writer) Push(n int) {
	if w.Proto == 3 {
		w.line('>', int64(n))
		return
	}
	w.line('*', int64(n))
}

// Attribute writes an attribute header (RESP3 only; RESP2 clients get
// nothing, as Redis drops attributes for them).
func (w *Writer) Attribute(n int) {
	if w.Proto == 3 {
		w.line('|', int64(n))
	}
}

// Double writes a double: a RESP3 double, or a bulk string in RESP2, both
// formatted the way Redis formats them.
func (w *Writer) Double(f float64) {
	if w.Proto == 3 {
		w.Buf = append(w.Buf, ',')
		w.Buf = AppendDouble(w.Buf, f)
		w.Buf = append(w.Buf, '\r', '\n')
		return
	}
	var tmp [32]byte
	w.Bulk(AppendDouble(tmp[:0], f))
}

// Bool writes a RESP3 boolean, or :1/:0 in RESP2.
func (w *Writer) Bool(b bool) {
	if w.Proto == 3 {
		if b {
			w.Buf = append(w.Buf, "#t\r\n"...)
		} else {
			w.Buf = append(w.Buf, "#f\r\n"...)
		}
		return
	}
	if b {
		w.Int(1)
	} else {
		w.Int(0)
	}
}

// BigNumber writes a RESP3 big number, or a bulk string in RESP2.
func (w *Writer) BigNumber(digits []byte) {
	if w.Proto == 3 {
		w.Buf = append(w.Buf, '(')
		w.Buf = append(w.Buf, digits...)
		w.Buf = append(w.Buf, '\r', '\n')
		return
	}
	w.Bulk(digits)
}

// Verbatim writes a RESP3 verbatim string with a 3-byte format ("txt"),
// or a plain bulk string in RESP2.
func (w *Writer) Verbatim(format string, b []byte) {
	if w.Proto == 3 {
		w.line('=', int64(len(b)+4))
		w.Buf = append(w.Buf, format...)
		w.Buf = append(w.Buf, ':')
		w.Buf = append(w.Buf, b...)
		w.Buf = append(w.Buf, '\r', '\n')
		return
	}
	w.Bulk(b)
}

// Raw appends already encoded bytes.
func (w *Writer) Raw(b []byte) { w.Buf = append(w.Buf, b...) }

// Aggregate kinds for deferred lengths.
const (
	KindArray = '*'
	KindMap   = '%'
	KindSet   = '~'
	KindAttr  = '|'
)

// Defer opens an aggregate whose length is given later with SetLen. Open
// ones close innermost first, as RedisModule_ReplySetArrayLength does.
func (w *Writer) Defer(kind byte) {
	w.deferred = append(w.deferred, deferredLen{off: len(w.Buf), kind: kind})
}

// SetLen closes the innermost deferred aggregate of the given kind with n
// elements (n pairs for maps) and reports whether one was open.
func (w *Writer) SetLen(kind byte, n int) bool {
	for i := len(w.deferred) - 1; i >= 0; i-- {
		d := w.deferred[i]
		if d.kind != kind {
			continue
		}
		w.deferred = append(w.deferred[:i], w.deferred[i+1:]...)
		var hdr [24]byte
		h := hdr[:0]
		switch {
		case kind == KindArray:
			h = append(h, '*')
			h = strconv.AppendInt(h, int64(n), 10)
		case w.Proto == 3:
			h = append(h, kind)
			h = strconv.AppendInt(h, int64(n), 10)
		case kind == KindMap:
			h = append(h, '*')
			h = strconv.AppendInt(h, int64(2*n), 10)
		case kind == KindAttr:
			return true
		default:
			h = append(h, '*')
			h = strconv.AppendInt(h, int64(n), 10)
		}
		h = append(h, '\r', '\n')
		w.Buf = append(w.Buf, h...)
		copy(w.Buf[d.off+len(h):], w.Buf[d.off:len(w.Buf)-len(h)])
		copy(w.Buf[d.off:], h)
		return true
	}
	return false
}

// AppendDouble formats f as Redis formats doubles in replies (%.17g, with
// inf/-inf/nan spelled as Redis spells them).
func AppendDouble(b []byte, f float64) []byte {
	switch {
	case math.IsInf(f, 1):
		return append(b, "inf"...)
	case math.IsInf(f, -1):
		return append(b, "-inf"...)
	case math.IsNaN(f):
		return append(b, "nan"...)
	}
	return strconv.AppendFloat(b, f, 'g', 17, 64)
}
