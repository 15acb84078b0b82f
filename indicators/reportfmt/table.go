package reportfmt

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/view"
)

// WriteTable writes the report as plain-text tables for a terminal, one per
// unit, in "zh" or "en". Columns are aligned by display width, so Chinese
// names (two columns per character) line up with Latin text. Notes under
// each table explain missing values and warnings; a section lists the
// figures parents reported that differ from their units' sum
// (Report.Hierarchy); a last line totals the report. Each unit's table
// goes out as the unit comes: src may be an indicators.Stream.
func WriteTable(w io.Writer, src indicators.Source, lang string) error {
	return WriteTableAcross(w, src, nil, lang)
}

// WriteTableAcross writes the report as WriteTable does, with the previous
// year, the change, completion and progress of a (see view.Across) beside
// each result; a nil a writes WriteTable's table.
func WriteTableAcross(w io.Writer, src indicators.Source, a *view.Across, lang string) error {
	bw := bufio.NewWriter(w)
	r := &indicators.Report{}
	if src != nil && src.Header() != nil {
		r = src.Header()
	} else {
		src = r
	}
	fmt.Fprintln(bw, reportTitle(r, lang))
	if a != nil {
		fmt.Fprintln(bw, a.Note().In(lang))
	}
	fmt.Fprintln(bw, view.GapLegend.In(lang))
	empty, allMet, units := 0, 0, 0
	var t indicators.Summary
	var texts view.Texts
	err := src.Each(func(u *indicators.UnitReport) error {
		units++
		t = AddSummary(t, u.Summary)
		// A city's file lists every school; most schools have no
		// indicator of their own in a city plan, and a block per such
		// school would bury the results. They are counted at the end.
		if len(u.Results) == 0 {
			if u.Summary.Total() == 0 {
				empty++
			} else {
				allMet++
			}
			return nil
		}
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, unitTitle(src.Header().Levels, u.Unit, lang))
		fmt.Fprintln(bw, view.SummaryText(u.Summary).In(lang))
		fmt.Fprintln(bw)
		rows := [][]string{{
			pick(lang, "状态", "Status"), pick(lang, "指标", "Indicator"), pick(lang, "数值", "Value"),
			pick(lang, "目标", "Target"), pick(lang, "差距", "Gap"), pick(lang, "性质", "Nature"),
			pick(lang, "编号", "ID"),
		}}
		right := []bool{false, false, true, false, true, false, false}
		if a != nil {
			rows[0] = append(rows[0], view.AcrossHeader(lang)...)
			right = append(right, true, true, true, false)
		}
		var notes []string
		for k := range u.Results {
			res := &u.Results[k]
			v := texts.Row(res)
			row := []string{
				v.Status.In(lang), oneLine(res.Name.In(lang)), orNone(v.Value.In(lang)),
				oneLine(v.Target.In(lang)), v.Gap.In(lang), v.Nature.In(lang),
				oneLine(res.Indicator),
			}
			if a != nil {
				row = append(row, a.Cells(u.Unit.ID, res.Indicator, lang)...)
			}
			rows = append(rows, row)
			notes = append(notes, namedNotes(res, v, lang)...)
		}
		WriteColumns(bw, rows, right)
		if len(notes) > 0 {
			fmt.Fprintln(bw)
			fmt.Fprintln(bw, "  "+pick(lang, "说明：", "Notes:"))
			for _, n := range notes {
				fmt.Fprintln(bw, "  · "+n)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(bw)
	writeHierarchyTable(bw, r, lang)
	if allMet > 0 {
		fmt.Fprintf(bw, pick(lang, "另有 %d 个单位的结果全部达标，未列出。\n", "%d more unit(s) met every target and are not listed.\n"), allMet)
	}
	if empty > 0 {
		fmt.Fprintf(bw, pick(lang, "另有 %d 个单位没有适用的指标。\n", "%d more unit(s) have no applicable indicator.\n"), empty)
	}
	fmt.Fprintln(bw, pick(lang, "合计", "Total")+fmt.Sprintf(pick(lang, "（%d 个单位）", " (%d units)"), units)+
		sep(lang)+strings.TrimSpace(view.SummaryText(t).In(lang)))
	writeTableValidation(bw, r, lang)
	if r.DataQuality != nil {
		fmt.Fprintln(bw)
		writeQuality(bw, view.QualityIn(r.Levels, r.DataQuality), lang, false, shortList)
	}
	return bw.Flush()
}

// reportTitle names the plan and the year of a report.
func reportTitle(r *indicators.Report, lang string) string {
	s := pick(lang, "评估报告", "Assessment report")
	if r.Plan != "" {
		s += " · " + oneLine(r.Plan)
	}
	if r.Year != 0 {
		s += fmt.Sprintf(pick(lang, " · %d年", " · %d"), r.Year)
	}
	return s
}

// namedNotes are a result's notes (view.Result.Notes) prefixed with the
// indicator's name, for notes listed under a table.
func namedNotes(res *indicators.Result, v view.Result, lang string) []string {
	name := oneLine(res.Name.In(lang))
	if name == "" {
		name = oneLine(res.Indicator)
	}
	notes := make([]string, len(v.Notes))
	for i, n := range v.Notes {
		notes[i] = name + sep(lang) + oneLine(n.In(lang))
	}
	return notes
}

// WriteColumns writes rows as columns aligned by display width (a Chinese
// character takes two columns), separated by two spaces and indented by
// two; the first row is the header. right[i] right-aligns column i below
// the header; right may be shorter than a row, or nil. Trailing spaces are
// dropped. Every terminal table of the command line goes through here.
func WriteColumns(w io.Writer, rows [][]string, right []bool) {
	if len(rows) == 0 {
		return
	}
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			if n := Width(c); n > widths[i] {
				widths[i] = n
			}
		}
	}
	for ri, row := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range row {
			if i > 0 {
				b.WriteString("  ")
			}
			// Headers align left: a right-aligned title over numbers
			// reads oddly in Chinese.
			b.WriteString(pad(c, widths[i], ri > 0 && i < len(right) && right[i]))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
