//go:build !(js && wasm)

package wasm_test

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// primaryWithChoice opens the page as a primary school with a share of
// school-choice pupils of n per 100.
func primaryWithChoice(tp *tab, n string) {
	tp.t.Helper()
	tp.open(siteURL)
	tp.pickUnit("school/primary")
	tp.typeFigure("school_choice_pupils", n)
	tp.typeFigure("compulsory_new_entrants", "100")
}

// The rules view's try-box: each worked example is one click to try, a
// target typed alone is read and explained, and an error names its real
// cause at its column.
func TestRulesTryBox(t *testing.T) {
	tp := newTab(t)
	primaryWithChoice(tp, "3")
	tp.waitStatus("school_choice_share", "met")
	// The gap says its side, and the table says how gaps are written.
	assert.Equal(t, "-2.00个百分点（优于目标）", tp.text(`#results-table tr[data-indicator="school_choice_share"] .c-gap`))
	assert.Contains(t, tp.text("#results-table caption"), "差距 = 数值 − 目标")
	tp.view("rules")

	examples := eval[[]string](tp, `[...document.querySelectorAll('#rule-examples button')].map((b) => b.textContent)`)
	require.GreaterOrEqual(t, len(examples), 4, "%q", examples)
	assert.Contains(t, examples, "择校生数 / 义务教育招生数 控制在5%以内")
	for i, ex := range examples {
		tp.do(chromedp.Click(chromedp.CSS(`#rule-examples button:nth-of-type(` + strconv.Itoa(i+1) + `)`)))
		tp.waitFor(`document.getElementById('rule-src').value === ` + jsString(ex) +
			` && (!!document.getElementById('rule-result') || !!document.getElementById('rule-error'))`)
		assert.Empty(t, eval[string](tp, `(document.getElementById('rule-error') || {}).textContent || ''`), ex)
		assert.Equal(t, ex, eval[string](tp, `eduplanPage.state().ruleSrc`), "the example is saved as typed")
	}
	// The last two examples are a target alone and a formula alone.
	assert.Equal(t, "target", eval[string](tp, `(() => { document.querySelectorAll('#rule-examples button')[`+strconv.Itoa(len(examples)-2)+`].click(); return document.getElementById('rule-result').dataset.status; })()`))
	formulaAlone := eval[string](tp, `(() => { document.querySelectorAll('#rule-examples button')[`+strconv.Itoa(len(examples)-1)+`].click(); return document.getElementById('rule-result').dataset.status; })()`)
	assert.Contains(t, []string{"no_target", "no_data"}, formulaAlone, "a value, never a verdict")
	t.Logf("examples: %q", examples)

	typeRule := func(src string) {
		tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const e = document.getElementById('rule-src'); e.value = ''; e.dispatchEvent(new Event('input')); })()`))
		tp.do(chromedp.SendKeys(chromedp.CSS("#rule-src"), src))
		tp.waitFor(`document.getElementById('rule-src').value === ` + jsString(src) +
			` && (!!document.getElementById('rule-result') || !!document.getElementById('rule-error'))`)
	}
	for _, tc := range []struct{ src, reading string }{
		{"≥99%", "≥ 99%"},
		{"达99%以上", "≥ 99%，由“达…以上”读出"},
		{"不超过5个百分点", "≤ 5个百分点，由“不超过…个百分点”读出"},
		{"控制在5%以内", "≤ 5%，由“控制在…以内”读出"},
	} {
		typeRule(tc.src)
		assert.Empty(t, eval[string](tp, `(document.getElementById('rule-error') || {}).textContent || ''`), tc.src)
		assert.Equal(t, "target", eval[string](tp, `document.getElementById('rule-result').dataset.status`), tc.src)
		assert.Equal(t, tc.reading, tp.text("#rule-reading"), tc.src)
		assert.NotContains(t, tp.text("#rule-result"), "公式为空", tc.src)
	}

	typeRule("适龄人囗 大约95%")
	assert.Contains(t, tp.text("#rule-error"), "第 1 行第 1 列")
	assert.Contains(t, tp.text("#rule-error"), "未知的指标或数据项 “适龄人囗”")
	assert.Equal(t, "适龄人囗", tp.text("#rule-mark"))

	// A target after a formula is explained the same way.
	typeRule("择校生数 / 义务教育招生数 控制在5%以内")
	assert.Equal(t, "met", eval[string](tp, `document.getElementById('rule-result').dataset.status`))
	assert.Equal(t, "≤ 5%，由“控制在…以内”读出", tp.text("#rule-reading"))

	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en' && !!document.getElementById('rule-reading')`)
	assert.Equal(t, "≤ 5%, read from “控制在…以内”", tp.text("#rule-reading"))
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'zh-CN'`)
}
