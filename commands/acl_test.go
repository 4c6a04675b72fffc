package commands_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"modhost/internal/testserver"
)

func aclClient(t *testing.T, addr, user, pass string) *redis.Client {
	t.Helper()
	c := redis.NewClient(&redis.Options{Addr: addr, Username: user, Password: pass, MaxRetries: -1, PoolSize: 1})
	t.Cleanup(func() { c.Close() })
	return c
}

// TestACLIntegration drives users, permissions, the ACL log, EXEC's
// re-check and DELUSER's disconnections through a real client.
func TestACLIntegration(t *testing.T) {
	ctx := context.Background()
	m := testserver.StartModhost(t)
	admin := aclClient(t, m.Addr, "", "")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(admin.Do(ctx, "ACL", "SETUSER", "alice", "on", ">p1", "~foo*", "%R~ro*", "&news.*", "+get", "+set", "+multi", "+exec", "+publish", "(", "+del", "~tmp*", ")").Err())

	alice := aclClient(t, m.Addr, "alice", "p1")
	if who, err := alice.Do(ctx, "ACL", "WHOAMI").Result(); err == nil {
		t.Fatalf("alice ran ACL WHOAMI: %v", who)
	} else if err.Error() != "NOPERM User alice has no permissions to run the 'acl|whoami' command" {
		t.Fatalf("ACL WHOAMI: %v", err)
	}
	must(alice.Set(ctx, "foo1", "v", 0).Err())
	if err := alice.Set(ctx, "ro1", "v", 0).Err(); err == nil || err.Error() != "NOPERM No permissions to access a key" {
		t.Fatalf("write to a read-only pattern: %v", err)
	}
	if err := alice.Get(ctx, "ro1").Err(); err != redis.Nil {
		t.Fatalf("read of a read-only pattern: %v", err)
	}
	// The selector allows DEL on tmp* only.
	must(alice.Del(ctx, "tmp1").Err())
	if err := alice.Del(ctx, "foo1").Err(); err == nil || !strings.HasPrefix(err.Error(), "NOPERM") {
		t.Fatalf("DEL outside the selector: %v", err)
	}
	if err := alice.Publish(ctx, "other", "x").Err(); err == nil || err.Error() != "NOPERM No permissions to access a channel" {
		t.Fatalf("publish: %v", err)
	}
	must(alice.Publish(ctx, "news.1", "x").Err())

	// ACL LOG: newest first, with Redis 7.2's fields.
	entries, err := admin.Do(ctx, "ACL", "LOG", "1").Slice()
	must(err)
	if len(entries) != 1 {
		t.Fatalf("log: %v", entries)
	}
	e := entries[0].(map[interface{}]interface{})
	for _, f := range []string{"count", "reason", "context", "object", "username", "age-seconds", "client-info", "entry-id", "timestamp-created", "timestamp-last-updated"} {
		if _, ok := e[f]; !ok {
			t.Errorf("log entry lacks %s: %v", f, e)
		}
	}
	if e["reason"] != "channel" || e["object"] != "other" || e["username"] != "alice" || e["context"] != "toplevel" {
		t.Errorf("log entry: %v", e)
	}

	// EXEC checks queued commands again when the rules changed meanwhile.
	conn := alice.Conn()
	defer conn.Close()
	must(conn.Do(ctx, "MULTI").Err())
	must(conn.Do(ctx, "SET", "foo2", "v").Err())
	must(admin.Do(ctx, "ACL", "SETUSER", "alice", "-set").Err())
	// go-redis reports the array's error element as the error.
	_, err = conn.Do(ctx, "EXEC").Slice()
	if err == nil || err.Error() != "NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC call. This command is no longer allowed for the following reason: no permission to execute the command or subcommand" {
		t.Fatalf("EXEC: %v", err)
	}
	if v, err := admin.Exists(ctx, "foo2").Result(); err != nil || v != 0 {
		t.Fatalf("the refused SET ran: %v %v", v, err)
	}

	// DELUSER disconnects the user's clients; CLIENT LIST showed the user.
	list, err := admin.ClientList(ctx).Result()
	must(err)
	if !strings.Contains(list, "user=alice") {
		t.Fatalf("CLIENT LIST: %s", list)
	}
	n, err := admin.Do(ctx, "ACL", "DELUSER", "alice").Int()
	if err != nil || n != 1 {
		t.Fatalf("DELUSER: %v %v", n, err)
	}
	time.Sleep(50 * time.Millisecond)
	if err := conn.Ping(ctx).Err(); err == nil {
		t.Fatal("the deleted user's connection still works")
	}
	list, _ = admin.ClientList(ctx).Result()
	if strings.Contains(list, "user=alice") {
		t.Fatalf("alice still listed: %s", list)
	}
	if _, err := admin.Info(ctx, "stats").Result(); err != nil {
		t.Fatal(err)
	}
	info, _ := admin.Info(ctx, "stats").Result()
	if !strings.Contains(info, "acl_access_denied_channel:1") || !strings.Contains(info, "acl_access_denied_key:") {
		t.Errorf("INFO stats: %s", info)
	}
}

// TestACLFileAndConfig loads users from an aclfile, saves them back, and
// refuses user lines next to an aclfile as Redis does.
func TestACLFileAndConfig(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "users.acl")
	os.WriteFile(path, []byte("user default on nopass ~* &* +@all\nuser bob on >pw ~b* +get\n"), 0o644)
	m := testserver.StartModhost(t, "--aclfile", path)
	admin := aclClient(t, m.Addr, "", "")
	users, err := admin.Do(ctx, "ACL", "USERS").StringSlice()
	if err != nil || strings.Join(users, ",") != "bob,default" {
		t.Fatalf("users from the file: %v %v", users, err)
	}
	bob := aclClient(t, m.Addr, "bob", "pw")
	if err := bob.Get(ctx, "b1").Err(); err != redis.Nil {
		t.Fatalf("bob GET: %v", err)
	}
	if err := admin.Do(ctx, "ACL", "SETUSER", "carol", "on", "nopass", "+@read").Err(); err != nil {
		t.Fatal(err)
	}
	if err := admin.Do(ctx, "ACL", "SAVE").Err(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "user carol on nopass sanitize-payload resetchannels -@all +@read\n") {
		t.Fatalf("saved file:\n%s", data)
	}
	// A broken file changes nothing and names the problem.
	os.WriteFile(path, []byte("user dave +nosuch\n"), 0o644)
	err = admin.Do(ctx, "ACL", "LOAD").Err()
	if err == nil || !strings.Contains(err.Error(), "Error in applying operation '+nosuch'") {
		t.Fatalf("ACL LOAD of a bad file: %v", err)
	}
	users, _ = admin.Do(ctx, "ACL", "USERS").StringSlice()
	if strings.Join(users, ",") != "bob,carol,default" {
		t.Fatalf("users after a failed load: %v", users)
	}

	// user directives in the config, and requirepass on the default user.
	m2 := testserver.StartModhost(t, "--user", "eve", "on", ">x", "+@all", "~*", "--requirepass", "secret")
	anon := aclClient(t, m2.Addr, "", "")
	if err := anon.Ping(ctx).Err(); err == nil || !strings.HasPrefix(err.Error(), "NOAUTH") {
		t.Fatalf("no auth: %v", err)
	}
	eve := aclClient(t, m2.Addr, "eve", "x")
	if who, err := eve.Do(ctx, "ACL", "WHOAMI").Text(); err != nil || who != "eve" {
		t.Fatalf("eve: %v %v", who, err)
	}
}
