package keyspace

// ListMaxListpackSize is list-max-listpack-size: a positive value caps the
// entries of a listpack, a negative one (-1..-5) caps its bytes at
// 4kb..64kb. The config layer sets it.
var ListMaxListpackSize = -2

// listSizeLimits maps list-max-listpack-size -1..-5 to byte limits.
var listSizeLimits = [...]int{4096, 8192, 16384, 32768, 65536}

// listSafetyLimit is the byte size a count-limited listpack may not pass.
const listSafetyLimit = 8192

// listLimits returns the byte and count limits of one listpack node.
func listLimits() (size, count int) {
	f := ListMaxListpackSize
	if f >= 0 {
		if f == 0 {
			f = 1
		}
		return -1, f
	}
	i := -f - 1
	if i >= len(listSizeLimits) {
		i = len(listSizeLimits) - 1
	}
	return listSizeLimits[i], -1
}

// listExceeds reports whether a listpack of sz bytes and n entries would
// break the configured limit.
func listExceeds(sz, n int) bool {
	lim, cnt := listLimits()
	if lim >= 0 {
		return sz > lim
	}
	if sz > listSafetyLimit {
		return true
	}
	return n > cnt
}

// List is a list value: a ring-buffer deque, so both ends push and pop in
// O(1). Encoding follows Redis 7.2: "listpack" while the elements fit one
// listpack node, "quicklist" after that, back to listpack once the list is
// a single node of at most half the limit. The quicklist's node layout is
// modelled (sizes and counts only) because that conversion depends on it.
// Element slices are owned by the list.
type List struct {
	buf   [][]byte
	head  int
	n     int
	bytes int // estimated listpack size of the elements, header included
	quick bool
	nodes []qlNode // quicklist nodes, head first, while quick
}

// qlNode is one modelled quicklist node: its entry count and listpack
// bytes; plain nodes hold a single element too large for a listpack.
type qlNode struct {
	n, sz int
	plain bool
}

// qlEstimateOverhead is the slack quicklist adds when deciding whether an
// entry still fits a node.
const qlEstimateOverhead = 8

// isLargeElement reports whether an element of sz bytes gets a plain node.
func isLargeElement(sz int) bool {
	lim, _ := listLimits()
	if lim >= 0 {
		return sz > lim
	}
	return sz > listSafetyLimit
}

// nodeAllows reports whether node can take one more element of sz bytes.
func nodeAllows(nd *qlNode, sz int) bool {
	if nd.plain || isLargeElement(sz) {
		return false
	}
	return !listExceeds(nd.sz+sz+qlEstimateOverhead, nd.n+1)
}

func newNode(v []byte) qlNode {
	if isLargeElement(len(v)) {
		return qlNode{n: 1, sz: len(v), plain: true}
	}
	return qlNode{n: 1, sz: lpHeaderBytes + lpEntryBytes(v)}
}

// nodeAt returns the node holding element i and i's offset in it.
func (l *List) nodeAt(i int) (int, int) {
	for k := range l.nodes {
		if i < l.nodes[k].n {
			return k, i
		}
		i -= l.nodes[k].n
	}
	return len(l.nodes) - 1, l.nodes[len(l.nodes)-1].n
}

// modelAdd records v joining at index i; call it before l.n grows.
func (l *List) modelAdd(i int, v []byte) {
	if !l.quick {
		return
	}
	if len(l.nodes) == 0 {
		l.nodes = []qlNode{newNode(v)}
		return
	}
	var k int
	switch {
	case i == 0:
		k = 0
	case i >= l.n:
		k = len(l.nodes) - 1
	default:
		k, _ = l.nodeAt(i)
	}
	if nodeAllows(&l.nodes[k], len(v)) {
		l.nodes[k].n++
		l.nodes[k].sz += lpEntryBytes(v)
		return
	}
	nd := newNode(v)
	at := k + 1
	if i == 0 {
		at = 0
	}
	l.nodes = append(l.nodes, qlNode{})
	copy(l.nodes[at+1:], l.nodes[at:])
	l.nodes[at] = nd
}

// modelRemove records element i (holding v) leaving.
func (l *List) modelRemove(i int, v []byte) {
	if !l.quick || len(l.nodes) == 0 {
		return
	}
	k, _ := l.nodeAt(i)
	nd := &l.nodes[k]
	nd.n--
	if !nd.plain {
		nd.sz -= lpEntryBytes(v)
	}
	if nd.n == 0 {
		l.nodes = append(l.nodes[:k], l.nodes[k+1:]...)
	}
}

// NewList returns an empty listpack-encoded list.
func NewList() *List { return &List{bytes: lpHeaderBytes} }

// Kind implements Value.
func (*List) Kind() Kind { return KindList }

// Encoding is what OBJECT ENCODING reports: listpack or quicklist.
func (l *List) Encoding() string {
	if l.quick {
		return "quicklist"
	}
	return "listpack"
}

// Len reports the number of elements.
func (l *List) Len() int { return l.n }

func (l *List) slot(i int) int {
	j := l.head + i
	if j >= len(l.buf) {
		j -= len(l.buf)
	}
	return j
}

func (l *List) grow() {
	if l.n < len(l.buf) {
		return
	}
	nc := len(l.buf) * 2
	if nc < 8 {
		nc = 8
	}
	nb := make([][]byte, nc)
	for i := 0; i < l.n; i++ {
		nb[i] = l.buf[l.slot(i)]
	}
	l.buf = nb
	l.head = 0
}

// BeforeAdd converts the list to quicklist when adding elements of the
// given total byte length and count would break the listpack limit; push
// commands call it once per command with all their arguments, as Redis does.
func (l *List) BeforeAdd(addBytes, addCount int) {
	if !l.quick && listExceeds(l.bytes+addBytes, l.n+addCount) {
		// The whole listpack becomes the quicklist's first node.
		l.quick = true
		l.nodes = nil
		if l.n > 0 {
			l.nodes = []qlNode{{n: l.n, sz: l.bytes}}
		}
	}
}

// afterShrink converts back to listpack when the list fell to half the limit.
func (l *List) afterShrink() {
	if !l.quick {
		return
	}
	if len(l.nodes) > 1 || (len(l.nodes) == 1 && l.nodes[0].plain) {
		return
	}
	lim, cnt := listLimits()
	if lim >= 0 {
		if l.bytes > lim/2 {
			return
		}
	} else if l.n > cnt/2 {
		return
	}
	l.quick = false
	l.nodes = nil
}

// PushHead inserts v (copied) at the head.
func (l *List) PushHead(v []byte) {
	l.BeforeAdd(len(v), 1)
	l.pushHead(v)
}

// PushTail appends v (copied) at the tail.
func (l *List) PushTail(v []byte) {
	l.BeforeAdd(len(v), 1)
	l.pushTail(v)
}

// Push adds every element of vals, one after the other, at the head (each
// becoming the new head, as LPUSH does) or at the tail. The listpack limit
// is checked once for the whole batch, as Redis checks it per command.
func (l *List) Push(vals [][]byte, head bool) {
	sz := 0
	for _, v := range vals {
		sz += len(v)
	}
	l.BeforeAdd(sz, len(vals))
	for _, v := range vals {
		if head {
			l.pushHead(v)
		} else {
			l.pushTail(v)
		}
	}
}

func (l *List) pushHead(v []byte) {
	l.grow()
	l.head--
	if l.head < 0 {
		l.head = len(l.buf) - 1
	}
	l.buf[l.head] = append([]byte(nil), v...)
	l.modelAdd(0, v)
	l.n++
	l.bytes += lpEntryBytes(v)
}

func (l *List) pushTail(v []byte) {
	l.grow()
	l.buf[l.slot(l.n)] = append([]byte(nil), v...)
	l.modelAdd(l.n, v)
	l.n++
	l.bytes += lpEntryBytes(v)
}

// PopHead removes and returns the head element (nil when empty).
func (l *List) PopHead() []byte {
	if l.n == 0 {
		return nil
	}
	v := l.buf[l.head]
	l.buf[l.head] = nil
	l.head = l.slot(1)
	l.modelRemove(0, v)
	l.n--
	l.bytes -= lpEntryBytes(v)
	l.afterShrink()
	return v
}

// PopTail removes and returns the tail element (nil when empty).
func (l *List) PopTail() []byte {
	if l.n == 0 {
		return nil
	}
	j := l.slot(l.n - 1)
	v := l.buf[j]
	l.buf[j] = nil
	l.modelRemove(l.n-1, v)
	l.n--
	l.bytes -= lpEntryBytes(v)
	l.afterShrink()
	return v
}

// Index returns the element at i (negative counts from the tail) and
// whether it exists.
func (l *List) Index(i int) ([]byte, bool) {
	if i < 0 {
		i += l.n
	}
	if i < 0 || i >= l.n {
		return nil, false
	}
	return l.buf[l.slot(i)], true
}

// Set replaces the element at i (negative counts from the tail) and
// reports whether it exists.
func (l *List) Set(i int, v []byte) bool {
	if i < 0 {
		i += l.n
	}
	if i < 0 || i >= l.n {
		return false
	}
	j := l.slot(i)
	old := l.buf[j]
	l.BeforeAdd(len(v), 1)
	diff := lpEntryBytes(v) - lpEntryBytes(old)
	l.bytes += diff
	if l.quick && len(l.nodes) > 0 {
		k, _ := l.nodeAt(i)
		nd := &l.nodes[k]
		switch large := isLargeElement(len(v)); {
		case nd.plain && !large:
			// A plain node given a small value becomes a packed one.
			*nd = newNode(v)
		case !nd.plain && large:
			// A large value leaves its packed node for a plain node of its own.
			nd.n--
			nd.sz -= lpEntryBytes(old)
			at := k + 1
			if nd.n == 0 {
				l.nodes[k] = newNode(v)
				break
			}
			l.nodes = append(l.nodes, qlNode{})
			copy(l.nodes[at+1:], l.nodes[at:])
			l.nodes[at] = newNode(v)
		case !nd.plain:
			nd.sz += diff
		}
	}
	l.buf[j] = append([]byte(nil), v...)
	l.afterShrink()
	return true
}

// Range calls fn for the elements from start to stop inclusive (already
// clamped to 0..Len()-1), stopping when fn returns false.
func (l *List) Range(start, stop int, fn func(i int, v []byte) bool) {
	for i := start; i <= stop && i < l.n; i++ {
		if !fn(i, l.buf[l.slot(i)]) {
			return
		}
	}
}

// RangeReverse is Range walking from stop down to start.
func (l *List) RangeReverse(start, stop int, fn func(i int, v []byte) bool) {
	if stop >= l.n {
		stop = l.n - 1
	}
	for i := stop; i >= start && i >= 0; i-- {
		if !fn(i, l.buf[l.slot(i)]) {
			return
		}
	}
}

// Insert puts v before (or after) index i.
func (l *List) Insert(i int, v []byte, after bool) {
	if after {
		i++
	}
	l.BeforeAdd(len(v), 1)
	l.grow()
	// Shift the tail part right by one.
	for k := l.n; k > i; k-- {
		l.buf[l.slot(k)] = l.buf[l.slot(k-1)]
	}
	l.buf[l.slot(i)] = append([]byte(nil), v...)
	l.modelAdd(i, v)
	l.n++
	l.bytes += lpEntryBytes(v)
}

// Delete removes the element at i.
func (l *List) Delete(i int) {
	if i < 0 || i >= l.n {
		return
	}
	l.bytes -= lpEntryBytes(l.buf[l.slot(i)])
	l.modelRemove(i, l.buf[l.slot(i)])
	for k := i; k < l.n-1; k++ {
		l.buf[l.slot(k)] = l.buf[l.slot(k+1)]
	}
	l.buf[l.slot(l.n-1)] = nil
	l.n--
	l.afterShrink()
}

// Filter keeps the elements for which keep returns true, in order, and
// returns how many it removed.
func (l *List) Filter(keep func(i int, v []byte) bool) int {
	w := 0
	for r := 0; r < l.n; r++ {
		v := l.buf[l.slot(r)]
		if keep(r, v) {
			l.buf[l.slot(w)] = v
			w++
		} else {
			l.bytes -= lpEntryBytes(v)
			l.modelRemove(w, v)
		}
	}
	removed := l.n - w
	for k := w; k < l.n; k++ {
		l.buf[l.slot(k)] = nil
	}
	l.n = w
	if removed > 0 {
		l.afterShrink()
	}
	return removed
}

// Trim keeps only the elements from start to stop inclusive (clamped by
// the caller; start > stop empties the list).
func (l *List) Trim(start, stop int) {
	l.Filter(func(i int, _ []byte) bool { return i >= start && i <= stop })
}

// lpHeaderBytes is a listpack's fixed overhead: total bytes, count, end.
const lpHeaderBytes = 7

// lpEntryBytes estimates the bytes v takes in a listpack: the encoding
// (integers pack into 1..9 bytes, strings carry a 1, 2 or 5 byte header)
// plus the back-length.
func lpEntryBytes(v []byte) int {
	var enc int
	if n, ok := ParseInt(v); ok {
		switch {
		case n >= 0 && n <= 127:
			enc = 1
		case n >= -4096 && n <= 4095:
			enc = 2
		case n >= -1<<15 && n < 1<<15:
			enc = 3
		case n >= -1<<23 && n < 1<<23:
			enc = 4
		case n >= -1<<31 && n < 1<<31:
			enc = 5
		default:
			enc = 9
		}
	} else {
		switch l := len(v); {
		case l < 64:
			enc = 1 + l
		case l < 4096:
			enc = 2 + l
		default:
			enc = 5 + l
		}
	}
	switch {
	case enc <= 127:
		return enc + 1
	case enc < 16383:
		return enc + 2
	case enc < 2097151:
		return enc + 3
	case enc < 268435455:
		return enc + 4
	}
	return enc + 5
}

// Dup returns an independent copy with the same encoding (COPY).
func (l *List) Dup() Value {
	d := &List{bytes: l.bytes, quick: l.quick, nodes: append([]qlNode(nil), l.nodes...)}
	d.buf = make([][]byte, l.n)
	for i := 0; i < l.n; i++ {
		d.buf[i] = append([]byte(nil), l.buf[l.slot(i)]...)
	}
	d.n = l.n
	return d
}
