package scripting_test

import (
	"strings"
	"testing"
	"time"

	"modhost/engine"
	"modhost/internal/testserver"
)

// do sends one command and returns the raw reply.
func do(t *testing.T, c *testserver.Conn, args ...string) string {
	t.Helper()
	b, err := c.Do(args...)
	if err != nil {
		t.Fatalf("%q: %v", args, err)
	}
	return string(b)
}

func expect(t *testing.T, c *testserver.Conn, want string, args ...string) {
	t.Helper()
	if got := do(t, c, args...); got != want {
		t.Errorf("%q:\n got %q\nwant %q", args, got, want)
	}
}

// TestEvalPropagation checks that a script propagates the writes it ran,
// wrapped in MULTI/EXEC when there are several, never EVAL itself, and
// as redis.set_repl directs.
func TestEvalPropagation(t *testing.T) {
	m := testserver.StartModhost(t)
	eng := m.In.Eng
	var units [][]string
	eng.Lock.Lock()
	eng.AddPropListener("test", func(unit []engine.PropOp) {
		var lines []string
		for _, op := range unit {
			var parts []string
			for _, a := range op.Args {
				parts = append(parts, string(a))
			}
			line := strings.Join(parts, " ")
			if op.Target != engine.PropAll {
				line += " (target " + string(rune('0'+op.Target)) + ")"
			}
			lines = append(lines, line)
		}
		units = append(units, lines)
	})
	eng.Lock.Unlock()
	c := testserver.Dial(t, m.Addr)
	take := func() [][]string {
		eng.Lock.Lock()
		defer eng.Lock.Unlock()
		u := units
		units = nil
		return u
	}
	check := func(want string, args ...string) {
		t.Helper()
		do(t, c, args...)
		var got []string
		for _, u := range take() {
			got = append(got, strings.Join(u, "; "))
		}
		if g := strings.Join(got, " | "); g != want {
			t.Errorf("%q propagated\n %q\nwant %q", args, g, want)
		}
	}
	check("set a 1", "EVAL", "return redis.call('set', 'a', '1')", "0")
	check("MULTI; set a 2; incr c; EXEC", "EVAL", "redis.call('set', KEYS[1], '2') return redis.call('incr', 'c')", "1", "a")
	check("", "EVAL", "return redis.call('get', 'a')", "0")
	check("", "EVAL", "redis.set_repl(redis.REPL_NONE) return redis.call('set', 'a', '3')", "0")
	check("set a 4 (target 1)", "EVAL", "redis.set_repl(redis.REPL_AOF) return redis.call('set', 'a', '4')", "0")
	check("MULTI; set a 5; set b 6 (target 2); EXEC",
		"EVAL", "redis.call('set', 'a', '5') redis.set_repl(redis.REPL_REPLICA) return redis.call('set', 'b', '6')", "0")
	// A failed script propagates what it wrote before failing.
	check("set a 7", "EVAL", "redis.call('set', 'a', '7') return redis.call('incr', 'nonnumeric', 'extra')", "0")
	// Relative expiries go out absolute, as for clients.
	do(t, c, "EVAL", "return redis.call('expire', 'a', '100')", "0")
	if u := take(); len(u) != 1 || !strings.HasPrefix(u[0][0], "PEXPIREAT a ") {
		t.Errorf("EXPIRE in a script propagated as %q", u)
	}
}

// TestScriptServesBlockedClients: keys a script makes ready serve clients
// blocked on them once the script is done.
func TestScriptServesBlockedClients(t *testing.T) {
	m := testserver.StartModhost(t)
	blocked := testserver.Dial(t, m.Addr)
	c := testserver.Dial(t, m.Addr)
	if err := blocked.Send("BLPOP", "q", "5"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	expect(t, c, ":1\r\n", "EVAL", "return redis.call('rpush', 'q', 'x')", "0")
	got, err := blocked.Read(2 * time.Second)
	if err != nil || string(got) != "*2\r\n$1\r\nq\r\n$1\r\nx\r\n" {
		t.Fatalf("blocked client got %q, %v", got, err)
	}
}

// TestScriptRedis72 covers what Redis 7.2 does differently from the 7.0
// oracle of the side-by-side transcripts: blocking commands run inside
// scripts without blocking (7.0 refused them as noscript), and
// redis.set_repl's arity error names one argument.
func TestScriptRedis72(t *testing.T) {
	m := testserver.StartModhost(t)
	c := testserver.Dial(t, m.Addr)
	expect(t, c, "$-1\r\n", "EVAL", "return redis.call('blpop', 'empty', 0)", "0")
	expect(t, c, "$-1\r\n", "EVAL", "return redis.call('brpoplpush', 'empty', 'other', 0)", "0")
	expect(t, c, "$-1\r\n", "EVAL", "return redis.call('bzpopmin', 'empty', 0)", "0")
	expect(t, c, "-ERR redis.set_repl() requires one argument. script: e39b47fd8e0d5dc1c7155bbafcefaf48cf163f82, on @user_script:1.\r\n",
		"EVAL", "redis.set_repl()", "0")
	expect(t, c, "+OK\r\n", "SCRIPT", "DEBUG", "NO")
	got := do(t, c, "SCRIPT", "HELP")
	if !strings.HasSuffix(got, "+HELP\r\n+    Print this help.\r\n") {
		t.Errorf("SCRIPT HELP ends %q", got[len(got)-40:])
	}
}

// TestBusyScript: a script past busy-reply-threshold lets other clients
// in; they get BUSY, SCRIPT KILL stops it, and one that wrote cannot be
// killed.
func TestBusyScript(t *testing.T) {
	m := testserver.StartModhost(t)
	c := testserver.Dial(t, m.Addr)
	other := testserver.Dial(t, m.Addr)
	admin := testserver.Dial(t, m.Addr)
	expect(t, other, "-NOTBUSY No scripts in execution right now.\r\n", "SCRIPT", "KILL")
	expect(t, c, "+OK\r\n", "CONFIG", "SET", "busy-reply-threshold", "50")
	if err := c.Send("EVAL", "local i = 0 while true do i = i + 1 end", "0"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	expect(t, other, "-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n", "GET", "x")
	// MULTI is allowed; a command refused as busy dooms the transaction.
	expect(t, other, "+OK\r\n", "MULTI")
	expect(t, other, "-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n", "INCR", "x")
	expect(t, admin, "+OK\r\n", "SCRIPT", "KILL")
	got, err := c.Read(2 * time.Second)
	if err != nil || !strings.HasPrefix(string(got), "-ERR Script killed by user with SCRIPT KILL... script: ") {
		t.Fatalf("killed script replied %q, %v", got, err)
	}
	expect(t, other, "+QUEUED\r\n", "INCR", "x")
	if got := do(t, other, "EXEC"); !strings.HasPrefix(got, "-EXECABORT") {
		t.Errorf("EXEC after a BUSY refusal: %q", got)
	}
	expect(t, other, "$-1\r\n", "GET", "x")

	if err := c.Send("EVAL", "redis.call('set', 'x', 1) for i = 1, 5000000 do end return 'done'", "0"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	expect(t, admin, "-UNKILLABLE Sorry the script already executed write commands against the dataset. "+
		"You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.\r\n",
		"SCRIPT", "KILL")
	if got, err := c.Read(60 * time.Second); err != nil || string(got) != "$4\r\ndone\r\n" {
		t.Fatalf("unkillable script replied %q, %v", got, err)
	}
}

// TestScriptTime: TIME inside a script answers the script's start time
// every time (Redis 7.2's cached time), so a script sees time stand still.
func TestScriptTime(t *testing.T) {
	m := testserver.StartModhost(t)
	c := testserver.Dial(t, m.Addr)
	got := do(t, c, "EVAL", "local a = redis.call('time') for i = 1, 200000 do end local b = redis.call('time') return {a[1], a[2], b[1], b[2]}", "0")
	var parts []string
	for _, l := range strings.Split(got, "\r\n") {
		if l != "" && l[0] != '*' && l[0] != '$' {
			parts = append(parts, l)
		}
	}
	if len(parts) != 4 || parts[0] != parts[2] || parts[1] != parts[3] {
		t.Fatalf("TIME moved inside a script: %q", got)
	}
}
