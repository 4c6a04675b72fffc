package engine

import "modhost/keyspace"

// keyExpired reports whether key exists in db with a TTL in the past,
// without reclaiming it.
func (s *Server) keyExpired(db int, key string) bool {
	if s.KS.Loading {
		return false
	}
	e := s.KS.DBs[db].Peek(key)
	return e != nil && e.Expire != 0 && e.Expire <= s.KS.Now()
}

// Watch adds key to c's watched set (WATCH). Lock held.
func (s *Server) Watch(c *Client, db int, key string) {
	for _, w := range c.Watched {
		if w.DB == db && w.Key == key {
			return
		}
	}
	c.Watched = append(c.Watched, WatchedKey{DB: db, Key: key, Expired: s.keyExpired(db, key)})
	rk := readyKey{db, key}
	if s.watchers == nil {
		s.watchers = map[readyKey][]*Client{}
	}
	s.watchers[rk] = append(s.watchers[rk], c)
}

// unwatchAll drops every WATCH of c (UNWATCH, EXEC, DISCARD, disconnect).
func (s *Server) unwatchAll(c *Client) {
	for _, w := range c.Watched {
		rk := readyKey{w.DB, w.Key}
		list := s.watchers[rk]
		for i, x := range list {
			if x == c {
				list = append(list[:i:i], list[i+1:]...)
				break
			}
		}
		if len(list) == 0 {
			delete(s.watchers, rk)
		} else {
			s.watchers[rk] = list
		}
	}
	c.Watched = nil
}

// Unwatch is UNWATCH.
func (s *Server) Unwatch(c *Client) { s.unwatchAll(c); c.Flags &^= ClientDirtyCAS }

// watchedKey returns c's record for (db, key).
func (c *Client) watchedKey(db int, key string) *WatchedKey {
	for i := range c.Watched {
		if c.Watched[i].DB == db && c.Watched[i].Key == key {
			return &c.Watched[i]
		}
	}
	return nil
}

// touchWatched is the keyspace Modified hook: it fails the transactions of
// clients watching key. A key that was already expired when watched and is
// now gone has not logically changed.
func (s *Server) touchWatched(db *keyspace.DB, key string) {
	s.signalDeletedKey(db, key)
	if len(s.watchers) == 0 {
		return
	}
	list := s.watchers[readyKey{db.ID, key}]
	if len(list) == 0 {
		return
	}
	for _, c := range append([]*Client(nil), list...) {
		if wk := c.watchedKey(db.ID, key); wk != nil && wk.Expired {
			if db.Peek(key) == nil {
				wk.Expired = false
				continue
			}
			// Redis stops scanning the watchers here.
			break
		}
		c.Flags |= ClientDirtyCAS
		// A dirty transaction will fail anyway; stop tracking its keys.
		s.unwatchAll(c)
	}
}

// TouchAllWatched fails every transaction watching a key that exists in
// db (FLUSHDB, FLUSHALL); db < 0 means all dbs. Call it before emptying the
// db: a watched key that does not exist, or had already expired when
// watched, is no change.
func (s *Server) TouchAllWatched(db int) {
	s.signalFlushedKeys(db, -1)
	for rk, list := range s.watchers {
		if db >= 0 && rk.db != db {
			continue
		}
		if s.KS.DBs[rk.db].Peek(rk.key) == nil {
			continue
		}
		for _, c := range list {
			if wk := c.watchedKey(rk.db, rk.key); wk != nil && wk.Expired {
				wk.Expired = false
				continue
			}
			c.Flags |= ClientDirtyCAS
		}
	}
}

// TouchSwappedWatched fails the transactions that SWAPDB a b changes: a
// key watched in either db changes when it exists in either of them. Call
// it before swapping.
func (s *Server) TouchSwappedWatched(a, b int) {
	s.touchSwapped(a, b)
	if a != b {
		s.touchSwapped(b, a)
	}
}

func (s *Server) touchSwapped(emptied, with int) {
	s.signalFlushedKeys(emptied, with)
	de, dw := s.KS.DBs[emptied], s.KS.DBs[with]
	for rk, list := range s.watchers {
		if rk.db != emptied {
			continue
		}
		inEmptied := de.Peek(rk.key) != nil
		inWith := dw.Peek(rk.key) != nil
		if !inEmptied && !inWith {
			continue
		}
		for _, c := range list {
			wk := c.watchedKey(rk.db, rk.key)
			if wk != nil && wk.Expired {
				if !inWith {
					wk.Expired = false
					continue
				} else if s.keyExpired(with, rk.key) {
					continue
				}
			} else if wk != nil && !inEmptied && s.keyExpired(with, rk.key) {
				wk.Expired = true
				continue
			}
			c.Flags |= ClientDirtyCAS
		}
	}
}

// watchedKeyExpired reports whether a key c watched while it was live has
// expired since (EXEC then fails even if nobody reclaimed the key yet).
func (s *Server) watchedKeyExpired(c *Client) bool {
	for _, w := range c.Watched {
		if !w.Expired && s.keyExpired(w.DB, w.Key) {
			return true
		}
	}
	return false
}

// signalDeletedKey wakes XREADGROUP clients blocked on a key that was just
// deleted, expired or overwritten by another type: their group went with
// it, and re-running the command reports so, as Redis 7.2 does for clients
// blocked with "unblock on no key". Other waiters are not disturbed.
func (s *Server) signalDeletedKey(db *keyspace.DB, key string) {
	waiters := s.blocking.byKey[readyKey{db.ID, key}]
	if len(waiters) == 0 {
		return
	}
	if e := db.Peek(key); e != nil && e.Val.Kind() == keyspace.KindStream {
		return
	}
	for _, c := range waiters {
		if c.Blocked != nil && (c.Blocked.Kind == "xreadgroup" || c.Blocked.UnblockOnNoKey) {
			s.signalReady(db, key)
			return
		}
	}
}

// signalFlushedKeys is signalDeletedKey for a whole db about to be emptied
// (FLUSHDB, FLUSHALL; db < 0 means all) or swapped with another (with >=
// 0): XREADGROUP waiters on a key that exists now and will be gone, or
// hold another type, afterwards are woken once the command is over.
func (s *Server) signalFlushedKeys(db, with int) {
	for rk, waiters := range s.blocking.byKey {
		if db >= 0 && rk.db != db {
			continue
		}
		d := s.KS.DBs[rk.db]
		e := d.Peek(rk.key)
		if e == nil {
			continue
		}
		if with >= 0 {
			if o := s.KS.DBs[with].Peek(rk.key); o != nil && o.Val.Kind() == e.Val.Kind() {
				continue
			}
		}
		for _, c := range waiters {
			if c.Blocked != nil && c.Blocked.Kind == "xreadgroup" {
				s.signalReady(d, rk.key)
				break
			}
		}
	}
}
