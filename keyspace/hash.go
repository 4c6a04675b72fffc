package keyspace

import (
	"math/rand/v2"

	"modhost/internal/dict"
)

// Hash encoding thresholds (hash-max-listpack-entries, 512 by default, and
// hash-max-listpack-value); the config layer sets them.
var (
	HashMaxListpackEntries = 512
	HashMaxListpackValue   = 64
)

type hashPair struct{ field, value []byte }

// Hash is a hash value. While small it is "listpack" encoded: a slice of
// pairs kept in insertion order (an update keeps the field's place), which
// is the order HGETALL and modules observe. It becomes a "hashtable" (a
// SCAN-safe dict) once it passes either threshold, and never goes back.
// Byte slices passed in are copied; slices handed out are owned by the hash.
type Hash struct {
	lp []hashPair
	ht *dict.Dict[[]byte]
}

// NewHash returns an empty listpack-encoded hash.
func NewHash() *Hash { return &Hash{} }

// Kind implements Value.
func (*Hash) Kind() Kind { return KindHash }

// Encoding is what OBJECT ENCODING reports: listpack or hashtable.
func (h *Hash) Encoding() string {
	if h.ht != nil {
		return "hashtable"
	}
	return "listpack"
}

// Len reports the number of fields.
func (h *Hash) Len() int {
	if h.ht != nil {
		return h.ht.Len()
	}
	return len(h.lp)
}

func (h *Hash) find(field []byte) int {
	for i := range h.lp {
		if string(h.lp[i].field) == string(field) {
			return i
		}
	}
	return -1
}

// Get returns the value of field.
func (h *Hash) Get(field []byte) ([]byte, bool) {
	if h.ht != nil {
		return h.ht.Get(bstr(field))
	}
	if i := h.find(field); i >= 0 {
		return h.lp[i].value, true
	}
	return nil, false
}

// Exists reports whether field is present.
func (h *Hash) Exists(field []byte) bool {
	_, ok := h.Get(field)
	return ok
}

// convert switches to the hashtable encoding.
func (h *Hash) convert() {
	if h.ht != nil {
		return
	}
	h.ht = dict.New[[]byte]()
	for _, p := range h.lp {
		_, v, _ := h.ht.Upsert(bstr(p.field))
		*v = p.value
	}
	h.lp = nil
}

// BeforeSet applies the conversion check Redis makes once per command
// before writing the given field/value arguments: too many pairs or any
// argument longer than the value threshold makes the hash a hashtable.
func (h *Hash) BeforeSet(args [][]byte) {
	if h.ht != nil {
		return
	}
	if len(args)/2 > HashMaxListpackEntries {
		h.convert()
		return
	}
	for _, a := range args {
		if len(a) > HashMaxListpackValue {
			h.convert()
			return
		}
	}
}

// Set stores value under field and reports whether the field is new.
func (h *Hash) Set(field, value []byte) bool {
	if h.ht == nil && (len(field) > HashMaxListpackValue || len(value) > HashMaxListpackValue) {
		h.convert()
	}
	v := clone(value)
	if h.ht != nil {
		_, p, added := h.ht.Upsert(bstr(field))
		*p = v
		return added
	}
	if i := h.find(field); i >= 0 {
		h.lp[i].value = v
		return false
	}
	h.lp = append(h.lp, hashPair{clone(field), v})
	if len(h.lp) > HashMaxListpackEntries {
		h.convert()
	}
	return true
}

// Delete removes field and reports whether it was present.
func (h *Hash) Delete(field []byte) bool {
	if h.ht != nil {
		ok := h.ht.DeletePtr(bstr(field)) != nil
		return ok
	}
	i := h.find(field)
	if i < 0 {
		return false
	}
	h.lp = append(h.lp[:i], h.lp[i+1:]...)
	return true
}

// Range calls fn for every field in Redis's iteration order (insertion
// order for listpack hashes) until fn returns false. fn must not modify
// the hash.
func (h *Hash) Range(fn func(field, value []byte) bool) {
	if h.ht != nil {
		h.ht.Range(func(k string, v []byte) bool { return fn([]byte(k), v) })
		return
	}
	for _, p := range h.lp {
		if !fn(p.field, p.value) {
			return
		}
	}
}

// Scan runs one HSCAN step over a hashtable-encoded hash (see dict.Scan);
// for a listpack hash it visits everything and returns 0.
func (h *Hash) Scan(cursor uint64, fn func(field, value []byte)) uint64 {
	if h.ht == nil {
		for _, p := range h.lp {
			fn(p.field, p.value)
		}
		return 0
	}
	return h.ht.Scan(cursor, func(k string, v []byte) { fn([]byte(k), v) })
}

// Random returns a random field and its value; ok is false when empty.
func (h *Hash) Random() (field, value []byte, ok bool) {
	if h.ht != nil {
		k, v, ok := h.ht.Random()
		return []byte(k), v, ok
	}
	if len(h.lp) == 0 {
		return nil, nil, false
	}
	p := h.lp[rand.IntN(len(h.lp))]
	return p.field, p.value, true
}

// Dup returns an independent copy with the same encoding (COPY).
func (h *Hash) Dup() Value {
	d := &Hash{}
	if h.ht != nil {
		d.ht = dict.New[[]byte]()
		h.ht.Range(func(k string, v []byte) bool {
			d.ht.Set(k, append([]byte(nil), v...))
			return true
		})
		return d
	}
	d.lp = make([]hashPair, len(h.lp))
	for i, p := range h.lp {
		d.lp[i] = hashPair{append([]byte(nil), p.field...), append([]byte(nil), p.value...)}
	}
	return d
}
