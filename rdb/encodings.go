package rdb

import (
	"encoding/binary"
	"errors"
	"math"
	"sort"
	"strconv"
)

// The compact encodings Redis stores inside RDB strings. Each parser
// validates the whole blob and returns its elements as fresh byte slices;
// integers come back in decimal, as Redis hands them out.

var errEncoding = errors.New("bad encoding")

func itoa(v int64) []byte { return strconv.AppendInt(nil, v, 10) }

// parseZiplist decodes a ziplist (lists, hashes and sorted sets before 7.0).
func parseZiplist(b []byte) ([][]byte, error) {
	if len(b) < 11 || int(binary.LittleEndian.Uint32(b)) != len(b) || b[len(b)-1] != 0xff {
		return nil, errEncoding
	}
	if int(binary.LittleEndian.Uint32(b[4:])) >= len(b) {
		return nil, errEncoding
	}
	want := int(binary.LittleEndian.Uint16(b[8:]))
	var out [][]byte
	p := 10
	need := func(n int) bool { return p+n <= len(b)-1 }
	for b[p] != 0xff {
		if b[p] < 254 {
			p++
		} else if b[p] == 254 && need(5) {
			p += 5
		} else {
			return nil, errEncoding
		}
		if !need(1) {
			return nil, errEncoding
		}
		c := b[p]
		var n int
		switch c >> 6 {
		case 0:
			n, p = int(c&0x3f), p+1
		case 1:
			if !need(2) {
				return nil, errEncoding
			}
			n, p = int(c&0x3f)<<8|int(b[p+1]), p+2
		case 2:
			if !need(5) {
				return nil, errEncoding
			}
			n, p = int(binary.BigEndian.Uint32(b[p+1:])), p+5
		default:
			var v int64
			var size int
			switch {
			case c == 0xc0:
				size = 2
			case c == 0xd0:
				size = 4
			case c == 0xe0:
				size = 8
			case c == 0xf0:
				size = 3
			case c == 0xfe:
				size = 1
			case c >= 0xf1 && c <= 0xfd:
				v = int64(c&0x0f) - 1
			default:
				return nil, errEncoding
			}
			p++
			if !need(size) {
				return nil, errEncoding
			}
			switch size {
			case 1:
				v = int64(int8(b[p]))
			case 2:
				v = int64(int16(binary.LittleEndian.Uint16(b[p:])))
			case 3:
				v = int64(int32(uint32(b[p])<<8|uint32(b[p+1])<<16|uint32(b[p+2])<<24) >> 8)
			case 4:
				v = int64(int32(binary.LittleEndian.Uint32(b[p:])))
			case 8:
				v = int64(binary.LittleEndian.Uint64(b[p:]))
			}
			p += size
			out = append(out, itoa(v))
			continue
		}
		if n < 0 || !need(n) {
			return nil, errEncoding
		}
		out = append(out, append([]byte{}, b[p:p+n]...))
		p += n
	}
	if p != len(b)-1 || (want != 0xffff && want != len(out)) {
		return nil, errEncoding
	}
	return out, nil
}

// parseListpack decodes a listpack (Redis 7's compact encoding).
func parseListpack(b []byte) ([][]byte, error) {
	if len(b) < 7 || int(binary.LittleEndian.Uint32(b)) != len(b) || b[len(b)-1] != 0xff {
		return nil, errEncoding
	}
	want := int(binary.LittleEndian.Uint16(b[4:]))
	var out [][]byte
	p := 6
	end := len(b) - 1
	for p < end {
		c := b[p]
		start := p
		var val []byte
		var hdr, n int
		isInt := true
		var v int64
		switch {
		case c&0x80 == 0:
			v, hdr = int64(c), 1
		case c&0xc0 == 0x80:
			isInt, hdr, n = false, 1, int(c&0x3f)
		case c&0xe0 == 0xc0:
			if p+2 > end {
				return nil, errEncoding
			}
			u := int64(c&0x1f)<<8 | int64(b[p+1])
			if u >= 1<<12 {
				u -= 1 << 13
			}
			v, hdr = u, 2
		case c&0xf0 == 0xe0:
			if p+2 > end {
				return nil, errEncoding
			}
			isInt, hdr, n = false, 2, int(c&0x0f)<<8|int(b[p+1])
		case c == 0xf0:
			if p+5 > end {
				return nil, errEncoding
			}
			isInt, hdr, n = false, 5, int(binary.LittleEndian.Uint32(b[p+1:]))
		case c >= 0xf1 && c <= 0xf4:
			size := [...]int{2, 3, 4, 8}[c-0xf1]
			if p+1+size > end {
				return nil, errEncoding
			}
			q := b[p+1:]
			switch size {
			case 2:
				v = int64(int16(binary.LittleEndian.Uint16(q)))
			case 3:
				v = int64(int32(uint32(q[0])<<8|uint32(q[1])<<16|uint32(q[2])<<24) >> 8)
			case 4:
				v = int64(int32(binary.LittleEndian.Uint32(q)))
			case 8:
				v = int64(binary.LittleEndian.Uint64(q))
			}
			hdr = 1 + size
		default:
			return nil, errEncoding
		}
		if isInt {
			val = itoa(v)
		} else {
			if n < 0 || p+hdr+n > end {
				return nil, errEncoding
			}
			val = append([]byte{}, b[p+hdr:p+hdr+n]...)
		}
		p += hdr + n
		l := p - start
		bl := backlenSize(l)
		if p+bl > end || decodeBacklen(b[p:p+bl]) != l {
			return nil, errEncoding
		}
		p += bl
		out = append(out, val)
	}
	if p != end || (want != 0xffff && want != len(out)) {
		return nil, errEncoding
	}
	return out, nil
}

func backlenSize(l int) int {
	switch {
	case l <= 127:
		return 1
	case l < 16383:
		return 2
	case l < 2097151:
		return 3
	case l < 268435455:
		return 4
	}
	return 5
}

// decodeBacklen reads a backlen stored left to right: the first byte holds
// the highest bits and every later byte has its top bit set.
func decodeBacklen(q []byte) int {
	v := 0
	for i, c := range q {
		if i > 0 && c&0x80 == 0 {
			return -1
		}
		if i == 0 && len(q) > 1 && c&0x80 != 0 {
			return -1
		}
		v = v<<7 | int(c&0x7f)
	}
	return v
}

// listpackBuilder appends entries to a listpack.
type listpackBuilder struct {
	b []byte
	n int
}

func newListpack() *listpackBuilder { return &listpackBuilder{b: make([]byte, 6, 64)} }

func (lb *listpackBuilder) appendInt(v int64) {
	start := len(lb.b)
	switch {
	case v >= 0 && v <= 127:
		lb.b = append(lb.b, byte(v))
	case v >= -4096 && v <= 4095:
		u := uint64(v) & 0x1fff
		lb.b = append(lb.b, 0xc0|byte(u>>8), byte(u))
	case v >= math.MinInt16 && v <= math.MaxInt16:
		lb.b = append(lb.b, 0xf1)
		lb.b = binary.LittleEndian.AppendUint16(lb.b, uint16(v))
	case v >= -(1<<23) && v < 1<<23:
		u := uint32(v)
		lb.b = append(lb.b, 0xf2, byte(u), byte(u>>8), byte(u>>16))
	case v >= math.MinInt32 && v <= math.MaxInt32:
		lb.b = append(lb.b, 0xf3)
		lb.b = binary.LittleEndian.AppendUint32(lb.b, uint32(v))
	default:
		lb.b = append(lb.b, 0xf4)
		lb.b = binary.LittleEndian.AppendUint64(lb.b, uint64(v))
	}
	lb.finish(start)
}

// append adds s, as an integer when Redis would store it as one.
func (lb *listpackBuilder) append(s []byte) {
	if v, ok := parseCanonicalInt(s); ok {
		lb.appendInt(v)
		return
	}
	start := len(lb.b)
	n := len(s)
	switch {
	case n < 64:
		lb.b = append(lb.b, 0x80|byte(n))
	case n < 4096:
		lb.b = append(lb.b, 0xe0|byte(n>>8), byte(n))
	default:
		lb.b = append(lb.b, 0xf0)
		lb.b = binary.LittleEndian.AppendUint32(lb.b, uint32(n))
	}
	lb.b = append(lb.b, s...)
	lb.finish(start)
}

func (lb *listpackBuilder) finish(start int) {
	l := len(lb.b) - start
	size := backlenSize(l)
	for i := size - 1; i >= 0; i-- {
		c := byte(l>>(7*i)) & 0x7f
		if i != size-1 {
			c |= 0x80
		}
		lb.b = append(lb.b, c)
	}
	lb.n++
}

// bytes terminates the listpack and returns it.
func (lb *listpackBuilder) bytes() []byte {
	lb.b = append(lb.b, 0xff)
	binary.LittleEndian.PutUint32(lb.b, uint32(len(lb.b)))
	n := lb.n
	if n > 0xffff {
		n = 0xffff
	}
	binary.LittleEndian.PutUint16(lb.b[4:], uint16(n))
	return lb.b
}

// parseIntset decodes an intset: width, count, then sorted little-endian
// integers.
func parseIntset(b []byte) ([][]byte, error) {
	if len(b) < 8 {
		return nil, errEncoding
	}
	w := int(binary.LittleEndian.Uint32(b))
	n := int(binary.LittleEndian.Uint32(b[4:]))
	if (w != 2 && w != 4 && w != 8) || n < 0 || (len(b)-8)/w != n || (len(b)-8)%w != 0 {
		return nil, errEncoding
	}
	out := make([][]byte, 0, n)
	var prev int64
	for i := 0; i < n; i++ {
		q := b[8+i*w:]
		var v int64
		switch w {
		case 2:
			v = int64(int16(binary.LittleEndian.Uint16(q)))
		case 4:
			v = int64(int32(binary.LittleEndian.Uint32(q)))
		case 8:
			v = int64(binary.LittleEndian.Uint64(q))
		}
		if i > 0 && v <= prev {
			return nil, errEncoding
		}
		prev = v
		out = append(out, itoa(v))
	}
	return out, nil
}

// buildIntset encodes integers as an intset with the narrowest width.
func buildIntset(vals []int64) []byte {
	sorted := append([]int64(nil), vals...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	w := 2
	for _, v := range sorted {
		if v < math.MinInt32 || v > math.MaxInt32 {
			w = 8
		} else if (v < math.MinInt16 || v > math.MaxInt16) && w < 4 {
			w = 4
		}
	}
	b := make([]byte, 8, 8+w*len(sorted))
	binary.LittleEndian.PutUint32(b, uint32(w))
	binary.LittleEndian.PutUint32(b[4:], uint32(len(sorted)))
	for _, v := range sorted {
		switch w {
		case 2:
			b = binary.LittleEndian.AppendUint16(b, uint16(v))
		case 4:
			b = binary.LittleEndian.AppendUint32(b, uint32(v))
		default:
			b = binary.LittleEndian.AppendUint64(b, uint64(v))
		}
	}
	return b
}

// parseZipmap decodes the pre-2.6 hash encoding: a count byte, then
// key/value pairs with 1- or 5-byte lengths (values carry a free-space
// byte and padding), then 0xff.
func parseZipmap(b []byte) ([][]byte, error) {
	if len(b) < 2 || b[len(b)-1] != 0xff {
		return nil, errEncoding
	}
	p := 1
	end := len(b) - 1
	readLen := func() (int, bool) {
		if p >= end {
			return 0, false
		}
		c := b[p]
		if c < 254 {
			p++
			return int(c), true
		}
		if c == 254 && p+5 <= end {
			n := int(binary.LittleEndian.Uint32(b[p+1:]))
			p += 5
			return n, true
		}
		return 0, false
	}
	var out [][]byte
	for p < end {
		kl, ok := readLen()
		if !ok || kl < 0 || p+kl > end {
			return nil, errEncoding
		}
		k := append([]byte{}, b[p:p+kl]...)
		p += kl
		vl, ok := readLen()
		if !ok || vl < 0 || p >= end {
			return nil, errEncoding
		}
		free := int(b[p])
		p++
		if p+vl+free > end {
			return nil, errEncoding
		}
		v := append([]byte{}, b[p:p+vl]...)
		p += vl + free
		out = append(out, k, v)
	}
	if p != end {
		return nil, errEncoding
	}
	return out, nil
}
