package engine

import "strings"

// Reply texts of the transaction commands that the engine writes.
const (
	msgExecAbort   = "EXECABORT Transaction discarded because of previous errors."
	msgExecNoMulti = "ERR EXEC without MULTI"
)

// DiscardTransaction drops c's queue, its MULTI state and its WATCHes.
func (s *Server) DiscardTransaction(c *Client) {
	c.Multi = nil
	c.Flags &^= ClientMulti | ClientDirtyCAS | ClientDirtyExec
	s.unwatchAll(c)
}

// ExecTransaction is EXEC: it runs c's queued commands and writes their
// replies as one array, or writes the failure when a WATCHed key changed
// (null array) or a command failed to queue (EXECABORT). Queued commands
// run with ClientExecuting and ClientDenyBlocking set, so blocking
// commands answer at once.
func (s *Server) ExecTransaction(c *Client) {
	if c.Flags&ClientMulti == 0 {
		c.W.Error(msgExecNoMulti)
		s.countError(msgExecNoMulti)
		return
	}
	if s.watchedKeyExpired(c) {
		c.Flags |= ClientDirtyCAS
	}
	if c.Flags&(ClientDirtyCAS|ClientDirtyExec) != 0 {
		if c.Flags&ClientDirtyExec != 0 {
			c.W.Error(msgExecAbort)
			s.countError(msgExecAbort)
		} else {
			c.W.NullArray()
		}
		s.DiscardTransaction(c)
		return
	}
	old := c.Flags
	c.Flags |= ClientDenyBlocking | ClientExecuting
	s.InExec++
	defer func() { s.InExec-- }()
	s.unwatchAll(c)
	queue := c.Multi
	c.Multi = nil
	c.W.Array(len(queue))
	for _, q := range queue {
		if s.ACLCheck != nil {
			if msg := s.ACLCheck(c, q.Cmd, q.Args, true); msg != "" {
				c.W.Error(msg)
				s.countError(msg)
				continue
			}
		}
		s.Call(c, q.Cmd, q.Args)
	}
	c.Flags &^= ClientExecuting
	if old&ClientDenyBlocking == 0 {
		c.Flags &^= ClientDenyBlocking
	}
	s.DiscardTransaction(c)
}

// rejectResolved is rejectCmd for a command that was looked up: a refused
// EXEC also ends the transaction, with the reason inside an EXECABORT
// error, as Redis does.
func (s *Server) rejectResolved(c *Client, cmd *Spec, msg string) {
	if cmd.Parent != nil || cmd.Name != "exec" {
		s.rejectCmd(c, msg)
		return
	}
	s.DiscardTransaction(c)
	msg = "EXECABORT Transaction discarded because of: " + strings.TrimPrefix(msg, "ERR ")
	c.W.Error(msg)
	s.countError(msg)
}
