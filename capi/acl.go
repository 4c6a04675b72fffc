package capi

// The Go side of shim/acl.c: module users, ACL checks and log entries,
// authenticating clients as users (with the module's user-changed
// callbacks), and the ACL check of RM_Call's "C" flag.

/*
#include <stdlib.h>
#include "capi.h"
uint64_t mh_call_user_get(void);
void mh_invoke_user_changed(void *cb, uint64_t client_id, void *privdata);
int mh_invoke_auth_cb(void *cb, mh_module *m, uint64_t client, int resp, const char *user, size_t ulen,
                      const char *pass, size_t plen, char **err, size_t *errlen, char **raw, size_t *rawlen);
int mh_bc_auth_reply(RedisModuleBlockedClient *bc, const char *user, size_t ulen, const char *pass, size_t plen,
                     char **err, size_t *errlen);
*/
import "C"

import (
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"unsafe"

	"modhost/acl"
	"modhost/commands"
	"modhost/engine"
)

// moduleUser is what a RedisModuleUser handle stands for.
type moduleUser struct {
	h *Host
	u *acl.User
	// owned users were made by CreateModuleUser; freeing the wrapper
	// deletes them.
	owned bool
}

// authCallback is a module's RedisModuleUserChangedFunc for one client.
type authCallback struct {
	fn, priv unsafe.Pointer
}

var (
	userHandles sync.Map // uint64 -> *moduleUser
	nextUser    atomic.Uint64
	// authCallbacks by client id; guarded by the execution lock.
	authCallbacks = map[int64]authCallback{}
)

func newUserHandle(mu *moduleUser) C.uint64_t {
	id := nextUser.Add(1)
	userHandles.Store(id, mu)
	return C.uint64_t(id)
}

func lookupUser(h C.uint64_t) *moduleUser {
	v, ok := userHandles.Load(uint64(h))
	if !ok {
		return nil
	}
	return v.(*moduleUser)
}

// authCB is a module's RedisModuleAuthCallback.
type authCB struct {
	m  *Module
	fn unsafe.Pointer
}

// authCBs are the module auth callbacks of each host, newest first;
// guarded by the execution lock.
var authCBs = map[*Host][]authCB{}

//export goRegisterAuthCallback
func goRegisterAuthCallback(handle C.uint64_t, fn unsafe.Pointer) {
	defer guard("RegisterAuthCallback")
	m := lookupModule(handle)
	if m == nil {
		return
	}
	authCBs[m.host] = append([]authCB{{m: m, fn: fn}}, authCBs[m.host]...)
}

// authResult is a module's verdict on an authentication.
type authResult struct {
	res int
	msg string
}

// Module auth in progress: the attempt's credentials (what a blocked
// auth's reply callback gets), and the verdicts of finished blocked auths
// waiting for their command to run again. Guarded by the execution lock.
var (
	authUser, authPass []byte
	authAttempt        *engine.Client
	pendingAuth        = map[*engine.Client]authResult{}
)

//export goClientInModuleAuth
func goClientInModuleAuth(client C.uint64_t) C.int {
	defer guard("BlockClientOnAuth")
	if ref := lookupClient(client); ref != nil && ref.c == authAttempt {
		return 1
	}
	return 0
}

//export goAuthBlock
func goAuthBlock(id C.uint64_t) {
	defer guard("BlockClientOnAuth")
	blocks.Lock()
	bs := blocks.m[uint64(id)]
	blocks.Unlock()
	if bs == nil || bs.c.CurrentCmd == nil {
		return
	}
	c, h, cmd := bs.c, bs.h, bs.c.CurrentCmd
	args := make([][]byte, len(c.CurrentArgs))
	for i, a := range c.CurrentArgs {
		args[i] = append([]byte(nil), a...)
	}
	user, pass := append([]byte(nil), authUser...), append([]byte(nil), authPass...)
	bc := bs.bc
	// A client that goes away mid-auth never ran AUTH, as Redis counts it.
	if gone := bs.b.Disconnected; gone != nil {
		bs.b.Disconnected = func() {
			gone()
			cmd.Stats.Calls.Add(-1)
		}
	}
	// Unblocking runs the reply callback for the verdict, then AUTH or
	// HELLO again, which takes the verdict instead of asking the modules.
	bs.b.Resume = func() {
		bs.finish(uint64(id), func(*C.mh_buf) {
			st := commands.ACLOf(h.Eng)
			up, pp := cbytesOf(user), cbytesOf(pass)
			defer C.free(unsafe.Pointer(up))
			defer C.free(unsafe.Pointer(pp))
			prev := st.BeginModuleAuth(c)
			var errp *C.char
			var errlen C.size_t
			rc := C.mh_bc_auth_reply(bc, up, C.size_t(len(user)), pp, C.size_t(len(pass)), &errp, &errlen)
			msg := ""
			if errp != nil {
				msg = C.GoStringN(errp, C.int(errlen))
				C.free(unsafe.Pointer(errp))
			}
			r := authResult{res: commands.AuthNotHandled}
			if rc == 0 {
				r = authResult{res: commands.AuthErr, msg: msg}
				if st.ModuleAuthDecided() && c.Authed {
					r = authResult{res: commands.AuthOK}
				}
			}
			st.EndModuleAuth(prev)
			pendingAuth[c] = r
			// The handler alone: the blocked call's statistics are
			// already pending and complete with this reply.
			errs := h.Eng.Stats.ErrorReplies
			cmd.Run(&engine.Ctx{S: h.Eng, C: c, Cmd: cmd, Args: args, DB: c.DB, W: c.W})
			if h.Eng.Stats.ErrorReplies != errs {
				cmd.Stats.Failed.Add(1)
			}
			delete(pendingAuth, c)
		}, true)
	}
}

// moduleAuth runs the module auth callbacks for AUTH / HELLO AUTH.
func (h *Host) moduleAuth(st *commands.ACLState, c *engine.Ctx, user, pass []byte) (int, string) {
	if r, ok := pendingAuth[c.C]; ok {
		delete(pendingAuth, c.C)
		return r.res, r.msg
	}
	cbs := authCBs[h]
	if len(cbs) == 0 {
		return commands.AuthNotHandled, ""
	}
	prevAuthing := st.BeginModuleAuth(c.C)
	defer st.EndModuleAuth(prevAuthing)
	prevAttempt, prevUser, prevPass := authAttempt, authUser, authPass
	authAttempt, authUser, authPass = c.C, user, pass
	defer func() { authAttempt, authUser, authPass = prevAttempt, prevUser, prevPass }()
	handled, msg, replied := false, "", false
	up, pp := cbytesOf(user), cbytesOf(pass)
	defer C.free(unsafe.Pointer(up))
	defer C.free(unsafe.Pointer(pp))
	for _, cb := range cbs {
		st.ResetModuleAuthResult()
		var errp *C.char
		var errlen C.size_t
		var raw *C.char
		var rawlen C.size_t
		rc := C.mh_invoke_auth_cb(cb.fn, cb.m.c, C.uint64_t(c.C.ID), C.int(c.C.Resp),
			up, C.size_t(len(user)), pp, C.size_t(len(pass)), &errp, &errlen, &raw, &rawlen)
		if raw != nil {
			// The callback replied itself (BlockClientOnAuth's error in
			// MULTI); Redis then adds no auth error of its own.
			c.W.Raw(C.GoBytes(unsafe.Pointer(raw), C.int(rawlen)))
			C.free(unsafe.Pointer(raw))
			c.S.CountError("ERR")
			replied = true
		}
		msg = ""
		if errp != nil {
			msg = C.GoStringN(errp, C.int(errlen))
			C.free(unsafe.Pointer(errp))
		}
		if rc == 0 { // REDISMODULE_AUTH_HANDLED
			handled = true
			break
		}
	}
	if c.C.Blocked != nil {
		return commands.AuthBlocked, ""
	}
	if !handled {
		return commands.AuthNotHandled, ""
	}
	if st.ModuleAuthDecided() && c.C.Authed {
		return commands.AuthOK, ""
	}
	if replied {
		return commands.AuthErr, commands.AuthReplied
	}
	return commands.AuthErr, msg
}

// cbytesOf copies b into C memory the caller frees.
func cbytesOf(b []byte) *C.char {
	p := C.malloc(C.size_t(len(b) + 1))
	copy(unsafe.Slice((*byte)(p), len(b)+1), b)
	return (*C.char)(p)
}

// initACL connects the host to the server's ACL: a client's user change
// or disconnection fires the module callback registered for it, and AUTH
// asks the modules' auth callbacks first.
func (h *Host) initACL() {
	st := commands.ACLOf(h.Eng)
	st.ModuleAuth = func(c *engine.Ctx, user, pass []byte) (int, string) { return h.moduleAuth(st, c, user, pass) }
	st.UserChanged = func(c *engine.Client) { fireUserChanged(c.ID) }
	h.Eng.Hooks.ClientClosed = append(h.Eng.Hooks.ClientClosed, func(c *engine.Client) { fireUserChanged(c.ID) })
}

// aclRecompute re-applies every user's command rules after a module's
// commands came or went, as Redis does.
func aclRecompute(h *Host) {
	commands.ACLOf(h.Eng).Reg.Recompute()
	// An unloaded module's auth callbacks go with it.
	kept := authCBs[h][:0]
	for _, cb := range authCBs[h] {
		if _, ok := modulesByID.Load(cb.m.Handle); ok {
			kept = append(kept, cb)
		}
	}
	authCBs[h] = kept
}

// fireUserChanged runs and forgets the client's user-changed callback
// (Redis's moduleNotifyUserChanged).
func fireUserChanged(id int64) {
	cb, ok := authCallbacks[id]
	if !ok {
		return
	}
	delete(authCallbacks, id)
	C.mh_invoke_user_changed(cb.fn, C.uint64_t(id), cb.priv)
}

func hostAny() *Host {
	h, _ := anyHost.Load().(*Host)
	return h
}

// cbytes copies n C bytes at p.
func cbytes(p *C.char, n C.size_t) []byte { return C.GoBytes(unsafe.Pointer(p), C.int(n)) }

// cstring hands a Go string to C as malloc'ed bytes the shim frees.
func cstring(s string, n *C.size_t) *C.char {
	*n = C.size_t(len(s))
	p := C.malloc(C.size_t(len(s) + 1))
	b := unsafe.Slice((*byte)(p), len(s)+1)
	copy(b, s)
	b[len(s)] = 0
	return (*C.char)(p)
}

//export goCreateModuleUser
func goCreateModuleUser(name *C.char, n C.size_t) C.uint64_t {
	defer guard("CreateModuleUser")
	h := hostAny()
	if h == nil {
		return 0
	}
	u := commands.ACLOf(h.Eng).Reg.NewUnlinked(string(cbytes(name, n)))
	u.Module = true
	return newUserHandle(&moduleUser{h: h, u: u, owned: true})
}

//export goFreeModuleUser
func goFreeModuleUser(handle C.uint64_t) {
	defer guard("FreeModuleUser")
	v, ok := userHandles.LoadAndDelete(uint64(handle))
	if !ok {
		return
	}
	mu := v.(*moduleUser)
	if mu.owned {
		commands.ACLOf(mu.h.Eng).KillUserClients(mu.u)
	}
}

//export goSetModuleUserACL
func goSetModuleUserACL(handle C.uint64_t, rule *C.char, n C.size_t) C.int {
	defer guard("SetModuleUserACL")
	mu := lookupUser(handle)
	if mu == nil {
		return C.int(1)
	}
	st := commands.ACLOf(mu.h.Eng)
	if err := st.Reg.ApplyOp(mu.u, string(cbytes(rule, n))); err != nil {
		return 1 // REDISMODULE_ERR
	}
	st.RulesChanged()
	return 0
}

//export goSetModuleUserACLString
func goSetModuleUserACLString(handle C.uint64_t, rules *C.char, n C.size_t, errOut **C.char, errLen *C.size_t) C.int {
	defer guard("SetModuleUserACLString")
	mu := lookupUser(handle)
	if mu == nil {
		return 1
	}
	st := commands.ACLOf(mu.h.Eng)
	args, _ := acl.SplitArgs(string(cbytes(rules, n)))
	if err := st.Reg.ApplyRules(mu.u, args); err != nil {
		*errOut = cstring(err.Error(), errLen)
		return 1
	}
	st.RulesChanged()
	return 0
}

//export goGetModuleUserACLString
func goGetModuleUserACLString(handle C.uint64_t, n *C.size_t) *C.char {
	defer guard("GetModuleUserACLString")
	mu := lookupUser(handle)
	if mu == nil {
		return nil
	}
	return cstring(mu.u.Describe(), n)
}

//export goGetCurrentUserName
func goGetCurrentUserName(client C.uint64_t, n *C.size_t) *C.char {
	defer guard("GetCurrentUserName")
	ref := lookupClient(client)
	if ref == nil {
		return nil
	}
	return cstring(commands.ACLOf(ref.h.Eng).UserOf(ref.c).Name, n)
}

//export goGetModuleUserFromUserName
func goGetModuleUserFromUserName(name *C.char, n C.size_t) C.uint64_t {
	defer guard("GetModuleUserFromUserName")
	h := hostAny()
	if h == nil {
		return 0
	}
	u := commands.ACLOf(h.Eng).Reg.Get(string(cbytes(name, n)))
	if u == nil {
		return 0
	}
	return newUserHandle(&moduleUser{h: h, u: u})
}

//export goACLCheckCommandPermissions
func goACLCheckCommandPermissions(handle C.uint64_t, buf *C.char, lens *C.size_t, argc C.int) C.int {
	defer guard("ACLCheckCommandPermissions")
	mu := lookupUser(handle)
	if mu == nil || argc < 1 {
		return C.int(syscall.ENOENT)
	}
	args := make([][]byte, int(argc))
	ls := unsafe.Slice(lens, int(argc))
	off := 0
	for i := range args {
		args[i] = C.GoBytes(unsafe.Add(unsafe.Pointer(buf), off), C.int(ls[i]))
		off += int(ls[i])
	}
	sp := lookupForACL(mu.h.Eng, args)
	if sp == nil {
		return C.int(syscall.ENOENT)
	}
	if res, _ := mu.u.CheckCmd(commands.CallOf(sp, args)); res != acl.OK {
		return C.int(syscall.EACCES)
	}
	return 0
}

// lookupForACL finds the command args names as Redis's lookupCommand
// does: the subcommand when the command has them, nil for an unknown
// one; arity is not checked.
func lookupForACL(eng *engine.Server, args [][]byte) *engine.Spec {
	sp := eng.Commands.Lookup(args[0])
	if sp == nil || len(sp.Subs) == 0 || len(args) < 2 {
		return sp
	}
	return sp.Subs[strings.ToLower(string(args[1]))]
}

// keyNeedBits turns REDISMODULE_CMD_KEY_* bits into acl permissions.
func keyNeedBits(flags uint64) int {
	need := 0
	if flags&engine.KeyAccess != 0 {
		need |= acl.PermRead
	}
	if flags&(engine.KeyInsert|engine.KeyDelete|engine.KeyUpdate) != 0 {
		need |= acl.PermWrite
	}
	return need
}

//export goACLCheckKeyPermissions
func goACLCheckKeyPermissions(handle C.uint64_t, key *C.char, n C.size_t, flags C.int) C.int {
	defer guard("ACLCheckKeyPermissions")
	mu := lookupUser(handle)
	if mu == nil {
		return 0
	}
	if mu.u.CheckKey(string(cbytes(key, n)), keyNeedBits(uint64(flags))) {
		return 1
	}
	return 0
}

//export goACLCheckChannelPermissions
func goACLCheckChannelPermissions(handle C.uint64_t, ch *C.char, n C.size_t, pattern C.int) C.int {
	defer guard("ACLCheckChannelPermissions")
	mu := lookupUser(handle)
	if mu == nil {
		return 0
	}
	if mu.u.CheckChannel(string(cbytes(ch, n)), pattern != 0) {
		return 1
	}
	return 0
}

//export goACLAddLogEntry
func goACLAddLogEntry(client, handle C.uint64_t, uname *C.char, ulen C.size_t, obj *C.char, olen C.size_t, reason C.int) C.int {
	defer guard("ACLAddLogEntry")
	var r int
	switch reason {
	case 0:
		r = acl.DeniedAuth
	case 1:
		r = acl.DeniedCmd
	case 2:
		r = acl.DeniedKey
	case 3:
		r = acl.DeniedChannel
	default:
		return 1
	}
	ref := lookupClient(client)
	var h *Host
	var c *engine.Client
	if ref != nil {
		h, c = ref.h, ref.c
	} else {
		h = hostAny()
	}
	name := ""
	if handle != 0 {
		mu := lookupUser(handle)
		if mu == nil {
			return 1
		}
		name = mu.u.Name
	} else {
		name = string(cbytes(uname, ulen))
	}
	if h == nil {
		return 1
	}
	commands.ACLOf(h.Eng).AddLog(c, r, acl.CtxModule, string(cbytes(obj, olen)), name)
	return 0
}

//export goAuthenticateClient
func goAuthenticateClient(client, module, handle C.uint64_t, name *C.char, nlen C.size_t, fn, priv unsafe.Pointer, outID *C.uint64_t) C.int {
	defer guard("AuthenticateClientWithUser")
	ref := lookupClient(client)
	if ref == nil || ref.c.Flags&(engine.ClientModule|engine.ClientFake) != 0 {
		return 1
	}
	st := commands.ACLOf(ref.h.Eng)
	var u *acl.User
	if handle != 0 {
		mu := lookupUser(handle)
		if mu == nil {
			return 1
		}
		u = mu.u
	} else {
		u = st.Reg.Get(string(cbytes(name, nlen)))
		if u == nil {
			return 1
		}
	}
	if !u.Enabled() {
		return 1
	}
	fireUserChanged(ref.c.ID)
	st.SetUserQuiet(ref.c, u)
	st.ModuleAuthResult(ref.c)
	if fn != nil {
		authCallbacks[ref.c.ID] = authCallback{fn: fn, priv: priv}
	}
	if outID != nil {
		*outID = C.uint64_t(ref.c.ID)
	}
	return 0
}

//export goDeauthenticateAndCloseClient
func goDeauthenticateAndCloseClient(id C.uint64_t) C.int {
	defer guard("DeauthenticateAndCloseClient")
	ref := lookupClient(id)
	if ref == nil {
		return 1
	}
	st := commands.ACLOf(ref.h.Eng)
	st.Deauthenticate(ref.c)
	if ref.c.CurrentCmd != nil {
		ref.c.Flags |= engine.ClientCloseAfterReply
	} else {
		ref.h.Eng.KillClient(ref.c)
	}
	return 0
}

//export goRedactClientCommandArgument
func goRedactClientCommandArgument(client C.uint64_t, pos C.int) C.int {
	defer guard("RedactClientCommandArgument")
	ref := lookupClient(client)
	if ref == nil || int(pos) >= len(ref.c.CurrentArgs) {
		return 1
	}
	// The slice is the one SLOWLOG and MONITOR read after the command.
	ref.c.CurrentArgs[pos] = []byte("(redacted)")
	return 0
}

// callACL applies RM_Call's "C" flag: the command runs as the user the
// context set (RM_SetContextUser) or as the calling client's user, and is
// refused as Redis refuses it when that user may not run it. ok is false
// when the call must stop with (reply, errno); otherwise u is the user the
// command runs as.
func callACL(h *Host, caller *clientRef, cmd *engine.Spec, args [][]byte, flags int) (reply []byte, e syscall.Errno, ok bool, u *acl.User) {
	st := commands.ACLOf(h.Eng)
	if uh := C.mh_call_user_get(); uh != 0 {
		if mu := lookupUser(C.uint64_t(uh)); mu != nil {
			u = mu.u
		}
	} else if caller != nil && caller.c.Flags&(engine.ClientModule|engine.ClientFake) == 0 {
		u = st.UserOf(caller.c)
	}
	if u == nil {
		reply, e, ok = failCall(flags, syscall.ENOTSUP, "cannot run as user, no user directly attached to context or context's client")
		return reply, e, ok, nil
	}
	res, idx := u.CheckCmd(commands.CallOf(cmd, args))
	if res == acl.OK {
		return nil, 0, true, u
	}
	obj := cmd.FullName()
	if res != acl.DeniedCmd {
		obj = string(args[idx])
	}
	var c *engine.Client
	if caller != nil {
		c = caller.c
	}
	st.AddLog(c, res, acl.CtxModule, obj, u.Name)
	reply, e, ok = failCall(flags, syscall.EACCES, "NOPERM "+acl.ErrorMessage(res, u.Name, cmd.FullName(), string(args[idx]), false))
	return reply, e, ok, nil
}

// failCall ends an RM_Call: with the "E" flag the error is the reply,
// without it RM_Call returns NULL with errno e.
func failCall(flags int, e syscall.Errno, msg string) ([]byte, syscall.Errno, bool) {
	if flags&callErrors == 0 {
		return nil, e, false
	}
	return []byte("-" + msg + "\r\n"), 0, false
}
