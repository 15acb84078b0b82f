//go:build !js

package sqlrun_test

import (
	"bytes"
	"context"
	"database/sql"
	"math"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/reportfmt"
	"github.com/eduplan/eduplan/indicators/sqlgen"
	"github.com/eduplan/eduplan/indicators/sqlrun"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/internal/pgtest"
	"github.com/eduplan/eduplan/internal/sqltest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func open(t *testing.T, url string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", url)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// inOrder is d with its units in the order of ids: the order of a
// hierarchy's units shapes a report (the units below that did not report
// a figure are named in it).
func inOrder(t *testing.T, d *dataset.Dataset, ids []string) *dataset.Dataset {
	t.Helper()
	out := dataset.New(d.Year)
	out.Levels = d.Levels
	require.Len(t, ids, len(d.Units))
	for _, id := range ids {
		u, ok := d.Unit(id)
		require.True(t, ok, "no unit %s", id)
		require.NoError(t, out.Add(u))
	}
	for _, id := range d.Metrics() {
		for _, u := range d.Units {
			if v, ok := d.Value(u.ID, id); ok {
				require.NoError(t, out.Set(u.ID, id, v))
			}
		}
	}
	return out
}

// The sample year in PostgreSQL: the report made of the database's rows
// is the Go engine's, result by result (status, value within 1e-9, every
// text view gives, inputs and aggregates), and every writer writes the
// same bytes of both.
func TestPostgresReportIsTheEngines(t *testing.T) {
	s := pgtest.Need(t)
	cat, d := sqltest.Sample(t)
	script, m := sqltest.Tables(cat, d)
	db := open(t, s.NewDB(t, script))
	ev, err := sqlrun.Evaluate(context.Background(), db, cat, m, sqlgen.Postgres, d.Year)
	require.NoError(t, err)
	got, err := ev.Report(indicators.Options{})
	require.NoError(t, err)
	var ids []string
	for _, u := range got.Units {
		ids = append(ids, u.Unit.ID)
	}
	want, err := cat.Assess(inOrder(t, d, ids), indicators.Options{})
	require.NoError(t, err)
	values := 0
	for k, gu := range got.Units {
		wu := want.Units[k]
		require.Equal(t, wu.Unit, gu.Unit)
		assert.Equal(t, wu.Summary, gu.Summary, gu.Unit.ID)
		require.Len(t, gu.Results, len(wu.Results), gu.Unit.ID)
		for j, g := range gu.Results {
			w := wu.Results[j]
			where := g.Indicator + " at " + gu.Unit.ID
			require.Equal(t, w.Indicator, g.Indicator)
			assert.Equal(t, w.Status, g.Status, where)
			if !assert.Equal(t, w.Value != nil, g.Value != nil, where) || g.Value == nil {
				assert.Equal(t, w, g, where)
				assert.Equal(t, view.Of(w), view.Of(g), where)
				continue
			}
			values++
			assert.InDelta(t, *w.Value, *g.Value, 1e-9*math.Max(1, math.Abs(*w.Value)), where)
			if *w.Value == *g.Value {
				assert.Equal(t, w, g, where)
				assert.Equal(t, view.Of(w), view.Of(g), where)
			}
		}
	}
	assert.Greater(t, values, 200)
	assert.Equal(t, want.Hierarchy, got.Hierarchy)
	assert.Equal(t, want.Validation, got.Validation)
	assert.Equal(t, want.Warnings, got.Warnings)

	// Every face: the same bytes.
	for name, write := range map[string]func(w *bytes.Buffer, r *indicators.Report) error{
		"table":    func(w *bytes.Buffer, r *indicators.Report) error { return reportfmt.WriteTable(w, r, "zh") },
		"markdown": func(w *bytes.Buffer, r *indicators.Report) error { return reportfmt.WriteMarkdown(w, r, "en") },
		"junit": func(w *bytes.Buffer, r *indicators.Report) error {
			return reportfmt.WriteJUnit(w, r, reportfmt.JUnitOptions{Lang: "zh", Name: "t"})
		},
		"csv":   func(w *bytes.Buffer, r *indicators.Report) error { return view.WriteCSV(w, r, "zh") },
		"jsonl": func(w *bytes.Buffer, r *indicators.Report) error { return reportfmt.WriteJSONLines(w, r) },
		"json":  func(w *bytes.Buffer, r *indicators.Report) error { return r.WriteJSON(w) },
	} {
		var a, b bytes.Buffer
		require.NoError(t, write(&a, want), name)
		require.NoError(t, write(&b, got), name)
		assert.Equal(t, a.String(), b.String(), name)
	}
}
