//go:build !js

// Package sqltest writes datasets as the tables of a database, for the
// tests of the SQL back end.
package sqltest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/sqlgen"
)

// Tables writes d as two tables, units (id, name, parent, level, kind)
// and figures (unit, then a DOUBLE PRECISION column per metric of cat and
// per indicator d reports a value of, named by its id), and returns the
// script that makes them and the mapping that reads them.
func Tables(cat *indicators.Catalog, d *dataset.Dataset) (string, *sqlgen.Mapping) {
	var ids []string
	for _, m := range cat.Metrics() {
		ids = append(ids, m.ID)
	}
	for _, ind := range cat.Indicators() {
		if d.Column(ind.ID) != nil {
			ids = append(ids, ind.ID)
		}
	}
	m := &sqlgen.Mapping{
		Units:   sqlgen.UnitsTable{Table: "units", ID: "id", Parent: "parent", Level: "level", Kind: "kind", Name: "name"},
		Sources: []sqlgen.Source{{Table: "figures", Unit: "unit", Columns: map[string]string{}}},
	}
	var b strings.Builder
	b.WriteString("CREATE TABLE units (id TEXT, name TEXT, parent TEXT, level TEXT, kind TEXT);\nCREATE TABLE figures (unit TEXT")
	for _, id := range ids {
		m.Sources[0].Columns[id] = id
		fmt.Fprintf(&b, ", %s DOUBLE PRECISION", ident(id))
	}
	b.WriteString(");\n")
	for i, u := range d.Units {
		fmt.Fprintf(&b, "INSERT INTO units VALUES (%s, %s, %s, %s, %s);\n", lit(u.ID), lit(u.Name), lit(u.Parent), lit(string(u.Level)), lit(string(u.Kind)))
		vals := []string{lit(u.ID)}
		for _, id := range ids {
			v := "NULL"
			if f, ok := d.Column(id).At(i); ok {
				v = strconv.FormatFloat(f, 'g', -1, 64)
			}
			vals = append(vals, v)
		}
		fmt.Fprintf(&b, "INSERT INTO figures VALUES (%s);\n", strings.Join(vals, ", "))
	}
	return b.String(), m
}

// lit is a string literal, NULL for "".
func lit(s string) string {
	if s == "" {
		return "NULL"
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

func ident(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
