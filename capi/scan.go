package capi

/*
#include <stdlib.h>
#include "capi.h"
*/
import "C"

import (
	"unsafe"

	"modhost/keyspace"
	"modhost/resp"
)

// packNames copies names into one malloc'd buffer plus a length array,
// which the shim frees with free().
func packNames(names [][]byte, buf **C.char, lens **C.size_t, n *C.int) {
	*n = C.int(len(names))
	if len(names) == 0 {
		return
	}
	total := 0
	for _, b := range names {
		total += len(b)
	}
	data := (*[1 << 40]byte)(C.malloc(C.size_t(total + 1)))[: total+1 : total+1]
	ls := unsafe.Slice((*C.size_t)(C.malloc(C.size_t(len(names))*C.size_t(unsafe.Sizeof(C.size_t(0))))), len(names))
	off := 0
	for i, b := range names {
		copy(data[off:], b)
		ls[i] = C.size_t(len(b))
		off += len(b)
	}
	*buf = (*C.char)(unsafe.Pointer(&data[0]))
	*lens = &ls[0]
}

//export goScanStep
func goScanStep(client C.uint64_t, db C.int, cursor *C.uint64_t, buf **C.char, lens **C.size_t, n *C.int) {
	defer guard("Scan")
	h, _ := hostFor(client)
	if h == nil || int(db) < 0 || int(db) >= len(h.Eng.KS.DBs) {
		*cursor = 0
		return
	}
	var names [][]byte
	*cursor = C.uint64_t(h.Eng.KS.DBs[db].Scan(uint64(*cursor), func(key string, e *keyspace.Entry) {
		names = append(names, []byte(key))
	}))
	packNames(names, buf, lens, n)
}

//export goScanKey
func goScanKey(kh C.uint64_t, buf **C.char, lens **C.size_t, n, pairs *C.int) {
	defer guard("ScanKey")
	k := getKey(kh)
	if k == nil {
		return
	}
	e := k.entry()
	if e == nil {
		return
	}
	var out [][]byte
	switch v := e.Val.(type) {
	case *keyspace.Hash:
		*pairs = 1
		v.Range(func(f, val []byte) bool {
			out = append(out, f, val)
			return true
		})
	case *keyspace.Set:
		v.Range(func(m []byte) bool {
			out = append(out, m)
			return true
		})
	case *keyspace.ZSet:
		*pairs = 1
		v.Range(func(m []byte, score float64) bool {
			out = append(out, m, resp.AppendDouble(nil, score))
			return true
		})
	}
	packNames(out, buf, lens, n)
}
