package indicators

import (
	"strings"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/plan"
)

// CompileRule compiles a rule a person types — a formula, optionally followed
// by a target ("在园幼儿数 / 适龄人口 >= 99%", "择校生数/在校生数 控制在5%以内"),
// or a target alone ("达99%以上", rule.Rule.TargetAlone) — with the
// catalogue's metric and indicator names. Errors are *rule.Error and
// point at the text as typed.
func (c *Catalog) CompileRule(src string) (*rule.Rule, error) {
	return rule.CompileRule(src, c.resolver(), c.limits)
}

// RuleResult is the outcome of a typed rule for one unit.
type RuleResult struct {
	Status Status   `json:"status"`
	Value  *float64 `json:"value,omitempty"`
	Gap    *float64 `json:"gap,omitempty"`
	// GapSide is the side of the gap, as a Result's.
	GapSide Side `json:"gapSide,omitempty"`
	// Unit is the unit the value is in, when the catalogue knows it (see
	// Catalog.RuleUnit); empty when nothing says.
	Unit   plan.Unit `json:"unit,omitempty"`
	Inputs []Input   `json:"inputs"`
}

// EvalRule applies a compiled rule to the unit at position i. A formula
// with a target is met or not met as an indicator is. A condition
// (a >= b && c <= 5%) is its own target: met when it holds, not met when it
// does not. A formula alone is NoTarget: its value is computed and shown,
// never read as met. A target alone (r.TargetAlone) has nothing to
// compute: NotApplicable, with no value.
func (e *Evaluation) EvalRule(r *rule.Rule, i int) RuleResult {
	n := len(e.data.Units)
	if r.TargetAlone() {
		return RuleResult{Status: NotApplicable, Inputs: []Input{}, Unit: e.cat.RuleUnit(r)}
	}
	val, _, _ := e.evalProgram(r.Formula, "", n, &evalScratch{})
	res := RuleResult{Inputs: []Input{}, Unit: e.cat.RuleUnit(r)}
	for _, id := range r.Formula.Vars() {
		res.Inputs = append(res.Inputs, e.inputByID(id, i))
	}
	if i < 0 || i >= n {
		res.Status = NotApplicable
		return res
	}
	t := r.Target
	if t.Op == "" && r.Formula.Boolean() {
		// True is 1: "≠ 0" holds exactly when the condition does.
		t = rule.Target{Op: rule.NE}
	}
	res.Status = statusOf(val.V[i], val.S[i], &t).status()
	if val.S[i] == rule.OK {
		res.Value = ptr(clean(val.V[i]))
		if r.Target.Op != "" {
			res.Gap = ptr(round(r.Target.Gap(val.V[i]), 6))
			res.GapSide = SideOf(res.Status, *res.Gap)
		}
	}
	return res
}

// RuleUnit is the unit of a typed rule's value, as far as the catalogue
// can tell without guessing: the unit of the one metric or indicator the
// formula names alone, or of the plan's indicator whose formula it is
// (written with ids or Chinese names, spaces and full-width signs aside),
// percent when the target is a percent; otherwise empty. A quotient of
// two counts is a share (a percent) or a ratio (students per teacher)
// alike, so nothing else is inferred from the formula's shape.
func (c *Catalog) RuleUnit(r *rule.Rule) plan.Unit {
	if r.TargetAlone() {
		if r.Target.Percent || r.Target.Points {
			return plan.Percent
		}
		return ""
	}
	if r.Formula.Boolean() {
		return ""
	}
	key := c.formulaKey(r.Formula.Expr())
	for _, m := range c.metrics {
		if key == c.formulaKey(m.ID) {
			return m.Unit
		}
	}
	for _, ci := range c.inds {
		if key == c.formulaKey(ci.ID) || (ci.formula != nil && c.formulaKey(ci.formula.Expr()) == key) {
			return ci.Unit
		}
	}
	if r.Target.Percent || r.Target.Points {
		return plan.Percent
	}
	return ""
}

// formulaKey writes a formula, as the rule front end rewrote it (full-width
// signs folded), with every name in Chinese and without spaces, so that two
// spellings of one formula (ids or names) compare equal.
func (c *Catalog) formulaKey(expr string) string {
	return strings.Join(strings.Fields(c.renderFormula(expr, "zh")), "")
}
