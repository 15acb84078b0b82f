package examples_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/progress"
	"github.com/eduplan/eduplan/indicators/trend"
	"github.com/eduplan/eduplan/plan"
)

// loadFourteenth assesses examples/fourteenth: a county's 十四五 indicator
// table (baseline 2020, target 2025) against synthetic figures for
// 2020–2023 in one CSV file with a 年份 column.
func loadFourteenth(t *testing.T) *trend.Report {
	t.Helper()
	p, err := plan.LoadFile("fourteenth/plan.json")
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	f, err := os.Open("fourteenth/data.csv")
	require.NoError(t, err)
	defer f.Close()
	s, err := dataset.ReadSeries(f, cat.Fields(), dataset.Options{File: "data.csv"})
	require.NoError(t, err)
	rep, err := trend.Assess(cat, p, s, indicators.Options{})
	require.NoError(t, err)
	return rep
}

// Every number below is worked by hand first, from the figures in
// fourteenth/data.csv; CAGR(a, b, n) = (a / b)^(1/n) − 1.
//
// 劳动年龄人口平均受教育年限, baseline 11.4 (2020), target ≥ 12.3 (2025):
//
//	required = CAGR(12.3, 11.4, 5) = 0.0153132
//	2021: 11.6, change +0.2, completion 0.2 / 0.9 = 22.22%,
//	      observed 11.6 / 11.4 − 1 = 0.0175439, ratio 1.1457 ≥ 0.95 → on track
//	2023: 11.9, completion 0.5 / 0.9 = 55.56%, observed CAGR(11.9, 11.4, 3) =
//	      0.0144112, ratio 0.9411: below 0.95, at least 0.6 → moderate
//
// 普惠性幼儿园覆盖率, baseline 86.44%, target ≥ 90%, milestone ≥ 88% in 2023:
//
//	required = CAGR(0.90, 0.8644, 5) = 0.0081045
//	2021: 87%, completion 0.56 / 3.56 = 15.73%, ratio 0.006478 / 0.0081045 = 0.7994 → moderate
//	2022: 86%, change −1 pp, completion −0.44 / 3.56 = −12.36%, observed < 0 → moved away
//	2023: 88.5%, completion 2.06 / 3.56 = 57.87%, ratio 0.9725 → on track; the
//	      milestone ≥ 88% is met though the year's status against 90% is not met
//
// 智慧校园比例, 60% → 100%: 2023 44 / 48 = 91.667%, completion 0.31667 / 0.4 =
// 79.17%, ratio CAGR(0.91667, 0.6, 3) / CAGR(1, 0.6, 5) = 0.151737 / 0.107566 = 1.4106 → on track
//
// 义务教育巩固率, baseline 100% = target 100%: completion does not apply;
// 2021 99.9% → required growth 0, value below the target → moved away;
// 2022 100% → target achieved.
//
// 小学教师本科及以上学历比例, target 95%: 实验小学 (s2) has its own baseline
// 90.68%; 2023 3340 / 3500 = 95.4286%, completion (0.954286 − 0.9068) /
// 0.0432 = 109.92% → target achieved, above 100%, never "not computable".
// 新城小学 (s4) opened in 2023 and takes the county's baseline 91.34%:
// 100% → completion 0.0866 / 0.0366 = 236.61%, target achieved.
func TestFourteenthProgress(t *testing.T) {
	rep := loadFourteenth(t)
	assert.Equal(t, []int{2020, 2021, 2022, 2023}, rep.Years)
	find := func(unit, ind string, year int) trend.Row {
		for _, r := range rep.Rows {
			if r.Unit.ID == unit && r.Indicator == ind && r.Year == year {
				return r
			}
		}
		t.Fatalf("no row %s %s %d", unit, ind, year)
		return trend.Row{}
	}
	nan := -1.0 // no completion
	for _, tc := range []struct {
		unit, ind  string
		year       int
		value      float64
		change     float64
		completion float64
		ratio      float64 // 0: none
		status     progress.Status
	}{
		{"county", "schooling_years", 2021, 11.6, 0.2, 0.2 / 0.9, 1.1456656, progress.OnTrack},
		{"county", "schooling_years", 2023, 11.9, 0.15, 0.5 / 0.9, 0.9410939, progress.Moderate},
		{"county", "inclusive_coverage", 2021, 0.87, 0.0056, 0.56 / 3.56, 0.7993692, progress.Moderate},
		{"county", "inclusive_coverage", 2022, 0.86, -0.01, -0.44 / 3.56, -0.3144386, progress.MovedAway},
		{"county", "inclusive_coverage", 2023, 0.885, 0.025, 2.06 / 3.56, 0.9724940, progress.OnTrack},
		{"county", "smart_campus", 2023, 44.0 / 48, 44.0/48 - 0.8, 0.3166667 / 0.4, 1.4106383, progress.OnTrack},
		{"county", "retention", 2021, 0.999, -0.001, nan, 0, progress.MovedAway},
		{"county", "retention", 2022, 1, 0.001, nan, 0, progress.TargetAchieved},
		{"s2", "primary_teacher_bachelor", 2023, 3340.0 / 3500, 3340.0/3500 - 0.94, 1.0992063, 0, progress.TargetAchieved},
		{"s4", "primary_teacher_bachelor", 2023, 1, 0, 2.3661202, 0, progress.TargetAchieved},
	} {
		r := find(tc.unit, tc.ind, tc.year)
		name := tc.unit + " " + tc.ind
		require.NotNil(t, r.Value, name)
		assert.InDelta(t, tc.value, *r.Value, 1e-9, name)
		if tc.unit == "s4" {
			assert.Nil(t, r.Previous, "s4 has no year before: %s", name)
		} else {
			require.NotNil(t, r.Change, name)
			assert.InDelta(t, tc.change, *r.Change, 1e-9, name)
		}
		require.NotNil(t, r.Progress, name)
		assert.Equal(t, tc.status, r.Progress.Status, name)
		if tc.completion == nan {
			assert.Nil(t, r.Progress.Completion, name)
		} else {
			require.NotNil(t, r.Progress.Completion, name)
			assert.InDelta(t, tc.completion, *r.Progress.Completion, 1e-6, name)
		}
		if tc.ratio != 0 {
			require.NotNil(t, r.Progress.Ratio, name)
			assert.InDelta(t, tc.ratio, *r.Progress.Ratio, 1e-6, name)
		}
	}

	// The baseline year has no progress of its own; the baseline is the
	// plan's, the unit's own, or the county's for a school without one.
	r := find("county", "schooling_years", 2020)
	assert.Nil(t, r.Progress)
	assert.Equal(t, trend.FromPlan, r.BaselineFrom)
	assert.Equal(t, trend.FromUnit, find("s2", "primary_teacher_bachelor", 2021).BaselineFrom)
	assert.Equal(t, trend.FromPlan, find("s4", "primary_teacher_bachelor", 2023).BaselineFrom)

	// The year's target: the milestone in 2023, met; none in 2021.
	r = find("county", "inclusive_coverage", 2023)
	require.NotNil(t, r.YearTarget)
	assert.True(t, r.YearTarget.Milestone)
	assert.Equal(t, 2023, r.YearTarget.Year)
	require.NotNil(t, r.YearTargetMet)
	assert.True(t, *r.YearTargetMet)
	assert.Equal(t, indicators.NotMet, r.Status, "against the 2025 target of 90%")
	assert.Nil(t, find("county", "inclusive_coverage", 2021).YearTarget)
	require.NotNil(t, r.Target)
	assert.Equal(t, 2025, r.Target.Year)
	assert.InDelta(t, 0.9, *r.Target.Value, 1e-12)

	// 河西小学 merged into 实验小学 after 2021; 新城小学 opened in 2023.
	require.Len(t, rep.Spans, 2)
	assert.Equal(t, "s3", rep.Spans[0].Unit.ID)
	assert.Equal(t, []int{2020, 2021}, rep.Spans[0].Years)
	assert.Equal(t, "s4", rep.Spans[1].Unit.ID)
	assert.Equal(t, []int{2023}, rep.Spans[1].Years)
}
