//go:build !js

package rule

// Node is one operation of a compiled formula, for back ends that translate
// formulas into another language (package indicators/sqlgen). It is rebuilt
// from the program's instructions, so the page, which never translates,
// carries none of this (the file is left out of js builds).
type Node struct {
	// Op is one of: const, var, agg, neg, not, abs, + - * / ** < <= > >= ==
	// != && || ?? min max, and cond (Args: condition, then, else).
	Op string
	// Args are the operands, in order.
	Args []*Node
	// Value is the constant of a const (1 and 0 for true and false).
	Value float64
	// ID is the metric or indicator id of a var.
	ID string
	// Agg is the position in Aggregates() of an agg.
	Agg int
}

var opNames = map[opcode]string{
	opNeg: "neg", opNot: "not", opAbs: "abs", opAdd: "+", opSub: "-", opMul: "*", opDiv: "/",
	opPow: "**", opLT: "<", opLE: "<=", opGT: ">", opGE: ">=", opEQ: "==", opNE: "!=",
	opAnd: "&&", opOr: "||", opCond: "cond", opCoalesce: "??", opMin: "min", opMax: "max",
}

// Tree returns the formula as a tree of operations. count(c1, c2, …) of
// several conditions comes back as the sum of (cᵢ ? 1 : 0) it compiles to.
func (p *Program) Tree() *Node {
	slots := map[int32]*Node{}
	leaf := func(o operand) *Node {
		switch o.kind {
		case opdSlot:
			return slots[o.idx]
		case opdVar:
			return &Node{Op: "var", ID: p.vars[o.idx]}
		case opdAgg:
			return &Node{Op: "agg", Agg: int(o.idx)}
		case opdConst:
			return &Node{Op: "const", Value: p.consts[o.idx]}
		}
		return nil
	}
	for _, in := range p.code {
		n := &Node{Op: opNames[in.op]}
		switch in.op {
		case opNeg, opNot, opAbs:
			n.Args = []*Node{leaf(in.a)}
		case opCond:
			n.Args = []*Node{leaf(in.c), leaf(in.a), leaf(in.b)}
		default:
			n.Args = []*Node{leaf(in.a), leaf(in.b)}
		}
		slots[in.dst] = n
	}
	return leaf(p.root)
}
