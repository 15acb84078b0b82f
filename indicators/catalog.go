package indicators

import (
	"fmt"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// Catalog is a compiled set of metrics and indicators: every formula and
// target parsed once, ready to assess any number of units.
type Catalog struct {
	metrics     []plan.Metric
	metricIndex map[string]int
	inds        []compiled
	indIndex    map[string]int
	// order lists indicator positions so that an indicator comes after
	// every indicator its formula uses.
	order  []int
	places map[string][]plan.Place
	limits rule.Limits
	// levels are the plan's levels, resolved (org.Hierarchy.Resolved).
	levels org.Hierarchy
	// rules are the validation rules, compiled (WithRules); ruleOrder
	// the indicators they need, in evaluation order.
	rules     []compiledRule
	ruleOrder []int
}

type compiled struct {
	plan.Indicator
	nature  plan.Nature
	formula *rule.Program
	target  rule.Target
	// vars and aggs are the formula's, copied once: reports read them for
	// every result.
	vars []string
	aggs []*rule.Aggregate
	// varMetric is, for each of vars, its metric's position in the
	// catalogue, or -1 for an indicator (then at varInd): a report looks
	// its inputs up by position, not by name.
	varMetric, varInd []int
	// info is the target as reports show it, made once.
	info TargetInfo
	// places are where the plan states the indicator (Catalog.Places),
	// found once rather than by name for every result.
	places []plan.Place
	// deps are the indicators the formula (or its aggregates) uses.
	deps []int
	// overrides are the targets the plan sets for named units instead of
	// target, in the plan's order; an evaluation resolves their names to
	// unit positions once.
	overrides []override
}

// override is one compiled per-unit target.
type override struct {
	units  []string
	target rule.Target
	info   TargetInfo
}

// NewCatalog compiles metrics and indicators. places tells, for each
// indicator id, where the plan states it; it may be nil.
//
// The metrics and indicators are checked by plan.ValidateMeasures, the code
// plan.Validate and plan.Load run on a plan's: a catalogue accepts exactly
// what a plan accepts, less the documentation a plan must carry (names,
// wording, where each indicator is stated). The error, if any, is an
// msg.Problems listing every problem, with paths such as
// "indicators[3].target", and the catalogue is then nil.
func NewCatalog(metrics []plan.Metric, inds []plan.Indicator, places map[string][]plan.Place) (*Catalog, error) {
	return newCatalog(nil, metrics, inds, places)
}

func newCatalog(levels org.Hierarchy, metrics []plan.Metric, inds []plan.Indicator, places map[string][]plan.Place) (*Catalog, error) {
	if err := plan.ValidateMeasuresIn(levels, metrics, inds); err != nil {
		// A half-compiled catalogue must not be usable by a caller who
		// forgets the error.
		return nil, err
	}
	c := &Catalog{
		metrics:     append([]plan.Metric(nil), metrics...),
		metricIndex: make(map[string]int, len(metrics)),
		indIndex:    make(map[string]int, len(inds)),
		inds:        make([]compiled, len(inds)),
		places:      places,
		limits:      rule.DefaultLimits,
		levels:      levels.Resolved(),
	}
	for i, m := range metrics {
		c.metricIndex[m.ID] = i
	}
	for i, ind := range inds {
		c.indIndex[ind.ID] = i
		c.inds[i] = compiled{Indicator: ind, places: places[ind.ID]}
	}
	resolve := c.resolver()
	var probs msg.Problems
	for i := range c.inds {
		ci := &c.inds[i]
		// Validated above: neither can fail unless the checks and the
		// compiler disagree, which is a bug worth saying so rather than a
		// panic.
		prog, err := rule.CompileFormula(ci.Formula, resolve, c.limits)
		if err != nil {
			probs.Add(fmt.Sprintf("indicators[%d].formula", i), "内部错误:%v", "internal error: %v", err)
			continue
		}
		ci.formula = prog
		ci.vars, ci.aggs = prog.Vars(), prog.Aggregates()
		ci.varMetric, ci.varInd = make([]int, len(ci.vars)), make([]int, len(ci.vars))
		for k, id := range ci.vars {
			mi, ok := c.metricIndex[id]
			if !ok {
				mi, ci.varInd[k] = -1, c.indIndex[id]
			}
			ci.varMetric[k] = mi
		}
		ci.deps = c.indicatorDeps(prog)
		t, _, err := ci.Indicator.ParseTarget()
		if err != nil {
			probs.Add(fmt.Sprintf("indicators[%d].target", i), "内部错误:%v", "internal error: %v", err)
			continue
		}
		ci.target, ci.info = t, targetInfo(t)
		ci.info.For = ci.TargetFor
		for k, ut := range ci.UnitTargets {
			ot, _, err := ci.Indicator.ParseUnitTarget(k)
			if err != nil {
				probs.Add(fmt.Sprintf("indicators[%d].unit_targets[%d].target", i, k), "内部错误:%v", "internal error: %v", err)
				continue
			}
			info := targetInfo(ot)
			info.Override = &TargetOverride{Units: append([]string(nil), ut.Units...), Wording: ut.Wording,
				Default: ci.info.Text, DefaultDisplay: ci.info.Display}
			ci.overrides = append(ci.overrides, override{units: ut.Units, target: ot, info: info})
		}
		// An empty nature follows the target's words: 力争 aspires.
		switch {
		case ci.Nature != "":
			ci.nature = ci.Nature
		case t.Aspirational:
			ci.nature = plan.Aspirational
		default:
			ci.nature = plan.Binding
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	c.sortIndicators()
	return c, nil
}

// Resolver reads a name written in a formula or rule as the catalogue's own
// formulas are read: a metric or indicator id first, then a Chinese name.
// A back end that compiles the plan's rules elsewhere (package sqlgen)
// resolves names with it, so that a name means the same there.
func (c *Catalog) Resolver() rule.Resolver { return c.resolver() }

// resolver maps a name in a formula to a metric or indicator id: ids first,
// then Chinese names (unique, as validated).
func (c *Catalog) resolver() rule.Resolver {
	names := map[string]string{}
	for _, m := range c.metrics {
		if m.Name.ZH != "" {
			names[m.Name.ZH] = m.ID
		}
	}
	for _, ci := range c.inds {
		if ci.Name.ZH != "" {
			names[ci.Name.ZH] = ci.ID
		}
	}
	return func(name string) (string, bool) {
		if _, ok := c.metricIndex[name]; ok {
			return name, true
		}
		if _, ok := c.indIndex[name]; ok {
			return name, true
		}
		id, ok := names[name]
		return id, ok
	}
}

// indicatorDeps lists the indicators a formula reads, on the unit or on its
// children, by position.
func (c *Catalog) indicatorDeps(p *rule.Program) []int {
	var deps []int
	for _, d := range p.Deps() {
		if j, ok := c.indIndex[d.ID]; ok {
			deps = append(deps, j)
		}
	}
	return deps
}

// sortIndicators orders indicators so that each comes after those it uses.
// plan.ValidateMeasures has ruled out cycles.
func (c *Catalog) sortIndicators() {
	done := make([]bool, len(c.inds))
	var visit func(i int)
	visit = func(i int) {
		if done[i] {
			return
		}
		done[i] = true
		for _, d := range c.inds[i].deps {
			visit(d)
		}
		c.order = append(c.order, i)
	}
	for i := range c.inds {
		visit(i)
	}
}

// Metrics returns the catalogue's metrics in the order they were given.
func (c *Catalog) Metrics() []plan.Metric { return append([]plan.Metric(nil), c.metrics...) }

// Metric returns a metric by id.
func (c *Catalog) Metric(id string) (plan.Metric, bool) {
	i, ok := c.metricIndex[id]
	if !ok {
		return plan.Metric{}, false
	}
	return c.metrics[i], true
}

// Indicators returns the catalogue's indicators in the order they were given.
func (c *Catalog) Indicators() []plan.Indicator {
	out := make([]plan.Indicator, len(c.inds))
	for i := range c.inds {
		out[i] = c.inds[i].Indicator
	}
	return out
}

// Indicator returns an indicator by id.
func (c *Catalog) Indicator(id string) (plan.Indicator, bool) {
	i, ok := c.indIndex[id]
	if !ok {
		return plan.Indicator{}, false
	}
	return c.inds[i].Indicator, true
}

// NatureOf returns whether an indicator binds, with 力争 in its target
// taken into account.
func (c *Catalog) NatureOf(id string) plan.Nature {
	if i, ok := c.indIndex[id]; ok {
		return c.inds[i].nature
	}
	return ""
}

// Target returns an indicator's parsed target: the default, which every
// unit its per-unit targets (plan.Indicator.UnitTargets) do not name is
// held to. A result's TargetInfo is the unit's own.
func (c *Catalog) Target(id string) (rule.Target, bool) {
	i, ok := c.indIndex[id]
	if !ok {
		return rule.Target{}, false
	}
	return c.inds[i].target, true
}

// Formula returns an indicator's compiled formula.
func (c *Catalog) Formula(id string) (*rule.Program, bool) {
	i, ok := c.indIndex[id]
	if !ok {
		return nil, false
	}
	return c.inds[i].formula, true
}

// Places returns where the plan states an indicator.
func (c *Catalog) Places(id string) []plan.Place { return c.places[id] }

// Fields tells data readers how to read every metric, and every indicator
// a unit may report directly instead of its inputs.
func (c *Catalog) Fields() []dataset.Field {
	fs := make([]dataset.Field, 0, len(c.metrics)+len(c.inds))
	// A percent metric may pass 100% where an indicator that may (a gross
	// rate) reads it: the plan declares may_exceed_100 on indicators only.
	mayExceed := map[string]bool{}
	for _, ci := range c.inds {
		if ci.MayExceed100 {
			for _, d := range ci.formula.Deps() {
				mayExceed[d.ID] = true
			}
		}
	}
	for _, m := range c.metrics {
		f := field(m.ID, m.Name, m.Unit, m.Integral)
		f.Reports = expectsFrom(m)
		f.MayExceed100 = mayExceed[m.ID]
		fs = append(fs, f)
	}
	for _, ci := range c.inds {
		f := field(ci.ID, ci.Name, ci.Unit, false)
		f.MayExceed100 = ci.MayExceed100
		fs = append(fs, f)
	}
	return fs
}

func field(id string, name msg.Text, u plan.Unit, integral bool) dataset.Field {
	f := dataset.Field{ID: id, Percent: u == plan.Percent, Integral: integral}
	for _, n := range []string{name.ZH, name.EN} {
		if n != "" {
			f.Names = append(f.Names, n)
		}
	}
	return f
}

// expectsFrom says which units a reader expects a metric's figure from: the
// units its ReportedBy names and, for a metric that sums up, any unit above
// the schools, which may give its own total instead of the sum (a district
// checking itself without a file of its schools). A figure from any other
// unit is read and used as always, with a warning naming the cell.
func expectsFrom(m plan.Metric) func(dataset.OrgUnit) bool {
	return func(u dataset.OrgUnit) bool {
		return reports(m.ReportedBy, u) || (u.Level != org.School && m.Aggregate == plan.Sum)
	}
}

// reports tells whether a metric's ReportedBy scope names a unit as one
// that reports the figure itself. Unlike Applies, a scope of kinds alone
// names schools only: a district sums its kindergartens' figures rather
// than reporting them.
func reports(s plan.Scope, u dataset.OrgUnit) bool {
	if u.Level != org.School && len(s.Levels) == 0 && len(s.Kinds) > 0 {
		return false
	}
	return s.Applies(u.Level, u.Kind)
}

func contains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// FormMetrics lists the metrics a unit of the given level and kind enters
// on a form: every figure such a unit reports that some indicator uses —
// its own, or a parent's through a sum or an aggregate (a kindergarten's
// enrolment feeds the district's enrolment rate) — and, above the schools,
// the totals its own indicators need, for a district that assesses itself
// without a file of its schools. Order follows the catalogue.
func (c *Catalog) FormMetrics(level org.Level, kind org.Kind) []plan.Metric {
	u := dataset.OrgUnit{Level: level, Kind: kind}
	// used: what any indicator reads, here or below; own: what an
	// indicator that concerns this unit reads on the unit itself (its
	// aggregates read the child units' figures, not this unit's).
	used, own := map[string]bool{}, map[string]bool{}
	for _, ci := range c.inds {
		deps, _ := c.Deps(ci.ID)
		applies := ci.AppliesTo.Applies(u.Level, u.Kind)
		for _, d := range deps {
			used[d.ID] = true
			if applies && !d.Children {
				own[d.ID] = true
			}
		}
	}
	var out []plan.Metric
	for _, m := range c.metrics {
		reports := reports(m.ReportedBy, u)
		if (reports && used[m.ID]) || (own[m.ID] && level != org.School && m.Aggregate == plan.Sum) {
			out = append(out, m)
		}
	}
	return out
}

// ApplicableIndicators lists the indicators assessed for a unit of the given
// level and kind, in catalogue order.
func (c *Catalog) ApplicableIndicators(level org.Level, kind org.Kind) []plan.Indicator {
	u := dataset.OrgUnit{Level: level, Kind: kind}
	var out []plan.Indicator
	for _, ci := range c.inds {
		if ci.AppliesTo.Applies(u.Level, u.Kind) {
			out = append(out, ci.Indicator)
		}
	}
	return out
}

// Levels are the levels of the plan the catalogue was compiled from, from
// the top with their names: city, district and school for a catalogue of a
// plan that declares none, or one built by NewCatalog. The slice is the
// caller's own.
func (c *Catalog) Levels() org.Hierarchy { return append(org.Hierarchy(nil), c.levels...) }

// Compile compiles a plan's metrics and indicators, with the places in the
// plan that state each indicator, ready to assess data. A plan that
// plan.Load accepted always compiles.
//
// The plan's validation rules are compiled too (Catalog.WithRules).
func Compile(p *plan.Plan) (*Catalog, error) {
	c, err := newCatalog(p.Levels, p.Metrics, p.Indicators, p.Places())
	if err != nil || len(p.ValidationRules) == 0 {
		return c, err
	}
	return c.WithRules(p.ValidationRules)
}
