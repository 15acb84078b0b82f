package main

import (
	"bytes"
	"fmt"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/view"
)

// summariseRules tells stderr which validation rules are broken, for
// outputs that are not read on the terminal: those of high importance
// whatever the policy (--fail-on none changes the exit status, not the
// facts), any under --fail-on any.
func (e *env) summariseRules(fails []indicators.ValidationResult, policy reportfmt.Policy) {
	if len(fails) == 0 {
		return
	}
	if policy == reportfmt.FailNone {
		fmt.Fprintf(e.stderr, "%s\n", e.t(
			fmt.Sprintf("重要性为高的校验规则被违反 %d 项（--fail-on none：退出状态仍为 0）：", len(fails)),
			fmt.Sprintf("%d check(s) of validation rules of high importance violated (--fail-on none: the exit status is still 0):", len(fails))))
	} else {
		fmt.Fprintf(e.stderr, "%s\n", e.t(
			fmt.Sprintf("校验规则被违反（--fail-on %s）%d 项：", policy, len(fails)),
			fmt.Sprintf("%d validation rule check(s) violated (--fail-on %s):", len(fails), policy)))
	}
	e.listSome(len(fails), func(i int) string { return view.OfValidation(fails[i]).Line.In(e.lang) })
}

// listSome prints the first lines of a list on stderr, indented, and says
// how many more the report holds: a CI log needs the first, not all.
// listShown is how many lines listSome shows before it counts the rest.
const listShown = 20

func (e *env) listSome(n int, line func(i int) string) {
	for i := range n {
		if i == listShown {
			fmt.Fprintf(e.stderr, "  %s\n", e.t(fmt.Sprintf("……另有 %d 项，见报告", n-listShown), fmt.Sprintf("… and %d more: see the report", n-listShown)))
			return
		}
		fmt.Fprintf(e.stderr, "  %s\n", line(i))
	}
}

// writeValidationCSV writes the validation results to path, when given:
// a file of its own beside the report, whose CSV keeps its columns.
func (e *env) writeValidationCSV(r *indicators.Report, path string) int {
	if path == "" {
		return 0
	}
	var b bytes.Buffer
	if err := view.WriteValidationCSV(&b, r, e.lang); err != nil {
		return e.inputError("check", e.say(err), "")
	}
	return e.emit("check", path, b.Bytes())
}
