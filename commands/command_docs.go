package commands

// Generated from Redis 7.2.6's command descriptions (facts only: the
// argument trees, history notes and documentation flags COMMAND DOCS
// reports for core commands). Summaries, versions, complexities, tips and
// key specs live on each command's table entry.

// coreDocs holds the extra COMMAND DOCS fields of core commands by full
// name ("client|kill").
var coreDocs = map[string]cmdDocs{
	"acl|cat": {args: []docArg{
		{name: "category", typ: "string", flags: 1},
	}},
	"acl|deluser": {args: []docArg{
		{name: "username", typ: "string", flags: 2},
	}},
	"acl|dryrun": {args: []docArg{
		{name: "username", typ: "string"},
		{name: "command", typ: "string"},
		{name: "arg", typ: "string", flags: 3},
	}},
	"acl|genpass": {args: []docArg{
		{name: "bits", typ: "integer", flags: 1},
	}},
	"acl|getuser": {history: [][2]string{{"6.2.0", "Added Pub/Sub channel patterns."}, {"7.0.0", "Added selectors and changed the format of key and channel patterns from a list to their rule representation."}}, args: []docArg{
		{name: "username", typ: "string"},
	}},
	"acl|log": {history: [][2]string{{"7.2.0", "Added entry ID, timestamp created, and timestamp last updated."}}, args: []docArg{
		{name: "operation", typ: "oneof", flags: 1, args: []docArg{
			{name: "count", typ: "integer"},
			{name: "reset", typ: "pure-token", token: "RESET"},
		}},
	}},
	"acl|setuser": {history: [][2]string{{"6.2.0", "Added Pub/Sub channel patterns."}, {"7.0.0", "Added selectors and key based permissions."}}, args: []docArg{
		{name: "username", typ: "string"},
		{name: "rule", typ: "string", flags: 3},
	}},
	"append": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "value", typ: "string"},
	}},
	"auth": {history: [][2]string{{"6.0.0", "Added ACL style (username and password)."}}, args: []docArg{
		{name: "username", typ: "string", since: "6.0.0", flags: 1},
		{name: "password", typ: "string"},
	}},
	"bgsave": {history: [][2]string{{"3.2.2", "Added the `SCHEDULE` option."}}, args: []docArg{
		{name: "schedule", typ: "pure-token", token: "SCHEDULE", since: "3.2.2", flags: 1},
	}},
	"bitcount": {history: [][2]string{{"7.0.0", "Added the `BYTE|BIT` option."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "range", typ: "block", flags: 1, args: []docArg{
			{name: "start", typ: "integer"},
			{name: "end", typ: "integer"},
			{name: "unit", typ: "oneof", since: "7.0.0", flags: 1, args: []docArg{
				{name: "byte", typ: "pure-token", token: "BYTE"},
				{name: "bit", typ: "pure-token", token: "BIT"},
			}},
		}},
	}},
	"bitfield": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "operation", typ: "oneof", flags: 3, args: []docArg{
			{name: "get-block", typ: "block", token: "GET", args: []docArg{
				{name: "encoding", typ: "string"},
				{name: "offset", typ: "integer"},
			}},
			{name: "write", typ: "block", args: []docArg{
				{name: "overflow-block", typ: "oneof", token: "OVERFLOW", flags: 1, args: []docArg{
					{name: "wrap", typ: "pure-token", token: "WRAP"},
					{name: "sat", typ: "pure-token", token: "SAT"},
					{name: "fail", typ: "pure-token", token: "FAIL"},
				}},
				{name: "write-operation", typ: "oneof", args: []docArg{
					{name: "set-block", typ: "block", token: "SET", args: []docArg{
						{name: "encoding", typ: "string"},
						{name: "offset", typ: "integer"},
						{name: "value", typ: "integer"},
					}},
					{name: "incrby-block", typ: "block", token: "INCRBY", args: []docArg{
						{name: "encoding", typ: "string"},
						{name: "offset", typ: "integer"},
						{name: "increment", typ: "integer"},
					}},
				}},
			}},
		}},
	}},
	"bitfield_ro": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "get-block", typ: "block", token: "GET", flags: 7, args: []docArg{
			{name: "encoding", typ: "string"},
			{name: "offset", typ: "integer"},
		}},
	}},
	"bitop": {args: []docArg{
		{name: "operation", typ: "oneof", args: []docArg{
			{name: "and", typ: "pure-token", token: "AND"},
			{name: "or", typ: "pure-token", token: "OR"},
			{name: "xor", typ: "pure-token", token: "XOR"},
			{name: "not", typ: "pure-token", token: "NOT"},
		}},
		{name: "destkey", typ: "key", ks: 1},
		{name: "key", typ: "key", ks: 2, flags: 2},
	}},
	"bitpos": {history: [][2]string{{"7.0.0", "Added the `BYTE|BIT` option."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "bit", typ: "integer"},
		{name: "range", typ: "block", flags: 1, args: []docArg{
			{name: "start", typ: "integer"},
			{name: "end-unit-block", typ: "block", flags: 1, args: []docArg{
				{name: "end", typ: "integer"},
				{name: "unit", typ: "oneof", since: "7.0.0", flags: 1, args: []docArg{
					{name: "byte", typ: "pure-token", token: "BYTE"},
					{name: "bit", typ: "pure-token", token: "BIT"},
				}},
			}},
		}},
	}},
	"blmove": {args: []docArg{
		{name: "source", typ: "key", ks: 1},
		{name: "destination", typ: "key", ks: 2},
		{name: "wherefrom", typ: "oneof", args: []docArg{
			{name: "left", typ: "pure-token", token: "LEFT"},
			{name: "right", typ: "pure-token", token: "RIGHT"},
		}},
		{name: "whereto", typ: "oneof", args: []docArg{
			{name: "left", typ: "pure-token", token: "LEFT"},
			{name: "right", typ: "pure-token", token: "RIGHT"},
		}},
		{name: "timeout", typ: "double"},
	}},
	"blmpop": {args: []docArg{
		{name: "timeout", typ: "double"},
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 2},
		{name: "where", typ: "oneof", args: []docArg{
			{name: "left", typ: "pure-token", token: "LEFT"},
			{name: "right", typ: "pure-token", token: "RIGHT"},
		}},
		{name: "count", typ: "integer", token: "COUNT", flags: 1},
	}},
	"blpop": {history: [][2]string{{"6.0.0", "`timeout` is interpreted as a double instead of an integer."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
		{name: "timeout", typ: "double"},
	}},
	"brpop": {history: [][2]string{{"6.0.0", "`timeout` is interpreted as a double instead of an integer."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
		{name: "timeout", typ: "double"},
	}},
	"brpoplpush": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`BLMOVE` with the `RIGHT` and `LEFT` arguments", history: [][2]string{{"6.0.0", "`timeout` is interpreted as a double instead of an integer."}}, args: []docArg{
		{name: "source", typ: "key", ks: 1},
		{name: "destination", typ: "key", ks: 2},
		{name: "timeout", typ: "double"},
	}},
	"bzmpop": {args: []docArg{
		{name: "timeout", typ: "double"},
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 2},
		{name: "where", typ: "oneof", args: []docArg{
			{name: "min", typ: "pure-token", token: "MIN"},
			{name: "max", typ: "pure-token", token: "MAX"},
		}},
		{name: "count", typ: "integer", token: "COUNT", flags: 1},
	}},
	"bzpopmax": {history: [][2]string{{"6.0.0", "`timeout` is interpreted as a double instead of an integer."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
		{name: "timeout", typ: "double"},
	}},
	"bzpopmin": {history: [][2]string{{"6.0.0", "`timeout` is interpreted as a double instead of an integer."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
		{name: "timeout", typ: "double"},
	}},
	"client|caching": {args: []docArg{
		{name: "mode", typ: "oneof", args: []docArg{
			{name: "yes", typ: "pure-token", token: "YES"},
			{name: "no", typ: "pure-token", token: "NO"},
		}},
	}},
	"client|kill": {history: [][2]string{{"2.8.12", "Added new filter format."}, {"2.8.12", "`ID` option."}, {"3.2.0", "Added `master` type in for `TYPE` option."}, {"5.0.0", "Replaced `slave` `TYPE` with `replica`. `slave` still supported for backward compatibility."}, {"6.2.0", "`LADDR` option."}}, args: []docArg{
		{name: "filter", typ: "oneof", args: []docArg{
			{name: "old-format", typ: "string", display: "ip:port", deprecated: "2.8.12"},
			{name: "new-format", typ: "oneof", flags: 2, args: []docArg{
				{name: "client-id", typ: "integer", token: "ID", since: "2.8.12", flags: 1},
				{name: "client-type", typ: "oneof", token: "TYPE", since: "2.8.12", flags: 1, args: []docArg{
					{name: "normal", typ: "pure-token", token: "normal"},
					{name: "master", typ: "pure-token", token: "master", since: "3.2.0"},
					{name: "slave", typ: "pure-token", token: "slave"},
					{name: "replica", typ: "pure-token", token: "replica", since: "5.0.0"},
					{name: "pubsub", typ: "pure-token", token: "pubsub"},
				}},
				{name: "username", typ: "string", token: "USER", flags: 1},
				{name: "addr", typ: "string", display: "ip:port", token: "ADDR", flags: 1},
				{name: "laddr", typ: "string", display: "ip:port", token: "LADDR", since: "6.2.0", flags: 1},
				{name: "skipme", typ: "oneof", token: "SKIPME", flags: 1, args: []docArg{
					{name: "yes", typ: "pure-token", token: "YES"},
					{name: "no", typ: "pure-token", token: "NO"},
				}},
			}},
		}},
	}},
	"client|list": {history: [][2]string{{"2.8.12", "Added unique client `id` field."}, {"5.0.0", "Added optional `TYPE` filter."}, {"6.0.0", "Added `user` field."}, {"6.2.0", "Added `argv-mem`, `tot-mem`, `laddr` and `redir` fields and the optional `ID` filter."}, {"7.0.0", "Added `resp`, `multi-mem`, `rbs` and `rbp` fields."}, {"7.0.3", "Added `ssub` field."}}, args: []docArg{
		{name: "client-type", typ: "oneof", token: "TYPE", since: "5.0.0", flags: 1, args: []docArg{
			{name: "normal", typ: "pure-token", token: "normal"},
			{name: "master", typ: "pure-token", token: "master"},
			{name: "replica", typ: "pure-token", token: "replica"},
			{name: "pubsub", typ: "pure-token", token: "pubsub"},
		}},
		{name: "client-id", typ: "integer", token: "ID", since: "6.2.0", flags: 3},
	}},
	"client|no-evict": {args: []docArg{
		{name: "enabled", typ: "oneof", args: []docArg{
			{name: "on", typ: "pure-token", token: "ON"},
			{name: "off", typ: "pure-token", token: "OFF"},
		}},
	}},
	"client|no-touch": {args: []docArg{
		{name: "enabled", typ: "oneof", args: []docArg{
			{name: "on", typ: "pure-token", token: "ON"},
			{name: "off", typ: "pure-token", token: "OFF"},
		}},
	}},
	"client|pause": {history: [][2]string{{"6.2.0", "`CLIENT PAUSE WRITE` mode added along with the `mode` option."}}, args: []docArg{
		{name: "timeout", typ: "integer"},
		{name: "mode", typ: "oneof", since: "6.2.0", flags: 1, args: []docArg{
			{name: "write", typ: "pure-token", token: "WRITE"},
			{name: "all", typ: "pure-token", token: "ALL"},
		}},
	}},
	"client|reply": {args: []docArg{
		{name: "action", typ: "oneof", args: []docArg{
			{name: "on", typ: "pure-token", token: "ON"},
			{name: "off", typ: "pure-token", token: "OFF"},
			{name: "skip", typ: "pure-token", token: "SKIP"},
		}},
	}},
	"client|setinfo": {args: []docArg{
		{name: "attr", typ: "oneof", args: []docArg{
			{name: "libname", typ: "string", token: "lib-name"},
			{name: "libver", typ: "string", token: "lib-ver"},
		}},
	}},
	"client|setname": {args: []docArg{
		{name: "connection-name", typ: "string"},
	}},
	"client|tracking": {args: []docArg{
		{name: "status", typ: "oneof", args: []docArg{
			{name: "on", typ: "pure-token", token: "ON"},
			{name: "off", typ: "pure-token", token: "OFF"},
		}},
		{name: "client-id", typ: "integer", token: "REDIRECT", flags: 1},
		{name: "prefix", typ: "string", token: "PREFIX", flags: 7},
		{name: "BCAST", typ: "pure-token", token: "BCAST", flags: 1},
		{name: "OPTIN", typ: "pure-token", token: "OPTIN", flags: 1},
		{name: "OPTOUT", typ: "pure-token", token: "OPTOUT", flags: 1},
		{name: "NOLOOP", typ: "pure-token", token: "NOLOOP", flags: 1},
	}},
	"client|unblock": {args: []docArg{
		{name: "client-id", typ: "integer"},
		{name: "unblock-type", typ: "oneof", flags: 1, args: []docArg{
			{name: "timeout", typ: "pure-token", token: "TIMEOUT"},
			{name: "error", typ: "pure-token", token: "ERROR"},
		}},
	}},
	"cluster|addslots": {args: []docArg{
		{name: "slot", typ: "integer", flags: 2},
	}},
	"cluster|addslotsrange": {args: []docArg{
		{name: "range", typ: "block", flags: 2, args: []docArg{
			{name: "start-slot", typ: "integer"},
			{name: "end-slot", typ: "integer"},
		}},
	}},
	"cluster|count-failure-reports": {args: []docArg{
		{name: "node-id", typ: "string"},
	}},
	"cluster|countkeysinslot": {args: []docArg{
		{name: "slot", typ: "integer"},
	}},
	"cluster|delslots": {args: []docArg{
		{name: "slot", typ: "integer", flags: 2},
	}},
	"cluster|delslotsrange": {args: []docArg{
		{name: "range", typ: "block", flags: 2, args: []docArg{
			{name: "start-slot", typ: "integer"},
			{name: "end-slot", typ: "integer"},
		}},
	}},
	"cluster|failover": {args: []docArg{
		{name: "options", typ: "oneof", flags: 1, args: []docArg{
			{name: "force", typ: "pure-token", token: "FORCE"},
			{name: "takeover", typ: "pure-token", token: "TAKEOVER"},
		}},
	}},
	"cluster|forget": {args: []docArg{
		{name: "node-id", typ: "string"},
	}},
	"cluster|getkeysinslot": {args: []docArg{
		{name: "slot", typ: "integer"},
		{name: "count", typ: "integer"},
	}},
	"cluster|keyslot": {args: []docArg{
		{name: "key", typ: "string"},
	}},
	"cluster|meet": {history: [][2]string{{"4.0.0", "Added the optional `cluster_bus_port` argument."}}, args: []docArg{
		{name: "ip", typ: "string"},
		{name: "port", typ: "integer"},
		{name: "cluster-bus-port", typ: "integer", since: "4.0.0", flags: 1},
	}},
	"cluster|replicas": {args: []docArg{
		{name: "node-id", typ: "string"},
	}},
	"cluster|replicate": {args: []docArg{
		{name: "node-id", typ: "string"},
	}},
	"cluster|reset": {args: []docArg{
		{name: "reset-type", typ: "oneof", flags: 1, args: []docArg{
			{name: "hard", typ: "pure-token", token: "HARD"},
			{name: "soft", typ: "pure-token", token: "SOFT"},
		}},
	}},
	"cluster|set-config-epoch": {args: []docArg{
		{name: "config-epoch", typ: "integer"},
	}},
	"cluster|setslot": {args: []docArg{
		{name: "slot", typ: "integer"},
		{name: "subcommand", typ: "oneof", args: []docArg{
			{name: "importing", typ: "string", display: "node-id", token: "IMPORTING"},
			{name: "migrating", typ: "string", display: "node-id", token: "MIGRATING"},
			{name: "node", typ: "string", display: "node-id", token: "NODE"},
			{name: "stable", typ: "pure-token", token: "STABLE"},
		}},
	}},
	"cluster|slaves": {docFlags: []string{"deprecated"}, deprecatedSince: "5.0.0", replacedBy: "`CLUSTER REPLICAS`", args: []docArg{
		{name: "node-id", typ: "string"},
	}},
	"cluster|slots": {docFlags: []string{"deprecated"}, deprecatedSince: "7.0.0", replacedBy: "`CLUSTER SHARDS`", history: [][2]string{{"4.0.0", "Added node IDs."}, {"7.0.0", "Added additional networking metadata field."}}},
	"command|docs": {args: []docArg{
		{name: "command-name", typ: "string", flags: 3},
	}},
	"command|getkeys": {args: []docArg{
		{name: "command", typ: "string"},
		{name: "arg", typ: "string", flags: 3},
	}},
	"command|getkeysandflags": {args: []docArg{
		{name: "command", typ: "string"},
		{name: "arg", typ: "string", flags: 3},
	}},
	"command|info": {history: [][2]string{{"7.0.0", "Allowed to be called with no argument to get info on all commands."}}, args: []docArg{
		{name: "command-name", typ: "string", flags: 3},
	}},
	"command|list": {args: []docArg{
		{name: "filterby", typ: "oneof", token: "FILTERBY", flags: 1, args: []docArg{
			{name: "module-name", typ: "string", token: "MODULE"},
			{name: "category", typ: "string", token: "ACLCAT"},
			{name: "pattern", typ: "pattern", token: "PATTERN"},
		}},
	}},
	"config|get": {history: [][2]string{{"7.0.0", "Added the ability to pass multiple pattern parameters in one call"}}, args: []docArg{
		{name: "parameter", typ: "string", flags: 2},
	}},
	"config|set": {history: [][2]string{{"7.0.0", "Added the ability to set multiple parameters in one call."}}, args: []docArg{
		{name: "data", typ: "block", flags: 2, args: []docArg{
			{name: "parameter", typ: "string"},
			{name: "value", typ: "string"},
		}},
	}},
	"copy": {args: []docArg{
		{name: "source", typ: "key", ks: 1},
		{name: "destination", typ: "key", ks: 2},
		{name: "destination-db", typ: "integer", token: "DB", flags: 1},
		{name: "replace", typ: "pure-token", token: "REPLACE", flags: 1},
	}},
	"debug": {docFlags: []string{"syscmd"}},
	"decr": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"decrby": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "decrement", typ: "integer"},
	}},
	"del": {args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
	}},
	"dump": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"echo": {args: []docArg{
		{name: "message", typ: "string"},
	}},
	"eval": {args: []docArg{
		{name: "script", typ: "string"},
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 3},
		{name: "arg", typ: "string", flags: 3},
	}},
	"eval_ro": {args: []docArg{
		{name: "script", typ: "string"},
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 3},
		{name: "arg", typ: "string", flags: 3},
	}},
	"evalsha": {args: []docArg{
		{name: "sha1", typ: "string"},
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 3},
		{name: "arg", typ: "string", flags: 3},
	}},
	"evalsha_ro": {args: []docArg{
		{name: "sha1", typ: "string"},
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 3},
		{name: "arg", typ: "string", flags: 3},
	}},
	"exists": {history: [][2]string{{"3.0.3", "Accepts multiple `key` arguments."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
	}},
	"expire": {history: [][2]string{{"7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "seconds", typ: "integer"},
		{name: "condition", typ: "oneof", since: "7.0.0", flags: 1, args: []docArg{
			{name: "nx", typ: "pure-token", token: "NX"},
			{name: "xx", typ: "pure-token", token: "XX"},
			{name: "gt", typ: "pure-token", token: "GT"},
			{name: "lt", typ: "pure-token", token: "LT"},
		}},
	}},
	"expireat": {history: [][2]string{{"7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "unix-time-seconds", typ: "unix-time"},
		{name: "condition", typ: "oneof", since: "7.0.0", flags: 1, args: []docArg{
			{name: "nx", typ: "pure-token", token: "NX"},
			{name: "xx", typ: "pure-token", token: "XX"},
			{name: "gt", typ: "pure-token", token: "GT"},
			{name: "lt", typ: "pure-token", token: "LT"},
		}},
	}},
	"expiretime": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"failover": {args: []docArg{
		{name: "target", typ: "block", token: "TO", flags: 1, args: []docArg{
			{name: "host", typ: "string"},
			{name: "port", typ: "integer"},
			{name: "force", typ: "pure-token", token: "FORCE", flags: 1},
		}},
		{name: "abort", typ: "pure-token", token: "ABORT", flags: 1},
		{name: "milliseconds", typ: "integer", token: "TIMEOUT", flags: 1},
	}},
	"fcall": {args: []docArg{
		{name: "function", typ: "string"},
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 3},
		{name: "arg", typ: "string", flags: 3},
	}},
	"fcall_ro": {args: []docArg{
		{name: "function", typ: "string"},
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 3},
		{name: "arg", typ: "string", flags: 3},
	}},
	"flushall": {history: [][2]string{{"4.0.0", "Added the `ASYNC` flushing mode modifier."}, {"6.2.0", "Added the `SYNC` flushing mode modifier."}}, args: []docArg{
		{name: "flush-type", typ: "oneof", flags: 1, args: []docArg{
			{name: "async", typ: "pure-token", token: "ASYNC", since: "4.0.0"},
			{name: "sync", typ: "pure-token", token: "SYNC", since: "6.2.0"},
		}},
	}},
	"flushdb": {history: [][2]string{{"4.0.0", "Added the `ASYNC` flushing mode modifier."}, {"6.2.0", "Added the `SYNC` flushing mode modifier."}}, args: []docArg{
		{name: "flush-type", typ: "oneof", flags: 1, args: []docArg{
			{name: "async", typ: "pure-token", token: "ASYNC", since: "4.0.0"},
			{name: "sync", typ: "pure-token", token: "SYNC", since: "6.2.0"},
		}},
	}},
	"function|delete": {args: []docArg{
		{name: "library-name", typ: "string"},
	}},
	"function|flush": {args: []docArg{
		{name: "flush-type", typ: "oneof", flags: 1, args: []docArg{
			{name: "async", typ: "pure-token", token: "ASYNC"},
			{name: "sync", typ: "pure-token", token: "SYNC"},
		}},
	}},
	"function|list": {args: []docArg{
		{name: "library-name-pattern", typ: "string", token: "LIBRARYNAME", flags: 1},
		{name: "withcode", typ: "pure-token", token: "WITHCODE", flags: 1},
	}},
	"function|load": {args: []docArg{
		{name: "replace", typ: "pure-token", token: "REPLACE", flags: 1},
		{name: "function-code", typ: "string"},
	}},
	"function|restore": {args: []docArg{
		{name: "serialized-value", typ: "string"},
		{name: "policy", typ: "oneof", flags: 1, args: []docArg{
			{name: "flush", typ: "pure-token", token: "FLUSH"},
			{name: "append", typ: "pure-token", token: "APPEND"},
			{name: "replace", typ: "pure-token", token: "REPLACE"},
		}},
	}},
	"geoadd": {history: [][2]string{{"6.2.0", "Added the `CH`, `NX` and `XX` options."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "condition", typ: "oneof", since: "6.2.0", flags: 1, args: []docArg{
			{name: "nx", typ: "pure-token", token: "NX"},
			{name: "xx", typ: "pure-token", token: "XX"},
		}},
		{name: "change", typ: "pure-token", token: "CH", since: "6.2.0", flags: 1},
		{name: "data", typ: "block", flags: 2, args: []docArg{
			{name: "longitude", typ: "double"},
			{name: "latitude", typ: "double"},
			{name: "member", typ: "string"},
		}},
	}},
	"geodist": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member1", typ: "string"},
		{name: "member2", typ: "string"},
		{name: "unit", typ: "oneof", flags: 1, args: []docArg{
			{name: "m", typ: "pure-token", token: "m"},
			{name: "km", typ: "pure-token", token: "km"},
			{name: "ft", typ: "pure-token", token: "ft"},
			{name: "mi", typ: "pure-token", token: "mi"},
		}},
	}},
	"geohash": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member", typ: "string", flags: 3},
	}},
	"geopos": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member", typ: "string", flags: 3},
	}},
	"georadius": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` argument", history: [][2]string{{"6.2.0", "Added the `ANY` option for `COUNT`."}, {"7.0.0", "Added support for uppercase unit names."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "longitude", typ: "double"},
		{name: "latitude", typ: "double"},
		{name: "radius", typ: "double"},
		{name: "unit", typ: "oneof", args: []docArg{
			{name: "m", typ: "pure-token", token: "m"},
			{name: "km", typ: "pure-token", token: "km"},
			{name: "ft", typ: "pure-token", token: "ft"},
			{name: "mi", typ: "pure-token", token: "mi"},
		}},
		{name: "withcoord", typ: "pure-token", token: "WITHCOORD", flags: 1},
		{name: "withdist", typ: "pure-token", token: "WITHDIST", flags: 1},
		{name: "withhash", typ: "pure-token", token: "WITHHASH", flags: 1},
		{name: "count-block", typ: "block", flags: 1, args: []docArg{
			{name: "count", typ: "integer", token: "COUNT"},
			{name: "any", typ: "pure-token", token: "ANY", since: "6.2.0", flags: 1},
		}},
		{name: "order", typ: "oneof", flags: 1, args: []docArg{
			{name: "asc", typ: "pure-token", token: "ASC"},
			{name: "desc", typ: "pure-token", token: "DESC"},
		}},
		{name: "store", typ: "oneof", flags: 1, args: []docArg{
			{name: "storekey", typ: "key", ks: 2, display: "key", token: "STORE"},
			{name: "storedistkey", typ: "key", ks: 3, display: "key", token: "STOREDIST"},
		}},
	}},
	"georadius_ro": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`GEOSEARCH` with the `BYRADIUS` argument", history: [][2]string{{"6.2.0", "Added the `ANY` option for `COUNT`."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "longitude", typ: "double"},
		{name: "latitude", typ: "double"},
		{name: "radius", typ: "double"},
		{name: "unit", typ: "oneof", args: []docArg{
			{name: "m", typ: "pure-token", token: "m"},
			{name: "km", typ: "pure-token", token: "km"},
			{name: "ft", typ: "pure-token", token: "ft"},
			{name: "mi", typ: "pure-token", token: "mi"},
		}},
		{name: "withcoord", typ: "pure-token", token: "WITHCOORD", flags: 1},
		{name: "withdist", typ: "pure-token", token: "WITHDIST", flags: 1},
		{name: "withhash", typ: "pure-token", token: "WITHHASH", flags: 1},
		{name: "count-block", typ: "block", flags: 1, args: []docArg{
			{name: "count", typ: "integer", token: "COUNT"},
			{name: "any", typ: "pure-token", token: "ANY", since: "6.2.0", flags: 1},
		}},
		{name: "order", typ: "oneof", flags: 1, args: []docArg{
			{name: "asc", typ: "pure-token", token: "ASC"},
			{name: "desc", typ: "pure-token", token: "DESC"},
		}},
	}},
	"georadiusbymember": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` and `FROMMEMBER` arguments", history: [][2]string{{"7.0.0", "Added support for uppercase unit names."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member", typ: "string"},
		{name: "radius", typ: "double"},
		{name: "unit", typ: "oneof", args: []docArg{
			{name: "m", typ: "pure-token", token: "m"},
			{name: "km", typ: "pure-token", token: "km"},
			{name: "ft", typ: "pure-token", token: "ft"},
			{name: "mi", typ: "pure-token", token: "mi"},
		}},
		{name: "withcoord", typ: "pure-token", token: "WITHCOORD", flags: 1},
		{name: "withdist", typ: "pure-token", token: "WITHDIST", flags: 1},
		{name: "withhash", typ: "pure-token", token: "WITHHASH", flags: 1},
		{name: "count-block", typ: "block", flags: 1, args: []docArg{
			{name: "count", typ: "integer", token: "COUNT"},
			{name: "any", typ: "pure-token", token: "ANY", flags: 1},
		}},
		{name: "order", typ: "oneof", flags: 1, args: []docArg{
			{name: "asc", typ: "pure-token", token: "ASC"},
			{name: "desc", typ: "pure-token", token: "DESC"},
		}},
		{name: "store", typ: "oneof", flags: 1, args: []docArg{
			{name: "storekey", typ: "key", ks: 2, display: "key", token: "STORE"},
			{name: "storedistkey", typ: "key", ks: 3, display: "key", token: "STOREDIST"},
		}},
	}},
	"georadiusbymember_ro": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`GEOSEARCH` with the `BYRADIUS` and `FROMMEMBER` arguments", args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member", typ: "string"},
		{name: "radius", typ: "double"},
		{name: "unit", typ: "oneof", args: []docArg{
			{name: "m", typ: "pure-token", token: "m"},
			{name: "km", typ: "pure-token", token: "km"},
			{name: "ft", typ: "pure-token", token: "ft"},
			{name: "mi", typ: "pure-token", token: "mi"},
		}},
		{name: "withcoord", typ: "pure-token", token: "WITHCOORD", flags: 1},
		{name: "withdist", typ: "pure-token", token: "WITHDIST", flags: 1},
		{name: "withhash", typ: "pure-token", token: "WITHHASH", flags: 1},
		{name: "count-block", typ: "block", flags: 1, args: []docArg{
			{name: "count", typ: "integer", token: "COUNT"},
			{name: "any", typ: "pure-token", token: "ANY", flags: 1},
		}},
		{name: "order", typ: "oneof", flags: 1, args: []docArg{
			{name: "asc", typ: "pure-token", token: "ASC"},
			{name: "desc", typ: "pure-token", token: "DESC"},
		}},
	}},
	"geosearch": {history: [][2]string{{"7.0.0", "Added support for uppercase unit names."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "from", typ: "oneof", args: []docArg{
			{name: "member", typ: "string", token: "FROMMEMBER"},
			{name: "fromlonlat", typ: "block", token: "FROMLONLAT", args: []docArg{
				{name: "longitude", typ: "double"},
				{name: "latitude", typ: "double"},
			}},
		}},
		{name: "by", typ: "oneof", args: []docArg{
			{name: "circle", typ: "block", args: []docArg{
				{name: "radius", typ: "double", token: "BYRADIUS"},
				{name: "unit", typ: "oneof", args: []docArg{
					{name: "m", typ: "pure-token", token: "m"},
					{name: "km", typ: "pure-token", token: "km"},
					{name: "ft", typ: "pure-token", token: "ft"},
					{name: "mi", typ: "pure-token", token: "mi"},
				}},
			}},
			{name: "box", typ: "block", args: []docArg{
				{name: "width", typ: "double", token: "BYBOX"},
				{name: "height", typ: "double"},
				{name: "unit", typ: "oneof", args: []docArg{
					{name: "m", typ: "pure-token", token: "m"},
					{name: "km", typ: "pure-token", token: "km"},
					{name: "ft", typ: "pure-token", token: "ft"},
					{name: "mi", typ: "pure-token", token: "mi"},
				}},
			}},
		}},
		{name: "order", typ: "oneof", flags: 1, args: []docArg{
			{name: "asc", typ: "pure-token", token: "ASC"},
			{name: "desc", typ: "pure-token", token: "DESC"},
		}},
		{name: "count-block", typ: "block", flags: 1, args: []docArg{
			{name: "count", typ: "integer", token: "COUNT"},
			{name: "any", typ: "pure-token", token: "ANY", flags: 1},
		}},
		{name: "withcoord", typ: "pure-token", token: "WITHCOORD", flags: 1},
		{name: "withdist", typ: "pure-token", token: "WITHDIST", flags: 1},
		{name: "withhash", typ: "pure-token", token: "WITHHASH", flags: 1},
	}},
	"geosearchstore": {history: [][2]string{{"7.0.0", "Added support for uppercase unit names."}}, args: []docArg{
		{name: "destination", typ: "key", ks: 1},
		{name: "source", typ: "key", ks: 2},
		{name: "from", typ: "oneof", args: []docArg{
			{name: "member", typ: "string", token: "FROMMEMBER"},
			{name: "fromlonlat", typ: "block", token: "FROMLONLAT", args: []docArg{
				{name: "longitude", typ: "double"},
				{name: "latitude", typ: "double"},
			}},
		}},
		{name: "by", typ: "oneof", args: []docArg{
			{name: "circle", typ: "block", args: []docArg{
				{name: "radius", typ: "double", token: "BYRADIUS"},
				{name: "unit", typ: "oneof", args: []docArg{
					{name: "m", typ: "pure-token", token: "m"},
					{name: "km", typ: "pure-token", token: "km"},
					{name: "ft", typ: "pure-token", token: "ft"},
					{name: "mi", typ: "pure-token", token: "mi"},
				}},
			}},
			{name: "box", typ: "block", args: []docArg{
				{name: "width", typ: "double", token: "BYBOX"},
				{name: "height", typ: "double"},
				{name: "unit", typ: "oneof", args: []docArg{
					{name: "m", typ: "pure-token", token: "m"},
					{name: "km", typ: "pure-token", token: "km"},
					{name: "ft", typ: "pure-token", token: "ft"},
					{name: "mi", typ: "pure-token", token: "mi"},
				}},
			}},
		}},
		{name: "order", typ: "oneof", flags: 1, args: []docArg{
			{name: "asc", typ: "pure-token", token: "ASC"},
			{name: "desc", typ: "pure-token", token: "DESC"},
		}},
		{name: "count-block", typ: "block", flags: 1, args: []docArg{
			{name: "count", typ: "integer", token: "COUNT"},
			{name: "any", typ: "pure-token", token: "ANY", flags: 1},
		}},
		{name: "storedist", typ: "pure-token", token: "STOREDIST", flags: 1},
	}},
	"get": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"getbit": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "offset", typ: "integer"},
	}},
	"getdel": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"getex": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "expiration", typ: "oneof", flags: 1, args: []docArg{
			{name: "seconds", typ: "integer", token: "EX"},
			{name: "milliseconds", typ: "integer", token: "PX"},
			{name: "unix-time-seconds", typ: "unix-time", token: "EXAT"},
			{name: "unix-time-milliseconds", typ: "unix-time", token: "PXAT"},
			{name: "persist", typ: "pure-token", token: "PERSIST"},
		}},
	}},
	"getrange": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "start", typ: "integer"},
		{name: "end", typ: "integer"},
	}},
	"getset": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`SET` with the `!GET` argument", args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "value", typ: "string"},
	}},
	"hdel": {history: [][2]string{{"2.4.0", "Accepts multiple `field` arguments."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "field", typ: "string", flags: 2},
	}},
	"hello": {history: [][2]string{{"6.2.0", "`protover` made optional; when called without arguments the command reports the current connection's context."}}, args: []docArg{
		{name: "arguments", typ: "block", flags: 1, args: []docArg{
			{name: "protover", typ: "integer"},
			{name: "auth", typ: "block", token: "AUTH", flags: 1, args: []docArg{
				{name: "username", typ: "string"},
				{name: "password", typ: "string"},
			}},
			{name: "clientname", typ: "string", token: "SETNAME", flags: 1},
		}},
	}},
	"hexists": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "field", typ: "string"},
	}},
	"hget": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "field", typ: "string"},
	}},
	"hgetall": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"hincrby": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "field", typ: "string"},
		{name: "increment", typ: "integer"},
	}},
	"hincrbyfloat": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "field", typ: "string"},
		{name: "increment", typ: "double"},
	}},
	"hkeys": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"hlen": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"hmget": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "field", typ: "string", flags: 2},
	}},
	"hmset": {docFlags: []string{"deprecated"}, deprecatedSince: "4.0.0", replacedBy: "`HSET` with multiple field-value pairs", args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "data", typ: "block", flags: 2, args: []docArg{
			{name: "field", typ: "string"},
			{name: "value", typ: "string"},
		}},
	}},
	"hrandfield": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "options", typ: "block", flags: 1, args: []docArg{
			{name: "count", typ: "integer"},
			{name: "withvalues", typ: "pure-token", token: "WITHVALUES", flags: 1},
		}},
	}},
	"hscan": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "cursor", typ: "integer"},
		{name: "pattern", typ: "pattern", token: "MATCH", flags: 1},
		{name: "count", typ: "integer", token: "COUNT", flags: 1},
	}},
	"hset": {history: [][2]string{{"4.0.0", "Accepts multiple `field` and `value` arguments."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "data", typ: "block", flags: 2, args: []docArg{
			{name: "field", typ: "string"},
			{name: "value", typ: "string"},
		}},
	}},
	"hsetnx": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "field", typ: "string"},
		{name: "value", typ: "string"},
	}},
	"hstrlen": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "field", typ: "string"},
	}},
	"hvals": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"incr": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"incrby": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "increment", typ: "integer"},
	}},
	"incrbyfloat": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "increment", typ: "double"},
	}},
	"info": {history: [][2]string{{"7.0.0", "Added support for taking multiple section arguments."}}, args: []docArg{
		{name: "section", typ: "string", flags: 3},
	}},
	"keys": {args: []docArg{
		{name: "pattern", typ: "pattern"},
	}},
	"latency|graph": {args: []docArg{
		{name: "event", typ: "string"},
	}},
	"latency|histogram": {args: []docArg{
		{name: "COMMAND", typ: "string", flags: 3},
	}},
	"latency|history": {args: []docArg{
		{name: "event", typ: "string"},
	}},
	"latency|reset": {args: []docArg{
		{name: "event", typ: "string", flags: 3},
	}},
	"lcs": {args: []docArg{
		{name: "key1", typ: "key", ks: 1},
		{name: "key2", typ: "key", ks: 1},
		{name: "len", typ: "pure-token", token: "LEN", flags: 1},
		{name: "idx", typ: "pure-token", token: "IDX", flags: 1},
		{name: "min-match-len", typ: "integer", token: "MINMATCHLEN", flags: 1},
		{name: "withmatchlen", typ: "pure-token", token: "WITHMATCHLEN", flags: 1},
	}},
	"lindex": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "index", typ: "integer"},
	}},
	"linsert": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "where", typ: "oneof", args: []docArg{
			{name: "before", typ: "pure-token", token: "BEFORE"},
			{name: "after", typ: "pure-token", token: "AFTER"},
		}},
		{name: "pivot", typ: "string"},
		{name: "element", typ: "string"},
	}},
	"llen": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"lmove": {args: []docArg{
		{name: "source", typ: "key", ks: 1},
		{name: "destination", typ: "key", ks: 2},
		{name: "wherefrom", typ: "oneof", args: []docArg{
			{name: "left", typ: "pure-token", token: "LEFT"},
			{name: "right", typ: "pure-token", token: "RIGHT"},
		}},
		{name: "whereto", typ: "oneof", args: []docArg{
			{name: "left", typ: "pure-token", token: "LEFT"},
			{name: "right", typ: "pure-token", token: "RIGHT"},
		}},
	}},
	"lmpop": {args: []docArg{
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 2},
		{name: "where", typ: "oneof", args: []docArg{
			{name: "left", typ: "pure-token", token: "LEFT"},
			{name: "right", typ: "pure-token", token: "RIGHT"},
		}},
		{name: "count", typ: "integer", token: "COUNT", flags: 1},
	}},
	"lolwut": {args: []docArg{
		{name: "version", typ: "integer", token: "VERSION", flags: 1},
	}},
	"lpop": {history: [][2]string{{"6.2.0", "Added the `count` argument."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "count", typ: "integer", since: "6.2.0", flags: 1},
	}},
	"lpos": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "element", typ: "string"},
		{name: "rank", typ: "integer", token: "RANK", flags: 1},
		{name: "num-matches", typ: "integer", token: "COUNT", flags: 1},
		{name: "len", typ: "integer", token: "MAXLEN", flags: 1},
	}},
	"lpush": {history: [][2]string{{"2.4.0", "Accepts multiple `element` arguments."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "element", typ: "string", flags: 2},
	}},
	"lpushx": {history: [][2]string{{"4.0.0", "Accepts multiple `element` arguments."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "element", typ: "string", flags: 2},
	}},
	"lrange": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "start", typ: "integer"},
		{name: "stop", typ: "integer"},
	}},
	"lrem": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "count", typ: "integer"},
		{name: "element", typ: "string"},
	}},
	"lset": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "index", typ: "integer"},
		{name: "element", typ: "string"},
	}},
	"ltrim": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "start", typ: "integer"},
		{name: "stop", typ: "integer"},
	}},
	"memory|usage": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "count", typ: "integer", token: "SAMPLES", flags: 1},
	}},
	"mget": {args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
	}},
	"migrate": {history: [][2]string{{"3.0.0", "Added the `COPY` and `REPLACE` options."}, {"3.0.6", "Added the `KEYS` option."}, {"4.0.7", "Added the `AUTH` option."}, {"6.0.0", "Added the `AUTH2` option."}}, args: []docArg{
		{name: "host", typ: "string"},
		{name: "port", typ: "integer"},
		{name: "key-selector", typ: "oneof", args: []docArg{
			{name: "key", typ: "key", ks: 1},
			{name: "empty-string", typ: "pure-token", token: "\"\""},
		}},
		{name: "destination-db", typ: "integer"},
		{name: "timeout", typ: "integer"},
		{name: "copy", typ: "pure-token", token: "COPY", since: "3.0.0", flags: 1},
		{name: "replace", typ: "pure-token", token: "REPLACE", since: "3.0.0", flags: 1},
		{name: "authentication", typ: "oneof", flags: 1, args: []docArg{
			{name: "auth", typ: "string", display: "password", token: "AUTH", since: "4.0.7"},
			{name: "auth2", typ: "block", token: "AUTH2", since: "6.0.0", args: []docArg{
				{name: "username", typ: "string"},
				{name: "password", typ: "string"},
			}},
		}},
		{name: "keys", typ: "key", ks: 2, display: "key", token: "KEYS", since: "3.0.6", flags: 3},
	}},
	"module|load": {args: []docArg{
		{name: "path", typ: "string"},
		{name: "arg", typ: "string", flags: 3},
	}},
	"module|loadex": {args: []docArg{
		{name: "path", typ: "string"},
		{name: "configs", typ: "block", token: "CONFIG", flags: 7, args: []docArg{
			{name: "name", typ: "string"},
			{name: "value", typ: "string"},
		}},
		{name: "args", typ: "string", token: "ARGS", flags: 3},
	}},
	"module|unload": {args: []docArg{
		{name: "name", typ: "string"},
	}},
	"move": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "db", typ: "integer"},
	}},
	"mset": {args: []docArg{
		{name: "data", typ: "block", flags: 2, args: []docArg{
			{name: "key", typ: "key", ks: 1},
			{name: "value", typ: "string"},
		}},
	}},
	"msetnx": {args: []docArg{
		{name: "data", typ: "block", flags: 2, args: []docArg{
			{name: "key", typ: "key", ks: 1},
			{name: "value", typ: "string"},
		}},
	}},
	"object|encoding": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"object|freq": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"object|idletime": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"object|refcount": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"persist": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"pexpire": {history: [][2]string{{"7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "milliseconds", typ: "integer"},
		{name: "condition", typ: "oneof", since: "7.0.0", flags: 1, args: []docArg{
			{name: "nx", typ: "pure-token", token: "NX"},
			{name: "xx", typ: "pure-token", token: "XX"},
			{name: "gt", typ: "pure-token", token: "GT"},
			{name: "lt", typ: "pure-token", token: "LT"},
		}},
	}},
	"pexpireat": {history: [][2]string{{"7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "unix-time-milliseconds", typ: "unix-time"},
		{name: "condition", typ: "oneof", since: "7.0.0", flags: 1, args: []docArg{
			{name: "nx", typ: "pure-token", token: "NX"},
			{name: "xx", typ: "pure-token", token: "XX"},
			{name: "gt", typ: "pure-token", token: "GT"},
			{name: "lt", typ: "pure-token", token: "LT"},
		}},
	}},
	"pexpiretime": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"pfadd": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "element", typ: "string", flags: 3},
	}},
	"pfcount": {args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
	}},
	"pfdebug": {docFlags: []string{"syscmd"}, args: []docArg{
		{name: "subcommand", typ: "string"},
		{name: "key", typ: "key", ks: 1},
	}},
	"pfmerge": {args: []docArg{
		{name: "destkey", typ: "key", ks: 1},
		{name: "sourcekey", typ: "key", ks: 2, flags: 3},
	}},
	"pfselftest": {docFlags: []string{"syscmd"}},
	"ping": {args: []docArg{
		{name: "message", typ: "string", flags: 1},
	}},
	"psetex": {docFlags: []string{"deprecated"}, deprecatedSince: "2.6.12", replacedBy: "`SET` with the `PX` argument", args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "milliseconds", typ: "integer"},
		{name: "value", typ: "string"},
	}},
	"psubscribe": {args: []docArg{
		{name: "pattern", typ: "pattern", flags: 2},
	}},
	"psync": {args: []docArg{
		{name: "replicationid", typ: "string"},
		{name: "offset", typ: "integer"},
	}},
	"pttl": {history: [][2]string{{"2.8.0", "Added the -2 reply."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"publish": {args: []docArg{
		{name: "channel", typ: "string"},
		{name: "message", typ: "string"},
	}},
	"pubsub|channels": {args: []docArg{
		{name: "pattern", typ: "pattern", flags: 1},
	}},
	"pubsub|numsub": {args: []docArg{
		{name: "channel", typ: "string", flags: 3},
	}},
	"pubsub|shardchannels": {args: []docArg{
		{name: "pattern", typ: "pattern", flags: 1},
	}},
	"pubsub|shardnumsub": {args: []docArg{
		{name: "shardchannel", typ: "string", flags: 3},
	}},
	"punsubscribe": {args: []docArg{
		{name: "pattern", typ: "pattern", flags: 3},
	}},
	"quit": {docFlags: []string{"deprecated"}, deprecatedSince: "7.2.0", replacedBy: "just closing the connection"},
	"rename": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "newkey", typ: "key", ks: 2},
	}},
	"renamenx": {history: [][2]string{{"3.2.0", "The command no longer returns an error when source and destination names are the same."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "newkey", typ: "key", ks: 2},
	}},
	"replconf": {docFlags: []string{"syscmd"}},
	"replicaof": {args: []docArg{
		{name: "args", typ: "oneof", args: []docArg{
			{name: "host-port", typ: "block", args: []docArg{
				{name: "host", typ: "string"},
				{name: "port", typ: "integer"},
			}},
			{name: "no-one", typ: "block", args: []docArg{
				{name: "no", typ: "pure-token", token: "NO"},
				{name: "one", typ: "pure-token", token: "ONE"},
			}},
		}},
	}},
	"restore-asking": {docFlags: []string{"syscmd"}, history: [][2]string{{"3.0.0", "Added the `REPLACE` modifier."}, {"5.0.0", "Added the `ABSTTL` modifier."}, {"5.0.0", "Added the `IDLETIME` and `FREQ` options."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "ttl", typ: "integer"},
		{name: "serialized-value", typ: "string"},
		{name: "replace", typ: "pure-token", token: "REPLACE", since: "3.0.0", flags: 1},
		{name: "absttl", typ: "pure-token", token: "ABSTTL", since: "5.0.0", flags: 1},
		{name: "seconds", typ: "integer", token: "IDLETIME", since: "5.0.0", flags: 1},
		{name: "frequency", typ: "integer", token: "FREQ", since: "5.0.0", flags: 1},
	}},
	"restore": {history: [][2]string{{"3.0.0", "Added the `REPLACE` modifier."}, {"5.0.0", "Added the `ABSTTL` modifier."}, {"5.0.0", "Added the `IDLETIME` and `FREQ` options."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "ttl", typ: "integer"},
		{name: "serialized-value", typ: "string"},
		{name: "replace", typ: "pure-token", token: "REPLACE", since: "3.0.0", flags: 1},
		{name: "absttl", typ: "pure-token", token: "ABSTTL", since: "5.0.0", flags: 1},
		{name: "seconds", typ: "integer", token: "IDLETIME", since: "5.0.0", flags: 1},
		{name: "frequency", typ: "integer", token: "FREQ", since: "5.0.0", flags: 1},
	}},
	"rpop": {history: [][2]string{{"6.2.0", "Added the `count` argument."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "count", typ: "integer", since: "6.2.0", flags: 1},
	}},
	"rpoplpush": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`LMOVE` with the `RIGHT` and `LEFT` arguments", args: []docArg{
		{name: "source", typ: "key", ks: 1},
		{name: "destination", typ: "key", ks: 2},
	}},
	"rpush": {history: [][2]string{{"2.4.0", "Accepts multiple `element` arguments."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "element", typ: "string", flags: 2},
	}},
	"rpushx": {history: [][2]string{{"4.0.0", "Accepts multiple `element` arguments."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "element", typ: "string", flags: 2},
	}},
	"sadd": {history: [][2]string{{"2.4.0", "Accepts multiple `member` arguments."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member", typ: "string", flags: 2},
	}},
	"scan": {history: [][2]string{{"6.0.0", "Added the `TYPE` subcommand."}}, args: []docArg{
		{name: "cursor", typ: "integer"},
		{name: "pattern", typ: "pattern", token: "MATCH", flags: 1},
		{name: "count", typ: "integer", token: "COUNT", flags: 1},
		{name: "type", typ: "string", token: "TYPE", since: "6.0.0", flags: 1},
	}},
	"scard": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"script|debug": {args: []docArg{
		{name: "mode", typ: "oneof", args: []docArg{
			{name: "yes", typ: "pure-token", token: "YES"},
			{name: "sync", typ: "pure-token", token: "SYNC"},
			{name: "no", typ: "pure-token", token: "NO"},
		}},
	}},
	"script|exists": {args: []docArg{
		{name: "sha1", typ: "string", flags: 2},
	}},
	"script|flush": {history: [][2]string{{"6.2.0", "Added the `ASYNC` and `SYNC` flushing mode modifiers."}}, args: []docArg{
		{name: "flush-type", typ: "oneof", since: "6.2.0", flags: 1, args: []docArg{
			{name: "async", typ: "pure-token", token: "ASYNC"},
			{name: "sync", typ: "pure-token", token: "SYNC"},
		}},
	}},
	"script|load": {args: []docArg{
		{name: "script", typ: "string"},
	}},
	"sdiff": {args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
	}},
	"sdiffstore": {args: []docArg{
		{name: "destination", typ: "key", ks: 1},
		{name: "key", typ: "key", ks: 2, flags: 2},
	}},
	"select": {args: []docArg{
		{name: "index", typ: "integer"},
	}},
	"sentinel|ckquorum": {args: []docArg{
		{name: "master-name", typ: "string"},
	}},
	"sentinel|config": {history: [][2]string{{"7.2.0", "Added the ability to set and get multiple parameters in one call."}}, args: []docArg{
		{name: "action", typ: "oneof", args: []docArg{
			{name: "set", typ: "block", token: "SET", flags: 2, args: []docArg{
				{name: "parameter", typ: "string"},
				{name: "value", typ: "string"},
			}},
			{name: "parameter", typ: "string", token: "GET", flags: 2},
		}},
	}},
	"sentinel|debug": {args: []docArg{
		{name: "data", typ: "block", flags: 3, args: []docArg{
			{name: "parameter", typ: "string"},
			{name: "value", typ: "string"},
		}},
	}},
	"sentinel|failover": {args: []docArg{
		{name: "master-name", typ: "string"},
	}},
	"sentinel|get-master-addr-by-name": {args: []docArg{
		{name: "master-name", typ: "string"},
	}},
	"sentinel|info-cache": {args: []docArg{
		{name: "nodename", typ: "string", flags: 2},
	}},
	"sentinel|is-master-down-by-addr": {args: []docArg{
		{name: "ip", typ: "string"},
		{name: "port", typ: "integer"},
		{name: "current-epoch", typ: "integer"},
		{name: "runid", typ: "string"},
	}},
	"sentinel|master": {args: []docArg{
		{name: "master-name", typ: "string"},
	}},
	"sentinel|monitor": {args: []docArg{
		{name: "name", typ: "string"},
		{name: "ip", typ: "string"},
		{name: "port", typ: "integer"},
		{name: "quorum", typ: "integer"},
	}},
	"sentinel|remove": {args: []docArg{
		{name: "master-name", typ: "string"},
	}},
	"sentinel|replicas": {args: []docArg{
		{name: "master-name", typ: "string"},
	}},
	"sentinel|reset": {args: []docArg{
		{name: "pattern", typ: "pattern"},
	}},
	"sentinel|sentinels": {args: []docArg{
		{name: "master-name", typ: "string"},
	}},
	"sentinel|set": {args: []docArg{
		{name: "master-name", typ: "string"},
		{name: "data", typ: "block", flags: 2, args: []docArg{
			{name: "option", typ: "string"},
			{name: "value", typ: "string"},
		}},
	}},
	"sentinel|simulate-failure": {args: []docArg{
		{name: "mode", typ: "oneof", flags: 3, args: []docArg{
			{name: "crash-after-election", typ: "pure-token"},
			{name: "crash-after-promotion", typ: "pure-token"},
			{name: "help", typ: "pure-token"},
		}},
	}},
	"sentinel|slaves": {docFlags: []string{"deprecated"}, deprecatedSince: "5.0.0", replacedBy: "`SENTINEL REPLICAS`", args: []docArg{
		{name: "master-name", typ: "string"},
	}},
	"set": {history: [][2]string{{"2.6.12", "Added the `EX`, `PX`, `NX` and `XX` options."}, {"6.0.0", "Added the `KEEPTTL` option."}, {"6.2.0", "Added the `GET`, `EXAT` and `PXAT` option."}, {"7.0.0", "Allowed the `NX` and `GET` options to be used together."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "value", typ: "string"},
		{name: "condition", typ: "oneof", since: "2.6.12", flags: 1, args: []docArg{
			{name: "nx", typ: "pure-token", token: "NX"},
			{name: "xx", typ: "pure-token", token: "XX"},
		}},
		{name: "get", typ: "pure-token", token: "GET", since: "6.2.0", flags: 1},
		{name: "expiration", typ: "oneof", flags: 1, args: []docArg{
			{name: "seconds", typ: "integer", token: "EX", since: "2.6.12"},
			{name: "milliseconds", typ: "integer", token: "PX", since: "2.6.12"},
			{name: "unix-time-seconds", typ: "unix-time", token: "EXAT", since: "6.2.0"},
			{name: "unix-time-milliseconds", typ: "unix-time", token: "PXAT", since: "6.2.0"},
			{name: "keepttl", typ: "pure-token", token: "KEEPTTL", since: "6.0.0"},
		}},
	}},
	"setbit": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "offset", typ: "integer"},
		{name: "value", typ: "integer"},
	}},
	"setex": {docFlags: []string{"deprecated"}, deprecatedSince: "2.6.12", replacedBy: "`SET` with the `EX` argument", args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "seconds", typ: "integer"},
		{name: "value", typ: "string"},
	}},
	"setnx": {docFlags: []string{"deprecated"}, deprecatedSince: "2.6.12", replacedBy: "`SET` with the `NX` argument", args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "value", typ: "string"},
	}},
	"setrange": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "offset", typ: "integer"},
		{name: "value", typ: "string"},
	}},
	"shutdown": {history: [][2]string{{"7.0.0", "Added the `NOW`, `FORCE` and `ABORT` modifiers."}}, args: []docArg{
		{name: "save-selector", typ: "oneof", flags: 1, args: []docArg{
			{name: "nosave", typ: "pure-token", token: "NOSAVE"},
			{name: "save", typ: "pure-token", token: "SAVE"},
		}},
		{name: "now", typ: "pure-token", token: "NOW", since: "7.0.0", flags: 1},
		{name: "force", typ: "pure-token", token: "FORCE", since: "7.0.0", flags: 1},
		{name: "abort", typ: "pure-token", token: "ABORT", since: "7.0.0", flags: 1},
	}},
	"sinter": {args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
	}},
	"sintercard": {args: []docArg{
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 2},
		{name: "limit", typ: "integer", token: "LIMIT", flags: 1},
	}},
	"sinterstore": {args: []docArg{
		{name: "destination", typ: "key", ks: 1},
		{name: "key", typ: "key", ks: 2, flags: 2},
	}},
	"sismember": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member", typ: "string"},
	}},
	"slaveof": {docFlags: []string{"deprecated"}, deprecatedSince: "5.0.0", replacedBy: "`REPLICAOF`", args: []docArg{
		{name: "args", typ: "oneof", args: []docArg{
			{name: "host-port", typ: "block", args: []docArg{
				{name: "host", typ: "string"},
				{name: "port", typ: "integer"},
			}},
			{name: "no-one", typ: "block", args: []docArg{
				{name: "no", typ: "pure-token", token: "NO"},
				{name: "one", typ: "pure-token", token: "ONE"},
			}},
		}},
	}},
	"slowlog|get": {history: [][2]string{{"4.0.0", "Added client IP address, port and name to the reply."}}, args: []docArg{
		{name: "count", typ: "integer", flags: 1},
	}},
	"smembers": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"smismember": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member", typ: "string", flags: 2},
	}},
	"smove": {args: []docArg{
		{name: "source", typ: "key", ks: 1},
		{name: "destination", typ: "key", ks: 2},
		{name: "member", typ: "string"},
	}},
	"sort": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "by-pattern", typ: "pattern", ks: 2, display: "pattern", token: "BY", flags: 1},
		{name: "limit", typ: "block", token: "LIMIT", flags: 1, args: []docArg{
			{name: "offset", typ: "integer"},
			{name: "count", typ: "integer"},
		}},
		{name: "get-pattern", typ: "pattern", ks: 2, display: "pattern", token: "GET", flags: 7},
		{name: "order", typ: "oneof", flags: 1, args: []docArg{
			{name: "asc", typ: "pure-token", token: "ASC"},
			{name: "desc", typ: "pure-token", token: "DESC"},
		}},
		{name: "sorting", typ: "pure-token", token: "ALPHA", flags: 1},
		{name: "destination", typ: "key", ks: 3, token: "STORE", flags: 1},
	}},
	"sort_ro": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "by-pattern", typ: "pattern", ks: 2, display: "pattern", token: "BY", flags: 1},
		{name: "limit", typ: "block", token: "LIMIT", flags: 1, args: []docArg{
			{name: "offset", typ: "integer"},
			{name: "count", typ: "integer"},
		}},
		{name: "get-pattern", typ: "pattern", ks: 2, display: "pattern", token: "GET", flags: 7},
		{name: "order", typ: "oneof", flags: 1, args: []docArg{
			{name: "asc", typ: "pure-token", token: "ASC"},
			{name: "desc", typ: "pure-token", token: "DESC"},
		}},
		{name: "sorting", typ: "pure-token", token: "ALPHA", flags: 1},
	}},
	"spop": {history: [][2]string{{"3.2.0", "Added the `count` argument."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "count", typ: "integer", since: "3.2.0", flags: 1},
	}},
	"spublish": {args: []docArg{
		{name: "shardchannel", typ: "string"},
		{name: "message", typ: "string"},
	}},
	"srandmember": {history: [][2]string{{"2.6.0", "Added the optional `count` argument."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "count", typ: "integer", since: "2.6.0", flags: 1},
	}},
	"srem": {history: [][2]string{{"2.4.0", "Accepts multiple `member` arguments."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member", typ: "string", flags: 2},
	}},
	"sscan": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "cursor", typ: "integer"},
		{name: "pattern", typ: "pattern", token: "MATCH", flags: 1},
		{name: "count", typ: "integer", token: "COUNT", flags: 1},
	}},
	"ssubscribe": {args: []docArg{
		{name: "shardchannel", typ: "string", flags: 2},
	}},
	"strlen": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"subscribe": {args: []docArg{
		{name: "channel", typ: "string", flags: 2},
	}},
	"substr": {docFlags: []string{"deprecated"}, deprecatedSince: "2.0.0", replacedBy: "`GETRANGE`", args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "start", typ: "integer"},
		{name: "end", typ: "integer"},
	}},
	"sunion": {args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
	}},
	"sunionstore": {args: []docArg{
		{name: "destination", typ: "key", ks: 1},
		{name: "key", typ: "key", ks: 2, flags: 2},
	}},
	"sunsubscribe": {args: []docArg{
		{name: "shardchannel", typ: "string", flags: 3},
	}},
	"swapdb": {args: []docArg{
		{name: "index1", typ: "integer"},
		{name: "index2", typ: "integer"},
	}},
	"touch": {args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
	}},
	"ttl": {history: [][2]string{{"2.8.0", "Added the -2 reply."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"type": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"unlink": {args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
	}},
	"unsubscribe": {args: []docArg{
		{name: "channel", typ: "string", flags: 3},
	}},
	"wait": {args: []docArg{
		{name: "numreplicas", typ: "integer"},
		{name: "timeout", typ: "integer"},
	}},
	"waitaof": {args: []docArg{
		{name: "numlocal", typ: "integer"},
		{name: "numreplicas", typ: "integer"},
		{name: "timeout", typ: "integer"},
	}},
	"watch": {args: []docArg{
		{name: "key", typ: "key", ks: 1, flags: 2},
	}},
	"xack": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "group", typ: "string"},
		{name: "ID", typ: "string", flags: 2},
	}},
	"xadd": {history: [][2]string{{"6.2.0", "Added the `NOMKSTREAM` option, `MINID` trimming strategy and the `LIMIT` option."}, {"7.0.0", "Added support for the `<ms>-*` explicit ID form."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "nomkstream", typ: "pure-token", token: "NOMKSTREAM", since: "6.2.0", flags: 1},
		{name: "trim", typ: "block", flags: 1, args: []docArg{
			{name: "strategy", typ: "oneof", args: []docArg{
				{name: "maxlen", typ: "pure-token", token: "MAXLEN"},
				{name: "minid", typ: "pure-token", token: "MINID", since: "6.2.0"},
			}},
			{name: "operator", typ: "oneof", flags: 1, args: []docArg{
				{name: "equal", typ: "pure-token", token: "="},
				{name: "approximately", typ: "pure-token", token: "~"},
			}},
			{name: "threshold", typ: "string"},
			{name: "count", typ: "integer", token: "LIMIT", since: "6.2.0", flags: 1},
		}},
		{name: "id-selector", typ: "oneof", args: []docArg{
			{name: "auto-id", typ: "pure-token", token: "*"},
			{name: "id", typ: "string"},
		}},
		{name: "data", typ: "block", flags: 2, args: []docArg{
			{name: "field", typ: "string"},
			{name: "value", typ: "string"},
		}},
	}},
	"xautoclaim": {history: [][2]string{{"7.0.0", "Added an element to the reply array, containing deleted entries the command cleared from the PEL"}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "group", typ: "string"},
		{name: "consumer", typ: "string"},
		{name: "min-idle-time", typ: "string"},
		{name: "start", typ: "string"},
		{name: "count", typ: "integer", token: "COUNT", flags: 1},
		{name: "justid", typ: "pure-token", token: "JUSTID", flags: 1},
	}},
	"xclaim": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "group", typ: "string"},
		{name: "consumer", typ: "string"},
		{name: "min-idle-time", typ: "string"},
		{name: "ID", typ: "string", flags: 2},
		{name: "ms", typ: "integer", token: "IDLE", flags: 1},
		{name: "unix-time-milliseconds", typ: "unix-time", token: "TIME", flags: 1},
		{name: "count", typ: "integer", token: "RETRYCOUNT", flags: 1},
		{name: "force", typ: "pure-token", token: "FORCE", flags: 1},
		{name: "justid", typ: "pure-token", token: "JUSTID", flags: 1},
		{name: "lastid", typ: "string", token: "LASTID", flags: 1},
	}},
	"xdel": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "ID", typ: "string", flags: 2},
	}},
	"xgroup|create": {history: [][2]string{{"7.0.0", "Added the `entries_read` named argument."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "group", typ: "string"},
		{name: "id-selector", typ: "oneof", args: []docArg{
			{name: "id", typ: "string"},
			{name: "new-id", typ: "pure-token", token: "$"},
		}},
		{name: "mkstream", typ: "pure-token", token: "MKSTREAM", flags: 1},
		{name: "entries-read", typ: "integer", token: "ENTRIESREAD", flags: 1},
	}},
	"xgroup|createconsumer": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "group", typ: "string"},
		{name: "consumer", typ: "string"},
	}},
	"xgroup|delconsumer": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "group", typ: "string"},
		{name: "consumer", typ: "string"},
	}},
	"xgroup|destroy": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "group", typ: "string"},
	}},
	"xgroup|setid": {history: [][2]string{{"7.0.0", "Added the optional `entries_read` argument."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "group", typ: "string"},
		{name: "id-selector", typ: "oneof", args: []docArg{
			{name: "id", typ: "string"},
			{name: "new-id", typ: "pure-token", token: "$"},
		}},
		{name: "entriesread", typ: "integer", display: "entries-read", token: "ENTRIESREAD", flags: 1},
	}},
	"xinfo|consumers": {history: [][2]string{{"7.2.0", "Added the `inactive` field."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "group", typ: "string"},
	}},
	"xinfo|groups": {history: [][2]string{{"7.0.0", "Added the `entries-read` and `lag` fields"}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"xinfo|stream": {history: [][2]string{{"6.0.0", "Added the `FULL` modifier."}, {"7.0.0", "Added the `max-deleted-entry-id`, `entries-added`, `recorded-first-entry-id`, `entries-read` and `lag` fields"}, {"7.2.0", "Added the `active-time` field, and changed the meaning of `seen-time`."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "full-block", typ: "block", flags: 1, args: []docArg{
			{name: "full", typ: "pure-token", token: "FULL"},
			{name: "count", typ: "integer", token: "COUNT", flags: 1},
		}},
	}},
	"xlen": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"xpending": {history: [][2]string{{"6.2.0", "Added the `IDLE` option and exclusive range intervals."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "group", typ: "string"},
		{name: "filters", typ: "block", flags: 1, args: []docArg{
			{name: "min-idle-time", typ: "integer", token: "IDLE", since: "6.2.0", flags: 1},
			{name: "start", typ: "string"},
			{name: "end", typ: "string"},
			{name: "count", typ: "integer"},
			{name: "consumer", typ: "string", flags: 1},
		}},
	}},
	"xrange": {history: [][2]string{{"6.2.0", "Added exclusive ranges."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "start", typ: "string"},
		{name: "end", typ: "string"},
		{name: "count", typ: "integer", token: "COUNT", flags: 1},
	}},
	"xread": {args: []docArg{
		{name: "count", typ: "integer", token: "COUNT", flags: 1},
		{name: "milliseconds", typ: "integer", token: "BLOCK", flags: 1},
		{name: "streams", typ: "block", token: "STREAMS", args: []docArg{
			{name: "key", typ: "key", ks: 1, flags: 2},
			{name: "ID", typ: "string", flags: 2},
		}},
	}},
	"xreadgroup": {args: []docArg{
		{name: "group-block", typ: "block", token: "GROUP", args: []docArg{
			{name: "group", typ: "string"},
			{name: "consumer", typ: "string"},
		}},
		{name: "count", typ: "integer", token: "COUNT", flags: 1},
		{name: "milliseconds", typ: "integer", token: "BLOCK", flags: 1},
		{name: "noack", typ: "pure-token", token: "NOACK", flags: 1},
		{name: "streams", typ: "block", token: "STREAMS", args: []docArg{
			{name: "key", typ: "key", ks: 1, flags: 2},
			{name: "ID", typ: "string", flags: 2},
		}},
	}},
	"xrevrange": {history: [][2]string{{"6.2.0", "Added exclusive ranges."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "end", typ: "string"},
		{name: "start", typ: "string"},
		{name: "count", typ: "integer", token: "COUNT", flags: 1},
	}},
	"xsetid": {history: [][2]string{{"7.0.0", "Added the `entries_added` and `max_deleted_entry_id` arguments."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "last-id", typ: "string"},
		{name: "entries-added", typ: "integer", token: "ENTRIESADDED", since: "7.0.0", flags: 1},
		{name: "max-deleted-id", typ: "string", token: "MAXDELETEDID", since: "7.0.0", flags: 1},
	}},
	"xtrim": {history: [][2]string{{"6.2.0", "Added the `MINID` trimming strategy and the `LIMIT` option."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "trim", typ: "block", args: []docArg{
			{name: "strategy", typ: "oneof", args: []docArg{
				{name: "maxlen", typ: "pure-token", token: "MAXLEN"},
				{name: "minid", typ: "pure-token", token: "MINID", since: "6.2.0"},
			}},
			{name: "operator", typ: "oneof", flags: 1, args: []docArg{
				{name: "equal", typ: "pure-token", token: "="},
				{name: "approximately", typ: "pure-token", token: "~"},
			}},
			{name: "threshold", typ: "string"},
			{name: "count", typ: "integer", token: "LIMIT", since: "6.2.0", flags: 1},
		}},
	}},
	"zadd": {history: [][2]string{{"2.4.0", "Accepts multiple elements."}, {"3.0.2", "Added the `XX`, `NX`, `CH` and `INCR` options."}, {"6.2.0", "Added the `GT` and `LT` options."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "condition", typ: "oneof", since: "3.0.2", flags: 1, args: []docArg{
			{name: "nx", typ: "pure-token", token: "NX"},
			{name: "xx", typ: "pure-token", token: "XX"},
		}},
		{name: "comparison", typ: "oneof", since: "6.2.0", flags: 1, args: []docArg{
			{name: "gt", typ: "pure-token", token: "GT"},
			{name: "lt", typ: "pure-token", token: "LT"},
		}},
		{name: "change", typ: "pure-token", token: "CH", since: "3.0.2", flags: 1},
		{name: "increment", typ: "pure-token", token: "INCR", since: "3.0.2", flags: 1},
		{name: "data", typ: "block", flags: 2, args: []docArg{
			{name: "score", typ: "double"},
			{name: "member", typ: "string"},
		}},
	}},
	"zcard": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
	}},
	"zcount": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "min", typ: "double"},
		{name: "max", typ: "double"},
	}},
	"zdiff": {args: []docArg{
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 2},
		{name: "withscores", typ: "pure-token", token: "WITHSCORES", flags: 1},
	}},
	"zdiffstore": {args: []docArg{
		{name: "destination", typ: "key", ks: 1},
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 2, flags: 2},
	}},
	"zincrby": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "increment", typ: "integer"},
		{name: "member", typ: "string"},
	}},
	"zinter": {args: []docArg{
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 2},
		{name: "weight", typ: "integer", token: "WEIGHTS", flags: 3},
		{name: "aggregate", typ: "oneof", token: "AGGREGATE", flags: 1, args: []docArg{
			{name: "sum", typ: "pure-token", token: "SUM"},
			{name: "min", typ: "pure-token", token: "MIN"},
			{name: "max", typ: "pure-token", token: "MAX"},
		}},
		{name: "withscores", typ: "pure-token", token: "WITHSCORES", flags: 1},
	}},
	"zintercard": {args: []docArg{
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 2},
		{name: "limit", typ: "integer", token: "LIMIT", flags: 1},
	}},
	"zinterstore": {args: []docArg{
		{name: "destination", typ: "key", ks: 1},
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 2, flags: 2},
		{name: "weight", typ: "integer", token: "WEIGHTS", flags: 3},
		{name: "aggregate", typ: "oneof", token: "AGGREGATE", flags: 1, args: []docArg{
			{name: "sum", typ: "pure-token", token: "SUM"},
			{name: "min", typ: "pure-token", token: "MIN"},
			{name: "max", typ: "pure-token", token: "MAX"},
		}},
	}},
	"zlexcount": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "min", typ: "string"},
		{name: "max", typ: "string"},
	}},
	"zmpop": {args: []docArg{
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 2},
		{name: "where", typ: "oneof", args: []docArg{
			{name: "min", typ: "pure-token", token: "MIN"},
			{name: "max", typ: "pure-token", token: "MAX"},
		}},
		{name: "count", typ: "integer", token: "COUNT", flags: 1},
	}},
	"zmscore": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member", typ: "string", flags: 2},
	}},
	"zpopmax": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "count", typ: "integer", flags: 1},
	}},
	"zpopmin": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "count", typ: "integer", flags: 1},
	}},
	"zrandmember": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "options", typ: "block", flags: 1, args: []docArg{
			{name: "count", typ: "integer"},
			{name: "withscores", typ: "pure-token", token: "WITHSCORES", flags: 1},
		}},
	}},
	"zrange": {history: [][2]string{{"6.2.0", "Added the `REV`, `BYSCORE`, `BYLEX` and `LIMIT` options."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "start", typ: "string"},
		{name: "stop", typ: "string"},
		{name: "sortby", typ: "oneof", since: "6.2.0", flags: 1, args: []docArg{
			{name: "byscore", typ: "pure-token", token: "BYSCORE"},
			{name: "bylex", typ: "pure-token", token: "BYLEX"},
		}},
		{name: "rev", typ: "pure-token", token: "REV", since: "6.2.0", flags: 1},
		{name: "limit", typ: "block", token: "LIMIT", since: "6.2.0", flags: 1, args: []docArg{
			{name: "offset", typ: "integer"},
			{name: "count", typ: "integer"},
		}},
		{name: "withscores", typ: "pure-token", token: "WITHSCORES", flags: 1},
	}},
	"zrangebylex": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`ZRANGE` with the `BYLEX` argument", args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "min", typ: "string"},
		{name: "max", typ: "string"},
		{name: "limit", typ: "block", token: "LIMIT", flags: 1, args: []docArg{
			{name: "offset", typ: "integer"},
			{name: "count", typ: "integer"},
		}},
	}},
	"zrangebyscore": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`ZRANGE` with the `BYSCORE` argument", history: [][2]string{{"2.0.0", "Added the `WITHSCORES` modifier."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "min", typ: "double"},
		{name: "max", typ: "double"},
		{name: "withscores", typ: "pure-token", token: "WITHSCORES", since: "2.0.0", flags: 1},
		{name: "limit", typ: "block", token: "LIMIT", flags: 1, args: []docArg{
			{name: "offset", typ: "integer"},
			{name: "count", typ: "integer"},
		}},
	}},
	"zrangestore": {args: []docArg{
		{name: "dst", typ: "key", ks: 1},
		{name: "src", typ: "key", ks: 2},
		{name: "min", typ: "string"},
		{name: "max", typ: "string"},
		{name: "sortby", typ: "oneof", flags: 1, args: []docArg{
			{name: "byscore", typ: "pure-token", token: "BYSCORE"},
			{name: "bylex", typ: "pure-token", token: "BYLEX"},
		}},
		{name: "rev", typ: "pure-token", token: "REV", flags: 1},
		{name: "limit", typ: "block", token: "LIMIT", flags: 1, args: []docArg{
			{name: "offset", typ: "integer"},
			{name: "count", typ: "integer"},
		}},
	}},
	"zrank": {history: [][2]string{{"7.2.0", "Added the optional `WITHSCORE` argument."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member", typ: "string"},
		{name: "withscore", typ: "pure-token", token: "WITHSCORE", flags: 1},
	}},
	"zrem": {history: [][2]string{{"2.4.0", "Accepts multiple elements."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member", typ: "string", flags: 2},
	}},
	"zremrangebylex": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "min", typ: "string"},
		{name: "max", typ: "string"},
	}},
	"zremrangebyrank": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "start", typ: "integer"},
		{name: "stop", typ: "integer"},
	}},
	"zremrangebyscore": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "min", typ: "double"},
		{name: "max", typ: "double"},
	}},
	"zrevrange": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`ZRANGE` with the `REV` argument", args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "start", typ: "integer"},
		{name: "stop", typ: "integer"},
		{name: "withscores", typ: "pure-token", token: "WITHSCORES", flags: 1},
	}},
	"zrevrangebylex": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`ZRANGE` with the `REV` and `BYLEX` arguments", args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "max", typ: "string"},
		{name: "min", typ: "string"},
		{name: "limit", typ: "block", token: "LIMIT", flags: 1, args: []docArg{
			{name: "offset", typ: "integer"},
			{name: "count", typ: "integer"},
		}},
	}},
	"zrevrangebyscore": {docFlags: []string{"deprecated"}, deprecatedSince: "6.2.0", replacedBy: "`ZRANGE` with the `REV` and `BYSCORE` arguments", history: [][2]string{{"2.1.6", "`min` and `max` can be exclusive."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "max", typ: "double"},
		{name: "min", typ: "double"},
		{name: "withscores", typ: "pure-token", token: "WITHSCORES", flags: 1},
		{name: "limit", typ: "block", token: "LIMIT", flags: 1, args: []docArg{
			{name: "offset", typ: "integer"},
			{name: "count", typ: "integer"},
		}},
	}},
	"zrevrank": {history: [][2]string{{"7.2.0", "Added the optional `WITHSCORE` argument."}}, args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member", typ: "string"},
		{name: "withscore", typ: "pure-token", token: "WITHSCORE", flags: 1},
	}},
	"zscan": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "cursor", typ: "integer"},
		{name: "pattern", typ: "pattern", token: "MATCH", flags: 1},
		{name: "count", typ: "integer", token: "COUNT", flags: 1},
	}},
	"zscore": {args: []docArg{
		{name: "key", typ: "key", ks: 1},
		{name: "member", typ: "string"},
	}},
	"zunion": {args: []docArg{
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 1, flags: 2},
		{name: "weight", typ: "integer", token: "WEIGHTS", flags: 3},
		{name: "aggregate", typ: "oneof", token: "AGGREGATE", flags: 1, args: []docArg{
			{name: "sum", typ: "pure-token", token: "SUM"},
			{name: "min", typ: "pure-token", token: "MIN"},
			{name: "max", typ: "pure-token", token: "MAX"},
		}},
		{name: "withscores", typ: "pure-token", token: "WITHSCORES", flags: 1},
	}},
	"zunionstore": {args: []docArg{
		{name: "destination", typ: "key", ks: 1},
		{name: "numkeys", typ: "integer"},
		{name: "key", typ: "key", ks: 2, flags: 2},
		{name: "weight", typ: "integer", token: "WEIGHTS", flags: 3},
		{name: "aggregate", typ: "oneof", token: "AGGREGATE", flags: 1, args: []docArg{
			{name: "sum", typ: "pure-token", token: "SUM"},
			{name: "min", typ: "pure-token", token: "MIN"},
			{name: "max", typ: "pure-token", token: "MAX"},
		}},
	}},
}
