package plan

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/org"
)

func TestBaselinesAndMilestonesValidate(t *testing.T) {
	rate := Metric{ID: "rate", Unit: Percent, Aggregate: None, ReportedBy: Scope{Levels: []org.Level{org.District}}}
	score := Metric{ID: "score", Unit: Score, Aggregate: None, ReportedBy: Scope{Levels: []org.Level{org.District}}}
	b2020 := &Baseline{Year: 2020, Value: "92.5%"}
	ms := func(ys ...int) []Milestone {
		var out []Milestone
		for _, y := range ys {
			out = append(out, Milestone{Year: y, Target: "达95%"})
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		unit    Unit
		ind     Indicator
		path    string // "" when valid
		message string
	}{
		{"baseline and target year", Percent, Indicator{Baseline: b2020, TargetYear: 2025}, "", ""},
		{"bare baseline on a percent", Percent, Indicator{Baseline: &Baseline{Year: 2020, Value: "92.5"}, TargetYear: 2025}, "", ""},
		{"milestones ascending", Percent, Indicator{Baseline: b2020, TargetYear: 2025, Milestones: ms(2021, 2023)}, "", ""},
		{"unit baselines", Percent, Indicator{Baseline: b2020, TargetYear: 2025,
			UnitBaselines: []UnitBaseline{{Units: []string{"d-a", "县B"}, Value: "90"}, {Units: []string{"d-c"}, Year: 2019, Value: "88%"}}}, "", ""},
		{"unit baseline without any year", Percent, Indicator{TargetYear: 2025,
			UnitBaselines: []UnitBaseline{{Units: []string{"d-a"}, Value: "90"}}}, "indicators[0].unit_baselines[0].year", "must give its year"},
		{"unit named twice", Percent, Indicator{Baseline: b2020,
			UnitBaselines: []UnitBaseline{{Units: []string{"d-a"}, Value: "90"}, {Units: []string{"d-a"}, Value: "91"}}},
			"indicators[0].unit_baselines[1].units[0]", "already named at indicators[0].unit_baselines[0].units[0]"},
		{"unit baseline names no unit", Percent, Indicator{Baseline: b2020, UnitBaselines: []UnitBaseline{{Value: "90"}}},
			"indicators[0].unit_baselines[0].units", "list the units"},
		{"unit baseline not a number", Percent, Indicator{Baseline: b2020, UnitBaselines: []UnitBaseline{{Units: []string{"d-a"}, Value: "九十"}}},
			"indicators[0].unit_baselines[0].value", "is not a number"},
		{"baseline without year", Percent, Indicator{Baseline: &Baseline{Value: "90%"}}, "indicators[0].baseline.year", "required"},
		{"baseline year of two digits", Percent, Indicator{Baseline: &Baseline{Year: 20, Value: "90%"}}, "indicators[0].baseline.year", "four digits"},
		{"baseline without value", Percent, Indicator{Baseline: &Baseline{Year: 2020}}, "indicators[0].baseline.value", "required"},
		{"percent baseline on a score", Score, Indicator{Baseline: &Baseline{Year: 2020, Value: "90%"}}, "indicators[0].baseline.value", "unit is not percent"},
		{"NaN baseline", Score, Indicator{Baseline: &Baseline{Year: 2020, Value: "NaN"}}, "indicators[0].baseline.value", "is not a number"},
		{"target year not after baseline", Percent, Indicator{Baseline: b2020, TargetYear: 2020}, "indicators[0].target_year", "must come after the baseline year 2020"},
		{"unit baseline year after target year", Percent, Indicator{Baseline: b2020, TargetYear: 2025,
			UnitBaselines: []UnitBaseline{{Units: []string{"d-a"}, Year: 2025, Value: "90"}}}, "indicators[0].unit_baselines[0].year", "must come before the target year 2025"},
		{"milestones not ascending", Percent, Indicator{Baseline: b2020, TargetYear: 2025, Milestones: ms(2023, 2022)},
			"indicators[0].milestones[1].year", "must ascend"},
		{"milestone repeated", Percent, Indicator{Baseline: b2020, TargetYear: 2025, Milestones: ms(2022, 2022)},
			"indicators[0].milestones[1].year", "must ascend"},
		{"milestone at the baseline year", Percent, Indicator{Baseline: b2020, TargetYear: 2025, Milestones: ms(2020)},
			"indicators[0].milestones[0].year", "after the baseline year 2020"},
		{"milestone at the target year", Percent, Indicator{Baseline: b2020, TargetYear: 2025, Milestones: ms(2025)},
			"indicators[0].milestones[0].year", "before the target year 2025"},
		{"milestones without target year", Percent, Indicator{Baseline: b2020, Milestones: ms(2022)},
			"indicators[0].target_year", "must give its target year"},
		{"milestone target does not parse", Percent, Indicator{TargetYear: 2025, Milestones: []Milestone{{Year: 2022, Target: "好好干"}}},
			"indicators[0].milestones[0].target", "does not parse"},
		{"milestone without target", Percent, Indicator{TargetYear: 2025, Milestones: []Milestone{{Year: 2022}}},
			"indicators[0].milestones[0].target", "required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := rate
			ind := tc.ind
			ind.ID, ind.Unit, ind.Target = "ind", tc.unit, "达95%"
			if tc.unit == Score {
				m, ind.Target = score, "达90分"
			}
			ind.Formula = m.ID
			requireOneProblem(t, ValidateMeasures([]Metric{m}, []Indicator{ind}), tc.path, tc.message)
		})
	}
}

func TestParseBaseline(t *testing.T) {
	for _, tc := range []struct {
		unit Unit
		in   string
		want float64
	}{
		{Percent, "92.5", 0.925}, {Percent, "92.5%", 0.925}, {Percent, " 92.5 ％", 0.925},
		{Ratio, "17.5", 17.5}, {Count, "-3", -3},
	} {
		got, err := Indicator{Unit: tc.unit}.ParseBaseline(tc.in)
		require.NoError(t, err, tc.in)
		assert.InDelta(t, tc.want, got, 1e-12, tc.in)
	}
	for _, bad := range []string{"", "abc", "Inf", "1e999", "9%%"} {
		_, err := Indicator{Unit: Percent}.ParseBaseline(bad)
		assert.Error(t, err, bad)
	}
}

func TestPartOf(t *testing.T) {
	for _, tc := range []struct {
		name    string
		year    int
		ref     PlanRef
		path    string
		message string
	}{
		{"within", 2022, PlanRef{ID: "plan-14", From: 2021, To: 2025}, "", ""},
		{"outside", 2026, PlanRef{ID: "plan-14", From: 2021, To: 2025}, "year", "outside plan-14, 2021–2025"},
		{"reversed", 2022, PlanRef{ID: "plan-14", From: 2025, To: 2021}, "part_of.to", "comes before the first"},
		{"no id", 2022, PlanRef{From: 2021, To: 2025}, "part_of.id", "required"},
		{"no years", 2022, PlanRef{ID: "plan-14"}, "part_of.from", "required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &Plan{Year: tc.year, PartOf: &tc.ref}
			c := newChecker(p)
			c.partOf()
			if tc.path == "" {
				assert.Empty(t, c.probs)
				return
			}
			require.NotEmpty(t, c.probs)
			assert.Equal(t, tc.path, c.probs[0].Path)
			assert.Contains(t, c.probs[0].Message.EN, tc.message)
		})
	}
}
