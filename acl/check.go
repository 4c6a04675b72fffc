package acl

import (
	"strconv"
	"strings"
)

// KeyArg is one key of a call: its argument index and the permissions it
// needs (PermRead for an access, PermWrite for an insert, delete or
// update).
type KeyArg struct {
	Pos  int
	Need int
}

// ChanArg is one channel of a call that needs permission (a publish or
// subscribe, not an unsubscribe); Pattern is set for PSUBSCRIBE.
type ChanArg struct {
	Pos     int
	Pattern bool
}

// Call describes a command invocation for CheckCmd.
type Call struct {
	// Name is the command's full name; IsSub marks a subcommand, whose
	// first argument is args[2].
	Name  string
	IsSub bool
	// NoAuth commands (AUTH, HELLO...) need no command permission.
	NoAuth bool
	Args   [][]byte
	// HasKeys says whether the command can take keys; Keys finds them
	// (called at most once, and only when a selector restricts keys).
	HasKeys bool
	Keys    func() []KeyArg
	// Channels finds the channels needing permission (may be nil).
	Channels func() []ChanArg
}

// CanRunEverything reports whether u passes every check without looking
// at the call: one selector with all commands, keys and channels.
func (u *User) CanRunEverything() bool {
	for _, s := range u.Selectors {
		if s.Flags&(SelAllCommands|SelAllKeys|SelAllChannels) == SelAllCommands|SelAllKeys|SelAllChannels {
			return true
		}
	}
	return false
}

// CommandAllowed reports whether the selector allows the command itself
// (ignoring keys and channels).
func (s *Selector) CommandAllowed(c *Call) bool {
	if s.Flags&SelAllCommands != 0 || c.NoAuth {
		return true
	}
	allowed, ok := s.allowed[c.Name]
	if !ok {
		allowed = s.future
	}
	if allowed {
		return true
	}
	first := s.firstArgs[c.Name]
	if len(first) == 0 || len(c.Args) < 2 {
		return false
	}
	idx := 1
	if c.IsSub {
		idx = 2
	}
	if idx >= len(c.Args) {
		return false
	}
	for _, a := range first {
		if strings.EqualFold(a, string(c.Args[idx])) {
			return true
		}
	}
	return false
}

// checkKey tests one key against the selector's patterns.
func (s *Selector) checkKey(key string, need int) bool {
	if s.Flags&SelAllKeys != 0 {
		return true
	}
	for _, p := range s.Keys {
		if p.Perm&need != need {
			continue
		}
		if Match(p.Pattern, key) {
			return true
		}
	}
	return false
}

// unrestricted reports whether the selector may touch every key with the
// given permissions ("~*", "%R~*", allkeys).
func (s *Selector) unrestricted(need int) bool {
	if s.Flags&SelAllKeys != 0 {
		return true
	}
	for _, p := range s.Keys {
		if p.Perm&need == need && p.Pattern == "*" {
			return true
		}
	}
	return false
}

func channelInList(list []string, ch string, isPattern bool) bool {
	for _, p := range list {
		if (isPattern && p == ch) || (!isPattern && Match(p, ch)) {
			return true
		}
	}
	return false
}

type keyCache struct {
	done bool
	keys []KeyArg
}

func (s *Selector) checkCmd(c *Call, cache *keyCache) (int, int) {
	if !s.CommandAllowed(c) {
		return DeniedCmd, 0
	}
	if s.Flags&SelAllKeys == 0 && c.HasKeys && c.Keys != nil {
		if !cache.done {
			cache.keys, cache.done = c.Keys(), true
		}
		for _, k := range cache.keys {
			if k.Pos >= len(c.Args) {
				continue
			}
			if !s.checkKey(string(c.Args[k.Pos]), k.Need) {
				return DeniedKey, k.Pos
			}
		}
	}
	if s.Flags&SelAllChannels == 0 && c.Channels != nil {
		for _, ch := range c.Channels() {
			if ch.Pos >= len(c.Args) {
				continue
			}
			if !channelInList(s.Channels, string(c.Args[ch.Pos]), ch.Pattern) {
				return DeniedChannel, ch.Pos
			}
		}
	}
	return OK, 0
}

// CheckCmd is the check Redis runs before every command
// (ACLCheckAllUserCommandPerm): OK when some selector allows the call,
// else the most relevant failure and the index of the argument at fault
// (0 for the command itself). A nil user may run anything.
func (u *User) CheckCmd(c *Call) (result, idx int) {
	if u == nil {
		return OK, 0
	}
	relevant, last := DeniedCmd, 0
	var cache keyCache
	for _, s := range u.Selectors {
		r, i := s.checkCmd(c, &cache)
		if r == OK {
			return OK, 0
		}
		if r > relevant || (r == relevant && i > last) {
			relevant, last = r, i
		}
	}
	return relevant, last
}

// CheckCmdUnrestrictedKeys is RM_ACLCheckCommandPermissions's stricter
// sibling: some selector allows the call and may touch every key with
// need.
func (u *User) CheckCmdUnrestrictedKeys(c *Call, need int) bool {
	if u == nil {
		return true
	}
	var cache keyCache
	for _, s := range u.Selectors {
		if r, _ := s.checkCmd(c, &cache); r == OK && s.unrestricted(need) {
			return true
		}
	}
	return false
}

// CheckKey reports whether some selector lets u touch key with need.
func (u *User) CheckKey(key string, need int) bool {
	if u == nil {
		return true
	}
	for _, s := range u.Selectors {
		if s.checkKey(key, need) {
			return true
		}
	}
	return false
}

// CheckChannel reports whether some selector lets u use a channel (a
// pattern when isPattern).
func (u *User) CheckChannel(ch string, isPattern bool) bool {
	if u == nil {
		return true
	}
	for _, s := range u.Selectors {
		if s.Flags&SelAllChannels != 0 || channelInList(s.Channels, ch, isPattern) {
			return true
		}
	}
	return false
}

// ErrorMessage is the reason text of a failed check (Redis's
// getAclErrorMessage); verbose names the key or channel, as ACL DRYRUN
// does.
func ErrorMessage(result int, user, cmd, val string, verbose bool) string {
	switch result {
	case DeniedCmd:
		return "User " + user + " has no permissions to run the '" + cmd + "' command"
	case DeniedKey:
		if verbose {
			return "User " + user + " has no permissions to access the '" + val + "' key"
		}
		return "No permissions to access a key"
	case DeniedChannel:
		if verbose {
			return "User " + user + " has no permissions to access the '" + val + "' channel"
		}
		return "No permissions to access a channel"
	}
	return ""
}

// Log contexts.
const (
	CtxToplevel = iota
	CtxMulti
	CtxLua
	CtxModule
)

// LogEntry is one ACL LOG entry.
type LogEntry struct {
	Count    int64
	Reason   int
	Context  int
	Object   string
	Username string
	// CTime is the last update, Created the creation, both Unix ms.
	CTime, Created int64
	ClientInfo     string
	ID             int64
}

// ReasonName is the entry's "reason" field.
func (e *LogEntry) ReasonName() string {
	switch e.Reason {
	case DeniedCmd:
		return "command"
	case DeniedKey:
		return "key"
	case DeniedChannel:
		return "channel"
	case DeniedAuth:
		return "auth"
	}
	return "unknown"
}

// ContextName is the entry's "context" field.
func (e *LogEntry) ContextName() string {
	switch e.Context {
	case CtxToplevel:
		return "toplevel"
	case CtxMulti:
		return "multi"
	case CtxLua:
		return "lua"
	case CtxModule:
		return "module"
	}
	return "unknown"
}

// AddLog records a denial, folding it into a recent similar entry (same
// reason, context, object and user within 60 s among the newest ten) as
// Redis does. now is Unix ms.
func (r *Registry) AddLog(reason, context int, object, username, clientInfo string, now int64) {
	switch reason {
	case DeniedAuth:
		r.DeniedAuth++
	case DeniedCmd:
		r.DeniedCmd++
	case DeniedKey:
		r.DeniedKey++
	case DeniedChannel:
		r.DeniedChannel++
	}
	for i := 0; i < len(r.Log) && i < 10; i++ {
		e := r.Log[i]
		d := e.CTime - now
		if d < 0 {
			d = -d
		}
		if e.Reason == reason && e.Context == context && d <= 60000 && e.Object == object && e.Username == username {
			e.ClientInfo, e.CTime = clientInfo, now
			e.Count++
			copy(r.Log[1:i+1], r.Log[:i])
			r.Log[0] = e
			return
		}
	}
	e := &LogEntry{Count: 1, Reason: reason, Context: context, Object: object, Username: username,
		CTime: now, Created: now, ClientInfo: clientInfo, ID: r.logCount}
	r.logCount++
	r.Log = append([]*LogEntry{e}, r.Log...)
	if r.LogMax >= 0 && len(r.Log) > r.LogMax {
		r.Log = r.Log[:r.LogMax]
	}
}

// ResetLog empties the ACL log (ACL LOG RESET).
func (r *Registry) ResetLog() { r.Log = nil }

// InfoStats is the ACL part of INFO stats.
func (r *Registry) InfoStats() string {
	return "acl_access_denied_auth:" + strconv.FormatInt(r.DeniedAuth, 10) + "\r\n" +
		"acl_access_denied_cmd:" + strconv.FormatInt(r.DeniedCmd, 10) + "\r\n" +
		"acl_access_denied_key:" + strconv.FormatInt(r.DeniedKey, 10) + "\r\n" +
		"acl_access_denied_channel:" + strconv.FormatInt(r.DeniedChannel, 10) + "\r\n"
}
