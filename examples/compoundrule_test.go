package examples_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan"
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/plan/lint"
)

// The compound rule of a county inspection (教督〔2017〕6号): "每所学校至少
// 6项指标达到上述要求，余项不能低于要求的85%", on examples/compoundrule.
// The primary standards are 4.2, 1, 0.9, 4.5, 7.5, 2000 and 2.3; every
// verdict below is worked out by hand first.
//
//	e1  all 7 met; weakest 8.0 / 7.5 = 106.67%                    → 7 met, 106.67% met
//	e2  sports 6.75 / 7.5 = 90%, the rest met                     → 6 met, 90% met
//	e3  multimedia 1.84 / 2.3 = 80%, the rest met                 → 6 met, 80% NOT met
//	w1  area 4.05 / 4.5 = 90% and equipment 1800 / 2000 = 90%     → 5 NOT met, 90% met
//	w2  key teachers 0.85 / 1 = 85%, the rest exactly on standard → 6 met, 85% met (on the bound)
//	s2  multimedia missing ("-")                                  → no data, no data
//	东区 2 of 3 schools pass both parts: 66.67% against = 100%     → not met, −33.33 points
//	西区 1 of 2 (w1 meets only 5)                                  → 50%, not met
//	南区 s2 has no data, and the missing standard could fail       → no data
//	北区 both schools meet all 7                                   → 100%, met
func TestCompoundRuleHandCalculation(t *testing.T) {
	eng, err := eduplan.Open("compoundrule/plan.json")
	require.NoError(t, err)
	require.Empty(t, lint.Warnings(eng.Plan()), "the example lints clean")
	d, err := eng.ReadFile("compoundrule/data.csv")
	require.NoError(t, err)
	rep, err := eng.Assess(d, eduplan.All())
	require.NoError(t, err)

	type want struct {
		status indicators.Status
		value  float64 // ignored unless the status has a value
	}
	cases := map[string]map[string]want{
		"e1":      {"standards_met": {indicators.Met, 7}, "weakest_standard": {indicators.Met, 8.0 / 7.5}},
		"e2":      {"standards_met": {indicators.Met, 6}, "weakest_standard": {indicators.Met, 0.90}},
		"e3":      {"standards_met": {indicators.Met, 6}, "weakest_standard": {indicators.NotMet, 0.80}},
		"w1":      {"standards_met": {indicators.NotMet, 5}, "weakest_standard": {indicators.Met, 0.90}},
		"w2":      {"standards_met": {indicators.Met, 6}, "weakest_standard": {indicators.Met, 0.85}},
		"s2":      {"standards_met": {indicators.NoData, 0}, "weakest_standard": {indicators.NoData, 0}},
		"d-east":  {"schools_meeting_resources": {indicators.NotMet, 2.0 / 3}},
		"d-west":  {"schools_meeting_resources": {indicators.NotMet, 0.5}},
		"d-south": {"schools_meeting_resources": {indicators.NoData, 0}},
		"d-north": {"schools_meeting_resources": {indicators.Met, 1}},
	}
	seen := 0
	for _, u := range rep.Units {
		for _, r := range u.Results {
			w, ok := cases[u.Unit.ID][r.Indicator]
			if !ok {
				continue
			}
			seen++
			assert.Equal(t, w.status, r.Status, "%s %s", u.Unit.ID, r.Indicator)
			if w.status == indicators.NoData {
				assert.Nil(t, r.Value, "%s %s", u.Unit.ID, r.Indicator)
				continue
			}
			require.NotNil(t, r.Value, "%s %s", u.Unit.ID, r.Indicator)
			assert.InDelta(t, w.value, *r.Value, 1e-9, "%s %s", u.Unit.ID, r.Indicator)
		}
	}
	assert.Equal(t, 16, seen, "every case was assessed")
	assert.Len(t, eduplan.Missed(rep, "zh"), 4, "e3, w1, 东区 and 西区 miss binding targets: check fails")
}
