package indicators

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// An evaluation sums up the tree only the metrics its indicators read and
// those a parent reported beside its children (whose mismatches every
// report lists); any other is summed when first asked for, with the same
// figures.
func TestEvaluateSumsOnlyWhatIsRead(t *testing.T) {
	count := func(id, zh string, k org.Kind) plan.Metric {
		return plan.Metric{ID: id, Name: msg.T(zh, id), Unit: plan.Count, Integral: true, Aggregate: plan.Sum,
			ReportedBy: plan.Scope{Kinds: []org.Kind{k}}}
	}
	cat, err := NewCatalog([]plan.Metric{
		count("enrolled", "在园幼儿数", org.Kindergarten), count("places", "学位数", org.Kindergarten),
		count("chosen", "择校生数", org.Primary), count("pupils", "在校生数", org.Primary),
		{ID: "new_kg", Name: msg.T("新建幼儿园数", "new_kg"), Unit: plan.Count, Integral: true, Aggregate: plan.Sum,
			ReportedBy: plan.Scope{Levels: []org.Level{org.District}}},
	}, []plan.Indicator{{ID: "fill", Name: msg.T("学位使用率", "fill"), Formula: "enrolled / places",
		Unit: plan.Percent, Target: "达90%以上", Wording: "90%以上"}}, nil)
	require.NoError(t, err)
	d := dataset.New(2017)
	for _, u := range []dataset.OrgUnit{
		{ID: "c", Name: "市", Level: org.City},
		{ID: "a", Name: "甲区", Level: org.District, Parent: "c"},
		{ID: "a1", Name: "园", Level: org.School, Kind: org.Kindergarten, Parent: "a"},
		{ID: "a3", Name: "小学", Level: org.School, Kind: org.Primary, Parent: "a"},
	} {
		require.NoError(t, d.Add(u))
	}
	for _, f := range []struct {
		unit, metric string
		v            float64
	}{{"a1", "enrolled", 95}, {"a1", "places", 100}, {"a3", "chosen", 5}, {"a3", "pupils", 10}, {"a", "pupils", 12}, {"a", "new_kg", 3}} {
		require.NoError(t, d.Set(f.unit, f.metric, f.v))
	}
	e := cat.Evaluate(d)
	summed := func(id string) bool { return e.metricCols[cat.metricIndex[id]].bits != nil }
	assert.True(t, summed("enrolled"), "read by fill")
	assert.True(t, summed("places"), "read by fill")
	assert.True(t, summed("pupils"), "reported by a parent: its mismatch is in every report")
	assert.False(t, summed("chosen"), "read by nothing")
	assert.False(t, summed("new_kg"), "reported by a parent, but by none of its children")
	require.Len(t, e.Mismatches(), 1)
	assert.Equal(t, "pupils", e.Mismatches()[0].Metric)

	v, origin, ok := e.Figure("chosen", 0)
	require.True(t, ok)
	assert.Equal(t, 5.0, v)
	assert.Equal(t, Summed, origin)
	assert.True(t, summed("chosen"), "summed when asked for")
	v, origin, _ = e.Figure("new_kg", 0)
	assert.Equal(t, 3.0, v)
	assert.Equal(t, Summed, origin)
	assert.Len(t, e.Mismatches(), 1, "and no mismatch added")
}

// A metric can give a mismatch when a unit reported it below another that
// did, however far below, and only then.
func TestMayMismatch(t *testing.T) {
	for _, c := range []struct {
		name    string
		units   []string
		mayDiff bool
	}{
		{"schools only", []string{"a1", "a2", "b1"}, false},
		{"a district only", []string{"a"}, false},
		{"two districts", []string{"a", "b"}, false},
		{"the city and a school", []string{"c", "b1"}, true},
		{"a district and its school", []string{"b1", "a1", "b"}, true},
		{"a district and another's school", []string{"a", "b1"}, false},
		{"the city and a district", []string{"a", "c"}, true},
		{"nobody", nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			cat, err := NewCatalog([]plan.Metric{{ID: "pupils", Name: msg.T("在校生数", "pupils"), Unit: plan.Count, Integral: true,
				Aggregate: plan.Sum, ReportedBy: plan.Scope{Kinds: []org.Kind{org.Primary}}}}, nil, nil)
			require.NoError(t, err)
			d := dataset.New(2017)
			for _, u := range []dataset.OrgUnit{
				{ID: "c", Name: "市", Level: org.City},
				{ID: "a", Name: "甲区", Level: org.District, Parent: "c"},
				{ID: "a1", Name: "甲一", Level: org.School, Kind: org.Primary, Parent: "a"},
				{ID: "a2", Name: "甲二", Level: org.School, Kind: org.Primary, Parent: "a"},
				{ID: "b", Name: "乙区", Level: org.District, Parent: "c"},
				{ID: "b1", Name: "乙一", Level: org.School, Kind: org.Primary, Parent: "b"},
			} {
				require.NoError(t, d.Add(u))
			}
			for _, u := range c.units {
				require.NoError(t, d.Set(u, "pupils", 10))
			}
			e := cat.Evaluate(d)
			seen := make([]bool, len(d.Units))
			assert.Equal(t, c.mayDiff, e.mayMismatch(0, e.parentPositions(), seen))
			assert.Equal(t, make([]bool, len(d.Units)), seen, "seen is cleared")
			// A mismatch found is one mayMismatch allowed.
			if !c.mayDiff {
				assert.Empty(t, e.Mismatches())
			}
		})
	}
}
