package engine

import (
	"sync"

	"modhost/config"
)

// ConfigState ties a server to its configuration: what CONFIG GET / SET /
// REWRITE / RESETSTAT and modules (RM_RegisterXConfig, the config-change
// event) need beyond the engine itself. app fills it in at start-up.
type ConfigState struct {
	// Cfg holds the live directives; nil for bare engines (unit tests),
	// where CONFIG answers as if no directive existed.
	Cfg *config.Config
	// Loading reports whether a dataset is being loaded (CONFIG SET of
	// DENY_LOADING directives is refused then).
	Loading func() bool
	// Rewrite supplies the loadmodule and user lines for CONFIG REWRITE.
	Rewrite config.RewriteHooks
	// Changed hooks run after a successful CONFIG SET with the canonical
	// names changed (the module config-change event). Lock held.
	Changed []func(names []string)
	// ResetStats hooks run on CONFIG RESETSTAT after the engine's own
	// counters are reset (layers with their own statistics). Lock held.
	ResetStats []func()
	// Log writes a server log line at a server.Level* level (CONFIG
	// REWRITE reports its outcome); nil drops it.
	Log func(level int, format string, args ...any)
}

// configStates holds each server's ConfigState. It lives outside Server
// so this file is all the engine needs to know about configuration.
var configStates sync.Map // *Server -> *ConfigState

// Config returns the server's ConfigState, creating an empty one on first
// use. The pointer stays the same for the server's life.
func (s *Server) Config() *ConfigState {
	if v, ok := configStates.Load(s); ok {
		return v.(*ConfigState)
	}
	v, _ := configStates.LoadOrStore(s, &ConfigState{})
	return v.(*ConfigState)
}

// Cfg is a shortcut for s.Config().Cfg.
func (s *Server) Cfg() *config.Config { return s.Config().Cfg }
