package engine

// MsgOOM is the reply to a deny-oom command while memory stays above
// maxmemory after eviction.
const MsgOOM = "OOM command not allowed when used memory > 'maxmemory'."

// MemoryGuard is the maxmemory layer (commands/evict.go) as dispatch and
// the module API see it. Either function may be nil (no limit enforced).
type MemoryGuard struct {
	// Evict frees memory down to maxmemory by the policy and reports
	// whether memory is now within the limit. Lock held.
	Evict func() bool
	// State reports whether memory is over the limit and the used/limit
	// ratio (0 without a limit), without evicting (GetContextFlags,
	// GetUsedMemoryRatio, RM_Call "M" off the main path).
	State func() (over bool, level float64)
	// PreCommandOOM is Evict's verdict at the start of the current
	// top-level command (Redis's pre_command_oom_state): RM_Call "M"
	// consults it, so memory a command allocates does not fail its own
	// nested calls.
	PreCommandOOM bool
}

// oomRefusal runs eviction before a command, as processCommand does when
// maxmemory is set, and refuses deny-oom commands (an EXEC holding one,
// and any command queued into a MULTI) when memory stays above the limit.
// The master's stream and fake clients are exempt.
func (s *Server) oomRefusal(c *Client, cmd *Spec) string {
	if s.Memory.Evict == nil || s.Settings.MaxMemory <= 0 || c.Flags&(ClientMaster|ClientFake) != 0 {
		return ""
	}
	oom := !s.Memory.Evict()
	s.Memory.PreCommandOOM = oom
	if !oom {
		return ""
	}
	deny := c.flagsOf(cmd)&FlagDenyOOM != 0
	isExec := cmd.Parent == nil && cmd.Name == "exec"
	if isExec {
		for _, q := range c.Multi {
			deny = deny || q.Cmd.Flags&FlagDenyOOM != 0
		}
	}
	if c.Flags&ClientMulti != 0 && cmd.Parent == nil {
		switch cmd.Name {
		case "exec", "discard", "quit", "reset":
		default:
			deny = true
		}
	}
	if deny {
		return MsgOOM
	}
	return ""
}

// EvictSoon runs eviction once the current execution unit has been
// propagated, or now outside any unit. CONFIG SET maxmemory uses it: in
// Redis the eviction timer does that work after the command (or module
// timer) that lowered the limit, so each evicted key is a unit of its own
// rather than part of the CONFIG SET's. Lock held.
func (s *Server) EvictSoon() {
	if s.Memory.Evict == nil {
		return
	}
	if s.CallDepth > 0 {
		s.prop.evictAfterUnit = true
		return
	}
	s.Memory.Evict()
}
