package app

import (
	"net"
	"strconv"

	"modhost/commands"
	"modhost/engine"
	"modhost/rdb"
	"modhost/repl"
)

// setupReplication wires package repl in: the replication commands, the
// replication INFO section, READONLY for a read-only replica, the cron
// (replica pings, ACKs) and the replicaof directive, which connects once
// the server is ready. Before serving, so without the lock.
func (in *Instance) setupReplication() *repl.Repl {
	eng, cfg, log := in.Eng, in.Cfg, in.Log
	p := commands.PersistenceOf(eng.Commands)
	r := repl.New(eng, repl.Config{
		BacklogSize: func() int64 { return int64(cfg.Memory("repl-backlog-size")) },
		PingPeriod:  func() int64 { return cfg.Int("repl-ping-replica-period") },
		ReadOnly:    func() bool { return cfg.Bool("replica-read-only") },
		ServeStale:  func() bool { return cfg.Bool("replica-serve-stale-data") },
		MinReplicas: func() (int64, int64) { return cfg.Int("min-replicas-to-write"), cfg.Int("min-replicas-max-lag") },
		SaveOptions: func() rdb.SaveOptions {
			opt := aofSaveOptions(eng, p)
			opt.AOFBase = false
			return opt
		},
		LoadOptions: func() rdb.LoadOptions { return loadOptions(p, log) },
		SetReplicaOf: func(host string, port int) {
			if host == "" {
				_ = cfg.SetDirect("replicaof", "no", "one")
			} else {
				_ = cfg.SetDirect("replicaof", host, strconv.Itoa(port))
			}
		},
		Logf: func(warn bool, format string, args ...any) {
			if warn {
				log.Warning(format, args...)
			} else {
				log.Notice(format, args...)
			}
		},
		Port: func() int {
			if a, ok := in.Srv.Addr().(*net.TCPAddr); ok {
				return a.Port
			}
			return int(cfg.Int("port"))
		},
	})
	if h := in.Host; h != nil {
		r.Events = repl.Events{
			RoleChanged: func(ri repl.RoleInfo) {
				h.FireRoleChanged(ri.Master, ri.MasterHost, ri.MasterPort, ri.ReplID, ri.ReplID2, ri.Offset, ri.Offset2)
			},
			ReplicaChange: h.FireReplicaChange,
			MasterLink:    h.FireMasterLink,
		}
	}
	commands.SetReplication(eng.Commands, r)
	eng.CommandGuard = r.CommandGuard
	eng.ReplRole = func() (bool, bool) { return r.IsReplica(), cfg.Bool("replica-read-only") }
	eng.Info.AddInfoSection(engine.InfoSection{Name: "replication", Default: true, Write: r.WriteInfo})
	eng.Hooks.ClientClosed = append(eng.Hooks.ClientClosed, r.ClientClosed)
	in.Srv.Cron = append(in.Srv.Cron, r.Cron)
	lazy := func() {
		eng.Settings.LazyfreeLazyExpire = cfg.Bool("lazyfree-lazy-expire")
		eng.Settings.LazyfreeLazyServerDel = cfg.Bool("lazyfree-lazy-server-del")
		eng.Settings.LazyfreeLazyEviction = cfg.Bool("lazyfree-lazy-eviction")
	}
	lazy()
	for _, name := range []string{"lazyfree-lazy-expire", "lazyfree-lazy-server-del", "lazyfree-lazy-eviction"} {
		cfg.OnApply(name, func(_, _ string) error { lazy(); return nil })
	}
	if host, port, ok := cfg.ReplicaOf(); ok {
		in.Srv.OnReady = append(in.Srv.OnReady, func() {
			eng.Lock.Lock()
			defer eng.Lock.Unlock()
			if !r.IsReplica() {
				r.StartAsReplica(host, port)
			}
		})
	}
	return r
}
