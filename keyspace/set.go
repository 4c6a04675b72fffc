package keyspace

import (
	"math/rand/v2"
	"sort"

	"modhost/internal/dict"
)

// Set encoding thresholds (set-max-intset-entries, set-max-listpack-entries,
// set-max-listpack-value); the config layer sets them.
var (
	SetMaxIntsetEntries   = 512
	SetMaxListpackEntries = 128
	SetMaxListpackValue   = 64
)

// Set encodings.
const (
	setIntset = iota
	setListpack
	setHashtable
)

// Set is a set value with Redis 7.2's three encodings: "intset" (sorted
// int64s) while every member is an integer, "listpack" (insertion order)
// while small, and "hashtable" (a SCAN-safe dict). Conversions go one way
// only, except that a store of integers may start as an intset
// (MaybeIntset). Members passed in are copied; members handed out are
// owned by the set (intset members are formatted fresh).
type Set struct {
	enc  int
	ints []int64
	lp   [][]byte
	ht   *dict.Dict[struct{}]
}

// NewIntSet returns an empty intset-encoded set.
func NewIntSet() *Set { return &Set{enc: setIntset} }

// NewSetFor returns an empty set in the encoding Redis picks for a set
// about to receive sizeHint members, the first being first.
func NewSetFor(first []byte, sizeHint int) *Set {
	if _, ok := ParseInt(first); ok && sizeHint <= SetMaxIntsetEntries {
		return &Set{enc: setIntset}
	}
	if sizeHint <= SetMaxListpackEntries {
		return &Set{enc: setListpack}
	}
	return &Set{enc: setHashtable, ht: dict.New[struct{}]()}
}

// Kind implements Value.
func (*Set) Kind() Kind { return KindSet }

// Encoding is what OBJECT ENCODING reports: intset, listpack or hashtable.
func (s *Set) Encoding() string {
	switch s.enc {
	case setIntset:
		return "intset"
	case setListpack:
		return "listpack"
	}
	return "hashtable"
}

// Len reports the number of members.
func (s *Set) Len() int {
	switch s.enc {
	case setIntset:
		return len(s.ints)
	case setListpack:
		return len(s.lp)
	}
	return s.ht.Len()
}

// MaybeConvert converts to hashtable when sizeHint more members are about
// to arrive and the small encoding could not hold them (SADD does this
// once per command).
func (s *Set) MaybeConvert(sizeHint int) {
	if (s.enc == setListpack && sizeHint > SetMaxListpackEntries) ||
		(s.enc == setIntset && sizeHint > SetMaxIntsetEntries) {
		s.toHashtable()
	}
}

func (s *Set) toHashtable() {
	if s.enc == setHashtable {
		return
	}
	ht := dict.New[struct{}]()
	s.Range(func(m []byte) bool { ht.Upsert(bstr(m)); return true })
	s.enc, s.ht, s.ints, s.lp = setHashtable, ht, nil, nil
}

func (s *Set) intIndex(v int64) (int, bool) {
	i := sort.Search(len(s.ints), func(i int) bool { return s.ints[i] >= v })
	return i, i < len(s.ints) && s.ints[i] == v
}

func (s *Set) lpIndex(m []byte) int {
	for i, x := range s.lp {
		if string(x) == string(m) {
			return i
		}
	}
	return -1
}

// Add inserts m and reports whether it was new.
func (s *Set) Add(m []byte) bool {
	switch s.enc {
	case setIntset:
		if v, ok := ParseInt(m); ok {
			i, found := s.intIndex(v)
			if found {
				return false
			}
			s.ints = append(s.ints, 0)
			copy(s.ints[i+1:], s.ints[i:])
			s.ints[i] = v
			if len(s.ints) > SetMaxIntsetEntries {
				s.toHashtable()
			}
			return true
		}
		if len(s.ints) < SetMaxListpackEntries && len(m) <= SetMaxListpackValue {
			lp := make([][]byte, 0, len(s.ints)+1)
			for _, v := range s.ints {
				lp = append(lp, FormatInt(nil, v))
			}
			s.enc, s.lp, s.ints = setListpack, lp, nil
		} else {
			s.toHashtable()
		}
		return s.Add(m)
	case setListpack:
		if s.lpIndex(m) >= 0 {
			return false
		}
		if len(s.lp) < SetMaxListpackEntries && len(m) <= SetMaxListpackValue {
			s.lp = append(s.lp, clone(m))
			return true
		}
		s.toHashtable()
	}
	_, _, added := s.ht.Upsert(bstr(m))
	return added
}

// Remove deletes m and reports whether it was present.
func (s *Set) Remove(m []byte) bool {
	switch s.enc {
	case setIntset:
		v, ok := ParseInt(m)
		if !ok {
			return false
		}
		i, found := s.intIndex(v)
		if !found {
			return false
		}
		s.ints = append(s.ints[:i], s.ints[i+1:]...)
		return true
	case setListpack:
		i := s.lpIndex(m)
		if i < 0 {
			return false
		}
		s.lp = append(s.lp[:i], s.lp[i+1:]...)
		return true
	}
	ok := s.ht.DeletePtr(bstr(m)) != nil
	return ok
}

// IsMember reports whether m is in the set.
func (s *Set) IsMember(m []byte) bool {
	switch s.enc {
	case setIntset:
		v, ok := ParseInt(m)
		if !ok {
			return false
		}
		_, found := s.intIndex(v)
		return found
	case setListpack:
		return s.lpIndex(m) >= 0
	}
	ok := s.ht.Ptr(bstr(m)) != nil
	return ok
}

// AllIntegers reports whether every member parses as an integer.
func (s *Set) AllIntegers() bool {
	if s.enc == setIntset {
		return true
	}
	all := true
	s.Range(func(m []byte) bool {
		_, all = ParseInt(m)
		return all
	})
	return all
}

// MaybeIntset turns a set whose members are all integers back into an
// intset when it is small enough (the destination of SINTERSTORE).
func (s *Set) MaybeIntset() {
	if s.enc == setIntset || s.Len() > SetMaxIntsetEntries || !s.AllIntegers() {
		return
	}
	var ints []int64
	s.Range(func(m []byte) bool {
		v, _ := ParseInt(m)
		ints = append(ints, v)
		return true
	})
	sort.Slice(ints, func(i, j int) bool { return ints[i] < ints[j] })
	s.enc, s.ints, s.lp, s.ht = setIntset, ints, nil, nil
}

// Range calls fn for every member in Redis's iteration order (ascending
// for intsets, insertion order for listpacks) until fn returns false. fn
// must not modify the set.
func (s *Set) Range(fn func(m []byte) bool) {
	switch s.enc {
	case setIntset:
		for _, v := range s.ints {
			if !fn(FormatInt(nil, v)) {
				return
			}
		}
	case setListpack:
		for _, m := range s.lp {
			if !fn(m) {
				return
			}
		}
	default:
		s.ht.Range(func(k string, _ struct{}) bool { return fn([]byte(k)) })
	}
}

// Members returns every member in iteration order.
func (s *Set) Members() [][]byte {
	out := make([][]byte, 0, s.Len())
	s.Range(func(m []byte) bool { out = append(out, m); return true })
	return out
}

// Scan runs one SSCAN step over a hashtable set (see dict.Scan); small
// encodings visit everything and return 0.
func (s *Set) Scan(cursor uint64, fn func(m []byte)) uint64 {
	if s.enc != setHashtable {
		s.Range(func(m []byte) bool { fn(m); return true })
		return 0
	}
	return s.ht.Scan(cursor, func(k string, _ struct{}) { fn([]byte(k)) })
}

// Random returns a random member (nil when empty).
func (s *Set) Random() []byte {
	switch s.enc {
	case setIntset:
		if len(s.ints) == 0 {
			return nil
		}
		return FormatInt(nil, s.ints[rand.IntN(len(s.ints))])
	case setListpack:
		if len(s.lp) == 0 {
			return nil
		}
		return s.lp[rand.IntN(len(s.lp))]
	}
	k, _, ok := s.ht.Random()
	if !ok {
		return nil
	}
	return []byte(k)
}

// PopRandom removes and returns a random member (nil when empty).
func (s *Set) PopRandom() []byte {
	m := s.Random()
	if m != nil {
		m = append([]byte(nil), m...)
		s.Remove(m)
	}
	return m
}

// Dup returns an independent copy with the same encoding (COPY).
func (s *Set) Dup() Value {
	d := &Set{enc: s.enc}
	switch s.enc {
	case setIntset:
		d.ints = append([]int64(nil), s.ints...)
	case setListpack:
		d.lp = make([][]byte, len(s.lp))
		for i, m := range s.lp {
			d.lp[i] = append([]byte(nil), m...)
		}
	default:
		d.ht = dict.New[struct{}]()
		s.ht.Range(func(k string, _ struct{}) bool { d.ht.Set(k, struct{}{}); return true })
	}
	return d
}
