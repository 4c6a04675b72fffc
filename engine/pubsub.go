package engine

import (
	"modhost/internal/glob"
	"modhost/resp"
)

// PubSub tracks channel and pattern subscriptions. Lock held for all use.
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

// Publish delivers msg to every subscriber of channel (and of matching
// patterns) and returns how many received it.
func (p *PubSub) Publish(s *Server, channel, msg string) int {
	n := 0
	w := resp.New(2)
	for c := range p.Channels[channel] {
		w.Proto = c.Resp
		w.Reset()
		w.Push(3)
		w.BulkString("message")
		w.BulkString(channel)
		w.BulkString(msg)
		c.Queue(w.Buf)
		n++
	}
	for pat, subs := range p.Patterns {
		if !glob.MatchString(pat, channel, false) {
			continue
		}
		for c := range subs {
			w.Proto = c.Resp
			w.Reset()
			w.Push(4)
			w.BulkString("pmessage")
			w.BulkString(pat)
			w.BulkString(channel)
			w.BulkString(msg)
			c.Queue(w.Buf)
			n++
		}
	}
	return n
}

// SubscriptionCount reports the client's channel+pattern subscriptions.
func (c *Client) SubscriptionCount() int { return len(c.Channels) + len(c.Patterns) }

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
