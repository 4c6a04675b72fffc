// Package dict is a chained hash table keyed by strings whose cursor
// iteration keeps Redis's SCAN guarantee: an element present for the whole
// of a scan is returned at least once, even when the table grows or shrinks
// between calls. Go maps cannot offer that, so the keyspace, hashes and sets
// all sit on this type.
//
// Invariants:
//   - len(tab) is a power of two (or zero when empty).
//   - A Dict is not safe for concurrent use; callers hold the execution lock.
//   - A node never moves while it is in the table (resizing relinks nodes),
//     so pointers from Ptr, Insert and the Ptr iterators stay valid until
//     the element is deleted.
package dict

import (
	"hash/maphash"
	"math/bits"
	"math/rand/v2"
	"strings"
	"unsafe"
)

var seed = maphash.MakeSeed()

// Keys of up to inlineMax bytes live inside their node: the node's last 16
// bytes hold the key bytes and, in the last byte, the length with shortTag
// set. Longer keys use a longNode, whose last 16 bytes are a string header
// instead; on little-endian machines the last byte of that header is the
// top byte of the length, which is never shortTag-marked. That saves a
// separate allocation (and a dependent cache miss on every probe) for the
// short keys that dominate real keyspaces, hash fields and set members.
const (
	inlineMax = 15
	shortTag  = 0x80
)

// inlineOK is false on big-endian machines, where the tag byte would not
// overlap the top byte of a string length; every key is long there.
var inlineOK = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

type node[V any] struct {
	next *node[V]
	val  V
	// tail is the key: inline bytes plus tagged length, or (longNode) a
	// string header. uint64s keep it aligned as a string header is.
	tail [2]uint64
}

// longNode has node's layout with a real string in place of tail, so the
// collector sees the pointer; it is only ever allocated as itself and
// viewed as a *node.
type longNode[V any] struct {
	next *node[V]
	val  V
	key  string
}

// Medium keys share their node's allocation (one object to fetch, one
// allocation to make), the key string pointing into buf.
type (
	longNode16[V any] struct {
		longNode[V]
		buf [16]byte
	}
	longNode24[V any] struct {
		longNode[V]
		buf [24]byte
	}
	longNode32[V any] struct {
		longNode[V]
		buf [32]byte
	}
	longNode48[V any] struct {
		longNode[V]
		buf [48]byte
	}
	longNode64[V any] struct {
		longNode[V]
		buf [64]byte
	}
)

// newNode builds a node for k; k is copied unless it is longer than the
// node can carry, when the node keeps k itself.
func newNode[V any](k string, v V, next *node[V]) *node[V] {
	if !inlineOK {
		n := &longNode[V]{next: next, val: v, key: k}
		return (*node[V])(unsafe.Pointer(n))
	}
	switch {
	case len(k) <= inlineMax:
		n := &node[V]{next: next, val: v}
		b := (*[16]byte)(unsafe.Pointer(&n.tail))
		copy(b[:], k)
		b[15] = byte(len(k)) | shortTag
		return n
	case len(k) <= 16:
		n := &longNode16[V]{longNode: longNode[V]{next: next, val: v}}
		copy(n.buf[:], k)
		n.key = unsafe.String(&n.buf[0], len(k))
		return (*node[V])(unsafe.Pointer(n))
	case len(k) <= 24:
		n := &longNode24[V]{longNode: longNode[V]{next: next, val: v}}
		copy(n.buf[:], k)
		n.key = unsafe.String(&n.buf[0], len(k))
		return (*node[V])(unsafe.Pointer(n))
	case len(k) <= 32:
		n := &longNode32[V]{longNode: longNode[V]{next: next, val: v}}
		copy(n.buf[:], k)
		n.key = unsafe.String(&n.buf[0], len(k))
		return (*node[V])(unsafe.Pointer(n))
	case len(k) <= 48:
		n := &longNode48[V]{longNode: longNode[V]{next: next, val: v}}
		copy(n.buf[:], k)
		n.key = unsafe.String(&n.buf[0], len(k))
		return (*node[V])(unsafe.Pointer(n))
	case len(k) <= 64:
		n := &longNode64[V]{longNode: longNode[V]{next: next, val: v}}
		copy(n.buf[:], k)
		n.key = unsafe.String(&n.buf[0], len(k))
		return (*node[V])(unsafe.Pointer(n))
	}
	n := &longNode[V]{next: next, val: v, key: k}
	return (*node[V])(unsafe.Pointer(n))
}

// key returns the node's key; for an inline key the string points into the
// node, which is immutable once built.
func (n *node[V]) key() string {
	b := (*[16]byte)(unsafe.Pointer(&n.tail))
	if l := b[15]; l&shortTag != 0 {
		return unsafe.String(&b[0], int(l&^shortTag))
	}
	return (*longNode[V])(unsafe.Pointer(n)).key
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

func (d *Dict[V]) find(k string) *node[V] {
	if d.n > 0 {
		for e := d.tab[hash(k)&uint64(len(d.tab)-1)]; e != nil; e = e.next {
			if e.key() == k {
				return e
			}
		}
	}
	return nil
}

// Get returns the value stored under k.
func (d *Dict[V]) Get(k string) (V, bool) {
	if e := d.find(k); e != nil {
		return e.val, true
	}
	var zero V
	return zero, false
}

// Ptr returns a pointer to the value stored under k, or nil. The pointer is
// valid until k is deleted.
func (d *Dict[V]) Ptr(k string) *V {
	if e := d.find(k); e != nil {
		return &e.val
	}
	return nil
}

// KeyPtr is Ptr that also returns the key as the Dict stores it, so a
// caller probing with a borrowed string can keep the stored one.
func (d *Dict[V]) KeyPtr(k string) (string, *V) {
	if e := d.find(k); e != nil {
		return e.key(), &e.val
	}
	return "", nil
}

// Set stores v under k and reports whether k is new.
func (d *Dict[V]) Set(k string, v V) bool {
	p, added := d.Insert(k)
	*p = v
	return added
}

// Insert returns a pointer to the value under k, adding k with a zero
// value first if it is missing (added reports that). The pointer is valid
// until k is deleted.
func (d *Dict[V]) Insert(k string) (p *V, added bool) {
	if len(d.tab) == 0 {
		d.tab = make([]*node[V], 4)
	}
	b := hash(k) & uint64(len(d.tab)-1)
	for e := d.tab[b]; e != nil; e = e.next {
		if e.key() == k {
			return &e.val, false
		}
	}
	var zero V
	e := newNode(k, zero, d.tab[b])
	d.tab[b] = e
	d.n++
	if d.n > len(d.tab) {
		d.resize(len(d.tab) * 2)
	}
	return &e.val, true
}

// Upsert is Insert for a borrowed k (one whose bytes may change later,
// such as a view of a request buffer): a new element gets its own copy of
// the key. It also returns the key as stored, which callers can keep.
func (d *Dict[V]) Upsert(k string) (key string, p *V, added bool) {
	if len(d.tab) == 0 {
		d.tab = make([]*node[V], 4)
	}
	b := hash(k) & uint64(len(d.tab)-1)
	for e := d.tab[b]; e != nil; e = e.next {
		if ek := e.key(); ek == k {
			return ek, &e.val, false
		}
	}
	if len(k) > 64 || !inlineOK {
		k = strings.Clone(k)
	}
	var zero V
	e := newNode(k, zero, d.tab[b])
	d.tab[b] = e
	d.n++
	if d.n > len(d.tab) {
		d.resize(len(d.tab) * 2)
	}
	return e.key(), &e.val, true
}

// Delete removes k and returns its value.
func (d *Dict[V]) Delete(k string) (V, bool) {
	if p := d.DeletePtr(k); p != nil {
		return *p, true
	}
	var zero V
	return zero, false
}

// DeletePtr removes k and returns a pointer to the value it held (the
// removed element's own storage, which nothing reuses), or nil.
func (d *Dict[V]) DeletePtr(k string) *V {
	if d.n == 0 {
		return nil
	}
	b := hash(k) & uint64(len(d.tab)-1)
	var prev *node[V]
	for e := d.tab[b]; e != nil; e = e.next {
		if e.key() == k {
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
			return &e.val
		}
		prev = e
	}
	return nil
}

// Clear removes everything.
func (d *Dict[V]) Clear() { d.tab = nil; d.n = 0 }

func (d *Dict[V]) resize(size int) {
	nt := make([]*node[V], size)
	m := uint64(size - 1)
	for _, e := range d.tab {
		for e != nil {
			next := e.next
			b := hash(e.key()) & m
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
	d.RangePtr(func(k string, v *V) bool { return fn(k, *v) })
}

// RangePtr is Range passing pointers to the stored values.
func (d *Dict[V]) RangePtr(fn func(k string, v *V) bool) {
	for _, e := range d.tab {
		for ; e != nil; e = e.next {
			if !fn(e.key(), &e.val) {
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
	return d.ScanPtr(cursor, func(k string, v *V) { fn(k, *v) })
}

// ScanPtr is Scan passing pointers to the stored values.
func (d *Dict[V]) ScanPtr(cursor uint64, fn func(k string, v *V)) uint64 {
	if d.n == 0 {
		return 0
	}
	m := uint64(len(d.tab) - 1)
	for e := d.tab[cursor&m]; e != nil; e = e.next {
		fn(e.key(), &e.val)
	}
	cursor |= ^m
	cursor = bits.Reverse64(cursor)
	cursor++
	cursor = bits.Reverse64(cursor)
	return cursor
}

// Random returns a random element; ok is false when the Dict is empty.
func (d *Dict[V]) Random() (k string, v V, ok bool) {
	k, p, ok := d.RandomPtr()
	if ok {
		v = *p
	}
	return k, v, ok
}

// RandomPtr is Random returning a pointer to the stored value.
func (d *Dict[V]) RandomPtr() (k string, v *V, ok bool) {
	if d.n == 0 {
		return "", nil, false
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
		return e.key(), &e.val, true
	}
}
