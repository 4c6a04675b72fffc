package commands

import (
	"math/rand/v2"
	"sort"

	"modhost/engine"
	"modhost/keyspace"
)

func init() { groups = append(groups, registerSet) }

func registerSet(t *engine.Table) {
	keys := func(first, last int, s *engine.Spec) *engine.Spec {
		s.First, s.Last, s.Step = first, last, 1
		return s
	}
	acl := func(cat ...string) []string { return append(cat, "set") }
	t.Add(keys(1, 1, &engine.Spec{Name: "sadd", Arity: -3, Flags: write | denyoom | fast, ACL: acl("write", "fast"), Run: cmdSadd}))
	t.Add(keys(1, 1, &engine.Spec{Name: "scard", Arity: 2, Flags: readonly | fast, ACL: acl("read", "fast"), Run: cmdScard}))
	t.Add(keys(1, -1, &engine.Spec{Name: "sdiff", Arity: -2, Flags: readonly, ACL: acl("read", "slow"), Run: func(c *engine.Ctx) { sunionDiff(c, c.Args[1:], nil, false) }}))
	t.Add(keys(1, -1, &engine.Spec{Name: "sdiffstore", Arity: -3, Flags: write | denyoom, ACL: acl("write", "slow"), Run: func(c *engine.Ctx) { sunionDiff(c, c.Args[2:], c.Args[1], false) }}))
	t.Add(keys(1, -1, &engine.Spec{Name: "sinter", Arity: -2, Flags: readonly, ACL: acl("read", "slow"), Run: func(c *engine.Ctx) { sinter(c, c.Args[1:], nil, false, 0) }}))
	t.Add(&engine.Spec{Name: "sintercard", Arity: -3, Flags: readonly, GetKeys: numkeysKeys(1), ACL: acl("read", "slow"), Run: cmdSintercard})
	t.Add(keys(1, -1, &engine.Spec{Name: "sinterstore", Arity: -3, Flags: write | denyoom, ACL: acl("write", "slow"), Run: func(c *engine.Ctx) { sinter(c, c.Args[2:], c.Args[1], false, 0) }}))
	t.Add(keys(1, 1, &engine.Spec{Name: "sismember", Arity: 3, Flags: readonly | fast, ACL: acl("read", "fast"), Run: cmdSismember}))
	t.Add(keys(1, 1, &engine.Spec{Name: "smembers", Arity: 2, Flags: readonly, ACL: acl("read", "slow"), Run: func(c *engine.Ctx) { sinter(c, c.Args[1:2], nil, false, 0) }}))
	t.Add(keys(1, 1, &engine.Spec{Name: "smismember", Arity: -3, Flags: readonly | fast, ACL: acl("read", "fast"), Run: cmdSmismember}))
	t.Add(keys(1, 2, &engine.Spec{Name: "smove", Arity: 4, Flags: write | fast, ACL: acl("write", "fast"), Run: cmdSmove}))
	t.Add(keys(1, 1, &engine.Spec{Name: "spop", Arity: -2, Flags: write | fast, ACL: acl("write", "fast"), Run: cmdSpop}))
	t.Add(keys(1, 1, &engine.Spec{Name: "srandmember", Arity: -2, Flags: readonly, ACL: acl("read", "slow"), Run: cmdSrandmember}))
	t.Add(keys(1, 1, &engine.Spec{Name: "srem", Arity: -3, Flags: write | fast, ACL: acl("write", "fast"), Run: cmdSrem}))
	t.Add(keys(1, 1, &engine.Spec{Name: "sscan", Arity: -3, Flags: readonly, ACL: acl("read", "slow"), Run: cmdSscan}))
	t.Add(keys(1, -1, &engine.Spec{Name: "sunion", Arity: -2, Flags: readonly, ACL: acl("read", "slow"), Run: func(c *engine.Ctx) { sunionDiff(c, c.Args[1:], nil, true) }}))
	t.Add(keys(1, -1, &engine.Spec{Name: "sunionstore", Arity: -3, Flags: write | denyoom, ACL: acl("write", "slow"), Run: func(c *engine.Ctx) { sunionDiff(c, c.Args[2:], c.Args[1], true) }}))
}

func setOf(c *engine.Ctx, key []byte) (*keyspace.Set, bool) {
	e, ok := readKey(c, key, keyspace.KindSet)
	if !ok || e == nil {
		return nil, ok
	}
	return e.Val.(*keyspace.Set), true
}

func setForWrite(c *engine.Ctx, key []byte) (*keyspace.Set, bool) {
	e, ok := lookupWrite(c, key, keyspace.KindSet)
	if !ok || e == nil {
		return nil, ok
	}
	return e.Val.(*keyspace.Set), true
}

func cmdSadd(c *engine.Ctx) {
	key, e, ok := writeKey(c, c.Args[1], keyspace.KindSet)
	if !ok {
		return
	}
	var s *keyspace.Set
	if e == nil {
		s = keyspace.NewSetFor(c.Args[2], len(c.Args)-2)
		key, _ = c.DB.SetKey(c.Args[1], s, false)
	} else {
		s = e.Val.(*keyspace.Set)
		s.MaybeConvert(len(c.Args) - 2)
	}
	added := 0
	for _, m := range c.Args[2:] {
		if s.Add(m) {
			added++
		}
	}
	if added > 0 {
		changed(c, key, keyspace.NotifySet, "sadd")
	}
	c.W.Int(int64(added))
}

func cmdSrem(c *engine.Ctx) {
	s, ok := setForWrite(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		c.W.Int(0)
		return
	}
	key := string(c.Args[1])
	deleted := 0
	for _, m := range c.Args[2:] {
		if s.Remove(m) {
			deleted++
			if s.Len() == 0 {
				break
			}
		}
	}
	if deleted > 0 {
		empty := s.Len() == 0
		if empty {
			c.DB.Delete(key)
		}
		changed(c, key, keyspace.NotifySet, "srem")
		if empty {
			c.DB.Notify(keyspace.NotifyGeneric, "del", key)
		}
	}
	c.W.Int(int64(deleted))
}

func cmdSmove(c *engine.Ctx) {
	srcE := c.DB.LookupNoTouch(string(c.Args[1]))
	dstE := c.DB.LookupNoTouch(string(c.Args[2]))
	if srcE == nil {
		c.W.Int(0)
		return
	}
	if srcE.Val.Kind() != keyspace.KindSet || (dstE != nil && dstE.Val.Kind() != keyspace.KindSet) {
		c.Error(msgWrongType)
		return
	}
	src := srcE.Val.(*keyspace.Set)
	m := c.Args[3]
	if dstE == srcE {
		if src.IsMember(m) {
			c.W.Int(1)
		} else {
			c.W.Int(0)
		}
		return
	}
	if !src.Remove(m) {
		c.W.Int(0)
		return
	}
	srcKey, dstKey := string(c.Args[1]), string(c.Args[2])
	c.DB.Notify(keyspace.NotifySet, "srem", srcKey)
	if src.Len() == 0 {
		c.DB.Delete(srcKey)
		c.DB.Notify(keyspace.NotifyGeneric, "del", srcKey)
	}
	var dst *keyspace.Set
	if dstE == nil {
		dst = keyspace.NewSetFor(m, 1)
		c.DB.Set(dstKey, dst)
	} else {
		dst = dstE.Val.(*keyspace.Set)
	}
	c.DB.Modified(srcKey)
	c.S.KS.Dirty++
	if dst.Add(m) {
		changed(c, dstKey, keyspace.NotifySet, "sadd")
	}
	c.W.Int(1)
}

func cmdSismember(c *engine.Ctx) {
	s, ok := setOf(c, c.Args[1])
	if !ok {
		return
	}
	if s != nil && s.IsMember(c.Args[2]) {
		c.W.Int(1)
		return
	}
	c.W.Int(0)
}

func cmdSmismember(c *engine.Ctx) {
	s, ok := setOf(c, c.Args[1])
	if !ok {
		return
	}
	c.W.Array(len(c.Args) - 2)
	for _, m := range c.Args[2:] {
		if s != nil && s.IsMember(m) {
			c.W.Int(1)
		} else {
			c.W.Int(0)
		}
	}
}

func cmdScard(c *engine.Ctx) {
	s, ok := setOf(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		c.W.Int(0)
		return
	}
	c.W.Int(int64(s.Len()))
}

func cmdSpop(c *engine.Ctx) {
	if len(c.Args) > 3 {
		c.Error(msgSyntax)
		return
	}
	key := string(c.Args[1])
	if len(c.Args) == 3 {
		spopCount(c, key)
		return
	}
	s, ok := setForWrite(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		c.W.Null()
		return
	}
	m := s.PopRandom()
	c.DB.Notify(keyspace.NotifySet, "spop", key)
	c.W.Bulk(m)
	if s.Len() == 0 {
		c.DB.Delete(key)
		c.DB.Notify(keyspace.NotifyGeneric, "del", key)
	}
	c.DB.Modified(key)
	c.S.KS.Dirty++
}

func spopCount(c *engine.Ctx, key string) {
	count, ok := argPositive(c, c.Args[2], "")
	if !ok {
		return
	}
	s, ok := setForWrite(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil || count == 0 {
		c.W.Set(0)
		return
	}
	c.DB.Notify(keyspace.NotifySet, "spop", key)
	if count >= int64(s.Len()) {
		// The whole set goes; the reply lists it as SUNION would.
		replySetMembers(c, unionOf([]*keyspace.Set{s}))
		c.DB.Delete(key)
		c.DB.Notify(keyspace.NotifyGeneric, "del", key)
		c.DB.Modified(key)
		c.S.KS.Dirty++
		return
	}
	c.W.Set(int(count))
	for i := int64(0); i < count; i++ {
		c.W.Bulk(s.PopRandom())
	}
	c.DB.Modified(key)
	c.S.KS.Dirty++
}

func cmdSrandmember(c *engine.Ctx) {
	if len(c.Args) > 3 {
		c.Error(msgSyntax)
		return
	}
	if len(c.Args) == 3 {
		srandmemberCount(c)
		return
	}
	s, ok := setOf(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		c.W.Null()
		return
	}
	c.W.Bulk(s.Random())
}

func srandmemberCount(c *engine.Ctx) {
	l, ok := intArgRange(c, c.Args[2], -(1<<63 - 1), 1<<63-1, "")
	if !ok {
		return
	}
	s, ok := setOf(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil || l == 0 {
		c.W.Array(0)
		return
	}
	if l < 0 || l == 1 {
		n := l
		if n < 0 {
			n = -n
		}
		c.W.Array(int(n))
		if n == 1 {
			c.W.Bulk(s.Random())
			return
		}
		// Sample from a snapshot so every member is equally likely.
		all := s.Members()
		for i := int64(0); i < n; i++ {
			c.W.Bulk(all[rand.IntN(len(all))])
		}
		return
	}
	members := s.Members()
	if l >= int64(len(members)) {
		c.W.Array(len(members))
		for _, m := range members {
			c.W.Bulk(m)
		}
		return
	}
	// Distinct members: keep a random subset in the set's own order.
	keep := make([]bool, len(members))
	for _, i := range rand.Perm(len(members))[:l] {
		keep[i] = true
	}
	c.W.Array(int(l))
	for i, m := range members {
		if keep[i] {
			c.W.Bulk(m)
		}
	}
}

// setsOf looks up every key for a multi-set operation; missing keys are
// nil. ok=false means WRONGTYPE was written.
func setsOf(c *engine.Ctx, keys [][]byte) ([]*keyspace.Set, bool) {
	out := make([]*keyspace.Set, len(keys))
	for i, k := range keys {
		s, ok := setOf(c, k)
		if !ok {
			return nil, false
		}
		out[i] = s
	}
	return out, true
}

// storeSet puts result under dst (or deletes dst when result is empty)
// and replies with the cardinality, raising event.
func storeSet(c *engine.Ctx, dst []byte, result *keyspace.Set, event string) {
	key := string(dst)
	if result.Len() > 0 {
		c.DB.Set(key, result)
		c.W.Int(int64(result.Len()))
		changed(c, key, keyspace.NotifySet, event)
		return
	}
	c.W.Int(0)
	if c.DB.Delete(key) {
		changed(c, key, keyspace.NotifyGeneric, "del")
	}
}

// replySetMembers writes every member of s as a set reply.
func replySetMembers(c *engine.Ctx, s *keyspace.Set) {
	c.W.Set(s.Len())
	s.Range(func(m []byte) bool { c.W.Bulk(m); return true })
}

func sinter(c *engine.Ctx, keys [][]byte, dst []byte, cardOnly bool, limit int64) {
	sets, ok := setsOf(c, keys)
	if !ok {
		return
	}
	for _, s := range sets {
		if s == nil {
			switch {
			case dst != nil:
				c.W.Int(0)
				key := string(dst)
				if c.DB.Delete(key) {
					changed(c, key, keyspace.NotifyGeneric, "del")
				}
			case cardOnly:
				c.W.Int(0)
			default:
				c.W.Set(0)
			}
			return
		}
	}
	sort.SliceStable(sets, func(i, j int) bool { return sets[i].Len() < sets[j].Len() })
	var result *keyspace.Set
	if dst != nil {
		if sets[0].Encoding() == "intset" {
			result = keyspace.NewIntSet()
		} else {
			result = keyspace.NewSetFor(nil, 0)
		}
	}
	var members [][]byte
	card := int64(0)
	sets[0].Range(func(m []byte) bool {
		for _, s := range sets[1:] {
			if s != sets[0] && !s.IsMember(m) {
				return true
			}
		}
		card++
		switch {
		case cardOnly:
			return limit == 0 || card < limit
		case dst != nil:
			result.Add(m)
		default:
			members = append(members, m)
		}
		return true
	})
	switch {
	case cardOnly:
		c.W.Int(card)
	case dst != nil:
		result.MaybeIntset()
		storeSet(c, dst, result, "sinterstore")
	default:
		c.W.Set(len(members))
		for _, m := range members {
			c.W.Bulk(m)
		}
	}
}

func cmdSintercard(c *engine.Ctx) {
	n, ok := intArgRange(c, c.Args[1], 1, 1<<63-1, msgNumkeysPos)
	if !ok {
		return
	}
	if n > int64(len(c.Args)-2) {
		c.Error(msgKeysMoreThanArgs)
		return
	}
	var limit int64
	for j := 2 + int(n); j < len(c.Args); j++ {
		if eqFold(c.Args[j], "limit") && j+1 < len(c.Args) {
			j++
			if limit, ok = argPositive(c, c.Args[j], msgLimitNegative); !ok {
				return
			}
			continue
		}
		c.Error(msgSyntax)
		return
	}
	sinter(c, c.Args[2:2+n], nil, true, limit)
}

// unionOf builds the union of sets (nil entries are empty) the way Redis
// does: starting from an intset, so the result's encoding and order
// follow from the members.
func unionOf(sets []*keyspace.Set) *keyspace.Set {
	out := keyspace.NewIntSet()
	for _, s := range sets {
		if s != nil {
			s.Range(func(m []byte) bool { out.Add(m); return true })
		}
	}
	return out
}

func sunionDiff(c *engine.Ctx, keys [][]byte, dst []byte, union bool) {
	sets, ok := setsOf(c, keys)
	if !ok {
		return
	}
	var result *keyspace.Set
	if union {
		result = unionOf(sets)
	} else {
		result = diffOf(sets)
	}
	if dst == nil {
		replySetMembers(c, result)
		return
	}
	ev := "sdiffstore"
	if union {
		ev = "sunionstore"
	}
	storeSet(c, dst, result, ev)
}

// diffOf is the first set minus the others, built in the order (and with
// the algorithm choice) Redis uses, since the result's order shows.
func diffOf(sets []*keyspace.Set) *keyspace.Set {
	out := keyspace.NewIntSet()
	first := sets[0]
	if first == nil {
		return out
	}
	for _, s := range sets[1:] {
		if s == first {
			return out
		}
	}
	one, two := 0, 0
	for _, s := range sets {
		if s != nil {
			one += first.Len()
			two += s.Len()
		}
	}
	one /= 2
	if one <= two {
		rest := append([]*keyspace.Set(nil), sets[1:]...)
		sort.SliceStable(rest, func(i, j int) bool { return setLen(rest[i]) > setLen(rest[j]) })
		first.Range(func(m []byte) bool {
			for _, s := range rest {
				if s != nil && s.IsMember(m) {
					return true
				}
			}
			out.Add(m)
			return true
		})
		return out
	}
	for i, s := range sets {
		if s == nil {
			continue
		}
		s.Range(func(m []byte) bool {
			if i == 0 {
				out.Add(m)
			} else {
				out.Remove(m)
			}
			return true
		})
		if out.Len() == 0 {
			break
		}
	}
	return out
}

func setLen(s *keyspace.Set) int {
	if s == nil {
		return 0
	}
	return s.Len()
}

func cmdSscan(c *engine.Ctx) {
	cursor, ok := parseScanCursor(c.Args[2])
	if !ok {
		c.Error(msgInvalidCursor)
		return
	}
	s, ok := setOf(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		replyScan(c, 0, nil)
		return
	}
	opts, ok := parseScanOpts(c, c.Args[3:], false)
	if !ok {
		return
	}
	var out [][]byte
	next := scanLoop(cursor, opts, func(cur uint64, visit func(m, extra []byte)) uint64 {
		return s.Scan(cur, func(m []byte) { visit(m, nil) })
	}, &out, false)
	replyScan(c, next, out)
}
