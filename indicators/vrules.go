package indicators

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// RuleStatus is the outcome of one validation rule for one unit.
type RuleStatus string

// Rule statuses. Passed rules are counted, not listed.
const (
	RulePassed        RuleStatus = "passed"
	RuleViolated      RuleStatus = "violated"
	RuleSkipped       RuleStatus = "skipped"        // figures missing, by the rule's missing-value strategy
	RuleNotComputable RuleStatus = "not_computable" // a side divides by zero
)

// Name is the status's label in Chinese and English.
func (s RuleStatus) Name() msg.Text {
	switch s {
	case RulePassed:
		return msg.T("通过", "passed")
	case RuleViolated:
		return msg.T("违反", "violated")
	case RuleSkipped:
		return msg.T("跳过（缺数据）", "skipped (figures missing)")
	case RuleNotComputable:
		return msg.T("无法计算", "not computable")
	}
	return msg.T(string(s), string(s))
}

// Validation is the outcome of the validation rules on the units of a
// report: counts of unit × rule checks, and every check that did not pass.
type Validation struct {
	// Rules are the plan's rules, in its order, each with its counts.
	Rules []RuleSummary `json:"rules"`
	// Counts count every check of every rule.
	Counts RuleCounts `json:"counts"`
	// Results are the checks that did not pass, in the order of the units,
	// and for each unit in the order of the plan's rules.
	Results []ValidationResult `json:"results"`
}

// RuleCounts count unit × rule checks: Checked counts the pairs the rules
// concern, whatever their outcome; Passed, Violated, Skipped and
// NotComputable split it.
type RuleCounts struct {
	Checked       int `json:"checked"`
	Passed        int `json:"passed"`
	Violated      int `json:"violated"`
	Skipped       int `json:"skipped"`
	NotComputable int `json:"not_computable,omitempty"`
}

func (c *RuleCounts) add(s RuleStatus) {
	switch s {
	case RulePassed:
		c.Passed++
	case RuleViolated:
		c.Violated++
	case RuleSkipped:
		c.Skipped++
	case RuleNotComputable:
		c.NotComputable++
	}
	c.Checked++
}

// RuleSummary is one rule with the counts of its checks.
type RuleSummary struct {
	ID         string          `json:"id"`
	Name       msg.Text        `json:"name"`
	Importance plan.Importance `json:"importance"`
	Left       string          `json:"left"`
	Operator   plan.Operator   `json:"operator"`
	Right      string          `json:"right"`
	Tolerance  float64         `json:"tolerance,omitempty"`
	Counts     RuleCounts      `json:"counts"`
}

// ValidationResult is a rule's outcome for one unit.
type ValidationResult struct {
	Unit       dataset.OrgUnit `json:"unit"`
	Rule       string          `json:"rule"`
	Name       msg.Text        `json:"name"`
	Importance plan.Importance `json:"importance"`
	Status     RuleStatus      `json:"status"`
	// Left and Right are the sides as written; Operator compares them.
	Left     string        `json:"left"`
	Operator plan.Operator `json:"operator"`
	Right    string        `json:"right"`
	// Tolerance is the rule's absolute allowance.
	Tolerance float64 `json:"tolerance,omitempty"`
	// ValueUnit is the unit the sides' values are shown in.
	ValueUnit plan.Unit `json:"value_unit"`
	// LeftValue and RightValue are the sides' values; percents are
	// fractions. Absent when the rule was skipped or a side is not
	// computable.
	LeftValue  *float64 `json:"left_value,omitempty"`
	RightValue *float64 `json:"right_value,omitempty"`
	// Difference is left − right.
	Difference *float64 `json:"difference,omitempty"`
	// Missing are the figures the unit lacks: why the rule was skipped, or
	// what counted as zero under never_skip and skip_if_all_values_missing.
	// An aggregate over child units (sum(x)) without a value is not named
	// here; the rule is skipped all the same.
	Missing []RuleFigure `json:"missing,omitempty"`
	// Strategy is the rule's missing-value strategy.
	Strategy plan.MissingValueStrategy `json:"missing_value_strategy"`
}

// RuleFigure names a figure a rule reads.
type RuleFigure struct {
	ID   string   `json:"id"`
	Name msg.Text `json:"name"`
}

// compiledRule is a validation rule with its sides compiled.
type compiledRule struct {
	plan.ValidationRule
	left, right *rule.Program
	// figures are the ids both sides read on the unit itself, unique, in
	// the order the sides name them.
	figures []string
	unit    plan.Unit
}

// WithRules returns a catalogue that also checks the validation rules,
// compiled once against the catalogue's metrics and indicators. The rules
// are checked by plan.ValidateRules: the error, if any, is an msg.Problems
// with paths such as "validation_rules[2].left", and the catalogue is then
// nil. c itself is not changed.
func (c *Catalog) WithRules(rules []plan.ValidationRule) (*Catalog, error) {
	if err := plan.ValidateRules(c.metrics, c.Indicators(), rules); err != nil {
		return nil, err
	}
	out := *c
	out.rules = make([]compiledRule, len(rules))
	resolve := c.resolver()
	var probs msg.Problems
	for i, r := range rules {
		cr := compiledRule{ValidationRule: r}
		var err error
		if cr.left, err = rule.CompileFormula(r.Left, resolve, c.limits); err != nil {
			probs.Add(fmt.Sprintf("validation_rules[%d].left", i), "内部错误:%v", "internal error: %v", err)
			continue
		}
		if cr.right, err = rule.CompileFormula(r.Right, resolve, c.limits); err != nil {
			probs.Add(fmt.Sprintf("validation_rules[%d].right", i), "内部错误:%v", "internal error: %v", err)
			continue
		}
		for _, id := range append(cr.left.Vars(), cr.right.Vars()...) {
			if !slices.Contains(cr.figures, id) {
				cr.figures = append(cr.figures, id)
			}
		}
		cr.unit = c.ruleUnit(cr)
		out.rules[i] = cr
	}
	out.ruleOrder = c.rulesNeed(out.rules)
	if len(probs) > 0 {
		return nil, probs
	}
	return &out, nil
}

// ruleUnit is the unit a rule's values are shown in: its own, else the one
// every figure it names shares when neither side divides (a quotient of
// counts is no count), else a plain number.
func (c *Catalog) ruleUnit(cr compiledRule) plan.Unit {
	if cr.Unit != "" {
		return cr.Unit
	}
	if strings.ContainsAny(cr.Left+cr.Right, "/÷／") {
		return plan.Number
	}
	var u plan.Unit
	ids := append(cr.left.Vars(), cr.right.Vars()...)
	for _, a := range append(cr.left.Aggregates(), cr.right.Aggregates()...) {
		ids = append(ids, a.Vars()...)
	}
	for _, id := range ids {
		var mu plan.Unit
		if m, ok := c.Metric(id); ok {
			mu = m.Unit
		} else if ind, ok := c.Indicator(id); ok {
			mu = ind.Unit
		}
		if u != "" && mu != u {
			return plan.Number
		}
		u = mu
	}
	if u == "" {
		return plan.Number
	}
	return u
}

// rulesNeed lists, in evaluation order, the indicators the rules read and
// those they are computed from: what a pass for the rules alone evaluates.
func (c *Catalog) rulesNeed(rules []compiledRule) []int {
	need := make([]bool, len(c.inds))
	var mark func(i int)
	mark = func(i int) {
		if need[i] {
			return
		}
		need[i] = true
		for _, d := range c.inds[i].deps {
			mark(d)
		}
	}
	for _, cr := range rules {
		for _, i := range append(c.indicatorDeps(cr.left), c.indicatorDeps(cr.right)...) {
			mark(i)
		}
	}
	var out []int
	for _, i := range c.order {
		if need[i] {
			out = append(out, i)
		}
	}
	return out
}

// ruleViolations counts the validation rules broken on some unit of d, for
// the data-quality summary, which a bureau reads before it assesses
// anything: a pass of the figures and of only the indicators the rules
// read, not a whole assessment.
func (c *Catalog) ruleViolations(d *dataset.Dataset) int {
	if len(c.rules) == 0 {
		return 0
	}
	sub := *c
	sub.order = c.ruleOrder
	return sub.Evaluate(d).violatedRules()
}

// violatedRules counts the rules broken on some unit.
func (e *Evaluation) violatedRules() int {
	n := 0
	for _, re := range e.rules {
		if slices.Contains(re.status, codeViolated) {
			n++
		}
	}
	return n
}

// Rules returns the catalogue's validation rules in the plan's order.
func (c *Catalog) Rules() []plan.ValidationRule {
	out := make([]plan.ValidationRule, len(c.rules))
	for i := range c.rules {
		out[i] = c.rules[i].ValidationRule
	}
	return out
}

// Codes of the rule statuses in ruleEval.status.
const (
	codePassed uint8 = 1 + iota
	codeViolated
	codeSkipped
	codeNotComputable
)

var ruleCodes = [...]RuleStatus{codePassed: RulePassed, codeViolated: RuleViolated, codeSkipped: RuleSkipped,
	codeNotComputable: RuleNotComputable}

// ruleEval holds one rule's outcome on every unit.
type ruleEval struct {
	// sides are the values of the rule's sides at the units it compared
	// (passed, violated or not computable), by position ascending: the
	// rest never show them, and sides for every unit of every rule would
	// hold a national batch's memory for nothing.
	sides ruleSides
	// status is per unit a code of ruleCodes: 0 where the rule does not
	// concern the unit. A byte rather than a RuleStatus, a string, keeps
	// the column small for a batch of many units.
	status []uint8
}

// evalRules checks every validation rule on every unit, column-wise like
// the indicators, reading the figures through ruleFigure.
func (e *Evaluation) evalRules(n int, sc *evalScratch) {
	if len(e.cat.rules) == 0 {
		return
	}
	e.rules = make([]ruleEval, len(e.cat.rules))
	for k := range e.cat.rules {
		e.rules[k] = e.evalRule(&e.cat.rules[k], n, sc)
	}
}

func (e *Evaluation) evalRule(cr *compiledRule, n int, sc *evalScratch) ruleEval {
	strategy := cr.MissingValueStrategy.Effective()
	zero := strategy != plan.SkipIfAnyValueMissing
	side := func(p *rule.Program) (rule.Vector, []rule.Vector) {
		aggs, _ := e.reduceAggregates(p, "", n, sc)
		figs := make([]rule.Vector, 0, len(p.Vars()))
		vars := make([]rule.Vector, 0, len(p.Vars()))
		for _, id := range p.Vars() {
			f := e.ruleFigure(id)
			figs, vars = append(figs, f), append(vars, ruleInput(f, zero))
		}
		in := make([]rule.Vector, len(aggs))
		for k, a := range aggs {
			in[k] = ruleInput(a, zero)
		}
		out := e.pool.get(n)
		p.Eval(n, vars, in, out)
		// Every dense column read is given back; with zero, the inputs
		// are copies to give back too.
		e.pool.put(figs...)
		if zero {
			e.pool.put(vars...)
			e.pool.put(in...)
		}
		return out, aggs
	}
	left, laggs := side(cr.left)
	right, raggs := side(cr.right)
	aggs := append(laggs, raggs...)
	cols := make([]rule.Vector, len(cr.figures))
	for k, id := range cr.figures {
		cols[k] = e.ruleFigure(id)
	}
	applies := e.perClass(func(u dataset.OrgUnit) bool { return cr.AppliesTo.Applies(u.Level, u.Kind) })
	figures := len(cols) + len(aggs)
	st := make([]uint8, n)
	for i := 0; i < n; i++ {
		if !applies[e.classOf[i]] {
			continue
		}
		missing, irrelevant := 0, 0
		for _, c := range cols {
			switch c.S[i] {
			case rule.OK:
			case rule.Skip:
				irrelevant++
				missing++
			default:
				missing++
			}
		}
		for _, a := range aggs {
			switch a.S[i] {
			case rule.OK:
			case rule.Skip:
				irrelevant++
				missing++
			default:
				missing++
			}
		}
		switch {
		case irrelevant > 0:
			// A figure the unit is not expected to report (a primary
			// school's kindergarten pupils, a kindergarten's population
			// aged 3-5) is no gap in its data: the rule does not concern
			// the unit, whatever its strategy, rather than comparing
			// with a zero that means nothing.
			continue
		case strategy == plan.SkipIfAnyValueMissing && missing > 0,
			strategy == plan.SkipIfAllValuesMissing && missing == figures && figures > 0:
			st[i] = codeSkipped
		case left.S[i] != rule.OK || right.S[i] != rule.OK:
			st[i] = codeNotComputable
		case holds(cr.Operator, left.V[i], right.V[i], cr.Tolerance):
			st[i] = codePassed
		default:
			st[i] = codeViolated
		}
	}
	sides := keepSides(st, left, right)
	e.pool.put(cols...)
	e.pool.put(left, right)
	e.pool.put(aggs...)
	return ruleEval{sides: sides, status: st}
}

// ruleSides are a rule's left and right sides at some units.
type ruleSides struct {
	units       []int32
	left, right rule.Vector
}

// keepSides keeps the sides at the units whose status shows them.
func keepSides(st []uint8, left, right rule.Vector) ruleSides {
	n := 0
	for _, c := range st {
		if c != 0 && c != codeSkipped {
			n++
		}
	}
	out := ruleSides{units: make([]int32, 0, n), left: rule.NewVector(n), right: rule.NewVector(n)}
	for i, c := range st {
		if c == 0 || c == codeSkipped {
			continue
		}
		k := len(out.units)
		out.units = append(out.units, int32(i))
		out.left.V[k], out.left.S[k] = left.V[i], left.S[i]
		out.right.V[k], out.right.S[k] = right.V[i], right.S[i]
	}
	return out
}

// at returns the sides at the unit at position i, which keepSides kept.
func (s *ruleSides) at(i int) (l, r float64, lok, rok bool) {
	k := sort.Search(len(s.units), func(k int) bool { return int(s.units[k]) >= i })
	if k == len(s.units) || int(s.units[k]) != i {
		return 0, 0, false, false
	}
	return s.left.V[k], s.right.V[k], s.left.S[k] == rule.OK, s.right.S[k] == rule.OK
}

// ruleFigure is the column of a metric or indicator a rule reads: the
// figures the indicators read (Evaluation.column), so that a rule at a
// district sees what its rates are computed from — its children's sum
// where it reported nothing, and where it did, its own figure or the sum as
// Options.ParentFigures says. That choice is made where the figures are
// (effective); this is the one place rules take them from.
func (e *Evaluation) ruleFigure(id string) rule.Vector { return e.column(id) }

// ruleInput is a column as a rule reads it. Where the rule's strategy
// checks a unit lacking figures, the missing ones are zero; otherwise the
// column is read as it is, since a unit lacking any figure is skipped
// before its sides are looked at.
func ruleInput(src rule.Vector, zero bool) rule.Vector {
	if !zero {
		return src
	}
	n := len(src.S)
	dst := rule.Vector{V: make([]float64, n), S: make([]rule.State, n)}
	for i, s := range src.S {
		if s == rule.OK {
			dst.V[i] = src.V[i]
		}
	}
	return dst
}

// holds compares a rule's sides with its tolerance. Like targets, values
// within one part in a billion are equal, so that rounding noise in a sum
// of fractions never violates ==.
func holds(op plan.Operator, l, r, tol float64) bool {
	d := l - r
	noise := 1e-9 * max(1, math.Abs(l), math.Abs(r))
	switch op {
	case plan.OpEQ:
		return math.Abs(d) <= tol+noise
	case plan.OpNE:
		return math.Abs(d) > tol+noise
	case plan.OpLE:
		return d <= tol+noise
	case plan.OpLT:
		return d < tol-noise
	case plan.OpGE:
		return d >= -tol-noise
	case plan.OpGT:
		return d > -tol+noise
	}
	return false
}

// validation reports the rules on the units keep marks (nil: all).
//
// A metric's declaration implies rules of its own (a count is not
// negative, an integral one is whole); the data readers enforce them on
// every cell (dataset.Field), refusing the file with the cell's place, so
// they are not checked again here.
func (e *Evaluation) validation(keep []bool) *Validation {
	v, _ := e.validationListing(keep, func(st RuleStatus) bool { return st != RulePassed }, -1)
	return v
}

// validationListing is validation with, in Results, only the outcomes
// list accepts, the first limit of them (all when limit is negative), and
// how many list accepts in all. The counts are of every outcome: a
// result is built only for what is listed, since building one for each of
// the tens of thousands of outcomes of a large file costs more than
// evaluating the rules.
func (e *Evaluation) validationListing(keep []bool, list func(RuleStatus) bool, limit int) (*Validation, int) {
	if len(e.cat.rules) == 0 {
		return nil, 0
	}
	listed := 0
	v := &Validation{Rules: make([]RuleSummary, len(e.cat.rules)), Results: []ValidationResult{}}
	for k := range e.cat.rules {
		cr := &e.cat.rules[k]
		v.Rules[k] = RuleSummary{ID: cr.ID, Name: cr.Name, Importance: cr.Importance.Effective(), Left: cr.Left,
			Operator: cr.Operator, Right: cr.Right, Tolerance: cr.Tolerance}
	}
	for i := range e.data.Units {
		if keep != nil && !keep[i] {
			continue
		}
		for k := range e.cat.rules {
			code := e.rules[k].status[i]
			if code == 0 {
				continue
			}
			st := ruleCodes[code]
			v.Counts.add(st)
			v.Rules[k].Counts.add(st)
			if !list(st) {
				continue
			}
			if listed++; limit < 0 || listed <= limit {
				v.Results = append(v.Results, e.ruleResult(k, i))
			}
		}
	}
	return v, listed
}

// Validation reports the validation rules on every unit of the data; nil
// when the catalogue has none.
func (e *Evaluation) Validation() *Validation { return e.validation(nil) }

// ValidationListed is Validation with, in Results, only the outcomes list
// accepts, the first limit of them in the order of Validation (all when
// limit is negative), and how many it accepts in all; the counts are those
// of Validation. A face that shows the first rows of a long list pays
// for those only.
func (e *Evaluation) ValidationListed(list func(RuleStatus) bool, limit int) (*Validation, int) {
	return e.validationListing(nil, list, limit)
}

// ValidationResult gives the outcome of the validation rule id for the
// unit at position i, passed or not; ok is false for an unknown rule or
// position, or a rule that does not concern the unit.
func (e *Evaluation) ValidationResult(id string, i int) (ValidationResult, bool) {
	if i < 0 || i >= len(e.data.Units) {
		return ValidationResult{}, false
	}
	for k := range e.cat.rules {
		if e.cat.rules[k].ID == id && e.rules[k].status[i] != 0 {
			return e.ruleResult(k, i), true
		}
	}
	return ValidationResult{}, false
}

func (e *Evaluation) ruleResult(k, i int) ValidationResult {
	cr, re := &e.cat.rules[k], &e.rules[k]
	res := ValidationResult{Unit: e.data.Units[i], Rule: cr.ID, Name: cr.Name, Importance: cr.Importance.Effective(),
		Status: ruleCodes[re.status[i]], Left: cr.Left, Operator: cr.Operator, Right: cr.Right, Tolerance: cr.Tolerance,
		ValueUnit: cr.unit, Strategy: cr.MissingValueStrategy.Effective()}
	if res.Name.ZH == "" {
		res.Name = msg.T(cr.ID, cr.ID)
	}
	for _, id := range cr.figures {
		if s := e.packedOf(id).state(i); s != rule.OK {
			res.Missing = append(res.Missing, RuleFigure{ID: id, Name: e.figureName(id)})
		}
	}
	if res.Status == RuleSkipped {
		return res
	}
	l, r, lok, rok := re.sides.at(i)
	if lok {
		res.LeftValue = ptr(clean(l))
	}
	if rok {
		res.RightValue = ptr(clean(r))
	}
	if lok && rok {
		res.Difference = ptr(clean(l - r))
	}
	return res
}

func (e *Evaluation) figureName(id string) msg.Text {
	if m, ok := e.cat.Metric(id); ok {
		return m.Name
	}
	if ind, ok := e.cat.Indicator(id); ok {
		return ind.Name
	}
	return msg.T(id, id)
}
