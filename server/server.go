package server

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
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
	TCPKeepAlive   int
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

	// NoSignals leaves SIGTERM/SIGINT alone (in-process test servers).
	NoSignals bool

	listeners []net.Listener
	conns     sync.Map // *engine.Client -> net.Conn
	quit      chan int
	wg        sync.WaitGroup
	closing   bool
}

// New wraps an engine.
func New(eng *engine.Server, log *Logger, opts Options) *Server {
	return &Server{Eng: eng, Log: log, Opts: opts, quit: make(chan int, 1)}
}

// Listen opens every configured listener, logging and failing the way
// Redis does when a port is taken.
func (s *Server) Listen() error {
	if s.Opts.Port != 0 {
		binds := s.Opts.Bind
		if len(binds) == 0 {
			binds = []string{"*", "-::*"}
		}
		for _, b := range binds {
			optional := strings.HasPrefix(b, "-")
			b = strings.TrimPrefix(b, "-")
			host := b
			network := "tcp"
			switch {
			case b == "*":
				host, network = "0.0.0.0", "tcp4"
			case b == "::*":
				host, network = "::", "tcp6"
			case strings.Contains(b, ":"):
				network = "tcp6"
			}
			ln, err := net.Listen(network, net.JoinHostPort(host, strconv.Itoa(s.Opts.Port)))
			if err != nil {
				if optional {
					continue
				}
				s.Log.Warning("Warning: Could not create server TCP listening socket %s:%d: %s", b, s.Opts.Port, errText(err))
				s.Log.Warning("Failed listening on port %d (tcp), aborting.", s.Opts.Port)
				return err
			}
			s.listeners = append(s.listeners, ln)
		}
	}
	if s.Opts.UnixSocket != "" {
		_ = os.Remove(s.Opts.UnixSocket)
		ln, err := net.Listen("unix", s.Opts.UnixSocket)
		if err != nil {
			s.Log.Warning("Failed opening Unix socket: %s", errText(err))
			return err
		}
		if s.Opts.UnixSocketPerm != 0 {
			_ = os.Chmod(s.Opts.UnixSocket, s.Opts.UnixSocketPerm)
		}
		s.listeners = append(s.listeners, ln)
	}
	return nil
}

func errText(err error) string {
	var se *os.SyscallError
	if errors.As(err, &se) {
		return se.Err.Error()
	}
	return err.Error()
}

// Addr returns the first TCP listener's address (tests use port 0).
func (s *Server) Addr() net.Addr {
	for _, ln := range s.listeners {
		if _, ok := ln.(*net.TCPListener); ok {
			return ln.Addr()
		}
	}
	return nil
}

// Serve accepts connections until Shutdown; it returns the exit code.
func (s *Server) Serve() int {
	hasTCP, hasUnix := false, false
	for _, ln := range s.listeners {
		go s.acceptLoop(ln)
		if _, ok := ln.(*net.UnixListener); ok {
			hasUnix = true
		} else {
			hasTCP = true
		}
	}
	go s.cronLoop()
	sigs := make(chan os.Signal, 2)
	if !s.NoSignals {
		signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT)
	}
	if hasTCP {
		s.Log.Notice("Ready to accept connections tcp")
	}
	if hasUnix {
		s.Log.Notice("Ready to accept connections unix")
	}
	for {
		select {
		case code := <-s.quit:
			return code
		case sig := <-sigs:
			name := "SIGTERM"
			if sig == syscall.SIGINT {
				name = "SIGINT"
			}
			s.Log.Warning("Received %s scheduling shutdown...", name)
			s.Eng.Lock.Lock()
			err := s.prepareShutdown(false, false, false)
			s.Eng.Lock.Unlock()
			if err == nil {
				return 0
			}
		}
	}
}

// prepareShutdown runs the shutdown sequence under the lock; it returns an
// error when a hook refused and force was not given.
func (s *Server) prepareShutdown(save, nosave, force bool) error {
	s.Log.Warning("User requested shutdown...")
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
	if s.Opts.UnixSocket != "" {
		s.Log.Notice("Removing the unix socket file.")
		_ = os.Remove(s.Opts.UnixSocket)
	}
	s.closing = true
	for _, ln := range s.listeners {
		_ = ln.Close()
	}
	s.Log.Warning("Redis is now ready to exit, bye bye...")
	return nil
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
		go s.serveConn(conn)
	}
}

// cronLoop is serverCron: active expiry and hooks, hz times a second.
func (s *Server) cronLoop() {
	for {
		hz := s.Eng.Settings.Hz
		if hz <= 0 {
			hz = 10
		}
		time.Sleep(time.Second / time.Duration(hz))
		s.Eng.Lock.Lock()
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
		for _, h := range s.Cron {
			h()
		}
		s.Eng.Lock.Unlock()
	}
}

// Banner prints the start-up logo; the harness looks for " PID: <pid>".
func (s *Server) Banner(w io.Writer) {
	mode := "standalone"
	fmt.Fprintf(w, `
      .-------------------.
      |  modhost %-9s |   Redis %s compatible, 64 bit
      |  module host      |   Running in %s mode
      '-------------------'   Port: %d
                              PID: %d

`, ModhostVersion, Version, mode, s.Opts.Port, os.Getpid())
}

// Close stops listening, drops every connection and makes Serve return
// (in-process servers in tests).
func (s *Server) Close() {
	s.Eng.Lock.Lock()
	s.closing = true
	for _, ln := range s.listeners {
		_ = ln.Close()
	}
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
