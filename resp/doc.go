// Package resp encodes replies in RESP2 and RESP3 and parses RESP values.
//
// It is shared by the network server, the core commands, RM_Call's fake
// client and the module reply path, so all of them produce identical bytes.
//
// Invariants:
//   - A Writer is owned by one goroutine at a time; it does no locking.
//   - Deferred aggregate headers are closed innermost first; bytes written
//     after a deferred header are shifted when its length is set.
//   - Doubles are formatted as Redis 7.2 formats them in replies.
package resp
