package commands

import (
	"strings"
	"time"

	"modhost/engine"
	"modhost/keyspace"
	"modhost/resp"
)

func init() { groups = append(groups, registerStream) }

func registerStream(t *engine.Table) {
	wr := []string{"write", "stream", "fast"}
	wrSlow := []string{"write", "stream", "slow"}
	rd := []string{"read", "stream", "slow"}
	key1 := func(s *engine.Spec) *engine.Spec { s.First, s.Last, s.Step = 1, 1, 1; return s }
	key2 := func(s *engine.Spec) *engine.Spec { s.First, s.Last, s.Step = 2, 2, 1; return s }
	t.Add(withXpsDocs(key1(&engine.Spec{Name: "xack", Arity: -4, Flags: write | fast, ACL: wr, Run: cmdXack})))
	t.Add(withXpsDocs(key1(&engine.Spec{Name: "xadd", Arity: -5, Flags: write | denyoom | fast, ACL: wr, Run: cmdXadd})))
	t.Add(withXpsDocs(key1(&engine.Spec{Name: "xautoclaim", Arity: -6, Flags: write | fast, ACL: wr, Run: cmdXautoclaim})))
	t.Add(withXpsDocs(key1(&engine.Spec{Name: "xclaim", Arity: -6, Flags: write | fast, ACL: wr, Run: cmdXclaim})))
	t.Add(withXpsDocs(key1(&engine.Spec{Name: "xdel", Arity: -3, Flags: write | fast, ACL: wr, Run: cmdXdel})))
	t.Add(withXpsDocs(&engine.Spec{Name: "xgroup", Arity: -2, ACL: []string{"slow"}, Subs: map[string]*engine.Spec{
		"create":         key2(&engine.Spec{Name: "create", Arity: -5, Flags: write | denyoom, ACL: wrSlow, Run: cmdXgroup}),
		"createconsumer": key2(&engine.Spec{Name: "createconsumer", Arity: 5, Flags: write | denyoom, ACL: wrSlow, Run: cmdXgroup}),
		"delconsumer":    key2(&engine.Spec{Name: "delconsumer", Arity: 5, Flags: write, ACL: wrSlow, Run: cmdXgroup}),
		"destroy":        key2(&engine.Spec{Name: "destroy", Arity: 4, Flags: write, ACL: wrSlow, Run: cmdXgroup}),
		"help":           {Name: "help", Arity: 2, Flags: loading | stale, ACL: []string{"stream", "slow"}, Run: cmdXgroup},
		"setid":          key2(&engine.Spec{Name: "setid", Arity: -5, Flags: write, ACL: wrSlow, Run: cmdXgroup}),
	}}))
	t.Add(withXpsDocs(&engine.Spec{Name: "xinfo", Arity: -2, ACL: []string{"slow"}, Subs: map[string]*engine.Spec{
		"consumers": key2(&engine.Spec{Name: "consumers", Arity: 4, Flags: readonly, ACL: rd, Run: cmdXinfo}),
		"groups":    key2(&engine.Spec{Name: "groups", Arity: 3, Flags: readonly, ACL: rd, Run: cmdXinfo}),
		"help":      {Name: "help", Arity: 2, Flags: loading | stale, ACL: []string{"stream", "slow"}, Run: cmdXinfo},
		"stream":    key2(&engine.Spec{Name: "stream", Arity: -3, Flags: readonly, ACL: rd, Run: cmdXinfo}),
	}}))
	t.Add(withXpsDocs(key1(&engine.Spec{Name: "xlen", Arity: 2, Flags: readonly | fast, ACL: []string{"read", "stream", "fast"}, Run: cmdXlen})))
	t.Add(withXpsDocs(key1(&engine.Spec{Name: "xpending", Arity: -3, Flags: readonly, ACL: rd, Run: cmdXpending})))
	t.Add(withXpsDocs(key1(&engine.Spec{Name: "xrange", Arity: -4, Flags: readonly, ACL: rd, Run: cmdXrange})))
	t.Add(withXpsDocs(&engine.Spec{Name: "xread", Arity: -4, Flags: readonly | blocking, ACL: []string{"read", "stream", "slow", "blocking"}, GetKeys: xreadKeys, Run: cmdXread}))
	t.Add(withXpsDocs(&engine.Spec{Name: "xreadgroup", Arity: -7, Flags: write | blocking, ACL: []string{"write", "stream", "slow", "blocking"}, GetKeys: xreadKeys, Run: cmdXread}))
	t.Add(withXpsDocs(key1(&engine.Spec{Name: "xrevrange", Arity: -4, Flags: readonly, ACL: rd, Run: cmdXrevrange})))
	t.Add(withXpsDocs(key1(&engine.Spec{Name: "xsetid", Arity: -3, Flags: write | denyoom | fast, ACL: wr, Run: cmdXsetid})))
	t.Add(withXpsDocs(key1(&engine.Spec{Name: "xtrim", Arity: -4, Flags: write, ACL: wrSlow, Run: cmdXtrim})))
}

// Stream reply errors.
const (
	msgStreamBadID          = "ERR Invalid stream ID specified as stream command argument"
	msgStreamIDTooSmall     = "ERR The ID specified in XADD is equal or smaller than the target stream top item"
	msgStreamIDZero         = "ERR The ID specified in XADD must be greater than 0-0"
	msgStreamExhausted      = "ERR The stream has exhausted the last possible ID, unable to add more items"
	msgStreamTooLarge       = "ERR Elements are too large to be stored"
	msgStreamMaxlenNeg      = "ERR The MAXLEN argument must be >= 0."
	msgStreamLimitNeg       = "ERR The LIMIT argument must be >= 0."
	msgStreamMaxlenMinid    = "ERR syntax error, MAXLEN and MINID options at the same time are not compatible"
	msgStreamLimitNoTrim    = "ERR syntax error, LIMIT cannot be used without specifying a trimming strategy"
	msgStreamXtrimNoTrim    = "ERR syntax error, XTRIM must be called with a trimming strategy"
	msgStreamLimitNoApprox  = "ERR syntax error, LIMIT cannot be used without the special ~ option"
	msgStreamBadStart       = "ERR invalid start ID for the interval"
	msgStreamBadEnd         = "ERR invalid end ID for the interval"
	msgStreamTimeoutNotInt  = "ERR timeout is not an integer or out of range"
	msgStreamGroupXread     = "ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead."
	msgStreamNoackXread     = "ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead."
	msgStreamMissingGroup   = "ERR Missing GROUP option for XREADGROUP"
	msgStreamDollarGroup    = "ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set."
	msgStreamGtXread        = "ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option."
	msgStreamKeyMissing     = "ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically."
	msgStreamBusyGroup      = "BUSYGROUP Consumer Group name already exists"
	msgStreamEntriesRead    = "ERR value for ENTRIESREAD must be positive or -1"
	msgStreamEntriesAdded   = "ERR entries_added must be positive"
	msgStreamSetidMaxDel    = "ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id"
	msgStreamSetidCurMaxDel = "ERR The ID specified in XSETID is smaller than current max_deleted_entry_id"
	msgStreamSetidTop       = "ERR The ID specified in XSETID is smaller than the target stream top item"
	msgStreamSetidLength    = "ERR The entries_added specified in XSETID is smaller than the target stream length"
	msgStreamClaimMinIdle   = "ERR Invalid min-idle-time argument for XCLAIM"
	msgStreamClaimIdle      = "ERR Invalid IDLE option argument for XCLAIM"
	msgStreamClaimTime      = "ERR Invalid TIME option argument for XCLAIM"
	msgStreamClaimRetry     = "ERR Invalid RETRYCOUNT option argument for XCLAIM"
	msgStreamAutoMinIdle    = "ERR Invalid min-idle-time argument for XAUTOCLAIM"
	msgStreamAutoCount      = "ERR COUNT must be > 0"
)

// xreadKeys finds the stream keys of XREAD/XREADGROUP: the first half of
// the arguments after STREAMS.
func xreadKeys(args [][]byte) []int {
	for i := 1; i < len(args); i++ {
		if !strings.EqualFold(string(args[i]), "streams") {
			continue
		}
		n := len(args) - i - 1
		if n%2 != 0 {
			return nil
		}
		out := make([]int, 0, n/2)
		for k := i + 1; k <= i+n/2; k++ {
			out = append(out, k)
		}
		return out
	}
	return nil
}

// streamIDArg parses an ID argument, writing Redis's error on failure.
func streamIDArg(c *engine.Ctx, b []byte, missingSeq uint64, strict bool) (keyspace.StreamID, bool) {
	id, _, ok := keyspace.ParseStreamID(b, missingSeq, strict, false)
	if !ok {
		c.Error(msgStreamBadID)
	}
	return id, ok
}

// streamIntervalArg parses a range bound: "(" makes it exclusive (then
// the ID after it is parsed strictly).
func streamIntervalArg(c *engine.Ctx, b []byte, missingSeq uint64) (id keyspace.StreamID, excl, ok bool) {
	if len(b) > 1 && b[0] == '(' {
		id, ok = streamIDArg(c, b[1:], missingSeq, true)
		return id, true, ok
	}
	id, ok = streamIDArg(c, b, missingSeq, false)
	return id, false, ok
}

// streamStart parses a range start, moving past it when exclusive.
func streamStart(c *engine.Ctx, b []byte) (keyspace.StreamID, bool) {
	id, excl, ok := streamIntervalArg(c, b, 0)
	if !ok {
		return id, false
	}
	if excl {
		if id, ok = id.Incr(); !ok {
			c.Error(msgStreamBadStart)
			return id, false
		}
	}
	return id, true
}

// streamEnd parses a range end, moving before it when exclusive.
func streamEnd(c *engine.Ctx, b []byte) (keyspace.StreamID, bool) {
	id, excl, ok := streamIntervalArg(c, b, ^uint64(0))
	if !ok {
		return id, false
	}
	if excl {
		if id, ok = id.Decr(); !ok {
			c.Error(msgStreamBadEnd)
			return id, false
		}
	}
	return id, true
}

func replyStreamID(w *resp.Writer, id keyspace.StreamID) {
	var buf [48]byte
	w.Bulk(id.Append(buf[:0]))
}

func replyStreamEntry(w *resp.Writer, id keyspace.StreamID, fields [][]byte) {
	w.Array(2)
	replyStreamID(w, id)
	w.Array(len(fields))
	for _, f := range fields {
		w.Bulk(f)
	}
}

// streamRead returns the stream at key for a read, nil when missing;
// ok is false after a WRONGTYPE reply.
func streamRead(c *engine.Ctx, key []byte) (*keyspace.Stream, bool) {
	e, ok := lookupKind(c, key, keyspace.KindStream)
	if !ok || e == nil {
		return nil, ok
	}
	return e.Val.(*keyspace.Stream), true
}

// streamWrite is streamRead for commands about to modify the stream.
func streamWrite(c *engine.Ctx, key []byte) (*keyspace.Stream, bool) {
	e, ok := lookupWrite(c, key, keyspace.KindStream)
	if !ok || e == nil {
		return nil, ok
	}
	return e.Val.(*keyspace.Stream), true
}

func nowMs(c *engine.Ctx) int64 { return c.S.KS.Now() }

// addTrimArgs is the parsed option part of XADD and XTRIM.
type addTrimArgs struct {
	trim       keyspace.TrimArgs
	id         keyspace.StreamID
	idGiven    bool
	seqGiven   bool
	noMkstream bool
}

// parseAddTrim parses XADD/XTRIM options from argument 2 and returns the
// position where it stopped (XADD's ID), or -1 after an error reply.
func parseAddTrim(c *engine.Ctx, xadd bool) (a addTrimArgs, pos int) {
	args := c.Args
	limitGiven := false
	i := 2
	for ; i < len(args); i++ {
		more := len(args) - 1 - i
		opt := string(args[i])
		switch {
		case xadd && opt == "*":
			return a.finish(c, xadd, limitGiven, i)
		case (strings.EqualFold(opt, "maxlen") || strings.EqualFold(opt, "minid")) && more > 0:
			if a.trim.Strategy != keyspace.TrimNone {
				c.Error(msgStreamMaxlenMinid)
				return a, -1
			}
			a.trim.Approx = false
			next := string(args[i+1])
			if more >= 2 && next == "~" {
				a.trim.Approx = true
				i++
			} else if more >= 2 && next == "=" {
				i++
			}
			if strings.EqualFold(opt, "maxlen") {
				n, ok := intArg(c, args[i+1], "")
				if !ok {
					return a, -1
				}
				if n < 0 {
					c.Error(msgStreamMaxlenNeg)
					return a, -1
				}
				a.trim.MaxLen = n
				a.trim.Strategy = keyspace.TrimMaxLen
			} else {
				id, ok := streamIDArg(c, args[i+1], 0, true)
				if !ok {
					return a, -1
				}
				a.trim.MinID = id
				a.trim.Strategy = keyspace.TrimMinID
			}
			i++
		case strings.EqualFold(opt, "limit") && more > 0:
			n, ok := intArg(c, args[i+1], "")
			if !ok {
				return a, -1
			}
			if n < 0 {
				c.Error(msgStreamLimitNeg)
				return a, -1
			}
			a.trim.Limit = n
			limitGiven = true
			i++
		case xadd && strings.EqualFold(opt, "nomkstream"):
			a.noMkstream = true
		case xadd:
			id, seqGiven, ok := keyspace.ParseStreamID(args[i], 0, true, true)
			if !ok {
				c.Error(msgStreamBadID)
				return a, -1
			}
			a.id, a.seqGiven, a.idGiven = id, seqGiven, true
			return a.finish(c, xadd, limitGiven, i)
		default:
			c.Error(msgSyntax)
			return a, -1
		}
	}
	return a.finish(c, xadd, limitGiven, i)
}

func (a addTrimArgs) finish(c *engine.Ctx, xadd, limitGiven bool, pos int) (addTrimArgs, int) {
	if a.trim.Limit != 0 && a.trim.Strategy == keyspace.TrimNone {
		c.Error(msgStreamLimitNoTrim)
		return a, -1
	}
	if !xadd && a.trim.Strategy == keyspace.TrimNone {
		c.Error(msgStreamXtrimNoTrim)
		return a, -1
	}
	if mustObeyClient(c.C) {
		// What a master or the AOF sends was made exact when it was
		// first run (the trim argument rewritten): trim it all, and take
		// LIMIT without "~".
		a.trim.Limit = 0
		return a, pos
	}
	if limitGiven {
		if !a.trim.Approx {
			c.Error(msgStreamLimitNoApprox)
			return a, -1
		}
	} else if a.trim.Approx {
		a.trim.Limit = 100 * int64(keyspace.StreamNodeMaxEntries)
		if a.trim.Limit <= 0 {
			a.trim.Limit = 10000
		}
		if a.trim.Limit > 1000000 {
			a.trim.Limit = 1000000
		}
	} else {
		a.trim.Limit = 0
	}
	return a, pos
}

// mustObeyClient reports whether c replays commands another server or the
// AOF already ran: our master's link, or the AOF loader's client (ID -1,
// Redis's CLIENT_ID_AOF).
func mustObeyClient(c *engine.Client) bool {
	return c.ID == -1 || c.Flags&engine.ClientMaster != 0
}

func cmdXadd(c *engine.Ctx) {
	a, idpos := parseAddTrim(c, true)
	if idpos < 0 {
		return
	}
	fieldPos := idpos + 1
	if n := len(c.Args) - fieldPos; n < 2 || n%2 == 1 {
		c.Error("ERR wrong number of arguments for 'xadd' command")
		return
	}
	if a.idGiven && a.seqGiven && a.id.IsZero() {
		c.Error(msgStreamIDZero)
		return
	}
	key := string(c.Args[1])
	s, ok := streamWrite(c, c.Args[1])
	if !ok {
		return
	}
	created := false
	if s == nil {
		if a.noMkstream {
			c.W.Null()
			return
		}
		s, created = keyspace.NewStream(), true
	}
	if s.LastID == keyspace.MaxStreamID {
		c.Error(msgStreamExhausted)
		return
	}
	var given *keyspace.StreamID
	if a.idGiven {
		given = &a.id
	}
	id, err := s.NextID(nowMs(c), given, a.seqGiven)
	if err != nil {
		c.Error(msgStreamIDTooSmall)
		return
	}
	fields := make([][]byte, len(c.Args)-fieldPos)
	for i, f := range c.Args[fieldPos:] {
		fields[i] = append([]byte(nil), f...)
	}
	if err := s.Append(id, fields); err != nil {
		c.Error(msgStreamTooLarge)
		return
	}
	if created {
		c.DB.Set(key, s)
	}
	replyStreamID(c.W, id)
	changed(c, key, keyspace.NotifyStream, "xadd")
	if a.trim.Strategy != keyspace.TrimNone && s.Trim(a.trim) > 0 {
		c.DB.Notify(keyspace.NotifyStream, "xtrim", key)
	}
	c.DB.Ready(key)
}

func xrangeGeneric(c *engine.Ctx, rev bool) {
	startArg, endArg := c.Args[2], c.Args[3]
	if rev {
		startArg, endArg = endArg, startArg
	}
	start, ok := streamStart(c, startArg)
	if !ok {
		return
	}
	end, ok := streamEnd(c, endArg)
	if !ok {
		return
	}
	count := int64(-1)
	for j := 4; j < len(c.Args); j++ {
		if strings.EqualFold(c.Arg(j), "count") && len(c.Args)-j-1 >= 1 {
			n, ok := intArg(c, c.Args[j+1], "")
			if !ok {
				return
			}
			count = max(n, 0)
			j++
		} else {
			c.Error(msgSyntax)
			return
		}
	}
	s, ok := streamRead(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		c.W.Array(0)
		return
	}
	if count == 0 {
		c.W.NullArray()
		return
	}
	if count < 0 {
		count = 0
	}
	replyRange(c, s, start, end, count, rev)
}

// replyRange writes the entries of [start, end] (at most count, 0 for no
// limit) as an array and returns how many it wrote.
func replyRange(c *engine.Ctx, s *keyspace.Stream, start, end keyspace.StreamID, count int64, rev bool) int64 {
	c.W.Defer(resp.KindArray)
	var n int64
	s.Range(start, end, rev, func(id keyspace.StreamID, fields [][]byte) bool {
		replyStreamEntry(c.W, id, fields)
		n++
		return count == 0 || n < count
	})
	c.W.SetLen(resp.KindArray, int(n))
	return n
}

func cmdXrange(c *engine.Ctx)    { xrangeGeneric(c, false) }
func cmdXrevrange(c *engine.Ctx) { xrangeGeneric(c, true) }

func cmdXlen(c *engine.Ctx) {
	s, ok := streamRead(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		c.W.Int(0)
		return
	}
	c.W.Int(s.Len())
}

// cmdXread is XREAD and XREADGROUP.
func cmdXread(c *engine.Ctx) { xreadGeneric(c, false) }

// xreadGeneric runs XREAD/XREADGROUP. retry is set when a blocked client
// re-runs its command after a key became ready: then "nothing to serve"
// writes no reply and returns false so the client stays blocked. It
// returns true when it wrote a reply.
func xreadGeneric(c *engine.Ctx, retry bool) bool {
	args := c.Args
	group := c.Cmd.Name == "xreadgroup"
	timeout := int64(-1)
	var count int64
	streamsArg, streamsCount := 0, 0
	noack := false
	var groupName, consumerName []byte
	for i := 1; i < len(args); i++ {
		more := len(args) - i - 1
		o := string(args[i])
		switch {
		case strings.EqualFold(o, "block") && more > 0:
			if c.C.Flags&engine.ClientScript != 0 {
				// Refused outright from scripts, even where deny-blocking
				// would make BLOCK harmless, as Redis keeps it for Lua.
				c.Error("ERR " + string(args[0]) + " command is not allowed with BLOCK option from scripts")
				return true
			}
			i++
			t, ok := keyspace.ParseInt(args[i])
			if !ok {
				c.Error(msgStreamTimeoutNotInt)
				return true
			}
			if t < 0 {
				c.Error(msgNegativeTimeout)
				return true
			}
			if t > 0 && t > 1<<63-1-nowMs(c) {
				c.Error(msgTimeoutRange)
				return true
			}
			timeout = t
		case strings.EqualFold(o, "count") && more > 0:
			i++
			n, ok := intArg(c, args[i], "")
			if !ok {
				return true
			}
			count = max(n, 0)
		case strings.EqualFold(o, "streams") && more > 0:
			streamsArg = i + 1
			streamsCount = len(args) - streamsArg
			if streamsCount%2 != 0 {
				sym := "$"
				if group {
					sym = ">"
				}
				c.Error("ERR Unbalanced '" + c.Cmd.Name + "' list of streams: for each stream key an ID or '" + sym + "' must be specified.")
				return true
			}
			streamsCount /= 2
			i = len(args)
		case strings.EqualFold(o, "group") && more >= 2:
			if !group {
				c.Error(msgStreamGroupXread)
				return true
			}
			groupName, consumerName = args[i+1], args[i+2]
			i += 2
		case strings.EqualFold(o, "noack"):
			if !group {
				c.Error(msgStreamNoackXread)
				return true
			}
			noack = true
		default:
			c.Error(msgSyntax)
			return true
		}
	}
	if streamsArg == 0 {
		c.Error(msgSyntax)
		return true
	}
	if group && groupName == nil {
		c.Error(msgStreamMissingGroup)
		return true
	}
	ids := make([]keyspace.StreamID, streamsCount)
	groups := make([]*keyspace.StreamGroup, streamsCount)
	for k := 0; k < streamsCount; k++ {
		keyArg := args[streamsArg+k]
		idArg := args[streamsArg+streamsCount+k]
		s, ok := streamRead(c, keyArg)
		if !ok {
			return true
		}
		if groupName != nil {
			var g *keyspace.StreamGroup
			if s != nil {
				g = s.Group(string(groupName))
			}
			if g == nil {
				c.Error("NOGROUP No such key '" + cString(keyArg) + "' or consumer group '" + cString(groupName) + "' in XREADGROUP with GROUP option")
				return true
			}
			groups[k] = g
		}
		switch string(idArg) {
		case "$":
			if group {
				c.Error(msgStreamDollarGroup)
				return true
			}
			if s != nil {
				ids[k] = s.LastID
			}
			continue
		case ">":
			if !group {
				c.Error(msgStreamGtXread)
				return true
			}
			ids[k] = keyspace.MaxStreamID
			continue
		}
		id, ok := streamIDArg(c, idArg, 0, true)
		if !ok {
			return true
		}
		ids[k] = id
	}

	now := nowMs(c)
	served := 0
	for k := 0; k < streamsCount; k++ {
		keyArg := args[streamsArg+k]
		e := c.DB.LookupNoTouch(string(keyArg))
		if e == nil {
			continue
		}
		s := e.Val.(*keyspace.Stream)
		gt := ids[k]
		sync, history := false, false
		var g *keyspace.StreamGroup
		var consumer *keyspace.StreamConsumer
		if group {
			g = groups[k]
			if gt != keyspace.MaxStreamID {
				sync, history = true, true
			} else if s.Len() > 0 {
				if maxID, _ := s.LastValidID(); g.LastID.Less(maxID) {
					sync = true
					gt = g.LastID
				}
			}
			consumer = g.Consumer(string(consumerName))
			if consumer == nil {
				consumer, _ = g.CreateConsumer(string(consumerName), now)
				c.S.KS.Dirty++
				c.DB.Notify(keyspace.NotifyStream, "xgroup-createconsumer", string(keyArg))
			}
			consumer.SeenTime = now
		} else if s.Len() > 0 {
			if maxID, _ := s.LastValidID(); gt.Less(maxID) {
				sync = true
			}
		}
		if !sync {
			continue
		}
		served++
		if served == 1 {
			if c.C.Resp == 2 {
				c.W.Defer(resp.KindArray)
			} else {
				c.W.Defer(resp.KindMap)
			}
		}
		start, _ := gt.Incr()
		if c.C.Resp == 2 {
			c.W.Array(2)
		}
		c.W.Bulk(keyArg)
		switch {
		case history:
			replyConsumerHistory(c, s, consumer, start, count, now)
		case g != nil:
			replyGroupRange(c, s, g, consumer, start, count, noack, now)
		default:
			replyRange(c, s, start, keyspace.MaxStreamID, count, false)
		}
		if group {
			c.S.KS.Dirty++
		}
	}
	if served > 0 {
		if c.C.Resp == 2 {
			c.W.SetLen(resp.KindArray, served)
		} else {
			c.W.SetLen(resp.KindMap, served)
		}
		return true
	}
	if timeout != -1 {
		if retry {
			return false
		}
		if !mayBlock(c) {
			// MULTI/EXEC, scripts, a module's RM_Call without "K":
			// treated as an immediate timeout, as Redis does.
			c.W.NullArray()
			return true
		}
		xreadBlock(c, streamsArg, streamsCount, ids, timeout)
		return true
	}
	c.W.NullArray()
	return true
}

// xreadBlock parks the client until one of its streams gets entries. The
// command is re-run on each signal with "$" replaced by the ID it stood
// for, as Redis re-executes blocked stream reads.
func xreadBlock(c *engine.Ctx, streamsArg, streamsCount int, ids []keyspace.StreamID, timeout int64) {
	args := make([][]byte, len(c.Args))
	for i, a := range c.Args {
		args[i] = append([]byte(nil), a...)
	}
	keys := make([]string, 0, streamsCount)
	for k := 0; k < streamsCount; k++ {
		keys = append(keys, string(args[streamsArg+k]))
		if idx := streamsArg + streamsCount + k; string(args[idx]) == "$" {
			args[idx] = ids[k].Append(nil)
		}
	}
	// XREADGROUP must also wake when its key goes away or changes type:
	// its group went with it.
	b := &engine.Block{Keys: keys, DB: c.DB, Kind: c.Cmd.FullName(), UnblockOnNoKey: c.Cmd.Name == "xreadgroup"}
	if timeout > 0 {
		b.Deadline = time.Now().Add(time.Duration(timeout) * time.Millisecond)
	}
	srv, cl, cmd := c.S, c.C, c.Cmd
	b.TryServe = func(key string) bool {
		// XREAD ignores keys that are not streams (an expired one stays
		// unreclaimed until something else touches it); XREADGROUP re-runs
		// and reports what became of its group.
		if cmd.Name == "xread" {
			if e := b.DB.PeekLive(key); e == nil || e.Val.Kind() != keyspace.KindStream {
				return false
			}
		}
		// The re-run passes the permission checks again, as in Redis: a
		// user whose keys were taken away meanwhile gets NOPERM.
		if msg := aclRecheck(srv, cl, cmd, args); msg != "" {
			return true
		}
		ctx := &engine.Ctx{S: srv, C: cl, Cmd: cmd, Args: args, DB: b.DB, W: cl.W}
		if xreadGeneric(ctx, true) {
			return true
		}
		// The re-run found nothing: like Redis's re-blocked command, the
		// client waits again behind the others.
		srv.Requeue(cl)
		return false
	}
	c.S.BlockClient(c.C, b)
}

// replyGroupRange serves new entries to a consumer (XREADGROUP ">"),
// advancing the group and filling the PELs unless noack.
func replyGroupRange(c *engine.Ctx, s *keyspace.Stream, g *keyspace.StreamGroup, consumer *keyspace.StreamConsumer, start keyspace.StreamID, count int64, noack bool, now int64) {
	c.W.Defer(resp.KindArray)
	var n int64
	s.Range(start, keyspace.MaxStreamID, false, func(id keyspace.StreamID, fields [][]byte) bool {
		s.Delivered(g, id)
		replyStreamEntry(c.W, id, fields)
		if !noack {
			g.Deliver(id, consumer, now)
			consumer.ActiveTime = now
		}
		n++
		return count == 0 || n < count
	})
	c.W.SetLen(resp.KindArray, int(n))
}

// replyConsumerHistory re-delivers a consumer's pending entries from
// start (XREADGROUP with an explicit ID); deleted entries come back with a
// null body.
func replyConsumerHistory(c *engine.Ctx, s *keyspace.Stream, consumer *keyspace.StreamConsumer, start keyspace.StreamID, count, now int64) {
	var list []*keyspace.PendingEntry
	consumer.RangePending(start, func(p *keyspace.PendingEntry) bool {
		list = append(list, p)
		return count == 0 || int64(len(list)) < count
	})
	c.W.Array(len(list))
	for _, p := range list {
		if fields, ok := s.Get(p.ID); ok {
			replyStreamEntry(c.W, p.ID, fields)
			p.DeliveryTime = now
			p.DeliveryCount++
		} else {
			c.W.Array(2)
			replyStreamID(c.W, p.ID)
			c.W.NullArray()
		}
	}
}

func cmdXgroup(c *engine.Ctx) {
	args := c.Args
	opt := strings.ToLower(c.Arg(1))
	mkstream := false
	entriesRead := int64(-1)
	var s *keyspace.Stream
	var g *keyspace.StreamGroup
	var grp string
	if len(args) >= 4 {
		for i := 5; i < len(args); {
			switch {
			case opt == "create" && strings.EqualFold(c.Arg(i), "mkstream"):
				mkstream = true
				i++
			case (opt == "create" || opt == "setid") && strings.EqualFold(c.Arg(i), "entriesread") && i+1 < len(args):
				n, ok := intArg(c, args[i+1], "")
				if !ok {
					return
				}
				if n < 0 && n != -1 {
					c.Error(msgStreamEntriesRead)
					return
				}
				entriesRead = n
				i += 2
			default:
				subSyntaxError(c)
				return
			}
		}
		var ok bool
		if s, ok = streamWrite(c, args[2]); !ok {
			return
		}
		grp = string(args[3])
	}
	if len(args) >= 4 && !mkstream {
		if s == nil {
			c.Error(msgStreamKeyMissing)
			return
		}
		if g = s.Group(grp); g == nil && (opt == "setid" || opt == "createconsumer" || opt == "delconsumer") {
			c.Error("NOGROUP No such consumer group '" + cString(args[3]) + "' for key name '" + cString(args[2]) + "'")
			return
		}
	}
	key := ""
	if len(args) > 2 {
		key = string(args[2])
	}
	switch {
	case len(args) == 2 && opt == "help":
		helpReply(c, []string{
			"CREATE <key> <groupname> <id|$> [option]",
			"    Create a new consumer group. Options are:",
			"    * MKSTREAM",
			"      Create the empty stream if it does not exist.",
			"    * ENTRIESREAD entries_read",
			"      Set the group's entries_read counter (internal use).",
			"CREATECONSUMER <key> <groupname> <consumer>",
			"    Create a new consumer in the specified group.",
			"DELCONSUMER <key> <groupname> <consumer>",
			"    Remove the specified consumer.",
			"DESTROY <key> <groupname>",
			"    Remove the specified group.",
			"SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
			"    Set the current group ID and entries_read counter.",
		})
	case opt == "create" && len(args) >= 5 && len(args) <= 8:
		var id keyspace.StreamID
		if c.Arg(4) == "$" {
			if s != nil {
				id = s.LastID
			}
		} else {
			var ok bool
			if id, ok = streamIDArg(c, args[4], 0, true); !ok {
				return
			}
		}
		if s == nil {
			s = keyspace.NewStream()
			c.DB.Set(key, s)
			c.DB.Modified(key)
		}
		if _, ok := s.CreateGroup(grp, id, entriesRead); !ok {
			c.Error(msgStreamBusyGroup)
			return
		}
		c.W.OK()
		c.S.KS.Dirty++
		c.DB.Notify(keyspace.NotifyStream, "xgroup-create", key)
	case opt == "setid" && (len(args) == 5 || len(args) == 7):
		var id keyspace.StreamID
		if c.Arg(4) == "$" {
			id = s.LastID
		} else {
			var ok bool
			if id, ok = streamIDArg(c, args[4], 0, false); !ok {
				return
			}
		}
		g.LastID = id
		g.EntriesRead = entriesRead
		c.W.OK()
		c.S.KS.Dirty++
		c.DB.Notify(keyspace.NotifyStream, "xgroup-setid", key)
	case opt == "destroy" && len(args) == 4:
		if g == nil {
			c.W.Int(0)
			return
		}
		s.DestroyGroup(grp)
		c.W.Int(1)
		c.S.KS.Dirty++
		c.DB.Notify(keyspace.NotifyStream, "xgroup-destroy", key)
		c.DB.Ready(key)
	case opt == "createconsumer" && len(args) == 5:
		if _, ok := g.CreateConsumer(c.Arg(4), nowMs(c)); !ok {
			c.W.Int(0)
			return
		}
		c.S.KS.Dirty++
		c.DB.Notify(keyspace.NotifyStream, "xgroup-createconsumer", key)
		c.W.Int(1)
	case opt == "delconsumer" && len(args) == 5:
		var pending int
		if cons := g.Consumer(c.Arg(4)); cons != nil {
			pending = g.DeleteConsumer(cons)
			c.S.KS.Dirty++
			c.DB.Notify(keyspace.NotifyStream, "xgroup-delconsumer", key)
		}
		c.W.Int(int64(pending))
	default:
		subSyntaxError(c)
	}
}

func cmdXsetid(c *engine.Ctx) {
	id, ok := streamIDArg(c, c.Args[2], 0, true)
	if !ok {
		return
	}
	entriesAdded := int64(-1)
	var maxDel keyspace.StreamID
	for i := 3; i < len(c.Args); {
		more := len(c.Args) - 1 - i
		switch {
		case strings.EqualFold(c.Arg(i), "entriesadded") && more > 0:
			n, ok := intArg(c, c.Args[i+1], "")
			if !ok {
				return
			}
			if n < 0 {
				c.Error(msgStreamEntriesAdded)
				return
			}
			entriesAdded = n
			i += 2
		case strings.EqualFold(c.Arg(i), "maxdeletedid") && more > 0:
			if maxDel, ok = streamIDArg(c, c.Args[i+1], 0, true); !ok {
				return
			}
			if id.Less(maxDel) {
				c.Error(msgStreamSetidMaxDel)
				return
			}
			i += 2
		default:
			c.Error(msgSyntax)
			return
		}
	}
	s, ok := streamWrite(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		c.Error(msgNoSuchKey)
		return
	}
	if id.Less(s.MaxDeletedID) {
		c.Error(msgStreamSetidCurMaxDel)
		return
	}
	if s.Len() > 0 {
		if maxID, _ := s.LastValidID(); id.Less(maxID) {
			c.Error(msgStreamSetidTop)
			return
		}
		if entriesAdded != -1 && s.Len() > entriesAdded {
			c.Error(msgStreamSetidLength)
			return
		}
	}
	s.LastID = id
	if entriesAdded != -1 {
		s.EntriesAdded = entriesAdded
	}
	if !maxDel.IsZero() {
		s.MaxDeletedID = maxDel
	}
	c.W.OK()
	c.S.KS.Dirty++
	c.DB.Notify(keyspace.NotifyStream, "xsetid", c.Arg(1))
}

// streamGroupOf looks up key and group for XACK-like commands; s or g nil
// means missing. ok is false after a WRONGTYPE reply.
func streamGroupOf(c *engine.Ctx) (s *keyspace.Stream, g *keyspace.StreamGroup, ok bool) {
	if s, ok = streamRead(c, c.Args[1]); !ok || s == nil {
		return s, nil, ok
	}
	return s, s.Group(c.Arg(2)), true
}

func errNoGroup(c *engine.Ctx) {
	c.Error("NOGROUP No such key '" + cString(c.Args[1]) + "' or consumer group '" + cString(c.Args[2]) + "'")
}

func cmdXack(c *engine.Ctx) {
	_, g, ok := streamGroupOf(c)
	if !ok {
		return
	}
	if g == nil {
		c.W.Int(0)
		return
	}
	ids := make([]keyspace.StreamID, 0, len(c.Args)-3)
	for _, a := range c.Args[3:] {
		id, ok := streamIDArg(c, a, 0, true)
		if !ok {
			return
		}
		ids = append(ids, id)
	}
	n := 0
	for _, id := range ids {
		if g.Ack(id) {
			n++
			c.S.KS.Dirty++
		}
	}
	c.W.Int(int64(n))
}

func cmdXpending(c *engine.Ctx) {
	args := c.Args
	justInfo := len(args) == 3
	var start, end keyspace.StreamID
	var count, minIdle int64
	var consumerName []byte
	if len(args) != 3 && (len(args) < 6 || len(args) > 9) {
		c.Error(msgSyntax)
		return
	}
	if len(args) >= 6 {
		startIdx := 3
		if strings.EqualFold(c.Arg(3), "idle") {
			n, ok := intArg(c, args[4], "")
			if !ok {
				return
			}
			minIdle = n
			if len(args) < 8 {
				c.Error(msgSyntax)
				return
			}
			startIdx += 2
		}
		n, ok := intArg(c, args[startIdx+2], "")
		if !ok {
			return
		}
		count = max(n, 0)
		if start, ok = streamStart(c, args[startIdx]); !ok {
			return
		}
		if end, ok = streamEnd(c, args[startIdx+1]); !ok {
			return
		}
		if startIdx+3 < len(args) {
			consumerName = args[startIdx+3]
		}
	}
	_, g, ok := streamGroupOf(c)
	if !ok {
		return
	}
	if g == nil {
		errNoGroup(c)
		return
	}
	if justInfo {
		c.W.Array(4)
		c.W.Int(int64(g.PendingLen()))
		lo, hi, any := g.PendingBounds()
		if !any {
			c.W.Null()
			c.W.Null()
			c.W.NullArray()
			return
		}
		replyStreamID(c.W, lo)
		replyStreamID(c.W, hi)
		var holders []*keyspace.StreamConsumer
		for _, cons := range g.Consumers() {
			if cons.PendingLen() > 0 {
				holders = append(holders, cons)
			}
		}
		c.W.Array(len(holders))
		for _, cons := range holders {
			c.W.Array(2)
			c.W.BulkString(cons.Name)
			c.W.BulkInt(int64(cons.PendingLen()))
		}
		return
	}
	var visit func(start keyspace.StreamID, fn func(p *keyspace.PendingEntry) bool)
	if consumerName != nil {
		cons := g.Consumer(string(consumerName))
		if cons == nil {
			c.W.Array(0)
			return
		}
		visit = cons.RangePending
	} else {
		visit = g.RangePending
	}
	now := nowMs(c)
	c.W.Defer(resp.KindArray)
	n := 0
	if count > 0 {
		visit(start, func(p *keyspace.PendingEntry) bool {
			if end.Less(p.ID) {
				return false
			}
			if minIdle != 0 && now-p.DeliveryTime < minIdle {
				return true
			}
			n++
			count--
			c.W.Array(4)
			replyStreamID(c.W, p.ID)
			c.W.BulkString(p.Consumer.Name)
			c.W.Int(max(now-p.DeliveryTime, 0))
			c.W.Int(p.DeliveryCount)
			return count > 0
		})
	}
	c.W.SetLen(resp.KindArray, n)
}

// streamConsumerFor returns the named consumer, creating it (with its
// event) when missing, and marks it seen.
func streamConsumerFor(c *engine.Ctx, g *keyspace.StreamGroup, name string, now int64) *keyspace.StreamConsumer {
	cons := g.Consumer(name)
	if cons == nil {
		cons, _ = g.CreateConsumer(name, now)
		c.S.KS.Dirty++
		c.DB.Notify(keyspace.NotifyStream, "xgroup-createconsumer", c.Arg(1))
	}
	cons.SeenTime = now
	return cons
}

func cmdXclaim(c *engine.Ctx) {
	s, g, ok := streamGroupOf(c)
	if !ok {
		return
	}
	if g == nil {
		errNoGroup(c)
		return
	}
	minIdle, ok := intArg(c, c.Args[4], msgStreamClaimMinIdle)
	if !ok {
		return
	}
	minIdle = max(minIdle, 0)
	var ids []keyspace.StreamID
	j := 5
	for ; j < len(c.Args); j++ {
		id, _, ok := keyspace.ParseStreamID(c.Args[j], 0, true, false)
		if !ok {
			break
		}
		ids = append(ids, id)
	}
	now := nowMs(c)
	var lastID keyspace.StreamID
	retry, delivery := int64(-1), int64(-1)
	force, justID := false, false
	for ; j < len(c.Args); j++ {
		more := len(c.Args) - 1 - j
		opt := c.Arg(j)
		switch {
		case strings.EqualFold(opt, "force"):
			force = true
		case strings.EqualFold(opt, "justid"):
			justID = true
		case strings.EqualFold(opt, "idle") && more > 0:
			j++
			v, ok := intArg(c, c.Args[j], msgStreamClaimIdle)
			if !ok {
				return
			}
			delivery = now - v
		case strings.EqualFold(opt, "time") && more > 0:
			j++
			v, ok := intArg(c, c.Args[j], msgStreamClaimTime)
			if !ok {
				return
			}
			delivery = v
		case strings.EqualFold(opt, "retrycount") && more > 0:
			j++
			v, ok := intArg(c, c.Args[j], msgStreamClaimRetry)
			if !ok {
				return
			}
			retry = v
		case strings.EqualFold(opt, "lastid") && more > 0:
			j++
			if lastID, ok = streamIDArg(c, c.Args[j], 0, true); !ok {
				return
			}
		default:
			c.Error("ERR Unrecognized XCLAIM option '" + cString(c.Args[j]) + "'")
			return
		}
	}
	if g.LastID.Less(lastID) {
		g.LastID = lastID
	}
	if delivery == -1 || delivery < 0 || delivery > now {
		delivery = now
	}
	cons := streamConsumerFor(c, g, c.Arg(3), now)
	c.W.Defer(resp.KindArray)
	n := 0
	for _, id := range ids {
		p := g.Pending(id)
		fields, exists := s.Get(id)
		if !exists {
			if p != nil {
				g.Ack(id)
				c.S.KS.Dirty++
			}
			continue
		}
		if force && p == nil {
			p = g.AddPending(id, now)
		}
		if p == nil {
			continue
		}
		if p.Consumer != nil && minIdle != 0 && now-p.DeliveryTime < minIdle {
			continue
		}
		g.Claim(p, cons)
		p.DeliveryTime = delivery
		if retry >= 0 {
			p.DeliveryCount = retry
		} else if !justID {
			p.DeliveryCount++
		}
		if justID {
			replyStreamID(c.W, id)
		} else {
			replyStreamEntry(c.W, id, fields)
		}
		n++
		cons.ActiveTime = now
		c.S.KS.Dirty++
	}
	c.W.SetLen(resp.KindArray, n)
}

func cmdXautoclaim(c *engine.Ctx) {
	minIdle, ok := intArg(c, c.Args[4], msgStreamAutoMinIdle)
	if !ok {
		return
	}
	minIdle = max(minIdle, 0)
	start, ok := streamStart(c, c.Args[5])
	if !ok {
		return
	}
	count := int64(100)
	justID := false
	for j := 6; j < len(c.Args); j++ {
		more := len(c.Args) - 1 - j
		switch {
		case strings.EqualFold(c.Arg(j), "count") && more > 0:
			n, ok := intArgRange(c, c.Args[j+1], 1, (1<<63-1)/16, msgStreamAutoCount)
			if !ok {
				return
			}
			count = n
			j++
		case strings.EqualFold(c.Arg(j), "justid"):
			justID = true
		default:
			c.Error(msgSyntax)
			return
		}
	}
	s, g, ok := streamGroupOf(c)
	if !ok {
		return
	}
	if g == nil {
		errNoGroup(c)
		return
	}
	now := nowMs(c)
	cons := streamConsumerFor(c, g, c.Arg(3), now)
	attempts := count * 10
	type claimed struct {
		id     keyspace.StreamID
		fields [][]byte
	}
	var got []claimed
	var deleted []keyspace.StreamID
	// endID is the first entry left unvisited, 0-0 when the PEL ran out.
	var endID keyspace.StreamID
	g.RangePending(start, func(p *keyspace.PendingEntry) bool {
		if attempts == 0 || count == 0 {
			endID = p.ID
			return false
		}
		attempts--
		fields, exists := s.Get(p.ID)
		if !exists {
			g.Ack(p.ID)
			c.S.KS.Dirty++
			deleted = append(deleted, p.ID)
			count--
			return true
		}
		if minIdle != 0 && now-p.DeliveryTime < minIdle {
			return true
		}
		g.Claim(p, cons)
		p.DeliveryTime = now
		if !justID {
			p.DeliveryCount++
		}
		got = append(got, claimed{p.ID, fields})
		count--
		cons.ActiveTime = now
		c.S.KS.Dirty++
		return true
	})
	c.W.Array(3)
	replyStreamID(c.W, endID)
	c.W.Array(len(got))
	for _, e := range got {
		if justID {
			replyStreamID(c.W, e.id)
		} else {
			replyStreamEntry(c.W, e.id, e.fields)
		}
	}
	c.W.Array(len(deleted))
	for _, id := range deleted {
		replyStreamID(c.W, id)
	}
}

func cmdXdel(c *engine.Ctx) {
	s, ok := streamWrite(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		c.W.Int(0)
		return
	}
	ids := make([]keyspace.StreamID, 0, len(c.Args)-2)
	for _, a := range c.Args[2:] {
		id, ok := streamIDArg(c, a, 0, true)
		if !ok {
			return
		}
		ids = append(ids, id)
	}
	n := 0
	for _, id := range ids {
		if s.Delete(id) {
			n++
		}
	}
	if n > 0 {
		key := c.Arg(1)
		c.DB.Modified(key)
		c.DB.Notify(keyspace.NotifyStream, "xdel", key)
		c.S.KS.Dirty += int64(n)
	}
	c.W.Int(int64(n))
}

func cmdXtrim(c *engine.Ctx) {
	a, pos := parseAddTrim(c, false)
	if pos < 0 {
		return
	}
	s, ok := streamWrite(c, c.Args[1])
	if !ok {
		return
	}
	if s == nil {
		c.W.Int(0)
		return
	}
	n := s.Trim(a.trim)
	if n > 0 {
		key := c.Arg(1)
		c.DB.Notify(keyspace.NotifyStream, "xtrim", key)
		c.DB.Modified(key)
		c.S.KS.Dirty += n
	}
	c.W.Int(n)
}

func cmdXinfo(c *engine.Ctx) {
	if strings.EqualFold(c.Arg(1), "help") {
		helpReply(c, []string{
			"CONSUMERS <key> <groupname>",
			"    Show consumers of <groupname>.",
			"GROUPS <key>",
			"    Show the stream consumer groups.",
			"STREAM <key> [FULL [COUNT <count>]",
			"    Show information about the stream.",
		})
		return
	}
	opt := strings.ToLower(c.Arg(1))
	e, ok := lookupKind(c, c.Args[2], keyspace.KindStream)
	if !ok {
		return
	}
	if e == nil {
		c.Error(msgNoSuchKey)
		return
	}
	s := e.Val.(*keyspace.Stream)
	now := nowMs(c)
	switch {
	case opt == "consumers" && len(c.Args) == 4:
		g := s.Group(c.Arg(3))
		if g == nil {
			c.Error("NOGROUP No such consumer group '" + cString(c.Args[3]) + "' for key name '" + cString(c.Args[2]) + "'")
			return
		}
		list := g.Consumers()
		c.W.Array(len(list))
		for _, cons := range list {
			inactive := cons.ActiveTime
			if inactive != -1 {
				inactive = now - cons.ActiveTime
			}
			c.W.Map(4)
			c.W.BulkString("name")
			c.W.BulkString(cons.Name)
			c.W.BulkString("pending")
			c.W.Int(int64(cons.PendingLen()))
			c.W.BulkString("idle")
			c.W.Int(max(now-cons.SeenTime, 0))
			c.W.BulkString("inactive")
			c.W.Int(inactive)
		}
	case opt == "groups" && len(c.Args) == 3:
		list := s.Groups()
		c.W.Array(len(list))
		for _, g := range list {
			c.W.Map(6)
			c.W.BulkString("name")
			c.W.BulkString(g.Name)
			c.W.BulkString("consumers")
			c.W.Int(int64(g.ConsumerCount()))
			c.W.BulkString("pending")
			c.W.Int(int64(g.PendingLen()))
			c.W.BulkString("last-delivered-id")
			replyStreamID(c.W, g.LastID)
			replyGroupCounters(c, s, g)
		}
	case opt == "stream":
		xinfoStream(c, s)
	default:
		subSyntaxError(c)
	}
}

// replyGroupCounters writes the entries-read and lag fields of a group.
func replyGroupCounters(c *engine.Ctx, s *keyspace.Stream, g *keyspace.StreamGroup) {
	c.W.BulkString("entries-read")
	if g.EntriesRead != -1 {
		c.W.Int(g.EntriesRead)
	} else {
		c.W.Null()
	}
	c.W.BulkString("lag")
	if lag, ok := s.Lag(g); ok {
		c.W.Int(lag)
	} else {
		c.W.Null()
	}
}

func xinfoStream(c *engine.Ctx, s *keyspace.Stream) {
	opts := c.Args[3:]
	full := len(opts) > 0
	count := int64(10)
	if full {
		if len(opts) != 1 && len(opts) != 3 {
			subSyntaxError(c)
			return
		}
		if !strings.EqualFold(string(opts[0]), "full") {
			subSyntaxError(c)
			return
		}
		if len(opts) == 3 {
			if !strings.EqualFold(string(opts[1]), "count") {
				subSyntaxError(c)
				return
			}
			n, ok := intArg(c, opts[2], "")
			if !ok {
				return
			}
			count = n
			if count < 0 {
				count = 10
			}
		}
	}
	if full {
		c.W.Map(9)
	} else {
		c.W.Map(10)
	}
	c.W.BulkString("length")
	c.W.Int(s.Len())
	c.W.BulkString("radix-tree-keys")
	c.W.Int(int64(s.RadixKeys()))
	c.W.BulkString("radix-tree-nodes")
	c.W.Int(int64(s.RadixNodes()))
	c.W.BulkString("last-generated-id")
	replyStreamID(c.W, s.LastID)
	c.W.BulkString("max-deleted-entry-id")
	replyStreamID(c.W, s.MaxDeletedID)
	c.W.BulkString("entries-added")
	c.W.Int(s.EntriesAdded)
	c.W.BulkString("recorded-first-entry-id")
	replyStreamID(c.W, s.FirstID)
	if !full {
		c.W.BulkString("groups")
		c.W.Int(int64(s.GroupCount()))
		for _, rev := range []bool{false, true} {
			if rev {
				c.W.BulkString("last-entry")
			} else {
				c.W.BulkString("first-entry")
			}
			found := false
			s.Range(keyspace.StreamID{}, keyspace.MaxStreamID, rev, func(id keyspace.StreamID, fields [][]byte) bool {
				replyStreamEntry(c.W, id, fields)
				found = true
				return false
			})
			if !found {
				c.W.Null()
			}
		}
		return
	}
	c.W.BulkString("entries")
	replyRange(c, s, keyspace.StreamID{}, keyspace.MaxStreamID, count, false)
	c.W.BulkString("groups")
	list := s.Groups()
	c.W.Array(len(list))
	for _, g := range list {
		c.W.Map(7)
		c.W.BulkString("name")
		c.W.BulkString(g.Name)
		c.W.BulkString("last-delivered-id")
		replyStreamID(c.W, g.LastID)
		replyGroupCounters(c, s, g)
		c.W.BulkString("pel-count")
		c.W.Int(int64(g.PendingLen()))
		c.W.BulkString("pending")
		c.W.Defer(resp.KindArray)
		n := int64(0)
		g.RangePending(keyspace.StreamID{}, func(p *keyspace.PendingEntry) bool {
			if count != 0 && n >= count {
				return false
			}
			c.W.Array(4)
			replyStreamID(c.W, p.ID)
			c.W.BulkString(p.Consumer.Name)
			c.W.Int(p.DeliveryTime)
			c.W.Int(p.DeliveryCount)
			n++
			return true
		})
		c.W.SetLen(resp.KindArray, int(n))
		c.W.BulkString("consumers")
		conss := g.Consumers()
		c.W.Array(len(conss))
		for _, cons := range conss {
			c.W.Map(5)
			c.W.BulkString("name")
			c.W.BulkString(cons.Name)
			c.W.BulkString("seen-time")
			c.W.Int(cons.SeenTime)
			c.W.BulkString("active-time")
			c.W.Int(cons.ActiveTime)
			c.W.BulkString("pel-count")
			c.W.Int(int64(cons.PendingLen()))
			c.W.BulkString("pending")
			c.W.Defer(resp.KindArray)
			n := int64(0)
			cons.RangePending(keyspace.StreamID{}, func(p *keyspace.PendingEntry) bool {
				if count != 0 && n >= count {
					return false
				}
				c.W.Array(3)
				replyStreamID(c.W, p.ID)
				c.W.Int(p.DeliveryTime)
				c.W.Int(p.DeliveryCount)
				n++
				return true
			})
			c.W.SetLen(resp.KindArray, int(n))
		}
	}
}
