package webapi

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/collect"
	"github.com/eduplan/eduplan/org"
)

// A school's exported figures are its return: code, name, kind, parent
// (with the parent's row), plan id and year; two schools' returns collect.
func TestExportIsAReturn(t *testing.T) {
	s := fixtureSession(t)
	form := func(name, enrolled string, who map[string]any) map[string]any {
		return map[string]any{"level": "school", "kind": "kindergarten", "name": name, "lang": "zh",
			"figures": map[string]string{"enrolled": enrolled}, "identity": who}
	}
	export := func(req map[string]any) (download, answer) {
		a := call(t, s, "exportFigures", req)
		var dl download
		if a["ok"] == true {
			decodeInto(t, a, &dl)
		}
		return dl, a
	}
	for _, tc := range []struct {
		name string
		who  map[string]any
		err  string
	}{
		{"no code", map[string]any{}, "请先填写本单位代码"},
		{"a parent without its name", map[string]any{"id": "k1", "parent": "d1"}, "请填写上级单位名称"},
		{"its own parent", map[string]any{"id": "d1", "parent": "d1", "parentName": "东区"}, "本单位代码与上级单位代码相同"},
	} {
		_, a := export(form("一园", "10", tc.who))
		assert.Equal(t, false, a["ok"], tc.name)
		assert.Contains(t, strings.Join(errorTexts(t, a), "\n"), tc.err, tc.name)
	}

	// Typed: the parent's row one level up.
	dl1, a := export(form("一园", "120", map[string]any{"id": "k1", "parent": "d1", "parentName": "东区"}))
	require.Equal(t, true, a["ok"], a)
	assert.Contains(t, dl1.Text, "计划编号")
	fields := s.cat.Fields()
	d1, err := dataset.Read(strings.NewReader(dl1.Text), fields, dataset.Options{File: "k1.csv", Plan: s.plan.ID})
	require.NoError(t, err)
	assert.Equal(t, s.plan.ID, d1.Plan)
	assert.Equal(t, s.plan.Year, d1.Year)
	assert.Equal(t, []dataset.OrgUnit{{ID: "d1", Name: "东区", Level: org.District},
		{ID: "k1", Name: "一园", Level: org.School, Kind: org.Kindergarten, Parent: "d1"}}, d1.Units)

	// From a prefilled file: its rows above the school come back as they were.
	prefilled := "单位代码,单位名称,层级,学校类型,上级单位,年度,计划编号,在园幼儿数\n" +
		"c,市,市,,,2017," + s.plan.ID + ",\nd1,东区,区县,,c,2017," + s.plan.ID + ",\nk2,二园,学校,幼儿园,d1,2017," + s.plan.ID + ",\n"
	var imp importAnswer
	decodeInto(t, mustOK(t, s, "importData", map[string]string{"name": "k2-二园.csv", "text": prefilled}), &imp)
	require.True(t, imp.Single, "a prefilled file is one school's")
	assert.Equal(t, "k2", imp.Unit.ID)
	assert.Equal(t, "d1", imp.Unit.Parent)
	require.Len(t, imp.Above, 2)
	dl2, a := export(form("二园", "80", map[string]any{"id": "k2", "parent": "d1", "ancestors": imp.Above}))
	require.Equal(t, true, a["ok"], a)
	d2, err := dataset.Read(strings.NewReader(dl2.Text), fields, dataset.Options{File: "k2.csv", Plan: s.plan.ID})
	require.NoError(t, err)
	assert.Len(t, d2.Units, 3)

	// The two returns collect: the district is an identical duplicate
	// once the city's row fills in its parent.
	res, err := collect.Merge([]collect.Return{{Name: "k1.csv", Data: d1}, {Name: "k2.csv", Data: d2}}, collect.Options{})
	require.NoError(t, err)
	assert.Len(t, res.Data.Units, 4)
	v, ok := res.Data.Value("k2", "enrolled")
	assert.True(t, ok)
	assert.Equal(t, 80.0, v)

	// A file of several schools is not one school's return.
	decodeInto(t, mustOK(t, s, "importData", map[string]string{"name": "d.csv", "text": prefilled + "k3,三园,学校,幼儿园,d1,2017,,\n"}), &imp)
	assert.False(t, imp.Single)
}

// errorTexts are the Chinese messages of a failed answer.
func errorTexts(t *testing.T, a answer) []string {
	t.Helper()
	var e struct {
		Errors []struct {
			Message struct{ ZH string } `json:"message"`
		} `json:"errors"`
	}
	decodeInto(t, a, &e)
	var out []string
	for _, m := range e.Errors {
		out = append(out, m.Message.ZH)
	}
	return out
}
