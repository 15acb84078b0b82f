// Package dataset holds a year's figures for a hierarchy of organisational
// units (city → districts → schools) and reads them from CSV and JSON.
//
// Figures are kept as columns: one []float64 per metric with a presence mask,
// indexed by the unit's position in Dataset.Units. A missing figure is never a
// zero; it is simply not present.
package dataset

import (
	"fmt"
	"sort"

	"github.com/eduplan/eduplan/org"
)

// OrgUnit is one unit of the hierarchy.
type OrgUnit struct {
	ID     string    `json:"id"`
	Name   string    `json:"name"`
	Level  org.Level `json:"level"`
	Kind   org.Kind  `json:"kind,omitempty"`
	Parent string    `json:"parent,omitempty"`
}

// Dataset is one year's figures for a set of units.
//
// Build one with New and Add/Set, or read one with ReadCSV/ReadJSON.
type Dataset struct {
	Year int
	// Plan is the id of the plan the figures were entered for, when the
	// file names one (a 计划编号 column, JSON "plan"): a prefilled template
	// carries it, so that a return is never checked against another plan.
	Plan string
	// Note describes where the figures come from (for example "synthetic").
	Note  string
	Units []OrgUnit
	// Source says where a reader got the dataset: the file name given in
	// Options and the text encoding it detected. It is not part of the data:
	// Equal ignores it.
	Source Source
	// Levels are the levels of the plan the units sit at (Options.Levels
	// of the reader; empty: city, district and school), which Validate
	// checks the units against and writers name the levels with. It is
	// not part of the data: Equal ignores it.
	Levels org.Hierarchy

	index    map[string]int
	columns  map[string]*Column
	children [][]int
}

// Source records where a dataset was read from, so that a page or a report
// can tell the user which file and encoding it used.
type Source struct {
	File     string
	Encoding Encoding
	// Warnings are cells that were read but look like a slip: a percent
	// figure written as a fraction (0.965 reads as 0.965%, not 96.5%), a
	// figure from a unit the plan does not expect it from. A reader lists
	// the first MaxListed and counts the rest in MoreWarnings.
	Warnings     Errors
	MoreWarnings int
	// Missing lists, in reading order, the cells that said "no figure"
	// with a marker ("--", "…", a JSON null; see MissingCell), the first
	// MaxListed of them. Empty cells are not listed: an absent figure is
	// the normal case and shows in the counts of figures present.
	Missing []MissingCell
	// Lines are where each unit is in the file, by position in Units: the
	// line its row (CSV) or object (JSON) starts on, or its sheet row (a
	// workbook), so that a message about a unit can point at it.
	Lines []int
	// MissingByMarker counts every such cell, listed or not, by marker, in
	// the order the markers first occur.
	MissingByMarker []MarkerCount
}

// Column is one metric's figures across all units of a dataset.
type Column struct {
	Values  []float64
	Present []bool
}

// New returns an empty dataset for a year.
func New(year int) *Dataset {
	return &Dataset{Year: year, index: map[string]int{}, columns: map[string]*Column{}}
}

// Add appends a unit. Its parent, if any, need not be added yet.
func (d *Dataset) Add(u OrgUnit) error {
	if u.ID == "" {
		return fmt.Errorf("unit has no id")
	}
	if _, dup := d.index[u.ID]; dup {
		return fmt.Errorf("unit %q appears twice", u.ID)
	}
	d.index[u.ID] = len(d.Units)
	d.Units = append(d.Units, u)
	for _, c := range d.columns {
		c.Values = append(c.Values, 0)
		c.Present = append(c.Present, false)
	}
	d.children = nil
	return nil
}

// Index returns the position of a unit in Units.
func (d *Dataset) Index(id string) (int, bool) {
	i, ok := d.index[id]
	return i, ok
}

// Unit returns a unit by id.
func (d *Dataset) Unit(id string) (OrgUnit, bool) {
	i, ok := d.index[id]
	if !ok {
		return OrgUnit{}, false
	}
	return d.Units[i], true
}

// Set records a figure. The value of a percent metric is a fraction (0.99).
func (d *Dataset) Set(unit, metric string, v float64) error {
	i, ok := d.index[unit]
	if !ok {
		return fmt.Errorf("unknown unit %q", unit)
	}
	c := d.column(metric)
	c.Values[i] = v
	c.Present[i] = true
	return nil
}

// Clear removes a figure, making it missing again.
func (d *Dataset) Clear(unit, metric string) {
	i, ok := d.index[unit]
	if !ok {
		return
	}
	if c, ok := d.columns[metric]; ok {
		c.Values[i], c.Present[i] = 0, false
	}
}

// Value returns a figure and whether it is present.
func (d *Dataset) Value(unit, metric string) (float64, bool) {
	i, ok := d.index[unit]
	if !ok {
		return 0, false
	}
	c, ok := d.columns[metric]
	if !ok || !c.Present[i] {
		return 0, false
	}
	return c.Values[i], true
}

// Column returns the column of a metric, or nil when no unit reports it.
// The column is shared: callers must not modify it.
func (d *Dataset) Column(metric string) *Column { return d.columns[metric] }

// Metrics lists the metric ids that have a column, sorted.
func (d *Dataset) Metrics() []string {
	ids := make([]string, 0, len(d.columns))
	for id := range d.columns {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Children returns the positions of the direct children of the unit at
// position i, in the order they were added.
func (d *Dataset) Children(i int) []int {
	if d.children == nil {
		d.children = make([][]int, len(d.Units))
		for j, u := range d.Units {
			if u.Parent == "" {
				continue
			}
			if p, ok := d.index[u.Parent]; ok {
				d.children[p] = append(d.children[p], j)
			}
		}
	}
	return d.children[i]
}

func (d *Dataset) column(metric string) *Column {
	c, ok := d.columns[metric]
	if !ok {
		c = &Column{Values: make([]float64, len(d.Units)), Present: make([]bool, len(d.Units))}
		d.columns[metric] = c
	}
	return c
}
