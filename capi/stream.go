package capi

/*
#include "capi.h"
*/
import "C"

import (
	"syscall"
	"unsafe"

	"modhost/keyspace"
)

// streamIter is an open key's stream iteration, materialised at start.
type streamIter struct {
	ids    []keyspace.StreamID
	fields [][][]byte
	pos    int // index of the current entry; -1 before the first
	field  int // next field pair within the current entry
}

func (k *openKey) stream() *keyspace.Stream {
	if e := k.entry(); e != nil {
		s, _ := e.Val.(*keyspace.Stream)
		return s
	}
	return nil
}

//export goStreamAdd
func goStreamAdd(h C.uint64_t, autoID C.int, ms, seq *C.uint64_t, buf *C.char, lens *C.size_t, argc C.int) C.int {
	defer guard("StreamAdd")
	k := getKey(h)
	if k == nil {
		return C.int(syscall.EINVAL)
	}
	s := k.stream()
	created := false
	if s == nil {
		s = keyspace.NewStream()
		created = true
	}
	var id keyspace.StreamID
	var err error
	if autoID != 0 {
		id, err = s.NextID(k.db.Keyspace().Now(), nil, false)
	} else {
		given := keyspace.StreamID{Ms: uint64(*ms), Seq: uint64(*seq)}
		id, err = s.NextID(0, &given, true)
	}
	if err != nil {
		if s.LastID.Ms == ^uint64(0) && s.LastID.Seq == ^uint64(0) {
			return C.int(syscall.EFBIG)
		}
		return C.int(syscall.EDOM)
	}
	fields := make([][]byte, int(argc))
	if argc > 0 {
		ls := unsafe.Slice(lens, int(argc))
		off := 0
		for i := range fields {
			fields[i] = C.GoBytes(unsafe.Add(unsafe.Pointer(buf), off), C.int(ls[i]))
			off += int(ls[i])
		}
	}
	if err := s.Append(id, fields); err != nil {
		return C.int(syscall.EDOM)
	}
	if created {
		k.db.Set(k.name, s)
	}
	*ms, *seq = C.uint64_t(id.Ms), C.uint64_t(id.Seq)
	k.changed()
	k.db.Ready(k.name)
	return 0
}

//export goStreamDelete
func goStreamDelete(h C.uint64_t, ms, seq C.uint64_t) C.int {
	defer guard("StreamDelete")
	k := getKey(h)
	if k == nil {
		return 0
	}
	s := k.stream()
	if s == nil || !s.Delete(keyspace.StreamID{Ms: uint64(ms), Seq: uint64(seq)}) {
		return 0
	}
	k.changed()
	return 1
}

//export goStreamIterStart
func goStreamIterStart(h C.uint64_t, flags C.int, loMs, loSeq, hiMs, hiSeq C.uint64_t, hasLo, hasHi C.int) C.int {
	defer guard("StreamIteratorStart")
	k := getKey(h)
	if k == nil {
		return 0
	}
	s := k.stream()
	if s == nil {
		return 0
	}
	lo := keyspace.StreamID{Ms: uint64(loMs), Seq: uint64(loSeq)}
	hi := keyspace.StreamID{Ms: uint64(hiMs), Seq: uint64(hiSeq)}
	if flags&C.REDISMODULE_STREAM_ITERATOR_EXCLUSIVE != 0 {
		var ok1, ok2 = true, true
		if hasLo != 0 {
			lo, ok1 = lo.Incr()
		}
		if hasHi != 0 {
			hi, ok2 = hi.Decr()
		}
		if !ok1 || !ok2 {
			return 0
		}
	}
	it := &streamIter{pos: -1}
	s.Range(lo, hi, flags&C.REDISMODULE_STREAM_ITERATOR_REVERSE != 0, func(id keyspace.StreamID, f [][]byte) bool {
		cp := make([][]byte, len(f))
		for i, b := range f {
			cp[i] = append([]byte(nil), b...)
		}
		it.ids = append(it.ids, id)
		it.fields = append(it.fields, cp)
		return true
	})
	k.siter = it
	return 1
}

//export goStreamIterStop
func goStreamIterStop(h C.uint64_t) {
	defer guard("StreamIteratorStop")
	if k := getKey(h); k != nil {
		k.siter = nil
	}
}

//export goStreamIterNext
func goStreamIterNext(h C.uint64_t, ms, seq *C.uint64_t, n *C.long) C.int {
	defer guard("StreamIteratorNextID")
	k := getKey(h)
	if k == nil || k.siter == nil {
		return 0
	}
	it := k.siter
	if it.pos+1 >= len(it.ids) {
		it.pos = len(it.ids)
		return 0
	}
	it.pos++
	it.field = 0
	*ms, *seq = C.uint64_t(it.ids[it.pos].Ms), C.uint64_t(it.ids[it.pos].Seq)
	*n = C.long(len(it.fields[it.pos]) / 2)
	return 1
}

//export goStreamIterField
func goStreamIterField(h C.uint64_t, f, v **C.RedisModuleString) C.int {
	defer guard("StreamIteratorNextField")
	k := getKey(h)
	if k == nil || k.siter == nil {
		return 0
	}
	it := k.siter
	if it.pos < 0 || it.pos >= len(it.ids) || it.field+1 >= len(it.fields[it.pos]) {
		return 0
	}
	fs := it.fields[it.pos]
	*f = newCString(fs[it.field])
	*v = newCString(fs[it.field+1])
	it.field += 2
	return 1
}

//export goStreamIterDelete
func goStreamIterDelete(h C.uint64_t) C.int {
	defer guard("StreamIteratorDelete")
	k := getKey(h)
	if k == nil || k.siter == nil || k.siter.pos < 0 || k.siter.pos >= len(k.siter.ids) {
		return 0
	}
	s := k.stream()
	if s == nil || !s.Delete(k.siter.ids[k.siter.pos]) {
		return 0
	}
	k.changed()
	return 1
}

//export goStreamTrim
func goStreamTrim(h C.uint64_t, approx, byID C.int, maxlen C.longlong, ms, seq C.uint64_t) C.longlong {
	defer guard("StreamTrim")
	k := getKey(h)
	if k == nil {
		return -1
	}
	s := k.stream()
	if s == nil {
		return -1
	}
	a := keyspace.TrimArgs{Strategy: keyspace.TrimMaxLen, MaxLen: int64(maxlen), Approx: approx != 0}
	if byID != 0 {
		a = keyspace.TrimArgs{Strategy: keyspace.TrimMinID, MinID: keyspace.StreamID{Ms: uint64(ms), Seq: uint64(seq)}, Approx: approx != 0}
	}
	if a.Approx {
		// As Redis: approximate trimming removes at most 100 nodes' worth.
		a.Limit = 100 * int64(keyspace.StreamNodeMaxEntries)
	}
	n := s.Trim(a)
	if n > 0 {
		k.changed()
	}
	return C.longlong(n)
}
