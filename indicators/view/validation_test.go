package view_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

func TestValidationLines(t *testing.T) {
	kg := dataset.OrgUnit{ID: "s-jurong-k4", Name: "茅山中心幼儿园", Level: org.School, Kind: org.Kindergarten}
	base := indicators.ValidationResult{Unit: kg, Rule: "r", Name: msg.T("3-5岁在园幼儿数不超过在园幼儿数", "aged 3-5 ≤ all enrolled"),
		Importance: plan.High, Status: indicators.RuleViolated, Left: "age3_5", Operator: plan.OpLE, Right: "enrolled",
		ValueUnit: plan.Count, LeftValue: fp(450), RightValue: fp(420), Difference: fp(30)}
	for _, tc := range []struct {
		name   string
		edit   func(r *indicators.ValidationResult)
		zh, en string
	}{
		{"≤ broken", func(*indicators.ValidationResult) {},
			"茅山中心幼儿园(s-jurong-k4) 3-5岁在园幼儿数不超过在园幼儿数：450 > 420，超出 30",
			"茅山中心幼儿园(s-jurong-k4) aged 3-5 ≤ all enrolled: 450 > 420, exceeds by 30"},
		{"< broken", func(r *indicators.ValidationResult) {
			r.Operator = plan.OpLT
			r.LeftValue, r.Difference = fp(420), fp(0)
		},
			"茅山中心幼儿园(s-jurong-k4) 3-5岁在园幼儿数不超过在园幼儿数：420 ≥ 420，超出 0", ""},
		{"≥ broken", func(r *indicators.ValidationResult) {
			r.Operator = plan.OpGE
			r.LeftValue, r.Difference = fp(400), fp(-20)
		},
			"", "茅山中心幼儿园(s-jurong-k4) aged 3-5 ≤ all enrolled: 400 < 420, short by 20"},
		{"> broken", func(r *indicators.ValidationResult) {
			r.Operator = plan.OpGT
			r.LeftValue, r.Difference = fp(400), fp(-20)
		},
			"茅山中心幼儿园(s-jurong-k4) 3-5岁在园幼儿数不超过在园幼儿数：400 ≤ 420，不足 20", ""},
		{"= broken with tolerance", func(r *indicators.ValidationResult) {
			r.Operator, r.Tolerance, r.LeftValue, r.RightValue, r.Difference = plan.OpEQ, 5, fp(206), fp(260), fp(-54)
		},
			"茅山中心幼儿园(s-jurong-k4) 3-5岁在园幼儿数不超过在园幼儿数：206 ≠ 260，相差 -54（允许误差 ±5）",
			"茅山中心幼儿园(s-jurong-k4) aged 3-5 ≤ all enrolled: 206 ≠ 260, differs by -54 (tolerance ±5)"},
		{"≠ broken", func(r *indicators.ValidationResult) {
			r.Operator, r.LeftValue, r.Difference = plan.OpNE, fp(420), fp(0)
		},
			"", "茅山中心幼儿园(s-jurong-k4) aged 3-5 ≤ all enrolled: 420 = 420, the sides are equal"},
		{"percent in points", func(r *indicators.ValidationResult) {
			r.ValueUnit, r.LeftValue, r.RightValue, r.Difference = plan.Percent, fp(1.025), fp(1), fp(0.025)
		},
			"茅山中心幼儿园(s-jurong-k4) 3-5岁在园幼儿数不超过在园幼儿数：102.5% > 100%，超出 2.5%", ""},
		{"skipped", func(r *indicators.ValidationResult) {
			r.Status, r.LeftValue, r.RightValue, r.Difference = indicators.RuleSkipped, nil, nil, nil
			r.Missing = []indicators.RuleFigure{{ID: "age3_5", Name: msg.T("3-5岁在园幼儿数", "children aged 3-5")}}
		},
			"茅山中心幼儿园(s-jurong-k4) 3-5岁在园幼儿数不超过在园幼儿数：跳过（缺数据），缺少 3-5岁在园幼儿数",
			"茅山中心幼儿园(s-jurong-k4) aged 3-5 ≤ all enrolled: skipped (figures missing), missing children aged 3-5"},
		{"counted as zero", func(r *indicators.ValidationResult) {
			r.Missing = []indicators.RuleFigure{{ID: "x", Name: msg.T("某数", "")}}
		},
			"茅山中心幼儿园(s-jurong-k4) 3-5岁在园幼儿数不超过在园幼儿数：450 > 420，超出 30；按零计：某数",
			"茅山中心幼儿园(s-jurong-k4) aged 3-5 ≤ all enrolled: 450 > 420, exceeds by 30; counted as zero: x"},
		{"not computable", func(r *indicators.ValidationResult) {
			r.Status, r.LeftValue, r.Difference = indicators.RuleNotComputable, nil, nil
		},
			"茅山中心幼儿园(s-jurong-k4) 3-5岁在园幼儿数不超过在园幼儿数：无法计算（分母为零或结果不是有限数）", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := base
			tc.edit(&r)
			c := view.OfValidation(r)
			if tc.zh != "" {
				assert.Equal(t, tc.zh, c.Line.ZH)
			}
			if tc.en != "" {
				assert.Equal(t, tc.en, c.Line.EN)
			}
			assert.NotContains(t, c.Line.ZH+c.Line.EN, "<nil>")
		})
	}
	c := view.OfValidation(base)
	assert.Equal(t, msg.T("高", "high"), c.Importance)
	assert.Equal(t, msg.T("age3_5 ≤ enrolled", "age3_5 ≤ enrolled"), c.Expected)
}

func TestValidationSummaryAndCSV(t *testing.T) {
	assert.Equal(t, msg.Text{}, view.ValidationSummary(nil))
	v := &indicators.Validation{Rules: make([]indicators.RuleSummary, 32),
		Counts: indicators.RuleCounts{Checked: 1050, Passed: 1030, Violated: 4, Skipped: 16}}
	assert.Equal(t, msg.T("共 32 条规则，检查 1050 次：通过 1030，违反 4，跳过（缺数据） 16",
		"32 rules, 1050 checks: passed 1030, violated 4, skipped (figures missing) 16"), view.ValidationSummary(v))

	v.Results = []indicators.ValidationResult{{Unit: dataset.OrgUnit{ID: "k", Name: "=园", Level: org.School, Kind: org.Kindergarten, Parent: "d"},
		Rule: "parts", Name: msg.T("城镇+农村=总数", "urban + rural = total"), Importance: plan.High, Status: indicators.RuleViolated,
		Left: "urban + rural", Operator: plan.OpEQ, Right: "total", Tolerance: 1, ValueUnit: plan.Count,
		LeftValue: fp(206), RightValue: fp(260), Difference: fp(-54)}}
	var buf bytes.Buffer
	require.NoError(t, view.WriteValidationCSV(&buf, &indicators.Report{Year: 2017, Validation: v}, "en"))
	lines := strings.Split(strings.TrimPrefix(buf.String(), "\uFEFF"), "\r\n")
	require.Len(t, lines, 3)
	assert.Equal(t, "unit_id,unit_name,level,kind,parent,year,rule_id,rule,importance,status,left,operator,right,difference,tolerance,expression,note", lines[0])
	assert.Equal(t, "k,'=园,School,Kindergarten,d,2017,parts,urban + rural = total,high,violated,206,'=,260,-54,1,urban + rural = total (±1),differs by -54", lines[1])
	assert.Equal(t, "", lines[2])
	// No validation: the header alone.
	buf.Reset()
	require.NoError(t, view.WriteValidationCSV(&buf, &indicators.Report{}, "zh"))
	assert.Equal(t, "\uFEFF"+strings.Join(view.ValidationColumns("zh"), ",")+"\r\n", buf.String())
}
