package eduplan_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/eduplan/eduplan"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
)

// sampleWorkbook writes the sample year as Excel holds such a sheet:
// figures as numbers, percents as fractions under a percent format, names
// as text.
func sampleWorkbook(t *testing.T, eng *eduplan.Engine, d *dataset.Dataset) []byte {
	t.Helper()
	fields := eng.Catalog().Fields()
	var b bytes.Buffer
	require.NoError(t, d.WriteCSV(&b, fields, dataset.UTF8))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	byHeader := map[string]dataset.Field{}
	for _, f := range fields {
		h := f.ID
		if len(f.Names) > 0 {
			h = f.Names[0]
		}
		if f.Percent {
			h += "（%）"
		}
		byHeader[h] = f
	}
	x := excelize.NewFile()
	pct, err := x.NewStyle(&excelize.Style{NumFmt: 10})
	require.NoError(t, err)
	for i, row := range rows {
		for j, cell := range row {
			ref := dataset.CellName(j+1, i+1)
			f, isField := byHeader[rows[0][j]]
			if i == 0 || !isField || cell == "" {
				require.NoError(t, x.SetCellStr("Sheet1", ref, cell))
				continue
			}
			v, ok := d.Value(row[0], f.ID)
			require.True(t, ok, "%s %s", row[0], f.ID)
			require.NoError(t, x.SetCellFloat("Sheet1", ref, v, -1, 64))
			if f.Percent {
				require.NoError(t, x.SetCellStyle("Sheet1", ref, ref, pct))
			}
		}
	}
	out, err := x.WriteToBuffer()
	require.NoError(t, err)
	return out.Bytes()
}

// A workbook of the sample year reads as the same figures, to the last bit
// of every percent, whatever the file is called.
func TestReadWorkbook(t *testing.T) {
	eng, err := eduplan.Default()
	require.NoError(t, err)
	sample, err := eng.Sample()
	require.NoError(t, err)
	book := sampleWorkbook(t, eng, sample)
	// A file holds no note: the sample's says it is synthetic.
	sample.Note = ""
	dir := t.TempDir()
	for _, name := range []string{"sample.xlsx", "saved-as.csv"} {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, book, 0o644))
		d, err := eng.ReadFile(path)
		require.NoError(t, err, name)
		assert.True(t, sample.Equal(d), name)
		assert.Equal(t, dataset.Workbook, d.Source.Encoding)
	}
	d, err := eng.ReadSheet(bytes.NewReader(book), "b.xlsx", "Sheet1")
	require.NoError(t, err)
	assert.True(t, sample.Equal(d))

	_, err = eng.ReadSheet(bytes.NewReader(book), "b.xlsx", "数据")
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "zh"), "b.xlsx: 工作簿里没有名为“数据”的工作表；工作表有：Sheet1")

	_, err = eng.ReadSheet(strings.NewReader("单位代码,单位名称\n"), "a.csv", "数据")
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "en"), `a.csv: only an Excel workbook (.xlsx) has sheets`)
}

// The report as a workbook holds the report CSV's columns and texts, cell
// for cell.
func TestWriteXLSXReport(t *testing.T) {
	eng, err := eduplan.Default()
	require.NoError(t, err)
	sample, err := eng.Sample()
	require.NoError(t, err)
	rep, err := eng.Assess(sample, eduplan.Units("d-jingkou"))
	require.NoError(t, err)
	for _, lang := range []string{"zh", "en"} {
		var book bytes.Buffer
		require.NoError(t, eduplan.Write(&book, rep, eduplan.XLSX, lang))
		x, err := excelize.OpenReader(&book)
		require.NoError(t, err)
		sheet := x.GetSheetList()[0]
		got, err := x.GetRows(sheet, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		require.NoError(t, x.Close())

		var c bytes.Buffer
		require.NoError(t, view.WriteCSV(&c, rep, lang))
		want, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(c.String(), "\uFEFF"))).ReadAll()
		require.NoError(t, err)
		require.Len(t, got, len(want))
		assert.Len(t, want[0], 19)
		for i := range want {
			for j := range want[i] {
				g := ""
				if j < len(got[i]) {
					g = got[i][j]
				}
				// The CSV guards a formula-like text with an apostrophe; a
				// text cell needs no guard.
				assert.Equal(t, strings.TrimPrefix(want[i][j], "'"), g, "%s row %d col %d", lang, i+1, j+1)
			}
		}
	}
}
