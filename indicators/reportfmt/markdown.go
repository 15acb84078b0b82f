package reportfmt

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/view"
)

// WriteMarkdown writes the report as GitHub-flavoured Markdown: a heading
// and a summary per unit, a table of results, and notes. Text from the plan
// or the data is escaped, so a name cannot break the table or inject HTML.
func WriteMarkdown(w io.Writer, r *indicators.Report, lang string) error {
	return WriteMarkdownAcross(w, r, nil, lang)
}

// WriteMarkdownAcross writes the report as WriteMarkdown does, with the
// previous year, the change, completion and progress of a (see
// view.Across) beside each result; a nil a writes WriteMarkdown's.
func WriteMarkdownAcross(w io.Writer, r *indicators.Report, a *view.Across, lang string) error {
	bw := bufio.NewWriter(w)
	if r == nil {
		r = &indicators.Report{}
	}
	fmt.Fprintf(bw, "# %s\n\n", mdEscape(reportTitle(r, lang)))
	if a != nil {
		fmt.Fprintf(bw, "%s\n\n", mdEscape(a.Note().In(lang)))
	}
	t := Totals(r)
	fmt.Fprintf(bw, "%s%s%s\n", pick(lang, "合计", "Total"),
		fmt.Sprintf(pick(lang, "（%d 个单位）", " (%d units)"), len(r.Units)), sep(lang)+view.SummaryText(t).In(lang))
	fmt.Fprintf(bw, "\n%s\n", mdEscape(view.GapLegend.In(lang)))
	empty, allMet := 0, 0
	var texts view.Texts
	for _, u := range r.Units {
		if len(u.Results) == 0 {
			if u.Summary.Total() == 0 {
				empty++
			} else {
				allMet++
			}
			continue
		}
		fmt.Fprintf(bw, "\n## %s · %s\n\n", mdEscape(view.UnitLabel(u.Unit)), mdEscape(view.UnitKindIn(r.Levels, u.Unit).In(lang)))
		fmt.Fprintln(bw, view.SummaryText(u.Summary).In(lang))
		fmt.Fprintln(bw)
		header := []string{pick(lang, "状态", "Status"), pick(lang, "指标", "Indicator"), pick(lang, "数值", "Value"),
			pick(lang, "目标", "Target"), pick(lang, "差距", "Gap"), pick(lang, "性质", "Nature"), pick(lang, "编号", "ID")}
		rule := "| --- | --- | ---: | --- | ---: | --- | --- |"
		if a != nil {
			header = append(header, view.AcrossHeader(lang)...)
			rule += " ---: | ---: | ---: | --- |"
		}
		mdRow(bw, header)
		fmt.Fprintln(bw, rule)
		var notes []string
		for k := range u.Results {
			res := &u.Results[k]
			v := texts.Row(res)
			status := v.Status.In(lang)
			if res.Status == indicators.NotMet && !res.Reference {
				status = "**" + status + "**"
			}
			id := ""
			if res.Indicator != "" {
				// GitHub splits table cells at a pipe even inside a
				// code span, so the pipe keeps its backslash there.
				id = "`" + strings.NewReplacer("`", "'", "|", `\|`).Replace(oneLine(res.Indicator)) + "`"
			}
			row := []string{status, mdEscape(res.Name.In(lang)), mdEscape(orNone(v.Value.In(lang))), mdEscape(v.Target.In(lang)),
				mdEscape(v.Gap.In(lang)), v.Nature.In(lang), id}
			if a != nil {
				for _, c := range a.Cells(u.Unit.ID, res.Indicator, lang) {
					row = append(row, mdEscape(c))
				}
			}
			mdRow(bw, row)
			notes = append(notes, namedNotes(res, v, lang)...)
		}
		if len(notes) > 0 {
			fmt.Fprintln(bw)
			for _, n := range notes {
				fmt.Fprintf(bw, "- %s\n", mdEscape(n))
			}
		}
	}
	writeHierarchyMarkdown(bw, r, lang)
	if allMet > 0 {
		fmt.Fprintf(bw, pick(lang, "\n另有 %d 个单位的结果全部达标，未列出。\n", "\n%d more unit(s) met every target and are not listed.\n"), allMet)
	}
	if empty > 0 {
		fmt.Fprintf(bw, pick(lang, "\n另有 %d 个单位没有适用的指标。\n", "\n%d more unit(s) have no applicable indicator.\n"), empty)
	}
	writeMarkdownValidation(bw, r, lang)
	writeQuality(bw, view.QualityIn(r.Levels, r.DataQuality), lang, true, shortList)
	return bw.Flush()
}

// mdEscape makes text one line and keeps Markdown from reading it as
// markup: HTML's own characters become entities, so no renderer can take
// them for a tag, and other markup characters get a backslash.
func mdEscape(s string) string {
	s = oneLine(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case strings.ContainsRune("\\`*_[]|~#!", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
