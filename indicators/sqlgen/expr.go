//go:build !js

package sqlgen

import (
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/indicators/rule"
)

// refFunc gives the value and state expressions of a variable or an
// aggregate.
type refFunc func(id string) (v, s string)

// program is a formula translated into layers of columns: each operation
// is a column computed from its operands' columns in the layer below, so
// that the SQL grows with the formula, not with its depth's power (an
// expression repeated in its parent's state and value would double at
// every level).
type program struct {
	prefix string
	n      int
	layers [][]string
}

// wrap puts base under the program's layers; every layer keeps the
// columns below it (z.*).
func (p *program) wrap(base, fence string) string {
	q := base
	for _, l := range p.layers {
		q = "SELECT z.*,\n  " + strings.Join(l, ",\n  ") + "\nFROM (\n" + q + fence + "\n) z"
	}
	return q
}

// merge adds another program's layers beside p's.
func (p *program) merge(o *program) {
	for i, l := range o.layers {
		if i < len(p.layers) {
			p.layers[i] = append(p.layers[i], l...)
		} else {
			p.layers = append(p.layers, l)
		}
	}
}

// expr translates a formula into a value and a state, with
// rule.Program.Eval's semantics: the value is NULL unless the state is 0;
// a missing input makes the result missing unless a condition decides
// without it; a zero denominator makes it not computable; conditions are 1
// or 0; comparisons allow one part in a billion. Operations become columns
// of p's layers; the value and state returned read them as z.name.
func (g *gen) expr(p *program, n *rule.Node, ref refFunc, agg func(k int) (string, string)) (v, s string, height int) {
	switch n.Op {
	case "const":
		return g.num(n.Value), "0", 0
	case "var":
		v, s := ref(n.ID)
		return v, s, 0
	case "agg":
		v, s := agg(n.Agg)
		return v, s, 0
	}
	args := make([][2]string, len(n.Args))
	for i, a := range n.Args {
		v, s, h := g.expr(p, a, ref, agg)
		args[i] = [2]string{v, s}
		height = max(height, h+1)
	}
	v, s = g.op(n.Op, args)
	for len(p.layers) < height {
		p.layers = append(p.layers, nil)
	}
	name := fmt.Sprintf("%s%d", p.prefix, p.n)
	p.n++
	p.layers[height-1] = append(p.layers[height-1], v+" AS "+name+"v", s+" AS "+name+"s")
	return "z." + name + "v", "z." + name + "s", height
}

// op is one operation on its operands' value and state expressions.
func (g *gen) op(op string, args [][2]string) (string, string) {
	a := args[0]
	var b [2]string
	if len(args) > 1 {
		b = args[1]
	}
	// strict: NULL when an input is; the state is the worse input's, or
	// not computable when both were computed.
	strict := func(v string) (string, string) {
		return v, fmt.Sprintf("CASE WHEN (%s) IS NOT NULL THEN 0 ELSE GREATEST(%s, %s, %d) END", v, a[1], b[1], sUndefined)
	}
	both := fmt.Sprintf("(%s) IS NULL OR (%s) IS NULL", a[0], b[0])
	switch op {
	case "neg":
		return fmt.Sprintf("-(%s)", a[0]), a[1]
	case "abs":
		return fmt.Sprintf("ABS(%s)", a[0]), a[1]
	case "not":
		return fmt.Sprintf("CASE WHEN (%s) = 0 THEN %s WHEN (%s) IS NOT NULL THEN %s END", a[0], g.num(1), a[0], g.num(0)), a[1]
	case "+", "-", "*":
		return strict(fmt.Sprintf("(%s) %s (%s)", a[0], op, b[0]))
	case "/":
		return strict(fmt.Sprintf("(%s) / NULLIF(%s, 0)", a[0], b[0]))
	case "**":
		// NULL where the power has no real value, or would divide by 0:
		// engines raise an error there rather than return NaN.
		return strict(fmt.Sprintf("CASE WHEN %s THEN NULL WHEN (%s) < 0 AND (%s) <> FLOOR(%s) THEN NULL WHEN (%s) = 0 AND (%s) < 0 THEN NULL ELSE POWER(%s, %s) END",
			both, a[0], b[0], b[0], a[0], b[0], a[0], b[0]))
	case "min", "max":
		f := "LEAST"
		if op == "max" {
			f = "GREATEST"
		}
		// LEAST and GREATEST skip NULLs; a missing input must not.
		return strict(fmt.Sprintf("CASE WHEN %s THEN NULL ELSE %s(%s, %s) END", both, f, a[0], b[0]))
	case "<", "<=", ">", ">=", "==", "!=":
		tol := fmt.Sprintf("1e-9 * GREATEST(ABS(%s), ABS(%s), 1)", a[0], b[0])
		var cond string
		switch op {
		case "<":
			cond = fmt.Sprintf("(%s) < (%s) - %s", a[0], b[0], tol)
		case "<=":
			cond = fmt.Sprintf("(%s) <= (%s) + %s", a[0], b[0], tol)
		case ">":
			cond = fmt.Sprintf("(%s) > (%s) + %s", a[0], b[0], tol)
		case ">=":
			cond = fmt.Sprintf("(%s) >= (%s) - %s", a[0], b[0], tol)
		case "==":
			cond = fmt.Sprintf("ABS((%s) - (%s)) <= %s", a[0], b[0], tol)
		default:
			cond = fmt.Sprintf("ABS((%s) - (%s)) > %s", a[0], b[0], tol)
		}
		return strict(fmt.Sprintf("CASE WHEN %s THEN NULL WHEN %s THEN %s ELSE %s END", both, cond, g.num(1), g.num(0)))
	case "&&", "||":
		decide, other := "0", "1"
		if op == "||" {
			decide, other = "1", "0"
		}
		// One side decides alone: false && missing is false.
		cmp := "="
		if op == "||" {
			cmp = "<>"
		}
		v := fmt.Sprintf("CASE WHEN (%s) %s 0 OR (%s) %s 0 THEN %s WHEN NOT (%s) THEN %s END",
			a[0], cmp, b[0], cmp, g.num(atof(decide)), both, g.num(atof(other)))
		return v, fmt.Sprintf("CASE WHEN (%s) IS NOT NULL THEN 0 ELSE GREATEST(%s, %s) END", v, a[1], b[1])
	case "cond":
		c, t, e := args[0], args[1], args[2]
		return fmt.Sprintf("CASE WHEN (%s) IS NULL THEN NULL WHEN (%s) <> 0 THEN %s ELSE %s END", c[0], c[0], t[0], e[0]),
			fmt.Sprintf("CASE WHEN (%s) IS NULL THEN %s WHEN (%s) <> 0 THEN %s ELSE %s END", c[0], c[1], c[0], t[1], e[1])
	case "??":
		// Only a missing value is replaced: not computable stays so.
		return fmt.Sprintf("CASE WHEN %s = %d THEN %s ELSE %s END", a[1], sMissing, b[0], a[0]),
			fmt.Sprintf("CASE WHEN %s = %d THEN %s ELSE %s END", a[1], sMissing, b[1], a[1])
	}
	// rule.Node lists every Op; one added there and not here is refused.
	g.unknown = append(g.unknown, op)
	return "NULL", fmt.Sprint(sUndefined)
}

func atof(s string) float64 {
	if s == "1" {
		return 1
	}
	return 0
}
