package app

import (
	"errors"
	"os"
	"strings"

	"modhost/aof"
	"modhost/commands"
	"modhost/engine"
	"modhost/rdb"
	"modhost/server"
)

// loadData is loadDataFromDisk: with appendonly yes the AOF is loaded (or
// created) instead of the RDB file, and the AOF machinery is wired in
// either way (INFO, BGREWRITEAOF, CONFIG SET appendonly, SHUTDOWN).
// Lock held.
func (in *Instance) loadData(eng *engine.Server, p *commands.Persistence, log *server.Logger) error {
	if in.Cfg == nil {
		return loadAtStart(eng, p, log)
	}
	cfg := in.Cfg
	a := aof.New(eng, aof.Config{
		Dir:            func() string { return cfg.String("dir") },
		DirName:        func() string { return cfg.String("appenddirname") },
		FileName:       func() string { return cfg.String("appendfilename") },
		Fsync:          func() string { return cfg.String("appendfsync") },
		LoadTruncated:  func() bool { return cfg.Bool("aof-load-truncated") },
		UseRDBPreamble: func() bool { return cfg.Bool("aof-use-rdb-preamble") },
		Modules:        moduleRewriter(p),
		SaveOptions:    func() rdb.SaveOptions { return aofSaveOptions(eng, p) },
		LoadOptions:    func() rdb.LoadOptions { return loadOptions(p, log) },
		Logf:           p.Logf,
		LoadStart:      func(total int64) { p.BeginLoading(total, commands.LoadingAOFStart) },
		LoadEnd:        p.EndLoading,
		Progress: func(loaded int64, cmds bool) {
			if p.LoadTick != nil {
				p.LoadTick(loaded, cmds)
			}
		},
		// A rewrite has no child process here: modules hear AOF_START
		// and its end in the server itself.
		SaveStart: func(sync bool) {
			if sync {
				persistEvent(p, commands.PersistenceSyncAOFStart)
			} else {
				persistEvent(p, commands.PersistenceAOFStart)
			}
		},
		SaveEnd: func(ok bool) {
			if ok {
				persistEvent(p, commands.PersistenceEnded)
			} else {
				persistEvent(p, commands.PersistenceFailed)
			}
		},
	})
	p.AOFInfo = a.WriteInfo
	if in.Repl != nil {
		// A replica that loaded its master's snapshot rewrites its AOF
		// from the new dataset, as Redis restarts the AOF after a sync.
		in.Repl.AfterFullSync = func() {
			if a.Enabled() {
				_ = a.StartRewrite(false)
			}
		}
	}
	p.AOFDiskError = a.DiskError
	p.PauseAOF = func() func() {
		if !a.Enabled() {
			return nil
		}
		if a.RewriteInProgress() {
			log.Notice("Killing running AOF rewrite child: %d", os.Getpid())
		}
		a.Stop()
		return func() {
			if err := a.StartRewrite(true); err != nil {
				log.Warning("Redis needs to enable the AOF but can't trigger a background AOF rewrite operation. Check the above logs for more info about the error.")
			}
		}
	}
	eng.Commands.Add(&engine.Spec{Name: "bgrewriteaof", Arity: 1,
		Flags: engine.FlagAdmin | engine.FlagNoScript | engine.FlagNoAsyncLoading,
		ACL:   []string{"admin", "slow", "dangerous"}, Run: func(c *engine.Ctx) { cmdBgrewriteaof(c, a) },
		Summary: "Asynchronously rewrites the append-only file to disk.", Since: "1.0.0", Group: "server", Complexity: "O(1)"})
	eng.DebugSubs["loadaof"] = func(c *engine.Ctx) { debugLoadAOF(c, a, p, in.loadTick(p)) }
	cfg.OnApply("appendonly", func(_, v string) error {
		switch {
		case v == "yes" && !a.Enabled():
			if err := a.StartRewrite(true); err != nil {
				return errors.New("Unable to turn on AOF. Check server logs.")
			}
		case v == "no" && a.Enabled():
			a.Stop()
		}
		return nil
	})
	// Cron hooks run with the lock held.
	in.Srv.Cron = append(in.Srv.Cron, func() {
		a.Cron(cfg.Int("auto-aof-rewrite-percentage"), int64(cfg.Memory("auto-aof-rewrite-min-size")))
	})
	// Shutdown hooks run with the lock held.
	in.Srv.BeforeShutdown = append(in.Srv.BeforeShutdown, func(_, _ bool) error {
		if a.Enabled() {
			log.Notice("Calling fsync() on the AOF file.")
			a.Flush()
		}
		return nil
	})
	if !cfg.Bool("appendonly") {
		return loadAtStart(eng, p, log)
	}
	err := a.Load()
	if err != nil && !errors.Is(err, aof.ErrNotExist) {
		// Redis exits right after the loader's own reason, which stays
		// the last log line.
		return err
	}
	return a.Start()
}

// aofSaveOptions are the RDB settings of an AOF base file.
func aofSaveOptions(eng *engine.Server, p *commands.Persistence) rdb.SaveOptions {
	opt := rdb.SaveOptions{
		Modules:  p.Modules,
		Compress: p.Compression == nil || p.Compression(),
		Checksum: p.Checksum == nil || p.Checksum(),
	}
	if p.Functions != nil {
		opt.Functions = p.Functions()
	} else {
		opt.Functions = p.KeptFunctions
	}
	if p.UsedMem != nil {
		opt.UsedMem = p.UsedMem()
	}
	if p.Policy != nil {
		pol := p.Policy()
		opt.SaveLRU = strings.Contains(pol, "lru")
		opt.SaveLFU = strings.Contains(pol, "lfu")
	}
	return opt
}

func cmdBgrewriteaof(c *engine.Ctx, a *aof.AOF) {
	if a.RewriteInProgress() {
		c.Error(aof.ErrRewriteInProgress.Error())
		return
	}
	if err := a.StartRewrite(false); err != nil {
		c.Error("ERR Can't execute an AOF background rewriting. Please check the server logs for more information.")
		return
	}
	c.W.Simple("Background append only file rewriting started")
}

// moduleRewriter is the module layer's aof_rewrite runner, when there is
// a module layer.
func moduleRewriter(p *commands.Persistence) aof.ModuleRewriter {
	mr, _ := p.Modules.(aof.ModuleRewriter)
	return mr
}

// debugLoadAOF is DEBUG LOADAOF: sync the AOF, empty the dataset and load
// it back from the files. Nothing of it is propagated. Lock held.
// persistEvent raises a Persistence server event for modules, if any.
func persistEvent(p *commands.Persistence, sub uint64) {
	if p.Event != nil {
		p.Event(commands.EventPersistence, sub)
	}
}

func debugLoadAOF(c *engine.Ctx, a *aof.AOF, p *commands.Persistence, tick func(int64, bool)) {
	eng := c.S
	dirty := eng.KS.Dirty
	if a.Enabled() {
		a.Flush()
	}
	prop, unit := eng.Propagate, eng.PropagateUnit
	eng.Propagate, eng.PropagateUnit = nil, nil
	for _, db := range eng.KS.DBs {
		db.Flush()
	}
	// Loading paces and reports progress as at startup (key-load-delay,
	// LoadingProgress events).
	p.LoadTick = tick
	err := a.Load()
	p.LoadTick = nil
	eng.Propagate, eng.PropagateUnit = prop, unit
	eng.KS.Dirty = dirty
	if err != nil && !errors.Is(err, aof.ErrNotExist) {
		// Redis exits here; modhost keeps serving what it could load.
		c.Error("ERR Error loading the AOF files, check server logs.")
		return
	}
	p.Logf(false, "Append Only File loaded by DEBUG LOADAOF")
	c.W.OK()
}
