package config

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// FatalError is a config error that stops startup. Error returns exactly
// what Redis prints to stderr before exiting with status 1, newlines
// included:
//
//	(empty line)
//	*** FATAL CONFIG FILE ERROR (Redis 7.2.6) ***
//	Reading the configuration file, at line 2
//	>>> 'foo bar'
//	Bad directive or wrong number of arguments
//
// Errors found after the last line (such as an unwritable logfile) have no
// line part.
type FatalError struct {
	Line    int    // 1-based line in the text being parsed; 0 for none
	Text    string // the offending line, trimmed
	Message string
}

func (e *FatalError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n*** FATAL CONFIG FILE ERROR (Redis %s) ***\n", Version)
	if e.Line > 0 {
		fmt.Fprintf(&b, "Reading the configuration file, at line %d\n", e.Line)
		fmt.Fprintf(&b, ">>> '%s'\n", e.Text)
	}
	fmt.Fprintf(&b, "%s\n", e.Message)
	return b.String()
}

// OpenError is a config file that cannot be read. Error returns the text
// Redis logs ("Fatal error, can't open config file '<path>': <reason>")
// before exiting with status 1.
type OpenError struct {
	Path string
	Err  error
}

func (e *OpenError) Error() string {
	return fmt.Sprintf("Fatal error, can't open config file '%s': %s", e.Path, strerror(e.Err))
}

func (e *OpenError) Unwrap() error { return e.Err }

// deprecated directives still accepted (and ignored) with this many words.
var deprecated = map[string]int{
	"list-max-ziplist-entries": 2,
	"list-max-ziplist-value":   2,
	"lua-replicate-commands":   2,
}

// readConfigFile returns a file's text; a name with glob characters reads
// every match in order (none is fine), as Redis's include does.
func readConfigFile(name string) (string, error) {
	if strings.ContainsAny(name, "*?[") {
		matches, err := filepath.Glob(name)
		if err != nil {
			return "", nil
		}
		var b strings.Builder
		for _, m := range matches {
			data, err := os.ReadFile(m)
			if err != nil {
				return "", &OpenError{m, err}
			}
			b.Write(data)
		}
		return b.String(), nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return "", &OpenError{name, err}
	}
	return string(data), nil
}

// Load reads the startup configuration the way redis-server does: the
// file named in s (if any), then stdin when s.Stdin, then s.Options (the
// command-line directives), parsed as one text. It also records the file's
// absolute path for CONFIG REWRITE. Errors are *FatalError or *OpenError.
func (c *Config) Load(s *Startup, stdin io.Reader) error {
	var text strings.Builder
	if s.ConfigFile != "" {
		c.File = s.ConfigFile
		data, err := readConfigFile(s.ConfigFile)
		if err != nil {
			return err
		}
		text.WriteString(data)
	}
	if s.Stdin && stdin != nil {
		data, err := io.ReadAll(stdin)
		if err != nil {
			return &OpenError{"-", err}
		}
		text.Write(data)
	}
	if s.Options != "" {
		text.WriteString("\n")
		text.WriteString(s.Options)
	}
	return c.LoadString(text.String())
}

// LoadString parses config text (redis.conf syntax) into c. Later lines
// win; save lines accumulate (the first one replaces the default rules);
// include reads another file, relative to the working directory. On error
// nothing more is read and the values set so far stay.
func (c *Config) LoadString(text string) error {
	c.mu.Lock()
	c.loading = true
	err := c.loadText(text)
	c.loading = false
	c.mu.Unlock()
	if err != nil {
		return err
	}
	return c.checkLoaded()
}

func (c *Config) loadText(text string) error {
	lines := strings.Split(text, "\n")
	for i, raw := range lines {
		line := strings.Trim(raw, " \t\r\n")
		fail := func(msg string) error { return &FatalError{Line: i + 1, Text: line, Message: msg} }
		if line == "" || line[0] == '#' {
			continue
		}
		args, err := SplitArgs(line)
		if err != nil {
			return fail("Unbalanced quotes in configuration line")
		}
		if len(args) == 0 {
			continue
		}
		name := strings.ToLower(args[0])
		if v := c.Lookup(name); v != nil {
			if v.d.Flags&FlagMultiArg == 0 && len(args) != 2 {
				return fail("wrong number of arguments")
			}
			vals := args[1:]
			if v.d.Flags&FlagMultiArg != 0 && len(args) == 2 && args[1] != "" {
				// "--save '900 1 300 10'" arrives as one argument.
				vals, err = SplitArgs(args[1])
				if err != nil {
					vals = nil
				}
			}
			if v.mod != nil {
				if _, e := c.setModule(v, vals); e != "" {
					return fail(e)
				}
			} else if _, e := c.setArgs(v, vals, true); e != "" {
				return fail(e)
			}
			continue
		}
		if n, ok := deprecated[name]; ok && len(args) == n {
			continue
		}
		switch {
		case name == "include" && len(args) == 2:
			data, err := readConfigFile(args[1])
			if err != nil {
				return err
			}
			if err := c.loadText(data); err != nil {
				return err
			}
		case name == "rename-command" && len(args) == 3:
			if c.Hooks.RenameCommand != nil {
				if err := c.Hooks.RenameCommand(args[1], args[2]); err != nil {
					return fail(err.Error())
				}
			}
			c.renames = append(c.renames, [2]string{args[1], args[2]})
		case name == "user" && len(args) >= 2:
			if c.Hooks.User != nil {
				if err := c.Hooks.User(args[1:]); err != nil {
					return fail(err.Error())
				}
			}
			c.users = append(c.users, args[1:])
		case name == "loadmodule" && len(args) >= 2:
			c.loadModules = append(c.loadModules, ModuleLoad{Path: args[1], Args: append([]string{}, args[2:]...)})
		case strings.Contains(name, "."):
			if len(args) < 2 {
				return fail("Module config specified without value")
			}
			if _, ok := c.moduleQueue[name]; !ok {
				c.moduleQueueKey = append(c.moduleQueueKey, name)
			}
			c.moduleQueue[name] = strings.Join(args[1:], " ")
		case name == "sentinel":
			if len(args) != 1 {
				if !c.SentinelMode {
					return fail("sentinel directive while not in sentinel mode")
				}
				c.sentinel = append(c.sentinel, args[1:])
			}
		default:
			return fail("Bad directive or wrong number of arguments")
		}
	}
	return nil
}

// checkLoaded runs the checks Redis makes once the whole text is read.
func (c *Config) checkLoaded() error {
	if lf := c.String("logfile"); lf != "" {
		f, err := os.OpenFile(lf, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			return &FatalError{Message: "Can't open the log file: " + strerror(err)}
		}
		f.Close()
	}
	if _, _, ok := c.ReplicaOf(); ok && c.Bool("cluster-enabled") {
		return &FatalError{Message: "replicaof directive not allowed in cluster mode"}
	}
	return nil
}

// LoadModules returns the loadmodule directives read, in order.
func (c *Config) LoadModules() []ModuleLoad {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]ModuleLoad(nil), c.loadModules...)
}

// RenameCommands returns the rename-command directives read (from, to).
func (c *Config) RenameCommands() [][2]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([][2]string(nil), c.renames...)
}

// Users returns the arguments of each user directive read.
func (c *Config) Users() [][]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([][]string(nil), c.users...)
}
