//go:build !(js && wasm)

package wasm_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

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
