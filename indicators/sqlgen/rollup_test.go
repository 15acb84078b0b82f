//go:build !js

package sqlgen

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/bench/national"
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// rollupMapping is sampleMapping with the metrics that sum up and that no
// unit above the lowest level reports in d moved to a source at the
// lowest level, which the ROLLUP form sums; it returns how many moved.
func rollupMapping(cat *indicators.Catalog, d *dataset.Dataset) (*Mapping, int) {
	m := sampleMapping(cat, d)
	ls := cat.Levels()
	low := string(ls[len(ls)-1].ID)
	a := Source{Table: "figures", Unit: "unit", Level: low, Columns: map[string]string{}}
	for _, id := range sortedKeys(m.Sources[0].Columns) {
		mt, ok := cat.Metric(id)
		if !ok || mt.Aggregate != plan.Sum {
			continue
		}
		above := false
		for i, u := range d.Units {
			if _, has := d.Column(id).At(i); has && string(u.Level) != low {
				above = true
			}
		}
		if !above {
			a.Columns[id] = m.Sources[0].Columns[id]
			delete(m.Sources[0].Columns, id)
		}
	}
	m.Sources = append(m.Sources, a)
	return m, len(a.Columns)
}

// The ROLLUP form: the metrics of a source at the lowest level summed with
// GROUP BY ROLLUP and GROUPING(), the others level by level; the results
// are the Go engine's, for the seed plan and the aggregates.
func TestRollupForm(t *testing.T) {
	for _, c := range []struct {
		name string
		cat  *indicators.Catalog
	}{{"seed", seedCatalog(t)}, {"aggregates", catalogOf(t, aggregateIndicators())}} {
		t.Run(c.name, func(t *testing.T) {
			d := sampleData(t, c.cat)
			m, moved := rollupMapping(c.cat, d)
			require.Greater(t, moved, 10)
			ev := c.cat.Evaluate(d)
			onEngines(t, func(t *testing.T, e engine) {
				q, err := Generate(c.cat, m, e.dialect())
				require.NoError(t, err)
				assert.Contains(t, q, "GROUP BY ROLLUP(l0, l1, l2)")
				assert.Contains(t, q, "GROUPING(l1) + GROUPING(l2)")
				compareEvaluation(t, c.cat, ev, parseRows(t, e.run(t, m, d, q)))
			})
		})
	}
}

// Units above the schools that should report a figure no school below
// them is concerned by, and did not: missing, and so is every unit above
// them, which the ROLLUP form carries up in a second ROLLUP.
func TestRollupReportedAbove(t *testing.T) {
	cat := seedCatalog(t)
	d := sampleData(t, cat)
	cleared := 0
	var reportedAbove []string
	for _, mt := range cat.Metrics() {
		if mt.Aggregate != plan.Sum || !slices.ContainsFunc(mt.ReportedBy.Levels, func(l org.Level) bool { return l != org.School }) {
			continue
		}
		reportedAbove = append(reportedAbove, mt.ID)
		for _, u := range d.Units {
			if _, ok := d.Value(u.ID, mt.ID); ok && u.Level != "school" {
				d.Clear(u.ID, mt.ID)
				cleared++
			}
		}
	}
	require.Greater(t, cleared, 10)
	// A rule tells a figure missing (the rule is skipped) from one that
	// does not concern the unit (no row), which an indicator reads alike.
	var rules []plan.ValidationRule
	for _, r := range cat.Rules() {
		r.MissingValueStrategy = plan.SkipIfAllValuesMissing
		rules = append(rules, r)
	}
	for _, id := range reportedAbove {
		rules = append(rules, plan.ValidationRule{ID: "above_" + id, Left: id, Operator: plan.OpGE, Right: "0"})
	}
	cat, err := cat.WithRules(rules)
	require.NoError(t, err)
	m, moved := rollupMapping(cat, d)
	require.Greater(t, moved, 20)
	ev := cat.Evaluate(d)
	onEngines(t, func(t *testing.T, e engine) {
		q, err := Generate(cat, m, e.dialect())
		require.NoError(t, err)
		compareEvaluation(t, cat, ev, parseRows(t, e.run(t, m, d, q)))
		q, err = GenerateRules(cat, m, e.dialect(), Options{})
		require.NoError(t, err)
		by := compareRules(t, cat, ev, parseRuleRows(t, e.run(t, m, d, q)))
		assert.Positive(t, by["skipped"])
	})
}

// Over five levels.
func TestRollupFiveLevels(t *testing.T) {
	p, err := national.Plan()
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	d, err := national.Generate(2000, 7)
	require.NoError(t, err)
	m, moved := rollupMapping(cat, d)
	require.Greater(t, moved, 10)
	ev := cat.Evaluate(d)
	onEngines(t, func(t *testing.T, e engine) {
		q, err := Generate(cat, m, e.dialect())
		require.NoError(t, err)
		assert.Contains(t, q, "GROUP BY ROLLUP(l0, l1, l2, l3, l4)")
		compareEvaluation(t, cat, ev, parseRows(t, e.run(t, m, d, q)))
	})
}

// A source's level must be one the plan has.
func TestSourceLevelUnknown(t *testing.T) {
	cat := seedCatalog(t)
	m := sampleMapping(cat, nil)
	m.Sources[0].Level = "county"
	_, err := Generate(cat, m, DuckDB)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "sources[0].level")
	assert.Contains(t, err.Error(), `"county"`)
}

// Every join of the generated SQL is a hash join in DuckDB's plan: a join
// it must run as a nested loop (a condition that is not an equality of
// both sides, such as a source's level beside the key) costs the square of
// the units, which made the ROLLUP form ten times slower at 100,000
// schools than at 10,000 for every 10 times the units.
func TestDuckDBJoinsHashed(t *testing.T) {
	cat := seedCatalog(t)
	d := sampleData(t, cat)
	level := sampleMapping(cat, d)
	rolled, _ := rollupMapping(cat, d)
	for _, c := range []struct {
		name string
		m    *Mapping
	}{{"level by level", level}, {"rollup", rolled}} {
		t.Run(c.name, func(t *testing.T) {
			q, err := Generate(cat, c.m, DuckDB)
			require.NoError(t, err)
			rules, err := GenerateRules(cat, c.m, DuckDB, Options{})
			require.NoError(t, err)
			for _, q := range []string{q, rules} {
				rows := runDuckDBRows(t, c.m, d, "EXPLAIN (FORMAT json) "+q)
				require.Len(t, rows, 2)
				var plan []planNode
				require.NoError(t, json.Unmarshal([]byte(rows[1][1]), &plan))
				joins := map[string]int{}
				for _, n := range plan {
					n.joins(joins)
				}
				require.Positive(t, joins["HASH_JOIN"])
				delete(joins, "HASH_JOIN")
				assert.Empty(t, joins, "joins other than hash joins")
			}
		})
	}
}

// planNode is an operator of DuckDB's plan as EXPLAIN (FORMAT json) writes it.
type planNode struct {
	Name     string     `json:"name"`
	Children []planNode `json:"children"`
}

// joins counts the joins below n, n too, by operator.
func (n planNode) joins(by map[string]int) {
	if strings.Contains(n.Name, "JOIN") || strings.Contains(n.Name, "CROSS_PRODUCT") {
		by[n.Name]++
	}
	for _, c := range n.Children {
		c.joins(by)
	}
}
