package view

import (
	"math"
	"strconv"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// RuleResult is what a user reads about a rule typed by hand and applied
// to one unit (the page's rules view, eduplan explain).
type RuleResult struct {
	Status msg.Text `json:"status"`
	// Value is in percent when the rule's target is ("99.2%"); otherwise a
	// typed ratio keeps six significant digits ("0.99213"), since nothing
	// says what unit it is in.
	Value  msg.Text `json:"value"`
	Target msg.Text `json:"target"`
	Gap    msg.Text `json:"gap"`
}

// OfRule computes the texts of a typed rule's result.
func OfRule(r *rule.Rule, res indicators.RuleResult) RuleResult {
	out := RuleResult{Status: res.Status.Name()}
	percent := r.Target.Percent || r.Target.Points
	if res.Value != nil {
		s := significant(*res.Value)
		if percent {
			n, fixed := plan.DisplayDecimals(plan.Percent, nil)
			s = number(*res.Value, plan.Percent, need(res.Gap, digits{n: n, base: n, fixed: fixed}))
		}
		out.Value = msg.T(s, s)
	}
	if r.Target.Op != "" {
		out.Target = msg.T(r.Target.Format("zh"), r.Target.Format("en"))
	}
	if res.Gap != nil {
		u := plan.Number
		if percent {
			u = plan.Percent
		}
		out.Gap = Gap(*res.Gap, u, r.Target.Points)
	}
	return out
}

// significant shows a number of unknown unit with six significant digits.
func significant(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return None
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 6, 64), 64)
	return rule.FormatNumber(r)
}
