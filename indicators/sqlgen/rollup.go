//go:build !js

package sqlgen

import (
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/plan"
)

// The ROLLUP form. A metric that sums up and is read from a source at the
// plan's lowest level (Source.Level: a table of schools, or of pupils) is
// reported by no unit above: its figure at any unit is then a function of
// the schools below it alone, which one GROUP BY ROLLUP over the units'
// paths (l0 the root … the unit itself) computes for every level at once,
// GROUPING() telling each row's level. The Go engine's rules hold as in
// the level-by-level form: a school that should have reported the figure
// and did not makes every unit above it missing; so does a unit above
// that should have reported it and has no school below concerned by it
// (a second ROLLUP carries that up); a unit none of whose schools is
// concerned is not concerned either.

// lowest is the plan's lowest level.
func (g *gen) lowest() string {
	ls := g.cat.Levels()
	if len(ls) == 0 {
		return ""
	}
	return string(ls[len(ls)-1].ID)
}

// rollupMetric says whether the metric at position k is summed by ROLLUP.
func (g *gen) rollupMetric(k int) bool {
	return g.rolled[g.metrics[k].ID]
}

// paths adds the table of the units' paths: each unit's row r with its
// depth, the ids l0 … of its ancestors from the root down to itself
// (NULL below it), and inner_, 1 for a unit with units below it.
func (g *gen) paths() {
	d := g.depth
	var joins, depth []string
	for j := 1; j < d; j++ {
		prev := "r"
		if j > 1 {
			prev = fmt.Sprintf("a%d", j-1)
		}
		joins = append(joins, fmt.Sprintf("  LEFT JOIN u a%d ON a%d.id = %s.parent", j, j, prev))
	}
	for j := d - 1; j >= 1; j-- {
		depth = append(depth, fmt.Sprintf("WHEN a%d.id IS NOT NULL THEN %d", j, j))
	}
	dep := "0"
	if len(depth) > 0 {
		dep = "CASE " + strings.Join(depth, " ") + " ELSE 0 END"
	}
	anc := func(j int) string {
		if j == 0 {
			return "p.id"
		}
		return fmt.Sprintf("p.a%d_", j)
	}
	var ids []string
	for j := 1; j < d; j++ {
		ids = append(ids, fmt.Sprintf(", a%d.id AS a%d_", j, j))
	}
	var cols []string
	for k := 0; k < d; k++ {
		var when []string
		for dp := k; dp < d; dp++ {
			when = append(when, fmt.Sprintf("WHEN %d THEN %s", dp, anc(dp-k)))
		}
		cols = append(cols, fmt.Sprintf("CASE p.dep_ %s END AS l%d", strings.Join(when, " "), k))
	}
	var states []string
	for k, mt := range g.metrics {
		if !g.rollupMetric(k) {
			continue
		}
		c := g.col[mt.ID]
		// A unit without units below should have reported a figure
		// that sums up unless it is a school the metric does not name.
		states = append(states, fmt.Sprintf("CASE WHEN p.inner_ = 1 THEN %d WHEN p.r_%s IS NOT NULL THEN %d WHEN %s OR p.level <> %s THEN %d ELSE %d END AS ls_%s",
			sSkip, c, sOK, "p."+g.reports[mt.ID], literal(g.lowest()), sMissing, sSkip, c))
	}
	g.cte("hp", fmt.Sprintf("  SELECT p.*,\n    %s,\n    %s\n  FROM (\n  SELECT r.*, %s AS dep_%s, CASE WHEN ch.parent IS NULL THEN 0 ELSE 1 END AS inner_\n  FROM r\n%s\n  LEFT JOIN (SELECT DISTINCT parent FROM u WHERE parent IS NOT NULL) ch ON ch.parent = r.id\n  ) p",
		strings.Join(cols, ",\n    "), strings.Join(states, ",\n    "), dep, strings.Join(ids, ""), strings.Join(joins, "\n")))
}

// rollup adds, from the table from, the table name of aggs per unit:
// GROUP BY ROLLUP over the paths, each group labelled by GROUPING() with
// the depth of the unit it is (the groups of no unit left out).
func (g *gen) rollup(name, from string, aggs []string) {
	d := g.depth
	var ls, grouped []string
	for k := 0; k < d; k++ {
		ls = append(ls, fmt.Sprintf("l%d", k))
		if k > 0 {
			grouped = append(grouped, fmt.Sprintf("GROUPING(l%d)", k))
		}
	}
	gsum := "0"
	if len(grouped) > 0 {
		gsum = strings.Join(grouped, " + ")
	}
	// With j of l1 … grouped away, the group is the unit at depth d-1-j.
	var id []string
	for j := 0; j < d; j++ {
		id = append(id, fmt.Sprintf("WHEN %d THEN l%d", j, d-1-j))
	}
	g.cte(name, fmt.Sprintf("  SELECT * FROM (\n  SELECT CASE %s %s END AS id, %d - (%s) AS depth, GROUPING(l0) AS total_,\n    %s\n  FROM %s\n  GROUP BY ROLLUP(%s)\n  ) k WHERE total_ = 0 AND id IS NOT NULL",
		gsum, strings.Join(id, " "), d-1, gsum, strings.Join(aggs, ",\n    "), from, strings.Join(ls, ", ")))
}

// rolledFigures adds the ROLLUP form's figures of the metrics it sums and
// the table of every figure, ef, which joins them to the other metrics'
// (last, the level-by-level passes).
func (g *gen) rolledFigures(last string) {
	g.paths()
	var aggs, phantom, phCols []string
	for k, mt := range g.metrics {
		if !g.rollupMetric(k) {
			continue
		}
		c := g.col[mt.ID]
		aggs = append(aggs,
			fmt.Sprintf("SUM(CASE WHEN ls_%s = 0 THEN r_%s END) AS sum_%s", c, c, c),
			fmt.Sprintf("MAX(CASE WHEN ls_%s = %d THEN 1 ELSE 0 END) AS miss_%s", c, sMissing, c),
			fmt.Sprintf("MAX(CASE WHEN ls_%s = 0 THEN 1 ELSE 0 END) AS ok_%s", c, c))
		if mayReportAbove(mt, g.lowest()) {
			phantom = append(phantom, fmt.Sprintf("MAX(ph_%s) AS anyph_%s", c, c))
			phCols = append(phCols, fmt.Sprintf("CASE WHEN h.inner_ = 1 AND %s AND k.ok_%s = 0 AND k.miss_%s = 0 THEN 1 ELSE 0 END AS ph_%s",
				"h."+g.reports[mt.ID], c, c, c))
		}
	}
	g.rollup("k1", "hp", aggs)
	if len(phantom) > 0 {
		g.cte("hq", fmt.Sprintf("  SELECT h.l%s,\n    %s\n  FROM hp h JOIN k1 k ON k.id = h.id", strings.Join(lcols(g.depth), ", h.l"), strings.Join(phCols, ",\n    ")))
		g.rollup("k2", "hq", phantom)
	}
	var cols []string
	for k, mt := range g.metrics {
		if !g.rollupMetric(k) {
			continue
		}
		c := g.col[mt.ID]
		miss := fmt.Sprintf("k.miss_%s = 1", c)
		if mayReportAbove(mt, g.lowest()) {
			miss += fmt.Sprintf(" OR q.anyph_%s = 1", c)
		}
		cols = append(cols, fmt.Sprintf("CASE WHEN %s THEN NULL WHEN k.ok_%s = 1 THEN k.sum_%s END AS v_%s", miss, c, c, c),
			fmt.Sprintf("CASE WHEN %s THEN %d WHEN k.ok_%s = 1 THEN %d ELSE %d END AS s_%s", miss, sMissing, c, sOK, sSkip, c))
	}
	join := ""
	if len(phantom) > 0 {
		join = "\n  LEFT JOIN k2 q ON q.id = k.id"
	}
	g.cte("ru", fmt.Sprintf("  SELECT k.id,\n    %s\n  FROM k1 k%s", strings.Join(cols, ",\n    "), join))
	var sel []string
	for k, mt := range g.metrics {
		if g.rollupMetric(k) {
			c := g.col[mt.ID]
			sel = append(sel, "ru.v_"+c, "ru.s_"+c)
		}
	}
	g.cte("ef", fmt.Sprintf("  SELECT e.*, %s\n  FROM %s e LEFT JOIN ru ON ru.id = e.id", strings.Join(sel, ", "), last))
}

func lcols(d int) []string {
	var out []string
	for k := 0; k < d; k++ {
		out = append(out, fmt.Sprint(k))
	}
	return out
}

// mayReportAbove says whether the metric's scope of reporting names a
// unit above the lowest level, which must then report it where no school
// below is concerned.
func mayReportAbove(mt plan.Metric, lowest string) bool {
	s := mt.ReportedBy
	if len(s.Levels) == 0 {
		return len(s.Kinds) == 0
	}
	for _, l := range s.Levels {
		if string(l) != lowest {
			return true
		}
	}
	return false
}
