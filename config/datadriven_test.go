package config

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var rewriteTestdata = flag.Bool("rewrite", false, "rewrite the expected output in testdata/*.txt")

// TestDataDriven runs the files testdata/*.txt. Each case is a command
// line, input lines, "----", then the expected output; '#' lines before a
// case explain it. The Config persists through a file until "reset".
//
//	load        input is config text; prints "ok" or the fatal report
//	get P...    prints name=value for CONFIG GET P...
//	set A...    args split like redis-cli; prints OK or the error reply
//	cmdline A.. args split like redis-cli; prints the Startup fields
//	reset       starts again from the defaults
//
// Run with -rewrite to regenerate expectations, then read the diff.
func TestDataDriven(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) { runDataFile(t, f) })
	}
}

func runDataFile(t *testing.T, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var out strings.Builder
	c := New()
	for i := 0; i < len(lines); {
		l := lines[i]
		if l == "" || strings.HasPrefix(l, "#") {
			out.WriteString(l + "\n")
			i++
			continue
		}
		cmdLine := l
		start := i + 1
		j := start
		for j < len(lines) && lines[j] != "----" {
			j++
		}
		if j == len(lines) {
			t.Fatalf("%s:%d: missing ----", path, i+1)
		}
		input := strings.Join(lines[start:j], "\n")
		k := j + 1
		for k < len(lines) && lines[k] != "" {
			k++
		}
		expected := strings.Join(lines[j+1:k], "\n")
		got := strings.TrimRight(runDataCommand(t, &c, cmdLine, input), "\n")
		if !*rewriteTestdata && got != expected {
			t.Errorf("%s:%d: %s\n got:\n%s\n want:\n%s", path, i+1, cmdLine, got, expected)
		}
		out.WriteString(cmdLine + "\n")
		if input != "" {
			out.WriteString(input + "\n")
		}
		out.WriteString("----\n" + got + "\n")
		i = k
	}
	if *rewriteTestdata {
		os.WriteFile(path, []byte(strings.TrimRight(out.String(), "\n")+"\n"), 0o644)
	}
}

// show makes control characters and a bare trailing newline visible.
func show(s string) string {
	return strings.ReplaceAll(s, "\n", "⏎\n")
}

func runDataCommand(t *testing.T, cp **Config, cmdLine, input string) string {
	args, err := SplitArgs(cmdLine)
	if err != nil || len(args) == 0 {
		t.Fatalf("bad command %q", cmdLine)
	}
	c := *cp
	switch args[0] {
	case "reset":
		*cp = New()
		return "ok"
	case "load":
		if err := c.LoadString(input); err != nil {
			return show(err.Error())
		}
		return "ok"
	case "get":
		var b strings.Builder
		for _, p := range c.Get(args[1:]...) {
			fmt.Fprintf(&b, "%s=%s\n", p.Name, p.Value)
		}
		if b.Len() == 0 {
			return "(empty)"
		}
		return b.String()
	case "set":
		if _, err := c.Set(args[1:], SetOptions{}); err != nil {
			return err.Error()
		}
		return "OK"
	case "cmdline":
		s, err := ParseCommandLine(args[1:])
		if err != nil {
			return err.Error()
		}
		file := s.ConfigFile
		if file != "" {
			file = filepath.Base(file)
		}
		return fmt.Sprintf("action=%d file=%s stdin=%v api-coverage=%v\noptions:\n%s", s.Action, file, s.Stdin, s.APICoverage, s.Options)
	}
	t.Fatalf("unknown command %q", args[0])
	return ""
}
