package capi

/*
#include "capi.h"
#include <stdlib.h>
*/
import "C"

import "unsafe"

// Replication server events. The replication layer (package repl) calls
// these through its Events hooks, under the execution lock.
const (
	eventRoleChanged   = 0
	eventReplicaChange = 6
	eventMasterLink    = 7
)

// FireRoleChanged fires ReplicationRoleChanged (NOW_MASTER or
// NOW_REPLICA) with a RedisModuleReplicationInfoV1 describing the new
// state; its strings live until the callbacks return.
func (h *Host) FireRoleChanged(master bool, masterHost string, masterPort int, replID, replID2 string, offset, offset2 int64) {
	if !h.hasListeners(eventRoleChanged) {
		return
	}
	ri := (*C.RedisModuleReplicationInfoV1)(C.calloc(1, C.sizeof_RedisModuleReplicationInfoV1))
	defer C.free(unsafe.Pointer(ri))
	strs := []*C.char{C.CString(masterHost), C.CString(replID), C.CString(replID2)}
	defer func() {
		for _, s := range strs {
			C.free(unsafe.Pointer(s))
		}
	}()
	ri.version = 1
	sub := uint64(1) // REDISMODULE_EVENT_REPLROLECHANGED_NOW_REPLICA
	if master {
		ri.master = 1
		sub = 0
	}
	ri.masterhost, ri.replid1, ri.replid2 = strs[0], strs[1], strs[2]
	ri.masterport = C.int(masterPort)
	ri.repl1_offset = C.uint64_t(offset)
	ri.repl2_offset = C.uint64_t(offset2)
	h.fire(eventRoleChanged, sub, unsafe.Pointer(ri), 0, nil, nil)
}

// FireReplicaChange fires ReplicaChange: ONLINE (0) when a replica's sync
// finished, OFFLINE (1) when an online replica went away. No data.
func (h *Host) FireReplicaChange(online bool) {
	sub := uint64(1)
	if online {
		sub = 0
	}
	h.fire(eventReplicaChange, sub, nil, 0, nil, nil)
}

// FireMasterLink fires MasterLinkChange: UP (0) when the link to our
// master is established, DOWN (1) when it is lost. No data.
func (h *Host) FireMasterLink(up bool) {
	sub := uint64(1)
	if up {
		sub = 0
	}
	h.fire(eventMasterLink, sub, nil, 0, nil, nil)
}
