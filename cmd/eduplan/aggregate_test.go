package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/internal/jsonx"
)

// testdata/balance.json checks one county's 生均教学仪器设备值 both ways on
// schools of 800, 100 and 100 pupils holding 2000, 500 and 3500 元 per pupil
// (testdata/balance.csv). By hand, as in indicators/rule's tests:
//
//	weighted:   P = 1000, X̄ = 2000, S = √450000 = 670.82, CV = 0.3354  ≤ 0.50 met
//	unweighted: n = 3, x̄ = 2000, S = √1500000 = 1224.74, CV = 0.6124  > 0.50 not met
const (
	balancePlan = "testdata/balance.json"
	balanceData = "testdata/balance.csv"
)

func TestExplainWeightedCV(t *testing.T) {
	r := eduplan(t, "explain", "--plan", balancePlan, "--data", balanceData, "equipment_cv")
	require.Equal(t, exitOK, r.code, r.stderr)
	for _, want := range []string{
		// Which aggregate, weighted, and its formula, before any data.
		"汇总函数：cv(生均教学仪器设备值, 在校生数) 差异系数（按权重加权，如按在校生数，教督〔2017〕6号）",
		"算法：P = ΣPᵢ，X̄ = ΣPᵢXᵢ / P，S = √(Σ(Pᵢ / P)(Xᵢ − X̄)²)，CV = S / X̄",
		"权重缺数据 → 缺数据；权重为负、P = 0 或 X̄ = 0 → 无法计算",
		// Each school's value and weight, and the steps.
		"权重（在校生数）",
		"甲小学  a  2000  800",
		"乙小学  b  500   100",
		"= 0.34（P = 1000，X̄ = 2000，S = 670.82，CV = 670.82 / 2000 = 0.33541）",
		"比较：0.34 对照目标 ≤ 0.5 → 达标",
	} {
		assert.Contains(t, r.stdout, want)
	}

	r = eduplan(t, "explain", "--lang", "en", "--plan", balancePlan, "--data", balanceData, "equipment_cv_unweighted")
	require.Equal(t, exitOK, r.code, r.stderr)
	for _, want := range []string{
		"Aggregate: cv(生均教学仪器设备值) coefficient of variation (unweighted, population)",
		"formula: x̄ = Σxᵢ / n, S = √(Σ(xᵢ − x̄)² / n) (divided by n, not n − 1), CV = S / x̄",
		"= 0.61 (n = 3, x̄ = 2000, S = 1224.74, CV = 1224.74 / 2000 = 0.612372)",
		"Comparison: 0.61 against the target ≤ 0.5 → not met",
	} {
		assert.Contains(t, r.stdout, want)
	}
	assert.NotContains(t, r.stdout, "weight (", "an unweighted cv has no weight column")

	// check agrees: one met, one not.
	r = eduplan(t, "check", "--plan", balancePlan, "--format", "csv", balanceData)
	assert.Equal(t, exitFail, r.code, r.stderr)
	assert.Regexp(t, `equipment_cv,[^\n]*,达标,`, r.stdout)
	assert.Regexp(t, `equipment_cv_unweighted,[^\n]*,未达标,`, r.stdout)
}

// explain --format json carries the definitions too.
func TestExplainAggregateJSON(t *testing.T) {
	r := eduplan(t, "explain", "--format", "json", "--plan", balancePlan, "equipment_cv")
	require.Equal(t, exitOK, r.code, r.stderr)
	var doc struct {
		Aggregates []rule.AggregateDoc `json:"aggregates"`
	}
	require.NoError(t, jsonx.Unmarshal([]byte(r.stdout), &doc))
	require.Len(t, doc.Aggregates, 1)
	assert.True(t, doc.Aggregates[0].Weighted)
	assert.Equal(t, "cv(x, w)", doc.Aggregates[0].Call)
	assert.Contains(t, doc.Aggregates[0].Formula.EN, "S = √(Σ(Pᵢ / P)(Xᵢ − X̄)²)")
	assert.Contains(t, doc.Aggregates[0].Missing.ZH, "权重为负")
}

// Without data, explain still defines the aggregate: the README's table and
// explain come from rule.AggregateDocs.
func TestExplainAggregateWithoutData(t *testing.T) {
	r := eduplan(t, "explain", "--plan", fixturePlan, "ger_gap")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "汇总函数：spread(学前三年教育毛入学率) 极差")
	assert.Contains(t, r.stdout, "算法：max xᵢ − min xᵢ")
}

// A weighted call is replaced whole by its value in the worked arithmetic,
// weight and all.
func TestCallSpanWeighted(t *testing.T) {
	src := "差异系数(生均值, 在校生数) * 100"
	from, to, ok := callSpan(src, "生均值", "在校生数")
	require.True(t, ok)
	assert.Equal(t, "差异系数(生均值, 在校生数)", src[from:to])

	// Full-width comma as typed on a Chinese keyboard.
	src = "cv(x，w) + 1"
	from, to, ok = callSpan(src, "x", "w")
	require.True(t, ok)
	assert.Equal(t, "cv(x，w)", src[from:to])

	// The weight must follow the value: no match rather than a wrong span.
	_, _, ok = callSpan("cv(x) + w", "x", "w")
	assert.False(t, ok)
	_, _, ok = callSpan("cv(x, w)", "x", "")
	assert.False(t, ok, "an unweighted lookup does not swallow a weight")
}
