package bench

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Result is one measurement: a value or the reason there is none.
type Result struct {
	// Value is the measured number (requests/s, ns, bytes ...).
	Value float64
	// Err is empty when Value is valid; otherwise it says why not, e.g.
	// "error: ERR unknown command 'INCR'" or "n/a (module not loaded)".
	Err string
}

// OK reports whether the result holds a value.
func (r Result) OK() bool { return r.Err == "" }

// Fail makes a Result that carries only a reason.
func Fail(format string, args ...any) Result { return Result{Err: fmt.Sprintf(format, args...)} }

// Median combines the rounds of one measurement: the median of the values
// when at least one round produced one, otherwise the first reason.
func Median(rs []Result) Result {
	var vals []float64
	for _, r := range rs {
		if r.OK() {
			vals = append(vals, r.Value)
		}
	}
	if len(vals) == 0 {
		if len(rs) == 0 {
			return Fail("not run")
		}
		return rs[0]
	}
	sort.Float64s(vals)
	m := vals[len(vals)/2]
	if len(vals)%2 == 0 {
		m = (vals[len(vals)/2-1] + vals[len(vals)/2]) / 2
	}
	return Result{Value: m}
}

// BenchSpec describes one redis-benchmark run.
type BenchSpec struct {
	Clients  int
	Requests int
	Pipeline int
	// Rand is the -r key space; 0 leaves it out.
	Rand int
	// Test is a built-in test for -t; empty when Command is used.
	Test string
	// Command is a custom command line.
	Command []string
}

// RunRedisBenchmark runs redis-benchmark against port and returns the
// requests per second of the last CSV row (the test asked for; lrange
// tests print a preparatory LPUSH row first), or the server's error.
func RunRedisBenchmark(port int, b BenchSpec) Result {
	args := []string{"-h", "127.0.0.1", "-p", strconv.Itoa(port), "-c", strconv.Itoa(b.Clients),
		"-n", strconv.Itoa(b.Requests), "-P", strconv.Itoa(b.Pipeline), "--csv"}
	if b.Rand > 0 {
		args = append(args, "-r", strconv.Itoa(b.Rand))
	}
	if b.Test != "" {
		args = append(args, "-t", b.Test)
	} else {
		args = append(args, b.Command...)
	}
	// Normal runs take seconds; a server that stops answering must not
	// stall the whole benchmark.
	out, stderr, err := runCtx(90*time.Second, "redis-benchmark", args...)
	if err == errTimeout {
		return Fail("error: redis-benchmark timed out after 90s")
	}
	for _, l := range strings.Split(stderr, "\n") {
		if msg, ok := strings.CutPrefix(strings.TrimSpace(l), "Error from server: "); ok {
			return Fail("error: %s", shorten(msg))
		}
	}
	rows, perr := csv.NewReader(strings.NewReader(out)).ReadAll()
	if perr == nil && err == nil && len(rows) >= 2 {
		last := rows[len(rows)-1]
		if len(last) >= 2 {
			if v, err := strconv.ParseFloat(last[1], 64); err == nil && v > 0 {
				return Result{Value: v}
			}
		}
	}
	msg := strings.TrimSpace(stderr)
	var kept []string
	for _, l := range strings.Split(msg, "\n") {
		if l != "" && !strings.HasPrefix(l, "WARNING") {
			kept = append(kept, l)
		}
	}
	if len(kept) == 0 {
		kept = []string{fmt.Sprintf("no result (%v)", err)}
	}
	return Fail("error: %s", shorten(strings.Join(kept, "; ")))
}

// shorten keeps report cells readable.
func shorten(s string) string { return ShortenN(s, 90) }

// Shorten makes a reason fit a table cell: one line, no '|', the argument
// echo of "unknown command" errors dropped, at most 90 characters.
func Shorten(s string) string { return ShortenN(s, 90) }

// ShortenN is Shorten with a length limit.
func ShortenN(s string, n int) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "|", "/")
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ", with args beginning with:"); i >= 0 {
		s = s[:i]
	}
	if len(s) > n {
		s = s[:n-3] + "..."
	}
	return s
}

// CPUTime returns the CPU time all threads of pid have used, in ns. It
// sums /proc/<pid>/task/*/schedstat (ns resolution) and falls back to the
// clock ticks in /proc/<pid>/stat.
func CPUTime(pid int) (int64, error) {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	var sum int64
	n := 0
	for _, t := range tasks {
		data, err := os.ReadFile(t)
		if err != nil {
			continue // the thread ended
		}
		f := strings.Fields(string(data))
		if len(f) == 0 {
			continue
		}
		v, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			continue
		}
		sum += v
		n++
	}
	if n > 0 {
		return sum, nil
	}
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	s := string(data)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	if len(f) < 13 {
		return 0, fmt.Errorf("short /proc/%d/stat", pid)
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return (ut + st) * int64(time.Second/100), nil // USER_HZ is 100 on Linux
}

// RSS returns VmRSS of pid in bytes.
func RSS(pid int) (int64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			f := strings.Fields(v)
			kb, err := strconv.ParseInt(f[0], 10, 64)
			return kb * 1024, err
		}
	}
	return 0, fmt.Errorf("no VmRSS for %d", pid)
}

// UsedMemory asks INFO memory for used_memory.
func UsedMemory(addr string) Result {
	c, err := Dial(addr)
	if err != nil {
		return Fail("error: %v", err)
	}
	defer c.Close()
	r, err := Check(c.Do("INFO", "memory"))
	if err != nil {
		return Fail("n/a (INFO: %s)", shorten(err.Error()))
	}
	for _, l := range strings.Split(r.Str, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(l), "used_memory:"); ok {
			n, err := strconv.ParseFloat(v, 64)
			if err == nil {
				return Result{Value: n}
			}
		}
	}
	return Fail("n/a (INFO memory has no used_memory)")
}

// LoopSpec describes a closed-loop run of one command over a few pipelined
// connections.
type LoopSpec struct {
	Conns    int
	Depth    int
	Duration time.Duration
	Command  []string
}

// ServerNsPerCommand runs the command in a loop and returns the server's
// CPU time per command in ns. CPU time rather than wall time keeps the
// client's own cost and other load on the machine out of the number.
func ServerNsPerCommand(s *Server, l LoopSpec) Result {
	clients := make([]*Client, l.Conns)
	for i := range clients {
		c, err := Dial(s.Addr)
		if err != nil {
			return Fail("error: %v", err)
		}
		defer c.Close()
		clients[i] = c
	}
	// One command first, so an error reply is reported rather than timed.
	if msg, err := skipOne(clients[0], l.Command); err != nil || msg != "" {
		if err != nil {
			return Fail("error: %v", err)
		}
		return Fail("error: %s", shorten(msg))
	}
	cpu0, err := CPUTime(s.Pid())
	if err != nil {
		return Fail("error: %v", err)
	}
	var count atomic.Int64
	var failMu sync.Mutex
	fail := ""
	stop := time.Now().Add(l.Duration)
	var wg sync.WaitGroup
	for _, c := range clients {
		wg.Add(1)
		go func(c *Client) {
			defer wg.Done()
			for time.Now().Before(stop) {
				c.Deadline(30 * time.Second)
				for i := 0; i < l.Depth; i++ {
					c.Append(l.Command...)
				}
				err := c.Flush()
				for i := 0; i < l.Depth && err == nil; i++ {
					var msg string
					msg, err = c.Skip()
					if msg != "" && err == nil {
						err = fmt.Errorf("%s", msg)
					}
				}
				if err != nil {
					failMu.Lock()
					fail = err.Error()
					failMu.Unlock()
					return
				}
				count.Add(int64(l.Depth))
			}
		}(c)
	}
	wg.Wait()
	cpu1, err := CPUTime(s.Pid())
	if err != nil {
		return Fail("error: %v", err)
	}
	if fail != "" {
		return Fail("error: %s", shorten(fail))
	}
	if count.Load() == 0 {
		return Fail("error: no command completed")
	}
	return Result{Value: float64(cpu1-cpu0) / float64(count.Load())}
}

func skipOne(c *Client, cmd []string) (string, error) {
	c.Deadline(60 * time.Second)
	c.Append(cmd...)
	if err := c.Flush(); err != nil {
		return "", err
	}
	return c.Skip()
}
