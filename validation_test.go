package eduplan_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
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
		switch f {
		case eduplan.CSV, eduplan.JSONL:
			// A row, or a line, is a result: the rules have a CSV
			// of their own (WriteValidationCSV).
			assert.NotContains(t, b.String(), "kg_urban_rural_sum", "the report CSV keeps its columns")
			continue
		case eduplan.XLSX:
			// A sheet of its own, with the rows of the validation CSV.
			_, rows, err := xlsx.ReadSheet(bytes.NewReader(b.Bytes()), "validation")
			require.NoError(t, err)
			require.Len(t, rows, 1+len(rep.Validation.Results))
			assert.Equal(t, "rule_id", rows[0][6])
			assert.Equal(t, "kg_urban_rural_sum", rows[1][6])
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
