package view

import (
	"io"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/trend"
	"github.com/eduplan/eduplan/msg"
)

// Across is what a one-year report shows beside each result when earlier
// years are given: the rows of the assessed year in a multi-year report
// (package trend), by unit and indicator, as OfTrend writes them. The
// table, Markdown and CSV writers of a year's report take one; nil shows a
// year alone.
type Across struct {
	// Year is the year assessed; Years every year of the data.
	Year  int
	Years []int
	// rows point into the report's rows; their texts are written when a
	// writer asks (Of), not for every row of a city's schools at once.
	rows map[acrossKey]*trend.Row
}

type acrossKey struct{ unit, indicator string }

// AcrossOf indexes the rows of rep's year by unit and indicator. It
// returns nil when rep is nil. rep must not change while the index is in
// use.
func AcrossOf(rep *trend.Report, year int) *Across {
	if rep == nil {
		return nil
	}
	a := &Across{Year: year, Years: rep.Years, rows: map[acrossKey]*trend.Row{}}
	for i := range rep.Rows {
		if r := &rep.Rows[i]; r.Year == year {
			a.rows[acrossKey{r.Unit.ID, r.Indicator}] = r
		}
	}
	return a
}

// Of returns the texts beside a unit's result of an indicator: a result
// the multi-year report has no row for (a unit or indicator of that year
// alone) reads "—" in every column.
func (a *Across) Of(unit, indicator string) TrendRow {
	if r, ok := a.rows[acrossKey{unit, indicator}]; ok {
		return OfTrend(*r)
	}
	return TrendRow{Previous: none, Change: none, Baseline: none, Completion: none, Progress: none}
}

// code is the progress status's code of a result, or "".
func (a *Across) code(unit, indicator string) string {
	if r, ok := a.rows[acrossKey{unit, indicator}]; ok && r.Progress != nil {
		return string(r.Progress.Status)
	}
	return ""
}

// AcrossHeader names the columns Across adds to a year's table and
// Markdown report.
func AcrossHeader(lang string) []string {
	return []string{pick(lang, "上年", "Previous"), pick(lang, "比上年", "Change"), pick(lang, "完成度", "Completion"), pick(lang, "进度", "Progress")}
}

// Cells are a result's texts under AcrossHeader.
func (a *Across) Cells(unit, indicator, lang string) []string {
	t := a.Of(unit, indicator)
	return []string{t.Previous.In(lang), t.Change.In(lang), t.Completion.In(lang), t.Progress.In(lang)}
}

// acrossColumns are the columns a year's CSV gains when earlier years are
// given, after its own, so that a sheet read by column position still
// finds every column it knew.
var acrossColumns = []msg.Text{
	{ZH: "上年数值", EN: "previous"},
	{ZH: "比上年", EN: "change"},
	{ZH: "基期值", EN: "baseline"},
	{ZH: "完成度", EN: "completion"},
	{ZH: "进度", EN: "progress"},
	{ZH: "进度代码", EN: "progress_code"},
}

// WriteCSVAcross writes the report as WriteCSV does, each row followed by
// the previous year's value, the change, the baseline, completion and
// progress of a (see Across); a nil a writes WriteCSV's columns alone.
func WriteCSVAcross(w io.Writer, r *indicators.Report, a *Across, lang string) error {
	return writeSheet(w, ColumnsAcross(a, lang), func(each func([]string) error) error { return RowsAcross(r, a, lang, each) })
}

// ColumnsAcross are the headers of WriteCSVAcross: Columns, and a's after
// them when a is not nil.
func ColumnsAcross(a *Across, lang string) []string {
	if a == nil {
		return Columns(lang)
	}
	return append(Columns(lang), headers(acrossColumns, lang)...)
}

// RowsAcross gives the rows of WriteCSVAcross, under ColumnsAcross, as
// Rows gives its own: for a writer whose cells are never formulas (an
// .xlsx sheet).
func RowsAcross(r *indicators.Report, a *Across, lang string, each func(row []string) error) error {
	if a == nil {
		return Rows(r, lang, each)
	}
	return rowsWith(r, lang, func(unit, indicator string) []string {
		t := a.Of(unit, indicator)
		return []string{t.Previous.In(lang), t.Change.In(lang), t.Baseline.In(lang), t.Completion.In(lang), t.Progress.In(lang), a.code(unit, indicator)}
	}, false, each)
}

// Note says, under a year's report title, which years the columns of a
// compare.
func (a *Across) Note() msg.Text {
	ys := make([]string, len(a.Years))
	for i, y := range a.Years {
		ys[i] = strconv.Itoa(y)
	}
	return msg.T("数据年份："+strings.Join(ys, "、")+"年。上年、比上年、完成度和进度按各年数据计算（与 eduplan progress 相同）；每年的明细见 eduplan progress。",
		"Years of data: "+strings.Join(ys, ", ")+". Previous, change, completion and progress are worked out across them (as eduplan progress does); eduplan progress shows every year.")
}
