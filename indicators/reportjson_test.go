package indicators_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// Reports written before ReportFormat (testdata/report-v1, written by
// `eduplan check --sample --format json` of that time) still read, and say
// the same in the new form at most 40% of their bytes.
func TestReadReportOldForm(t *testing.T) {
	files, err := filepath.Glob("testdata/report-v1/*.json")
	require.NoError(t, err)
	require.Len(t, files, 2)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			old, err := os.ReadFile(f)
			require.NoError(t, err)
			require.NotContains(t, string(old), indicators.ReportFormat, "the fixture is in the old form")
			require.True(t, indicators.IsReport(old))
			rep, err := indicators.ReadReport(bytes.NewReader(old))
			require.NoError(t, err)
			assert.Equal(t, "zhenjiang-2017", rep.Plan)
			require.NotEmpty(t, rep.Units)
			res := rep.Units[0].Results[0]
			assert.NotEmpty(t, res.Name.ZH, "each result keeps its indicator's text")
			assert.NotEmpty(t, res.Formula)
			assert.NotEmpty(t, res.Target.Display.ZH)

			var compact, indented bytes.Buffer
			require.NoError(t, rep.WriteJSON(&compact))
			require.NoError(t, rep.WriteJSONIndent(&indented))
			if len(rep.Units) > 1 {
				// A unit's report has nothing to share between units.
				assert.LessOrEqual(t, compact.Len()*100, len(old)*40, "%d bytes against %d", compact.Len(), len(old))
			}
			for _, b := range []*bytes.Buffer{&compact, &indented} {
				require.True(t, indicators.IsReport(b.Bytes()))
				back, err := indicators.ReadReport(bytes.NewReader(b.Bytes()))
				require.NoError(t, err)
				assert.Equal(t, rep, back)
			}
		})
	}
}

// The indented form is the compact one with white space added.
func TestWriteJSONIndent(t *testing.T) {
	r := overrideReport(t)
	var compact, indented bytes.Buffer
	require.NoError(t, r.WriteJSON(&compact))
	require.NoError(t, r.WriteJSONIndent(&indented))
	assert.True(t, strings.HasPrefix(indented.String(), "{\n  \"format\": \"eduplan.report/v2\",\n  \"year\": 2017,\n  \"indicators\": [\n    {\n      \"id\": \"fill\",\n"), indented.String())
	assert.True(t, strings.HasSuffix(indented.String(), "\n  ]\n}\n"), indented.String())
	var a, b bytes.Buffer
	require.NoError(t, json.Compact(&a, compact.Bytes()))
	require.NoError(t, json.Compact(&b, indented.Bytes()))
	assert.Equal(t, a.String(), b.String())
	assert.Greater(t, indented.Len(), compact.Len())

	var empty bytes.Buffer
	require.NoError(t, (&indicators.Report{Year: 2017}).WriteJSONIndent(&empty))
	assert.Equal(t, "{\n  \"format\": \"eduplan.report/v2\",\n  \"year\": 2017,\n  \"indicators\": [],\n  \"units\": []\n}\n", empty.String())
	empty.Reset()
	require.NoError(t, (&indicators.Report{Year: 2017}).WriteJSON(&empty))
	assert.Equal(t, `{"format":"eduplan.report/v2","year":2017,"indicators":[],"units":[]}`+"\n", empty.String())
}

// overrideReport assesses a plan that holds one kindergarten to a target of
// its own, so that results of one indicator have two targets.
func overrideReport(t *testing.T) *indicators.Report {
	t.Helper()
	metrics := []plan.Metric{
		{ID: "enrolled", Name: msg.T("在园幼儿数", "children enrolled"), Unit: plan.Count, Aggregate: plan.Sum},
		{ID: "places", Name: msg.T("学位数", "places"), Unit: plan.Count, Aggregate: plan.Sum},
	}
	inds := []plan.Indicator{{ID: "fill", Name: msg.T("学位使用率", "places filled"), Formula: "enrolled / places",
		Unit: plan.Percent, Target: ">= 90%", UnitTargets: []plan.UnitTarget{{Units: []string{"k1"}, Target: ">= 95%"}}}}
	cat, err := indicators.NewCatalog(metrics, inds, nil)
	require.NoError(t, err)
	d := dataset.New(2017)
	for i, id := range []string{"k1", "k2"} {
		require.NoError(t, d.Add(dataset.OrgUnit{ID: id, Name: id, Level: org.School, Kind: org.Kindergarten}))
		require.NoError(t, d.Set(id, "enrolled", float64(90+i)))
		require.NoError(t, d.Set(id, "places", 100))
	}
	r, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	require.NotNil(t, r.Units[0].Results[0].Target.Override, "k1 has a target of its own")
	return r
}

// A unit's own target is written with its result; the header holds the
// plan's default even when the first result is a unit's own. A report put
// together by hand, whose results of one indicator differ in their text,
// reads back as it was.
func TestWriteJSONKeepsWhatDiffers(t *testing.T) {
	r := overrideReport(t)
	var b bytes.Buffer
	require.NoError(t, r.WriteJSON(&b))
	assert.Equal(t, 1, strings.Count(b.String(), `"text":">= 90%"`), "the default once, in the header:\n%s", b.String())
	assert.Equal(t, 1, strings.Count(b.String(), `"text":">= 95%"`), "k1's own target with its result:\n%s", b.String())
	back, err := indicators.ReadReport(&b)
	require.NoError(t, err)
	assert.Equal(t, r, back)

	// By hand: the second result renamed, decimals given, an input renamed.
	hand := overrideReport(t)
	res := &hand.Units[1].Results[0]
	res.Name = msg.T("另一个名称", "another name")
	res.Decimals = new(int)
	res.Inputs[0].Name = msg.T("别名", "alias")
	res.Inputs[1].Unit = plan.Percent
	b.Reset()
	require.NoError(t, hand.WriteJSON(&b))
	back, err = indicators.ReadReport(&b)
	require.NoError(t, err)
	assert.Equal(t, hand, back)
}

// A report in the new form is read as strictly as the old one, and a
// result must refer to what the header holds.
func TestReadReportNewFormRefuses(t *testing.T) {
	r := overrideReport(t)
	var b bytes.Buffer
	require.NoError(t, r.WriteJSON(&b))
	good := b.String()
	tests := []struct {
		name, old, new, path, en string
	}{
		{"unknown indicator", `"results":[{"indicator":"fill"`, `"results":[{"indicator":"fil"`,
			"units[0].results[0].indicator", `indicator "fil" is not in the report's indicators`},
		{"unknown input", `"inputs":[{"id":"enrolled","value"`, `"inputs":[{"id":"enroled","value"`,
			"units[0].results[0].inputs[0].id", `input "enroled" is not in the report's inputs`},
		{"duplicate indicator", `"indicators":[{"id":"fill"`, `"indicators":[{"id":"fill","name":{"zh":"x"},"nature":"binding","unit":"count","formula":"","wording":"","target":{"text":"","op":">=","value":0,"display":{"zh":""}}},{"id":"fill"`,
			"indicators[1].id", `indicator "fill" appears twice`},
		{"unknown format", `"format":"eduplan.report/v2"`, `"format":"eduplan.report/v9"`,
			"format", `unknown report format "eduplan.report/v9" (expected "eduplan.report/v2")`},
		{"unknown field", `"status":"not_met"`, `"status":"not_met","name":"x"`,
			"units[0].results[0].name", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, good, tt.old)
			rep, err := indicators.ReadReport(strings.NewReader(strings.Replace(good, tt.old, tt.new, 1)))
			assert.Nil(t, rep)
			var ps msg.Problems
			require.ErrorAs(t, err, &ps)
			require.NotEmpty(t, ps)
			assert.Equal(t, tt.path, ps[0].Path, "%v", err)
			if tt.en != "" {
				assert.Equal(t, tt.en, ps[0].Message.EN)
			}
			assert.NotEmpty(t, ps[0].Message.ZH)
		})
	}
}

// countingWriter records the size of each write.
type countingWriter struct{ sizes []int }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.sizes = append(c.sizes, len(p))
	return len(p), nil
}

// WriteJSON and reportfmt.WriteJSONLines hand the document on as they go, in pieces
// of a buffer's size (or one unit's JSON, when larger), rather than in one
// write at the end.
func TestWriteJSONStreams(t *testing.T) {
	cat, d := benchCatalog(t), benchData(t)
	r, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	for name, write := range map[string]func(*indicators.Report, *countingWriter) error{
		"json":   func(r *indicators.Report, w *countingWriter) error { return r.WriteJSON(w) },
		"indent": func(r *indicators.Report, w *countingWriter) error { return r.WriteJSONIndent(w) },
		"lines":  func(r *indicators.Report, w *countingWriter) error { return reportfmt.WriteJSONLines(w, r) },
	} {
		var w countingWriter
		require.NoError(t, write(r, &w), name)
		require.Greater(t, len(w.sizes), 10, name)
		total := 0
		for _, n := range w.sizes {
			total += n
		}
		for _, n := range w.sizes {
			assert.Less(t, n, total/20, name)
		}
	}
}

// Each line of reportfmt.WriteJSONLines is a whole result that needs nothing else to
// be read: the unit, the indicator's name and target, the status.
func TestWriteJSONLines(t *testing.T) {
	r := overrideReport(t)
	r.Plan = "p"
	var b bytes.Buffer
	require.NoError(t, reportfmt.WriteJSONLines(&b, r))
	sc := bufio.NewScanner(&b)
	var lines []map[string]any
	for sc.Scan() {
		var line map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &line), sc.Text())
		lines = append(lines, line)
	}
	require.Len(t, lines, 2)
	first := lines[0]
	assert.Equal(t, "p", first["plan"])
	assert.EqualValues(t, 2017, first["year"])
	assert.Equal(t, map[string]any{"id": "k1", "name": "k1", "level": "school", "kind": "kindergarten"}, first["unit"])
	assert.Equal(t, "fill", first["indicator"])
	assert.Equal(t, map[string]any{"zh": "学位使用率", "en": "places filled"}, first["name"])
	assert.Equal(t, "not_met", first["status"])
	assert.Equal(t, "percent", first["measure"])
	assert.Equal(t, "binding", first["nature"])
	assert.EqualValues(t, 0.9, first["value"])
	assert.Equal(t, ">= 95%", first["target"].(map[string]any)["text"])
	assert.Equal(t, ">= 90%", lines[1]["target"].(map[string]any)["text"])
	assert.Equal(t, "met", lines[1]["status"])
	inputs := first["inputs"].([]any)
	require.Len(t, inputs, 2)
	assert.Equal(t, map[string]any{"zh": "在园幼儿数", "en": "children enrolled"}, inputs[0].(map[string]any)["name"])
	assert.NotContains(t, first, "formula", "the plan's text is in the JSON report")
}

// A Stream writes what the Report of the same evaluation writes, byte for
// byte, building each unit's results only as it writes them: the header it
// finds from the statuses alone lists the same indicators and inputs in the
// same order.
func TestStreamWritesTheReport(t *testing.T) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{city, distA, distB, kgBig, kgB, priA}, map[string]figures{
		"a1": {"enrolled": 950, "places": 1000},
		"b1": {"enrolled": 800, "places": 1000},
		"a3": {"chosen": 1, "pupils": 3},
		"b":  {"fill": 0.97}, // an indicator reported itself: no inputs
	})
	bench := benchCatalogWith(t, true)
	bd := benchData(t)
	tests := []struct {
		name string
		cat  *indicators.Catalog
		d    *dataset.Dataset
		opt  indicators.Options
	}{
		{"all", cat, d, indicators.Options{}},
		{"not applicable kept", cat, d, indicators.Options{NotApplicable: true}},
		{"a school first", cat, d, indicators.Options{Units: []string{"a3", "b"}}},
		{"unit targets", bench, bd, indicators.Options{Units: []string{"d3"}}},
		// s3 is held to a target of its own on floor3, s4 is not: the
		// header's target is the default all the same.
		{"own target first", bench, bd, indicators.Options{Units: []string{"s3", "s4"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := tt.cat.Evaluate(tt.d)
			r, err := ev.Report(tt.opt)
			require.NoError(t, err)
			s, err := ev.Stream(tt.opt)
			require.NoError(t, err)
			assert.Equal(t, len(r.Units), s.Len())
			for name, pair := range map[string][2]func(w io.Writer) error{
				"json":   {r.WriteJSON, s.WriteJSON},
				"indent": {r.WriteJSONIndent, s.WriteJSONIndent},
				"lines": {func(w io.Writer) error { return reportfmt.WriteJSONLines(w, r) },
					func(w io.Writer) error { return reportfmt.WriteJSONLines(w, s) }},
				"csv": {func(w io.Writer) error { return view.WriteCSV(w, r, "zh") },
					func(w io.Writer) error { return view.WriteCSV(w, s, "zh") }},
				"table": {func(w io.Writer) error { return reportfmt.WriteTable(w, r, "en") },
					func(w io.Writer) error { return reportfmt.WriteTable(w, s, "en") }},
			} {
				var a, b bytes.Buffer
				require.NoError(t, pair[0](&a), name)
				require.NoError(t, pair[1](&b), name)
				assert.Equal(t, a.String(), b.String(), name)
			}
		})
	}
}

// Visit sees each unit before the writer and may change what it writes.
func TestStreamVisit(t *testing.T) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{city, distA, kgBig}, map[string]figures{"a1": {"enrolled": 950, "places": 1000}})
	s, err := cat.Evaluate(d).Stream(indicators.Options{})
	require.NoError(t, err)
	var seen []string
	s.Visit = func(u *indicators.UnitReport) {
		seen = append(seen, u.Unit.ID)
		u.Results = u.Results[:0]
	}
	var b bytes.Buffer
	require.NoError(t, s.WriteJSON(&b))
	assert.Equal(t, []string{"c", "a", "a1"}, seen)
	back, err := indicators.ReadReport(&b)
	require.NoError(t, err)
	require.Len(t, back.Units, 3)
	assert.Empty(t, back.Units[0].Results)
	assert.Positive(t, back.Units[0].Summary.Total(), "the summary still counts every result")

	_, err = cat.Evaluate(d).Stream(indicators.Options{Units: []string{"nowhere"}})
	assert.Error(t, err)
}

// A unit's results cost a few allocations, not one per value: the results,
// their values and their inputs each come out of one array per unit (and,
// in a Stream, out of the last unit's), beside the texts of a reason.
func TestUnitReportAllocations(t *testing.T) {
	cat, d := benchCatalog(t), benchData(t)
	ev := cat.Evaluate(d)
	school := -1
	for i, u := range d.Units {
		if u.ID == "s0" {
			school = i
		}
	}
	require.GreaterOrEqual(t, school, 0)
	u := ev.UnitReport(school, indicators.Options{})
	require.Len(t, u.Results, 50)
	reasons := 0
	for _, r := range u.Results {
		if r.Reason != nil {
			reasons++
		}
	}
	allocs := testing.AllocsPerRun(20, func() { ev.UnitReport(school, indicators.Options{}) })
	assert.LessOrEqual(t, allocs, float64(3+6*reasons), "%d results, %d with a reason", len(u.Results), reasons)

	s, err := ev.Stream(indicators.Options{Units: []string{"s0", "s1", "s2", "s3"}})
	require.NoError(t, err)
	var units int
	perPass := testing.AllocsPerRun(10, func() {
		_ = s.Each(func(*indicators.UnitReport) error { units++; return nil })
	})
	assert.LessOrEqual(t, perPass, float64(4*(3+6*reasons)), "a stream reuses each unit's memory")
}
