package reportfmt

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test -update")
	assert.Equal(t, string(want), string(got), "output differs from %s; run go test -update if the change is intended", path)
}

func TestGolden(t *testing.T) {
	junit := func(lang string) func(*bytes.Buffer, *indicators.Report) error {
		return func(b *bytes.Buffer, r *indicators.Report) error {
			return WriteJUnit(b, r, JUnitOptions{Lang: lang})
		}
	}
	cases := []struct {
		name  string
		write func(*bytes.Buffer, *indicators.Report) error
	}{
		{"table_zh.golden", func(b *bytes.Buffer, r *indicators.Report) error { return WriteTable(b, r, "zh") }},
		{"table_en.golden", func(b *bytes.Buffer, r *indicators.Report) error { return WriteTable(b, r, "en") }},
		{"csv_zh.golden", func(b *bytes.Buffer, r *indicators.Report) error { return view.WriteCSV(b, r, "zh") }},
		{"csv_en.golden", func(b *bytes.Buffer, r *indicators.Report) error { return view.WriteCSV(b, r, "en") }},
		{"markdown_zh.golden", func(b *bytes.Buffer, r *indicators.Report) error { return WriteMarkdown(b, r, "zh") }},
		{"markdown_en.golden", func(b *bytes.Buffer, r *indicators.Report) error { return WriteMarkdown(b, r, "en") }},
		{"junit_zh.golden", junit("zh")},
		{"junit_en.golden", junit("en")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var a, b bytes.Buffer
			require.NoError(t, c.write(&a, fixture()))
			require.NoError(t, c.write(&b, fixture()))
			assert.Equal(t, a.String(), b.String(), "the same report must give the same bytes")
			golden(t, c.name, a.Bytes())
		})
	}
}

func TestWidth(t *testing.T) {
	cases := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"中文", 4},
		{"学前三年教育毛入学率", 20},
		{"ＡＢ", 4},      // fullwidth Latin
		{"ｱｲ", 2},      // halfwidth katakana
		{"e\u0301", 1}, // e + combining acute
		{"≥ 99%", 5},   // ambiguous ≥ counts as one
		{"99%，", 5},    // fullwidth comma
		{"a\tb", 2},    // control characters take no column
		{"✅", 2},       // emoji presentation is wide
		{"한글", 4},      // Hangul
		{"\u200b", 0},  // zero width space
		{"·", 1},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Width(c.s), "Width(%q)", c.s)
	}
}

// TestTableAligned checks alignment independently of the golden file: the
// last column (the id) starts at the same display column on every row of a
// unit's table, however wide the Chinese names before it.
func TestTableAligned(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		var b bytes.Buffer
		require.NoError(t, WriteTable(&b, fixture(), lang))
		r := fixture()
		lines := strings.Split(b.String(), "\n")
		for _, u := range r.Units {
			if len(u.Results) == 0 {
				continue
			}
			ids := []string{pick(lang, "编号", "ID")}
			for _, res := range u.Results {
				ids = append(ids, oneLine(res.Indicator))
			}
			// Find the header row of this unit's table: the one after the
			// unit's title line.
			start := -1
			for i, l := range lines {
				if strings.HasPrefix(l, oneLine(view.UnitLabel(u.Unit))+" · ") {
					start = i + 3
					break
				}
			}
			require.GreaterOrEqual(t, start, 0, "unit %s not found", u.Unit.ID)
			col := -1
			for k, id := range ids {
				line := lines[start+k]
				require.True(t, strings.HasSuffix(line, id), "row %q should end with %q", line, id)
				c := Width(line) - Width(id)
				if col < 0 {
					col = c
				}
				assert.Equal(t, col, c, "%s: column of %q in %q", lang, id, line)
			}
		}
	}
}

func TestTableOneLineCells(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteTable(&b, fixture(), "zh"))
	assert.NotContains(t, b.String(), "\n第二行", "a line break inside a name must not break the table")
	assert.Contains(t, b.String(), "onerror=alert(1)> 第二行")
}

func TestPolicy(t *testing.T) {
	statuses := []indicators.Status{indicators.Met, indicators.NotMet, indicators.NoData, indicators.NotComputable, indicators.NotApplicable}
	for _, p := range Policies() {
		for _, n := range []plan.Nature{plan.Binding, plan.Aspirational, ""} {
			for _, s := range statuses {
				want := s == indicators.NotMet && (p == FailAny || (p == FailBinding && n != plan.Aspirational))
				got := p.Fails(indicators.Result{Status: s, Nature: n})
				assert.Equal(t, want, got, "policy %s, nature %q, status %s", p, n, s)
			}
		}
	}
}

func TestParsePolicy(t *testing.T) {
	for in, want := range map[string]Policy{"": FailBinding, "binding": FailBinding, "any": FailAny, "none": FailNone} {
		got, err := ParsePolicy(in)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err := ParsePolicy("all")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"all"`)
	assert.Contains(t, err.Error(), "binding, any or none")
}

func TestFailures(t *testing.T) {
	r := fixture()
	ids := func(fs []Failure) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Unit.ID+"/"+f.Result.Indicator)
		}
		return out
	}
	assert.Equal(t, []string{"zj/school-choice", "zj/district-gap"}, ids(Failures(r, FailBinding)))
	assert.Equal(t, []string{"zj/school-choice", "zj/standard-rate", "zj/district-gap"}, ids(Failures(r, FailAny)))
	assert.Empty(t, Failures(r, FailNone))
	assert.Empty(t, Failures(nil, FailAny))

	fs := Failures(r, FailBinding)
	assert.Equal(t, "镇江市(zj)：择校生比例(school-choice) 未达标：数值 6.30%，目标 ≤ 5%，差距 +1.30个百分点，差于目标（约束性）", fs[0].Message("zh"))
	assert.Equal(t, "镇江市(zj): Share of school-choice pupils(school-choice) not met: value 6.30%, target ≤ 5%, gap +1.30 pp, worse than target (binding)", fs[0].Message("en"))
	assert.Equal(t, "镇江市(zj)：辖市区间巩固率差距(district-gap) 未达标：数值 11.20个百分点，目标 ≤ 10个百分点，差距 +1.20个百分点，差于目标（约束性）", fs[1].Message("zh"))
}

func TestResultLineNoData(t *testing.T) {
	r := fixture()
	assert.Equal(t, "残疾儿童少年义务教育入学率(disabled-enrol) 缺数据：目标 ≥ 98%；缺少数据：残疾儿童少年入学数（约束性）",
		view.Of(r.Units[0].Results[3]).Line.In("zh"))
}

func TestTotals(t *testing.T) {
	tot := Totals(fixture())
	assert.Equal(t, indicators.Counts{Met: 3, NotMet: 2, NoData: 1, NotComputable: 1}, tot.Binding)
	assert.Equal(t, indicators.Counts{Met: 1, NotMet: 1}, tot.Aspirational)
	assert.Equal(t, indicators.Counts{NotMet: 1}, tot.Reference, "the school's figure below the city's target")
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, view.WriteCSV(&b, fixture(), "zh"))
	require.True(t, bytes.HasPrefix(b.Bytes(), []byte("\xEF\xBB\xBF")), "CSV must start with a UTF-8 BOM for Excel")
	assert.Contains(t, b.String(), "\r\n", "Excel expects CRLF line ends")
	rows, err := csv.NewReader(bytes.NewReader(b.Bytes()[3:])).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 1+10)
	head := rows[0]
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %q in %v", name, head)
		return -1
	}
	choice := rows[2]
	assert.Equal(t, "school-choice", choice[col("指标编号")])
	assert.Equal(t, "6.30%", choice[col("数值")])
	assert.Equal(t, "+1.30", choice[col("差距")])
	assert.Equal(t, "个百分点", choice[col("差距单位")])
	assert.Equal(t, "未达标", choice[col("状态")])
	assert.Equal(t, "2017", choice[col("年度")])
	nodata := rows[4]
	assert.Equal(t, "", nodata[col("数值")], "missing is empty, never zero")
	assert.Equal(t, "", nodata[col("差距")])
	hostile := rows[9]
	assert.True(t, strings.HasPrefix(hostile[col("指标")], "'="), "a formula-like cell must be quoted: %q", hostile[col("指标")])
	assert.Equal(t, "-2", hostile[col("数值")], "a negative number stays a number")
	assert.Equal(t, "+1", hostile[col("差距")])
}

func TestMarkdownEscapes(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteMarkdown(&b, fixture(), "zh"))
	out := b.String()
	assert.NotContains(t, out, "<img")
	assert.Contains(t, out, `&lt;img src=x onerror=alert(1)&gt;`)
	// Every table row has the same number of unescaped pipes.
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		n := strings.Count(line, "|") - strings.Count(line, `\|`)
		assert.Equal(t, 8, n, "row %q", line)
	}
}

type junitDoc struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Skipped  int `xml:"skipped,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name    string `xml:"name,attr"`
			Class   string `xml:"classname,attr"`
			Failure *struct {
				Message string `xml:"message,attr"`
				Body    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
			Out string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestJUnit: the JUnit report says what the data says. A binding target
// missed is a failure and an aspirational one passes with its figures in
// system-out; no failure policy changes that (a policy chooses an exit code
// only), so a CI dashboard never shows green over a binding target missed.
func TestJUnit(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJUnit(&b, fixture(), JUnitOptions{}))
	var doc junitDoc
	require.NoError(t, xml.Unmarshal(b.Bytes(), &doc), b.String())
	assert.Equal(t, 10, doc.Tests)
	assert.Equal(t, 2, doc.Failures, "both binding targets missed are failures")
	assert.Equal(t, len(Failures(fixture(), FailBinding)), doc.Failures)
	assert.Equal(t, 3, doc.Skipped)
	require.Len(t, doc.Suites, 3)
	city := doc.Suites[0]
	assert.Equal(t, "镇江市(zj) · 市", city.Name)
	assert.Equal(t, 6, city.Tests)
	assert.Equal(t, 2, city.Failures)
	choice := city.Cases[1]
	assert.Equal(t, "school-choice 择校生比例", choice.Name)
	assert.Equal(t, "eduplan.zj", choice.Class)
	require.NotNil(t, choice.Failure)
	for _, want := range []string{"6.30%", "≤ 5%", "+1.30个百分点", "约束性"} {
		assert.Contains(t, choice.Failure.Message, want)
	}
	assert.Contains(t, choice.Failure.Body, "原文：择校生比例控制在5%以内")
	assert.Contains(t, choice.Failure.Body, "择校生数：63")
	standard := city.Cases[2]
	assert.Nil(t, standard.Failure, "an aspirational target missed is not a failure of the plan")
	assert.Contains(t, standard.Out, "84.00%")
	nodata := city.Cases[3]
	require.NotNil(t, nodata.Skipped)
	assert.Contains(t, nodata.Skipped.Message, "缺少数据：残疾儿童少年入学数")
	assert.Equal(t, 0, doc.Suites[1].Tests, "a unit with no results is an empty suite")
	ref := doc.Suites[2].Cases[3]
	assert.Equal(t, "fitness-pass 体质健康合格率", ref.Name)
	assert.Nil(t, ref.Failure, "a figure against the city's target is no verdict on the school")
	require.NotNil(t, ref.Skipped)
	assert.Contains(t, ref.Skipped.Message, "参考：未达目标")
	assert.Contains(t, ref.Skipped.Message, "全市、辖市区目标 ≥ 95%")
}

func TestJUnitEscapes(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJUnit(&b, fixture(), JUnitOptions{}))
	assert.NotContains(t, b.String(), "<img")
	var doc junitDoc
	require.NoError(t, xml.Unmarshal(b.Bytes(), &doc))
	assert.Contains(t, doc.Suites[2].Cases[2].Name, "<img src=x onerror=alert(1)>")
}

func TestNilReport(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteTable(&b, nil, "zh"))
	require.NoError(t, view.WriteCSV(&b, nil, "zh"))
	require.NoError(t, WriteMarkdown(&b, nil, "zh"))
	require.NoError(t, WriteJUnit(&b, nil, JUnitOptions{}))
	assert.Contains(t, b.String(), `tests="0"`)
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n <= 0 {
		return 0, os.ErrClosed
	}
	w.n--
	return len(p), nil
}

func TestWriteErrors(t *testing.T) {
	r := fixture()
	assert.Error(t, WriteTable(&failWriter{}, r, "zh"))
	assert.Error(t, view.WriteCSV(&failWriter{}, r, "zh"))
	assert.Error(t, view.WriteCSV(&failWriter{n: 1}, r, "zh"))
	assert.Error(t, WriteMarkdown(&failWriter{}, r, "zh"))
	assert.Error(t, WriteJUnit(&failWriter{}, r, JUnitOptions{}))
	assert.Error(t, WriteJUnit(&failWriter{n: 1}, r, JUnitOptions{}))
}

// TestJUnitAwkwardText puts the CDATA terminator and characters XML cannot
// hold into a failing result: the file must still parse and keep the text.
func TestJUnitAwkwardText(t *testing.T) {
	r := fixture()
	res := &r.Units[0].Results[1]
	res.Wording = "a ]]> b \x00\x1b c"
	res.Name.ZH = "名\x07称"
	var b bytes.Buffer
	require.NoError(t, WriteJUnit(&b, r, JUnitOptions{}))
	var doc junitDoc
	require.NoError(t, xml.Unmarshal(b.Bytes(), &doc), b.String())
	c := doc.Suites[0].Cases[1]
	require.NotNil(t, c.Failure)
	assert.Contains(t, c.Failure.Body, "a ]]> b")
}

func TestOnlyProblems(t *testing.T) {
	r := fixture()
	p := OnlyProblems(r)
	require.Len(t, p.Units, 3)
	var ids []string
	for _, res := range p.Units[0].Results {
		ids = append(ids, res.Indicator)
	}
	assert.Equal(t, []string{"school-choice", "standard-rate", "disabled-enrol", "district-gap"}, ids)
	assert.Equal(t, r.Units[0].Summary, p.Units[0].Summary, "summaries still count every result")
	assert.Len(t, r.Units[0].Results, 6, "the original is not changed")
	assert.Equal(t, Failures(r, FailAny), Failures(p, FailAny))

	// A unit whose results were all met is summed up in one line.
	r.Units[2].Results = r.Units[2].Results[:1]
	r.Units[2].Summary = indicators.Summary{Binding: indicators.Counts{Met: 1}}
	var b bytes.Buffer
	require.NoError(t, WriteTable(&b, OnlyProblems(r), "zh"))
	assert.Contains(t, b.String(), "另有 1 个单位的结果全部达标，未列出。")
	assert.Contains(t, b.String(), "另有 1 个单位没有适用的指标。")
	assert.NotContains(t, b.String(), "京口区实验幼儿园")
	assert.Nil(t, OnlyProblems(nil))
}

func TestValueAndGapNeverContradictTheStatus(t *testing.T) {
	v, g := 0.94996, -0.004
	r := indicators.Result{Status: indicators.NotMet, Unit: plan.Percent, Value: &v, Gap: &g,
		Target: indicators.TargetInfo{Display: msg.Text{ZH: "≥ 95%", EN: "≥ 95%"}}}
	v2 := view.Of(r)
	assert.Equal(t, "94.996%", v2.Value.In("zh"))
	assert.Equal(t, "-0.004 pp (worse than target)", v2.Gap.In("en"))
}

// A name with a direction override or a zero-width character reads as
// another name; every text output shows such characters escaped, so the
// reader sees them, and never passes them to the terminal or the CI page.
func TestHiddenCharactersAreShown(t *testing.T) {
	r := fixture()
	r.Units[0].Unit.Name = "实验\u202E小学\u200B"
	r.Units[0].Results[1].Name.ZH = "择校生\u2066比例"
	for _, tc := range []struct {
		name  string
		write func(w *bytes.Buffer) error
		// lt, gt are how the writer shows < and >.
		lt, gt string
	}{
		{"table", func(w *bytes.Buffer) error { return WriteTable(w, r, "zh") }, "<", ">"},
		{"markdown", func(w *bytes.Buffer) error { return WriteMarkdown(w, r, "zh") }, "&lt;", "&gt;"},
		{"junit", func(w *bytes.Buffer) error { return WriteJUnit(w, r, JUnitOptions{Lang: "zh"}) }, "&lt;", "&gt;"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, tc.write(&b))
			out := b.String()
			for _, r := range []string{"\u202E", "\u200B", "\u2066"} {
				assert.NotContains(t, out, r)
			}
			esc := func(s string) string { return strings.NewReplacer("<", tc.lt, ">", tc.gt).Replace(s) }
			assert.Contains(t, out, esc("实验<U+202E>小学<U+200B>"))
			assert.Contains(t, out, esc("择校生<U+2066>比例"))
		})
	}
}

// TestHierarchyInEveryFormat: a parent's own figure that differs from its
// units' sum is said in every format, and fails nothing by itself.
func TestHierarchyInEveryFormat(t *testing.T) {
	r := fixture()
	var tb, md, ju bytes.Buffer
	require.NoError(t, WriteTable(&tb, r, "zh"))
	require.NoError(t, WriteMarkdown(&md, r, "en"))
	require.NoError(t, WriteJUnit(&ju, r, JUnitOptions{}))
	assert.Contains(t, tb.String(), "上下级数据不一致（1 处）")
	assert.Contains(t, md.String(), "| 镇江市(zj) | Pupils | 1000 | 990 | 7 | +10 | the unit's own figure |")
	assert.Contains(t, ju.String(), `<property name="figure_mismatch" value="镇江市(zj) 在校生数：本单位填报 1000，下属单位合计 990（7 个下属单位），相差 +10；采用本单位填报">`)

	// Without the choice's failure, the mismatch fails nothing.
	r.Units[0].Results = r.Units[0].Results[:1]
	ju.Reset()
	require.NoError(t, WriteJUnit(&ju, r, JUnitOptions{}))
	var doc junitDoc
	require.NoError(t, xml.Unmarshal(ju.Bytes(), &doc))
	assert.Equal(t, 0, doc.Suites[0].Failures)
	assert.Contains(t, ju.String(), "figure_mismatch")

	// --problems keeps the section.
	assert.Equal(t, r.Hierarchy, OnlyProblems(r).Hierarchy)
	var none bytes.Buffer
	r.Hierarchy = nil
	require.NoError(t, WriteTable(&none, r, "zh"))
	assert.NotContains(t, none.String(), "上下级数据不一致")
}
