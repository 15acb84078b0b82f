//go:build !js

package sqlgen

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
)

// DuckDB runs through node and npm's @duckdb/node-api, in a folder named by
// EDUPLAN_DUCKDB (where `npm install @duckdb/node-api` was run; .ci/run
// makes one): the Go module keeps no cgo driver. It reads the example's
// CSV files, the sample year.
func runOnDuckDB(t *testing.T, sqlFile string) map[[2]string]sqlRow {
	t.Helper()
	examples, err := filepath.Abs(exampleDir)
	require.NoError(t, err)
	q, err := filepath.Abs(sqlFile)
	require.NoError(t, err)
	return parseRows(t, duckDB(t, examples, q))
}

// duckDB runs the SQL file over units.csv and figures.csv in the folder
// dir and returns its rows, header first.
func duckDB(t *testing.T, dir, sqlFile string) [][]string {
	t.Helper()
	return nodeDuckDBRows(t, "duckdb-run.mjs", dir, sqlFile)
}

// duckDBLib is the folder EDUPLAN_DUCKDB names; without one the test is
// skipped, or fails with CI=true.
func duckDBLib(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("EDUPLAN_DUCKDB")
	if dir == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("EDUPLAN_DUCKDB does not name a folder with @duckdb/node-api installed; .ci/run makes one")
		}
		t.Skip("EDUPLAN_DUCKDB does not name a folder with @duckdb/node-api installed: skipping the differential test against DuckDB")
	}
	return dir
}

// nodeDuckDB runs a script of testdata with node, in the folder of
// @duckdb/node-api, and reads the CSV it prints by unit and indicator.
func nodeDuckDB(t *testing.T, script string, args ...string) map[[2]string]sqlRow {
	t.Helper()
	return parseRows(t, nodeDuckDBRows(t, script, args...))
}

// nodeDuckDBRows is nodeDuckDB's CSV rows as printed, header first.
func nodeDuckDBRows(t *testing.T, script string, args ...string) [][]string {
	t.Helper()
	dir := duckDBLib(t)
	js, err := os.ReadFile(filepath.Join("testdata", script))
	require.NoError(t, err)
	// -e resolves the import from the working folder, where the package is.
	cmd := exec.Command("node", append([]string{"--input-type=module", "-e", string(js)}, args...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "node: %s", stderr.String())
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	require.NoError(t, err)
	return rows
}

// The golden DuckDB SQL over the example's files gives the Go engine's
// report.
func TestDuckDBExampleFiles(t *testing.T) {
	cat := seedCatalog(t)
	got := runOnDuckDB(t, filepath.Join("testdata", "sample.duckdb.sql"))
	compareWithEngine(t, cat, sampleData(t, cat), got)
}

// generateDuckDB writes the DuckDB SQL of cat for the sample mapping to a
// file of the test's own.
func generateDuckDB(t *testing.T, cat *indicators.Catalog) string {
	t.Helper()
	q, err := Generate(cat, sampleMapping(cat, sampleData(t, cat)), DuckDB)
	require.NoError(t, err)
	f := filepath.Join(t.TempDir(), "q.sql")
	require.NoError(t, os.WriteFile(f, []byte(q), 0o644))
	return f
}
