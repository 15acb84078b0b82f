package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
)

// schoolsReturn is a district's return of three primary schools, one of
// whose figures is marked missing as a yearbook marks it.
func schoolsReturn(t *testing.T, cell string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "return.csv")
	csv := "单位代码,单位名称,层级,学校类型,上级单位,school_choice_pupils,compulsory_new_entrants\n" +
		"d1,京口区,区县,,,,\n" +
		"p1,一小,学校,小学,d1,3,100\n" +
		"p2,二小,学校,小学,d1," + cell + ",120\n" +
		"p3,三小,学校,小学,d1,2,－－\n"
	require.NoError(t, os.WriteFile(path, []byte(csv), 0o644))
	return path
}

// check reads a return with yearbook markers, and its report ends in a
// short data-quality section.
func TestCheckShowsDataQuality(t *testing.T) {
	path := schoolsReturn(t, "--")
	r := eduplan(t, "check", path)
	require.NotEqual(t, exitUsage, r.code, r.stderr)
	assert.Contains(t, r.stdout, "\n数据质量\n")
	assert.Contains(t, r.stdout, "  · 标为缺失的格：“--” 2 格\n")
	assert.Contains(t, r.stdout, "第4行第6列（school_choice_pupils），单位 p2：“--”")
	assert.Contains(t, r.stdout, "第5行第7列（compulsory_new_entrants），单位 p3：“－－”")

	r = eduplan(t, "check", "--lang", "en", "--format", "markdown", path)
	assert.Contains(t, r.stdout, "\n## Data quality\n")

	r = eduplan(t, "check", "--format", "json", path)
	rep, err := indicators.ReadReport(strings.NewReader(r.stdout))
	require.NoError(t, err, r.stdout)
	require.NotNil(t, rep.DataQuality)
	assert.Equal(t, 2, rep.DataQuality.MissingCount(), "the two marked cells")
	assert.Equal(t, rep.DataQuality.Expected-rep.DataQuality.Present, rep.DataQuality.Missing)
}

// check --quality prints the summary alone, assessing nothing.
func TestCheckQualityOnly(t *testing.T) {
	path := schoolsReturn(t, "…")
	r := eduplan(t, "check", "--quality", path)
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "数据质量\n"), r.stdout)
	assert.NotContains(t, r.stdout, "评估报告")
	assert.Contains(t, r.stdout, "京口区（d1）：")

	r = eduplan(t, "check", "--quality", "--format", "json", path)
	assert.Equal(t, exitOK, r.code, r.stderr)
	var q indicators.DataQuality
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &q))
	assert.Equal(t, 2, q.MissingCount())
	assert.Equal(t, 0, q.RuleViolations)
	require.Len(t, q.Districts, 1)
	assert.Equal(t, "d1", q.Districts[0].ID)

	r = eduplan(t, "check", "--quality", "--format", "csv", path)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "--quality")
}

// A word that may mean zero stays an error, with the reason.
func TestCheckRefusesZeroWords(t *testing.T) {
	r := eduplan(t, "check", schoolsReturn(t, "无"))
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, `"无": 可能表示 0 也可能表示缺数据：请填 0 或 --`)
}
