package rdb

import "testing"

func TestCRC64CheckValue(t *testing.T) {
	if got := CRC64(0, []byte("123456789")); got != 0xe9c6d914c4b8d9ca {
		t.Fatalf("crc64(123456789) = %#x", got)
	}
	// Incremental updates agree with one pass.
	if a, b := CRC64(CRC64(0, []byte("1234")), []byte("56789")), CRC64(0, []byte("123456789")); a != b {
		t.Fatalf("incremental %#x != %#x", a, b)
	}
}
