package engine

// MsgLoading is the reply to a command refused while the dataset loads.
const MsgLoading = "LOADING Redis is loading the dataset in memory"

// PersistenceGuard is what dispatch asks the persistence layer before a
// command from a normal client runs (processCommand's disk-error and
// loading checks). Either function may be nil.
type PersistenceGuard struct {
	// DiskError returns the MISCONF text while a failed background save
	// (with stop-writes-on-bgsave-error and save points) or a failing AOF
	// write denies writes, and "" otherwise. Lock held.
	DiskError func() string
	// Loading reports whether the dataset is being loaded. Lock held.
	Loading func() bool
}

// diskRefusal is the MISCONF check: write commands (an EXEC counts when
// it holds one) and PING are refused while the disk fails. The master's
// stream and fake clients (AOF loading, RM_Call) are exempt, as Redis
// exempts clients it must obey and checks RM_Call separately.
func (s *Server) diskRefusal(c *Client, cmd *Spec) string {
	if s.Persist.DiskError == nil || c.Flags&(ClientMaster|ClientFake) != 0 {
		return ""
	}
	write, _ := CallFlags(c, cmd)
	if !write && (cmd.Parent != nil || cmd.Name != "ping") {
		return ""
	}
	return s.Persist.DiskError()
}

// loadingRefusal is the LOADING check: while the dataset loads only
// commands flagged loading run (EXEC only when all its queued ones are).
func (s *Server) loadingRefusal(c *Client, cmd *Spec) string {
	if s.Persist.Loading == nil || c.Flags&(ClientMaster|ClientFake) != 0 || !s.Persist.Loading() {
		return ""
	}
	deny := cmd.Flags&FlagLoading == 0
	if cmd.Parent == nil && cmd.Name == "exec" {
		for _, q := range c.Multi {
			deny = deny || q.Cmd.Flags&FlagLoading == 0
		}
	}
	if deny {
		return MsgLoading
	}
	return ""
}

// WriteDeniedByDisk returns the MISCONF text a write command would get
// now, or "" (RM_Call in script mode checks it).
func (s *Server) WriteDeniedByDisk() string {
	if s.Persist.DiskError == nil {
		return ""
	}
	return s.Persist.DiskError()
}
