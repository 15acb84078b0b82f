package indicators_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// assessOne compiles one indicator over one figure x reported by a school,
// and returns the status of the school with x = v.
func assessOne(t *testing.T, unit plan.Unit, target string, dir rule.Direction, v float64) (indicators.Status, error) {
	t.Helper()
	m := plan.Metric{ID: "x", Name: msg.T("数", "x"), Unit: unit, Aggregate: plan.None,
		ReportedBy: plan.Scope{Levels: []org.Level{org.School}}}
	if unit == plan.Count {
		m.Aggregate = plan.Sum
	}
	ind := plan.Indicator{ID: "ind", Name: msg.T("指标", "indicator"), Formula: "x", Unit: unit,
		Target: target, Direction: dir, Wording: target}
	cat, err := indicators.NewCatalog([]plan.Metric{m}, []plan.Indicator{ind}, nil)
	if err != nil {
		return "", err
	}
	d := dataset.New(2017)
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "s", Name: "学校", Level: org.School, Kind: org.Primary}))
	require.NoError(t, d.Set("s", "x", v))
	rep, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	require.Len(t, rep.Units[0].Results, 1)
	return rep.Units[0].Results[0].Status, nil
}

// The misreadings issue 9 lists, each read right now or refused with the
// fix: a target is read against the indicator's direction and unit.
func TestTargetsReadByDirectionAndUnit(t *testing.T) {
	for _, tc := range []struct {
		name   string
		unit   plan.Unit
		target string
		dir    rule.Direction
		value  float64
		want   indicators.Status
		refuse string // words the refusal must contain
	}{
		// A pupil–teacher ceiling written as a bare 17 (十四五 tables).
		{"ratio ceiling 17, at 16", plan.Ratio, "17", rule.LowerIsBetter, 16, indicators.Met, ""},
		{"ratio ceiling 17, at 18", plan.Ratio, "17", rule.LowerIsBetter, 18, indicators.NotMet, ""},
		{"ratio ceiling 17:1, at 18", plan.Ratio, "17:1", rule.LowerIsBetter, 18, indicators.NotMet, ""},
		{"bare number, no direction", plan.Ratio, "17", "", 16, "", "direction"},
		// 0 on a lower-is-better count is "none left", not "≥ 0, always met".
		{"zero left, one left", plan.Count, "0", rule.LowerIsBetter, 1, indicators.NotMet, ""},
		// A bare 99 on a percent is 99%, not 9900%.
		{"bare 99 on a percent, at 99.5%", plan.Percent, "99", rule.HigherIsBetter, 0.995, indicators.Met, ""},
		{"bare 99 on a percent, at 98%", plan.Percent, "99", rule.HigherIsBetter, 0.98, indicators.NotMet, ""},
		// A percent target on a count is refused with a did-you-mean.
		{"达99% on a count", plan.Count, "达99%", rule.HigherIsBetter, 99, "", "99%"},
		// A range of achievements: over-achieving is met.
		{"8-10所, 11 created", plan.Count, "8-10所", rule.HigherIsBetter, 11, indicators.Met, ""},
		{"8-10所, 7 created", plan.Count, "8-10所", rule.HigherIsBetter, 7, indicators.NotMet, ""},
		// About X follows the direction.
		{"50%左右 higher, at 60%", plan.Percent, "50%左右", rule.HigherIsBetter, 0.6, indicators.Met, ""},
		{"50%左右 higher, at 40%", plan.Percent, "50%左右", rule.HigherIsBetter, 0.4, indicators.NotMet, ""},
		// Words of other plans.
		{"提高到95%", plan.Percent, "提高到95%", "", 0.96, indicators.Met, ""},
		{"降至3%", plan.Percent, "降至3%", "", 0.04, indicators.NotMet, ""},
		{"不得低于85%", plan.Percent, "不得低于85%", "", 0.85, indicators.Met, ""},
		{"达到或超过90%", plan.Percent, "达到或超过90%", "", 0.9, indicators.Met, ""},
		{"全覆盖 on a percent", plan.Percent, "全覆盖", "", 0.99, indicators.NotMet, ""},
		{"新增6所", plan.Count, "新增6所", "", 6, indicators.Met, ""},
		{"90%（含）以上", plan.Percent, "90%（含）以上", "", 0.9, indicators.Met, ""},
	} {
		st, err := assessOne(t, tc.unit, tc.target, tc.dir, tc.value)
		if tc.refuse != "" {
			require.Error(t, err, tc.name)
			assert.Contains(t, err.Error(), tc.refuse, tc.name)
			continue
		}
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.want, st, tc.name)
	}
}

// 争创 is aspirational, as 力争 is: a target missed that says it does not
// fail a binding check.
func TestStrivingWordsAreAspirational(t *testing.T) {
	m := plan.Metric{ID: "x", Name: msg.T("数", "x"), Unit: plan.Count, Aggregate: plan.Sum,
		ReportedBy: plan.Scope{Levels: []org.Level{org.City}}}
	ind := plan.Indicator{ID: "ind", Name: msg.T("指标", "indicator"), Formula: "x", Unit: plan.Count,
		Target: "争创2个", Direction: rule.HigherIsBetter, Wording: "争创2个"}
	cat, err := indicators.NewCatalog([]plan.Metric{m}, []plan.Indicator{ind}, nil)
	require.NoError(t, err)
	d := dataset.New(2017)
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "c", Name: "市", Level: org.City}))
	require.NoError(t, d.Set("c", "x", 1))
	rep, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	r := rep.Units[0].Results[0]
	assert.Equal(t, indicators.NotMet, r.Status)
	assert.Equal(t, plan.Aspirational, r.Nature)
}
