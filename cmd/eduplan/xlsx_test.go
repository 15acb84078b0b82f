package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// workbookOf writes CSV text as a workbook, the way a school's Excel holds
// it: a cell that is a number is a number, the rest text. More sheets may
// come first.
func workbookOf(t *testing.T, csvText, sheet string, before ...string) []byte {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(csvText, "\uFEFF"))).ReadAll()
	require.NoError(t, err)
	f := excelize.NewFile()
	defer f.Close()
	names := append(append([]string{}, before...), sheet)
	require.NoError(t, f.SetSheetName("Sheet1", names[0]))
	for _, n := range names[1:] {
		_, err := f.NewSheet(n)
		require.NoError(t, err)
	}
	for i, row := range rows {
		for j, c := range row {
			ref := dataset.CellName(j+1, i+1)
			if v, err := strconv.ParseFloat(c, 64); err == nil && i > 0 {
				require.NoError(t, f.SetCellFloat(sheet, ref, v, -1, 64))
			} else if c != "" {
				require.NoError(t, f.SetCellStr(sheet, ref, c))
			}
		}
	}
	b, err := f.WriteToBuffer()
	require.NoError(t, err)
	return b.Bytes()
}

func writeFile(t *testing.T, path string, b []byte) string {
	t.Helper()
	require.NoError(t, os.WriteFile(path, b, 0o644))
	return path
}

// A workbook assesses exactly as the CSV holding the same cells, by
// whatever name it comes.
func TestCheckWorkbookAsCSV(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(failData)
	require.NoError(t, err)
	book := workbookOf(t, string(src), "Sheet1")
	want := eduplan(t, "check", "--plan", fixturePlan, "--format", "csv", failData)
	require.Equal(t, exitFail, want.code, want.stderr)
	for _, name := range []string{"fail.xlsx", "fail-saved-as.csv"} {
		got := eduplan(t, "check", "--plan", fixturePlan, "--format", "csv", writeFile(t, filepath.Join(dir, name), book))
		assert.Equal(t, exitFail, got.code, got.stderr)
		assert.Equal(t, want.stdout, got.stdout, name)
	}
	// From standard input too.
	got := eduplanIn(t, string(book), "check", "--plan", fixturePlan, "--format", "csv", "-")
	assert.Equal(t, want.stdout, got.stdout)
}

func TestCheckWorkbookSheet(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(passData)
	require.NoError(t, err)
	path := writeFile(t, filepath.Join(dir, "returns.xlsx"), workbookOf(t, string(src), "数据", "说明"))

	r := eduplan(t, "check", "--plan", fixturePlan, "--sheet", "数据", path)
	assert.Equal(t, exitOK, r.code, r.stderr)

	// The first sheet is read by default, and here it is empty.
	r = eduplan(t, "check", "--plan", fixturePlan, path)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, path+" 表 说明: 文件是空的")

	r = eduplan(t, "check", "--plan", fixturePlan, "--lang", "en", "--sheet", "data", path)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, `the workbook has no sheet named "data"; its sheets are: 说明、数据`)

	r = eduplan(t, "check", "--plan", fixturePlan, "--lang", "en", "--sheet", "数据", passData)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "--sheet is for Excel workbooks (.xlsx), and this file is not one")

	r = eduplan(t, "check", "--sample", "--sheet", "数据")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "--sheet")
}

// A bad cell of a workbook is named by sheet and cell, as Excel shows it.
func TestCheckWorkbookBadCell(t *testing.T) {
	src, err := os.ReadFile(badData)
	require.NoError(t, err)
	path := writeFile(t, filepath.Join(t.TempDir(), "bad.xlsx"), workbookOf(t, string(src), "Sheet1"))
	r := eduplan(t, "check", "--plan", fixturePlan, path)
	assert.Equal(t, exitUsage, r.code)
	csvErr := eduplan(t, "check", "--plan", fixturePlan, badData)
	// The same cell as the CSV's line and column, in a spreadsheet's words.
	var line, col int
	for _, l := range strings.Split(csvErr.stderr, "\n") {
		if i := strings.Index(l, badData+":"); i >= 0 {
			_, err := fmt.Sscanf(strings.TrimPrefix(l[i:], badData+":"), "%d:%d", &line, &col)
			require.NoError(t, err, l)
			break
		}
	}
	require.NotZero(t, line, csvErr.stderr)
	assert.Contains(t, r.stderr, path+" 表 Sheet1 单元格 "+dataset.CellName(col, line)+" (")
	assert.Contains(t, r.stderr, "三百")
	assert.Contains(t, r.stderr, "按上面的工作表和单元格改正这些单元格")
}

// The report as a workbook: the report CSV's columns and texts, cell for
// cell; the header row frozen.
func TestCheckReportWorkbook(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.xlsx")
	r := eduplan(t, "check", "--plan", fixturePlan, "-o", out, failData)
	require.Equal(t, exitFail, r.code, r.stderr)
	want := eduplan(t, "check", "--plan", fixturePlan, "--format", "csv", failData)
	wantRows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(want.stdout, "\uFEFF"))).ReadAll()
	require.NoError(t, err)

	f, err := excelize.OpenFile(out)
	require.NoError(t, err)
	defer f.Close()
	sheet := f.GetSheetList()[0]
	got, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	require.Len(t, got, len(wantRows))
	for i := range wantRows {
		for len(got[i]) < len(wantRows[i]) {
			got[i] = append(got[i], "")
		}
		assert.Equal(t, wantRows[i], got[i], "row %d", i+1)
	}
	panes, err := f.GetPanes(sheet)
	require.NoError(t, err)
	assert.True(t, panes.Freeze)

	// --format xlsx to a pipe is the same workbook; never over an input.
	r = eduplan(t, "check", "--plan", fixturePlan, "--format", "xlsx", failData)
	assert.True(t, bytes.HasPrefix([]byte(r.stdout), []byte("PK\x03\x04")))
	in := writeFile(t, filepath.Join(dir, "in.xlsx"), workbookOf(t, mustRead(t, passData), "Sheet1"))
	before := mustRead(t, in)
	r = eduplan(t, "check", "--plan", fixturePlan, "-o", in, in)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "不会覆盖输入")
	assert.Equal(t, before, mustRead(t, in))
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// The template as a workbook, filled in Excel (here with excelize), reads
// back and assesses as the CSV with the same figures.
func TestTemplateWorkbookRoundTrip(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "kg.xlsx")
	r := eduplan(t, "template", "--plan", fixturePlan, "--kind", "kindergarten", "--units", passData, "-o", out)
	require.Equal(t, exitOK, r.code, r.stderr)

	f, err := excelize.OpenFile(out)
	require.NoError(t, err)
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	csvT := eduplan(t, "template", "--plan", fixturePlan, "--kind", "kindergarten", "--units", passData, "--encoding", "utf-8")
	wantRows, err := csv.NewReader(strings.NewReader(csvT.stdout)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, len(wantRows))
	assert.Equal(t, wantRows[0], rows[0], "the same headers, units in them")
	assert.Equal(t, "在园幼儿数（人）", rows[0][5])
	panes, err := f.GetPanes(sheet)
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, "A2", panes.TopLeftCell)
	// The id column is text: a code typed with a leading zero keeps it.
	st, err := f.GetCellStyle(sheet, "A9")
	require.NoError(t, err)
	style, err := f.GetStyle(st)
	require.NoError(t, err)
	assert.Equal(t, 49, style.NumFmt)

	// Fill the kindergartens' figures as a user would, one of them as text.
	require.NoError(t, f.SetCellFloat(sheet, "F5", 600, -1, 64))
	require.NoError(t, f.SetCellStr(sheet, "F6", "398"))
	filled := filepath.Join(dir, "kg-filled.xlsx")
	require.NoError(t, f.SaveAs(filled))
	require.NoError(t, f.Close())

	wantCSV := strings.Replace(strings.Replace(csvT.stdout, "k1,东区幼儿园,学校,幼儿园,d1,", "k1,东区幼儿园,学校,幼儿园,d1,600", 1), "k2,西区幼儿园,学校,幼儿园,d2,", "k2,西区幼儿园,学校,幼儿园,d2,398", 1)
	require.NotEqual(t, csvT.stdout, wantCSV)
	csvPath := writeFile(t, filepath.Join(dir, "kg.csv"), []byte(wantCSV))
	want := eduplan(t, "check", "--plan", fixturePlan, "--format", "csv", csvPath)
	got := eduplan(t, "check", "--plan", fixturePlan, "--format", "csv", filled)
	assert.Equal(t, want.code, got.code, got.stderr)
	assert.Equal(t, want.stdout, got.stdout)
	assert.Contains(t, got.stdout, "998", "the filled figures are assessed")
}

func TestTemplateFormatFlags(t *testing.T) {
	r := eduplan(t, "template", "--kind", "kindergarten", "--format", "xlsx", "--encoding", "gbk", "-o", filepath.Join(t.TempDir(), "t.xlsx"))
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "--encoding 只用于 CSV 模板")
	r = eduplan(t, "template", "--kind", "kindergarten", "--format", "pdf")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, `--format 应为 csv 或 xlsx，而不是 "pdf"`)
	// --format xlsx to a pipe writes the workbook.
	r = eduplan(t, "template", "--kind", "kindergarten", "--format", "xlsx")
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "PK\x03\x04"))
	// A template for units taken from a workbook.
	src, err := os.ReadFile(passData)
	require.NoError(t, err)
	units := writeFile(t, filepath.Join(t.TempDir(), "units.xlsx"), workbookOf(t, string(src), "Sheet1"))
	a := eduplan(t, "template", "--plan", fixturePlan, "--kind", "kindergarten", "--units", units)
	b := eduplan(t, "template", "--plan", fixturePlan, "--kind", "kindergarten", "--units", passData)
	assert.Equal(t, exitOK, a.code, a.stderr)
	assert.Equal(t, b.stdout, a.stdout)
}

// A workbook is not written to a terminal. /dev/null stands for one here:
// it is a character device, which is how the tool tells a terminal.
func TestWorkbookNotToTerminal(t *testing.T) {
	tty, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer tty.Close()
	if !isTerminal(tty) {
		t.Skip("no character device to stand for a terminal")
	}
	for _, args := range [][]string{
		{"check", "--plan", fixturePlan, "--format", "xlsx", passData},
		{"template", "--kind", "kindergarten", "--format", "xlsx"},
	} {
		var errb bytes.Buffer
		code := run(append(args, "--lang", "en"), strings.NewReader(""), tty, &errb)
		assert.Equal(t, exitUsage, code, args)
		assert.Contains(t, errb.String(), "an Excel workbook cannot be written to a terminal: name a file with -o", args)
	}
}

func TestCheckProtectedWorkbook(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	path := writeFile(t, filepath.Join(t.TempDir(), "locked.xlsx"), ole)
	r := eduplan(t, "check", "--plan", fixturePlan, "--lang", "en", path)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "locked.xlsx: cannot read this Excel workbook (it may have a password): remove the password")
	// The same bytes named .xls are an old workbook.
	r = eduplan(t, "check", "--plan", fixturePlan, "--lang", "en", writeFile(t, filepath.Join(t.TempDir(), "old.xls"), ole))
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "old Excel workbook (.xls)")
}
