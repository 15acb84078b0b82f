package dataset

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
)

const rowsHeader = "单位代码,单位名称,层级,学校类型,上级单位,在园幼儿数,3-5岁适龄人口\n"

// A row whose width differs from the header's is refused when a cell may
// have been lost or split (figures shifted), and read when the difference
// is only empty cells a writer left at the end.
func TestRowWidth(t *testing.T) {
	tests := []struct {
		name string
		rows string
		// want is the whole error in English, or "" when the file reads.
		want string
	}{
		{"every row as wide as the header", "c,市,市,,,,100\nk,幼,学校,幼儿园,c,90,\n", ""},
		{"one cell short", "c,市,市,,,,100\nk,幼,学校,幼儿园,90,\n",
			"d.csv:3: this row has 6 cells but the header names 7 columns (单位代码 … 3-5岁适龄人口): 1 missing, so the figures after the gap would land in the wrong columns. Leave a missing figure's cell empty (nothing between two commas) rather than deleting it; if Excel saved the file (it leaves out the commas of an empty last column), read the .xlsx workbook instead"},
		{"short of empty headers only", "c,市,市,,,,100\nk,幼,学校,幼儿园,c,90,\n", ""},
		{"one empty cell long among rows of the header's width", "c,市,市,,,1,000,\nk,幼,学校,幼儿园,c,90,\n",
			"d.csv:2: this row has 8 cells but the header names 7 columns (单位代码 … 3-5岁适龄人口): the extra cell is most likely an unquoted thousands separator (1,000) or a comma in a name splitting a cell in two, which shifts the figures after it. Quote the cell (\"1,000\") or remove the comma"},
		{"every row with a trailing delimiter", "c,市,市,,,,100,\nk,幼,学校,幼儿园,c,90,,\n", ""},
		{"a filled cell beyond the header", "c,市,市,,,,100\nk,幼,学校,幼儿园,c,90,,7\n",
			"d.csv:3:8: \"7\": this cell is beyond the last column and has no header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := rowsHeader
			if strings.HasPrefix(tt.name, "short of empty headers") {
				header = strings.TrimSuffix(rowsHeader, "\n") + ",,\n"
			}
			_, err := ReadCSV(strings.NewReader(header+tt.rows), testFields, Options{File: "d.csv"})
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Equal(t, tt.want, msg.In(err, "en"))
			assert.NotEmpty(t, msg.In(err, "zh"))
		})
	}
}

// A sheet's row ends at its last filled cell: a short row is its empty
// cells, never a lost one, and reads.
func TestSheetRowsMayBeShort(t *testing.T) {
	rows := [][]string{
		{"单位代码", "单位名称", "层级", "学校类型", "上级单位", "在园幼儿数", "3-5岁适龄人口"},
		{"c", "市", "市", "", "", "", "100"},
		{"k", "幼", "学校", "幼儿园", "c", "90"},
		// Empty cells past the header on one row only: a formatted or
		// cleared cell, never a split one.
		{"k2", "幼二", "学校", "幼儿园", "c", "80", "", "", ""},
	}
	d, err := ReadCells(rows, testFields, Options{File: "d.xlsx", Sheet: "S"})
	require.NoError(t, err)
	assert.Equal(t, 90.0, value(t, d, "k", "preschool_enrolled"))
	assert.Equal(t, 80.0, value(t, d, "k2", "preschool_enrolled"))
}

var totalReasonEN = "this row is a totals row, not a unit: its figures would be counted a second time in its parent's sums. Delete the row (a parent's figures are summed from its units); if it holds a city's or district's own figures, give it the level city or district and point its units' parent at it, or give it the unit's own name (such as 镇江市)"

// A row named as a total (合计, 全市合计, 小计, Total …) is refused, in CSV, in
// a sheet and in JSON, unless it is a city or district that units in the
// file name as their parent.
func TestTotalRows(t *testing.T) {
	tests := []struct {
		name string
		rows string
		want string // the error in English, "" when the file reads
	}{
		{"合计 as a school", "c,市,市,,,,100\nk,幼,学校,幼儿园,c,90,\nt,合计,学校,幼儿园,c,90,\n", "d.csv:4:2 (单位名称): \"合计\": " + totalReasonEN},
		{"全市合计 as a district with no units", "c,市,市,,,,100\nt,全市合计,区,,c,,100\n", "d.csv:3:2 (单位名称): \"全市合计\": " + totalReasonEN},
		{"东区 小计 with a space", "c,市,市,,,,100\nt,东区 小计,学校,幼儿园,c,1,\n", "d.csv:3:2 (单位名称): \"东区 小计\": " + totalReasonEN},
		{"Total in English", "c,市,市,,,,100\nt,Total,学校,幼儿园,c,1,\n", "d.csv:3:2 (单位名称): \"Total\": " + totalReasonEN},
		{"全市合计 as the parent", "c,全市合计,市,,,,100\nk,幼,学校,幼儿园,c,90,\n", ""},
		{"a name containing 合计 inside", "c,市,市,,,,100\nk,合计路幼儿园,学校,幼儿园,c,90,\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(rowsHeader+tt.rows), testFields, Options{File: "d.csv"})
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Equal(t, tt.want, msg.In(err, "en"))
			assert.Contains(t, msg.In(err, "zh"), "这一行是合计行，不是单位")
		})
	}

	rows := [][]string{
		{"单位代码", "单位名称", "层级", "学校类型", "上级单位", "在园幼儿数"},
		{"c", "市", "市"},
		{"t", "总计", "学校", "幼儿园", "c", "5"},
	}
	_, err := ReadCells(rows, testFields, Options{File: "d.xlsx", Sheet: "S"})
	require.Error(t, err)
	assert.Equal(t, "d.xlsx sheet S cell B3 (单位名称): \"总计\": "+totalReasonEN, msg.In(err, "en"))

	js := `{"format": "eduplan.data/v1", "units": [
  {"id": "c", "name": "市", "level": "city"},
  {"id": "t", "name": "合计", "level": "school", "kind": "kindergarten", "parent": "c"}]}`
	_, err = ReadJSON(strings.NewReader(js), testFields, Options{File: "d.json"})
	require.Error(t, err)
	assert.Equal(t, "d.json:3:23: units[1].name: \"合计\": "+totalReasonEN, msg.In(err, "en"))
}

// A UTF-32 file is named as such; read as UTF-16 (its mark starts as
// UTF-16's) every character carried a NUL.
func TestUTF32Refused(t *testing.T) {
	for _, b := range [][]byte{
		{0xFF, 0xFE, 0, 0, 'a', 0, 0, 0},
		{0, 0, 0xFE, 0xFF, 0, 0, 0, 'a'},
	} {
		_, err := ReadCSV(strings.NewReader(string(b)), testFields, Options{File: "d.csv"})
		require.Error(t, err)
		assert.Contains(t, msg.In(err, "en"), "the file is in UTF-32, which is not supported")
	}
}
