package rdb

import (
	"encoding/binary"
	"fmt"
	"os"
	"strconv"
	"time"

	"modhost/keyspace"
)

// LoadOptions controls Load.
type LoadOptions struct {
	// Modules resolves module types; nil means no module is loaded.
	Modules Modules
	// Function receives each function library's code. When nil the code
	// is only collected in LoadResult.Functions.
	Function func(code []byte) error
	// Log receives the notices Redis logs while loading.
	Log func(msg string)
	// SkipChecksum disables the CRC64 check (rdbchecksum no).
	SkipChecksum bool
	// KeepExpired keeps keys whose expiry has passed (replicas).
	KeepExpired bool
	// AllowDup lets a later key replace an earlier one (DEBUG RELOAD).
	AllowDup bool
	// Progress, when set, is called after each key with the bytes read
	// so far (start-up loading serves clients and reports progress).
	Progress func(pos int64)
}

// LoadResult describes a successful load.
type LoadResult struct {
	Version int
	// Aux holds the AUX fields in file order.
	Aux      [][2]string
	Keys     int64
	Expired  int64
	Empty    int64
	Checksum uint64
	// Size is how many bytes the image took (an AOF base may go on with
	// commands after it).
	Size int64
	// Functions holds every function library's code, in file order, so a
	// server without a functions engine can save them back unchanged.
	Functions [][]byte
}

// LoadFile reads path and loads it into ks (see Load).
func LoadFile(path string, ks *keyspace.Keyspace, opt LoadOptions) (LoadResult, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return LoadResult{}, err
	}
	return Load(data, ks, opt)
}

// Load parses a whole RDB image and adds its keys to ks, which the caller
// normally empties first. ks.Loading is set while it runs. On error the
// keys loaded so far stay in ks; the error is an *Error whose Msg is
// Redis's wording.
func Load(data []byte, ks *keyspace.Keyspace, opt LoadOptions) (res LoadResult, err error) {
	d := &decoder{b: data}
	defer catch(&err)
	prev := ks.Loading
	ks.Loading = true
	defer func() { ks.Loading = prev }()
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			opt.Log(fmt.Sprintf(format, args...))
		}
	}

	hdr := d.raw(9)
	if string(hdr[:5]) != "REDIS" {
		return res, &Error{Msg: "Wrong signature trying to load DB from file", Corrupt: true, Header: true}
	}
	ver := atoiPrefix(hdr[5:])
	if ver < 1 || ver > MaxReadVersion {
		return res, &Error{Msg: fmt.Sprintf("Can't handle RDB format version %d", ver), Corrupt: true, Header: true}
	}
	d.ver = ver
	res.Version = ver
	db := ks.DBs[0]
	now := ks.Now()
	expire, idle, freq := int64(-1), int64(-1), -1
	for {
		t := int(d.u8())
		switch t {
		case opExpireTime:
			expire = int64(int32(binary.LittleEndian.Uint32(d.raw(4)))) * 1000
			continue
		case opExpireTimeMS:
			expire = d.millis()
			continue
		case opFreq:
			freq = int(d.u8())
			continue
		case opIdle:
			idle = int64(d.plainLen())
			continue
		case opEOF:
		case opSelectDB:
			id := d.plainLen()
			if id >= uint64(len(ks.DBs)) {
				return res, &Error{Msg: fmt.Sprintf("FATAL: Data file was created with a Redis server configured to handle more than %d databases. Exiting\n", len(ks.DBs)), Corrupt: true, Header: true}
			}
			db = ks.DBs[id]
			continue
		case opResizeDB:
			d.plainLen()
			d.plainLen()
			continue
		case opAux:
			k, v := d.str(), d.str()
			res.Aux = append(res.Aux, [2]string{string(k), string(v)})
			logAux(logf, string(k), string(v))
			continue
		case opModuleAux:
			d.moduleAux(opt.Modules)
			continue
		case opFunctionPreGA:
			d.corrupt("Pre-release function format not supported.")
		case opFunction2:
			code := d.str()
			res.Functions = append(res.Functions, code)
			if opt.Function != nil {
				if ferr := opt.Function(code); ferr != nil {
					return res, &Error{Msg: "Failed loading library, " + ferr.Error(), Offset: d.pos}
				}
			}
			continue
		default:
			key := string(d.str())
			obj, empty := d.objectOrEmpty(t, key, db.ID, opt.Modules)
			if empty {
				res.Empty++
				if res.Empty <= 10 {
					logf("rdbLoadObject skipping empty key: %s", key)
				}
			} else if expire != -1 && expire < now && !opt.KeepExpired {
				freeValue(obj)
				res.Expired++
			} else {
				v, cerr := toValue(obj)
				if cerr != nil {
					d.corrupt("%s", cerr.Error())
				}
				if db.Peek(key) != nil {
					if !opt.AllowDup {
						freeValue(v)
						return res, &Error{Msg: fmt.Sprintf("RDB has duplicated key '%s' in DB %d", key, db.ID), Offset: d.pos, Corrupt: true}
					}
					db.Delete(key)
				}
				e := db.Set(key, v)
				if expire != -1 {
					db.SetExpire(key, expire)
				}
				if idle >= 0 {
					e.Access = now - idle*1000
				}
				if freq >= 0 {
					e.Freq = uint8(freq)
				}
				res.Keys++
				db.Notify(keyspace.NotifyLoaded, "loaded", key)
			}
			expire, idle, freq = -1, -1, -1
			if opt.Progress != nil {
				opt.Progress(int64(d.pos))
			}
			continue
		}
		break
	}
	if ver >= 5 {
		expected := CRC64(0, d.b[:d.pos])
		sum := binary.LittleEndian.Uint64(d.raw(8))
		res.Checksum = sum
		if !opt.SkipChecksum {
			if sum == 0 {
				logf("RDB file was saved with checksum disabled: no check performed.")
			} else if sum != expected {
				logf("Wrong RDB checksum expected: (%x) but got (%x). Aborting now.", expected, sum)
				return res, &Error{Msg: "RDB CRC error", Offset: d.pos, Corrupt: true}
			}
		}
	}
	res.Size = int64(d.pos)
	if res.Empty > 0 {
		logf("Done loading RDB, keys loaded: %d, keys expired: %d, empty keys skipped: %d.", res.Keys, res.Expired, res.Empty)
	} else {
		logf("Done loading RDB, keys loaded: %d, keys expired: %d.", res.Keys, res.Expired)
	}
	return res, nil
}

func atoiPrefix(b []byte) int {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
		if n > 1<<20 {
			break
		}
	}
	return n
}

func logAux(logf func(string, ...any), k, v string) {
	switch {
	case len(k) > 0 && k[0] == '%':
		logf("RDB '%s': %s", k, v)
	case k == "redis-ver":
		logf("Loading RDB produced by version %s", v)
	case k == "ctime":
		logf("RDB age %d seconds", max(0, nowUnix()-atoi64(v)))
	case k == "used-mem":
		logf("RDB memory usage when created %.2f Mb", float64(atoi64(v))/(1024*1024))
	case k == "aof-preamble":
		if atoi64(v) != 0 {
			logf("RDB has an AOF tail")
		}
	case k == "aof-base":
		if atoi64(v) != 0 {
			logf("RDB is base AOF")
		}
	}
}

func atoi64(s string) int64 {
	v, _ := strconv.ParseInt(s, 10, 64)
	return v
}

// objectOrEmpty reads a value, reporting a skipped empty collection
// instead of failing.
func (d *decoder) objectOrEmpty(t int, key string, dbid int, mods Modules) (obj any, empty bool) {
	defer func() {
		if r := recover(); r != nil {
			if r == errEmptyKey {
				obj, empty = nil, true
				return
			}
			panic(r)
		}
	}()
	return d.object(t, key, dbid, mods), false
}

// moduleAux reads a module aux record (opcode 247).
func (d *decoder) moduleAux(mods Modules) {
	id := d.plainLen()
	whenOp := d.plainLen()
	when := d.plainLen()
	if whenOp != modOpUInt {
		d.corrupt("bad when_opcode")
	}
	var mt keyspace.ModuleType
	if mods != nil {
		mt = mods.TypeByID(id)
	}
	name := TypeName(id)
	if mt == nil {
		d.corrupt("The RDB file contains AUX module data I can't load: no matching module '%s'", name)
	}
	r := &ModuleReader{d: d, DB: -1}
	if err := mods.AuxLoad(mt, int(id&1023), int(when), r); err != nil || r.failed {
		if err == ErrNoAuxLoad {
			d.corrupt("The RDB file contains module AUX data, but the module '%s' doesn't seem to support it.", name)
		}
		d.corrupt("The RDB file contains module AUX data for the module type '%s', that the responsible module is not able to load. Check for modules log above for additional clues.", name)
	}
	if d.plainLen() != modOpEOF {
		d.corrupt("The RDB file contains module AUX data for the module '%s' that is not terminated by the proper module value EOF marker", name)
	}
}

// ErrNoAuxLoad is what Modules.AuxLoad returns for a type without
// aux_load.
var ErrNoAuxLoad = &Error{Msg: "module type has no aux_load", Corrupt: true}

// freeValue releases a decoded value that will not be stored.
func freeValue(v any) {
	if mv, ok := v.(*keyspace.ModuleValue); ok && mv.Ptr != 0 {
		mv.Type.Free(mv.Ptr)
	}
}

func nowUnix() int64 { return time.Now().Unix() }
