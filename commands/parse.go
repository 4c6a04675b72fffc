package commands

// Shared argument parsing, matching the number rules of Redis exactly.
//
// Integers follow string2ll (keyspace.ParseInt): optional '-', no '+', no
// leading zeros or spaces, at most 20 bytes, within int64. Doubles follow
// strtod as Redis calls it (string2d): the whole argument must be one C
// float literal (decimal, hex, inf, infinity), with no leading space, no
// NaN, and no overflow or underflow to zero. Long doubles (INCRBYFLOAT,
// HINCRBYFLOAT) follow strtold on x86-64: a 64-bit significand, which Go
// lacks, so they are big.Float values of that precision.

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"modhost/engine"
	"modhost/keyspace"
)

// intArg parses b as an integer argument (getLongLongFromObjectOrReply),
// writing msg, or the generic not-an-integer error when msg is "", on
// failure.
func intArg(c *engine.Ctx, b []byte, msg string) (int64, bool) {
	n, ok := keyspace.ParseInt(b)
	if !ok {
		if msg == "" {
			msg = msgNotInteger
		}
		c.Error(msg)
		return 0, false
	}
	return n, true
}

// intArgRange parses an integer that must lie in [min, max]
// (getRangeLongFromObjectOrReply); msg, when given, replaces both errors.
func intArgRange(c *engine.Ctx, b []byte, min, max int64, msg string) (int64, bool) {
	n, ok := intArg(c, b, msg)
	if !ok {
		return 0, false
	}
	if n < min || n > max {
		if msg == "" {
			msg = fmt.Sprintf(msgValueRange, min, max)
		}
		c.Error(msg)
		return 0, false
	}
	return n, true
}

// int32Arg parses a C int argument (getIntFromObjectOrReply).
func int32Arg(c *engine.Ctx, b []byte, msg string) (int, bool) {
	n, ok := intArgRange(c, b, math.MinInt32, math.MaxInt32, msg)
	return int(n), ok
}

// floatText is a C float literal taken apart by scanFloat.
type floatText struct {
	neg     bool
	special byte   // 'i' for infinity, 'n' for NaN, 0 for a number
	hex     bool   // digits are hex and exp is a power of two
	digits  []byte // significand digits without the point
	point   int    // how many of digits precede the point
	exp     int64  // explicit exponent, clamped to +-1e9
}

// scanFloat accepts exactly the strings strtod/strtold consume entirely in
// the C locale and that string2d/string2ld then accept (no leading space).
func scanFloat(b []byte) (floatText, bool) {
	var f floatText
	i := 0
	if len(b) == 0 {
		return f, false
	}
	if b[0] == '+' || b[0] == '-' {
		f.neg = b[0] == '-'
		i++
	}
	rest := strings.ToLower(string(b[i:]))
	switch {
	case rest == "inf" || rest == "infinity":
		f.special = 'i'
		return f, true
	case rest == "nan":
		f.special = 'n'
		return f, true
	case strings.HasPrefix(rest, "nan(") && strings.HasSuffix(rest, ")"):
		for _, ch := range rest[4 : len(rest)-1] {
			if !(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'z' || ch == '_') {
				return f, false
			}
		}
		f.special = 'n'
		return f, true
	}
	isDigit := func(ch byte) bool { return ch >= '0' && ch <= '9' }
	if len(b)-i >= 3 && b[i] == '0' && (b[i+1] == 'x' || b[i+1] == 'X') {
		f.hex = true
		i += 2
		isDigit = func(ch byte) bool {
			return ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F'
		}
	}
	seenPoint := false
	for ; i < len(b); i++ {
		ch := b[i]
		if isDigit(ch) {
			f.digits = append(f.digits, ch)
			if !seenPoint {
				f.point++
			}
		} else if ch == '.' && !seenPoint {
			seenPoint = true
		} else {
			break
		}
	}
	if len(f.digits) == 0 {
		return f, false
	}
	if i == len(b) {
		return f, true
	}
	// An exponent must be complete, or strto* would stop before it.
	if ch := b[i]; (!f.hex && (ch == 'e' || ch == 'E')) || (f.hex && (ch == 'p' || ch == 'P')) {
		i++
		eneg := false
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			eneg = b[i] == '-'
			i++
		}
		if i == len(b) {
			return f, false
		}
		for ; i < len(b); i++ {
			if b[i] < '0' || b[i] > '9' {
				return f, false
			}
			if f.exp < 1e9 {
				f.exp = f.exp*10 + int64(b[i]-'0')
			}
		}
		if eneg {
			f.exp = -f.exp
		}
		return f, true
	}
	return f, false
}

// trimZeros drops leading zeros (moving the point) and trailing zeros of
// the significand; it returns the digits left and the point position.
func (f *floatText) trimZeros() ([]byte, int) {
	d, point := f.digits, f.point
	for len(d) > 0 && d[0] == '0' {
		d = d[1:]
		point--
	}
	for len(d) > 0 && d[len(d)-1] == '0' {
		d = d[:len(d)-1]
	}
	return d, point
}

// parseDouble parses b as Redis's string2d does.
func parseDouble(b []byte) (float64, bool) {
	f, ok := scanFloat(b)
	if !ok || f.special == 'n' {
		return 0, false
	}
	if f.special == 'i' {
		if f.neg {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	}
	d, point := f.trimZeros()
	if len(d) == 0 {
		if f.neg {
			return math.Copysign(0, -1), true
		}
		return 0, true
	}
	var s string
	if f.hex {
		// 4 bits per hex digit; the clamp keeps the exponent finite while
		// staying far beyond the float64 range.
		e := f.exp + 4*int64(point-len(d))
		e = max(min(e, 1e6), -1e6)
		s = "0x" + string(d) + "p" + strconv.FormatInt(e, 10)
	} else {
		e10 := f.exp + int64(point)
		if e10 > 400 {
			return 0, false
		}
		if e10 < -400 {
			return 0, false
		}
		s = "0." + string(d) + "e" + strconv.FormatInt(e10, 10)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v == 0 {
		// Overflow to infinity, or underflow to zero: strtod's ERANGE cases
		// that Redis refuses.
		return 0, false
	}
	if f.neg {
		v = -v
	}
	return v, true
}

// ldPrec is the significand width of the x86-64 long double.
const ldPrec = 64

// Exponent limits of the x86-64 long double, in big.Float's convention
// (x = mant * 2^exp with 0.5 <= mant < 1).
const (
	ldMaxExp = 16384
	ldMinExp = -16444 // below the smallest subnormal
)

// parseLongDouble parses b as Redis's string2ld does, into a long double
// (a big.Float of 64-bit precision; +-Inf for "inf").
func parseLongDouble(b []byte) (*big.Float, bool) {
	if len(b) >= 5*1024 { // MAX_LONG_DOUBLE_CHARS
		return nil, false
	}
	f, ok := scanFloat(b)
	if !ok || f.special == 'n' {
		return nil, false
	}
	z := new(big.Float).SetPrec(ldPrec)
	if f.special == 'i' {
		return z.SetInf(f.neg), true
	}
	d, point := f.trimZeros()
	if len(d) == 0 {
		if f.neg {
			z.Neg(z)
		}
		return z, true
	}
	base := 10
	if f.hex {
		base = 16
	}
	mant, _ := new(big.Int).SetString(string(d), base)
	if f.hex {
		e := f.exp + 4*int64(point-len(d))
		if e > 20000 || e < -20000-int64(4*len(d)) {
			return nil, false
		}
		m := new(big.Float).SetInt(mant)
		z.SetMantExp(m, int(e))
	} else {
		e10 := f.exp + int64(point)
		if e10 > 4934 || e10 <= -4951 {
			return nil, false
		}
		scale := e10 - int64(len(d))
		if scale >= 0 {
			mant.Mul(mant, new(big.Int).Exp(big.NewInt(10), big.NewInt(scale), nil))
			z.SetInt(mant)
		} else {
			num := new(big.Float).SetInt(mant)
			den := new(big.Float).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(-scale), nil))
			z.Quo(num, den)
		}
	}
	if e := z.MantExp(nil); e > ldMaxExp || e < ldMinExp {
		return nil, false
	}
	if f.neg {
		z.Neg(z)
	}
	return z, true
}

// addLongDouble adds two long doubles; ok=false means the sum is NaN or
// infinite (an operand was infinite, or the sum overflowed).
func addLongDouble(a, b *big.Float) (*big.Float, bool) {
	if a.IsInf() || b.IsInf() {
		return nil, false
	}
	z := new(big.Float).SetPrec(ldPrec).Add(a, b)
	if z.MantExp(nil) > ldMaxExp {
		return nil, false
	}
	return z, true
}

// formatLongDoubleHuman formats a finite long double as Redis's
// LD_STR_HUMAN mode does: %.17Lf, then trailing zeros (and a bare point)
// removed, and "-0" written as "0".
func formatLongDoubleHuman(f *big.Float) []byte {
	s := f.Text('f', 17)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		s = "0"
	}
	return []byte(s)
}

// parseScanCursor parses a SCAN cursor as strtoul(..., 10) does under
// Redis's checks: no leading space, optional sign (a '-' wraps around),
// decimal digits up to the first NUL, no overflow. The empty string is 0.
func parseScanCursor(b []byte) (uint64, bool) {
	for i, ch := range b {
		if ch == 0 {
			b = b[:i]
			break
		}
	}
	if len(b) == 0 {
		return 0, true
	}
	neg := false
	i := 0
	if b[0] == '+' || b[0] == '-' {
		neg = b[0] == '-'
		i++
	}
	if i == len(b) {
		return 0, false
	}
	var v uint64
	for ; i < len(b); i++ {
		ch := b[i]
		if ch < '0' || ch > '9' {
			return 0, false
		}
		d := uint64(ch - '0')
		if v > (math.MaxUint64-d)/10 {
			return 0, false
		}
		v = v*10 + d
	}
	if neg {
		v = -v
	}
	return v, true
}

// Expire option flags (EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT).
const (
	expireNX = 1 << iota
	expireXX
	expireGT
	expireLT
)

// parseExpireFlags reads the NX/XX/GT/LT options of the EXPIRE family from
// args, writing Redis's error on a bad or conflicting option.
func parseExpireFlags(c *engine.Ctx, args [][]byte) (int, bool) {
	flags := 0
	for _, a := range args {
		switch strings.ToLower(cString(a)) {
		case "nx":
			flags |= expireNX
		case "xx":
			flags |= expireXX
		case "gt":
			flags |= expireGT
		case "lt":
			flags |= expireLT
		default:
			c.Error(fmt.Sprintf(msgUnsupportedOpt, cString(a)))
			return 0, false
		}
	}
	if flags&expireNX != 0 && flags&(expireXX|expireGT|expireLT) != 0 {
		c.Error(msgExpireNXConflict)
		return 0, false
	}
	if flags&expireGT != 0 && flags&expireLT != 0 {
		c.Error(msgExpireGTLT)
		return 0, false
	}
	return flags, true
}

// cString returns b up to its first NUL, as C's %s prints an argument.
func cString(b []byte) string {
	for i, ch := range b {
		if ch == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

// errExpireTime writes "invalid expire time in '<cmd>' command".
func errExpireTime(c *engine.Ctx) {
	c.Error(fmt.Sprintf(msgInvalidExpire, c.Cmd.FullName()))
}

// scanOpts are the options of SCAN, HSCAN, SSCAN and ZSCAN.
type scanOpts struct {
	count int64
	// pattern is nil when there is none or it is "*" (which matches all).
	pattern []byte
	// typ is the TYPE filter (SCAN only); hasType tells it was given.
	typ     string
	hasType bool
}

// parseScanOpts reads COUNT, MATCH and (when allowType) TYPE from args as
// scanGenericCommand does, writing the error on bad input.
func parseScanOpts(c *engine.Ctx, args [][]byte, allowType bool) (scanOpts, bool) {
	o := scanOpts{count: 10}
	for i := 0; i < len(args); {
		left := len(args) - i
		opt := strings.ToLower(cString(args[i]))
		switch {
		case opt == "count" && left >= 2:
			n, ok := intArg(c, args[i+1], "")
			if !ok {
				return o, false
			}
			if n < 1 {
				c.Error(msgSyntax)
				return o, false
			}
			o.count = n
		case opt == "match" && left >= 2:
			p := args[i+1]
			if len(p) == 1 && p[0] == '*' {
				o.pattern = nil
			} else {
				o.pattern = p
			}
		case opt == "type" && allowType && left >= 2:
			o.typ = cString(args[i+1])
			o.hasType = true
		default:
			c.Error(msgSyntax)
			return o, false
		}
		i += 2
	}
	return o, true
}
