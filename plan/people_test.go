package plan_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/eduplan/eduplan/plan"
)

func TestOfficesAndLeads(t *testing.T) {
	p := &plan.Plan{Appendix: &plan.Appendix{Actions: []plan.Action{{ID: "a", Categories: []plan.Category{{ID: "c", Items: []plan.Item{
		{ID: "i1", Office: &plan.Cell{Text: "基教处、\n督导室"}, Leads: &plan.Cell{Text: "张三 李四"}},
		{ID: "i2", Office: &plan.Cell{Text: "督导室，职教处"}},
		{ID: "i3", Leads: &plan.Cell{Text: "李四/王五"}},
		{ID: "i4"},
	}}}}}},
	}
	assert.Equal(t, []string{"基教处", "督导室", "职教处"}, p.Offices())
	assert.Equal(t, []string{"张三", "李四", "王五"}, p.Leads())
	empty := &plan.Plan{}
	assert.Equal(t, []string{}, empty.Offices(), "no task book, no offices: an empty list, not nil")
	assert.Equal(t, []string{}, empty.Leads())
}

func TestCellLine(t *testing.T) {
	tests := []struct {
		cell *plan.Cell
		want string
	}{
		{nil, ""},
		{&plan.Cell{Text: ""}, ""},
		{&plan.Cell{Text: "2017\n年底"}, "2017 年底"},
		{&plan.Cell{Text: "  市及各\r\n  辖市区  "}, "市及各 辖市区"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.cell.Line("zh"))
		assert.Equal(t, tt.want, tt.cell.Line("en"), "no English: the plan's own words")
	}
	office := &plan.Cell{Text: "基教处\n", EN: "Basic  Education Office"}
	assert.Equal(t, "基教处", office.Line("zh"))
	assert.Equal(t, "Basic Education Office", office.Line("en"))
}

func TestOverdueCount(t *testing.T) {
	assert.Zero(t, plan.OverdueCount(nil))
	assert.Equal(t, 2, plan.OverdueCount([]plan.Entry{{Overdue: true}, {}, {Overdue: true}}))
}
