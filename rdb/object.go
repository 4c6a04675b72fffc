package rdb

import (
	"bytes"
	"encoding/binary"
	"math"
	"strconv"

	"modhost/keyspace"
)

// The decoded forms of collection values, independent of how keyspace
// stores them. convert.go maps them to and from keyspace values.

// List is a decoded list, head first.
type List struct{ Elems [][]byte }

// Set is a decoded set. Encoding, when set, is the in-memory encoding the
// value had (OBJECT ENCODING), which decides the RDB encoding on save;
// empty means "choose by the size thresholds". Hash and ZSet likewise.
type Set struct {
	Members  [][]byte
	Encoding string
}

// Hash is a decoded hash: field, value, field, value...
type Hash struct {
	Pairs    [][]byte
	Encoding string
}

// ZMember is one sorted set member.
type ZMember struct {
	Member []byte
	Score  float64
}

// ZSet is a decoded sorted set, lowest score first.
type ZSet struct {
	Members  []ZMember
	Encoding string
}

// StreamID is a stream entry id.
type StreamID struct{ Ms, Seq uint64 }

// StreamEntry is one live stream entry; Fields alternate field and value.
type StreamEntry struct {
	ID     StreamID
	Fields [][]byte
}

// StreamNACK is a pending entry of a consumer group.
type StreamNACK struct {
	ID            StreamID
	DeliveryTime  int64
	DeliveryCount uint64
	// Consumer names the owner ("" when no consumer claims it).
	Consumer string
}

// StreamConsumer is a consumer of a group; PEL lists the ids it owns.
type StreamConsumer struct {
	Name       string
	SeenTime   int64
	ActiveTime int64
	PEL        []StreamID
}

// StreamGroup is a consumer group.
type StreamGroup struct {
	Name        string
	LastID      StreamID
	EntriesRead int64 // legacyEntriesRead: not in the file (RDB before 7.0)
	PEL         []StreamNACK
	Consumers   []StreamConsumer
}

// Stream is a decoded stream with its metadata and groups.
type Stream struct {
	Entries      []StreamEntry
	Length       uint64
	LastID       StreamID
	FirstID      StreamID
	MaxDeletedID StreamID
	EntriesAdded uint64
	Groups       []StreamGroup
}

// ModuleBlob is a module value already serialised by its type: the type id
// and the body (typed opcodes up to and including the EOF opcode).
type ModuleBlob struct {
	TypeID uint64
	Body   []byte
}

// errEmptyKey marks a collection stored with no elements, which Redis
// skips when loading.
var errEmptyKey = &Error{Msg: "empty key"}

// object reads one value of the given RDB type. It returns a keyspace
// value (strings, module values) or one of the decoded forms above.
func (d *decoder) object(t int, key string, dbid int, mods Modules) any {
	switch t {
	case TypeString:
		return d.str()
	case TypeList:
		n := d.count(1)
		l := &List{}
		for i := 0; i < n; i++ {
			l.Elems = append(l.Elems, d.str())
		}
		if n == 0 {
			panic(errEmptyKey)
		}
		return l
	case TypeSet:
		n := d.count(1)
		if n == 0 {
			panic(errEmptyKey)
		}
		s := &Set{}
		seen := make(map[string]struct{}, min(n, 1<<16))
		for i := 0; i < n; i++ {
			m := d.str()
			if _, dup := seen[string(m)]; dup {
				d.corrupt("Duplicate set members detected")
			}
			seen[string(m)] = struct{}{}
			s.Members = append(s.Members, m)
		}
		return s
	case TypeZSet, TypeZSet2:
		n := d.count(2)
		if n == 0 {
			panic(errEmptyKey)
		}
		z := &ZSet{}
		seen := make(map[string]struct{}, min(n, 1<<16))
		for i := 0; i < n; i++ {
			m := d.str()
			var sc float64
			if t == TypeZSet2 {
				sc = d.binDouble()
			} else {
				sc = d.strDouble()
			}
			if math.IsNaN(sc) {
				d.corrupt("Zset with NAN score detected")
			}
			if _, dup := seen[string(m)]; dup {
				d.corrupt("Duplicate zset fields detected")
			}
			seen[string(m)] = struct{}{}
			z.Members = append(z.Members, ZMember{m, sc})
		}
		return z
	case TypeHash:
		n := d.count(2)
		if n == 0 {
			panic(errEmptyKey)
		}
		h := &Hash{}
		seen := make(map[string]struct{}, min(n, 1<<16))
		for i := 0; i < n; i++ {
			f := d.str()
			v := d.str()
			if _, dup := seen[string(f)]; dup {
				d.corrupt("Duplicate hash fields detected")
			}
			seen[string(f)] = struct{}{}
			h.Pairs = append(h.Pairs, f, v)
		}
		return h
	case TypeListQuicklist, TypeListQuicklist2:
		n := d.count(2)
		l := &List{}
		for i := 0; i < n; i++ {
			container := uint64(2)
			if t == TypeListQuicklist2 {
				container = d.plainLen()
				if container != 1 && container != 2 {
					d.corrupt("Quicklist integrity check failed.")
				}
			}
			data := d.str()
			if len(data) == 0 {
				d.corrupt("Quicklist integrity check failed.")
			}
			if container == 1 {
				l.Elems = append(l.Elems, data)
				continue
			}
			var elems [][]byte
			var err error
			if t == TypeListQuicklist2 {
				elems, err = parseListpack(data)
				if err != nil {
					d.corrupt("Listpack integrity check failed.")
				}
			} else {
				elems, err = parseZiplist(data)
				if err != nil {
					d.corrupt("Ziplist integrity check failed.")
				}
			}
			l.Elems = append(l.Elems, elems...)
		}
		if len(l.Elems) == 0 {
			panic(errEmptyKey)
		}
		return l
	case TypeHashZipmap, TypeListZiplist, TypeSetIntset, TypeSetListpack,
		TypeZSetZiplist, TypeZSetListpack, TypeHashZiplist, TypeHashListpack:
		return d.compact(t, d.str())
	case TypeStreamListpacks, TypeStreamListpacks2, TypeStreamListpacks3:
		return d.stream(t)
	case TypeModulePreGA:
		d.corrupt("Pre-release module format not supported")
	case TypeModule2:
		return d.moduleValue(key, dbid, mods)
	}
	d.corrupt("Unknown RDB encoding type %d", t)
	return nil
}

// compact decodes the single-blob encodings.
func (d *decoder) compact(t int, blob []byte) any {
	var elems [][]byte
	var err error
	what := ""
	switch t {
	case TypeHashZipmap:
		elems, err = parseZipmap(blob)
		what = "Zipmap integrity check failed."
	case TypeListZiplist:
		elems, err = parseZiplist(blob)
		what = "List ziplist integrity check failed."
	case TypeSetIntset:
		elems, err = parseIntset(blob)
		what = "Intset integrity check failed."
	case TypeSetListpack:
		elems, err = parseListpack(blob)
		what = "Set listpack integrity check failed."
	case TypeZSetZiplist:
		elems, err = parseZiplist(blob)
		what = "Zset ziplist integrity check failed."
	case TypeZSetListpack:
		elems, err = parseListpack(blob)
		what = "Zset listpack integrity check failed."
	case TypeHashZiplist:
		elems, err = parseZiplist(blob)
		what = "Hash ziplist integrity check failed."
	case TypeHashListpack:
		elems, err = parseListpack(blob)
		what = "Hash listpack integrity check failed."
	}
	if err != nil {
		d.corrupt("%s", what)
	}
	if len(elems) == 0 {
		panic(errEmptyKey)
	}
	switch t {
	case TypeListZiplist:
		return &List{Elems: elems}
	case TypeSetIntset, TypeSetListpack:
		if t == TypeSetListpack && hasDup(elems, 1) {
			d.corrupt("%s", what)
		}
		return &Set{Members: elems}
	case TypeZSetZiplist, TypeZSetListpack:
		if len(elems)%2 != 0 || hasDup(elems, 2) {
			d.corrupt("%s", what)
		}
		z := &ZSet{}
		for i := 0; i < len(elems); i += 2 {
			sc, err := strconv.ParseFloat(string(elems[i+1]), 64)
			if err != nil && !isRangeErr(err) || math.IsNaN(sc) {
				d.corrupt("%s", what)
			}
			z.Members = append(z.Members, ZMember{elems[i], sc})
		}
		return z
	default:
		if len(elems)%2 != 0 || hasDup(elems, 2) {
			d.corrupt("%s", what)
		}
		return &Hash{Pairs: elems}
	}
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// hasDup reports a repeated element among every step-th element.
func hasDup(elems [][]byte, step int) bool {
	seen := make(map[string]struct{}, len(elems)/step)
	for i := 0; i < len(elems); i += step {
		if _, ok := seen[string(elems[i])]; ok {
			return true
		}
		seen[string(elems[i])] = struct{}{}
	}
	return false
}

func streamIDFrom(b []byte) StreamID {
	return StreamID{binary.BigEndian.Uint64(b), binary.BigEndian.Uint64(b[8:])}
}

func (id StreamID) raw() []byte {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:], id.Ms)
	binary.BigEndian.PutUint64(b[8:], id.Seq)
	return b[:]
}

// Stream entry flags inside a stream listpack.
const (
	streamItemDeleted    = 1
	streamItemSameFields = 2
)

func (d *decoder) stream(t int) *Stream {
	s := &Stream{}
	nodes := d.count(2)
	for i := 0; i < nodes; i++ {
		nodekey := d.str()
		if len(nodekey) != 16 {
			d.corrupt("Stream node key entry is not the size of a stream ID")
		}
		lp, err := parseListpack(d.str())
		if err != nil {
			d.corrupt("Stream listpack integrity check failed.")
		}
		if len(lp) == 0 {
			d.corrupt("Empty listpack inside stream")
		}
		entries, ok := streamNodeEntries(streamIDFrom(nodekey), lp)
		if !ok {
			d.corrupt("Stream listpack integrity check failed.")
		}
		if len(s.Entries) > 0 && len(entries) > 0 && !idLess(s.Entries[len(s.Entries)-1].ID, entries[0].ID) {
			d.corrupt("Stream listpack integrity check failed.")
		}
		s.Entries = append(s.Entries, entries...)
	}
	s.Length = d.plainLen()
	s.LastID = StreamID{d.plainLen(), d.plainLen()}
	if t >= TypeStreamListpacks2 {
		s.FirstID = StreamID{d.plainLen(), d.plainLen()}
		s.MaxDeletedID = StreamID{d.plainLen(), d.plainLen()}
		s.EntriesAdded = d.plainLen()
	} else {
		s.EntriesAdded = s.Length
		if len(s.Entries) > 0 {
			s.FirstID = s.Entries[0].ID
		}
	}
	if s.Length != 0 && nodes == 0 {
		d.corrupt("Stream length inconsistent with rax entries")
	}
	groups := d.count(3)
	names := map[string]bool{}
	for i := 0; i < groups; i++ {
		g := StreamGroup{Name: string(d.str())}
		g.LastID = StreamID{d.plainLen(), d.plainLen()}
		if t >= TypeStreamListpacks2 {
			g.EntriesRead = int64(d.plainLen())
		} else {
			g.EntriesRead = legacyEntriesRead
		}
		if names[g.Name] {
			d.corrupt("Duplicated consumer group name %s", g.Name)
		}
		names[g.Name] = true
		npel := d.count(17)
		pelIndex := map[StreamID]int{}
		for j := 0; j < npel; j++ {
			id := streamIDFrom(d.raw(16))
			n := StreamNACK{ID: id, DeliveryTime: d.millis(), DeliveryCount: d.plainLen()}
			if _, dup := pelIndex[id]; dup {
				d.corrupt("Duplicated global PEL entry loading stream consumer group")
			}
			pelIndex[id] = len(g.PEL)
			g.PEL = append(g.PEL, n)
		}
		ncons := d.count(9)
		cnames := map[string]bool{}
		for j := 0; j < ncons; j++ {
			c := StreamConsumer{Name: string(d.str())}
			if cnames[c.Name] {
				d.corrupt("Duplicate stream consumer detected.")
			}
			cnames[c.Name] = true
			c.SeenTime = d.millis()
			if t >= TypeStreamListpacks3 {
				c.ActiveTime = d.millis()
			} else {
				c.ActiveTime = c.SeenTime
			}
			np := d.count(16)
			for k := 0; k < np; k++ {
				id := streamIDFrom(d.raw(16))
				idx, ok := pelIndex[id]
				if !ok {
					d.corrupt("Consumer entry not found in group global PEL")
				}
				if g.PEL[idx].Consumer != "" {
					d.corrupt("Duplicated consumer PEL entry  loading a stream consumer group")
				}
				g.PEL[idx].Consumer = c.Name
				c.PEL = append(c.PEL, id)
			}
			g.Consumers = append(g.Consumers, c)
		}
		s.Groups = append(s.Groups, g)
	}
	return s
}

func idLess(a, b StreamID) bool { return a.Ms < b.Ms || a.Ms == b.Ms && a.Seq < b.Seq }

// streamNodeEntries walks one stream listpack: the master entry (count,
// deleted count, master fields, 0), then entries of flags, id deltas,
// fields or values, and a trailing element count.
func streamNodeEntries(master StreamID, lp [][]byte) ([]StreamEntry, bool) {
	p := 0
	next := func() ([]byte, bool) {
		if p >= len(lp) {
			return nil, false
		}
		p++
		return lp[p-1], true
	}
	nextInt := func() (int64, bool) {
		b, ok := next()
		if !ok {
			return 0, false
		}
		v, err := strconv.ParseInt(string(b), 10, 64)
		return v, err == nil
	}
	count, ok1 := nextInt()
	deleted, ok2 := nextInt()
	nmaster, ok3 := nextInt()
	if !ok1 || !ok2 || !ok3 || nmaster < 0 || nmaster > int64(len(lp)) {
		return nil, false
	}
	mfields := make([][]byte, nmaster)
	for i := range mfields {
		f, ok := next()
		if !ok {
			return nil, false
		}
		mfields[i] = f
	}
	if z, ok := nextInt(); !ok || z != 0 {
		return nil, false
	}
	var out []StreamEntry
	var live, dead int64
	for p < len(lp) {
		flags, ok1 := nextInt()
		msd, ok2 := nextInt()
		seqd, ok3 := nextInt()
		if !ok1 || !ok2 || !ok3 {
			return nil, false
		}
		e := StreamEntry{ID: StreamID{master.Ms + uint64(msd), master.Seq + uint64(seqd)}}
		var nf int64
		if flags&streamItemSameFields != 0 {
			nf = nmaster
			for i := int64(0); i < nf; i++ {
				v, ok := next()
				if !ok {
					return nil, false
				}
				e.Fields = append(e.Fields, mfields[i], v)
			}
		} else {
			n, ok := nextInt()
			if !ok || n < 0 || n > int64(len(lp)) {
				return nil, false
			}
			nf = n
			for i := int64(0); i < nf; i++ {
				f, ok1 := next()
				v, ok2 := next()
				if !ok1 || !ok2 {
					return nil, false
				}
				e.Fields = append(e.Fields, f, v)
			}
		}
		if _, ok := nextInt(); !ok {
			return nil, false
		}
		if flags&streamItemDeleted != 0 {
			dead++
			continue
		}
		live++
		if len(out) > 0 && !idLess(out[len(out)-1].ID, e.ID) {
			return nil, false
		}
		out = append(out, e)
	}
	if live != count || dead != deleted {
		return nil, false
	}
	return out, true
}

// moduleValue reads a type-7 value through the module layer.
func (d *decoder) moduleValue(key string, dbid int, mods Modules) any {
	id := d.plainLen()
	var mt keyspace.ModuleType
	if mods != nil {
		mt = mods.TypeByID(id)
	}
	if mt == nil {
		d.corrupt("The RDB file contains module data I can't load: no matching module type '%s'", TypeName(id))
	}
	r := &ModuleReader{d: d, Key: key, DB: dbid}
	ptr, err := mods.Load(mt, int(id&1023), r)
	if r.failed || err != nil {
		if ptr != 0 {
			mt.Free(ptr)
		}
		if r.eofHit {
			d.eof()
		}
		d.corrupt("The RDB file contains module data for the module type '%s', that the responsible module is not able to load. Check for modules log above for additional clues.", TypeName(mt.ID()))
	}
	if eof := d.plainLen(); eof != modOpEOF {
		if ptr != 0 {
			mt.Free(ptr)
		}
		d.corrupt("The RDB file contains module data for the module '%s' that is not terminated by the proper module value EOF marker", TypeName(mt.ID()))
	}
	if ptr == 0 {
		d.corrupt("The RDB file contains module data for the module type '%s', that the responsible module is not able to load. Check for modules log above for additional clues.", TypeName(mt.ID()))
	}
	return &keyspace.ModuleValue{Type: mt, Ptr: ptr}
}

// skipModuleBody steps over a module value body without its type, as
// redis-check-rdb does, and returns the bytes including the EOF opcode.
func (d *decoder) skipModuleBody() []byte {
	start := d.pos
	for {
		op := d.plainLen()
		switch op {
		case modOpEOF:
			return bytes.Clone(d.b[start:d.pos])
		case modOpSInt, modOpUInt:
			d.plainLen()
		case modOpFloat:
			d.raw(4)
		case modOpDouble:
			d.raw(8)
		case modOpString:
			d.str()
		default:
			d.corrupt("Unknown module opcode %d", op)
		}
	}
}

// TypeName recovers the 9-character type name from a module type id.
func TypeName(id uint64) string {
	const charset = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	var name [9]byte
	v := id >> 10
	for i := 8; i >= 0; i-- {
		name[i] = charset[v&63]
		v >>= 6
	}
	return string(name[:])
}

// legacyEntriesRead marks a group read from a pre-7.0 stream encoding,
// which has no entries-read counter: loading estimates it from the stream
// as Redis does.
const legacyEntriesRead = -2
