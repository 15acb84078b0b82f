//go:build !js

package sqlgen

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/bench/national"
	"github.com/eduplan/eduplan/indicators"
)

// nationalSchools is the size of the national differential run; the
// environment's EDUPLAN_SQL_SCHOOLS changes it (a smaller run while
// working on the generator, a larger one to measure).
func nationalSchools(t *testing.T) int {
	n := 100000
	if s := os.Getenv("EDUPLAN_SQL_SCHOOLS"); s != "" {
		var err error
		n, err = strconv.Atoi(s)
		require.NoError(t, err, "EDUPLAN_SQL_SCHOOLS")
	}
	return n
}

// A synthetic country of 100,000 schools over five levels (bench/national):
// at every unit and indicator the SQL's status, value (within 1e-9), gap,
// target and reference are the Go engine's, on PostgreSQL and DuckDB. Rows
// not applicable are left out of what the engines send back (but the first
// indicator's, which show every unit is there): they are most of the 5.5
// million, and the rest must be exactly the Go engine's applicable ones.
func TestNationalDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("the national run takes a minute per engine; -short leaves it out")
	}
	p, err := national.Plan()
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	d, err := national.Generate(nationalSchools(t), 1)
	require.NoError(t, err)
	ev := cat.Evaluate(d)
	m := sampleMapping(cat, d)
	if os.Getenv("EDUPLAN_SQL_FORM") == "rollup" {
		m, _ = rollupMapping(cat, d)
	}
	first := cat.Indicators()[0].ID
	onEngines(t, func(t *testing.T, e engine) {
		q, err := Generate(cat, m, e.dialect())
		require.NoError(t, err)
		// The query's own order is left to the rows kept.
		q = q[:strings.LastIndex(q, "ORDER BY")]
		q = "SELECT * FROM (\n" + q + ") results WHERE status <> 'not_applicable' OR indicator = " + literal(first) + "\nORDER BY unit_id, indicator\n"
		start := time.Now()
		rows := e.run(t, m, d, q)
		t.Logf("%s: %d units, %d rows back in %v", e.name, len(d.Units), len(rows)-1, time.Since(start))
		n := compareResults(t, cat, ev, parseRows(t, rows), true)
		require.Greater(t, n, len(d.Units)/2)
	})
}
