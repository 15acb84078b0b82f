package view_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/progress"
	"github.com/eduplan/eduplan/indicators/trend"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// Beside a year's result: the row of that year only; a result with no row
// reads "—"; the CSV gains its columns after its own.
func TestAcross(t *testing.T) {
	u := dataset.OrgUnit{ID: "d1", Name: "东区", Level: org.District}
	row := func(year int, v float64) trend.Row {
		return trend.Row{Unit: u, Indicator: "kg", Name: msg.T("幼儿数", "children"), Measure: plan.Count, Year: year, Value: fp(v), Status: indicators.NotMet}
	}
	last := row(2017, 998)
	last.Previous, last.Change = &trend.Point{Year: 2016, Value: 950}, fp(48)
	last.Baseline, last.BaselineFrom = &trend.Point{Year: 2016, Value: 950}, trend.FromData
	last.Progress = &progress.Result{Status: progress.OnTrack, Completion: fp(0.96)}
	rep := &trend.Report{Years: []int{2016, 2017}, Rows: []trend.Row{row(2016, 950), last}}
	a := view.AcrossOf(rep, 2017)
	assert.Equal(t, []string{"950（2016年）", "+48", "96.0%", "进度正常"}, a.Cells("d1", "kg", "zh"))
	assert.Equal(t, []string{"—", "—", "—", "—"}, a.Cells("d2", "kg", "zh"), "no row for the unit")
	assert.Equal(t, "数据年份：2016、2017年。上年、比上年、完成度和进度按各年数据计算（与 eduplan progress 相同）；每年的明细见 eduplan progress。", a.Note().ZH)

	r := &indicators.Report{Year: 2017, Units: []indicators.UnitReport{{Unit: u, Results: []indicators.Result{
		{Indicator: "kg", Name: msg.T("幼儿数", "children"), Status: indicators.NotMet, Unit: plan.Count, Value: fp(998)}}}}}
	var b bytes.Buffer
	require.NoError(t, view.WriteCSVAcross(&b, r, a, "en"))
	lines := strings.Split(strings.TrimPrefix(b.String(), "\ufeff"), "\r\n")
	assert.True(t, strings.HasSuffix(lines[0], ",note,previous,change,baseline,completion,progress,progress_code"), lines[0])
	assert.True(t, strings.HasSuffix(lines[1], ",950 (2016),+48,950 (2016),96.0%,on track,on_track"), lines[1])
	b.Reset()
	require.NoError(t, view.WriteCSVAcross(&b, r, nil, "en"))
	assert.Equal(t, strings.Join(view.Columns("en"), ","), strings.Split(strings.TrimPrefix(b.String(), "\ufeff"), "\r\n")[0], "without years, the year's columns alone")
}
