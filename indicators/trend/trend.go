// Package trend assesses figures of several years against a multi-year
// plan: each year as the one-year assessment does (package indicators),
// and beside it, for each indicator and unit, the value of the year
// before and the change, the plan's target for that year (a milestone, or
// the target in its target year), and the progress from the baseline
// toward the target (package progress: 完成度 and Open SDG's status).
//
// Choices where the plan is silent:
//
//   - The baseline is the unit's own (plan.Indicator.UnitBaselines), else
//     the indicator's (Baseline), else, as Open SDG does without a
//     configured base year, the unit's value in the first year of the
//     data that has one. Origin says which.
//   - Progress is measured toward the indicator's target (the unit's own
//     target where the plan gives it one) in its target year (the plan's
//     year when the indicator names none); milestones are the target of
//     their year only. Completion and status thus read the same way every
//     year: 100% and "target achieved" mean the plan's goal is reached.
//   - A range target is aimed at by its bound on the better side's
//     threshold: the lower bound where higher is better, the upper where
//     lower is.
//
// The command line (eduplan progress, and eduplan check given several
// years) and the page (a file of several years) use it.
package trend

import (
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/progress"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// Origin says where a baseline comes from.
type Origin string

// Origins of a baseline.
const (
	FromUnit Origin = "unit" // the plan's baseline for the unit
	FromPlan Origin = "plan" // the plan's baseline for the indicator
	FromData Origin = "data" // the unit's first value in the data
)

// Point is a value in a year.
type Point struct {
	Year  int     `json:"year"`
	Value float64 `json:"value"`
}

// Goal is a target of a year: as written, and the value aimed at.
type Goal struct {
	Year int    `json:"year"`
	Text string `json:"text"`
	// Display is the target in symbols ("≥ 99%"), in Chinese and English.
	Display msg.Text `json:"display"`
	// Value is the bound aimed at; nil when the target has none a value
	// can be measured against (a gap in points between units).
	Value *float64 `json:"value,omitempty"`
	// Milestone is set for a target on the way to the indicator's target.
	Milestone bool `json:"milestone,omitempty"`
}

// Row is one indicator for one unit in one year.
type Row struct {
	Unit      dataset.OrgUnit `json:"unit"`
	Indicator string          `json:"indicator"`
	Name      msg.Text        `json:"name"`
	Measure   plan.Unit       `json:"measure"`
	// Points is set for an indicator whose values are a gap between
	// rates (its target is in percentage points): its value, change and
	// baseline read in points.
	Points   bool        `json:"points,omitempty"`
	Decimals *int        `json:"decimals,omitempty"`
	Nature   plan.Nature `json:"nature"`
	// Direction says which way the indicator is better.
	Direction rule.Direction `json:"direction,omitempty"`
	Year      int            `json:"year"`
	// Value and Status are the year's own assessment; Reason says why
	// there is no value.
	Value  *float64          `json:"value,omitempty"`
	Status indicators.Status `json:"status"`
	Reason *msg.Text         `json:"reason,omitempty"`
	// Previous is the unit's value in the year before in the data, and
	// Change the difference, in the indicator's unit (a fraction for a
	// percent, shown in points).
	Previous *Point   `json:"previous,omitempty"`
	Change   *float64 `json:"change,omitempty"`
	Baseline *Point   `json:"baseline,omitempty"`
	// BaselineFrom says where Baseline comes from.
	BaselineFrom Origin `json:"baseline_from,omitempty"`
	// YearTarget is the plan's target for this year: a milestone, or the
	// indicator's target in its target year; nil in other years.
	YearTarget *Goal `json:"year_target,omitempty"`
	// YearTargetMet says whether the year's value meets YearTarget; nil
	// without a value or a year's target.
	YearTargetMet *bool `json:"year_target_met,omitempty"`
	// Target is the target progress is measured toward.
	Target *Goal `json:"target,omitempty"`
	// Progress is measured for a year after the baseline's with a value.
	Progress *progress.Result `json:"progress,omitempty"`
}

// Report is the assessment of a series of years.
type Report struct {
	Plan  string `json:"plan,omitempty"`
	Years []int  `json:"years"`
	Rows  []Row  `json:"rows"`
	// Spans lists the units not in every year of the data, with the years
	// they are in: opened, closed or merged between years.
	Spans []dataset.Span `json:"spans,omitempty"`
	// Warnings are the assessments' warnings, each once.
	Warnings []msg.Text `json:"warnings,omitempty"`
}

// Assess assesses each year of s with cat and adds, row by row, the
// previous year, the change, the year's target and the progress toward
// the target of p, the plan cat was compiled from.
//
// Each year's report is dropped once read: only what a row shows is kept,
// so that five years of a city's schools cost about five times one.
func Assess(cat *indicators.Catalog, p *plan.Plan, s dataset.Series, opt indicators.Options) (*Report, error) {
	if len(s) == 0 {
		return nil, msg.Errorf("没有数据", "no data")
	}
	facts := make([]*indicatorFacts, len(p.Indicators))
	for i := range p.Indicators {
		ind := &p.Indicators[i]
		facts[i] = &indicatorFacts{ind: ind, dir: ind.UnitTargetContext().Direction}
	}
	// slots[unit slot × indicators + indicator] is the entry of series of
	// a unit's indicator, −1 before it is seen.
	unitSlot := map[string]int{}
	var slots []int32
	var series []*unitSeries
	var cells []cell // len(s) per entry of series
	rep := &Report{Plan: p.ID, Years: s.Years(), Spans: s.Spans()}
	warned := map[msg.Text]bool{}
	found := map[string]bool{}
	for y, d := range s {
		o := opt
		if len(opt.Units) > 0 {
			// A unit named may be in some years only: each year is
			// asked for those of its units that it has.
			_, missing := d.Within(opt.Units)
			o.Units = nil
			for _, u := range opt.Units {
				if !containsString(missing, u) {
					o.Units = append(o.Units, u)
					found[u] = true
				}
			}
			if len(o.Units) == 0 {
				continue
			}
		}
		// The evaluation is read cell by cell (Outcome) rather than
		// through a whole report: a row needs no inputs.
		ev, err := cat.EvaluateWith(d, o)
		if err == nil {
			err = ev.Err()
		}
		if err != nil {
			return nil, err
		}
		for _, w := range ev.Warnings() {
			if !warned[w] {
				warned[w] = true
				rep.Warnings = append(rep.Warnings, w)
			}
		}
		keep, _ := d.Within(o.Units)
		for i, u := range d.Units {
			if keep != nil && !keep[i] {
				continue
			}
			us, ok := unitSlot[u.ID]
			if !ok {
				us = len(unitSlot)
				unitSlot[u.ID] = us
				for range facts {
					slots = append(slots, -1)
				}
			}
			for fi, f := range facts {
				id := f.ind.ID
				res, ok := ev.Outcome(id, i)
				if !ok || (res.Status == indicators.NotApplicable && !opt.NotApplicable) {
					continue
				}
				n := int(slots[us*len(facts)+fi])
				if n < 0 {
					n = len(series)
					slots[us*len(facts)+fi] = int32(n)
					series = append(series, &unitSeries{unit: u, facts: f, name: f.ind.Name, measure: res.Unit, points: res.Target.Points,
						decimals: res.Decimals, nature: res.Nature, target: finalGoal(p, f, res.Target)})
					cells = append(cells, make([]cell, len(s))...)
				}
				c := &cells[n*len(s)+y]
				c.present, c.status = true, res.Status
				if res.Value != nil {
					c.value, c.hasValue = *res.Value, true
				} else if full, ok := ev.Result(id, i); ok {
					c.reason = full.Reason
				}
			}
		}
	}
	var missing []string
	for _, u := range opt.Units {
		if !found[u] {
			missing = append(missing, u)
		}
	}
	if len(missing) > 0 {
		return nil, msg.New(msg.T("任何一年的数据中都没有单位 "+strings.Join(missing, "、"), "no unit "+strings.Join(missing, ", ")+" in the figures of any year"))
	}
	rep.Warnings = append(rep.Warnings, unusedBaselines(p, s)...)
	total := 0
	for _, c := range cells {
		if c.present {
			total++
		}
	}
	rep.Rows = make([]Row, 0, total)
	// The values a row points to live in a few large slices rather than
	// one allocation each: a city's five years are millions of rows.
	a := &arena{floats: make([]float64, 0, 2*total), points: make([]Point, 0, total), results: make([]progress.Result, 0, total)}
	for n, us := range series {
		rep.Rows = us.rows(rep.Rows, a, s, cells[n*len(s):(n+1)*len(s)])
	}
	return rep, nil
}

// indicatorFacts is what every unit's rows of an indicator share.
type indicatorFacts struct {
	ind *plan.Indicator
	dir rule.Direction
}

// unitSeries is one indicator of one unit across the years.
type unitSeries struct {
	unit     dataset.OrgUnit
	facts    *indicatorFacts
	name     msg.Text
	measure  plan.Unit
	points   bool
	decimals *int
	nature   plan.Nature
	target   *Goal
}

// arena holds what rows point to; each slice is made large enough once,
// so that a pointer into it stays valid.
type arena struct {
	floats  []float64
	points  []Point
	results []progress.Result
}

func (a *arena) float(v float64) *float64 {
	a.floats = append(a.floats, v)
	return &a.floats[len(a.floats)-1]
}

func (a *arena) point(p Point) *Point {
	a.points = append(a.points, p)
	return &a.points[len(a.points)-1]
}

func (a *arena) result(r progress.Result) *progress.Result {
	a.results = append(a.results, r)
	return &a.results[len(a.results)-1]
}

// cell is what a row keeps of one year's result.
type cell struct {
	present  bool
	hasValue bool
	value    float64
	status   indicators.Status
	reason   *msg.Text
}

// rows appends the rows of one indicator for one unit, a row for each
// year the unit has a result in.
func (us *unitSeries) rows(out []Row, a *arena, s dataset.Series, cs []cell) []Row {
	ind, dir, final := us.facts.ind, us.facts.dir, us.target
	base, from := baseline(ind, us.unit, s, cs)
	for y := range cs {
		c := &cs[y]
		if !c.present {
			continue
		}
		row := Row{Unit: us.unit, Indicator: ind.ID, Name: us.name, Measure: us.measure, Points: us.points, Decimals: us.decimals, Nature: us.nature,
			Direction: dir, Year: s[y].Year, Status: c.status, Reason: c.reason, Baseline: base, BaselineFrom: from, Target: final}
		if c.hasValue {
			row.Value = a.float(c.value)
		}
		if y > 0 && cs[y-1].hasValue {
			row.Previous = a.point(Point{Year: s[y-1].Year, Value: cs[y-1].value})
			if c.hasValue {
				row.Change = a.float(c.value - cs[y-1].value)
			}
		}
		row.YearTarget, row.YearTargetMet = yearGoal(ind, final, c, row.Year, dir)
		if base != nil && c.hasValue && row.Year > base.Year {
			in := progress.Input{Baseline: progress.Point(*base), Current: progress.Point{Year: row.Year, Value: c.value}, Direction: dir}
			if final != nil && final.Value != nil {
				in.Target, in.TargetYear = final.Value, final.Year
			}
			row.Progress = a.result(progress.Measure(in))
		}
		out = append(out, row)
	}
	return out
}

// baseline is the unit's baseline: its own, the indicator's, or its first
// value in the data.
func baseline(ind *plan.Indicator, u dataset.OrgUnit, s dataset.Series, cs []cell) (*Point, Origin) {
	for _, ub := range ind.UnitBaselines {
		for _, name := range ub.Units {
			if n := strings.TrimSpace(name); n == u.ID || n == u.Name {
				v, err := ind.ParseBaseline(ub.Value)
				if err != nil {
					return nil, ""
				}
				y := ub.Year
				if y == 0 && ind.Baseline != nil {
					y = ind.Baseline.Year
				}
				return &Point{Year: y, Value: v}, FromUnit
			}
		}
	}
	if b := ind.Baseline; b != nil {
		if v, err := ind.ParseBaseline(b.Value); err == nil {
			return &Point{Year: b.Year, Value: v}, FromPlan
		}
		return nil, ""
	}
	for y, c := range cs {
		if c.hasValue {
			return &Point{Year: s[y].Year, Value: c.value}, FromData
		}
	}
	return nil, ""
}

// finalGoal is the target progress is measured toward: the unit's target
// as the assessment read it, in the indicator's target year.
func finalGoal(p *plan.Plan, f *indicatorFacts, t indicators.TargetInfo) *Goal {
	ind, dir := f.ind, f.dir
	year := ind.TargetYear
	if year == 0 {
		year = p.Year
	}
	g := &Goal{Year: year, Text: t.Text, Display: t.Display}
	// A gap in points is held as a fraction, as its values are (10pp is
	// 0.10): it is aimed at as any other target.
	if t.Op != "" {
		g.Value = aim(t.Op, t.Value, t.Max, dir)
	}
	return g
}

// yearGoal is the plan's target for the year of r: a milestone, or the
// final target in its year; and whether r's value meets it.
func yearGoal(ind *plan.Indicator, final *Goal, c *cell, y int, dir rule.Direction) (*Goal, *bool) {
	for k, m := range ind.Milestones {
		if m.Year != y {
			continue
		}
		g := &Goal{Year: y, Text: m.Target, Milestone: true}
		t, _, err := ind.ParseMilestone(k)
		if err != nil || t.Op == "" {
			return g, nil
		}
		g.Display = msg.T(t.Format("zh"), t.Format("en"))
		g.Value = aim(t.Op, t.Value, &t.Max, dir)
		if !c.hasValue {
			return g, nil
		}
		met := t.Met(c.value)
		return g, &met
	}
	if final != nil && final.Year == y {
		switch c.status {
		case indicators.Met, indicators.NotMet:
			met := c.status == indicators.Met
			return final, &met
		}
		return final, nil
	}
	return nil, nil
}

func aim(op rule.Op, v float64, max *float64, dir rule.Direction) *float64 {
	if op == rule.Between && dir == rule.LowerIsBetter && max != nil {
		v = *max
	}
	return &v
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// unusedBaselines warns of each unit a plan gives a baseline that no year
// of the data has, by id or name: a typo must not pass for a unit that
// has none.
func unusedBaselines(p *plan.Plan, s dataset.Series) []msg.Text {
	var out []msg.Text
	for _, ind := range p.Indicators {
		for _, ub := range ind.UnitBaselines {
			for _, name := range ub.Units {
				n := strings.TrimSpace(name)
				if n == "" || inSeries(s, n) {
					continue
				}
				out = append(out, msg.Textf("计划为单位 %[1]q 给出的指标 %[2]s 的基期值没有用上：任何一年的数据中都没有这个单位（编号或名称）",
					"the baseline the plan gives unit %[1]q for %[2]s is not used: no year of the data has such a unit (by id or name)", n, ind.ID))
			}
		}
	}
	return out
}

func inSeries(s dataset.Series, name string) bool {
	for _, d := range s {
		if _, ok := d.Unit(name); ok {
			return true
		}
		for _, u := range d.Units {
			if u.Name == name {
				return true
			}
		}
	}
	return false
}

// FellBack is the report cut to the rows of the last year of the data
// whose value moved away from the target since the year before (lower
// where higher is better, higher where lower is), but for those already
// past their target: the units a bureau asks about first.
func (r *Report) FellBack() *Report {
	out := *r
	out.Rows = nil
	if len(r.Years) == 0 {
		return &out
	}
	last := r.Years[len(r.Years)-1]
	for _, row := range r.Rows {
		if row.Year != last || row.Change == nil || *row.Change == 0 {
			continue
		}
		if row.Progress != nil && row.Progress.Status == progress.TargetAchieved {
			continue
		}
		worse := *row.Change < 0
		if row.Direction == rule.LowerIsBetter {
			worse = *row.Change > 0
		}
		if worse {
			out.Rows = append(out.Rows, row)
		}
	}
	return &out
}
