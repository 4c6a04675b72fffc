package config

import (
	"errors"
	"strconv"
	"strings"
)

// ModuleValue carries a module config value across the callbacks: Int for
// bool (0/1), numeric and enum configs; Str and Null for string configs.
type ModuleValue struct {
	Int  int64
	Str  string
	Null bool
}

// ModuleConfig describes a config a module registers (RM_RegisterXConfig).
// The module owns the value: CONFIG GET calls Get, CONFIG SET and the
// config file call Set, and after a successful CONFIG SET Apply runs once
// per ApplyKey (Redis calls a module's apply function once per command).
type ModuleConfig struct {
	Name    string // "<module>.<name>"
	Kind    Kind   // KindBool, KindNumeric, KindString or KindEnum
	Flags   Flag   // FlagImmutable, FlagSensitive, FlagHidden, FlagProtected, FlagDenyLoading ...
	Default string // in config-file syntax ("yes", "10", a name of Enum)
	// NullDefault: a string config whose default is NULL.
	NullDefault bool
	Min, Max    int64
	Num         NumFlag
	Enum        []EnumValue

	Get func() ModuleValue
	// Set stores a validated value; its error text is shown as the CONFIG
	// SET (or fatal config) error.
	Set      func(ModuleValue) error
	Apply    func() error
	ApplyKey any // usually the module; nil means "this config alone"
}

func (m *ModuleConfig) applyKey() any {
	if m.ApplyKey != nil {
		return m.ApplyKey
	}
	return m
}

// ErrConfigExists is returned when registering a name already in use.
var ErrConfigExists = errors.New("config name already exists")

// Register adds a module config. Its name must be new and contain a dot.
func (c *Config) Register(mc *ModuleConfig) error {
	name := strings.ToLower(mc.Name)
	if !strings.Contains(name, ".") {
		return errors.New("module config name must be <module>.<name>")
	}
	d := &Directive{Name: name, Kind: mc.Kind, Flags: mc.Flags | FlagModule, Default: mc.Default,
		NullDefault: mc.NullDefault, Min: mc.Min, Max: mc.Max, Num: mc.Num, Enum: mc.Enum}
	c.mu.Lock()
	defer c.mu.Unlock()
	tab := c.tab.Load()
	old := tab.byName
	if _, ok := old[name]; ok {
		return ErrConfigExists
	}
	v := &Var{d: d, mod: mc}
	v.def = &value{}
	m := make(map[string]*Var, len(old)+1)
	for k, x := range old {
		m[k] = x
	}
	m[name] = v
	c.tab.Store(&table{m, append(append([]*Var(nil), tab.order...), v)})
	return nil
}

// Unregister removes a module config (when its module unloads).
func (c *Config) Unregister(name string) {
	name = strings.ToLower(name)
	c.mu.Lock()
	defer c.mu.Unlock()
	tab := c.tab.Load()
	old := tab.byName
	v, ok := old[name]
	if !ok || v.mod == nil {
		return
	}
	m := make(map[string]*Var, len(old))
	for k, x := range old {
		if x != v {
			m[k] = x
		}
	}
	order := make([]*Var, 0, len(tab.order))
	for _, x := range tab.order {
		if x != v {
			order = append(order, x)
		}
	}
	c.tab.Store(&table{m, order})
}

// SetModuleDefault stores a module config's default through its Set
// callback (RM_LoadConfigs for configs the file did not mention).
func (c *Config) SetModuleDefault(name string) error {
	v := c.Lookup(name)
	if v == nil || v.mod == nil {
		return errors.New("Config name not found")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v.mod.Kind == KindString && v.mod.NullDefault {
		return v.mod.Set(ModuleValue{Null: true})
	}
	if _, e := c.setModuleArgs(v, []string{v.mod.Default}, true); e != "" {
		return errors.New(e)
	}
	return nil
}

// SetModuleValue sets a module config from text (a queued config-file
// value, RM_LoadConfigs). Multi-word values are split on spaces.
func (c *Config) SetModuleValue(name, val string) error {
	v := c.Lookup(name)
	if v == nil || v.mod == nil {
		return errors.New("Config name not found")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, e := c.setModule(v, splitSetValue(v, val)); e != "" {
		return errors.New(e)
	}
	return nil
}

// TakeModuleConfig removes and returns a value queued from the config file
// for a module config ("<module>.<name> value" lines are kept until the
// module loads).
func (c *Config) TakeModuleConfig(name string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	name = strings.ToLower(name)
	v, ok := c.moduleQueue[name]
	if ok {
		delete(c.moduleQueue, name)
	}
	return v, ok
}

// PendingModuleConfigs lists queued module config names no module has
// claimed yet (Redis refuses to start if any remain after loading modules).
func (c *Config) PendingModuleConfigs() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, k := range c.moduleQueueKey {
		if _, ok := c.moduleQueue[k]; ok {
			out = append(out, k)
		}
	}
	return out
}

func (c *Config) setModule(v *Var, args []string) (bool, string) {
	return c.setModuleArgs(v, args, false)
}

func (c *Config) setModuleArgs(v *Var, args []string, force bool) (bool, string) {
	mc := v.mod
	if mc.Kind != KindEnum && len(args) != 1 {
		if len(args) == 0 {
			args = []string{""}
		} else {
			return false, "wrong number of arguments"
		}
	}
	var nv ModuleValue
	switch mc.Kind {
	case KindString:
		nv.Str = args[0]
	default:
		pv, e := parseValue(v.d, args, nil, false)
		if e != "" {
			return false, e
		}
		nv.Int = pv.n
	}
	prev := mc.Get()
	if !force && prev == nv {
		return false, ""
	}
	if err := mc.Set(nv); err != nil {
		return false, err.Error()
	}
	return true, ""
}

// moduleText prints a module value as CONFIG GET does.
func moduleText(mc *ModuleConfig, mv ModuleValue) string {
	switch mc.Kind {
	case KindBool:
		return boolText(mv.Int != 0)
	case KindNumeric:
		d := Directive{Num: mc.Num}
		return numericText(&d, mv.Int)
	case KindEnum:
		d := Directive{Enum: mc.Enum, Flags: mc.Flags}
		return enumText(&d, mv.Int)
	case KindString:
		return mv.Str
	}
	return strconv.FormatInt(mv.Int, 10)
}
