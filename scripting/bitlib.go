package scripting

import (
	"fmt"
	"math"

	lua "github.com/yuin/gopher-lua"
)

// The bit library (LuaBitOp) Redis loads: 32-bit operations on numbers,
// results signed 32-bit.

func registerBitLib(L *lua.LState, globals *lua.LTable) {
	t := L.NewTable()
	fold := func(op func(a, b uint32) uint32) lua.LGFunction {
		return func(L *lua.LState) int {
			r := bitArg(L, 1)
			for i := 2; i <= L.GetTop(); i++ {
				r = op(r, bitArg(L, i))
			}
			L.Push(bitResult(r))
			return 1
		}
	}
	shift := func(op func(a uint32, n uint) uint32) lua.LGFunction {
		return func(L *lua.LState) int {
			a, n := bitArg(L, 1), bitArg(L, 2)&31
			L.Push(bitResult(op(a, uint(n))))
			return 1
		}
	}
	fns := map[string]lua.LGFunction{
		"tobit":  func(L *lua.LState) int { L.Push(bitResult(bitArg(L, 1))); return 1 },
		"bnot":   func(L *lua.LState) int { L.Push(bitResult(^bitArg(L, 1))); return 1 },
		"band":   fold(func(a, b uint32) uint32 { return a & b }),
		"bor":    fold(func(a, b uint32) uint32 { return a | b }),
		"bxor":   fold(func(a, b uint32) uint32 { return a ^ b }),
		"lshift": shift(func(a uint32, n uint) uint32 { return a << n }),
		"rshift": shift(func(a uint32, n uint) uint32 { return a >> n }),
		"arshift": shift(func(a uint32, n uint) uint32 {
			return uint32(int32(a) >> n)
		}),
		"rol": shift(func(a uint32, n uint) uint32 { return a<<n | a>>(32-n) }),
		"ror": shift(func(a uint32, n uint) uint32 { return a>>n | a<<(32-n) }),
		"bswap": func(L *lua.LState) int {
			a := bitArg(L, 1)
			L.Push(bitResult(a>>24 | a>>8&0xff00 | a<<8&0xff0000 | a<<24))
			return 1
		},
		"tohex": func(L *lua.LState) int {
			a := bitArg(L, 1)
			n := int32(8)
			if L.GetTop() >= 2 {
				n = int32(bitArg(L, 2))
			}
			digits := "0123456789abcdef"
			if n == math.MinInt32 {
				n++ // its negation would overflow
			}
			if n < 0 {
				n = -n
				digits = "0123456789ABCDEF"
			}
			if n > 8 {
				n = 8
			}
			buf := make([]byte, n)
			for i := n - 1; i >= 0; i-- {
				buf[i] = digits[a&15]
				a >>= 4
			}
			L.Push(lua.LString(buf))
			return 1
		},
	}
	for name, fn := range fns {
		t.RawSetString(name, L.NewFunction(fn))
	}
	globals.RawSetString("bit", t)
}

// bitArg reads argument i as LuaBitOp does: the number rounded to an
// integer and taken modulo 2^32.
func bitArg(L *lua.LState, i int) uint32 {
	v := L.Get(i)
	f, ok := luaNumber(v)
	if !ok {
		L.ArgError(i, fmt.Sprintf("number expected, got %s", v.Type().String()))
	}
	f = math.RoundToEven(f)
	return uint32(int64(math.Mod(f, 4294967296)))
}

func bitResult(r uint32) lua.LNumber { return lua.LNumber(int32(r)) }
