package commands

import (
	"bytes"
	"sort"
	"strings"

	"modhost/engine"
	"modhost/keyspace"
)

func init() { groups = append(groups, registerSort) }

func registerSort(t *engine.Table) {
	acl := []string{"set", "sortedset", "list", "slow", "dangerous"}
	t.Add(&engine.Spec{Name: "sort", Arity: -2, Flags: write | denyoom, GetKeys: sortKeys, ACL: append([]string{"write"}, acl...), Run: func(c *engine.Ctx) { sortCommand(c, false) }})
	t.Add(&engine.Spec{Name: "sort_ro", Arity: -2, Flags: readonly, First: 1, Last: 1, Step: 1, ACL: append([]string{"read"}, acl...), Run: func(c *engine.Ctx) { sortCommand(c, true) }})
}

// sortKeys reports the sorted key plus the last STORE destination, with
// the same scan as Redis's sortGetKeys (LIMIT, GET and BY skip their
// arguments unchecked; STORE does not skip its own).
func sortKeys(args [][]byte) []int {
	out := []int{1}
	store := 0
	for i := 2; i < len(args); i++ {
		switch {
		case eqFold(args[i], "limit"):
			i += 2
		case eqFold(args[i], "get"), eqFold(args[i], "by"):
			i++
		case eqFold(args[i], "store") && i+1 < len(args):
			store = i + 1
		}
	}
	if store > 0 {
		out = append(out, store)
	}
	return out
}

type sortItem struct {
	obj    []byte
	score  float64
	cmp    []byte
	hasCmp bool
}

// sortLookup resolves a BY or GET pattern for one element as Redis's
// lookupKeyByPattern: "#" is the element, the first '*' is replaced by it,
// and "->field" after the '*' reads a hash field. ok=false means no value.
func sortLookup(c *engine.Ctx, pattern, elem []byte) ([]byte, bool) {
	if len(pattern) == 1 && pattern[0] == '#' {
		return elem, true
	}
	star := bytes.IndexByte(pattern, '*')
	if star < 0 {
		return nil, false
	}
	var field []byte
	keyPat := pattern
	if f := bytes.Index(pattern[star+1:], []byte("->")); f >= 0 && star+1+f+2 < len(pattern) {
		field = pattern[star+1+f+2:]
		keyPat = pattern[:star+1+f]
	}
	key := make([]byte, 0, len(keyPat)+len(elem))
	key = append(key, keyPat[:star]...)
	key = append(key, elem...)
	key = append(key, keyPat[star+1:]...)
	e := lookupRead(c, key)
	if e == nil {
		return nil, false
	}
	if field != nil {
		h, ok := e.Val.(*keyspace.Hash)
		if !ok {
			return nil, false
		}
		return h.Get(field)
	}
	s, ok := e.Val.(*keyspace.String)
	if !ok {
		return nil, false
	}
	return s.B, true
}

// sortStrtod converts a sort weight as SORT's strtod call does: leading
// space allowed, nothing may follow, no overflow, underflow or NaN; the
// empty string is 0.
func sortStrtod(b []byte) (float64, bool) {
	if len(b) == 0 {
		return 0, true
	}
	i := 0
	for i < len(b) && isCSpaceByte(b[i]) {
		i++
	}
	if i == len(b) {
		return 0, false
	}
	return parseDouble(b[i:])
}

func sortCommand(c *engine.Ctx, readonly bool) {
	var desc, alpha, dontsort bool
	var limitStart, limitCount int64 = 0, -1
	var sortby, storekey []byte
	var gets [][]byte
	for j := 2; j < len(c.Args); j++ {
		left := len(c.Args) - j - 1
		a := c.Args[j]
		switch {
		case eqFold(a, "asc"):
			desc = false
		case eqFold(a, "desc"):
			desc = true
		case eqFold(a, "alpha"):
			alpha = true
		case eqFold(a, "limit") && left >= 2:
			var ok bool
			if limitStart, ok = intArg(c, c.Args[j+1], ""); !ok {
				return
			}
			if limitCount, ok = intArg(c, c.Args[j+2], ""); !ok {
				return
			}
			j += 2
		case !readonly && eqFold(a, "store") && left >= 1:
			storekey = c.Args[j+1]
			j++
		case eqFold(a, "by") && left >= 1:
			sortby = c.Args[j+1]
			dontsort = bytes.IndexByte(sortby, '*') < 0
			j++
		case eqFold(a, "get") && left >= 1:
			gets = append(gets, c.Args[j+1])
			j++
		default:
			c.Error(msgSyntax)
			return
		}
	}
	e := lookupRead(c, c.Args[1])
	var val keyspace.Value
	if e != nil {
		val = e.Val
		switch val.(type) {
		case *keyspace.List, *keyspace.Set, *keyspace.ZSet:
		default:
			c.Error(msgWrongType)
			return
		}
	} else {
		val = keyspace.NewList()
	}
	if _, isSet := val.(*keyspace.Set); isSet && dontsort && (storekey != nil || c.C.Flags&engine.ClientScript != 0) {
		// A stored result, or one a script sees, must not depend on a
		// set's internal order.
		dontsort, alpha, sortby = false, true, nil
	}
	var vlen int
	switch v := val.(type) {
	case *keyspace.List:
		vlen = v.Len()
	case *keyspace.Set:
		vlen = v.Len()
	case *keyspace.ZSet:
		vlen = v.Len()
	}
	start := min(max(limitStart, 0), int64(vlen))
	limitCount = min(max(limitCount, -1), int64(vlen))
	end := int64(vlen) - 1
	if limitCount >= 0 {
		end = start + limitCount - 1
	}
	if start >= int64(vlen) {
		start, end = int64(vlen)-1, int64(vlen)-2
	}
	if end >= int64(vlen) {
		end = int64(vlen) - 1
	}
	var items []sortItem
	add := func(b []byte) { items = append(items, sortItem{obj: append([]byte(nil), b...)}) }
	switch v := val.(type) {
	case *keyspace.List:
		if dontsort {
			if end >= start {
				if desc {
					v.RangeReverse(0, v.Len()-1-int(start), func(_ int, b []byte) bool {
						add(b)
						return int64(len(items)) < end-start+1
					})
				} else {
					v.Range(int(start), v.Len()-1, func(_ int, b []byte) bool {
						add(b)
						return int64(len(items)) < end-start+1
					})
				}
				end -= start
				start = 0
			}
		} else {
			v.Range(0, v.Len()-1, func(_ int, b []byte) bool { add(b); return true })
		}
	case *keyspace.Set:
		v.Range(func(b []byte) bool { add(b); return true })
	case *keyspace.ZSet:
		if dontsort {
			if end >= start {
				v.RangeByRank(int(start), int(end), desc, func(b []byte, _ float64) bool { add(b); return true })
			}
			end -= start
			start = 0
		} else {
			v.Range(func(b []byte, _ float64) bool { add(b); return true })
		}
	}
	convErr := false
	if !dontsort {
		for i := range items {
			it := &items[i]
			by := it.obj
			if sortby != nil {
				b, ok := sortLookup(c, sortby, it.obj)
				if !ok {
					continue
				}
				by = b
			}
			if alpha {
				if sortby != nil {
					it.cmp, it.hasCmp = append([]byte(nil), by...), true
				}
				continue
			}
			f, ok := sortStrtod(by)
			if !ok {
				convErr = true
			}
			it.score = f
		}
		sortItems(items, desc, alpha, sortby != nil)
	}
	if convErr {
		c.Error(msgSortScore)
		return
	}
	n := 0
	if end >= start {
		n = int(end - start + 1)
	}
	outputLen := n
	if len(gets) > 0 {
		outputLen = len(gets) * n
	}
	if storekey == nil {
		c.W.Array(outputLen)
		for j := start; j <= end; j++ {
			if len(gets) == 0 {
				c.W.Bulk(items[j].obj)
			}
			for _, g := range gets {
				if b, ok := sortLookup(c, g, items[j].obj); ok {
					c.W.Bulk(b)
				} else {
					c.W.Null()
				}
			}
		}
		return
	}
	var out [][]byte
	for j := start; j <= end; j++ {
		if len(gets) == 0 {
			out = append(out, items[j].obj)
		}
		for _, g := range gets {
			b, _ := sortLookup(c, g, items[j].obj)
			out = append(out, append([]byte(nil), b...))
		}
	}
	key := string(storekey)
	if outputLen > 0 {
		l := keyspace.NewList()
		l.Push(out, false)
		c.DB.Set(key, l)
		changed(c, key, keyspace.NotifyList, "sortstore")
		c.DB.Ready(key)
	} else if c.DB.Delete(key) {
		changed(c, key, keyspace.NotifyGeneric, "del")
	}
	c.W.Int(int64(outputLen))
}

// sortItems orders items as SORT's comparator does: by score (ties by the
// element's bytes), or with ALPHA by the BY value (missing values first)
// or the element itself.
func sortItems(items []sortItem, desc, alpha, byPattern bool) {
	cmp := func(a, b *sortItem) int {
		switch {
		case !alpha:
			if a.score > b.score {
				return 1
			} else if a.score < b.score {
				return -1
			}
			return bytes.Compare(a.obj, b.obj)
		case byPattern:
			if !a.hasCmp || !b.hasCmp {
				switch {
				case a.hasCmp == b.hasCmp:
					return 0
				case !a.hasCmp:
					return -1
				}
				return 1
			}
			return strings.Compare(cstr(a.cmp), cstr(b.cmp))
		}
		return bytes.Compare(a.obj, b.obj)
	}
	sort.SliceStable(items, func(i, j int) bool {
		r := cmp(&items[i], &items[j])
		if desc {
			r = -r
		}
		return r < 0
	})
}

// cstr cuts b at its first NUL, as strcoll sees a C string.
func cstr(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return string(b[:i])
	}
	return string(b)
}

// lookupRead is Redis's lookupKeyRead for commands that accept several
// types: the live entry, counted as a keyspace hit or miss.
func lookupRead(c *engine.Ctx, key []byte) *keyspace.Entry {
	e := c.DB.Lookup(string(key))
	if e == nil {
		keyMiss(c, key)
	} else {
		c.S.Stats.KeyspaceHits++
	}
	return e
}
