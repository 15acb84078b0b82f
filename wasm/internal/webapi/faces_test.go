package webapi

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"html"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/eduplantest"
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/seeds"
)

// shown is what a user reads about one result, whichever face shows it.
type shown struct{ Value, Target, Gap, Status string }

func (s shown) String() string {
	return fmt.Sprintf("value %q target %q gap %q status %q", s.Value, s.Target, s.Gap, s.Status)
}

// facesData is the seed's sample year with the cases that faces used to
// show differently: a school at 94.996% against ≥ 95%, a school with no
// figure and with a zero denominator; the sample already has a gap between
// districts in points and aspirational targets.
func facesData(t *testing.T, s *Session) *dataset.Dataset {
	d, err := dataset.ReadJSON(bytes.NewReader(seeds.SampleData()), s.cat.Fields(), dataset.Options{File: "sample2017.json"})
	require.NoError(t, err)
	set := func(unit, metric string, v float64) { require.NoError(t, d.Set(unit, metric, v)) }
	set("s-jingkou-p1", "fitness_tested_students", 100000)
	set("s-jingkou-p1", "fitness_pass_students", 94996)
	set("s-jingkou-p1", "fitness_excellent_students", 10000)
	set("s-jingkou-p2", "school_choice_pupils", 0)
	set("s-jingkou-p2", "compulsory_new_entrants", 0)
	d.Clear("s-jingkou-p2", "fitness_pass_students")
	return d
}

var mdUnescape = regexp.MustCompile("\\\\([\\\\`*_\\[\\]|~#!])")

// fakeT collects what eduplantest reports.
type fakeT struct {
	testing.TB
	mu    sync.Mutex
	lines []string
}

func (f *fakeT) Helper() {}
func (f *fakeT) Errorf(format string, args ...any) {
	f.add(fmt.Sprintf(format, args...))
}
func (f *fakeT) Logf(format string, args ...any) { f.add(fmt.Sprintf(format, args...)) }
func (f *fakeT) Fatalf(format string, args ...any) {
	panic("eduplantest stopped: " + fmt.Sprintf(format, args...))
}
func (f *fakeT) add(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lines = append(f.lines, strings.SplitN(s, "\n", 2)[0])
}

// TestEveryFaceShowsTheSameTexts feeds one assessment to every face — the
// page's JSON (form and file), the page's report CSV, the command line's
// CSV, table, Markdown and JUnit writers, and eduplantest's messages — and
// checks that each shows the value, target, gap and status package view
// computed for each result, in Chinese and in English.
func TestEveryFaceShowsTheSameTexts(t *testing.T) {
	s := seedSession(t)
	d := facesData(t, s)
	s.file = &loadedFile{name: "faces.json", data: d, kind: "data"}

	// The report as the page exports it is the report every face gets.
	var js download
	decodeInto(t, mustOK(t, s, "exportReport", map[string]string{"source": "file", "format": "json"}), &js)
	rep, err := indicators.ReadReport(strings.NewReader(js.Text))
	require.NoError(t, err)

	type key struct{ unit, ind string }
	want := map[string]map[key]shown{}
	lines := map[string]map[key]string{}
	for _, lang := range []string{"zh", "en"} {
		want[lang], lines[lang] = map[key]shown{}, map[key]string{}
		for _, u := range rep.Units {
			for _, r := range u.Results {
				v := view.Of(r)
				want[lang][key{u.Unit.ID, r.Indicator}] = shown{v.Value.In(lang), v.Target.In(lang), v.Gap.In(lang), v.Status.In(lang)}
				lines[lang][key{u.Unit.ID, r.Indicator}] = v.Line.In(lang)
			}
		}
	}
	// The cases the faces must agree on are there.
	zh := want["zh"]
	// The plan sets the 合格率 for the city and the districts: a school's
	// own figure is for reference, and every face says so.
	assert.Equal(t, shown{"94.996%", "全市、辖市区目标 ≥ 95%", "-0.004个百分点（差于目标）", "参考：未达目标"}, zh[key{"s-jingkou-p1", "fitness_pass_rate"}])
	assert.Equal(t, "参考：缺数据", zh[key{"s-jingkou-p2", "fitness_pass_rate"}].Status)
	// A gap says its side in every face: the sign alone does not.
	sides := map[string]int{}
	for _, w := range zh {
		for _, side := range []string{"（优于目标）", "（差于目标）"} {
			if strings.HasSuffix(w.Gap, side) {
				sides[side]++
			}
		}
	}
	assert.Positive(t, sides["（优于目标）"], "a met target past its bound")
	assert.Positive(t, sides["（差于目标）"], "a missed target")
	assert.Equal(t, "无法计算", zh[key{"s-jingkou-p2", "school_choice_share"}].Status)
	gap := zh[key{"zhenjiang", "quality_preschool_district_gap"}]
	assert.Regexp(t, `^\d+(\.\d+)?个百分点$`, gap.Value, "a gap between districts reads in points")
	assert.Equal(t, "≤ 10个百分点", gap.Target)
	asp := false
	for _, u := range rep.Units {
		for _, r := range u.Results {
			asp = asp || (r.Nature == "aspirational" && r.Status == indicators.NotMet)
		}
	}
	assert.True(t, asp, "an aspirational target not met is among the results")

	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			want := want[lang]
			same := func(face string, k key, got shown) {
				t.Helper()
				w, ok := want[k]
				if assert.True(t, ok, "%s shows %v that the report does not have", face, k) {
					assert.Equal(t, w.String(), got.String(), "%s: %s %s", face, k.unit, k.ind)
				}
			}

			// The page's report CSV, and the command line's (the same writer
			// on the report read back): the same bytes.
			var page download
			decodeInto(t, mustOK(t, s, "exportReport", map[string]string{"source": "file", "format": "csv", "lang": lang}), &page)
			var cli bytes.Buffer
			require.NoError(t, view.WriteCSV(&cli, rep, lang))
			assert.Equal(t, cli.String(), page.Text, "the page's report CSV is the command line's")
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(page.Text, "\uFEFF"))).ReadAll()
			require.NoError(t, err)
			col := map[string]int{}
			for i, h := range view.Columns("en") {
				col[h] = i
			}
			n := 0
			for _, row := range rows[1:] {
				g := row[col["gap"]]
				if g != "" {
					g += map[bool]string{true: " ", false: ""}[lang == "en" && row[col["gap_unit"]] != ""] + row[col["gap_unit"]]
					if side := row[col["gap_side"]]; side != "" {
						g += map[string]string{"zh": "（" + side + "）", "en": " (" + side + ")"}[lang]
					}
				}
				same("csv", key{row[col["unit_id"]], row[col["indicator_id"]]}, shown{row[col["value"]], row[col["target"]], g, row[col["status"]]})
				n++
			}
			assert.Equal(t, len(want), n, "one CSV row per result")

			// The page's file view: full results of the units above the
			// schools, and one value per school and indicator.
			var file struct {
				Columns []struct{ ID string } `json:"columns"`
				Schools []struct {
					Unit  struct{ ID string } `json:"unit"`
					Cells []*struct {
						ValueText Text `json:"valueText"`
					} `json:"cells"`
				} `json:"schools"`
				Parents []struct {
					Unit    struct{ ID string } `json:"unit"`
					Results []struct {
						Indicator string      `json:"indicator"`
						Text      view.Result `json:"text"`
					} `json:"results"`
				} `json:"parents"`
			}
			decodeInto(t, mustOK(t, s, "assessFile", nil), &file)
			require.NotEmpty(t, file.Parents)
			for _, p := range file.Parents {
				for _, r := range p.Results {
					same("page", key{p.Unit.ID, r.Indicator}, shown{r.Text.Value.In(lang), r.Text.Target.In(lang), r.Text.Gap.In(lang), r.Text.Status.In(lang)})
				}
			}
			cells := 0
			for _, row := range file.Schools {
				for i, c := range row.Cells {
					if c == nil {
						continue
					}
					k := key{row.Unit.ID, file.Columns[i].ID}
					assert.Equal(t, want[k].Value, c.ValueText.In(lang), "page cell %v", k)
					cells++
				}
			}
			assert.Greater(t, cells, 100)

			// The page's form, with the figures of the school at 94.996%.
			figs := map[string]string{}
			for _, m := range s.cat.FormMetrics("school", "primary") {
				if v, ok := d.Value("s-jingkou-p1", m.ID); ok {
					figs[m.ID] = view.Typed(v, m.Unit)
				}
			}
			var form struct {
				Report struct {
					Results []struct {
						Indicator string      `json:"indicator"`
						Text      view.Result `json:"text"`
					} `json:"results"`
				} `json:"report"`
			}
			decodeInto(t, mustOK(t, s, "assess", map[string]any{"level": "school", "kind": "primary", "figures": figs}), &form)
			require.NotEmpty(t, form.Report.Results)
			for _, r := range form.Report.Results {
				same("form", key{"s-jingkou-p1", r.Indicator}, shown{r.Text.Value.In(lang), r.Text.Target.In(lang), r.Text.Gap.In(lang), r.Text.Status.In(lang)})
			}

			// The terminal table: each result's row shows status, value
			// (— for none), target and gap in that order.
			var tb bytes.Buffer
			require.NoError(t, reportfmt.WriteTable(&tb, rep, lang))
			tl := strings.Split(tb.String(), "\n")
			for _, u := range rep.Units {
				if len(u.Results) == 0 {
					continue // counted at the end of the table, not listed
				}
				start := -1
				for i, l := range tl {
					if strings.HasPrefix(l, view.UnitLabel(u.Unit)+" · ") {
						start = i + 4
						break
					}
				}
				require.GreaterOrEqual(t, start, 0, "table: unit %s", u.Unit.ID)
				for j, r := range u.Results {
					row := tl[start+j]
					require.True(t, strings.HasSuffix(row, "  "+r.Indicator), "table row %q is %s's", row, r.Indicator)
					w := want[key{u.Unit.ID, r.Indicator}]
					value := w.Value
					if value == "" {
						value = view.None
					}
					rest := row
					for _, part := range []string{w.Status, value, w.Target, w.Gap} {
						i := strings.Index(rest, part)
						if assert.GreaterOrEqual(t, i, 0, "table row %q lacks %q", row, part) {
							rest = rest[i+len(part):]
						}
					}
				}
			}

			// Markdown: the cells of each row.
			var md bytes.Buffer
			require.NoError(t, reportfmt.WriteMarkdown(&md, rep, lang))
			unit, mdRows := "", 0
			for _, l := range strings.Split(md.String(), "\n") {
				if strings.HasPrefix(l, "## ") {
					// A section that is no unit's (the validation rules)
					// has rows of its own.
					unit = ""
					for _, u := range rep.Units {
						if strings.HasPrefix(l, "## "+strings.ReplaceAll(view.UnitLabel(u.Unit), "_", `\_`)+" · ") {
							unit = u.Unit.ID
						}
					}
					continue
				}
				if unit == "" || !strings.HasPrefix(l, "| ") || strings.HasPrefix(l, "| ---") || !strings.HasSuffix(l, "` |") {
					continue
				}
				c := strings.Split(strings.TrimSuffix(strings.TrimPrefix(l, "| "), " |"), " | ")
				require.Len(t, c, 7, l)
				for i := range c[:5] {
					// What a Markdown renderer shows: entities and
					// backslash escapes undone.
					c[i] = html.UnescapeString(mdUnescape.ReplaceAllString(c[i], "$1"))
				}
				value := c[2]
				if value == view.None {
					value = ""
				}
				id := strings.ReplaceAll(strings.Trim(c[6], "`"), `\|`, "|")
				same("markdown", key{unit, id}, shown{value, c[3], c[4], strings.Trim(c[0], "*")})
				mdRows++
			}
			assert.Equal(t, len(want), mdRows, "one Markdown row per result")

			// JUnit: the message of every failure and skip is the result's
			// line; a failure's body and a missed target's output show value,
			// target and gap.
			var jb bytes.Buffer
			require.NoError(t, reportfmt.WriteJUnit(&jb, rep, reportfmt.JUnitOptions{Lang: lang}))
			var doc struct {
				Suites []struct {
					Name  string `xml:"name,attr"`
					Cases []struct {
						Name      string `xml:"name,attr"`
						Classname string `xml:"classname,attr"`
						Failure   *struct {
							Message string `xml:"message,attr"`
							Body    string `xml:",chardata"`
						} `xml:"failure"`
						Skipped *struct {
							Message string `xml:"message,attr"`
						} `xml:"skipped"`
						SystemOut *string `xml:"system-out"`
					} `xml:"testcase"`
				} `xml:"testsuite"`
			}
			require.NoError(t, xml.Unmarshal(jb.Bytes(), &doc))
			details := 0
			for _, su := range doc.Suites {
				if su.Name == "validation" {
					continue // rules, not results: checked in validation_test.go
				}
				for _, c := range su.Cases {
					k := key{strings.TrimPrefix(c.Classname, "eduplan."), strings.SplitN(c.Name, " ", 2)[0]}
					body := ""
					switch {
					case c.Failure != nil:
						assert.Equal(t, lines[lang][k], c.Failure.Message, "junit %v", k)
						body = c.Failure.Body
					case c.Skipped != nil:
						assert.Equal(t, lines[lang][k], c.Skipped.Message, "junit %v", k)
					case c.SystemOut != nil:
						body = *c.SystemOut
					}
					if body == "" {
						continue
					}
					field := func(zh, en string) string {
						label := map[string]string{"zh": zh + "：", "en": en + ": "}[lang]
						for _, l := range strings.Split(body, "\n") {
							if strings.HasPrefix(l, label) {
								return strings.TrimPrefix(l, label)
							}
						}
						return ""
					}
					status := strings.SplitN(field("状态", "Status"), " · ", 2)[0]
					same("junit", k, shown{field("数值", "Value"), field("目标", "Target"), field("差距", "Gap"), status})
					details++
				}
			}
			assert.Greater(t, details, 0)

			// eduplantest: every result that is not met, or has no value,
			// is reported as "unit：line".
			ft := &fakeT{}
			eduplantest.CheckCatalog(ft, s.cat, d, eduplantest.Lang(lang))
			var wantLines []string
			for _, u := range rep.Units {
				for _, r := range u.Results {
					if r.Status != indicators.Met {
						sep := map[string]string{"zh": "：", "en": ": "}[lang]
						wantLines = append(wantLines, view.UnitLabel(u.Unit)+sep+lines[lang][key{u.Unit.ID, r.Indicator}])
					}
				}
			}
			if rep.Validation != nil {
				// The validation rules that did not pass, each its line.
				for _, r := range rep.Validation.Results {
					wantLines = append(wantLines, view.OfValidation(r).Line.In(lang))
				}
			}
			assert.ElementsMatch(t, wantLines, ft.lines)
			assert.Contains(t, ft.lines, map[string]string{
				"zh": "京口区实验小学(s-jingkou-p1)：《国家学生体质健康标准》合格率(fitness_pass_rate) 参考：未达目标：数值 94.996%，全市、辖市区目标 ≥ 95%，差距 -0.004个百分点，差于目标（约束性）",
				"en": "京口区实验小学(s-jingkou-p1): Pass rate under the National Student Physical Health Standard(fitness_pass_rate) for reference: target not reached: value 94.996%, ≥ 95% (target for the city, districts), gap -0.004 pp, worse than target (binding)",
			}[lang])
		})
	}
}
