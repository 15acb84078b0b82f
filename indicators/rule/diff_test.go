package rule

import (
	"fmt"
	"math"
	"math/rand"
	"testing"

	"github.com/expr-lang/expr"
	"github.com/stretchr/testify/require"
)

// genFormula writes a random formula of the given type over a, b and c in
// the syntax both this package and expr read alike.
func genFormula(r *rand.Rand, boolean bool, depth int) string {
	if boolean {
		switch k := r.Intn(6); {
		case depth <= 0 || k == 0:
			return fmt.Sprintf("%s %s %s", genFormula(r, false, depth-1), []string{"<", "<=", ">", ">=", "==", "!="}[r.Intn(6)], genFormula(r, false, depth-1))
		case k == 1:
			return fmt.Sprintf("(%s && %s)", genFormula(r, true, depth-1), genFormula(r, true, depth-1))
		case k == 2:
			return fmt.Sprintf("(%s || %s)", genFormula(r, true, depth-1), genFormula(r, true, depth-1))
		case k == 3:
			return fmt.Sprintf("!(%s)", genFormula(r, true, depth-1))
		default:
			return fmt.Sprintf("%s %s %s", genFormula(r, false, depth-1), []string{"<", ">"}[r.Intn(2)], genFormula(r, false, depth-1))
		}
	}
	if depth <= 0 {
		if r.Intn(3) == 0 {
			return fmt.Sprintf("%g", float64(r.Intn(200)-100)/8)
		}
		return []string{"a", "b", "c"}[r.Intn(3)]
	}
	switch r.Intn(9) {
	case 0:
		return fmt.Sprintf("-(%s)", genFormula(r, false, depth-1))
	case 1:
		return fmt.Sprintf("abs(%s)", genFormula(r, false, depth-1))
	case 2:
		return fmt.Sprintf("min(%s, %s)", genFormula(r, false, depth-1), genFormula(r, false, depth-1))
	case 3:
		return fmt.Sprintf("max(%s, %s, %s)", genFormula(r, false, depth-1), genFormula(r, false, depth-1), genFormula(r, false, depth-1))
	case 4:
		return fmt.Sprintf("(%s ? %s : %s)", genFormula(r, true, depth-1), genFormula(r, false, depth-1), genFormula(r, false, depth-1))
	default:
		op := []string{"+", "-", "*", "/"}[r.Intn(4)]
		return fmt.Sprintf("(%s %s %s)", genFormula(r, false, depth-1), op, genFormula(r, false, depth-1))
	}
}

// TestAgainstExpr compares the columnar evaluator with expr's own VM on
// random formulas and figures: wherever this package computes a value, expr
// must compute the same one.
func TestAgainstExpr(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	const units = 40
	checked := 0
	for f := 0; f < 400; f++ {
		src := genFormula(r, r.Intn(2) == 0, 1+r.Intn(4))
		p, err := CompileFormula(src, nil, DefaultLimits)
		require.NoError(t, err, src)
		env := map[string]any{"a": 0.0, "b": 0.0, "c": 0.0}
		vm, err := expr.Compile(src, expr.Env(env))
		require.NoError(t, err, src)

		cols := map[string]Vector{}
		for _, id := range []string{"a", "b", "c"} {
			v := NewVector(units)
			for i := range v.V {
				v.V[i] = float64(r.Intn(2000)-1000) / 16
			}
			cols[id] = v
		}
		vars := make([]Vector, len(p.Vars()))
		for i, id := range p.Vars() {
			vars[i] = cols[id]
		}
		out := NewVector(units)
		p.Eval(units, vars, nil, out)
		for i := 0; i < units; i++ {
			for _, id := range []string{"a", "b", "c"} {
				env[id] = cols[id].V[i]
			}
			got, err := expr.Run(vm, env)
			require.NoError(t, err, src)
			var want float64
			switch g := got.(type) {
			case bool:
				want = b2f(g)
			case float64:
				want = g
			case int:
				want = float64(g)
			default:
				t.Fatalf("%s: expr gave %T", src, got)
			}
			switch out.S[i] {
			case OK:
				require.InDelta(t, want, out.V[i], 1e-9*math.Max(1, math.Abs(want)), "%s unit %d", src, i)
				checked++
			case Undefined:
				// Somewhere a division by zero or an overflow: expr may carry
				// an Inf through to a finite result; this package must not.
			default:
				t.Fatalf("%s unit %d: state %v", src, i, out.S[i])
			}
		}
	}
	require.Greater(t, checked, 10000, "enough values compared")
}
