package scripting

import (
	"strings"

	"modhost/engine"
)

// ScriptLoad is SCRIPT LOAD: compile into the cache, reply the SHA1.
func ScriptLoad(c *engine.Ctx) {
	sha, _, errText := For(c.S).load(string(c.Args[2]))
	if errText != "" {
		c.Error(errText)
		return
	}
	c.W.BulkString(sha)
}

// ScriptExists is SCRIPT EXISTS: 1 or 0 for each SHA1.
func ScriptExists(c *engine.Ctx) {
	st := For(c.S)
	c.W.Array(len(c.Args) - 2)
	for _, sha := range c.Args[2:] {
		if st.lookup(string(sha)) != nil {
			c.W.Int(1)
		} else {
			c.W.Int(0)
		}
	}
}

// ScriptFlush is SCRIPT FLUSH [ASYNC|SYNC]. The cache and interpreter are
// dropped at once either way: nothing in them is big enough to need a
// background free.
func ScriptFlush(c *engine.Ctx) {
	if len(c.Args) > 3 || (len(c.Args) == 3 && !strings.EqualFold(string(c.Args[2]), "sync") &&
		!strings.EqualFold(string(c.Args[2]), "async")) {
		c.Error(msgFlushOption)
		return
	}
	st := For(c.S)
	if st.run != nil {
		// A module command run by a script cannot pull the interpreter
		// from under it.
		c.Error(msgNested)
		return
	}
	st.reset()
	c.W.OK()
}

// ScriptKill is SCRIPT KILL: it reaches a script only once it runs past
// busy-reply-threshold and lets other clients in (busy.go).
func ScriptKill(c *engine.Ctx) {
	if msg := For(c.S).kill(); msg != "" {
		c.Error(msg)
		return
	}
	c.W.OK()
}

// ScriptDebug is SCRIPT DEBUG. The Lua debugger is not available; NO
// (the default) is accepted.
func ScriptDebug(c *engine.Ctx) {
	switch strings.ToLower(string(c.Args[2])) {
	case "no":
		c.W.OK()
	case "yes", "sync":
		c.Error("ERR SCRIPT DEBUG is not supported by this server")
	default:
		c.Error("ERR Use SCRIPT DEBUG YES/SYNC/NO")
	}
}
