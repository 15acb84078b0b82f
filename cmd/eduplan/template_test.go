package main

import (
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/org"
)

// A template asks a unit for exactly the figures the page's form asks it
// (Catalog.FormMetrics), in the same order.
func TestTemplateAsksWhatTheFormAsks(t *testing.T) {
	e := &env{lang: "en", stderr: io.Discard, now: time.Now}
	l, code := e.loadPlan("template", "")
	require.NotNil(t, l, code)
	units := []struct {
		args  []string
		level org.Level
		kind  org.Kind
	}{
		{[]string{"--kind", "kindergarten"}, org.School, org.Kindergarten},
		{[]string{"--kind", "primary"}, org.School, org.Primary},
		{[]string{"--kind", "junior"}, org.School, org.JuniorSecond},
		{[]string{"--level", "district"}, org.District, ""},
		{[]string{"--level", "city"}, org.City, ""},
	}
	for _, u := range units {
		r := eduplan(t, append([]string{"template", "--encoding", "utf-8", "--lang", "en"}, u.args...)...)
		require.Equal(t, exitOK, r.code, "%v: %s", u.args, r.stderr)
		header, err := csv.NewReader(strings.NewReader(r.stdout)).Read()
		require.NoError(t, err)
		var want []string
		for _, m := range l.cat.FormMetrics(u.level, u.kind) {
			want = append(want, m.Header("en"))
		}
		require.NotEmpty(t, want, u.args)
		assert.Equal(t, want, header[len(header)-len(want):], "%v", u.args)
	}
}

// A unit name GBK cannot hold is blamed on the line it is on, with the
// fix of writing UTF-8, not on the plan's metric names.
func TestTemplateGBKNamesTheCharacterAndLine(t *testing.T) {
	units := filepath.Join(t.TempDir(), "units.csv")
	require.NoError(t, os.WriteFile(units, []byte("单位代码,单位名称,层级,学校类型,上级单位\nc,示例市😀,市,,\nk1,幼儿园,学校,幼儿园,c\n"), 0o644))
	r := eduplan(t, "template", "--plan", fixturePlan, "--kind", "kindergarten", "--units", units, "--encoding", "gbk")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "第2行的字符“😀”（U+1F600）无法用 GBK 表示")
	assert.Contains(t, r.stderr, "改用 --encoding utf-8-bom")
	assert.NotContains(t, r.stderr, "lint")
}
