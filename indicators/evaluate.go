package indicators

import (
	"fmt"
	"sync"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// Origin says where a figure used in an assessment came from.
type Origin uint8

// Origins of a figure.
const (
	// Absent: nobody reported the figure and it could not be summed.
	Absent Origin = iota
	// Reported: the unit reported the figure itself.
	Reported
	// Summed: the figure is the sum of the unit's children's figures.
	Summed
	// Computed: the value of an indicator, computed by its formula.
	Computed
	// Irrelevant: the figure does not concern this unit (a primary school
	// has no kindergarten pupils).
	Irrelevant
)

var originNames = [...]string{"missing", "reported", "summed", "computed", "not_applicable"}

func (o Origin) String() string { return originNames[o] }

// originText holds each name as MarshalText gives it: a report writes an
// origin per result and per input, and a copy each time was a third of a
// streamed report's allocations. Encoders only read what it returns.
var originText = func() (out [len(originNames)][]byte) {
	for i, n := range originNames {
		out[i] = []byte(n)
	}
	return out
}()

// MarshalText writes the origin's name.
func (o Origin) MarshalText() ([]byte, error) {
	if int(o) < len(originText) {
		return originText[o], nil
	}
	return []byte(o.String()), nil
}

// UnmarshalText reads an origin's name, so that a report read back from
// JSON equals the one written.
func (o *Origin) UnmarshalText(b []byte) error {
	for i, name := range originNames {
		if string(b) == name {
			*o = Origin(i)
			return nil
		}
	}
	return fmt.Errorf("unknown origin %q", b)
}

// Evaluation holds the value and status of every indicator for every unit of
// a dataset, as columns. It is the fast core of an assessment: Report turns
// it into per-unit results.
type Evaluation struct {
	cat  *Catalog
	data *dataset.Dataset

	// metricCols are the effective figures, by catalogue position of the
	// metric: reported, or summed up the hierarchy, and which of the two.
	// A metric's column is summed when first read (metricCol), so that an
	// evaluation sums only the metrics its indicators and rules read,
	// except those a parent reported beside children, summed at once
	// because their mismatches belong to every report.
	metricCols []packed
	metricOnce []sync.Once
	// pool lends the dense columns formulas run on while the evaluation
	// is made; nil after.
	pool  *vectors
	order []int // unit positions, children first

	// below lists, per level an indicator's aggregates range over
	// (Indicator.Over), the units of that level below each unit.
	below map[org.Level][][]int

	// inds hold each indicator's value, status and origin (Reported
	// when a unit reported the value itself) for every unit, by
	// catalogue position of the indicator.
	inds []packed
	// over marks percents above 100% that may not exceed it (the part
	// exceeds the whole): not computable, the value kept for the report.
	// Nil for an indicator with none.
	over    [][]bool
	aggs    [][]rule.Vector
	argVals [][]aggArgs // each aggregate's arguments, evaluated on every unit

	// own holds, per indicator with per-unit targets, 1 + the override
	// each unit is held to (0: the default); nil for the others.
	// resolveOverrides fills it once per evaluation.
	own      [][]int32
	infos    [][]TargetInfo // per override, its units named as the data names them
	problems msg.Problems
	warnings []msg.Text
	// rules hold each validation rule's outcome, by catalogue position.
	rules []ruleEval

	// Units fall into a few classes of level and kind; scopes are decided
	// once per class rather than once per unit.
	classOf []int
	classes []dataset.OrgUnit

	// refClass marks, per indicator with a target_for, the classes of
	// unit that see its target for reference only; nil for the others.
	refClass [][]bool
	// parent is the choice of figure where a parent's own and its
	// children's sum differ; mismatches are those differences, and
	// mismatchAt finds one: 1 + its position, by catalogue position of the
	// metric (nil for a metric without any) and unit; nil when there are
	// none.
	parent     ParentFigures
	mismatches []FigureMismatch
	mismatchAt [][]int32
}

// Evaluate computes every indicator for every unit of d. A parent's figures
// are summed from its children where the metric aggregates by sum and the
// parent did not report its own; a rate is then computed from those sums,
// never averaged from the children's rates. Where a parent reported its
// own figure and the children's figures sum to something else, the
// parent's own is used (see EvaluateWith) and the difference is listed
// (Mismatches).
func (c *Catalog) Evaluate(d *dataset.Dataset) *Evaluation {
	e, _ := c.EvaluateWith(d, Options{})
	return e
}

// EvaluateWith is Evaluate with the choice of opt.ParentFigures: the
// parent's own figure (the default) or the sum of its children's where the
// two differ. The other fields of opt shape reports, not the evaluation.
// An unknown choice is an error, and the evaluation is then nil.
func (c *Catalog) EvaluateWith(d *dataset.Dataset, opt Options) (*Evaluation, error) {
	parent, err := ParseParentFigures(string(opt.ParentFigures))
	if err != nil {
		return nil, err
	}
	n := len(d.Units)
	e := &Evaluation{
		parent:  parent,
		cat:     c,
		data:    d,
		inds:    make([]packed, len(c.inds)),
		over:    make([][]bool, len(c.inds)),
		aggs:    make([][]rule.Vector, len(c.inds)),
		argVals: make([][]aggArgs, len(c.inds)),
		own:     make([][]int32, len(c.inds)),
		infos:   make([][]TargetInfo, len(c.inds)),
	}
	e.metricCols = make([]packed, len(c.metrics))
	e.pool = &vectors{}
	e.metricOnce = make([]sync.Once, len(c.metrics))
	e.classify()
	e.resolveOverrides()
	e.referenceClasses()
	order, tree := treeOrder(d)
	e.order = order
	var up []int32
	if tree {
		up = e.parentPositions()
	}
	seen := make([]bool, n)
	for k := range c.metrics {
		// In a parent cycle no order puts parents first: every metric
		// is summed, as mayMismatch cannot rule a mismatch out.
		if !tree || e.mayMismatch(k, up, seen) {
			e.metricCol(k)
		}
	}
	scratch := &evalScratch{}
	for _, i := range c.order {
		e.evalIndicator(i, n, scratch)
	}
	e.evalRules(n, scratch)
	e.pool = nil
	return e, nil
}

func (e *Evaluation) classify() {
	type key struct {
		level org.Level
		kind  org.Kind
	}
	index := map[key]int{}
	e.classOf = make([]int, len(e.data.Units))
	for i, u := range e.data.Units {
		k := key{u.Level, u.Kind}
		c, ok := index[k]
		if !ok {
			c = len(e.classes)
			index[k] = c
			e.classes = append(e.classes, dataset.OrgUnit{Level: u.Level, Kind: u.Kind})
		}
		e.classOf[i] = c
	}
}

// perClass decides a scope question once for each class of unit.
func (e *Evaluation) perClass(f func(dataset.OrgUnit) bool) []bool {
	out := make([]bool, len(e.classes))
	for c, u := range e.classes {
		out[c] = f(u)
	}
	return out
}

// parentPositions gives each unit's parent's position + 1 (0 for a root).
func (e *Evaluation) parentPositions() []int32 {
	up := make([]int32, len(e.data.Units))
	for i := range up {
		for _, ch := range e.data.Children(i) {
			up[ch] = int32(i) + 1
		}
	}
	return up
}

// mayMismatch reports whether the metric at k can give a figure mismatch:
// it sums, and a unit reported it below a unit that reported it too. up
// holds the parents (parentPositions) of a tree; seen is false for every
// unit, and is again on return.
func (e *Evaluation) mayMismatch(k int, up []int32, seen []bool) bool {
	m := &e.cat.metrics[k]
	col := e.data.Column(m.ID)
	if m.Aggregate != plan.Sum || col == nil {
		return false
	}
	// Up from each unit with a figure: a parent with one too is a
	// mismatch in the making. A parent met before had its own parents
	// looked at then, so each is looked at once, and a metric only
	// schools report costs a step per school (a walk down from each
	// parent looked up every unit below it in the column).
	var met []int32
	defer func() {
		for _, p := range met {
			seen[p] = false
		}
	}()
	units, _ := col.Figures()
	for _, i := range units {
		for p := up[i]; p > 0 && !seen[p-1]; p = up[p-1] {
			seen[p-1] = true
			met = append(met, p-1)
			if _, ok := col.At(int(p - 1)); ok {
				return true
			}
		}
	}
	return false
}

// metricCol gives the effective figures of the metric at catalogue
// position k and their origins, summing them the first time.
func (e *Evaluation) metricCol(k int) *packed {
	e.metricOnce[k].Do(func() {
		v, o := e.effective(k, e.cat.metrics[k], e.order)
		e.metricCols[k] = pack(v, o, nil, metricDefault)
		e.pool.put(v)
	})
	return &e.metricCols[k]
}

// postOrder lists unit positions children first. Units in a parent cycle or
// with an unknown parent are treated as roots, so a malformed hierarchy
// cannot loop.
func postOrder(d *dataset.Dataset) []int {
	order, _ := treeOrder(d)
	return order
}

// treeOrder is postOrder, and whether every unit was reached from a root:
// false when some are in a parent cycle.
func treeOrder(d *dataset.Dataset) (order []int, tree bool) {
	n := len(d.Units)
	seen := make([]bool, n)
	order = make([]int, 0, n)
	var visit func(i int)
	visit = func(i int) {
		seen[i] = true
		for _, ch := range d.Children(i) {
			if !seen[ch] {
				visit(ch)
			}
		}
		order = append(order, i)
	}
	for i, u := range d.Units {
		if _, ok := d.Index(u.Parent); u.Parent == "" || !ok {
			if !seen[i] {
				visit(i)
			}
		}
	}
	tree = len(order) == n
	for i := range d.Units {
		if !seen[i] {
			visit(i)
		}
	}
	return order, tree
}

// effective computes a metric's figure for every unit: the reported value,
// else the sum of the children that concern the metric. A child that should
// report the figure and did not makes the sum missing: missing is not zero.
// A reported value that differs from a complete sum of the children's is
// recorded as a mismatch and replaced by the sum under ParentSum.
func (e *Evaluation) effective(k int, m plan.Metric, order []int) (rule.Vector, []Origin) {
	d := e.data
	n := len(d.Units)
	named := e.perClass(func(u dataset.OrgUnit) bool { return reports(m.ReportedBy, u) })
	// A unit without children that could have summed the figure should
	// have reported it (a district checking itself enters its totals);
	// so should any unit the metric names as reporting it. Decided per
	// class: reading each unit's level, walking the units 77 times, was
	// 40% of this function.
	leafReports := e.perClass(func(u dataset.OrgUnit) bool {
		return reports(m.ReportedBy, u) || (u.Level != org.School && m.Aggregate == plan.Sum)
	})
	v := e.pool.get(n)
	origins := make([]Origin, n)
	// The reported figures first: the column holds only the units that
	// have one, and the walk below goes children first, not in order.
	units, values := d.Column(m.ID).Figures()
	for j, i := range units {
		v.V[i], v.S[i], origins[i] = values[j], rule.OK, Reported
	}
	for _, i := range order {
		chs := d.Children(i)
		if origins[i] == Reported {
			if m.Aggregate != plan.Sum || len(chs) == 0 {
				continue
			}
			if sum, cnt, ok := childrenSum(v, chs); ok && disagree(v.V[i], sum, cnt, m.Integral) {
				e.addMismatch(k, m, i, v.V[i], sum, cnt)
				if e.parent == ParentSum {
					v.V[i], origins[i] = sum, Summed
				}
			}
			continue
		}
		inScope := named[e.classOf[i]]
		if len(chs) == 0 {
			inScope = leafReports[e.classOf[i]]
		}
		if m.Aggregate == plan.Sum {
			sum, any, missing := 0.0, false, false
			for _, ch := range chs {
				switch v.S[ch] {
				case rule.OK:
					sum += v.V[ch]
					any = true
				case rule.Missing, rule.Undefined:
					missing = true
				}
			}
			switch {
			case missing:
				v.S[i], origins[i] = rule.Missing, Absent
				continue
			case any:
				v.V[i], v.S[i], origins[i] = sum, rule.OK, Summed
				continue
			}
		}
		if inScope {
			v.S[i], origins[i] = rule.Missing, Absent
		} else {
			v.S[i], origins[i] = rule.Skip, Irrelevant
		}
	}
	return v, origins
}

type evalScratch struct {
	vals, wvals []float64
	sts, wsts   []rule.State
}

// aggArgs are an aggregate's arguments evaluated on every unit: the value,
// and the weight of a weighted one (Weight.V nil otherwise).
type aggArgs struct {
	arg, weight rule.Vector
}

// packedOf returns the kept column of a metric or indicator id.
func (e *Evaluation) packedOf(id string) *packed {
	if k, ok := e.cat.metricIndex[id]; ok {
		return e.metricCol(k)
	}
	return &e.inds[e.cat.indIndex[id]]
}

// column returns the column of a metric or indicator id with irrelevant
// entries marked Skip, made anew for the caller.
func (e *Evaluation) column(id string) rule.Vector {
	v := e.pool.get(len(e.data.Units))
	e.packedOf(id).expand(v)
	return v
}

// inputs gathers the columns of a program's variables. A Skip (the figure
// does not concern the unit) reads as Missing, since the indicator applies.
func (e *Evaluation) inputs(p *rule.Program, n int) ([]rule.Vector, []bool) {
	vars := p.Vars()
	cols := make([]rule.Vector, len(vars))
	allSkip := make([]bool, n)
	for i := range allSkip {
		allSkip[i] = len(vars) > 0
	}
	for k, id := range vars {
		dst := e.column(id)
		for i, s := range dst.S {
			if s == rule.Skip {
				dst.S[i] = rule.Missing
			} else {
				allSkip[i] = false
			}
		}
		cols[k] = dst
	}
	return cols, allSkip
}

func (e *Evaluation) evalIndicator(ix, n int, sc *evalScratch) {
	ci := &e.cat.inds[ix]
	d := e.data
	val, aggCols, argCols := e.evalProgram(ci.formula, ci.Over, n, sc)
	derived := make([]Origin, n)
	for i := range derived {
		derived[i] = Computed
	}
	units, values := d.Column(ci.ID).Figures()
	for k, i := range units {
		val.V[i], val.S[i], derived[i] = values[k], rule.OK, Reported
	}
	st := make([]code, n)
	applies := e.perClass(func(u dataset.OrgUnit) bool { return ci.AppliesTo.Applies(u.Level, u.Kind) })
	own := e.own[ix]
	for i := range d.Units {
		if !applies[e.classOf[i]] {
			val.S[i], st[i] = rule.Skip, cNotApplicable
			continue
		}
		if ci.Unit == plan.Percent && !ci.MayExceed100 && val.S[i] == rule.OK && val.V[i] > 1+1e-9 {
			if e.over[ix] == nil {
				e.over[ix] = make([]bool, n)
			}
			// Undefined, so that an aggregate over this unit is not
			// computable either; the value stays for the report.
			e.over[ix][i], val.S[i], st[i] = true, rule.Undefined, cNotComputable
			continue
		}
		if own != nil && own[i] > 0 {
			st[i] = statusOf(val.V[i], val.S[i], &ci.overrides[own[i]-1].target)
			continue
		}
		st[i] = statusOf(val.V[i], val.S[i], &ci.target)
	}
	e.inds[ix] = pack(val, derived, st, indicatorDefault)
	e.pool.put(val)
	e.aggs[ix], e.argVals[ix] = aggCols, argCols
}

// evalProgram computes a formula for every unit: first each aggregate's
// argument (and weight) on every unit and its reduction over each unit's
// children (over every unit of level over below it, when over is not ""),
// then the formula itself.
func (e *Evaluation) evalProgram(p *rule.Program, over org.Level, n int, sc *evalScratch) (val rule.Vector, aggCols []rule.Vector, argCols []aggArgs) {
	aggCols, argCols = e.reduceAggregates(p, over, n, sc)
	vars, _ := e.inputs(p, n)
	val = e.pool.get(n)
	p.Eval(n, vars, aggCols, val)
	e.pool.put(vars...)
	return val, aggCols, argCols
}

// reduceAggregates computes each aggregate of a formula for every unit:
// its argument (and weight) on every unit, then the reduction over each
// unit's children, or over every unit of level over below it.
func (e *Evaluation) reduceAggregates(p *rule.Program, over org.Level, n int, sc *evalScratch) (aggCols []rule.Vector, argCols []aggArgs) {
	d, below := e.data, e.membersOf(over)
	members := func(i int) []int {
		if below != nil {
			return below[i]
		}
		return d.Children(i)
	}
	aggs := p.Aggregates()
	aggCols = make([]rule.Vector, len(aggs))
	argCols = make([]aggArgs, len(aggs))
	for k, a := range aggs {
		arg := e.childColumn(a.Arg, n)
		argCols[k].arg = arg
		out := rule.NewVector(n)
		if a.Weighted() {
			w := e.childColumn(a.Weight, n)
			argCols[k].weight = w
			for i := 0; i < n; i++ {
				sc.vals, sc.sts = sc.vals[:0], sc.sts[:0]
				sc.wvals, sc.wsts = sc.wvals[:0], sc.wsts[:0]
				for _, ch := range members(i) {
					sc.vals = append(sc.vals, arg.V[ch])
					sc.sts = append(sc.sts, arg.S[ch])
					sc.wvals = append(sc.wvals, w.V[ch])
					sc.wsts = append(sc.wsts, w.S[ch])
				}
				out.V[i], out.S[i] = a.ReduceWeighted(sc.vals, sc.sts, sc.wvals, sc.wsts)
			}
			aggCols[k] = out
			continue
		}
		for i := 0; i < n; i++ {
			sc.vals, sc.sts = sc.vals[:0], sc.sts[:0]
			for _, ch := range members(i) {
				sc.vals = append(sc.vals, arg.V[ch])
				sc.sts = append(sc.sts, arg.S[ch])
			}
			out.V[i], out.S[i] = a.Reduce(sc.vals, sc.sts)
		}
		aggCols[k] = out
	}
	return aggCols, argCols
}

// membersOf lists, for each unit, every unit of level over below it,
// however deep, in dataset order; nil when over is "" (an aggregate then
// ranges over the unit's children). Built once per level and kept.
func (e *Evaluation) membersOf(over org.Level) [][]int {
	if over == "" {
		return nil
	}
	if lists, ok := e.below[over]; ok {
		return lists
	}
	d := e.data
	lists := make([][]int, len(d.Units))
	for j, u := range d.Units {
		if u.Level != over {
			continue
		}
		// Up the parents; the count ends a parent cycle.
		for p, steps := u.Parent, 0; p != "" && steps < len(d.Units); steps++ {
			k, ok := d.Index(p)
			if !ok {
				break
			}
			lists[k] = append(lists[k], j)
			p = d.Units[k].Parent
		}
	}
	if e.below == nil {
		e.below = map[org.Level][][]int{}
	}
	e.below[over] = lists
	return lists
}

// childColumn evaluates an aggregate's argument or weight on every unit; a
// unit none of whose figures concern it is Skip, so that the aggregate over
// its parent leaves it out.
func (e *Evaluation) childColumn(p *rule.Program, n int) rule.Vector {
	vars, allSkip := e.inputs(p, n)
	v := rule.NewVector(n)
	p.Eval(n, vars, nil, v)
	e.pool.put(vars...)
	for i, skip := range allSkip {
		if skip {
			v.S[i] = rule.Skip
		}
	}
	return v
}

// statusOf is the status of a value against a target. A value with no
// target is NoTarget, never Met: the empty Target is met by every value,
// which must not read as a verdict.
func statusOf(v float64, s rule.State, t *rule.Target) code {
	switch s {
	case rule.OK:
		if t.Op == "" {
			return cNoTarget
		}
		if t.Met(v) {
			return cMet
		}
		return cNotMet
	case rule.Undefined:
		return cNotComputable
	case rule.Skip:
		return cNotApplicable
	default:
		return cNoData
	}
}

// code is a Status as an evaluation holds it: a byte per unit and
// indicator, where a Status is a string header of sixteen (half a
// gigabyte for half a million schools against the seed plan).
type code uint8

// The codes, in the order of Statuses.
const (
	cMet code = iota
	cNotMet
	cNoData
	cNotComputable
	cNotApplicable
	cNoTarget
)

var codeStatus = [...]Status{Met, NotMet, NoData, NotComputable, NotApplicable, NoTarget}

func (c code) status() Status { return codeStatus[c] }

// Status returns the status of an indicator for the unit at position i;
// ok is false when the catalogue has no such indicator or the dataset no
// such position, rather than a status that could be mistaken for a verdict.
func (e *Evaluation) Status(indicator string, i int) (st Status, ok bool) {
	ix, ok := e.cat.indIndex[indicator]
	if !ok || i < 0 || i >= len(e.data.Units) {
		return "", false
	}
	return e.inds[ix].status(i).status(), true
}

// Value returns an indicator's value for the unit at position i, and whether
// it could be computed.
func (e *Evaluation) Value(indicator string, i int) (float64, bool) {
	ix, ok := e.cat.indIndex[indicator]
	if !ok || i < 0 || i >= len(e.data.Units) {
		return 0, false
	}
	en := e.inds[ix].get(i)
	return en.v, en.s == rule.OK
}

// Figure returns a metric's effective figure for the unit at position i and
// where it came from; ok is false when the catalogue has no such metric or
// the dataset no such position.
func (e *Evaluation) Figure(metric string, i int) (v float64, origin Origin, ok bool) {
	k, ok := e.cat.metricIndex[metric]
	if !ok || i < 0 || i >= len(e.data.Units) {
		return 0, Absent, false
	}
	en := e.metricCol(k).get(i)
	return en.v, en.o, true
}

// Data returns the dataset the evaluation was made from.
func (e *Evaluation) Data() *dataset.Dataset { return e.data }

// Catalog returns the catalogue the evaluation was made with.
func (e *Evaluation) Catalog() *Catalog { return e.cat }
