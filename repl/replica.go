package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"time"

	"modhost/engine"
	"modhost/rdb"
)

// Link states, for ROLE and INFO.
const (
	linkConnecting = iota
	linkHandshake
	linkTransfer
	linkConnected
)

// link is the replica side: the connection to our master and the master
// client that applies its stream.
type link struct {
	r          *Repl
	host       string
	port       int
	state      int
	conn       net.Conn
	client     *engine.Client
	offset     int64 // slave_repl_offset: bytes applied
	readOffset int64 // slave_read_repl_offset: bytes read
	streamDB   int
	lastIO     time.Time
	lastAck    time.Time
	downSince  time.Time
	syncTotal  int64
	syncRead   int64
	synced     bool
	stopped    bool
}

func (l *link) roleState() string {
	switch l.state {
	case linkConnecting:
		return "connect"
	case linkHandshake:
		return "handshake"
	case linkTransfer:
		return "sync"
	default:
		return "connected"
	}
}

// IsReplica reports whether a master is configured.
func (r *Repl) IsReplica() bool { return r.link != nil }

// CommandGuard is the engine's replication check of a command from a
// normal client, in Redis's order: NOREPLICAS when min-replicas-to-write
// good replicas are missing, READONLY on a read-only replica, MASTERDOWN
// on a replica whose link is down with replica-serve-stale-data no.
func (r *Repl) CommandGuard(c *engine.Client, cmd *engine.Spec) string {
	write, denyStale := engine.CallFlags(c, cmd)
	if write && r.link == nil && r.cfg.MinReplicas != nil {
		if n, lag := r.cfg.MinReplicas(); n > 0 && lag > 0 && r.goodReplicas(lag) < n {
			return "NOREPLICAS Not enough good replicas to write."
		}
	}
	if r.link == nil {
		return ""
	}
	if write && (r.cfg.ReadOnly == nil || r.cfg.ReadOnly()) {
		return "READONLY You can't write against a read only replica."
	}
	if denyStale && r.link.state != linkConnected && r.cfg.ServeStale != nil && !r.cfg.ServeStale() {
		return "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."
	}
	return ""
}

// goodReplicas counts online replicas whose last ACK is at most lag
// seconds old.
func (r *Repl) goodReplicas(lag int64) int64 {
	var n int64
	for _, rp := range r.replicas {
		if rp.state == stateOnline && int64(time.Since(rp.ackTime).Seconds()) <= lag {
			n++
		}
	}
	return n
}

// ReplicaOf is REPLICAOF / SLAVEOF host port | NO ONE. Lock held.
func (r *Repl) ReplicaOf(c *engine.Ctx) {
	if strings.EqualFold(c.Arg(1), "no") && strings.EqualFold(c.Arg(2), "one") {
		if r.link != nil {
			r.Promote()
			r.logf(false, "MASTER MODE enabled (user request from 'id=%d addr=%s laddr=%s fd=%d name=%s age=%d idle=0')",
				c.C.ID, c.C.Addr, c.C.LAddr, c.C.FD, c.C.Name, int64(time.Since(c.C.Created).Seconds()))
		}
		c.W.OK()
		return
	}
	if c.C.Flags&engine.ClientReplica != 0 {
		c.Error("ERR Command is not valid when client is a replica.")
		return
	}
	port, err := strconv.ParseInt(c.Arg(2), 10, 64)
	if err != nil || port < 0 || port > 65535 {
		c.Error("ERR Invalid master port")
		return
	}
	if l := r.link; l != nil && strings.EqualFold(l.host, c.Arg(1)) && l.port == int(port) {
		r.logf(false, "REPLICAOF would result into synchronization with the master we are already connected with. No operation performed.")
		c.W.Simple("OK Already connected to specified master")
		return
	}
	r.SetMaster(c.Arg(1), int(port))
	r.logf(false, "REPLICAOF %s:%d enabled (user request from 'id=%d addr=%s laddr=%s fd=%d name=%s age=%d idle=0')",
		c.Arg(1), port, c.C.ID, c.C.Addr, c.C.LAddr, c.C.FD, c.C.Name, int64(time.Since(c.C.Created).Seconds()))
	c.W.OK()
}

// SetMaster makes this server a replica of host:port (replacing any
// previous master) and starts connecting. Lock held.
func (r *Repl) SetMaster(host string, port int) { r.setMaster(host, port, true) }

// StartAsReplica is SetMaster for the replicaof directive at startup: as
// in Redis, the server starts out a replica, so no role change is
// announced to modules.
func (r *Repl) StartAsReplica(host string, port int) { r.setMaster(host, port, false) }

func (r *Repl) setMaster(host string, port int, announce bool) {
	wasMaster := r.link == nil
	if r.link != nil {
		if r.link.state == linkConnected {
			r.fireLink(false)
		}
		r.link.close()
	}
	// Clients blocked while we were master wait for writes that are no
	// longer ours to make.
	r.eng.UnblockAllForRoleChange()
	// Our own history is what we ask the new master to continue (PSYNC
	// replid offset+1), as Redis 7 does; a master that does not know it
	// answers FULLRESYNC.
	l := &link{r: r, host: host, port: port, downSince: time.Now(), streamDB: -1, synced: true}
	l.offset = r.offset
	r.link = l
	r.masterPort = port
	if r.cfg.SetReplicaOf != nil {
		r.cfg.SetReplicaOf(host, port)
	}
	if announce {
		r.fireRole()
	}
	if wasMaster {
		r.logf(false, "Connecting to MASTER %s:%d", host, port)
	}
	go l.run()
}

// Promote is REPLICAOF NO ONE: the link is dropped and this server starts
// a new history as a master, remembering the old one for PSYNC. Lock
// held.
func (r *Repl) Promote() {
	if r.link == nil {
		return
	}
	if r.link.state == linkConnected {
		// Redis reports the link down twice here: once as it unsets
		// the master and once more as it frees the master client.
		r.fireLink(false)
		r.fireLink(false)
	}
	r.link.close()
	r.link = nil
	r.replID2 = r.replID
	r.secondOffset = r.offset + 1
	r.replID = newReplID()
	r.selDB = -1
	if r.cfg.SetReplicaOf != nil {
		r.cfg.SetReplicaOf("", 0)
	}
	r.logf(false, "Setting secondary replication ID to %s, valid up to offset: %d. New replication ID is %s",
		r.replID2, r.secondOffset, r.replID)
	r.fireRole()
}

// close stops the link. Lock held.
func (l *link) close() {
	l.stopped = true
	if l.conn != nil {
		l.conn.Close()
	}
	if l.client != nil {
		l.r.eng.RemoveClient(l.client)
		l.client = nil
	}
}

// run connects, syncs and applies the stream, reconnecting each second
// after a failure until the link is closed.
func (l *link) run() {
	eng := l.r.eng
	for {
		eng.Lock.Lock()
		stopped := l.stopped
		eng.Lock.Unlock()
		if stopped {
			return
		}
		err := l.session()
		eng.Lock.Lock()
		stopped = l.stopped
		if !stopped {
			if l.state == linkConnected {
				l.r.logf(false, "Connection with master lost.")
				l.downSince = time.Now()
				l.r.fireLink(false)
			}
			if err != nil {
				l.r.logf(true, "Master %s:%d link error: %v", l.host, l.port, err)
			}
			l.state = linkConnecting
			if l.client != nil {
				eng.RemoveClient(l.client)
				l.client = nil
			}
		}
		eng.Lock.Unlock()
		if stopped {
			return
		}
		time.Sleep(time.Second)
	}
}

// session is one connection to the master: handshake, sync, stream.
func (l *link) session() error {
	eng := l.r.eng
	conn, err := net.DialTimeout("tcp", net.JoinHostPort(l.host, strconv.Itoa(l.port)), 5*time.Second)
	if err != nil {
		return err
	}
	eng.Lock.Lock()
	if l.stopped {
		eng.Lock.Unlock()
		conn.Close()
		return nil
	}
	l.conn = conn
	l.state = linkHandshake
	l.r.logf(false, "MASTER <-> REPLICA sync started")
	port := 0
	if l.r.cfg.Port != nil {
		port = l.r.cfg.Port()
	}
	replID, offset, synced := l.r.replID, l.r.offset, l.synced
	eng.Lock.Unlock()
	defer conn.Close()

	rd := bufio.NewReaderSize(conn, 64<<10)
	send := func(args ...string) (string, error) {
		bs := make([][]byte, len(args))
		for i, a := range args {
			bs[i] = []byte(a)
		}
		_ = conn.SetDeadline(time.Now().Add(60 * time.Second))
		if _, err := conn.Write(appendCommand(nil, bs)); err != nil {
			return "", err
		}
		return readLine(rd)
	}
	if rep, err := send("PING"); err != nil {
		return err
	} else if rep[0] == '-' && !strings.HasPrefix(rep, "-NOAUTH") && !strings.HasPrefix(rep, "-NOPERM") &&
		!strings.HasPrefix(rep, "-ERR operation not permitted") {
		return fmt.Errorf("error reply to PING from master: '%s'", rep)
	}
	if rep, err := send("REPLCONF", "listening-port", strconv.Itoa(port)); err != nil {
		return err
	} else if rep[0] == '-' {
		l.r.logf(false, "(Non critical) Master does not understand REPLCONF listening-port: %s", rep)
	}
	if rep, err := send("REPLCONF", "capa", "psync2"); err != nil {
		return err
	} else if rep[0] == '-' {
		l.r.logf(false, "(Non critical) Master does not understand REPLCONF capa: %s", rep)
	}
	var rep string
	if synced {
		rep, err = send("PSYNC", replID, strconv.FormatInt(offset+1, 10))
	} else {
		rep, err = send("PSYNC", "?", "-1")
	}
	if err != nil {
		return err
	}
	switch {
	case strings.HasPrefix(rep, "+FULLRESYNC"):
		f := strings.Fields(rep)
		if len(f) != 3 {
			return fmt.Errorf("bad FULLRESYNC reply '%s'", rep)
		}
		off, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil {
			return fmt.Errorf("bad FULLRESYNC reply '%s'", rep)
		}
		l.r.logf(false, "Full resync from master: %s:%d", f[1], off)
		if err := l.fullSync(rd, conn, f[1], off); err != nil {
			return err
		}
	case strings.HasPrefix(rep, "+CONTINUE"):
		eng.Lock.Lock()
		if id := strings.TrimSpace(strings.TrimPrefix(rep, "+CONTINUE")); id != "" && id != l.r.replID {
			l.r.replID2 = l.r.replID
			l.r.secondOffset = l.r.offset + 1
			l.r.replID = id
			l.r.dropAllReplicas()
		}
		l.r.logf(false, "Successful partial resynchronization with master.")
		l.r.logf(false, "MASTER <-> REPLICA sync: Master accepted a Partial Resynchronization.")
		eng.Lock.Unlock()
	default:
		return fmt.Errorf("unexpected reply to PSYNC from master: %s", rep)
	}
	_ = conn.SetDeadline(time.Time{})
	eng.Lock.Lock()
	if l.stopped {
		eng.Lock.Unlock()
		return nil
	}
	c := eng.NewClient(conn)
	c.Flags |= engine.ClientMaster
	c.Authed = true
	if l.streamDB >= 0 && l.streamDB < len(eng.KS.DBs) {
		c.DB = eng.KS.DBs[l.streamDB]
	}
	eng.AddClient(c)
	l.client = c
	l.state = linkConnected
	l.synced = true
	l.lastIO = time.Now()
	l.offset = l.r.offset
	l.readOffset = l.r.offset
	l.r.ensureBacklog()
	l.r.fireLink(true)
	eng.Lock.Unlock()
	return l.stream(rd, c)
}

// fullSync reads the master's RDB payload and loads it in place of the
// dataset.
func (l *link) fullSync(rd *bufio.Reader, conn net.Conn, id string, off int64) error {
	eng := l.r.eng
	var hdr string
	for {
		_ = conn.SetReadDeadline(time.Now().Add(60 * time.Second))
		line, err := readLine(rd)
		if err != nil {
			return err
		}
		if line == "" {
			continue // the master's keep-alive newlines
		}
		hdr = line
		break
	}
	if hdr[0] != '$' {
		return fmt.Errorf("bad protocol from MASTER, the first byte is not '$' (we received '%s'), are you sure the host and port are right?", hdr)
	}
	n, err := strconv.ParseInt(hdr[1:], 10, 64)
	if err != nil || n < 0 {
		return fmt.Errorf("bad RDB payload length '%s'", hdr)
	}
	eng.Lock.Lock()
	l.state = linkTransfer
	l.syncTotal, l.syncRead = n, 0
	eng.Lock.Unlock()
	l.r.logf(false, "MASTER <-> REPLICA sync: receiving %d bytes from master to disk", n)
	data := make([]byte, n)
	if _, err := io.ReadFull(rd, data); err != nil {
		return err
	}
	eng.Lock.Lock()
	defer eng.Lock.Unlock()
	if l.stopped {
		return nil
	}
	l.syncRead = n
	l.r.logf(false, "MASTER <-> REPLICA sync: Flushing old data")
	for _, db := range eng.KS.DBs {
		db.Flush()
	}
	l.r.logf(false, "MASTER <-> REPLICA sync: Loading DB in memory")
	var opt rdb.LoadOptions
	if l.r.cfg.LoadOptions != nil {
		opt = l.r.cfg.LoadOptions()
	}
	opt.KeepExpired = true
	// What we load is the master's data, not a change of ours: nothing
	// of it is propagated (AOF gets a rewrite instead, as Redis does).
	prop, unit := eng.Propagate, eng.PropagateUnit
	eng.Propagate, eng.PropagateUnit = nil, nil
	res, err := rdb.Load(data, eng.KS, opt)
	eng.Propagate, eng.PropagateUnit = prop, unit
	if err != nil {
		l.r.logf(true, "Failed trying to load the MASTER synchronization DB from socket, check server logs.")
		return err
	}
	l.streamDB = 0
	for _, a := range res.Aux {
		if a[0] == "repl-stream-db" {
			if v, err := strconv.Atoi(a[1]); err == nil {
				l.streamDB = v
			}
		}
	}
	l.r.dropAllReplicas()
	l.r.replID = id
	l.r.replID2 = strings.Repeat("0", 40)
	l.r.secondOffset = -1
	l.r.offset = off
	if l.r.backlog != nil {
		l.r.backlog.data = nil
	}
	l.r.logf(false, "MASTER <-> REPLICA sync: Finished with success")
	if l.r.AfterFullSync != nil {
		l.r.AfterFullSync()
	}
	return nil
}

// dropAllReplicas disconnects our own replicas (their history no longer
// matches ours). Lock held.
func (r *Repl) dropAllReplicas() {
	for _, rp := range append([]*replica(nil), r.replicas...) {
		r.dropReplica(rp)
	}
}

// stream applies the master's commands as the master client: no replies,
// offsets advanced by the bytes of each command, and the same bytes
// proxied to our own replicas.
func (l *link) stream(rd *bufio.Reader, c *engine.Client) error {
	eng := l.r.eng
	var batch [][][]byte
	var sizes []int
	for {
		args, n, err := readCommand(rd)
		if err != nil {
			return err
		}
		batch = append(batch[:0], args)
		sizes = append(sizes[:0], n)
		// Take whatever else is already buffered under one lock.
		for rd.Buffered() > 0 && len(batch) < 1024 {
			args, n, err = readCommand(rd)
			if err != nil {
				return err
			}
			batch = append(batch, args)
			sizes = append(sizes, n)
		}
		eng.Lock.Lock()
		if l.stopped || l.client != c {
			eng.Lock.Unlock()
			return nil
		}
		l.lastIO = time.Now()
		for i, args := range batch {
			l.readOffset += int64(sizes[i])
			if len(args) == 0 {
				l.offset += int64(sizes[i])
				l.r.offset = l.offset
				continue
			}
			raw := appendCommand(nil, args)
			if strings.EqualFold(string(args[0]), "select") && len(args) == 2 {
				if v, err := strconv.Atoi(string(args[1])); err == nil {
					l.streamDB = v
				}
			}
			eng.Exec(c, args)
			c.W.Reset()
			if c.Blocked != nil {
				// A master's command never blocks; give up the wait.
				eng.Unblock(c, true, "")
				c.W.Reset()
			}
			l.offset += int64(sizes[i])
			l.r.offset = l.offset
			l.r.feedRaw(raw)
		}
		eng.Lock.Unlock()
	}
}

// feedRaw proxies the master's stream to our replicas and backlog
// without counting it again (the offset already moved). Lock held.
func (r *Repl) feedRaw(b []byte) {
	if r.backlog == nil {
		return
	}
	r.backlog.add(b)
	for _, rp := range r.replicas {
		if rp.state == stateOnline {
			rp.c.Queue(b)
		} else {
			rp.pending = append(rp.pending, b...)
		}
	}
}

// sendAck reports our offset to the master. Lock held.
func (l *link) sendAck() {
	if l.state != linkConnected || l.conn == nil {
		return
	}
	l.lastAck = time.Now()
	// Never stall the server on a master that stopped reading.
	_ = l.conn.SetWriteDeadline(time.Now().Add(time.Second))
	_, _ = l.conn.Write(appendCommand(nil, [][]byte{[]byte("REPLCONF"), []byte("ACK"), []byte(strconv.FormatInt(l.offset, 10))}))
}

// cron acknowledges each second. Lock held.
func (l *link) cron(now time.Time) {
	if l.state == linkConnected && now.Sub(l.lastAck) >= time.Second {
		l.sendAck()
	}
}

// readLine reads one CRLF (or LF) terminated line without its ending.
func readLine(rd *bufio.Reader) (string, error) {
	line, err := rd.ReadString('\n')
	if err != nil {
		return "", err
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", nil
	}
	return line, nil
}

var errProtocol = errors.New("protocol error in the master stream")

// readCommand reads one command of the stream (a multi-bulk, or an
// inline line such as a keep-alive newline) and the bytes it took.
func readCommand(rd *bufio.Reader) ([][]byte, int, error) {
	line, err := rd.ReadString('\n')
	if err != nil {
		return nil, 0, err
	}
	n := len(line)
	t := strings.TrimRight(line, "\r\n")
	if len(t) == 0 {
		return nil, n, nil
	}
	if t[0] != '*' {
		return [][]byte{}, n, nil
	}
	cnt, err := strconv.Atoi(t[1:])
	if err != nil || cnt < 0 || cnt > 1<<20 {
		return nil, n, errProtocol
	}
	args := make([][]byte, 0, cnt)
	for i := 0; i < cnt; i++ {
		hl, err := rd.ReadString('\n')
		if err != nil {
			return nil, n, err
		}
		n += len(hl)
		hl = strings.TrimRight(hl, "\r\n")
		if len(hl) == 0 || hl[0] != '$' {
			return nil, n, errProtocol
		}
		size, err := strconv.Atoi(hl[1:])
		if err != nil || size < 0 {
			return nil, n, errProtocol
		}
		buf := make([]byte, size+2)
		if _, err := io.ReadFull(rd, buf); err != nil {
			return nil, n, err
		}
		n += size + 2
		args = append(args, buf[:size])
	}
	return args, n, nil
}
