package capi

// dataType is a module data type (RedisModule_CreateDataType); the data
// types section fills it in.
type dataType struct {
	name string
}
