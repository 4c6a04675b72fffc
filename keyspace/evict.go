package keyspace

// What maxmemory eviction needs from a database: random samples (of all
// keys or of keys with a TTL) and a removal that reports itself as an
// eviction.

// RandomEntry returns a random key and its entry, expired or not (the
// evictor judges entries; it does not read values).
func (db *DB) RandomEntry() (string, *Entry, bool) { return db.keys.RandomPtr() }

// RandomVolatile returns a random key that carries a TTL.
func (db *DB) RandomVolatile() (string, *Entry, bool) { return db.exp.Random() }

// Evict removes key to free memory, with the "evicted" event, the Removed
// hook and the WATCH signal, as Redis's eviction does. It reports whether
// the key existed.
func (db *DB) Evict(key string) bool {
	e := db.keys.Ptr(key)
	if e == nil {
		return false
	}
	db.removingHook(key, e, RemovedEvicted)
	db.remove(key)
	db.ks.EvictedKeys++
	if h := db.ks.Hooks.Removed; h != nil {
		h(db, key, e, RemovedEvicted)
	}
	db.Notify(NotifyEvicted, "evicted", key)
	db.Modified(key)
	return true
}
