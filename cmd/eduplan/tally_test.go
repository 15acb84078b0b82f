package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The log lists the targets missed with their values as the report gives
// them, whether the report is streamed (CSV: each unit built in the memory
// of the one before) or built whole (Markdown). The streamed log once
// showed a later unit's values beside an earlier unit's failures
// (丹徒区's 就业率 read 98.33%, another unit's, for its own 97.60%).
func TestCheckLogKeepsTheValuesOfEachFailure(t *testing.T) {
	whole := eduplan(t, "check", "--format", "markdown", "../../seeds/sample2017.json")
	streamed := eduplan(t, "check", "--format", "csv", "../../seeds/sample2017.json")
	require.Equal(t, exitFail, whole.code, whole.stderr)
	require.Equal(t, exitFail, streamed.code, streamed.stderr)
	assert.Contains(t, streamed.stderr, "丹徒区(d-dantu)：中职毕业班学生当年就业率(vocational_employment_rate) 未达标：数值 97.60%")
	assert.Equal(t, whole.stderr, streamed.stderr)
}
