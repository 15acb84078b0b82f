package webapi

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/view"
)

// Importing a return with yearbook markers reads it, and the answer carries
// the file's quality summary as every face words it; the report exported
// from it carries the summary too.
func TestImportShowsDataQuality(t *testing.T) {
	s := seedSession(t)
	csv := "单位代码,单位名称,层级,学校类型,上级单位,school_choice_pupils,compulsory_new_entrants\n" +
		"d1,京口区,区县,,,,\n" +
		"p1,一小,学校,小学,d1,3,100\n" +
		"p2,二小,学校,小学,d1,--,120\n" +
		"k1,一园,学校,幼儿园,d1,2,…\n"
	var imp importAnswer
	decodeInto(t, mustOK(t, s, "importData", map[string]string{"name": "r.csv", "text": csv}), &imp)
	require.NotNil(t, imp.Quality)
	d := s.file.data
	assert.Equal(t, view.QualityOf(s.cat.Quality(d)), imp.Quality)
	assert.Equal(t, "数据质量", imp.Quality.Title.ZH)
	assert.Contains(t, imp.Quality.Lines, view.QualityOf(s.cat.Quality(d)).Lines[3])
	assert.Equal(t, `cells marked missing: "--" 1, "…" 1`, imp.Quality.Lines[3].EN)
	require.Len(t, imp.Warnings, 1, "a kindergarten's school-choice figure")
	assert.Equal(t, "k1", imp.Warnings[0].Unit)
	assert.Equal(t, "not_reported_by", imp.Warnings[0].Code)

	var js download
	decodeInto(t, mustOK(t, s, "exportReport", map[string]string{"source": "file", "format": "json"}), &js)
	rep, err := indicators.ReadReport(strings.NewReader(js.Text))
	require.NoError(t, err)
	require.NotNil(t, rep.DataQuality)
	assert.Equal(t, 2, rep.DataQuality.MissingCount())
}
