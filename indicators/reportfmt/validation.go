package reportfmt

import (
	"fmt"
	"io"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/plan"
)

// FailsRule reports whether a validation result counts as a failure for
// the exit code under the policy: a violated rule of high importance under
// FailBinding (the default), any violated rule under FailAny, none under
// FailNone. A rule skipped for missing figures never fails.
func (p Policy) FailsRule(r indicators.ValidationResult) bool {
	if r.Status != indicators.RuleViolated {
		return false
	}
	switch p {
	case FailAny:
		return true
	case FailNone:
		return false
	}
	return r.Importance.Effective() == plan.High
}

// RuleFailures lists the validation results of r that fail under the
// policy, in report order.
func RuleFailures(r *indicators.Report, p Policy) []indicators.ValidationResult {
	if r == nil || r.Validation == nil {
		return nil
	}
	var out []indicators.ValidationResult
	for _, res := range r.Validation.Results {
		if p.FailsRule(res) {
			out = append(out, res)
		}
	}
	return out
}

// validationHeader is the header of a table of validation results.
func validationHeader(lang string) []string {
	return []string{pick(lang, "状态", "Status"), pick(lang, "重要性", "Importance"), pick(lang, "单位", "Unit"),
		pick(lang, "规则", "Rule"), pick(lang, "左边", "Left"), "", pick(lang, "右边", "Right"),
		pick(lang, "差值", "By"), pick(lang, "编号", "ID")}
}

func validationRow(res indicators.ValidationResult, lang string) []string {
	c := view.OfValidation(res)
	by := c.By.In(lang)
	if by == "" {
		by = c.Missing.In(lang)
	}
	rel := c.Relation
	if c.Left.IsZero() && c.Right.IsZero() {
		rel = ""
	}
	return []string{c.Status.In(lang), c.Importance.In(lang), oneLine(c.Unit), oneLine(res.Name.In(lang)),
		c.Left.In(lang), rel, c.Right.In(lang), oneLine(by), oneLine(res.Rule)}
}

// validationRows splits a report's validation results for a table: the
// violated and not computable ones one row each, the skipped ones a line
// per rule ("规则：16 个单位跳过，缺少 …"), since a figure nobody reports
// skips a rule on every unit and would bury the violations.
func validationRows(v *indicators.Validation, lang string) (rows [][]string, skipped []string) {
	count := map[string]int{}
	first := map[string]view.Check{}
	var order []string
	for _, res := range v.Results {
		if res.Status != indicators.RuleSkipped {
			rows = append(rows, validationRow(res, lang))
			continue
		}
		if count[res.Rule] == 0 {
			order = append(order, res.Rule)
			first[res.Rule] = view.OfValidation(res)
		}
		count[res.Rule]++
	}
	for _, id := range order {
		c := first[id]
		skipped = append(skipped, oneLine(c.Rule.In(lang))+" ("+id+")"+sep(lang)+
			fmt.Sprintf(pick(lang, "%d 个单位跳过（首个：%s，%s）", "skipped on %d unit(s) (the first: %s, %s)"), count[id], c.Unit, c.Missing.In(lang)))
	}
	return rows, skipped
}

// writeTableValidation writes the validation section of the terminal
// report: its counts, every rule broken or not computable, and the rules
// skipped for missing figures.
func writeTableValidation(w io.Writer, r *indicators.Report, lang string) {
	v := r.Validation
	if v == nil {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, pick(lang, "校验规则", "Validation rules"))
	fmt.Fprintln(w, view.ValidationSummary(v).In(lang))
	rows, skipped := validationRows(v, lang)
	if len(rows) > 0 {
		fmt.Fprintln(w)
		WriteColumns(w, append([][]string{validationHeader(lang)}, rows...), []bool{false, false, false, false, true, false, true, false, false})
	}
	if len(skipped) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "  "+pick(lang, "缺数据而跳过：", "Skipped for missing figures:"))
		for _, n := range skipped {
			fmt.Fprintln(w, "  · "+n)
		}
	}
}

// writeMarkdownValidation writes the validation section of the Markdown
// report, as the table does.
func writeMarkdownValidation(w io.Writer, r *indicators.Report, lang string) {
	v := r.Validation
	if v == nil {
		return
	}
	fmt.Fprintf(w, "\n## %s\n\n%s\n", pick(lang, "校验规则", "Validation rules"), mdEscape(view.ValidationSummary(v).In(lang)))
	rows, skipped := validationRows(v, lang)
	if len(rows) > 0 {
		h := validationHeader(lang)
		fmt.Fprintf(w, "\n| %s |\n| --- | --- | --- | --- | ---: | --- | ---: | --- | --- |\n", strings.Join(h, " | "))
		for _, row := range rows {
			bold := row[0] == indicators.RuleViolated.Name().In(lang)
			for i, c := range row {
				if i == len(row)-1 {
					row[i] = "`" + strings.NewReplacer("`", "'", "|", `\|`).Replace(c) + "`"
				} else {
					row[i] = mdEscape(c)
				}
			}
			if bold {
				row[0] = "**" + row[0] + "**"
			}
			fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
		}
	}
	if len(skipped) > 0 {
		fmt.Fprintf(w, "\n%s\n\n", pick(lang, "缺数据而跳过：", "Skipped for missing figures:"))
		for _, n := range skipped {
			fmt.Fprintf(w, "- %s\n", mdEscape(n))
		}
	}
}

// validationSuite is the JUnit testsuite "validation": one testcase per
// rule. A rule of high importance violated on some unit is a failure,
// whatever the failure policy (which decides the exit code only), its
// body one line per unit; a rule of lower importance violated passes with
// the lines in its system-out; a rule skipped on every unit it concerns
// (its figures missing), or concerning none, is skipped. ok is false when the report has no
// validation.
func validationSuite(r *indicators.Report, lang string) (s junitSuite, ok bool) {
	if r == nil || r.Validation == nil {
		return s, false
	}
	v := r.Validation
	s = junitSuite{Name: "validation", Properties: []junitProperty{{Name: "rules", Value: fmt.Sprint(len(v.Rules))}}}
	lines := map[string][]string{}
	for _, res := range v.Results {
		lines[res.Rule] = append(lines[res.Rule], view.OfValidation(res).Line.In(lang))
	}
	for _, rs := range v.Rules {
		c := junitCase{Name: xmlSafe(strings.TrimSpace(rs.ID + " " + rs.Name.In(lang))), Classname: "eduplan.validation"}
		body := xmlSafe(strings.Join(lines[rs.ID], "\n"))
		summary := view.Importance(rs.Importance).In(lang) + sep(lang) + fmt.Sprintf(pick(lang, "检查 %d 次，违反 %d，跳过 %d", "%d checks, %d violated, %d skipped"),
			rs.Counts.Checked, rs.Counts.Violated, rs.Counts.Skipped)
		switch {
		case rs.Counts.Violated > 0 && rs.Importance.Effective() == plan.High:
			c.Failure = &junitMessage{Message: xmlSafe(summary), Type: "violated", Body: body}
			s.Failures++
		case rs.Counts.Checked == 0:
			c.Skipped = &junitMessage{Message: pick(lang, "没有单位适用该规则", "no unit is concerned")}
			s.Skipped++
		case rs.Counts.Checked == rs.Counts.Skipped:
			c.Skipped = &junitMessage{Message: xmlSafe(summary)}
			s.Skipped++
		case body != "":
			c.SystemOut = &junitText{Text: xmlSafe(summary) + "\n" + body}
		}
		s.Tests++
		s.Cases = append(s.Cases, c)
	}
	return s, true
}
