package progress

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/rule"
)

func f(v float64) *float64 { return &v }

// Each case is worked out by hand first (natural logarithms to seven
// places); the comments give the arithmetic.
func TestMeasureHandWorked(t *testing.T) {
	higher, lower := rule.HigherIsBetter, rule.LowerIsBetter
	ger := func(current float64) Input { // 毛入园率: 90% in 2020, 95% by 2025
		return Input{Baseline: Point{2020, 0.90}, Current: Point{2022, current}, Target: f(0.95), TargetYear: 2025, Direction: higher}
	}
	tests := []struct {
		name       string
		in         Input
		status     Status
		completion *float64
		ratio      *float64 // nil: not checked
	}{
		// required = (0.95/0.90)^(1/5) − 1 = e^(0.0540672/5) − 1 = 0.0108721
		// observed = (0.92/0.90)^(1/2) − 1 = 0.0110500; ratio 1.01637 ≥ 0.95
		{"on track", ger(0.92), OnTrack, f(0.4), f(1.01637)},
		// observed = (0.915/0.90)^(1/2) − 1 = 0.0082988; ratio 0.7633
		{"moderate", ger(0.915), Moderate, f(0.3), f(0.7633)},
		// observed = (0.91/0.90)^(1/2) − 1 = 0.0055402; ratio 0.5096
		{"limited", ger(0.91), Limited, f(0.2), f(0.5096)},
		// observed < 0: the rate fell
		{"moved away", ger(0.89), MovedAway, f(-0.2), nil},
		// achieved before any growth is taken; completion past 1
		{"achieved beyond the target", ger(0.96), TargetAchieved, f(1.2), nil},
		{"achieved exactly", ger(0.95), TargetAchieved, f(1), nil},
		// 近视率 lower is better, 55% in 2020 → 50% by 2025, 52% in 2023:
		// observed = (0.52/0.55)^(1/3) − 1 = e^(−0.0560894/3) − 1 = −0.0185230
		// required = (0.50/0.55)^(1/5) − 1 = e^(−0.0953102/5) − 1 = −0.0188815
		// ratio 0.98101 (both falling, as wanted); completion (0.52 − 0.55)/(0.50 − 0.55) = 0.6
		{"lower is better, on track",
			Input{Baseline: Point{2020, 0.55}, Current: Point{2023, 0.52}, Target: f(0.50), TargetYear: 2025, Direction: lower},
			OnTrack, f(0.6), f(0.98101)},
		{"lower is better, rising is moving away",
			Input{Baseline: Point{2020, 0.55}, Current: Point{2023, 0.56}, Target: f(0.50), TargetYear: 2025, Direction: lower},
			MovedAway, f(-0.2), nil},
		// A target of zero (无证幼儿园 10 → 0 by 2025, 5 in 2022): Open SDG
		// takes the target as 0.001. observed = √0.5 − 1 = −0.2928932;
		// required = (0.001/10)^(1/5) − 1 = 10^(−0.8) − 1 = −0.8415107;
		// ratio 0.34806: limited, though halfway by completion.
		{"a target of zero",
			Input{Baseline: Point{2020, 10}, Current: Point{2022, 5}, Target: f(0), TargetYear: 2025, Direction: lower},
			Limited, f(0.5), f(0.34806)},
		// The baseline stood at the target and the value has left it.
		// The baseline already past the target (96% against 95%): a
		// further rise is achieved with no completion (it would read
		// (0.97 − 0.96)/(0.95 − 0.96) = −100%); a fall below the target
		// moved away, though both growth rates are negative and their
		// ratio (0.94/0.96)^(1/2) − 1 over (0.95/0.96)^(1/5) − 1 ≈ 5.1
		// would read on track.
		{"baseline past the target, further past",
			Input{Baseline: Point{2020, 0.96}, Current: Point{2022, 0.97}, Target: f(0.95), TargetYear: 2025, Direction: higher},
			TargetAchieved, nil, nil},
		{"baseline past the target, fell below it",
			Input{Baseline: Point{2020, 0.96}, Current: Point{2022, 0.94}, Target: f(0.95), TargetYear: 2025, Direction: higher},
			MovedAway, nil, nil},
		{"lower is better, baseline under the ceiling, rose above it",
			Input{Baseline: Point{2020, 0.03}, Current: Point{2022, 0.06}, Target: f(0.05), TargetYear: 2025, Direction: lower},
			MovedAway, nil, nil},
		{"target equal to the baseline, left",
			Input{Baseline: Point{2020, 0.99}, Current: Point{2022, 0.98}, Target: f(0.99), TargetYear: 2025, Direction: higher},
			MovedAway, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Measure(tt.in)
			assert.Equal(t, tt.status, r.Status)
			assert.Nil(t, r.Reason)
			if tt.completion == nil {
				assert.Nil(t, r.Completion)
			} else {
				require.NotNil(t, r.Completion)
				assert.InDelta(t, *tt.completion, *r.Completion, 1e-9)
			}
			if tt.ratio != nil {
				require.NotNil(t, r.Ratio)
				assert.InDelta(t, *tt.ratio, *r.Ratio, 5e-5)
			}
		})
	}
}

// Without a target the observed growth alone is read, against 1.5% and
// 0.5% a year, negated where lower is better.
func TestMeasureWithoutTarget(t *testing.T) {
	for _, tt := range []struct {
		current float64
		dir     rule.Direction
		want    Status
		growth  float64 // observed, by hand
	}{
		{104, rule.HigherIsBetter, OnTrack, 0.0198039},  // √1.04 − 1
		{102, rule.HigherIsBetter, Moderate, 0.0099505}, // √1.02 − 1
		{101, rule.HigherIsBetter, Limited, 0.0049876},  // √1.01 − 1: just under 0.5%
		{99, rule.HigherIsBetter, MovedAway, -0.0050126},
		{98, rule.LowerIsBetter, Moderate, -0.0100505}, // falling 1% a year where lower is better
		{96, rule.LowerIsBetter, OnTrack, -0.0202041},
		{101, rule.LowerIsBetter, MovedAway, 0.0049876},
	} {
		r := Measure(Input{Baseline: Point{2020, 100}, Current: Point{2022, tt.current}, Direction: tt.dir})
		assert.Equal(t, tt.want, r.Status, "%v %v", tt.current, tt.dir)
		require.NotNil(t, r.Observed)
		assert.InDelta(t, tt.growth, *r.Observed, 1e-7)
		assert.Nil(t, r.Completion, "no target, no completion")
		assert.Nil(t, r.Ratio)
	}
}

// Where the method has no honest answer it says why instead of giving a
// status.
func TestMeasureNotComputable(t *testing.T) {
	base := Input{Baseline: Point{2020, 0.9}, Current: Point{2022, 0.92}, Target: f(0.95), TargetYear: 2025, Direction: rule.HigherIsBetter}
	for _, tt := range []struct {
		name string
		edit func(in *Input)
		why  string
	}{
		{"no direction", func(in *Input) { in.Direction = rule.DirectionUnknown }, "declares no direction"},
		{"a baseline of zero", func(in *Input) { in.Baseline.Value = 0 }, "zero or negative"},
		{"the current year is the baseline year", func(in *Input) { in.Current.Year = 2020 }, "must come after the baseline year (2020)"},
		{"the target year is the baseline year", func(in *Input) { in.TargetYear = 2020 }, "target year must come after"},
		{"a negative target", func(in *Input) { in.Target = f(-1); in.Direction = rule.LowerIsBetter; in.Current.Value = 0.5 }, "target is negative"},
		{"not a number", func(in *Input) { v := 0.0; in.Current.Value = v / v }, "not a finite number"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := base
			tt.edit(&in)
			r := Measure(in)
			assert.Equal(t, NotComputable, r.Status)
			require.NotNil(t, r.Reason)
			assert.Contains(t, r.Reason.EN, tt.why)
			assert.NotEmpty(t, r.Reason.ZH)
		})
	}
}

func TestCustomThresholdsAndNames(t *testing.T) {
	in := Input{Baseline: Point{2020, 0.90}, Current: Point{2022, 0.915}, Target: f(0.95), TargetYear: 2025, Direction: rule.HigherIsBetter,
		Thresholds: &Thresholds{High: 0.75, Moderate: 0.5, Limited: 0}}
	assert.Equal(t, OnTrack, Measure(in).Status, "ratio 0.7633 is on track against 0.75")
	for _, s := range []Status{TargetAchieved, OnTrack, Moderate, Limited, MovedAway, NotComputable} {
		n := s.Name()
		assert.NotEmpty(t, n.ZH)
		assert.NotEqual(t, string(s), n.EN, "every status has a name")
	}
	_, ok := Completion(1, 2, 1)
	assert.False(t, ok, "no way to go from a baseline at the target")
}
