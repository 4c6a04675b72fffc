package commands

import (
	"math"
	"math/rand/v2"
	"sort"

	"modhost/engine"
	"modhost/keyspace"
	"modhost/resp"
)

func init() { groups = append(groups, registerZSet) }

func registerZSet(t *engine.Table) {
	keys := func(first, last int, s *engine.Spec) *engine.Spec {
		s.First, s.Last, s.Step = first, last, 1
		return s
	}
	acl := func(cat ...string) []string { return append(cat, "sortedset") }
	rd := func(name string, arity int, f engine.Flag, run func(c *engine.Ctx)) *engine.Spec {
		cat := "slow"
		if f&fast != 0 {
			cat = "fast"
		}
		return keys(1, 1, &engine.Spec{Name: name, Arity: arity, Flags: readonly | f, ACL: acl("read", cat), Run: run})
	}
	wr := func(name string, arity int, f engine.Flag, run func(c *engine.Ctx)) *engine.Spec {
		cat := "slow"
		if f&fast != 0 {
			cat = "fast"
		}
		return keys(1, 1, &engine.Spec{Name: name, Arity: arity, Flags: write | f, ACL: acl("write", cat), Run: run})
	}
	t.Add(wr("zadd", -4, denyoom|fast, func(c *engine.Ctx) { zadd(c, false) }))
	t.Add(rd("zcard", 2, fast, cmdZcard))
	t.Add(rd("zcount", 4, fast, cmdZcount))
	t.Add(&engine.Spec{Name: "zdiff", Arity: -3, Flags: readonly, GetKeys: numkeysKeys(1), ACL: acl("read", "slow"), Run: func(c *engine.Ctx) { zsetOp(c, nil, 1, opDiff, false) }})
	t.Add(&engine.Spec{Name: "zdiffstore", Arity: -4, Flags: write | denyoom, GetKeys: storeKeys, ACL: acl("write", "slow"), Run: func(c *engine.Ctx) { zsetOp(c, c.Args[1], 2, opDiff, false) }})
	t.Add(wr("zincrby", 4, denyoom|fast, func(c *engine.Ctx) { zadd(c, true) }))
	t.Add(&engine.Spec{Name: "zinter", Arity: -3, Flags: readonly, GetKeys: numkeysKeys(1), ACL: acl("read", "slow"), Run: func(c *engine.Ctx) { zsetOp(c, nil, 1, opInter, false) }})
	t.Add(&engine.Spec{Name: "zintercard", Arity: -3, Flags: readonly, GetKeys: numkeysKeys(1), ACL: acl("read", "slow"), Run: func(c *engine.Ctx) { zsetOp(c, nil, 1, opInter, true) }})
	t.Add(&engine.Spec{Name: "zinterstore", Arity: -4, Flags: write | denyoom, GetKeys: storeKeys, ACL: acl("write", "slow"), Run: func(c *engine.Ctx) { zsetOp(c, c.Args[1], 2, opInter, false) }})
	t.Add(rd("zlexcount", 4, fast, cmdZlexcount))
	t.Add(&engine.Spec{Name: "zmpop", Arity: -4, Flags: write, GetKeys: numkeysKeys(1), ACL: acl("write", "slow"), Run: cmdZmpop})
	t.Add(rd("zmscore", -3, fast, cmdZmscore))
	t.Add(wr("zpopmax", -2, fast, func(c *engine.Ctx) { zpopMinMax(c, true) }))
	t.Add(wr("zpopmin", -2, fast, func(c *engine.Ctx) { zpopMinMax(c, false) }))
	t.Add(rd("zrandmember", -2, 0, cmdZrandmember))
	t.Add(rd("zrange", -4, 0, func(c *engine.Ctx) { zrange(c, 1, nil, zrAuto, dirAuto) }))
	t.Add(rd("zrangebylex", -4, 0, func(c *engine.Ctx) { zrange(c, 1, nil, zrLex, dirFwd) }))
	t.Add(rd("zrangebyscore", -4, 0, func(c *engine.Ctx) { zrange(c, 1, nil, zrScore, dirFwd) }))
	t.Add(keys(1, 2, &engine.Spec{Name: "zrangestore", Arity: -5, Flags: write | denyoom, ACL: acl("write", "slow"), Run: func(c *engine.Ctx) { zrange(c, 2, c.Args[1], zrAuto, dirAuto) }}))
	t.Add(rd("zrank", -3, fast, func(c *engine.Ctx) { zrank(c, false) }))
	t.Add(wr("zrem", -3, fast, cmdZrem))
	t.Add(wr("zremrangebylex", 4, 0, func(c *engine.Ctx) { zremrange(c, zrLex) }))
	t.Add(wr("zremrangebyrank", 4, 0, func(c *engine.Ctx) { zremrange(c, zrRank) }))
	t.Add(wr("zremrangebyscore", 4, 0, func(c *engine.Ctx) { zremrange(c, zrScore) }))
	t.Add(rd("zrevrange", -4, 0, func(c *engine.Ctx) { zrange(c, 1, nil, zrRank, dirRev) }))
	t.Add(rd("zrevrangebylex", -4, 0, func(c *engine.Ctx) { zrange(c, 1, nil, zrLex, dirRev) }))
	t.Add(rd("zrevrangebyscore", -4, 0, func(c *engine.Ctx) { zrange(c, 1, nil, zrScore, dirRev) }))
	t.Add(rd("zrevrank", -3, fast, func(c *engine.Ctx) { zrank(c, true) }))
	t.Add(rd("zscan", -3, 0, cmdZscan))
	t.Add(rd("zscore", 3, fast, cmdZscore))
	t.Add(&engine.Spec{Name: "zunion", Arity: -3, Flags: readonly, GetKeys: numkeysKeys(1), ACL: acl("read", "slow"), Run: func(c *engine.Ctx) { zsetOp(c, nil, 1, opUnion, false) }})
	t.Add(&engine.Spec{Name: "zunionstore", Arity: -4, Flags: write | denyoom, GetKeys: storeKeys, ACL: acl("write", "slow"), Run: func(c *engine.Ctx) { zsetOp(c, c.Args[1], 2, opUnion, false) }})
}

// storeKeys is GetKeys for "dst numkeys key...": the destination plus the
// counted keys.
func storeKeys(args [][]byte) []int {
	return append([]int{1}, numkeysKeys(2)(args)...)
}

func zsetOf(c *engine.Ctx, key []byte) (*keyspace.ZSet, bool) {
	e, ok := readKey(c, key, keyspace.KindZSet)
	if !ok || e == nil {
		return nil, ok
	}
	return e.Val.(*keyspace.ZSet), true
}

func zsetForWrite(c *engine.Ctx, key []byte) (*keyspace.ZSet, bool) {
	e, ok := lookupWrite(c, key, keyspace.KindZSet)
	if !ok || e == nil {
		return nil, ok
	}
	return e.Val.(*keyspace.ZSet), true
}

func fmtErr(format, arg string) string {
	out := []byte{}
	for i := 0; i < len(format); i++ {
		if format[i] == '%' && i+1 < len(format) && format[i+1] == 's' {
			out = append(out, arg...)
			i++
			continue
		}
		out = append(out, format[i])
	}
	return string(out)
}

func zadd(c *engine.Ctx, incrCmd bool) {
	var nx, xx, gt, lt, ch bool
	incr := incrCmd
	idx := 2
	for ; idx < len(c.Args); idx++ {
		a := c.Args[idx]
		switch {
		case eqFold(a, "nx"):
			nx = true
		case eqFold(a, "xx"):
			xx = true
		case eqFold(a, "ch"):
			ch = true
		case eqFold(a, "incr"):
			incr = true
		case eqFold(a, "gt"):
			gt = true
		case eqFold(a, "lt"):
			lt = true
		default:
			goto done
		}
	}
done:
	elements := len(c.Args) - idx
	if elements%2 != 0 || elements == 0 {
		c.Error(msgSyntax)
		return
	}
	elements /= 2
	if nx && xx {
		c.Error(msgZaddXXNX)
		return
	}
	if (gt && nx) || (lt && nx) || (gt && lt) {
		c.Error(msgZaddGTLTNX)
		return
	}
	if incr && elements > 1 {
		c.Error(msgZaddIncrPair)
		return
	}
	var scoreBuf [4]float64
	scores := scoreBuf[:0]
	if elements > len(scoreBuf) {
		scores = make([]float64, elements)
	} else {
		scores = scoreBuf[:elements]
	}
	for j := range scores {
		s, ok := parseDouble(c.Args[idx+2*j])
		if !ok {
			c.Error(msgNotFloat)
			return
		}
		scores[j] = s
	}
	key, e, ok := writeKey(c, c.Args[1], keyspace.KindZSet)
	if !ok {
		return
	}
	added, updated, processed := 0, 0, 0
	var score float64
	var z *keyspace.ZSet
	if e == nil {
		if xx {
			goto reply
		}
		z = keyspace.NewZSetFor(elements, len(c.Args[idx+1]))
		key, _ = c.DB.SetKey(c.Args[1], z, false)
	} else {
		z = e.Val.(*keyspace.ZSet)
		z.MaybeConvert(elements)
	}
	for j := 0; j < elements; j++ {
		score = scores[j]
		m := c.Args[idx+1+2*j]
		cur, exists := z.Score(m)
		switch {
		case exists && nx:
			continue
		case exists:
			if incr {
				score += cur
				if math.IsNaN(score) {
					c.Error(msgZaddNaN)
					zaddNotify(c, key, incr, added+updated)
					return
				}
			}
			if (lt && score >= cur) || (gt && score <= cur) {
				continue
			}
			processed++
			if score != cur {
				z.Set(m, score)
				updated++
			}
		case xx:
			continue
		default:
			z.Set(m, score)
			added++
			processed++
		}
	}
reply:
	if incr {
		if processed > 0 {
			c.W.Double(score)
		} else {
			c.W.Null()
		}
	} else if ch {
		c.W.Int(int64(added + updated))
	} else {
		c.W.Int(int64(added))
	}
	zaddNotify(c, key, incr, added+updated)
}

func zaddNotify(c *engine.Ctx, key string, incr bool, n int) {
	if n == 0 {
		return
	}
	ev := "zadd"
	if incr {
		ev = "zincr"
	}
	changed(c, key, keyspace.NotifyZSet, ev)
	c.DB.Ready(key)
}

func cmdZrem(c *engine.Ctx) {
	z, ok := zsetForWrite(c, c.Args[1])
	if !ok {
		return
	}
	if z == nil {
		c.W.Int(0)
		return
	}
	key := string(c.Args[1])
	deleted := 0
	for _, m := range c.Args[2:] {
		if z.Delete(m) {
			deleted++
		}
		if z.Len() == 0 {
			break
		}
	}
	if deleted > 0 {
		zsetChanged(c, key, z, "zrem")
	}
	c.W.Int(int64(deleted))
}

// zsetChanged raises event (and "del" after deleting the key when z became
// empty), signals WATCH and counts the change.
func zsetChanged(c *engine.Ctx, key string, z *keyspace.ZSet, event string) {
	empty := z.Len() == 0
	if empty {
		c.DB.Delete(key)
	}
	c.DB.Notify(keyspace.NotifyZSet, event, key)
	if empty {
		c.DB.Notify(keyspace.NotifyGeneric, "del", key)
	}
	c.DB.Modified(key)
	c.S.KS.Dirty++
}

func cmdZcard(c *engine.Ctx) {
	z, ok := zsetOf(c, c.Args[1])
	if !ok {
		return
	}
	if z == nil {
		c.W.Int(0)
		return
	}
	c.W.Int(int64(z.Len()))
}

func cmdZscore(c *engine.Ctx) {
	z, ok := zsetOf(c, c.Args[1])
	if !ok {
		return
	}
	if z == nil {
		c.W.Null()
		return
	}
	if s, ok := z.Score(c.Args[2]); ok {
		c.W.Double(s)
		return
	}
	c.W.Null()
}

func cmdZmscore(c *engine.Ctx) {
	z, ok := zsetOf(c, c.Args[1])
	if !ok {
		return
	}
	c.W.Array(len(c.Args) - 2)
	for _, m := range c.Args[2:] {
		if z != nil {
			if s, ok := z.Score(m); ok {
				c.W.Double(s)
				continue
			}
		}
		c.W.Null()
	}
}

func zrank(c *engine.Ctx, reverse bool) {
	if len(c.Args) > 4 {
		c.Error(fmtErr(msgWrongArityFmt, c.Cmd.FullName()))
		return
	}
	withScore := false
	if len(c.Args) == 4 {
		if !eqFold(c.Args[3], "withscore") {
			c.Error(msgSyntax)
			return
		}
		withScore = true
	}
	z, ok := zsetOf(c, c.Args[1])
	if !ok {
		return
	}
	var rank int
	var score float64
	found := false
	if z != nil {
		rank, score, found = z.Rank(c.Args[2], reverse)
	}
	if !found {
		if withScore {
			c.W.NullArray()
		} else {
			c.W.Null()
		}
		return
	}
	if withScore {
		c.W.Array(2)
		c.W.Int(int64(rank))
		c.W.Double(score)
		return
	}
	c.W.Int(int64(rank))
}

// parseStrtod parses a score range end the way zslParseRange calls strtod:
// leading space allowed, the rest must be one float literal (or nothing at
// all), overflow gives an infinity and underflow zero, NaN is refused.
func parseStrtod(b []byte) (float64, bool) {
	if len(b) == 0 {
		return 0, true
	}
	i := 0
	for i < len(b) && isCSpaceByte(b[i]) {
		i++
	}
	rest := b[i:]
	if len(rest) == 0 {
		return 0, false
	}
	f, ok := scanFloat(rest)
	if !ok || f.special == 'n' {
		return 0, false
	}
	if v, ok := parseDouble(rest); ok {
		return v, true
	}
	// A valid literal parseDouble refused: it overflowed or underflowed.
	d, point := f.trimZeros()
	v := 0.0
	if len(d) > 0 && f.exp+int64(point) > 0 {
		v = math.Inf(1)
	}
	if f.neg {
		v = -v
	}
	return v, true
}

func isCSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r'
}

func parseScoreBound(b []byte) (float64, bool, bool) {
	if len(b) > 0 && b[0] == '(' {
		v, ok := parseStrtod(b[1:])
		return v, true, ok
	}
	v, ok := parseStrtod(b)
	return v, false, ok
}

// parseScoreRange parses min and max as zslParseRange does.
func parseScoreRange(min, max []byte) (keyspace.ScoreRange, bool) {
	var r keyspace.ScoreRange
	var ok1, ok2 bool
	r.Min, r.MinEx, ok1 = parseScoreBound(min)
	r.Max, r.MaxEx, ok2 = parseScoreBound(max)
	return r, ok1 && ok2
}

func cmdZcount(c *engine.Ctx) {
	r, ok := parseScoreRange(c.Args[2], c.Args[3])
	if !ok {
		c.Error(msgMinMaxNotFloat)
		return
	}
	z, ok := zsetOf(c, c.Args[1])
	if !ok {
		return
	}
	if z == nil {
		c.W.Int(0)
		return
	}
	c.W.Int(int64(z.CountByScore(r)))
}

func cmdZlexcount(c *engine.Ctx) {
	r, ok := keyspace.ParseLexRange(c.Args[2], c.Args[3])
	if !ok {
		c.Error(msgMinMaxNotLex)
		return
	}
	z, ok := zsetOf(c, c.Args[1])
	if !ok {
		return
	}
	if z == nil {
		c.W.Int(0)
		return
	}
	c.W.Int(int64(z.CountByLex(r)))
}

// Range kinds and directions of the ZRANGE family.
const (
	zrAuto = iota
	zrRank
	zrScore
	zrLex
)

const (
	dirAuto = iota
	dirFwd
	dirRev
)

// zrangeOut collects ZRANGE results for a client reply or a store.
type zrangeOut struct {
	c          *engine.Ctx
	withScores bool
	store      bool
	members    [][]byte
	scores     []float64
}

func (o *zrangeOut) emit(m []byte, s float64) bool {
	o.members = append(o.members, append([]byte(nil), m...))
	o.scores = append(o.scores, s)
	return true
}

func (o *zrangeOut) reply() {
	c := o.c
	n := len(o.members)
	if o.withScores && c.C.Resp == 2 {
		c.W.Array(2 * n)
	} else {
		c.W.Array(n)
	}
	for i, m := range o.members {
		if o.withScores && c.C.Resp > 2 {
			c.W.Array(2)
		}
		c.W.Bulk(m)
		if o.withScores {
			c.W.Double(o.scores[i])
		}
	}
}

func zrange(c *engine.Ctx, start int, dst []byte, kind, dir int) {
	store := dst != nil
	minIdx, maxIdx := start+1, start+2
	var withScores bool
	var offset, limit int64 = 0, -1
	for j := start + 3; j < len(c.Args); j++ {
		left := len(c.Args) - j - 1
		a := c.Args[j]
		switch {
		case !store && eqFold(a, "withscores"):
			withScores = true
		case eqFold(a, "limit") && left >= 2:
			var ok bool
			if offset, ok = intArg(c, c.Args[j+1], ""); !ok {
				return
			}
			if limit, ok = intArg(c, c.Args[j+2], ""); !ok {
				return
			}
			j += 2
		case dir == dirAuto && eqFold(a, "rev"):
			dir = dirRev
		case kind == zrAuto && eqFold(a, "bylex"):
			kind = zrLex
		case kind == zrAuto && eqFold(a, "byscore"):
			kind = zrScore
		default:
			c.Error(msgSyntax)
			return
		}
	}
	if dir == dirAuto {
		dir = dirFwd
	}
	if kind == zrAuto {
		kind = zrRank
	}
	if limit != -1 && kind == zrRank {
		c.Error(msgLimitNeedsBy)
		return
	}
	if withScores && kind == zrLex {
		c.Error(msgWithscoresByLex)
		return
	}
	reverse := dir == dirRev
	if reverse && kind != zrRank {
		minIdx, maxIdx = maxIdx, minIdx
	}
	var rs, re int64
	var sr keyspace.ScoreRange
	var lr keyspace.LexRange
	var ok bool
	switch kind {
	case zrRank:
		if rs, ok = intArg(c, c.Args[minIdx], ""); !ok {
			return
		}
		if re, ok = intArg(c, c.Args[maxIdx], ""); !ok {
			return
		}
	case zrScore:
		if sr, ok = parseScoreRange(c.Args[minIdx], c.Args[maxIdx]); !ok {
			c.Error(msgMinMaxNotFloat)
			return
		}
	case zrLex:
		if lr, ok = keyspace.ParseLexRange(c.Args[minIdx], c.Args[maxIdx]); !ok {
			c.Error(msgMinMaxNotLex)
			return
		}
	}
	out := &zrangeOut{c: c, withScores: withScores || store, store: store}
	z, ok := zsetOf(c, c.Args[start])
	if !ok {
		return
	}
	if z == nil {
		if store {
			zrangeStore(c, dst, out, 0)
		} else {
			c.W.Array(0)
		}
		return
	}
	sizeHint := 0
	switch kind {
	case zrRank:
		s, e, nonEmpty := listRange(rs, re, z.Len())
		if nonEmpty {
			sizeHint = e - s + 1
			z.RangeByRank(s, e, reverse, out.emit)
		}
	case zrScore:
		if !(offset > 0 && offset >= int64(z.Len())) {
			z.RangeByScore(sr, reverse, offsetArg(offset), limit, out.emit)
		}
	case zrLex:
		if !(offset > 0 && offset >= int64(z.Len())) {
			z.RangeByLex(lr, reverse, offsetArg(offset), limit, out.emit)
		}
	}
	if store {
		zrangeStore(c, dst, out, sizeHint)
		return
	}
	out.reply()
}

// offsetArg maps Redis's LIMIT offset: a negative one skips everything.
func offsetArg(o int64) int64 {
	if o < 0 {
		return math.MaxInt64
	}
	return o
}

func zrangeStore(c *engine.Ctx, dst []byte, out *zrangeOut, sizeHint int) {
	key := string(dst)
	if len(out.members) == 0 {
		c.W.Int(0)
		if c.DB.Delete(key) {
			changed(c, key, keyspace.NotifyGeneric, "del")
		}
		return
	}
	z := keyspace.NewZSetFor(sizeHint, 0)
	for i, m := range out.members {
		z.Set(m, out.scores[i])
	}
	c.DB.Set(key, z)
	c.W.Int(int64(z.Len()))
	changed(c, key, keyspace.NotifyZSet, "zrangestore")
	c.DB.Ready(key)
}

func zremrange(c *engine.Ctx, kind int) {
	var rs, re int64
	var sr keyspace.ScoreRange
	var lr keyspace.LexRange
	var ok bool
	var event string
	switch kind {
	case zrRank:
		event = "zremrangebyrank"
		if rs, ok = intArg(c, c.Args[2], ""); !ok {
			return
		}
		if re, ok = intArg(c, c.Args[3], ""); !ok {
			return
		}
	case zrScore:
		event = "zremrangebyscore"
		if sr, ok = parseScoreRange(c.Args[2], c.Args[3]); !ok {
			c.Error(msgMinMaxNotFloat)
			return
		}
	case zrLex:
		event = "zremrangebylex"
		if lr, ok = keyspace.ParseLexRange(c.Args[2], c.Args[3]); !ok {
			c.Error(msgMinMaxNotLex)
			return
		}
	}
	z, ok := zsetForWrite(c, c.Args[1])
	if !ok {
		return
	}
	if z == nil {
		c.W.Int(0)
		return
	}
	deleted := 0
	switch kind {
	case zrRank:
		s, e, nonEmpty := listRange(rs, re, z.Len())
		if !nonEmpty {
			c.W.Int(0)
			return
		}
		deleted = z.DeleteRangeByRank(s, e)
	case zrScore:
		deleted = z.DeleteRangeByScore(sr)
	case zrLex:
		deleted = z.DeleteRangeByLex(lr)
	}
	if deleted > 0 {
		zsetChanged(c, string(c.Args[1]), z, event)
	}
	c.W.Int(int64(deleted))
}

// zpopGeneric pops from the first existing key among keys, as Redis's
// genericZpopCommand: emitKey prefixes the key, nested makes [member,
// score] pairs, nilWhenEmpty answers a null array when no key exists. It
// reports whether a key was found (or an error written).
func zpopGeneric(c *engine.Ctx, keys [][]byte, max, emitKey bool, count int64, nested, nilWhenEmpty bool) bool {
	var z *keyspace.ZSet
	var key []byte
	for _, k := range keys {
		zz, ok := zsetForWrite(c, k)
		if !ok {
			return true
		}
		if zz != nil {
			z, key = zz, k
			break
		}
	}
	if z == nil {
		if nilWhenEmpty {
			c.W.NullArray()
		} else {
			c.W.Array(0)
		}
		return false
	}
	if count == 0 {
		c.W.Array(0)
		return true
	}
	if count == -1 {
		count = 1
	}
	n := int64(z.Len())
	if count > n {
		count = n
	}
	switch {
	case !nested && !emitKey:
		c.W.Array(int(count * 2))
	case nested && !emitKey:
		c.W.Array(int(count))
	case !nested && emitKey:
		c.W.Array(int(count*2 + 1))
		c.W.Bulk(key)
	default:
		c.W.Array(2)
		c.W.Bulk(key)
		c.W.Array(int(count))
	}
	for i := int64(0); i < count; i++ {
		rank := 0
		if max {
			rank = z.Len() - 1
		}
		m, s, _ := z.ByRank(rank)
		m = append([]byte(nil), m...)
		z.Delete(m)
		if nested {
			c.W.Array(2)
		}
		c.W.Bulk(m)
		c.W.Double(s)
	}
	ev := "zpopmin"
	if max {
		ev = "zpopmax"
	}
	zsetChanged(c, string(key), z, ev)
	return true
}

func zpopMinMax(c *engine.Ctx, max bool) {
	if len(c.Args) > 3 {
		c.Error(msgSyntax)
		return
	}
	count := int64(-1)
	if len(c.Args) == 3 {
		var ok bool
		if count, ok = argPositive(c, c.Args[2], ""); !ok {
			return
		}
	}
	zpopGeneric(c, c.Args[1:2], max, false, count, c.C.Resp > 2 && count != -1, false)
}

func isMinMax(b []byte) bool { return eqFold(b, "min") || eqFold(b, "max") }

func cmdZmpop(c *engine.Ctx) {
	a, ok := parseMpop(c, 1, isMinMax)
	if !ok {
		return
	}
	zpopGeneric(c, a.keys, eqFold(a.where, "max"), true, a.count, true, true)
}

func cmdZrandmember(c *engine.Ctx) {
	if len(c.Args) >= 3 {
		if l, with, ok := parseRandCount(c, "withscores"); ok {
			zrandmemberCount(c, l, with)
		}
		return
	}
	z, ok := zsetOf(c, c.Args[1])
	if !ok {
		return
	}
	if z == nil {
		c.W.Null()
		return
	}
	m, _, _ := z.Random()
	c.W.Bulk(m)
}

func zrandmemberCount(c *engine.Ctx, l int64, withScores bool) {
	z, ok := zsetOf(c, c.Args[1])
	if !ok {
		return
	}
	if z == nil || l == 0 {
		c.W.Array(0)
		return
	}
	pair := func(m []byte, s float64) {
		if withScores && c.C.Resp > 2 {
			c.W.Array(2)
		}
		c.W.Bulk(m)
		if withScores {
			c.W.Double(s)
		}
	}
	header := func(n int64) {
		if withScores && c.C.Resp == 2 {
			c.W.Array(int(2 * n))
		} else {
			c.W.Array(int(n))
		}
	}
	size := int64(z.Len())
	if l < 0 || l == 1 {
		n := l
		if n < 0 {
			n = -n
		}
		header(n)
		for i := int64(0); i < n; i++ {
			m, s, _ := z.Random()
			pair(m, s)
		}
		return
	}
	if l >= size {
		// Redis walks its set-operation iterator, which starts at the tail.
		header(size)
		z.RangeByRank(0, int(size)-1, true, func(m []byte, s float64) bool { pair(m, s); return true })
		return
	}
	keep := make([]bool, size)
	for _, i := range rand.Perm(int(size))[:l] {
		keep[i] = true
	}
	header(l)
	i := 0
	z.Range(func(m []byte, s float64) bool {
		if keep[i] {
			pair(m, s)
		}
		i++
		return true
	})
}

// Set operations of ZUNION, ZINTER, ZDIFF and their STORE forms.
const (
	opUnion = iota
	opInter
	opDiff
)

// zsrc is one input of a set operation: a sorted set, a plain set (every
// member scoring 1), or nothing (a missing key).
type zsrc struct {
	z      *keyspace.ZSet
	s      *keyspace.Set
	weight float64
}

func (s *zsrc) len() int {
	switch {
	case s.z != nil:
		return s.z.Len()
	case s.s != nil:
		return s.s.Len()
	}
	return 0
}

func (s *zsrc) each(fn func(m []byte, score float64)) {
	switch {
	case s.z != nil:
		s.z.Range(func(m []byte, sc float64) bool { fn(m, sc); return true })
	case s.s != nil:
		s.s.Range(func(m []byte) bool { fn(m, 1); return true })
	}
}

func (s *zsrc) find(m []byte) (float64, bool) {
	switch {
	case s.z != nil:
		return s.z.Score(m)
	case s.s != nil:
		if s.s.IsMember(m) {
			return 1, true
		}
	}
	return 0, false
}

func (s *zsrc) same(o *zsrc) bool {
	return (s.z != nil && s.z == o.z) || (s.s != nil && s.s == o.s)
}

const (
	aggSum = iota
	aggMin
	aggMax
)

func aggregate(target *float64, v float64, agg int) {
	switch agg {
	case aggSum:
		*target += v
		if math.IsNaN(*target) {
			*target = 0
		}
	case aggMin:
		if v < *target {
			*target = v
		}
	case aggMax:
		if v > *target {
			*target = v
		}
	}
}

func zsetOp(c *engine.Ctx, dst []byte, numIdx int, op int, cardOnly bool) {
	setnum, ok := intArg(c, c.Args[numIdx], "")
	if !ok {
		return
	}
	if setnum < 1 {
		c.Error(fmtErr(msgAtLeastOneKeyFmt, c.Cmd.FullName()))
		return
	}
	if setnum > int64(len(c.Args)-(numIdx+1)) {
		c.Error(msgSyntax)
		return
	}
	n := int(setnum)
	src := make([]zsrc, n)
	j := numIdx + 1
	for i := 0; i < n; i, j = i+1, j+1 {
		src[i].weight = 1
		e := lookupRead(c, c.Args[j])
		if e == nil {
			continue
		}
		switch v := e.Val.(type) {
		case *keyspace.ZSet:
			src[i].z = v
		case *keyspace.Set:
			src[i].s = v
		default:
			c.Error(msgWrongType)
			return
		}
	}
	agg := aggSum
	withScores := false
	var limit int64
	for j < len(c.Args) {
		remaining := len(c.Args) - j
		a := c.Args[j]
		switch {
		case op != opDiff && !cardOnly && remaining >= n+1 && eqFold(a, "weights"):
			j++
			for i := 0; i < n; i, j = i+1, j+1 {
				w, ok := parseDouble(c.Args[j])
				if !ok {
					c.Error(msgWeightNotFloat)
					return
				}
				src[i].weight = w
			}
		case op != opDiff && !cardOnly && remaining >= 2 && eqFold(a, "aggregate"):
			switch b := c.Args[j+1]; {
			case eqFold(b, "sum"):
				agg = aggSum
			case eqFold(b, "min"):
				agg = aggMin
			case eqFold(b, "max"):
				agg = aggMax
			default:
				c.Error(msgSyntax)
				return
			}
			j += 2
		case remaining >= 1 && dst == nil && !cardOnly && eqFold(a, "withscores"):
			withScores = true
			j++
		case cardOnly && remaining >= 2 && eqFold(a, "limit"):
			if limit, ok = argPositive(c, c.Args[j+1], msgLimitNegative); !ok {
				return
			}
			j += 2
		default:
			c.Error(msgSyntax)
			return
		}
	}
	if op != opDiff {
		sort.SliceStable(src, func(a, b int) bool { return src[a].len() < src[b].len() })
	}
	result := keyspace.NewZSetFor(math.MaxInt, 0)
	maxLen := 0
	add := func(m []byte, s float64) {
		result.Set(m, s)
		if len(m) > maxLen {
			maxLen = len(m)
		}
	}
	var card int64
	switch op {
	case opInter:
		if src[0].len() > 0 {
			stop := false
			src[0].each(func(m []byte, sc float64) {
				if stop {
					return
				}
				score := src[0].weight * sc
				if math.IsNaN(score) {
					score = 0
				}
				for k := 1; k < n; k++ {
					var v float64
					if src[k].same(&src[0]) {
						v = sc * src[k].weight
					} else if f, ok := src[k].find(m); ok {
						v = f * src[k].weight
					} else {
						return
					}
					aggregate(&score, v, agg)
				}
				if cardOnly {
					card++
					if limit > 0 && card >= limit {
						stop = true
					}
					return
				}
				add(m, score)
			})
		}
	case opUnion:
		acc := map[string]float64{}
		var order []string
		for i := range src {
			src[i].each(func(m []byte, sc float64) {
				score := src[i].weight * sc
				if math.IsNaN(score) {
					score = 0
				}
				if cur, ok := acc[string(m)]; ok {
					aggregate(&cur, score, agg)
					acc[string(m)] = cur
					return
				}
				acc[string(m)] = score
				order = append(order, string(m))
			})
		}
		for _, m := range order {
			add([]byte(m), acc[m])
		}
	case opDiff:
		zdiffInto(src, add)
	}
	switch {
	case cardOnly:
		c.W.Int(card)
	case dst != nil:
		key := string(dst)
		if result.Len() == 0 {
			c.W.Int(0)
			if c.DB.Delete(key) {
				changed(c, key, keyspace.NotifyGeneric, "del")
			}
			return
		}
		result.ConvertToListpackIfFits(maxLen)
		c.DB.Set(key, result)
		c.W.Int(int64(result.Len()))
		ev := map[int]string{opUnion: "zunionstore", opInter: "zinterstore", opDiff: "zdiffstore"}[op]
		changed(c, key, keyspace.NotifyZSet, ev)
		c.DB.Ready(key)
	default:
		out := &zrangeOut{c: c, withScores: withScores}
		result.Range(out.emit)
		out.reply()
	}
}

// zdiffInto adds the members of src[0] found in no other input.
func zdiffInto(src []zsrc, add func(m []byte, s float64)) {
	if src[0].len() == 0 {
		return
	}
	for k := 1; k < len(src); k++ {
		if src[k].same(&src[0]) {
			return
		}
	}
	src[0].each(func(m []byte, sc float64) {
		for k := 1; k < len(src); k++ {
			if _, ok := src[k].find(m); ok {
				return
			}
		}
		add(m, sc)
	})
}

func cmdZscan(c *engine.Ctx) {
	cursor, ok := parseScanCursor(c.Args[2])
	if !ok {
		c.Error(msgInvalidCursor)
		return
	}
	z, ok := zsetOf(c, c.Args[1])
	if !ok {
		return
	}
	if z == nil {
		replyScan(c, 0, nil)
		return
	}
	opts, ok := parseScanOpts(c, c.Args[3:], false)
	if !ok {
		return
	}
	var out [][]byte
	next := scanLoop(cursor, opts, func(cur uint64, visit func(m, extra []byte)) uint64 {
		return z.Scan(cur, func(m []byte, s float64) { visit(m, resp.AppendDouble(nil, s)) })
	}, &out, true)
	replyScan(c, next, out)
}
