// Package scripting runs Lua scripts as Redis 7.2 does: EVAL, EVALSHA and
// their read-only forms, the SCRIPT command, the `redis` library a script
// sees, and the conversions between Lua values and RESP replies.
//
// The interpreter is gopher-lua (Lua 5.1 in pure Go). One interpreter and
// one script cache serve each engine.Server; every use happens under the
// server's execution lock, so the interpreter is never shared between
// goroutines. A script's redis.call runs on a fake client of its own
// through engine.Server.Call, the path RM_Call takes, so the commands it
// runs are counted, notified and propagated like any other: the writes of
// one script form one execution unit (MULTI/EXEC around them when there is
// more than one), and EVAL itself is never propagated.
package scripting
