//go:build !(js && wasm)

package wasm_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		// The SQL back end and check --db run where the data lives; the
		// page reads files.
		{"github.com/eduplan/eduplan/indicators/sqlgen", "the SQL generator"},
		{"github.com/eduplan/eduplan/indicators/sqlrun", "reports from a database"},
		{"database/sql", "database access"},
		{"github.com/jackc/", "pgx, the PostgreSQL driver"},
		{"github.com/eduplan/eduplan/internal/duckproc", "the DuckDB helper's connector"},
		{"github.com/eduplan/eduplan/internal/pgtest", "the tests' PostgreSQL"},
	}
	deps := wasmDeps(t)
	require.Contains(t, deps, "github.com/eduplan/eduplan/indicators", "the list of the wasm's packages is not what the test thinks")
	for _, l := range leftOut {
		for _, d := range deps {
			assert.False(t, d == l.prefix || strings.HasPrefix(d, strings.TrimSuffix(l.prefix, "/")+"/"),
				"the wasm links %s (%s)", d, l.why)
		}
	}
}
