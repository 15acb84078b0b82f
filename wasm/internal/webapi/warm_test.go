package webapi

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/seeds"
)

// warm imports and assesses its made-up district whole, whatever the
// plan's levels and kinds, and leaves the file the user imported and
// its table as they were.
func TestWarmRunsTheImportAndKeepsNothing(t *testing.T) {
	five, err := os.ReadFile(filepath.Join("..", "..", "..", "examples", "fivelevel", "plan.json"))
	require.NoError(t, err)
	for _, tc := range []struct {
		name    string
		session func(t *testing.T) *Session
		units   int
	}{
		{"the seed plan", seedSession, 2 + warmSchools},
		{"the test plan", fixtureSession, 2 + warmSchools},
		{"five levels", func(t *testing.T) *Session {
			s := New()
			mustOK(t, s, "loadPlan", string(five))
			return s
		}, 4 + warmSchools},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.session(t)
			got := mustOK(t, s, "warm", nil)
			assert.Equal(t, float64(tc.units), got["units"])
			assert.NotContains(t, got, "failed")
			assert.Nil(t, s.file, "nothing imported")
			assert.Nil(t, s.table)
		})
	}

	s := seedSession(t)
	mustOK(t, s, "importData", map[string]string{"name": "sample2017.json", "text": string(seeds.SampleData())})
	mustOK(t, s, "assessFile", map[string]int{"rows": 2})
	file, table := s.file, s.table
	mustOK(t, s, "warm", nil)
	assert.Same(t, file, s.file)
	assert.Same(t, table, s.table)
	mustOK(t, s, "fileSchools", map[string]int{"offset": 2, "rows": 3})
}

// warm needs a plan, as every call does.
func TestWarmNeedsAPlan(t *testing.T) {
	assert.Equal(t, false, call(t, New(), "warm", nil)["ok"])
}

// A data file is evaluated once when imported, for its quality summary,
// and the assessment with the parents' own figures (the default) uses that
// evaluation; the children's sums are another.
func TestAssessReusesTheImportsEvaluation(t *testing.T) {
	s := seedSession(t)
	mustOK(t, s, "importData", map[string]string{"name": "sample2017.json", "text": string(seeds.SampleData())})
	require.NotNil(t, s.file.ev)
	for _, tc := range []struct {
		parent string
		same   bool
	}{{"", true}, {"own", true}, {"sum", false}} {
		mustOK(t, s, "assessFile", map[string]any{"parentFigures": tc.parent, "rows": 2})
		assert.Equal(t, tc.same, s.table.ev == s.file.ev, "parentFigures %q", tc.parent)
	}
	assert.Equal(t, false, call(t, s, "assessFile", map[string]any{"parentFigures": "both"})["ok"], "an unknown choice is still refused")

}
