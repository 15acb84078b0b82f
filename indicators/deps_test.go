package indicators_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

func TestDeps(t *testing.T) {
	cat := testCatalog(t)
	own := func(ids ...string) []rule.Dep {
		out := []rule.Dep{}
		for _, id := range ids {
			out = append(out, rule.Dep{ID: id})
		}
		return out
	}
	tests := []struct {
		id   string
		want []rule.Dep
	}{
		// Catalogue order, not formula order.
		{"fill", own("enrolled", "places")},
		{"choice", own("chosen", "pupils")},
		{"kg_built", own("new_kg")},
		// Through an indicator inside an aggregate: read on the children.
		{"fill_gap", []rule.Dep{{ID: "enrolled", Children: true}, {ID: "places", Children: true}}},
		{"fill_cv", []rule.Dep{{ID: "enrolled", Children: true}, {ID: "places", Children: true}}},
		{"pupils", own("pupils")},
	}
	for _, tt := range tests {
		got, ok := cat.Deps(tt.id)
		require.True(t, ok, tt.id)
		assert.Equal(t, tt.want, got, tt.id)
	}
	_, ok := cat.Deps("nope")
	assert.False(t, ok, "an unknown id says so")
}

func TestDepsBothWays(t *testing.T) {
	metrics := []plan.Metric{
		{ID: "b", Name: msg.Text{ZH: "乙"}, Unit: plan.Count, Aggregate: plan.Sum},
		{ID: "a", Name: msg.Text{ZH: "甲"}, Unit: plan.Count, Aggregate: plan.Sum},
		{ID: "unused", Name: msg.Text{ZH: "丙"}, Unit: plan.Count, Aggregate: plan.Sum},
	}
	inds := []plan.Indicator{
		{ID: "r", Name: msg.Text{ZH: "比"}, Formula: "a / b", Unit: plan.Percent, Target: ">= 90%", Wording: "w"},
		{ID: "gap", Name: msg.Text{ZH: "差"}, Formula: "r - min(r) + max(a)", Unit: plan.Percent, Target: "<= 10个百分点", Wording: "w"},
		{ID: "deep", Name: msg.Text{ZH: "深"}, Formula: "gap + 1", Unit: plan.Percent, Target: "<= 10个百分点", Wording: "w"},
	}
	cat, err := indicators.NewCatalog(metrics, inds, nil)
	require.NoError(t, err)
	want := []rule.Dep{{ID: "b"}, {ID: "b", Children: true}, {ID: "a"}, {ID: "a", Children: true}}
	for _, id := range []string{"gap", "deep"} {
		got, ok := cat.Deps(id)
		require.True(t, ok)
		assert.Equal(t, want, got, id)
	}
}
