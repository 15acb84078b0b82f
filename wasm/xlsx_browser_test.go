//go:build !(js && wasm)

package wasm_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
	"github.com/eduplan/eduplan/msg"
)

// fixturesDir holds the Go reader's workbooks and the cells each must give.
const fixturesDir = "../indicators/dataset/xlsx/testdata"

// xlsxReaderTab opens a bare page that loads only static/xlsx.js, served
// with the Go reader's fixtures by a server of the test's own: the page
// under test fetches nothing, so this is the only way in for the files.
func xlsxReaderTab(t *testing.T) *tab {
	t.Helper()
	needBrowser(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><meta charset="utf-8"><title>xlsx</title><link rel="icon" href="data:,"><script src="xlsx.js"></script>`))
	})
	mux.HandleFunc("/xlsx.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeFile(w, r, "static/xlsx.js")
	})
	mux.Handle("/fixtures/", http.StripPrefix("/fixtures/", http.FileServer(http.Dir(fixturesDir))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	tp := openTab(t, srv.URL)
	tp.do(chromedp.Navigate(srv.URL + "/"))
	tp.waitFor(`!!globalThis.eduplanXlsx`)
	return tp
}

// readFixture reads a fixture in the browser: its sheet and cells, or the
// error's texts.
type jsSheet struct {
	Sheet string     `json:"sheet"`
	Rows  [][]string `json:"rows"`
	ZH    string     `json:"zh"`
	EN    string     `json:"en"`
}

func readInBrowser(tp *tab, url, name, sheet string) jsSheet {
	tp.t.Helper()
	js := `fetch(` + jsString(url) + `).then((r) => r.arrayBuffer())
		.then((b) => eduplanXlsx.readSheet(b, ` + jsString(name) + `, ` + jsString(sheet) + `))
		.then((s) => s, (e) => ({ zh: e.text ? e.text.zh : String(e), en: e.text ? e.text.en : String(e) }))`
	v, err := chromedp.Run(tp.ctx, chromedp.Evaluate[jsSheet](js, chromedp.EvalAwaitPromise))
	require.NoError(tp.t, err)
	return v
}

// trimCells drops trailing empty cells and rows, which the .want.json
// files leave out.
func trimCells(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		if len(r) > 0 {
			out[i] = r
		}
	}
	for len(out) > 0 && out[len(out)-1] == nil {
		out = out[:len(out)-1]
	}
	return out
}

func TestXlsxReaderReadsTheGoReadersFixtures(t *testing.T) {
	tp := xlsxReaderTab(t)
	paths, err := filepath.Glob(filepath.Join(fixturesDir, "*.xlsx"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".xlsx")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(fixturesDir, name+".want.json"))
			require.NoError(t, err)
			var want struct {
				Sheet     string     `json:"sheet"`
				WantSheet string     `json:"wantSheet"`
				Want      [][]string `json:"want"`
			}
			require.NoError(t, json.Unmarshal(b, &want))
			got := readInBrowser(tp, "/fixtures/"+name+".xlsx", name+".xlsx", want.Sheet)
			require.Empty(t, got.ZH)
			assert.Equal(t, want.WantSheet, got.Sheet)
			assert.Equal(t, trimCells(want.Want), trimCells(got.Rows))
		})
	}
}

// A file the reader cannot read gets the words the command line gives it.
func TestXlsxReaderRefusals(t *testing.T) {
	tp := xlsxReaderTab(t)
	// Bytes are handed to the page as a data URL: the page fetches nothing
	// else but the test's own server.
	dataURL := func(b []byte) string {
		return "data:application/octet-stream;base64," + base64.StdEncoding.EncodeToString(b)
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	_, _, xlsErr := dataset.DecodeText(ole)
	require.Error(t, xlsErr)
	_, protErr := xlsx.Read(bytes.NewReader(ole), nil, dataset.Options{File: "locked.xlsx"})
	require.Error(t, protErr)
	_, damagedErr := xlsx.Read(bytes.NewReader([]byte("PK\x03\x04 cut short")), nil, dataset.Options{File: "cut.xlsx"})
	require.Error(t, damagedErr)
	// The command line ends its message with excelize's own words, in
	// brackets; the page's reader has words of its own there.
	before := func(s string) string { return strings.SplitN(s, "（", 2)[0] }
	for _, c := range []struct {
		name, url, sheet string
		zh               string
		full             bool
	}{
		{"old.xls", dataURL(ole), "", msg.In(xlsErr, "zh"), true},
		{"locked.xlsx", dataURL(ole), "", before(protErr.(dataset.Errors)[0].Reason.ZH), false},
		{"cut.xlsx", dataURL([]byte("PK\x03\x04 cut short")), "", before(damagedErr.(dataset.Errors)[0].Reason.ZH), false},
		{"two-sheets.xlsx", "/fixtures/two-sheets.xlsx", "统计", "工作簿里没有名为“统计”的工作表；工作表有：填表说明、数据", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := readInBrowser(tp, c.url, c.name, c.sheet)
			require.Nil(t, got.Rows)
			if c.full {
				assert.Equal(t, c.zh, got.ZH)
			} else {
				assert.Equal(t, c.zh, before(got.ZH))
			}
			assert.NotEmpty(t, got.EN)
		})
	}
}
