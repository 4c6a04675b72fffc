package commands_test

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"modhost/internal/testserver"
)

// clientFields72 are CLIENT LIST's fields in Redis 7.2's order.
var clientFields72 = []string{"id", "addr", "laddr", "fd", "name", "age", "idle", "flags", "db", "sub", "psub",
	"ssub", "multi", "qbuf", "qbuf-free", "argv-mem", "multi-mem", "rbs", "rbp", "obl", "oll", "omem", "tot-mem",
	"events", "cmd", "user", "redir", "resp", "lib-name", "lib-ver"}

// parseClientLine splits one CLIENT LIST line into its fields, checking
// their order.
func parseClientLine(t *testing.T, line string) map[string]string {
	t.Helper()
	parts := strings.Split(line, " ")
	if len(parts) != len(clientFields72) {
		t.Fatalf("CLIENT LIST line has %d fields: %q", len(parts), line)
	}
	out := map[string]string{}
	for i, p := range parts {
		k, v, ok := strings.Cut(p, "=")
		if !ok || k != clientFields72[i] {
			t.Fatalf("field %d is %q, want %s (line %q)", i, p, clientFields72[i], line)
		}
		out[k] = v
	}
	return out
}

func clientLines(t *testing.T, text string) []map[string]string {
	t.Helper()
	if !strings.HasSuffix(text, "\n") {
		t.Fatalf("CLIENT LIST text does not end with a newline: %q", text)
	}
	var out []map[string]string
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		out = append(out, parseClientLine(t, l))
	}
	return out
}

var numRe = regexp.MustCompile(`^-?\d+$`)

func TestClientListAndInfo(t *testing.T) {
	m, c := modhost(t)
	other := testserver.Dial(t, m.Addr)
	str(t, other, "CLIENT", "SETNAME", "second")
	str(t, other, "SELECT", "5")
	str(t, other, "MULTI")
	str(t, other, "PING")
	id := do(t, c, "CLIENT", "ID").Int
	str(t, c, "CLIENT", "SETNAME", "first")
	do(t, c, "CLIENT", "SETINFO", "LIB-NAME", "golib")
	do(t, c, "CLIENT", "SETINFO", "lib-ver", "1.2")
	// The start-up probe connection may still be listed; find ours by name.
	var me, them map[string]string
	for _, l := range clientLines(t, str(t, c, "CLIENT", "LIST")) {
		switch l["name"] {
		case "first":
			me = l
		case "second":
			them = l
		}
	}
	if me == nil || them == nil {
		t.Fatalf("CLIENT LIST lacks our clients")
	}
	if me["id"] != strconv.FormatInt(id, 10) || me["name"] != "first" || me["cmd"] != "client|list" ||
		me["flags"] != "N" || me["db"] != "0" || me["multi"] != "-1" || me["resp"] != "2" ||
		me["user"] != "default" || me["redir"] != "-1" || me["lib-name"] != "golib" || me["lib-ver"] != "1.2" ||
		me["laddr"] != m.Addr || me["events"] != "r" {
		t.Errorf("own line %v", me)
	}
	if them["name"] != "second" || them["db"] != "5" || them["flags"] != "x" || them["multi"] != "1" ||
		them["cmd"] != "ping" {
		t.Errorf("other line %v", them)
	}
	for _, k := range []string{"fd", "age", "idle", "qbuf", "qbuf-free", "argv-mem", "multi-mem", "rbs", "rbp",
		"obl", "oll", "omem", "tot-mem"} {
		if !numRe.MatchString(me[k]) {
			t.Errorf("%s=%q is not a number", k, me[k])
		}
	}
	if !regexp.MustCompile(`^127\.0\.0\.1:\d+$`).MatchString(me["addr"]) {
		t.Errorf("addr %q", me["addr"])
	}
	info := clientLines(t, str(t, c, "CLIENT", "INFO"))
	if len(info) != 1 || info[0]["id"] != me["id"] || info[0]["cmd"] != "client|info" {
		t.Errorf("CLIENT INFO %v", info)
	}
	// CLIENT LIST ID keeps the order of the ids asked for.
	byID := clientLines(t, str(t, c, "CLIENT", "LIST", "ID", them["id"], "999999", me["id"]))
	if len(byID) != 2 || byID[0]["name"] != "second" || byID[1]["name"] != "first" {
		t.Errorf("CLIENT LIST ID order %v", byID)
	}
	if got := str(t, c, "CLIENT", "LIST", "TYPE", "pubsub"); got != "" {
		t.Errorf("CLIENT LIST TYPE pubsub: %q", got)
	}
	do(t, other, "DISCARD")
	do(t, other, "SUBSCRIBE", "ch")
	pub := clientLines(t, str(t, c, "CLIENT", "LIST", "TYPE", "pubsub"))
	if len(pub) != 1 || pub[0]["flags"] != "P" || pub[0]["sub"] != "1" {
		t.Errorf("pubsub client %v", pub)
	}
	// The RESP3 form of CLIENT INFO is a verbatim string.
	do(t, c, "HELLO", "3")
	raw, _ := c.Do("CLIENT", "INFO")
	if !bytes.HasPrefix(raw, []byte("=")) || !bytes.Contains(raw, []byte("\r\ntxt:id=")) {
		t.Errorf("RESP3 CLIENT INFO %q", raw)
	}
}

func TestClientKill(t *testing.T) {
	m, c := modhost(t)
	victim := testserver.Dial(t, m.Addr)
	vid := do(t, victim, "CLIENT", "ID").Int
	vinfo := clientLines(t, str(t, victim, "CLIENT", "INFO"))[0]
	if n := do(t, c, "CLIENT", "KILL", "ID", strconv.FormatInt(vid, 10)).Int; n != 1 {
		t.Fatalf("CLIENT KILL ID: %d", n)
	}
	if _, err := victim.Do("PING"); err == nil {
		t.Errorf("killed client still answers")
	}
	if got := str(t, c, "CLIENT", "LIST", "ID", strconv.FormatInt(vid, 10)); got != "" {
		t.Errorf("killed client still listed: %q", got)
	}
	if v := do(t, c, "CLIENT", "KILL", vinfo["addr"]); string(v.Str) != "ERR No such client" {
		t.Errorf("old-form kill of a gone client: %q", v.Str)
	}
	// Old form by address, and LADDR.
	v2 := testserver.Dial(t, m.Addr)
	addr := clientLines(t, str(t, v2, "CLIENT", "INFO"))[0]["addr"]
	if got := str(t, c, "CLIENT", "KILL", addr); got != "OK" {
		t.Errorf("CLIENT KILL addr: %q", got)
	}
	v3 := testserver.Dial(t, m.Addr)
	str(t, v3, "PING")
	// The start-up probe connection may still be registered, so at least
	// one client goes.
	if n := do(t, c, "CLIENT", "KILL", "LADDR", m.Addr).Int; n < 1 {
		t.Errorf("CLIENT KILL LADDR killed %d", n)
	}
	if _, err := v3.Do("PING"); err == nil {
		t.Errorf("client killed by LADDR still answers")
	}
	// SKIPME no kills the caller after the reply.
	if n := do(t, c, "CLIENT", "KILL", "USER", "default", "SKIPME", "no").Int; n != 1 {
		t.Errorf("CLIENT KILL SKIPME no killed %d", n)
	}
	if _, err := c.Do("PING"); err == nil {
		t.Errorf("self-killed client still answers")
	}
}

func TestClientUnblock(t *testing.T) {
	m, c := modhost(t)
	blocked := testserver.Dial(t, m.Addr)
	bid := strconv.FormatInt(do(t, blocked, "CLIENT", "ID").Int, 10)
	for _, tc := range []struct {
		mode, want string
	}{{"", "*-1\r\n"}, {"TIMEOUT", "*-1\r\n"}, {"ERROR", "-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n"}} {
		if err := blocked.Send("BLPOP", "nolist", "0"); err != nil {
			t.Fatal(err)
		}
		waitBlocked(t, c, 1)
		args := []string{"CLIENT", "UNBLOCK", bid}
		if tc.mode != "" {
			args = append(args, tc.mode)
		}
		if n := do(t, c, args...).Int; n != 1 {
			t.Fatalf("%v returned %d", args, n)
		}
		got, err := blocked.Read(2 * time.Second)
		if err != nil || string(got) != tc.want {
			t.Errorf("%v: blocked client got %q %v", args, got, err)
		}
		if n := do(t, c, "CLIENT", "UNBLOCK", bid).Int; n != 0 {
			t.Errorf("unblocking a client that is not blocked returned %d", n)
		}
	}
	// The unblocked client keeps working.
	if got := str(t, blocked, "PING"); got != "PONG" {
		t.Errorf("after unblock: %q", got)
	}
}

func waitBlocked(t *testing.T, c *testserver.Conn, n int) {
	t.Helper()
	for i := 0; i < 200; i++ {
		f, _ := infoFields(str(t, c, "INFO", "clients"))
		if f["blocked_clients"] == strconv.Itoa(n) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("blocked_clients never reached %d", n)
}

func TestClientPause(t *testing.T) {
	m, c := modhost(t)
	other := testserver.Dial(t, m.Addr)
	str(t, c, "CLIENT", "PAUSE", "5000", "WRITE")
	if got := do(t, other, "GET", "k"); !got.Null {
		t.Errorf("GET during WRITE pause: %+v", got)
	}
	if err := other.Send("SET", "k", "v"); err != nil {
		t.Fatal(err)
	}
	if raw, err := other.Read(200 * time.Millisecond); err == nil {
		t.Fatalf("SET ran during a WRITE pause: %q", raw)
	}
	str(t, c, "CLIENT", "UNPAUSE")
	if raw, err := other.Read(2 * time.Second); err != nil || string(raw) != "+OK\r\n" {
		t.Errorf("SET after UNPAUSE: %q %v", raw, err)
	}
	// A short ALL pause ends by itself.
	start := time.Now()
	str(t, c, "CLIENT", "PAUSE", "150", "ALL")
	str(t, other, "PING")
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Errorf("PING during ALL pause answered after %v", d)
	}
}

func TestClientReplyModes(t *testing.T) {
	_, c := modhost(t)
	for _, cmd := range [][]string{{"CLIENT", "REPLY", "SKIP"}, {"SET", "a", "1"}, {"CLIENT", "REPLY", "OFF"}, {"SET", "b", "2"}, {"GET", "b"}} {
		if err := c.Send(cmd...); err != nil {
			t.Fatal(err)
		}
	}
	if got := str(t, c, "CLIENT", "REPLY", "ON"); got != "OK" {
		t.Fatalf("CLIENT REPLY ON: %q", got)
	}
	if got := str(t, c, "MGET", "a", "b"); got != "" {
		// MGET's reply is an array; str returns its (empty) Str.
		t.Errorf("MGET: %q", got)
	}
	if v := do(t, c, "GET", "a"); string(v.Str) != "1" {
		t.Errorf("GET a: %q", v.Str)
	}
}

// TestAuthHelloReset compares authentication with requirepass against
// real Redis, byte for byte where replies carry no ids.
func TestAuthHelloReset(t *testing.T) {
	r := testserver.StartRedis(t, "--requirepass", "secret")
	m := testserver.StartModhost(t, "--requirepass", "secret")
	m.In.Eng.Lock.Lock()
	m.In.Eng.RequirePass = "secret"
	m.In.Eng.Lock.Unlock()
	rc, mc := testserver.Dial(t, r.Addr), testserver.Dial(t, m.Addr)
	script := [][]string{
		{"PING"}, {"GET", "k"}, {"CLIENT", "ID"}, {"DEBUG", "SLEEP", "0"}, {"AUTH", "wrong"}, {"AUTH", "default", "wrong"},
		{"AUTH", "nouser", "secret"}, {"HELLO", "3"}, {"HELLO", "2", "AUTH", "default", "wrong"},
		{"HELLO", "2", "SETNAME", "x"}, {"AUTH", "secret"}, {"PING"}, {"CLIENT", "SETNAME", "n"},
		{"RESET"}, {"PING"}, {"CLIENT", "GETNAME"}, {"AUTH", "default", "secret"}, {"CLIENT", "GETNAME"},
		{"AUTH", "a", "b", "c"},
	}
	for _, cmd := range script {
		rr, err1 := rc.Do(cmd...)
		mr, err2 := mc.Do(cmd...)
		if err1 != nil || err2 != nil {
			t.Fatalf("%v: %v %v", cmd, err1, err2)
		}
		if bytes.HasPrefix(rr, []byte("-NOAUTH HELLO")) {
			// 7.2 added "<proto>" to this text; 7.0 lacks it.
			rr = bytes.Replace(rr, []byte("HELLO AUTH"), []byte("HELLO <proto> AUTH"), 1)
		}
		if !bytes.Equal(rr, mr) {
			t.Errorf("%v\n  modhost: %q\n  redis:   %q", cmd, mr, rr)
		}
	}
	// HELLO with AUTH on a fresh connection authenticates and switches.
	fresh := testserver.Dial(t, m.Addr)
	v := do(t, fresh, "HELLO", "3", "AUTH", "default", "secret", "SETNAME", "h")
	if v.Type != '%' || len(v.Elems) != 14 {
		t.Fatalf("HELLO 3 AUTH: %+v", v)
	}
	hello := map[string]string{}
	for i := 0; i < len(v.Elems); i += 2 {
		val := string(v.Elems[i+1].Str)
		if v.Elems[i+1].Type == ':' {
			val = strconv.FormatInt(v.Elems[i+1].Int, 10)
		}
		hello[string(v.Elems[i].Str)] = val
	}
	id := strconv.FormatInt(do(t, fresh, "CLIENT", "ID").Int, 10)
	if hello["server"] != "redis" || hello["version"] != "7.2.6" || hello["proto"] != "3" || hello["id"] != id ||
		hello["mode"] != "standalone" || hello["role"] != "master" {
		t.Errorf("HELLO map %v", hello)
	}
	if got := str(t, fresh, "CLIENT", "GETNAME"); got != "h" {
		t.Errorf("HELLO SETNAME: %q", got)
	}
	// QUIT answers +OK and closes.
	q := testserver.Dial(t, m.Addr)
	if raw, err := q.Do("QUIT"); err != nil || string(raw) != "+OK\r\n" {
		t.Fatalf("QUIT: %q %v", raw, err)
	}
	if _, err := q.Read(time.Second); err == nil {
		t.Errorf("connection open after QUIT")
	}
}

func TestResetLeavesMonitorAndPubSub(t *testing.T) {
	m, c := modhost(t)
	str(t, c, "MONITOR")
	other := testserver.Dial(t, m.Addr)
	str(t, other, "PING")
	if _, err := c.Read(time.Second); err != nil {
		t.Fatalf("no MONITOR line: %v", err)
	}
	raw, err := c.Do("RESET")
	if err != nil || string(raw) != "+RESET\r\n" {
		t.Fatalf("RESET: %q %v", raw, err)
	}
	str(t, other, "PING")
	if got := str(t, c, "PING"); got != "PONG" {
		t.Errorf("after RESET: %q (monitor output leaked?)", got)
	}
	info := clientLines(t, str(t, c, "CLIENT", "INFO"))[0]
	if info["flags"] != "N" || info["db"] != "0" || info["resp"] != "2" {
		t.Errorf("after RESET: %v", info)
	}
}
