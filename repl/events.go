package repl

// Events report what module server events tell about replication: the
// role changing, replicas coming and going, the link to our master going
// up and down. Each hook, when set, runs under the execution lock at the
// point Redis fires the matching event.
type Events struct {
	// RoleChanged: this server became a master or a replica (REPLICAOF).
	RoleChanged func(RoleInfo)
	// ReplicaChange: a replica of ours came online (its sync finished)
	// or an online replica went away.
	ReplicaChange func(online bool)
	// MasterLink: our link to the master came up (sync done) or went
	// down.
	MasterLink func(up bool)
}

// RoleInfo describes the replication state after a role change, the
// fields of RedisModuleReplicationInfo.
type RoleInfo struct {
	Master          bool
	MasterHost      string // "" for a master
	MasterPort      int    // the last master's port, as Redis keeps it
	ReplID, ReplID2 string
	Offset, Offset2 int64
}

func (r *Repl) roleInfo() RoleInfo {
	ri := RoleInfo{Master: r.link == nil, MasterPort: r.masterPort, ReplID: r.replID, ReplID2: r.replID2,
		Offset: r.offset, Offset2: r.secondOffset}
	if r.link != nil {
		ri.MasterHost = r.link.host
	}
	return ri
}

func (r *Repl) fireRole() {
	if f := r.Events.RoleChanged; f != nil {
		f(r.roleInfo())
	}
}

func (r *Repl) fireReplica(online bool) {
	if f := r.Events.ReplicaChange; f != nil {
		f(online)
	}
}

func (r *Repl) fireLink(up bool) {
	if f := r.Events.MasterLink; f != nil {
		f(up)
	}
}
