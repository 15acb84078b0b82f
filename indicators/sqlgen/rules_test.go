//go:build !js

package sqlgen

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/seeds"
)

type ruleRow struct {
	status                  string
	left, right, difference *float64
}

// parseRuleRows reads GenerateRules' rows by unit and rule.
func parseRuleRows(t *testing.T, rows [][]string) map[[2]string]ruleRow {
	t.Helper()
	require.NotEmpty(t, rows)
	require.Equal(t, RuleColumns, rows[0])
	num := func(s string) *float64 { return parseNum(t, s) }
	out := map[[2]string]ruleRow{}
	for _, r := range rows[1:] {
		key := [2]string{r[0], r[2]}
		_, dup := out[key]
		require.False(t, dup, "two rows for %v", key)
		out[key] = ruleRow{status: r[3], left: num(r[4]), right: num(r[5]), difference: num(r[6])}
	}
	return out
}

// compareRules holds the SQL's rule rows to the Go engine's validation:
// a row exactly where the rule concerns the unit, with its status and
// sides. It returns the count of rows by status.
func compareRules(t *testing.T, cat *indicators.Catalog, ev *indicators.Evaluation, got map[[2]string]ruleRow) map[string]int {
	t.Helper()
	d := ev.Data()
	seen, by := 0, map[string]int{}
	same := func(where, what string, want, got *float64) {
		if assert.Equal(t, want != nil, got != nil, "%s present: %s", what, where) && got != nil {
			assert.True(t, math.Abs(*want-*got) <= 1e-9*math.Max(1, math.Abs(*want)), "%s of %s: SQL %v, Go %v", what, where, *got, *want)
		}
	}
	for i, u := range d.Units {
		for _, r := range cat.Rules() {
			want, ok := ev.ValidationResult(r.ID, i)
			row, has := got[[2]string{u.ID, r.ID}]
			where := fmt.Sprintf("%s at %s (%s %s %s, %s)", r.ID, u.ID, r.Left, r.Operator, r.Right, r.MissingValueStrategy)
			if !assert.Equal(t, ok, has, "a row exactly where the rule concerns the unit: %s", where) || !ok {
				continue
			}
			seen++
			by[string(want.Status)]++
			assert.Equal(t, string(want.Status), row.status, where)
			same(where, "left", want.LeftValue, row.left)
			same(where, "right", want.RightValue, row.right)
			same(where, "difference", want.Difference, row.difference)
		}
	}
	assert.Len(t, got, seen, "no rows beyond the Go engine's")
	return by
}

// The seed plan's validation rules over the sample year.
func TestRulesSampleYear(t *testing.T) {
	cat := seedCatalog(t)
	require.NotEmpty(t, cat.Rules())
	d := sampleData(t, cat)
	m := sampleMapping(cat, d)
	ev := cat.Evaluate(d)
	onEngines(t, func(t *testing.T, e engine) {
		q, err := GenerateRules(cat, m, e.dialect(), Options{})
		require.NoError(t, err)
		by := compareRules(t, cat, ev, parseRuleRows(t, e.run(t, m, d, q)))
		t.Log(by)
		assert.Greater(t, by["passed"], 100)
	})
}

// ruleCases are rules of every operator and strategy, with tolerances,
// aggregates over the units below, indicators, a scope, and rules whose
// figures some units do not concern.
func ruleCases() []plan.ValidationRule {
	var out []plan.ValidationRule
	add := func(left string, op plan.Operator, right string, tol float64, scope ...org.Level) {
		for _, s := range plan.MissingValueStrategies() {
			out = append(out, plan.ValidationRule{ID: fmt.Sprintf("r%d", len(out)), Left: left, Operator: op, Right: right,
				Tolerance: tol, MissingValueStrategy: s, AppliesTo: plan.Scope{Levels: scope}})
		}
	}
	add("kindergarten_enrolment_urban + kindergarten_enrolment_rural", plan.OpEQ, "kindergarten_enrolment", 0)
	add("fitness_pass_students", plan.OpLE, "fitness_tested_students", 0)
	add("fitness_pass_students", plan.OpGT, "fitness_tested_students * 95%", 0)
	add("fitness_pass_students / fitness_tested_students", plan.OpGE, "96%", 0.005)
	add("sum(kindergarten_enrolment)", plan.OpNE, "kindergarten_enrolment", 10, org.District, org.City)
	add("sum(fitness_pass_students)", plan.OpLT, "sum(fitness_tested_students)", 0)
	add("population_age3_5", plan.OpGE, "kindergarten_enrolment", 100)
	add("school_choice_pupils", plan.OpEQ, "0", 0.5)
	add("compulsory_schools_standardized", plan.OpLE, "compulsory_schools", 0, org.District)
	add("1", plan.OpLE, "2", 0)
	add("kindergarten_enrolment / (kindergarten_enrolment - kindergarten_enrolment)", plan.OpLT, "1", 0)
	return out
}

func TestRulesCases(t *testing.T) {
	p, err := seeds.Default()
	require.NoError(t, err)
	cat0, err := indicators.Compile(p)
	require.NoError(t, err)
	// An indicator the rules read, and one of the plan's.
	rules := append(ruleCases(),
		plan.ValidationRule{ID: "ind", Left: p.Indicators[0].ID, Operator: plan.OpLE, Right: "1"},
		plan.ValidationRule{ID: "ind_never", Left: p.Indicators[0].ID + " * 2", Operator: plan.OpGE, Right: "0.5", MissingValueStrategy: plan.NeverSkip})
	cat, err := cat0.WithRules(rules)
	require.NoError(t, err)
	d := sampleData(t, cat)
	// Some figures taken away, so that every strategy has units to skip
	// or to read as zero.
	cleared := 0
	for i, u := range d.Units {
		if i%4 == 1 {
			for _, id := range []string{"kindergarten_enrolment_rural", "fitness_pass_students", "population_age3_5"} {
				if _, ok := d.Value(u.ID, id); ok {
					d.Clear(u.ID, id)
					cleared++
				}
			}
		}
	}
	require.Greater(t, cleared, 5)
	m := sampleMapping(cat, d)
	ev := cat.Evaluate(d)
	onEngines(t, func(t *testing.T, e engine) {
		q, err := GenerateRules(cat, m, e.dialect(), Options{})
		require.NoError(t, err)
		by := compareRules(t, cat, ev, parseRuleRows(t, e.run(t, m, d, q)))
		t.Log(by)
		for _, s := range []string{"passed", "violated", "skipped", "not_computable"} {
			assert.Positive(t, by[s], s)
		}
	})
}

func TestRulesNone(t *testing.T) {
	p, err := seeds.Default()
	require.NoError(t, err)
	cat, err := indicators.NewCatalog(p.Metrics, p.Indicators, nil)
	require.NoError(t, err)
	q, err := GenerateRules(cat, sampleMapping(cat, nil), DuckDB, Options{})
	require.NoError(t, err)
	assert.Empty(t, q)
}
