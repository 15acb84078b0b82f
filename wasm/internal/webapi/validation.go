package webapi

import (
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/plan"
)

// validationView is what the page shows of the validation rules: the
// counts in a sentence, and every check that did not pass, with the texts
// view computes for it.
type validationView struct {
	Summary Text                  `json:"summary"`
	Counts  indicators.RuleCounts `json:"counts"`
	Checks  []ruleCheckView       `json:"checks"`
}

type ruleCheckView struct {
	Unit   string                `json:"unit"`
	Rule   string                `json:"rule"`
	Status indicators.RuleStatus `json:"status"`
	// High marks a rule of high importance, which fails a CI step.
	High bool       `json:"high"`
	Text view.Check `json:"text"`
}

// viewValidation is nil when the plan has no rules, so that the page shows
// no section.
func viewValidation(v *indicators.Validation) *validationView {
	if v == nil {
		return nil
	}
	out := &validationView{Summary: view.ValidationSummary(v), Counts: v.Counts, Checks: make([]ruleCheckView, len(v.Results))}
	for i, r := range v.Results {
		out.Checks[i] = ruleCheckView{Unit: r.Unit.ID, Rule: r.Rule, Status: r.Status,
			High: r.Importance.Effective() == plan.High, Text: view.OfValidation(r)}
	}
	return out
}
