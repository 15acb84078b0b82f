package rule

import (
	"fmt"
	"math"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type cell struct {
	v float64
	s State
}

func ok(v float64) cell { return cell{v, OK} }

var (
	miss  = cell{0, Missing}
	undef = cell{0, Undefined}
	skip  = cell{0, Skip}
	nan   = ok(math.NaN())
	inf   = ok(math.Inf(1))
)

// evalOne evaluates src for one unit whose figures are given by name;
// aggregates get the cells in aggs, in source order.
func evalOne(t *testing.T, src string, in map[string]cell, aggs ...cell) cell {
	t.Helper()
	p, err := CompileFormula(src, nil, DefaultLimits)
	require.NoError(t, err, src)
	vars := make([]Vector, len(p.Vars()))
	for i, id := range p.Vars() {
		c, found := in[id]
		require.True(t, found, "%s: no value for %s", src, id)
		vars[i] = Vector{V: []float64{c.v}, S: []State{c.s}}
	}
	require.Len(t, aggs, len(p.Aggregates()), src)
	av := make([]Vector, len(aggs))
	for i, c := range aggs {
		av[i] = Vector{V: []float64{c.v}, S: []State{c.s}}
	}
	out := NewVector(1)
	out.V[0], out.S[0] = 12345, Skip // must be overwritten
	p.Eval(1, vars, av, out)
	return cell{out.V[0], out.S[0]}
}

func TestEvalStates(t *testing.T) {
	type in = map[string]cell
	tests := []struct {
		src  string
		in   in
		want cell
	}{
		// Arithmetic and division by zero.
		{"a / b", in{"a": ok(1), "b": ok(2)}, ok(0.5)},
		{"a / b", in{"a": ok(1), "b": ok(0)}, undef},
		{"a / b", in{"a": ok(0), "b": ok(0)}, undef},
		{"a / b", in{"a": miss, "b": ok(0)}, miss},
		{"a / b", in{"a": ok(1), "b": miss}, miss},
		{"a / b", in{"a": undef, "b": miss}, miss},
		{"a / b", in{"a": skip, "b": miss}, skip},
		{"a / b", in{"a": cell{7, 9}, "b": ok(1)}, miss}, // an unknown state reads as Missing
		{"a + b", in{"a": nan, "b": ok(1)}, undef},
		{"a - b", in{"a": inf, "b": inf}, undef},
		{"a / b", in{"a": ok(1), "b": inf}, undef}, // 1/Inf is 0: Inf must not pass as 0
		{"a / b", in{"a": inf, "b": ok(2)}, undef},
		{"a * b", in{"a": inf, "b": ok(0)}, undef},
		{"a * a", in{"a": ok(1e200)}, undef}, // overflow
		{"a * b", in{"a": nan, "b": miss}, miss},
		{"1 / 0", in{}, undef},
		{"a ** 2", in{"a": ok(3)}, ok(9)},
		{"a ^ 0.5", in{"a": ok(-1)}, undef},
		{"1 ** a", in{"a": nan}, undef}, // math.Pow(1, NaN) is 1
		{"-a", in{"a": ok(2)}, ok(-2)},
		{"-a", in{"a": nan}, undef},
		{"-a", in{"a": miss}, miss},
		{"abs(a)", in{"a": ok(-2)}, ok(2)},
		{"abs(a)", in{"a": inf}, undef},
		{"a", in{"a": nan}, undef},
		{"a", in{"a": ok(3)}, ok(3)},
		{"a", in{"a": skip}, skip},
		{"2.5", in{}, ok(2.5)},
		{"min(a, b)", in{"a": ok(3), "b": ok(2)}, ok(2)},
		{"max(a, b, 7)", in{"a": ok(3), "b": ok(2)}, ok(7)},
		{"min(a, b)", in{"a": ok(3), "b": miss}, miss},
		{"max(a, b)", in{"a": nan, "b": ok(1)}, undef},
		// Comparisons never see NaN or Inf.
		{"a >= 99%", in{"a": ok(0.99)}, ok(1)},
		{"a >= 99%", in{"a": ok(0.989)}, ok(0)},
		{"a >= 99.2%", in{"a": ok(992.0 / 1000)}, ok(1)},
		{"a == 0.1 + 0.2", in{"a": ok(0.3)}, ok(1)},
		{"a != 0.1 + 0.2", in{"a": ok(0.3)}, ok(0)},
		{"a > 1", in{"a": ok(1)}, ok(0)},
		{"a < 1", in{"a": ok(1)}, ok(0)},
		{"a <= 1", in{"a": ok(1)}, ok(1)},
		{"a >= 99%", in{"a": nan}, undef},
		{"a < 1", in{"a": ok(math.Inf(-1))}, undef},
		{"a / b >= 99%", in{"a": ok(5), "b": ok(0)}, undef},
		{"a / b >= 99%", in{"a": miss, "b": ok(0)}, miss},
		// Conditions decide without a missing figure when they can.
		{"a > 1 && b > 1", in{"a": miss, "b": ok(0)}, ok(0)},
		{"a > 1 && b > 1", in{"a": ok(0), "b": miss}, ok(0)},
		{"a > 1 && b > 1", in{"a": miss, "b": ok(2)}, miss},
		{"a > 1 && b > 1", in{"a": ok(2), "b": ok(2)}, ok(1)},
		{"a > 1 && b > 1", in{"a": undef, "b": miss}, miss},
		{"a > 1 || b > 1", in{"a": miss, "b": ok(2)}, ok(1)},
		{"a > 1 || b > 1", in{"a": miss, "b": ok(0)}, miss},
		{"a > 1 || b > 1", in{"a": ok(0), "b": ok(0)}, ok(0)},
		{"a > 1 or b > 1", in{"a": nan, "b": ok(0)}, undef},
		{"!(a > 1)", in{"a": ok(0)}, ok(1)},
		{"not (a > 1)", in{"a": miss}, miss},
		{"a > 1 ? b : c", in{"a": ok(2), "b": ok(5), "c": miss}, ok(5)},
		{"a > 1 ? b : c", in{"a": ok(0), "b": ok(5), "c": miss}, miss},
		{"a > 1 ? b : c", in{"a": miss, "b": ok(5), "c": ok(6)}, miss},
		{"a > 1 ? b : c", in{"a": ok(2), "b": nan, "c": ok(6)}, undef},
		{"a ?? 0", in{"a": miss}, ok(0)},
		{"a ?? 0", in{"a": ok(3)}, ok(3)},
		{"a ?? 0", in{"a": undef}, undef},
		{"a ?? b", in{"a": skip, "b": ok(1)}, skip},
		{"a ?? b", in{"a": miss, "b": inf}, undef},
		{"true", in{}, ok(1)},
		{"false || a > 0", in{"a": ok(1)}, ok(1)},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %v", tt.src, tt.in), func(t *testing.T) {
			got := evalOne(t, tt.src, tt.in)
			assert.Equal(t, tt.want.s, got.s, "state")
			assert.Equal(t, tt.want.v, got.v, "value")
		})
	}
}

func TestEvalWithAggregates(t *testing.T) {
	got := evalOne(t, "sum(a) / sum(b)", nil, ok(30), ok(40))
	assert.Equal(t, ok(0.75), got)
	got = evalOne(t, "spread(rate) <= 10pp", nil, ok(0.08))
	assert.Equal(t, ok(1), got)
	got = evalOne(t, "spread(rate) <= 10pp", nil, miss)
	assert.Equal(t, miss, got)
	got = evalOne(t, "x / sum(y)", map[string]cell{"x": ok(1)}, ok(0))
	assert.Equal(t, undef, got)
}

// TestEvalChunks checks a formula over more units than one chunk against a
// plain Go computation, with missing figures and zero denominators spread
// through.
func TestEvalChunks(t *testing.T) {
	const n = 3*chunkSize + 17
	p, err := CompileFormula("a / b >= 99% && c <= 5%", nil, DefaultLimits)
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b", "c"}, p.Vars())
	a, b, c := NewVector(n), NewVector(n), NewVector(n)
	for i := 0; i < n; i++ {
		a.V[i], b.V[i], c.V[i] = float64(990+i%20), 1000, float64(i%9)/100
		if i%97 == 0 {
			a.S[i] = Missing
		}
		if i%101 == 0 {
			b.V[i] = 0
		}
	}
	out := NewVector(n)
	p.Eval(n, []Vector{a, b, c}, nil, out)
	for i := 0; i < n; i++ {
		var want cell
		switch {
		case c.V[i] > 0.05:
			want = ok(0) // false && anything is false
		case a.S[i] == Missing:
			want = miss
		case b.V[i] == 0:
			want = undef
		case a.V[i]/b.V[i] >= 0.99:
			want = ok(1)
		default:
			want = ok(0)
		}
		require.Equal(t, want, cell{out.V[i], out.S[i]}, "unit %d", i)
	}

	// The output may be one of the inputs.
	q, err := CompileFormula("a * 2 + 1", nil, DefaultLimits)
	require.NoError(t, err)
	x := NewVector(n)
	for i := range x.V {
		x.V[i] = float64(i)
	}
	q.Eval(n, []Vector{x}, nil, x)
	for i := range x.V {
		require.Equal(t, float64(2*i+1), x.V[i])
	}
}

func TestEvalConcurrent(t *testing.T) {
	p, err := CompileFormula("(a + 1) * (a + 2) - (a + 3) / (a + 4)", nil, DefaultLimits)
	require.NoError(t, err)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			n := 2000 + g
			a, out := NewVector(n), NewVector(n)
			for i := range a.V {
				a.V[i] = float64(i + g)
			}
			for k := 0; k < 20; k++ {
				p.Eval(n, []Vector{a}, nil, out)
				for i, x := range a.V {
					if want := (x+1)*(x+2) - (x+3)/(x+4); out.V[i] != want {
						errs <- fmt.Errorf("goroutine %d unit %d: %v != %v", g, i, out.V[i], want)
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestEvalMisuse(t *testing.T) {
	p, err := CompileFormula("a + b", nil, DefaultLimits)
	require.NoError(t, err)
	v := NewVector(3)
	assert.Error(t, p.Check(3, []Vector{v}, nil, v))
	assert.Error(t, p.Check(4, []Vector{v, v}, nil, v))
	assert.Error(t, p.Check(-1, []Vector{v, v}, nil, v))
	assert.Error(t, p.Check(3, []Vector{v, v}, nil, NewVector(2)))
	assert.NoError(t, p.Check(3, []Vector{v, v}, nil, v))
	assert.Panics(t, func() { p.Eval(3, []Vector{v}, nil, v) })
	assert.NotPanics(t, func() { p.Eval(0, []Vector{{}, {}}, nil, Vector{}) })

	q, err := CompileFormula("sum(a)", nil, DefaultLimits)
	require.NoError(t, err)
	assert.Error(t, q.Check(3, nil, nil, v))
	assert.Error(t, q.Check(3, nil, []Vector{NewVector(1)}, v))
}

func TestStateString(t *testing.T) {
	assert.Equal(t, "ok", OK.String())
	assert.Equal(t, "missing", Missing.String())
	assert.Equal(t, "undefined", Undefined.String())
	assert.Equal(t, "skip", Skip.String())
	assert.Equal(t, "State(9)", State(9).String())
}

func TestReduce(t *testing.T) {
	col := func(cells ...cell) ([]float64, []State) {
		v := make([]float64, len(cells))
		s := make([]State, len(cells))
		for i, c := range cells {
			v[i], s[i] = c.v, c.s
		}
		return v, s
	}
	tests := []struct {
		fn    string
		cells []cell
		want  cell
	}{
		{"sum", []cell{ok(1), ok(2), ok(3)}, ok(6)},
		{"sum", []cell{ok(1), skip, ok(3)}, ok(4)},
		{"sum", []cell{ok(1), miss, ok(3)}, miss},
		{"sum", []cell{ok(1), undef, ok(3)}, undef},
		{"sum", []cell{undef, miss}, miss},
		{"sum", []cell{ok(1), nan}, undef},
		{"sum", []cell{ok(math.MaxFloat64), ok(math.MaxFloat64)}, undef},
		{"sum", []cell{skip, skip}, miss},
		{"sum", nil, miss},
		{"mean", []cell{ok(1), ok(2), skip, ok(6)}, ok(3)},
		{"min", []cell{ok(4), ok(-2), skip, ok(6)}, ok(-2)},
		{"max", []cell{ok(4), ok(-2), ok(6), skip}, ok(6)},
		{"spread", []cell{ok(0.91), ok(0.99), ok(0.95)}, ok(0.99 - 0.91)},
		{"spread", []cell{ok(5)}, ok(0)},
		{"cv", []cell{ok(2), ok(4), ok(4), ok(4), ok(5), ok(5), ok(7), ok(9)}, ok(2.0 / 5)},
		{"cv", []cell{ok(3), ok(3), skip}, ok(0)},
		{"cv", []cell{ok(-1), ok(1)}, undef}, // mean 0
		{"cv", []cell{ok(1), miss}, miss},
		{"share", []cell{ok(1), ok(0), ok(1), ok(1), skip}, ok(0.75)},
		{"share", []cell{ok(0), ok(0)}, ok(0)},
		{"share", []cell{ok(1), undef}, undef},
		{"count", []cell{ok(1), ok(0), ok(1), ok(1), skip}, ok(3)},
		{"count", []cell{skip}, miss},
		{"median", []cell{ok(1)}, undef},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s%v", tt.fn, tt.cells), func(t *testing.T) {
			v, s := col(tt.cells...)
			a := &Aggregate{Func: tt.fn}
			got, st := a.Reduce(v, s)
			assert.Equal(t, tt.want.s, st)
			assert.InDelta(t, tt.want.v, got, 1e-12)
		})
	}
}

// TestAggregatePipeline runs a cross-unit target the way the engine does:
// the argument on every school, a reduction per district, then the
// district's formula. A district's rate is its schools' summed figures, not
// the mean of their rates.
func TestAggregatePipeline(t *testing.T) {
	p, err := CompileFormula("合计(在园幼儿数) / 合计(适龄人口)", testNames, DefaultLimits)
	require.NoError(t, err)
	require.Len(t, p.Aggregates(), 2)
	enrolled := []float64{90, 950, 10}
	population := []float64{100, 1000, 40}
	aggs := make([]Vector, 2)
	for j, col := range [][]float64{enrolled, population} {
		a := p.Aggregates()[j]
		child := NewVector(len(col))
		a.Arg.Eval(len(col), []Vector{{V: col, S: make([]State, len(col))}}, nil, child)
		aggs[j] = NewVector(1)
		aggs[j].V[0], aggs[j].S[0] = a.Reduce(child.V, child.S)
	}
	out := NewVector(1)
	p.Eval(1, nil, aggs, out)
	assert.InDelta(t, 1050.0/1140, out.V[0], 1e-15)
	assert.NotEqual(t, (0.9+0.95+0.25)/3, out.V[0])

	// share(rate >= 95%) over the same schools.
	s, err := CompileFormula("占比(在园幼儿数 / 适龄人口 >= 95%)", testNames, DefaultLimits)
	require.NoError(t, err)
	arg := s.Aggregates()[0].Arg
	require.Equal(t, []string{"enrolled", "population"}, arg.Vars())
	child := NewVector(3)
	arg.Eval(3, []Vector{{V: enrolled, S: make([]State, 3)}, {V: population, S: make([]State, 3)}}, nil, child)
	v, st := s.Aggregates()[0].Reduce(child.V, child.S)
	assert.Equal(t, OK, st)
	assert.InDelta(t, 1.0/3, v, 1e-15)
}

// The temporaries of Eval are a few chunk-sized slots, whatever the number
// of units: 100,000 units cost no more memory than 1,000.
func TestEvalMemoryIsPerChunk(t *testing.T) {
	p, err := CompileFormula("a / b >= 0.99 && c <= 0.05", nil, DefaultLimits)
	require.NoError(t, err)
	assert.Equal(t, 2, p.nslots, "slots are reused")
	assert.Len(t, p.consts, 2)
	sc := p.newScratch()
	require.Len(t, sc.v, p.nslots+len(p.consts))
	for _, v := range sc.v {
		assert.Len(t, v, chunkSize)
	}
	const n = 100000
	a, b, c, out := NewVector(n), NewVector(n), NewVector(n), NewVector(n)
	vars := []Vector{a, b, c}
	p.Eval(n, vars, nil, out)
	allocs := testing.AllocsPerRun(10, func() { p.Eval(n, vars, nil, out) })
	// At most one scratch (if the pool was emptied by a collection): its
	// two slices per slot and their headers.
	assert.LessOrEqual(t, allocs, float64(2*(p.nslots+len(p.consts))+4))
}

func TestCompileConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				if _, err := CompileRule("在园幼儿数 / 适龄人口 >= 99%", testNames, DefaultLimits); err != nil {
					t.Error(err)
					return
				}
				if _, err := CompileFormula("foo(a) + 合计(b)", nil, DefaultLimits); err == nil {
					t.Error("unknown function compiled")
					return
				}
			}
		}()
	}
	wg.Wait()
}
