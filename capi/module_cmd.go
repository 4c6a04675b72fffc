package capi

import (
	"strings"

	"modhost/engine"
)

// registerModuleCommand adds MODULE and its subcommands to the table.
func (h *Host) registerModuleCommand() {
	acl := []string{"admin", "slow", "dangerous"}
	flags := engine.FlagAdmin | engine.FlagNoScript
	sub := func(name string, arity int, run func(c *engine.Ctx)) *engine.Spec {
		f := flags
		// LOAD, LOADEX and UNLOAD obey enable-module-command, which the
		// engine enforces for protected commands.
		if name == "load" || name == "loadex" || name == "unload" {
			f |= engine.FlagProtected
		}
		return &engine.Spec{Name: name, Arity: arity, Flags: f, ACL: acl, Run: run}
	}
	parent := &engine.Spec{Name: "module", Arity: -2, Flags: 0, ACL: []string{"slow"}, Summary: "A container for module commands", Subs: map[string]*engine.Spec{}}
	for _, s := range []*engine.Spec{
		sub("help", 2, h.cmdModuleHelp),
		sub("list", 2, h.cmdModuleList),
		sub("load", -3, h.cmdModuleLoad),
		sub("loadex", -3, h.cmdModuleLoadex),
		sub("unload", 3, h.cmdModuleUnload),
	} {
		parent.Subs[s.Name] = s
	}
	h.Eng.Commands.Add(parent)
}

func (h *Host) cmdModuleHelp(c *engine.Ctx) {
	lines := []string{
		"MODULE <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
		"LIST",
		"    Return a list of loaded modules.",
		"LOAD <path> [<arg> ...]",
		"    Load a module library from <path>, passing to it any optional arguments.",
		"LOADEX <path> [[CONFIG NAME VALUE] [CONFIG NAME VALUE]] [ARGS ...]",
		"    Load a module library from <path>, while passing it module configurations and optional arguments.",
		"UNLOAD <name>",
		"    Unload a module.",
		"HELP",
		"    Prints this help.",
	}
	c.W.Array(len(lines))
	for _, l := range lines {
		c.W.Simple(l)
	}
}

func (h *Host) cmdModuleList(c *engine.Ctx) { h.writeModuleList(c.W) }

func (h *Host) cmdModuleLoad(c *engine.Ctx) {
	args := make([]string, 0, len(c.Args)-3)
	for _, a := range c.Args[3:] {
		args = append(args, string(a))
	}
	if _, err := h.Load(string(c.Args[2]), args); err != nil {
		c.Error(err.Error())
		return
	}
	c.W.OK()
}

// cmdModuleLoadex is MODULE LOADEX path [CONFIG name value ...] [ARGS ...].
// Module configs are applied after OnLoad registers them.
func (h *Host) cmdModuleLoadex(c *engine.Ctx) {
	var args []string
	cfgs := map[string]string{}
	rest := c.Args[3:]
	for len(rest) > 0 {
		w := strings.ToLower(string(rest[0]))
		if w == "config" && len(rest) >= 3 {
			cfgs[strings.ToLower(string(rest[1]))] = string(rest[2])
			rest = rest[3:]
			continue
		}
		if w == "args" {
			for _, a := range rest[1:] {
				args = append(args, string(a))
			}
			break
		}
		h.Log.Logf(levelWarning, "Module Configs/Args parse error: expected CONFIG <name> <value> or ARGS, got '%s'", rest[0])
		c.Error(ErrLoad.Error())
		return
	}
	h.ev().loadex = cfgs
	_, err := h.Load(string(c.Args[2]), args)
	h.ev().loadex = nil
	if err != nil {
		c.Error(err.Error())
		return
	}
	c.W.OK()
}

func (h *Host) cmdModuleUnload(c *engine.Ctx) {
	if err := h.Unload(string(c.Args[2])); err != nil {
		c.Error(err.Error())
		return
	}
	c.W.OK()
}

func lower(s string) string { return strings.ToLower(s) }
