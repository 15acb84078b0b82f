package examples_test

import (
	"fmt"
	"log"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/seeds"
)

// A junior secondary school checks its own figures against the embedded
// plan: a dataset of one unit, assessed on every indicator that concerns a
// junior school. The plan sets the 升学率 and 体质健康 targets for the city
// and the districts: the school sees its figures against them for
// reference (参考), not as verdicts; 择校生比例 binds each school.
func Example_assessSchool() {
	p, err := seeds.Default()
	if err != nil {
		log.Fatal(err)
	}
	cat, err := indicators.NewCatalog(p.Metrics, p.Indicators, p.Places())
	if err != nil {
		log.Fatal(err)
	}

	d := dataset.New(2017)
	school := dataset.OrgUnit{ID: "zj-no1", Name: "样板初级中学", Level: org.School, Kind: org.JuniorSecond}
	if err := d.Add(school); err != nil {
		log.Fatal(err)
	}
	figures := map[string]float64{
		"school_choice_pupils":         12,  // 择校生数
		"compulsory_new_entrants":      300, // 义务教育招生数
		"junior_graduates":             250, // 初中毕业生数
		"junior_graduates_progressing": 246, // 升入高中阶段教育的初中毕业生数
		"fitness_tested_students":      900, // 参加体质健康测试学生数
		"fitness_excellent_students":   120, // 体质健康测试优秀学生数
		"fitness_pass_students":        860, // 体质健康测试合格学生数
	}
	for metric, v := range figures {
		if err := d.Set(school.ID, metric, v); err != nil {
			log.Fatal(err)
		}
	}

	r, err := cat.Assess(d, indicators.Options{})
	if err != nil {
		log.Fatal(err)
	}
	u := r.Units[0]
	fmt.Println(u.Unit.Name, view.SummaryText(u.Summary).ZH)
	for _, res := range u.Results {
		fmt.Println(view.Of(res).Line.ZH)
	}
	// Output:
	// 样板初级中学 约束性 达标 1，未达标 0，缺数据 0，无法计算 0；预期性 达标 0，未达标 0，缺数据 0，无法计算 0；参考 3
	// 义务教育择校生比例(school_choice_share) 达标：数值 4.00%，目标 ≤ 5%，差距 -1.00个百分点，优于目标（约束性）
	// 初中毕业生升学率(junior_progression_rate) 参考：未达目标：数值 98.40%，全市、辖市区目标 ≥ 99%，差距 -0.60个百分点，差于目标（约束性）
	// 《国家学生体质健康标准》优秀率(fitness_excellent_rate) 参考：已达目标：数值 13.33%，全市、辖市区目标 ≥ 10%，差距 +3.33个百分点，优于目标（约束性）
	// 《国家学生体质健康标准》合格率(fitness_pass_rate) 参考：已达目标：数值 95.56%，全市、辖市区目标 ≥ 95%，差距 +0.56个百分点，优于目标（约束性）
}
