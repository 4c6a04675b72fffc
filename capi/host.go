package capi

/*
#include "capi.h"
*/
import "C"

import (
	"fmt"
	"runtime/debug"
	"sort"
	"sync"
	"sync/atomic"
	"unsafe"

	"modhost/engine"
	"modhost/keyspace"
)

// Log levels, as server.Logger numbers them.
const (
	levelDebug = iota
	levelVerbose
	levelNotice
	levelWarning
)

// Logger is where module and loader messages go (server.Logger).
type Logger interface {
	Logf(level int, format string, args ...any)
}

// Host is the module host of one server.
type Host struct {
	Eng *engine.Server
	Log Logger
	// EnableModuleCommand mirrors enable-module-command ("no", "yes", "local").
	modules map[string]*Module // by name
	order   []*Module          // load order, for MODULE LIST and INFO
	types   typeRegistry
	// shared holds the APIs modules exported by name (sharedapi.go).
	shared map[string]sharedAPI
}

// NewHost attaches a module host to an engine and registers the MODULE
// command.
func NewHost(eng *engine.Server, log Logger) *Host {
	h := &Host{Eng: eng, Log: log, modules: map[string]*Module{}}
	eng.Hooks.ClientOpened = append(eng.Hooks.ClientOpened, func(c *engine.Client) { registerClient(h, c) })
	eng.Hooks.ClientClosed = append(eng.Hooks.ClientClosed, func(c *engine.Client) { unregisterClient(c) })
	h.initACL() // module user-changed callbacks (acl.go)
	h.registerModuleCommand()
	h.registerIntrospection()
	h.registerCommandDocs()
	h.initEvents()
	h.initLoopEvents()
	prev := eng.KS.Hooks.Removed
	eng.KS.Hooks.Removed = func(db *keyspace.DB, key string, e *keyspace.Entry, why int) {
		if prev != nil {
			prev(db, key, e, why)
		}
		freeRemoved(db, key, e)
	}
	return h
}

// Modules returns the loaded modules in load order.
func (h *Host) Modules() []*Module { return append([]*Module(nil), h.order...) }

// ---- registries ---------------------------------------------------------

// clientRef ties a client id (what C holds) to its server and client.
type clientRef struct {
	h *Host
	c *engine.Client
	// gone is set when the client closes, so a cached ref is not reused.
	gone atomic.Bool
}

var (
	clients     sync.Map // int64 client id -> *clientRef
	modulesByID sync.Map // uint64 handle -> *Module
	nextModule  atomic.Uint64
)

func registerClient(h *Host, c *engine.Client) { clients.Store(c.ID, &clientRef{h: h, c: c}) }

func unregisterClient(c *engine.Client) {
	if v, ok := clients.LoadAndDelete(c.ID); ok {
		v.(*clientRef).gone.Store(true)
	}
}

// lastClient caches the most recent lookup: a module command makes many
// API calls for one client, and each used to pay a sync.Map probe.
var lastClient atomic.Pointer[clientRef]

func lookupClient(id C.uint64_t) *clientRef {
	if id == 0 {
		return nil
	}
	if r := lastClient.Load(); r != nil && r.c.ID == int64(id) && !r.gone.Load() {
		return r
	}
	v, ok := clients.Load(int64(id))
	if !ok {
		return nil
	}
	r := v.(*clientRef)
	lastClient.Store(r)
	return r
}

func lookupModule(handle C.uint64_t) *Module {
	v, ok := modulesByID.Load(uint64(handle))
	if !ok {
		return nil
	}
	return v.(*Module)
}

// guard turns a panic inside an export into a log line; exports must not
// unwind into module C code.
func guard(api string) {
	if r := recover(); r != nil {
		msg := fmt.Sprintf("modhost: panic in %s: %v\n%s", api, r, debug.Stack())
		if v, ok := anyHost.Load().(*Host); ok && v != nil {
			v.Log.Logf(levelWarning, "%s", msg)
		} else {
			println(msg)
		}
	}
}

// anyHost is the most recent host, for logging from exports that have no
// module or client at hand.
var anyHost atomic.Value

func sortedNames(m map[string]*Module) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// cptr turns a C address kept as uintptr (module values in the keyspace,
// which has no cgo) back into a pointer for C. The address is C memory,
// never Go's, so the garbage collector does not care either way.
func cptr(u uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&u)) }
