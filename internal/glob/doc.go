// Package glob implements the glob-style matcher Redis uses for KEYS, SCAN
// MATCH, CONFIG GET and PSUBSCRIBE (stringmatchlen in util.c).
//
// Supported syntax: '*' (any run, including empty), '?' (one byte),
// '[abc]' (a set), '[^abc]' (a negated set), '[a-z]' (a byte range; the ends
// may be given in either order), and '\x' (the byte x taken literally, also
// inside sets). Matching is bytewise; with nocase, ASCII letters compare
// case-insensitively (except a '\'-escaped byte inside a set, which Redis
// compares exactly).
//
// One more Redis quirk: matching stops when the string is used up, so "*"
// does not match the empty string (KEYS * special-cases that itself).
//
// Malformed patterns never fail: an unclosed '[' behaves as if the set ended
// at the end of the pattern, and a '\' as the last pattern byte matches a
// literal '\'. These quirks are Redis's and callers rely on them.
//
// Invariants:
//   - Match never fails or panics on any input; every byte sequence is a
//     valid pattern.
//   - Recursion depth is bounded (1000 nested '*'), and a failed '*' stops
//     all enclosing '*' from retrying, so matching is polynomial.
//   - Match neither keeps nor modifies its arguments.
package glob
