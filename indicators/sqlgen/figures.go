//go:build !js

package sqlgen

import (
	"fmt"
	"sort"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
)

// FigureColumn is a column of the figures query (GenerateFigures) after
// the unit's id, parent, level and kind: of metric or indicator ID, its
// figure (Value), that figure's state (State: 0 computed, 1 not
// computable, 2 missing, 3 not applicable) or the unit's own reported
// figure (Reported, NULL when the unit reported none).
type FigureColumn struct {
	ID   string
	What FigurePart
}

// FigurePart says what a FigureColumn holds.
type FigurePart uint8

// The parts of a figure.
const (
	Value FigurePart = iota
	State
	Reported
)

// GenerateFigures writes the SQL listing every unit of the mapping's
// units table with its parent, level and kind, and each metric's figure
// there as the SQL of Generate computes it (reported, or summed from the
// units below), with every figure a unit reported of a metric or
// indicator: what a report says an indicator was computed from. cols
// names the columns after the first four, in order.
func GenerateFigures(cat *indicators.Catalog, m *Mapping, d Dialect) (query string, cols []FigureColumn, err error) {
	g, err := newGen(cat, m, d, Options{})
	if err != nil {
		return "", nil, err
	}
	sel := []string{"id", "parent", "level", "kind"}
	for _, mt := range g.metrics {
		c := g.col[mt.ID]
		sel = append(sel, "v_"+c, "s_"+c)
		cols = append(cols, FigureColumn{mt.ID, Value}, FigureColumn{mt.ID, State})
	}
	for _, id := range g.mappedIDs() {
		sel = append(sel, "r_"+g.col[id])
		cols = append(cols, FigureColumn{id, Reported})
	}
	var b strings.Builder
	fmt.Fprintf(&b, "-- eduplan: every unit's figures (generated; dialect %s)\nWITH\n", d.Name)
	b.WriteString(strings.Join(g.ctes, ",\n"))
	fmt.Fprintf(&b, "\nSELECT %s\nFROM %s\nORDER BY id\n", strings.Join(sel, ", "), g.figureTable())
	return b.String(), cols, nil
}

// GenerateNames writes the SQL listing each unit's id and name, from the
// column the mapping names (units.name); "" when it names none.
func GenerateNames(m *Mapping, d Dialect) string {
	u := m.Units
	if strings.TrimSpace(u.Name) == "" {
		return ""
	}
	q := d.quote
	return fmt.Sprintf("SELECT CAST(%s AS %s) AS id, CAST(%s AS %s) AS name FROM %s",
		q(u.ID), d.Text, q(u.Name), d.Text, q(u.Table))
}

// Probe is a query that reads one table or column the mapping names, for
// finding which one a database refuses: at Path in the mapping, What
// names it.
type Probe struct {
	Path string
	What msg.Text
	SQL  string
}

// Probes lists a query per table and column the mapping names: first
// whether each exists (reading no row), then whether each column of
// figures reads as numbers (reading them all).
func Probes(m *Mapping, d Dialect) []Probe {
	q := d.quote
	var exist, typed []Probe
	table := func(path, t string) {
		exist = append(exist, Probe{path, tableText(q(t)), fmt.Sprintf("SELECT 1 FROM %s WHERE 1 = 0", q(t))})
	}
	column := func(path, t, c string) {
		exist = append(exist, Probe{path, columnText(q(t), q(c)), fmt.Sprintf("SELECT %s FROM %s WHERE 1 = 0", q(c), q(t))})
	}
	u := m.Units
	table("units.table", u.Table)
	for _, c := range []struct{ path, col string }{{"units.id", u.ID}, {"units.parent", u.Parent}, {"units.level", u.Level}, {"units.kind", u.Kind}, {"units.name", u.Name}} {
		if strings.TrimSpace(c.col) != "" {
			column(c.path, u.Table, c.col)
		}
	}
	for k, s := range m.Sources {
		p := fmt.Sprintf("sources[%d]", k)
		table(p+".table", s.Table)
		column(p+".unit", s.Table, s.Unit)
		for _, id := range sortedKeys(s.Columns) {
			cp := fmt.Sprintf("%s.columns.%s", p, id)
			column(cp, s.Table, s.Columns[id])
			typed = append(typed, Probe{cp, columnText(q(s.Table), q(s.Columns[id])),
				fmt.Sprintf("SELECT SUM(CAST(%s AS %s)) FROM %s", q(s.Columns[id]), d.Double, q(s.Table))})
		}
	}
	return append(exist, typed...)
}

// Orphans lists a query per source table counting its rows that belong to
// no unit of the units table (or to none at all, a NULL unit), with the
// least such unit: the SQL of Generate leaves them out, and a report says
// so rather than drop them unseen.
func Orphans(m *Mapping, d Dialect) []Probe {
	q := d.quote
	var out []Probe
	for k, s := range m.Sources {
		unit := fmt.Sprintf("CAST(s.%s AS %s)", q(s.Unit), d.Text)
		out = append(out, Probe{fmt.Sprintf("sources[%d]", k), tableText(q(s.Table)), fmt.Sprintf(
			"SELECT COUNT(*), MIN(%s) FROM %s s WHERE %s IS NULL OR NOT EXISTS (SELECT 1 FROM %s u WHERE CAST(u.%s AS %s) = %s)",
			unit, q(s.Table), unit, q(m.Units.Table), q(m.Units.ID), d.Text, unit)})
	}
	return out
}

func tableText(t string) msg.Text { return msg.Textf("表 %s", "table %s", t) }

func columnText(t, c string) msg.Text {
	return msg.Textf("表 %[1]s 的列 %[2]s", "column %[2]s of table %[1]s", t, c)
}

// mappedIDs lists the ids a source column holds, sorted.
func (g *gen) mappedIDs() []string {
	out := make([]string, 0, len(g.mapped))
	for id := range g.mapped {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}
