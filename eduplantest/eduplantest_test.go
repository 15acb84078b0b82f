package eduplantest

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/plan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeTB records what a helper reports. It embeds testing.TB only to
// satisfy the interface's unexported method; every method Check calls is
// overridden, so the nil embedded value is never used.
type fakeTB struct {
	testing.TB
	mu                   sync.Mutex
	errors, fatals, logs []string
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

// Fatalf records the message and stops the calling goroutine, as the real
// one does.
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.mu.Lock()
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) Logf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.logs = append(f.logs, fmt.Sprintf(format, args...))
}

// runFake runs fn with a fake TB on its own goroutine, so that Fatalf can
// stop it.
func runFake(fn func(tb testing.TB)) *fakeTB {
	f := &fakeTB{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(f)
	}()
	<-done
	return f
}

func loadPlan(t *testing.T) *plan.Plan {
	t.Helper()
	p, err := plan.LoadFile("testdata/plan.json")
	require.NoError(t, err)
	return p
}

func TestCheckReportsBindingFailures(t *testing.T) {
	p := loadPlan(t)
	// The report is checked here, on the test's goroutine: FailNow must
	// not be called from the fake's.
	var r *indicators.Report
	f := runFake(func(tb testing.TB) {
		d := ReadData(tb, p, "testdata/fail.csv")
		r = Check(tb, p, d)
	})
	assert.Empty(t, f.fatals)
	require.NotNil(t, r)
	assert.Equal(t, "fixture-2017", r.Plan)
	require.Len(t, f.errors, 2, "西区 and 西区小学 miss the 5%% target: %v", f.errors)
	assert.Equal(t, "西区(d2)：择校生比例(choice_rate) 未达标：数值 8.00%，目标 ≤ 5%，差距 +3.00个百分点，差于目标（约束性）\n    原文：择校生比例控制在5%以内（总体目标1）", f.errors[0])
	assert.Contains(t, f.errors[1], "西区小学(p2)：择校生比例(choice_rate) 未达标：数值 8.00%")
	// The aspirational 力争达1000 missed is logged, not failed.
	require.Len(t, f.logs, 1)
	assert.Contains(t, f.logs[0], "在园幼儿总数(kg_total) 未达标：数值 998，目标 ≥ 1000，差距 -2，差于目标（预期性）")
}

func TestCheckPasses(t *testing.T) {
	p := loadPlan(t)
	f := runFake(func(tb testing.TB) { Check(tb, p, ReadData(tb, p, "testdata/pass.csv")) })
	assert.Empty(t, f.errors)
	assert.Empty(t, f.fatals)
}

func TestOptions(t *testing.T) {
	p := loadPlan(t)
	cases := []struct {
		name   string
		file   string
		edit   func(d *dataset.Dataset)
		opts   []Option
		errors []string // substrings, one per expected error, in order
		logs   []string // substrings each found in some logged line
		fatal  string
	}{
		{name: "aspirational", file: "testdata/pass.csv", opts: []Option{Aspirational()},
			errors: []string{"样板市(c)：在园幼儿总数(kg_total) 未达标"}},
		{name: "units narrow to a district that passes", file: "testdata/fail.csv", opts: []Option{Units("d1")}},
		{name: "units narrow to the school that fails", file: "testdata/fail.csv", opts: []Option{Units("p2")},
			errors: []string{"西区小学(p2)"}},
		{name: "an unknown unit stops the test", file: "testdata/pass.csv", opts: []Option{Units("zz")}, fatal: "zz"},
		{name: "missing figures are logged by default", file: "testdata/pass.csv",
			edit: func(d *dataset.Dataset) { d.Clear("d2", "pop_3_5") },
			logs: []string{"西区(d2)：学前三年教育毛入学率(preschool_ger) 缺数据", "样板市(c)：辖市区学前三年教育毛入学率差距(ger_gap) 缺数据"}},
		{name: "missing figures fail with NoDataFails", file: "testdata/pass.csv", opts: []Option{NoDataFails()},
			edit: func(d *dataset.Dataset) { d.Clear("d2", "pop_3_5") },
			// 西区 has no rate, and the city's spread of district rates then
			// has a child without one.
			errors: []string{"西区(d2)：学前三年教育毛入学率(preschool_ger) 缺数据", "样板市(c)：辖市区学前三年教育毛入学率差距(ger_gap) 缺数据"}},
		{name: "a zero denominator fails with NoDataFails", file: "testdata/pass.csv", opts: []Option{NoDataFails()},
			edit:   func(d *dataset.Dataset) { require.NoError(t, d.Set("d1", "pop_3_5", 0)) },
			errors: []string{"东区(d1)：学前三年教育毛入学率(preschool_ger) 无法计算", "ger_gap"}},
		{name: "english", file: "testdata/fail.csv", opts: []Option{Lang("en"), Units("p2")},
			errors: []string{"西区小学(p2): Share of school-choice pupils(choice_rate) not met: value 8.00%, target ≤ 5%, gap +3.00 pp, worse than target (binding)\n    plan wording: 择校生比例控制在5%以内 (Goal 1)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := runFake(func(tb testing.TB) {
				d := ReadData(tb, p, c.file)
				if c.edit != nil {
					c.edit(d)
				}
				Check(tb, p, d, c.opts...)
			})
			if c.fatal != "" {
				require.Len(t, f.fatals, 1)
				assert.Contains(t, f.fatals[0], c.fatal)
				return
			}
			assert.Empty(t, f.fatals)
			require.Len(t, f.errors, len(c.errors), "%v", f.errors)
			for i, want := range c.errors {
				assert.Contains(t, f.errors[i], want)
			}
			for _, want := range c.logs {
				assert.Contains(t, strings.Join(f.logs, "\n"), want, "logged")
			}
		})
	}
}

func TestBadInputsStop(t *testing.T) {
	p := loadPlan(t)
	f := runFake(func(tb testing.TB) { ReadData(tb, p, "testdata/nope.csv") })
	require.Len(t, f.fatals, 1)
	assert.Contains(t, f.fatals[0], "nope.csv")

	bad := t.TempDir() + "/bad.csv"
	require.NoError(t, os.WriteFile(bad, []byte("单位代码,单位名称,层级,在园幼儿数\nk,园,学校,很多\n"), 0o644))
	f = runFake(func(tb testing.TB) { ReadData(tb, p, bad) })
	require.Len(t, f.fatals, 1)
	assert.Contains(t, f.fatals[0], "很多")

	f = runFake(func(tb testing.TB) { Check(tb, p, nil) })
	require.Len(t, f.fatals, 1)

	broken := *p
	broken.Indicators = append(broken.Indicators[:0:0], p.Indicators...)
	broken.Indicators[0].Target = "大约很多"
	f = runFake(func(tb testing.TB) { Check(tb, &broken, dataset.New(2017)) })
	require.Len(t, f.fatals, 1)
	assert.Contains(t, f.fatals[0], "indicators[0].target")
}

// TestSuite is run by TestSubtests in a child process (it is skipped
// otherwise): it is what a user's suite looks like, and it fails.
func TestSuite(t *testing.T) {
	file := os.Getenv("EDUPLANTEST_DATA")
	if file == "" {
		t.Skip("run by TestSubtests in a child process")
	}
	p, err := plan.LoadFile("testdata/plan.json")
	require.NoError(t, err)
	Check(t, p, ReadData(t, p, file))
}

// TestSubtests runs TestSuite in a child `go test` process with a real
// *testing.T: the failing indicator fails as its own subtest, and -run
// can pick one indicator.
func TestSubtests(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child test processes")
	}
	child := func(data, run string) (string, error) {
		cmd := exec.Command(os.Args[0], "-test.run", run, "-test.v")
		cmd.Env = append(os.Environ(), "EDUPLANTEST_DATA="+data)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := child("testdata/fail.csv", "^TestSuite$")
	require.Error(t, err, "a suite with a binding target not met must fail:\n%s", out)
	assert.Contains(t, out, "--- FAIL: TestSuite/choice_rate")
	assert.Contains(t, out, "--- PASS: TestSuite/preschool_ger")
	assert.Contains(t, out, "--- PASS: TestSuite/ger_gap")
	assert.Contains(t, out, "西区小学(p2)：择校生比例(choice_rate) 未达标：数值 8.00%，目标 ≤ 5%，差距 +3.00个百分点，差于目标（约束性）")

	out, err = child("testdata/fail.csv", "^TestSuite$/^preschool_ger$")
	require.NoError(t, err, "one indicator picked with -run passes:\n%s", out)
	assert.Contains(t, out, "--- PASS: TestSuite/preschool_ger")
	assert.NotContains(t, out, "choice_rate")

	out, err = child("testdata/pass.csv", "^TestSuite$")
	require.NoError(t, err, "%s", out)
	assert.Contains(t, out, "在园幼儿总数(kg_total) 未达标", "an aspirational miss is logged under -v")
	assert.True(t, strings.Contains(out, "--- PASS: TestSuite/kg_total"))
}

// BenchmarkCheck shows the helper also works where there are no subtests.
func BenchmarkCheck(b *testing.B) {
	p, err := plan.LoadFile("testdata/plan.json")
	require.NoError(b, err)
	d := ReadData(b, p, "testdata/pass.csv")
	for b.Loop() {
		Check(b, p, d)
	}
}

// TestBindingAlwaysFails: no combination of options lets a binding target
// missed pass (the helpers have no "fail on none"), and a parent's own
// figure that differs from its units' sum is logged, not failed.
func TestBindingAlwaysFails(t *testing.T) {
	p := loadPlan(t)
	for _, opts := range [][]Option{nil, {Aspirational()}, {NoDataFails()}, {Lang("en")}, {Aspirational(), NoDataFails(), Lang("en")}} {
		f := runFake(func(tb testing.TB) { Check(tb, p, ReadData(tb, p, "testdata/fail.csv"), opts...) })
		assert.GreaterOrEqual(t, len(f.errors), 2, "options %d: 西区 and 西区小学 miss a binding target", len(opts))
	}

	var r *indicators.Report
	f := runFake(func(tb testing.TB) {
		d := ReadData(tb, p, "testdata/pass.csv")
		require.NoError(t, d.Set("c", "kg_children", 1250))
		r = Check(tb, p, d)
	})
	assert.Empty(t, f.errors, "a difference between a parent and its units fails nothing by itself")
	require.Len(t, r.Hierarchy, 1)
	found := false
	for _, l := range f.logs {
		if strings.Contains(l, "样板市(c) 在园幼儿数：本单位填报 1250，下属单位合计 998") {
			found = true
		}
	}
	assert.True(t, found, "the difference is logged: %v", f.logs)
}
