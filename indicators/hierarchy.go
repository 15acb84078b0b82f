package indicators

import (
	"math"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// ParentFigures says which figure an assessment uses where a parent unit
// (a district, the city) reports a figure of a metric that sums up the
// hierarchy and its children's figures sum to something else.
type ParentFigures string

// Choices of figure.
const (
	// ParentOwn uses the figure the parent reported (the default, and
	// what the empty value means): a bureau's own count may include units
	// the file does not list.
	ParentOwn ParentFigures = "own"
	// ParentSum uses the sum of the children's figures, so that a
	// parent's rate agrees with the units listed below it.
	ParentSum ParentFigures = "sum"
)

// ParseParentFigures reads "own" or "sum"; the empty string is ParentOwn.
func ParseParentFigures(s string) (ParentFigures, error) {
	switch ParentFigures(s) {
	case "", ParentOwn:
		return ParentOwn, nil
	case ParentSum:
		return ParentSum, nil
	}
	return "", msg.Errorf("上级数据取法 %q 未知：应为 own（本单位填报）或 sum（下属单位合计）",
		"unknown parent figures %q: use own (the unit's own) or sum (its units' sum)", s)
}

// FigureMismatch is a figure a parent unit reported that differs from the
// sum of its children's figures, with the one the assessment used.
//
// The children's sum is the sum of the figures the assessment uses for the
// children (each reported, or summed from its own children under the same
// choice), over the children the metric concerns. It exists only when every
// such child has a figure: a child lacking it makes the sum unknown
// (missing is not zero), so nothing is compared and the parent's own
// figure is used under either choice. Figures of integral metrics (counts)
// must agree exactly; for others a difference of up to half a hundredth
// per figure summed (the parent's and each child's) is taken for rounding
// of figures written with two decimals.
type FigureMismatch struct {
	// The blank field keeps the compiler from writing an equality
	// function for the type, which the page's WebAssembly binary would
	// carry for nothing; it takes no space.
	_    [0]func()
	Unit dataset.OrgUnit `json:"unit"`
	// Metric is the metric's id; Name and Measure its name and unit of
	// measure.
	Metric  string    `json:"metric"`
	Name    msg.Text  `json:"name"`
	Measure plan.Unit `json:"measure"`
	// Own is the parent's figure, ChildrenSum the sum of Children
	// children's figures; Difference is Own − ChildrenSum.
	Own         float64 `json:"own"`
	ChildrenSum float64 `json:"children_sum"`
	Children    int     `json:"children"`
	Difference  float64 `json:"difference"`
	// Used is the figure the assessment used.
	Used ParentFigures `json:"used"`
}

// disagree says whether a parent's own figure and its children's sum of n
// figures differ by more than rounding (see FigureMismatch).
func disagree(own, sum float64, n int, integral bool) bool {
	d := math.Abs(own - sum)
	noise := 1e-9 * math.Max(1, math.Max(math.Abs(own), math.Abs(sum)))
	if integral {
		return d > noise
	}
	return d > 0.005*float64(n+1)+noise
}

// childrenSum sums the children's figures of a metric that sums; ok is
// false when a child the metric concerns lacks it, or none has it.
func childrenSum(v rule.Vector, chs []int) (sum float64, n int, ok bool) {
	for _, ch := range chs {
		switch v.S[ch] {
		case rule.OK:
			sum += v.V[ch]
			n++
		case rule.Missing, rule.Undefined:
			return 0, 0, false
		}
	}
	return sum, n, n > 0
}

// Parent is the choice of parent figures the evaluation was made with.
func (e *Evaluation) Parent() ParentFigures { return e.parent }

// Mismatches lists every figure a parent reported that differs from the
// sum of its children's, units in dataset order and metrics in catalogue
// order within a unit.
func (e *Evaluation) Mismatches() []FigureMismatch {
	return e.mismatchesOf(nil)
}

// mismatchesOf lists the mismatches of the units keep marks (all when
// nil), units in dataset order, metrics in catalogue order within a unit.
// Few metrics differ anywhere: walking the units once orders the list
// without a sort.
func (e *Evaluation) mismatchesOf(keep []bool) []FigureMismatch {
	var out []FigureMismatch
	for i := range e.data.Units {
		if keep != nil && !keep[i] {
			continue
		}
		for _, at := range e.mismatchAt {
			if at != nil && at[i] > 0 {
				out = append(out, e.mismatches[at[i]-1])
			}
		}
	}
	return out
}

// addMismatch records that the unit at position i reported own for the
// metric at catalogue position k while its n children sum to sum.
func (e *Evaluation) addMismatch(k int, m plan.Metric, i int, own, sum float64, n int) {
	if e.mismatchAt == nil {
		e.mismatchAt = make([][]int32, len(e.cat.metrics))
	}
	if e.mismatchAt[k] == nil {
		e.mismatchAt[k] = make([]int32, len(e.data.Units))
	}
	e.mismatches = append(e.mismatches, FigureMismatch{
		Unit: e.data.Units[i], Metric: m.ID, Name: m.Name, Measure: m.Unit,
		Own: clean(own), ChildrenSum: clean(sum), Children: n, Difference: clean(own - sum), Used: e.parent,
	})
	e.mismatchAt[k][i] = int32(len(e.mismatches))
}
