package engine

import "modhost/keyspace"

// Watch adds key to c's watched set (WATCH). Lock held.
func (s *Server) Watch(c *Client, db int, key string) {
	for _, w := range c.Watched {
		if w.DB == db && w.Key == key {
			return
		}
	}
	c.Watched = append(c.Watched, WatchedKey{db, key})
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
				list = append(list[:i], list[i+1:]...)
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

// touchWatched is the keyspace Modified hook: it fails the transactions of
// clients watching key.
func (s *Server) touchWatched(db *keyspace.DB, key string) {
	if len(s.watchers) == 0 {
		return
	}
	for _, c := range s.watchers[readyKey{db.ID, key}] {
		c.Flags |= ClientDirtyCAS
	}
}

// TouchAllWatched fails every transaction watching a key of db (FLUSHDB,
// SWAPDB); db < 0 means all dbs.
func (s *Server) TouchAllWatched(db int) {
	for rk, list := range s.watchers {
		if db >= 0 && rk.db != db {
			continue
		}
		for _, c := range list {
			c.Flags |= ClientDirtyCAS
		}
	}
}
