package config

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"modhost/internal/glob"
)

// Version is the Redis version modhost reports, in fatal config errors too.
const Version = "7.2.6"

// ApplyFunc is called after CONFIG SET changed a directive, with the old
// and new CONFIG GET texts. An error undoes the whole CONFIG SET; its text
// is shown to the client.
type ApplyFunc func(old, new string) error

// Var is one directive's live value. Its getters are lock-free and cheap
// (one atomic load), so the server may keep *Var handles and read them on
// hot paths.
type Var struct {
	d     *Directive
	cur   atomic.Pointer[value]
	def   *value
	apply []ApplyFunc // guarded by Config.mu
	mod   *ModuleConfig
}

// Directive returns the static description of the variable.
func (v *Var) Directive() *Directive { return v.d }

// Name returns the canonical directive name.
func (v *Var) Name() string { return v.d.Name }

// Int returns a numeric, bool (0/1) or enum (value bits) directive's value.
// Percent values of maxmemory-clients come back negative, as Redis stores
// them.
func (v *Var) Int() int64 {
	if v.mod != nil {
		return v.mod.Get().Int
	}
	return v.cur.Load().n
}

// Uint returns a numeric value as unsigned (maxmemory and other memory
// values).
func (v *Var) Uint() uint64 { return uint64(v.Int()) }

// Bool returns a yes/no directive's value.
func (v *Var) Bool() bool { return v.Int() != 0 }

// String returns the CONFIG GET text of the value; for string directives
// that is the string itself ("" when unset).
func (v *Var) String() string {
	if v.mod != nil {
		return moduleText(v.mod, v.mod.Get())
	}
	if v.d.Kind == KindDir {
		wd, err := os.Getwd()
		if err != nil {
			return ""
		}
		return wd
	}
	return v.cur.Load().text
}

// IsNull reports whether a string directive is unset (Redis's NULL), which
// differs from set to "" for some directives.
func (v *Var) IsNull() bool {
	if v.mod != nil {
		return v.mod.Get().Null
	}
	return v.cur.Load().null
}

// Strings returns the list of a bind directive (addresses).
func (v *Var) Strings() []string { return append([]string(nil), v.cur.Load().list...) }

// Ints returns the numbers of save (pairs), oom-score-adj-values (three)
// or client-output-buffer-limit (hard, soft, seconds for normal, replica,
// pubsub).
func (v *Var) Ints() []int64 { return append([]int64(nil), v.cur.Load().nums...) }

// Floats returns latency-tracking-info-percentiles.
func (v *Var) Floats() []float64 { return append([]float64(nil), v.cur.Load().floats...) }

// Hooks lets the server take part in loading directives the config package
// cannot judge alone. A nil hook accepts everything; the directive is still
// recorded in the Config.
type Hooks struct {
	// RenameCommand handles "rename-command from to" (to may be "").
	// Its error text becomes the fatal config error.
	RenameCommand func(from, to string) error
	// User handles "user name rules...". Its error text becomes the fatal
	// config error, so it should read like Redis's:
	// "Error in user declaration '<arg>': <reason>".
	User func(args []string) error
}

// ModuleLoad is one loadmodule directive.
type ModuleLoad struct {
	Path string
	Args []string
}

// Config holds the live values of all directives plus what the config file
// said outside the directive table. Methods are safe for concurrent use.
type Config struct {
	mu sync.Mutex
	// tab is replaced whole (copy on write) when module configs come and
	// go, so lookups and CONFIG GET never lock.
	tab atomic.Pointer[table]

	// File is the absolute path of the config file, "" when started
	// without one (CONFIG REWRITE then fails).
	File string
	// Hooks are consulted while loading.
	Hooks Hooks
	// SentinelMode allows "sentinel ..." lines (they are recorded only).
	SentinelMode bool

	loading    bool
	saveLoaded bool
	// Collected while loading, in file order. Guarded by mu.
	loadModules    []ModuleLoad
	renames        [][2]string
	users          [][]string
	sentinel       [][]string
	moduleQueue    map[string]string
	moduleQueueKey []string
}

// table indexes the directives.
type table struct {
	byName map[string]*Var // lower-case name or alias -> Var
	order  []*Var          // table order, primaries only
}

// New returns a Config holding the defaults of every directive in
// Directives. The dir directive starts as the current working directory.
func New() *Config {
	c := &Config{moduleQueue: map[string]string{}}
	m := map[string]*Var{}
	var order []*Var
	for i := range Directives {
		d := &Directives[i]
		v := &Var{d: d}
		def := d.defaultValue()
		v.def = def
		v.cur.Store(def)
		m[d.Name] = v
		if d.Alias != "" {
			m[d.Alias] = v
		}
		order = append(order, v)
	}
	c.tab.Store(&table{m, order})
	return c
}

func (d *Directive) defaultValue() *value {
	if d.Kind == KindString {
		if d.NullDefault {
			return &value{null: true}
		}
		return &value{text: d.Default}
	}
	if d.Kind == KindDir {
		return &value{}
	}
	if d.Kind == KindReplicaOf && d.Default == "" {
		return &value{}
	}
	var args []string
	if d.Kind == KindEnum || d.Flags&FlagMultiArg != 0 {
		args, _ = SplitArgs(d.Default)
	} else {
		args = []string{d.Default}
	}
	if d.Kind == KindClientOutputBufferLimit {
		v, e := parseOutputBufferLimit(args, nil)
		if e != "" {
			panic("config: bad default for " + d.Name + ": " + e)
		}
		return v
	}
	v, e := parseValue(d, args, nil, false)
	if e != "" {
		panic("config: bad default for " + d.Name + ": " + e)
	}
	return v
}

// Lookup finds a directive by name or alias, case-insensitively; nil if
// unknown.
func (c *Config) Lookup(name string) *Var {
	m := c.tab.Load().byName
	if v, ok := m[name]; ok {
		return v
	}
	return m[strings.ToLower(name)]
}

// must panics for a name the server hard-codes wrongly; it never depends
// on user input.
func (c *Config) must(name string) *Var {
	v := c.Lookup(name)
	if v == nil {
		panic("config: unknown directive " + name)
	}
	return v
}

// Int returns a numeric/bool/enum directive's value. The name must exist.
func (c *Config) Int(name string) int64 { return c.must(name).Int() }

// Memory returns a memory directive's value in bytes.
func (c *Config) Memory(name string) uint64 { return c.must(name).Uint() }

// Bool returns a yes/no directive's value.
func (c *Config) Bool(name string) bool { return c.must(name).Bool() }

// String returns a directive's CONFIG GET text.
func (c *Config) String(name string) string { return c.must(name).String() }

// SaveParam is one "save <seconds> <changes>" rule.
type SaveParam struct {
	Seconds int64
	Changes int64
}

// Save returns the save rules (empty when snapshotting is off).
func (c *Config) Save() []SaveParam {
	n := c.must("save").cur.Load().nums
	out := make([]SaveParam, 0, len(n)/2)
	for i := 0; i+1 < len(n); i += 2 {
		out = append(out, SaveParam{n[i], n[i+1]})
	}
	return out
}

// OutputBufferLimit is one class of client-output-buffer-limit.
type OutputBufferLimit struct {
	Hard, Soft  uint64
	SoftSeconds int64
}

// OutputBufferLimits returns the limits for the normal, replica and pubsub
// classes, in that order.
func (c *Config) OutputBufferLimits() [3]OutputBufferLimit {
	n := c.must("client-output-buffer-limit").cur.Load().nums
	var out [3]OutputBufferLimit
	for i := range out {
		out[i] = OutputBufferLimit{uint64(n[i*3]), uint64(n[i*3+1]), n[i*3+2]}
	}
	return out
}

// ReplicaOf returns the configured master, ok false when none.
func (c *Config) ReplicaOf() (host string, port int, ok bool) {
	v := c.must("replicaof").cur.Load()
	if len(v.list) == 0 {
		return "", 0, false
	}
	return v.list[0], int(v.nums[0]), true
}

// NotifyKeyspaceEvents returns the Notify* bits of notify-keyspace-events.
func (c *Config) NotifyKeyspaceEvents() int { return int(c.must("notify-keyspace-events").Int()) }

// OnApply registers fn to run after CONFIG SET changes the named directive
// (see ApplyFunc). Several functions may be registered; they run in order.
// Returns false for an unknown name.
func (c *Config) OnApply(name string, fn ApplyFunc) bool {
	v := c.Lookup(name)
	if v == nil {
		return false
	}
	c.mu.Lock()
	v.apply = append(v.apply, fn)
	c.mu.Unlock()
	return true
}

// Pair is one name/value of a CONFIG GET reply.
type Pair struct {
	Name, Value string
}

// Get answers CONFIG GET for one or more patterns. A pattern without glob
// characters is looked up directly (aliases and hidden directives too) and
// reported under the name as given, like Redis; a glob matches names and
// aliases case-insensitively, skipping hidden directives. Each name appears
// once. Order follows the table (Redis's is a hash order).
func (c *Config) Get(patterns ...string) []Pair {
	tab := c.tab.Load()
	m := tab.byName
	var out []Pair
	seen := map[string]bool{}
	for _, p := range patterns {
		if !glob.HasMeta(p) {
			if seen[strings.ToLower(p)] {
				continue
			}
			if v := c.Lookup(p); v != nil {
				seen[strings.ToLower(p)] = true
				out = append(out, Pair{p, v.String()})
			}
			continue
		}
		for _, v := range tab.order {
			if v.d.Flags&FlagHidden != 0 {
				continue
			}
			for _, n := range []string{v.d.Name, v.d.Alias} {
				if n == "" || seen[n] || m[n] != v {
					continue
				}
				if glob.MatchString(p, n, true) {
					seen[n] = true
					out = append(out, Pair{n, v.String()})
				}
			}
		}
	}
	return out
}

// SetOptions describes the client asking for CONFIG SET.
type SetOptions struct {
	// ProtectedAllowed: the caller may change PROTECTED directives (the
	// server decides from enable-protected-configs and whether the client
	// is local; see AllowProtected).
	ProtectedAllowed bool
	// Loading: the server is loading data, so DENY_LOADING directives are
	// refused with a LOADING error.
	Loading bool
}

// AllowProtected says whether a client may use an action governed by
// enable-protected-configs, enable-debug-command or enable-module-command.
func (c *Config) AllowProtected(directive string, local bool) bool {
	switch c.Int(directive) {
	case ProtectedYes:
		return true
	case ProtectedLocal:
		return local
	}
	return false
}

// replBacklogMinSize is Redis's CONFIG_REPL_BACKLOG_MIN_SIZE.
const replBacklogMinSize = 16 * 1024

// Reply error texts of CONFIG, with their prefixes.
const (
	MsgSyntaxErr    = "ERR syntax error"
	MsgLoading      = "LOADING Redis is loading the dataset in memory"
	MsgNoConfigFile = "ERR The server is running without a config file"
)

// SetError is a failed CONFIG SET. Error returns the full reply text,
// prefix included ("ERR ..." or "LOADING ...").
type SetError struct{ Msg string }

func (e *SetError) Error() string { return e.Msg }

// Sensitive reports whether a directive's value must be redacted
// (requirepass, masterauth, ...). Unknown names are not sensitive.
func (c *Config) Sensitive(name string) bool {
	v := c.Lookup(name)
	return v != nil && v.d.Flags&FlagSensitive != 0
}

// Set runs CONFIG SET with args = name value [name value ...]. Either every
// pair is applied or none: all are validated first, then set, then the
// apply functions run; if one fails every value is restored. It returns the
// canonical names changed, for the config-change module event.
func (c *Config) Set(args []string, opt SetOptions) ([]string, error) {
	if len(args)%2 != 0 || len(args) == 0 {
		return nil, &SetError{MsgSyntaxErr}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(args) / 2
	vars := make([]*Var, n)
	var errName, errText, unknown string
	denyLoading, invalid := false, false
	for i := 0; i < n; i++ {
		v := c.Lookup(args[2*i])
		if v == nil {
			if !invalid {
				unknown = args[2*i]
				invalid = true
			}
			continue
		}
		if invalid {
			continue
		}
		if v.d.Flags&FlagImmutable != 0 || (v.d.Flags&FlagProtected != 0 && !opt.ProtectedAllowed) {
			errText = "can't set protected config"
			if v.d.Flags&FlagImmutable != 0 {
				errText = "can't set immutable config"
			}
			errName, invalid = args[2*i], true
			continue
		}
		if opt.Loading && v.d.Flags&FlagDenyLoading != 0 {
			denyLoading, invalid = true, true
			continue
		}
		for j := 0; j < i; j++ {
			if vars[j] == v {
				errText, errName, invalid = "duplicate parameter", args[2*i], true
				break
			}
		}
		vars[i] = v
	}
	fail := func() error {
		switch {
		case denyLoading:
			return &SetError{MsgLoading}
		case unknown != "":
			return &SetError{"ERR Unknown option or number of arguments for CONFIG SET - '" + unknown + "'"}
		case errText != "":
			return &SetError{"ERR CONFIG SET failed (possibly related to argument '" + errName + "') - " + errText}
		}
		return &SetError{"ERR CONFIG SET failed (possibly related to argument '" + errName + "')"}
	}
	if invalid {
		return nil, fail()
	}

	olds := make([]string, n)
	snaps := make([]*value, n)
	for i, v := range vars {
		olds[i] = v.String()
		snaps[i] = v.cur.Load()
	}
	changed := make([]bool, n)
	restore := func(upto int) {
		for i := 0; i <= upto && i < n; i++ {
			c.restore(vars[i], snaps[i], olds[i])
		}
	}
	for i, v := range vars {
		ch, e := c.setArg(v, args[2*i+1])
		if e != "" {
			restore(i)
			errName, errText = v.d.Name, e
			return nil, fail()
		}
		changed[i] = ch
	}
	for i, v := range vars {
		if changed[i] && v.d.Name == "repl-backlog-size" && v.cur.Load().n < replBacklogMinSize {
			// Redis raises a too small backlog to its minimum when
			// applying CONFIG SET (not when reading the file).
			v.cur.Store(&value{text: numericText(v.d, replBacklogMinSize), n: replBacklogMinSize})
		}
	}
	// Module configs apply once per module (ApplyKey), after all sets.
	appliedMods := map[any]bool{}
	for i, v := range vars {
		if !changed[i] {
			continue
		}
		var err error
		if v.mod != nil {
			if v.mod.Apply != nil && !appliedMods[v.mod.applyKey()] {
				appliedMods[v.mod.applyKey()] = true
				err = v.mod.Apply()
			}
		} else {
			for _, fn := range v.apply {
				if err = fn(olds[i], v.String()); err != nil {
					break
				}
			}
		}
		if err != nil {
			restore(n - 1)
			// Let the restored values take effect again; failures here
			// can only be logged by the server, as in Redis.
			for k := 0; k < n; k++ {
				if changed[k] && vars[k].mod == nil {
					for _, fn := range vars[k].apply {
						_ = fn(args[2*k+1], olds[k])
					}
				}
			}
			errName, errText = v.d.Name, err.Error()
			return nil, fail()
		}
	}
	names := make([]string, n)
	for i, v := range vars {
		names[i] = v.d.Name
	}
	return names, nil
}

// splitSetValue splits a CONFIG SET value for a multi-argument directive
// the way Redis does: on single spaces, keeping empty fields, with the
// empty string giving no arguments.
func splitSetValue(v *Var, s string) []string {
	if v.d.Flags&FlagMultiArg == 0 {
		return []string{s}
	}
	if s == "" {
		return nil
	}
	return strings.Split(s, " ")
}

// setArg parses and stores one CONFIG SET value. It reports whether the
// value changed (so apply functions must run).
func (c *Config) setArg(v *Var, s string) (bool, string) {
	return c.setArgs(v, splitSetValue(v, s), false)
}

// restore puts back a value saved before CONFIG SET: the snapshot itself
// for values held here, a chdir for dir, and the module's Set callback (with
// the saved text) for module configs. Failures can only be ignored, as in
// Redis, which logs them.
func (c *Config) restore(v *Var, snap *value, text string) {
	switch {
	case v.mod != nil:
		c.setModule(v, splitSetValue(v, text))
	case v.d.Kind == KindDir:
		os.Chdir(text)
	default:
		v.cur.Store(snap)
	}
}

// setArgs is the common setter for loading and CONFIG SET.
func (c *Config) setArgs(v *Var, args []string, loading bool) (bool, string) {
	if v.mod != nil {
		return c.setModule(v, args)
	}
	cur := v.cur.Load()
	appendSave := false
	if v.d.Kind == KindSave && loading {
		appendSave = c.saveLoaded
		c.saveLoaded = true
	}
	if v.d.Kind != KindEnum && v.d.Kind != KindSave && v.d.Kind != KindBind && v.d.Kind != KindClientOutputBufferLimit &&
		v.d.Kind != KindOOMScoreAdjValues && v.d.Kind != KindReplicaOf && v.d.Kind != KindPercentiles && len(args) != 1 {
		return false, "wrong number of arguments"
	}
	nv, e := parseValue(v.d, args, cur, appendSave)
	if e != "" {
		return false, e
	}
	switch v.d.Kind {
	case KindDir:
		if err := os.Chdir(nv.text); err != nil {
			return false, strerror(err)
		}
		v.cur.Store(nv)
		return true, ""
	case KindNumeric:
		if v.d.Name == "hz" {
			// Out-of-range hz is accepted and clamped, as Redis does.
			if nv.n < 1 {
				nv = &value{text: "1", n: 1}
			} else if nv.n > 500 {
				nv = &value{text: "500", n: 500}
			}
		}
	}
	same := nv.text == cur.text && nv.null == cur.null
	switch v.d.Kind {
	case KindBool, KindNumeric, KindString, KindEnum, KindOOMScoreAdjValues:
		if same && v.d.Flags&FlagVolatile == 0 {
			return false, ""
		}
	}
	v.cur.Store(nv)
	return true, ""
}

// Names lists the canonical names of all directives, in table order.
func (c *Config) Names() []string {
	order := c.tab.Load().order
	out := make([]string, len(order))
	for i, v := range order {
		out[i] = v.d.Name
	}
	return out
}

// SetDirect sets a directive from server code, bypassing the IMMUTABLE and
// PROTECTED checks CONFIG SET makes (REPLICAOF changes replicaof this way,
// so CONFIG GET and CONFIG REWRITE see it). args are the directive's
// arguments as in the config file (replicaof: host port, or "no" "one").
// Apply functions are not called. The error text is Redis's set error.
func (c *Config) SetDirect(name string, args ...string) error {
	v := c.Lookup(name)
	if v == nil {
		return fmt.Errorf("unknown directive %q", name)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v.mod != nil {
		if _, e := c.setModule(v, args); e != "" {
			return errors.New(e)
		}
		return nil
	}
	if _, e := c.setArgs(v, args, false); e != "" {
		return errors.New(e)
	}
	return nil
}
