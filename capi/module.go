package capi

/*
#include <stdlib.h>
#include "capi.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"unsafe"

	"modhost/engine"
)

// Module is one loaded module.
type Module struct {
	Handle  uint64
	Name    string
	Ver     int
	APIVer  int
	Path    string
	Args    []string
	Options int

	host     *Host
	c        *C.mh_module
	dl       unsafe.Pointer
	commands []*engine.Spec
	types    []*dataType
	// loading is true while OnLoad runs.
	loading bool
	// fake is the client RM_Call runs commands on.
	fake *engine.Client
	// blocked counts clients blocked by this module.
	blocked int
	// usedBy and using relate modules through shared APIs (sharedapi.go).
	usedBy, using []*Module
}

// ErrLoad is returned when a module fails to load; the log says why.
var ErrLoad = errors.New("ERR Error loading the extension. Please check the server logs.")

// Load loads the module at path with args, under the execution lock. The
// reasons for a failure are logged as Redis logs them.
func (h *Host) Load(path string, args []string) (*Module, error) {
	anyHost.Store(h)
	if st, err := os.Stat(path); err == nil && st.Mode()&0o111 == 0 {
		h.Log.Logf(levelWarning, "Module %s failed to load: It does not have execute permissions.", path)
		return nil, ErrLoad
	}
	cpath := C.CString(path)
	defer C.free(unsafe.Pointer(cpath))
	var errbuf [1024]C.char
	dl := C.mh_dlopen(cpath, &errbuf[0], C.size_t(len(errbuf)))
	if dl == nil {
		h.Log.Logf(levelWarning, "Module %s failed to load: %s", path, C.GoString(&errbuf[0]))
		return nil, ErrLoad
	}
	sym := C.CString("RedisModule_OnLoad")
	onload := C.mh_dlsym(dl, sym)
	C.free(unsafe.Pointer(sym))
	if onload == nil {
		C.mh_dlclose(dl)
		h.Log.Logf(levelWarning, "Module %s does not export RedisModule_OnLoad() symbol. Module not loaded.", path)
		return nil, ErrLoad
	}
	m := &Module{Handle: nextModule.Add(1), Path: path, Args: args, host: h, dl: dl}
	m.c = C.mh_module_new(C.uint64_t(m.Handle))
	modulesByID.Store(m.Handle, m)
	m.loading = true

	// OnLoad gets a temporary client so RM_Call works during load.
	tmp := h.Eng.NewFakeClient()
	registerClient(h, tmp)
	buf, lens := flatten(stringsToBytes(args))
	rc := C.mh_invoke_onload(onload, m.c, C.uint64_t(tmp.ID), 0, bufPtr(buf), lensPtr(lens), C.int(len(args)))
	unregisterClient(tmp)
	m.loading = false

	if rc != C.REDISMODULE_OK || m.Name == "" {
		h.Log.Logf(levelWarning, "Module %s initialization failed. Module not loaded", path)
		h.moduleUnloaded(m, true)
		m.unregisterAll()
		dropTypes(m)
		modulesByID.Delete(m.Handle)
		C.mh_module_free(m.c)
		C.mh_dlclose(dl)
		return nil, ErrLoad
	}
	h.modules[strings.ToLower(m.Name)] = m
	h.order = append(h.order, m)
	h.Log.Logf(levelNotice, "Module '%s' loaded from %s", m.Name, path)
	if !h.moduleLoaded(m) {
		_ = h.Unload(m.Name)
		return nil, ErrLoad
	}
	if n := int(C.mh_module_nmissing(m.c)); n > 0 {
		names := make([]string, 0, n)
		for i := 0; i < n; i++ {
			names = append(names, strings.TrimPrefix(C.GoString(C.mh_module_missing(m.c, C.int(i))), "RedisModule_"))
		}
		h.Log.Logf(levelNotice, "Module '%s' asked for %d APIs modhost does not serve (they stay NULL): %s", m.Name, n, strings.Join(names, " "))
	}
	aclRecompute(h) // users' category rules now cover the module's commands
	return m, nil
}

// Unload unloads a module by name, refusing as Redis refuses.
func (h *Host) Unload(name string) error {
	m := h.modules[strings.ToLower(name)]
	if m == nil {
		return errors.New("ERR Error unloading module: no such module with that name")
	}
	if len(m.types) > 0 {
		return errors.New("ERR Error unloading module: the module exports one or more module-side data types, can't unload")
	}
	if len(m.usedBy) > 0 {
		return errUsedBy
	}
	if m.blocked > 0 {
		return errors.New("ERR Error unloading module: the module has blocked clients. Please wait for them to be unblocked and try again")
	}
	if h.holdsTimers(m) {
		return errors.New("ERR Error unloading module: the module holds timer that is not fired. Please stop the timer or wait until it fires.")
	}
	sym := C.CString("RedisModule_OnUnload")
	onunload := C.mh_dlsym(m.dl, sym)
	C.free(unsafe.Pointer(sym))
	if onunload != nil {
		if C.mh_invoke_onunload(onunload, m.c) == C.REDISMODULE_ERR {
			h.Log.Logf(levelWarning, "Module %s OnUnload failed.  Unload canceled.", m.Name)
			return errors.New("ERR Error unloading module: operation not possible.")
		}
	}
	m.unregisterAll()
	h.moduleUnloaded(m, false)
	delete(h.modules, strings.ToLower(m.Name))
	for i, x := range h.order {
		if x == m {
			h.order = append(h.order[:i], h.order[i+1:]...)
			break
		}
	}
	if left := C.mh_alloc_used_by(C.uint64_t(m.Handle)); left != 0 {
		h.Log.Logf(levelNotice, "Module %s unloaded with %d bytes still allocated through RedisModule_Alloc", m.Name, int64(left))
	}
	modulesByID.Delete(m.Handle)
	C.mh_dlclose(m.dl)
	C.mh_module_free(m.c)
	h.Log.Logf(levelNotice, "Module %s unloaded", m.Name)
	aclRecompute(h)
	return nil
}

// unregisterAll removes the commands and command filters a module
// registered.
func (m *Module) unregisterAll() {
	m.dropSharedAPIs()
	m.dropFilters()
	for _, s := range m.commands {
		if s.Parent == nil {
			m.host.Eng.Commands.Remove(s.Name)
		}
		if mc, ok := s.Private.(*moduleCommand); ok {
			C.mh_command_free(mc.c)
		}
	}
	m.commands = nil
}

// flatten concatenates args for a trampoline: one byte buffer plus lengths.
func flatten(args [][]byte) ([]byte, []C.size_t) {
	total := 0
	for _, a := range args {
		total += len(a)
	}
	buf := make([]byte, 0, total+1)
	lens := make([]C.size_t, len(args), len(args)+1)
	for i, a := range args {
		buf = append(buf, a...)
		lens[i] = C.size_t(len(a))
	}
	return buf, lens
}

func bufPtr(b []byte) *C.char {
	if cap(b) == 0 {
		return nil
	}
	return (*C.char)(unsafe.Pointer(unsafe.SliceData(b[:1])))
}

func lensPtr(l []C.size_t) *C.size_t {
	if cap(l) == 0 {
		return nil
	}
	return unsafe.SliceData(l[:1])
}

func stringsToBytes(ss []string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

// InfoLines renders INFO's modules section lines.
func (h *Host) InfoLines() []string {
	var out []string
	for _, m := range h.order {
		out = append(out, fmt.Sprintf("module:name=%s,ver=%d,api=%d,filters=%d,usedby=%s,using=%s,options=[%s]",
			m.Name, m.Ver, m.APIVer, m.filterCount(), moduleNames(m.usedBy), moduleNames(m.using), moduleOptionNames(m.Options)))
	}
	return out
}

func moduleOptionNames(o int) string {
	var names []string
	if o&1 != 0 {
		names = append(names, "handle-io-errors")
	}
	if o&4 != 0 {
		names = append(names, "handle-repl-async-load")
	}
	if o&2 != 0 {
		names = append(names, "no-implicit-signal-modified")
	}
	return strings.Join(names, "|")
}

// moduleAllocated reports the bytes a module holds through RedisModule_Alloc.
func moduleAllocated(m *Module) int64 { return int64(C.mh_alloc_used_by(C.uint64_t(m.Handle))) }
