package aof

import (
	"fmt"
	"strconv"

	"modhost/keyspace"
)

// ModuleRewriter runs a module value's aof_rewrite callback (the module
// layer implements it).
type ModuleRewriter interface {
	RewriteAOF(v *keyspace.ModuleValue, key string, emit func(args [][]byte)) error
}

// rewriteItems is how many elements one rebuilt command carries at most
// (AOF_REWRITE_ITEMS_PER_CMD).
const rewriteItems = 64

// encodeCommands is the aof-use-rdb-preamble no base: the dataset as the
// commands that rebuild it. Lock held.
func encodeCommands(ks *keyspace.Keyspace, mods ModuleRewriter) ([]byte, error) {
	var b []byte
	var err error
	bs := func(s string) []byte { return []byte(s) }
	for _, db := range ks.DBs {
		if db.Len() == 0 {
			continue
		}
		b = appendCommand(b, [][]byte{bs("SELECT"), bs(strconv.Itoa(db.ID))})
		db.Range(func(key string, e *keyspace.Entry) bool {
			k := bs(key)
			batch := func(cmd string, items [][]byte, per int) {
				for len(items) > 0 {
					n := min(len(items), rewriteItems*per)
					args := append([][]byte{bs(cmd), k}, items[:n]...)
					b = appendCommand(b, args)
					items = items[n:]
				}
			}
			switch v := e.Val.(type) {
			case *keyspace.String:
				b = appendCommand(b, [][]byte{bs("SET"), k, v.B})
			case *keyspace.List:
				var items [][]byte
				v.Range(0, v.Len()-1, func(_ int, x []byte) bool { items = append(items, x); return true })
				batch("RPUSH", items, 1)
			case *keyspace.Set:
				var items [][]byte
				v.Range(func(x []byte) bool { items = append(items, x); return true })
				batch("SADD", items, 1)
			case *keyspace.Hash:
				var items [][]byte
				v.Range(func(f, x []byte) bool { items = append(items, f, x); return true })
				batch("HMSET", items, 2)
			case *keyspace.ZSet:
				var items [][]byte
				v.Range(func(m []byte, s float64) bool {
					items = append(items, strconv.AppendFloat(nil, s, 'g', 17, 64), m)
					return true
				})
				batch("ZADD", items, 2)
			case *keyspace.Stream:
				b = rewriteStream(b, k, v)
			case *keyspace.ModuleValue:
				if mods == nil {
					err = fmt.Errorf("no module layer for key %s", key)
					return false
				}
				if rerr := mods.RewriteAOF(v, key, func(args [][]byte) { b = appendCommand(b, args) }); rerr != nil {
					err = rerr
					return false
				}
			default:
				err = fmt.Errorf("can't rewrite a %T value as commands", v)
				return false
			}
			if e.Expire != 0 {
				b = appendCommand(b, [][]byte{bs("PEXPIREAT"), k, bs(strconv.FormatInt(e.Expire, 10))})
			}
			return true
		})
		if err != nil {
			return nil, err
		}
	}
	return b, nil
}

// rewriteStream emits the commands that rebuild a stream the way Redis's
// rewrite does: XADD per entry (or the XADD MAXLEN 0 trick for an empty
// stream), XSETID with the last ID, entries-added counter and max deleted
// ID, then per group XGROUP CREATE with ENTRIESREAD, an XCLAIM ... JUSTID
// FORCE per pending entry of each consumer and XGROUP CREATECONSUMER for
// consumers without any.
func rewriteStream(b []byte, k []byte, s *keyspace.Stream) []byte {
	bs := func(x string) []byte { return []byte(x) }
	id := func(x keyspace.StreamID) []byte { return x.Append(nil) }
	num := func(n int64) []byte { return strconv.AppendInt(nil, n, 10) }
	if s.Len() > 0 {
		s.Range(keyspace.StreamID{}, keyspace.MaxStreamID, false, func(x keyspace.StreamID, fields [][]byte) bool {
			args := append([][]byte{bs("XADD"), k, id(x)}, fields...)
			b = appendCommand(b, args)
			return true
		})
	} else {
		b = appendCommand(b, [][]byte{bs("XADD"), k, bs("MAXLEN"), bs("0"), bs("0-1"), bs("x"), bs("y")})
	}
	b = appendCommand(b, [][]byte{bs("XSETID"), k, id(s.LastID), bs("ENTRIESADDED"), num(s.EntriesAdded),
		bs("MAXDELETEDID"), id(s.MaxDeletedID)})
	for _, g := range s.Groups() {
		gn := bs(g.Name)
		b = appendCommand(b, [][]byte{bs("XGROUP"), bs("CREATE"), k, gn, id(g.LastID), bs("ENTRIESREAD"), num(g.EntriesRead)})
		for _, c := range g.Consumers() {
			cn := bs(c.Name)
			if c.PendingLen() == 0 {
				b = appendCommand(b, [][]byte{bs("XGROUP"), bs("CREATECONSUMER"), k, gn, cn})
				continue
			}
			c.RangePending(keyspace.StreamID{}, func(p *keyspace.PendingEntry) bool {
				b = appendCommand(b, [][]byte{bs("XCLAIM"), k, gn, cn, bs("0"), id(p.ID), bs("TIME"), num(p.DeliveryTime),
					bs("RETRYCOUNT"), num(p.DeliveryCount), bs("JUSTID"), bs("FORCE")})
				return true
			})
		}
	}
	return b
}
