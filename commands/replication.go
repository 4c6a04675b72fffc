package commands

import (
	"strings"

	"modhost/engine"
)

func init() { groups = append(groups, registerReplication) }

// Replication is what the replication commands need from the replication
// layer (package repl); app plugs it in with SetReplication. Each method
// runs under the execution lock and writes the command's reply.
type Replication interface {
	Sync(c *engine.Ctx)      // SYNC and PSYNC
	Replconf(c *engine.Ctx)  // REPLCONF
	Wait(c *engine.Ctx)      // WAIT
	Role(c *engine.Ctx)      // ROLE
	ReplicaOf(c *engine.Ctx) // REPLICAOF and SLAVEOF
}

// replicationSlot holds the layer; it lives in the SYNC spec's Private so
// that every server (table) has its own.
type replicationSlot struct{ r Replication }

// SetReplication plugs the replication layer into the commands of t.
func SetReplication(t *engine.Table, r Replication) {
	if s := t.Lookup([]byte("sync")); s != nil {
		if slot, ok := s.Private.(*replicationSlot); ok {
			slot.r = r
		}
	}
}

func replicationOf(c *engine.Ctx) Replication {
	if s := c.S.Commands.Lookup([]byte("sync")); s != nil {
		if slot, ok := s.Private.(*replicationSlot); ok {
			return slot.r
		}
	}
	return nil
}

func registerReplication(t *engine.Table) {
	adminACL := []string{"admin", "slow", "dangerous"}
	slot := &replicationSlot{}
	t.Add(&engine.Spec{Name: "sync", Arity: 1, Flags: admin | nomulti | noscript | engine.FlagNoAsyncLoading, ACL: adminACL,
		Run: cmdSync, Private: slot, Summary: "An internal command used in replication.", Since: "1.0.0", Group: "server"})
	t.Add(&engine.Spec{Name: "psync", Arity: -3, Flags: admin | nomulti | noscript | engine.FlagNoAsyncLoading, ACL: adminACL,
		Run: cmdSync, Summary: "An internal command used in replication.", Since: "2.8.0", Group: "server"})
	t.Add(&engine.Spec{Name: "replconf", Arity: -1, Flags: admin | noscript | loading | stale | engine.FlagAllowBusy, ACL: adminACL,
		Run: cmdReplconf, Summary: "An internal command for configuring the replication stream.", Since: "3.0.0", Group: "server", Complexity: "O(1)"})
	t.Add(&engine.Spec{Name: "wait", Arity: 3, Flags: noscript, ACL: []string{"slow", "connection"},
		Run: cmdWait, Summary: "Blocks until the asynchronous replication of all preceding write commands sent by the connection is completed.",
		Since: "3.0.0", Group: "generic", Complexity: "O(1)", Tips: []string{"request_policy:all_shards", "response_policy:agg_min"}})
	t.Add(&engine.Spec{Name: "role", Arity: 1, Flags: noscript | loading | stale | fast | engine.FlagSentinel, ACL: []string{"admin", "fast", "dangerous"},
		Run: cmdRole, Summary: "Returns the replication role.", Since: "2.8.12", Group: "server", Complexity: "O(1)"})
	t.Add(&engine.Spec{Name: "replicaof", Arity: 3, Flags: admin | noscript | stale | engine.FlagNoAsyncLoading, ACL: adminACL,
		Run: cmdReplicaof, Summary: "Configures a server as replica of another, or promotes it to a master.", Since: "5.0.0", Group: "server", Complexity: "O(1)"})
	t.Add(&engine.Spec{Name: "slaveof", Arity: 3, Flags: admin | noscript | stale | engine.FlagNoAsyncLoading, ACL: adminACL,
		Run: cmdReplicaof, Summary: "Sets a Redis server as a replica of another, or promotes it to being a master.", Since: "1.0.0", Group: "server", Complexity: "O(1)"})
}

func cmdSync(c *engine.Ctx) {
	if r := replicationOf(c); r != nil {
		r.Sync(c)
		return
	}
	c.Error("ERR Replication is not available")
}

func cmdReplconf(c *engine.Ctx) {
	if r := replicationOf(c); r != nil {
		r.Replconf(c)
		return
	}
	if (len(c.Args)-1)%2 != 0 {
		c.Error(msgSyntax)
		return
	}
	c.W.OK()
}

// cmdWait without a replication layer: no replica ever acknowledges.
func cmdWait(c *engine.Ctx) {
	if r := replicationOf(c); r != nil {
		r.Wait(c)
		return
	}
	c.W.Int(0)
}

func cmdRole(c *engine.Ctx) {
	if r := replicationOf(c); r != nil {
		r.Role(c)
		return
	}
	c.W.Array(3)
	c.W.BulkString("master")
	c.W.Int(0)
	c.W.Array(0)
}

func cmdReplicaof(c *engine.Ctx) {
	if r := replicationOf(c); r != nil {
		r.ReplicaOf(c)
		return
	}
	if strings.EqualFold(c.Arg(1), "no") && strings.EqualFold(c.Arg(2), "one") {
		c.W.OK()
		return
	}
	c.Error("ERR Replication is not available")
}

// replRole is the replication layer's answer to "am I a replica", false
// without one.
func replRole(s *engine.Server) (replica, readOnly bool) {
	if s.ReplRole == nil {
		return false, false
	}
	return s.ReplRole()
}
