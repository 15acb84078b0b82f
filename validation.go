package eduplan

import (
	"errors"
	"io"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/view"
)

// Violations lists the validation rules of high importance that a report's
// figures break, one line per unit and rule in lang: what a CI step fails
// on besides Missed. Every outcome, passed or not, is in r.Validation.
func Violations(r *indicators.Report, lang string) []string {
	var out []string
	for _, v := range reportfmt.RuleFailures(r, reportfmt.FailBinding) {
		out = append(out, view.OfValidation(v).Line.In(lang))
	}
	return out
}

// WriteValidationCSV writes the validation results that did not pass as
// CSV, one row per unit and rule: a file of its own, since the CSV format
// of Write keeps one row per unit and indicator.
func WriteValidationCSV(w io.Writer, r *indicators.Report, lang string) error {
	if r == nil {
		return errors.New("eduplan: WriteValidationCSV: nil report")
	}
	return view.WriteValidationCSV(w, r, lang)
}
