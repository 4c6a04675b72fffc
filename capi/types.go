package capi

/*
#include "capi.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"sync"
	"unsafe"

	"modhost/keyspace"
	"modhost/rdb"
)

// Capability bits from mh_type_caps.
const (
	capRDBLoad    = 1
	capRDBSave    = 2
	capAOF        = 4
	capMemUsage   = 8
	capDigest     = 16
	capFree       = 32
	capAuxLoad    = 64
	capAuxSave    = 128
	capCopy       = 256
	capFreeEffort = 512
	capUnlink     = 1024
)

// dataType is a module data type; it implements keyspace.ModuleType.
type dataType struct {
	name   string
	id     uint64
	m      *Module
	c      *C.RedisModuleType
	handle uint64
	caps   int
	aux    int
}

// Name implements keyspace.ModuleType.
func (t *dataType) Name() string { return t.name }

// ID implements keyspace.ModuleType.
func (t *dataType) ID() uint64 { return t.id }

// Free implements keyspace.ModuleType by running the free callback.
func (t *dataType) Free(ptr uintptr) {
	if ptr != 0 && t.caps&capFree != 0 {
		C.mh_invoke_type_free(t.c, cptr(ptr))
	}
}

// MemUsage runs mem_usage (0 without one): MEMORY USAGE and INFO.
func (t *dataType) MemUsage(ptr uintptr) int {
	if t.caps&capMemUsage == 0 {
		return 0
	}
	return int(C.mh_invoke_mem_usage(t.c, cptr(ptr), nil, 0, -1, 0))
}

// memUsageOf is MEMORY USAGE for a module value: mem_usage2 learns the
// key, its db and the sample count.
func (t *dataType) memUsageOf(ptr uintptr, key string, db int, samples int64) int {
	if t.caps&capMemUsage == 0 {
		return 0
	}
	kb := []byte(key + "\x00")
	return int(C.mh_invoke_mem_usage(t.c, cptr(ptr), bufPtr(kb), C.size_t(len(key)), C.int(db), C.size_t(samples)))
}

// Copy implements keyspace.ModuleCopier with the type's copy callback
// (COPY); ok is false without one or when it returned NULL.
func (t *dataType) Copy(v *keyspace.ModuleValue, from, to string, fromDB, toDB int) (*keyspace.ModuleValue, bool) {
	if t.caps&capCopy == 0 {
		return nil, false
	}
	f, d := []byte(from+"\x00"), []byte(to+"\x00")
	r := C.mh_invoke_copy(t.c, bufPtr(f), C.size_t(len(from)), bufPtr(d), C.size_t(len(to)), C.int(fromDB), C.int(toDB), cptr(v.Ptr))
	if r == nil {
		return nil, false
	}
	return &keyspace.ModuleValue{Type: t, Ptr: uintptr(r)}, true
}

// typeRegistry holds one server's data types by 54-bit name id.
type typeRegistry struct {
	sync.Mutex
	byName map[uint64]*dataType
	order  []*dataType
	next   uint64
}

//export goCreateDataType
func goCreateDataType(handle C.uint64_t, name *C.char, id C.uint64_t, ct *C.RedisModuleType) C.uint64_t {
	defer guard("CreateDataType")
	m := lookupModule(handle)
	if m == nil {
		return 0
	}
	typeReg := &m.host.types
	typeReg.Lock()
	defer typeReg.Unlock()
	if typeReg.byName == nil {
		typeReg.byName = map[uint64]*dataType{}
	}
	// Like Redis, only types of modules already loaded count: the
	// loading module itself is not registered yet.
	first, taken := typeReg.byName[uint64(id)>>10]
	if taken && first.m != m {
		return 0
	}
	typeReg.next++
	t := &dataType{name: C.GoString(name), id: uint64(id), m: m, c: ct, handle: typeReg.next,
		caps: int(C.mh_type_caps(ct)), aux: int(C.mh_type_aux_triggers(ct))}
	if !taken {
		typeReg.byName[uint64(id)>>10] = t
	}
	typeReg.order = append(typeReg.order, t)
	m.types = append(m.types, t)
	return C.uint64_t(t.handle)
}

// dropTypes forgets a module's types (failed load).
func dropTypes(m *Module) {
	typeReg := &m.host.types
	typeReg.Lock()
	defer typeReg.Unlock()
	for _, t := range m.types {
		delete(typeReg.byName, t.id>>10)
		for i, x := range typeReg.order {
			if x == t {
				typeReg.order = append(typeReg.order[:i], typeReg.order[i+1:]...)
				break
			}
		}
		C.mh_type_free(t.c)
	}
	m.types = nil
}

func typeOfC(h *Host, ct *C.RedisModuleType) *dataType {
	typeReg := &h.types
	typeReg.Lock()
	defer typeReg.Unlock()
	for _, t := range typeReg.order {
		if t.c == ct {
			return t
		}
	}
	return nil
}

//export goModuleTypeSetValue
func goModuleTypeSetValue(h C.uint64_t, ct *C.RedisModuleType, value unsafe.Pointer) C.int {
	defer guard("ModuleTypeSetValue")
	k := getKey(h)
	if k == nil {
		return C.REDISMODULE_ERR
	}
	t := typeOfC(k.h, ct)
	if t == nil {
		return C.REDISMODULE_ERR
	}
	k.db.Set(k.name, &keyspace.ModuleValue{Type: t, Ptr: uintptr(value)})
	k.changed()
	return C.REDISMODULE_OK
}

//export goModuleTypeReplaceValue
func goModuleTypeReplaceValue(h C.uint64_t, value unsafe.Pointer) unsafe.Pointer {
	defer guard("ModuleTypeReplaceValue")
	k := getKey(h)
	if k == nil {
		return nil
	}
	e := k.entry()
	if e == nil {
		return nil
	}
	mv, ok := e.Val.(*keyspace.ModuleValue)
	if !ok {
		return nil
	}
	old := mv.Ptr
	mv.Ptr = uintptr(value)
	k.changed()
	return cptr(old)
}

// freeRemoved frees module values that left the keyspace.
// UNLINK (and the lazyfree-* removals) hand a value whose free effort
// exceeds it to a background goroutine, as Redis hands it to its lazyfree
// thread: the free callback then runs without the lock, as in Redis.
func freeRemoved(db *keyspace.DB, key string, e *keyspace.Entry) {
	mv, ok := e.Val.(*keyspace.ModuleValue)
	if !ok || mv.Type == nil {
		return
	}
	ks := db.Keyspace()
	if t, ok := mv.Type.(*dataType); ok && ks.LazyFree && t.freeEffort(mv.Ptr, key, db.ID) > lazyfreeThreshold {
		ks.LazyfreePending.Add(1)
		go func() {
			t.Free(mv.Ptr)
			ks.LazyfreePending.Add(-1)
			ks.LazyfreedObjects.Add(1)
		}()
		return
	}
	mv.Type.Free(mv.Ptr)
}

// lazyfreeThreshold is Redis's LAZYFREE_THRESHOLD.
const lazyfreeThreshold = 64

// freeEffort runs free_effort2/free_effort (1 without one).
func (t *dataType) freeEffort(ptr uintptr, key string, db int) int {
	if t.caps&capFreeEffort == 0 {
		return 1
	}
	kb := []byte(key + "\x00")
	return int(C.mh_invoke_free_effort(t.c, cptr(ptr), bufPtr(kb), C.size_t(len(key)), C.int(db)))
}

// ---- RDB and AOF IO ------------------------------------------------------

// ioState is the Go side of one RedisModuleIO.
type ioState struct {
	r     *rdb.ModuleReader
	w     *rdb.ModuleWriter
	emit  func(args [][]byte) bool
	fatal bool
	key   string
	db    int
}

var ios = struct {
	sync.Mutex
	m    map[uint64]*ioState
	next uint64
}{m: map[uint64]*ioState{}}

func newIO(s *ioState) uint64 {
	ios.Lock()
	defer ios.Unlock()
	ios.next++
	ios.m[ios.next] = s
	return ios.next
}

func getIO(h C.uint64_t) *ioState {
	ios.Lock()
	defer ios.Unlock()
	return ios.m[uint64(h)]
}

func endIO(h uint64) {
	ios.Lock()
	delete(ios.m, h)
	ios.Unlock()
}

//export goSaveUnsigned
func goSaveUnsigned(h C.uint64_t, v C.uint64_t) C.int {
	defer guard("SaveUnsigned")
	s := getIO(h)
	if s == nil || s.w == nil {
		return 1
	}
	s.w.SaveUnsigned(uint64(v))
	return 0
}

//export goLoadUnsigned
func goLoadUnsigned(h C.uint64_t, v *C.uint64_t) C.int {
	defer guard("LoadUnsigned")
	s := getIO(h)
	if s == nil || s.r == nil {
		return 1
	}
	x, ok := s.r.LoadUnsigned()
	if !ok {
		return 1
	}
	*v = C.uint64_t(x)
	return 0
}

//export goSaveString
func goSaveString(h C.uint64_t, p *C.char, n C.size_t) C.int {
	defer guard("SaveString")
	s := getIO(h)
	if s == nil || s.w == nil {
		return 1
	}
	s.w.SaveString(C.GoBytes(unsafe.Pointer(p), C.int(n)))
	return 0
}

//export goLoadString
func goLoadString(h C.uint64_t) *C.RedisModuleString {
	defer guard("LoadString")
	s := getIO(h)
	if s == nil || s.r == nil {
		return nil
	}
	b, ok := s.r.LoadString()
	if !ok {
		return nil
	}
	return newCString(b)
}

//export goSaveDouble
func goSaveDouble(h C.uint64_t, v C.double, isFloat C.int) C.int {
	defer guard("SaveDouble")
	s := getIO(h)
	if s == nil || s.w == nil {
		return 1
	}
	if isFloat != 0 {
		s.w.SaveFloat(float32(v))
	} else {
		s.w.SaveDouble(float64(v))
	}
	return 0
}

//export goLoadDouble
func goLoadDouble(h C.uint64_t, v *C.double, isFloat C.int) C.int {
	defer guard("LoadDouble")
	s := getIO(h)
	if s == nil || s.r == nil {
		return 1
	}
	if isFloat != 0 {
		x, ok := s.r.LoadFloat()
		if !ok {
			return 1
		}
		*v = C.double(x)
		return 0
	}
	x, ok := s.r.LoadDouble()
	if !ok {
		return 1
	}
	*v = C.double(x)
	return 0
}

//export goIOFatal
func goIOFatal(h C.uint64_t, typeName *C.char) {
	defer guard("IOError")
	if s := getIO(h); s != nil {
		s.fatal = true
	}
}

//export goIOKeyName
func goIOKeyName(h C.uint64_t) *C.RedisModuleString {
	defer guard("GetKeyNameFromIO")
	s := getIO(h)
	if s == nil || s.db < 0 {
		return nil
	}
	return newCString([]byte(s.key))
}

//export goIODb
func goIODb(h C.uint64_t) C.int {
	defer guard("GetDbIdFromIO")
	if s := getIO(h); s != nil {
		return C.int(s.db)
	}
	return -1
}

//export goEmitAOF
func goEmitAOF(h C.uint64_t, buf *C.char, lens *C.size_t, argc C.int) C.int {
	defer guard("EmitAOF")
	s := getIO(h)
	if s == nil || s.emit == nil {
		return 1
	}
	ls := unsafe.Slice(lens, int(argc))
	args := make([][]byte, int(argc))
	off := 0
	for i := range args {
		args[i] = C.GoBytes(unsafe.Add(unsafe.Pointer(buf), off), C.int(ls[i]))
		off += int(ls[i])
	}
	if !s.emit(args) {
		return 1
	}
	return 0
}

//export goLogRaw
func goLogRaw(level C.int, msg *C.char, n C.int) {
	defer guard("Log")
	if h, _ := anyHost.Load().(*Host); h != nil {
		h.Log.Logf(int(level), "%s", C.GoStringN(msg, n))
	}
}

// ---- rdb.Modules ---------------------------------------------------------

// Persistence adapts the module types to rdb.Modules; the persistence
// layer uses it for RDB files, DUMP/RESTORE and DEBUG DIGEST.
type Persistence struct{ h *Host }

// Persistence returns the host's rdb.Modules implementation.
func (h *Host) Persistence() *Persistence { return &Persistence{h} }

// TypeByID implements rdb.Modules.
func (p *Persistence) TypeByID(id uint64) keyspace.ModuleType {
	typeReg := &p.h.types
	typeReg.Lock()
	defer typeReg.Unlock()
	if t := typeReg.byName[id>>10]; t != nil {
		return t
	}
	return nil
}

// Load implements rdb.Modules.
func (p *Persistence) Load(mt keyspace.ModuleType, encver int, r *rdb.ModuleReader) (uintptr, error) {
	t := mt.(*dataType)
	if t.caps&capRDBLoad == 0 {
		return 0, fmt.Errorf("module type %s has no rdb_load", t.name)
	}
	s := &ioState{r: r, key: r.Key, db: r.DB}
	h := newIO(s)
	defer endIO(h)
	var ioerr C.int
	v := C.mh_invoke_rdb_load(t.c, C.uint64_t(h), C.int(encver), &ioerr)
	if s.fatal || ioerr != 0 {
		if v != nil {
			t.Free(uintptr(v))
		}
		return 0, fmt.Errorf("Error loading data from RDB (short read or EOF). Read performed by module '%s' about type '%s' after reading '%d' bytes of a value for key named: '%s'.", t.m.Name, t.name, 0, r.Key)
	}
	if v == nil {
		return 0, nil
	}
	return uintptr(v), nil
}

// Save implements rdb.Modules.
func (p *Persistence) Save(v *keyspace.ModuleValue, w *rdb.ModuleWriter) error {
	t := v.Type.(*dataType)
	if t.caps&capRDBSave == 0 {
		return fmt.Errorf("module type %s has no rdb_save", t.name)
	}
	h := newIO(&ioState{w: w, key: w.Key, db: w.DB})
	defer endIO(h)
	if C.mh_invoke_rdb_save(t.c, C.uint64_t(h), cptr(v.Ptr)) != 0 {
		return errors.New("module rdb_save failed")
	}
	return nil
}

// AuxTypes implements rdb.Modules.
func (p *Persistence) AuxTypes(when int) []keyspace.ModuleType {
	typeReg := &p.h.types
	typeReg.Lock()
	defer typeReg.Unlock()
	var out []keyspace.ModuleType
	for _, t := range typeReg.order {
		if t.caps&capAuxSave != 0 && t.aux&when != 0 {
			out = append(out, t)
		}
	}
	return out
}

// AuxSave implements rdb.Modules.
func (p *Persistence) AuxSave(mt keyspace.ModuleType, when int, w *rdb.ModuleWriter) (bool, error) {
	t := mt.(*dataType)
	before := w.Len()
	h := newIO(&ioState{w: w, db: -1})
	defer endIO(h)
	rc := C.mh_invoke_aux_save(t.c, C.uint64_t(h), C.int(when))
	if rc < 0 {
		return false, errors.New("module aux_save failed")
	}
	// Like Redis, only aux_save2 drops a record that saved nothing.
	return w.Len() > before || rc == 1, nil
}

// AuxLoad implements rdb.Modules.
func (p *Persistence) AuxLoad(mt keyspace.ModuleType, encver, when int, r *rdb.ModuleReader) error {
	t := mt.(*dataType)
	if t.caps&capAuxLoad == 0 {
		return fmt.Errorf("The RDB file contains AUX module data I can't load: no aux_load for module type '%s'", t.name)
	}
	s := &ioState{r: r, db: -1}
	h := newIO(s)
	defer endIO(h)
	var ioerr C.int
	rc := C.mh_invoke_aux_load(t.c, C.uint64_t(h), C.int(encver), C.int(when), &ioerr)
	if rc != C.REDISMODULE_OK || s.fatal || ioerr != 0 {
		return fmt.Errorf("The RDB file contains module AUX data for the module type '%s', that the responsible module is not able to load. Check for modules log above for additional clues.", t.name)
	}
	return nil
}

// Digest implements rdb.ModuleDigester.
func (p *Persistence) Digest(v *keyspace.ModuleValue, key string, db int) ([20]byte, bool) {
	var out [20]byte
	t, ok := v.Type.(*dataType)
	if !ok || t.caps&capDigest == 0 {
		return out, false
	}
	kb := []byte(key + "\x00")
	C.mh_invoke_digest(t.c, cptr(v.Ptr), bufPtr(kb), C.size_t(len(key)), C.int(db), (*C.uchar)(unsafe.Pointer(&out[0])))
	return out, true
}

// RewriteAOF runs a value's aof_rewrite, passing each emitted command to
// emit. It fails when the type has no aof_rewrite or the module emitted a
// bad command.
func (p *Persistence) RewriteAOF(v *keyspace.ModuleValue, key string, emit func(args [][]byte)) error {
	t := v.Type.(*dataType)
	if t.caps&capAOF == 0 {
		return fmt.Errorf("module type %s has no aof_rewrite", t.name)
	}
	s := &ioState{key: key, db: -1, emit: func(args [][]byte) bool {
		if p.h.Eng.Commands.Lookup(args[0]) == nil {
			return false
		}
		emit(args)
		return true
	}}
	h := newIO(s)
	defer endIO(h)
	kb := []byte(key + "\x00")
	if C.mh_invoke_aof_rewrite(t.c, C.uint64_t(h), bufPtr(kb), C.size_t(len(key)), cptr(v.Ptr)) != 0 {
		return errors.New("module aof_rewrite failed")
	}
	return nil
}

// TypeNames lists registered type names (INFO, logs).
func (h *Host) TypeNames() []string {
	typeReg := &h.types
	typeReg.Lock()
	defer typeReg.Unlock()
	var out []string
	for _, t := range typeReg.order {
		out = append(out, t.name)
	}
	return out
}

// typeOfAny finds a type by its C pointer in any host (the string
// conversions carry no context).
func typeOfAny(ct *C.RedisModuleType) *dataType {
	var found *dataType
	modulesByID.Range(func(_, v any) bool {
		if t := typeOfC(v.(*Module).host, ct); t != nil {
			found = t
			return false
		}
		return true
	})
	return found
}

//export goSaveDataTypeToString
func goSaveDataTypeToString(ct *C.RedisModuleType, data unsafe.Pointer) *C.RedisModuleString {
	defer guard("SaveDataTypeToString")
	t := typeOfAny(ct)
	if t == nil || t.caps&capRDBSave == 0 {
		return nil
	}
	w := rdb.NewModuleWriter(false, "", -1)
	h := newIO(&ioState{w: w, db: -1})
	defer endIO(h)
	if C.mh_invoke_rdb_save(t.c, C.uint64_t(h), data) != 0 {
		return nil
	}
	return newCString(w.Bytes())
}

//export goLoadDataTypeFromString
func goLoadDataTypeFromString(ct *C.RedisModuleType, p *C.char, n C.size_t, encver C.int) unsafe.Pointer {
	defer guard("LoadDataTypeFromString")
	t := typeOfAny(ct)
	if t == nil || t.caps&capRDBLoad == 0 {
		return nil
	}
	r := rdb.NewModuleReader(C.GoBytes(unsafe.Pointer(p), C.int(n)), "", -1)
	s := &ioState{r: r, db: -1}
	h := newIO(s)
	defer endIO(h)
	var ioerr C.int
	v := C.mh_invoke_rdb_load(t.c, C.uint64_t(h), encver, &ioerr)
	if s.fatal || ioerr != 0 || r.Failed() {
		if v != nil {
			t.Free(uintptr(v))
		}
		return nil
	}
	return v
}
