// Quickstart is the README's Go example: assess the embedded sample year
// against the embedded Zhenjiang 2017 plan and list the city's missed
// targets. A test keeps it and the README the same.
package main

import (
	"bytes"
	"fmt"
	"log"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/seeds"
)

func main() {
	p, err := seeds.Default() // the embedded Zhenjiang 2017 plan, validated
	if err != nil {
		log.Fatal(err)
	}
	cat, err := indicators.Compile(p) // every formula and target compiled once
	if err != nil {
		log.Fatal(err)
	}
	data, err := dataset.ReadJSON(bytes.NewReader(seeds.SampleData()), cat.Fields(),
		dataset.Options{File: "sample2017.json"})
	if err != nil {
		log.Fatal(err) // every rejected figure, with where it is
	}
	report, err := cat.Assess(data, indicators.Options{Units: []string{"zhenjiang"}})
	if err != nil {
		log.Fatal(err)
	}
	city, s := report.Units[0], report.Units[0].Summary
	fmt.Printf("%s: binding %d met, %d not met; aspirational %d met, %d not met\n", city.Unit.Name,
		s.Binding.Met, s.Binding.NotMet, s.Aspirational.Met, s.Aspirational.NotMet)
	for _, r := range city.Results {
		if r.Status == indicators.NotMet {
			fmt.Printf("  %s (%s): %s, target %s, gap %s\n", r.Name.ZH, r.Nature,
				view.Of(r).Value.ZH, view.Of(r).Target.ZH, view.Of(r).Gap.ZH)
		}
	}
}
