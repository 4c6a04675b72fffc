// Package rdb reads and writes Redis's RDB snapshot format and the DUMP
// payload that shares its value serialisation. It has no cgo: module values
// cross through the Modules interface, which the module layer implements.
//
// Reading accepts RDB versions 1 to 11 and every value encoding Redis ever
// wrote (plain, ziplist, zipmap, intset, listpack, quicklist v1/v2, stream
// listpacks v1-v3). Writing produces version 10, the newest format Redis 7.0
// loads, using only the encodings that version defines.
//
// Invariants:
//   - A corrupt or truncated input yields an error, never a panic.
//   - Decoded values are fully owned Go data; nothing aliases the input.
//   - Saving reads the keyspace only; callers hold the execution lock while
//     values are serialised (Snapshot) and may write the bytes without it.
package rdb
