//go:build !(js && wasm)

package wasm_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A district file of 10,000 schools imports in stages: its progress is
// shown in a live region with a progress bar, the page answers a click
// while the import goes on, and the schools are listed 200 at first, the
// others as the list scrolls (or its button is pressed), all of them
// before a print.
func TestLongImportShowsProgressAndAnswers(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.view("import")
	tp.do(chromedp.Evaluate[chromedp.Void](`globalThis.__csv = ` + jsString(districtCSV(t, 10000))))
	// What the progress line showed, and when a click was answered.
	tp.do(chromedp.Evaluate[chromedp.Void](`(() => {
		globalThis.__seen = [];
		const box = document.getElementById('progress');
		new MutationObserver(() => {
			if (!box.hidden) __seen.push({text: (box.querySelector('#progress-text') || box).textContent, bar: !!box.querySelector('progress'), live: box.getAttribute('aria-live'), role: box.getAttribute('role')});
		}).observe(box, {childList: true, subtree: true, attributes: true});
		addEventListener('pointerdown', () => { if (globalThis.__pressedAt == null) globalThis.__pressedAt = performance.now(); }, true);
		globalThis.__import = eduplanPage.importText('district.csv', __csv, 'UTF-8').then(() => { globalThis.__doneAt = performance.now(); });
	})()`))
	// A click on the page (its privacy line: it does nothing) while
	// the import goes on.
	tp.do(chromedp.MouseClickXY(5, 5))
	_, err := chromedp.Run(tp.ctx, chromedp.Evaluate[chromedp.Void](`__import`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	pressed, done := eval[float64](tp, `__pressedAt`), eval[float64](tp, `__doneAt`)
	require.Positive(t, pressed, "the click was answered")
	assert.Less(t, pressed, done, "the click was answered before the import ended")

	type seen struct {
		Text       string
		Bar        bool
		Live, Role string
	}
	steps := eval[[]seen](tp, `__seen`)
	require.NotEmpty(t, steps, "the progress was shown")
	var texts []string
	for _, s := range steps {
		assert.True(t, s.Bar, "a progress bar with the text %q", s.Text)
		assert.Equal(t, "polite", s.Live)
		assert.Equal(t, "status", s.Role)
		texts = append(texts, s.Text)
	}
	assert.Contains(t, texts, "正在读取 district.csv…")
	assert.Contains(t, texts, "正在评估 10008 个单位…")
	assert.True(t, eval[bool](tp, `document.getElementById('progress').hidden`), "the progress line goes when the import is done")

	// 200 schools listed of 10,000; the button lists 400 more.
	assert.Equal(t, 200, eval[int](tp, `document.querySelectorAll('#matrix tbody tr').length`))
	assert.Equal(t, "再显示 400 所（已显示 200 / 2000）", tp.text(`#matrix-more`))
	tp.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('matrix-more').click()`))
	assert.Equal(t, 600, eval[int](tp, `document.querySelectorAll('#matrix tbody tr').length`))
	assert.Equal(t, "s0599", eval[string](tp, `[...document.querySelectorAll('#matrix tbody tr')].at(-1).dataset.unit`), "the rows follow in the file's order")
	// The list scrolled to its last row, the next rows come.
	tp.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('matrix').closest('.scroll').scrollIntoView()`))
	tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const box = document.getElementById('matrix').closest('.scroll'); box.scrollTop = box.scrollHeight; })()`))
	tp.waitFor(`document.querySelectorAll('#matrix tbody tr').length === 1000`)
	// A print lists every school the page lists (its first 2,000).
	tp.do(chromedp.Evaluate[chromedp.Void](`dispatchEvent(new Event('beforeprint'))`))
	assert.Equal(t, 2000, eval[int](tp, `document.querySelectorAll('#matrix tbody tr').length`))
	assert.False(t, eval[bool](tp, `!!document.getElementById('matrix-more')`), "no button once every row is listed")
}
