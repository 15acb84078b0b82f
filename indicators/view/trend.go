package view

import (
	"io"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/indicators/trend"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// TrendRow is every text shown about one row of a multi-year report
// (package trend): the table, markdown and CSV writers show these and
// compute none of their own.
type TrendRow struct {
	Unit      string
	Indicator msg.Text
	Nature    msg.Text
	Year      string
	// Status is the year's own assessment (达标, 未达标 …).
	Status   msg.Text
	Value    msg.Text
	Previous msg.Text
	// Change is the change since the previous year, in the indicator's
	// unit: percentage points for a percent.
	Change   msg.Text
	Baseline msg.Text
	// YearTarget is the plan's target for the year: a milestone, or the
	// target in its target year.
	YearTarget msg.Text
	Target     msg.Text
	// Completion is the share of the way from baseline to target (完成度).
	Completion msg.Text
	// Progress is Open SDG's status.
	Progress msg.Text
	// Note says why there is no value or no progress, and where a
	// baseline taken from the data comes from.
	Note msg.Text
}

var none = msg.T(None, None)

// OfTrend computes the texts of a row.
func OfTrend(r trend.Row) TrendRow {
	n, fixed := plan.DisplayDecimals(r.Measure, r.Decimals)
	d := digits{n: n, base: n, fixed: fixed}
	num := func(v float64) msg.Text { return value(v, r.Measure, r.Points, d) }
	v := TrendRow{Unit: UnitLabel(r.Unit), Indicator: r.Name, Nature: Nature(r.Nature), Year: strconv.Itoa(r.Year),
		Status: r.Status.Name(), Value: none, Previous: none, Change: none, Baseline: none, YearTarget: none, Target: none,
		Completion: none, Progress: none}
	if r.Value != nil {
		v.Value = num(*r.Value)
	}
	if p := r.Previous; p != nil {
		v.Previous = yearOf(num(p.Value), p.Year)
	}
	if r.Change != nil {
		g := *r.Change
		if r.Measure == plan.Percent {
			g *= 100 // points
		}
		v.Change = gap(g, r.Measure, false, need(&g, d))
	}
	if b := r.Baseline; b != nil {
		v.Baseline = yearOf(num(b.Value), b.Year)
	}
	goal := func(g *trend.Goal) msg.Text {
		t := g.Display
		if t.IsZero() {
			t = msg.T(g.Text, g.Text)
		}
		if g.Milestone {
			t = msg.T("阶段目标 "+t.ZH, "milestone "+t.EN)
		}
		return yearOf(t, g.Year)
	}
	if g := r.YearTarget; g != nil {
		v.YearTarget = goal(g)
		if m := r.YearTargetMet; m != nil {
			mark := msg.T("，未达到", ", not met")
			if *m {
				mark = msg.T("，已达到", ", met")
			}
			v.YearTarget.ZH = strings.TrimSuffix(v.YearTarget.ZH, "）") + mark.ZH + "）"
			v.YearTarget.EN = strings.TrimSuffix(v.YearTarget.EN, ")") + mark.EN + ")"
		}
	}
	if g := r.Target; g != nil {
		v.Target = goal(g)
	}
	var notes []msg.Text
	if r.Reason != nil {
		notes = append(notes, *r.Reason)
	}
	if r.BaselineFrom == trend.FromData && r.Baseline != nil {
		notes = append(notes, msg.Textf("计划未给基期值，以%d年数据为基期", "the plan gives no baseline: the figure of %d is taken as one", r.Baseline.Year))
	}
	if p := r.Progress; p != nil {
		v.Progress = p.Status.Name()
		if p.Completion != nil {
			c := format(*p.Completion*100, digits{n: 1, base: 1, fixed: true}) + "%"
			v.Completion = msg.T(c, c)
		} else if r.Target != nil && r.Target.Value != nil && r.Baseline != nil {
			switch t, b := *r.Target.Value, r.Baseline.Value; {
			case t == b:
				notes = append(notes, msg.T("基期值已等于目标值：完成度不适用，保持目标即为达成", "the baseline already equals the target: completion does not apply, and holding the target achieves it"))
			case r.Direction == rule.LowerIsBetter && b < t, r.Direction == rule.HigherIsBetter && b > t:
				notes = append(notes, msg.T("基期值已超过目标值：完成度不适用，保持达标即为达成", "the baseline is already past the target: completion does not apply, and staying there achieves it"))
			}
		}
		if p.Reason != nil {
			notes = append(notes, *p.Reason)
		}
	}
	for i, t := range notes {
		if i > 0 {
			v.Note.ZH += "；"
			v.Note.EN += "; "
		}
		v.Note.ZH += t.ZH
		v.Note.EN += t.EN
	}
	return v
}

// yearOf writes a value with its year: "91.34%（2020年）", "91.34% (2020)".
func yearOf(t msg.Text, year int) msg.Text {
	y := strconv.Itoa(year)
	return msg.T(t.ZH+"（"+y+"年）", t.EN+" ("+y+")")
}

// SpanText says which years a unit not in every year is in.
func SpanText(s dataset.Span) msg.Text {
	ys := make([]string, len(s.Years))
	for i, y := range s.Years {
		ys[i] = strconv.Itoa(y)
	}
	if len(ys) == 1 {
		return msg.T(UnitLabel(s.Unit)+"：仅有"+ys[0]+"年的数据", UnitLabel(s.Unit)+": figures for "+ys[0]+" only")
	}
	return msg.T(UnitLabel(s.Unit)+"：仅有"+strings.Join(ys, "、")+"年的数据", UnitLabel(s.Unit)+": figures for "+strings.Join(ys, ", ")+" only")
}

// trendColumns are the columns of the multi-year CSV, with their headers.
var trendColumns = []msg.Text{
	{ZH: "单位编号", EN: "unit_id"},
	{ZH: "单位名称", EN: "unit_name"},
	{ZH: "年度", EN: "year"},
	{ZH: "指标编号", EN: "indicator_id"},
	{ZH: "指标", EN: "indicator"},
	{ZH: "性质", EN: "nature"},
	{ZH: "状态", EN: "status"},
	{ZH: "数值", EN: "value"},
	{ZH: "上年数值", EN: "previous"},
	{ZH: "比上年", EN: "change"},
	{ZH: "基期值", EN: "baseline"},
	{ZH: "当年目标", EN: "year_target"},
	{ZH: "规划目标", EN: "target"},
	{ZH: "完成度", EN: "completion"},
	{ZH: "进度", EN: "progress"},
	{ZH: "进度代码", EN: "progress_code"},
	{ZH: "说明", EN: "note"},
}

// TrendColumns returns the headers of the multi-year CSV in a language.
func TrendColumns(lang string) []string { return headers(trendColumns, lang) }

// TrendRows gives each row of the multi-year CSV, under TrendColumns, to
// each in turn, stopping at its first error.
func TrendRows(rep *trend.Report, lang string, each func(row []string) error) error {
	for _, r := range rep.Rows {
		v := OfTrend(r)
		code := ""
		if r.Progress != nil {
			code = string(r.Progress.Status)
		}
		row := []string{r.Unit.ID, r.Unit.Name, v.Year, r.Indicator, v.Indicator.In(lang), v.Nature.In(lang), v.Status.In(lang),
			v.Value.In(lang), v.Previous.In(lang), v.Change.In(lang), v.Baseline.In(lang), v.YearTarget.In(lang), v.Target.In(lang),
			v.Completion.In(lang), v.Progress.In(lang), code, v.Note.In(lang)}
		if err := each(row); err != nil {
			return err
		}
	}
	return nil
}

// WriteTrendCSV writes a multi-year report as CSV for a spreadsheet, one
// row per unit, indicator and year, as WriteCSV writes a year's.
func WriteTrendCSV(w io.Writer, rep *trend.Report, lang string) error {
	return writeSheet(w, TrendColumns(lang), func(each func([]string) error) error { return TrendRows(rep, lang, each) })
}
