package engine

// Command filters (RedisModule_RegisterCommandFilter) see every command
// line before it is looked up. The module host sets Server.CommandFilter
// while at least one filter is registered, so an unfiltered server pays a
// nil check per command.

// filterArgs runs the command filter over a client's command line and
// returns the line to execute. Fake clients (AOF loading) are not
// filtered, as Redis loads the AOF without filters; RM_Call filters its
// own lines in the module host.
func (s *Server) filterArgs(c *Client, args [][]byte) [][]byte {
	if c.Flags&ClientFake != 0 {
		return args
	}
	return s.CommandFilter(c, args)
}
