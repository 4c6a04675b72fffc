package capi

/*
#include <stdlib.h>
#include "capi.h"
int mh_run_filters(const char *buf, const size_t *lens, int argc, uint64_t client, char **outbuf, size_t **outlens, int *outargc);
void mh_filters_drop_module(mh_module *m);
int mh_filters_of(mh_module *m);
*/
import "C"

import (
	"unsafe"

	"modhost/engine"
)

// Command filters live in shim/filter.c; this side hands command lines to
// them. The engine's CommandFilter hook is set only while a filter is
// registered, so servers without filters never cross into C for them.

// runFilters passes a command line through every registered filter and
// returns the line to run (args itself when no filter changed it).
// client is the id CommandFilterGetClientId reports.
func runFilters(client int64, args [][]byte) [][]byte {
	buf, lens := flatten(args)
	var obuf *C.char
	var olens *C.size_t
	var oargc C.int
	if C.mh_run_filters(bufPtr(buf), lensPtr(lens), C.int(len(args)), C.uint64_t(client), &obuf, &olens, &oargc) == 0 {
		return args
	}
	defer C.free(unsafe.Pointer(obuf))
	defer C.free(unsafe.Pointer(olens))
	n := int(oargc)
	out := make([][]byte, n)
	if n == 0 {
		return out
	}
	ls := unsafe.Slice(olens, n)
	total := 0
	for _, l := range ls {
		total += int(l)
	}
	// One Go copy of the whole line; the arguments are views into it.
	all := C.GoBytes(unsafe.Pointer(obuf), C.int(total))
	off := 0
	for i, l := range ls {
		out[i] = all[off : off+int(l) : off+int(l)]
		off += int(l)
	}
	return out
}

// filtersActive reports whether any filter is registered (RM_Call checks
// it before crossing).
func (h *Host) filtersActive() bool { return h.Eng.CommandFilter != nil }

//export goFiltersChanged
func goFiltersChanged(count C.int) {
	defer guard("FiltersChanged")
	h, _ := anyHost.Load().(*Host)
	if h == nil {
		return
	}
	if count > 0 {
		h.Eng.CommandFilter = func(c *engine.Client, args [][]byte) [][]byte { return runFilters(c.ID, args) }
	} else {
		h.Eng.CommandFilter = nil
	}
}

// dropFilters removes the module's filters (unload, failed OnLoad).
func (m *Module) dropFilters() { C.mh_filters_drop_module(m.c) }

// filterCount is the number of filters the module has registered.
func (m *Module) filterCount() int { return int(C.mh_filters_of(m.c)) }
