package rdb

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"modhost/keyspace"
)

// goType is a module data type implemented in Go for these tests: the
// module layer proper runs C callbacks, but the framing rdb owns is the
// same. Values live in a table indexed by their "pointer".
type goType struct {
	name   string
	encver uint64
	vals   map[uintptr]*goVal
	next   uintptr
	aux    map[int][]byte // aux data seen per when
	noAux  bool
}

type goVal struct {
	u uint64
	i int64
	f float32
	d float64
	s []byte
}

func (t *goType) Name() string { return t.name }
func (t *goType) ID() uint64   { return typeID(t.name, t.encver) }
func (t *goType) Free(p uintptr) {
	delete(t.vals, p)
}

func typeID(name string, encver uint64) uint64 {
	const charset = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	var id uint64
	for i := 0; i < 9; i++ {
		id = id<<6 | uint64(bytes.IndexByte([]byte(charset), name[i]))
	}
	return id<<10 | encver
}

func (t *goType) add(v *goVal) *keyspace.ModuleValue {
	t.next++
	t.vals[t.next] = v
	return &keyspace.ModuleValue{Type: t, Ptr: t.next}
}

type goModules struct{ types []*goType }

func (m *goModules) TypeByID(id uint64) keyspace.ModuleType {
	for _, t := range m.types {
		if t.ID()>>10 == id>>10 {
			return t
		}
	}
	return nil
}

func (m *goModules) Load(mt keyspace.ModuleType, encver int, r *ModuleReader) (uintptr, error) {
	t := mt.(*goType)
	v := &goVal{}
	v.u, _ = r.LoadUnsigned()
	v.i, _ = r.LoadSigned()
	v.f, _ = r.LoadFloat()
	v.d, _ = r.LoadDouble()
	v.s, _ = r.LoadString()
	if r.Failed() {
		return 0, nil
	}
	return t.add(v).Ptr, nil
}

func (m *goModules) Save(mv *keyspace.ModuleValue, w *ModuleWriter) error {
	v := mv.Type.(*goType).vals[mv.Ptr]
	w.SaveUnsigned(v.u)
	w.SaveSigned(v.i)
	w.SaveFloat(v.f)
	w.SaveDouble(v.d)
	w.SaveString(v.s)
	return nil
}

func (m *goModules) AuxTypes(when int) []keyspace.ModuleType {
	var out []keyspace.ModuleType
	for _, t := range m.types {
		out = append(out, t)
	}
	return out
}

func (m *goModules) AuxSave(mt keyspace.ModuleType, when int, w *ModuleWriter) (bool, error) {
	if when == AuxAfterRDB {
		return false, nil // like aux_save2 writing nothing
	}
	w.SaveString([]byte("aux-before"))
	return true, nil
}

func (m *goModules) AuxLoad(mt keyspace.ModuleType, encver, when int, r *ModuleReader) error {
	t := mt.(*goType)
	if t.noAux {
		return ErrNoAuxLoad
	}
	s, ok := r.LoadString()
	if !ok {
		return errors.New("aux load failed")
	}
	t.aux[when] = s
	return nil
}

func newGoType(name string) *goType {
	return &goType{name: name, vals: map[uintptr]*goVal{}, aux: map[int][]byte{}}
}

func TestModuleValues(t *testing.T) {
	if typeID("hellotype", 0) != 0x85e965a2dca97800 || TypeName(0x85e965a2dca97800) != "hellotype" {
		t.Fatal("type id encoding")
	}
	typ := newGoType("mh-test01")
	mods := &goModules{types: []*goType{typ}}
	ks := keyspace.New(16)
	want := &goVal{u: 1 << 63, i: -42, f: 1.5, d: -2.25, s: bytes.Repeat([]byte("module string "), 10)}
	ks.DBs[0].Set("mod", typ.add(want))
	ks.DBs[0].Set("plain", keyspace.NewString([]byte("x")))
	data, err := Encode(ks, SaveOptions{Modules: mods, Compress: true, Checksum: true})
	if err != nil {
		t.Fatal(err)
	}

	// A loader without the module refuses the file with Redis's message.
	_, err = Load(data, keyspace.New(16), LoadOptions{})
	if err == nil || err.Error() != "The RDB file contains AUX module data I can't load: no matching module 'mh-test01'" {
		t.Fatalf("without module: %v", err)
	}

	// With the module: same value, aux data delivered, encver passed.
	typ2 := newGoType("mh-test01")
	typ2.encver = 3
	dst := keyspace.New(16)
	if _, err := Load(data, dst, LoadOptions{Modules: &goModules{types: []*goType{typ2}}}); err != nil {
		t.Fatal(err)
	}
	mv := dst.DBs[0].Peek("mod").Val.(*keyspace.ModuleValue)
	if got := typ2.vals[mv.Ptr]; got == nil || got.u != want.u || got.i != want.i || got.f != want.f || got.d != want.d || !bytes.Equal(got.s, want.s) {
		t.Fatalf("loaded %+v want %+v", got, want)
	}
	if string(typ2.aux[AuxBeforeRDB]) != "aux-before" || typ2.aux[AuxAfterRDB] != nil {
		t.Fatalf("aux %v", typ2.aux)
	}

	// A type without aux_load.
	typ3 := newGoType("mh-test01")
	typ3.noAux = true
	_, err = Load(data, keyspace.New(16), LoadOptions{Modules: &goModules{types: []*goType{typ3}}})
	if err == nil || err.Error() != "The RDB file contains module AUX data, but the module 'mh-test01' doesn't seem to support it." {
		t.Fatalf("no aux_load: %v", err)
	}

	// DUMP/RESTORE of a module value.
	p, err := Dump(mv, &goModules{types: []*goType{typ2}}, "mod", 0, true)
	if err != nil {
		t.Fatal(err)
	}
	v, err := Restore(p, mods, "mod", 0)
	if err != nil || typ.vals[v.(*keyspace.ModuleValue).Ptr].d != want.d {
		t.Fatalf("restore: %v", err)
	}
	if _, err := Restore(p, nil, "mod", 0); err == nil {
		t.Fatal("restore without the module succeeded")
	}

	// A body whose opcodes do not match what rdb_load reads.
	bad := []byte{TypeModule2}
	e := &encoder{b: bad}
	e.length(typ.ID())
	e.length(modOpDouble)
	e.binDouble(1)
	e.length(modOpEOF)
	if _, err := Restore(sealPayload(e.b), mods, "k", 0); err == nil {
		t.Fatal("mismatched opcode accepted")
	}

	// redis-check-rdb skips module values by their opcodes.
	path, err := exec.LookPath("redis-check-rdb")
	if err != nil && os.Getenv("MODHOST_REQUIRE_INTEROP") == "1" {
		t.Fatal("MODHOST_REQUIRE_INTEROP=1 but redis-check-rdb is not installed")
	}
	if err == nil {
		f := filepath.Join(t.TempDir(), "mod.rdb")
		os.WriteFile(f, data, 0644)
		out, err := exec.Command(path, f).CombinedOutput()
		if err != nil || !bytes.Contains(out, []byte("RDB looks OK!")) {
			t.Fatalf("redis-check-rdb: %v\n%s", err, out)
		}
	}
}
