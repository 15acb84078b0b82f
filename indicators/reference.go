package indicators

import "github.com/eduplan/eduplan/indicators/dataset"

// referenceClasses decides once per class of unit, for each indicator whose
// plan says whom its target is for (TargetFor), which units see the target
// for reference only: those it applies to that the target is not for.
func (e *Evaluation) referenceClasses() {
	e.refClass = make([][]bool, len(e.cat.inds))
	for ix := range e.cat.inds {
		ci := &e.cat.inds[ix]
		if ci.TargetFor == nil {
			continue
		}
		e.refClass[ix] = e.perClass(func(u dataset.OrgUnit) bool {
			return ci.AppliesTo.Applies(u.Level, u.Kind) && !ci.TargetIsVerdict(u.Level, u.Kind)
		})
	}
}

// reference reports whether the result of the indicator at catalogue
// position ix for the unit at position i is shown for reference: the plan
// sets the target for other units, and does not give this one a target of
// its own (a unit the plan names is held to what it names).
func (e *Evaluation) reference(ix, i int) bool {
	r := e.refClass[ix]
	if r == nil || !r[e.classOf[i]] {
		return false
	}
	own := e.own[ix]
	return own == nil || own[i] == 0
}

// Reference reports whether an indicator's result for the unit at position
// i is shown for reference only (Result.Reference); false for an indicator
// the catalogue does not have or a position the dataset does not have.
func (e *Evaluation) Reference(indicator string, i int) bool {
	ix, ok := e.cat.indIndex[indicator]
	if !ok || i < 0 || i >= len(e.data.Units) {
		return false
	}
	return e.reference(ix, i)
}

// ReferenceCounts counts, by status, the results of the unit at position i
// that are shown for reference only, which Counts leaves out.
func (e *Evaluation) ReferenceCounts(i int) Counts {
	var c Counts
	if i < 0 || i >= len(e.data.Units) {
		return c
	}
	for ix := range e.inds {
		if s := e.inds[ix].status(i); s != cNotApplicable && e.reference(ix, i) {
			c.add(s.status())
		}
	}
	return c
}
