package capi

/*
#include <stdlib.h>
#include "capi.h"
#include "events.h"
*/
import "C"

import (
	"sort"
	"strings"
	"unsafe"

	"modhost/commands"
)

// writeModuleInfo is the engine's INFO hook for module sections: every
// module with an info callback adds the sections INFO asked for
// (requested nil: all of them). It returns the new section count.
func (h *Host) writeModuleInfo(w *strings.Builder, requested map[string]bool, sections int) int {
	ev := h.ev()
	if len(ev.infoFuncs) == 0 {
		return sections
	}
	nreq := -1
	var buf []byte
	var lens []C.size_t
	if requested != nil {
		names := make([]string, 0, len(requested))
		for n := range requested {
			names = append(names, n)
		}
		sort.Strings(names)
		buf, lens = flatten(stringsToBytes(names))
		nreq = len(names)
	}
	for _, m := range h.order {
		cb := ev.infoFuncs[m.Handle]
		if cb == nil {
			continue
		}
		var out *C.char
		var outlen C.size_t
		sections = int(C.mh_invoke_info(cb, m.c, bufPtr(buf), lensPtr(lens), C.int(nreq), C.int(sections), &out, &outlen))
		if out != nil {
			w.Write(unsafe.Slice((*byte)(unsafe.Pointer(out)), int(outlen)))
			C.mh_free_plain(unsafe.Pointer(out))
		}
	}
	return sections
}

// serverInfoText is INFO's text for GetServerInfo (section "" means the
// default sections).
func (h *Host) serverInfoText(section string, has bool) string {
	var args [][]byte
	if has {
		args = [][]byte{[]byte(section)}
	}
	return commands.InfoString(h.Eng, args)
}
