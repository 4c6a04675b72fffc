package commands_test

import (
	"reflect"
	"testing"

	"modhost/internal/testserver"
	"modhost/resp"
)

// docFields returns the fields of one command's COMMAND DOCS map.
func docFields(t *testing.T, c *testserver.Conn, name string) map[string]resp.Value {
	t.Helper()
	v := do(t, c, "COMMAND", "DOCS", name)
	if len(v.Elems) != 2 {
		t.Fatalf("COMMAND DOCS %s: %d elements", name, len(v.Elems))
	}
	out := map[string]resp.Value{}
	m := v.Elems[1].Elems
	for i := 0; i+1 < len(m); i += 2 {
		out[string(m[i].Str)] = m[i+1]
	}
	return out
}

// stripDisplay removes the display_text pairs 7.2 added to argument maps,
// so modhost's 7.2 replies compare with 7.0's.
func stripDisplay(v resp.Value) resp.Value {
	if v.Elems == nil {
		return v
	}
	var out []resp.Value
	for i := 0; i < len(v.Elems); i++ {
		e := v.Elems[i]
		if e.Type == '$' && string(e.Str) == "display_text" && i+1 < len(v.Elems) && len(v.Elems)%2 == 0 {
			i++
			continue
		}
		out = append(out, stripDisplay(e))
	}
	v.Elems = out
	return v
}

// TestCommandDocsArguments compares argument trees and history with real
// Redis for commands whose documentation 7.2 left unchanged (apart from
// the new display_text; 7.2 renamed some arguments of HSET, ZADD and
// CLIENT UNBLOCK, so those are left out).
func TestCommandDocsArguments(t *testing.T) {
	r := testserver.StartRedis(t)
	m := testserver.StartModhost(t)
	rc, mc := testserver.Dial(t, r.Addr), testserver.Dial(t, m.Addr)
	for _, name := range []string{"get", "set", "ping", "echo", "select", "getset", "lpush",
		"client|setname", "slowlog|get", "command|info", "expire"} {
		want, got := docFields(t, rc, name), docFields(t, mc, name)
		for _, f := range []string{"arguments", "history", "doc_flags", "deprecated_since", "replaced_by"} {
			w, g := want[f], stripDisplay(got[f])
			if !reflect.DeepEqual(w, g) {
				t.Errorf("%s %s\n  modhost: %+v\n  redis:   %+v", name, f, g, w)
			}
		}
	}
	set := docFields(t, mc, "set")["arguments"]
	first := set.Elems[0].Elems
	if string(first[1].Str) != "key" || string(first[4].Str) != "display_text" || string(first[5].Str) != "key" {
		t.Errorf("SET's first argument %+v", first)
	}
}
