package difftest

import (
	"os"
	"path/filepath"
	"testing"
)

// modulePath returns the absolute path of bin/modules/<name>.so.
func modulePath(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "bin", "modules", name+".so"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s is not built (make modules): %v", p, err)
	}
	return p
}

// TestModuleLoadUnload drives MODULE LOAD/LIST/UNLOAD/HELP on both
// servers, including Redis's refusals: the seed's helloworld (its "hello"
// clashes with the core HELLO command), a missing file, a file without the
// exec bit, a shared object without RedisModule_OnLoad, OnLoad failing, a
// module already loaded, and unloading a module that exports a data type.
func TestModuleLoadUnload(t *testing.T) {
	dir := t.TempDir()
	noexec := filepath.Join(dir, "noexec.so")
	data, err := os.ReadFile(modulePath(t, "mhcore"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(noexec, data, 0o644); err != nil {
		t.Fatal(err)
	}
	p := Start(t, Args("--enable-module-command", "yes"))
	p.Do("MODULE", "LIST")
	p.Do("MODULE", "LOAD", modulePath(t, "helloworld"))
	p.Do("MODULE", "LOAD", filepath.Join(dir, "missing.so"))
	p.Do("MODULE", "LOAD", noexec)
	p.Do("MODULE", "LOAD", "/usr/lib/x86_64-linux-gnu/libm.so.6")
	p.Do("MODULE", "LOAD", modulePath(t, "mhcore"), "fail-onload")
	p.Do("mh.echo", "x")
	p.Do("MODULE", "LOAD", modulePath(t, "mhcore"), "a1", "a2")
	p.Do("MODULE", "LIST")
	p.Do("mh.echo", "x")
	p.Do("MODULE", "LOAD", modulePath(t, "mhcore"))
	p.Do("MODULE", "LOAD", modulePath(t, "mhkeys"))
	// Redis lists modules in its dict's order, which is unspecified.
	p.DoSorted("MODULE", "LIST")
	p.Do("MODULE", "UNLOAD", "mhkeys")
	p.Do("MODULE", "UNLOAD", "nosuch")
	p.Do("MODULE", "UNLOAD", "mhcore")
	p.Do("mh.echo", "x")
	p.Do("MODULE", "LIST")
	p.Do("MODULE")
	p.Do("MODULE", "NOSUCH")
	p.Do("MODULE", "LOADEX", modulePath(t, "mhcore"), "ARGS", "x", "y")
	p.DoSorted("MODULE", "LIST")
	p.Do("MODULE", "LOADEX", modulePath(t, "mhcore"), "BADARG")
}

// TestModuleCommandDisabled checks enable-module-command's default.
func TestModuleCommandDisabled(t *testing.T) {
	p := Start(t)
	p.Do("MODULE", "LOAD", modulePath(t, "mhcore"))
	p.Do("MODULE", "LIST")
	p.Do("MODULE", "HELP")
}
