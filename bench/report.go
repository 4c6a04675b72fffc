package bench

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// Table is a markdown table under a heading.
type Table struct {
	Title  string
	Note   string
	Header []string
	Rows   [][]string
}

// Add appends a row.
func (t *Table) Add(cells ...string) { t.Rows = append(t.Rows, cells) }

// Markdown renders the table.
func (t *Table) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", t.Title)
	if t.Note != "" {
		b.WriteString(t.Note + "\n\n")
	}
	b.WriteString("| " + strings.Join(t.Header, " | ") + " |\n")
	b.WriteString("|" + strings.Repeat("---|", len(t.Header)) + "\n")
	for _, r := range t.Rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	b.WriteString("\n")
	return b.String()
}

// Cell formats a result with the given number format.
func Cell(r Result, format string) string {
	if !r.OK() {
		return r.Err
	}
	return fmt.Sprintf(format, r.Value)
}

// Ratio divides two results; both must hold values.
func Ratio(a, b Result) Result {
	if !a.OK() || !b.OK() {
		return Fail("—")
	}
	if b.Value == 0 {
		return Fail("—")
	}
	return Result{Value: a.Value / b.Value}
}

// Status is "met", "not met" or "n/a" for a target check.
func Status(measured bool, met bool) string {
	switch {
	case !measured:
		return "n/a"
	case met:
		return "met"
	default:
		return "**not met**"
	}
}

// Machine describes where the numbers came from.
func Machine() string {
	cpu := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	nproc := fmt.Sprint(runtime.NumCPU())
	if out, err := exec.Command("nproc").Output(); err == nil {
		nproc = strings.TrimSpace(string(out))
	}
	mem := ""
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		if l, _, ok := strings.Cut(string(data), "\n"); ok {
			mem = ", " + strings.Join(strings.Fields(l), " ")
		}
	}
	return fmt.Sprintf("nproc %s, CPU %s%s, %s/%s", nproc, cpu, mem, runtime.GOOS, runtime.GOARCH)
}

// Versions returns the redis-server version line and a description of
// the modhost binary: its embedded VCS stamp when it has one, its build
// time and the commit the tree is at.
func Versions(modhostBin string) (redis, modhost string) {
	redis = "redis-server not found"
	if out, err := exec.Command("redis-server", "--version").Output(); err == nil {
		redis = strings.TrimSpace(string(out))
	}
	var parts []string
	if out, err := exec.Command("go", "version", "-m", modhostBin).Output(); err == nil {
		for _, l := range strings.Split(string(out), "\n") {
			f := strings.Fields(l)
			if len(f) >= 2 && f[0] == "build" && strings.HasPrefix(f[1], "vcs.") {
				parts = append(parts, f[1])
			}
		}
	}
	if fi, err := os.Stat(modhostBin); err == nil {
		parts = append(parts, "binary built "+fi.ModTime().UTC().Format("2006-01-02 15:04 MST"))
	}
	if out, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output(); err == nil {
		head := "tree at commit " + strings.TrimSpace(string(out))
		if st, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(st) > 0 {
			head += " with uncommitted changes"
		}
		parts = append(parts, head)
	}
	return redis, strings.Join(parts, ", ")
}

// LoadAvg returns the three load averages from /proc/loadavg.
func LoadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " / ")
}

// CopyBinary copies an executable to a fresh temporary file and returns
// its path.
func CopyBinary(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	f, err := os.CreateTemp("", "modhost-bench-bin-")
	if err != nil {
		return "", err
	}
	name := f.Name()
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil || cerr != nil {
		os.Remove(name)
		return "", fmt.Errorf("copying %s: %v %v", path, werr, cerr)
	}
	if err := os.Chmod(name, 0o755); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}
