package xlsx

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/xuri/excelize/v2"
)

// benchSchools writes the same 10,000 schools under 10 districts as CSV
// text and as a workbook whose figures are numbers (percents as fractions
// under a percent format), as Excel would hold them.
func benchSchools(b *testing.B, n int) (csvText []byte, book []byte) {
	b.Helper()
	var c strings.Builder
	c.WriteString("单位代码,单位名称,层级,学校类型,上级单位,在园幼儿数,体质健康合格率,生均公用经费\n")
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	if err != nil {
		b.Fatal(err)
	}
	row := 1
	put := func(cells ...any) {
		if err := sw.SetRow(dataset.CellName(1, row), cells); err != nil {
			b.Fatal(err)
		}
		row++
	}
	put("单位代码", "单位名称", "层级", "学校类型", "上级单位", "在园幼儿数", "体质健康合格率", "生均公用经费")
	for d := range 10 {
		id := "d" + strconv.Itoa(d)
		c.WriteString(id + ",区" + id + ",区县,,,,,\n")
		put(id, "区"+id, "区县")
	}
	for i := range n {
		id := "s" + strconv.Itoa(i)
		parent := "d" + strconv.Itoa(i%10)
		enrolled := 100 + i%300
		rate := 90 + float64(i%100)/10 // 90.0 … 99.9 percent
		money := 1500 + float64(i%1000)/4
		rateText := strconv.FormatFloat(rate, 'f', 1, 64)
		c.WriteString(id + ",学校" + id + ",学校,幼儿园," + parent + "," + strconv.Itoa(enrolled) + "," + rateText + "," + strconv.FormatFloat(money, 'f', -1, 64) + "\n")
		frac, _ := strconv.ParseFloat(numberText(rateText, false), 64)
		put(id, "学校"+id, "学校", "幼儿园", parent, enrolled, excelize.Cell{StyleID: pct, Value: frac / 100}, money)
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	out, err := f.WriteToBuffer()
	if err != nil {
		b.Fatal(err)
	}
	return []byte(c.String()), out.Bytes()
}

// BenchmarkRead10000 reads 10,000 schools from a workbook and, as the
// baseline in the same run, from the CSV file of the same cells.
func BenchmarkRead10000(b *testing.B) {
	csvText, book := benchSchools(b, 10000)
	b.Run("csv", func(b *testing.B) {
		b.SetBytes(int64(len(csvText)))
		for b.Loop() {
			if _, err := dataset.ReadCSV(bytes.NewReader(csvText), fields, dataset.Options{Year: 2017}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("xlsx", func(b *testing.B) {
		b.SetBytes(int64(len(book)))
		for b.Loop() {
			d, err := Read(bytes.NewReader(book), fields, dataset.Options{Year: 2017})
			if err != nil {
				b.Fatal(err)
			}
			if len(d.Units) != 10010 {
				b.Fatal(len(d.Units))
			}
		}
	})
}
