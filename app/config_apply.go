package app

import (
	"errors"
	"strings"

	"modhost/commands"
	"modhost/config"
	"modhost/engine"
	"modhost/keyspace"
	"modhost/server"
)

// settingNames are the directives mirrored into engine.Settings; a CONFIG
// SET of any of them refreshes the copy.
var settingNames = []string{
	"proto-max-bulk-len", "client-query-buffer-limit", "notify-keyspace-events",
	"maxclients", "timeout", "hz", "slowlog-log-slower-than", "slowlog-max-len",
	"latency-monitor-threshold", "latency-tracking", "latency-tracking-info-percentiles",
	"maxmemory", "maxmemory-policy", "tracking-table-max-keys",
}

// syncSettings copies the hot-path directives into the engine. Lock held
// (or before serving). Only changed fields are written: the connection
// reader and the cron loop read a few of them without the lock, so an
// unrelated CONFIG SET must not touch them.
func syncSettings(cfg *config.Config, s *engine.Settings) {
	setInt64(&s.ProtoMaxBulkLen, cfg.Int("proto-max-bulk-len"))
	setInt64(&s.ClientQueryBufLimit, cfg.Int("client-query-buffer-limit"))
	setInt(&s.NotifyFlags, cfg.NotifyKeyspaceEvents())
	setInt(&s.MaxClients, int(cfg.Int("maxclients")))
	setInt(&s.Timeout, int(cfg.Int("timeout")))
	setInt(&s.Hz, int(cfg.Int("hz")))
	s.EnableDebugCommand = cfg.String("enable-debug-command")
	s.EnableModuleCommand = cfg.String("enable-module-command")
	setInt64(&s.SlowlogLogSlowerThan, cfg.Int("slowlog-log-slower-than"))
	setInt(&s.SlowlogMaxLen, int(cfg.Int("slowlog-max-len")))
	setInt64(&s.LatencyMonitorThreshold, cfg.Int("latency-monitor-threshold"))
	s.LatencyTrackingOff = !cfg.Bool("latency-tracking")
	s.LatencyPercentiles = cfg.Lookup("latency-tracking-info-percentiles").Floats()
	setInt64(&s.MaxMemory, int64(cfg.Memory("maxmemory")))
	s.MaxMemoryPolicy = cfg.String("maxmemory-policy")
	setInt64(&s.TrackingTableMaxKeys, cfg.Int("tracking-table-max-keys"))
}

// syncLFU tells the keyspace which access bookkeeping the policy uses.
func syncLFU(cfg *config.Config, ks *keyspace.Keyspace) {
	ks.LFU = strings.HasSuffix(cfg.String("maxmemory-policy"), "-lfu")
}

func setInt(p *int, v int) {
	if *p != v {
		*p = v
	}
}

func setInt64(p *int64, v int64) {
	if *p != v {
		*p = v
	}
}

// encodingVars maps the encoding-threshold directives to the keyspace
// variables that hold them.
var encodingVars = map[string]*int{
	"hash-max-listpack-entries": &keyspace.HashMaxListpackEntries,
	"hash-max-listpack-value":   &keyspace.HashMaxListpackValue,
	"set-max-intset-entries":    &keyspace.SetMaxIntsetEntries,
	"set-max-listpack-entries":  &keyspace.SetMaxListpackEntries,
	"set-max-listpack-value":    &keyspace.SetMaxListpackValue,
	"zset-max-listpack-entries": &keyspace.ZSetMaxListpackEntries,
	"zset-max-listpack-value":   &keyspace.ZSetMaxListpackValue,
	"list-max-listpack-size":    &keyspace.ListMaxListpackSize,
	"stream-node-max-bytes":     &keyspace.StreamNodeMaxBytes,
	"stream-node-max-entries":   &keyspace.StreamNodeMaxEntries,
	"lfu-log-factor":            &keyspace.LFULogFactor,
	"lfu-decay-time":            &keyspace.LFUDecayTime,
}

// Texts CONFIG SET shows when a new port or bind cannot be listened on.
const (
	errListenPort = "Unable to listen on this port. Check server logs."
	errBind       = "Failed to bind to specified addresses."
)

// applyConfig gives the engine and the network layer the loaded values
// and registers what CONFIG SET must change at run time. The lazyfree-*
// directives need no wiring: modhost frees values synchronously, which
// clients cannot tell apart from Redis's background freeing.
func (in *Instance) applyConfig() {
	cfg, eng, srv, log := in.Cfg, in.Eng, in.Srv, in.Log
	st := eng.Config()
	st.Cfg = cfg
	st.Log = log.Logf
	st.Loading = func() bool {
		p := commands.PersistenceOf(eng.Commands)
		return p != nil && p.Loading
	}
	st.Rewrite = config.RewriteHooks{Modules: in.moduleLines}
	commands.SetupACL(eng, cfg, log.Logf) // requirepass, acl-pubsub-default, user lines in CONFIG REWRITE
	eng.DebugSubs["config-rewrite-force-all"] = func(c *engine.Ctx) {
		if len(c.Args) != 2 {
			c.Error("ERR unknown subcommand or wrong number of arguments for '" + c.Arg(1) + "'. Try DEBUG HELP.")
			return
		}
		h := st.Rewrite
		h.ForceAll = true
		err := cfg.Rewrite(h)
		var re *config.RewriteError
		switch {
		case errors.As(err, &re):
			c.Error("ERR CONFIG-REWRITE-FORCE-ALL failed: " + strings.TrimPrefix(err.Error(), "ERR Rewriting config file: "))
		case err != nil:
			c.Error("ERR CONFIG-REWRITE-FORCE-ALL failed: No such file or directory")
		default:
			c.W.OK()
		}
	}

	syncSettings(cfg, &eng.Settings)
	syncLFU(cfg, eng.KS)
	// The cron applies tracking-table-max-keys even when no command runs
	// after a CONFIG SET lowers it, and sends broadcasts of expired keys.
	srv.Cron = append(srv.Cron, eng.TrackingCron)
	for _, name := range settingNames {
		cfg.OnApply(name, func(_, _ string) error {
			syncSettings(cfg, &eng.Settings)
			syncLFU(cfg, eng.KS)
			return nil
		})
	}
	for name, p := range encodingVars {
		p, name := p, name
		*p = int(cfg.Int(name))
		cfg.OnApply(name, func(_, _ string) error {
			*p = int(cfg.Int(name))
			return nil
		})
	}
	// A maxmemory below the memory in use evicts right after the command
	// that set it, as Redis's eviction timer does (not at the next
	// command).
	cfg.OnApply("maxmemory", func(_, _ string) error {
		limit := eng.Settings.MaxMemory
		if eng.Memory.Evict == nil || eng.Memory.State == nil || limit <= 0 {
			return nil
		}
		if over, level := eng.Memory.State(); over {
			log.Warning("WARNING: the new maxmemory value set via CONFIG SET (%d) is smaller than the current memory usage (%d). This will result in key eviction and/or the inability to accept new write commands depending on the maxmemory-policy.",
				limit, int64(level*float64(limit)))
			eng.EvictSoon()
		}
		return nil
	})
	eng.RequirePass = cfg.String("requirepass")
	cfg.OnApply("requirepass", func(_, _ string) error {
		eng.RequirePass = cfg.String("requirepass")
		return nil
	})
	cfg.OnApply("loglevel", func(_, v string) error {
		if l, ok := server.ParseLevel(v); ok {
			log.SetLevel(l)
		}
		return nil
	})
	srv.SetProtectedMode(cfg.Bool("protected-mode"))
	cfg.OnApply("protected-mode", func(_, _ string) error {
		srv.SetProtectedMode(cfg.Bool("protected-mode"))
		return nil
	})
	cfg.OnApply("tcp-keepalive", func(_, _ string) error {
		srv.SetKeepAlive(int(cfg.Int("tcp-keepalive")))
		return nil
	})
	cfg.OnApply("port", func(_, _ string) error {
		if err := srv.Rebind(int(cfg.Int("port")), cfg.Lookup("bind").Strings()); err != nil {
			log.Warning("Failed applying new configuration. Possibly related to new port setting. Restoring previous settings.")
			return errors.New(errListenPort)
		}
		return nil
	})
	cfg.OnApply("bind", func(_, _ string) error {
		if err := srv.Rebind(int(cfg.Int("port")), cfg.Lookup("bind").Strings()); err != nil {
			log.Warning("Failed applying new configuration. Possibly related to new bind setting. Restoring previous settings.")
			return errors.New(errBind)
		}
		return nil
	})
	srv.SignalFlags = func(sigint bool) (save, nosave, force bool) {
		name := "shutdown-on-sigterm"
		if sigint {
			name = "shutdown-on-sigint"
		}
		f := cfg.Int(name)
		return f&config.ShutdownSave != 0, f&config.ShutdownNoSave != 0, f&config.ShutdownForce != 0
	}
}

// moduleLines gives CONFIG REWRITE one loadmodule line per loaded module,
// arguments included.
func (in *Instance) moduleLines() []string {
	var out []string
	for _, m := range in.Host.Modules() {
		// Redis writes the arguments as they are, unquoted.
		out = append(out, strings.Join(append([]string{"loadmodule", m.Path}, m.Args...), " "))
	}
	return out
}
