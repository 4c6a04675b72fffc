package commands

import (
	"math"
	"math/big"
	"time"

	"modhost/engine"
	"modhost/keyspace"
)

func init() { groups = append(groups, registerBlocking) }

func registerBlocking(t *engine.Table) {
	listACL := []string{"write", "list", "slow", "blocking"}
	zsetACL := []string{"write", "sortedset", "slow", "blocking"}
	zsetFastACL := []string{"write", "sortedset", "fast", "blocking"}
	lastButOne := func(s *engine.Spec) *engine.Spec { s.First, s.Last, s.Step = 1, -2, 1; return s }
	t.Add(&engine.Spec{Name: "blmove", Arity: 6, Flags: write | denyoom | blocking, First: 1, Last: 2, Step: 1, ACL: listACL, Run: cmdBlmove})
	t.Add(&engine.Spec{Name: "blmpop", Arity: -5, Flags: write | blocking, GetKeys: numkeysKeys(2), ACL: listACL, Run: cmdBlmpop})
	t.Add(lastButOne(&engine.Spec{Name: "blpop", Arity: -3, Flags: write | blocking, ACL: listACL, Run: func(c *engine.Ctx) { cmdBpop(c, true) }}))
	t.Add(lastButOne(&engine.Spec{Name: "brpop", Arity: -3, Flags: write | blocking, ACL: listACL, Run: func(c *engine.Ctx) { cmdBpop(c, false) }}))
	t.Add(&engine.Spec{Name: "brpoplpush", Arity: 4, Flags: write | denyoom | blocking, First: 1, Last: 2, Step: 1, ACL: listACL, Run: cmdBrpoplpush})
	t.Add(&engine.Spec{Name: "bzmpop", Arity: -5, Flags: write | blocking, GetKeys: numkeysKeys(2), ACL: zsetACL, Run: cmdBzmpop})
	t.Add(lastButOne(&engine.Spec{Name: "bzpopmax", Arity: -3, Flags: write | fast | blocking, ACL: zsetFastACL, Run: func(c *engine.Ctx) { cmdBzpop(c, true) }}))
	t.Add(lastButOne(&engine.Spec{Name: "bzpopmin", Arity: -3, Flags: write | fast | blocking, ACL: zsetFastACL, Run: func(c *engine.Ctx) { cmdBzpop(c, false) }}))
}

// parseTimeout reads a blocking timeout in seconds as Redis 7.2 does (a
// long double, rounded up to whole milliseconds); zero means forever.
func parseTimeout(c *engine.Ctx, b []byte) (time.Time, bool) {
	f, ok := parseLongDouble(b)
	if !ok {
		c.Error(msgTimeoutNotFloat)
		return time.Time{}, false
	}
	ms := new(big.Float).SetPrec(ldPrec).Mul(f, big.NewFloat(1000))
	if ms.IsInf() && ms.Sign() > 0 || ms.Cmp(big.NewFloat(math.MaxInt64)) > 0 {
		c.Error(msgTimeoutRange)
		return time.Time{}, false
	}
	if ms.Sign() < 0 {
		// Negative values round up toward zero: -0.0001 seconds is 0.
		if i, _ := ms.Int64(); i < 0 || ms.IsInf() {
			c.Error(msgNegativeTimeout)
			return time.Time{}, false
		}
		return time.Time{}, true
	}
	i, acc := ms.Int64()
	if acc == big.Below {
		i++ // ceil
	}
	if i == 0 {
		return time.Time{}, true
	}
	now := time.Now().UnixMilli()
	if i > math.MaxInt64-now {
		c.Error(msgTimeoutRange)
		return time.Time{}, false
	}
	return time.UnixMilli(now + i), true
}

// mayBlock reports whether the client may be parked (engine.Client.CanBlock).
func mayBlock(c *engine.Ctx) bool { return c.C.CanBlock() }

// blockOn runs try now; when it finds nothing to serve it parks the
// client on keys until one of them holds kind and try succeeds, or the
// deadline passes (timeout reply: a null array). When blocking is not
// allowed it writes denied instead. try reports whether it wrote a reply.
func blockOn(c *engine.Ctx, keys [][]byte, kind keyspace.Kind, deadline time.Time, try func(c *engine.Ctx) bool, denied func()) {
	if try(c) {
		return
	}
	if !mayBlock(c) {
		denied()
		return
	}
	// The command is re-run against these copies when a key is ready,
	// as Redis 7.2 re-executes a blocked command.
	args := make([][]byte, len(c.Args))
	for i, a := range c.Args {
		args[i] = append([]byte(nil), a...)
	}
	seen := map[string]bool{}
	var names []string
	for _, k := range keys {
		if !seen[string(k)] {
			seen[string(k)] = true
			names = append(names, string(k))
		}
	}
	s, client, cmd, db := c.S, c.C, c.Cmd, c.DB
	b := &engine.Block{Keys: names, DB: db, Deadline: deadline, Kind: cmd.FullName()}
	b.TryServe = func(key string) bool {
		// Checked without side effects, as Redis does before re-running:
		// an expired key is not reclaimed (nor its DEL propagated) here.
		e := db.PeekLive(key)
		if e == nil || e.Val.Kind() != kind {
			return false
		}
		if msg := aclRecheck(s, client, cmd, args); msg != "" {
			return true
		}
		ctx := &engine.Ctx{S: s, C: client, Cmd: cmd, Args: args, DB: db, W: client.W}
		return try(ctx)
	}
	b.Timeout = func() { client.W.NullArray() }
	s.BlockClient(client, b)
}

func cmdBpop(c *engine.Ctx, head bool) {
	deadline, ok := parseTimeout(c, c.Args[len(c.Args)-1])
	if !ok {
		return
	}
	keys := c.Args[1 : len(c.Args)-1]
	blockOn(c, keys, keyspace.KindList, deadline, func(c *engine.Ctx) bool {
		for _, k := range c.Args[1 : len(c.Args)-1] {
			l, ok := listForWrite(c, k)
			if !ok {
				return true
			}
			if l == nil || l.Len() == 0 {
				continue
			}
			var v []byte
			if head {
				v = l.PopHead()
			} else {
				v = l.PopTail()
			}
			c.W.Array(2)
			c.W.Bulk(k)
			c.W.Bulk(v)
			listPopped(c, string(k), l, head)
			return true
		}
		return false
	}, func() { c.W.NullArray() })
}

func blmoveGeneric(c *engine.Ctx, from, to bool, deadline time.Time) {
	blockOn(c, c.Args[1:2], keyspace.KindList, deadline, func(c *engine.Ctx) bool {
		src, ok := listForWrite(c, c.Args[1])
		if !ok {
			return true
		}
		if src == nil || src.Len() == 0 {
			return false
		}
		lmoveFrom(c, src, from, to)
		return true
	}, func() { c.W.Null() })
}

func cmdBlmove(c *engine.Ctx) {
	from, ok := parseWhere(c, c.Args[3])
	if !ok {
		return
	}
	to, ok := parseWhere(c, c.Args[4])
	if !ok {
		return
	}
	deadline, ok := parseTimeout(c, c.Args[5])
	if !ok {
		return
	}
	blmoveGeneric(c, from, to, deadline)
}

func cmdBrpoplpush(c *engine.Ctx) {
	deadline, ok := parseTimeout(c, c.Args[3])
	if !ok {
		return
	}
	blmoveGeneric(c, false, true, deadline)
}

func cmdBlmpop(c *engine.Ctx) {
	a, ok := parseMpop(c, 2, isLeftRight)
	if !ok {
		return
	}
	deadline, ok := parseTimeout(c, c.Args[1])
	if !ok {
		return
	}
	blockOn(c, a.keys, keyspace.KindList, deadline, func(c *engine.Ctx) bool {
		// Re-derive the keys from this context's arguments (a re-run uses
		// the saved copies).
		n := len(a.keys)
		return lmpopTry(c, mpopArgs{keys: c.Args[3 : 3+n], where: c.Args[3+n], count: a.count})
	}, func() { c.W.NullArray() })
}

func cmdBzpop(c *engine.Ctx, max bool) {
	deadline, ok := parseTimeout(c, c.Args[len(c.Args)-1])
	if !ok {
		return
	}
	keys := c.Args[1 : len(c.Args)-1]
	blockOn(c, keys, keyspace.KindZSet, deadline, func(c *engine.Ctx) bool {
		for _, k := range c.Args[1 : len(c.Args)-1] {
			z, ok := zsetForWrite(c, k)
			if !ok {
				return true
			}
			if z == nil || z.Len() == 0 {
				continue
			}
			zpopGeneric(c, [][]byte{k}, max, true, -1, false, false)
			return true
		}
		return false
	}, func() { c.W.NullArray() })
}

func cmdBzmpop(c *engine.Ctx) {
	a, ok := parseMpop(c, 2, isMinMax)
	if !ok {
		return
	}
	deadline, ok := parseTimeout(c, c.Args[1])
	if !ok {
		return
	}
	max := eqFold(a.where, "max")
	n := len(a.keys)
	blockOn(c, a.keys, keyspace.KindZSet, deadline, func(c *engine.Ctx) bool {
		for _, k := range c.Args[3 : 3+n] {
			z, ok := zsetForWrite(c, k)
			if !ok {
				return true
			}
			if z == nil || z.Len() == 0 {
				continue
			}
			zpopGeneric(c, [][]byte{k}, max, true, a.count, true, true)
			return true
		}
		return false
	}, func() { c.W.NullArray() })
}
