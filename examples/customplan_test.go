package examples_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/plan"
)

// customPlan is another bureau's plan in the plan format (eduplan.plan/v1).
// Its targets are written as the plan writes them: 控制在5%以内 (at most
// 5%) and 力争达到98% (strive for 98%: aspirational, not binding). Formulas
// may name metrics by id or by their Chinese names.
const customPlan = `{
  "format": "eduplan.plan/v1",
  "id": "anytown-2018",
  "title": {"zh": "某县教育局2018年工作要点", "en": "Anytown Education Bureau: 2018 work priorities"},
  "issuer": {"zh": "某县教育局", "en": "Anytown Education Bureau"},
  "published": "2018-02-20",
  "year": 2018,
  "guiding": {"zh": "办好人民满意的教育。"},
  "goals": [
    {"id": "goal-1", "number": 1,
     "title": {"zh": "规范办学行为", "en": "Regulate schools"},
     "text": {"zh": "择校生比例控制在5%以内，力争学生体质健康合格率达到98%。"},
     "indicators": ["choice_share", "fitness_pass"]}
  ],
  "sections": [],
  "metrics": [
    {"id": "choice_pupils", "name": {"zh": "择校生数", "en": "School-choice pupils"},
     "unit": "count", "integral": true, "aggregate": "sum", "reported_by": {"levels": ["school"]}},
    {"id": "entrants", "name": {"zh": "招生数", "en": "New entrants"},
     "unit": "count", "integral": true, "aggregate": "sum", "reported_by": {"levels": ["school"]}},
    {"id": "tested", "name": {"zh": "体测人数", "en": "Pupils tested"},
     "unit": "count", "integral": true, "aggregate": "sum", "reported_by": {"levels": ["school"]}},
    {"id": "passed", "name": {"zh": "体测合格人数", "en": "Pupils who passed"},
     "unit": "count", "integral": true, "aggregate": "sum", "reported_by": {"levels": ["school"]}}
  ],
  "indicators": [
    {"id": "choice_share", "name": {"zh": "择校生比例", "en": "Share of school-choice pupils"},
     "formula": "择校生数 / 招生数", "unit": "percent", "target": "控制在5%以内",
     "applies_to": {"levels": ["school"]}, "wording": "择校生比例控制在5%以内"},
    {"id": "fitness_pass", "name": {"zh": "学生体质健康合格率", "en": "Physical fitness pass rate"},
     "formula": "passed / tested", "unit": "percent", "target": "力争达到98%",
     "applies_to": {"levels": ["school"]}, "wording": "力争学生体质健康合格率达到98%"}
  ]
}`

// A plan written by another bureau, loaded strictly (every problem would be
// reported at once with its JSON path), then used to assess a school from a
// CSV export with Chinese headers.
func Example_customPlan() {
	p, err := plan.Parse([]byte(customPlan))
	if err != nil {
		log.Fatal(err)
	}
	cat, err := indicators.NewCatalog(p.Metrics, p.Indicators, p.Places())
	if err != nil {
		log.Fatal(err)
	}
	for _, ind := range cat.Indicators() {
		t, _ := cat.Target(ind.ID)
		fmt.Printf("%s: %s → %s, %s\n", ind.Name.ZH, ind.Target, t.Format("zh"), view.Nature(cat.NatureOf(ind.ID)).ZH)
	}

	csv := "学校代码,学校名称,学校类型,择校生数（人）,招生数（人）,体测人数,体测合格人数\n" +
		"S01,城关小学,小学,18,300,1200,1170\n"
	d, err := dataset.ReadCSV(strings.NewReader(csv), cat.Fields(), dataset.Options{File: "城关小学.csv", Year: p.Year})
	if err != nil {
		log.Fatal(err)
	}
	r, err := cat.Assess(d, indicators.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, res := range r.Units[0].Results {
		fmt.Println(view.Of(res).Line.ZH)
	}
	// Output:
	// 择校生比例: 控制在5%以内 → ≤ 5%, 约束性
	// 学生体质健康合格率: 力争达到98% → ≥ 98%, 预期性
	// 择校生比例(choice_share) 未达标：数值 6.00%，目标 ≤ 5%，差距 +1.00个百分点，差于目标（约束性）
	// 学生体质健康合格率(fitness_pass) 未达标：数值 97.50%，目标 ≥ 98%，差距 -0.50个百分点，差于目标（预期性）
}
