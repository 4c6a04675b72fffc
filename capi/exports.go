package capi

// This file holds only //export functions (a file that exports Go may not
// define C functions in its preamble). Each export opens with guard.

/*
#include "capi.h"
*/
import "C"

import (
	"strings"
	"unsafe"

	"modhost/engine"
	"modhost/scripting"
)

//export goSetModuleAttribs
func goSetModuleAttribs(handle C.uint64_t, name *C.char, ver, apiver C.int) {
	defer guard("SetModuleAttribs")
	m := lookupModule(handle)
	if m == nil || m.Name != "" {
		return
	}
	m.Name = C.GoString(name)
	m.Ver = int(ver)
	m.APIVer = int(apiver)
}

//export goIsModuleNameBusy
func goIsModuleNameBusy(name *C.char) C.int {
	defer guard("IsModuleNameBusy")
	h, _ := anyHost.Load().(*Host)
	if h == nil {
		return 0
	}
	if _, ok := h.modules[lower(C.GoString(name))]; ok {
		return 1
	}
	return 0
}

//export goSetModuleOptions
func goSetModuleOptions(handle C.uint64_t, options C.int) {
	defer guard("SetModuleOptions")
	if m := lookupModule(handle); m != nil {
		m.Options = int(options)
	}
}

//export goCreateCommand
func goCreateCommand(handle, parent C.uint64_t, name *C.char, cmd *C.RedisModuleCommand, flags *C.char, first, last, step C.int) (id C.uint64_t) {
	defer guard("CreateCommand")
	m := lookupModule(handle)
	if m == nil {
		return 0
	}
	return C.uint64_t(m.createCommand(uint64(parent), C.GoString(name), cmd, C.GoString(flags), int(first), int(last), int(step)))
}

//export goGetCommand
func goGetCommand(handle C.uint64_t, name *C.char) *C.RedisModuleCommand {
	defer guard("GetCommand")
	m := lookupModule(handle)
	if m == nil {
		return nil
	}
	// "container|sub" names a subcommand, as in Redis's lookup by name.
	parent, sub, isSub := strings.Cut(C.GoString(name), "|")
	s := m.host.Eng.Commands.Lookup([]byte(parent))
	if s != nil && isSub {
		s = s.Subs[strings.ToLower(sub)]
	}
	if s == nil {
		return nil
	}
	mc, ok := s.Private.(*moduleCommand)
	if !ok || mc.m != m {
		return nil
	}
	return mc.c
}

//export goLog
func goLog(module *C.char, level C.int, msg *C.char, n C.int) {
	defer guard("Log")
	h, _ := anyHost.Load().(*Host)
	if h == nil {
		return
	}
	h.Log.Logf(int(level), "<%s> %s", C.GoString(module), C.GoStringN(msg, n))
}

//export goGetSelectedDb
func goGetSelectedDb(client C.uint64_t, def C.int) C.int {
	defer guard("GetSelectedDb")
	if ref := lookupClient(client); ref != nil {
		return C.int(ref.c.DB.ID)
	}
	return def
}

//export goSelectDb
func goSelectDb(client C.uint64_t, id C.int) C.int {
	defer guard("SelectDb")
	ref := lookupClient(client)
	if ref == nil {
		return C.REDISMODULE_OK
	}
	dbs := ref.h.Eng.KS.DBs
	if id < 0 || int(id) >= len(dbs) {
		return C.REDISMODULE_ERR
	}
	ref.c.DB = dbs[id]
	return C.REDISMODULE_OK
}

//export goGetContextFlags
func goGetContextFlags(client C.uint64_t, resp C.int, ctxflags C.int) C.int {
	defer guard("GetContextFlags")
	var f int
	if resp == 3 {
		f |= 1 << 22
	}
	ref := lookupClient(client)
	if ref != nil {
		c := ref.c
		if c.Flags&engine.ClientMulti != 0 || c.Flags&engine.ClientExecuting != 0 {
			f |= 1 << 1
		}
		if c.Flags&engine.ClientDirtyCAS != 0 || c.Flags&engine.ClientDirtyExec != 0 {
			f |= 1 << 19
		}
		if c.Flags&engine.ClientDenyBlocking != 0 || c.Flags&(engine.ClientMulti|engine.ClientExecuting) != 0 {
			f |= 1 << 21
		}
		if ref.h.Eng.KS.Loading {
			f |= 1 << 13
		}
	}
	var eng *engine.Server
	if ref != nil {
		eng = ref.h.Eng
	} else if h, _ := anyHost.Load().(*Host); h != nil {
		eng = h.Eng
	}
	replica, readOnly := false, false
	if eng != nil && eng.ReplRole != nil {
		replica, readOnly = eng.ReplRole()
	}
	switch {
	case !replica:
		f |= 1 << 2 // MASTER
	case readOnly:
		f |= 1<<3 | 1<<4 // SLAVE, READONLY
	default:
		f |= 1 << 3 // SLAVE
	}
	if ref != nil && ref.c.Flags&engine.ClientMaster != 0 {
		f |= 1 << 12 // REPLICATED
	}
	if eng != nil {
		if eng.InExec > 0 {
			f |= 1 << 1 // MULTI
		}
		if scripting.Running(eng) {
			f |= 1 << 0 // LUA: a script is running
		}
		if cfg := eng.Cfg(); cfg != nil {
			if cfg.Bool("appendonly") {
				f |= 1 << 6 // AOF
			}
			if len(cfg.Save()) > 0 {
				f |= 1 << 7 // RDB
			}
			if cfg.Memory("maxmemory") > 0 {
				f |= 1 << 8 // MAXMEMORY
				if cfg.String("maxmemory-policy") != "noeviction" {
					f |= 1 << 9 // EVICT
				}
			}
		}
		if st := eng.Memory.State; st != nil {
			over, level := st()
			if over {
				f |= 1 << 10 // OOM
			}
			if level > 0.75 {
				f |= 1 << 11 // OOM_WARNING
			}
		}
	}
	return C.int(f)
}

// goUsedMemoryRatio is used memory over maxmemory (0 without a limit).
//
//export goUsedMemoryRatio
func goUsedMemoryRatio() C.float {
	defer guard("GetUsedMemoryRatio")
	h, _ := anyHost.Load().(*Host)
	if h == nil || h.Eng.Memory.State == nil {
		return 0
	}
	_, level := h.Eng.Memory.State()
	return C.float(level)
}

//export goCall
func goCall(handle, client C.uint64_t, resp, db C.int, buf *C.char, lens *C.size_t, argc, flags C.int, out **C.char, outlen *C.size_t, promise *unsafe.Pointer) (errno C.int) {
	defer guard("Call")
	args := make([][]byte, int(argc))
	ls := unsafe.Slice(lens, int(argc))
	off := 0
	base := unsafe.Pointer(buf)
	for i := range args {
		n := int(ls[i])
		args[i] = C.GoBytes(unsafe.Add(base, off), C.int(n))
		off += n
	}
	m := lookupModule(handle)
	reply, e, parked := call(m, lookupClient(client), int(resp), int(db), args, int(flags))
	if e != 0 {
		return C.int(e)
	}
	if parked != nil {
		*promise = unsafe.Pointer(startAsync(m.host, m, parked))
	}
	*out = (*C.char)(C.mh_malloc_copy(unsafe.Pointer(unsafe.SliceData(append(reply, 0))), C.size_t(len(reply))))
	*outlen = C.size_t(len(reply))
	return 0
}

//export goPromiseAbort
func goPromiseAbort(p unsafe.Pointer) C.int {
	defer guard("CallReplyPromiseAbort")
	if abortAsync((*C.mh_promise)(p)) {
		return 1
	}
	return 0
}

//export goCachedMicroseconds
func goCachedMicroseconds() C.longlong {
	defer guard("CachedMicroseconds")
	if h, _ := anyHost.Load().(*Host); h != nil {
		return C.longlong(h.Eng.CmdStartUS.Load())
	}
	return 0
}
