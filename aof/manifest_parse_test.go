package aof

import "testing"

// TestManifestQuotingAndRefusals: names with blanks are written quoted
// and read back; an empty manifest, a line over 1024 bytes, a last line
// without newline and short lines are refused with Redis's reasons.
func TestManifestQuotingAndRefusals(t *testing.T) {
	m := &Manifest{Base: &FileInfo{Name: "my aof.1.base.rdb", Seq: 1, Type: TypeBase},
		Incr: []FileInfo{{Name: "my aof.1.incr.aof", Seq: 1, Type: TypeIncr}}}
	enc := string(m.Encode())
	want := "file \"my aof.1.base.rdb\" seq 1 type b\nfile \"my aof.1.incr.aof\" seq 1 type i\n"
	if enc != want {
		t.Fatalf("encoded %q, want %q", enc, want)
	}
	back, err := ParseManifest([]byte(enc))
	if err != nil || back.Base.Name != "my aof.1.base.rdb" || back.Incr[0].Name != "my aof.1.incr.aof" {
		t.Fatalf("parsed %+v %v", back, err)
	}
	long := "file a.1.incr.aof seq 1 type i " + string(make([]byte, 1100)) + "\n"
	for in, msg := range map[string]string{
		"":                                 "Found an empty AOF manifest",
		long:                               "The AOF manifest file contains too long line",
		"file a.1.incr.aof seq 1 type i":   "The AOF manifest file contains too long line",
		"file a.1.incr.aof seq 1\n":        "Invalid AOF manifest file format",
		"\n":                               "Invalid AOF manifest file format",
		"file dir/a.aof seq 1 type i\n":    "File can't be a path, just a filename",
		"# only a comment\n":               "",
		"FILE a.1.incr.aof SEQ 1 TYPE i\n": "",
	} {
		_, err := ParseManifest([]byte(in))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != msg {
			t.Errorf("%q: %q, want %q", in, got, msg)
		}
	}
}
