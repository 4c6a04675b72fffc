package scripting

import (
	"strconv"
	"sync"

	lua "github.com/yuin/gopher-lua"

	"modhost/engine"
)

// Logger receives redis.log lines (server.Logger satisfies it).
type Logger interface {
	Logf(level int, format string, args ...any)
}

// Log levels as redis.log numbers them (Redis's LL_*).
const (
	logDebug = iota
	logVerbose
	logNotice
	logWarning
)

// Replication targets of redis.set_repl (Redis's PROPAGATE_*).
const (
	replNone = 0
	replAOF  = 1
	replRepl = 2
	replAll  = replAOF | replRepl
)

// State is the scripting state of one server: the interpreter, the script
// cache and the client scripts run their commands on. Execution lock held
// for every use.
type State struct {
	srv    *engine.Server
	L      *lua.LState
	cache  map[string]*script
	client *engine.Client
	// globals holds the real global variables; scripts see them through
	// the read-only proxy sandbox.
	globals *lua.LTable
	sandbox *lua.LTable
	// handler is the error handler scripts run under (sandbox.go).
	handler *lua.LFunction
	// run is the script being executed, nil between scripts.
	run *runCtx
	log Logger
	// level is the verbosity below which redis.log drops lines.
	level func() int
	// allowNoScript lets scripts run noscript commands (DEBUG
	// SET-DISABLE-DENY-SCRIPTS, for tests).
	allowNoScript bool
}

var states sync.Map // *engine.Server -> *State

// For returns the scripting state of s, creating it on first use. Lock
// held.
func For(s *engine.Server) *State {
	if v, ok := states.Load(s); ok {
		return v.(*State)
	}
	st := &State{srv: s}
	st.reset()
	states.Store(s, st)
	return st
}

// SetLogger routes redis.log of s's scripts to l, dropping lines below
// the level level reports. It also adds DEBUG SET-DISABLE-DENY-SCRIPTS.
func SetLogger(s *engine.Server, l Logger, level func() int) {
	st := For(s)
	st.log = l
	st.level = level
	s.DebugSubs["set-disable-deny-scripts"] = func(c *engine.Ctx) {
		if len(c.Args) != 3 {
			c.Error("ERR Unknown subcommand or wrong number of arguments for 'set-disable-deny-scripts'. Try DEBUG HELP.")
			return
		}
		n, err := strconv.Atoi(string(c.Args[2]))
		st.allowNoScript = err == nil && n != 0
		c.W.OK()
	}
}

// reset drops the cache and starts a fresh interpreter (SCRIPT FLUSH).
func (st *State) reset() {
	if st.L != nil {
		st.L.Close()
	}
	st.cache = map[string]*script{}
	st.L = newInterpreter(st)
	if st.client == nil {
		c := st.srv.NewFakeClient()
		c.Flags |= engine.ClientScript | engine.ClientDenyBlocking
		st.client = c
	}
}

// rebuild replaces a broken interpreter by a new one holding the same
// cached scripts.
func (st *State) rebuild() {
	old := st.cache
	st.reset()
	for _, sc := range old {
		st.load(sc.body)
	}
}

// CacheStats reports the number of cached scripts of s and the bytes
// their sources and names take (INFO memory), without starting an
// interpreter for a server that never ran a script.
func CacheStats(s *engine.Server) (n int, bytes int64) {
	v, ok := states.Load(s)
	if !ok {
		return 0, 0
	}
	for sha, sc := range v.(*State).cache {
		bytes += int64(len(sha) + len(sc.body))
	}
	return len(v.(*State).cache), bytes
}

// Running reports whether a script of s is executing now (the module
// API's REDISMODULE_CTX_FLAGS_LUA). Lock held.
func Running(s *engine.Server) bool {
	v, ok := states.Load(s)
	return ok && v.(*State).run != nil
}
