package capi

/*
#include "capi.h"
*/
import "C"

import (
	"math"
	"runtime"
	"sync"
	"unsafe"

	"modhost/engine"
	"modhost/keyspace"
)

// OpenKey mode bits (REDISMODULE_*).
const (
	modeRead      = 1 << 0
	modeWrite     = 1 << 1
	modeNoTouch   = 1 << 16
	modeNoNotify  = 1 << 17
	modeNoStats   = 1 << 18
	modeNoExpire  = 1 << 19
	modeNoEffects = 1 << 20
)

// openKey is the Go twin of a RedisModuleKey.
type openKey struct {
	h    *Host
	db   *keyspace.DB
	name string
	mode int
	// written is set when the key changed through this handle, so CloseKey
	// signals WATCH.
	written bool
	// pin keeps a StringDMA buffer in place until the key closes.
	pin    runtime.Pinner
	pinned bool
	// zset range iteration
	zitems []zitem
	zpos   int
	// stream iteration
	siter *streamIter
}

type zitem struct {
	member []byte
	score  float64
}

// keys holds the open keys by handle. Servers in one process have their
// own locks, so the table has its own. A handle is a slot index (low 32
// bits) and the slot's generation (high 32): a stale handle, such as a key
// closed twice, finds nothing. A slice with a free list instead of a map,
// because every key API looks its handle up.
var keys keyTable

type keyTable struct {
	sync.Mutex
	slots []keySlot
	free  []uint32
}

type keySlot struct {
	k   *openKey
	gen uint32
}

func (t *keyTable) add(k *openKey) uint64 {
	t.Lock()
	var i uint32
	if n := len(t.free); n > 0 {
		i = t.free[n-1]
		t.free = t.free[:n-1]
	} else {
		t.slots = append(t.slots, keySlot{})
		i = uint32(len(t.slots) - 1)
	}
	s := &t.slots[i]
	s.gen++
	if s.gen == 0 {
		s.gen = 1 // handle 0 means "no key" to C
	}
	s.k = k
	h := uint64(s.gen)<<32 | uint64(i)
	t.Unlock()
	return h
}

// slot returns h's slot if h is current; the table's lock must be held.
func (t *keyTable) slot(h uint64) *keySlot {
	i, g := uint32(h), uint32(h>>32)
	if int(i) < len(t.slots) && t.slots[i].gen == g {
		return &t.slots[i]
	}
	return nil
}

func (t *keyTable) get(h uint64) *openKey {
	var k *openKey
	t.Lock()
	if s := t.slot(h); s != nil {
		k = s.k
	}
	t.Unlock()
	return k
}

func (t *keyTable) remove(h uint64) *openKey {
	var k *openKey
	t.Lock()
	if s := t.slot(h); s != nil && s.k != nil {
		k, s.k = s.k, nil
		t.free = append(t.free, uint32(h))
	}
	t.Unlock()
	return k
}

func getKey(h C.uint64_t) *openKey { return keys.get(uint64(h)) }

// hostFor finds the server a context belongs to: its client's, or the
// most recent host for contexts without a client.
func hostFor(client C.uint64_t) (*Host, *engine.Client) {
	if ref := lookupClient(client); ref != nil {
		return ref.h, ref.c
	}
	h, _ := anyHost.Load().(*Host)
	return h, nil
}

// kindOf maps a value to REDISMODULE_KEYTYPE_*.
func kindOf(e *keyspace.Entry) C.int {
	if e == nil {
		return C.REDISMODULE_KEYTYPE_EMPTY
	}
	return C.int(e.Val.Kind())
}

func (k *openKey) entry() *keyspace.Entry {
	if k.mode&modeNoExpire != 0 {
		return k.db.Peek(k.name)
	}
	return k.db.LookupNoTouch(k.name)
}

// changed records a write through the key (WATCH is signalled at close).
func (k *openKey) changed() {
	k.written = true
	k.db.Keyspace().Dirty++
}

//export goOpenKey
func goOpenKey(client C.uint64_t, db C.int, name *C.char, n C.size_t, mode C.int, kind *C.int, mt **C.RedisModuleType, mv *unsafe.Pointer) C.uint64_t {
	defer guard("OpenKey")
	h, c := hostFor(client)
	if h == nil || int(db) < 0 || int(db) >= len(h.Eng.KS.DBs) {
		return 0
	}
	k := openKeys.Get().(*openKey)
	k.h, k.db, k.name, k.mode = h, h.Eng.KS.DBs[db], C.GoStringN(name, C.int(n)), int(mode)
	if c != nil && c.DB != nil && int(db) == c.DB.ID {
		k.db = c.DB
	}
	var e *keyspace.Entry
	switch {
	case k.mode&(modeNoExpire|modeNoEffects) != 0:
		e = k.db.Peek(k.name)
		if e != nil && e.Expire != 0 && e.Expire <= h.Eng.KS.Now() && k.mode&modeNoExpire == 0 {
			e = k.db.LookupNoTouch(k.name)
		}
	case k.mode&modeNoTouch != 0:
		e = k.db.LookupNoTouch(k.name)
	default:
		e = k.db.Lookup(k.name)
	}
	if k.mode&(modeNoStats|modeNoEffects) == 0 && k.mode&modeWrite == 0 {
		if e != nil {
			h.Eng.Stats.KeyspaceHits++
		} else {
			h.Eng.Stats.KeyspaceMisses++
		}
	}
	if e == nil && k.mode&(modeNoNotify|modeNoEffects) == 0 && k.mode&modeWrite == 0 {
		k.db.Notify(keyspace.NotifyKeyMiss, "keymiss", k.name)
	}
	if e == nil && k.mode&modeWrite == 0 {
		*k = openKey{}
		openKeys.Put(k)
		return 0
	}
	*kind = kindOf(e)
	if e != nil {
		if v, ok := e.Val.(*keyspace.ModuleValue); ok {
			if t, ok := v.Type.(*dataType); ok {
				*mt = t.c
			}
			*mv = cptr(v.Ptr)
		}
	}
	return C.uint64_t(keys.add(k))
}

//export goCloseKey
func goCloseKey(h C.uint64_t) {
	defer guard("CloseKey")
	k := keys.remove(uint64(h))
	if k == nil {
		return
	}
	if k.pinned {
		k.pin.Unpin()
	}
	if k.written {
		if m := k.h.Eng.KS; m != nil {
			k.db.Modified(k.name)
		}
	}
	*k = openKey{}
	openKeys.Put(k)
}

// openKeys recycles openKey structs: a module opening keys in a loop
// otherwise allocates one per open.
var openKeys = sync.Pool{New: func() any { return new(openKey) }}

//export goValueLength
func goValueLength(h C.uint64_t) C.size_t {
	defer guard("ValueLength")
	k := getKey(h)
	if k == nil {
		return 0
	}
	e := k.entry()
	if e == nil {
		return 0
	}
	switch v := e.Val.(type) {
	case *keyspace.String:
		return C.size_t(len(v.B))
	case *keyspace.List:
		return C.size_t(v.Len())
	case *keyspace.Hash:
		return C.size_t(v.Len())
	case *keyspace.Set:
		return C.size_t(v.Len())
	case *keyspace.ZSet:
		return C.size_t(v.Len())
	case *keyspace.Stream:
		return C.size_t(v.Len())
	}
	return 0
}

//export goDeleteKey
func goDeleteKey(h C.uint64_t, unlink C.int) {
	defer guard("DeleteKey")
	k := getKey(h)
	if k == nil {
		return
	}
	// The type's unlink callback runs from the keyspace's Removing hook
	// (keyevent.go), for UnlinkKey and DeleteKey alike, as Redis runs it
	// for every removal.
	_ = unlink
	if k.db.Delete(k.name) {
		k.changed()
	}
}

//export goGetExpire
func goGetExpire(h C.uint64_t, abs C.int) C.mstime_t {
	defer guard("GetExpire")
	k := getKey(h)
	if k == nil {
		return -1
	}
	e := k.entry()
	if e == nil || e.Expire == 0 {
		return -1
	}
	if abs != 0 {
		return C.mstime_t(e.Expire)
	}
	left := e.Expire - k.db.Keyspace().Now()
	if left < 0 {
		left = 0
	}
	return C.mstime_t(left)
}

//export goSetExpire
func goSetExpire(h C.uint64_t, ms C.mstime_t, abs C.int) C.int {
	defer guard("SetExpire")
	k := getKey(h)
	if k == nil || k.entry() == nil {
		return C.REDISMODULE_ERR
	}
	at := int64(ms)
	switch {
	case ms == -1:
		at = 0
	case abs == 0:
		at += k.db.Keyspace().Now()
	}
	k.db.SetExpire(k.name, at)
	k.changed()
	return C.REDISMODULE_OK
}

//export goKeyExists
func goKeyExists(db C.int, client C.uint64_t, name *C.char, n C.size_t) C.int {
	defer guard("KeyExists")
	h, _ := hostFor(client)
	if h == nil || int(db) < 0 || int(db) >= len(h.Eng.KS.DBs) {
		return 0
	}
	if h.Eng.KS.DBs[db].Exists(C.GoStringN(name, C.int(n))) {
		return 1
	}
	return 0
}

//export goKeyDb
func goKeyDb(h C.uint64_t) C.int {
	defer guard("GetDbIdFromModuleKey")
	if k := getKey(h); k != nil {
		return C.int(k.db.ID)
	}
	return -1
}

//export goSignalModifiedKey
func goSignalModifiedKey(db C.int, client C.uint64_t, name *C.char, n C.size_t) {
	defer guard("SignalModifiedKey")
	h, _ := hostFor(client)
	if h == nil || int(db) < 0 || int(db) >= len(h.Eng.KS.DBs) {
		return
	}
	h.Eng.KS.DBs[db].Modified(C.GoStringN(name, C.int(n)))
}

// ---- strings -----------------------------------------------------------

//export goStringSet
func goStringSet(h C.uint64_t, p *C.char, n C.size_t) {
	defer guard("StringSet")
	k := getKey(h)
	if k == nil {
		return
	}
	k.db.Set(k.name, &keyspace.String{B: C.GoBytes(unsafe.Pointer(p), C.int(n))})
	k.changed()
}

//export goStringDMA
func goStringDMA(h C.uint64_t, mode C.int, n *C.size_t) *C.char {
	defer guard("StringDMA")
	k := getKey(h)
	if k == nil {
		return nil
	}
	e := k.entry()
	if e == nil {
		return nil
	}
	s, ok := e.Val.(*keyspace.String)
	if !ok {
		return nil
	}
	*n = C.size_t(len(s.B))
	if mode&modeWrite != 0 {
		s.Raw = true
		k.changed()
	}
	if len(s.B) == 0 {
		return nil
	}
	// C may read and write these bytes until the key closes.
	k.pin.Pin(unsafe.SliceData(s.B))
	k.pinned = true
	return (*C.char)(unsafe.Pointer(unsafe.SliceData(s.B)))
}

//export goStringTruncate
func goStringTruncate(h C.uint64_t, newlen C.size_t) {
	defer guard("StringTruncate")
	k := getKey(h)
	if k == nil {
		return
	}
	var s *keyspace.String
	if e := k.entry(); e != nil {
		s, _ = e.Val.(*keyspace.String)
	}
	if s == nil {
		s = &keyspace.String{}
		k.db.Set(k.name, s)
	}
	n := int(newlen)
	if n <= len(s.B) {
		s.B = s.B[:n]
	} else {
		nb := make([]byte, n)
		copy(nb, s.B)
		s.B = nb
	}
	s.Raw = true
	k.changed()
}

// ---- lists -------------------------------------------------------------

func (k *openKey) list(create bool) *keyspace.List {
	if e := k.entry(); e != nil {
		l, _ := e.Val.(*keyspace.List)
		return l
	}
	if !create {
		return nil
	}
	l := keyspace.NewList()
	k.db.Set(k.name, l)
	return l
}

// dropIfEmpty deletes an emptied collection, as Redis does after module
// list and zset operations.
func (k *openKey) dropIfEmpty(n int) bool {
	if n == 0 {
		k.db.Delete(k.name)
		return true
	}
	return false
}

func newCString(b []byte) *C.RedisModuleString {
	if len(b) == 0 {
		return C.mh_string_new(nil, 0)
	}
	return C.mh_string_new((*C.char)(unsafe.Pointer(unsafe.SliceData(b))), C.size_t(len(b)))
}

//export goListPush
func goListPush(h C.uint64_t, where C.int, p *C.char, n C.size_t) {
	defer guard("ListPush")
	k := getKey(h)
	if k == nil {
		return
	}
	l := k.list(true)
	v := C.GoBytes(unsafe.Pointer(p), C.int(n))
	l.Push([][]byte{v}, where == C.REDISMODULE_LIST_HEAD)
	k.changed()
	k.db.Ready(k.name)
}

//export goListPop
func goListPop(h C.uint64_t, where C.int, emptied *C.int) *C.RedisModuleString {
	defer guard("ListPop")
	k := getKey(h)
	if k == nil {
		return nil
	}
	l := k.list(false)
	if l == nil || l.Len() == 0 {
		return nil
	}
	var v []byte
	if where == C.REDISMODULE_LIST_HEAD {
		v = l.PopHead()
	} else {
		v = l.PopTail()
	}
	k.changed()
	if k.dropIfEmpty(l.Len()) {
		*emptied = 1
	}
	return newCString(v)
}

func listIndex(l *keyspace.List, i int) (int, bool) {
	if i < 0 {
		i += l.Len()
	}
	return i, i >= 0 && i < l.Len()
}

//export goListGet
func goListGet(h C.uint64_t, index C.long) *C.RedisModuleString {
	defer guard("ListGet")
	k := getKey(h)
	if k == nil {
		return nil
	}
	l := k.list(false)
	if l == nil {
		return nil
	}
	i, ok := listIndex(l, int(index))
	if !ok {
		return nil
	}
	v, _ := l.Index(i)
	return newCString(v)
}

//export goListSet
func goListSet(h C.uint64_t, index C.long, p *C.char, n C.size_t) C.int {
	defer guard("ListSet")
	k := getKey(h)
	if k == nil {
		return 0
	}
	l := k.list(false)
	if l == nil {
		return 0
	}
	i, ok := listIndex(l, int(index))
	if !ok {
		return 0
	}
	l.Set(i, C.GoBytes(unsafe.Pointer(p), C.int(n)))
	k.changed()
	return 1
}

//export goListInsert
func goListInsert(h C.uint64_t, index C.long, p *C.char, n C.size_t) C.int {
	defer guard("ListInsert")
	k := getKey(h)
	if k == nil {
		return 0
	}
	v := C.GoBytes(unsafe.Pointer(p), C.int(n))
	l := k.list(false)
	if l == nil {
		if index != 0 && index != -1 {
			return 0
		}
		l = k.list(true)
		l.Push([][]byte{v}, false)
		k.changed()
		k.db.Ready(k.name)
		return 1
	}
	size := l.Len()
	i := int(index)
	switch {
	case i == size || i == -1:
		l.Push([][]byte{v}, false)
	case i == 0 || i == -size-1:
		l.Push([][]byte{v}, true)
	case i < 0 && -i <= size:
		// Negative: the element lands at that position counting from
		// the tail, so it goes after the element now there.
		l.Insert(size+i, v, true)
	case i >= 0 && i < size:
		l.Insert(i, v, false)
	default:
		return 0
	}
	k.changed()
	k.db.Ready(k.name)
	return 1
}

//export goListDelete
func goListDelete(h C.uint64_t, index C.long, emptied *C.int) C.int {
	defer guard("ListDelete")
	k := getKey(h)
	if k == nil {
		return 0
	}
	l := k.list(false)
	if l == nil {
		return 0
	}
	i, ok := listIndex(l, int(index))
	if !ok {
		return 0
	}
	l.Delete(i)
	k.changed()
	if k.dropIfEmpty(l.Len()) {
		*emptied = 1
	}
	return 1
}

// ---- hashes ------------------------------------------------------------

// Hash flags (REDISMODULE_HASH_*).
const (
	hashNX       = 1 << 0
	hashXX       = 1 << 1
	hashCFields  = 1 << 2
	hashExists   = 1 << 3
	hashCountAll = 1 << 4
)

//export goHashSet
func goHashSet(h C.uint64_t, flags C.int, fptr **C.char, flen *C.size_t, vptr **C.char, vlen *C.size_t, del *C.int, n C.int, kind *C.int) C.int {
	defer guard("HashSet")
	k := getKey(h)
	if k == nil {
		return 0
	}
	count := int(n)
	fs := unsafe.Slice(fptr, count)
	fl := unsafe.Slice(flen, count)
	vs := unsafe.Slice(vptr, count)
	vl := unsafe.Slice(vlen, count)
	ds := unsafe.Slice(del, count)
	var hv *keyspace.Hash
	if e := k.entry(); e != nil {
		hv, _ = e.Val.(*keyspace.Hash)
	}
	updated := 0
	for i := 0; i < count; i++ {
		field := C.GoBytes(unsafe.Pointer(fs[i]), C.int(fl[i]))
		if ds[i] != 0 {
			if hv != nil && hv.Delete(field) {
				updated++
			}
			continue
		}
		exists := hv != nil && hv.Exists(field)
		if (flags&hashNX != 0 && exists) || (flags&hashXX != 0 && !exists) {
			continue
		}
		if hv == nil {
			hv = keyspace.NewHash()
			k.db.Set(k.name, hv)
		}
		value := C.GoBytes(unsafe.Pointer(vs[i]), C.int(vl[i]))
		hv.BeforeSet([][]byte{field, value})
		// Like hashTypeSet, count fields that existed (were updated);
		// COUNT_ALL counts every field set.
		if added := hv.Set(field, value); !added || flags&hashCountAll != 0 {
			updated++
		}
	}
	if updated > 0 || hv != nil {
		k.changed()
	}
	if hv != nil && hv.Len() == 0 {
		k.db.Delete(k.name)
		hv = nil
	}
	if hv != nil {
		*kind = C.REDISMODULE_KEYTYPE_HASH
	} else {
		*kind = C.REDISMODULE_KEYTYPE_EMPTY
	}
	return C.int(updated)
}

//export goHashGet
func goHashGet(h C.uint64_t, fptr **C.char, flen *C.size_t, n C.int, existsOnly C.int, vals **C.RedisModuleString, exists *C.int) {
	defer guard("HashGet")
	k := getKey(h)
	count := int(n)
	fs := unsafe.Slice(fptr, count)
	fl := unsafe.Slice(flen, count)
	out := unsafe.Slice(vals, count)
	ex := unsafe.Slice(exists, count)
	var hv *keyspace.Hash
	if k != nil {
		if e := k.entry(); e != nil {
			hv, _ = e.Val.(*keyspace.Hash)
		}
	}
	for i := 0; i < count; i++ {
		out[i], ex[i] = nil, 0
		if hv == nil {
			continue
		}
		v, ok := hv.Get(C.GoBytes(unsafe.Pointer(fs[i]), C.int(fl[i])))
		if !ok {
			continue
		}
		ex[i] = 1
		if existsOnly == 0 {
			out[i] = newCString(v)
		}
	}
}

// ---- sorted sets -------------------------------------------------------

// ZsetAdd flags (REDISMODULE_ZADD_*).
const (
	zaddXX      = 1 << 0
	zaddNX      = 1 << 1
	zaddAdded   = 1 << 2
	zaddUpdated = 1 << 3
	zaddNop     = 1 << 4
	zaddGT      = 1 << 5
	zaddLT      = 1 << 6
)

//export goZsetAdd
func goZsetAdd(h C.uint64_t, score C.double, p *C.char, n C.size_t, in, incr C.int, out *C.int, newscore *C.double) C.int {
	defer guard("ZsetAdd")
	k := getKey(h)
	if k == nil {
		return C.REDISMODULE_ERR
	}
	fl := int(in)
	if fl&zaddNX != 0 && fl&(zaddXX|zaddGT|zaddLT) != 0 || fl&zaddGT != 0 && fl&zaddLT != 0 {
		return C.REDISMODULE_ERR
	}
	member := C.GoBytes(unsafe.Pointer(p), C.int(n))
	var z *keyspace.ZSet
	if e := k.entry(); e != nil {
		z, _ = e.Val.(*keyspace.ZSet)
	}
	var cur float64
	exists := false
	if z != nil {
		cur, exists = z.Score(member)
	}
	s := float64(score)
	if incr != 0 && exists {
		s += cur
		if math.IsNaN(s) {
			return C.REDISMODULE_ERR
		}
	}
	switch {
	case exists && fl&zaddNX != 0, !exists && fl&zaddXX != 0,
		exists && fl&zaddGT != 0 && s <= cur, exists && fl&zaddLT != 0 && s >= cur:
		*out = zaddNop
		if newscore != nil && exists {
			*newscore = C.double(cur)
		}
		return C.REDISMODULE_OK
	}
	if z == nil {
		z = keyspace.NewZSetFor(1, len(member))
		k.db.Set(k.name, z)
	}
	z.MaybeConvert(len(member))
	z.Set(member, s)
	k.changed()
	k.db.Ready(k.name)
	switch {
	case !exists:
		*out = zaddAdded
	case s != cur:
		*out = zaddUpdated
	default:
		*out = zaddNop
	}
	if newscore != nil {
		*newscore = C.double(s)
	}
	return C.REDISMODULE_OK
}

//export goZsetRem
func goZsetRem(h C.uint64_t, p *C.char, n C.size_t, deleted, emptied *C.int) {
	defer guard("ZsetRem")
	k := getKey(h)
	if k == nil {
		return
	}
	e := k.entry()
	if e == nil {
		return
	}
	z, ok := e.Val.(*keyspace.ZSet)
	if !ok {
		return
	}
	if z.Delete(C.GoBytes(unsafe.Pointer(p), C.int(n))) {
		*deleted = 1
		k.changed()
		if k.dropIfEmpty(z.Len()) {
			*emptied = 1
		}
	}
}

//export goZsetScore
func goZsetScore(h C.uint64_t, p *C.char, n C.size_t, score *C.double) C.int {
	defer guard("ZsetScore")
	k := getKey(h)
	if k == nil {
		return C.REDISMODULE_ERR
	}
	e := k.entry()
	if e == nil {
		return C.REDISMODULE_ERR
	}
	z, ok := e.Val.(*keyspace.ZSet)
	if !ok {
		return C.REDISMODULE_ERR
	}
	s, found := z.Score(C.GoBytes(unsafe.Pointer(p), C.int(n)))
	if !found {
		return C.REDISMODULE_ERR
	}
	*score = C.double(s)
	return C.REDISMODULE_OK
}

//export goZsetRangeStart
func goZsetRangeStart(h C.uint64_t, bylex, last C.int, min, max C.double, minex, maxex C.int, lmin *C.char, lminlen C.size_t, lmax *C.char, lmaxlen C.size_t) C.int {
	defer guard("ZsetRangeStart")
	k := getKey(h)
	if k == nil {
		return C.REDISMODULE_ERR
	}
	e := k.entry()
	if e == nil {
		return C.REDISMODULE_ERR
	}
	z, ok := e.Val.(*keyspace.ZSet)
	if !ok {
		return C.REDISMODULE_ERR
	}
	k.zitems = k.zitems[:0]
	collect := func(m []byte, s float64) bool {
		k.zitems = append(k.zitems, zitem{append([]byte(nil), m...), s})
		return true
	}
	if bylex != 0 {
		r, ok := keyspace.ParseLexRange(C.GoBytes(unsafe.Pointer(lmin), C.int(lminlen)), C.GoBytes(unsafe.Pointer(lmax), C.int(lmaxlen)))
		if !ok {
			return C.REDISMODULE_ERR
		}
		z.RangeByLex(r, false, 0, -1, collect)
	} else {
		z.RangeByScore(keyspace.ScoreRange{Min: float64(min), Max: float64(max), MinEx: minex != 0, MaxEx: maxex != 0}, false, 0, -1, collect)
	}
	k.zpos = 0
	if last != 0 {
		k.zpos = len(k.zitems) - 1
	}
	return C.REDISMODULE_OK
}

//export goZsetRangeStop
func goZsetRangeStop(h C.uint64_t) {
	defer guard("ZsetRangeStop")
	if k := getKey(h); k != nil {
		k.zitems = nil
	}
}

//export goZsetRangeEndReached
func goZsetRangeEndReached(h C.uint64_t) C.int {
	defer guard("ZsetRangeEndReached")
	k := getKey(h)
	if k == nil || k.zpos < 0 || k.zpos >= len(k.zitems) {
		return 1
	}
	return 0
}

//export goZsetRangeCurrent
func goZsetRangeCurrent(h C.uint64_t, score *C.double) *C.RedisModuleString {
	defer guard("ZsetRangeCurrentElement")
	k := getKey(h)
	if k == nil || k.zpos < 0 || k.zpos >= len(k.zitems) {
		return nil
	}
	it := k.zitems[k.zpos]
	if score != nil {
		*score = C.double(it.score)
	}
	return newCString(it.member)
}

//export goZsetRangeStep
func goZsetRangeStep(h C.uint64_t, dir C.int) C.int {
	defer guard("ZsetRangeNext")
	k := getKey(h)
	if k == nil {
		return 0
	}
	next := k.zpos + int(dir)
	if next < 0 || next >= len(k.zitems) {
		k.zpos = -1
		return 0
	}
	k.zpos = next
	return 1
}

// Eviction bookkeeping (SetLRU/GetLRU/SetLFU/GetLFU). op: 0 set LRU idle
// ms, 1 get LRU, 2 set LFU counter, 3 get LFU. Redis keeps idle times at
// the LRU clock's one-second resolution, so they are whole seconds here
// too.
//
//export goKeyEviction
func goKeyEviction(h C.uint64_t, op C.int, in C.longlong, out *C.longlong) C.int {
	defer guard("KeyEviction")
	if out != nil {
		*out = -1
	}
	k := getKey(h)
	if k == nil {
		return C.REDISMODULE_ERR
	}
	e := k.entry()
	if e == nil {
		return C.REDISMODULE_ERR
	}
	ks := k.db.Keyspace()
	now := ks.Now()
	switch op {
	case 0:
		if ks.LFU || in < 0 {
			return C.REDISMODULE_ERR
		}
		e.Access = now - int64(in)/1000*1000
	case 1:
		if !ks.LFU {
			*out = C.longlong(max(now-e.Access, 0) / 1000 * 1000)
		}
	case 2:
		if !ks.LFU || in < 0 {
			return C.REDISMODULE_ERR
		}
		e.Freq = uint8(min(in, 255))
		e.Access = now
	case 3:
		if ks.LFU {
			*out = C.longlong(keyspace.LFUDecayed(e, now))
		}
	}
	return C.REDISMODULE_OK
}
