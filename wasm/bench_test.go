//go:build !(js && wasm)

package wasm_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/seeds"
)

// BenchmarkFirstAssessment measures, in a fresh browser context each time
// (nothing stored, nothing cached by the page), the time from the start of
// navigation to the first complete self-assessment on the page: the wasm
// fetched, compiled and started, the plan loaded, the form and the results
// drawn. The page records the moment itself (performance.now()).
func BenchmarkFirstAssessment(b *testing.B) {
	needBrowser(b)
	// The page's own marks: its script ran, the wasm compiled, Go started,
	// the plan loaded, the first assessment drawn.
	type marks struct{ ScriptMs, CompiledMs, StartedMs, PlanMs, FirstAssessmentMs float64 }
	var sum marks
	n := 0
	for b.Loop() {
		ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
		ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
		require.NoError(b, chromedp.Do(ctx, chromedp.Navigate(siteURL)))
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(globalThis.eduplanPage && eduplanPage.timing.firstAssessmentMs)`,
			chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(5*time.Millisecond)))
		require.NoError(b, err)
		m, err := chromedp.Run(ctx, chromedp.Evaluate[marks](`(() => { const t = eduplanPage.timing; return {ScriptMs: t.scriptMs, CompiledMs: t.compiledMs, StartedMs: t.startedMs, PlanMs: t.planMs, FirstAssessmentMs: t.firstAssessmentMs}; })()`))
		require.NoError(b, err)
		sum.ScriptMs += m.ScriptMs
		sum.CompiledMs += m.CompiledMs
		sum.StartedMs += m.StartedMs
		sum.PlanMs += m.PlanMs
		sum.FirstAssessmentMs += m.FirstAssessmentMs
		n++
		cancelT()
		cancel()
	}
	f := float64(n)
	b.ReportMetric(sum.FirstAssessmentMs/f, "ms-to-first-assessment")
	b.ReportMetric((sum.CompiledMs-sum.ScriptMs)/f, "ms-fetch-compile")
	b.ReportMetric((sum.StartedMs-sum.CompiledMs)/f, "ms-go-start")
	b.ReportMetric((sum.PlanMs-sum.StartedMs)/f, "ms-plan-load")
	b.ReportMetric((sum.FirstAssessmentMs-sum.PlanMs)/f, "ms-first-render")
}

// districtCSV writes a synthetic district file: a city, seven districts and
// n schools of the kinds the seed plan assesses, every form figure filled.
func districtCSV(tb testing.TB, n int) string {
	tb.Helper()
	p, err := seeds.Default()
	require.NoError(tb, err)
	cat, err := indicators.NewCatalog(p.Metrics, p.Indicators, p.Places())
	require.NoError(tb, err)
	kinds := []org.Kind{org.Primary, org.JuniorSecond, org.NineYear, org.SeniorSecond, org.Vocational}
	var ids []string
	seen := map[string]bool{}
	add := func(ms []plan.Metric) {
		for _, m := range ms {
			if !seen[m.ID] {
				seen[m.ID] = true
				ids = append(ids, m.ID)
			}
		}
	}
	for _, k := range kinds {
		add(cat.FormMetrics(org.School, k))
	}
	add(cat.FormMetrics(org.District, ""))
	schoolFields := map[org.Kind]map[string]bool{}
	for _, k := range kinds {
		schoolFields[k] = map[string]bool{}
		for _, m := range cat.FormMetrics(org.School, k) {
			schoolFields[k][m.ID] = true
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.WriteString("id,name,level,kind,parent," + strings.Join(ids, ",") + "\n")
	row := func(id, name, level, kind, parent string, has func(string) bool) {
		b.WriteString(id + "," + name + "," + level + "," + kind + "," + parent)
		for _, m := range ids {
			b.WriteByte(',')
			if has(m) {
				b.WriteString(strconv.Itoa(900 + rng.IntN(200)))
			}
		}
		b.WriteByte('\n')
	}
	row("city", "全市", "city", "", "", func(string) bool { return false })
	districtOnly := map[string]bool{}
	for _, m := range cat.FormMetrics(org.District, "") {
		if m.Aggregate == plan.None {
			districtOnly[m.ID] = true
		}
	}
	for d := 1; d <= 7; d++ {
		row(fmt.Sprintf("d%d", d), fmt.Sprintf("第%d区", d), "district", "", "city", func(m string) bool { return districtOnly[m] })
	}
	for i := 0; i < n; i++ {
		k := kinds[i%len(kinds)]
		row(fmt.Sprintf("s%04d", i), fmt.Sprintf("第%d学校", i), "school", string(k), fmt.Sprintf("d%d", 1+i%7),
			func(m string) bool { return schoolFields[k][m] })
	}
	return b.String()
}

// BenchmarkDistrict1000 measures assessing a district file of 1,000 schools
// in the page: reading it, assessing every unit, and drawing the schools ×
// indicators table, the districts' results and the cross-unit checks
// (ms-import-and-render), and the Go assessment call alone (ms-assess).
func BenchmarkDistrict1000(b *testing.B) {
	needBrowser(b)
	csv := districtCSV(b, 1000)
	tp := newTab(b)
	tp.open(siteURL)
	tp.view("import")
	tp.do(chromedp.Evaluate[chromedp.Void](`globalThis.__csv = ` + jsString(csv)))
	var total, assess float64
	n := 0
	for b.Loop() {
		ms, err := chromedp.Run(tp.ctx, chromedp.Evaluate[float64](`(async () => { const t0 = performance.now(); await eduplanPage.importText('district.csv', __csv, 'UTF-8'); return performance.now() - t0; })()`, chromedp.EvalAwaitPromise))
		require.NoError(b, err)
		require.Equal(b, 200, eval[int](tp, `document.querySelectorAll('#matrix tbody tr').length`), "the first schools are drawn, the others as the list scrolls")
		total += ms
		assess += eval[float64](tp, `(() => { const t0 = performance.now(); const r = JSON.parse(eduplan.assessFile('{}')); if (!r.ok) throw new Error('assess failed'); return performance.now() - t0; })()`)
		n++
	}
	b.ReportMetric(total/float64(n), "ms-import-and-render")
	b.ReportMetric(assess/float64(n), "ms-assess")
}

// BenchmarkPlanLoad compares, in the same run, the page starting with its
// embedded plan (seeds.Default: read without repeating plan.Parse's checks,
// which a test has already made) with the page starting with the very same
// plan as a file the user opened (kept in localStorage and read again at
// every start through plan.Parse: strict reading and validation). Each
// iteration opens the page in a fresh browser context, stores the state
// (or nothing), and reloads; the reloaded page's own marks are reported:
// ms-plan-load (the Go call and its JSON) and ms-to-first-assessment.
func BenchmarkPlanLoad(b *testing.B) {
	needBrowser(b)
	seed := string(seeds.Zhenjiang2017JSON())
	state := `JSON.stringify({v: 1, plan: {name: 'zhenjiang2017.json', text: ` + jsString(seed) + `}})`
	for _, bc := range []struct{ name, store string }{
		{"embedded", `localStorage.removeItem('eduplan.v1')`},
		{"opened", `localStorage.setItem('eduplan.v1', ` + state + `)`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var plan, first float64
			n := 0
			for b.Loop() {
				ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
				ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
				ready := chromedp.Poll[bool](`!!(globalThis.eduplanPage && eduplanPage.timing.firstAssessmentMs)`,
					chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(5*time.Millisecond))
				require.NoError(b, chromedp.Do(ctx, chromedp.Navigate(siteURL)))
				_, err := chromedp.Run(ctx, ready)
				require.NoError(b, err)
				// The page saves its state as it starts; store ours after.
				require.NoError(b, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](bc.store)))
				require.NoError(b, chromedp.Do(ctx, chromedp.Reload()))
				_, err = chromedp.Run(ctx, ready)
				require.NoError(b, err)
				m, err := chromedp.Run(ctx, chromedp.Evaluate[[]any](
					`[eduplanPage.timing.planMs - eduplanPage.timing.startedMs, eduplanPage.timing.firstAssessmentMs, document.getElementById('plan-error') === null]`))
				require.NoError(b, err)
				require.Equal(b, true, m[2], "the plan loads without errors")
				plan += m[0].(float64)
				first += m[1].(float64)
				n++
				cancelT()
				cancel()
			}
			b.ReportMetric(plan/float64(n), "ms-plan-load")
			b.ReportMetric(first/float64(n), "ms-to-first-assessment")
		})
	}
}

// BenchmarkDistrict10000 measures a district file of 10,000 schools
// imported in a new tab once the page has made its first assessment and
// warmed up when idle (timing.warmedMs): the whole import as the user sees
// it (read, assessed and drawn, its first 200 schools listed:
// ms-import-and-render), the page's own marks of its stages (ms-page-wait:
// the progress line drawn; ms-page-read: the file read by Go;
// ms-page-assess: the assessFile call; ms-page-save: the state stored;
// ms-page-shown: assessed and drawn), the same file imported again
// (ms-import-again), and apart, the Go calls again with the size of the
// assessment's answer (ms-go-import, ms-go-assess, kB-assess-answer) and
// its JSON.parse (ms-parse-assess). ms-warm is the idle time the warm-up
// took after the page was ready.
func BenchmarkDistrict10000(b *testing.B) {
	needBrowser(b)
	csv := districtCSV(b, 10000)
	imp := `(async () => { const t0 = performance.now(); await eduplanPage.importText('district.csv', __csv, 'UTF-8'); return performance.now() - t0; })()`
	type stages struct{ Total, GoImport, GoAssess, Parse, KB float64 }
	type marks struct{ WaitMs, ReadMs, SavedMs, AssessMs, ShownMs float64 }
	var sum stages
	var ms marks
	var again, warm float64
	n := 0
	for b.Loop() {
		b.StopTimer()
		tp := newTab(b)
		tp.open(siteURL)
		// A page without the warm-up (before it) has no warmedMs.
		tp.waitFor(`eduplanPage.timing.warmedMs != null || !eduplan.warm`)
		warm += eval[float64](tp, `(eduplanPage.timing.warmedMs || eduplanPage.timing.firstAssessmentMs) - eduplanPage.timing.firstAssessmentMs`)
		tp.view("import")
		tp.do(chromedp.Evaluate[chromedp.Void](`globalThis.__csv = ` + jsString(csv)))
		b.StartTimer()
		total, err := chromedp.Run(tp.ctx, chromedp.Evaluate[float64](imp, chromedp.EvalAwaitPromise))
		require.NoError(b, err)
		m := eval[marks](tp, `eduplanPage.timing.lastImport`)
		t2, err := chromedp.Run(tp.ctx, chromedp.Evaluate[float64](imp, chromedp.EvalAwaitPromise))
		require.NoError(b, err)
		again += t2
		ms.WaitMs += m.WaitMs
		ms.ReadMs += m.ReadMs
		ms.AssessMs += m.AssessMs
		ms.SavedMs += m.SavedMs - m.ReadMs
		ms.ShownMs += m.ShownMs
		s := eval[stages](tp, `(() => {
			const arg = JSON.stringify({name: 'district.csv', text: __csv, encoding: 'UTF-8'});
			let t0 = performance.now(); const imp = eduplan.importData(arg); const goImport = performance.now() - t0;
			if (!JSON.parse(imp).ok) throw new Error('import failed');
			t0 = performance.now(); const raw = eduplan.assessFile('{"rows":200}'); const goAssess = performance.now() - t0;
			t0 = performance.now(); const r = JSON.parse(raw); const parse = performance.now() - t0;
			if (!r.ok) throw new Error('assess failed');
			return {GoImport: goImport, GoAssess: goAssess, Parse: parse, KB: raw.length / 1000};
		})()`)
		sum.Total += total
		sum.GoImport += s.GoImport
		sum.GoAssess += s.GoAssess
		sum.Parse += s.Parse
		sum.KB += s.KB
		n++
	}
	f := float64(n)
	b.ReportMetric(sum.Total/f, "ms-import-and-render")
	b.ReportMetric(again/f, "ms-import-again")
	b.ReportMetric(warm/f, "ms-warm")
	b.ReportMetric(ms.WaitMs/f, "ms-page-wait")
	b.ReportMetric(ms.ReadMs/f, "ms-page-read")
	b.ReportMetric(ms.AssessMs/f, "ms-page-assess")
	b.ReportMetric(ms.SavedMs/f, "ms-page-save")
	b.ReportMetric(ms.ShownMs/f, "ms-page-shown")
	b.ReportMetric(sum.GoImport/f, "ms-go-import")
	b.ReportMetric(sum.GoAssess/f, "ms-go-assess")
	b.ReportMetric(sum.Parse/f, "ms-parse-assess")
	b.ReportMetric(sum.KB/f, "kB-assess-answer")
}
