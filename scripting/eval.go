package scripting

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	lua "github.com/yuin/gopher-lua"

	"modhost/engine"
)

// Error texts of EVAL and SCRIPT.
const (
	msgNoScript        = "NOSCRIPT No matching script. Please use EVAL."
	msgKeysTooMany     = "ERR Number of keys can't be greater than number of args"
	msgKeysNegative    = "ERR Number of keys can't be negative"
	msgNotInteger      = "ERR value is not an integer or out of range"
	msgNotBusy         = "NOTBUSY No scripts in execution right now."
	msgFlushOption     = "ERR SCRIPT FLUSH only support SYNC|ASYNC option"
	msgWriteWithRO     = "ERR Can not execute a script with write flag using *_ro command."
	msgScriptOOM       = "OOM allow-oom flag is not set on the script, can not run it when used memory > 'maxmemory'"
	msgScriptReadonly  = "READONLY Can not run script with write flag on readonly replica"
	msgNested          = "ERR This Redis command is not allowed from script"
	msgUnknownFromLua  = "Unknown Redis command called from script"
	msgArityFromLua    = "Wrong number of args calling Redis command from script"
	msgWriteInROScript = "Write commands are not allowed from read-only scripts."
	msgReadonlyReplica = "-READONLY You can't write against a read only replica."
	msgStackLimit      = "ERR reached lua stack limit"
)

// runCtx is the state of the script being executed.
type runCtx struct {
	caller *engine.Client
	sha    string
	// readOnly refuses write commands (EVAL_RO, the no-writes flag).
	readOnly bool
	allowOOM bool
	// repl is where the script's writes propagate (redis.set_repl).
	repl int
	// resp is the protocol chosen with redis.setresp.
	resp int
	// writeDirty is set once the script ran a write command: later
	// writes skip the checks that only guard the first.
	writeDirty bool
	// start, timedOut and poll serve busy scripts (busy.go).
	start    time.Time
	timedOut bool
	poll     *pollCtx
}

// Eval is EVAL and its variants: bySHA for EVALSHA, ro for the *_RO forms.
func Eval(c *engine.Ctx, bySHA, ro bool) {
	s := c.S
	st := For(s)
	if len(s.Monitors) > 0 {
		// EVAL skips the monitor after running (its commands show
		// instead), so it is fed here, before them, as Redis does.
		s.FeedMonitors(c.C, c.DB.ID, c.Args)
	}
	if st.run != nil {
		// A module command run by a script calling EVAL back.
		c.Error(msgNested)
		return
	}
	if bySHA && len(c.Args[1]) != 40 {
		c.Error(msgNoScript)
		return
	}
	numkeys, err := strconv.ParseInt(string(c.Args[2]), 10, 64)
	if err != nil || !canonicalInt(c.Args[2]) {
		c.Error(msgNotInteger)
		return
	}
	if numkeys > int64(len(c.Args)-3) {
		c.Error(msgKeysTooMany)
		return
	}
	if numkeys < 0 {
		c.Error(msgKeysNegative)
		return
	}
	var sc *script
	var sha string
	if bySHA {
		sha = strings.ToLower(string(c.Args[1]))
		if sc = st.cache[sha]; sc == nil {
			c.Error(msgNoScript)
			return
		}
	} else {
		var errText string
		if sha, sc, errText = st.load(string(c.Args[1])); errText != "" {
			c.Error(errText)
			return
		}
	}
	if msg := st.refuse(c.C, sc, ro); msg != "" {
		c.Error(msg)
		return
	}
	keys := c.Args[3 : 3+numkeys]
	argv := c.Args[3+numkeys:]
	st.execute(c, sc, sha, ro, keys, argv)
}

// canonicalInt reports whether b is written as Redis's string2ll accepts
// it: no sign but one leading '-', no spaces, no leading zeros.
func canonicalInt(b []byte) bool {
	if len(b) == 0 || len(b) > 20 {
		return false
	}
	d := b
	if d[0] == '-' {
		d = d[1:]
	}
	if len(d) == 0 || (d[0] == '0' && len(b) > 1) {
		return false
	}
	for _, ch := range d {
		if ch < '0' || ch > '9' {
			return false
		}
	}
	return true
}

// refuse applies the checks Redis makes before a script with a shebang
// runs (scripts without one only meet the checks of each command they
// run), and returns the error text, or "".
func (st *State) refuse(caller *engine.Client, sc *script, ro bool) string {
	if sc.flags&flagCompat != 0 {
		return ""
	}
	s := st.srv
	obey := caller.Flags&engine.ClientMaster != 0 || s.KS.Loading
	if sc.flags&flagNoWrites == 0 {
		if s.ReplRole != nil && !obey {
			if replica, readOnly := s.ReplRole(); replica && readOnly {
				return msgScriptReadonly
			}
		}
		if d := s.WriteDeniedByDisk(); d != "" && !obey {
			return scriptDiskError(d)
		}
		if ro {
			return msgWriteWithRO
		}
	}
	if caller.Flags&engine.ClientAllowOOM == 0 && s.Memory.PreCommandOOM && s.Settings.MaxMemory > 0 &&
		sc.flags&(flagAllowOOM|flagNoWrites) == 0 {
		return msgScriptOOM
	}
	return ""
}

// scriptDiskError turns the MISCONF text a write command gets into the
// one a writing script gets.
func scriptDiskError(d string) string {
	if i := strings.Index(d, "AOF error: "); i >= 0 {
		return "MISCONF Redis is configured to persist data to AOF, but it's currently unable to persist to disk. " +
			"Writable scripts are blocked. Use 'no-writes' flag for read only scripts. " + d[i:]
	}
	return "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. " +
		"Writable scripts are blocked. Use 'no-writes' flag for read only scripts."
}

// execute runs a compiled script for the caller and writes its reply.
func (st *State) execute(c *engine.Ctx, sc *script, sha string, ro bool, keys, argv [][]byte) {
	L := st.L
	fc := st.client
	fc.DB = c.DB
	fc.SetProto(2)
	fc.ACLUser, fc.User = c.C.ACLUser, c.C.User
	if c.C.Flags&(engine.ClientMulti|engine.ClientExecuting) != 0 {
		fc.Flags |= engine.ClientExecuting
	}
	run := &runCtx{
		caller:   c.C,
		sha:      sha,
		readOnly: ro || sc.flags&(flagCompat|flagNoWrites) == flagNoWrites,
		allowOOM: c.C.Flags&engine.ClientAllowOOM != 0 || sc.flags&(flagCompat|flagAllowOOM) == flagAllowOOM,
		repl:     replAll,
		resp:     2,
		start:    time.Now(),
		poll:     &pollCtx{st: st, done: make(chan struct{})},
	}
	st.run = run
	L.SetContext(run.poll)
	defer func() {
		L.RemoveContext()
		if run.timedOut {
			st.srv.BusyReply = ""
		}
		st.run = nil
		fc.Flags &^= engine.ClientExecuting
		fc.W.Reset()
		fc.PropTarget = 0
	}()
	st.globals.RawSetString("KEYS", stringArray(L, keys))
	st.globals.RawSetString("ARGV", stringArray(L, argv))
	err, crashed := st.pcall(sc.fn)
	if crashed {
		c.Error("ERR Error running script " + sha + ", " + err.Error())
		return
	}
	if err != nil {
		if run.poll.killed && st.log != nil {
			st.log.Logf(logNotice, "Lua script killed by user with SCRIPT KILL.")
		}
		st.replyError(c, sha, err, run.poll.killed)
		return
	}
	v := L.Get(-1)
	L.Pop(1)
	luaToReply(c.W, v, run.resp, func(msg string, count bool) { countReplyError(c, msg, count) })
}

// pcall calls fn under the error handler. A Go panic that escapes
// gopher-lua (it fails this way when its own limits are hit inside the
// handler) leaves the interpreter unusable: crashed is then set and the
// interpreter is rebuilt with the cached scripts compiled again.
func (st *State) pcall(fn *lua.LFunction) (err error, crashed bool) {
	defer func() {
		if r := recover(); r != nil {
			err, crashed = fmt.Errorf("%v", r), true
			st.rebuild()
		}
	}()
	st.L.Push(fn)
	return st.L.PCall(0, 1, st.handler), false
}

func stringArray(L *lua.LState, items [][]byte) *lua.LTable {
	t := L.CreateTable(len(items), 0)
	for i, a := range items {
		t.RawSetInt(i+1, lua.LString(a))
	}
	return t
}

// replyError writes the reply to a script that raised an error: the
// error's text and, when known, where the script was ("script: <sha>, on
// @user_script:<line>.").
func (st *State) replyError(c *engine.Ctx, sha string, err error, killed bool) {
	var obj lua.LValue = lua.LString(err.Error())
	if ae, ok := err.(*lua.ApiError); ok && ae.Object != nil {
		obj = ae.Object
	}
	t, ok := obj.(*lua.LTable)
	if !ok {
		msg := obj.String()
		if len(msg) > 100 {
			msg = msg[:100]
		}
		c.Error("ERR Error running script " + sha + ", " + strings.TrimRight(msg, "\r\n"))
		return
	}
	msg, _ := luaToString(t.RawGetString("err"))
	if killed {
		msg = msgKilled
	}
	source, okSource := luaToString(t.RawGetString("source"))
	line, okLine := luaToString(t.RawGetString("line"))
	if okSource && okLine {
		msg += " script: " + sha + ", on " + source + ":" + line + "."
	}
	c.W.Error(msg)
	countReplyError(c, msg, !lua.LVAsBool(t.RawGetString("ignore_error_stats_update")))
}

// countReplyError accounts an error reply of a script: counted in the
// error statistics (which fails the call), or, for an error its command
// already counted, by failing the call directly, as Redis does.
func countReplyError(c *engine.Ctx, msg string, count bool) {
	if count {
		c.S.CountError(msg)
	} else {
		c.Cmd.Stats.Failed.Add(1)
	}
}

// call runs one command line for redis.call and returns its reply, or the
// text of the error Redis raises without running the command.
func (st *State) call(run *runCtx, args [][]byte) ([]byte, string) {
	s := st.srv
	fc := st.client
	if s.CommandFilter != nil {
		if args = s.CommandFilter(fc, args); len(args) == 0 {
			return nil, st.rejected(nil, msgUnknownFromLua)
		}
	}
	cmd, msg := s.Lookup(args)
	if cmd == nil {
		if strings.HasPrefix(msg, "ERR wrong number") {
			sp, _ := s.Lookup(args[:1])
			return nil, st.rejected(sp, msgArityFromLua)
		}
		return nil, st.rejected(nil, msgUnknownFromLua)
	}
	if cmd.Flags&engine.FlagNoScript != 0 && !st.allowNoScript {
		return nil, st.rejected(cmd, "This Redis command is not allowed from script")
	}
	if s.ACLCheck != nil {
		if msg := s.ACLCheck(fc, cmd, args, false); msg != "" {
			return nil, st.rejected(cmd, "ACL failure in script: "+strings.TrimPrefix(msg, "NOPERM "))
		}
	}
	write := cmd.Flags&engine.FlagWrite != 0
	if run.readOnly && cmd.Flags&(engine.FlagWrite|engine.FlagMayReplicate) != 0 {
		return nil, st.rejected(cmd, msgWriteInROScript)
	}
	obey := run.caller.Flags&engine.ClientMaster != 0 || s.KS.Loading
	if write && !run.writeDirty {
		if s.ReplRole != nil && !obey {
			if replica, readOnly := s.ReplRole(); replica && readOnly {
				return nil, st.rejected(cmd, msgReadonlyReplica)
			}
		}
		if d := s.WriteDeniedByDisk(); d != "" {
			return nil, st.rejected(cmd, "-"+d)
		}
	}
	if !run.allowOOM && s.Settings.MaxMemory > 0 && !obey && !run.writeDirty &&
		s.Memory.PreCommandOOM && cmd.Flags&engine.FlagDenyOOM != 0 {
		return nil, st.rejected(cmd, "-"+engine.MsgOOM)
	}
	if write {
		run.writeDirty = true
	}
	fc.PropTarget = 0
	if run.repl&replAOF != 0 {
		fc.PropTarget |= engine.PropAOF
	}
	if run.repl&replRepl != 0 {
		fc.PropTarget |= engine.PropRepl
	}
	fc.W.Reset()
	s.Call(fc, cmd, args)
	out := append([]byte(nil), fc.W.Buf...)
	fc.W.Reset()
	return out, ""
}

// rejected counts a command refused inside a script as Redis does (an
// error reply, and a rejected call of cmd when it is known) and returns
// the error text.
func (st *State) rejected(cmd *engine.Spec, text string) string {
	st.srv.CountRejected(cmd, errorText(text))
	return text
}

// aclProbe reports whether the script's user (the caller's) may run args
// (redis.acl_check_cmd).
func (st *State) aclProbe(cmd *engine.Spec, args [][]byte) bool {
	return st.srv.ACLCheck(st.client, cmd, args, false) == ""
}
