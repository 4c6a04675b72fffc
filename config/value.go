package config

import (
	"os"
	"strconv"
	"strings"
)

// value is one immutable snapshot of a directive's value. Vars swap whole
// snapshots, so readers never see a half-set value.
type value struct {
	text   string    // CONFIG GET text (for strings: the string itself)
	n      int64     // bool 0/1, numeric (uint64 bits when Unsigned), enum bits
	null   bool      // KindString: unset (Redis NULL)
	list   []string  // KindBind addresses; KindReplicaOf host
	nums   []int64   // save pairs, 9 buffer-limit numbers, 3 oom values, replicaof port
	floats []float64 // KindPercentiles
}

// Classes of client-output-buffer-limit in Redis's order.
var obufClasses = []string{"normal", "slave", "pubsub"}

func boolText(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// numericText prints a numeric value as CONFIG GET does.
func numericText(d *Directive, n int64) string {
	switch {
	case d.Num&NumPercent != 0 && n < 0:
		return strconv.FormatInt(-n, 10) + "%"
	case d.Num&NumMemory != 0:
		return strconv.FormatUint(uint64(n), 10)
	case d.Num&NumOctal != 0:
		return strconv.FormatInt(n, 8)
	}
	return strconv.FormatInt(n, 10)
}

// enumText names an enum value. For multi-argument enums (bit sets) it
// lists the names of the set bits; "unknown" when nothing fits.
func enumText(d *Directive, n int64) string {
	var names []string
	unmatched := n
	for _, e := range d.Enum {
		if int64(e.Value) == n {
			return e.Name
		}
		if d.Flags&FlagMultiArg != 0 && e.Value != 0 && int64(e.Value)&unmatched == int64(e.Value) {
			names = append(names, e.Name)
			unmatched &^= int64(e.Value)
		}
	}
	if len(names) == 0 || unmatched != 0 {
		return "unknown"
	}
	return strings.Join(names, " ")
}

// enumError lists the accepted names, cut to Redis's 255-byte buffer.
func enumError(d *Directive) string {
	names := make([]string, len(d.Enum))
	for i, e := range d.Enum {
		names[i] = e.Name
	}
	s := "argument(s) must be one of the following: " + strings.Join(names, ", ")
	if len(s) > 255 {
		s = s[:255]
	}
	return s
}

func boundsError(d *Directive) string {
	if d.Unsigned {
		if d.Num&NumOctal != 0 {
			return "argument must be between " + strconv.FormatUint(uint64(d.Min), 8) + " and " + strconv.FormatUint(uint64(d.Max), 8) + " inclusive"
		}
		return "argument must be between " + strconv.FormatUint(uint64(d.Min), 10) + " and " + strconv.FormatUint(uint64(d.Max), 10) + " inclusive"
	}
	return "argument must be between " + strconv.FormatInt(d.Min, 10) + " and " + strconv.FormatInt(d.Max, 10) + " inclusive"
}

// parseNumeric turns one argument into a numeric value, trying the
// notations the directive allows in Redis's order, then checks the bounds.
func parseNumeric(d *Directive, s string) (int64, string) {
	n, ok := int64(0), false
	if d.Num&NumMemory != 0 {
		var u uint64
		u, ok = ParseMemory(s)
		n = int64(u)
	}
	if !ok && d.Num&NumPercent != 0 && len(s) > 1 && s[len(s)-1] == '%' {
		if p, pok := parseStrictInt(s[:len(s)-1]); pok && p >= 0 {
			n, ok = -p, true
		}
	}
	if !ok && d.Num&NumOctal != 0 {
		n, ok = cStrtoll(s, 8)
		if ok && (n == 1<<63-1 || n == -1<<63) {
			ok = false // strtoll overflow sets errno, which Redis checks here
		}
	}
	if !ok && d.Num == 0 {
		n, ok = parseStrictInt(s)
	}
	if !ok {
		switch {
		case d.Num&NumMemory != 0 && d.Num&NumPercent != 0:
			return 0, "argument must be a memory or percent value"
		case d.Num&NumMemory != 0:
			return 0, "argument must be a memory value"
		case d.Num&NumOctal != 0:
			return 0, "argument couldn't be parsed as an octal number"
		}
		return 0, "argument couldn't be parsed into an integer"
	}
	if d.Unsigned {
		if uint64(n) > uint64(d.Max) || uint64(n) < uint64(d.Min) {
			return 0, boundsError(d)
		}
	} else if d.Num&NumPercent != 0 && n < 0 {
		if n < d.Min {
			return 0, "percentage argument must be less or equal to " + strconv.FormatInt(-d.Min, 10)
		}
	} else if n > d.Max || n < d.Min {
		return 0, boundsError(d)
	}
	return n, ""
}

// parseValue builds the value args describe for directive d. cur is the
// current value; appendSave makes a save line add to it (the second and
// later save lines of a config file).
func parseValue(d *Directive, args []string, cur *value, appendSave bool) (*value, string) {
	switch d.Kind {
	case KindBool:
		var n int64
		switch strings.ToLower(args[0]) {
		case "yes":
			n = 1
		case "no":
		default:
			return nil, "argument must be 'yes' or 'no'"
		}
		if d.Check != nil {
			if e := d.Check(args[0], n); e != "" {
				return nil, e
			}
		}
		return &value{text: boolText(n == 1), n: n}, ""
	case KindNumeric:
		n, e := parseNumeric(d, args[0])
		if e != "" {
			return nil, e
		}
		if d.Check != nil {
			if e := d.Check(args[0], n); e != "" {
				return nil, e
			}
		}
		return &value{text: numericText(d, n), n: n}, ""
	case KindString:
		if d.Check != nil {
			if e := d.Check(args[0], 0); e != "" {
				return nil, e
			}
		}
		if d.EmptyIsNull && args[0] == "" {
			return &value{null: true}, ""
		}
		return &value{text: args[0]}, ""
	case KindEnum:
		multi := d.Flags&FlagMultiArg != 0
		if len(args) == 0 || (!multi && len(args) != 1) {
			return nil, enumError(d)
		}
		var n int64
		for _, a := range args {
			found := false
			for _, e := range d.Enum {
				if strings.EqualFold(a, e.Name) {
					n |= int64(e.Value)
					found = true
				}
			}
			if !found {
				return nil, enumError(d)
			}
		}
		if d.Check != nil {
			if e := d.Check("", n); e != "" {
				return nil, e
			}
		}
		return &value{text: enumText(d, n), n: n}, ""
	case KindSave:
		return parseSave(args, cur, appendSave)
	case KindDir:
		if len(args) != 1 {
			return nil, "wrong number of arguments"
		}
		return &value{text: args[0]}, ""
	case KindBind:
		if len(args) > 16 {
			return nil, "Too many bind addresses specified."
		}
		if len(args) == 1 && args[0] == "" {
			args = nil
		}
		l := append([]string{}, args...)
		return &value{text: strings.Join(l, " "), list: l}, ""
	case KindClientOutputBufferLimit:
		return parseOutputBufferLimit(args, cur)
	case KindNotifyKeyspaceEvents:
		if len(args) != 1 {
			return nil, "wrong number of arguments"
		}
		f, ok := ParseKeyspaceEvents(args[0])
		if !ok {
			return nil, "Invalid event class character. Use 'Ag$lshzxeKEtmdn'."
		}
		return &value{text: KeyspaceEventsString(f), n: int64(f)}, ""
	case KindOOMScoreAdjValues:
		if len(args) != 3 {
			return nil, "wrong number of arguments"
		}
		nums := make([]int64, 3)
		for i, a := range args {
			n, ok := cStrtoll(a, 10)
			if !ok || n < -2000 || n > 2000 {
				return nil, "Invalid oom-score-adj-values, elements must be between -2000 and 2000."
			}
			nums[i] = n
		}
		return &value{text: joinInts(nums), nums: nums}, ""
	case KindReplicaOf:
		if len(args) != 2 {
			return nil, "wrong number of arguments"
		}
		if strings.EqualFold(args[0], "no") && strings.EqualFold(args[1], "one") {
			return &value{}, ""
		}
		port, ok := cStrtoll(args[1], 10)
		if !ok || port < 0 || port > 65535 || port != int64(int32(port)) {
			return nil, "Invalid master port"
		}
		return &value{text: args[0] + " " + strconv.FormatInt(port, 10), list: []string{args[0]}, nums: []int64{port}}, ""
	case KindPercentiles:
		if len(args) == 1 && args[0] == "" {
			args = nil
		}
		fs := make([]float64, len(args))
		txt := make([]string, len(args))
		for i, a := range args {
			f, ok := parseStrictFloat(a)
			if !ok {
				return nil, "Invalid latency-tracking-info-percentiles parameters"
			}
			if f > 100 || f < 0 {
				return nil, "latency-tracking-info-percentiles parameters should sit between [0.0,100.0]"
			}
			fs[i] = f
			txt[i] = formatPercentile(f)
		}
		return &value{text: strings.Join(txt, " "), floats: fs}, ""
	}
	return nil, "unsupported directive kind"
}

func joinInts(n []int64) string {
	s := make([]string, len(n))
	for i, v := range n {
		s[i] = strconv.FormatInt(v, 10)
	}
	return strings.Join(s, " ")
}

func parseSave(args []string, cur *value, appendSave bool) (*value, string) {
	// save "" drops every rule, including those read before it.
	reset := len(args) == 1 && args[0] == ""
	if reset {
		args = nil
	}
	if len(args)%2 == 1 {
		return nil, "Invalid save parameters"
	}
	nums := make([]int64, 0, len(args))
	for j, a := range args {
		n, ok := cStrtoll(a, 10)
		if !ok || (j%2 == 0 && n < 1) || (j%2 == 1 && n < 0) {
			return nil, "Invalid save parameters"
		}
		if j%2 == 1 {
			n = int64(int32(n)) // Redis keeps changes in an int
		}
		nums = append(nums, n)
	}
	if appendSave && cur != nil && !reset {
		nums = append(append([]int64{}, cur.nums...), nums...)
	}
	return &value{text: joinInts(nums), nums: nums}, ""
}

func parseOutputBufferLimit(args []string, cur *value) (*value, string) {
	if len(args)%4 != 0 {
		return nil, "Wrong number of arguments in buffer limit configuration."
	}
	nums := make([]int64, 9)
	if cur != nil {
		copy(nums, cur.nums)
	}
	for j := 0; j < len(args); j += 4 {
		class := -1
		switch strings.ToLower(args[j]) {
		case "normal":
			class = 0
		case "slave", "replica":
			class = 1
		case "pubsub":
			class = 2
		}
		if class < 0 {
			return nil, "Invalid client class specified in buffer limit configuration."
		}
		hard, ok1 := ParseMemory(args[j+1])
		soft, ok2 := ParseMemory(args[j+2])
		secs, ok3 := cStrtoll(args[j+3], 10)
		secs = int64(int32(secs))
		if !ok1 || !ok2 || !ok3 || secs < 0 {
			return nil, "Error in hard, soft or soft_seconds setting in buffer limit configuration."
		}
		nums[class*3], nums[class*3+1], nums[class*3+2] = int64(hard), int64(soft), secs
	}
	parts := make([]string, 3)
	for i, c := range obufClasses {
		parts[i] = c + " " + strconv.FormatUint(uint64(nums[i*3]), 10) + " " + strconv.FormatUint(uint64(nums[i*3+1]), 10) + " " + strconv.FormatInt(nums[i*3+2], 10)
	}
	return &value{text: strings.Join(parts, " "), nums: nums}, ""
}

// Keyspace notification classes (bits as in Redis's NOTIFY_*).
const (
	NotifyKeyspace = 1 << 0  // K
	NotifyKeyevent = 1 << 1  // E
	NotifyGeneric  = 1 << 2  // g
	NotifyString   = 1 << 3  // $
	NotifyList     = 1 << 4  // l
	NotifySet      = 1 << 5  // s
	NotifyHash     = 1 << 6  // h
	NotifyZset     = 1 << 7  // z
	NotifyExpired  = 1 << 8  // x
	NotifyEvicted  = 1 << 9  // e
	NotifyStream   = 1 << 10 // t
	NotifyKeyMiss  = 1 << 11 // m (not part of A)
	NotifyLoaded   = 1 << 12 // module-only
	NotifyModule   = 1 << 13 // d
	NotifyNew      = 1 << 14 // n (not part of A)
	NotifyAll      = NotifyGeneric | NotifyString | NotifyList | NotifySet | NotifyHash | NotifyZset | NotifyExpired | NotifyEvicted | NotifyStream | NotifyModule
)

// ParseKeyspaceEvents converts notify-keyspace-events letters to bits;
// false on an unknown letter.
func ParseKeyspaceEvents(s string) (int, bool) {
	f := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'A':
			f |= NotifyAll
		case 'g':
			f |= NotifyGeneric
		case '$':
			f |= NotifyString
		case 'l':
			f |= NotifyList
		case 's':
			f |= NotifySet
		case 'h':
			f |= NotifyHash
		case 'z':
			f |= NotifyZset
		case 'x':
			f |= NotifyExpired
		case 'e':
			f |= NotifyEvicted
		case 'K':
			f |= NotifyKeyspace
		case 'E':
			f |= NotifyKeyevent
		case 't':
			f |= NotifyStream
		case 'm':
			f |= NotifyKeyMiss
		case 'd':
			f |= NotifyModule
		case 'n':
			f |= NotifyNew
		default:
			return 0, false
		}
	}
	return f, true
}

// KeyspaceEventsString prints notification bits in Redis's canonical
// order: A (or the single classes), then K, E, m.
func KeyspaceEventsString(f int) string {
	var b strings.Builder
	if f&NotifyAll == NotifyAll {
		b.WriteByte('A')
	} else {
		for _, c := range []struct {
			bit int
			ch  byte
		}{{NotifyGeneric, 'g'}, {NotifyString, '$'}, {NotifyList, 'l'}, {NotifySet, 's'}, {NotifyHash, 'h'},
			{NotifyZset, 'z'}, {NotifyExpired, 'x'}, {NotifyEvicted, 'e'}, {NotifyStream, 't'}, {NotifyModule, 'd'}, {NotifyNew, 'n'}} {
			if f&c.bit != 0 {
				b.WriteByte(c.ch)
			}
		}
	}
	if f&NotifyKeyspace != 0 {
		b.WriteByte('K')
	}
	if f&NotifyKeyevent != 0 {
		b.WriteByte('E')
	}
	if f&NotifyKeyMiss != 0 {
		b.WriteByte('m')
	}
	return b.String()
}

// strerror renders an OS error like C's strerror: "No such file or
// directory" rather than Go's lower-case form or a wrapped *PathError.
func strerror(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	s := err.Error()
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
