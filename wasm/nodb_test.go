//go:build !(js && wasm)

package wasm_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eduplan check --db reaches databases through database/sql, pgx and the
// DuckDB helper; none of it belongs in the page, which reads files.
func TestWasmLeavesOutDatabases(t *testing.T) {
	deps := wasmDeps(t)
	require.Contains(t, deps, "github.com/eduplan/eduplan/indicators")
	for _, d := range deps {
		for _, no := range []string{"database/sql", "github.com/jackc/", "github.com/eduplan/eduplan/indicators/sqlrun",
			"github.com/eduplan/eduplan/indicators/sqlgen", "github.com/eduplan/eduplan/internal/duckproc", "github.com/eduplan/eduplan/internal/pgtest"} {
			assert.False(t, strings.HasPrefix(d, no), "the wasm links %s", d)
		}
	}
}
