package reportfmt

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/plan"
)

// WriteTable writes the report as plain-text tables for a terminal, one per
// unit, in "zh" or "en". Columns are aligned by display width, so Chinese
// names (two columns per character) line up with Latin text. Notes under
// each table explain missing values and warnings; a last line totals the
// report.
func WriteTable(w io.Writer, r *indicators.Report, lang string) error {
	bw := bufio.NewWriter(w)
	if r == nil {
		r = &indicators.Report{}
	}
	fmt.Fprintln(bw, reportTitle(r, lang))
	empty, allMet := 0, 0
	for _, u := range r.Units {
		// A city's file lists every school; most schools have no
		// indicator of their own in a city plan, and a block per such
		// school would bury the results. They are counted at the end.
		if len(u.Results) == 0 {
			if u.Summary.Binding.Total()+u.Summary.Aspirational.Total() == 0 {
				empty++
			} else {
				allMet++
			}
			continue
		}
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, oneLine(unitLabel(u.Unit, lang))+" · "+UnitKind(u.Unit, lang))
		fmt.Fprintln(bw, SummaryText(u.Summary, lang))
		fmt.Fprintln(bw)
		rows := [][]string{{
			pick(lang, "状态", "Status"), pick(lang, "指标", "Indicator"), pick(lang, "数值", "Value"),
			pick(lang, "目标", "Target"), pick(lang, "差距", "Gap"), pick(lang, "性质", "Nature"),
			pick(lang, "编号", "ID"),
		}}
		var notes []string
		for _, res := range u.Results {
			rows = append(rows, []string{
				StatusName(res.Status, lang), oneLine(res.Name.In(lang)), ValueText(res, lang),
				oneLine(TargetText(res, lang)), GapText(res, lang), NatureName(res.Nature, lang),
				oneLine(res.Indicator),
			})
			notes = append(notes, namedNotes(res, lang)...)
		}
		writeAligned(bw, rows, []bool{false, false, true, false, true, false, false})
		if len(notes) > 0 {
			fmt.Fprintln(bw)
			fmt.Fprintln(bw, "  "+pick(lang, "说明：", "Notes:"))
			for _, n := range notes {
				fmt.Fprintln(bw, "  · "+n)
			}
		}
	}
	fmt.Fprintln(bw)
	if allMet > 0 {
		fmt.Fprintf(bw, pick(lang, "另有 %d 个单位的结果全部达标，未列出。\n", "%d more unit(s) met every target and are not listed.\n"), allMet)
	}
	if empty > 0 {
		fmt.Fprintf(bw, pick(lang, "另有 %d 个单位没有适用的指标。\n", "%d more unit(s) have no applicable indicator.\n"), empty)
	}
	t := Totals(r)
	fmt.Fprintln(bw, pick(lang, "合计", "Total")+fmt.Sprintf(pick(lang, "（%d 个单位）", " (%d units)"), len(r.Units))+
		sep(lang)+strings.TrimSpace(SummaryText(t, lang)))
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

// SummaryText counts a summary's results, binding and aspirational apart:
//
//	约束性 达标 10，未达标 1，缺数据 2，无法计算 0；预期性 达标 1，未达标 0，缺数据 0，无法计算 0
func SummaryText(s indicators.Summary, lang string) string {
	return NatureName(plan.Binding, lang) + " " + countsText(s.Binding, lang) + pick(lang, "；", "; ") +
		NatureName(plan.Aspirational, lang) + " " + countsText(s.Aspirational, lang)
}

func countsText(c indicators.Counts, lang string) string {
	parts := []string{
		StatusName(indicators.Met, lang) + " " + itoa(c.Met),
		StatusName(indicators.NotMet, lang) + " " + itoa(c.NotMet),
		StatusName(indicators.NoData, lang) + " " + itoa(c.NoData),
		StatusName(indicators.NotComputable, lang) + " " + itoa(c.NotComputable),
	}
	if c.NotApplicable > 0 {
		parts = append(parts, StatusName(indicators.NotApplicable, lang)+" "+itoa(c.NotApplicable))
	}
	return join(parts, pick(lang, "，", ", "))
}

func itoa(n int) string { return fmt.Sprint(n) }

// resultNotes are the lines that explain a result beyond its row: why it
// has no value, that the unit reported the value itself, and warnings.
func resultNotes(res indicators.Result, lang string) []string {
	var out []string
	if res.Reason != nil {
		out = append(out, oneLine(res.Reason.In(lang)))
	}
	if res.Origin == indicators.Reported && res.Value != nil {
		out = append(out, pick(lang, "数值由单位直接填报，未由分项数据计算", "value reported by the unit, not computed from its figures"))
	}
	for _, wn := range res.Warnings {
		out = append(out, oneLine(wn.In(lang)))
	}
	return out
}

// namedNotes are resultNotes prefixed with the indicator's name, for notes
// listed under a table.
func namedNotes(res indicators.Result, lang string) []string {
	name := oneLine(res.Name.In(lang))
	if name == "" {
		name = oneLine(res.Indicator)
	}
	notes := resultNotes(res, lang)
	for i, n := range notes {
		notes[i] = name + sep(lang) + n
	}
	return notes
}

// writeAligned writes rows as columns separated by two spaces, indented by
// two, with right[i] right-aligning column i. Trailing spaces are dropped.
func writeAligned(w io.Writer, rows [][]string, right []bool) {
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
