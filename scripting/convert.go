package scripting

import (
	"math"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"modhost/resp"
)

// Reply -> Lua: a command's RESP reply becomes the value redis.call
// returns, as Redis converts it: integers become numbers, bulk strings
// strings, a null bulk or null array false, a status {ok=...}, an error
// {err=...}, arrays tables; RESP3 (after redis.setresp(3)) maps become
// {map={...}}, sets {set={k=true}}, doubles {double=n}, big numbers
// {big_number=s}, verbatim strings {verbatim_string={format=,string=}},
// null nil and booleans booleans; attributes are skipped.
func replyToLua(L *lua.LState, v resp.Value) lua.LValue {
	switch v.Type {
	case ':':
		return lua.LNumber(v.Int)
	case '$':
		if v.Null {
			return lua.LFalse
		}
		return lua.LString(v.Str)
	case '+':
		t := L.NewTable()
		t.RawSetString("ok", lua.LString(v.Str))
		return t
	case '-':
		t := errorTable(L, "-"+string(v.Str))
		// The command already counted this error; the script's reply
		// must not count it again.
		t.RawSetString("ignore_error_stats_update", lua.LTrue)
		return t
	case '*', '>':
		if v.Null {
			return lua.LFalse
		}
		t := L.CreateTable(len(v.Elems), 0)
		for i, e := range v.Elems {
			t.RawSetInt(i+1, replyToLua(L, e))
		}
		return t
	case '%':
		m := L.NewTable()
		for i := 0; i+1 < len(v.Elems); i += 2 {
			m.RawSet(replyToLua(L, v.Elems[i]), replyToLua(L, v.Elems[i+1]))
		}
		t := L.NewTable()
		t.RawSetString("map", m)
		return t
	case '~':
		s := L.NewTable()
		for _, e := range v.Elems {
			s.RawSet(replyToLua(L, e), lua.LTrue)
		}
		t := L.NewTable()
		t.RawSetString("set", s)
		return t
	case '_':
		return lua.LNil
	case '#':
		return lua.LBool(v.Int != 0)
	case ',':
		f, _ := parseRespDouble(string(v.Str))
		t := L.NewTable()
		t.RawSetString("double", lua.LNumber(f))
		return t
	case '(':
		t := L.NewTable()
		t.RawSetString("big_number", lua.LString(v.Str))
		return t
	case '=':
		inner := L.NewTable()
		inner.RawSetString("string", lua.LString(v.Str))
		inner.RawSetString("format", lua.LString(v.Format))
		t := L.NewTable()
		t.RawSetString("verbatim_string", inner)
		return t
	}
	return lua.LNil
}

func parseRespDouble(s string) (float64, error) {
	switch s {
	case "inf":
		return math.Inf(1), nil
	case "-inf":
		return math.Inf(-1), nil
	case "nan", "-nan":
		return math.NaN(), nil
	}
	return strconv.ParseFloat(s, 64)
}

// errorTable builds the {err="CODE message"} table Redis makes of an
// error text: a text starting with '-' carries its code up to the first
// space (ERR when there is none); any other text gets the code ERR.
// Trailing CR/LF are trimmed.
func errorTable(L *lua.LState, text string) *lua.LTable {
	t := L.NewTable()
	t.RawSetString("err", lua.LString(errorText(text)))
	return t
}

func errorText(text string) string {
	code, msg := "ERR", text
	if strings.HasPrefix(text, "-") {
		if sp := strings.IndexByte(text, ' '); sp >= 0 {
			code, msg = text[1:sp], text[sp+1:]
		} else {
			msg = text[1:]
		}
	}
	return code + " " + strings.Trim(msg, "\r\n")
}

// luaToReply writes v, a script's return value, to w as Redis converts
// it. scriptResp is the protocol the script chose with redis.setresp: with
// 2 a boolean is 1 or null, with 3 a boolean. countErr is called for each
// error reply the conversion writes, with count false when the error's
// command already counted it.
func luaToReply(w *resp.Writer, v lua.LValue, scriptResp int, countErr func(string, bool)) {
	toReply(w, v, scriptResp, countErr, 0)
}

// maxReplyDepth bounds the nesting of a returned table (a table holding
// itself would not end): Redis stops where its Lua stack runs out.
const maxReplyDepth = 4000

func toReply(w *resp.Writer, v lua.LValue, scriptResp int, countErr func(string, bool), depth int) {
	if depth >= maxReplyDepth {
		w.Error(msgStackLimit)
		countErr(msgStackLimit, true)
		return
	}
	switch v := v.(type) {
	case lua.LString:
		w.BulkString(string(v))
	case lua.LBool:
		switch {
		case scriptResp == 2 && bool(v):
			w.Int(1)
		case scriptResp == 2:
			w.Null()
		default:
			w.Bool(bool(v))
		}
	case lua.LNumber:
		w.Int(luaInt(float64(v)))
	case *lua.LTable:
		tableToReply(w, v, scriptResp, countErr, depth)
	default:
		w.Null()
	}
}

// luaInt converts a Lua number to an integer reply the way a C cast does:
// truncated toward zero.
func luaInt(f float64) int64 {
	if math.IsNaN(f) || f >= 9.223372036854775807e18 || f < -9.223372036854775808e18 {
		return math.MinInt64
	}
	return int64(f)
}

func tableToReply(w *resp.Writer, t *lua.LTable, scriptResp int, countErr func(string, bool), depth int) {
	if e, ok := t.RawGetString("err").(lua.LString); ok {
		// The table's text carries its own code (errorText).
		msg := string(e)
		w.Error(msg)
		countErr(msg, !lua.LVAsBool(t.RawGetString("ignore_error_stats_update")))
		return
	}
	if s, ok := t.RawGetString("ok").(lua.LString); ok {
		w.Simple(strings.Map(crlfToSpace, string(s)))
		return
	}
	if d, ok := t.RawGetString("double").(lua.LNumber); ok {
		w.Double(float64(d))
		return
	}
	if s, ok := t.RawGetString("big_number").(lua.LString); ok {
		w.BigNumber([]byte(strings.Map(crlfToSpace, string(s))))
		return
	}
	if vt, ok := t.RawGetString("verbatim_string").(*lua.LTable); ok {
		f, okf := vt.RawGetString("format").(lua.LString)
		s, oks := vt.RawGetString("string").(lua.LString)
		if okf && oks {
			format := string(f)
			if len(format) > 3 {
				format = format[:3]
			}
			w.Verbatim(format, []byte(s))
			return
		}
	}
	if m, ok := t.RawGetString("map").(*lua.LTable); ok {
		var keys, vals []lua.LValue
		m.ForEach(func(k, v lua.LValue) { keys, vals = append(keys, k), append(vals, v) })
		w.Map(len(keys))
		for i := range keys {
			toReply(w, keys[i], scriptResp, countErr, depth+1)
			toReply(w, vals[i], scriptResp, countErr, depth+1)
		}
		return
	}
	if s, ok := t.RawGetString("set").(*lua.LTable); ok {
		var keys []lua.LValue
		s.ForEach(func(k, _ lua.LValue) { keys = append(keys, k) })
		w.Set(len(keys))
		for _, k := range keys {
			toReply(w, k, scriptResp, countErr, depth+1)
		}
		return
	}
	// An array: the elements from index 1 up to the first nil.
	n := 0
	for t.RawGetInt(n+1) != lua.LNil {
		n++
	}
	w.Array(n)
	for i := 1; i <= n; i++ {
		toReply(w, t.RawGetInt(i), scriptResp, countErr, depth+1)
	}
}

func crlfToSpace(r rune) rune {
	if r == '\r' || r == '\n' {
		return ' '
	}
	return r
}

// luaArgs converts redis.call's arguments to a command line: strings as
// they are, numbers as integers when they are whole (and in range),
// otherwise in their shortest exact form. ok is false when an argument
// is neither.
func luaArgs(L *lua.LState) (args [][]byte, ok bool) {
	n := L.GetTop()
	args = make([][]byte, n)
	for i := 1; i <= n; i++ {
		switch v := L.Get(i).(type) {
		case lua.LString:
			args[i-1] = []byte(v)
		case lua.LNumber:
			args[i-1] = []byte(formatNumber(float64(v)))
		default:
			return nil, false
		}
	}
	return args, true
}

func formatNumber(f float64) string {
	const lim = float64(math.MaxInt64 / 2)
	if f >= -lim && f <= lim && f == math.Trunc(f) {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
