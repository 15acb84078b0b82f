package reportfmt

import (
	"bytes"
	"encoding/xml"
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

// validationFixture is the fixture report with three rules: one of high
// importance broken on a kindergarten and its district, one of medium
// importance broken once, one skipped everywhere, and one that holds.
func validationFixture() *indicators.Report {
	r := fixture()
	kg := dataset.OrgUnit{ID: "k1", Name: "实验幼儿园", Level: org.School, Kind: org.Kindergarten, Parent: "d1"}
	dist := dataset.OrgUnit{ID: "d1", Name: "京口区", Level: org.District, Parent: "zj"}
	parts := indicators.RuleSummary{ID: "kg_parts", Name: msg.T("城镇与农村之和等于在园幼儿数", "urban + rural = enrolled"),
		Importance: plan.High, Left: "urban + rural", Operator: plan.OpEQ, Right: "enrolled",
		Counts: indicators.RuleCounts{Checked: 3, Passed: 1, Violated: 2}}
	age := indicators.RuleSummary{ID: "age_le_all", Name: msg.T("3-5岁在园幼儿数不超过在园幼儿数", "aged 3-5 ≤ enrolled"),
		Importance: plan.Medium, Left: "age3_5", Operator: plan.OpLE, Right: "enrolled",
		Counts: indicators.RuleCounts{Checked: 3, Passed: 2, Violated: 1}}
	certs := indicators.RuleSummary{ID: "certs", Name: msg.T("持证数不超过毕业班", "certificates ≤ class"),
		Importance: plan.High, Left: "certs", Operator: plan.OpLE, Right: "class",
		Counts: indicators.RuleCounts{Checked: 1, Skipped: 1}}
	ok := indicators.RuleSummary{ID: "fine", Name: msg.T("总是成立", "always holds"), Importance: plan.Low,
		Left: "a", Operator: plan.OpGE, Right: "0", Counts: indicators.RuleCounts{Checked: 3, Passed: 3}}
	none := indicators.RuleSummary{ID: "nowhere", Name: msg.T("无适用单位", "concerns no unit"), Importance: plan.High,
		Left: "b", Operator: plan.OpGE, Right: "0"}
	res := func(u dataset.OrgUnit, s indicators.RuleSummary, st indicators.RuleStatus, l, rt float64) indicators.ValidationResult {
		v := indicators.ValidationResult{Unit: u, Rule: s.ID, Name: s.Name, Importance: s.Importance, Status: st,
			Left: s.Left, Operator: s.Operator, Right: s.Right, ValueUnit: plan.Count, Strategy: plan.SkipIfAnyValueMissing}
		if st != indicators.RuleSkipped {
			v.LeftValue, v.RightValue, v.Difference = f(l), f(rt), f(l-rt)
		} else {
			v.Missing = []indicators.RuleFigure{{ID: "certs", Name: msg.T("持证毕业生数", "graduates with certificates")}}
		}
		return v
	}
	r.Validation = &indicators.Validation{
		Rules:  []indicators.RuleSummary{parts, age, certs, ok, none},
		Counts: indicators.RuleCounts{Checked: 10, Passed: 6, Violated: 3, Skipped: 1},
		Results: []indicators.ValidationResult{
			res(dist, parts, indicators.RuleViolated, 1536, 1590),
			res(kg, parts, indicators.RuleViolated, 206, 260),
			res(kg, age, indicators.RuleViolated, 450, 420),
			res(dist, certs, indicators.RuleSkipped, 0, 0),
		},
	}
	return r
}

func TestValidationGolden(t *testing.T) {
	for _, c := range []struct {
		name  string
		write func(*bytes.Buffer, *indicators.Report) error
	}{
		{"validation_table_zh.golden", func(b *bytes.Buffer, r *indicators.Report) error { return WriteTable(b, r, "zh") }},
		{"validation_markdown_en.golden", func(b *bytes.Buffer, r *indicators.Report) error { return WriteMarkdown(b, r, "en") }},
		{"validation_junit_zh.golden", func(b *bytes.Buffer, r *indicators.Report) error {
			return WriteJUnit(b, r, JUnitOptions{Lang: "zh"})
		}},
		{"validation_csv_en.golden", func(b *bytes.Buffer, r *indicators.Report) error {
			return view.WriteValidationCSV(b, r, "en")
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, c.write(&b, validationFixture()))
			golden(t, c.name, b.Bytes())
		})
	}
}

func TestValidationSections(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteTable(&b, validationFixture(), "zh"))
	table := b.String()
	assert.Contains(t, table, "共 5 条规则，检查 10 次：通过 6，违反 3，跳过（缺数据） 1")
	assert.Regexp(t, `违反\s+高\s+实验幼儿园\(k1\)\s+城镇与农村之和等于在园幼儿数\s+206\s+≠\s+260\s+相差 -54\s+kg_parts`, table)
	assert.Regexp(t, `违反\s+中\s+实验幼儿园\(k1\)\s+3-5岁在园幼儿数不超过在园幼儿数\s+450\s+>\s+420\s+超出 30\s+age_le_all`, table)
	assert.Contains(t, table, "持证数不超过毕业班 (certs)：1 个单位跳过（首个：京口区(d1)，缺少 持证毕业生数）")
	assert.Less(t, strings.Index(table, "合计"), strings.Index(table, "校验规则"), "a section after the results")

	// No validation, no section.
	b.Reset()
	require.NoError(t, WriteTable(&b, fixture(), "zh"))
	assert.NotContains(t, b.String(), "校验规则")
	b.Reset()
	require.NoError(t, WriteMarkdown(&b, fixture(), "en"))
	assert.NotContains(t, b.String(), "Validation rules")

	// --problems keeps the validation.
	assert.Equal(t, validationFixture().Validation, OnlyProblems(validationFixture()).Validation)
}

// A violated rule of high importance is a failure of the testsuite
// "validation" (JUnit has no policy: --fail-on decides the exit status
// only); lower importance passes with the lines in system-out; a rule
// skipped everywhere is skipped.
func TestValidationJUnit(t *testing.T) {
	{
		var b bytes.Buffer
		require.NoError(t, WriteJUnit(&b, validationFixture(), JUnitOptions{Lang: "en"}))
		var doc junitDoc
		require.NoError(t, xml.Unmarshal(b.Bytes(), &doc))
		s := doc.Suites[len(doc.Suites)-1]
		assert.Equal(t, "validation", s.Name)
		assert.Equal(t, 5, s.Tests)
		assert.Equal(t, 1, s.Failures)
		assert.Equal(t, 2, s.Skipped)
		require.Len(t, s.Cases, 5)
		parts := s.Cases[0]
		assert.Equal(t, "kg_parts urban + rural = enrolled", parts.Name)
		assert.Equal(t, "eduplan.validation", parts.Class)
		require.NotNil(t, parts.Failure)
		assert.Equal(t, "high: 3 checks, 2 violated, 0 skipped", parts.Failure.Message)
		assert.Equal(t, "京口区(d1) urban + rural = enrolled: 1536 ≠ 1590, differs by -54\n实验幼儿园(k1) urban + rural = enrolled: 206 ≠ 260, differs by -54",
			parts.Failure.Body)
		assert.Nil(t, s.Cases[1].Failure, "medium importance")
		assert.Contains(t, s.Cases[1].Out, "450 > 420, exceeds by 30")
		require.NotNil(t, s.Cases[2].Skipped)
		assert.Nil(t, s.Cases[3].Failure)
		assert.Nil(t, s.Cases[3].Skipped)
		assert.Empty(t, s.Cases[3].Out)
		require.NotNil(t, s.Cases[4].Skipped)
		assert.Equal(t, "no unit is concerned", s.Cases[4].Skipped.Message)
	}
}

func TestRuleFailuresFollowThePolicy(t *testing.T) {
	r := validationFixture()
	ids := func(p Policy) []string {
		var out []string
		for _, f := range RuleFailures(r, p) {
			out = append(out, f.Unit.ID+" "+f.Rule)
		}
		return out
	}
	assert.Equal(t, []string{"d1 kg_parts", "k1 kg_parts"}, ids(FailBinding))
	assert.Equal(t, []string{"d1 kg_parts", "k1 kg_parts", "k1 age_le_all"}, ids(FailAny))
	assert.Empty(t, ids(FailNone))
	assert.Empty(t, RuleFailures(fixture(), FailAny))
	assert.Empty(t, RuleFailures(nil, FailAny))
}
