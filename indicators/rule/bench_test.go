package rule

import (
	"testing"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
)

const benchUnits = 10000

// benchColumns are a, b and c for benchUnits units: rates around 99%, one
// figure in fifty missing, one denominator in a hundred zero.
func benchColumns() (a, b, c Vector) {
	a, b, c = NewVector(benchUnits), NewVector(benchUnits), NewVector(benchUnits)
	for i := 0; i < benchUnits; i++ {
		a.V[i] = float64(980 + i%25)
		b.V[i] = 1000
		c.V[i] = float64(i%8) / 100
		if i%50 == 0 {
			a.S[i] = Missing
		}
		if i%100 == 1 {
			b.V[i] = 0
		}
	}
	return a, b, c
}

var benchFormulas = []struct{ name, src string }{
	{"ratio", "a / b"},
	{"condition", "a / b >= 0.99 && c <= 0.05"},
}

func reportPerUnit(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchUnits, "ns/unit")
}

// BenchmarkEval is the columnar evaluator over 10,000 units.
func BenchmarkEval(b *testing.B) {
	a, d, c := benchColumns()
	cols := map[string]Vector{"a": a, "b": d, "c": c}
	for _, f := range benchFormulas {
		b.Run(f.name, func(b *testing.B) {
			p, err := CompileFormula(f.src, nil, DefaultLimits)
			if err != nil {
				b.Fatal(err)
			}
			vars := make([]Vector, len(p.Vars()))
			for i, id := range p.Vars() {
				vars[i] = cols[id]
			}
			out := NewVector(benchUnits)
			b.ReportAllocs()
			for b.Loop() {
				p.Eval(benchUnits, vars, nil, out)
			}
			reportPerUnit(b)
		})
	}
}

// BenchmarkEvalBaseline is the same work written by hand in Go: the same
// states, the same checks for zero denominators and non-finite values.
func BenchmarkEvalBaseline(b *testing.B) {
	a, d, c := benchColumns()
	out := NewVector(benchUnits)
	b.Run("ratio", func(b *testing.B) {
		for b.Loop() {
			for i := range out.V {
				sa, sb := a.S[i], d.S[i]
				if sa|sb == OK {
					y := d.V[i]
					if r := a.V[i] / y; y != 0 && y-y == 0 && r-r == 0 {
						out.V[i], out.S[i] = r, OK
						continue
					}
				}
				out.V[i], out.S[i] = 0, binary(sa, sb)
			}
		}
		reportPerUnit(b)
	})
	b.Run("condition", func(b *testing.B) {
		for b.Loop() {
			for i := range out.V {
				cs := c.S[i]
				cOK := cs == OK && c.V[i]-c.V[i] == 0
				if cOK && c.V[i] > 0.05 {
					out.V[i], out.S[i] = 0, OK
					continue
				}
				sa, sb := a.S[i], d.S[i]
				y := d.V[i]
				r := a.V[i] / y
				if sa|sb != OK || y == 0 || r-r != 0 {
					out.V[i], out.S[i] = 0, binary(sa, sb)
					continue
				}
				if !cOK {
					out.V[i], out.S[i] = 0, unary(cs)
					continue
				}
				out.V[i], out.S[i] = b2f(r >= 0.99), OK
			}
		}
		reportPerUnit(b)
	})
}

// BenchmarkExprVM is expr's own VM, one run per unit with a reused map
// environment: what the engine would cost holding units as map[string]any.
// Missing figures and zero denominators are not handled: it only computes.
func BenchmarkExprVM(b *testing.B) {
	a, d, c := benchColumns()
	for _, f := range benchFormulas {
		b.Run(f.name, func(b *testing.B) {
			env := map[string]any{"a": 0.0, "b": 0.0, "c": 0.0}
			prog, err := expr.Compile(f.src, expr.Env(env))
			if err != nil {
				b.Fatal(err)
			}
			var machine vm.VM
			for b.Loop() {
				for i := 0; i < benchUnits; i++ {
					env["a"], env["b"], env["c"] = a.V[i], d.V[i], c.V[i]
					if _, err := machine.Run(prog, env); err != nil {
						b.Fatal(err)
					}
				}
			}
			reportPerUnit(b)
		})
	}
}
