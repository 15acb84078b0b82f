package indicators

import (
	"fmt"
	"math"
	"strings"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// Status is the outcome of one indicator for one unit.
type Status string

// Statuses.
const (
	Met           Status = "met"            // 达标
	NotMet        Status = "not_met"        // 未达标
	NoData        Status = "no_data"        // 缺数据: an input figure is missing
	NotComputable Status = "not_computable" // 无法计算: a zero denominator, or no finite value
	NotApplicable Status = "not_applicable" // 不适用: the indicator does not concern the unit
	// NoTarget: the value was computed but nothing holds it to a bound
	// (无目标): a formula typed without a target. It is never counted as
	// met. A plan's indicator always has a target (plan.Validate), so an
	// assessment against a plan gives it only if that rule is bypassed.
	NoTarget Status = "no_target"
)

// Statuses lists every status, in the order reports count them.
func Statuses() []Status {
	return []Status{Met, NotMet, NoData, NotComputable, NotApplicable, NoTarget}
}

// Name is the status's label in Chinese and English; a status this package
// does not define (from a hand-edited report) shows as written.
func (s Status) Name() msg.Text {
	switch s {
	case Met:
		return msg.T("达标", "met")
	case NotMet:
		return msg.T("未达标", "not met")
	case NoData:
		return msg.T("缺数据", "no data")
	case NotComputable:
		return msg.T("无法计算", "not computable")
	case NotApplicable:
		return msg.T("不适用", "not applicable")
	case NoTarget:
		return msg.T("无目标", "no target")
	}
	return msg.T(string(s), string(s))
}

// Known reports whether s is one of the statuses this package defines.
func (s Status) Known() bool {
	switch s {
	case Met, NotMet, NoData, NotComputable, NotApplicable, NoTarget:
		return true
	}
	return false
}

// Options narrow and shape an assessment.
type Options struct {
	// Units, when not empty, limits the report to these units (by id, or by
	// a name only one unit has) and their descendants. Figures of other
	// units are still used where they sum up.
	Units []string
	// NotApplicable keeps results for indicators that do not concern a unit.
	NotApplicable bool
	// Progress, when set, is called after each unit's results are built
	// with the number of units done and to do, so that a face can show
	// progress through a long batch without building the report itself.
	Progress func(done, total int)
	// ParentFigures chooses, where a parent reported a figure that its
	// children's figures sum to something else, which one the assessment
	// uses: ParentOwn (the default, also for "") or ParentSum. Either
	// way the report lists each such difference (Report.Hierarchy) and
	// every result that used such a figure says so. It shapes the
	// evaluation (Catalog.EvaluateWith), not only the report.
	ParentFigures ParentFigures
}

// Report is the assessment of a dataset against a plan.
type Report struct {
	Plan string `json:"plan,omitempty"`
	Year int    `json:"year"`
	// Levels are the plan's levels, from the top, when they are not the
	// default three (市 / 辖市区 / 学校 by those names): every face names a
	// unit's level by them (org.Hierarchy.Name), and a report read back
	// still does.
	Levels org.Hierarchy `json:"levels,omitempty"`
	Units  []UnitReport  `json:"units"`
	// Warnings concern the assessment as a whole: a unit the plan gives a
	// target of its own that is not in the data (Evaluation.Warnings).
	Warnings []msg.Text `json:"warnings,omitempty"`
	// Validation is the outcome of the plan's validation rules on the
	// units reported (see vrules.go); nil when the plan has none.
	Validation *Validation `json:"validation,omitempty"`
	// DataQuality summarises the data file assessed (Catalog.Quality); nil
	// for figures that came from no file.
	DataQuality *DataQuality `json:"data_quality,omitempty"`
	// Hierarchy lists the figures a parent reported that differ from the
	// sum of its children's, with the one used (Options.ParentFigures),
	// for the units the report covers.
	Hierarchy []FigureMismatch `json:"hierarchy,omitempty"`
}

// UnitReport is the assessment of one unit.
type UnitReport struct {
	Unit    dataset.OrgUnit `json:"unit"`
	Summary Summary         `json:"summary"`
	Results []Result        `json:"results"`
}

// Summary counts a unit's results, binding and aspirational targets apart,
// and the results shown for reference (Result.Reference) apart from both:
// a target the plan sets for the city is neither met nor missed by a
// school.
type Summary struct {
	Binding      Counts `json:"binding"`
	Aspirational Counts `json:"aspirational"`
	// Reference counts the results against a target the plan sets for
	// other units, by status, whatever their nature.
	Reference Counts `json:"reference"`
}

// Total is the number of results counted, verdicts and references alike.
func (s Summary) Total() int { return s.Binding.Total() + s.Aspirational.Total() + s.Reference.Total() }

// Counts counts results by status.
type Counts struct {
	Met           int `json:"met"`
	NotMet        int `json:"not_met"`
	NoData        int `json:"no_data"`
	NotComputable int `json:"not_computable"`
	NotApplicable int `json:"not_applicable,omitempty"`
	// NoTarget counts values held to no target: never met.
	NoTarget int `json:"no_target,omitempty"`
}

// Total is the number of results counted.
func (c Counts) Total() int {
	return c.Met + c.NotMet + c.NoData + c.NotComputable + c.NotApplicable + c.NoTarget
}

func (c *Counts) add(s Status) {
	switch s {
	case Met:
		c.Met++
	case NotMet:
		c.NotMet++
	case NoData:
		c.NoData++
	case NotComputable:
		c.NotComputable++
	case NotApplicable:
		c.NotApplicable++
	case NoTarget:
		c.NoTarget++
	}
}

// Add counts one result.
func (s *Summary) Add(r Result) { s.count(&r) }

// count is Add without copying the result.
func (s *Summary) count(r *Result) {
	if r.Reference {
		s.Reference.add(r.Status)
	} else if r.Nature == plan.Aspirational {
		s.Aspirational.add(r.Status)
	} else {
		s.Binding.add(r.Status)
	}
}

// Result is one indicator's outcome for one unit.
type Result struct {
	Indicator string      `json:"indicator"`
	Name      msg.Text    `json:"name"`
	Status    Status      `json:"status"`
	Nature    plan.Nature `json:"nature"`
	Unit      plan.Unit   `json:"unit"`
	// Decimals is the indicator's declared display decimals (absent when
	// the plan leaves them to the unit's default; see plan.DisplayDecimals).
	Decimals *int `json:"decimals,omitempty"`
	// Reference is set when the plan sets the target for other units
	// (plan.Indicator.TargetFor): the city's 升学率 shown on a school.
	// Status and gap are computed against the target as usual, but they
	// are the unit's figure beside someone else's target, not a verdict
	// on the unit: summaries count them apart and no policy fails on
	// them.
	Reference bool `json:"reference,omitempty"`
	// Value is the computed value; a percent is a fraction (0.992 is 99.2%).
	// It is absent when the status is no data or not computable.
	Value *float64 `json:"value,omitempty"`
	// Origin is "computed", or "reported" when the unit reported the
	// indicator's value itself rather than its inputs.
	Origin Origin     `json:"origin"`
	Target TargetInfo `json:"target"`
	// Gap is value minus the target's bound, in the target's unit:
	// percentage points for percents. Its sign says on which side of the
	// bound the value lies; Status says whether that side is good.
	Gap *float64 `json:"gap,omitempty"`
	// GapSide says whether the gap lies on the good side of the target
	// (better) or the bad side (worse); absent for a gap of zero.
	GapSide Side `json:"gapSide,omitempty"`
	// Formula is the indicator's formula as written in the plan.
	Formula    string           `json:"formula"`
	Inputs     []Input          `json:"inputs"`
	Aggregates []AggregateInput `json:"aggregates,omitempty"`
	Wording    string           `json:"wording"`
	Places     []plan.Place     `json:"places,omitempty"`
	// Reason explains a no data or not computable status.
	Reason   *msg.Text  `json:"reason,omitempty"`
	Warnings []msg.Text `json:"warnings,omitempty"`
}

// TargetInfo is a target as written and as understood.
type TargetInfo struct {
	Text string  `json:"text"`
	Op   rule.Op `json:"op"`
	// Value is the bound (the lower bound of a range); percents as fractions.
	Value float64  `json:"value"`
	Max   *float64 `json:"max,omitempty"`
	// Points: the target is a gap in percentage points.
	Points bool `json:"points,omitempty"`
	// Display is the target in symbols, in Chinese and English.
	Display msg.Text `json:"display"`
	// For is the indicator's plan.Indicator.TargetFor: the units the plan
	// sets the target for, when it says. A result with Reference set
	// names whose target it is from it ("市级目标 ≥ 99%").
	For *plan.Scope `json:"for,omitempty"`
	// Override is set when the plan holds this unit to a target of its
	// own instead of the indicator's default ("县A、县B 达95分，其余达90分"):
	// Text and Display are then the unit's own target.
	Override *TargetOverride `json:"override,omitempty"`
}

// TargetOverride says that a result's target is the unit's own, which the
// plan sets for named units, and what the other units are held to.
type TargetOverride struct {
	// Units are the units the plan names with this target, each by its
	// name in the data when the plan gives its id (as written otherwise).
	Units []string `json:"units"`
	// Wording is the plan's own words for these units, when given.
	Wording string `json:"wording,omitempty"`
	// Default is the indicator's target for every other unit, as written
	// and in symbols.
	Default        string   `json:"default"`
	DefaultDisplay msg.Text `json:"default_display"`
}

// Input is one figure a result was computed from.
type Input struct {
	ID     string    `json:"id"`
	Name   msg.Text  `json:"name"`
	Unit   plan.Unit `json:"unit"`
	Value  *float64  `json:"value,omitempty"`
	Origin Origin    `json:"origin"`
	// Children is how many child units' figures were summed.
	Children int `json:"children,omitempty"`
	// MissingIn names the units below that should have reported the figure
	// and did not — the schools, not just the district between — when a
	// sum is missing because of them.
	MissingIn []string `json:"missing_in,omitempty"`
	// Own and ChildrenSum are set when the unit reported the figure and
	// its children's figures sum to something else (FigureMismatch):
	// Value is then the one used, Origin says which ("reported" for the
	// unit's own, "summed" for the sum).
	Own         *float64 `json:"own,omitempty"`
	ChildrenSum *float64 `json:"children_sum,omitempty"`
}

// AggregateInput is an aggregate over child units that a result used, with
// each child's value (and weight, for a weighted one).
type AggregateInput struct {
	Func string `json:"func"`
	Of   string `json:"of"`
	// Weight is the weight formula of a weighted cv, as written
	// (cv(生均教学仪器设备值, 在校生数) has 在校生数); empty when unweighted.
	Weight   string       `json:"weight,omitempty"`
	Value    *float64     `json:"value,omitempty"`
	Children []ChildValue `json:"children"`
}

// ChildValue is one child unit's value inside an aggregate.
type ChildValue struct {
	Unit  string   `json:"unit"`
	Name  string   `json:"name"`
	Value *float64 `json:"value,omitempty"`
	// State is "ok", "missing", "not_computable" or "not_applicable".
	State string `json:"state"`
	// Weight is the child's weight in a weighted aggregate, when known;
	// WeightState is its state, set only in a weighted aggregate.
	Weight      *float64 `json:"weight,omitempty"`
	WeightState string   `json:"weight_state,omitempty"`
}

// Assess evaluates d and reports every unit (or those opt names).
func (c *Catalog) Assess(d *dataset.Dataset, opt Options) (*Report, error) {
	e, err := c.EvaluateWith(d, opt)
	if err != nil {
		return nil, err
	}
	return e.Report(opt)
}

// Report turns the evaluation into per-unit results, units in dataset order.
func (e *Evaluation) Report(opt Options) (*Report, error) {
	s, err := e.Stream(opt)
	if err != nil {
		return nil, err
	}
	return s.Report()
}

// msgParentFigures refuses a report whose choice of parent figures is not
// the evaluation's.
func msgParentFigures(used, asked ParentFigures) error {
	return msg.Errorf("评估用的上级数据是 %q 而不是 %q（见 EvaluateWith）",
		"parent figures are %q in the evaluation, not %q (see EvaluateWith)", string(used), string(asked))
}

// selection marks the units named and their descendants.
func (e *Evaluation) selection(ids []string) ([]bool, error) {
	keep, missing := e.data.Within(ids)
	var probs msg.Problems
	for _, id := range missing {
		probs.Add("units", "数据中没有单位 %q", "no unit %q in the data", id)
	}
	return keep, probs.Err()
}

// UnitReport gives the results of the unit at position i, in catalogue
// order; opt.NotApplicable keeps the indicators that do not concern it
// (opt.Units plays no part here).
func (e *Evaluation) UnitReport(i int, opt Options) UnitReport {
	var ur UnitReport
	e.unitReport(&ur, i, opt, nil)
	return ur
}

// unitScratch is the memory a Stream builds each unit in, reused from one
// unit to the next; or, when keep is set, the memory a whole Report is
// built in, carved unit after unit from arrays shared by many units, never
// reused: an allocation per thousand results rather than three per unit.
type unitScratch struct {
	unit    UnitReport
	results []Result
	slab    slab
	keep    bool
}

// keptChunk is how many results, values or inputs a kept scratch allocates
// at once (more when one unit needs more).
const keptChunk = 1024

// unitReport sets *ur to UnitReport's, built in sc's memory when sc is not
// nil. In place: a UnitReport moved whole goes through the collector's
// write barrier.
func (e *Evaluation) unitReport(ur *UnitReport, i int, opt Options, sc *unitScratch) {
	notApplicable := opt.NotApplicable
	count, floats, inputs := 0, 0, 0
	for ix := range e.cat.inds {
		en := e.inds[ix].get(i)
		if en.c == cNotApplicable && !notApplicable {
			continue
		}
		count++
		floats += 2
		if en.c != cNotApplicable && en.o != Reported {
			n := len(e.cat.inds[ix].vars)
			floats += n
			inputs += n
		}
	}
	// Every value, gap and input of the unit's results comes out of
	// these, sized to what they need: an allocation per unit rather than
	// one per value.
	var sl slab
	ur.Unit = e.data.Units[i]
	ur.Summary = Summary{}
	if sc == nil {
		sl = slab{f: make([]float64, 0, floats), in: make([]Input, 0, inputs)}
		ur.Results = make([]Result, 0, count)
	} else if sc.keep {
		sl = sc.slab.carve(floats, inputs)
		if cap(sc.results)-len(sc.results) < count || sc.results == nil {
			// Never nil, even for a unit without results: a report
			// lists them as [], not null.
			sc.results = make([]Result, 0, max(count, keptChunk))
		}
		n := len(sc.results)
		ur.Results = sc.results[n : n : n+count]
		sc.results = sc.results[:n+count]
		defer func() { sc.slab = sl }()
	} else {
		sl = sc.slab.reuse(floats, inputs)
		if cap(sc.results) < count {
			sc.results = make([]Result, 0, count)
		}
		// The last unit's results: fill writes on zero ones.
		clear(sc.results[:count])
		ur.Results = sc.results[:0]
		defer func() { sc.slab = sl }()
	}
	for ix := range e.cat.inds {
		if e.inds[ix].status(i) == cNotApplicable && !notApplicable {
			continue
		}
		// Built in place: a Result is some 400 bytes, and each copy
		// costs as much as the rest of its building.
		n := len(ur.Results)
		ur.Results = ur.Results[:n+1]
		e.fill(&ur.Results[n], ix, i, &sl)
		ur.Summary.count(&ur.Results[n])
	}
}

// slab hands out the values and input lists of one unit's results from
// arrays shared by all of them.
type slab struct {
	f  []float64
	in []Input
}

// ptr points at a copy of v; when the array is full it starts another
// (small: only figures a parent reported beside its children's sum, and
// aggregates, are not counted ahead).
func (s *slab) ptr(v float64) *float64 {
	if len(s.f) == cap(s.f) {
		s.f = make([]float64, 0, 16)
	}
	s.f = append(s.f, v)
	return &s.f[len(s.f)-1]
}

// reuse gives a slab of s's arrays emptied, or of new ones where they are
// smaller than asked.
func (s slab) reuse(floats, inputs int) slab {
	if cap(s.f) < floats {
		s.f = make([]float64, 0, floats)
	}
	if cap(s.in) < inputs {
		s.in = make([]Input, 0, inputs)
	}
	return slab{f: s.f[:0], in: s.in[:0]}
}

// carve gives a slab with room for floats values and inputs inputs after
// what s has handed out, in new arrays where s's are full; what s handed
// out stays as it is.
func (s slab) carve(floats, inputs int) slab {
	if cap(s.f)-len(s.f) < floats {
		s.f = make([]float64, 0, max(floats, keptChunk))
	}
	if cap(s.in)-len(s.in) < inputs || s.in == nil {
		// Never nil: a result's inputs are [], not null, when none.
		s.in = make([]Input, 0, max(inputs, keptChunk))
	}
	return s
}

// inputs gives an empty list with room for n inputs.
func (s *slab) inputs(n int) []Input {
	if cap(s.in)-len(s.in) < n {
		s.in = make([]Input, 0, n)
	}
	start := len(s.in)
	s.in = s.in[:start+n]
	return s.in[start : start : start+n]
}

// Result gives the result of one indicator for the unit at position i, as
// UnitReport would list it, so that a face showing a grid of units and
// indicators can show each cell's texts without building whole reports. It
// reports false for an indicator the catalogue does not have.
func (e *Evaluation) Result(id string, i int) (Result, bool) {
	ix, ok := e.cat.indIndex[id]
	if !ok || i < 0 || i >= len(e.data.Units) {
		return Result{}, false
	}
	var res Result
	e.fill(&res, ix, i, &slab{})
	return res, true
}

// Outcome is a result's status, value, gap and target without the inputs,
// aggregates, places and reasons a full Result carries: for tables of many
// units, where each cell needs only what its text is made of (see
// view.ValueOf). ok is false for an unknown indicator or position.
func (e *Evaluation) Outcome(id string, i int) (res Result, ok bool) {
	ix, ok := e.cat.indIndex[id]
	if !ok || i < 0 || i >= len(e.data.Units) {
		return Result{}, false
	}
	ci := &e.cat.inds[ix]
	en := e.inds[ix].get(i)
	res = Result{Indicator: ci.ID, Status: en.c.status(), Reference: e.reference(ix, i), Nature: ci.nature, Unit: ci.Unit, Decimals: ci.Decimals,
		Origin: en.o, Target: *e.info(ix, i)}
	e.setValue(&res, ix, i, en, &slab{})
	return res, true
}

// setValue sets a result's value and gap from en, the unit's entry.
func (e *Evaluation) setValue(res *Result, ix, i int, en entry, sl *slab) (over bool) {
	over = e.over[ix] != nil && e.over[ix][i]
	if en.s == rule.OK || over {
		res.Value = sl.ptr(clean(en.v))
		if res.Status == Met || res.Status == NotMet {
			res.Gap = sl.ptr(round(e.target(ix, i).Gap(en.v), 6))
			res.GapSide = SideOf(res.Status, *res.Gap)
		}
	}
	return over
}

// fill sets *res, a zero Result, to the result of the indicator at
// position ix for the unit at i.
func (e *Evaluation) fill(res *Result, ix, i int, sl *slab) {
	ci := &e.cat.inds[ix]
	en := e.inds[ix].get(i)
	st := en.c.status()
	// Field by field: *res is zero already, and a Result written whole
	// goes through the collector's write barrier for all its 400 bytes
	// (8% of a report's building while the collector runs).
	res.Indicator = ci.ID
	res.Name = ci.Name
	res.Status = st
	res.Reference = e.reference(ix, i)
	res.Nature = ci.nature
	res.Unit = ci.Unit
	res.Decimals = ci.Decimals
	res.Origin = en.o
	res.Target = *e.info(ix, i)
	res.Formula = ci.Formula
	res.Wording = ci.Wording
	res.Places = ci.places
	over := e.setValue(res, ix, i, en, sl)
	if res.Value != nil {
		if ci.Unit == plan.Percent && en.v > 1 && !over {
			res.Warnings = append(res.Warnings, msg.Text{
				ZH: "数值超过100%：本指标允许（如毛入学率、巩固率），请确认数据无误",
				EN: "value above 100%: allowed for this indicator (a gross enrolment or retention rate); check the figures",
			})
		}
	}
	if st == NotApplicable || res.Origin == Reported {
		// A value the unit reported itself was computed from nothing:
		// no inputs, aggregates or reason to give.
		res.Inputs = []Input{}
		return
	}
	res.Inputs = sl.inputs(len(ci.vars))[:len(ci.vars)]
	for k := range ci.vars {
		e.input(&res.Inputs[k], ci, k, i, sl)
	}
	for k, a := range ci.aggs {
		res.Aggregates = append(res.Aggregates, e.aggregateInput(ix, k, a, i, sl))
	}
	switch st {
	case NoData:
		res.Reason = &msg.Text{ZH: "缺少数据", EN: "figures missing"}
		if zh, en := missingNames(res.Inputs); zh != "" {
			res.Reason.ZH += "：" + zh
			res.Reason.EN += ": " + en
		} else if len(res.Aggregates) > 0 {
			res.Reason = &msg.Text{ZH: "下级单位缺少数据", EN: "a child unit lacks figures"}
		}
	case NotComputable:
		res.Reason = &msg.Text{ZH: "无法计算：分母为零或结果不是有限数", EN: "not computable: a zero denominator or a result that is not a finite number"}
		if over {
			res.Reason = &msg.Text{ZH: "数据矛盾：比率超过100%（部分大于整体），请核对数据",
				EN: "inconsistent figures: a share above 100% (the part exceeds the whole); check the figures"}
		}
	}
}

// inputByID is input for a figure named by id, for a formula that is not
// the catalogue's.
func (e *Evaluation) inputByID(id string, i int) Input {
	ci := compiled{vars: []string{id}, varMetric: []int{-1}, varInd: []int{0}}
	if mi, ok := e.cat.metricIndex[id]; ok {
		ci.varMetric[0] = mi
	} else {
		ci.varInd[0] = e.cat.indIndex[id]
	}
	var in Input
	e.input(&in, &ci, 0, i, &slab{})
	return in
}

// input sets *in, a zero Input, to the k-th input figure of indicator ci
// for the unit at i.
func (e *Evaluation) input(in *Input, ci *compiled, k, i int, sl *slab) {
	*in = Input{}
	id := ci.vars[k]
	if mi := ci.varMetric[k]; mi >= 0 {
		m := &e.cat.metrics[mi]
		v := e.metricCol(mi)
		en := v.get(i)
		in.ID, in.Name, in.Unit, in.Origin = id, m.Name, m.Unit, en.o
		if en.s == rule.OK {
			in.Value = sl.ptr(clean(en.v))
		}
		if en.o == Summed {
			for _, ch := range e.data.Children(i) {
				if v.state(ch) == rule.OK {
					in.Children++
				}
			}
		}
		if en.s == rule.Missing {
			in.MissingIn = e.missingBelow(v, i, nil)
		}
		if e.mismatchAt != nil {
			if at := e.mismatchAt[mi]; at != nil && at[i] > 0 {
				fm := &e.mismatches[at[i]-1]
				in.Own, in.ChildrenSum = sl.ptr(fm.Own), sl.ptr(fm.ChildrenSum)
			}
		}
		return
	}
	ix := ci.varInd[k]
	dep := &e.cat.inds[ix]
	en := e.inds[ix].get(i)
	in.ID, in.Name, in.Unit, in.Origin = id, dep.Name, dep.Unit, en.o
	if en.s == rule.OK {
		in.Value = sl.ptr(clean(en.v))
	} else if en.s == rule.Skip {
		in.Origin = Irrelevant
	}
}

// missingBelow collects the units under i whose figure is missing and that
// are not missing only because of their own children: the ones to ask.
func (e *Evaluation) missingBelow(v *packed, i int, out []string) []string {
	for _, ch := range e.data.Children(i) {
		if v.state(ch) != rule.Missing {
			continue
		}
		before := len(out)
		out = e.missingBelow(v, ch, out)
		if len(out) == before {
			out = append(out, e.data.Units[ch].Name)
		}
	}
	return out
}

func (e *Evaluation) aggregateInput(ix, k int, a *rule.Aggregate, i int, sl *slab) AggregateInput {
	out := AggregateInput{Func: a.Func, Of: a.Arg.Source(), Children: []ChildValue{}}
	if a.Weighted() {
		out.Weight = a.Weight.Source()
	}
	if agg := e.aggs[ix][k]; agg.S[i] == rule.OK {
		out.Value = sl.ptr(clean(agg.V[i]))
	}
	args := e.argVals[ix][k]
	arg, w := args.arg, args.weight
	members := e.data.Children(i)
	if below := e.membersOf(e.cat.inds[ix].Over); below != nil {
		members = below[i]
	}
	for _, ch := range members {
		cv := ChildValue{Unit: e.data.Units[ch].ID, Name: e.data.Units[ch].Name, State: stateName(arg.S[ch])}
		if arg.S[ch] == rule.OK {
			cv.Value = sl.ptr(clean(arg.V[ch]))
		}
		if a.Weighted() {
			cv.WeightState = stateName(w.S[ch])
			if w.S[ch] == rule.OK {
				cv.Weight = sl.ptr(clean(w.V[ch]))
			}
		}
		out.Children = append(out.Children, cv)
	}
	return out
}

func stateName(s rule.State) string {
	switch s {
	case rule.OK:
		return "ok"
	case rule.Undefined:
		return "not_computable"
	case rule.Skip:
		return "not_applicable"
	default:
		return "missing"
	}
}

func targetInfo(t rule.Target) TargetInfo {
	ti := TargetInfo{Text: t.Text, Op: t.Op, Value: t.Value, Points: t.Points,
		Display: msg.Text{ZH: t.Format("zh"), EN: t.Format("en")}}
	if t.Op == rule.Between {
		ti.Max = ptr(t.Max)
	}
	return ti
}

// missingNames names the inputs without a value, in Chinese and English,
// each with the first units below that did not report it.
func missingNames(ins []Input) (zh, en string) {
	const most = 5
	var zhs, ens []string
	for _, in := range ins {
		if in.Value != nil {
			continue
		}
		name := in.Name.EN
		if name == "" {
			name = in.ID
		}
		z := in.Name.ZH
		if n := len(in.MissingIn); n > 0 {
			units := strings.Join(in.MissingIn[:min(n, most)], "、")
			unitsEN := strings.Join(in.MissingIn[:min(n, most)], ", ")
			if n > most {
				units += fmt.Sprintf("等%d个单位", n)
				unitsEN += fmt.Sprintf(" and %d more", n-most)
			}
			z += "（未报：" + units + "）"
			name += " (not reported by " + unitsEN + ")"
		}
		zhs = append(zhs, z)
		ens = append(ens, name)
	}
	return strings.Join(zhs, "、"), strings.Join(ens, ", ")
}

func ptr(v float64) *float64 { return &v }

// clean rounds away the last bits of binary noise (0.1+0.2) so that reports
// show and serialise what a person would compute by hand: to 13
// significant digits. A report cleans every value it gives, so the
// magnitude comes from a table, not a logarithm, except within a hair of a
// power of ten, where the logarithm decides as it always has (it rounds
// there), so that every value comes out bit for bit as before.
func clean(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	a := math.Abs(v)
	if a < decades[0] || a >= decades[len(decades)-1] {
		return v // 16 places or more either way: round leaves it
	}
	if a < 1e13 && a == math.Trunc(a) {
		// A count: v·10^(12-mag) is a whole number below 10^13, exact,
		// so rounding gives v back.
		return v
	}
	// decades[k] <= a < decades[k+1], from a's binary exponent: its
	// decimal one is e2·log10(2) (78913/2^18), or one more.
	e2 := int(math.Float64bits(a)>>52&0x7ff) - 1023
	k := max((e2*78913)>>18-minMag, 0)
	for a >= decades[k+1] {
		k++
	}
	for k > 0 && a < decades[k] {
		k--
	}
	mag := k + minMag
	if a < decades[k]*(1+1e-12) || a > decades[k+1]*(1-1e-12) {
		mag = int(math.Floor(math.Log10(a)))
	}
	if places := 12 - mag; places <= 15 && places >= -15 {
		// a < 1e29 and 10^places <= 1e15: no overflow to check for.
		p := pow10[places+15]
		return math.Round(v*p) / p
	}
	return v
}

// decades are the powers of ten from 10^minMag to 10^maxMag: a magnitude
// outside them is more than 15 decimal places from 12, which round leaves.
const minMag, maxMag = -4, 29

var decades = func() (d [maxMag - minMag + 1]float64) {
	for k := range d {
		d[k] = math.Pow(10, float64(k+minMag))
	}
	return d
}()

// pow10 holds 10^-15 to 10^15 as math.Pow gives them, so that round gives
// the same value it always has without a Pow per call.
var pow10 = func() (p [31]float64) {
	for k := range p {
		p[k] = math.Pow(10, float64(k-15))
	}
	return p
}()

func round(v float64, places int) float64 {
	if places > 15 || places < -15 {
		return v
	}
	p := pow10[places+15]
	r := math.Round(v*p) / p
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return v
	}
	return r
}
