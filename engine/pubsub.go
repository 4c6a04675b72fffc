package engine

import (
	"sort"

	"modhost/internal/glob"
	"modhost/resp"
)

// PubSub tracks channel, pattern and shard-channel subscriptions. Lock
// held for all use.
type PubSub struct {
	Channels      map[string]map[*Client]struct{}
	Patterns      map[string]map[*Client]struct{}
	ShardChannels map[string]map[*Client]struct{}
}

func newPubSub() *PubSub {
	return &PubSub{
		Channels:      map[string]map[*Client]struct{}{},
		Patterns:      map[string]map[*Client]struct{}{},
		ShardChannels: map[string]map[*Client]struct{}{},
	}
}

// deliver writes one message to c. A message to the client running the
// current command waits until that command (the outermost one: an EXEC,
// a module command that published through RM_Call) has replied, as Redis
// 7.2 orders them; a client whose buffer still holds a reply not yet
// committed (a blocked client just served) gets it after that reply.
// Everyone else gets it through Queue.
func deliver(c *Client, w *resp.Writer, build func(w *resp.Writer)) {
	if c.executing {
		w.Proto = c.Resp
		w.Reset()
		build(w)
		c.pendingPush = append(c.pendingPush, w.Buf...)
		return
	}
	if c.CurrentCmd != nil || len(c.W.Buf) > 0 {
		build(c.W)
		return
	}
	w.Proto = c.Resp
	w.Reset()
	build(w)
	c.Queue(w.Buf)
}

// Publish delivers msg to every subscriber of channel (and of matching
// patterns) and returns how many received it.
func (p *PubSub) Publish(s *Server, channel, msg string) int {
	n := 0
	w := resp.New(2)
	for c := range p.Channels[channel] {
		deliver(c, w, func(w *resp.Writer) {
			w.Push(3)
			w.BulkString("message")
			w.BulkString(channel)
			w.BulkString(msg)
		})
		n++
	}
	for pat, subs := range p.Patterns {
		if !glob.MatchString(pat, channel, false) {
			continue
		}
		for c := range subs {
			deliver(c, w, func(w *resp.Writer) {
				w.Push(4)
				w.BulkString("pmessage")
				w.BulkString(pat)
				w.BulkString(channel)
				w.BulkString(msg)
			})
			n++
		}
	}
	return n
}

// SPublish delivers msg to the subscribers of a shard channel (patterns
// never see shard messages) and returns how many received it.
func (p *PubSub) SPublish(s *Server, channel, msg string) int {
	n := 0
	w := resp.New(2)
	for c := range p.ShardChannels[channel] {
		deliver(c, w, func(w *resp.Writer) {
			w.Push(3)
			w.BulkString("smessage")
			w.BulkString(channel)
			w.BulkString(msg)
		})
		n++
	}
	return n
}

// SubscriptionCount reports the client's channel+pattern subscriptions.
func (c *Client) SubscriptionCount() int { return len(c.Channels) + len(c.Patterns) }

// ShardSubscriptionCount reports the client's shard-channel subscriptions.
func (c *Client) ShardSubscriptionCount() int { return len(c.ShardChannels) }

// Subscription kinds for Subscribe and Unsubscribe.
const (
	SubChannel = iota
	SubPattern
	SubShard
)

func (p *PubSub) tables(c *Client, kind int) (server map[string]map[*Client]struct{}, client *map[string]struct{}) {
	switch kind {
	case SubPattern:
		return p.Patterns, &c.Patterns
	case SubShard:
		return p.ShardChannels, &c.ShardChannels
	}
	return p.Channels, &c.Channels
}

// Subscribe adds c to name's subscribers and reports whether it was new.
// It does not reply and does not set ClientPubSub.
func (p *PubSub) Subscribe(c *Client, kind int, name string) bool {
	srv, cli := p.tables(c, kind)
	if *cli == nil {
		*cli = map[string]struct{}{}
	}
	if _, ok := (*cli)[name]; ok {
		return false
	}
	(*cli)[name] = struct{}{}
	m := srv[name]
	if m == nil {
		m = map[*Client]struct{}{}
		srv[name] = m
	}
	m[c] = struct{}{}
	return true
}

// Unsubscribe removes c from name's subscribers and reports whether it was
// subscribed. The caller clears ClientPubSub when nothing is left.
func (p *PubSub) Unsubscribe(c *Client, kind int, name string) bool {
	srv, cli := p.tables(c, kind)
	if _, ok := (*cli)[name]; !ok {
		return false
	}
	delete(*cli, name)
	if m := srv[name]; m != nil {
		delete(m, c)
		if len(m) == 0 {
			delete(srv, name)
		}
	}
	return true
}

// Subscriptions returns c's subscriptions of one kind, sorted so replies
// are stable.
func (c *Client) Subscriptions(kind int) []string {
	var m map[string]struct{}
	switch kind {
	case SubPattern:
		m = c.Patterns
	case SubShard:
		m = c.ShardChannels
	default:
		m = c.Channels
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// UnsubscribeAll drops every subscription of c without replying (RESET,
// disconnect).
func (p *PubSub) UnsubscribeAll(c *Client) { p.unsubscribeAll(c) }

func (p *PubSub) unsubscribeAll(c *Client) {
	for ch := range c.Channels {
		if m := p.Channels[ch]; m != nil {
			delete(m, c)
			if len(m) == 0 {
				delete(p.Channels, ch)
			}
		}
	}
	for ch := range c.Patterns {
		if m := p.Patterns[ch]; m != nil {
			delete(m, c)
			if len(m) == 0 {
				delete(p.Patterns, ch)
			}
		}
	}
	for ch := range c.ShardChannels {
		if m := p.ShardChannels[ch]; m != nil {
			delete(m, c)
			if len(m) == 0 {
				delete(p.ShardChannels, ch)
			}
		}
	}
	c.Channels, c.Patterns, c.ShardChannels = nil, nil, nil
	c.Flags &^= ClientPubSub
}

// flushPendingPush appends the messages deferred while c ran a command
// after its reply.
func (c *Client) flushPendingPush() {
	if len(c.pendingPush) > 0 {
		c.W.Raw(c.pendingPush)
		c.pendingPush = c.pendingPush[:0]
	}
}

// pushAsReply reports the commands whose reply is a push (Redis's
// cmdHasPushAsReply): CLIENT REPLY OFF does not silence them.
func pushAsReply(name string) bool {
	switch name {
	case "subscribe", "psubscribe", "ssubscribe", "unsubscribe", "punsubscribe", "sunsubscribe":
		return true
	}
	return false
}
