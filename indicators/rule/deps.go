package rule

import "sort"

// Dep is a name a formula reads.
type Dep struct {
	// ID is the metric or indicator id, as the Resolver gave it.
	ID string
	// Children: the name is read on the child units, inside an aggregate's
	// argument, rather than on the unit assessed.
	Children bool
}

// Deps returns every name the formula reads, on the unit itself (Vars) and
// on its children (the arguments of its aggregates, weights included), sorted by id with the
// unit's own read first; a name read both ways is listed twice. It is the
// one walk over a formula that callers need: which figures a formula asks
// for, and which other indicators it builds on.
func (p *Program) Deps() []Dep {
	out := make([]Dep, 0, len(p.vars))
	for _, id := range p.vars {
		out = append(out, Dep{ID: id})
	}
	seen := map[string]bool{}
	for _, a := range p.aggs {
		for _, id := range a.Vars() {
			if !seen[id] {
				seen[id] = true
				out = append(out, Dep{ID: id, Children: true})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].ID != out[j].ID {
			return out[i].ID < out[j].ID
		}
		return !out[i].Children && out[j].Children
	})
	return out
}
