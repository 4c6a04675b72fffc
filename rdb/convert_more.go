package rdb

import (
	"math"

	"modhost/keyspace"
)

// convertMore builds sets, sorted sets and streams, picking encodings the
// way Redis does when it loads them.
func convertMore(obj any) (keyspace.Value, error) {
	switch o := obj.(type) {
	case *Set:
		s := keyspace.NewSetFor(o.Members[0], len(o.Members))
		for _, m := range o.Members {
			s.Add(m)
		}
		return s, nil
	case *ZSet:
		maxLen := 0
		for _, m := range o.Members {
			maxLen = max(maxLen, len(m.Member))
		}
		z := keyspace.NewZSetFor(len(o.Members), maxLen)
		for _, m := range o.Members {
			z.Set(m.Member, m.Score)
		}
		return z, nil
	case *Stream:
		return toStream(o)
	}
	return nil, errUnsupported(obj)
}

func ksID(id StreamID) keyspace.StreamID { return keyspace.StreamID{Ms: id.Ms, Seq: id.Seq} }

func toStream(o *Stream) (keyspace.Value, error) {
	s := keyspace.NewStream()
	for _, e := range o.Entries {
		if err := s.Append(ksID(e.ID), e.Fields); err != nil {
			return nil, err
		}
	}
	s.LastID = ksID(o.LastID)
	s.FirstID = ksID(o.FirstID)
	if len(o.Entries) == 0 {
		s.FirstID = keyspace.StreamID{}
	}
	s.MaxDeletedID = ksID(o.MaxDeletedID)
	s.EntriesAdded = int64(o.EntriesAdded)
	for _, g := range o.Groups {
		read := g.EntriesRead
		switch {
		case read == legacyEntriesRead:
			read = s.EstimateReadCount(ksID(g.LastID))
		case read < 0:
			read = -1
		}
		kg, ok := s.CreateGroup(g.Name, ksID(g.LastID), read)
		if !ok {
			return nil, errUnsupported(g)
		}
		cons := map[string]*keyspace.StreamConsumer{}
		for _, c := range g.Consumers {
			kc, _ := kg.CreateConsumer(c.Name, c.SeenTime)
			kc.ActiveTime = c.ActiveTime
			cons[c.Name] = kc
		}
		for _, n := range g.PEL {
			var p *keyspace.PendingEntry
			if c := cons[n.Consumer]; c != nil {
				p = kg.Deliver(ksID(n.ID), c, n.DeliveryTime)
			} else {
				p = kg.AddPending(ksID(n.ID), n.DeliveryTime)
			}
			p.DeliveryCount = int64(min(n.DeliveryCount, math.MaxInt64))
		}
	}
	return s, nil
}

func fromMore(v keyspace.Value) (any, error) {
	switch o := v.(type) {
	case *keyspace.Set:
		return &Set{Members: o.Members(), Encoding: o.Encoding()}, nil
	case *keyspace.ZSet:
		z := &ZSet{Members: make([]ZMember, 0, o.Len()), Encoding: o.Encoding()}
		o.Range(func(m []byte, sc float64) bool {
			z.Members = append(z.Members, ZMember{m, sc})
			return true
		})
		return z, nil
	case *keyspace.Stream:
		return fromStream(o), nil
	}
	return nil, errUnsupported(v)
}

func fromStream(s *keyspace.Stream) *Stream {
	out := &Stream{
		Length:       uint64(s.Len()),
		LastID:       StreamID{s.LastID.Ms, s.LastID.Seq},
		FirstID:      StreamID{s.FirstID.Ms, s.FirstID.Seq},
		MaxDeletedID: StreamID{s.MaxDeletedID.Ms, s.MaxDeletedID.Seq},
		EntriesAdded: uint64(s.EntriesAdded),
	}
	maxID := keyspace.StreamID{Ms: math.MaxUint64, Seq: math.MaxUint64}
	s.Range(keyspace.StreamID{}, maxID, false, func(id keyspace.StreamID, fields [][]byte) bool {
		out.Entries = append(out.Entries, StreamEntry{StreamID{id.Ms, id.Seq}, fields})
		return true
	})
	for _, g := range s.Groups() {
		rg := StreamGroup{Name: g.Name, LastID: StreamID{g.LastID.Ms, g.LastID.Seq}, EntriesRead: g.EntriesRead}
		g.RangePending(keyspace.StreamID{}, func(p *keyspace.PendingEntry) bool {
			n := StreamNACK{ID: StreamID{p.ID.Ms, p.ID.Seq}, DeliveryTime: p.DeliveryTime, DeliveryCount: uint64(p.DeliveryCount)}
			if p.Consumer != nil {
				n.Consumer = p.Consumer.Name
			}
			rg.PEL = append(rg.PEL, n)
			return true
		})
		for _, c := range g.Consumers() {
			rc := StreamConsumer{Name: c.Name, SeenTime: c.SeenTime, ActiveTime: c.ActiveTime}
			c.RangePending(keyspace.StreamID{}, func(p *keyspace.PendingEntry) bool {
				rc.PEL = append(rc.PEL, StreamID{p.ID.Ms, p.ID.Seq})
				return true
			})
			rg.Consumers = append(rg.Consumers, rc)
		}
		out.Groups = append(out.Groups, rg)
	}
	return out
}
