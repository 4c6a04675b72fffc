// Command gen writes shim/table.c, the table behind RedisModule_GetApi.
//
// It reads every API pointer declared in redismodule.h, finds which of them
// the C shim implements (a top-level definition of a function named
// RM_<Name> in shim/*.c), and emits a sorted name->function table, the list
// of names we do not serve, a compile-time signature check for every served
// function and RM_GetApi itself (a binary search over the table).
//
// Run it from anywhere inside the repository:
//
//	go run ./shim/gen          # rewrite shim/table.c
//	go run ./shim/gen -check   # exit 1 if shim/table.c is stale
//
// capi/ runs it through a //go:generate line.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// apiDecl is one function pointer declared in redismodule.h.
type apiDecl struct {
	Name   string // without the "RedisModule_" prefix, e.g. "Alloc", "_Assert"
	Ret    string // return type as written, e.g. "void *"
	Params string // parameter list as written, without the outer parentheses
}

// FullName is the name modules ask GetApi for.
func (d apiDecl) FullName() string { return "RedisModule_" + d.Name }

func main() {
	check := flag.Bool("check", false, "do not write; exit 1 if shim/table.c differs from the generated text")
	rootFlag := flag.String("root", "", "repository root (default: nearest parent directory holding go.mod and redismodule.h)")
	flag.Parse()
	if err := run(*rootFlag, *check); err != nil {
		fmt.Fprintln(os.Stderr, "shim/gen:", err)
		os.Exit(1)
	}
}

func run(root string, check bool) error {
	if root == "" {
		var err error
		if root, err = findRoot(); err != nil {
			return err
		}
	}
	out, err := generateFromDir(root)
	if err != nil {
		return err
	}
	target := filepath.Join(root, "shim", "table.c")
	if check {
		cur, err := os.ReadFile(target)
		if err != nil {
			return err
		}
		if !bytes.Equal(cur, out) {
			return errors.New("shim/table.c is out of date; run: go run ./shim/gen")
		}
		return nil
	}
	cur, err := os.ReadFile(target)
	if err == nil && bytes.Equal(cur, out) {
		return nil // leave the mtime alone so builds stay cached
	}
	return os.WriteFile(target, out, 0o644)
}

// findRoot walks up from the working directory to the repository root, so
// the generator works both from the root and from capi/ (go:generate).
func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if isFile(filepath.Join(dir, "go.mod")) && isFile(filepath.Join(dir, "redismodule.h")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("cannot find the repository root (a directory with go.mod and redismodule.h)")
		}
		dir = parent
	}
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// generateFromDir reads root/redismodule.h and root/shim/*.c (except table.c)
// and returns the text of table.c.
func generateFromDir(root string) ([]byte, error) {
	hdr, err := os.ReadFile(filepath.Join(root, "redismodule.h"))
	if err != nil {
		return nil, err
	}
	decls, err := parseHeader(string(hdr))
	if err != nil {
		return nil, fmt.Errorf("redismodule.h: %w", err)
	}
	paths, err := filepath.Glob(filepath.Join(root, "shim", "*.c"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	files := map[string]string{}
	for _, p := range paths {
		if filepath.Base(p) == "table.c" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		files[filepath.Join("shim", filepath.Base(p))] = string(b)
	}
	return generate(decls, files)
}

var declPrefix = regexp.MustCompile(`^REDISMODULE_API\s+(.+?)\(\s*\*\s*RedisModule_(\w+)\s*\)\s*\(`)

var attrsRe = regexp.MustCompile(`^(\s*REDISMODULE_ATTR\w*(\s*\(\s*\d+\s*,\s*\d+\s*\))?)+\s*;\s*$`)

// parseHeader returns the API pointer declarations of redismodule.h in file
// order. Each must sit on one line:
//
//	REDISMODULE_API RET (*RedisModule_Name)(PARAMS) REDISMODULE_ATTR...;
func parseHeader(src string) ([]apiDecl, error) {
	var decls []apiDecl
	seen := map[string]bool{}
	for i, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "REDISMODULE_API ") {
			continue
		}
		m := declPrefix.FindStringSubmatchIndex(line)
		if m == nil {
			return nil, fmt.Errorf("line %d: unrecognised API declaration: %s", i+1, line)
		}
		ret := strings.TrimSpace(line[m[2]:m[3]])
		name := line[m[4]:m[5]]
		open := m[1] - 1 // index of the "(" opening the parameter list
		end := matchParen(line, open)
		if end < 0 {
			return nil, fmt.Errorf("line %d: unbalanced parentheses (declarations must be on one line)", i+1)
		}
		if !attrsRe.MatchString(line[end+1:]) {
			return nil, fmt.Errorf("line %d: unexpected text after the parameter list: %q", i+1, line[end+1:])
		}
		if seen[name] {
			return nil, fmt.Errorf("line %d: RedisModule_%s declared twice", i+1, name)
		}
		seen[name] = true
		decls = append(decls, apiDecl{Name: name, Ret: ret, Params: strings.TrimSpace(line[open+1 : end])})
	}
	if len(decls) == 0 {
		return nil, errors.New("no API declarations found")
	}
	return decls, nil
}

// matchParen returns the index of the ")" matching the "(" at s[open], or -1.
func matchParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

var initFetch = regexp.MustCompile(`(?m)^\s*REDISMODULE_INIT_FETCH_\((\w+)\);`)

// parseInitNames returns the names RedisModule_Init in the header fetches.
func parseInitNames(src string) []string {
	var names []string
	for _, m := range initFetch.FindAllStringSubmatch(src, -1) {
		names = append(names, m[1])
	}
	return names
}

// stripC blanks out comments, string and character literals and
// preprocessor lines (keeping newlines), so only code remains to scan.
func stripC(src string) string {
	b := []byte(src)
	out := make([]byte, len(b))
	copy(out, b)
	blank := func(i int) {
		if out[i] != '\n' {
			out[i] = ' '
		}
	}
	atLineStart := true
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case atLineStart && (c == ' ' || c == '\t'):
			i++
			continue
		case atLineStart && c == '#':
			// Preprocessor line, with backslash continuations.
			for i < len(b) && b[i] != '\n' {
				if b[i] == '\\' && i+1 < len(b) && b[i+1] == '\n' {
					blank(i)
					i += 2
					continue
				}
				blank(i)
				i++
			}
			continue
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' {
				blank(i)
				i++
			}
			continue
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			blank(i)
			blank(i + 1)
			i += 2
			for i < len(b) && !(b[i] == '*' && i+1 < len(b) && b[i+1] == '/') {
				blank(i)
				i++
			}
			if i < len(b) {
				blank(i)
				blank(i + 1)
				i += 2
			}
			atLineStart = false
			continue
		case c == '"' || c == '\'':
			q := c
			blank(i)
			i++
			for i < len(b) && b[i] != q && b[i] != '\n' {
				if b[i] == '\\' && i+1 < len(b) {
					blank(i)
					i++
				}
				blank(i)
				i++
			}
			if i < len(b) && b[i] == q {
				blank(i)
				i++
			}
			atLineStart = false
			continue
		}
		atLineStart = c == '\n'
		i++
	}
	return string(out)
}

func isIdent(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// definedRM returns the RM_ functions a C file defines at file scope, with
// the line of each definition: an RM_<Name> identifier outside any braces,
// followed by a parenthesised list and then "{".
func definedRM(src string) (map[string]int, error) {
	code := stripC(src)
	defs := map[string]int{}
	depth := 0
	line := 1
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch c {
		case '\n':
			line++
			continue
		case '{':
			depth++
			continue
		case '}':
			depth--
			continue
		}
		if depth != 0 || c != 'R' || !strings.HasPrefix(code[i:], "RM_") || (i > 0 && isIdent(code[i-1])) {
			continue
		}
		j := i + 3
		for j < len(code) && isIdent(code[j]) {
			j++
		}
		name := code[i+3 : j]
		k := j
		for k < len(code) && (code[k] == ' ' || code[k] == '\t' || code[k] == '\n') {
			k++
		}
		if name == "" || k >= len(code) || code[k] != '(' {
			continue
		}
		end := matchParen(code, k)
		if end < 0 {
			return nil, fmt.Errorf("line %d: unbalanced parentheses after RM_%s", line, name)
		}
		n := end + 1
		for n < len(code) && (code[n] == ' ' || code[n] == '\t' || code[n] == '\n') {
			n++
		}
		if n < len(code) && code[n] == '{' {
			if prev, dup := defs[name]; dup {
				return nil, fmt.Errorf("line %d: RM_%s already defined at line %d", line, name, prev)
			}
			defs[name] = line
		}
		// Account for newlines skipped inside the parameter list.
		line += strings.Count(code[i:n], "\n")
		i = n - 1
	}
	return defs, nil
}

// generate builds table.c from the header declarations and the shim sources
// (file name -> text).
func generate(decls []apiDecl, files map[string]string) ([]byte, error) {
	byName := map[string]apiDecl{}
	for _, d := range decls {
		byName[d.Name] = d
	}
	if _, ok := byName["GetApi"]; !ok {
		return nil, errors.New("redismodule.h declares no RedisModule_GetApi")
	}
	names := make([]string, 0, len(files))
	for f := range files {
		names = append(names, f)
	}
	sort.Strings(names)
	where := map[string]string{}
	for _, f := range names {
		defs, err := definedRM(files[f])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for name, line := range defs {
			loc := fmt.Sprintf("%s:%d", f, line)
			if name == "GetApi" {
				return nil, fmt.Errorf("%s: RM_GetApi is generated into table.c; do not define it", loc)
			}
			if _, ok := byName[name]; !ok {
				return nil, fmt.Errorf("%s: RM_%s has no RedisModule_%s in redismodule.h", loc, name, name)
			}
			if prev, dup := where[name]; dup {
				return nil, fmt.Errorf("%s: RM_%s already defined at %s", loc, name, prev)
			}
			where[name] = loc
		}
	}
	where["GetApi"] = "table.c"

	var served, unserved []apiDecl
	for _, d := range decls {
		if _, ok := where[d.Name]; ok {
			served = append(served, d)
		} else {
			unserved = append(unserved, d)
		}
	}
	// strcmp order on the full names is byte order, which is what Go sorts by.
	sort.Slice(served, func(i, j int) bool { return served[i].FullName() < served[j].FullName() })
	sort.Slice(unserved, func(i, j int) bool { return unserved[i].FullName() < unserved[j].FullName() })
	return render(served, unserved), nil
}

func render(served, unserved []apiDecl) []byte {
	var w bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&w, format, args...) }
	p("/* Code generated by shim/gen; DO NOT EDIT. */\n\n")
	p("/*\n")
	p(" * The table behind RedisModule_GetApi. capi includes this file in the same\n")
	p(" * translation unit, after every shim C file, so the static RM_ functions\n")
	p(" * named here are already defined. %d of the %d names in redismodule.h are\n", len(served), len(served)+len(unserved))
	p(" * served; GetApi answers REDISMODULE_ERR for the rest.\n")
	p(" */\n\n")
	p("#include <stddef.h>\n#include <string.h>\n#include \"../redismodule.h\"\n\n")
	p("typedef struct { const char *name; void *fn; } mh_api_entry;\n\n")
	p("static int RM_GetApi(const char *name, void *out);\n\n")

	p("/* Each served function must have exactly the type redismodule.h declares. */\n")
	for _, d := range served {
		p("typedef %s(*mh_sig_%s)(%s);\n", retPrefix(d.Ret), d.Name, d.Params)
		p("_Static_assert(__builtin_types_compatible_p(__typeof__(&RM_%s), mh_sig_%s), \"RM_%s signature differs from redismodule.h\");\n", d.Name, d.Name, d.Name)
	}

	p("\n/* Sorted by name (strcmp order) for the binary search in RM_GetApi. */\n")
	p("static const mh_api_entry mh_api_served[] __attribute__((unused)) = {\n")
	for _, d := range served {
		p("    {\"%s\", (void *)RM_%s},\n", d.FullName(), d.Name)
	}
	p("};\n")
	p("static const size_t mh_api_served_count __attribute__((unused)) = %d;\n", len(served))
	p("_Static_assert(sizeof(mh_api_served) / sizeof(mh_api_served[0]) == %d, \"served count\");\n\n", len(served))

	p("/* Declared in redismodule.h but not implemented: GetApi answers ERR. */\n")
	p("static const char *const mh_api_unserved[] __attribute__((unused)) = {\n")
	if len(unserved) == 0 {
		p("    NULL,\n")
	}
	for _, d := range unserved {
		p("    \"%s\",\n", d.FullName())
	}
	p("};\n")
	p("static const size_t mh_api_unserved_count __attribute__((unused)) = %d;\n\n", len(unserved))

	p(`/* Stores the function registered under name in *(void **)out and returns
 * REDISMODULE_OK, or returns REDISMODULE_ERR and leaves *out alone. Define
 * MH_API_MISS_HOOK(name) before including this file to hear about every
 * name a module asked for and did not get (module load logs them). */
__attribute__((unused))
static int RM_GetApi(const char *name, void *out) {
    size_t lo = 0, hi = mh_api_served_count;
    if (name == NULL || out == NULL) return REDISMODULE_ERR;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(name, mh_api_served[mid].name);
        if (cmp == 0) {
            *(void **)out = mh_api_served[mid].fn;
            return REDISMODULE_OK;
        }
        if (cmp < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
#ifdef MH_API_MISS_HOOK
    MH_API_MISS_HOOK(name);
#endif
    return REDISMODULE_ERR;
}
`)
	return w.Bytes()
}

// retPrefix formats a return type so that "(*" can follow it directly.
func retPrefix(ret string) string {
	if strings.HasSuffix(ret, "*") {
		return ret
	}
	return ret + " "
}
