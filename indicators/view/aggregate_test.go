package view_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

func fp(v float64) *float64 { return &v }

// The worked example of indicators/rule's TestCVWorkedExample: pupils 100,
// 300, 600 and values 10, 20, 30 give P = 1000, X̄ = 25, S = √45 = 6.71,
// CV = 0.268328.
func TestOfAggregateWeighted(t *testing.T) {
	res := indicators.Result{Unit: plan.Number}
	a := indicators.AggregateInput{Func: "cv", Of: "x", Weight: "在校生数", Value: fp(0.2683281573),
		Children: []indicators.ChildValue{
			{Unit: "a", Name: "甲", Value: fp(10), State: "ok", Weight: fp(100), WeightState: "ok"},
			{Unit: "b", Name: "乙", Value: fp(20), State: "ok", Weight: fp(300), WeightState: "ok"},
			{Unit: "c", Name: "丙", Value: fp(30), State: "ok", Weight: fp(600), WeightState: "ok"},
			{Unit: "k", Name: "幼儿园", State: "not_applicable", WeightState: "not_applicable"},
		}}
	v := view.OfAggregate(res, a)
	assert.True(t, v.Weighted)
	assert.Equal(t, "cv(x, 在校生数)", v.Call)
	assert.Contains(t, v.Definition.ZH, "差异系数（按权重加权")
	assert.Contains(t, v.Definition.EN, "CV = S / X̄")
	assert.Equal(t, msg.T("P = 1000，X̄ = 25，S = 6.71，CV = 6.71 / 25 = 0.268328", "P = 1000, X̄ = 25, S = 6.71, CV = 6.71 / 25 = 0.268328"), v.Steps)
	assert.Equal(t, msg.T("600", "600"), v.Children[2].Weight)
	assert.Equal(t, msg.T("不适用", "not applicable"), v.Children[3].Value)

	// A child whose weight is missing leaves the steps out: they could not
	// be the engine's.
	a.Children[1].Weight, a.Children[1].WeightState, a.Value = nil, "missing", nil
	v = view.OfAggregate(res, a)
	assert.Empty(t, v.Steps.ZH)
	assert.Equal(t, msg.T("缺数据", "missing"), v.Children[1].Weight)
}

func TestOfAggregateUnweighted(t *testing.T) {
	res := indicators.Result{Unit: plan.Percent}
	a := indicators.AggregateInput{Func: "spread", Of: "rate", Value: fp(0.05),
		Children: []indicators.ChildValue{{Unit: "a", Value: fp(0.95), State: "ok"}, {Unit: "b", Value: fp(1), State: "ok"}}}
	v := view.OfAggregate(res, a)
	assert.False(t, v.Weighted)
	assert.Equal(t, "spread(rate)", v.Call)
	assert.Equal(t, msg.T("极差：max xᵢ − min xᵢ", "range (highest − lowest): max xᵢ − min xᵢ"), v.Definition)
	assert.Empty(t, v.Steps.EN, "only a cv is worked out")
	assert.Equal(t, msg.T("95%", "95%"), v.Children[0].Value)
	assert.Empty(t, v.Children[0].Weight.ZH)
}

// share and count hold their children to a condition: each child meets it
// or not, whatever the unit of the result.
func TestOfAggregateCondition(t *testing.T) {
	res := indicators.Result{Unit: plan.Percent}
	a := indicators.AggregateInput{Func: "share", Of: "达标项数 >= 6", Value: fp(0.5),
		Children: []indicators.ChildValue{{Unit: "a", Value: fp(1), State: "ok"}, {Unit: "b", Value: fp(0), State: "ok"}, {Unit: "c", State: "missing"}}}
	v := view.OfAggregate(res, a)
	assert.Equal(t, msg.T("满足", "yes"), v.Children[0].Value)
	assert.Equal(t, msg.T("不满足", "no"), v.Children[1].Value)
	assert.Equal(t, msg.T("缺数据", "missing"), v.Children[2].Value)
	assert.Equal(t, "share(达标项数 >= 6)", v.Call)
}
