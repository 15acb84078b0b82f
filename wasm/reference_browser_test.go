//go:build !(js && wasm)

package wasm_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The plan sets the 体质健康 rates for the city and the districts: a school's
// own pass rate below 95% is marked for reference on the page — its badge,
// its row, its matrix cell — and is not counted among 未达标.
func TestPageMarksReferenceResults(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.pickUnit("school/primary")
	tp.typeFigure("fitness_tested_students", "100")
	tp.typeFigure("fitness_pass_students", "94")
	tp.typeFigure("fitness_excellent_students", "12")
	tp.waitStatus("fitness_pass_rate", "not_met")
	row := `#results-table tr[data-indicator="fitness_pass_rate"]`
	assert.Equal(t, "true", eval[string](tp, `document.querySelector('`+row+`').dataset.reference || ''`))
	assert.Equal(t, "参考：未达目标", tp.text(row+" .badge"))
	assert.Equal(t, "badge st-reference", eval[string](tp, `document.querySelector('`+row+` .badge').getAttribute('class')`))
	assert.Contains(t, tp.text(row+" .c-target"), "全市、辖市区目标 ≥ 95%")
	assert.Contains(t, tp.text(row+" .c-target"), "仅供参考")
	assert.Equal(t, "0", tp.text(`#summary .binding [data-count="not_met"] .sum-n`), "not counted as not met")
	assert.Equal(t, "2", tp.text(`#summary .reference [data-count="reference"] .sum-n`))
	assert.Equal(t, "bar st-reference", eval[string](tp, `document.querySelector('#chart g[data-indicator="fitness_pass_rate"]').getAttribute('class')`))
	tp.screenshot("assess-reference")

	csv := "单位代码,单位名称,层级,学校类型,上级单位,择校生数,义务教育招生数,fitness_tested_students,fitness_pass_students,fitness_excellent_students\r\n" +
		"D1,京口区,区县,,,,,,,\r\n" +
		"1001,京口区第一小学,学校,小学,D1,2,100,100,94,12\r\n" +
		"1002,京口区第二小学,学校,小学,D1,9,100,100,99,12\r\n"
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "京口区.csv", []byte(csv)))
	tp.waitFor(`!!document.getElementById('matrix')`)
	school := `#matrix tr[data-unit="1001"]`
	assert.Equal(t, 2, eval[int](tp, `document.querySelectorAll('`+school+` td.cell.st-reference[data-reference="true"]').length`),
		"both fitness rates are marked for reference")
	assert.Equal(t, 0, eval[int](tp, `document.querySelectorAll('`+school+` td.cell.st-not_met').length`), "94% is not drawn as 未达标")
	assert.Equal(t, 1, eval[int](tp, `[...document.querySelectorAll('`+school+` td.cell.st-reference')].filter((c) => c.title === '参考：未达目标' && c.dataset.status === 'not_met').length`))
	assert.Equal(t, "1 / 0 / 0参考 2", tp.text(school+" td.num"), "the counts leave the references out and show them apart")
	// The other school's 9% school choice is its own binding miss.
	assert.Equal(t, 1, eval[int](tp, `document.querySelectorAll('#matrix tr[data-unit="1002"] td.cell.st-not_met').length`))
	// The district is held to the target: 193 of 200 pass, 96.5%.
	drow := `#parent-D1 tr[data-indicator="fitness_pass_rate"]`
	assert.Equal(t, "met", eval[string](tp, `document.querySelector('`+drow+`').dataset.status`))
	assert.Equal(t, "", eval[string](tp, `document.querySelector('`+drow+`').dataset.reference || ''`))
	tp.screenshot("import-reference")
	noRawValues(t, tp)
}
