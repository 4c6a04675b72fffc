package scripting

import (
	"fmt"
	"math"
	"math/rand"
	"time"

	lua "github.com/yuin/gopher-lua"
)

// math.random and math.randomseed as Redis replaces them: a generator of
// the interpreter's own, seeded at start, that a script may reseed; a
// script's argument strings that read as numbers are accepted as seeds
// and bounds, as Lua 5.1's luaL_checkint accepts them.

func registerMathRandom(L *lua.LState, globals *lua.LTable) {
	m, ok := globals.RawGetString("math").(*lua.LTable)
	if !ok {
		return
	}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	checkInt := func(L *lua.LState, i int) int {
		v := L.Get(i)
		f, ok := luaNumber(v)
		if !ok {
			L.ArgError(i, fmt.Sprintf("number expected, got %s", v.Type().String()))
		}
		return int(f)
	}
	m.RawSetString("random", L.NewFunction(func(L *lua.LState) int {
		r := rng.Float64()
		switch L.GetTop() {
		case 0:
			L.Push(lua.LNumber(r))
		case 1:
			u := checkInt(L, 1)
			if u < 1 {
				L.ArgError(1, "interval is empty")
			}
			L.Push(lua.LNumber(math.Floor(r*float64(u)) + 1))
		case 2:
			l, u := checkInt(L, 1), checkInt(L, 2)
			if l > u {
				L.ArgError(2, "interval is empty")
			}
			L.Push(lua.LNumber(math.Floor(r*float64(u-l+1)) + float64(l)))
		default:
			L.RaiseError("wrong number of arguments")
		}
		return 1
	}))
	m.RawSetString("randomseed", L.NewFunction(func(L *lua.LState) int {
		rng.Seed(int64(checkInt(L, 1)))
		return 0
	}))
}
