package rule

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
)

// reduceWeighted compiles "cv(x, w)" (or any aggregate call) and reduces
// the children given as value and weight cells.
func reduceWeighted(t *testing.T, src string, vals, weights []cell) (float64, State) {
	t.Helper()
	p, err := CompileFormula(src, nil, DefaultLimits)
	require.NoError(t, err, src)
	require.Len(t, p.Aggregates(), 1, src)
	a := p.Aggregates()[0]
	v, s := make([]float64, len(vals)), make([]State, len(vals))
	for i, c := range vals {
		v[i], s[i] = c.v, c.s
	}
	if !a.Weighted() {
		return a.Reduce(v, s)
	}
	w, ws := make([]float64, len(weights)), make([]State, len(weights))
	for i, c := range weights {
		w[i], ws[i] = c.v, c.s
	}
	return a.ReduceWeighted(v, s, w, ws)
}

func oks(xs ...float64) []cell {
	out := make([]cell, len(xs))
	for i, x := range xs {
		out[i] = ok(x)
	}
	return out
}

// Three schools with 100, 300 and 600 pupils and values 10, 20, 30, worked
// by hand:
//
// Weighted (教督〔2017〕6号):
//
//	P  = 100 + 300 + 600                          = 1000
//	X̄  = (100·10 + 300·20 + 600·30) / 1000
//	   = (1000 + 6000 + 18000) / 1000             = 25
//	Xᵢ − X̄ = −15, −5, 5; squared 225, 25, 25
//	S² = 0.1·225 + 0.3·25 + 0.6·25
//	   = 22.5 + 7.5 + 15                          = 45
//	S  = √45                                      = 6.7082039…
//	CV = 6.7082039… / 25                          = 0.2683282…
//
// Unweighted, population:
//
//	x̄  = (10 + 20 + 30) / 3                       = 20
//	xᵢ − x̄ = −10, 0, 10; squared 100, 0, 100
//	S² = 200 / 3                                  = 66.666…
//	S  = √(200/3)                                 = 8.1649658…
//	CV = 8.1649658… / 20                          = 0.4082483…
//
// The larger schools hold the larger values, so weighting pulls the mean up
// to 25 and the spread around it down.
func TestCVWorkedExample(t *testing.T) {
	vals, pupils := oks(10, 20, 30), oks(100, 300, 600)

	got, st := reduceWeighted(t, "cv(x, pupils)", vals, pupils)
	require.Equal(t, OK, st)
	assert.InDelta(t, math.Sqrt(45)/25, got, 1e-12)
	assert.InDelta(t, 0.2683282, got, 1e-7)

	got, st = reduceWeighted(t, "cv(x)", vals, nil)
	require.Equal(t, OK, st)
	assert.InDelta(t, math.Sqrt(200.0/3)/20, got, 1e-12)
	assert.InDelta(t, 0.4082483, got, 1e-7)

	// Equal weights give the unweighted figure: the weighted formula is the
	// population one with Pᵢ/P = 1/n.
	got, st = reduceWeighted(t, "cv(x, pupils)", vals, oks(7, 7, 7))
	require.Equal(t, OK, st)
	assert.InDelta(t, math.Sqrt(200.0/3)/20, got, 1e-12)

	// 差异系数 is the same function, with the weight too.
	got, st = reduceWeighted(t, "差异系数(x, 在校生数)", vals, pupils)
	require.Equal(t, OK, st)
	assert.InDelta(t, math.Sqrt(45)/25, got, 1e-12)
}

// A big school near the mean and two small ones far from it, worked by hand:
//
//	pupils 800, 100, 100; values 20, 5, 35
//
// Weighted:
//
//	P  = 1000
//	X̄  = (800·20 + 100·5 + 100·35) / 1000 = (16000 + 500 + 3500) / 1000 = 20
//	Xᵢ − X̄ = 0, −15, 15; squared 0, 225, 225
//	S² = 0.8·0 + 0.1·225 + 0.1·225 = 45
//	S  = √45 = 6.7082039…;  CV = 6.7082039… / 20 = 0.3354102…  ≤ 0.50: met
//
// Unweighted:
//
//	x̄  = (20 + 5 + 35) / 3 = 20
//	S² = (0 + 225 + 225) / 3 = 150
//	S  = √150 = 12.2474487…;  CV = 12.2474487… / 20 = 0.6123724…  > 0.50: not met
//
// The same schools pass the 小学 limit of 0.50 on the weighted figure the
// inspection uses and fail it on the unweighted one.
func TestCVWeightedAndUnweightedDisagreeOnALimit(t *testing.T) {
	r, err := CompileRule("cv(x, pupils) <= 0.50", nil, DefaultLimits)
	require.NoError(t, err)
	a := r.Formula.Aggregates()[0]
	w, st := a.ReduceWeighted([]float64{20, 5, 35}, []State{OK, OK, OK}, []float64{800, 100, 100}, []State{OK, OK, OK})
	require.Equal(t, OK, st)
	assert.InDelta(t, math.Sqrt(45)/20, w, 1e-12)
	assert.True(t, r.Target.Met(w), "weighted %.7f ≤ 0.50", w)

	u, st := reduceWeighted(t, "cv(x)", oks(20, 5, 35), nil)
	require.Equal(t, OK, st)
	assert.InDelta(t, math.Sqrt(150)/20, u, 1e-12)
	assert.False(t, r.Target.Met(u), "unweighted %.7f > 0.50", u)
}

// The other way round: two big schools far apart and four small ones at
// the mean. Pupils 450, 450, 25, 25, 25, 25; values 5, 35, 20, 20, 20, 20.
//
// Weighted:
//
//	P  = 1000
//	X̄  = (450·5 + 450·35 + 4·25·20) / 1000 = (2250 + 15750 + 2000) / 1000 = 20
//	Xᵢ − X̄ = −15, 15, 0, 0, 0, 0
//	S² = 0.45·225 + 0.45·225 = 202.5
//	S  = √202.5 = 14.2302495…;  CV = 14.2302495… / 20 = 0.7115125…  > 0.50: not met
//
// Unweighted:
//
//	x̄  = (5 + 35 + 4·20) / 6 = 20
//	S² = (225 + 225) / 6 = 75
//	S  = √75 = 8.6602540…;  CV = 8.6602540… / 20 = 0.4330127…  ≤ 0.50: met
//
// Counting schools hides that most pupils are in the two unequal ones.
func TestCVWeightedFailsWhereUnweightedPasses(t *testing.T) {
	vals := oks(5, 35, 20, 20, 20, 20)
	r, err := CompileRule("差异系数(x, pupils) <= 0.50", nil, DefaultLimits)
	require.NoError(t, err)

	w, st := reduceWeighted(t, "cv(x, pupils)", vals, oks(450, 450, 25, 25, 25, 25))
	require.Equal(t, OK, st)
	assert.InDelta(t, math.Sqrt(202.5)/20, w, 1e-12)
	assert.False(t, r.Target.Met(w), "weighted %.7f > 0.50", w)

	u, st := reduceWeighted(t, "cv(x)", vals, nil)
	require.Equal(t, OK, st)
	assert.InDelta(t, math.Sqrt(75)/20, u, 1e-12)
	assert.True(t, r.Target.Met(u), "unweighted %.7f ≤ 0.50", u)
}

func TestCVWeightedStates(t *testing.T) {
	vals := oks(10, 20, 30)
	cases := []struct {
		name    string
		vals    []cell
		weights []cell
		want    State
	}{
		{"a missing weight hides the figure", vals, []cell{ok(100), miss, ok(600)}, Missing},
		{"a missing value too", []cell{ok(10), miss, ok(30)}, oks(100, 300, 600), Missing},
		{"missing wins over not computable", []cell{undef, ok(20), ok(30)}, []cell{ok(100), miss, ok(600)}, Missing},
		{"an uncomputable weight", vals, []cell{ok(100), undef, ok(600)}, Undefined},
		{"a negative weight is no weight", vals, oks(100, -300, 600), Undefined},
		{"a non-finite weight", vals, []cell{ok(100), inf, ok(600)}, Undefined},
		{"zero total weight", vals, oks(0, 0, 0), Undefined},
		{"zero mean", oks(0, 0, 0), oks(100, 300, 600), Undefined},
		{"a value with no weight to go with it", vals, []cell{ok(100), skip, ok(600)}, Missing},
		{"no child counted", []cell{skip, skip}, []cell{ok(1), ok(2)}, Missing},
		{"no children at all", nil, nil, Missing},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, st := reduceWeighted(t, "cv(x, w)", c.vals, c.weights)
			assert.Equal(t, c.want, st)
		})
	}

	// A child the figure does not concern is left out, weight and all: the
	// two others give X̄ = (100·10 + 300·20)/400 = 17.5, deviations −7.5 and
	// 2.5, S² = 0.25·56.25 + 0.75·6.25 = 18.75, CV = √18.75 / 17.5.
	got, st := reduceWeighted(t, "cv(x, w)", []cell{ok(10), ok(20), skip}, []cell{ok(100), ok(300), skip})
	require.Equal(t, OK, st)
	assert.InDelta(t, math.Sqrt(18.75)/17.5, got, 1e-12)

	// A zero weight is legal (a school with no pupils this year) and counts
	// for nothing: the two others, 20 and 30 with 300 pupils each, give
	// X̄ = 25, S = √(0.5·25 + 0.5·25) = 5, CV = 5 / 25 = 0.2.
	got, st = reduceWeighted(t, "cv(x, w)", vals, oks(0, 300, 300))
	require.Equal(t, OK, st)
	assert.InDelta(t, 0.2, got, 1e-12)
}

// The unweighted figure must never pass for the weighted one: reduced
// without weights, a weighted cv is not computable.
func TestWeightedCVNeedsItsWeights(t *testing.T) {
	p, err := CompileFormula("cv(x, w)", nil, DefaultLimits)
	require.NoError(t, err)
	a := p.Aggregates()[0]
	require.True(t, a.Weighted())
	_, st := a.Reduce([]float64{10, 20}, []State{OK, OK})
	assert.Equal(t, Undefined, st)
	assert.Equal(t, "x", a.Arg.Source())
	assert.Equal(t, "w", a.Weight.Source())
	assert.Equal(t, []string{"x", "w"}, a.Vars())
	assert.Equal(t, []Dep{{ID: "w", Children: true}, {ID: "x", Children: true}}, p.Deps())

	// An unweighted aggregate reduced with weights ignores them.
	p, err = CompileFormula("cv(x)", nil, DefaultLimits)
	require.NoError(t, err)
	got, st := p.Aggregates()[0].ReduceWeighted([]float64{10, 20, 30}, []State{OK, OK, OK}, []float64{100, 300, 600}, []State{OK, OK, OK})
	require.Equal(t, OK, st)
	assert.InDelta(t, math.Sqrt(200.0/3)/20, got, 1e-12)
}

func TestCVWeightCompiles(t *testing.T) {
	p, err := CompileFormula("差异系数((设备值) / 在校生数, 在校生数 + 0) <= 0.5", nil, DefaultLimits)
	require.NoError(t, err)
	a := p.Aggregates()[0]
	assert.Equal(t, "cv", a.Func)
	assert.Equal(t, "(设备值) / 在校生数", a.Arg.Source())
	assert.Equal(t, "在校生数 + 0", a.Weight.Source())

	for src, want := range map[string]string{
		"cv(x, w, z)":     "cv takes one argument (the value) or two (the value, the weight)",
		"差异系数()":          "takes one argument (the value) or two",
		"spread(x, w)":    "spread takes exactly one argument",
		"cv(x, w > 1)":    "a number is needed here",
		"cv(x, sum(w))":   "cannot be nested inside another aggregate",
		"share(x > 1, w)": "share takes exactly one argument",
		"sum(cv(x, w))":   "cannot be nested inside another aggregate",
		"count(x > 1, y)": "a condition (the result of a comparison) is needed here",
	} {
		_, err := CompileFormula(src, nil, DefaultLimits)
		if assert.Error(t, err, src) {
			assert.Contains(t, msg.In(err, "en"), want, src)
		}
	}
}

// count of two conditions or more counts on the unit itself: the "meets at
// least 6 of 7 standards" of an inspection is count(c1, …, c7) >= 6.
func TestCountOfConditions(t *testing.T) {
	type in = map[string]cell
	three := "count(a >= 1, b >= 1, c >= 1)"
	assert.Equal(t, ok(2), evalOne(t, three, in{"a": ok(1), "b": ok(0), "c": ok(5)}))
	assert.Equal(t, ok(0), evalOne(t, three, in{"a": ok(0), "b": ok(0), "c": ok(0)}))
	assert.Equal(t, ok(3), evalOne(t, "个数(a >= 1, b >= 1, c >= 1)", in{"a": ok(1), "b": ok(1), "c": ok(1)}))
	// A missing figure hides how many hold: one missing standard could be
	// the one that fails.
	assert.Equal(t, miss, evalOne(t, three, in{"a": ok(1), "b": miss, "c": ok(1)}))
	assert.Equal(t, undef, evalOne(t, "count(a / b >= 1, c >= 1)", in{"a": ok(1), "b": ok(0), "c": ok(1)}))

	p, err := CompileFormula(three+" >= 2", nil, DefaultLimits)
	require.NoError(t, err)
	assert.True(t, p.Boolean())
	assert.Empty(t, p.Aggregates(), "count of several conditions is no aggregate")
	assert.Equal(t, []string{"a", "b", "c"}, p.Vars())

	// Inside an aggregate it is still on each child: the share of schools
	// meeting both.
	p, err = CompileFormula("share(count(a >= 1, b >= 1) >= 2)", nil, DefaultLimits)
	require.NoError(t, err)
	require.Len(t, p.Aggregates(), 1)
	assert.Equal(t, "count(a >= 1, b >= 1) >= 2", p.Aggregates()[0].Arg.Source())
}

// Every aggregate the compiler knows is defined, with every spelling, and
// the weighted cv apart from the unweighted one.
func TestAggregateDocs(t *testing.T) {
	docs := AggregateDocs()
	seen := map[string]bool{}
	for _, d := range docs {
		assert.NotEmpty(t, d.Formula.ZH, d.Call)
		assert.NotEmpty(t, d.Formula.EN, d.Call)
		assert.NotEmpty(t, d.Missing.ZH, d.Call)
		assert.NotEmpty(t, d.Missing.EN, d.Call)
		assert.NotEmpty(t, d.Spellings, d.Call)
		seen[d.Func] = true
	}
	for name, f := range functions {
		if f.aggregate {
			assert.True(t, seen[f.canonical], "%s (%s) is documented", name, f.canonical)
		}
	}
	p, err := CompileFormula("cv(x, w) + 差异系数(x)", nil, DefaultLimits)
	require.NoError(t, err)
	w, u := p.Aggregates()[0].Doc(), p.Aggregates()[1].Doc()
	assert.True(t, w.Weighted)
	assert.Equal(t, "cv(x, w)", w.Call)
	assert.Contains(t, w.Formula.ZH, "X̄ = ΣPᵢXᵢ / P")
	assert.Contains(t, w.Missing.EN, "a negative weight")
	assert.False(t, u.Weighted)
	assert.Contains(t, u.Formula.EN, "not n − 1")
	assert.Equal(t, []string{"差异系数"}, u.Spellings)
}
