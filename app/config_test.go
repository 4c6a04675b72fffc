package app_test

import (
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"modhost/app"
	"modhost/internal/testserver"
)

// startInProcess starts an in-process modhost with extra arguments (a
// config file may come first) and returns its address.
func startInProcess(t *testing.T, args ...string) (string, *app.Instance) {
	t.Helper()
	port := testserver.FreePort(t)
	all := append(args, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--loglevel", "warning", "--save", "")
	in, code, err := app.New(all, io.Discard, os.Stderr)
	if err != nil {
		t.Fatalf("modhost did not start (%d): %v", code, err)
	}
	in.Srv.NoSignals = true
	go in.Srv.Serve()
	t.Cleanup(in.Srv.Close)
	addr := "127.0.0.1:" + strconv.Itoa(port)
	testserver.Dial(t, addr)
	return addr, in
}

// TestConfigSetGetRoundTrip sets directives through a live server and
// reads them back, and checks that the ones with run-time effects take
// effect.
func TestConfigSetGetRoundTrip(t *testing.T) {
	addr, _ := startInProcess(t)
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb.Close()
	set := map[string]string{
		"maxclients": "123", "timeout": "30", "loglevel": "verbose", "hz": "20",
		// maxmemory well above the test process's heap (in-process servers
		// share it), or the SET below would be refused with OOM.
		"maxmemory": "1073741824", "maxmemory-policy": "allkeys-lru", "notify-keyspace-events": "KEA",
		"slowlog-log-slower-than": "0", "proto-max-bulk-len": "2097152",
	}
	for k, v := range set {
		if err := rdb.ConfigSet(ctx, k, v).Err(); err != nil {
			t.Fatalf("CONFIG SET %s %s: %v", k, v, err)
		}
	}
	got, err := rdb.ConfigGet(ctx, "*").Result()
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range set {
		want := v
		if k == "notify-keyspace-events" {
			want = "AKE"
		}
		if got[k] != want {
			t.Errorf("CONFIG GET %s = %q, want %q", k, got[k], want)
		}
	}
	info, _ := rdb.Info(ctx, "server", "clients").Result()
	for _, w := range []string{"hz:20\r\n", "maxclients:123\r\n"} {
		if !strings.Contains(info, w) {
			t.Errorf("INFO lacks %q after CONFIG SET", w)
		}
	}

	// notify-keyspace-events reaches the engine.
	sub := rdb.Subscribe(ctx, "__keyevent@0__:set")
	defer sub.Close()
	if _, err := sub.Receive(ctx); err != nil {
		t.Fatal(err)
	}
	if err := rdb.Set(ctx, "k", "v", 0).Err(); err != nil {
		t.Fatal(err)
	}
	msg, err := sub.ReceiveMessage(ctx)
	if err != nil || msg.Payload != "k" {
		t.Fatalf("keyspace event: %v %v", msg, err)
	}

	// proto-max-bulk-len limits requests.
	if err := rdb.Set(ctx, "big", strings.Repeat("x", 2097153), 0).Err(); err == nil {
		t.Errorf("a bulk over proto-max-bulk-len was accepted")
	}

	// Failing sets change nothing and give Redis's errors.
	rdb2 := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb2.Close()
	errs := map[string][]string{
		"ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'":                                             {"nosuch", "1"},
		"ERR CONFIG SET failed (possibly related to argument 'daemonize') - can't set immutable config":                   {"daemonize", "yes"},
		"ERR CONFIG SET failed (possibly related to argument 'maxclients') - argument couldn't be parsed into an integer": {"maxclients", "x"},
	}
	for want, args := range errs {
		a := []any{"CONFIG", "SET"}
		for _, x := range args {
			a = append(a, x)
		}
		if err := rdb2.Do(ctx, a...).Err(); err == nil || err.Error() != want {
			t.Errorf("CONFIG SET %q: %v, want %q", args, err, want)
		}
	}
	if v, _ := rdb2.ConfigGet(ctx, "maxclients").Result(); v["maxclients"] != "123" {
		t.Errorf("failed CONFIG SET changed maxclients: %v", v)
	}
}

// TestConfigSetPortAndBind moves the listener with CONFIG SET port and
// refuses a bind address that cannot be used, staying where it was.
func TestConfigSetPortAndBind(t *testing.T) {
	addr, _ := startInProcess(t)
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb.Close()
	err := rdb.ConfigSet(ctx, "bind", "192.0.2.1").Err()
	if err == nil || err.Error() != "ERR CONFIG SET failed (possibly related to argument 'bind') - Failed to bind to specified addresses." {
		t.Fatalf("bind to a foreign address: %v", err)
	}
	if v, _ := rdb.ConfigGet(ctx, "bind").Result(); v["bind"] != "127.0.0.1" {
		t.Fatalf("bind after a failed set: %v", v)
	}
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatalf("old listener gone after a failed bind: %v", err)
	}
	c.Close()

	newPort := testserver.FreePort(t)
	if err := rdb.ConfigSet(ctx, "port", strconv.Itoa(newPort)).Err(); err != nil {
		t.Fatal(err)
	}
	nc := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + strconv.Itoa(newPort)})
	defer nc.Close()
	if v, err := nc.ConfigGet(ctx, "port").Result(); err != nil || v["port"] != strconv.Itoa(newPort) {
		t.Fatalf("new port: %v %v", v, err)
	}
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Fatalf("old port still accepts connections")
	}
}

// TestRequirePassAndTimeout: requirepass from the command line makes new
// clients authenticate; timeout drops idle clients.
func TestRequirePassAndTimeout(t *testing.T) {
	addr, _ := startInProcess(t, "--requirepass", "secret", "--timeout", "1")
	c := testserver.Dial(t, addr)
	r, err := c.Do("GET", "x")
	if err != nil || string(r) != "-NOAUTH Authentication required.\r\n" {
		t.Fatalf("unauthenticated GET: %q %v", r, err)
	}
	if r, _ := c.Do("AUTH", "secret"); string(r) != "+OK\r\n" {
		t.Fatalf("AUTH: %q", r)
	}
	// Idle for more than a second: the server closes the connection.
	time.Sleep(2500 * time.Millisecond)
	if _, err := c.Do("PING"); err == nil {
		t.Fatalf("idle client survived timeout 1")
	}
	// CONFIG SET requirepass "" opens the server to new clients.
	c2 := testserver.Dial(t, addr)
	c2.Do("AUTH", "secret")
	if r, _ := c2.Do("CONFIG", "SET", "requirepass", ""); string(r) != "+OK\r\n" {
		t.Fatalf("CONFIG SET requirepass: %q", r)
	}
	c3 := testserver.Dial(t, addr)
	if r, _ := c3.Do("PING"); string(r) != "+PONG\r\n" {
		t.Fatalf("PING without password: %q", r)
	}
}

// TestConfigRewriteAndResetStat rewrites the config file after CONFIG SET
// and resets the statistics.
func TestConfigRewriteAndResetStat(t *testing.T) {
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	dir := t.TempDir()
	conf := filepath.Join(dir, "redis.conf")
	writeFile(t, conf, "# my config\nmaxmemory-policy noeviction\nsave 900 1\nenable-debug-command yes\n")
	addr, _ := startInProcess(t, conf)
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb.Close()
	// --save "" after the file's save line drops every rule.
	if v, _ := rdb.ConfigGet(ctx, "save").Result(); v["save"] != "" {
		t.Fatalf("save after --save \"\": %q", v["save"])
	}
	rdb.ConfigSet(ctx, "maxmemory-policy", "allkeys-lru")
	if err := rdb.ConfigRewrite(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(conf)
	if !strings.Contains(string(data), "# my config\nmaxmemory-policy allkeys-lru\n") {
		t.Fatalf("rewritten file:\n%s", data)
	}

	// DEBUG CONFIG-REWRITE-FORCE-ALL writes defaults too.
	if err := rdb.Do(ctx, "DEBUG", "CONFIG-REWRITE-FORCE-ALL").Err(); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(conf)
	for _, want := range []string{"\nhz 10\n", "\nmaxclients 10000\n", "\nmaxmemory-policy allkeys-lru\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("force-all rewrite lacks %q:\n%s", want, data)
		}
	}

	for i := 0; i < 5; i++ {
		rdb.Get(ctx, "missing")
	}
	rdb.Do(ctx, "NOSUCHCOMMAND")
	if err := rdb.ConfigResetStat(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	info, _ := rdb.Info(ctx, "stats", "commandstats", "errorstats").Result()
	for _, bad := range []string{"cmdstat_get:", "errorstat_ERR:", "keyspace_misses:5"} {
		if strings.Contains(info, bad) {
			t.Errorf("INFO still has %q after CONFIG RESETSTAT:\n%s", bad, info)
		}
	}
	if !strings.Contains(info, "total_error_replies:0\r\n") {
		t.Errorf("total_error_replies not reset:\n%s", info)
	}
}

// TestConfigCommandMatchesRedis compares CONFIG replies with a real
// redis-server started without a config file.
func TestConfigCommandMatchesRedis(t *testing.T) {
	r := testserver.StartRedis(t)
	addr, _ := startInProcess(t)
	mc, rc := testserver.Dial(t, addr), testserver.Dial(t, r.Addr)
	cmds := [][]string{
		{"CONFIG"},
		{"CONFIG", "FOO"},
		// CONFIG HELP (7.0 says "Prints this help.") and the loglevel
		// names (7.2 added "nothing") differ between 7.0 and 7.2.
		{"CONFIG", "GET"},
		{"CONFIG", "GET", "maxclients"},
		{"CONFIG", "GET", "MAXCLIENTS"},
		{"CONFIG", "GET", "nosuch*"},
		{"CONFIG", "GET", "hash-max-ziplist-entries"},
		{"CONFIG", "SET", "maxclients"},
		{"CONFIG", "SET", "maxclients", "100", "timeout"},
		{"CONFIG", "SET", "maxclients", "100"},
		{"CONFIG", "GET", "maxclients"},
		{"CONFIG", "SET", "maxclients", "100", "maxclients", "200"},
		{"CONFIG", "SET", "maxclients", "0"},
		{"CONFIG", "SET", "dir", "/tmp"},
		{"CONFIG", "SET", "enable-debug-command", "yes"},
		{"CONFIG", "SET", "notify-keyspace-events", "Kx"},
		{"CONFIG", "GET", "notify-keyspace-events"},
		{"CONFIG", "SET", "notify-keyspace-events", "Q"},
		{"CONFIG", "REWRITE"},
		{"CONFIG", "REWRITE", "x"},
		{"CONFIG", "RESETSTAT"},
		{"CONFIG", "RESETSTAT", "x"},
	}
	for _, cmd := range cmds {
		a, errA := mc.Do(cmd...)
		b, errB := rc.Do(cmd...)
		if errA != nil || errB != nil {
			t.Fatalf("%q: %v / %v", cmd, errA, errB)
		}
		if string(a) != string(b) {
			t.Errorf("%q:\nmodhost %s\nredis   %s", cmd, testserver.Quote(a), testserver.Quote(b))
		}
	}
}
