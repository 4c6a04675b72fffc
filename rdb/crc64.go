package rdb

import "hash/crc64"

// Redis checksums files and DUMP payloads with CRC-64 over the Jones
// polynomial, bit-reflected, starting from 0 with no final inversion.
// Go's crc64 package inverts before and after, so we undo both.
var jonesTable = crc64.MakeTable(0x95ac9329ac4bc9b5)

// CRC64 continues Redis's checksum crc over p.
func CRC64(crc uint64, p []byte) uint64 {
	return ^crc64.Update(^crc, jonesTable, p)
}
