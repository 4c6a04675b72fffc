package resp

import "strconv"

// AppendCommand appends args encoded as a RESP multi-bulk command, the
// form of the AOF and of the replication stream.
func AppendCommand(b []byte, args [][]byte) []byte {
	b = append(b, '*')
	b = strconv.AppendInt(b, int64(len(args)), 10)
	b = append(b, '\r', '\n')
	for _, x := range args {
		b = append(b, '$')
		b = strconv.AppendInt(b, int64(len(x)), 10)
		b = append(b, '\r', '\n')
		b = append(b, x...)
		b = append(b, '\r', '\n')
	}
	return b
}
