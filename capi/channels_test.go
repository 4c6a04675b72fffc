package capi_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"modhost/internal/testserver"
)

// channelCases are MHCHAN.USE argument lists for a user allowed the
// channels "exact" and "news.*" (a pattern).
var channelCases = [][]any{
	{"sub", "exact"},
	{"sub", "other"},
	{"pub", "news.1"},
	{"pub", "exact2"},
	{"psub", "news.*"}, // a pattern channel must match the allowed pattern literally
	{"psub", "news.1"},
	{"psub", "*"},
	{"unsub", "other"}, // unsubscribing needs no permission
	{"punsub", "other*"},
	{"none", "other"},
	{"pubsub", "exact", "sub", "exact", "pub", "bad"}, // the first denied channel is named
	{"sub", "exact", "unsub", "x", "psub", "y*"},
}

// channelScenario checks each case with ACL DRYRUN and by running it as
// the user; the replies come back in order, followed by the ACL LOG
// entries (reason, context, object, username) the denials left.
func channelScenario(t *testing.T, addr string) (dry, run, log []string) {
	ctx := context.Background()
	admin := redis.NewClient(&redis.Options{Addr: addr, Protocol: 2})
	defer admin.Close()
	if err := admin.Do(ctx, "acl", "setuser", "u", "on", ">pw", "+@all", "resetchannels", "&exact", "&news.*").Err(); err != nil {
		t.Fatal(err)
	}
	user := redis.NewClient(&redis.Options{Addr: addr, Protocol: 2, Username: "u", Password: "pw"})
	defer user.Close()
	reply := func(v any, err error) string {
		if err != nil {
			return err.Error()
		}
		return fmt.Sprint(v)
	}
	for _, c := range channelCases {
		dry = append(dry, reply(admin.Do(ctx, append([]any{"acl", "dryrun", "u", "mhchan.use"}, c...)...).Result()))
		run = append(run, reply(user.Do(ctx, append([]any{"mhchan.use"}, c...)...).Result()))
	}
	// Without the flag nothing is checked.
	dry = append(dry, reply(admin.Do(ctx, "acl", "dryrun", "u", "mhchan.plain", "sub", "other").Result()))
	run = append(run, reply(user.Do(ctx, "mhchan.plain", "sub", "other").Result()))

	entries, err := admin.Do(ctx, "acl", "log").Slice()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		m := map[string]any{}
		kv := e.([]any)
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		log = append(log, fmt.Sprintf("%v %v %v %v %v", m["count"], m["reason"], m["context"], m["object"], m["username"]))
	}
	return dry, run, log
}

// TestGetChannelsAPI checks the getchannels-api against the user's
// channel permissions with Redis 7.2's texts.
func TestGetChannelsAPI(t *testing.T) {
	m := testserver.StartModhost(t, "--loadmodule", modulePath(t, "mhchannels"))
	dry, run, log := channelScenario(t, m.Addr)
	deny := func(ch string) string { return "User u has no permissions to access the '" + ch + "' channel" }
	const noperm = "NOPERM No permissions to access a channel"
	wantDry := []string{"OK", deny("other"), "OK", deny("exact2"), "OK", deny("news.1"), deny("*"),
		"OK", "OK", "OK", deny("bad"), deny("y*"), "OK"}
	wantRun := []string{"1", noperm, "1", noperm, "1", noperm, noperm, "1", "1", "1", noperm, noperm, "1"}
	wantLog := []string{ // newest first
		"1 channel toplevel y* u", "1 channel toplevel bad u", "1 channel toplevel * u",
		"1 channel toplevel news.1 u", "1 channel toplevel exact2 u", "1 channel toplevel other u",
	}
	for _, c := range []struct {
		what      string
		got, want []string
	}{{"dryrun", dry, wantDry}, {"run", run, wantRun}, {"acl log", log, wantLog}} {
		if strings.Join(c.got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", c.what, strings.Join(c.got, "\n"), strings.Join(c.want, "\n"))
		}
	}

	ctx := context.Background()
	admin := redis.NewClient(&redis.Options{Addr: m.Addr, Protocol: 2})
	defer admin.Close()
	// Positions at 0 or past the arguments are ignored (Redis would read
	// past argv); the real one still counts.
	if got, err := admin.Do(ctx, "acl", "dryrun", "u", "mhchan.beyond", "other").Text(); err != nil || got != deny("other") {
		t.Errorf("beyond other: %q %v", got, err)
	}
	if got, err := admin.Do(ctx, "acl", "dryrun", "u", "mhchan.beyond", "exact").Text(); err != nil || got != "OK" {
		t.Errorf("beyond exact: %q %v", got, err)
	}
	// Outside a channel-position call ChannelAtPosWithFlags does nothing.
	if got, err := admin.Do(ctx, "mhchan.beyond", "x").Text(); err != nil || got != "OK" {
		t.Errorf("beyond run: %q %v", got, err)
	}
	// A permitted publish really runs.
	sub := admin.Subscribe(ctx, "news.7")
	defer sub.Close()
	if _, err := sub.Receive(ctx); err != nil {
		t.Fatal(err)
	}
	user := redis.NewClient(&redis.Options{Addr: m.Addr, Protocol: 2, Username: "u", Password: "pw"})
	defer user.Close()
	if err := user.Do(ctx, "mhchan.use", "pub", "news.7").Err(); err != nil {
		t.Fatal(err)
	}
	msg, err := sub.ReceiveMessage(ctx)
	if err != nil || msg.Payload != "mhchan" {
		t.Errorf("message %v %v", msg, err)
	}
}

// TestGetChannelsAPIAgainstRedis runs the same cases on redis-server
// with the same module. Redis 7.0 words the denials differently (7.2
// changed them), so only which calls pass or fail and the ACL LOG are
// compared.
func TestGetChannelsAPIAgainstRedis(t *testing.T) {
	so := execCopy(t, modulePath(t, "mhchannels"))
	r := testserver.StartRedis(t, "--loadmodule", so)
	wantDry, wantRun, wantLog := channelScenario(t, r.Addr)
	m := testserver.StartModhost(t, "--loadmodule", modulePath(t, "mhchannels"))
	dry, run, log := channelScenario(t, m.Addr)
	class := func(list []string) string {
		out := make([]string, len(list))
		for i, s := range list {
			switch {
			case s == "OK" || s == "1":
				out[i] = "ok"
			case strings.HasPrefix(s, "NOPERM "):
				out[i] = "noperm"
			case strings.Contains(s, "has no permissions to access the '"):
				out[i] = "denied " + s[strings.Index(s, "'"):]
			default:
				out[i] = s
			}
		}
		return strings.Join(out, "\n")
	}
	if class(dry) != class(wantDry) {
		t.Errorf("dryrun:\n%s\nredis-server:\n%s", class(dry), class(wantDry))
	}
	if class(run) != class(wantRun) {
		t.Errorf("run:\n%s\nredis-server:\n%s", class(run), class(wantRun))
	}
	if strings.Join(log, "\n") != strings.Join(wantLog, "\n") {
		t.Errorf("acl log:\n%s\nredis-server:\n%s", strings.Join(log, "\n"), strings.Join(wantLog, "\n"))
	}
}
