//go:build !js

package sqlgen

import (
	"bytes"
	"fmt"
	"math"
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

// sampleMapping maps every metric (and every indicator the data reports
// a value of) to a column of the same name in one table of figures.
func sampleMapping(cat *indicators.Catalog, d *dataset.Dataset) *Mapping {
	cols := map[string]string{}
	for _, m := range cat.Metrics() {
		cols[m.ID] = m.ID
	}
	for _, ind := range cat.Indicators() {
		if d != nil && d.Column(ind.ID) != nil {
			cols[ind.ID] = ind.ID
		}
	}
	return &Mapping{
		Units:   UnitsTable{Table: "units", ID: "id", Parent: "parent", Level: "level", Kind: "kind"},
		Sources: []Source{{Table: "figures", Unit: "unit", Columns: cols}},
	}
}

// createTables creates the units table and the figures table the mapping
// names, in PostgreSQL.
func createTables(m *Mapping) string {
	var b strings.Builder
	if m.Units.Name != "" {
		b.WriteString("CREATE TABLE units (id TEXT, parent TEXT, level TEXT, kind TEXT, name TEXT);\n")
	} else {
		b.WriteString("CREATE TABLE units (id TEXT, parent TEXT, level TEXT, kind TEXT);\n")
	}
	src := allColumns(m)
	b.WriteString("CREATE TABLE figures (unit TEXT")
	for _, id := range sortedKeys(src.Columns) {
		fmt.Fprintf(&b, ", %s DOUBLE PRECISION", Postgres.quote(src.Columns[id]))
	}
	b.WriteString(");\n")
	return b.String()
}

// loadScript writes the units and figures of d as PostgreSQL tables, as
// the mapping names them.
func loadScript(m *Mapping, d *dataset.Dataset) string {
	var b strings.Builder
	b.WriteString(createTables(m))
	nullable := func(s string) string {
		if s == "" {
			return "NULL"
		}
		return literal(s)
	}
	for _, u := range d.Units {
		name := ""
		if m.Units.Name != "" {
			name = ", " + nullable(u.Name)
		}
		fmt.Fprintf(&b, "INSERT INTO units VALUES (%s, %s, %s, %s%s);\n", literal(u.ID), nullable(u.Parent), literal(string(u.Level)), nullable(string(u.Kind)), name)
	}
	ids := sortedKeys(allColumns(m).Columns)
	for i, u := range d.Units {
		vals := []string{literal(u.ID)}
		for _, id := range ids {
			v := "NULL"
			if f, ok := d.Column(id).At(i); ok {
				v = strconv.FormatFloat(f, 'g', -1, 64)
			}
			vals = append(vals, v)
		}
		fmt.Fprintf(&b, "INSERT INTO figures VALUES (%s);\n", strings.Join(vals, ", "))
	}
	return b.String()
}

type sqlRow struct {
	status, target, reference string
	value, gap                *float64
}

// runOnPostgres generates the SQL for cat, runs it over d and returns its
// rows by unit and indicator.
func runOnPostgres(t *testing.T, cat *indicators.Catalog, d *dataset.Dataset) map[[2]string]sqlRow {
	t.Helper()
	s := needPostgres(t)
	m := sampleMapping(cat, d)
	q, err := Generate(cat, m, Postgres)
	require.NoError(t, err)
	return parseRows(t, s.psql(t, "", loadScript(m, d)+q))
}

// parseRows reads the SQL's CSV rows by unit and indicator.
func parseRows(t *testing.T, rows [][]string) map[[2]string]sqlRow {
	t.Helper()
	require.NotEmpty(t, rows)
	require.Equal(t, Columns, rows[0])
	out := map[[2]string]sqlRow{}
	num := func(s string) *float64 { return parseNum(t, s) }
	for _, r := range rows[1:] {
		key := [2]string{r[0], r[2]}
		_, dup := out[key]
		require.False(t, dup, "two rows for %v", key)
		// psql writes booleans t and f, DuckDB true and false.
		ref := map[string]string{"t": "true", "f": "false"}[r[7]]
		if ref == "" {
			ref = r[7]
		}
		out[key] = sqlRow{status: r[3], value: num(r[4]), target: r[5], gap: num(r[6]), reference: ref}
	}
	return out
}

// parseNum reads a number the engines wrote; nil for an empty cell (NULL).
func parseNum(t *testing.T, s string) *float64 {
	t.Helper()
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return &v
}

func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// compareWithEngine holds every unit × indicator of the SQL's result to
// the Go engine's: status, value (within 1e-9), gap, target and whether
// the result is for reference. It returns how many results had a value.
func compareWithEngine(t *testing.T, cat *indicators.Catalog, d *dataset.Dataset, got map[[2]string]sqlRow) int {
	t.Helper()
	return compareEvaluation(t, cat, cat.Evaluate(d), got)
}

// compareEvaluation is compareWithEngine against an evaluation made with
// options of its own.
func compareEvaluation(t *testing.T, cat *indicators.Catalog, ev *indicators.Evaluation, got map[[2]string]sqlRow) int {
	t.Helper()
	require.Len(t, got, len(ev.Data().Units)*len(cat.Indicators()), "one row per unit and indicator")
	return compareResults(t, cat, ev, got, false)
}

// compareResults holds the SQL's rows to the evaluation's results; with
// naLeftOut, the SQL's rows that are not applicable were left out (but
// those of the first indicator, which show every unit is there), and so
// must be exactly those the Go engine has not applicable.
func compareResults(t *testing.T, cat *indicators.Catalog, ev *indicators.Evaluation, got map[[2]string]sqlRow, naLeftOut bool) int {
	t.Helper()
	d := ev.Data()
	inds := cat.Indicators()
	values, rows := 0, 0
	for i, u := range d.Units {
		for k, ind := range inds {
			want, _ := ev.Outcome(ind.ID, i)
			r, ok := got[[2]string{u.ID, ind.ID}]
			if naLeftOut && !ok && k > 0 && want.Status == indicators.NotApplicable {
				continue
			}
			if !assert.True(t, ok, "no row for %s at %s", ind.ID, u.ID) {
				continue
			}
			rows++
			where := fmt.Sprintf("%s at %s (%s)", ind.ID, u.ID, ind.Formula)
			assert.Equal(t, string(want.Status), r.status, where)
			assert.Equal(t, want.Target.Text, r.target, where)
			assert.Equal(t, strconv.FormatBool(ev.Reference(ind.ID, i)), r.reference, where)
			if assert.Equal(t, want.Value != nil, r.value != nil, "value present: %s", where) && r.value != nil {
				raw, _ := ev.Value(ind.ID, i)
				if ev.Data() != nil {
					assert.True(t, near(raw, *r.value), "%s: SQL %v, Go %v", where, *r.value, raw)
				}
				values++
			}
			if assert.Equal(t, want.Gap != nil, r.gap != nil, "gap present: %s", where) && r.gap != nil {
				assert.True(t, math.Abs(*want.Gap-*r.gap) <= 1e-6+1e-9*math.Abs(*want.Gap), "gap of %s: SQL %v, Go %v", where, *r.gap, *want.Gap)
			}
		}
	}
	assert.Equal(t, rows, len(got), "no rows beyond the Go engine's units and indicators")
	return values
}

func sampleData(t *testing.T, cat *indicators.Catalog) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Read(bytes.NewReader(seeds.SampleData()), cat.Fields(), dataset.Options{File: "sample2017.json"})
	require.NoError(t, err)
	return d
}

// The seed plan over the sample year: the SQL's results are the Go
// engine's at every unit and indicator.
func TestPostgresSampleYear(t *testing.T) {
	p, err := seeds.Default()
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	d := sampleData(t, cat)
	got := runOnPostgres(t, cat, d)
	n := compareWithEngine(t, cat, d, got)
	assert.Greater(t, n, 200, "most results have a value")
	t.Logf("%d results, %d with a value", len(got), n)
	st := map[string]int{}
	for _, r := range got {
		st[r.status]++
	}
	t.Log(st)
}

// The README's way: the example's load script and CSV files, then the
// SQL eduplan sql prints for the example mapping (the golden file).
func TestPostgresExampleFiles(t *testing.T) {
	s := needPostgres(t)
	cat := seedCatalog(t)
	load, err := os.ReadFile(filepath.Join(exampleDir, "load.postgres.sql"))
	require.NoError(t, err)
	q, err := os.ReadFile(filepath.Join("testdata", "sample.postgres.sql"))
	require.NoError(t, err)
	got := parseRows(t, s.psql(t, exampleDir, string(load)+string(q)))
	compareWithEngine(t, cat, sampleData(t, cat), got)
}

// allColumns is every source's columns together: the tests' sources are
// all the one table of figures, each with some of its columns.
func allColumns(m *Mapping) Source {
	out := Source{Columns: map[string]string{}}
	for _, s := range m.Sources {
		for id, c := range s.Columns {
			out.Columns[id] = c
		}
	}
	return out
}
