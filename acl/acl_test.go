package acl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testCatalog is a small command table: a few commands with Redis's
// categories, and CONFIG with subcommands.
type testCatalog map[string]*Command

func newTestCatalog() testCatalog {
	m := testCatalog{}
	add := func(name string, cats ...string) *Command {
		c := &Command{Name: name, Categories: CategoryMask(cats)}
		m[name] = c
		return c
	}
	add("get", "read", "string", "fast")
	add("set", "write", "string", "slow")
	add("select", "connection", "fast")
	add("publish", "pubsub", "fast")
	add("flushall", "keyspace", "write", "slow", "dangerous")
	cfg := add("config", "slow")
	for _, s := range []string{"get", "set"} {
		sc := &Command{Name: "config|" + s, Categories: CategoryMask([]string{"admin", "slow", "dangerous"}), IsSub: true}
		cfg.Subs = append(cfg.Subs, sc)
		m[sc.Name] = sc
	}
	return m
}

func (t testCatalog) Lookup(name string) *Command { return t[strings.ToLower(name)] }

func (t testCatalog) Commands() []*Command {
	var out []*Command
	for _, c := range t {
		if !c.IsSub {
			out = append(out, c)
		}
	}
	return out
}

func call(name string, args ...string) *Call {
	c := &Call{Name: name, IsSub: strings.Contains(name, "|")}
	for _, a := range args {
		c.Args = append(c.Args, []byte(a))
	}
	return c
}

func TestSetUserErrors(t *testing.T) {
	r := NewRegistry(newTestCatalog())
	cases := []struct{ rule, want string }{
		{"badop", "Error in ACL SETUSER modifier 'badop': Syntax error"},
		{"+nosuch", "Error in ACL SETUSER modifier '+nosuch': Unknown command or category name in ACL"},
		{"+@nosuch", "Error in ACL SETUSER modifier '+@nosuch': Unknown command or category name in ACL"},
		{"#abc", "Error in ACL SETUSER modifier '#abc': " + ErrBadHash.Error()},
		{"<nope", "Error in ACL SETUSER modifier '<nope': " + ErrNoSuchPass.Error()},
		{"+config|get|x", "Error in ACL SETUSER modifier '+config|get|x': " + ErrFirstArgSub.Error()},
		{"+config|", "Error in ACL SETUSER modifier '+config|': Syntax error"},
		{"-get|x", "Error in ACL SETUSER modifier '-get|x': Unknown command or category name in ACL"},
		{"%X~a", "Error in ACL SETUSER modifier '%X~a': Syntax error"},
		{"(+get", "Unmatched parenthesis in acl selector starting at '(+get'."},
		{"(on)", "Error in ACL SETUSER modifier '(on)': Syntax error"},
	}
	for _, c := range cases {
		err := r.SetUser("bob", []string{c.rule})
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v, want %q", c.rule, err, c.want)
		}
	}
	if err := r.SetUser("bob", []string{"~x", "allkeys", "~y"}); err == nil || !strings.Contains(err.Error(), "'allkeys' flag") {
		t.Errorf("pattern after allkeys: %v", err)
	}
	if r.Get("bob") != nil {
		t.Fatal("a failed SETUSER created the user")
	}
}

func TestDescribeAndRules(t *testing.T) {
	r := NewRegistry(newTestCatalog())
	if got := r.Default.Describe(); got != "on nopass sanitize-payload ~* &* +@all" {
		t.Errorf("default: %q", got)
	}
	if err := r.SetUser("alice", []string{"on", ">p1", "~foo*", "%R~r*", "%W~w*", "&chan", "+get", "+set", "-@dangerous", "+config|get", "(~bar", "+@read)"}); err != nil {
		t.Fatal(err)
	}
	u := r.Get("alice")
	want := "on sanitize-payload #" + HashPassword([]byte("p1")) + " ~foo* %R~r* %W~w* resetchannels &chan -@all +get +set -@dangerous +config|get (~bar resetchannels -@all +@read)"
	if got := u.Describe(); got != want {
		t.Errorf("describe:\n got %q\nwant %q", got, want)
	}
	// A later rule for the same command replaces the earlier one, and a
	// rule for a container drops its subcommand rules.
	r.SetUser("alice", []string{"-get", "+config"})
	if got := u.Root().CommandRules(); got != "-@all +set -@dangerous -get +config" {
		t.Errorf("rules: %q", got)
	}
	r.SetUser("alice", []string{"reset"})
	if got := u.Describe(); got != "off sanitize-payload resetchannels -@all" {
		t.Errorf("after reset: %q", got)
	}
}

func TestChecks(t *testing.T) {
	r := NewRegistry(newTestCatalog())
	r.SetUser("alice", []string{"on", "nopass", "~foo*", "%R~ro*", "&news.*", "+get", "+set", "+publish", "+select|0", "(+get ~bar)"})
	u := r.Get("alice")
	keys := func(need int, pos ...int) func() []KeyArg {
		return func() []KeyArg {
			var out []KeyArg
			for _, p := range pos {
				out = append(out, KeyArg{Pos: p, Need: need})
			}
			return out
		}
	}
	c := call("get", "get", "foo1")
	c.HasKeys, c.Keys = true, keys(PermRead, 1)
	if res, _ := u.CheckCmd(c); res != OK {
		t.Errorf("get foo1: %d", res)
	}
	c = call("get", "get", "bar")
	c.HasKeys, c.Keys = true, keys(PermRead, 1)
	if res, _ := u.CheckCmd(c); res != OK {
		t.Errorf("get bar via selector: %d", res)
	}
	c = call("set", "set", "bar", "1")
	c.HasKeys, c.Keys = true, keys(PermWrite, 1)
	if res, idx := u.CheckCmd(c); res != DeniedKey || idx != 1 {
		t.Errorf("set bar: %d %d", res, idx)
	}
	c = call("set", "set", "ro1", "1")
	c.HasKeys, c.Keys = true, keys(PermWrite, 1)
	if res, _ := u.CheckCmd(c); res != DeniedKey {
		t.Errorf("set on a read-only pattern: %d", res)
	}
	if res, _ := u.CheckCmd(call("flushall", "flushall")); res != DeniedCmd {
		t.Errorf("flushall: %d", res)
	}
	if res, _ := u.CheckCmd(call("select", "select", "0")); res != OK {
		t.Errorf("select 0: %d", res)
	}
	if res, _ := u.CheckCmd(call("select", "select", "1")); res != DeniedCmd {
		t.Errorf("select 1: %d", res)
	}
	pc := call("publish", "publish", "news.x", "m")
	pc.Channels = func() []ChanArg { return []ChanArg{{Pos: 1}} }
	if res, _ := u.CheckCmd(pc); res != OK {
		t.Errorf("publish news.x: %d", res)
	}
	pc = call("publish", "publish", "other", "m")
	pc.Channels = func() []ChanArg { return []ChanArg{{Pos: 1}} }
	if res, idx := u.CheckCmd(pc); res != DeniedChannel || idx != 1 {
		t.Errorf("publish other: %d %d", res, idx)
	}
	if !u.CheckChannel("news.*", true) || u.CheckChannel("news.x", true) {
		t.Error("pattern channels match literally")
	}
	if !u.CheckKey("ro1", PermRead) || u.CheckKey("ro1", PermWrite) {
		t.Error("CheckKey")
	}
	if got := ErrorMessage(DeniedCmd, "alice", "flushall", "", false); got != "User alice has no permissions to run the 'flushall' command" {
		t.Error(got)
	}
}

func TestAuthAndDefaultPassword(t *testing.T) {
	r := NewRegistry(newTestCatalog())
	if r.AuthRequired() {
		t.Fatal("fresh default user needs no auth")
	}
	r.SetDefaultPassword("secret")
	if !r.AuthRequired() || r.Authenticate([]byte("default"), []byte("x")) != nil || r.Authenticate([]byte("default"), []byte("secret")) != r.Default {
		t.Fatal("requirepass")
	}
	r.SetUser("off", []string{">pw"})
	if r.Authenticate([]byte("off"), []byte("pw")) != nil {
		t.Fatal("a disabled user authenticated")
	}
}

func TestLog(t *testing.T) {
	r := NewRegistry(newTestCatalog())
	r.AddLog(DeniedCmd, CtxToplevel, "get", "alice", "id=1", 1000)
	r.AddLog(DeniedCmd, CtxToplevel, "get", "alice", "id=2", 2000)
	r.AddLog(DeniedKey, CtxMulti, "k", "alice", "id=3", 3000)
	if len(r.Log) != 2 || r.Log[1].Count != 2 || r.Log[1].ClientInfo != "id=2" || r.Log[0].ID != 1 || r.DeniedCmd != 2 {
		t.Fatalf("log: %+v %+v", r.Log[0], r.Log[1])
	}
	r.AddLog(DeniedCmd, CtxToplevel, "get", "alice", "id=4", 70000)
	if len(r.Log) != 3 {
		t.Fatal("an entry older than 60s was folded")
	}
}

func TestFileRoundTrip(t *testing.T) {
	r := NewRegistry(newTestCatalog())
	r.SetUser("alice", []string{"on", ">p", "~k*", "+get", "(+set ~w)"})
	path := filepath.Join(t.TempDir(), "users.acl")
	if err := r.SaveFile(path); err != nil {
		t.Fatal(err)
	}
	r2 := NewRegistry(newTestCatalog())
	freed := 0
	r2.Freed = func(*User) { freed++ }
	r2.SetUser("gone", nil)
	if err := r2.LoadFile(path); err != nil {
		t.Fatal(err)
	}
	if freed != 1 || r2.Get("gone") != nil {
		t.Error("ACL LOAD kept or did not free the old users")
	}
	if a, b := r.Get("alice").Describe(), r2.Get("alice").Describe(); a != b {
		t.Errorf("round trip: %q vs %q", a, b)
	}
	os.WriteFile(path, []byte("user bob +nosuch\nbogus\n"), 0o644)
	err := r2.LoadFile(path)
	want := path + ":1: Error in applying operation '+nosuch': Unknown command or category name in ACL. " + path + ":2 should start with user keyword followed by the username. WARNING: ACL errors detected, no change to the previously active ACL rules was performed"
	if err == nil || err.Error() != want {
		t.Errorf("bad file: %v", err)
	}
	if r2.Get("alice") == nil {
		t.Error("a failed load changed the users")
	}
}
