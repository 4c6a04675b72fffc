package commands

import "modhost/engine"

func init() { groups = append(groups, registerTransactions) }

func registerTransactions(t *engine.Table) {
	acl := []string{"fast", "transaction"}
	busy := engine.FlagAllowBusy
	t.Add(withXpsDocs(&engine.Spec{Name: "discard", Arity: 1, Flags: noscript | loading | stale | fast | busy, ACL: acl, Run: cmdDiscard}))
	t.Add(withXpsDocs(&engine.Spec{Name: "exec", Arity: 1, Flags: noscript | loading | stale | engine.FlagSkipSlowlog, ACL: []string{"slow", "transaction"}, Run: cmdExec}))
	t.Add(withXpsDocs(&engine.Spec{Name: "multi", Arity: 1, Flags: noscript | loading | stale | fast | busy, ACL: acl, Run: cmdMulti}))
	t.Add(withXpsDocs(&engine.Spec{Name: "unwatch", Arity: 1, Flags: noscript | loading | stale | fast | busy, ACL: acl, Run: cmdUnwatch}))
	t.Add(withXpsDocs(&engine.Spec{Name: "watch", Arity: -2, Flags: noscript | loading | stale | fast | busy, First: 1, Last: -1, Step: 1, ACL: acl, Run: cmdWatch}))
}

func cmdMulti(c *engine.Ctx) {
	if c.C.Flags&engine.ClientMulti != 0 {
		c.Error(msgMultiNested)
		return
	}
	c.C.Flags |= engine.ClientMulti
	c.W.OK()
}

func cmdDiscard(c *engine.Ctx) {
	if c.C.Flags&engine.ClientMulti == 0 {
		c.Error(msgDiscardNoMulti)
		return
	}
	c.S.DiscardTransaction(c.C)
	c.W.OK()
}

func cmdExec(c *engine.Ctx) { c.S.ExecTransaction(c.C) }

func cmdWatch(c *engine.Ctx) {
	if c.C.Flags&engine.ClientMulti != 0 {
		c.Error(msgWatchInMulti)
		return
	}
	// A transaction that is already doomed need not track more keys.
	if c.C.Flags&engine.ClientDirtyCAS == 0 {
		for _, k := range c.Args[1:] {
			c.S.Watch(c.C, c.DB.ID, string(k))
		}
	}
	c.W.OK()
}

func cmdUnwatch(c *engine.Ctx) {
	c.S.Unwatch(c.C)
	c.W.OK()
}
