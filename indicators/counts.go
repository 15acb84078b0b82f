package indicators

// Add counts one status.
func (c *Counts) Add(s Status) { c.add(s) }

// Counts counts the statuses of the indicators that concern the unit at
// position i, binding and aspirational together: the one line a table of
// many units shows per unit. Indicators that do not concern it are not
// counted, nor results shown for reference only (ReferenceCounts counts
// those); a position out of range counts nothing.
func (e *Evaluation) Counts(i int) Counts {
	var c Counts
	if i < 0 || i >= len(e.data.Units) {
		return c
	}
	for ix := range e.inds {
		if s := e.inds[ix].status(i); s != cNotApplicable && !e.reference(ix, i) {
			c.add(s.status())
		}
	}
	return c
}
