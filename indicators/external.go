//go:build !js

package indicators

import (
	"fmt"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// External is what an engine other than Evaluate computed for every unit
// of a dataset (a database running the SQL of package sqlgen): each
// metric's figure and each indicator's value and status, by unit
// position. EvaluationFrom makes an Evaluation of it, so that every
// report, writer and face works on figures computed where the data lives
// as on those computed here.
type External struct {
	// Metrics holds each metric's figures, by metric id.
	Metrics map[string]ExternalFigures
	// Indicators holds each indicator's values, by indicator id.
	Indicators map[string]ExternalValues
	// Warnings concern the figures as a whole (rows the other engine
	// left out, and why): reports carry them after the evaluation's own.
	Warnings []msg.Text
}

// ExternalFigures are one metric's figures at every unit: the unit's own
// or its children's sum, missing where a unit should have one and has
// none, not applicable where the metric does not concern the unit.
type ExternalFigures struct {
	Values []float64
	States []rule.State
	// Reported marks the units that reported the figure themselves.
	Reported []bool
}

// ExternalValues are one indicator's outcomes at every unit.
type ExternalValues struct {
	Status []Status
	// Values holds the value where Has is set: with a verdict, or beside
	// not computable for a percent above 100% that may not exceed it.
	Values []float64
	Has    []bool
	// Reported marks the units that reported the indicator's value
	// themselves rather than its figures.
	Reported []bool
}

// EvaluationFrom makes an Evaluation of d from figures and outcomes
// computed elsewhere. Statuses and values are x's; what a report adds to
// explain them is worked out here from x's figures, as Evaluate does from
// its own: the inputs and where each came from, the units below that did
// not report one, the members of each aggregate, the figures a parent
// reported that differ from its children's sum (the parent's own is used,
// ParentOwn), and the validation rules. An error names what x lacks or
// holds that d's units cannot have.
func EvaluationFrom(c *Catalog, d *dataset.Dataset, x External) (*Evaluation, error) {
	n := len(d.Units)
	var probs msg.Problems
	sized := func(path string, lens ...int) bool {
		for _, l := range lens {
			if l != n {
				probs.Add(path, "有 %d 个值，而单位有 %d 个", "has %d values for %d units", l, n)
				return false
			}
		}
		return true
	}
	for _, m := range c.metrics {
		f, ok := x.Metrics[m.ID]
		if !ok {
			probs.Add("metrics."+m.ID, "缺少这一数据项", "is missing")
			continue
		}
		sized("metrics."+m.ID, len(f.Values), len(f.States), len(f.Reported))
	}
	for _, ci := range c.inds {
		v, ok := x.Indicators[ci.ID]
		if !ok {
			probs.Add("indicators."+ci.ID, "缺少这一指标", "is missing")
			continue
		}
		if sized("indicators."+ci.ID, len(v.Status), len(v.Values), len(v.Has), len(v.Reported)) {
			for i, st := range v.Status {
				if !st.Known() {
					probs.Add(fmt.Sprintf("indicators.%s.status[%d]", ci.ID, i), "未知状态 %q", "unknown status %q", string(st))
				}
			}
		}
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	// An evaluation of the units alone, its figures all missing, then
	// every figure and outcome replaced by x's: Evaluate's own making of
	// an evaluation, rather than a second one to keep in step with it
	// (and no code added to the page, which links Evaluate but not this).
	units := dataset.New(d.Year)
	units.Levels, units.Source = d.Levels, d.Source
	for _, u := range d.Units {
		if err := units.Add(u); err != nil {
			return nil, err
		}
	}
	e, err := c.EvaluateWith(units, Options{ParentFigures: ParentOwn})
	if err != nil {
		return nil, err
	}
	e.data = d
	e.mismatches, e.mismatchAt = nil, nil
	for k, m := range c.metrics {
		f := x.Metrics[m.ID]
		v := rule.Vector{V: append([]float64(nil), f.Values...), S: append([]rule.State(nil), f.States...)}
		origins := make([]Origin, n)
		for i := range origins {
			switch {
			case f.Reported[i]:
				origins[i] = Reported
			case v.S[i] == rule.OK:
				origins[i] = Summed
			case v.S[i] == rule.Skip:
				origins[i] = Irrelevant
			default:
				origins[i] = Absent
			}
		}
		// The column is x's: metricCol must not sum it again from d.
		e.metricOnce[k].Do(func() {})
		e.metricCols[k] = pack(v, origins, nil, metricDefault)
		if m.Aggregate != plan.Sum {
			continue
		}
		for _, i := range e.order {
			if chs := d.Children(i); origins[i] == Reported && len(chs) > 0 {
				if sum, cnt, ok := childrenSum(v, chs); ok && disagree(v.V[i], sum, cnt, m.Integral) {
					e.addMismatch(k, m, i, v.V[i], sum, cnt)
				}
			}
		}
	}
	for ix := range c.inds {
		ci := &c.inds[ix]
		got := x.Indicators[ci.ID]
		val := rule.Vector{V: make([]float64, n), S: make([]rule.State, n)}
		st := make([]code, n)
		derived := make([]Origin, n)
		e.over[ix] = nil
		for i, s := range got.Status {
			st[i] = codeOf(s)
			derived[i] = Computed
			if got.Reported[i] {
				derived[i] = Reported
			}
			if got.Has[i] {
				val.V[i] = got.Values[i]
			}
			switch s {
			case Met, NotMet, NoTarget:
				val.S[i] = rule.OK
			case NotComputable:
				val.S[i] = rule.Undefined
				if got.Has[i] {
					if e.over[ix] == nil {
						e.over[ix] = make([]bool, n)
					}
					e.over[ix][i] = true
				}
			case NotApplicable:
				val.S[i] = rule.Skip
			default:
				val.S[i] = rule.Missing
			}
		}
		e.inds[ix] = pack(val, derived, st, indicatorDefault)
	}
	// The members of each aggregate, once every indicator's values are in
	// place: an aggregate reads the values of others.
	sc := &evalScratch{}
	for ix := range c.inds {
		ci := &c.inds[ix]
		e.aggs[ix], e.argVals[ix] = e.reduceAggregates(ci.formula, ci.Over, n, sc)
	}
	e.evalRules(n, sc)
	e.warnings = append(e.warnings, x.Warnings...)
	return e, nil
}

func codeOf(s Status) code {
	for c, st := range codeStatus {
		if st == s {
			return code(c)
		}
	}
	return cNoData
}
