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
// no section. Only the first limit checks listed (at most maxChecks) are
// built (ValidationListed); fileChecks gives the others.
func viewValidation(ev *indicators.Evaluation, limit int) *validationView {
	v, listed := ev.ValidationListed(shownCheck, min(limit, maxChecks))
	if v == nil {
		return nil
	}
	return &validationView{Summary: view.ValidationSummary(v), Counts: v.Counts, Checks: checkViews(v.Results), Listed: listed}
}

// shownCheck: the page lists the checks that did not pass and were not
// skipped.
func shownCheck(st indicators.RuleStatus) bool {
	return st != indicators.RulePassed && st != indicators.RuleSkipped
}

func checkViews(rs []indicators.ValidationResult) []ruleCheckView {
	out := make([]ruleCheckView, 0, len(rs))
	for _, r := range rs {
		out = append(out, ruleCheckView{Unit: r.Unit.ID, Rule: r.Rule, Status: r.Status,
			High: r.Importance.Effective() == plan.High, Text: view.OfValidation(r)})
	}
	return out
}

type checksAnswer struct {
	Offset int             `json:"offset"`
	Listed int             `json:"listed"`
	Checks []ruleCheckView `json:"checks"`
}

// fileChecks gives the validation checks the page lists for the file last
// assessed (assessFile), from Offset, at most Rows of them (all when Rows
// is 0), up to the first maxChecks: assessFile sends only the first rows,
// since 2,000 checks with their texts were most of its answer's megabytes.
func (s *Session) fileChecks(arg string) (any, error) {
	req, err := s.assessedRequest(arg)
	if err != nil {
		return nil, err
	}
	end := maxChecks
	if req.Rows > 0 {
		end = min(end, max(req.Offset, 0)+req.Rows)
	}
	v, listed := s.table.ev.ValidationListed(shownCheck, end)
	ans := checksAnswer{Offset: req.Offset, Listed: listed, Checks: []ruleCheckView{}}
	if v != nil && req.Offset >= 0 && req.Offset < len(v.Results) {
		ans.Checks = checkViews(v.Results[req.Offset:])
	}
	return ans, nil
}
