//go:build !(js && wasm)

package wasm_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A plan of five levels (examples/fivelevel: 国家 → 省 → 地市 → 区县 → 学校)
// opened in the page: the form offers every level above the schools under
// the plan's own names, and its data file, imported, shows each province
// with its rates recomputed from the sums below it (examples/fivelevel_test.go
// works them out by hand).
func TestPageFiveLevelPlan(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.upload("#plan-file", "../examples/fivelevel/plan.json")
	tp.waitFor(`document.getElementById('plan-title').textContent.includes('五级示例')`)

	groups := eval[[]string](tp, `[...document.querySelectorAll('#unit-type optgroup')].map((g) => g.label)`)
	assert.Equal(t, []string{"学校", "区县", "地市", "省", "国家"}, groups)
	tp.pickUnit("province/")
	tp.waitFor(`!!document.querySelector('#results-table tr[data-indicator="preschool_ger"]')`)
	rows := eval[[]string](tp, `[...document.querySelectorAll('#results-table tr[data-indicator]')].map((r) => r.dataset.indicator)`)
	assert.Equal(t, []string{"preschool_ger", "pt_ratio", "pt_cv_schools"}, rows, "a province is held to the rate, the ratio and its schools' spread, not to the nation's spread between provinces")

	tp.view("import")
	tp.upload("#data-file", "../examples/fivelevel/data.csv")
	tp.waitFor(`!!document.getElementById('matrix')`)
	parents := eval[[]string](tp, `[...document.querySelectorAll('#parents .parent')].map((p) => p.dataset.unit)`)
	assert.Equal(t, []string{"cn", "p1", "p2", "c1", "c2", "c3", "d1", "d2", "d3", "d4"}, parents)
	require.Equal(t, "省", tp.text(`#parents .parent[data-unit="p1"] summary .muted`))

	row := `#parent-p1 tr[data-indicator="preschool_ger"]`
	assert.Equal(t, "95.22%", tp.text(row+" .c-value"), "2190 / 2300, summed over two cities and three counties")
	assert.Equal(t, "met", eval[string](tp, `document.querySelector('`+row+`').dataset.status`))
	row = `#parent-p2 tr[data-indicator="pt_ratio"]`
	assert.Equal(t, "14.17", tp.text(row+" .c-value"), "3400 / 240, with the school right under the province")
	spread := `#checks .check[data-indicator="ger_spread"]`
	assert.Equal(t, "not_met", eval[string](tp, `document.querySelector('`+spread+`').dataset.status`))
	assert.Contains(t, tp.text(spread+" .agg"), "甲省")
	assert.Contains(t, tp.text(spread+" .agg"), "乙省")

	// The file's reports name the levels as the plan does.
	download := tp.downloads()
	_, csvReport := download("#file-csv")
	assert.Contains(t, string(csvReport), "c1,一市,地市,,p1,2024,")
	assert.Contains(t, string(csvReport), "d1,东县,区县,,c1,2024,")
	_, jsonReport := download("#file-json")
	assert.Contains(t, string(jsonReport), `{"id":"district","name":{"zh":"区县","en":"County"}`)

	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en'`)
	assert.Equal(t, "Province", tp.text(`#parents .parent[data-unit="p1"] summary .muted`))
	noRawValues(t, tp)
}
