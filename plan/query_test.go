package plan

import (
	"testing"

	"github.com/eduplan/eduplan/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPlaces(t *testing.T) {
	p := loadFixture(t)
	places := p.Places()
	assert.Equal(t, []Place{
		{ID: "goal-1", Label: msg.Text{ZH: "总体目标1", EN: "Goal 1"}, Title: msg.Text{ZH: "提升事业发展总体水平", EN: "Raise the overall level"}},
		{ID: "task-1", Label: msg.Text{ZH: "任务1", EN: "Task 1"}, Title: msg.Text{ZH: "加快学前教育发展", EN: "Develop preschool education"}},
		{ID: "target-1", Label: msg.Text{ZH: "任务书·事业目标1", EN: "Task book · Target 1"},
			Title: msg.Text{ZH: "学前三年教育毛入学率达99%以上", EN: "Preschool gross enrolment of 99% or more"}},
	}, places["preschool_ger"])
	assert.Equal(t, []Place{
		{ID: "task-1", Label: msg.Text{ZH: "任务1", EN: "Task 1"}, Title: msg.Text{ZH: "加快学前教育发展", EN: "Develop preschool education"}},
		{ID: "item-2", Label: msg.Text{ZH: "任务书·精准服务优化年·建设类服务2", EN: "Task book · Year of precise service · Construction services 2"},
			Title: msg.Text{ZH: "推进特教中心建设。"}},
	}, places["enrolled_total"])
	assert.Len(t, places, 2)

	p.Appendix.Projects[0].Indicators = []string{"enrolled_total"}
	got := p.Places()["enrolled_total"]
	require.Len(t, got, 3)
	assert.Equal(t, msg.Text{ZH: "任务书·民生实事1", EN: "Task book · Livelihood project 1"}, got[1].Label, "projects come before task-book rows")
}

func TestItems(t *testing.T) {
	p := loadFixture(t)
	items := p.Items()
	require.Len(t, items, 2)
	assert.Equal(t, "appendix.actions[0].categories[0].items[1]", items[1].Path)
	assert.Equal(t, "action-1", items[1].ActionID)
	assert.Equal(t, "精准服务优化年", items[1].Action.ZH)
	assert.Equal(t, "category-1", items[1].CategoryID)
	assert.Equal(t, "建设类服务", items[1].Category.ZH)
	assert.Equal(t, "任务书·精准服务优化年·建设类服务2", items[1].Label.ZH)
	assert.Same(t, &p.Appendix.Actions[0].Categories[0].Items[1], items[1].Item)
	assert.Nil(t, (&Plan{}).Items())
}

func TestLookups(t *testing.T) {
	p := loadFixture(t)
	task, ok := p.Task(2)
	require.True(t, ok)
	assert.Equal(t, "task-2", task.ID)
	_, ok = p.Task(3)
	assert.False(t, ok)

	ind, ok := p.Indicator("preschool_ger")
	require.True(t, ok)
	assert.Equal(t, Percent, ind.Unit)
	_, ok = p.Indicator("enrolled")
	assert.False(t, ok, "a metric is not an indicator")

	m, ok := p.Metric("population")
	require.True(t, ok)
	assert.Equal(t, None, m.Aggregate)
	_, ok = p.Metric("preschool_ger")
	assert.False(t, ok)
}
