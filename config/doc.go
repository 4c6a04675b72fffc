// Package config holds modhost's configuration: the redis.conf syntax, the
// redis-server command line, the table of every Redis 7.2 directive, and
// CONFIG GET / SET / REWRITE. It uses no cgo and imports no other modhost
// package; the server wires it in.
//
// Vocabulary: a directive is one configuration name (maxmemory); its
// Directive is the static description (kind, default, bounds, flags) in
// the Directives table; its Var is the live value inside a Config.
//
// Startup, in main:
//
//	st, err := config.ParseCommandLine(os.Args[1:])
//	switch st.Action {
//	case config.ActionVersion: print config.VersionText(), exit 0
//	case config.ActionHelp: print config.UsageText to stderr, exit 1 (like redis-server)
//	case config.ActionTestMemory: print config.TestMemoryRefusal to stderr, exit 1
//	}
//	cfg := config.New()
//	cfg.Hooks = config.Hooks{RenameCommand: ..., User: ...} // optional
//	if err := cfg.Load(st, os.Stdin); err != nil {
//		fmt.Fprint(os.Stderr, err) // *FatalError prints Redis's exact report
//		os.Exit(1)
//	}
//	cfg.LoadModules(), cfg.RenameCommands(), cfg.Users() // what the file asked for
//
// An *OpenError (unreadable config file) is logged as Redis logs it, then
// exit 1.
//
// Commands, in server/commands:
//
//   - CONFIG GET: cfg.Get(patterns...) returns name/value pairs.
//   - CONFIG SET: cfg.Set(args, config.SetOptions{...}) returns the changed
//     names (for the module config-change event) or a *SetError whose text
//     is the whole error reply ("ERR ..." or "LOADING ..."). Use
//     cfg.Sensitive(name) to redact arguments from logs/MONITOR, and
//     cfg.AllowProtected("enable-protected-configs", isLocal) for
//     SetOptions.ProtectedAllowed.
//   - CONFIG REWRITE: cfg.Rewrite(config.RewriteHooks{Users: ..., Modules:
//     ...}); ErrNoConfigFile and *RewriteError carry the reply texts.
//
// Reading values: cfg.Int/Bool/String/Memory(name) look the name up each
// time (a map lookup); for hot paths keep v := cfg.Lookup("maxmemory") and
// call v.Uint(), which is one atomic load. Special directives have typed
// getters: Save, OutputBufferLimits, ReplicaOf, NotifyKeyspaceEvents, and
// Var.Strings/Ints/Floats.
//
// Server code that must change a directive CONFIG SET refuses (REPLICAOF
// sets the immutable replicaof) uses cfg.SetDirect.
//
// Side effects: cfg.OnApply(name, fn) registers a function run after CONFIG
// SET changes that directive (listen on the new port, resize a buffer...);
// if it fails, every directive of that CONFIG SET is restored and the
// error reaches the client. Setting dir changes the process working
// directory (os.Chdir), and CONFIG GET dir reports os.Getwd, as Redis does.
//
// Modules: cfg.Register(&ModuleConfig{...}) adds "<module>.<name>" with
// Get/Set/Apply callbacks; Unregister removes it. Values for module configs
// found in the config file before the module loaded are queued:
// TakeModuleConfig, SetModuleValue, SetModuleDefault and
// PendingModuleConfigs implement RM_LoadConfigs and the startup check.
//
// Invariants:
//   - A Var's value is an immutable snapshot swapped atomically; getters
//     never lock and never see a partly applied CONFIG SET value of that
//     Var. (A multi-directive CONFIG SET is atomic for errors, not for
//     concurrent readers: run it under the server's execution lock.)
//   - Lookups, getters and CONFIG GET never lock: the name index is
//     replaced whole when module configs come and go.
//   - Set, SetDirect, Load, Register, Unregister and Rewrite serialise on
//     one mutex; ApplyFuncs and module callbacks run while it is held, so
//     they may read values but must not call those methods.
//   - Every text shown to clients or on stderr (errors, CONFIG GET values,
//     rewritten lines) is Redis 7.2's, byte for byte; tests compare with a
//     real redis-server where one is installed.
//
// Deliberate differences from Redis 7.2 are listed in config_interop_test.go.
package config
