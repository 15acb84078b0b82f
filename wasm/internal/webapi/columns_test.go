package webapi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/seeds"
)

// The schools table's columns are the indicators some school has a
// status for, as looking at every school and indicator finds them.
func TestSchoolColumnsAreEveryStatus(t *testing.T) {
	s := seedSession(t)
	mustOK(t, s, "importData", map[string]string{"name": "sample2017.json", "text": string(seeds.SampleData())})
	d := s.file.data
	ev := s.cat.Evaluate(d)
	inds := s.cat.Indicators()
	want := make([]bool, len(inds))
	for i, u := range d.Units {
		if u.Level != org.School {
			continue
		}
		for k, ind := range inds {
			if st, _ := ev.Status(ind.ID, i); st != indicators.NotApplicable {
				want[k] = true
			}
		}
	}
	got := schoolColumns(ev, d, inds)
	require.Contains(t, got, true)
	require.Contains(t, got, false, "some indicators concern no school")
	assert.Equal(t, want, got)
}
