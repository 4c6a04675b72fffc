package keyspace

// PeekLive returns the entry for key unless it is missing or has expired,
// with no side effect: an expired key is not reclaimed (no DEL propagated,
// no event) and no access time changes. It is Redis's lookup with
// LOOKUP_NOEFFECTS, which decides whether a signalled key can serve a
// blocked client before the client's command runs again.
func (db *DB) PeekLive(key string) *Entry {
	if e := db.Peek(key); e != nil && !db.expired(e) {
		return e
	}
	return nil
}
