package commands

import (
	"math"
	"math/bits"
	"strings"

	"modhost/engine"
	"modhost/keyspace"
)

func init() { groups = append(groups, registerBitops) }

func registerBitops(t *engine.Table) {
	t.Add(&engine.Spec{Name: "setbit", Arity: 4, Flags: write | denyoom, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "access", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "bitmap", "slow"},
		Summary: "Sets or clears the bit at offset of the string value. Creates the key if it doesn't exist.", Since: "2.2.0", Group: "bitmap", Complexity: "O(1)",
		Run: cmdSetbit})
	t.Add(&engine.Spec{Name: "getbit", Arity: 3, Flags: readonly | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, KeyStep: 1}}, ACL: []string{"read", "bitmap", "fast"},
		Summary: "Returns a bit value by offset.", Since: "2.2.0", Group: "bitmap", Complexity: "O(1)",
		Run: cmdGetbit})
	t.Add(&engine.Spec{Name: "bitcount", Arity: -2, Flags: readonly, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, KeyStep: 1}}, ACL: []string{"read", "bitmap", "slow"},
		Summary: "Counts the number of set bits (population counting) in a string.", Since: "2.6.0", Group: "bitmap", Complexity: "O(N)",
		Run: cmdBitcount})
	t.Add(&engine.Spec{Name: "bitpos", Arity: -3, Flags: readonly, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, KeyStep: 1}}, ACL: []string{"read", "bitmap", "slow"},
		Summary: "Finds the first set (1) or clear (0) bit in a string.", Since: "2.8.7", Group: "bitmap", Complexity: "O(N)",
		Run: cmdBitpos})
	t.Add(&engine.Spec{Name: "bitop", Arity: -4, Flags: write | denyoom, First: 2, Last: -1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"OW", "update"}, Index: 2, KeyStep: 1}, {Flags: []string{"RO", "access"}, Index: 3, LastKey: -1, KeyStep: 1}}, ACL: []string{"write", "bitmap", "slow"},
		Summary: "Performs bitwise operations on multiple strings, and stores the result.", Since: "2.6.0", Group: "bitmap", Complexity: "O(N)",
		Run: cmdBitop})
	t.Add(&engine.Spec{Name: "bitfield", Arity: -2, Flags: write | denyoom, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Notes: "This command allows both access and modification of the key", Flags: []string{"RW", "access", "update", "variable_flags"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "bitmap", "slow"},
		Summary: "Performs arbitrary bitfield integer operations on strings.", Since: "3.2.0", Group: "bitmap", Complexity: "O(1) for each subcommand specified",
		Run: cmdBitfield})
	t.Add(&engine.Spec{Name: "bitfield_ro", Arity: -2, Flags: readonly | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, KeyStep: 1}}, ACL: []string{"read", "bitmap", "fast"},
		Summary: "Performs arbitrary read-only bitfield integer operations on strings.", Since: "6.0.0", Group: "bitmap", Complexity: "O(1) for each subcommand specified",
		Run: cmdBitfieldRo})
}

// bitOffset parses a bit offset (getBitOffsetFromArgument). With hash, a
// "#N" form counts in units of width bits; the product wraps as Redis's
// does. Offsets whose byte lies past proto-max-bulk-len are refused.
func bitOffset(c *engine.Ctx, b []byte, hash bool, width int) (uint64, bool) {
	useHash := hash && width > 0 && len(b) > 0 && b[0] == '#'
	if useHash {
		b = b[1:]
	}
	n, ok := keyspace.ParseInt(b)
	if !ok {
		c.Error(msgBitOffset)
		return 0, false
	}
	if useHash {
		n *= int64(width)
	}
	if n < 0 || n>>3 >= c.S.Settings.ProtoMaxBulkLen {
		c.Error(msgBitOffset)
		return 0, false
	}
	return uint64(n), true
}

// bitfieldType parses "i<bits>" (1..64) or "u<bits>" (1..63).
func bitfieldType(c *engine.Ctx, b []byte) (signed bool, width int, ok bool) {
	b = []byte(cString(b))
	if len(b) == 0 || (b[0] != 'i' && b[0] != 'u') {
		c.Error(msgBitfieldType)
		return false, 0, false
	}
	signed = b[0] == 'i'
	n, ok := keyspace.ParseInt(b[1:])
	if !ok || n < 1 || (signed && n > 64) || (!signed && n > 63) {
		c.Error(msgBitfieldType)
		return false, 0, false
	}
	return signed, int(n), true
}

// stringForBits is lookupStringForBitCommand: the string at key, created or
// zero-padded so that bit maxbit exists. grew reports a new key or a longer
// string; nil means WRONGTYPE was written.
func stringForBits(c *engine.Ctx, maxbit uint64) (s *keyspace.String, grew bool) {
	e, ok := lookupWrite(c, c.Args[1], keyspace.KindString)
	if !ok {
		return nil, false
	}
	need := int(maxbit>>3) + 1
	if e == nil {
		s = keyspace.NewRawString(make([]byte, need))
		c.DB.Set(string(c.Args[1]), s)
		return s, true
	}
	s = e.Val.(*keyspace.String)
	s.Raw = true
	if need > len(s.B) {
		s.B = growZero(s.B, need)
		grew = true
	}
	return s, grew
}

func cmdSetbit(c *engine.Ctx) {
	off, ok := bitOffset(c, c.Args[2], false, 0)
	if !ok {
		return
	}
	on, ok := intArg(c, c.Args[3], msgBitValue)
	if !ok {
		return
	}
	if on&^1 != 0 {
		c.Error(msgBitValue)
		return
	}
	s, grew := stringForBits(c, off)
	if s == nil {
		return
	}
	byteIdx, mask := off>>3, byte(1)<<(7-off&7)
	old := s.B[byteIdx]&mask != 0
	if grew || old != (on == 1) {
		if on == 1 {
			s.B[byteIdx] |= mask
		} else {
			s.B[byteIdx] &^= mask
		}
		changed(c, string(c.Args[1]), keyspace.NotifyString, "setbit")
	}
	if old {
		c.W.Int(1)
	} else {
		c.W.Int(0)
	}
}

func cmdGetbit(c *engine.Ctx) {
	off, ok := bitOffset(c, c.Args[2], false, 0)
	if !ok {
		return
	}
	s, ok := getString(c, c.Args[1])
	if !ok {
		return
	}
	if s != nil && off>>3 < uint64(len(s.B)) && s.B[off>>3]&(1<<(7-off&7)) != 0 {
		c.W.Int(1)
		return
	}
	c.W.Int(0)
}

func popcount(b []byte) int64 {
	n := 0
	for _, x := range b {
		n += bits.OnesCount8(x)
	}
	return int64(n)
}

// bitRange resolves BITCOUNT/BITPOS start and end as Redis does: negative
// values count from the end, then both are clamped to the string. In BIT
// units it returns byte bounds plus masks of the bits in the first and
// last byte that lie outside the range.
func bitRange(start, end, strlen int64, isBit bool) (s, e int64, firstMask, lastMask byte) {
	total := strlen
	if isBit {
		total <<= 3
	}
	if start < 0 {
		start += total
	}
	if end < 0 {
		end += total
	}
	start = max(start, 0)
	end = max(end, 0)
	if end >= total {
		end = total - 1
	}
	if isBit && start <= end {
		firstMask = ^byte((1 << (8 - start&7)) - 1)
		lastMask = byte((1 << (7 - end&7)) - 1)
		start >>= 3
		end >>= 3
	}
	return start, end, firstMask, lastMask
}

// unitArg parses BYTE or BIT.
func unitArg(c *engine.Ctx, b []byte) (isBit, ok bool) {
	switch strings.ToLower(cString(b)) {
	case "bit":
		return true, true
	case "byte":
		return false, true
	}
	c.Error(msgSyntax)
	return false, false
}

func cmdBitcount(c *engine.Ctx) {
	s, ok := getString(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		c.W.Int(0)
		return
	}
	p := s.B
	var start, end int64
	var firstMask, lastMask byte
	switch len(c.Args) {
	case 4, 5:
		if start, ok = intArg(c, c.Args[2], ""); !ok {
			return
		}
		if end, ok = intArg(c, c.Args[3], ""); !ok {
			return
		}
		if start < 0 && end < 0 && start > end {
			c.W.Int(0)
			return
		}
		isBit := false
		if len(c.Args) == 5 {
			if isBit, ok = unitArg(c, c.Args[4]); !ok {
				return
			}
		}
		start, end, firstMask, lastMask = bitRange(start, end, int64(len(p)), isBit)
	case 2:
		start, end = 0, int64(len(p))-1
	default:
		c.Error(msgSyntax)
		return
	}
	if start > end {
		c.W.Int(0)
		return
	}
	n := popcount(p[start : end+1])
	if firstMask != 0 {
		n -= int64(bits.OnesCount8(p[start] & firstMask))
	}
	if lastMask != 0 {
		n -= int64(bits.OnesCount8(p[end] & lastMask))
	}
	c.W.Int(n)
}

// firstBit returns the position of the first bit equal to bit in p. Past
// the end the string counts as zero padded, so looking for 0 in all-ones
// gives len(p)*8; looking for 1 in all-zeros gives -1.
func firstBit(p []byte, bit int64) int64 {
	for i, x := range p {
		if bit == 1 && x != 0 {
			return int64(i)*8 + int64(bits.LeadingZeros8(x))
		}
		if bit == 0 && x != 0xff {
			return int64(i)*8 + int64(bits.LeadingZeros8(^x))
		}
	}
	if bit == 1 {
		return -1
	}
	return int64(len(p)) * 8
}

func cmdBitpos(c *engine.Ctx) {
	bit, ok := intArg(c, c.Args[2], "")
	if !ok {
		return
	}
	if bit != 0 && bit != 1 {
		c.Error(msgBitposBit)
		return
	}
	e := c.DB.Lookup(string(c.Args[1]))
	if e == nil {
		keyMiss(c, c.Args[1])
		if bit == 1 {
			c.W.Int(-1)
		} else {
			c.W.Int(0)
		}
		return
	}
	c.S.Stats.KeyspaceHits++
	s, isStr := e.Val.(*keyspace.String)
	if !isStr {
		c.Error(msgWrongType)
		return
	}
	p := s.B
	strlen := int64(len(p))
	var start, end int64
	var firstMask, lastMask byte
	endGiven := false
	switch len(c.Args) {
	case 4, 5, 6:
		if start, ok = intArg(c, c.Args[3], ""); !ok {
			return
		}
		isBit := false
		if len(c.Args) == 6 {
			if isBit, ok = unitArg(c, c.Args[5]); !ok {
				return
			}
		}
		if len(c.Args) >= 5 {
			if end, ok = intArg(c, c.Args[4], ""); !ok {
				return
			}
			endGiven = true
		} else if isBit {
			end = strlen<<3 + 7
		} else {
			end = strlen - 1
		}
		start, end, firstMask, lastMask = bitRange(start, end, strlen, isBit)
	case 3:
		start, end = 0, strlen-1
	default:
		c.Error(msgSyntax)
		return
	}
	if start > end {
		c.W.Int(-1)
		return
	}
	// Search [start, end] in three parts, as Redis does: the first byte
	// with its out-of-range bits forced to the value not searched for, the
	// whole bytes between, and the masked last byte.
	nbytes := end - start + 1
	var pos int64
	done := false
	if firstMask != 0 {
		x := p[start]
		if bit == 1 {
			x &^= firstMask
		} else {
			x |= firstMask
		}
		if lastMask != 0 && nbytes == 1 {
			if bit == 1 {
				x &^= lastMask
			} else {
				x |= lastMask
			}
		}
		pos = firstBit([]byte{x}, bit)
		if nbytes == 1 || (pos != -1 && pos != 8) {
			done = true
		} else {
			start++
			nbytes--
		}
	}
	if !done {
		cur := nbytes
		if lastMask != 0 {
			cur--
		}
		if cur > 0 {
			pos = firstBit(p[start:start+cur], bit)
			if nbytes == cur || (pos != -1 && pos != cur<<3) {
				done = true
			} else {
				start += cur
				nbytes -= cur
			}
		}
	}
	if !done {
		x := p[end]
		if bit == 1 {
			x &^= lastMask
		} else {
			x |= lastMask
		}
		pos = firstBit([]byte{x}, bit)
	}
	if endGiven && bit == 0 && pos == nbytes<<3 {
		c.W.Int(-1)
		return
	}
	if pos != -1 {
		pos += start << 3
	}
	c.W.Int(pos)
}

func cmdBitop(c *engine.Ctx) {
	op := strings.ToLower(cString(c.Args[1]))
	switch op {
	case "and", "or", "xor", "not":
	default:
		c.Error(msgSyntax)
		return
	}
	if op == "not" && len(c.Args) != 4 {
		c.Error(msgBitopNot)
		return
	}
	srcs := make([][]byte, 0, len(c.Args)-3)
	maxLen := 0
	for _, key := range c.Args[3:] {
		e := c.DB.Lookup(string(key))
		if e == nil {
			keyMiss(c, key)
			srcs = append(srcs, nil)
			continue
		}
		c.S.Stats.KeyspaceHits++
		s, ok := e.Val.(*keyspace.String)
		if !ok {
			c.Error(msgWrongType)
			return
		}
		srcs = append(srcs, s.B)
		maxLen = max(maxLen, len(s.B))
	}
	dest := string(c.Args[2])
	if maxLen == 0 {
		if c.DB.Delete(dest) {
			changed(c, dest, keyspace.NotifyGeneric, "del")
		}
		c.W.Int(0)
		return
	}
	res := make([]byte, maxLen)
	at := func(src []byte, i int) byte {
		if i < len(src) {
			return src[i]
		}
		return 0
	}
	for i := range res {
		x := at(srcs[0], i)
		switch op {
		case "not":
			x = ^x
		case "and":
			for _, s := range srcs[1:] {
				x &= at(s, i)
			}
		case "or":
			for _, s := range srcs[1:] {
				x |= at(s, i)
			}
		case "xor":
			for _, s := range srcs[1:] {
				x ^= at(s, i)
			}
		}
		res[i] = x
	}
	c.DB.LookupNoTouch(dest) // reclaims an expired key first, as setKey does
	c.DB.Set(dest, keyspace.NewRawString(res))
	changed(c, dest, keyspace.NotifyString, "set")
	c.W.Int(int64(maxLen))
}

// Bitfield overflow behaviours.
const (
	bfWrap = iota
	bfSat
	bfFail
)

// bitfieldOp is one GET, SET or INCRBY of a BITFIELD call.
type bitfieldOp struct {
	op       byte // 'g', 's' or 'i'
	offset   uint64
	value    int64
	overflow int
	width    int
	signed   bool
}

func getBits(p []byte, off uint64, width int) uint64 {
	var v uint64
	for j := 0; j < width; j++ {
		b := (p[off>>3] >> (7 - off&7)) & 1
		v = v<<1 | uint64(b)
		off++
	}
	return v
}

func setBits(p []byte, off uint64, width int, v uint64) {
	for j := 0; j < width; j++ {
		bit := byte(v>>(width-1-j)) & 1
		mask := byte(1) << (7 - off&7)
		p[off>>3] = p[off>>3]&^mask | bit<<(7-off&7)
		off++
	}
}

func getSignedBits(p []byte, off uint64, width int) int64 {
	v := int64(getBits(p, off, width))
	if width < 64 && v&(1<<(width-1)) != 0 {
		v |= -1 << width
	}
	return v
}

// unsignedOverflow reports 1 (over), -1 (under) or 0 for value+incr in an
// unsigned field of width bits, and the value to store for WRAP and SAT.
func unsignedOverflow(value uint64, incr int64, width int, ow int) (int, uint64) {
	maxv := uint64(1)<<width - 1
	maxIncr := int64(maxv - value)
	minIncr := -int64(value)
	wrap := func() uint64 { return (value + uint64(incr)) & maxv }
	if value > maxv || (incr > 0 && incr > maxIncr) {
		if ow == bfWrap {
			return 1, wrap()
		}
		return 1, maxv
	}
	if incr < 0 && incr < minIncr {
		if ow == bfWrap {
			return -1, wrap()
		}
		return -1, 0
	}
	return 0, 0
}

// signedOverflow is unsignedOverflow for signed fields.
func signedOverflow(value, incr int64, width int, ow int) (int, int64) {
	maxv := int64(math.MaxInt64)
	if width < 64 {
		maxv = 1<<(width-1) - 1
	}
	minv := -maxv - 1
	maxIncr := int64(uint64(maxv) - uint64(value))
	minIncr := minv - value
	wrap := func() int64 {
		r := uint64(value) + uint64(incr)
		if width < 64 {
			mask := ^uint64(0) << width
			if r&(1<<(width-1)) != 0 {
				r |= mask
			} else {
				r &^= mask
			}
		}
		return int64(r)
	}
	if value > maxv || (width != 64 && incr > maxIncr) || (value >= 0 && incr > 0 && incr > maxIncr) {
		if ow == bfWrap {
			return 1, wrap()
		}
		return 1, maxv
	}
	if value < minv || (width != 64 && incr < minIncr) || (value < 0 && incr < 0 && incr < minIncr) {
		if ow == bfWrap {
			return -1, wrap()
		}
		return -1, minv
	}
	return 0, 0
}

func cmdBitfield(c *engine.Ctx) { bitfieldGeneric(c, false) }

func cmdBitfieldRo(c *engine.Ctx) { bitfieldGeneric(c, true) }

func bitfieldGeneric(c *engine.Ctx, readOnly bool) {
	var ops []bitfieldOp
	ow := bfWrap
	writes := false
	var highest uint64
	for j := 2; j < len(c.Args); j++ {
		left := len(c.Args) - j - 1
		var op byte
		switch sub := strings.ToLower(cString(c.Args[j])); {
		case sub == "get" && left >= 2:
			op = 'g'
		case sub == "set" && left >= 3:
			op = 's'
		case sub == "incrby" && left >= 3:
			op = 'i'
		case sub == "overflow" && left >= 1:
			switch strings.ToLower(cString(c.Args[j+1])) {
			case "wrap":
				ow = bfWrap
			case "sat":
				ow = bfSat
			case "fail":
				ow = bfFail
			default:
				c.Error(msgBitfieldOverflow)
				return
			}
			j++
			continue
		default:
			c.Error(msgSyntax)
			return
		}
		signed, width, ok := bitfieldType(c, c.Args[j+1])
		if !ok {
			return
		}
		off, ok := bitOffset(c, c.Args[j+2], true, width)
		if !ok {
			return
		}
		var v int64
		if op != 'g' {
			writes = true
			highest = max(highest, off+uint64(width)-1)
			if v, ok = intArg(c, c.Args[j+3], ""); !ok {
				return
			}
			j++
		}
		ops = append(ops, bitfieldOp{op: op, offset: off, value: v, overflow: ow, width: width, signed: signed})
		j += 2
	}
	var s *keyspace.String
	grew := false
	if !writes {
		e := c.DB.Lookup(string(c.Args[1]))
		if e == nil {
			keyMiss(c, c.Args[1])
		} else {
			c.S.Stats.KeyspaceHits++
			var isStr bool
			if s, isStr = e.Val.(*keyspace.String); !isStr {
				c.Error(msgWrongType)
				return
			}
		}
	} else {
		if readOnly {
			c.Error(msgBitfieldRO)
			return
		}
		if s, grew = stringForBits(c, highest); s == nil {
			return
		}
	}
	c.W.Array(len(ops))
	changes := 0
	for _, o := range ops {
		if o.op == 'g' {
			// Read through a zero-padded window so fields may run past the
			// end of the string.
			var buf [9]byte
			if s != nil {
				copy(buf[:], s.B[min(uint64(len(s.B)), o.offset>>3):])
			}
			rel := o.offset & 7
			if o.signed {
				c.W.Int(getSignedBits(buf[:], rel, o.width))
			} else {
				c.W.Int(int64(getBits(buf[:], rel, o.width)))
			}
			continue
		}
		var over int
		var oldv, newv, reply uint64
		if o.signed {
			old := getSignedBits(s.B, o.offset, o.width)
			var lim, nv int64
			if o.op == 'i' {
				over, lim = signedOverflow(old, o.value, o.width, o.overflow)
				nv = old + o.value
				if over != 0 {
					nv = lim
				}
				reply = uint64(nv)
			} else {
				nv = o.value
				if over, lim = signedOverflow(nv, 0, o.width, o.overflow); over != 0 {
					nv = lim
				}
				reply = uint64(old)
			}
			oldv, newv = uint64(old), uint64(nv)
		} else {
			old := getBits(s.B, o.offset, o.width)
			var lim, nv uint64
			if o.op == 'i' {
				nv = old + uint64(o.value)
				if over, lim = unsignedOverflow(old, o.value, o.width, o.overflow); over != 0 {
					nv = lim
				}
				reply = nv
			} else {
				nv = uint64(o.value)
				if over, lim = unsignedOverflow(nv, 0, o.width, o.overflow); over != 0 {
					nv = lim
				}
				reply = old
			}
			oldv, newv = old, nv
		}
		if over != 0 && o.overflow == bfFail {
			c.W.Null()
			continue
		}
		c.W.Int(int64(reply))
		setBits(s.B, o.offset, o.width, newv)
		if grew || oldv != newv {
			changes++
		}
	}
	if changes > 0 {
		k := string(c.Args[1])
		c.DB.Modified(k)
		c.DB.Notify(keyspace.NotifyString, "setbit", k)
		c.S.KS.Dirty += int64(changes)
	}
}
