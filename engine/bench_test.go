package engine_test

import (
	"strconv"
	"testing"

	"modhost/internal/testserver"
)

// BenchmarkExec measures the engine's part of the request path: lookup,
// checks, the handler, statistics and after-command hooks, on a fully
// wired modhost (the same hooks app installs) but without the network.
// allocs/op is what one command costs the garbage collector.
func BenchmarkExec(b *testing.B) {
	cases := []struct {
		name string
		args func(i int) [][]byte
	}{
		{"PING", func(int) [][]byte { return [][]byte{[]byte("PING")} }},
		{"SET", func(i int) [][]byte {
			return [][]byte{[]byte("SET"), []byte("key:" + strconv.Itoa(i%1000)), []byte("xxx")}
		}},
		{"GET", func(i int) [][]byte { return [][]byte{[]byte("GET"), []byte("key:" + strconv.Itoa(i%1000))} }},
		{"GETmiss", func(i int) [][]byte { return [][]byte{[]byte("GET"), []byte("nokey:" + strconv.Itoa(i%1000))} }},
		{"INCR", func(int) [][]byte { return [][]byte{[]byte("INCR"), []byte("counter")} }},
		{"LPUSH", func(i int) [][]byte {
			return [][]byte{[]byte("LPUSH"), []byte("list:" + strconv.Itoa(i%1000)), []byte("xxx")}
		}},
		{"LPOP", func(i int) [][]byte { return [][]byte{[]byte("LPOP"), []byte("list:" + strconv.Itoa(i%1000))} }},
	}
	m := testserver.StartModhost(b)
	eng := m.In.Eng
	c := eng.NewClient(nil)
	eng.Lock.Lock()
	eng.AddClient(c)
	for i := 0; i < 1000; i++ {
		eng.Exec(c, [][]byte{[]byte("SET"), []byte("key:" + strconv.Itoa(i)), []byte("xxx")})
	}
	c.W.Buf = c.W.Buf[:0]
	eng.Lock.Unlock()
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			// Prepared outside the timed loop: the network layer hands
			// Exec slices of its read buffer, which cost nothing.
			reqs := make([][][]byte, 1000)
			for i := range reqs {
				reqs[i] = tc.args(i)
			}
			b.ReportAllocs()
			b.ResetTimer()
			eng.Lock.Lock()
			for i := 0; i < b.N; i++ {
				eng.Exec(c, reqs[i%len(reqs)])
				c.W.Buf = c.W.Buf[:0]
			}
			eng.Lock.Unlock()
		})
	}
}
