package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eduplan/eduplan/internal/jsonx"
	"github.com/eduplan/eduplan/plan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tasksOn runs eduplan with the clock set to a day.
func tasksOn(t *testing.T, day time.Time, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{ctx: context.Background(), stdin: strings.NewReader(""), stdout: &out, stderr: &errb, lang: langOf(args),
		now: func() time.Time { return day }}
	code := e.main(args)
	return result{out.String(), errb.String(), code}
}

var late2026 = time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)

// TestTasksSeedDefaultsToPlanYearEnd: years after 2017, the seed's task book
// is read on 2017-12-31 and says so, instead of thousands of days overdue.
func TestTasksSeedDefaultsToPlanYearEnd(t *testing.T) {
	r := tasksOn(t, late2026, "tasks")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "截至 2017-12-31（计划年度末；用 --as-of 指定其他日期）")
	most := 0
	for _, m := range regexp.MustCompile(`逾期(\d+)天`).FindAllStringSubmatch(r.stdout, -1) {
		n, err := strconv.Atoi(m[1])
		require.NoError(t, err)
		most = max(most, n)
	}
	assert.Positive(t, most, "some items of 2017 were due before its end")
	assert.Less(t, most, 366, "no item is more than a year late at the end of the plan's year")

	r = tasksOn(t, late2026, "tasks", "--lang", "en")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "as of 2017-12-31 (end of the plan's year; choose another date with --as-of)")

	// A date given is used as it is, without a reason.
	r = tasksOn(t, late2026, "tasks", "--as-of", "2020-01-01")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "截至 2020-01-01 · ")
	assert.NotContains(t, r.stdout, "计划年度末")

	// The machine formats carry the date and its reason; the sentence goes
	// to stderr, since their stdout has no heading.
	r = tasksOn(t, late2026, "tasks", "--format", "json")
	require.Equal(t, exitOK, r.code, r.stderr)
	var doc struct {
		AsOf   string `json:"as_of"`
		Reason string `json:"as_of_reason"`
	}
	require.NoError(t, jsonx.Unmarshal([]byte(r.stdout), &doc))
	assert.Equal(t, "2017-12-31", doc.AsOf)
	assert.Equal(t, "plan_year_end", doc.Reason)
	assert.Contains(t, r.stderr, "截至 2017-12-31（计划年度末")

	// Inside the plan's year it is today, and says so.
	r = tasksOn(t, time.Date(2017, 6, 1, 9, 0, 0, 0, time.Local), "tasks", "--plan", fixturePlan)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "截至 2017-06-01（今天；用 --as-of 指定其他日期）")
}

func TestTasksSet(t *testing.T) {
	dir := t.TempDir()
	status := filepath.Join(dir, "sub", "status.json")
	require.NoError(t, os.Mkdir(filepath.Dir(status), 0o755))
	// On 2017-07-01 item-1 (due 2017-05-31) and item-4 (due 2017-06-30)
	// are overdue.
	july := time.Date(2017, 7, 1, 9, 0, 0, 0, time.Local)
	planBefore, err := os.ReadFile(fixturePlan)
	require.NoError(t, err)

	load := func() *plan.StatusBook {
		t.Helper()
		f, err := os.Open(status)
		require.NoError(t, err)
		defer f.Close()
		b, err := plan.LoadStatus(f, nil)
		require.NoError(t, err)
		return b
	}

	t.Run("creates the file", func(t *testing.T) {
		r := tasksOn(t, july, "tasks", "--plan", fixturePlan, "--status", status,
			"--set", "item-1=done@2017-05-20", "--set", "item-4=进行中")
		require.Equal(t, exitOK, r.code, r.stderr)
		assert.Contains(t, r.stderr, "已新建 "+status)
		assert.Contains(t, r.stderr, "item-1 → 已完成（2017-05-20）")
		assert.Contains(t, r.stderr, "item-4 → 进行中（2017-07-01）", "without @date, the as-of date")
		assert.Contains(t, r.stdout, "4 条，逾期 1 条", "the task book printed after the change counts it")
		b := load()
		assert.Equal(t, "fixture-2017", b.Plan)
		assert.Equal(t, []plan.Status{
			{Item: "item-1", State: plan.Done, Date: plan.Date{Year: 2017, Month: 5, Day: 20}},
			{Item: "item-4", State: plan.InProgress, Date: plan.Date{Year: 2017, Month: 7, Day: 1}},
		}, b.Statuses)
	})

	t.Run("updates the file", func(t *testing.T) {
		r := tasksOn(t, july, "tasks", "--plan", fixturePlan, "--status", status, "--as-of", "2017-06-30",
			"--set", "item-4=done", "--set", "item-2=in_progress@2017-06-01")
		require.Equal(t, exitOK, r.code, r.stderr)
		assert.Contains(t, r.stderr, "已更新 "+status)
		b := load()
		require.Len(t, b.Statuses, 3)
		assert.Equal(t, plan.Status{Item: "item-1", State: plan.Done, Date: plan.Date{Year: 2017, Month: 5, Day: 20}}, b.Statuses[0], "untouched")
		assert.Equal(t, plan.Status{Item: "item-4", State: plan.Done, Date: plan.Date{Year: 2017, Month: 6, Day: 30}}, b.Statuses[1], "dated --as-of")
		assert.Equal(t, "item-2", b.Statuses[2].Item)

		// A status dated after the as-of date is written, and the user is
		// told the book printed does not count it yet.
		r = tasksOn(t, july, "tasks", "--plan", fixturePlan, "--status", status, "--set", "item-3=done@2017-08-01")
		require.Equal(t, exitOK, r.code, r.stderr)
		assert.Contains(t, r.stderr, "晚于截至日期 2017-07-01")
	})

	unchanged := func(t *testing.T, r result, code int, says ...string) {
		t.Helper()
		before, err := os.ReadFile(status)
		require.NoError(t, err)
		assert.Equal(t, code, r.code, r.stderr)
		for _, s := range says {
			assert.Contains(t, r.stderr, s)
		}
		after, err := os.ReadFile(status)
		require.NoError(t, err)
		assert.Equal(t, string(before), string(after), "the status file is left as it was")
	}
	for _, tc := range []struct {
		name string
		args []string
		says []string
	}{
		{"unknown item, with a suggestion", []string{"--set", "item-9=done"}, []string{`计划中没有任务书条目 "item-9"`, "是否指 item-1"}},
		{"one bad item among good ones", []string{"--set", "item-3=done", "--set", "itme-3=done"}, []string{`"itme-3"`, "是否指 item-3"}},
		{"unknown state", []string{"--set", "item-1=finished"}, []string{`未知状态 "finished"`, "done（已完成）"}},
		{"no state", []string{"--set", "item-1"}, []string{"缺少条目编号或状态"}},
		{"bad date", []string{"--set", "item-1=done@2017-02-30"}, []string{"2017-02-30", "没有 30 日"}},
		{"date not YYYY-MM-DD", []string{"--set", "item-1=done@2017.5"}, []string{"2017.5", "YYYY-MM-DD"}},
		{"an item twice", []string{"--set", "item-1=done", "--set", "item-1=not_started"}, []string{"给了两次"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tasksOn(t, july, append([]string{"tasks", "--plan", fixturePlan, "--status", status}, tc.args...)...)
			unchanged(t, r, exitUsage, tc.says...)
		})
	}

	t.Run("English", func(t *testing.T) {
		r := tasksOn(t, july, "tasks", "--plan", fixturePlan, "--status", status, "--set", "item-9=done", "--lang", "en")
		unchanged(t, r, exitUsage, `the plan has no task-book item "item-9"; did you mean item-1?`)
	})

	t.Run("never the plan", func(t *testing.T) {
		r := tasksOn(t, july, "tasks", "--plan", fixturePlan, "--status", fixturePlan, "--set", "item-1=done")
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "就是计划文件")
		// By another spelling of its path, or through a link, too.
		abs, err := filepath.Abs(fixturePlan)
		require.NoError(t, err)
		link := filepath.Join(dir, "link.json")
		require.NoError(t, os.Symlink(abs, link))
		for _, other := range []string{"./testdata/../testdata/plan.json", abs, link} {
			r = tasksOn(t, july, "tasks", "--plan", fixturePlan, "--status", other, "--set", "item-1=done")
			assert.Equal(t, exitUsage, r.code, other)
			assert.Contains(t, r.stderr, "就是计划文件", other)
		}
		after, err := os.ReadFile(fixturePlan)
		require.NoError(t, err)
		assert.Equal(t, string(planBefore), string(after))
	})

	t.Run("needs --status", func(t *testing.T) {
		r := tasksOn(t, july, "tasks", "--plan", fixturePlan, "--set", "item-1=done")
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "--set 须与 --status FILE 一起用")
		r = tasksOn(t, july, "tasks", "--plan", fixturePlan, "--status", "-", "--set", "item-1=done")
		assert.Equal(t, exitUsage, r.code)
	})

	t.Run("not a folder, not -o", func(t *testing.T) {
		r := tasksOn(t, july, "tasks", "--plan", fixturePlan, "--status", dir, "--set", "item-1=done")
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "是一个文件夹")
		r = tasksOn(t, july, "tasks", "--plan", fixturePlan, "--status", status, "--set", "item-1=done", "-o", status)
		unchanged(t, r, exitUsage, "不会覆盖输入")
	})

	t.Run("a broken status file is not overwritten", func(t *testing.T) {
		broken := filepath.Join(dir, "broken.json")
		text := `{"format": "eduplan.status/v1", "plan": "other-plan", "statuses": []}`
		require.NoError(t, os.WriteFile(broken, []byte(text), 0o644))
		r := tasksOn(t, july, "tasks", "--plan", fixturePlan, "--status", broken, "--set", "item-1=done")
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "other-plan")
		got, err := os.ReadFile(broken)
		require.NoError(t, err)
		assert.Equal(t, text, string(got))
	})

	// No temporary file is left beside the status file.
	entries, err := os.ReadDir(filepath.Dir(status))
	require.NoError(t, err)
	require.Len(t, entries, 1)
	assert.Equal(t, "status.json", entries[0].Name())
}

// A broken status file is called a status file, and the fix does not send
// the user to lint it as a plan.
func TestBadStatusFileIsNotCalledAPlan(t *testing.T) {
	dir := t.TempDir()
	st := filepath.Join(dir, "status.json")
	require.NoError(t, os.WriteFile(st, []byte(`{"format":"eduplan.status/v1","plan":"zhenjiang-2017","statuses":[{"item":"nope","state":"done","date":"2017-05-01"}]}`), 0o644))
	r := eduplan(t, "tasks", "--status", st)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "状态文件 "+st+" 有 1 个问题")
	assert.NotContains(t, r.stderr, "计划文件")
	assert.NotContains(t, r.stderr, "lint")
	r = eduplan(t, "tasks", "--lang", "en", "--status", st)
	assert.Contains(t, r.stderr, "the status file "+st+" has 1 problem(s)")
}
