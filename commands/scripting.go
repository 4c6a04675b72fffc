package commands

import (
	"strconv"
	"strings"

	"modhost/engine"
	"modhost/scripting"
)

func init() { groups = append(groups, registerScripting) }

// registerScripting adds EVAL, EVALSHA, their read-only forms and SCRIPT;
// the work is done in package scripting.
func registerScripting(t *engine.Table) {
	acl := []string{"slow", "scripting"}
	evalFlags := noscript | engine.FlagSkipMonitor | engine.FlagMayReplicate | engine.FlagNoMandatoryKeys | stale
	roFlags := noscript | engine.FlagSkipMonitor | engine.FlagNoMandatoryKeys | stale | readonly
	rwKeys := func(notes string) []engine.KeySpec {
		return []engine.KeySpec{{Notes: notes, Flags: []string{"RW", "access", "update"}, Index: 2, KeyNum: true, KeyNumIdx: 0, FirstKey: 1, KeyStep: 1}}
	}
	roKeys := func(notes string) []engine.KeySpec {
		return []engine.KeySpec{{Notes: notes, Flags: []string{"RO", "access"}, Index: 2, KeyNum: true, KeyNumIdx: 0, FirstKey: 1, KeyStep: 1}}
	}
	const rwNotes = "We cannot tell how the keys will be used so we assume the worst, RW and UPDATE"
	const roNotes = "We cannot tell how the keys will be used so we assume the worst, RO and ACCESS"
	const depends = "Depends on the script that is executed."
	evalSpec := func(name string, flags engine.Flag, keys []engine.KeySpec, summary, since string, run func(*engine.Ctx)) *engine.Spec {
		bySHA := strings.HasPrefix(name, "evalsha")
		return &engine.Spec{Name: name, Arity: -3, Flags: flags, ACL: acl, KeySpecs: keys, GetKeys: evalKeys, Run: run,
			Summary: summary, Since: since, Group: "scripting", Complexity: depends,
			FlagsFor: func(s *engine.Server, args [][]byte) engine.Flag {
				return scripting.CommandFlags(s, args, bySHA, flags)
			}}
	}
	t.Add(evalSpec("eval", evalFlags, rwKeys(rwNotes), "Executes a server-side Lua script.", "2.6.0",
		func(c *engine.Ctx) { scripting.Eval(c, false, false) }))
	t.Add(evalSpec("evalsha", evalFlags, rwKeys(""), "Executes a server-side Lua script by SHA1 digest.", "2.6.0",
		func(c *engine.Ctx) { scripting.Eval(c, true, false) }))
	t.Add(evalSpec("eval_ro", roFlags, roKeys(roNotes), "Executes a read-only server-side Lua script.", "7.0.0",
		func(c *engine.Ctx) { scripting.Eval(c, false, true) }))
	t.Add(evalSpec("evalsha_ro", roFlags, roKeys(""), "Executes a read-only server-side Lua script by SHA1 digest.", "7.0.0",
		func(c *engine.Ctx) { scripting.Eval(c, true, true) }))

	sub := func(name string, arity int, flags engine.Flag, run func(*engine.Ctx), summary, since, complexity string, tips ...string) *engine.Spec {
		return &engine.Spec{Name: name, Arity: arity, Flags: flags, ACL: acl, Run: run,
			Summary: summary, Since: since, Group: "scripting", Complexity: complexity, Tips: tips}
	}
	t.Add(&engine.Spec{Name: "script", Arity: -2, ACL: []string{"slow"},
		Summary: "A container for Lua scripts management commands.", Since: "2.6.0", Group: "scripting", Complexity: "Depends on subcommand.",
		Subs: map[string]*engine.Spec{
			"debug": sub("debug", 3, noscript, scripting.ScriptDebug, "Sets the debug mode of server-side Lua scripts.", "3.2.0", "O(1)"),
			"exists": sub("exists", -3, noscript, scripting.ScriptExists, "Determines whether server-side Lua scripts exist in the script cache.", "2.6.0",
				"O(N) with N being the number of scripts to check (so checking a single script is an O(1) operation).",
				"request_policy:all_shards", "response_policy:agg_logical_and"),
			"flush": sub("flush", -2, noscript, scripting.ScriptFlush, "Removes all server-side Lua scripts from the script cache.", "2.6.0",
				"O(N) with N being the number of scripts in cache", "request_policy:all_nodes", "response_policy:all_succeeded"),
			"help": sub("help", 2, loading|stale, cmdScriptHelp, "Returns helpful text about the different subcommands.", "5.0.0", "O(1)"),
			"kill": sub("kill", 2, noscript|engine.FlagAllowBusy, scripting.ScriptKill, "Terminates a server-side Lua script during execution.", "2.6.0", "O(1)",
				"request_policy:all_shards", "response_policy:one_succeeded"),
			"load": sub("load", 3, noscript|stale, scripting.ScriptLoad, "Loads a server-side Lua script to the script cache.", "2.6.0",
				"O(N) with N being the length in bytes of the script body.", "request_policy:all_nodes", "response_policy:all_succeeded"),
		}})
}

// evalKeys returns the key positions of an EVAL-style call: numkeys
// names after the numkeys argument; none when numkeys is not a valid
// count.
func evalKeys(args [][]byte) []int {
	if len(args) < 3 {
		return nil
	}
	n, err := strconv.Atoi(string(args[2]))
	if err != nil || n <= 0 || n > len(args)-3 {
		return nil
	}
	out := make([]int, n)
	for i := range out {
		out[i] = 3 + i
	}
	return out
}

// scriptHelp is SCRIPT HELP's text, one reply line per line.
const scriptHelp = `DEBUG (YES|SYNC|NO)
    Set the debug mode for subsequent scripts executed.
EXISTS <sha1> [<sha1> ...]
    Return information about the existence of the scripts in the script cache.
FLUSH [ASYNC|SYNC]
    Flush the Lua scripts cache. Very dangerous on replicas.
    When called without the optional mode argument, the behavior is determined by the
    lazyfree-lazy-user-flush configuration directive. Valid modes are:
    * ASYNC: Asynchronously flush the scripts cache.
    * SYNC: Synchronously flush the scripts cache.
KILL
    Kill the currently executing Lua script.
LOAD <script>
    Load a script into the scripts cache without executing it.`

func cmdScriptHelp(c *engine.Ctx) { helpReply(c, strings.Split(scriptHelp, "\n")) }
