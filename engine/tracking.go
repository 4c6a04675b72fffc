package engine

import (
	"slices"
	"sort"
	"strings"

	"modhost/keyspace"
	"modhost/resp"
)

// Client-side caching (CLIENT TRACKING): which keys each tracking client
// has read, which prefixes broadcasting clients follow, and the
// invalidation messages sent when those keys change.
//
// Facts kept from Redis 7.2: the table of keys is global (not per db) and
// holds client ids that are dropped lazily, when a key is invalidated or
// the table is flushed; a client that turns tracking off leaves its ids
// behind. Broadcast (BCAST) invalidations are collected per prefix and
// sent once per event-loop iteration.

// Tracking option bits kept in TrackingState.Flags (Redis's
// CLIENT_TRACKING_* flags besides CLIENT_TRACKING itself, which stays in
// Client.Flags as ClientTracking).
const (
	TrackBcast       = 1 << iota // BCAST: prefixes instead of read keys
	TrackOptIn                   // OPTIN: only after CLIENT CACHING YES
	TrackOptOut                  // OPTOUT: except after CLIENT CACHING NO
	TrackCaching                 // CLIENT CACHING given for the next command
	TrackNoLoop                  // NOLOOP: not about the client's own writes
	TrackBrokenRedir             // the redirect client has gone away
)

// TrackingState is a client's CLIENT TRACKING settings.
type TrackingState struct {
	// Flags holds Track* bits.
	Flags int
	// Redirect is the id of the client invalidations go to (0: none).
	Redirect int64
	// Prefixes are the BCAST prefixes, sorted.
	Prefixes []string
}

// trackingChannel is the Pub/Sub channel RESP2 redirect targets receive
// invalidations on.
const trackingChannel = "__redis__:invalidate"

// bcastPrefix is one prefix of the broadcast table: the keys under it
// changed since the last broadcast, each with the client that changed it
// last (nil outside a client), and the clients that follow it.
type bcastPrefix struct {
	keys    map[string]*Client
	clients map[*Client]struct{}
}

// trackingTable is the server-wide tracking state.
type trackingTable struct {
	// on is set once any client enabled tracking (Redis creates its
	// tables then); before that no key is looked at.
	on bool
	// clients counts clients with tracking on (INFO tracking_clients).
	clients int
	// keys maps a key to the ids of the clients that may cache it.
	keys map[string]map[int64]struct{}
	// items counts the ids in keys (INFO tracking_total_items).
	items int
	// prefixes is the broadcast table.
	prefixes map[string]*bcastPrefix
	// unowned names the key being expired or evicted: its change is
	// nobody's, so BCAST NOLOOP does not filter it.
	unowned string
	// inFlush is set between FireFlush's start and end events, whose
	// flush has already invalidated everything; flushPending marks a
	// database emptied some other way (a replica's full sync, DEBUG
	// RELOAD), whose null goes out with the next broadcast.
	inFlush, flushPending bool
	// rounds counts limit passes that ended still over the limit; each
	// one raises the next pass's effort.
	rounds int
	// w builds the messages.
	w *resp.Writer
}

// EnableTracking turns tracking on for c with the given redirect, option
// bits (TrackBcast, TrackOptIn, TrackOptOut, TrackNoLoop) and BCAST
// prefixes; the caller has validated them. Turning it on again changes
// the options and adds prefixes. Lock held.
func (s *Server) EnableTracking(c *Client, redirect int64, opts int, prefixes []string) {
	t := &s.trk
	if c.Flags&ClientTracking == 0 {
		t.clients++
	}
	c.Flags |= ClientTracking
	c.Tracking.Flags &^= TrackBrokenRedir | TrackBcast | TrackOptIn | TrackOptOut | TrackNoLoop
	c.Tracking.Redirect = redirect
	if !t.on {
		t.on = true
		t.keys = map[string]map[int64]struct{}{}
		t.prefixes = map[string]*bcastPrefix{}
		t.w = resp.New(2)
	}
	if opts&TrackBcast != 0 {
		c.Tracking.Flags |= TrackBcast
		if len(prefixes) == 0 {
			s.followPrefix(c, "")
		}
		for _, p := range prefixes {
			s.followPrefix(c, p)
		}
	}
	c.Tracking.Flags |= opts & (TrackOptIn | TrackOptOut | TrackNoLoop)
}

// followPrefix adds c to prefix's broadcast clients.
func (s *Server) followPrefix(c *Client, prefix string) {
	bp := s.trk.prefixes[prefix]
	if bp == nil {
		bp = &bcastPrefix{keys: map[string]*Client{}, clients: map[*Client]struct{}{}}
		s.trk.prefixes[prefix] = bp
	}
	if _, ok := bp.clients[c]; ok {
		return
	}
	bp.clients[c] = struct{}{}
	i, found := slices.BinarySearch(c.Tracking.Prefixes, prefix)
	if !found {
		c.Tracking.Prefixes = slices.Insert(c.Tracking.Prefixes, i, prefix)
	}
}

// DisableTracking turns tracking off for c (CLIENT TRACKING OFF, RESET,
// disconnect). The ids c left in the key table stay until those keys are
// invalidated, as in Redis. Lock held.
func (s *Server) DisableTracking(c *Client) {
	if c.Tracking.Flags&TrackBcast != 0 {
		for _, p := range c.Tracking.Prefixes {
			if bp := s.trk.prefixes[p]; bp != nil {
				delete(bp.clients, c)
				if len(bp.clients) == 0 {
					delete(s.trk.prefixes, p)
				}
			}
		}
		c.Tracking.Prefixes = nil
	}
	if c.Flags&ClientTracking != 0 {
		s.trk.clients--
		c.Flags &^= ClientTracking
		c.Tracking.Flags = 0
	}
}

// PrefixOverlap checks BCAST prefixes about to be added to c, as Redis's
// checkPrefixCollisionsOrReply does: two prefixes overlap when one starts
// with the other. It returns the error text ("" when none overlap) and
// whether the command must stop. Redis lets the command go on (and enable
// tracking, answering OK after the error) when the overlap is between two
// given prefixes past the first one; callers keep that.
func (s *Server) PrefixOverlap(c *Client, prefixes []string) (msg string, stop bool) {
	overlap := func(a, b string) bool {
		n := min(len(a), len(b))
		return a[:n] == b[:n]
	}
	for i, p := range prefixes {
		for _, old := range c.Tracking.Prefixes {
			if overlap(old, p) {
				return "ERR Prefix '" + cText(p) + "' overlaps with an existing prefix '" + cText(old) +
					"'. Prefixes for a single client must not overlap.", true
			}
		}
		for _, q := range prefixes[i+1:] {
			if overlap(p, q) {
				return "ERR Prefix '" + cText(p) + "' overlaps with another provided prefix '" + cText(q) +
					"'. Prefixes for a single client must not overlap.", i == 0
			}
		}
	}
	return "", false
}

// cText is s as C's "%s" prints it: up to the first NUL.
func cText(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

// TrackingCounts reports INFO's tracking_clients, tracking_total_keys,
// tracking_total_items and tracking_total_prefixes.
func (s *Server) TrackingCounts() (clients, keys, items, prefixes int) {
	return s.trk.clients, len(s.trk.keys), s.trk.items, len(s.trk.prefixes)
}

// trackingRemember records the keys cmd read for the tracking client c
// (the client whose top-level command runs; cmd may run on a fake client
// for it: RM_Call, scripts). Redis's trackingRememberKeys.
func (s *Server) trackingRemember(c *Client, cmd *Spec, args [][]byte) {
	f := c.Tracking.Flags
	if f&TrackBcast != 0 {
		return
	}
	caching := f&TrackCaching != 0
	if (f&TrackOptIn != 0 && !caching) || (f&TrackOptOut != 0 && caching) {
		return
	}
	if cmd.Flags&FlagPubSub != 0 {
		return // shard channels are keys only for cluster routing
	}
	if cmd.Parent == nil {
		switch cmd.Name {
		case "eval_ro", "evalsha_ro", "fcall_ro":
			// The script's own commands say what it read.
			return
		}
	}
	for _, k := range cmd.TableKeys(args) {
		key := string(args[k.Pos])
		ids := s.trk.keys[key]
		if ids == nil {
			ids = map[int64]struct{}{}
			s.trk.keys[key] = ids
		}
		if _, ok := ids[c.ID]; !ok {
			ids[c.ID] = struct{}{}
			s.trk.items++
		}
	}
}

// keyModified is the keyspace Modified hook (Redis's signalModifiedKey):
// WATCH and client tracking hear of the change.
func (s *Server) keyModified(db *keyspace.DB, key string) {
	s.touchWatched(db, key)
	if s.trk.on {
		by := s.Current
		if s.trk.unowned == key {
			// Expiry and eviction change keys on nobody's behalf.
			by, s.trk.unowned = nil, ""
		}
		s.invalidateKey(key, by, true)
	}
}

// invalidateKey tells the clients that may cache key that it changed and
// forgets them; with bcast it also queues the key for the broadcasting
// clients whose prefix it has. by is the client that changed it.
func (s *Server) invalidateKey(key string, by *Client, bcast bool) {
	t := &s.trk
	if bcast && len(t.prefixes) > 0 {
		for p, bp := range t.prefixes {
			if strings.HasPrefix(key, p) {
				bp.keys[key] = by
			}
		}
	}
	ids := t.keys[key]
	if ids == nil {
		return
	}
	delete(t.keys, key)
	t.items -= len(ids)
	order := make([]int64, 0, len(ids))
	for id := range ids {
		order = append(order, id)
	}
	slices.Sort(order)
	for _, id := range order {
		c := s.Clients[id]
		if c == nil || c.Flags&ClientTracking == 0 || c.Tracking.Flags&TrackBcast != 0 {
			continue
		}
		if c.Tracking.Flags&TrackNoLoop != 0 && c == s.Current {
			continue
		}
		s.sendInvalidation(c, func(w *resp.Writer) {
			w.Array(1)
			w.BulkString(key)
		})
	}
}

// sendInvalidation delivers one invalidation for the tracking client c:
// as a push on its own connection (RESP3), to its redirect client (a push
// there, or a message on __redis__:invalidate for a RESP2 subscriber), or
// not at all (RESP2 without a redirect). value writes the keys part. A
// redirect client that has gone away earns c a tracking-redir-broken push.
// Messages to a client running a command follow its reply (deliver).
func (s *Server) sendInvalidation(c *Client, value func(w *resp.Writer)) {
	to, redirected := c, false
	if id := c.Tracking.Redirect; id != 0 {
		r := s.Clients[id]
		// A client that is closing (QUIT) counts as gone: Redis frees
		// it as soon as its reply is written, before serving anyone else.
		if r == nil || r.Flags&(ClientCloseAfterReply|ClientCloseASAP) != 0 {
			c.Tracking.Flags |= TrackBrokenRedir
			if c.Resp > 2 {
				deliver(c, s.trk.w, func(w *resp.Writer) {
					w.Push(2)
					w.BulkString("tracking-redir-broken")
					w.Int(id)
				})
			}
			return
		}
		to, redirected = r, true
	}
	switch {
	case to.Resp > 2:
		deliver(to, s.trk.w, func(w *resp.Writer) {
			w.Push(2)
			w.BulkString("invalidate")
			value(w)
		})
	case redirected && to.Flags&ClientPubSub != 0:
		deliver(to, s.trk.w, func(w *resp.Writer) {
			w.Push(3)
			w.BulkString("message")
			w.BulkString(trackingChannel)
			value(w)
		})
	}
}

// flushNull is the "all keys" invalidation: a null in the tracking
// client's own protocol, whoever receives it (as Redis sends it).
func flushNull(c *Client) func(w *resp.Writer) {
	if c.Resp > 2 {
		return func(w *resp.Writer) { w.Raw([]byte("_\r\n")) }
	}
	return func(w *resp.Writer) { w.Raw([]byte("$-1\r\n")) }
}

// trackingFlushed runs when databases are about to be emptied (FLUSHDB,
// FLUSHALL, a module's ResetDataset): every tracking client learns that
// all keys are invalid, and the key table starts over.
func (s *Server) trackingFlushed() {
	if s.trk.clients > 0 {
		for _, c := range s.ClientsByID() {
			if c.Flags&ClientTracking != 0 {
				s.sendInvalidation(c, flushNull(c))
			}
		}
	}
	if s.trk.on {
		s.trk.keys = map[string]map[int64]struct{}{}
		s.trk.items = 0
	}
}

// dbFlushed is the keyspace Flushed hook: a database emptied outside the
// flush commands also invalidates every key, once however many databases
// went.
func (s *Server) dbFlushed(*keyspace.DB) {
	if s.trk.on && !s.trk.inFlush {
		s.trk.flushPending = true
		s.trk.keys = map[string]map[int64]struct{}{}
		s.trk.items = 0
	}
}

// TrackingCron is the periodic tracking work: the table limit and the
// broadcasts of changes made outside commands (active expiry, timers).
// Lock held.
func (s *Server) TrackingCron() {
	if s.trk.clients > 0 {
		s.trackingLimit()
	}
	s.TrackingBroadcast()
}

// trackingLimit keeps the key table within tracking-table-max-keys by
// invalidating keys at random, with more effort each pass that could not
// get under the limit (Redis's trackingLimitUsedSlots).
func (s *Server) trackingLimit() {
	t := &s.trk
	max := s.Settings.TrackingTableMaxKeys
	if !t.on || max == 0 {
		return
	}
	if int64(len(t.keys)) <= max {
		t.rounds = 0
		return
	}
	effort := 100 * (t.rounds + 1)
	for effort > 0 && len(t.keys) > 0 {
		effort--
		var key string
		for k := range t.keys {
			key = k
			break
		}
		s.invalidateKey(key, nil, false)
		if int64(len(t.keys)) <= max {
			t.rounds = 0
			return
		}
	}
	t.rounds++
}

// TrackingBroadcast sends the null of a pending flush and the BCAST
// invalidations collected since the last call: per prefix, one array of the changed keys (sorted) to each
// following client, without the keys a NOLOOP client changed itself. The
// event loop calls it before sleeping. Lock held.
func (s *Server) TrackingBroadcast() {
	t := &s.trk
	if t.flushPending {
		t.flushPending = false
		s.trackingFlushed()
	}
	if !t.on || t.clients == 0 || len(t.prefixes) == 0 {
		return
	}
	names := make([]string, 0, len(t.prefixes))
	for p, bp := range t.prefixes {
		if len(bp.keys) > 0 {
			names = append(names, p)
		}
	}
	sort.Strings(names)
	for _, p := range names {
		bp := t.prefixes[p]
		keys := make([]string, 0, len(bp.keys))
		for k := range bp.keys {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		clients := make([]*Client, 0, len(bp.clients))
		for c := range bp.clients {
			clients = append(clients, c)
		}
		sort.Slice(clients, func(i, j int) bool { return clients[i].ID < clients[j].ID })
		for _, c := range clients {
			list := keys
			if c.Tracking.Flags&TrackNoLoop != 0 {
				list = make([]string, 0, len(keys))
				for _, k := range keys {
					if bp.keys[k] != c {
						list = append(list, k)
					}
				}
				if len(list) == 0 {
					continue
				}
			}
			s.sendInvalidation(c, func(w *resp.Writer) {
				w.Array(len(list))
				for _, k := range list {
					w.BulkString(k)
				}
			})
		}
		bp.keys = map[string]*Client{}
	}
}

// trackingAfterCommand runs after each of c's commands: the null of a
// database emptied by the command (DEBUG RELOAD) follows its reply, and
// CLIENT CACHING's effect ends: it lasts for the next command (or
// transaction) only, and CLIENT commands do not use it up.
func (s *Server) trackingAfterCommand(c *Client) {
	if s.trk.flushPending {
		s.trk.flushPending = false
		s.trackingFlushed()
	}
	if c.Tracking.Flags&TrackCaching != 0 && c.Flags&ClientMulti == 0 &&
		c.LastCmd != "client" && !strings.HasPrefix(c.LastCmd, "client|") {
		c.Tracking.Flags &^= TrackCaching
	}
}
