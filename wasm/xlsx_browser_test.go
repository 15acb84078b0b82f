//go:build !(js && wasm)

package wasm_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/eduplan/eduplan"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
	"github.com/eduplan/eduplan/msg"
)

// fixturesDir holds the Go reader's workbooks and the cells each must give.
const fixturesDir = "../indicators/dataset/xlsx/testdata"

// xlsxReaderTab opens a bare page that loads only static/xlsx.js, served
// with the Go reader's fixtures by a server of the test's own: the page
// under test fetches nothing, so this is the only way in for the files.
func xlsxReaderTab(t testing.TB) *tab {
	t.Helper()
	needBrowser(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><meta charset="utf-8"><title>xlsx</title><link rel="icon" href="data:,"><script src="xlsx.js"></script>`))
	})
	mux.HandleFunc("/xlsx.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeFile(w, r, "static/xlsx.js")
	})
	mux.Handle("/fixtures/", http.StripPrefix("/fixtures/", http.FileServer(http.Dir(fixturesDir))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	tp := openTab(t, srv.URL)
	tp.do(chromedp.Navigate(srv.URL + "/"))
	tp.waitFor(`!!globalThis.eduplanXlsx`)
	return tp
}

// readFixture reads a fixture in the browser: its sheet and cells, or the
// error's texts.
type jsSheet struct {
	Sheet string     `json:"sheet"`
	Rows  [][]string `json:"rows"`
	ZH    string     `json:"zh"`
	EN    string     `json:"en"`
	// Raw: the reader threw an error without words of its own (a bug).
	Raw bool `json:"raw"`
}

func readInBrowser(tp *tab, url, name, sheet string) jsSheet {
	tp.t.Helper()
	js := `fetch(` + jsString(url) + `).then((r) => r.arrayBuffer())
		.then((b) => eduplanXlsx.readSheet(b, ` + jsString(name) + `, ` + jsString(sheet) + `))
		.then((s) => s, (e) => ({ zh: e.text ? e.text.zh : String(e), en: e.text ? e.text.en : String(e), raw: !e.text }))`
	v, err := chromedp.Run(tp.ctx, chromedp.Evaluate[jsSheet](js, chromedp.EvalAwaitPromise))
	require.NoError(tp.t, err)
	return v
}

// trimCells drops trailing empty cells and rows, which the .want.json
// files leave out.
func trimCells(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		if len(r) > 0 {
			out[i] = r
		}
	}
	for len(out) > 0 && out[len(out)-1] == nil {
		out = out[:len(out)-1]
	}
	return out
}

func TestXlsxReaderReadsTheGoReadersFixtures(t *testing.T) {
	tp := xlsxReaderTab(t)
	paths, err := filepath.Glob(filepath.Join(fixturesDir, "*.xlsx"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".xlsx")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(fixturesDir, name+".want.json"))
			require.NoError(t, err)
			var want struct {
				Sheet     string     `json:"sheet"`
				WantSheet string     `json:"wantSheet"`
				Want      [][]string `json:"want"`
			}
			require.NoError(t, json.Unmarshal(b, &want))
			got := readInBrowser(tp, "/fixtures/"+name+".xlsx", name+".xlsx", want.Sheet)
			require.Empty(t, got.ZH)
			assert.Equal(t, want.WantSheet, got.Sheet)
			assert.Equal(t, trimCells(want.Want), trimCells(got.Rows))
		})
	}
}

// A file the reader cannot read gets the words the command line gives it.
func TestXlsxReaderRefusals(t *testing.T) {
	tp := xlsxReaderTab(t)
	// Bytes are handed to the page as a data URL: the page fetches nothing
	// else but the test's own server.
	dataURL := func(b []byte) string {
		return "data:application/octet-stream;base64," + base64.StdEncoding.EncodeToString(b)
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	_, _, xlsErr := dataset.DecodeText(ole)
	require.Error(t, xlsErr)
	_, protErr := xlsx.Read(bytes.NewReader(ole), nil, dataset.Options{File: "locked.xlsx"})
	require.Error(t, protErr)
	_, damagedErr := xlsx.Read(bytes.NewReader([]byte("PK\x03\x04 cut short")), nil, dataset.Options{File: "cut.xlsx"})
	require.Error(t, damagedErr)
	// The command line ends its message with excelize's own words, in
	// brackets; the page's reader has words of its own there.
	before := func(s string) string { return strings.SplitN(s, "（", 2)[0] }
	for _, c := range []struct {
		name, url, sheet string
		zh               string
		full             bool
	}{
		{"old.xls", dataURL(ole), "", msg.In(xlsErr, "zh"), true},
		{"locked.xlsx", dataURL(ole), "", before(protErr.(dataset.Errors)[0].Reason.ZH), false},
		{"cut.xlsx", dataURL([]byte("PK\x03\x04 cut short")), "", before(damagedErr.(dataset.Errors)[0].Reason.ZH), false},
		{"two-sheets.xlsx", "/fixtures/two-sheets.xlsx", "统计", "工作簿里没有名为“统计”的工作表；工作表有：填表说明、数据", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := readInBrowser(tp, c.url, c.name, c.sheet)
			require.Nil(t, got.Rows)
			assert.False(t, got.Raw, got.EN)
			if c.full {
				assert.Equal(t, c.zh, got.ZH)
			} else {
				assert.Equal(t, c.zh, before(got.ZH))
			}
			assert.NotEmpty(t, got.EN)
		})
	}
}

// districtWorkbook is a district's return as Excel writes it, here written
// by excelize: rates as fractions under a percent format, the district's
// code merged down the 上级单位 column of its schools, a first sheet of
// instructions.
func districtWorkbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "填表说明"))
	require.NoError(t, f.SetCellValue("填表说明", "A1", "请在“数据”表中填写"))
	_, err := f.NewSheet("数据")
	require.NoError(t, err)
	pct, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("0.0%")})
	require.NoError(t, err)
	rows := [][]any{
		{"单位代码", "单位名称", "层级", "学校类型", "上级单位", "在园幼儿数", "适龄人口", "持证教师比例"},
		{"D1", "京口区", "区县", "", "", "", 2000},
		{"K1", "一幼", "学校", "幼儿园", "D1", 300, nil, 0.965},
		{"K2", "二幼", "学校", "幼儿园", nil, 380, nil, 0.949},
		{"K3", "三幼" + hostile, "学校", "幼儿园", nil, 200, nil, 1},
	}
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, err)
		require.NoError(t, f.SetSheetRow("数据", cell, &r))
	}
	require.NoError(t, f.SetCellStyle("数据", "H3", "H5", pct))
	require.NoError(t, f.MergeCell("数据", "E3", "E5"))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.Bytes()
}

func TestImportDistrictWorkbook(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.upload("#plan-file", filepath.Join("testdata", "plan.json"))
	tp.waitFor(`document.getElementById('plan-title').textContent.includes('网页测试用')`)
	tp.view("import")
	assert.Contains(t, eval[string](tp, `document.getElementById('data-file').accept`), ".xlsx")
	path := writeFile(t, "京口区.xlsx", districtWorkbook(t))

	// The first visible sheet holds instructions: the page says what it
	// could not read there and offers the workbook's sheets.
	tp.upload("#data-file", path)
	tp.waitFor(`!!document.getElementById('import-sheet')`)
	assert.Contains(t, tp.text("#import-notice"), "无法读取文件“京口区.xlsx”")
	assert.Equal(t, []string{"填表说明", "数据"}, eval[[]string](tp, `[...document.querySelectorAll('#import-sheet option')].map((o) => o.value)`))
	tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('import-sheet'); s.value = '数据'; s.dispatchEvent(new Event('change')); })()`))
	tp.waitFor(`!!document.getElementById('matrix')`)
	assert.Equal(t, "已读取“京口区.xlsx”（工作表 数据）：4 个单位。", tp.text("#import-notice strong"))
	assert.Equal(t, "数据", eval[string](tp, `document.getElementById('import-sheet').value`))

	check := func() {
		t.Helper()
		names := eval[[]string](tp, `[...document.querySelectorAll('#matrix tbody tr th')].map((e) => e.textContent)`)
		assert.Equal(t, []string{"一幼", "二幼", "三幼" + hostile}, names)
		// Merged down, the district's code is every school's parent.
		parents := eval[[]string](tp, `[...document.querySelectorAll('#matrix tbody tr')].map((r) => r.cells[2].textContent)`)
		assert.Equal(t, []string{"京口区", "京口区", "京口区"}, parents)
		// 0.965 under "0.0%" is 96.5%, not 0.965% nor a rounded 96.5.
		cell := func(unit string) string {
			return eval[string](tp, `(() => { const c = document.querySelector('#matrix tr[data-unit="`+unit+`"] td.cell[data-status]'); return c ? c.dataset.status + ' ' + c.textContent : ''; })()`)
		}
		assert.Equal(t, []string{"met 96.50%", "not_met 94.90%", "met 100.00%"}, []string{cell("K1"), cell("K2"), cell("K3")})
		assert.Equal(t, 0, eval[int](tp, `document.querySelectorAll('img').length`), "a school's name is text, not markup")
	}
	check()
	// The sheet's cells survive a reload.
	tp.reload()
	tp.waitFor(`!!document.getElementById('matrix')`)
	check()
}

// A workbook's rejected cells are listed with their sheet and cell, as the
// command line names them.
func TestImportWorkbookErrorsNameSheetAndCell(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.view("import")
	tp.upload("#data-file", filepath.Join(fixturesDir, "bad-cells.xlsx"))
	tp.waitFor(`document.querySelectorAll('#data-errors tbody tr').length > 0`)
	rows := eval[[][]string](tp, `[...document.querySelectorAll('#data-errors tbody tr')].map((r) => [...r.cells].map((c) => c.textContent))`)
	// What the command line says of the same file, with the same plan.
	engine, err := eduplan.Default()
	require.NoError(t, err)
	_, cliErr := engine.ReadFile(filepath.Join(fixturesDir, "bad-cells.xlsx"))
	var errs dataset.Errors
	require.ErrorAs(t, cliErr, &errs)
	require.Len(t, rows, len(errs))
	for i, e := range errs {
		require.Equal(t, "Sheet1", e.Sheet)
		want := []string{filepath.Base(e.File) + " 表 " + e.Sheet, strconv.Itoa(e.Row), strings.TrimRight(dataset.CellName(e.Column, e.Row), "0123456789"), e.Header, "“" + e.Text + "”", e.Reason.ZH}
		assert.Equal(t, want, rows[i])
	}
	assert.Equal(t, []string{"bad-cells.xlsx 表 Sheet1", "2", "D", "在园幼儿数（人）", "“12人”"}, rows[1][:5])
	assert.Equal(t, []string{"bad-cells.xlsx 表 Sheet1", "3", "A", "单位代码", "“s1”"}, rows[2][:5])

	// An old .xls gets the command line's words.
	tp.upload("#data-file", writeFile(t, "old.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)))
	tp.waitFor(`document.getElementById('flash').textContent.includes('old.xls')`)
	assert.Contains(t, tp.text("#flash"), "这是旧版 Excel 工作簿（.xls），不是 CSV")
}

// fuzzInputs are the damaged workbooks go test -fuzz once found
// interesting for the Go reader, with the sheet each asked for.
func fuzzInputs(t *testing.T) map[string]struct {
	b     []byte
	sheet string
} {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(fixturesDir, "fuzz", "FuzzRead", "*"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	out := map[string]struct {
		b     []byte
		sheet string
	}{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		require.Len(t, lines, 3, p)
		arg := func(line, typ string) string {
			lit, ok := strings.CutPrefix(line, typ+"(")
			require.True(t, ok, line)
			s, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
			require.NoError(t, err, p)
			return s
		}
		out[filepath.Base(p)] = struct {
			b     []byte
			sheet string
		}{[]byte(arg(lines[1], "[]byte")), arg(lines[2], "string")}
	}
	return out
}

// A damaged workbook is read or refused with words, never a script error
// or a hang; what the Go reader reads, the page's reader reads alike.
func TestXlsxReaderOnDamagedWorkbooks(t *testing.T) {
	tp := xlsxReaderTab(t)
	for name, in := range fuzzInputs(t) {
		t.Run(name, func(t *testing.T) {
			got := readInBrowser(tp, "data:application/octet-stream;base64,"+base64.StdEncoding.EncodeToString(in.b), "f.xlsx", in.sheet)
			sheet, rows, err := xlsx.ReadSheet(bytes.NewReader(in.b), in.sheet)
			if got.ZH != "" {
				assert.False(t, got.Raw, got.EN)
				assert.NotEmpty(t, got.EN)
				return
			}
			if err == nil {
				assert.Equal(t, sheet, got.Sheet)
				assert.Equal(t, trimCells(rows), trimCells(got.Rows))
			}
		})
	}
}

// The single file, opened from disk, reads a workbook too: a school's
// return of one unit fills the form, from the sheet chosen.
func TestSingleFileImportsWorkbook(t *testing.T) {
	tp := newFileTab(t)
	tp.open("file://" + singleFile)
	tp.view("import")
	tp.upload("#data-file", filepath.Join(fixturesDir, "two-sheets.xlsx"))
	tp.waitFor(`!!document.getElementById('import-sheet')`)
	assert.Contains(t, tp.text("#import-notice"), "表 填表说明")
	tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('import-sheet'); s.value = '数据'; s.dispatchEvent(new Event('change')); })()`))
	tp.waitFor(`document.body.dataset.view === 'assess'`)
	assert.Equal(t, "school/kindergarten", eval[string](tp, `document.getElementById('unit-type').value`))
	assert.Equal(t, "一幼", eval[string](tp, `document.getElementById('unit-name').value`))
	assert.Equal(t, "120", eval[string](tp, `document.querySelector('input[data-metric="kindergarten_enrolment"]').value`))
}

// How long the page's reader takes over a sheet of 10,000 schools (the Go
// reader's BenchmarkRead10000 reads the same shape).
func BenchmarkXlsxRead10000(b *testing.B) {
	tp := xlsxReaderTab(b)
	f := excelize.NewFile()
	defer f.Close()
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	require.NoError(b, err)
	sw, err := f.NewStreamWriter("Sheet1")
	require.NoError(b, err)
	require.NoError(b, sw.SetRow("A1", []any{"单位代码", "单位名称", "层级", "学校类型", "上级单位", "在园幼儿数", "持证教师比例"}))
	for i := 2; i <= 10001; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		require.NoError(b, sw.SetRow(cell, []any{"K" + strconv.Itoa(i), "幼儿园" + strconv.Itoa(i), "学校", "幼儿园", "D1", i % 400, excelize.Cell{StyleID: pct, Value: float64(i%1000) / 1000}}))
	}
	require.NoError(b, sw.Flush())
	var buf bytes.Buffer
	require.NoError(b, f.Write(&buf))
	tp.do(chromedp.Evaluate[chromedp.Void](`globalThis.__wb = Uint8Array.from(atob(` + jsString(base64.StdEncoding.EncodeToString(buf.Bytes())) + `), (c) => c.charCodeAt(0))`))
	b.ResetTimer()
	var ms float64
	for range b.N {
		v, err := chromedp.Run(tp.ctx, chromedp.Evaluate[float64](`(async () => { const t0 = performance.now(); const s = await eduplanXlsx.readSheet(__wb, "d.xlsx", ""); if (s.rows.length !== 10001 || s.rows[2][6] !== "0.3%") throw new Error("misread " + s.rows[2]); return performance.now() - t0; })()`, chromedp.EvalAwaitPromise))
		require.NoError(b, err)
		ms += v
	}
	b.ReportMetric(ms/float64(b.N), "ms/read")
	b.ReportMetric(float64(buf.Len()), "file-bytes")
}
