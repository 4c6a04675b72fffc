// Package dict is a chained hash table keyed by strings whose cursor
// iteration keeps Redis's SCAN guarantee: an element present for the whole
// of a scan is returned at least once, even when the table grows or shrinks
// between calls. Go maps cannot offer that, so the keyspace, hashes and sets
// all sit on this type.
//
// Invariants:
//   - len(tab) is a power of two (or zero when empty).
//   - A Dict is not safe for concurrent use; callers hold the execution lock.
package dict

import (
	"hash/maphash"
	"math/bits"
	"math/rand/v2"
)

var seed = maphash.MakeSeed()

type node[V any] struct {
	key  string
	val  V
	next *node[V]
}

// Dict maps strings to values of type V.
type Dict[V any] struct {
	tab []*node[V]
	n   int
}

// New returns an empty Dict.
func New[V any]() *Dict[V] { return &Dict[V]{} }

func hash(k string) uint64 { return maphash.String(seed, k) }

// Len reports the number of elements.
func (d *Dict[V]) Len() int { return d.n }

// Get returns the value stored under k.
func (d *Dict[V]) Get(k string) (V, bool) {
	if d.n > 0 {
		for e := d.tab[hash(k)&uint64(len(d.tab)-1)]; e != nil; e = e.next {
			if e.key == k {
				return e.val, true
			}
		}
	}
	var zero V
	return zero, false
}

// Ptr returns a pointer to the value stored under k, or nil. The pointer is
// valid until the next Set or Delete.
func (d *Dict[V]) Ptr(k string) *V {
	if d.n > 0 {
		for e := d.tab[hash(k)&uint64(len(d.tab)-1)]; e != nil; e = e.next {
			if e.key == k {
				return &e.val
			}
		}
	}
	return nil
}

// Set stores v under k and reports whether k is new.
func (d *Dict[V]) Set(k string, v V) bool {
	if len(d.tab) == 0 {
		d.tab = make([]*node[V], 4)
	}
	b := hash(k) & uint64(len(d.tab)-1)
	for e := d.tab[b]; e != nil; e = e.next {
		if e.key == k {
			e.val = v
			return false
		}
	}
	d.tab[b] = &node[V]{key: k, val: v, next: d.tab[b]}
	d.n++
	if d.n > len(d.tab) {
		d.resize(len(d.tab) * 2)
	}
	return true
}

// Delete removes k and returns its value.
func (d *Dict[V]) Delete(k string) (V, bool) {
	var zero V
	if d.n == 0 {
		return zero, false
	}
	b := hash(k) & uint64(len(d.tab)-1)
	var prev *node[V]
	for e := d.tab[b]; e != nil; e = e.next {
		if e.key == k {
			if prev == nil {
				d.tab[b] = e.next
			} else {
				prev.next = e.next
			}
			d.n--
			if d.n == 0 {
				d.tab = nil
			} else if len(d.tab) > 4 && d.n < len(d.tab)/8 {
				d.resize(len(d.tab) / 2)
			}
			return e.val, true
		}
		prev = e
	}
	return zero, false
}

// Clear removes everything.
func (d *Dict[V]) Clear() { d.tab = nil; d.n = 0 }

func (d *Dict[V]) resize(size int) {
	nt := make([]*node[V], size)
	m := uint64(size - 1)
	for _, e := range d.tab {
		for e != nil {
			next := e.next
			b := hash(e.key) & m
			e.next = nt[b]
			nt[b] = e
			e = next
		}
	}
	d.tab = nt
}

// Range calls fn for every element until fn returns false. fn must not
// modify the Dict.
func (d *Dict[V]) Range(fn func(k string, v V) bool) {
	for _, e := range d.tab {
		for ; e != nil; e = e.next {
			if !fn(e.key, e.val) {
				return
			}
		}
	}
}

// Scan visits one bucket (and, when the table shrank since the cursor was
// issued, the buckets that folded into it) and returns the next cursor; 0
// means the scan is complete. The cursor walks bucket indexes with their
// bits reversed, which is what keeps the guarantee across resizes.
func (d *Dict[V]) Scan(cursor uint64, fn func(k string, v V)) uint64 {
	if d.n == 0 {
		return 0
	}
	m := uint64(len(d.tab) - 1)
	for e := d.tab[cursor&m]; e != nil; e = e.next {
		fn(e.key, e.val)
	}
	cursor |= ^m
	cursor = bits.Reverse64(cursor)
	cursor++
	cursor = bits.Reverse64(cursor)
	return cursor
}

// Random returns a random element; ok is false when the Dict is empty.
func (d *Dict[V]) Random() (k string, v V, ok bool) {
	if d.n == 0 {
		return "", v, false
	}
	for {
		e := d.tab[rand.IntN(len(d.tab))]
		if e == nil {
			continue
		}
		n := 0
		for x := e; x != nil; x = x.next {
			n++
		}
		i := rand.IntN(n)
		for ; i > 0; i-- {
			e = e.next
		}
		return e.key, e.val, true
	}
}
