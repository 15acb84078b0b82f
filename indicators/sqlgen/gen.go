//go:build !js

// Package sqlgen compiles a plan's indicators into SQL, so that they run
// where the figures already live (a database or a data lake) rather than
// through a file.
//
// The SQL computes what the Go engine (indicators.Catalog.Evaluate)
// computes: each metric's figure at every unit, reported or summed from the
// units below (a ratio of sums, never an average of ratios); then every
// indicator's value, state and status against its target, with the gap.
// Each value travels with a state, as in the engine: 0 computed, 1 not
// computable (a zero denominator), 2 missing, 3 not applicable. A value
// is NULL unless its state is 0, so NULL is never read as zero and the
// state says why it is NULL.
//
// The hierarchy is walked with one pass per level of the plan rather than
// a recursive query, so that the same SQL runs on engines without WITH
// RECURSIVE (Spark SQL); the metrics of a source at the plan's lowest
// level are summed for every level at once with GROUP BY ROLLUP instead
// (rollup.go). Per-unit targets and Options.ParentFigures are the
// engine's; GenerateRules writes a second query, the validation rules.
package sqlgen

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// States of a value in the generated SQL. They are ranks: when inputs
// disagree the greater wins, as rule.State's combination does.
const (
	sOK        = 0
	sUndefined = 1
	sMissing   = 2
	sSkip      = 3
)

// Columns of the result, one row per unit and indicator.
var Columns = []string{"unit_id", "level", "indicator", "status", "value", "target", "gap", "reference"}

type gen struct {
	cat     *indicators.Catalog
	d       Dialect
	opt     Options
	m       *Mapping
	metrics []plan.Metric
	inds    []plan.Indicator
	col     map[string]string // metric or indicator id → its column stem (m3, i7)
	mapped  map[string]bool   // ids a source column holds
	rolled  map[string]bool   // metrics summed by ROLLUP (rollup.go)
	reports map[string]string // metric id → the column of r saying whether a unit should report it
	ctes    []string
	depth   int
	need    []bool // the indicators to compute, by position; nil: all
	// lastTable is the table the validation rules read: the figures and
	// the indicators they name.
	lastTable string
	unknown   []string // operations expr does not know
}

// Generate writes the SQL computing every indicator of cat at every unit
// the mapping's units table holds. It refuses, naming each, the indicators
// it cannot translate yet; the error is then an msg.Problems.
func Generate(cat *indicators.Catalog, m *Mapping, d Dialect) (string, error) {
	return GenerateWith(cat, m, d, Options{})
}

// GenerateWith is Generate with the choices of opt.
func GenerateWith(cat *indicators.Catalog, m *Mapping, d Dialect, opt Options) (string, error) {
	g, err := newGen(cat, m, d, opt)
	if err != nil {
		return "", err
	}
	g.indicators()
	if len(g.unknown) > 0 {
		return "", msg.Errorf("内部错误：SQL 后端不认识运算 %v", "internal error: the SQL back end does not know the operations %v", g.unknown)
	}
	return g.final(), nil
}

// newGen checks the mapping and the options and writes the tables of the
// figures, which the indicators and the validation rules read.
func newGen(cat *indicators.Catalog, m *Mapping, d Dialect, opt Options) (*gen, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	g := &gen{cat: cat, d: d, opt: opt, m: m, metrics: cat.Metrics(), inds: cat.Indicators(),
		col: map[string]string{}, mapped: map[string]bool{}, rolled: map[string]bool{}}
	for i, mt := range g.metrics {
		g.col[mt.ID] = fmt.Sprintf("m%d", i)
	}
	for i, ind := range g.inds {
		g.col[ind.ID] = fmt.Sprintf("i%d", i)
	}
	var levels []string
	for _, l := range cat.Levels() {
		levels = append(levels, string(l.ID))
	}
	if err := m.check(func(id string) bool { return g.col[id] != "" }, levels); err != nil {
		return nil, err
	}
	if err := Refused(cat); err != nil {
		return nil, err
	}
	g.depth = max(len(cat.Levels()), 1)
	g.sources(m)
	g.figures()
	return g, nil
}

// Refused lists, as an msg.Problems with the path of each in the plan,
// the indicators of cat the generator cannot translate; nil when it can
// translate them all, as it does every indicator a catalogue compiles
// today (per-unit targets included). Faces ask before they generate, so
// that a future refusal names the plan's place rather than the mapping's.
func Refused(cat *indicators.Catalog) error { return nil }

func (g *gen) cte(name, body string) {
	g.ctes = append(g.ctes, name+" AS "+g.d.materialized+"(\n"+body+"\n)")
}

func (g *gen) num(x float64) string {
	return fmt.Sprintf("CAST(%s AS %s)", strconv.FormatFloat(x, 'g', -1, 64), g.d.Double)
}

// sources reads the units and the mapped columns, summed per unit.
func (g *gen) sources(m *Mapping) {
	q, d := g.d.quote, g.d
	u := m.Units
	g.cte("u", fmt.Sprintf("  SELECT CAST(%s AS %s) AS id, CAST(NULLIF(CAST(%s AS %s), '') AS %s) AS parent,\n"+
		"    CAST(%s AS %s) AS level, CAST(%s AS %s) AS kind%s\n  FROM %s",
		q(u.ID), d.Text, q(u.Parent), d.Text, d.Text, q(u.Level), d.Text, q(u.Kind), d.Text, g.unitName(), q(u.Table)))
	var sel, joins []string
	for k, s := range m.Sources {
		var cols []string
		for _, id := range sortedKeys(s.Columns) {
			g.mapped[id] = true
			if mt, ok := g.cat.Metric(id); ok && mt.Aggregate == plan.Sum && s.Level != "" && s.Level == g.lowest() {
				g.rolled[id] = true
			}
			cols = append(cols, fmt.Sprintf("SUM(CAST(%s AS %s)) AS r_%s", q(s.Columns[id]), d.Double, g.col[id]))
			sel = append(sel, fmt.Sprintf("f%d.r_%s", k, g.col[id]))
		}
		for _, id := range sortedKeys(s.Count) {
			g.mapped[id] = true
			cols = append(cols, fmt.Sprintf("%s AS r_%s", g.countSQL(s.Count[id]), g.col[id]))
			sel = append(sel, fmt.Sprintf("f%d.r_%s", k, g.col[id]))
		}
		g.cte(fmt.Sprintf("f%d", k), fmt.Sprintf("  SELECT CAST(%s AS %s) AS id,\n    %s\n  FROM %s\n  GROUP BY %s",
			q(s.Unit), d.Text, strings.Join(cols, ",\n    "), q(s.Table), q(s.Unit)))
		// A source at one level joins only that level's units. The test is
		// put in the join's key, not beside it as "AND u.level = …": DuckDB
		// plans a LEFT JOIN whose condition holds a test of the left side
		// alone as a nested loop, quadratic in the units (390 s at 100,000
		// schools); a key of NULL matches nothing, and the join stays a
		// hash join on every engine.
		key := "u.id"
		if s.Level != "" {
			key = "CASE WHEN u.level = " + literal(s.Level) + " THEN u.id END"
		}
		joins = append(joins, fmt.Sprintf("  LEFT JOIN f%d ON f%d.id = %s", k, k, key))
	}
	body := "  SELECT u.id, u.parent, u.level, u.kind"
	// Whether each unit should report each metric is decided once per
	// scope, in a column the level-by-level passes and the ROLLUP read,
	// rather than written again for every metric at every pass.
	g.reports = map[string]string{}
	seen := map[string]string{}
	for _, mt := range g.metrics {
		cond := scopeSQL("u", mt.ReportedBy, true)
		name, ok := seen[cond]
		if !ok {
			name = fmt.Sprintf("rb%d", len(seen))
			seen[cond] = name
			body += fmt.Sprintf(",\n    %s AS %s", cond, name)
		}
		g.reports[mt.ID] = name
	}
	if len(sel) > 0 {
		body += ",\n    " + strings.Join(sel, ",\n    ")
	}
	body += "\n  FROM u"
	if len(joins) > 0 {
		body += "\n" + strings.Join(joins, "\n")
	}
	g.cte("r", body)
}

// reported is the column of a unit's own figure for id, or "" when no
// source holds it.
func (g *gen) reported(alias, id string) string {
	if !g.mapped[id] {
		return ""
	}
	return alias + ".r_" + g.col[id]
}

// figures computes each metric's figure at every unit: the unit's own,
// else the sum of its children's where the metric sums up. One pass per
// level: after k passes every unit k levels above the lowest is complete.
// The first pass reads a table where every child is not applicable, which
// makes it the pass of units without children.
func (g *gen) figures() {
	var zcols []string
	for k, mt := range g.metrics {
		if g.rollupMetric(k) {
			continue
		}
		c := g.col[mt.ID]
		zcols = append(zcols, fmt.Sprintf("CAST(NULL AS %s) AS v_%s, %d AS s_%s", g.d.Double, c, sSkip, c))
	}
	g.cte("e", "  SELECT id, parent, level, kind"+list(zcols)+"\n  FROM r")
	prev := "e"
	for pass := 0; pass < g.depth; pass++ {
		var agg, cols []string
		agg = append(agg, "COUNT(*) AS n")
		for k, mt := range g.metrics {
			if g.rollupMetric(k) {
				continue
			}
			c := g.col[mt.ID]
			rep := g.reported("r", mt.ID)
			reports := "r." + g.reports[mt.ID]
			if mt.Aggregate != plan.Sum {
				cols = append(cols, g.own(rep, c, reports))
				continue
			}
			agg = append(agg,
				fmt.Sprintf("SUM(CASE WHEN s_%s = 0 THEN v_%s END) AS sum_%s", c, c, c),
				fmt.Sprintf("MAX(CASE WHEN s_%s IN (1, 2) THEN 1 ELSE 0 END) AS miss_%s", c, c),
				fmt.Sprintf("MAX(CASE WHEN s_%s = 0 THEN 1 ELSE 0 END) AS ok_%s", c, c))
			if g.opt.ParentFigures == indicators.ParentSum && g.mapped[mt.ID] {
				agg = append(agg, fmt.Sprintf("COUNT(CASE WHEN s_%s = 0 THEN 1 END) AS cnt_%s", c, c))
			}
			// A unit without children above the schools should have
			// reported a figure that sums up: a district assessing itself.
			inScope := fmt.Sprintf("(%s OR (c.n IS NULL AND r.level <> %s))", reports, literal(string(org.School)))
			v := fmt.Sprintf("CASE WHEN c.miss_%s = 1 THEN NULL WHEN c.ok_%s = 1 THEN c.sum_%s END", c, c, c)
			s := fmt.Sprintf("CASE WHEN c.miss_%s = 1 THEN %d WHEN c.ok_%s = 1 THEN %d WHEN %s THEN %d ELSE %d END",
				c, sMissing, c, sOK, inScope, sMissing, sSkip)
			if rep != "" {
				v = fmt.Sprintf("CASE WHEN %s IS NOT NULL THEN %s ELSE %s END", rep, g.parentFigure(rep, c, mt.Integral), v)
				s = fmt.Sprintf("CASE WHEN %s IS NOT NULL THEN %d ELSE %s END", rep, sOK, s)
			}
			cols = append(cols, fmt.Sprintf("%s AS v_%s,\n    %s AS s_%s", v, c, s, c))
		}
		name := fmt.Sprintf("e%d", pass)
		g.cte(name, fmt.Sprintf("  SELECT r.*%s\n  FROM r\n  LEFT JOIN (\n    SELECT parent, %s\n    FROM %s WHERE parent IS NOT NULL GROUP BY parent\n  ) c ON c.parent = r.id",
			list(cols), strings.Join(agg, ",\n      "), prev))
		prev = name
	}
	if len(g.rolled) > 0 {
		g.rolledFigures(prev)
	}
}

// own is a metric that does not sum up: the unit's own figure, missing
// where the unit should have reported it.
func (g *gen) own(rep, c, reports string) string {
	if rep == "" {
		return fmt.Sprintf("CAST(NULL AS %s) AS v_%s,\n    CASE WHEN %s THEN %d ELSE %d END AS s_%s", g.d.Double, c, reports, sMissing, sSkip, c)
	}
	return fmt.Sprintf("%s AS v_%s,\n    CASE WHEN %s IS NOT NULL THEN %d WHEN %s THEN %d ELSE %d END AS s_%s",
		rep, c, rep, sOK, reports, sMissing, sSkip, c)
}

// scopeSQL is a condition on a unit's level and kind: plan.Scope.Applies,
// or, with reporting set, whether the scope names the unit as one that
// reports a figure itself (a scope of kinds alone names schools only).
func scopeSQL(alias string, s plan.Scope, reporting bool) string {
	school := literal(string(org.School))
	var parts []string
	if len(s.Levels) > 0 {
		var ls []string
		for _, l := range s.Levels {
			ls = append(ls, literal(string(l)))
		}
		parts = append(parts, fmt.Sprintf("%s.level IN (%s)", alias, strings.Join(ls, ", ")))
	}
	if len(s.Kinds) > 0 {
		var ks []string
		for _, k := range s.Kinds {
			ks = append(ks, literal(string(k)))
		}
		kinds := fmt.Sprintf("COALESCE(%s.kind IN (%s), FALSE)", alias, strings.Join(ks, ", "))
		if reporting && len(s.Levels) == 0 {
			parts = append(parts, fmt.Sprintf("%s.level = %s", alias, school), kinds)
		} else {
			parts = append(parts, fmt.Sprintf("(%s.level <> %s OR %s)", alias, school, kinds))
		}
	}
	if len(parts) == 0 {
		return "TRUE"
	}
	return "COALESCE(" + strings.Join(parts, " AND ") + ", FALSE)"
}

// order lists indicator positions so that each comes after those its
// formula reads.
func (g *gen) order() []int {
	pos := map[string]int{}
	for i, ind := range g.inds {
		pos[ind.ID] = i
	}
	done := make([]bool, len(g.inds))
	var out []int
	var visit func(i int)
	visit = func(i int) {
		if done[i] {
			return
		}
		done[i] = true // the catalogue refuses cycles
		p, _ := g.cat.Formula(g.inds[i].ID)
		ids := p.Vars()
		for _, a := range p.Aggregates() {
			ids = append(ids, a.Vars()...)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if j, ok := pos[id]; ok {
				visit(j)
			}
		}
		out = append(out, i)
	}
	for i := range g.inds {
		visit(i)
	}
	return out
}

// indicators adds, indicator after indicator, its aggregates and its
// value: a narrow table x_ of each (id, level, kind and its state, value
// and value shown), which the indicators that read it join to the figures
// (withIndicators). A table per indicator that carried every column before
// it would repeat the whole list in each, and copy it at every step.
func (g *gen) indicators() {
	for _, i := range g.order() {
		if g.need != nil && !g.need[i] {
			continue
		}
		ind := g.inds[i]
		c := g.col[ind.ID]
		p, _ := g.cat.Formula(ind.ID)
		src := g.withIndicators("y_"+c, indicatorsRead(p))
		base := "SELECT p.*"
		var joins []string
		for k, a := range p.Aggregates() {
			name := fmt.Sprintf("a_%s_%d", c, k)
			g.aggregate(name, src, ind.Over, a)
			base += fmt.Sprintf(", %s.v AS ag%dv, COALESCE(%s.s, %d) AS ag%ds", name, k, name, sMissing, k)
			joins = append(joins, fmt.Sprintf("LEFT JOIN %s ON %s.id = p.id", name, name))
		}
		base += " FROM " + src + " p"
		if len(joins) > 0 {
			base += "\n" + strings.Join(joins, "\n")
		}
		aggRef := func(k int) (string, string) { return fmt.Sprintf("z.ag%dv", k), fmt.Sprintf("z.ag%ds", k) }
		prog := &program{prefix: "xf"}
		v, s, _ := g.expr(prog, p.Tree(), g.columnRef("z"), aggRef)
		if rep := g.reported("z", ind.ID); rep != "" {
			v = fmt.Sprintf("CASE WHEN %s IS NOT NULL THEN %s ELSE %s END", rep, rep, v)
			s = fmt.Sprintf("CASE WHEN %s IS NOT NULL THEN %d ELSE %s END", rep, sOK, s)
		}
		inner := fmt.Sprintf("SELECT z.id, z.level, z.kind,\n  %s AS w_,\n  %s AS t_\nFROM (\n%s\n) z", v, s, prog.wrap(base, g.d.fence))
		applies := scopeSQL("q", ind.AppliesTo, false)
		state := fmt.Sprintf("CASE WHEN NOT %s THEN %d", applies, sSkip)
		value := fmt.Sprintf("CASE WHEN %s THEN q.w_ END", applies)
		if ind.Unit == plan.Percent && !ind.MayExceed100 {
			// A part above its whole: not computable, the value kept
			// for the report.
			over := "q.t_ = 0 AND q.w_ > 1 + 1e-9"
			state += fmt.Sprintf(" WHEN %s THEN %d", over, sUndefined)
			value = fmt.Sprintf("CASE WHEN %s AND NOT (%s) THEN q.w_ END", applies, over)
		}
		state += " ELSE q.t_ END"
		g.cte("x_"+c, fmt.Sprintf("  SELECT q.id, q.level, q.kind,\n    %s AS s_%s,\n    %s AS v_%s,\n    CASE WHEN %s THEN q.w_ END AS d_%s\n  FROM (\n%s\n  ) q",
			state, c, value, c, applies, c, inner))
	}
}

// figureTable is the table of every metric's figure at every unit.
func (g *gen) figureTable() string {
	if len(g.rolled) > 0 {
		return "ef"
	}
	return fmt.Sprintf("e%d", g.depth-1)
}

// indicatorsRead lists the ids a formula reads, on the unit or in its
// aggregates, sorted: those that are indicators are joined to the figures.
func indicatorsRead(p *rule.Program) []string {
	ids := p.Vars()
	for _, a := range p.Aggregates() {
		ids = append(ids, a.Vars()...)
	}
	sort.Strings(ids)
	return slices.Compact(ids)
}

// withIndicators is the table of the figures with the state and value of
// the indicators among ids, added as the table name; the figures' own
// table when ids names none.
func (g *gen) withIndicators(name string, ids []string) string {
	var cols, joins []string
	for _, id := range ids {
		if _, ok := g.cat.Indicator(id); !ok {
			continue
		}
		c := g.col[id]
		cols = append(cols, fmt.Sprintf("x_%s.s_%s, x_%s.v_%s", c, c, c, c))
		joins = append(joins, fmt.Sprintf("  LEFT JOIN x_%s ON x_%s.id = f.id", c, c))
	}
	if len(cols) == 0 {
		return g.figureTable()
	}
	g.cte(name, fmt.Sprintf("  SELECT f.*, %s\n  FROM %s f\n%s", strings.Join(cols, ", "), g.figureTable(), strings.Join(joins, "\n")))
	return name
}

// columnRef reads a metric's or indicator's value and state on a row of
// the table alias; a figure that does not concern the unit reads as
// missing, since the formula that reads it applies.
func (g *gen) columnRef(alias string) refFunc {
	return func(id string) (string, string) {
		c := g.col[id]
		return alias + ".v_" + c, fmt.Sprintf("LEAST(%s.s_%s, %d)", alias, c, sMissing)
	}
}

// aggregate adds the tables reducing one aggregate over each unit's
// children, or over every unit of level over below it: its arguments on
// every member (_m), the counts and sums (_h) and the result (name: id, v,
// s), as rule.Aggregate.Reduce and ReduceWeighted compute it.
func (g *gen) aggregate(name, prev string, over org.Level, a *rule.Aggregate) {
	noAgg := func(int) (string, string) { return "NULL", fmt.Sprint(sMissing) }
	prog := &program{prefix: "xa"}
	arg := func(p *rule.Program, prefix string) (string, string) {
		sub := &program{prefix: prefix}
		v, s, _ := g.expr(sub, p.Tree(), g.columnRef("z"), noAgg)
		prog.merge(sub)
		// A member none of whose figures concern it is left out.
		if vars := p.Vars(); len(vars) > 0 {
			var skip []string
			for _, id := range vars {
				skip = append(skip, fmt.Sprintf("z.s_%s = %d", g.col[id], sSkip))
			}
			s = fmt.Sprintf("CASE WHEN %s THEN %d ELSE %s END", strings.Join(skip, " AND "), sSkip, s)
		}
		return v, s
	}
	x, xs := arg(a.Arg, "xa")
	w, ws := g.num(1), "0"
	if a.Weighted() {
		w, ws = arg(a.Weight, "xw")
	}
	base := fmt.Sprintf("SELECT c.parent AS anc, c.* FROM %s c WHERE c.parent IS NOT NULL", prev)
	if over != "" {
		base = fmt.Sprintf("SELECT an.anc AS anc, c.* FROM %s c JOIN %s an ON an.id = c.id WHERE c.level = %s", prev, g.ancestors(), literal(string(over)))
	}
	g.cte(name+"_m", fmt.Sprintf("  SELECT z.anc, %s AS x, %s AS s, %s AS w, %s AS ws\n  FROM (\n%s\n  ) z", x, xs, w, ws, prog.wrap(base, g.d.fence)))
	// The worst state of the members that count: a weight that is
	// missing (or not applicable beside a value) makes the result missing,
	// a negative one not computable.
	worst := fmt.Sprintf("MAX(CASE WHEN s < %d THEN GREATEST(s, CASE WHEN ws >= %d THEN %d WHEN ws = %d OR w < 0 THEN %d ELSE 0 END) ELSE 0 END)",
		sSkip, sMissing, sMissing, sUndefined, sUndefined)
	yes := "CASE WHEN s = 0 THEN (CASE WHEN x <> 0 THEN 1 ELSE 0 END) END"
	g.cte(name+"_h", fmt.Sprintf("  SELECT anc AS id, COUNT(CASE WHEN s < %d THEN 1 END) AS n, %s AS worst,\n"+
		"    SUM(x) AS total, AVG(x) AS mean, MIN(x) AS lo, MAX(x) AS hi,\n"+
		"    CAST(SUM(%s) AS %s) AS yes, SUM(CASE WHEN s = 0 THEN w END) AS p, SUM(CASE WHEN s = 0 THEN w * x END) AS pw\n"+
		"  FROM %s_m GROUP BY anc", sSkip, worst, yes, g.d.Double, name))
	var v, undefined string
	switch a.Func {
	case "sum":
		v = "h.total"
	case "mean":
		v = "h.mean"
	case "min":
		v = "h.lo"
	case "max":
		v = "h.hi"
	case "spread":
		v = "h.hi - h.lo"
	case "share":
		v = "h.yes / h.n"
	case "count":
		v = "h.yes"
	case "cv":
		g.cte(name+"_d", fmt.Sprintf("  SELECT m.anc AS id, SUM(m.w / h.p * (m.x - h.pw / h.p) * (m.x - h.pw / h.p)) AS ss\n"+
			"  FROM %s_m m JOIN %s_h h ON h.id = m.anc\n  WHERE m.s = 0 AND h.worst = 0 AND h.p <> 0\n  GROUP BY m.anc", name, name))
		v = "SQRT(dd.ss) / (h.pw / h.p)"
		undefined = "h.p = 0 OR h.pw = 0"
	}
	state := fmt.Sprintf("CASE WHEN h.worst > 0 THEN h.worst WHEN h.n = 0 THEN %d", sMissing)
	if undefined != "" {
		state += fmt.Sprintf(" WHEN %s THEN %d", undefined, sUndefined)
	}
	state += fmt.Sprintf(" ELSE %d END", sOK)
	body := fmt.Sprintf("  SELECT h.id, CASE WHEN %s = 0 THEN %s END AS v, %s AS s\n  FROM %s_h h", state, v, state, name)
	if a.Func == "cv" {
		body += fmt.Sprintf("\n  LEFT JOIN %s_d dd ON dd.id = h.id", name)
	}
	g.cte(name, body)
}

// ancestors names the table of (unit, ancestor) pairs, made once.
func (g *gen) ancestors() string {
	for _, c := range g.ctes {
		if strings.HasPrefix(c, "an AS") {
			return "an"
		}
	}
	var parts []string
	for k := 1; k < g.depth; k++ {
		q := "  SELECT u0.id, u" + strconv.Itoa(k-1) + ".parent AS anc FROM u u0"
		for j := 1; j < k; j++ {
			q += fmt.Sprintf(" JOIN u u%d ON u%d.id = u%d.parent", j, j, j-1)
		}
		q += fmt.Sprintf(" WHERE u%d.parent IS NOT NULL", k-1)
		parts = append(parts, q)
	}
	if len(parts) == 0 {
		parts = append(parts, "  SELECT id, parent AS anc FROM u WHERE 1 = 0")
	}
	// Insert before the first table that reads it: after the units.
	t := "an AS " + g.d.materialized + "(\n" + strings.Join(parts, "\n  UNION ALL\n") + "\n)"
	g.ctes = append(g.ctes[:1], append([]string{t}, g.ctes[1:]...)...)
	return "an"
}

// final writes one row per unit and indicator.
func (g *gen) final() string {
	var rows []string
	for _, ind := range g.inds {
		c := g.col[ind.ID]
		ts := g.targets(ind)
		ot := g.overrideTable(ind)
		v := "x.d_" + c
		verdict := g.byTarget(ot, ts, func(t rule.Target) string { return g.verdict("x.v_"+c, t) })
		status := fmt.Sprintf("CASE x.s_%s WHEN %d THEN 'not_applicable' WHEN %d THEN 'not_computable' WHEN %d THEN 'no_data' ELSE %s END",
			c, sSkip, sUndefined, sMissing, verdict)
		gap := g.byTarget(ot, ts, func(t rule.Target) string {
			if t.Op == "" {
				return "CAST(NULL AS " + g.d.Double + ")"
			}
			return fmt.Sprintf("CASE WHEN x.s_%s = 0 THEN %s END", c, g.d.round(g.gap("x.v_"+c, t), 6))
		})
		target := g.byTarget(ot, ts, func(t rule.Target) string { return literal(t.Text) })
		reference := "FALSE"
		if ind.TargetFor != nil {
			reference = fmt.Sprintf("(x.s_%s <> %d AND NOT %s)", c, sSkip, scopeSQL("x", *ind.TargetFor, false))
			if ot != "" {
				// A unit the plan gives a target of its own is held to it.
				reference = fmt.Sprintf("(%s AND o.k IS NULL)", reference)
			}
		}
		from := "x_" + c + " x"
		if ot != "" {
			status = fmt.Sprintf("CASE WHEN o.bad = 1 THEN %s ELSE %s END", literal(StatusTargetConflict), status)
			from += fmt.Sprintf(" LEFT JOIN %s o ON o.id = x.id", ot)
		}
		rows = append(rows, fmt.Sprintf("SELECT x.id AS unit_id, x.level AS level, %s AS indicator, %s AS status, %s AS value, %s AS target, %s AS gap, %s AS reference FROM %s",
			literal(ind.ID), status, v, target, gap, reference, from))
	}
	return g.script("every indicator at every unit", rows, "unit_id, indicator")
}

// script writes the WITH list and the union of the selects, ordered.
func (g *gen) script(title string, rows []string, order string) string {
	var b strings.Builder
	b.WriteString("-- eduplan: " + title + " (generated; dialect " + g.d.Name + ")\n")
	b.WriteString("-- states: 0 computed, 1 not computable, 2 missing, 3 not applicable\n")
	b.WriteString("-- columns: r_ reported, v_ value, s_ state, d_ value shown; of\n")
	for _, mt := range g.metrics {
		b.WriteString("--   " + g.col[mt.ID] + " " + commentSafe(mt.ID) + "\n")
	}
	for i, ind := range g.inds {
		if g.need == nil || g.need[i] {
			b.WriteString("--   " + g.col[ind.ID] + " " + commentSafe(ind.ID) + "\n")
		}
	}
	b.WriteString("WITH\n")
	b.WriteString(strings.Join(g.ctes, ",\n"))
	b.WriteString("\nSELECT * FROM (\n")
	b.WriteString(strings.Join(rows, "\nUNION ALL\n"))
	b.WriteString("\n) results\nORDER BY " + order + "\n")
	return b.String()
}

// tol is rule's tolerance between a value and a bound: one part in a
// billion of the larger, at least 1e-9.
func (g *gen) tol(v string, b float64) string {
	return fmt.Sprintf("1e-9 * GREATEST(ABS(%s), %s)", v, g.num(math.Max(math.Abs(b), 1)))
}

// verdict is met or not_met for a computed value, as rule.Target.Met.
func (g *gen) verdict(v string, t rule.Target) string {
	if t.Op == "" {
		return "'no_target'"
	}
	b := g.num(t.Value)
	var cond string
	switch t.Op {
	case rule.GE:
		cond = fmt.Sprintf("%s >= %s - %s", v, b, g.tol(v, t.Value))
	case rule.LE:
		cond = fmt.Sprintf("%s <= %s + %s", v, b, g.tol(v, t.Value))
	case rule.GT:
		cond = fmt.Sprintf("%s > %s + %s", v, b, g.tol(v, t.Value))
	case rule.LT:
		cond = fmt.Sprintf("%s < %s - %s", v, b, g.tol(v, t.Value))
	case rule.EQ:
		cond = fmt.Sprintf("ABS(%s - %s) <= %s", v, b, g.tol(v, t.Value))
	case rule.NE:
		cond = fmt.Sprintf("ABS(%s - %s) > %s", v, b, g.tol(v, t.Value))
	case rule.Between:
		lo := fmt.Sprintf("%s >= %s - %s", v, b, g.tol(v, t.Value))
		hi := fmt.Sprintf("%s <= %s + %s", v, g.num(t.Max), g.tol(v, t.Max))
		switch t.Direction {
		case rule.HigherIsBetter:
			cond = lo
		case rule.LowerIsBetter:
			cond = hi
		default:
			cond = lo + " AND " + hi
		}
	}
	return fmt.Sprintf("CASE WHEN %s THEN 'met' ELSE 'not_met' END", cond)
}

// gap is rule.Target.Gap: value minus the bound, in percentage points for
// a percent.
func (g *gen) gap(v string, t rule.Target) string {
	var x string
	if t.Op == rule.Between {
		x = fmt.Sprintf("CASE WHEN %s < %s THEN %s - %s WHEN %s > %s THEN %s - %s ELSE %s END",
			v, g.num(t.Value), v, g.num(t.Value), v, g.num(t.Max), v, g.num(t.Max), g.num(0))
	} else {
		x = fmt.Sprintf("%s - %s", v, g.num(t.Value))
	}
	if t.Percent || t.Points {
		x = fmt.Sprintf("(%s) * 100", x)
	}
	return x
}

// commentSafe keeps an id from ending the comment line it is written on.
func commentSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r == 0x2028 || r == 0x2029 {
			return '?'
		}
		return r
	}, s)
}

// list writes columns after others: each on a line of its own, after a
// comma; nothing for none.
func list(cols []string) string {
	if len(cols) == 0 {
		return ""
	}
	return ",\n    " + strings.Join(cols, ",\n    ")
}
