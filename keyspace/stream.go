package keyspace

import (
	"errors"
	"sort"
	"strconv"

	"github.com/tidwall/btree"
)

// Stream values.
//
// A Stream keeps its entries in ID order, grouped into nodes the way
// Redis groups them into listpacks under a radix tree: a node holds at
// most StreamNodeMaxEntries entries (deleted ones included) and is closed
// once its listpack would reach StreamNodeMaxBytes. The node layout is
// observable (approximate trimming removes whole nodes only, XINFO
// reports the node count), so the sizes are computed exactly as Redis's
// listpack encoding would make them.
//
// API summary (everything runs under the execution lock):
//
//	NewStream() *Stream
//	s.Len()                         live entries
//	s.NextID(now, given, seqGiven)  the ID XADD would assign
//	s.Append(id, fields)            add an entry (id > LastID)
//	s.Range(start, end, rev, fn)    visit live entries in [start, end]
//	s.Get(id)                       one entry's fields
//	s.Delete(id)                    XDEL semantics for one ID
//	s.Trim(TrimArgs)                XTRIM/XADD trimming
//	s.FirstValidID / LastValidID    edges among live entries
//	s.Group, CreateGroup, DestroyGroup, Groups      consumer groups
//	g.Consumer, CreateConsumer, DeleteConsumer, Consumers
//	g.Pending, Deliver, Ack, Claim, RangePending    the group PEL
//	c.PendingLen, RangePending                      a consumer's PEL
//	s.Lag(g), s.EstimateReadCount(id), s.Delivered(g, id)
//	s.RadixKeys, RadixNodes         what XINFO STREAM reports
//	s.Nodes, AppendNode             node-level access for RDB save/load
//
// RDB loading rebuilds a stream with AppendNode for each stored listpack,
// then sets LastID, FirstID, MaxDeletedID and EntriesAdded from the file;
// groups come back with CreateGroup, CreateConsumer (then ActiveTime),
// AddPending (then DeliveryTime and DeliveryCount) and Claim to hand each
// pending entry to its consumer.
//
// Field slices handed to Append are kept; callers pass copies.

// StreamNodeMaxBytes and StreamNodeMaxEntries mirror the
// stream-node-max-bytes and stream-node-max-entries configs.
var (
	StreamNodeMaxBytes   = 4096
	StreamNodeMaxEntries = 100
)

// streamListpackMaxSize is the hard cap of one listpack (1 GiB).
const streamListpackMaxSize = 1 << 30

// Stream errors.
var (
	// ErrStreamIDTooSmall: the ID is not greater than the stream's top ID.
	ErrStreamIDTooSmall = errors.New("stream ID equal or smaller than the top item")
	// ErrStreamEntryTooLarge: the entry does not fit a listpack.
	ErrStreamEntryTooLarge = errors.New("stream entry too large")
)

// StreamID is an entry ID: milliseconds and a sequence number.
type StreamID struct{ Ms, Seq uint64 }

// MaxStreamID is the largest ID (the "+" of XRANGE).
var MaxStreamID = StreamID{^uint64(0), ^uint64(0)}

// Compare returns -1, 0 or 1 as a is before, equal to or after b.
func (a StreamID) Compare(b StreamID) int {
	switch {
	case a.Ms < b.Ms:
		return -1
	case a.Ms > b.Ms:
		return 1
	case a.Seq < b.Seq:
		return -1
	case a.Seq > b.Seq:
		return 1
	}
	return 0
}

// Less reports a < b.
func (a StreamID) Less(b StreamID) bool { return a.Compare(b) < 0 }

// IsZero reports whether the ID is 0-0.
func (a StreamID) IsZero() bool { return a.Ms == 0 && a.Seq == 0 }

// String formats the ID as "ms-seq".
func (a StreamID) String() string { return string(a.Append(nil)) }

// Append appends the "ms-seq" form to b.
func (a StreamID) Append(b []byte) []byte {
	b = strconv.AppendUint(b, a.Ms, 10)
	b = append(b, '-')
	return strconv.AppendUint(b, a.Seq, 10)
}

// Incr returns the next ID; ok is false when a is the largest ID (the
// result then wraps to 0-0).
func (a StreamID) Incr() (StreamID, bool) {
	if a.Seq == ^uint64(0) {
		if a.Ms == ^uint64(0) {
			return StreamID{}, false
		}
		return StreamID{a.Ms + 1, 0}, true
	}
	return StreamID{a.Ms, a.Seq + 1}, true
}

// Decr returns the previous ID; ok is false when a is 0-0 (the result then
// wraps to the largest ID).
func (a StreamID) Decr() (StreamID, bool) {
	if a.Seq == 0 {
		if a.Ms == 0 {
			return MaxStreamID, false
		}
		return StreamID{a.Ms - 1, ^uint64(0)}, true
	}
	return StreamID{a.Ms, a.Seq - 1}, true
}

// ParseStreamID parses an ID argument as Redis does. "-" and "+" are the
// smallest and largest IDs unless strict. A missing sequence takes
// missingSeq. When allowSeqStar, "ms-*" is accepted and seqGiven reports
// whether the sequence was explicit.
func ParseStreamID(b []byte, missingSeq uint64, strict, allowSeqStar bool) (id StreamID, seqGiven, ok bool) {
	if len(b) > 127 {
		return id, false, false
	}
	seqGiven = true
	if len(b) == 1 && (b[0] == '-' || b[0] == '+') {
		if strict {
			return id, false, false
		}
		if b[0] == '-' {
			return StreamID{}, true, true
		}
		return MaxStreamID, true, true
	}
	msPart, seqPart, hasDash := b, []byte(nil), false
	for i, c := range b {
		if c == '-' {
			msPart, seqPart, hasDash = b[:i], b[i+1:], true
			break
		}
	}
	ms, ok := parseULL(msPart)
	if !ok {
		return id, false, false
	}
	seq := missingSeq
	if hasDash {
		if allowSeqStar && len(seqPart) == 1 && seqPart[0] == '*' {
			seq, seqGiven = 0, false
		} else if seq, ok = parseULL(seqPart); !ok {
			return id, false, false
		}
	}
	return StreamID{ms, seq}, seqGiven, true
}

// parseULL is Redis's string2ull: a strict signed integer that is not
// negative, or else whatever strtoull accepts in full.
func parseULL(b []byte) (uint64, bool) {
	if v, ok := ParseInt(b); ok {
		return uint64(v), v >= 0
	}
	i := 0
	for i < len(b) && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r')) {
		i++
	}
	neg := false
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		neg = b[i] == '-'
		i++
	}
	if i == len(b) {
		return 0, false
	}
	var v uint64
	for ; i < len(b); i++ {
		c := b[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		d := uint64(c - '0')
		if v > (^uint64(0)-d)/10 {
			return 0, false
		}
		v = v*10 + d
	}
	if neg {
		v = -v
	}
	return v, true
}

// streamEntry is one entry inside a node; deleted entries stay in place
// (as listpack tombstones) until their node goes away.
type streamEntry struct {
	id      StreamID
	fields  [][]byte // field, value, field, value...
	deleted bool
}

// streamNode models one listpack: a master entry and the entries after it.
type streamNode struct {
	master       StreamID
	masterFields [][]byte
	masterBytes  int // encoded size of the master field names
	entries      []streamEntry
	live         int
	deleted      int
	bodyBytes    int // encoded size of all entries
}

// lpIntSize is the listpack size of an integer element, backlen included.
func lpIntSize(v int64) int {
	var n int
	switch {
	case v >= 0 && v <= 127:
		n = 1
	case v >= -4096 && v <= 4095:
		n = 2
	case v >= -32768 && v <= 32767:
		n = 3
	case v >= -8388608 && v <= 8388607:
		n = 4
	case v >= -2147483648 && v <= 2147483647:
		n = 5
	default:
		n = 9
	}
	return n + 1
}

// lpStrSize is the listpack size of a string element (strings that look
// like integers are stored as integers), backlen included.
func lpStrSize(b []byte) int {
	if v, ok := ParseInt(b); ok {
		return lpIntSize(v)
	}
	n := len(b)
	switch {
	case n <= 63:
		n++
	case n <= 4095:
		n += 2
	default:
		n += 5
	}
	return n + lpBacklenSize(n)
}

func lpBacklenSize(n int) int {
	switch {
	case n <= 127:
		return 1
	case n < 16383:
		return 2
	case n < 2097151:
		return 3
	case n < 268435455:
		return 4
	}
	return 5
}

// bytes is the node's listpack size.
func (n *streamNode) bytes() int {
	return 7 + lpIntSize(int64(n.live)) + lpIntSize(int64(n.deleted)) +
		lpIntSize(int64(len(n.masterFields))) + n.masterBytes + lpIntSize(0) + n.bodyBytes
}

// sameFields reports whether an entry's field names are the master's, so
// the listpack stores only its values.
func (n *streamNode) sameFields(fields [][]byte) bool {
	if len(fields)/2 != len(n.masterFields) {
		return false
	}
	for i, f := range n.masterFields {
		if string(fields[2*i]) != string(f) {
			return false
		}
	}
	return true
}

// entrySize is the listpack size of an entry in this node.
func (n *streamNode) entrySize(id StreamID, fields [][]byte) int {
	return n.entrySizeSame(id, fields, n.sameFields(fields))
}

func (n *streamNode) entrySizeSame(id StreamID, fields [][]byte, same bool) int {
	numFields := len(fields) / 2
	size := lpIntSize(int64(id.Ms - n.master.Ms))
	size += lpIntSize(int64(id.Seq - n.master.Seq))
	lpCount := int64(numFields + 3)
	size += lpIntSize(0) // flags: 0 or 2 (tombstoning keeps the size)
	if !same {
		size += lpIntSize(int64(numFields))
		lpCount += int64(numFields + 1)
	}
	for i := 0; i < numFields; i++ {
		if !same {
			size += lpStrSize(fields[2*i])
		}
		size += lpStrSize(fields[2*i+1])
	}
	return size + lpIntSize(lpCount)
}

// find returns the index of the first entry with id >= target.
func (n *streamNode) find(target StreamID) int {
	return sort.Search(len(n.entries), func(i int) bool { return !n.entries[i].id.Less(target) })
}

// Stream is a stream value.
type Stream struct {
	nodes  []*streamNode
	length int64
	// LastID is the last ID ever generated (XADD's top item).
	LastID StreamID
	// FirstID is the first live entry's ID (0-0 when empty).
	FirstID StreamID
	// MaxDeletedID is the largest ID ever deleted by XDEL.
	MaxDeletedID StreamID
	// EntriesAdded counts every entry ever added.
	EntriesAdded int64
	groups       map[string]*StreamGroup
}

// NewStream returns an empty stream.
func NewStream() *Stream { return &Stream{} }

// Kind implements Value.
func (*Stream) Kind() Kind { return KindStream }

// Encoding is what OBJECT ENCODING reports.
func (*Stream) Encoding() string { return "stream" }

// Len reports the number of live entries.
func (s *Stream) Len() int64 { return s.length }

// NextID computes the ID XADD assigns: given == nil means "*", seqGiven
// false with given means "ms-*". It fails with ErrStreamIDTooSmall as
// Redis does.
func (s *Stream) NextID(nowMs int64, given *StreamID, seqGiven bool) (StreamID, error) {
	var id StreamID
	switch {
	case given == nil:
		if uint64(nowMs) > s.LastID.Ms {
			id = StreamID{uint64(nowMs), 0}
		} else {
			id, _ = s.LastID.Incr()
		}
	case seqGiven:
		id = *given
	case s.LastID.Ms == given.Ms:
		if s.LastID.Seq == ^uint64(0) {
			return id, ErrStreamIDTooSmall
		}
		id = StreamID{given.Ms, s.LastID.Seq + 1}
	default:
		id = *given
	}
	if id.Compare(s.LastID) <= 0 {
		return id, ErrStreamIDTooSmall
	}
	return id, nil
}

// Append adds an entry with the given ID, which must be greater than
// LastID. fields alternate field and value and are kept.
func (s *Stream) Append(id StreamID, fields [][]byte) error {
	if id.Compare(s.LastID) <= 0 {
		return ErrStreamIDTooSmall
	}
	total := 0
	for _, f := range fields {
		total += len(f)
	}
	if total > streamListpackMaxSize {
		return ErrStreamEntryTooLarge
	}
	var n *streamNode
	if len(s.nodes) > 0 {
		n = s.nodes[len(s.nodes)-1]
		maxBytes := StreamNodeMaxBytes
		if maxBytes <= 0 || maxBytes > streamListpackMaxSize {
			maxBytes = streamListpackMaxSize
		}
		if n.bytes()+total >= maxBytes ||
			(StreamNodeMaxEntries > 0 && n.live+n.deleted >= StreamNodeMaxEntries) {
			n = nil
		}
	}
	numFields := len(fields) / 2
	same := false
	if n == nil {
		n = &streamNode{master: id}
		for i := 0; i < numFields; i++ {
			n.masterFields = append(n.masterFields, fields[2*i])
			n.masterBytes += lpStrSize(fields[2*i])
		}
		s.nodes = append(s.nodes, n)
		same = true
	} else {
		same = n.sameFields(fields)
	}
	n.bodyBytes += n.entrySizeSame(id, fields, same)
	n.entries = append(n.entries, streamEntry{id: id, fields: fields})
	n.live++
	s.length++
	s.EntriesAdded++
	s.LastID = id
	if s.length == 1 {
		s.FirstID = id
	}
	return nil
}

// nodeFor returns the index of the node that would hold id (the last node
// whose master is <= id), or -1.
func (s *Stream) nodeFor(id StreamID) int {
	i := sort.Search(len(s.nodes), func(i int) bool { return id.Less(s.nodes[i].master) })
	return i - 1
}

// Range calls fn for each live entry with start <= ID <= end, in ID
// order or reversed, until fn returns false. fn must not modify s.
func (s *Stream) Range(start, end StreamID, rev bool, fn func(id StreamID, fields [][]byte) bool) {
	if end.Less(start) || len(s.nodes) == 0 {
		return
	}
	if !rev {
		ni := s.nodeFor(start)
		if ni < 0 {
			ni = 0
		}
		for ; ni < len(s.nodes); ni++ {
			n := s.nodes[ni]
			if end.Less(n.master) {
				return
			}
			for ei := n.find(start); ei < len(n.entries); ei++ {
				e := &n.entries[ei]
				if end.Less(e.id) {
					return
				}
				if !e.deleted && !fn(e.id, e.fields) {
					return
				}
			}
		}
		return
	}
	ni := s.nodeFor(end)
	for ; ni >= 0; ni-- {
		n := s.nodes[ni]
		ei := n.find(end)
		if ei < len(n.entries) && n.entries[ei].id == end {
			ei++
		}
		for ei--; ei >= 0; ei-- {
			e := &n.entries[ei]
			if e.id.Less(start) {
				return
			}
			if !e.deleted && !fn(e.id, e.fields) {
				return
			}
		}
	}
}

// Get returns a live entry's fields.
func (s *Stream) Get(id StreamID) ([][]byte, bool) {
	var out [][]byte
	found := false
	s.Range(id, id, false, func(_ StreamID, f [][]byte) bool {
		out, found = f, true
		return false
	})
	return out, found
}

// Exists reports whether a live entry has this ID.
func (s *Stream) Exists(id StreamID) bool {
	_, ok := s.Get(id)
	return ok
}

// FirstValidID returns the first live entry's ID.
func (s *Stream) FirstValidID() (StreamID, bool) {
	var id StreamID
	ok := false
	s.Range(StreamID{}, MaxStreamID, false, func(i StreamID, _ [][]byte) bool {
		id, ok = i, true
		return false
	})
	return id, ok
}

// LastValidID returns the last live entry's ID.
func (s *Stream) LastValidID() (StreamID, bool) {
	var id StreamID
	ok := false
	s.Range(StreamID{}, MaxStreamID, true, func(i StreamID, _ [][]byte) bool {
		id, ok = i, true
		return false
	})
	return id, ok
}

// removeEntry tombstones entry ei of node ni, dropping the node when it
// was its last live entry.
func (s *Stream) removeEntry(ni, ei int) {
	n := s.nodes[ni]
	if n.live == 1 {
		s.nodes = append(s.nodes[:ni], s.nodes[ni+1:]...)
	} else {
		n.entries[ei].deleted = true
		n.live--
		n.deleted++
	}
	s.length--
}

// Delete removes one live entry with XDEL's bookkeeping (MaxDeletedID,
// FirstID) and reports whether it existed.
func (s *Stream) Delete(id StreamID) bool {
	ni := s.nodeFor(id)
	if ni < 0 {
		return false
	}
	n := s.nodes[ni]
	ei := n.find(id)
	if ei >= len(n.entries) || n.entries[ei].id != id || n.entries[ei].deleted {
		return false
	}
	s.removeEntry(ni, ei)
	first := id == s.FirstID
	if s.MaxDeletedID.Less(id) {
		s.MaxDeletedID = id
	}
	if s.length == 0 {
		s.FirstID = StreamID{}
	} else if first {
		s.FirstID, _ = s.FirstValidID()
	}
	return true
}

// Trim strategies.
const (
	TrimNone = iota
	TrimMaxLen
	TrimMinID
)

// TrimArgs describe an XTRIM, or the trimming part of an XADD.
type TrimArgs struct {
	Strategy int
	MaxLen   int64
	MinID    StreamID
	// Approx removes whole nodes only ("~").
	Approx bool
	// Limit caps the entries removed (0: no cap).
	Limit int64
}

// Trim removes entries from the head as XTRIM does and returns how many.
func (s *Stream) Trim(a TrimArgs) int64 {
	if a.Strategy == TrimNone {
		return 0
	}
	var removed int64
	for len(s.nodes) > 0 {
		if a.Strategy == TrimMaxLen && s.length <= a.MaxLen {
			break
		}
		n := s.nodes[0]
		live := int64(n.live)
		if a.Limit != 0 && removed+live > a.Limit {
			break
		}
		var whole bool
		if a.Strategy == TrimMaxLen {
			whole = s.length-live >= a.MaxLen
		} else {
			whole = n.entries[len(n.entries)-1].id.Less(a.MinID)
		}
		if whole {
			s.nodes = s.nodes[1:]
			s.length -= live
			removed += live
			continue
		}
		if a.Approx {
			break
		}
		for i := range n.entries {
			e := &n.entries[i]
			if a.Strategy == TrimMaxLen {
				if s.length <= a.MaxLen {
					break
				}
			} else if !e.id.Less(a.MinID) {
				break
			}
			if !e.deleted {
				e.deleted = true
				n.live--
				n.deleted++
				s.length--
				removed++
			}
		}
		break
	}
	if s.length == 0 {
		s.FirstID = StreamID{}
	} else if removed > 0 {
		s.FirstID, _ = s.FirstValidID()
	}
	return removed
}

// RadixKeys is the number of nodes (XINFO radix-tree-keys).
func (s *Stream) RadixKeys() int { return len(s.nodes) }

// RadixNodes is the node count of the radix tree that would index the
// nodes by their 16-byte big-endian master IDs (XINFO radix-tree-nodes).
func (s *Stream) RadixNodes() int {
	if len(s.nodes) == 0 {
		return 1
	}
	keys := make([][16]byte, len(s.nodes))
	for i, n := range s.nodes {
		for b := 0; b < 8; b++ {
			keys[i][b] = byte(n.master.Ms >> (56 - 8*b))
			keys[i][8+b] = byte(n.master.Seq >> (56 - 8*b))
		}
	}
	return radixCount(keys, 0)
}

// radixCount counts the nodes of a compressed trie over sorted keys that
// agree on their first depth bytes: a chain of single-child steps is one
// node, each branching point one node, each key end one node.
func radixCount(keys [][16]byte, depth int) int {
	if depth == 16 {
		return 1
	}
	first, last := keys[0], keys[len(keys)-1]
	l := depth
	for l < 16 && first[l] == last[l] {
		l++
	}
	if l == 16 {
		return 2
	}
	count := 1 // the branching node at l
	if l > depth {
		count++ // the compressed prefix leading to it
	}
	for i := 0; i < len(keys); {
		j := i
		for j < len(keys) && keys[j][l] == keys[i][l] {
			j++
		}
		count += radixCount(keys[i:j], l+1)
		i = j
	}
	return count
}

// RangeHasTombstones reports whether an XDEL may have left a hole in
// [start, end] (end nil means the top).
func (s *Stream) RangeHasTombstones(start StreamID, end *StreamID) bool {
	if s.length == 0 || s.MaxDeletedID.IsZero() {
		return false
	}
	if s.MaxDeletedID.Less(s.FirstID) {
		return false
	}
	e := MaxStreamID
	if end != nil {
		e = *end
	}
	return start.Compare(s.MaxDeletedID) <= 0 && s.MaxDeletedID.Compare(e) <= 0
}

// EstimateReadCount estimates how many entries were added up to and
// including id, or -1 when it cannot tell.
func (s *Stream) EstimateReadCount(id StreamID) int64 {
	if s.EntriesAdded == 0 {
		return 0
	}
	if s.length == 0 && id.Compare(s.LastID) < 1 {
		return s.EntriesAdded
	}
	cmpLast := id.Compare(s.LastID)
	if cmpLast == 0 {
		return s.EntriesAdded
	} else if cmpLast > 0 {
		return -1
	}
	cmpFirst := id.Compare(s.FirstID)
	if s.MaxDeletedID.IsZero() || s.MaxDeletedID.Less(s.FirstID) {
		if cmpFirst < 0 {
			return s.EntriesAdded - s.length
		} else if cmpFirst == 0 {
			return s.EntriesAdded - s.length + 1
		}
	}
	return -1
}

// Lag is the number of entries the group has yet to read; ok is false
// when it cannot be known.
func (s *Stream) Lag(g *StreamGroup) (int64, bool) {
	if s.EntriesAdded == 0 {
		return 0, true
	}
	if g.EntriesRead != -1 && !s.RangeHasTombstones(g.LastID, nil) {
		return s.EntriesAdded - g.EntriesRead, true
	}
	if read := s.EstimateReadCount(g.LastID); read != -1 {
		return s.EntriesAdded - read, true
	}
	return 0, false
}

// Delivered advances g past id (an entry newer than its last delivered
// one) and keeps its entries-read counter.
func (s *Stream) Delivered(g *StreamGroup, id StreamID) {
	if id.Compare(g.LastID) <= 0 {
		return
	}
	if g.EntriesRead != -1 && !s.RangeHasTombstones(id, nil) {
		g.EntriesRead++
	} else if s.EntriesAdded != 0 {
		g.EntriesRead = s.EstimateReadCount(id)
	}
	g.LastID = id
}

// PendingEntry is one delivered, unacknowledged entry (a NACK), shared by
// the group PEL and its consumer's PEL.
type PendingEntry struct {
	ID            StreamID
	DeliveryTime  int64 // Unix ms
	DeliveryCount int64
	Consumer      *StreamConsumer // nil only transiently (XCLAIM FORCE)
}

func pelLess(a, b interface{}) bool { return a.(*PendingEntry).ID.Less(b.(*PendingEntry).ID) }

func newPEL() *btree.BTree { return btree.NewNonConcurrent(pelLess) }

// StreamConsumer is one consumer of a group.
type StreamConsumer struct {
	Name string
	// SeenTime is the last time the consumer tried anything (Unix ms);
	// ActiveTime the last successful read or claim, -1 for never.
	SeenTime, ActiveTime int64
	pel                  *btree.BTree
}

// PendingLen reports how many entries the consumer holds.
func (c *StreamConsumer) PendingLen() int { return c.pel.Len() }

// RangePending visits the consumer's PEL from start upwards until fn
// returns false.
func (c *StreamConsumer) RangePending(start StreamID, fn func(p *PendingEntry) bool) {
	c.pel.Ascend(&PendingEntry{ID: start}, func(it interface{}) bool { return fn(it.(*PendingEntry)) })
}

// StreamGroup is a consumer group.
type StreamGroup struct {
	Name   string
	LastID StreamID
	// EntriesRead is the logical read counter, -1 when unknown.
	EntriesRead int64
	pel         *btree.BTree
	consumers   map[string]*StreamConsumer
}

// Group returns the named group or nil.
func (s *Stream) Group(name string) *StreamGroup { return s.groups[name] }

// CreateGroup adds a group; false when the name is taken.
func (s *Stream) CreateGroup(name string, last StreamID, entriesRead int64) (*StreamGroup, bool) {
	if _, ok := s.groups[name]; ok {
		return nil, false
	}
	if s.groups == nil {
		s.groups = map[string]*StreamGroup{}
	}
	g := &StreamGroup{Name: name, LastID: last, EntriesRead: entriesRead, pel: newPEL(), consumers: map[string]*StreamConsumer{}}
	s.groups[name] = g
	return g, true
}

// DestroyGroup removes a group and reports whether it existed.
func (s *Stream) DestroyGroup(name string) bool {
	if _, ok := s.groups[name]; !ok {
		return false
	}
	delete(s.groups, name)
	return true
}

// Groups returns the groups in name order.
func (s *Stream) Groups() []*StreamGroup {
	out := make([]*StreamGroup, 0, len(s.groups))
	for _, g := range s.groups {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// GroupCount reports the number of groups.
func (s *Stream) GroupCount() int { return len(s.groups) }

// Consumer returns the named consumer or nil.
func (g *StreamGroup) Consumer(name string) *StreamConsumer { return g.consumers[name] }

// CreateConsumer adds a consumer; false when it exists.
func (g *StreamGroup) CreateConsumer(name string, nowMs int64) (*StreamConsumer, bool) {
	if _, ok := g.consumers[name]; ok {
		return nil, false
	}
	c := &StreamConsumer{Name: name, SeenTime: nowMs, ActiveTime: -1, pel: newPEL()}
	g.consumers[name] = c
	return c, true
}

// DeleteConsumer removes a consumer and its pending entries and returns
// how many entries it held.
func (g *StreamGroup) DeleteConsumer(c *StreamConsumer) int {
	n := c.pel.Len()
	c.pel.Ascend(nil, func(it interface{}) bool {
		g.pel.Delete(it)
		return true
	})
	delete(g.consumers, c.Name)
	return n
}

// Consumers returns the consumers in name order.
func (g *StreamGroup) Consumers() []*StreamConsumer {
	out := make([]*StreamConsumer, 0, len(g.consumers))
	for _, c := range g.consumers {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ConsumerCount reports the number of consumers.
func (g *StreamGroup) ConsumerCount() int { return len(g.consumers) }

// PendingLen reports the size of the group PEL.
func (g *StreamGroup) PendingLen() int { return g.pel.Len() }

// Pending returns the PEL entry for id or nil.
func (g *StreamGroup) Pending(id StreamID) *PendingEntry {
	if it := g.pel.Get(&PendingEntry{ID: id}); it != nil {
		return it.(*PendingEntry)
	}
	return nil
}

// PendingBounds returns the smallest and largest pending IDs.
func (g *StreamGroup) PendingBounds() (min, max StreamID, ok bool) {
	if g.pel.Len() == 0 {
		return min, max, false
	}
	return g.pel.Min().(*PendingEntry).ID, g.pel.Max().(*PendingEntry).ID, true
}

// RangePending visits the group PEL from start upwards until fn returns
// false. fn may Ack or Claim the entry it is given.
func (g *StreamGroup) RangePending(start StreamID, fn func(p *PendingEntry) bool) {
	for {
		var cur *PendingEntry
		g.pel.Ascend(&PendingEntry{ID: start}, func(it interface{}) bool {
			cur = it.(*PendingEntry)
			return false
		})
		if cur == nil || !fn(cur) {
			return
		}
		next, ok := cur.ID.Incr()
		if !ok {
			return
		}
		start = next
	}
}

// Deliver records that id was delivered to c (XREADGROUP without NOACK):
// a new PEL entry, or an existing one moved to c with its count reset.
func (g *StreamGroup) Deliver(id StreamID, c *StreamConsumer, nowMs int64) *PendingEntry {
	if p := g.Pending(id); p != nil {
		if p.Consumer != nil {
			p.Consumer.pel.Delete(p)
		}
		p.Consumer = c
		p.DeliveryTime = nowMs
		p.DeliveryCount = 1
		c.pel.Set(p)
		return p
	}
	p := &PendingEntry{ID: id, DeliveryTime: nowMs, DeliveryCount: 1, Consumer: c}
	g.pel.Set(p)
	c.pel.Set(p)
	return p
}

// AddPending inserts an ownerless PEL entry (XCLAIM FORCE); Claim then
// gives it an owner.
func (g *StreamGroup) AddPending(id StreamID, nowMs int64) *PendingEntry {
	p := &PendingEntry{ID: id, DeliveryTime: nowMs, DeliveryCount: 1}
	g.pel.Set(p)
	return p
}

// Claim moves p to consumer c.
func (g *StreamGroup) Claim(p *PendingEntry, c *StreamConsumer) {
	if p.Consumer == c {
		return
	}
	if p.Consumer != nil {
		p.Consumer.pel.Delete(p)
	}
	p.Consumer = c
	c.pel.Set(p)
}

// Ack removes id from the PEL and reports whether it was pending.
func (g *StreamGroup) Ack(id StreamID) bool {
	p := g.Pending(id)
	if p == nil {
		return false
	}
	g.pel.Delete(p)
	if p.Consumer != nil {
		p.Consumer.pel.Delete(p)
	}
	return true
}

// StreamNode is one node as RDB stores it: the master entry's ID and
// fields, and every entry after it, tombstones included.
type StreamNode struct {
	Master       StreamID
	MasterFields [][]byte
	Entries      []StreamNodeEntry
}

// StreamNodeEntry is one entry of a node.
type StreamNodeEntry struct {
	ID      StreamID
	Fields  [][]byte // field, value, field, value...
	Deleted bool
}

// Nodes returns the nodes in order. The byte slices alias the stream and
// must not be modified.
func (s *Stream) Nodes() []StreamNode {
	out := make([]StreamNode, len(s.nodes))
	for i, n := range s.nodes {
		sn := StreamNode{Master: n.master, MasterFields: n.masterFields, Entries: make([]StreamNodeEntry, len(n.entries))}
		for j, e := range n.entries {
			sn.Entries[j] = StreamNodeEntry{ID: e.id, Fields: e.fields, Deleted: e.deleted}
		}
		out[i] = sn
	}
	return out
}

// ErrStreamNodeOrder: AppendNode got entries out of order or empty.
var ErrStreamNodeOrder = errors.New("stream node entries out of order")

// AppendNode adds a whole node after the existing ones (RDB loading). Its
// entries must be in ID order, after every entry already present, and at
// least one must be live. Len follows; the stream's IDs and counters are
// the caller's to set.
func (s *Stream) AppendNode(sn StreamNode) error {
	if len(sn.Entries) == 0 {
		return ErrStreamNodeOrder
	}
	prev := StreamID{}
	havePrev := false
	if len(s.nodes) > 0 {
		last := s.nodes[len(s.nodes)-1]
		prev, havePrev = last.entries[len(last.entries)-1].id, true
	}
	n := &streamNode{master: sn.Master, masterFields: sn.MasterFields}
	for _, f := range sn.MasterFields {
		n.masterBytes += lpStrSize(f)
	}
	for _, e := range sn.Entries {
		if havePrev && e.ID.Compare(prev) <= 0 {
			return ErrStreamNodeOrder
		}
		prev, havePrev = e.ID, true
		n.bodyBytes += n.entrySize(e.ID, e.Fields)
		n.entries = append(n.entries, streamEntry{id: e.ID, fields: e.Fields, deleted: e.Deleted})
		if e.Deleted {
			n.deleted++
		} else {
			n.live++
		}
	}
	if n.live == 0 {
		return ErrStreamNodeOrder
	}
	s.nodes = append(s.nodes, n)
	s.length += int64(n.live)
	return nil
}
