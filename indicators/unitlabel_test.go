package indicators_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eduplan/eduplan/indicators"
)

// The unit beside a figure tells the person typing what to count; it must
// follow the thing counted, not any word the name happens to contain.
func TestUnitLabel(t *testing.T) {
	for _, tc := range []struct{ name, zh, en string }{
		{"3-5岁在园幼儿数", "人", "persons"},
		{"3-5岁适龄人口", "人", "persons"},
		{"择校生数", "人", "persons"},
		{"“双师型”教师数", "人", "persons"},
		{"幼儿园专任教师数", "人", "persons"},
		{"适龄残疾儿童少年数", "人", "persons"},
		{"新创省优质幼儿园数", "所", "schools"},
		{"新建、改扩建幼儿园数", "所", "schools"},
		{"义务教育学校数", "所", "schools"},
		{"创成教师发展示范校数", "所", "schools"},
		{"新建、改扩建中小学数", "所", "schools"},
		{"无证办园点数", "个", "number"},
		{"“三星”以上党支部数", "个", "number"},
		{"获批省幼儿园课程游戏化项目数", "个", "number"},
		{"通过省级示范性教师发展中心评估的辖市区教师发展中心数", "个", "number"},
		{"新获批省级课程基地数（义务教育）", "个", "number"},
		{"退役士兵、农村实用技术等培训人次", "人次", "attendances"},
	} {
		got := indicators.Metric{Name: indicators.Text{ZH: tc.name}, Unit: indicators.Count}.UnitLabel()
		assert.Equal(t, indicators.Text{ZH: tc.zh, EN: tc.en}, got, tc.name)
	}
	for u, want := range map[indicators.Unit]indicators.Text{
		indicators.Percent: {ZH: "%", EN: "%"},
		indicators.Money:   {ZH: "万元", EN: "10,000 yuan"},
		indicators.Area:    {ZH: "平方米", EN: "m²"},
		indicators.Score:   {ZH: "分", EN: "points"},
		indicators.Ratio:   {ZH: "比值", EN: "ratio"},
		indicators.Number:  {},
	} {
		assert.Equal(t, want, indicators.Metric{Name: indicators.Text{ZH: "教师数"}, Unit: u}.UnitLabel(), u)
	}
}
