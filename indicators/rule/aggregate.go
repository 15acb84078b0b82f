package rule

import "math"

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
}

// Reduce folds one parent's children values of Arg. Skip children are
// ignored; then any Missing child makes the result Missing, any Undefined
// child (or a non-finite value) makes it Undefined, and no child left makes
// it Missing. sum and mean add with compensated summation; cv is the
// population standard deviation divided by the mean, Undefined when the
// mean is 0; share (a fraction) and count read values as conditions
// (nonzero is true).
func (a *Aggregate) Reduce(v []float64, s []State) (float64, State) {
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
