package commands

import (
	"modhost/engine"
	"modhost/keyspace"
)

// groups holds each command group's registration function; every group
// file adds itself from init, so adding a group touches no shared file.
var groups []func(t *engine.Table)

// Register adds every core command to t.
func Register(t *engine.Table) {
	for _, g := range groups {
		g(t)
	}
}

// Flag shorthands for table entries.
const (
	write    = engine.FlagWrite
	readonly = engine.FlagReadonly
	denyoom  = engine.FlagDenyOOM
	fast     = engine.FlagFast
	admin    = engine.FlagAdmin
	noscript = engine.FlagNoScript
	loading  = engine.FlagLoading
	stale    = engine.FlagStale
	noauth   = engine.FlagNoAuth
	blocking = engine.FlagBlocking
	pubsub   = engine.FlagPubSub
	nomulti  = engine.FlagNoMulti
)

// lookupKind returns the live entry for key when it holds kind, nil when
// the key is missing, and ok=false (after writing WRONGTYPE) when it holds
// another kind.
func lookupKind(c *engine.Ctx, key []byte, kind keyspace.Kind) (e *keyspace.Entry, ok bool) {
	e = c.DB.Lookup(string(key))
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

// lookupWrite is lookupKind for commands about to modify the key (no
// hit/miss accounting, as Redis's lookupKeyWrite).
func lookupWrite(c *engine.Ctx, key []byte, kind keyspace.Kind) (e *keyspace.Entry, ok bool) {
	e = c.DB.LookupNoTouch(string(key))
	if e == nil {
		return nil, true
	}
	if e.Val.Kind() != kind {
		c.Error(msgWrongType)
		return nil, false
	}
	return e, true
}

// changed does what every write does after modifying key: signal WATCH,
// raise the event, and count the change.
func changed(c *engine.Ctx, key string, class int, event string) {
	c.DB.Modified(key)
	c.DB.Notify(class, event, key)
	c.S.KS.Dirty++
}

// keyMiss accounts a read of a missing key as Redis does: a keyspace miss
// and a "keymiss" event (class m).
func keyMiss(c *engine.Ctx, key []byte) {
	c.S.Stats.KeyspaceMisses++
	c.DB.Notify(keyspace.NotifyKeyMiss, "keymiss", string(key))
}
