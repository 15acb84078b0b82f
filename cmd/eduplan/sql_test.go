package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eduplan sql prints, for the example mapping, the SQL of each dialect
// that package sqlgen's golden files hold (PostgreSQL's is the one the
// differential test runs).
func TestSQLCommandPrintsTheGoldenSQL(t *testing.T) {
	for _, d := range []string{"duckdb", "postgres", "spark"} {
		r := eduplan(t, "sql", "--dialect", d, "--mapping", "../../examples/sql/sample-mapping.json")
		require.Equal(t, exitOK, r.code, r.stderr)
		want, err := os.ReadFile(filepath.Join("..", "..", "indicators", "sqlgen", "testdata", "sample."+d+".sql"))
		require.NoError(t, err)
		assert.Equal(t, string(want), r.stdout, d)
		assert.Empty(t, r.stderr)
	}
}

// -o writes the SQL to a file, whole.
func TestSQLCommandWritesAFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "q.sql")
	r := eduplan(t, "sql", "--dialect", "spark", "--mapping", "../../examples/sql/sample-mapping.json", "-o", out)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Empty(t, r.stdout)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), "dialect spark")
	assert.Contains(t, string(b), "`figures`")
}
