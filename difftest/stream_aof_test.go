package difftest

import (
	"io"
	"os"
	"strconv"
	"testing"

	"modhost/app"
	"modhost/internal/testserver"
)

// TestXaddLimitReplayedExact: XADD with "MAXLEN ~ n LIMIT m" trims only
// what LIMIT allows; the AOF gets "MAXLEN = <length left> LIMIT m", and
// replaying it must trim exactly to that length with LIMIT ignored (the
// AOF client, like a master, is obeyed; a user's LIMIT without "~" is an
// error). Loaded with a node size that would make LIMIT bite, the stream
// must come back with the same length. Checked on modhost and, when
// installed, on redis-server, which agree.
func TestXaddLimitReplayedExact(t *testing.T) {
	args := []string{"--appendonly", "yes", "--enable-debug-command", "yes", "--stream-node-max-entries", "10"}
	servers := map[string]string{"modhost": startWithAOF(t, args...)}
	if redisOrSkip(t) != "" {
		servers["redis"] = testserver.StartRedis(t, args...).Addr
	}
	for name, addr := range servers {
		t.Run(name, func(t *testing.T) {
			c := testserver.Dial(t, addr)
			for i := 1; i <= 100; i++ {
				if _, err := c.Do("XADD", "s", strconv.Itoa(i), "f", "v"); err != nil {
					t.Fatal(err)
				}
			}
			mustDo(t, c, "$5\r\n200-0\r\n", "XADD", "s", "MAXLEN", "~", "55", "LIMIT", "30", "200-0", "f", "v")
			mustDo(t, c, ":71\r\n", "XLEN", "s")
			mustDo(t, c, "+OK\r\n", "CONFIG", "SET", "stream-node-max-entries", "1")
			mustDo(t, c, "+OK\r\n", "DEBUG", "LOADAOF")
			mustDo(t, c, ":71\r\n", "XLEN", "s")
			mustDo(t, c, "-ERR syntax error, LIMIT cannot be used without the special ~ option\r\n", "XADD", "s", "MAXLEN", "=", "5", "LIMIT", "30", "*", "f", "v")
		})
	}
}

// startWithAOF starts an in-process modhost with persistence wired as the
// binary wires it (DEBUG LOADAOF needs it) and returns its address.
func startWithAOF(t *testing.T, extra ...string) string {
	t.Helper()
	if wd, err := os.Getwd(); err == nil {
		// --dir changes the working directory.
		t.Cleanup(func() { os.Chdir(wd) })
	}
	port := testserver.FreePort(t)
	args := append([]string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--loglevel", "warning",
		"--dir", t.TempDir()}, extra...)
	in, _, err := app.New(args, io.Discard, io.Discard)
	if err != nil {
		t.Fatalf("modhost did not start: %v", err)
	}
	if err := in.StartPersistence(app.PersistenceFromConfig(in.Cfg), nil); err != nil {
		in.Srv.Close()
		t.Fatal(err)
	}
	in.Srv.NoSignals = true
	go in.Srv.Serve()
	t.Cleanup(in.Srv.Close)
	return "127.0.0.1:" + strconv.Itoa(port)
}
