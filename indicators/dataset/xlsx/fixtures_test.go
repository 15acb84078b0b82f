package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the workbooks in testdata and their .want.json")

// fixture is a workbook in testdata with the cells a reader must find in
// it. The workbooks are shared with the page's JavaScript reader, which
// reads the same files against the same .want.json.
type fixture struct {
	name  string // testdata/name.xlsx
	sheet string // the sheet to read; "" for the first
	build func(t *testing.T) []byte
	// wantSheet and want are the sheet read and its cells, with trailing
	// empty cells and rows left out.
	wantSheet string
	want      [][]string
}

var fixtures = []fixture{
	{
		name: "formats", build: buildFormats, wantSheet: "Sheet1",
		want: [][]string{
			{"单位代码", "单位名称", "学校类型", "在园幼儿数（人）", "体质健康合格率（%）", "生均公用经费（元）"},
			{"0123", "一幼", "幼儿园", "120", "99.2%", "2500.5"},
			{"3211020001", "二幼", "幼儿园", "120", "50%", "0.3"},
			{"000123", "三幼", "幼儿园", "TRUE", "96.55%", "1234567.891"},
			{"s4", "=1+1", "幼儿园", "-3", "99.2", "1.5E+25"},
			{"s5", "+86 511", "幼儿园", "", "0.992", "12.345"},
			{"s6", "@home", "幼儿园", "", "-1.2%", "0.000001"},
			{"s7", "-", "幼儿园", "", "99.2%", ""},
		},
	},
	{
		name: "merged", build: buildMerged, wantSheet: "Sheet1",
		want: [][]string{
			{"单位代码", "单位名称", "层级", "学校类型", "上级单位", "在园幼儿数（人）", "体质健康合格率（%）"},
			nil,
			{"d1", "京口区", "区县"},
			{"d2", "润州区", "区县"},
			{"s1", "一幼", "学校", "幼儿园", "d1", "100", "99%"},
			{"s2", "二幼", "学校", "幼儿园", "d1", "120"},
			{"s3", "三幼", "学校", "幼儿园", "d1", "90", "97.5%"},
			{"s4", "四幼", "学校", "幼儿园", "d2", "-", "-"},
		},
	},
	{
		name: "wps-strings", build: buildWPSStrings, wantSheet: "Sheet1",
		want: [][]string{
			{"单位代码", "单位名称", "学校类型", "在园幼儿数（人）", "体质健康合格率（%）"},
			{"s1", "一幼", "幼儿园", "120", "99.2"},
			{"s2", "二幼（分园）", "幼儿园", "80", "#DIV/0!"},
			{"s3", "三幼", "幼儿园", "TRUE", "98"},
			{"s4", "四幼", "幼儿园", "75", ""},
		},
	},
	{
		name: "wps-styles", build: buildWPSStyles, wantSheet: "数据",
		want: [][]string{
			{"单位代码", "单位名称", "学校类型", "体质健康合格率（%）", "生均公用经费（元）"},
			{"s1", "一幼", "幼儿园", "99.2%", "2500"},
			{"s2", "二幼", "幼儿园", "96.55%", "0.1"},
			{"s3", "三幼", "幼儿园", "100%", "1800.25"},
		},
	},
	{
		name: "two-sheets", sheet: "数据", build: buildTwoSheets, wantSheet: "数据",
		want: [][]string{
			{"单位代码", "单位名称", "学校类型", "在园幼儿数（人）"},
			{"s1", "一幼", "幼儿园", "120"},
		},
	},
	{
		name: "dates", build: buildDates, wantSheet: "Sheet1",
		want: [][]string{
			{"单位代码", "单位名称", "学校类型", "在园幼儿数（人）"},
			{"s1", "一幼", "幼儿园", "09-01-17"},
			{"s2", "二幼", "幼儿园", "2017年9月1日"},
			{"s3", "三幼", "幼儿园", "36:00"},
		},
	},
	{
		name: "uncomputed", build: buildUncomputed, wantSheet: "Sheet1",
		want: [][]string{
			{"单位代码", "单位名称", "学校类型", "在园幼儿数（人）"},
			{"s1", "一幼", "幼儿园", "120"},
			{"s2", "二幼", "幼儿园", "=D2*2"},
			{"s3", "三幼", "幼儿园", "240"},
		},
	},
	{
		name: "bad-cells", build: buildBadCells, wantSheet: "Sheet1",
		want: [][]string{
			{"单位代码", "单位名称", "学校类型", "在园幼儿数（人）", "体质健康合格率（%）"},
			{"s1", "一幼", "幼儿园", "12人", "99"},
			{"s1", "二幼", "幼儿园", "", "无"},
		},
	},
}

func TestFixtures(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			path := filepath.Join("testdata", fx.name+".xlsx")
			if *update {
				require.NoError(t, os.WriteFile(path, fx.build(t), 0o644))
				want, err := json.MarshalIndent(map[string]any{"sheet": fx.sheet, "wantSheet": fx.wantSheet, "want": fx.want}, "", "  ")
				require.NoError(t, err)
				require.NoError(t, os.WriteFile(filepath.Join("testdata", fx.name+".want.json"), append(want, '\n'), 0o644))
			}
			b, err := os.ReadFile(path)
			require.NoError(t, err)
			name, rows, err := ReadSheet(bytes.NewReader(b), fx.sheet)
			require.NoError(t, err)
			assert.Equal(t, fx.wantSheet, name)
			assert.Equal(t, trimRows(fx.want), trimRows(rows))

			// The .want.json the JavaScript reader is tested against says the
			// same.
			var j struct {
				Sheet     string     `json:"sheet"`
				WantSheet string     `json:"wantSheet"`
				Want      [][]string `json:"want"`
			}
			jb, err := os.ReadFile(filepath.Join("testdata", fx.name+".want.json"))
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(jb, &j))
			assert.Equal(t, fx.sheet, j.Sheet)
			assert.Equal(t, fx.wantSheet, j.WantSheet)
			assert.Equal(t, trimRows(fx.want), trimRows(j.Want))
		})
	}
}

// trimRows leaves out trailing empty cells and rows, which a workbook may
// or may not store.
func trimRows(rows [][]string) [][]string {
	out := make([][]string, 0, len(rows))
	for _, r := range rows {
		n := len(r)
		for n > 0 && r[n-1] == "" {
			n--
		}
		if n == 0 {
			out = append(out, nil)
		} else {
			out = append(out, r[:n])
		}
	}
	for len(out) > 0 && out[len(out)-1] == nil {
		out = out[:len(out)-1]
	}
	return out
}

// The workbooks written with excelize stand for Excel's own files.

func newBook(t *testing.T) *excelize.File {
	t.Helper()
	return excelize.NewFile()
}

func save(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	b, err := f.WriteToBuffer()
	require.NoError(t, err)
	require.NoError(t, f.Close())
	return b.Bytes()
}

func style(t *testing.T, f *excelize.File, builtin int, custom string) int {
	t.Helper()
	s := &excelize.Style{NumFmt: builtin}
	if custom != "" {
		s.CustomNumFmt = &custom
	}
	id, err := f.NewStyle(s)
	require.NoError(t, err)
	return id
}

func set(t *testing.T, f *excelize.File, sheet, cell string, v any, styleID int) {
	t.Helper()
	switch v := v.(type) {
	case float64:
		require.NoError(t, f.SetCellFloat(sheet, cell, v, -1, 64))
	case string:
		require.NoError(t, f.SetCellStr(sheet, cell, v))
	default:
		require.NoError(t, f.SetCellValue(sheet, cell, v))
	}
	if styleID != 0 {
		require.NoError(t, f.SetCellStyle(sheet, cell, cell, styleID))
	}
}

func header(t *testing.T, f *excelize.File, sheet string, cells ...string) {
	t.Helper()
	for j, c := range cells {
		set(t, f, sheet, string(rune('A'+j))+"1", c, 0)
	}
}

func buildFormats(t *testing.T) []byte {
	f := newBook(t)
	const s = "Sheet1"
	header(t, f, s, "单位代码", "单位名称", "学校类型", "在园幼儿数（人）", "体质健康合格率（%）", "生均公用经费（元）")
	pct1 := style(t, f, 0, "0.0%")
	pct0 := style(t, f, 9, "")
	pct2 := style(t, f, 10, "")
	quoted := style(t, f, 0, `0.0"%"`)
	redPct := style(t, f, 0, `0.0%;[Red]-0.0%`)
	zeros := style(t, f, 0, "000000")
	oneDec := style(t, f, 0, "#,##0.0")
	text := style(t, f, 49, "")
	for i, kind := range []string{"幼儿园", "幼儿园", "幼儿园", "幼儿园", "幼儿园", "幼儿园", "幼儿园"} {
		set(t, f, s, "C"+itoa(i+2), kind, 0)
	}
	// Row 2: a text id with a leading zero, a count, 99.2% stored as 0.992
	// under a one-decimal percent format, money under a one-decimal format.
	set(t, f, s, "A2", "0123", text)
	set(t, f, s, "B2", "一幼", 0)
	set(t, f, s, "D2", 120.0, 0)
	set(t, f, s, "E2", 0.992, pct1)
	set(t, f, s, "F2", 2500.5, oneDec)
	// Row 3: a numeric id, a count stored as text, 50% under "0%", float
	// noise.
	set(t, f, s, "A3", 3211020001.0, 0)
	set(t, f, s, "B3", "二幼", 0)
	set(t, f, s, "D3", "120", 0)
	set(t, f, s, "E3", 0.5, pct0)
	set(t, f, s, "F3", 0.1+0.2, 0)
	// Row 4: an id kept to six digits by its format, a boolean, "0.00%", a
	// number with more decimals than... none: General.
	set(t, f, s, "A4", 123.0, zeros)
	set(t, f, s, "B4", "三幼", 0)
	set(t, f, s, "D4", true, 0)
	set(t, f, s, "E4", 0.9655, pct2)
	set(t, f, s, "F4", 1234567.891, 0)
	// Row 5: text that looks like a formula, a negative number, a percent
	// typed as text into a percent cell, a huge number.
	set(t, f, s, "A5", "s4", 0)
	set(t, f, s, "B5", "=1+1", 0)
	set(t, f, s, "D5", -3.0, 0)
	set(t, f, s, "E5", "99.2", pct1)
	set(t, f, s, "F5", 1.5e25, 0)
	// Row 6: a quoted "%" is a literal sign, not a percent; a format that
	// shows fewer decimals than the cell holds.
	set(t, f, s, "A6", "s5", 0)
	set(t, f, s, "B6", "+86 511", 0)
	set(t, f, s, "E6", 0.992, quoted)
	set(t, f, s, "F6", 12.345, oneDec)
	// Row 7: a negative percent under a two-section format; a tiny number.
	set(t, f, s, "A7", "s6", 0)
	set(t, f, s, "B7", "@home", 0)
	set(t, f, s, "E7", -0.012, redPct)
	set(t, f, s, "F7", 0.000001, 0)
	// Row 8: 99.2% as Excel may store it, with its binary noise.
	set(t, f, s, "A8", "s7", 0)
	set(t, f, s, "B8", "-", 0)
	set(t, f, s, "E8", 0.99199999999999999, pct1)
	return save(t, f)
}

func buildMerged(t *testing.T) []byte {
	f := newBook(t)
	const s = "Sheet1"
	header(t, f, s, "单位代码", "单位名称", "层级", "学校类型", "上级单位", "在园幼儿数（人）", "体质健康合格率（%）")
	// The header is two rows tall: each header cell is merged down a row,
	// and the last one across two columns too.
	for _, c := range "ABCDEF" {
		require.NoError(t, f.MergeCell(s, string(c)+"1", string(c)+"2"))
	}
	require.NoError(t, f.MergeCell(s, "G1", "H2"))
	pct := style(t, f, 9, "")
	rows := [][]any{
		{"d1", "京口区", "区县"},
		{"d2", "润州区", "区县"},
		{"s1", "一幼", "学校", "幼儿园", "d1", 100.0, 0.99},
		{"s2", "二幼", "学校", "幼儿园", nil, 120.0},
		{"s3", "三幼", "学校", "幼儿园", nil, 90.0, 0.975},
		{"s4", "四幼", "学校", "幼儿园", "d2", "-"},
	}
	for i, r := range rows {
		for j, v := range r {
			if v == nil {
				continue
			}
			st := 0
			if j == 6 {
				st = pct
			}
			set(t, f, s, string(rune('A'+j))+itoa(i+3), v, st)
		}
	}
	// The district's code merged down the parent column of its schools,
	// and a missing mark merged across two figures.
	require.NoError(t, f.MergeCell(s, "E5", "E7"))
	require.NoError(t, f.MergeCell(s, "F8", "G8"))
	return save(t, f)
}

func buildTwoSheets(t *testing.T) []byte {
	f := newBook(t)
	require.NoError(t, f.SetSheetName("Sheet1", "填表说明"))
	set(t, f, "填表说明", "A1", "请在“数据”表中填写", 0)
	_, err := f.NewSheet("数据")
	require.NoError(t, err)
	header(t, f, "数据", "单位代码", "单位名称", "学校类型", "在园幼儿数（人）")
	set(t, f, "数据", "A2", "s1", 0)
	set(t, f, "数据", "B2", "一幼", 0)
	set(t, f, "数据", "C2", "幼儿园", 0)
	set(t, f, "数据", "D2", 120.0, 0)
	return save(t, f)
}

func buildDates(t *testing.T) []byte {
	f := newBook(t)
	const s = "Sheet1"
	header(t, f, s, "单位代码", "单位名称", "学校类型", "在园幼儿数（人）")
	day := style(t, f, 14, "")
	cn := style(t, f, 0, `yyyy"年"m"月"d"日"`)
	hours := style(t, f, 0, "[h]:mm")
	serial := 42979.0 // 2017-09-01
	for i, r := range [][]any{{"s1", "一幼", "幼儿园", serial}, {"s2", "二幼", "幼儿园", serial}, {"s3", "三幼", "幼儿园", 1.5}} {
		for j, v := range r {
			set(t, f, s, string(rune('A'+j))+itoa(i+2), v, 0)
		}
	}
	require.NoError(t, f.SetCellStyle(s, "D2", "D2", day))
	require.NoError(t, f.SetCellStyle(s, "D3", "D3", cn))
	require.NoError(t, f.SetCellStyle(s, "D4", "D4", hours))
	return save(t, f)
}

func buildBadCells(t *testing.T) []byte {
	f := newBook(t)
	const s = "Sheet1"
	header(t, f, s, "单位代码", "单位名称", "学校类型", "在园幼儿数（人）", "体质健康合格率（%）")
	for i, r := range [][]any{{"s1", "一幼", "幼儿园", "12人", 99.0}, {"s1", "二幼", "幼儿园", nil, "无"}} {
		for j, v := range r {
			if v != nil {
				set(t, f, s, string(rune('A'+j))+itoa(i+2), v, 0)
			}
		}
	}
	return save(t, f)
}

// The hand-made workbooks stand for WPS's files: the same format, written
// by other code, with choices Excel does not make.

func zipOf(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	names := []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"}
	var rest []string
	for n := range parts {
		if !contains(names, n) {
			rest = append(rest, n)
		}
	}
	// In a fixed order, so that -update rewrites the same bytes.
	sort.Strings(rest)
	names = append(names, rest...)
	for _, n := range names {
		body, ok := parts[n]
		if !ok {
			continue
		}
		w, err := z.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: time.Date(2017, 9, 1, 0, 0, 0, 0, time.UTC)})
		require.NoError(t, err)
		_, err = w.Write([]byte(body))
		require.NoError(t, err)
	}
	require.NoError(t, z.Close())
	return b.Bytes()
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

func wpsParts(sheetName string, styles bool) map[string]string {
	ct := xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
	if styles {
		ct += `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`
		rels += `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
	}
	return map[string]string{
		"[Content_Types].xml": ct + `</Types>`,
		"_rels/.rels": xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": xmlHead + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="` + sheetName + `" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`,
	}
}

func sheetXML(rows string) string {
	return xmlHead + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`
}

func sst(strs ...string) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="` + itoa(len(strs)) + `" uniqueCount="` + itoa(len(strs)) + `">`)
	for _, s := range strs {
		b.WriteString(`<si><t>` + s + `</t></si>`)
	}
	b.WriteString(`</sst>`)
	return b.String()
}

// buildWPSStrings: shared strings and inline strings side by side (one of
// them rich text in runs), no styles part at all, a row and some cells
// without their "r" reference, an error value, a boolean and a formula's
// string result.
func buildWPSStrings(t *testing.T) []byte {
	p := wpsParts("Sheet1", false)
	p["xl/sharedStrings.xml"] = sst("单位代码", "单位名称", "学校类型", "在园幼儿数（人）", "幼儿园")
	p["xl/worksheets/sheet1.xml"] = sheetXML(
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>` +
			`<c r="E1" t="inlineStr"><is><t>体质健康合格率（%）</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>s1</t></is></c><c r="B2" t="inlineStr"><is><t>一幼</t></is></c><c r="C2" t="s"><v>4</v></c><c r="D2"><v>120</v></c><c r="E2" t="inlineStr"><is><t>99.2</t></is></c></row>` +
			`<row r="3"><c r="A3" t="inlineStr"><is><t>s2</t></is></c><c r="B3" t="inlineStr"><is><r><t>二幼</t></r><r><rPr><b/></rPr><t>（分园）</t></r></is></c><c r="C3" t="s"><v>4</v></c><c r="D3"><v>80</v></c><c r="E3" t="e"><v>#DIV/0!</v></c></row>` +
			`<row r="4"><c r="A4" t="str"><f>"s"&amp;"3"</f><v>s3</v></c><c r="B4" t="inlineStr"><is><t>三幼</t></is></c><c r="C4" t="s"><v>4</v></c><c r="D4" t="b"><v>1</v></c><c r="E4" t="n"><v>98</v></c></row>` +
			`<row><c t="inlineStr"><is><t>s4</t></is></c><c t="inlineStr"><is><t>四幼</t></is></c><c t="s"><v>4</v></c><c><v>75</v></c></row>`)
	return zipOf(t, p)
}

// buildWPSStyles: a styles part of its own with a custom percent format and
// a built-in one, values written with 17 digits of binary noise.
func buildWPSStyles(t *testing.T) []byte {
	p := wpsParts("数据", true)
	p["xl/sharedStrings.xml"] = sst("单位代码", "单位名称", "学校类型", "体质健康合格率（%）", "生均公用经费（元）", "幼儿园")
	p["xl/styles.xml"] = xmlHead + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<numFmts count="1"><numFmt numFmtId="176" formatCode="0.0%"/></numFmts>` +
		`<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>` +
		`<fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
		`<borders count="1"><border/></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
		`<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
		`<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
		`<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
		`</styleSheet>`
	row := func(r, id, name, pct string, s int, money string) string {
		return `<row r="` + r + `"><c r="A` + r + `" t="inlineStr"><is><t>` + id + `</t></is></c><c r="B` + r + `" t="inlineStr"><is><t>` + name + `</t></is></c>` +
			`<c r="C` + r + `" t="s"><v>5</v></c><c r="D` + r + `" s="` + itoa(s) + `"><v>` + pct + `</v></c><c r="E` + r + `"><v>` + money + `</v></c></row>`
	}
	p["xl/worksheets/sheet1.xml"] = sheetXML(
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>` +
			row("2", "s1", "一幼", "0.99199999999999999", 1, "2500") +
			row("3", "s2", "二幼", "0.96550000000000002", 2, "0.10000000000000001") +
			row("4", "s3", "三幼", "1", 3, "1800.25"))
	return zipOf(t, p)
}

func itoa(i int) string { return strconv.Itoa(i) }

// buildUncomputed: formulas as a program writes them, with no value
// computed (D3), beside one with its value (D4): the first reads as its
// formula, which the data reader rejects, not as a missing figure.
func buildUncomputed(t *testing.T) []byte {
	p := wpsParts("Sheet1", false)
	p["xl/sharedStrings.xml"] = sst("单位代码", "单位名称", "学校类型", "在园幼儿数（人）", "幼儿园")
	p["xl/worksheets/sheet1.xml"] = sheetXML(
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>s1</t></is></c><c r="B2" t="inlineStr"><is><t>一幼</t></is></c><c r="C2" t="s"><v>4</v></c><c r="D2"><v>120</v></c></row>` +
			`<row r="3"><c r="A3" t="inlineStr"><is><t>s2</t></is></c><c r="B3" t="inlineStr"><is><t>二幼</t></is></c><c r="C3" t="s"><v>4</v></c><c r="D3"><f>D2*2</f></c></row>` +
			`<row r="4"><c r="A4" t="inlineStr"><is><t>s3</t></is></c><c r="B4" t="inlineStr"><is><t>三幼</t></is></c><c r="C4" t="s"><v>4</v></c><c r="D4"><f>D2*2</f><v>240</v></c></row>`)
	return zipOf(t, p)
}
