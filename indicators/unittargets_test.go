package indicators_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// scoreCatalog: a district's 综合得分, 达90分 for every district but the two
// the plan names, one by id and one by name, which are held to 达95分.
func scoreCatalog(t *testing.T, units ...string) *indicators.Catalog {
	t.Helper()
	if units == nil {
		units = []string{"d-a", "县B"}
	}
	m := plan.Metric{ID: "score", Name: msg.T("综合得分", "overall score"), Unit: plan.Score, Aggregate: plan.None,
		ReportedBy: plan.Scope{Levels: []org.Level{org.District}}}
	ind := plan.Indicator{ID: "score_target", Name: msg.T("督导综合得分", "inspection score"), Formula: "score",
		Unit: plan.Score, Target: "达90分", AppliesTo: plan.Scope{Levels: []org.Level{org.District}},
		Wording:     "县A、县B 综合得分达95分，其余达90分",
		UnitTargets: []plan.UnitTarget{{Units: units, Target: "达95分", Wording: "县A、县B 综合得分达95分"}}}
	cat, err := indicators.NewCatalog([]plan.Metric{m}, []plan.Indicator{ind}, nil)
	require.NoError(t, err)
	return cat
}

type district struct {
	id, name string
	score    float64
}

func scoreData(t *testing.T, ds ...district) *dataset.Dataset {
	t.Helper()
	d := dataset.New(2017)
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "c", Name: "市", Level: org.City}))
	for _, u := range ds {
		require.NoError(t, d.Add(dataset.OrgUnit{ID: u.id, Name: u.name, Level: org.District, Parent: "c"}))
		require.NoError(t, d.Set(u.id, "score", u.score))
	}
	return d
}

func resultFor(t *testing.T, rep *indicators.Report, unit string) indicators.Result {
	t.Helper()
	for _, ur := range rep.Units {
		if ur.Unit.ID == unit {
			require.Len(t, ur.Results, 1)
			return ur.Results[0]
		}
	}
	t.Fatalf("no unit %s in the report", unit)
	return indicators.Result{}
}

// Each unit is held to its own target: the two districts the plan names
// (one by id, one by name) against 95, the rest against the default 90;
// the report shows the value against the unit's own target, not a
// difference against zero.
func TestUnitTargets(t *testing.T) {
	cat := scoreCatalog(t)
	d := scoreData(t, district{"d-a", "县A", 94}, district{"d-b", "县B", 96}, district{"d-c", "县C", 91})
	rep, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	assert.Empty(t, rep.Warnings)
	for _, tc := range []struct {
		unit         string
		status       indicators.Status
		gap          float64
		target       string
		value, shown string
		gapShown     string
		own          bool
	}{
		{"d-a", indicators.NotMet, -1, "≥ 95", "94", "≥ 95", "-1（差于目标）", true},
		{"d-b", indicators.Met, 1, "≥ 95", "96", "≥ 95", "+1（优于目标）", true},
		{"d-c", indicators.Met, 1, "≥ 90", "91", "≥ 90", "+1（优于目标）", false},
	} {
		t.Run(tc.unit, func(t *testing.T) {
			r := resultFor(t, rep, tc.unit)
			assert.Equal(t, tc.status, r.Status)
			require.NotNil(t, r.Gap)
			assert.Equal(t, tc.gap, *r.Gap)
			assert.Equal(t, tc.target, r.Target.Display.ZH)
			v := view.Of(r)
			assert.Equal(t, tc.shown, v.Target.ZH)
			assert.Equal(t, tc.value, v.Value.ZH)
			assert.Equal(t, tc.gapShown, v.Gap.ZH)
			if !tc.own {
				assert.Nil(t, r.Target.Override)
				assert.Equal(t, "达90分", r.Target.Text)
				assert.True(t, v.TargetNote.IsZero())
				return
			}
			require.NotNil(t, r.Target.Override)
			assert.Equal(t, "达95分", r.Target.Text)
			assert.Equal(t, []string{"县A", "县B"}, r.Target.Override.Units, "named as the data names them")
			assert.Equal(t, "达90分", r.Target.Override.Default)
			assert.Equal(t, "≥ 90", r.Target.Override.DefaultDisplay.ZH)
			assert.Equal(t, "本单位目标（按计划对县A、县B的要求；其余单位 ≥ 90）", v.TargetNote.ZH)
			assert.Equal(t, "this unit's own target (as the plan sets for 县A, 县B; other units ≥ 90)", v.TargetNote.EN)
			assert.Contains(t, v.Line.ZH, "目标 ≥ 95（本单位目标），")
			assert.Contains(t, v.Line.EN, "target ≥ 95 (this unit's own), ")
		})
	}
	// The columns agree with the report.
	ev := cat.Evaluate(d)
	require.NoError(t, ev.Err())
	i, _ := d.Index("d-a")
	st, _ := ev.Status("score_target", i)
	assert.Equal(t, indicators.NotMet, st)
}

// A name two units of the data have cannot say which one the plan means:
// the assessment is refused, not guessed.
func TestUnitTargetAmbiguousName(t *testing.T) {
	cat := scoreCatalog(t)
	d := scoreData(t, district{"d-a", "县A", 94}, district{"d-b", "县B", 96}, district{"d-b2", "县B", 80})
	_, err := cat.Assess(d, indicators.Options{})
	require.Error(t, err)
	var probs msg.Problems
	require.True(t, errors.As(err, &probs))
	require.Len(t, probs, 1)
	assert.Equal(t, "indicators[0].unit_targets[0].units[1]", probs[0].Path)
	assert.Contains(t, probs[0].In("zh"), "县B")
	assert.Contains(t, probs[0].In("en"), "matches 2 units")
	assert.Error(t, cat.Evaluate(d).Err())
}

// The same unit named twice, by id and by name, in two overrides of one
// indicator is refused as well (validation cannot see it: it takes the data).
func TestUnitTargetUnitNamedTwice(t *testing.T) {
	m := plan.Metric{ID: "score", Name: msg.T("综合得分", "score"), Unit: plan.Score, Aggregate: plan.None,
		ReportedBy: plan.Scope{Levels: []org.Level{org.District}}}
	ind := plan.Indicator{ID: "score_target", Name: msg.T("督导综合得分", "inspection score"), Formula: "score",
		Unit: plan.Score, Target: "达90分", AppliesTo: plan.Scope{Levels: []org.Level{org.District}},
		UnitTargets: []plan.UnitTarget{{Units: []string{"d-a"}, Target: "达95分"}, {Units: []string{"县A"}, Target: "达92分"}}}
	cat, err := indicators.NewCatalog([]plan.Metric{m}, []plan.Indicator{ind}, nil)
	require.NoError(t, err)
	_, err = cat.Assess(scoreData(t, district{"d-a", "县A", 94}), indicators.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "unit_targets[1].units[0]")
}

// A unit the plan names that is not in the data is said, in both
// languages, on the report and the evaluation; the units present are
// still assessed.
func TestUnitTargetMissingUnitWarns(t *testing.T) {
	cat := scoreCatalog(t, "d-a", "县D")
	d := scoreData(t, district{"d-a", "县A", 94}, district{"d-c", "县C", 91})
	rep, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	require.Len(t, rep.Warnings, 1)
	assert.Contains(t, rep.Warnings[0].ZH, "县D")
	assert.Contains(t, rep.Warnings[0].ZH, "没有用上")
	assert.Contains(t, rep.Warnings[0].EN, "was not used")
	assert.Equal(t, rep.Warnings, cat.Evaluate(d).Warnings())
	assert.Equal(t, indicators.NotMet, resultFor(t, rep, "d-a").Status)
	assert.Equal(t, indicators.Met, resultFor(t, rep, "d-c").Status)
}

// An indicator without per-unit targets reads as before: no marker.
func TestNoUnitTargetsNoMarker(t *testing.T) {
	cat := scoreCatalog(t, "d-x")
	rep, err := cat.Assess(scoreData(t, district{"d-a", "县A", 94}), indicators.Options{})
	require.NoError(t, err)
	r := resultFor(t, rep, "d-a")
	assert.Nil(t, r.Target.Override)
	assert.Equal(t, indicators.Met, r.Status)
	assert.Len(t, rep.Warnings, 1)
}

// A report with per-unit targets and warnings reads back as written.
func TestUnitTargetsReportRoundTrip(t *testing.T) {
	cat := scoreCatalog(t, "d-a", "县D")
	rep, err := cat.Assess(scoreData(t, district{"d-a", "县A", 94}, district{"d-c", "县C", 91}), indicators.Options{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, rep.WriteJSON(&b))
	assert.Contains(t, b.String(), `"override"`)
	back, err := indicators.ReadReport(&b)
	require.NoError(t, err)
	assert.Equal(t, rep, back)
}
