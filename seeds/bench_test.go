package seeds

import (
	"bytes"
	"testing"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
)

// BenchmarkZhenjiang2017 measures what Default costs a tool at start-up:
// parsing and validating the embedded plan, formulas and targets included.
func BenchmarkZhenjiang2017(b *testing.B) {
	for b.Loop() {
		if _, err := Zhenjiang2017(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAssessSample measures reading the sample year and assessing
// every unit of it against the compiled plan.
func BenchmarkAssessSample(b *testing.B) {
	p := loadPlan(b)
	cat, err := indicators.Compile(p)
	if err != nil {
		b.Fatal(err)
	}
	data := SampleData()
	for b.Loop() {
		ds, err := dataset.ReadJSON(bytes.NewReader(data), cat.Fields(), dataset.Options{File: "sample2017.json"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := cat.Assess(ds, indicators.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
