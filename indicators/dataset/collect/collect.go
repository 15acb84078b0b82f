// Package collect merges the returns of many units — each school's file,
// a district's consolidated sheet — into one dataset, as a bureau gathers
// them: the same unit in two returns is accepted when the two agree and
// refused, with both places named, when they do not; and against the list
// of units expected to return, the ones that did not are named.
//
// Returns are read first, each with the readers of package dataset (or
// dataset/xlsx): Merge works on what they read, whatever the format.
package collect

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
)

// Return is one file as read.
type Return struct {
	// Name is what messages call the file ("k01-一园.csv").
	Name string
	Data *dataset.Dataset
}

// Options say what a merge checks against.
type Options struct {
	// Expected are the units that should return figures. A unit has
	// returned when some return gives at least one figure of it: a row
	// carried along only to place a school under its district is not a
	// return of the district. Nil expects nothing and lists nothing.
	Expected []dataset.OrgUnit
	// Fields name and format the figures in messages; a figure without a
	// field is called by its metric id.
	Fields []dataset.Field
}

// Place is where a unit is in a return: its file and line (its sheet row
// in a workbook; 0 when not known).
type Place struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
}

// Text says the place in Chinese and English: "a.csv 第3行".
func (p Place) Text() msg.Text {
	if p.Line == 0 {
		return msg.T(p.File, p.File)
	}
	return msg.Textf("%s 第%d行", "%s line %d", p.File, p.Line)
}

// Conflict is two returns that disagree.
type Conflict struct {
	// Unit is the unit they disagree about; empty for the file as a whole
	// (its year or its plan).
	Unit string `json:"unit,omitempty"`
	// What is what they disagree on: "name", "level", "kind", "parent",
	// "year", "plan", or a metric id.
	What string `json:"what"`
	// Label names What for a person: 单位名称, 在园幼儿数 …
	Label  msg.Text `json:"label"`
	A      Place    `json:"a"`
	ValueA string   `json:"value_a"`
	B      Place    `json:"b"`
	ValueB string   `json:"value_b"`
}

// Text says the conflict: "单位 k1 的在园幼儿数不一致：a.csv 第3行是 "120"，b.csv 第3行是 "125"".
func (c Conflict) Text() msg.Text {
	a, b := c.A.Text(), c.B.Text()
	if c.Unit == "" {
		return msg.T(fmt.Sprintf("%s不一致：%s 是 %q，%s 是 %q", c.Label.ZH, a.ZH, c.ValueA, b.ZH, c.ValueB),
			fmt.Sprintf("the %s differs: %s says %q, %s says %q", c.Label.EN, a.EN, c.ValueA, b.EN, c.ValueB))
	}
	return msg.T(fmt.Sprintf("单位 %s 的%s不一致：%s 是 %q，%s 是 %q", c.Unit, c.Label.ZH, a.ZH, c.ValueA, b.ZH, c.ValueB),
		fmt.Sprintf("unit %s: the %s differs: %s says %q, %s says %q", c.Unit, c.Label.EN, a.EN, c.ValueA, b.EN, c.ValueB))
}

// Conflicts is the error of a merge whose returns disagree: every
// conflict, in the order of the returns.
type Conflicts []Conflict

func (cs Conflicts) Error() string { return cs.In("zh") }

// In lists the conflicts in a language, one a line.
func (cs Conflicts) In(lang string) string {
	lines := make([]string, len(cs))
	for i, c := range cs {
		lines[i] = c.Text().In(lang)
	}
	return strings.Join(lines, "\n")
}

// FileSummary is what a merge took from one return.
type FileSummary struct {
	File string `json:"file"`
	// Units is how many units the file holds; New how many of them no
	// earlier file held.
	Units int `json:"units"`
	New   int `json:"new"`
	// Returned are the units the file gives figures of, in its order.
	Returned []dataset.OrgUnit `json:"returned"`
	// Figures is how many figures were taken from the file; Same how many
	// it gives that an earlier file gave alike (an identical duplicate).
	Figures int `json:"figures"`
	Same    int `json:"same"`
}

// Result is a merge.
type Result struct {
	// Data holds every unit of every return, in the order first seen, with
	// every figure any return gives. Its Source lists the missing-figure
	// marks and the warnings of all the returns.
	Data  *dataset.Dataset
	Files []FileSummary
	// Missing are the expected units that returned no figure, in the
	// order of Options.Expected.
	Missing []dataset.OrgUnit
	// Unexpected are units that returned figures and are not among the
	// expected ones (often a mistyped code); nil without Options.Expected.
	Unexpected []dataset.OrgUnit
}

// Merge merges returns. Two returns may hold the same unit: its name,
// level, kind and parent must then agree (a return that leaves the kind or
// the parent empty agrees with any), and so must every figure both give;
// a figure one gives and the other leaves empty is taken. All returns must
// be of one year and, where they name one, of one plan. Any disagreement
// makes Merge return nil and Conflicts, every one of them; it returns an
// error too when the merged units do not form a hierarchy.
func Merge(returns []Return, opt Options) (*Result, error) {
	m := merger{opt: opt, index: map[string]int{}, field: map[string]dataset.Field{}}
	for _, f := range opt.Fields {
		m.field[f.ID] = f
	}
	res := &Result{}
	year, plan := 0, ""
	var yearAt, planAt Place
	for _, r := range returns {
		d := r.Data
		at := Place{File: r.Name}
		if d.Year != 0 {
			if year == 0 {
				year, yearAt = d.Year, at
			} else if d.Year != year {
				m.conflict(Conflict{What: "year", Label: msg.T("年份", "year"), A: yearAt, ValueA: strconv.Itoa(year), B: at, ValueB: strconv.Itoa(d.Year)})
			}
		}
		if d.Plan != "" {
			if plan == "" {
				plan, planAt = d.Plan, at
			} else if d.Plan != plan {
				m.conflict(Conflict{What: "plan", Label: msg.T("计划编号", "plan"), A: planAt, ValueA: plan, B: at, ValueB: d.Plan})
			}
		}
		res.Files = append(res.Files, m.take(r))
	}
	if len(m.conflicts) > 0 {
		return nil, m.conflicts
	}
	out := dataset.New(year)
	out.Plan = plan
	// The returns were read for one plan: its levels are theirs.
	for _, r := range returns {
		if len(r.Data.Levels) > 0 {
			out.Levels = r.Data.Levels
			break
		}
	}
	for _, u := range m.units {
		if err := out.Add(u.unit); err != nil {
			return nil, err
		}
		for _, id := range sortedIDs(u.figures) {
			if err := out.Set(u.unit.ID, id, u.figures[id].v); err != nil {
				return nil, err
			}
		}
	}
	for _, r := range returns {
		src := r.Data.Source
		out.Source.Missing = append(out.Source.Missing, src.Missing...)
		out.Source.Warnings = append(out.Source.Warnings, src.Warnings...)
		out.Source.MoreWarnings += src.MoreWarnings
		for _, mc := range src.MissingByMarker {
			out.Source.MissingByMarker = addMarker(out.Source.MissingByMarker, mc)
		}
	}
	if len(returns) > 0 {
		out.Source.Encoding = returns[0].Data.Source.Encoding
	}
	if err := out.Validate(); err != nil {
		return nil, err
	}
	res.Data = out
	if opt.Expected != nil {
		expected := map[string]bool{}
		for _, u := range opt.Expected {
			expected[u.ID] = true
			if i, ok := m.index[u.ID]; !ok || len(m.units[i].figures) == 0 {
				res.Missing = append(res.Missing, u)
			}
		}
		for _, u := range m.units {
			if len(u.figures) > 0 && !expected[u.unit.ID] {
				res.Unexpected = append(res.Unexpected, u.unit)
			}
		}
	}
	return res, nil
}

func addMarker(ms []dataset.MarkerCount, mc dataset.MarkerCount) []dataset.MarkerCount {
	for i := range ms {
		if ms[i].Marker == mc.Marker {
			ms[i].Count += mc.Count
			return ms
		}
	}
	return append(ms, mc)
}

type figure struct {
	v  float64
	at Place
}

type merged struct {
	unit dataset.OrgUnit
	at   Place
	// kindAt and parentAt say where the kind and the parent were first
	// given: a return may leave them empty and a later one give them.
	kindAt, parentAt Place
	figures          map[string]figure
}

type merger struct {
	opt       Options
	field     map[string]dataset.Field
	index     map[string]int
	units     []*merged
	conflicts Conflicts
}

func (m *merger) conflict(c Conflict) { m.conflicts = append(m.conflicts, c) }

// take merges one return and says what it took.
func (m *merger) take(r Return) FileSummary {
	d := r.Data
	sum := FileSummary{File: r.Name, Units: len(d.Units), Returned: []dataset.OrgUnit{}}
	metrics := d.Metrics()
	for i, u := range d.Units {
		at := Place{File: r.Name}
		if i < len(d.Source.Lines) {
			at.Line = d.Source.Lines[i]
		}
		j, seen := m.index[u.ID]
		if !seen {
			j = len(m.units)
			m.index[u.ID] = j
			m.units = append(m.units, &merged{unit: u, at: at, kindAt: at, parentAt: at, figures: map[string]figure{}})
			sum.New++
		} else {
			m.sameUnit(m.units[j], u, at)
		}
		mu := m.units[j]
		gave := false
		for _, id := range metrics {
			v, ok := d.Value(u.ID, id)
			if !ok {
				continue
			}
			gave = true
			prev, had := mu.figures[id]
			switch {
			case !had:
				mu.figures[id] = figure{v, at}
				sum.Figures++
			case prev.v == v:
				sum.Same++
			default:
				m.conflict(Conflict{Unit: u.ID, What: id, Label: m.label(id), A: prev.at, ValueA: m.number(id, prev.v), B: at, ValueB: m.number(id, v)})
			}
		}
		if gave {
			sum.Returned = append(sum.Returned, u)
		}
	}
	return sum
}

// sameUnit checks a unit seen again against what was first read of it.
func (m *merger) sameUnit(mu *merged, u dataset.OrgUnit, at Place) {
	c := func(what string, label msg.Text, a Place, va, vb string) {
		m.conflict(Conflict{Unit: u.ID, What: what, Label: label, A: a, ValueA: va, B: at, ValueB: vb})
	}
	if u.Name != mu.unit.Name {
		c("name", msg.T("单位名称", "name"), mu.at, mu.unit.Name, u.Name)
	}
	if u.Level != mu.unit.Level {
		c("level", msg.T("层级", "level"), mu.at, string(mu.unit.Level), string(u.Level))
	}
	switch {
	case u.Kind == "":
	case mu.unit.Kind == "":
		mu.unit.Kind, mu.kindAt = u.Kind, at
	case u.Kind != mu.unit.Kind:
		c("kind", msg.T("学校类型", "kind"), mu.kindAt, string(mu.unit.Kind), string(u.Kind))
	}
	switch {
	case u.Parent == "":
	case mu.unit.Parent == "":
		mu.unit.Parent, mu.parentAt = u.Parent, at
	case u.Parent != mu.unit.Parent:
		c("parent", msg.T("上级单位", "parent"), mu.parentAt, mu.unit.Parent, u.Parent)
	}
}

func (m *merger) label(id string) msg.Text {
	f, ok := m.field[id]
	if !ok || len(f.Names) == 0 {
		return msg.T(id, id)
	}
	en := f.Names[0]
	if len(f.Names) > 1 {
		en = f.Names[1]
	}
	return msg.T(f.Names[0], en)
}

// number writes a figure as a person typed it: a percent in percent.
func (m *merger) number(id string, v float64) string {
	if m.field[id].Percent {
		return strconv.FormatFloat(v*100, 'g', -1, 64) + "%"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// sortedIDs gives a unit's figures in one order, so that a merge adds
// its columns the same way every run.
func sortedIDs(m map[string]figure) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
