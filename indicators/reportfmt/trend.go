package reportfmt

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/eduplan/eduplan/indicators/trend"
	"github.com/eduplan/eduplan/indicators/view"
)

// trendTitle names the plan and the years of a multi-year report.
func trendTitle(r *trend.Report, lang string) string {
	s := pick(lang, "进度报告", "Progress report")
	if r.Plan != "" {
		s += " · " + oneLine(r.Plan)
	}
	if n := len(r.Years); n > 0 {
		ys := fmt.Sprint(r.Years[0])
		if n > 1 {
			ys += "–" + fmt.Sprint(r.Years[n-1])
		}
		s += " · " + ys + pick(lang, "年", "")
	}
	return s
}

func trendHeader(lang string) []string {
	return []string{pick(lang, "指标", "Indicator"), pick(lang, "年度", "Year"), pick(lang, "数值", "Value"),
		pick(lang, "状态", "Status"), pick(lang, "比上年", "Change"), pick(lang, "基期", "Baseline"),
		pick(lang, "当年目标", "Year's target"), pick(lang, "规划目标", "Target"), pick(lang, "完成度", "Completion"),
		pick(lang, "进度", "Progress")}
}

// trendBlocks groups the rows by unit, in order, and gives each unit's
// table rows (the indicator's name on its first row only) and notes.
func trendBlocks(r *trend.Report, lang string, each func(unit string, rows [][]string, notes []string)) {
	for i := 0; i < len(r.Rows); {
		j := i
		for j < len(r.Rows) && r.Rows[j].Unit.ID == r.Rows[i].Unit.ID {
			j++
		}
		var rows [][]string
		var notes []string
		// A note that holds for several years of an indicator (a baseline
		// already at the target) is said once, with its years.
		noteYears := map[[2]string][]string{}
		var noteOrder [][2]string
		for k := i; k < j; k++ {
			row := r.Rows[k]
			v := view.OfTrend(row)
			name := ""
			if k == i || r.Rows[k-1].Indicator != row.Indicator {
				name = oneLine(v.Indicator.In(lang))
			}
			rows = append(rows, []string{name, v.Year, v.Value.In(lang), v.Status.In(lang), v.Change.In(lang),
				v.Baseline.In(lang), oneLine(v.YearTarget.In(lang)), oneLine(v.Target.In(lang)), v.Completion.In(lang), v.Progress.In(lang)})
			if n := v.Note.In(lang); n != "" {
				key := [2]string{oneLine(v.Indicator.In(lang)), oneLine(n)}
				if _, seen := noteYears[key]; !seen {
					noteOrder = append(noteOrder, key)
				}
				noteYears[key] = append(noteYears[key], v.Year)
			}
		}
		for _, key := range noteOrder {
			notes = append(notes, key[0]+" "+strings.Join(noteYears[key], pick(lang, "、", ", "))+sep(lang)+key[1])
		}
		each(view.UnitLabel(r.Rows[i].Unit), rows, notes)
		i = j
	}
}

// WriteTrendTable writes a multi-year report as plain-text tables for a
// terminal, one per unit: each indicator's years with value, change since
// the year before, baseline, targets, completion and progress; notes under
// each table; then the units not in every year.
func WriteTrendTable(w io.Writer, r *trend.Report, lang string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, trendTitle(r, lang))
	trendBlocks(r, lang, func(unit string, rows [][]string, notes []string) {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, oneLine(unit))
		WriteColumns(bw, append([][]string{trendHeader(lang)}, rows...), []bool{false, false, true, false, true, true, false, false, true, false})
		if len(notes) > 0 {
			fmt.Fprintln(bw, "  "+pick(lang, "说明：", "Notes:"))
			for _, n := range notes {
				fmt.Fprintln(bw, "  · "+n)
			}
		}
	})
	writeSpans(bw, r, lang, false)
	return bw.Flush()
}

// WriteTrendMarkdown writes a multi-year report as GitHub-flavoured
// Markdown, a table per unit, every text from the plan or the data
// escaped.
func WriteTrendMarkdown(w io.Writer, r *trend.Report, lang string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n", mdEscape(trendTitle(r, lang)))
	trendBlocks(r, lang, func(unit string, rows [][]string, notes []string) {
		fmt.Fprintf(bw, "\n## %s\n\n", mdEscape(unit))
		mdRow(bw, trendHeader(lang))
		fmt.Fprintln(bw, "| --- | --- | ---: | --- | ---: | ---: | --- | --- | ---: | --- |")
		for _, row := range rows {
			esc := make([]string, len(row))
			for i, c := range row {
				esc[i] = mdEscape(c)
			}
			mdRow(bw, esc)
		}
		if len(notes) > 0 {
			fmt.Fprintln(bw)
			for _, n := range notes {
				fmt.Fprintf(bw, "- %s\n", mdEscape(n))
			}
		}
	})
	writeSpans(bw, r, lang, true)
	return bw.Flush()
}

func mdRow(w io.Writer, cells []string) {
	fmt.Fprint(w, "|")
	for _, c := range cells {
		fmt.Fprintf(w, " %s |", c)
	}
	fmt.Fprintln(w)
}

// writeSpans lists the units not in every year.
func writeSpans(w io.Writer, r *trend.Report, lang string, markdown bool) {
	if len(r.Spans) == 0 {
		return
	}
	fmt.Fprintln(w)
	title := pick(lang, "只在部分年份有数据的单位（新设、撤并或漏报）：", "Units with figures in some years only (opened, merged or not reported):")
	if markdown {
		fmt.Fprintf(w, "## %s\n\n", mdEscape(title))
	} else {
		fmt.Fprintln(w, title)
	}
	for _, s := range r.Spans {
		t := view.SpanText(s).In(lang)
		if markdown {
			fmt.Fprintf(w, "- %s\n", mdEscape(t))
		} else {
			fmt.Fprintf(w, "  · %s\n", oneLine(t))
		}
	}
}
