package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot is two levels up from shim/gen, where go test runs.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func readHeader(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "redismodule.h"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Redis 7.2.6 registers 352 names; its header also declares GetApi and the
// never-registered ReplySetPushLength, 354 pointers in all.
func TestHeaderDeclaresAll354(t *testing.T) {
	src := readHeader(t)
	decls, err := parseHeader(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(decls) != 354 {
		t.Fatalf("got %d API pointers, want 354", len(decls))
	}
	have := map[string]bool{}
	for _, d := range decls {
		if have[d.Name] {
			t.Errorf("duplicate %s", d.Name)
		}
		have[d.Name] = true
	}
	for _, n := range []string{"GetApi", "ReplySetPushLength", "_Assert", "Call", "CreateDataType", "RdbSave", "GetDbIdFromDefragCtx"} {
		if !have[n] {
			t.Errorf("RedisModule_%s not declared", n)
		}
	}
	if got := strings.Count(src, "\nREDISMODULE_API "); got != len(decls) {
		t.Errorf("%d REDISMODULE_API lines but %d parsed declarations", got, len(decls))
	}

	// RedisModule_Init must fetch every pointer except GetApi, exactly once.
	init := parseInitNames(src)
	if len(init) != 353 {
		t.Errorf("RedisModule_Init fetches %d names, want 353", len(init))
	}
	fetched := map[string]int{}
	for _, n := range init {
		fetched[n]++
		if !have[n] {
			t.Errorf("RedisModule_Init fetches undeclared %s", n)
		}
	}
	for _, d := range decls {
		want := 1
		if d.Name == "GetApi" {
			want = 0
		}
		if fetched[d.Name] != want {
			t.Errorf("RedisModule_Init fetches %s %d times, want %d", d.Name, fetched[d.Name], want)
		}
	}
}

func TestTableUpToDate(t *testing.T) {
	root := repoRoot(t)
	want, err := generateFromDir(root)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, "shim", "table.c"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("shim/table.c is stale: run `go run ./shim/gen` from the repository root")
	}
	sum, err := shimSumFile(root, want)
	if err != nil {
		t.Fatal(err)
	}
	if cur, err := os.ReadFile(filepath.Join(root, "capi", "shimsum.go")); err != nil || !bytes.Equal(cur, sum) {
		t.Fatal("capi/shimsum.go is stale: run `go run ./shim/gen` from the repository root")
	}
}

func TestDefinedRM(t *testing.T) {
	src := `
/* static int RM_InComment(void) { } */
// static int RM_InLineComment(void) { }
static const char *s = "RM_InString(void) {";
#define RM_MACRO(x) { x }
static void *RM_Alloc(size_t n);
static void *
RM_Alloc(size_t n)
{
    return RM_Calloc(1, n);
}
static int RM_Multi(int a,
                    int b) { if (a) { return RM_Nested(b); } return 0; }
static void notrm(void) { RM_Free(NULL); }
static int XRM_Prefixed(void) { return 0; }
`
	defs, err := definedRM(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(defs) != 2 || defs["Alloc"] != 8 || defs["Multi"] != 12 {
		t.Fatalf("got %v, want Alloc at line 8 and Multi at line 12", defs)
	}
	if _, err := definedRM("static int RM_A(void) { return 0; }\nstatic int RM_A(void) { return 1; }\n"); err == nil {
		t.Fatal("duplicate definition not reported")
	}
}

func TestGenerateRejects(t *testing.T) {
	decls, err := parseHeader(readHeader(t))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]map[string]string{
		"unknown name": {"shim/a.c": "static int RM_NoSuchThing(void) { return 0; }\n"},
		"GetApi":       {"shim/a.c": "static int RM_GetApi(const char *n, void *o) { return 0; }\n"},
		"two files": {
			"shim/a.c": "static void RM_Free(void *p) { }\n",
			"shim/b.c": "static void RM_Free(void *p) { }\n",
		},
	}
	for name, files := range cases {
		if _, err := generate(decls, files); err == nil {
			t.Errorf("%s: generate succeeded, want an error", name)
		}
	}
}

func needCC(t *testing.T) string {
	t.Helper()
	cc, err := exec.LookPath("gcc")
	if err != nil {
		t.Skip("gcc not installed")
	}
	return cc
}

// A fake shim compiled in one translation unit with the generated table:
// GetApi finds every served name, refuses the rest, and a function whose
// type differs from the header fails to compile.
func TestGeneratedTableCompilesAndLooksUp(t *testing.T) {
	cc := needCC(t)
	root := repoRoot(t)
	decls, err := parseHeader(readHeader(t))
	if err != nil {
		t.Fatal(err)
	}
	shim := `#define REDISMODULE_CORE
#include "redismodule.h"
#include <stdlib.h>
static void *RM_Alloc(size_t bytes) { return malloc(bytes); }
static void RM_Free(void *ptr) { free(ptr); }
static void RM__Assert(const char *estr, const char *file, int line) { (void)estr; (void)file; (void)line; abort(); }
static int RM_IsSubEventSupported(RedisModuleEvent event, uint64_t subevent) { (void)event; return subevent == 0; }
`
	table, err := generate(decls, map[string]string{"shim/fake.c": shim})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	mainC := `
#include <stdio.h>
int main(void) {
    void *p = (void *)0x1;
    int bad = 0;
    for (size_t i = 0; i < mh_api_served_count; i++) {
        void *q = NULL;
        if (RM_GetApi(mh_api_served[i].name, &q) != REDISMODULE_OK || q != mh_api_served[i].fn) bad++;
        if (i > 0 && strcmp(mh_api_served[i-1].name, mh_api_served[i].name) >= 0) bad++;
    }
    for (size_t i = 0; i < mh_api_unserved_count; i++)
        if (RM_GetApi(mh_api_unserved[i], &p) != REDISMODULE_ERR || p != (void *)0x1) bad++;
    if (RM_GetApi("RedisModule_alloc", &p) != REDISMODULE_ERR) bad++;
    void *g = NULL;
    if (RM_GetApi("RedisModule_GetApi", &g) != REDISMODULE_OK || g != (void *)RM_GetApi) bad++;
    if (misses != (int)mh_api_unserved_count + 1) bad++;
    printf("%zu %zu %d\n", mh_api_served_count, mh_api_unserved_count, bad);
    return bad != 0;
}
`
	build := func(shimSrc string, tableSrc []byte) ([]byte, error) {
		src := shimSrc + "\nstatic int misses;\n#define MH_API_MISS_HOOK(n) ((void)(n), misses++)\n" + strings.Replace(string(tableSrc), `#include "../redismodule.h"`, `#include "redismodule.h"`, 1) + mainC
		cfile := filepath.Join(dir, "all.c")
		if err := os.WriteFile(cfile, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		bin := filepath.Join(dir, "all")
		return exec.Command(cc, "-std=gnu11", "-Wall", "-Werror", "-I", root, "-o", bin, cfile).CombinedOutput()
	}
	if out, err := build(shim, table); err != nil {
		t.Fatalf("compile: %v\n%s", err, out)
	}
	out, err := exec.Command(filepath.Join(dir, "all")).CombinedOutput()
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "5 349 0" {
		t.Fatalf("served/unserved/bad = %q, want \"5 349 0\"", got)
	}

	// RM_Free returning int instead of void must trip the signature check.
	wrong := strings.Replace(shim, "static void RM_Free(void *ptr) { free(ptr); }", "static int RM_Free(void *ptr) { free(ptr); return 0; }", 1)
	table2, err := generate(decls, map[string]string{"shim/fake.c": wrong})
	if err != nil {
		t.Fatal(err)
	}
	out, err = build(wrong, table2)
	if err == nil || !strings.Contains(string(out), "RM_Free signature differs") {
		t.Fatalf("wrong signature compiled (err=%v):\n%s", err, out)
	}
}

// The header compiles cleanly both ways it is used, and its layouts are the
// ones the Redis 7.2 ABI fixes (shared/reference/module-api-abi.md).
func TestHeaderCompilesAndABI(t *testing.T) {
	cc := needCC(t)
	root := repoRoot(t)
	dir := t.TempDir()
	module := `#include "redismodule.h"
#include <stddef.h>
#define OFF(T, f, n) _Static_assert(offsetof(T, f) == n, #T "." #f)
_Static_assert(sizeof(RedisModuleTypeMethods) == 152, "TypeMethods size");
OFF(RedisModuleTypeMethods, aux_load, 56);
OFF(RedisModuleTypeMethods, aux_save_triggers, 72);
OFF(RedisModuleTypeMethods, free_effort, 80);
OFF(RedisModuleTypeMethods, mem_usage2, 112);
OFF(RedisModuleTypeMethods, aux_save2, 144);
_Static_assert(sizeof(RedisModuleEvent) == 16, "event");
_Static_assert(sizeof(RedisModuleClientInfo) == 80, "client info");
OFF(RedisModuleClientInfo, addr, 24);
OFF(RedisModuleClientInfo, port, 70);
OFF(RedisModuleClientInfo, db, 72);
_Static_assert(sizeof(RedisModuleReplicationInfo) == 64, "replication info");
OFF(RedisModuleReplicationInfo, repl2_offset, 56);
_Static_assert(sizeof(RedisModuleFlushInfo) == 16, "flush info");
_Static_assert(sizeof(RedisModuleModuleChange) == 24, "module change");
_Static_assert(sizeof(RedisModuleConfigChange) == 24, "config change");
_Static_assert(sizeof(RedisModuleLoadingProgress) == 16, "loading progress");
_Static_assert(sizeof(RedisModuleCommandInfoVersion) == 32, "cmd info version");
_Static_assert(sizeof(RedisModuleCommandInfo) == 72, "cmd info");
OFF(RedisModuleCommandInfo, arity, 48);
OFF(RedisModuleCommandInfo, args, 64);
_Static_assert(sizeof(RedisModuleCommandHistoryEntry) == 16, "history");
_Static_assert(sizeof(RedisModuleCommandKeySpec) == 56, "key spec");
OFF(RedisModuleCommandKeySpec, bs.keyword.startfrom, 32);
OFF(RedisModuleCommandKeySpec, find_keys_type, 40);
OFF(RedisModuleCommandKeySpec, fk.keynum.keystep, 52);
_Static_assert(sizeof(RedisModuleCommandArg) == 72, "arg");
OFF(RedisModuleCommandArg, key_spec_index, 12);
OFF(RedisModuleCommandArg, display_text, 64);
_Static_assert(sizeof(RedisModuleStreamID) == 16, "stream id");
_Static_assert(REDISMODULE_TYPE_METHOD_VERSION == 5, "type method version");
_Static_assert(REDISMODULE_YIELD_FLAG_NONE == 1, "yield none");
_Static_assert(REDISMODULE_NOTIFY_ALL == 0x27FC, "notify all");
_Static_assert(_REDISMODULE_OPEN_KEY_ALL == 0x1F0003, "open key all");
_Static_assert(_REDISMODULE_CTX_FLAGS_NEXT == (1 << 25), "ctx flags next");
_Static_assert(_REDISMODULE_EVENT_NEXT == 18, "event next");
int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    REDISMODULE_NOT_USED(argv);
    REDISMODULE_NOT_USED(argc);
    if (RedisModule_Init(ctx, "abicheck", 1, REDISMODULE_APIVER_1) == REDISMODULE_ERR) return REDISMODULE_ERR;
    RedisModule_Assert(RMAPI_FUNC_SUPPORTED(RedisModule_Alloc));
    return RedisModule_IsAOFClient(UINT64_MAX) ? REDISMODULE_OK : REDISMODULE_ERR;
}
`
	core := `#define REDISMODULE_CORE
#include "redismodule.h"
#ifdef REDISMODULE_GET_API
#error module-only macro visible in core mode
#endif
void *RedisModule_Alloc; /* would clash if the header declared the pointer */
int core_uses_types(RedisModuleTypeMethods *tm, RedisModuleCommandInfo *ci) { return (int)tm->version + ci->arity; }
`
	for name, src := range map[string]string{"module.c": module, "core.c": core} {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"-std=gnu11", "-Wall", "-Wextra", "-Werror", "-fPIC", "-I", root, "-c", "-o", f + ".o", f}
		if out, err := exec.Command(cc, args...).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", name, err, out)
		}
	}
	// The module must link as a shared object with exactly 354 API pointer
	// symbols plus its OnLoad.
	so := filepath.Join(dir, "module.so")
	if out, err := exec.Command(cc, "-shared", "-o", so, filepath.Join(dir, "module.c.o")).CombinedOutput(); err != nil {
		t.Fatalf("link: %v\n%s", err, out)
	}
	nm, err := exec.LookPath("nm")
	if err != nil {
		return
	}
	out, err := exec.Command(nm, "-D", "--defined-only", so).Output()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) == 3 && strings.HasPrefix(f[2], "RedisModule_") && f[2] != "RedisModule_OnLoad" {
			n++
		}
	}
	if n != 354 {
		t.Errorf("module exports %d RedisModule_ pointer symbols, want 354", n)
	}
}
