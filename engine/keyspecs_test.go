package engine

import (
	"reflect"
	"strings"
	"testing"
)

func argv(s string) [][]byte {
	var out [][]byte
	for _, f := range strings.Fields(s) {
		out = append(out, []byte(f))
	}
	return out
}

func positions(keys []KeyRef) []int {
	out := []int{}
	for _, k := range keys {
		out = append(out, k.Pos)
	}
	return out
}

// Key-spec evaluation follows Redis 7.2's getKeysUsingKeySpecs, quirks
// included.
func TestKeysFromSpecs(t *testing.T) {
	ro := []string{"RO"}
	cases := []struct {
		name  string
		specs []KeySpec
		args  string
		want  []int
		ok    bool
	}{
		{"index range", []KeySpec{{Flags: ro, Index: 1, LastKey: -1, KeyStep: 2}}, "c a 1 b 2", []int{1, 3}, true},
		{"limit half", []KeySpec{{Flags: ro, Index: 1, LastKey: -1, KeyStep: 1, Limit: 2}}, "c a b x y", []int{1, 2}, true},
		{"keyword forward", []KeySpec{{Flags: ro, Keyword: "KEYS", StartFrom: 1, LastKey: -1, KeyStep: 1}}, "c x keys a b", []int{3, 4}, true},
		// The forward search stops before the last argument.
		{"keyword last arg", []KeySpec{{Flags: ro, Keyword: "KEYS", StartFrom: 1, KeyStep: 1}}, "c x KEYS", []int{}, true},
		// The backward search stops before index 1.
		{"keyword backward", []KeySpec{{Flags: ro, Keyword: "STORE", StartFrom: -2, KeyStep: 1}}, "c STORE a", []int{}, true},
		{"keyword backward found", []KeySpec{{Flags: ro, Keyword: "STORE", StartFrom: -2, KeyStep: 1}}, "c x STORE a", []int{3}, true},
		{"keynum", []KeySpec{{Flags: ro, Index: 1, KeyNum: true, KeyNumIdx: 0, FirstKey: 1, KeyStep: 1}}, "c 2 a b", []int{2, 3}, true},
		{"keynum zero", []KeySpec{{Flags: ro, Index: 1, KeyNum: true, KeyNumIdx: 0, FirstKey: 1, KeyStep: 1}}, "c 0", nil, false},
		{"keynum too many", []KeySpec{{Flags: ro, Index: 1, KeyNum: true, KeyNumIdx: 0, FirstKey: 1, KeyStep: 1}}, "c 3 a b", nil, false},
		{"keynum not a number", []KeySpec{{Flags: ro, Index: 1, KeyNum: true, KeyNumIdx: 0, FirstKey: 1, KeyStep: 1}}, "c 01 a", nil, false},
		{"out of range", []KeySpec{{Flags: ro, Index: 3, KeyStep: 1}}, "c a", nil, false},
		{"incomplete", []KeySpec{{Flags: []string{"RW", "incomplete"}, Index: 1, KeyStep: 1}}, "c a", nil, false},
		{"unknown", []KeySpec{{Flags: ro, UnknownBegin: true}}, "c a", nil, false},
		{"not_key skipped", []KeySpec{{Flags: []string{"RO", "not_key"}, Index: 1, KeyStep: 1}, {Flags: ro, Index: 2, KeyStep: 1}}, "c a b", []int{2}, true},
	}
	for _, tc := range cases {
		s := &Spec{Name: "c", Module: "m", KeySpecs: tc.specs}
		keys, ok := s.keysFromSpecs(argv(tc.args))
		if ok != tc.ok || (ok && !reflect.DeepEqual(positions(keys), tc.want)) {
			t.Errorf("%s: got %v %v, want %v %v", tc.name, positions(keys), ok, tc.want, tc.ok)
		}
	}
}

func TestPopulateLegacyRange(t *testing.T) {
	idx := func(pos, last int) KeySpec {
		return KeySpec{Flags: []string{"RO"}, Index: pos, LastKey: last, KeyStep: 1}
	}
	cases := []struct {
		name              string
		specs             []KeySpec
		getkeys           bool
		first, last, step int
		movable           bool
	}{
		{"none", nil, false, 0, 0, 0, false},
		{"one with step", []KeySpec{{Flags: []string{"RW"}, Index: 1, LastKey: -1, KeyStep: 2}}, false, 1, -1, 2, false},
		{"glued", []KeySpec{idx(1, 0), idx(2, 1)}, false, 1, 3, 1, false},
		{"gap", []KeySpec{idx(1, 0), idx(3, 0)}, false, 1, 1, 1, true},
		{"keyword only", []KeySpec{{Flags: []string{"RO"}, Keyword: "K", StartFrom: 1, KeyStep: 1}}, false, 0, 0, 0, true},
		{"getkeys-api", []KeySpec{idx(1, 0)}, true, 1, 1, 1, true},
		{"from the end wins", []KeySpec{idx(1, 0), idx(2, -1)}, false, 1, -1, 1, false},
	}
	for _, tc := range cases {
		s := &Spec{Name: "c", Module: "m", KeySpecs: tc.specs}
		if tc.getkeys {
			s.Flags |= FlagModuleGetKeys
		}
		PopulateLegacyRange(s)
		if s.First != tc.first || s.Last != tc.last || s.Step != tc.step || (s.Flags&FlagMovableKeys != 0) != tc.movable {
			t.Errorf("%s: got %d,%d,%d movable=%v", tc.name, s.First, s.Last, s.Step, s.Flags&FlagMovableKeys != 0)
		}
	}
}

func TestKeyFlagWordsRoundTrip(t *testing.T) {
	bits := KeyRW | KeyAccess | KeyUpdate | KeyVariableFlags
	words := KeyFlagWords(bits)
	if !reflect.DeepEqual(words, []string{"RW", "access", "update", "variable_flags"}) {
		t.Fatalf("words %v", words)
	}
	if KeyFlagBits(words) != bits {
		t.Fatalf("bits %x", KeyFlagBits(words))
	}
}
