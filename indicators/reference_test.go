package indicators_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// fitnessCatalog: a pass rate reported by primary schools and summed up,
// assessed for every level (a school sees its own), with a target the plan
// sets for the city and the districts; and the same rate aspirational with
// the target for the city alone. ownFor names a school held to a target of
// its own.
func fitnessCatalog(t *testing.T, ownFor ...string) *indicators.Catalog {
	t.Helper()
	schools := plan.Scope{Kinds: []org.Kind{org.Primary}}
	metrics := []plan.Metric{
		{ID: "passed", Name: msg.T("合格人数", "pupils passing"), Unit: plan.Count, Counter: "人", Integral: true,
			Aggregate: plan.Sum, ReportedBy: schools},
		{ID: "tested", Name: msg.T("测试人数", "pupils tested"), Unit: plan.Count, Counter: "人", Integral: true,
			Aggregate: plan.Sum, ReportedBy: schools},
	}
	pass := plan.Indicator{ID: "pass_rate", Name: msg.T("合格率", "pass rate"), Formula: "passed / tested",
		Unit: plan.Percent, Target: "达到95%以上", Wording: "合格率达到95%以上", Direction: "higher",
		AppliesTo: plan.Scope{Levels: []org.Level{org.City, org.District, org.School}, Kinds: []org.Kind{org.Primary}},
		TargetFor: &plan.Scope{Levels: []org.Level{org.City, org.District}}}
	if len(ownFor) > 0 {
		pass.UnitTargets = []plan.UnitTarget{{Units: ownFor, Target: "达到90%以上"}}
	}
	hoped := plan.Indicator{ID: "pass_rate_hoped", Name: msg.T("合格率（力争）", "pass rate (hoped)"), Formula: "passed / tested",
		Unit: plan.Percent, Target: "力争达到99%以上", Wording: "力争合格率达到99%以上", Direction: "higher",
		TargetFor: &plan.Scope{Levels: []org.Level{org.City}}}
	cat, err := indicators.NewCatalog(metrics, []plan.Indicator{pass, hoped}, nil)
	require.NoError(t, err)
	return cat
}

func fitnessData(t *testing.T) *dataset.Dataset {
	priB := dataset.OrgUnit{ID: "a4", Name: "甲区二小", Level: org.School, Kind: org.Primary, Parent: "a"}
	return build(t, []dataset.OrgUnit{city, distA, priA, priB, kgBig}, map[string]figures{
		"a3": {"passed": 90, "tested": 100}, // 90%: below 95%
		"a4": {"passed": 99, "tested": 100}, // 99%
	})
}

// A target the plan sets for the city and the districts is a verdict there;
// a school sees its own figure against it for reference: status and gap
// computed as usual, but marked, and counted apart.
func TestReferenceResults(t *testing.T) {
	type want struct {
		status    indicators.Status
		reference bool
	}
	for _, tc := range []struct {
		name   string
		ownFor []string
		want   map[string]map[string]want // unit → indicator → want
	}{
		{"target for the city and districts", nil, map[string]map[string]want{
			"c":  {"pass_rate": {indicators.NotMet, false}, "pass_rate_hoped": {indicators.NotMet, false}},
			"a":  {"pass_rate": {indicators.NotMet, false}, "pass_rate_hoped": {indicators.NotMet, true}},
			"a3": {"pass_rate": {indicators.NotMet, true}, "pass_rate_hoped": {indicators.NotMet, true}},
			"a4": {"pass_rate": {indicators.Met, true}, "pass_rate_hoped": {indicators.Met, true}},
			// A kindergarten reports nothing: no data, still for reference.
			"a1": {"pass_rate_hoped": {indicators.NoData, true}},
		}},
		{"a school the plan names is held to its own target", []string{"a3"}, map[string]map[string]want{
			"a3": {"pass_rate": {indicators.Met, false}},
			"a4": {"pass_rate": {indicators.Met, true}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev := fitnessCatalog(t, tc.ownFor...).Evaluate(fitnessData(t))
			rep, err := ev.Report(indicators.Options{})
			require.NoError(t, err)
			for unit, inds := range tc.want {
				for id, w := range inds {
					r := result(t, rep, unit, id)
					assert.Equal(t, w.status, r.Status, "%s %s", unit, id)
					assert.Equal(t, w.reference, r.Reference, "%s %s reference", unit, id)
					i, _ := ev.Data().Index(unit)
					assert.Equal(t, w.reference, ev.Reference(id, i), "%s %s Evaluation.Reference", unit, id)
					out, ok := ev.Outcome(id, i)
					require.True(t, ok)
					assert.Equal(t, w.reference, out.Reference, "%s %s Outcome", unit, id)
				}
			}
		})
	}

	ev := fitnessCatalog(t).Evaluate(fitnessData(t))
	rep, err := ev.Report(indicators.Options{})
	require.NoError(t, err)
	// The school's gap is against the city's target, as a district's is.
	r := result(t, rep, "a3", "pass_rate")
	require.NotNil(t, r.Gap)
	assert.InDelta(t, -5.0, *r.Gap, 1e-9, "percentage points")
	require.NotNil(t, r.Target.For)
	assert.Equal(t, []org.Level{org.City, org.District}, r.Target.For.Levels)

	summaries := map[string]indicators.Summary{}
	for _, u := range rep.Units {
		summaries[u.Unit.ID] = u.Summary
	}
	assert.Equal(t, indicators.Summary{Binding: indicators.Counts{NotMet: 1}, Aspirational: indicators.Counts{NotMet: 1}}, summaries["c"])
	assert.Equal(t, indicators.Summary{Binding: indicators.Counts{NotMet: 1}, Reference: indicators.Counts{NotMet: 1}}, summaries["a"])
	assert.Equal(t, indicators.Summary{Reference: indicators.Counts{NotMet: 2}}, summaries["a3"],
		"a school below the city's target is not counted as not met")
	assert.Equal(t, indicators.Summary{Reference: indicators.Counts{Met: 2}}, summaries["a4"])
	assert.Equal(t, 2, summaries["a3"].Total())

	// The one line per unit of a table of many units leaves references out.
	i, _ := ev.Data().Index("a3")
	assert.Equal(t, indicators.Counts{}, ev.Counts(i))
	assert.Equal(t, indicators.Counts{NotMet: 2}, ev.ReferenceCounts(i))
	i, _ = ev.Data().Index("a")
	assert.Equal(t, indicators.Counts{NotMet: 1}, ev.Counts(i))
	assert.Equal(t, indicators.Counts{NotMet: 1}, ev.ReferenceCounts(i))
	assert.Equal(t, indicators.Counts{}, ev.ReferenceCounts(-1))
	assert.False(t, ev.Reference("nope", 0))
}

// Without target_for a target is a verdict wherever the indicator applies,
// as before.
func TestNoTargetForIsAVerdictEverywhere(t *testing.T) {
	d := build(t, []dataset.OrgUnit{city, distA, distB, kgBig, kgB}, map[string]figures{
		"a1": {"enrolled": 900, "places": 1000},
		"b1": {"enrolled": 50, "places": 100},
	})
	rep, err := testCatalog(t).Assess(d, indicators.Options{})
	require.NoError(t, err)
	for _, u := range rep.Units {
		assert.Zero(t, u.Summary.Reference, u.Unit.ID)
		for _, r := range u.Results {
			assert.False(t, r.Reference, "%s %s", u.Unit.ID, r.Indicator)
			assert.Nil(t, r.Target.For)
		}
	}
	assert.Equal(t, indicators.NotMet, result(t, rep, "b1", "fill").Status)
}
