package rule

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The front end reads the user's formula token by token and writes the
// expression expr parses. It maps what expr does not know (99%, 10个百分点,
// ≥, full-width punctuation, a single =) and refuses what this language
// does not have (%, strings, comments, member access), remembering for each
// rune it writes which characters of the user's text it came from.

type tokKind uint8

const (
	tokSpace tokKind = iota
	tokIdent
	tokNumber
	tokOp
	tokBad
)

type token struct {
	kind     tokKind
	from, to int    // characters of the source
	text     string // what is handed to expr
	err      *Error // tokBad: why the characters cannot be read
}

// lexFormula splits src[from:to] into tokens. It never stops early: a
// character it cannot read becomes a tokBad carrying the error, so that
// CompileRule can still find where a target begins.
func lexFormula(src, norm []rune, from, to int) []token {
	var toks []token
	i := from
	bad := func(j int, zh, en string) {
		toks = append(toks, token{kind: tokBad, from: i, to: j, err: newError(src, i, j, bi(zh, en))})
		i = j
	}
	for i < to {
		r := norm[i]
		switch {
		case isSpace(r):
			j := i
			for j < to && isSpace(norm[j]) {
				j++
			}
			toks = append(toks, token{kind: tokSpace, from: i, to: j})
			i = j
		case isDigit(r) || (r == '.' && i+1 < to && isDigit(norm[i+1])):
			t := lexNumber(src, norm, i, to)
			toks = append(toks, t)
			i = t.to
		case isIdentStart(r):
			j := i
			for j < to && isIdentPart(norm[j]) {
				j++
			}
			toks = append(toks, token{kind: tokIdent, from: i, to: j, text: string(src[i:j])})
			i = j
		case r == '%':
			bad(i+1, "“%” 只能紧跟在数字后面表示百分数（本语言没有取模运算）",
				`"%" may only follow a number, as a percent (there is no modulo operator)`)
		case r == '/' && i+1 < to && (norm[i+1] == '/' || norm[i+1] == '*'):
			bad(i+2, "公式中不能写注释（// 或 /*）", "comments (// or /*) are not allowed in a formula")
		case r == '"' || r == '\'' || r == '`' || r == '“' || r == '”' || r == '‘' || r == '’':
			bad(i+1, "公式中不能使用字符串或引号", "strings and quotes are not allowed in a formula")
		default:
			op, n := lexOp(norm, i, to)
			if n == 0 {
				if r == '&' || r == '|' {
					bad(i+1, fmt.Sprintf("单个 “%c” 不是运算符，请写 %c%c", r, r, r),
						fmt.Sprintf("a single %q is not an operator: write %c%c", r, r, r))
					continue
				}
				w := string(src[i])
				bad(i+1, fmt.Sprintf("无法识别的字符 “%s”", w), fmt.Sprintf("unexpected character %q", w))
				continue
			}
			toks = append(toks, token{kind: tokOp, from: i, to: i + n, text: op})
			i += n
		}
	}
	return toks
}

// lexOp reads an operator at i and returns its expr spelling and length.
func lexOp(norm []rune, i, to int) (string, int) {
	r := norm[i]
	next := rune(0)
	if i+1 < to {
		next = norm[i+1]
	}
	switch r {
	case '≥':
		return ">=", 1
	case '≤':
		return "<=", 1
	case '≠':
		return "!=", 1
	case '>', '<', '!', '=':
		if next == '=' {
			return string(r) + "=", 2
		}
		if r == '=' {
			return "==", 1 // a single = compares
		}
		return string(r), 1
	case '&':
		if next == '&' {
			return "&&", 2
		}
	case '|':
		if next == '|' {
			return "||", 2
		}
	case '*':
		if next == '*' {
			return "**", 2
		}
		return "*", 1
	case '?':
		if next == '?' {
			return "??", 2
		}
		return "?", 1
	case '–': // an en dash pasted from a word processor is a minus here
		return "-", 1
	case '+', '-', '/', '^', ':', ',', '(', ')':
		return string(r), 1
	}
	return "", 0
}

// lexNumber reads a number with its multiplier (万, 亿) and unit (%, pp,
// 个百分点), and writes it as a plain decimal for expr.
func lexNumber(src, norm []rune, i, to int) token {
	j := i
	for j < to && isDigit(norm[j]) {
		j++
	}
	if j < to && norm[j] == '.' && j+1 < to && isDigit(norm[j+1]) {
		j++
		for j < to && isDigit(norm[j]) {
			j++
		}
	}
	if j < to && (norm[j] == 'e' || norm[j] == 'E') {
		k := j + 1
		if k < to && (norm[k] == '+' || norm[k] == '-') {
			k++
		}
		if k < to && isDigit(norm[k]) {
			for k < to && isDigit(norm[k]) {
				k++
			}
			j = k
		}
	}
	digits := string(norm[i:j])
	shift := 0
	if j < to && norm[j] == '万' {
		shift, j = 4, j+1
	} else if j < to && norm[j] == '亿' {
		shift, j = 8, j+1
	}
	multiplied := shift != 0
	k := j
	for k < to && norm[k] != '\n' && isSpace(norm[k]) {
		k++
	}
	unit := false
	switch {
	case k < to && norm[k] == '%':
		unit, j = true, k+1
	case k+1 < to && (norm[k] == 'p' || norm[k] == 'P') && (norm[k+1] == 'p' || norm[k+1] == 'P') &&
		(k+2 >= to || !isIdentPart(norm[k+2])):
		unit, j = true, k+2
	case hasWordAt(norm[:to], k, "个百分点"):
		unit, j = true, k+4
	case hasWordAt(norm[:to], k, "百分点"):
		unit, j = true, k+3
	}
	if unit {
		shift -= 2
	}
	if unit && multiplied {
		return token{kind: tokBad, from: i, to: j, err: newError(src, i, j,
			bi("万/亿不能与百分数或百分点同时使用", "万/亿 cannot be combined with a percent or percentage points"))}
	}
	if j < to && isIdentPart(norm[j]) {
		k := j
		for k < to && isIdentPart(norm[k]) {
			k++
		}
		w := string(src[i:k])
		return token{kind: tokBad, from: i, to: k, err: newError(src, i, k, bi(
			fmt.Sprintf("数字后面紧跟着文字 “%s”（数字和名称之间要有运算符）", w),
			fmt.Sprintf("a number runs into text: %q (put an operator between a number and a name)", w)))}
	}
	v, ok := scaleDecimal(digits, shift)
	if !ok {
		return token{kind: tokBad, from: i, to: j, err: newError(src, i, j, bi("数值太大", "the number is too large"))}
	}
	return token{kind: tokNumber, from: i, to: j, text: strconv.FormatFloat(v, 'g', -1, 64)}
}

// scaleDecimal parses digits × 10^shift by moving the decimal exponent, so
// that 99.2% is the double nearest 0.992 rather than 99.2/100.
func scaleDecimal(digits string, shift int) (float64, bool) {
	mant, exp := digits, 0
	if k := strings.IndexAny(digits, "eE"); k >= 0 {
		e, err := strconv.Atoi(digits[k+1:])
		if err != nil || e > 1e6 || e < -1e6 {
			return 0, false
		}
		mant, exp = digits[:k], e
	}
	v, err := strconv.ParseFloat(mant+"e"+strconv.Itoa(exp+shift), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		// A tiny number rounds to zero without error; only overflow fails.
		return 0, false
	}
	return v, true
}

// rewrite is the expression handed to expr with, for each of its runes, the
// span of the user's text it stands for.
type rewrite struct {
	text     string
	from, to []int // per rune of text
	end      int   // the end of the user's text, for errors at the end
}

// rewriteTokens writes toks for expr. It returns the first tokBad's error.
func rewriteTokens(src []rune, toks []token, end int) (rewrite, *Error) {
	var b strings.Builder
	rw := rewrite{end: end}
	put := func(r rune, from, to int) {
		b.WriteRune(r)
		rw.from = append(rw.from, from)
		rw.to = append(rw.to, to)
	}
	var prev *token // the previous token, if not white space
	for i := range toks {
		t := &toks[i]
		if t.kind == tokBad {
			return rw, t.err
		}
		if prev != nil && mayJoin(prev, t) {
			// Keep tokens apart so that expr cannot read two of them as
			// one ("1.2.3" is two numbers, a rewritten "=" beside "=").
			put(' ', t.from, t.from)
		}
		prev = t
		if t.kind == tokSpace {
			prev = nil
		}
		switch t.kind {
		case tokSpace:
			for k := t.from; k < t.to; k++ {
				if src[k] == '\n' {
					put('\n', k, k+1)
				} else {
					put(' ', k, k+1)
				}
			}
		case tokIdent:
			for k := t.from; k < t.to; k++ {
				put(src[k], k, k+1)
			}
		default:
			for _, r := range t.text {
				put(r, t.from, t.to)
			}
		}
	}
	rw.text = b.String()
	return rw, nil
}

// mayJoin reports whether b written right after a could read as part of a.
func mayJoin(a, b *token) bool {
	word := func(t *token) bool { return t.kind == tokIdent || t.kind == tokNumber }
	sep := func(t *token) bool { return t.text == "(" || t.text == ")" || t.text == "," }
	if word(a) && word(b) {
		return true
	}
	return a.kind == tokOp && b.kind == tokOp && !sep(a) && !sep(b)
}

// span maps a location in the rewritten text (runes [from, to)) back to the
// user's text.
func (rw rewrite) span(from, to int) (int, int) {
	n := len(rw.from)
	if from >= n {
		return rw.end, rw.end
	}
	if from < 0 {
		from = 0
	}
	if to <= from {
		to = from + 1
	}
	if to > n {
		to = n
	}
	f, t := rw.from[from], rw.to[to-1]
	if t < f {
		t = f
	}
	return f, t
}
