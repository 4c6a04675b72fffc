package config

import (
	"errors"
	"reflect"
	"testing"
)

func TestSetAtomicValidation(t *testing.T) {
	c := New()
	_, err := c.Set([]string{"maxmemory", "1mb", "hz", "x"}, SetOptions{})
	if err == nil || err.Error() != "ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed into an integer" {
		t.Fatalf("err %v", err)
	}
	if c.Memory("maxmemory") != 0 {
		t.Error("maxmemory changed although the command failed")
	}
	names, err := c.Set([]string{"MAXMEMORY", "1mb", "slave-read-only", "no"}, SetOptions{})
	if err != nil || !reflect.DeepEqual(names, []string{"maxmemory", "replica-read-only"}) {
		t.Fatal(names, err)
	}
	if c.Memory("maxmemory") != 1<<20 || c.Bool("replica-read-only") {
		t.Error("values not set")
	}
	if _, err := c.Set([]string{"maxmemory"}, SetOptions{}); err == nil || err.Error() != MsgSyntaxErr {
		t.Errorf("odd args: %v", err)
	}
}

func TestSetProtectedAndLoading(t *testing.T) {
	c := New()
	if _, err := c.Set([]string{"dbfilename", "a.rdb"}, SetOptions{}); err == nil || err.Error() != "ERR CONFIG SET failed (possibly related to argument 'dbfilename') - can't set protected config" {
		t.Errorf("protected: %v", err)
	}
	if _, err := c.Set([]string{"dbfilename", "a.rdb"}, SetOptions{ProtectedAllowed: true}); err != nil || c.String("dbfilename") != "a.rdb" {
		t.Errorf("allowed: %v", err)
	}
	if _, err := c.Set([]string{"appendonly", "yes"}, SetOptions{Loading: true}); err == nil || err.Error() != MsgLoading {
		t.Errorf("loading: %v", err)
	}
	// An unknown name wins over the loading error reported later only if
	// it comes first, as in Redis.
	if _, err := c.Set([]string{"nope", "1", "appendonly", "yes"}, SetOptions{Loading: true}); err == nil || err.Error() != "ERR Unknown option or number of arguments for CONFIG SET - 'nope'" {
		t.Errorf("unknown first: %v", err)
	}
	if c.AllowProtected("enable-protected-configs", true) {
		t.Error("protected configs allowed by default")
	}
	c.LoadString("enable-debug-command local\n")
	if !c.AllowProtected("enable-debug-command", true) || c.AllowProtected("enable-debug-command", false) {
		t.Error("local rule")
	}
	if !c.Sensitive("requirepass") || c.Sensitive("port") || c.Sensitive("nope") {
		t.Error("sensitive flags")
	}
}

func TestApplyAndRollback(t *testing.T) {
	c := New()
	var calls []string
	c.OnApply("maxmemory", func(old, new string) error {
		calls = append(calls, "maxmemory "+old+"->"+new)
		return nil
	})
	c.OnApply("port", func(old, new string) error {
		calls = append(calls, "port "+old+"->"+new)
		if new == "1" {
			return errors.New("Unable to listen on this port. Check server logs.")
		}
		return nil
	})
	if _, err := c.Set([]string{"maxmemory", "5", "port", "7000"}, SetOptions{}); err != nil {
		t.Fatal(err)
	}
	// Unchanged values do not call apply.
	if _, err := c.Set([]string{"maxmemory", "5"}, SetOptions{}); err != nil {
		t.Fatal(err)
	}
	_, err := c.Set([]string{"maxmemory", "9", "port", "1"}, SetOptions{})
	if err == nil || err.Error() != "ERR CONFIG SET failed (possibly related to argument 'port') - Unable to listen on this port. Check server logs." {
		t.Fatalf("err %v", err)
	}
	if c.Memory("maxmemory") != 5 || c.Int("port") != 7000 {
		t.Errorf("not rolled back: %d %d", c.Memory("maxmemory"), c.Int("port"))
	}
	want := []string{"maxmemory 0->5", "port 6379->7000", "maxmemory 5->9", "port 7000->1", "maxmemory 9->5", "port 1->7000"}
	if !reflect.DeepEqual(calls, want) {
		t.Errorf("calls %q", calls)
	}
	if c.OnApply("nope", nil) {
		t.Error("OnApply accepted an unknown name")
	}
}

func TestTypedGetters(t *testing.T) {
	c := New()
	if err := c.LoadString("save 10 1 20 2\nclient-output-buffer-limit normal 1mb 2mb 3\nreplicaof h 99\nnotify-keyspace-events Ex\nlatency-tracking-info-percentiles 1 2.5\n"); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Save(), []SaveParam{{10, 1}, {20, 2}}) {
		t.Errorf("save %v", c.Save())
	}
	if l := c.OutputBufferLimits(); l[0] != (OutputBufferLimit{1 << 20, 2 << 20, 3}) || l[2].Hard != 32<<20 {
		t.Errorf("obuf %v", l)
	}
	if h, p, ok := c.ReplicaOf(); !ok || h != "h" || p != 99 {
		t.Errorf("replicaof %v %v %v", h, p, ok)
	}
	if c.NotifyKeyspaceEvents() != NotifyExpired|NotifyKeyevent {
		t.Error("notify")
	}
	if v := c.Lookup("latency-tracking-info-percentiles"); !reflect.DeepEqual(v.Floats(), []float64{1, 2.5}) {
		t.Error("floats")
	}
	if v := c.Lookup("pidfile"); !v.IsNull() || v.String() != "" {
		t.Error("pidfile should be unset")
	}
	if c.Int("maxmemory-policy") != 7 || c.String("maxmemory-policy") != "noeviction" {
		t.Error("enum")
	}
	c.Set([]string{"maxmemory-clients", "10%"}, SetOptions{})
	if c.Int("maxmemory-clients") != -10 {
		t.Error("percent stored negative")
	}
}

func TestModuleConfigs(t *testing.T) {
	c := New()
	var size int64 = 5
	var name = "x"
	applied := 0
	mod := "mymod"
	c.LoadString("mymod.size 7\n")
	if err := c.Register(&ModuleConfig{Name: "mymod.size", Kind: KindNumeric, Default: "5", Min: 0, Max: 100,
		Get:   func() ModuleValue { return ModuleValue{Int: size} },
		Set:   func(v ModuleValue) error { size = v.Int; return nil },
		Apply: func() error { applied++; return nil }, ApplyKey: mod}); err != nil {
		t.Fatal(err)
	}
	if err := c.Register(&ModuleConfig{Name: "mymod.name", Kind: KindString, Default: "x",
		Get: func() ModuleValue { return ModuleValue{Str: name} },
		Set: func(v ModuleValue) error {
			if v.Str == "bad" {
				return errors.New("name refused")
			}
			name = v.Str
			return nil
		},
		Apply: func() error { applied++; return nil }, ApplyKey: mod}); err != nil {
		t.Fatal(err)
	}
	if err := c.Register(&ModuleConfig{Name: "mymod.size", Kind: KindBool}); err != ErrConfigExists {
		t.Errorf("duplicate register: %v", err)
	}
	if v, ok := c.TakeModuleConfig("mymod.size"); !ok || c.SetModuleValue("mymod.size", v) != nil || size != 7 {
		t.Errorf("queued value not applied: %d", size)
	}
	if _, err := c.Set([]string{"mymod.size", "9", "mymod.name", "y"}, SetOptions{}); err != nil || size != 9 || name != "y" || applied != 1 {
		t.Errorf("set: %v size %d name %q applied %d", err, size, name, applied)
	}
	_, err := c.Set([]string{"mymod.size", "200"}, SetOptions{})
	if err == nil || err.Error() != "ERR CONFIG SET failed (possibly related to argument 'mymod.size') - argument must be between 0 and 100 inclusive" {
		t.Errorf("bounds: %v", err)
	}
	_, err = c.Set([]string{"mymod.size", "1", "mymod.name", "bad"}, SetOptions{})
	if err == nil || err.Error() != "ERR CONFIG SET failed (possibly related to argument 'mymod.name') - name refused" || size != 9 {
		t.Errorf("callback error: %v size %d", err, size)
	}
	if got := c.Get("mymod.*"); len(got) != 2 || got[0] != (Pair{"mymod.size", "9"}) || got[1] != (Pair{"mymod.name", "y"}) {
		t.Errorf("get %v", got)
	}
	c.Unregister("mymod.size")
	if c.Lookup("mymod.size") != nil || len(c.Get("mymod.*")) != 1 {
		t.Error("unregister")
	}
	if _, err := c.Set([]string{"mymod.size", "1"}, SetOptions{}); err == nil {
		t.Error("set after unregister")
	}
}

func TestGetHiddenAndDedup(t *testing.T) {
	c := New()
	if got := c.Get("key-load-delay"); len(got) != 1 {
		t.Error("hidden config must answer an exact name")
	}
	for _, p := range c.Get("*") {
		if p.Name == "key-load-delay" {
			t.Error("hidden config matched a pattern")
		}
	}
	got := c.Get("maxmemory", "MAXMEMORY", "maxmem*")
	n := 0
	for _, p := range got {
		if p.Name == "maxmemory" || p.Name == "MAXMEMORY" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("maxmemory reported %d times: %v", n, got)
	}
}

func TestSetDirect(t *testing.T) {
	c := New()
	if _, err := c.Set([]string{"replicaof", "h 1"}, SetOptions{}); err == nil || err.Error() != "ERR CONFIG SET failed (possibly related to argument 'replicaof') - can't set immutable config" {
		t.Errorf("CONFIG SET replicaof: %v", err)
	}
	if err := c.SetDirect("replicaof", "h", "1"); err != nil || c.String("replicaof") != "h 1" || c.String("slaveof") != "h 1" {
		t.Errorf("SetDirect: %v %q", err, c.String("replicaof"))
	}
	if err := c.SetDirect("replicaof", "NO", "ONE"); err != nil || c.String("replicaof") != "" {
		t.Errorf("no one: %v", err)
	}
	if err := c.SetDirect("replicaof", "h", "x"); err == nil || err.Error() != "Invalid master port" {
		t.Errorf("bad port: %v", err)
	}
	if err := c.SetDirect("nope", "1"); err == nil {
		t.Error("unknown accepted")
	}
}

func TestRollbackSpecialValues(t *testing.T) {
	c := New()
	c.OnApply("port", func(old, new string) error { return errors.New("no") })
	before := c.Get("save", "bind", "client-output-buffer-limit", "notify-keyspace-events", "maxmemory-clients")
	_, err := c.Set([]string{"save", "1 1", "bind", "1.1.1.1", "client-output-buffer-limit", "normal 1 2 3",
		"notify-keyspace-events", "Kx", "maxmemory-clients", "5%", "port", "1"}, SetOptions{})
	if err == nil || err.Error() != "ERR CONFIG SET failed (possibly related to argument 'port') - no" {
		t.Fatal(err)
	}
	after := c.Get("save", "bind", "client-output-buffer-limit", "notify-keyspace-events", "maxmemory-clients")
	if !reflect.DeepEqual(before, after) || c.Int("port") != 6379 || len(c.Save()) != 3 {
		t.Errorf("not restored:\n%v\n%v", before, after)
	}
}
