package webapi

import (
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/plan"
)

// validationView is what the page shows of the validation rules: the
// counts in a sentence, and the checks it lists, with the texts view
// computes for them: those that did not pass and were not skipped (skipped
// ones are counted, not listed), the first maxChecks of them. A district
// of 10,000 schools skips tens of thousands, which the page never showed
// and paid for in megabytes of answer.
type validationView struct {
	Summary Text                  `json:"summary"`
	Counts  indicators.RuleCounts `json:"counts"`
	Checks  []ruleCheckView       `json:"checks"`
	// Listed is how many checks the page lists in all, of which Checks
	// are the first.
	Listed int `json:"listed"`
}

// maxChecks is how many checks the page lists (its MAX_ROWS).
const maxChecks = 2000

type ruleCheckView struct {
	Unit   string                `json:"unit"`
	Rule   string                `json:"rule"`
	Status indicators.RuleStatus `json:"status"`
	// High marks a rule of high importance, which fails a CI step.
	High bool       `json:"high"`
	Text view.Check `json:"text"`
}

// viewValidation is nil when the plan has no rules, so that the page shows
// no section. Only the checks listed are built (ValidationListed).
func viewValidation(ev *indicators.Evaluation) *validationView {
	v, listed := ev.ValidationListed(func(st indicators.RuleStatus) bool {
		return st != indicators.RulePassed && st != indicators.RuleSkipped
	}, maxChecks)
	if v == nil {
		return nil
	}
	out := &validationView{Summary: view.ValidationSummary(v), Counts: v.Counts, Checks: []ruleCheckView{}, Listed: listed}
	for _, r := range v.Results {
		out.Checks = append(out.Checks, ruleCheckView{Unit: r.Unit.ID, Rule: r.Rule, Status: r.Status,
			High: r.Importance.Effective() == plan.High, Text: view.OfValidation(r)})
	}
	return out
}
