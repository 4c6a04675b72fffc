package commands

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"strings"
	"sync"
	"time"

	"modhost/acl"
	"modhost/config"
	"modhost/engine"
)

func init() { groups = append(groups, registerACL) }

// aclSub builds an ACL subcommand entry (server group).
func aclSub(name string, arity int, flags engine.Flag, run func(*engine.Ctx), summary, since, complexity string, tips ...string) *engine.Spec {
	cats := []string{"slow"}
	if flags&admin != 0 {
		cats = []string{"admin", "slow", "dangerous"}
	}
	return &engine.Spec{Name: name, Arity: arity, Flags: flags | loading | stale, ACL: cats, Run: run,
		Summary: summary, Since: since, Group: "server", Complexity: complexity, Tips: tips}
}

func registerACL(t *engine.Table) {
	allNodes := []string{"request_policy:all_nodes", "response_policy:all_succeeded"}
	t.Add(&engine.Spec{Name: "acl", Arity: -2, ACL: []string{"slow"},
		Summary: "A container for Access List Control commands.", Since: "6.0.0", Group: "server", Complexity: "Depends on subcommand.",
		Subs: subs(
			aclSub("cat", -2, noscript, cmdACLCat, "Lists the ACL categories, or the commands inside a category.", "6.0.0", "O(1) since the categories and commands are a fixed set."),
			aclSub("deluser", -3, admin|noscript, cmdACLDeluser, "Deletes ACL users, and terminates their connections.", "6.0.0", "O(1) amortized time considering the typical user.", allNodes...),
			aclSub("dryrun", -4, admin|noscript, cmdACLDryrun, "Simulates the execution of a command by a user, without executing the command.", "7.0.0", "O(1)."),
			aclSub("genpass", -2, noscript, cmdACLGenpass, "Generates a pseudorandom, secure password that can be used to identify ACL users.", "6.0.0", "O(1)"),
			aclSub("getuser", 3, admin|noscript, cmdACLGetuser, "Lists the ACL rules of a user.", "6.0.0", "O(N). Where N is the number of password, command and pattern rules that the user has."),
			aclSub("help", 2, 0, cmdACLHelp, "Returns helpful text about the different subcommands.", "6.0.0", "O(1)"),
			aclSub("list", 2, admin|noscript, cmdACLList, "Dumps the effective rules in ACL file format.", "6.0.0", "O(N). Where N is the number of configured users."),
			aclSub("load", 2, admin|noscript, cmdACLLoad, "Reloads the rules from the configured ACL file.", "6.0.0", "O(N). Where N is the number of configured users."),
			aclSub("log", -2, admin|noscript, cmdACLLog, "Lists recent security events generated due to ACL rules.", "6.0.0", "O(N) with N being the number of entries shown."),
			aclSub("save", 2, admin|noscript, cmdACLSave, "Saves the effective ACL rules in the configured ACL file.", "6.0.0", "O(N). Where N is the number of configured users.", allNodes...),
			aclSub("setuser", -3, admin|noscript, cmdACLSetuser, "Creates and modifies an ACL user and its rules.", "6.0.0", "O(N). Where N is the number of rules provided.", allNodes...),
			aclSub("users", 2, admin|noscript, cmdACLUsers, "Lists all ACL users.", "6.0.0", "O(N). Where N is the number of configured users."),
			aclSub("whoami", 2, noscript, cmdACLWhoami, "Returns the authenticated username of the current connection.", "6.0.0", "O(1)"),
		)})
}

// Texts of the ACL command replies.
const (
	msgACLNoFile     = "ERR This Redis instance is not configured to use an ACL file. You may want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have a Redis configuration file set) in order to store users in the Redis configuration."
	msgACLSaveFailed = "ERR There was an error trying to save the ACLs. Please check the server logs for more information"
	msgACLUserSpaces = "ERR Usernames can't contain spaces or null characters"
	msgACLDelDefault = "ERR The 'default' user cannot be removed"
	msgACLGenpass    = "ERR ACL GENPASS argument must be the number of bits for the output password, a positive number up to 4096"
	msgACLChanged    = "NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC call. This command is no longer allowed for the following reason: "
)

// ACLState is one server's ACL: its users and log, the acl file, and the
// hooks the module layer plugs in.
type ACLState struct {
	Reg  *acl.Registry
	srv  *engine.Server
	File string // aclfile, "" when none
	Logf func(level int, format string, args ...any)

	// ModuleAuth, when set, lets modules try a username/password first
	// (RedisModule_RegisterAuthCallback). It returns one of the Auth*
	// results; with AuthErr, msg is the error text ("" for WRONGPASS).
	ModuleAuth func(c *engine.Ctx, user, pass []byte) (result int, msg string)
	// UserChanged runs when a client's user changes or the client is
	// deauthenticated (module auth callbacks fire from it).
	UserChanged func(c *engine.Client)

	// authing is the client whose module auth callback runs; authDecided
	// is set when a module authenticated it meanwhile.
	authing     *engine.Client
	authDecided bool

	// current is the client whose command is running (it must not be
	// freed under its own feet when it deletes its own user).
	current *engine.Client
}

// AuthReplied is the message of an AuthErr whose error reply a module
// already wrote.
const AuthReplied = "\x00replied"

// redacted replaces arguments SLOWLOG and MONITOR must not show.
var redacted = []byte("(redacted)")

// Results of an authentication attempt.
const (
	AuthOK = iota
	AuthErr
	AuthNotHandled
	AuthBlocked
)

var aclStates sync.Map // *engine.Server -> *ACLState

// ACLOf returns the server's ACL state, creating it (default user only)
// on first use and installing the dispatch check.
func ACLOf(s *engine.Server) *ACLState {
	if st, ok := aclStates.Load(s); ok {
		return st.(*ACLState)
	}
	st := &ACLState{srv: s}
	st.Reg = acl.NewRegistry(catalog{s})
	if s.RequirePass != "" {
		st.Reg.SetDefaultPassword(s.RequirePass)
	}
	st.Reg.Freed = st.userFreed
	st.Reg.ChannelsRevoked = st.channelsRevoked
	st.Reg.Warn = func(msg string) { st.log(levelWarning, "%s", msg) }
	actual, _ := aclStates.LoadOrStore(s, st)
	st = actual.(*ACLState)
	s.ACLCheck = st.check
	return st
}

// Log levels of ACLState.Logf (server.Level*).
const (
	levelNotice  = 2
	levelWarning = 3
)

func (st *ACLState) log(level int, format string, args ...any) {
	if st.Logf != nil {
		st.Logf(level, format, args...)
	}
}

// catalog shows the engine's command table to the acl package.
type catalog struct{ s *engine.Server }

func toACLCommand(sp *engine.Spec, sub bool) *acl.Command {
	c := &acl.Command{Name: sp.FullName(), Categories: acl.CategoryMask(commandCategories(sp)), IsSub: sub, Module: sp.Module != ""}
	for _, s := range sp.Subs {
		c.Subs = append(c.Subs, toACLCommand(s, true))
	}
	return c
}

func (k catalog) Lookup(name string) *acl.Command {
	base, sub, hasSub := strings.Cut(strings.ToLower(name), "|")
	sp := k.s.Commands.Lookup([]byte(base))
	if sp == nil {
		return nil
	}
	if !hasSub {
		return toACLCommand(sp, false)
	}
	ss := sp.Subs[sub]
	if ss == nil {
		return nil
	}
	return toACLCommand(ss, true)
}

func (k catalog) Commands() []*acl.Command {
	all := k.s.Commands.All()
	out := make([]*acl.Command, len(all))
	for i, sp := range all {
		out[i] = toACLCommand(sp, false)
	}
	return out
}

// UserOf returns the client's ACL user (the default user when it has
// none of its own).
func (st *ACLState) UserOf(c *engine.Client) *acl.User {
	if u, ok := c.ACLUser.(*acl.User); ok && u != nil {
		return u
	}
	return st.Reg.Default
}

// channelArgs finds the channels of a core Pub/Sub call that need
// permission (Redis's getChannelsFromCommand with the publish and
// subscribe flags).
func channelArgs(sp *engine.Spec, args [][]byte) []acl.ChanArg {
	var out []acl.ChanArg
	if sp.GetChannels != nil {
		// A getchannels-api module command: only what it publishes to or
		// subscribes to needs permission; unsubscribing is always allowed.
		for _, ch := range sp.GetChannels(args) {
			if ch.Flags&(engine.ChannelPublish|engine.ChannelSubscribe) != 0 {
				out = append(out, acl.ChanArg{Pos: ch.Pos, Pattern: ch.Flags&engine.ChannelPattern != 0})
			}
		}
		return out
	}
	switch sp.FullName() {
	case "publish", "spublish":
		if len(args) > 1 {
			out = append(out, acl.ChanArg{Pos: 1})
		}
	case "subscribe", "ssubscribe", "psubscribe":
		for i := 1; i < len(args); i++ {
			out = append(out, acl.ChanArg{Pos: i, Pattern: sp.Name == "psubscribe"})
		}
	}
	return out
}

// keyNeed turns key-spec flag words into the permissions a key needs.
func keyNeed(flags []string) int {
	need := 0
	for _, f := range flags {
		switch f {
		case "access":
			need |= acl.PermRead
		case "insert", "delete", "update":
			need |= acl.PermWrite
		}
	}
	return need
}

// CallOf describes a call of sp with args for the acl checks.
func CallOf(sp *engine.Spec, args [][]byte) *acl.Call {
	return &acl.Call{
		Name: sp.FullName(), IsSub: sp.Parent != nil, NoAuth: sp.Flags&engine.FlagNoAuth != 0,
		Args: args, HasKeys: sp.HasKeys(),
		Keys: func() []acl.KeyArg {
			refs := sp.KeysWithFlags(args)
			out := make([]acl.KeyArg, len(refs))
			for i, r := range refs {
				out[i] = acl.KeyArg{Pos: r.Pos, Need: keyNeed(r.Flags)}
			}
			return out
		},
		Channels: func() []acl.ChanArg { return channelArgs(sp, args) },
	}
}

// check is the engine's ACLCheck hook.
func (st *ACLState) check(c *engine.Client, sp *engine.Spec, args [][]byte, queued bool) string {
	if c.ACLUser == nil && c.Flags&(engine.ClientFake|engine.ClientMaster) != 0 {
		return "" // AOF loading, the master link: no user, no limits
	}
	u := st.UserOf(c)
	if u.CanRunEverything() {
		return ""
	}
	if !queued && c.Flags&engine.ClientMulti != 0 && sp.Flags&engine.FlagNoMulti != 0 {
		return "" // dispatch refuses it as not allowed in MULTI first
	}
	res, idx := u.CheckCmd(CallOf(sp, args))
	if res == acl.OK {
		return ""
	}
	ctx := acl.CtxToplevel
	logc := c
	switch {
	case c.Flags&engine.ClientScript != 0:
		// A script's command: the entry describes the client running
		// the script, as Redis's does.
		ctx = acl.CtxLua
		if st.srv.Current != nil {
			logc = st.srv.Current
		}
	case queued || c.Flags&engine.ClientMulti != 0:
		ctx = acl.CtxMulti
	}
	st.AddLog(logc, res, ctx, logObject(res, sp, args, idx), u.Name)
	if queued {
		switch res {
		case acl.DeniedCmd:
			return msgACLChanged + "no permission to execute the command or subcommand"
		case acl.DeniedKey:
			return msgACLChanged + "no permission to touch the specified keys"
		case acl.DeniedChannel:
			return msgACLChanged + "no permission to access one of the channels used as arguments"
		}
		return msgACLChanged + "no permission"
	}
	return "NOPERM " + acl.ErrorMessage(res, u.Name, sp.FullName(), string(args[idx]), false)
}

func logObject(res int, sp *engine.Spec, args [][]byte, idx int) string {
	if res == acl.DeniedCmd {
		return sp.FullName()
	}
	return string(args[idx])
}

// AddLog records an ACL LOG entry for client c.
func (st *ACLState) AddLog(c *engine.Client, reason, context int, object, username string) {
	if c == nil {
		// A module timer or thread: Redis describes its temporary
		// client, which has run nothing and has no user.
		c = st.srv.NewFakeClient()
		c.User = ""
	}
	info := st.srv.ClientInfo(c)
	st.Reg.AddLog(reason, context, object, username, info, time.Now().UnixMilli())
}

// syncAuth keeps the engine's notion of "a new connection must
// authenticate" (RequirePass non-empty) in step with the default user.
func (st *ACLState) syncAuth() {
	if st.Reg.AuthRequired() {
		if st.srv.RequirePass == "" {
			st.srv.RequirePass = "\x00acl"
		}
	} else {
		st.srv.RequirePass = ""
	}
}

// SetUser moves a client to user u (nil: the default user), marks it
// authenticated and tells the module layer.
func (st *ACLState) SetUser(c *engine.Client, u *acl.User) {
	if u == nil || u == st.Reg.Default {
		c.ACLUser = nil
		u = st.Reg.Default
	} else {
		c.ACLUser = u
	}
	c.User = u.Name
	c.Authed = true
	if st.UserChanged != nil {
		st.UserChanged(c)
	}
}

// Deauthenticate puts a client back on the default user, not
// authenticated.
func (st *ACLState) Deauthenticate(c *engine.Client) {
	c.ACLUser = nil
	c.User = "default"
	c.Authed = false
	if st.UserChanged != nil {
		st.UserChanged(c)
	}
}

// userFreed disconnects the clients of a deleted user.
func (st *ACLState) userFreed(u *acl.User) {
	for _, c := range st.srv.ClientsByID() {
		if cu, ok := c.ACLUser.(*acl.User); !ok || cu != u {
			continue
		}
		st.Deauthenticate(c)
		if c == st.current || c.CurrentCmd != nil {
			c.Flags |= engine.ClientCloseAfterReply
		} else {
			st.srv.KillClient(c)
		}
	}
}

// KillUserClients disconnects every client authenticated as u (module
// users being freed).
func (st *ACLState) KillUserClients(u *acl.User) { st.userFreed(u) }

// channelsRevoked disconnects u's subscribers whose subscriptions the new
// rules no longer allow.
func (st *ACLState) channelsRevoked(u, _ *acl.User) {
	for _, c := range st.srv.ClientsByID() {
		if st.UserOf(c) != u || c.Flags&engine.ClientFake != 0 {
			continue
		}
		kill := false
		for p := range c.Patterns {
			if !u.SubscriptionAllowed(p, true) {
				kill = true
			}
		}
		for ch := range c.Channels {
			if !u.SubscriptionAllowed(ch, false) {
				kill = true
			}
		}
		for ch := range c.ShardChannels {
			if !u.SubscriptionAllowed(ch, false) {
				kill = true
			}
		}
		if kill {
			st.srv.KillClient(c)
		}
	}
}

// Authenticate runs AUTH or HELLO's AUTH for c: modules first, then the
// users' passwords. On AuthErr it has logged the failure; msg is the
// error to reply ("" means WRONGPASS).
func (st *ACLState) Authenticate(c *engine.Ctx, user, pass []byte) (int, string) {
	if st.ModuleAuth != nil {
		// Redis logs only failed password checks, not module denials.
		if res, msg := st.ModuleAuth(c, user, pass); res != AuthNotHandled {
			if res == AuthOK {
				st.syncAuth()
			}
			return res, msg
		}
	}
	u := st.Reg.Authenticate(user, pass)
	if u == nil {
		st.logAuthFailure(c, user)
		return AuthErr, ""
	}
	st.SetUser(c.C, u)
	st.syncAuth()
	return AuthOK, ""
}

func (st *ACLState) logAuthFailure(c *engine.Ctx, user []byte) {
	ctx := acl.CtxToplevel
	if c.C.Flags&engine.ClientMulti != 0 {
		ctx = acl.CtxMulti
	}
	st.AddLog(c.C, acl.DeniedAuth, ctx, string(c.Args[0]), string(user))
}

// changed runs after rules of a user changed.
func (st *ACLState) changed() { st.syncAuth() }

// RulesChanged is changed for other layers (module users' rules).
func (st *ACLState) RulesChanged() { st.syncAuth() }

// SetUserQuiet moves c to user u, authenticated, without the
// user-changed notification (the module API fires it itself first).
func (st *ACLState) SetUserQuiet(c *engine.Client, u *acl.User) {
	if u == st.Reg.Default {
		c.ACLUser = nil
	} else {
		c.ACLUser = u
	}
	c.User = u.Name
	c.Authed = true
}

// BeginModuleAuth marks c as the client whose module auth callbacks run;
// it returns the previous one for EndModuleAuth.
func (st *ACLState) BeginModuleAuth(c *engine.Client) *engine.Client {
	prev := st.authing
	st.authing, st.authDecided = c, false
	return prev
}

// EndModuleAuth ends BeginModuleAuth.
func (st *ACLState) EndModuleAuth(prev *engine.Client) { st.authing, st.authDecided = prev, false }

// ResetModuleAuthResult forgets a decision before the next callback runs.
func (st *ACLState) ResetModuleAuthResult() { st.authDecided = false }

// ModuleAuthDecided reports whether a module authenticated the client
// while its callback ran.
func (st *ACLState) ModuleAuthDecided() bool { return st.authDecided }

// ModuleAuthResult records that a module decided c's authentication
// while its auth callback ran (Redis's CLIENT_MODULE_AUTH_HAS_RESULT).
func (st *ACLState) ModuleAuthResult(c *engine.Client) {
	if st.authing == c {
		st.authDecided = true
	}
}

func cmdACLSetuser(c *engine.Ctx) {
	st := ACLOf(c.S)
	name := c.Arg(2)
	if acl.HasSpaces(name) {
		c.Error(msgACLUserSpaces)
		return
	}
	rules := make([]string, 0, len(c.Args)-3)
	for _, a := range c.Args[3:] {
		rules = append(rules, string(a))
	}
	// The rules hold passwords: SLOWLOG and MONITOR see none of them.
	for j := 2; j < len(c.Args); j++ {
		c.Args[j] = redacted
	}
	st.current = c.C
	err := st.Reg.SetUser(name, rules)
	st.current = nil
	if err != nil {
		c.Error("ERR " + err.Error())
		return
	}
	st.changed()
	c.W.OK()
}

func cmdACLDeluser(c *engine.Ctx) {
	st := ACLOf(c.S)
	for _, a := range c.Args[2:] {
		if string(a) == "default" {
			c.Error(msgACLDelDefault)
			return
		}
	}
	n := 0
	st.current = c.C
	for _, a := range c.Args[2:] {
		if st.Reg.DelUser(string(a)) {
			n++
		}
	}
	st.current = nil
	c.W.Int(int64(n))
}

// writeSelector writes the commands/keys/channels fields of a selector.
func writeSelector(c *engine.Ctx, s *acl.Selector) {
	c.W.BulkString("commands")
	c.W.BulkString(s.CommandRules())
	c.W.BulkString("keys")
	c.W.BulkString(s.KeysString())
	c.W.BulkString("channels")
	c.W.BulkString(s.ChannelsString())
}

func cmdACLGetuser(c *engine.Ctx) {
	u := ACLOf(c.S).Reg.Get(c.Arg(2))
	if u == nil {
		c.W.Null()
		return
	}
	w := c.W
	w.Map(6)
	w.BulkString("flags")
	flags := u.FlagNames()
	w.Set(len(flags))
	for _, f := range flags {
		w.BulkString(f)
	}
	w.BulkString("passwords")
	w.Array(len(u.Passwords))
	for _, p := range u.Passwords {
		w.BulkString(p)
	}
	writeSelector(c, u.Root())
	w.BulkString("selectors")
	w.Array(len(u.Selectors) - 1)
	for _, s := range u.Selectors[1:] {
		w.Map(3)
		writeSelector(c, s)
	}
}

func cmdACLList(c *engine.Ctx) {
	users := ACLOf(c.S).Reg.Users()
	c.W.Array(len(users))
	for _, u := range users {
		c.W.BulkString("user " + u.Name + " " + u.Describe())
	}
}

func cmdACLUsers(c *engine.Ctx) {
	users := ACLOf(c.S).Reg.Users()
	c.W.Array(len(users))
	for _, u := range users {
		c.W.BulkString(u.Name)
	}
}

func cmdACLWhoami(c *engine.Ctx) {
	c.W.BulkString(ACLOf(c.S).UserOf(c.C).Name)
}

func cmdACLLoad(c *engine.Ctx) {
	st := ACLOf(c.S)
	if st.File == "" {
		c.Error(msgACLNoFile)
		return
	}
	st.current = c.C
	err := st.Reg.LoadFile(st.File)
	st.current = nil
	if err != nil {
		c.Error("ERR " + err.Error())
		return
	}
	st.changed()
	c.W.OK()
}

func cmdACLSave(c *engine.Ctx) {
	st := ACLOf(c.S)
	if st.File == "" {
		c.Error(msgACLNoFile)
		return
	}
	if err := st.Reg.SaveFile(st.File); err != nil {
		st.log(levelWarning, "Saving ACL file for ACL SAVE: %s", err.Error())
		c.Error(msgACLSaveFailed)
		return
	}
	c.W.OK()
}

func cmdACLCat(c *engine.Ctx) {
	if len(c.Args) > 3 {
		replySubcommandSyntax(c)
		return
	}
	if len(c.Args) == 2 {
		c.W.Array(len(acl.Categories))
		for _, name := range acl.Categories {
			c.W.BulkString(name)
		}
		return
	}
	bit := acl.CategoryBit(c.Arg(2))
	if bit == 0 {
		c.Error("ERR Unknown category '" + cArg(c.Args[2], 128) + "'")
		return
	}
	var names []string
	var walk func(cmds []*acl.Command)
	walk = func(cmds []*acl.Command) {
		for _, cmd := range cmds {
			if cmd.Module {
				continue
			}
			if cmd.Categories&bit != 0 {
				names = append(names, cmd.Name)
			}
			walk(cmd.Subs)
		}
	}
	walk(catalog{c.S}.Commands())
	c.W.Array(len(names))
	for _, n := range names {
		c.W.BulkString(n)
	}
}

func cmdACLGenpass(c *engine.Ctx) {
	if len(c.Args) > 3 {
		replySubcommandSyntax(c)
		return
	}
	bits := int64(256)
	if len(c.Args) == 3 {
		v, ok := parseInt64(c.Args[2])
		if !ok {
			c.Error(msgNotInteger)
			return
		}
		bits = v
	}
	if bits <= 0 || bits > 4096 {
		c.Error(msgACLGenpass)
		return
	}
	chars := (bits + 3) / 4
	buf := make([]byte, (chars+1)/2)
	rand.Read(buf)
	c.W.BulkString(hex.EncodeToString(buf)[:chars])
}

func cmdACLLog(c *engine.Ctx) {
	if len(c.Args) > 3 {
		replySubcommandSyntax(c)
		return
	}
	reg := ACLOf(c.S).Reg
	count := int64(10)
	if len(c.Args) == 3 {
		if strings.EqualFold(c.Arg(2), "reset") {
			reg.ResetLog()
			c.W.OK()
			return
		}
		v, ok := parseInt64(c.Args[2])
		if !ok {
			c.Error(msgNotInteger)
			return
		}
		count = max(v, 0)
	}
	count = min(count, int64(len(reg.Log)))
	now := time.Now().UnixMilli()
	w := c.W
	w.Array(int(count))
	for _, e := range reg.Log[:count] {
		w.Map(10)
		w.BulkString("count")
		w.Int(e.Count)
		w.BulkString("reason")
		w.BulkString(e.ReasonName())
		w.BulkString("context")
		w.BulkString(e.ContextName())
		w.BulkString("object")
		w.BulkString(e.Object)
		w.BulkString("username")
		w.BulkString(e.Username)
		w.BulkString("age-seconds")
		w.Double(float64(now-e.CTime) / 1000)
		w.BulkString("client-info")
		w.BulkString(e.ClientInfo)
		w.BulkString("entry-id")
		w.Int(e.ID)
		w.BulkString("timestamp-created")
		w.Int(e.Created)
		w.BulkString("timestamp-last-updated")
		w.Int(e.CTime)
	}
}

func cmdACLDryrun(c *engine.Ctx) {
	st := ACLOf(c.S)
	u := st.Reg.Get(c.Arg(2))
	if u == nil {
		c.Error("ERR User '" + cArg(c.Args[2], len(c.Args[2])) + "' not found")
		return
	}
	args := c.Args[3:]
	sp := c.S.Commands.Lookup(args[0])
	if sp != nil && len(sp.Subs) > 0 && len(args) >= 2 {
		sp = sp.Subs[strings.ToLower(string(args[1]))]
	}
	if sp == nil {
		c.Error("ERR Command '" + cArg(args[0], len(args[0])) + "' not found")
		return
	}
	if (sp.Arity > 0 && sp.Arity != len(args)) || len(args) < -sp.Arity {
		c.Error(fmt.Sprintf("ERR wrong number of arguments for '%s' command", sp.FullName()))
		return
	}
	res, idx := u.CheckCmd(CallOf(sp, args))
	if res != acl.OK {
		c.W.BulkString(acl.ErrorMessage(res, u.Name, sp.FullName(), string(args[idx]), true))
		return
	}
	c.W.OK()
}

func cmdACLHelp(c *engine.Ctx) {
	replyHelp(c, `
CAT [<category>]
    List all commands that belong to <category>, or all command categories
    when no category is specified.
DELUSER <username> [<username> ...]
    Delete a list of users.
DRYRUN <username> <command> [<arg> ...]
    Returns whether the user can execute the given command without executing the command.
GETUSER <username>
    Get the user's details.
GENPASS [<bits>]
    Generate a secure 256-bit user password. The optional `+"`bits`"+` argument can
    be used to specify a different size.
LIST
    Show users details in config file format.
LOAD
    Reload users from the ACL file.
LOG [<count> | RESET]
    Show the ACL log entries.
SAVE
    Save the current config to the ACL file.
SETUSER <username> <attribute> [<attribute> ...]
    Create or modify a user with the specified attributes.
USERS
    List all the registered usernames.
WHOAMI
    Return the current connection username.
`)
}

// ValidateUserDirective returns the config loader's check of "user"
// lines (config.Hooks.User): Redis's error for the first bad rule, and
// duplicate users refused. args are the directive's arguments (name,
// rules...).
func ValidateUserDirective(t *engine.Table) func(args []string) error {
	seen := map[string]bool{}
	return func(args []string) error {
		full := append([]string{"user"}, args...)
		if seen[args[0]] {
			return fmt.Errorf("Error in user declaration '%s': %s", full[1], acl.ErrDuplicateUser.Error())
		}
		s := engine.New(1)
		s.Commands = t
		reg := acl.NewRegistry(catalog{s})
		if bad, err := reg.ValidateUserLine(args[1:]); err != nil {
			return fmt.Errorf("Error in user declaration '%s': %s", full[min(bad, len(full)-1)], err.Error())
		}
		seen[args[0]] = true
		return nil
	}
}

// SetupACL wires the ACL to the configuration: requirepass drives the
// default user, acl-pubsub-default and acllog-max-len apply at once, and
// CONFIG REWRITE writes the users back. Call LoadACLUsers once modules
// are loaded. Lock not needed (before serving).
func SetupACL(eng *engine.Server, cfg *config.Config, logf func(level int, format string, args ...any)) {
	st := ACLOf(eng)
	st.Logf = logf
	st.File = cfg.String("aclfile")
	pubsub := func() {
		if cfg.String("acl-pubsub-default") == "allchannels" {
			st.Reg.PubsubDefault = acl.SelAllChannels
		} else {
			st.Reg.PubsubDefault = 0
		}
	}
	pubsub()
	cfg.OnApply("acl-pubsub-default", func(_, _ string) error { pubsub(); return nil })
	st.Reg.LogMax = int(cfg.Int("acllog-max-len"))
	cfg.OnApply("acllog-max-len", func(_, _ string) error {
		st.Reg.LogMax = int(cfg.Int("acllog-max-len"))
		if len(st.Reg.Log) > st.Reg.LogMax {
			st.Reg.Log = st.Reg.Log[:st.Reg.LogMax]
		}
		return nil
	})
	st.Reg.SetDefaultPassword(cfg.String("requirepass"))
	st.syncAuth()
	cfg.OnApply("requirepass", func(_, _ string) error {
		st.Reg.SetDefaultPassword(cfg.String("requirepass"))
		st.syncAuth()
		return nil
	})
	cs := eng.Config()
	cs.Rewrite.Users = func() []string {
		var out []string
		for _, u := range st.Reg.Users() {
			out = append(out, "user "+u.Name+" "+u.Describe())
		}
		return out
	}
}

// LoadACLUsers creates the users of the config file's "user" lines, or
// loads the aclfile; both at once is refused, as Redis does.
func LoadACLUsers(eng *engine.Server, cfg *config.Config) error {
	st := ACLOf(eng)
	users := cfg.Users()
	if st.File != "" && len(users) > 0 {
		return fmt.Errorf("Configuring Redis with users defined in redis.conf and at the same setting an ACL file path is invalid. This setup is very likely to lead to configuration errors and security holes, please define either an ACL file or declare users directly in your redis.conf, but not both.")
	}
	if err := st.Reg.LoadConfigured(users); err != nil {
		return err
	}
	for _, l := range users {
		if u := st.Reg.Get(l[0]); u != nil && !u.Enabled() {
			st.log(levelNotice, "The user '%s' is disabled (there is no 'on' modifier in the user description). Make sure this is not a configuration error.", l[0])
		}
	}
	if st.File != "" {
		if err := st.Reg.LoadFile(st.File); err != nil {
			return fmt.Errorf("Aborting Redis startup because of ACL errors: %s", err.Error())
		}
	}
	st.syncAuth()
	return nil
}

// aclRecheck checks a blocked command again when its key is ready, as
// Redis does when it reprocesses the command: a refusal is the client's
// reply, and the call counts as rejected instead of executed. It returns
// the refusal ("" when allowed).
func aclRecheck(s *engine.Server, c *engine.Client, cmd *engine.Spec, args [][]byte) string {
	if s.ACLCheck == nil {
		return ""
	}
	msg := s.ACLCheck(c, cmd, args, false)
	if msg != "" {
		c.W.Error(msg)
		s.CountError(msg)
		cmd.Stats.Calls.Add(-1)
		cmd.Stats.Rejected.Add(1)
	}
	return msg
}

// aclInfoStat returns an acl_access_denied_* counter for INFO stats.
func aclInfoStat(s *engine.Server, name string) int64 {
	st, ok := aclStates.Load(s)
	if !ok {
		return 0
	}
	r := st.(*ACLState).Reg
	switch name {
	case "auth":
		return r.DeniedAuth
	case "cmd":
		return r.DeniedCmd
	case "key":
		return r.DeniedKey
	}
	return r.DeniedChannel
}
