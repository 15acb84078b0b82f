package reportfmt

import (
	"fmt"
	"io"
	"strconv"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/view"
)

// hierarchyTitle heads the section that lists the figures a parent
// reported that differ from the sum of its children's.
func hierarchyTitle(r *indicators.Report, lang string) string {
	return fmt.Sprintf(pick(lang, "上下级数据不一致（%d 处）", "Parent figures that differ from the sum of their units (%d)"), len(r.Hierarchy))
}

func hierarchyHeader(lang string) []string {
	return []string{
		pick(lang, "单位", "Unit"), pick(lang, "数据项", "Figure"), pick(lang, "本单位填报", "Own"),
		pick(lang, "下属单位合计", "Units' sum"), pick(lang, "下属单位数", "Units"), pick(lang, "相差", "Difference"),
		pick(lang, "采用", "Used"),
	}
}

func hierarchyRow(m indicators.FigureMismatch, lang string) []string {
	v := view.OfMismatch(m)
	name := v.Name.In(lang)
	if name == "" {
		name = m.Metric
	}
	return []string{oneLine(view.UnitLabel(m.Unit)), oneLine(name), v.Own, v.ChildrenSum, strconv.Itoa(m.Children), v.Difference, v.Used.In(lang)}
}

// writeHierarchyTable writes the section under the units' tables; nothing
// when every parent's figures agree with its units'.
func writeHierarchyTable(w io.Writer, r *indicators.Report, lang string) {
	if len(r.Hierarchy) == 0 {
		return
	}
	fmt.Fprintln(w, hierarchyTitle(r, lang))
	fmt.Fprintln(w)
	rows := [][]string{hierarchyHeader(lang)}
	for _, m := range r.Hierarchy {
		rows = append(rows, hierarchyRow(m, lang))
	}
	WriteColumns(w, rows, []bool{false, false, true, true, true, true, false})
	fmt.Fprintln(w)
}

// writeHierarchyMarkdown writes the same section as a Markdown table.
func writeHierarchyMarkdown(w io.Writer, r *indicators.Report, lang string) {
	if len(r.Hierarchy) == 0 {
		return
	}
	fmt.Fprintf(w, "\n## %s\n\n", mdEscape(hierarchyTitle(r, lang)))
	h := hierarchyHeader(lang)
	fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", h[0], h[1], h[2], h[3], h[4], h[5], h[6])
	fmt.Fprintln(w, "| --- | --- | ---: | ---: | ---: | ---: | --- |")
	for _, m := range r.Hierarchy {
		row := hierarchyRow(m, lang)
		for i := range row {
			row[i] = mdEscape(row[i])
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", row[0], row[1], row[2], row[3], row[4], row[5], row[6])
	}
}

// hierarchyProperties are the JUnit properties of a unit's suite that say
// where its own figures differ from its units' sum: news for the log, not
// a failure by themselves.
func hierarchyProperties(r *indicators.Report, unit, lang string) []junitProperty {
	var out []junitProperty
	for _, m := range r.Hierarchy {
		if m.Unit.ID == unit {
			out = append(out, junitProperty{Name: "figure_mismatch", Value: xmlSafe(view.MismatchLine(m).In(lang))})
		}
	}
	return out
}
