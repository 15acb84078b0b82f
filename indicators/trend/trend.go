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
// The package is for the command line and Go programs; the page does not
// link it.
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
	Decimals  *int            `json:"decimals,omitempty"`
	Nature    plan.Nature     `json:"nature"`
	Year      int             `json:"year"`
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
func Assess(cat *indicators.Catalog, p *plan.Plan, s dataset.Series, opt indicators.Options) (*Report, error) {
	if len(s) == 0 {
		return nil, msg.Errorf("没有数据", "no data")
	}
	inds := map[string]*plan.Indicator{}
	for i := range p.Indicators {
		inds[p.Indicators[i].ID] = &p.Indicators[i]
	}
	type key struct{ unit, ind string }
	results := map[key][]*indicators.Result{} // by position of the year in s
	units := map[string]dataset.OrgUnit{}
	var order []key
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
		r, err := cat.Assess(d, o)
		if err != nil {
			return nil, err
		}
		for _, w := range r.Warnings {
			if !warned[w] {
				warned[w] = true
				rep.Warnings = append(rep.Warnings, w)
			}
		}
		for ui := range r.Units {
			u := &r.Units[ui]
			units[u.Unit.ID] = u.Unit
			for ri := range u.Results {
				res := &u.Results[ri]
				k := key{u.Unit.ID, res.Indicator}
				rs, ok := results[k]
				if !ok {
					rs = make([]*indicators.Result, len(s))
					results[k] = rs
					order = append(order, k)
				}
				rs[y] = res
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
	for _, k := range order {
		ind := inds[k.ind]
		if ind == nil {
			continue
		}
		rep.Rows = append(rep.Rows, rows(p, ind, units[k.unit], s, results[k])...)
	}
	return rep, nil
}

// rows works out the rows of one indicator for one unit, a row for each
// year the unit has a result in.
func rows(p *plan.Plan, ind *plan.Indicator, u dataset.OrgUnit, s dataset.Series, rs []*indicators.Result) []Row {
	dir := ind.UnitTargetContext().Direction
	base, from := baseline(ind, u, s, rs)
	var final *Goal
	for _, r := range rs {
		if r != nil {
			final = finalGoal(p, ind, r.Target, dir)
			break
		}
	}
	var out []Row
	for y, r := range rs {
		if r == nil {
			continue
		}
		row := Row{Unit: u, Indicator: ind.ID, Name: r.Name, Measure: r.Unit, Decimals: r.Decimals, Nature: r.Nature,
			Year: s[y].Year, Value: r.Value, Status: r.Status, Reason: r.Reason, Baseline: base, BaselineFrom: from, Target: final}
		if y > 0 && rs[y-1] != nil && rs[y-1].Value != nil {
			row.Previous = &Point{Year: s[y-1].Year, Value: *rs[y-1].Value}
			if r.Value != nil {
				c := *r.Value - *rs[y-1].Value
				row.Change = &c
			}
		}
		row.YearTarget, row.YearTargetMet = yearGoal(ind, final, r, row.Year, dir)
		if base != nil && r.Value != nil && row.Year > base.Year {
			in := progress.Input{Baseline: progress.Point(*base), Current: progress.Point{Year: row.Year, Value: *r.Value}, Direction: dir}
			if final != nil && final.Value != nil {
				in.Target, in.TargetYear = final.Value, final.Year
			}
			m := progress.Measure(in)
			row.Progress = &m
		}
		out = append(out, row)
	}
	return out
}

// baseline is the unit's baseline: its own, the indicator's, or its first
// value in the data.
func baseline(ind *plan.Indicator, u dataset.OrgUnit, s dataset.Series, rs []*indicators.Result) (*Point, Origin) {
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
	for y, r := range rs {
		if r != nil && r.Value != nil {
			return &Point{Year: s[y].Year, Value: *r.Value}, FromData
		}
	}
	return nil, ""
}

// finalGoal is the target progress is measured toward: the unit's target
// as the assessment read it, in the indicator's target year.
func finalGoal(p *plan.Plan, ind *plan.Indicator, t indicators.TargetInfo, dir rule.Direction) *Goal {
	year := ind.TargetYear
	if year == 0 {
		year = p.Year
	}
	g := &Goal{Year: year, Text: t.Text, Display: t.Display}
	if t.Op != "" && !t.Points {
		g.Value = aim(t.Op, t.Value, t.Max, dir)
	}
	return g
}

// yearGoal is the plan's target for the year of r: a milestone, or the
// final target in its year; and whether r's value meets it.
func yearGoal(ind *plan.Indicator, final *Goal, r *indicators.Result, y int, dir rule.Direction) (*Goal, *bool) {
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
		if !t.Points {
			g.Value = aim(t.Op, t.Value, &t.Max, dir)
		}
		if r.Value == nil {
			return g, nil
		}
		met := t.Met(*r.Value)
		return g, &met
	}
	if final != nil && final.Year == y {
		switch r.Status {
		case indicators.Met, indicators.NotMet:
			met := r.Status == indicators.Met
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
