package commands

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"modhost/engine"
	"modhost/keyspace"
	"modhost/rdb"
)

func init() { groups = append(groups, registerPersistence) }

// Persistence command errors, as Redis spells them.
const (
	msgBgsaveInProgress = "ERR Background save already in progress"
	msgBareErr          = "ERR"
	msgBusyKey          = "BUSYKEY Target key name already exists."
	msgBadTTL           = "ERR Invalid TTL value, must be >= 0"
	msgBadIdletime      = "ERR Invalid IDLETIME value, must be >= 0"
	msgBadFreq          = "ERR Invalid FREQ value, must be >= 0 and <= 255"
	msgBadPayload       = "ERR DUMP payload version or checksum are wrong"
	msgBadDataFormat    = "ERR Bad data format"
)

// bgsaveRetryDelay is how long a failed background save waits before a
// save point may trigger another (CONFIG_BGSAVE_RETRY_DELAY).
const bgsaveRetryDelay = 5 * time.Second

// SavePoint is one "save <seconds> <changes>" rule.
type SavePoint struct {
	Seconds int64
	Changes int64
}

// Persistence is one server's RDB state: settings the app wires in, and
// what SAVE, BGSAVE, DUMP, RESTORE and INFO persistence share. Fields
// without a note are guarded by the execution lock.
type Persistence struct {
	// Event, when set, receives server events (id, subevent) for modules:
	// Persistence around synchronous saves, Loading around loads.
	Event func(id, sub uint64)
	// Settings, read at each use; nil means Redis's default.
	Dir         func() string
	DBFilename  func() string
	Compression func() bool
	Checksum    func() bool
	SavePoints  func() []SavePoint
	// Policy returns maxmemory-policy (LRU policies save idle times, LFU
	// ones access counters); nil means noeviction.
	Policy func() string
	// Modules serialises module values; nil when no module layer exists.
	Modules rdb.Modules
	// Functions returns the function libraries' code to save. While it is
	// nil, the libraries found by the last load are saved back unchanged.
	Functions func() [][]byte
	// KeptFunctions are those libraries (raw FUNCTION2 payloads).
	KeptFunctions [][]byte
	// UsedMem feeds the used-mem aux field.
	UsedMem func() int64
	// Logf logs at notice level, or warning when warn is set.
	Logf func(warn bool, format string, args ...any)
	// AOFInfo, when set, writes the aof_* lines of INFO persistence.
	AOFInfo func(w *strings.Builder)
	// KeyDelay is rdb-key-save-delay (nil: 0).
	KeyDelay func() int64
	// PauseAOF, when set, turns a running AOF off for RM_RdbLoad (killing
	// a rewrite) and returns what turns it back on, or nil when it was off.
	PauseAOF func() (resume func())
	// StopWritesOnError is stop-writes-on-bgsave-error (nil: yes).
	StopWritesOnError func() bool
	// AOFDiskError, when set, returns the AOF's MISCONF text while its
	// writes fail, or "".
	AOFDiskError func() string

	// Loading is set while the start-up load runs (INFO loading).
	Loading bool
	// LoadStart (unix seconds), LoadTotal and LoadLoaded (bytes) describe
	// the load in progress for INFO's loading_* fields.
	LoadStart, LoadTotal, LoadLoaded int64
	// LoadTick, when set, is called as a start-up load advances, with
	// the bytes loaded and whether they were AOF commands: it applies
	// key-load-delay, lets clients in and reports progress to modules.
	LoadTick func(loaded int64, aofCommands bool)
	// LastLoadKeys and LastLoadExpired describe the last RDB load.
	LastLoadKeys, LastLoadExpired int64

	bgRunning      bool
	bgStart        time.Time
	bgScheduled    bool
	bgDone         chan struct{}
	bgCancel       chan struct{}
	lastBgOK       bool
	lastBgTry      time.Time
	lastBgDuration int64
	saves          int64
}

// PersistenceOf returns the persistence state registered with t.
func PersistenceOf(t *engine.Table) *Persistence {
	if s := t.Lookup([]byte("save")); s != nil {
		if p, ok := s.Private.(*Persistence); ok {
			return p
		}
	}
	return nil
}

func persistenceOf(c *engine.Ctx) *Persistence { return PersistenceOf(c.S.Commands) }

func registerPersistence(t *engine.Table) {
	p := &Persistence{lastBgOK: true, lastBgDuration: -1}
	t.Add(&engine.Spec{Name: "bgsave", Arity: -1, Flags: admin | noscript | engine.FlagNoAsyncLoading, ACL: []string{"admin", "slow", "dangerous"},
		Run: cmdBgsave, Private: p, Summary: "Asynchronously saves the database(s) to disk.", Since: "1.0.0", Group: "server", Complexity: "O(1)"})
	t.Add(&engine.Spec{Name: "dump", Arity: 2, Flags: readonly, First: 1, Last: 1, Step: 1, ACL: []string{"keyspace", "read", "slow"},
		KeySpecs: []engine.KeySpec{{Flags: []string{"RO", "ACCESS"}, Index: 1, LastKey: 0, KeyStep: 1}},
		Run:      cmdDump, Private: p, Summary: "Returns a serialized representation of the value stored at a key.", Since: "2.6.0", Group: "generic",
		Complexity: "O(1) to access the key and additional O(N*M) to serialize it, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1).",
		Tips:       []string{tipNondet}})
	t.Add(&engine.Spec{Name: "restore", Arity: -4, Flags: write | denyoom, First: 1, Last: 1, Step: 1, ACL: []string{"keyspace", "write", "slow", "dangerous"},
		KeySpecs: []engine.KeySpec{{Flags: []string{"OW", "UPDATE"}, Index: 1, LastKey: 0, KeyStep: 1}},
		Run:      cmdRestore, Private: p, Summary: "Creates a key from the serialized representation of a value.", Since: "2.6.0", Group: "generic",
		Complexity: "O(1) to create the new key and additional O(N*M) to reconstruct the serialized value, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1). However for sorted set values the complexity is O(N*M*log(N)) because inserting values into sorted sets is O(log(N))."})
	t.Add(&engine.Spec{Name: "save", Arity: 1, Flags: admin | noscript | nomulti | engine.FlagNoAsyncLoading, ACL: []string{"admin", "slow", "dangerous"},
		Run: cmdSave, Private: p, Summary: "Synchronously saves the database(s) to disk.", Since: "1.0.0", Group: "server", Complexity: "O(N) where N is the total number of keys in all databases"})
}

func (p *Persistence) logf(warn bool, format string, args ...any) {
	if p.Logf != nil {
		p.Logf(warn, format, args...)
	}
}

// Path returns dir/dbfilename.
func (p *Persistence) Path() string {
	dir, name := ".", "dump.rdb"
	if p.Dir != nil {
		if d := p.Dir(); d != "" {
			dir = d
		}
	}
	if p.DBFilename != nil {
		name = p.DBFilename()
	}
	return dir + string(os.PathSeparator) + name
}

func (p *Persistence) dirName() (string, string) {
	path := p.Path()
	i := strings.LastIndexByte(path, os.PathSeparator)
	return path[:i], path[i+1:]
}

func (p *Persistence) compress() bool { return p.Compression == nil || p.Compression() }

// Encode serialises the keyspace with the configured options. Lock held.
func (p *Persistence) Encode(s *engine.Server) ([]byte, error) {
	return rdb.Encode(s.KS, p.saveOptions(s))
}

func (p *Persistence) saveOptions(s *engine.Server) rdb.SaveOptions {
	opt := rdb.SaveOptions{
		Modules:  p.Modules,
		Compress: p.compress(),
		Checksum: p.Checksum == nil || p.Checksum(),
		Now:      s.KS.Now(),
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
	if p.KeyDelay != nil {
		opt.KeyDelay = p.KeyDelay()
	}
	return opt
}

// Save is SAVE's body (also shutdown and DEBUG RELOAD): encode and write
// the file synchronously. Lock held.
func (p *Persistence) Save(s *engine.Server) error {
	p.event(EventPersistence, PersistenceSyncRDBStart)
	data, err := p.Encode(s)
	if err == nil {
		dir, name := p.dirName()
		err = rdb.WriteFile(dir, name, data)
	}
	if err != nil {
		p.logf(true, "Write error saving DB on disk: %s", errText(err))
		p.event(EventPersistence, PersistenceFailed)
		return err
	}
	p.logf(false, "DB saved on disk")
	p.event(EventPersistence, PersistenceEnded)
	s.KS.Dirty = 0
	s.LastSave = time.Now().Unix()
	p.lastBgOK = true
	p.saves++
	return nil
}

// MsgMISCONF is the error write commands (and PING) get while
// WritesDenied is true.
const MsgMISCONF = "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error."

// WritesDenied reports Redis's DISK_ERROR_TYPE_RDB condition: the last
// background save failed while save points exist and stopOnError
// (stop-writes-on-bgsave-error) is set. Lock held.
func (p *Persistence) WritesDenied(stopOnError bool) bool {
	return stopOnError && p.HasSavePoints() && !p.lastBgOK
}

// DiskError is writeCommandsDeniedByDiskError with its message: the
// RDB MISCONF text, else the AOF's while its writes fail, else "".
// Dispatch and RM_Call consult it. Lock held.
func (p *Persistence) DiskError() string {
	if p.WritesDenied(p.StopWritesOnError == nil || p.StopWritesOnError()) {
		return MsgMISCONF
	}
	if p.AOFDiskError != nil {
		return p.AOFDiskError()
	}
	return ""
}

// BgsaveInProgress reports whether a background save runs. Lock held.
func (p *Persistence) BgsaveInProgress() bool { return p.bgRunning }

// StartBgsave copies the keyspace (module values through their
// rdb_save) under the lock, then encodes, compresses and writes the file
// in a goroutine, which takes the lock again only to put the file in place
// and record the outcome. Lock held.
func (p *Persistence) StartBgsave(s *engine.Server) error {
	p.lastBgTry = time.Now()
	cancel := make(chan struct{})
	opt := p.saveOptions(s)
	opt.Cancel = cancel
	snap, err := rdb.TakeSnapshot(s.KS, opt)
	if err != nil {
		p.lastBgOK = false
		p.logf(true, "Can't save in background: %s", errText(err))
		return err
	}
	dirtyBefore := s.KS.Dirty
	p.bgRunning = true
	p.bgScheduled = false
	p.bgStart = time.Now()
	done := make(chan struct{})
	p.bgDone, p.bgCancel = done, cancel
	p.logf(false, "Background saving started by pid %d", os.Getpid())
	dir, name := p.dirName()
	go func() {
		defer close(done)
		data := snap.Encode()
		var tmp string
		var werr error
		if data != nil {
			tmp, werr = rdb.WriteTemp(dir, data)
		}
		s.Lock.Lock()
		defer s.Lock.Unlock()
		if p.bgDone != done {
			// Shutdown or a flush abandoned this save meanwhile.
			if werr == nil && tmp != "" {
				os.Remove(tmp)
			}
			return
		}
		if werr == nil {
			werr = rdb.Commit(tmp, dir, name)
		}
		p.bgRunning = false
		p.lastBgDuration = int64(time.Since(p.bgStart).Seconds())
		if werr != nil {
			p.lastBgOK = false
			p.logf(true, "Write error saving DB on disk: %s", errText(werr))
			p.logf(true, "Background saving error")
			return
		}
		p.logf(false, "DB saved on disk")
		p.logf(false, "Background saving terminated with success")
		s.KS.Dirty -= dirtyBefore
		if s.KS.Dirty < 0 {
			s.KS.Dirty = 0
		}
		s.LastSave = time.Now().Unix()
		p.lastBgOK = true
		p.saves++
	}()
	return nil
}

// KillBgsave abandons a running background save: its file is never
// renamed into place (SHUTDOWN, FLUSHALL). Lock held.
func (p *Persistence) KillBgsave() bool {
	if !p.bgRunning {
		return false
	}
	// Like a child killed with SIGUSR1, this leaves the last status as is.
	p.bgRunning = false
	p.bgDone = nil
	if p.bgCancel != nil {
		close(p.bgCancel)
		p.bgCancel = nil
	}
	return true
}

// AfterFlushAll is FLUSHALL's persistence step (flushAllDataAndResetRDB):
// abandon a running background save and, when save points exist, save
// the now empty dataset. FLUSHALL calls it after emptying the dbs, then
// counts its own change. Lock held.
func (p *Persistence) AfterFlushAll(s *engine.Server) {
	p.AbortBgsave()
	if p.HasSavePoints() {
		_ = p.Save(s)
	}
}

// AbortBgsave is killRDBChild: a running background save is abandoned
// and logged as Redis logs the child it killed with SIGUSR1 (the last
// status stays). Lock held.
func (p *Persistence) AbortBgsave() {
	if p.KillBgsave() {
		p.lastBgDuration = int64(time.Since(p.bgStart).Seconds())
		p.logf(true, "Background saving terminated by signal 10")
	}
}

// SaveTo is rdbSaveToFile (RM_RdbSave): the dataset goes to path through
// a temporary file in the same directory, with the Persistence events
// around it; the change counter and LASTSAVE stay as they are. Lock held.
func (p *Persistence) SaveTo(s *engine.Server, path string) error {
	p.event(EventPersistence, PersistenceSyncRDBStart)
	data, err := p.Encode(s)
	if err == nil {
		err = rdb.WriteFile(filepath.Dir(path), filepath.Base(path), data)
	}
	if err != nil {
		p.logf(true, "Write error saving DB on disk: %s", errText(err))
		p.event(EventPersistence, PersistenceFailed)
		return err
	}
	p.event(EventPersistence, PersistenceEnded)
	return nil
}

// IsReplica reports whether the replication layer plugged into t follows
// a master.
func IsReplica(t *engine.Table) bool {
	if s := t.Lookup([]byte("sync")); s != nil {
		if slot, ok := s.Private.(*replicationSlot); ok && slot.r != nil {
			if r, ok := slot.r.(interface{ IsReplica() bool }); ok {
				return r.IsReplica()
			}
		}
	}
	return false
}

// WaitBgsave blocks until a running background save ends. It must be
// called without the lock.
func (p *Persistence) WaitBgsave(s *engine.Server) {
	s.Lock.Lock()
	done := p.bgDone
	s.Lock.Unlock()
	if done != nil {
		<-done
	}
}

// Cron runs the save points and scheduled BGSAVEs (serverCron). Lock held.
func (p *Persistence) Cron(s *engine.Server) {
	if p.bgRunning {
		return
	}
	if p.bgScheduled {
		_ = p.StartBgsave(s)
		return
	}
	if p.SavePoints == nil {
		return
	}
	now := time.Now()
	for _, sp := range p.SavePoints() {
		if s.KS.Dirty >= sp.Changes && now.Unix()-s.LastSave > sp.Seconds &&
			(now.Sub(p.lastBgTry) > bgsaveRetryDelay || p.lastBgOK) {
			p.logf(false, "%d changes in %d seconds. Saving...", sp.Changes, sp.Seconds)
			_ = p.StartBgsave(s)
			return
		}
	}
}

// HasSavePoints reports whether any save point is configured.
func (p *Persistence) HasSavePoints() bool { return p.SavePoints != nil && len(p.SavePoints()) > 0 }

func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func cmdSave(c *engine.Ctx) {
	p := persistenceOf(c)
	if p.bgRunning {
		c.Error(msgBgsaveInProgress)
		return
	}
	if err := p.Save(c.S); err != nil {
		c.Error(msgBareErr)
		return
	}
	c.W.OK()
}

func cmdBgsave(c *engine.Ctx) {
	p := persistenceOf(c)
	// SCHEDULE only matters while another child (an AOF rewrite) runs,
	// which never blocks a save here; it is accepted and needs nothing.
	if len(c.Args) > 1 && !(len(c.Args) == 2 && strings.EqualFold(c.Arg(1), "schedule")) {
		c.Error(msgSyntax)
		return
	}
	switch {
	case p.bgRunning:
		c.Error(msgBgsaveInProgress)
	case c.C.Flags&engine.ClientExecuting != 0:
		p.bgScheduled = true
		c.W.Simple("Background saving scheduled")
	default:
		if err := p.StartBgsave(c.S); err != nil {
			c.Error(msgBareErr)
			return
		}
		c.W.Simple("Background saving started")
	}
}

func cmdDump(c *engine.Ctx) {
	p := persistenceOf(c)
	key := c.Arg(1)
	e := c.DB.Lookup(key)
	if e == nil {
		keyMiss(c, []byte(key))
		c.W.Null()
		return
	}
	c.S.Stats.KeyspaceHits++
	payload, err := rdb.Dump(e.Val, p.Modules, key, c.DB.ID, p.compress())
	if err != nil {
		c.Error("ERR " + err.Error())
		return
	}
	c.W.Bulk(payload)
}

func cmdRestore(c *engine.Ctx) {
	p := persistenceOf(c)
	var replace, absttl bool
	idle, freq := int64(-1), int64(-1)
	for j := 4; j < len(c.Args); j++ {
		more := len(c.Args) - j - 1
		switch opt := strings.ToLower(c.Arg(j)); {
		case opt == "replace":
			replace = true
		case opt == "absttl":
			absttl = true
		case opt == "idletime" && more >= 1 && freq == -1:
			v, err := strconv.ParseInt(c.Arg(j+1), 10, 64)
			if err != nil || !canonicalInt(c.Args[j+1]) {
				c.Error(msgNotInteger)
				return
			}
			if v < 0 {
				c.Error(msgBadIdletime)
				return
			}
			idle = v
			j++
		case opt == "freq" && more >= 1 && idle == -1:
			v, err := strconv.ParseInt(c.Arg(j+1), 10, 64)
			if err != nil || !canonicalInt(c.Args[j+1]) {
				c.Error(msgNotInteger)
				return
			}
			if v < 0 || v > 255 {
				c.Error(msgBadFreq)
				return
			}
			freq = v
			j++
		default:
			c.Error(msgSyntax)
			return
		}
	}
	key := c.Arg(1)
	if !replace && c.DB.LookupNoTouch(key) != nil {
		c.Error(msgBusyKey)
		return
	}
	ttl, err := strconv.ParseInt(c.Arg(2), 10, 64)
	if err != nil || !canonicalInt(c.Args[2]) {
		c.Error(msgNotInteger)
		return
	}
	if ttl < 0 {
		c.Error(msgBadTTL)
		return
	}
	payload := c.Args[3]
	if !rdb.VerifyPayload(payload, false) {
		c.Error(msgBadPayload)
		return
	}
	v, err := rdb.Restore(payload, p.Modules, key, c.DB.ID)
	if err != nil {
		c.Error(msgBadDataFormat)
		return
	}
	deleted := false
	if replace {
		deleted = c.DB.Delete(key)
	}
	now := c.S.KS.Now()
	if ttl != 0 && !absttl {
		ttl += now
	}
	if ttl != 0 && ttl <= now && !c.S.KS.Loading {
		if mv, ok := v.(*keyspace.ModuleValue); ok {
			mv.Type.Free(mv.Ptr)
		}
		if deleted {
			changed(c, key, keyspace.NotifyGeneric, "del")
		}
		c.W.OK()
		return
	}
	e := c.DB.Set(key, v)
	if ttl != 0 {
		c.DB.SetExpire(key, ttl)
	}
	if idle >= 0 {
		e.Access = now - idle*1000
	}
	if freq >= 0 {
		e.Freq = uint8(freq)
	}
	changed(c, key, keyspace.NotifyGeneric, "restore")
	// Like dbAdd: clients blocked on the key (BLPOP, XREAD) may now be served.
	c.DB.Ready(key)
	c.W.OK()
}

// canonicalInt reports whether b is an integer as Redis's string2ll
// accepts it (no '+', no spaces, no leading zeros).
func canonicalInt(b []byte) bool {
	_, ok := keyspace.ParseInt(b)
	return ok
}

// WriteInfo appends the INFO persistence section. Lock held.
func (p *Persistence) WriteInfo(s *engine.Server, w *strings.Builder) {
	b2i := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	status := "ok"
	if !p.lastBgOK {
		status = "err"
	}
	cur := int64(-1)
	if p.bgRunning {
		cur = int64(time.Since(p.bgStart).Seconds())
	}
	fk := s.Info.ForkStatus()
	fmt.Fprintf(w, "# Persistence\r\n"+
		"loading:%d\r\n"+
		"async_loading:0\r\n"+
		"current_cow_peak:%d\r\n"+
		"current_cow_size:%d\r\n"+
		"current_cow_size_age:%d\r\n"+
		"current_fork_perc:%.2f\r\n"+
		"current_save_keys_processed:0\r\n"+
		"current_save_keys_total:%d\r\n"+
		"rdb_changes_since_last_save:%d\r\n"+
		"rdb_bgsave_in_progress:%d\r\n"+
		"rdb_last_save_time:%d\r\n"+
		"rdb_last_bgsave_status:%s\r\n"+
		"rdb_last_bgsave_time_sec:%d\r\n"+
		"rdb_current_bgsave_time_sec:%d\r\n"+
		"rdb_saves:%d\r\n"+
		"rdb_last_cow_size:0\r\n"+
		"rdb_last_load_keys_expired:%d\r\n"+
		"rdb_last_load_keys_loaded:%d\r\n",
		b2i(p.Loading), fk.CowPeak, fk.CowSize, fk.CowAge, fk.Perc, fk.KeysTotal, s.KS.Dirty, b2i(p.bgRunning), s.LastSave, status, p.lastBgDuration, cur, p.saves,
		p.LastLoadExpired, p.LastLoadKeys)
	if p.AOFInfo != nil {
		p.AOFInfo(w)
	} else {
		w.WriteString("aof_enabled:0\r\n" +
			"aof_rewrite_in_progress:0\r\n" +
			"aof_rewrite_scheduled:0\r\n" +
			"aof_last_rewrite_time_sec:-1\r\n" +
			"aof_current_rewrite_time_sec:-1\r\n" +
			"aof_last_bgrewrite_status:ok\r\n" +
			"aof_rewrites:0\r\n" +
			"aof_rewrites_consecutive_failures:0\r\n" +
			"aof_last_write_status:ok\r\n" +
			"aof_last_cow_size:0\r\n")
	}
	fmt.Fprintf(w, "module_fork_in_progress:%d\r\n"+
		"module_fork_last_cow_size:%d\r\n", b2i(fk.InProgress), fk.LastCowSize)
	if p.Loading {
		perc, remaining := 0.0, int64(1)
		if p.LoadTotal > 0 {
			perc = float64(p.LoadLoaded) / float64(p.LoadTotal) * 100
			remaining = p.LoadTotal - p.LoadLoaded
		}
		eta := int64(1) // Redis's stand-in before a second has passed
		if elapsed := time.Now().Unix() - p.LoadStart; elapsed != 0 {
			eta = elapsed * remaining / (p.LoadLoaded + 1)
		}
		fmt.Fprintf(w, "loading_start_time:%d\r\n"+
			"loading_total_bytes:%d\r\n"+
			"loading_rdb_used_mem:0\r\n"+
			"loading_loaded_bytes:%d\r\n"+
			"loading_loaded_perc:%.2f\r\n"+
			"loading_eta_seconds:%d\r\n", p.LoadStart, p.LoadTotal, p.LoadLoaded, perc, eta)
	}
}

// BeginLoading records the start of a load of total bytes (startLoading):
// INFO shows loading:1 and its progress, and modules hear the Loading
// event's sub start subevent. Lock held.
func (p *Persistence) BeginLoading(total int64, sub uint64) {
	p.Loading = true
	p.LoadStart, p.LoadTotal, p.LoadLoaded = time.Now().Unix(), total, 0
	p.LastLoadKeys, p.LastLoadExpired = 0, 0
	p.event(EventLoading, sub)
}

// EndLoading is stopLoading: modules hear ENDED or FAILED. Lock held.
func (p *Persistence) EndLoading(ok bool) {
	p.Loading = false
	if ok {
		p.event(EventLoading, LoadingEnded)
	} else {
		p.event(EventLoading, LoadingFailed)
	}
}

// Server event ids and subevents the persistence layer raises for modules
// (RedisModuleEvent_Persistence and _Loading).
const (
	EventPersistence        = 1
	EventLoading            = 3
	PersistenceAOFStart     = 1
	PersistenceSyncRDBStart = 2
	PersistenceSyncAOFStart = 5
	PersistenceEnded        = 3
	PersistenceFailed       = 4
	LoadingRDBStart         = 0
	LoadingAOFStart         = 1
	LoadingEnded            = 3
	LoadingFailed           = 4
)

// event tells the module layer about a persistence step (nil: nobody).
func (p *Persistence) event(id, sub uint64) {
	if p.Event != nil {
		p.Event(id, sub)
	}
}
