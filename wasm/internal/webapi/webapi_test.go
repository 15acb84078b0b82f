package webapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/seeds"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// answer is any answer decoded loosely.
type answer map[string]any

func call(t *testing.T, s *Session, name string, arg any) answer {
	t.Helper()
	var a string
	switch v := arg.(type) {
	case string:
		a = v
	case nil:
	default:
		b, err := json.Marshal(v)
		require.NoError(t, err)
		a = string(b)
	}
	out := s.Call(name, a)
	var ans answer
	require.NoError(t, json.Unmarshal([]byte(out), &ans), "answer of %s is JSON: %s", name, out)
	return ans
}

func mustOK(t *testing.T, s *Session, name string, arg any) answer {
	t.Helper()
	ans := call(t, s, name, arg)
	require.Equal(t, true, ans["ok"], "%s failed: %v", name, ans)
	return ans
}

// decodeInto re-decodes an answer into a typed value.
func decodeInto(t *testing.T, a answer, v any) {
	t.Helper()
	b, err := json.Marshal(a)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, v))
}

func seedSession(t *testing.T) *Session {
	s := New()
	mustOK(t, s, "loadDefault", nil)
	return s
}

func fixtureText(t *testing.T) string {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "plan.json"))
	require.NoError(t, err)
	return string(b)
}

func fixtureSession(t *testing.T) *Session {
	s := New()
	mustOK(t, s, "loadPlan", fixtureText(t))
	return s
}

type typedAssess struct {
	FieldErrors   map[string]msg.Text `json:"fieldErrors"`
	FieldWarnings map[string]msg.Text `json:"fieldWarnings"`
	Report        struct {
		Summary struct {
			Binding, Aspirational map[string]int
		} `json:"summary"`
		Results []struct {
			Indicator string   `json:"indicator"`
			Status    string   `json:"status"`
			Value     *float64 `json:"value"`
			Text      struct {
				Value Text `json:"value"`
				Gap   Text `json:"gap"`
			} `json:"text"`
		} `json:"results"`
	} `json:"report"`
}

func assessOf(t *testing.T, s *Session, req map[string]any) typedAssess {
	t.Helper()
	var ta typedAssess
	decodeInto(t, mustOK(t, s, "assess", req), &ta)
	return ta
}

func resultOf(t *testing.T, ta typedAssess, id string) (status, value string, gap *Text) {
	t.Helper()
	for _, r := range ta.Report.Results {
		if r.Indicator == id {
			if r.Text.Gap.IsZero() {
				return r.Status, r.Text.Value.ZH, nil
			}
			return r.Status, r.Text.Value.ZH, &r.Text.Gap
		}
	}
	t.Fatalf("no result for %s", id)
	return
}

// Every function the page calls exists, and every function exists for the
// page or the tests.
func TestNamesMatchPage(t *testing.T) {
	js, err := os.ReadFile(filepath.Join("..", "..", "static", "app.js"))
	require.NoError(t, err)
	called := map[string]bool{}
	for _, m := range regexp.MustCompile(`call\('([A-Za-z]+)'`).FindAllStringSubmatch(string(js), -1) {
		called[m[1]] = true
	}
	require.NotEmpty(t, called)
	names := map[string]bool{}
	for _, n := range Names() {
		names[n] = true
	}
	for n := range called {
		assert.True(t, names[n], "app.js calls eduplan.%s, which Go does not have", n)
	}
	for n := range names {
		assert.True(t, called[n] || n == "plan", "Go has %s, which the page never calls", n)
	}
	assert.True(t, sort.StringsAreSorted(Names()))
}

func TestCallUnknownAndBadRequest(t *testing.T) {
	s := New()
	a := call(t, s, "nope", nil)
	assert.Equal(t, false, a["ok"])
	assert.Equal(t, map[string]any{"zh": `没有函数 "nope"`, "en": `no function "nope"`}, a["errors"].([]any)[0].(map[string]any)["message"])

	a = call(t, s, "form", `{"level":"school"}`)
	assert.Equal(t, false, a["ok"])
	assert.Equal(t, map[string]any{"zh": "尚未载入计划", "en": "no plan is loaded"}, a["errors"].([]any)[0].(map[string]any)["message"])

	s = seedSession(t)
	a = call(t, s, "form", `{"level":`)
	assert.Equal(t, false, a["ok"])
	m := a["errors"].([]any)[0].(map[string]any)["message"].(map[string]any)
	assert.Contains(t, m["en"], "the request is not valid JSON: ")
	assert.Contains(t, m["zh"], "请求不是有效的 JSON：")
}

func TestPanicBecomesAnswer(t *testing.T) {
	out := PanicAnswer("assess", "boom")
	var a answer
	require.NoError(t, json.Unmarshal([]byte(out), &a))
	assert.Equal(t, false, a["ok"])
	assert.Contains(t, out, "internal error in assess: boom")

	// A handler that panics is recovered by Call.
	handlers["zzPanic"] = func(*Session, string) (any, error) { panic("kaboom") }
	defer delete(handlers, "zzPanic")
	out = New().Call("zzPanic", "")
	assert.Contains(t, out, `"ok":false`)
	assert.Contains(t, out, "kaboom")
}

func TestLoadDefault(t *testing.T) {
	s := New()
	a := mustOK(t, s, "loadDefault", nil)
	var v struct {
		Plan planView `json:"plan"`
	}
	decodeInto(t, a, &v)
	assert.Equal(t, "zhenjiang-2017", v.Plan.ID)
	assert.Equal(t, "镇江市教育局2017年工作要点", v.Plan.Title.ZH)
	// The page names statuses with the library's words, not its own.
	require.Len(t, v.Plan.Statuses, len(indicators.Statuses()))
	for _, st := range indicators.Statuses() {
		assert.Equal(t, st.Name(), v.Plan.Statuses[st], st)
	}
	assert.True(t, v.Plan.HasTaskBook)
	var keys []string
	for _, u := range v.Plan.UnitTypes {
		keys = append(keys, u.Key)
		assert.Positive(t, u.Indicators+u.Fields, u.Key)
	}
	assert.Contains(t, keys, "school/primary")
	assert.Contains(t, keys, "school/kindergarten", "a kindergarten reports figures its district's rates use")
	assert.Contains(t, keys, "district/")
	assert.Contains(t, keys, "city/")
	for _, ind := range v.Plan.Indicators {
		assert.NotEmpty(t, ind.TargetText.ZH, ind.ID)
		assert.NotEmpty(t, ind.FormulaText.ZH, ind.ID)
	}
}

// The plan view carries the library's texts: a formula in each language's
// names (Catalog.FormulaText), a scope's name (Scope.Name).
func TestPlanViewTexts(t *testing.T) {
	s := seedSession(t)
	var v struct {
		Plan planView `json:"plan"`
	}
	decodeInto(t, mustOK(t, s, "plan", nil), &v)
	require.NotEmpty(t, v.Plan.Indicators)
	for _, ind := range v.Plan.Indicators {
		assert.Equal(t, s.cat.FormulaText(ind.Formula), ind.FormulaText, ind.ID)
		assert.Equal(t, ind.AppliesTo.Name(), ind.AppliesText, ind.ID)
	}
	var rate *indicatorView
	for i := range v.Plan.Indicators {
		if v.Plan.Indicators[i].ID == "preschool_gross_enrolment_rate" {
			rate = &v.Plan.Indicators[i]
		}
	}
	require.NotNil(t, rate)
	assert.NotContains(t, rate.FormulaText.ZH, "_", "ids are written as names")
}

func TestLoadPlanProblemsKeepPlan(t *testing.T) {
	s := seedSession(t)
	tests := []struct {
		name, text, want string
	}{
		{"syntax", `{"format": `, "1:"},
		{"not a plan", `{"format":"eduplan.plan/v1"}`, "id"},
		{"empty", ``, ""},
	}
	for _, tt := range tests {
		a := call(t, s, "loadPlan", tt.text)
		assert.Equal(t, false, a["ok"], tt.name)
		errs, _ := a["errors"].([]any)
		require.NotEmpty(t, errs, tt.name)
		if tt.want != "" {
			joined, _ := json.Marshal(errs)
			assert.Contains(t, string(joined), tt.want, tt.name)
		}
		// The seed is still the plan in use.
		p := mustOK(t, s, "plan", nil)
		assert.Equal(t, "zhenjiang-2017", p["plan"].(map[string]any)["id"], tt.name)
	}
}

// The form answer is Catalog.Form as JSON (the grouping itself is tested
// in package indicators).
func TestFormIsTheLibrarysForm(t *testing.T) {
	s := seedSession(t)
	for _, unit := range []map[string]string{{"level": "school", "kind": "kindergarten"}, {"level": "school", "kind": "primary"}, {"level": "district"}, {"level": "city"}} {
		var f formAnswer
		decodeInto(t, mustOK(t, s, "form", unit), &f)
		want := s.cat.Form(s.plan, levelOf(unit["level"]), kindOf(unit["kind"]))
		assert.Equal(t, want.Indicators, f.Indicators)
		require.Len(t, f.Groups, len(want.Groups), "%v", unit)
		for i, g := range want.Groups {
			got := f.Groups[i]
			assert.Equal(t, g.Place, got.Place)
			assert.Equal(t, indicatorRefs(g.Indicators), got.Indicators)
			assert.Equal(t, indicatorRefs(g.Feeds), got.Feeds)
			require.Len(t, got.Metrics, len(g.Metrics))
			for k, m := range g.Metrics {
				assert.Equal(t, viewMetric(m), got.Metrics[k])
			}
			require.Len(t, got.Shared, len(g.Shared))
			for k, m := range g.Shared {
				assert.Equal(t, m.ID, got.Shared[k].ID)
			}
		}
	}
	// A primary school: the choice share is task 4, fitness task 23, in that order.
	var f formAnswer
	decodeInto(t, mustOK(t, s, "form", map[string]string{"level": "school", "kind": "primary"}), &f)
	require.GreaterOrEqual(t, len(f.Groups), 2)
	assert.Equal(t, "task-4", f.Groups[0].Place.ID)
	assert.Equal(t, "school_choice_pupils", f.Groups[0].Metrics[0].ID)
}

func TestAssessStatusChanges(t *testing.T) {
	s := seedSession(t)
	tests := []struct {
		name         string
		choice       string
		status, text string
		gap          string
		fieldError   string
	}{
		{"over 5%", "10", "not_met", "10.00%", "+5.00个百分点（差于目标）", ""},
		{"under 5%", "4", "met", "4.00%", "-1.00个百分点（优于目标）", ""},
		{"exactly 5%", "5", "met", "5.00%", "0.00个百分点", ""},
		{"thousands and full width", "１,０", "no_data", "", "", "千位分隔符"},
		{"empty is missing, not zero", "", "no_data", "", "", ""},
		{"dash is missing", "—", "no_data", "", "", ""},
		{"words are rejected", "无", "no_data", "", "", "可能表示 0"},
		{"yearbook dashes are missing", "－－", "no_data", "", "", ""},
		{"an ellipsis is missing", "…", "no_data", "", "", ""},
		{"negative", "-3", "no_data", "", "", "不能为负数"},
		{"fraction of a count", "3.5", "no_data", "", "", "应为整数"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta := assessOf(t, s, map[string]any{"level": "school", "kind": "primary", "name": "实验小学",
				"figures": map[string]string{"school_choice_pupils": tt.choice, "compulsory_new_entrants": "100"}})
			if tt.fieldError != "" {
				assert.Contains(t, ta.FieldErrors["school_choice_pupils"].ZH, tt.fieldError)
			} else {
				assert.Empty(t, ta.FieldErrors)
			}
			// A figure refused or left empty is no figure: the share has no
			// value and no gap, never one computed from a guess.
			st, val, gap := resultOf(t, ta, "school_choice_share")
			assert.Equal(t, tt.status, st)
			assert.Equal(t, tt.text, val)
			if tt.gap == "" {
				assert.Nil(t, gap)
				return
			}
			require.NotNil(t, gap)
			assert.Equal(t, tt.gap, gap.ZH)
		})
	}
}

func TestAssessZeroDenominator(t *testing.T) {
	s := seedSession(t)
	ta := assessOf(t, s, map[string]any{"level": "school", "kind": "primary",
		"figures": map[string]string{"school_choice_pupils": "0", "compulsory_new_entrants": "0"}})
	st, _, _ := resultOf(t, ta, "school_choice_share")
	assert.Equal(t, "not_computable", st)
}

func TestAssessBadFieldKeepsOthers(t *testing.T) {
	s := seedSession(t)
	ta := assessOf(t, s, map[string]any{"level": "school", "kind": "primary", "figures": map[string]string{
		"school_choice_pupils": "abc", "compulsory_new_entrants": "100",
		"fitness_tested_students": "200", "fitness_pass_students": "199", "fitness_excellent_students": "10"}})
	assert.Contains(t, ta.FieldErrors["school_choice_pupils"].EN, "not a number")
	st, val, _ := resultOf(t, ta, "fitness_pass_rate")
	assert.Equal(t, "met", st)
	assert.Equal(t, "99.50%", val)
	st, _, _ = resultOf(t, ta, "school_choice_share")
	assert.Equal(t, "no_data", st)
}

func TestPercentTypedInPercent(t *testing.T) {
	s := fixtureSession(t)
	for _, typed := range []string{"96.5", "96.5%", "９６.５％"} {
		ta := assessOf(t, s, map[string]any{"level": "school", "kind": "kindergarten",
			"figures": map[string]string{"certified_teacher_share": typed}})
		assert.Empty(t, ta.FieldErrors, typed)
		st, val, gap := resultOf(t, ta, "certified_share")
		assert.Equal(t, "met", st, typed)
		assert.Equal(t, "96.50%", val, typed)
		assert.Equal(t, "+1.50 pp (better than target)", gap.EN, typed)
	}
	ta := assessOf(t, s, map[string]any{"level": "school", "kind": "kindergarten",
		"figures": map[string]string{"certified_teacher_share": "0.965"}})
	st, val, _ := resultOf(t, ta, "certified_share")
	assert.Equal(t, "not_met", st, "0.965 typed in a percent field is 0.965%")
	assert.Equal(t, "0.97%", val)
	assert.Contains(t, ta.FieldWarnings["certified_teacher_share"].ZH, "若指 96.5% 请填 96.5", "but the user is told")
	assert.Empty(t, ta.FieldErrors)
}

// A value just under its bound is shown with the decimals that keep it
// from reading as the bound itself.
func TestValueShownAgreesWithStatus(t *testing.T) {
	s := seedSession(t)
	ta := assessOf(t, s, map[string]any{"level": "school", "kind": "primary", "figures": map[string]string{
		"fitness_tested_students": "100000", "fitness_pass_students": "94996", "fitness_excellent_students": "10000"}})
	st, val, gap := resultOf(t, ta, "fitness_pass_rate")
	assert.Equal(t, "not_met", st)
	assert.Equal(t, "94.996%", val)
	require.NotNil(t, gap)
	assert.Equal(t, "-0.004个百分点（差于目标）", gap.ZH)
}

func TestImportSingleUnitAndRoundTrip(t *testing.T) {
	s := fixtureSession(t)
	req := map[string]any{"level": "school", "kind": "kindergarten", "name": "城东幼儿园", "lang": "zh",
		"figures": map[string]string{"certified_teacher_share": "96.5", "enrolled": "1,234"}, "identity": map[string]string{"id": "k9"}}
	before := assessOf(t, s, req)

	var dl download
	decodeInto(t, mustOK(t, s, "exportFigures", req), &dl)
	assert.True(t, strings.HasPrefix(dl.Text, "\ufeff"), "Excel needs the BOM")
	assert.Equal(t, "填报数据-城东幼儿园.csv", dl.Filename)
	assert.Contains(t, dl.Text, "96.5")

	var imp importAnswer
	decodeInto(t, mustOK(t, s, "importData", map[string]string{"name": dl.Filename, "text": strings.TrimPrefix(dl.Text, "\ufeff")}), &imp)
	require.True(t, imp.Single)
	assert.Equal(t, "城东幼儿园", imp.Unit.Name)
	assert.Equal(t, "kindergarten", string(imp.Unit.Kind))
	assert.Equal(t, map[string]string{"certified_teacher_share": "96.5", "enrolled": "1234"}, imp.Figures)

	req["figures"] = imp.Figures
	after := assessOf(t, s, req)
	assert.Equal(t, before.Report, after.Report)
	assert.Empty(t, imp.Warnings)

	// The same file with the percent written as a fraction is read as
	// written, and the cell is reported back as a warning.
	slip := strings.Replace(strings.TrimPrefix(dl.Text, "\ufeff"), "96.5", "0.965", 1)
	imp = importAnswer{}
	decodeInto(t, mustOK(t, s, "importData", map[string]string{"name": "slip.csv", "text": slip}), &imp)
	require.Len(t, imp.Warnings, 1)
	assert.Equal(t, "0.965", imp.Warnings[0].Text)
	assert.Equal(t, "slip.csv", imp.Warnings[0].File)
}

func TestImportErrorsListEveryCell(t *testing.T) {
	s := fixtureSession(t)
	csv := "单位代码,单位名称,学校类型,在园幼儿数,持证教师比例\n1,甲园,幼儿园,abc,96\n2,乙园,幼儿园,300,无\n"
	a := call(t, s, "importData", map[string]string{"name": "k.csv", "text": csv})
	assert.Equal(t, false, a["ok"])
	var es struct {
		DataErrors []dataError `json:"dataErrors"`
	}
	decodeInto(t, a, &es)
	require.Len(t, es.DataErrors, 2)
	assert.Equal(t, dataError{File: "k.csv", Row: 2, Column: 4, Header: "在园幼儿数", Text: "abc", Reason: es.DataErrors[0].Reason, Code: "not_a_number"}, es.DataErrors[0])
	assert.Equal(t, msg.T("不是数字", "not a number"), es.DataErrors[0].Reason)
	assert.Equal(t, 3, es.DataErrors[1].Row)
	assert.Equal(t, 5, es.DataErrors[1].Column)
}

type typedFile struct {
	Units   int `json:"units"`
	Columns []struct {
		ID string `json:"id"`
	} `json:"columns"`
	Schools []struct {
		Unit  struct{ ID, Name string } `json:"unit"`
		Cells []*struct {
			Status    string `json:"status"`
			ValueText Text   `json:"valueText"`
		} `json:"cells"`
	} `json:"schools"`
	Parents []struct {
		Unit    struct{ ID, Level string } `json:"unit"`
		Results []struct {
			Indicator, Status string
		} `json:"results"`
	} `json:"parents"`
	Checks []struct {
		Unit   struct{ ID string } `json:"unit"`
		Result struct {
			Indicator  string `json:"indicator"`
			Status     string `json:"status"`
			Aggregates []struct {
				Children []struct{ Unit, ValueText string } `json:"children"`
			} `json:"aggregates"`
		} `json:"result"`
	} `json:"checks"`
}

func TestDistrictFile(t *testing.T) {
	s := seedSession(t)
	var imp importAnswer
	decodeInto(t, mustOK(t, s, "importData", map[string]string{"name": "sample2017.json", "text": string(seeds.SampleData())}), &imp)
	assert.False(t, imp.Single)
	assert.Equal(t, 112, imp.Units)

	var f typedFile
	decodeInto(t, mustOK(t, s, "assessFile", nil), &f)
	assert.Equal(t, 112, f.Units)
	assert.Len(t, f.Parents, 8, "the city and seven districts")
	assert.Len(t, f.Schools, 104)
	assert.NotEmpty(t, f.Columns)
	for _, row := range f.Schools {
		assert.Len(t, row.Cells, len(f.Columns))
	}
	var gap bool
	for _, c := range f.Checks {
		if c.Result.Indicator == "quality_preschool_district_gap" {
			gap = true
			assert.Equal(t, "zhenjiang", c.Unit.ID)
			require.Len(t, c.Result.Aggregates, 1)
			assert.Len(t, c.Result.Aggregates[0].Children, 7, "one value per district")
			assert.Equal(t, "not_met", c.Result.Status)
		}
	}
	assert.True(t, gap, "the district gap is a cross-unit check")
}

func TestReportExportReimport(t *testing.T) {
	s := seedSession(t)
	req := map[string]any{"level": "school", "kind": "junior", "name": "实验初中", "lang": "en", "format": "json",
		"figures": map[string]string{"school_choice_pupils": "12", "compulsory_new_entrants": "300",
			"junior_graduates": "280", "junior_graduates_progressing": "279", "fitness_tested_students": "900"}}
	before := assessOf(t, s, req)

	var js download
	decodeInto(t, mustOK(t, s, "exportReport", req), &js)
	assert.Equal(t, "report-实验初中.json", js.Filename)
	var imp importAnswer
	decodeInto(t, mustOK(t, s, "importData", map[string]string{"name": js.Filename, "text": js.Text}), &imp)
	assert.Equal(t, "report", imp.Kind)
	require.True(t, imp.Single)
	assert.Equal(t, "junior", string(imp.Unit.Kind))
	assert.Equal(t, req["figures"], imp.Figures)
	req["figures"] = imp.Figures
	assert.Equal(t, before.Report, assessOf(t, s, req).Report, "a re-imported report gives the same assessment")

	var csvDL download
	req["format"], req["lang"] = "csv", "zh"
	decodeInto(t, mustOK(t, s, "exportReport", req), &csvDL)
	assert.True(t, strings.HasPrefix(csvDL.Text, "\ufeff单位编号,单位名称,"))
	assert.Contains(t, csvDL.Text, "\r\n")
	assert.Contains(t, csvDL.Text, "实验初中,学校,初中")
	assert.Contains(t, csvDL.Text, "义务教育择校生比例,约束性,达标,4.00%,≤ 5%,-1.00,个百分点")
}

func TestDistrictReportExport(t *testing.T) {
	s := seedSession(t)
	mustOK(t, s, "importData", map[string]string{"name": "sample2017.json", "text": string(seeds.SampleData())})
	var js download
	decodeInto(t, mustOK(t, s, "exportReport", map[string]string{"source": "file", "format": "json", "lang": "zh"}), &js)
	assert.Equal(t, "自评报告-sample2017.json", js.Filename)
	var rep struct {
		Plan  string
		Year  int
		Units []any
	}
	require.NoError(t, json.Unmarshal([]byte(js.Text), &rep))
	assert.Equal(t, "zhenjiang-2017", rep.Plan)
	assert.Len(t, rep.Units, 112)
	// Such a report does not hold every figure: it is refused, not half read.
	a := call(t, s, "importData", map[string]string{"name": js.Filename, "text": js.Text})
	assert.Equal(t, false, a["ok"])
	b, _ := json.Marshal(a)
	assert.Contains(t, string(b), "import the data file instead")
}

func TestPointsText(t *testing.T) {
	// A gap between districts is shown in points, on the page and in CSV.
	s := seedSession(t)
	mustOK(t, s, "importData", map[string]string{"name": "sample2017.json", "text": string(seeds.SampleData())})
	var f struct {
		Checks []struct {
			Result struct {
				Indicator string
				Text      struct {
					Value Text `json:"value"`
				} `json:"text"`
			} `json:"result"`
		} `json:"checks"`
	}
	decodeInto(t, mustOK(t, s, "assessFile", nil), &f)
	require.NotEmpty(t, f.Checks)
	assert.Regexp(t, `^\d+(\.\d+)? pp$`, f.Checks[0].Result.Text.Value.EN)
	var dl download
	decodeInto(t, mustOK(t, s, "exportReport", map[string]string{"source": "file", "format": "csv", "lang": "zh"}), &dl)
	assert.Regexp(t, `辖市区之间优质普惠学前教育资源差距,约束性,未达标,\d+(\.\d+)?个百分点,≤ 10个百分点`, dl.Text)
}

func TestReportFromAnotherPlanRefused(t *testing.T) {
	s := seedSession(t)
	rep := `{"plan":"other-2019","year":2019,"units":[{"unit":{"id":"a","name":"A","level":"city"},"results":[]}]}`
	a := call(t, s, "importData", map[string]string{"name": "r.json", "text": rep})
	assert.Equal(t, false, a["ok"])
	b, _ := json.Marshal(a)
	assert.Contains(t, string(b), "other-2019")
}

// The page's template is the unit's prefilled file, as template --split
// writes it: the rows above the unit, the unit's code, name, kind and
// parent, the year and the plan's id, the headers with their units; it
// reads back as the unit, and it needs the unit's code as a return does.
func TestTemplateReadsBack(t *testing.T) {
	s := seedSession(t)
	chain := []dataset.OrgUnit{{ID: "zhenjiang", Name: "镇江市", Level: org.City},
		{ID: "d-dantu", Name: "丹徒区", Level: org.District, Parent: "zhenjiang"}}
	for _, tc := range []struct {
		name     string
		level    org.Level
		kind     org.Kind
		who      map[string]any
		err      string
		units    []dataset.OrgUnit // the rows, as template --split writes them
		filename string
	}{
		{name: "no code", level: org.School, kind: org.JuniorSecond, who: map[string]any{}, err: "请先填写本单位代码"},
		{name: "a parent typed", level: org.School, kind: org.JuniorSecond,
			who:      map[string]any{"id": "j1", "parent": "d-dantu", "parentName": "丹徒区"},
			units:    []dataset.OrgUnit{{ID: "d-dantu", Name: "丹徒区", Level: org.District}, {ID: "j1", Name: "丹徒初中", Level: org.School, Kind: org.JuniorSecond, Parent: "d-dantu"}},
			filename: "填报模板-初中.csv"},
		{name: "the rows of a prefilled file", level: org.School, kind: org.JuniorSecond,
			who:      map[string]any{"id": "j1", "parent": "d-dantu", "ancestors": chain},
			units:    append(append([]dataset.OrgUnit(nil), chain...), dataset.OrgUnit{ID: "j1", Name: "丹徒初中", Level: org.School, Kind: org.JuniorSecond, Parent: "d-dantu"}),
			filename: "填报模板-初中.csv"},
		{name: "no parent: the column is there to fill in", level: org.District,
			who:      map[string]any{"id": "d-dantu"},
			units:    []dataset.OrgUnit{{ID: "d-dantu", Name: "丹徒初中", Level: org.District}},
			filename: "填报模板-辖市区.csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := call(t, s, "template", map[string]any{"level": tc.level, "kind": tc.kind, "name": "丹徒初中", "lang": "zh", "identity": tc.who})
			if tc.err != "" {
				require.Equal(t, false, a["ok"])
				assert.Contains(t, strings.Join(errorTexts(t, a), "\n"), tc.err)
				return
			}
			require.Equal(t, true, a["ok"], a)
			var dl download
			decodeInto(t, a, &dl)
			assert.Equal(t, tc.filename, dl.Filename)
			metrics := s.cat.FormMetrics(tc.level, tc.kind)
			byID := map[string]plan.Metric{}
			for _, m := range metrics {
				byID[m.ID] = m
			}
			var want bytes.Buffer
			require.NoError(t, dataset.StampedTemplate(&want, tc.units, s.fieldsOf(metrics), func(f dataset.Field) string { return byID[f.ID].Header("zh") },
				dataset.UTF8BOM, "zh", dataset.Stamp{Year: 2017, Plan: "zhenjiang-2017"}))
			assert.Equal(t, want.String(), dl.Text)
			header := strings.SplitN(strings.TrimPrefix(dl.Text, "\ufeff"), "\r\n", 2)[0]
			for _, col := range []string{"上级单位", "年度", "计划编号"} {
				assert.Contains(t, header, col)
			}
			var imp importAnswer
			decodeInto(t, mustOK(t, s, "importData", map[string]string{"name": dl.Filename, "text": strings.TrimPrefix(dl.Text, "\ufeff")}), &imp)
			require.True(t, imp.Single)
			assert.Equal(t, tc.units[len(tc.units)-1], *imp.Unit)
			assert.Empty(t, imp.Figures)
		})
	}
	var dl download
	decodeInto(t, mustOK(t, s, "template", map[string]any{"level": "school", "kind": "junior", "lang": "zh", "identity": map[string]any{"id": "j1"}}), &dl)
	assert.Contains(t, dl.Text, "择校生数（人）", "headers carry their units, as eduplan template writes them")
}

func TestTryRule(t *testing.T) {
	s := seedSession(t)
	figs := map[string]string{"school_choice_pupils": "3", "compulsory_new_entrants": "100"}
	a := mustOK(t, s, "tryRule", map[string]any{"level": "school", "kind": "primary", "figures": figs,
		"src": "择校生数 / 义务教育招生数 控制在5%以内"})
	var r struct {
		Result struct {
			Status     string
			StatusText Text
			ValueText  Text
			TargetText *Text
			Inputs     []any
		}
	}
	decodeInto(t, a, &r)
	assert.Equal(t, "met", r.Result.Status)
	assert.Equal(t, "达标", r.Result.StatusText.ZH)
	assert.Equal(t, "3.00%", r.Result.ValueText.ZH)
	assert.Equal(t, "≤ 5%", r.Result.TargetText.ZH)
	assert.Len(t, r.Result.Inputs, 2)

	// Without a target: no verdict, and the value in the unit of the
	// plan's indicator with this formula (择校生比例, a percent).
	r.Result.TargetText = nil
	a = mustOK(t, s, "tryRule", map[string]any{"level": "school", "kind": "primary", "figures": figs, "src": "择校生数 / 义务教育招生数"})
	decodeInto(t, a, &r)
	assert.Equal(t, "no_target", r.Result.Status)
	assert.Equal(t, msg.T("无目标", "no target"), r.Result.StatusText)
	assert.Equal(t, "3.00%", r.Result.ValueText.ZH)
	assert.Nil(t, r.Result.TargetText)
	// A unit nothing tells: six significant digits.
	a = mustOK(t, s, "tryRule", map[string]any{"level": "school", "kind": "primary", "figures": figs, "src": "义务教育招生数 / 择校生数"})
	decodeInto(t, a, &r)
	assert.Equal(t, "no_target", r.Result.Status)
	assert.Equal(t, "33.3333", r.Result.ValueText.ZH)

	bad := call(t, s, "tryRule", map[string]any{"level": "school", "kind": "primary", "figures": figs,
		"src": "择校生数 /\n 不存在的数 >= 5%"})
	assert.Equal(t, false, bad["ok"])
	var re struct {
		RuleError ruleError `json:"ruleError"`
	}
	decodeInto(t, bad, &re)
	assert.Equal(t, 2, re.RuleError.Line)
	assert.Equal(t, 2, re.RuleError.Column)
	assert.Equal(t, 5, re.RuleError.Length)
	assert.Equal(t, msg.T("未知的指标或数据项 “不存在的数”", `unknown metric or indicator "不存在的数"`), re.RuleError.Message)
}

// The try-box's cases: a target alone is read and explained, even with
// a form whose figures do not read; errors name the real cause at its
// column.
func TestTryRuleTargetsAndCauses(t *testing.T) {
	s := seedSession(t)
	figs := map[string]string{"school_choice_pupils": "abc"}
	try := func(src string) map[string]any {
		return call(t, s, "tryRule", map[string]any{"level": "school", "kind": "primary", "figures": figs, "src": src})
	}
	for _, tc := range []struct{ src, target, reading string }{
		{"≥99%", "≥ 99%", "≥ 99%"},
		{"达99%以上", "≥ 99%", "≥ 99%，由“达…以上”读出"},
		{"不超过5个百分点", "≤ 5个百分点", "≤ 5个百分点，由“不超过…个百分点”读出"},
		{"控制在5%以内", "≤ 5%", "≤ 5%，由“控制在…以内”读出"},
	} {
		var r struct {
			Result struct {
				Status      string
				StatusText  Text
				ValueText   Text
				TargetText  *Text
				ReadingText *Text
				TargetAlone bool
			}
		}
		a := try(tc.src)
		require.Equal(t, true, a["ok"], "%s: %v", tc.src, a)
		decodeInto(t, a, &r)
		assert.True(t, r.Result.TargetAlone, tc.src)
		assert.Equal(t, "仅目标", r.Result.StatusText.ZH, tc.src)
		require.NotNil(t, r.Result.TargetText, tc.src)
		assert.Equal(t, tc.target, r.Result.TargetText.ZH, tc.src)
		require.NotNil(t, r.Result.ReadingText, tc.src)
		assert.Equal(t, tc.reading, r.Result.ReadingText.ZH, tc.src)
		assert.True(t, r.Result.ValueText.IsZero(), tc.src)
	}
	var re struct {
		RuleError ruleError `json:"ruleError"`
	}
	decodeInto(t, try("适龄人囗 大约95%"), &re)
	assert.Equal(t, 1, re.RuleError.Column)
	assert.Equal(t, 4, re.RuleError.Length)
	assert.Equal(t, `unknown metric or indicator "适龄人囗"`, re.RuleError.Message.EN)
}

func TestTaskBook(t *testing.T) {
	s := seedSession(t)
	var sch scheduleAnswer
	decodeInto(t, mustOK(t, s, "schedule", map[string]any{"asOf": "2018-01-15"}), &sch)
	require.NotEmpty(t, sch.Entries)
	assert.Equal(t, len(sch.Entries), sch.Total)
	assert.Positive(t, sch.Overdue, "on 2018-01-15 the 2017 items are overdue")
	assert.NotEmpty(t, sch.Offices)
	assert.NotEmpty(t, sch.Leads)
	first := sch.Entries[0]
	require.True(t, first.Overdue)

	// Done on the as-of date: no longer overdue.
	var b struct {
		Book json.RawMessage `json:"book"`
	}
	decodeInto(t, mustOK(t, s, "setStatus", map[string]any{"item": first.ID, "state": "done", "date": "2018-01-15"}), &b)
	var sch2 scheduleAnswer
	decodeInto(t, mustOK(t, s, "schedule", map[string]any{"asOf": "2018-01-15", "book": b.Book}), &sch2)
	assert.Equal(t, sch.Overdue-1, sch2.Overdue)
	// Not yet known on an earlier date.
	decodeInto(t, mustOK(t, s, "schedule", map[string]any{"asOf": "2017-01-15", "book": b.Book}), &sch2)
	for _, e := range sch2.Entries {
		if e.ID == first.ID {
			assert.Equal(t, "not_started", string(e.State))
		}
	}

	// Export and import give the same book.
	var dl download
	decodeInto(t, mustOK(t, s, "exportStatuses", map[string]any{"book": b.Book}), &dl)
	assert.Equal(t, "task-statuses-zhenjiang-2017.json", dl.Filename)
	var back struct {
		Book json.RawMessage `json:"book"`
	}
	decodeInto(t, mustOK(t, s, "importStatuses", dl.Text), &back)
	assert.JSONEq(t, string(b.Book), string(back.Book))

	// Filters.
	decodeInto(t, mustOK(t, s, "schedule", map[string]any{"asOf": "2018-01-15", "office": sch.Offices[0]}), &sch2)
	assert.Less(t, sch2.Total, sch.Total+1)
	for _, e := range sch2.Entries {
		assert.Contains(t, e.Office.ZH, sch.Offices[0])
		assert.Empty(t, e.Office.EN, "the seed gives no English office names")
	}

	// Bad inputs are errors with paths.
	a := call(t, s, "schedule", map[string]any{"asOf": "2018-13-01"})
	assert.Equal(t, false, a["ok"])
	a = call(t, s, "importStatuses", `{"format":"eduplan.status/v1","plan":"zhenjiang-2017","statuses":[{"item":"nope","state":"done","date":"2017-01-01"}]}`)
	assert.Equal(t, false, a["ok"])
	joined, _ := json.Marshal(a)
	assert.Contains(t, string(joined), "statuses[0].item")
	a = call(t, s, "setStatus", map[string]any{"item": first.ID, "state": "finished", "date": "2018-01-15"})
	assert.Equal(t, false, a["ok"])
}

// TestTaskBookDefaultDate: with no date chosen, the page's task book is read
// on the library's default for the browser's today, and says why.
func TestTaskBookDefaultDate(t *testing.T) {
	s := seedSession(t)
	for _, tc := range []struct {
		asOf, today, want string
		why               msg.Text
	}{
		{"", "2026-11-30", "2017-12-31", msg.T("计划年度末", "end of the plan's year")},
		{"", "2017-06-01", "2017-06-01", msg.T("今天", "today")},
		{"2018-01-15", "2026-11-30", "2018-01-15", msg.Text{}},
	} {
		var sch scheduleAnswer
		decodeInto(t, mustOK(t, s, "schedule", map[string]any{"asOf": tc.asOf, "today": tc.today}), &sch)
		assert.Equal(t, tc.want, sch.AsOf, tc)
		assert.Equal(t, tc.why, sch.AsOfWhy, tc)
		for _, e := range sch.Entries {
			assert.Less(t, e.DaysLate, 366, "at the end of 2017 nothing is more than a year late")
		}
	}
	a := call(t, s, "schedule", map[string]any{"asOf": ""})
	assert.Equal(t, false, a["ok"], "the default needs the browser's today")
}

func TestAnswersAreText(t *testing.T) {
	// Strings from a plan travel as JSON strings, never pre-rendered HTML:
	// the page shows them as text. encoding/json escapes < > & in any case.
	s := New()
	plan := strings.Replace(fixtureText(t), `"测试市教育局2017年工作要点（网页测试用）"`, `"<img src=x onerror=alert(1)>"`, 1)
	out := s.Call("loadPlan", plan)
	var a answer
	require.NoError(t, json.Unmarshal([]byte(out), &a))
	assert.Equal(t, "<img src=x onerror=alert(1)>", a["plan"].(map[string]any)["title"].(map[string]any)["zh"])
}

func FuzzCall(f *testing.F) {
	f.Add(0, `{"level":"school","kind":"primary","figures":{"school_choice_pupils":"1e400"}}`)
	f.Add(1, `{"src":"spread(择校生数) > ((("}`)
	f.Add(2, `{"name":"x.csv","text":"id,name\n1,\"a"}`)
	f.Add(3, `{"asOf":"2017-02-30"}`)
	f.Add(4, `{"format":"csv","source":"file"}`)
	f.Add(5, `{"book":{"format":1}}`)
	f.Add(6, `not json`)
	s := New()
	if out := s.Call("loadDefault", ""); !strings.Contains(out, `"ok":true`) {
		f.Fatal(out)
	}
	names := Names()
	f.Fuzz(func(t *testing.T, n int, arg string) {
		if n < 0 {
			n = -n
		}
		name := names[n%len(names)]
		if name == "loadPlan" || name == "loadDefault" || name == "clearData" {
			name = "assess"
		}
		out := s.Call(name, arg)
		var a answer
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatalf("%s(%q) answered invalid JSON %q: %v", name, arg, out, err)
		}
		if _, ok := a["ok"].(bool); !ok {
			t.Fatalf("%s(%q) answered without ok: %s", name, arg, out)
		}
		if bytes.Contains([]byte(out), []byte("internal error")) {
			t.Fatalf("%s(%q) panicked: %s", name, arg, out)
		}
	})
}

// BenchmarkLoadDefault is what the page does once on every load (natively;
// the browser benchmarks in package wasm measure it in the page).
func BenchmarkLoadDefault(b *testing.B) {
	s := New()
	for b.Loop() {
		if out := s.Call("loadDefault", ""); !strings.HasPrefix(out, `{"ok":true`) {
			b.Fatal(out[:200])
		}
	}
}

// BenchmarkAssessKeystroke is what the page does on every key typed on the
// form: read the figures and assess the unit.
func BenchmarkAssessKeystroke(b *testing.B) {
	s := New()
	s.Call("loadDefault", "")
	req := `{"level":"district","figures":{"kindergarten_enrolment":"10037","population_age3_5":"10105","school_choice_pupils":"394","compulsory_new_entrants":"12926"}}`
	for b.Loop() {
		if out := s.Call("assess", req); !strings.HasPrefix(out, `{"ok":true`) {
			b.Fatal(out[:200])
		}
	}
}

// A fixed sequence of calls with malformed requests among valid ones. It
// caught goccy/go-json panicking inside Unmarshal on `{"\00\` once earlier
// calls had used its buffers — a panic no single call reproduces, which is
// why the sequence is long and seeded.
func TestCallSequenceNeverPanics(t *testing.T) {
	s := New()
	require.Contains(t, s.Call("loadDefault", ""), `"ok":true`)
	args := []string{"{\"\\00\\", `{"level":"school","kind":"primary","figures":{"x":"1"}}`, `{"src":"a"}`,
		"{\"\\", "{\"a\\u00", `{"name":"x.csv","text":"id,name\n1,a"}`}
	rng := rand.New(rand.NewPCG(1, 2))
	names := Names()
	for i := 0; i < 5000; i++ {
		name, arg := names[rng.IntN(len(names))], args[rng.IntN(len(args))]
		if name == "loadPlan" || name == "loadDefault" || name == "clearData" {
			continue
		}
		out := s.Call(name, arg)
		require.NotContains(t, out, "internal error", "call %d: %s(%q)", i, name, arg)
	}
}

// Every error reaches the page in both languages, apart: a msg error as it
// is, a legacy "中文 / English" string split, a foreign error as it is.
func TestFailureTextsApart(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want msg.Text
	}{
		{msg.Wrap(msg.Errorf("第%d行", "line %d", 3), "读取", "reading"), msg.T("读取：第3行", "reading: line 3")},
		{errors.New("旧的 / legacy"), msg.T("旧的", "legacy")},
		{io.ErrUnexpectedEOF, msg.T("unexpected EOF", "")},
	} {
		var a struct {
			Errors []problemView `json:"errors"`
		}
		require.NoError(t, json.Unmarshal([]byte(failure(tc.err)), &a))
		require.Len(t, a.Errors, 1)
		assert.Equal(t, tc.want, a.Errors[0].Message)
	}
}

func TestCellLineCarriesEnglishNames(t *testing.T) {
	assert.Equal(t, Text{ZH: "基教处", EN: "Basic Education Office"},
		cellLine(&plan.Cell{Text: "基教处\n", EN: "Basic  Education Office"}))
	assert.Equal(t, Text{ZH: "市及各 辖市区"}, cellLine(&plan.Cell{Text: "市及各\n辖市区"}))
	assert.Equal(t, Text{}, cellLine(nil))
}

// TestFileParentFigures: an imported file whose city reports its own
// 在园幼儿数 lists the difference from its units' sum, with its texts; the
// page's choice of figure reaches the assessment and the exports.
func TestFileParentFigures(t *testing.T) {
	s := seedSession(t)
	csv := "单位代码,单位名称,层级,学校类型,上级单位,在园幼儿数,3-5岁适龄人口\n" +
		"zj,镇江市,市,,,50000,40000\nd1,京口区,区,,zj,,40000\nk1,园一,学校,幼儿园,d1,40000,\nk2,园二,学校,幼儿园,d1,412,\n"
	mustOK(t, s, "importData", map[string]string{"name": "city.csv", "text": csv})
	type answer struct {
		ParentFigures string `json:"parentFigures"`
		Hierarchy     []struct {
			Own, Difference float64
			ChildrenSum     float64 `json:"children_sum"`
			Used            string
			Text            struct {
				Own        string
				Difference string
				Used       Text
			}
		}
	}
	var f answer
	decodeInto(t, mustOK(t, s, "assessFile", map[string]string{"lang": "zh"}), &f)
	assert.Equal(t, "own", f.ParentFigures)
	require.Len(t, f.Hierarchy, 1)
	h := f.Hierarchy[0]
	assert.Equal(t, []float64{50000, 40412, 9588}, []float64{h.Own, h.ChildrenSum, h.Difference})
	assert.Equal(t, "+9588", h.Text.Difference)
	assert.Equal(t, msg.T("本单位填报", "the unit's own figure"), h.Text.Used)

	decodeInto(t, mustOK(t, s, "assessFile", map[string]string{"parentFigures": "sum"}), &f)
	assert.Equal(t, "sum", f.ParentFigures)
	assert.Equal(t, "sum", f.Hierarchy[0].Used)

	bad := call(t, s, "assessFile", map[string]string{"parentFigures": "mean"})
	assert.Equal(t, false, bad["ok"])

	var dl struct{ Text string }
	decodeInto(t, mustOK(t, s, "exportReport", map[string]string{"source": "file", "format": "json", "parentFigures": "sum"}), &dl)
	assert.Contains(t, dl.Text, `"used":"sum"`)
	decodeInto(t, mustOK(t, s, "exportReport", map[string]string{"source": "file", "format": "csv", "lang": "zh"}), &dl)
	assert.Contains(t, dl.Text, "在园幼儿数按本单位填报 50000 计算（下属单位合计 40412，相差 9588）")
}
