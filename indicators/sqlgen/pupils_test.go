//go:build !js

package sqlgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
)

// The fitness figures of the sample year, read from one row per pupil
// (count in the mapping): a school's pupils tested are its rows, those
// passed the rows where passed is true, those excellent where excellent
// is 1. The pupils are made in the database from the sample's counts,
// with three schools changed so that what has no figure is seen to stay
// apart from zero:
var pupilCases = map[string]string{
	// no pupil rows: the school has no fitness figures at all;
	"s-jingkou-p1": "no rows",
	// passed is NULL on every row: no pass figure, the others counted;
	"s-jingkou-p2": "passed unknown",
	// passed is NULL where a pupil did not pass: the pupils who passed
	// are still counted, the others not counted either way.
	"s-runzhou-j1": "failures unknown",
}

const (
	fitTested    = "fitness_tested_students"
	fitPass      = "fitness_pass_students"
	fitExcellent = "fitness_excellent_students"
)

// pupilMapping is sampleMapping with the fitness figures counted from the
// pupils table instead of read from the figures table.
func pupilMapping(cat *indicators.Catalog, d *dataset.Dataset) *Mapping {
	m := sampleMapping(cat, d)
	for _, id := range []string{fitTested, fitPass, fitExcellent} {
		delete(m.Sources[0].Columns, id)
	}
	m.Sources = append(m.Sources, Source{Table: "pupils", Unit: "school",
		Count: map[string]string{fitTested: "*", fitPass: "passed", fitExcellent: "excellent"}})
	return m
}

// pupilsSQL makes the pupils table from the sample's counts (SQL both
// PostgreSQL and DuckDB run): passed a boolean, excellent an integer
// 0 or 1, as tables hold them.
func pupilsSQL(d *dataset.Dataset) string {
	var rows []string
	for i, u := range d.Units {
		t, ok := d.Column(fitTested).At(i)
		if !ok || pupilCases[u.ID] == "no rows" {
			continue
		}
		p, _ := d.Column(fitPass).At(i)
		e, _ := d.Column(fitExcellent).At(i)
		known := map[string]string{"passed unknown": "'none'", "failures unknown": "'passed'"}[pupilCases[u.ID]]
		if known == "" {
			known = "'all'"
		}
		rows = append(rows, fmt.Sprintf("(%s, %g, %g, %g, %s)", literal(u.ID), t, p, e, known))
	}
	return "CREATE TABLE fit (unit TEXT, tested INTEGER, pass INTEGER, excellent INTEGER, known TEXT);\n" +
		"INSERT INTO fit VALUES\n" + strings.Join(rows, ",\n") + ";\n" +
		"CREATE TABLE pupils AS SELECT f.unit AS school,\n" +
		"  CASE WHEN f.known = 'all' OR (f.known = 'passed' AND g <= f.pass) THEN g <= f.pass END AS passed,\n" +
		"  CAST(g <= f.excellent AS INTEGER) AS excellent\n" +
		"FROM fit f, generate_series(1, f.tested) AS s(g);\n"
}

// pupilData is the sample year as the Go engine reads it after the
// changes of pupilCases.
func pupilData(t *testing.T, cat *indicators.Catalog, d *dataset.Dataset) *dataset.Dataset {
	t.Helper()
	ids := sortedKeys(sampleMapping(cat, d).Sources[0].Columns)
	rows := [][]string{append([]string{"id", "name", "parent", "level", "kind"}, ids...)}
	for i, u := range d.Units {
		row := []string{u.ID, u.Name, u.Parent, string(u.Level), string(u.Kind)}
		for _, id := range ids {
			v := ""
			if f, ok := d.Column(id).At(i); ok {
				v = strconv.FormatFloat(f, 'g', -1, 64)
			}
			switch pupilCases[u.ID] {
			case "no rows":
				if id == fitTested || id == fitPass || id == fitExcellent {
					v = ""
				}
			case "passed unknown":
				if id == fitPass {
					v = ""
				}
			}
			row = append(row, v)
		}
		rows = append(rows, row)
	}
	out, err := dataset.ReadCells(rows, cat.Fields(), dataset.Options{File: "pupils", Year: 2017})
	require.NoError(t, err)
	return out
}

// The seed plan and every aggregate (weighted cv over the schools among
// them) from one row per pupil: the Go engine's results over the same
// figures counted per school, in PostgreSQL.
func TestPostgresPupilRows(t *testing.T) {
	for name, cat := range pupilCatalogs(t) {
		t.Run(name, func(t *testing.T) {
			s := needPostgres(t)
			d := sampleData(t, cat)
			m := pupilMapping(cat, d)
			q, err := Generate(cat, m, Postgres)
			require.NoError(t, err)
			got := parseRows(t, s.psql(t, "", loadScript(m, d)+pupilsSQL(d)+q))
			checkPupilRows(t, cat, pupilData(t, cat, d), got)
		})
	}
}

func TestDuckDBPupilRows(t *testing.T) {
	for name, cat := range pupilCatalogs(t) {
		t.Run(name, func(t *testing.T) {
			d := sampleData(t, cat)
			m := pupilMapping(cat, d)
			q, err := Generate(cat, m, DuckDB)
			require.NoError(t, err)
			examples, err := filepath.Abs(exampleDir)
			require.NoError(t, err)
			setup := fmt.Sprintf("CREATE TABLE units AS SELECT * FROM read_csv('%s/units.csv', header=true, all_varchar=true);\n"+
				"CREATE TABLE figures AS SELECT * FROM read_csv('%s/figures.csv', header=true, types={'unit':'VARCHAR'});\n", examples, examples)
			got := runScriptOnDuckDB(t, setup+pupilsSQL(d), q)
			checkPupilRows(t, cat, pupilData(t, cat, d), got)
		})
	}
}

func pupilCatalogs(t *testing.T) map[string]*indicators.Catalog {
	return map[string]*indicators.Catalog{"seed": seedCatalog(t), "aggregates": catalogOf(t, aggregateIndicators())}
}

// checkPupilRows compares with the engine, and makes sure the changed
// schools read as the cases say rather than as zero.
func checkPupilRows(t *testing.T, cat *indicators.Catalog, d *dataset.Dataset, got map[[2]string]sqlRow) {
	t.Helper()
	compareWithEngine(t, cat, d, got)
	if _, ok := cat.Indicator("fitness_pass_rate"); ok {
		assert.Equal(t, "no_data", got[[2]string{"s-jingkou-p1", "fitness_pass_rate"}].status)
		assert.Equal(t, "no_data", got[[2]string{"s-jingkou-p1", "fitness_excellent_rate"}].status)
		assert.Equal(t, "no_data", got[[2]string{"s-jingkou-p2", "fitness_pass_rate"}].status)
		assert.NotEqual(t, "no_data", got[[2]string{"s-jingkou-p2", "fitness_excellent_rate"}].status)
		assert.NotEqual(t, "no_data", got[[2]string{"s-runzhou-j1", "fitness_pass_rate"}].status)
	}
}

// runScriptOnDuckDB runs a setup script, then the query, in an in-memory
// DuckDB, and returns the query's rows by unit and indicator.
func runScriptOnDuckDB(t *testing.T, setup, query string) map[[2]string]sqlRow {
	t.Helper()
	tmp := t.TempDir()
	files := []string{filepath.Join(tmp, "setup.sql"), filepath.Join(tmp, "q.sql")}
	require.NoError(t, os.WriteFile(files[0], []byte(setup), 0o644))
	require.NoError(t, os.WriteFile(files[1], []byte(query), 0o644))
	return nodeDuckDB(t, "duckdb-script.mjs", files...)
}

// A count mapping is checked as a column mapping is: ids the plan has,
// each mapped once across columns and counts, nothing empty.
func TestCountMappingProblems(t *testing.T) {
	cat := seedCatalog(t)
	const units = `"units": {"table": "u", "id": "id", "parent": "p", "level": "l", "kind": "k"}`
	for _, c := range []struct {
		name, json string
		want       []string
	}{
		{"unknown metric", `{` + units + `, "sources": [{"table": "pupils", "unit": "school", "count": {"fitness_tested": "*"}}]}`,
			[]string{"sources[0].count.fitness_tested", `no metric or indicator "fitness_tested"`}},
		{"column and count", `{` + units + `, "sources": [{"table": "f", "unit": "u", "columns": {"fitness_pass_students": "p"}},
			{"table": "pupils", "unit": "school", "count": {"fitness_pass_students": "passed"}}]}`,
			[]string{"sources[1].count.fitness_pass_students", "already mapped in sources[0]"}},
		{"empty column", `{` + units + `, "sources": [{"table": "pupils", "unit": "school", "count": {"fitness_pass_students": " "}}]}`,
			[]string{"sources[0].count.fitness_pass_students: ", "must not be empty"}},
		{"star as a column", `{` + units + `, "sources": [{"table": "pupils", "unit": "school", "columns": {"fitness_tested_students": "*"}}]}`,
			[]string{"sources[0].columns.fitness_tested_students", "to count rows, map the figure under count"}},
		{"nothing", `{` + units + `, "sources": [{"table": "pupils", "unit": "school", "count": {}}]}`,
			[]string{"sources[0].columns", "lists no columns"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := ReadMapping(strings.NewReader(c.json))
			require.NoError(t, err)
			_, err = Generate(cat, m, DuckDB)
			require.Error(t, err)
			for _, w := range c.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// Each dialect quotes the counted column its way and casts it to a
// boolean (Spark SQL is read, not run: this is its check).
func TestCountSQL(t *testing.T) {
	cat := seedCatalog(t)
	m := pupilMapping(cat, nil)
	for _, c := range []struct {
		d    Dialect
		want string
	}{
		{Spark, "CAST(SUM(CASE WHEN CAST(`passed` AS BOOLEAN) THEN 1 WHEN NOT CAST(`passed` AS BOOLEAN) THEN 0 END) AS DOUBLE) AS r_"},
		{Postgres, `CAST(SUM(CASE WHEN CAST("passed" AS BOOLEAN) THEN 1 WHEN NOT CAST("passed" AS BOOLEAN) THEN 0 END) AS DOUBLE PRECISION) AS r_`},
		{DuckDB, `CAST(COUNT(*) AS DOUBLE) AS r_`},
	} {
		q, err := Generate(cat, m, c.d)
		require.NoError(t, err)
		assert.Contains(t, q, c.want, c.d.Name)
		assert.Contains(t, q, "FROM "+c.d.quote("pupils")+"\n  GROUP BY "+c.d.quote("school"), c.d.Name)
	}
}
