package rdb

import (
	"fmt"

	"modhost/keyspace"
)

// toValue turns a decoded object into the keyspace value that holds it.
func toValue(obj any) (keyspace.Value, error) {
	switch o := obj.(type) {
	case []byte:
		return &keyspace.String{B: o}, nil
	case *keyspace.ModuleValue:
		return o, nil
	case *List:
		l := keyspace.NewList()
		l.Push(o.Elems, false)
		return l, nil
	case *Hash:
		h := keyspace.NewHash()
		h.BeforeSet(o.Pairs)
		for i := 0; i+1 < len(o.Pairs); i += 2 {
			h.Set(o.Pairs[i], o.Pairs[i+1])
		}
		return h, nil
	}
	return convertMore(obj)
}

// fromValue turns a keyspace value into the form the encoder writes.
// Module values become ModuleBlob through mods.
func fromValue(v keyspace.Value) (any, error) {
	switch o := v.(type) {
	case *keyspace.String:
		return o.B, nil
	case *keyspace.List:
		l := &List{Elems: make([][]byte, 0, o.Len())}
		o.Range(0, o.Len()-1, func(_ int, b []byte) bool {
			l.Elems = append(l.Elems, b)
			return true
		})
		return l, nil
	case *keyspace.Hash:
		h := &Hash{Pairs: make([][]byte, 0, 2*o.Len()), Encoding: o.Encoding()}
		o.Range(func(f, val []byte) bool {
			h.Pairs = append(h.Pairs, f, val)
			return true
		})
		return h, nil
	}
	return fromMore(v)
}

func errUnsupported(x any) error { return fmt.Errorf("unsupported value type %T", x) }
