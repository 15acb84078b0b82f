package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ep "github.com/eduplan/eduplan"
	"github.com/eduplan/eduplan/org"
)

// template --split writes one prefilled file per school: its own row with
// the rows above it, the plan's year and id, and each reads back as the
// school it was written for.
func TestTemplateSplit(t *testing.T) {
	eng, err := ep.Default()
	require.NoError(t, err)
	sample, err := eng.Sample()
	require.NoError(t, err)
	var kgs []string
	for _, u := range sample.Units {
		if u.Kind == org.Kindergarten {
			kgs = append(kgs, u.ID)
		}
	}
	require.NotEmpty(t, kgs)
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "returns")
			r := eduplan(t, "template", "--kind", "kindergarten", "--sample", "--split", dir, "--format", format)
			require.Equal(t, exitOK, r.code, r.stderr)
			files := strings.Fields(r.stdout)
			require.Len(t, files, len(kgs))
			assert.Contains(t, r.stderr, "zhenjiang-2017")
			for i, f := range files {
				u, _ := sample.Unit(kgs[i])
				assert.Equal(t, filepath.Join(dir, u.ID+"-"+u.Name+"."+format), f)
				d, err := eng.ReadFile(f)
				require.NoError(t, err, f)
				got, ok := d.Unit(u.ID)
				require.True(t, ok)
				assert.Equal(t, u, got)
				assert.Equal(t, "zhenjiang-2017", d.Plan)
				assert.Equal(t, 2017, d.Year)
				require.Len(t, d.Units, 3, "the school, its district and the city")
			}
			// Run again into the same folder: nothing is replaced.
			before, err := os.ReadFile(files[0])
			require.NoError(t, err)
			r = eduplan(t, "template", "--kind", "kindergarten", "--sample", "--split", dir, "--format", format)
			assert.Equal(t, exitUsage, r.code)
			assert.Contains(t, r.stderr, "不会覆盖")
			after, err := os.ReadFile(files[0])
			require.NoError(t, err)
			assert.Equal(t, before, after)

			// A return checked against another plan is refused, and says why.
			r = eduplan(t, "check", "--plan", "../../examples/secondplan/plan.json", files[0])
			assert.Equal(t, exitUsage, r.code)
			assert.Contains(t, r.stderr, `这个文件是按计划 "zhenjiang-2017" 填报的`)
			assert.Equal(t, 1, strings.Count(r.stderr, "\n  "), "that error alone: %s", r.stderr)
		})
	}
}

func TestTemplateSplitUsage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--kind", "kindergarten", "--split", dir}, "--split 须与 --units"},
		{[]string{"--kind", "kindergarten", "--sample", "--split", dir, "-o", "x.csv"}, "不能与 -o 同用"},
		{[]string{"--kind", "vocational", "--sample", "--unit", "s-jingkou-k1", "--split", dir}, "没有写出文件"},
	} {
		r := eduplan(t, append([]string{"template"}, tc.args...)...)
		assert.Equal(t, exitUsage, r.code, tc.args)
		assert.Contains(t, r.stderr, tc.want, tc.args)
	}
	f := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(f, nil, 0o644))
	r := eduplan(t, "template", "--kind", "kindergarten", "--sample", "--split", f)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "不是文件夹")
}
