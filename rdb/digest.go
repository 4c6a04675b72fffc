package rdb

import (
	"crypto/sha1"
	"encoding/binary"
	"encoding/hex"
	"math"
	"strconv"

	"modhost/keyspace"
)

// DEBUG DIGEST and DIGEST-VALUE: a SHA1-based fingerprint of the dataset
// that ignores the order of unordered collections and keys. Values are
// hashed by content (not encoding), so equal datasets give equal digests
// across servers.

// ModuleDigester is implemented by a Modules whose types may have a
// digest callback; Digest returns the callback's 20-byte result, or false
// when the type has no digest callback.
type ModuleDigester interface {
	Digest(v *keyspace.ModuleValue, key string, db int) ([20]byte, bool)
}

// xorDigest folds SHA1(p) into d (order-independent).
func xorDigest(d *[20]byte, p []byte) {
	h := sha1.Sum(p)
	for i := range d {
		d[i] ^= h[i]
	}
}

// mixDigest makes d = SHA1(d xor SHA1(p)) (order-dependent).
func mixDigest(d *[20]byte, p []byte) {
	xorDigest(d, p)
	*d = sha1.Sum(d[:])
}

// objType is Redis's OBJ_* number for a value kind.
func objType(k keyspace.Kind) uint32 {
	switch k {
	case keyspace.KindList:
		return 1
	case keyspace.KindSet:
		return 2
	case keyspace.KindZSet:
		return 3
	case keyspace.KindHash:
		return 4
	case keyspace.KindModule:
		return 5
	case keyspace.KindStream:
		return 6
	}
	return 0
}

// valueDigest mixes key's value (and its TTL flag) into d.
func valueDigest(d *[20]byte, e *keyspace.Entry, key string, db int, mods Modules) {
	var typ [4]byte
	binary.BigEndian.PutUint32(typ[:], objType(e.Val.Kind()))
	mixDigest(d, typ[:])
	if mv, ok := e.Val.(*keyspace.ModuleValue); ok {
		if md, ok := mods.(ModuleDigester); ok {
			if x, ok := md.Digest(mv, key, db); ok {
				xorDigest(d, x[:])
			}
		}
	} else if obj, err := fromValue(e.Val); err == nil {
		switch o := obj.(type) {
		case []byte:
			mixDigest(d, o)
		case *List:
			for _, el := range o.Elems {
				mixDigest(d, el)
			}
		case *Set:
			for _, m := range o.Members {
				xorDigest(d, m)
			}
		case *ZSet:
			for _, m := range o.Members {
				var ed [20]byte
				mixDigest(&ed, m.Member)
				mixDigest(&ed, fpconvDtoa(m.Score))
				xorDigest(d, ed[:])
			}
		case *Hash:
			for i := 0; i+1 < len(o.Pairs); i += 2 {
				var ed [20]byte
				mixDigest(&ed, o.Pairs[i])
				mixDigest(&ed, o.Pairs[i+1])
				xorDigest(d, ed[:])
			}
		case *Stream:
			for _, en := range o.Entries {
				id := strconv.AppendUint(nil, en.ID.Ms, 10)
				id = append(id, '.')
				id = strconv.AppendUint(id, en.ID.Seq, 10)
				mixDigest(d, id)
				for _, f := range en.Fields {
					mixDigest(d, f)
				}
			}
		}
	}
	if e.Expire != 0 {
		xorDigest(d, []byte("!!expire!!"))
	}
}

// Digest computes DEBUG DIGEST over every db, as 40 hex digits. Lock held.
func Digest(ks *keyspace.Keyspace, mods Modules) string {
	var final [20]byte
	for _, db := range ks.DBs {
		if db.Len() == 0 {
			continue
		}
		var id [4]byte
		binary.BigEndian.PutUint32(id[:], uint32(db.ID))
		mixDigest(&final, id[:])
		db.Range(func(key string, e *keyspace.Entry) bool {
			var d [20]byte
			mixDigest(&d, []byte(key))
			valueDigest(&d, e, key, db.ID, mods)
			xorDigest(&final, d[:])
			return true
		})
	}
	return hex.EncodeToString(final[:])
}

// ValueDigest computes DEBUG DIGEST-VALUE for one key (all zeros when it
// does not exist; expired keys still count, as in Redis).
func ValueDigest(db *keyspace.DB, key string, mods Modules) string {
	var d [20]byte
	if e := db.Peek(key); e != nil {
		valueDigest(&d, e, key, db.ID, mods)
	}
	return hex.EncodeToString(d[:])
}

// fpconvDtoa formats a double as Redis 7.2's fpconv_dtoa does: the
// shortest digits that read back exactly, in plain notation for moderate
// exponents and d.ddde±XX otherwise.
func fpconvDtoa(f float64) []byte {
	var out []byte
	if math.Signbit(f) {
		out = append(out, '-')
		f = -f
	}
	switch {
	case f == 0:
		return append(out, '0')
	case math.IsNaN(f):
		return append(out, "nan"...)
	case math.IsInf(f, 0):
		return append(out, "inf"...)
	}
	// Shortest digits and exponent: value = digits * 10^k.
	e := strconv.AppendFloat(nil, f, 'e', -1, 64)
	mant, exp := e, 0
	for i, c := range e {
		if c == 'e' {
			mant = e[:i]
			exp, _ = strconv.Atoi(string(e[i+1:]))
			break
		}
	}
	var digits []byte
	for _, c := range mant {
		if c != '.' {
			digits = append(digits, c)
		}
	}
	nd := len(digits)
	k := exp - (nd - 1)
	absExp := exp
	if absExp < 0 {
		absExp = -absExp
	}
	neg := len(out) > 0
	if k >= 0 && absExp < nd+7 {
		out = append(out, digits...)
		for i := 0; i < k; i++ {
			out = append(out, '0')
		}
		return out
	}
	if k < 0 && (k > -7 || absExp < 4) {
		off := nd + k
		if off <= 0 {
			out = append(out, '0', '.')
			for i := 0; i < -off; i++ {
				out = append(out, '0')
			}
			return append(out, digits...)
		}
		out = append(out, digits[:off]...)
		out = append(out, '.')
		return append(out, digits[off:]...)
	}
	limit := 18
	if neg {
		limit = 17
	}
	if nd > limit {
		nd = limit
	}
	out = append(out, digits[0])
	if nd > 1 {
		out = append(out, '.')
		out = append(out, digits[1:nd]...)
	}
	out = append(out, 'e')
	if exp < 0 {
		out = append(out, '-')
	} else {
		out = append(out, '+')
	}
	if absExp > 99 {
		out = append(out, byte('0'+absExp/100))
		absExp %= 100
		out = append(out, byte('0'+absExp/10))
	} else if absExp > 9 {
		out = append(out, byte('0'+absExp/10))
	}
	return append(out, byte('0'+absExp%10))
}
