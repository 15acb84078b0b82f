package examples_test

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/eduplan/eduplan"
	"github.com/eduplan/eduplan/indicators"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The second plan (examples/secondplan): targets from public texts (the
// national inspection of 合肥's districts, 教督〔2017〕6号, 杭政函〔2005〕39号),
// assessed on examples/secondplan/data.csv. Every value and verdict below is
// computed by hand first; the engine must agree.
//
// Composite CVs (A2, real figures; the 综合 column is the mean of 8 CVs):
//
//	庐阳区 小学 0.592 ≤ 0.65 → met, gap 0.592 − 0.65 = −0.058
//	庐阳区 初中 0.314 ≤ 0.55 → met, gap −0.236
//	蜀山区 小学 0.417 ≤ 0.65 → met, gap −0.233
//	蜀山区 初中 0.493 ≤ 0.55 → met, gap −0.057
//	包河区, 青阳县: no figure in the source → no data
//
// Score (A1, real: 包河区 93分) against B1's pass mark 85分以上:
//
//	包河区 93 ≥ 85 → met, gap +8; the other districts report none → no data
//
// Teaching equipment per pupil (synthetic schools), weighted as 教督〔2017〕6号:
// P = ΣPᵢ, X̄ = ΣPᵢXᵢ / P, S = √(Σ(Pᵢ/P)(Xᵢ − X̄)²), CV = S / X̄; limit ≤ 0.50.
//
//	庐阳区: Pᵢ = 1600, 200, 100, 100 (P = 2000); Xᵢ = 2000, 2000, 500, 3500 元
//	  weighted:   X̄ = (3 200 000 + 400 000 + 50 000 + 350 000) / 2000 = 2000
//	              S² = 0.80·0 + 0.10·0 + 0.05·1500² + 0.05·1500² = 225 000
//	              S = 474.34, CV = 0.2372 ≤ 0.50 → met, gap −0.2628
//	  unweighted: x̄ = 8000 / 4 = 2000, S² = (0 + 0 + 1500² + 1500²) / 4 = 1 125 000
//	              S = 1060.66, CV = 0.5303 > 0.50 → not met, gap +0.0303
//	青阳县: Pᵢ = 900, 900, 100, 50, 50 (P = 2000); Xᵢ = 900, 3100, 2000, 2000, 2000 元
//	  weighted:   X̄ = (810 000 + 2 790 000 + 200 000 + 100 000 + 100 000) / 2000 = 2000
//	              S² = 0.45·1100² + 0.45·1100² + 0 = 0.90·1 210 000 = 1 089 000
//	              S = 1043.55, CV = 0.5218 > 0.50 → not met, gap +0.0218
//	  unweighted: x̄ = 10 000 / 5 = 2000, S² = (1100² + 1100²) / 5 = 484 000
//	              S = 695.70, CV = 0.3479 ≤ 0.50 → met, gap −0.1521
//	蜀山区, 包河区: no schools in the data → no data
//
// Preschool enrolment (synthetic figures), each unit against its own target
// (B5: 全市 96%, 市区 98%, 县(市) 92%):
//
//	示例市 (default ≥ 96%): (14820 + 19400 + 24750 + 4650) / (15000 + 20000 + 25000 + 5000)
//	                       = 63620 / 65000 = 97.877% → met, gap +1.877 points
//	庐阳区 (市区 ≥ 98%): 14820 / 15000 = 98.8% → met, +0.8
//	蜀山区 (市区 ≥ 98%): 19400 / 20000 = 97% → not met, −1 (it would pass the default 96%)
//	包河区 (市区 ≥ 98%): 24750 / 25000 = 99% → met, +1
//	青阳县 (县 ≥ 92%):   4650 / 5000 = 93% → met, +1 (it would fail the default 96%)
func TestSecondPlanHandCalculation(t *testing.T) {
	eng, err := eduplan.Open("secondplan/plan.json")
	require.NoError(t, err)
	d, err := eng.ReadFile("secondplan/data.csv")
	require.NoError(t, err)
	r, err := eng.Assess(d, eduplan.All())
	require.NoError(t, err)
	assert.Empty(t, r.Warnings, "every unit the plan names is in the data")

	type want struct {
		status indicators.Status
		value  float64 // unused when the status is no data
		gap    float64
		target float64 // the unit's own bound
		own    bool    // held to a target of its own (unit_targets)
	}
	const noData = indicators.NoData
	nd := want{status: noData}
	tests := map[string]map[string]want{
		"示例市（合成汇总）": {
			"preschool_rate": {indicators.Met, 63620.0 / 65000, 63620.0/65000 - 0.96, 0.96, false},
		},
		"庐阳区": {
			"composite_cv_primary":    {indicators.Met, 0.592, -0.058, 0.65, false},
			"composite_cv_junior":     {indicators.Met, 0.314, -0.236, 0.55, false},
			"inspection_score":        nd,
			"equipment_cv":            {indicators.Met, 0.237171, -0.262829, 0.50, false},
			"equipment_cv_unweighted": {indicators.NotMet, 0.530330, 0.030330, 0.50, false},
			"preschool_rate":          {indicators.Met, 0.988, 0.008, 0.98, true},
		},
		"蜀山区": {
			"composite_cv_primary":    {indicators.Met, 0.417, -0.233, 0.65, false},
			"composite_cv_junior":     {indicators.Met, 0.493, -0.057, 0.55, false},
			"inspection_score":        nd,
			"equipment_cv":            nd,
			"equipment_cv_unweighted": nd,
			"preschool_rate":          {indicators.NotMet, 0.97, -0.01, 0.98, true},
		},
		"包河区": {
			"composite_cv_primary":    nd,
			"composite_cv_junior":     nd,
			"inspection_score":        {indicators.Met, 93, 8, 85, false},
			"equipment_cv":            nd,
			"equipment_cv_unweighted": nd,
			"preschool_rate":          {indicators.Met, 0.99, 0.01, 0.98, true},
		},
		"青阳县": {
			"composite_cv_primary":    nd,
			"composite_cv_junior":     nd,
			"inspection_score":        nd,
			"equipment_cv":            {indicators.NotMet, 0.521776, 0.021776, 0.50, false},
			"equipment_cv_unweighted": {indicators.Met, 0.347851, -0.152149, 0.50, false},
			"preschool_rate":          {indicators.Met, 0.93, 0.01, 0.92, true},
		},
	}

	seen := map[string]bool{}
	for _, u := range r.Units {
		wants, ok := tests[u.Unit.Name]
		if !ok {
			assert.Empty(t, u.Results, "%s: the schools are held to no target", u.Unit.Name)
			continue
		}
		seen[u.Unit.Name] = true
		got := map[string]indicators.Result{}
		for _, res := range u.Results {
			got[res.Indicator] = res
		}
		assert.Len(t, got, len(wants), u.Unit.Name)
		for id, w := range wants {
			t.Run(u.Unit.Name+"/"+id, func(t *testing.T) {
				res, ok := got[id]
				require.True(t, ok)
				assert.Equal(t, w.status, res.Status)
				if w.status == noData {
					assert.Nil(t, res.Value)
					return
				}
				require.NotNil(t, res.Value)
				require.NotNil(t, res.Gap)
				assert.InDelta(t, w.value, *res.Value, 1e-6)
				// Gaps of percents are in percentage points.
				gap := w.gap
				if res.Unit == "percent" {
					gap *= 100
				}
				assert.InDelta(t, gap, *res.Gap, 1e-6)
				assert.InDelta(t, w.target, res.Target.Value, 1e-9)
				assert.Equal(t, w.own, res.Target.Override != nil)
			})
		}
	}
	assert.Len(t, seen, len(tests), "every unit of the hand calculation is in the report")
}

// The weighted and unweighted CVs of the hand calculation, computed here
// from the schools' figures by the formulas in the comment above, so that
// the table's numbers are not merely copied from the engine.
func TestSecondPlanCVFormulas(t *testing.T) {
	cv := func(p, x []float64) float64 {
		var sp, spx float64
		for i := range x {
			sp += p[i]
			spx += p[i] * x[i]
		}
		mean := spx / sp
		var s2 float64
		for i := range x {
			s2 += p[i] / sp * (x[i] - mean) * (x[i] - mean)
		}
		return math.Sqrt(s2) / mean
	}
	ones := func(n int) []float64 {
		o := make([]float64, n)
		for i := range o {
			o[i] = 1
		}
		return o
	}
	luyangP, luyangX := []float64{1600, 200, 100, 100}, []float64{2000, 2000, 500, 3500}
	qingyangP, qingyangX := []float64{900, 900, 100, 50, 50}, []float64{900, 3100, 2000, 2000, 2000}
	assert.InDelta(t, math.Sqrt(225000)/2000, cv(luyangP, luyangX), 1e-12)
	assert.InDelta(t, 0.237171, cv(luyangP, luyangX), 1e-6)
	assert.InDelta(t, math.Sqrt(1125000)/2000, cv(ones(4), luyangX), 1e-12)
	assert.InDelta(t, 0.530330, cv(ones(4), luyangX), 1e-6)
	assert.InDelta(t, math.Sqrt(1089000)/2000, cv(qingyangP, qingyangX), 1e-12)
	assert.InDelta(t, 0.521776, cv(qingyangP, qingyangX), 1e-6)
	assert.InDelta(t, math.Sqrt(484000)/2000, cv(ones(5), qingyangX), 1e-12)
	assert.InDelta(t, 0.347851, cv(ones(5), qingyangX), 1e-6)
}

// What check prints is written by the same writer as eduplan.Write: each
// unit's own target and the verdicts of the hand calculation, and the
// binding targets missed are exactly the three the hand calculation finds.
func TestSecondPlanReport(t *testing.T) {
	eng, err := eduplan.Open("secondplan/plan.json")
	require.NoError(t, err)
	d, err := eng.ReadFile("secondplan/data.csv")
	require.NoError(t, err)
	r, err := eng.Assess(d, eduplan.All())
	require.NoError(t, err)

	var buf bytes.Buffer
	require.NoError(t, eduplan.Write(&buf, r, eduplan.Table, "zh"))
	out := buf.String()
	for _, line := range []string{
		"未达标  学前三年幼儿入园率                               97.00%  ≥ 98%   -1.00个百分点",
		"达标    学前三年幼儿入园率                               93.00%  ≥ 92%   +1.00个百分点",
		"本单位目标（按计划对青阳县的要求；其余单位 ≥ 96%）",
		"达标    督导评估得分                                      93  ≥ 85            +8",
		"达标    小学综合差异系数                                 0.59  ≤ 0.65         -0.06",
	} {
		// Word by word: column widths follow the widest cell.
		assert.Contains(t, squash(out), squash(line))
	}

	missed := eduplan.Missed(r, "zh")
	assert.Len(t, missed, 3, "蜀山区 preschool_rate, 庐阳区 unweighted CV, 青阳县 weighted CV: %v", missed)
}

// squash writes every run of spaces as one space, line by line.
func squash(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}
