//go:build !js

package sqlgen

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// RuleColumns are the columns of GenerateRules' result: one row per unit
// and validation rule that concerns the unit. status is passed, violated,
// skipped or not_computable (indicators.RuleStatus); the sides' values
// and their difference (left − right) are NULL where the rule was skipped
// or the side is not computable, as indicators.ValidationResult has them.
var RuleColumns = []string{"unit_id", "level", "rule", "status", "left_value", "right_value", "difference"}

// GenerateRules writes the SQL checking the plan's validation rules (the
// catalogue's, Catalog.WithRules) at every unit, as the Go engine does
// (indicators.Evaluation.Validation): a second query beside Generate's,
// reading the same figures, and the indicators the rules name. A rule
// does not concern a unit one of whose figures does not concern it; its
// missing-value strategy skips a unit lacking figures, or reads them as
// zero. It returns "" for a catalogue without rules.
func GenerateRules(cat *indicators.Catalog, m *Mapping, d Dialect, opt Options) (string, error) {
	rules := cat.Rules()
	if len(rules) == 0 {
		return "", nil
	}
	g, err := newGen(cat, m, d, opt)
	if err != nil {
		return "", err
	}
	resolve := g.cat.Resolver()
	type sides struct{ left, right *rule.Program }
	compiled := make([]sides, len(rules))
	var probs msg.Problems
	for k, r := range rules {
		var err error
		if compiled[k].left, err = rule.CompileFormula(r.Left, resolve, rule.DefaultLimits); err != nil {
			probs.Add(fmt.Sprintf("validation_rules[%d].left", k), "内部错误:%v", "internal error: %v", err)
		}
		if compiled[k].right, err = rule.CompileFormula(r.Right, resolve, rule.DefaultLimits); err != nil {
			probs.Add(fmt.Sprintf("validation_rules[%d].right", k), "内部错误:%v", "internal error: %v", err)
		}
	}
	if err := probs.Err(); err != nil {
		return "", err
	}
	var progs []*rule.Program
	for _, c := range compiled {
		progs = append(progs, c.left, c.right)
	}
	g.needOnly(progs)
	g.indicators()
	var read []string
	for _, p := range progs {
		read = append(read, indicatorsRead(p)...)
	}
	sort.Strings(read)
	g.lastTable = g.withIndicators("vr", slices.Compact(read))
	var rows []string
	for k, r := range rules {
		rows = append(rows, g.validationRule(k, r, compiled[k].left, compiled[k].right))
	}
	if len(g.unknown) > 0 {
		return "", msg.Errorf("内部错误：SQL 后端不认识运算 %v", "internal error: the SQL back end does not know the operations %v", g.unknown)
	}
	return g.script("every validation rule at every unit it concerns", rows, "unit_id, rule"), nil
}

// needOnly limits the indicators computed to those the programs read and
// those they are computed from.
func (g *gen) needOnly(progs []*rule.Program) {
	pos := map[string]int{}
	for i, ind := range g.inds {
		pos[ind.ID] = i
	}
	g.need = make([]bool, len(g.inds))
	var mark func(p *rule.Program)
	mark = func(p *rule.Program) {
		ids := p.Vars()
		for _, a := range p.Aggregates() {
			ids = append(ids, a.Vars()...)
		}
		for _, id := range ids {
			if i, ok := pos[id]; ok && !g.need[i] {
				g.need[i] = true
				f, _ := g.cat.Formula(id)
				mark(f)
			}
		}
	}
	for _, p := range progs {
		mark(p)
	}
}

// validationRule is the select of one rule's rows, reading the table last.
func (g *gen) validationRule(k int, r plan.ValidationRule, left, right *rule.Program) string {
	strategy := r.MissingValueStrategy.Effective()
	zero := strategy != plan.SkipIfAnyValueMissing
	// The figures on the unit itself, each once, then the aggregates.
	var figures []string
	for _, id := range append(left.Vars(), right.Vars()...) {
		if !slices.Contains(figures, id) {
			figures = append(figures, id)
		}
	}
	var states []string
	for _, id := range figures {
		states = append(states, "z.s_"+g.col[id])
	}
	base := "SELECT p.*"
	var joins []string
	aggs := append(left.Aggregates(), right.Aggregates()...)
	for j, a := range aggs {
		name := fmt.Sprintf("a_r%d_%d", k, j)
		g.aggregate(name, g.lastTable, "", a)
		base += fmt.Sprintf(", %s.v AS ag%dv, COALESCE(%s.s, %d) AS ag%ds", name, j, name, sMissing, j)
		joins = append(joins, fmt.Sprintf("LEFT JOIN %s ON %s.id = p.id", name, name))
		states = append(states, fmt.Sprintf("z.ag%ds", j))
	}
	base += " FROM " + g.lastTable + " p"
	if len(joins) > 0 {
		base += "\n" + strings.Join(joins, "\n")
	}
	// Under a strategy that checks a unit lacking figures, each missing
	// one reads as zero, computed.
	read := func(v, s string) (string, string) {
		if zero {
			return fmt.Sprintf("CASE WHEN %s = 0 THEN %s ELSE %s END", s, v, g.num(0)), "0"
		}
		return v, s
	}
	ref := func(id string) (string, string) { return read("z.v_"+g.col[id], "z.s_"+g.col[id]) }
	offset := 0
	agg := func(j int) (string, string) {
		return read(fmt.Sprintf("z.ag%dv", offset+j), fmt.Sprintf("z.ag%ds", offset+j))
	}
	prog := &program{prefix: "xl"}
	lv, ls, _ := g.expr(prog, left.Tree(), ref, agg)
	offset = len(left.Aggregates())
	rp := &program{prefix: "xr"}
	rv, rs, _ := g.expr(rp, right.Tree(), ref, agg)
	prog.merge(rp)

	irrelevant, skipped := "FALSE", "FALSE"
	if len(states) > 0 {
		var any3, anyMissing, allMissing []string
		for _, s := range states {
			any3 = append(any3, s+" = "+fmt.Sprint(sSkip))
			anyMissing = append(anyMissing, s+" <> 0")
			allMissing = append(allMissing, s+" <> 0")
		}
		irrelevant = strings.Join(any3, " OR ")
		switch strategy {
		case plan.SkipIfAnyValueMissing:
			skipped = strings.Join(anyMissing, " OR ")
		case plan.SkipIfAllValuesMissing:
			skipped = strings.Join(allMissing, " AND ")
		}
	}
	inner := fmt.Sprintf("SELECT z.*, %s AS lv_, %s AS ls_, %s AS rv_, %s AS rs_,\n  CASE WHEN %s THEN 1 ELSE 0 END AS irr_, CASE WHEN %s THEN 1 ELSE 0 END AS skip_\nFROM (\n%s\n) z",
		lv, ls, rv, rs, irrelevant, skipped, prog.wrap(base, g.d.fence))
	status := fmt.Sprintf("CASE WHEN q.skip_ = 1 THEN 'skipped' WHEN q.ls_ <> 0 OR q.rs_ <> 0 THEN 'not_computable' WHEN %s THEN 'passed' ELSE 'violated' END",
		g.holds(r.Operator, "q.lv_", "q.rv_", r.Tolerance))
	shown := "q.skip_ = 0 AND q.%s_ = 0"
	lval := fmt.Sprintf("CASE WHEN "+shown+" THEN q.lv_ END", "ls")
	rval := fmt.Sprintf("CASE WHEN "+shown+" THEN q.rv_ END", "rs")
	diff := "CASE WHEN q.skip_ = 0 AND q.ls_ = 0 AND q.rs_ = 0 THEN q.lv_ - q.rv_ END"
	return fmt.Sprintf("SELECT q.id AS unit_id, q.level AS level, %s AS rule, %s AS status, %s AS left_value, %s AS right_value, %s AS difference\nFROM (\n%s\n) q\nWHERE %s AND q.irr_ = 0",
		literal(r.ID), status, lval, rval, diff, inner, scopeSQL("q", r.AppliesTo, false))
}

// holds is indicators' comparison of a rule's sides: within the
// tolerance, and one part in a billion of the larger side.
func (g *gen) holds(op plan.Operator, l, r string, tol float64) string {
	d := fmt.Sprintf("(%s - %s)", l, r)
	noise := fmt.Sprintf("1e-9 * GREATEST(%s, ABS(%s), ABS(%s))", g.num(1), l, r)
	t := g.num(tol)
	switch op {
	case plan.OpEQ:
		return fmt.Sprintf("ABS%s <= %s + %s", d, t, noise)
	case plan.OpNE:
		return fmt.Sprintf("ABS%s > %s + %s", d, t, noise)
	case plan.OpLE:
		return fmt.Sprintf("%s <= %s + %s", d, t, noise)
	case plan.OpLT:
		return fmt.Sprintf("%s < %s - %s", d, t, noise)
	case plan.OpGE:
		return fmt.Sprintf("%s >= -%s - %s", d, t, noise)
	case plan.OpGT:
		return fmt.Sprintf("%s > -%s + %s", d, t, noise)
	}
	return "FALSE"
}
