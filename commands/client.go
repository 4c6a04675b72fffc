package commands

import (
	"fmt"
	"strings"
	"time"

	"modhost/engine"
)

func init() { groups = append(groups, registerClient) }

// clientSub builds a CLIENT subcommand entry (connection group).
func clientSub(name string, arity int, flags engine.Flag, run func(*engine.Ctx), summary, since, complexity string, tips ...string) *engine.Spec {
	return &engine.Spec{Name: name, Arity: arity, Flags: flags | noscript | loading | stale, ACL: []string{"connection"}, Run: run,
		Summary: summary, Since: since, Group: "connection", Complexity: complexity, Tips: tips}
}

func registerClient(t *engine.Table) {
	help := clientSub("help", 2, 0, cmdClientHelp, "Returns helpful text about the different subcommands.", "5.0.0", "O(1)")
	help.Flags &^= noscript
	t.Add(&engine.Spec{Name: "client", Arity: -2,
		Summary: "A container for client connection commands.", Since: "2.4.0", Group: "connection", Complexity: "Depends on subcommand.",
		Subs: subs(
			clientSub("caching", 3, 0, cmdClientCaching, "Instructs the server whether to track the keys in the next request.", "6.0.0", "O(1)"),
			clientSub("getname", 2, 0, cmdClientGetname, "Returns the name of the connection.", "2.6.9", "O(1)"),
			clientSub("getredir", 2, 0, cmdClientGetredir, "Returns the client ID to which the connection's tracking notifications are redirected.", "6.0.0", "O(1)"),
			help,
			clientSub("id", 2, 0, cmdClientID, "Returns the unique client ID of the connection.", "5.0.0", "O(1)"),
			clientSub("info", 2, 0, cmdClientInfo, "Returns information about the connection.", "6.2.0", "O(1)", tipNondet),
			clientSub("kill", -3, admin, cmdClientKill, "Terminates open connections.", "2.4.0", "O(N) where N is the number of client connections"),
			clientSub("list", -2, admin, cmdClientList, "Lists open connections.", "2.4.0", "O(N) where N is the number of client connections", tipNondet),
			clientSub("no-evict", 3, admin, cmdClientNoEvict, "Sets the client eviction mode of the connection.", "7.0.0", "O(1)"),
			clientSub("no-touch", 3, 0, cmdClientNoTouch, "Controls whether commands sent by the client affect the LRU/LFU of accessed keys.", "7.2.0", "O(1)"),
			clientSub("pause", -3, admin, cmdClientPause, "Suspends commands processing.", "3.0.0", "O(1)"),
			clientSub("reply", 3, 0, cmdClientReply, "Instructs the server whether to reply to commands.", "3.2.0", "O(1)"),
			clientSub("setinfo", 4, 0, cmdClientSetinfo, "Sets information specific to the client or connection.", "7.2.0", "O(1)", "request_policy:all_nodes", "response_policy:all_succeeded"),
			clientSub("setname", 3, 0, cmdClientSetname, "Sets the connection name.", "2.6.9", "O(1)", "request_policy:all_nodes", "response_policy:all_succeeded"),
			clientSub("tracking", -3, 0, cmdClientTracking, "Controls server-assisted client-side caching for the connection.", "6.0.0", "O(1). Some options may introduce additional complexity."),
			clientSub("trackinginfo", 2, 0, cmdClientTrackinginfo, "Returns information about server-assisted client-side caching for the connection.", "6.2.0", "O(1)"),
			clientSub("unblock", -3, admin, cmdClientUnblock, "Unblocks a client blocked by a blocking command from a different connection.", "5.0.0", "O(log N) where N is the number of client connections"),
			clientSub("unpause", 2, admin, cmdClientUnpause, "Resumes processing commands from paused clients.", "6.2.0", "O(N) Where N is the number of paused clients"),
		)})
}

func cmdClientHelp(c *engine.Ctx) {
	replyHelp(c, `
CACHING (YES|NO)
    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.
GETREDIR
    Return the client ID we are redirecting to when tracking is enabled.
GETNAME
    Return the name of the current connection.
ID
    Return the ID of the current connection.
INFO
    Return information about the current client connection.
KILL <ip:port>
    Kill connection made from <ip:port>.
KILL <option> <value> [<option> <value> [...]]
    Kill connections. Options are:
    * ADDR (<ip:port>|<unixsocket>:0)
      Kill connections made from the specified address
    * LADDR (<ip:port>|<unixsocket>:0)
      Kill connections made to specified local address
    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)
      Kill connections by type.
    * USER <username>
      Kill connections authenticated by <username>.
    * SKIPME (YES|NO)
      Skip killing current connection (default: yes).
LIST [options ...]
    Return information about client connections. Options:
    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)
      Return clients of specified type.
UNPAUSE
    Stop the current client pause, resuming traffic.
PAUSE <timeout> [WRITE|ALL]
    Suspend all, or just write, clients for <timeout> milliseconds.
REPLY (ON|OFF|SKIP)
    Control the replies sent to the current connection.
SETNAME <name>
    Assign the name <name> to the current connection.
SETINFO <option> <value>
    Set client meta attr. Options are:
    * LIB-NAME: the client lib name.
    * LIB-VER: the client lib version.
UNBLOCK <clientid> [TIMEOUT|ERROR]
    Unblock the specified blocked client.
TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]
         [OPTIN] [OPTOUT] [NOLOOP]
    Control server assisted client side caching.
TRACKINGINFO
    Report tracking status for the current connection.
NO-EVICT (ON|OFF)
    Protect current client connection from eviction.
NO-TOUCH (ON|OFF)
    Will not touch LRU/LFU stats when this mode is on.
`)
}

func cmdClientID(c *engine.Ctx) { c.W.Int(c.C.ID) }

func cmdClientInfo(c *engine.Ctx) {
	c.W.Verbatim("txt", []byte(c.S.ClientInfo(c.C)+"\n"))
}

func cmdClientList(c *engine.Ctx) {
	var b strings.Builder
	switch {
	case len(c.Args) == 4 && strings.EqualFold(c.Arg(2), "type"):
		typ := engine.ClientTypeByName(c.Arg(3))
		if typ < 0 {
			c.Error(fmt.Sprintf(msgClientType, cArg(c.Args[3], len(c.Args[3]))))
			return
		}
		for _, cl := range c.S.ClientsByID() {
			if cl.Type() == typ {
				b.WriteString(c.S.ClientInfo(cl))
				b.WriteByte('\n')
			}
		}
	case len(c.Args) > 3 && strings.EqualFold(c.Arg(2), "id"):
		for _, a := range c.Args[3:] {
			id, ok := parseInt64(a)
			if !ok {
				c.Error(msgInvalidClientID)
				return
			}
			if cl := c.S.Clients[id]; cl != nil {
				b.WriteString(c.S.ClientInfo(cl))
				b.WriteByte('\n')
			}
		}
	case len(c.Args) != 2:
		c.Error(msgSyntax)
		return
	default:
		for _, cl := range c.S.ClientsByID() {
			b.WriteString(c.S.ClientInfo(cl))
			b.WriteByte('\n')
		}
	}
	c.W.Verbatim("txt", []byte(b.String()))
}

func cmdClientKill(c *engine.Ctx) {
	var addr, laddr, user string
	hasAddr, hasLaddr, hasUser := false, false, false
	typ := -1
	var id int64
	skipme := true
	if len(c.Args) == 3 {
		addr, hasAddr = string(c.Args[2]), true
		skipme = false
	} else {
		for i := 2; i < len(c.Args); i += 2 {
			more := len(c.Args) > i+1
			opt := strings.ToLower(c.Arg(i))
			if !more {
				c.Error(msgSyntax)
				return
			}
			val := c.Args[i+1]
			switch opt {
			case "id":
				n, ok := parseInt64(val)
				if !ok || n < 1 {
					c.Error(msgClientIDPositive)
					return
				}
				id = n
			case "type":
				typ = engine.ClientTypeByName(string(val))
				if typ < 0 {
					c.Error(fmt.Sprintf(msgClientType, cArg(val, len(val))))
					return
				}
			case "addr":
				addr, hasAddr = string(val), true
			case "laddr":
				laddr, hasLaddr = string(val), true
			case "user":
				user, hasUser = string(val), true
				if user != "default" {
					c.Error(fmt.Sprintf(msgNoSuchUser, cArg(val, len(val))))
					return
				}
			case "skipme":
				switch strings.ToLower(string(val)) {
				case "yes":
					skipme = true
				case "no":
					skipme = false
				default:
					c.Error(msgSyntax)
					return
				}
			default:
				c.Error(msgSyntax)
				return
			}
		}
	}
	killed := 0
	closeSelf := false
	for _, cl := range c.S.ClientsByID() {
		if hasAddr && cl.PeerID() != addr {
			continue
		}
		if hasLaddr && cl.SockName() != laddr {
			continue
		}
		if typ >= 0 && cl.Type() != typ {
			continue
		}
		if id != 0 && cl.ID != id {
			continue
		}
		if hasUser && cl.User != user {
			continue
		}
		if cl == c.C && skipme {
			continue
		}
		if cl == c.C {
			closeSelf = true
		} else {
			c.S.KillClient(cl)
		}
		killed++
	}
	if len(c.Args) == 3 {
		if killed == 0 {
			c.Error(msgNoSuchClient)
		} else {
			c.W.OK()
		}
	} else {
		c.W.Int(int64(killed))
	}
	if closeSelf {
		c.C.Flags |= engine.ClientCloseAfterReply
	}
}

func cmdClientUnblock(c *engine.Ctx) {
	if len(c.Args) > 4 {
		replySubcommandSyntax(c)
		return
	}
	asError := false
	if len(c.Args) == 4 {
		switch strings.ToLower(c.Arg(3)) {
		case "timeout":
		case "error":
			asError = true
		default:
			c.Error(msgUnblockReason)
			return
		}
	}
	id, ok := parseInt64(c.Args[2])
	if !ok {
		c.Error(msgNotInteger)
		return
	}
	// Like Redis, a module block without a timeout callback cannot be
	// ended from outside (Block.NoUnblock): the module does not expect it.
	target := c.S.Clients[id]
	if target == nil || !c.S.Unblock(target, !asError, msgUnblockedByClient) {
		c.W.Int(0)
		return
	}
	c.W.Int(1)
}

// validClientAttr reports whether every byte is printable ASCII without
// spaces, so CLIENT LIST stays splittable on spaces.
func validClientAttr(b []byte) bool {
	for _, ch := range b {
		if ch < '!' || ch > '~' {
			return false
		}
	}
	return true
}

func cmdClientSetname(c *engine.Ctx) {
	if !validClientAttr(c.Args[2]) {
		c.Error(msgClientName)
		return
	}
	c.C.Name = string(c.Args[2])
	c.W.OK()
}

func cmdClientGetname(c *engine.Ctx) {
	if c.C.Name == "" {
		c.W.Null()
		return
	}
	c.W.BulkString(c.C.Name)
}

func cmdClientSetinfo(c *engine.Ctx) {
	attr := cArg(c.Args[2], len(c.Args[2]))
	val := c.Args[3]
	var dst *string
	switch strings.ToLower(attr) {
	case "lib-name":
		dst = &c.C.LibName
	case "lib-ver":
		dst = &c.C.LibVer
	default:
		c.Error(fmt.Sprintf(msgSetinfoOption, attr))
		return
	}
	if !validClientAttr(val) {
		c.Error(fmt.Sprintf(msgSetinfoChars, attr))
		return
	}
	*dst = string(val)
	c.W.OK()
}

func cmdClientPause(c *engine.Ctx) {
	if len(c.Args) > 4 {
		replySubcommandSyntax(c)
		return
	}
	all := true
	if len(c.Args) == 4 {
		switch strings.ToLower(c.Arg(3)) {
		case "write":
			all = false
		case "all":
		default:
			c.Error(msgPauseMode)
			return
		}
	}
	ms, ok := parseInt64(c.Args[2])
	if !ok {
		c.Error(msgTimeoutNotInteger)
		return
	}
	if ms < 0 {
		c.Error(msgNegativeTimeout)
		return
	}
	if ms > 0 {
		c.S.Pause(time.Now().Add(time.Duration(ms)*time.Millisecond), all)
	}
	c.W.OK()
}

func cmdClientUnpause(c *engine.Ctx) { c.S.Unpause(); c.W.OK() }

func cmdClientReply(c *engine.Ctx) {
	switch strings.ToLower(c.Arg(2)) {
	case "on":
		c.C.Flags &^= engine.ClientReplySkip | engine.ClientReplyOff
		c.W.OK()
	case "off":
		c.C.Flags |= engine.ClientReplyOff
	case "skip":
		if c.C.Flags&engine.ClientReplyOff == 0 {
			c.C.Flags |= engine.ClientReplySkipNext
		}
	default:
		c.Error(msgSyntax)
	}
}

// onOff parses ON / OFF; it writes the syntax error itself.
func onOff(c *engine.Ctx, arg []byte) (on, ok bool) {
	switch strings.ToLower(string(arg)) {
	case "on":
		return true, true
	case "off":
		return false, true
	}
	c.Error(msgSyntax)
	return false, false
}

func cmdClientNoEvict(c *engine.Ctx) {
	if on, ok := onOff(c, c.Args[2]); ok {
		if on {
			c.C.Flags |= engine.ClientNoEvict
		} else {
			c.C.Flags &^= engine.ClientNoEvict
		}
		c.W.OK()
	}
}

func cmdClientNoTouch(c *engine.Ctx) {
	if on, ok := onOff(c, c.Args[2]); ok {
		if on {
			c.C.Flags |= engine.ClientNoTouch
		} else {
			c.C.Flags &^= engine.ClientNoTouch
		}
		c.W.OK()
	}
}
