package config

// Kind says how a directive's value is parsed, printed and rewritten.
type Kind uint8

// Directive kinds. The special kinds each follow one Redis directive.
const (
	KindBool                    Kind = iota // yes/no
	KindNumeric                             // integer with bounds; see NumFlag
	KindString                              // free text (Redis's string and sds configs)
	KindEnum                                // one name of a fixed set; several with FlagMultiArg
	KindSave                                // save: seconds/changes pairs
	KindDir                                 // dir: the process working directory
	KindBind                                // bind: up to 16 addresses
	KindClientOutputBufferLimit             // client-output-buffer-limit
	KindNotifyKeyspaceEvents                // notify-keyspace-events flag letters
	KindOOMScoreAdjValues                   // oom-score-adj-values: three integers
	KindReplicaOf                           // replicaof host port / "no one"
	KindPercentiles                         // latency-tracking-info-percentiles
)

// Flag is a set of directive properties, named after Redis's config flags.
type Flag uint16

// Directive flags.
const (
	FlagImmutable   Flag = 1 << iota // set only at startup; CONFIG SET refuses it
	FlagSensitive                    // the value must be redacted from logs and MONITOR
	FlagDebug                        // listed by DEBUG CONFIG-DEBUG-INFO style dumps
	FlagMultiArg                     // takes several arguments (save, bind, ...)
	FlagHidden                       // matched by CONFIG GET only when named exactly
	FlagProtected                    // CONFIG SET needs enable-protected-configs
	FlagDenyLoading                  // CONFIG SET refused while loading data
	FlagModule                       // registered by a module at runtime
	FlagVolatile                     // always counts as changed when set (TLS files)
)

// NumFlag selects which notations a numeric directive accepts.
type NumFlag uint8

// Numeric notations. Zero means a plain integer.
const (
	NumMemory  NumFlag = 1 << iota // 10mb, 1gb, 100k ...; printed as bytes
	NumPercent                     // 50% (stored as -50); printed as 50%
	NumOctal                       // 0700; printed in octal
)

// EnumValue is one accepted name of an enum directive and its value.
type EnumValue struct {
	Name  string
	Value int
}

// Directive describes one configuration directive: its names, kind,
// default, bounds and flags. Tables of directives are plain data; the live
// value belongs to a Config.
type Directive struct {
	Name  string // canonical lower-case name
	Alias string // older name accepted everywhere (slaveof), or ""
	Kind  Kind
	Flags Flag

	// Default in config-file syntax, e.g. "yes", "64mb", "3600 1 300 100",
	// or an enum name. For KindString, NullDefault says the default is
	// "unset" (Redis's NULL), which CONFIG GET shows as "".
	Default     string
	NullDefault bool
	// EmptyIsNull makes an empty string unset the value (KindString).
	EmptyIsNull bool

	// KindNumeric: Min and Max inclusive. With Unsigned, both are compared
	// as uint64 (so Max -1 means 2^64-1), as for Redis's unsigned types.
	Min, Max int64
	Unsigned bool
	Num      NumFlag

	// KindEnum: accepted names in Redis's order (the order error messages
	// list them in).
	Enum []EnumValue

	// Check optionally refuses a parsed value with an error text, before
	// anything is changed (Redis's is_valid_fn). It receives the canonical
	// text and, for numeric, bool and enum kinds, the number.
	Check func(text string, n int64) string
}

const (
	intMax   = 1<<31 - 1
	intMin   = -1 << 31
	uintMax  = 1<<32 - 1
	longMax  = 1<<63 - 1
	llongMax = 1<<63 - 1
	ssizeMax = 1<<63 - 1
)
