package scripting

import (
	lua "github.com/yuin/gopher-lua"
)

// The globals a script may see, as Redis 7.2 allows them: the libraries,
// the redis table and the Lua builtins. Anything else gopher-lua brings
// (print, dofile, require, os, io, ...) is removed.
var allowedGlobals = map[string]bool{
	"string": true, "math": true, "table": true, "bit": true, "cjson": true, "cmsgpack": true, "struct": true,
	"redis":  true,
	"xpcall": true, "tostring": true, "getfenv": true, "setmetatable": true, "next": true, "assert": true,
	"tonumber": true, "rawequal": true, "collectgarbage": true, "getmetatable": true, "rawset": true,
	"pcall": true, "coroutine": true, "type": true, "_G": true, "select": true, "unpack": true,
	"gcinfo": true, "pairs": true, "rawget": true, "loadstring": true, "ipairs": true, "_VERSION": true,
	"setfenv": true, "load": true, "error": true, "newproxy": true,
}

// Library tables a script may read but not change, like the globals.
var readonlyLibs = []string{"string", "math", "table", "coroutine", "redis", "bit"}

// newInterpreter builds the Lua state scripts run in.
func newInterpreter(st *State) *lua.LState {
	// Lua 5.1 allows about 20000 nested Lua calls and a stack of a
	// million slots; gopher-lua's defaults are far smaller, so both grow
	// on demand up to similar limits.
	L := lua.NewState(lua.Options{
		SkipOpenLibs:        true,
		CallStackSize:       20000,
		MinimizeStackMemory: true,
		RegistrySize:        1024,
		RegistryMaxSize:     1 << 20,
		RegistryGrowStep:    1024,
	})
	for _, lib := range []struct {
		name string
		fn   lua.LGFunction
	}{
		{lua.BaseLibName, lua.OpenBase},
		{lua.TabLibName, lua.OpenTable},
		{lua.StringLibName, lua.OpenString},
		{lua.MathLibName, lua.OpenMath},
		{lua.CoroutineLibName, lua.OpenCoroutine},
	} {
		L.Push(L.NewFunction(lib.fn))
		L.Push(lua.LString(lib.name))
		L.Call(1, 0)
	}
	globals := L.G.Global
	registerRedisLib(L, st, globals)
	registerBitLib(L, globals)
	registerMathRandom(L, globals)
	globals.RawSetString("pcall", L.NewFunction(luaPcall))
	var drop []string
	globals.ForEach(func(k, _ lua.LValue) {
		if name, ok := k.(lua.LString); !ok || !allowedGlobals[string(name)] {
			drop = append(drop, k.String())
		}
	})
	for _, k := range drop {
		globals.RawSetString(k, lua.LNil)
	}
	ro := map[*lua.LTable]bool{}
	for _, name := range readonlyLibs {
		if t, ok := globals.RawGetString(name).(*lua.LTable); ok {
			globals.RawSetString(name, readonlyProxy(L, t, false, ro))
		}
	}
	guardReadonly(L, globals, ro)
	st.globals = globals
	st.sandbox = readonlyProxy(L, globals, true, ro)
	globals.RawSetString("_G", st.sandbox)
	st.handler = L.NewFunction(errorHandler)
	return L
}

// readonlyProxy returns an empty table that reads through to t and
// refuses every assignment, as Redis 7.2's read-only tables do. With
// strict, reading a missing name is an error too (the globals).
func readonlyProxy(L *lua.LState, t *lua.LTable, strict bool, ro map[*lua.LTable]bool) *lua.LTable {
	p := L.NewTable()
	mt := L.NewTable()
	ro[p] = true
	if strict {
		mt.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
			k := L.Get(2)
			v := t.RawGet(k)
			if v == lua.LNil {
				L.RaiseError("Script attempted to access nonexistent global variable '%s'", L.ToStringMeta(k).String())
			}
			L.Push(v)
			return 1
		}))
	} else {
		mt.RawSetString("__index", t)
	}
	mt.RawSetString("__newindex", L.NewFunction(func(L *lua.LState) int {
		L.RaiseError("Attempt to modify a readonly table")
		return 0
	}))
	// getmetatable sees the metatable read-only too.
	mtView := L.NewTable()
	ro[mtView] = true
	viewMeta := L.NewTable()
	viewMeta.RawSetString("__index", mt)
	viewMeta.RawSetString("__newindex", mt.RawGetString("__newindex"))
	viewMeta.RawSetString("__metatable", lua.LFalse)
	mtView.Metatable = viewMeta
	mt.RawSetString("__metatable", mtView)
	p.Metatable = mt
	return p
}

// guardReadonly makes setmetatable and rawset refuse the read-only tables
// (ro) the way their assignments are refused.
func guardReadonly(L *lua.LState, globals *lua.LTable, ro map[*lua.LTable]bool) {
	for _, name := range []string{"setmetatable", "rawset"} {
		orig, ok := globals.RawGetString(name).(*lua.LFunction)
		if !ok {
			continue
		}
		globals.RawSetString(name, L.NewFunction(func(L *lua.LState) int {
			if t, ok := L.Get(1).(*lua.LTable); ok && ro[t] {
				L.RaiseError("Attempt to modify a readonly table")
			}
			top := L.GetTop()
			L.Push(orig)
			for i := 1; i <= top; i++ {
				L.Push(L.Get(i))
			}
			L.Call(top, lua.MultRet)
			return L.GetTop() - top
		}))
	}
}

// errorHandler is the message handler scripts run under: it turns the
// error into a table {err="ERR ..."} (a table raised by redis.call keeps
// its own) and notes the script's source and line where it was raised.
func errorHandler(L *lua.LState) int {
	e := L.Get(1)
	t, ok := e.(*lua.LTable)
	if !ok {
		t = L.NewTable()
		t.RawSetString("err", lua.LString("ERR "+L.ToStringMeta(e).String()))
	}
	// Level 0 is this handler; the function that raised the error is
	// next, or the Lua code that called it when it is a Go function.
	for level := 1; level <= 2; level++ {
		dbg, ok := L.GetStack(level)
		if !ok {
			break
		}
		if _, err := L.GetInfo("Sl", dbg, lua.LNil); err != nil {
			break
		}
		if dbg.What == "G" {
			continue
		}
		t.RawSetString("source", lua.LString("@"+dbg.Source))
		t.RawSetString("line", lua.LNumber(dbg.CurrentLine))
		break
	}
	L.Push(t)
	return 1
}

// luaPcall is the pcall scripts see: Lua's, except that an error raised
// as an {err=...} table (redis.call's) is returned as its text.
func luaPcall(L *lua.LState) int {
	L.CheckAny(1)
	nargs := L.GetTop() - 1
	if err := L.PCall(nargs, lua.MultRet, nil); err != nil {
		var obj lua.LValue = lua.LString(err.Error())
		if ae, ok := err.(*lua.ApiError); ok && ae.Object != nil {
			obj = ae.Object
		}
		if t, ok := obj.(*lua.LTable); ok {
			if s, ok := luaToString(t.RawGetString("err")); ok {
				obj = lua.LString(s)
			}
		}
		L.Push(lua.LFalse)
		L.Push(obj)
		return 2
	}
	L.Insert(lua.LTrue, 1)
	return L.GetTop()
}
