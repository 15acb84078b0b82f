package plan

import (
	"testing"

	"github.com/eduplan/eduplan/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Plans the evaluation would read wrong without a word: each is refused
// where the fix belongs, in both languages, with the fix. The fixture's
// indicators[0] is 在园幼儿数 / 适龄人口 (percent, 达99%以上).
func TestMeasuresReadAsTheEvaluationWould(t *testing.T) {
	rate := Metric{ID: "pass_rate", Name: msg.Text{ZH: "合格率", EN: "Pass rate"}, Unit: Percent, Aggregate: Sum,
		ReportedBy: Scope{}}
	tests := []struct {
		name string
		edit func(p *Plan)
		path string   // "" when the plan is accepted
		want []string // fragments of the problem, Chinese and English
	}{
		{"a comparison in a formula",
			func(p *Plan) { p.Indicators[0].Formula = "在园幼儿数 / 适龄人口 >= 0.99" },
			"indicators[0].formula", []string{"是一个条件", `公式写 "在园幼儿数 / 适龄人口"，目标写 ">= 0.99"`,
				"is a condition", `formula "在园幼儿数 / 适龄人口", target ">= 0.99"`}},
		{"a compound condition in a formula",
			func(p *Plan) { p.Indicators[0].Formula = "在园幼儿数 >= 1 && 适龄人口 >= 1" },
			"indicators[0].formula", []string{"share(…) 或 count(…)", "use share(…) or count(…)"}},
		{"share of a condition is a value",
			func(p *Plan) { p.Indicators[0].Formula = "share(在园幼儿数 / 适龄人口 >= 0.99)" }, "", nil},
		{"points on a plain rate",
			func(p *Plan) { p.Indicators[0].Target = "不超过10个百分点" },
			"indicators[0].target", []string{"以百分点计", "不超过10%", "spread(…) 或 a - b",
				"in percentage points", "computes a rate, not a gap"}},
		{"pp on a plain rate",
			func(p *Plan) { p.Indicators[0].Target = "<= 2 pp" },
			"indicators[0].target", []string{"不超过2%"}},
		{"points on a spread",
			func(p *Plan) {
				p.Indicators[0].Formula, p.Indicators[0].Target = "spread(在园幼儿数 / 适龄人口)", "不超过10个百分点"
				p.Indicators[0].AppliesTo = Scope{}
			}, "", nil},
		{"points on a difference",
			func(p *Plan) {
				p.Indicators[0].Formula, p.Indicators[0].Target = "在园幼儿数 / 适龄人口 - 0.5", "不超过10个百分点"
			}, "", nil},
		{"points on an indicator built on a gap",
			func(p *Plan) {
				p.Indicators[0].Formula, p.Indicators[0].Target = "在园幼儿数 / 适龄人口 - 0.5", "不超过10个百分点"
				p.Indicators[1].Formula, p.Indicators[1].Unit, p.Indicators[1].Target = "abs(preschool_ger)", Percent, "不超过10个百分点"
			}, "", nil},
		{"points on an indicator built on a rate",
			func(p *Plan) {
				p.Indicators[1].Formula, p.Indicators[1].Unit, p.Indicators[1].Target = "abs(preschool_ger)", Percent, "不超过10个百分点"
			}, "indicators[1].target", []string{"abs(preschool_ger)"}},
		{"a percent metric summed",
			func(p *Plan) { p.Metrics = append(p.Metrics, rate) },
			"metrics[2].aggregate", []string{"percent 的数据项不能逐级相加", "aggregate 设为 none", "cannot sum up the hierarchy"}},
		{"a score metric summed",
			func(p *Plan) { m := rate; m.Unit = Score; p.Metrics = append(p.Metrics, m) },
			"metrics[2].aggregate", []string{"score"}},
		{"a percent metric that does not sum",
			func(p *Plan) { m := rate; m.Aggregate = None; p.Metrics = append(p.Metrics, m) }, "", nil},
		{"a money metric summed",
			func(p *Plan) { m := rate; m.Unit = Money; p.Metrics = append(p.Metrics, m) }, "", nil},
		{"a name cut by an operator",
			func(p *Plan) { p.Metrics[0].Name.ZH = "在园幼儿数/人" },
			"metrics[0].name.zh", []string{`名称 "在园幼儿数/人" 含有 "/"`, `请把名称改为 "在园幼儿数"`, `改用 id "enrolled"`,
				`the name "在园幼儿数/人" holds "/"`, `use the id "enrolled"`}},
		{"a name with a space",
			func(p *Plan) { p.Metrics[0].Name.ZH = "在园 幼儿数" },
			"metrics[0].name.zh", []string{`含有 " "`, `holds " "`, `请把名称改为 "在园幼儿数"`}},
		{"a name with an operator no formula names",
			func(p *Plan) {
				p.Metrics[1].Name.ZH = "3-5岁适龄人口"
				p.Indicators[0].Formula = "在园幼儿数 / population"
			}, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := loadFixture(t)
			tc.edit(p)
			err := p.Validate()
			if tc.path == "" {
				require.NoError(t, err)
				return
			}
			ps := problems(t, err)
			var found bool
			for _, pr := range ps {
				if pr.Path != tc.path {
					continue
				}
				found = true
				for _, w := range tc.want {
					assert.Contains(t, pr.Message.ZH+" | "+pr.Message.EN, w)
				}
				assert.NotContains(t, pr.Message.ZH, "the ", "Chinese only")
			}
			assert.True(t, found, "no problem at %s: %v", tc.path, ps)
			for _, pr := range ps {
				assert.NotContains(t, pr.Message.EN, "did you mean", "no guess at another measure: %s", pr.Message.EN)
			}
		})
	}
}
