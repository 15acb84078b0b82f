//go:build !(js && wasm)

package wasm_test

import (
	"fmt"
	"strings"
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

// A file that breaks a rule at 700 kindergartens lists the first 200 of
// them with the results and the others 400 at a time, as the button is
// pressed or the list scrolled to its end, as the schools are listed, Go
// sending them as they are drawn (fileChecks); a print still lists the
// first 30.
func TestValidationListDrawnInSteps(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,name,level,kind,parent,kindergarten_enrolment,kindergarten_enrolment_urban,kindergarten_enrolment_rural\n")
	b.WriteString("city,全市,city,,,,,\nd1,第一区,district,,city,,,\n")
	for i := range 700 {
		fmt.Fprintf(&b, "k%03d,幼儿园%d,school,kindergarten,d1,260,0,206\n", i, i)
	}
	tp := newTab(t)
	tp.open(siteURL)
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "kindergartens.csv", []byte(b.String())))
	tp.waitFor(`!!document.getElementById('validation')`)
	rows := `document.querySelectorAll('#validation .vcheck').length`
	// The city and district break it too, on the sums.
	assert.Equal(t, "702", eval[string](tp, `document.getElementById('validation').dataset.violated`))
	assert.Equal(t, 200, eval[int](tp, rows))
	assert.Equal(t, 30, eval[int](tp, `document.querySelectorAll('#validation .vcheck:not(.print-skip)').length`))
	assert.Equal(t, "再显示 400 项（已显示 200 / 702）", tp.text("#validation-more"))
	tp.do(chromedp.Click(chromedp.CSS("#validation-more")))
	assert.Equal(t, 600, eval[int](tp, rows))
	assert.Equal(t, "k597", eval[string](tp, `[...document.querySelectorAll('#validation .vcheck')].at(-1).dataset.unit`), "the rules follow in Go's order")
	assert.Equal(t, "再显示 102 项（已显示 600 / 702）", tp.text("#validation-more"))
	tp.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#validation .vcheck:last-child').scrollIntoView()`))
	tp.waitFor(rows + ` === 702`)
	assert.False(t, eval[bool](tp, `!!document.getElementById('validation-more')`), "no button once every rule is listed")
	assert.Equal(t, 30, eval[int](tp, `document.querySelectorAll('#validation .vcheck:not(.print-skip)').length`))
	// The assessment sent the first 200; the others came when drawn.
	assert.Equal(t, 200, eval[int](tp, `JSON.parse(eduplan.assessFile('{"rows":200}')).validation.checks.length`))
}
