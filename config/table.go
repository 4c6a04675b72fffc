package config

import "strings"

// The enum name sets, in Redis 7.2's order. Values are Redis's where the
// server cares about bits (shutdown-on-sig*); elsewhere they only need to be
// distinct, except that aliases of one meaning share a value
// (oom-score-adj "yes" and "relative").
var (
	enumMaxmemoryPolicy = []EnumValue{
		{"volatile-lru", 0}, {"volatile-lfu", 1}, {"volatile-random", 2}, {"volatile-ttl", 3},
		{"allkeys-lru", 4}, {"allkeys-lfu", 5}, {"allkeys-random", 6}, {"noeviction", 7},
	}
	enumSyslogFacility = []EnumValue{
		{"user", 8}, {"local0", 128}, {"local1", 136}, {"local2", 144}, {"local3", 152},
		{"local4", 160}, {"local5", 168}, {"local6", 176}, {"local7", 184},
	}
	enumLoglevel       = []EnumValue{{"debug", 0}, {"verbose", 1}, {"notice", 2}, {"warning", 3}, {"nothing", 4}}
	enumSupervisedMode = []EnumValue{{"upstart", 3}, {"systemd", 2}, {"auto", 1}, {"no", 0}}
	enumAofFsync       = []EnumValue{{"everysec", 2}, {"always", 1}, {"no", 0}}
	// ShutdownSave and friends are the bit values of shutdown-on-sigint and
	// shutdown-on-sigterm.
	enumShutdownOnSig = []EnumValue{
		{"default", 0}, {"save", ShutdownSave}, {"nosave", ShutdownNoSave}, {"now", ShutdownNow}, {"force", ShutdownForce},
	}
	enumReplDisklessLoad             = []EnumValue{{"disabled", 0}, {"on-empty-db", 1}, {"swapdb", 2}}
	enumTlsAuthClients               = []EnumValue{{"no", 0}, {"yes", 1}, {"optional", 2}}
	enumOomScoreAdj                  = []EnumValue{{"no", 0}, {"yes", 1}, {"relative", 1}, {"absolute", 2}}
	enumAclPubsubDefault             = []EnumValue{{"allchannels", 1}, {"resetchannels", 0}}
	enumSanitizeDumpPayload          = []EnumValue{{"no", 0}, {"yes", 1}, {"clients", 2}}
	enumProtectedAction              = []EnumValue{{"no", 0}, {"yes", 1}, {"local", 2}}
	enumClusterPreferredEndpointType = []EnumValue{{"ip", 0}, {"hostname", 1}, {"unknown-endpoint", 2}}
	enumPropagationErrorBehavior     = []EnumValue{{"ignore", 0}, {"panic", 1}, {"panic-on-replicas", 2}}
)

// Bits of shutdown-on-sigint / shutdown-on-sigterm, as in Redis.
const (
	ShutdownSave   = 1
	ShutdownNoSave = 2
	ShutdownNow    = 4
	ShutdownForce  = 8
)

// Values of enable-protected-configs, enable-debug-command and
// enable-module-command.
const (
	ProtectedNo    = 0
	ProtectedYes   = 1
	ProtectedLocal = 2
)

// Directives is the table of every Redis 7.2 server directive (src/config.c
// static_configs), in Redis's order. Defaults are 7.2's. The directives
// handled outside the table (include, rename-command, user, loadmodule,
// sentinel, module "<module>.<name>" lines) are parsed by the loader.
var Directives = []Directive{
	{Name: "rdbchecksum", Kind: KindBool, Default: "yes", Flags: FlagImmutable},
	{Name: "daemonize", Kind: KindBool, Default: "no", Flags: FlagImmutable},
	{Name: "io-threads-do-reads", Kind: KindBool, Default: "no", Flags: FlagDebug | FlagImmutable},
	{Name: "always-show-logo", Kind: KindBool, Default: "no", Flags: FlagImmutable},
	{Name: "protected-mode", Kind: KindBool, Default: "yes"},
	{Name: "rdbcompression", Kind: KindBool, Default: "yes"},
	{Name: "rdb-del-sync-files", Kind: KindBool, Default: "no"},
	{Name: "activerehashing", Kind: KindBool, Default: "yes"},
	{Name: "stop-writes-on-bgsave-error", Kind: KindBool, Default: "yes"},
	{Name: "set-proc-title", Kind: KindBool, Default: "yes", Flags: FlagImmutable},
	{Name: "dynamic-hz", Kind: KindBool, Default: "yes"},
	{Name: "lazyfree-lazy-eviction", Kind: KindBool, Default: "no", Flags: FlagDebug},
	{Name: "lazyfree-lazy-expire", Kind: KindBool, Default: "no", Flags: FlagDebug},
	{Name: "lazyfree-lazy-server-del", Kind: KindBool, Default: "no", Flags: FlagDebug},
	{Name: "lazyfree-lazy-user-del", Kind: KindBool, Default: "no", Flags: FlagDebug},
	{Name: "lazyfree-lazy-user-flush", Kind: KindBool, Default: "no", Flags: FlagDebug},
	{Name: "repl-disable-tcp-nodelay", Kind: KindBool, Default: "no"},
	{Name: "repl-diskless-sync", Kind: KindBool, Default: "yes", Flags: FlagDebug},
	{Name: "aof-rewrite-incremental-fsync", Kind: KindBool, Default: "yes"},
	{Name: "no-appendfsync-on-rewrite", Kind: KindBool, Default: "no"},
	{Name: "cluster-require-full-coverage", Kind: KindBool, Default: "yes"},
	{Name: "rdb-save-incremental-fsync", Kind: KindBool, Default: "yes"},
	{Name: "aof-load-truncated", Kind: KindBool, Default: "yes"},
	{Name: "aof-use-rdb-preamble", Kind: KindBool, Default: "yes"},
	{Name: "aof-timestamp-enabled", Kind: KindBool, Default: "no"},
	{Name: "cluster-replica-no-failover", Alias: "cluster-slave-no-failover", Kind: KindBool, Default: "no"},
	{Name: "replica-lazy-flush", Alias: "slave-lazy-flush", Kind: KindBool, Default: "no"},
	{Name: "replica-serve-stale-data", Alias: "slave-serve-stale-data", Kind: KindBool, Default: "yes"},
	{Name: "replica-read-only", Alias: "slave-read-only", Kind: KindBool, Default: "yes", Flags: FlagDebug},
	{Name: "replica-ignore-maxmemory", Alias: "slave-ignore-maxmemory", Kind: KindBool, Default: "yes"},
	{Name: "jemalloc-bg-thread", Kind: KindBool, Default: "yes"},
	{Name: "activedefrag", Kind: KindBool, Default: "no", Check: checkActiveDefrag, Flags: FlagDebug},
	{Name: "syslog-enabled", Kind: KindBool, Default: "no", Flags: FlagImmutable},
	{Name: "cluster-enabled", Kind: KindBool, Default: "no", Flags: FlagImmutable},
	{Name: "appendonly", Kind: KindBool, Default: "no", Flags: FlagDenyLoading},
	{Name: "cluster-allow-reads-when-down", Kind: KindBool, Default: "no"},
	{Name: "cluster-allow-pubsubshard-when-down", Kind: KindBool, Default: "yes"},
	{Name: "crash-log-enabled", Kind: KindBool, Default: "yes"},
	{Name: "crash-memcheck-enabled", Kind: KindBool, Default: "yes"},
	{Name: "use-exit-on-panic", Kind: KindBool, Default: "no", Flags: FlagHidden},
	{Name: "disable-thp", Kind: KindBool, Default: "yes", Flags: FlagImmutable},
	{Name: "cluster-allow-replica-migration", Kind: KindBool, Default: "yes"},
	{Name: "replica-announced", Kind: KindBool, Default: "yes"},
	{Name: "latency-tracking", Kind: KindBool, Default: "yes"},
	{Name: "aof-disable-auto-gc", Kind: KindBool, Default: "no", Flags: FlagHidden},
	{Name: "replica-ignore-disk-write-errors", Kind: KindBool, Default: "no"},
	{Name: "aclfile", Kind: KindString, Flags: FlagImmutable},
	{Name: "unixsocket", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagImmutable},
	{Name: "pidfile", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagImmutable},
	{Name: "replica-announce-ip", Alias: "slave-announce-ip", Kind: KindString, NullDefault: true, EmptyIsNull: true},
	{Name: "masteruser", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagSensitive},
	{Name: "cluster-announce-ip", Kind: KindString, NullDefault: true, EmptyIsNull: true},
	{Name: "cluster-config-file", Kind: KindString, Default: "nodes.conf", Flags: FlagImmutable},
	{Name: "cluster-announce-hostname", Kind: KindString, NullDefault: true, EmptyIsNull: true, Check: checkAnnouncedHostname},
	{Name: "cluster-announce-human-nodename", Kind: KindString, NullDefault: true, EmptyIsNull: true, Check: checkAnnouncedNodename},
	{Name: "syslog-ident", Kind: KindString, Default: "redis", Flags: FlagImmutable},
	{Name: "dbfilename", Kind: KindString, Default: "dump.rdb", Check: checkDBFilename, Flags: FlagProtected},
	{Name: "appendfilename", Kind: KindString, Default: "appendonly.aof", Check: checkAOFFilename, Flags: FlagImmutable},
	{Name: "appenddirname", Kind: KindString, Default: "appendonlydir", Check: checkAOFDirname, Flags: FlagImmutable},
	{Name: "server_cpulist", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagImmutable},
	{Name: "bio_cpulist", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagImmutable},
	{Name: "aof_rewrite_cpulist", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagImmutable},
	{Name: "bgsave_cpulist", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagImmutable},
	{Name: "ignore-warnings", Kind: KindString},
	{Name: "proc-title-template", Kind: KindString, Default: "{title} {listen-addr} {server-mode}", Check: checkProcTitleTemplate},
	{Name: "bind-source-addr", Kind: KindString, NullDefault: true, EmptyIsNull: true},
	{Name: "logfile", Kind: KindString, Flags: FlagImmutable},
	{Name: "req-res-logfile", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagImmutable | FlagHidden},
	{Name: "locale-collate", Kind: KindString},
	{Name: "masterauth", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagSensitive},
	{Name: "requirepass", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagSensitive},
	{Name: "supervised", Kind: KindEnum, Enum: enumSupervisedMode, Default: "no", Flags: FlagImmutable},
	{Name: "syslog-facility", Kind: KindEnum, Enum: enumSyslogFacility, Default: "local0", Flags: FlagImmutable},
	{Name: "repl-diskless-load", Kind: KindEnum, Enum: enumReplDisklessLoad, Default: "disabled", Flags: FlagDebug | FlagDenyLoading},
	{Name: "loglevel", Kind: KindEnum, Enum: enumLoglevel, Default: "notice"},
	{Name: "maxmemory-policy", Kind: KindEnum, Enum: enumMaxmemoryPolicy, Default: "noeviction"},
	{Name: "appendfsync", Kind: KindEnum, Enum: enumAofFsync, Default: "everysec"},
	{Name: "oom-score-adj", Kind: KindEnum, Enum: enumOomScoreAdj, Default: "no"},
	{Name: "acl-pubsub-default", Kind: KindEnum, Enum: enumAclPubsubDefault, Default: "resetchannels"},
	{Name: "sanitize-dump-payload", Kind: KindEnum, Enum: enumSanitizeDumpPayload, Default: "no", Flags: FlagDebug},
	{Name: "enable-protected-configs", Kind: KindEnum, Enum: enumProtectedAction, Default: "no", Flags: FlagImmutable},
	{Name: "enable-debug-command", Kind: KindEnum, Enum: enumProtectedAction, Default: "no", Flags: FlagImmutable},
	{Name: "enable-module-command", Kind: KindEnum, Enum: enumProtectedAction, Default: "no", Flags: FlagImmutable},
	{Name: "cluster-preferred-endpoint-type", Kind: KindEnum, Enum: enumClusterPreferredEndpointType, Default: "ip"},
	{Name: "propagation-error-behavior", Kind: KindEnum, Enum: enumPropagationErrorBehavior, Default: "ignore"},
	{Name: "shutdown-on-sigint", Kind: KindEnum, Enum: enumShutdownOnSig, Default: "default", Check: checkShutdownOnSigFlags, Flags: FlagMultiArg},
	{Name: "shutdown-on-sigterm", Kind: KindEnum, Enum: enumShutdownOnSig, Default: "default", Check: checkShutdownOnSigFlags, Flags: FlagMultiArg},
	{Name: "databases", Kind: KindNumeric, Min: 1, Max: intMax, Default: "16", Flags: FlagImmutable},
	{Name: "port", Kind: KindNumeric, Min: 0, Max: 65535, Default: "6379"},
	{Name: "io-threads", Kind: KindNumeric, Min: 1, Max: 128, Default: "1", Flags: FlagDebug | FlagImmutable},
	{Name: "auto-aof-rewrite-percentage", Kind: KindNumeric, Min: 0, Max: intMax, Default: "100"},
	{Name: "cluster-replica-validity-factor", Alias: "cluster-slave-validity-factor", Kind: KindNumeric, Min: 0, Max: intMax, Default: "10"},
	{Name: "list-max-listpack-size", Alias: "list-max-ziplist-size", Kind: KindNumeric, Min: intMin, Max: intMax, Default: "-2"},
	{Name: "tcp-keepalive", Kind: KindNumeric, Min: 0, Max: intMax, Default: "300"},
	{Name: "cluster-migration-barrier", Kind: KindNumeric, Min: 0, Max: intMax, Default: "1"},
	{Name: "active-defrag-cycle-min", Kind: KindNumeric, Min: 1, Max: 99, Default: "1"},
	{Name: "active-defrag-cycle-max", Kind: KindNumeric, Min: 1, Max: 99, Default: "25"},
	{Name: "active-defrag-threshold-lower", Kind: KindNumeric, Min: 0, Max: 1000, Default: "10"},
	{Name: "active-defrag-threshold-upper", Kind: KindNumeric, Min: 0, Max: 1000, Default: "100"},
	{Name: "lfu-log-factor", Kind: KindNumeric, Min: 0, Max: intMax, Default: "10"},
	{Name: "lfu-decay-time", Kind: KindNumeric, Min: 0, Max: intMax, Default: "1"},
	{Name: "replica-priority", Alias: "slave-priority", Kind: KindNumeric, Min: 0, Max: intMax, Default: "100"},
	{Name: "repl-diskless-sync-delay", Kind: KindNumeric, Min: 0, Max: intMax, Default: "5"},
	{Name: "maxmemory-samples", Kind: KindNumeric, Min: 1, Max: intMax, Default: "5"},
	{Name: "maxmemory-eviction-tenacity", Kind: KindNumeric, Min: 0, Max: 100, Default: "10"},
	{Name: "timeout", Kind: KindNumeric, Min: 0, Max: intMax, Default: "0"},
	{Name: "replica-announce-port", Alias: "slave-announce-port", Kind: KindNumeric, Min: 0, Max: 65535, Default: "0"},
	{Name: "tcp-backlog", Kind: KindNumeric, Min: 0, Max: intMax, Default: "511", Flags: FlagImmutable},
	{Name: "cluster-port", Kind: KindNumeric, Min: 0, Max: 65535, Default: "0", Flags: FlagImmutable},
	{Name: "cluster-announce-bus-port", Kind: KindNumeric, Min: 0, Max: 65535, Default: "0"},
	{Name: "cluster-announce-port", Kind: KindNumeric, Min: 0, Max: 65535, Default: "0"},
	{Name: "cluster-announce-tls-port", Kind: KindNumeric, Min: 0, Max: 65535, Default: "0"},
	{Name: "repl-timeout", Kind: KindNumeric, Min: 1, Max: intMax, Default: "60"},
	{Name: "repl-ping-replica-period", Alias: "repl-ping-slave-period", Kind: KindNumeric, Min: 1, Max: intMax, Default: "10"},
	{Name: "list-compress-depth", Kind: KindNumeric, Min: 0, Max: intMax, Default: "0", Flags: FlagDebug},
	{Name: "rdb-key-save-delay", Kind: KindNumeric, Min: intMin, Max: intMax, Default: "0", Flags: FlagHidden},
	{Name: "key-load-delay", Kind: KindNumeric, Min: intMin, Max: intMax, Default: "0", Flags: FlagHidden},
	{Name: "active-expire-effort", Kind: KindNumeric, Min: 1, Max: 10, Default: "1"},
	{Name: "hz", Kind: KindNumeric, Min: 0, Max: intMax, Default: "10"},
	{Name: "min-replicas-to-write", Alias: "min-slaves-to-write", Kind: KindNumeric, Min: 0, Max: intMax, Default: "0"},
	{Name: "min-replicas-max-lag", Alias: "min-slaves-max-lag", Kind: KindNumeric, Min: 0, Max: intMax, Default: "10"},
	{Name: "watchdog-period", Kind: KindNumeric, Min: 0, Max: intMax, Default: "0", Flags: FlagHidden},
	{Name: "shutdown-timeout", Kind: KindNumeric, Min: 0, Max: intMax, Default: "10"},
	{Name: "repl-diskless-sync-max-replicas", Kind: KindNumeric, Min: 0, Max: intMax, Default: "0"},
	{Name: "maxclients", Kind: KindNumeric, Min: 1, Max: uintMax, Unsigned: true, Default: "10000"},
	{Name: "unixsocketperm", Kind: KindNumeric, Min: 0, Max: 0o777, Unsigned: true, Default: "0", Num: NumOctal, Flags: FlagImmutable},
	{Name: "socket-mark-id", Kind: KindNumeric, Min: 0, Max: uintMax, Unsigned: true, Default: "0", Flags: FlagImmutable},
	{Name: "client-default-resp", Kind: KindNumeric, Min: 2, Max: 3, Unsigned: true, Default: "2", Flags: FlagImmutable | FlagHidden},
	{Name: "active-defrag-max-scan-fields", Kind: KindNumeric, Min: 1, Max: longMax, Default: "1000"},
	{Name: "slowlog-max-len", Kind: KindNumeric, Min: 0, Max: longMax, Default: "128"},
	{Name: "acllog-max-len", Kind: KindNumeric, Min: 0, Max: longMax, Default: "128"},
	{Name: "busy-reply-threshold", Alias: "lua-time-limit", Kind: KindNumeric, Min: 0, Max: longMax, Default: "5000"},
	{Name: "cluster-node-timeout", Kind: KindNumeric, Min: 0, Max: llongMax, Default: "15000"},
	{Name: "cluster-ping-interval", Kind: KindNumeric, Min: 0, Max: llongMax, Default: "0", Flags: FlagHidden},
	{Name: "slowlog-log-slower-than", Kind: KindNumeric, Min: -1, Max: llongMax, Default: "10000"},
	{Name: "latency-monitor-threshold", Kind: KindNumeric, Min: 0, Max: llongMax, Default: "0"},
	{Name: "proto-max-bulk-len", Kind: KindNumeric, Min: 1024 * 1024, Max: longMax, Default: "536870912", Num: NumMemory, Flags: FlagDebug},
	{Name: "stream-node-max-entries", Kind: KindNumeric, Min: 0, Max: llongMax, Default: "100"},
	{Name: "repl-backlog-size", Kind: KindNumeric, Min: 1, Max: llongMax, Default: "1048576", Num: NumMemory},
	{Name: "maxmemory", Kind: KindNumeric, Min: 0, Max: -1, Unsigned: true, Default: "0", Num: NumMemory},
	{Name: "cluster-link-sendbuf-limit", Kind: KindNumeric, Min: 0, Max: -1, Unsigned: true, Default: "0", Num: NumMemory},
	{Name: "hash-max-listpack-entries", Alias: "hash-max-ziplist-entries", Kind: KindNumeric, Min: 0, Max: longMax, Unsigned: true, Default: "512"},
	{Name: "set-max-intset-entries", Kind: KindNumeric, Min: 0, Max: longMax, Unsigned: true, Default: "512"},
	{Name: "set-max-listpack-entries", Kind: KindNumeric, Min: 0, Max: longMax, Unsigned: true, Default: "128"},
	{Name: "set-max-listpack-value", Kind: KindNumeric, Min: 0, Max: longMax, Unsigned: true, Default: "64"},
	{Name: "zset-max-listpack-entries", Alias: "zset-max-ziplist-entries", Kind: KindNumeric, Min: 0, Max: longMax, Unsigned: true, Default: "128"},
	{Name: "active-defrag-ignore-bytes", Kind: KindNumeric, Min: 1, Max: llongMax, Unsigned: true, Default: "104857600", Num: NumMemory},
	{Name: "hash-max-listpack-value", Alias: "hash-max-ziplist-value", Kind: KindNumeric, Min: 0, Max: longMax, Unsigned: true, Default: "64", Num: NumMemory},
	{Name: "stream-node-max-bytes", Kind: KindNumeric, Min: 0, Max: longMax, Unsigned: true, Default: "4096", Num: NumMemory},
	{Name: "zset-max-listpack-value", Alias: "zset-max-ziplist-value", Kind: KindNumeric, Min: 0, Max: longMax, Unsigned: true, Default: "64", Num: NumMemory},
	{Name: "hll-sparse-max-bytes", Kind: KindNumeric, Min: 0, Max: longMax, Unsigned: true, Default: "3000", Num: NumMemory},
	{Name: "tracking-table-max-keys", Kind: KindNumeric, Min: 0, Max: longMax, Unsigned: true, Default: "1000000"},
	{Name: "client-query-buffer-limit", Kind: KindNumeric, Min: 1024 * 1024, Max: longMax, Unsigned: true, Default: "1073741824", Num: NumMemory, Flags: FlagDebug},
	{Name: "maxmemory-clients", Kind: KindNumeric, Min: -100, Max: ssizeMax, Default: "0", Num: NumMemory | NumPercent},
	{Name: "repl-backlog-ttl", Kind: KindNumeric, Min: 0, Max: longMax, Default: "3600"},
	{Name: "auto-aof-rewrite-min-size", Kind: KindNumeric, Min: 0, Max: llongMax, Default: "67108864", Num: NumMemory},
	{Name: "loading-process-events-interval-bytes", Kind: KindNumeric, Min: 1024, Max: intMax, Default: "2097152", Flags: FlagHidden},
	{Name: "tls-port", Kind: KindNumeric, Min: 0, Max: 65535, Default: "0"},
	{Name: "tls-session-cache-size", Kind: KindNumeric, Min: 0, Max: intMax, Default: "20480"},
	{Name: "tls-session-cache-timeout", Kind: KindNumeric, Min: 0, Max: intMax, Default: "300"},
	{Name: "tls-cluster", Kind: KindBool, Default: "no"},
	{Name: "tls-replication", Kind: KindBool, Default: "no"},
	{Name: "tls-auth-clients", Kind: KindEnum, Enum: enumTlsAuthClients, Default: "yes"},
	{Name: "tls-prefer-server-ciphers", Kind: KindBool, Default: "no"},
	{Name: "tls-session-caching", Kind: KindBool, Default: "yes"},
	{Name: "tls-cert-file", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagVolatile},
	{Name: "tls-key-file", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagVolatile},
	{Name: "tls-key-file-pass", Kind: KindString, NullDefault: true, EmptyIsNull: true},
	{Name: "tls-client-cert-file", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagVolatile},
	{Name: "tls-client-key-file", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagVolatile},
	{Name: "tls-client-key-file-pass", Kind: KindString, NullDefault: true, EmptyIsNull: true},
	{Name: "tls-dh-params-file", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagVolatile},
	{Name: "tls-ca-cert-file", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagVolatile},
	{Name: "tls-ca-cert-dir", Kind: KindString, NullDefault: true, EmptyIsNull: true, Flags: FlagVolatile},
	{Name: "tls-protocols", Kind: KindString, NullDefault: true, EmptyIsNull: true},
	{Name: "tls-ciphers", Kind: KindString, NullDefault: true, EmptyIsNull: true},
	{Name: "tls-ciphersuites", Kind: KindString, NullDefault: true, EmptyIsNull: true},
	{Name: "dir", Kind: KindDir, Default: "", Flags: FlagProtected | FlagDenyLoading},
	{Name: "save", Kind: KindSave, Default: "3600 1 300 100 60 10000", Flags: FlagMultiArg},
	{Name: "client-output-buffer-limit", Kind: KindClientOutputBufferLimit, Default: "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60", Flags: FlagMultiArg},
	{Name: "oom-score-adj-values", Kind: KindOOMScoreAdjValues, Default: "0 200 800", Flags: FlagMultiArg},
	{Name: "notify-keyspace-events", Kind: KindNotifyKeyspaceEvents, Default: ""},
	{Name: "bind", Kind: KindBind, Default: "* -::*", Flags: FlagMultiArg},
	{Name: "replicaof", Alias: "slaveof", Kind: KindReplicaOf, Default: "", Flags: FlagImmutable | FlagMultiArg},
	{Name: "latency-tracking-info-percentiles", Kind: KindPercentiles, Default: "50 99 99.9", Flags: FlagMultiArg},
}

func pathIsBaseName(s string) bool { return !strings.ContainsAny(s, `/\`) }

func checkDBFilename(s string, _ int64) string {
	if !pathIsBaseName(s) {
		return "dbfilename can't be a path, just a filename"
	}
	return ""
}

func checkAOFFilename(s string, _ int64) string {
	if s == "" {
		return "appendfilename can't be empty"
	}
	if !pathIsBaseName(s) {
		return "appendfilename can't be a path, just a filename"
	}
	return ""
}

func checkAOFDirname(s string, _ int64) string {
	if s == "" {
		return "appenddirname can't be empty"
	}
	if !pathIsBaseName(s) {
		return "appenddirname can't be a path, just a dirname"
	}
	return ""
}

// checkActiveDefrag refuses activedefrag: modhost has no defragmenting
// allocator, and Redis built without one answers the same way.
func checkActiveDefrag(_ string, n int64) string {
	if n != 0 {
		return "Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified Jemalloc like the one shipped by default with the Redis source distribution"
	}
	return ""
}

func checkShutdownOnSigFlags(_ string, n int64) string {
	if n&ShutdownSave != 0 && n&ShutdownNoSave != 0 {
		return "shutdown options SAVE and NOSAVE can't be used simultaneously"
	}
	return ""
}

func checkAnnouncedHostname(s string, _ int64) string {
	if len(s) >= 256 {
		return "Hostnames must be less than 256 characters"
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return "Hostnames may only contain alphanumeric characters, hyphens or dots"
		}
	}
	return ""
}

// checkAnnouncedNodename follows Redis's isValidAuxChar, which accepts
// letters, digits and anything outside its list of punctuation.
func checkAnnouncedNodename(s string, _ int64) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		if !alnum && (c == 0 || strings.IndexByte("!#$%&()*+:;<>?@[]^{|}~", c) >= 0) {
			return "Announced human node name contained invalid character"
		}
	}
	return ""
}

// checkProcTitleTemplate accepts a template whose {variables} are all known,
// whose braces balance ({{ and }} stand for literal braces) and which does
// not expand to nothing when the title is empty.
func checkProcTitleTemplate(s string, _ int64) string {
	const bad = "template format is invalid or contains unknown variables"
	nonEmpty := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '{':
			if i+1 < len(s) && s[i+1] == '{' {
				i++
				nonEmpty = true
				continue
			}
			end := strings.IndexByte(s[i+1:], '}')
			if end < 0 {
				return bad
			}
			switch s[i+1 : i+1+end] {
			case "title", "server-mode", "unixsocket":
				// May expand to nothing.
			case "listen-addr", "config-file", "port", "tls-port":
				nonEmpty = true
			default:
				return bad
			}
			i += end + 1
		case '}':
			if i+1 < len(s) && s[i+1] == '}' {
				i++
				nonEmpty = true
				continue
			}
			return bad
		default:
			nonEmpty = true
		}
	}
	if !nonEmpty {
		return bad
	}
	return ""
}
