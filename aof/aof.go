// Package aof is modhost's append only file: Redis 7's multi-part layout
// (a base file, incr files and a manifest inside appenddirname), the
// writer fed by the engine's Propagate hook, loading at start-up and
// BGREWRITEAOF. It has no cgo; the RDB base goes through package rdb.
//
// Invariants:
//   - Every method runs under the engine's execution lock, except the
//     rewrite goroutine's encoding and the everysec fsync.
//   - The manifest on disk always names files that exist and together hold
//     every acknowledged write; it is replaced atomically (temp + rename).
//   - With appendfsync always, a unit's commands are on disk (fsynced)
//     before Call returns, so before the client sees the reply.
package aof

import (
	"errors"
	"fmt"
	"modhost/resp"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"modhost/engine"
	"modhost/rdb"
)

// Config is what the AOF reads from the configuration, at each use.
type Config struct {
	Dir, DirName, FileName func() string
	// Fsync is appendfsync: always, everysec or no.
	Fsync         func() string
	LoadTruncated func() bool
	// UseRDBPreamble is aof-use-rdb-preamble: the base is an RDB image,
	// otherwise the commands that rebuild the dataset.
	UseRDBPreamble func() bool
	// Modules rewrites module values for a command base; nil without a
	// module layer.
	Modules ModuleRewriter
	// SaveOptions and LoadOptions are the RDB settings for base files.
	SaveOptions func() rdb.SaveOptions
	LoadOptions func() rdb.LoadOptions
	// Logf logs at notice level, or warning when warn is set.
	Logf func(warn bool, format string, args ...any)
	// LoadStart and LoadEnd, when set, bracket a load of files holding
	// total bytes (not called when there is nothing to load); Progress
	// reports the bytes loaded so far, from commands or an RDB base.
	LoadStart func(total int64)
	LoadEnd   func(ok bool)
	Progress  func(loaded int64, commands bool)
	// SaveStart and SaveEnd, when set, bracket the writing of a base
	// file: synchronously at startup (sync) or by a rewrite, ending when
	// the new base is written (module Persistence events).
	SaveStart func(sync bool)
	SaveEnd   func(ok bool)
}

// AOF is one server's append only file state.
type AOF struct {
	cfg Config
	eng *engine.Server

	man     *Manifest
	f       *os.File
	curDB   int
	unsyced bool
	enabled bool

	rewriting   bool
	rwStart     time.Time
	rwDone      chan struct{}
	rwTempIncr  string // runtime enable: the incr file before it has a name
	lastRwOK    bool
	lastRwSec   int64
	rewrites    int64
	consecFails int64
	lastWriteOK bool
	// loadOffset is where the file being loaded starts in the whole.
	loadOffset int64
	// lastWriteErr is why the last write or fsync failed (MISCONF text).
	lastWriteErr error
	size         int64
	baseSize     int64
	stop         chan struct{}
}

// New creates the AOF state for eng; nothing is opened yet.
func New(eng *engine.Server, cfg Config) *AOF {
	return &AOF{cfg: cfg, eng: eng, curDB: -1, lastRwOK: true, lastWriteOK: true, lastRwSec: -1}
}

func (a *AOF) logf(warn bool, format string, args ...any) {
	if a.cfg.Logf != nil {
		a.cfg.Logf(warn, format, args...)
	}
}

func (a *AOF) fileName() string { return a.cfg.FileName() }

func (a *AOF) manifestName() string { return a.fileName() + ".manifest" }

// dir is the AOF directory: appenddirname inside dir.
func (a *AOF) dir() string {
	d := "."
	if a.cfg.Dir != nil && a.cfg.Dir() != "" {
		d = a.cfg.Dir()
	}
	return filepath.Join(d, a.cfg.DirName())
}

func (a *AOF) baseName(seq int64) string {
	ext := ".base.rdb"
	if !a.preamble() {
		ext = ".base.aof"
	}
	return a.fileName() + "." + strconv.FormatInt(seq, 10) + ext
}

func (a *AOF) preamble() bool { return a.cfg.UseRDBPreamble == nil || a.cfg.UseRDBPreamble() }

// encodeBase encodes the dataset as a base file now. Lock held.
func (a *AOF) encodeBase() ([]byte, error) {
	if a.preamble() {
		return rdb.Encode(a.eng.KS, a.saveOptions())
	}
	return encodeCommands(a.eng.KS, a.cfg.Modules)
}

func (a *AOF) incrName(seq int64) string {
	return a.fileName() + "." + strconv.FormatInt(seq, 10) + ".incr.aof"
}

// Enabled reports whether commands are being appended.
func (a *AOF) Enabled() bool { return a.enabled }

// RewriteInProgress reports whether BGREWRITEAOF runs.
func (a *AOF) RewriteInProgress() bool { return a.rewriting }

// Manifest returns a copy of the current manifest (nil before any).
func (a *AOF) Manifest() *Manifest {
	if a.man == nil {
		return nil
	}
	return a.man.Clone()
}

// turnOn starts appending: the engine's propagation points at the AOF
// only while it is on, so a server without AOF pays nothing.
func (a *AOF) turnOn() {
	a.enabled = true
	a.eng.AddPropListener("aof", a.writeUnit)
	a.startSyncer()
}

// writeUnit is the AOF's propagation listener: one finished execution
// unit (already wrapped in MULTI/EXEC by the engine when it has several
// commands), with SELECT written whenever the db changes. Lock held.
func (a *AOF) writeUnit(unit []engine.PropOp) {
	if !a.enabled || a.f == nil {
		return
	}
	var b []byte
	for _, o := range unit {
		if o.Target&engine.PropAOF == 0 {
			continue
		}
		if o.DB >= 0 && o.DB != a.curDB {
			b = appendCommand(b, [][]byte{[]byte("SELECT"), []byte(strconv.Itoa(o.DB))})
			a.curDB = o.DB
		}
		b = appendCommand(b, o.Args)
	}
	if len(b) > 0 {
		a.write(b)
	}
}

func (a *AOF) write(b []byte) {
	n, err := a.f.Write(b)
	a.size += int64(n)
	if err != nil {
		if a.lastWriteOK {
			a.logf(true, "Error writing to the AOF file: %s", errText(err))
		}
		a.lastWriteOK = false
		a.lastWriteErr = err
		return
	}
	if !a.lastWriteOK {
		a.logf(true, "AOF write error looks solved, Redis can write again.")
	}
	a.lastWriteOK = true
	if a.cfg.Fsync != nil && a.cfg.Fsync() == "always" {
		if err := a.f.Sync(); err != nil {
			a.logf(true, "Can't persist append only file: fsync: %s", errText(err))
			a.lastWriteOK = false
			a.lastWriteErr = err
		}
		return
	}
	a.unsyced = true
}

// appendCommand encodes args as a RESP multi-bulk command.
func appendCommand(b []byte, args [][]byte) []byte { return resp.AppendCommand(b, args) }

// openIncr creates (or opens for append) an incr file and makes it the
// target of new writes. Lock held.
func (a *AOF) openIncr(name string) error {
	f, err := os.OpenFile(filepath.Join(a.dir(), name), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	a.closeIncr()
	a.f = f
	a.curDB = -1
	return nil
}

func (a *AOF) closeIncr() {
	if a.f != nil {
		_ = a.f.Sync()
		a.f.Close()
		a.f = nil
		a.unsyced = false
	}
}

func (a *AOF) persistManifest(m *Manifest) error {
	if err := writeAtomic(a.dir(), a.manifestName(), m.Encode()); err != nil {
		a.logf(true, "Can't persist the AOF manifest file %s: %s", a.manifestName(), errText(err))
		return err
	}
	a.man = m
	return nil
}

// Start opens the AOF at start-up after Load: the last incr file is
// appended to; with no AOF at all a base of the current dataset and an
// empty incr file are created first. Lock held.
func (a *AOF) Start() error {
	if err := os.MkdirAll(a.dir(), 0o755); err != nil {
		a.logf(true, "Can't open or create append-only dir %s: %s", a.cfg.DirName(), errText(err))
		return err
	}
	m := a.man
	if m == nil {
		m = &Manifest{}
	}
	m = m.Clone()
	if m.Base == nil && len(m.Incr) == 0 {
		m.BaseSeq++
		name := a.baseName(m.BaseSeq)
		a.saveStart(true)
		data, err := a.encodeBase()
		if err == nil {
			err = rdb.WriteFile(a.dir(), name, data)
		}
		a.saveEnd(err == nil)
		if err != nil {
			a.logf(true, "Can't create the AOF base file %s: %s", name, errText(err))
			return err
		}
		m.Base = &FileInfo{Name: name, Seq: m.BaseSeq, Type: TypeBase}
		a.baseSize = int64(len(data))
		a.size = a.baseSize
		a.logf(false, "Creating AOF base file %s on server start", name)
	}
	if len(m.Incr) == 0 {
		m.IncrSeq++
		name := a.incrName(m.IncrSeq)
		m.Incr = append(m.Incr, FileInfo{Name: name, Seq: m.IncrSeq, Type: TypeIncr})
		if err := a.openIncr(name); err != nil {
			return err
		}
		a.logf(false, "Creating AOF incr file %s on server start", name)
	} else if err := a.openIncr(m.Incr[len(m.Incr)-1].Name); err != nil {
		return err
	}
	if err := a.persistManifest(m); err != nil {
		return err
	}
	a.turnOn()
	return nil
}

func (a *AOF) saveOptions() rdb.SaveOptions {
	var opt rdb.SaveOptions
	if a.cfg.SaveOptions != nil {
		opt = a.cfg.SaveOptions()
	}
	opt.AOFBase = true
	return opt
}

// startSyncer runs the everysec fsync.
func (a *AOF) startSyncer() {
	if a.stop != nil {
		return
	}
	stop := make(chan struct{})
	a.stop = stop
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			a.eng.Lock.Lock()
			var f *os.File
			if a.unsyced && a.cfg.Fsync != nil && a.cfg.Fsync() == "everysec" {
				f = a.f
				a.unsyced = false
			}
			a.eng.Lock.Unlock()
			if f != nil {
				_ = f.Sync()
			}
		}
	}()
}

// Stop is appendonly no: pending writes are flushed and synced, any
// rewrite abandoned, and nothing more is appended. Lock held.
func (a *AOF) Stop() {
	a.closeIncr()
	a.cancelRewrite()
	a.enabled = false
	a.eng.RemovePropListener("aof")
	if a.stop != nil {
		close(a.stop)
		a.stop = nil
	}
}

// Flush writes and syncs what is pending (SHUTDOWN). Lock held.
func (a *AOF) Flush() {
	if a.f != nil {
		_ = a.f.Sync()
		a.unsyced = false
	}
}

func (a *AOF) cancelRewrite() {
	if !a.rewriting {
		return
	}
	a.rewriting = false
	a.rwDone = nil
	if a.rwTempIncr != "" {
		os.Remove(filepath.Join(a.dir(), a.rwTempIncr))
		a.rwTempIncr = ""
	}
}

// Errors of BGREWRITEAOF.
var (
	ErrRewriteInProgress = errors.New("ERR Background append only file rewriting already in progress")
)

// StartRewrite is BGREWRITEAOF, and appendonly yes at runtime (enable):
// the dataset is copied under the lock, new writes go to a fresh incr file
// at once, and a goroutine writes the new base; the manifest then names
// the new base and incr file and the old files are deleted. With the AOF
// off and enable unset, only a new base is written. Lock held.
func (a *AOF) StartRewrite(enable bool) error {
	if a.rewriting && enable && !a.enabled {
		// A BGREWRITEAOF of the AOF that was off: appendonly yes starts over.
		a.cancelRewrite()
	}
	if a.rewriting {
		return ErrRewriteInProgress
	}
	if err := os.MkdirAll(a.dir(), 0o755); err != nil {
		a.logf(true, "Can't open or create append-only dir %s: %s", a.cfg.DirName(), errText(err))
		return err
	}
	// The RDB base is copied now and encoded in the goroutine; a command
	// base is built now (it reads live values).
	var encode func() []byte
	var err error
	baseName := ""
	if a.preamble() {
		var snap *rdb.Snapshot
		snap, err = rdb.TakeSnapshot(a.eng.KS, a.saveOptions())
		if snap != nil {
			encode = snap.Encode
		}
	} else {
		var data []byte
		data, err = encodeCommands(a.eng.KS, a.cfg.Modules)
		encode = func() []byte { return data }
	}
	if a.man != nil {
		baseName = a.baseName(a.man.BaseSeq + 1)
	} else {
		baseName = a.baseName(1)
	}
	if err != nil {
		a.logf(true, "Can't rewrite append only file in background: %s", errText(err))
		a.lastRwOK = false
		a.consecFails++
		return err
	}
	switch {
	case a.enabled && a.man != nil && a.rwTempIncr == "":
		m := a.man.Clone()
		m.IncrSeq++
		name := a.incrName(m.IncrSeq)
		if err := a.openIncr(name); err != nil {
			a.logf(true, "Can't open the append-only file %s: %s", name, errText(err))
			return err
		}
		m.Incr = append(m.Incr, FileInfo{Name: name, Seq: m.IncrSeq, Type: TypeIncr})
		if err := a.persistManifest(m); err != nil {
			return err
		}
		a.logf(false, "Creating AOF incr file %s on background rewrite", name)
	case a.enabled:
		// A runtime enable whose rewrite failed: keep appending to the
		// temporary incr file this rewrite will name.
	case enable:
		// Turned on at runtime: appending starts now into a temporary incr
		// file that gets its name, and the manifest, when the base is done.
		tmp := "temp-" + a.fileName() + ".incr"
		os.Remove(filepath.Join(a.dir(), tmp))
		if err := a.openIncr(tmp); err != nil {
			a.logf(true, "Can't open the append-only file %s: %s", tmp, errText(err))
			return err
		}
		a.rwTempIncr = tmp
		a.logf(false, "Creating AOF incr file %s on background rewrite", tmp)
		a.turnOn()
	}
	a.rewriting = true
	a.rwStart = time.Now()
	a.saveStart(false)
	done := make(chan struct{})
	a.rwDone = done
	a.logf(false, "Background append only file rewriting started")
	dir := a.dir()
	go func() {
		defer close(done)
		tmpName := fmt.Sprintf("temp-rewriteaof-bg-%d.aof", os.Getpid())
		werr := writeTempFile(filepath.Join(dir, tmpName), encode())
		a.eng.Lock.Lock()
		defer a.eng.Lock.Unlock()
		if a.rwDone != done {
			os.Remove(filepath.Join(dir, tmpName))
			return
		}
		a.saveEnd(werr == nil)
		a.finishRewrite(tmpName, baseName, werr)
	}()
	return nil
}

func (a *AOF) saveStart(sync bool) {
	if f := a.cfg.SaveStart; f != nil {
		f(sync)
	}
}

func (a *AOF) saveEnd(ok bool) {
	if f := a.cfg.SaveEnd; f != nil {
		f(ok)
	}
}

func writeTempFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// finishRewrite installs the new base. Lock held.
func (a *AOF) finishRewrite(tmpName, base string, werr error) {
	dir := a.dir()
	a.rewriting = false
	a.rwDone = nil
	a.lastRwSec = int64(time.Since(a.rwStart).Seconds())
	fail := func(err error) {
		a.logf(true, "Background AOF rewrite failed: %s", errText(err))
		os.Remove(filepath.Join(dir, tmpName))
		a.lastRwOK = false
		a.consecFails++
	}
	if werr != nil {
		fail(werr)
		return
	}
	a.logf(false, "Background AOF rewrite terminated with success")
	m := &Manifest{}
	if a.man != nil {
		m = a.man.Clone()
	}
	old := []string{}
	if m.Base != nil {
		old = append(old, m.Base.Name)
	}
	m.BaseSeq++
	if err := os.Rename(filepath.Join(dir, tmpName), filepath.Join(dir, base)); err != nil {
		fail(err)
		return
	}
	a.logf(false, "Successfully renamed the temporary AOF base file %s into %s", tmpName, base)
	m.Base = &FileInfo{Name: base, Seq: m.BaseSeq, Type: TypeBase}
	if a.rwTempIncr != "" {
		for _, fi := range m.Incr {
			old = append(old, fi.Name)
		}
		m.IncrSeq++
		name := a.incrName(m.IncrSeq)
		if err := os.Rename(filepath.Join(dir, a.rwTempIncr), filepath.Join(dir, name)); err != nil {
			fail(err)
			return
		}
		a.logf(false, "Successfully renamed the temporary AOF incr file %s into %s", a.rwTempIncr, name)
		a.rwTempIncr = ""
		m.Incr = []FileInfo{{Name: name, Seq: m.IncrSeq, Type: TypeIncr}}
	} else if a.enabled && len(m.Incr) > 0 {
		// Every incr file but the one opened when the rewrite began is
		// covered by the new base.
		for _, fi := range m.Incr[:len(m.Incr)-1] {
			old = append(old, fi.Name)
		}
		m.Incr = m.Incr[len(m.Incr)-1:]
	} else {
		for _, fi := range m.Incr {
			old = append(old, fi.Name)
		}
		m.Incr = nil
	}
	if err := a.persistManifest(m); err != nil {
		a.lastRwOK = false
		a.consecFails++
		return
	}
	for _, name := range old {
		if name == base {
			continue
		}
		a.logf(false, "Removing the history file %s in the background", name)
		os.Remove(filepath.Join(dir, name))
	}
	a.baseSize = fileSize(filepath.Join(dir, base))
	a.size = a.baseSize
	for _, fi := range m.Incr {
		a.size += fileSize(filepath.Join(dir, fi.Name))
	}
	a.lastRwOK = true
	a.consecFails = 0
	a.rewrites++
	a.logf(false, "Background AOF rewrite finished successfully")
}

// WaitRewrite blocks until a running rewrite ends. Call without the lock.
func (a *AOF) WaitRewrite() {
	a.eng.Lock.Lock()
	done := a.rwDone
	a.eng.Lock.Unlock()
	if done != nil {
		<-done
	}
}

// WriteInfo writes the aof_* lines of INFO persistence. Lock held.
func (a *AOF) WriteInfo(w *strings.Builder) {
	b2i := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	status := func(ok bool) string {
		if ok {
			return "ok"
		}
		return "err"
	}
	cur := int64(-1)
	if a.rewriting {
		cur = int64(time.Since(a.rwStart).Seconds())
	}
	fmt.Fprintf(w, "aof_enabled:%d\r\n"+
		"aof_rewrite_in_progress:%d\r\n"+
		"aof_rewrite_scheduled:0\r\n"+
		"aof_last_rewrite_time_sec:%d\r\n"+
		"aof_current_rewrite_time_sec:%d\r\n"+
		"aof_last_bgrewrite_status:%s\r\n"+
		"aof_rewrites:%d\r\n"+
		"aof_rewrites_consecutive_failures:%d\r\n"+
		"aof_last_write_status:%s\r\n"+
		"aof_last_cow_size:0\r\n",
		b2i(a.enabled), b2i(a.rewriting), a.lastRwSec, cur, status(a.lastRwOK), a.rewrites,
		a.consecFails, status(a.lastWriteOK))
	if a.enabled {
		fmt.Fprintf(w, "aof_current_size:%d\r\n"+
			"aof_base_size:%d\r\n"+
			"aof_pending_rewrite:0\r\n"+
			"aof_buffer_length:0\r\n"+
			"aof_pending_bio_fsync:0\r\n"+
			"aof_delayed_fsync:0\r\n", a.size, a.baseSize)
	}
}

// Cron starts an automatic rewrite once the AOF grew by percentage
// (auto-aof-rewrite-percentage) over its size after the last rewrite and
// is at least minSize bytes (auto-aof-rewrite-min-size). Lock held.
func (a *AOF) Cron(percentage int64, minSize int64) {
	if !a.enabled || a.rewriting || percentage <= 0 || a.size < minSize {
		return
	}
	base := a.baseSize
	if base == 0 {
		base = 1
	}
	growth := a.size*100/base - 100
	if growth >= percentage {
		a.logf(false, "Starting automatic rewriting of AOF on %d%% growth", growth)
		_ = a.StartRewrite(false)
	}
}

// DiskError returns the MISCONF text write commands get while the AOF is
// on and its last write or fsync failed, or "". Lock held.
func (a *AOF) DiskError() string {
	if !a.enabled || a.lastWriteOK {
		return ""
	}
	return "MISCONF Errors writing to the AOF file: " + strerror(a.lastWriteErr)
}

// strerror renders err as C's strerror does: the errno text with a
// capital first letter.
func strerror(err error) string {
	var errno syscall.Errno
	t := "Unknown error"
	if errors.As(err, &errno) {
		t = errno.Error()
	} else if err != nil {
		t = errText(err)
	}
	if t != "" {
		t = strings.ToUpper(t[:1]) + t[1:]
	}
	return t
}
