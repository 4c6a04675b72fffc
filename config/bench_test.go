package config

import "testing"

// The server reads some directives per command; these show the cost.

func BenchmarkVarUint(b *testing.B) {
	v := New().Lookup("maxmemory")
	for i := 0; i < b.N; i++ {
		_ = v.Uint()
	}
}

func BenchmarkConfigInt(b *testing.B) {
	c := New()
	for i := 0; i < b.N; i++ {
		_ = c.Int("maxmemory-samples")
	}
}

func BenchmarkGetAll(b *testing.B) {
	c := New()
	for i := 0; i < b.N; i++ {
		_ = c.Get("*")
	}
}
