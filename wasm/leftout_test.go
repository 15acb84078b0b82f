//go:build !(js && wasm)

package wasm_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Packages the page must never link, each for its size. A package the page
// imports that starts to import one of them brings it back.
func TestWasmLeavesOut(t *testing.T) {
	leftOut := []struct {
		prefix, why string
	}{
		// About 1.8 MB gzipped; the command line reads .xlsx through
		// indicators/dataset/xlsx, the page through static/xlsx.js.
		{"github.com/xuri/", "excelize"},
		{"github.com/eduplan/eduplan/indicators/dataset/xlsx", "the Excel reader over excelize"},
		// About 400 KB gzipped: expr's parser pulls in its built-ins,
		// runtime and type checker through reflection. The page parses
		// formulas with indicators/rule's own parser (parse_js.go).
		{"github.com/expr-lang/", "expr"},
		// The SQL back end runs where the data lives, never in a browser.
		{"github.com/eduplan/eduplan/indicators/sqlgen", "the SQL generator"},
	}
	deps := wasmDeps(t)
	for _, l := range leftOut {
		for _, d := range deps {
			assert.False(t, d == l.prefix || strings.HasPrefix(d, strings.TrimSuffix(l.prefix, "/")+"/"),
				"the wasm links %s (%s)", d, l.why)
		}
	}
}
