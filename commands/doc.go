// Package commands implements Redis's core commands, one file per command
// group (string.go, generic.go, list.go, ...). Each file registers its
// commands from init with a table entry (name, arity, flags, key positions,
// ACL categories) plus one handler function.
//
// Invariants:
//   - Handlers run under the execution lock and write exactly one reply,
//     or block the client and write none.
//   - Handlers parse and validate every argument before touching the
//     keyspace, so a rejected command changes nothing.
//   - Error texts come from errors.go, never spelled inline.
//   - Every write calls changed() (WATCH, notification, dirty counter) and
//     Ready() when blocked clients may want the key.
package commands
