package app

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"modhost/capi"
	"modhost/commands"
	"modhost/config"
	"modhost/engine"
	"modhost/rdb"
	"modhost/server"
)

// PersistenceConfig is what RDB persistence reads from the configuration.
// Functions are read at each use, so CONFIG SET takes effect at once.
type PersistenceConfig struct {
	Dir         func() string
	DBFilename  func() string
	Compression func() bool
	Checksum    func() bool
	SavePoints  func() []commands.SavePoint
	// Policy is maxmemory-policy: LRU policies save idle times, LFU ones
	// the access counters.
	Policy func() string
}

// PersistenceFromConfig reads dir, dbfilename, rdbcompression, rdbchecksum
// and save from the live configuration.
func PersistenceFromConfig(c *config.Config) PersistenceConfig {
	return PersistenceConfig{
		Dir:         func() string { return c.String("dir") },
		DBFilename:  func() string { return c.String("dbfilename") },
		Compression: func() bool { return c.Bool("rdbcompression") },
		Checksum:    func() bool { return c.Bool("rdbchecksum") },
		Policy:      func() string { return c.String("maxmemory-policy") },
		SavePoints: func() []commands.SavePoint {
			var out []commands.SavePoint
			for _, sp := range c.Save() {
				out = append(out, commands.SavePoint{Seconds: sp.Seconds, Changes: sp.Changes})
			}
			return out
		},
	}
}

// PersistenceFromArgs reads the same settings from redis-server style
// arguments (--dir, --dbfilename, --save, --rdbcompression,
// --rdbchecksum), for callers that have no config.Config yet. Without
// --save, Redis's default save points apply.
func PersistenceFromArgs(args []string) PersistenceConfig {
	dir, name := "", "dump.rdb"
	compress, checksum := true, true
	save := "3600 1 300 100 60 10000"
	for i := 0; i+1 < len(args); i++ {
		v := args[i+1]
		switch args[i] {
		case "--dir":
			dir = v
		case "--dbfilename":
			name = v
		case "--save":
			save = v
		case "--rdbcompression":
			compress = v == "yes"
		case "--rdbchecksum":
			checksum = v == "yes"
		default:
			continue
		}
		i++
	}
	var points []commands.SavePoint
	f := strings.Fields(save)
	for i := 0; i+1 < len(f); i += 2 {
		s, err1 := strconv.ParseInt(f[i], 10, 64)
		c, err2 := strconv.ParseInt(f[i+1], 10, 64)
		if err1 == nil && err2 == nil {
			points = append(points, commands.SavePoint{Seconds: s, Changes: c})
		}
	}
	return PersistenceConfig{
		Dir:         func() string { return dir },
		DBFilename:  func() string { return name },
		Compression: func() bool { return compress },
		Checksum:    func() bool { return checksum },
		SavePoints:  func() []commands.SavePoint { return points },
	}
}

// StartPersistence wires RDB persistence into a built instance: it loads
// dir/dbfilename (a missing file is fine), registers INFO persistence,
// the save points in cron and the final save on shutdown. Call it after
// modules are loaded and before Serve. mods may be nil (no module layer).
func (in *Instance) StartPersistence(cfg PersistenceConfig, mods rdb.Modules) error {
	eng := in.Eng
	p := commands.PersistenceOf(eng.Commands)
	p.Dir, p.DBFilename = cfg.Dir, cfg.DBFilename
	p.Compression, p.Checksum, p.SavePoints = cfg.Compression, cfg.Checksum, cfg.SavePoints
	p.Policy = cfg.Policy
	if mods != nil {
		p.Modules = mods
	}
	log := in.Log
	p.Logf = func(warn bool, format string, args ...any) {
		if warn {
			log.Warning(format, args...)
		} else {
			log.Notice(format, args...)
		}
	}
	if in.Cfg != nil {
		cfg := in.Cfg
		p.StopWritesOnError = func() bool { return cfg.Bool("stop-writes-on-bgsave-error") }
		p.KeyDelay = func() int64 { return cfg.Int("rdb-key-save-delay") }
	}
	eng.Lock.Lock()
	eng.Persist.DiskError = p.DiskError
	eng.Persist.Loading = func() bool { return p.Loading }
	eng.Info.AddInfoSection(engine.InfoSection{Name: "persistence", Default: true,
		Write: func(w *strings.Builder) { p.WriteInfo(eng, w) }})
	eng.DebugSubs["reload"] = func(c *engine.Ctx) { debugReload(c, p) }
	eng.DebugSubs["digest"] = func(c *engine.Ctx) { debugDigest(c, p) }
	eng.DebugSubs["digest-value"] = func(c *engine.Ctx) { debugDigestValue(c, p) }
	p.LoadTick = in.loadTick(p)
	err := in.loadData(eng, p, log)
	p.LoadTick = nil
	if in.Host != nil {
		in.Host.SetRdbStreamHooks(in.rdbStreamHooks(p))
	}
	eng.LastSave = time.Now().Unix()
	eng.Lock.Unlock()
	if err != nil {
		return err
	}
	in.Srv.Cron = append(in.Srv.Cron, func() { p.Cron(eng) })
	in.Srv.BeforeShutdown = append(in.Srv.BeforeShutdown, func(save, nosave bool) error {
		return shutdownSave(eng, p, log, save, nosave)
	})
	return nil
}

// loadAtStart is loadDataFromDisk for the RDB case. Lock held.
func loadAtStart(eng *engine.Server, p *commands.Persistence, log *server.Logger) error {
	start := time.Now()
	st, statErr := os.Stat(p.Path())
	if statErr == nil {
		p.BeginLoading(st.Size(), commands.LoadingRDBStart)
	}
	opt := loadOptions(p, log)
	if tick := p.LoadTick; tick != nil {
		opt.Progress = func(pos int64) { tick(pos, false) }
	}
	res, err := rdb.LoadFile(p.Path(), eng.KS, opt)
	if statErr == nil {
		// Modules hear ENDED, or FAILED when the load errs out.
		p.EndLoading(err == nil)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		var re *rdb.Error
		switch {
		case errors.As(err, &re) && re.Header:
			log.Warning("%s", re.Msg)
			log.Warning("Fatal error loading the DB, check server logs. Exiting.")
		case errors.As(err, &re):
			if !re.Corrupt {
				log.Warning("Short read or OOM loading DB. Unrecoverable error, aborting now.")
			}
			log.Warning("Internal error in RDB reading offset %d, function at rdb.go -> %s", re.Offset, re.Msg)
			log.Warning("Terminating server after rdb file reading failure.")
		default:
			log.Warning("Fatal error: can't open the RDB file %s for reading: %s", p.Path(), errText(err))
			log.Warning("Fatal error loading the DB, check server logs. Exiting.")
		}
		return err
	}
	p.LastLoadKeys, p.LastLoadExpired = res.Keys, res.Expired
	p.KeptFunctions = res.Functions
	log.Notice("DB loaded from disk: %.3f seconds", time.Since(start).Seconds())
	return nil
}

func loadOptions(p *commands.Persistence, log *server.Logger) rdb.LoadOptions {
	return rdb.LoadOptions{
		Modules:      p.Modules,
		SkipChecksum: p.Checksum != nil && !p.Checksum(),
		Log:          func(msg string) { log.Notice("%s", msg) },
	}
}

// shutdownSave is the RDB part of SHUTDOWN. Lock held.
func shutdownSave(eng *engine.Server, p *commands.Persistence, log *server.Logger, save, nosave bool) error {
	if p.KillBgsave() {
		log.Warning("There is a child saving an .rdb. Killing it!")
	}
	if (p.HasSavePoints() && !nosave) || save {
		log.Notice("Saving the final RDB snapshot before exiting.")
		if err := p.Save(eng); err != nil {
			log.Warning("Error trying to save the DB, can't exit.")
			return err
		}
	}
	return nil
}

// debugReload is DEBUG RELOAD [MERGE] [NOFLUSH] [NOSAVE]: save, empty the
// keyspace, load the file back. Lock held.
func debugReload(c *engine.Ctx, p *commands.Persistence) {
	flush, save, merge := true, true, false
	for _, a := range c.Args[2:] {
		switch strings.ToLower(string(a)) {
		case "merge":
			merge = true
		case "noflush":
			flush = false
		case "nosave":
			save = false
		default:
			c.Error("ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.")
			return
		}
	}
	if save {
		if p.BgsaveInProgress() {
			p.KillBgsave()
		}
		if err := p.Save(c.S); err != nil {
			c.Error("ERR")
			return
		}
	}
	if flush {
		for _, db := range c.S.KS.DBs {
			db.Flush()
		}
	}
	opt := rdb.LoadOptions{Modules: p.Modules, SkipChecksum: p.Checksum != nil && !p.Checksum(), AllowDup: merge}
	// The server is loading meanwhile (INFO loading:1, -LOADING for
	// other clients while a module's rdb_load yields), as Redis's rdbLoad.
	var size int64
	if st, err := os.Stat(p.Path()); err == nil {
		size = st.Size()
	}
	p.BeginLoading(size, commands.LoadingRDBStart)
	res, err := rdb.LoadFile(p.Path(), c.S.KS, opt)
	p.EndLoading(err == nil)
	if err != nil {
		p.Logf(true, "%s", err.Error())
		c.Error("ERR Error trying to load the RDB dump, check server logs.")
		return
	}
	if flush {
		p.KeptFunctions = res.Functions
	}
	p.Logf(false, "DB reloaded by DEBUG RELOAD")
	c.W.OK()
}

// debugDigest is DEBUG DIGEST. Lock held.
func debugDigest(c *engine.Ctx, p *commands.Persistence) {
	if len(c.Args) != 2 {
		c.Error("ERR unknown subcommand or wrong number of arguments for 'digest'. Try DEBUG HELP.")
		return
	}
	c.W.Simple(rdb.Digest(c.S.KS, p.Modules))
}

// debugDigestValue is DEBUG DIGEST-VALUE key... Lock held.
func debugDigestValue(c *engine.Ctx, p *commands.Persistence) {
	c.W.Array(len(c.Args) - 2)
	for _, k := range c.Args[2:] {
		c.W.Simple(rdb.ValueDigest(c.DB, string(k), p.Modules))
	}
}

// errText strips Go's "open path:" prefix, leaving the strerror text.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// rdbStreamHooks are RM_RdbLoad and RM_RdbSave for the module layer.
func (in *Instance) rdbStreamHooks(p *commands.Persistence) capi.RdbStreamHooks {
	eng, log := in.Eng, in.Log
	return capi.RdbStreamHooks{
		Save: func(path string) syscall.Errno {
			if err := p.SaveTo(eng, path); err != nil {
				return errnoOf(err, syscall.EIO)
			}
			return 0
		},
		Load: func(path string) syscall.Errno {
			if commands.IsReplica(eng.Commands) {
				return syscall.ENOTSUP
			}
			// Replicas must sync again, fully, from the dataset about to
			// replace this one.
			if in.Repl != nil {
				in.Repl.DropReplicas()
			} else {
				for _, c := range eng.ClientsByID() {
					if c.Flags&engine.ClientReplica != 0 {
						eng.KillClient(c)
					}
				}
			}
			var resume func()
			if p.PauseAOF != nil {
				resume = p.PauseAOF()
			}
			if resume != nil {
				defer resume()
			}
			p.AbortBgsave()
			eng.FireFlush(false, -1, false)
			for _, db := range eng.KS.DBs {
				db.Flush()
			}
			eng.FireFlush(true, -1, false)
			st, err := os.Stat(path)
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return syscall.ENOENT
				}
				log.Warning("Fatal error: can't open the RDB file %s for reading: %s", path, errText(err))
				return syscall.EIO
			}
			p.BeginLoading(st.Size(), commands.LoadingRDBStart)
			opt := loadOptions(p, log)
			// The calling client waits inside its command meanwhile, so
			// only other clients are served (with -LOADING).
			tick := in.loadTick(p)
			opt.Progress = func(pos int64) { tick(pos, false) }
			res, err := rdb.LoadFile(path, eng.KS, opt)
			p.EndLoading(err == nil)
			if err != nil {
				log.Warning("%s", err.Error())
				return syscall.EIO
			}
			p.LastLoadKeys, p.LastLoadExpired = res.Keys, res.Expired
			p.KeptFunctions = res.Functions
			return 0
		},
	}
}

// errnoOf returns the errno inside err, or def.
func errnoOf(err error, def syscall.Errno) syscall.Errno {
	var e syscall.Errno
	if errors.As(err, &e) {
		return e
	}
	return def
}
