//go:build !js

package sqlgen

import (
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/plan"
)

// StatusTargetConflict is the status of a result whose unit the plan's
// per-unit targets cannot settle: a name that several units of the units
// table have, or a unit two overrides of one indicator name. The Go engine
// refuses the whole report then (indicators.Evaluation.Err); SQL has no
// portable way to fail a query, so the rows concerned say it instead, and
// a face reading them back refuses as eduplan check does.
const StatusTargetConflict = "target_conflict"

// targets are the indicator's default target, then its per-unit ones in
// the plan's order: the k-th override is targets[k].
func (g *gen) targets(ind plan.Indicator) []rule.Target {
	t, _ := g.cat.Target(ind.ID)
	out := []rule.Target{t}
	for k := range ind.UnitTargets {
		// The catalogue compiled them: they parse.
		ot, _, _ := ind.ParseUnitTarget(k)
		out = append(out, ot)
	}
	return out
}

// byTarget is f of the target the row's unit is held to: the override
// table ot's k where it names the unit, else the default.
func (g *gen) byTarget(ot string, ts []rule.Target, f func(rule.Target) string) string {
	if ot == "" {
		return f(ts[0])
	}
	var b strings.Builder
	b.WriteString("CASE o.k")
	for k := 1; k < len(ts); k++ {
		fmt.Fprintf(&b, " WHEN %d THEN %s", k, f(ts[k]))
	}
	fmt.Fprintf(&b, " ELSE %s END", f(ts[0]))
	return b.String()
}

// overrideTable adds the table of the units an indicator's per-unit
// targets name (id; k, the first override naming it; bad, 1 where the
// names conflict) and returns its name; "" for an indicator without any.
// A name is a unit's id, else its name (the mapping's units.name), as
// indicators.Evaluation resolves them: an id wins over a name.
func (g *gen) overrideTable(ind plan.Indicator) string {
	if len(ind.UnitTargets) == 0 {
		return ""
	}
	var refs []string
	for k, ut := range ind.UnitTargets {
		for _, ref := range ut.Units {
			refs = append(refs, fmt.Sprintf("SELECT CAST(%s AS %s) AS ref, %d AS k", literal(strings.TrimSpace(ref)), g.d.Text, k+1))
		}
	}
	rf := "(" + strings.Join(refs, " UNION ALL ") + ") rf"
	match := "    SELECT u.id, rf.k, 1 AS n FROM " + rf + " JOIN u ON u.id = rf.ref"
	if g.m.Units.Name != "" {
		match += "\n    UNION ALL\n    SELECT u.id, rf.k, COUNT(*) OVER (PARTITION BY rf.k, rf.ref) AS n\n" +
			"    FROM " + rf + " LEFT JOIN u ui ON ui.id = rf.ref JOIN u ON u.name = rf.ref WHERE ui.id IS NULL"
	}
	name := "o_" + g.col[ind.ID]
	g.cte(name, fmt.Sprintf("  SELECT id, MIN(k) AS k, CASE WHEN MIN(k) <> MAX(k) OR MAX(n) > 1 THEN 1 ELSE 0 END AS bad\n  FROM (\n%s\n  ) o GROUP BY id",
		match))
	return name
}

// unitName is the units table's name column, where the mapping names one.
func (g *gen) unitName() string {
	if g.m.Units.Name == "" {
		return ""
	}
	return fmt.Sprintf(", CAST(%s AS %s) AS name", g.d.quote(g.m.Units.Name), g.d.Text)
}
