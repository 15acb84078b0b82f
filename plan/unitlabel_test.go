package plan_test

import (
	"testing"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
	"github.com/stretchr/testify/assert"
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
		got := plan.Metric{Name: msg.Text{ZH: tc.name}, Unit: plan.Count}.UnitLabel()
		assert.Equal(t, msg.Text{ZH: tc.zh, EN: tc.en}, got, tc.name)
	}
	for u, want := range map[plan.Unit]msg.Text{
		plan.Percent: {ZH: "%", EN: "%"},
		plan.Money:   {ZH: "万元", EN: "10,000 yuan"},
		plan.Area:    {ZH: "平方米", EN: "m²"},
		plan.Score:   {ZH: "分", EN: "points"},
		plan.Ratio:   {ZH: "比值", EN: "ratio"},
		plan.Number:  {},
	} {
		assert.Equal(t, want, plan.Metric{Name: msg.Text{ZH: "教师数"}, Unit: u}.UnitLabel(), u)
	}
}
