package commands

import (
	"errors"
	"strings"

	"modhost/config"
	"modhost/engine"
)

func init() { groups = append(groups, registerConfig) }

// Log levels of engine.ConfigState.Log (server.Level*).
const (
	logNotice  = 2
	logWarning = 3
)

func registerConfig(t *engine.Table) {
	all := []string{"request_policy:all_nodes", "response_policy:all_succeeded"}
	t.Add(&engine.Spec{Name: "config", Arity: -2,
		Summary: "A container for server configuration commands.", Since: "2.0.0", Group: "server", Complexity: "Depends on subcommand.",
		Subs: subs(
			sub("get", -3, admin|noscript|loading|stale, nil, cmdConfigGet, "Returns the effective values of configuration parameters.", "2.0.0", "O(N) when N is the number of configuration parameters provided"),
			sub("help", 2, loading|stale, nil, cmdConfigHelp, "Returns helpful text about the different subcommands.", "5.0.0", "O(1)"),
			sub("resetstat", 2, admin|noscript|loading|stale, nil, cmdConfigResetStat, "Resets the server's statistics.", "2.0.0", "O(1)", all...),
			sub("rewrite", 2, admin|noscript|loading|stale, nil, cmdConfigRewrite, "Persists the effective configuration to file.", "2.8.0", "O(1)", all...),
			sub("set", -4, admin|noscript|loading|stale, nil, cmdConfigSet, "Sets configuration parameters in-flight.", "2.0.0", "O(N) when N is the number of configuration parameters provided", all...),
		)})
}

func cmdConfigGet(c *engine.Ctx) {
	cfg := c.S.Cfg()
	if cfg == nil {
		c.W.Map(0)
		return
	}
	patterns := make([]string, 0, len(c.Args)-2)
	for _, a := range c.Args[2:] {
		patterns = append(patterns, string(a))
	}
	pairs := cfg.Get(patterns...)
	c.W.Map(len(pairs))
	for _, p := range pairs {
		c.W.BulkString(p.Name)
		c.W.BulkString(p.Value)
	}
}

func cmdConfigSet(c *engine.Ctx) {
	if len(c.Args)%2 != 0 {
		c.Error(msgSyntax)
		return
	}
	st := c.S.Config()
	if st.Cfg == nil {
		c.Error("ERR Unknown option or number of arguments for CONFIG SET - '" + c.Arg(2) + "'")
		return
	}
	args := make([]string, 0, len(c.Args)-2)
	for _, a := range c.Args[2:] {
		args = append(args, string(a))
	}
	opt := config.SetOptions{ProtectedAllowed: st.Cfg.AllowProtected("enable-protected-configs", c.C.IsLocal())}
	if st.Loading != nil {
		opt.Loading = st.Loading()
	}
	names, err := st.Cfg.Set(args, opt)
	if err != nil {
		c.Error(err.Error())
		return
	}
	for _, h := range st.Changed {
		h(names)
	}
	c.W.OK()
}

func cmdConfigResetStat(c *engine.Ctx) {
	c.S.ResetStats()
	c.S.KS.ExpiredKeys = 0
	c.S.Stats.ExpiredStalePerc = 0
	for _, h := range c.S.Config().ResetStats {
		h()
	}
	c.W.OK()
}

func cmdConfigRewrite(c *engine.Ctx) {
	st := c.S.Config()
	if st.Cfg == nil {
		c.Error(config.MsgNoConfigFile)
		return
	}
	err := st.Cfg.Rewrite(st.Rewrite)
	var re *config.RewriteError
	switch {
	case err == nil:
		configLog(st, logNotice, "CONFIG REWRITE executed with success.")
		c.W.OK()
	case errors.As(err, &re):
		configLog(st, logWarning, "CONFIG REWRITE failed: %s", strings.TrimPrefix(err.Error(), "ERR Rewriting config file: "))
		c.Error(err.Error())
	default:
		c.Error(err.Error())
	}
}

func configLog(st *engine.ConfigState, level int, format string, args ...any) {
	if st.Log != nil {
		st.Log(level, format, args...)
	}
}

func cmdConfigHelp(c *engine.Ctx) {
	replyHelp(c, `GET <pattern>
    Return parameters matching the glob-like <pattern> and their values.
SET <directive> <value>
    Set the configuration <directive> to <value>.
RESETSTAT
    Reset statistics reported by the INFO command.
REWRITE
    Rewrite the configuration file.`)
}
