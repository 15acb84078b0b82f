package indicators

import "github.com/eduplan/eduplan/indicators/rule"

// Deps returns the metrics an indicator needs, through the indicators its
// formula uses as well as directly, in catalogue order. A metric read on
// the child units — inside an aggregate, or through an indicator an
// aggregate reads — is marked Children; one read both ways is listed twice,
// the unit's own read first. The Deps of a metric is the metric itself.
// ok is false for an id the catalogue does not know.
func (c *Catalog) Deps(id string) (deps []rule.Dep, ok bool) {
	_, isMetric := c.metricIndex[id]
	_, isInd := c.indIndex[id]
	if !isMetric && !isInd {
		return nil, false
	}
	own, children := c.need(id)
	deps = []rule.Dep{}
	for _, m := range c.metrics {
		if own[m.ID] {
			deps = append(deps, rule.Dep{ID: m.ID})
		}
		if children[m.ID] {
			deps = append(deps, rule.Dep{ID: m.ID, Children: true})
		}
	}
	return deps, true
}

// need walks the formulas below id once for the unit itself and once for
// the units below it, and returns the metrics met each way.
func (c *Catalog) need(id string) (own, children map[string]bool) {
	own, children = map[string]bool{}, map[string]bool{}
	type key struct {
		id       string
		children bool
	}
	seen := map[key]bool{}
	var walk func(id string, below bool)
	walk = func(id string, below bool) {
		if seen[key{id, below}] {
			return
		}
		seen[key{id, below}] = true
		if _, ok := c.metricIndex[id]; ok {
			if below {
				children[id] = true
			} else {
				own[id] = true
			}
			return
		}
		i, ok := c.indIndex[id]
		if !ok || c.inds[i].formula == nil {
			return
		}
		for _, d := range c.inds[i].formula.Deps() {
			walk(d.ID, below || d.Children)
		}
	}
	walk(id, false)
	return own, children
}
