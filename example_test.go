package eduplan_test

import (
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/eduplan/eduplan"
)

// Assess the sample year that comes with the embedded plan and print the
// city's summary.
func Example() {
	eng, err := eduplan.Default()
	if err != nil {
		log.Fatal(err)
	}
	data, err := eng.Sample()
	if err != nil {
		log.Fatal(err)
	}
	rep, err := eng.Assess(data, eduplan.Units("zhenjiang"))
	if err != nil {
		log.Fatal(err)
	}
	s := rep.Units[0].Summary
	fmt.Printf("%s: %d binding targets met, %d not met\n", rep.Units[0].Unit.Name, s.Binding.Met, s.Binding.NotMet)
	// Output: 镇江市: 42 binding targets met, 4 not met
}

// A plan of one's own, and figures typed as a school would in Excel.
func ExampleOpen() {
	eng, err := eduplan.Open("examples/testdata/plan.json")
	if err != nil {
		log.Fatal(err) // every problem of the plan, with its JSON path
	}
	csv := "单位代码,单位名称,层级,学校类型,上级单位,择校生数,在校生数\n" +
		"p1,东区小学,学校,小学,,7,100\n"
	data, err := eng.Read(strings.NewReader(csv), "p1.csv")
	if err != nil {
		log.Fatal(err)
	}
	rep, err := eng.Assess(data, eduplan.All())
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range eduplan.Missed(rep, "en") {
		fmt.Println(line)
	}
	// Output: 东区小学(p1): Share of school-choice pupils(choice_rate) not met: value 7.00%, target ≤ 5%, gap +2.00 pp, worse than target (binding)
}

// Write a report as a CI step would: JUnit XML for the dashboard.
func ExampleWrite() {
	eng, _ := eduplan.Default()
	data, _ := eng.Sample()
	rep, _ := eng.Assess(data, eduplan.Units("s-jurong-h1"))
	if err := eduplan.Write(os.Stdout, rep, eduplan.Markdown, "en"); err != nil {
		log.Fatal(err)
	}
}
