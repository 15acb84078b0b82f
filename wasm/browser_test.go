//go:build !(js && wasm)

// Browser tests of the page: a real Chromium, driven with chromedp, against
// the page built once (served on 127.0.0.1, and as one HTML file opened from
// disk). Every test records every request the page makes, every
// dialog it opens, and every script error and console error (a Content
// Security Policy violation is one), and fails on any of them.
//
// Without Chromium the tests skip, saying how to install it; with CI set they
// fail instead, so that a CI run cannot pass without having run them.
package wasm_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/eduplan/eduplan/seeds"
	"github.com/eduplan/eduplan/wasm/webbuild"
)

// What setUp made: the page built and served, and one browser for all tests.
var (
	browserPath string // empty when no Chromium was found
	siteURL     string // the served static build, "http://127.0.0.1:port/"
	singleFile  string // the single-file page on disk
	setupErr    error
	browserCtx  context.Context

	setupOnce sync.Once
	teardown  []func()
)

// TestMain builds, serves and starts the browser once, on the first test
// that needs them (a run of only the size tests starts no browser), and
// takes everything down at the end.
func TestMain(m *testing.M) {
	browserPath = findBrowser()
	code := m.Run()
	for i := len(teardown) - 1; i >= 0; i-- {
		teardown[i]()
	}
	os.Exit(code)
}

// setUp builds the page into a temporary folder (a static folder and the
// single file), serves the folder on 127.0.0.1:0 and starts Chromium.
func setUp() {
	dir, err := os.MkdirTemp("", "eduplan-browser-test-")
	if err != nil {
		setupErr = err
		return
	}
	teardown = append(teardown, func() { os.RemoveAll(dir) })
	ctx, cancel := context.WithCancel(context.Background())
	teardown = append(teardown, cancel)

	static := filepath.Join(dir, "static")
	opt := webbuild.Options{OutDir: static, Stderr: os.Stderr}
	if err := webbuild.BuildStatic(ctx, opt); err != nil {
		setupErr = fmt.Errorf("building the page: %w", err)
		return
	}
	singleFile = filepath.Join(dir, "eduplan.html")
	if err := webbuild.BuildSingleFile(ctx, opt, singleFile); err != nil {
		setupErr = fmt.Errorf("building the single file: %w", err)
		return
	}
	ready := make(chan string, 1)
	served := make(chan error, 1)
	go func() { served <- webbuild.Serve(ctx, "127.0.0.1:0", opt, func(u string) { ready <- u }) }()
	select {
	case siteURL = <-ready:
	case err := <-served:
		setupErr = fmt.Errorf("serving the page: %v", err)
		return
	}
	// Stopping the server needs its context cancelled first.
	teardown = append(teardown, func() { cancel(); <-served })

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, allocatorOptions()...)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	teardown = append(teardown, cancelAlloc, cancelBrowser)
	// The first run starts the browser.
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
		setupErr = fmt.Errorf("starting %s: %w", browserPath, err)
		return
	}
	browserCtx = bctx
}

func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func allocatorOptions() []chromedp.ExecAllocatorOption {
	opts := append([]chromedp.ExecAllocatorOption{}, chromedp.DefaultExecAllocatorOptions[:]...)
	return append(opts,
		chromedp.ExecPath(browserPath),
		chromedp.WindowSize(1280, 1000),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
	)
}

// needBrowser skips (or, in CI, fails) a test when there is no Chromium,
// and fails it when the build failed.
func needBrowser(tb testing.TB) {
	tb.Helper()
	if browserPath == "" {
		if os.Getenv("CI") != "" {
			tb.Fatal("Chromium is missing, and CI must run the browser tests: install Chromium: apt-get install -y chromium")
		}
		tb.Skip("install Chromium: apt-get install -y chromium")
	}
	setupOnce.Do(setUp)
	if setupErr != nil {
		tb.Fatal(setupErr)
	}
}

// tab is one page under test, in a browser context of its own (its own
// localStorage), with everything it does recorded.
type tab struct {
	t   testing.TB
	ctx context.Context
	// origin is the only place the page may fetch from: the test server, or
	// "file://" for the single file.
	origin string

	mu       sync.Mutex
	requests []string
	dialogs  []string
	errors   []string
}

// newTab opens a tab for the served page.
func newTab(tb testing.TB) *tab {
	tb.Helper()
	needBrowser(tb)
	return openTab(tb, siteURL)
}

// newFileTab opens a tab for the single file on disk.
func newFileTab(tb testing.TB) *tab {
	tb.Helper()
	needBrowser(tb)
	return openTab(tb, "file://")
}

func openTab(tb testing.TB, origin string) *tab {
	tb.Helper()
	return openTabFor(tb, origin, 90*time.Second)
}

// openTabFor is openTab for a test that may take longer than most: a
// whole round trip of many files.
func openTabFor(tb testing.TB, origin string, timeout time.Duration) *tab {
	tb.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	tb.Cleanup(func() { cancelTimeout(); cancel() })
	tb.Cleanup(func() {
		if tb.Failed() {
			if dir := os.Getenv("EDUPLAN_SCREENSHOTS"); dir != "" {
				if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
					os.WriteFile(filepath.Join(dir, strings.ReplaceAll(tb.Name(), "/", "_")+"-failed.png"), png, 0o644)
				}
			}
		}
	})
	tp := &tab{t: tb, ctx: ctx, origin: origin}
	err := chromedp.Listen(ctx, func(ev any) {
		tp.mu.Lock()
		defer tp.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			tp.requests = append(tp.requests, e.Request.URL)
		case *page.EventJavascriptDialogOpening:
			tp.dialogs = append(tp.dialogs, string(e.Type)+": "+e.Message)
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		case *cdpruntime.EventExceptionThrown:
			msg := e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
			tp.errors = append(tp.errors, "exception: "+msg)
		case *cdpruntime.EventConsoleAPICalled:
			if e.Type == cdpruntime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				tp.errors = append(tp.errors, "console.error: "+strings.Join(parts, " "))
			}
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError {
				tp.errors = append(tp.errors, "log: "+e.Entry.Text+" "+e.Entry.URL)
			}
		}
	})
	require.NoError(tb, err)
	tb.Cleanup(tp.check)
	return tp
}

// check asserts what every test must hold: nothing left the page's origin,
// no dialog opened, no script error.
func (tp *tab) check() {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	tb := tp.t
	assert.NotEmpty(tb, tp.requests, "the recorder saw the page load")
	for _, u := range tp.requests {
		assert.True(tb, sameOrigin(u, tp.origin), "request left the page's origin %s: %s", tp.origin, u)
	}
	assert.Empty(tb, tp.dialogs, "no dialog may open")
	assert.Empty(tb, tp.errors, "no script error, console error or policy violation")
}

// sameOrigin: the page's own files, or data and blob URLs made by the page.
func sameOrigin(raw, origin string) bool {
	if strings.HasPrefix(raw, "data:") {
		return true
	}
	if rest, ok := strings.CutPrefix(raw, "blob:"); ok {
		raw = rest
		if origin == "file://" && (raw == "null" || strings.HasPrefix(raw, "null/")) {
			return true
		}
	}
	if origin == "file://" {
		return strings.HasPrefix(raw, "file://")
	}
	u, err := url.Parse(raw)
	o, err2 := url.Parse(origin)
	return err == nil && err2 == nil && u.Scheme == o.Scheme && u.Host == o.Host
}

func (tp *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tp.t.Helper()
	require.NoError(tp.t, chromedp.Do(tp.ctx, actions...))
}

// eval runs JavaScript and decodes its value.
func eval[T any](tp *tab, js string) T {
	tp.t.Helper()
	v, err := chromedp.Run(tp.ctx, chromedp.Evaluate[T](js))
	require.NoError(tp.t, err, js)
	return v
}

// waitFor polls a JavaScript condition until it is true.
func (tp *tab) waitFor(js string) {
	tp.t.Helper()
	_, err := chromedp.Run(tp.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	require.NoError(tp.t, err, "waiting for %s", js)
}

// open loads the page and waits until the engine runs.
func (tp *tab) open(u string) {
	tp.t.Helper()
	tp.do(chromedp.Navigate(u))
	tp.waitReady()
}

func (tp *tab) waitReady() {
	tp.t.Helper()
	tp.waitFor(`document.body && (document.body.dataset.state === 'ready' || document.body.dataset.state === 'failed')`)
	require.Equal(tp.t, "ready", eval[string](tp, `document.body.dataset.state`), eval[string](tp, `document.getElementById('boot').textContent`))
}

func (tp *tab) reload() {
	tp.t.Helper()
	tp.do(chromedp.Reload())
	tp.waitReady()
}

func (tp *tab) view(name string) {
	tp.t.Helper()
	tp.do(chromedp.Click(chromedp.CSS(`#tabs [data-view="` + name + `"]`)))
	tp.waitFor(`document.body.dataset.view === ` + jsString(name))
}

// pickUnit chooses a unit type on the form ("school/primary").
func (tp *tab) pickUnit(key string) {
	tp.t.Helper()
	tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('unit-type'); s.value = ` + jsString(key) + `; s.dispatchEvent(new Event('change')); })()`))
	tp.waitFor(`document.getElementById('unit-type') && document.getElementById('unit-type').value === ` + jsString(key))
}

// typeFigure replaces a field's text by typing, key by key.
func (tp *tab) typeFigure(metric, text string) {
	tp.t.Helper()
	sel := `input[data-metric="` + metric + `"]`
	tp.do(chromedp.Evaluate[chromedp.Void](`document.querySelector(` + jsString(sel) + `).select()`))
	if text == "" {
		tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const el = document.querySelector(` + jsString(sel) + `); el.value = ''; el.dispatchEvent(new Event('input')); })()`))
		return
	}
	tp.do(chromedp.SendKeys(chromedp.CSS(sel), text))
}

func (tp *tab) status(indicator string) string {
	tp.t.Helper()
	return eval[string](tp, `(() => { const r = document.querySelector('#results-table tr[data-indicator=`+jsString(indicator)+`]'); return r ? r.dataset.status : ''; })()`)
}

func (tp *tab) waitStatus(indicator, status string) {
	tp.t.Helper()
	tp.waitFor(`(() => { const r = document.querySelector('#results-table tr[data-indicator=` + jsString(indicator) + `]'); return !!r && r.dataset.status === ` + jsString(status) + `; })()`)
}

func (tp *tab) text(sel string) string {
	tp.t.Helper()
	return eval[string](tp, `(() => { const e = document.querySelector(`+jsString(sel)+`); return e ? e.textContent : '<missing '+`+jsString(sel)+`+'>'; })()`)
}

// upload sets the file of a file input, as a user choosing a file does.
func (tp *tab) upload(sel, path string) {
	tp.t.Helper()
	abs, err := filepath.Abs(path)
	require.NoError(tp.t, err)
	tp.do(chromedp.SetUploadFiles(chromedp.CSS(sel), []string{abs}))
}

// screenshot writes a picture of the page when EDUPLAN_SCREENSHOTS names a
// folder; for looking at the page while developing.
func (tp *tab) screenshot(name string) {
	dir := os.Getenv("EDUPLAN_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(tp.ctx, chromedp.FullScreenshot(100))
	require.NoError(tp.t, err)
	require.NoError(tp.t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
}

// downloads lets the page download into a folder and returns a function
// that clicks a button and returns the file it downloads.
func (tp *tab) downloads() func(button string) (name string, data []byte) {
	tp.t.Helper()
	dir := tp.t.TempDir()
	bctx := chromedp.FromContext(tp.ctx).BrowserContextID
	// A browser command: sent on the page's session, its events would go
	// there too instead of to BrowserEvents.
	_, err := chromedp.CallBrowser(tp.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, BrowserContextID: bctx,
		DownloadPath: dir, EventsEnabled: ptr(true),
	})
	require.NoError(tp.t, err)
	return func(button string) (string, []byte) {
		tp.t.Helper()
		ctx, cancel := context.WithTimeout(tp.ctx, 30*time.Second)
		defer cancel()
		begins := chromedp.BrowserEvents(ctx, browser.DownloadWillBegin)
		progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
		tp.do(chromedp.Click(chromedp.CSS(button)))
		var guid, name string
		for ev, err := range begins {
			require.NoError(tp.t, err, "waiting for the download of %s", button)
			guid, name = ev.GUID, ev.SuggestedFilename
			break
		}
		for ev, err := range progress {
			require.NoError(tp.t, err)
			if ev.GUID == guid && ev.State == browser.DownloadProgressStateCompleted {
				break
			}
			require.NotEqual(tp.t, browser.DownloadProgressStateCanceled, ev.State)
		}
		data, err := os.ReadFile(filepath.Join(dir, guid))
		require.NoError(tp.t, err)
		return name, data
	}
}

func ptr[T any](v T) *T { return &v }

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

// ---------------------------------------------------------------- tests

func TestPageStatusGoesFromNotMetToMet(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.pickUnit("school/primary")
	assert.Equal(t, "no_data", tp.status("school_choice_share"))
	// Each field shows its unit and its hint.
	assert.Equal(t, "人", tp.text(`.field[data-metric="school_choice_pupils"] .unit`))
	assert.NotEmpty(t, tp.text(`.field[data-metric="school_choice_pupils"] .hint`))

	tp.typeFigure("school_choice_pupils", "10")
	tp.typeFigure("compulsory_new_entrants", "100")
	tp.waitStatus("school_choice_share", "not_met")
	row := `#results-table tr[data-indicator="school_choice_share"]`
	assert.Equal(t, "10.00%", tp.text(row+" .c-value"))
	assert.Equal(t, "≤ 5%", tp.text(row+" .c-target"))
	assert.Equal(t, "+5.00个百分点（差于目标）", tp.text(row+" .c-gap"))
	assert.Contains(t, tp.text(row+" .wording"), "择校生比例控制在5%以内")
	assert.Contains(t, tp.text(row+" .places"), "任务4")
	assert.Equal(t, "1", tp.text(`#summary .binding [data-count="not_met"] .sum-n`))
	tp.screenshot("assess-not-met")

	tp.typeFigure("school_choice_pupils", "4")
	tp.waitStatus("school_choice_share", "met")
	assert.Equal(t, "-1.00个百分点（优于目标）", tp.text(row+" .c-gap"))
	assert.Equal(t, "1", tp.text(`#summary .binding [data-count="met"] .sum-n`))
	// The chart draws the bar as met.
	assert.Equal(t, "bar st-met", eval[string](tp, `document.querySelector('#chart g[data-indicator="school_choice_share"]').getAttribute('class')`))

	// A figure that does not read is said next to its field.
	tp.typeFigure("compulsory_new_entrants", "一百")
	tp.waitFor(`document.getElementById('err-compulsory_new_entrants').textContent !== ''`)
	assert.Contains(t, tp.text(`#err-compulsory_new_entrants`), "不是数字")
	tp.waitStatus("school_choice_share", "no_data")
	tp.screenshot("assess-field-error")

	// A kindergarten has no indicator of its own: it fills in what its
	// district's rates use, and the page says so.
	tp.pickUnit("school/kindergarten")
	tp.waitFor(`!!document.getElementById('feeds-only')`)
	assert.Contains(t, tp.text(".uses.feeds"), "学前三年教育毛入学率")
	// The results say which indicators above its figures count towards,
	// by the names the library gives.
	assert.Contains(t, tp.text("#feeds-into"), "本单位填写的数据计入辖市区和全市的这些指标")
	assert.Contains(t, tp.text("#feeds-into li"), "学前三年教育毛入学率")
	assert.Positive(t, eval[int](tp, `document.querySelectorAll('input[data-metric]').length`))
	tp.screenshot("assess-kindergarten")
}

func TestPercentFieldTypedInPercent(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.upload("#plan-file", filepath.Join("testdata", "plan.json"))
	tp.waitFor(`document.getElementById('plan-title').textContent.includes('网页测试用')`)
	tp.pickUnit("school/kindergarten")
	assert.Equal(t, "%", tp.text(`.field[data-metric="certified_teacher_share"] .unit`))
	tp.typeFigure("certified_teacher_share", "96.5")
	tp.waitStatus("certified_share", "met")
	assert.Equal(t, "96.50%", tp.text(`#results-table tr[data-indicator="certified_share"] .c-value`))
	assert.False(t, eval[bool](tp, `document.querySelector('.field[data-metric="certified_teacher_share"]').classList.contains('warned')`))
	tp.typeFigure("certified_teacher_share", "94.9%")
	tp.waitStatus("certified_share", "not_met")
	assert.Equal(t, "-0.10个百分点（差于目标）", tp.text(`#results-table tr[data-indicator="certified_share"] .c-gap`))

	// A fraction is read as typed, in percent, and the field says so.
	tp.typeFigure("certified_teacher_share", "0.965")
	tp.waitStatus("certified_share", "not_met")
	assert.Equal(t, "0.97%", tp.text(`#results-table tr[data-indicator="certified_share"] .c-value`))
	assert.True(t, eval[bool](tp, `document.querySelector('.field[data-metric="certified_teacher_share"]').classList.contains('warned')`))
	assert.Contains(t, tp.text(`#err-certified_teacher_share`), "若指 96.5% 请填 96.5")
}

func TestReloadKeepsEverything(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.pickUnit("school/junior")
	tp.do(chromedp.SendKeys(chromedp.CSS("#unit-name"), "京口实验初中"))
	tp.typeFigure("junior_graduates", "200")
	tp.typeFigure("junior_graduates_progressing", "190")
	tp.waitStatus("junior_progression_rate", "not_met")

	tp.reload()
	assert.Equal(t, "school/junior", eval[string](tp, `document.getElementById('unit-type').value`))
	assert.Equal(t, "京口实验初中", eval[string](tp, `document.getElementById('unit-name').value`))
	assert.Equal(t, "200", eval[string](tp, `document.querySelector('input[data-metric="junior_graduates"]').value`))
	assert.Equal(t, "190", eval[string](tp, `document.querySelector('input[data-metric="junior_graduates_progressing"]').value`))
	tp.waitStatus("junior_progression_rate", "not_met")

	// Start over asks first; cancelling keeps everything.
	tp.do(chromedp.Click(chromedp.CSS("#btn-reset")))
	tp.waitFor(`!document.getElementById('confirm-bar').hidden`)
	assert.Contains(t, tp.text("#confirm-text"), "清除")
	tp.do(chromedp.Click(chromedp.CSS("#confirm-no")))
	tp.waitFor(`document.getElementById('confirm-bar').hidden`)
	assert.Equal(t, "200", eval[string](tp, `document.querySelector('input[data-metric="junior_graduates"]').value`))
	// Confirming clears it, also after a reload.
	tp.do(chromedp.Click(chromedp.CSS("#btn-reset")), chromedp.Click(chromedp.CSS("#confirm-yes")))
	tp.waitFor(`document.getElementById('unit-name').value === ''`)
	tp.reload()
	assert.Equal(t, "", eval[string](tp, `document.getElementById('unit-name').value`))
	assert.Equal(t, 0, eval[int](tp, `[...document.querySelectorAll('input[data-metric]')].filter((e) => e.value !== '').length`))
}

func TestLanguageSwitch(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.pickUnit("school/primary")
	tp.typeFigure("school_choice_pupils", "10")
	tp.typeFigure("compulsory_new_entrants", "100")
	tp.waitStatus("school_choice_share", "not_met")
	assert.Equal(t, "zh-CN", eval[string](tp, `document.documentElement.lang`))
	assert.Equal(t, "自评", tp.text(`#tabs [data-view="assess"]`))

	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en'`)
	assert.Equal(t, "Self-assessment", tp.text(`#tabs [data-view="assess"]`))
	assert.Equal(t, "中文", tp.text("#btn-lang"))
	row := `#results-table tr[data-indicator="school_choice_share"]`
	assert.Equal(t, "not met", tp.text(row+" .badge"))
	assert.Equal(t, "+5.00 pp (worse than target)", tp.text(row+" .c-gap"))
	assert.Contains(t, tp.text(row+" .ind-name"), "school choice")
	assert.Contains(t, tp.text("#plan-title"), "Zhenjiang")
	tp.screenshot("assess-english")
	noRawValues(t, tp)

	// The choice survives a reload, and switches back.
	tp.reload()
	assert.Equal(t, "en", eval[string](tp, `document.documentElement.lang`))
	assert.Equal(t, "Self-assessment", tp.text(`#tabs [data-view="assess"]`))
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'zh-CN'`)
	assert.Equal(t, "未达标", tp.text(row+" .badge"))
}

// gbk encodes text as Chinese Windows' Excel writes a CSV.
func gbk(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

func TestImportGBKFileOfOneSchool(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	csv := "单位代码,单位名称,学校类型,择校生数,义务教育招生数（人）\r\n3201,润州区实验小学,小学,\"1,200\",30000\r\n"
	path := writeFile(t, "润州区实验小学.csv", gbk(t, csv))
	require.False(t, utf8.Valid(gbkBytes(t, path)), "the file is GBK, not UTF-8")

	tp.view("import")
	tp.upload("#data-file", path)
	tp.waitFor(`document.body.dataset.view === 'assess'`)
	assert.Equal(t, "润州区实验小学", eval[string](tp, `document.getElementById('unit-name').value`))
	assert.Equal(t, "school/primary", eval[string](tp, `document.getElementById('unit-type').value`))
	assert.Equal(t, "1200", eval[string](tp, `document.querySelector('input[data-metric="school_choice_pupils"]').value`))
	assert.Equal(t, "30000", eval[string](tp, `document.querySelector('input[data-metric="compulsory_new_entrants"]').value`))
	tp.waitStatus("school_choice_share", "met")
	assert.Equal(t, "4.00%", tp.text(`#results-table tr[data-indicator="school_choice_share"] .c-value`))

	// A bad file lists every bad cell with its row and column.
	bad := "单位代码,单位名称,学校类型,择校生数,义务教育招生数\r\n1,甲小学,小学,无,300\r\n2,乙小学,小学,5,3百\r\n"
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "bad.csv", gbk(t, bad)))
	tp.waitFor(`document.querySelectorAll('#data-errors tbody tr').length === 2`)
	rows := eval[[][]string](tp, `[...document.querySelectorAll('#data-errors tbody tr')].map((r) => [...r.cells].map((c) => c.textContent))`)
	assert.Equal(t, []string{"bad.csv", "2", "D", "择校生数", "“无”"}, rows[0][:5])
	assert.Contains(t, rows[0][5], "可能表示 0 也可能表示缺数据")
	assert.Equal(t, []string{"bad.csv", "3", "E", "义务教育招生数", "“3百”"}, rows[1][:5])
	assert.NotContains(t, rows[0][5], "not a number", "Chinese mode shows Chinese only")
	tp.screenshot("import-errors")

	// In English the same errors are in English only: what stays Chinese is
	// what the file itself holds, its headers and cells.
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en'`)
	rows = eval[[][]string](tp, `[...document.querySelectorAll('#data-errors tbody tr')].map((r) => [...r.cells].map((c) => c.textContent))`)
	assert.Equal(t, `may mean 0 as well as a missing figure: write 0 or --`, rows[0][5])
	assert.Equal(t, "text after the number: put the unit in the column header", rows[1][5])
	notice := eval[string](tp, `document.getElementById('data-errors').closest('.notice').textContent`)
	for _, fromFile := range []string{"择校生数", "义务教育招生数", "“无”", "“3百”"} {
		notice = strings.ReplaceAll(notice, fromFile, "")
	}
	assert.NotRegexp(t, `\p{Han}`, notice)

	// A workbook (a zip) is neither UTF-8 nor GBK: refused with a hint, in
	// the page's language.
	tp.upload("#data-file", writeFile(t, "book.xlsx", []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\xff\xfe\xfd\x80\x81")))
	tp.waitFor(`!!document.getElementById('flash-notice')`)
	assert.Contains(t, tp.text("#flash-notice"), "book.xlsx")
	assert.Contains(t, tp.text("#flash-notice"), "Excel")
	assert.NotRegexp(t, `\p{Han}`, tp.text("#flash-notice"))
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'zh-CN'`)
	assert.Contains(t, tp.text("#flash-notice"), "另存为", "the notice follows the switch back")
	tp.do(chromedp.Click(chromedp.CSS("#flash-notice .close")))
	tp.waitFor(`!document.getElementById('flash-notice')`)
}

func gbkBytes(t testing.TB, path string) []byte {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

const hostile = `<img src=x onerror=alert(1)>`

func TestImportDistrictFile(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	csv := "单位代码,单位名称,层级,学校类型,上级单位,择校生数,义务教育招生数\r\n" +
		"D1,京口区,区县,,,,\r\n" +
		"1001,京口区第一小学,学校,小学,D1,2,100\r\n" +
		"1002,京口区第二小学,学校,小学,D1,9,100\r\n" +
		"1003," + hostile + ",学校,初中,D1,3,100\r\n"
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "京口区.csv", gbk(t, csv)))
	tp.waitFor(`!!document.getElementById('matrix')`)
	assert.Contains(t, tp.text("#import-notice"), "GB18030/GBK")
	names := eval[[]string](tp, `[...document.querySelectorAll('#matrix tbody tr th')].map((e) => e.textContent)`)
	assert.Equal(t, []string{"京口区第一小学", "京口区第二小学", hostile}, names)
	assert.Equal(t, 0, eval[int](tp, `document.querySelectorAll('img').length`), "a school's name is text, not markup")
	// The district's rate is recomputed from its schools' sums: 14 / 300.
	row := `#parent-D1 tr[data-indicator="school_choice_share"]`
	assert.Equal(t, "4.67%", tp.text(row+" .c-value"))
	assert.Equal(t, "met", eval[string](tp, `document.querySelector('`+row+`').dataset.status`))
	assert.Equal(t, "not_met", eval[string](tp, `document.querySelector('#matrix tr[data-unit="1002"] td.cell.st-not_met') ? 'not_met' : ''`))
	tp.screenshot("import-district")

	// The notice follows a switch of language, as everything else does.
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en'`)
	assert.Equal(t, "Read “京口区.csv” (encoding GB18030/GBK): 4 units.", tp.text("#import-notice"))
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'zh-CN'`)

	// The file survives a reload.
	tp.reload()
	tp.waitFor(`!!document.getElementById('matrix')`)
	assert.Equal(t, 3, eval[int](tp, `document.querySelectorAll('#matrix tbody tr').length`))
}

func TestImportSampleYearWithCrossUnitChecks(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "sample2017.json", seeds.SampleData()))
	tp.waitFor(`!!document.getElementById('matrix')`)
	assert.Equal(t, 104, eval[int](tp, `document.querySelectorAll('#matrix tbody tr').length`))
	assert.Equal(t, 8, eval[int](tp, `document.querySelectorAll('#parents .parent').length`))
	check := `#checks .check[data-indicator="quality_preschool_district_gap"]`
	assert.Equal(t, "not_met", eval[string](tp, `document.querySelector('`+check+`').dataset.status`))
	assert.Contains(t, tp.text(check+" .agg"), "京口区")
	tp.screenshot("import-sample")
	noRawValues(t, tp)

	// The same views in English: every text the library gave in two
	// languages is shown in one, none as an object or a gap.
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en'`)
	noRawValues(t, tp)
}

// TestImportParentFigures: a city whose own 在园幼儿数 differs from its
// units' sum shows the difference in its own section and a note on the
// result that used it; the select in the import view switches to the sum,
// and the choice survives a reload.
func TestImportParentFigures(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	csv := "单位代码,单位名称,层级,学校类型,上级单位,在园幼儿数,3-5岁适龄人口\r\n" +
		"zj,镇江市,市,,,50000,40000\r\nd1,京口区,区,,zj,,40000\r\n" +
		"k1,园一,学校,幼儿园,d1,40000,\r\nk2," + hostile + ",学校,幼儿园,d1,412,\r\n"
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "city.csv", []byte(csv)))
	tp.waitFor(`!!document.getElementById('hierarchy-table')`)
	assert.Equal(t, "上下级数据不一致（1 处）", tp.text("#hierarchy h2"))
	cells := eval[[]string](tp, `[...document.querySelectorAll('#hierarchy-table tbody td')].map((e) => e.textContent)`)
	assert.Equal(t, []string{"镇江市", "在园幼儿数", "50000", "40412", "1", "+9588", "本单位填报"}, cells)
	assert.Equal(t, "own", eval[string](tp, `document.getElementById('parent-figures').value`))
	row := `#parent-zj tr[data-indicator="preschool_gross_enrolment_rate"]`
	assert.Equal(t, "125.00%", tp.text(row+" .c-value"))
	assert.Equal(t, "在园幼儿数按本单位填报 50000 计算（下属单位合计 40412，相差 9588）", tp.text(row+" .figure-note"))
	tp.screenshot("import-parent-figures")

	tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const e = document.getElementById('parent-figures'); e.value = 'sum'; e.dispatchEvent(new Event('change')); })()`))
	tp.waitFor(`document.querySelector('#hierarchy-table tbody td:last-child').textContent === '下属单位合计'`)
	assert.Equal(t, "101.03%", tp.text(row+" .c-value"))
	assert.Equal(t, "在园幼儿数按下属单位合计 40412 计算（本单位填报 50000，相差 9588）", tp.text(row+" .figure-note"))
	assert.Equal(t, 0, eval[int](tp, `document.querySelectorAll('img').length`))

	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en'`)
	assert.Equal(t, "Parent figures that differ from the sum of their units (1)", tp.text("#hierarchy h2"))
	assert.Equal(t, "the sum of the units below", tp.text("#hierarchy-table tbody td:last-child"))
	assert.Contains(t, tp.text(row+" .figure-note"), "the sum of the units below, 40412, was used")
	noRawValues(t, tp)
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'zh-CN'`)

	tp.reload()
	tp.waitFor(`!!document.getElementById('hierarchy-table')`)
	assert.Equal(t, "sum", eval[string](tp, `document.getElementById('parent-figures').value`))
	assert.Equal(t, "101.03%", tp.text(row+" .c-value"))
}

// noRawValues fails when the page shows a value it did not render: an
// object, undefined or null where a text belongs.
func noRawValues(t *testing.T, tp *tab) {
	t.Helper()
	body := eval[string](tp, `document.body.innerText`)
	for _, raw := range []string{"[object Object]", "undefined", "NaN"} {
		assert.NotContains(t, body, raw)
	}
}

func TestExportAndImportAgain(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	download := tp.downloads()
	tp.pickUnit("school/primary")
	tp.do(chromedp.SendKeys(chromedp.CSS("#unit-name"), "丹徒区实验小学"))
	figures := map[string]string{"school_choice_pupils": "10", "compulsory_new_entrants": "100",
		"fitness_tested_students": "400", "fitness_excellent_students": "60", "fitness_pass_students": "390"}
	for _, id := range []string{"school_choice_pupils", "compulsory_new_entrants", "fitness_tested_students", "fitness_excellent_students", "fitness_pass_students"} {
		tp.typeFigure(id, figures[id])
	}
	tp.waitStatus("fitness_pass_rate", "met")
	before := eval[[]string](tp, resultsJS)

	name, report := download("#exp-json")
	assert.Equal(t, "自评报告-丹徒区实验小学.json", name)
	var rep struct {
		Plan  string `json:"plan"`
		Units []struct {
			Unit    struct{ Name string }
			Results []struct{ Indicator, Status string }
		}
	}
	require.NoError(t, json.Unmarshal(report, &rep))
	assert.Equal(t, "zhenjiang-2017", rep.Plan)
	require.Len(t, rep.Units, 1)
	assert.Equal(t, "丹徒区实验小学", rep.Units[0].Unit.Name)
	statuses := map[string]string{}
	for _, r := range rep.Units[0].Results {
		statuses[r.Indicator] = r.Status
	}
	assert.Equal(t, map[string]string{"school_choice_share": "not_met", "fitness_excellent_rate": "met", "fitness_pass_rate": "met"}, statuses)

	name, csvReport := download("#exp-csv")
	assert.Equal(t, "自评报告-丹徒区实验小学.csv", name)
	assert.True(t, bytes.HasPrefix(csvReport, []byte("\xef\xbb\xbf单位编号,")), "a UTF-8 BOM for Excel")
	assert.Contains(t, string(csvReport), "义务教育择校生比例,约束性,未达标,10.00%,≤ 5%,+5.00,个百分点,差于目标")

	// The figures are a return: they need the unit's code.
	tp.do(chromedp.SendKeys(chromedp.CSS("#unit-code"), "s-dantu-p1"))
	_, figuresCSV := download("#exp-figures")
	_, template := download("#exp-template")
	assert.Contains(t, string(template), "择校生数")

	// Start over, import the report: the same results.
	startOver(tp)
	assert.NotEqual(t, before, eval[[]string](tp, resultsJS))
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "report.json", report))
	tp.waitFor(`document.body.dataset.view === 'assess'`)
	tp.waitStatus("fitness_pass_rate", "met")
	assert.Equal(t, before, eval[[]string](tp, resultsJS))
	assert.Equal(t, "丹徒区实验小学", eval[string](tp, `document.getElementById('unit-name').value`))

	// And the exported figures likewise.
	startOver(tp)
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "figures.csv", figuresCSV))
	tp.waitFor(`document.body.dataset.view === 'assess'`)
	tp.waitStatus("fitness_pass_rate", "met")
	assert.Equal(t, before, eval[[]string](tp, resultsJS))

	// The export above is the compact form (the plan's text once, results
	// by id); a report in the full form written before it, every result
	// with its indicator's text, imports as well.
	require.Contains(t, string(report), `"format":"eduplan.report/v2"`)
	old, err := os.ReadFile("../indicators/testdata/report-v1/sample-s-jingkou-j1.json")
	require.NoError(t, err)
	startOver(tp)
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "old-report.json", old))
	tp.waitFor(`document.body.dataset.view === 'assess'`)
	tp.waitStatus("school_choice_share", "not_met")
	assert.Equal(t, "京口区象山初级中学", eval[string](tp, `document.getElementById('unit-name').value`))
}

// resultsJS lists the results table as "indicator status value gap".
const resultsJS = `[...document.querySelectorAll('#results-table tbody tr')].map((r) =>
	[r.dataset.indicator, r.dataset.status, r.querySelector('.c-value').textContent, r.querySelector('.c-gap').textContent].join(' '))`

func startOver(tp *tab) {
	tp.t.Helper()
	tp.do(chromedp.Click(chromedp.CSS("#btn-reset")), chromedp.Click(chromedp.CSS("#confirm-yes")))
	tp.waitFor(`document.body.dataset.view === 'assess' && document.getElementById('unit-name').value === ''`)
}

func TestTaskBook(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	download := tp.downloads()
	tp.view("tasks")
	setDate := func(d string) {
		tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const e = document.getElementById('as-of'); e.value = '` + d + `'; e.dispatchEvent(new Event('change')); })()`))
		tp.waitFor(`document.getElementById('task-count').textContent.includes('` + d + `')`)
	}
	setDate("2018-01-15")
	overdue := eval[int](tp, `document.querySelectorAll('#task-table tr.overdue').length`)
	require.Positive(t, overdue)
	assert.Contains(t, tp.text("#task-table tr.overdue .late"), "逾期")
	tp.screenshot("tasks")

	first := eval[string](tp, `document.querySelector('#task-table tr.overdue').dataset.item`)
	tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('#task-table select[data-item="` + first + `"]'); s.value = 'done'; s.dispatchEvent(new Event('change')); })()`))
	tp.waitFor(fmt.Sprintf(`document.querySelectorAll('#task-table tr.overdue').length === %d`, overdue-1))
	assert.Equal(t, "done", eval[string](tp, `document.querySelector('#task-table select[data-item="`+first+`"]').value`))

	// An earlier date: the status was not yet known.
	setDate("2017-03-01")
	assert.Equal(t, "not_started", eval[string](tp, `document.querySelector('#task-table select[data-item="`+first+`"]').value`))
	setDate("2018-01-15")

	tp.reload()
	tp.waitFor(fmt.Sprintf(`document.querySelectorAll('#task-table tr.overdue').length === %d`, overdue-1))

	name, book := download("#status-export")
	assert.Equal(t, "task-statuses-zhenjiang-2017.json", name)
	assert.Contains(t, string(book), `"state": "done"`)

	startOver(tp)
	tp.view("tasks")
	setDate("2018-01-15")
	assert.Equal(t, overdue, eval[int](tp, `document.querySelectorAll('#task-table tr.overdue').length`))
	tp.upload("#status-file", writeFile(t, name, book))
	tp.waitFor(fmt.Sprintf(`document.querySelectorAll('#task-table tr.overdue').length === %d`, overdue-1))

	// The office filter keeps only that office's items.
	office := eval[string](tp, `document.querySelector('#office option:nth-child(2)').value`)
	tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('office'); s.value = ` + jsString(office) + `; s.dispatchEvent(new Event('change')); })()`))
	tp.waitFor(`document.getElementById('office').value === ` + jsString(office))
	offices := eval[[]string](tp, `[...document.querySelectorAll('#task-table tbody tr td:nth-child(4)')].map((e) => e.textContent)`)
	require.NotEmpty(t, offices)
	for _, o := range offices {
		assert.Contains(t, o, office)
	}

	// A status file for another plan is refused with its path.
	tp.upload("#status-file", writeFile(t, "other.json", []byte(`{"format":"eduplan.status/v1","plan":"other","statuses":[]}`)))
	tp.waitFor(`document.querySelector('.notice.error') !== null`)
	assert.Contains(t, tp.text(".notice.error"), "plan")
	noRawValues(t, tp)
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en'`)
	noRawValues(t, tp)
}

// TestTaskBookDefaultsToPlanYearEnd: the seed is a 2017 plan and the
// browser's clock is years later, so with no date chosen the task book is
// read on 2017-12-31 and says why; choosing a date and going back to the
// default works.
func TestTaskBookDefaultsToPlanYearEnd(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.view("tasks")
	tp.waitFor(`document.getElementById('task-count') !== null`)
	assert.Equal(t, "2017-12-31", eval[string](tp, `document.getElementById('as-of').value`))
	assert.Contains(t, tp.text("#task-count"), "截至 2017-12-31（计划年度末；可在“截至日期”改选其他日期）")
	late := eval[[]string](tp, `[...document.querySelectorAll('#task-table .late')].map((e) => e.textContent)`)
	require.NotEmpty(t, late)
	for _, l := range late {
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(l, "逾期 "), " 天"))
		require.NoError(t, err, l)
		assert.Less(t, n, 366, "nothing is more than a year late at the end of 2017")
	}

	tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const e = document.getElementById('as-of'); e.value = '2017-07-01'; e.dispatchEvent(new Event('change')); })()`))
	tp.waitFor(`document.getElementById('task-count').textContent.includes('截至 2017-07-01')`)
	assert.NotContains(t, tp.text("#task-count"), "计划年度末")
	tp.do(chromedp.Click(chromedp.CSS("#as-of-default")))
	tp.waitFor(`document.getElementById('task-count').textContent.includes('计划年度末')`)
	assert.Equal(t, "2017-12-31", eval[string](tp, `document.getElementById('as-of').value`))

	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en'`)
	assert.Contains(t, tp.text("#task-count"), "as of 2017-12-31 (end of the plan's year; pick another date under “As of”)")
}

func TestRulesView(t *testing.T) {
	tp := newTab(t)
	primaryWithChoice(tp, "3")
	tp.waitStatus("school_choice_share", "met")
	tp.view("rules")
	n := eval[int](tp, `JSON.parse(eduplan.plan()).plan.indicators.length`)
	assert.Equal(t, n, eval[int](tp, `document.querySelectorAll('#rules-table tbody tr').length`))
	assert.Contains(t, tp.text(`#rules-table tr[data-indicator="school_choice_share"]`), "择校生数 / 义务教育招生数")
	assert.Contains(t, tp.text(`#rules-table tr[data-indicator="school_choice_share"]`), "≤ 5%")

	// The examples the page gives work on the built-in plan, as typed.
	intro := tp.text(".rule-card .intro")
	_, examples, ok := strings.Cut(intro, "例如：")
	require.True(t, ok, intro)
	examples, _, _ = strings.Cut(examples, "。")
	for _, ex := range strings.Split(examples, "　或　") {
		tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const e = document.getElementById('rule-src'); e.value = ` + jsString(ex) + `; e.dispatchEvent(new Event('input')); })()`))
		tp.waitFor(`!!document.getElementById('rule-result') || !!document.getElementById('rule-error')`)
		assert.Empty(t, eval[string](tp, `(document.getElementById('rule-error') || {}).textContent || ''`), ex)
	}
	tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const e = document.getElementById('rule-src'); e.value = ''; e.dispatchEvent(new Event('input')); })()`))

	tp.do(chromedp.SendKeys(chromedp.CSS("#rule-src"), "择校生数 / 不存在的数 >= 5%"))
	tp.waitFor(`!!document.getElementById('rule-mark')`)
	assert.Equal(t, "不存在的数", tp.text("#rule-mark"))
	assert.Contains(t, tp.text("#rule-error"), "第 1 行第 8 列")
	assert.Contains(t, tp.text("#rule-error"), "未知的指标或数据项")
	assert.NotContains(t, tp.text("#rule-error"), "unknown", "Chinese only")
	tp.screenshot("rules-error")

	// In English the rule error is English but for the user's own words.
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en' && !!document.getElementById('rule-error')`)
	assert.Contains(t, tp.text("#rule-error"), `unknown metric or indicator "不存在的数"`)
	shown := strings.ReplaceAll(tp.text("#rule-error"), "择校生数 / 不存在的数 >= 5%", "") // the rule, highlighted
	assert.NotRegexp(t, `\p{Han}`, strings.ReplaceAll(shown, "不存在的数", ""))
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'zh-CN' && !!document.getElementById('rule-error')`)

	tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const e = document.getElementById('rule-src'); e.value = ''; e.dispatchEvent(new Event('input')); })()`))
	tp.do(chromedp.SendKeys(chromedp.CSS("#rule-src"), "择校生数 / 义务教育招生数 控制在2%以内"))
	tp.waitFor(`!!document.getElementById('rule-result')`)
	assert.Equal(t, "not_met", eval[string](tp, `document.getElementById('rule-result').dataset.status`))
	assert.Contains(t, tp.text("#rule-result"), "3.00%")
	assert.Contains(t, tp.text("#rule-result"), "+1.00个百分点（差于目标）")

	// A formula without a target is a value, in its unit, not a verdict:
	// 择校生数 / 义务教育招生数 is the plan's 择校生比例, a percent.
	tp.do(chromedp.Evaluate[chromedp.Void](`(() => { const e = document.getElementById('rule-src'); e.value = ''; e.dispatchEvent(new Event('input')); })()`))
	tp.do(chromedp.SendKeys(chromedp.CSS("#rule-src"), "择校生数 / 义务教育招生数"))
	tp.waitFor(`!!document.getElementById('rule-result') && document.getElementById('rule-result').dataset.status === 'no_target'`)
	assert.Equal(t, "无目标", tp.text("#rule-status"))
	assert.Equal(t, "3.00%", tp.text("#rule-value"))
	assert.NotContains(t, tp.text("#rule-result"), "达标")
	assert.NotContains(t, tp.text("#rule-result"), "0.03")
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en' && !!document.getElementById('rule-status')`)
	assert.Equal(t, "no target", tp.text("#rule-status"))
	assert.NotContains(t, tp.text("#rule-result"), "met")
	noRawValues(t, tp)
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'zh-CN' && !!document.getElementById('rule-status')`)
}

func TestSingleFileFromDisk(t *testing.T) {
	tp := newFileTab(t)
	tp.open("file://" + singleFile)
	tp.pickUnit("school/primary")
	tp.typeFigure("school_choice_pupils", "10")
	tp.typeFigure("compulsory_new_entrants", "100")
	tp.waitStatus("school_choice_share", "not_met")
	tp.typeFigure("school_choice_pupils", "5")
	tp.waitStatus("school_choice_share", "met")
	tp.reload()
	tp.waitStatus("school_choice_share", "met")
	// The page is one file: it loaded nothing but itself.
	tp.mu.Lock()
	defer tp.mu.Unlock()
	// The loop below checks nothing if no request was recorded.
	assert.Contains(t, tp.requests, "file://"+singleFile, "the page's own load is recorded")
	for _, u := range tp.requests {
		if !strings.HasPrefix(u, "data:") {
			assert.Equal(t, "file://"+singleFile, u)
		}
	}
}

// hostilePlan is the seed plan with markup in every kind of name the page
// shows.
func hostilePlan(t testing.TB) []byte {
	t.Helper()
	p, err := seeds.Default()
	require.NoError(t, err)
	p.Title.ZH, p.Title.EN = hostile, hostile
	p.Issuer.ZH = hostile
	for i := range p.Indicators {
		p.Indicators[i].Name.ZH = hostile + p.Indicators[i].Name.ZH
		p.Indicators[i].Wording = hostile
		p.Indicators[i].Note = hostile
	}
	for i := range p.Metrics {
		p.Metrics[i].Name.ZH = hostile + p.Metrics[i].Name.ZH
		p.Metrics[i].Hint.ZH = hostile
	}
	for i := range p.Sections {
		for j := range p.Sections[i].Tasks {
			p.Sections[i].Tasks[j].Title.ZH = hostile
		}
	}
	for _, ref := range p.Items() {
		ref.Item.Content.ZH = hostile
		if ref.Item.Office != nil {
			ref.Item.Office.Text = hostile
		}
	}
	var b bytes.Buffer
	require.NoError(t, p.Save(&b))
	return b.Bytes()
}

func TestHostilePlanShownAsText(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.upload("#plan-file", writeFile(t, "hostile.json", hostilePlan(t)))
	tp.waitFor(`document.getElementById('plan-title').textContent === ` + jsString(hostile))
	tp.pickUnit("school/primary")
	tp.typeFigure("school_choice_pupils", "10")
	tp.typeFigure("compulsory_new_entrants", "100")
	tp.waitStatus("school_choice_share", "not_met")
	for _, v := range []string{"assess", "import", "tasks", "rules"} {
		tp.view(v)
		assert.Equal(t, 0, eval[int](tp, `document.querySelectorAll('img, [onerror]').length`), "view %s has no markup from the plan", v)
		assert.Contains(t, eval[string](tp, `document.getElementById('view-`+v+`').textContent + document.getElementById('plan-title').textContent`), hostile, v)
	}
	tp.reload()
	assert.Equal(t, hostile, tp.text("#plan-title"), "the opened plan survives a reload")
	tp.mu.Lock()
	for _, u := range tp.requests {
		assert.False(t, strings.HasSuffix(u, "/x"), "the markup's image was requested: %s", u)
	}
	tp.mu.Unlock()

	// A broken plan file is refused with its problems; the plan in use stays.
	tp.upload("#plan-file", writeFile(t, "broken.json", []byte(`{"format":"eduplan.plan/v1","id":""}`)))
	tp.waitFor(`!!document.getElementById('plan-error')`)
	assert.Contains(t, tp.text("#plan-error"), "broken.json")
	assert.Equal(t, hostile, tp.text("#plan-title"))
}

func TestPrintView(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.pickUnit("school/primary")
	tp.typeFigure("school_choice_pupils", "10")
	tp.typeFigure("compulsory_new_entrants", "100")
	tp.waitStatus("school_choice_share", "not_met")
	_, err := chromedp.Call(tp.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	require.NoError(t, err)
	display := func(sel string) string {
		return eval[string](tp, `getComputedStyle(document.querySelector(`+jsString(sel)+`)).display`)
	}
	assert.Equal(t, "none", display("#tabs"))
	assert.Equal(t, "none", display(".col-form"))
	assert.Equal(t, "none", display(".export-bar"))
	assert.Equal(t, "block", display(".print-head"))
	assert.NotEqual(t, "none", display("#results-table"))
	pdf, err := chromedp.Run(tp.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(pdf, []byte("%PDF")))
	if dir := os.Getenv("EDUPLAN_SCREENSHOTS"); dir != "" {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "print.pdf"), pdf, 0o644))
	}

	// A kindergarten has no indicator of its own: what it prints is the
	// figures it reports, under its name, not an empty page.
	_, err = chromedp.Call(tp.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
	require.NoError(t, err)
	tp.pickUnit("school/kindergarten")
	tp.do(chromedp.SendKeys(chromedp.CSS("#unit-name"), "京口区实验幼儿园"))
	tp.typeFigure("kindergarten_enrolment", "300")
	tp.waitFor(`!!document.getElementById('feeds-only') && document.querySelector('#results .print-only table') !== null`)
	_, err = chromedp.Call(tp.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	require.NoError(t, err)
	assert.Equal(t, "block", display("#results .print-head"))
	assert.Contains(t, eval[string](tp, `document.querySelector('#results .print-head').innerText`), "京口区实验幼儿园")
	assert.Contains(t, eval[string](tp, `document.querySelector('#results').innerText`), "300 人")
}

// A district's return of twenty schools with a yearbook dash in it reads;
// the same return with bad cells lists every one of them at once; the user
// fixes the file and imports it again, and what they typed on the form
// survives it all. After the import the page shows the file's quality
// summary.
func TestImportMarkersListsEveryBadCellAndKeepsTheForm(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.pickUnit("school/junior")
	tp.do(chromedp.SendKeys(chromedp.CSS("#unit-name"), "京口实验初中"))
	tp.typeFigure("junior_graduates", "200")
	tp.typeFigure("junior_graduates_progressing", "190")
	tp.waitStatus("junior_progression_rate", "not_met")
	formKept := func() {
		t.Helper()
		tp.view("assess")
		assert.Equal(t, "京口实验初中", eval[string](tp, `document.getElementById('unit-name').value`))
		assert.Equal(t, "200", eval[string](tp, `document.querySelector('input[data-metric="junior_graduates"]').value`))
		assert.Equal(t, "190", eval[string](tp, `document.querySelector('input[data-metric="junior_graduates_progressing"]').value`))
	}

	// School i is on line i+2, under the district on line 2.
	file := func(cells map[int][2]string) []byte {
		var b strings.Builder
		b.WriteString("单位代码,单位名称,层级,学校类型,上级单位,择校生数,义务教育招生数\r\n京D,京口区" + hostile + ",区县,,,,\r\n")
		for i := 1; i <= 20; i++ {
			c, ok := cells[i]
			if !ok {
				c = [2]string{"2", "100"}
			}
			b.WriteString("S" + strconv.Itoa(i) + ",京口区第" + strconv.Itoa(i) + "小学,学校,小学,京D," + c[0] + "," + c[1] + "\r\n")
		}
		return gbk(t, b.String())
	}
	bad := map[int][2]string{3: {"无", "100"}, 7: {"12人", "100"}, 12: {"--", "100"}, 15: {"1", "abc"}}
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "京口区.csv", file(bad)))
	tp.waitFor(`document.querySelectorAll('#data-errors tbody tr').length === 3`)
	rows := eval[[][]string](tp, `[...document.querySelectorAll('#data-errors tbody tr')].map((r) => [...r.cells].map((c) => c.textContent))`)
	assert.Equal(t, []string{"京口区.csv", "5", "F", "择校生数", "“无”"}, rows[0][:5])
	assert.Contains(t, rows[0][5], "可能表示 0 也可能表示缺数据：请填 0 或 --")
	assert.Equal(t, []string{"9", "“12人”"}, []string{rows[1][1], rows[1][4]})
	assert.Equal(t, []string{"17", "G", "“abc”"}, []string{rows[2][1], rows[2][2], rows[2][4]})
	tp.screenshot("import-every-bad-cell")
	formKept()

	// Fixed, with the dash left in: read, and summarised.
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "京口区.csv", file(map[int][2]string{12: {"--", "100"}, 15: {"1", "－－"}})))
	tp.waitFor(`!!document.getElementById('import-quality')`)
	assert.Equal(t, 0, eval[int](tp, `document.querySelectorAll('#data-errors').length`))
	assert.Equal(t, "数据质量", tp.text("#import-quality h2"))
	assert.Contains(t, tp.text("#quality-lines"), "单位：辖市区 1、小学 20")
	assert.Contains(t, tp.text("#quality-lines"), "标为缺失的格：“--” 2 格")
	assert.Contains(t, tp.text("#quality-districts"), "京口区"+hostile+"（京D）：应填")
	assert.Equal(t, 0, eval[int](tp, `document.querySelectorAll('img').length`), "a district's name is text, not markup")
	missing := eval[[]string](tp, `[...document.querySelectorAll('#quality-missing li')].map((e) => e.textContent)`)
	assert.Equal(t, []string{"京口区.csv 第14行第6列（择校生数），单位 S12：“--”", "京口区.csv 第17行第7列（义务教育招生数），单位 S15：“－－”"}, missing)
	tp.screenshot("import-quality")

	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en'`)
	assert.Equal(t, "Data quality", tp.text("#import-quality h2"))
	assert.Contains(t, tp.text("#quality-lines"), `cells marked missing: "--" 2`)
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'zh-CN'`)
	formKept()
}
