package engine

import (
	"bytes"
	"strconv"
	"strings"

	"modhost/keyspace"
)

// propagateRewritten propagates one executed command in the form Redis
// 7.2 gives it in the AOF and the replication stream: commands whose
// effect depends on randomness, time or blocking go out as the
// deterministic commands that repeat the effect. What a command did is read
// back from its reply and the keyspace, so the command code needs no hook.
func (s *Server) propagateRewritten(db *keyspace.DB, cmd *Spec, args [][]byte, reply []byte, target int) {
	for _, op := range rewriteForProp(s, db, cmd, args, reply) {
		s.PropagateTo(db.ID, op, target)
	}
}

func bs(s string) []byte { return []byte(s) }

func (s *Server) delVerb(lazy bool) []byte {
	if lazy {
		return bs("UNLINK")
	}
	return bs("DEL")
}

// rewriteForProp returns the commands to propagate for one command.
func rewriteForProp(s *Server, db *keyspace.DB, cmd *Spec, args [][]byte, reply []byte) [][][]byte {
	name := cmd.Name
	if cmd.Parent != nil {
		return [][][]byte{args}
	}
	gone := func(key []byte) bool { return db.Peek(string(key)) == nil }
	one := func(a ...[]byte) [][][]byte { return [][][]byte{a} }
	switch name {
	case "expire", "pexpire", "expireat", "pexpireat":
		if len(args) >= 3 && gone(args[1]) {
			// A deadline in the past deleted the key.
			return one(s.delVerb(s.Settings.LazyfreeLazyExpire), args[1])
		}
	case "getex":
		if len(args) < 2 {
			break
		}
		if gone(args[1]) {
			return one(s.delVerb(s.Settings.LazyfreeLazyExpire), args[1])
		}
		for _, a := range args[2:] {
			if strings.EqualFold(string(a), "persist") {
				return one(bs("PERSIST"), args[1])
			}
		}
		if e := db.Peek(string(args[1])); e != nil && e.Expire != 0 {
			return one(bs("PEXPIREAT"), args[1], bs(strconv.FormatInt(e.Expire, 10)))
		}
	case "getdel":
		return one(bs("DEL"), args[1])
	case "getset":
		if len(args) == 3 {
			return one(bs("SET"), args[1], args[2])
		}
	case "incrbyfloat":
		if v, ok := parseReply(reply).([]byte); ok && len(args) == 3 {
			return one(bs("SET"), args[1], v, bs("KEEPTTL"))
		}
	case "spop":
		return rewriteSpop(s, args, reply, gone)
	case "blpop", "brpop":
		if r, ok := parseReply(reply).([]any); ok && len(r) == 2 {
			if k, ok := r[0].([]byte); ok {
				verb := "LPOP"
				if name == "brpop" {
					verb = "RPOP"
				}
				return one(bs(verb), k)
			}
		}
	case "bzpopmin", "bzpopmax":
		if r, ok := parseReply(reply).([]any); ok && len(r) == 3 {
			if k, ok := r[0].([]byte); ok {
				return one(bs(strings.ToUpper(name[1:])), k)
			}
		}
	case "blmove":
		if len(args) == 6 {
			return one(bs("LMOVE"), args[1], args[2], args[3], args[4])
		}
	case "brpoplpush":
		if len(args) == 4 {
			return one(bs("RPOPLPUSH"), args[1], args[2])
		}
	case "lmpop", "blmpop", "zmpop", "bzmpop":
		return rewriteMpop(name, args, reply)
	case "xadd":
		return rewriteXadd(db, args, reply)
	case "xtrim":
		out := append([][]byte(nil), args...)
		rewriteTrimArgs(out, 2, streamAt(db, args[1]))
		return [][][]byte{out}
	case "xreadgroup":
		return rewriteXreadgroup(db, args, reply)
	case "xclaim", "xautoclaim":
		return rewriteXclaim(db, name, args, reply)
	}
	return [][][]byte{args}
}

// rewriteSpop: SPOP key goes out as SREM key member; SPOP key count as
// SREM of the popped members in batches of 1024, or DEL (UNLINK with
// lazyfree-lazy-server-del) when it emptied the set.
func rewriteSpop(s *Server, args [][]byte, reply []byte, gone func([]byte) bool) [][][]byte {
	if len(args) == 2 {
		if v, ok := parseReply(reply).([]byte); ok {
			return [][][]byte{{bs("SREM"), args[1], v}}
		}
		return [][][]byte{args}
	}
	members, ok := parseReply(reply).([]any)
	if !ok || len(args) != 3 {
		return [][][]byte{args}
	}
	if gone(args[1]) {
		return [][][]byte{{s.delVerb(s.Settings.LazyfreeLazyServerDel), args[1]}}
	}
	var out [][][]byte
	for len(members) > 0 {
		n := min(len(members), 1024)
		op := [][]byte{bs("SREM"), args[1]}
		for _, m := range members[:n] {
			if b, ok := m.([]byte); ok {
				op = append(op, b)
			}
		}
		out = append(out, op)
		members = members[n:]
	}
	return out
}

// rewriteMpop: [B]LMPOP and [B]ZMPOP go out as [LR]POP / ZPOP{MIN,MAX}
// key count, with the count actually popped.
func rewriteMpop(name string, args [][]byte, reply []byte) [][][]byte {
	r, ok := parseReply(reply).([]any)
	if !ok || len(r) != 2 {
		return [][][]byte{args}
	}
	key, ok1 := r[0].([]byte)
	els, ok2 := r[1].([]any)
	if !ok1 || !ok2 {
		return [][][]byte{args}
	}
	first := 1
	if name[0] == 'b' {
		first = 2
	}
	if first >= len(args) {
		return [][][]byte{args}
	}
	numkeys, err := strconv.Atoi(string(args[first]))
	if err != nil || first+1+numkeys >= len(args) {
		return [][][]byte{args}
	}
	where := strings.ToUpper(string(args[first+1+numkeys]))
	var verb string
	switch where {
	case "LEFT":
		verb = "LPOP"
	case "RIGHT":
		verb = "RPOP"
	case "MIN":
		verb = "ZPOPMIN"
	case "MAX":
		verb = "ZPOPMAX"
	default:
		return [][][]byte{args}
	}
	return [][][]byte{{bs(verb), key, bs(strconv.Itoa(len(els)))}}
}

// parseReply decodes the first RESP2/RESP3 value of b: []byte for strings
// and numbers, []any for aggregates (maps flattened), nil otherwise.
func parseReply(b []byte) any {
	v, _ := parseValue(b)
	return v
}

func parseValue(b []byte) (any, []byte) {
	if len(b) < 3 {
		return nil, nil
	}
	i := bytes.Index(b, []byte("\r\n"))
	if i < 0 {
		return nil, nil
	}
	line, rest := b[1:i], b[i+2:]
	switch b[0] {
	case '+', ':', ',', '(', '#':
		return line, rest
	case '$', '=':
		n, err := strconv.Atoi(string(line))
		if err != nil || n < 0 || n+2 > len(rest) {
			return nil, rest
		}
		v := rest[:n]
		if b[0] == '=' && len(v) >= 4 {
			v = v[4:]
		}
		return v, rest[n+2:]
	case '*', '~', '%', '>':
		n, err := strconv.Atoi(string(line))
		if err != nil || n < 0 {
			return nil, rest
		}
		if b[0] == '%' {
			n *= 2
		}
		out := make([]any, 0, n)
		for j := 0; j < n; j++ {
			var v any
			v, rest = parseValue(rest)
			out = append(out, v)
		}
		return out, rest
	}
	return nil, rest
}
