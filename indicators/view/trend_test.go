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
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/indicators/trend"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

func TestOfTrend(t *testing.T) {
	reason := msg.T("缺少数据", "no data")
	for _, tc := range []struct {
		name string
		row  trend.Row
		want view.TrendRow
	}{
		{"a percent: change in points, completion past 100%",
			trend.Row{Unit: dataset.OrgUnit{ID: "s2", Name: "实验小学", Level: org.School}, Name: msg.T("本科率", "degree share"),
				Measure: plan.Percent, Year: 2023, Value: fp(0.954286), Status: indicators.Met,
				Previous: &trend.Point{Year: 2022, Value: 0.94}, Change: fp(0.014286),
				Baseline: &trend.Point{Year: 2020, Value: 0.9068}, BaselineFrom: trend.FromUnit,
				Target:   &trend.Goal{Year: 2025, Text: "95%", Display: msg.T("≥ 95%", "≥ 95%"), Value: fp(0.95)},
				Progress: &progress.Result{Status: progress.TargetAchieved, Completion: fp(1.0992063)}},
			view.TrendRow{Unit: "实验小学(s2)", Indicator: msg.T("本科率", "degree share"), Nature: msg.T("约束性", "binding"), Year: "2023",
				Status: msg.T("达标", "met"), Value: msg.T("95.43%", "95.43%"), Previous: msg.T("94.00%（2022年）", "94.00% (2022)"),
				Change: msg.T("+1.43个百分点", "+1.43 pp"), Baseline: msg.T("90.68%（2020年）", "90.68% (2020)"), YearTarget: msg.T("—", "—"),
				Target: msg.T("≥ 95%（2025年）", "≥ 95% (2025)"), Completion: msg.T("109.9%", "109.9%"),
				Progress: msg.T("已达目标", "target achieved")}},
		{"a milestone met, a baseline from the data, moved away",
			trend.Row{Unit: dataset.OrgUnit{ID: "d1", Name: "d1", Level: org.District}, Name: msg.T("年限", "years"),
				Measure: plan.Years, Year: 2022, Value: fp(11.3), Status: indicators.NotMet, Change: fp(-0.1),
				Previous: &trend.Point{Year: 2021, Value: 11.4},
				Baseline: &trend.Point{Year: 2020, Value: 11.5}, BaselineFrom: trend.FromData,
				YearTarget: &trend.Goal{Year: 2022, Text: "11", Display: msg.T("≥ 11", "≥ 11"), Milestone: true}, YearTargetMet: new(true),
				Progress: &progress.Result{Status: progress.MovedAway, Completion: fp(-0.25)}},
			view.TrendRow{Unit: "d1", Indicator: msg.T("年限", "years"), Nature: msg.T("约束性", "binding"), Year: "2022",
				Status: msg.T("未达标", "not met"), Value: msg.T("11.3", "11.3"), Previous: msg.T("11.4（2021年）", "11.4 (2021)"),
				Change: msg.T("-0.1", "-0.1"), Baseline: msg.T("11.5（2020年）", "11.5 (2020)"),
				YearTarget: msg.T("阶段目标 ≥ 11（2022年，已达到）", "milestone ≥ 11 (2022, met)"), Target: msg.T("—", "—"),
				Completion: msg.T("-25.0%", "-25.0%"), Progress: msg.T("出现倒退", "moved away from the target"),
				Note: msg.T("计划未给基期值，以2020年数据为基期", "the plan gives no baseline: the figure of 2020 is taken as one")}},
		{"a gap between rates reads in points; a baseline already past the target",
			trend.Row{Unit: dataset.OrgUnit{ID: "c", Level: org.City}, Name: msg.T("差距", "gap"), Measure: plan.Percent, Points: true,
				Direction: rule.LowerIsBetter, Year: 2017, Value: fp(0.0409), Status: indicators.Met,
				Previous: &trend.Point{Year: 2016, Value: 0.0392}, Change: fp(0.0017),
				Baseline: &trend.Point{Year: 2016, Value: 0.0392}, BaselineFrom: trend.FromPlan,
				Target:   &trend.Goal{Year: 2017, Text: "不超过10个百分点", Display: msg.T("≤ 10个百分点", "≤ 10 pp"), Value: fp(0.10)},
				Progress: &progress.Result{Status: progress.TargetAchieved}},
			view.TrendRow{Unit: "c", Indicator: msg.T("差距", "gap"), Nature: msg.T("约束性", "binding"), Year: "2017",
				Status: msg.T("达标", "met"), Value: msg.T("4.09个百分点", "4.09 pp"), Previous: msg.T("3.92个百分点（2016年）", "3.92 pp (2016)"),
				Change: msg.T("+0.17个百分点", "+0.17 pp"), Baseline: msg.T("3.92个百分点（2016年）", "3.92 pp (2016)"), YearTarget: msg.T("—", "—"),
				Target: msg.T("≤ 10个百分点（2017年）", "≤ 10 pp (2017)"), Completion: msg.T("—", "—"), Progress: msg.T("已达目标", "target achieved"),
				Note: msg.T("基期值已超过目标值：完成度不适用，保持达标即为达成", "the baseline is already past the target: completion does not apply, and staying there achieves it")}},
		{"no value",
			trend.Row{Unit: dataset.OrgUnit{ID: "d1", Level: org.District}, Name: msg.T("年限", "years"), Measure: plan.Years,
				Year: 2021, Status: indicators.NoData, Reason: &reason},
			view.TrendRow{Unit: "d1", Indicator: msg.T("年限", "years"), Nature: msg.T("约束性", "binding"), Year: "2021",
				Status: msg.T("缺数据", "no data"), Value: msg.T("—", "—"), Previous: msg.T("—", "—"), Change: msg.T("—", "—"),
				Baseline: msg.T("—", "—"), YearTarget: msg.T("—", "—"), Target: msg.T("—", "—"), Completion: msg.T("—", "—"),
				Progress: msg.T("—", "—"), Note: reason}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, view.OfTrend(tc.row))
		})
	}
}

func TestWriteTrendCSV(t *testing.T) {
	rep := &trend.Report{Years: []int{2020, 2021}, Rows: []trend.Row{{Unit: dataset.OrgUnit{ID: "d1", Name: "=HYPERLINK()", Level: org.District},
		Indicator: "ptr", Name: msg.T("生师比", "ratio"), Measure: plan.Ratio, Year: 2021, Value: fp(19), Status: indicators.NotMet,
		Progress: &progress.Result{Status: progress.OnTrack, Completion: fp(0.25)}}}}
	var b bytes.Buffer
	require.NoError(t, view.WriteTrendCSV(&b, rep, "en"))
	lines := strings.Split(strings.TrimPrefix(b.String(), "\ufeff"), "\r\n")
	assert.Equal(t, strings.Join(view.TrendColumns("en"), ","), lines[0])
	assert.Equal(t, "d1,'=HYPERLINK(),2021,ptr,ratio,binding,not met,19,—,—,—,—,—,25.0%,on track,on_track,", lines[1])
}
