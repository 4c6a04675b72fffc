package glob

import "unsafe"

// maxNesting bounds the recursion that '*' causes, as Redis does, so an
// abusive pattern such as "a*a*a*...b" gives up (no match) instead of
// consuming the stack.
const maxNesting = 1000

// Match reports whether s matches pattern. With nocase, ASCII letters match
// regardless of case.
func Match(pattern, s []byte, nocase bool) bool {
	skip := false
	return match(pattern, s, nocase, &skip, 0)
}

// MatchString is Match for strings.
func MatchString(pattern, s string, nocase bool) bool {
	// Borrow the strings' bytes without copying: the matcher only reads
	// them and keeps nothing.
	return Match(unsafe.Slice(unsafe.StringData(pattern), len(pattern)), unsafe.Slice(unsafe.StringData(s), len(s)), nocase)
}

// HasMeta reports whether pattern contains a byte that makes it a pattern
// rather than a literal name ('*', '?' or '['), the test CONFIG GET uses to
// choose between a direct lookup and a scan.
func HasMeta(pattern string) bool {
	for i := 0; i < len(pattern); i++ {
		switch pattern[i] {
		case '*', '?', '[':
			return true
		}
	}
	return false
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

// at returns p[i], or 0 past the end: the C original reads the terminating
// NUL there, and a few branches depend on seeing "not a special byte".
func at(p []byte, i int) byte {
	if i < len(p) {
		return p[i]
	}
	return 0
}

// match walks pattern p against string s. skip is shared by the whole
// recursion: once a '*' has tried every suffix of s without success, no
// earlier '*' can do better, so all levels stop at once.
func match(p, s []byte, nocase bool, skip *bool, nesting int) bool {
	if nesting > maxNesting {
		return false
	}
	for len(p) > 0 && len(s) > 0 {
		switch p[0] {
		case '*':
			for len(p) > 1 && p[1] == '*' {
				p = p[1:]
			}
			if len(p) == 1 {
				return true
			}
			for len(s) > 0 {
				if match(p[1:], s, nocase, skip, nesting+1) {
					return true
				}
				if *skip {
					return false
				}
				s = s[1:]
			}
			*skip = true
			return false
		case '?':
			s = s[1:]
		case '[':
			p = p[1:]
			not := at(p, 0) == '^'
			if not {
				p = p[1:]
			}
			matched := false
			for {
				if len(p) >= 2 && p[0] == '\\' {
					p = p[1:]
					if p[0] == s[0] {
						matched = true
					}
				} else if len(p) == 0 {
					// Unclosed set: stop here. The C code steps back one
					// byte so the common advance below lands on the end.
					p = nil
					break
				} else if p[0] == ']' {
					break
				} else if len(p) >= 3 && p[1] == '-' {
					start, end, c := p[0], p[2], s[0]
					if start > end {
						start, end = end, start
					}
					if nocase {
						start, end, c = lower(start), lower(end), lower(c)
					}
					p = p[2:]
					if c >= start && c <= end {
						matched = true
					}
				} else if nocase {
					if lower(p[0]) == lower(s[0]) {
						matched = true
					}
				} else if p[0] == s[0] {
					matched = true
				}
				p = p[1:]
			}
			if not {
				matched = !matched
			}
			if !matched {
				return false
			}
			s = s[1:]
			if len(p) == 0 {
				// The set ran to the end of the pattern; nothing left
				// to advance past.
				goto advanced
			}
		case '\\':
			if len(p) >= 2 {
				p = p[1:]
			}
			fallthrough
		default:
			if nocase {
				if lower(p[0]) != lower(s[0]) {
					return false
				}
			} else if p[0] != s[0] {
				return false
			}
			s = s[1:]
		}
		p = p[1:]
	advanced:
		if len(s) == 0 {
			for len(p) > 0 && p[0] == '*' {
				p = p[1:]
			}
			break
		}
	}
	return len(p) == 0 && len(s) == 0
}
