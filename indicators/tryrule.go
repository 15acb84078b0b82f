package indicators

import (
	"github.com/eduplan/eduplan/indicators/rule"
)

// CompileRule compiles a rule a person types — a formula, optionally followed
// by a target ("在园幼儿数 / 适龄人口 >= 99%", "择校生数/在校生数 控制在5%以内") —
// with the catalogue's metric and indicator names. Errors are *rule.Error and
// point at the text as typed.
func (c *Catalog) CompileRule(src string) (*rule.Rule, error) {
	return rule.CompileRule(src, c.resolver(), c.limits)
}

// RuleResult is the outcome of a typed rule for one unit.
type RuleResult struct {
	Status Status   `json:"status"`
	Value  *float64 `json:"value,omitempty"`
	Gap    *float64 `json:"gap,omitempty"`
	Inputs []Input  `json:"inputs"`
}

// EvalRule applies a compiled rule to the unit at position i. Without a
// target the status is Met when the value could be computed.
func (e *Evaluation) EvalRule(r *rule.Rule, i int) RuleResult {
	n := len(e.data.Units)
	val, _, _ := e.evalProgram(r.Formula, n, &evalScratch{})
	res := RuleResult{Inputs: []Input{}}
	for _, id := range r.Formula.Vars() {
		res.Inputs = append(res.Inputs, e.input(id, i))
	}
	if i < 0 || i >= n {
		res.Status = NotApplicable
		return res
	}
	// A rule without a target holds whenever its value can be computed:
	// the empty Target is met by every value.
	res.Status = statusOf(val.V[i], val.S[i], &r.Target)
	if val.S[i] == rule.OK {
		res.Value = ptr(clean(val.V[i]))
		if r.Target.Op != "" {
			res.Gap = ptr(round(r.Target.Gap(val.V[i]), 6))
		}
	}
	return res
}
