package dataset

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seriesCSV = "年份,单位代码,单位名称,层级,上级单位,体质健康合格率\n" +
	"2020,c,镇江市,市,,90\n" +
	"2020,d1,京口区,区,c,88\n" +
	"2021,c,镇江市,市,,91.5\n" +
	"2021,d1,京口区,区,c,89\n" +
	"2021,d2,润州区,区,c,92%\n" +
	"2022年,c,镇江市,市,,93\n"

func TestReadSeriesCSV(t *testing.T) {
	s, err := ReadSeries(strings.NewReader(seriesCSV), testFields, Options{File: "x.csv"})
	require.NoError(t, err)
	assert.Equal(t, []int{2020, 2021, 2022}, s.Years())
	v, ok := s.Year(2021).Value("d2", "pe_pass_rate")
	require.True(t, ok)
	assert.InDelta(t, 0.92, v, 1e-12)
	v, _ = s.Year(2022).Value("c", "pe_pass_rate")
	assert.InDelta(t, 0.93, v, 1e-12)
	assert.Nil(t, s.Year(2023))
	// Each year's rows are a file of their own: parents resolve within it.
	u, _ := s.Year(2021).Unit("d2")
	assert.Equal(t, "c", u.Parent)

	spans := s.Spans()
	require.Len(t, spans, 2)
	assert.Equal(t, "d1", spans[0].Unit.ID)
	assert.Equal(t, []int{2020, 2021}, spans[0].Years)
	assert.Equal(t, "d2", spans[1].Unit.ID)
	assert.Equal(t, []int{2021}, spans[1].Years)
}

// Rows out of year order read the same; errors name lines of the whole file.
func TestReadSeriesCSVErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		csv   string
		rows  []int
		words string
	}{
		{"a unit twice in a year", "year,id,name,level,pe_pass_rate\n2020,c,市,市,90\n2021,c,市,市,91\n2020,c,市,市,92\n", []int{4}, "already used on line 2"},
		{"an empty year among several", "year,id,name,level,pe_pass_rate\n2020,c,市,市,90\n,c,市,市,91\n2021,c,市,市,92\n", []int{3}, "every row needs its year"},
		{"a bad year", "year,id,name,level,pe_pass_rate\n2020,c,市,市,90\n20x1,c,市,市,91\n", []int{3}, "four digits"},
		{"a bad cell in the second year", "year,id,name,level,pe_pass_rate\n2020,c,市,市,90\n2021,c,市,市,九十\n", []int{3}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadSeries(strings.NewReader(tc.csv), testFields, Options{File: "x.csv"})
			require.Error(t, err)
			es, ok := err.(Errors)
			require.True(t, ok, "%v", err)
			var rows []int
			for _, e := range es {
				rows = append(rows, e.Row)
			}
			assert.Equal(t, tc.rows, rows, es.Error())
			assert.Contains(t, es[0].Reason.EN, tc.words)
			assert.NotEmpty(t, es[0].Reason.ZH)
		})
	}
}

// A file of one year, with or without a year column, is a series of one;
// without a year anywhere it is refused.
func TestReadSeriesOneYear(t *testing.T) {
	s, err := ReadSeries(strings.NewReader(cityCSV), testFields, Options{Year: 2017})
	require.NoError(t, err)
	assert.Equal(t, []int{2017}, s.Years())
	assert.Empty(t, s.Spans())
	_, err = ReadSeries(strings.NewReader(cityCSV), testFields, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no year")
}

func TestReadSeriesJSON(t *testing.T) {
	doc := `[
  {"format": "eduplan.data/v1", "year": 2021, "units": [{"id": "c", "name": "市", "level": "city", "figures": {"pe_pass_rate": 91}}]},
  {"format": "eduplan.data/v1", "year": 2020, "units": [{"id": "c", "name": "市", "level": "city", "figures": {"pe_pass_rate": 90}}]}
]`
	s, err := ReadSeries(strings.NewReader(doc), testFields, Options{})
	require.NoError(t, err)
	assert.Equal(t, []int{2020, 2021}, s.Years())
	v, _ := s.Year(2021).Value("c", "pe_pass_rate")
	assert.InDelta(t, 0.91, v, 1e-12)

	bad := strings.Replace(doc, `"pe_pass_rate": 90`, `"pe_pass_rate": "九十"`, 1)
	_, err = ReadSeries(strings.NewReader(bad), testFields, Options{File: "y.json"})
	require.Error(t, err)
	es := err.(Errors)
	require.Len(t, es, 1, es.Error())
	assert.Equal(t, 3, es[0].Row)
	assert.Equal(t, "[1].units[0].figures.pe_pass_rate", es[0].Path)

	_, err = ReadSeries(strings.NewReader(strings.Replace(doc, `"year": 2020`, `"year": 2021`, 1)), testFields, Options{File: "y.json"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "already given")

	for _, bad := range []string{`[]`, `[1]`, `[{"format": "eduplan.data/v1", "year": 2020, "units": []},]`} {
		_, err = ReadSeries(strings.NewReader(bad), testFields, Options{})
		assert.Error(t, err, bad)
	}
}

func TestMergeSeries(t *testing.T) {
	a, b := New(2021), New(2020)
	a.Source.File, b.Source.File = "a.csv", "b.csv"
	s, err := Merge(Series{a}, Series{b})
	require.NoError(t, err)
	assert.Equal(t, []int{2020, 2021}, s.Years())
	s, err = Merge(Series{New(2024)}, Series{New(2022), New(2020)}, Series{New(2023)})
	require.NoError(t, err)
	assert.Equal(t, []int{2020, 2022, 2023, 2024}, s.Years())
	c := New(2021)
	c.Source.File = "c.csv"
	_, err = Merge(Series{a}, Series{b, c})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "a.csv")
	assert.Contains(t, err.Error(), "c.csv")
}

// A sheet of several years reads as the CSV file does; an unclosed quote in
// a file of several years is an error, never the rows before it alone; a
// sep= line is kept for a file without a year column.
func TestReadSeriesCellsQuoteAndSep(t *testing.T) {
	var rows [][]string
	for _, l := range strings.Split(strings.TrimSpace(seriesCSV), "\n") {
		rows = append(rows, strings.Split(l, ","))
	}
	s, err := ReadCellsSeries(rows, testFields, Options{File: "x.xlsx", Sheet: "Sheet1"})
	require.NoError(t, err)
	assert.Equal(t, []int{2020, 2021, 2022}, s.Years())
	assert.Equal(t, Workbook, s[0].Source.Encoding)
	rows[3][5] = "九十"
	_, err = ReadCellsSeries(rows, testFields, Options{File: "x.xlsx", Sheet: "Sheet1"})
	require.Error(t, err)
	assert.Equal(t, 4, err.(Errors)[0].Row)

	_, err = ReadSeries(strings.NewReader(seriesCSV+"2022,\"d1,京口区,区,c,90\n"), testFields, Options{File: "x.csv"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "unterminated quote")

	s, err = ReadSeries(strings.NewReader("sep=;\nid;name;level;pe_pass_rate\nc;市;市;90\n"), testFields, Options{Year: 2020})
	require.NoError(t, err)
	v, _ := s[0].Value("c", "pe_pass_rate")
	assert.InDelta(t, 0.9, v, 1e-12)
}

// A reader of one year says when a file holds several, so that a face
// taking several years reads it again as a series; other errors do not.
func TestSeveralYears(t *testing.T) {
	two := "单位代码,单位名称,层级,年份\nc,市,市,2016\nc,市,市,2017\n"
	_, err := Read(strings.NewReader(two), nil, Options{File: "two.csv"})
	require.Error(t, err)
	assert.True(t, SeveralYears(err))
	_, err = Read(strings.NewReader("单位代码,单位名称,层级,年份\nc,市,省级,2016\n"), nil, Options{File: "bad.csv"})
	require.Error(t, err)
	assert.False(t, SeveralYears(err))
	assert.False(t, SeveralYears(nil))
	s, err := ReadSeries(strings.NewReader(two), nil, Options{File: "two.csv"})
	require.NoError(t, err)
	assert.Equal(t, []int{2016, 2017}, s.Years())
}
