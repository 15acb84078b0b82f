//go:build !(js && wasm)

package wasm_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The page's catalogue of bad files: testdata/dropped/cases.txt names each
// file a school might drop on the import view and what the page must show
// for it, in both languages. See that file for its format.
const droppedDir = "testdata/dropped"

type droppedCase struct {
	file  string // the file's name, in droppedDir or made by droppedMade
	line  int    // of its === line, for messages
	where string // the notice that must hold the message
	zh    []string
	en    []string
	not   []string
}

// droppedWhere are the notices a case may name, by the selector that shows
// each: a file the page cannot read as text (flash), one Go refuses
// (error), one read with cells it warns of (warn), one read (ok).
var droppedWhere = map[string]string{
	"flash": "#flash-notice",
	"error": "#import-notice.error",
	"warn":  "#import-warnings",
	"ok":    "#import-notice.ok, #assess-notice",
}

// allNotices is every notice a file's message may appear in.
const allNotices = "#flash-notice, #import-notice, #import-warnings, #assess-notice"

// droppedMade are the files too big or too structured to keep in the
// repository, made when the test runs.
var droppedMade = map[string]func(testing.TB) []byte{
	// A workbook whose workbook part lists no sheet.
	"xlsx-no-sheet.xlsx": func(tb testing.TB) []byte {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		for name, body := range map[string]string{
			"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
			"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
			"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`,
			"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`,
		} {
			w, err := z.Create(name)
			require.NoError(tb, err)
			_, err = w.Write([]byte(body))
			require.NoError(tb, err)
		}
		require.NoError(tb, z.Close())
		return b.Bytes()
	},
	// A school's name of a million characters.
	"huge-cell.csv": func(testing.TB) []byte {
		return []byte("单位代码,单位名称,层级,学校类型,上级单位,择校生数,义务教育招生数\r\n" +
			"D1,京口区,区县,,,,\r\n1001," + strings.Repeat("校", 1<<20) + ",学校,小学,D1,2,100\r\n")
	},
	// Fifty thousand columns in the header row.
	"wide-header.csv": func(testing.TB) []byte {
		var b strings.Builder
		b.WriteString("单位代码,单位名称")
		for i := range 50000 {
			fmt.Fprintf(&b, ",列%d", i)
		}
		b.WriteString("\r\n1001,京口区第一小学\r\n")
		return []byte(b.String())
	},
}

// loadDropped reads cases.txt: a case starts at "=== FILE" and holds
// "where:" (one of droppedWhere), then "zh:", "en:" and "not:" fragments;
// lines starting with # are comments.
func loadDropped(tb testing.TB) []droppedCase {
	tb.Helper()
	f, err := os.Open(filepath.Join(droppedDir, "cases.txt"))
	require.NoError(tb, err)
	defer f.Close()
	var out []droppedCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if name, ok := strings.CutPrefix(line, "=== "); ok {
			out = append(out, droppedCase{file: strings.TrimSpace(name), line: n})
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		require.NotEmpty(tb, out, "cases.txt:%d: %q before the first case", n, line)
		c := &out[len(out)-1]
		key, val, ok := strings.Cut(line, ": ")
		require.True(tb, ok, "cases.txt:%d: %q is not KEY: value", n, line)
		switch key {
		case "where":
			_, known := droppedWhere[val]
			require.True(tb, known, "cases.txt:%d: unknown where %q", n, val)
			c.where = val
		case "zh":
			c.zh = append(c.zh, unescape(val))
		case "en":
			c.en = append(c.en, unescape(val))
		case "not":
			c.not = append(c.not, unescape(val))
		default:
			require.Fail(tb, "unknown key", "cases.txt:%d: %q", n, key)
		}
	}
	require.NoError(tb, sc.Err())
	return out
}

// unescape reads \uXXXX in a fragment, so that cases.txt can name
// characters that do not show (U+202E, U+200B).
func unescape(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, `\u`)
		if i < 0 || i+6 > len(s) {
			b.WriteString(s)
			return b.String()
		}
		r, err := strconv.ParseUint(s[i+2:i+6], 16, 32)
		if err != nil {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteRune(rune(r))
		s = s[i+6:]
	}
}

// The catalogue's own rules: every case says where and what in both
// languages, every file is a case and every case a file, no file twice.
func TestDroppedCatalogueFormat(t *testing.T) {
	cases := loadDropped(t)
	assert.GreaterOrEqual(t, len(cases), 20, "at least 20 bad files")
	entries, err := os.ReadDir(droppedDir)
	require.NoError(t, err)
	var files []string
	for _, e := range entries {
		if e.Name() != "cases.txt" {
			files = append(files, e.Name())
		}
	}
	seen := map[string]bool{}
	for _, c := range cases {
		at := fmt.Sprintf("cases.txt:%d (%s)", c.line, c.file)
		assert.False(t, seen[c.file], "%s: the file is listed twice", at)
		seen[c.file] = true
		_, made := droppedMade[c.file]
		assert.True(t, made != slices.Contains(files, c.file), "%s: the file must be in %s or made by the test, not both", at, droppedDir)
		assert.NotEmpty(t, c.where, "%s: no where:", at)
		assert.NotEmpty(t, c.zh, "%s: no zh:", at)
		assert.NotEmpty(t, c.en, "%s: no en:", at)
	}
	for _, f := range files {
		assert.True(t, seen[f], "%s/%s is no case of cases.txt", droppedDir, f)
	}
}

// Every bad file of the catalogue, dropped on the import view as a user
// chooses it: the page shows the case's message in its notice, in Chinese
// and after a switch in English, and nothing throws.
func TestDroppedBadFiles(t *testing.T) {
	cases := loadDropped(t)
	tp := newTab(t)
	tp.open(siteURL)
	dir := t.TempDir()
	// shown is the text of the notices of where that name the file (an
	// older notice may stay on the page beside a new one).
	shown := func(c droppedCase) string {
		return eval[string](tp, `[...document.querySelectorAll(`+jsString(droppedWhere[c.where])+`)]
			.map((e) => e.textContent).filter((s) => s.includes(`+jsString(c.file)+`)).join('\n')`)
	}
	for _, c := range cases {
		at := fmt.Sprintf("cases.txt:%d (%s)", c.line, c.file)
		path := filepath.Join(droppedDir, c.file)
		if make, ok := droppedMade[c.file]; ok {
			path = filepath.Join(dir, c.file)
			require.NoError(t, os.WriteFile(path, make(t), 0o644))
		}
		tp.view("import")
		tp.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#flash-notice .close')?.click()`))
		tp.upload("#data-file", path)
		// Any notice naming the file: a case whose message went elsewhere
		// fails on its fragments, not on a timeout.
		tp.waitFor(`[...document.querySelectorAll(` + jsString(allNotices) + `)].some((e) => e.textContent.includes(` + jsString(c.file) + `))`)
		if os.Getenv("EDUPLAN_DROPPED_SHOW") != "" {
			t.Logf("%s shown in: %s", at, eval[string](tp, `[...document.querySelectorAll(`+jsString(allNotices)+`)].filter((e) => e.textContent.includes(`+jsString(c.file)+`)).map((e) => e.id + '.' + e.className).join(' ')`))
		}
		zh := shown(c)
		page := eval[string](tp, `document.body.textContent`)
		tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
		tp.waitFor(`document.documentElement.lang === 'en'`)
		en := shown(c)
		tp.do(chromedp.Click(chromedp.CSS("#btn-lang")))
		tp.waitFor(`document.documentElement.lang === 'zh-CN'`)
		if os.Getenv("EDUPLAN_DROPPED_SHOW") != "" {
			t.Logf("%s [%s]\n  zh: %s\n  en: %s", at, c.where, zh, en)
		}
		for _, f := range c.zh {
			assert.Contains(t, zh, f, "%s [zh]", at)
		}
		for _, f := range c.en {
			assert.Contains(t, en, f, "%s [en]", at)
		}
		for _, f := range c.not {
			assert.NotContains(t, zh+"\n"+en+"\n"+page, f, "%s", at)
		}
		assert.Equal(t, 0, eval[int](tp, `document.querySelectorAll('img').length`), "%s: no markup from the file", at)
	}
}
