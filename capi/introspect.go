package capi

import (
	"strings"

	"modhost/engine"
	"modhost/resp"
)

// registerIntrospection plugs the module host into INFO (the modules
// section, used_memory), HELLO's module list and MEMORY USAGE.
func (h *Host) registerIntrospection() {
	eng := h.Eng
	eng.Info.AddInfoSection(engine.InfoSection{Name: "modules", Default: true, Write: func(w *strings.Builder) {
		w.WriteString("# Modules\r\n")
		for _, l := range h.InfoLines() {
			w.WriteString(l)
			w.WriteString("\r\n")
		}
	}})
	eng.Info.UsedMemory = append(eng.Info.UsedMemory, AllocatedBytes)
	eng.Info.HelloModules = h.writeModuleList
}

// writeModuleList writes MODULE LIST's reply (also HELLO's "modules").
func (h *Host) writeModuleList(w *resp.Writer) {
	w.Array(len(h.order))
	for _, m := range h.order {
		w.Map(4)
		w.BulkString("name")
		w.BulkString(m.Name)
		w.BulkString("ver")
		w.Int(int64(m.Ver))
		w.BulkString("path")
		w.BulkString(m.Path)
		w.BulkString("args")
		w.Array(len(m.Args))
		for _, a := range m.Args {
			w.BulkString(a)
		}
	}
}

// LeakReport logs, per loaded module, the bytes still allocated through
// RedisModule_Alloc (called at shutdown; Redis has no such report).
func (h *Host) LeakReport() {
	for _, m := range h.order {
		if n := moduleAllocated(m); n != 0 {
			h.Log.Logf(levelNotice, "Module %s still holds %d bytes allocated through RedisModule_Alloc at shutdown", m.Name, n)
		}
	}
}

// FireEvent raises a data-less server event (Persistence, Loading) for
// the modules subscribed to it; the persistence layer calls it. Lock held.
func (h *Host) FireEvent(id, sub uint64) { h.fire(id, sub, nil, 0, nil, nil) }
