package seeds

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/plan"
)

// slipUnit is the kindergarten whose rural enrolment the generator types
// 206 for 260 (seeds/README.md).
const slipUnit = "s-jurong-k4"

// TestSampleViolatesOnPurpose runs the seed's validation rules on the
// sample year: its one deliberate slip (句容市茅山中心幼儿园 typed its rural
// enrolment 206 for 260) breaks 城镇 + 农村 = 在园幼儿数 there, in 句容市
// and in the city, which see the sums, and makes its quality places exceed
// its rural enrolment; the certificate holders nobody reports skip one rule
// on every unit with vocational figures; everything else holds.
func TestSampleViolatesOnPurpose(t *testing.T) {
	cat, ds := sample(t)
	rep, err := cat.Assess(ds, indicators.Options{})
	require.NoError(t, err)
	v := rep.Validation
	require.NotNil(t, v)
	require.Len(t, v.Rules, len(loadPlan(t).ValidationRules))
	for _, r := range v.Rules {
		switch r.ID {
		case "kg_urban_rural_sum":
			assert.Equal(t, 3, r.Counts.Violated)
		case "kg_quality_rural_le_rural":
			assert.Equal(t, 1, r.Counts.Violated)
		default:
			assert.Zero(t, r.Counts.Violated, r.ID)
		}
		assert.Equal(t, r.Counts.Checked, r.Counts.Passed+r.Counts.Violated+r.Counts.Skipped+r.Counts.NotComputable, r.ID)
	}
	type outcome struct {
		unit, rule  string
		left, right float64
	}
	var violated []outcome
	skipped := map[string]int{}
	for _, r := range v.Results {
		switch r.Status {
		case indicators.RuleViolated:
			violated = append(violated, outcome{r.Unit.ID, r.Rule, *r.LeftValue, *r.RightValue})
		case indicators.RuleSkipped:
			skipped[r.Rule]++
			require.Len(t, r.Missing, 1)
			assert.Equal(t, "vocational_intermediate_certificate_holders", r.Missing[0].ID)
		default:
			t.Errorf("unexpected %s of %s at %s", r.Status, r.Rule, r.Unit.ID)
		}
	}
	assert.Equal(t, []outcome{
		{"zhenjiang", "kg_urban_rural_sum", 10296, 10350},
		{"d-jurong", "kg_urban_rural_sum", 1536, 1590},
		{slipUnit, "kg_urban_rural_sum", 206, 260},
		{slipUnit, "kg_quality_rural_le_rural", 221, 206},
	}, violated)
	// The city, 7 districts and 8 vocational schools.
	assert.Equal(t, map[string]int{"vocational_certificates_le_class": 16}, skipped)
	assert.Equal(t, 4, v.Counts.Violated)
	assert.Equal(t, 16, v.Counts.Skipped)
	assert.Equal(t, v.Counts.Checked, v.Counts.Passed+v.Counts.Violated+v.Counts.Skipped+v.Counts.NotComputable)
	assert.Positive(t, v.Counts.Passed)
}

// TestSeedRulesAreConsistencyRules: every rule of the seed compares figures
// (part ≤ whole or parts = total) with high or medium importance and the
// default strategy, and each names a metric on both sides.
func TestSeedRulesAreConsistencyRules(t *testing.T) {
	p := loadPlan(t)
	require.GreaterOrEqual(t, len(p.ValidationRules), 30)
	metrics := map[string]bool{}
	for _, m := range p.Metrics {
		metrics[m.ID] = true
	}
	used := map[string]bool{}
	for _, r := range p.ValidationRules {
		assert.Contains(t, []plan.Operator{plan.OpLE, plan.OpEQ}, r.Operator, r.ID)
		assert.Contains(t, []plan.Importance{plan.High, plan.Medium}, r.Importance, r.ID)
		assert.Empty(t, r.MissingValueStrategy, r.ID)
		assert.NotEmpty(t, r.Name.EN, r.ID)
		assert.True(t, metrics[r.Right], "%s: the right side is one metric, the whole", r.ID)
		used[r.Right] = true
	}
	for _, whole := range []string{"kindergarten_enrolment", "fitness_tested_students", "junior_graduates", "primary_teachers"} {
		assert.True(t, used[whole], whole)
	}
}

// The data-quality summary, read before any assessment, counts the rules
// the sample breaks: urban + rural = total, and quality rural ≤ rural.
func TestSampleQualityCountsBrokenRules(t *testing.T) {
	cat, ds := sample(t)
	assert.Equal(t, 2, cat.Quality(ds).RuleViolations)
}
