package acl

import (
	"errors"
	"strings"
)

// User flags.
const (
	FlagEnabled = 1 << iota
	FlagDisabled
	FlagNoPass
	FlagSkipSanitize
	FlagSanitize
)

// userFlagNames is the order in which descriptions list user flags.
var userFlagNames = []struct {
	F    int
	Name string
}{
	{FlagEnabled, "on"}, {FlagDisabled, "off"}, {FlagNoPass, "nopass"},
	{FlagSkipSanitize, "skip-sanitize-payload"}, {FlagSanitize, "sanitize-payload"},
}

// Selector flags.
const (
	SelRoot = 1 << iota
	SelAllKeys
	SelAllCommands
	SelAllChannels
)

// KeyPattern is one key pattern of a selector with its PermRead/PermWrite
// bits.
type KeyPattern struct {
	Pattern string
	Perm    int
}

// Selector is one set of permissions. A user has a root selector (the
// rules written outside parentheses) and any number of further ones; a
// command is allowed when any selector allows it.
type Selector struct {
	Flags int
	// future is Redis's reserved command bit: set by +@all, it lets the
	// selector run commands that had no rule of their own when the rules
	// were applied (modules loaded later).
	future bool
	// allowed overrides future for the commands a rule named.
	allowed map[string]bool
	// firstArgs are the allowed first arguments of otherwise denied
	// commands (+select|0).
	firstArgs map[string][]string
	Keys      []KeyPattern
	Channels  []string
	// rules are the command rules in the order that reproduces them.
	rules []string
}

// User is an ACL user. Clients hold a *User; ACL SETUSER changes the
// user in place so they see the new rules.
type User struct {
	Name      string
	Flags     int
	Passwords []string // hex SHA-256 hashes
	Selectors []*Selector
	// Module users are not in the registry (RM_CreateModuleUser).
	Module bool
}

func newSelector(flags int, pubsubDefault int) *Selector {
	return &Selector{Flags: flags | pubsubDefault, allowed: map[string]bool{}}
}

func (s *Selector) clone() *Selector {
	d := *s
	d.allowed = make(map[string]bool, len(s.allowed))
	for k, v := range s.allowed {
		d.allowed[k] = v
	}
	if s.firstArgs != nil {
		d.firstArgs = map[string][]string{}
		for k, v := range s.firstArgs {
			d.firstArgs[k] = append([]string(nil), v...)
		}
	}
	d.Keys = append([]KeyPattern(nil), s.Keys...)
	d.Channels = append([]string(nil), s.Channels...)
	d.rules = append([]string(nil), s.rules...)
	return &d
}

// newUser makes a user as ACL SETUSER first creates it: off, sanitizing
// payloads, with an empty root selector.
func newUser(name string, pubsubDefault int) *User {
	return &User{Name: name, Flags: FlagDisabled | FlagSanitize,
		Selectors: []*Selector{newSelector(SelRoot, pubsubDefault)}}
}

// Root returns the user's root selector.
func (u *User) Root() *Selector { return u.Selectors[0] }

// Enabled reports whether the user may authenticate.
func (u *User) Enabled() bool { return u.Flags&FlagDisabled == 0 }

// NoPass reports whether any password authenticates the user.
func (u *User) NoPass() bool { return u.Flags&FlagNoPass != 0 }

// copyFrom makes u's rules those of src, keeping u's name and identity.
func (u *User) copyFrom(src *User) {
	u.Flags = src.Flags
	u.Passwords = append([]string(nil), src.Passwords...)
	u.Selectors = make([]*Selector, len(src.Selectors))
	for i, s := range src.Selectors {
		u.Selectors[i] = s.clone()
	}
}

// Clone returns an unlinked copy of u.
func (u *User) Clone() *User {
	c := &User{Name: u.Name, Module: u.Module}
	c.copyFrom(u)
	return c
}

// CheckPassword reports whether pass authenticates u (ignoring on/off).
func (u *User) CheckPassword(pass []byte) bool {
	if u.NoPass() {
		return true
	}
	h := HashPassword(pass)
	ok := false
	for _, p := range u.Passwords {
		// Compare every entry so the time does not tell which matched.
		if constEq(p, h) {
			ok = true
		}
	}
	return ok
}

func constEq(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	var d byte
	for i := 0; i < len(a); i++ {
		d |= a[i] ^ b[i]
	}
	return d == 0
}

// Errors of a rule, by the errno Redis sets; Error() is the reason text
// ACL SETUSER prints.
var (
	ErrSyntax        = errors.New("Syntax error")
	ErrUnknown       = errors.New("Unknown command or category name in ACL")
	ErrKeyAfterAll   = errors.New("Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have any effect. Try 'resetkeys' to start with an empty list of patterns")
	ErrChanAfterAll  = errors.New("Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does not have any effect. Try 'resetchannels' to start with an empty list of channels")
	ErrNoSuchPass    = errors.New("The password you are trying to remove from the user does not exist")
	ErrBadHash       = errors.New("The password hash must be exactly 64 characters and contain only lowercase hexadecimal characters")
	ErrDuplicateUser = errors.New("Duplicate user found. A user can only be defined once in config files")
	ErrFirstArgSub   = errors.New("Allowing first-arg of a subcommand is not supported")
)

// applyOp applies one rule to u (Redis's ACLSetUser).
func (r *Registry) applyOp(u *User, op string) error {
	if op == "" {
		return nil
	}
	switch {
	case strings.EqualFold(op, "on"):
		u.Flags = u.Flags&^FlagDisabled | FlagEnabled
	case strings.EqualFold(op, "off"):
		u.Flags = u.Flags&^FlagEnabled | FlagDisabled
	case strings.EqualFold(op, "skip-sanitize-payload"):
		u.Flags = u.Flags&^FlagSanitize | FlagSkipSanitize
	case strings.EqualFold(op, "sanitize-payload"):
		u.Flags = u.Flags&^FlagSkipSanitize | FlagSanitize
	case strings.EqualFold(op, "nopass"):
		u.Flags |= FlagNoPass
		u.Passwords = nil
	case strings.EqualFold(op, "resetpass"):
		u.Flags &^= FlagNoPass
		u.Passwords = nil
	case op[0] == '>' || op[0] == '#':
		var h string
		if op[0] == '>' {
			h = HashPassword([]byte(op[1:]))
		} else {
			if !validHash(op[1:]) {
				return ErrBadHash
			}
			h = op[1:]
		}
		if !contains(u.Passwords, h) {
			u.Passwords = append(u.Passwords, h)
		}
		u.Flags &^= FlagNoPass
	case op[0] == '<' || op[0] == '!':
		var h string
		if op[0] == '<' {
			h = HashPassword([]byte(op[1:]))
		} else {
			if !validHash(op[1:]) {
				return ErrBadHash
			}
			h = op[1:]
		}
		i := index(u.Passwords, h)
		if i < 0 {
			return ErrNoSuchPass
		}
		u.Passwords = append(u.Passwords[:i:i], u.Passwords[i+1:]...)
	case op[0] == '(' && op[len(op)-1] == ')':
		s := newSelector(0, r.PubsubDefault)
		args, _ := SplitArgs(op[1 : len(op)-1])
		for _, a := range args {
			if err := r.applySelector(s, a); err != nil {
				return err
			}
		}
		u.Selectors = append(u.Selectors, s)
	case strings.EqualFold(op, "clearselectors"):
		u.Selectors = u.Selectors[:1]
	case strings.EqualFold(op, "reset"):
		for _, o := range []string{"resetpass", "resetkeys", "resetchannels"} {
			r.applyOp(u, o)
		}
		if r.PubsubDefault&SelAllChannels != 0 {
			r.applyOp(u, "allchannels")
		}
		for _, o := range []string{"off", "sanitize-payload", "clearselectors", "-@all"} {
			r.applyOp(u, o)
		}
	default:
		return r.applySelector(u.Root(), op)
	}
	return nil
}

func contains(l []string, s string) bool { return index(l, s) >= 0 }

func index(l []string, s string) int {
	for i, x := range l {
		if x == s {
			return i
		}
	}
	return -1
}

// applySelector applies a permission rule to one selector (Redis's
// ACLSetSelector).
func (r *Registry) applySelector(s *Selector, op string) error {
	switch {
	case strings.EqualFold(op, "allkeys") || op == "~*":
		s.Flags |= SelAllKeys
		s.Keys = nil
	case strings.EqualFold(op, "resetkeys"):
		s.Flags &^= SelAllKeys
		s.Keys = nil
	case strings.EqualFold(op, "allchannels") || op == "&*":
		s.Flags |= SelAllChannels
		s.Channels = nil
	case strings.EqualFold(op, "resetchannels"):
		s.Flags &^= SelAllChannels
		s.Channels = nil
	case strings.EqualFold(op, "allcommands") || strings.EqualFold(op, "+@all"):
		s.Flags |= SelAllCommands
		s.future = true
		s.allowed = map[string]bool{}
		s.firstArgs = nil
		s.rules = nil
	case strings.EqualFold(op, "nocommands") || strings.EqualFold(op, "-@all"):
		s.Flags &^= SelAllCommands
		s.future = false
		s.allowed = map[string]bool{}
		s.firstArgs = nil
		s.rules = nil
	case op[0] == '~' || op[0] == '%':
		if s.Flags&SelAllKeys != 0 {
			return ErrKeyAfterAll
		}
		perm, off := 0, 1
		if op[0] == '%' {
			for ; off < len(op); off++ {
				c := op[off]
				if (c == 'R' || c == 'r') && perm&PermRead == 0 {
					perm |= PermRead
				} else if (c == 'W' || c == 'w') && perm&PermWrite == 0 {
					perm |= PermWrite
				} else if c == '~' && perm != 0 {
					off++
					break
				} else {
					return ErrSyntax
				}
			}
		} else {
			perm = PermAll
		}
		pat := op[min(off, len(op)):]
		if HasSpaces(pat) {
			return ErrSyntax
		}
		found := false
		for i := range s.Keys {
			if s.Keys[i].Pattern == pat {
				s.Keys[i].Perm |= perm
				found = true
			}
		}
		if !found {
			s.Keys = append(s.Keys, KeyPattern{Pattern: pat, Perm: perm})
		}
		s.Flags &^= SelAllKeys
	case op[0] == '&':
		if s.Flags&SelAllChannels != 0 {
			return ErrChanAfterAll
		}
		if HasSpaces(op[1:]) {
			return ErrSyntax
		}
		if !contains(s.Channels, op[1:]) {
			s.Channels = append(s.Channels, op[1:])
		}
		s.Flags &^= SelAllChannels
	case op[0] == '+' && (len(op) < 2 || op[1] != '@'):
		name := op[1:]
		bar := strings.LastIndexByte(name, '|')
		if bar < 0 {
			cmd := r.lookup(name)
			if cmd == nil {
				return ErrUnknown
			}
			s.changePerm(cmd, true)
			s.updateRules(cmd.Name, true)
			return nil
		}
		base, sub := name[:bar], name[bar+1:]
		cmd := r.lookup(base)
		if cmd == nil {
			return ErrUnknown
		}
		if cmd.IsSub {
			return ErrFirstArgSub
		}
		if sub == "" {
			return ErrSyntax
		}
		if len(cmd.Subs) > 0 {
			sc := r.lookup(name)
			if sc == nil {
				return ErrUnknown
			}
			s.changePerm(sc, true)
		} else {
			if r.Warn != nil {
				r.Warn("Deprecation warning: Allowing a first arg of an otherwise blocked command is a misuse of ACL and may get disabled in the future (offender: +" + name + ")")
			}
			if s.firstArgs == nil {
				s.firstArgs = map[string][]string{}
			}
			have := false
			for _, a := range s.firstArgs[cmd.Name] {
				if strings.EqualFold(a, sub) {
					have = true
				}
			}
			if !have {
				s.firstArgs[cmd.Name] = append(s.firstArgs[cmd.Name], sub)
			}
		}
		s.updateRules(name, true)
	case op[0] == '-' && (len(op) < 2 || op[1] != '@'):
		cmd := r.lookup(op[1:])
		if cmd == nil {
			return ErrUnknown
		}
		s.changePerm(cmd, false)
		s.updateRules(cmd.Name, false)
	case (op[0] == '+' || op[0] == '-') && op[1] == '@':
		bit := CategoryBit(op[2:])
		if bit == 0 {
			return ErrUnknown
		}
		allow := op[0] == '+'
		s.updateRules(op[1:], allow)
		if r.Cat != nil {
			var walk func(cmds []*Command)
			walk = func(cmds []*Command) {
				for _, c := range cmds {
					if c.Categories&bit != 0 {
						s.changePerm(c, allow)
					}
					walk(c.Subs)
				}
			}
			walk(r.Cat.Commands())
		}
	default:
		return ErrSyntax
	}
	return nil
}

// lookup finds a command for a rule; more than one '|' finds nothing, and
// "cmd|x" names a subcommand only when cmd has subcommands.
func (r *Registry) lookup(name string) *Command {
	if r.Cat == nil || name == "" {
		return nil
	}
	parts := strings.Split(name, "|")
	if len(parts) > 2 {
		return nil
	}
	base := r.Cat.Lookup(parts[0])
	if base == nil || base.IsSub {
		return nil
	}
	if len(parts) == 1 {
		return base
	}
	if len(base.Subs) == 0 {
		return nil
	}
	return r.Cat.Lookup(name)
}

// changePerm allows or denies a command and its subcommands (Redis's
// ACLChangeSelectorPerm).
func (s *Selector) changePerm(cmd *Command, allow bool) {
	s.setBit(cmd.Name, allow)
	delete(s.firstArgs, cmd.Name)
	for _, sub := range cmd.Subs {
		s.setBit(sub.Name, allow)
	}
}

func (s *Selector) setBit(name string, allow bool) {
	s.allowed[name] = allow
	if !allow {
		s.Flags &^= SelAllCommands
	}
}

// updateRules records a command rule, dropping earlier rules for the same
// command (and its subcommands) so the description stays minimal.
func (s *Selector) updateRules(rule string, allow bool) {
	rule = strings.ToLower(rule)
	kept := s.rules[:0]
	for _, r := range s.rules {
		body := r[1:]
		if body == rule || strings.HasPrefix(body, rule+"|") {
			continue
		}
		kept = append(kept, r)
	}
	s.rules = kept
	if allow {
		s.rules = append(s.rules, "+"+rule)
	} else {
		s.rules = append(s.rules, "-"+rule)
	}
}

// Recompute re-applies every selector's command rules against the current
// catalog, as Redis does after a module adds commands.
func (r *Registry) Recompute() {
	fix := func(u *User) {
		for _, s := range u.Selectors {
			rules := s.rules
			if s.future {
				r.applySelector(s, "+@all")
			} else {
				r.applySelector(s, "-@all")
			}
			for _, op := range rules {
				r.applySelector(s, op)
			}
		}
	}
	for _, u := range r.users {
		fix(u)
	}
}

// CommandRules describes the selector's command permissions as ACL
// GETUSER shows them: +@all or -@all, then the recorded rules.
func (s *Selector) CommandRules() string {
	var b strings.Builder
	if s.future {
		b.WriteString("+@all")
	} else {
		b.WriteString("-@all")
	}
	for _, r := range s.rules {
		b.WriteByte(' ')
		b.WriteString(r)
	}
	return b.String()
}

// KeysString is ACL GETUSER's "keys" field.
func (s *Selector) KeysString() string {
	if s.Flags&SelAllKeys != 0 {
		return "~*"
	}
	parts := make([]string, len(s.Keys))
	for i, k := range s.Keys {
		parts[i] = k.String()
	}
	return strings.Join(parts, " ")
}

// ChannelsString is ACL GETUSER's "channels" field.
func (s *Selector) ChannelsString() string {
	if s.Flags&SelAllChannels != 0 {
		return "&*"
	}
	parts := make([]string, len(s.Channels))
	for i, c := range s.Channels {
		parts[i] = "&" + c
	}
	return strings.Join(parts, " ")
}

// String writes a key pattern as a rule: ~p, %R~p or %W~p.
func (k KeyPattern) String() string {
	switch k.Perm {
	case PermRead:
		return "%R~" + k.Pattern
	case PermWrite:
		return "%W~" + k.Pattern
	}
	return "~" + k.Pattern
}

// describe is a selector in rule form (Redis's ACLDescribeSelector).
func (s *Selector) describe() string {
	var b strings.Builder
	if s.Flags&SelAllKeys != 0 {
		b.WriteString("~* ")
	} else {
		for _, k := range s.Keys {
			b.WriteString(k.String())
			b.WriteByte(' ')
		}
	}
	if s.Flags&SelAllChannels != 0 {
		b.WriteString("&* ")
	} else {
		b.WriteString("resetchannels ")
		for _, c := range s.Channels {
			b.WriteString("&" + c + " ")
		}
	}
	b.WriteString(s.CommandRules())
	return b.String()
}

// FlagNames lists the user's flags in Redis's order.
func (u *User) FlagNames() []string {
	var out []string
	for _, f := range userFlagNames {
		if u.Flags&f.F != 0 {
			out = append(out, f.Name)
		}
	}
	return out
}

// Describe is the user's rules as ACL LIST and ACL SAVE write them.
func (u *User) Describe() string {
	var b strings.Builder
	for _, f := range u.FlagNames() {
		b.WriteString(f)
		b.WriteByte(' ')
	}
	for _, p := range u.Passwords {
		b.WriteString("#" + p + " ")
	}
	for i, s := range u.Selectors {
		if i == 0 {
			b.WriteString(s.describe())
		} else {
			b.WriteString(" (" + s.describe() + ")")
		}
	}
	return b.String()
}
