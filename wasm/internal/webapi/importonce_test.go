package webapi

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/seeds"
)

// countReportChecks counts the calls to isReport until the test ends: each
// is a parse of the whole file besides the data reader's.
func countReportChecks(t *testing.T) *int {
	n := new(int)
	was := isReport
	isReport = func(b []byte) bool {
		*n++
		return was(b)
	}
	t.Cleanup(func() { isReport = was })
	return n
}

// A data file the data reader reads is parsed once: it is not asked
// whether it is a report as well (issue 12: a district's JSON file of
// 10,000 schools was parsed twice at import). Only a file the data reader
// refuses is.
func TestImportParsesADataFileOnce(t *testing.T) {
	s := seedSession(t)
	checks := countReportChecks(t)
	for _, f := range []struct{ name, text string }{
		{"sample2017.json", string(seeds.SampleData())},
		{"sample2017-bom.json", "\ufeff" + string(seeds.SampleData())},
		{"one.csv", "id,name,level,kind,junior_graduates,junior_graduates_progressing\ns1,实验初中,school,junior,280,279\n"},
	} {
		mustOK(t, s, "importData", map[string]string{"name": f.name, "text": f.text})
		assert.Zero(t, *checks, f.name)
	}
	bad := call(t, s, "importData", map[string]string{"name": "bad.json", "text": `{"format": "eduplan.data/v1", "units": [{"id": 1}]}`})
	assert.Equal(t, false, bad["ok"])
	assert.Equal(t, 1, *checks, "a file the data reader refuses may be a report")
}

// What the page answers for a file is what it answered when it asked
// first whether the file is a report: a report is restored, a report the
// data reader would also refuse keeps the report reader's words, and a
// file IsReport does not take for a report keeps the data reader's.
func TestImportReportOrDataAnswers(t *testing.T) {
	s := seedSession(t)
	req := map[string]any{"level": "school", "kind": "junior", "name": "实验初中", "lang": "en", "format": "json",
		"figures": map[string]string{"junior_graduates": "280", "junior_graduates_progressing": "279"}}
	var js download
	decodeInto(t, mustOK(t, s, "exportReport", req), &js)
	require.True(t, indicators.IsReport([]byte(js.Text)))

	tests := []struct {
		name, text string
		// kind is the import's kind, or "" when it fails with want in
		// its English words, under the key of the answer that says which
		// reader refused it: "errors" the report's, "dataErrors" the data
		// reader's.
		kind, key, want string
	}{
		{"report", js.Text, "report", "", ""},
		{"report with a byte order mark", "\ufeff" + js.Text, "report", "", ""},
		{"data format with results", `{"format": "eduplan.data/v1", "units": [{"id": "s", "results": []}]}`, "", "errors", "unknown report format"},
		{"report of another plan", strings.Replace(js.Text, `"plan":"zhenjiang-2017"`, `"plan":"other"`, 1), "", "errors", "the report is for plan"},
		{"report cut short", js.Text[:len(js.Text)-2], "", "dataErrors", "JSON syntax error"},
		{"data with an unknown key", `{"format": "eduplan.data/v1", "units": [{"id": "s", "level": "school", "kind": "junior", "result": 1}]}`, "", "dataErrors", `unknown field \"result\"`},
		{"data", string(seeds.SampleData()), "data", "", ""},
	}
	for _, tt := range tests {
		a := call(t, s, "importData", map[string]string{"name": "f.json", "text": tt.text})
		b, err := json.Marshal(a)
		require.NoError(t, err)
		if tt.kind != "" {
			require.Equal(t, true, a["ok"], "%s: %s", tt.name, b)
			assert.Equal(t, tt.kind, a["kind"], tt.name)
			continue
		}
		assert.Equal(t, false, a["ok"], tt.name)
		require.Contains(t, a, tt.key, "%s: %s", tt.name, b)
		list, err := json.Marshal(a[tt.key])
		require.NoError(t, err)
		assert.Contains(t, string(list), tt.want, tt.name)
	}
}

// A report that cannot be read is said in one language at a time: the
// prefix was once one "中文 / English" string around a bilingual error, so
// the English words carried the Chinese ones too.
func TestBadReportSaysEachLanguageApart(t *testing.T) {
	s := seedSession(t)
	_, err := s.datasetFromReport(`{"format": "eduplan.report/v0", "units": [{"id": "s", "results": []}]}`)
	require.Error(t, err)
	zh, en := msg.In(err, "zh"), msg.In(err, "en")
	assert.True(t, strings.HasPrefix(zh, "报告文件无法读取"), zh)
	assert.True(t, strings.HasPrefix(en, "the report cannot be read"), en)
	assert.NotContains(t, en, "报告文件无法读取")
	assert.NotContains(t, zh, "the report cannot be read")
}
