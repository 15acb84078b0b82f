package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A school below a target the plan sets for the city (体质健康合格率 达到95%以上)
// sees its figure marked for reference, and check does not fail on it under
// any policy; a district with the same figure fails.
func TestCheckReferenceDoesNotFail(t *testing.T) {
	dir := t.TempDir()
	school := filepath.Join(dir, "school.csv")
	require.NoError(t, os.WriteFile(school, []byte("学校代码,学校名称,学校类型,fitness_pass_rate\nS1,城关小学,小学,94\n"), 0o644))
	district := filepath.Join(dir, "district.csv")
	require.NoError(t, os.WriteFile(district, []byte("单位代码,单位名称,层级,fitness_pass_rate\nD1,城关区,区,94\n"), 0o644))

	for _, failOn := range []string{"binding", "any"} {
		r := eduplan(t, "check", "--fail-on", failOn, school)
		assert.Equal(t, exitOK, r.code, "--fail-on %s: %s", failOn, r.stderr)
		assert.Contains(t, r.stdout, "参考：未达目标")
		assert.Contains(t, r.stdout, "全市、辖市区目标 ≥ 95%")
		assert.Contains(t, r.stdout, "参考 2", "the excellent rate (no data) and the pass rate")
		assert.NotContains(t, r.stdout, "未达标 1")
	}
	r := eduplan(t, "check", "--lang", "en", school)
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, "for reference: target not reached")

	r = eduplan(t, "check", "--format", "junit", school)
	assert.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, `failures="0"`)
	assert.Contains(t, r.stdout, "<skipped message=")

	r = eduplan(t, "check", district)
	assert.Equal(t, exitFail, r.code, "the district is held to the target")
	assert.Contains(t, r.stdout, "未达标")

	r = eduplan(t, "explain", "fitness_pass_rate")
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "目标对象：")
}
