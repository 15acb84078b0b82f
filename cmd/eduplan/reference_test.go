package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"

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

// The README's target_for example reads, and does what the README says: a
// verdict on the district, for reference on the school.
func TestREADMETargetForExample(t *testing.T) {
	var src string
	for _, b := range blocks(t, "json") {
		if strings.Contains(b, `"target_for"`) {
			src = b
		}
	}
	require.NotEmpty(t, src)
	var ind plan.Indicator
	require.NoError(t, json.Unmarshal([]byte(src), &ind))
	ind.Name = msg.T("合格率", "pass rate")
	schools := plan.Scope{Kinds: []org.Kind{org.Primary, org.JuniorSecond}}
	metrics := []plan.Metric{
		{ID: "fitness_pass_students", Unit: plan.Count, Counter: "人", Aggregate: plan.Sum, ReportedBy: schools},
		{ID: "fitness_tested_students", Unit: plan.Count, Counter: "人", Aggregate: plan.Sum, ReportedBy: schools},
	}
	cat, err := indicators.NewCatalog(metrics, []plan.Indicator{ind}, nil)
	require.NoError(t, err)
	d := dataset.New(2017)
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "d", Level: org.District}))
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "s", Level: org.School, Kind: org.Primary, Parent: "d"}))
	require.NoError(t, d.Set("s", "fitness_pass_students", 94))
	require.NoError(t, d.Set("s", "fitness_tested_students", 100))
	rep, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	for _, u := range rep.Units {
		require.Len(t, u.Results, 1)
		r := u.Results[0]
		assert.Equal(t, indicators.NotMet, r.Status, u.Unit.ID)
		assert.Equal(t, u.Unit.ID == "s", r.Reference, u.Unit.ID)
	}
	assert.Equal(t, "参考：未达目标", view.Of(rep.Units[1].Results[0]).Status.ZH)
}
