package dataset

import (
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cellsOf splits CSV text into rows of cells, as a spreadsheet would hold
// the same table.
func cellsOf(t *testing.T, s string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(s))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	require.NoError(t, err)
	return rows
}

func TestReadCellsReadsAsCSV(t *testing.T) {
	d, err := ReadCells(cellsOf(t, cityCSV), testFields, Options{File: "city.xlsx", Sheet: "Sheet1", Year: 2017})
	require.NoError(t, err)
	checkCity(t, d)
	assert.Equal(t, Workbook, d.Source.Encoding)
	assert.Equal(t, "city.xlsx", d.Source.File)
}

func TestReadCellsErrorsNameSheetAndCell(t *testing.T) {
	rows := [][]string{
		nil, // a blank first row: the header is on row 2
		{"单位代码", "单位名称", "学校类型", "在园幼儿数", "体质健康合格率"},
		{"s1", "一幼", "幼儿园", "12人", "99"},
		{"s1", "二幼", "幼儿园", "", ""},
		{"s3", "三幼", "幼儿园", "", "", "stray"},
	}
	_, err := ReadCells(rows, testFields, Options{File: "data.xlsx", Sheet: "Sheet1"})
	var errs Errors
	require.ErrorAs(t, err, &errs)
	zh := strings.Split(errs.In("zh"), "\n")
	en := strings.Split(errs.In("en"), "\n")
	require.Len(t, zh, 3)
	assert.True(t, strings.HasPrefix(zh[0], `data.xlsx 表 Sheet1 单元格 D3 (在园幼儿数): "12人": `), zh[0])
	assert.True(t, strings.HasPrefix(zh[1], `data.xlsx 表 Sheet1 单元格 A4 (单位代码): "s1": 代码重复：第3行已用过`), zh[1])
	assert.True(t, strings.HasPrefix(zh[2], `data.xlsx 表 Sheet1 单元格 F5: "stray": `), zh[2])
	assert.True(t, strings.HasPrefix(en[0], `data.xlsx sheet Sheet1 cell D3 (在园幼儿数): "12人": `), en[0])
	assert.Equal(t, zh[0], strings.Split(errs.Error(), "\n")[0][:len(zh[0])-len(errs[0].Reason.ZH)]+errs[0].Reason.ZH)
}

func TestReadCellsWholeRowAndFileErrors(t *testing.T) {
	_, err := ReadCells([][]string{{"单位代码", "单位名称", "学校类型"}}, testFields, Options{File: "a.xlsx", Sheet: "数据"})
	require.Error(t, err)
	assert.Contains(t, err.(Errors).In("zh"), "a.xlsx 表 数据 第1行: 只有表头")
	assert.Contains(t, err.(Errors).In("en"), "a.xlsx sheet 数据 row 1: the file has a header")

	_, err = ReadCells(nil, testFields, Options{File: "a.xlsx", Sheet: "数据"})
	require.Error(t, err)
	assert.Equal(t, "a.xlsx 表 数据: 文件是空的", err.(Errors).In("zh"))
}

func TestCellName(t *testing.T) {
	for _, c := range []struct {
		col, row int
		want     string
	}{{1, 1, "A1"}, {6, 7, "F7"}, {26, 2, "Z2"}, {27, 3, "AA3"}, {52, 1, "AZ1"}, {53, 1, "BA1"}, {702, 9, "ZZ9"}, {703, 10, "AAA10"}, {16384, 1048576, "XFD1048576"}} {
		assert.Equal(t, c.want, CellName(c.col, c.row))
	}
}

// FuzzReadCells: rows of any cells, blank or ragged, read or are refused
// with errors that all name the sheet; never a panic.
func FuzzReadCells(f *testing.F) {
	f.Add("单位代码\t单位名称\t学校类型\t在园幼儿数\n s1\t一幼\t幼儿园\t12\n\n\ts2\t二幼")
	f.Add("单位代码\t单位名称\t层级\t上级单位\t体质健康合格率\nc\t市\t市\t\t\nd\t区\t区\tc\t99.2%")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		var rows [][]string
		for _, line := range strings.Split(s, "\n") {
			if line == "" {
				rows = append(rows, nil)
				continue
			}
			rows = append(rows, strings.Split(line, "\t"))
		}
		d, err := ReadCells(rows, testFields, Options{File: "f.xlsx", Sheet: "S", Year: 2017})
		if (d == nil) == (err == nil) {
			t.Fatalf("dataset %v and error %v", d != nil, err)
		}
		if errs, ok := err.(Errors); ok {
			for _, e := range errs {
				if e.Sheet != "S" {
					t.Fatalf("an error without its sheet: %v", e)
				}
			}
		}
	})
}

// The line that counts the errors left unlisted names the sheet like the
// ones above it (found by FuzzReadCells).
func TestReadCellsCappedErrorsNameSheet(t *testing.T) {
	rows := [][]string{{"单位代码", "单位名称", "学校类型", "在园幼儿数"}}
	for i := range 150 {
		rows = append(rows, []string{fmt.Sprintf("k%d", i), "园", "幼儿园", "x"})
	}
	_, err := ReadCells(rows, testFields, Options{File: "k.xlsx", Sheet: "数据"})
	var es Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, MaxListed+1)
	assert.Equal(t, "k.xlsx 表 数据: ……另有 50 处错误未列出", es[MaxListed].In("zh"))
	assert.Equal(t, "k.xlsx sheet 数据: … and 50 more errors not listed", es[MaxListed].In("en"))
}
