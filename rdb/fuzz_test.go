package rdb

import (
	"encoding/hex"
	"strings"
	"testing"

	"modhost/keyspace"
)

func seedImage(t testing.TB) []byte {
	ks := keyspace.New(16)
	populate(t, ks)
	data, err := Encode(ks, SaveOptions{Compress: true, Checksum: true})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// FuzzLoad feeds arbitrary bytes to the file loader and the RESTORE
// decoder: both must return an error or succeed, never panic. In unit
// mode (plain go test) it runs over the seed corpus only.
func FuzzLoad(f *testing.F) {
	img := seedImage(f)
	f.Add(img)
	f.Add(img[:len(img)/2])
	f.Add([]byte("REDIS0011\xff"))
	for _, fx := range fixtures {
		p, _ := hex.DecodeString(fx.hex)
		f.Add(p)
		f.Add(append([]byte("REDIS0010\xfe\x00\x00\x01k"), p[1:len(p)-10]...))
	}
	// An image with a module value and aux data, for the module paths.
	typ := newGoType("mh-test01")
	mks := keyspace.New(16)
	mks.DBs[0].Set("m", typ.add(&goVal{u: 1, i: -1, f: 2, d: 3, s: []byte("s")}))
	if mimg, err := Encode(mks, SaveOptions{Modules: &goModules{types: []*goType{typ}}, Checksum: true}); err == nil {
		f.Add(mimg)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ks := keyspace.New(16)
		_, _ = Load(data, ks, LoadOptions{SkipChecksum: true})
		mods := &goModules{types: []*goType{newGoType("mh-test01")}}
		_, _ = Load(data, keyspace.New(16), LoadOptions{SkipChecksum: true, Modules: mods})
		_, _ = Restore(data, mods, "k", 0)
		_, _ = Restore(data, nil, "k", 0)
		if len(data) > 0 {
			body := append([]byte{data[0] % 22}, data[1:]...)
			_, _ = Restore(append(body, make([]byte, 10)...), nil, "k", 0)
		}
	})
}

// TestCorruptFiles checks Redis's messages for damaged files and that
// every truncation of a valid image fails cleanly.
func TestCorruptFiles(t *testing.T) {
	img := seedImage(t)
	for n := 0; n < len(img); n += 1 + n/64 {
		_, err := Load(img[:n], keyspace.New(16), LoadOptions{})
		if err == nil {
			t.Fatalf("truncated image of %d bytes loaded", n)
		}
	}
	cases := []struct {
		data []byte
		want string
	}{
		{[]byte("RODIS0010"), "Wrong signature trying to load DB from file"},
		{[]byte("REDIS0012\xff"), "Can't handle RDB format version 12"},
		{[]byte("REDIS0000\xff"), "Can't handle RDB format version 0"},
		{[]byte("REDIS0010\xfe"), "Unexpected EOF reading RDB file"},
		{[]byte("REDIS0010\xfe\x20"), "FATAL: Data file was created with a Redis server configured to handle more than 16 databases. Exiting\n"},
		{[]byte("REDIS0010\x08\x01k\x00"), "Unknown RDB encoding type 8"},
		{[]byte("REDIS0010\x06\x01k\x00"), "Pre-release module format not supported"},
		{[]byte("REDIS0010\x07\x01k\x81\x85\xe9\x65\xa2\xdc\xa9\x78\x00\x00"), "The RDB file contains module data I can't load: no matching module type 'hellotype'"},
		{[]byte("REDIS0010\xf6"), "Pre-release function format not supported."},
		{[]byte("REDIS0010\x10\x01k\x03abc"), "Hash listpack integrity check failed."},
		{[]byte("REDIS0010\x0b\x01k\x03abc"), "Intset integrity check failed."},
		{[]byte("REDIS0010\x00\x01k\xc3\x02\x05\x20\x00"), "Invalid LZF compressed string"},
		{[]byte("REDIS0010\x02\x01k\x02\x01a\x01a"), "Duplicate set members detected"},
	}
	for _, c := range cases {
		_, err := Load(c.data, keyspace.New(16), LoadOptions{})
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: got %v, want %q", c.data, err, c.want)
		}
	}
	bad := append([]byte(nil), img...)
	bad[len(bad)-1] ^= 0xff
	if _, err := Load(bad, keyspace.New(16), LoadOptions{}); err == nil || err.Error() != "RDB CRC error" {
		t.Errorf("bad checksum: %v", err)
	}
	if _, err := Load(bad, keyspace.New(16), LoadOptions{SkipChecksum: true}); err != nil {
		t.Errorf("rdbchecksum no: %v", err)
	}
	// A zero checksum means "saved without checksum".
	zero := append([]byte(nil), img[:len(img)-8]...)
	zero = append(zero, 0, 0, 0, 0, 0, 0, 0, 0)
	if _, err := Load(zero, keyspace.New(16), LoadOptions{}); err != nil {
		t.Errorf("zero checksum: %v", err)
	}
	if !strings.HasPrefix(string(img), "REDIS0010") {
		t.Fatal("header")
	}
}
