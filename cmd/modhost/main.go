// Command modhost is a Redis-compatible server that loads unmodified C
// Redis modules. It takes redis-server's command line.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"modhost/commands"
	"modhost/engine"
	"modhost/server"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	opts := server.Options{Port: 6379}
	showLogo := false
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
		}
		i++
	}
	log, err := server.NewLogger("", server.LevelNotice)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	eng := engine.New(16)
	commands.Register(eng.Commands)
	srv := server.New(eng, log, opts)
	srv.SplitArgs = func(line string) ([]string, bool) { return strings.Fields(line), true }
	log.Notice("oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo")
	if err := srv.Listen(); err != nil {
		return 1
	}
	if showLogo {
		srv.Banner(os.Stdout)
	}
	log.Notice("Server initialized")
	return srv.Serve()
}
