package commands

import (
	"modhost/engine"
	"modhost/keyspace"
)

func init() { groups = append(groups, registerString) }

func registerString(t *engine.Table) {
	t.Add(&engine.Spec{Name: "get", Arity: 2, Flags: readonly | fast, First: 1, Last: 1, Step: 1, ACL: []string{"read", "string", "fast"}, Run: cmdGet})
	t.Add(&engine.Spec{Name: "set", Arity: -3, Flags: write | denyoom, First: 1, Last: 1, Step: 1, ACL: []string{"write", "string", "slow"}, Run: cmdSet})
}

func cmdGet(c *engine.Ctx) {
	e, ok := lookupKind(c, c.Args[1], keyspace.KindString)
	if !ok {
		return
	}
	if e == nil {
		c.W.Null()
		return
	}
	c.W.Bulk(e.Val.(*keyspace.String).B)
}

// cmdSet is a placeholder covering plain SET key value; the string group
// owner completes the options.
func cmdSet(c *engine.Ctx) {
	if len(c.Args) != 3 {
		c.Error(msgSyntax)
		return
	}
	key := string(c.Args[1])
	c.DB.Set(key, keyspace.NewString(c.Args[2]))
	changed(c, key, keyspace.NotifyString, "set")
	c.W.OK()
}
