//go:build !(js && wasm)

// Accessibility of the page, checked by a tool and by the keyboard: axe-core
// with the WCAG 2.1 AA rules (the level GB/T 37668-2019 asks of government
// sites) on every view and state, the focus ring a keyboard user follows,
// the ARIA that ties tabs, results and errors together, and a phone's width.
package wasm_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/seeds"
)

// axeTags is the rule set: WCAG 2.0 and 2.1, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

var (
	axeOnce sync.Once
	axeJS   string
	axeErr  error
)

// axeSource is axe.min.js from the copy .ci/run installs with npm; the
// environment variable EDUPLAN_AXE names it (the file, or the axe-core
// package folder holding it). The page under test never fetches it: the
// test injects it. Without it the accessibility tests skip, saying how to get
// it; with CI set they fail, so that CI cannot pass without them.
func axeSource(tb testing.TB) string {
	tb.Helper()
	axeOnce.Do(func() {
		p := os.Getenv("EDUPLAN_AXE")
		if p == "" {
			return
		}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			p = filepath.Join(p, "axe.min.js")
		}
		b, err := os.ReadFile(p)
		if err != nil {
			axeErr = err
			return
		}
		axeJS = string(b)
	})
	require.NoError(tb, axeErr, "EDUPLAN_AXE")
	if axeJS == "" {
		const how = "set EDUPLAN_AXE to axe.min.js of the npm package axe-core (npm install --prefix DIR axe-core@4.10.3; EDUPLAN_AXE=DIR/node_modules/axe-core), as .ci/run does"
		if os.Getenv("CI") != "" {
			tb.Fatal("axe-core is missing, and CI must run the accessibility tests: " + how)
		}
		tb.Skip(how)
	}
	return axeJS
}

// axeViolation is what the test reports of one axe violation.
type axeViolation struct {
	ID    string   `json:"id"`
	Help  string   `json:"help"`
	Nodes []string `json:"nodes"`
}

// axe runs axe-core on the page as it is now and fails on any violation,
// naming the rule and the elements.
func (tp *tab) axe(state string) {
	tp.t.Helper()
	src := axeSource(tp.t)
	if !eval[bool](tp, `typeof window.axe === 'object'`) {
		tp.do(chromedp.Evaluate[chromedp.Void](src))
	}
	tags, err := json.Marshal(axeTags)
	require.NoError(tp.t, err)
	js := `axe.run(document, { runOnly: { type: 'tag', values: ` + string(tags) + ` }, resultTypes: ['violations'] }).then((r) =>
		r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ': ' + n.failureSummary) })))`
	v, err := chromedp.Run(tp.ctx, chromedp.Evaluate[[]axeViolation](js, chromedp.EvalAwaitPromise))
	require.NoError(tp.t, err)
	var b strings.Builder
	for _, x := range v {
		b.WriteString("\n" + x.ID + ": " + x.Help)
		for _, n := range x.Nodes {
			b.WriteString("\n    " + n)
		}
	}
	assert.Empty(tp.t, v, "axe-core, WCAG 2.1 AA, %s:%s", state, b.String())
}

// TestAxeEveryView: every view and state a user meets, in both languages
// and as printed, has no WCAG 2.1 AA violation axe-core can find. Each
// part has a tab of its own: axe on a district's matrix takes seconds.
func TestAxeEveryView(t *testing.T) {
	axeSource(t)
	results := func(tp *tab) {
		tp.pickUnit("school/primary")
		tp.typeFigure("school_choice_pupils", "10")
		tp.typeFigure("compulsory_new_entrants", "100")
		tp.waitStatus("school_choice_share", "not_met")
	}
	district := func(t *testing.T, tp *tab) {
		tp.view("import")
		tp.upload("#data-file", writeFile(t, "sample2017.json", seeds.SampleData()))
		tp.waitFor(`!!document.getElementById('matrix')`)
	}
	english := func(tp *tab) {
		tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
		tp.waitFor(`document.documentElement.lang === 'en'`)
	}
	t.Run("form", func(t *testing.T) {
		tp := newTab(t)
		tp.open(siteURL)
		tp.axe("form, empty")
		results(tp)
		tp.axe("results")
		tp.typeFigure("compulsory_new_entrants", "一百")
		tp.waitFor(`document.getElementById('err-compulsory_new_entrants').textContent !== ''`)
		tp.axe("a field in error")
		tp.do(chromedp.Click(chromedp.CSS("#btn-reset")))
		tp.waitFor(`!document.getElementById('confirm-bar').hidden`)
		tp.axe("start over asks")
	})
	t.Run("import", func(t *testing.T) {
		tp := newTab(t)
		tp.open(siteURL)
		tp.view("import")
		tp.axe("import, no file")
		tp.upload("#data-file", writeFile(t, "bad.csv", []byte("单位代码,单位名称,层级,学校类型,上级单位,择校生数\r\nS1,一小,学校,小学,,无\r\n")))
		tp.waitFor(`!!document.getElementById('data-errors')`)
		tp.axe("import, a file in error")
		district(t, tp)
		tp.axe("import, a district file")
	})
	t.Run("tasks and rules", func(t *testing.T) {
		tp := newTab(t)
		tp.open(siteURL)
		tp.view("tasks")
		tp.waitFor(`!!document.getElementById('task-table')`)
		tp.axe("task book")
		tp.view("rules")
		tp.axe("rules")
		tp.do(chromedp.SendKeys(chromedp.CSS("#rule-src"), "择校生数 / 不存在的数 >= 5%"))
		tp.waitFor(`!!document.getElementById('rule-error')`)
		tp.axe("rules, an error")
	})
	t.Run("English", func(t *testing.T) {
		tp := newTab(t)
		tp.open(siteURL)
		results(tp)
		english(tp)
		for _, v := range []string{"assess", "tasks", "rules"} {
			tp.view(v)
			tp.axe("English, " + v)
		}
		district(t, tp)
		tp.axe("English, a district file")
	})
	t.Run("single file", func(t *testing.T) {
		tp := newFileTab(t)
		tp.open("file://" + singleFile)
		results(tp)
		tp.axe("the single file from disk, results")
	})
	t.Run("print", func(t *testing.T) {
		tp := newTab(t)
		tp.open(siteURL)
		results(tp)
		district(t, tp)
		_, err := chromedp.Call(tp.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		require.NoError(t, err)
		tp.axe("print, a district file")
		// The tabs are not printed: the view is changed as a script would.
		tp.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('tab-assess').click()`))
		tp.waitFor(`document.body.dataset.view === 'assess'`)
		tp.axe("print, results")
	})
}

// focusRing is the outline drawn for the focused element: on the element,
// or for a file input (invisible on purpose) on the label that is its button.
const focusRing = `(() => {
	const a = document.activeElement;
	if (!a || a === document.body) return '';
	const e = a.matches('.file-btn input') ? a.closest('.file-btn') : a;
	const s = getComputedStyle(e);
	return s.outlineStyle + ' ' + s.outlineWidth;
})()`

// tabTo presses Tab until the element with the id has the focus.
func (tp *tab) tabTo(id string) {
	tp.t.Helper()
	for range 120 {
		if eval[string](tp, `document.activeElement ? document.activeElement.id : ''`) == id {
			return
		}
		tp.do(chromedp.KeyEvent(kb.Tab))
	}
	tp.t.Fatalf("Tab never reached #%s", id)
}

// TestKeyboardFocusIsSeen walks the page with Tab alone: every control it
// reaches shows a focus ring of at least 2 px, the file buttons (a label
// around an invisible input) included.
func TestKeyboardFocusIsSeen(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	tp.pickUnit("school/primary")
	ring := func(where string) {
		t.Helper()
		r := eval[string](tp, focusRing)
		style, width, _ := strings.Cut(r, " ")
		w, err := strconv.ParseFloat(strings.TrimSuffix(width, "px"), 64)
		require.NoError(t, err, "%s: %q", where, r)
		assert.True(t, style != "none" && w >= 2, "%s: focus ring %q", where, r)
	}
	// Every Tab stop of the form, once round.
	seen := map[string]bool{}
	for range 80 {
		tp.do(chromedp.KeyEvent(kb.Tab))
		who := eval[string](tp, `(() => { const a = document.activeElement; return a ? a.tagName + '#' + a.id + '.' + a.className + ' ' + (a.textContent || '').slice(0, 20) : ''; })()`)
		if who == "" || strings.HasPrefix(who, "BODY") || seen[who] {
			break
		}
		seen[who] = true
		ring(who)
	}
	assert.Greater(t, len(seen), 20, "Tab went round the form")

	// The file buttons: the plan's in the footer, the data file's, the
	// status file's.
	tp.do(chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
	tp.tabTo("plan-file")
	ring("打开其他计划文件…")
	tp.view("import")
	tp.tabTo("data-file")
	ring("选择文件…")
	assert.Equal(t, "none", eval[string](tp, `(() => { const l = document.querySelector('#plan-file').closest('.file-btn'); return getComputedStyle(l).outlineStyle; })()`), "a button without focus has no ring")
	tp.view("tasks")
	tp.tabTo("status-file")
	ring("导入状态")
}

// symbolJS defines sym(e): the symbol an element draws before its text (its
// ::before content, without the empty alternative text).
const symbolJS = `var sym = (e) => { const m = getComputedStyle(e, '::before').content.match(/^"(.*?)"/); return m ? m[1] : ''; };`

// TestAriaTiesThePageTogether: the tabs are a tab list with panels and
// arrow keys; a field in error says so and points at its message; results
// and imports are announced; a matrix cell tells its status by a symbol
// as well as by its colour, and the legend (printed too) names the symbols.
func TestAriaTiesThePageTogether(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)

	tabs := eval[[][]string](tp, `[...document.querySelectorAll('#tabs [role=tab]')].map((b) => {
		const p = document.getElementById(b.getAttribute('aria-controls'));
		return [b.id, p ? p.getAttribute('role') : '', p ? p.getAttribute('aria-labelledby') : '', b.getAttribute('aria-selected'), String(b.tabIndex)];
	})`)
	assert.Equal(t, [][]string{
		{"tab-assess", "tabpanel", "tab-assess", "true", "0"},
		{"tab-import", "tabpanel", "tab-import", "false", "-1"},
		{"tab-tasks", "tabpanel", "tab-tasks", "false", "-1"},
		{"tab-rules", "tabpanel", "tab-rules", "false", "-1"},
	}, tabs)
	assert.Equal(t, "视图", eval[string](tp, `document.getElementById('tabs').getAttribute('aria-label')`))
	tp.do(chromedp.Focus(chromedp.CSS("#tab-assess")), chromedp.KeyEvent(kb.ArrowRight))
	tp.waitFor(`document.body.dataset.view === 'import'`)
	assert.Equal(t, "tab-import", eval[string](tp, `document.activeElement.id`))
	assert.Equal(t, "0", eval[string](tp, `String(document.getElementById('tab-import').tabIndex)`))
	tp.do(chromedp.KeyEvent(kb.End))
	tp.waitFor(`document.body.dataset.view === 'rules'`)
	tp.do(chromedp.KeyEvent(kb.ArrowRight))
	tp.waitFor(`document.body.dataset.view === 'assess'`)
	assert.Equal(t, "tab-assess", eval[string](tp, `document.activeElement.id`))

	// A field's hint and error are its description; an error makes it invalid.
	tp.pickUnit("school/primary")
	input := `document.querySelector('input[data-metric="compulsory_new_entrants"]')`
	assert.Equal(t, "hint-compulsory_new_entrants err-compulsory_new_entrants", eval[string](tp, input+`.getAttribute('aria-describedby')`))
	assert.False(t, eval[bool](tp, input+`.hasAttribute('aria-invalid')`))
	tp.typeFigure("school_choice_pupils", "10")
	tp.typeFigure("compulsory_new_entrants", "100")
	tp.waitStatus("school_choice_share", "not_met")
	tp.waitFor(`document.getElementById('announce').textContent.includes('未达标 1')`)
	assert.Equal(t, "status", eval[string](tp, `document.getElementById('announce').getAttribute('role')`))
	assert.Contains(t, tp.text("#announce"), "自评结果：")
	assert.Equal(t, "✗", tp.text(`#chart g[data-indicator="school_choice_share"] .sym`), "the chart's bar has its symbol too")
	tp.typeFigure("compulsory_new_entrants", "一百")
	tp.waitFor(input + `.getAttribute('aria-invalid') === 'true'`)
	assert.Contains(t, tp.text("#err-compulsory_new_entrants"), "不是数字")
	tp.typeFigure("compulsory_new_entrants", "100")
	tp.waitFor(`!` + input + `.hasAttribute('aria-invalid')`)
	assert.Empty(t, tp.text("#err-compulsory_new_entrants"))

	// An import is announced; the matrix has a symbol in every cell.
	tp.view("import")
	tp.upload("#data-file", writeFile(t, "sample2017.json", seeds.SampleData()))
	tp.waitFor(`!!document.getElementById('matrix')`)
	tp.waitFor(`document.getElementById('announce').textContent.includes('已读取“sample2017.json”')`)
	cells := eval[[]string](tp, symbolJS+`[...document.querySelectorAll('#matrix tbody td.cell')].map((c) => (c.dataset.reference ? 'reference' : (c.dataset.status || 'not_applicable')) + ' ' + sym(c))`)
	require.NotEmpty(t, cells)
	symbols := map[string]string{"met": "✓", "not_met": "✗", "no_data": "?", "not_computable": "!", "not_applicable": "–", "reference": "◇"}
	kinds := map[string]bool{}
	for _, c := range cells {
		st, sym, _ := strings.Cut(c, " ")
		kinds[st] = true
		assert.Equal(t, symbols[st], sym, c)
	}
	assert.GreaterOrEqual(t, len(kinds), 3, "the sample has cells of several statuses: %v", kinds)
	legend := eval[[]string](tp, symbolJS+`[...document.querySelectorAll('#matrix-legend li')].map((e) => sym(e) + e.textContent)`)
	assert.Equal(t, []string{"✓达标", "✗未达标", "?缺数据", "!无法计算", "◇参考", "–不适用"}, legend)
	// A value cell says its status to a screen reader, not only by colour.
	assert.Equal(t, 0, eval[int](tp, `[...document.querySelectorAll('#matrix td.cell[data-status]')].filter((c) => !(c.getAttribute('aria-label') || c.textContent).includes(c.title)).length`))
	assert.Equal(t, 0, eval[int](tp, `[...document.querySelectorAll('#matrix td.cell.na')].filter((c) => c.getAttribute('aria-label') !== '不适用').length`))
	_, err := chromedp.Call(tp.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	require.NoError(t, err)
	assert.NotEqual(t, "none", eval[string](tp, `getComputedStyle(document.getElementById('matrix-legend')).display`), "the legend is printed")
	assert.Equal(t, "✗", eval[string](tp, symbolJS+`sym(document.querySelector('#matrix td.cell.st-not_met'))`), "the symbols are printed")
	_, err = chromedp.Call(tp.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
	require.NoError(t, err)

	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en'`)
	assert.Equal(t, "Views", eval[string](tp, `document.getElementById('tabs').getAttribute('aria-label')`))
	assert.Equal(t, []string{"✓met", "✗not met", "?no data", "!not computable", "◇for reference", "–not applicable"},
		eval[[]string](tp, symbolJS+`[...document.querySelectorAll('#matrix-legend li')].map((e) => sym(e) + e.textContent)`))

	// A single unit's file is announced as it lands in the form.
	tp.upload("#data-file", writeFile(t, "一小.csv", []byte("单位代码,单位名称,层级,学校类型,择校生数,义务教育招生数\r\nS1,一小,学校,小学,2,100\r\n")))
	tp.waitFor(`document.body.dataset.view === 'assess'`)
	tp.waitFor(`document.getElementById('announce').textContent.includes('Read “一小.csv”: the figures are now in the self-assessment form.')`)
}

// overflowing lists the elements whose box leaves the viewport sideways,
// but for what a box that scrolls on its own holds.
const overflowing = `(() => {
	const w = document.documentElement.clientWidth;
	return [...document.querySelectorAll('body *')].filter((e) => {
		if ((e.parentElement && e.parentElement.closest('.scroll')) || e.closest('[hidden]')) return false;
		const r = e.getBoundingClientRect();
		return r.width > 0 && (r.left < -0.5 || r.right > w + 0.5);
	}).slice(0, 10).map((e) => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
})()`

// TestPhoneWidth: at 390 px (a phone), and at 360 and 414, no view scrolls sideways and no
// element leaves the screen; the summary's cells are whole, and an
// indicator's name has room to read.
func TestPhoneWidth(t *testing.T) {
	for _, w := range []int{390, 360, 414} {
		t.Run(strconv.Itoa(w), func(t *testing.T) { phoneWidth(t, w) })
	}
}

func phoneWidth(t *testing.T, w int) {
	tp := newTab(t)
	tp.do(chromedp.EmulateViewport(int64(w), 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	tp.open(siteURL)
	tp.pickUnit("school/primary")
	tp.typeFigure("school_choice_pupils", "10")
	tp.typeFigure("compulsory_new_entrants", "100")
	tp.waitStatus("school_choice_share", "not_met")
	assert.Equal(t, w, eval[int](tp, `document.documentElement.clientWidth`))
	fits := func(where string) {
		t.Helper()
		assert.LessOrEqual(t, eval[int](tp, `document.documentElement.scrollWidth`), w, "%s: the page scrolls sideways", where)
		assert.Empty(t, eval[[]string](tp, overflowing), "%s: elements out of the screen", where)
	}
	fits("results")
	clipped := eval[[]string](tp, `(() => {
		const box = document.getElementById('summary').getBoundingClientRect();
		return [...document.querySelectorAll('#summary .sum-cell, #summary .sum-label')].filter((e) => {
			const r = e.getBoundingClientRect();
			return e.scrollWidth > e.clientWidth + 1 || r.right > box.right + 0.5 || r.left < box.left - 0.5;
		}).map((e) => e.textContent);
	})()`)
	assert.Empty(t, clipped, "summary cells clipped")
	assert.LessOrEqual(t, eval[int](tp, `document.getElementById('summary').scrollWidth - document.getElementById('summary').clientWidth`), 0)
	width := eval[float64](tp, `document.querySelector('#results-table tr[data-indicator="school_choice_share"] td.c-ind').getBoundingClientRect().width`)
	assert.GreaterOrEqual(t, width, 110.0, "the indicator column has room for a name")
	tp.screenshot("phone-results-" + strconv.Itoa(w))

	for _, v := range []string{"tasks", "rules", "import"} {
		tp.view(v)
		fits(v)
	}
	tp.upload("#data-file", writeFile(t, "sample2017.json", seeds.SampleData()))
	tp.waitFor(`!!document.getElementById('matrix')`)
	fits("a district file")
	tp.screenshot("phone-district-" + strconv.Itoa(w))
	tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
	tp.waitFor(`document.documentElement.lang === 'en'`)
	fits("English, a district file")
	tp.view("assess")
	fits("English, results")
}

// keyDownload presses a key on the focused button and returns the file the
// page downloads.
func (tp *tab) keyDownload(key string) (name string, data []byte) {
	tp.t.Helper()
	dir := tp.t.TempDir()
	_, err := chromedp.CallBrowser(tp.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, BrowserContextID: chromedp.FromContext(tp.ctx).BrowserContextID,
		DownloadPath: dir, EventsEnabled: ptr(true),
	})
	require.NoError(tp.t, err)
	ctx, cancel := context.WithTimeout(tp.ctx, 30*time.Second)
	defer cancel()
	begins := chromedp.BrowserEvents(ctx, browser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	tp.do(chromedp.KeyEvent(key))
	var guid string
	for ev, err := range begins {
		require.NoError(tp.t, err, "waiting for a download")
		guid, name = ev.GUID, ev.SuggestedFilename
		break
	}
	for ev, err := range progress {
		require.NoError(tp.t, err)
		if ev.GUID == guid && ev.State == browser.DownloadProgressStateCompleted {
			break
		}
	}
	data, err = os.ReadFile(filepath.Join(dir, guid))
	require.NoError(tp.t, err)
	return name, data
}

// keyChooseFile presses a key on the focused file button and, when the
// browser opens its file chooser, chooses the file, as a user does.
func (tp *tab) keyChooseFile(key, path string) {
	tp.t.Helper()
	_, err := chromedp.Call(tp.ctx, page.SetInterceptFileChooserDialog, page.SetInterceptFileChooserDialogParams{Enabled: true})
	require.NoError(tp.t, err)
	ctx, cancel := context.WithTimeout(tp.ctx, 30*time.Second)
	defer cancel()
	opened := chromedp.Events(ctx, page.FileChooserOpened)
	tp.do(chromedp.KeyEvent(key))
	for ev, err := range opened {
		require.NoError(tp.t, err, "the key opens no file chooser")
		_, err = chromedp.Call(tp.ctx, dom.SetFileInputFiles, dom.SetFileInputFilesParams{Files: []string{path}, BackendNodeID: ev.BackendNodeID})
		require.NoError(tp.t, err)
		break
	}
}

// TestKeyboardOnlyWalkThrough: with the keys alone — Tab to move, Enter and
// Space to press, letters to type, and the arrows the ARIA tab list uses to
// move between its tabs — a user switches the language, fills the form,
// exports the report, and imports a district file.
func TestKeyboardOnlyWalkThrough(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	active := func() string { return eval[string](tp, `document.activeElement ? document.activeElement.id : ''`) }
	keys := func(ks ...string) {
		for _, k := range ks {
			tp.do(chromedp.KeyEvent(k))
		}
	}
	require.Equal(t, "school/primary", eval[string](tp, `document.getElementById('unit-type').value`), "the form opens on a kind of unit with indicators")

	// The language is the first Tab stop; Space and Enter both press it.
	keys(kb.Tab)
	require.Equal(t, "btn-lang", active())
	keys(" ")
	tp.waitFor(`document.documentElement.lang === 'en'`)
	keys(kb.Enter)
	tp.waitFor(`document.documentElement.lang === 'zh-CN'`)

	tp.tabTo("unit-name")
	keys("No. 1 Primary")
	tp.tabTo("f-school_choice_pupils")
	keys("10")
	tp.tabTo("f-compulsory_new_entrants")
	keys("100")
	tp.waitStatus("school_choice_share", "not_met")
	assert.Equal(t, "No. 1 Primary", eval[string](tp, `document.getElementById('unit-name').value`))

	tp.tabTo("exp-csv")
	name, data := tp.keyDownload(kb.Enter)
	assert.True(t, strings.HasSuffix(name, ".csv"), name)
	assert.Contains(t, string(data), "No. 1 Primary")
	assert.Contains(t, string(data), "择校生比例")

	// To the import view: the chosen tab is the tab list's Tab stop, the
	// arrow moves to the next tab.
	tp.tabTo("tab-assess")
	keys(kb.ArrowRight)
	tp.waitFor(`document.body.dataset.view === 'import'`)
	tp.tabTo("data-file")
	csv := "单位代码,单位名称,层级,学校类型,上级单位,择校生数,义务教育招生数\r\n京D,京口区,区县,,,,\r\nS1,一小,学校,小学,京D,2,100\r\nS2,二小,学校,小学,京D,9,100\r\n"
	tp.keyChooseFile(" ", writeFile(t, "京口区.csv", []byte(csv)))
	tp.waitFor(`!!document.getElementById('matrix')`)
	assert.Contains(t, tp.text("#import-notice"), "已读取“京口区.csv”")
	assert.Equal(t, 2, eval[int](tp, `document.querySelectorAll('#matrix tbody tr').length`))
	// The matrix box scrolls with the keyboard: it is a Tab stop.
	assert.True(t, eval[bool](tp, `[...document.querySelectorAll('.scroll')].every((e) => e.tabIndex === 0)`))
}
