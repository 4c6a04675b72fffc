package commands

import "modhost/engine"

// Generated from Redis 7.2.6's command JSON files (facts: summaries,
// versions, complexities, tips and key specs as COMMAND INFO and COMMAND
// DOCS report them) for the stream, Pub/Sub and transaction commands.

// xpsDoc is the COMMAND DOCS/INFO metadata of one command.
type xpsDoc struct {
	summary, since, group, complexity string
	tips                              []string
	keys                              []engine.KeySpec
}

var xpsDocs = map[string]xpsDoc{
	"discard":               {"Discards a transaction.", "2.0.0", "transactions", "O(N), when N is the number of queued commands", nil, nil},
	"exec":                  {"Executes all commands in a transaction.", "1.2.0", "transactions", "Depends on commands in the transaction", nil, nil},
	"multi":                 {"Starts a transaction.", "1.2.0", "transactions", "O(1)", nil, nil},
	"psubscribe":            {"Listens for messages published to channels that match one or more patterns.", "2.0.0", "pubsub", "O(N) where N is the number of patterns to subscribe to.", nil, nil},
	"publish":               {"Posts a message to a channel.", "2.0.0", "pubsub", "O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total number of subscribed patterns (by any client).", nil, nil},
	"pubsub|channels":       {"Returns the active channels.", "2.8.0", "pubsub", "O(N) where N is the number of active channels, and assuming constant time pattern matching (relatively short channels and patterns)", nil, nil},
	"pubsub|help":           {"Returns helpful text about the different subcommands.", "6.2.0", "pubsub", "O(1)", nil, nil},
	"pubsub|numpat":         {"Returns a count of unique pattern subscriptions.", "2.8.0", "pubsub", "O(1)", nil, nil},
	"pubsub|numsub":         {"Returns a count of subscribers to channels.", "2.8.0", "pubsub", "O(N) for the NUMSUB subcommand, where N is the number of requested channels", nil, nil},
	"pubsub|shardchannels":  {"Returns the active shard channels.", "7.0.0", "pubsub", "O(N) where N is the number of active shard channels, and assuming constant time pattern matching (relatively short shard channels).", nil, nil},
	"pubsub|shardnumsub":    {"Returns the count of subscribers of shard channels.", "7.0.0", "pubsub", "O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard channels", nil, nil},
	"pubsub":                {"A container for Pub/Sub commands.", "2.8.0", "pubsub", "Depends on subcommand.", nil, nil},
	"punsubscribe":          {"Stops listening to messages published to channels that match one or more patterns.", "2.0.0", "pubsub", "O(N) where N is the number of patterns to unsubscribe.", nil, nil},
	"spublish":              {"Post a message to a shard channel", "7.0.0", "pubsub", "O(N) where N is the number of clients subscribed to the receiving shard channel.", nil, []engine.KeySpec{{Flags: []string{"not_key"}, Index: 1, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"ssubscribe":            {"Listens for messages published to shard channels.", "7.0.0", "pubsub", "O(N) where N is the number of shard channels to subscribe to.", nil, []engine.KeySpec{{Flags: []string{"not_key"}, Index: 1, LastKey: -1, KeyStep: 1, Limit: 0}}},
	"subscribe":             {"Listens for messages published to channels.", "2.0.0", "pubsub", "O(N) where N is the number of channels to subscribe to.", nil, nil},
	"sunsubscribe":          {"Stops listening to messages posted to shard channels.", "7.0.0", "pubsub", "O(N) where N is the number of shard channels to unsubscribe.", nil, []engine.KeySpec{{Flags: []string{"not_key"}, Index: 1, LastKey: -1, KeyStep: 1, Limit: 0}}},
	"unsubscribe":           {"Stops listening to messages posted to channels.", "2.0.0", "pubsub", "O(N) where N is the number of channels to unsubscribe.", nil, nil},
	"unwatch":               {"Forgets about watched keys of a transaction.", "2.2.0", "transactions", "O(1)", nil, nil},
	"watch":                 {"Monitors changes to keys to determine the execution of a transaction.", "2.2.0", "transactions", "O(1) for every key.", nil, []engine.KeySpec{{Flags: []string{"RO"}, Index: 1, LastKey: -1, KeyStep: 1, Limit: 0}}},
	"xack":                  {"Returns the number of messages that were successfully acknowledged by the consumer group member of a stream.", "5.0.0", "stream", "O(1) for each message ID processed.", nil, []engine.KeySpec{{Flags: []string{"RW", "update"}, Index: 1, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xadd":                  {"Appends a new message to a stream. Creates the key if it doesn't exist.", "5.0.0", "stream", "O(1) when adding a new entry, O(N) when trimming where N being the number of entries evicted.", []string{"nondeterministic_output"}, []engine.KeySpec{{Notes: "UPDATE instead of INSERT because of the optional trimming feature", Flags: []string{"RW", "update"}, Index: 1, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xautoclaim":            {"Changes, or acquires, ownership of messages in a consumer group, as if the messages were delivered to as consumer group member.", "6.2.0", "stream", "O(1) if COUNT is small.", []string{"nondeterministic_output"}, []engine.KeySpec{{Flags: []string{"RW", "delete"}, Index: 1, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xclaim":                {"Changes, or acquires, ownership of a message in a consumer group, as if the message was delivered a consumer group member.", "5.0.0", "stream", "O(log N) with N being the number of messages in the PEL of the consumer group.", []string{"nondeterministic_output"}, []engine.KeySpec{{Flags: []string{"RW", "update"}, Index: 1, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xdel":                  {"Returns the number of messages after removing them from a stream.", "5.0.0", "stream", "O(1) for each single item to delete in the stream, regardless of the stream size.", nil, []engine.KeySpec{{Flags: []string{"RW", "delete"}, Index: 1, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xgroup|create":         {"Creates a consumer group.", "5.0.0", "stream", "O(1)", nil, []engine.KeySpec{{Flags: []string{"RW", "insert"}, Index: 2, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xgroup|createconsumer": {"Creates a consumer in a consumer group.", "6.2.0", "stream", "O(1)", nil, []engine.KeySpec{{Flags: []string{"RW", "insert"}, Index: 2, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xgroup|delconsumer":    {"Deletes a consumer from a consumer group.", "5.0.0", "stream", "O(1)", nil, []engine.KeySpec{{Flags: []string{"RW", "delete"}, Index: 2, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xgroup|destroy":        {"Destroys a consumer group.", "5.0.0", "stream", "O(N) where N is the number of entries in the group's pending entries list (PEL).", nil, []engine.KeySpec{{Flags: []string{"RW", "delete"}, Index: 2, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xgroup|help":           {"Returns helpful text about the different subcommands.", "5.0.0", "stream", "O(1)", nil, nil},
	"xgroup|setid":          {"Sets the last-delivered ID of a consumer group.", "5.0.0", "stream", "O(1)", nil, []engine.KeySpec{{Flags: []string{"RW", "update"}, Index: 2, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xgroup":                {"A container for consumer groups commands.", "5.0.0", "stream", "Depends on subcommand.", nil, nil},
	"xinfo|consumers":       {"Returns a list of the consumers in a consumer group.", "5.0.0", "stream", "O(1)", []string{"nondeterministic_output"}, []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 2, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xinfo|groups":          {"Returns a list of the consumer groups of a stream.", "5.0.0", "stream", "O(1)", nil, []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 2, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xinfo|help":            {"Returns helpful text about the different subcommands.", "5.0.0", "stream", "O(1)", nil, nil},
	"xinfo|stream":          {"Returns information about a stream.", "5.0.0", "stream", "O(1)", nil, []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 2, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xinfo":                 {"A container for stream introspection commands.", "5.0.0", "stream", "Depends on subcommand.", nil, nil},
	"xlen":                  {"Return the number of messages in a stream.", "5.0.0", "stream", "O(1)", nil, []engine.KeySpec{{Flags: []string{"RO"}, Index: 1, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xpending":              {"Returns the information and entries from a stream consumer group's pending entries list.", "5.0.0", "stream", "O(N) with N being the number of elements returned, so asking for a small fixed number of entries per call is O(1). O(M), where M is the total number of entries scanned when used with the IDLE filter. When the command returns just the summary and the list of consumers is small, it runs in O(1) time; otherwise, an additional O(N) time for iterating every consumer.", []string{"nondeterministic_output"}, []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xrange":                {"Returns the messages from a stream within a range of IDs.", "5.0.0", "stream", "O(N) with N being the number of elements being returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).", nil, []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xread":                 {"Returns messages from multiple streams with IDs greater than the ones requested. Blocks until a message is available otherwise.", "5.0.0", "stream", "", nil, []engine.KeySpec{{Flags: []string{"RO", "access"}, Keyword: "STREAMS", StartFrom: 1, LastKey: -1, KeyStep: 1, Limit: 2}}},
	"xreadgroup":            {"Returns new or historical messages from a stream for a consumer in a group. Blocks until a message is available otherwise.", "5.0.0", "stream", "For each stream mentioned: O(M) with M being the number of elements returned. If M is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1). On the other side when XREADGROUP blocks, XADD will pay the O(N) time in order to serve the N clients blocked on the stream getting new data.", nil, []engine.KeySpec{{Flags: []string{"RO", "access"}, Keyword: "STREAMS", StartFrom: 4, LastKey: -1, KeyStep: 1, Limit: 2}}},
	"xrevrange":             {"Returns the messages from a stream within a range of IDs in reverse order.", "5.0.0", "stream", "O(N) with N being the number of elements returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).", nil, []engine.KeySpec{{Flags: []string{"RO", "access"}, Index: 1, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xsetid":                {"An internal command for replicating stream values.", "5.0.0", "stream", "O(1)", nil, []engine.KeySpec{{Flags: []string{"RW", "update"}, Index: 1, LastKey: 0, KeyStep: 1, Limit: 0}}},
	"xtrim":                 {"Deletes messages from the beginning of a stream.", "5.0.0", "stream", "O(N), with N being the number of evicted entries. Constant times are very small however, since entries are organized in macro nodes containing multiple entries that can be released with a single deallocation.", []string{"nondeterministic_output"}, []engine.KeySpec{{Flags: []string{"RW", "delete"}, Index: 1, LastKey: 0, KeyStep: 1, Limit: 0}}},
}

// withXpsDocs fills the metadata of s and its subcommands from xpsDocs.
func withXpsDocs(s *engine.Spec) *engine.Spec {
	full := s.Name
	if s.Parent != nil {
		full = s.Parent.Name + "|" + s.Name
	}
	if d, ok := xpsDocs[full]; ok {
		s.Summary, s.Since, s.Group, s.Complexity = d.summary, d.since, d.group, d.complexity
		s.Tips, s.KeySpecs = d.tips, d.keys
	}
	for _, sub := range s.Subs {
		sub.Parent = s
		withXpsDocs(sub)
	}
	return s
}
