package rdb

import (
	"encoding/binary"
	"math"

	"modhost/keyspace"
)

// Aux data triggers (REDISMODULE_AUX_BEFORE_RDB / AFTER_RDB).
const (
	AuxBeforeRDB = 1
	AuxAfterRDB  = 2
)

// Modules is how rdb reaches module data types. The module layer (capi)
// implements it by running the type's callbacks; rdb frames the records
// and owns the file.
type Modules interface {
	// TypeByID returns the registered type whose name matches id, ignoring
	// the encoding version in the low 10 bits; nil when none does.
	TypeByID(id uint64) keyspace.ModuleType
	// Load runs the type's rdb_load with the encver found in the data. It
	// returns the new value's pointer, or 0 when rdb_load returned NULL.
	// A read failure inside r also counts as a failed load.
	Load(t keyspace.ModuleType, encver int, r *ModuleReader) (uintptr, error)
	// Save runs the type's rdb_save for v into w.
	Save(v *keyspace.ModuleValue, w *ModuleWriter) error
	// AuxTypes lists the types whose aux_save_triggers include when, in
	// registration order.
	AuxTypes(when int) []keyspace.ModuleType
	// AuxSave runs the type's aux_save (or aux_save2) for when. keep is
	// false when the record must be dropped (aux_save2 wrote nothing).
	AuxSave(t keyspace.ModuleType, when int, w *ModuleWriter) (keep bool, err error)
	// AuxLoad runs the type's aux_load; it fails when the type has none
	// (the error text then says so) or the callback reports an error.
	AuxLoad(t keyspace.ModuleType, encver, when int, r *ModuleReader) error
}

// ModuleReader is the RedisModuleIO of a load: it reads the typed values a
// module saved. After the first failure (wrong opcode, short data) every
// call fails and Failed reports true, matching RedisModule_IsIOError.
type ModuleReader struct {
	d *decoder
	// Key and DB name the key being loaded ("" and -1 for aux data).
	Key string
	DB  int

	failed bool
	eofHit bool
}

// Failed reports whether a read failed.
func (r *ModuleReader) Failed() bool { return r.failed }

// opcode reads and checks the next typed opcode; it turns decoder panics
// into the sticky failure flag so module C code never sees a Go panic.
func (r *ModuleReader) read(want uint64, fn func()) (ok bool) {
	if r.failed {
		return false
	}
	defer func() {
		if x := recover(); x != nil {
			e, isErr := x.(*Error)
			if !isErr {
				panic(x)
			}
			r.failed = true
			r.eofHit = !e.Corrupt
			ok = false
		}
	}()
	op := r.d.plainLen()
	if op != want && !(want == modOpUInt && op == modOpSInt) {
		r.failed = true
		return false
	}
	fn()
	return true
}

// LoadUnsigned reads a value saved with SaveUnsigned.
func (r *ModuleReader) LoadUnsigned() (uint64, bool) {
	var v uint64
	ok := r.read(modOpUInt, func() { v = r.d.plainLen() })
	return v, ok
}

// LoadSigned reads a value saved with SaveSigned.
func (r *ModuleReader) LoadSigned() (int64, bool) {
	v, ok := r.LoadUnsigned()
	return int64(v), ok
}

// LoadFloat reads a value saved with SaveFloat.
func (r *ModuleReader) LoadFloat() (float32, bool) {
	var v float32
	ok := r.read(modOpFloat, func() { v = math.Float32frombits(binary.LittleEndian.Uint32(r.d.raw(4))) })
	return v, ok
}

// LoadDouble reads a value saved with SaveDouble.
func (r *ModuleReader) LoadDouble() (float64, bool) {
	var v float64
	ok := r.read(modOpDouble, func() { v = r.d.binDouble() })
	return v, ok
}

// LoadString reads a value saved with SaveString or SaveStringBuffer.
func (r *ModuleReader) LoadString() ([]byte, bool) {
	var v []byte
	ok := r.read(modOpString, func() { v = r.d.str() })
	return v, ok
}

// ModuleWriter is the RedisModuleIO of a save: it appends typed values.
type ModuleWriter struct {
	e encoder
	// Key and DB name the key being saved ("" and -1 for aux data).
	Key string
	DB  int
}

// SaveUnsigned appends an unsigned integer.
func (w *ModuleWriter) SaveUnsigned(v uint64) {
	w.e.length(modOpUInt)
	w.e.length(v)
}

// SaveSigned appends a signed integer (stored as its unsigned bits).
func (w *ModuleWriter) SaveSigned(v int64) { w.SaveUnsigned(uint64(v)) }

// SaveFloat appends a float.
func (w *ModuleWriter) SaveFloat(v float32) {
	w.e.length(modOpFloat)
	w.e.b = binary.LittleEndian.AppendUint32(w.e.b, math.Float32bits(v))
}

// SaveDouble appends a double.
func (w *ModuleWriter) SaveDouble(v float64) {
	w.e.length(modOpDouble)
	w.e.binDouble(v)
}

// SaveString appends a string.
func (w *ModuleWriter) SaveString(s []byte) {
	w.e.length(modOpString)
	w.e.str(s)
}

// Len reports how many bytes were written so far.
func (w *ModuleWriter) Len() int { return len(w.e.b) }

// NewModuleWriter returns a writer whose strings are LZF-compressed when
// compress is set (rdbcompression).
func NewModuleWriter(compress bool, key string, db int) *ModuleWriter {
	return &ModuleWriter{e: encoder{compress: compress}, Key: key, DB: db}
}

// NewModuleReader reads typed values from body (tests and AOF use it).
func NewModuleReader(body []byte, key string, db int) *ModuleReader {
	return &ModuleReader{d: &decoder{b: body, ver: Version}, Key: key, DB: db}
}

// Bytes returns what was written.
func (w *ModuleWriter) Bytes() []byte { return w.e.b }

// serializeModule runs the type's rdb_save and frames the body with the
// trailing EOF opcode.
func serializeModule(mods Modules, v *keyspace.ModuleValue, compress bool, key string, db int) (ModuleBlob, error) {
	if mods == nil {
		return ModuleBlob{}, &Error{Msg: "no module layer to save module type " + v.Type.Name()}
	}
	w := NewModuleWriter(compress, key, db)
	if err := mods.Save(v, w); err != nil {
		return ModuleBlob{}, err
	}
	w.e.length(modOpEOF)
	return ModuleBlob{TypeID: v.Type.ID(), Body: w.e.b}, nil
}
