package rdb

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"modhost/keyspace"
)

// RedisVersion is what the redis-ver aux field reports.
const RedisVersion = "7.2.6"

// SaveOptions controls Encode.
type SaveOptions struct {
	// Modules serialises module values and aux data; nil fails on them.
	Modules Modules
	// Compress LZF-compresses strings longer than 20 bytes (rdbcompression).
	Compress bool
	// Checksum appends the CRC64 (rdbchecksum); otherwise 0 is written.
	Checksum bool
	// Functions are the function libraries' code, saved before the keys.
	Functions [][]byte
	// UsedMem feeds the used-mem aux field.
	UsedMem int64
	// SaveLRU and SaveLFU store each key's idle time or LFU counter
	// (maxmemory-policy of the LRU or LFU families).
	SaveLRU, SaveLFU bool
	// AOFBase marks the file as an AOF base (aof-base aux field).
	AOFBase bool
	// Now overrides the clock for ctime and idle times (Unix ms); 0 means now.
	Now int64
	// KeyDelay is rdb-key-save-delay: microseconds to sleep after each
	// key (a negative -n sleeps 1us once in n keys on average), so tests
	// can catch a save in progress.
	KeyDelay int64
	// Cancel, when closed, makes Snapshot.Encode stop and return nil (a
	// background save that was killed).
	Cancel <-chan struct{}
}

// Encode serialises the whole keyspace into an RDB image (version 10).
// It reads ks only and calls module rdb_save/aux_save callbacks, so it
// must run under the execution lock.
func Encode(ks *keyspace.Keyspace, opt SaveOptions) ([]byte, error) {
	snap, err := takeSnapshot(ks, opt, false)
	if err != nil {
		return nil, err
	}
	return snap.Encode(), nil
}

// Snapshot is a point-in-time copy of the keyspace that owns all its
// bytes, so it can be encoded and written without the execution lock
// (BGSAVE, which cannot fork in Go).
type Snapshot struct {
	opt       SaveOptions
	now       int64
	auxBefore []auxRecord
	auxAfter  []auxRecord
	dbs       []snapDB
}

type auxRecord struct {
	id   uint64
	when int
	body []byte
}

type snapDB struct {
	id            int
	size, expires int
	keys          []snapKey
}

type snapKey struct {
	key    string
	expire int64
	access int64
	freq   uint8
	obj    any
}

// TakeSnapshot copies ks (module values and aux data serialised through
// their types). It must run under the execution lock; the snapshot may
// then be encoded from any goroutine.
func TakeSnapshot(ks *keyspace.Keyspace, opt SaveOptions) (*Snapshot, error) {
	return takeSnapshot(ks, opt, true)
}

func takeSnapshot(ks *keyspace.Keyspace, opt SaveOptions, deep bool) (*Snapshot, error) {
	now := opt.Now
	if now == 0 {
		now = time.Now().UnixMilli()
	}
	snap := &Snapshot{opt: opt, now: now}
	var err error
	if snap.auxBefore, err = moduleAux(opt, AuxBeforeRDB); err != nil {
		return nil, err
	}
	for _, db := range ks.DBs {
		if db.Len() == 0 {
			continue
		}
		sd := snapDB{id: db.ID, size: db.Len(), expires: db.Expires(), keys: make([]snapKey, 0, db.Len())}
		db.Range(func(key string, ent *keyspace.Entry) bool {
			var obj any
			if mv, ok := ent.Val.(*keyspace.ModuleValue); ok {
				obj, err = serializeModule(opt.Modules, mv, opt.Compress, key, db.ID)
			} else if obj, err = fromValue(ent.Val); err == nil && deep {
				obj = cloneObj(obj)
			}
			sd.keys = append(sd.keys, snapKey{key, ent.Expire, ent.Access, ent.Freq, obj})
			return err == nil
		})
		if err != nil {
			return nil, err
		}
		snap.dbs = append(snap.dbs, sd)
	}
	if snap.auxAfter, err = moduleAux(opt, AuxAfterRDB); err != nil {
		return nil, err
	}
	return snap, nil
}

// Encode renders the snapshot as an RDB image.
func (s *Snapshot) Encode() []byte {
	opt := s.opt
	e := &encoder{compress: opt.Compress}
	e.b = append(e.b, fmt.Sprintf("REDIS%04d", Version)...)
	aux := func(k, v string) {
		e.u8(opAux)
		e.str([]byte(k))
		e.str([]byte(v))
	}
	aux("redis-ver", RedisVersion)
	aux("redis-bits", "64")
	aux("ctime", strconv.FormatInt(s.now/1000, 10))
	aux("used-mem", strconv.FormatInt(opt.UsedMem, 10))
	aof := "0"
	if opt.AOFBase {
		aof = "1"
	}
	aux("aof-base", aof)
	e.auxRecords(s.auxBefore)
	for _, code := range opt.Functions {
		e.u8(opFunction2)
		e.str(code)
	}
	var owed time.Duration
	for _, db := range s.dbs {
		e.u8(opSelectDB)
		e.length(uint64(db.id))
		e.u8(opResizeDB)
		e.length(uint64(db.size))
		e.length(uint64(db.expires))
		for _, k := range db.keys {
			if opt.KeyDelay != 0 {
				keyDelay(opt.KeyDelay, &owed)
			}
			if opt.Cancel != nil {
				select {
				case <-opt.Cancel:
					return nil
				default:
				}
			}
			if k.expire != 0 {
				e.u8(opExpireTimeMS)
				e.millis(k.expire)
			}
			if opt.SaveLRU {
				e.u8(opIdle)
				e.length(uint64(max(0, (s.now-k.access)/1000)))
			}
			if opt.SaveLFU {
				e.u8(opFreq)
				e.u8(k.freq)
			}
			typePos := len(e.b)
			e.u8(0)
			e.str([]byte(k.key))
			e.b[typePos] = e.object(k.obj)
		}
	}
	e.auxRecords(s.auxAfter)
	e.u8(opEOF)
	var sum uint64
	if opt.Checksum {
		sum = CRC64(0, e.b)
	}
	return binary.LittleEndian.AppendUint64(e.b, sum)
}

// keyDelay applies rdb-key-save-delay after one key. Go's shortest
// sleeps last far longer than a few microseconds, so the delay is owed
// and paid in sleeps of at least a millisecond (the average rate of
// Redis's usleep). A negative -n owes 1us once in n keys on average.
func keyDelay(us int64, owed *time.Duration) {
	if us < 0 {
		if rand.Int64N(-us) != 0 {
			return
		}
		us = 1
	}
	*owed += time.Duration(us) * time.Microsecond
	if *owed < time.Millisecond {
		return
	}
	start := time.Now()
	time.Sleep(*owed)
	*owed -= time.Since(start)
}

func (e *encoder) auxRecords(recs []auxRecord) {
	for _, r := range recs {
		e.u8(opModuleAux)
		e.length(r.id)
		e.length(modOpUInt)
		e.length(uint64(r.when))
		e.b = append(e.b, r.body...)
		e.length(modOpEOF)
	}
}

// moduleAux runs the aux_save callbacks for when.
func moduleAux(opt SaveOptions, when int) ([]auxRecord, error) {
	if opt.Modules == nil {
		return nil, nil
	}
	var out []auxRecord
	for _, t := range opt.Modules.AuxTypes(when) {
		w := NewModuleWriter(opt.Compress, "", -1)
		keep, err := opt.Modules.AuxSave(t, when, w)
		if err != nil {
			return nil, err
		}
		if keep {
			out = append(out, auxRecord{t.ID(), when, w.Bytes()})
		}
	}
	return out, nil
}

// cloneObj deep-copies a decoded-form value so it no longer shares bytes
// with the keyspace.
func cloneObj(obj any) any {
	cl := func(b [][]byte) [][]byte {
		out := make([][]byte, len(b))
		for i, x := range b {
			out[i] = bytes.Clone(x)
		}
		return out
	}
	switch o := obj.(type) {
	case []byte:
		return bytes.Clone(o)
	case *List:
		return &List{Elems: cl(o.Elems)}
	case *Set:
		return &Set{Members: cl(o.Members), Encoding: o.Encoding}
	case *Hash:
		return &Hash{Pairs: cl(o.Pairs), Encoding: o.Encoding}
	case *ZSet:
		z := &ZSet{Members: make([]ZMember, len(o.Members)), Encoding: o.Encoding}
		for i, m := range o.Members {
			z.Members[i] = ZMember{bytes.Clone(m.Member), m.Score}
		}
		return z
	case *Stream:
		c := *o
		c.Entries = make([]StreamEntry, len(o.Entries))
		for i, en := range o.Entries {
			c.Entries[i] = StreamEntry{en.ID, cl(en.Fields)}
		}
		c.Groups = make([]StreamGroup, len(o.Groups))
		for i, g := range o.Groups {
			g.PEL = append([]StreamNACK(nil), g.PEL...)
			cons := make([]StreamConsumer, len(g.Consumers))
			for j, cn := range g.Consumers {
				cn.PEL = append([]StreamID(nil), cn.PEL...)
				cons[j] = cn
			}
			g.Consumers = cons
			c.Groups[i] = g
		}
		return &c
	}
	return obj
}

// value writes v's serialisation and returns its RDB type byte.
func (e *encoder) value(v keyspace.Value, mods Modules, key string, db int) (byte, error) {
	if mv, ok := v.(*keyspace.ModuleValue); ok {
		blob, err := serializeModule(mods, mv, e.compress, key, db)
		if err != nil {
			return 0, err
		}
		return e.object(blob), nil
	}
	obj, err := fromValue(v)
	if err != nil {
		return 0, err
	}
	return e.object(obj), nil
}

// object writes a decoded-form value and returns its RDB type byte.
func (e *encoder) object(obj any) byte {
	switch o := obj.(type) {
	case []byte:
		e.str(o)
		return TypeString
	case ModuleBlob:
		e.length(o.TypeID)
		e.b = append(e.b, o.Body...)
		return TypeModule2
	case *List:
		e.quicklist(o.Elems)
		return TypeListQuicklist2
	case *Hash:
		if o.Encoding == "listpack" || o.Encoding == "" && len(o.Pairs)/2 <= keyspace.HashMaxListpackEntries && allShort(o.Pairs, keyspace.HashMaxListpackValue) {
			lp := newListpack()
			for _, p := range o.Pairs {
				lp.append(p)
			}
			e.blob(lp.bytes())
			return TypeHashListpack
		}
		e.length(uint64(len(o.Pairs) / 2))
		for _, p := range o.Pairs {
			e.str(p)
		}
		return TypeHash
	case *Set:
		if o.Encoding == "intset" || o.Encoding == "" && len(o.Members) <= keyspace.SetMaxIntsetEntries {
			if ints, ok := allInts(o.Members); ok {
				e.blob(buildIntset(ints))
				return TypeSetIntset
			}
		}
		e.length(uint64(len(o.Members)))
		for _, m := range o.Members {
			e.str(m)
		}
		return TypeSet
	case *ZSet:
		if o.Encoding == "listpack" || o.Encoding == "" && len(o.Members) <= keyspace.ZSetMaxListpackEntries && allShortZ(o.Members, keyspace.ZSetMaxListpackValue) {
			lp := newListpack()
			for _, m := range o.Members {
				lp.append(m.Member)
				lp.append(formatScore(m.Score))
			}
			e.blob(lp.bytes())
			return TypeZSetListpack
		}
		e.length(uint64(len(o.Members)))
		// Highest score first, as Redis writes them, so a loader
		// appending in order builds its skiplist from the tail.
		for i := len(o.Members) - 1; i >= 0; i-- {
			e.str(o.Members[i].Member)
			e.binDouble(o.Members[i].Score)
		}
		return TypeZSet2
	case *Stream:
		e.stream(o)
		return TypeStreamListpacks2
	}
	panic(fmt.Sprintf("rdb: cannot encode %T", obj))
}

func allShort(elems [][]byte, max int) bool {
	for _, b := range elems {
		if len(b) > max {
			return false
		}
	}
	return true
}

func allShortZ(ms []ZMember, max int) bool {
	for _, m := range ms {
		if len(m.Member) > max {
			return false
		}
	}
	return true
}

func allInts(elems [][]byte) ([]int64, bool) {
	out := make([]int64, len(elems))
	for i, b := range elems {
		v, ok := parseCanonicalInt(b)
		if !ok {
			return nil, false
		}
		out[i] = v
	}
	return out, true
}

// formatScore prints a score the way Redis stores it in a listpack:
// integers without a fraction, everything else in the shortest form that
// reads back exactly.
func formatScore(f float64) []byte {
	switch {
	case math.IsInf(f, 1):
		return []byte("inf")
	case math.IsInf(f, -1):
		return []byte("-inf")
	case f == math.Trunc(f) && math.Abs(f) < 1<<53:
		return strconv.AppendInt(nil, int64(f), 10)
	}
	return strconv.AppendFloat(nil, f, 'g', 17, 64)
}

// quicklist writes list elements as listpack nodes split the way the
// list-max-listpack-size default (8 kB per node) splits them.
func (e *encoder) quicklist(elems [][]byte) {
	const nodeBytes = 8192
	var nodes [][]byte
	lp := newListpack()
	for _, el := range elems {
		if lp.n > 0 && len(lp.b)+len(el)+11 > nodeBytes {
			nodes = append(nodes, lp.bytes())
			lp = newListpack()
		}
		lp.append(el)
	}
	if lp.n > 0 {
		nodes = append(nodes, lp.bytes())
	}
	e.length(uint64(len(nodes)))
	for _, n := range nodes {
		e.length(2)
		e.blob(n)
	}
}

// stream writes a stream as Redis 7.0 does (STREAM_LISTPACKS_2), split
// into nodes by the rule XADD applies (stream-node-max-bytes and
// stream-node-max-entries), so the loaded stream has the same nodes.
func (e *encoder) stream(s *Stream) {
	keys, nodes := streamNodes(s.Entries)
	e.length(uint64(len(nodes)))
	for i := range nodes {
		e.str(keys[i])
		e.blob(nodes[i])
	}
	e.length(s.Length)
	e.length(s.LastID.Ms)
	e.length(s.LastID.Seq)
	e.length(s.FirstID.Ms)
	e.length(s.FirstID.Seq)
	e.length(s.MaxDeletedID.Ms)
	e.length(s.MaxDeletedID.Seq)
	e.length(s.EntriesAdded)
	e.length(uint64(len(s.Groups)))
	for _, g := range s.Groups {
		e.str([]byte(g.Name))
		e.length(g.LastID.Ms)
		e.length(g.LastID.Seq)
		e.length(uint64(g.EntriesRead))
		e.length(uint64(len(g.PEL)))
		for _, n := range g.PEL {
			e.b = append(e.b, n.ID.raw()...)
			e.millis(n.DeliveryTime)
			e.length(n.DeliveryCount)
		}
		e.length(uint64(len(g.Consumers)))
		for _, c := range g.Consumers {
			e.str([]byte(c.Name))
			e.millis(c.SeenTime)
			e.length(uint64(len(c.PEL)))
			for _, id := range c.PEL {
				e.b = append(e.b, id.raw()...)
			}
		}
	}
}

func lpIntEntrySize(v int64) int {
	lb := listpackBuilder{}
	lb.appendInt(v)
	return len(lb.b)
}

// streamNodes builds the node keys and listpacks: each node starts with
// a master entry (valid count, deleted count, the first entry's field
// names, 0) followed by entries of flags, id deltas, fields or values,
// and the entry's element count.
func streamNodes(entries []StreamEntry) (keys, nodes [][]byte) {
	maxBytes := keyspace.StreamNodeMaxBytes
	if maxBytes <= 0 || maxBytes > 1<<30 {
		maxBytes = 1 << 30
	}
	maxEntries := keyspace.StreamNodeMaxEntries
	for i := 0; i < len(entries); {
		master := entries[i].ID
		var mfields [][]byte
		mbytes := 0
		for k := 0; k < len(entries[i].Fields); k += 2 {
			f := entries[i].Fields[k]
			mfields = append(mfields, f)
			lb := listpackBuilder{}
			lb.append(f)
			mbytes += len(lb.b)
		}
		body := &listpackBuilder{}
		n := 0
		for ; i < len(entries); i++ {
			en := entries[i]
			if n > 0 {
				total := 0
				for _, f := range en.Fields {
					total += len(f)
				}
				lpBytes := 7 + lpIntEntrySize(int64(n)) + lpIntEntrySize(0) + lpIntEntrySize(int64(len(mfields))) +
					mbytes + lpIntEntrySize(0) + len(body.b)
				if lpBytes+total >= maxBytes || (maxEntries > 0 && n >= maxEntries) {
					break
				}
			}
			same := len(en.Fields) == 2*len(mfields)
			for k := 0; same && k < len(mfields); k++ {
				same = string(en.Fields[2*k]) == string(mfields[k])
			}
			nf := len(en.Fields) / 2
			if same {
				body.appendInt(streamItemSameFields)
			} else {
				body.appendInt(0)
			}
			body.appendInt(int64(en.ID.Ms - master.Ms))
			body.appendInt(int64(en.ID.Seq - master.Seq))
			if same {
				for k := 1; k < len(en.Fields); k += 2 {
					body.append(en.Fields[k])
				}
				body.appendInt(int64(nf + 3))
			} else {
				body.appendInt(int64(nf))
				for _, f := range en.Fields {
					body.append(f)
				}
				body.appendInt(int64(2*nf + 1 + 3))
			}
			n++
		}
		lp := newListpack()
		lp.appendInt(int64(n))
		lp.appendInt(0)
		lp.appendInt(int64(len(mfields)))
		for _, f := range mfields {
			lp.append(f)
		}
		lp.appendInt(0)
		lp.b = append(lp.b, body.b...)
		lp.n += body.n
		keys = append(keys, master.raw())
		nodes = append(nodes, lp.bytes())
	}
	return keys, nodes
}

// WriteFile writes data to dir/name the way Redis does: into a temporary
// file in dir, synced, then renamed over the target.
func WriteFile(dir, name string, data []byte) error {
	tmp, err := WriteTemp(dir, data)
	if err != nil {
		return err
	}
	return Commit(tmp, dir, name)
}

// WriteTemp writes data to a fresh synced temporary file in dir and
// returns its path; Commit or os.Remove finishes it.
func WriteTemp(dir string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, fmt.Sprintf("temp-%d-*.rdb", os.Getpid()))
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0644)
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// Commit renames a temporary file over dir/name and syncs the directory.
func Commit(tmp, dir, name string) error {
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		os.Remove(tmp)
		return err
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
