package commands

import (
	"strings"

	"modhost/engine"
)

// Client-side caching commands: CLIENT TRACKING, CACHING, GETREDIR and
// TRACKINGINFO (registered in client.go). The bookkeeping and the
// invalidation messages are engine/tracking.go's.

// cmdClientTracking is CLIENT TRACKING ON|OFF [REDIRECT id] [PREFIX p]...
// [BCAST] [OPTIN] [OPTOUT] [NOLOOP]. Options are parsed first (syntax and
// redirect errors win over ON/OFF), then ON checks them against each
// other and against the client's current mode, in Redis's order.
func cmdClientTracking(c *engine.Ctx) {
	var redirect int64
	var opts int
	var prefixes []string
	for j := 3; j < len(c.Args); j++ {
		more := len(c.Args)-1-j > 0
		switch opt := strings.ToLower(c.Arg(j)); {
		case opt == "redirect" && more:
			j++
			if redirect != 0 {
				c.Error(msgTrackingOneRedirect)
				return
			}
			id, ok := parseInt64(c.Args[j])
			if !ok {
				c.Error(msgNotInteger)
				return
			}
			if c.S.Clients[id] == nil {
				c.Error(msgTrackingNoRedirect)
				return
			}
			redirect = id
		case opt == "bcast":
			opts |= engine.TrackBcast
		case opt == "optin":
			opts |= engine.TrackOptIn
		case opt == "optout":
			opts |= engine.TrackOptOut
		case opt == "noloop":
			opts |= engine.TrackNoLoop
		case opt == "prefix" && more:
			j++
			prefixes = append(prefixes, c.Arg(j))
		default:
			c.Error(msgSyntax)
			return
		}
	}
	switch strings.ToLower(c.Arg(2)) {
	case "on":
		if !trackingOptionsOK(c, opts, prefixes) {
			return
		}
		c.S.EnableTracking(c.C, redirect, opts, prefixes)
	case "off":
		c.S.DisableTracking(c.C)
	default:
		c.Error(msgSyntax)
		return
	}
	c.W.OK()
}

// trackingOptionsOK checks CLIENT TRACKING ON's options; it replies the
// error itself. An overlap between two given prefixes past the first one
// is reported and yet lets tracking go on (Redis answers both the error
// and OK then).
func trackingOptionsOK(c *engine.Ctx, opts int, prefixes []string) bool {
	cur := c.C.Tracking.Flags
	on := c.C.Flags&engine.ClientTracking != 0
	switch {
	case opts&engine.TrackBcast == 0 && len(prefixes) > 0:
		c.Error(msgTrackingPrefixBcast)
	case on && (cur&engine.TrackBcast != 0) != (opts&engine.TrackBcast != 0):
		c.Error(msgTrackingBcastSwitch)
	case opts&engine.TrackBcast != 0 && opts&(engine.TrackOptIn|engine.TrackOptOut) != 0:
		c.Error(msgTrackingOptBcast)
	case opts&engine.TrackOptIn != 0 && opts&engine.TrackOptOut != 0:
		c.Error(msgTrackingOptBoth)
	case opts&engine.TrackOptIn != 0 && cur&engine.TrackOptOut != 0,
		opts&engine.TrackOptOut != 0 && cur&engine.TrackOptIn != 0:
		c.Error(msgTrackingOptSwitch)
	case opts&engine.TrackBcast != 0:
		msg, stop := c.S.PrefixOverlap(c.C, prefixes)
		if msg != "" {
			c.Error(msg)
		}
		return !stop
	default:
		return true
	}
	return false
}

// cmdClientCaching is CLIENT CACHING YES|NO: whether the next command's
// reads are remembered, in OPTIN and OPTOUT mode respectively.
func cmdClientCaching(c *engine.Ctx) {
	if c.C.Flags&engine.ClientTracking == 0 {
		c.Error(msgCachingNoTracking)
		return
	}
	switch strings.ToLower(c.Arg(2)) {
	case "yes":
		if c.C.Tracking.Flags&engine.TrackOptIn == 0 {
			c.Error(msgCachingYesOptIn)
			return
		}
	case "no":
		if c.C.Tracking.Flags&engine.TrackOptOut == 0 {
			c.Error(msgCachingNoOptOut)
			return
		}
	default:
		c.Error(msgSyntax)
		return
	}
	c.C.Tracking.Flags |= engine.TrackCaching
	c.W.OK()
}

// trackingRedirect is GETREDIR's and TRACKINGINFO's redirect: -1 when
// tracking is off, 0 when on without a redirect.
func trackingRedirect(c *engine.Client) int64 {
	if c.Flags&engine.ClientTracking == 0 {
		return -1
	}
	return c.Tracking.Redirect
}

func cmdClientGetredir(c *engine.Ctx) { c.W.Int(trackingRedirect(c.C)) }

// cmdClientTrackinginfo answers a map of flags (a set), redirect and
// prefixes, with the flags in Redis's order.
func cmdClientTrackinginfo(c *engine.Ctx) {
	f := c.C.Tracking.Flags
	flags := []string{"off"}
	if c.C.Flags&engine.ClientTracking != 0 {
		flags[0] = "on"
	}
	if f&engine.TrackBcast != 0 {
		flags = append(flags, "bcast")
	}
	if f&engine.TrackOptIn != 0 {
		flags = append(flags, "optin")
		if f&engine.TrackCaching != 0 {
			flags = append(flags, "caching-yes")
		}
	}
	if f&engine.TrackOptOut != 0 {
		flags = append(flags, "optout")
		if f&engine.TrackCaching != 0 {
			flags = append(flags, "caching-no")
		}
	}
	if f&engine.TrackNoLoop != 0 {
		flags = append(flags, "noloop")
	}
	if f&engine.TrackBrokenRedir != 0 {
		flags = append(flags, "broken_redirect")
	}
	c.W.Map(3)
	c.W.BulkString("flags")
	c.W.Set(len(flags))
	for _, s := range flags {
		c.W.BulkString(s)
	}
	c.W.BulkString("redirect")
	c.W.Int(trackingRedirect(c.C))
	c.W.BulkString("prefixes")
	c.W.Array(len(c.C.Tracking.Prefixes))
	for _, p := range c.C.Tracking.Prefixes {
		c.W.BulkString(p)
	}
}
