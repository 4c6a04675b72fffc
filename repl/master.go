// Package repl is modhost's replication: the master side (SYNC/PSYNC,
// the replication backlog, feeding replicas the propagated stream, ACKs
// and WAIT) and the replica side (REPLICAOF: connect to a master, load
// its RDB, apply its stream). It speaks Redis 7.2's replication protocol,
// so real Redis servers can be either end.
//
// Invariants:
//   - Everything runs under the engine's execution lock except socket
//     reads and RDB encoding, which run in their own goroutines and take
//     the lock to hand results over.
//   - Offsets count bytes of the replication stream, as Redis's
//     master_repl_offset does; the backlog holds the newest bytes of it.
package repl

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"modhost/resp"
	"strconv"
	"strings"
	"time"

	"modhost/engine"
	"modhost/rdb"
)

// Config is what replication reads from the configuration, at each use.
type Config struct {
	// BacklogSize is repl-backlog-size in bytes.
	BacklogSize func() int64
	// PingPeriod is repl-ping-replica-period in seconds.
	PingPeriod func() int64
	// ReadOnly is replica-read-only.
	ReadOnly func() bool
	// ServeStale is replica-serve-stale-data.
	ServeStale func() bool
	// MinReplicas is min-replicas-to-write and min-replicas-max-lag.
	MinReplicas func() (n, lag int64)
	// SaveOptions are the RDB settings of the snapshot sent to replicas.
	SaveOptions func() rdb.SaveOptions
	// LoadOptions are the RDB settings used to load a master's snapshot.
	LoadOptions func() rdb.LoadOptions
	// SetReplicaOf records REPLICAOF in the replicaof directive (empty
	// host for NO ONE); may be nil.
	SetReplicaOf func(host string, port int)
	// Logf logs at notice level, or warning when warn is set.
	Logf func(warn bool, format string, args ...any)
	// Port is this server's listening port (REPLCONF listening-port).
	Port func() int
}

// Replica states, as INFO replication names them.
const (
	stateWaitBgsave = "wait_bgsave"
	stateSendBulk   = "send_bulk"
	stateOnline     = "online"
)

// replica is one connected replica, as the master sees it.
type replica struct {
	c     *engine.Client
	state string
	// pending is the stream produced while the snapshot was being made.
	pending []byte
	// ackOff is the offset the replica last acknowledged, ackTime when.
	ackOff  int64
	ackTime time.Time
	port    int
	ip      string
}

// Repl is one server's replication state.
type Repl struct {
	cfg Config
	eng *engine.Server

	replID, replID2 string
	offset          int64 // master_repl_offset
	secondOffset    int64 // second_repl_offset
	backlog         *backlog
	replicas        []*replica
	selDB           int // the db the stream last selected, -1 none
	lastPing        time.Time
	waiters         []*waiter

	// link is the connection to our master while we are a replica.
	link *link

	// AfterFullSync, when set, runs under the lock after a replica loaded
	// its master's snapshot (the AOF restarts from the new dataset).
	AfterFullSync func()
	// Events are the module server event hooks.
	Events Events
	// masterPort is the port of the last master we replicated from.
	masterPort int
}

// New creates the replication state for eng, as a master with a fresh
// replication id.
func New(eng *engine.Server, cfg Config) *Repl {
	r := &Repl{cfg: cfg, eng: eng, replID: newReplID(), replID2: strings.Repeat("0", 40), secondOffset: -1, selDB: -1}
	return r
}

func newReplID() string {
	var b [20]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func (r *Repl) logf(warn bool, format string, args ...any) {
	if r.cfg.Logf != nil {
		r.cfg.Logf(warn, format, args...)
	}
}

// backlog keeps the newest bytes of the stream for partial resyncs.
type backlog struct {
	data []byte
	size int64
}

func (b *backlog) add(p []byte) {
	b.data = append(b.data, p...)
	// Trim only once twice the size is held, so appends stay amortised.
	if int64(len(b.data)) > 2*b.size {
		b.data = append([]byte(nil), b.data[int64(len(b.data))-b.size:]...)
	}
}

func (b *backlog) histlen() int64 { return min(int64(len(b.data)), b.size) }

// DropReplicas disconnects every replica and frees the backlog, so that
// they come back for a full resync: the dataset they mirror is about to
// be replaced (RM_RdbLoad), as Redis's disconnectSlaves and
// freeReplicationBacklog arrange. Lock held.
func (r *Repl) DropReplicas() {
	for _, rp := range append([]*replica(nil), r.replicas...) {
		r.dropReplica(rp)
	}
	if r.backlog != nil {
		r.backlog = nil
		r.eng.RemovePropListener("repl")
	}
}

// ensureBacklog creates the backlog when the first replica attaches, with
// a new replication id as Redis does then. Lock held.
func (r *Repl) ensureBacklog() {
	if r.backlog != nil {
		return
	}
	if len(r.replicas) == 0 && r.link == nil {
		r.replID = newReplID()
		r.replID2 = strings.Repeat("0", 40)
		r.secondOffset = -1
	}
	size := int64(1 << 20)
	if r.cfg.BacklogSize != nil {
		size = r.cfg.BacklogSize()
	}
	r.backlog = &backlog{size: size}
	r.eng.AddPropListener("repl", r.feedUnit)
}

// feedUnit is the engine's propagation listener. On a replica the
// master's stream is proxied instead (feedRaw), so units are ignored.
// Lock held.
func (r *Repl) feedUnit(unit []engine.PropOp) {
	if r.link != nil {
		return
	}
	var b []byte
	for _, o := range unit {
		if o.Target&engine.PropRepl == 0 {
			continue
		}
		b = r.appendOp(b, o.DB, o.Args)
	}
	r.feed(b)
}

// appendOp encodes a command, with SELECT first when db changed.
func (r *Repl) appendOp(b []byte, db int, args [][]byte) []byte {
	if db >= 0 && db != r.selDB {
		b = appendCommand(b, [][]byte{[]byte("SELECT"), []byte(strconv.Itoa(db))})
		r.selDB = db
	}
	return appendCommand(b, args)
}

// feed appends stream bytes to the backlog and every replica. Lock held.
func (r *Repl) feed(b []byte) {
	if len(b) == 0 || r.backlog == nil {
		return
	}
	r.backlog.add(b)
	r.offset += int64(len(b))
	for _, rp := range r.replicas {
		if rp.state == stateOnline {
			rp.c.Queue(b)
		} else {
			rp.pending = append(rp.pending, b...)
		}
	}
}

// appendCommand encodes args as a RESP multi-bulk command.
func appendCommand(b []byte, args [][]byte) []byte { return resp.AppendCommand(b, args) }

func (r *Repl) findReplica(c *engine.Client) *replica {
	for _, rp := range r.replicas {
		if rp.c == c {
			return rp
		}
	}
	return nil
}

// ClientClosed drops a replica whose connection went away. Lock held.
func (r *Repl) ClientClosed(c *engine.Client) {
	for i, rp := range r.replicas {
		if rp.c == c {
			r.replicas = append(r.replicas[:i], r.replicas[i+1:]...)
			r.logf(false, "Connection with replica %s lost.", replicaName(rp))
			if rp.state == stateOnline {
				r.fireReplica(false)
			}
			return
		}
	}
}

func replicaName(rp *replica) string {
	host := rp.ip
	if host == "" {
		host = rp.c.Addr
		if i := strings.LastIndexByte(host, ':'); i >= 0 {
			host = host[:i]
		}
	}
	return fmt.Sprintf("%s:%d", host, rp.port)
}

// Sync is SYNC and PSYNC: a partial resync from the backlog when the
// replica's history matches ours, a full one (RDB snapshot, then the
// stream) otherwise. Lock held.
func (r *Repl) Sync(c *engine.Ctx) {
	cl := c.C
	if cl.Flags&engine.ClientReplica != 0 {
		return
	}
	if r.link != nil && r.link.state != linkConnected {
		c.Error("NOMASTERLINK Can't SYNC while not connected with my master")
		return
	}
	psync := strings.EqualFold(c.Arg(0), "psync")
	if psync && r.tryPartial(c) {
		r.eng.Stats.SyncPartialOK++
		return
	}
	// A replica that named a history (not "?") asked for a partial
	// resync we could not serve.
	if psync && c.Arg(1) != "?" {
		r.eng.Stats.SyncPartialErr++
	}
	r.eng.Stats.SyncFull++
	rp := &replica{c: cl, state: stateWaitBgsave, ackTime: time.Now()}
	if old, _ := cl.Private["repl.capa"].(*replica); old != nil {
		rp.port, rp.ip = old.port, old.ip
	}
	cl.Flags |= engine.ClientReplica
	if len(r.replicas) == 0 {
		r.lastPing = time.Now()
	}
	r.replicas = append(r.replicas, rp)
	r.ensureBacklog()
	// The stream after the snapshot starts with a SELECT.
	r.selDB = -1
	if r.link != nil {
		// A replica proxies its master's stream: the next command carries
		// its own SELECT only if the master sends one, so the sub-replica
		// must start from the same db the master stream is on.
		r.selDB = r.link.streamDB
	}
	if psync {
		c.W.Simple(fmt.Sprintf("FULLRESYNC %s %d", r.replID, r.offset))
	}
	r.logf(false, "Replica %s asks for synchronization", replicaName(rp))
	r.logf(false, "Starting BGSAVE for SYNC with target: disk")
	var opt rdb.SaveOptions
	if r.cfg.SaveOptions != nil {
		opt = r.cfg.SaveOptions()
	}
	snap, err := rdb.TakeSnapshot(r.eng.KS, opt)
	if err != nil {
		r.logf(true, "BGSAVE for replication failed: %v", err)
		r.dropReplica(rp)
		return
	}
	rp.state = stateSendBulk
	go func() {
		data := snap.Encode()
		r.eng.Lock.Lock()
		defer r.eng.Lock.Unlock()
		if r.findReplica(cl) != rp {
			return
		}
		out := make([]byte, 0, len(data)+len(rp.pending)+32)
		out = append(out, '$')
		out = strconv.AppendInt(out, int64(len(data)), 10)
		out = append(out, '\r', '\n')
		out = append(out, data...)
		out = append(out, rp.pending...)
		rp.pending = nil
		rp.state = stateOnline
		rp.ackTime = time.Now()
		cl.Queue(out)
		r.fireReplica(true)
		r.logf(false, "Synchronization with replica %s succeeded", replicaName(rp))
	}()
}

// dropReplica forgets rp and closes its connection. Lock held.
func (r *Repl) dropReplica(rp *replica) {
	for i, x := range r.replicas {
		if x == rp {
			r.replicas = append(r.replicas[:i], r.replicas[i+1:]...)
			if rp.state == stateOnline {
				r.fireReplica(false)
			}
			break
		}
	}
	rp.c.Flags |= engine.ClientCloseASAP
	if rp.c.Conn != nil {
		rp.c.Conn.Close()
	}
}

// tryPartial answers PSYNC <replid> <offset> with +CONTINUE and the
// backlog from offset when that history is ours and still held.
func (r *Repl) tryPartial(c *engine.Ctx) bool {
	id := c.Arg(1)
	off, err := strconv.ParseInt(c.Arg(2), 10, 64)
	if err != nil || r.backlog == nil {
		return false
	}
	if id != r.replID && (id != r.replID2 || off > r.secondOffset) {
		return false
	}
	first := r.offset - r.backlog.histlen() + 1
	if off < first || off > r.offset+1 {
		return false
	}
	cl := c.C
	rp := &replica{c: cl, state: stateOnline, ackTime: time.Now()}
	if old, _ := cl.Private["repl.capa"].(*replica); old != nil {
		rp.port, rp.ip = old.port, old.ip
	}
	cl.Flags |= engine.ClientReplica
	r.replicas = append(r.replicas, rp)
	c.W.Simple("CONTINUE " + r.replID)
	data := r.backlog.data
	if n := r.offset - off + 1; n > 0 {
		c.W.Raw(data[int64(len(data))-n:])
	}
	r.logf(false, "Partial resynchronization request from %s accepted. Sending %d bytes of backlog starting from offset %d.",
		replicaName(rp), r.offset-off+1, off)
	r.fireReplica(true)
	return true
}

// Replconf is REPLCONF: options a replica announces, and ACK/GETACK.
func (r *Repl) Replconf(c *engine.Ctx) {
	if (len(c.Args)-1)%2 != 0 {
		c.Error("ERR syntax error")
		return
	}
	cl := c.C
	info := r.findReplica(cl)
	if info == nil {
		info, _ = cl.Private["repl.capa"].(*replica)
		if info == nil {
			info = &replica{c: cl}
			if cl.Private == nil {
				cl.Private = map[string]any{}
			}
			cl.Private["repl.capa"] = info
		}
	}
	for i := 1; i+1 < len(c.Args); i += 2 {
		opt, val := strings.ToLower(c.Arg(i)), c.Arg(i+1)
		switch opt {
		case "listening-port":
			p, err := strconv.ParseInt(val, 10, 64)
			if err != nil {
				c.Error("ERR value is not an integer or out of range")
				return
			}
			info.port = int(p)
		case "ip-address":
			if len(val) >= 46 {
				c.Error("ERR REPLCONF ip-address provided by replica instance is too long: " + strconv.Itoa(len(val)) + " bytes")
				return
			}
			info.ip = val
		case "capa", "rdb-only", "rdb-filter-only":
		case "ack":
			// No reply: the master never answers its replicas' ACKs.
			if rp := r.findReplica(cl); rp != nil {
				if off, err := strconv.ParseInt(val, 10, 64); err == nil && off > rp.ackOff {
					rp.ackOff = off
				}
				rp.ackTime = time.Now()
				r.checkWaiters()
			}
			return
		case "getack":
			if r.link != nil && cl.Flags&engine.ClientMaster != 0 {
				r.link.sendAck()
			}
			return
		default:
			c.Error("ERR Unrecognized REPLCONF option: " + c.Arg(i))
			return
		}
	}
	c.W.OK()
}

// Cron pings replicas every repl-ping-replica-period seconds and keeps
// the replica side's link alive. Lock held.
func (r *Repl) Cron() {
	now := time.Now()
	if r.link == nil && len(r.replicas) > 0 {
		period := int64(10)
		if r.cfg.PingPeriod != nil {
			period = r.cfg.PingPeriod()
		}
		if now.Sub(r.lastPing) >= time.Duration(period)*time.Second {
			r.lastPing = now
			r.feed(appendCommand(nil, [][]byte{[]byte("ping")}))
		}
	}
	if r.link != nil {
		r.link.cron(now)
	}
}

// ConnectedReplicas counts replicas that finished their sync.
func (r *Repl) ConnectedReplicas() int { return len(r.replicas) }

// WriteInfo writes INFO's replication section. Lock held.
func (r *Repl) WriteInfo(w *strings.Builder) {
	f := func(name string, v any) { fmt.Fprintf(w, "%s:%v\r\n", name, v) }
	w.WriteString("# Replication\r\n")
	if l := r.link; l != nil {
		f("role", "slave")
		f("master_host", l.host)
		f("master_port", l.port)
		status := "down"
		if l.state == linkConnected {
			status = "up"
		}
		f("master_link_status", status)
		last := int64(-1)
		if !l.lastIO.IsZero() {
			last = int64(time.Since(l.lastIO).Seconds())
		}
		f("master_last_io_seconds_ago", last)
		syncing := 0
		if l.state == linkTransfer {
			syncing = 1
		}
		f("master_sync_in_progress", syncing)
		f("slave_read_repl_offset", l.readOffset)
		f("slave_repl_offset", l.offset)
		if syncing == 1 {
			f("master_sync_total_bytes", l.syncTotal)
			f("master_sync_read_bytes", l.syncRead)
			f("master_sync_left_bytes", l.syncTotal-l.syncRead)
			f("master_sync_perc", "0.00")
			f("master_sync_last_io_seconds_ago", last)
		}
		if l.state != linkConnected {
			f("master_link_down_since_seconds", int64(time.Since(l.downSince).Seconds()))
		}
		f("slave_priority", 100)
		ro := 1
		if r.cfg.ReadOnly != nil && !r.cfg.ReadOnly() {
			ro = 0
		}
		f("slave_read_only", ro)
		f("replica_announced", 1)
	} else {
		f("role", "master")
	}
	f("connected_slaves", len(r.replicas))
	for i, rp := range r.replicas {
		host := rp.ip
		if host == "" {
			host = rp.c.Addr
			if j := strings.LastIndexByte(host, ':'); j >= 0 {
				host = host[:j]
			}
		}
		fmt.Fprintf(w, "slave%d:ip=%s,port=%d,state=%s,offset=%d,lag=%d\r\n",
			i, host, rp.port, rp.state, rp.ackOff, int64(time.Since(rp.ackTime).Seconds()))
	}
	if r.link == nil {
		f("master_failover_state", "no-failover")
	}
	f("master_replid", r.replID)
	f("master_replid2", r.replID2)
	f("master_repl_offset", r.masterOffset())
	f("second_repl_offset", r.secondOffset)
	active, size, first, hist := 0, int64(1<<20), int64(0), int64(0)
	if r.cfg.BacklogSize != nil {
		size = r.cfg.BacklogSize()
	}
	if r.backlog != nil {
		active = 1
		hist = r.backlog.histlen()
		first = r.offset - hist + 1
	}
	f("repl_backlog_active", active)
	f("repl_backlog_size", size)
	f("repl_backlog_first_byte_offset", first)
	f("repl_backlog_histlen", hist)
}

// masterOffset is master_repl_offset: on a replica, what was applied.
func (r *Repl) masterOffset() int64 {
	return r.offset
}

// Role is ROLE.
func (r *Repl) Role(c *engine.Ctx) {
	w := c.W
	if l := r.link; l != nil {
		w.Array(5)
		w.BulkString("slave")
		w.BulkString(l.host)
		w.Int(int64(l.port))
		w.BulkString(l.roleState())
		off := int64(-1)
		if l.state == linkConnected {
			off = l.offset
		}
		w.Int(off)
		return
	}
	w.Array(3)
	w.BulkString("master")
	w.Int(r.offset)
	n := 0
	for _, rp := range r.replicas {
		if rp.state == stateOnline {
			n++
		}
	}
	w.Array(n)
	for _, rp := range r.replicas {
		if rp.state != stateOnline {
			continue
		}
		w.Array(3)
		host := rp.ip
		if host == "" {
			host = rp.c.Addr
			if j := strings.LastIndexByte(host, ':'); j >= 0 {
				host = host[:j]
			}
		}
		w.BulkString(host)
		w.BulkString(strconv.Itoa(rp.port))
		w.BulkString(strconv.FormatInt(rp.ackOff, 10))
	}
}
