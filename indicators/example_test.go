package indicators_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// A catalogue built in Go, without a plan file: one rate, its two counts,
// and a target. A district's rate is recomputed from its schools' counts,
// never averaged.
func ExampleNewCatalog() {
	metrics := []plan.Metric{
		{ID: "passed", Name: msg.T("体质健康合格人数", "pupils passing"), Unit: plan.Count, Aggregate: plan.Sum,
			ReportedBy: plan.Scope{Levels: []org.Level{org.School}}},
		{ID: "tested", Name: msg.T("参加测试人数", "pupils tested"), Unit: plan.Count, Aggregate: plan.Sum,
			ReportedBy: plan.Scope{Levels: []org.Level{org.School}}},
	}
	inds := []plan.Indicator{{ID: "pass_rate", Name: msg.T("体质健康合格率", "fitness pass rate"),
		Formula: "passed / tested", Unit: plan.Percent, Target: "≥ 95%", Wording: "合格率达95%以上"}}
	cat, err := indicators.NewCatalog(metrics, inds, nil)
	if err != nil {
		log.Fatal(err)
	}
	csv := "单位代码,单位名称,层级,学校类型,上级单位,体质健康合格人数,参加测试人数\n" +
		"d,东区,区,,,,\n" +
		"a,甲小学,学校,小学,d,480,500\n" +
		"b,乙小学,学校,小学,d,97,100\n"
	data, err := dataset.ReadCSV(strings.NewReader(csv), cat.Fields(), dataset.Options{File: "d.csv", Year: 2017})
	if err != nil {
		log.Fatal(err)
	}
	rep, err := cat.Assess(data, indicators.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, u := range rep.Units {
		r := u.Results[0]
		fmt.Printf("%s %.4f %s\n", u.Unit.Name, *r.Value, r.Status)
	}
	// Output:
	// 东区 0.9617 met
	// 甲小学 0.9600 met
	// 乙小学 0.9700 met
}
