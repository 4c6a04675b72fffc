package engine

// How a call uses a channel argument (the REDISMODULE_CMD_CHANNEL_*
// values modules report through RedisModule_ChannelAtPosWithFlags).
const (
	ChannelPattern     = 1 << 0 // the argument is a pattern, as PSUBSCRIBE's
	ChannelPublish     = 1 << 1
	ChannelSubscribe   = 1 << 2
	ChannelUnsubscribe = 1 << 3
)

// ChannelRef is one channel argument of a call: its index in args and
// the Channel* flags saying how it is used.
type ChannelRef struct {
	Pos   int
	Flags int
}
