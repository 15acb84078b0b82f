package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/wasm/webbuild"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fixture plan (testdata/plan.json) has a city c with districts d1, d2,
// a kindergarten and a primary school in each. In pass.csv every binding
// target is met and the aspirational 在园幼儿总数 (力争达1000) is missed by 2;
// fail.csv gives 西区小学 8% school-choice pupils (target ≤ 5%); bad.csv has
// "三百" where a number belongs.
const (
	fixturePlan = "testdata/plan.json"
	passData    = "testdata/pass.csv"
	failData    = "testdata/fail.csv"
	badData     = "testdata/bad.csv"
)

type result struct {
	stdout, stderr string
	code           int
}

func eduplan(t *testing.T, args ...string) result {
	t.Helper()
	return eduplanIn(t, "", args...)
}

func eduplanIn(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return result{out.String(), errb.String(), code}
}

func TestHelpEveryCommand(t *testing.T) {
	for _, c := range commands {
		if c.name == "help" {
			continue
		}
		for _, lang := range []string{"zh", "en"} {
			t.Run(c.name+"/"+lang, func(t *testing.T) {
				r := eduplan(t, c.name, "--help", "--lang", lang)
				require.Equal(t, exitOK, r.code, r.stderr)
				assert.Empty(t, r.stderr)
				if lang == "zh" {
					assert.Contains(t, r.stdout, "用法：eduplan "+c.name)
					assert.Contains(t, r.stdout, "示例：\n  eduplan "+c.name)
					assert.Contains(t, r.stdout, "参数：")
				} else {
					assert.Contains(t, r.stdout, "Usage: eduplan "+c.name)
					assert.Contains(t, r.stdout, "Examples:\n  eduplan "+c.name)
					assert.Contains(t, r.stdout, "Flags:")
				}
				assert.Contains(t, r.stdout, "--lang")
			})
		}
		t.Run(c.name+"/-h", func(t *testing.T) {
			r := eduplan(t, c.name, "-h")
			assert.Equal(t, exitOK, r.code)
			assert.Contains(t, r.stdout, "eduplan "+c.name)
		})
		t.Run("help "+c.name, func(t *testing.T) {
			r := eduplan(t, "help", c.name)
			assert.Equal(t, exitOK, r.code)
			assert.Contains(t, r.stdout, "用法：eduplan "+c.name)
		})
	}
}

// TestHelpExamplesRun runs every help example that needs no file of the
// user's, so that the examples cannot rot.
func TestHelpExamplesRun(t *testing.T) {
	ran := 0
	for _, c := range []struct {
		name string
		h    cmdHelp
	}{{"check", checkHelp}, {"lint", lintHelp}, {"tasks", tasksHelp}, {"template", templateHelp}, {"explain", explainHelp}} {
		for _, ex := range c.h.examples {
			skip := false
			for _, s := range []string{".csv", ".json", ".xml", ".html", " -o ", "--out", "--units"} {
				skip = skip || strings.Contains(ex.cmd+" ", s)
			}
			if skip {
				continue
			}
			args := strings.Fields(ex.cmd)
			require.Equal(t, "eduplan", args[0])
			r := eduplan(t, args[1:]...)
			assert.Contains(t, []int{exitOK, exitFail}, r.code, "%s:\n%s", ex.cmd, r.stderr)
			assert.NotEmpty(t, r.stdout, ex.cmd)
			ran++
		}
	}
	assert.GreaterOrEqual(t, ran, 7)
}

func TestTopLevel(t *testing.T) {
	r := eduplan(t)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "eduplan check --sample")

	r = eduplan(t, "--help")
	assert.Equal(t, exitOK, r.code)
	for _, c := range commands {
		assert.Contains(t, r.stdout, "  "+c.name)
	}

	r = eduplan(t, "chek")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, `"chek"`)
	assert.Contains(t, r.stderr, "check, progress, lint")

	r = eduplan(t, "check", "--bogus")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "没有参数 -bogus")
	assert.Contains(t, r.stderr, "eduplan check --help")

	r = eduplan(t, "check", "--lang", "en", "--bogus")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "there is no flag -bogus")

	r = eduplan(t, "check", "--lang", "fr", "--sample")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, `"fr"`)
}

func TestCheckExitCodes(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
		// out and errs must appear in stdout and stderr.
		out, errs []string
	}{
		{"all binding met", []string{passData}, exitOK,
			[]string{"样板市(c)", "学前三年教育毛入学率", "99.80%", "达标"}, nil},
		{"binding not met", []string{failData}, exitFail,
			[]string{"西区小学(p2)", "未达标", "8.00%", "≤ 5%", "+3.00个百分点"}, nil},
		{"aspirational missed fails with --fail-on any", []string{"--fail-on", "any", passData}, exitFail,
			[]string{"在园幼儿总数", "998"}, nil},
		{"--fail-on none never fails", []string{"--fail-on", "none", failData}, exitOK, nil, nil},
		{"--unit narrows to a district without failures", []string{"--unit", "d1", failData}, exitOK,
			[]string{"东区(d1)", "东区小学(p1)"}, nil},
		{"--unit narrows to the failing district", []string{"--unit", "d2", failData}, exitFail,
			[]string{"西区(d2)", "西区小学(p2)"}, nil},
		{"--unit takes a list", []string{"--unit", "p1,k1", failData}, exitOK, []string{"东区小学(p1)"}, nil},
		{"stdin", []string{"-"}, exitOK, []string{"样板市(c)"}, nil},
		{"--problems keeps what needs attention", []string{"--problems", failData}, exitFail,
			[]string{"西区小学(p2)", "择校生比例", "另有 2 个单位的结果全部达标，未列出。", "另有 2 个单位没有适用的指标。"}, nil},
		{"bad cell", []string{badData}, exitUsage, nil,
			[]string{"bad.csv", ":6:", "三百", "处理办法", "未做评估"}},
		{"missing file", []string{"testdata/nope.csv"}, exitUsage, nil, []string{"nope.csv", "处理办法"}},
		{"no data", nil, exitUsage, nil, []string{"--sample"}},
		{"two data files", []string{passData, failData}, exitUsage, nil, []string{"fail.csv"}},
		{"sample and a file", []string{"--sample", passData}, exitUsage, nil, []string{"--sample"}},
		{"bad format", []string{"--format", "xml", passData}, exitUsage, nil, []string{`"xml"`, "junit"}},
		{"bad policy", []string{"--fail-on", "all", passData}, exitUsage, nil, []string{`"all"`}},
		{"unknown unit", []string{"--unit", "d9", passData}, exitUsage, nil, []string{`d9`, "c, d1, d2"}},
		{"bad year", []string{"--year", "17", passData}, exitUsage, nil, []string{"17"}},
		{"another year is assessed with a note", []string{"--year", "2018", passData}, exitOK, nil, []string{"2018", "2017"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"check", "--plan", fixturePlan}, c.args...)
			stdin := ""
			if len(c.args) > 0 && c.args[len(c.args)-1] == "-" {
				b, err := os.ReadFile(passData)
				require.NoError(t, err)
				stdin = string(b)
			}
			r := eduplanIn(t, stdin, args...)
			assert.Equal(t, c.code, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
			for _, s := range c.out {
				assert.Contains(t, r.stdout, s)
			}
			for _, s := range c.errs {
				assert.Contains(t, r.stderr, s)
			}
			if c.code == exitUsage {
				assert.Empty(t, r.stdout, "nothing is written on bad input")
			}
		})
	}
}

func TestCheckEnglish(t *testing.T) {
	r := eduplan(t, "check", "--lang", "en", "--plan", fixturePlan, failData)
	assert.Equal(t, exitFail, r.code)
	assert.Contains(t, r.stdout, "Assessment report")
	assert.Contains(t, r.stdout, "not met")
	assert.Contains(t, r.stdout, "+3.00 pp")
}

func TestCheckBadPlan(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	b, err := os.ReadFile(fixturePlan)
	require.NoError(t, err)
	broken := strings.Replace(string(b), `"target": "控制在5%以内"`, `"target": "大约很多"`, 1)
	require.NotEqual(t, string(b), broken)
	require.NoError(t, os.WriteFile(bad, []byte(broken), 0o644))
	r := eduplan(t, "check", "--plan", bad, passData)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "bad.json")
	assert.Contains(t, r.stderr, "indicators[1].target")
	assert.Contains(t, r.stderr, "eduplan lint")
}

// TestCheckRateRecomputed: the city's enrolment rate is its schools' summed
// children over its districts' population, 998/1000 = 99.8%; the average of
// the district rates (100% and 99.5%) would be 99.75%.
func TestCheckRateRecomputed(t *testing.T) {
	r := eduplan(t, "check", "--plan", fixturePlan, "--format", "json", passData)
	require.Equal(t, exitOK, r.code, r.stderr)
	rep, err := indicators.ReadReport(strings.NewReader(r.stdout))
	require.NoError(t, err)
	assert.Equal(t, "fixture-2017", rep.Plan)
	assert.Equal(t, 2017, rep.Year)
	res := findResult(t, rep, "c", "preschool_ger")
	require.NotNil(t, res.Value)
	assert.InDelta(t, 0.998, *res.Value, 1e-12)
	gap := findResult(t, rep, "c", "ger_gap")
	require.NotNil(t, gap.Value)
	assert.InDelta(t, 0.005, *gap.Value, 1e-12, "spread of 100% and 99.5%")
	assert.Contains(t, r.stderr, "7 个单位", "a machine format gets a summary on stderr")
}

type jsonResult struct {
	Indicator string            `json:"indicator"`
	Status    indicators.Status `json:"status"`
	Nature    plan.Nature       `json:"nature"`
	Value     *float64          `json:"value"`
}

func findResult(t *testing.T, r *indicators.Report, unit, ind string) indicators.Result {
	t.Helper()
	for _, u := range r.Units {
		if u.Unit.ID != unit {
			continue
		}
		for _, res := range u.Results {
			if res.Indicator == ind {
				return res
			}
		}
	}
	t.Fatalf("no result %s for %s", ind, unit)
	return indicators.Result{}
}

func TestCheckFormats(t *testing.T) {
	t.Run("junit", func(t *testing.T) {
		r := eduplan(t, "check", "--plan", fixturePlan, "--format", "junit", failData)
		require.Equal(t, exitFail, r.code)
		var doc struct {
			Tests    int `xml:"tests,attr"`
			Failures int `xml:"failures,attr"`
		}
		require.NoError(t, xml.Unmarshal([]byte(r.stdout), &doc))
		assert.Equal(t, 2, doc.Failures, "西区 and 西区小学 miss the 5% target; the city (10/200) meets it")
		assert.Equal(t, 10, doc.Tests)
		assert.Contains(t, r.stderr, "西区小学(p2)：择校生比例(choice_rate) 未达标：数值 8.00%，目标 ≤ 5%，差距 +3.00个百分点，差于目标（约束性）")
	})
	// --fail-on chooses the exit status only: the report still says which
	// binding targets were missed, so a CI dashboard does not show green.
	t.Run("junit --fail-on none keeps its failures", func(t *testing.T) {
		for _, policy := range []string{"none", "binding", "any"} {
			r := eduplan(t, "check", "--plan", fixturePlan, "--fail-on", policy, "--format", "junit", failData)
			want := exitFail
			if policy == "none" {
				want = exitOK
			}
			require.Equal(t, want, r.code, r.stderr)
			var doc struct {
				Failures int `xml:"failures,attr"`
			}
			require.NoError(t, xml.Unmarshal([]byte(r.stdout), &doc))
			assert.Equal(t, 2, doc.Failures, "--fail-on %s", policy)
			assert.Contains(t, r.stdout, `<failure message="择校生比例(choice_rate) 未达标`, "--fail-on %s", policy)
			assert.Contains(t, r.stderr, "西区小学(p2)：择校生比例(choice_rate) 未达标", "--fail-on %s", policy)
		}
		r := eduplan(t, "check", "--plan", fixturePlan, "--fail-on", "none", "--format", "json", failData)
		require.Equal(t, exitOK, r.code)
		assert.Contains(t, r.stdout, `"status":"not_met"`)
		assert.Contains(t, r.stderr, "约束性目标未达标 2 项（--fail-on none：退出状态仍为 0）")
	})
	t.Run("csv", func(t *testing.T) {
		r := eduplan(t, "check", "--plan", fixturePlan, "--format", "csv", passData)
		require.Equal(t, exitOK, r.code)
		require.True(t, strings.HasPrefix(r.stdout, "\uFEFF"))
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.stdout, "\uFEFF"))).ReadAll()
		require.NoError(t, err)
		assert.Len(t, rows, 1+10)
	})
	t.Run("markdown", func(t *testing.T) {
		r := eduplan(t, "check", "--plan", fixturePlan, "--format", "markdown", passData)
		require.Equal(t, exitOK, r.code)
		assert.Contains(t, r.stdout, "# 评估报告")
		assert.Contains(t, r.stdout, "| 达标 | 学前三年教育毛入学率 | 99.80% |")
	})
	t.Run("format from -o extension", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "r.xml")
		r := eduplan(t, "check", "--plan", fixturePlan, "-o", out, passData)
		require.Equal(t, exitOK, r.code, r.stderr)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(string(b), "<?xml"))
		assert.Empty(t, r.stdout)
	})
}

// TestCheckSample runs the README's main command on the embedded seed plan
// and its sample year. The seed's own tests check each indicator's status;
// this checks that the command gets there and reports like a check should.
func TestCheckSample(t *testing.T) {
	r := eduplan(t, "check", "--sample")
	require.Contains(t, []int{exitOK, exitFail}, r.code, r.stderr)
	assert.Contains(t, r.stdout, "评估报告")
	assert.Contains(t, r.stdout, "合计")

	j := eduplan(t, "check", "--sample", "--format", "json")
	require.Equal(t, r.code, j.code)
	rep, err := indicators.ReadReport(strings.NewReader(j.stdout))
	require.NoError(t, err)
	require.NotEmpty(t, rep.Units)
	binding := 0
	for _, u := range rep.Units {
		for _, res := range u.Results {
			if res.Status == indicators.NotMet && res.Nature == plan.Binding {
				binding++
			}
		}
	}
	if binding > 0 {
		assert.Equal(t, exitFail, r.code, "a binding target not met must exit 1")
	} else {
		assert.Equal(t, exitOK, r.code)
	}
	n := eduplan(t, "check", "--sample", "--fail-on", "none")
	assert.Equal(t, exitOK, n.code)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(to, b, 0o644))
}

func TestOutputNeverOverwritesInput(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data.csv")
	planFile := filepath.Join(dir, "plan.json")
	copyFile(t, passData, data)
	copyFile(t, fixturePlan, planFile)
	link := filepath.Join(dir, "link.csv")
	require.NoError(t, os.Symlink(data, link))
	// Read errors would leave both sides nil and the comparison below
	// vacuous.
	before, err := os.ReadFile(data)
	require.NoError(t, err)
	require.NotEmpty(t, before)
	beforePlan, err := os.ReadFile(planFile)
	require.NoError(t, err)
	require.NotEmpty(t, beforePlan)
	for _, out := range []string{data, planFile, link, filepath.Join(dir, ".", "data.csv")} {
		r := eduplan(t, "check", "--plan", planFile, "--format", "csv", "-o", out, data)
		assert.Equal(t, exitUsage, r.code, "-o %s", out)
		assert.Contains(t, r.stderr, "不会覆盖输入")
	}
	r := eduplan(t, "check", "--plan", planFile, "-o", data, link)
	assert.Equal(t, exitUsage, r.code, "the input named through a link")
	r = eduplan(t, "tasks", "--plan", planFile, "-o", planFile)
	assert.Equal(t, exitUsage, r.code)
	r = eduplan(t, "template", "--plan", planFile, "--kind", "primary", "--units", data, "-o", data)
	assert.Equal(t, exitUsage, r.code)
	after, err := os.ReadFile(data)
	require.NoError(t, err, "the input is still there")
	afterPlan, err := os.ReadFile(planFile)
	require.NoError(t, err, "the plan is still there")
	assert.Equal(t, before, after)
	assert.Equal(t, beforePlan, afterPlan)

	r = eduplan(t, "check", "--plan", planFile, "-o", dir, data)
	assert.Equal(t, exitUsage, r.code, "a folder is not an output file")
}

func TestOutputWrittenWhole(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.json")
	require.NoError(t, os.WriteFile(out, []byte("old"), 0o600))
	r := eduplan(t, "check", "--plan", fixturePlan, "-o", out, failData)
	assert.Equal(t, exitFail, r.code, "the exit status still tells the result")
	assert.Empty(t, r.stdout)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	want := eduplan(t, "check", "--plan", fixturePlan, "--format", "json", failData)
	assert.Equal(t, want.stdout, string(got))
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "a replaced file keeps its permissions")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")

	// A folder is refused before any work, and nothing is left behind.
	target := filepath.Join(dir, "busy")
	require.NoError(t, os.MkdirAll(filepath.Join(target, "inside"), 0o755))
	r = eduplan(t, "check", "--plan", fixturePlan, "-o", target, passData)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "是一个文件夹")
	entries, err = os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "report.json and busy only: %v", entries)

	r = eduplan(t, "check", "--plan", fixturePlan, "-o", filepath.Join(dir, "no", "such", "dir.json"), passData)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "dir.json")
	assert.Contains(t, r.stderr, "不存在：请先创建它")
	r = eduplan(t, "check", "--plan", fixturePlan, "--lang", "en", "-o", filepath.Join(dir, "newdir")+"/", passData)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "names a folder: give a file name")
	assert.NotContains(t, r.stderr, ".tmp", "the message is about the user's path, not a temporary file")
}

// -o onto a device writes through to it, as the user means with
// /dev/stdout or /dev/null: it never replaces the device with a file.
func TestOutputToADevice(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null here")
	}
	r := eduplan(t, "check", "--plan", fixturePlan, "-o", "/dev/null", passData)
	assert.Equal(t, exitOK, r.code, r.stderr)
	st, err := os.Stat("/dev/null")
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeCharDevice, "/dev/null is still a device")
}

func TestLint(t *testing.T) {
	r := eduplan(t, "lint", fixturePlan)
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "没有问题")
	assert.Contains(t, r.stdout, "4 个指标")

	r = eduplan(t, "lint", fixturePlan, "--lang", "en")
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, "no problems")

	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	b, err := os.ReadFile(fixturePlan)
	require.NoError(t, err)
	s := string(b)
	s = strings.Replace(s, `"target": "控制在5%以内"`, `"target": "大约很多"`, 1)
	s = strings.Replace(s, `"formula": "在园幼儿数",`, `"formula": "在园儿童数",`, 1)
	s = strings.Replace(s, `"indicators": ["choice_rate"]`, `"indicators": ["no_such"]`, 1)
	s = strings.Replace(s, `"wording": "力争在园幼儿达1000人"`, `"wording": "力争在园幼儿达1000人", "colour": "red"`, 1)
	require.NoError(t, os.WriteFile(bad, []byte(s), 0o644))
	r = eduplan(t, "lint", bad)
	assert.Equal(t, exitUsage, r.code)
	for _, want := range []string{"indicators[1].target", "indicators[3].formula", "no_such", "colour"} {
		assert.Contains(t, r.stdout, want)
	}
	assert.Contains(t, r.stdout, bad+": ")
	assert.Contains(t, r.stderr, "个问题")

	r = eduplan(t, "lint", "--format", "json", bad)
	assert.Equal(t, exitUsage, r.code)
	var res lintResult
	require.NoError(t, jsonx.Unmarshal([]byte(r.stdout), &res))
	assert.False(t, res.OK)
	assert.GreaterOrEqual(t, len(res.Problems), 4)
	assert.Contains(t, r.stdout, "大约很多", "JSON keeps the user's text readable")

	r = eduplan(t, "lint")
	assert.Equal(t, exitUsage, r.code)
	r = eduplan(t, "lint", filepath.Join(dir, "missing.json"))
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "missing.json")
	r = eduplan(t, "lint", "--format", "yaml", fixturePlan)
	assert.Equal(t, exitUsage, r.code)
}

func TestTasks(t *testing.T) {
	r := eduplan(t, "tasks", "--plan", fixturePlan, "--as-of", "2017-07-01")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "截至 2017-07-01 · 4 条，逾期 2 条")
	order := []string{"逾期31天", "逾期1天", "2017-12-31", "长期"}
	last := -1
	for _, s := range order {
		i := strings.Index(r.stdout, s)
		require.GreaterOrEqual(t, i, 0, "%q in\n%s", s, r.stdout)
		assert.Greater(t, i, last, "%q out of order in\n%s", s, r.stdout)
		last = i
	}

	dir := t.TempDir()
	status := filepath.Join(dir, "status.json")
	require.NoError(t, os.WriteFile(status, []byte(`{"format": "eduplan.status/v1", "plan": "fixture-2017", "statuses": [
  {"item": "item-1", "state": "done", "date": "2017-05-20"},
  {"item": "item-4", "state": "in_progress", "date": "2017-06-15", "note": "数据已收齐一半"}
]}`), 0o644))
	r = eduplan(t, "tasks", "--plan", fixturePlan, "--as-of", "2017-07-01", "--status", status)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "逾期 1 条")
	assert.Contains(t, r.stdout, "已完成")
	assert.Contains(t, r.stdout, "数据已收齐一半")

	r = eduplan(t, "tasks", "--plan", fixturePlan, "--as-of", "2017-07-01", "--office", "基教处", "--format", "json")
	require.Equal(t, exitOK, r.code)
	var doc struct {
		Overdue int `json:"overdue"`
		Entries []struct {
			Item struct {
				Item struct {
					ID string `json:"id"`
				} `json:"item"`
			} `json:"item"`
		} `json:"entries"`
	}
	require.NoError(t, jsonx.Unmarshal([]byte(r.stdout), &doc))
	var ids []string
	for _, e := range doc.Entries {
		ids = append(ids, e.Item.Item.ID)
	}
	assert.Equal(t, []string{"item-1", "item-3"}, ids)
	assert.Equal(t, 1, doc.Overdue)

	r = eduplan(t, "tasks", "--plan", fixturePlan, "--as-of", "2017-07-01", "--lead", "张三", "--format", "csv")
	require.Equal(t, exitOK, r.code)
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.stdout, "\uFEFF"))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, "item-1", rows[1][0])
	assert.Equal(t, "item-2", rows[2][0])

	r = eduplan(t, "tasks", "--plan", fixturePlan, "--as-of", "2017-07-01", "--overdue", "--fail-overdue")
	assert.Equal(t, exitFail, r.code)
	assert.Contains(t, r.stderr, "2 条逾期")
	r = eduplan(t, "tasks", "--plan", fixturePlan, "--as-of", "2017-05-31", "--fail-overdue")
	assert.Equal(t, exitOK, r.code, "the due day itself is on time")

	r = eduplan(t, "tasks", "--plan", fixturePlan, "--as-of", "2017-13-01")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "2017-13-01")

	require.NoError(t, os.WriteFile(status, []byte(`{"format": "eduplan.status/v1", "plan": "fixture-2017", "statuses": [{"item": "item-9", "state": "finished", "date": "2017-05-20"}]}`), 0o644))
	r = eduplan(t, "tasks", "--plan", fixturePlan, "--status", status)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "statuses[0].item")
	assert.Contains(t, r.stderr, "statuses[0].state")
}

// TestTasksDefaultsToToday: without --as-of the schedule is as of the
// clock, here fixed.
func TestTasksDefaultsToToday(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{ctx: context.Background(), stdin: strings.NewReader(""), stdout: &out, stderr: &errb, lang: "zh",
		now: func() time.Time { return time.Date(2017, 6, 1, 12, 0, 0, 0, time.Local) }}
	require.Equal(t, exitOK, e.main([]string{"tasks", "--plan", fixturePlan}))
	assert.Contains(t, out.String(), "截至 2017-06-01")
	assert.Contains(t, out.String(), "逾期1天")
}

func TestTemplate(t *testing.T) {
	r := eduplan(t, "template", "--plan", fixturePlan, "--kind", "kindergarten")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Equal(t, "\uFEFF单位代码,单位名称,层级,学校类型,在园幼儿数（人）\r\n", r.stdout)

	r = eduplan(t, "template", "--plan", fixturePlan, "--kind", "小学", "--lang", "en")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "School-choice pupils (persons),Pupils (persons)")

	r = eduplan(t, "template", "--plan", fixturePlan, "--level", "district")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "适龄人口（人）")
	assert.Contains(t, r.stdout, "在园幼儿数（人）", "a district may enter its own total (else it sums its schools')")

	// Rows for the primary schools of a data file, with their parents so
	// that the template reads back as a hierarchy.
	r = eduplan(t, "template", "--plan", fixturePlan, "--kind", "primary", "--units", passData)
	require.Equal(t, exitOK, r.code, r.stderr)
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(r.stdout, "\uFEFF")), "\r\n")
	require.Len(t, lines, 1+5, r.stdout)
	assert.Equal(t, "单位代码,单位名称,层级,学校类型,上级单位,择校生数（人）,在校生数（人）", lines[0])
	assert.True(t, strings.HasPrefix(lines[4], "p1,东区小学,"), lines[4])
	ds, err := dataset.Read(strings.NewReader(r.stdout), []dataset.Field{
		{ID: "choice_pupils", Names: []string{"择校生数"}, Integral: true},
		{ID: "pupils", Names: []string{"在校生数"}, Integral: true},
	}, dataset.Options{Year: 2017})
	require.NoError(t, err, "the template reads back")
	assert.Len(t, ds.Units, 5)

	r = eduplan(t, "template", "--plan", fixturePlan, "--kind", "primary", "--units", passData, "--unit", "d2")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "p2,西区小学")
	assert.NotContains(t, r.stdout, "p1,")

	r = eduplan(t, "template", "--plan", fixturePlan, "--kind", "kindergarten", "--encoding", "gbk")
	require.Equal(t, exitOK, r.code, r.stderr)
	text, enc, err := dataset.DecodeText([]byte(r.stdout))
	require.NoError(t, err)
	assert.Equal(t, dataset.GBK, enc)
	assert.Contains(t, text, "在园幼儿数（人）")

	out := filepath.Join(t.TempDir(), "幼儿园.csv")
	r = eduplan(t, "template", "--plan", fixturePlan, "--kind", "kindergarten", "-o", out)
	require.Equal(t, exitOK, r.code, r.stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), "在园幼儿数（人）")

	for _, bad := range [][]string{
		{},
		{"--kind", "university"},
		{"--level", "province"},
		{"--level", "city", "--kind", "primary"},
		{"--level", "school"},
		{"--kind", "special"}, // the fixture asks nothing of special schools
		{"--kind", "primary", "--encoding", "latin1"},
		{"--kind", "primary", "--unit", "d1"},
	} {
		r := eduplan(t, append([]string{"template", "--plan", fixturePlan}, bad...)...)
		assert.Equal(t, exitUsage, r.code, "%v: %s", bad, r.stdout)
		assert.NotEmpty(t, r.stderr, "%v", bad)
	}
}

func TestExplain(t *testing.T) {
	r := eduplan(t, "explain", "--plan", fixturePlan, "preschool_ger")
	require.Equal(t, exitOK, r.code, r.stderr)
	for _, want := range []string{"学前三年教育毛入学率 (preschool_ger)", "公式：在园幼儿数 / 适龄人口", "目标：达99%以上（即 ≥ 99%）",
		"性质：约束性", "原文：学前三年教育毛入学率达99%以上", "出处：总体目标1", "出处：任务1 加快学前教育发展 (task-1)",
		"在园幼儿数 (kg_children)", "由下级单位加总", "适龄人口 (pop_3_5)", "不加总"} {
		assert.Contains(t, r.stdout, want)
	}
	r = eduplan(t, "explain", "--plan", fixturePlan, "choice_rate")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "适用于：市、辖市区、学校（小学、初中）")
	assert.Contains(t, r.stdout, "性质：约束性（未注明，默认约束性）")

	r = eduplan(t, "explain", "--plan", fixturePlan, "--data", passData, "--unit", "c", "学前三年教育毛入学率")
	require.Equal(t, exitOK, r.code, r.stderr)
	for _, want := range []string{"单位：样板市 (c)", "在园幼儿数 = 998（由 2 个下级单位加总）", "适龄人口 = 1000（单位填报）",
		"计算：在园幼儿数 / 适龄人口 = 998 / 1000 = 99.80%", "适用于：市、辖市区", "比较：99.80% 对照目标 ≥ 99% → 达标，差距 +0.80个百分点"} {
		assert.Contains(t, r.stdout, want)
	}

	// The data's only top unit is the default; a cross-district target
	// lists each district.
	r = eduplan(t, "explain", "--plan", fixturePlan, "--data", failData, "ger_gap", "--lang", "en")
	require.Equal(t, exitOK, r.code, r.stderr)
	for _, want := range []string{"spread(学前三年教育毛入学率) over 2 child units:", "东区", "100%", "西区", "99.5%", "= 0.50 pp (highest 东区 100% − lowest 西区 99.5%)",
		"Comparison: 0.50 pp against the target ≤ 10 pp → met, gap -9.50 pp"} {
		assert.Contains(t, r.stdout, want)
	}

	r = eduplan(t, "explain", "--plan", fixturePlan, "--data", failData, "--unit", "d2", "--format", "json", "choice_rate")
	require.Equal(t, exitOK, r.code, r.stderr)
	var doc struct {
		Unit   dataset.OrgUnit `json:"unit"`
		Result jsonResult      `json:"result"`
	}
	require.NoError(t, jsonx.Unmarshal([]byte(r.stdout), &doc))
	assert.Equal(t, "d2", doc.Unit.ID)
	assert.Equal(t, indicators.NotMet, doc.Result.Status)

	r = eduplan(t, "explain", "--plan", fixturePlan, "--data", passData, "--unit", "k1", "preschool_ger")
	require.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, "该指标不适用于这个单位")

	r = eduplan(t, "explain", "--plan", fixturePlan, "ger")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "preschool_ger", "a near miss is suggested")
	r = eduplan(t, "explain", "--plan", fixturePlan, "--unit", "c", "ger_gap")
	assert.Equal(t, exitUsage, r.code, "--unit without data")
	r = eduplan(t, "explain", "--plan", fixturePlan, "--data", passData, "--unit", "zz", "ger_gap")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "zz")
	r = eduplan(t, "explain", "--plan", fixturePlan)
	assert.Equal(t, exitUsage, r.code)
}

func TestSubstitute(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	res := indicators.Result{
		Formula: "(3-5岁在园幼儿数 + 在园幼儿数) / 3-5岁适龄人口 - x",
		Unit:    plan.Percent,
		Inputs: []indicators.Input{
			{ID: "kg35", Name: msg.Text{ZH: "3-5岁在园幼儿数"}, Unit: plan.Count, Value: f(90)},
			{ID: "kg", Name: msg.Text{ZH: "在园幼儿数"}, Unit: plan.Count, Value: f(10)},
			{ID: "pop", Name: msg.Text{ZH: "3-5岁适龄人口"}, Unit: plan.Count, Value: f(100)},
			{ID: "x", Unit: plan.Count},
		},
	}
	assert.Equal(t, "(90 + 10) / 100 - —", substitute(res))
	res = indicators.Result{
		Formula:    "max(rate) - min( rate )",
		Unit:       plan.Percent,
		Aggregates: []indicators.AggregateInput{{Func: "max", Of: "rate", Value: f(0.9)}, {Func: "min", Of: "rate", Value: f(0.8)}},
	}
	assert.Equal(t, "90% - 80%", substitute(res))
}

// bigData writes a city with n kindergartens in two districts.
func bigData(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("单位代码,单位名称,层级,学校类型,上级单位,在园幼儿数,适龄人口\nc,样板市,市,,,,100000\nd1,东区,区,,c,,50000\nd2,西区,区,,c,,50000\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "k%d,幼儿园%d,学校,幼儿园,d%d,%d,\n", i, i, 1+i%2, 40+i%7)
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	return path
}

func TestProgressOnlyOnTerminal(t *testing.T) {
	path := bigData(t, 2500)
	for _, terminal := range []bool{false, true} {
		var out, errb bytes.Buffer
		e := &env{ctx: context.Background(), stdin: strings.NewReader(""), stdout: &out, stderr: &errb, lang: "zh", now: time.Now, terminal: terminal}
		code := e.main([]string{"check", "--plan", fixturePlan, "--fail-on", "none", path})
		require.Equal(t, exitOK, code, errb.String())
		if terminal {
			assert.Contains(t, errb.String(), "计算 2503 个单位的指标")
			assert.Contains(t, errb.String(), "\r\033[K评估 ")
			assert.Contains(t, errb.String(), "2503/2503 (100%)")
			assert.Contains(t, errb.String(), "\r\033[K", "the progress line is cleared")
		} else {
			assert.Empty(t, errb.String(), "no progress when stderr is not a terminal")
		}
	}
	// A short batch draws nothing even on a terminal.
	var errb bytes.Buffer
	e := &env{ctx: context.Background(), stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errb, lang: "zh", now: time.Now, terminal: true}
	require.Equal(t, exitOK, e.main([]string{"check", "--plan", fixturePlan, passData}))
	assert.Empty(t, errb.String())
}

func TestIsTerminal(t *testing.T) {
	assert.False(t, isTerminal(&bytes.Buffer{}))
	f, err := os.CreateTemp(t.TempDir(), "x")
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, isTerminal(f), "a regular file is not a terminal")
}

// TestAssessMatchesEngine: check builds its report unit by unit (to show
// progress, and to write it as it goes); it must select exactly what
// indicators.Options.Units selects.
func TestAssessMatchesEngine(t *testing.T) {
	e := &env{lang: "zh", stderr: io.Discard, now: time.Now}
	l, code := e.loadPlan("check", fixturePlan)
	require.NotNil(t, l, code)
	f, err := os.Open(failData)
	require.NoError(t, err)
	defer f.Close()
	ds, err := dataset.Read(f, l.cat.Fields(), dataset.Options{Year: 2017})
	require.NoError(t, err)
	for _, units := range [][]string{nil, {"d2"}, {"p1", "d2"}, {"c"}} {
		s, p, code := e.assess(l, ds, indicators.Options{Units: units})
		require.NotNil(t, s, code)
		mine, err := s.Report()
		require.NoError(t, err)
		p.done()
		theirs, err := l.cat.Assess(ds, indicators.Options{Units: units})
		require.NoError(t, err)
		theirs.Plan = l.plan.ID
		theirs.DataQuality = l.cat.Quality(ds) // as eduplan.Assess adds for figures from a file
		assert.Equal(t, theirs, mine, "units %v", units)
	}
}

func TestArgsInAnyOrder(t *testing.T) {
	a := eduplan(t, "lint", fixturePlan, "--lang", "en")
	b := eduplan(t, "lint", "--lang=en", fixturePlan)
	assert.Equal(t, a, b)
	assert.Equal(t, exitOK, a.code)
	c := eduplan(t, "check", "--plan", fixturePlan, "--", passData)
	assert.Equal(t, exitOK, c.code, c.stderr)
}

func TestLangOf(t *testing.T) {
	assert.Equal(t, "zh", langOf(nil))
	assert.Equal(t, "en", langOf([]string{"check", "--lang", "en"}))
	assert.Equal(t, "en", langOf([]string{"check", "-lang=en"}))
	assert.Equal(t, "zh", langOf([]string{"check", "--lang"}))
	// The last --lang counts, as for the flag; after "--" it is a file.
	assert.Equal(t, "en", langOf([]string{"check", "--lang", "zh", "--lang=en"}))
	assert.Equal(t, "zh", langOf([]string{"check", "--", "--lang=en"}))
}

// syncBuffer lets the test read what the server goroutine writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServe serves a folder that already holds a build (the files' content
// does not matter to the server), fetches the page and stops the server.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	for _, f := range webbuild.StaticFiles() {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), []byte("<!-- "+f+" -->"), 0o644))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb syncBuffer
	e := &env{ctx: ctx, stdin: strings.NewReader(""), stdout: &out, stderr: &errb, lang: "en", now: time.Now}
	done := make(chan int, 1)
	go func() { done <- e.main([]string{"serve", "--addr", "127.0.0.1:0", "--out", dir}) }()
	var url string
	require.Eventually(t, func() bool {
		s := out.String()
		if u, ok := strings.CutPrefix(strings.TrimSpace(s), "Page: "); ok {
			url = u
			return true
		}
		return false
	}, 10*time.Second, 20*time.Millisecond, "no address printed; stderr: %s", errb.String())
	resp, err := http.Get(url)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(body), "index.html")
	cancel()
	select {
	case code := <-done:
		assert.Equal(t, exitOK, code)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop when its context ended")
	}

	r := eduplan(t, "serve", "extra")
	assert.Equal(t, exitUsage, r.code)
}

func TestServeBadAddress(t *testing.T) {
	dir := t.TempDir()
	for _, f := range webbuild.StaticFiles() {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644))
	}
	r := eduplan(t, "serve", "--addr", "256.0.0.1:99999", "--out", dir)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "--addr")
}

// TestBuildWebSingle compiles the page for real; it is slow, so -short
// skips it.
func TestBuildWebSingle(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the wasm page; run without -short")
	}
	out := filepath.Join(t.TempDir(), "eduplan.html")
	r := eduplan(t, "build-web", "--single", out)
	require.Equal(t, exitOK, r.code, r.stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), "<html")
	assert.Contains(t, r.stdout, out)
	r = eduplan(t, "build-web", "extra")
	assert.Equal(t, exitUsage, r.code)
}

// BenchmarkCheck runs check end to end on a city of 10,000 kindergartens:
// reading the CSV, assessing, writing the table.
func BenchmarkCheck(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("单位代码,单位名称,层级,学校类型,上级单位,在园幼儿数,适龄人口\nc,样板市,市,,,,500000\nd1,东区,区,,c,,250000\nd2,西区,区,,c,,250000\n")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&sb, "k%d,幼儿园%d,学校,幼儿园,d%d,%d,\n", i, i, 1+i%2, 40+i%7)
	}
	path := filepath.Join(b.TempDir(), "big.csv")
	require.NoError(b, os.WriteFile(path, []byte(sb.String()), 0o644))
	for _, format := range []string{"table", "json", "junit"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if code := run([]string{"check", "--plan", fixturePlan, "--fail-on", "none", "--format", format, path}, strings.NewReader(""), io.Discard, io.Discard); code != exitOK {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

// TestSeedTemplatesReadBack writes the template of every kind and level for
// the embedded plan, with the sample year's units, and reads each back: a
// template a school fills in must always load.
func TestSeedTemplatesReadBack(t *testing.T) {
	e := &env{lang: "zh", stderr: io.Discard, now: time.Now}
	l, code := e.loadPlan("template", "")
	require.NotNil(t, l, code)
	var args [][]string
	for _, kn := range org.KindNames() {
		args = append(args, []string{"--kind", string(kn.Kind)})
	}
	args = append(args, []string{"--level", "district"}, []string{"--level", "city"})
	written := 0
	for _, a := range args {
		for _, enc := range []string{"utf-8-bom", "gbk"} {
			r := eduplan(t, append([]string{"template", "--sample", "--encoding", enc}, a...)...)
			if r.code == exitUsage {
				assert.Contains(t, r.stderr, "没有需要", "%v: %s", a, r.stderr)
				continue
			}
			require.Equal(t, exitOK, r.code, "%v: %s", a, r.stderr)
			text := r.stdout
			if strings.Contains(r.stderr, "模板只有表头") {
				// The sample has no such school: fill in one row as a
				// user would, then read it back.
				if enc != "utf-8-bom" {
					continue
				}
				require.Equal(t, 1, strings.Count(text, "\n"), text)
				// Every cell of the row is there, the figures empty: a
				// short row is refused (a cell may have been lost).
				text += "x1,新学校,学校," + a[1] + strings.Repeat(",", strings.Count(text, ",")-3) + "\r\n"
			}
			ds, err := dataset.Read(strings.NewReader(text), l.cat.Fields(), dataset.Options{Year: 2017})
			require.NoError(t, err, "%v %s:\n%s", a, enc, text)
			assert.NotEmpty(t, ds.Units)
			written++
		}
	}
	assert.GreaterOrEqual(t, written, 12)
}

// A percent typed as a fraction is assessed as written (0.96 is 0.96%) but
// the user is told, with the cell.
func TestCheckWarnsOfAPercentWrittenAsAFraction(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "school.csv")
	// A district: the plan sets the 95% for the city and the districts (a
	// school would see it for reference only).
	require.NoError(t, os.WriteFile(data, []byte("单位代码,单位名称,层级,fitness_pass_rate\nD1,城关区,区,0.96\n"), 0o644))
	r := eduplan(t, "check", data)
	assert.Equal(t, exitFail, r.code, "0.96% is far below 95%")
	assert.Contains(t, r.stderr, "school.csv:2:4")
	assert.Contains(t, r.stderr, "若指 96.5% 请填 96.5")
}

// --unit takes a unit's name as well as its id, as people know them.
func TestCheckUnitByName(t *testing.T) {
	byID := eduplan(t, "check", "--sample", "--unit", "d-jingkou", "--format", "json")
	byName := eduplan(t, "check", "--sample", "--unit", "京口区", "--format", "json")
	assert.Equal(t, byID.code, byName.code)
	assert.Equal(t, byID.stdout, byName.stdout)
	rep, err := indicators.ReadReport(strings.NewReader(byName.stdout))
	require.NoError(t, err)
	var names []string
	for _, u := range rep.Units {
		names = append(names, u.Unit.Name)
	}
	assert.Contains(t, names, "京口区")
	assert.NotContains(t, names, "润州区")
	// The data-quality summary is of the whole file, whatever --unit says.
	require.NotNil(t, rep.DataQuality)
	assert.Len(t, rep.DataQuality.Districts, 7)
}

// A task book whose cells carry English names shows them in English, in the
// table and in the CSV; Chinese stays Chinese.
func TestTasksShowEnglishNamesOfOffices(t *testing.T) {
	src, err := os.ReadFile("testdata/plan.json")
	require.NoError(t, err)
	doc := strings.Replace(string(src), `"office": {"text": "基教处"},`,
		`"office": {"text": "基教处", "en": "Basic Education Office"},`, -1)
	require.NotEqual(t, string(src), doc)
	path := filepath.Join(t.TempDir(), "plan.json")
	require.NoError(t, os.WriteFile(path, []byte(doc), 0o644))

	en := eduplan(t, "tasks", "--plan", path, "--as-of", "2017-12-01", "--lang", "en")
	require.Equal(t, 0, en.code, en.stderr)
	assert.Contains(t, en.stdout, "Basic Education Office")
	assert.NotContains(t, en.stdout, "基教处")
	csv := eduplan(t, "tasks", "--plan", path, "--as-of", "2017-12-01", "--lang", "en", "--format", "csv")
	require.Equal(t, 0, csv.code, csv.stderr)
	assert.Contains(t, csv.stdout, "Basic Education Office")

	zh := eduplan(t, "tasks", "--plan", path, "--as-of", "2017-12-01")
	require.Equal(t, 0, zh.code, zh.stderr)
	assert.Contains(t, zh.stdout, "基教处")
	assert.NotContains(t, zh.stdout, "Basic Education Office")
}

// lint prints what is probably not meant as warnings and still passes.
func TestLintWarnings(t *testing.T) {
	b, err := os.ReadFile(fixturePlan)
	require.NoError(t, err)
	s := strings.Replace(string(b), `"target": "控制在5%以内",`, `"target": "控制在5%以内", "direction": "higher",`, 1)
	require.NotEqual(t, string(b), s)
	path := filepath.Join(t.TempDir(), "plan.json")
	require.NoError(t, os.WriteFile(path, []byte(s), 0o644))

	r := eduplan(t, "lint", path, "--lang", "en")
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "no problems")
	assert.Contains(t, r.stdout, "warning: "+path+": indicators[1].target")

	r = eduplan(t, "lint", "--format", "json", path)
	assert.Equal(t, exitOK, r.code)
	var res lintResult
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &res))
	assert.True(t, res.OK)
	require.Len(t, res.Warnings, 1)
	assert.Equal(t, "indicators[1].target", res.Warnings[0].Path)
}

// explain says which way an indicator is better and how its target was read.
func TestExplainSaysDirectionAndReading(t *testing.T) {
	r := eduplan(t, "explain", "teacher_dev_qualified_schools_created", "--lang", "en")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Direction: higher is better")
	assert.Contains(t, r.stdout, "Reading: ")
	assert.Contains(t, r.stdout, "met from 8")
	r = eduplan(t, "explain", "school_choice_share")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "方向：越低越好")
}

// A --unit that names nothing is an error, not "every unit".
func TestEmptyUnitIsAnError(t *testing.T) {
	for _, v := range []string{",", "", " ， "} {
		r := eduplan(t, "check", "--plan", fixturePlan, "--unit", v, passData)
		assert.Equal(t, exitUsage, r.code, "--unit %q", v)
		assert.Contains(t, r.stderr, "中没有名称：请给出单位的编号或名称", "--unit %q", v)
		assert.NotContains(t, r.stderr, "names nothing", "one language only")
		assert.Empty(t, r.stdout)
	}
	r := eduplan(t, "check", "--plan", fixturePlan, "--lang", "en", "--unit", ",", passData)
	assert.Contains(t, r.stderr, "bad value for -unit: \",\" names nothing")
}

// A data file is read up to a bound (--max-bytes, 1 GB by default); a file
// that is not text fails from its first bytes, with a fix about the file,
// not about cells.
func TestDataFileBounds(t *testing.T) {
	r := eduplan(t, "check", "--plan", fixturePlan, "--max-bytes", "100", "--lang", "en", passData)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "larger than 100 bytes and was not read: if it is a data file, raise the limit with --max-bytes")
	assert.NotContains(t, r.stderr, "correct the cells", "no cell to correct")

	r = eduplan(t, "check", "--plan", fixturePlan, "--max-bytes", "1MB", passData)
	assert.Equal(t, exitOK, r.code, r.stderr)

	r = eduplan(t, "check", "--plan", fixturePlan, "--max-bytes", "lots", passData)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "\"lots\" 不是大小")

	if _, err := os.Stat("/dev/zero"); err == nil {
		r = eduplan(t, "check", "--plan", fixturePlan, "/dev/zero")
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "不是文本文件")
		assert.Contains(t, r.stderr, "CSV 或 JSON 数据文件")
	}
}

// TestCheckParentFigures: a city whose own 在园幼儿数 (1250) differs from
// its kindergartens' sum (998) is said in every format, with the figure
// used; --parent-figures sum uses the sum.
func TestCheckParentFigures(t *testing.T) {
	const data = "testdata/mismatch.csv"
	r := eduplan(t, "check", "--plan", fixturePlan, data)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "上下级数据不一致（1 处）")
	assert.Contains(t, r.stdout, "在园幼儿数按本单位填报 1250 计算（下属单位合计 998，相差 252）")
	assert.Contains(t, r.stdout, "125.00%")

	r = eduplan(t, "check", "--plan", fixturePlan, "--parent-figures", "sum", data)
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "在园幼儿数按下属单位合计 998 计算（本单位填报 1250，相差 252）")
	assert.Contains(t, r.stdout, "99.80%")
	assert.Contains(t, r.stdout, "下属单位合计\n")

	r = eduplan(t, "check", "--plan", fixturePlan, "--parent-figures", "sum", "--format", "json", data)
	var doc struct {
		Hierarchy []struct {
			Unit        struct{ ID string }
			Metric      string
			Own         float64
			ChildrenSum float64 `json:"children_sum"`
			Difference  float64
			Used        string
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc), r.stdout)
	assert.Contains(t, r.stderr, "上级单位填报的数据与下属单位合计不一致 1 处（采用下属单位合计），见报告")
	require.Len(t, doc.Hierarchy, 1)
	h := doc.Hierarchy[0]
	assert.Equal(t, "c", h.Unit.ID)
	assert.Equal(t, "kg_children", h.Metric)
	assert.Equal(t, []float64{1250, 998, 252}, []float64{h.Own, h.ChildrenSum, h.Difference})
	assert.Equal(t, "sum", h.Used)

	r = eduplan(t, "check", "--plan", fixturePlan, "--format", "junit", "--fail-on", "any", data)
	assert.Contains(t, r.stdout, `<property name="figure_mismatch" value="样板市(c) 在园幼儿数：本单位填报 1250，下属单位合计 998（2 个下属单位），相差 +252；采用本单位填报">`)

	r = eduplan(t, "check", "--plan", fixturePlan, "--format", "markdown", "--lang", "en", data)
	assert.Contains(t, r.stdout, "## Parent figures that differ from the sum of their units (1)")

	r = eduplan(t, "check", "--plan", fixturePlan, "--parent-figures", "mean", data)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, `"mean"`)
}

// TestExplainParentFigures: explain says which figure a parent's result
// used where its own and its units' sum differ.
func TestExplainParentFigures(t *testing.T) {
	r := eduplan(t, "explain", "preschool_ger", "--plan", fixturePlan, "--data", "testdata/mismatch.csv", "--unit", "c")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "在园幼儿数 = 1250（单位填报）")
	assert.Contains(t, r.stdout, "上下级数据：在园幼儿数按本单位填报 1250 计算（下属单位合计 998，相差 252）")
	r = eduplan(t, "explain", "preschool_ger", "--plan", fixturePlan, "--data", "testdata/mismatch.csv", "--unit", "c", "--parent-figures", "sum", "--lang", "en")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Parent figures: Children enrolled: the sum of the units below, 998, was used")
	r = eduplan(t, "explain", "preschool_ger", "--plan", fixturePlan, "--parent-figures", "x")
	assert.Equal(t, exitUsage, r.code)
}
