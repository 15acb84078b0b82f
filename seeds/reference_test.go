package seeds

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/org"
)

// The targets the plan sets for the city (goal 1's 升学率, task 6's
// vocational rates, task 23's 体质健康 rates) are verdicts on the city and the
// districts; a school sees its own figure against them for reference, not
// counted as not met. 择校生比例 binds each school (task 4 says so).
func TestCityTargetsAreReferenceForSchools(t *testing.T) {
	p := loadPlan(t)
	cityDistrict := []org.Level{org.City, org.District}
	for _, id := range []string{"junior_progression_rate", "fitness_pass_rate", "fitness_excellent_rate",
		"vocational_intermediate_certificate_share", "vocational_employment_rate"} {
		ind, ok := p.Indicator(id)
		require.True(t, ok, id)
		require.NotNil(t, ind.TargetFor, id)
		assert.Equal(t, cityDistrict, ind.TargetFor.Levels, id)
		assert.Contains(t, ind.Note, "仅供参考", "%s: the note says why", id)
	}
	choice, _ := p.Indicator("school_choice_share")
	assert.Nil(t, choice.TargetFor, "task 4 holds each compulsory school to 5%")

	results := assess(t, indicators.Options{})
	for _, c := range []struct {
		unit, indicator string
		status          indicators.Status
		reference       bool
	}{
		{"s-jurong-p3", "fitness_pass_rate", notMet, true}, // 94.77% < 95%: the school's figure, not a miss
		{"s-jurong-p1", "fitness_pass_rate", met, true},
		{"d-jurong", "fitness_pass_rate", met, false},
		{"zhenjiang", "fitness_pass_rate", met, false},
		{"s-dantu-j2", "junior_progression_rate", notMet, true},
		{"d-dantu", "junior_progression_rate", met, false},
		{"s-dantu-v1", "vocational_employment_rate", notMet, true},
		{"d-dantu", "vocational_employment_rate", notMet, false},
		{"zhenjiang", "vocational_employment_rate", notMet, false},
		{"s-jingkou-v1", "vocational_intermediate_certificate_share", noData, true},
		{"s-jingkou-j1", "school_choice_share", notMet, false},
	} {
		r, ok := results[c.unit][c.indicator]
		if assert.True(t, ok, "%s has no result for %s", c.unit, c.indicator) {
			assert.Equal(t, c.status, r.Status, "%s %s", c.unit, c.indicator)
			assert.Equal(t, c.reference, r.Reference, "%s %s reference", c.unit, c.indicator)
		}
	}
	p3 := results["s-jurong-p3"]["fitness_pass_rate"]
	require.NotNil(t, p3.Value)
	assert.InDelta(t, 0.9477, *p3.Value, 0.00005)
	v := view.Of(p3)
	assert.Equal(t, "参考：未达目标", v.Status.ZH)
	assert.Equal(t, "全市、辖市区目标 ≥ 95%", v.Target.ZH)

	cat, ds := sample(t)
	rep, err := cat.Assess(ds, indicators.Options{})
	require.NoError(t, err)
	for _, u := range rep.Units {
		if u.Unit.ID == "s-jurong-p3" {
			assert.Zero(t, u.Summary.Binding.NotMet, "the school's 94.77% is not counted as not met")
			assert.Equal(t, 1, u.Summary.Reference.NotMet)
		}
	}
	// Binding misses remain at the city and in the districts, so that
	// check --sample still exits 1; no school fails on the city's target.
	fails := reportfmt.Failures(rep, reportfmt.FailAny)
	require.NotEmpty(t, fails)
	levels := map[org.Level]bool{}
	for _, f := range fails {
		levels[f.Unit.Level] = true
		assert.False(t, f.Result.Reference)
		if f.Unit.Level == org.School {
			assert.Equal(t, "school_choice_share", f.Result.Indicator, "%s: a school fails only on its own target", f.Unit.ID)
		}
	}
	assert.True(t, levels[org.City])
	assert.True(t, levels[org.District])
}
