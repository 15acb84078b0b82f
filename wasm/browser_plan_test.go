//go:build !(js && wasm)

package wasm_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The page built as a bureau builds it for its own plan: eduplan build-web
// --plan, once, on the first test that needs it.
var (
	carriedOnce sync.Once
	carriedFile string
	carriedErr  error
)

const secondPlan = "../examples/secondplan/plan.json"

func carriedPage(t *testing.T) string {
	t.Helper()
	bin := cli(t)
	carriedOnce.Do(func() {
		dir, err := tempDir("eduplan-carried-")
		if err != nil {
			carriedErr = err
			return
		}
		carriedFile = filepath.Join(dir, "secondplan.html")
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, "build-web", "--plan", "examples/secondplan/plan.json", "--single", carriedFile)
		cmd.Dir = ".."
		if out, err := cmd.CombinedOutput(); err != nil {
			carriedErr = fmt.Errorf("eduplan build-web --plan: %w\n%s", err, out)
		}
	})
	require.NoError(t, carriedErr)
	return carriedFile
}

// A page built with --plan opens with that plan, not the seed: its title,
// issuer and year at the top, its unit types and indicators in the form; and
// "use the built-in plan" returns to it after another plan was opened.
func TestPageCarriesItsPlan(t *testing.T) {
	tp := newFileTab(t)
	page := carriedPage(t)
	var plan struct {
		Title, Issuer struct{ ZH, EN string }
		Year          int
	}
	data, err := os.ReadFile(secondPlan)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &plan))

	tp.open("file://" + page)
	assert.Equal(t, plan.Title.ZH, tp.text("#plan-title"))
	assert.Contains(t, tp.text("#plan-meta"), plan.Issuer.ZH)
	assert.Contains(t, tp.text("#plan-meta"), "2015")
	assert.Contains(t, tp.text("#plan-name"), plan.Title.ZH)
	assert.Contains(t, eval[string](tp, `document.title`), plan.Title.ZH)
	assert.Empty(t, eval[string](tp, `(document.getElementById('plan-errors') || {}).textContent || ''`), "the plan loads without problems")
	t.Logf("plan load in the page: %.1f ms (Go started → plan shown)", eval[float64](tp, `eduplanPage.timing.planMs - eduplanPage.timing.startedMs`))

	// The form is the plan's: a district's indicators, none of the seed's.
	units := eval[[]string](tp, `Array.from(document.querySelectorAll('#unit-type option')).map((o) => o.value).filter(Boolean)`)
	require.Contains(t, units, "district/")
	tp.pickUnit("district/")
	tp.waitFor(`!!document.querySelector('#results-table tr[data-indicator="composite_cv_primary"]')`)
	rows := eval[[]string](tp, `Array.from(document.querySelectorAll('#results-table tr[data-indicator]')).map((r) => r.dataset.indicator)`)
	for _, id := range []string{"composite_cv_primary", "composite_cv_junior", "inspection_score", "equipment_cv", "preschool_rate"} {
		assert.Contains(t, rows, id)
	}
	assert.NotContains(t, rows, "school_choice_share")
	assert.Contains(t, eval[string](tp, `document.getElementById('view-assess').textContent`), "小学综合差异系数")
	tp.typeFigure("cv_primary_reported", "0.7")
	tp.waitStatus("composite_cv_primary", "not_met")
	tp.typeFigure("cv_primary_reported", "0.5")
	tp.waitStatus("composite_cv_primary", "met")

	// Reloaded, the page still holds its plan and what was typed.
	tp.reload()
	assert.Equal(t, plan.Title.ZH, tp.text("#plan-title"))
	tp.waitStatus("composite_cv_primary", "met")

	// Another plan opened from a file replaces it; "use the built-in plan"
	// brings back the page's own plan, not the seed in the wasm.
	tp.upload("#plan-file", "../seeds/zhenjiang2017.json")
	tp.waitFor(`document.getElementById('plan-title').textContent.includes('镇江')`)
	tp.do(chromedp.Click(chromedp.CSS("#plan-default")))
	tp.waitFor(`document.getElementById('plan-title').textContent === ` + jsString(plan.Title.ZH))
}

// Pages opened from disk share one localStorage. A plan opened by hand in
// one mailed page must not hide the plan another mailed page carries.
func TestOpenedPlanStaysWithItsPage(t *testing.T) {
	tp := newFileTab(t)
	page := carriedPage(t)
	var plan struct{ Title struct{ ZH string } }
	data, err := os.ReadFile(secondPlan)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &plan))
	const fixture = "测试市教育局2017年工作要点（网页测试用）"

	tp.open("file://" + singleFile)
	tp.upload("#plan-file", "testdata/plan.json")
	tp.waitFor(`document.getElementById('plan-title').textContent === ` + jsString(fixture))
	tp.do(chromedp.Evaluate[chromedp.Void](`localStorage.setItem('eduplan.test-marker', '1')`))

	tp.open("file://" + page)
	require.Equal(t, "1", eval[string](tp, `localStorage.getItem('eduplan.test-marker') || ''`),
		"the two pages share their storage, as pages opened from disk do")
	assert.Equal(t, plan.Title.ZH, tp.text("#plan-title"), "the page's own plan, not the one opened in the other page")

	// Opened over this page's plan, a plan file stays in use here.
	tp.upload("#plan-file", "testdata/plan.json")
	tp.waitFor(`document.getElementById('plan-title').textContent === ` + jsString(fixture))
	tp.reload()
	assert.Equal(t, fixture, tp.text("#plan-title"))
}
