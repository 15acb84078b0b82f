package plan

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// pattern is an anchored regular expression of the small kind the deadline
// table is written in, matched without package regexp. The browser page
// links this package, and regexp's matchers and the compilation of the whole
// table at start-up cost it size and time for nothing a deadline needs.
//
// The syntax is a subset of regexp's: ^ and $ around the whole, literal
// characters (\. for a dot), \d{n} and \d{m,n} (ASCII digits), character
// classes [abc] with ranges [1-4], one such element in a group ( ) to
// capture it, and ? after any element. Anything else is a programming error
// and panics, as regexp.MustCompile does. Matching backtracks, so it agrees
// with regexp on every input (a test checks the table against regexp).
type pattern struct {
	src   string
	elems []patElem
	// groups is the number of capturing groups.
	groups int
}

type patElem struct {
	// lit is a literal rune; class a set of runes; digits a run of ASCII
	// digits of length min..max. Exactly one applies.
	lit      rune
	class    []patRange
	digits   bool
	min, max int
	optional bool
	// group is the submatch index this element fills, 0 for none.
	group int
}

type patRange struct{ lo, hi rune }

// mustPattern compiles src or panics.
func mustPattern(src string) *pattern {
	p, err := compilePattern(src)
	if err != nil {
		panic(fmt.Sprintf("plan: pattern %q: %v", src, err))
	}
	return p
}

func compilePattern(src string) (*pattern, error) {
	s, ok := strings.CutPrefix(src, "^")
	if !ok {
		return nil, fmt.Errorf("must start with ^")
	}
	if s, ok = strings.CutSuffix(s, "$"); !ok {
		return nil, fmt.Errorf("must end with $")
	}
	p := &pattern{src: src}
	for s != "" {
		group := 0
		if s[0] == '(' {
			p.groups++
			group = p.groups
			s = s[1:]
		}
		e, rest, err := patAtom(s)
		if err != nil {
			return nil, err
		}
		s = rest
		if group > 0 {
			if s == "" || s[0] != ')' {
				return nil, fmt.Errorf("a group holds one element and ends with )")
			}
			s = s[1:]
		}
		e.group = group
		if s != "" && s[0] == '?' {
			e.optional = true
			s = s[1:]
		}
		p.elems = append(p.elems, e)
	}
	return p, nil
}

// patAtom reads one element from the start of s.
func patAtom(s string) (patElem, string, error) {
	switch {
	case strings.HasPrefix(s, `\d{`):
		spec, rest, ok := strings.Cut(s[3:], "}")
		if !ok {
			return patElem{}, "", fmt.Errorf("unclosed \\d{")
		}
		lo, hi, isRange := strings.Cut(spec, ",")
		if !isRange {
			hi = lo
		}
		min, err1 := strconv.Atoi(lo)
		max, err2 := strconv.Atoi(hi)
		if err1 != nil || err2 != nil || min < 1 || max < min {
			return patElem{}, "", fmt.Errorf("bad repeat \\d{%s}", spec)
		}
		return patElem{digits: true, min: min, max: max}, rest, nil
	case strings.HasPrefix(s, `\`):
		r, n := utf8.DecodeRuneInString(s[1:])
		if !strings.ContainsRune(`.-/\()[]?^$`, r) {
			return patElem{}, "", fmt.Errorf("unsupported escape \\%c", r)
		}
		return patElem{lit: r}, s[1+n:], nil
	case s[0] == '[':
		body, rest, ok := strings.Cut(s[1:], "]")
		if !ok || body == "" {
			return patElem{}, "", fmt.Errorf("bad class")
		}
		rs := []rune(body)
		var class []patRange
		for i := 0; i < len(rs); i++ {
			// A '-' between two characters is a range; first or last it is
			// itself, as in [./-].
			if i+2 < len(rs) && rs[i+1] == '-' {
				class = append(class, patRange{rs[i], rs[i+2]})
				i += 2
				continue
			}
			class = append(class, patRange{rs[i], rs[i]})
		}
		return patElem{class: class}, rest, nil
	}
	r, n := utf8.DecodeRuneInString(s)
	if strings.ContainsRune(`.()[]?^$*+{}|`, r) {
		return patElem{}, "", fmt.Errorf("unsupported %q", r)
	}
	return patElem{lit: r}, s[n:], nil
}

// FindStringSubmatch returns the whole match and the submatches, as
// regexp.Regexp.FindStringSubmatch does for an anchored expression, or nil.
// An optional group that matched nothing is "".
func (p *pattern) FindStringSubmatch(s string) []string {
	m := make([]string, p.groups+1)
	if !p.match(0, s, m) {
		return nil
	}
	m[0] = s
	return m
}

// match reports whether elems[i:] match all of s, filling m.
func (p *pattern) match(i int, s string, m []string) bool {
	if i == len(p.elems) {
		return s == ""
	}
	e := p.elems[i]
	// Longest first, as regexp's leftmost-first choice prefers.
	for _, n := range e.lengths(s) {
		if e.group > 0 {
			m[e.group] = s[:n]
		}
		if p.match(i+1, s[n:], m) {
			return true
		}
	}
	if e.optional {
		if e.group > 0 {
			m[e.group] = ""
		}
		return p.match(i+1, s, m)
	}
	return false
}

// lengths lists the byte lengths of the prefixes of s the element matches,
// longest first (the empty match of an optional element is left to match).
func (e patElem) lengths(s string) []int {
	if e.digits {
		n := 0
		for n < len(s) && n < e.max && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		var out []int
		for k := n; k >= e.min; k-- {
			out = append(out, k)
		}
		return out
	}
	r, size := utf8.DecodeRuneInString(s)
	if s == "" || r == utf8.RuneError && size == 1 {
		return nil
	}
	if e.class == nil {
		if r == e.lit {
			return []int{size}
		}
		return nil
	}
	for _, c := range e.class {
		if c.lo <= r && r <= c.hi {
			return []int{size}
		}
	}
	return nil
}
