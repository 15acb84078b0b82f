// Package view computes every text a user sees about an assessment result:
// value, target and gap with the decimals the status needs, status, nature,
// origin, places, reason, warnings, the one-line summary of a result, the
// counts of a report, and the report's CSV. The command line (table,
// Markdown, JUnit, CSV), the browser page and the test helpers all show
// these texts and format none of their own, so the same result reads the
// same everywhere.
//
// Texts come as msg.Text, in Chinese and English at once: the page switches
// language without asking Go again, and the command line takes .In(lang).
//
// The package is part of the browser binary, so it must not import
// golang.org/x/text (terminal widths stay in reportfmt).
package view

import (
	"bytes"
	"math"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// None stands in a table cell for a value a result does not have. CSV
// leaves such a cell empty instead, so that a spreadsheet can sum the
// column.
const None = "—"

// Result is what a user reads about one result. Every text is empty when
// the result has nothing to say there (no value, no gap, no reason).
type Result struct {
	// Value is the value in its unit, with the decimals the status needs:
	// "94.996%" against ≥ 95%, never "95%". A percent held to a target in
	// percentage points (a gap between units) reads in points.
	Value msg.Text `json:"value"`
	// Target is the target in symbols ("≥ 99%"), or as written: the
	// unit's own when the plan sets it one.
	Target msg.Text `json:"target"`
	// TargetNote says whose target Target is when it is not simply the
	// unit's: its own, which the plan sets for named units, and what the
	// others are held to ("本单位目标（按计划对县A、县B的要求；其余单位 ≥
	// 90）"), or the target of other units shown for reference
	// ("计划对全市、辖市区提出此目标，本单位的数值仅供参考……"). Empty for
	// the default.
	TargetNote msg.Text `json:"targetNote"`
	// Gap is the signed gap, value − target, in percentage points for
	// percents, with the side it lies on ("-0.004个百分点（差于目标）",
	// "-0.004 pp (worse than target)"): see GapLegend.
	Gap msg.Text `json:"gap"`
	// GapSide is the side alone: 优于目标 / better than target, 差于目标 /
	// worse than target; empty for a gap of zero.
	GapSide msg.Text `json:"gapSide"`
	// GapNumber is the gap as a plain signed number ("-0.004") in the unit
	// GapUnit names, for a spreadsheet to sort and sum; it has the digits
	// of Gap.
	GapNumber string   `json:"gapNumber"`
	GapUnit   msg.Text `json:"gapUnit"`
	Status    msg.Text `json:"status"`
	// Nature is 约束性 / binding or 预期性 / aspirational.
	Nature msg.Text `json:"nature"`
	// Origin is 计算 / computed or 填报 / reported, for a result with a value.
	Origin msg.Text `json:"origin"`
	// Places lists where the plan states the indicator ("任务4、任务12").
	Places msg.Text `json:"places"`
	// Reason says why there is no value (no data, not computable).
	Reason   msg.Text   `json:"reason"`
	Warnings []msg.Text `json:"warnings"`
	// FigureNotes say, for each input the unit reported itself that
	// differs from its units' sum, which of the two the value used
	// ("在园幼儿数按本单位填报 50000 计算（下属单位合计 40412，相差 9588）").
	// They are among Notes too.
	FigureNotes []msg.Text `json:"figureNotes,omitempty"`
	// Notes are the lines that explain a result beyond its row: the
	// reason, that the unit reported the value itself, which figure was
	// used where the unit's own and its children's sum differ, that a met
	// value lies past the far end of its range ("above the range"), the
	// warnings.
	Notes []msg.Text `json:"notes"`
	// Line is the result on one line: indicator, status, value, target,
	// gap (or the reason) and nature, as failures are reported.
	//
	//	学前三年教育毛入学率(preschool-ger) 未达标：数值 97.5%，目标 ≥ 99%，差距 -1.5个百分点，差于目标（约束性）
	Line msg.Text `json:"line"`

	gap msg.Text // Gap without its side, for Line
}

// ValueOf is the value text Of gives, alone: for the cells of a table of
// many units, where the rest of a result's texts are not shown.
func ValueOf(r indicators.Result) msg.Text {
	if r.Value == nil {
		return msg.Text{}
	}
	return value(*r.Value, r.Unit, r.Target.Points, digitsOf(&r))
}

// Of computes the texts of a result.
func Of(r indicators.Result) Result { return of(&r, nil) }

// of is Of, with the texts t keeps reused, and without Line, when t is not
// nil (Texts.Row).
func of(r *indicators.Result, t *Texts) Result {
	d := digitsOf(r)
	v := Result{
		Target:   t.target(r),
		Status:   t.status(r),
		Nature:   Nature(r.Nature),
		Places:   t.places(r),
		Warnings: r.Warnings,
	}
	if t != nil {
		v.Notes = t.notes[:0]
		defer func() { t.notes = v.Notes }()
	}
	if r.Value != nil {
		v.Value = value(*r.Value, r.Unit, r.Target.Points, d)
		v.Origin = msg.T("计算", "computed")
		if r.Origin == indicators.Reported {
			v.Origin = msg.T("填报", "reported")
		}
	}
	if r.Gap != nil {
		v.GapSide = SideText(indicators.SideOf(r.Status, *r.Gap))
		v.GapNumber = gapNumber(*r.Gap, d)
		if t == nil {
			v.gap = gapText(v.GapNumber, r.Unit, r.Target.Points)
			v.Gap = withSide(v.gap, v.GapSide)
		} else {
			// Only Line reads gap alone: the gap with its side is
			// written at once.
			v.Gap = gapWithSide(v.GapNumber, r.Unit, r.Target.Points, v.GapSide)
		}
		if r.Unit == plan.Percent || r.Target.Points {
			v.GapUnit = points
		}
	}
	if o := r.Target.Override; o != nil {
		v.TargetNote = targetNote(o)
		v.Notes = append(v.Notes, v.TargetNote)
	}
	if r.Reference {
		v.TargetNote = t.referenceNote(r)
		v.Notes = append(v.Notes, v.TargetNote)
	}
	if r.Reason != nil {
		v.Reason = *r.Reason
		v.Notes = append(v.Notes, v.Reason)
	}
	if r.Origin == indicators.Reported && r.Value != nil {
		v.Notes = append(v.Notes, msg.T("数值由单位直接填报，未由分项数据计算", "value reported by the unit, not computed from its figures"))
	}
	for _, in := range r.Inputs {
		if n := figureNote(in); !n.IsZero() {
			v.FigureNotes = append(v.FigureNotes, n)
			v.Notes = append(v.Notes, n)
		}
	}
	if b := beyond(r); !b.IsZero() {
		v.Notes = append(v.Notes, b)
	}
	v.Notes = append(v.Notes, r.Warnings...)
	if t == nil {
		v.Line = line(r, &v)
	}
	return v
}

// beyond names where a met value past the far end of a range stands: a
// range read one-sided by its direction ("8-10所" where more is better) is
// met by 11, which is above the range, not in it. The gap's sign says which
// end: the engine gives a range a gap only outside it.
func beyond(r *indicators.Result) msg.Text {
	if r.Status != indicators.Met || r.Target.Op != rule.Between || r.Gap == nil || *r.Gap == 0 {
		return msg.Text{}
	}
	t := rule.Target{Op: rule.Between, Direction: rule.HigherIsBetter}
	if *r.Gap < 0 {
		t.Direction = rule.LowerIsBetter
	}
	return t.BeyondText()
}

// GapLegend says how every face writes a gap: its sign is value minus
// target, and the word beside it says whether that is the good side or
// the bad one, since the sign alone does not (+1.3个百分点 is bad under
// ≤ 5%, good under ≥ 99%).
var GapLegend = msg.T("差距 = 数值 − 目标（百分数以个百分点计）；旁注“优于目标”或“差于目标”说明差距在好的一边还是差的一边",
	"gap = value − target (percentage points for percents); “better than target” or “worse than target” beside it says whether it is on the good side or the bad side")

// SideText names the side of a gap; empty for none.
func SideText(s indicators.Side) msg.Text {
	switch s {
	case indicators.Better:
		return msg.T("优于目标", "better than target")
	case indicators.Worse:
		return msg.T("差于目标", "worse than target")
	}
	return msg.Text{}
}

// withSide writes a gap with its side beside it.
func withSide(g, side msg.Text) msg.Text {
	if side.IsZero() {
		return g
	}
	return msg.T(g.ZH+"（"+side.ZH+"）", g.EN+" ("+side.EN+")")
}

// gapWithSide is withSide(gapText(s, u, inPoints), side), each language
// written in one piece.
func gapWithSide(s string, u plan.Unit, inPoints bool, side msg.Text) msg.Text {
	if side.IsZero() {
		return gapText(s, u, inPoints)
	}
	if u == plan.Percent || inPoints {
		return msg.T(s+points.ZH+"（"+side.ZH+"）", s+" "+points.EN+" ("+side.EN+")")
	}
	return msg.T(s+"（"+side.ZH+"）", s+" ("+side.EN+")")
}

// points is the unit of a gap between percents.
var points = msg.T("个百分点", "pp")

// Number shows a figure in its unit the way the plan writes it, with up to
// two decimals: a percent as "99.2%", a count as "14". It is for figures
// that are not compared with a bound (a result's inputs, a child unit's
// value); a result's own value is Of(r).Value.
func Number(v float64, u plan.Unit) string { return number(v, u, digits{n: 2, base: 2}) }

// Quantity shows v, a value of the same quantity as r's value (an aggregate
// over child units, a child's value), the way r's value is shown: with the
// indicator's decimals, in percentage points when r's target is a gap in
// points.
func Quantity(r indicators.Result, v float64) msg.Text {
	n, fixed := plan.DisplayDecimals(r.Unit, r.Decimals)
	return value(v, r.Unit, r.Target.Points, digits{n: n, base: n, fixed: fixed})
}

// Gap shows a signed gap between a value and its bound in the bound's unit,
// percentage points for percents, with the default decimals of its unit
// or more when it needs them to be told from zero. Of(r).Gap is the same
// text for a result whose indicator declares no decimals.
func Gap(g float64, u plan.Unit, inPoints bool) msg.Text {
	n, fixed := plan.DisplayDecimals(u, nil)
	if inPoints {
		n, fixed = plan.DisplayDecimals(plan.Percent, nil)
	}
	return gap(g, u, inPoints, need(&g, digits{n: n, base: n, fixed: fixed}))
}

// Nature is the name of a target's nature: 约束性 / binding, 预期性 /
// aspirational. An empty nature binds, as the engine reads it.
func Nature(n plan.Nature) msg.Text {
	if n == plan.Aspirational {
		return msg.T("预期性", "aspirational")
	}
	return msg.T("约束性", "binding")
}

// UnitKind names what a unit is: the kind of a school ("幼儿园"), the
// level of any other unit ("辖市区").
func UnitKind(u dataset.OrgUnit) msg.Text { return UnitKindIn(nil, u) }

// UnitKindIn is UnitKind with the levels named as the plan names them
// (Report.Levels: a five-level plan's 地市, 区县); nil levels are the
// default names.
func UnitKindIn(levels org.Hierarchy, u dataset.OrgUnit) msg.Text {
	if u.Level == org.School && u.Kind != "" {
		return u.Kind.Name()
	}
	return levels.Name(u.Level)
}

// UnitLabel is "名称(编号)", or the id alone when the unit has no name of
// its own.
func UnitLabel(u dataset.OrgUnit) string {
	if u.Name == "" || u.Name == u.ID {
		return u.ID
	}
	return u.Name + "(" + u.ID + ")"
}

// digits says how a value and its gap are written: with n decimals, of
// which the first base are kept even when zero if fixed ("27.40%"); any
// trailing zero is dropped otherwise ("17.5").
type digits struct {
	n, base int
	fixed   bool
}

// digitsOf is how a result's value and gap are written: with the decimals
// the indicator declares (or its unit's default), or more when those would
// round the value onto its bound (94.996% against ≥ 95% would read "95%,
// not met").
func digitsOf(r *indicators.Result) digits {
	n, fixed := plan.DisplayDecimals(r.Unit, r.Decimals)
	return need(r.Gap, digits{n: n, base: n, fixed: fixed})
}

// need adds the decimals a gap needs to be told from zero, up to
// plan.MaxDecimals.
func need(g *float64, d digits) digits {
	if g == nil || *g == 0 {
		return d
	}
	for d.n < plan.MaxDecimals && math.Abs(*g)*math.Pow(10, float64(d.n)) < 0.5 {
		d.n++
	}
	return d
}

// format writes x with d's decimals.
func format(x float64, d digits) string {
	var buf [32]byte
	return string(appendFormat(buf[:0], x, d))
}

// appendFormat appends x with d's decimals to dst: a national report
// writes millions of values, and a string per step of their trimming was
// most of its allocations.
func appendFormat(dst []byte, x float64, d digits) []byte {
	start := len(dst)
	dst = strconv.AppendFloat(dst, x, 'f', d.n, 64)
	if !d.fixed {
		return trimAt(dst, start)
	}
	if d.n > d.base {
		// The decimals added for the status only: drop their zeros, keep
		// the declared ones.
		dst = trimRight(dst, start, '0')
		if dot := bytes.IndexByte(dst[start:], '.'); dot >= 0 {
			for short := d.base - (len(dst) - start - dot - 1); short > 0; short-- {
				dst = append(dst, '0')
			}
		}
		if len(dst) > start && dst[len(dst)-1] == '.' {
			dst = dst[:len(dst)-1]
		}
	}
	if len(dst) > start && dst[start] == '-' && onlyOf(dst[start:], "-0.") {
		dst = append(dst[:start], dst[start+1:]...)
	}
	return dst
}

// trimAt is trim on what dst holds from start.
func trimAt(dst []byte, start int) []byte {
	if bytes.IndexByte(dst[start:], '.') >= 0 {
		dst = trimRight(trimRight(dst, start, '0'), start, '.')
	}
	if string(dst[start:]) == "-0" {
		dst = append(dst[:start], '0')
	}
	return dst
}

// trimRight drops c from the end of dst, down to start.
func trimRight(dst []byte, start int, c byte) []byte {
	for len(dst) > start && dst[len(dst)-1] == c {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// onlyOf reports whether b holds nothing but bytes of set.
func onlyOf(b []byte, set string) bool {
	for _, c := range b {
		if strings.IndexByte(set, c) < 0 {
			return false
		}
	}
	return true
}

func number(v float64, u plan.Unit, d digits) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return None
	}
	switch u {
	case plan.Percent:
		var buf [32]byte
		return string(append(appendFormat(buf[:0], v*100, d), '%'))
	case plan.Count:
		if v == math.Trunc(v) && !d.fixed {
			return strconv.FormatFloat(v, 'f', 0, 64)
		}
	}
	return format(v, d)
}

// value shows a value; a percent held to a target in points reads in points
// too, so that value and target read alike.
func value(v float64, u plan.Unit, inPoints bool, d digits) msg.Text {
	if u == plan.Percent && inPoints && !math.IsNaN(v) && !math.IsInf(v, 0) {
		n := format(v*100, d)
		return msg.T(n+points.ZH, n+" "+points.EN)
	}
	s := number(v, u, d)
	return msg.T(s, s)
}

func gap(g float64, u plan.Unit, inPoints bool, d digits) msg.Text {
	return gapText(gapNumber(g, d), u, inPoints)
}

// gapText is a gap written as gapNumber writes it, in its unit.
func gapText(s string, u plan.Unit, inPoints bool) msg.Text {
	if u == plan.Percent || inPoints {
		return msg.T(s+points.ZH, s+" "+points.EN)
	}
	return msg.T(s, s)
}

// gapNumber is the gap as a plain number, with the digits of the gap's
// text: a sheet and a table show the same gap.
func gapNumber(g float64, d digits) string {
	var buf [32]byte
	b := appendFormat(append(buf[:0], '+'), g, d)
	if g > 0 && !onlyOf(b[1:], "0.") {
		return string(b)
	}
	return string(b[1:])
}

// targetAsWritten is the target in symbols, or as written.
func targetAsWritten(r *indicators.Result) msg.Text {
	t := r.Target.Display
	if t.ZH == "" {
		t.ZH = r.Target.Text
	}
	if t.EN == "" {
		t.EN = t.ZH
	}
	return t
}

// targetNote says whose target a unit's own target is.
func targetNote(o *indicators.TargetOverride) msg.Text {
	def := o.DefaultDisplay
	if def.ZH == "" {
		def.ZH = o.Default
	}
	if def.EN == "" {
		def.EN = def.ZH
	}
	zh := "本单位目标（按计划对" + strings.Join(o.Units, "、") + "的要求"
	en := "this unit's own target (as the plan sets for " + strings.Join(o.Units, ", ")
	if def.ZH != "" {
		zh += "；其余单位 " + def.ZH
		en += "; other units " + def.EN
	}
	return msg.T(zh+"）", en+")")
}

func places(ps []plan.Place) msg.Text {
	var zh, en []string
	for _, p := range ps {
		zh = append(zh, p.Label.ZH)
		en = append(en, p.Label.In("en"))
	}
	return msg.T(strings.Join(zh, "、"), strings.Join(en, ", "))
}

func line(r *indicators.Result, v *Result) msg.Text {
	one := func(lang string) string {
		s := r.Name.In(lang)
		if s == "" {
			s = r.Indicator
		} else if r.Indicator != "" {
			s += "(" + r.Indicator + ")"
		}
		s += " " + v.Status.In(lang)
		var parts []string
		if !v.Value.IsZero() {
			parts = append(parts, pick(lang, "数值 ", "value ")+v.Value.In(lang))
		}
		if t := v.Target.In(lang); t != "" {
			if r.Target.Override != nil {
				t += pick(lang, "（本单位目标）", " (this unit's own)")
			}
			if !r.Reference {
				// A reference target says whose target it is itself.
				t = pick(lang, "目标 ", "target ") + t
			}
			parts = append(parts, t)
		}
		if !v.gap.IsZero() {
			parts = append(parts, pick(lang, "差距 ", "gap ")+v.gap.In(lang))
			if !v.GapSide.IsZero() {
				parts = append(parts, v.GapSide.In(lang))
			}
		}
		d := strings.Join(parts, pick(lang, "，", ", "))
		if r.Value == nil && !v.Reason.IsZero() {
			if d != "" {
				d += pick(lang, "；", "; ")
			}
			d += v.Reason.In(lang)
		}
		d += pick(lang, "（", " (") + v.Nature.In(lang) + pick(lang, "）", ")")
		return s + pick(lang, "：", ": ") + d
	}
	return msg.T(one("zh"), one("en"))
}

// Tally is the count of one status in a summary, binding and aspirational
// targets apart, with the status's name.
type Tally struct {
	Status       indicators.Status `json:"status"`
	Name         msg.Text          `json:"name"`
	Binding      int               `json:"binding"`
	Aspirational int               `json:"aspirational"`
	// Reference counts the results shown for reference, in the tally
	// whose Status is Reference only: they are neither binding nor
	// aspirational verdicts.
	Reference int `json:"reference,omitempty"`
}

// Tallies counts a summary by status in the order reports list them: met,
// not met, no data, not computable, then not applicable and no target when
// there is any, and last, when there is any, the results shown for
// reference (Status Reference, counted in Reference).
func Tallies(s indicators.Summary) []Tally {
	out := []Tally{
		{indicators.Met, indicators.Met.Name(), s.Binding.Met, s.Aspirational.Met, 0},
		{indicators.NotMet, indicators.NotMet.Name(), s.Binding.NotMet, s.Aspirational.NotMet, 0},
		{indicators.NoData, indicators.NoData.Name(), s.Binding.NoData, s.Aspirational.NoData, 0},
		{indicators.NotComputable, indicators.NotComputable.Name(), s.Binding.NotComputable, s.Aspirational.NotComputable, 0},
	}
	if n := s.Binding.NotApplicable + s.Aspirational.NotApplicable; n > 0 {
		out = append(out, Tally{indicators.NotApplicable, indicators.NotApplicable.Name(), s.Binding.NotApplicable, s.Aspirational.NotApplicable, 0})
	}
	if n := s.Binding.NoTarget + s.Aspirational.NoTarget; n > 0 {
		out = append(out, Tally{indicators.NoTarget, indicators.NoTarget.Name(), s.Binding.NoTarget, s.Aspirational.NoTarget, 0})
	}
	if n := s.Reference.Total() - s.Reference.NotApplicable; n > 0 {
		out = append(out, Tally{Status: Reference, Name: referenceName, Reference: n})
	}
	return out
}

// SummaryText counts a unit's (or a report's) results, binding and
// aspirational targets apart, and the results shown for reference after
// them when there are any:
//
//	约束性 达标 10，未达标 1，缺数据 2，无法计算 0；预期性 达标 1，未达标 0，缺数据 0，无法计算 0；参考 3
func SummaryText(s indicators.Summary) msg.Text {
	ts := Tallies(s)
	one := func(lang string) string {
		counts := func(aspirational bool) string {
			var parts []string
			for _, t := range ts {
				n := t.Binding
				if aspirational {
					n = t.Aspirational
				}
				if ((t.Status == indicators.NotApplicable || t.Status == indicators.NoTarget) && n == 0) || t.Status == Reference {
					continue
				}
				parts = append(parts, t.Name.In(lang)+" "+strconv.Itoa(n))
			}
			return strings.Join(parts, pick(lang, "，", ", "))
		}
		s := Nature(plan.Binding).In(lang) + " " + counts(false) + pick(lang, "；", "; ") +
			Nature(plan.Aspirational).In(lang) + " " + counts(true)
		if t := ts[len(ts)-1]; t.Status == Reference {
			s += pick(lang, "；", "; ") + t.Name.In(lang) + " " + strconv.Itoa(t.Reference)
		}
		return s
	}
	return msg.T(one("zh"), one("en"))
}

// pick returns the Chinese or the English string; any language other than
// "en" is Chinese, the plan's own language.
func pick(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

func trim(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// Typed writes a figure as a person types it in a form field or a data
// cell: a percent in percent without the sign (0.992 is "99.2"), up to
// twelve significant digits, so that reading it back gives the figure.
func Typed(v float64, u plan.Unit) string {
	if u == plan.Percent {
		return rule.FormatNumber(v * 100)
	}
	return rule.FormatNumber(v)
}
