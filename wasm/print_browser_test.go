//go:build !(js && wasm)

package wasm_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pdfPage matches a page object of a PDF (not the /Pages tree).
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// printDistrict imports a district file of n schools and prints it to PDF
// as Chromium's print dialog would (A4, the page's own @page size), giving
// the PDF and how long the print took.
func printDistrict(tb testing.TB, tp *tab, n int) ([]byte, time.Duration) {
	tb.Helper()
	tp.open(siteURL)
	tp.view("import")
	tp.do(chromedp.Evaluate[chromedp.Void](`globalThis.__csv = ` + jsString(districtCSV(tb, n))))
	// The rows after the first are drawn as the list scrolls, and all of
	// them before a print.
	_, err := chromedp.Run(tp.ctx, chromedp.Evaluate[chromedp.Void](`eduplanPage.importText('district.csv', __csv, 'UTF-8').then(() => dispatchEvent(new Event('beforeprint')))`, chromedp.EvalAwaitPromise))
	require.NoError(tb, err)
	require.Equal(tb, n, eval[int](tp, `document.querySelectorAll('#matrix tbody tr').length`), "every school is drawn")
	t0 := time.Now()
	pdf, err := chromedp.Run(tp.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
	require.NoError(tb, err)
	return pdf, time.Since(t0)
}

// A district's print is short enough to hand out: the summary first, then
// the schools one a line. 2,000 schools fit in 40 A4 pages (the issue's
// bound; this file took 347 before, 27 now). The time is logged, not
// asserted: timings on a shared machine are BenchmarkPrintDistrict2000's
// business.
func TestPrintDistrict2000(t *testing.T) {
	tp := newTab(t)
	pdf, took := printDistrict(t, tp, 2000)
	pages := len(pdfPage.FindAll(pdf, -1))
	t.Logf("2,000 schools: %d pages, printed in %v (%d KB)", pages, took.Round(time.Millisecond), len(pdf)>>10)
	require.Positive(t, pages)
	assert.LessOrEqual(t, pages, 40)

	// Under print media: every school is one line, and the districts the
	// page shows folded print folded (Chromium opens every <details> to
	// print it), their counts still on their summary line.
	_, err := chromedp.Call(tp.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	require.NoError(t, err)
	tall := eval[int](tp, `(() => {
		const line = parseFloat(getComputedStyle(document.querySelector('#matrix tbody td')).lineHeight);
		return [...document.querySelectorAll('#matrix tbody tr')].filter((r) => r.getBoundingClientRect().height > 1.5 * line + 2).length;
	})()`)
	assert.Zero(t, tall, "rows taller than one line")
	folded := eval[[]string](tp, `[...document.querySelectorAll('#parents details.folded > :not(summary)')].map((e) => getComputedStyle(e).display)`)
	require.NotEmpty(t, folded)
	for _, d := range folded {
		assert.Equal(t, "none", d)
	}
	assert.NotEqual(t, "none", eval[string](tp, `getComputedStyle(document.querySelector('#parents details:not(.folded) .results')).display`),
		"the district the user opened prints in full")
	assert.Equal(t, 1, eval[int](tp, `document.querySelectorAll('#validation .vcheck:not(.print-skip)').length > 0 && document.getElementById('validation-print-more') ? 1 : 0`),
		"the broken rules print the first few and say how many there are")
}

// BenchmarkPrintDistrict2000 measures printing a 2,000-school district to
// PDF in headless Chromium: ms-print per print, and the pages it makes.
func BenchmarkPrintDistrict2000(b *testing.B) {
	needBrowser(b)
	tp := newTab(b)
	var total time.Duration
	pages, n := 0, 0
	for b.Loop() {
		pdf, took := printDistrict(b, tp, 2000)
		total += took
		pages = len(pdfPage.FindAll(pdf, -1))
		n++
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(n), "ms-print")
	b.ReportMetric(float64(pages), "pages")
}
