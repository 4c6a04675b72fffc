package keyspace

import (
	"bytes"
	"math/rand/v2"
	"unsafe"

	"modhost/internal/dict"
)

// Sorted set encoding thresholds (zset-max-listpack-entries and
// zset-max-listpack-value); the config layer sets them.
var (
	ZSetMaxListpackEntries = 128
	ZSetMaxListpackValue   = 64
)

const (
	zsMaxLevel = 32
	zsP        = 0.25
)

type zsLevel struct {
	forward *zsNode
	// span counts the level-0 steps the forward link jumps, which is what
	// makes rank lookups O(log n).
	span int
}

// A zsNode's levels follow it in the same allocation (newZsNode picks a
// struct type with an array of the right height), so one search step
// touches one object; a height-1 node is 64 bytes, one cache line.
type zsNode struct {
	score    float64
	member   string
	backward *zsNode
	nlevel   int
}

// Node types by height; heights above 8 occur for 1 node in 65536.
type (
	zsNode1 struct {
		zsNode
		l [1]zsLevel
	}
	zsNode2 struct {
		zsNode
		l [2]zsLevel
	}
	zsNode3 struct {
		zsNode
		l [3]zsLevel
	}
	zsNode4 struct {
		zsNode
		l [4]zsLevel
	}
	zsNode8 struct {
		zsNode
		l [8]zsLevel
	}
	zsNodeMax struct {
		zsNode
		l [zsMaxLevel]zsLevel
	}
)

func newZsNode(lvl int) *zsNode {
	var n *zsNode
	switch {
	case lvl == 1:
		n = &(&zsNode1{}).zsNode
	case lvl == 2:
		n = &(&zsNode2{}).zsNode
	case lvl == 3:
		n = &(&zsNode3{}).zsNode
	case lvl == 4:
		n = &(&zsNode4{}).zsNode
	case lvl <= 8:
		n = &(&zsNode8{}).zsNode
	default:
		n = &(&zsNodeMax{}).zsNode
	}
	n.nlevel = lvl
	return n
}

const (
	zsNodeSize  = unsafe.Sizeof(zsNode{})
	zsLevelSize = unsafe.Sizeof(zsLevel{})
)

// lv returns level i of n (i < n.nlevel): the array that follows the
// zsNode header in every zsNode* type above.
func (n *zsNode) lv(i int) *zsLevel {
	return (*zsLevel)(unsafe.Add(unsafe.Pointer(n), zsNodeSize+uintptr(i)*zsLevelSize))
}

// while small, "skiplist" after either threshold is passed.
type ZSet struct {
	header   *zsNode
	tail     *zsNode
	length   int
	level    int
	dict     *dict.Dict[*zsNode]
	listpack bool
}

// NewZSet returns an empty listpack-encoded sorted set.
func NewZSet() *ZSet {
	return &ZSet{
		header:   newZsNode(zsMaxLevel),
		level:    1,
		dict:     dict.New[*zsNode](),
		listpack: true,
	}
}

// NewZSetFor returns an empty sorted set in the encoding Redis picks for
// sizeHint members whose length is about valLen (zsetTypeCreate).
func NewZSetFor(sizeHint, valLen int) *ZSet {
	z := NewZSet()
	z.listpack = sizeHint <= ZSetMaxListpackEntries && valLen <= ZSetMaxListpackValue
	return z
}

// Kind implements Value.
func (*ZSet) Kind() Kind { return KindZSet }

// Encoding is what OBJECT ENCODING reports: listpack or skiplist.
func (z *ZSet) Encoding() string {
	if z.listpack {
		return "listpack"
	}
	return "skiplist"
}

// Len reports the number of members.
func (z *ZSet) Len() int { return z.length }

// MaybeConvert switches to skiplist when sizeHint members are about to be
// added to a listpack that could not hold them.
func (z *ZSet) MaybeConvert(sizeHint int) {
	if z.listpack && sizeHint > ZSetMaxListpackEntries {
		z.listpack = false
	}
}

// ConvertToListpackIfFits switches back to listpack when the set is small
// and its longest member is maxLen bytes or less (stores of ZUNIONSTORE
// and friends).
func (z *ZSet) ConvertToListpackIfFits(maxLen int) {
	if !z.listpack && z.length <= ZSetMaxListpackEntries && maxLen <= ZSetMaxListpackValue {
		z.listpack = true
	}
}

func zsLess(s1 float64, m1 string, s2 float64, m2 string) bool {
	return s1 < s2 || (s1 == s2 && m1 < m2)
}

func randomLevel() int {
	l := 1
	for l < zsMaxLevel && rand.Float64() < zsP {
		l++
	}
	return l
}

func (z *ZSet) insert(score float64, member string) *zsNode {
	n := newZsNode(randomLevel())
	n.score, n.member = score, member
	z.insertNode(n)
	return n
}

// insertNode links n (score and member set, height chosen, links
// cleared) into the skiplist.
func (z *ZSet) insertNode(n *zsNode) {
	score, member := n.score, n.member
	var update [zsMaxLevel]*zsNode
	var rank [zsMaxLevel]int
	x := z.header
	for i := z.level - 1; i >= 0; i-- {
		if i < z.level-1 {
			rank[i] = rank[i+1]
		}
		for x.lv(i).forward != nil && zsLess(x.lv(i).forward.score, x.lv(i).forward.member, score, member) {
			rank[i] += x.lv(i).span
			x = x.lv(i).forward
		}
		update[i] = x
	}
	lvl := n.nlevel
	if lvl > z.level {
		for i := z.level; i < lvl; i++ {
			rank[i] = 0
			update[i] = z.header
			update[i].lv(i).span = z.length
		}
		z.level = lvl
	}
	for i := 0; i < lvl; i++ {
		n.lv(i).forward = update[i].lv(i).forward
		update[i].lv(i).forward = n
		n.lv(i).span = update[i].lv(i).span - (rank[0] - rank[i])
		update[i].lv(i).span = rank[0] - rank[i] + 1
	}
	for i := lvl; i < z.level; i++ {
		update[i].lv(i).span++
	}
	if update[0] != z.header {
		n.backward = update[0]
	}
	if n.lv(0).forward != nil {
		n.lv(0).forward.backward = n
	} else {
		z.tail = n
	}
	z.length++
}

func (z *ZSet) unlink(x *zsNode, update *[zsMaxLevel]*zsNode) {
	for i := 0; i < z.level; i++ {
		if update[i].lv(i).forward == x {
			update[i].lv(i).span += x.lv(i).span - 1
			update[i].lv(i).forward = x.lv(i).forward
		} else {
			update[i].lv(i).span--
		}
	}
	if x.lv(0).forward != nil {
		x.lv(0).forward.backward = x.backward
	} else {
		z.tail = x.backward
	}
	for z.level > 1 && z.header.lv(z.level-1).forward == nil {
		z.level--
	}
	z.length--
}

// remove deletes the node with this score and member from the skiplist.
func (z *ZSet) remove(score float64, member string) bool {
	return z.removeNode(score, member) != nil
}

// removeNode unlinks the node with this score and member and returns it.
func (z *ZSet) removeNode(score float64, member string) *zsNode {
	var update [zsMaxLevel]*zsNode
	x := z.header
	for i := z.level - 1; i >= 0; i-- {
		for x.lv(i).forward != nil && zsLess(x.lv(i).forward.score, x.lv(i).forward.member, score, member) {
			x = x.lv(i).forward
		}
		update[i] = x
	}
	x = x.lv(0).forward
	if x != nil && x.score == score && x.member == member {
		z.unlink(x, &update)
		return x
	}
	return nil
}

// Score returns member's score.
func (z *ZSet) Score(member []byte) (float64, bool) {
	n, ok := z.dict.Get(bstr(member))
	if !ok {
		return 0, false
	}
	return n.score, true
}

// Set adds member with score, or moves it to score; it reports whether the
// member is new. Adding may switch a listpack to skiplist (more members
// than the entries threshold, or a member longer than the value one).
func (z *ZSet) Set(member []byte, score float64) bool {
	// The skiplist node shares the member string the dict stores.
	m, p, added := z.dict.Upsert(bstr(member))
	if !added {
		if n := *p; n.score != score {
			z.update(n, score)
		}
		return false
	}
	if z.listpack && (z.length+1 > ZSetMaxListpackEntries || len(member) > ZSetMaxListpackValue) {
		z.listpack = false
	}
	*p = z.insert(score, m)
	return true
}

// update moves n to score. As Redis's zslUpdateScore, a node whose
// neighbours still bracket the new score keeps its place; otherwise the
// same node is unlinked and linked in again (no allocation, and the dict
// keeps pointing at it).
func (z *ZSet) update(n *zsNode, score float64) {
	next := n.lv(0).forward
	if (n.backward == nil || zsLess(n.backward.score, n.backward.member, score, n.member)) &&
		(next == nil || zsLess(score, n.member, next.score, next.member)) {
		n.score = score
		return
	}
	// (score, member) is unique, so this unlinks n itself.
	z.removeNode(n.score, n.member)
	for i := 0; i < n.nlevel; i++ {
		*n.lv(i) = zsLevel{}
	}
	n.backward = nil
	n.score = score
	z.insertNode(n)
}

// Delete removes member and reports whether it was present.
func (z *ZSet) Delete(member []byte) bool {
	n, ok := z.dict.Delete(bstr(member))
	if !ok {
		return false
	}
	z.remove(n.score, n.member)
	return true
}

// Rank returns member's 0-based rank, counted from the highest score when
// reverse, and its score.
func (z *ZSet) Rank(member []byte, reverse bool) (int, float64, bool) {
	n, ok := z.dict.Get(bstr(member))
	if !ok {
		return 0, 0, false
	}
	rank := 0
	x := z.header
	for i := z.level - 1; i >= 0; i-- {
		for x.lv(i).forward != nil && !zsLess(n.score, n.member, x.lv(i).forward.score, x.lv(i).forward.member) {
			rank += x.lv(i).span
			x = x.lv(i).forward
		}
		if x == n {
			break
		}
	}
	if reverse {
		return z.length - rank, n.score, true
	}
	return rank - 1, n.score, true
}

// byRank returns the node at 1-based rank r.
func (z *ZSet) byRank(r int) *zsNode {
	if r < 1 || r > z.length {
		return nil
	}
	traversed := 0
	x := z.header
	for i := z.level - 1; i >= 0; i-- {
		for x.lv(i).forward != nil && traversed+x.lv(i).span <= r {
			traversed += x.lv(i).span
			x = x.lv(i).forward
		}
		if traversed == r {
			return x
		}
	}
	return nil
}

// ByRank returns the member and score at 0-based rank i.
func (z *ZSet) ByRank(i int) ([]byte, float64, bool) {
	n := z.byRank(i + 1)
	if n == nil {
		return nil, 0, false
	}
	return []byte(n.member), n.score, true
}

// RangeByRank calls fn for ranks start..stop (0-based, inclusive, already
// clamped), walking from the lowest score, or from the highest when
// reverse (ranks then count from the top), until fn returns false.
func (z *ZSet) RangeByRank(start, stop int, reverse bool, fn func(member []byte, score float64) bool) {
	if start > stop || start >= z.length {
		return
	}
	var n *zsNode
	if reverse {
		n = z.byRank(z.length - start)
	} else {
		n = z.byRank(start + 1)
	}
	for i := start; i <= stop && n != nil; i++ {
		if !fn([]byte(n.member), n.score) {
			return
		}
		if reverse {
			n = n.backward
		} else {
			n = n.lv(0).forward
		}
	}
}

// Range calls fn for every member in order until fn returns false.
func (z *ZSet) Range(fn func(member []byte, score float64) bool) {
	for n := z.header.lv(0).forward; n != nil; n = n.lv(0).forward {
		if !fn([]byte(n.member), n.score) {
			return
		}
	}
}

// ScoreRange is a score interval; MinEx/MaxEx make an end exclusive.
type ScoreRange struct {
	Min, Max     float64
	MinEx, MaxEx bool
}

func (r *ScoreRange) geMin(s float64) bool {
	if r.MinEx {
		return s > r.Min
	}
	return s >= r.Min
}

func (r *ScoreRange) leMax(s float64) bool {
	if r.MaxEx {
		return s < r.Max
	}
	return s <= r.Max
}

func (r *ScoreRange) empty() bool {
	return r.Min > r.Max || (r.Min == r.Max && (r.MinEx || r.MaxEx))
}

// LexBound is one end of a lex range: Inf -1 is "-", +1 is "+", 0 means
// Value, exclusive when Excl.
type LexBound struct {
	Value []byte
	Inf   int
	Excl  bool
}

// LexRange is a member interval for the BYLEX commands.
type LexRange struct{ Min, Max LexBound }

func lexCmp(v string, b *LexBound) int {
	switch b.Inf {
	case -1:
		return 1
	case 1:
		return -1
	}
	return bytes.Compare([]byte(v), b.Value)
}

func (r *LexRange) geMin(v string) bool {
	c := lexCmp(v, &r.Min)
	if r.Min.Excl {
		return c > 0
	}
	return c >= 0
}

func (r *LexRange) leMax(v string) bool {
	c := lexCmp(v, &r.Max)
	if r.Max.Excl {
		return c < 0
	}
	return c <= 0
}

func (r *LexRange) empty() bool {
	a, b := &r.Min, &r.Max
	var c int
	switch {
	case a.Inf == b.Inf && a.Inf != 0:
		c = 0
	case a.Inf == 1 || b.Inf == -1:
		c = 1
	case a.Inf == -1 || b.Inf == 1:
		c = -1
	default:
		c = bytes.Compare(a.Value, b.Value)
	}
	return c > 0 || (c == 0 && (a.Excl || b.Excl))
}

// firstWhere returns the first node for which ge holds, given that ge is
// monotone along the list.
func (z *ZSet) firstWhere(ge func(n *zsNode) bool) *zsNode {
	x := z.header
	for i := z.level - 1; i >= 0; i-- {
		for x.lv(i).forward != nil && !ge(x.lv(i).forward) {
			x = x.lv(i).forward
		}
	}
	return x.lv(0).forward
}

// lastWhere returns the last node for which le holds, given that le is
// true for a prefix of the list.
func (z *ZSet) lastWhere(le func(n *zsNode) bool) *zsNode {
	x := z.header
	for i := z.level - 1; i >= 0; i-- {
		for x.lv(i).forward != nil && le(x.lv(i).forward) {
			x = x.lv(i).forward
		}
	}
	if x == z.header {
		return nil
	}
	return x
}

func (z *ZSet) scoreBounds(r ScoreRange) (first, last *zsNode) {
	if r.empty() || z.length == 0 {
		return nil, nil
	}
	first = z.firstWhere(func(n *zsNode) bool { return r.geMin(n.score) })
	if first == nil || !r.leMax(first.score) {
		return nil, nil
	}
	last = z.lastWhere(func(n *zsNode) bool { return r.leMax(n.score) })
	return first, last
}

func (z *ZSet) lexBounds(r LexRange) (first, last *zsNode) {
	if r.empty() || z.length == 0 {
		return nil, nil
	}
	// Like Redis, give up unless the tail is >= min and the head <= max:
	// lex ranges assume equal scores, and with mixed scores these checks
	// (and the listpack's linear scans below) decide what is found.
	head := z.header.lv(0).forward
	if !r.geMin(z.tail.member) || !r.leMax(head.member) {
		return nil, nil
	}
	if z.listpack {
		for n := head; n != nil; n = n.lv(0).forward {
			if r.geMin(n.member) {
				first = n
				break
			}
		}
		for n := z.tail; n != nil; n = n.backward {
			if r.leMax(n.member) {
				last = n
				break
			}
		}
	} else {
		first = z.firstWhere(func(n *zsNode) bool { return r.geMin(n.member) })
		last = z.lastWhere(func(n *zsNode) bool { return r.leMax(n.member) })
	}
	if first == nil || !r.leMax(first.member) {
		first = nil
	}
	if last == nil || !r.geMin(last.member) {
		last = nil
	}
	return first, last
}

// walkWhile calls fn from start onwards (backwards when reverse), first
// skipping offset nodes unchecked, then while in(node) holds, for at most
// limit nodes (limit < 0: no limit) or until fn returns false, as Redis's
// range replies do.
func walkWhile(start *zsNode, reverse bool, offset, limit int64, in func(n *zsNode) bool, fn func(member []byte, score float64) bool) {
	n := start
	next := func(x *zsNode) *zsNode {
		if reverse {
			return x.backward
		}
		return x.lv(0).forward
	}
	for ; n != nil && offset > 0; offset-- {
		n = next(n)
	}
	for ; n != nil && limit != 0; limit-- {
		if !in(n) || !fn([]byte(n.member), n.score) {
			return
		}
		n = next(n)
	}
}

// walk calls fn from first to last (or last back to first when reverse),
// skipping offset nodes first and stopping after limit calls (limit < 0:
// no limit) or when fn returns false.
func walk(first, last *zsNode, reverse bool, offset, limit int64, fn func(member []byte, score float64) bool) {
	if first == nil {
		return
	}
	n, end := first, last
	if reverse {
		n, end = last, first
	}
	next := func(x *zsNode) *zsNode {
		if x == end {
			return nil
		}
		if reverse {
			return x.backward
		}
		return x.lv(0).forward
	}
	for ; n != nil && offset > 0; offset-- {
		n = next(n)
	}
	for ; n != nil && limit != 0; limit-- {
		if !fn([]byte(n.member), n.score) {
			return
		}
		n = next(n)
	}
}

// RangeByScore calls fn for members with scores in r, in order (reverse:
// from the highest), after skipping offset of them and for at most limit
// (limit < 0: all).
func (z *ZSet) RangeByScore(r ScoreRange, reverse bool, offset, limit int64, fn func(member []byte, score float64) bool) {
	first, last := z.scoreBounds(r)
	walk(first, last, reverse, offset, limit, fn)
}

// RangeByLex is RangeByScore for a member interval (meaningful when all
// scores are equal, as with Redis).
func (z *ZSet) RangeByLex(r LexRange, reverse bool, offset, limit int64, fn func(member []byte, score float64) bool) {
	first, last := z.lexBounds(r)
	if reverse {
		walkWhile(last, true, offset, limit, func(n *zsNode) bool { return r.geMin(n.member) }, fn)
		return
	}
	walkWhile(first, false, offset, limit, func(n *zsNode) bool { return r.leMax(n.member) }, fn)
}

func (z *ZSet) rankOf(n *zsNode) int {
	r, _, _ := z.Rank([]byte(n.member), false)
	return r
}

// CountByScore reports how many members have scores in r, in O(log n).
func (z *ZSet) CountByScore(r ScoreRange) int {
	first, last := z.scoreBounds(r)
	if first == nil {
		return 0
	}
	return z.rankOf(last) - z.rankOf(first) + 1
}

// CountByLex reports how many members fall in r, in O(log n).
func (z *ZSet) CountByLex(r LexRange) int {
	first, last := z.lexBounds(r)
	if first == nil {
		return 0
	}
	if z.listpack {
		n := 0
		walkWhile(first, false, 0, -1, func(x *zsNode) bool { return r.leMax(x.member) },
			func([]byte, float64) bool { n++; return true })
		return n
	}
	count := z.length - z.rankOf(first)
	if last != nil {
		count -= z.length - 1 - z.rankOf(last)
	}
	return count
}

func (z *ZSet) deleteSpan(first, last *zsNode) int {
	if first == nil {
		return 0
	}
	var victims []*zsNode
	for n := first; n != nil; n = n.lv(0).forward {
		victims = append(victims, n)
		if n == last {
			break
		}
	}
	for _, n := range victims {
		z.dict.Delete(n.member)
		z.remove(n.score, n.member)
	}
	return len(victims)
}

// DeleteRangeByScore removes the members with scores in r.
func (z *ZSet) DeleteRangeByScore(r ScoreRange) int { return z.deleteSpan(z.scoreBounds(r)) }

// DeleteRangeByLex removes the members in r: from the first one found,
// while members stay below the maximum, as Redis does.
func (z *ZSet) DeleteRangeByLex(r LexRange) int {
	first, _ := z.lexBounds(r)
	var victims []*zsNode
	walkWhile(first, false, 0, -1, func(n *zsNode) bool { return r.leMax(n.member) },
		func(m []byte, _ float64) bool {
			n, _ := z.dict.Get(bstr(m))
			victims = append(victims, n)
			return true
		})
	for _, n := range victims {
		z.dict.Delete(n.member)
		z.remove(n.score, n.member)
	}
	return len(victims)
}

// DeleteRangeByRank removes ranks start..stop (0-based, clamped).
func (z *ZSet) DeleteRangeByRank(start, stop int) int {
	if start > stop || start >= z.length {
		return 0
	}
	return z.deleteSpan(z.byRank(start+1), z.byRank(stop+1))
}

// Scan runs one ZSCAN step: listpack sets visit everything and return 0,
// skiplist sets walk their dict (see dict.Scan).
func (z *ZSet) Scan(cursor uint64, fn func(member []byte, score float64)) uint64 {
	if z.listpack {
		z.Range(func(m []byte, s float64) bool { fn(m, s); return true })
		return 0
	}
	return z.dict.Scan(cursor, func(k string, n *zsNode) { fn([]byte(k), n.score) })
}

// Random returns a random member and its score.
func (z *ZSet) Random() ([]byte, float64, bool) {
	if z.length == 0 {
		return nil, 0, false
	}
	// A random rank is uniform, unlike a random dict bucket.
	m, s, _ := z.ByRank(rand.IntN(z.length))
	return m, s, true
}

// checkInvariants verifies ordering, spans, backward links and the dict;
// tests call it.
func (z *ZSet) checkInvariants() string {
	count := 0
	var prev *zsNode
	for n := z.header.lv(0).forward; n != nil; n = n.lv(0).forward {
		count++
		if n.backward != prev {
			return "bad backward link"
		}
		if prev != nil && !zsLess(prev.score, prev.member, n.score, n.member) {
			return "out of order"
		}
		if d, ok := z.dict.Get(n.member); !ok || d != n {
			return "dict mismatch"
		}
		prev = n
	}
	if prev != z.tail {
		return "bad tail"
	}
	if count != z.length || z.dict.Len() != z.length {
		return "bad length"
	}
	for i := 0; i < z.level; i++ {
		pos := 0
		for x := z.header; x != nil; x = x.lv(i).forward {
			next := x.lv(i).forward
			if next == nil {
				break
			}
			steps := 0
			for y := x; y != next; y = y.lv(0).forward {
				steps++
			}
			if x == z.header {
				steps = 0
				for y := z.header.lv(0).forward; ; y = y.lv(0).forward {
					steps++
					if y == next {
						break
					}
				}
			}
			if x.lv(i).span != steps {
				return "bad span"
			}
			pos += steps
		}
	}
	return ""
}

// Dup returns an independent copy with the same encoding (COPY).
func (z *ZSet) Dup() Value {
	d := NewZSet()
	d.listpack = z.listpack
	z.Range(func(m []byte, s float64) bool {
		k, p, _ := d.dict.Upsert(bstr(m))
		*p = d.insert(s, k)
		return true
	})
	return d
}

// ParseLexRange parses ZRANGEBYLEX bounds ("-", "+", "[x", "(x") as Redis's
// zslParseLexRange does; ok is false when either bound is malformed.
func ParseLexRange(min, max []byte) (LexRange, bool) {
	a, ok1 := parseLexBound(min)
	b, ok2 := parseLexBound(max)
	return LexRange{Min: a, Max: b}, ok1 && ok2
}

func parseLexBound(b []byte) (LexBound, bool) {
	if len(b) == 0 {
		return LexBound{}, false
	}
	switch b[0] {
	case '+':
		return LexBound{Inf: 1}, len(b) == 1
	case '-':
		return LexBound{Inf: -1}, len(b) == 1
	case '(':
		return LexBound{Value: b[1:], Excl: true}, true
	case '[':
		return LexBound{Value: b[1:]}, true
	}
	return LexBound{}, false
}
