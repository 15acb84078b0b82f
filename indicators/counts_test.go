package indicators_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
)

func TestEvaluationCounts(t *testing.T) {
	d := build(t, []dataset.OrgUnit{city, distA, distB, kgBig, kgB}, map[string]figures{
		"a1": {"enrolled": 900, "places": 1000},
		"b1": {"enrolled": 50, "places": 100},
	})
	ev := testCatalog(t).Evaluate(d)
	want := map[string]indicators.Counts{
		"a1": {Met: 1},
		"b1": {NotMet: 1},
		"a":  {Met: 1, NoData: 1},
		"b":  {NotMet: 1, NoData: 1},
		// fill (86%), the spread and the CV between districts miss; choice
		// and the new kindergartens have no data.
		"c": {NotMet: 3, NoData: 2},
	}
	for i, u := range d.Units {
		got := ev.Counts(i)
		assert.Equal(t, want[u.ID], got, u.ID)
		// The same counts as the unit's report, binding and aspirational
		// together.
		s := ev.UnitReport(i, indicators.Options{}).Summary
		assert.Equal(t, got.Total(), s.Binding.Total()+s.Aspirational.Total(), u.ID)
	}
	assert.Equal(t, indicators.Counts{}, ev.Counts(-1))
	assert.Equal(t, indicators.Counts{}, ev.Counts(len(d.Units)))

	var c indicators.Counts
	for _, s := range []indicators.Status{indicators.Met, indicators.Met, indicators.NotMet, indicators.NoData,
		indicators.NotComputable, indicators.NotApplicable} {
		c.Add(s)
	}
	assert.Equal(t, indicators.Counts{Met: 2, NotMet: 1, NoData: 1, NotComputable: 1, NotApplicable: 1}, c)
}
