package reportfmt

import (
	"strings"
	"unicode"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"golang.org/x/text/width"
)

// pick returns the Chinese or the English string; any language other than
// "en" is Chinese, the plan's own language.
func pick(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

func sep(lang string) string { return pick(lang, "：", ": ") }

func join(parts []string, sep string) string { return strings.Join(parts, sep) }

// unitTitle is "名称(编号) · 类别", one line, for a table's or a suite's
// title, the levels named as the report's plan names them.
func unitTitle(levels org.Hierarchy, u dataset.OrgUnit, lang string) string {
	return oneLine(view.UnitLabel(u)) + " · " + view.UnitKindIn(levels, u).In(lang)
}

// orNone is what a table cell shows for a value a result does not have.
func orNone(s string) string {
	if s == "" {
		return view.None
	}
	return s
}

// Width is the number of terminal columns s takes: East Asian wide and
// fullwidth characters take two, combining marks and control characters
// none, everything else one. Ambiguous characters (such as "°" or "±")
// count as one, as terminals in a Chinese locale on Linux and macOS show them.
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	if r < 0x20 || (r >= 0x7f && r < 0xa0) {
		return 0
	}
	// Fast paths for what reports are made of: Latin text before the
	// combining marks, and the CJK ideographs.
	if r < 0x300 {
		return 1
	}
	if r >= 0x4e00 && r <= 0x9fff {
		return 2
	}
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// oneLine makes text from a plan or a data file safe for one table cell:
// line breaks and tabs become spaces, other control characters go, so a
// stray character cannot break the alignment or drive the terminal. A
// character that changes the direction of the text or takes no width
// (U+202E, U+200B …) is shown escaped, <U+202E>: it could make a name read
// as another, and a reader should see that it is there.
func oneLine(s string) string {
	if s == "" {
		return s
	}
	clean := true
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || hidden(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case unicode.IsControl(r):
		case hidden(r):
			b.Write(msg.AppendEscaped(nil, r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hidden is msg.Hidden: one rule for every text output.
func hidden(r rune) bool { return msg.Hidden(r) }

// pad fills s with spaces to w columns, on the right or on the left.
func pad(s string, w int, right bool) string {
	n := w - Width(s)
	if n <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}
