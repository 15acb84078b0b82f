package plan_test

import (
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/plan"
)

func ExampleParseDeadline() {
	for _, text := range []string{"2017", "2017.5", "2017\n\n底前", "2018年底", "2017年第三季度", "长期"} {
		d, err := plan.ParseDeadline(text)
		if err != nil {
			fmt.Println(err)
			continue
		}
		if d.Ongoing {
			fmt.Printf("%q: ongoing\n", text)
			continue
		}
		fmt.Printf("%q: due %s\n", text, d.Due)
	}
	// Output:
	// "2017": due 2017-12-31
	// "2017.5": due 2017-05-31
	// "2017\n\n底前": due 2017-12-31
	// "2018年底": due 2018-12-31
	// "2017年第三季度": due 2017-09-30
	// "长期": ongoing
}

func ExampleLoad() {
	_, err := plan.Load(strings.NewReader(`{
  "format": "eduplan.plan/v1",
  "id": "demo",
  "title": {"zh": "示例计划"},
  "year": "2017",
  "goals": [{"id": "goal-1", "number": 1, "titel": {"zh": "目标"}, "indicators": ["ger"]}]
}`))
	fmt.Println(err)
	// Output:
	// year: 应为整数，实际为字符串 / expected an integer, got a string
	// goals[0].titel: 未知字段 "titel"，是否应为 "title"？ / unknown field "titel": did you mean "title"?
	// goals[0].indicators[0]: 未知指标 "ger" / unknown indicator "ger"
}

func ExamplePlan_Overdue() {
	p, err := plan.LoadFile("testdata/plan.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	book := plan.NewStatusBook(p)
	book.Set(plan.Status{Item: "item-2", State: plan.InProgress, Date: plan.Date{Year: 2017, Month: 9, Day: 1}})
	for _, o := range p.Overdue(plan.Date{Year: 2018, Month: 1, Day: 15}, book) {
		fmt.Printf("%s (%s, %s): due %s, %s, %d days late\n",
			o.Item.Label.ZH, o.Item.Item.Office.Text, o.Item.Item.Leads.Text, o.Deadline.Due, o.State, o.DaysLate)
	}
	// Output:
	// 任务书·精准服务优化年·建设类服务1 (基教处, 黄科文): due 2017-05-31, not_started, 229 days late
	// 任务书·精准服务优化年·建设类服务2 (发财处, 薛安明 黄科文): due 2017-12-31, in_progress, 15 days late
}

// A reader who names no date reads a past year's task book on the last day
// of that year, and is told so.
func ExampleDefaultAsOf() {
	p := &plan.Plan{Year: 2017}
	for _, today := range []plan.Date{{Year: 2017, Month: 6, Day: 1}, {Year: 2026, Month: 11, Day: 30}} {
		a := plan.DefaultAsOf(p, today)
		fmt.Printf("today %s: as of %s (%s / %s)\n", today, a.Date, a.Why().ZH, a.Why().EN)
	}
	// Output:
	// today 2017-06-01: as of 2017-06-01 (今天 / today)
	// today 2026-11-30: as of 2017-12-31 (计划年度末 / end of the plan's year)
}
