package rule

import (
	"math"
	"slices"
)

// Aggregate is an aggregate function over the child units of the unit
// being assessed: its Arg is evaluated on each child, then Reduce folds one
// parent's children into the value the parent's formula uses.
type Aggregate struct {
	// Func is the canonical name: sum, mean, min, max, spread, cv, share or
	// count, whichever spelling (合计, 极差, 差异系数 …) was written.
	Func string
	// Arg is the argument, a formula of its own over the children's
	// figures; Arg.Boolean() for share and count.
	Arg *Program
	// Weight is the second argument of a weighted cv (cv(x, 在校生数)): each
	// child's weight, a formula over its figures like Arg. Nil for every
	// unweighted aggregate.
	Weight *Program
}

// Weighted reports whether the aggregate weighs its children
// (Weight != nil), so that callers reduce it with ReduceWeighted.
func (a *Aggregate) Weighted() bool { return a.Weight != nil }

// Vars returns the ids the aggregate reads on each child: those of Arg, then
// those of Weight not already in Arg's.
func (a *Aggregate) Vars() []string {
	out := append([]string(nil), a.Arg.vars...)
	if a.Weight != nil {
		for _, id := range a.Weight.vars {
			if !slices.Contains(a.Arg.vars, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// Reduce folds one parent's children values of Arg. Skip children are
// ignored; then any Missing child makes the result Missing, any Undefined
// child (or a non-finite value) makes it Undefined, and no child left makes
// it Missing. sum and mean add with compensated summation; cv is the
// population standard deviation (divided by n, not n − 1) divided by the
// mean, Undefined when the mean is 0; share (a fraction) and count read
// values as conditions (nonzero is true).
//
// A weighted aggregate reduced without its weights is Undefined: the
// unweighted figure must never pass for the weighted one.
func (a *Aggregate) Reduce(v []float64, s []State) (float64, State) {
	if a.Weight != nil {
		return 0, Undefined
	}
	return a.reduce(v, s)
}

// ReduceWeighted folds one parent's children for a weighted aggregate:
// v and s are the values of Arg, w and ws those of Weight, child by child.
// A child whose value is Skip is ignored; a Skip weight beside a value reads
// as Missing (the child counts but its weight is unknown). Missing, then
// Undefined, win as in Reduce; a negative or non-finite weight, a zero total
// weight or a zero weighted mean make the result Undefined.
//
// With Pᵢ the weight and Xᵢ the value of child i (教督〔2017〕6号):
//
//	P = ΣPᵢ, X̄ = ΣPᵢXᵢ / P, S = √(Σ(Pᵢ/P)(Xᵢ − X̄)²), CV = S / X̄
//
// An unweighted aggregate ignores w and ws and reduces as Reduce does.
func (a *Aggregate) ReduceWeighted(v []float64, s []State, w []float64, ws []State) (float64, State) {
	if a.Weight == nil {
		return a.reduce(v, s)
	}
	n := min(len(v), len(s), len(w), len(ws))
	missing, undefined, count := false, false, 0
	for i := 0; i < n; i++ {
		if stateNorm[s[i]] == Skip {
			continue
		}
		count++
		switch stateNorm[ws[i]] {
		case Missing, Skip:
			missing = true
		case Undefined:
			undefined = true
		default:
			if x := w[i]; x-x != 0 || x < 0 {
				undefined = true
			}
		}
		switch stateNorm[s[i]] {
		case Missing:
			missing = true
		case Undefined:
			undefined = true
		default:
			if x := v[i]; x-x != 0 {
				undefined = true
			}
		}
	}
	switch {
	case missing:
		return 0, Missing
	case undefined:
		return 0, Undefined
	case count == 0:
		return 0, Missing
	}
	// Only cv takes a weight (the compiler sees to it).
	p, mean, sd := cvParts(v[:n], s[:n], w[:n])
	if p == 0 || mean == 0 || mean-mean != 0 {
		return 0, Undefined
	}
	r := sd / mean
	if r-r != 0 {
		return 0, Undefined
	}
	return r, OK
}

// CVParts returns the steps of a coefficient of variation, for a reader to
// follow it: the total weight P = ΣPᵢ, the weighted mean X̄ = ΣPᵢXᵢ / P and
// S = √(Σ(Pᵢ/P)(Xᵢ − X̄)²); CV = S / X̄. With w nil every child weighs 1:
// P is the number of children and S the population standard deviation,
// the unweighted cv. v and w are the children counted, all finite.
func CVParts(v, w []float64) (total, mean, sd float64) {
	if w == nil {
		w = make([]float64, len(v))
		for i := range w {
			w[i] = 1
		}
	}
	n := min(len(v), len(w))
	return cvParts(v[:n], nil, w[:n])
}

// cvParts computes CVParts over the children whose state is OK (all of them
// when s is nil); P = 0 leaves mean and sd 0.
func cvParts(v []float64, s []State, w []float64) (total, mean, sd float64) {
	var p, weighted neumaier
	for i := range v {
		if s == nil || s[i] == OK {
			p.add(w[i])
			weighted.add(w[i] * v[i])
		}
	}
	total = p.value()
	if total == 0 {
		return 0, 0, 0
	}
	mean = weighted.value() / total
	var ss neumaier
	for i := range v {
		if s == nil || s[i] == OK {
			d := v[i] - mean
			ss.add(w[i] / total * d * d)
		}
	}
	return total, mean, math.Sqrt(ss.value())
}

func (a *Aggregate) reduce(v []float64, s []State) (float64, State) {
	n := min(len(v), len(s))
	count := 0
	missing, undefined := false, false
	for i := 0; i < n; i++ {
		switch stateNorm[s[i]] {
		case Skip:
			continue
		case Missing:
			missing = true
		case Undefined:
			undefined = true
		default:
			if x := v[i]; x-x != 0 {
				undefined = true
			}
		}
		count++
	}
	switch {
	case missing:
		return 0, Missing
	case undefined:
		return 0, Undefined
	case count == 0:
		return 0, Missing
	}
	each := func(f func(x float64)) {
		for i := 0; i < n; i++ {
			if s[i] == OK {
				f(v[i])
			}
		}
	}
	var r float64
	switch a.Func {
	case "sum":
		r = kahanSum(each)
	case "mean":
		r = kahanSum(each) / float64(count)
	case "min", "max", "spread":
		lo, hi := math.Inf(1), math.Inf(-1)
		each(func(x float64) {
			lo = math.Min(lo, x)
			hi = math.Max(hi, x)
		})
		switch a.Func {
		case "min":
			r = lo
		case "max":
			r = hi
		default:
			r = hi - lo
		}
	case "cv":
		mean := kahanSum(each) / float64(count)
		if mean == 0 {
			return 0, Undefined
		}
		var ss float64
		each(func(x float64) { ss += (x - mean) * (x - mean) })
		r = math.Sqrt(ss/float64(count)) / mean
	case "share", "count":
		yes := 0
		each(func(x float64) {
			if x != 0 {
				yes++
			}
		})
		r = float64(yes)
		if a.Func == "share" {
			r /= float64(count)
		}
	default:
		return 0, Undefined
	}
	if r-r != 0 {
		return 0, Undefined
	}
	return r, OK
}

// kahanSum adds with Neumaier's compensation, so that the mean of many
// children does not drift with their order.
func kahanSum(each func(func(float64))) float64 {
	var sum, comp float64
	each(func(x float64) {
		t := sum + x
		if math.Abs(sum) >= math.Abs(x) {
			comp += (sum - t) + x
		} else {
			comp += (x - t) + sum
		}
		sum = t
	})
	return sum + comp
}

// neumaier is a running sum with Neumaier's compensation, for the
// weighted cv's loops.
type neumaier struct{ sum, comp float64 }

func (a *neumaier) add(x float64) {
	t := a.sum + x
	if math.Abs(a.sum) >= math.Abs(x) {
		a.comp += (a.sum - t) + x
	} else {
		a.comp += (x - t) + a.sum
	}
	a.sum = t
}

func (a *neumaier) value() float64 { return a.sum + a.comp }
