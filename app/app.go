// Package app wires the layers into a running server: command line and
// config, engine, core commands, module host, network. cmd/modhost and the
// tests both start servers through it.
//
// Start-up follows redis-server 7.2's main(): parse the command line, load
// the config (a bad one prints the FATAL CONFIG FILE ERROR report to
// stderr and exits 1), daemonize if asked, log the start lines, build the
// server, write the pid file, show the logo (or "Running mode=..."), load
// the modules of the loadmodule lines, open the listeners, log "Server
// initialized"; Main then loads the dataset and serves ("Ready to accept
// connections ...").
package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"unsafe"

	"modhost/capi"
	"modhost/commands"
	"modhost/config"
	"modhost/engine"
	"modhost/repl"
	"modhost/scripting"
	"modhost/server"
)

// Instance is one configured, listening server.
type Instance struct {
	Srv  *server.Server
	Eng  *engine.Server
	Log  *server.Logger
	Host *capi.Host
	Cfg  *config.Config
	// Repl is the replication layer (app/replication.go).
	Repl *repl.Repl
}

// ErrExit is returned by New when the command line asked for something
// other than a server (--version, --help, --api-coverage, the parent
// half of daemonize). The returned code is the exit code.
var ErrExit = errors.New("modhost: nothing to serve")

// New parses redis-server style arguments, loads the configuration and
// builds a listening server. Log lines go to stdout unless logfile is set;
// messages for the user go to stderr. The returned code is the exit code
// when err is not nil.
func New(args []string, stdout, stderr io.Writer) (*Instance, int, error) {
	return newInstance(args, os.Stdin, stdout, stderr)
}

// Main runs modhost with the process's arguments and returns the exit code.
func Main(args []string) int {
	in, code, err := New(args, os.Stdout, os.Stderr)
	if err != nil {
		return code
	}
	// Clients may connect while the dataset loads; they get -LOADING.
	in.Srv.AcceptEarly()
	if err := in.StartPersistence(PersistenceFromConfig(in.Cfg), nil); err != nil {
		return 1
	}
	return in.Srv.Serve()
}

// earlyLog logs before the configured logger exists, as Redis does with
// its default settings: stdout, notice level, role C.
func earlyLog(stdout io.Writer) *server.Logger {
	l := server.NewLoggerTo(stdout, server.LevelNotice)
	l.SetRole('C')
	return l
}

func newInstance(args []string, stdin io.Reader, stdout, stderr io.Writer) (*Instance, int, error) {
	st, err := config.ParseCommandLine(args)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, 1, err
	}
	switch st.Action {
	case config.ActionVersion:
		fmt.Fprint(stdout, config.VersionText())
		return nil, 0, ErrExit
	case config.ActionHelp:
		fmt.Fprint(stderr, config.UsageText)
		return nil, 1, ErrExit
	case config.ActionTestMemory:
		fmt.Fprint(stderr, config.TestMemoryRefusal)
		return nil, 1, ErrExit
	}
	if st.APICoverage {
		printAPICoverage(stdout)
		return nil, 0, ErrExit
	}

	// What a daemon child needs to start exactly like its parent.
	startDir, _ := os.Getwd()
	var stdinText []byte
	if st.Stdin && stdin != nil {
		if stdinText, err = io.ReadAll(stdin); err != nil {
			fmt.Fprintln(stderr, err)
			return nil, 1, err
		}
	}

	table := engine.NewTable()
	commands.Register(table)
	cfg := config.New()
	cfg.Hooks.RenameCommand = func(from, to string) error { return renameCommand(table, from, to) }
	cfg.Hooks.User = commands.ValidateUserDirective(table)
	if err := cfg.Load(st, bytes.NewReader(stdinText)); err != nil {
		var oe *config.OpenError
		if errors.As(err, &oe) {
			earlyLog(stdout).Warning("%s", oe.Error())
		} else {
			fmt.Fprint(stderr, err.Error())
		}
		return nil, 1, err
	}

	daemonChild := isDaemonChild()
	if cfg.Bool("daemonize") && !daemonChild {
		return nil, daemonize(args, stdinText, startDir), ErrExit
	}

	level, _ := server.ParseLevel(cfg.String("loglevel"))
	var log *server.Logger
	if lf := cfg.String("logfile"); lf != "" {
		if log, err = server.NewLogger(lf, level); err != nil {
			fmt.Fprintln(stderr, err)
			return nil, 1, err
		}
	} else {
		log = server.NewLoggerTo(stdout, level)
	}
	log.SetRole('C')
	log.Notice("oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo")
	log.Notice("Redis version=%s, bits=64, commit=00000000, modified=0, pid=%d, just started", server.Version, os.Getpid())
	if len(args) == 0 {
		log.Warning("Warning: no config file specified, using the default config. In order to specify a config file use %s /path/to/redis.conf", os.Args[0])
	} else {
		log.Notice("Configuration loaded")
	}

	eng := engine.New(int(cfg.Int("databases")))
	eng.Commands = table
	commands.SetupEviction(eng)
	host := capi.NewHost(eng, log)
	scripting.SetLogger(eng, log, log.Level) // redis.log
	opts := server.Options{
		Port:           int(cfg.Int("port")),
		Bind:           cfg.Lookup("bind").Strings(),
		UnixSocket:     cfg.String("unixsocket"),
		UnixSocketPerm: os.FileMode(cfg.Int("unixsocketperm")),
		PidFile:        cfg.String("pidfile"),
		ConfigFile:     cfg.File,
		TCPKeepAlive:   int(cfg.Int("tcp-keepalive")),
	}
	if opts.PidFile == "" && cfg.Bool("daemonize") {
		opts.PidFile = "/var/run/redis.pid"
	}
	srv := server.New(eng, log, opts)
	// Module server events: CronLoop on every cron tick, Shutdown on exit.
	srv.Cron = append(srv.Cron, host.Cron)
	srv.BeforeShutdown = append(srv.BeforeShutdown, func(_, _ bool) error { host.FireShutdown(); host.LeakReport(); return nil })
	srv.SplitArgs = func(line string) ([]string, bool) {
		parts, err := config.SplitArgs(line)
		return parts, err == nil
	}
	in := &Instance{Srv: srv, Eng: eng, Log: log, Host: host, Cfg: cfg}
	commands.PersistenceOf(eng.Commands).Modules = host.Persistence() // DUMP/RESTORE/RDB of module types
	commands.PersistenceOf(eng.Commands).Event = host.FireEvent       // Persistence and Loading server events
	in.applyConfig()
	in.Repl = in.setupReplication()
	if daemonChild {
		srv.OnReady = append(srv.OnReady, daemonReady)
	}

	log.SetRole('M')
	log.Notice("monotonic clock: POSIX clock_gettime")
	if opts.PidFile != "" {
		writePidFile(log, opts.PidFile)
	}
	if cfg.Bool("always-show-logo") || (cfg.String("logfile") == "" && isTerminal(stdout)) {
		log.Plain(srv.BannerText())
	} else {
		log.Notice("Running mode=standalone, port=%d.", opts.Port)
	}
	if err := in.loadModules(); err != nil {
		return nil, 1, err
	}
	if err := commands.LoadACLUsers(eng, cfg); err != nil { // after modules: rules may name their commands
		log.Warning("%s", err.Error())
		return nil, 1, err
	}
	if err := srv.Listen(); err != nil {
		return nil, 1, err
	}
	log.Notice("Server initialized")
	return in, 0, nil
}

// loadModules loads the loadmodule lines in order, then refuses to start
// when a "<module>.<name>" directive found no module to claim it, as
// Redis's moduleLoadFromQueue does.
func (in *Instance) loadModules() error {
	for _, m := range in.Cfg.LoadModules() {
		in.Eng.Lock.Lock()
		_, err := in.Host.Load(m.Path, m.Args)
		in.Eng.Lock.Unlock()
		if err != nil {
			in.Log.Warning("Can't load module from %s: server aborting", m.Path)
			return err
		}
	}
	if pending := in.Cfg.PendingModuleConfigs(); len(pending) > 0 {
		in.Log.Warning("Module Configuration detected without loadmodule directive or no ApplyConfig call: aborting")
		return fmt.Errorf("unclaimed module configs: %s", strings.Join(pending, " "))
	}
	return nil
}

// renameCommand is rename-command: an empty target removes the command.
func renameCommand(t *engine.Table, from, to string) error {
	cmd := t.Lookup([]byte(from))
	if cmd == nil {
		return errors.New("No such command in rename-command")
	}
	t.Remove(from)
	if to == "" {
		return nil
	}
	if t.Lookup([]byte(to)) != nil {
		return errors.New("Target command name already exists")
	}
	cmd.Name = to
	t.TryAdd(cmd)
	return nil
}

// writePidFile writes the pid file in the best-effort way Redis does.
func writePidFile(log *server.Logger, path string) {
	if err := os.WriteFile(path, []byte(fmt.Sprintf("%d\n", os.Getpid())), 0o644); err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		msg := err.Error()
		if msg != "" {
			msg = strings.ToUpper(msg[:1]) + msg[1:]
		}
		log.Warning("Failed to write PID file: %s", msg)
	}
}

// isTerminal reports whether w is a terminal (Redis shows the logo then).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	var t syscall.Termios
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TCGETS, uintptr(unsafe.Pointer(&t)))
	return errno == 0
}

// printAPICoverage is --api-coverage: how many of the module API
// functions GetApi serves, and the names it does not.
func printAPICoverage(w io.Writer) {
	served, missing := capi.APICoverage()
	fmt.Fprintf(w, "served %d of %d\n", len(served), len(served)+len(missing))
	for _, m := range missing {
		fmt.Fprintln(w, m)
	}
}
