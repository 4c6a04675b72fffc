package keyspace

// ModuleType is a data type registered by a module (RedisModule_CreateDataType).
// capi implements it; the keyspace and rdb/ only see this interface.
type ModuleType interface {
	// Name is the type's 9-character name, which TYPE prints.
	Name() string
	// ID is the 64-bit type id: the name in the top 54 bits, encver below.
	ID() uint64
	// Free releases a value's memory through the type's free callback.
	Free(ptr uintptr)
}

// ModuleValue is a value owned by a module: an opaque pointer into C
// memory plus the type whose callbacks understand it.
type ModuleValue struct {
	Type ModuleType
	Ptr  uintptr
}

// Kind implements Value.
func (*ModuleValue) Kind() Kind { return KindModule }

// Encoding is what OBJECT ENCODING reports for module values.
func (*ModuleValue) Encoding() string { return "raw" }
