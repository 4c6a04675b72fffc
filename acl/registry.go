package acl

import (
	"fmt"
	"modhost/internal/atomicfile"
	"os"
	"sort"
	"strings"
)

// Registry holds the users of one server and its ACL log. It is not
// safe for concurrent use; the server's execution lock guards it.
type Registry struct {
	users map[string]*User
	// Default is the "default" user; it keeps its identity across ACL LOAD.
	Default *User
	// Cat is the command table.
	Cat Catalog
	// PubsubDefault is SelAllChannels when acl-pubsub-default is
	// allchannels, 0 for resetchannels.
	PubsubDefault int
	// Warn logs a warning (may be nil).
	Warn func(msg string)
	// Freed runs for each user that goes away (ACL DELUSER, ACL LOAD), so
	// the server can disconnect its clients.
	Freed func(u *User)
	// ChannelsRevoked runs when ACL SETUSER takes channel permissions away
	// from a user: old is a copy of the user before, u the user after.
	ChannelsRevoked func(u *User, old *User)

	Log      []*LogEntry
	LogMax   int
	logCount int64
	// Counters for INFO stats (acl_access_denied_*).
	DeniedAuth, DeniedCmd, DeniedKey, DeniedChannel int64
}

// NewRegistry creates a registry with the default user (all permissions,
// no password).
func NewRegistry(cat Catalog) *Registry {
	r := &Registry{users: map[string]*User{}, Cat: cat, LogMax: 128}
	r.Default = r.newDefault()
	r.users["default"] = r.Default
	return r
}

func (r *Registry) newDefault() *User {
	u := newUser("default", r.PubsubDefault)
	for _, op := range []string{"+@all", "~*", "&*", "on", "nopass"} {
		r.applyOp(u, op)
	}
	return u
}

// Get returns the user by name, or nil.
func (r *Registry) Get(name string) *User { return r.users[name] }

// Users returns every user sorted by name (the order of Redis's rax).
func (r *Registry) Users() []*User {
	out := make([]*User, 0, len(r.users))
	for _, u := range r.users {
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// mergeSelectors joins a selector that spans several arguments ("(+get"
// "~x)") into one. bad is the index of an unclosed selector, or -1.
func mergeSelectors(args []string) (out []string, bad int) {
	open := -1
	var cur string
	for j, op := range args {
		if open == -1 && len(op) > 0 && op[0] == '(' && op[len(op)-1] != ')' {
			cur, open = op, j
			continue
		}
		if open != -1 {
			cur += " " + op
			if len(op) > 0 && op[len(op)-1] == ')' {
				open = -1
				out = append(out, cur)
			}
			continue
		}
		out = append(out, op)
	}
	if open != -1 {
		return nil, open
	}
	return out, -1
}

// ApplyOp applies one rule to u in place (RM_SetModuleUserACL); on error
// the rules before it stay applied, as in Redis.
func (r *Registry) ApplyOp(u *User, op string) error { return r.applyOp(u, op) }

// NewUnlinked returns a user that is not in the registry, with no
// permissions (module users, validation).
func (r *Registry) NewUnlinked(name string) *User { return newUser(name, r.PubsubDefault) }

// ApplyRules applies rules to u all or nothing (Redis's ACLStringSetUser
// on an existing user). The error is ACL SETUSER's text without "ERR ".
func (r *Registry) ApplyRules(u *User, rules []string) error {
	ops, bad := mergeSelectors(rules)
	if bad >= 0 {
		return fmt.Errorf("Unmatched parenthesis in acl selector starting at '%s'.", rules[bad])
	}
	tmp := u.Clone()
	for _, op := range ops {
		if err := r.applyOp(tmp, op); err != nil {
			return fmt.Errorf("Error in ACL SETUSER modifier '%s': %s", op, err.Error())
		}
	}
	old := u.Clone()
	u.copyFrom(tmp)
	if r.ChannelsRevoked != nil && channelsShrunk(old, u) {
		r.ChannelsRevoked(u, old)
	}
	return nil
}

// SetUser is ACL SETUSER: it creates the user when missing and applies
// the rules all or nothing.
func (r *Registry) SetUser(name string, rules []string) error {
	u := r.users[name]
	if u == nil {
		nu := newUser(name, r.PubsubDefault)
		if err := r.ApplyRules(nu, rules); err != nil {
			return err
		}
		r.users[name] = nu
		return nil
	}
	return r.ApplyRules(u, rules)
}

// DelUser removes a user; it reports whether one was there.
func (r *Registry) DelUser(name string) bool {
	u := r.users[name]
	if u == nil || u == r.Default {
		return false
	}
	delete(r.users, name)
	if r.Freed != nil {
		r.Freed(u)
	}
	return true
}

// SetDefaultPassword is requirepass: "" makes the default user nopass.
func (r *Registry) SetDefaultPassword(pass string) {
	r.applyOp(r.Default, "resetpass")
	if pass != "" {
		r.applyOp(r.Default, ">"+pass)
	} else {
		r.applyOp(r.Default, "nopass")
	}
}

// AuthRequired reports whether a new connection must authenticate before
// running commands.
func (r *Registry) AuthRequired() bool {
	return !r.Default.NoPass() || !r.Default.Enabled()
}

// Authenticate checks a user name and password; it returns the user or
// nil when the pair is wrong or the user is disabled.
func (r *Registry) Authenticate(name, pass []byte) *User {
	u := r.users[string(name)]
	if u == nil || !u.Enabled() || !u.CheckPassword(pass) {
		return nil
	}
	return u
}

// ValidateUserLine checks a "user" directive of the config file the way
// Redis does while reading it: unknown commands are let through (a module
// may add them later), any other bad rule is an error naming the
// argument (index into rules).
func (r *Registry) ValidateUserLine(rules []string) (bad int, err error) {
	ops, b := mergeSelectors(rules)
	if b >= 0 {
		return b, ErrSyntax
	}
	u := newUser("__fake__", r.PubsubDefault)
	for j, op := range ops {
		if e := r.applyOp(u, op); e != nil && e != ErrUnknown {
			return j, e
		}
	}
	return -1, nil
}

// LoadConfigured creates the users the config file declared (after
// modules are loaded). A repeated "default" resets it first.
func (r *Registry) LoadConfigured(lines [][]string) error {
	for _, l := range lines {
		if len(l) == 0 {
			continue
		}
		name := l[0]
		if HasSpaces(name) {
			return fmt.Errorf("Spaces not allowed in ACL usernames")
		}
		u := r.users[name]
		if u == nil {
			u = newUser(name, r.PubsubDefault)
			r.users[name] = u
		} else if name == "default" {
			r.applyOp(u, "reset")
		}
		ops, _ := mergeSelectors(l[1:])
		for _, op := range ops {
			if err := r.applyOp(u, op); err != nil {
				return fmt.Errorf("Error loading ACL rule '%s' for the user named '%s': %s", op, name, err.Error())
			}
		}
	}
	return nil
}

// LoadFile is ACL LOAD (and aclfile at startup): every line must be a
// valid user, or nothing changes and the error lists what was wrong.
func (r *Registry) LoadFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		msg := err.Error()
		if pe, ok := err.(*os.PathError); ok {
			msg = syscallText(pe.Err)
		}
		return fmt.Errorf("Error loading ACLs, opening file '%s': %s", path, msg)
	}
	users := map[string]*User{}
	var errs strings.Builder
	for i, line := range strings.Split(string(data), "\n") {
		linenum := i + 1
		line = strings.Trim(line, " \t\r\n")
		if line == "" {
			continue
		}
		argv := strings.Split(line, " ")
		if argv[0] != "user" || len(argv) < 2 {
			fmt.Fprintf(&errs, "%s:%d should start with user keyword followed by the username. ", path, linenum)
			continue
		}
		if HasSpaces(argv[1]) {
			fmt.Fprintf(&errs, "'%s:%d: username '%s' contains invalid characters. ", path, linenum, argv[1])
			continue
		}
		if users[argv[1]] != nil {
			fmt.Fprintf(&errs, "WARNING: Duplicate user '%s' found on line %d. ", argv[1], linenum)
			continue
		}
		u := newUser(argv[1], r.PubsubDefault)
		users[argv[1]] = u
		ops, bad := mergeSelectors(argv[2:])
		if bad >= 0 {
			fmt.Fprintf(&errs, "%s:%d: Unmatched parenthesis in selector definition.", path, linenum)
		}
		syntax := false
		for _, op := range ops {
			op = strings.Trim(op, "\t\r\n")
			if err := r.applyOp(u, op); err != nil {
				if err == ErrUnknown {
					fmt.Fprintf(&errs, "%s:%d: Error in applying operation '%s': %s. ", path, linenum, op, err.Error())
				} else if !syntax {
					fmt.Fprintf(&errs, "%s:%d: %s. ", path, linenum, err.Error())
					syntax = true
				}
			}
		}
	}
	if errs.Len() > 0 {
		errs.WriteString("WARNING: ACL errors detected, no change to the previously active ACL rules was performed")
		return fmt.Errorf("%s", errs.String())
	}
	nd := users["default"]
	if nd == nil {
		nd = r.newDefault()
	}
	r.Default.copyFrom(nd)
	users["default"] = r.Default
	old := r.users
	r.users = users
	for name, u := range old {
		if name != "default" && r.Freed != nil {
			r.Freed(u)
		}
	}
	return nil
}

func syscallText(err error) string {
	s := err.Error()
	if s == "" {
		return s
	}
	// Go's errno texts are lower-case; strerror's start upper-case.
	return strings.ToUpper(s[:1]) + s[1:]
}

// SaveFile is ACL SAVE: the users in file form, written to a temporary
// file and renamed over path.
func (r *Registry) SaveFile(path string) error {
	var b strings.Builder
	for _, u := range r.Users() {
		b.WriteString("user " + u.Name + " " + u.Describe() + "\n")
	}
	return atomicfile.Write(path, b.String())
}

// channelsShrunk reports whether nu lost channel permissions old had
// (Redis only then looks for subscribers to disconnect).
func channelsShrunk(old, nu *User) bool {
	var upcoming []string
	for _, s := range nu.Selectors {
		if s.Flags&SelAllChannels != 0 {
			return false
		}
		upcoming = append(upcoming, s.Channels...)
	}
	for _, s := range old.Selectors {
		if s.Flags&SelAllChannels != 0 {
			return true
		}
		for _, c := range s.Channels {
			if !contains(upcoming, c) {
				return true
			}
		}
	}
	return false
}

// SubscriptionAllowed reports whether a subscriber of u may keep a
// subscription after its rules changed: a channel must match one of the
// user's channel patterns, a pattern subscription must equal one.
func (u *User) SubscriptionAllowed(name string, isPattern bool) bool {
	for _, s := range u.Selectors {
		if s.Flags&SelAllChannels != 0 {
			return true
		}
		if channelInList(s.Channels, name, isPattern) {
			return true
		}
	}
	return false
}
