package examples_test

import (
	"testing"

	"github.com/eduplan/eduplan/eduplantest"
	"github.com/eduplan/eduplan/plan"
)

// TestFigures2017 is how a data team validates a year's figures before
// publishing them: every binding target not met fails the test with the
// unit, the indicator, the value, the target and the gap, and each
// indicator is a subtest:
//
//	go test ./examples/ -run 'TestFigures2017/preschool_ger' -v
//
// testdata/plan.json is a small plan in the plan format; testdata/2017.csv
// is a city, two districts and their schools, as Excel exports them.
func TestFigures2017(t *testing.T) {
	p, err := plan.LoadFile("testdata/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	d := eduplantest.ReadData(t, p, "testdata/2017.csv")
	eduplantest.Check(t, p, d)
}

// TestDistrictFiguresComplete adds two options: only the districts (and
// their schools) are checked, and a missing figure fails too.
func TestDistrictFiguresComplete(t *testing.T) {
	p, err := plan.LoadFile("testdata/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	d := eduplantest.ReadData(t, p, "testdata/2017.csv")
	eduplantest.Check(t, p, d, eduplantest.Units("d1", "d2"), eduplantest.NoDataFails())
}
