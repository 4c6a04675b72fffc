package scripting

import (
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"modhost/engine"
	"modhost/resp"
)

// The `redis` table scripts see. Errors a function raises are tables
// {err="CODE message"}, as Redis raises them, so the error reply keeps the
// code; the error handler adds where the script was.

// registerRedisLib builds the redis table into the globals.
func registerRedisLib(L *lua.LState, st *State, globals *lua.LTable) {
	t := L.NewTable()
	fns := map[string]lua.LGFunction{
		"call":               func(L *lua.LState) int { return st.redisCall(L, true) },
		"pcall":              func(L *lua.LState) int { return st.redisCall(L, false) },
		"sha1hex":            luaSha1hex,
		"error_reply":        luaErrorReply,
		"status_reply":       luaStatusReply,
		"log":                st.luaLog,
		"setresp":            st.luaSetResp,
		"set_repl":           st.luaSetRepl,
		"replicate_commands": func(L *lua.LState) int { L.Push(lua.LTrue); return 1 },
		"breakpoint":         func(L *lua.LState) int { L.Push(lua.LFalse); return 1 },
		"debug":              func(L *lua.LState) int { return 0 },
		"acl_check_cmd":      st.luaACLCheckCmd,
	}
	for name, fn := range fns {
		t.RawSetString(name, L.NewFunction(fn))
	}
	nums := map[string]int{
		"LOG_DEBUG": logDebug, "LOG_VERBOSE": logVerbose, "LOG_NOTICE": logNotice, "LOG_WARNING": logWarning,
		"REPL_NONE": replNone, "REPL_AOF": replAOF, "REPL_SLAVE": replRepl, "REPL_REPLICA": replRepl, "REPL_ALL": replAll,
		"REDIS_VERSION_NUM": versionNum(engine.RedisVersion),
	}
	for name, n := range nums {
		t.RawSetString(name, lua.LNumber(n))
	}
	t.RawSetString("REDIS_VERSION", lua.LString(engine.RedisVersion))
	globals.RawSetString("redis", t)
}

// versionNum packs "7.2.6" as 0x00070206, Redis's REDIS_VERSION_NUM.
func versionNum(v string) int {
	n := 0
	for _, part := range strings.SplitN(v, ".", 3) {
		x := 0
		for _, ch := range part {
			if ch < '0' || ch > '9' {
				break
			}
			x = x*10 + int(ch-'0')
		}
		n = n<<8 | x&0xff
	}
	return n
}

// raise raises the error table for text (see errorTable).
func raise(L *lua.LState, text string) int {
	L.Error(errorTable(L, text), 0)
	return 0
}

// redisCall is redis.call (raise true) and redis.pcall: it runs a command
// on the script's client and converts its reply.
func (st *State) redisCall(L *lua.LState, raiseErr bool) int {
	fail := func(t *lua.LTable) int {
		if raiseErr {
			L.Error(t, 0)
			return 0
		}
		L.Push(t)
		return 1
	}
	run := st.run
	if run == nil {
		return fail(errorTable(L, "redis.call can only be used inside a script invocation"))
	}
	if L.GetTop() == 0 {
		return fail(errorTable(L, "Please specify at least one argument for this redis lib call"))
	}
	args, ok := luaArgs(L)
	if !ok {
		return fail(errorTable(L, "Lua redis lib command arguments must be strings or integers"))
	}
	L.SetTop(0)
	reply, errText := st.call(run, args)
	if errText != "" {
		t := errorTable(L, errText)
		t.RawSetString("ignore_error_stats_update", lua.LTrue)
		return fail(t)
	}
	v, _, err := resp.Parse(reply)
	if err != nil {
		return fail(errorTable(L, "Unexpected reply from command"))
	}
	lv := replyToLua(L, v)
	if t, ok := lv.(*lua.LTable); ok && raiseErr && v.Type == '-' {
		L.Error(t, 0)
		return 0
	}
	L.Push(lv)
	return 1
}

func luaSha1hex(L *lua.LState) int {
	if L.GetTop() != 1 {
		return raise(L, "wrong number of arguments")
	}
	s, _ := luaToString(L.Get(1))
	L.Push(lua.LString(sha1hex(s)))
	return 1
}

// luaToString is lua_tolstring: strings and numbers have a text.
func luaToString(v lua.LValue) (string, bool) {
	switch v := v.(type) {
	case lua.LString:
		return string(v), true
	case lua.LNumber:
		return v.String(), true
	}
	return "", false
}

func luaErrorReply(L *lua.LState) int {
	s, ok := L.Get(1).(lua.LString)
	if L.GetTop() != 1 || !ok {
		L.Push(errorTable(L, "wrong number or type of arguments"))
		return 1
	}
	text := string(s)
	if !strings.HasPrefix(text, "-") {
		text = "-" + text
	}
	L.Push(errorTable(L, text))
	return 1
}

func luaStatusReply(L *lua.LState) int {
	s, ok := L.Get(1).(lua.LString)
	if L.GetTop() != 1 || !ok {
		L.Push(errorTable(L, "wrong number or type of arguments"))
		return 1
	}
	t := L.NewTable()
	t.RawSetString("ok", s)
	L.Push(t)
	return 1
}

// luaNumber is lua_tonumber: numbers, and strings that read as numbers.
func luaNumber(v lua.LValue) (float64, bool) {
	switch v := v.(type) {
	case lua.LNumber:
		return float64(v), true
	case lua.LString:
		n, err := parseLuaNumber(string(v))
		return n, err == nil
	}
	return 0, false
}

func parseLuaNumber(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if h, ok := strings.CutPrefix(strings.ToLower(s), "0x"); ok {
		n, err := strconv.ParseUint(h, 16, 64)
		return float64(n), err
	}
	return strconv.ParseFloat(s, 64)
}

func (st *State) luaLog(L *lua.LState) int {
	argc := L.GetTop()
	if argc < 2 {
		return raise(L, "redis.log() requires two arguments or more.")
	}
	lv, ok := luaNumber(L.Get(1))
	if !ok {
		return raise(L, "First argument must be a number (log level).")
	}
	level := int(lv)
	if level < logDebug || level > logWarning {
		return raise(L, "Invalid debug level.")
	}
	if st.log == nil || (st.level != nil && level < st.level()) {
		return 0
	}
	var parts []string
	for i := 2; i <= argc; i++ {
		if s, ok := luaToString(L.Get(i)); ok {
			parts = append(parts, s)
		}
	}
	st.log.Logf(level, "%s", strings.Join(parts, " "))
	return 0
}

func (st *State) luaSetResp(L *lua.LState) int {
	if L.GetTop() != 1 {
		return raise(L, "redis.setresp() requires one argument.")
	}
	n, _ := luaNumber(L.Get(1))
	if int(n) != 2 && int(n) != 3 {
		return raise(L, "RESP version must be 2 or 3.")
	}
	if st.run != nil {
		st.run.resp = int(n)
		st.client.SetProto(int(n))
	}
	return 0
}

func (st *State) luaSetRepl(L *lua.LState) int {
	if L.GetTop() != 1 {
		return raise(L, "redis.set_repl() requires one argument.")
	}
	n, _ := luaNumber(L.Get(1))
	flags := int(n)
	if flags&^replAll != 0 {
		return raise(L, "Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.")
	}
	if st.run != nil {
		st.run.repl = flags
	}
	return 0
}

// luaACLCheckCmd is redis.acl_check_cmd: whether the caller's user may
// run the command line given.
func (st *State) luaACLCheckCmd(L *lua.LState) int {
	if L.GetTop() == 0 {
		return raise(L, "Please specify at least one argument for this redis lib call")
	}
	args, ok := luaArgs(L)
	if !ok {
		return raise(L, "Lua redis lib command arguments must be strings or integers")
	}
	cmd, _ := st.srv.Lookup(args)
	if cmd == nil {
		return raise(L, "Invalid command passed to redis.acl_check_cmd()")
	}
	allowed := true
	if st.run != nil && st.srv.ACLCheck != nil {
		// A probe, not a denial: it must not leave an ACL LOG entry.
		allowed = st.aclProbe(cmd, args)
	}
	L.Push(lua.LBool(allowed))
	return 1
}
