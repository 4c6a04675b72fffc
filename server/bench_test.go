package server_test

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"modhost/internal/testserver"
	"modhost/resp"
)

// Benchmarks of the whole request path (read, parse, execute, reply, write)
// of an in-process modhost over loopback. The client side allocates
// nothing per command, so allocs/op is the server's; cpu-ns/op is the
// process's user+system CPU time per command, which stays meaningful on a
// loaded machine where wall-clock ns/op does not. Run with e.g.
//
//	go test ./server/ -run '^$' -bench Pipeline -benchmem -cpuprofile cpu.out

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchCase is one command shape: what a batch sends and how many reply
// bytes the batch gets back (fixed, so the client need not parse).
type benchCase struct {
	name  string
	setup [][]string
	cmd   func(i int) []string
	reply func(i int) string
}

var benchCases = []benchCase{
	{name: "SET", cmd: func(i int) []string { return []string{"SET", "key:" + strconv.Itoa(i), "xxx"} },
		reply: func(int) string { return "+OK\r\n" }},
	{name: "GET", setup: keysSetup(1000), cmd: func(i int) []string { return []string{"GET", "key:" + strconv.Itoa(i)} },
		reply: func(int) string { return "$3\r\nxxx\r\n" }},
	{name: "GETmiss", cmd: func(i int) []string { return []string{"GET", "nokey:" + strconv.Itoa(i)} },
		reply: func(int) string { return "$-1\r\n" }},
	{name: "INCR", cmd: func(i int) []string { return []string{"INCR", "counter"} },
		reply: nil}, // integer grows; length is measured per round
	{name: "LPUSH", cmd: func(i int) []string { return []string{"LPUSH", "list:" + strconv.Itoa(i%1000), "xxx"} },
		reply: nil},
	{name: "PING", cmd: func(int) []string { return []string{"PING"} },
		reply: func(int) string { return "+PONG\r\n" }},
}

func keysSetup(n int) [][]string {
	var out [][]string
	for i := 0; i < n; i++ {
		out = append(out, []string{"SET", "key:" + strconv.Itoa(i), "xxx"})
	}
	return out
}

func encode(args []string) []byte {
	w := resp.New(2)
	w.Array(len(args))
	for _, a := range args {
		w.BulkString(a)
	}
	return w.Buf
}

// readReplies reads whole RESP replies until n have arrived; only used
// where the reply length is not fixed.
func countReplies(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			break
		}
		line := b[i : i+j+1]
		i += j + 1
		if line[0] == '$' {
			l, _ := strconv.Atoi(string(line[1 : len(line)-2]))
			if l >= 0 {
				i += l + 2
			}
		}
		n++
	}
	return n
}

// BenchmarkPipeline sends batches of P commands on C connections at once
// and waits for every reply of a batch before sending the next.
func BenchmarkPipeline(b *testing.B) {
	for _, p := range []int{1, 16} {
		for _, bc := range benchCases {
			b.Run(fmt.Sprintf("%s/P%d", bc.name, p), func(b *testing.B) {
				runPipeline(b, bc, p, 4)
			})
		}
	}
}

func runPipeline(b *testing.B, bc benchCase, p, conns int) {
	m := testserver.StartModhost(b)
	ctl := testserver.Dial(b, m.Addr)
	for _, s := range bc.setup {
		if err := ctl.Send(s...); err != nil {
			b.Fatal(err)
		}
		if _, err := ctl.Read(5 * time.Second); err != nil {
			b.Fatal(err)
		}
	}
	type worker struct {
		c     net.Conn
		req   []byte
		reply int // reply bytes per batch, 0 when variable
	}
	ws := make([]*worker, conns)
	for k := range ws {
		c, err := net.Dial("tcp", m.Addr)
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		w := &worker{c: c}
		for i := 0; i < p; i++ {
			w.req = append(w.req, encode(bc.cmd(k*p+i))...)
			if bc.reply != nil {
				w.reply += len(bc.reply(k*p + i))
			}
		}
		ws[k] = w
	}
	batches := b.N / (p * conns)
	if batches == 0 {
		batches = 1
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	var wg sync.WaitGroup
	for _, w := range ws {
		wg.Add(1)
		go func(w *worker) {
			defer wg.Done()
			buf := make([]byte, 64<<10)
			for n := 0; n < batches; n++ {
				if _, err := w.c.Write(w.req); err != nil {
					b.Error(err)
					return
				}
				if w.reply > 0 {
					if _, err := io.ReadFull(w.c, buf[:w.reply]); err != nil {
						b.Error(err)
						return
					}
					continue
				}
				got, have := 0, 0
				for got < p {
					k, err := w.c.Read(buf[have:])
					if err != nil {
						b.Error(err)
						return
					}
					have += k
					got = countReplies(buf[:have])
				}
			}
		}(w)
	}
	wg.Wait()
	b.StopTimer()
	total := batches * p * conns
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(total), "cpu-ns/op")
}

// BenchmarkRedisBenchmark drives the in-process server with the real
// redis-benchmark (50 clients, -P 16, as make bench does), for CPU
// profiles of the server alone: go test -bench RedisBenchmark -cpuprofile.
func BenchmarkRedisBenchmark(b *testing.B) {
	bin, err := exec.LookPath("redis-benchmark")
	if err != nil {
		b.Skip("redis-benchmark is not installed")
	}
	for _, p := range []string{"1", "16"} {
		b.Run("P"+p, func(b *testing.B) {
			m := testserver.StartModhost(b)
			host, port, _ := net.SplitHostPort(m.Addr)
			n := b.N
			if n < 20000 {
				n = 20000
			}
			b.ResetTimer()
			cpu0 := cpuTime()
			out, err := exec.Command(bin, "-h", host, "-p", port, "-q", "-t", "get,set", "-n", strconv.Itoa(n),
				"-P", p, "-c", "50", "-r", "100000").CombinedOutput()
			b.StopTimer()
			if err != nil {
				b.Fatalf("%v: %s", err, out)
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(2*n), "cpu-ns/op")
			b.Logf("%s", bytes.TrimSpace(out))
		})
	}
}
