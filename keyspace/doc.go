// Package keyspace holds the databases: keys, typed values, expiry, and the
// hooks through which notifications, WATCH, client tracking, blocking and
// module key events learn about changes. It has no cgo and knows nothing of
// RESP; commands map its sentinel errors to reply texts.
//
// Invariants:
//   - Everything here runs under the server's execution lock.
//   - A key with a TTL is in both the key table and the TTL index, with the
//     same *Entry; Entry.Expire != 0 exactly when it is in the index.
//   - Lookup never returns an expired entry: it reclaims it first, raising
//     the "expired" event and the Removed hook, unless the keyspace is
//     loading.
//   - Hooks run after the change they report, synchronously.
package keyspace
