// Package dataset holds a year's figures for a hierarchy of organisational
// units (city → districts → schools) and reads them from CSV and JSON.
//
// Figures are kept as columns, one per metric, holding the figures of the
// units that report it by the unit's position in Dataset.Units. A missing
// figure is never a zero; it is simply not present.
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

// Column is one metric's figures across the units of a dataset. Only the
// units that report the metric hold a figure: a school reports some ten of
// a plan's seventy-odd metrics, and a column as long as the dataset for
// each metric would cost most of a national dataset's memory.
type Column struct {
	// units are the positions of the units with a figure, ascending;
	// values their figures.
	units  []int32
	values []float64
}

// At returns the figure of the unit at position i and whether it has one.
func (c *Column) At(i int) (float64, bool) {
	if c == nil {
		return 0, false
	}
	k, ok := c.find(i)
	if !ok {
		return 0, false
	}
	return c.values[k], true
}

// Len is the number of units with a figure.
func (c *Column) Len() int {
	if c == nil {
		return 0
	}
	return len(c.units)
}

// Figures returns the positions of the units with a figure, ascending, and
// the figures, index for index. Both are shared: callers must not modify
// them.
func (c *Column) Figures() (units []int32, values []float64) {
	if c == nil {
		return nil, nil
	}
	return c.units, c.values
}

// find is the index in units of position i, or where it would go.
func (c *Column) find(i int) (int, bool) {
	n := len(c.units)
	// Readers and builders add units in order: the last is the usual
	// place.
	if n > 0 && int(c.units[n-1]) < i {
		return n, false
	}
	k := sort.Search(n, func(k int) bool { return int(c.units[k]) >= i })
	return k, k < n && int(c.units[k]) == i
}

// set records the figure of the unit at position i.
func (c *Column) set(i int, v float64) {
	k, ok := c.find(i)
	if ok {
		c.values[k] = v
		return
	}
	c.units = append(c.units, 0)
	c.values = append(c.values, 0)
	copy(c.units[k+1:], c.units[k:])
	copy(c.values[k+1:], c.values[k:])
	c.units[k], c.values[k] = int32(i), v
}

// clear removes the figure of the unit at position i.
func (c *Column) clear(i int) {
	if k, ok := c.find(i); ok {
		c.units = append(c.units[:k], c.units[k+1:]...)
		c.values = append(c.values[:k], c.values[k+1:]...)
	}
}

// trimmed is the column with no spare capacity, so that a reader's
// columns, grown by appending, do not keep up to twice their size.
func (c *Column) trimmed() *Column {
	if cap(c.units)-len(c.units) > len(c.units)/8 {
		c.units, c.values = append([]int32(nil), c.units...), append([]float64(nil), c.values...)
	}
	return c
}

// cursor reads a column unit by unit in ascending positions, as writers
// and comparisons do, at constant cost per unit.
type cursor struct {
	c *Column
	k int
}

// at is Column.At for positions asked in ascending order.
func (r *cursor) at(i int) (float64, bool) {
	if r.c == nil {
		return 0, false
	}
	for r.k < len(r.c.units) && int(r.c.units[r.k]) < i {
		r.k++
	}
	if r.k < len(r.c.units) && int(r.c.units[r.k]) == i {
		return r.c.values[r.k], true
	}
	return 0, false
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
	d.column(metric).set(i, v)
	return nil
}

// Clear removes a figure, making it missing again.
func (d *Dataset) Clear(unit, metric string) {
	i, ok := d.index[unit]
	if !ok {
		return
	}
	if c, ok := d.columns[metric]; ok {
		c.clear(i)
	}
}

// Value returns a figure and whether it is present.
func (d *Dataset) Value(unit, metric string) (float64, bool) {
	i, ok := d.index[unit]
	if !ok {
		return 0, false
	}
	return d.columns[metric].At(i)
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
		c = &Column{}
		d.columns[metric] = c
	}
	return c
}
