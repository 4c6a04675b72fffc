package commands_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"modhost/internal/testserver"
)

// TestACLModuleAPIs loads cmodules/mhacl and exercises the module ACL
// APIs through it.
func TestACLModuleAPIs(t *testing.T) {
	so, _ := filepath.Abs("../bin/modules/mhacl.so")
	if _, err := os.Stat(so); err != nil {
		t.Fatalf("%s is not built (make modules): %v", so, err)
	}
	ctx := context.Background()
	m := testserver.StartModhost(t, "--loadmodule", so)
	admin := aclClient(t, m.Addr, "", "")
	do := func(c *redis.Client, args ...any) (any, error) { return c.Do(ctx, args...).Result() }
	expect := func(c *redis.Client, want string, args ...any) {
		t.Helper()
		v, err := do(c, args...)
		got := ""
		if err != nil {
			got = "ERR:" + err.Error()
		} else {
			got = strings.TrimSpace(strings.ReplaceAll(strings.Trim(strings.ReplaceAll(fmtAny(v), "\n", " "), "[]"), "  ", " "))
		}
		if got != want {
			t.Errorf("%v: got %q, want %q", args, got, want)
		}
	}

	// Module users: created off with no permissions, rules all or nothing.
	expect(admin, "OK", "mhacl.user", "on ~k* &ch +get +set")
	expect(admin, "ERR:ERR Error in ACL SETUSER modifier '+nosuch': Unknown command or category name in ACL", "mhacl.user", "on +nosuch")
	expect(admin, "OK", "mhacl.user", "on ~k* &ch +get +set")
	expect(admin, "on sanitize-payload ~k* resetchannels &ch -@all +get +set", "mhacl.describe")
	expect(admin, "ERR:ERR bad rule", "mhacl.rule", "+nosuch")
	expect(admin, "OK", "mhacl.rule", "%R~ro*")
	expect(admin, "OK", "mhacl.rule", "+mhacl.whoami")
	expect(admin, "on sanitize-payload ~k* %R~ro* resetchannels &ch -@all +get +set +mhacl.whoami", "mhacl.describe")
	if users, _ := admin.Do(ctx, "ACL", "USERS").StringSlice(); strings.Join(users, ",") != "default" {
		t.Errorf("a module user is listed: %v", users)
	}

	// Checks against a registry user.
	if err := admin.Do(ctx, "ACL", "SETUSER", "u1", "on", "nopass", "~k*", "%R~ro*", "&news.*", "+get", "+set").Err(); err != nil {
		t.Fatal(err)
	}
	expect(admin, "OK", "mhacl.checkcmd", "u1", "get", "k1")
	expect(admin, "ERR:ERR EACCES", "mhacl.checkcmd", "u1", "get", "other")
	expect(admin, "ERR:ERR EACCES", "mhacl.checkcmd", "u1", "del", "k1")
	expect(admin, "ERR:ERR ENOENT", "mhacl.checkcmd", "u1", "nosuchcmd")
	expect(admin, "OK", "mhacl.checkkey", "u1", "ro1", "R")
	expect(admin, "ERR:ERR EACCES", "mhacl.checkkey", "u1", "ro1", "RW")
	expect(admin, "ERR:ERR EINVAL", "mhacl.checkkey", "u1", "ro1", "X")
	expect(admin, "OK", "mhacl.checkchan", "u1", "news.x", "PUB")
	expect(admin, "ERR:ERR denied", "mhacl.checkchan", "u1", "news.*x", "PSUB")
	expect(admin, "OK", "mhacl.checkchan", "u1", "other", "UNSUB")
	expect(admin, "ERR:ERR no such user", "mhacl.checkcmd", "nobody", "get", "k")

	// RM_Call "C": runs as the context's user, refused as Redis refuses.
	expect(admin, "OK", "mhacl.callas", "set", "k1", "v")
	expect(admin, "ERR:NOPERM No permissions to access a key", "mhacl.callas", "set", "other", "v")
	expect(admin, "ERR:NOPERM User modu has no permissions to run the 'del' command", "mhacl.callas", "del", "k1")
	log, err := admin.Do(ctx, "ACL", "LOG", "1").Slice()
	if err != nil || len(log) != 1 {
		t.Fatalf("ACL LOG: %v %v", log, err)
	}
	e := log[0].(map[interface{}]interface{})
	if e["context"] != "module" || e["username"] != "modu" || e["object"] != "del" || e["reason"] != "command" {
		t.Errorf("log entry: %v", e)
	}
	expect(admin, "OK", "mhacl.log", "someone", "thekey")
	log, _ = admin.Do(ctx, "ACL", "LOG", "1").Slice()
	if e := log[0].(map[interface{}]interface{}); e["reason"] != "key" || e["username"] != "someone" || e["object"] != "thekey" {
		t.Errorf("module log entry: %v", e)
	}

	// Authenticating a client as the module user; its callback fires once
	// when the client changes user.
	c := aclClient(t, m.Addr, "", "")
	expect(c, "default", "mhacl.whoami")
	if _, err := do(c, "mhacl.authmod"); err != nil {
		t.Fatal(err)
	}
	expect(c, "modu", "mhacl.whoami")
	expect(c, "ERR:NOPERM User modu has no permissions to run the 'mhacl.changes' command", "mhacl.changes")
	expect(admin, "0", "mhacl.changes")
	if _, err := do(c, "mhacl.authuser", "u1"); err != nil {
		t.Fatal(err)
	}
	expect(admin, "1", "mhacl.changes")
	expect(c, "ERR:ERR cannot authenticate", "mhacl.authuser", "nobody")
	// RESET puts the client back on the default user and tells the module.
	rc := aclClient(t, m.Addr, "", "").Conn()
	defer rc.Close()
	if err := rc.Do(ctx, "mhacl.authuser", "u1").Err(); err != nil {
		t.Fatal(err)
	}
	if v, err := rc.Do(ctx, "RESET").Text(); err != nil || v != "RESET" {
		t.Fatalf("RESET: %v %v", v, err)
	}
	if who, _ := rc.Do(ctx, "mhacl.whoami").Text(); who != "default" {
		t.Errorf("after RESET: %s", who)
	}
	expect(admin, "1", "mhacl.changes")

	// Recreating the module user frees the old one and disconnects its
	// clients.
	c2 := aclClient(t, m.Addr, "", "").Conn()
	defer c2.Close()
	if err := c2.Do(ctx, "mhacl.authmod").Err(); err != nil {
		t.Fatal(err)
	}
	expect(admin, "OK", "mhacl.user", "on +@all ~*")
	time.Sleep(50 * time.Millisecond)
	if err := c2.Ping(ctx).Err(); err == nil {
		t.Error("a client of a freed module user still works")
	}
	expect(admin, "1", "mhacl.changes")

	// Module auth: the callback decides for "modauth".
	ma := aclClient(t, m.Addr, "", "")
	expect(ma, "ERR:ERR mhacl says no", "AUTH", "modauth", "nope")
	expect(ma, "OK", "AUTH", "modauth", "letmein")
	expect(ma, "modu", "mhacl.whoami")
	expect(ma, "ERR:WRONGPASS invalid username-password pair or user is disabled.", "AUTH", "nobody", "x")

	// Redaction reaches the slow log.
	admin.ConfigSet(ctx, "slowlog-log-slower-than", "0")
	admin.Do(ctx, "SLOWLOG", "RESET")
	expect(admin, "OK", "mhacl.secret", "a", "hush")
	admin.ConfigSet(ctx, "slowlog-log-slower-than", "10000")
	sl, _ := admin.Do(ctx, "SLOWLOG", "GET", "2").Slice()
	found := false
	for _, ent := range sl {
		if strings.Contains(fmtAny(ent), "mhacl.secret a (redacted)") {
			found = true
		}
	}
	if !found {
		t.Errorf("slow log: %v", sl)
	}
}

// fmtAny prints a reply value the way the checks above compare it.
func fmtAny(v any) string { return fmt.Sprint(v) }
