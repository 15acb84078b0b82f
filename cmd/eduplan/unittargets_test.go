package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	unitTargetsPlan = "testdata/unittargets.json"
	unitTargetsData = "testdata/unittargets.csv"
)

func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	return p
}

// check holds each district to its own target and shows it; explain says
// which target applied.
func TestCheckAndExplainUnitTargets(t *testing.T) {
	r := eduplan(t, "check", "--plan", unitTargetsPlan, unitTargetsData)
	assert.Equal(t, exitFail, r.code, r.stderr)
	assert.Contains(t, r.stdout, "未达标  督导综合得分    94  ≥ 95  -1（差于目标）")
	assert.Contains(t, r.stdout, "达标  督导综合得分    91  ≥ 90  +1（优于目标）")
	assert.Contains(t, r.stdout, "本单位目标（按计划对县A、县B的要求；其余单位 ≥ 90）")
	assert.NotContains(t, r.stderr, "没有用上")

	for _, tc := range []struct {
		lang, unit string
		want       []string
	}{
		{"zh", "d-a", []string{"单位目标：d-a、县B：达95分（即 ≥ 95），原文：县A、县B 综合得分达95分",
			"适用目标：本单位目标（按计划对县A、县B的要求；其余单位 ≥ 90）", "比较：94 对照目标 ≥ 95 → 未达标，差距 -1"}},
		{"en", "县B", []string{"Unit target: d-a, 县B: 达95分 (that is ≥ 95)",
			"Target applied: this unit's own target (as the plan sets for 县A, 县B; other units ≥ 90)", "Comparison: 96 against the target ≥ 95 → met, gap +1"}},
		{"zh", "d-c", []string{"适用目标：默认目标（计划另定目标的单位不包括本单位）", "比较：91 对照目标 ≥ 90 → 达标，差距 +1"}},
	} {
		t.Run(tc.lang+"/"+tc.unit, func(t *testing.T) {
			r := eduplan(t, "explain", "--lang", tc.lang, "--plan", unitTargetsPlan, "--data", unitTargetsData, "--unit", tc.unit, "inspection_score")
			require.Equal(t, exitOK, r.code, r.stderr)
			for _, w := range tc.want {
				assert.Contains(t, r.stdout, w)
			}
		})
	}
}

// A named unit missing from the data is said on stderr in the user's
// language; a name two units share stops the assessment.
func TestCheckUnitTargetsWarningsAndErrors(t *testing.T) {
	missing := writeTemp(t, "missing.csv", "单位代码,单位名称,层级,学校类型,上级单位,综合得分\nc,样板市,市,,,\nd-a,县A,区,,c,96\nd-c,县C,区,,c,91\n")
	r := eduplan(t, "check", "--plan", unitTargetsPlan, missing)
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stderr, "计划为单位 \"县B\" 另定的目标")
	assert.Contains(t, r.stderr, "没有用上")
	r = eduplan(t, "check", "--lang", "en", "--plan", unitTargetsPlan, missing)
	assert.Contains(t, r.stderr, "the plan's own target for unit \"县B\"")
	assert.NotContains(t, r.stderr, "没有用上")
	r = eduplan(t, "explain", "--plan", unitTargetsPlan, "--data", missing, "--unit", "d-a", "inspection_score")
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stderr, "县B")

	twice := writeTemp(t, "twice.csv", "单位代码,单位名称,层级,学校类型,上级单位,综合得分\nc,样板市,市,,,\nd-a,县A,区,,c,96\nd-b,县B,区,,c,91\nd-b2,县B,区,,c,97\n")
	for _, args := range [][]string{
		{"check", "--plan", unitTargetsPlan, twice},
		{"explain", "--plan", unitTargetsPlan, "--data", twice, "--unit", "d-a", "inspection_score"},
	} {
		r = eduplan(t, args...)
		assert.Equal(t, exitUsage, r.code, "%v: %s", args, r.stdout)
		assert.Contains(t, r.stderr, "indicators[0].unit_targets[0].units[1]")
		assert.Contains(t, r.stderr, "名称 \"县B\" 对应数据中的 2 个单位")
	}
}

// The README's per-unit target is an indicator the plan format accepts.
func TestREADMEUnitTargetsExample(t *testing.T) {
	var block string
	for _, b := range blocks(t, "json") {
		if strings.Contains(b, `"unit_targets"`) {
			block = b
		}
	}
	require.NotEmpty(t, block, "README shows a per-unit target")
	var ind plan.Indicator
	require.NoError(t, jsonx.Unmarshal([]byte(block), &ind))
	m := plan.Metric{ID: "score", Unit: plan.Score, Aggregate: plan.None, ReportedBy: plan.Scope{Levels: []org.Level{org.District}}}
	require.NoError(t, plan.ValidateMeasures([]plan.Metric{m}, []plan.Indicator{ind}))
	require.Len(t, ind.UnitTargets, 1)
	assert.Equal(t, []string{"d-a", "县B"}, ind.UnitTargets[0].Units)
}
