package config

import (
	"path/filepath"
	"strings"
)

// Action is what the command line asks main to do.
type Action int

// Actions of ParseCommandLine.
const (
	ActionRun        Action = iota // start the server
	ActionVersion                  // -v / --version: print VersionText to stdout, exit 0
	ActionHelp                     // -h / --help: print UsageText to stderr, exit 1 (as redis-server)
	ActionTestMemory               // --test-memory: not supported; refuse, exit 1
)

// Startup is the parsed command line of modhost, which follows
// redis-server: modhost [configfile] [--directive value ...] [-].
type Startup struct {
	Action Action
	// ConfigFile is the absolute path of the config file, or "".
	ConfigFile string
	// Stdin: read more config from standard input ("-" as the first or
	// last argument).
	Stdin bool
	// Options holds the --directive arguments as config text, one
	// directive per line, values quoted, exactly as Redis builds it; Load
	// appends it after the file and stdin.
	Options string
	// APICoverage is modhost's own --api-coverage flag (not a directive).
	APICoverage bool
}

// TestMemoryRefusal is what main prints to stderr for --test-memory.
const TestMemoryRefusal = "modhost does not implement --test-memory; use a memory tester such as memtester instead.\n"

// ParseCommandLine interprets args (without the program name) like
// redis-server's main: a first argument not starting with '-' is the
// config file; "--name" starts a directive and the following arguments
// that do not start with "--" are its values (an argument "--name value"
// with a space counts as name and value); "-" reads config from stdin.
// "--save" with no value means save "" (snapshots off).
func ParseCommandLine(args []string) (*Startup, error) {
	s := &Startup{}
	if len(args) >= 1 {
		switch args[0] {
		case "-v", "--version":
			s.Action = ActionVersion
			return s, nil
		case "-h", "--help":
			s.Action = ActionHelp
			return s, nil
		case "--test-memory":
			s.Action = ActionTestMemory
			return s, nil
		}
	}
	j := 0
	if len(args) >= 1 && !strings.HasPrefix(args[0], "-") {
		abs, err := filepath.Abs(args[0])
		if err != nil {
			return nil, err
		}
		s.ConfigFile = abs
		j = 1
	}
	var opts strings.Builder
	handledLast := true
	last := len(args) - 1
	for ; j < len(args); j++ {
		a := args[j]
		isDirective := func(x string) bool { return strings.HasPrefix(x, "--") }
		switch {
		case a == "-" && (j == 0 || j == last):
			s.Stdin = true
		case a == "--api-coverage":
			s.APICoverage = true
		case handledLast && isDirective(a):
			if opts.Len() > 0 {
				opts.WriteString("\n")
			}
			opts.WriteString(a[2:])
			opts.WriteString(" ")
			words, _ := SplitArgs(a)
			if len(words) == 1 {
				// Only a name: its values follow as separate arguments.
				handledLast = false
				lower := strings.ToLower(a)
				if lower == "--save" && (j == last || isDirective(args[j+1])) {
					opts.WriteString(`""`)
					handledLast = true
				} else if lower == "--sentinel" && (j == last || isDirective(args[j+1])) {
					handledLast = true
				}
			} else {
				handledLast = true
			}
		default:
			opts.WriteString(Repr(a))
			opts.WriteString(" ")
			handledLast = true
		}
	}
	s.Options = opts.String()
	return s, nil
}

// VersionText is the --version line, in redis-server's format.
func VersionText() string {
	return "Redis server v=" + Version + " sha=00000000:0 malloc=libc bits=64 build=0\n"
}

// UsageText is the --help text.
const UsageText = `Usage: ./modhost [/path/to/redis.conf] [options] [-]
       ./modhost - (read config from stdin)
       ./modhost -v or --version
       ./modhost -h or --help
       ./modhost --api-coverage (report module API coverage)

Examples:
       ./modhost (run the server with default config)
       ./modhost /etc/redis/6379.conf
       ./modhost --port 7777
       ./modhost --port 7777 --replicaof 127.0.0.1 8888
       ./modhost /etc/myredis.conf --loglevel verbose -
       ./modhost /etc/myredis.conf --loglevel verbose
`
