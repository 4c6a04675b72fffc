package engine

import "modhost/keyspace"

// TouchWatchedExisting fails the transactions of clients watching a key of
// db that exists in db, or in other when other is not nil. FLUSHDB and
// FLUSHALL call it (other nil) before emptying db, SWAPDB calls it for each
// db with the other: as in Redis, a watched key that exists on neither side
// is not a change. Lock held.
func (s *Server) TouchWatchedExisting(db, other *keyspace.DB) {
	// watch.go keeps the already-expired-when-watched exception.
	if other == nil {
		s.TouchAllWatched(db.ID)
		return
	}
	s.touchSwapped(db.ID, other.ID)
}

// SignalBlockedKeys marks as ready every key of db that clients are
// blocked on and that now holds a value (after SWAPDB brought in new
// contents). Lock held.
func (s *Server) SignalBlockedKeys(db *keyspace.DB) {
	for rk := range s.blocking.byKey {
		if rk.db == db.ID && db.Peek(rk.key) != nil {
			s.signalReady(db, rk.key)
		}
	}
}
