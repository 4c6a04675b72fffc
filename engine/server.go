package engine

import (
	"bytes"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"modhost/keyspace"
	"modhost/resp"
)

// Server is the state every command runs against: the keyspace, the
// command table, the clients and the counters. It knows nothing about
// sockets; server/ feeds it commands and writes its replies out.
type Server struct {
	// Lock is the execution lock. Every command, module callback, timer and
	// ThreadSafeContextLock section holds it.
	Lock sync.Mutex

	KS       *keyspace.Keyspace
	Commands *Table

	// Clients by id; guarded by Lock.
	Clients map[int64]*Client

	// Settings the engine consults on every command; server/ keeps them in
	// step with the config.
	RequirePass string
	Settings    Settings

	Stats    Stats
	Started  time.Time
	RunID    string
	Hooks    Hooks
	PubSub   *PubSub
	blocking blockRegistry

	// ready keys signalled during the current command, served after it.
	readyKeys []readyKey
	readySet  map[readyKey]struct{}
	// trk is client-side caching's state (tracking.go).
	trk trackingTable
	// Propagate receives every write command's effects (AOF, replicas);
	// nil when nobody listens.
	Propagate func(db int, args [][]byte)
	// PropagateUnit, when set with Propagate, runs when the outermost
	// Call ends, so a listener can group what one execution unit
	// propagated (MULTI/EXEC around an EXEC's writes).
	PropagateUnit func()
	// CallDepth counts nested Calls while Propagate is set.
	CallDepth int
	// InExec counts EXECs running (RM_GetContextFlags reports MULTI to
	// every context meanwhile, notification callbacks included).
	InExec int
	// prop is the execution unit being collected (propagate.go).
	prop propState
	// ReplRole, when set, tells whether this server is a replica and
	// whether it refuses writes (RM_GetContextFlags); nil means master.
	ReplRole func() (replica, readOnly bool)
	// Current is the client whose top-level command is running (Redis's
	// server.current_client), nil between commands.
	Current *Client
	// BusyReply is set while a script runs past busy-reply-threshold and
	// lets other clients in: the error commands without allow-busy get.
	BusyReply string
	// CommandGuard, when set, may refuse a command from a normal client
	// with an error text: replication's NOREPLICAS, READONLY and
	// MASTERDOWN (see CallFlags).
	CommandGuard func(c *Client, cmd *Spec) string
	// Persist is the persistence layer's MISCONF and LOADING checks
	// (persistguard.go).
	Persist PersistenceGuard
	// Memory is maxmemory enforcement (evict.go).
	Memory MemoryGuard
	// CommandFilter, when set, may rewrite a client's command line before
	// lookup (module command filters, engine/filter.go).
	CommandFilter func(c *Client, args [][]byte) [][]byte
	// ACLCheck, when set, decides whether c may run cmd with args: ""
	// allows, anything else is the error reply (commands/acl.go). Dispatch
	// asks after the NOAUTH check; EXEC asks again for each queued
	// command with queued set, since the rules may have changed meanwhile.
	ACLCheck func(c *Client, cmd *Spec, args [][]byte, queued bool) string
	// ErrorStats counts error replies by their code (INFO errorstats).
	ErrorStats map[string]int64
	watchers   map[readyKey][]*Client
	// CmdStartUS is when the outermost running command started, in Unix
	// microseconds (RedisModule_CachedMicroseconds).
	CmdStartUS atomic.Int64
	// NotifyHooks see every keyspace event before config filtering
	// (module keyspace subscribers).
	NotifyHooks []func(db *keyspace.DB, class int, event, key string)

	// What the server and connection commands keep (stats.go,
	// slowlog.go, client_kill.go).
	Process    ProcessInfo
	Info       InfoRegistry
	Slowlog    Slowlog
	Latency    LatencyMonitor
	Monitors   []*Client
	pause      pauseState
	ops        opsMeter
	histograms map[*Spec]*Histogram
	prevErrs   int64 // error count when the innermost call began or ended
	// ShutdownFunc carries out SHUTDOWN; app points it at the network
	// layer. nil means SHUTDOWN is refused.
	ShutdownFunc func(save, nosave, now, force bool) error
	// DebugSubs are DEBUG subcommands other layers add (DIGEST, RELOAD),
	// by lower-case name.
	DebugSubs map[string]func(c *Ctx)
	// LastSave is the unix time of the last successful save (LASTSAVE).
	LastSave int64
}

// Settings are config values read on hot paths.
type Settings struct {
	ProtoMaxBulkLen     int64
	ClientQueryBufLimit int64
	NotifyFlags         int
	Databases           int
	MaxClients          int
	Timeout             int
	Hz                  int
	EnableDebugCommand  string
	EnableModuleCommand string
	ActiveExpire        bool
	// Slow log and latency monitoring (microseconds / milliseconds).
	SlowlogLogSlowerThan    int64
	SlowlogMaxLen           int
	LatencyMonitorThreshold int64
	LatencyTrackingOff      bool
	LatencyPercentiles      []float64
	MaxMemory               int64
	MaxMemoryPolicy         string
	// lazyfree-lazy-expire and lazyfree-lazy-server-del: expired keys and
	// emptied sets propagate as UNLINK instead of DEL.
	LazyfreeLazyExpire    bool
	LazyfreeLazyServerDel bool
	LazyfreeLazyEviction  bool
	// TrackingTableMaxKeys is tracking-table-max-keys (0: no limit).
	TrackingTableMaxKeys int64
}

// Stats are INFO stats counters.
type Stats struct {
	Commands          atomic.Int64
	Connections       atomic.Int64
	RejectedConns     atomic.Int64
	NetInput          atomic.Int64
	NetOutput         atomic.Int64
	KeyspaceHits      int64
	KeyspaceMisses    int64
	ErrorReplies      int64
	UnexpectedErrors  int64
	DirtyAtLastSave   int64
	ExpiredStalePerc  float64
	TotalBlockingKeys int64
	// Replication: full resyncs served, partial ones accepted, and
	// partial ones refused (INFO sync_full, sync_partial_ok/err).
	SyncFull, SyncPartialOK, SyncPartialErr int64
}

// Hooks let other layers watch clients and commands.
type Hooks struct {
	// ClientClosed runs under the lock when a client goes away.
	ClientClosed []func(c *Client)
	// ClientOpened runs under the lock when a client connects.
	ClientOpened []func(c *Client)
	// AfterCommand runs under the lock after every top-level command.
	AfterCommand []func(c *Client)
	// UnitEnd runs as an execution unit ends, still inside it, so what
	// it propagates joins the unit (module post-notification jobs).
	UnitEnd []func()
	// BeforeSleep and AfterSleep, when set, bracket each client batch as
	// Redis's event loop brackets an iteration: AfterSleep when the batch
	// takes the lock, BeforeSleep when it lets go (module EventLoop
	// events). Lock held.
	BeforeSleep, AfterSleep func()
}

// HandOver lets other goroutines waiting for the execution lock run for a
// moment in the middle of a long command (a busy script, a yielding module
// command). The caller holds the lock and has it again on return; the
// current client is restored. Lock held.
func (s *Server) HandOver() {
	cur := s.Current
	s.Lock.Unlock()
	time.Sleep(100 * time.Microsecond)
	s.Lock.Lock()
	s.Current = cur
}

// LoopWoke runs the AfterSleep hook, if any. Lock held.
func (s *Server) LoopWoke() {
	if f := s.Hooks.AfterSleep; f != nil {
		f()
	}
}

// LoopSleeping runs the BeforeSleep hook, if any, then sends the client
// tracking broadcasts the iteration collected. Lock held.
func (s *Server) LoopSleeping() {
	if f := s.Hooks.BeforeSleep; f != nil {
		f()
	}
	s.TrackingBroadcast()
}

// New creates a server with n databases and an empty command table.
func New(databases int) *Server {
	s := &Server{
		KS:         keyspace.New(databases),
		Commands:   NewTable(),
		Clients:    map[int64]*Client{},
		Started:    time.Now(),
		ErrorStats: map[string]int64{},
		readySet:   map[readyKey]struct{}{},
	}
	s.Settings = Settings{
		ProtoMaxBulkLen:     512 << 20,
		ClientQueryBufLimit: 1 << 30,
		Databases:           databases,
		MaxClients:          10000,
		Hz:                  10,
		EnableDebugCommand:  "no",
		EnableModuleCommand: "no",
		ActiveExpire:        true,

		SlowlogLogSlowerThan: 10000,
		SlowlogMaxLen:        128,
		LatencyPercentiles:   []float64{50, 99, 99.9},
		MaxMemoryPolicy:      "noeviction",
		TrackingTableMaxKeys: 1000000,
	}
	s.LastSave = s.Started.Unix()
	s.DebugSubs = map[string]func(c *Ctx){}
	s.PubSub = newPubSub()
	s.blocking.init()
	s.KS.Hooks.Ready = s.signalReady
	s.KS.Hooks.Modified = s.keyModified
	s.KS.Hooks.Flushed = s.dbFlushed
	s.KS.Hooks.Notify = s.notify
	s.KS.Hooks.Removed = func(db *keyspace.DB, key string, _ *keyspace.Entry, why int) {
		switch why {
		case keyspace.RemovedExpired, keyspace.RemovedEvicted:
			// Redis counts neither as a change of the command that
			// triggered it (a GET expiring its key is not propagated).
			s.prop.implicitDirty++
		}
		if s.trk.on && (why == keyspace.RemovedExpired || why == keyspace.RemovedEvicted) {
			s.trk.unowned = key
		}
		switch why {
		case keyspace.RemovedExpired:
			s.propagateExpired(db, key)
		case keyspace.RemovedEvicted:
			s.propagateEvicted(db, key)
		}
	}
	s.RunID = randomHex(40)
	return s
}

// Ctx is what a command handler receives. It is valid only until the
// handler returns: Call recycles it for the client's next command, so code
// that runs later (a blocked command's TryServe) builds its own.
type Ctx struct {
	S    *Server
	C    *Client
	Cmd  *Spec
	Args [][]byte
	DB   *keyspace.DB
	W    *resp.Writer
}

// Arg returns argument i as a string.
func (c *Ctx) Arg(i int) string { return string(c.Args[i]) }

// Error writes an error reply and counts it.
func (c *Ctx) Error(msg string) {
	c.W.Error(msg)
	c.S.countError(msg)
}

// countError updates INFO errorstats for an error reply.
func (s *Server) countError(msg string) {
	code := msg
	if i := strings.IndexByte(msg, ' '); i >= 0 {
		code = msg[:i]
	}
	code = strings.TrimPrefix(code, "-")
	s.ErrorStats[code]++
	s.Stats.ErrorReplies++
}

// Exec runs one command for c. The caller holds the execution lock. The
// reply goes to c.W.
func (s *Server) Exec(c *Client, args [][]byte) {
	start := len(c.W.Buf)
	if s.CommandFilter != nil {
		if args = s.filterArgs(c, args); len(args) == 0 {
			s.rejectCmd(c, "ERR unknown command '', with args beginning with: ")
			return
		}
	}
	s.exec(c, args, true)
	// CLIENT REPLY OFF / SKIP drop what the command wrote; SKIP lasts for
	// the one command after CLIENT REPLY SKIP. Pushes are exempt, as in
	// Redis: the (un)subscribe family's confirmations are its reply, and
	// messages to the client itself were set aside (pendingPush).
	if c.Flags&(ClientReplyOff|ClientReplySkip) != 0 && c.Blocked == nil && !pushAsReply(c.LastCmd) {
		c.W.Buf = c.W.Buf[:start]
	}
	c.Flags &^= ClientReplySkip
	s.trackingAfterCommand(c)
	if c.Flags&ClientReplySkipNext != 0 {
		c.Flags = c.Flags&^ClientReplySkipNext | ClientReplySkip
	}
}

// errUnknownCommand formats Redis 7.2's unknown-command error: the name
// cut to 128 bytes, then quoted arguments while the list is shorter than
// 128 bytes, each cut to what is left of those 128. Like the C "%.*s"
// Redis uses, every piece also stops at a NUL byte.
func errUnknownCommand(args [][]byte) string {
	var list strings.Builder
	for _, a := range args[1:] {
		if list.Len() >= 128 {
			break
		}
		room := 128 - list.Len()
		list.WriteByte('\'')
		list.WriteString(cString(a, room))
		list.WriteString("' ")
	}
	return "ERR unknown command '" + cString(args[0], 128) + "', with args beginning with: " + list.String()
}

// cString returns b as C's "%.*s" prints it: at most max bytes, ending at
// the first NUL.
func cString(b []byte, max int) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	if max < 0 {
		max = 0
	}
	if len(b) > max {
		b = b[:max]
	}
	return string(b)
}

// lookupCommand resolves args to a command spec, descending into a
// subcommand when the command has them. It returns an error text when the
// lookup fails.
func (s *Server) lookupCommand(args [][]byte) (*Spec, string) {
	cmd := s.Commands.Lookup(args[0])
	if cmd == nil {
		return nil, errUnknownCommand(args)
	}
	if len(cmd.Subs) > 0 && len(args) >= 2 {
		sub := cmd.Subs[strings.ToLower(string(args[1]))]
		if sub == nil {
			return nil, fmt.Sprintf("ERR unknown subcommand '%s'. Try %s HELP.",
				cString(args[1], 128), strings.ToUpper(cString(args[0], len(args[0]))))
		}
		return sub, ""
	}
	return cmd, ""
}

func arityOK(cmd *Spec, n int) bool {
	if cmd.Arity > 0 {
		return n == cmd.Arity
	}
	return n >= -cmd.Arity
}

// Lookup resolves a command the way Exec does (used by COMMAND GETKEYS and
// RM_Call).
func (s *Server) Lookup(args [][]byte) (*Spec, string) {
	cmd, msg := s.lookupCommand(args)
	if cmd == nil {
		return nil, msg
	}
	if !arityOK(cmd, len(args)) {
		return nil, fmt.Sprintf("ERR wrong number of arguments for '%s' command", cmd.FullName())
	}
	return cmd, ""
}

func (s *Server) exec(c *Client, args [][]byte, top bool) {
	cmd, msg := s.lookupCommand(args)
	if cmd == nil {
		c.LastCmd = ""
		s.rejectCmd(c, msg)
		return
	}
	// CLIENT LIST shows the command as soon as it is looked up, queued or
	// rejected ones included, as Redis's lastcmd does.
	c.LastCmd = cmd.FullName()
	if !arityOK(cmd, len(args)) {
		if cmd.Parent != nil || len(cmd.Subs) == 0 {
			s.rejectResolved(c, cmd, fmt.Sprintf("ERR wrong number of arguments for '%s' command", cmd.FullName()))
		} else {
			s.rejectResolved(c, cmd, fmt.Sprintf("ERR wrong number of arguments for '%s' command", cmd.FullName()))
		}
		cmd.Stats.Rejected.Add(1)
		return
	}
	c.checkCmd, c.checkFlags = cmd, s.FlagsOf(cmd, args)
	defer func() { c.checkCmd = nil }()
	if cmd.Flags&FlagProtected != 0 {
		if msg := s.protectedRefusal(c, cmd); msg != "" {
			s.rejectResolved(c, cmd, msg)
			cmd.Stats.Rejected.Add(1)
			return
		}
	}
	if !c.Authed && cmd.Flags&FlagNoAuth == 0 {
		s.rejectResolved(c, cmd, "NOAUTH Authentication required.")
		return
	}
	if s.ACLCheck != nil {
		if msg := s.ACLCheck(c, cmd, args, false); msg != "" {
			s.rejectResolved(c, cmd, msg)
			cmd.Stats.Rejected.Add(1)
			return
		}
	}
	if msg := s.oomRefusal(c, cmd); msg != "" {
		s.rejectResolved(c, cmd, msg)
		return
	}
	if s.trk.clients > 0 {
		s.trackingLimit()
	}
	if msg := s.diskRefusal(c, cmd); msg != "" {
		s.rejectResolved(c, cmd, msg)
		return
	}
	if s.CommandGuard != nil && c.Flags&(ClientMaster|ClientFake) == 0 {
		if msg := s.CommandGuard(c, cmd); msg != "" {
			s.rejectResolved(c, cmd, msg)
			return
		}
	}
	if msg := s.loadingRefusal(c, cmd); msg != "" {
		s.rejectResolved(c, cmd, msg)
		return
	}
	if s.BusyReply != "" && cmd.Flags&FlagAllowBusy == 0 {
		s.rejectResolved(c, cmd, s.BusyReply)
		return
	}
	if c.Flags&ClientMulti != 0 && !isMultiControl(cmd) {
		if cmd.Flags&FlagNoMulti != 0 {
			c.Flags |= ClientDirtyExec
			s.rejectCmd(c, "ERR Command not allowed inside a transaction")
			return
		}
		cp := make([][]byte, len(args))
		for i, a := range args {
			cp[i] = append([]byte(nil), a...)
		}
		c.Multi = append(c.Multi, QueuedCmd{Cmd: cmd, Args: cp})
		c.W.Simple("QUEUED")
		return
	}
	if c.Resp == 2 && c.Flags&ClientPubSub != 0 && !allowedInPubSub(cmd) {
		s.rejectResolved(c, cmd, fmt.Sprintf("ERR Can't execute '%s': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context", cmd.FullName()))
		return
	}
	if top {
		c.executing = true
		prev := s.Current
		s.Current = c
		s.Call(c, cmd, args)
		s.Current = prev
		c.executing = false
		s.afterCommand(c)
		return
	}
	s.Call(c, cmd, args)
}

// rejectCmd writes a rejection, flagging an open transaction as failed.
func (s *Server) rejectCmd(c *Client, msg string) {
	if c.Flags&ClientMulti != 0 {
		c.Flags |= ClientDirtyExec
	}
	c.W.Error(msg)
	s.countError(msg)
}

func isMultiControl(cmd *Spec) bool {
	switch cmd.FullName() {
	case "exec", "discard", "multi", "watch", "quit", "reset":
		return true
	}
	return false
}

func allowedInPubSub(cmd *Spec) bool {
	switch cmd.Name {
	case "subscribe", "ssubscribe", "unsubscribe", "sunsubscribe", "psubscribe", "punsubscribe", "ping", "quit", "reset":
		return true
	}
	return false
}

// Call runs a resolved command with stats, without the MULTI and auth
// checks (EXEC and RM_Call use it directly).
func (s *Server) Call(c *Client, cmd *Spec, args [][]byte) {
	// One clock read per command: the wall time becomes the keyspace's
	// time snapshot for the outermost call, the monotonic part times it.
	start := time.Now()
	outer := s.KS.CommandTime() == 0
	if outer {
		s.KS.SetCommandTime(start.UnixMilli())
		s.CmdStartUS.Store(start.UnixMicro())
	}
	prevCmd, prevArgs := c.CurrentCmd, c.CurrentArgs
	c.CurrentCmd, c.CurrentArgs = cmd, args
	ctx := c.pushCtx()
	*ctx = Ctx{S: s, C: c, Cmd: cmd, Args: args, DB: c.DB, W: c.W}
	s.prevErrs = s.Stats.ErrorReplies
	prop, dirty, replyStart := s.Propagate != nil, s.KS.Dirty-s.prop.implicitDirty, len(c.W.Buf)
	if prop {
		s.CallDepth++
		if s.CallDepth == 1 {
			s.prop.arbitrary = touchesArbitraryKeys(cmd)
		}
	}
	if c.Flags&ClientNoTouch != 0 && cmd.Name != "touch" {
		// CLIENT NO-TOUCH: this command must not update LRU/LFU data.
		s.KS.NoTouch = true
		s.run(ctx)
		c.popCtx(ctx)
		s.KS.NoTouch = false
	} else {
		s.run(ctx)
		c.popCtx(ctx)
	}
	if prop {
		s.propagateCall(c, cmd, args, dirty, replyStart)
	}
	// Client tracking remembers what a read served, for the client whose
	// command it is (a script's or RM_Call's reads count for it too).
	if cmd.Flags&FlagReadonly != 0 && s.Current != nil && s.Current.Flags&ClientTracking != 0 {
		s.trackingRemember(s.Current, cmd, args)
	}
	c.CurrentCmd, c.CurrentArgs = prevCmd, prevArgs
	if outer {
		s.KS.SetCommandTime(0)
	}
	dur := time.Since(start)
	// Like Redis's call(), count executed commands only (nested ones from
	// EXEC and RM_Call too), never rejected ones.
	s.Stats.Commands.Add(1)
	cmd.Stats.Calls.Add(1)
	cmd.Stats.Usec.Add(dur.Microseconds())
	s.afterCall(c, cmd, args, dur, start.Add(dur))
	// An error counts against the innermost command that replied it: a
	// nested call (EXEC's queued commands) moves the baseline, as Redis's
	// incrCommandStatsOnError does.
	if s.Stats.ErrorReplies != s.prevErrs {
		cmd.Stats.Failed.Add(1)
	}
	s.prevErrs = s.Stats.ErrorReplies
	if c.LastCmd == "" {
		// Fake clients (RM_Call) reach Call without exec.
		c.LastCmd = cmd.FullName()
	}
}

// afterCommand serves clients blocked on keys the command made ready and
// runs the after-command hooks.
func (s *Server) afterCommand(c *Client) {
	if len(s.readyKeys) > 0 {
		s.ServeReadyKeys()
	}
	for _, h := range s.Hooks.AfterCommand {
		h(c)
	}
	if c.Flags&(ClientReplyOff|ClientReplySkip) != 0 {
		// Exec is about to drop the reply: send the pushes around it.
		if len(c.pendingPush) > 0 {
			c.Queue(c.pendingPush)
			c.pendingPush = c.pendingPush[:0]
		}
		return
	}
	c.flushPendingPush()
}

// AddClient registers a connected client.
func (s *Server) AddClient(c *Client) {
	s.Clients[c.ID] = c
	for _, h := range s.Hooks.ClientOpened {
		h(c)
	}
}

// RemoveClient tears a client down: unblock, unsubscribe, unwatch, hooks.
func (s *Server) RemoveClient(c *Client) {
	if _, ok := s.Clients[c.ID]; !ok && c.Flags&ClientFake == 0 {
		return
	}
	if c.Blocked != nil {
		s.abortBlock(c)
	}
	s.PubSub.unsubscribeAll(c)
	s.unwatchAll(c)
	s.DisableTracking(c)
	for _, h := range s.Hooks.ClientClosed {
		h(c)
	}
	delete(s.Clients, c.ID)
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
}

// notify is the keyspace hook that turns events into Pub/Sub messages and
// feeds module subscribers.
func (s *Server) notify(db *keyspace.DB, class int, event, key string) {
	if class == keyspace.NotifyExpired {
		s.beginExpireUnit()
	}
	for _, h := range s.NotifyHooks {
		h(db, class, event, key)
	}
	if class == keyspace.NotifyEvicted {
		s.finishEvictUnit()
	}
	flags := s.Settings.NotifyFlags
	if flags&class == 0 || flags&(keyspace.NotifyKeyspace|keyspace.NotifyKeyevent) == 0 {
		return
	}
	dbs := fmt.Sprint(db.ID)
	if flags&keyspace.NotifyKeyspace != 0 {
		s.PubSub.Publish(s, "__keyspace@"+dbs+"__:"+key, event)
	}
	if flags&keyspace.NotifyKeyevent != 0 {
		s.PubSub.Publish(s, "__keyevent@"+dbs+"__:"+event, key)
	}
}

// CountError records an error reply produced outside Ctx.Error (module
// replies) in INFO errorstats.
func (s *Server) CountError(msg string) { s.countError(msg) }

// CountRejected records a command refused inside another one before it
// ran (a script's redis.call): the error reply and a rejected call of cmd
// (when known). The error is the refused command's: the caller is not
// failed by it, as Redis moves its error baseline.
func (s *Server) CountRejected(cmd *Spec, msg string) {
	s.countError(msg)
	if cmd != nil {
		cmd.Stats.Rejected.Add(1)
	}
	s.prevErrs = s.Stats.ErrorReplies
}

// PanicHook, when set, logs a handler panic (server wires its logger).
var PanicHook func(cmd string, r any, stack []byte)

// run calls the handler; a panic is logged and answered with an error
// instead of taking the server (and the execution lock) down with it.
func (s *Server) run(ctx *Ctx) {
	defer func() {
		if r := recover(); r != nil {
			if PanicHook != nil {
				PanicHook(ctx.Cmd.FullName(), r, debug.Stack())
			}
			ctx.Error("ERR internal error executing '" + ctx.Cmd.FullName() + "'")
		}
	}()
	ctx.Cmd.Run(ctx)
}

// propagateCall passes a command that changed the dataset to Propagate,
// in the form Redis propagates it (rewriteForProp). EXEC is never passed
// itself (its commands are), nor are module commands (they replicate what
// they choose) or RM_Call's fake clients.
func (s *Server) propagateCall(c *Client, cmd *Spec, args [][]byte, dirty int64, replyStart int) {
	// The depth drops after this command's ops are collected, so several
	// ops of one outermost command stay one unit.
	defer s.leaveUnit()
	if s.Propagate != nil && s.KS.Dirty-s.prop.implicitDirty != dirty && (c.Flags&ClientFake == 0 || c.PropTarget != 0) &&
		cmd.Flags&FlagModule == 0 && !(cmd.Parent == nil && cmd.Name == "exec") && !runsScript(cmd) {
		var reply []byte
		if replyStart <= len(c.W.Buf) {
			reply = c.W.Buf[replyStart:]
		}
		target := PropAll
		if c.Flags&ClientFake != 0 {
			target = c.PropTarget
		}
		s.propagateRewritten(c.DB, cmd, args, reply, target)
	} else if s.Propagate != nil && cmd.Parent == nil && cmd.Name == "publish" && c.Flags&ClientFake == 0 {
		// PUBLISH changes nothing but goes to replicas (not the AOF), as
		// Redis forces it outside cluster mode.
		s.PropagateTo(c.DB.ID, args, PropRepl)
	}
}

// runsScript reports whether cmd runs a script: like EXEC's, its effects
// propagate as the commands the script ran, never as the script itself.
func runsScript(cmd *Spec) bool {
	if cmd.Parent != nil {
		return false
	}
	switch cmd.Name {
	case "eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro":
		return true
	}
	return false
}

// propagateServed propagates a blocked command that was served when its
// key became ready, with the arguments kept for its statistics; reply is
// what serving it wrote.
func (s *Server) propagateServed(c *Client, dirty int64, reply []byte) {
	if s.Propagate == nil || s.KS.Dirty == dirty {
		return
	}
	if p, _ := c.Private[pendingStatsKey].(*pendingStats); p != nil && p.cmd.Flags&FlagModule == 0 {
		db := c.DB
		if c.Blocked != nil && c.Blocked.DB != nil {
			db = c.Blocked.DB
		}
		// A blocking RM_Call propagates only as its "!", "A", "R" say.
		target := PropAll
		if c.Flags&ClientFake != 0 {
			target = c.PropTarget
		}
		s.propagateRewritten(db, p.cmd, p.args, reply, target)
	}
}
