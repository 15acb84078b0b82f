package reportfmt

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
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

// StatusName is the label of a status in "zh" or "en".
func StatusName(s indicators.Status, lang string) string {
	if t, ok := indicators.StatusNames[s]; ok {
		return t.In(lang)
	}
	return string(s)
}

// NatureName is the label of a target's nature: 约束性 / binding,
// 预期性 / aspirational. An empty nature binds, as the engine reads it.
func NatureName(n plan.Nature, lang string) string {
	if n == plan.Aspirational {
		return pick(lang, "预期性", "aspirational")
	}
	return pick(lang, "约束性", "binding")
}

// LevelName is the label of a level of the hierarchy.
func LevelName(l org.Level, lang string) string {
	switch l {
	case org.City:
		return pick(lang, "市", "City")
	case org.District:
		return pick(lang, "辖市区", "District")
	case org.School:
		return pick(lang, "学校", "School")
	}
	return string(l)
}

// KindName is the label of a kind of school; an unknown kind shows as
// written.
func KindName(k org.Kind, lang string) string {
	for _, kn := range org.KindNames() {
		if kn.Kind == k {
			return pick(lang, kn.Name.ZH, kn.Name.EN)
		}
	}
	return string(k)
}

// UnitKind is the kind of a school, or the level of any other unit.
func UnitKind(u dataset.OrgUnit, lang string) string {
	if u.Level == org.School && u.Kind != "" {
		return KindName(u.Kind, lang)
	}
	return LevelName(u.Level, lang)
}

// unitLabel is "名称(编号)", or the id alone when the unit has no name.
func unitLabel(u dataset.OrgUnit, lang string) string {
	if u.Name == "" || u.Name == u.ID {
		return u.ID
	}
	return u.Name + "(" + u.ID + ")"
}

// ValueText shows a result's value in its unit, or "—" when it has none:
// Result.ValueText.
func ValueText(r indicators.Result, lang string) string { return r.ValueText(lang) }

// TargetText shows a result's target in symbols ("≥ 99%"), falling back to
// the target as written.
func TargetText(r indicators.Result, lang string) string {
	if s := r.Target.Display.In(lang); s != "" {
		return s
	}
	return r.Target.Text
}

// GapText shows a result's signed gap, or "" when it has none:
// Result.GapText.
func GapText(r indicators.Result, lang string) string { return r.GapText(lang) }

// gapNumber is the gap as a plain number in the target's unit (the engine
// already gives percentage points for percents), so that a spreadsheet can
// sort and sum it.
func gapNumber(r indicators.Result) string {
	if r.Gap == nil {
		return ""
	}
	g := *r.Gap
	s := strconv.FormatFloat(g, 'f', 4, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	if g > 0 && s != "0" {
		s = "+" + s
	}
	return s
}

// gapUnit names the unit of gapNumber.
func gapUnit(r indicators.Result, lang string) string {
	if r.Gap == nil {
		return ""
	}
	if r.Unit == plan.Percent || r.Target.Points {
		return pick(lang, "个百分点", "pp")
	}
	return ""
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
// stray character cannot break the alignment or drive the terminal.
func oneLine(s string) string {
	if s == "" {
		return s
	}
	clean := true
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
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
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

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
