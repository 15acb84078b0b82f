package dataset

// Field tells a reader how to read one metric's column: the header names it
// may appear under and how its cells are written.
type Field struct {
	// ID is the metric id; a header equal to it always matches.
	ID string
	// Names are other headers that mean this metric: its Chinese and English
	// names. A header may add the unit in brackets: "在园幼儿数（人）".
	Names []string
	// Percent: a plain number in a cell is read in percent (99.2 is 99.2%,
	// held as 0.992), and "99.2%" likewise.
	Percent bool
	// MayExceed100: a percent figure may pass 100% (a gross enrolment
	// rate); elsewhere a reader warns of one (WarnPercentOver100).
	MayExceed100 bool
	// Integral: the figure is a whole number (a count of pupils).
	Integral bool
	// Signed: the figure may be negative (a change, a balance). Figures are
	// otherwise counts, rates, money or areas, and a reader rejects "-3".
	Signed bool
	// Reports, when not nil, says which units the plan expects the figure
	// from (a metric's reported_by). A figure from any other unit is read
	// and used as usual, but the reader warns of it (WarnNotReportedBy) in
	// Source.Warnings, naming the cell: it is often a figure typed in the
	// wrong row or column. Nil: any unit may report it. It must decide by
	// the unit's level and kind alone: a reader asks it once for each
	// pair, not for every cell.
	Reports func(OrgUnit) bool
}
