package capi

// Exports of the event-driven API groups (timers, event loop, keyspace
// notifications, server events, INFO, module configs) and the client/db
// helpers. Only //export functions live here; each opens with guard.

/*
#include <stdlib.h>
#include "capi.h"
#include "events.h"
*/
import "C"

import (
	"time"
	"unsafe"

	"modhost/config"
	"modhost/engine"
)

//export goSubscribeToServerEvent
func goSubscribeToServerEvent(handle, id, dataver C.uint64_t, cb unsafe.Pointer) {
	defer guard("SubscribeToServerEvent")
	m := lookupModule(handle)
	if m == nil {
		return
	}
	ev := m.host.ev()
	for i, l := range ev.listeners {
		if l.m == m && l.id == uint64(id) {
			if cb == nil {
				ev.listeners = append(ev.listeners[:i:i], ev.listeners[i+1:]...)
			} else {
				// Redis keeps the struct of the first subscription.
				l.cb = cb
			}
			return
		}
	}
	if cb == nil {
		return
	}
	ev.listeners = append(ev.listeners, &listener{m: m, id: uint64(id), dataver: uint64(dataver), cb: cb})
}

//export goCreateTimer
func goCreateTimer(handle, client C.uint64_t, sel C.int, period C.longlong, cb, data unsafe.Pointer) C.uint64_t {
	defer guard("CreateTimer")
	m := lookupModule(handle)
	if m == nil {
		return 0
	}
	return C.uint64_t(m.host.createTimer(m, int64(period), ctxDB(client, sel), cb, data))
}

//export goStopTimer
func goStopTimer(handle, id C.uint64_t, data *unsafe.Pointer) C.int {
	defer guard("StopTimer")
	m := lookupModule(handle)
	if m == nil {
		return 0
	}
	ts := &m.host.ev().timers
	t := ts.byID[uint64(id)]
	if t == nil || t.m != m {
		return 0
	}
	*data = t.data
	delete(ts.byID, uint64(id))
	return 1
}

//export goGetTimerInfo
func goGetTimerInfo(handle, id C.uint64_t, remaining *C.longlong, data *unsafe.Pointer) C.int {
	defer guard("GetTimerInfo")
	m := lookupModule(handle)
	if m == nil {
		return 0
	}
	t := m.host.ev().timers.byID[uint64(id)]
	if t == nil || t.m != m {
		return 0
	}
	rem := t.due - time.Now().UnixMicro()
	if rem < 0 {
		rem = 0
	}
	*remaining = C.longlong(rem / 1000)
	*data = t.data
	return 1
}

//export goEventLoopAdd
func goEventLoopAdd(handle C.uint64_t, fd, mask C.int, cb, data unsafe.Pointer) C.int {
	defer guard("EventLoopAdd")
	return C.int(eventLoopAdd(hostOf(handle), lookupModule(handle), int(fd), int(mask), cb, data))
}

//export goEventLoopDel
func goEventLoopDel(fd, mask C.int) C.int {
	defer guard("EventLoopDel")
	h, _ := anyHost.Load().(*Host)
	return C.int(eventLoopDel(h, int(fd), int(mask)))
}

//export goEventLoopWake
func goEventLoopWake(handle C.uint64_t) {
	defer guard("EventLoopAddOneShot")
	if err := startPoller(); err != nil {
		return
	}
	if h := hostOf(handle); h != nil {
		poller.mu.Lock()
		poller.oneshotHost = h
		poller.mu.Unlock()
	}
}

//export goSubscribeToKeyspaceEvents
func goSubscribeToKeyspaceEvents(handle C.uint64_t, types C.int, cb unsafe.Pointer) {
	defer guard("SubscribeToKeyspaceEvents")
	m := lookupModule(handle)
	if m == nil {
		return
	}
	ev := m.host.ev()
	ev.ksubs = append(ev.ksubs, &ksub{m: m, mask: int(types), cb: cb})
}

//export goNotifyKeyspaceEvent
func goNotifyKeyspaceEvent(handle, client C.uint64_t, sel, typ C.int, event, key *C.char, keylen C.int) C.int {
	defer guard("NotifyKeyspaceEvent")
	h := hostOf(handle)
	if ref := lookupClient(client); ref != nil {
		h = ref.h
	}
	if h == nil {
		return C.REDISMODULE_ERR
	}
	db := ctxDB(client, sel)
	if db < 0 || db >= len(h.Eng.KS.DBs) {
		return C.REDISMODULE_ERR
	}
	h.Eng.KS.DBs[db].Notify(int(typ), C.GoString(event), C.GoStringN(key, keylen))
	return C.REDISMODULE_OK
}

//export goGetNotifyKeyspaceEvents
func goGetNotifyKeyspaceEvents(handle C.uint64_t) C.int {
	defer guard("GetNotifyKeyspaceEvents")
	h := hostOf(handle)
	if h == nil {
		return 0
	}
	return C.int(h.Eng.Settings.NotifyFlags)
}

//export goAddPostNotificationJob
func goAddPostNotificationJob(handle, client C.uint64_t, sel C.int, cb, pd, free unsafe.Pointer) C.int {
	defer guard("AddPostNotificationJob")
	m := lookupModule(handle)
	if m == nil || m.host.Eng.KS.Loading {
		return C.REDISMODULE_ERR
	}
	ev := m.host.ev()
	ev.jobs = append(ev.jobs, postJob{m: m, db: ctxDB(client, sel), cb: cb, pd: pd, free: free})
	return C.REDISMODULE_OK
}

//export goRegisterInfoFunc
func goRegisterInfoFunc(handle C.uint64_t, cb unsafe.Pointer) {
	defer guard("RegisterInfoFunc")
	m := lookupModule(handle)
	if m == nil {
		return
	}
	if cb == nil {
		delete(m.host.ev().infoFuncs, m.Handle)
		return
	}
	m.host.ev().infoFuncs[m.Handle] = cb
}

//export goGetServerInfo
func goGetServerInfo(handle C.uint64_t, section *C.char, has C.int, outlen *C.size_t) *C.char {
	defer guard("GetServerInfo")
	h := hostOf(handle)
	if h == nil {
		return nil
	}
	var sec string
	if has != 0 {
		sec = C.GoString(section)
	}
	text := h.serverInfoText(sec, has != 0)
	*outlen = C.size_t(len(text))
	return (*C.char)(C.CBytes([]byte(text + "\x00")))
}

//export goRegisterConfig
func goRegisterConfig(handle C.uint64_t, c *C.mh_modconfig, name *C.char, kind C.int, flags C.uint, defstr *C.char, defnull C.int,
	defint, min, max C.longlong, names *C.char, vals *C.int, n C.int) C.int {
	defer guard("RegisterConfig")
	m := lookupModule(handle)
	if m == nil {
		return C.EINVAL
	}
	var enum []config.EnumValue
	if n > 0 {
		iv := unsafe.Slice(vals, int(n))
		p := unsafe.Pointer(names)
		for i := 0; i < int(n); i++ {
			s := C.GoString((*C.char)(p))
			enum = append(enum, config.EnumValue{Name: s, Value: int(iv[i])})
			p = unsafe.Add(p, len(s)+1)
		}
	}
	var ds string
	if defstr != nil {
		ds = C.GoString(defstr)
	}
	return m.host.registerConfig(m, c, C.GoString(name), int(kind), uint(flags), ds, defnull != 0,
		int64(defint), int64(min), int64(max), enum)
}

//export goLoadConfigs
func goLoadConfigs(handle C.uint64_t) C.int {
	defer guard("LoadConfigs")
	m := lookupModule(handle)
	if m == nil || !m.loading {
		return 0
	}
	if m.host.loadConfigs(m) {
		return 1
	}
	return 0
}

// liveClient finds a connected client by id (temporary and module
// clients do not count, as in Redis's client index).
func liveClient(id C.uint64_t) (*Host, *engine.Client) {
	ref := lookupClient(id)
	if ref == nil {
		return nil, nil
	}
	c := ref.h.Eng.Clients[int64(id)]
	if c == nil {
		return nil, nil
	}
	return ref.h, c
}

//export goGetClientInfoById
func goGetClientInfoById(ci unsafe.Pointer, id C.uint64_t) C.int {
	defer guard("GetClientInfoById")
	_, c := liveClient(id)
	if c == nil {
		return C.REDISMODULE_ERR
	}
	if ci == nil {
		return C.REDISMODULE_OK
	}
	d := (*C.RedisModuleClientInfoV1)(ci)
	if d.version != 1 {
		return C.REDISMODULE_ERR
	}
	fillClientInfo(d, c)
	return C.REDISMODULE_OK
}

//export goGetClientNameById
func goGetClientNameById(id C.uint64_t, n *C.size_t) *C.char {
	defer guard("GetClientNameById")
	_, c := liveClient(id)
	if c == nil || c.Name == "" {
		return nil
	}
	*n = C.size_t(len(c.Name))
	return (*C.char)(C.CBytes([]byte(c.Name)))
}

//export goSetClientNameById
func goSetClientNameById(id C.uint64_t, p *C.char, n C.int) C.int {
	defer guard("SetClientNameById")
	_, c := liveClient(id)
	if c == nil {
		return C.ENOENT
	}
	name := C.GoStringN(p, n)
	for i := 0; i < len(name); i++ {
		if name[i] < '!' || name[i] > '~' {
			return C.EINVAL
		}
	}
	c.Name = name
	return 0
}

//export goGetClientUserNameById
func goGetClientUserNameById(id C.uint64_t, n *C.size_t) *C.char {
	defer guard("GetClientUserNameById")
	_, c := liveClient(id)
	if c == nil {
		return nil
	}
	user := c.User
	if user == "" {
		user = "default"
	}
	*n = C.size_t(len(user))
	return (*C.char)(C.CBytes([]byte(user)))
}

//export goPublishMessage
func goPublishMessage(handle C.uint64_t, ch *C.char, chl C.int, msg *C.char, ml C.int, shard C.int) C.int {
	defer guard("PublishMessage")
	h := hostOf(handle)
	if h == nil {
		return 0
	}
	if shard != 0 {
		return C.int(h.Eng.PubSub.SPublish(h.Eng, C.GoStringN(ch, chl), C.GoStringN(msg, ml)))
	}
	return C.int(h.Eng.PubSub.Publish(h.Eng, C.GoStringN(ch, chl), C.GoStringN(msg, ml)))
}

// ctxHostDB resolves a context's host and db.
func ctxHostDB(handle, client C.uint64_t, sel C.int) (*Host, int) {
	h := hostOf(handle)
	if ref := lookupClient(client); ref != nil {
		return ref.h, ref.c.DB.ID
	}
	return h, int(sel)
}

//export goDbSize
func goDbSize(handle, client C.uint64_t, sel C.int) C.ulonglong {
	defer guard("DbSize")
	h, db := ctxHostDB(handle, client, sel)
	if h == nil || db < 0 || db >= len(h.Eng.KS.DBs) {
		return 0
	}
	return C.ulonglong(h.Eng.KS.DBs[db].Len())
}

//export goRandomKey
func goRandomKey(handle, client C.uint64_t, sel C.int, n *C.size_t) *C.char {
	defer guard("RandomKey")
	h, db := ctxHostDB(handle, client, sel)
	if h == nil || db < 0 || db >= len(h.Eng.KS.DBs) {
		return nil
	}
	k, ok := h.Eng.KS.DBs[db].RandomKey()
	if !ok {
		return nil
	}
	*n = C.size_t(len(k))
	return (*C.char)(C.CBytes([]byte(k)))
}

//export goResetDataset
func goResetDataset(handle C.uint64_t, async C.int) {
	defer guard("ResetDataset")
	h := hostOf(handle)
	if h == nil {
		return
	}
	eng := h.Eng
	eng.FireFlush(false, -1, async != 0)
	for _, db := range eng.KS.DBs {
		eng.TouchWatchedExisting(db, nil)
		eng.KS.Dirty += int64(db.Len())
		db.Flush()
	}
	eng.FireFlush(true, -1, async != 0)
}

//export goLatencyAddSample
func goLatencyAddSample(handle C.uint64_t, event *C.char, ms C.longlong) {
	defer guard("LatencyAddSample")
	h := hostOf(handle)
	if h == nil {
		return
	}
	if int64(ms) >= h.Eng.Settings.LatencyMonitorThreshold {
		h.Eng.Latency.Add(C.GoString(event), int64(ms))
	}
}
