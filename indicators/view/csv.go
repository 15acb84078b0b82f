package view

import (
	"io"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/internal/spreadsheet"
	"github.com/eduplan/eduplan/msg"
)

// columns are the columns of the report CSV, in order, with their headers.
// The command line's `check --format csv` and the page's report export
// write these and no others.
var columns = []msg.Text{
	{ZH: "单位编号", EN: "unit_id"},
	{ZH: "单位名称", EN: "unit_name"},
	{ZH: "层级", EN: "level"},
	{ZH: "类别", EN: "kind"},
	{ZH: "上级单位", EN: "parent"},
	{ZH: "年度", EN: "year"},
	{ZH: "指标编号", EN: "indicator_id"},
	{ZH: "指标", EN: "indicator"},
	{ZH: "性质", EN: "nature"},
	{ZH: "状态", EN: "status"},
	{ZH: "数值", EN: "value"},
	{ZH: "目标", EN: "target"},
	{ZH: "差距", EN: "gap"},
	{ZH: "差距单位", EN: "gap_unit"},
	{ZH: "差距方向", EN: "gap_side"},
	{ZH: "来源", EN: "origin"},
	{ZH: "出处", EN: "places"},
	{ZH: "原文", EN: "wording"},
	{ZH: "说明", EN: "note"},
}

// Columns returns the headers of the report CSV in a language.
func Columns(lang string) []string { return headers(columns, lang) }

// headers gives column names in a language.
func headers(cols []msg.Text, lang string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.In(lang)
	}
	return out
}

// WriteCSV writes the report as CSV for a spreadsheet, one row per unit and
// indicator, texts in lang ("zh" or "en"): UTF-8 with a byte order mark and
// CRLF line ends, as Excel expects. The value reads as the plan writes it
// ("99.2%", which Excel takes for a number); the gap is a plain signed
// number whose unit (个百分点 / pp for percents) is in the next column, so
// that the sheet can sort and sum it, and whose side (优于目标 / 差于目标,
// GapLegend) is in the one after. A cell that a spreadsheet would run
// as a formula is kept as text. Rows go out as each unit's are made: r may
// be a *indicators.Stream, whose units are never all in memory.
func WriteCSV(w io.Writer, r indicators.Source, lang string) error {
	return writeSheet(w, Columns(lang), func(each func([]string) error) error { return rowsWith(r, lang, nil, true, each) })
}

// writeSheet writes a CSV file for a spreadsheet, as every CSV of this
// package is written: a byte order mark, the header, then each row rows
// gives with its formula-like cells kept as text (internal/spreadsheet),
// CRLF line ends, in pieces of about a megabyte, since a national report
// is large.
func writeSheet(w io.Writer, header []string, rows func(each func([]string) error) error) error {
	if _, err := io.WriteString(w, spreadsheet.BOM); err != nil {
		return err
	}
	const piece = 1 << 20
	var b strings.Builder
	// Sized once per piece, a little over it: grown row by row it would
	// copy itself a dozen times a megabyte.
	b.Grow(piece + piece/8)
	spreadsheet.AppendRow(&b, header, true)
	err := rows(func(row []string) error {
		spreadsheet.AppendRow(&b, spreadsheet.GuardRow(row), true)
		if b.Len() >= piece {
			if _, err := io.WriteString(w, b.String()); err != nil {
				return err
			}
			b.Reset()
			b.Grow(piece + piece/8)
		}
		return nil
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// Rows gives each row of the report CSV, under the headers of Columns, to
// each in turn, stopping at its first error: the texts as they are, before
// the CSV guards a formula-like cell, for a writer whose cells are never
// formulas (an .xlsx sheet). each may keep the row it is given.
func Rows(r indicators.Source, lang string, each func(row []string) error) error {
	return rowsWith(r, lang, nil, false, each)
}

// rowsWith gives Rows' rows, each followed by the cells more gives for its
// unit and indicator when more is not nil. With reuse, every row is given
// in the same slice, for an each that keeps none.
func rowsWith(r indicators.Source, lang string, more func(unit, indicator string) []string, reuse bool, each func(row []string) error) error {
	if r == nil || r.Header() == nil {
		return nil
	}
	year := ""
	if y := r.Header().Year; y != 0 {
		year = strconv.Itoa(y)
	}
	levels := r.Header().Levels
	var texts Texts
	var row []string
	noteSep := pick(lang, "；", "; ")
	return r.Each(func(u *indicators.UnitReport) error {
		kind := ""
		if u.Unit.Kind != "" {
			kind = u.Unit.Kind.Name().In(lang)
		}
		level := levels.Name(u.Unit.Level).In(lang)
		for k := range u.Results {
			res := &u.Results[k]
			v := texts.Row(res)
			if !reuse {
				row = nil
			}
			row = append(row[:0],
				u.Unit.ID, u.Unit.Name, level, kind, u.Unit.Parent, year,
				res.Indicator, res.Name.In(lang), v.Nature.In(lang),
				v.Status.In(lang), v.Value.In(lang), v.Target.In(lang),
				v.GapNumber, v.GapUnit.In(lang), v.GapSide.In(lang), v.Origin.In(lang), v.Places.In(lang),
				res.Wording, joinIn(v.Notes, lang, noteSep),
			)
			if more != nil {
				row = append(row, more(u.Unit.ID, res.Indicator)...)
			}
			if err := each(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// joinIn joins texts in a language, without building anything for one
// text or none (most rows).
func joinIn(ts []msg.Text, lang, sep string) string {
	switch len(ts) {
	case 0:
		return ""
	case 1:
		return ts[0].In(lang)
	}
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(t.In(lang))
	}
	return b.String()
}
