package capi

/*
#include "capi.h"
*/
import "C"

import (
	"strings"
	"unsafe"

	"modhost/engine"
)

// moduleCommand is the Private payload of a module command's Spec.
type moduleCommand struct {
	m *Module
	c *C.RedisModuleCommand
	// id is what C stores to refer back to the Spec.
	id uint64
	// info is what SetCommandInfo set beyond the Spec's own fields.
	info cmdInfo
}

// commandFlags maps CreateCommand's flag words to engine flags. The
// boolean is false for words only modules use that have no engine flag
// but are valid.
var commandFlagWords = map[string]engine.Flag{
	"write":             engine.FlagWrite,
	"readonly":          engine.FlagReadonly,
	"admin":             engine.FlagAdmin,
	"deny-oom":          engine.FlagDenyOOM,
	"deny-script":       engine.FlagNoScript,
	"allow-loading":     engine.FlagLoading,
	"pubsub":            engine.FlagPubSub,
	"random":            0,
	"allow-stale":       engine.FlagStale,
	"no-monitor":        engine.FlagSkipMonitor,
	"no-slowlog":        engine.FlagSkipSlowlog,
	"fast":              engine.FlagFast,
	"getkeys-api":       engine.FlagModuleGetKeys,
	"no-cluster":        engine.FlagModuleNoCluster,
	"no-auth":           engine.FlagNoAuth,
	"may-replicate":     engine.FlagMayReplicate,
	"no-mandatory-keys": engine.FlagNoMandatoryKeys,
	"blocking":          engine.FlagBlocking,
	"allow-busy":        engine.FlagAllowBusy,
	"getchannels-api":   engine.FlagModuleGetChannels,
}

// parseCommandFlags parses a CreateCommand flag string; ok is false when
// a word is unknown, which makes CreateCommand fail as in Redis.
func parseCommandFlags(s string) (engine.Flag, bool) {
	var f engine.Flag
	for _, w := range strings.Fields(strings.ToLower(s)) {
		v, ok := commandFlagWords[w]
		if !ok {
			return 0, false
		}
		f |= v
	}
	return f | engine.FlagModule, true
}

var commandsByID = map[uint64]*engine.Spec{}
var nextCommandID uint64

// createCommand registers a module command (or subcommand when parentID
// is not 0). It returns the new command id, or 0 on failure.
func (m *Module) createCommand(parentID uint64, name string, c *C.RedisModuleCommand, flags string, first, last, step int) uint64 {
	if !m.loading {
		return 0
	}
	f, ok := parseCommandFlags(flags)
	if !ok {
		return 0
	}
	// Redis's isCommandNameValid.
	if strings.ContainsAny(name, " \r\n|@=,") {
		return 0
	}
	nextCommandID++
	mc := &moduleCommand{m: m, c: c, id: nextCommandID}
	// Default arities as in Redis: -1, or -2 for a container (no
	// function) and for every subcommand; SetCommandInfo may change them.
	arity := -1
	if parentID != 0 || !commandHasFunc(c) {
		arity = -2
	}
	spec := &engine.Spec{
		Name:    name,
		Arity:   arity,
		Flags:   f,
		Module:  m.Name,
		Private: mc,
	}
	if first != 0 {
		// The legacy triple becomes a key spec with full-access flags.
		ks := engine.KeySpec{Flags: append([]string(nil), engine.FullAccessKeyFlags...), Index: first, LastKey: last, KeyStep: step}
		if last >= 0 {
			ks.LastKey = last - first
		}
		if f&engine.FlagModuleGetKeys != 0 {
			ks.Flags = append(ks.Flags, "variable_flags")
		}
		spec.KeySpecs = []engine.KeySpec{ks}
	}
	engine.PopulateLegacyRange(spec)
	if f&engine.FlagModuleGetKeys != 0 {
		spec.GetKeysWithFlags = func(args [][]byte) []engine.KeyRef { return m.host.getKeysAPI(mc, args) }
		spec.GetKeys = func(args [][]byte) []int {
			refs := m.host.getKeysAPI(mc, args)
			out := make([]int, len(refs))
			for i, r := range refs {
				out[i] = r.Pos
			}
			return out
		}
	}
	if f&engine.FlagModuleGetChannels != 0 {
		spec.GetChannels = func(args [][]byte) []engine.ChannelRef { return m.host.getChannelsAPI(mc, args) }
	}
	spec.Run = func(ctx *engine.Ctx) { m.host.invoke(mc, ctx) }
	if parentID != 0 {
		parent := commandsByID[parentID]
		if parent == nil || parent.Parent != nil {
			return 0
		}
		// A container is a pure container: it has no function of its own.
		if pmc, ok := parent.Private.(*moduleCommand); !ok || commandHasFunc(pmc.c) {
			return 0
		}
		if !m.host.Eng.Commands.AddSub(parent, spec) {
			return 0
		}
	} else if !m.host.Eng.Commands.TryAdd(spec) {
		return 0
	}
	commandsByID[mc.id] = spec
	m.commands = append(m.commands, spec)
	return mc.id
}

// invoke runs a module command for the engine.
func (h *Host) invoke(mc *moduleCommand, ctx *engine.Ctx) {
	buf, lens := flatten(ctx.Args)
	var res C.mh_call_result
	C.mh_invoke_cmd(mc.c, C.uint64_t(ctx.C.ID), C.int(ctx.C.Resp), 0, C.int(ctx.C.DB.ID),
		bufPtr(buf), lensPtr(lens), C.int(len(ctx.Args)), 0, &res)
	if res.reply_len > 0 {
		reply := unsafe.Slice((*byte)(unsafe.Pointer(res.reply)), int(res.reply_len))
		ctx.W.Raw(reply)
		if reply[0] == '-' {
			end := len(reply)
			if i := strings.IndexByte(string(reply), ' '); i > 0 && i < end {
				end = i
			}
			ctx.S.CountError(string(reply[1:end]))
		}
	}
}

// getKeysAPI asks a getkeys-api command for its keys and their flags
// (COMMAND GETKEYS, RedisModule_GetCommandKeys, ACL checks).
func (h *Host) getKeysAPI(mc *moduleCommand, args [][]byte) []engine.KeyRef {
	buf, lens := flatten(args)
	var res C.mh_call_result
	C.mh_invoke_cmd(mc.c, 0, 2, 0, 0, bufPtr(buf), lensPtr(lens), C.int(len(args)), C.MH_CTX_KEYS_POS_REQ, &res)
	out := make([]engine.KeyRef, int(res.nkeys))
	if res.nkeys > 0 {
		keys := unsafe.Slice(res.keys, int(res.nkeys))
		flags := unsafe.Slice(res.keys_flags, int(res.nkeys))
		for i, k := range keys {
			out[i] = engine.KeyRef{Pos: int(k), Flags: engine.KeyFlagWords(uint64(uint32(flags[i])))}
		}
	}
	return out
}
