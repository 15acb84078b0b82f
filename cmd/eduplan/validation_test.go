package main

import (
	"encoding/csv"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// rulesPlan writes the fixture plan with validation rules: 在园幼儿数 not
// above the population (high; broken by a kindergarten of 600 in 东区
// against a population of 500 once the data is edited), and school-choice
// pupils at most a tenth of the pupils (medium; 西区小学's 8 of 100 in
// fail.csv hold).
func rulesPlan(t *testing.T, importance plan.Importance) string {
	t.Helper()
	p, err := plan.LoadFile(fixturePlan)
	require.NoError(t, err)
	p.ValidationRules = []plan.ValidationRule{
		{ID: "kg_le_population", Name: msg.T("在园幼儿数不超过适龄人口", "children enrolled ≤ population"),
			Left: "在园幼儿数", Operator: plan.OpLE, Right: "适龄人口", Importance: importance},
		{ID: "choice_le_tenth", Name: msg.T("择校生不超过在校生的十分之一", "school choice ≤ a tenth of pupils"),
			Left: "choice_pupils", Operator: plan.OpLE, Right: "pupils / 10"},
	}
	path := filepath.Join(t.TempDir(), "plan.json")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, p.Save(f))
	require.NoError(t, f.Close())
	return path
}

// overData is pass.csv with 东区's population 500 against its
// kindergarten's 600 children.
func overData(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(passData)
	require.NoError(t, err)
	s := strings.Replace(string(b), "d1,东区,区,,c,,600,,", "d1,东区,区,,c,,500,,", 1)
	require.NotEqual(t, string(b), s)
	path := filepath.Join(t.TempDir(), "over.csv")
	require.NoError(t, os.WriteFile(path, []byte(s), 0o644))
	return path
}

func TestCheckValidationRules(t *testing.T) {
	high := rulesPlan(t, plan.High)
	data := overData(t)

	r := eduplan(t, "check", "--plan", high, data)
	assert.Equal(t, exitFail, r.code, "a violated rule of high importance fails the check\n%s", r.stdout)
	assert.Contains(t, r.stdout, "校验规则\n共 2 条规则，检查")
	assert.Regexp(t, `违反\s+高\s+东区\(d1\)\s+在园幼儿数不超过适龄人口\s+600\s+>\s+500\s+超出 100\s+kg_le_population`, r.stdout)

	r = eduplan(t, "check", "--plan", high, "--fail-on", "none", data)
	assert.Equal(t, exitOK, r.code)

	// Of medium importance it fails only with --fail-on any.
	medium := rulesPlan(t, plan.Medium)
	r = eduplan(t, "check", "--plan", medium, data)
	assert.Equal(t, exitOK, r.code, r.stdout)
	r = eduplan(t, "check", "--plan", medium, "--fail-on", "any", "--format", "json", data)
	assert.Equal(t, exitFail, r.code)
	assert.Contains(t, r.stderr, "东区(d1) 在园幼儿数不超过适龄人口：600 > 500，超出 100")

	// The same data, every rule holding: exit 0 and the counts.
	r = eduplan(t, "check", "--plan", high, "--lang", "en", passData)
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, "Validation rules\n2 rules, 8 checks: passed 8, violated 0\n")
}

func TestCheckValidationJSONAndCSV(t *testing.T) {
	dir := t.TempDir()
	out, rules := filepath.Join(dir, "report.json"), filepath.Join(dir, "rules.csv")
	r := eduplan(t, "check", "--plan", rulesPlan(t, plan.High), "--lang", "en", "-o", out, "--validation-csv", rules, overData(t))
	assert.Equal(t, exitFail, r.code, r.stderr)
	assert.Contains(t, r.stderr, "1 validation rule check(s) violated (--fail-on binding):")

	f, err := os.Open(out)
	require.NoError(t, err)
	rep, err := indicators.ReadReport(f)
	f.Close()
	require.NoError(t, err)
	require.NotNil(t, rep.Validation)
	require.Len(t, rep.Validation.Results, 1)
	v := rep.Validation.Results[0]
	assert.Equal(t, "d1", v.Unit.ID)
	assert.Equal(t, []float64{600, 500, 100}, []float64{*v.LeftValue, *v.RightValue, *v.Difference})

	b, err := os.ReadFile(rules)
	require.NoError(t, err)
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF"))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 2)
	assert.Equal(t, []string{"d1", "东区", "District", "", "c", "2017", "kg_le_population", "children enrolled ≤ population", "high",
		"violated", "600", "≤", "500", "100", "", "在园幼儿数 ≤ 适龄人口", "exceeds by 100"}, rows[1])

	// The report CSV keeps its 19 columns.
	r = eduplan(t, "check", "--plan", rulesPlan(t, plan.High), "--format", "csv", overData(t))
	first := strings.SplitN(strings.TrimPrefix(r.stdout, "\uFEFF"), "\r\n", 2)[0]
	assert.Len(t, strings.Split(first, ","), 19)

	// The validation CSV must not overwrite an input.
	data := overData(t)
	r = eduplan(t, "check", "--plan", rulesPlan(t, plan.High), "--validation-csv", data, data)
	assert.Equal(t, exitUsage, r.code)
}

func TestCheckValidationJUnit(t *testing.T) {
	r := eduplan(t, "check", "--plan", rulesPlan(t, plan.High), "--fail-on", "none", "--format", "junit", overData(t))
	assert.Equal(t, exitOK, r.code)
	var doc struct {
		Suites []struct {
			Name     string `xml:"name,attr"`
			Failures int    `xml:"failures,attr"`
			Cases    []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Body string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal([]byte(r.stdout), &doc))
	s := doc.Suites[len(doc.Suites)-1]
	assert.Equal(t, "validation", s.Name)
	assert.Equal(t, 1, s.Failures, "a violated rule of high importance is a failure whatever --fail-on says")
	require.NotNil(t, s.Cases[0].Failure)
	assert.Contains(t, s.Cases[0].Failure.Body, "东区(d1) 在园幼儿数不超过适龄人口：600 > 500，超出 100")
}

// lint reads a plan's validation rules: it counts them, and refuses a bad
// one with its JSON path and, for an expression, the column.
func TestLintValidationRules(t *testing.T) {
	path := rulesPlan(t, plan.High)
	r := eduplan(t, "lint", "--lang", "en", path)
	assert.Equal(t, exitOK, r.code, r.stdout)
	assert.Contains(t, r.stdout, "2 validation rules")

	b, err := os.ReadFile(path)
	require.NoError(t, err)
	s := strings.Replace(string(b), `"right": "pupils / 10"`, `"right": "pupils // 10"`, 1)
	s = strings.Replace(s, `"operator": "<="`, `"operator": "≤"`, 1)
	require.NotEqual(t, string(b), s)
	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(s), 0o644))
	r = eduplan(t, "lint", "--lang", "en", bad)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stdout, `validation_rules[0].operator: unknown operator "≤" (did you mean "<="?)`)
	assert.Contains(t, r.stdout, "validation_rules[1].right: the right side is wrong: 1:8: comments")
}
