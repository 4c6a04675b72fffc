package commands

import (
	"math"
	"math/big"
	"testing"
)

func TestParseDouble(t *testing.T) {
	good := map[string]float64{
		"0": 0, "1": 1, "-1.5": -1.5, "+2": 2, ".5": 0.5, "5.": 5, "1e3": 1000,
		"1E+3": 1000, "1e-3": 0.001, "0x10": 16, "0x1p-2": 0.25, "0X.8P1": 1,
		"inf": math.Inf(1), "-Infinity": math.Inf(-1), "+INF": math.Inf(1),
		"1.7976931348623157e308": math.MaxFloat64, "4.9e-324": 5e-324,
		"0e-99999": 0, "00012": 12,
	}
	for s, want := range good {
		got, ok := parseDouble([]byte(s))
		if !ok || got != want {
			t.Errorf("parseDouble(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	bad := []string{"", " 1", "1 ", "1\x00", "abc", "nan", "-nan", "nan(12)", "1e", "1e+",
		"e3", ".", "-", "0x", "0xg", "1_000", "1e309", "-1e309", "1e-400", "infinit", "1.2.3", "0x1p"}
	for _, s := range bad {
		if v, ok := parseDouble([]byte(s)); ok {
			t.Errorf("parseDouble(%q) = %v, want refusal", s, v)
		}
	}
}

func TestLongDouble(t *testing.T) {
	sum := func(a, b string) string {
		x, ok1 := parseLongDouble([]byte(a))
		y, ok2 := parseLongDouble([]byte(b))
		if !ok1 || !ok2 {
			t.Fatalf("parse %q %q failed", a, b)
		}
		z, ok := addLongDouble(x, y)
		if !ok {
			return "overflow"
		}
		return string(formatLongDoubleHuman(z))
	}
	// Expected values are what Redis 7.2 replies to INCRBYFLOAT.
	cases := [][3]string{
		{"10.5", "0.1", "10.6"},
		{"0", "0.1", "0.1"},
		{"0.1", "0.2", "0.3"},
		{"1.1", "2.2", "3.3"},
		{"5.0e3", "2.0e2", "5200"},
		{"0", "-0.0", "0"},
		{"1", "0.000000000000000001", "1"},
		{"0", "0.00000000000000001", "0.00000000000000001"},
		{"0", "-0.000000000000000001", "0"},
		{"3", "1", "4"},
		{"0x10", "0x1p4", "32"},
		{"1e4932", "1e4932", "overflow"},
		{"inf", "1", "overflow"},
	}
	for _, c := range cases {
		if got := sum(c[0], c[1]); got != c[2] {
			t.Errorf("%s + %s = %s, want %s", c[0], c[1], got, c[2])
		}
	}
	for _, s := range []string{"", " 1", "1e5000", "-1e5000", "1e-5000", "nan", "1e", "x"} {
		if _, ok := parseLongDouble([]byte(s)); ok {
			t.Errorf("parseLongDouble(%q) accepted", s)
		}
	}
	// The significand has 64 bits: 2^64+1 is not representable, 2^63+1 is.
	x, _ := parseLongDouble([]byte("9223372036854775809"))
	if want := new(big.Float).SetInt64(math.MaxInt64); x.Cmp(want) <= 0 {
		t.Errorf("2^63+1 lost precision: %s", x.Text('f', 0))
	}
	y, _ := parseLongDouble([]byte("18446744073709551617"))
	if y.Text('f', 0) != "18446744073709551616" {
		t.Errorf("2^64+1 should round to 2^64, got %s", y.Text('f', 0))
	}
}

func TestParseScanCursor(t *testing.T) {
	good := map[string]uint64{
		"0": 0, "": 0, "17": 17, "+5": 5, "-0": 0, "-1": math.MaxUint64,
		"18446744073709551615": math.MaxUint64, "007": 7, "12\x00junk": 12,
	}
	for s, want := range good {
		if got, ok := parseScanCursor([]byte(s)); !ok || got != want {
			t.Errorf("parseScanCursor(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"x", " 1", "1 ", "+", "-", "0x1", "1.5", "18446744073709551616"} {
		if _, ok := parseScanCursor([]byte(s)); ok {
			t.Errorf("parseScanCursor(%q) accepted", s)
		}
	}
}

func TestScanFloatGrammar(t *testing.T) {
	f, ok := scanFloat([]byte("-0012.3400e-5"))
	if !ok || !f.neg || string(f.digits) != "00123400" || f.point != 4 || f.exp != -5 {
		t.Errorf("scanFloat = %+v, %v", f, ok)
	}
	d, point := f.trimZeros()
	if string(d) != "1234" || point != 2 {
		t.Errorf("trimZeros = %s, %d", d, point)
	}
}
