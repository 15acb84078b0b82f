//go:build !(js && wasm)

package wasm_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/seeds"
)

// Bidirectional controls and zero-width characters in a data file's names
// and in a plan's texts are shown escaped, <U+202E>, as the command shows
// them, in text and in titles; the page holds none of them as text.
func TestHiddenCharactersShownEscaped(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	csv := "单位代码,单位名称,层级,学校类型,上级单位,择校生数,义务教育招生数\r\n" +
		"D1,京口\u200B区,区县,,,,\r\n" +
		"1001,京口区\u202E第一小学,学校,小学,D1,2,100\r\n" +
		"1002,京口区第二小学,学校,小学,D1,9,100\r\n"
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "京口区.csv", []byte(csv)))
	tp.waitFor(`!!document.getElementById('matrix')`)
	names := eval[[]string](tp, `[...document.querySelectorAll('#matrix tbody tr th')].map((e) => e.textContent)`)
	assert.Equal(t, []string{"京口区<U+202E>第一小学", "京口区第二小学"}, names)
	assert.Contains(t, eval[string](tp, `document.getElementById('view-import').textContent`), "京口<U+200B>区")
	shown := `document.body.innerText + [...document.querySelectorAll('[title],[aria-label]')].map((e) => e.getAttribute('title') + e.getAttribute('aria-label')).join('')`
	for _, r := range []string{"\u202E", "\u200B"} {
		assert.NotContains(t, eval[string](tp, shown), r)
	}

	// A plan's title with a right-to-left override, in the heading and the
	// window's title.
	p, err := seeds.Default()
	require.NoError(t, err)
	p.Title.ZH = "镇江市\u202E教育局"
	var b strings.Builder
	require.NoError(t, p.Save(&b))
	tp.upload("#plan-file", writeFile(t, "bidi.json", []byte(b.String())))
	tp.waitFor(`document.getElementById('plan-title').textContent === '镇江市<U+202E>教育局'`)
	assert.True(t, strings.HasPrefix(eval[string](tp, `document.title`), "镇江市<U+202E>教育局"))
	assert.NotContains(t, eval[string](tp, shown), "\u202E")
}
