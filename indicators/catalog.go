package indicators

import (
	"fmt"
	"strings"

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
	// info is the target as reports show it, made once.
	info TargetInfo
	// deps are the indicators the formula (or its aggregates) uses.
	deps []int
}

// NewCatalog compiles metrics and indicators. places tells, for each
// indicator id, where the plan states it; it may be nil. The error, if any,
// is a Problems listing every metric and indicator that does not compile,
// with paths such as "indicators[3].target", and the catalogue is then nil.
func NewCatalog(metrics []plan.Metric, inds []plan.Indicator, places map[string][]plan.Place) (*Catalog, error) {
	c := &Catalog{
		metrics:     append([]plan.Metric(nil), metrics...),
		metricIndex: make(map[string]int, len(metrics)),
		indIndex:    make(map[string]int, len(inds)),
		places:      places,
		limits:      rule.DefaultLimits,
	}
	var probs msg.Problems
	for i, m := range metrics {
		path := fmt.Sprintf("metrics[%d]", i)
		if m.ID == "" {
			probs.Addf(path+".id", "缺少编号 / missing id")
			continue
		}
		if _, dup := c.metricIndex[m.ID]; dup {
			probs.Addf(path+".id", "编号 %q 重复 / duplicate id %q", m.ID, m.ID)
			continue
		}
		if !m.Unit.Known() {
			probs.Addf(path+".unit", "未知的计量单位 %q / unknown unit %q", m.Unit, m.Unit)
		}
		if m.Aggregate != plan.Sum && m.Aggregate != plan.None {
			probs.Addf(path+".aggregate", "汇总方式应为 sum 或 none / aggregate must be \"sum\" or \"none\", not %q", m.Aggregate)
		}
		c.metricIndex[m.ID] = i
	}
	for i, ind := range inds {
		path := fmt.Sprintf("indicators[%d]", i)
		if ind.ID == "" {
			probs.Addf(path+".id", "缺少编号 / missing id")
			continue
		}
		if _, dup := c.indIndex[ind.ID]; dup {
			probs.Addf(path+".id", "编号 %q 重复 / duplicate id %q", ind.ID, ind.ID)
			continue
		}
		if _, clash := c.metricIndex[ind.ID]; clash {
			probs.Addf(path+".id", "编号 %q 已用作数据项 / id %q is already a metric id", ind.ID, ind.ID)
			continue
		}
		c.indIndex[ind.ID] = len(c.inds)
		c.inds = append(c.inds, compiled{Indicator: ind})
	}
	resolve := c.resolver()
	for i := range c.inds {
		ci := &c.inds[i]
		path := fmt.Sprintf("indicators[%d]", indexOf(inds, ci.ID))
		if !ci.Unit.Known() {
			probs.Addf(path+".unit", "未知的计量单位 %q / unknown unit %q", ci.Unit, ci.Unit)
		}
		prog, err := rule.CompileFormula(ci.Formula, resolve, c.limits)
		if err != nil {
			probs.Addf(path+".formula", "%v", err)
		} else {
			ci.formula = prog
			ci.vars, ci.aggs = prog.Vars(), prog.Aggregates()
			ci.deps = c.indicatorDeps(prog)
		}
		t, err := rule.ParseTarget(ci.Target)
		if err != nil {
			probs.Addf(path+".target", "%v", err)
		} else if t.Op == "" {
			probs.Addf(path+".target", "目标没有比较 / the target compares nothing: %q", ci.Target)
		} else {
			ci.target = t
			ci.info = targetInfo(t)
		}
		switch {
		case ci.Nature == "" && t.Aspirational:
			ci.nature = plan.Aspirational
		case ci.Nature == "":
			ci.nature = plan.Binding
		case ci.Nature == plan.Binding && t.Aspirational:
			probs.Addf(path+".nature", "目标写有“力争”，不能是约束性 / the target says 力争 (aspirational) but nature is binding")
		case ci.Nature != plan.Binding && ci.Nature != plan.Aspirational:
			probs.Addf(path+".nature", "性质应为 binding 或 aspirational / nature must be \"binding\" or \"aspirational\", not %q", ci.Nature)
		default:
			ci.nature = ci.Nature
		}
	}
	if len(probs) == 0 {
		if err := c.sortIndicators(inds); err != nil {
			probs = append(probs, err...)
		}
	}
	if len(probs) > 0 {
		// A half-compiled catalogue must not be usable by a caller who
		// forgets the error.
		return nil, probs
	}
	return c, nil
}

func indexOf(inds []plan.Indicator, id string) int {
	for i := range inds {
		if inds[i].ID == id {
			return i
		}
	}
	return -1
}

// resolver maps a name in a formula to a metric or indicator id: ids first,
// then Chinese names.
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

func (c *Catalog) indicatorDeps(p *rule.Program) []int {
	var deps []int
	add := func(ids []string) {
		for _, id := range ids {
			if j, ok := c.indIndex[id]; ok {
				deps = append(deps, j)
			}
		}
	}
	add(p.Vars())
	for _, a := range p.Aggregates() {
		add(a.Vars()) // the weight of a weighted cv too
	}
	return deps
}

// sortIndicators orders indicators so that each comes after those it uses,
// and reports cycles.
func (c *Catalog) sortIndicators(inds []plan.Indicator) msg.Problems {
	const (
		unseen = iota
		visiting
		done
	)
	mark := make([]int, len(c.inds))
	var probs msg.Problems
	var visit func(i int, chain []string)
	visit = func(i int, chain []string) {
		switch mark[i] {
		case done:
			return
		case visiting:
			probs.Addf(fmt.Sprintf("indicators[%d].formula", indexOf(inds, c.inds[i].ID)),
				"指标循环引用 / indicators use each other in a circle: %s", strings.Join(append(chain, c.inds[i].ID), " → "))
			return
		}
		mark[i] = visiting
		for _, d := range c.inds[i].deps {
			visit(d, append(chain, c.inds[i].ID))
		}
		mark[i] = done
		c.order = append(c.order, i)
	}
	for i := range c.inds {
		visit(i, nil)
	}
	return probs
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

// Target returns an indicator's parsed target.
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
	for _, m := range c.metrics {
		fs = append(fs, field(m.ID, m.Name, m.Unit, m.Integral))
	}
	for _, ci := range c.inds {
		fs = append(fs, field(ci.ID, ci.Name, ci.Unit, false))
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
	used, own := map[string]bool{}, map[string]bool{}
	var walk func(p *rule.Program, into map[string]bool, aggregates bool)
	walk = func(p *rule.Program, into map[string]bool, aggregates bool) {
		for _, id := range p.Vars() {
			if j, ok := c.indIndex[id]; ok {
				walk(c.inds[j].formula, into, aggregates)
				continue
			}
			into[id] = true
		}
		if aggregates {
			for _, a := range p.Aggregates() {
				walk(a.Arg, into, true)
				if a.Weighted() {
					walk(a.Weight, into, true)
				}
			}
		}
	}
	for _, ci := range c.inds {
		if ci.formula == nil {
			continue
		}
		walk(ci.formula, used, true)
		if ci.AppliesTo.Applies(u.Level, u.Kind) {
			// Aggregates read the child units' figures, not this unit's.
			walk(ci.formula, own, false)
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

// Compile compiles a plan's metrics and indicators, with the places in the
// plan that state each indicator, ready to assess data. A plan that
// plan.Load accepted always compiles.
func Compile(p *plan.Plan) (*Catalog, error) {
	return NewCatalog(p.Metrics, p.Indicators, p.Places())
}
