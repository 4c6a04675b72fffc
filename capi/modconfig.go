package capi

/*
#include <stdlib.h>
#include "capi.h"
#include "events.h"
*/
import "C"

import (
	"errors"
	"strconv"
	"strings"
	"unsafe"

	"modhost/config"
)

// moduleConfigs are the configs one module registered, in order.
type moduleConfigs struct {
	list []*modConfig
	// loaded is set by LoadConfigs; a module with configs must call it.
	loaded bool
}

// modConfig is one RM_Register*Config config.
type modConfig struct {
	c    *C.mh_modconfig
	name string // as registered
	full string // "<module>.<name>"
	kind int
	// bitflagsDefault is the default of a flags enum, set directly (its
	// text form is several words, which the config table's default path
	// does not split).
	bitflagsDefault *int64
}

// Config kinds as shim/modconfig.c numbers them.
const (
	cfgBool = iota
	cfgNumeric
	cfgString
	cfgEnum
)

// REDISMODULE_CONFIG_* flags.
const (
	cfgFlagImmutable   = 1 << 0
	cfgFlagHidden      = 1 << 4
	cfgFlagProtected   = 1 << 5
	cfgFlagDenyLoading = 1 << 6
	cfgFlagMemory      = 1 << 7
	cfgFlagBitflags    = 1 << 8
)

// configErr turns a module's error string (malloc memory, may be NULL)
// into an error; an empty text makes CONFIG SET's error without detail.
func configErr(p *C.char, n C.size_t) error {
	if p == nil {
		return errors.New("")
	}
	defer C.free(unsafe.Pointer(p))
	return errors.New(C.GoStringN(p, C.int(n)))
}

// registerConfig adds a module config to the server's config table and
// returns an errno (0 on success).
func (h *Host) registerConfig(m *Module, c *C.mh_modconfig, name string, kind int, flags uint, defStr string, defNull bool,
	defInt, min, max int64, enum []config.EnumValue) C.int {
	cfg := h.Eng.Cfg()
	if cfg == nil {
		return C.int(C.ENOTSUP)
	}
	ev := h.ev()
	mc := ev.configs[m.Handle]
	if mc == nil {
		mc = &moduleConfigs{}
		ev.configs[m.Handle] = mc
	}
	for _, x := range mc.list {
		if x.name == name {
			h.Log.Logf(levelWarning, "Configuration by the name: %s already registered", name)
			return C.int(C.EALREADY)
		}
	}
	full := m.Name + "." + name
	d := &config.ModuleConfig{Name: full}
	if flags&cfgFlagImmutable != 0 {
		d.Flags |= config.FlagImmutable
	}
	if flags&cfgFlagHidden != 0 {
		d.Flags |= config.FlagHidden
	}
	if flags&cfgFlagProtected != 0 {
		d.Flags |= config.FlagProtected
	}
	if flags&cfgFlagDenyLoading != 0 {
		d.Flags |= config.FlagDenyLoading
	}
	switch kind {
	case cfgBool:
		d.Kind = config.KindBool
		d.Default = "no"
		if defInt != 0 {
			d.Default = "yes"
		}
	case cfgNumeric:
		d.Kind = config.KindNumeric
		d.Min, d.Max = min, max
		d.Default = strconv.FormatInt(defInt, 10)
		if flags&cfgFlagMemory != 0 {
			d.Num = config.NumMemory
		}
	case cfgString:
		d.Kind = config.KindString
		d.Default, d.NullDefault = defStr, defNull
	case cfgEnum:
		d.Kind = config.KindEnum
		d.Enum = enum
		if flags&cfgFlagBitflags != 0 {
			d.Flags |= config.FlagMultiArg
		}
		d.Default = enumName(enum, int(defInt), flags&cfgFlagBitflags != 0)
	}
	if kind == cfgString {
		d.Get = func() config.ModuleValue {
			var p *C.char
			var n C.size_t
			if C.mh_config_get_string(c, &p, &n) == 0 {
				return config.ModuleValue{Null: true}
			}
			return config.ModuleValue{Str: C.GoStringN(p, C.int(n))}
		}
		d.Set = func(v config.ModuleValue) error {
			var e *C.char
			var en C.size_t
			var rc C.int
			if v.Null {
				rc = C.mh_config_set_string(c, nil, 0, &e, &en)
			} else {
				p := C.CBytes(append([]byte(v.Str), 0))
				rc = C.mh_config_set_string(c, (*C.char)(p), C.size_t(len(v.Str)), &e, &en)
				C.free(p)
			}
			if rc != C.REDISMODULE_OK {
				return configErr(e, en)
			}
			if e != nil {
				C.free(unsafe.Pointer(e))
			}
			return nil
		}
	} else {
		d.Get = func() config.ModuleValue { return config.ModuleValue{Int: int64(C.mh_config_get_int(c))} }
		d.Set = func(v config.ModuleValue) error {
			var e *C.char
			var en C.size_t
			if C.mh_config_set_int(c, C.longlong(v.Int), &e, &en) != C.REDISMODULE_OK {
				return configErr(e, en)
			}
			if e != nil {
				C.free(unsafe.Pointer(e))
			}
			return nil
		}
	}
	if fn := C.mh_config_apply_fn(c); fn != nil {
		// Redis applies once per (apply function, privdata) pair.
		d.ApplyKey = [2]uintptr{uintptr(fn), uintptr(C.mh_config_privdata(c))}
		d.Apply = func() error {
			var e *C.char
			var en C.size_t
			if C.mh_config_apply(c, &e, &en) != C.REDISMODULE_OK {
				return configErr(e, en)
			}
			if e != nil {
				C.free(unsafe.Pointer(e))
			}
			return nil
		}
	}
	if err := cfg.Register(d); err != nil {
		return C.int(C.EALREADY)
	}
	x := &modConfig{c: c, name: name, full: strings.ToLower(full), kind: kind}
	if kind == cfgEnum && flags&cfgFlagBitflags != 0 {
		x.bitflagsDefault = &defInt
	}
	mc.list = append(mc.list, x)
	return 0
}

// enumName is the config-file text of an enum value: its name, or for a
// flags enum the names whose bits it holds.
func enumName(enum []config.EnumValue, v int, bitflags bool) string {
	for _, e := range enum {
		if e.Value == v {
			return e.Name
		}
	}
	if !bitflags {
		if len(enum) > 0 {
			return enum[0].Name
		}
		return ""
	}
	var names []string
	rest := v
	for _, e := range enum {
		if e.Value != 0 && rest&e.Value == e.Value {
			names = append(names, e.Name)
			rest &^= e.Value
		}
	}
	return strings.Join(names, " ")
}

// loadConfigs is RM_LoadConfigs: each config of m gets the value queued
// for it from the config file, else its default.
func (h *Host) loadConfigs(m *Module) bool {
	cfg := h.Eng.Cfg()
	mc := h.ev().configs[m.Handle]
	if mc == nil {
		mc = &moduleConfigs{}
		h.ev().configs[m.Handle] = mc
	}
	if cfg != nil {
		loadex := h.ev().loadex
		for _, x := range mc.list {
			v, ok := loadex[x.full]
			if ok {
				delete(loadex, x.full)
			} else {
				v, ok = cfg.TakeModuleConfig(x.full)
			}
			if ok {
				if err := cfg.SetModuleValue(x.full, v); err != nil {
					h.Log.Logf(levelWarning, "Issue during loading of configuration %s : %s", x.full, err.Error())
					return false
				}
				continue
			}
			if x.bitflagsDefault != nil {
				var e *C.char
				var en C.size_t
				if C.mh_config_set_int(x.c, C.longlong(*x.bitflagsDefault), &e, &en) != C.REDISMODULE_OK {
					h.Log.Logf(levelWarning, "Issue attempting to set default value of configuration %s : %s", x.name, configErr(e, en).Error())
					return false
				}
				if e != nil {
					C.free(unsafe.Pointer(e))
				}
				continue
			}
			if err := cfg.SetModuleDefault(x.full); err != nil {
				h.Log.Logf(levelWarning, "Issue attempting to set default value of configuration %s : %s", x.name, err.Error())
				return false
			}
		}
	}
	mc.loaded = true
	return true
}

// dropConfigs removes an unloaded module's configs.
func (h *Host) dropConfigs(m *Module) {
	ev := h.ev()
	mc := ev.configs[m.Handle]
	if mc == nil {
		return
	}
	cfg := h.Eng.Cfg()
	for _, x := range mc.list {
		if cfg != nil {
			cfg.Unregister(x.full)
		}
		C.mh_config_free(x.c)
	}
	delete(ev.configs, m.Handle)
}
