package engine

import (
	"sort"
	"strings"
	"sync/atomic"
)

// Flag is a command flag, as COMMAND INFO lists them.
type Flag uint64

// Command flags. The names COMMAND prints are in FlagNames.
const (
	FlagWrite Flag = 1 << iota
	FlagReadonly
	FlagDenyOOM
	FlagModule
	FlagAdmin
	FlagPubSub
	FlagNoScript
	FlagBlocking
	FlagLoading
	FlagStale
	FlagSkipMonitor
	FlagSkipSlowlog
	FlagFast
	FlagNoAuth
	FlagMayReplicate
	FlagNoMandatoryKeys
	FlagNoMulti
	FlagAllowBusy
	FlagSentinel
	FlagOnlySentinel
	FlagProtected
	FlagModuleGetKeys
	FlagModuleNoCluster
	FlagModuleGetChannels
	FlagNoAsyncLoading
	FlagTouchesArbitraryKeys
	FlagRandom
	// FlagMovableKeys marks a module command whose keys the legacy triple
	// cannot describe (set by PopulateLegacyRange).
	FlagMovableKeys
)

// FlagNames maps flags to the words COMMAND INFO prints, in Redis's order.
var FlagNames = []struct {
	F    Flag
	Name string
}{
	{FlagWrite, "write"}, {FlagReadonly, "readonly"}, {FlagDenyOOM, "denyoom"},
	{FlagModule, "module"}, {FlagAdmin, "admin"}, {FlagPubSub, "pubsub"},
	{FlagNoScript, "noscript"}, {FlagBlocking, "blocking"}, {FlagLoading, "loading"},
	{FlagStale, "stale"}, {FlagSkipMonitor, "skip_monitor"}, {FlagSkipSlowlog, "skip_slowlog"},
	{FlagFast, "fast"}, {FlagNoAuth, "no_auth"}, {FlagMayReplicate, "may_replicate"},
	{FlagNoMandatoryKeys, "no_mandatory_keys"}, {FlagNoMulti, "no_multi"},
	{FlagAllowBusy, "allow_busy"}, {FlagModuleNoCluster, "module_no_cluster"},
	{FlagNoAsyncLoading, "no_async_loading"}, {FlagTouchesArbitraryKeys, "touches_arbitrary_keys"},
}

// KeySpec is one key specification of a command, as COMMAND INFO shows it.
type KeySpec struct {
	Notes string
	Flags []string // RW, RO, OW, RM, ACCESS, UPDATE, INSERT, DELETE, ...
	// BeginSearch: Index >= 0 means "index"; Keyword != "" means "keyword".
	Index     int
	Keyword   string
	StartFrom int
	// FindKeys: range (LastKey, KeyStep, Limit) or keynum (KeyNumIdx, FirstKey, KeyStep).
	KeyNum    bool
	LastKey   int
	KeyStep   int
	Limit     int
	KeyNumIdx int
	FirstKey  int
	Unknown   bool
	// UnknownBegin and UnknownFind mark just one half of the spec as
	// unknown (module key specs may say so separately).
	UnknownBegin, UnknownFind bool
}

// Spec describes one command: the row of Redis's command table.
type Spec struct {
	// Name is the lower-case name ("get", or "get" under parent "config").
	Name string
	// Arity: positive means exactly that many arguments (name included),
	// negative means at least -Arity.
	Arity int
	Flags Flag
	// First, Last, Step give the legacy key positions (0 = no keys).
	First, Last, Step int
	// KeySpecs are the modern key specifications (may be empty).
	KeySpecs []KeySpec
	// ACL lists the ACL categories without the '@'.
	ACL []string
	// Run executes the command.
	Run func(c *Ctx)
	// FlagsFor, when set, gives the flags a call with args has, where
	// they depend on the arguments (a script's shebang flags make EVAL a
	// write or not); the checks before the command run consult it.
	FlagsFor func(s *Server, args [][]byte) Flag
	// GetKeys, when set, returns the key positions for args (commands whose
	// keys the positions above cannot describe).
	GetKeys func(args [][]byte) []int
	// GetKeysWithFlags, when set, answers for the command's keys with
	// their flags (a module's getkeys-api); see KeysWithFlags.
	GetKeysWithFlags func(args [][]byte) []KeyRef
	// GetChannels, when set, reports the channels a call uses (a
	// module's getchannels-api); ACL checks consult it.
	GetChannels func(args [][]byte) []ChannelRef
	// Subs holds subcommands by lower-case name.
	Subs map[string]*Spec
	// Parent is set for subcommands.
	Parent *Spec
	// Module names the module that registered the command ("" for core).
	Module string
	// Summary, Since, Group and Complexity feed COMMAND DOCS.
	Summary, Since, Group, Complexity string
	// Tips are COMMAND INFO's tips.
	Tips []string
	// Private holds layer-specific data (module command handles).
	Private any

	Stats CmdStats
}

// CmdStats are INFO commandstats counters.
type CmdStats struct {
	Calls, Usec, Rejected, Failed atomic.Int64
}

// FlagsOf returns the flags of a call of cmd with args (Redis's
// getCommandFlags): cmd.Flags unless the command computes them.
func (s *Server) FlagsOf(cmd *Spec, args [][]byte) Flag {
	if cmd.FlagsFor != nil {
		return cmd.FlagsFor(s, args)
	}
	return cmd.Flags
}

// FullName is "parent|sub" for subcommands, the name otherwise.
func (s *Spec) FullName() string {
	if s.Parent != nil {
		return s.Parent.Name + "|" + s.Name
	}
	return s.Name
}

// Table maps lower-case command names to specs.
type Table struct {
	m map[string]*Spec
}

// NewTable returns an empty table.
func NewTable() *Table { return &Table{m: map[string]*Spec{}} }

// Add registers a command; it panics on a duplicate, since that is a
// programming error in the core table.
func (t *Table) Add(s *Spec) {
	if !t.TryAdd(s) {
		panic("duplicate command " + s.Name)
	}
}

// TryAdd registers a command and reports false when the name is taken.
func (t *Table) TryAdd(s *Spec) bool {
	name := strings.ToLower(s.Name)
	if _, ok := t.m[name]; ok {
		return false
	}
	s.Name = name
	for _, sub := range s.Subs {
		sub.Parent = s
	}
	t.m[name] = s
	return true
}

// AddSub registers sub as a subcommand of parent.
func (t *Table) AddSub(parent *Spec, sub *Spec) bool {
	name := strings.ToLower(sub.Name)
	if parent.Subs == nil {
		parent.Subs = map[string]*Spec{}
	}
	if _, ok := parent.Subs[name]; ok {
		return false
	}
	sub.Name = name
	sub.Parent = parent
	parent.Subs[name] = sub
	return true
}

// Remove deletes a command.
func (t *Table) Remove(name string) { delete(t.m, strings.ToLower(name)) }

// Lookup finds a command by name, case-insensitively, with one map probe
// and without allocating (clients send "SET" as often as "set").
func (t *Table) Lookup(name []byte) *Spec {
	var buf [32]byte
	if len(name) <= len(buf) {
		l := buf[:len(name)]
		for i, c := range name {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			l[i] = c
		}
		return t.m[string(l)]
	}
	return t.m[strings.ToLower(string(name))]
}

// All returns every top-level command sorted by name.
func (t *Table) All() []*Spec {
	out := make([]*Spec, 0, len(t.m))
	for _, s := range t.m {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Len reports the number of top-level commands.
func (t *Table) Len() int { return len(t.m) }

// KeyPositions returns the argument indexes that are keys for this call.
func (s *Spec) KeyPositions(args [][]byte) []int {
	if s.GetKeys != nil {
		return s.GetKeys(args)
	}
	if s.First <= 0 {
		return nil
	}
	last := s.Last
	if last < 0 {
		last = len(args) + last
	}
	var out []int
	step := s.Step
	if step <= 0 {
		step = 1
	}
	for i := s.First; i <= last && i < len(args); i += step {
		out = append(out, i)
	}
	return out
}
