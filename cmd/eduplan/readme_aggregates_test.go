package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// aggregateRows writes the README's table of aggregates from
// rule.AggregateDocs, the definitions explain prints too.
func aggregateRows() []string {
	var rows []string
	for _, d := range rule.AggregateDocs() {
		also := "—"
		if d.Also.EN != "" {
			also = d.Also.EN
		}
		rows = append(rows, fmt.Sprintf("| `%s` | %s | %s | %s |", d.Call, strings.Join(d.Spellings, ", "), d.Formula.EN, also))
	}
	return rows
}

// The README's table of aggregates is the engine's own definitions: a
// formula changed in one place and not the other fails here.
func TestREADMEAggregateTable(t *testing.T) {
	md := readme(t)
	for _, row := range aggregateRows() {
		assert.Contains(t, md, row+"\n", "README lacks or differs from:\n%s", row)
	}
	assert.Contains(t, md, rule.ChildStates().EN)
}

// The README's compound rule compiles over seven school figures and gives
// the verdict its words say: one school at 80% of a standard fails the
// county.
func TestREADMECompoundRule(t *testing.T) {
	var snippet string
	for _, b := range blocks(t, "json") {
		if strings.Contains(b, `"balanced_schools"`) {
			snippet = b
		}
	}
	require.NotEmpty(t, snippet, "README shows the compound rule")
	var inds []plan.Indicator
	require.NoError(t, jsonx.Unmarshal([]byte(snippet), &inds))
	var ms []plan.Metric
	for k := 1; k <= 7; k++ {
		ms = append(ms, plan.Metric{ID: fmt.Sprintf("s%d", k), Unit: plan.Number, Aggregate: plan.None,
			ReportedBy: plan.Scope{Levels: []org.Level{org.School}}})
	}
	cat, err := indicators.NewCatalog(ms, inds, nil)
	require.NoError(t, err)

	d := dataset.New(2017)
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "x", Level: org.District}))
	for id, row := range map[string][]float64{
		"a": {4.5, 1.2, 1.0, 5.0, 8.0, 2500, 2.5},  // all seven met
		"b": {4.5, 1.2, 1.0, 5.0, 8.0, 2500, 2.07}, // six, the seventh at 90%
		"c": {4.5, 1.2, 1.0, 5.0, 8.0, 1600, 2.5},  // six, the seventh at 80%
	} {
		require.NoError(t, d.Add(dataset.OrgUnit{ID: id, Level: org.School, Kind: org.Primary, Parent: "x"}))
		for k, v := range row {
			require.NoError(t, d.Set(id, fmt.Sprintf("s%d", k+1), v))
		}
	}
	ev := cat.Evaluate(d)
	v, ok := ev.Value("balanced_schools", 0)
	require.True(t, ok)
	assert.InDelta(t, 2.0/3, v, 1e-12)
	st, _ := ev.Status("balanced_schools", 0)
	assert.Equal(t, indicators.NotMet, st)
}
