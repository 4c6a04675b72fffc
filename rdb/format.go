package rdb

import (
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
)

// RDB type bytes (rdb.h).
const (
	TypeString           = 0
	TypeList             = 1
	TypeSet              = 2
	TypeZSet             = 3
	TypeHash             = 4
	TypeZSet2            = 5
	TypeModulePreGA      = 6
	TypeModule2          = 7
	TypeHashZipmap       = 9
	TypeListZiplist      = 10
	TypeSetIntset        = 11
	TypeZSetZiplist      = 12
	TypeHashZiplist      = 13
	TypeListQuicklist    = 14
	TypeStreamListpacks  = 15
	TypeHashListpack     = 16
	TypeZSetListpack     = 17
	TypeListQuicklist2   = 18
	TypeStreamListpacks2 = 19
	TypeSetListpack      = 20
	TypeStreamListpacks3 = 21
)

// Opcodes that may appear where a type byte is expected.
const (
	opFunction2     = 245
	opFunctionPreGA = 246
	opModuleAux     = 247
	opIdle          = 248
	opFreq          = 249
	opAux           = 250
	opResizeDB      = 251
	opExpireTimeMS  = 252
	opExpireTime    = 253
	opSelectDB      = 254
	opEOF           = 255
)

// Module value opcodes.
const (
	modOpEOF    = 0
	modOpSInt   = 1
	modOpUInt   = 2
	modOpFloat  = 3
	modOpDouble = 4
	modOpString = 5
)

// Version is the RDB version modhost writes: the newest one Redis 7.0
// loads. MaxReadVersion is the newest it reads (Redis 7.2's).
const (
	Version        = 10
	MaxReadVersion = 11
)

// Error is a load failure. Msg is the reason in Redis's words; Corrupt
// distinguishes malformed data from input that simply ended early.
type Error struct {
	Msg     string
	Offset  int
	Corrupt bool
	// Header marks a refused file header (signature, version), which
	// Redis reports without the "Internal error" prefix.
	Header bool
}

func (e *Error) Error() string { return e.Msg }

// decoder reads RDB primitives from memory. Failures panic with *Error and
// are recovered at the API boundary, which keeps the parsers linear.
type decoder struct {
	b   []byte
	pos int
	ver int
}

func (d *decoder) eof() {
	panic(&Error{Msg: "Unexpected EOF reading RDB file", Offset: d.pos})
}

func (d *decoder) corrupt(format string, args ...any) {
	panic(&Error{Msg: fmt.Sprintf(format, args...), Offset: d.pos, Corrupt: true})
}

// catch turns a decoder panic into an error; other panics propagate.
func catch(err *error) {
	if r := recover(); r != nil {
		if e, ok := r.(*Error); ok {
			*err = e
			return
		}
		panic(r)
	}
}

func (d *decoder) remaining() int { return len(d.b) - d.pos }

func (d *decoder) u8() byte {
	if d.pos >= len(d.b) {
		d.eof()
	}
	c := d.b[d.pos]
	d.pos++
	return c
}

func (d *decoder) raw(n uint64) []byte {
	if n > uint64(d.remaining()) {
		d.eof()
	}
	p := d.b[d.pos : d.pos+int(n)]
	d.pos += int(n)
	return p
}

// length reads an RDB length; enc reports the special-encoding form, in
// which case the value is the encoding kind.
func (d *decoder) length() (n uint64, enc bool) {
	c := d.u8()
	switch c >> 6 {
	case 0:
		return uint64(c & 0x3f), false
	case 1:
		return uint64(c&0x3f)<<8 | uint64(d.u8()), false
	case 3:
		return uint64(c & 0x3f), true
	}
	switch c {
	case 0x80:
		return uint64(binary.BigEndian.Uint32(d.raw(4))), false
	case 0x81:
		return binary.BigEndian.Uint64(d.raw(8)), false
	}
	d.corrupt("Unknown length encoding %d in rdbLoadLen()", c)
	return 0, false
}

// plainLen reads a length that must not be a special encoding.
func (d *decoder) plainLen() uint64 {
	n, enc := d.length()
	if enc {
		d.corrupt("Unexpected encoded length")
	}
	return n
}

// count reads an element count and sanity-checks it against the bytes
// left, assuming each element takes at least min bytes.
func (d *decoder) count(min int) int {
	n := d.plainLen()
	if n > uint64(d.remaining()/min)+1 {
		d.eof()
	}
	return int(n)
}

// str reads an RDB string in any of its encodings; the result is a fresh
// copy.
func (d *decoder) str() []byte {
	n, enc := d.length()
	if !enc {
		return append([]byte(nil), d.raw(n)...)
	}
	switch n {
	case 0:
		return strconv.AppendInt(nil, int64(int8(d.u8())), 10)
	case 1:
		return strconv.AppendInt(nil, int64(int16(binary.LittleEndian.Uint16(d.raw(2)))), 10)
	case 2:
		return strconv.AppendInt(nil, int64(int32(binary.LittleEndian.Uint32(d.raw(4)))), 10)
	case 3:
		clen := d.plainLen()
		ulen := d.plainLen()
		in := d.raw(clen)
		if ulen > clen*300+64 {
			d.corrupt("Invalid LZF compressed string")
		}
		out, err := lzfDecompress(in, int(ulen))
		if err != nil {
			d.corrupt("Invalid LZF compressed string")
		}
		return out
	}
	d.corrupt("Unknown RDB string encoding type %d", n)
	return nil
}

func (d *decoder) millis() int64 { return int64(binary.LittleEndian.Uint64(d.raw(8))) }

func (d *decoder) binDouble() float64 {
	return math.Float64frombits(binary.LittleEndian.Uint64(d.raw(8)))
}

// strDouble reads the old textual double: a length byte with 253, 254 and
// 255 standing for NaN, +inf and -inf.
func (d *decoder) strDouble() float64 {
	n := d.u8()
	switch n {
	case 253:
		return math.NaN()
	case 254:
		return math.Inf(1)
	case 255:
		return math.Inf(-1)
	}
	f, err := strconv.ParseFloat(string(d.raw(uint64(n))), 64)
	if err != nil {
		d.corrupt("Invalid double value")
	}
	return f
}

// encoder appends RDB primitives.
type encoder struct {
	b        []byte
	compress bool
}

func (e *encoder) u8(c byte) { e.b = append(e.b, c) }

func (e *encoder) length(n uint64) {
	switch {
	case n < 1<<6:
		e.b = append(e.b, byte(n))
	case n < 1<<14:
		e.b = append(e.b, byte(n>>8)|0x40, byte(n))
	case n <= math.MaxUint32:
		e.b = append(e.b, 0x80)
		e.b = binary.BigEndian.AppendUint32(e.b, uint32(n))
	default:
		e.b = append(e.b, 0x81)
		e.b = binary.BigEndian.AppendUint64(e.b, n)
	}
}

// str writes s the way Redis does: as a small integer when it is the
// canonical text of one that fits 32 bits, LZF-compressed when long enough
// and compression helps, raw otherwise.
func (e *encoder) str(s []byte) {
	if len(s) <= 11 {
		if v, ok := parseCanonicalInt(s); ok && e.intStr(v) {
			return
		}
	}
	if e.compress && len(s) > 20 {
		if c := lzfCompress(s, len(s)-4); c != nil {
			e.u8(0xc3)
			e.length(uint64(len(c)))
			e.length(uint64(len(s)))
			e.b = append(e.b, c...)
			return
		}
	}
	e.rawStr(s)
}

// rawStr writes s with a plain length prefix (blobs: listpacks, intsets).
func (e *encoder) rawStr(s []byte) {
	e.length(uint64(len(s)))
	e.b = append(e.b, s...)
}

// blob writes an encoded structure, compressed like any string.
func (e *encoder) blob(s []byte) {
	if e.compress && len(s) > 20 {
		if c := lzfCompress(s, len(s)-4); c != nil {
			e.u8(0xc3)
			e.length(uint64(len(c)))
			e.length(uint64(len(s)))
			e.b = append(e.b, c...)
			return
		}
	}
	e.rawStr(s)
}

func (e *encoder) intStr(v int64) bool {
	switch {
	case v >= math.MinInt8 && v <= math.MaxInt8:
		e.b = append(e.b, 0xc0, byte(v))
	case v >= math.MinInt16 && v <= math.MaxInt16:
		e.b = append(e.b, 0xc1)
		e.b = binary.LittleEndian.AppendUint16(e.b, uint16(v))
	case v >= math.MinInt32 && v <= math.MaxInt32:
		e.b = append(e.b, 0xc2)
		e.b = binary.LittleEndian.AppendUint32(e.b, uint32(v))
	default:
		return false
	}
	return true
}

func (e *encoder) millis(ms int64) { e.b = binary.LittleEndian.AppendUint64(e.b, uint64(ms)) }

func (e *encoder) binDouble(f float64) {
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f))
}

// parseCanonicalInt accepts exactly the texts Redis turns into integers:
// those that print back identically.
func parseCanonicalInt(s []byte) (int64, bool) {
	n := len(s)
	if n == 0 || n > 20 {
		return 0, false
	}
	v, err := strconv.ParseInt(string(s), 10, 64)
	if err != nil {
		return 0, false
	}
	var buf [24]byte
	if string(strconv.AppendInt(buf[:0], v, 10)) != string(s) {
		return 0, false
	}
	return v, true
}
