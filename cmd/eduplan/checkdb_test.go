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
	"github.com/eduplan/eduplan/internal/sqltest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// sampleTables is the sample year as the tables of a database, the script
// making them and the mapping file reading them.
func sampleTables(t *testing.T) (*indicators.Catalog, *dataset.Dataset, string, string) {
	t.Helper()
	cat, d := sqltest.Sample(t)
	script, m := sqltest.Tables(cat, d)
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
		{"--format", "table", "--lang", "en"}, {"--fail-on", "any", "--format", "csv"},
	})
}

// What a user meets when the database or the mapping is wrong: the
// mapping's JSON path, the table or column, the database's own words; in
// Chinese and English, exit status 2 and no report. Rows that name no unit
// are not an error but are not dropped unseen either: a warning says how
// many and which.
func TestCheckDBErrors(t *testing.T) {
	s := pgtest.Need(t)
	cat, _, script, _ := sampleTables(t)
	base := func() *sqlgen.Mapping {
		_, m := sqltest.Tables(cat, dataset.New(2017))
		m.Sources[0].Columns = map[string]string{}
		for _, mt := range cat.Metrics() {
			m.Sources[0].Columns[mt.ID] = mt.ID
		}
		return m
	}
	for _, c := range []struct {
		name    string
		sql     string // run after the sample's tables are made
		mapping func(m *sqlgen.Mapping)
		url     func(url string) string
		exit    int
		zh, en  []string
	}{
		{name: "no such table", mapping: func(m *sqlgen.Mapping) { m.Sources[0].Table = "figurez" },
			exit: exitUsage, zh: []string{"映射 sources[0].table", `"figurez"`, "数据库拒绝"}, en: []string{"mapping sources[0].table", `table "figurez"`, "the database refuses it", "does not exist"}},
		{name: "no such column", mapping: func(m *sqlgen.Mapping) { m.Sources[0].Columns["kindergarten_enrolment"] = "kg" },
			exit: exitUsage, en: []string{"mapping sources[0].columns.kindergarten_enrolment", `column "kg" of table "figures"`, "does not exist"}},
		{name: "no level column", mapping: func(m *sqlgen.Mapping) { m.Units.Level = "lvl" },
			exit: exitUsage, en: []string{"mapping units.level", `column "lvl" of table "units"`}},
		{name: "not a number", sql: "ALTER TABLE figures ALTER COLUMN kindergarten_enrolment TYPE TEXT;\n" +
			"UPDATE figures SET kindergarten_enrolment = 'many' WHERE unit = (SELECT MIN(unit) FROM figures WHERE kindergarten_enrolment IS NOT NULL);",
			exit: exitUsage, zh: []string{"映射 sources[0].columns.kindergarten_enrolment"}, en: []string{"mapping sources[0].columns.kindergarten_enrolment", "many"}},
		{name: "unknown level", sql: "UPDATE units SET level = 'county' WHERE id = 'd-dantu';",
			exit: exitUsage, zh: []string{"单位表（映射 units）有误", "county"}, en: []string{"the units table (mapping units) is wrong", "county"}},
		{name: "no units", sql: "DELETE FROM units;",
			exit: exitUsage, zh: []string{"中没有单位"}, en: []string{"holds no unit"}},
		{name: "rows of no unit", sql: "INSERT INTO figures (unit, kindergarten_enrolment) VALUES ('s-nowhere', 5), (NULL, 7);",
			exit: exitFail, zh: []string{"映射 sources[0]", "有 2 行不属于单位表中的任何单位（如 s-nowhere），未计入"}, en: []string{"2 rows belong to no unit of the units table (such as s-nowhere) and are left out"}},
		{name: "no such database", url: func(string) string { return "postgres://postgres@/nope?host=" + s.Socket() },
			exit: exitUsage, zh: []string{"无法连接数据库", "nope"}, en: []string{"cannot reach the database", `database "nope" does not exist`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := base()
			if c.mapping != nil {
				c.mapping(m)
			}
			url := s.NewDB(t, script+c.sql)
			if c.url != nil {
				url = c.url(url)
			}
			mapping := writeMapping(t, m)
			for lang, frags := range map[string][]string{"zh": c.zh, "en": c.en} {
				r := eduplan(t, "check", "--lang", lang, "--format", "csv", "--db", url, "--mapping", mapping)
				require.Equal(t, c.exit, r.code, r.stderr)
				if c.exit == exitUsage {
					assert.Empty(t, r.stdout, lang)
				}
				for _, f := range frags {
					assert.Contains(t, r.stderr, f, lang)
				}
				assert.NotContains(t, r.stderr, "panic", lang)
			}
		})
	}
}

// The README's way: examples/sql's tables loaded by its own script, the
// example mapping, check --db; the verdicts are those of check of the
// sample year's file (the example's units have no names, so only the
// summary is compared).
func TestCheckDBExample(t *testing.T) {
	s := pgtest.Need(t)
	dir, err := filepath.Abs(filepath.Join("..", "..", "examples", "sql"))
	require.NoError(t, err)
	load, err := os.ReadFile(filepath.Join(dir, "load.postgres.sql"))
	require.NoError(t, err)
	url := s.NewDB(t, `\cd `+dir+"\n"+string(load))
	got := eduplan(t, "check", "--format", "csv", "--db", url, "--mapping", filepath.Join(dir, "sample-mapping.json"))
	want := eduplan(t, "check", "--format", "csv", "../../seeds/sample2017.json")
	require.Equal(t, want.code, got.code, got.stderr)
	first := func(s string) string { line, _, _ := strings.Cut(s, "\n"); return line }
	assert.Equal(t, first(want.stderr), first(got.stderr))
	assert.Contains(t, got.stderr, "112 个单位")
	assert.Equal(t, strings.Count(want.stdout, "\n"), strings.Count(got.stdout, "\n"))
}
