package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fillReturn types a figure into the school's row (the last) of a
// prefilled CSV, under the header given.
func fillReturn(t *testing.T, path, header, value string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimRight(string(b), "\r\n"), "\r\n")
	head := strings.Split(lines[0], ",")
	col := -1
	for j, h := range head {
		if strings.TrimPrefix(h, "\ufeff") == header {
			col = j
		}
	}
	require.GreaterOrEqual(t, col, 0, header)
	cells := strings.Split(lines[len(lines)-1], ",")
	cells[col] = value
	lines[len(lines)-1] = strings.Join(cells, ",")
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\r\n")+"\r\n"), 0o644))
}

// The bureau's round trip from the command line: split, fill some, collect
// against the list, check the merge.
func TestCollect(t *testing.T) {
	dir := t.TempDir()
	returns := filepath.Join(dir, "returns")
	list := filepath.Join(dir, "units.csv")
	r := eduplan(t, "template", "--kind", "kindergarten", "--sample", "--unit", "d-jingkou", "-o", list)
	require.Equal(t, exitOK, r.code, r.stderr)
	r = eduplan(t, "template", "--kind", "kindergarten", "--sample", "--unit", "d-jingkou", "--split", returns)
	require.Equal(t, exitOK, r.code, r.stderr)
	files := strings.Fields(r.stdout)
	require.Greater(t, len(files), 2)
	for i, f := range files[:len(files)-1] {
		fillReturn(t, f, "在园幼儿数（人）", []string{"120", "95", "300", "41", "77", "60", "88"}[i%7])
	}
	last := files[len(files)-1]
	lastID := strings.SplitN(filepath.Base(last), "-京口区", 2)[0]

	require.NoError(t, os.WriteFile(filepath.Join(returns, "说明.txt"), []byte("not a return"), 0o644))
	out := filepath.Join(dir, "district.csv")
	r = eduplan(t, "collect", returns, "--units", list, "--kind", "kindergarten", "-o", out)
	assert.Contains(t, r.stderr, "注意：跳过了 1 个不是 .csv、.json、.xlsx 的文件："+filepath.Join(returns, "说明.txt"))
	assert.Equal(t, exitFail, r.code, "a unit of the list did not return: %s", r.stderr)
	assert.Contains(t, r.stderr, "名单中有 1 个单位没有交回：\n  "+lastID+" ")
	assert.Contains(t, r.stderr, "汇总了 "+strconv.Itoa(len(files))+" 个文件")
	merged, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(merged), "计划编号")
	assert.Equal(t, len(files)+1, strings.Count(string(merged), "\r\n")-1, "the district and each school")

	// Every format out, and check reads each.
	for _, ext := range []string{"json", "xlsx"} {
		o := filepath.Join(dir, "district."+ext)
		r = eduplan(t, "collect", returns, "-o", o)
		require.Equal(t, exitOK, r.code, "no list, nothing missing: %s", r.stderr)
		r = eduplan(t, "check", o, "--unit", "d-jingkou", "--format", "csv")
		require.NotEqual(t, exitUsage, r.code, r.stderr)
	}

	// check takes the folder, or files, directly.
	r = eduplan(t, "check", returns, "--unit", "d-jingkou", "--format", "json", "--indent")
	require.NotEqual(t, exitUsage, r.code, r.stderr)
	assert.Contains(t, r.stderr, "eduplan check: 汇总了")
	r2 := eduplan(t, "check", out, "--unit", "d-jingkou", "--format", "json", "--indent")
	noFile := func(s string) string {
		return regexp.MustCompile(`(?m)^    "file": .*\n`).ReplaceAllString(s, "")
	}
	assert.True(t, noFile(r2.stdout) == noFile(r.stdout), "the folder assesses as its merge")
	r = eduplan(t, "check", files[0], files[1], "--unit", "d-jingkou", "--format", "csv")
	require.NotEqual(t, exitUsage, r.code, r.stderr)

	// A copy of a return is an identical duplicate; a changed figure a conflict.
	cp := filepath.Join(returns, "copy.csv")
	b, err := os.ReadFile(files[0])
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(cp, b, 0o644))
	r = eduplan(t, "collect", returns, "-o", filepath.Join(dir, "x.csv"))
	require.Equal(t, exitOK, r.code, r.stderr)
	fillReturn(t, cp, "在园幼儿数（人）", "121")
	x := filepath.Join(dir, "y.csv")
	r = eduplan(t, "collect", returns, "-o", x, "--lang", "en")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "the returns disagree in 1 place(s); nothing was merged:")
	assert.Contains(t, r.stderr, `the Children enrolled in kindergarten differs: `+cp+` line 3 says "121", `+files[0]+` line 3 says "120"`)
	assert.NoFileExists(t, x)
	r = eduplan(t, "check", returns)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "不一致")
}

func TestCollectUsage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{}, "缺少要汇总的文件夹或文件"},
		{[]string{dir}, "没有 .csv、.json 或 .xlsx 文件"},
		{[]string{filepath.Join(dir, "none.csv")}, "无法打开"},
		{[]string{"--kind", "kindergarten", dir}, "--kind 和 --level 须与 --units 同用"},
		{[]string{"--format", "xml", dir}, "--format 应为 csv、xlsx 或 json"},
	} {
		r := eduplan(t, append([]string{"collect"}, tc.args...)...)
		assert.Equal(t, exitUsage, r.code, tc.args)
		assert.Contains(t, r.stderr, tc.want, tc.args)
	}
	f := filepath.Join(dir, "a.csv")
	require.NoError(t, os.WriteFile(f, []byte("单位代码,单位名称,学校类型\nk1,一园,幼儿园\n"), 0o644))
	r := eduplan(t, "collect", f, "-o", f)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "不会覆盖输入")
	r = eduplan(t, "check", "--sheet", "x", f, f)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "--sheet 只用于一个 Excel 数据文件")
}

// Prefilled files in every form they are written collect back: nothing
// filled in, every school of the list is named as not returned.
func TestCollectUnfilledSplits(t *testing.T) {
	for _, form := range [][]string{{"--format", "xlsx"}, {"--encoding", "gbk"}, {"--lang", "en"}} {
		dir := t.TempDir()
		r := eduplan(t, append([]string{"template", "--kind", "primary", "--sample", "--unit", "d-runzhou", "--split", dir}, form...)...)
		require.Equal(t, exitOK, r.code, r.stderr)
		n := len(strings.Fields(r.stdout))
		r = eduplan(t, "collect", dir, "--units", "../../seeds/sample2017.json", "--kind", "primary", "-o", filepath.Join(t.TempDir(), "out.json"))
		assert.Equal(t, exitFail, r.code, "%v: %s", form, r.stderr)
		missing := strings.Count(r.stderr, "\n  s-")
		assert.GreaterOrEqual(t, missing, n, "%v: every school of the folder, and those of other districts: %s", form, r.stderr)
		assert.Contains(t, r.stderr, "汇总了 "+strconv.Itoa(n)+" 个文件", form)
	}
}
