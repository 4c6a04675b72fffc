package commands

import (
	"math"
	"strings"

	"modhost/engine"
	"modhost/internal/glob"
	"modhost/keyspace"
	"modhost/rdb"
)

func init() { groups = append(groups, registerGeneric) }

func registerGeneric(t *engine.Table) {
	t.Add(&engine.Spec{Name: "del", Arity: -2, Flags: write, First: 1, Last: -1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RM", "delete"}, Index: 1, LastKey: -1, KeyStep: 1}}, ACL: []string{"keyspace", "write", "slow"},
		Summary: "Deletes one or more keys.", Since: "1.0.0", Group: "generic", Complexity: "O(N) where N is the number of keys that will be removed. When a key to remove holds a value other than a string, the individual complexity for this key is O(M) where M is the number of elements in the list, set, sorted set or hash. Removing a single key that holds a string value is O(1).", Tips: []string{"request_policy:multi_shard", "response_policy:agg_sum"},
		Run: cmdDel})
	t.Add(&engine.Spec{Name: "unlink", Arity: -2, Flags: write | fast, First: 1, Last: -1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RM", "delete"}, Index: 1, LastKey: -1, KeyStep: 1}}, ACL: []string{"keyspace", "write", "fast"},
		Summary: "Asynchronously deletes one or more keys.", Since: "4.0.0", Group: "generic", Complexity: "O(1) for each key removed regardless of its size. Then the command does O(N) work in a different thread in order to reclaim memory, where N is the number of allocations the deleted objects where composed of.", Tips: []string{"request_policy:multi_shard", "response_policy:agg_sum"},
		Run: cmdUnlink})
	t.Add(&engine.Spec{Name: "exists", Arity: -2, Flags: readonly | fast, First: 1, Last: -1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO"}, Index: 1, LastKey: -1, KeyStep: 1}}, ACL: []string{"keyspace", "read", "fast"},
		Summary: "Determines whether one or more keys exist.", Since: "1.0.0", Group: "generic", Complexity: "O(N) where N is the number of keys to check.", Tips: []string{"request_policy:multi_shard", "response_policy:agg_sum"},
		Run: cmdExists})
	t.Add(&engine.Spec{Name: "type", Arity: 2, Flags: readonly | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO"}, Index: 1, KeyStep: 1}}, ACL: []string{"keyspace", "read", "fast"},
		Summary: "Determines the type of value stored at a key.", Since: "1.0.0", Group: "generic", Complexity: "O(1)",
		Run: cmdType})
	t.Add(&engine.Spec{Name: "rename", Arity: 3, Flags: write, First: 1, Last: 2, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "access", "delete"}, Index: 1, KeyStep: 1}, {Flags: []string{"OW", "update"}, Index: 2, KeyStep: 1}}, ACL: []string{"keyspace", "write", "slow"},
		Summary: "Renames a key and overwrites the destination.", Since: "1.0.0", Group: "generic", Complexity: "O(1)",
		Run: cmdRename})
	t.Add(&engine.Spec{Name: "renamenx", Arity: 3, Flags: write | fast, First: 1, Last: 2, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "access", "delete"}, Index: 1, KeyStep: 1}, {Flags: []string{"OW", "insert"}, Index: 2, KeyStep: 1}}, ACL: []string{"keyspace", "write", "fast"},
		Summary: "Renames a key only when the target key name doesn't exist.", Since: "1.0.0", Group: "generic", Complexity: "O(1)",
		Run: cmdRenamenx})
	t.Add(&engine.Spec{Name: "move", Arity: 3, Flags: write | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "access", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"keyspace", "write", "fast"},
		Summary: "Moves a key to another database.", Since: "1.0.0", Group: "generic", Complexity: "O(1)",
		Run: cmdMove})
	t.Add(&engine.Spec{Name: "copy", Arity: -3, Flags: write | denyoom, First: 1, Last: 2, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, KeyStep: 1}, {Flags: []string{"OW", "update"}, Index: 2, KeyStep: 1}}, ACL: []string{"keyspace", "write", "slow"},
		Summary: "Copies the value of a key to a new key.", Since: "6.2.0", Group: "generic", Complexity: "O(N) worst case for collections, where N is the number of nested items. O(1) for string values.",
		Run: cmdCopy})
	t.Add(&engine.Spec{Name: "expire", Arity: -3, Flags: write | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"keyspace", "write", "fast"},
		Summary: "Sets the expiration time of a key in seconds.", Since: "1.0.0", Group: "generic", Complexity: "O(1)",
		Run: cmdExpire})
	t.Add(&engine.Spec{Name: "pexpire", Arity: -3, Flags: write | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"keyspace", "write", "fast"},
		Summary: "Sets the expiration time of a key in milliseconds.", Since: "2.6.0", Group: "generic", Complexity: "O(1)",
		Run: cmdPexpire})
	t.Add(&engine.Spec{Name: "expireat", Arity: -3, Flags: write | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"keyspace", "write", "fast"},
		Summary: "Sets the expiration time of a key to a Unix timestamp.", Since: "1.2.0", Group: "generic", Complexity: "O(1)",
		Run: cmdExpireat})
	t.Add(&engine.Spec{Name: "pexpireat", Arity: -3, Flags: write | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"keyspace", "write", "fast"},
		Summary: "Sets the expiration time of a key to a Unix milliseconds timestamp.", Since: "2.6.0", Group: "generic", Complexity: "O(1)",
		Run: cmdPexpireat})
	t.Add(&engine.Spec{Name: "ttl", Arity: 2, Flags: readonly | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, KeyStep: 1}}, ACL: []string{"keyspace", "read", "fast"},
		Summary: "Returns the expiration time in seconds of a key.", Since: "1.0.0", Group: "generic", Complexity: "O(1)", Tips: []string{"nondeterministic_output"},
		Run: cmdTtl})
	t.Add(&engine.Spec{Name: "pttl", Arity: 2, Flags: readonly | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, KeyStep: 1}}, ACL: []string{"keyspace", "read", "fast"},
		Summary: "Returns the expiration time in milliseconds of a key.", Since: "2.6.0", Group: "generic", Complexity: "O(1)", Tips: []string{"nondeterministic_output"},
		Run: cmdPttl})
	t.Add(&engine.Spec{Name: "expiretime", Arity: 2, Flags: readonly | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, KeyStep: 1}}, ACL: []string{"keyspace", "read", "fast"},
		Summary: "Returns the expiration time of a key as a Unix timestamp.", Since: "7.0.0", Group: "generic", Complexity: "O(1)",
		Run: cmdExpiretime})
	t.Add(&engine.Spec{Name: "pexpiretime", Arity: 2, Flags: readonly | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, KeyStep: 1}}, ACL: []string{"keyspace", "read", "fast"},
		Summary: "Returns the expiration time of a key as a Unix milliseconds timestamp.", Since: "7.0.0", Group: "generic", Complexity: "O(1)",
		Run: cmdPexpiretime})
	t.Add(&engine.Spec{Name: "persist", Arity: 2, Flags: write | fast, First: 1, Last: 1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RW", "update"}, Index: 1, KeyStep: 1}}, ACL: []string{"keyspace", "write", "fast"},
		Summary: "Removes the expiration time of a key.", Since: "2.2.0", Group: "generic", Complexity: "O(1)",
		Run: cmdPersist})
	t.Add(&engine.Spec{Name: "keys", Arity: 2, Flags: readonly, ACL: []string{"keyspace", "read", "slow", "dangerous"},
		Summary: "Returns all key names that match a pattern.", Since: "1.0.0", Group: "generic", Complexity: "O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.", Tips: []string{"request_policy:all_shards", "nondeterministic_output_order"},
		Run: cmdKeys})
	t.Add(&engine.Spec{Name: "scan", Arity: -2, Flags: readonly, ACL: []string{"keyspace", "read", "slow"},
		Summary: "Iterates over the key names in the database.", Since: "2.8.0", Group: "generic", Complexity: "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.", Tips: []string{"nondeterministic_output", "request_policy:special"},
		Run: cmdScan})
	t.Add(&engine.Spec{Name: "randomkey", Arity: 1, Flags: readonly, ACL: []string{"keyspace", "read", "slow"},
		Summary: "Returns a random key name from the database.", Since: "1.0.0", Group: "generic", Complexity: "O(1)", Tips: []string{"request_policy:all_shards", "nondeterministic_output"},
		Run: cmdRandomkey})
	t.Add(&engine.Spec{Name: "dbsize", Arity: 1, Flags: readonly | fast, ACL: []string{"keyspace", "read", "fast"},
		Summary: "Returns the number of keys in the database.", Since: "1.0.0", Group: "server", Complexity: "O(1)", Tips: []string{"request_policy:all_shards", "response_policy:agg_sum"},
		Run: cmdDbsize})
	t.Add(&engine.Spec{Name: "flushdb", Arity: -1, Flags: write, ACL: []string{"keyspace", "write", "slow", "dangerous"},
		Summary: "Remove all keys from the current database.", Since: "1.0.0", Group: "server", Complexity: "O(N) where N is the number of keys in the selected database", Tips: []string{"request_policy:all_shards", "response_policy:all_succeeded"},
		Run: cmdFlushdb})
	t.Add(&engine.Spec{Name: "flushall", Arity: -1, Flags: write, ACL: []string{"keyspace", "write", "slow", "dangerous"},
		Summary: "Removes all keys from all databases.", Since: "1.0.0", Group: "server", Complexity: "O(N) where N is the total number of keys in all databases", Tips: []string{"request_policy:all_shards", "response_policy:all_succeeded"},
		Run: cmdFlushall})
	t.Add(&engine.Spec{Name: "swapdb", Arity: 3, Flags: write | fast, ACL: []string{"keyspace", "write", "fast", "dangerous"},
		Summary: "Swaps two Redis databases.", Since: "4.0.0", Group: "server", Complexity: "O(N) where N is the count of clients watching or blocking on keys from both databases.",
		Run: cmdSwapdb})
	t.Add(&engine.Spec{Name: "touch", Arity: -2, Flags: readonly | fast, First: 1, Last: -1, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO"}, Index: 1, LastKey: -1, KeyStep: 1}}, ACL: []string{"keyspace", "read", "fast"},
		Summary: "Returns the number of existing keys out of those specified after updating the time they were last accessed.", Since: "3.2.1", Group: "generic", Complexity: "O(N) where N is the number of keys that will be touched.", Tips: []string{"request_policy:multi_shard", "response_policy:agg_sum"},
		Run: cmdTouch})
	t.Add(&engine.Spec{Name: "object", Arity: -2, ACL: []string{"slow"},
		Summary: "A container for object introspection commands.", Since: "2.2.3", Group: "generic", Complexity: "Depends on subcommand.",
		Subs: map[string]*engine.Spec{
			"encoding": {Name: "encoding", Arity: 3, Flags: readonly, First: 2, Last: 2, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO"}, Index: 2, KeyStep: 1}}, ACL: []string{"keyspace", "read", "slow"},
				Summary: "Returns the internal encoding of a Redis object.", Since: "2.2.3", Group: "generic", Complexity: "O(1)", Tips: []string{"nondeterministic_output"},
				Run: cmdObjectEncoding},
			"freq": {Name: "freq", Arity: 3, Flags: readonly, First: 2, Last: 2, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO"}, Index: 2, KeyStep: 1}}, ACL: []string{"keyspace", "read", "slow"},
				Summary: "Returns the logarithmic access frequency counter of a Redis object.", Since: "4.0.0", Group: "generic", Complexity: "O(1)", Tips: []string{"nondeterministic_output"},
				Run: cmdObjectFreq},
			"help": {Name: "help", Arity: 2, Flags: loading | stale, ACL: []string{"keyspace", "slow"},
				Summary: "Returns helpful text about the different subcommands.", Since: "6.2.0", Group: "generic", Complexity: "O(1)",
				Run: cmdObjectHelp},
			"idletime": {Name: "idletime", Arity: 3, Flags: readonly, First: 2, Last: 2, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO"}, Index: 2, KeyStep: 1}}, ACL: []string{"keyspace", "read", "slow"},
				Summary: "Returns the time since the last access to a Redis object.", Since: "2.2.3", Group: "generic", Complexity: "O(1)", Tips: []string{"nondeterministic_output"},
				Run: cmdObjectIdletime},
			"refcount": {Name: "refcount", Arity: 3, Flags: readonly, First: 2, Last: 2, Step: 1, KeySpecs: []engine.KeySpec{{Flags: []string{"RO"}, Index: 2, KeyStep: 1}}, ACL: []string{"keyspace", "read", "slow"},
				Summary: "Returns the reference count of a value of a key.", Since: "2.2.3", Group: "generic", Complexity: "O(1)", Tips: []string{"nondeterministic_output"},
				Run: cmdObjectRefcount},
		}})
}

// readLookup is lookupKeyReadWithFlags(LOOKUP_NOTOUCH): the live entry,
// counted as a keyspace hit or miss, without updating its access time.
func readLookup(c *engine.Ctx, db *keyspace.DB, key []byte) *keyspace.Entry {
	e := db.LookupNoTouch(string(key))
	if e == nil {
		keyMiss(c, key)
	} else {
		c.S.Stats.KeyspaceHits++
	}
	return e
}

func delGeneric(c *engine.Ctx) {
	n := int64(0)
	for _, key := range c.Args[1:] {
		k := string(key)
		if c.DB.Delete(k) {
			changed(c, k, keyspace.NotifyGeneric, "del")
			n++
		}
	}
	c.W.Int(n)
}

// cmdDel is DEL; with lazyfree-lazy-user-del it frees like UNLINK.
func cmdDel(c *engine.Ctx) {
	if cfg := c.S.Config().Cfg; cfg != nil && cfg.Bool("lazyfree-lazy-user-del") {
		cmdUnlink(c)
		return
	}
	delGeneric(c)
}

// cmdUnlink is UNLINK: the keys go at once, big module values are freed
// in the background (keyspace.Keyspace.LazyFree).
func cmdUnlink(c *engine.Ctx) {
	c.S.KS.LazyFree = true
	defer func() { c.S.KS.LazyFree = false }()
	delGeneric(c)
}

func cmdExists(c *engine.Ctx) {
	n := int64(0)
	for _, key := range c.Args[1:] {
		if readLookup(c, c.DB, key) != nil {
			n++
		}
	}
	c.W.Int(n)
}

// typeName is what TYPE prints for a value: the kind, or a module type's
// own name.
func typeName(v keyspace.Value) string {
	if mv, ok := v.(*keyspace.ModuleValue); ok && mv.Type != nil {
		return mv.Type.Name()
	}
	return v.Kind().String()
}

func cmdType(c *engine.Ctx) {
	e := readLookup(c, c.DB, c.Args[1])
	if e == nil {
		c.W.Simple("none")
		return
	}
	c.W.Simple(typeName(e.Val))
}

func renameGeneric(c *engine.Ctx, nx bool) {
	src, dst := string(c.Args[1]), string(c.Args[2])
	if c.DB.LookupNoTouch(src) == nil {
		c.Error(msgNoSuchKey)
		return
	}
	// The destination is looked up even without NX, as Redis does, so an
	// expired one is reclaimed (and reported) before it is overwritten.
	if src == dst || (c.DB.LookupNoTouch(dst) != nil && nx) {
		if nx {
			c.W.Int(0)
		} else {
			c.W.OK()
		}
		return
	}
	c.DB.Rename(src, dst)
	c.DB.Modified(src)
	c.DB.Modified(dst)
	c.DB.Notify(keyspace.NotifyGeneric, "rename_from", src)
	c.DB.Notify(keyspace.NotifyGeneric, "rename_to", dst)
	// dbAdd in Redis signals the key as ready: clients blocked on dst wake.
	c.DB.Ready(dst)
	c.S.KS.Dirty++
	if nx {
		c.W.Int(1)
	} else {
		c.W.OK()
	}
}

func cmdRename(c *engine.Ctx) { renameGeneric(c, false) }

func cmdRenamenx(c *engine.Ctx) { renameGeneric(c, true) }

// dbArg parses a database index argument and resolves it (selectDb),
// writing the errors Redis writes.
func dbArg(c *engine.Ctx, b []byte) (*keyspace.DB, bool) {
	id, ok := int32Arg(c, b, "")
	if !ok {
		return nil, false
	}
	if id < 0 || id >= len(c.S.KS.DBs) {
		c.Error(msgDBIndex)
		return nil, false
	}
	return c.S.KS.DBs[id], true
}

func cmdMove(c *engine.Ctx) {
	dst, ok := dbArg(c, c.Args[2])
	if !ok {
		return
	}
	if dst == c.DB {
		c.Error(msgSameObject)
		return
	}
	k := string(c.Args[1])
	if c.DB.LookupNoTouch(k) == nil || dst.LookupNoTouch(k) != nil {
		c.W.Int(0)
		return
	}
	c.DB.MoveTo(k, dst)
	c.DB.Modified(k)
	dst.Modified(k)
	c.DB.Notify(keyspace.NotifyGeneric, "move_from", k)
	dst.Notify(keyspace.NotifyGeneric, "move_to", k)
	dst.Ready(k)
	c.S.KS.Dirty++
	c.W.Int(1)
}

func cmdCopy(c *engine.Ctx) {
	dst := c.DB
	replace := false
	for j := 3; j < len(c.Args); j++ {
		opt := strings.ToLower(cString(c.Args[j]))
		switch {
		case opt == "replace":
			replace = true
		case opt == "db" && j+1 < len(c.Args):
			db, ok := dbArg(c, c.Args[j+1])
			if !ok {
				return
			}
			dst = db
			j++
		default:
			c.Error(msgSyntax)
			return
		}
	}
	src, newKey := string(c.Args[1]), string(c.Args[2])
	if dst == c.DB && src == newKey {
		c.Error(msgSameObject)
		return
	}
	e := c.DB.Lookup(src)
	if e == nil {
		keyMiss(c, []byte(src))
		c.W.Int(0)
		return
	}
	c.S.Stats.KeyspaceHits++
	expire := e.Expire
	if dst.LookupNoTouch(newKey) != nil && !replace {
		c.W.Int(0)
		return
	}
	dup, msg := dupValue(e.Val, src, c.DB.ID, newKey, dst.ID)
	if dup == nil {
		c.Error(msg)
		return
	}
	dst.Delete(newKey)
	dst.Set(newKey, dup)
	if expire != 0 {
		dst.SetExpire(newKey, expire)
	}
	dst.Modified(newKey)
	dst.Notify(keyspace.NotifyGeneric, "copy_to", newKey)
	dst.Ready(newKey)
	c.S.KS.Dirty++
	c.W.Int(1)
}

// dupValue copies v (at key in db) for COPY to toKey in toDB: through its
// Dup method when it has one, a module type's copy callback for module
// values, otherwise a DUMP/RESTORE round trip, which rebuilds the same
// contents with the encoding Redis would pick. On failure it returns the
// error text.
func dupValue(v keyspace.Value, key string, db int, toKey string, toDB int) (keyspace.Value, string) {
	if d, ok := v.(keyspace.Duplicator); ok {
		return d.Dup(), ""
	}
	if mv, ok := v.(*keyspace.ModuleValue); ok {
		cp, ok := mv.Type.(keyspace.ModuleCopier)
		if !ok {
			return nil, msgModuleNoCopy
		}
		out, ok := cp.Copy(mv, key, toKey, db, toDB)
		if !ok {
			return nil, msgModuleCopyFailed
		}
		return out, ""
	}
	payload, err := rdb.Dump(v, nil, key, db, false)
	if err != nil {
		return nil, msgUnknownTypeObj
	}
	out, err := rdb.Restore(payload, nil, key, db)
	if err != nil {
		return nil, msgUnknownTypeObj
	}
	return out, ""
}

// expireGeneric is EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT; base is the
// time the argument counts from (0 for the AT forms), in ms.
func expireGeneric(c *engine.Ctx, base int64, seconds bool) {
	flags, ok := parseExpireFlags(c, c.Args[3:])
	if !ok {
		return
	}
	when, ok := intArg(c, c.Args[2], "")
	if !ok {
		return
	}
	if seconds {
		if when > math.MaxInt64/1000 || when < math.MinInt64/1000 {
			errExpireTime(c)
			return
		}
		when *= 1000
	}
	if when > math.MaxInt64-base {
		errExpireTime(c)
		return
	}
	when += base
	k := string(c.Args[1])
	e := c.DB.LookupNoTouch(k)
	if e == nil {
		c.W.Int(0)
		return
	}
	if flags != 0 {
		cur := e.Expire // 0: no TTL, which GT and LT treat as infinite
		if (flags&expireNX != 0 && cur != 0) ||
			(flags&expireXX != 0 && cur == 0) ||
			(flags&expireGT != 0 && (cur == 0 || when <= cur)) ||
			(flags&expireLT != 0 && cur != 0 && when >= cur) {
			c.W.Int(0)
			return
		}
	}
	if when <= c.S.KS.Now() && !c.S.KS.Loading {
		// A time already past deletes the key, reported as a "del".
		c.DB.Delete(k)
		changed(c, k, keyspace.NotifyGeneric, "del")
		c.W.Int(1)
		return
	}
	c.DB.SetExpire(k, when)
	c.W.Int(1)
	changed(c, k, keyspace.NotifyGeneric, "expire")
}

func cmdExpire(c *engine.Ctx) { expireGeneric(c, c.S.KS.Now(), true) }

func cmdPexpire(c *engine.Ctx) { expireGeneric(c, c.S.KS.Now(), false) }

func cmdExpireat(c *engine.Ctx) { expireGeneric(c, 0, true) }

func cmdPexpireat(c *engine.Ctx) { expireGeneric(c, 0, false) }

// ttlGeneric is TTL, PTTL, EXPIRETIME and PEXPIRETIME: -2 for a missing
// key, -1 without TTL, else the time left (or the absolute expiry).
func ttlGeneric(c *engine.Ctx, ms, abs bool) {
	e := readLookup(c, c.DB, c.Args[1])
	if e == nil {
		c.W.Int(-2)
		return
	}
	if e.Expire == 0 {
		c.W.Int(-1)
		return
	}
	t := e.Expire
	if !abs {
		t -= c.S.KS.Now()
	}
	t = max(t, 0)
	if !ms {
		t = (t + 500) / 1000
	}
	c.W.Int(t)
}

func cmdTtl(c *engine.Ctx) { ttlGeneric(c, false, false) }

func cmdPttl(c *engine.Ctx) { ttlGeneric(c, true, false) }

func cmdExpiretime(c *engine.Ctx) { ttlGeneric(c, false, true) }

func cmdPexpiretime(c *engine.Ctx) { ttlGeneric(c, true, true) }

func cmdPersist(c *engine.Ctx) {
	k := string(c.Args[1])
	e := c.DB.LookupNoTouch(k)
	if e == nil || e.Expire == 0 {
		c.W.Int(0)
		return
	}
	c.DB.SetExpire(k, 0)
	changed(c, k, keyspace.NotifyGeneric, "persist")
	c.W.Int(1)
}

func cmdTouch(c *engine.Ctx) {
	n := int64(0)
	for _, key := range c.Args[1:] {
		e := c.DB.Lookup(string(key))
		if e == nil {
			keyMiss(c, key)
			continue
		}
		c.S.Stats.KeyspaceHits++
		n++
	}
	c.W.Int(n)
}

// isExpired reports whether e's TTL has passed (keyIsExpired), without
// reclaiming it.
func isExpired(c *engine.Ctx, e *keyspace.Entry) bool {
	return e.Expire != 0 && !c.S.KS.Loading && e.Expire <= c.S.KS.Now()
}

func cmdKeys(c *engine.Ctx) {
	pat := c.Args[1]
	all := len(pat) == 1 && pat[0] == '*'
	var out []string
	c.DB.Range(func(k string, e *keyspace.Entry) bool {
		if (all || glob.Match(pat, []byte(k), false)) && !isExpired(c, e) {
			out = append(out, k)
		}
		return true
	})
	c.W.Array(len(out))
	for _, k := range out {
		c.W.BulkString(k)
	}
}

// typeMatches reports whether v's type is the one SCAN TYPE names:
// a core type name or a module type name, both case-insensitive.
func typeMatches(v keyspace.Value, name string) bool {
	switch strings.ToLower(name) {
	case "string", "list", "set", "zset", "hash", "stream":
		return v.Kind() != keyspace.KindModule && strings.EqualFold(v.Kind().String(), name)
	}
	mv, ok := v.(*keyspace.ModuleValue)
	return ok && mv.Type != nil && strings.EqualFold(mv.Type.Name(), name)
}

func cmdScan(c *engine.Ctx) {
	cursor, ok := parseScanCursor(c.Args[1])
	if !ok {
		c.Error(msgScanCursor)
		return
	}
	o, ok := parseScanOpts(c, c.Args[2:], true)
	if !ok {
		return
	}
	var keys []string
	sampled := int64(0)
	maxIter := o.count * 10
	for {
		cursor = c.DB.Scan(cursor, func(k string, _ *keyspace.Entry) {
			sampled++
			if o.pattern == nil || glob.Match(o.pattern, []byte(k), false) {
				keys = append(keys, k)
			}
		})
		if cursor == 0 || maxIter == 0 || sampled >= o.count {
			break
		}
		maxIter--
	}
	out := keys[:0]
	for _, k := range keys {
		if o.hasType {
			e := readLookup(c, c.DB, []byte(k))
			if e == nil || !typeMatches(e.Val, o.typ) {
				continue
			}
		} else if c.DB.LookupNoTouch(k) == nil {
			continue // expired: reclaimed now
		}
		out = append(out, k)
	}
	c.W.Array(2)
	c.W.BulkString(formatUint(cursor))
	c.W.Array(len(out))
	for _, k := range out {
		c.W.BulkString(k)
	}
}

func formatUint(v uint64) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(buf[i:])
		}
	}
}

// cmdRandomkey answers a random live key. Like Redis on a master it keeps
// drawing, reclaiming expired keys, until one is live or the db is empty.
func cmdRandomkey(c *engine.Ctx) {
	for {
		k, ok := c.DB.RandomKey()
		if !ok {
			c.W.Null()
			return
		}
		if c.DB.LookupNoTouch(k) != nil {
			c.W.BulkString(k)
			return
		}
	}
}

func cmdDbsize(c *engine.Ctx) { c.W.Int(int64(c.DB.Len())) }

// flushArg checks FLUSHDB/FLUSHALL's optional SYNC or ASYNC (both flush
// at once here: values are freed by the garbage collector anyway).
func flushArg(c *engine.Ctx) bool {
	if len(c.Args) == 1 {
		return true
	}
	if len(c.Args) == 2 {
		switch strings.ToLower(cString(c.Args[1])) {
		case "sync", "async":
			return true
		}
	}
	c.Error(msgSyntax)
	return false
}

// flushDB empties db, failing the transactions that watch its keys.
func flushDB(c *engine.Ctx, db *keyspace.DB) {
	c.S.TouchWatchedExisting(db, nil)
	c.S.KS.Dirty += int64(db.Len())
	db.Flush()
}

func cmdFlushdb(c *engine.Ctx) {
	if !flushArg(c) {
		return
	}
	async := flushAsync(c)
	dirty := c.S.KS.Dirty
	c.S.FireFlush(false, c.DB.ID, async)
	flushDB(c, c.DB)
	c.S.FireFlush(true, c.DB.ID, async)
	forcePropagation(c, dirty)
	c.W.OK()
}

// forcePropagation sends a flush that changed no counter to the AOF and
// replicas anyway (Redis's forceCommandPropagation): an empty FLUSHDB,
// or a FLUSHALL whose save reset the counter to where it was.
func forcePropagation(c *engine.Ctx, dirty int64) {
	if c.S.KS.Dirty == dirty && c.C.Flags&engine.ClientFake == 0 {
		c.S.PropagateTo(c.DB.ID, c.Args, engine.PropAll)
	}
}

func cmdFlushall(c *engine.Ctx) {
	if !flushArg(c) {
		return
	}
	async := flushAsync(c)
	dirty := c.S.KS.Dirty
	c.S.FireFlush(false, -1, async)
	for _, db := range c.S.KS.DBs {
		flushDB(c, db)
	}
	c.S.FireFlush(true, -1, async)
	// flushAllDataAndResetRDB: abandon a running BGSAVE and, with save
	// points, save the empty dataset at once.
	if p := persistenceOf(c); p != nil {
		p.AfterFlushAll(c.S)
	}
	forcePropagation(c, dirty)
	c.W.OK()
}

// flushAsync reports an ASYNC argument (the module FlushDB event's sync
// field is its negation).
func flushAsync(c *engine.Ctx) bool {
	return len(c.Args) == 2 && strings.EqualFold(cString(c.Args[1]), "async")
}

func cmdSwapdb(c *engine.Ctx) {
	a, ok := int32Arg(c, c.Args[1], msgFirstDBIndex)
	if !ok {
		return
	}
	b, ok := int32Arg(c, c.Args[2], msgSecondDBIndex)
	if !ok {
		return
	}
	n := len(c.S.KS.DBs)
	if a < 0 || a >= n || b < 0 || b >= n {
		c.Error(msgDBIndex)
		return
	}
	if a != b {
		da, db := c.S.KS.DBs[a], c.S.KS.DBs[b]
		c.S.TouchWatchedExisting(da, db)
		c.S.TouchWatchedExisting(db, da)
		c.S.KS.Swap(a, b)
		// Clients blocked on a key that the swap brought in may proceed.
		c.S.SignalBlockedKeys(da)
		c.S.SignalBlockedKeys(db)
	}
	c.S.FireSwapDB(a, b)
	c.S.KS.Dirty++
	c.W.OK()
}

// objectLookup is objectCommandLookupOrReply: the entry, or the null reply.
func objectLookup(c *engine.Ctx) *keyspace.Entry {
	e := readLookup(c, c.DB, c.Args[2])
	if e == nil {
		c.W.Null()
	}
	return e
}

func cmdObjectEncoding(c *engine.Ctx) {
	e := objectLookup(c)
	if e == nil {
		return
	}
	enc := "unknown"
	if v, ok := e.Val.(interface{ Encoding() string }); ok {
		enc = v.Encoding()
	}
	c.W.BulkString(enc)
}

func cmdObjectRefcount(c *engine.Ctx) {
	e := objectLookup(c)
	if e == nil {
		return
	}
	n := int64(1)
	if v, ok := e.Val.(interface{ Refcount() int64 }); ok {
		n = v.Refcount()
	}
	c.W.Int(n)
}

// lfuPolicy reports whether maxmemory-policy is one of the LFU ones, which
// track access frequency instead of idle time.
func lfuPolicy(c *engine.Ctx) bool {
	return strings.HasSuffix(c.S.Settings.MaxMemoryPolicy, "-lfu")
}

func cmdObjectIdletime(c *engine.Ctx) {
	e := objectLookup(c)
	if e == nil {
		return
	}
	if lfuPolicy(c) {
		c.Error(msgIdletimeLFU)
		return
	}
	idle := (c.S.KS.Now() - e.Access) / 1000
	c.W.Int(max(idle, 0))
}

// cmdObjectFreq reports the entry's LFU counter as the keyspace keeps it.
func cmdObjectFreq(c *engine.Ctx) {
	e := objectLookup(c)
	if e == nil {
		return
	}
	if !lfuPolicy(c) {
		c.Error(msgFreqNotLFU)
		return
	}
	c.W.Int(int64(keyspace.LFUDecayed(e, c.S.KS.Now())))
}

func cmdObjectHelp(c *engine.Ctx) {
	lines := []string{
		"OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
		"ENCODING <key>",
		"    Return the kind of internal representation used in order to store the value",
		"    associated with a <key>.",
		"FREQ <key>",
		"    Return the access frequency index of the <key>. The returned integer is",
		"    proportional to the logarithm of the recent access frequency of the key.",
		"IDLETIME <key>",
		"    Return the idle time of the <key>, that is the approximated number of",
		"    seconds elapsed since the last access to the key.",
		"REFCOUNT <key>",
		"    Return the number of references of the value associated with the specified",
		"    <key>.",
		"HELP",
		"    Print this help.",
	}
	c.W.Array(len(lines))
	for _, l := range lines {
		c.W.Simple(l)
	}
}
