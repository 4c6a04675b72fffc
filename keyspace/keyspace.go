package keyspace

import (
	"errors"
	"sync/atomic"
	"time"
	"unsafe"

	"modhost/internal/dict"
)

// Kind is the type of a stored value, as TYPE and the module key API see it.
// The numbers match REDISMODULE_KEYTYPE_*.
type Kind uint8

// Value kinds.
const (
	KindNone   Kind = 0
	KindString Kind = 1
	KindList   Kind = 2
	KindHash   Kind = 3
	KindSet    Kind = 4
	KindZSet   Kind = 5
	KindModule Kind = 6
	KindStream Kind = 7
)

// String returns the name TYPE prints for the kind (modules print their
// type's name instead; see ModuleValue).
func (k Kind) String() string {
	switch k {
	case KindString:
		return "string"
	case KindList:
		return "list"
	case KindHash:
		return "hash"
	case KindSet:
		return "set"
	case KindZSet:
		return "zset"
	case KindStream:
		return "stream"
	case KindModule:
		return "module"
	}
	return "none"
}

// Sentinel errors commands map to Redis's reply texts.
var (
	ErrWrongType = errors.New("wrong type")
	ErrNoSuchKey = errors.New("no such key")
)

// Value is anything a key can hold.
type Value interface {
	Kind() Kind
}

// Entry is one key's slot: the value plus its metadata.
type Entry struct {
	Val Value
	// Expire is the absolute expiry time in Unix milliseconds; 0 means none.
	Expire int64
	// Access is the last access time in Unix milliseconds (OBJECT IDLETIME).
	Access int64
	// Freq is the LFU counter (OBJECT FREQ).
	Freq uint8
}

// Notification classes; the values match REDISMODULE_NOTIFY_*.
const (
	NotifyKeyspace = 1 << 0
	NotifyKeyevent = 1 << 1
	NotifyGeneric  = 1 << 2
	NotifyString   = 1 << 3
	NotifyList     = 1 << 4
	NotifySet      = 1 << 5
	NotifyHash     = 1 << 6
	NotifyZSet     = 1 << 7
	NotifyExpired  = 1 << 8
	NotifyEvicted  = 1 << 9
	NotifyStream   = 1 << 10
	NotifyKeyMiss  = 1 << 11
	NotifyLoaded   = 1 << 12
	NotifyModule   = 1 << 13
	NotifyNew      = 1 << 14
	NotifyAll      = NotifyGeneric | NotifyString | NotifyList | NotifySet | NotifyHash | NotifyZSet | NotifyExpired | NotifyEvicted | NotifyStream | NotifyModule
)

// Why a key left the keyspace, for the Removed hook.
const (
	RemovedDeleted = iota
	RemovedExpired
	RemovedEvicted
	RemovedOverwritten
)

// Hooks are the places other layers attach to keyspace changes. Each may be
// nil. They run synchronously under the execution lock.
type Hooks struct {
	// Modified runs after a key's value changed (WATCH, client tracking).
	Modified func(db *DB, key string)
	// Ready runs when a key that clients may block on received data.
	Ready func(db *DB, key string)
	// Notify delivers a keyspace event of the given class.
	Notify func(db *DB, class int, event, key string)
	// Removed runs after a key was removed or overwritten; e is its old slot.
	Removed func(db *DB, key string, e *Entry, why int)
	// Removing runs just before a key is deleted, expired, evicted or
	// overwritten, while it still holds its value (the module KEY event).
	// Lookups inside it see the key even when it has expired.
	Removing func(db *DB, key string, e *Entry, why int)
	// Flushed runs after a whole db was emptied.
	Flushed func(db *DB)
}

// Keyspace is the set of numbered databases.
type Keyspace struct {
	DBs   []*DB
	Hooks Hooks
	// Now returns the current time in Unix milliseconds; tests may replace it.
	Now func() int64
	// Dirty counts changes since the last save (rdb_changes_since_last_save).
	Dirty int64
	// ExpiredKeys counts keys removed by expiry (INFO expired_keys).
	ExpiredKeys int64
	// EvictedKeys counts keys removed for maxmemory (INFO evicted_keys).
	EvictedKeys int64
	// LazyFree is set while a command removes keys the UNLINK way: the
	// Removed hook may then free big values in the background.
	LazyFree bool
	// LazyfreePending and LazyfreedObjects count values handed to and
	// freed by background freeing (INFO lazyfree_pending_objects,
	// lazyfreed_objects); updated from other goroutines.
	LazyfreePending, LazyfreedObjects atomic.Int64
	// LFU is set under an -lfu maxmemory-policy: lookups then update the
	// entries' LFU counters instead of their access times (lfu.go).
	LFU bool
	// NoTouch makes Lookup leave access times alone (CLIENT NO-TOUCH);
	// the engine sets it around such a client's commands.
	NoTouch bool
	// removing counts Removing hooks running (no lazy expiry meanwhile).
	removing int
	// Loading suppresses lazy expiry while a dataset is being loaded.
	Loading bool
	// ReplicaMode makes lookups report expired keys as missing without
	// deleting them (not used yet; kept for replication).
	ReplicaMode bool
	// cmdTime, when non-zero, is what the default Now returns: the time
	// the running execution unit started (Redis 7.2's command time
	// snapshot), so one command sees one clock and reads it once.
	cmdTime int64
}

// New creates a keyspace with n databases.
func New(n int) *Keyspace {
	ks := &Keyspace{}
	ks.Now = func() int64 {
		if ks.cmdTime != 0 {
			return ks.cmdTime
		}
		return time.Now().UnixMilli()
	}
	ks.DBs = make([]*DB, n)
	for i := range ks.DBs {
		ks.DBs[i] = &DB{ID: i, ks: ks, keys: dict.New[Entry](), exp: dict.New[*Entry]()}
	}
	return ks
}

// CommandTime reports the snapshot set by SetCommandTime (0: none).
func (ks *Keyspace) CommandTime() int64 { return ks.cmdTime }

// SetCommandTime makes the default Now return ms until it is called
// again with 0. The engine sets it around an outermost command, as Redis
// 7.2 freezes its clock for a command, a transaction or a script: keys do
// not expire halfway through one. A Now replaced by a test ignores it.
func (ks *Keyspace) SetCommandTime(ms int64) { ks.cmdTime = ms }

// DB is one numbered database.
type DB struct {
	ID int
	ks *Keyspace
	// keys holds the entries themselves (not pointers to them): a probe
	// reaches the value in one node, and a key costs one allocation
	// fewer. An *Entry stays valid while the key exists; Rename and
	// MoveTo copy the entry into the destination's node.
	keys *dict.Dict[Entry]
	// exp holds the keys that carry a TTL, so active expiry samples only them.
	exp       *dict.Dict[*Entry]
	expCursor uint64
}

// Keyspace returns the owning keyspace.
func (db *DB) Keyspace() *Keyspace { return db.ks }

// Len reports the number of keys, expired ones not yet reclaimed included
// (as DBSIZE does).
func (db *DB) Len() int { return db.keys.Len() }

// Expires reports how many keys carry a TTL.
func (db *DB) Expires() int { return db.exp.Len() }

func (db *DB) expired(e *Entry) bool {
	return e.Expire != 0 && !db.ks.Loading && db.ks.removing == 0 && e.Expire <= db.ks.Now()
}

// removingHook runs Hooks.Removing for a key about to go.
func (db *DB) removingHook(key string, e *Entry, why int) {
	if h := db.ks.Hooks.Removing; h != nil {
		db.ks.removing++
		h(db, key, e, why)
		db.ks.removing--
	}
}

// Peek returns the entry for key without expiring it or touching its
// access time.
func (db *DB) Peek(key string) *Entry {
	return db.keys.Ptr(key)
}

// Lookup returns the live entry for key, reclaiming it first if it has
// expired, and updates its access time.
func (db *DB) Lookup(key string) *Entry {
	e := db.keys.Ptr(key)
	if e == nil {
		return nil
	}
	if db.expired(e) {
		db.expire(key, e)
		return nil
	}
	if !db.ks.NoTouch {
		db.ks.touch(e)
	}
	return e
}

// LookupBytes is Lookup for a key still in the request buffer: it
// probes without copying the key (an expired key is reclaimed under the
// db's own copy of its name).
func (db *DB) LookupBytes(key []byte) *Entry {
	_, e := db.lookupStored(bstr(key), true)
	return e
}

// LookupKey is LookupBytes that also returns the key as the db stores
// it: a string that stays valid after the request buffer is reused, so a
// write can hand it to hooks and events without copying the key.
func (db *DB) LookupKey(key []byte) (string, *Entry) {
	return db.lookupStored(bstr(key), true)
}

// LookupKeyNoTouch is LookupKey without the access-time update.
func (db *DB) LookupKeyNoTouch(key []byte) (string, *Entry) {
	return db.lookupStored(bstr(key), false)
}

func (db *DB) lookupStored(key string, touch bool) (string, *Entry) {
	k, e := db.keys.KeyPtr(key)
	if e == nil {
		return "", nil
	}
	if db.expired(e) {
		db.expire(k, e)
		return "", nil
	}
	if touch && !db.ks.NoTouch {
		db.ks.touch(e)
	}
	return k, e
}

// bstr views b as a string for a probe that does not keep it.
func bstr(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// LookupNoTouch is Lookup without the access-time update.
func (db *DB) LookupNoTouch(key string) *Entry {
	e := db.keys.Ptr(key)
	if e == nil {
		return nil
	}
	if db.expired(e) {
		db.expire(key, e)
		return nil
	}
	return e
}

// Exists reports whether key is live.
func (db *DB) Exists(key string) bool { return db.LookupNoTouch(key) != nil }

// expire removes an expired key and tells everyone who listens.
func (db *DB) expire(key string, e *Entry) {
	db.removingHook(key, e, RemovedExpired)
	db.remove(key)
	db.ks.ExpiredKeys++
	db.ks.Dirty++
	db.Notify(NotifyExpired, "expired", key)
	if h := db.ks.Hooks.Removed; h != nil {
		h(db, key, e, RemovedExpired)
	}
	db.Modified(key)
}

func (db *DB) remove(key string) *Entry {
	e := db.keys.DeletePtr(key)
	if e == nil {
		return nil
	}
	if e.Expire != 0 {
		db.exp.Delete(key)
	}
	return e
}

// Set stores v under key, dropping any TTL, and returns the slot.
func (db *DB) Set(key string, v Value) *Entry {
	_, e := db.set(key, false, v, false)
	return e
}

// SetKeepTTL stores v under key, keeping an existing TTL.
func (db *DB) SetKeepTTL(key string, v Value) *Entry {
	_, e := db.set(key, false, v, true)
	return e
}

// SetKey is Set (SetKeepTTL when keepTTL) for a key still in the request
// buffer: the db copies the name only when the key is new, and returns
// the key as it stores it (see LookupKey).
func (db *DB) SetKey(key []byte, v Value, keepTTL bool) (string, *Entry) {
	return db.set(bstr(key), true, v, keepTTL)
}

func (db *DB) set(key string, borrowed bool, v Value, keepTTL bool) (string, *Entry) {
	now := db.ks.Now()
	var old *Entry
	var added bool
	if borrowed {
		key, old, added = db.keys.Upsert(key)
	} else {
		old, added = db.keys.Insert(key)
	}
	if added {
		*old = Entry{Val: v, Access: now, Freq: lfuInitVal}
		db.added(key)
		return key, old
	}
	if old.Val != v {
		db.removingHook(key, old, RemovedOverwritten)
	}
	prev := *old
	old.Val = v
	old.Access = now
	if !keepTTL && old.Expire != 0 {
		old.Expire = 0
		db.exp.Delete(key)
	}
	if h := db.ks.Hooks.Removed; h != nil && prev.Val != v {
		h(db, key, &prev, RemovedOverwritten)
	}
	return key, old
}

// added raises the "new" event (class n) for a key that did not exist,
// as Redis's dbAdd does; loading a dataset raises nothing.
func (db *DB) added(key string) {
	if !db.ks.Loading {
		db.Notify(NotifyNew, "new", key)
	}
}

// Delete removes key and reports whether it existed (and was live).
func (db *DB) Delete(key string) bool {
	e := db.keys.Ptr(key)
	if e == nil {
		return false
	}
	if db.expired(e) {
		db.expire(key, e)
		return false
	}
	db.removingHook(key, e, RemovedDeleted)
	db.remove(key)
	if h := db.ks.Hooks.Removed; h != nil {
		h(db, key, e, RemovedDeleted)
	}
	return true
}

// SetExpire sets key's absolute expiry in Unix ms (0 removes it). The key
// must exist.
func (db *DB) SetExpire(key string, at int64) {
	e := db.keys.Ptr(key)
	if e == nil {
		return
	}
	e.Expire = at
	if at != 0 {
		db.exp.Set(key, e)
	} else {
		db.exp.Delete(key)
	}
}

// Rename moves src's slot to dst (overwriting dst) keeping the TTL.
func (db *DB) Rename(src, dst string) {
	e := db.remove(src)
	if e == nil {
		return
	}
	if old := db.remove(dst); old != nil {
		if h := db.ks.Hooks.Removed; h != nil {
			h(db, dst, old, RemovedOverwritten)
		}
	}
	ne, _ := db.keys.Insert(dst)
	*ne = *e
	if ne.Expire != 0 {
		db.exp.Set(dst, ne)
	}
	db.added(dst)
}

// MoveTo moves key's slot to another db; dst must not hold the key.
func (db *DB) MoveTo(key string, dst *DB) {
	e := db.remove(key)
	if e == nil {
		return
	}
	ne, _ := dst.keys.Insert(key)
	*ne = *e
	if ne.Expire != 0 {
		dst.exp.Set(key, ne)
	}
	dst.added(key)
}

// Flush empties the db, calling Removed for every key.
func (db *DB) Flush() {
	old := db.keys
	db.keys = dict.New[Entry]()
	db.exp = dict.New[*Entry]()
	if h := db.ks.Hooks.Removed; h != nil {
		old.RangePtr(func(k string, e *Entry) bool {
			h(db, k, e, RemovedDeleted)
			return true
		})
	}
	if h := db.ks.Hooks.Flushed; h != nil {
		h(db)
	}
}

// Swap exchanges the contents of two dbs (SWAPDB).
func (ks *Keyspace) Swap(a, b int) {
	da, dbb := ks.DBs[a], ks.DBs[b]
	da.keys, dbb.keys = dbb.keys, da.keys
	da.exp, dbb.exp = dbb.exp, da.exp
}

// Range calls fn for every entry, expired ones included, until fn returns
// false. fn must not modify the db.
func (db *DB) Range(fn func(key string, e *Entry) bool) { db.keys.RangePtr(fn) }

// Scan runs one step of a SCAN over the db's keys; see dict.Dict.Scan.
func (db *DB) Scan(cursor uint64, fn func(key string, e *Entry)) uint64 {
	return db.keys.ScanPtr(cursor, fn)
}

// RandomKey returns a random live key, or "" when there is none.
func (db *DB) RandomKey() (string, bool) {
	for tries := 0; tries < 100; tries++ {
		k, e, ok := db.keys.RandomPtr()
		if !ok {
			return "", false
		}
		if db.expired(e) {
			db.expire(k, e)
			continue
		}
		return k, true
	}
	k, _, ok := db.keys.RandomPtr()
	return k, ok
}

// Modified signals that key's value changed (Redis's signalModifiedKey).
func (db *DB) Modified(key string) {
	if h := db.ks.Hooks.Modified; h != nil {
		h(db, key)
	}
}

// Ready signals that key received data clients may be blocked on.
func (db *DB) Ready(key string) {
	if h := db.ks.Hooks.Ready; h != nil {
		h(db, key)
	}
}

// Notify raises a keyspace event.
func (db *DB) Notify(class int, event, key string) {
	if h := db.ks.Hooks.Notify; h != nil {
		h(db, class, event, key)
	}
}

// ActiveExpire walks the TTL index of every db, examining at most budget
// keys per db, and reclaims the expired ones; it returns how many it removed.
// The walk resumes where the previous call stopped.
func (ks *Keyspace) ActiveExpire(budget int) int {
	removed := 0
	now := ks.Now()
	for _, db := range ks.DBs {
		var dead []string
		seen := 0
		for seen < budget && db.exp.Len() > 0 {
			db.expCursor = db.exp.Scan(db.expCursor, func(k string, e *Entry) {
				seen++
				if e.Expire <= now {
					dead = append(dead, k)
				}
			})
			if db.expCursor == 0 {
				break
			}
		}
		for _, k := range dead {
			if e := db.keys.Ptr(k); e != nil && e.Expire != 0 && e.Expire <= now {
				db.expire(k, e)
				removed++
			}
		}
	}
	return removed
}
