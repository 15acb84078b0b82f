package indicators_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// qualityCatalog has a figure kindergartens report and districts sum
// (enrolled), one only districts and the city report (population), and a
// percent kindergartens report (pass).
func qualityCatalog(t *testing.T) *indicators.Catalog {
	t.Helper()
	kg := plan.Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Kindergarten}}
	metrics := []plan.Metric{
		{ID: "enrolled", Name: msg.T("在园幼儿数", "enrolled"), Unit: plan.Count, Integral: true, Aggregate: plan.Sum, ReportedBy: kg},
		{ID: "population", Name: msg.T("适龄人口", "population"), Unit: plan.Count, Integral: true, Aggregate: plan.None,
			ReportedBy: plan.Scope{Levels: []org.Level{org.City, org.District}}},
		{ID: "pass", Name: msg.T("合格率", "pass rate"), Unit: plan.Percent, Aggregate: plan.None, ReportedBy: kg},
	}
	cat, err := indicators.NewCatalog(metrics, []plan.Indicator{
		{ID: "rate", Name: msg.T("入园率", "rate"), Formula: "enrolled / population", Unit: plan.Percent,
			Target: ">= 90%", MayExceed100: true, AppliesTo: plan.Scope{Levels: []org.Level{org.City, org.District}}},
	}, nil)
	require.NoError(t, err)
	return cat
}

// The summary of a hand-made return, counted by hand:
//
//	unit  expected                        present
//	c     population                      1 (population)
//	d1    population                      0 ("--")
//	k1    enrolled, pass                  2
//	k2    enrolled, pass                  1 (pass "…")
//	p1    —  (gives enrolled: a warning)  0
//	d2    population, enrolled (no kindergarten below it)  1 (population)
//
// 8 expected, 5 present; d1 has 5 expected in its subtree and 3 present,
// d2 2 and 1.
func TestDataQualityOfAHandMadeFile(t *testing.T) {
	cat := qualityCatalog(t)
	csv := "单位代码,单位名称,层级,学校类型,上级单位,在园幼儿数,适龄人口,合格率\n" +
		"c,市,市,,,,9000,\n" +
		"d1,甲区,区县,,c,,--,\n" +
		"k1,一园,学校,幼儿园,d1,100,,95\n" +
		"k2,二园,学校,幼儿园,d1,80,,…\n" +
		"p1,一小,学校,小学,d1,5,,\n" +
		"d2,乙区,区县,,c,,4000,\n"
	d, err := dataset.ReadCSV(strings.NewReader(csv), cat.Fields(), dataset.Options{File: "r.csv", Year: 2017})
	require.NoError(t, err)
	q := cat.Quality(d)
	assert.Equal(t, "r.csv", q.File)
	assert.Equal(t, "utf-8", q.Encoding)
	assert.Equal(t, []indicators.UnitCount{
		{Level: org.City, Count: 1}, {Level: org.District, Count: 2},
		{Level: org.School, Kind: org.Kindergarten, Count: 2}, {Level: org.School, Kind: org.Primary, Count: 1},
	}, q.Units)
	assert.Equal(t, 8, q.Expected)
	assert.Equal(t, 5, q.Present)
	assert.Equal(t, 3, q.Missing)
	assert.Equal(t, []dataset.MarkerCount{{Marker: "--", Count: 1}, {Marker: "…", Count: 1}}, q.MissingByMarker)
	require.Len(t, q.MissingCells, 2)
	assert.Equal(t, "d1", q.MissingCells[0].Unit)
	assert.Equal(t, 1, q.Warnings)
	require.Len(t, q.WarningList, 1)
	assert.Equal(t, indicators.CellNote{File: "r.csv", Row: 6, Column: 6, Header: "在园幼儿数", Unit: "p1", Text: "5",
		Code: "not_reported_by", Reason: dataset.WarnNotReportedBy}, q.WarningList[0])
	assert.Zero(t, q.RuleViolations)
	assert.Equal(t, []indicators.DistrictQuality{
		{ID: "d1", Name: "甲区", Expected: 5, Present: 3, Share: 0.6},
		{ID: "d2", Name: "乙区", Expected: 2, Present: 1, Share: 0.5},
	}, q.Districts)
}

// A report carries the summary through its JSON and reads it back.
func TestDataQualityInReportJSON(t *testing.T) {
	cat := qualityCatalog(t)
	d, err := dataset.ReadCSV(strings.NewReader("单位代码,单位名称,层级,适龄人口\nd1,甲区,区县,--\n"), cat.Fields(), dataset.Options{File: "r.csv", Year: 2017})
	require.NoError(t, err)
	rep, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	rep.DataQuality = cat.Quality(d)
	var b strings.Builder
	require.NoError(t, rep.WriteJSON(&b))
	assert.Contains(t, b.String(), `"data_quality":{`)
	assert.Contains(t, b.String(), `"rule_violations":0`)
	back, err := indicators.ReadReport(strings.NewReader(b.String()))
	require.NoError(t, err)
	assert.Equal(t, rep.DataQuality, back.DataQuality)
}

// BenchmarkQuality summarises the 10,000-school benchmark file: compare with
// BenchmarkReport, the full assessment eduplan.Assess adds it to.
func BenchmarkQuality(b *testing.B) {
	cat, d := benchCatalog(b), benchData(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		cat.Quality(d)
	}
}
