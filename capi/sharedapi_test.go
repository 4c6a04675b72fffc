package capi_test

import (
	"context"
	"regexp"
	"sort"
	"strconv"
	"testing"

	"github.com/redis/go-redis/v9"

	"modhost/internal/testserver"
)

// TestSharedAPI: mhcore exports "mhcore.answer", mhevents imports it. Both
// servers must call through, report the relation in INFO modules and
// refuse to unload the exporter while the importer uses it.
func TestSharedAPI(t *testing.T) {
	core, keys := modulePath(t, "mhcore"), modulePath(t, "mhevents")
	rd := testserver.StartRedis(t, "--enable-module-command", "yes",
		"--loadmodule", execCopy(t, core), "--loadmodule", execCopy(t, keys))
	mh := testserver.StartModhost(t, "--enable-module-command", "yes", "--loadmodule", core, "--loadmodule", keys)
	ctx := context.Background()
	info := regexp.MustCompile(`module:name=(mhcore|mhevents),[^\r\n]*usedby=(\[[^\]]*\]),using=(\[[^\]]*\])`)
	var got [2][]string
	for i, addr := range []string{mh.Addr, rd.Addr} {
		c := redis.NewClient(&redis.Options{Addr: addr, Protocol: 2})
		defer c.Close()
		var out []string
		v, err := c.Do(ctx, "mhe.shared", "5").Result()
		out = append(out, toText(v, err))
		s, err := c.Info(ctx, "modules").Result()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, relations(info, s)...)
		v, err = c.Do(ctx, "module", "unload", "mhcore").Result()
		out = append(out, toText(v, err))
		v, err = c.Do(ctx, "module", "unload", "mhevents").Result()
		out = append(out, toText(v, err))
		s, _ = c.Info(ctx, "modules").Result()
		out = append(out, relations(info, s)...)
		v, err = c.Do(ctx, "module", "unload", "mhcore").Result()
		out = append(out, toText(v, err))
		got[i] = out
	}
	want := []string{"52", "mhcore usedby=[mhevents] using=[]", "mhevents usedby=[] using=[mhcore]",
		"ERR Error unloading module: the module exports APIs used by other modules. Please unload them first and try again",
		"OK", "mhcore usedby=[] using=[]", "OK"}
	for i, side := range []string{"modhost", "redis"} {
		if len(got[i]) != len(want) {
			t.Fatalf("%s: got %q, want %q", side, got[i], want)
		}
		for j := range want {
			if got[i][j] != want[j] {
				t.Errorf("%s step %d: got %q, want %q", side, j, got[i][j], want[j])
			}
		}
	}
}

// relations extracts the usedby/using fields, sorted by module name
// (Redis lists modules in its dict's order, modhost in load order).
func relations(re *regexp.Regexp, info string) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(info, -1) {
		out = append(out, m[1]+" usedby="+m[2]+" using="+m[3])
	}
	sort.Strings(out)
	return out
}

func toText(v any, err error) string {
	if err != nil {
		return err.Error()
	}
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case string:
		return x
	}
	return "?"
}
