package examples_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/seeds"
)

// A bureau records how far each task-book item has got, saves the statuses
// as a file of their own (format eduplan.status/v1) and lists, as of a day,
// the items past their deadline and not done.
func Example_statusBook() {
	p, err := seeds.Default()
	if err != nil {
		log.Fatal(err)
	}
	date := func(s string) plan.Date {
		d, err := plan.ParseDate(s)
		if err != nil {
			log.Fatal(err)
		}
		return d
	}

	book := plan.NewStatusBook(p)
	book.Set(plan.Status{Item: "service-year.policy.1", State: plan.Done, Date: date("2017-05-20"),
		Note: "文件已印发"})
	book.Set(plan.Status{Item: "reform-year.preschool.2", State: plan.InProgress, Date: date("2017-06-10"),
		Note: "征求意见稿已完成"})

	var saved bytes.Buffer
	if err := book.Save(&saved); err != nil {
		log.Fatal(err)
	}
	// Later, or on another machine: read the statuses back, checked
	// against the plan (an unknown item or state would be an error).
	book, err = plan.LoadStatus(&saved, p)
	if err != nil {
		log.Fatal(err)
	}

	for _, o := range p.Overdue(date("2017-07-01"), book) {
		fmt.Printf("%s（%s，%s）逾期%d天，%s\n", o.Item.Label.ZH, cell(o.Item.Item.Office), o.Deadline.Text, o.DaysLate, stateZH(o.State))
	}
	// Output:
	// 任务书·机制改革深化年·学前教育机制改革1（学前处，2017.3）逾期92天，未开始
	// 任务书·机制改革深化年·教学工作机制改革3（体卫艺，2017.4）逾期62天，未开始
	// 任务书·机制改革深化年·学前教育机制改革2（发财处，2017.5）逾期31天，进行中
	// 任务书·精准服务优化年·政策类服务2（职社处，2017.6）逾期1天，未开始
}

// cell is the text of a task-book cell; a source may leave one out.
func cell(c *plan.Cell) string {
	if c == nil {
		return "—"
	}
	return c.Text
}

func stateZH(s plan.State) string {
	switch s {
	case plan.Done:
		return "已完成"
	case plan.InProgress:
		return "进行中"
	}
	return "未开始"
}
