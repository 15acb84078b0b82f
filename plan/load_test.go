package plan

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const fixture = "testdata/plan.json"

func readFixture(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(fixture)
	require.NoError(t, err)
	return string(b)
}

func loadFixture(t testing.TB) *Plan {
	t.Helper()
	p, err := LoadFile(fixture)
	require.NoError(t, err)
	return p
}

// edit replaces old by new in doc, requiring old to occur exactly once so
// that a test cannot pass because its edit silently did nothing.
func edit(t *testing.T, doc, old, new string) string {
	t.Helper()
	require.Equal(t, 1, strings.Count(doc, old), "edit target %q must occur exactly once", old)
	return strings.Replace(doc, old, new, 1)
}

// problems returns the problems of a failed load.
func problems(t *testing.T, err error) msg.Problems {
	t.Helper()
	require.Error(t, err)
	var ps msg.Problems
	require.True(t, errors.As(err, &ps), "error %T is not msg.Problems: %v", err, err)
	return ps
}

func paths(ps msg.Problems) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Path
	}
	return out
}

func TestLoadFixture(t *testing.T) {
	p := loadFixture(t)
	assert.Equal(t, "test-2017", p.ID)
	assert.Equal(t, 2017, p.Year)
	require.Len(t, p.Sections, 1)
	require.Len(t, p.Sections[0].Tasks, 2)
	require.NotNil(t, p.Appendix)
	assert.Equal(t, "2017\n\n底前", p.Appendix.Actions[0].Categories[0].Items[1].Deadline.Text)
	assert.True(t, p.Appendix.Actions[0].Categories[0].Items[1].Units.Merged)
	assert.Len(t, p.Metrics, 2)
	assert.Len(t, p.Indicators, 2)
	assert.NoError(t, p.Validate())
}

func TestSaveRoundTrip(t *testing.T) {
	src := readFixture(t)
	p, err := Parse([]byte(src))
	require.NoError(t, err)
	var first bytes.Buffer
	require.NoError(t, p.Save(&first))
	// The fixture is written in Save's own layout, so saving reproduces it.
	assert.Equal(t, src, first.String())

	q, err := Load(bytes.NewReader(first.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, p, q)
	var second bytes.Buffer
	require.NoError(t, q.Save(&second))
	assert.Equal(t, first.String(), second.String())
	assert.True(t, strings.HasSuffix(second.String(), "}\n"))
	// Targets keep < > & readable instead of \u003c escapes.
	assert.Contains(t, first.String(), "达99%以上")
}

func TestSaveWritesNilListsAsEmpty(t *testing.T) {
	p := &Plan{Format: Format, ID: "x", Title: msg.Text{ZH: "计划"}, Year: 2017,
		Appendix: &Appendix{Title: msg.Text{ZH: "任务书"}, Actions: []Action{{ID: "a", Name: msg.Text{ZH: "行动"}}}}}
	var buf bytes.Buffer
	require.NoError(t, p.Save(&buf))
	out := buf.String()
	assert.NotContains(t, out, "null")
	assert.Contains(t, out, `"goals": []`)
	assert.Contains(t, out, `"categories": []`)
	assert.Nil(t, p.Goals, "Save must not change the plan")
	assert.Nil(t, p.Appendix.Actions[0].Categories)

	q, err := Parse(buf.Bytes())
	require.NoError(t, err)
	var again bytes.Buffer
	require.NoError(t, q.Save(&again))
	assert.Equal(t, out, again.String())
}

func TestSaveKeepsAngleBrackets(t *testing.T) {
	p := loadFixture(t)
	p.Indicators[0].Target = "<= 5% & > 1%"
	var buf bytes.Buffer
	require.NoError(t, p.Save(&buf))
	assert.Contains(t, buf.String(), `"target": "<= 5% & > 1%"`)
}

// TestLoadBroken gives each broken plan and the exact paths of the problems
// it must report, in order.
func TestLoadBroken(t *testing.T) {
	base := readFixture(t)
	tests := []struct {
		name  string
		edit  func(t *testing.T, doc string) string
		paths []string
		// contains is a part of the first problem's message.
		contains string
	}{
		{"unknown field deep inside",
			func(t *testing.T, d string) string {
				return edit(t, d, `"merged": true,`, `"merged": true, "colour": "red",`)
			},
			[]string{"appendix.actions[0].categories[0].items[1].units.colour"}, `unknown field "colour"`},
		{"unknown field with a suggestion",
			func(t *testing.T, d string) string {
				return edit(t, d, `"note": "heading as in the source"`, `"nots": "heading as in the source"`)
			},
			[]string{"sections[0].nots"}, `did you mean "note"?`},
		{"misspelt required field is reported once",
			func(t *testing.T, d string) string {
				return edit(t, d, `"title": {
            "zh": "加强督导"`, `"titel": {
            "zh": "加强督导"`)
			},
			[]string{"sections[0].tasks[1].titel"}, `did you mean "title"?`},
		{"field names are case sensitive",
			func(t *testing.T, d string) string { return edit(t, d, `"year": 2017`, `"Year": 2017`) },
			// The suggestion explains the missing "year": one problem, not two.
			[]string{"Year"}, `did you mean "year"?`},
		{"unknown field with an odd name",
			func(t *testing.T, d string) string { return edit(t, d, `"year": 2017`, `"year": 2017, "a.b": 1`) },
			[]string{`["a.b"]`}, `unknown field "a.b"`},
		{"duplicate key",
			func(t *testing.T, d string) string { return edit(t, d, `"year": 2017`, `"year": 2017, "year": 2018`) },
			[]string{"year"}, `key "year" appears twice (first at line 13, column 3)`},
		{"duplicate task id",
			func(t *testing.T, d string) string { return edit(t, d, `"id": "task-2"`, `"id": "task-1"`) },
			[]string{"sections[0].tasks[1].id"}, `already used at sections[0].tasks[0]`},
		{"duplicate id across goal and item",
			func(t *testing.T, d string) string { return edit(t, d, `"id": "item-2"`, `"id": "goal-1"`) },
			[]string{"appendix.actions[0].categories[0].items[1].id"}, `already used at goals[0]`},
		{"duplicate metric id",
			func(t *testing.T, d string) string { return edit(t, d, `"id": "population"`, `"id": "enrolled"`) },
			[]string{"metrics[1].id"}, `already used at metrics[0]`},
		{"duplicate task number",
			func(t *testing.T, d string) string {
				return edit(t, d, `"id": "task-2",
          "number": 2`, `"id": "task-2",
          "number": 1`)
			},
			[]string{"sections[0].tasks[1].number"}, "number 1 is already used"},
		{"unknown indicator",
			func(t *testing.T, d string) string {
				return edit(t, d, `"indicators": [
        "preschool_ger"
      ]`, `"indicators": [
        "preschool_gre"
      ]`)
			},
			[]string{"goals[0].indicators[0]"}, `unknown indicator "preschool_gre": did you mean "preschool_ger"?`},
		{"a metric listed as an indicator",
			func(t *testing.T, d string) string {
				return edit(t, d, `"enrolled_total"
          ]
        },`, `"enrolled_total",
            "enrolled"
          ]
        },`)
			},
			[]string{"sections[0].tasks[0].indicators[2]"}, `"enrolled" is a metric, not an indicator`},
		{"indicator listed twice",
			func(t *testing.T, d string) string {
				return edit(t, d, `"enrolled_total"
          ]
        },`, `"enrolled_total",
            "preschool_ger"
          ]
        },`)
			},
			[]string{"sections[0].tasks[0].indicators[2]"}, "listed twice"},
		{"bad deadline",
			func(t *testing.T, d string) string { return edit(t, d, `"text": "2017.5"`, `"text": "明年春天"`) },
			[]string{"appendix.actions[0].categories[0].items[0].deadline.text"}, `unrecognised deadline "明年春天"`},
		{"impossible deadline",
			func(t *testing.T, d string) string { return edit(t, d, `"text": "2017.5"`, `"text": "2017.13"`) },
			[]string{"appendix.actions[0].categories[0].items[0].deadline.text"}, "month 13 does not exist"},
		{"empty cell",
			func(t *testing.T, d string) string { return edit(t, d, `"text": "基教处"`, `"text": " "`) },
			[]string{"appendix.actions[0].categories[0].items[0].office.text"}, "leave the field out"},
		{"wrong type string for integer",
			func(t *testing.T, d string) string { return edit(t, d, `"year": 2017`, `"year": "2017"`) },
			[]string{"year"}, "expected an integer, got a string"},
		{"wrong type fraction for integer",
			func(t *testing.T, d string) string {
				return edit(t, d, `"id": "item-1",
                "number": 1`, `"id": "item-1",
                "number": 1.5`)
			},
			[]string{"appendix.actions[0].categories[0].items[0].number"}, "expected an integer, got 1.5"},
		{"wrong type string for list",
			func(t *testing.T, d string) string {
				return edit(t, d, `"indicators": [
                  "enrolled_total"
                ]`, `"indicators": "enrolled_total"`)
			},
			[]string{"appendix.actions[0].categories[0].items[1].indicators"}, "expected an array, got a string"},
		{"null where an object belongs",
			func(t *testing.T, d string) string {
				return edit(t, d, `"units": {
                  "text": "市及各辖市区"
                },`, `"units": null,`)
			},
			[]string{"appendix.actions[0].categories[0].items[0].units"}, "expected an object, got null"},
		{"boolean expected",
			func(t *testing.T, d string) string { return edit(t, d, `"merged": true`, `"merged": "yes"`) },
			[]string{"appendix.actions[0].categories[0].items[1].units.merged"}, "expected a boolean"},
		{"missing id",
			func(t *testing.T, d string) string {
				return edit(t, d, `"id": "task-2",
`, "")
			},
			[]string{"sections[0].tasks[1].id"}, "required, missing"},
		{"missing Chinese title",
			func(t *testing.T, d string) string {
				return edit(t, d, `"zh": "测试市教育局2017年工作要点",`, "")
			},
			[]string{"title.zh"}, "required, missing"},
		{"wrong format",
			func(t *testing.T, d string) string { return edit(t, d, `"eduplan.plan/v1"`, `"eduplan.plan/v9"`) },
			[]string{"format"}, `unsupported format "eduplan.plan/v9"`},
		{"another kind of file says only that",
			func(t *testing.T, d string) string {
				d = edit(t, d, `"eduplan.plan/v1"`, `"eduplan.data/v1"`)
				return edit(t, d, `"year": 2017`, `"units": [], "year": "2017"`)
			},
			[]string{"format"}, "is this the right file?"},
		{"bad publication date",
			func(t *testing.T, d string) string { return edit(t, d, `"2017-03-06"`, `"2017-02-30"`) },
			[]string{"published"}, "has no day 30"},
		{"unknown unit",
			func(t *testing.T, d string) string {
				return edit(t, d, `"unit": "count",
      "counter": "人",
      "integral": true,
      "aggregate": "none"`, `"unit": "people",
      "counter": "人",
      "integral": true,
      "aggregate": "none"`)
			},
			[]string{"metrics[1].unit"}, `unknown unit "people"`},
		{"unknown aggregation",
			func(t *testing.T, d string) string { return edit(t, d, `"aggregate": "none"`, `"aggregate": "mean"`) },
			[]string{"metrics[1].aggregate"}, `unknown aggregation "mean"`},
		{"unknown level",
			func(t *testing.T, d string) string {
				return edit(t, d, `"levels": [
          "school"
        ]`, `"levels": [
          "province"
        ]`)
			},
			[]string{"metrics[0].reported_by.levels[0]"}, `unknown level "province"`},
		{"unknown nature",
			func(t *testing.T, d string) string { return edit(t, d, `"nature": "binding"`, `"nature": "must"`) },
			[]string{"indicators[0].nature"}, `unknown nature "must"`},
		{"metric id not an identifier",
			func(t *testing.T, d string) string { return edit(t, d, `"id": "population"`, `"id": "3-5-population"`) },
			[]string{"metrics[1].id"}, "letters, digits and underscores"},
		{"duplicate Chinese name",
			func(t *testing.T, d string) string {
				return edit(t, d, `"zh": "在园幼儿总数"`, `"zh": "在园幼儿数"`)
			},
			[]string{"indicators[1].name.zh"}, "already used at metrics[0]"},
		{"missing wording",
			func(t *testing.T, d string) string {
				return edit(t, d, `"wording": "力争在园幼儿达12000人",`, "")
			},
			[]string{"indicators[1].wording"}, "quote the plan's own words"},
		{"unknown metric in a formula",
			func(t *testing.T, d string) string {
				return edit(t, d, `"在园幼儿数 / 适龄人口"`, `"在园幼儿数 / 适龄人数"`)
			},
			[]string{"indicators[0].formula"}, "the formula is wrong: 1:9: "},
		{"formula syntax",
			func(t *testing.T, d string) string {
				return edit(t, d, `"formula": "enrolled"`, `"formula": "enrolled +"`)
			},
			[]string{"indicators[1].formula"}, "the formula is wrong"},
		{"formula refers to itself",
			func(t *testing.T, d string) string {
				return edit(t, d, `"formula": "enrolled"`, `"formula": "在园幼儿总数 + 1"`)
			},
			[]string{"indicators[1].formula"}, "enrolled_total → enrolled_total"},
		{"formulas refer to each other",
			func(t *testing.T, d string) string {
				d = edit(t, d, `"formula": "enrolled"`, `"formula": "preschool_ger * 2"`)
				return edit(t, d, `"在园幼儿数 / 适龄人口"`, `"enrolled_total / 适龄人口"`)
			},
			[]string{"indicators[0].formula", "indicators[1].formula"}, "preschool_ger → enrolled_total → preschool_ger"},
		{"bad target",
			func(t *testing.T, d string) string {
				return edit(t, d, `"target": "达99%以上"`, `"target": "大约九成"`)
			},
			[]string{"indicators[0].target"}, "the target does not parse"},
		{"aspirational target marked binding",
			func(t *testing.T, d string) string {
				return edit(t, d, `"target": "力争达12000",`, `"target": "力争达12000",
      "nature": "binding",`)
			},
			[]string{"indicators[1].nature"}, "says 力争 (aspirational) but nature is binding"},
		{"indicator stated nowhere",
			func(t *testing.T, d string) string {
				d = edit(t, d, `"preschool_ger",
            "enrolled_total"`, `"preschool_ger"`)
				return edit(t, d, `,
                "indicators": [
                  "enrolled_total"
                ]`, "")
			},
			[]string{"indicators[1]"}, "stated nowhere"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(tt.edit(t, base)))
			assert.Nil(t, p)
			ps := problems(t, err)
			assert.Equal(t, tt.paths, paths(ps), "problems:\n%v", err)
			if len(ps) > 0 {
				assert.Contains(t, ps[0].Message.Both(), tt.contains)
			}
		})
	}
}

// TestLoadReportsAllProblemsAtOnce breaks a plan in five ways, structural
// and semantic mixed, and expects all five, in document order.
func TestLoadReportsAllProblemsAtOnce(t *testing.T) {
	d := readFixture(t)
	d = edit(t, d, `"indicators": [
        "preschool_ger"
      ]`, `"indicators": [
        "no_such_indicator"
      ]`) // 1 unknown indicator (semantic)
	d = edit(t, d, `"id": "task-2",
          "number": 2`, `"id": "task-1",
          "number": "2"`) // 2 duplicate id (semantic) and 3 wrong type (structural)
	d = edit(t, d, `"text": "2017.5"`, `"text": "下个月"`)                   // 4 bad deadline (semantic)
	d = edit(t, d, `"merged": true,`, `"merged": true, "colour": "red",`) // 5 unknown field (structural)
	_, err := Parse([]byte(d))
	ps := problems(t, err)
	assert.Equal(t, []string{
		"goals[0].indicators[0]",
		"sections[0].tasks[1].id",
		"sections[0].tasks[1].number",
		"appendix.actions[0].categories[0].items[0].deadline.text",
		"appendix.actions[0].categories[0].items[1].units.colour",
	}, paths(ps), "problems:\n%v", err)
	assert.Len(t, strings.Split(err.Error(), "\n"), 5)
}

func TestLoadSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, doc, path, contains string
	}{
		{"missing comma", "{\n  \"id\": \"x\"\n  \"year\": 2017\n}", "3:3", "expected ',' or '}'"},
		{"columns count characters", `{"id": "镇江", x}`, "1:14", "expected a quoted key"},
		{"trailing comma", "{\n  \"goals\": [\n    {\"id\": \"g\"},\n  ]\n}", "4:3", "unexpected ']'"},
		{"cut off", "{\n  \"id\": \"镇江\",\n  \"goals\": [", "3:13", "unexpected end of JSON input"},
		// An unclosed string is shown where it opens, not where the file ends.
		{"cut off in a string", "{\"id\": \"镇", "1:8", "unterminated string"},
		{"bad literal", "{\"integral\": tru}", "1:17", "unexpected '}'"},
		{"content after the plan", "{} {}", "1:4", "extra text after the JSON value"},
		{"garbage after the plan", "{}\n]", "2:1", "extra text after the JSON value"},
		{"empty", "  \n", "1:1", "the input is empty"},
		{"not an object", "[]", "", "expected an object, got an array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.doc))
			ps := problems(t, err)
			require.NotEmpty(t, ps)
			assert.Equal(t, tt.path, ps[0].Path, "%v", err)
			assert.Contains(t, ps[0].Message.Both(), tt.contains)
		})
	}
}

func TestLoadInvalidUTF8(t *testing.T) {
	d := edit(t, readFixture(t), `"text": "基教处"`, "\"text\": \"基\xff处\"")
	_, err := Parse([]byte(d))
	ps := problems(t, err)
	require.Len(t, ps, 1)
	assert.Contains(t, ps[0].Message.Both(), "not valid UTF-8")
	assert.Regexp(t, `^\d+:\d+$`, ps[0].Path)
}

func TestLoadAcceptsBOM(t *testing.T) {
	_, err := Parse(append([]byte("\ufeff"), readFixture(t)...))
	assert.NoError(t, err)
}

func TestLoadFilePrefixesProblems(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "zj.json")
	d := edit(t, readFixture(t), `"text": "2017.5"`, `"text": "明年"`)
	require.NoError(t, os.WriteFile(bad, []byte(d), 0o644))
	_, err := LoadFile(bad)
	ps := problems(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, bad+": appendix.actions[0].categories[0].items[0].deadline.text", ps[0].Path)
	assert.True(t, strings.HasPrefix(err.Error(), bad+": appendix.actions[0]"))

	syntax := filepath.Join(dir, "broken.json")
	require.NoError(t, os.WriteFile(syntax, []byte("{\n  \"id\": }"), 0o644))
	_, err = LoadFile(syntax)
	ps = problems(t, err)
	assert.Equal(t, syntax+":2:9", ps[0].Path)

	_, err = LoadFile(filepath.Join(dir, "missing.json"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cannot open the plan file")
	assert.True(t, strings.HasPrefix(msg.In(err, "en"), "cannot open the plan file: "), msg.In(err, "en"))
	assert.True(t, strings.HasPrefix(msg.In(err, "zh"), "无法打开计划文件："), msg.In(err, "zh"))
}

func TestLoadTooLarge(t *testing.T) {
	_, err := Load(&repeatReader{b: ' ', n: MaxFileSize + 1})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "larger than")
	assert.Equal(t, "the input is larger than 32 MB", msg.In(err, "en"))
}

func TestValidateGoBuiltPlan(t *testing.T) {
	p := loadFixture(t)
	p.Sections[0].Tasks[1].Indicators = []string{"nope"}
	p.Appendix.Actions[0].Categories[0].Items[0].Deadline.Text = "不久"
	p.Year = 17
	err := p.Validate()
	ps := problems(t, err)
	assert.Equal(t, []string{"year", "sections[0].tasks[1].indicators[0]",
		"appendix.actions[0].categories[0].items[0].deadline.text"}, paths(ps))
	assert.Nil(t, (&Plan{Format: Format, ID: "p", Title: msg.Text{ZH: "计划"}, Year: 2017}).Validate())
}

// repeatReader yields n copies of one byte without holding them in memory.
type repeatReader struct {
	b byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), r.n)
	for i := range k {
		p[i] = r.b
	}
	r.n -= k
	return k, nil
}

func TestFormulaUnknownNameSuggestion(t *testing.T) {
	d := edit(t, readFixture(t), `"在园幼儿数 / 适龄人口"`, `"在园幼儿数 / 适龄人数"`)
	_, err := Parse([]byte(d))
	ps := problems(t, err)
	require.Len(t, ps, 1)
	assert.Contains(t, ps[0].Message.Both(), "适龄人数")
	assert.True(t, strings.HasSuffix(ps[0].Message.ZH, `（是否应为 "适龄人口"？）`), ps[0].Message.ZH)
	assert.True(t, strings.HasSuffix(ps[0].Message.EN, ` (did you mean "适龄人口"?)`), ps[0].Message.EN)
	assert.NotContains(t, ps[0].Message.EN, "未知", "the English text is English only")
	assert.NotContains(t, ps[0].Message.Both(), "\n", "one problem, one line")
}
