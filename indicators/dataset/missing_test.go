package dataset

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// twentySchools is a return of twenty kindergartens; cell is the enrolment
// of the twelfth.
func twentySchools(cell string) string {
	var b strings.Builder
	b.WriteString("单位代码,单位名称,学校类型,在园幼儿数（人）,体质健康合格率（%）\n")
	for i := 1; i <= 20; i++ {
		n := fmt.Sprint(100 + i)
		if i == 12 {
			n = cell
		}
		fmt.Fprintf(&b, "k%02d,第%d幼儿园,幼儿园,%s,95\n", i, i, n)
	}
	return b.String()
}

// A missing-figure marker as a yearbook prints it no longer rejects a whole
// return: the figure is missing, and the cell is counted and listed.
func TestMissingMarkersInCSV(t *testing.T) {
	for _, tc := range []struct{ cell, marker string }{
		{"--", "--"}, {"－－", "--"}, {"…", "…"}, {"……", "……"}, {"—", "—"}, {"——", "——"}, {"-", "-"}, {" -- ", "--"},
	} {
		t.Run(tc.cell, func(t *testing.T) {
			d, err := ReadCSV(strings.NewReader(twentySchools(tc.cell)), testFields, Options{File: "k.csv"})
			require.NoError(t, err)
			require.Len(t, d.Units, 20)
			_, ok := d.Value("k12", "preschool_enrolled")
			assert.False(t, ok, "a marker is no figure, never zero")
			v, ok := d.Value("k13", "preschool_enrolled")
			assert.True(t, ok)
			assert.Equal(t, 113.0, v)
			assert.Equal(t, []MissingCell{{File: "k.csv", Row: 13, Column: 4, Header: "在园幼儿数（人）",
				Unit: "k12", Metric: "preschool_enrolled", Text: tc.cell, Marker: tc.marker}}, d.Source.Missing)
			assert.Equal(t, []MarkerCount{{tc.marker, 1}}, d.Source.MissingByMarker)
			assert.Equal(t, 1, d.Source.MissingCount())
		})
	}
}

// An empty cell is missing too, but not listed: it is how most files say it.
func TestEmptyCellNotListed(t *testing.T) {
	d, err := ReadCSV(strings.NewReader(twentySchools("")), testFields, Options{})
	require.NoError(t, err)
	assert.Empty(t, d.Source.Missing)
	assert.Zero(t, d.Source.MissingCount())
}

func TestMissingMarkersCountedByMarker(t *testing.T) {
	csv := "单位代码,单位名称,学校类型,在园幼儿数,体质健康合格率\n" +
		"k1,一园,幼儿园,--,…\n" +
		"k2,二园,幼儿园,－－,95\n" +
		"k3,三园,幼儿园,-,--\n"
	d, err := ReadCSV(strings.NewReader(csv), testFields, Options{})
	require.NoError(t, err)
	assert.Equal(t, []MarkerCount{{"--", 3}, {"…", 1}, {"-", 1}}, d.Source.MissingByMarker)
	require.Len(t, d.Source.Missing, 5)
	assert.Equal(t, "－－", d.Source.Missing[2].Text, "the cell as written")
	assert.Equal(t, "pe_pass_rate", d.Source.Missing[4].Metric)
}

// A word that may mean zero stays an error, and says why.
func TestZeroWordsStayErrors(t *testing.T) {
	for _, w := range []string{"无", "零", "空", "没有", "暂无"} {
		t.Run(w, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(twentySchools(w)), testFields, Options{File: "k.csv"})
			var es Errors
			require.ErrorAs(t, err, &es)
			require.Len(t, es, 1)
			assert.Equal(t, ReasonMayBeZero, es[0].Reason)
			assert.Equal(t, "may_be_zero", es[0].Code())
			assert.Equal(t, `k.csv:13:4 (在园幼儿数（人）): "`+w+`": 可能表示 0 也可能表示缺数据：请填 0 或 --`, es[0].In("zh"))
		})
	}
}

// Every bad cell of a file is listed at once, in reading order.
func TestEveryBadCellListed(t *testing.T) {
	csv := "单位代码,单位名称,学校类型,在园幼儿数,体质健康合格率\n" +
		"k1,一园,幼儿园,无,95\n" +
		"k2,二园,幼儿园,12人,95\n" +
		"k3,三园,幼儿园,--,abc\n" +
		"k4,四园,幼儿园,5,#DIV/0!\n"
	_, err := ReadCSV(strings.NewReader(csv), testFields, Options{File: "k.csv"})
	var es Errors
	require.ErrorAs(t, err, &es)
	var got []string
	for _, e := range es {
		got = append(got, fmt.Sprintf("%d:%d %s %s", e.Row, e.Column, e.Text, e.Code()))
	}
	assert.Equal(t, []string{"2:4 无 may_be_zero", "3:4 12人 text_after_number", "4:5 abc not_a_number", "5:5 #DIV/0! excel_error"}, got)
}

// Beyond MaxListed errors the rest are counted, not listed.
func TestErrorsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("单位代码,单位名称,学校类型,在园幼儿数\n")
	for i := range 150 {
		fmt.Fprintf(&b, "k%d,园%d,幼儿园,x%d\n", i, i, i)
	}
	_, err := ReadCSV(strings.NewReader(b.String()), testFields, Options{File: "k.csv"})
	var es Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, MaxListed+1)
	assert.Equal(t, 101, es[MaxListed-1].Row)
	assert.Equal(t, "k.csv: ……另有 50 处错误未列出", es[MaxListed].In("zh"))
	assert.Equal(t, "k.csv: … and 50 more errors not listed", es[MaxListed].In("en"))

	var j strings.Builder
	j.WriteString(`{"format": "eduplan.data/v1", "units": [`)
	for i := range 120 {
		if i > 0 {
			j.WriteString(",")
		}
		fmt.Fprintf(&j, "\n{\"id\": \"k%d\", \"name\": \"园\", \"level\": \"school\", \"kind\": \"kindergarten\", \"figures\": {\"preschool_enrolled\": \"无\"}}", i)
	}
	j.WriteString("]}")
	_, err = ReadJSON(strings.NewReader(j.String()), testFields, Options{})
	require.ErrorAs(t, err, &es)
	require.Len(t, es, MaxListed+1)
	assert.Equal(t, "… and 20 more errors not listed", es[MaxListed].In("en"))
}

// A file of markers keeps counting every one, and lists the first
// MaxListed.
func TestMissingCellsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("单位代码,单位名称,学校类型,在园幼儿数,体质健康合格率\n")
	for i := range 80 {
		fmt.Fprintf(&b, "k%d,园%d,幼儿园,--,…\n", i, i)
	}
	d, err := ReadCSV(strings.NewReader(b.String()), testFields, Options{})
	require.NoError(t, err)
	assert.Len(t, d.Source.Missing, MaxListed)
	assert.Equal(t, []MarkerCount{{"--", 80}, {"…", 80}}, d.Source.MissingByMarker)
}

// In JSON a null and a string marker are missing figures, counted and
// listed like a marked CSV cell; an empty string is not listed.
func TestMissingMarkersInJSON(t *testing.T) {
	doc := `{"format": "eduplan.data/v1", "year": 2017, "units": [
  {"id": "k1", "name": "一园", "level": "school", "kind": "kindergarten",
   "figures": {"preschool_enrolled": null, "pe_pass_rate": "－－", "funding": ""}},
  {"id": "k2", "name": "二园", "level": "school", "kind": "kindergarten",
   "figures": {"preschool_enrolled": "…", "pe_pass_rate": 95}}]}`
	d, err := ReadJSON(strings.NewReader(doc), testFields, Options{File: "k.json"})
	require.NoError(t, err)
	_, ok := d.Value("k1", "pe_pass_rate")
	assert.False(t, ok)
	assert.Equal(t, []MissingCell{
		{File: "k.json", Row: 3, Column: 38, Path: "units[0].figures.preschool_enrolled", Unit: "k1", Metric: "preschool_enrolled", Text: "null", Marker: "null"},
		{File: "k.json", Row: 3, Column: 60, Path: "units[0].figures.pe_pass_rate", Unit: "k1", Metric: "pe_pass_rate", Text: "－－", Marker: "--"},
		{File: "k.json", Row: 5, Column: 38, Path: "units[1].figures.preschool_enrolled", Unit: "k2", Metric: "preschool_enrolled", Text: "…", Marker: "…"},
	}, d.Source.Missing)
	assert.Equal(t, []MarkerCount{{"null", 1}, {"--", 1}, {"…", 1}}, d.Source.MissingByMarker)

	_, err = ReadJSON(strings.NewReader(strings.Replace(doc, `"…"`, `"无"`, 1)), testFields, Options{})
	var es Errors
	require.ErrorAs(t, err, &es)
	assert.Equal(t, "may_be_zero", es[0].Code())
}

// Warnings too are listed up to MaxListed, the rest counted.
func TestWarningsCapped(t *testing.T) {
	f := []Field{{ID: "p", Names: []string{"合格率"}, Percent: true}}
	var b strings.Builder
	b.WriteString("单位代码,单位名称,学校类型,合格率\n")
	for i := range 130 {
		fmt.Fprintf(&b, "k%d,园%d,幼儿园,0.5\n", i, i)
	}
	d, err := ReadCSV(strings.NewReader(b.String()), f, Options{})
	require.NoError(t, err)
	assert.Len(t, d.Source.Warnings, MaxListed)
	assert.Equal(t, 30, d.Source.MoreWarnings)
	assert.Equal(t, 130, d.Source.WarningCount())
	assert.Equal(t, 101, d.Source.Warnings[MaxListed-1].Row)
}
