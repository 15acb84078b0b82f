package webapi

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
)

// The page restores a school's figures from its report in either form: the
// full one written before indicators.ReportFormat (a committed fixture) and
// the compact one the page exports now, which refers to the plan's text by
// id. Both give the school's figures back.
func TestImportReportEitherForm(t *testing.T) {
	old, err := os.ReadFile("../../../indicators/testdata/report-v1/sample-s-jingkou-j1.json")
	require.NoError(t, err)
	require.NotContains(t, string(old), indicators.ReportFormat)

	s := seedSession(t)
	var fromOld importAnswer
	decodeInto(t, mustOK(t, s, "importData", map[string]string{"name": "old.json", "text": string(old)}), &fromOld)
	assert.Equal(t, "report", fromOld.Kind)
	require.NotNil(t, fromOld.Unit)
	assert.Equal(t, "s-jingkou-j1", fromOld.Unit.ID)
	require.NotEmpty(t, fromOld.Figures)

	var js download
	decodeInto(t, mustOK(t, s, "exportReport", map[string]string{"source": "file", "format": "json"}), &js)
	require.Contains(t, js.Text, `"format":"`+indicators.ReportFormat+`"`)
	var fromNew importAnswer
	decodeInto(t, mustOK(t, s, "importData", map[string]string{"name": js.Filename, "text": js.Text}), &fromNew)
	assert.Equal(t, "report", fromNew.Kind)
	assert.Equal(t, fromOld.Figures, fromNew.Figures)
	assert.Equal(t, fromOld.Unit, fromNew.Unit)
}
