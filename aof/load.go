package aof

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"modhost/engine"
	"modhost/rdb"
)

// ErrNotExist means there is no AOF to load (no directory or manifest).
var ErrNotExist = errors.New("aof: no append only file")

// ErrFailed means loading failed; the reason was logged.
var ErrFailed = errors.New("aof: loading failed")

// ClientKey is the Client.Private key set on the fake client that replays
// incr files, so the module layer can tell it apart (its ID is -1, which
// reads as UINT64_MAX, Redis's AOF client id).
const ClientKey = "aof-client"

// loadResult says how one file ended.
type loadResult int

const (
	loadOK loadResult = iota
	loadTruncated
	loadEmpty
)

// Load reads the manifest and replays the base and incr files into the
// engine. The execution lock is held by the caller and Propagate must be
// nil. It returns ErrNotExist when there is nothing to load.
func (a *AOF) Load() error {
	dir := a.dir()
	m := &Manifest{}
	data, err := os.ReadFile(filepath.Join(dir, a.manifestName()))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		a.logf(true, "Fatal error: can't open the AOF manifest %s for reading: %s", a.manifestName(), errText(err))
		return ErrFailed
	default:
		if m, err = ParseManifest(data); err != nil {
			a.logf(true, "%s", err.Error())
			return ErrFailed
		}
	}
	if a.needsUpgrade(m) {
		if err := a.upgrade(m); err != nil {
			return ErrFailed
		}
	}
	if m.Base == nil && len(m.Incr) == 0 {
		return ErrNotExist
	}
	// Every listed file must exist: a missing one is fatal.
	files := []FileInfo{}
	if m.Base != nil {
		files = append(files, *m.Base)
	}
	files = append(files, m.Incr...)
	var total int64
	for _, fi := range files {
		st, err := os.Stat(filepath.Join(dir, fi.Name))
		if err != nil {
			a.logf(true, "Unable to obtain the AOF file %s length. stat: %s", fi.Name, strerror(err))
			return ErrFailed
		}
		total += st.Size()
	}
	a.man = m
	if total == 0 {
		return nil
	}
	start := time.Now()
	ks := a.eng.KS
	prev := ks.Loading
	ks.Loading = true
	defer func() { ks.Loading = prev }()
	if a.cfg.LoadStart != nil {
		a.cfg.LoadStart(total)
	}
	a.loadOffset = 0
	for i, fi := range files {
		last := i == len(files)-1
		t := time.Now()
		res, err := a.loadFile(fi.Name, last)
		if err != nil {
			if a.cfg.LoadEnd != nil {
				a.cfg.LoadEnd(false)
			}
			return err
		}
		a.loadOffset += fileSize(filepath.Join(dir, fi.Name))
		if res == loadOK || res == loadTruncated {
			kind := "incr"
			if fi.Type == TypeBase {
				kind = "base"
			}
			a.logf(false, "DB loaded from %s file %s: %.3f seconds", kind, fi.Name, time.Since(t).Seconds())
		}
		if fi.Type == TypeBase {
			a.baseSize = fileSize(filepath.Join(dir, fi.Name))
		}
	}
	a.size = total
	if a.cfg.LoadEnd != nil {
		a.cfg.LoadEnd(true)
	}
	a.logf(false, "DB loaded from append only file: %.3f seconds", time.Since(start).Seconds())
	return nil
}

// serverDir is the server's dir, where a Redis 6 single-file AOF lives.
func (a *AOF) serverDir() string {
	if a.cfg.Dir != nil && a.cfg.Dir() != "" {
		return a.cfg.Dir()
	}
	return "."
}

// needsUpgrade reports whether an old-style appendfilename file in the
// server's dir is to become the base of a multi-part AOF: when
// appenddirname does not exist, or it has no manifest (m is empty), or
// the manifest names only that file as its base and the file is not in
// appenddirname yet (an upgrade that stopped half way).
func (a *AOF) needsUpgrade(m *Manifest) bool {
	name := a.fileName()
	if st, err := os.Stat(filepath.Join(a.serverDir(), name)); err != nil || st.IsDir() {
		return false
	}
	if st, err := os.Stat(a.dir()); err != nil || !st.IsDir() {
		return true
	}
	if m.Base == nil && len(m.Incr) == 0 {
		return true
	}
	if m.Base != nil && len(m.Incr) == 0 && m.Base.Name == name {
		_, err := os.Stat(filepath.Join(a.dir(), name))
		return err != nil
	}
	return false
}

// upgrade moves the old-style AOF into appenddirname as the base (seq 1)
// of m, writing the manifest first, as Redis 7 does on its first start
// over a Redis 6 AOF.
func (a *AOF) upgrade(m *Manifest) error {
	name, dirName := a.fileName(), a.cfg.DirName()
	if err := os.MkdirAll(a.dir(), 0o755); err != nil {
		a.logf(true, "Can't open or create append-only dir %s: %s", dirName, errText(err))
		return err
	}
	m.Base = &FileInfo{Name: name, Seq: 1, Type: TypeBase}
	m.BaseSeq = 1
	if err := a.persistManifest(m); err != nil {
		return err
	}
	if err := os.Rename(filepath.Join(a.serverDir(), name), filepath.Join(a.dir(), name)); err != nil {
		a.logf(true, "Error trying to move the old AOF file %s into dir %s: %s", name, dirName, strerror(err))
		return err
	}
	a.logf(false, "Successfully migrated an old-style AOF file (%s) into the AOF directory (%s).", name, dirName)
	return nil
}

func fileSize(path string) int64 {
	if st, err := os.Stat(path); err == nil {
		return st.Size()
	}
	return 0
}

// loadFile replays one file: an RDB image when it starts with "REDIS",
// otherwise commands in RESP multi-bulk form.
func (a *AOF) loadFile(name string, last bool) (loadResult, error) {
	path := filepath.Join(a.dir(), name)
	if st, err := os.Stat(path); err == nil && st.Size() == 0 {
		// Judged by its size, as Redis does: a device such as /dev/full
		// reads forever but counts as empty.
		return loadEmpty, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		a.logf(true, "Fatal error: can't open the append log file %s for reading: %s", name, errText(err))
		return 0, ErrFailed
	}
	if len(data) == 0 {
		return loadEmpty, nil
	}
	if bytes.HasPrefix(data, []byte("REDIS")) {
		// A Redis 6 AOF (the upgraded appendfilename) may hold an RDB
		// preamble followed by commands; any base is read that way.
		oldStyle := name == a.fileName()
		if oldStyle {
			a.logf(false, "Reading RDB preamble from AOF file...")
		} else {
			a.logf(false, "Reading RDB base file on AOF loading...")
		}
		opt := rdb.LoadOptions{}
		if a.cfg.LoadOptions != nil {
			opt = a.cfg.LoadOptions()
		}
		if a.cfg.Progress != nil {
			off := a.loadOffset
			opt.Progress = func(pos int64) { a.cfg.Progress(off+pos, false) }
		}
		res, err := rdb.Load(data, a.eng.KS, opt)
		if err != nil {
			a.logf(true, "%s", err.Error())
			if oldStyle {
				a.logf(true, "Error reading the RDB preamble of the AOF file %s, AOF loading aborted", name)
			} else {
				a.logf(true, "Error reading the RDB base file %s, AOF loading aborted", name)
			}
			return 0, ErrFailed
		}
		if oldStyle {
			a.logf(false, "Reading the remaining AOF tail...")
		}
		if int(res.Size) >= len(data) {
			return loadOK, nil
		}
		return a.replay(name, path, data, int(res.Size), last)
	}
	return a.replay(name, path, data, 0, last)
}

// Reasons a command stream stops early.
var (
	errShort  = errors.New("short read")
	errFormat = errors.New("bad format")
)

// replay runs the commands of an incr (or AOF-format base) file through
// the engine on a fake client.
func (a *AOF) replay(name, path string, data []byte, start int, last bool) (loadResult, error) {
	eng := a.eng
	fc := eng.NewFakeClient()
	fc.ID = -1
	fc.Flags |= engine.ClientDenyBlocking
	fc.Private = map[string]any{ClientKey: true}
	pos, valid, beforeMulti, loops := start, start, start, 0
	var stop error
	for pos < len(data) {
		args, next, err := parseCommand(data, pos)
		if err != nil {
			stop = err
			break
		}
		pos = next
		if args == nil { // annotation line
			valid = pos
			continue
		}
		if eng.Commands.Lookup(args[0]) == nil {
			a.logf(true, "Unknown command '%s' reading the append only file %s", cString(args[0]), name)
			return 0, ErrFailed
		}
		if fc.Flags&engine.ClientMulti == 0 && isMulti(args[0]) {
			beforeMulti = valid
		}
		eng.Exec(fc, args)
		fc.W.Reset()
		valid = pos
		// Every 1024 commands the loader reports progress (and lets other
		// clients in), as Redis processes events while loading.
		if loops++; loops%1024 == 0 && a.cfg.Progress != nil {
			a.cfg.Progress(a.loadOffset+int64(pos), true)
		}
	}
	if stop == nil && fc.Flags&engine.ClientMulti != 0 {
		a.logf(true, "Revert incomplete MULTI/EXEC transaction in AOF file %s", name)
		eng.DiscardTransaction(fc)
		valid = beforeMulti
		stop = errShort
	}
	switch stop {
	case nil:
		return loadOK, nil
	case errFormat:
		a.logf(true, "Bad file format reading the append only file %s: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>", name)
		return 0, ErrFailed
	}
	if a.cfg.LoadTruncated != nil && a.cfg.LoadTruncated() {
		a.logf(true, "!!! Warning: short read while loading the AOF file %s!!!", name)
		a.logf(true, "!!! Truncating the AOF %s at offset %d !!!", name, valid)
		if err := os.Truncate(path, int64(valid)); err != nil {
			a.logf(true, "Error truncating the AOF file %s: %s", name, errText(err))
		} else {
			a.logf(true, "AOF %s loaded anyway because aof-load-truncated is enabled", name)
			if !last {
				// Only the last file may end short.
				return 0, ErrFailed
			}
			return loadTruncated, nil
		}
	}
	a.logf(true, "Unexpected end of file reading the append only file %s. You can: 1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. 2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server.", name)
	return 0, ErrFailed
}

func isMulti(name []byte) bool { return len(name) == 5 && bytes.EqualFold(name, []byte("multi")) }

// cString cuts b at its first NUL, as C's %s prints it.
func cString(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

// readLine returns the line at pos up to and including '\n' (or to the end
// of data, like fgets at end of file) and the position after it.
func readLine(data []byte, pos int) ([]byte, int) {
	if pos >= len(data) {
		return nil, pos
	}
	i := bytes.IndexByte(data[pos:], '\n')
	if i < 0 {
		return data[pos:], len(data)
	}
	return data[pos : pos+i+1], pos + i + 1
}

// parseCommand reads one "*<argc>" command at pos the way Redis's loader
// does: '#' lines are annotations (nil args), argument lengths are read
// with strtol and the two bytes after each argument are skipped.
func parseCommand(data []byte, pos int) ([][]byte, int, error) {
	line, pos := readLine(data, pos)
	if line[0] == '#' {
		return nil, pos, nil
	}
	if line[0] != '*' {
		return nil, pos, errFormat
	}
	if len(line) == 1 {
		return nil, pos, errShort
	}
	argc := atoi(line[1:])
	if argc < 1 {
		return nil, pos, errFormat
	}
	args := make([][]byte, 0, min(argc, 1024))
	for j := 0; j < argc; j++ {
		var l []byte
		l, pos = readLine(data, pos)
		if l == nil {
			return nil, pos, errShort
		}
		if l[0] != '$' {
			return nil, pos, errFormat
		}
		n := atoi(l[1:])
		if n < 0 {
			n = 0
		}
		if pos+n > len(data) {
			return nil, pos, errShort
		}
		args = append(args, append([]byte(nil), data[pos:pos+n]...))
		pos += n
		if pos+2 > len(data) {
			return nil, pos, errShort
		}
		pos += 2
	}
	return args, pos, nil
}

// atoi parses a leading decimal integer like C's atoi/strtol, ignoring
// what follows (the CRLF).
func atoi(b []byte) int {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	neg := false
	if i < len(b) && (b[i] == '-' || b[i] == '+') {
		neg = b[i] == '-'
		i++
	}
	n := 0
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		n = n*10 + int(b[i]-'0')
		if n > 1<<40 {
			n = 1 << 40
		}
	}
	if neg {
		return -n
	}
	return n
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
