package rule

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Limits bound what one formula or rule may cost, so that a hostile or
// broken plan cannot exhaust a server or a browser tab. A zero or negative
// field means the DefaultLimits value for that field.
type Limits struct {
	// MaxLength is the longest text accepted, in characters.
	MaxLength int
	// MaxNodes is the largest syntax tree accepted (operands, operators and
	// calls each count; expr counts a call's name as a node of its own).
	MaxNodes int
	// MaxDepth is the deepest nesting of operations accepted.
	MaxDepth int
}

// DefaultLimits are generous for any formula a plan states (the longest in
// the seed plan has a handful of nodes) and small enough that the temporaries
// of an evaluation stay in the low megabytes.
var DefaultLimits = Limits{MaxLength: 2000, MaxNodes: 200, MaxDepth: 32}

func (l Limits) withDefaults() Limits {
	if l.MaxLength <= 0 {
		l.MaxLength = DefaultLimits.MaxLength
	}
	if l.MaxNodes <= 0 {
		l.MaxNodes = DefaultLimits.MaxNodes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultLimits.MaxDepth
	}
	return l
}

// checkText converts src to runes after checking its length and encoding.
// The length is checked before anything is allocated.
func checkText(src string, maxLen int) ([]rune, *Error) {
	n := 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && size <= 1 {
			// Report the position in the valid prefix only: the rest cannot
			// be shown faithfully.
			prefix := []rune(src[:i])
			e := newError(prefix, len(prefix), len(prefix),
				bi("文本含有无效的 UTF-8 编码（请以 UTF-8 保存）", "the text is not valid UTF-8 (save it as UTF-8)"))
			e.Source = src
			return nil, e
		}
		n++
		if n > maxLen {
			prefix := []rune(src[:i])
			e := newError(prefix, len(prefix), len(prefix), bi(
				fmt.Sprintf("文本过长：超过 %d 个字符", maxLen),
				fmt.Sprintf("the text is too long: more than %d characters", maxLen)))
			e.Source = src
			return nil, e
		}
		i += size
	}
	return []rune(src), nil
}

// fold maps a full-width or typographic variant onto its ASCII form, one rune
// for one rune so that positions are unchanged. Dashes are left alone: in a
// target "–" is a range and "-" may be one too; the formula front end maps
// them to minus itself.
func fold(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return '0' + (r - '０')
	case r == '\u3000': // ideographic space
		return ' '
	}
	switch r {
	case '．':
		return '.'
	case '％':
		return '%'
	case '＞':
		return '>'
	case '＜':
		return '<'
	case '＝':
		return '='
	case '（':
		return '('
	case '）':
		return ')'
	case '，':
		return ','
	case '＋':
		return '+'
	case '－', '−': // full-width hyphen-minus, minus sign
		return '-'
	case '～', '〜':
		return '~'
	case '＊', '×':
		return '*'
	case '／', '÷':
		return '/'
	case '！':
		return '!'
	case '＆':
		return '&'
	case '｜':
		return '|'
	case '？':
		return '?'
	case '：':
		return ':'
	case '≧', '⩾':
		return '≥'
	case '≦', '⩽':
		return '≤'
	}
	return r
}

func foldAll(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = fold(r)
	}
	return out
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isIdentStart and isIdentPart follow expr's lexer (letters, digits, '_'),
// except that '$' is not accepted: expr gives "$env" a meaning of its own.
func isIdentStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }
func isIdentPart(r rune) bool  { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

func isSpace(r rune) bool { return unicode.IsSpace(r) }

// hasWordAt reports whether word occurs in rs at i.
func hasWordAt(rs []rune, i int, word string) bool {
	for _, w := range word {
		if i >= len(rs) || rs[i] != w {
			return false
		}
		i++
	}
	return true
}

// trimSpan narrows [from, to) of rs to exclude surrounding white space.
func trimSpan(rs []rune, from, to int) (int, int) {
	for from < to && isSpace(rs[from]) {
		from++
	}
	for to > from && isSpace(rs[to-1]) {
		to--
	}
	return from, to
}
