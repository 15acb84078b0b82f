package plan

import (
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

// Unit is the unit of measure of a metric or an indicator.
type Unit string

// Units of measure. A Percent value is held as a fraction: 99% is 0.99.
const (
	Count   Unit = "count"   // 个, 所, 人 …: a number of things
	Percent Unit = "percent" // %
	Ratio   Unit = "ratio"   // a plain ratio, such as students per teacher
	Score   Unit = "score"   // 分
	Money   Unit = "money"   // 万元
	Area    Unit = "area"    // 平方米
	Years   Unit = "years"   // 年: a duration, such as years of schooling
	Number  Unit = "number"  // any other quantity
)

// Aggregation says how a metric's figures add up the hierarchy.
type Aggregation string

// Aggregations.
const (
	// Sum: a parent's figure is the sum of its children's unless it reports
	// its own. Counts of pupils, teachers and schools sum; a percent, ratio,
	// score or years metric may not (its parent's figure is recomputed, not
	// added up), and the plan is refused.
	Sum Aggregation = "sum"
	// None: figures do not add up (a population count of a district is not
	// the sum of anything its schools report); a parent must report its own.
	None Aggregation = "none"
)

// Scope says which units a metric or an indicator concerns. Empty lists mean
// "any".
type Scope struct {
	Levels []org.Level `json:"levels,omitempty"`
	Kinds  []org.Kind  `json:"kinds,omitempty"`
}

// Metric is a raw figure a unit reports, such as 在园幼儿数.
type Metric struct {
	ID   string   `json:"id"`
	Name msg.Text `json:"name"`
	Unit Unit     `json:"unit"`
	// Counter is the counter word of the figures as the plan declares it
	// (人, 所, 个, 人次, 万元, 平方米 …). Forms and templates print it beside
	// the figure; a count that declares none shows none, since a word
	// guessed from the name can be wrong (在校数 counts pupils, not schools).
	Counter   string      `json:"counter,omitempty"`
	Integral  bool        `json:"integral,omitempty"`
	Aggregate Aggregation `json:"aggregate"`
	// ReportedBy says which units report the figure themselves.
	ReportedBy Scope `json:"reported_by"`
	// Hint tells the person entering the figure what counts.
	Hint msg.Text `json:"hint,omitempty"`
	// Definition gives the official definition and where it comes from.
	Definition msg.Text `json:"definition,omitempty"`
}

// Nature says whether a target binds (约束性) or is aspired to (预期性, 力争).
type Nature string

// Natures.
const (
	Binding      Nature = "binding"
	Aspirational Nature = "aspirational"
)

// Indicator is a value computed from metrics and held to a target.
type Indicator struct {
	ID   string   `json:"id"`
	Name msg.Text `json:"name"`
	// Formula computes the value from metric ids (or their Chinese names)
	// in the rule language; aggregates such as spread(x) evaluate x on each
	// child unit.
	Formula string `json:"formula"`
	Unit    Unit   `json:"unit"`
	// Target as written: "≥ 99%", "达99%以上", "控制在5%以内", "3-4".
	Target string `json:"target"`
	// Nature may be left empty: it is then aspirational when the target or
	// wording says 力争, binding otherwise.
	Nature Nature `json:"nature,omitempty"`
	// AppliesTo says which units the indicator is assessed for.
	AppliesTo Scope `json:"applies_to"`
	// TargetFor, when set, says for which of those units the plan sets
	// the target: a goal of the city ("初中毕业生升学率达99%以上") is met or
	// not by the city's figure, not by each school's. Every other unit of
	// AppliesTo sees its own figure against the target for reference only
	// (Result.Reference), not counted as met or not met. Nil: the target is
	// a verdict wherever the indicator applies. It must lie within
	// AppliesTo. A unit the plan gives a target of its own (UnitTargets) is
	// held to it wherever it stands.
	TargetFor *Scope `json:"target_for,omitempty"`
	// Wording is the plan's own phrase the indicator was read from, verbatim.
	Wording string `json:"wording"`
	// MayExceed100 marks a percent that may legally exceed 100%: a gross
	// enrolment rate counts pupils of other ages, a retention rate pupils
	// who moved in. Any other percent above 100% means the part exceeds the
	// whole — inconsistent figures — and the result is not computable.
	MayExceed100 bool `json:"may_exceed_100,omitempty"`
	// Over is the level the formula's aggregates range over: every unit of
	// that level below the unit assessed, however deep (cv over all the
	// schools of a province). Empty: the units directly below it.
	Over org.Level `json:"over,omitempty"`
	// Direction says which way the indicator is better: "higher" or
	// "lower" (择校生比例, 生师比, 近视率). A target's own words may say it
	// (控制在…以内 is lower); a bare number, a range or 左右 is read by it,
	// and a target that needs it and has none is refused.
	Direction rule.Direction `json:"direction,omitempty"`
	// UnitTargets give named units a target of their own instead of
	// Target, the default for every other unit ("县A、县B 达95分，其余达90分").
	UnitTargets []UnitTarget `json:"unit_targets,omitempty"`
	// Baseline is where the indicator stood when a multi-year plan set its
	// target (十四五: 2020), for the whole plan; UnitBaselines give named
	// units their own. Progress toward the target is measured from it.
	Baseline      *Baseline      `json:"baseline,omitempty"`
	UnitBaselines []UnitBaseline `json:"unit_baselines,omitempty"`
	// TargetYear is the year Target is to be reached in (2025); zero for a
	// target of the plan's own year.
	TargetYear int `json:"target_year,omitempty"`
	// Milestones are targets for years on the way (2021 … 2024), years
	// ascending, each before TargetYear.
	Milestones []Milestone `json:"milestones,omitempty"`
	// Decimals is how many decimals every face shows the indicator's value
	// and gap with ("27.40%" with two). Left out, a percent shows two, as
	// bureaus publish rates, and any other unit up to two with trailing
	// zeros dropped ("17.5", "14"). A value that would round onto its bound
	// shows more decimals than this, so that what is shown agrees with the
	// status (94.996% against ≥ 95%).
	Decimals *int `json:"decimals,omitempty"`
	// Note explains encoding choices (for example a repaired range).
	Note string `json:"note,omitempty"`
}

// TargetContext is what the indicator's target is read against: its
// declared direction and its unit.
func (ind Indicator) TargetContext() rule.TargetContext {
	ctx := rule.TargetContext{Direction: ind.Direction, Unit: rule.Unit(ind.Unit), MayExceed100: ind.MayExceed100}
	if !ind.Unit.Known() {
		// The unknown unit is its own problem; the target is read as
		// written rather than refused a second time for it.
		ctx.Unit = rule.UnitAny
	}
	return ctx
}

// ParseTarget reads the indicator's target against its direction and unit
// (rule.ParseTargetFor): the one reading the validator, the catalogue and
// every face use. The warnings (a comparator against the declared
// direction) do not stop the target from being used.
func (ind Indicator) ParseTarget() (rule.Target, []msg.Text, error) {
	return rule.ParseTargetFor(ind.Target, ind.TargetContext())
}

// UnitTarget is a target a plan sets for some named units instead of the
// indicator's default: "县A、县B 综合得分达95分" beside "其余达90分".
type UnitTarget struct {
	// Units names the units, each by its id in the data or by its name;
	// a name must match exactly one unit of the data.
	Units []string `json:"units"`
	// Target as written, read like the indicator's own (its direction and
	// unit).
	Target string `json:"target"`
	// Wording is the plan's own phrase for these units, verbatim.
	Wording string `json:"wording,omitempty"`
}

// UnitTargetContext is what the indicator's per-unit targets are read
// against: its TargetContext, with the direction the default target's own
// words give when the indicator declares none, so that "县A 95" beside
// "其余达90分" reads ≥ 95 as the default reads ≥ 90.
func (ind Indicator) UnitTargetContext() rule.TargetContext {
	ctx := ind.TargetContext()
	if ctx.Direction == rule.DirectionUnknown {
		if t, _, err := ind.ParseTarget(); err == nil {
			ctx.Direction = t.Direction
		}
	}
	return ctx
}

// ParseUnitTarget reads the k-th per-unit target against the indicator's
// direction and unit (UnitTargetContext), as ParseTarget reads the default.
func (ind Indicator) ParseUnitTarget(k int) (rule.Target, []msg.Text, error) {
	return rule.ParseTargetFor(ind.UnitTargets[k].Target, ind.UnitTargetContext())
}

// Baseline is an indicator's value in the year a multi-year plan starts
// from.
type Baseline struct {
	Year int `json:"year"`
	// Value as written, in the indicator's unit like a target's number: a
	// bare 95 on a percent is 95%, "95%" likewise.
	Value string `json:"value"`
	// Wording is the plan's own phrase for it, verbatim.
	Wording string `json:"wording,omitempty"`
}

// UnitBaseline is the baseline of some named units instead of the
// indicator's.
type UnitBaseline struct {
	// Units names the units as UnitTarget.Units does.
	Units []string `json:"units"`
	// Year of the value; zero for the year of the indicator's Baseline.
	Year    int    `json:"year,omitempty"`
	Value   string `json:"value"`
	Wording string `json:"wording,omitempty"`
}

// Milestone is a target an indicator is to reach in a year before its
// target year.
type Milestone struct {
	Year int `json:"year"`
	// Target as written, read like the indicator's unit targets (its
	// direction and unit).
	Target  string `json:"target"`
	Wording string `json:"wording,omitempty"`
}

// ParseBaseline reads a baseline value in the indicator's unit: a number,
// with % only on a percent (where a bare number is read in percent too, as
// in data cells and targets).
func (ind Indicator) ParseBaseline(value string) (float64, error) {
	return parseValue(value, ind.Unit)
}

// ParseMilestone reads the k-th milestone's target as ParseUnitTarget reads
// a unit's.
func (ind Indicator) ParseMilestone(k int) (rule.Target, []msg.Text, error) {
	return rule.ParseTargetFor(ind.Milestones[k].Target, ind.UnitTargetContext())
}

// Place is where in a plan an indicator is stated: a goal, a task, or a line
// of the appendix.
type Place struct {
	// ID is the plan id of the goal, task or appendix item ("task-4").
	ID string `json:"id"`
	// Label is a short human label: "总体目标1", "任务4" / "Goal 1", "Task 4".
	Label msg.Text `json:"label"`
	// Title is the title of the goal, task or item.
	Title msg.Text `json:"title"`
}

// Known reports whether u is one of the units of measure this package knows.
func (u Unit) Known() bool {
	switch u {
	case Count, Percent, Ratio, Score, Money, Area, Years, Number:
		return true
	}
	return false
}

// Applies reports whether a scope covers a unit of a level and kind. An empty list of levels or
// kinds covers every level or kind.
func (s Scope) Applies(level org.Level, kind org.Kind) bool {
	if len(s.Levels) > 0 && !contains(s.Levels, level) {
		return false
	}
	if len(s.Kinds) > 0 && level == org.School && !contains(s.Kinds, kind) {
		return false
	}
	return true
}

func contains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// MaxDecimals is the most decimals an indicator may ask to be shown with:
// a float64 holds about fifteen significant digits, and no plan publishes
// a rate to more than a few.
const MaxDecimals = 6

// DisplayDecimals is how many decimals a value in unit u is shown with
// when its indicator declares decimals (nil when it does not), and whether
// they are fixed (trailing zeros kept: "27.40%") or at most that many
// ("17.5"). A percent keeps two by default, as bureaus publish rates.
func DisplayDecimals(u Unit, decimals *int) (n int, fixed bool) {
	switch {
	case decimals != nil:
		return *decimals, true
	case u == Percent:
		return 2, true
	}
	return 2, false
}
