package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// class is one kind of unit an indicator may be assessed for: a level, and
// for a school its kind.
type class struct {
	level org.Level
	kind  org.Kind
}

// reach works out, for a valid plan, where each figure can come from: a
// unit reports a metric itself when reported_by says so, and a city or a
// district gets the sum of a summed metric that units below it report.
type reach struct {
	p       *plan.Plan
	metrics map[string]*plan.Metric
	inds    map[string]*plan.Indicator
	lookup  func(string) (string, bool)
	kinds   []org.Kind
	// done caches whether an indicator can be computed for a class; busy
	// guards against a cycle, which validation refuses anyway.
	done map[string]map[class]bool
	busy map[string]bool
}

func newReach(p *plan.Plan) *reach {
	r := &reach{p: p, metrics: map[string]*plan.Metric{}, inds: map[string]*plan.Indicator{},
		done: map[string]map[class]bool{}, busy: map[string]bool{}}
	byName := map[string]string{}
	for i := range p.Metrics {
		m := &p.Metrics[i]
		r.metrics[m.ID] = m
		if _, ok := byName[m.Name.ZH]; !ok && m.Name.ZH != "" {
			byName[m.Name.ZH] = m.ID
		}
		for _, k := range m.ReportedBy.Kinds {
			if !slices.Contains(r.kinds, k) {
				r.kinds = append(r.kinds, k)
			}
		}
	}
	for i := range p.Indicators {
		ind := &p.Indicators[i]
		r.inds[ind.ID] = ind
		if _, ok := byName[ind.Name.ZH]; !ok && ind.Name.ZH != "" {
			byName[ind.Name.ZH] = ind.ID
		}
	}
	for _, kn := range org.KindNames() {
		if !slices.Contains(r.kinds, kn.Kind) {
			r.kinds = append(r.kinds, kn.Kind)
		}
	}
	r.lookup = func(name string) (string, bool) {
		if _, ok := r.metrics[name]; ok {
			return name, true
		}
		if _, ok := r.inds[name]; ok {
			return name, true
		}
		id, ok := byName[name]
		return id, ok
	}
	return r
}

// classes lists the classes a scope covers.
func (r *reach) classes(s plan.Scope) []class {
	var out []class
	for _, l := range org.Hierarchy(r.p.Levels).IDs() {
		if l != org.School {
			if s.Applies(l, "") {
				out = append(out, class{level: l})
			}
			continue
		}
		for _, k := range r.kinds {
			if s.Applies(l, k) {
				out = append(out, class{level: l, kind: k})
			}
		}
	}
	return out
}

// below lists the classes of the levels under c's.
func (r *reach) below(c class) []class {
	var out []class
	under := false
	for _, l := range org.Hierarchy(r.p.Levels).IDs() {
		if l == c.level {
			under = true
			continue
		}
		if under {
			out = append(out, r.classes(plan.Scope{Levels: []org.Level{l}})...)
		}
	}
	return out
}

// metric says whether a unit of class c can have metric m: it reports it,
// or it sums what units below report.
func (r *reach) metric(m *plan.Metric, c class) bool {
	if m.ReportedBy.Applies(c.level, c.kind) {
		return true
	}
	if m.Aggregate == plan.None {
		return false
	}
	for _, b := range r.below(c) {
		if m.ReportedBy.Applies(b.level, b.kind) {
			return true
		}
	}
	return false
}

// name says whether a unit of class c can have the metric or indicator id.
func (r *reach) name(id string, c class) bool {
	if m, ok := r.metrics[id]; ok {
		return r.metric(m, c)
	}
	if ind, ok := r.inds[id]; ok {
		return len(r.missing(ind, c)) == 0
	}
	return false
}

// missing lists what an indicator's formula reads that a unit of class c
// cannot have; nil when it can be computed there.
func (r *reach) missing(ind *plan.Indicator, c class) []string {
	if got, ok := r.done[ind.ID][c]; ok {
		if got {
			return nil
		}
		return []string{ind.ID}
	}
	if r.busy[ind.ID] {
		return nil
	}
	prog, err := rule.CompileFormula(ind.Formula, r.lookup, rule.DefaultLimits)
	if err != nil {
		return nil // validation reports the formula
	}
	r.busy[ind.ID] = true
	var miss []string
	for _, d := range prog.Deps() {
		ok := false
		if d.Children {
			for _, b := range r.below(c) {
				if r.name(d.ID, b) {
					ok = true
					break
				}
			}
		} else {
			ok = r.name(d.ID, c)
		}
		if !ok && !slices.Contains(miss, d.ID) {
			miss = append(miss, d.ID)
		}
	}
	delete(r.busy, ind.ID)
	if r.done[ind.ID] == nil {
		r.done[ind.ID] = map[class]bool{}
	}
	r.done[ind.ID][c] = len(miss) == 0
	return miss
}

// label names a metric or an indicator by its Chinese and English names.
func (r *reach) label(id string) msg.Text {
	var n msg.Text
	if m, ok := r.metrics[id]; ok {
		n = m.Name
	} else if ind, ok := r.inds[id]; ok {
		n = ind.Name
	}
	zh, en := n.ZH, n.EN
	if zh == "" {
		zh = id
	}
	if en == "" {
		en = zh
	}
	return msg.T(zh+"("+id+")", en+" ("+id+")")
}

// unreachable warns of each indicator that no unit it applies to can ever
// compute: the figures its formula reads are reported by no unit of those
// kinds and sum up to none of them. Such an indicator would read "no data"
// everywhere, or apply to nothing, and say nothing of why.
func unreachable(p *plan.Plan) msg.Problems {
	var ws msg.Problems
	r := newReach(p)
	for i := range p.Indicators {
		ind := &p.Indicators[i]
		cs := r.classes(ind.AppliesTo)
		if len(cs) == 0 {
			continue
		}
		// What every class lacks is what the author must fix.
		var common []string
		ok := false
		for k, c := range cs {
			miss := r.missing(ind, c)
			if len(miss) == 0 {
				ok = true
				break
			}
			if k == 0 {
				common = miss
				continue
			}
			common = slices.DeleteFunc(common, func(id string) bool { return !slices.Contains(miss, id) })
		}
		if ok {
			continue
		}
		scope := ind.AppliesTo.Name()
		path := fmt.Sprintf("indicators[%d].applies_to", i)
		if len(common) == 0 {
			ws.AddText(path, msg.Text{
				ZH: fmt.Sprintf("适用范围（%s）内没有一类单位能得到公式所需的全部数据：该指标将始终缺数据", scope.ZH),
				EN: fmt.Sprintf("no kind of unit it applies to (%s) can have every figure its formula reads: it would always lack data", scope.EN),
			})
			continue
		}
		var zh, en []string
		for _, id := range common {
			l := r.label(id)
			zh, en = append(zh, l.ZH), append(en, l.EN)
		}
		ws.AddText(path, msg.Text{
			ZH: fmt.Sprintf("适用范围（%s）内的单位都得不到 %s：既不由它们填报，也不能由下级单位汇总，该指标将始终缺数据；请核对 applies_to 或数据项的 reported_by",
				scope.ZH, strings.Join(zh, "、")),
			EN: fmt.Sprintf("no unit it applies to (%s) can have %s: none of them reports it and it sums up from none below, so the indicator would always lack data; check applies_to or the metrics' reported_by",
				scope.EN, strings.Join(en, ", ")),
		})
	}
	return ws
}
