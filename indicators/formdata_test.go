package indicators_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

func TestReadForm(t *testing.T) {
	metrics := []plan.Metric{
		{ID: "pupils", Name: msg.T("在校生数", "Pupils"), Unit: plan.Count, Integral: true, Aggregate: plan.Sum},
		{ID: "tested", Name: msg.T("体测人数", "Tested"), Unit: plan.Count, Integral: true, Aggregate: plan.Sum},
		{ID: "pass", Name: msg.T("合格率", "Pass rate"), Unit: plan.Percent, Aggregate: plan.None},
		{ID: "kg", Name: msg.T("在园幼儿数", "Children"), Unit: plan.Count, Aggregate: plan.Sum,
			ReportedBy: plan.Scope{Kinds: []org.Kind{org.Kindergarten}}},
	}
	inds := []plan.Indicator{
		{ID: "coverage", Name: msg.T("体测覆盖率", "Coverage"), Formula: "tested / pupils", Unit: plan.Percent, Target: ">= 90%", Wording: "w"},
		{ID: "pass_ok", Name: msg.T("合格", "Pass"), Formula: "pass", Unit: plan.Percent, Target: ">= 95%", Wording: "w"},
		{ID: "kg_n", Name: msg.T("幼儿", "Children"), Formula: "kg", Unit: plan.Count, Target: ">= 1", Wording: "w",
			AppliesTo: plan.Scope{Levels: []org.Level{org.City}}},
	}
	cat, err := indicators.NewCatalog(metrics, inds, nil)
	require.NoError(t, err)
	u := dataset.OrgUnit{ID: "unit", Name: "实验小学", Level: org.School, Kind: org.Primary}
	d, rejected, err := cat.ReadForm(2017, u, map[string]string{
		"pupils": "1,200",
		"tested": "12.5", // not a whole number
		"pass":   "0.97", // a fraction in a percent field: read, with a warning
		"kg":     "30",   // not a primary school's figure: ignored
		"nope":   "x",
	})
	require.NoError(t, err)
	require.Len(t, d.Units, 1)
	assert.Equal(t, u, d.Units[0])
	assert.Equal(t, 2017, d.Year)
	v, ok := d.Value("unit", "pupils")
	assert.True(t, ok)
	assert.Equal(t, 1200.0, v)
	_, ok = d.Value("unit", "tested")
	assert.False(t, ok, "a figure that does not read is left out")
	v, ok = d.Value("unit", "pass")
	assert.True(t, ok)
	assert.InDelta(t, 0.0097, v, 1e-12)
	_, ok = d.Value("unit", "kg")
	assert.False(t, ok)
	require.Len(t, rejected, 1)
	assert.Equal(t, "tested", rejected[0].Header)
	assert.Equal(t, "12.5", rejected[0].Text)
	assert.Equal(t, dataset.ReasonFraction, rejected[0].Reason)
	require.Len(t, d.Source.Warnings, 1)
	assert.Equal(t, "pass", d.Source.Warnings[0].Header)
	assert.Equal(t, dataset.WarnPercentFraction, d.Source.Warnings[0].Reason)

	// The unit itself must be valid.
	_, _, err = cat.ReadForm(2017, dataset.OrgUnit{Name: "无编号", Level: org.City}, nil)
	assert.Error(t, err)
}
