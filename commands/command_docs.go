package commands

import "modhost/engine"

// Generated from Redis 7.2.6's command descriptions (facts only: the
// argument trees, history notes and documentation flags COMMAND DOCS
// reports for core commands). Summaries, versions, complexities, tips and
// key specs live on each command's table entry.

// coreDocs holds the extra COMMAND DOCS fields of core commands by full
// name ("client|kill").
var coreDocs = map[string]cmdDocs{
	"acl|cat": {args: []engine.DocArg{
		{Name: "category", Type: "string", Flags: 1},
	}},
	"acl|deluser": {args: []engine.DocArg{
		{Name: "username", Type: "string", Flags: 2},
	}},
	"acl|dryrun": {args: []engine.DocArg{
		{Name: "username", Type: "string"},
		{Name: "command", Type: "string"},
		{Name: "arg", Type: "string", Flags: 3},
	}},
	"acl|genpass": {args: []engine.DocArg{
		{Name: "bits", Type: "integer", Flags: 1},
	}},
	"acl|getuser": {history: [][2]string{{"6.2.0", "Added Pub/Sub channel patterns."}, {"7.0.0", "Added selectors and changed the format of key and channel patterns from a list to their rule representation."}}, args: []engine.DocArg{
		{Name: "username", Type: "string"},
	}},
	"acl|log": {history: [][2]string{{"7.2.0", "Added entry ID, timestamp created, and timestamp last updated."}}, args: []engine.DocArg{
		{Name: "operation", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "count", Type: "integer"},
			{Name: "reset", Type: "pure-token", Token: "RESET"},
		}},
	}},
	"acl|setuser": {history: [][2]string{{"6.2.0", "Added Pub/Sub channel patterns."}, {"7.0.0", "Added selectors and key based permissions."}}, args: []engine.DocArg{
		{Name: "username", Type: "string"},
		{Name: "rule", Type: "string", Flags: 3},
	}},
	"append": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "value", Type: "string"},
	}},
	"auth": {history: [][2]string{{"6.0.0", "Added ACL style (username and password)."}}, args: []engine.DocArg{
		{Name: "username", Type: "string", Since: "6.0.0", Flags: 1},
		{Name: "password", Type: "string"},
	}},
	"bgsave": {history: [][2]string{{"3.2.2", "Added the `SCHEDULE` option."}}, args: []engine.DocArg{
		{Name: "schedule", Type: "pure-token", Token: "SCHEDULE", Since: "3.2.2", Flags: 1},
	}},
	"bitcount": {history: [][2]string{{"7.0.0", "Added the `BYTE|BIT` option."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "range", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "start", Type: "integer"},
			{Name: "end", Type: "integer"},
			{Name: "unit", Type: "oneof", Since: "7.0.0", Flags: 1, Args: []engine.DocArg{
				{Name: "byte", Type: "pure-token", Token: "BYTE"},
				{Name: "bit", Type: "pure-token", Token: "BIT"},
			}},
		}},
	}},
	"bitfield": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "operation", Type: "oneof", Flags: 3, Args: []engine.DocArg{
			{Name: "get-block", Type: "block", Token: "GET", Args: []engine.DocArg{
				{Name: "encoding", Type: "string"},
				{Name: "offset", Type: "integer"},
			}},
			{Name: "write", Type: "block", Args: []engine.DocArg{
				{Name: "overflow-block", Type: "oneof", Token: "OVERFLOW", Flags: 1, Args: []engine.DocArg{
					{Name: "wrap", Type: "pure-token", Token: "WRAP"},
					{Name: "sat", Type: "pure-token", Token: "SAT"},
					{Name: "fail", Type: "pure-token", Token: "FAIL"},
				}},
				{Name: "write-operation", Type: "oneof", Args: []engine.DocArg{
					{Name: "set-block", Type: "block", Token: "SET", Args: []engine.DocArg{
						{Name: "encoding", Type: "string"},
						{Name: "offset", Type: "integer"},
						{Name: "value", Type: "integer"},
					}},
					{Name: "incrby-block", Type: "block", Token: "INCRBY", Args: []engine.DocArg{
						{Name: "encoding", Type: "string"},
						{Name: "offset", Type: "integer"},
						{Name: "increment", Type: "integer"},
					}},
				}},
			}},
		}},
	}},
	"bitfield_ro": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "get-block", Type: "block", Token: "GET", Flags: 7, Args: []engine.DocArg{
			{Name: "encoding", Type: "string"},
			{Name: "offset", Type: "integer"},
		}},
	}},
	"bitop": {args: []engine.DocArg{
		{Name: "operation", Type: "oneof", Args: []engine.DocArg{
			{Name: "and", Type: "pure-token", Token: "AND"},
			{Name: "or", Type: "pure-token", Token: "OR"},
			{Name: "xor", Type: "pure-token", Token: "XOR"},
			{Name: "not", Type: "pure-token", Token: "NOT"},
		}},
		{Name: "destkey", Type: "key", KeySpec: 1},
		{Name: "key", Type: "key", KeySpec: 2, Flags: 2},
	}},
	"bitpos": {history: [][2]string{{"7.0.0", "Added the `BYTE|BIT` option."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "bit", Type: "integer"},
		{Name: "range", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "start", Type: "integer"},
			{Name: "end-unit-block", Type: "block", Flags: 1, Args: []engine.DocArg{
				{Name: "end", Type: "integer"},
				{Name: "unit", Type: "oneof", Since: "7.0.0", Flags: 1, Args: []engine.DocArg{
					{Name: "byte", Type: "pure-token", Token: "BYTE"},
					{Name: "bit", Type: "pure-token", Token: "BIT"},
				}},
			}},
		}},
	}},
	"blmove": {args: []engine.DocArg{
		{Name: "source", Type: "key", KeySpec: 1},
		{Name: "destination", Type: "key", KeySpec: 2},
		{Name: "wherefrom", Type: "oneof", Args: []engine.DocArg{
			{Name: "left", Type: "pure-token", Token: "LEFT"},
			{Name: "right", Type: "pure-token", Token: "RIGHT"},
		}},
		{Name: "whereto", Type: "oneof", Args: []engine.DocArg{
			{Name: "left", Type: "pure-token", Token: "LEFT"},
			{Name: "right", Type: "pure-token", Token: "RIGHT"},
		}},
		{Name: "timeout", Type: "double"},
	}},
	"blmpop": {args: []engine.DocArg{
		{Name: "timeout", Type: "double"},
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
		{Name: "where", Type: "oneof", Args: []engine.DocArg{
			{Name: "left", Type: "pure-token", Token: "LEFT"},
			{Name: "right", Type: "pure-token", Token: "RIGHT"},
		}},
		{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
	}},
	"blpop": {history: [][2]string{{"6.0.0", "`timeout` is interpreted as a double instead of an integer."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
		{Name: "timeout", Type: "double"},
	}},
	"brpop": {history: [][2]string{{"6.0.0", "`timeout` is interpreted as a double instead of an integer."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
		{Name: "timeout", Type: "double"},
	}},
	"brpoplpush": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`BLMOVE` with the `RIGHT` and `LEFT` arguments", history: [][2]string{{"6.0.0", "`timeout` is interpreted as a double instead of an integer."}}, args: []engine.DocArg{
		{Name: "source", Type: "key", KeySpec: 1},
		{Name: "destination", Type: "key", KeySpec: 2},
		{Name: "timeout", Type: "double"},
	}},
	"bzmpop": {args: []engine.DocArg{
		{Name: "timeout", Type: "double"},
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
		{Name: "where", Type: "oneof", Args: []engine.DocArg{
			{Name: "min", Type: "pure-token", Token: "MIN"},
			{Name: "max", Type: "pure-token", Token: "MAX"},
		}},
		{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
	}},
	"bzpopmax": {history: [][2]string{{"6.0.0", "`timeout` is interpreted as a double instead of an integer."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
		{Name: "timeout", Type: "double"},
	}},
	"bzpopmin": {history: [][2]string{{"6.0.0", "`timeout` is interpreted as a double instead of an integer."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
		{Name: "timeout", Type: "double"},
	}},
	"client|caching": {args: []engine.DocArg{
		{Name: "mode", Type: "oneof", Args: []engine.DocArg{
			{Name: "yes", Type: "pure-token", Token: "YES"},
			{Name: "no", Type: "pure-token", Token: "NO"},
		}},
	}},
	"client|kill": {history: [][2]string{{"2.8.12", "Added new filter format."}, {"2.8.12", "`ID` option."}, {"3.2.0", "Added `master` type in for `TYPE` option."}, {"5.0.0", "Replaced `slave` `TYPE` with `replica`. `slave` still supported for backward compatibility."}, {"6.2.0", "`LADDR` option."}}, args: []engine.DocArg{
		{Name: "filter", Type: "oneof", Args: []engine.DocArg{
			{Name: "old-format", Type: "string", Display: "ip:port", Deprecated: "2.8.12"},
			{Name: "new-format", Type: "oneof", Flags: 2, Args: []engine.DocArg{
				{Name: "client-id", Type: "integer", Token: "ID", Since: "2.8.12", Flags: 1},
				{Name: "client-type", Type: "oneof", Token: "TYPE", Since: "2.8.12", Flags: 1, Args: []engine.DocArg{
					{Name: "normal", Type: "pure-token", Token: "normal"},
					{Name: "master", Type: "pure-token", Token: "master", Since: "3.2.0"},
					{Name: "slave", Type: "pure-token", Token: "slave"},
					{Name: "replica", Type: "pure-token", Token: "replica", Since: "5.0.0"},
					{Name: "pubsub", Type: "pure-token", Token: "pubsub"},
				}},
				{Name: "username", Type: "string", Token: "USER", Flags: 1},
				{Name: "addr", Type: "string", Display: "ip:port", Token: "ADDR", Flags: 1},
				{Name: "laddr", Type: "string", Display: "ip:port", Token: "LADDR", Since: "6.2.0", Flags: 1},
				{Name: "skipme", Type: "oneof", Token: "SKIPME", Flags: 1, Args: []engine.DocArg{
					{Name: "yes", Type: "pure-token", Token: "YES"},
					{Name: "no", Type: "pure-token", Token: "NO"},
				}},
			}},
		}},
	}},
	"client|list": {history: [][2]string{{"2.8.12", "Added unique client `id` field."}, {"5.0.0", "Added optional `TYPE` filter."}, {"6.0.0", "Added `user` field."}, {"6.2.0", "Added `argv-mem`, `tot-mem`, `laddr` and `redir` fields and the optional `ID` filter."}, {"7.0.0", "Added `resp`, `multi-mem`, `rbs` and `rbp` fields."}, {"7.0.3", "Added `ssub` field."}}, args: []engine.DocArg{
		{Name: "client-type", Type: "oneof", Token: "TYPE", Since: "5.0.0", Flags: 1, Args: []engine.DocArg{
			{Name: "normal", Type: "pure-token", Token: "normal"},
			{Name: "master", Type: "pure-token", Token: "master"},
			{Name: "replica", Type: "pure-token", Token: "replica"},
			{Name: "pubsub", Type: "pure-token", Token: "pubsub"},
		}},
		{Name: "client-id", Type: "integer", Token: "ID", Since: "6.2.0", Flags: 3},
	}},
	"client|no-evict": {args: []engine.DocArg{
		{Name: "enabled", Type: "oneof", Args: []engine.DocArg{
			{Name: "on", Type: "pure-token", Token: "ON"},
			{Name: "off", Type: "pure-token", Token: "OFF"},
		}},
	}},
	"client|no-touch": {args: []engine.DocArg{
		{Name: "enabled", Type: "oneof", Args: []engine.DocArg{
			{Name: "on", Type: "pure-token", Token: "ON"},
			{Name: "off", Type: "pure-token", Token: "OFF"},
		}},
	}},
	"client|pause": {history: [][2]string{{"6.2.0", "`CLIENT PAUSE WRITE` mode added along with the `mode` option."}}, args: []engine.DocArg{
		{Name: "timeout", Type: "integer"},
		{Name: "mode", Type: "oneof", Since: "6.2.0", Flags: 1, Args: []engine.DocArg{
			{Name: "write", Type: "pure-token", Token: "WRITE"},
			{Name: "all", Type: "pure-token", Token: "ALL"},
		}},
	}},
	"client|reply": {args: []engine.DocArg{
		{Name: "action", Type: "oneof", Args: []engine.DocArg{
			{Name: "on", Type: "pure-token", Token: "ON"},
			{Name: "off", Type: "pure-token", Token: "OFF"},
			{Name: "skip", Type: "pure-token", Token: "SKIP"},
		}},
	}},
	"client|setinfo": {args: []engine.DocArg{
		{Name: "attr", Type: "oneof", Args: []engine.DocArg{
			{Name: "libname", Type: "string", Token: "lib-name"},
			{Name: "libver", Type: "string", Token: "lib-ver"},
		}},
	}},
	"client|setname": {args: []engine.DocArg{
		{Name: "connection-name", Type: "string"},
	}},
	"client|tracking": {args: []engine.DocArg{
		{Name: "status", Type: "oneof", Args: []engine.DocArg{
			{Name: "on", Type: "pure-token", Token: "ON"},
			{Name: "off", Type: "pure-token", Token: "OFF"},
		}},
		{Name: "client-id", Type: "integer", Token: "REDIRECT", Flags: 1},
		{Name: "prefix", Type: "string", Token: "PREFIX", Flags: 7},
		{Name: "BCAST", Type: "pure-token", Token: "BCAST", Flags: 1},
		{Name: "OPTIN", Type: "pure-token", Token: "OPTIN", Flags: 1},
		{Name: "OPTOUT", Type: "pure-token", Token: "OPTOUT", Flags: 1},
		{Name: "NOLOOP", Type: "pure-token", Token: "NOLOOP", Flags: 1},
	}},
	"client|unblock": {args: []engine.DocArg{
		{Name: "client-id", Type: "integer"},
		{Name: "unblock-type", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "timeout", Type: "pure-token", Token: "TIMEOUT"},
			{Name: "error", Type: "pure-token", Token: "ERROR"},
		}},
	}},
	"cluster|addslots": {args: []engine.DocArg{
		{Name: "slot", Type: "integer", Flags: 2},
	}},
	"cluster|addslotsrange": {args: []engine.DocArg{
		{Name: "range", Type: "block", Flags: 2, Args: []engine.DocArg{
			{Name: "start-slot", Type: "integer"},
			{Name: "end-slot", Type: "integer"},
		}},
	}},
	"cluster|count-failure-reports": {args: []engine.DocArg{
		{Name: "node-id", Type: "string"},
	}},
	"cluster|countkeysinslot": {args: []engine.DocArg{
		{Name: "slot", Type: "integer"},
	}},
	"cluster|delslots": {args: []engine.DocArg{
		{Name: "slot", Type: "integer", Flags: 2},
	}},
	"cluster|delslotsrange": {args: []engine.DocArg{
		{Name: "range", Type: "block", Flags: 2, Args: []engine.DocArg{
			{Name: "start-slot", Type: "integer"},
			{Name: "end-slot", Type: "integer"},
		}},
	}},
	"cluster|failover": {args: []engine.DocArg{
		{Name: "options", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "force", Type: "pure-token", Token: "FORCE"},
			{Name: "takeover", Type: "pure-token", Token: "TAKEOVER"},
		}},
	}},
	"cluster|forget": {args: []engine.DocArg{
		{Name: "node-id", Type: "string"},
	}},
	"cluster|getkeysinslot": {args: []engine.DocArg{
		{Name: "slot", Type: "integer"},
		{Name: "count", Type: "integer"},
	}},
	"cluster|keyslot": {args: []engine.DocArg{
		{Name: "key", Type: "string"},
	}},
	"cluster|meet": {history: [][2]string{{"4.0.0", "Added the optional `cluster_bus_port` argument."}}, args: []engine.DocArg{
		{Name: "ip", Type: "string"},
		{Name: "port", Type: "integer"},
		{Name: "cluster-bus-port", Type: "integer", Since: "4.0.0", Flags: 1},
	}},
	"cluster|replicas": {args: []engine.DocArg{
		{Name: "node-id", Type: "string"},
	}},
	"cluster|replicate": {args: []engine.DocArg{
		{Name: "node-id", Type: "string"},
	}},
	"cluster|reset": {args: []engine.DocArg{
		{Name: "reset-type", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "hard", Type: "pure-token", Token: "HARD"},
			{Name: "soft", Type: "pure-token", Token: "SOFT"},
		}},
	}},
	"cluster|set-config-epoch": {args: []engine.DocArg{
		{Name: "config-epoch", Type: "integer"},
	}},
	"cluster|setslot": {args: []engine.DocArg{
		{Name: "slot", Type: "integer"},
		{Name: "subcommand", Type: "oneof", Args: []engine.DocArg{
			{Name: "importing", Type: "string", Display: "node-id", Token: "IMPORTING"},
			{Name: "migrating", Type: "string", Display: "node-id", Token: "MIGRATING"},
			{Name: "node", Type: "string", Display: "node-id", Token: "NODE"},
			{Name: "stable", Type: "pure-token", Token: "STABLE"},
		}},
	}},
	"cluster|slaves": {docFlags: []string{"deprecated"}, deprecatedSince: "5.0.0", replacedBy: "`CLUSTER REPLICAS`", args: []engine.DocArg{
		{Name: "node-id", Type: "string"},
	}},
	"cluster|slots": {docFlags: []string{"deprecated"}, deprecatedSince: "7.0.0", replacedBy: "`CLUSTER SHARDS`", history: [][2]string{{"4.0.0", "Added node IDs."}, {"7.0.0", "Added additional networking metadata field."}}},
	"command|docs": {args: []engine.DocArg{
		{Name: "command-name", Type: "string", Flags: 3},
	}},
	"command|getkeys": {args: []engine.DocArg{
		{Name: "command", Type: "string"},
		{Name: "arg", Type: "string", Flags: 3},
	}},
	"command|getkeysandflags": {args: []engine.DocArg{
		{Name: "command", Type: "string"},
		{Name: "arg", Type: "string", Flags: 3},
	}},
	"command|info": {history: [][2]string{{"7.0.0", "Allowed to be called with no argument to get info on all commands."}}, args: []engine.DocArg{
		{Name: "command-name", Type: "string", Flags: 3},
	}},
	"command|list": {args: []engine.DocArg{
		{Name: "filterby", Type: "oneof", Token: "FILTERBY", Flags: 1, Args: []engine.DocArg{
			{Name: "module-name", Type: "string", Token: "MODULE"},
			{Name: "category", Type: "string", Token: "ACLCAT"},
			{Name: "pattern", Type: "pattern", Token: "PATTERN"},
		}},
	}},
	"config|get": {history: [][2]string{{"7.0.0", "Added the ability to pass multiple pattern parameters in one call"}}, args: []engine.DocArg{
		{Name: "parameter", Type: "string", Flags: 2},
	}},
	"config|set": {history: [][2]string{{"7.0.0", "Added the ability to set multiple parameters in one call."}}, args: []engine.DocArg{
		{Name: "data", Type: "block", Flags: 2, Args: []engine.DocArg{
			{Name: "parameter", Type: "string"},
			{Name: "value", Type: "string"},
		}},
	}},
	"copy": {args: []engine.DocArg{
		{Name: "source", Type: "key", KeySpec: 1},
		{Name: "destination", Type: "key", KeySpec: 2},
		{Name: "destination-db", Type: "integer", Token: "DB", Flags: 1},
		{Name: "replace", Type: "pure-token", Token: "REPLACE", Flags: 1},
	}},
	"debug": {docFlags: []string{"syscmd"}},
	"decr": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"decrby": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "decrement", Type: "integer"},
	}},
	"del": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
	}},
	"dump": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"echo": {args: []engine.DocArg{
		{Name: "message", Type: "string"},
	}},
	"eval": {args: []engine.DocArg{
		{Name: "script", Type: "string"},
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 3},
		{Name: "arg", Type: "string", Flags: 3},
	}},
	"eval_ro": {args: []engine.DocArg{
		{Name: "script", Type: "string"},
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 3},
		{Name: "arg", Type: "string", Flags: 3},
	}},
	"evalsha": {args: []engine.DocArg{
		{Name: "sha1", Type: "string"},
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 3},
		{Name: "arg", Type: "string", Flags: 3},
	}},
	"evalsha_ro": {args: []engine.DocArg{
		{Name: "sha1", Type: "string"},
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 3},
		{Name: "arg", Type: "string", Flags: 3},
	}},
	"exists": {history: [][2]string{{"3.0.3", "Accepts multiple `key` arguments."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
	}},
	"expire": {history: [][2]string{{"7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "seconds", Type: "integer"},
		{Name: "condition", Type: "oneof", Since: "7.0.0", Flags: 1, Args: []engine.DocArg{
			{Name: "nx", Type: "pure-token", Token: "NX"},
			{Name: "xx", Type: "pure-token", Token: "XX"},
			{Name: "gt", Type: "pure-token", Token: "GT"},
			{Name: "lt", Type: "pure-token", Token: "LT"},
		}},
	}},
	"expireat": {history: [][2]string{{"7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "unix-time-seconds", Type: "unix-time"},
		{Name: "condition", Type: "oneof", Since: "7.0.0", Flags: 1, Args: []engine.DocArg{
			{Name: "nx", Type: "pure-token", Token: "NX"},
			{Name: "xx", Type: "pure-token", Token: "XX"},
			{Name: "gt", Type: "pure-token", Token: "GT"},
			{Name: "lt", Type: "pure-token", Token: "LT"},
		}},
	}},
	"expiretime": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"failover": {args: []engine.DocArg{
		{Name: "target", Type: "block", Token: "TO", Flags: 1, Args: []engine.DocArg{
			{Name: "host", Type: "string"},
			{Name: "port", Type: "integer"},
			{Name: "force", Type: "pure-token", Token: "FORCE", Flags: 1},
		}},
		{Name: "abort", Type: "pure-token", Token: "ABORT", Flags: 1},
		{Name: "milliseconds", Type: "integer", Token: "TIMEOUT", Flags: 1},
	}},
	"fcall": {args: []engine.DocArg{
		{Name: "function", Type: "string"},
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 3},
		{Name: "arg", Type: "string", Flags: 3},
	}},
	"fcall_ro": {args: []engine.DocArg{
		{Name: "function", Type: "string"},
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 3},
		{Name: "arg", Type: "string", Flags: 3},
	}},
	"flushall": {history: [][2]string{{"4.0.0", "Added the `ASYNC` flushing mode modifier."}, {"6.2.0", "Added the `SYNC` flushing mode modifier."}}, args: []engine.DocArg{
		{Name: "flush-type", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "async", Type: "pure-token", Token: "ASYNC", Since: "4.0.0"},
			{Name: "sync", Type: "pure-token", Token: "SYNC", Since: "6.2.0"},
		}},
	}},
	"flushdb": {history: [][2]string{{"4.0.0", "Added the `ASYNC` flushing mode modifier."}, {"6.2.0", "Added the `SYNC` flushing mode modifier."}}, args: []engine.DocArg{
		{Name: "flush-type", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "async", Type: "pure-token", Token: "ASYNC", Since: "4.0.0"},
			{Name: "sync", Type: "pure-token", Token: "SYNC", Since: "6.2.0"},
		}},
	}},
	"function|delete": {args: []engine.DocArg{
		{Name: "library-name", Type: "string"},
	}},
	"function|flush": {args: []engine.DocArg{
		{Name: "flush-type", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "async", Type: "pure-token", Token: "ASYNC"},
			{Name: "sync", Type: "pure-token", Token: "SYNC"},
		}},
	}},
	"function|list": {args: []engine.DocArg{
		{Name: "library-name-pattern", Type: "string", Token: "LIBRARYNAME", Flags: 1},
		{Name: "withcode", Type: "pure-token", Token: "WITHCODE", Flags: 1},
	}},
	"function|load": {args: []engine.DocArg{
		{Name: "replace", Type: "pure-token", Token: "REPLACE", Flags: 1},
		{Name: "function-code", Type: "string"},
	}},
	"function|restore": {args: []engine.DocArg{
		{Name: "serialized-value", Type: "string"},
		{Name: "policy", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "flush", Type: "pure-token", Token: "FLUSH"},
			{Name: "append", Type: "pure-token", Token: "APPEND"},
			{Name: "replace", Type: "pure-token", Token: "REPLACE"},
		}},
	}},
	"geoadd": {history: [][2]string{{"6.2.0", "Added the `CH`, `NX` and `XX` options."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "condition", Type: "oneof", Since: "6.2.0", Flags: 1, Args: []engine.DocArg{
			{Name: "nx", Type: "pure-token", Token: "NX"},
			{Name: "xx", Type: "pure-token", Token: "XX"},
		}},
		{Name: "change", Type: "pure-token", Token: "CH", Since: "6.2.0", Flags: 1},
		{Name: "data", Type: "block", Flags: 2, Args: []engine.DocArg{
			{Name: "longitude", Type: "double"},
			{Name: "latitude", Type: "double"},
			{Name: "member", Type: "string"},
		}},
	}},
	"geodist": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member1", Type: "string"},
		{Name: "member2", Type: "string"},
		{Name: "unit", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "m", Type: "pure-token", Token: "m"},
			{Name: "km", Type: "pure-token", Token: "km"},
			{Name: "ft", Type: "pure-token", Token: "ft"},
			{Name: "mi", Type: "pure-token", Token: "mi"},
		}},
	}},
	"geohash": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member", Type: "string", Flags: 3},
	}},
	"geopos": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member", Type: "string", Flags: 3},
	}},
	"georadius": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` argument", history: [][2]string{{"6.2.0", "Added the `ANY` option for `COUNT`."}, {"7.0.0", "Added support for uppercase unit names."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "longitude", Type: "double"},
		{Name: "latitude", Type: "double"},
		{Name: "radius", Type: "double"},
		{Name: "unit", Type: "oneof", Args: []engine.DocArg{
			{Name: "m", Type: "pure-token", Token: "m"},
			{Name: "km", Type: "pure-token", Token: "km"},
			{Name: "ft", Type: "pure-token", Token: "ft"},
			{Name: "mi", Type: "pure-token", Token: "mi"},
		}},
		{Name: "withcoord", Type: "pure-token", Token: "WITHCOORD", Flags: 1},
		{Name: "withdist", Type: "pure-token", Token: "WITHDIST", Flags: 1},
		{Name: "withhash", Type: "pure-token", Token: "WITHHASH", Flags: 1},
		{Name: "count-block", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "count", Type: "integer", Token: "COUNT"},
			{Name: "any", Type: "pure-token", Token: "ANY", Since: "6.2.0", Flags: 1},
		}},
		{Name: "order", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "asc", Type: "pure-token", Token: "ASC"},
			{Name: "desc", Type: "pure-token", Token: "DESC"},
		}},
		{Name: "store", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "storekey", Type: "key", KeySpec: 2, Display: "key", Token: "STORE"},
			{Name: "storedistkey", Type: "key", KeySpec: 3, Display: "key", Token: "STOREDIST"},
		}},
	}},
	"georadius_ro": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`GEOSEARCH` with the `BYRADIUS` argument", history: [][2]string{{"6.2.0", "Added the `ANY` option for `COUNT`."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "longitude", Type: "double"},
		{Name: "latitude", Type: "double"},
		{Name: "radius", Type: "double"},
		{Name: "unit", Type: "oneof", Args: []engine.DocArg{
			{Name: "m", Type: "pure-token", Token: "m"},
			{Name: "km", Type: "pure-token", Token: "km"},
			{Name: "ft", Type: "pure-token", Token: "ft"},
			{Name: "mi", Type: "pure-token", Token: "mi"},
		}},
		{Name: "withcoord", Type: "pure-token", Token: "WITHCOORD", Flags: 1},
		{Name: "withdist", Type: "pure-token", Token: "WITHDIST", Flags: 1},
		{Name: "withhash", Type: "pure-token", Token: "WITHHASH", Flags: 1},
		{Name: "count-block", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "count", Type: "integer", Token: "COUNT"},
			{Name: "any", Type: "pure-token", Token: "ANY", Since: "6.2.0", Flags: 1},
		}},
		{Name: "order", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "asc", Type: "pure-token", Token: "ASC"},
			{Name: "desc", Type: "pure-token", Token: "DESC"},
		}},
	}},
	"georadiusbymember": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` and `FROMMEMBER` arguments", history: [][2]string{{"7.0.0", "Added support for uppercase unit names."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member", Type: "string"},
		{Name: "radius", Type: "double"},
		{Name: "unit", Type: "oneof", Args: []engine.DocArg{
			{Name: "m", Type: "pure-token", Token: "m"},
			{Name: "km", Type: "pure-token", Token: "km"},
			{Name: "ft", Type: "pure-token", Token: "ft"},
			{Name: "mi", Type: "pure-token", Token: "mi"},
		}},
		{Name: "withcoord", Type: "pure-token", Token: "WITHCOORD", Flags: 1},
		{Name: "withdist", Type: "pure-token", Token: "WITHDIST", Flags: 1},
		{Name: "withhash", Type: "pure-token", Token: "WITHHASH", Flags: 1},
		{Name: "count-block", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "count", Type: "integer", Token: "COUNT"},
			{Name: "any", Type: "pure-token", Token: "ANY", Flags: 1},
		}},
		{Name: "order", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "asc", Type: "pure-token", Token: "ASC"},
			{Name: "desc", Type: "pure-token", Token: "DESC"},
		}},
		{Name: "store", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "storekey", Type: "key", KeySpec: 2, Display: "key", Token: "STORE"},
			{Name: "storedistkey", Type: "key", KeySpec: 3, Display: "key", Token: "STOREDIST"},
		}},
	}},
	"georadiusbymember_ro": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`GEOSEARCH` with the `BYRADIUS` and `FROMMEMBER` arguments", args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member", Type: "string"},
		{Name: "radius", Type: "double"},
		{Name: "unit", Type: "oneof", Args: []engine.DocArg{
			{Name: "m", Type: "pure-token", Token: "m"},
			{Name: "km", Type: "pure-token", Token: "km"},
			{Name: "ft", Type: "pure-token", Token: "ft"},
			{Name: "mi", Type: "pure-token", Token: "mi"},
		}},
		{Name: "withcoord", Type: "pure-token", Token: "WITHCOORD", Flags: 1},
		{Name: "withdist", Type: "pure-token", Token: "WITHDIST", Flags: 1},
		{Name: "withhash", Type: "pure-token", Token: "WITHHASH", Flags: 1},
		{Name: "count-block", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "count", Type: "integer", Token: "COUNT"},
			{Name: "any", Type: "pure-token", Token: "ANY", Flags: 1},
		}},
		{Name: "order", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "asc", Type: "pure-token", Token: "ASC"},
			{Name: "desc", Type: "pure-token", Token: "DESC"},
		}},
	}},
	"geosearch": {history: [][2]string{{"7.0.0", "Added support for uppercase unit names."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "from", Type: "oneof", Args: []engine.DocArg{
			{Name: "member", Type: "string", Token: "FROMMEMBER"},
			{Name: "fromlonlat", Type: "block", Token: "FROMLONLAT", Args: []engine.DocArg{
				{Name: "longitude", Type: "double"},
				{Name: "latitude", Type: "double"},
			}},
		}},
		{Name: "by", Type: "oneof", Args: []engine.DocArg{
			{Name: "circle", Type: "block", Args: []engine.DocArg{
				{Name: "radius", Type: "double", Token: "BYRADIUS"},
				{Name: "unit", Type: "oneof", Args: []engine.DocArg{
					{Name: "m", Type: "pure-token", Token: "m"},
					{Name: "km", Type: "pure-token", Token: "km"},
					{Name: "ft", Type: "pure-token", Token: "ft"},
					{Name: "mi", Type: "pure-token", Token: "mi"},
				}},
			}},
			{Name: "box", Type: "block", Args: []engine.DocArg{
				{Name: "width", Type: "double", Token: "BYBOX"},
				{Name: "height", Type: "double"},
				{Name: "unit", Type: "oneof", Args: []engine.DocArg{
					{Name: "m", Type: "pure-token", Token: "m"},
					{Name: "km", Type: "pure-token", Token: "km"},
					{Name: "ft", Type: "pure-token", Token: "ft"},
					{Name: "mi", Type: "pure-token", Token: "mi"},
				}},
			}},
		}},
		{Name: "order", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "asc", Type: "pure-token", Token: "ASC"},
			{Name: "desc", Type: "pure-token", Token: "DESC"},
		}},
		{Name: "count-block", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "count", Type: "integer", Token: "COUNT"},
			{Name: "any", Type: "pure-token", Token: "ANY", Flags: 1},
		}},
		{Name: "withcoord", Type: "pure-token", Token: "WITHCOORD", Flags: 1},
		{Name: "withdist", Type: "pure-token", Token: "WITHDIST", Flags: 1},
		{Name: "withhash", Type: "pure-token", Token: "WITHHASH", Flags: 1},
	}},
	"geosearchstore": {history: [][2]string{{"7.0.0", "Added support for uppercase unit names."}}, args: []engine.DocArg{
		{Name: "destination", Type: "key", KeySpec: 1},
		{Name: "source", Type: "key", KeySpec: 2},
		{Name: "from", Type: "oneof", Args: []engine.DocArg{
			{Name: "member", Type: "string", Token: "FROMMEMBER"},
			{Name: "fromlonlat", Type: "block", Token: "FROMLONLAT", Args: []engine.DocArg{
				{Name: "longitude", Type: "double"},
				{Name: "latitude", Type: "double"},
			}},
		}},
		{Name: "by", Type: "oneof", Args: []engine.DocArg{
			{Name: "circle", Type: "block", Args: []engine.DocArg{
				{Name: "radius", Type: "double", Token: "BYRADIUS"},
				{Name: "unit", Type: "oneof", Args: []engine.DocArg{
					{Name: "m", Type: "pure-token", Token: "m"},
					{Name: "km", Type: "pure-token", Token: "km"},
					{Name: "ft", Type: "pure-token", Token: "ft"},
					{Name: "mi", Type: "pure-token", Token: "mi"},
				}},
			}},
			{Name: "box", Type: "block", Args: []engine.DocArg{
				{Name: "width", Type: "double", Token: "BYBOX"},
				{Name: "height", Type: "double"},
				{Name: "unit", Type: "oneof", Args: []engine.DocArg{
					{Name: "m", Type: "pure-token", Token: "m"},
					{Name: "km", Type: "pure-token", Token: "km"},
					{Name: "ft", Type: "pure-token", Token: "ft"},
					{Name: "mi", Type: "pure-token", Token: "mi"},
				}},
			}},
		}},
		{Name: "order", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "asc", Type: "pure-token", Token: "ASC"},
			{Name: "desc", Type: "pure-token", Token: "DESC"},
		}},
		{Name: "count-block", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "count", Type: "integer", Token: "COUNT"},
			{Name: "any", Type: "pure-token", Token: "ANY", Flags: 1},
		}},
		{Name: "storedist", Type: "pure-token", Token: "STOREDIST", Flags: 1},
	}},
	"get": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"getbit": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "offset", Type: "integer"},
	}},
	"getdel": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"getex": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "expiration", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "seconds", Type: "integer", Token: "EX"},
			{Name: "milliseconds", Type: "integer", Token: "PX"},
			{Name: "unix-time-seconds", Type: "unix-time", Token: "EXAT"},
			{Name: "unix-time-milliseconds", Type: "unix-time", Token: "PXAT"},
			{Name: "persist", Type: "pure-token", Token: "PERSIST"},
		}},
	}},
	"getrange": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "start", Type: "integer"},
		{Name: "end", Type: "integer"},
	}},
	"getset": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`SET` with the `!GET` argument", args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "value", Type: "string"},
	}},
	"hdel": {history: [][2]string{{"2.4.0", "Accepts multiple `field` arguments."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "field", Type: "string", Flags: 2},
	}},
	"hello": {history: [][2]string{{"6.2.0", "`protover` made optional; when called without arguments the command reports the current connection's context."}}, args: []engine.DocArg{
		{Name: "arguments", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "protover", Type: "integer"},
			{Name: "auth", Type: "block", Token: "AUTH", Flags: 1, Args: []engine.DocArg{
				{Name: "username", Type: "string"},
				{Name: "password", Type: "string"},
			}},
			{Name: "clientname", Type: "string", Token: "SETNAME", Flags: 1},
		}},
	}},
	"hexists": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "field", Type: "string"},
	}},
	"hget": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "field", Type: "string"},
	}},
	"hgetall": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"hincrby": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "field", Type: "string"},
		{Name: "increment", Type: "integer"},
	}},
	"hincrbyfloat": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "field", Type: "string"},
		{Name: "increment", Type: "double"},
	}},
	"hkeys": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"hlen": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"hmget": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "field", Type: "string", Flags: 2},
	}},
	"hmset": {docFlags: []string{"deprecated"}, deprecatedSince: "4.0.0", replacedBy: "`HSET` with multiple field-value pairs", args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "data", Type: "block", Flags: 2, Args: []engine.DocArg{
			{Name: "field", Type: "string"},
			{Name: "value", Type: "string"},
		}},
	}},
	"hrandfield": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "options", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "count", Type: "integer"},
			{Name: "withvalues", Type: "pure-token", Token: "WITHVALUES", Flags: 1},
		}},
	}},
	"hscan": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "cursor", Type: "integer"},
		{Name: "pattern", Type: "pattern", Token: "MATCH", Flags: 1},
		{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
	}},
	"hset": {history: [][2]string{{"4.0.0", "Accepts multiple `field` and `value` arguments."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "data", Type: "block", Flags: 2, Args: []engine.DocArg{
			{Name: "field", Type: "string"},
			{Name: "value", Type: "string"},
		}},
	}},
	"hsetnx": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "field", Type: "string"},
		{Name: "value", Type: "string"},
	}},
	"hstrlen": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "field", Type: "string"},
	}},
	"hvals": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"incr": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"incrby": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "increment", Type: "integer"},
	}},
	"incrbyfloat": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "increment", Type: "double"},
	}},
	"info": {history: [][2]string{{"7.0.0", "Added support for taking multiple section arguments."}}, args: []engine.DocArg{
		{Name: "section", Type: "string", Flags: 3},
	}},
	"keys": {args: []engine.DocArg{
		{Name: "pattern", Type: "pattern"},
	}},
	"latency|graph": {args: []engine.DocArg{
		{Name: "event", Type: "string"},
	}},
	"latency|histogram": {args: []engine.DocArg{
		{Name: "COMMAND", Type: "string", Flags: 3},
	}},
	"latency|history": {args: []engine.DocArg{
		{Name: "event", Type: "string"},
	}},
	"latency|reset": {args: []engine.DocArg{
		{Name: "event", Type: "string", Flags: 3},
	}},
	"lcs": {args: []engine.DocArg{
		{Name: "key1", Type: "key", KeySpec: 1},
		{Name: "key2", Type: "key", KeySpec: 1},
		{Name: "len", Type: "pure-token", Token: "LEN", Flags: 1},
		{Name: "idx", Type: "pure-token", Token: "IDX", Flags: 1},
		{Name: "min-match-len", Type: "integer", Token: "MINMATCHLEN", Flags: 1},
		{Name: "withmatchlen", Type: "pure-token", Token: "WITHMATCHLEN", Flags: 1},
	}},
	"lindex": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "index", Type: "integer"},
	}},
	"linsert": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "where", Type: "oneof", Args: []engine.DocArg{
			{Name: "before", Type: "pure-token", Token: "BEFORE"},
			{Name: "after", Type: "pure-token", Token: "AFTER"},
		}},
		{Name: "pivot", Type: "string"},
		{Name: "element", Type: "string"},
	}},
	"llen": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"lmove": {args: []engine.DocArg{
		{Name: "source", Type: "key", KeySpec: 1},
		{Name: "destination", Type: "key", KeySpec: 2},
		{Name: "wherefrom", Type: "oneof", Args: []engine.DocArg{
			{Name: "left", Type: "pure-token", Token: "LEFT"},
			{Name: "right", Type: "pure-token", Token: "RIGHT"},
		}},
		{Name: "whereto", Type: "oneof", Args: []engine.DocArg{
			{Name: "left", Type: "pure-token", Token: "LEFT"},
			{Name: "right", Type: "pure-token", Token: "RIGHT"},
		}},
	}},
	"lmpop": {args: []engine.DocArg{
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
		{Name: "where", Type: "oneof", Args: []engine.DocArg{
			{Name: "left", Type: "pure-token", Token: "LEFT"},
			{Name: "right", Type: "pure-token", Token: "RIGHT"},
		}},
		{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
	}},
	"lolwut": {args: []engine.DocArg{
		{Name: "version", Type: "integer", Token: "VERSION", Flags: 1},
	}},
	"lpop": {history: [][2]string{{"6.2.0", "Added the `count` argument."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "count", Type: "integer", Since: "6.2.0", Flags: 1},
	}},
	"lpos": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "element", Type: "string"},
		{Name: "rank", Type: "integer", Token: "RANK", Flags: 1},
		{Name: "num-matches", Type: "integer", Token: "COUNT", Flags: 1},
		{Name: "len", Type: "integer", Token: "MAXLEN", Flags: 1},
	}},
	"lpush": {history: [][2]string{{"2.4.0", "Accepts multiple `element` arguments."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "element", Type: "string", Flags: 2},
	}},
	"lpushx": {history: [][2]string{{"4.0.0", "Accepts multiple `element` arguments."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "element", Type: "string", Flags: 2},
	}},
	"lrange": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "start", Type: "integer"},
		{Name: "stop", Type: "integer"},
	}},
	"lrem": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "count", Type: "integer"},
		{Name: "element", Type: "string"},
	}},
	"lset": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "index", Type: "integer"},
		{Name: "element", Type: "string"},
	}},
	"ltrim": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "start", Type: "integer"},
		{Name: "stop", Type: "integer"},
	}},
	"memory|usage": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "count", Type: "integer", Token: "SAMPLES", Flags: 1},
	}},
	"mget": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
	}},
	"migrate": {history: [][2]string{{"3.0.0", "Added the `COPY` and `REPLACE` options."}, {"3.0.6", "Added the `KEYS` option."}, {"4.0.7", "Added the `AUTH` option."}, {"6.0.0", "Added the `AUTH2` option."}}, args: []engine.DocArg{
		{Name: "host", Type: "string"},
		{Name: "port", Type: "integer"},
		{Name: "key-selector", Type: "oneof", Args: []engine.DocArg{
			{Name: "key", Type: "key", KeySpec: 1},
			{Name: "empty-string", Type: "pure-token", Token: "\"\""},
		}},
		{Name: "destination-db", Type: "integer"},
		{Name: "timeout", Type: "integer"},
		{Name: "copy", Type: "pure-token", Token: "COPY", Since: "3.0.0", Flags: 1},
		{Name: "replace", Type: "pure-token", Token: "REPLACE", Since: "3.0.0", Flags: 1},
		{Name: "authentication", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "auth", Type: "string", Display: "password", Token: "AUTH", Since: "4.0.7"},
			{Name: "auth2", Type: "block", Token: "AUTH2", Since: "6.0.0", Args: []engine.DocArg{
				{Name: "username", Type: "string"},
				{Name: "password", Type: "string"},
			}},
		}},
		{Name: "keys", Type: "key", KeySpec: 2, Display: "key", Token: "KEYS", Since: "3.0.6", Flags: 3},
	}},
	"module|load": {args: []engine.DocArg{
		{Name: "path", Type: "string"},
		{Name: "arg", Type: "string", Flags: 3},
	}},
	"module|loadex": {args: []engine.DocArg{
		{Name: "path", Type: "string"},
		{Name: "configs", Type: "block", Token: "CONFIG", Flags: 7, Args: []engine.DocArg{
			{Name: "name", Type: "string"},
			{Name: "value", Type: "string"},
		}},
		{Name: "args", Type: "string", Token: "ARGS", Flags: 3},
	}},
	"module|unload": {args: []engine.DocArg{
		{Name: "name", Type: "string"},
	}},
	"move": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "db", Type: "integer"},
	}},
	"mset": {args: []engine.DocArg{
		{Name: "data", Type: "block", Flags: 2, Args: []engine.DocArg{
			{Name: "key", Type: "key", KeySpec: 1},
			{Name: "value", Type: "string"},
		}},
	}},
	"msetnx": {args: []engine.DocArg{
		{Name: "data", Type: "block", Flags: 2, Args: []engine.DocArg{
			{Name: "key", Type: "key", KeySpec: 1},
			{Name: "value", Type: "string"},
		}},
	}},
	"object|encoding": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"object|freq": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"object|idletime": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"object|refcount": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"persist": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"pexpire": {history: [][2]string{{"7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "milliseconds", Type: "integer"},
		{Name: "condition", Type: "oneof", Since: "7.0.0", Flags: 1, Args: []engine.DocArg{
			{Name: "nx", Type: "pure-token", Token: "NX"},
			{Name: "xx", Type: "pure-token", Token: "XX"},
			{Name: "gt", Type: "pure-token", Token: "GT"},
			{Name: "lt", Type: "pure-token", Token: "LT"},
		}},
	}},
	"pexpireat": {history: [][2]string{{"7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "unix-time-milliseconds", Type: "unix-time"},
		{Name: "condition", Type: "oneof", Since: "7.0.0", Flags: 1, Args: []engine.DocArg{
			{Name: "nx", Type: "pure-token", Token: "NX"},
			{Name: "xx", Type: "pure-token", Token: "XX"},
			{Name: "gt", Type: "pure-token", Token: "GT"},
			{Name: "lt", Type: "pure-token", Token: "LT"},
		}},
	}},
	"pexpiretime": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"pfadd": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "element", Type: "string", Flags: 3},
	}},
	"pfcount": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
	}},
	"pfdebug": {docFlags: []string{"syscmd"}, args: []engine.DocArg{
		{Name: "subcommand", Type: "string"},
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"pfmerge": {args: []engine.DocArg{
		{Name: "destkey", Type: "key", KeySpec: 1},
		{Name: "sourcekey", Type: "key", KeySpec: 2, Flags: 3},
	}},
	"pfselftest": {docFlags: []string{"syscmd"}},
	"ping": {args: []engine.DocArg{
		{Name: "message", Type: "string", Flags: 1},
	}},
	"psetex": {docFlags: []string{"deprecated"}, deprecatedSince: "2.6.12", replacedBy: "`SET` with the `PX` argument", args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "milliseconds", Type: "integer"},
		{Name: "value", Type: "string"},
	}},
	"psubscribe": {args: []engine.DocArg{
		{Name: "pattern", Type: "pattern", Flags: 2},
	}},
	"psync": {args: []engine.DocArg{
		{Name: "replicationid", Type: "string"},
		{Name: "offset", Type: "integer"},
	}},
	"pttl": {history: [][2]string{{"2.8.0", "Added the -2 reply."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"publish": {args: []engine.DocArg{
		{Name: "channel", Type: "string"},
		{Name: "message", Type: "string"},
	}},
	"pubsub|channels": {args: []engine.DocArg{
		{Name: "pattern", Type: "pattern", Flags: 1},
	}},
	"pubsub|numsub": {args: []engine.DocArg{
		{Name: "channel", Type: "string", Flags: 3},
	}},
	"pubsub|shardchannels": {args: []engine.DocArg{
		{Name: "pattern", Type: "pattern", Flags: 1},
	}},
	"pubsub|shardnumsub": {args: []engine.DocArg{
		{Name: "shardchannel", Type: "string", Flags: 3},
	}},
	"punsubscribe": {args: []engine.DocArg{
		{Name: "pattern", Type: "pattern", Flags: 3},
	}},
	"quit": {docFlags: []string{"deprecated"}, deprecatedSince: "7.2.0", replacedBy: "just closing the connection"},
	"rename": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "newkey", Type: "key", KeySpec: 2},
	}},
	"renamenx": {history: [][2]string{{"3.2.0", "The command no longer returns an error when source and destination names are the same."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "newkey", Type: "key", KeySpec: 2},
	}},
	"replconf": {docFlags: []string{"syscmd"}},
	"replicaof": {args: []engine.DocArg{
		{Name: "args", Type: "oneof", Args: []engine.DocArg{
			{Name: "host-port", Type: "block", Args: []engine.DocArg{
				{Name: "host", Type: "string"},
				{Name: "port", Type: "integer"},
			}},
			{Name: "no-one", Type: "block", Args: []engine.DocArg{
				{Name: "no", Type: "pure-token", Token: "NO"},
				{Name: "one", Type: "pure-token", Token: "ONE"},
			}},
		}},
	}},
	"restore-asking": {docFlags: []string{"syscmd"}, history: [][2]string{{"3.0.0", "Added the `REPLACE` modifier."}, {"5.0.0", "Added the `ABSTTL` modifier."}, {"5.0.0", "Added the `IDLETIME` and `FREQ` options."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "ttl", Type: "integer"},
		{Name: "serialized-value", Type: "string"},
		{Name: "replace", Type: "pure-token", Token: "REPLACE", Since: "3.0.0", Flags: 1},
		{Name: "absttl", Type: "pure-token", Token: "ABSTTL", Since: "5.0.0", Flags: 1},
		{Name: "seconds", Type: "integer", Token: "IDLETIME", Since: "5.0.0", Flags: 1},
		{Name: "frequency", Type: "integer", Token: "FREQ", Since: "5.0.0", Flags: 1},
	}},
	"restore": {history: [][2]string{{"3.0.0", "Added the `REPLACE` modifier."}, {"5.0.0", "Added the `ABSTTL` modifier."}, {"5.0.0", "Added the `IDLETIME` and `FREQ` options."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "ttl", Type: "integer"},
		{Name: "serialized-value", Type: "string"},
		{Name: "replace", Type: "pure-token", Token: "REPLACE", Since: "3.0.0", Flags: 1},
		{Name: "absttl", Type: "pure-token", Token: "ABSTTL", Since: "5.0.0", Flags: 1},
		{Name: "seconds", Type: "integer", Token: "IDLETIME", Since: "5.0.0", Flags: 1},
		{Name: "frequency", Type: "integer", Token: "FREQ", Since: "5.0.0", Flags: 1},
	}},
	"rpop": {history: [][2]string{{"6.2.0", "Added the `count` argument."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "count", Type: "integer", Since: "6.2.0", Flags: 1},
	}},
	"rpoplpush": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`LMOVE` with the `RIGHT` and `LEFT` arguments", args: []engine.DocArg{
		{Name: "source", Type: "key", KeySpec: 1},
		{Name: "destination", Type: "key", KeySpec: 2},
	}},
	"rpush": {history: [][2]string{{"2.4.0", "Accepts multiple `element` arguments."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "element", Type: "string", Flags: 2},
	}},
	"rpushx": {history: [][2]string{{"4.0.0", "Accepts multiple `element` arguments."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "element", Type: "string", Flags: 2},
	}},
	"sadd": {history: [][2]string{{"2.4.0", "Accepts multiple `member` arguments."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member", Type: "string", Flags: 2},
	}},
	"scan": {history: [][2]string{{"6.0.0", "Added the `TYPE` subcommand."}}, args: []engine.DocArg{
		{Name: "cursor", Type: "integer"},
		{Name: "pattern", Type: "pattern", Token: "MATCH", Flags: 1},
		{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
		{Name: "type", Type: "string", Token: "TYPE", Since: "6.0.0", Flags: 1},
	}},
	"scard": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"script|debug": {args: []engine.DocArg{
		{Name: "mode", Type: "oneof", Args: []engine.DocArg{
			{Name: "yes", Type: "pure-token", Token: "YES"},
			{Name: "sync", Type: "pure-token", Token: "SYNC"},
			{Name: "no", Type: "pure-token", Token: "NO"},
		}},
	}},
	"script|exists": {args: []engine.DocArg{
		{Name: "sha1", Type: "string", Flags: 2},
	}},
	"script|flush": {history: [][2]string{{"6.2.0", "Added the `ASYNC` and `SYNC` flushing mode modifiers."}}, args: []engine.DocArg{
		{Name: "flush-type", Type: "oneof", Since: "6.2.0", Flags: 1, Args: []engine.DocArg{
			{Name: "async", Type: "pure-token", Token: "ASYNC"},
			{Name: "sync", Type: "pure-token", Token: "SYNC"},
		}},
	}},
	"script|load": {args: []engine.DocArg{
		{Name: "script", Type: "string"},
	}},
	"sdiff": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
	}},
	"sdiffstore": {args: []engine.DocArg{
		{Name: "destination", Type: "key", KeySpec: 1},
		{Name: "key", Type: "key", KeySpec: 2, Flags: 2},
	}},
	"select": {args: []engine.DocArg{
		{Name: "index", Type: "integer"},
	}},
	"sentinel|ckquorum": {args: []engine.DocArg{
		{Name: "master-name", Type: "string"},
	}},
	"sentinel|config": {history: [][2]string{{"7.2.0", "Added the ability to set and get multiple parameters in one call."}}, args: []engine.DocArg{
		{Name: "action", Type: "oneof", Args: []engine.DocArg{
			{Name: "set", Type: "block", Token: "SET", Flags: 2, Args: []engine.DocArg{
				{Name: "parameter", Type: "string"},
				{Name: "value", Type: "string"},
			}},
			{Name: "parameter", Type: "string", Token: "GET", Flags: 2},
		}},
	}},
	"sentinel|debug": {args: []engine.DocArg{
		{Name: "data", Type: "block", Flags: 3, Args: []engine.DocArg{
			{Name: "parameter", Type: "string"},
			{Name: "value", Type: "string"},
		}},
	}},
	"sentinel|failover": {args: []engine.DocArg{
		{Name: "master-name", Type: "string"},
	}},
	"sentinel|get-master-addr-by-name": {args: []engine.DocArg{
		{Name: "master-name", Type: "string"},
	}},
	"sentinel|info-cache": {args: []engine.DocArg{
		{Name: "nodename", Type: "string", Flags: 2},
	}},
	"sentinel|is-master-down-by-addr": {args: []engine.DocArg{
		{Name: "ip", Type: "string"},
		{Name: "port", Type: "integer"},
		{Name: "current-epoch", Type: "integer"},
		{Name: "runid", Type: "string"},
	}},
	"sentinel|master": {args: []engine.DocArg{
		{Name: "master-name", Type: "string"},
	}},
	"sentinel|monitor": {args: []engine.DocArg{
		{Name: "name", Type: "string"},
		{Name: "ip", Type: "string"},
		{Name: "port", Type: "integer"},
		{Name: "quorum", Type: "integer"},
	}},
	"sentinel|remove": {args: []engine.DocArg{
		{Name: "master-name", Type: "string"},
	}},
	"sentinel|replicas": {args: []engine.DocArg{
		{Name: "master-name", Type: "string"},
	}},
	"sentinel|reset": {args: []engine.DocArg{
		{Name: "pattern", Type: "pattern"},
	}},
	"sentinel|sentinels": {args: []engine.DocArg{
		{Name: "master-name", Type: "string"},
	}},
	"sentinel|set": {args: []engine.DocArg{
		{Name: "master-name", Type: "string"},
		{Name: "data", Type: "block", Flags: 2, Args: []engine.DocArg{
			{Name: "option", Type: "string"},
			{Name: "value", Type: "string"},
		}},
	}},
	"sentinel|simulate-failure": {args: []engine.DocArg{
		{Name: "mode", Type: "oneof", Flags: 3, Args: []engine.DocArg{
			{Name: "crash-after-election", Type: "pure-token"},
			{Name: "crash-after-promotion", Type: "pure-token"},
			{Name: "help", Type: "pure-token"},
		}},
	}},
	"sentinel|slaves": {docFlags: []string{"deprecated"}, deprecatedSince: "5.0.0", replacedBy: "`SENTINEL REPLICAS`", args: []engine.DocArg{
		{Name: "master-name", Type: "string"},
	}},
	"set": {history: [][2]string{{"2.6.12", "Added the `EX`, `PX`, `NX` and `XX` options."}, {"6.0.0", "Added the `KEEPTTL` option."}, {"6.2.0", "Added the `GET`, `EXAT` and `PXAT` option."}, {"7.0.0", "Allowed the `NX` and `GET` options to be used together."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "value", Type: "string"},
		{Name: "condition", Type: "oneof", Since: "2.6.12", Flags: 1, Args: []engine.DocArg{
			{Name: "nx", Type: "pure-token", Token: "NX"},
			{Name: "xx", Type: "pure-token", Token: "XX"},
		}},
		{Name: "get", Type: "pure-token", Token: "GET", Since: "6.2.0", Flags: 1},
		{Name: "expiration", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "seconds", Type: "integer", Token: "EX", Since: "2.6.12"},
			{Name: "milliseconds", Type: "integer", Token: "PX", Since: "2.6.12"},
			{Name: "unix-time-seconds", Type: "unix-time", Token: "EXAT", Since: "6.2.0"},
			{Name: "unix-time-milliseconds", Type: "unix-time", Token: "PXAT", Since: "6.2.0"},
			{Name: "keepttl", Type: "pure-token", Token: "KEEPTTL", Since: "6.0.0"},
		}},
	}},
	"setbit": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "offset", Type: "integer"},
		{Name: "value", Type: "integer"},
	}},
	"setex": {docFlags: []string{"deprecated"}, deprecatedSince: "2.6.12", replacedBy: "`SET` with the `EX` argument", args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "seconds", Type: "integer"},
		{Name: "value", Type: "string"},
	}},
	"setnx": {docFlags: []string{"deprecated"}, deprecatedSince: "2.6.12", replacedBy: "`SET` with the `NX` argument", args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "value", Type: "string"},
	}},
	"setrange": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "offset", Type: "integer"},
		{Name: "value", Type: "string"},
	}},
	"shutdown": {history: [][2]string{{"7.0.0", "Added the `NOW`, `FORCE` and `ABORT` modifiers."}}, args: []engine.DocArg{
		{Name: "save-selector", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "nosave", Type: "pure-token", Token: "NOSAVE"},
			{Name: "save", Type: "pure-token", Token: "SAVE"},
		}},
		{Name: "now", Type: "pure-token", Token: "NOW", Since: "7.0.0", Flags: 1},
		{Name: "force", Type: "pure-token", Token: "FORCE", Since: "7.0.0", Flags: 1},
		{Name: "abort", Type: "pure-token", Token: "ABORT", Since: "7.0.0", Flags: 1},
	}},
	"sinter": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
	}},
	"sintercard": {args: []engine.DocArg{
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
		{Name: "limit", Type: "integer", Token: "LIMIT", Flags: 1},
	}},
	"sinterstore": {args: []engine.DocArg{
		{Name: "destination", Type: "key", KeySpec: 1},
		{Name: "key", Type: "key", KeySpec: 2, Flags: 2},
	}},
	"sismember": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member", Type: "string"},
	}},
	"slaveof": {docFlags: []string{"deprecated"}, deprecatedSince: "5.0.0", replacedBy: "`REPLICAOF`", args: []engine.DocArg{
		{Name: "args", Type: "oneof", Args: []engine.DocArg{
			{Name: "host-port", Type: "block", Args: []engine.DocArg{
				{Name: "host", Type: "string"},
				{Name: "port", Type: "integer"},
			}},
			{Name: "no-one", Type: "block", Args: []engine.DocArg{
				{Name: "no", Type: "pure-token", Token: "NO"},
				{Name: "one", Type: "pure-token", Token: "ONE"},
			}},
		}},
	}},
	"slowlog|get": {history: [][2]string{{"4.0.0", "Added client IP address, port and name to the reply."}}, args: []engine.DocArg{
		{Name: "count", Type: "integer", Flags: 1},
	}},
	"smembers": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"smismember": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member", Type: "string", Flags: 2},
	}},
	"smove": {args: []engine.DocArg{
		{Name: "source", Type: "key", KeySpec: 1},
		{Name: "destination", Type: "key", KeySpec: 2},
		{Name: "member", Type: "string"},
	}},
	"sort": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "by-pattern", Type: "pattern", KeySpec: 2, Display: "pattern", Token: "BY", Flags: 1},
		{Name: "limit", Type: "block", Token: "LIMIT", Flags: 1, Args: []engine.DocArg{
			{Name: "offset", Type: "integer"},
			{Name: "count", Type: "integer"},
		}},
		{Name: "get-pattern", Type: "pattern", KeySpec: 2, Display: "pattern", Token: "GET", Flags: 7},
		{Name: "order", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "asc", Type: "pure-token", Token: "ASC"},
			{Name: "desc", Type: "pure-token", Token: "DESC"},
		}},
		{Name: "sorting", Type: "pure-token", Token: "ALPHA", Flags: 1},
		{Name: "destination", Type: "key", KeySpec: 3, Token: "STORE", Flags: 1},
	}},
	"sort_ro": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "by-pattern", Type: "pattern", KeySpec: 2, Display: "pattern", Token: "BY", Flags: 1},
		{Name: "limit", Type: "block", Token: "LIMIT", Flags: 1, Args: []engine.DocArg{
			{Name: "offset", Type: "integer"},
			{Name: "count", Type: "integer"},
		}},
		{Name: "get-pattern", Type: "pattern", KeySpec: 2, Display: "pattern", Token: "GET", Flags: 7},
		{Name: "order", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "asc", Type: "pure-token", Token: "ASC"},
			{Name: "desc", Type: "pure-token", Token: "DESC"},
		}},
		{Name: "sorting", Type: "pure-token", Token: "ALPHA", Flags: 1},
	}},
	"spop": {history: [][2]string{{"3.2.0", "Added the `count` argument."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "count", Type: "integer", Since: "3.2.0", Flags: 1},
	}},
	"spublish": {args: []engine.DocArg{
		{Name: "shardchannel", Type: "string"},
		{Name: "message", Type: "string"},
	}},
	"srandmember": {history: [][2]string{{"2.6.0", "Added the optional `count` argument."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "count", Type: "integer", Since: "2.6.0", Flags: 1},
	}},
	"srem": {history: [][2]string{{"2.4.0", "Accepts multiple `member` arguments."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member", Type: "string", Flags: 2},
	}},
	"sscan": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "cursor", Type: "integer"},
		{Name: "pattern", Type: "pattern", Token: "MATCH", Flags: 1},
		{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
	}},
	"ssubscribe": {args: []engine.DocArg{
		{Name: "shardchannel", Type: "string", Flags: 2},
	}},
	"strlen": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"subscribe": {args: []engine.DocArg{
		{Name: "channel", Type: "string", Flags: 2},
	}},
	"substr": {docFlags: []string{"deprecated"}, deprecatedSince: "2.0.0", replacedBy: "`GETRANGE`", args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "start", Type: "integer"},
		{Name: "end", Type: "integer"},
	}},
	"sunion": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
	}},
	"sunionstore": {args: []engine.DocArg{
		{Name: "destination", Type: "key", KeySpec: 1},
		{Name: "key", Type: "key", KeySpec: 2, Flags: 2},
	}},
	"sunsubscribe": {args: []engine.DocArg{
		{Name: "shardchannel", Type: "string", Flags: 3},
	}},
	"swapdb": {args: []engine.DocArg{
		{Name: "index1", Type: "integer"},
		{Name: "index2", Type: "integer"},
	}},
	"touch": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
	}},
	"ttl": {history: [][2]string{{"2.8.0", "Added the -2 reply."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"type": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"unlink": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
	}},
	"unsubscribe": {args: []engine.DocArg{
		{Name: "channel", Type: "string", Flags: 3},
	}},
	"wait": {args: []engine.DocArg{
		{Name: "numreplicas", Type: "integer"},
		{Name: "timeout", Type: "integer"},
	}},
	"waitaof": {args: []engine.DocArg{
		{Name: "numlocal", Type: "integer"},
		{Name: "numreplicas", Type: "integer"},
		{Name: "timeout", Type: "integer"},
	}},
	"watch": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
	}},
	"xack": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "group", Type: "string"},
		{Name: "ID", Type: "string", Flags: 2},
	}},
	"xadd": {history: [][2]string{{"6.2.0", "Added the `NOMKSTREAM` option, `MINID` trimming strategy and the `LIMIT` option."}, {"7.0.0", "Added support for the `<ms>-*` explicit ID form."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "nomkstream", Type: "pure-token", Token: "NOMKSTREAM", Since: "6.2.0", Flags: 1},
		{Name: "trim", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "strategy", Type: "oneof", Args: []engine.DocArg{
				{Name: "maxlen", Type: "pure-token", Token: "MAXLEN"},
				{Name: "minid", Type: "pure-token", Token: "MINID", Since: "6.2.0"},
			}},
			{Name: "operator", Type: "oneof", Flags: 1, Args: []engine.DocArg{
				{Name: "equal", Type: "pure-token", Token: "="},
				{Name: "approximately", Type: "pure-token", Token: "~"},
			}},
			{Name: "threshold", Type: "string"},
			{Name: "count", Type: "integer", Token: "LIMIT", Since: "6.2.0", Flags: 1},
		}},
		{Name: "id-selector", Type: "oneof", Args: []engine.DocArg{
			{Name: "auto-id", Type: "pure-token", Token: "*"},
			{Name: "id", Type: "string"},
		}},
		{Name: "data", Type: "block", Flags: 2, Args: []engine.DocArg{
			{Name: "field", Type: "string"},
			{Name: "value", Type: "string"},
		}},
	}},
	"xautoclaim": {history: [][2]string{{"7.0.0", "Added an element to the reply array, containing deleted entries the command cleared from the PEL"}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "group", Type: "string"},
		{Name: "consumer", Type: "string"},
		{Name: "min-idle-time", Type: "string"},
		{Name: "start", Type: "string"},
		{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
		{Name: "justid", Type: "pure-token", Token: "JUSTID", Flags: 1},
	}},
	"xclaim": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "group", Type: "string"},
		{Name: "consumer", Type: "string"},
		{Name: "min-idle-time", Type: "string"},
		{Name: "ID", Type: "string", Flags: 2},
		{Name: "ms", Type: "integer", Token: "IDLE", Flags: 1},
		{Name: "unix-time-milliseconds", Type: "unix-time", Token: "TIME", Flags: 1},
		{Name: "count", Type: "integer", Token: "RETRYCOUNT", Flags: 1},
		{Name: "force", Type: "pure-token", Token: "FORCE", Flags: 1},
		{Name: "justid", Type: "pure-token", Token: "JUSTID", Flags: 1},
		{Name: "lastid", Type: "string", Token: "LASTID", Flags: 1},
	}},
	"xdel": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "ID", Type: "string", Flags: 2},
	}},
	"xgroup|create": {history: [][2]string{{"7.0.0", "Added the `entries_read` named argument."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "group", Type: "string"},
		{Name: "id-selector", Type: "oneof", Args: []engine.DocArg{
			{Name: "id", Type: "string"},
			{Name: "new-id", Type: "pure-token", Token: "$"},
		}},
		{Name: "mkstream", Type: "pure-token", Token: "MKSTREAM", Flags: 1},
		{Name: "entries-read", Type: "integer", Token: "ENTRIESREAD", Flags: 1},
	}},
	"xgroup|createconsumer": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "group", Type: "string"},
		{Name: "consumer", Type: "string"},
	}},
	"xgroup|delconsumer": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "group", Type: "string"},
		{Name: "consumer", Type: "string"},
	}},
	"xgroup|destroy": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "group", Type: "string"},
	}},
	"xgroup|setid": {history: [][2]string{{"7.0.0", "Added the optional `entries_read` argument."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "group", Type: "string"},
		{Name: "id-selector", Type: "oneof", Args: []engine.DocArg{
			{Name: "id", Type: "string"},
			{Name: "new-id", Type: "pure-token", Token: "$"},
		}},
		{Name: "entriesread", Type: "integer", Display: "entries-read", Token: "ENTRIESREAD", Flags: 1},
	}},
	"xinfo|consumers": {history: [][2]string{{"7.2.0", "Added the `inactive` field."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "group", Type: "string"},
	}},
	"xinfo|groups": {history: [][2]string{{"7.0.0", "Added the `entries-read` and `lag` fields"}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"xinfo|stream": {history: [][2]string{{"6.0.0", "Added the `FULL` modifier."}, {"7.0.0", "Added the `max-deleted-entry-id`, `entries-added`, `recorded-first-entry-id`, `entries-read` and `lag` fields"}, {"7.2.0", "Added the `active-time` field, and changed the meaning of `seen-time`."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "full-block", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "full", Type: "pure-token", Token: "FULL"},
			{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
		}},
	}},
	"xlen": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"xpending": {history: [][2]string{{"6.2.0", "Added the `IDLE` option and exclusive range intervals."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "group", Type: "string"},
		{Name: "filters", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "min-idle-time", Type: "integer", Token: "IDLE", Since: "6.2.0", Flags: 1},
			{Name: "start", Type: "string"},
			{Name: "end", Type: "string"},
			{Name: "count", Type: "integer"},
			{Name: "consumer", Type: "string", Flags: 1},
		}},
	}},
	"xrange": {history: [][2]string{{"6.2.0", "Added exclusive ranges."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "start", Type: "string"},
		{Name: "end", Type: "string"},
		{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
	}},
	"xread": {args: []engine.DocArg{
		{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
		{Name: "milliseconds", Type: "integer", Token: "BLOCK", Flags: 1},
		{Name: "streams", Type: "block", Token: "STREAMS", Args: []engine.DocArg{
			{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
			{Name: "ID", Type: "string", Flags: 2},
		}},
	}},
	"xreadgroup": {args: []engine.DocArg{
		{Name: "group-block", Type: "block", Token: "GROUP", Args: []engine.DocArg{
			{Name: "group", Type: "string"},
			{Name: "consumer", Type: "string"},
		}},
		{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
		{Name: "milliseconds", Type: "integer", Token: "BLOCK", Flags: 1},
		{Name: "noack", Type: "pure-token", Token: "NOACK", Flags: 1},
		{Name: "streams", Type: "block", Token: "STREAMS", Args: []engine.DocArg{
			{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
			{Name: "ID", Type: "string", Flags: 2},
		}},
	}},
	"xrevrange": {history: [][2]string{{"6.2.0", "Added exclusive ranges."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "end", Type: "string"},
		{Name: "start", Type: "string"},
		{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
	}},
	"xsetid": {history: [][2]string{{"7.0.0", "Added the `entries_added` and `max_deleted_entry_id` arguments."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "last-id", Type: "string"},
		{Name: "entries-added", Type: "integer", Token: "ENTRIESADDED", Since: "7.0.0", Flags: 1},
		{Name: "max-deleted-id", Type: "string", Token: "MAXDELETEDID", Since: "7.0.0", Flags: 1},
	}},
	"xtrim": {history: [][2]string{{"6.2.0", "Added the `MINID` trimming strategy and the `LIMIT` option."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "trim", Type: "block", Args: []engine.DocArg{
			{Name: "strategy", Type: "oneof", Args: []engine.DocArg{
				{Name: "maxlen", Type: "pure-token", Token: "MAXLEN"},
				{Name: "minid", Type: "pure-token", Token: "MINID", Since: "6.2.0"},
			}},
			{Name: "operator", Type: "oneof", Flags: 1, Args: []engine.DocArg{
				{Name: "equal", Type: "pure-token", Token: "="},
				{Name: "approximately", Type: "pure-token", Token: "~"},
			}},
			{Name: "threshold", Type: "string"},
			{Name: "count", Type: "integer", Token: "LIMIT", Since: "6.2.0", Flags: 1},
		}},
	}},
	"zadd": {history: [][2]string{{"2.4.0", "Accepts multiple elements."}, {"3.0.2", "Added the `XX`, `NX`, `CH` and `INCR` options."}, {"6.2.0", "Added the `GT` and `LT` options."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "condition", Type: "oneof", Since: "3.0.2", Flags: 1, Args: []engine.DocArg{
			{Name: "nx", Type: "pure-token", Token: "NX"},
			{Name: "xx", Type: "pure-token", Token: "XX"},
		}},
		{Name: "comparison", Type: "oneof", Since: "6.2.0", Flags: 1, Args: []engine.DocArg{
			{Name: "gt", Type: "pure-token", Token: "GT"},
			{Name: "lt", Type: "pure-token", Token: "LT"},
		}},
		{Name: "change", Type: "pure-token", Token: "CH", Since: "3.0.2", Flags: 1},
		{Name: "increment", Type: "pure-token", Token: "INCR", Since: "3.0.2", Flags: 1},
		{Name: "data", Type: "block", Flags: 2, Args: []engine.DocArg{
			{Name: "score", Type: "double"},
			{Name: "member", Type: "string"},
		}},
	}},
	"zcard": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
	}},
	"zcount": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "min", Type: "double"},
		{Name: "max", Type: "double"},
	}},
	"zdiff": {args: []engine.DocArg{
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
		{Name: "withscores", Type: "pure-token", Token: "WITHSCORES", Flags: 1},
	}},
	"zdiffstore": {args: []engine.DocArg{
		{Name: "destination", Type: "key", KeySpec: 1},
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 2, Flags: 2},
	}},
	"zincrby": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "increment", Type: "integer"},
		{Name: "member", Type: "string"},
	}},
	"zinter": {args: []engine.DocArg{
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
		{Name: "weight", Type: "integer", Token: "WEIGHTS", Flags: 3},
		{Name: "aggregate", Type: "oneof", Token: "AGGREGATE", Flags: 1, Args: []engine.DocArg{
			{Name: "sum", Type: "pure-token", Token: "SUM"},
			{Name: "min", Type: "pure-token", Token: "MIN"},
			{Name: "max", Type: "pure-token", Token: "MAX"},
		}},
		{Name: "withscores", Type: "pure-token", Token: "WITHSCORES", Flags: 1},
	}},
	"zintercard": {args: []engine.DocArg{
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
		{Name: "limit", Type: "integer", Token: "LIMIT", Flags: 1},
	}},
	"zinterstore": {args: []engine.DocArg{
		{Name: "destination", Type: "key", KeySpec: 1},
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 2, Flags: 2},
		{Name: "weight", Type: "integer", Token: "WEIGHTS", Flags: 3},
		{Name: "aggregate", Type: "oneof", Token: "AGGREGATE", Flags: 1, Args: []engine.DocArg{
			{Name: "sum", Type: "pure-token", Token: "SUM"},
			{Name: "min", Type: "pure-token", Token: "MIN"},
			{Name: "max", Type: "pure-token", Token: "MAX"},
		}},
	}},
	"zlexcount": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "min", Type: "string"},
		{Name: "max", Type: "string"},
	}},
	"zmpop": {args: []engine.DocArg{
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
		{Name: "where", Type: "oneof", Args: []engine.DocArg{
			{Name: "min", Type: "pure-token", Token: "MIN"},
			{Name: "max", Type: "pure-token", Token: "MAX"},
		}},
		{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
	}},
	"zmscore": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member", Type: "string", Flags: 2},
	}},
	"zpopmax": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "count", Type: "integer", Flags: 1},
	}},
	"zpopmin": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "count", Type: "integer", Flags: 1},
	}},
	"zrandmember": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "options", Type: "block", Flags: 1, Args: []engine.DocArg{
			{Name: "count", Type: "integer"},
			{Name: "withscores", Type: "pure-token", Token: "WITHSCORES", Flags: 1},
		}},
	}},
	"zrange": {history: [][2]string{{"6.2.0", "Added the `REV`, `BYSCORE`, `BYLEX` and `LIMIT` options."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "start", Type: "string"},
		{Name: "stop", Type: "string"},
		{Name: "sortby", Type: "oneof", Since: "6.2.0", Flags: 1, Args: []engine.DocArg{
			{Name: "byscore", Type: "pure-token", Token: "BYSCORE"},
			{Name: "bylex", Type: "pure-token", Token: "BYLEX"},
		}},
		{Name: "rev", Type: "pure-token", Token: "REV", Since: "6.2.0", Flags: 1},
		{Name: "limit", Type: "block", Token: "LIMIT", Since: "6.2.0", Flags: 1, Args: []engine.DocArg{
			{Name: "offset", Type: "integer"},
			{Name: "count", Type: "integer"},
		}},
		{Name: "withscores", Type: "pure-token", Token: "WITHSCORES", Flags: 1},
	}},
	"zrangebylex": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`ZRANGE` with the `BYLEX` argument", args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "min", Type: "string"},
		{Name: "max", Type: "string"},
		{Name: "limit", Type: "block", Token: "LIMIT", Flags: 1, Args: []engine.DocArg{
			{Name: "offset", Type: "integer"},
			{Name: "count", Type: "integer"},
		}},
	}},
	"zrangebyscore": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`ZRANGE` with the `BYSCORE` argument", history: [][2]string{{"2.0.0", "Added the `WITHSCORES` modifier."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "min", Type: "double"},
		{Name: "max", Type: "double"},
		{Name: "withscores", Type: "pure-token", Token: "WITHSCORES", Since: "2.0.0", Flags: 1},
		{Name: "limit", Type: "block", Token: "LIMIT", Flags: 1, Args: []engine.DocArg{
			{Name: "offset", Type: "integer"},
			{Name: "count", Type: "integer"},
		}},
	}},
	"zrangestore": {args: []engine.DocArg{
		{Name: "dst", Type: "key", KeySpec: 1},
		{Name: "src", Type: "key", KeySpec: 2},
		{Name: "min", Type: "string"},
		{Name: "max", Type: "string"},
		{Name: "sortby", Type: "oneof", Flags: 1, Args: []engine.DocArg{
			{Name: "byscore", Type: "pure-token", Token: "BYSCORE"},
			{Name: "bylex", Type: "pure-token", Token: "BYLEX"},
		}},
		{Name: "rev", Type: "pure-token", Token: "REV", Flags: 1},
		{Name: "limit", Type: "block", Token: "LIMIT", Flags: 1, Args: []engine.DocArg{
			{Name: "offset", Type: "integer"},
			{Name: "count", Type: "integer"},
		}},
	}},
	"zrank": {history: [][2]string{{"7.2.0", "Added the optional `WITHSCORE` argument."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member", Type: "string"},
		{Name: "withscore", Type: "pure-token", Token: "WITHSCORE", Flags: 1},
	}},
	"zrem": {history: [][2]string{{"2.4.0", "Accepts multiple elements."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member", Type: "string", Flags: 2},
	}},
	"zremrangebylex": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "min", Type: "string"},
		{Name: "max", Type: "string"},
	}},
	"zremrangebyrank": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "start", Type: "integer"},
		{Name: "stop", Type: "integer"},
	}},
	"zremrangebyscore": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "min", Type: "double"},
		{Name: "max", Type: "double"},
	}},
	"zrevrange": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`ZRANGE` with the `REV` argument", args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "start", Type: "integer"},
		{Name: "stop", Type: "integer"},
		{Name: "withscores", Type: "pure-token", Token: "WITHSCORES", Flags: 1},
	}},
	"zrevrangebylex": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`ZRANGE` with the `REV` and `BYLEX` arguments", args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "max", Type: "string"},
		{Name: "min", Type: "string"},
		{Name: "limit", Type: "block", Token: "LIMIT", Flags: 1, Args: []engine.DocArg{
			{Name: "offset", Type: "integer"},
			{Name: "count", Type: "integer"},
		}},
	}},
	"zrevrangebyscore": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`ZRANGE` with the `REV` and `BYSCORE` arguments", history: [][2]string{{"2.1.6", "`min` and `max` can be exclusive."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "max", Type: "double"},
		{Name: "min", Type: "double"},
		{Name: "withscores", Type: "pure-token", Token: "WITHSCORES", Flags: 1},
		{Name: "limit", Type: "block", Token: "LIMIT", Flags: 1, Args: []engine.DocArg{
			{Name: "offset", Type: "integer"},
			{Name: "count", Type: "integer"},
		}},
	}},
	"zrevrank": {history: [][2]string{{"7.2.0", "Added the optional `WITHSCORE` argument."}}, args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member", Type: "string"},
		{Name: "withscore", Type: "pure-token", Token: "WITHSCORE", Flags: 1},
	}},
	"zscan": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "cursor", Type: "integer"},
		{Name: "pattern", Type: "pattern", Token: "MATCH", Flags: 1},
		{Name: "count", Type: "integer", Token: "COUNT", Flags: 1},
	}},
	"zscore": {args: []engine.DocArg{
		{Name: "key", Type: "key", KeySpec: 1},
		{Name: "member", Type: "string"},
	}},
	"zunion": {args: []engine.DocArg{
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 1, Flags: 2},
		{Name: "weight", Type: "integer", Token: "WEIGHTS", Flags: 3},
		{Name: "aggregate", Type: "oneof", Token: "AGGREGATE", Flags: 1, Args: []engine.DocArg{
			{Name: "sum", Type: "pure-token", Token: "SUM"},
			{Name: "min", Type: "pure-token", Token: "MIN"},
			{Name: "max", Type: "pure-token", Token: "MAX"},
		}},
		{Name: "withscores", Type: "pure-token", Token: "WITHSCORES", Flags: 1},
	}},
	"zunionstore": {args: []engine.DocArg{
		{Name: "destination", Type: "key", KeySpec: 1},
		{Name: "numkeys", Type: "integer"},
		{Name: "key", Type: "key", KeySpec: 2, Flags: 2},
		{Name: "weight", Type: "integer", Token: "WEIGHTS", Flags: 3},
		{Name: "aggregate", Type: "oneof", Token: "AGGREGATE", Flags: 1, Args: []engine.DocArg{
			{Name: "sum", Type: "pure-token", Token: "SUM"},
			{Name: "min", Type: "pure-token", Token: "MIN"},
			{Name: "max", Type: "pure-token", Token: "MAX"},
		}},
	}},
}
