package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/sqlgen"
	"github.com/eduplan/eduplan/internal/duckproc"
	"github.com/eduplan/eduplan/internal/pgtest"
	"github.com/eduplan/eduplan/seeds"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}

// sampleTables is the sample year as the tables of a database, the script
// making them and the mapping file reading them.
func sampleTables(t *testing.T) (*indicators.Catalog, *dataset.Dataset, string, string) {
	t.Helper()
	p, err := seeds.Default()
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	d, err := dataset.Read(bytes.NewReader(seeds.SampleData()), cat.Fields(), dataset.Options{File: "sample2017.json"})
	require.NoError(t, err)
	script, m := pgtest.Tables(cat, d)
	return cat, d, script, writeMapping(t, m)
}

func writeMapping(t *testing.T, m *sqlgen.Mapping) string {
	t.Helper()
	b, err := json.Marshal(m)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "mapping.json")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	return path
}

// dataFileInOrder writes d as a data file with its units in the order of
// the report the database gave: the order of a hierarchy's units shapes a
// report's texts (the units below that did not report are named in it).
func dataFileInOrder(t *testing.T, cat *indicators.Catalog, d *dataset.Dataset, reportJSON string) string {
	t.Helper()
	rep, err := indicators.ReadReport(strings.NewReader(reportJSON))
	require.NoError(t, err)
	require.Len(t, rep.Units, len(d.Units))
	out := dataset.New(d.Year)
	for _, u := range rep.Units {
		du, ok := d.Unit(u.Unit.ID)
		require.True(t, ok, u.Unit.ID)
		require.Equal(t, du, u.Unit)
		require.NoError(t, out.Add(du))
	}
	for _, id := range d.Metrics() {
		for _, u := range d.Units {
			if v, ok := d.Value(u.ID, id); ok {
				require.NoError(t, out.Set(u.ID, id, v))
			}
		}
	}
	var b bytes.Buffer
	require.NoError(t, out.WriteJSON(&b, cat.Fields()))
	path := filepath.Join(t.TempDir(), "data.json")
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	return path
}

// checkDBIsCheckFile holds eduplan check --db to eduplan check of the
// same figures in a file: every format, both languages, the exit status
// under each --fail-on.
func checkDBIsCheckFile(t *testing.T, db, mapping string, cat *indicators.Catalog, d *dataset.Dataset, runs [][]string) {
	t.Helper()
	r := eduplan(t, "check", "--db", db, "--mapping", mapping, "--format", "json")
	require.Contains(t, []int{exitOK, exitFail}, r.code, r.stderr)
	file := dataFileInOrder(t, cat, d, r.stdout)
	for _, args := range runs {
		want := eduplan(t, append(append([]string{"check"}, args...), file)...)
		got := eduplan(t, append(append([]string{"check"}, args...), "--db", db, "--mapping", mapping)...)
		where := strings.Join(args, " ")
		assert.Equal(t, want.code, got.code, where)
		var v map[string]any
		if json.Unmarshal([]byte(got.stdout), &v) == nil {
			b, err := json.Marshal(v)
			require.NoError(t, err)
			got.stdout = string(b)
		}
		assert.Equal(t, withoutQuality(t, want.stdout), got.stdout, where)
		assert.Equal(t, want.stderr, got.stderr, where)
	}
}

// withoutQuality is a report of a file without its data-quality summary,
// which a report of a database has not: the summary is of a file (its
// name, its encoding, the cells it left empty). It ends the report in
// the table and Markdown, and is a field of the JSON.
func withoutQuality(t *testing.T, report string) string {
	t.Helper()
	var v map[string]any
	if json.Unmarshal([]byte(report), &v) == nil {
		require.Contains(t, v, "data_quality")
		delete(v, "data_quality")
		b, err := json.Marshal(v)
		require.NoError(t, err)
		return string(b)
	}
	for _, head := range []string{"\n数据质量\n", "\nData quality\n", "\n## 数据质量\n", "\n## Data quality\n"} {
		if i := strings.Index(report, head); i >= 0 {
			return report[:i]
		}
	}
	return report
}

// PostgreSQL: check --db writes what check of a file writes.
func TestCheckDBPostgres(t *testing.T) {
	s := pgtest.Need(t)
	cat, d, script, mapping := sampleTables(t)
	checkDBIsCheckFile(t, s.NewDB(t, script), mapping, cat, d, [][]string{
		{"--format", "table"}, {"--format", "table", "--lang", "en"}, {"--format", "csv"}, {"--format", "markdown", "--lang", "en"},
		{"--format", "junit"}, {"--format", "jsonl"}, {"--format", "json"}, {"--problems", "--unit", "d-jingkou"},
		{"--fail-on", "any", "--format", "csv"}, {"--fail-on", "none", "--format", "csv"}, {"--all", "--format", "csv"},
	})
}

// duckHelper is the DuckDB helper: the one EDUPLAN_DUCKDB_HELPER names
// (.ci/run builds it), else built from cmd/eduplan-duckdb (cgo; DuckDB's
// bindings from the module proxy). Without one the DuckDB tests skip, or
// fail under CI=true.
func duckHelper(t *testing.T) string {
	t.Helper()
	if p := os.Getenv(duckproc.Env); p != "" {
		return p
	}
	out := filepath.Join(t.TempDir(), duckproc.Helper)
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Dir = filepath.Join("..", "eduplan-duckdb")
	if b, err := cmd.CombinedOutput(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("building the DuckDB helper: %v\n%s", err, b)
		}
		t.Skipf("the DuckDB helper does not build here (%v): skipping", err)
	}
	return out
}

// duckFile makes a DuckDB database file of script, through the helper.
func duckFile(t *testing.T, helper, script string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "figures.duckdb")
	db := sql.OpenDB(duckproc.Connector(helper, file, true))
	_, err := db.Exec(script)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	return file
}

// DuckDB, through the helper: check --db duckdb:FILE writes what check of
// a file writes.
func TestCheckDBDuckDB(t *testing.T) {
	helper := duckHelper(t)
	t.Setenv(duckproc.Env, helper)
	cat, d, script, mapping := sampleTables(t)
	// Fewer runs than PostgreSQL's: the formats are the same code either
	// way, and each run starts the helper.
	checkDBIsCheckFile(t, "duckdb:"+duckFile(t, helper, script), mapping, cat, d, [][]string{
		{"--format", "json"}, {"--format", "table", "--lang", "en"}, {"--fail-on", "any", "--format", "csv"},
	})
}
