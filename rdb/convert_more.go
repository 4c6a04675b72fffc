package rdb

import "modhost/keyspace"

// convertMore handles the value types whose keyspace forms are still being
// written (sets, sorted sets, streams).
func convertMore(obj any) (keyspace.Value, error) { return nil, errUnsupported(obj) }

func fromMore(v keyspace.Value) (any, error) { return nil, errUnsupported(v) }
