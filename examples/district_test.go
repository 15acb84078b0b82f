package examples_test

import (
	"fmt"
	"log"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// A district's rate is its schools' numerators summed over their
// denominators summed, never the average of the schools' rates: a small
// school must not weigh as much as a large one. Above the districts, the
// city checks the gap between them (辖市区之间差距不超过10个百分点), a target
// across units written spread(…) in the rule language.
func Example_district() {
	p, err := plan.LoadFile("testdata/plan.json")
	if err != nil {
		log.Fatal(err)
	}
	cat, err := indicators.NewCatalog(p.Metrics, p.Indicators, p.Places())
	if err != nil {
		log.Fatal(err)
	}

	d := dataset.New(2017)
	units := []dataset.OrgUnit{
		{ID: "c", Name: "样板市", Level: org.City},
		{ID: "east", Name: "东区", Level: org.District, Parent: "c"},
		{ID: "west", Name: "西区", Level: org.District, Parent: "c"},
		{ID: "east-big", Name: "东区大学校", Level: org.School, Kind: org.Primary, Parent: "east"},
		{ID: "east-small", Name: "东区小学校", Level: org.School, Kind: org.Primary, Parent: "east"},
		{ID: "east-kg", Name: "东区幼儿园", Level: org.School, Kind: org.Kindergarten, Parent: "east"},
		{ID: "west-kg", Name: "西区幼儿园", Level: org.School, Kind: org.Kindergarten, Parent: "west"},
	}
	for _, u := range units {
		if err := d.Add(u); err != nil {
			log.Fatal(err)
		}
	}
	set := func(unit, metric string, v float64) {
		if err := d.Set(unit, metric, v); err != nil {
			log.Fatal(err)
		}
	}
	// 择校生数 / 在校生数: 20 of 1000 at the big school (2%), 9 of 100 at
	// the small one (9%).
	set("east-big", "choice_pupils", 20)
	set("east-big", "pupils", 1000)
	set("east-small", "choice_pupils", 9)
	set("east-small", "pupils", 100)
	// 在园幼儿数 at the kindergartens, 适龄人口 reported by each district.
	set("east-kg", "kg_children", 990)
	set("west-kg", "kg_children", 850)
	set("east", "pop_3_5", 1000)
	set("west", "pop_3_5", 1000)
	set("c", "pop_3_5", 2000)

	ev := cat.Evaluate(d)
	east, _ := d.Index("east")
	rate, _ := ev.Value("choice_rate", east)
	st, _ := ev.Status("choice_rate", east)
	fmt.Printf("东区择校生比例 = (20+9)/(1000+100) = %s：%s\n",
		view.Number(rate, plan.Percent), st.Name().ZH)
	fmt.Printf("（两校比例的平均数是 (2%%+9%%)/2 = 5.5%%，会被误判为未达标）\n")

	r, err := ev.Report(indicators.Options{Units: []string{"c"}})
	if err != nil {
		log.Fatal(err)
	}
	for _, u := range r.Units {
		for _, res := range u.Results {
			if res.Indicator == "preschool_ger" || res.Indicator == "ger_gap" {
				fmt.Println(u.Unit.Name + "：" + view.Of(res).Line.ZH)
			}
		}
	}
	// Output:
	// 东区择校生比例 = (20+9)/(1000+100) = 2.64%：达标
	// （两校比例的平均数是 (2%+9%)/2 = 5.5%，会被误判为未达标）
	// 样板市：学前三年教育毛入学率(preschool_ger) 未达标：数值 92.00%，目标 ≥ 99%，差距 -7.00个百分点，差于目标（约束性）
	// 样板市：辖市区学前三年教育毛入学率差距(ger_gap) 未达标：数值 14.00个百分点，目标 ≤ 10个百分点，差距 +4.00个百分点，差于目标（约束性）
	// 东区：学前三年教育毛入学率(preschool_ger) 达标：数值 99.00%，目标 ≥ 99%，差距 0.00个百分点（约束性）
	// 西区：学前三年教育毛入学率(preschool_ger) 未达标：数值 85.00%，目标 ≥ 99%，差距 -14.00个百分点，差于目标（约束性）
}
