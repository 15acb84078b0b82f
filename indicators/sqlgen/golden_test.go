//go:build !js

package sqlgen

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files and the example")

const exampleDir = "../../examples/sql"

func seedCatalog(t *testing.T) *indicators.Catalog {
	t.Helper()
	p, err := seeds.Default()
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	return cat
}

// golden compares got with a file, or rewrites it under -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./indicators/sqlgen -update")
	assert.Equal(t, string(want), string(got), "%s differs: review the change, then go test ./indicators/sqlgen -update", path)
}

// The example mapping is the one the differential test runs, and the SQL
// of each dialect for it is reviewed in its golden file (Spark SQL's
// only check: no Spark runs here).
func TestGoldenSQL(t *testing.T) {
	cat := seedCatalog(t)
	d := sampleData(t, cat)
	m := sampleMapping(cat, d)
	b, err := json.MarshalIndent(m, "", "  ")
	require.NoError(t, err)
	golden(t, filepath.Join(exampleDir, "sample-mapping.json"), append(b, '\n'))
	read, err := ReadMapping(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Equal(t, m, read)
	for _, name := range DialectNames() {
		dl, ok := LookupDialect(name)
		require.True(t, ok)
		q, err := Generate(cat, m, dl)
		require.NoError(t, err)
		golden(t, filepath.Join("testdata", "sample."+name+".sql"), []byte(q))
	}
	// The ROLLUP form, for Spark SQL (DuckDB and PostgreSQL run it).
	rm, _ := rollupMapping(cat, d)
	q, err := Generate(cat, rm, Spark)
	require.NoError(t, err)
	golden(t, filepath.Join("testdata", "sample-rollup.spark.sql"), []byte(q))
	golden(t, filepath.Join(exampleDir, "units.csv"), unitsCSV(d))
	golden(t, filepath.Join(exampleDir, "figures.csv"), figuresCSV(m, d))
	golden(t, filepath.Join(exampleDir, "load.postgres.sql"), []byte("-- the sample year as the tables sample-mapping.json names (psql, in this folder)\n"+
		createTables(m)+"\\copy units FROM 'units.csv' WITH (FORMAT csv, HEADER true)\n\\copy figures FROM 'figures.csv' WITH (FORMAT csv, HEADER true)\n"))
}

// unitsCSV and figuresCSV are the sample year as tables, for a person to
// load into a database and run the example on.
func unitsCSV(d *dataset.Dataset) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"id", "parent", "level", "kind"})
	for _, u := range d.Units {
		_ = w.Write([]string{u.ID, u.Parent, string(u.Level), string(u.Kind)})
	}
	w.Flush()
	return b.Bytes()
}

func figuresCSV(m *Mapping, d *dataset.Dataset) []byte {
	src := allColumns(m)
	ids := sortedKeys(src.Columns)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(append([]string{"unit"}, ids...))
	for i, u := range d.Units {
		row := []string{u.ID}
		for _, id := range ids {
			v := ""
			if f, ok := d.Column(id).At(i); ok {
				v = strconv.FormatFloat(f, 'g', -1, 64)
			}
			row = append(row, v)
		}
		_ = w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

// A bad mapping is refused with every problem named where it is.
func TestMappingProblems(t *testing.T) {
	cat := seedCatalog(t)
	for _, c := range []struct {
		name, json string
		want       []string
	}{
		{"unknown field", `{"units": {"table": "u", "id": "id", "parent": "p", "level": "l", "kind": "k", "colour": "x"}}`, []string{"colour"}},
		{"not JSON", `{`, []string{"cannot read the mapping"}},
		{"empty units", `{"units": {}}`, []string{"units.table", "units.id", "units.parent", "units.level", "units.kind"}},
		{"unknown metric", `{"units": {"table": "u", "id": "id", "parent": "p", "level": "l", "kind": "k"},
			"sources": [{"table": "f", "unit": "u", "columns": {"no_such_metric": "x"}}]}`, []string{`sources[0].columns.no_such_metric`, `no metric or indicator "no_such_metric"`}},
		{"twice", `{"units": {"table": "u", "id": "id", "parent": "p", "level": "l", "kind": "k"},
			"sources": [{"table": "f", "unit": "u", "columns": {"kindergarten_enrolment": "a"}},
			            {"table": "g", "unit": "u", "columns": {"kindergarten_enrolment": "b"}}]}`, []string{"sources[1].columns.kindergarten_enrolment", "already mapped in sources[0]"}},
		{"no columns", `{"units": {"table": "u", "id": "id", "parent": "p", "level": "l", "kind": "k"},
			"sources": [{"table": "f", "unit": "u"}]}`, []string{"sources[0].columns", "lists no columns"}},
		{"empty column", `{"units": {"table": "u", "id": "id", "parent": "p", "level": "l", "kind": "k"},
			"sources": [{"table": "", "unit": "u", "columns": {"kindergarten_enrolment": ""}}]}`, []string{"sources[0].table: ", "sources[0].columns.kindergarten_enrolment: ", "must not be empty"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := ReadMapping(strings.NewReader(c.json))
			if err == nil {
				_, err = Generate(cat, m, DuckDB)
			}
			require.Error(t, err)
			for _, w := range c.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// Names are quoted in each dialect's way, a quote inside doubled; a
// dotted name is a schema and a table.
func TestQuote(t *testing.T) {
	assert.Equal(t, `"a""b"`, Postgres.quote(`a"b`))
	assert.Equal(t, "`a``b`", Spark.quote("a`b"))
	assert.Equal(t, `"edu"."units"`, DuckDB.quote("edu.units"))
	assert.Equal(t, `'it''s'`, literal("it's"))
}
