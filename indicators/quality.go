package indicators

import (
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// DataQuality summarises one data file before anything is assessed: which
// units it holds, how many of the figures the plan expects from them are
// there, which cells said "missing" and with what marker, what the reader
// warned of, and how complete each district's return is. A bureau checks a
// return with it; view.Quality words it.
type DataQuality struct {
	// File and Encoding are where the figures were read from.
	File     string `json:"file,omitempty"`
	Encoding string `json:"encoding,omitempty"`
	// Units counts the units by level and kind, in the order they first
	// occur.
	Units []UnitCount `json:"units"`
	// Expected is how many figures the plan expects from the units (see
	// Catalog.Quality); Present how many of them the file gives; Missing
	// the difference, whether left empty or marked.
	Expected int `json:"figures_expected"`
	Present  int `json:"figures_present"`
	Missing  int `json:"figures_missing"`
	// MissingByMarker counts the cells that said "missing" with a marker
	// ("--", "…", null); MissingCells lists the first of them
	// (dataset.MaxListed).
	MissingByMarker []dataset.MarkerCount `json:"missing_by_marker,omitempty"`
	MissingCells    []dataset.MissingCell `json:"missing_cells,omitempty"`
	// Warnings counts the cells read as written that look wrong (a percent
	// written as a fraction, a figure from a unit the plan does not expect
	// it from); WarningList lists them.
	Warnings    int        `json:"warnings"`
	WarningList []CellNote `json:"warning_list,omitempty"`
	// RuleViolations counts the validation rules the figures break.
	RuleViolations int `json:"rule_violations"`
	// Districts gives each district's completeness: its own figures and
	// those of every unit below it.
	Districts []DistrictQuality `json:"districts,omitempty"`
}

// MissingCount is how many cells said "missing" with a marker.
func (q *DataQuality) MissingCount() int {
	n := 0
	for _, m := range q.MissingByMarker {
		n += m.Count
	}
	return n
}

// UnitCount is how many units of one level and kind a file holds.
type UnitCount struct {
	Level org.Level `json:"level"`
	Kind  org.Kind  `json:"kind,omitempty"`
	Count int       `json:"count"`
}

// DistrictQuality is how complete one district's return is.
type DistrictQuality struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Expected int    `json:"figures_expected"`
	Present  int    `json:"figures_present"`
	// Share is Present/Expected, 1 when nothing is expected.
	Share float64 `json:"share"`
}

// CellNote is a cell a reader warned of, in a form a report keeps.
type CellNote struct {
	File   string   `json:"file,omitempty"`
	Row    int      `json:"row,omitempty"`
	Column int      `json:"column,omitempty"`
	Path   string   `json:"path,omitempty"`
	Header string   `json:"header,omitempty"`
	Unit   string   `json:"unit,omitempty"`
	Text   string   `json:"text"`
	Code   string   `json:"code,omitempty"`
	Reason msg.Text `json:"reason"`
}

// Quality summarises the dataset d as read from a file. A unit is expected
// to give a metric's figure when the metric's reported_by names it — except
// a figure that sums up the hierarchy, where a unit with units below it
// that give the figure is not expected to give it too (their sum stands in
// for it), while a unit above the schools with none below that gives it is
// expected to give its own total where its own indicators need it (as its
// form asks: FormMetrics). Indicators' values a file may give are not
// counted. A figure is present when the unit gave it itself. Rule
// violations are the validation rules broken on some unit (ruleViolations).
func (c *Catalog) Quality(d *dataset.Dataset) *DataQuality {
	return c.quality(d, nil)
}

// QualityWith is Quality for a dataset already evaluated as ev: the rule
// violations are counted from ev rather than from a second evaluation of
// the whole dataset, when ev is of this catalogue and dataset and took the
// parents' own figures, as Quality does (otherwise they are counted as
// Quality counts them). The numbers are Quality's either way.
func (c *Catalog) QualityWith(d *dataset.Dataset, ev *Evaluation) *DataQuality {
	if ev == nil || ev.cat != c || ev.data != d || ev.parent != ParentOwn {
		ev = nil
	}
	return c.quality(d, ev)
}

func (c *Catalog) quality(d *dataset.Dataset, ev *Evaluation) *DataQuality {
	q := &DataQuality{File: d.Source.File, Encoding: string(d.Source.Encoding), Units: []UnitCount{},
		MissingByMarker: d.Source.MissingByMarker, MissingCells: d.Source.Missing, Warnings: d.Source.WarningCount()}
	// The units fall into a few classes of level and kind, counted in
	// q.Units; class gives each unit's.
	class := make([]int, len(d.Units))
	for i, u := range d.Units {
		k := 0
		for k < len(q.Units) && (q.Units[k].Level != u.Level || q.Units[k].Kind != u.Kind) {
			k++
		}
		if k == len(q.Units) {
			q.Units = append(q.Units, UnitCount{Level: u.Level, Kind: u.Kind})
		}
		q.Units[k].Count++
		class[i] = k
	}
	for _, w := range d.Source.Warnings {
		if len(q.WarningList) == dataset.MaxListed {
			break
		}
		q.WarningList = append(q.WarningList, CellNote{File: w.File, Row: w.Row, Column: w.Column, Path: w.Path,
			Header: w.Header, Unit: w.Unit, Text: w.Text, Code: w.Code(), Reason: w.Reason})
	}

	n := len(d.Units)
	expected := make([]int, n) // per unit, its own
	present := make([]int, n)
	order := postOrder(d)
	// A unit above the schools with none below giving a summed figure
	// enters its own total where its own indicators need it, as its form
	// asks (FormMetrics), computed once per class.
	forms := make([][]plan.Metric, len(q.Units))
	onForm := func(k int, id string) bool {
		if forms[k] == nil {
			forms[k] = append(c.FormMetrics(q.Units[k].Level, q.Units[k].Kind), plan.Metric{})
		}
		for _, m := range forms[k] {
			if m.ID == id {
				return true
			}
		}
		return false
	}
	// Whether a unit with no units below is expected to give a figure
	// depends on its class alone, and nearly every unit (every school) is
	// one: they are counted per class, and only the few units with units
	// below are walked for each metric. Each of those keeps the classes of
	// its leaves and its children that are not leaves, in the walk's order
	// (children first, as every leaf comes before its parent).
	var parents []int
	leafClasses := make(map[int][]int)
	innerChildren := make(map[int][]int)
	for _, i := range order {
		chs := d.Children(i)
		if len(chs) == 0 {
			continue
		}
		parents = append(parents, i)
		var ks, inner []int
		for _, ch := range chs {
			if len(d.Children(ch)) > 0 {
				inner = append(inner, ch)
			} else if !contains(ks, class[ch]) {
				ks = append(ks, class[ch])
			}
		}
		leafClasses[i], innerChildren[i] = ks, inner
	}
	leafExp := make([]bool, len(q.Units))  // per class, for the metric at hand
	leafCount := make([]int, len(q.Units)) // per class, over all metrics
	below := make([]bool, n)               // some unit at or below gives the figure
	has := make([]bool, n)
	byClass := make([]bool, len(q.Units))
	for _, m := range c.metrics {
		for k, u := range q.Units {
			byClass[k] = reports(m.ReportedBy, dataset.OrgUnit{Level: u.Level, Kind: u.Kind})
			leafExp[k] = byClass[k] ||
				m.Aggregate == plan.Sum && u.Level != org.School && onForm(k, m.ID)
			if leafExp[k] {
				leafCount[k]++
			}
		}
		// The column holds only the units with a figure.
		units, _ := d.Column(m.ID).Figures()
		for _, i := range units {
			has[i] = true
			if len(d.Children(int(i))) == 0 && leafExp[class[i]] {
				present[i]++
			}
		}
		for _, i := range parents {
			b := false
			for _, k := range leafClasses[i] {
				b = b || leafExp[k]
			}
			for _, ch := range innerChildren[i] {
				b = b || below[ch]
			}
			below[i] = b
			k := class[i]
			exp := byClass[k] && !(m.Aggregate == plan.Sum && b)
			if !exp && m.Aggregate == plan.Sum && !b && d.Units[i].Level != org.School {
				exp = onForm(k, m.ID)
			}
			if !exp {
				continue
			}
			below[i] = true
			expected[i]++
			if has[i] {
				present[i]++
			}
		}
		for _, i := range units {
			has[i] = false
		}
	}
	for i := range d.Units {
		if len(d.Children(i)) == 0 {
			expected[i] = leafCount[class[i]]
		}
	}
	for i := range d.Units {
		q.Expected += expected[i]
		q.Present += present[i]
	}
	q.Missing = q.Expected - q.Present

	for _, i := range order {
		// Sum over the subtree: children come before their parent.
		for _, ch := range d.Children(i) {
			expected[i] += expected[ch]
			present[i] += present[ch]
		}
	}
	for i, u := range d.Units {
		if u.Level != org.District {
			continue
		}
		dq := DistrictQuality{ID: u.ID, Name: u.Name, Expected: expected[i], Present: present[i], Share: 1}
		if dq.Expected > 0 {
			dq.Share = float64(dq.Present) / float64(dq.Expected)
		}
		q.Districts = append(q.Districts, dq)
	}
	if ev != nil {
		q.RuleViolations = ev.violatedRules()
	} else {
		q.RuleViolations = c.ruleViolations(d)
	}
	return q
}
