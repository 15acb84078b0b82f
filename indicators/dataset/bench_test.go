package dataset

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// benchFields are 20 metrics: counts, percents and amounts, as a school
// reports them.
func benchFields() []Field {
	fs := make([]Field, 20)
	for i := range fs {
		f := Field{ID: fmt.Sprintf("m%02d", i), Names: []string{fmt.Sprintf("指标%02d", i)}}
		switch i % 3 {
		case 0:
			f.Integral = true
		case 1:
			f.Percent = true
		}
		fs[i] = f
	}
	return fs
}

// benchCSV is a district's file of n schools with 20 figures each, written
// the way Excel users write them: Chinese headers with units, thousands
// separators, percent signs, some cells missing.
func benchCSV(n int) string {
	fs := benchFields()
	var b strings.Builder
	b.WriteString("学校代码,学校名称,学校类型")
	for _, f := range fs {
		b.WriteString("," + f.Names[0])
		if f.Percent {
			b.WriteString("（%）")
		} else {
			b.WriteString("（人）")
		}
	}
	b.WriteString("\r\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "32110%05d,镇江市第%d小学,小学", i, i)
		for j, f := range fs {
			b.WriteByte(',')
			switch {
			case (i+j)%17 == 0:
				// missing
			case f.Integral:
				v := 100 + (i*31+j*7)%5000
				if v >= 1000 {
					fmt.Fprintf(&b, "\"%d,%03d\"", v/1000, v%1000)
				} else {
					fmt.Fprintf(&b, "%d", v)
				}
			case f.Percent:
				fmt.Fprintf(&b, "%d.%d%%", 80+(i+j)%20, (i*j)%10)
			default:
				fmt.Fprintf(&b, "%d.%02d", 1000+(i*13+j)%9000, (i+j)%100)
			}
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

func BenchmarkReadCSV(b *testing.B) {
	data := []byte(benchCSV(10000))
	fs := benchFields()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := ReadCSV(bytes.NewReader(data), fs, Options{Year: 2017})
		if err != nil || len(d.Units) != 10000 {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadCSVGBK(b *testing.B) {
	s, err := simplifiedchinese.GBK.NewEncoder().String(benchCSV(10000))
	if err != nil {
		b.Fatal(err)
	}
	data := []byte(s)
	fs := benchFields()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := ReadCSV(bytes.NewReader(data), fs, Options{Year: 2017})
		if err != nil || len(d.Units) != 10000 || d.Source.Encoding != GBK {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadJSON(b *testing.B) {
	fs := benchFields()
	d, err := ReadCSV(strings.NewReader(benchCSV(10000)), fs, Options{Year: 2017})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.WriteJSON(&buf, fs); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := ReadJSON(bytes.NewReader(data), fs, Options{})
		if err != nil || len(d.Units) != 10000 {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteJSON(b *testing.B) {
	fs := benchFields()
	d, err := ReadCSV(strings.NewReader(benchCSV(10000)), fs, Options{Year: 2017})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := d.WriteJSON(&buf, fs); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
