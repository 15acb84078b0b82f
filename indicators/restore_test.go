package indicators_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// roundTrip writes the report of d as a file and reads it back.
func reportOf(t *testing.T, cat *indicators.Catalog, d *dataset.Dataset) *indicators.Report {
	t.Helper()
	rep, err := cat.Evaluate(d).Report(indicators.Options{})
	require.NoError(t, err)
	rep.Plan = "test-plan"
	var b bytes.Buffer
	require.NoError(t, rep.WriteJSON(&b))
	require.True(t, indicators.IsReport(b.Bytes()))
	back, err := indicators.ReadReport(&b)
	require.NoError(t, err)
	return back
}

func TestDatasetFromReportGivesTheSameAssessment(t *testing.T) {
	cat := testCatalog(t)
	p := &plan.Plan{ID: "test-plan", Year: 2017}
	district := distA
	district.Parent = ""
	tests := []struct {
		name string
		unit dataset.OrgUnit
		figs figures
	}{
		{"district", district, figures{"enrolled": 450, "places": 500, "chosen": 4, "pupils": 100}},
		{"kindergarten", dataset.OrgUnit{ID: "k", Name: "园", Level: "school", Kind: "kindergarten"}, figures{"enrolled": 90, "places": 100}},
		// An indicator the unit reported itself, instead of its inputs.
		{"reported rate", district, figures{"fill": 0.93, "chosen": 1, "pupils": 100}},
	}
	for _, tt := range tests {
		d := build(t, []dataset.OrgUnit{tt.unit}, map[string]figures{tt.unit.ID: tt.figs})
		rep := reportOf(t, cat, d)
		back, err := indicators.DatasetFromReport(rep, p, cat)
		require.NoError(t, err, tt.name)
		assert.Equal(t, 2017, back.Year)
		for id, v := range tt.figs {
			got, ok := back.Value(tt.unit.ID, id)
			assert.True(t, ok, "%s: %s restored", tt.name, id)
			assert.Equal(t, v, got, "%s: %s", tt.name, id)
		}
		again := reportOf(t, cat, back)
		assert.Equal(t, rep, again, tt.name)
	}
}

func TestDatasetFromReportRefuses(t *testing.T) {
	cat := testCatalog(t)
	p := &plan.Plan{ID: "test-plan", Year: 2017}
	one := `{"plan":"test-plan","year":2017,"units":[{"unit":{"id":"a","name":"甲区","level":"district"},"results":[%s]}]}`
	tests := []struct {
		name, text, path, want string
	}{
		{"another plan", `{"plan":"other-2019","year":2019,"units":[{"unit":{"id":"a","name":"A","level":"city"},"results":[]}]}`,
			"plan", "other-2019"},
		{"several units", `{"plan":"test-plan","year":2017,"units":[
			{"unit":{"id":"c","name":"市","level":"city"},"results":[]},
			{"unit":{"id":"a","name":"甲区","level":"district","parent":"c"},"results":[]}]}`,
			"units", "import the data file instead"},
		{"unknown indicator", strings.Replace(one, "%s", `{"indicator":"nope","origin":"computed","inputs":[]}`, 1),
			"units[0].results[0].indicator", `no indicator "nope"`},
		{"unknown metric", strings.Replace(one, "%s", `{"indicator":"fill","origin":"computed","inputs":[{"id":"nope","origin":"reported","value":3}]}`, 1),
			"units[0].results[0].inputs[0].id", `no metric "nope"`},
		{"two values of one figure", strings.Replace(one, "%s",
			`{"indicator":"fill","origin":"computed","inputs":[{"id":"enrolled","origin":"reported","value":3}]},
			 {"indicator":"fill_gap","origin":"computed","inputs":[{"id":"enrolled","origin":"reported","value":4}]}`, 1),
			"units[0].results[1].inputs[0].value", "enrolled of a differs (3 and 4)"},
	}
	for _, tt := range tests {
		require.True(t, indicators.IsReport([]byte(tt.text)) || strings.Contains(tt.text, `"results":[]`), tt.name)
		rep, err := indicators.ReadReport(strings.NewReader(tt.text))
		require.NoError(t, err, tt.name)
		d, err := indicators.DatasetFromReport(rep, p, cat)
		assert.Nil(t, d, tt.name)
		var probs msg.Problems
		require.True(t, errors.As(err, &probs), "%s: %v", tt.name, err)
		require.NotEmpty(t, probs, tt.name)
		assert.Equal(t, tt.path, probs[0].Path, tt.name)
		assert.Contains(t, probs[0].Message.EN, tt.want, tt.name)
	}
}

func TestIsReport(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{`{"units":[{"unit":{"id":"a"},"results":[]}]}`, true},
		{"\ufeff  {\"units\":[{\"results\":[]}]}", true},
		{`{"units":[{"id":"a","figures":{"x":1}}]}`, false},
		{`{"units":[]}`, false},
		{"id,name\na,b\n", false},
		{`{"units":`, false},
		{``, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, indicators.IsReport([]byte(tt.text)), tt.text)
	}
}
