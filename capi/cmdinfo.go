package capi

/*
#include <stdlib.h>
#include "capi.h"
int mh_command_has_func(RedisModuleCommand *c);
*/
import "C"

import (
	"encoding/binary"
	"strings"
	"syscall"
	"unsafe"

	"modhost/engine"
	"modhost/resp"
)

// cmdInfo is what RedisModule_SetCommandInfo set on a command beyond the
// Spec's own fields. The *Set booleans record which fields the module
// gave (even empty), because Redis refuses a second SetCommandInfo once
// any documentation field is present.
type cmdInfo struct {
	summarySet, complexitySet, sinceSet, tipsSet bool
	historySet                                   bool
	history                                      [][2]string
	argsSet                                      bool
	args                                         []engine.DocArg
}

// commandHasFunc reports whether the module gave the command a function
// (a container command has none).
func commandHasFunc(c *C.RedisModuleCommand) bool { return C.mh_command_has_func(c) != 0 }

// ciReader unpacks the buffer shim/cmdinfo.c packs: native int64s and
// strings given as a length (-1 for NULL) and bytes.
type ciReader struct {
	b   []byte
	bad bool
}

func (r *ciReader) int() int64 {
	if len(r.b) < 8 {
		r.bad = true
		return 0
	}
	v := int64(binary.NativeEndian.Uint64(r.b))
	r.b = r.b[8:]
	return v
}

// str returns the string and whether it was non-NULL.
func (r *ciReader) str() (string, bool) {
	n := r.int()
	if n < 0 || r.bad {
		return "", false
	}
	if int64(len(r.b)) < n {
		r.bad = true
		return "", false
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s, true
}

var argTypeNames = []string{"string", "integer", "double", "key", "pattern", "unix-time", "pure-token", "oneof", "block"}

// args reads an argument list; ok is false when the module passed none.
func (r *ciReader) args() (list []engine.DocArg, ok bool) {
	n := r.int()
	if n < 0 || r.bad {
		return nil, false
	}
	list = []engine.DocArg{}
	for i := int64(0); i < n && !r.bad; i++ {
		var a engine.DocArg
		a.Name, _ = r.str()
		t := r.int()
		if t >= 0 && int(t) < len(argTypeNames) {
			a.Type = argTypeNames[t]
		}
		ksi := r.int()
		if a.Type == "key" {
			a.KeySpec = int(ksi) + 1
		}
		a.Token, _ = r.str()
		a.Summary, _ = r.str()
		a.Since, _ = r.str()
		a.Flags = int(r.int()) & 7
		a.Deprecated, _ = r.str()
		a.Display, _ = r.str()
		a.Args, _ = r.args()
		list = append(list, a)
	}
	return list, true
}

// Begin-search and find-keys types, as redismodule.h numbers them.
const (
	bsUnknown = 1
	bsIndex   = 2
	bsKeyword = 3
	fkOmitted = 0
	fkUnknown = 1
	fkRange   = 2
	fkKeyNum  = 3
)

// setCommandInfo applies packed SetCommandInfo data to a module command.
// It returns 0 or an errno (EEXIST when info was already set).
func setCommandInfo(sp *engine.Spec, mc *moduleCommand, data []byte) syscall.Errno {
	in := &mc.info
	// Redis allows a second call only while no documentation is present
	// and the key specs are at most the one the legacy triple made.
	legacyOnly := len(sp.KeySpecs) == 0 || (len(sp.KeySpecs) == 1 && sp.KeySpecs[0].Keyword == "" &&
		!sp.KeySpecs[0].KeyNum && !sp.KeySpecs[0].UnknownBegin && !sp.KeySpecs[0].UnknownFind)
	if in.summarySet || in.complexitySet || in.sinceSet || in.historySet || in.tipsSet || in.argsSet || !legacyOnly {
		return syscall.EEXIST
	}
	r := &ciReader{b: data}
	summary, hasSummary := r.str()
	complexity, hasComplexity := r.str()
	since, hasSince := r.str()
	var history [][2]string
	nh := r.int()
	for i := int64(0); i < nh && !r.bad; i++ {
		s, _ := r.str()
		c, _ := r.str()
		history = append(history, [2]string{s, c})
	}
	tips, hasTips := r.str()
	arity := r.int()
	var specs []engine.KeySpec
	nks := r.int()
	for i := int64(0); i < nks && !r.bad; i++ {
		var ks engine.KeySpec
		ks.Notes, _ = r.str()
		ks.Flags = engine.KeyFlagWords(uint64(r.int()))
		switch r.int() {
		case bsUnknown:
			ks.UnknownBegin = true
			r.int()
			r.str()
			r.int()
		case bsIndex:
			ks.Index = int(r.int())
			r.str()
			r.int()
		default: // keyword
			r.int()
			ks.Keyword, _ = r.str()
			ks.StartFrom = int(r.int())
		}
		fk := r.int()
		a, b, c := int(r.int()), int(r.int()), int(r.int())
		switch fk {
		case fkOmitted:
			// Shorthand for a single key.
			ks.KeyStep = 1
		case fkUnknown:
			ks.UnknownFind = true
		case fkRange:
			ks.LastKey, ks.KeyStep, ks.Limit = a, b, c
		case fkKeyNum:
			ks.KeyNum = true
			ks.KeyNumIdx, ks.FirstKey, ks.KeyStep = a, b, c
		}
		specs = append(specs, ks)
	}
	args, hasArgs := r.args()
	if r.bad {
		return syscall.EINVAL
	}
	if hasSummary {
		sp.Summary, in.summarySet = summary, true
	}
	if hasComplexity {
		sp.Complexity, in.complexitySet = complexity, true
	}
	if hasSince {
		sp.Since, in.sinceSet = since, true
	}
	if nh >= 0 {
		in.history, in.historySet = history, true
	}
	if hasTips {
		in.tipsSet = true
		sp.Tips = nil
		if tips != "" {
			// Split on every single space, as Redis does (so "a  b" has
			// an empty tip in the middle).
			sp.Tips = strings.Split(tips, " ")
		}
	}
	if arity != 0 {
		sp.Arity = int(arity)
	}
	if nks >= 0 {
		sp.KeySpecs = specs
		engine.PopulateLegacyRange(sp)
	}
	if hasArgs {
		in.args, in.argsSet = args, true
	}
	return 0
}

// commandDocFields gives COMMAND DOCS the history and arguments a module
// set with SetCommandInfo.
func commandDocFields(sp *engine.Spec) []engine.DocField {
	mc, ok := sp.Private.(*moduleCommand)
	if !ok {
		return nil
	}
	var out []engine.DocField
	if mc.info.historySet {
		hist := mc.info.history
		out = append(out, engine.DocField{Name: "history", Write: func(w *resp.Writer) {
			w.Set(len(hist))
			for _, h := range hist {
				w.Array(2)
				w.BulkString(h[0])
				w.BulkString(h[1])
			}
		}})
	}
	if mc.info.argsSet {
		args := mc.info.args
		out = append(out, engine.DocField{Name: "arguments", Write: func(w *resp.Writer) { engine.WriteDocArgs(w, args) }})
	}
	return out
}

// registerCommandDocs plugs module command documentation into COMMAND
// DOCS, keeping any hook already there.
func (h *Host) registerCommandDocs() {
	prev := h.Eng.Info.CommandDocs
	h.Eng.Info.CommandDocs = func(sp *engine.Spec) []engine.DocField {
		var out []engine.DocField
		if prev != nil {
			out = prev(sp)
		}
		return append(out, commandDocFields(sp)...)
	}
}

// aclCategoryNames are the categories SetCommandACLCategories accepts
// (Redis's ACL category table).
var aclCategoryNames = []string{"keyspace", "read", "write", "set", "sortedset", "list", "hash", "string",
	"bitmap", "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking", "dangerous",
	"connection", "transaction", "scripting"}

//export goSetCommandInfo
func goSetCommandInfo(id C.uint64_t, data *C.char, n C.longlong) C.int {
	defer guard("SetCommandInfo")
	sp := commandsByID[uint64(id)]
	if sp == nil {
		return C.int(syscall.EINVAL)
	}
	mc := sp.Private.(*moduleCommand)
	return C.int(setCommandInfo(sp, mc, C.GoBytes(unsafe.Pointer(data), C.int(n))))
}

//export goSetCommandACLCategories
func goSetCommandACLCategories(id C.uint64_t, flags *C.char) C.int {
	defer guard("SetCommandACLCategories")
	sp := commandsByID[uint64(id)]
	if sp == nil {
		return C.REDISMODULE_ERR
	}
	cats := []string{}
	words := []string{}
	if s := C.GoString(flags); s != "" {
		// Split on every single space, as Redis does: a doubled space
		// makes an empty, unknown category.
		words = strings.Split(s, " ")
	}
	for _, w := range words {
		found := ""
		for _, c := range aclCategoryNames {
			if strings.EqualFold(c, w) {
				found = c
			}
		}
		if found == "" {
			h, _ := anyHost.Load().(*Host)
			if h != nil {
				h.Log.Logf(levelWarning, "Unrecognized categories flag %s on module load", w)
			}
			return C.REDISMODULE_ERR
		}
		cats = append(cats, found)
	}
	sp.ACL = cats
	return C.REDISMODULE_OK
}

//export goGetCommandKeys
func goGetCommandKeys(buf *C.char, lens *C.size_t, argc C.int, n *C.int, found **C.longlong) C.int {
	defer guard("GetCommandKeys")
	h, _ := anyHost.Load().(*Host)
	if h == nil {
		return C.int(syscall.ENOENT)
	}
	args := make([][]byte, int(argc))
	ls := unsafe.Slice(lens, int(argc))
	off := 0
	for i := range args {
		l := int(ls[i])
		args[i] = C.GoBytes(unsafe.Add(unsafe.Pointer(buf), off), C.int(l))
		off += l
	}
	sp := h.Eng.Commands.Lookup(args[0])
	if sp != nil && len(sp.Subs) > 0 && len(args) >= 2 {
		sp = sp.Subs[strings.ToLower(string(args[1]))]
	}
	if sp == nil {
		return C.int(syscall.ENOENT)
	}
	if !sp.HasKeys() {
		return 0
	}
	if (sp.Arity > 0 && sp.Arity != len(args)) || len(args) < -sp.Arity {
		return C.int(syscall.EINVAL)
	}
	keys := sp.TableKeys(args)
	*n = C.int(len(keys))
	if len(keys) == 0 {
		return 0
	}
	pairs := make([]int64, 0, 2*len(keys))
	for _, k := range keys {
		pairs = append(pairs, int64(k.Pos), int64(engine.KeyFlagBits(k.Flags)))
	}
	*found = (*C.longlong)(C.mh_malloc_copy(unsafe.Pointer(unsafe.SliceData(pairs)), C.size_t(8*len(pairs))))
	return 0
}

//export goServerLog
func goServerLog(level C.int, msg *C.char, n C.int) {
	defer guard("ServerLog")
	if h, _ := anyHost.Load().(*Host); h != nil {
		h.Log.Logf(int(level), "%s", C.GoStringN(msg, n))
	}
}
