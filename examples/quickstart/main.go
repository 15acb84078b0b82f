// Quickstart is the README's Go example: assess the embedded sample year
// against the embedded Zhenjiang 2017 plan: the city's summary, then every
// binding target missed in the city, its districts and schools. A test keeps it and the README the same.
package main

import (
	"fmt"
	"log"

	"github.com/eduplan/eduplan"
)

func main() {
	eng, err := eduplan.Default() // the embedded Zhenjiang 2017 plan, every rule compiled once
	if err != nil {
		log.Fatal(err)
	}
	data, err := eng.Sample() // or eng.ReadFile("2017.csv"): CSV from Excel (UTF-8 or GBK), .xlsx or JSON
	if err != nil {
		log.Fatal(err) // every rejected figure, with where it is
	}
	report, err := eng.Assess(data, eduplan.Units("zhenjiang")) // the city and every unit below it
	if err != nil {
		log.Fatal(err)
	}
	city, s := report.Units[0], report.Units[0].Summary
	fmt.Printf("%s: binding %d met, %d not met; aspirational %d met, %d not met\n", city.Unit.Name,
		s.Binding.Met, s.Binding.NotMet, s.Aspirational.Met, s.Aspirational.NotMet)
	missed := eduplan.Missed(report, "zh") // what a CI step fails on
	fmt.Printf("binding targets missed in the city, its districts and schools: %d\n", len(missed))
	for _, line := range missed {
		fmt.Println("  " + line)
	}
}
