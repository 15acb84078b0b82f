package webapi

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/seeds"
)

type schoolsPage struct {
	SchoolCount int `json:"schoolCount"`
	Total       int `json:"total"`
	Offset      int `json:"offset"`
	Schools     []struct {
		Unit struct {
			ID string `json:"id"`
		} `json:"unit"`
		Cells []*struct {
			Status string `json:"status"`
		} `json:"cells"`
	} `json:"schools"`
}

func (p schoolsPage) ids() []string {
	var out []string
	for _, r := range p.Schools {
		out = append(out, r.Unit.ID)
	}
	return out
}

// The page asks for the first rows of the schools with the assessment
// and for the others as it draws them: the rows are those of the whole
// table, in the file's order.
func TestFileSchoolsInSteps(t *testing.T) {
	s := seedSession(t)
	assert.Equal(t, false, call(t, s, "fileSchools", map[string]int{"offset": 0, "rows": 5})["ok"], "nothing assessed yet")
	mustOK(t, s, "importData", map[string]string{"name": "sample2017.json", "text": string(seeds.SampleData())})
	var all, first schoolsPage
	decodeInto(t, mustOK(t, s, "assessFile", nil), &all)
	require.Greater(t, len(all.Schools), 5)
	assert.Equal(t, len(all.Schools), all.SchoolCount)

	decodeInto(t, mustOK(t, s, "assessFile", map[string]int{"rows": 2}), &first)
	assert.Equal(t, all.SchoolCount, first.SchoolCount)
	assert.Equal(t, all.ids()[:2], first.ids())

	var next schoolsPage
	decodeInto(t, mustOK(t, s, "fileSchools", map[string]int{"offset": 2, "rows": 3}), &next)
	assert.Equal(t, all.ids()[2:5], next.ids())
	assert.Equal(t, all.Schools[2:5], next.Schools, "the same cells as in the whole table")
	assert.Equal(t, all.SchoolCount, next.Total)
	assert.Equal(t, 2, next.Offset)

	var rest, past schoolsPage
	decodeInto(t, mustOK(t, s, "fileSchools", map[string]int{"offset": 5}), &rest)
	assert.Equal(t, all.ids()[5:], rest.ids(), "rows 0 is all the rest")
	decodeInto(t, mustOK(t, s, "fileSchools", map[string]int{"offset": all.SchoolCount + 3, "rows": 3}), &past)
	assert.Empty(t, past.Schools)

	// Another file imported and not yet assessed: its rows are not the
	// last file's.
	mustOK(t, s, "importData", map[string]string{"name": "sample2017.json", "text": string(seeds.SampleData())})
	assert.Equal(t, false, call(t, s, "fileSchools", map[string]int{"offset": 0, "rows": 5})["ok"])
}

// The assessment lists the validation checks the page shows (skipped
// ones are counted, not listed) and says how many there are in all.
func TestFileValidationListsWhatIsShown(t *testing.T) {
	s := seedSession(t)
	mustOK(t, s, "importData", map[string]string{"name": "sample2017.json", "text": string(seeds.SampleData())})
	var v struct {
		Validation struct {
			Counts struct{ Violated, Skipped int }
			Listed int `json:"listed"`
			Checks []struct{ Status string }
		}
	}
	decodeInto(t, mustOK(t, s, "assessFile", nil), &v)
	require.Positive(t, v.Validation.Counts.Skipped)
	assert.Equal(t, len(v.Validation.Checks), v.Validation.Listed)
	for _, c := range v.Validation.Checks {
		assert.NotEqual(t, "skipped", c.Status)
	}
	assert.GreaterOrEqual(t, v.Validation.Listed, v.Validation.Counts.Violated)
}

// The assessment sends as many validation checks as schools' rows asked
// for, and fileChecks the others, the same checks in the same order as
// an assessment that sends them all.
func TestFileChecksInSteps(t *testing.T) {
	s := seedSession(t)
	assert.Equal(t, false, call(t, s, "fileChecks", map[string]int{"offset": 0, "rows": 5})["ok"], "nothing assessed yet")
	mustOK(t, s, "importData", map[string]string{"name": "sample2017.json", "text": string(seeds.SampleData())})
	type checks struct {
		Offset int               `json:"offset"`
		Listed int               `json:"listed"`
		Checks []json.RawMessage `json:"checks"`
	}
	var all, first struct{ Validation checks }
	decodeInto(t, mustOK(t, s, "assessFile", nil), &all)
	require.GreaterOrEqual(t, len(all.Validation.Checks), 4)
	require.Equal(t, all.Validation.Listed, len(all.Validation.Checks))

	decodeInto(t, mustOK(t, s, "assessFile", map[string]int{"rows": 1}), &first)
	assert.Equal(t, all.Validation.Checks[:1], first.Validation.Checks)
	assert.Equal(t, all.Validation.Listed, first.Validation.Listed, "how many there are in all")

	for _, tc := range []struct {
		name         string
		offset, rows int
		want         []json.RawMessage
	}{
		{"the next two", 1, 2, all.Validation.Checks[1:3]},
		{"rows 0 is all the rest", 3, 0, all.Validation.Checks[3:]},
		{"past the end", len(all.Validation.Checks) + 3, 3, nil},
		{"a negative offset", -1, 3, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got checks
			decodeInto(t, mustOK(t, s, "fileChecks", map[string]int{"offset": tc.offset, "rows": tc.rows}), &got)
			assert.Equal(t, tc.offset, got.Offset)
			assert.Equal(t, all.Validation.Listed, got.Listed)
			assert.Equal(t, len(tc.want), len(got.Checks))
			if tc.want != nil {
				assert.Equal(t, tc.want, got.Checks)
			}
		})
	}
}
