package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/sqlgen"
	"github.com/eduplan/eduplan/seeds"
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

// --rules prints the SQL of the plan's validation rules, as package
// sqlgen writes it.
func TestSQLCommandRules(t *testing.T) {
	r := eduplan(t, "sql", "--dialect", "postgres", "--rules", "--mapping", "../../examples/sql/sample-mapping.json")
	require.Equal(t, exitOK, r.code, r.stderr)
	f, err := os.Open("../../examples/sql/sample-mapping.json")
	require.NoError(t, err)
	defer f.Close()
	m, err := sqlgen.ReadMapping(f)
	require.NoError(t, err)
	p, err := seeds.Default()
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	want, err := sqlgen.GenerateRules(cat, m, sqlgen.Postgres, sqlgen.Options{})
	require.NoError(t, err)
	assert.Equal(t, want, r.stdout)
	assert.Contains(t, r.stdout, "validation rule")
}
