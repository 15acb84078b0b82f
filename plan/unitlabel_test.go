package plan_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/seeds"
)

// The unit beside a figure tells the person typing what to count. It is
// the counter word the plan declares; a count without one shows none
// rather than a word guessed from the name (在校数 counts pupils: a guess
// from 校 said 所).
func TestUnitLabel(t *testing.T) {
	for _, tc := range []struct {
		name, counter string
		want          msg.Text
	}{
		{"义务教育适龄儿童在校数", "人", msg.T("人", "persons")},
		{"初中毕业生升学数", "人", msg.T("人", "persons")},
		{"新建、改扩建幼儿园数", "所", msg.T("所", "schools")},
		{"培训人次", "人次", msg.T("人次", "attendances")},
		{"教师发展中心数", "个", msg.T("个", "number")},
		{"评估机构数", "家", msg.T("家", "institutions")},
		{"专项经费", "万元", msg.T("万元", "10,000 yuan")},
		{"床位数", "张", msg.T("张", "张")}, // a word without a gloss is shown as written
		{"义务教育适龄儿童在校数", "", msg.Text{}},
	} {
		got := plan.Metric{Name: msg.Text{ZH: tc.name}, Unit: plan.Count, Counter: tc.counter}.UnitLabel()
		assert.Equal(t, tc.want, got, "%s (%s)", tc.name, tc.counter)
	}
	for u, want := range map[plan.Unit]msg.Text{
		plan.Percent: {ZH: "%", EN: "%"},
		plan.Money:   {ZH: "万元", EN: "10,000 yuan"},
		plan.Area:    {ZH: "平方米", EN: "m²"},
		plan.Score:   {ZH: "分", EN: "points"},
		plan.Ratio:   {ZH: "比值", EN: "ratio"},
		plan.Years:   {ZH: "年", EN: "years"},
		plan.Number:  {},
	} {
		assert.Equal(t, want, plan.Metric{Name: msg.Text{ZH: "教师数"}, Unit: u}.UnitLabel(), u)
	}
	// A declared counter wins over the unit's sign: 元 on a money figure.
	assert.Equal(t, msg.T("元", "yuan"), plan.Metric{Unit: plan.Money, Counter: "元"}.UnitLabel())
}

// Every count of the seed declares what it counts.
func TestSeedCountsDeclareTheirCounter(t *testing.T) {
	p, err := seeds.Default()
	require.NoError(t, err)
	n := 0
	for _, m := range p.Metrics {
		if m.Unit == plan.Count {
			n++
			assert.NotEmpty(t, m.Counter, m.ID)
		}
	}
	assert.Greater(t, n, 50)
}
