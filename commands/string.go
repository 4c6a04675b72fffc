package commands

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"modhost/engine"
	"modhost/keyspace"
)

func init() { groups = append(groups, registerString) }

func registerString(t *engine.Table) {
	t.Add(&engine.Spec{Name: "get", Arity: 2, Flags: readonly | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, KeyStep: 1}}, ACL: []string{"read", "string", "fast"},
		Summary: "Returns the string value of a key.", Since: "1.0.0", Group: "string", Complexity: "O(1)",
		Run: cmdGet})
	t.Add(&engine.Spec{Name: "set", Arity: -3, Flags: write | denyoom, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Notes: "RW and ACCESS due to the optional `GET` argument", Flags: []string{"RW", "access", "update", "variable_flags"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "slow"},
		Summary: "Sets the string value of a key, ignoring its type. The key is created if it doesn't exist.", Since: "1.0.0", Group: "string", Complexity: "O(1)",
		Run: cmdSet})
	t.Add(&engine.Spec{Name: "setnx", Arity: 3, Flags: write | denyoom | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"OW", "insert"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "fast"},
		Summary: "Set the string value of a key only when the key doesn't exist.", Since: "1.0.0", Group: "string", Complexity: "O(1)",
		Run: cmdSetnx})
	t.Add(&engine.Spec{Name: "setex", Arity: 4, Flags: write | denyoom, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"OW", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "slow"},
		Summary: "Sets the string value and expiration time of a key. Creates the key if it doesn't exist.", Since: "2.0.0", Group: "string", Complexity: "O(1)",
		Run: cmdSetex})
	t.Add(&engine.Spec{Name: "psetex", Arity: 4, Flags: write | denyoom, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"OW", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "slow"},
		Summary: "Sets both string value and expiration time in milliseconds of a key. The key is created if it doesn't exist.", Since: "2.6.0", Group: "string", Complexity: "O(1)",
		Run: cmdPsetex})
	t.Add(&engine.Spec{Name: "getset", Arity: 3, Flags: write | denyoom | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "access", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "fast"},
		Summary: "Returns the previous string value of a key after setting it to a new value.", Since: "1.0.0", Group: "string", Complexity: "O(1)",
		Run: cmdGetset})
	t.Add(&engine.Spec{Name: "getdel", Arity: 2, Flags: write | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "access", "delete"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "fast"},
		Summary: "Returns the string value of a key after deleting the key.", Since: "6.2.0", Group: "string", Complexity: "O(1)",
		Run: cmdGetdel})
	t.Add(&engine.Spec{Name: "getex", Arity: -2, Flags: write | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Notes: "RW and UPDATE because it changes the TTL", Flags: []string{"RW", "access", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "fast"},
		Summary: "Returns the string value of a key after setting its expiration time.", Since: "6.2.0", Group: "string", Complexity: "O(1)",
		Run: cmdGetex})
	t.Add(&engine.Spec{Name: "mget", Arity: -2, Flags: readonly | fast, First: 1, Last: -1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, LastKey: -1, KeyStep: 1}}, ACL: []string{"read", "string", "fast"},
		Summary: "Atomically returns the string values of one or more keys.", Since: "1.0.0", Group: "string", Complexity: "O(N) where N is the number of keys to retrieve.", Tips: []string{"request_policy:multi_shard"},
		Run: cmdMget})
	t.Add(&engine.Spec{Name: "mset", Arity: -3, Flags: write | denyoom, First: 1, Last: -1, Step: 2, KeySpecs: []engine.KeySpec{{Flags: []string{"OW", "update"}, Index: 1, LastKey: -1, KeyStep: 2}}, ACL: []string{"write", "string", "slow"},
		Summary: "Atomically creates or modifies the string values of one or more keys.", Since: "1.0.1", Group: "string", Complexity: "O(N) where N is the number of keys to set.", Tips: []string{"request_policy:multi_shard", "response_policy:all_succeeded"},
		Run: cmdMset})
	t.Add(&engine.Spec{Name: "msetnx", Arity: -3, Flags: write | denyoom, First: 1, Last: -1, Step: 2, KeySpecs: []engine.KeySpec{{Flags: []string{"OW", "insert"}, Index: 1, LastKey: -1, KeyStep: 2}}, ACL: []string{"write", "string", "slow"},
		Summary: "Atomically modifies the string values of one or more keys only when all keys don't exist.", Since: "1.0.1", Group: "string", Complexity: "O(N) where N is the number of keys to set.", Tips: []string{"request_policy:multi_shard", "response_policy:agg_min"},
		Run: cmdMsetnx})
	t.Add(&engine.Spec{Name: "append", Arity: 3, Flags: write | denyoom | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "insert"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "fast"},
		Summary: "Appends a string to the value of a key. Creates the key if it doesn't exist.", Since: "2.0.0", Group: "string", Complexity: "O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.",
		Run: cmdAppend})
	t.Add(&engine.Spec{Name: "strlen", Arity: 2, Flags: readonly | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO"}, Index: 1, KeyStep: 1}}, ACL: []string{"read", "string", "fast"},
		Summary: "Returns the length of a string value.", Since: "2.2.0", Group: "string", Complexity: "O(1)",
		Run: cmdStrlen})
	t.Add(&engine.Spec{Name: "getrange", Arity: 4, Flags: readonly, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, KeyStep: 1}}, ACL: []string{"read", "string", "slow"},
		Summary: "Returns a substring of the string stored at a key.", Since: "2.4.0", Group: "string", Complexity: "O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.",
		Run: cmdGetrange})
	t.Add(&engine.Spec{Name: "substr", Arity: 4, Flags: readonly, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, KeyStep: 1}}, ACL: []string{"read", "string", "slow"},
		Summary: "Returns a substring from a string value.", Since: "1.0.0", Group: "string", Complexity: "O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.",
		Run: cmdSubstr})
	t.Add(&engine.Spec{Name: "setrange", Arity: 4, Flags: write | denyoom, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "slow"},
		Summary: "Overwrites a part of a string value with another by an offset. Creates the key if it doesn't exist.", Since: "2.2.0", Group: "string", Complexity: "O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.",
		Run: cmdSetrange})
	t.Add(&engine.Spec{Name: "incr", Arity: 2, Flags: write | denyoom | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "access", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "fast"},
		Summary: "Increments the integer value of a key by one. Uses 0 as initial value if the key doesn't exist.", Since: "1.0.0", Group: "string", Complexity: "O(1)",
		Run: cmdIncr})
	t.Add(&engine.Spec{Name: "decr", Arity: 2, Flags: write | denyoom | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "access", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "fast"},
		Summary: "Decrements the integer value of a key by one. Uses 0 as initial value if the key doesn't exist.", Since: "1.0.0", Group: "string", Complexity: "O(1)",
		Run: cmdDecr})
	t.Add(&engine.Spec{Name: "incrby", Arity: 3, Flags: write | denyoom | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "access", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "fast"},
		Summary: "Increments the integer value of a key by a number. Uses 0 as initial value if the key doesn't exist.", Since: "1.0.0", Group: "string", Complexity: "O(1)",
		Run: cmdIncrby})
	t.Add(&engine.Spec{Name: "decrby", Arity: 3, Flags: write | denyoom | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "access", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "fast"},
		Summary: "Decrements a number from the integer value of a key. Uses 0 as initial value if the key doesn't exist.", Since: "1.0.0", Group: "string", Complexity: "O(1)",
		Run: cmdDecrby})
	t.Add(&engine.Spec{Name: "incrbyfloat", Arity: 3, Flags: write | denyoom | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "access", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"write", "string", "fast"},
		Summary: "Increment the floating point value of a key by a number. Uses 0 as initial value if the key doesn't exist.", Since: "2.6.0", Group: "string", Complexity: "O(1)",
		Run: cmdIncrbyfloat})
	t.Add(&engine.Spec{Name: "lcs", Arity: -3, Flags: readonly, First: 1, Last: 2, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, LastKey: 1, KeyStep: 1}}, ACL: []string{"read", "string", "slow"},
		Summary: "Finds the longest common substring.", Since: "7.0.0", Group: "string", Complexity: "O(N*M) where N and M are the lengths of s1 and s2, respectively",
		Run: cmdLcs})
}

// writeKey is lookupWrite for a key still in the request buffer: no copy
// of the name to probe, and k is the key as the db stores it (set when e
// is), which writes pass to hooks and events instead of a fresh copy.
func writeKey(c *engine.Ctx, key []byte, kind keyspace.Kind) (k string, e *keyspace.Entry, ok bool) {
	k, e = c.DB.LookupKeyNoTouch(key)
	if e == nil {
		return "", nil, true
	}
	if e.Val.Kind() != kind {
		c.Error(msgWrongType)
		return "", nil, false
	}
	return k, e, true
}

// readKey is lookupKind without its copy of the key name (the name is
// copied only for a miss's event): the reads of strings, hashes, sets and
// sorted sets go through it.
func readKey(c *engine.Ctx, key []byte, kind keyspace.Kind) (e *keyspace.Entry, ok bool) {
	e = c.DB.LookupBytes(key)
	if e == nil {
		keyMiss(c, key)
		return nil, true
	}
	c.S.Stats.KeyspaceHits++
	if e.Val.Kind() != kind {
		c.Error(msgWrongType)
		return nil, false
	}
	return e, true
}

// getString looks key up for reading as a string and writes the null reply
// when it is missing; ok=false means WRONGTYPE was written.
func getString(c *engine.Ctx, key []byte) (s *keyspace.String, ok bool) {
	e, ok := readKey(c, key, keyspace.KindString)
	if !ok || e == nil {
		return nil, ok
	}
	return e.Val.(*keyspace.String), true
}

// replyGet is getGenericCommand: the value, null, or WRONGTYPE (false).
func replyGet(c *engine.Ctx) bool {
	s, ok := getString(c, c.Args[1])
	if !ok {
		return false
	}
	if s == nil {
		c.W.Null()
	} else {
		c.W.Bulk(s.B)
	}
	return true
}

func cmdGet(c *engine.Ctx) { replyGet(c) }

// Options of SET and GETEX (parseExtendedStringArgumentsOrReply).
const (
	setNX = 1 << iota
	setXX
	setEX
	setPX
	setKeepTTL
	setGet
	setEXAT
	setPXAT
	setPersist
)

// parseSetOptions reads SET's (forSet) or GETEX's options from args. Each
// option is accepted only when it does not conflict with one seen before,
// exactly as Redis checks them, so conflicts are syntax errors.
func parseSetOptions(c *engine.Ctx, args [][]byte, forSet bool) (flags int, expire []byte, ok bool) {
	const timed = setEX | setPX | setEXAT | setPXAT
	for j := 0; j < len(args); j++ {
		opt := strings.ToLower(cString(args[j]))
		hasNext := j+1 < len(args)
		switch {
		case opt == "nx" && forSet && flags&setXX == 0:
			flags |= setNX
		case opt == "xx" && forSet && flags&setNX == 0:
			flags |= setXX
		case opt == "get" && forSet:
			flags |= setGet
		case opt == "keepttl" && forSet && flags&(setPersist|timed) == 0:
			flags |= setKeepTTL
		case opt == "persist" && !forSet && flags&(timed|setKeepTTL) == 0:
			flags |= setPersist
		case opt == "ex" && flags&(setKeepTTL|setPersist|timed&^setEX) == 0 && hasNext:
			flags |= setEX
			expire = args[j+1]
			j++
		case opt == "px" && flags&(setKeepTTL|setPersist|timed&^setPX) == 0 && hasNext:
			flags |= setPX
			expire = args[j+1]
			j++
		case opt == "exat" && flags&(setKeepTTL|setPersist|timed&^setEXAT) == 0 && hasNext:
			flags |= setEXAT
			expire = args[j+1]
			j++
		case opt == "pxat" && flags&(setKeepTTL|setPersist|timed&^setPXAT) == 0 && hasNext:
			flags |= setPXAT
			expire = args[j+1]
			j++
		default:
			c.Error(msgSyntax)
			return 0, nil, false
		}
	}
	return flags, expire, true
}

// expireAt turns the EX/PX/EXAT/PXAT argument into an absolute Unix time
// in ms (getExpireMillisecondsOrReply), writing the error when it is not a
// positive integer or the arithmetic overflows.
func expireAt(c *engine.Ctx, arg []byte, flags int) (int64, bool) {
	ms, ok := intArg(c, arg, "")
	if !ok {
		return 0, false
	}
	seconds := flags&(setEX|setEXAT) != 0
	if ms <= 0 || (seconds && ms > math.MaxInt64/1000) {
		errExpireTime(c)
		return 0, false
	}
	if seconds {
		ms *= 1000
	}
	if flags&(setEX|setPX) != 0 {
		ms += c.S.KS.Now()
	}
	if ms <= 0 {
		errExpireTime(c)
		return 0, false
	}
	return ms, true
}

// setGeneric is SET and its variants. intReply makes the replies :1 and
// :0 (SETNX) instead of +OK and null.
func setGeneric(c *engine.Ctx, flags int, key, val, expire []byte, intReply bool) {
	var when int64
	if expire != nil {
		var ok bool
		if when, ok = expireAt(c, expire, flags); !ok {
			return
		}
	}
	if flags&setGet != 0 && !replyGet(c) {
		return
	}
	_, e := c.DB.LookupKeyNoTouch(key)
	found := e != nil
	if (flags&setNX != 0 && found) || (flags&setXX != 0 && !found) {
		if flags&setGet == 0 {
			if intReply {
				c.W.Int(0)
			} else {
				c.W.Null()
			}
		}
		return
	}
	// With a new expiry the old one is replaced below rather than
	// dropped first, as Redis does.
	k, _ := c.DB.SetKey(key, keyspace.NewString(val), flags&setKeepTTL != 0 || expire != nil)
	changed(c, k, keyspace.NotifyString, "set")
	if expire != nil {
		c.DB.SetExpire(k, when)
		c.DB.Notify(keyspace.NotifyGeneric, "expire", k)
	}
	if flags&setGet == 0 {
		if intReply {
			c.W.Int(1)
		} else {
			c.W.OK()
		}
	}
}

func cmdSet(c *engine.Ctx) {
	flags, expire, ok := parseSetOptions(c, c.Args[3:], true)
	if !ok {
		return
	}
	setGeneric(c, flags, c.Args[1], c.Args[2], expire, false)
}

func cmdSetnx(c *engine.Ctx) { setGeneric(c, setNX, c.Args[1], c.Args[2], nil, true) }

func cmdSetex(c *engine.Ctx) { setGeneric(c, setEX, c.Args[1], c.Args[3], c.Args[2], false) }

func cmdPsetex(c *engine.Ctx) { setGeneric(c, setPX, c.Args[1], c.Args[3], c.Args[2], false) }

func cmdGetex(c *engine.Ctx) {
	flags, expire, ok := parseSetOptions(c, c.Args[2:], false)
	if !ok {
		return
	}
	s, ok := getString(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		c.W.Null()
		return
	}
	var when int64
	if expire != nil {
		if when, ok = expireAt(c, expire, flags); !ok {
			return
		}
	}
	c.W.Bulk(s.B)
	k := string(c.Args[1])
	switch {
	case flags&(setEXAT|setPXAT) != 0 && when <= c.S.KS.Now() && !c.S.KS.Loading:
		// An absolute time already past deletes the key.
		c.DB.Delete(k)
		changed(c, k, keyspace.NotifyGeneric, "del")
	case expire != nil:
		c.DB.SetExpire(k, when)
		changed(c, k, keyspace.NotifyGeneric, "expire")
	case flags&setPersist != 0:
		if e := c.DB.Peek(k); e != nil && e.Expire != 0 {
			c.DB.SetExpire(k, 0)
			changed(c, k, keyspace.NotifyGeneric, "persist")
		}
	}
}

func cmdGetdel(c *engine.Ctx) {
	if !replyGet(c) {
		return
	}
	k := string(c.Args[1])
	if c.DB.Delete(k) {
		changed(c, k, keyspace.NotifyGeneric, "del")
	}
}

func cmdGetset(c *engine.Ctx) {
	if !replyGet(c) {
		return
	}
	k := string(c.Args[1])
	c.DB.Set(k, keyspace.NewString(c.Args[2]))
	changed(c, k, keyspace.NotifyString, "set")
}

func cmdMget(c *engine.Ctx) {
	c.W.Array(len(c.Args) - 1)
	for _, key := range c.Args[1:] {
		e := c.DB.LookupBytes(key)
		if e == nil {
			keyMiss(c, key)
			c.W.Null()
			continue
		}
		c.S.Stats.KeyspaceHits++
		if s, ok := e.Val.(*keyspace.String); ok {
			c.W.Bulk(s.B)
		} else {
			c.W.Null()
		}
	}
}

func msetGeneric(c *engine.Ctx, nx bool) {
	if len(c.Args)%2 == 0 {
		c.Error(fmt.Sprintf(msgArity, c.Cmd.FullName()))
		return
	}
	if nx {
		for j := 1; j < len(c.Args); j += 2 {
			if _, e := c.DB.LookupKeyNoTouch(c.Args[j]); e != nil {
				c.W.Int(0)
				return
			}
		}
	}
	for j := 1; j < len(c.Args); j += 2 {
		c.DB.LookupKeyNoTouch(c.Args[j]) // reclaims an expired key first, as setKey does
		k, _ := c.DB.SetKey(c.Args[j], keyspace.NewString(c.Args[j+1]), false)
		c.DB.Modified(k)
		c.DB.Notify(keyspace.NotifyString, "set", k)
	}
	c.S.KS.Dirty += int64(len(c.Args) / 2)
	if nx {
		c.W.Int(1)
	} else {
		c.W.OK()
	}
}

func cmdMset(c *engine.Ctx) { msetGeneric(c, false) }

func cmdMsetnx(c *engine.Ctx) { msetGeneric(c, true) }

// stringTooLong is checkStringLength: it writes the error when a string of
// size bytes grown by add bytes would pass proto-max-bulk-len.
func stringTooLong(c *engine.Ctx, size, add int64) bool {
	total := size + add
	if total > c.S.Settings.ProtoMaxBulkLen || total < size || total < add {
		c.Error(msgStringTooLong)
		return true
	}
	return false
}

func cmdAppend(c *engine.Ctx) {
	e, ok := lookupWrite(c, c.Args[1], keyspace.KindString)
	if !ok {
		return
	}
	k := string(c.Args[1])
	var total int
	if e == nil {
		v := keyspace.NewString(c.Args[2])
		c.DB.Set(k, v)
		total = len(v.B)
	} else {
		s := e.Val.(*keyspace.String)
		if stringTooLong(c, int64(len(s.B)), int64(len(c.Args[2]))) {
			return
		}
		s.B = append(s.B, c.Args[2]...)
		s.Raw = true
		total = len(s.B)
	}
	changed(c, k, keyspace.NotifyString, "append")
	c.W.Int(int64(total))
}

func cmdStrlen(c *engine.Ctx) {
	s, ok := getString(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		c.W.Int(0)
		return
	}
	c.W.Int(int64(len(s.B)))
}

func cmdGetrange(c *engine.Ctx) {
	start, ok := intArg(c, c.Args[2], "")
	if !ok {
		return
	}
	end, ok := intArg(c, c.Args[3], "")
	if !ok {
		return
	}
	s, ok := getString(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		c.W.BulkString("")
		return
	}
	n := int64(len(s.B))
	if start < 0 && end < 0 && start > end {
		c.W.BulkString("")
		return
	}
	if start < 0 {
		start += n
	}
	if end < 0 {
		end += n
	}
	start = max(start, 0)
	end = max(end, 0)
	if end >= n {
		end = n - 1
	}
	if start > end || n == 0 {
		c.W.BulkString("")
		return
	}
	c.W.Bulk(s.B[start : end+1])
}

func cmdSubstr(c *engine.Ctx) { cmdGetrange(c) }

func cmdSetrange(c *engine.Ctx) {
	offset, ok := intArg(c, c.Args[2], "")
	if !ok {
		return
	}
	if offset < 0 {
		c.Error(msgOffsetRange)
		return
	}
	val := c.Args[3]
	e, ok := lookupWrite(c, c.Args[1], keyspace.KindString)
	if !ok {
		return
	}
	k := string(c.Args[1])
	var s *keyspace.String
	if e == nil {
		if len(val) == 0 {
			c.W.Int(0)
			return
		}
		if stringTooLong(c, offset, int64(len(val))) {
			return
		}
		s = keyspace.NewRawString(make([]byte, offset+int64(len(val))))
		c.DB.Set(k, s)
	} else {
		s = e.Val.(*keyspace.String)
		if len(val) == 0 {
			c.W.Int(int64(len(s.B)))
			return
		}
		if stringTooLong(c, offset, int64(len(val))) {
			return
		}
		s.B = growZero(s.B, int(offset)+len(val))
		s.Raw = true
	}
	copy(s.B[offset:], val)
	changed(c, k, keyspace.NotifyString, "setrange")
	c.W.Int(int64(len(s.B)))
}

// growZero returns b extended with zero bytes to length n (unchanged when
// already that long), allocating once: large growths (SETRANGE, SETBIT
// near proto-max-bulk-len) must not copy twice.
func growZero(b []byte, n int) []byte {
	if n <= len(b) {
		return b
	}
	if n <= cap(b) {
		old := len(b)
		b = b[:n]
		clear(b[old:])
		return b
	}
	// Spare room as sds keeps it: double while small, +1MB when large.
	nb := make([]byte, n, n+min(n, 1<<20))
	copy(nb, b)
	return nb
}

// incrGeneric is INCR, DECR, INCRBY and DECRBY: the result keeps the TTL.
func incrGeneric(c *engine.Ctx, incr int64) {
	k, e, ok := writeKey(c, c.Args[1], keyspace.KindString)
	if !ok {
		return
	}
	var old int64
	if e != nil {
		if old, ok = keyspace.ParseInt(e.Val.(*keyspace.String).B); !ok {
			c.Error(msgNotInteger)
			return
		}
	}
	if (incr < 0 && old < 0 && incr < math.MinInt64-old) ||
		(incr > 0 && old > 0 && incr > math.MaxInt64-old) {
		c.Error(msgOverflow)
		return
	}
	n := old + incr
	var tmp [20]byte
	v := keyspace.NewString(keyspace.FormatInt(tmp[:0], n))
	if e != nil {
		// The value is replaced in its slot, as Redis's dbReplaceValue:
		// no overwrite (the module KEY event does not fire).
		e.Val = v
	} else {
		k, _ = c.DB.SetKey(c.Args[1], v, false)
	}
	changed(c, k, keyspace.NotifyString, "incrby")
	c.W.Int(n)
}

func cmdIncr(c *engine.Ctx) { incrGeneric(c, 1) }

func cmdDecr(c *engine.Ctx) { incrGeneric(c, -1) }

func cmdIncrby(c *engine.Ctx) {
	n, ok := intArg(c, c.Args[2], "")
	if ok {
		incrGeneric(c, n)
	}
}

func cmdDecrby(c *engine.Ctx) {
	n, ok := intArg(c, c.Args[2], "")
	if !ok {
		return
	}
	if n == math.MinInt64 {
		c.Error(msgDecrOverflow)
		return
	}
	incrGeneric(c, -n)
}

func cmdIncrbyfloat(c *engine.Ctx) {
	e, ok := lookupWrite(c, c.Args[1], keyspace.KindString)
	if !ok {
		return
	}
	old := new(big.Float).SetPrec(ldPrec) // a missing key counts as 0
	if e != nil {
		if old, ok = parseLongDouble(e.Val.(*keyspace.String).B); !ok {
			c.Error(msgNotFloat)
			return
		}
	}
	incr, ok := parseLongDouble(c.Args[2])
	if !ok {
		c.Error(msgNotFloat)
		return
	}
	sum, ok := addLongDouble(old, incr)
	if !ok {
		c.Error(msgIncrFloatNaN)
		return
	}
	k := string(c.Args[1])
	v := &keyspace.String{B: formatLongDoubleHuman(sum), NoInt: true}
	if e != nil {
		e.Val = v // replaced in its slot, as INCRBY
	} else {
		c.DB.Set(k, v)
	}
	changed(c, k, keyspace.NotifyString, "incrbyfloat")
	c.W.Bulk(v.B)
}

// lcsRange is one matching run that LCS IDX reports.
type lcsRange struct{ aStart, aEnd, bStart, bEnd, n int }

func cmdLcs(c *engine.Ctx) {
	var a, b []byte
	wrong := false
	for i, key := range c.Args[1:3] {
		e := c.DB.Lookup(string(key))
		if e == nil {
			keyMiss(c, key)
			continue
		}
		c.S.Stats.KeyspaceHits++
		s, ok := e.Val.(*keyspace.String)
		if !ok {
			wrong = true
			continue
		}
		if i == 0 {
			a = s.B
		} else {
			b = s.B
		}
	}
	if wrong {
		c.Error(msgLCSWrongType)
		return
	}
	var getLen, getIdx, withLen bool
	var minLen int64
	for j := 3; j < len(c.Args); j++ {
		opt := strings.ToLower(cString(c.Args[j]))
		more := len(c.Args) - 1 - j
		switch {
		case opt == "idx":
			getIdx = true
		case opt == "len":
			getLen = true
		case opt == "withmatchlen":
			withLen = true
		case opt == "minmatchlen" && more > 0:
			n, ok := intArg(c, c.Args[j+1], "")
			if !ok {
				return
			}
			minLen = max(n, 0)
			j++
		default:
			c.Error(msgSyntax)
			return
		}
	}
	if getLen && getIdx {
		c.Error(msgLCSLenAndIdx)
		return
	}
	if int64(len(a)) >= math.MaxUint32-1 || int64(len(b)) >= math.MaxUint32-1 {
		c.Error(msgLCSTooLong)
		return
	}
	rows, cols := len(a)+1, len(b)+1
	if uint64(rows)*uint64(cols)*4 > uint64(c.S.Settings.ProtoMaxBulkLen) {
		c.Error(msgLCSMemory)
		return
	}
	// tab[i*cols+j] is the LCS length of a[:i] and b[:j].
	tab := make([]uint32, rows*cols)
	for i := 1; i < rows; i++ {
		for j := 1; j < cols; j++ {
			if a[i-1] == b[j-1] {
				tab[i*cols+j] = tab[(i-1)*cols+j-1] + 1
			} else {
				tab[i*cols+j] = max(tab[(i-1)*cols+j], tab[i*cols+j-1])
			}
		}
	}
	total := int(tab[rows*cols-1])
	if getLen {
		c.W.Int(int64(total))
		return
	}
	// Walk back from the end, collecting the common bytes and the runs in
	// the order Redis reports them (last run first).
	seq := make([]byte, total)
	idx := total
	var ranges []lcsRange
	none := len(a) // aStart == len(a) means no run is open
	cur := lcsRange{aStart: none}
	i, j := len(a), len(b)
	for i > 0 && j > 0 {
		emit := false
		if a[i-1] == b[j-1] {
			seq[idx-1] = a[i-1]
			if cur.aStart == none {
				cur = lcsRange{aStart: i - 1, aEnd: i - 1, bStart: j - 1, bEnd: j - 1}
			} else if cur.aStart == i && cur.bStart == j {
				cur.aStart--
				cur.bStart--
			} else {
				emit = true
			}
			if cur.aStart == 0 || cur.bStart == 0 {
				emit = true
			}
			idx--
			i--
			j--
		} else {
			if tab[(i-1)*cols+j] > tab[i*cols+j-1] {
				i--
			} else {
				j--
			}
			if cur.aStart != none {
				emit = true
			}
		}
		if emit {
			cur.n = cur.aEnd - cur.aStart + 1
			if minLen == 0 || int64(cur.n) >= minLen {
				ranges = append(ranges, cur)
			}
			cur.aStart = none
		}
	}
	if !getIdx {
		c.W.Bulk(seq)
		return
	}
	c.W.Map(2)
	c.W.BulkString("matches")
	c.W.Array(len(ranges))
	for _, r := range ranges {
		if withLen {
			c.W.Array(3)
		} else {
			c.W.Array(2)
		}
		c.W.Array(2)
		c.W.Int(int64(r.aStart))
		c.W.Int(int64(r.aEnd))
		c.W.Array(2)
		c.W.Int(int64(r.bStart))
		c.W.Int(int64(r.bEnd))
		if withLen {
			c.W.Int(int64(r.n))
		}
	}
	c.W.BulkString("len")
	c.W.Int(int64(total))
}
