package commands

import (
	"strings"

	"modhost/engine"
	"modhost/internal/glob"
	"modhost/resp"
)

func init() { groups = append(groups, registerPubSub) }

func registerPubSub(t *engine.Table) {
	acl := []string{"pubsub", "slow"}
	t.Add(withXpsDocs(&engine.Spec{Name: "psubscribe", Arity: -2, Flags: pubsub | noscript | loading | stale, ACL: acl, Run: cmdPsubscribe}))
	t.Add(withXpsDocs(&engine.Spec{Name: "publish", Arity: 3, Flags: pubsub | loading | stale | fast | engine.FlagMayReplicate, ACL: []string{"pubsub", "fast"}, Run: cmdPublish}))
	t.Add(withXpsDocs(&engine.Spec{Name: "pubsub", Arity: -2, ACL: []string{"slow"}, Subs: map[string]*engine.Spec{
		"channels":      {Name: "channels", Arity: -2, Flags: pubsub | loading | stale, ACL: acl, Run: cmdPubsubChannels},
		"help":          {Name: "help", Arity: 2, Flags: loading | stale, ACL: []string{"slow"}, Run: cmdPubsubHelp},
		"numpat":        {Name: "numpat", Arity: 2, Flags: pubsub | loading | stale, ACL: acl, Run: cmdPubsubNumpat},
		"numsub":        {Name: "numsub", Arity: -2, Flags: pubsub | loading | stale, ACL: acl, Run: cmdPubsubNumsub},
		"shardchannels": {Name: "shardchannels", Arity: -2, Flags: pubsub | loading | stale, ACL: acl, Run: cmdPubsubChannels},
		"shardnumsub":   {Name: "shardnumsub", Arity: -2, Flags: pubsub | loading | stale, ACL: acl, Run: cmdPubsubNumsub},
	}}))
	t.Add(withXpsDocs(&engine.Spec{Name: "punsubscribe", Arity: -1, Flags: pubsub | noscript | loading | stale, ACL: acl, Run: cmdPunsubscribe}))
	t.Add(withXpsDocs(&engine.Spec{Name: "spublish", Arity: 3, Flags: pubsub | loading | stale | fast | engine.FlagMayReplicate, First: 1, Last: 1, Step: 1, ACL: []string{"pubsub", "fast"}, Run: cmdSpublish}))
	t.Add(withXpsDocs(&engine.Spec{Name: "ssubscribe", Arity: -2, Flags: pubsub | noscript | loading | stale, First: 1, Last: -1, Step: 1, ACL: acl, Run: cmdSsubscribe}))
	t.Add(withXpsDocs(&engine.Spec{Name: "subscribe", Arity: -2, Flags: pubsub | noscript | loading | stale, ACL: acl, Run: cmdSubscribe}))
	t.Add(withXpsDocs(&engine.Spec{Name: "sunsubscribe", Arity: -1, Flags: pubsub | noscript | loading | stale, First: 1, Last: -1, Step: 1, ACL: acl, Run: cmdSunsubscribe}))
	t.Add(withXpsDocs(&engine.Spec{Name: "unsubscribe", Arity: -1, Flags: pubsub | noscript | loading | stale, ACL: acl, Run: cmdUnsubscribe}))
}

// subReply writes one (un)subscribe confirmation: a push in RESP3, an
// array in RESP2. An empty name with none=true is the null channel Redis
// sends when an argument-less UNSUBSCRIBE finds nothing to drop.
func subReply(w *resp.Writer, what, name string, none bool, count int) {
	w.Push(3)
	w.BulkString(what)
	if none {
		w.Null()
	} else {
		w.BulkString(name)
	}
	w.Int(int64(count))
}

// subCount is the number Redis reports in confirmations of kind.
func subCount(c *engine.Client, kind int) int {
	if kind == engine.SubShard {
		return c.ShardSubscriptionCount()
	}
	return c.SubscriptionCount()
}

func subscribeGeneric(c *engine.Ctx, kind int, what, denyMsg string) {
	cl := c.C
	deny := cl.Flags&engine.ClientDenyBlocking != 0
	// Plain and pattern subscriptions stay allowed inside EXEC for
	// backward compatibility; shard ones are refused there too.
	if deny && (kind == engine.SubShard || cl.Flags&engine.ClientMulti == 0) {
		c.Error(denyMsg)
		return
	}
	for _, a := range c.Args[1:] {
		name := string(a)
		c.S.PubSub.Subscribe(cl, kind, name)
		subReply(c.W, what, name, false, subCount(cl, kind))
	}
	cl.Flags |= engine.ClientPubSub
}

func unsubscribeGeneric(c *engine.Ctx, kind int, what string) {
	cl := c.C
	if len(c.Args) == 1 {
		names := cl.Subscriptions(kind)
		for _, name := range names {
			c.S.PubSub.Unsubscribe(cl, kind, name)
			subReply(c.W, what, name, false, subCount(cl, kind))
		}
		if len(names) == 0 {
			subReply(c.W, what, "", true, subCount(cl, kind))
		}
	} else {
		for _, a := range c.Args[1:] {
			name := string(a)
			c.S.PubSub.Unsubscribe(cl, kind, name)
			subReply(c.W, what, name, false, subCount(cl, kind))
		}
	}
	if cl.SubscriptionCount()+cl.ShardSubscriptionCount() == 0 {
		cl.Flags &^= engine.ClientPubSub
	}
}

func cmdSubscribe(c *engine.Ctx) {
	subscribeGeneric(c, engine.SubChannel, "subscribe", msgSubscribeDenied)
}

func cmdPsubscribe(c *engine.Ctx) {
	subscribeGeneric(c, engine.SubPattern, "psubscribe", msgPsubscribeDenied)
}

func cmdSsubscribe(c *engine.Ctx) {
	subscribeGeneric(c, engine.SubShard, "ssubscribe", msgSsubscribeDenied)
}

func cmdUnsubscribe(c *engine.Ctx) { unsubscribeGeneric(c, engine.SubChannel, "unsubscribe") }

func cmdPunsubscribe(c *engine.Ctx) { unsubscribeGeneric(c, engine.SubPattern, "punsubscribe") }

func cmdSunsubscribe(c *engine.Ctx) { unsubscribeGeneric(c, engine.SubShard, "sunsubscribe") }

func cmdPublish(c *engine.Ctx) {
	n := c.S.PubSub.Publish(c.S, c.Arg(1), c.Arg(2))
	c.W.Int(int64(n))
}

func cmdSpublish(c *engine.Ctx) {
	n := c.S.PubSub.SPublish(c.S, c.Arg(1), c.Arg(2))
	c.W.Int(int64(n))
}

// subSyntaxError is Redis's reply to a known subcommand given the wrong
// arguments (addReplySubcommandSyntaxError).
func subSyntaxError(c *engine.Ctx) {
	name := cString(c.Args[1])
	if len(name) > 128 {
		name = name[:128]
	}
	c.Error("ERR unknown subcommand or wrong number of arguments for '" + name + "'. Try " + strings.ToUpper(c.Arg(0)) + " HELP.")
}

func cmdPubsubChannels(c *engine.Ctx) {
	if len(c.Args) > 3 {
		subSyntaxError(c)
		return
	}
	table := c.S.PubSub.Channels
	if c.Cmd.Name == "shardchannels" {
		table = c.S.PubSub.ShardChannels
	}
	var out []string
	for ch := range table {
		if len(c.Args) == 2 || glob.MatchString(c.Arg(2), ch, false) {
			out = append(out, ch)
		}
	}
	c.W.Array(len(out))
	for _, ch := range out {
		c.W.BulkString(ch)
	}
}

func cmdPubsubNumsub(c *engine.Ctx) {
	table := c.S.PubSub.Channels
	if c.Cmd.Name == "shardnumsub" {
		table = c.S.PubSub.ShardChannels
	}
	c.W.Array(2 * (len(c.Args) - 2))
	for _, a := range c.Args[2:] {
		c.W.Bulk(a)
		c.W.Int(int64(len(table[string(a)])))
	}
}

func cmdPubsubNumpat(c *engine.Ctx) { c.W.Int(int64(len(c.S.PubSub.Patterns))) }

func cmdPubsubHelp(c *engine.Ctx) {
	helpReply(c, []string{
		"CHANNELS [<pattern>]",
		"    Return the currently active channels matching a <pattern> (default: '*').",
		"NUMPAT",
		"    Return number of subscriptions to patterns.",
		"NUMSUB [<channel> ...]",
		"    Return the number of subscribers for the specified channels, excluding",
		"    pattern subscriptions(default: no channels).",
		"SHARDCHANNELS [<pattern>]",
		"    Return the currently active shard level channels matching a <pattern> (default: '*').",
		"SHARDNUMSUB [<shardchannel> ...]",
		"    Return the number of subscribers for the specified shard level channel(s)",
	})
}

// helpReply writes a HELP reply in Redis's shape: a header line naming the
// command, the given lines, and the closing HELP entry, all status replies.
func helpReply(c *engine.Ctx, lines []string) {
	c.W.Array(len(lines) + 3)
	c.W.Simple(strings.ToUpper(c.Arg(0)) + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:")
	for _, l := range lines {
		c.W.Simple(l)
	}
	c.W.Simple("HELP")
	c.W.Simple("    Print this help.")
}
