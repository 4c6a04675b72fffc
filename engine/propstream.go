package engine

import (
	"strconv"
	"strings"

	"modhost/keyspace"
)

// Stream commands propagate as Redis 7.2 makes them deterministic: XADD
// with the ID it generated and an approximate trim made exact; XREADGROUP,
// XCLAIM and XAUTOCLAIM as one idempotent XCLAIM per delivered or claimed
// entry (XGROUP SETID when NOACK moved the group without a PEL entry).

func streamAt(db *keyspace.DB, key []byte) *keyspace.Stream {
	e := db.Peek(string(key))
	if e == nil {
		return nil
	}
	s, _ := e.Val.(*keyspace.Stream)
	return s
}

// rewriteTrimArgs makes "MAXLEN|MINID ~ x" exact ("= <what is left>"),
// scanning options from index from.
func rewriteTrimArgs(args [][]byte, from int, s *keyspace.Stream) {
	if s == nil {
		return
	}
	for i := from; i+2 < len(args); i++ {
		opt := strings.ToLower(string(args[i]))
		if (opt != "maxlen" && opt != "minid") || string(args[i+1]) != "~" {
			continue
		}
		args[i+1] = bs("=")
		if opt == "maxlen" {
			args[i+2] = bs(strconv.FormatInt(s.Len(), 10))
		} else if first, ok := s.FirstValidID(); ok {
			args[i+2] = bs(first.String())
		} else {
			args[i+2] = bs("0-0")
		}
		return
	}
}

// rewriteXadd puts the generated ID in place of "*" or "ms-*".
func rewriteXadd(db *keyspace.DB, args [][]byte, reply []byte) [][][]byte {
	if len(args) < 3 {
		return [][][]byte{args}
	}
	out := append([][]byte(nil), args...)
	i := 2
scan:
	for i < len(out) {
		switch strings.ToLower(string(out[i])) {
		case "nomkstream":
			i++
			continue
		case "maxlen", "minid":
			i += 2
			if i < len(out) && (string(out[i-1]) == "~" || string(out[i-1]) == "=") {
				i++
			}
			continue
		case "limit":
			i += 2
			continue
		}
		break scan
	}
	if i < len(out) {
		if id, ok := parseReply(reply).([]byte); ok && strings.HasSuffix(string(out[i]), "*") {
			out[i] = id
		}
	}
	rewriteTrimArgs(out, 2, streamAt(db, args[1]))
	return [][][]byte{out}
}

// xclaimFor is the XCLAIM Redis propagates for one pending entry.
func xclaimFor(key, group []byte, g *keyspace.StreamGroup, p *keyspace.PendingEntry) [][]byte {
	consumer := ""
	if p.Consumer != nil {
		consumer = p.Consumer.Name
	}
	return [][]byte{bs("XCLAIM"), key, group, bs(consumer), bs("0"), bs(p.ID.String()),
		bs("TIME"), bs(strconv.FormatInt(p.DeliveryTime, 10)),
		bs("RETRYCOUNT"), bs(strconv.FormatInt(p.DeliveryCount, 10)),
		bs("FORCE"), bs("JUSTID"), bs("LASTID"), bs(g.LastID.String())}
}

func xsetid(key, group []byte, g *keyspace.StreamGroup) [][]byte {
	return [][]byte{bs("XGROUP"), bs("SETID"), key, group, bs(g.LastID.String()),
		bs("ENTRIESREAD"), bs(strconv.FormatInt(g.EntriesRead, 10))}
}

// entryIDs lists the IDs of a reply's stream entries ([id, fields] pairs,
// or bare IDs with JUSTID).
func entryIDs(v any) [][]byte {
	list, _ := v.([]any)
	var out [][]byte
	for _, e := range list {
		switch x := e.(type) {
		case []byte:
			out = append(out, x)
		case []any:
			if len(x) > 0 {
				if id, ok := x[0].([]byte); ok {
					out = append(out, id)
				}
			}
		}
	}
	return out
}

// rewriteXreadgroup propagates what XREADGROUP delivered.
func rewriteXreadgroup(db *keyspace.DB, args [][]byte, reply []byte) [][][]byte {
	var group, consumer []byte
	noack := false
	streamsAt := -1
	for i := 1; i < len(args); i++ {
		switch strings.ToLower(string(args[i])) {
		case "group":
			if i+2 < len(args) {
				group, consumer = args[i+1], args[i+2]
				i += 2
			}
		case "count", "block":
			i++
		case "noack":
			noack = true
		case "streams":
			streamsAt = i + 1
			i = len(args)
		}
	}
	if group == nil || streamsAt < 0 {
		return nil
	}
	var out [][][]byte
	// RESP2 [[key, entries], ...]; RESP3 map key -> entries (flattened).
	r, _ := parseReply(reply).([]any)
	isMap := len(reply) > 0 && reply[0] == '%'
	visit := func(key []byte, entries any) {
		s := streamAt(db, key)
		if s == nil {
			return
		}
		g := s.Group(string(group))
		if g == nil {
			return
		}
		ids := entryIDs(entries)
		if noack {
			// The consumer may have been created by this read; creating it
			// again on replay is harmless.
			if consumer != nil {
				out = append(out, [][]byte{bs("XGROUP"), bs("CREATECONSUMER"), key, group, consumer})
			}
			if len(ids) > 0 {
				out = append(out, xsetid(key, group, g))
			}
			return
		}
		for _, idb := range ids {
			id, _, ok := keyspace.ParseStreamID(idb, 0, true, false)
			if !ok {
				continue
			}
			if p := g.Pending(id); p != nil {
				out = append(out, xclaimFor(key, group, g, p))
			}
		}
	}
	if isMap {
		for i := 0; i+1 < len(r); i += 2 {
			if k, ok := r[i].([]byte); ok {
				visit(k, r[i+1])
			}
		}
	} else {
		for _, x := range r {
			if pair, ok := x.([]any); ok && len(pair) == 2 {
				if k, ok := pair[0].([]byte); ok {
					visit(k, pair[1])
				}
			}
		}
	}
	return out
}

// rewriteXclaim propagates each claimed entry (XCLAIM: the reply's
// entries; XAUTOCLAIM: its second element), or the LASTID change alone.
func rewriteXclaim(db *keyspace.DB, name string, args [][]byte, reply []byte) [][][]byte {
	if len(args) < 3 {
		return [][][]byte{args}
	}
	s := streamAt(db, args[1])
	if s == nil {
		return nil
	}
	g := s.Group(string(args[2]))
	if g == nil {
		return nil
	}
	v := parseReply(reply)
	var deleted [][]byte
	if name == "xautoclaim" {
		r, _ := v.([]any)
		if len(r) < 2 {
			return nil
		}
		v = r[1]
		if len(r) > 2 {
			deleted = entryIDs(r[2])
		}
	} else if len(args) > 5 {
		// Named IDs whose entries are gone were dropped from the PEL.
		for _, a := range args[5:] {
			id, _, ok := keyspace.ParseStreamID(a, 0, true, false)
			if !ok {
				break // the options start
			}
			if !s.Exists(id) && g.Pending(id) == nil {
				deleted = append(deleted, a)
			}
		}
	}
	var out [][][]byte
	// A claim of a deleted entry goes out as an XCLAIM too: on replay it
	// drops the same PEL entry.
	for _, id := range deleted {
		out = append(out, [][]byte{bs("XCLAIM"), args[1], args[2], args[3], bs("0"), id,
			bs("TIME"), bs("0"), bs("RETRYCOUNT"), bs("0"), bs("FORCE"), bs("JUSTID"), bs("LASTID"), bs(g.LastID.String())})
	}
	for _, idb := range entryIDs(v) {
		id, _, ok := keyspace.ParseStreamID(idb, 0, true, false)
		if !ok {
			continue
		}
		if p := g.Pending(id); p != nil {
			out = append(out, xclaimFor(args[1], args[2], g, p))
		}
	}
	if len(out) == 0 && name == "xclaim" {
		// Nothing claimed: what changed is the group's last ID (LASTID).
		for _, a := range args[5:] {
			if strings.EqualFold(string(a), "lastid") {
				out = append(out, xsetid(args[1], args[2], g))
				break
			}
		}
	}
	return out
}
