package indicators

import (
	"io"

	"github.com/eduplan/eduplan/org"
)

// Source is a report as its writers read it: the report's own fields, and
// its units one at a time. A *Report is one, its units all in memory; a
// *Stream is one that builds each unit's results only when a writer
// reaches them, so that a report of half a million schools is never whole
// in memory. They are the only two: the writers need what a report's
// header is made of from them.
type Source interface {
	// Header is the report less its units: plan, year, warnings,
	// validation, data quality, hierarchy. Its Units are not the
	// report's (a stream's are empty): read them with Each.
	Header() *Report
	// Each gives each unit in report order, stopping at fn's first error.
	// The unit, its results and their values are fn's only until fn
	// returns: a Stream builds the next unit in the same memory. fn
	// copies what it keeps.
	Each(fn func(u *UnitReport) error) error
	// heads gives the header of ReportFormat: each indicator's text and
	// each input's name once.
	heads() ([]indicatorHead, []inputHead)
}

// Header returns r itself.
func (r *Report) Header() *Report { return r }

// Each gives each of r's units in turn; a nil report has none.
func (r *Report) Each(fn func(u *UnitReport) error) error {
	if r == nil {
		return nil
	}
	for i := range r.Units {
		if err := fn(&r.Units[i]); err != nil {
			return err
		}
	}
	return nil
}

// Stream is the report of an evaluation, built a unit at a time as a
// writer asks for it (Evaluation.Stream). Its units are built anew on each
// pass, the same each time.
type Stream struct {
	head *Report
	// Visit, when set, sees each unit's report before the writer does and
	// may change it (keep only some results, as reportfmt.KeepProblems
	// does): a face counts and lists what it needs as the report goes by.
	// It runs on every pass, so a face that counts with it writes once.
	Visit func(u *UnitReport)
	ev    *Evaluation
	keep  []bool
	opt   Options
	total int
}

// Stream checks opt as Report does and returns the report to be built a
// unit at a time. Its Header is filled at once; a face sets Plan and
// DataQuality on it as on a Report.
func (e *Evaluation) Stream(opt Options) (*Stream, error) {
	if err := e.Err(); err != nil {
		return nil, err
	}
	if p, err := ParseParentFigures(string(opt.ParentFigures)); err != nil {
		return nil, err
	} else if opt.ParentFigures != "" && p != e.parent {
		// The choice shapes every figure: a report cannot change it
		// after the evaluation.
		return nil, msgParentFigures(e.parent, p)
	}
	keep, err := e.selection(opt.Units)
	if err != nil {
		return nil, err
	}
	total := len(e.data.Units)
	if keep != nil {
		total = 0
		for _, k := range keep {
			if k {
				total++
			}
		}
	}
	head := &Report{Year: e.data.Year, Levels: reportLevels(e.cat.levels), Warnings: e.Warnings(), Hierarchy: e.mismatchesOf(keep), Validation: e.validation(keep)}
	return &Stream{head: head, ev: e, keep: keep, opt: opt, total: total}, nil
}

// Header is the report less its units.
func (s *Stream) Header() *Report { return s.head }

// reportLevels are the levels a report carries: none for the default
// hierarchy with its usual names, which every reader knows, so that the
// seed's reports read as they always did.
func reportLevels(h org.Hierarchy) org.Hierarchy {
	if h.IsDefault() {
		same := true
		for _, d := range h {
			same = same && d.Name == d.ID.Name()
		}
		if same {
			return nil
		}
	}
	return append(org.Hierarchy(nil), h...)
}

// Len is the number of units the report holds.
func (s *Stream) Len() int { return s.total }

// Each builds each selected unit's report in dataset order, shows it to
// Visit, and gives it to fn; Options.Progress hears of each. Each unit is
// built in the memory of the one before: fn must not keep it (Report
// keeps them all).
func (s *Stream) Each(fn func(u *UnitReport) error) error {
	return s.each(fn, &unitScratch{}, nil)
}

// Report builds every unit, each shown to Visit, into a whole report: for
// a writer that lays out or counts the whole before it writes.
func (s *Stream) Report() (*Report, error) {
	r := *s.head
	r.Units = make([]UnitReport, 0, s.total)
	err := s.each(func(*UnitReport) error { return nil }, &unitScratch{keep: true}, func() *UnitReport {
		r.Units = r.Units[:len(r.Units)+1]
		return &r.Units[len(r.Units)-1]
	})
	return &r, err
}

// each is Each, building the units in sc's memory, each in the place slot
// gives (sc's own unit when slot is nil).
func (s *Stream) each(fn func(u *UnitReport) error, sc *unitScratch, slot func() *UnitReport) error {
	done := 0
	for i := range s.ev.data.Units {
		if s.keep != nil && !s.keep[i] {
			continue
		}
		// In place, not in a variable of its own that fn's taking its
		// address would move to the heap, once per unit.
		u := &sc.unit
		if slot != nil {
			u = slot()
		}
		s.ev.unitReport(u, i, s.opt, sc)
		if s.Visit != nil {
			s.Visit(u)
		}
		if err := fn(u); err != nil {
			return err
		}
		done++
		if s.opt.Progress != nil {
			s.opt.Progress(done, s.total)
		}
	}
	return nil
}

// heads finds, from the statuses alone, the indicators and inputs the
// units' results will show, in the order a Report's heads finds them:
// building every result twice would double the cost of a report.
func (s *Stream) heads() ([]indicatorHead, []inputHead) {
	e := s.ev
	var heads []indicatorHead
	var inputs []inputHead
	at := make([]int, len(e.cat.inds)) // 1 + position in heads
	seen := map[string]bool{}
	for i := range e.data.Units {
		if s.keep != nil && !s.keep[i] {
			continue
		}
		for ix := range e.cat.inds {
			st := e.inds[ix].status(i)
			if st == cNotApplicable && !s.opt.NotApplicable {
				continue
			}
			ci := &e.cat.inds[ix]
			if at[ix] == 0 {
				heads = append(heads, indicatorHead{ID: ci.ID, Name: ci.Name, Nature: ci.nature, Unit: ci.Unit, Decimals: ci.Decimals,
					Formula: ci.Formula, Wording: ci.Wording, Places: ci.places, Target: *e.info(ix, i)})
				at[ix] = len(heads)
			} else if h := &heads[at[ix]-1]; h.Target.Override != nil {
				if t := e.info(ix, i); t.Override == nil {
					h.Target = *t
				}
			}
			if st == cNotApplicable || e.inds[ix].origin(i) == Reported {
				continue // a result without inputs
			}
			for _, id := range ci.vars {
				if !seen[id] {
					seen[id] = true
					inputs = append(inputs, e.inputHead(id))
				}
			}
		}
	}
	return heads, inputs
}

// inputHead is the name and unit an input figure shows under (input).
func (e *Evaluation) inputHead(id string) inputHead {
	if mi, ok := e.cat.metricIndex[id]; ok {
		m := &e.cat.metrics[mi]
		return inputHead{ID: id, Name: m.Name, Unit: m.Unit}
	}
	ci := &e.cat.inds[e.cat.indIndex[id]]
	return inputHead{ID: id, Name: ci.Name, Unit: ci.Unit}
}

// WriteJSON writes the report as Report.WriteJSON writes it, building
// each unit's results only as it writes them.
func (s *Stream) WriteJSON(w io.Writer) error { return writeJSON(w, s, "") }

// WriteJSONIndent is WriteJSON indented, as Report.WriteJSONIndent.
func (s *Stream) WriteJSONIndent(w io.Writer) error { return writeJSON(w, s, "  ") }
