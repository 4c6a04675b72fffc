package engine

import (
	"sort"
	"sync/atomic"
	"time"

	"modhost/keyspace"
)

// Block describes why and how a client waits. The command that blocks
// fills it in and calls BlockClient; the client's connection goroutine then
// parks in WaitBlocked without the execution lock.
type Block struct {
	// Keys the client waits on (empty for module BlockClient without keys).
	Keys []string
	DB   *keyspace.DB
	// Deadline is when Timeout fires; zero means never.
	Deadline time.Time
	// TryServe runs under the lock when one of Keys was signalled ready,
	// in FIFO order among the clients blocked on it. It returns true when
	// it wrote the client's reply and the client should be released.
	TryServe func(key string) bool
	// Timeout writes the timeout reply under the lock.
	Timeout func()
	// Resume runs under the lock, on the client's goroutine, after Wake
	// (a module's UnblockClient). It writes the reply.
	Resume func()
	// Disconnected runs under the lock when the client goes away while
	// blocked.
	Disconnected func()
	// Kind names the blocking command for CLIENT LIST / INFO.
	Kind string
	// UnblockOnNoKey marks a wait that a key's deletion or change of type
	// must end (XREADGROUP: its group went with the key). INFO counts the
	// keys such clients wait on as total_blocking_keys_on_nokey.
	UnblockOnNoKey bool
	// NoUnblock makes CLIENT UNBLOCK answer 0: a module block without a
	// timeout callback cannot be ended from outside.
	NoUnblock bool
	// Background is work done for the client off the lock (a module's
	// BlockedClientMeasureTime), set before the block ends; the command's
	// statistics and slow log entry include it.
	Background time.Duration

	wake    chan struct{}
	resume  atomic.Bool
	served  bool
	client  *Client
	started time.Time
}

type blockRegistry struct {
	// byKey holds, per db and key, the clients blocked on it in FIFO order.
	byKey map[readyKey][]*Client
	// all holds every blocked client, module call clients included.
	all map[*Client]struct{}
	// count is INFO blocked_clients: connections only, as Redis counts
	// blocked client stats on regular clients and not on module ones.
	count int
}

type readyKey struct {
	db  int
	key string
}

func (r *blockRegistry) init() {
	r.byKey = map[readyKey][]*Client{}
	r.all = map[*Client]struct{}{}
}

// BlockedClients reports how many clients are blocked (INFO blocked_clients).
func (s *Server) BlockedClients() int { return s.blocking.count }

// BlockingKeys reports how many distinct keys clients are blocked on.
func (s *Server) BlockingKeys() int { return len(s.blocking.byKey) }

// BlockingKeysOnNoKey reports how many of those keys have a client that
// waits with UnblockOnNoKey (INFO total_blocking_keys_on_nokey).
func (s *Server) BlockingKeysOnNoKey() int {
	n := 0
	for _, list := range s.blocking.byKey {
		for _, c := range list {
			if c.Blocked != nil && c.Blocked.UnblockOnNoKey {
				n++
				break
			}
		}
	}
	return n
}

// Requeue moves c behind every client waiting on its keys. Redis re-runs a
// blocked command when one of its keys is signalled; a run that finds
// nothing blocks again, at the back of each key's queue. TryServe calls it
// when its re-run came up empty. Lock held.
func (s *Server) Requeue(c *Client) {
	b := c.Blocked
	if b == nil {
		return
	}
	for _, k := range b.Keys {
		rk := readyKey{b.DB.ID, k}
		list := without(s.blocking.byKey[rk], c)
		s.blocking.byKey[rk] = append(list, c)
	}
}

// failBlocked counts c's blocked command as failed: the reply its wait
// ended with was an error, which Redis charges to the command when it
// re-runs or is unblocked (failed_calls). Lock held, before release.
func (s *Server) failBlocked(c *Client) {
	if p, _ := c.Private[pendingStatsKey].(*pendingStats); p != nil {
		p.cmd.Stats.Failed.Add(1)
	}
}

// blockedRejected is how often c's blocked command has been rejected: a
// re-run refused by a permission check is a rejected call, not a failed
// one. Lock held.
func blockedRejected(c *Client) int64 {
	if p, _ := c.Private[pendingStatsKey].(*pendingStats); p != nil {
		return p.cmd.Stats.Rejected.Load()
	}
	return 0
}

// BlockClient parks c on b. Must hold the lock; the caller's command must
// write no reply (the reply comes from TryServe, Timeout or Resume).
func (s *Server) BlockClient(c *Client, b *Block) {
	b.wake = make(chan struct{}, 1)
	b.client = c
	b.started = time.Now()
	c.Blocked = b
	s.blocking.all[c] = struct{}{}
	if c.Flags&ClientModule == 0 {
		s.blocking.count++
	}
	for _, k := range b.Keys {
		rk := readyKey{b.DB.ID, k}
		s.blocking.byKey[rk] = append(s.blocking.byKey[rk], c)
	}
}

// Wake asks the blocked client's goroutine to run Resume. Safe from any
// goroutine or thread, without the lock.
func (b *Block) Wake() {
	b.resume.Store(true)
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

// without returns list minus c (its first occurrence), reusing list.
func without(list []*Client, c *Client) []*Client {
	for i, x := range list {
		if x == c {
			return append(list[:i], list[i+1:]...)
		}
	}
	return list
}

// Client returns the client that is blocked.
func (b *Block) Client() *Client { return b.client }

// unregister removes c from the key lists. Lock held.
func (s *Server) unregister(c *Client) {
	b := c.Blocked
	if b == nil {
		return
	}
	for _, k := range b.Keys {
		rk := readyKey{b.DB.ID, k}
		list := without(s.blocking.byKey[rk], c)
		if len(list) == 0 {
			delete(s.blocking.byKey, rk)
		} else {
			s.blocking.byKey[rk] = list
		}
	}
	c.Blocked = nil
	delete(s.blocking.all, c)
	if c.Flags&ClientModule == 0 {
		s.blocking.count--
	}
}

// release ends c's wait after its reply was written and wakes its goroutine.
func (s *Server) release(c *Client) {
	b := c.Blocked
	s.unregister(c)
	b.served = true
	s.FinishBlockedStats(c, b.Background)
	select {
	case b.wake <- struct{}{}:
	default:
	}
	s.unblocked(c)
}

// unblocked hands a module call client's reply to its OnUnblocked hook
// once its wait is over. Lock held.
func (s *Server) unblocked(c *Client) {
	if fn := c.OnUnblocked; fn != nil && c.Blocked == nil {
		c.OnUnblocked = nil
		fn()
	}
}

// Unblock releases c, running Timeout when timedOut (CLIENT UNBLOCK
// TIMEOUT) or writing errMsg otherwise. Lock held.
func (s *Server) Unblock(c *Client, timedOut bool, errMsg string) bool {
	b := c.Blocked
	if b == nil || b.NoUnblock {
		return false
	}
	if timedOut {
		if b.Timeout != nil {
			b.Timeout()
		} else {
			c.W.NullArray()
		}
	} else {
		c.W.Error(errMsg)
		s.countError(errMsg)
		s.failBlocked(c)
	}
	s.release(c)
	return true
}

func (s *Server) abortBlock(c *Client) {
	b := c.Blocked
	if b.Disconnected != nil {
		b.Disconnected()
	}
	if c.Blocked == b {
		s.release(c)
	}
}

// AbortBlocked ends c's wait as if it went away: the block's Disconnected
// runs and no reply is written. RM_CallReplyPromiseAbort uses it; the
// caller clears c.OnUnblocked first when the reply must not be delivered.
// Lock held.
func (s *Server) AbortBlocked(c *Client) bool {
	if c.Blocked == nil {
		return false
	}
	s.abortBlock(c)
	return true
}

// MsgUnblockedRoleChange is the error a blocked client gets when the
// server turns into a replica.
const MsgUnblockedRoleChange = "UNBLOCKED force unblock from blocking operation, instance state changed (master -> replica?)"

// UnblockAllForRoleChange ends every connection's wait with
// MsgUnblockedRoleChange and closes it after the reply, as a master that
// becomes a replica must: what they wait for would be a write. A module
// block learns of it through its disconnect callback. Lock held.
func (s *Server) UnblockAllForRoleChange() {
	var list []*Client
	for c := range s.blocking.all {
		if c.Conn != nil {
			list = append(list, c)
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	for _, c := range list {
		if c.Blocked == nil {
			continue
		}
		c.W.Error(MsgUnblockedRoleChange)
		s.countError(MsgUnblockedRoleChange)
		c.Flags |= ClientCloseAfterReply
		s.abortBlock(c)
	}
}

// signalReady is the keyspace hook: remember keys that clients wait on.
func (s *Server) signalReady(db *keyspace.DB, key string) {
	rk := readyKey{db.ID, key}
	if _, ok := s.blocking.byKey[rk]; !ok {
		return
	}
	if _, ok := s.readySet[rk]; ok {
		return
	}
	s.readySet[rk] = struct{}{}
	s.readyKeys = append(s.readyKeys, rk)
}

// ServeReadyKeys serves clients blocked on keys made ready by the last
// command, first blocked first served, repeating while serving makes more
// keys ready (BLMOVE feeding another list). Lock held.
func (s *Server) ServeReadyKeys() {
	for len(s.readyKeys) > 0 {
		keys := s.readyKeys
		s.readyKeys = nil
		for _, rk := range keys {
			delete(s.readySet, rk)
		}
		for _, rk := range keys {
			waiters := append([]*Client(nil), s.blocking.byKey[rk]...)
			for _, c := range waiters {
				b := c.Blocked
				if b == nil || b.TryServe == nil {
					continue
				}
				// A module call client's unblock handler runs in the
				// same execution unit as the served command, so what
				// both write propagates together.
				unit := c.OnUnblocked != nil
				if unit {
					s.BeginUnit()
				}
				dirty, start := s.KS.Dirty, len(c.W.Buf)
				errs, rejected := s.Stats.ErrorReplies, blockedRejected(c)
				// The served client runs its command again, as the
				// current client: pushes to it follow its reply.
				prev := s.Current
				s.Current, c.executing = c, true
				served := b.TryServe(rk.key)
				s.Current, c.executing = prev, false
				c.flushPendingPush()
				if served {
					s.propagateServed(c, dirty, c.W.Buf[min(start, len(c.W.Buf)):])
					if s.Stats.ErrorReplies != errs && blockedRejected(c) == rejected {
						s.failBlocked(c)
					}
					s.release(c)
				}
				if unit {
					s.EndUnit()
				}
			}
		}
	}
}

// watchGrace is how long a blocked client waits before its connection is
// watched for a hang-up. Most blocks (a module's thread pool answering a
// query) end well within it, and starting and stopping a watcher costs
// more than the whole wait; a client that drops meanwhile is noticed at
// most this late.
const watchGrace = time.Millisecond

// WaitBlocked parks the calling goroutine (which must not hold the lock)
// until c's wait ends: served, woken, timed out, or gone. watch starts
// watching the connection and returns a channel closed when it drops; it
// is called only if the wait lasts longer than watchGrace. WaitBlocked
// returns with the reply in c.W, and the watch channel (nil if watch was
// never called).
func (s *Server) WaitBlocked(c *Client, watch func() <-chan struct{}) (gone <-chan struct{}) {
	s.Lock.Lock()
	b := c.Blocked
	s.Lock.Unlock()
	if b == nil {
		return nil
	}
	var timer <-chan time.Time
	if !b.Deadline.IsZero() {
		t := time.NewTimer(time.Until(b.Deadline))
		defer t.Stop()
		timer = t.C
	}
	grace := time.NewTimer(watchGrace)
	defer grace.Stop()
	for {
		select {
		case <-grace.C:
			gone = watch()
		case <-b.wake:
			s.Lock.Lock()
			if b.served {
				s.Lock.Unlock()
				return
			}
			if b.resume.Load() {
				b.resume.Store(false)
				s.unregister(c)
				b.served = true
				if b.Resume != nil {
					b.Resume()
				}
				s.FinishBlockedStats(c, b.Background)
				s.afterCommand(c)
				s.unblocked(c)
				s.Lock.Unlock()
				return
			}
			s.Lock.Unlock()
		case <-timer:
			s.Lock.Lock()
			if !b.served {
				if b.Timeout != nil {
					b.Timeout()
				} else {
					c.W.NullArray()
				}
				s.unregister(c)
				b.served = true
				s.FinishBlockedStats(c, b.Background)
				s.afterCommand(c)
				s.unblocked(c)
			}
			s.Lock.Unlock()
			return
		case <-gone:
			s.Lock.Lock()
			if !b.served && c.Blocked == b {
				s.abortBlock(c)
			}
			s.Lock.Unlock()
			return
		}
	}
}
