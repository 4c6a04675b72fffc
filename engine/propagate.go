package engine

import (
	"strconv"
	"strings"

	"modhost/keyspace"
)

// Propagation: the engine collects what one execution unit changed and
// hands the finished unit to every listener (the AOF, the replication
// master), so they all see the same stream. As in Redis 7.2, one unit is
// an outermost command (EXEC and a module command included), a served
// blocked command, or one key expired outside a command. A unit with more
// than one command is wrapped in MULTI/EXEC, unless its command touches
// arbitrary keys (KEYS, SCAN lazily expiring). Commands are rewritten into
// their deterministic form first (absolute expiries, SPOP as SREM, ...).

// Propagation targets of one command.
const (
	PropAOF  = 1 << iota // the append only file
	PropRepl             // replicas
	PropAll  = PropAOF | PropRepl
)

// PropOp is one propagated command. DB is -1 for MULTI and EXEC, which
// need no SELECT before them.
type PropOp struct {
	DB     int
	Args   [][]byte
	Target int
}

// PropListener receives one finished execution unit. The slice and its
// arguments are the listener's to keep only for the call; it must copy
// what it keeps. Lock held.
type PropListener func(unit []PropOp)

type propListener struct {
	name string
	fn   PropListener
}

// propState is the unit being collected.
type propState struct {
	listeners []propListener
	unit      []PropOp
	// arbitrary is set when the outermost command touches arbitrary keys.
	arbitrary bool
	// expireUnit is set while an active expiry's unit is open.
	expireUnit bool
	// implicitDirty counts the changes (KS.Dirty) made by expiry and
	// eviction, which do not make a command a write.
	implicitDirty int64
	// denied is set inside an RM_Call without "!": nothing propagates.
	denied bool
	// evicted is an evicted key's DEL waiting for its notification;
	// evictUnit is set while that eviction's unit is open.
	evicted   *PropOp
	evictUnit bool
	// evictAfterUnit asks leaveUnit to evict once the unit is out
	// (EvictSoon).
	evictAfterUnit bool
}

// AddPropListener registers fn under name (replacing one of that name);
// from then on every write is collected and propagated.
func (s *Server) AddPropListener(name string, fn PropListener) {
	for i, l := range s.prop.listeners {
		if l.name == name {
			s.prop.listeners[i].fn = fn
			return
		}
	}
	s.prop.listeners = append(s.prop.listeners, propListener{name, fn})
	s.Propagate = s.collect
	s.PropagateUnit = s.flushPropUnit
}

// RemovePropListener unregisters name; with no listener left nothing is
// collected (a server without AOF and replicas pays nothing).
func (s *Server) RemovePropListener(name string) {
	for i, l := range s.prop.listeners {
		if l.name == name {
			s.prop.listeners = append(s.prop.listeners[:i], s.prop.listeners[i+1:]...)
			break
		}
	}
	if len(s.prop.listeners) == 0 {
		s.flushPropUnit()
		s.Propagate, s.PropagateUnit = nil, nil
	}
}

// collect is Propagate while listeners exist: a command for both targets.
func (s *Server) collect(db int, args [][]byte) { s.PropagateTo(db, args, PropAll) }

// PropagateTo adds a command for the given targets to the current unit;
// outside any command (a timer, active expiry) it is a unit of its own.
// The arguments are copied. Lock held.
func (s *Server) PropagateTo(db int, args [][]byte, target int) {
	if len(s.prop.listeners) == 0 || len(args) == 0 || target == 0 || s.prop.denied {
		return
	}
	cp := make([][]byte, len(args))
	for i, x := range args {
		cp[i] = append([]byte(nil), x...)
	}
	s.prop.unit = append(s.prop.unit, PropOp{DB: db, Args: AbsoluteExpiry(cp, s.KS.Now()), Target: target})
	if s.CallDepth == 0 {
		s.flushPropUnit()
	}
}

// AllowPropagation narrows propagation for a nested call: with allow
// false nothing propagates until RestorePropagation (an RM_Call without
// "!", whatever it runs); true keeps what the caller allowed. It returns
// the state to restore. Lock held.
func (s *Server) AllowPropagation(allow bool) (prev bool) {
	prev = !s.prop.denied
	s.prop.denied = s.prop.denied || !allow
	return prev
}

// RestorePropagation undoes AllowPropagation. Lock held.
func (s *Server) RestorePropagation(prev bool) { s.prop.denied = !prev }

// BeginUnit opens an execution unit outside a command (a module timer,
// a thread-safe context lock): what it propagates is one unit, sent by
// the matching EndUnit. Lock held.
func (s *Server) BeginUnit() { s.CallDepth++ }

// EndUnit closes BeginUnit's unit. Lock held.
func (s *Server) EndUnit() { s.leaveUnit() }

// leaveUnit drops one nesting level; leaving the outermost runs the
// UnitEnd hooks (still inside the unit) and then propagates the unit.
func (s *Server) leaveUnit() {
	if s.CallDepth <= 0 {
		return
	}
	if s.CallDepth == 1 {
		for _, h := range s.Hooks.UnitEnd {
			h()
		}
	}
	s.CallDepth--
	if s.CallDepth == 0 {
		s.flushPropUnit()
		if s.prop.evictAfterUnit {
			s.prop.evictAfterUnit = false
			s.Memory.Evict()
		}
	}
}

// beginExpireUnit makes a key expiring outside any command (active
// expiry) one unit: the "expired" notification's module callbacks and
// the DEL that follows go out together, as Redis does.
func (s *Server) beginExpireUnit() {
	if s.CallDepth == 0 && s.Propagate != nil && !s.prop.expireUnit {
		s.prop.expireUnit = true
		s.CallDepth++
	}
}

// flushPropUnit hands the collected unit to the listeners.
func (s *Server) flushPropUnit() {
	unit := s.prop.unit
	if len(unit) == 0 {
		s.prop.arbitrary = false
		return
	}
	if len(unit) > 1 && !s.prop.arbitrary {
		wrapped := make([]PropOp, 0, len(unit)+2)
		wrapped = append(wrapped, PropOp{DB: -1, Args: [][]byte{[]byte("MULTI")}, Target: PropAll})
		wrapped = append(wrapped, unit...)
		unit = append(wrapped, PropOp{DB: -1, Args: [][]byte{[]byte("EXEC")}, Target: PropAll})
	}
	s.prop.unit = s.prop.unit[:0]
	s.prop.arbitrary = false
	for _, l := range s.prop.listeners {
		l.fn(unit)
	}
}

// propagateExpired is the keyspace hook's part for replication: a key
// that expired (lazily or actively) goes out as DEL, or UNLINK with
// lazyfree-lazy-expire.
func (s *Server) propagateExpired(db *keyspace.DB, key string) {
	if s.Propagate != nil && !s.KS.Loading {
		verb := "DEL"
		if s.Settings.LazyfreeLazyExpire {
			verb = "UNLINK"
		}
		s.propagateDeletion(db.ID, verb, key)
	}
	if s.prop.expireUnit {
		s.prop.expireUnit = false
		s.leaveUnit()
	}
}

// propagateEvicted is the Removed hook's part for an evicted key. As in
// Redis, the eviction of one key is one unit in which the "evicted"
// notification's module writes come before the DEL (UNLINK with
// lazyfree-lazy-eviction); the keyspace notifies after this hook, so
// the DEL waits for finishEvictUnit.
func (s *Server) propagateEvicted(db *keyspace.DB, key string) {
	if s.Propagate == nil || s.KS.Loading {
		return
	}
	s.prop.evicted = &PropOp{DB: db.ID, Args: [][]byte{nil, []byte(key)}}
	if s.CallDepth == 0 && !s.prop.evictUnit {
		s.prop.evictUnit = true
		s.CallDepth++
	}
}

// finishEvictUnit propagates the pending eviction's DEL after the
// "evicted" notification and closes its unit.
func (s *Server) finishEvictUnit() {
	if op := s.prop.evicted; op != nil {
		s.prop.evicted = nil
		op.Args[0] = []byte("DEL")
		if s.Settings.LazyfreeLazyEviction {
			op.Args[0] = []byte("UNLINK")
		}
		s.propagateDeletion(op.DB, string(op.Args[0]), string(op.Args[1]))
	}
	if s.prop.evictUnit {
		s.prop.evictUnit = false
		s.leaveUnit()
	}
}

// propagateDeletion propagates a key the server removed (expired or
// evicted) even inside an RM_Call without "!": a replica must see every
// deletion the master decided on, as Redis's propagateDeletion ensures.
func (s *Server) propagateDeletion(db int, verb, key string) {
	denied := s.prop.denied
	s.prop.denied = false
	s.PropagateTo(db, [][]byte{[]byte(verb), []byte(key)}, PropAll)
	s.prop.denied = denied
}

// AbsoluteExpiry turns relative expiries into absolute ones, as Redis
// does before propagating, so a replay later sets the same deadline. now
// is in Unix milliseconds. args may be modified in place.
func AbsoluteExpiry(args [][]byte, now int64) [][]byte {
	name := strings.ToLower(string(args[0]))
	abs := func(rel []byte, unit int64) []byte {
		v, err := strconv.ParseInt(string(rel), 10, 64)
		if err != nil {
			return nil
		}
		return []byte(strconv.FormatInt(now+v*unit, 10))
	}
	switch name {
	case "expire", "pexpire", "expireat":
		if len(args) < 3 {
			return args
		}
		var t []byte
		switch name {
		case "expire":
			t = abs(args[2], 1000)
		case "pexpire":
			t = abs(args[2], 1)
		default:
			if v, err := strconv.ParseInt(string(args[2]), 10, 64); err == nil {
				t = []byte(strconv.FormatInt(v*1000, 10))
			}
		}
		if t == nil {
			return args
		}
		out := [][]byte{[]byte("PEXPIREAT"), args[1], t}
		return append(out, args[3:]...)
	case "setex", "psetex":
		if len(args) != 4 {
			return args
		}
		unit := int64(1000)
		if name == "psetex" {
			unit = 1
		}
		if t := abs(args[2], unit); t != nil {
			return [][]byte{[]byte("SET"), args[1], args[3], []byte("PXAT"), t}
		}
	case "restore":
		// A relative TTL becomes absolute (ABSTTL), like the other expiries.
		if len(args) < 4 || string(args[2]) == "0" {
			return args
		}
		for _, x := range args[4:] {
			if strings.EqualFold(string(x), "absttl") {
				return args
			}
		}
		if t := abs(args[2], 1); t != nil {
			args[2] = t
			args = append(args, []byte("ABSTTL"))
		}
	case "set":
		// SET with EX/PX/EXAT goes out as exactly SET key value PXAT ms
		// (Redis drops NX/XX/GET then); PXAT is kept as written.
		for i := 3; i+1 < len(args); i++ {
			var t []byte
			switch strings.ToLower(string(args[i])) {
			case "pxat":
				return args
			case "ex":
				t = abs(args[i+1], 1000)
			case "px":
				t = abs(args[i+1], 1)
			case "exat":
				if v, err := strconv.ParseInt(string(args[i+1]), 10, 64); err == nil {
					t = []byte(strconv.FormatInt(v*1000, 10))
				}
			default:
				continue
			}
			if t != nil {
				return [][]byte{[]byte("SET"), args[1], args[2], []byte("PXAT"), t}
			}
		}
		// Without an expiry, GET is dropped.
		out := args[:3:3]
		for _, x := range args[3:] {
			if !strings.EqualFold(string(x), "get") {
				out = append(out, x)
			}
		}
		return out
	}
	return args
}

// CallFlags reports whether running cmd for c writes, and whether it
// is refused on a stale replica: for EXEC, whether any queued command
// writes or lacks the stale flag, as Redis judges a transaction.
func CallFlags(c *Client, cmd *Spec) (write, denyStale bool) {
	f := c.flagsOf(cmd)
	write = f&FlagWrite != 0
	denyStale = f&FlagStale == 0
	if cmd.Parent == nil && cmd.Name == "exec" {
		denyStale = false
		for _, q := range c.Multi {
			write = write || q.Cmd.Flags&FlagWrite != 0
			denyStale = denyStale || q.Cmd.Flags&FlagStale == 0
		}
	}
	return write, denyStale
}

// flagsOf is cmd's flags for the arguments c is dispatching it with.
func (c *Client) flagsOf(cmd *Spec) Flag {
	if c.checkCmd == cmd {
		return c.checkFlags
	}
	return cmd.Flags
}

// touchesArbitraryKeys reports Redis 7.2's touches-arbitrary-keys flag:
// such a command's lazy expirations go out without MULTI/EXEC. SCAN and
// RANDOMKEY carry it in 7.2; the table's specs do not set the flag yet
// (COMMAND INFO of the 7.0 oracle lacks it), so they are named here.
func touchesArbitraryKeys(cmd *Spec) bool {
	if cmd.Flags&FlagTouchesArbitraryKeys != 0 {
		return true
	}
	return cmd.Parent == nil && (cmd.Name == "scan" || cmd.Name == "randomkey")
}
