package capi

/*
#include <stdlib.h>
#include "capi.h"
#include "events.h"
*/
import "C"

import (
	"net"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"modhost/engine"
	"modhost/keyspace"
)

// hostEvents is the per-host state of the event-driven API groups:
// server event listeners, keyspace subscribers, post-notification jobs,
// INFO callbacks, timers and module configs. Guarded by the execution
// lock unless noted.
type hostEvents struct {
	listeners []*listener
	ksubs     []*ksub
	jobs      []postJob
	inJobs    bool
	infoFuncs map[uint64]unsafe.Pointer // module handle -> info callback
	timers    timerState
	configs   map[uint64]*moduleConfigs // module handle -> its configs
	// loadex holds MODULE LOADEX's CONFIG name/value pairs while the
	// module loads; LoadConfigs takes them.
	loadex map[string]string
}

// listener is one module's subscription to one server event.
type listener struct {
	m       *Module
	id      uint64
	dataver uint64
	cb      unsafe.Pointer
}

var hostStates sync.Map // *Host -> *hostEvents

func (h *Host) ev() *hostEvents {
	if v, ok := hostStates.Load(h); ok {
		return v.(*hostEvents)
	}
	v, _ := hostStates.LoadOrStore(h, &hostEvents{
		infoFuncs: map[uint64]unsafe.Pointer{},
		configs:   map[uint64]*moduleConfigs{},
	})
	return v.(*hostEvents)
}

// Server event ids and subevents (redismodule.h).
const (
	eventFlushDB      = 2
	eventClientChange = 4
	eventShutdown     = 5
	eventCronLoop     = 8
	eventModuleChange = 9
	eventSwapDB       = 11
	eventConfig       = 16
)

// initEvents plugs the event-driven API groups into the engine: keyspace
// notifications, end-of-command jobs, client and flush events and the
// module INFO sections. NewHost calls it once.
func (h *Host) initEvents() {
	eng := h.Eng
	eng.NotifyHooks = append(eng.NotifyHooks, h.keyspaceEvent)
	eng.Hooks.AfterCommand = append(eng.Hooks.AfterCommand, func(*engine.Client) { h.runJobs() })
	// Jobs run before the unit that queued them is propagated, so their
	// writes join it (Redis's firePostExecutionUnitJobs).
	eng.Hooks.UnitEnd = append(eng.Hooks.UnitEnd, h.runJobs)
	eng.Hooks.ClientOpened = append(eng.Hooks.ClientOpened, func(c *engine.Client) {
		if c.Conn != nil {
			h.fireClientChange(c, 0)
		}
	})
	eng.Hooks.ClientClosed = append(eng.Hooks.ClientClosed, func(c *engine.Client) {
		if c.Conn != nil {
			// The host forgets the client before this hook runs; the
			// callback may still ask about it.
			registerClient(h, c)
			h.fireClientChange(c, 1)
			unregisterClient(c)
		}
	})
	eng.Info.MemoryUsage = moduleMemoryUsage
	prevRemoving := eng.KS.Hooks.Removing
	eng.KS.Hooks.Removing = func(db *keyspace.DB, key string, e *keyspace.Entry, why int) {
		if prevRemoving != nil {
			prevRemoving(db, key, e, why)
		}
		h.fireKeyRemoving(db, key, e, why)
	}
	ev := eng.Events()
	ev.Flush = append(ev.Flush, h.fireFlush)
	ev.SwapDB = append(ev.SwapDB, h.fireSwapDB)
	st := eng.Config()
	st.Changed = append(st.Changed, h.fireConfigChange)
	eng.Info.Modules = h.writeModuleInfo
	// INFO's "# Modules" section lists the loaded modules (module_list).
	eng.Info.AddInfoSection(engine.InfoSection{Name: "modules", Write: func(w *strings.Builder) {
		w.WriteString("# Modules\r\n")
		for _, l := range h.InfoLines() {
			w.WriteString(l)
			w.WriteString("\r\n")
		}
	}})
}

// Cron fires the CronLoop server event and runs pending jobs; the server
// calls it hz times a second under the lock.
func (h *Host) Cron() {
	if h.hasListeners(eventCronLoop) {
		d := (*C.RedisModuleCronLoopV1)(C.calloc(1, C.sizeof_RedisModuleCronLoopV1))
		d.version = 1
		d.hz = C.int32_t(h.Eng.Settings.Hz)
		h.fire(eventCronLoop, 0, unsafe.Pointer(d), 0, nil, nil)
		C.free(unsafe.Pointer(d))
	}
	h.runJobs()
}

// FireShutdown stops a module fork child, then fires the Shutdown server
// event; the server calls it under the lock before exiting.
func (h *Host) FireShutdown() {
	h.KillForkChildOnShutdown()
	h.fire(eventShutdown, 0, nil, 0, nil, nil)
}

// moduleLoaded runs after a module's OnLoad succeeded: a module that
// registered configs must have loaded them (false means the load fails,
// as in Redis); otherwise the other modules hear of it.
func (h *Host) moduleLoaded(m *Module) bool {
	if mc := h.ev().configs[m.Handle]; mc != nil && len(mc.list) > 0 && !mc.loaded {
		h.Log.Logf(levelWarning, "Module Configurations were not set, likely a missing LoadConfigs call. Unloading the module.")
		return false
	}
	if len(h.ev().loadex) > 0 {
		h.Log.Logf(levelWarning, "Loadex configurations were not applied, likely due to invalid arguments. Unloading the module.")
		return false
	}
	h.fireModuleChange(m, 0)
	return true
}

// moduleUnloaded forgets everything the event groups hold for m and
// tells the other modules. failed is true for a module whose load failed
// (nobody heard of it).
func (h *Host) moduleUnloaded(m *Module, failed bool) {
	ev := h.ev()
	keepL := ev.listeners[:0]
	for _, l := range ev.listeners {
		if l.m != m {
			keepL = append(keepL, l)
		}
	}
	ev.listeners = keepL
	keepS := ev.ksubs[:0]
	for _, s := range ev.ksubs {
		if s.m != m {
			keepS = append(keepS, s)
		}
	}
	ev.ksubs = keepS
	delete(ev.infoFuncs, m.Handle)
	h.dropTimers(m)
	h.dropConfigs(m)
	if !failed {
		h.fireModuleChange(m, 1)
	}
}

func (h *Host) hasListeners(id uint64) bool {
	for _, l := range h.ev().listeners {
		if l.id == id {
			return true
		}
	}
	return false
}

// fire calls every listener of event id with data (C memory or nil). The
// context gets a temporary client on db, or the real client when given
// (ClientChange). Listeners of module skip are left out (ModuleChange).
func (h *Host) fire(id, sub uint64, data unsafe.Pointer, db int, real *engine.Client, skip *Module) {
	ev := h.ev()
	if len(ev.listeners) == 0 {
		return
	}
	for _, l := range append([]*listener(nil), ev.listeners...) {
		if l.id != id || l.m == skip || l.cb == nil {
			continue
		}
		if real != nil {
			C.mh_invoke_server_event(l.cb, l.m.c, C.uint64_t(real.ID), C.int(real.DB.ID), 0,
				C.uint64_t(l.id), C.uint64_t(l.dataver), C.uint64_t(sub), data)
			continue
		}
		tc := h.tempClient(db)
		C.mh_invoke_server_event(l.cb, l.m.c, C.uint64_t(tc.ID), C.int(db), 1,
			C.uint64_t(l.id), C.uint64_t(l.dataver), C.uint64_t(sub), data)
		releaseTemp(tc)
	}
}

func (h *Host) fireFlush(end bool, db int, async bool) {
	if !h.hasListeners(eventFlushDB) {
		return
	}
	d := (*C.RedisModuleFlushInfoV1)(C.calloc(1, C.sizeof_RedisModuleFlushInfoV1))
	d.version = 1
	if !async {
		d.sync = 1
	}
	d.dbnum = C.int32_t(db)
	sub := uint64(0)
	if end {
		sub = 1
	}
	sel := db
	if sel < 0 {
		sel = 0
	}
	h.fire(eventFlushDB, sub, unsafe.Pointer(d), sel, nil, nil)
	C.free(unsafe.Pointer(d))
}

func (h *Host) fireSwapDB(a, b int) {
	if !h.hasListeners(eventSwapDB) {
		return
	}
	d := (*C.RedisModuleSwapDbInfoV1)(C.calloc(1, C.sizeof_RedisModuleSwapDbInfoV1))
	d.version = 1
	d.dbnum_first = C.int32_t(a)
	d.dbnum_second = C.int32_t(b)
	h.fire(eventSwapDB, 0, unsafe.Pointer(d), 0, nil, nil)
	C.free(unsafe.Pointer(d))
}

func (h *Host) fireClientChange(c *engine.Client, sub uint64) {
	if !h.hasListeners(eventClientChange) {
		return
	}
	d := (*C.RedisModuleClientInfoV1)(C.calloc(1, C.sizeof_RedisModuleClientInfoV1))
	fillClientInfo(d, c)
	h.fire(eventClientChange, sub, unsafe.Pointer(d), 0, c, nil)
	C.free(unsafe.Pointer(d))
}

func (h *Host) fireModuleChange(m *Module, sub uint64) {
	if !h.hasListeners(eventModuleChange) {
		return
	}
	d := (*C.RedisModuleModuleChangeV1)(C.calloc(1, C.sizeof_RedisModuleModuleChangeV1))
	d.version = 1
	name := C.CString(m.Name)
	d.module_name = name
	d.module_version = C.int32_t(m.Ver)
	h.fire(eventModuleChange, sub, unsafe.Pointer(d), 0, nil, m)
	C.free(unsafe.Pointer(name))
	C.free(unsafe.Pointer(d))
}

// fireConfigChange fires the Config event after a successful CONFIG SET
// with the names it changed.
func (h *Host) fireConfigChange(names []string) {
	if !h.hasListeners(eventConfig) || len(names) == 0 {
		return
	}
	d := (*C.RedisModuleConfigChangeV1)(C.calloc(1, C.sizeof_RedisModuleConfigChangeV1))
	d.version = 1
	d.num_changes = C.uint32_t(len(names))
	arr := (**C.char)(C.calloc(C.size_t(len(names)), C.size_t(unsafe.Sizeof((*C.char)(nil)))))
	list := unsafe.Slice(arr, len(names))
	for i, n := range names {
		list[i] = C.CString(n)
	}
	d.config_names = arr
	h.fire(eventConfig, 0, unsafe.Pointer(d), 0, nil, nil)
	for _, p := range list {
		C.free(unsafe.Pointer(p))
	}
	C.free(unsafe.Pointer(arr))
	C.free(unsafe.Pointer(d))
}

// fillClientInfo fills a version 1 RedisModuleClientInfo for c.
func fillClientInfo(d *C.RedisModuleClientInfoV1, c *engine.Client) {
	*d = C.RedisModuleClientInfoV1{}
	d.version = 1
	var f uint64
	if c.Flags&engine.ClientMulti != 0 {
		f |= 1 << 5
	}
	if c.Flags&engine.ClientPubSub != 0 {
		f |= 1 << 1
	}
	if c.Flags&engine.ClientUnixSocket != 0 {
		f |= 1 << 4
	}
	if c.Flags&engine.ClientTracking != 0 {
		f |= 1 << 3
	}
	if c.Blocked != nil {
		f |= 1 << 2
	}
	d.flags = C.uint64_t(f)
	d.id = C.uint64_t(c.ID)
	host, port := c.Addr, 0
	if c.Flags&engine.ClientUnixSocket == 0 {
		if hst, p, err := net.SplitHostPort(c.Addr); err == nil {
			host = hst
			port, _ = strconv.Atoi(p)
		}
	}
	if c.Conn == nil {
		host = ""
	}
	for i := 0; i < len(host) && i < len(d.addr)-1; i++ {
		d.addr[i] = C.char(host[i])
	}
	d.port = C.uint16_t(port)
	d.db = C.uint16_t(c.DB.ID)
}

// tempClient makes the temporary client a callback context runs with, on
// db, so RM_Call and the db APIs work as in Redis's temp-client contexts.
func (h *Host) tempClient(db int) *engine.Client {
	c := h.Eng.NewFakeClient()
	c.Flags |= engine.ClientModule
	if db >= 0 && db < len(h.Eng.KS.DBs) {
		c.DB = h.Eng.KS.DBs[db]
	}
	registerClient(h, c)
	return c
}

func releaseTemp(c *engine.Client) { unregisterClient(c) }

// hostOf is the host of module handle, or the most recent host when the
// handle is unknown (calls from threads without a module).
func hostOf(handle C.uint64_t) *Host {
	if m := lookupModule(handle); m != nil {
		return m.host
	}
	h, _ := anyHost.Load().(*Host)
	return h
}

// ctxDB is the db a context works on: its client's, else the one it
// selected itself.
func ctxDB(client C.uint64_t, sel C.int) int {
	if ref := lookupClient(client); ref != nil {
		return ref.c.DB.ID
	}
	return int(sel)
}
