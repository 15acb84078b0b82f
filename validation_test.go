package eduplan_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan"
)

// The front door's assessment carries the seed's validation rules: the
// sample year's deliberate slip is a violation in every format.
func TestAssessValidatesTheSample(t *testing.T) {
	eng, err := eduplan.Default()
	require.NoError(t, err)
	d, err := eng.Sample()
	require.NoError(t, err)
	rep, err := eng.Assess(d, eduplan.All())
	require.NoError(t, err)
	require.NotNil(t, rep.Validation)
	assert.Equal(t, 4, rep.Validation.Counts.Violated)
	assert.Contains(t, eduplan.Violations(rep, "zh"),
		"句容市茅山中心幼儿园(s-jurong-k4) 城镇幼儿园在园幼儿数与农村幼儿园在园幼儿数之和等于在园幼儿数：206 ≠ 260，相差 -54")

	for _, f := range eduplan.Formats() {
		var b bytes.Buffer
		require.NoError(t, eduplan.Write(&b, rep, f, "en"))
		if f == eduplan.CSV {
			assert.NotContains(t, b.String(), "kg_urban_rural_sum", "the report CSV keeps its columns")
			continue
		}
		assert.Contains(t, b.String(), "kg_urban_rural_sum", f)
	}
	var b bytes.Buffer
	require.NoError(t, eduplan.WriteValidationCSV(&b, rep, "en"))
	assert.Equal(t, 1+len(rep.Validation.Results), strings.Count(b.String(), "\r\n"))
	assert.Error(t, eduplan.WriteValidationCSV(&b, nil, "en"))

	// A selection validates the units selected.
	rep, err = eng.Assess(d, eduplan.Units("d-jingkou"))
	require.NoError(t, err)
	assert.Empty(t, eduplan.Violations(rep, "en"))
}
