//go:build !(js && wasm)

package wasm_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// When idle after its first assessment the page warms the import's code
// (eduplan.warm) and keeps nothing of it: no file imported, stored or
// shown, the form's assessment as it was; a file imported then reads as
// it always did.
func TestWarmUpKeepsNothing(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.waitFor(`eduplanPage.timing.warmedMs != null`)
	assert.Greater(t, eval[float64](tp, `eduplanPage.timing.warmedMs`), eval[float64](tp, `eduplanPage.timing.firstAssessmentMs`))
	assert.True(t, eval[bool](tp, `!(JSON.parse(localStorage.getItem('eduplan.v1') || '{}').file)`), "no file stored")
	assert.Nil(t, eval[any](tp, `eduplanPage.timing.lastImport || null`), "nothing imported")
	tp.view("import")
	assert.False(t, eval[bool](tp, `!!document.getElementById('matrix') || !!document.getElementById('import-notice')`), "no file shown")
	assert.Equal(t, false, eval[bool](tp, `JSON.parse(eduplan.fileSchools('{"rows":1}')).ok`), "Go holds no file either")

	tp.upload("#data-file", writeFile(t, "district.csv", []byte(districtCSV(t, 20))))
	tp.waitFor(`!!document.getElementById('matrix')`)
	assert.Equal(t, 20, eval[int](tp, `document.querySelectorAll('#matrix tbody tr').length`))
}
