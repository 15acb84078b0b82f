//go:build !(js && wasm)

package wasm_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/eduplan/eduplan"
)

// The eduplan command, built once, as a bureau has it (from the clone:
// build-web compiles the page's wasm).
var (
	cliOnce sync.Once
	cliPath string
	cliErr  error
)

func cli(t *testing.T) string {
	t.Helper()
	cliOnce.Do(func() {
		dir, err := tempDir("eduplan-cli-")
		if err != nil {
			cliErr = err
			return
		}
		cliPath = filepath.Join(dir, "eduplan")
		cmd := exec.Command("go", "build", "-o", cliPath, "./cmd/eduplan")
		cmd.Dir = ".."
		if out, err := cmd.CombinedOutput(); err != nil {
			cliErr = fmt.Errorf("go build ./cmd/eduplan: %w\n%s", err, out)
		}
	})
	require.NoError(t, cliErr)
	return cliPath
}

// tempDir is a folder that lasts until the tests end (TestMain's
// teardown), for what is built once and shared by tests.
func tempDir(prefix string) (string, error) {
	dir, err := os.MkdirTemp("", prefix)
	if err == nil {
		teardown = append(teardown, func() { os.RemoveAll(dir) })
	}
	return dir, err
}

// runCLI runs eduplan from the module root and returns its output and
// exit status.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, cli(t), args...)
	cmd.Dir = ".."
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return out.String(), errb.String(), ee.ExitCode()
	}
	require.NoError(t, err)
	return out.String(), errb.String(), 0
}

// fillCSV sets figures in a data file's last row (the unit's, in a
// prefilled file), by the header each figure's column starts with.
func fillCSV(t *testing.T, data []byte, figures map[string]string) []byte {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	rows, err := r.ReadAll()
	require.NoError(t, err)
	last := rows[len(rows)-1]
	for head, v := range figures {
		j := column(t, rows[0], head)
		last[j] = v
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	require.NoError(t, w.WriteAll(rows))
	return b.Bytes()
}

func column(t *testing.T, header []string, prefix string) int {
	t.Helper()
	for j, h := range header {
		if strings.HasPrefix(h, prefix) {
			return j
		}
	}
	require.Failf(t, "no column", "no column %q in %v", prefix, header)
	return -1
}

// The page's own 下载填报模板 is the prefilled file eduplan template
// --split writes for the same unit (byte for byte: its rows above the
// unit, the 上级单位 column, 年度 and 计划编号); filled in and imported back,
// it gives the form its figures and the school its verdicts.
func TestPageTemplateFillsAndReadsBack(t *testing.T) {
	tp := newTab(t)
	tp.open(siteURL)
	download := tp.downloads()
	tp.pickUnit("school/primary")
	tp.do(chromedp.SendKeys(chromedp.CSS("#unit-name"), "丹徒区新城小学"),
		chromedp.SendKeys(chromedp.CSS("#unit-code"), "p-dantu-9"),
		chromedp.SendKeys(chromedp.CSS("#parent-code"), "d-dantu"),
		chromedp.SendKeys(chromedp.CSS("#parent-name"), "丹徒区"))
	name, data := download("#exp-template")
	assert.Equal(t, "填报模板-小学.csv", name)
	text := strings.TrimPrefix(string(data), "\ufeff")
	assert.True(t, strings.HasPrefix(text, "单位代码,单位名称,层级,学校类型,上级单位,年度,计划编号,择校生数（人）,"), text)
	assert.Contains(t, text, "\r\nd-dantu,丹徒区,区县,,,2017,zhenjiang-2017,")
	assert.Contains(t, text, "\r\np-dantu-9,丹徒区新城小学,学校,小学,d-dantu,2017,zhenjiang-2017,")

	// The command line writes the same file for this unit.
	dir := t.TempDir()
	units := writeFile(t, "units.csv", []byte("单位代码,单位名称,层级,学校类型,上级单位\nd-dantu,丹徒区,区县,,\np-dantu-9,丹徒区新城小学,学校,小学,d-dantu\n"))
	_, stderr, code := runCLI(t, "template", "--kind", "primary", "--units", units, "--split", dir)
	require.Equal(t, 0, code, stderr)
	cliFile, err := os.ReadFile(filepath.Join(dir, "p-dantu-9-丹徒区新城小学.csv"))
	require.NoError(t, err)
	assert.Equal(t, string(cliFile), string(data), "the page's template and eduplan template --split")

	// Filled in (10 of 100 chose their school: over 5%) and imported.
	startOver(tp)
	for _, tc := range []struct{ chose, status string }{{"10", "not_met"}, {"4", "met"}} {
		filled := fillCSV(t, data, map[string]string{"择校生数": tc.chose, "义务教育招生数": "100"})
		tp.view("import")
		tp.upload("#data-file", writeFile(t, "filled.csv", filled))
		tp.waitFor(`document.body.dataset.view === 'assess'`)
		tp.waitStatus("school_choice_share", tc.status)
		assert.Equal(t, "p-dantu-9", eval[string](tp, `document.getElementById('unit-code').value`))
		assert.Equal(t, "d-dantu", eval[string](tp, `document.getElementById('parent-code').value`))
		assert.Equal(t, "丹徒区新城小学", eval[string](tp, `document.getElementById('unit-name').value`))
	}

	// Without a code the template is refused as a return is, with the fix.
	startOver(tp)
	tp.pickUnit("school/primary")
	tp.do(chromedp.Click(chromedp.CSS("#exp-template")))
	tp.waitFor(`document.getElementById('flash').textContent.includes('请先填写本单位代码')`)
}

// The whole trip of issue 13, with a plan that is not Zhenjiang's
// (examples/secondplan): the bureau builds its page (build-web --plan) and
// writes a prefilled file for each of 20 schools of two districts
// (template --split); 18 schools fill theirs in (five as workbooks written
// by excelize, eight as GBK CSV, five as UTF-8 CSV), open it in the page
// and export their return; eduplan collect merges the returns, naming the
// two schools that did not return, and eduplan check reports on the
// districts and the city. The page collects the same 18 files dropped at
// once, with the same code, and gives the same data and verdicts.
func TestWholeTrip(t *testing.T) {
	const planFile = "examples/secondplan/plan.json"
	const schools = "examples/secondplan/schools.csv"
	needBrowser(t)
	page := carriedPage(t)
	tp := openTabFor(t, "file://", 6*time.Minute)

	work := t.TempDir()
	blank, blankX, filled, returns := filepath.Join(work, "blank"), filepath.Join(work, "blank-xlsx"), filepath.Join(work, "filled"), filepath.Join(work, "returns")
	for _, args := range [][]string{
		{"template", "--plan", planFile, "--kind", "primary", "--units", schools, "--split", blank},
		{"template", "--plan", planFile, "--kind", "primary", "--units", schools, "--split", blankX, "--format", "xlsx"},
	} {
		stdout, stderr, code := runCLI(t, args...)
		require.Equal(t, 0, code, stderr)
		require.Len(t, strings.Fields(stdout), 20, "a file for each of the 20 schools")
	}
	require.NoError(t, os.MkdirAll(filled, 0o755))
	require.NoError(t, os.MkdirAll(returns, 0o755))

	// The 18 schools that return: ly-01 … ly-09 and qy-01 … qy-09. A
	// school's pupils and equipment per pupil are made from its number.
	type school struct{ id, file string }
	var back []school
	want := map[string][2]float64{}
	for _, d := range []string{"ly", "qy"} {
		for i := 1; i <= 9; i++ {
			id := fmt.Sprintf("%s-%02d", d, i)
			pupils, equipment := float64(100*i), float64(1000+250*i)
			if d == "qy" {
				equipment = 4000
				if i%2 == 1 {
					equipment = 600
				}
			}
			want[id] = [2]float64{pupils, equipment}
			figs := map[string]string{"在校生数": strconv.Itoa(int(pupils)), "生均教学仪器设备值": strconv.Itoa(int(equipment))}
			switch {
			case d == "ly" && i <= 5: // a workbook, filled in with excelize
				src := only(t, blankX, id)
				f, err := excelize.OpenFile(src)
				require.NoError(t, err)
				sheet := f.GetSheetName(0)
				rows, err := f.GetRows(sheet)
				require.NoError(t, err)
				for head, v := range figs {
					cell, err := excelize.CoordinatesToCellName(column(t, rows[0], head)+1, len(rows))
					require.NoError(t, err)
					n, _ := strconv.Atoi(v)
					require.NoError(t, f.SetCellValue(sheet, cell, n))
				}
				dst := filepath.Join(filled, filepath.Base(src))
				require.NoError(t, f.SaveAs(dst))
				require.NoError(t, f.Close())
				back = append(back, school{id, dst})
			default: // CSV: GBK from Excel on a Chinese Windows, or UTF-8
				src := only(t, blank, id)
				data, err := os.ReadFile(src)
				require.NoError(t, err)
				out := fillCSV(t, data, figs)
				if d == "ly" || i <= 4 {
					out, err = simplifiedchinese.GBK.NewEncoder().Bytes(out)
					require.NoError(t, err)
				}
				dst := filepath.Join(filled, filepath.Base(src))
				require.NoError(t, os.WriteFile(dst, out, 0o644))
				back = append(back, school{id, dst})
			}
		}
	}
	require.Len(t, back, 18)

	// Each school opens the bureau's page, imports its file and exports
	// its return, each opening the page afresh as each school does (one
	// tab exporting 18 files in a row now and then saw a download never
	// start).
	download := tp.downloads()
	for _, s := range back {
		tp.open("file://" + page)
		tp.view("import")
		tp.upload("#data-file", s.file)
		tp.waitFor(`document.body.dataset.view === 'assess' && document.getElementById('unit-code').value === ` + jsString(s.id))
		// A primary school has no indicator of its own in this plan: the
		// page says which of its district's its figures count towards.
		assert.Contains(t, tp.text("#feeds-into"), "生均教学仪器设备值校际差异系数", s.id)
		name, data := download("#exp-figures")
		require.NoError(t, os.WriteFile(filepath.Join(returns, s.id+"-"+name), data, 0o644))
	}

	// The bureau collects the returns: the two schools that did not
	// return are named, and the exit status says some are missing.
	district := filepath.Join(work, "district.csv")
	_, stderr, code := runCLI(t, "collect", returns, "--plan", planFile, "--units", schools, "--kind", "primary", "-o", district)
	require.Equal(t, 1, code, stderr)
	assert.Contains(t, stderr, "汇总了 18 个文件，21 个单位", "18 schools, two districts and the city")
	assert.Contains(t, stderr, "名单中有 2 个单位没有交回：\n  ly-10 庐阳合成小学十\n  qy-10 青阳合成小学十\n")
	eng, err := eduplan.Open("../" + planFile)
	require.NoError(t, err)
	merged, err := eng.ReadFile(district)
	require.NoError(t, err)
	for id, v := range want {
		p, ok := merged.Value(id, "pupils")
		assert.True(t, ok, id)
		assert.Equal(t, v[0], p, id)
		e, ok := merged.Value(id, "equipment_per_pupil")
		assert.True(t, ok, id)
		assert.Equal(t, v[1], e, id)
	}

	// The district and city report.
	stdout, stderr, code := runCLI(t, "check", district, "--plan", planFile, "--format", "json", "--fail-on", "none")
	require.Equal(t, 0, code, stderr)
	var rep struct {
		Units []struct {
			Unit    struct{ ID string }
			Results []struct{ Indicator, Status string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &rep))
	cliStatus := map[string]string{}
	for _, u := range rep.Units {
		for _, r := range u.Results {
			cliStatus[u.Unit.ID+" "+r.Indicator] = r.Status
		}
	}
	for _, key := range []string{"d-luyang equipment_cv", "d-qingyang equipment_cv", "c preschool_rate"} {
		assert.NotEmpty(t, cliStatus[key], key)
	}
	t.Logf("eduplan check: 庐阳区 %s, 青阳县 %s, 示例市 入园率 %s", cliStatus["d-luyang equipment_cv"], cliStatus["d-qingyang equipment_cv"], cliStatus["c preschool_rate"])
	// 庐阳区: equipment 1,250 … 3,250 元 per pupil, rising with the
	// school's size (100 … 900 pupils): the pupil-weighted CV is about
	// 0.21. 青阳县: 600 and 4,000 元 in turn, about 0.80, over 0.50.
	assert.Equal(t, "met", cliStatus["d-luyang equipment_cv"])
	assert.Equal(t, "not_met", cliStatus["d-qingyang equipment_cv"])

	// The page collects the same 18 files, dropped at once, against the
	// same list; the merged data is the command's, and so are the verdicts.
	tp2 := openTabFor(t, "file://", 2*time.Minute)
	tp2.open("file://" + page)
	dl2 := tp2.downloads()
	tp2.view("import")
	tp2.upload("#list-file", "../"+schools)
	tp2.waitFor(`!!document.getElementById('list-expect')`)
	tp2.do(chromedp.SetValue(chromedp.CSS("#list-expect"), "school/primary"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('list-expect').dispatchEvent(new Event('change'))`))
	// First the very returns eduplan collect merged: the page writes the
	// same file, byte for byte.
	rets, err := filepath.Glob(filepath.Join(returns, "*"))
	require.NoError(t, err)
	require.Len(t, rets, 18)
	tp2.drop(rets)
	tp2.waitFor(`!!document.getElementById('collected')`)
	assert.Equal(t, "汇总了 18 个文件，21 个单位", tp2.text("#import-notice strong"))
	_, same := dl2("#collect-download")
	assert.Equal(t, string(mustRead(t, district)), string(same), "the page's merge and eduplan collect's, of the same returns")

	// Then the files the schools filled in, workbooks and GBK among them.
	var paths []string
	for _, s := range back {
		paths = append(paths, s.file)
	}
	tp2.drop(paths)
	tp2.waitFor(`(() => { const li = document.querySelector('#collect-files li'); return !!li && li.textContent.includes('.xlsx'); })()`)
	assert.Equal(t, "汇总了 18 个文件，21 个单位", tp2.text("#import-notice strong"))
	assert.Equal(t, []string{"ly-10", "qy-10"}, eval[[]string](tp2, `[...document.querySelectorAll('#collect-missing li')].map((li) => li.dataset.unit)`))
	assert.Contains(t, tp2.text("#collect-missing"), "名单中有 2 个单位没有交回")
	files := eval[[]string](tp2, `[...document.querySelectorAll('#collect-files li')].map((li) => li.textContent)`)
	require.Len(t, files, 18)
	assert.Contains(t, files[0], "填报单位")
	// axe-core on what a district office sees after collecting (where
	// the accessibility tests run: EDUPLAN_AXE, and always in CI).
	tp2.screenshot("collected")
	checkA11y := os.Getenv("EDUPLAN_AXE") != "" || os.Getenv("CI") != ""
	if checkA11y {
		tp2.axe("returns collected")
	}
	_, pageMerged := dl2("#collect-download")
	fromPage, err := eng.Read(bytes.NewReader(pageMerged), "merged.csv")
	require.NoError(t, err)
	assert.Equal(t, merged.Units, fromPage.Units, "the page's merge and eduplan collect's")
	for id, v := range want {
		p, _ := fromPage.Value(id, "pupils")
		e, _ := fromPage.Value(id, "equipment_per_pupil")
		assert.Equal(t, v, [2]float64{p, e}, id)
	}
	// The districts' and the city's results in the page are the report's.
	for _, key := range []string{"d-luyang equipment_cv", "d-qingyang equipment_cv"} {
		unit, ind, _ := strings.Cut(key, " ")
		got := eval[string](tp2, `(() => { const r = document.querySelector('#parent-`+unit+` tr[data-indicator="`+ind+`"]'); return r ? r.dataset.status : ''; })()`)
		assert.Equal(t, cliStatus[key], got, key)
	}

	// Reloaded, the page still holds the merged data.
	tp2.reload()
	tp2.waitFor(`document.querySelectorAll('#matrix tbody tr').length === 18`)

	// A return mailed twice is taken once; one that disagrees with
	// another is refused, naming both files, and nothing is merged.
	twice := writeFile(t, "ly-01-again.xlsx", mustRead(t, back[0].file))
	tp2.drop(append(append([]string(nil), paths...), twice))
	tp2.waitFor(`document.getElementById('import-notice') && document.getElementById('import-notice').textContent.includes('汇总了 19 个文件')`)
	wrong := writeFile(t, "qy-09-corrected.csv", fillCSV(t, mustRead(t, only(t, blank, "qy-09")), map[string]string{"在校生数": "901", "生均教学仪器设备值": "1400"}))
	tp2.drop(append(append([]string(nil), paths...), wrong))
	tp2.waitFor(`document.getElementById('import-notice') && document.getElementById('import-notice').textContent.includes('报表未汇总')`)
	tp2.screenshot("collect-conflict")
	notice := tp2.text("#import-notice")
	if checkA11y {
		tp2.axe("returns in conflict")
	}
	// The README quotes this message.
	assert.Contains(t, notice, `单位 qy-09 的在校生数不一致：qy-09-青阳合成小学九.csv 第4行 是 "900"，qy-09-corrected.csv 第4行 是 "901"`)
}

// only is the one file of dir whose name starts with the unit's id.
func only(t *testing.T, dir, id string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, id+"-*"))
	require.NoError(t, err)
	require.Len(t, m, 1, id)
	return m[0]
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

// drop drops files on the import card, as a person drags them from a
// folder: the files are chosen in an input of the test's own, then given
// to the card in a drop event's DataTransfer.
func (tp *tab) drop(paths []string) {
	tp.t.Helper()
	sort.Strings(paths)
	tp.do(chromedp.Evaluate[chromedp.Void](`(() => {
		let i = document.getElementById('test-drop');
		if (!i) { i = document.createElement('input'); i.type = 'file'; i.multiple = true; i.id = 'test-drop'; i.hidden = true; document.body.appendChild(i); }
	})()`))
	abs := make([]string, len(paths))
	for i, p := range paths {
		a, err := filepath.Abs(p)
		require.NoError(tp.t, err)
		abs[i] = a
	}
	tp.do(chromedp.SetUploadFiles(chromedp.CSS("#test-drop"), abs))
	tp.do(chromedp.Evaluate[chromedp.Void](`(() => {
		const dt = new DataTransfer();
		for (const f of document.getElementById('test-drop').files) dt.items.add(f);
		const card = document.querySelector('#view-import .card');
		card.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
		card.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
	})()`))
}
