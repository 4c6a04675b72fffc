package rdb

import (
	"encoding/binary"

	"modhost/keyspace"
)

// Dump serialises one value as DUMP does: the RDB type byte and body, the
// RDB version (2 bytes LE) and a CRC64 of everything before it (8 bytes
// LE). Must run under the execution lock (module rdb_save).
func Dump(v keyspace.Value, mods Modules, key string, db int, compress bool) ([]byte, error) {
	e := &encoder{compress: compress}
	e.u8(0)
	t, err := e.value(v, mods, key, db)
	if err != nil {
		return nil, err
	}
	e.b[0] = t
	return sealPayload(e.b), nil
}

func sealPayload(b []byte) []byte {
	b = binary.LittleEndian.AppendUint16(b, Version)
	return binary.LittleEndian.AppendUint64(b, CRC64(0, b))
}

// VerifyPayload checks a DUMP payload's footer: an RDB version this
// reader understands and, unless skipCRC, a matching checksum.
func VerifyPayload(p []byte, skipCRC bool) bool {
	if len(p) < 10 {
		return false
	}
	footer := p[len(p)-10:]
	if binary.LittleEndian.Uint16(footer) > MaxReadVersion {
		return false
	}
	if skipCRC {
		return true
	}
	return CRC64(0, p[:len(p)-8]) == binary.LittleEndian.Uint64(footer[2:])
}

// Restore decodes a verified DUMP payload into a new value. Any failure
// is reported as an error (RESTORE answers "Bad data format").
func Restore(p []byte, mods Modules, key string, db int) (v keyspace.Value, err error) {
	if len(p) < 10 {
		return nil, &Error{Msg: "payload too short", Corrupt: true}
	}
	d := &decoder{b: p[:len(p)-10], ver: int(binary.LittleEndian.Uint16(p[len(p)-10:]))}
	defer catch(&err)
	t := int(d.u8())
	if t >= opFunction2 {
		d.corrupt("Unknown RDB encoding type %d", t)
	}
	obj := d.object(t, key, db, mods)
	v, err = toValue(obj)
	if err != nil {
		freeValue(obj)
		return nil, err
	}
	return v, nil
}
