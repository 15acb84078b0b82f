package main

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The five-level plan (examples/fivelevel, worked out by hand in
// examples/fivelevel_test.go) through the command: lint accepts it, check
// --unit at a province reports the province and everything below it and
// nothing else, with the province's rates recomputed from its units' sums.
func TestFiveLevelCommand(t *testing.T) {
	const (
		p = "../../examples/fivelevel/plan.json"
		d = "../../examples/fivelevel/data.csv"
	)
	r := eduplan(t, "lint", p)
	require.Equal(t, exitOK, r.code, r.stderr)

	r = eduplan(t, "check", "--plan", p, "--unit", "乙省", "--format", "csv", d)
	require.Equal(t, exitFail, r.code, r.stderr)
	var units []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n")[1:] {
		id := strings.SplitN(line, ",", 2)[0]
		if len(units) == 0 || units[len(units)-1] != id {
			units = append(units, id)
		}
	}
	assert.Equal(t, []string{"p2", "c3", "d4", "s4", "s5"}, units, "the province, its city, county and schools with results")
	assert.Contains(t, r.stdout, "p2,乙省,省,,cn,2024,preschool_ger,学前三年教育毛入学率,约束性,未达标,85.00%,≥ 95%,-10.00,个百分点")
	assert.Contains(t, r.stdout, "p2,乙省,省,,cn,2024,pt_ratio,小学生师比,约束性,达标,14.17,≤ 17,-2.83")

	r = eduplan(t, "check", "--plan", p, "--unit", "cn", d)
	require.Equal(t, exitFail, r.code, r.stderr)
	for _, line := range []string{
		"未达标  省际学前三年教育毛入学率差距  10.22个百分点  ≤ 10个百分点  +0.22个百分点",
		"达标    学前毛入学率达标省份占比             50.00%  ≥ 50%          0.00个百分点",
	} {
		assert.Contains(t, squash(r.stdout), squash(line))
	}

	// explain names the plan's levels, with its own names.
	r = eduplan(t, "explain", "--plan", p, "pt_ratio")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "适用于：国家、省、地市、区县、学校（小学）")
	// and so does a unit's result, in either language.
	for _, c := range []struct{ lang, unit, want, not string }{
		{"zh", "c3", "单位：三市 (c3) · 地市\n", "· 市\n"},
		{"zh", "d4", "单位：北县 (d4) · 区县\n", "辖市区"},
		{"en", "c3", "Unit: 三市 (c3) · Prefecture\n", "· City\n"},
		{"en", "d4", "Unit: 北县 (d4) · County\n", "  Pupils = 3000（"},
	} {
		r = eduplan(t, "explain", "--lang", c.lang, "--plan", p, "--data", d, "--unit", c.unit, "pt_ratio")
		require.Equal(t, exitOK, r.code, r.stderr)
		assert.Contains(t, r.stdout, c.want, c.lang+" "+c.unit)
		assert.NotContains(t, r.stdout, c.not, c.lang+" "+c.unit)
	}

	// A template for the provinces, read back by check.
	r = eduplan(t, "template", "--plan", p, "--level", "省", "--units", d)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "p1,甲省,省,,cn")
	assert.NotContains(t, r.stdout, "c1,", "only the provinces and the units above them")
}

// The bad-input catalogue's five-level files are copies of the example's,
// so that its cases break the plan and data the example checks by hand.
func TestFiveLevelCatalogueFilesAreTheExample(t *testing.T) {
	for _, f := range [][2]string{
		{"../../examples/fivelevel/plan.json", "../../testdata/bad/common/five.json"},
		{"../../examples/fivelevel/data.csv", "../../testdata/bad/common/five.csv"},
	} {
		a, err := os.ReadFile(f[0])
		require.NoError(t, err)
		b, err := os.ReadFile(f[1])
		require.NoError(t, err)
		assert.Equal(t, string(a), string(b), "%s is a copy of %s", f[1], f[0])
	}
}

// Every face of a five-level plan's report names a unit's level as the
// plan does (地市, 区县 for its cities and counties, not 市 and 辖市区),
// and so does a JSON report read back: the report carries the plan's
// levels.
func TestFiveLevelReportsNameThePlansLevels(t *testing.T) {
	const (
		p = "../../examples/fivelevel/plan.json"
		d = "../../examples/fivelevel/data.csv"
	)
	for _, c := range []struct {
		format string
		want   []string
	}{
		{"table", []string{"三市(c3) · 地市", "北县(d4) · 区县", "乙省(p2) · 省"}},
		{"csv", []string{"c3,三市,地市,,p2,2024,", "d4,北县,区县,,c3,2024,"}},
		{"markdown", []string{"## 三市(c3) · 地市", "## 北县(d4) · 区县"}},
		{"junit", []string{`name="三市(c3) · 地市"`, `name="北县(d4) · 区县"`}},
		{"jsonl", []string{`"level":"city","parent":"p2"},"level_name":{"zh":"地市","en":"Prefecture"}`, `"level_name":{"zh":"区县","en":"County"}`}},
	} {
		t.Run(c.format, func(t *testing.T) {
			r := eduplan(t, "check", "--plan", p, "--unit", "乙省", "--format", c.format, d)
			require.Equal(t, exitFail, r.code, r.stderr)
			for _, w := range c.want {
				assert.Contains(t, r.stdout, w)
			}
			assert.NotContains(t, r.stdout, "、市 ", "the default name of the city level")
			assert.NotContains(t, r.stdout, "辖市区 ", "the default name of the district level")
		})
	}

	// A JSON report carries the levels; a table made from it again names
	// them so.
	dir := t.TempDir()
	out := dir + "/report.json"
	r := eduplan(t, "check", "--plan", p, "--unit", "乙省", "--format", "json", "-o", out, d)
	require.Equal(t, exitFail, r.code, r.stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"levels":[{"id":"nation"`)
	assert.Contains(t, string(b), `{"id":"city","name":{"zh":"地市","en":"Prefecture"}}`)
}
