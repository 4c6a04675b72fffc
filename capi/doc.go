// Package capi is the Go side of the Redis module API: it loads modules,
// registers their commands in the engine's table, runs their callbacks
// through the C trampolines in shim/, and implements the APIs that need
// server state as Go exports (go<Name>) that the shim calls.
//
// It is the only package that imports "C". The shim is compiled as part of
// this package (shim.c includes every shim source), so a plain go build
// produces a binary with no RedisModule_* symbol.
//
// Loading uses the C library's dlopen through cgo, not purego: modules run
// C code that calls back into the host (every RedisModule_* call), which
// needs cgo's callback machinery anyway, and the variadic APIs, trampolines
// and hot APIs are C; purego would only add a second, slower path into the
// same C world. Modules are opened RTLD_NOW|RTLD_LOCAL, as Redis does, and
// the binary links libm so modules that use it without linking it resolve.
//
// Invariants:
//   - C never keeps a Go pointer. Contexts, strings, keys and replies live
//     in C memory; C refers to Go state by ids (client ids, module handles,
//     key handles) that Go looks up in registries.
//   - Module code runs only under the engine's execution lock, except the
//     module's own threads, which take it through ThreadSafeContextLock.
//   - Every export recovers panics, logs them with the API name, and
//     returns the API's failure value; a Go panic never unwinds through C.
//   - A command call is one Go->C crossing; an API that needs server state
//     is one C->Go crossing.
package capi
