package engine

import (
	"net"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Client types, as CLIENT LIST TYPE and CLIENT KILL TYPE name them.
const (
	ClientTypeNormal = iota
	ClientTypeReplica
	ClientTypePubSub
	ClientTypeMaster
)

// ClientTypeByName maps a type name to its ClientType* value, or -1.
func ClientTypeByName(name string) int {
	switch strings.ToLower(name) {
	case "normal":
		return ClientTypeNormal
	case "slave", "replica":
		return ClientTypeReplica
	case "pubsub":
		return ClientTypePubSub
	case "master":
		return ClientTypeMaster
	}
	return -1
}

// Type classifies the client; a MONITOR client counts as normal.
func (c *Client) Type() int {
	switch {
	case c.Flags&ClientMaster != 0:
		return ClientTypeMaster
	case c.Flags&ClientReplica != 0:
		return ClientTypeReplica
	case c.Flags&ClientPubSub != 0:
		return ClientTypePubSub
	}
	return ClientTypeNormal
}

// PeerID is the client's address as CLIENT LIST, CLIENT KILL ADDR and
// MONITOR show it ("ip:port", or "path:0" for a Unix socket).
func (c *Client) PeerID() string {
	if c.Addr == "" && c.Conn == nil {
		return "?:0"
	}
	return c.Addr
}

// SockName is the local address (CLIENT LIST laddr).
func (c *Client) SockName() string {
	if c.Flags&ClientUnixSocket != 0 {
		return c.Addr
	}
	return c.LAddr
}

// fd returns the socket's descriptor number, or -1 without one.
func (c *Client) fd() int {
	if c.FD > 0 {
		return c.FD
	}
	sc, ok := c.Conn.(syscall.Conn)
	if !ok {
		return -1
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return -1
	}
	fd := -1
	_ = raw.Control(func(f uintptr) { fd = int(f) })
	if fd > 0 {
		c.FD = fd
	}
	return fd
}

// ClientsByID returns the clients in id order (connection order, as
// Redis's client list). Lock held.
func (s *Server) ClientsByID() []*Client {
	out := make([]*Client, 0, len(s.Clients))
	for _, c := range s.Clients {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// ClientInfo formats one CLIENT LIST / CLIENT INFO line (without the
// trailing newline) in Redis 7.2's field order. Lock held.
func (s *Server) ClientInfo(c *Client) string {
	var flags []byte
	if c.Flags&ClientMonitor != 0 {
		flags = append(flags, 'O')
	} else if c.Flags&ClientReplica != 0 {
		flags = append(flags, 'S')
	}
	if c.Flags&ClientMaster != 0 {
		flags = append(flags, 'M')
	}
	if c.Flags&ClientPubSub != 0 {
		flags = append(flags, 'P')
	}
	if c.Flags&ClientMulti != 0 {
		flags = append(flags, 'x')
	}
	if c.Blocked != nil {
		flags = append(flags, 'b')
	}
	if c.Flags&ClientTracking != 0 {
		flags = append(flags, 't')
	}
	if c.Tracking.Flags&TrackBrokenRedir != 0 {
		flags = append(flags, 'R')
	}
	if c.Tracking.Flags&TrackBcast != 0 {
		flags = append(flags, 'B')
	}
	if c.Flags&ClientDirtyCAS != 0 {
		flags = append(flags, 'd')
	}
	if c.Flags&ClientCloseAfterReply != 0 {
		flags = append(flags, 'c')
	}
	if c.Flags&ClientCloseASAP != 0 {
		flags = append(flags, 'A')
	}
	if c.Flags&ClientUnixSocket != 0 {
		flags = append(flags, 'U')
	}
	if c.Flags&ClientNoEvict != 0 {
		flags = append(flags, 'e')
	}
	if c.Flags&ClientNoTouch != 0 {
		flags = append(flags, 'T')
	}
	if len(flags) == 0 {
		flags = append(flags, 'N')
	}
	now := time.Now().Unix()
	multi := -1
	multiMem := 0
	if c.Flags&ClientMulti != 0 {
		multi = len(c.Multi)
		for _, q := range c.Multi {
			for _, a := range q.Args {
				multiMem += len(a)
			}
		}
	}
	cmd := "NULL"
	if c.LastCmd != "" {
		cmd = c.LastCmd
	}
	events := ""
	fd := -1
	if c.Conn != nil {
		events = "r"
		fd = c.fd()
	}
	omem := c.PendingLen()
	rbs := 1024
	argvMem := 0
	if c.CurrentCmd != nil {
		argvMem = c.ArgvMem
	}
	totMem := 1024 + rbs + c.QueryBuf + argvMem + omem + multiMem + 21*1024
	user := c.User
	if user == "" {
		user = "(superuser)"
	}
	var b strings.Builder
	b.Grow(300)
	field := func(k, v string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(v)
	}
	num := func(n int64) string { return strconv.FormatInt(n, 10) }
	field("id", num(c.ID))
	field("addr", c.PeerID())
	field("laddr", c.SockName())
	field("fd", num(int64(fd)))
	field("name", c.Name)
	field("age", num(now-c.Created.Unix()))
	field("idle", num(now-c.LastInteraction.Unix()))
	field("flags", string(flags))
	db := 0
	if c.DB != nil {
		db = c.DB.ID
	}
	field("db", num(int64(db)))
	field("sub", num(int64(len(c.Channels))))
	field("psub", num(int64(len(c.Patterns))))
	field("ssub", num(int64(len(c.ShardChannels))))
	field("multi", num(int64(multi)))
	field("qbuf", num(int64(c.QueryBuf)))
	field("qbuf-free", "0")
	field("argv-mem", num(int64(argvMem)))
	field("multi-mem", num(int64(multiMem)))
	field("rbs", num(int64(rbs)))
	field("rbp", "0")
	field("obl", "0")
	field("oll", "0")
	field("omem", num(int64(omem)))
	field("tot-mem", num(int64(totMem)))
	field("events", events)
	field("cmd", cmd)
	field("user", user)
	redir := int64(-1)
	if c.Flags&ClientTracking != 0 {
		redir = c.Tracking.Redirect
	}
	field("redir", num(redir))
	field("resp", num(int64(c.Resp)))
	field("lib-name", c.LibName)
	field("lib-ver", c.LibVer)
	return b.String()
}

// KillClient disconnects c at once (CLIENT KILL, client output limits):
// its wait ends, its socket closes and it leaves the client list. The
// calling client cannot kill itself this way; it sets
// ClientCloseAfterReply instead. Lock held.
func (s *Server) KillClient(c *Client) {
	c.Flags |= ClientCloseASAP
	s.RemoveClient(c)
	if c.Conn != nil {
		_ = c.Conn.Close()
	}
}

// FeedMonitors sends one MONITOR line for a command run by c in db to
// every monitoring client. Lock held.
func (s *Server) FeedMonitors(c *Client, db int, args [][]byte) {
	live := s.Monitors[:0]
	for _, m := range s.Monitors {
		m.mu.Lock()
		closed := m.closed
		m.mu.Unlock()
		if !closed {
			live = append(live, m)
		}
	}
	s.Monitors = live
	if len(live) == 0 {
		return
	}
	now := time.Now()
	var b []byte
	b = append(b, '+')
	b = strconv.AppendInt(b, now.Unix(), 10)
	b = append(b, '.')
	us := strconv.Itoa(now.Nanosecond() / 1000)
	b = append(b, "000000"[len(us):]...)
	b = append(b, us...)
	b = append(b, " ["...)
	b = strconv.AppendInt(b, int64(db), 10)
	b = append(b, ' ')
	switch {
	case c.Flags&ClientScript != 0:
		b = append(b, "lua"...)
	case c.Flags&ClientUnixSocket != 0:
		b = append(b, "unix:"...)
		b = append(b, s.Process.UnixSocket...)
	default:
		b = append(b, c.PeerID()...)
	}
	b = append(b, "] "...)
	for i, a := range args {
		if i > 0 {
			b = append(b, ' ')
		}
		b = AppendRepr(b, a)
	}
	b = append(b, '\r', '\n')
	for _, m := range live {
		m.Queue(b)
	}
}

// AddMonitor turns c into a MONITOR client. Lock held.
func (s *Server) AddMonitor(c *Client) {
	c.Flags |= ClientMonitor
	s.Monitors = append(s.Monitors, c)
}

// RemoveMonitor stops MONITOR output to c (RESET). Lock held.
func (s *Server) RemoveMonitor(c *Client) {
	for i, m := range s.Monitors {
		if m == c {
			s.Monitors = append(s.Monitors[:i], s.Monitors[i+1:]...)
			break
		}
	}
	c.Flags &^= ClientMonitor
}

// AppendRepr quotes b the way Redis's sdscatrepr does: double quotes,
// \n \r \t \a \b and \" \\ escapes, \xHH for other unprintable bytes.
func AppendRepr(dst, b []byte) []byte {
	dst = append(dst, '"')
	for _, ch := range b {
		switch ch {
		case '\\', '"':
			dst = append(dst, '\\', ch)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\a':
			dst = append(dst, '\\', 'a')
		case '\b':
			dst = append(dst, '\\', 'b')
		default:
			if ch >= 0x20 && ch < 0x7f {
				dst = append(dst, ch)
			} else {
				const hex = "0123456789abcdef"
				dst = append(dst, '\\', 'x', hex[ch>>4], hex[ch&15])
			}
		}
	}
	return append(dst, '"')
}

// pauseState is CLIENT PAUSE's state.
type pauseState struct {
	end  time.Time
	all  bool
	done chan struct{}
}

// Pause suspends clients until end: all commands, or only writes. A
// later pause extends but never shortens or weakens an active one, as
// Redis does. Lock held.
func (s *Server) Pause(end time.Time, all bool) {
	p := &s.pause
	if p.done == nil || !time.Now().Before(p.end) {
		p.done = make(chan struct{})
		p.end, p.all = end, all
		return
	}
	if end.After(p.end) {
		p.end = end
	}
	p.all = p.all || all
}

// Unpause ends CLIENT PAUSE and wakes the waiting clients. Lock held.
func (s *Server) Unpause() {
	if s.pause.done != nil {
		close(s.pause.done)
		s.pause.done = nil
	}
	s.pause.end = time.Time{}
}

// PausedFor reports whether c must wait before running args because of
// CLIENT PAUSE; wait is closed by Unpause and until is when the pause
// ends by itself. Lock held.
func (s *Server) PausedFor(c *Client, args [][]byte) (wait <-chan struct{}, until time.Time, paused bool) {
	p := &s.pause
	if p.done == nil || len(args) == 0 || c.Flags&(ClientReplica|ClientMaster) != 0 {
		return nil, time.Time{}, false
	}
	if !time.Now().Before(p.end) {
		s.Unpause()
		return nil, time.Time{}, false
	}
	cmd, _ := s.lookupCommand(args)
	if cmd == nil {
		return nil, time.Time{}, false
	}
	if !p.all {
		f := cmd.Flags
		if cmd.Name == "exec" {
			f = 0
			for _, q := range c.Multi {
				f |= q.Cmd.Flags
			}
		}
		if f&(FlagWrite|FlagMayReplicate) == 0 {
			return nil, time.Time{}, false
		}
	}
	return p.done, p.end, true
}

// localAddr reports whether addr is a loopback or Unix-socket peer
// (enable-debug-command local).
func localAddr(c *Client) bool {
	if c.Flags&ClientUnixSocket != 0 {
		return true
	}
	host, _, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// IsLocal reports whether c connects from this machine.
func (c *Client) IsLocal() bool { return localAddr(c) }

// ResetClient is RESET: leave MONITOR, MULTI, WATCH and every
// subscription, select db 0, speak RESP2, drop the name and the reply and
// eviction modes, and fall back to the default user's authentication.
// Lock held.
func (s *Server) ResetClient(c *Client) {
	if c.Flags&ClientMonitor != 0 {
		s.RemoveMonitor(c)
	}
	c.DB = s.KS.DBs[0]
	c.SetProto(2)
	c.User = "default"
	c.ACLUser = nil
	c.Authed = s.RequirePass == ""
	c.Multi = nil
	c.Flags &^= ClientMulti | ClientDirtyCAS | ClientDirtyExec
	s.unwatchAll(c)
	s.PubSub.unsubscribeAll(c)
	c.Name = ""
	s.DisableTracking(c)
	c.Flags &^= ClientReplyOff | ClientReplySkip | ClientReplySkipNext | ClientNoTouch | ClientNoEvict
}

// protectedRefusal applies enable-debug-command and enable-module-command
// to DEBUG and MODULE before authentication is even checked, as Redis
// does; it returns the rejection text, or "" when the command may run.
func (s *Server) protectedRefusal(c *Client, cmd *Spec) string {
	top := cmd
	for top.Parent != nil {
		top = top.Parent
	}
	var setting, option string
	switch top.Name {
	case "debug":
		setting, option = s.Settings.EnableDebugCommand, "enable-debug-command"
	case "module":
		setting, option = s.Settings.EnableModuleCommand, "enable-module-command"
	default:
		return ""
	}
	if setting == "yes" || (setting == "local" && localAddr(c)) {
		return ""
	}
	return "ERR " + strings.ToUpper(top.Name) + " command not allowed. If the " + option +
		" option is set to \"local\", you can run it from a local connection, otherwise you need to set this" +
		" option in the configuration file, and then restart the server."
}
