package rdb

import "errors"

// LZF is the compression RDB applies to long strings. The stream is a
// sequence of items, each opened by a control byte: below 32 it announces
// that many plus one literal bytes; otherwise its top three bits hold a
// match length minus two (7 means an extra length byte follows) and its
// low five bits with the next byte hold the distance back minus one.

var errLZF = errors.New("invalid LZF data")

// lzfDecompress expands in, which must produce exactly n bytes.
func lzfDecompress(in []byte, n int) ([]byte, error) {
	out := make([]byte, 0, n)
	for i := 0; i < len(in); {
		c := int(in[i])
		i++
		if c < 32 {
			run := c + 1
			if i+run > len(in) || len(out)+run > n {
				return nil, errLZF
			}
			out = append(out, in[i:i+run]...)
			i += run
			continue
		}
		l := c >> 5
		if l == 7 {
			if i >= len(in) {
				return nil, errLZF
			}
			l += int(in[i])
			i++
		}
		if i >= len(in) {
			return nil, errLZF
		}
		back := (c&0x1f)<<8 | int(in[i])
		i++
		ref := len(out) - back - 1
		l += 2
		if ref < 0 || len(out)+l > n {
			return nil, errLZF
		}
		// Byte by byte: the source may overlap what we are writing.
		for k := 0; k < l; k++ {
			out = append(out, out[ref+k])
		}
	}
	if len(out) != n {
		return nil, errLZF
	}
	return out, nil
}

const (
	lzfHashBits = 14
	lzfMaxOff   = 1 << 13
	lzfMaxRef   = 7 + 255 + 2
	lzfMaxLit   = 32
)

// lzfCompress compresses in and returns nil when the result would not be
// shorter than limit bytes.
func lzfCompress(in []byte, limit int) []byte {
	n := len(in)
	if n < 4 {
		return nil
	}
	var table [1 << lzfHashBits]int32
	out := make([]byte, 0, limit)
	lit := 0 // start of pending literals
	flush := func(end int) bool {
		for lit < end {
			run := end - lit
			if run > lzfMaxLit {
				run = lzfMaxLit
			}
			out = append(out, byte(run-1))
			out = append(out, in[lit:lit+run]...)
			lit += run
		}
		return len(out) < limit
	}
	hash := func(i int) uint32 {
		v := uint32(in[i])<<16 | uint32(in[i+1])<<8 | uint32(in[i+2])
		return (v * 2654435761) >> (32 - lzfHashBits)
	}
	i := 0
	for i+2 < n {
		h := hash(i)
		ref := int(table[h]) - 1
		table[h] = int32(i + 1)
		if ref >= 0 && i-ref-1 < lzfMaxOff && in[ref] == in[i] && in[ref+1] == in[i+1] && in[ref+2] == in[i+2] {
			l := 3
			for i+l < n && l < lzfMaxRef && in[ref+l] == in[i+l] {
				l++
			}
			if !flush(i) {
				return nil
			}
			off := i - ref - 1
			code := l - 2
			if code < 7 {
				out = append(out, byte(code<<5|off>>8))
			} else {
				out = append(out, byte(7<<5|off>>8), byte(code-7))
			}
			out = append(out, byte(off))
			if len(out) >= limit {
				return nil
			}
			for k := i + 1; k < i+l && k+2 < n; k++ {
				table[hash(k)] = int32(k + 1)
			}
			i += l
			lit = i
			continue
		}
		i++
	}
	if !flush(n) {
		return nil
	}
	return out
}
