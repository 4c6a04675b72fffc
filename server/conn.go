package server

import (
	"errors"
	"net"
	"os"
	"time"

	"modhost/engine"
)

// serveConn runs one connection: read and parse without the lock, run the
// whole parsed batch under one lock acquisition, flush once.
func (s *Server) serveConn(conn net.Conn) {
	eng := s.Eng
	if tc, ok := conn.(*net.TCPConn); ok && s.Opts.TCPKeepAlive > 0 {
		_ = tc.SetKeepAlive(true)
		_ = tc.SetKeepAlivePeriod(time.Duration(s.Opts.TCPKeepAlive) * time.Second)
	}
	eng.Lock.Lock()
	// NewClient reads RequirePass, which CONFIG SET changes under the lock.
	c := eng.NewClient(conn)
	if eng.ShutdownFunc == nil {
		s.wireEngine()
	}
	if s.closing {
		eng.Lock.Unlock()
		conn.Close()
		return
	}
	if max := eng.Settings.MaxClients; max > 0 && len(eng.Clients) >= max {
		eng.Lock.Unlock()
		eng.Stats.RejectedConns.Add(1)
		_, _ = conn.Write([]byte("-ERR max number of clients reached\r\n"))
		conn.Close()
		return
	}
	eng.AddClient(c)
	rd := newReader(conn)
	rd.splitArgs = s.SplitArgs
	s.refreshLimits(c, rd)
	eng.Lock.Unlock()

	done := make(chan struct{})
	go s.asyncWriter(c, done)
	defer func() {
		close(done)
		eng.Lock.Lock()
		eng.RemoveClient(c)
		eng.Lock.Unlock()
		conn.Close()
	}()

	var batch [][][]byte
	// arena backs the argument vectors of one batch, so parsing allocates
	// nothing once it has grown; the vectors stay valid until the batch
	// has run (whoever keeps arguments longer copies them: MULTI, blocked
	// commands, the slow log, AOF).
	arena := make([][]byte, 0, 64)
	for {
		batch = batch[:0]
		arena = arena[:0]
		var perr error
		for {
			args, err := rd.next(arena[len(arena):])
			if err != nil {
				perr = err
				break
			}
			if args == nil {
				break
			}
			if len(args) == 0 {
				continue
			}
			if n := len(arena) + len(args); n <= cap(arena) && &arena[:n][len(arena)] == &args[0] {
				arena = arena[:n]
			} else {
				// next outgrew the arena and allocated; start a bigger
				// one for the rest (args keeps the old storage alive).
				arena = make([][]byte, 0, 2*cap(arena)+len(args))
			}
			batch = append(batch, args)
		}
		if len(batch) > 0 {
			if !s.runBatch(c, batch, rd) {
				return
			}
		}
		if perr != nil {
			var pe protoError
			if errors.As(perr, &pe) {
				s.Log.Verbose("Protocol error (%s) from client: id=%d addr=%s", string(pe), c.ID, c.Addr)
				c.W.Error("ERR " + pe.Error())
				eng.Lock.Lock()
				c.CommitReply()
				eng.Lock.Unlock()
				_ = c.Flush()
			} else if perr == errQueryBufLimit {
				s.Log.Warning("Closing client that reached max query buffer length: id=%d addr=%s (qbuf initial bytes: %q)", c.ID, c.Addr, truncate(rd.buf[rd.start:rd.end], 64))
			}
			return
		}
		if err := rd.fill(); err != nil {
			return
		}
		eng.Stats.NetInput.Add(int64(rd.end - rd.start))
	}
}

func truncate(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return string(b)
}

// runBatch executes a parsed batch and flushes; it returns false when the
// connection must close.
func (s *Server) runBatch(c *engine.Client, batch [][][]byte, rd *reader) bool {
	eng := s.Eng
	// The whole batch arrived in one read, so one clock read stamps it
	// (Redis sets lastinteraction when it reads, too); waits refresh it.
	now := time.Now()
	eng.Lock.Lock()
	eng.LoopWoke()
	for _, args := range batch {
		if c.Flags&(engine.ClientCloseAfterReply|engine.ClientCloseASAP) != 0 {
			break
		}
		for {
			// CLIENT PAUSE: wait without the lock until the pause ends.
			wait, until, paused := eng.PausedFor(c, args)
			if !paused {
				break
			}
			c.CommitReply()
			eng.LoopSleeping()
			eng.Lock.Unlock()
			_ = c.Flush()
			t := time.NewTimer(time.Until(until))
			select {
			case <-wait:
			case <-t.C:
			}
			t.Stop()
			now = time.Now()
			eng.Lock.Lock()
			eng.LoopWoke()
		}
		if c.Flags&engine.ClientCloseASAP != 0 {
			break // killed while paused
		}
		c.LastInteraction = now
		c.ArgvMem = 0
		for _, a := range args {
			c.ArgvMem += len(a)
		}
		eng.Exec(c, args)
		if c.Blocked != nil {
			c.CommitReply()
			eng.LoopSleeping()
			eng.Lock.Unlock()
			if c.Flush() != nil {
				return false
			}
			var stop func() []byte
			gone := eng.WaitBlocked(c, func() <-chan struct{} {
				g, st := s.watchGone(c)
				stop = st
				return g
			})
			if stop != nil {
				rd.pending = append(rd.pending, stop()...)
				select {
				case <-gone:
					return false
				default:
				}
			}
			now = time.Now()
			eng.Lock.Lock()
			eng.LoopWoke()
		}
	}
	c.CommitReply()
	s.refreshLimits(c, rd)
	closing := c.Flags&(engine.ClientCloseAfterReply|engine.ClientCloseASAP) != 0
	out := c.PendingLen()
	eng.LoopSleeping()
	eng.Lock.Unlock()
	if err := c.Flush(); err != nil {
		return false
	}
	// INFO total_net_output_bytes (replies; pushes flushed by the async
	// writer are not counted).
	eng.Stats.NetOutput.Add(int64(out))
	return !closing
}

// watchGone reports a dropped connection while the client is blocked. A
// helper goroutine reads ahead into its own buffer (the batch's arguments
// still point into the reader's) and closes gone on EOF. stop ends the
// helper with a past read deadline and returns what it read, which the
// caller feeds back to the reader once the batch is done.
func (s *Server) watchGone(c *engine.Client) (gone <-chan struct{}, stop func() []byte) {
	g := make(chan struct{})
	finished := make(chan struct{})
	var extra []byte
	go func() {
		defer close(finished)
		buf := make([]byte, 4096)
		for {
			n, err := c.Conn.Read(buf)
			extra = append(extra, buf[:n]...)
			if err == nil {
				continue
			}
			if errors.Is(err, os.ErrDeadlineExceeded) {
				return
			}
			close(g)
			return
		}
	}()
	return g, func() []byte {
		_ = c.Conn.SetReadDeadline(time.Now())
		<-finished
		_ = c.Conn.SetReadDeadline(time.Time{})
		return extra
	}
}

// asyncWriter flushes out-of-band output (Pub/Sub messages, replies to
// clients served by another goroutine) as it is queued.
func (s *Server) asyncWriter(c *engine.Client, done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		case <-c.Wake():
			if err := c.Flush(); err != nil {
				if c.Conn != nil {
					c.Conn.Close()
				}
				return
			}
		}
	}
}

// wireEngine gives the engine what its server commands need from the
// network layer: the SHUTDOWN path and the process facts INFO reports.
// It runs under the lock before the first command.
func (s *Server) wireEngine() {
	eng := s.Eng
	eng.ShutdownFunc = func(save, nosave, now, force bool) error {
		return s.Shutdown(save, nosave, force)
	}
	if a, ok := s.Addr().(*net.TCPAddr); ok {
		eng.Process.Port = a.Port
	} else {
		eng.Process.Port = s.Opts.Port
	}
	eng.Process.ConfigFile = s.Opts.ConfigFile
	eng.Process.UnixSocket = s.Opts.UnixSocket
	if exe, err := os.Executable(); err == nil {
		eng.Process.Executable = exe
	}
}

// refreshLimits copies the parsing limits (which CONFIG SET and AUTH
// change under the lock) into the reader, and publishes the query buffer
// size for CLIENT LIST. Lock held; the reader uses the copies unlocked.
func (s *Server) refreshLimits(c *engine.Client, rd *reader) {
	rd.maxBulk = s.Eng.Settings.ProtoMaxBulkLen
	rd.qbLimit = s.Eng.Settings.ClientQueryBufLimit
	rd.authed = c.Authed
	c.QueryBuf = rd.buffered()
}
