//go:build !js

package sqlgen

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/seeds"
)

// catalogOf compiles the seed plan's metrics with the given indicators.
func catalogOf(t *testing.T, inds []plan.Indicator) *indicators.Catalog {
	t.Helper()
	p, err := seeds.Default()
	require.NoError(t, err)
	cat, err := indicators.NewCatalog(p.Metrics, inds, nil)
	require.NoError(t, err)
	return cat
}

func ind(id, formula string, u plan.Unit, target string, levels ...org.Level) plan.Indicator {
	return plan.Indicator{ID: id, Formula: formula, Unit: u, Target: target, AppliesTo: plan.Scope{Levels: levels}}
}

// aggregateIndicators use every aggregate over the level below, and over a
// level further down (over), weighted or not, with every kind of target,
// and an indicator read by another.
func aggregateIndicators() []plan.Indicator {
	const pass, tested = "fitness_pass_students", "fitness_tested_students"
	rate := pass + " / " + tested
	cd := []org.Level{org.City, org.District}
	over := func(i plan.Indicator) plan.Indicator { i.Over = org.School; return i }
	inds := []plan.Indicator{
		ind("spread", "spread("+rate+")", plan.Percent, "不超过10个百分点", cd...),
		ind("cv", "cv("+rate+")", plan.Ratio, "≤ 0.05", cd...),
		ind("wcv", "cv("+rate+", "+tested+")", plan.Ratio, "≤ 0.05", cd...),
		ind("share", "share("+rate+" >= 95%)", plan.Percent, "≥ 80%", cd...),
		ind("count", "count("+rate+" >= 96%)", plan.Count, "3-4个", cd...),
		ind("mean", "mean("+rate+")", plan.Percent, "≥ 95%", cd...),
		ind("min", "min("+rate+")", plan.Percent, "≥ 90%", cd...),
		ind("max", "max("+rate+")", plan.Percent, "≤ 99%", cd...),
		ind("sum", "sum("+pass+")", plan.Count, "≥ 1000", cd...),
		over(ind("over_cv", "cv("+rate+")", plan.Ratio, "≤ 0.05", org.City)),
		over(ind("over_wcv", "差异系数("+rate+", "+tested+")", plan.Ratio, "≤ 0.05", org.City)),
		over(ind("over_count", "count("+rate+" > 97%)", plan.Count, "≥ 10", org.City)),
		ind("ratio_of_sums", rate, plan.Percent, "达到95%以上", cd...),
		ind("read_another", "ratio_of_sums * 100 - mean * 100", plan.Number, "≤ 1", cd...),
		ind("kg_share", "share(kindergarten_enrolment > 200)", plan.Percent, "≥ 50%", cd...),
		ind("choice_cv", "cv(school_choice_pupils / compulsory_new_entrants)", plan.Ratio, "≤ 1", cd...),
	}
	return inds
}

// The SQL's results for every aggregate are the Go engine's.
func TestPostgresAggregates(t *testing.T) {
	cat := catalogOf(t, aggregateIndicators())
	d := sampleData(t, cat)
	compareWithEngine(t, cat, d, runOnPostgres(t, cat, d))
}

func TestDuckDBAggregates(t *testing.T) {
	cat := catalogOf(t, aggregateIndicators())
	compareWithEngine(t, cat, sampleData(t, cat), runOnDuckDB(t, generateDuckDB(t, cat)))
}

// randomFormula writes a random formula over the ids, with every
// operator of the language; conditions where a condition is needed.
func randomFormula(r *rand.Rand, ids []string, depth int, boolean bool) string {
	if boolean {
		switch r.IntN(5) {
		case 0:
			return "(" + randomFormula(r, ids, depth-1, true) + []string{" && ", " || "}[r.IntN(2)] + randomFormula(r, ids, depth-1, true) + ")"
		case 1:
			return "!(" + randomFormula(r, ids, depth-1, true) + ")"
		default:
			ops := []string{" < ", " <= ", " > ", " >= ", " == ", " != "}
			return "(" + randomFormula(r, ids, depth-1, false) + ops[r.IntN(len(ops))] + randomFormula(r, ids, depth-1, false) + ")"
		}
	}
	if depth <= 0 || r.IntN(4) == 0 {
		if r.IntN(3) == 0 {
			return []string{"0", "1", "2", "0.5", "50%", "100", "3"}[r.IntN(7)]
		}
		return ids[r.IntN(len(ids))]
	}
	sub := func() string { return randomFormula(r, ids, depth-1, false) }
	switch r.IntN(11) {
	case 0, 1:
		return "(" + sub() + " / " + sub() + ")"
	case 2:
		return "(" + sub() + " + " + sub() + ")"
	case 3:
		return "(" + sub() + " - " + sub() + ")"
	case 4:
		return "(" + sub() + " * " + sub() + ")"
	case 5:
		return "-" + sub()
	case 6:
		return "abs(" + sub() + ")"
	case 7:
		return []string{"min", "max"}[r.IntN(2)] + "(" + sub() + ", " + sub() + ")"
	case 8:
		return "(" + randomFormula(r, ids, depth-1, true) + " ? " + sub() + " : " + sub() + ")"
	case 9:
		return "(" + sub() + " ?? " + sub() + ")"
	default:
		return "(" + sub() + " ** " + []string{"2", "0.5", "-1", "0"}[r.IntN(4)] + ")"
	}
}

// randomIndicators are random formulas over the operators; their ids mix
// figures reported at schools, at districts, and some no unit reports.
func randomIndicators() []plan.Indicator {
	ids := []string{"fitness_pass_students", "fitness_tested_students", "kindergarten_enrolment", "population_age3_5",
		"compulsory_schools", "compulsory_schools_standardized", "unlicensed_kindergarten_sites", "vocational_new_entrants",
		"disabled_children_enrolled"}
	r := rand.New(rand.NewPCG(15, 2017))
	var inds []plan.Indicator
	for i := 0; i < 60; i++ {
		f := randomFormula(r, ids, 4, false)
		inds = append(inds, ind(fmt.Sprintf("f%d", i), f, plan.Number, []string{"≥ 0", "≤ 1", "1-100", "== 0"}[i%4]))
	}
	return inds
}

// On every unit of the sample year the SQL computes what the evaluator
// does for random formulas, missing and not computable included.
func TestPostgresRandomFormulas(t *testing.T) {
	cat := catalogOf(t, randomIndicators())
	d := sampleData(t, cat)
	compareWithEngine(t, cat, d, runOnPostgres(t, cat, d))
}

func TestDuckDBRandomFormulas(t *testing.T) {
	cat := catalogOf(t, randomIndicators())
	compareWithEngine(t, cat, sampleData(t, cat), runOnDuckDB(t, generateDuckDB(t, cat)))
}
