package commands

import (
	"strconv"

	"modhost/engine"
)

func init() { groups = append(groups, registerConnection) }

func registerConnection(t *engine.Table) {
	t.Add(&engine.Spec{Name: "echo", Arity: 2, Flags: fast, ACL: []string{"fast", "connection"}, Run: cmdEcho})
	t.Add(&engine.Spec{Name: "ping", Arity: -1, Flags: fast, ACL: []string{"fast", "connection"}, Run: cmdPing})
	t.Add(&engine.Spec{Name: "select", Arity: 2, Flags: loading | stale | fast, ACL: []string{"fast", "connection"}, Run: cmdSelect})
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
