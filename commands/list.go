package commands

import (
	"strings"

	"modhost/engine"
	"modhost/keyspace"
)

func init() { groups = append(groups, registerList) }

func registerList(t *engine.Table) {
	k1 := func(s *engine.Spec) *engine.Spec { s.First, s.Last, s.Step = 1, 1, 1; return s }
	k12 := func(s *engine.Spec) *engine.Spec { s.First, s.Last, s.Step = 1, 2, 1; return s }
	acl := func(cat ...string) []string { return append(cat, "list") }
	t.Add(k1(&engine.Spec{Name: "lindex", Arity: 3, Flags: readonly, ACL: acl("read", "slow"), Run: cmdLindex}))
	t.Add(k1(&engine.Spec{Name: "linsert", Arity: 5, Flags: write | denyoom, ACL: acl("write", "slow"), Run: cmdLinsert}))
	t.Add(k1(&engine.Spec{Name: "llen", Arity: 2, Flags: readonly | fast, ACL: acl("read", "fast"), Run: cmdLlen}))
	t.Add(k12(&engine.Spec{Name: "lmove", Arity: 5, Flags: write | denyoom, ACL: acl("write", "slow"), Run: cmdLmove}))
	t.Add(&engine.Spec{Name: "lmpop", Arity: -4, Flags: write, GetKeys: numkeysKeys(1), ACL: acl("write", "slow"), Run: cmdLmpop})
	t.Add(k1(&engine.Spec{Name: "lpop", Arity: -2, Flags: write | fast, ACL: acl("write", "fast"), Run: func(c *engine.Ctx) { popCommand(c, true) }}))
	t.Add(k1(&engine.Spec{Name: "lpos", Arity: -3, Flags: readonly, ACL: acl("read", "slow"), Run: cmdLpos}))
	t.Add(k1(&engine.Spec{Name: "lpush", Arity: -3, Flags: write | denyoom | fast, ACL: acl("write", "fast"), Run: func(c *engine.Ctx) { pushCommand(c, true, false) }}))
	t.Add(k1(&engine.Spec{Name: "lpushx", Arity: -3, Flags: write | denyoom | fast, ACL: acl("write", "fast"), Run: func(c *engine.Ctx) { pushCommand(c, true, true) }}))
	t.Add(k1(&engine.Spec{Name: "lrange", Arity: 4, Flags: readonly, ACL: acl("read", "slow"), Run: cmdLrange}))
	t.Add(k1(&engine.Spec{Name: "lrem", Arity: 4, Flags: write, ACL: acl("write", "slow"), Run: cmdLrem}))
	t.Add(k1(&engine.Spec{Name: "lset", Arity: 4, Flags: write | denyoom, ACL: acl("write", "slow"), Run: cmdLset}))
	t.Add(k1(&engine.Spec{Name: "ltrim", Arity: 4, Flags: write, ACL: acl("write", "slow"), Run: cmdLtrim}))
	t.Add(k1(&engine.Spec{Name: "rpop", Arity: -2, Flags: write | fast, ACL: acl("write", "fast"), Run: func(c *engine.Ctx) { popCommand(c, false) }}))
	t.Add(k12(&engine.Spec{Name: "rpoplpush", Arity: 3, Flags: write | denyoom, ACL: acl("write", "slow"), Run: cmdRpoplpush}))
	t.Add(k1(&engine.Spec{Name: "rpush", Arity: -3, Flags: write | denyoom | fast, ACL: acl("write", "fast"), Run: func(c *engine.Ctx) { pushCommand(c, false, false) }}))
	t.Add(k1(&engine.Spec{Name: "rpushx", Arity: -3, Flags: write | denyoom | fast, ACL: acl("write", "fast"), Run: func(c *engine.Ctx) { pushCommand(c, false, true) }}))
}

// numkeysKeys returns a GetKeys for commands whose argument at idx counts
// the keys that follow it (LMPOP, ZUNION, SINTERCARD, ...).
func numkeysKeys(idx int) func(args [][]byte) []int {
	return func(args [][]byte) []int {
		if idx >= len(args) {
			return nil
		}
		n, ok := keyspace.ParseInt(args[idx])
		if !ok || n <= 0 {
			return nil
		}
		n = min(n, int64(len(args)))
		var out []int
		for i := idx + 1; i <= idx+int(n) && i < len(args); i++ {
			out = append(out, i)
		}
		return out
	}
}

// argPositive parses a non-negative integer (getPositiveLongFromObjectOrReply).
func argPositive(c *engine.Ctx, b []byte, msg string) (int64, bool) {
	if msg == "" {
		msg = msgMustBePositive
	}
	return intArgRange(c, b, 0, 1<<63-1, msg)
}

func eqFold(b []byte, s string) bool { return strings.EqualFold(string(b), s) }

// listOf looks key up for reading; ok=false means WRONGTYPE was written.
func listOf(c *engine.Ctx, key []byte) (*keyspace.List, bool) {
	e, ok := lookupKind(c, key, keyspace.KindList)
	if !ok || e == nil {
		return nil, ok
	}
	return e.Val.(*keyspace.List), true
}

// listForWrite is listOf without hit/miss accounting.
func listForWrite(c *engine.Ctx, key []byte) (*keyspace.List, bool) {
	e, ok := lookupWrite(c, key, keyspace.KindList)
	if !ok || e == nil {
		return nil, ok
	}
	return e.Val.(*keyspace.List), true
}

// removeIfEmpty deletes key when its collection became empty, raising
// "del" as Redis does; it reports whether it did.
func removeIfEmpty(c *engine.Ctx, key string, n int) bool {
	if n > 0 {
		return false
	}
	c.DB.Delete(key)
	c.DB.Notify(keyspace.NotifyGeneric, "del", key)
	return true
}

func pushCommand(c *engine.Ctx, head, xx bool) {
	key := string(c.Args[1])
	l, ok := listForWrite(c, c.Args[1])
	if !ok {
		return
	}
	if l == nil {
		if xx {
			c.W.Int(0)
			return
		}
		l = keyspace.NewList()
		c.DB.Set(key, l)
	}
	l.Push(c.Args[2:], head)
	c.W.Int(int64(l.Len()))
	ev := "rpush"
	if head {
		ev = "lpush"
	}
	changed(c, key, keyspace.NotifyList, ev)
	c.DB.Ready(key)
}

func cmdLinsert(c *engine.Ctx) {
	var after bool
	switch {
	case eqFold(c.Args[2], "after"):
		after = true
	case eqFold(c.Args[2], "before"):
	default:
		c.Error(msgSyntax)
		return
	}
	l, ok := listForWrite(c, c.Args[1])
	if !ok {
		return
	}
	if l == nil {
		c.W.Int(0)
		return
	}
	l.BeforeAdd(len(c.Args[4]), 1)
	pos := -1
	l.Range(0, l.Len()-1, func(i int, v []byte) bool {
		if string(v) == string(c.Args[3]) {
			pos = i
			return false
		}
		return true
	})
	if pos < 0 {
		c.W.Int(-1)
		return
	}
	l.Insert(pos, c.Args[4], after)
	changed(c, string(c.Args[1]), keyspace.NotifyList, "linsert")
	c.W.Int(int64(l.Len()))
}

func cmdLlen(c *engine.Ctx) {
	l, ok := listOf(c, c.Args[1])
	if !ok {
		return
	}
	if l == nil {
		c.W.Int(0)
		return
	}
	c.W.Int(int64(l.Len()))
}

func cmdLindex(c *engine.Ctx) {
	l, ok := listOf(c, c.Args[1])
	if !ok {
		return
	}
	if l == nil {
		c.W.Null()
		return
	}
	i, ok := intArg(c, c.Args[2], "")
	if !ok {
		return
	}
	if v, ok := l.Index(clampInt(i)); ok {
		c.W.Bulk(v)
		return
	}
	c.W.Null()
}

// clampInt narrows an index to int without wrapping (only matters on
// 32-bit platforms; out-of-range indexes stay out of range).
func clampInt(i int64) int { return int(i) }

func cmdLset(c *engine.Ctx) {
	e, ok := lookupWrite(c, c.Args[1], keyspace.KindList)
	if !ok {
		return
	}
	if e == nil {
		c.Error(msgNoSuchKey)
		return
	}
	l := e.Val.(*keyspace.List)
	i, ok := intArg(c, c.Args[2], "")
	if !ok {
		return
	}
	if !l.Set(clampInt(i), c.Args[3]) {
		c.Error(msgOutOfRange)
		return
	}
	c.W.OK()
	changed(c, string(c.Args[1]), keyspace.NotifyList, "lset")
}

// listRange normalises start/stop as Redis's list ranges do and reports
// whether the range is empty.
func listRange(start, stop int64, n int) (int, int, bool) {
	ln := int64(n)
	if start < 0 {
		start += ln
	}
	if stop < 0 {
		stop += ln
	}
	if start < 0 {
		start = 0
	}
	if start > stop || start >= ln {
		return 0, 0, false
	}
	if stop >= ln {
		stop = ln - 1
	}
	return int(start), int(stop), true
}

// replyListRange writes elements start..stop (reversed when rev).
func replyListRange(c *engine.Ctx, l *keyspace.List, start, stop int, rev bool) {
	c.W.Array(stop - start + 1)
	fn := func(_ int, v []byte) bool { c.W.Bulk(v); return true }
	if rev {
		l.RangeReverse(start, stop, fn)
	} else {
		l.Range(start, stop, fn)
	}
}

func cmdLrange(c *engine.Ctx) {
	start, ok := intArg(c, c.Args[2], "")
	if !ok {
		return
	}
	stop, ok := intArg(c, c.Args[3], "")
	if !ok {
		return
	}
	l, ok := listOf(c, c.Args[1])
	if !ok {
		return
	}
	if l == nil {
		c.W.Array(0)
		return
	}
	s, e, ok := listRange(start, stop, l.Len())
	if !ok {
		c.W.Array(0)
		return
	}
	replyListRange(c, l, s, e, false)
}

func cmdLtrim(c *engine.Ctx) {
	start, ok := intArg(c, c.Args[2], "")
	if !ok {
		return
	}
	stop, ok := intArg(c, c.Args[3], "")
	if !ok {
		return
	}
	l, ok := listForWrite(c, c.Args[1])
	if !ok {
		return
	}
	if l == nil {
		c.W.OK()
		return
	}
	key := string(c.Args[1])
	s, e, ok := listRange(start, stop, l.Len())
	if ok {
		l.Trim(s, e)
	} else {
		l.Trim(1, 0)
	}
	c.DB.Notify(keyspace.NotifyList, "ltrim", key)
	removeIfEmpty(c, key, l.Len())
	c.DB.Modified(key)
	c.S.KS.Dirty++
	c.W.OK()
}

func cmdLrem(c *engine.Ctx) {
	count, ok := intArg(c, c.Args[2], "")
	if !ok {
		return
	}
	l, ok := listForWrite(c, c.Args[1])
	if !ok {
		return
	}
	if l == nil {
		c.W.Int(0)
		return
	}
	key := string(c.Args[1])
	elem := string(c.Args[3])
	// Mark the victims walking from the chosen end, then drop them.
	victims := map[int]bool{}
	want := count
	if want < 0 {
		want = -want
	}
	visit := func(i int, v []byte) bool {
		if string(v) == elem {
			victims[i] = true
			if want != 0 && int64(len(victims)) == want {
				return false
			}
		}
		return true
	}
	if count < 0 {
		l.RangeReverse(0, l.Len()-1, visit)
	} else {
		l.Range(0, l.Len()-1, visit)
	}
	removed := 0
	if len(victims) > 0 {
		removed = l.Filter(func(i int, _ []byte) bool { return !victims[i] })
		changed(c, key, keyspace.NotifyList, "lrem")
	}
	removeIfEmpty(c, key, l.Len())
	c.W.Int(int64(removed))
}

func cmdLpos(c *engine.Ctx) {
	rank, count, maxlen := int64(1), int64(-1), int64(0)
	for j := 3; j < len(c.Args); j++ {
		more := j+1 < len(c.Args)
		var ok bool
		switch {
		case eqFold(c.Args[j], "rank") && more:
			j++
			if rank, ok = intArgRange(c, c.Args[j], -(1<<63 - 1), 1<<63-1, ""); !ok {
				return
			}
			if rank == 0 {
				c.Error(msgRankZero)
				return
			}
		case eqFold(c.Args[j], "count") && more:
			j++
			if count, ok = argPositive(c, c.Args[j], msgCountNegative); !ok {
				return
			}
		case eqFold(c.Args[j], "maxlen") && more:
			j++
			if maxlen, ok = argPositive(c, c.Args[j], msgMaxlenNegative); !ok {
				return
			}
		default:
			c.Error(msgSyntax)
			return
		}
	}
	l, ok := listOf(c, c.Args[1])
	if !ok {
		return
	}
	if l == nil {
		if count != -1 {
			c.W.Array(0)
		} else {
			c.W.Null()
		}
		return
	}
	reverse := rank < 0
	if reverse {
		rank = -rank
	}
	var found []int64
	matches, scanned := int64(0), int64(0)
	visit := func(i int, v []byte) bool {
		if maxlen != 0 && scanned >= maxlen {
			return false
		}
		scanned++
		if string(v) != string(c.Args[2]) {
			return true
		}
		matches++
		if matches < rank {
			return true
		}
		found = append(found, int64(i))
		if count == -1 {
			return false
		}
		return count == 0 || matches-rank+1 < count
	}
	if reverse {
		l.RangeReverse(0, l.Len()-1, visit)
	} else {
		l.Range(0, l.Len()-1, visit)
	}
	if count != -1 {
		c.W.Array(len(found))
		for _, i := range found {
			c.W.Int(i)
		}
		return
	}
	if len(found) == 0 {
		c.W.Null()
		return
	}
	c.W.Int(found[0])
}

func popCommand(c *engine.Ctx, head bool) {
	if len(c.Args) > 3 {
		c.Error(fmtErr(msgWrongArityFmt, c.Cmd.FullName()))
		return
	}
	hasCount := len(c.Args) == 3
	var count int64
	if hasCount {
		var ok bool
		if count, ok = argPositive(c, c.Args[2], ""); !ok {
			return
		}
	}
	l, ok := listForWrite(c, c.Args[1])
	if !ok {
		return
	}
	if l == nil {
		if hasCount {
			c.W.NullArray()
		} else {
			c.W.Null()
		}
		return
	}
	if hasCount && count == 0 {
		c.W.Array(0)
		return
	}
	key := string(c.Args[1])
	if !hasCount {
		var v []byte
		if head {
			v = l.PopHead()
		} else {
			v = l.PopTail()
		}
		c.W.Bulk(v)
		listPopped(c, key, l, head)
		return
	}
	popListReply(c, l, head, count)
	listPopped(c, key, l, head)
}

// popListReply pops up to count elements from one end, replying with them
// as an array.
func popListReply(c *engine.Ctx, l *keyspace.List, head bool, count int64) {
	n := int64(l.Len())
	if count > n {
		count = n
	}
	c.W.Array(int(count))
	for i := int64(0); i < count; i++ {
		if head {
			c.W.Bulk(l.PopHead())
		} else {
			c.W.Bulk(l.PopTail())
		}
	}
}

// listPopped does the bookkeeping after elements left a list: the pop
// event, deleting the key when empty, WATCH and dirty.
func listPopped(c *engine.Ctx, key string, l *keyspace.List, head bool) {
	ev := "rpop"
	if head {
		ev = "lpop"
	}
	c.DB.Notify(keyspace.NotifyList, ev, key)
	removeIfEmpty(c, key, l.Len())
	c.DB.Modified(key)
	c.S.KS.Dirty++
}

// parseWhere reads LEFT or RIGHT (true for LEFT), writing a syntax error
// otherwise.
func parseWhere(c *engine.Ctx, b []byte) (head, ok bool) {
	switch {
	case eqFold(b, "left"):
		return true, true
	case eqFold(b, "right"):
		return false, true
	}
	c.Error(msgSyntax)
	return false, false
}

func cmdLmove(c *engine.Ctx) {
	from, ok := parseWhere(c, c.Args[3])
	if !ok {
		return
	}
	to, ok := parseWhere(c, c.Args[4])
	if !ok {
		return
	}
	lmove(c, from, to)
}

func cmdRpoplpush(c *engine.Ctx) { lmove(c, false, true) }

// lmove moves one element from Args[1] to Args[2]; it reports whether the
// source had one (false: it wrote nothing, or an error).
func lmove(c *engine.Ctx, from, to bool) {
	src, ok := listForWrite(c, c.Args[1])
	if !ok {
		return
	}
	if src == nil {
		c.W.Null()
		return
	}
	lmoveFrom(c, src, from, to)
}

// lmoveFrom is lmove once the source list is known to exist.
func lmoveFrom(c *engine.Ctx, src *keyspace.List, from, to bool) {
	srcKey, dstKey := string(c.Args[1]), string(c.Args[2])
	dst, ok := listForWrite(c, c.Args[2])
	if !ok {
		return
	}
	var v []byte
	if from {
		v = src.PopHead()
	} else {
		v = src.PopTail()
	}
	if dst == nil {
		dst = keyspace.NewList()
		c.DB.Set(dstKey, dst)
	}
	c.DB.Modified(dstKey)
	if to {
		dst.PushHead(v)
		c.DB.Notify(keyspace.NotifyList, "lpush", dstKey)
	} else {
		dst.PushTail(v)
		c.DB.Notify(keyspace.NotifyList, "rpush", dstKey)
	}
	c.DB.Ready(dstKey)
	c.W.Bulk(v)
	listPopped(c, srcKey, src, from)
}

// mpopArgs is the parsed tail of LMPOP/ZMPOP and their blocking forms.
type mpopArgs struct {
	keys  [][]byte
	where []byte
	count int64
}

// parseMpop parses "numkeys key... WHERE [COUNT n]" starting at idx; the
// where word is checked by the caller.
func parseMpop(c *engine.Ctx, idx int, whereOK func(b []byte) bool) (mpopArgs, bool) {
	var a mpopArgs
	n, ok := intArgRange(c, c.Args[idx], 1, 1<<63-1, msgNumkeysPos)
	if !ok {
		return a, false
	}
	// Compare before adding: a huge numkeys must not wrap around.
	if n >= int64(len(c.Args)-idx-1) {
		c.Error(msgSyntax)
		return a, false
	}
	wi := int64(idx) + n + 1
	if wi >= int64(len(c.Args)) {
		c.Error(msgSyntax)
		return a, false
	}
	a.keys = c.Args[idx+1 : wi]
	a.where = c.Args[wi]
	if !whereOK(a.where) {
		c.Error(msgSyntax)
		return a, false
	}
	a.count = -1
	for j := int(wi) + 1; j < len(c.Args); j++ {
		if a.count == -1 && eqFold(c.Args[j], "count") && j+1 < len(c.Args) {
			j++
			if a.count, ok = intArgRange(c, c.Args[j], 1, 1<<63-1, msgCountPos); !ok {
				return a, false
			}
			continue
		}
		c.Error(msgSyntax)
		return a, false
	}
	if a.count == -1 {
		a.count = 1
	}
	return a, true
}

func isLeftRight(b []byte) bool { return eqFold(b, "left") || eqFold(b, "right") }

func cmdLmpop(c *engine.Ctx) {
	a, ok := parseMpop(c, 1, isLeftRight)
	if !ok {
		return
	}
	if !lmpopTry(c, a) {
		c.W.NullArray()
	}
}

// lmpopTry pops from the first non-empty list among a.keys; it reports
// whether it wrote a reply (elements or an error).
func lmpopTry(c *engine.Ctx, a mpopArgs) bool {
	head := eqFold(a.where, "left")
	for _, k := range a.keys {
		l, ok := listForWrite(c, k)
		if !ok {
			return true
		}
		if l == nil || l.Len() == 0 {
			continue
		}
		c.W.Array(2)
		c.W.Bulk(k)
		popListReply(c, l, head, a.count)
		listPopped(c, string(k), l, head)
		return true
	}
	return false
}
