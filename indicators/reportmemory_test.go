package indicators_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/seeds"
)

// A whole report builds its units in memory shared between them: each
// unit's results, values and inputs are still its own (the same as the
// unit built alone), and a unit with no results or a result with no
// inputs has empty lists, not nil ones, so that JSON gives [] not null.
func TestReportUnitsInSharedMemoryAreTheirOwn(t *testing.T) {
	_, cat := seedCatalog(t)
	d, err := dataset.Read(bytes.NewReader(seeds.SampleData()), cat.Fields(), dataset.Options{File: "sample2017.json"})
	require.NoError(t, err)
	for _, na := range []bool{false, true} {
		opt := indicators.Options{NotApplicable: na}
		ev := cat.Evaluate(d)
		rep, err := ev.Report(opt)
		require.NoError(t, err)
		require.Len(t, rep.Units, len(d.Units))
		empty := 0
		for i := range rep.Units {
			alone := ev.UnitReport(i, opt)
			assert.Equal(t, alone, rep.Units[i], "unit %s", alone.Unit.ID)
			assert.NotNil(t, rep.Units[i].Results)
			for _, r := range rep.Units[i].Results {
				assert.NotNil(t, r.Inputs, "%s %s", alone.Unit.ID, r.Indicator)
			}
			if len(rep.Units[i].Results) == 0 {
				empty++
			}
		}
		if !na {
			assert.Positive(t, empty, "some unit has no result that applies")
		}
		// Changing one unit's figures leaves every other unit as it was.
		if len(rep.Units[0].Results) > 0 && rep.Units[0].Results[0].Value != nil {
			*rep.Units[0].Results[0].Value = -1
			for i := 1; i < len(rep.Units); i++ {
				assert.Equal(t, ev.UnitReport(i, opt), rep.Units[i])
			}
		}
	}
}
