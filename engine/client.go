package engine

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

	"modhost/keyspace"
	"modhost/resp"
)

// Client flags.
const (
	ClientMulti           = 1 << iota // inside MULTI
	ClientDirtyCAS                    // a WATCHed key changed
	ClientDirtyExec                   // a command failed to queue
	ClientPubSub                      // subscribed to something
	ClientMonitor                     // MONITOR
	ClientFake                        // RM_Call / AOF / Lua: no connection
	ClientCloseAfterReply             // QUIT, protocol error
	ClientCloseASAP                   // killed
	ClientReplyOff                    // CLIENT REPLY OFF
	ClientReplySkip                   // CLIENT REPLY SKIP (next command only)
	ClientNoEvict
	ClientNoTouch
	ClientTracking
	ClientUnixSocket
	ClientModule // created for a module (thread-safe ctx)
	ClientDenyBlocking
	ClientReplySkipNext
	ClientExecuting // inside EXEC
	ClientReplica   // a replica's link (CLIENT LIST flag S)
	ClientMaster    // the link to our master (flag M)
	ClientScript    // a script's fake client (MONITOR shows "lua")
	ClientAllowOOM  // RM_Call without "M": what it runs ignores maxmemory
)

// Client is one session: a network connection, or a fake client used by
// RM_Call and AOF loading.
//
// Fields are owned by the execution lock unless noted.
type Client struct {
	ID      int64
	DB      *keyspace.DB
	W       *resp.Writer
	Name    string
	Flags   int
	User    string
	Authed  bool
	Addr    string
	LAddr   string
	Conn    net.Conn
	FD      int
	Created time.Time
	// LastCmd and LastInteraction feed CLIENT LIST.
	LastCmd         string
	LastInteraction time.Time
	// Multi holds queued commands while ClientMulti is set.
	Multi []QueuedCmd
	// Watched keys (db index + key).
	Watched []WatchedKey
	// Subscriptions.
	Channels, Patterns, ShardChannels map[string]struct{}
	// Blocked is non-nil while the client waits (BLPOP, module BlockClient).
	Blocked *Block
	// OnUnblocked is set on the client of a blocking RM_Call ("K"): it
	// runs once, under the lock, when the client's wait ends, with the
	// reply in W. Such a client has no connection goroutine to wake.
	OnUnblocked func()
	// Private is per-layer state keyed by layer (capi stores its module
	// client state here).
	Private map[string]any
	// LibName, LibVer from CLIENT SETINFO.
	LibName, LibVer string
	// ArgvMem is the size of the current command's arguments.
	ArgvMem int
	// QueryBuf is the size of unparsed input (CLIENT LIST qbuf).
	QueryBuf int
	// pendingPush holds Pub/Sub messages for this client published while
	// it runs a command; they follow the command's reply (Redis 7.2).
	pendingPush []byte
	// executing is set while the client's own top-level command runs (the
	// one Redis calls server.current_client).
	executing bool
	// CurrentCmd is the command being executed.
	CurrentCmd *Spec
	// CurrentArgs are its arguments (borrowed: valid during the call).
	CurrentArgs [][]byte
	// checkCmd and checkFlags are the command being dispatched and its
	// flags for these arguments (Server.FlagsOf), for the checks that
	// run before it.
	checkCmd   *Spec
	checkFlags Flag
	// PropTarget, on a fake client, propagates what it runs to these
	// targets (PropAOF|PropRepl): RM_Call with the "!" flag.
	PropTarget int
	// Resp is the protocol chosen with HELLO (2 or 3).
	Resp int
	// Tracking is the client's CLIENT TRACKING state (tracking.go).
	Tracking TrackingState
	// ACLUser is the client's ACL user (an *acl.User, set by
	// commands/acl.go); nil means the default user.
	ACLUser any

	// ctxs are the Ctx values Call hands to handlers, one per nesting
	// level (EXEC and RM_Call nest), reused so a command allocates none.
	ctxs     []*Ctx
	ctxDepth int

	// Out-of-band output. mu guards pending; wmu serialises socket writes.
	mu      sync.Mutex
	wmu     sync.Mutex
	pending []byte
	wake    chan struct{}
	closed  bool
}

// QueuedCmd is a command waiting for EXEC.
type QueuedCmd struct {
	Cmd  *Spec
	Args [][]byte
}

// WatchedKey is a key under WATCH.
type WatchedKey struct {
	DB  int
	Key string
	// Expired is set when the key had already expired at WATCH time, so
	// its later reclamation is no change.
	Expired bool
}

// NewClient creates a client on db 0 speaking RESP2.
func (s *Server) NewClient(conn net.Conn) *Client {
	c := &Client{
		ID:      nextClientID.Add(1),
		DB:      s.KS.DBs[0],
		W:       resp.New(2),
		Conn:    conn,
		Created: time.Now(),
		Resp:    2,
		Authed:  s.RequirePass == "",
		User:    "default",
		wake:    make(chan struct{}, 1),
	}
	c.LastInteraction = c.Created
	if conn != nil {
		c.Addr = conn.RemoteAddr().String()
		c.LAddr = conn.LocalAddr().String()
		if _, ok := conn.(*net.UnixConn); ok {
			c.Flags |= ClientUnixSocket
			c.Addr = conn.LocalAddr().String() + ":0"
		}
	}
	return c
}

// NewFakeClient creates a client without a connection (RM_Call, AOF).
func (s *Server) NewFakeClient() *Client {
	c := &Client{
		ID:      nextClientID.Add(1),
		DB:      s.KS.DBs[0],
		W:       resp.New(2),
		Created: time.Now(),
		Resp:    2,
		Authed:  true,
		User:    "default",
		Flags:   ClientFake,
	}
	return c
}

// CanBlock reports whether a command of c may park it: not inside MULTI
// or EXEC, not marked deny-blocking, and with a connection to wait on or,
// for a blocking RM_Call's client, an OnUnblocked hook.
func (c *Client) CanBlock() bool {
	if c.Flags&(ClientMulti|ClientExecuting|ClientDenyBlocking) != 0 {
		return false
	}
	return c.Flags&ClientFake == 0 || c.OnUnblocked != nil
}

// SetProto switches the reply protocol (HELLO).
func (c *Client) SetProto(p int) { c.Resp = p; c.W.Proto = p }

// Queue appends out-of-band bytes (pub/sub messages, pushes, replies to a
// client served elsewhere) to the client's output and wakes its writer. It
// may be called from any goroutine that holds the execution lock.
func (c *Client) Queue(b []byte) {
	if c.Flags&ClientFake != 0 {
		return
	}
	c.mu.Lock()
	c.pending = append(c.pending, b...)
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// Wake returns the channel that signals queued out-of-band output.
func (c *Client) Wake() <-chan struct{} { return c.wake }

// CommitReply moves the bytes accumulated in W into the ordered output
// queue. It runs under the execution lock so replies and out-of-band
// messages keep the order in which they were produced.
func (c *Client) CommitReply() {
	if len(c.W.Buf) == 0 {
		return
	}
	c.mu.Lock()
	if len(c.pending) == 0 {
		// Swap buffers instead of copying in the common case.
		c.pending, c.W.Buf = c.W.Buf, c.pending[:0]
	} else {
		c.pending = append(c.pending, c.W.Buf...)
		c.W.Buf = c.W.Buf[:0]
	}
	c.mu.Unlock()
}

// Flush writes the queued output to the connection. It needs no execution
// lock; wmu keeps concurrent flushers in order.
func (c *Client) Flush() error {
	if c.Conn == nil {
		return nil
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.mu.Lock()
	buf := c.pending
	c.pending = nil
	c.mu.Unlock()
	if len(buf) == 0 {
		return nil
	}
	_, err := c.Conn.Write(buf)
	// Give the buffer back for reuse if nothing arrived meanwhile.
	c.mu.Lock()
	if c.pending == nil && cap(buf) <= 64<<10 {
		c.pending = buf[:0]
	}
	c.mu.Unlock()
	return err
}

// PendingLen reports the size of the output queue (CLIENT LIST omem).
func (c *Client) PendingLen() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.pending)
}

// nextClientID numbers clients process-wide, so module code that keeps a
// client id can never confuse two in-process servers' clients.
var nextClientID atomic.Int64

// pushCtx returns the Ctx for a call one level deeper than the current.
func (c *Client) pushCtx() *Ctx {
	if c.ctxDepth == len(c.ctxs) {
		c.ctxs = append(c.ctxs, new(Ctx))
	}
	ctx := c.ctxs[c.ctxDepth]
	c.ctxDepth++
	return ctx
}

// popCtx ends the innermost call; the arguments are dropped so the Ctx
// does not keep a request buffer alive.
func (c *Client) popCtx(ctx *Ctx) {
	c.ctxDepth--
	ctx.Args = nil
}
