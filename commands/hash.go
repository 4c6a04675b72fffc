package commands

import (
	"math/big"
	"math/rand/v2"

	"modhost/engine"
	"modhost/internal/glob"
	"modhost/keyspace"
)

func init() { groups = append(groups, registerHash) }

func registerHash(t *engine.Table) {
	k1 := func(s *engine.Spec) *engine.Spec { s.First, s.Last, s.Step = 1, 1, 1; return s }
	acl := func(cat ...string) []string { return append(cat, "hash") }
	t.Add(k1(&engine.Spec{Name: "hdel", Arity: -3, Flags: write | fast, ACL: acl("write", "fast"), Run: cmdHdel}))
	t.Add(k1(&engine.Spec{Name: "hexists", Arity: 3, Flags: readonly | fast, ACL: acl("read", "fast"), Run: cmdHexists}))
	t.Add(k1(&engine.Spec{Name: "hget", Arity: 3, Flags: readonly | fast, ACL: acl("read", "fast"), Run: cmdHget}))
	t.Add(k1(&engine.Spec{Name: "hgetall", Arity: 2, Flags: readonly, ACL: acl("read", "slow"), Run: func(c *engine.Ctx) { hgetall(c, true, true) }}))
	t.Add(k1(&engine.Spec{Name: "hincrby", Arity: 4, Flags: write | denyoom | fast, ACL: acl("write", "fast"), Run: cmdHincrby}))
	t.Add(k1(&engine.Spec{Name: "hincrbyfloat", Arity: 4, Flags: write | denyoom | fast, ACL: acl("write", "fast"), Run: cmdHincrbyfloat}))
	t.Add(k1(&engine.Spec{Name: "hkeys", Arity: 2, Flags: readonly, ACL: acl("read", "slow"), Run: func(c *engine.Ctx) { hgetall(c, true, false) }}))
	t.Add(k1(&engine.Spec{Name: "hlen", Arity: 2, Flags: readonly | fast, ACL: acl("read", "fast"), Run: cmdHlen}))
	t.Add(k1(&engine.Spec{Name: "hmget", Arity: -3, Flags: readonly | fast, ACL: acl("read", "fast"), Run: cmdHmget}))
	t.Add(k1(&engine.Spec{Name: "hmset", Arity: -4, Flags: write | denyoom | fast, ACL: acl("write", "fast"), Run: func(c *engine.Ctx) { hset(c, false) }}))
	t.Add(k1(&engine.Spec{Name: "hrandfield", Arity: -2, Flags: readonly, ACL: acl("read", "slow"), Run: cmdHrandfield}))
	t.Add(k1(&engine.Spec{Name: "hscan", Arity: -3, Flags: readonly, ACL: acl("read", "slow"), Run: cmdHscan}))
	t.Add(k1(&engine.Spec{Name: "hset", Arity: -4, Flags: write | denyoom | fast, ACL: acl("write", "fast"), Run: func(c *engine.Ctx) { hset(c, true) }}))
	t.Add(k1(&engine.Spec{Name: "hsetnx", Arity: 4, Flags: write | denyoom | fast, ACL: acl("write", "fast"), Run: cmdHsetnx}))
	t.Add(k1(&engine.Spec{Name: "hstrlen", Arity: 3, Flags: readonly | fast, ACL: acl("read", "fast"), Run: cmdHstrlen}))
	t.Add(k1(&engine.Spec{Name: "hvals", Arity: 2, Flags: readonly, ACL: acl("read", "slow"), Run: func(c *engine.Ctx) { hgetall(c, false, true) }}))
}

func hashOf(c *engine.Ctx, key []byte) (*keyspace.Hash, bool) {
	e, ok := readKey(c, key, keyspace.KindHash)
	if !ok || e == nil {
		return nil, ok
	}
	return e.Val.(*keyspace.Hash), true
}

// hashCreate returns the hash at key for writing, creating it when
// missing; nil means WRONGTYPE was written.
// k is the key as the db stores it (see writeKey).
func hashCreate(c *engine.Ctx, key []byte) (k string, h *keyspace.Hash) {
	k, e, ok := writeKey(c, key, keyspace.KindHash)
	if !ok {
		return "", nil
	}
	if e == nil {
		h := keyspace.NewHash()
		k, _ = c.DB.SetKey(key, h, false)
		return k, h
	}
	return k, e.Val.(*keyspace.Hash)
}

func hset(c *engine.Ctx, isHset bool) {
	if len(c.Args)%2 == 1 {
		c.Error(fmtErr(msgWrongArityFmt, c.Cmd.FullName()))
		return
	}
	k, h := hashCreate(c, c.Args[1])
	if h == nil {
		return
	}
	h.BeforeSet(c.Args[2:])
	created := 0
	for i := 2; i < len(c.Args); i += 2 {
		if h.Set(c.Args[i], c.Args[i+1]) {
			created++
		}
	}
	if isHset {
		c.W.Int(int64(created))
	} else {
		c.W.OK()
	}
	changed(c, k, keyspace.NotifyHash, "hset")
}

func cmdHsetnx(c *engine.Ctx) {
	k, h := hashCreate(c, c.Args[1])
	if h == nil {
		return
	}
	if h.Exists(c.Args[2]) {
		c.W.Int(0)
		return
	}
	h.BeforeSet(c.Args[2:4])
	h.Set(c.Args[2], c.Args[3])
	c.W.Int(1)
	changed(c, k, keyspace.NotifyHash, "hset")
}

func cmdHincrby(c *engine.Ctx) {
	incr, ok := intArg(c, c.Args[3], "")
	if !ok {
		return
	}
	k, h := hashCreate(c, c.Args[1])
	if h == nil {
		return
	}
	var cur int64
	if v, ok := h.Get(c.Args[2]); ok {
		if cur, ok = keyspace.ParseInt(v); !ok {
			c.Error(msgHashNotInt)
			return
		}
	}
	if (incr < 0 && cur < 0 && incr < -1<<63-cur) || (incr > 0 && cur > 0 && incr > 1<<63-1-cur) {
		c.Error(msgOverflow)
		return
	}
	cur += incr
	h.Set(c.Args[2], keyspace.FormatInt(nil, cur))
	c.W.Int(cur)
	changed(c, k, keyspace.NotifyHash, "hincrby")
}

func cmdHincrbyfloat(c *engine.Ctx) {
	incr, ok := parseLongDouble(c.Args[3])
	if !ok {
		c.Error(msgNotFloat)
		return
	}
	if incr.IsInf() {
		c.Error(msgValueNaNInf)
		return
	}
	var cur *big.Float
	k, h := hashCreate(c, c.Args[1])
	if h == nil {
		return
	}
	if v, ok := h.Get(c.Args[2]); ok {
		if cur, ok = parseLongDouble(v); !ok {
			c.Error(msgHashNotFloat)
			return
		}
	} else {
		cur = new(big.Float).SetPrec(ldPrec)
	}
	sum, ok := addLongDouble(cur, incr)
	if !ok {
		c.Error(msgIncrFloatNaN)
		return
	}
	out := formatLongDoubleHuman(sum)
	h.Set(c.Args[2], out)
	c.W.Bulk(out)
	changed(c, k, keyspace.NotifyHash, "hincrbyfloat")
}

func cmdHget(c *engine.Ctx) {
	h, ok := hashOf(c, c.Args[1])
	if !ok {
		return
	}
	if h == nil {
		c.W.Null()
		return
	}
	if v, ok := h.Get(c.Args[2]); ok {
		c.W.Bulk(v)
		return
	}
	c.W.Null()
}

func cmdHmget(c *engine.Ctx) {
	h, ok := hashOf(c, c.Args[1])
	if !ok {
		return
	}
	c.W.Array(len(c.Args) - 2)
	for _, f := range c.Args[2:] {
		if h != nil {
			if v, ok := h.Get(f); ok {
				c.W.Bulk(v)
				continue
			}
		}
		c.W.Null()
	}
}

func cmdHdel(c *engine.Ctx) {
	e, ok := lookupWrite(c, c.Args[1], keyspace.KindHash)
	if !ok {
		return
	}
	if e == nil {
		c.W.Int(0)
		return
	}
	h := e.Val.(*keyspace.Hash)
	key := string(c.Args[1])
	deleted := 0
	for _, f := range c.Args[2:] {
		if h.Delete(f) {
			deleted++
			if h.Len() == 0 {
				break
			}
		}
	}
	if deleted > 0 {
		empty := h.Len() == 0
		if empty {
			c.DB.Delete(key)
		}
		changed(c, key, keyspace.NotifyHash, "hdel")
		if empty {
			c.DB.Notify(keyspace.NotifyGeneric, "del", key)
		}
	}
	c.W.Int(int64(deleted))
}

func cmdHlen(c *engine.Ctx) {
	h, ok := hashOf(c, c.Args[1])
	if !ok {
		return
	}
	if h == nil {
		c.W.Int(0)
		return
	}
	c.W.Int(int64(h.Len()))
}

func cmdHstrlen(c *engine.Ctx) {
	h, ok := hashOf(c, c.Args[1])
	if !ok {
		return
	}
	if h == nil {
		c.W.Int(0)
		return
	}
	v, _ := h.Get(c.Args[2])
	c.W.Int(int64(len(v)))
}

func cmdHexists(c *engine.Ctx) {
	h, ok := hashOf(c, c.Args[1])
	if !ok {
		return
	}
	if h != nil && h.Exists(c.Args[2]) {
		c.W.Int(1)
		return
	}
	c.W.Int(0)
}

func hgetall(c *engine.Ctx, keys, vals bool) {
	h, ok := hashOf(c, c.Args[1])
	if !ok {
		return
	}
	n := 0
	if h != nil {
		n = h.Len()
	}
	if keys && vals {
		c.W.Map(n)
	} else {
		c.W.Array(n)
	}
	if h == nil {
		return
	}
	h.Range(func(f, v []byte) bool {
		if keys {
			c.W.Bulk(f)
		}
		if vals {
			c.W.Bulk(v)
		}
		return true
	})
}

func cmdHrandfield(c *engine.Ctx) {
	if len(c.Args) >= 3 {
		if l, with, ok := parseRandCount(c, "withvalues"); ok {
			hrandfieldCount(c, l, with)
		}
		return
	}
	h, ok := hashOf(c, c.Args[1])
	if !ok {
		return
	}
	if h == nil {
		c.W.Null()
		return
	}
	f, _, _ := h.Random()
	c.W.Bulk(f)
}

func hrandfieldCount(c *engine.Ctx, l int64, withValues bool) {
	h, ok := hashOf(c, c.Args[1])
	if !ok {
		return
	}
	if h == nil || l == 0 {
		c.W.Array(0)
		return
	}
	pair := func(f, v []byte) {
		if withValues && c.C.Resp > 2 {
			c.W.Array(2)
		}
		c.W.Bulk(f)
		if withValues {
			c.W.Bulk(v)
		}
	}
	header := func(n int64) {
		if withValues && c.C.Resp == 2 {
			c.W.Array(int(n * 2))
		} else {
			c.W.Array(int(n))
		}
	}
	size := int64(h.Len())
	if l < 0 || l == 1 {
		count := l
		if count < 0 {
			count = -count
		}
		header(count)
		if count == 1 {
			f, v, _ := h.Random()
			pair(f, v)
			return
		}
		// Sample from a snapshot so every field is equally likely (the
		// dict's own random pick favours fields in short chains).
		var all []hashEntry
		h.Range(func(f, v []byte) bool { all = append(all, hashEntry{f, v}); return true })
		for i := int64(0); i < count; i++ {
			e := all[rand.IntN(len(all))]
			pair(e.f, e.v)
		}
		return
	}
	if l >= size {
		header(size)
		h.Range(func(f, v []byte) bool { pair(f, v); return true })
		return
	}
	// Pick l distinct fields: shuffle the field list and keep a prefix,
	// then reply in the hash's own order, as Redis does for small hashes.
	var all []hashEntry
	h.Range(func(f, v []byte) bool { all = append(all, hashEntry{f, v}); return true })
	idx := rand.Perm(len(all))[:l]
	keep := make([]bool, len(all))
	for _, i := range idx {
		keep[i] = true
	}
	header(l)
	for i, e := range all {
		if keep[i] {
			pair(e.f, e.v)
		}
	}
}

type hashEntry struct{ f, v []byte }

func cmdHscan(c *engine.Ctx) {
	cursor, ok := parseScanCursor(c.Args[2])
	if !ok {
		c.Error(msgInvalidCursor)
		return
	}
	h, ok := hashOf(c, c.Args[1])
	if !ok {
		return
	}
	if h == nil {
		replyScan(c, 0, nil)
		return
	}
	opts, ok := parseScanOpts(c, c.Args[3:], false)
	if !ok {
		return
	}
	var out [][]byte
	next := scanLoop(cursor, opts, func(cur uint64, visit func(member []byte, extra []byte)) uint64 {
		return h.Scan(cur, func(f, v []byte) { visit(f, v) })
	}, &out, true)
	replyScan(c, next, out)
}

// scanLoop drives step (one dict bucket per call) the way Redis's SCAN
// does: until the cursor wraps, COUNT elements were seen, or ten times
// COUNT steps passed. Matching elements (and their extra, when pairs) are
// appended to out.
func scanLoop(cursor uint64, o scanOpts, step func(cur uint64, visit func(m, extra []byte)) uint64, out *[][]byte, pairs bool) uint64 {
	sampled := int64(0)
	maxIter := o.count * 10
	visit := func(m, extra []byte) {
		sampled++
		if o.pattern != nil && !glob.Match(o.pattern, m, false) {
			return
		}
		*out = append(*out, m)
		if pairs {
			*out = append(*out, extra)
		}
	}
	for {
		cursor = step(cursor, visit)
		if cursor == 0 || maxIter == 0 || sampled >= o.count {
			break
		}
		maxIter--
	}
	return cursor
}

// replyScan writes [cursor, [elements...]].
func replyScan(c *engine.Ctx, cursor uint64, elems [][]byte) {
	c.W.Array(2)
	c.W.BulkString(uitoa(cursor))
	c.W.Array(len(elems))
	for _, e := range elems {
		c.W.Bulk(e)
	}
}

func uitoa(v uint64) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return string(buf[i:])
}

// parseRandCount parses the count and the optional WITHVALUES/WITHSCORES
// word of HRANDFIELD and ZRANDMEMBER, writing Redis's error when they are
// bad. With the word, the count must leave room to double the reply.
func parseRandCount(c *engine.Ctx, word string) (count int64, with, ok bool) {
	l, ok := intArgRange(c, c.Args[2], -(1<<63 - 1), 1<<63-1, "")
	if !ok {
		return 0, false, false
	}
	if len(c.Args) > 4 || (len(c.Args) == 4 && !eqFold(c.Args[3], word)) {
		c.Error(msgSyntax)
		return 0, false, false
	}
	if len(c.Args) == 4 {
		if l < -(1<<63-1)/2 || l > (1<<63-1)/2 {
			c.Error(msgValueOutOfRange)
			return 0, false, false
		}
		return l, true, true
	}
	return l, false, true
}
