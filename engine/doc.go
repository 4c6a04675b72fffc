// Package engine is the command-execution core: the command table, clients
// as sessions, dispatch (Exec), transactions' queueing, blocking, WATCH and
// Pub/Sub bookkeeping. It has no sockets (server/ owns those) and no cgo
// (capi/ registers module commands into the same Table).
//
// Invariants:
//   - Everything that reads or writes Server state holds Server.Lock, the
//     execution lock; the only exceptions are Client.Queue/Flush (guarded by
//     the client's own mutexes) and Block.Wake (atomic).
//   - A handler writes exactly one reply to Ctx.W, or none when it blocked
//     the client (the reply then comes from the Block callbacks).
//   - Keys made ready during a command are served after it returns, before
//     the next command runs, in the order clients blocked.
//   - Lock order: Server.Lock, then Client.mu; Client.wmu is never taken
//     while holding Server.Lock.
package engine
