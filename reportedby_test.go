package eduplan_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan"
	"github.com/eduplan/eduplan/indicators/dataset"
)

// A figure from a unit the plan does not expect it from (reported_by) is
// read and used as before, with a warning that names the cell — never
// taken without a word.
func TestFigureOutsideReportedByWarns(t *testing.T) {
	eng, err := eduplan.Default()
	require.NoError(t, err)
	csv := "单位代码,单位名称,层级,学校类型,上级单位,kindergarten_enrolment,population_age3_5\n" +
		"d1,京口区,区县,,,,\n" +
		"k1,一园,学校,幼儿园,d1,100,\n" +
		"p1,一小,学校,小学,d1,20,\n" + // a primary school: no kindergarten pupils expected
		"p2,二小,学校,小学,d1,,300\n" // the population is a district's figure
	d, err := eng.Read(strings.NewReader(csv), "k.csv")
	require.NoError(t, err)
	require.Len(t, d.Source.Warnings, 2)
	assert.Equal(t, dataset.CellError{File: "k.csv", Row: 4, Column: 6, Header: "kindergarten_enrolment", Unit: "p1",
		Text: "20", Reason: dataset.WarnNotReportedBy}, d.Source.Warnings[0])
	assert.Equal(t, "not_reported_by", d.Source.Warnings[0].Code())
	assert.Equal(t, `k.csv:4:6 (kindergarten_enrolment) [p1]: "20": the plan does not ask this kind of unit for this figure: check that it is not in the wrong row or column; it is read as written and counts only where something uses it (a parent's sum)`, d.Source.Warnings[0].In("en"))
	assert.Equal(t, 5, d.Source.Warnings[1].Row)
	assert.Equal(t, "p2", d.Source.Warnings[1].Unit)

	// Its use is unchanged: the district's sum counts it.
	rep, err := eng.Assess(d, eduplan.Units("d1"))
	require.NoError(t, err)
	found := false
	for _, r := range rep.Units[0].Results {
		for _, in := range r.Inputs {
			if in.ID == "kindergarten_enrolment" {
				found = true
				assert.Equal(t, 120.0, *in.Value)
			}
		}
	}
	assert.True(t, found)

	// A district giving its own total of a summed figure is expected.
	d, err = eng.Read(strings.NewReader("单位代码,单位名称,层级,kindergarten_enrolment\nd1,京口区,区县,500\n"), "d.csv")
	require.NoError(t, err)
	assert.Empty(t, d.Source.Warnings)

	// JSON names the figure by its path.
	doc := `{"format": "eduplan.data/v1", "year": 2017, "units": [
  {"id": "p1", "name": "一小", "level": "school", "kind": "primary", "figures": {"kindergarten_enrolment": 20}}]}`
	d, err = eng.Read(strings.NewReader(doc), "p.json")
	require.NoError(t, err)
	require.Len(t, d.Source.Warnings, 1)
	w := d.Source.Warnings[0]
	assert.Equal(t, "units[0].figures.kindergarten_enrolment", w.Path)
	assert.Equal(t, []any{"p.json", 2, "p1"}, []any{w.File, w.Row, w.Unit})
}

// The front door adds the file's data-quality summary to a report of figures
// read from a file, and none to figures built in Go.
func TestAssessCarriesDataQuality(t *testing.T) {
	eng, err := eduplan.Default()
	require.NoError(t, err)
	d, err := eng.Read(strings.NewReader("单位代码,单位名称,学校类型,school_choice_pupils,compulsory_new_entrants\np1,一小,小学,--,100\n"), "p.csv")
	require.NoError(t, err)
	rep, err := eng.Assess(d, eduplan.All())
	require.NoError(t, err)
	require.NotNil(t, rep.DataQuality)
	assert.Equal(t, "p.csv", rep.DataQuality.File)
	assert.Equal(t, []dataset.MarkerCount{{Marker: "--", Count: 1}}, rep.DataQuality.MissingByMarker)
	assert.Equal(t, 8, rep.DataQuality.Expected, "what the plan asks a primary school for: school choice, entrants, three teacher counts, three fitness counts")
	assert.Equal(t, 1, rep.DataQuality.Present)

	built := dataset.New(2017)
	require.NoError(t, built.Add(dataset.OrgUnit{ID: "p1", Name: "一小", Level: "school", Kind: "primary"}))
	rep, err = eng.Assess(built, eduplan.All())
	require.NoError(t, err)
	assert.Nil(t, rep.DataQuality)
}
