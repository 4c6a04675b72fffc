package capi

/*
#include "capi.h"
*/
import "C"

import (
	"unsafe"

	"modhost/engine"
)

// getChannelsAPI calls a getchannels-api command in channel-position
// mode and returns the channels it reported (Redis's
// moduleGetCommandChannelsViaAPI). The call has no client; its reply, if
// the module writes one, is dropped.
func (h *Host) getChannelsAPI(mc *moduleCommand, args [][]byte) []engine.ChannelRef {
	buf, lens := flatten(args)
	var res C.mh_call_result
	C.mh_invoke_cmd(mc.c, 0, 2, 0, 0, bufPtr(buf), lensPtr(lens), C.int(len(args)), C.MH_CTX_CHANNELS_POS_REQ, &res)
	if res.nkeys <= 0 {
		return nil
	}
	out := make([]engine.ChannelRef, int(res.nkeys))
	pos := unsafe.Slice(res.keys, int(res.nkeys))
	flags := unsafe.Slice(res.keys_flags, int(res.nkeys))
	for i := range out {
		out[i] = engine.ChannelRef{Pos: int(pos[i]), Flags: int(flags[i])}
	}
	return out
}
