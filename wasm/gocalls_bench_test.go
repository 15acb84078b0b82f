//go:build !(js && wasm)

package wasm_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/seeds"
	"github.com/eduplan/eduplan/wasm/internal/webapi"
)

// BenchmarkDistrict10000Go is the Go side of BenchmarkDistrict10000 run
// natively, with no browser: the calls the page makes to import and
// assess a district file of 10,000 schools, their arguments and answers
// as the page passes them. The page runs the same code as WebAssembly
// some 2–4× slower; this one takes a CPU profile (-cpuprofile) where
// the browser's cannot.
func BenchmarkDistrict10000Go(b *testing.B) {
	csv := districtCSV(b, 10000)
	s := webapi.New()
	require.True(b, strings.HasPrefix(s.Call("loadDefault", ""), `{"ok":true`))
	arg, err := json.Marshal(map[string]string{"name": "district.csv", "text": csv, "encoding": "UTF-8"})
	require.NoError(b, err)
	for b.Loop() {
		out := s.Call("importData", string(arg))
		require.True(b, strings.HasPrefix(out, `{"ok":true`), "%.300s", out)
		out = s.Call("assessFile", `{"lang":"zh","parentFigures":"own","rows":200}`)
		require.True(b, strings.HasPrefix(out, `{"ok":true`), "%.300s", out)
	}
}

// BenchmarkImportJSON10000Go is the page's import of the district file of
// BenchmarkDistrict10000Go written as JSON, natively: the call alone, as
// the page makes it, so that what reading the file costs is not hidden by
// the assessment. A JSON file is where asking whether the text is a report
// cost a second parse of the whole file.
func BenchmarkImportJSON10000Go(b *testing.B) {
	p, err := seeds.Default()
	require.NoError(b, err)
	cat, err := indicators.NewCatalog(p.Metrics, p.Indicators, p.Places())
	require.NoError(b, err)
	d, err := dataset.Read(strings.NewReader(districtCSV(b, 10000)), cat.Fields(), dataset.Options{File: "district.csv", Levels: p.Levels})
	require.NoError(b, err)
	var text strings.Builder
	require.NoError(b, d.WriteJSON(&text, cat.Fields()))
	s := webapi.New()
	require.True(b, strings.HasPrefix(s.Call("loadDefault", ""), `{"ok":true`))
	arg, err := json.Marshal(map[string]string{"name": "district.json", "text": text.String(), "encoding": "UTF-8"})
	require.NoError(b, err)
	b.SetBytes(int64(text.Len()))
	for b.Loop() {
		out := s.Call("importData", string(arg))
		require.True(b, strings.HasPrefix(out, `{"ok":true`), "%.300s", out)
	}
}
