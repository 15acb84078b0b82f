package rule

import (
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/msg"
)

// Error is a problem in a formula, a target or a rule, located in the text
// the user wrote. Line and Column count characters (runes), not bytes, and
// not positions in the rewritten expression handed to expr, so that an editor
// or the browser page can put the cursor on the right Chinese character.
type Error struct {
	// Source is the user's whole text (for CompileRule, the whole rule).
	Source string
	// Line and Column are 1-based, in characters of Source.
	Line, Column int
	// Offset is the 0-based character offset of the error in Source, for
	// programs that highlight a span rather than a line and a column.
	Offset int
	// Length is how many characters of Source the error covers; at least 1
	// unless the error is at the very end of the text.
	Length int
	// Message says what is wrong, in Chinese and English.
	Message msg.Text
	// unknownName marks a name the resolver does not know: the cause to
	// name first when other parts of a rule also fail to read.
	unknownName bool
}

// Error renders the message with a snippet of the offending line and carets
// under the characters concerned. Chinese characters take two columns in a
// terminal, so the padding under them is doubled.
func (e *Error) Error() string { return e.render(e.Message.Both()) }

// In renders the error like Error, with the message in one language; the
// snippet is the user's own text, as written.
func (e *Error) In(lang string) string { return e.render(e.Message.In(lang)) }

func (e *Error) render(message string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d:%d: %s", e.Line, e.Column, message)
	line := sourceLine([]rune(e.Source), e.Line)
	if len(line) == 0 {
		return b.String()
	}
	b.WriteString("\n | ")
	for _, r := range line {
		if r == '\t' {
			r = ' '
		}
		b.WriteRune(r)
	}
	b.WriteString("\n | ")
	col := e.Column - 1
	for i := 0; i < col && i < len(line); i++ {
		b.WriteString(strings.Repeat(".", runeWidth(line[i])))
	}
	carets := 0
	for i := col; i < col+e.Length && i < len(line); i++ {
		carets += runeWidth(line[i])
	}
	if carets == 0 {
		carets = 1
	}
	b.WriteString(strings.Repeat("^", carets))
	return b.String()
}

// sourceLine returns line n (1-based) of src without its line break.
func sourceLine(src []rune, n int) []rune {
	line := 1
	start := 0
	for i, r := range src {
		if r == '\n' {
			if line == n {
				return trimCR(src[start:i])
			}
			line++
			start = i + 1
		}
	}
	if line == n {
		return trimCR(src[start:])
	}
	return nil
}

func trimCR(rs []rune) []rune {
	if len(rs) > 0 && rs[len(rs)-1] == '\r' {
		return rs[:len(rs)-1]
	}
	return rs
}

// newError locates the character span [from, to) of src.
func newError(src []rune, from, to int, message msg.Text) *Error {
	if from < 0 {
		from = 0
	}
	if from > len(src) {
		from = len(src)
	}
	if to > len(src) {
		to = len(src)
	}
	if to < from {
		to = from
	}
	if to == from && from < len(src) {
		to = from + 1
	}
	line, col := 1, 1
	for _, r := range src[:from] {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return &Error{
		Source:  string(src),
		Line:    line,
		Column:  col,
		Offset:  from,
		Length:  to - from,
		Message: message,
	}
}

// bi is a message in Chinese and English.
func bi(zh, en string) msg.Text { return msg.T(zh, en) }

// runeWidth is the number of terminal columns r takes: 2 for East Asian wide
// and full-width characters, 1 otherwise. A small table is enough for the
// caret line, and it keeps golang.org/x/text out of the browser binary.
func runeWidth(r rune) int {
	switch {
	case r >= 0x1100 && r <= 0x115F,
		r >= 0x2E80 && r <= 0x303E,
		r >= 0x3041 && r <= 0x33FF,
		r >= 0x3400 && r <= 0x4DBF,
		r >= 0x4E00 && r <= 0x9FFF,
		r >= 0xA000 && r <= 0xA4CF,
		r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}
