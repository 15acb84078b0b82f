package examples_test

import (
	"bytes"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan"
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// The five-level plan (examples/fivelevel): 国家 → 省 → 地市 → 区县 → 学校,
// assessed on examples/fivelevel/data.csv. Figures sum up the tree; rates
// are recomputed at each level from the sums, never averaged:
//
//	区县  d1: 980/1000 = 98%, 1600/100 = 16     d2: 490/500 = 98%, 900/50 = 18
//	      d3: 720/800 = 90%, 1200/80 = 15       d4: 1700/2000 = 85%, 3000/200 = 15
//	地市  c1 = d1+d2: 1470/1500 = 98%, 2500/150 = 16.667; cv(16, 18) = 1/17 = 0.0588
//	      c2 = d3: 720/800 = 90%, 15; c3 = d4: 85%, 15 (one county each: cv 0)
//	省    p1 = c1+c2: 2190/2300 = 95.217%, 3700/230 = 16.087
//	      p2 = c3 + s5 (a school right under the province, 省直属):
//	           1700/2000 = 85%, (3000+400)/(200+40) = 14.167
//	国家  cn: 3890/4300 = 90.465%, 7100/470 = 15.106
//	      spread between provinces = 95.217% − 85% = 10.217 pp > 10 pp → not met
//	      share of provinces ≥ 95% = 1/2 = 50% ≥ 50% → met
//
// 小学校际生师比差异系数 ranges over every primary school below the unit
// ("over": "school"), not over the cities directly below a province:
//
//	p1: s1 16, s2 18, s3 15: x̄ = 49/3, S = √((0.111 + 2.778 + 1.778)/3) = 1.247, CV = 0.0764 ≤ 0.15 → met
//	p2: s4 15, s5 10: x̄ = 12.5, S = 2.5, CV = 0.2 → not met
//	cn: all five: x̄ = 14.8, S = √(34.8/5) = 2.638, CV = 0.1783 → not met
func TestFiveLevelHandCalculation(t *testing.T) {
	eng, err := eduplan.Open("fivelevel/plan.json")
	require.NoError(t, err)
	assert.Equal(t, []org.Level{"nation", "province", "city", "district", "school"}, plan.Hierarchy(eng.Plan()).IDs())
	d, err := eng.ReadFile("fivelevel/data.csv")
	require.NoError(t, err)
	r, err := eng.Assess(d, eduplan.All())
	require.NoError(t, err)

	type want struct {
		status indicators.Status
		value  float64
	}
	met, not := indicators.Met, indicators.NotMet
	tests := map[string]map[string]want{
		"cn": {"preschool_ger": {not, 3890.0 / 4300}, "pt_ratio": {met, 7100.0 / 470},
			"ger_spread": {not, 2190.0/2300 - 0.85}, "ger_share": {met, 0.5}, "pt_cv_schools": {not, cv(16, 18, 15, 15, 10)}},
		"p1": {"preschool_ger": {met, 2190.0 / 2300}, "pt_ratio": {met, 3700.0 / 230}, "pt_cv_schools": {met, cv(16, 18, 15)}},
		"p2": {"preschool_ger": {not, 0.85}, "pt_ratio": {met, 3400.0 / 240}, "pt_cv_schools": {not, 0.2}},
		"c1": {"preschool_ger": {met, 0.98}, "pt_ratio": {met, 2500.0 / 150}, "pt_cv": {met, 1.0 / 17}},
		"c2": {"preschool_ger": {not, 0.90}, "pt_ratio": {met, 15}, "pt_cv": {met, 0}},
		"c3": {"preschool_ger": {not, 0.85}, "pt_ratio": {met, 15}, "pt_cv": {met, 0}},
		"d1": {"preschool_ger": {met, 0.98}, "pt_ratio": {met, 16}},
		"d2": {"preschool_ger": {met, 0.98}, "pt_ratio": {not, 18}},
		"d3": {"preschool_ger": {not, 0.90}, "pt_ratio": {met, 15}},
		"d4": {"preschool_ger": {not, 0.85}, "pt_ratio": {met, 15}},
		"s5": {"pt_ratio": {met, 10}},
	}
	levels := map[string]org.Level{}
	for _, u := range r.Units {
		levels[u.Unit.ID] = u.Unit.Level
		wants, ok := tests[u.Unit.ID]
		if !ok {
			continue
		}
		got := map[string]indicators.Result{}
		for _, res := range u.Results {
			got[res.Indicator] = res
		}
		assert.Len(t, got, len(wants), u.Unit.ID)
		for id, w := range wants {
			res, ok := got[id]
			if !assert.True(t, ok, "%s/%s", u.Unit.ID, id) {
				continue
			}
			assert.Equal(t, w.status, res.Status, "%s/%s", u.Unit.ID, id)
			if assert.NotNil(t, res.Value, "%s/%s", u.Unit.ID, id) {
				assert.InDelta(t, w.value, *res.Value, 1e-9, "%s/%s", u.Unit.ID, id)
			}
		}
	}
	assert.Equal(t, map[string]org.Level{"cn": "nation", "p1": "province", "p2": "province", "c1": "city", "c2": "city", "c3": "city",
		"d1": "district", "d2": "district", "d3": "district", "d4": "district",
		"k1": "school", "k2": "school", "k3": "school", "k4": "school", "s1": "school", "s2": "school", "s3": "school", "s4": "school", "s5": "school"}, levels)

	// A province's own report: the province, its cities, counties and
	// schools, and nothing of the other province.
	r, err = eng.Assess(d, eduplan.Units("乙省"))
	require.NoError(t, err)
	var ids []string
	for _, u := range r.Units {
		ids = append(ids, u.Unit.ID)
	}
	assert.Equal(t, []string{"p2", "c3", "d4", "k4", "s4", "s5"}, ids)
}

// cv is the population coefficient of variation of xs.
func cv(xs ...float64) float64 {
	var sum, sq float64
	for _, x := range xs {
		sum += x
	}
	mean := sum / float64(len(xs))
	for _, x := range xs {
		sq += (x - mean) * (x - mean)
	}
	return math.Sqrt(sq/float64(len(xs))) / mean
}

// The five-level plan's report carries the plan's levels, and a report
// read back (indicators.ReadReport, the compact form and the indented
// one) still has them: every face names 地市 and 区县 as the plan does.
// The seed's three default levels are not written.
func TestFiveLevelReportCarriesTheLevels(t *testing.T) {
	eng, err := eduplan.Open("fivelevel/plan.json")
	require.NoError(t, err)
	d, err := eng.ReadFile("fivelevel/data.csv")
	require.NoError(t, err)
	r, err := eng.Assess(d, eduplan.All())
	require.NoError(t, err)
	require.Len(t, r.Levels, 5)
	assert.Equal(t, org.Level("city"), r.Levels[2].ID)
	assert.Equal(t, "地市", r.Levels.Name("city").ZH)
	assert.Equal(t, "County", r.Levels.Name("district").EN)
	assert.Equal(t, "省", r.Levels.Name("province").ZH, "a standard level the plan does not name has its usual name")

	for name, write := range map[string]func(*bytes.Buffer) error{
		"compact":  func(b *bytes.Buffer) error { return r.WriteJSON(b) },
		"indented": func(b *bytes.Buffer) error { return r.WriteJSONIndent(b) },
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, write(&b))
			back, err := indicators.ReadReport(&b)
			require.NoError(t, err)
			assert.Equal(t, r.Levels, back.Levels)
		})
	}

	seed, err := eduplan.Default()
	require.NoError(t, err)
	sd, err := seed.ReadFile("../seeds/sample2017.json")
	require.NoError(t, err)
	sr, err := seed.Assess(sd, eduplan.All())
	require.NoError(t, err)
	assert.Nil(t, sr.Levels, "the default levels by their usual names")
	var b bytes.Buffer
	require.NoError(t, sr.WriteJSON(&b))
	assert.NotContains(t, b.String(), `"year":2017,"levels"`)
}
