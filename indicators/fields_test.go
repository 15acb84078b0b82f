package indicators_test

import (
	"strings"
	"testing"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A percent figure may pass 100% without a warning only where an indicator
// that may (a gross rate, may_exceed_100) reads it: the plan declares it on
// indicators, and the readers learn it from the catalogue's fields.
func TestFieldsMayExceed100FromIndicators(t *testing.T) {
	metrics := []plan.Metric{
		{ID: "ger_reported", Name: msg.T("毛入学率（上报）", "GER reported"), Unit: plan.Percent, Aggregate: plan.None},
		{ID: "pass", Name: msg.T("合格率", "pass rate"), Unit: plan.Percent, Aggregate: plan.None},
	}
	cat, err := indicators.NewCatalog(metrics, []plan.Indicator{
		{ID: "ger", Name: msg.T("毛入学率", "GER"), Formula: "ger_reported", Unit: plan.Percent, Target: ">= 90%", MayExceed100: true},
		{ID: "pass_rate", Name: msg.T("体质合格率", "fitness"), Formula: "pass", Unit: plan.Percent, Target: ">= 90%"},
	}, nil)
	require.NoError(t, err)
	want := map[string]bool{"ger_reported": true, "pass": false, "ger": true, "pass_rate": false}
	for _, f := range cat.Fields() {
		exp, ok := want[f.ID]
		require.True(t, ok, f.ID)
		assert.Equal(t, exp, f.MayExceed100, f.ID)
	}
	csv := "单位代码,单位名称,学校类型,ger_reported,pass\ns1,第一幼儿园,幼儿园,120,120\n"
	d, err := dataset.ReadCSV(strings.NewReader(csv), cat.Fields(), dataset.Options{File: "a.csv"})
	require.NoError(t, err)
	require.Len(t, d.Source.Warnings, 1, "only the pass rate warns")
	assert.Equal(t, "pass", d.Source.Warnings[0].Header)
	assert.Equal(t, dataset.WarnPercentOver100, d.Source.Warnings[0].Reason)
}
