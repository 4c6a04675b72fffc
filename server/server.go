package server

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"modhost/engine"
)

// Version is the Redis version modhost reports; ModhostVersion is ours.
const (
	Version        = "7.2.6"
	ModhostVersion = "0.1.0"
)

// Options are the settings the network layer needs at start-up.
type Options struct {
	Port           int
	Bind           []string
	UnixSocket     string
	UnixSocketPerm os.FileMode
	ShowLogo       bool
	PidFile        string
	ConfigFile     string
	// TCPKeepAlive is read by older code paths only; SetKeepAlive is the
	// live value.
	TCPKeepAlive int
}

// Server owns the listeners, the connections and the periodic loop.
type Server struct {
	Eng  *engine.Server
	Log  *Logger
	Opts Options
	// SplitArgs splits inline requests (the config parser's sdssplitargs).
	SplitArgs func(line string) ([]string, bool)
	// BeforeShutdown hooks run under the lock before exit (save, module
	// Shutdown event); an error aborts a SHUTDOWN that is not forced.
	BeforeShutdown []func(save, nosave bool) error
	// Cron hooks run under the lock hz times per second.
	Cron []func()
	// OnReady hooks run once the "Ready to accept connections" lines are
	// logged (the daemonize hand-shake uses it).
	OnReady []func()
	// SignalFlags gives the SHUTDOWN flags a SIGINT (sigint true) or
	// SIGTERM asks for: shutdown-on-sigint / shutdown-on-sigterm. nil
	// means no flags.
	SignalFlags func(sigint bool) (save, nosave, force bool)

	// NoSignals leaves SIGTERM/SIGINT alone (in-process test servers).
	NoSignals bool

	mu        sync.Mutex // guards tcp, unix
	tcp       []net.Listener
	unix      net.Listener
	quit      chan int
	closing   bool
	serving   bool // guarded by mu
	accepting bool // accept loops run (AcceptEarly or Serve); guarded by mu
	keepAlive atomic.Int64
	protected atomic.Bool
	sigAsap   atomic.Bool
}

// New wraps an engine.
func New(eng *engine.Server, log *Logger, opts Options) *Server {
	s := &Server{Eng: eng, Log: log, Opts: opts, quit: make(chan int, 1)}
	s.keepAlive.Store(int64(opts.TCPKeepAlive))
	s.Opts.TCPKeepAlive = 0
	engine.PanicHook = func(cmd string, r any, stack []byte) {
		log.Warning("Internal error in command '%s': %v\n%s", cmd, r, stack)
	}
	return s
}

// SetKeepAlive sets the TCP keep-alive period for new connections, in
// seconds (tcp-keepalive; 0 disables it).
func (s *Server) SetKeepAlive(sec int) { s.keepAlive.Store(int64(sec)) }

// SetProtectedMode turns protected mode on or off: with it on and no
// password, only loopback and unix socket clients are served.
func (s *Server) SetProtectedMode(on bool) { s.protected.Store(on) }

// listenTCP opens one listener per bind address, the way Redis's
// listenToPort does: an optional ("-" prefixed) address that does not
// exist, or an address family the host lacks, is skipped with a warning;
// any other failure closes what was opened and fails.
func (s *Server) listenTCP(port int, binds []string) ([]net.Listener, error) {
	var out []net.Listener
	for _, b := range binds {
		optional := strings.HasPrefix(b, "-")
		addr := strings.TrimPrefix(b, "-")
		host, network := addr, "tcp4"
		switch {
		case addr == "*":
			host = "0.0.0.0"
		case addr == "::*":
			host, network = "::", "tcp6"
		case strings.Contains(addr, ":"):
			network = "tcp6"
		}
		ln, err := net.Listen(network, net.JoinHostPort(host, strconv.Itoa(port)))
		if err != nil {
			s.Log.Warning("Warning: Could not create server TCP listening socket %s:%d: %s", addr, port, netErrText(err))
			var en syscall.Errno
			if errors.As(err, &en) {
				if en == syscall.EADDRNOTAVAIL && optional {
					continue
				}
				if en == syscall.ENOPROTOOPT || en == syscall.EPROTONOSUPPORT || en == syscall.ESOCKTNOSUPPORT ||
					en == syscall.EPFNOSUPPORT || en == syscall.EAFNOSUPPORT {
					continue
				}
			}
			for _, l := range out {
				_ = l.Close()
			}
			return nil, err
		}
		out = append(out, ln)
	}
	return out, nil
}

// Listen opens every configured listener, logging and failing the way
// Redis does when a port is taken.
func (s *Server) Listen() error {
	if s.Opts.Port != 0 {
		binds := s.Opts.Bind
		if len(binds) == 0 {
			binds = []string{"*", "-::*"}
		}
		lns, err := s.listenTCP(s.Opts.Port, binds)
		if err != nil {
			s.Log.Warning("Failed listening on port %d (tcp), aborting.", s.Opts.Port)
			return err
		}
		s.tcp = lns
	}
	if s.Opts.UnixSocket != "" {
		_ = os.Remove(s.Opts.UnixSocket)
		ln, err := net.Listen("unix", s.Opts.UnixSocket)
		if err != nil {
			s.Log.Warning("Failed opening Unix socket: %s", netErrText(err))
			s.closeListeners()
			return err
		}
		// Shutdown unlinks the file itself, and logs it, as Redis does.
		ln.(*net.UnixListener).SetUnlinkOnClose(false)
		if s.Opts.UnixSocketPerm != 0 {
			_ = os.Chmod(s.Opts.UnixSocket, s.Opts.UnixSocketPerm)
		}
		s.unix = ln
	}
	s.Eng.Lock.Lock()
	s.wireEngine()
	s.Eng.Lock.Unlock()
	return nil
}

// Rebind replaces the TCP listeners (CONFIG SET port / bind). Like
// Redis's changeListener it closes the old sockets first (so the same
// address can be bound again) and then listens anew; on failure the
// server has no TCP listener until the config layer restores the old
// values and calls Rebind with them. Port 0 or no address means no TCP
// listener. Lock held.
func (s *Server) Rebind(port int, binds []string) error {
	s.mu.Lock()
	old := s.tcp
	s.tcp = nil
	serving := s.accepting
	s.mu.Unlock()
	for _, ln := range old {
		_ = ln.Close()
	}
	s.Opts.Port, s.Opts.Bind = port, binds
	s.Eng.Process.Port = port
	if port == 0 || len(binds) == 0 {
		return nil
	}
	lns, err := s.listenTCP(port, binds)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.tcp = lns
	s.mu.Unlock()
	if serving {
		for _, ln := range lns {
			go s.acceptLoop(ln)
		}
	}
	if a, ok := s.Addr().(*net.TCPAddr); ok {
		s.Eng.Process.Port = a.Port
	}
	return nil
}

// netErrText renders a listen error as Redis's anet layer does ("bind:
// Address already in use").
func netErrText(err error) string {
	var oe *net.OpError
	if errors.As(err, &oe) {
		var se *os.SyscallError
		if errors.As(oe.Err, &se) {
			return se.Syscall + ": " + errnoText(se.Err)
		}
	}
	var se *os.SyscallError
	if errors.As(err, &se) {
		return se.Syscall + ": " + errnoText(se.Err)
	}
	return err.Error()
}

// errnoText is C's strerror for an errno: Go's text with a capital
// letter.
func errnoText(err error) string {
	t := err.Error()
	if t != "" {
		t = strings.ToUpper(t[:1]) + t[1:]
	}
	return t
}

// Addr returns the first TCP listener's address (tests use port 0).
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ln := range s.tcp {
		return ln.Addr()
	}
	return nil
}

// AcceptEarly starts accepting connections before Serve, so clients are
// served (with -LOADING for most commands) while the dataset loads, as
// Redis's event loop runs during loading. Serve does not start the
// accept loops again.
func (s *Server) AcceptEarly() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.startAccepting()
}

// startAccepting runs the accept loops once. s.mu held.
func (s *Server) startAccepting() {
	if s.accepting {
		return
	}
	s.accepting = true
	for _, ln := range s.tcp {
		go s.acceptLoop(ln)
	}
	if s.unix != nil {
		go s.acceptLoop(s.unix)
	}
}

// Serve accepts connections until Shutdown; it returns the exit code.
func (s *Server) Serve() int {
	// The first iteration of the "event loop" ends here: modules loaded
	// at startup see BEFORE_SLEEP before any batch's AFTER_SLEEP.
	s.Eng.Lock.Lock()
	s.Eng.LoopSleeping()
	s.Eng.Lock.Unlock()
	s.mu.Lock()
	s.startAccepting()
	hasTCP, hasUnix := len(s.tcp) > 0, s.unix != nil
	s.serving = true
	s.mu.Unlock()
	go s.cronLoop()
	sigs := make(chan os.Signal, 4)
	shutdownReq := make(chan os.Signal, 4)
	if !s.NoSignals {
		signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT)
		go s.signalLoop(sigs, shutdownReq)
		defer signal.Stop(sigs)
	}
	if hasTCP {
		s.Log.Notice("Ready to accept connections tcp")
	}
	if hasUnix {
		s.Log.Notice("Ready to accept connections unix")
	}
	for _, h := range s.OnReady {
		h()
	}
	for {
		select {
		case code := <-s.quit:
			return code
		case sig := <-shutdownReq:
			var save, nosave, force bool
			if s.SignalFlags != nil {
				save, nosave, force = s.SignalFlags(sig == syscall.SIGINT)
			}
			s.Eng.Lock.Lock()
			err := s.prepareShutdown(save, nosave, force)
			s.Eng.Lock.Unlock()
			s.sigAsap.Store(false)
			if err == nil {
				return 0
			}
		}
	}
}

// signalLoop is Redis's signal handler: it logs the signal and asks for a
// shutdown; a second SIGINT before the first is handled exits at once.
func (s *Server) signalLoop(sigs <-chan os.Signal, req chan<- os.Signal) {
	for sig := range sigs {
		msg := "Received SIGTERM scheduling shutdown..."
		if sig == syscall.SIGINT {
			if s.sigAsap.Load() {
				s.Log.FromSignal(LevelWarning, "You insist... exiting now.")
				os.Exit(1)
			}
			msg = "Received SIGINT scheduling shutdown..."
		}
		s.Log.FromSignal(LevelWarning, msg)
		s.sigAsap.Store(true)
		select {
		case req <- sig:
		default:
		}
	}
}

// prepareShutdown runs the shutdown sequence under the lock; it returns an
// error when a hook refused and force was not given.
func (s *Server) prepareShutdown(save, nosave, force bool) error {
	if s.closing {
		return errors.New("shutdown in progress")
	}
	s.Log.Notice("User requested shutdown...")
	for _, h := range s.BeforeShutdown {
		if err := h(save, nosave); err != nil && !force {
			s.Log.Warning("Errors trying to shut down the server. Check the logs for more information.")
			return err
		}
	}
	if s.Opts.PidFile != "" {
		s.Log.Notice("Removing the pid file.")
		_ = os.Remove(s.Opts.PidFile)
	}
	s.closing = true
	s.closeListeners()
	if s.Opts.UnixSocket != "" {
		s.Log.Notice("Removing the unix socket file.")
		if err := os.Remove(s.Opts.UnixSocket); err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			s.Log.Warning("Error removing the unix socket file: %s", errnoText(err))
		}
	}
	s.Log.Warning("Redis is now ready to exit, bye bye...")
	return nil
}

func (s *Server) closeListeners() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ln := range s.tcp {
		_ = ln.Close()
	}
	if s.unix != nil {
		_ = s.unix.Close()
	}
}

// Shutdown is SHUTDOWN: run with the lock held; on success the process
// exits once the reply path unwinds.
func (s *Server) Shutdown(save, nosave, force bool) error {
	if err := s.prepareShutdown(save, nosave, force); err != nil {
		return err
	}
	select {
	case s.quit <- 0:
	default:
	}
	return nil
}

// protectedDenied is the reply Redis sends a remote client in protected
// mode before dropping it.
const protectedDenied = "-DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. " +
	"In this mode connections are only accepted from the loopback interface. If you want to connect from external computers to Redis you may adopt one of the following solutions: " +
	"1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. " +
	"2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to 'no', and then restarting the server. " +
	"3) If you started the server manually just for testing, restart it with the '--protected-mode no' option. " +
	"4) Set up an authentication password for the default user. " +
	"NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.\r\n"

func isLoopback(conn net.Conn) bool {
	switch a := conn.RemoteAddr().(type) {
	case *net.TCPAddr:
		return a.IP.IsLoopback()
	case *net.UnixAddr:
		return true
	}
	return false
}

func (s *Server) acceptLoop(ln net.Listener) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(10 * time.Millisecond)
			continue
		}
		s.Eng.Stats.Connections.Add(1)
		if tc, ok := conn.(*net.TCPConn); ok {
			if ka := s.keepAlive.Load(); ka > 0 {
				_ = tc.SetKeepAlive(true)
				_ = tc.SetKeepAlivePeriod(time.Duration(ka) * time.Second)
			}
		}
		if s.protected.Load() && !isLoopback(conn) && s.noPassword() {
			_, _ = conn.Write([]byte(protectedDenied))
			s.Eng.Stats.RejectedConns.Add(1)
			conn.Close()
			continue
		}
		go s.serveConn(conn)
	}
}

// noPassword reports whether the default user needs no password.
func (s *Server) noPassword() bool {
	s.Eng.Lock.Lock()
	defer s.Eng.Lock.Unlock()
	return s.Eng.RequirePass == ""
}

// cronLoop is serverCron: active expiry, idle clients and hooks, hz times
// a second.
func (s *Server) cronLoop() {
	s.Eng.Lock.Lock()
	hz := s.Eng.Settings.Hz
	s.Eng.Lock.Unlock()
	for {
		if hz <= 0 {
			hz = 10
		}
		time.Sleep(time.Second / time.Duration(hz))
		s.Eng.Lock.Lock()
		hz = s.Eng.Settings.Hz
		if s.closing {
			s.Eng.Lock.Unlock()
			return
		}
		if s.Eng.Settings.ActiveExpire {
			s.Eng.KS.ActiveExpire(200)
			if len(s.Eng.Clients) > 0 {
				s.Eng.ServeReadyKeys()
			}
		}
		if t := s.Eng.Settings.Timeout; t > 0 {
			s.closeIdle(time.Duration(t) * time.Second)
		}
		for _, h := range s.Cron {
			h()
		}
		s.Eng.Lock.Unlock()
	}
}

// closeIdle drops clients idle for longer than timeout, sparing those
// Redis spares: blocked, subscribed, replicas, masters and monitors.
// Lock held.
func (s *Server) closeIdle(timeout time.Duration) {
	now := time.Now()
	const spared = engine.ClientPubSub | engine.ClientReplica | engine.ClientMaster | engine.ClientMonitor | engine.ClientFake
	for _, c := range s.Eng.Clients {
		if c.Conn == nil || c.Blocked != nil || c.Flags&spared != 0 {
			continue
		}
		if now.Sub(c.LastInteraction) > timeout {
			s.Log.Verbose("Closing idle client")
			c.Flags |= engine.ClientCloseASAP
			_ = c.Conn.Close()
		}
	}
}

// BannerText is the start-up logo Redis prints when always-show-logo is
// set (or stdout is a terminal); the harness looks for " PID: <pid>".
func (s *Server) BannerText() string {
	return fmt.Sprintf(`
      .-------------------.
      |  modhost %-8s |   Redis %s compatible, 64 bit
      |  module host      |   Running in standalone mode
      '-------------------'   Port: %d
                              PID: %d

`, ModhostVersion, Version, s.Opts.Port, os.Getpid())
}

// Close stops listening, drops every connection and makes Serve return
// (in-process servers in tests).
func (s *Server) Close() {
	s.Eng.Lock.Lock()
	s.closing = true
	s.closeListeners()
	for _, c := range s.Eng.Clients {
		if c.Conn != nil {
			_ = c.Conn.Close()
		}
	}
	s.Eng.Lock.Unlock()
	select {
	case s.quit <- 0:
	default:
	}
}
