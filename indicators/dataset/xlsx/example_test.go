package xlsx_test

import (
	"fmt"
	"os"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
)

// A district's return as Excel holds it: the district's code merged down
// the 上级单位 column of its schools, a percent stored as 0.99 under a
// percent format.
func ExampleRead() {
	f, err := os.Open("testdata/merged.xlsx")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	fields := []dataset.Field{
		{ID: "enrolled", Names: []string{"在园幼儿数"}, Integral: true},
		{ID: "pe_pass_rate", Names: []string{"体质健康合格率"}, Percent: true},
	}
	d, err := xlsx.Read(f, fields, dataset.Options{File: "merged.xlsx", Year: 2017})
	if err != nil {
		panic(err)
	}
	for _, u := range d.Units[2:] {
		rate, ok := d.Value(u.ID, "pe_pass_rate")
		fmt.Println(u.ID, u.Name, "上级", u.Parent, rate, ok)
	}
	// Output:
	// s1 一幼 上级 d1 0.99 true
	// s2 二幼 上级 d1 0 false
	// s3 三幼 上级 d1 0.975 true
	// s4 四幼 上级 d2 0 false
}

// A cell the data reader rejects is named by sheet and cell.
func ExampleRead_errors() {
	f, err := os.Open("testdata/bad-cells.xlsx")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	fields := []dataset.Field{
		{ID: "enrolled", Names: []string{"在园幼儿数"}, Integral: true},
		{ID: "pe_pass_rate", Names: []string{"体质健康合格率"}, Percent: true},
	}
	_, err = xlsx.Read(f, fields, dataset.Options{File: "data.xlsx", Year: 2017})
	fmt.Println(err.(dataset.Errors).In("en"))
	// Output:
	// data.xlsx sheet Sheet1 cell D2 (在园幼儿数（人）): "12人": text after the number: put the unit in the column header
	// data.xlsx sheet Sheet1 cell A3 (单位代码): "s1": duplicate id: already used on line 2
	// data.xlsx sheet Sheet1 cell E3 (体质健康合格率（%）): "无": may mean 0 as well as a missing figure: write 0 or --
}
