// Package app wires the layers into a running server: command line and
// config, engine, core commands, module host, network. cmd/modhost and the
// tests both start servers through it.
package app

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"modhost/commands"
	"modhost/engine"
	"modhost/server"
)

// Instance is one configured, listening server.
type Instance struct {
	Srv *server.Server
	Eng *engine.Server
	Log *server.Logger
}

// New parses redis-server style arguments and builds a listening server.
// Messages for the user go to stderr; the returned code is the exit code
// when err is not nil.
func New(args []string, stdout, stderr io.Writer) (*Instance, int, error) {
	opts := server.Options{Port: 6379}
	showLogo := false
	logfile := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "--") || i+1 >= len(args) {
			continue
		}
		v := args[i+1]
		switch a {
		case "--port":
			opts.Port, _ = strconv.Atoi(v)
		case "--bind":
			opts.Bind = strings.Fields(v)
		case "--always-show-logo":
			showLogo = v == "yes"
		case "--logfile":
			logfile = v
		}
		i++
	}
	log, err := server.NewLogger(logfile, server.LevelNotice)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, 1, err
	}
	eng := engine.New(16)
	commands.Register(eng.Commands)
	srv := server.New(eng, log, opts)
	srv.SplitArgs = func(line string) ([]string, bool) { return strings.Fields(line), true }
	log.Notice("oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo")
	if err := srv.Listen(); err != nil {
		return nil, 1, err
	}
	if showLogo {
		srv.Banner(stdout)
	}
	log.Notice("Server initialized")
	return &Instance{Srv: srv, Eng: eng, Log: log}, 0, nil
}

// Main runs modhost with the process's arguments and returns the exit code.
func Main(args []string) int {
	in, code, err := New(args, os.Stdout, os.Stderr)
	if err != nil {
		return code
	}
	return in.Srv.Serve()
}
