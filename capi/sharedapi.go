package capi

/*
#include "capi.h"
*/
import "C"

import (
	"errors"
	"slices"
	"strings"
	"unsafe"
)

// APIs modules share with each other (ExportSharedAPI / GetSharedAPI).
// The function pointers are C code of the exporting module; Go only keeps
// them and the "uses" relation between modules, which MODULE UNLOAD and
// INFO modules report.

type sharedAPI struct {
	owner *Module
	fn    unsafe.Pointer
}

//export goExportSharedAPI
func goExportSharedAPI(modh C.uint64_t, name *C.char, fn unsafe.Pointer) C.int {
	defer guard("ExportSharedAPI")
	m := lookupModule(modh)
	if m == nil {
		return C.REDISMODULE_ERR
	}
	h := m.host
	key := C.GoString(name)
	if h.shared == nil {
		h.shared = map[string]sharedAPI{}
	}
	if _, taken := h.shared[key]; taken {
		return C.REDISMODULE_ERR
	}
	h.shared[key] = sharedAPI{owner: m, fn: fn}
	return C.REDISMODULE_OK
}

//export goGetSharedAPI
func goGetSharedAPI(modh C.uint64_t, name *C.char) unsafe.Pointer {
	defer guard("GetSharedAPI")
	m := lookupModule(modh)
	if m == nil {
		return nil
	}
	api, ok := m.host.shared[C.GoString(name)]
	if !ok {
		return nil
	}
	if !slices.Contains(api.owner.usedBy, m) {
		api.owner.usedBy = append(api.owner.usedBy, m)
		m.using = append(m.using, api.owner)
	}
	return api.fn
}

// errUsedBy is MODULE UNLOAD's refusal for a module whose APIs others use.
var errUsedBy = errors.New("ERR Error unloading module: the module exports APIs used by other modules. Please unload them first and try again")

// dropSharedAPIs forgets what m exported and which modules it used.
func (m *Module) dropSharedAPIs() {
	h := m.host
	for name, api := range h.shared {
		if api.owner == m {
			delete(h.shared, name)
		}
	}
	for _, other := range m.using {
		other.usedBy = slices.DeleteFunc(other.usedBy, func(x *Module) bool { return x == m })
	}
	m.using = nil
}

// moduleNames lists a relation's module names for INFO modules, in the
// order the relation arose.
func moduleNames(ms []*Module) string {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.Name
	}
	return "[" + strings.Join(names, "|") + "]"
}
