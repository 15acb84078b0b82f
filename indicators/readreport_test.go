package indicators_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
)

// smallReport is a city's report of one district and kindergarten, and its
// JSON.
func smallReport(t *testing.T) (*indicators.Report, *bytes.Buffer) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{city, distA, kgBig}, map[string]figures{"a1": {"enrolled": 950, "places": 1000}})
	r, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, r.WriteJSONIndent(&b))
	return r, &b
}

// check given several years writes the multi-year report under
// "progress" beside the year's: ReadReport reads past it, and no other
// unknown key.
func TestReadReportSkipsProgress(t *testing.T) {
	r, b := smallReport(t)
	withProgress := strings.Replace(b.String(), "{", `{"progress": {"years": [2016, 2017], "rows": [{"year": 2017}]},`, 1)
	got, err := indicators.ReadReport(strings.NewReader(withProgress))
	require.NoError(t, err)
	assert.Equal(t, r.Units, got.Units)
	_, err = indicators.ReadReport(strings.NewReader(strings.Replace(b.String(), "{", `{"progres": {},`, 1)))
	require.Error(t, err)
	nested := strings.Replace(b.String(), `"status": "met"`, `"status": "met", "progress": {}`, 1)
	_, err = indicators.ReadReport(strings.NewReader(nested))
	require.Error(t, err, "only the top-level key is skipped")
}

// ReadReport is as strict as the plan and data readers, and says where in
// the same way: a path for a value, line:column for a syntax error.
func TestReadReportIsStrict(t *testing.T) {
	r, b := smallReport(t)
	good := b.String()
	require.Contains(t, good, `"status": "met"`)

	tests := []struct {
		name   string
		doc    string
		paths  []string
		inEN   string
		within string
	}{
		{"unknown field", strings.Replace(good, `"status": "met"`, `"status": "met", "statuss": "met"`, 1),
			[]string{"units[0].results[0].statuss"}, `unknown field "statuss": did you mean "status"?`, ""},
		{"wrong type", strings.Replace(good, `"year": 2017`, `"year": "2017"`, 1),
			[]string{"year"}, "expected an integer, got a string", ""},
		{"duplicate key", strings.Replace(good, `"year": 2017`, `"year": 2017, "year": 2018`, 1),
			[]string{"year"}, `key "year" appears twice (first at line 3, column 3)`, ""},
		{"bad origin", strings.Replace(good, `"origin": "computed"`, `"origin": "guessed"`, 1),
			[]string{"units[0].results[0].origin"}, "", ""},
		{"syntax", "{\n  \"year\": 2017,\n  \"units\": [}", []string{"3:13"}, "JSON syntax error: unexpected '}'", ""},
		{"not JSON at all", "年份,单位\n2017,甲", []string{"1:1"}, "JSON syntax error: unexpected '年'", ""},
		{"empty", " ", []string{"1:1"}, "the input is empty: expected a report object", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEqual(t, good, tt.doc, "the case changes the report")
			rep, err := indicators.ReadReport(strings.NewReader(tt.doc))
			assert.Nil(t, rep)
			var ps msg.Problems
			require.ErrorAs(t, err, &ps)
			var paths []string
			for _, p := range ps {
				paths = append(paths, p.Path)
			}
			assert.Equal(t, tt.paths, paths, "%v", err)
			if tt.inEN != "" {
				assert.Equal(t, tt.inEN, ps[0].Message.EN)
			}
			assert.NotContains(t, ps.In("en"), "未知", "English only")
		})
	}

	// A report some other writer wrote with null for what it left out, and
	// a byte order mark, still reads.
	nulls := "\ufeff" + strings.Replace(good, `"origin": "computed"`, `"aggregates": null, "origin": "computed"`, 1)
	back, err := indicators.ReadReport(strings.NewReader(nulls))
	require.NoError(t, err)
	assert.Equal(t, r, back)
}

// FuzzReadReport: any input is a report or a list of problems, never a
// panic; a report read back writes the same bytes again.
func FuzzReadReport(f *testing.F) {
	f.Add([]byte(`{"year": 2017, "units": []}`))
	f.Add([]byte(`{"year": 2017, "units": [{"unit": {"id": "a", "name": "甲", "level": "school"}, "summary": {}, "results": [{"indicator": "x", "origin": "computed", "value": 0.5, "target": {"op": ">="}}]}]}`))
	f.Add([]byte(`{"units": null, "year": "2017", "yaer": 1}`))
	f.Add([]byte(`{"format":"eduplan.report/v2","year":2017,"indicators":[{"id":"x","name":{"zh":"甲"},"nature":"binding","unit":"percent","formula":"a / b","wording":"","target":{"text":">= 90%","op":">=","value":0.9,"display":{"zh":"≥ 90%"}}}],"inputs":[{"id":"a","name":{"zh":"甲数"},"unit":"count"}],"units":[
{"unit":{"id":"u","name":"乙","level":"school"},"results":[{"indicator":"x","status":"met","value":0.95,"origin":"computed","gap":5,"inputs":[{"id":"a","value":95,"origin":"reported"},{"id":"b","value":100,"origin":"reported","name":{"zh":"乙数"},"unit":"count"}]}]}]}`))
	f.Add([]byte(`{"format":"eduplan.report/v2","year":2017,"indicators":[],"units":[{"unit":{"id":"u","name":"乙","level":"school"},"summary":{"binding":{"met":1}},"results":[{"indicator":"y","status":"met","origin":"computed","own":{"id":"y","name":{"zh":"丙"},"nature":"binding","unit":"count","formula":"c","wording":"","target":{"text":">= 1","op":">=","value":1,"display":{"zh":"≥ 1"}}}}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := indicators.ReadReport(bytes.NewReader(data))
		if err != nil {
			var ps msg.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not a list of problems: %T %v", err, err)
			}
			return
		}
		var first, second bytes.Buffer
		if err := rep.WriteJSON(&first); err != nil {
			return // a value JSON cannot hold (NaN cannot be read, but 1e400 is refused earlier)
		}
		back, err := indicators.ReadReport(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("a written report does not read back: %v\n%s", err, first.Bytes())
		}
		if err := back.WriteJSON(&second); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("writes differ:\n%s\n%s", first.Bytes(), second.Bytes())
		}
	})
}

// A report's levels that are not a list of levels are refused with their
// place in the report, not read as none.
func TestReadReportBadLevels(t *testing.T) {
	for _, levels := range []string{`"city"`, `[{"id": 3}]`, `[{"id": "city", "name": "市"}]`} {
		_, err := indicators.ReadReport(strings.NewReader(`{"format":"eduplan.report/v2","year":2024,"levels":` + levels + `,"indicators":[],"units":[]}`))
		require.Error(t, err, levels)
		assert.Contains(t, err.Error(), "levels", levels)
	}
	r, err := indicators.ReadReport(strings.NewReader(`{"format":"eduplan.report/v2","year":2024,"levels":[{"id":"county","name":{"zh":"县","en":"County"}},{"id":"school"}],"indicators":[],"units":[]}`))
	require.NoError(t, err)
	assert.Equal(t, "县", r.Levels.Name("county").ZH)
}
