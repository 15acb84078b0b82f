package trend_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/progress"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/indicators/trend"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// ratio is a district's 生师比 (lower is better) with a target, as written,
// for 2025; the figures are the districts' own.
func ratioPlan(t *testing.T, target string, base *plan.Baseline, ubs ...plan.UnitBaseline) (*plan.Plan, *indicators.Catalog) {
	t.Helper()
	p := &plan.Plan{ID: "p", Year: 2021,
		Metrics: []plan.Metric{{ID: "r", Name: msg.T("生师比（上报）", "ratio"), Unit: plan.Ratio, Aggregate: plan.None,
			ReportedBy: plan.Scope{Levels: []org.Level{org.District}}}},
		Indicators: []plan.Indicator{{ID: "ptr", Name: msg.T("生师比", "pupil–teacher ratio"), Formula: "r", Unit: plan.Ratio,
			Target: target, Direction: rule.LowerIsBetter, AppliesTo: plan.Scope{Levels: []org.Level{org.District}},
			Baseline: base, UnitBaselines: ubs, TargetYear: 2025}},
	}
	require.NoError(t, plan.ValidateMeasures(p.Metrics, p.Indicators))
	cat, err := indicators.NewCatalog(p.Metrics, p.Indicators, nil)
	require.NoError(t, err)
	return p, cat
}

// series: figures[year] gives each district's value, nil for a district
// absent that year.
func series(t *testing.T, figures map[int]map[string]float64) dataset.Series {
	t.Helper()
	var parts []dataset.Series
	for y, fs := range figures {
		d := dataset.New(y)
		for _, id := range []string{"d1", "d2"} {
			v, ok := fs[id]
			if !ok {
				continue
			}
			require.NoError(t, d.Add(dataset.OrgUnit{ID: id, Name: "区" + id, Level: org.District}))
			require.NoError(t, d.Set(id, "r", v))
		}
		parts = append(parts, dataset.Series{d})
	}
	s, err := dataset.Merge(parts...)
	require.NoError(t, err)
	return s
}

func row(t *testing.T, rep *trend.Report, unit string, year int) trend.Row {
	t.Helper()
	for _, r := range rep.Rows {
		if r.Unit.ID == unit && r.Year == year {
			return r
		}
	}
	t.Fatalf("no row for %s in %d", unit, year)
	return trend.Row{}
}

// Lower is better: 生师比 from 20 (2020) to ≤ 16 (2025). Hand-worked:
//
//	d1 2022: 18 → completion (18 − 20) / (16 − 20) = 50%;
//	         observed CAGR(18, 20, 2) = −0.051317, required CAGR(16, 20, 5) =
//	         −0.043648, ratio 1.175708 → on track
//	d2 2022: 21 → completion −25%, observed +0.024695, ratio −0.565784 → moved away
//	d1 2023: 15.5 ≤ 16 → target achieved, completion 112.5%
func TestLowerIsBetter(t *testing.T) {
	p, cat := ratioPlan(t, "控制在16以内", &plan.Baseline{Year: 2020, Value: "20"})
	rep, err := trend.Assess(cat, p, series(t, map[int]map[string]float64{
		2020: {"d1": 20, "d2": 20}, 2022: {"d1": 18, "d2": 21}, 2023: {"d1": 15.5, "d2": 20.5},
	}), indicators.Options{})
	require.NoError(t, err)
	for _, tc := range []struct {
		unit       string
		year       int
		completion float64
		ratio      float64
		status     progress.Status
	}{
		{"d1", 2022, 0.5, 1.1757077, progress.OnTrack},
		{"d2", 2022, -0.25, -0.5657844, progress.MovedAway},
		{"d1", 2023, 1.125, 0, progress.TargetAchieved},
	} {
		r := row(t, rep, tc.unit, tc.year)
		require.NotNil(t, r.Progress)
		assert.Equal(t, tc.status, r.Progress.Status, "%s %d", tc.unit, tc.year)
		assert.InDelta(t, tc.completion, *r.Progress.Completion, 1e-9)
		if tc.ratio != 0 {
			assert.InDelta(t, tc.ratio, *r.Progress.Ratio, 1e-6)
		}
	}
	// The year before in the data is 2020 for 2022 (there is no 2021).
	r := row(t, rep, "d2", 2022)
	require.NotNil(t, r.Previous)
	assert.Equal(t, 2020, r.Previous.Year)
	assert.InDelta(t, 1.0, *r.Change, 1e-12)
}

// Without a baseline in the plan, a unit's first value in the data is
// taken as one (as Open SDG does without a configured base year); a unit's
// own baseline comes first.
func TestBaselineOrigins(t *testing.T) {
	p, cat := ratioPlan(t, "控制在16以内", nil, plan.UnitBaseline{Units: []string{"区d2"}, Year: 2019, Value: "22"})
	rep, err := trend.Assess(cat, p, series(t, map[int]map[string]float64{
		2020: {"d1": 20}, 2021: {"d1": 19, "d2": 20},
	}), indicators.Options{})
	require.NoError(t, err)
	r := row(t, rep, "d1", 2021)
	assert.Equal(t, trend.FromData, r.BaselineFrom)
	assert.Equal(t, &trend.Point{Year: 2020, Value: 20}, r.Baseline)
	assert.Nil(t, row(t, rep, "d1", 2020).Progress, "no progress in the baseline year")
	r = row(t, rep, "d2", 2021)
	assert.Equal(t, trend.FromUnit, r.BaselineFrom, "named by its name")
	assert.Equal(t, &trend.Point{Year: 2019, Value: 22}, r.Baseline)
	assert.Nil(t, r.Previous, "d2 is not in 2020")
	require.Len(t, rep.Spans, 1)
	assert.Equal(t, "d2", rep.Spans[0].Unit.ID)
}

// A range is aimed at by its bound on the better side: the upper where
// lower is better.
func TestRangeTarget(t *testing.T) {
	p, cat := ratioPlan(t, "15-17", &plan.Baseline{Year: 2020, Value: "20"})
	rep, err := trend.Assess(cat, p, series(t, map[int]map[string]float64{2020: {"d1": 20}, 2021: {"d1": 18.5}}), indicators.Options{})
	require.NoError(t, err)
	r := row(t, rep, "d1", 2021)
	assert.InDelta(t, 17, *r.Target.Value, 1e-12)
	assert.InDelta(t, 0.5, *r.Progress.Completion, 1e-12)
}

// A unit asked for may be in some years only; one in no year is an error.
func TestUnitsAcrossYears(t *testing.T) {
	p, cat := ratioPlan(t, "控制在16以内", &plan.Baseline{Year: 2020, Value: "20"})
	s := series(t, map[int]map[string]float64{2020: {"d1": 20}, 2021: {"d1": 19, "d2": 18}})
	rep, err := trend.Assess(cat, p, s, indicators.Options{Units: []string{"d2"}})
	require.NoError(t, err)
	require.Len(t, rep.Rows, 1)
	assert.Equal(t, 2021, rep.Rows[0].Year)
	_, err = trend.Assess(cat, p, s, indicators.Options{Units: []string{"d9"}})
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "en"), "no unit d9")
	_, err = trend.Assess(cat, p, nil, indicators.Options{})
	require.Error(t, err)
}

// A unit given a baseline that no year of the data has is a warning, never
// silence.
func TestUnusedUnitBaselineWarns(t *testing.T) {
	p, cat := ratioPlan(t, "控制在16以内", &plan.Baseline{Year: 2020, Value: "20"},
		plan.UnitBaseline{Units: []string{"区d1", "区d7"}, Value: "21"})
	rep, err := trend.Assess(cat, p, series(t, map[int]map[string]float64{2020: {"d1": 20}, 2021: {"d1": 19}}), indicators.Options{})
	require.NoError(t, err)
	require.Len(t, rep.Warnings, 1)
	assert.Contains(t, rep.Warnings[0].EN, `unit "区d7"`)
	assert.Contains(t, rep.Warnings[0].ZH, "区d7")
	assert.Equal(t, trend.FromUnit, row(t, rep, "d1", 2021).BaselineFrom)
}

// FellBack keeps the last year's rows that moved away from the target:
// up where lower is better; not a unit past its target.
func TestFellBack(t *testing.T) {
	p, cat := ratioPlan(t, "控制在16以内", &plan.Baseline{Year: 2020, Value: "20"})
	rep, err := trend.Assess(cat, p, series(t, map[int]map[string]float64{
		2020: {"d1": 20, "d2": 20}, 2021: {"d1": 15, "d2": 19}, 2022: {"d1": 15.5, "d2": 19.5},
	}), indicators.Options{})
	require.NoError(t, err)
	fell := rep.FellBack()
	require.Len(t, fell.Rows, 1, "d1 rose but is still within 16")
	assert.Equal(t, "d2", fell.Rows[0].Unit.ID)
	assert.Equal(t, 2022, fell.Rows[0].Year)
	assert.Len(t, rep.Rows, 6, "the report itself is unchanged")
}
