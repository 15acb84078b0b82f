//go:build !(js && wasm)

package wasm_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"

	"github.com/eduplan/eduplan/seeds"
)

// The page shows the plan's validation rules as a section of the results:
// a kindergarten whose urban and rural children do not add up to its total
// is told so on the form, with both sides and by how much; the sample
// year's deliberate slip shows in the file view; names stay text.
func TestValidationRulesOnThePage(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.pickUnit("school/kindergarten")
	tp.waitFor(`!!document.getElementById('validation')`)
	assert.Equal(t, "0", eval[string](tp, `document.getElementById('validation').dataset.violated`))
	assert.NotEmpty(t, tp.text("#validation-none"))

	tp.do(chromedp.SendKeys("#unit-name", "<b>茅山</b>"))
	tp.typeFigure("kindergarten_enrolment", "260")
	tp.typeFigure("kindergarten_enrolment_urban", "0")
	tp.typeFigure("kindergarten_enrolment_rural", "206")
	check := `#validation .vcheck[data-rule="kg_urban_rural_sum"]`
	tp.waitFor(`!!document.querySelector('` + check + `')`)
	assert.Equal(t, "violated", eval[string](tp, `document.querySelector('`+check+`').dataset.status`))
	assert.Equal(t, "<b>茅山</b>(unit) 城镇幼儿园在园幼儿数与农村幼儿园在园幼儿数之和等于在园幼儿数：206 ≠ 260，相差 -54", tp.text(check+" .vline"))
	assert.Zero(t, eval[int](tp, `document.querySelectorAll('#validation b').length`), "a name is text, never markup")
	assert.Contains(t, tp.text("#validation-summary"), "违反 1")
	tp.screenshot("validation-form")

	// Fixed, the rule holds.
	tp.typeFigure("kindergarten_enrolment_rural", "260")
	tp.waitFor(`!document.querySelector('` + check + `')`)
	assert.Equal(t, "0", eval[string](tp, `document.getElementById('validation').dataset.violated`))

	// The sample year: its slip, in the file view, in both languages.
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "sample2017.json", seeds.SampleData()))
	tp.waitFor(`!!document.getElementById('matrix')`)
	assert.Equal(t, "4", eval[string](tp, `document.getElementById('validation').dataset.violated`))
	assert.Equal(t, 4, eval[int](tp, `document.querySelectorAll('#validation .vcheck[data-status="violated"]').length`))
	assert.Equal(t, 0, eval[int](tp, `document.querySelectorAll('#validation .vcheck[data-status="skipped"]').length`),
		"skipped rules are counted, not listed")
	slip := `#validation .vcheck[data-unit="s-jurong-k4"][data-rule="kg_quality_rural_le_rural"] .vline`
	assert.Contains(t, tp.text(slip), "221 > 206，超出 15")
	assert.Contains(t, tp.text("#validation-summary"), "跳过（缺数据） 16")
	tp.screenshot("validation-file")
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en'`)
	assert.Contains(t, tp.text(slip), "221 > 206, exceeds by 15")
	assert.Equal(t, "Validation rules", tp.text("#validation h2"))
	noRawValues(t, tp)
}
