package engine

import (
	"math"
	"strconv"
	"strings"
)

// Key extraction from key specs, shared by COMMAND GETKEYS, the module API
// (RedisModule_GetCommandKeys, getkeys-api commands) and ACL key checks.
// The rules follow Redis 7.2's db.c: a command's key specs are preferred
// when none of them has variable flags; otherwise the command's own
// callback answers (a module's getkeys-api, a core GetKeys function).

// KeyRef is one key argument of a call: its index in args (args[0] is the
// command name) and the key-spec flags that apply to it ("RW", "access"...).
type KeyRef struct {
	Pos   int
	Flags []string
}

// Key-spec flag bits, the values of redismodule.h's REDISMODULE_CMD_KEY_*.
// The engine names flags by their COMMAND INFO words; these bits are how
// modules pass them.
const (
	KeyRO uint64 = 1 << iota
	KeyRW
	KeyOW
	KeyRM
	KeyAccess
	KeyUpdate
	KeyInsert
	KeyDelete
	KeyNotKey
	KeyIncomplete
	KeyVariableFlags
)

// keyFlagWords lists the key-spec flag words in the order COMMAND INFO
// prints them; bit i of a REDISMODULE_CMD_KEY_* mask is word i.
var keyFlagWords = []string{"RO", "RW", "OW", "RM", "access", "update", "insert", "delete", "not_key", "incomplete", "variable_flags"}

// KeyFlagWords turns REDISMODULE_CMD_KEY_* bits into COMMAND INFO words.
func KeyFlagWords(bits uint64) []string {
	out := []string{}
	for i, w := range keyFlagWords {
		if bits&(1<<i) != 0 {
			out = append(out, w)
		}
	}
	return out
}

// KeyFlagBits turns COMMAND INFO words back into REDISMODULE_CMD_KEY_* bits.
func KeyFlagBits(words []string) uint64 {
	var bits uint64
	for _, w := range words {
		for i, k := range keyFlagWords {
			if w == k {
				bits |= 1 << i
			}
		}
	}
	return bits
}

// FullAccessKeyFlags are the flags of a key nothing more is known about
// (RedisModule_KeyAtPos, a module's legacy first/last/step triple).
var FullAccessKeyFlags = []string{"RW", "access", "update"}

func hasFlag(flags []string, w string) bool {
	for _, f := range flags {
		if f == w {
			return true
		}
	}
	return false
}

// VariableKeyFlags holds, by full command name, the functions that compute
// the key flags of a core command whose key spec says variable_flags (SET
// with or without GET); the commands package fills it.
var VariableKeyFlags = map[string]func(args [][]byte) []string{}

// HasKeys reports whether the command can take keys at all (Redis's
// doesCommandHaveKeys): a key callback, or a key spec that is not not_key.
func (s *Spec) HasKeys() bool {
	if s.GetKeys != nil || s.GetKeysWithFlags != nil || s.Flags&FlagModuleGetKeys != 0 {
		return true
	}
	for _, ks := range s.KeySpecs {
		if !hasFlag(ks.Flags, "not_key") {
			return true
		}
	}
	// Some core table entries give only the legacy triple.
	return s.Module == "" && len(s.KeySpecs) == 0 && s.First > 0
}

// KeysWithFlags finds the keys of a call with their flags, as COMMAND
// GETKEYSANDFLAGS and ACL checks see them (Redis's
// getKeysFromCommandWithSpecs). args[0] is the command name (the container
// name for a subcommand).
func (s *Spec) KeysWithFlags(args [][]byte) []KeyRef {
	reliable, variable := false, false
	for _, ks := range s.KeySpecs {
		if !hasFlag(ks.Flags, "not_key") {
			reliable = true
		}
		if hasFlag(ks.Flags, "variable_flags") {
			variable = true
		}
	}
	if reliable && !variable {
		if keys, ok := s.keysFromSpecs(args); ok {
			return keys
		}
	}
	if s.GetKeysWithFlags != nil {
		return s.GetKeysWithFlags(args)
	}
	if s.GetKeys != nil || (variable && s.Module == "") {
		return s.coreCallbackKeys(args)
	}
	if s.Module == "" && len(s.KeySpecs) == 0 && s.First > 0 {
		// A core entry with only the legacy triple: its keys, with the
		// flags of a key nothing more is known about.
		keys := s.TableKeys(args)
		for i := range keys {
			keys[i].Flags = FullAccessKeyFlags
		}
		return keys
	}
	return nil
}

// TableKeys finds the keys of a call the way Redis's getKeysFromCommand
// does, which RedisModule_GetCommandKeys uses: the command's key callback
// when it has one, else the legacy first/last/step range, whose keys
// carry no flags.
func (s *Spec) TableKeys(args [][]byte) []KeyRef {
	if s.GetKeysWithFlags != nil {
		return s.GetKeysWithFlags(args)
	}
	if s.GetKeys != nil || VariableKeyFlags[s.FullName()] != nil {
		return s.coreCallbackKeys(args)
	}
	if s.First <= 0 {
		return nil
	}
	last, step := s.Last, max(s.Step, 1)
	if last < 0 {
		last += len(args)
	}
	var out []KeyRef
	for i := s.First; i <= last; i += step {
		if i >= len(args) {
			// Too few arguments for the declared range: no keys, and the
			// command reports its own arity error.
			return nil
		}
		out = append(out, KeyRef{Pos: i, Flags: []string{}})
	}
	return out
}

// coreCallbackKeys stands for a core command's getkeys function: the
// positions come from GetKeys (or the legacy range), the flags from the
// command's first key spec or its variable-flags function.
func (s *Spec) coreCallbackKeys(args [][]byte) []KeyRef {
	flags := []string{}
	if len(s.KeySpecs) > 0 {
		flags = s.KeySpecs[0].Flags
	}
	if fn := VariableKeyFlags[s.FullName()]; fn != nil {
		flags = fn(args)
	}
	var out []KeyRef
	for _, p := range s.KeyPositions(args) {
		out = append(out, KeyRef{Pos: p, Flags: flags})
	}
	return out
}

// keysFromSpecs evaluates every key spec against args (Redis's
// getKeysUsingKeySpecs). ok is false when a spec cannot be evaluated
// (unknown, a bad key count, keys out of range, incomplete).
func (s *Spec) keysFromSpecs(args [][]byte) (keys []KeyRef, ok bool) {
	argc := len(args)
	for _, ks := range s.KeySpecs {
		if hasFlag(ks.Flags, "not_key") {
			continue
		}
		if ks.Unknown || ks.UnknownBegin || ks.UnknownFind {
			return nil, false
		}
		first := 0
		if ks.Keyword != "" {
			// A positive start searches forward and stops before the last
			// argument, a negative one backward and stops before index 1.
			start, end := ks.StartFrom, argc-1
			if ks.StartFrom <= 0 {
				start, end = argc+ks.StartFrom, 1
			}
			for i := start; i != end; {
				if i >= argc || i < 1 {
					break
				}
				if strings.EqualFold(string(args[i]), ks.Keyword) {
					first = i + 1
					break
				}
				if start <= end {
					i++
				} else {
					i--
				}
			}
			if first == 0 {
				continue
			}
		} else {
			first = ks.Index
		}
		var last, step int
		if ks.KeyNum {
			step = ks.KeyStep
			at := first + ks.KeyNumIdx
			if ks.KeyNumIdx >= argc || at < 0 || at >= argc {
				return nil, false
			}
			n, err := strconv.ParseInt(string(args[at]), 10, 64)
			if err != nil || n < 0 || n > math.MaxInt32 || !canonicalInt(args[at]) {
				return nil, false
			}
			first += ks.FirstKey
			last = first + int(n) - 1
		} else {
			step = ks.KeyStep
			switch {
			case ks.LastKey >= 0:
				last = first + ks.LastKey
			case ks.Limit == 0:
				last = argc + ks.LastKey
			default:
				last = first + (argc-first)/ks.Limit + ks.LastKey
			}
		}
		if last >= argc || last < first || first >= argc {
			return nil, false
		}
		// A zero step would never advance; Redis would spin, we take one key.
		step = max(step, 1)
		for i := first; i <= last; i += step {
			keys = append(keys, KeyRef{Pos: i, Flags: ks.Flags})
		}
		if hasFlag(ks.Flags, "incomplete") {
			return nil, false
		}
	}
	return keys, true
}

// canonicalInt reports whether b is written as Redis's string2ll accepts
// (no sign but '-', no leading zeros, no spaces).
func canonicalInt(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || (b[0] == '0' && (len(b) > 1 || neg)) {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// PopulateLegacyRange derives the legacy first/last/step triple COMMAND
// INFO shows from the key specs, gluing consecutive index ranges of step 1,
// and marks the command movablekeys when the specs say more than the
// triple can (Redis's populateCommandLegacyRangeSpec). Module commands use
// it; the core table spells its triples out.
func PopulateLegacyRange(s *Spec) {
	s.First, s.Last, s.Step = 0, 0, 0
	s.Flags &^= FlagMovableKeys
	if s.Flags&FlagModuleGetKeys != 0 {
		s.Flags |= FlagMovableKeys
	}
	isRange := func(ks KeySpec) bool {
		return !ks.Unknown && !ks.UnknownBegin && !ks.UnknownFind && ks.Keyword == "" && !ks.KeyNum
	}
	if len(s.KeySpecs) == 0 {
		return
	}
	if len(s.KeySpecs) == 1 && isRange(s.KeySpecs[0]) {
		ks := s.KeySpecs[0]
		s.First, s.Step = ks.Index, ks.KeyStep
		s.Last = ks.LastKey
		if s.Last >= 0 {
			s.Last += ks.Index
		}
		if hasFlag(ks.Flags, "incomplete") {
			s.Flags |= FlagMovableKeys
		}
		return
	}
	first, last, prevLast := math.MaxInt32, 0, 0
	for _, ks := range s.KeySpecs {
		if !isRange(ks) {
			s.Flags |= FlagMovableKeys
			continue
		}
		if ks.KeyStep != 1 || (prevLast != 0 && prevLast != ks.Index-1) {
			s.Flags |= FlagMovableKeys
			continue
		}
		if hasFlag(ks.Flags, "incomplete") {
			s.Flags |= FlagMovableKeys
		}
		first = min(first, ks.Index)
		abs := ks.LastKey
		if abs >= 0 {
			abs += ks.Index
		}
		// Unsigned comparison: a negative (from the end) last key wins.
		if uint32(abs) > uint32(last) {
			last = abs
		}
		prevLast = last
	}
	if first == math.MaxInt32 {
		s.Flags |= FlagMovableKeys
		return
	}
	s.First, s.Last, s.Step = first, last, 1
}
