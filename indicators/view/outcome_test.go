package view_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/seeds"
)

// A table cell made from an Outcome reads exactly as the full result does.
func TestOutcomeReadsAsTheFullResult(t *testing.T) {
	p, err := seeds.Default()
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	d, err := dataset.Read(bytes.NewReader(seeds.SampleData()), cat.Fields(), dataset.Options{File: "sample2017.json"})
	require.NoError(t, err)
	ev := cat.Evaluate(d)
	n := 0
	for i := range d.Units {
		for _, ind := range cat.Indicators() {
			full, ok := ev.Result(ind.ID, i)
			require.True(t, ok)
			brief, ok := ev.Outcome(ind.ID, i)
			require.True(t, ok)
			assert.Equal(t, full.Status, brief.Status)
			assert.Equal(t, full.Value, brief.Value)
			assert.Equal(t, full.Gap, brief.Gap)
			assert.Equal(t, full.Target, brief.Target)
			assert.Equal(t, view.Of(full).Value, view.ValueOf(brief), "%s at %s", ind.ID, d.Units[i].ID)
			if full.Value != nil {
				n++
			}
		}
	}
	assert.Greater(t, n, 300, "the sample has values to compare")
	_, ok := ev.Outcome("no-such-indicator", 0)
	assert.False(t, ok)
}
