package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/org"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

var fields = []dataset.Field{
	{ID: "enrolled", Names: []string{"在园幼儿数"}, Integral: true},
	{ID: "pe_pass_rate", Names: []string{"体质健康合格率"}, Percent: true},
	{ID: "funding", Names: []string{"生均公用经费"}},
}

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		id   int
		code string
		want numClass
	}{
		{0, "", plain}, {1, "", plain}, {2, "", plain}, {3, "", plain}, {4, "", plain},
		{9, "", percent}, {10, "", percent},
		{11, "", plain}, {12, "", plain}, {49, "", plain},
		{14, "", shown}, {22, "", shown}, {27, "", shown}, {31, "", shown}, {46, "", shown}, {57, "", shown},
		{0, "General", plain}, {0, "general", plain},
		{0, "0.0%", percent}, {0, "0%", percent}, {0, "#,##0.00%", percent},
		{0, "0.0%;[Red]-0.0%", percent},
		{0, `0.0"%"`, plain}, // a quoted % is text
		{0, `0.0\%`, plain},  // so is an escaped one
		{0, `[Red]0.0%`, percent},
		{0, `"%"0;0%`, plain}, // only the first section counts
		{0, "000000", shown}, {0, "00", shown}, {0, "0", plain},
		{0, "#,##0", plain}, {0, "0.00", plain}, {0, `0"人"`, plain}, {0, "[$¥-804]#,##0.00", plain},
		{0, "0.00E+00", plain}, {0, "# ?/?", plain}, {0, `_(* #,##0_)`, plain},
		{0, "yyyy-mm-dd", shown}, {0, `yyyy"年"m"月"d"日"`, shown}, {0, "h:mm", shown}, {0, "[h]:mm", shown}, {0, "[mm]", shown},
		{0, "mm:ss.0", shown}, {0, "[$-804]dddd", shown},
	} {
		assert.Equal(t, c.want, classify(c.id, c.code), "%d %q", c.id, c.code)
	}
}

func TestNumberText(t *testing.T) {
	for _, c := range []struct {
		raw  string
		pct  bool
		want string
	}{
		{"0", false, "0"}, {"0", true, "0%"},
		{"120", false, "120"}, {"-3", false, "-3"},
		{"0.992", true, "99.2%"}, {"0.99199999999999999", true, "99.2%"}, {"0.96550000000000002", true, "96.55%"},
		{"1", true, "100%"}, {"1.05", true, "105%"}, {"0.5", true, "50%"}, {"-0.012", true, "-1.2%"},
		{"0.0001", true, "0.01%"}, {"0.30000000000000004", false, "0.3"}, {"0.1", false, "0.1"},
		{"2500.5", false, "2500.5"}, {"3211020001", false, "3211020001"}, {"1E-6", false, "0.000001"},
		{"12345678901234567", false, "12345678901234600"}, // Excel keeps 15 digits
		{"1.5E+25", false, "1.5E+25"}, {"1E+20", false, "100000000000000000000"}, {"1E+21", false, "1E+21"},
		{"1E-25", false, "1E-25"}, {"1E-21", true, "0.0000000000000000001%"},
		{"abc", false, "abc"}, {"NaN", false, "NaN"}, {"Inf", true, "Inf"}, {"", false, ""}, {" 12 ", false, "12"},
	} {
		assert.Equal(t, c.want, numberText(c.raw, c.pct), "%q %v", c.raw, c.pct)
	}
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".xlsx"))
	require.NoError(t, err)
	return b
}

func TestReadMergedParents(t *testing.T) {
	d, err := Read(bytes.NewReader(readFixture(t, "merged")), fields, dataset.Options{File: "merged.xlsx", Year: 2017})
	require.NoError(t, err)
	var parents []string
	for _, u := range d.Units {
		parents = append(parents, u.ID+"<"+u.Parent)
	}
	assert.Equal(t, []string{"d1<", "d2<", "s1<d1", "s2<d1", "s3<d1", "s4<d2"}, parents)
	assert.Equal(t, org.Kindergarten, d.Units[2].Kind)
	v, ok := d.Value("s1", "pe_pass_rate")
	require.True(t, ok)
	assert.InDelta(t, 0.99, v, 1e-12)
	v, ok = d.Value("s3", "pe_pass_rate")
	require.True(t, ok)
	assert.InDelta(t, 0.975, v, 1e-12)
	_, ok = d.Value("s4", "enrolled")
	assert.False(t, ok, "a merged - is missing in every cell it covers")
	assert.Equal(t, dataset.Workbook, d.Source.Encoding)
}

func TestReadPercentExact(t *testing.T) {
	d, err := Read(bytes.NewReader(readFixture(t, "wps-styles")), fields, dataset.Options{File: "w.xlsx", Year: 2017})
	require.NoError(t, err)
	for id, want := range map[string]float64{"s1": 0.992, "s2": 0.9655, "s3": 1} {
		v, ok := d.Value(id, "pe_pass_rate")
		require.True(t, ok)
		// The same float the CSV reader makes of "99.2%": not 0.99199999999999999 × 100 / 100.
		csv, err := dataset.ReadCSV(strings.NewReader("单位代码,单位名称,学校类型,体质健康合格率\nx,x,幼儿园,"+numberText(ftoa(want), true)+"\n"), fields, dataset.Options{Year: 2017})
		require.NoError(t, err)
		cv, _ := csv.Value("x", "pe_pass_rate")
		assert.Equal(t, cv, v, id)
		assert.InDelta(t, want, v, 1e-15, id)
	}
}

func ftoa(f float64) string { return decimalText(f, 0) }

func TestReadErrorsNameSheetAndCell(t *testing.T) {
	_, err := Read(bytes.NewReader(readFixture(t, "bad-cells")), fields, dataset.Options{File: "data.xlsx", Year: 2017})
	var errs dataset.Errors
	require.ErrorAs(t, err, &errs)
	zh := errs.In("zh")
	assert.Contains(t, zh, `data.xlsx 表 Sheet1 单元格 D2 (在园幼儿数（人）): "12人": `)
	assert.Contains(t, zh, `data.xlsx 表 Sheet1 单元格 A3 (单位代码): "s1": 代码重复：第2行已用过`)
	assert.Contains(t, zh, `data.xlsx 表 Sheet1 单元格 E3 (体质健康合格率（%）): "无": `)
	assert.Contains(t, errs.In("en"), `data.xlsx sheet Sheet1 cell D2 (在园幼儿数（人）): "12人": `)
	assert.Len(t, errs, 3)
}

func TestReadNamedSheet(t *testing.T) {
	b := readFixture(t, "two-sheets")
	d, err := Read(bytes.NewReader(b), fields, dataset.Options{File: "t.xlsx", Sheet: "数据", Year: 2017})
	require.NoError(t, err)
	assert.Len(t, d.Units, 1)
	// Case and surrounding spaces of a sheet's name do not matter.
	name, _, err := ReadSheet(bytes.NewReader(b), " 数据 ")
	require.NoError(t, err)
	assert.Equal(t, "数据", name)

	// The first sheet holds instructions, not figures: the reader says so
	// where it is.
	_, err = Read(bytes.NewReader(b), fields, dataset.Options{File: "t.xlsx", Year: 2017})
	require.Error(t, err)
	assert.Contains(t, err.(dataset.Errors).In("zh"), "t.xlsx 表 填表说明 单元格 A1")

	_, err = Read(bytes.NewReader(b), fields, dataset.Options{File: "t.xlsx", Sheet: "Sheet9"})
	require.Error(t, err)
	assert.Equal(t, `t.xlsx: 工作簿里没有名为“Sheet9”的工作表；工作表有：填表说明、数据`, err.(dataset.Errors).In("zh"))
	assert.Equal(t, `t.xlsx: the workbook has no sheet named "Sheet9"; its sheets are: 填表说明、数据`, err.(dataset.Errors).In("en"))
}

func TestReadNotAWorkbook(t *testing.T) {
	for name, b := range map[string][]byte{
		"csv":       []byte("单位代码,单位名称\n"),
		"empty":     nil,
		"zip only":  []byte("PK\x03\x04garbage"),
		"other zip": zipOf(t, map[string]string{"a.txt": "hello"}),
	} {
		_, err := Read(bytes.NewReader(b), fields, dataset.Options{File: "x.xlsx"})
		require.Error(t, err, name)
		var errs dataset.Errors
		require.ErrorAs(t, err, &errs, name)
		assert.Contains(t, errs.In("zh"), "x.xlsx: 不是可读取的 Excel 工作簿（.xlsx）", name)
		assert.Contains(t, errs.In("en"), "x.xlsx: not a readable Excel workbook (.xlsx)", name)
	}
}

func TestIsWorkbook(t *testing.T) {
	assert.True(t, IsWorkbook(readFixture(t, "formats")))
	assert.True(t, IsWorkbook(readFixture(t, "wps-strings")))
	assert.False(t, IsWorkbook([]byte("单位代码,单位名称\n")))
	assert.False(t, IsWorkbook([]byte("PK")))
	assert.False(t, IsWorkbook(nil))
}

func TestWriteRoundTrip(t *testing.T) {
	sheet := Sheet{
		Name:   "数据",
		Header: []string{"单位代码", "单位名称", "学校类型", "在园幼儿数（人）", "体质健康合格率（%）"},
		Rows: [][]string{
			{"0123", "=HYPERLINK(\"http://x\")", "幼儿园", "", ""},
			{"s2", "+1", "幼儿园", "", ""},
			{"s3", "-2", "幼儿园", "", ""},
			{"s4", "@SUM(A1)", "幼儿园", "", ""},
			{"s5", "多行\n名称", "幼儿园", "", ""},
		},
		Formats: []Format{Text, General, General, General, Percent},
	}
	var b bytes.Buffer
	require.NoError(t, Write(&b, sheet))

	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	require.NoError(t, err)
	defer f.Close()
	for i, r := range sheet.Rows {
		ref := dataset.CellName(2, i+2)
		// Text is text: no formula however it starts.
		formula, err := f.GetCellFormula("数据", ref)
		require.NoError(t, err)
		assert.Empty(t, formula, ref)
		typ, err := f.GetCellType("数据", ref)
		require.NoError(t, err)
		assert.Equal(t, excelize.CellTypeInlineString, typ, ref)
		v, err := f.GetCellValue("数据", ref)
		require.NoError(t, err)
		assert.Equal(t, r[1], v)
	}
	// The header row is frozen.
	panes, err := f.GetPanes("数据")
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 1, panes.YSplit)
	// A Chinese header widens its column.
	w, err := f.GetColWidth("数据", "E")
	require.NoError(t, err)
	assert.Greater(t, w, 20.0)

	// Figures typed into the percent column show and read as percents.
	require.NoError(t, f.SetCellFloat("数据", "E2", 0.992, -1, 64))
	require.NoError(t, f.SetCellFloat("数据", "D2", 120, -1, 64))
	shown, err := f.GetCellValue("数据", "E2")
	require.NoError(t, err)
	assert.Equal(t, "99.20%", shown)
	var filled bytes.Buffer
	require.NoError(t, f.Write(&filled))
	name, rows, err := ReadSheet(bytes.NewReader(filled.Bytes()), "")
	require.NoError(t, err)
	assert.Equal(t, "数据", name)
	want := append([][]string{sheet.Header}, sheet.Rows...)
	want[1] = []string{"0123", "=HYPERLINK(\"http://x\")", "幼儿园", "120", "99.2%"}
	assert.Equal(t, trimRows(want), trimRows(rows))
}

func TestWriteRefusesOverlongCell(t *testing.T) {
	err := Write(&bytes.Buffer{}, Sheet{Header: []string{"a"}, Rows: [][]string{{strings.Repeat("长", maxCell+1)}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "A2")
}

func TestWriteSeveralSheets(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Write(&b, Sheet{Name: "一", Header: []string{"a"}}, Sheet{Header: []string{"b"}}))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"一", "Sheet2"}, f.GetSheetList())
}

func TestDisplayWidth(t *testing.T) {
	assert.Equal(t, 0, displayWidth(""))
	assert.Equal(t, 3, displayWidth("abc"))
	assert.Equal(t, 4, displayWidth("幼儿"))
	assert.Equal(t, 4, displayWidth("ab\n幼儿\nx"))
}

// A template's percent column is in percent format: 99.2 typed there (Excel
// stores 0.992) reads back as 99.2%, as "99.2" does in the CSV template.
func TestTemplateRoundTrip(t *testing.T) {
	units := []dataset.OrgUnit{
		{ID: "d1", Name: "东区", Level: org.District},
		{ID: "0101", Name: "一幼", Level: org.School, Kind: org.Kindergarten, Parent: "d1"},
	}
	names := func(f dataset.Field) string {
		return f.Names[0] + map[bool]string{true: "（%）", false: "（人）"}[f.Percent]
	}
	var b bytes.Buffer
	require.NoError(t, WriteTemplate(&b, units, fields[:2], names, "zh"))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	sheet := f.GetSheetList()[0]
	assert.Equal(t, "填报", sheet)
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	assert.Equal(t, []string{"单位代码", "单位名称", "层级", "学校类型", "上级单位", "在园幼儿数（人）", "体质健康合格率（%）"}, rows[0])
	assert.Equal(t, []string{"0101", "一幼", "学校", "幼儿园", "d1"}, rows[2])
	for ref, numFmt := range map[string]int{"A3": 49, "E3": 49, "F3": 0, "G3": 10, "G50": 10} {
		st, err := f.GetCellStyle(sheet, ref)
		require.NoError(t, err)
		s, err := f.GetStyle(st)
		require.NoError(t, err)
		assert.Equal(t, numFmt, s.NumFmt, ref)
	}
	require.NoError(t, f.SetCellFloat(sheet, "F3", 120, -1, 64))
	require.NoError(t, f.SetCellFloat(sheet, "G3", 0.992, -1, 64))
	var filled bytes.Buffer
	require.NoError(t, f.Write(&filled))
	require.NoError(t, f.Close())
	d, err := Read(&filled, fields, dataset.Options{File: "t.xlsx", Year: 2017})
	require.NoError(t, err)
	assert.Equal(t, "0101", d.Units[1].ID)
	csv, err := dataset.ReadCSV(strings.NewReader("单位代码,单位名称,学校类型,在园幼儿数,体质健康合格率\nx,x,幼儿园,120,99.2\n"), fields, dataset.Options{Year: 2017})
	require.NoError(t, err)
	for _, m := range []string{"enrolled", "pe_pass_rate"} {
		want, _ := csv.Value("x", m)
		got, ok := d.Value("0101", m)
		assert.True(t, ok, m)
		assert.Equal(t, want, got, m)
	}
}

// A header made by a formula and merged across two columns: excelize
// answers for every cell of a merged range with its first cell, so the
// second would read as an uncomputed formula if the reader asked it.
func TestMergedFormulaHeader(t *testing.T) {
	p := wpsParts("Sheet1", false)
	p["xl/sharedStrings.xml"] = sst("单位代码", "单位名称", "学校类型")
	p["xl/worksheets/sheet1.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="str"><f>"体质"&amp;"健康合格率"</f><v>体质健康合格率</v></c><c r="E1"/><c r="F1" t="inlineStr"><is><t>生均公用经费</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>s1</t></is></c><c r="B2" t="inlineStr"><is><t>一幼</t></is></c><c r="C2" t="inlineStr"><is><t>幼儿园</t></is></c><c r="D2"><v>99</v></c><c r="F2"><v>2500</v></c></row>` +
		`</sheetData><mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells></worksheet>`
	_, rows, err := ReadSheet(bytes.NewReader(zipOf(t, p)), "")
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"单位代码", "单位名称", "学校类型", "体质健康合格率", "", "生均公用经费"}, {"s1", "一幼", "幼儿园", "99", "", "2500"}}, trimRows(rows))
	d, err := Read(bytes.NewReader(zipOf(t, p)), fields, dataset.Options{Year: 2017})
	require.NoError(t, err)
	v, _ := d.Value("s1", "pe_pass_rate")
	assert.InDelta(t, 0.99, v, 1e-12)
}

func TestUncomputedFormulaIsRejected(t *testing.T) {
	_, err := Read(bytes.NewReader(readFixture(t, "uncomputed")), fields, dataset.Options{File: "u.xlsx", Year: 2017})
	var errs dataset.Errors
	require.ErrorAs(t, err, &errs)
	require.Len(t, errs, 1)
	assert.Contains(t, errs.In("zh"), `u.xlsx 表 Sheet1 单元格 D3 (在园幼儿数（人）): "=D2*2": `)
}

// With no sheet named, the first sheet a user sees is read, not a hidden
// one before it; a hidden sheet is still read when named.
func TestFirstVisibleSheet(t *testing.T) {
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetName("Sheet1", "lists"))
	require.NoError(t, f.SetCellStr("lists", "A1", "幼儿园"))
	data, err := f.NewSheet("数据")
	require.NoError(t, err)
	require.NoError(t, f.SetCellStr("数据", "A1", "单位代码"))
	f.SetActiveSheet(data) // Excel cannot hide the active sheet
	require.NoError(t, f.SetSheetVisible("lists", false))
	visible, err := f.GetSheetVisible("lists")
	require.NoError(t, err)
	require.False(t, visible)
	b, err := f.WriteToBuffer()
	require.NoError(t, err)
	name, _, err := ReadSheet(bytes.NewReader(b.Bytes()), "")
	require.NoError(t, err)
	assert.Equal(t, "数据", name)
	name, rows, err := ReadSheet(bytes.NewReader(b.Bytes()), "lists")
	require.NoError(t, err)
	assert.Equal(t, "lists", name)
	assert.Equal(t, [][]string{{"幼儿园"}}, rows)
}

// An .xlsx with an opening password is an OLE container like an old .xls:
// the reader says it cannot open it and why, rather than call it an .xls.
func TestProtectedWorkbook(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	assert.True(t, IsProtectedWorkbook(ole, "returns/一幼.XLSX"))
	assert.False(t, IsProtectedWorkbook(ole, "old.xls"))
	assert.False(t, IsProtectedWorkbook([]byte("PK\x03\x04"), "a.xlsx"))
	_, err := Read(bytes.NewReader(ole), fields, dataset.Options{File: "一幼.xlsx"})
	require.Error(t, err)
	assert.Contains(t, err.(dataset.Errors).In("zh"), "一幼.xlsx: 无法读取这个 Excel 工作簿（可能设置了打开密码）")
	assert.Contains(t, err.(dataset.Errors).In("en"), "cannot read this Excel workbook (it may have a password)")
}
