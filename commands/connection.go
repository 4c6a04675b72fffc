package commands

import (
	"fmt"
	"strconv"
	"strings"

	"modhost/engine"
)

func init() { groups = append(groups, registerConnection) }

// connSpec builds a connection-group table entry.
func connSpec(name string, arity int, flags engine.Flag, run func(*engine.Ctx), summary, since string, tips ...string) *engine.Spec {
	return &engine.Spec{Name: name, Arity: arity, Flags: flags, ACL: []string{"connection"}, Run: run,
		Summary: summary, Since: since, Group: "connection", Complexity: "O(1)", Tips: tips}
}

func registerConnection(t *engine.Table) {
	auth := connSpec("auth", -2, noscript|loading|stale|fast|noauth|engine.FlagAllowBusy, cmdAuth, "Authenticates the connection.", "1.0.0")
	auth.Complexity = "O(N) where N is the number of passwords defined for the user"
	t.Add(auth)
	t.Add(connSpec("echo", 2, loading|stale|fast, cmdEcho, "Returns the given string.", "1.0.0"))
	hello := connSpec("hello", -1, noscript|loading|stale|fast|noauth|engine.FlagAllowBusy, cmdHello, "Handshakes with the Redis server.", "6.0.0")
	t.Add(hello)
	t.Add(connSpec("ping", -1, fast, cmdPing, "Returns the server's liveliness response.", "1.0.0", "request_policy:all_shards", "response_policy:all_succeeded"))
	t.Add(connSpec("quit", -1, engine.FlagAllowBusy|noscript|loading|stale|fast|noauth, cmdQuit, "Closes the connection.", "1.0.0"))
	t.Add(connSpec("reset", 1, noscript|loading|stale|fast|noauth|engine.FlagAllowBusy, cmdReset, "Resets the connection.", "6.2.0"))
	t.Add(connSpec("select", 2, loading|stale|fast, cmdSelect, "Changes the selected database.", "1.0.0"))
}

func cmdEcho(c *engine.Ctx) { c.W.Bulk(c.Args[1]) }

func cmdPing(c *engine.Ctx) {
	if len(c.Args) > 2 {
		c.Error("ERR wrong number of arguments for 'ping' command")
		return
	}
	if c.C.Flags&engine.ClientPubSub != 0 && c.C.Resp == 2 {
		c.W.Array(2)
		c.W.BulkString("pong")
		if len(c.Args) == 2 {
			c.W.Bulk(c.Args[1])
		} else {
			c.W.BulkString("")
		}
		return
	}
	if len(c.Args) == 2 {
		c.W.Bulk(c.Args[1])
		return
	}
	c.W.Simple("PONG")
}

func cmdSelect(c *engine.Ctx) {
	n, err := strconv.Atoi(c.Arg(1))
	if err != nil {
		c.Error(msgNotInteger)
		return
	}
	if n < 0 || n >= len(c.S.KS.DBs) {
		c.Error(msgDBIndex)
		return
	}
	c.C.DB = c.S.KS.DBs[n]
	c.W.OK()
}

func cmdQuit(c *engine.Ctx) {
	c.W.OK()
	c.C.Flags |= engine.ClientCloseAfterReply
}

func cmdReset(c *engine.Ctx) {
	if c.C.Flags&(engine.ClientReplica|engine.ClientMaster|engine.ClientModule) != 0 {
		c.Error(msgResetNotNormal)
		return
	}
	c.S.ResetClient(c.C)
	// Back on the default user: a module watching this client's user
	// hears of it, as after AUTH.
	if st := ACLOf(c.S); st.UserChanged != nil {
		st.UserChanged(c.C)
	}
	c.W.Simple("RESET")
}

func cmdAuth(c *engine.Ctx) {
	if len(c.Args) > 3 {
		c.Error(msgSyntax)
		return
	}
	st := ACLOf(c.S)
	user, pass := []byte("default"), c.Args[1]
	if len(c.Args) == 2 {
		if st.Reg.Default.NoPass() {
			c.Error(msgAuthNoPassword)
			return
		}
	} else {
		user, pass = c.Args[1], c.Args[2]
	}
	switch res, msg := st.Authenticate(c, user, pass); res {
	case AuthOK:
		c.W.OK()
	case AuthErr:
		replyAuthError(c, msg)
	}
}

// replyAuthError answers a failed authentication: a module's own error
// or WRONGPASS.
func replyAuthError(c *engine.Ctx, msg string) {
	switch {
	case msg == AuthReplied:
		return
	case msg == "":
		msg = msgInvalidPassword
	case msg[0] == '-':
		msg = msg[1:]
	default:
		msg = "ERR " + msg
	}
	c.Error(msg)
}

func cmdHello(c *engine.Ctx) {
	ver := int64(0)
	next := 1
	if len(c.Args) >= 2 {
		v, ok := parseInt64(c.Args[1])
		if !ok {
			c.Error(msgHelloProto)
			return
		}
		if v < 2 || v > 3 {
			c.Error(msgNoProto)
			return
		}
		ver = v
		next = 2
	}
	var user, pass, name []byte
	hasAuth, hasName := false, false
	for j := next; j < len(c.Args); j++ {
		more := len(c.Args) - 1 - j
		switch opt := strings.ToLower(c.Arg(j)); {
		case opt == "auth" && more >= 2:
			user, pass, hasAuth = c.Args[j+1], c.Args[j+2], true
			j += 2
		case opt == "setname" && more >= 1:
			name, hasName = c.Args[j+1], true
			if !validClientAttr(name) {
				c.Error(msgClientName)
				return
			}
			j++
		default:
			c.Error(fmt.Sprintf(msgHelloOption, cArg(c.Args[j], len(c.Args[j]))))
			return
		}
	}
	if hasAuth {
		switch res, msg := ACLOf(c.S).Authenticate(c, user, pass); res {
		case AuthErr:
			replyAuthError(c, msg)
			return
		case AuthBlocked:
			// A module finishes the authentication later; the
			// command runs again then, as in Redis.
			return
		}
	}
	if !c.C.Authed {
		c.Error(msgHelloNoAuth)
		return
	}
	if hasName {
		c.C.Name = string(name)
	}
	if ver != 0 {
		c.C.SetProto(int(ver))
	}
	w := c.W
	w.Map(7)
	w.BulkString("server")
	w.BulkString("redis")
	w.BulkString("version")
	w.BulkString(engine.RedisVersion)
	w.BulkString("proto")
	w.Int(int64(c.C.Resp))
	w.BulkString("id")
	w.Int(c.C.ID)
	w.BulkString("mode")
	w.BulkString("standalone")
	w.BulkString("role")
	if replica, _ := replRole(c.S); replica {
		w.BulkString("replica")
	} else {
		w.BulkString("master")
	}
	w.BulkString("modules")
	if c.S.Info.HelloModules != nil {
		c.S.Info.HelloModules(w)
	} else {
		w.Array(0)
	}
}
