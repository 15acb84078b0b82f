package rule

import (
	"fmt"
	"math"
	"sync"
)

// State says whether a value could be computed.
type State uint8

// States of a value. When inputs of an operation disagree, Skip wins over
// Missing, Missing over Undefined, Undefined over OK: a unit out of scope is
// out of scope whatever its figures, and a missing figure hides whether the
// rest could have been computed. A State outside these four is read as
// Missing.
const (
	// OK: the value is a finite number.
	OK State = iota
	// Missing: an input figure is missing.
	Missing
	// Undefined: not computable (a zero denominator, NaN, ±Inf).
	Undefined
	// Skip: not applicable; aggregates ignore it.
	Skip
)

// String names the state for messages and tests.
func (s State) String() string {
	switch s {
	case OK:
		return "ok"
	case Missing:
		return "missing"
	case Undefined:
		return "undefined"
	case Skip:
		return "skip"
	}
	return fmt.Sprintf("State(%d)", uint8(s))
}

// stateNorm maps every byte to a valid state; stateRank orders them for
// combination. Indexing [256] tables with a uint8 needs no bounds check.
var stateNorm, stateRank = func() (norm [256]State, rank [256]uint8) {
	for i := range norm {
		norm[i], rank[i] = Missing, 2
	}
	norm[OK], rank[OK] = OK, 0
	norm[Undefined], rank[Undefined] = Undefined, 1
	norm[Skip], rank[Skip] = Skip, 3
	return
}()

// combine is the state of a result from two non-OK-free inputs' states.
func combine(a, b State) State {
	if stateRank[a] >= stateRank[b] {
		return stateNorm[a]
	}
	return stateNorm[b]
}

// Vector is a column of values, one per unit, with a state for each;
// len(V) == len(S). V is 0 wherever S is not OK in vectors Eval writes.
type Vector struct {
	V []float64
	S []State
}

// NewVector returns a vector of n values, all 0 and OK.
func NewVector(n int) Vector {
	return Vector{V: make([]float64, n), S: make([]State, n)}
}

// chunkSize is how many units are evaluated at a time: the temporaries of a
// program are chunkSize values per slot, whatever the number of units.
const chunkSize = 1024

type operandKind uint8

const (
	opdNone operandKind = iota // the zero operand: no argument
	opdSlot
	opdVar
	opdAgg
	opdConst
)

type operand struct {
	kind operandKind
	idx  int32
}

type instr struct {
	op      opcode
	dst     int32
	a, b, c operand
}

// Program is a compiled formula. It is safe for concurrent use.
type Program struct {
	src       string
	expr      string
	vars      []string
	aggs      []*Aggregate
	boolean   bool
	subtracts bool

	code   []instr
	consts []float64
	nslots int
	root   operand
	pool   sync.Pool // *scratch
}

// Source returns the formula as the user wrote it.
func (p *Program) Source() string { return p.src }

// Expr returns the expression handed to expr's parser after the front end
// rewrote the user's text (99% → 0.99, ≥ → >=); for debugging.
func (p *Program) Expr() string { return p.expr }

// Vars returns the ids the formula uses directly (outside aggregates),
// sorted and unique: the columns Eval expects, in this order.
func (p *Program) Vars() []string { return append([]string(nil), p.vars...) }

// Aggregates returns the aggregates of the formula in source order: the
// columns of already reduced values Eval expects, in this order.
func (p *Program) Aggregates() []*Aggregate { return append([]*Aggregate(nil), p.aggs...) }

// Boolean reports whether the formula is a condition (its values are 1 for
// true and 0 for false).
func (p *Program) Boolean() bool { return p.boolean }

// Subtracts reports whether the formula takes a difference somewhere: a − b,
// or spread (极差) over child units. A target in percentage points (个百分点)
// measures such a gap between two rates; on a formula that takes none it
// would hold a rate itself to "at most 10 pp", that is to 10%.
func (p *Program) Subtracts() bool { return p.subtracts }

// generate compiles the tree into instructions over slots. A slot is freed
// as soon as its value is consumed, so the number of slots is the tree's
// register need, not its size.
func (p *Program) generate(root *node, aggIndex map[*node]int) {
	varIndex := make(map[string]int32, len(p.vars))
	for i, id := range p.vars {
		varIndex[id] = int32(i)
	}
	var free []int32
	alloc := func() int32 {
		if n := len(free); n > 0 {
			s := free[n-1]
			free = free[:n-1]
			return s
		}
		p.nslots++
		return int32(p.nslots - 1)
	}
	release := func(o operand) {
		if o.kind == opdSlot {
			free = append(free, o.idx)
		}
	}
	emit := func(op opcode, a, b, c operand) operand {
		release(a)
		release(b)
		release(c)
		dst := alloc()
		p.code = append(p.code, instr{op: op, dst: dst, a: a, b: b, c: c})
		return operand{opdSlot, dst}
	}
	var gen func(n *node) operand
	gen = func(n *node) operand {
		switch n.op {
		case opConst:
			p.consts = append(p.consts, n.val)
			return operand{opdConst, int32(len(p.consts) - 1)}
		case opVar:
			return operand{opdVar, varIndex[n.id]}
		case opAgg:
			return operand{opdAgg, int32(aggIndex[n])}
		case opMin, opMax:
			acc := gen(n.args[0])
			for _, a := range n.args[1:] {
				acc = emit(n.op, acc, gen(a), operand{})
			}
			return acc
		case opNeg, opNot, opAbs:
			return emit(n.op, gen(n.args[0]), operand{}, operand{})
		case opCond:
			c := gen(n.args[0])
			a := gen(n.args[1])
			b := gen(n.args[2])
			return emit(n.op, a, b, c)
		}
		a := gen(n.args[0])
		b := gen(n.args[1])
		return emit(n.op, a, b, operand{})
	}
	p.root = gen(root)
}

type scratch struct {
	v [][]float64 // slots, then constants
	s [][]State
}

func (p *Program) newScratch() *scratch {
	n := p.nslots + len(p.consts)
	sc := &scratch{v: make([][]float64, n), s: make([][]State, n)}
	for i := range sc.v {
		sc.v[i] = make([]float64, chunkSize)
		sc.s[i] = make([]State, chunkSize)
	}
	for k, c := range p.consts {
		vals := sc.v[p.nslots+k]
		for i := range vals {
			vals[i] = c
		}
	}
	return sc
}

// Check reports whether the arguments fit the program: as many columns as
// Vars() and Aggregates(), each (and out) at least n long. Eval panics
// where Check returns an error: that is a bug in the caller, not in data.
func (p *Program) Check(n int, vars []Vector, aggs []Vector, out Vector) error {
	if n < 0 {
		return fmt.Errorf("rule: Eval of %q: negative n %d", p.src, n)
	}
	if len(vars) < len(p.vars) {
		return fmt.Errorf("rule: Eval of %q needs %d variable columns %v, got %d", p.src, len(p.vars), p.vars, len(vars))
	}
	if len(aggs) < len(p.aggs) {
		return fmt.Errorf("rule: Eval of %q needs %d aggregate columns, got %d", p.src, len(p.aggs), len(aggs))
	}
	short := func(v Vector) bool { return len(v.V) < n || len(v.S) < n }
	for i := range p.vars {
		if short(vars[i]) {
			return fmt.Errorf("rule: Eval of %q: column %s is shorter than %d", p.src, p.vars[i], n)
		}
	}
	for i := range p.aggs {
		if short(aggs[i]) {
			return fmt.Errorf("rule: Eval of %q: aggregate column %d is shorter than %d", p.src, i, n)
		}
	}
	if short(out) {
		return fmt.Errorf("rule: Eval of %q: out is shorter than %d", p.src, n)
	}
	return nil
}

// Eval computes the formula for n units. vars[i] is the column of Vars()[i];
// aggs[j] holds, for each unit, the value of Aggregates()[j] already reduced
// over that unit's children. out receives a value and a state per unit and
// may be one of the input columns.
//
// Any Missing input makes the result Missing, unless a condition decides
// without it (false && x is false, c ? a : b needs only the branch taken,
// x ?? y replaces a Missing x). A zero denominator, NaN or ±Inf makes it
// Undefined: such values never reach a comparison. Conditions are 1 or 0.
// Comparisons treat values within one part in a billion as equal, like
// Target.Met.
//
// Eval works through the units in chunks of 1024, so its temporaries do not
// grow with n. It panics if the columns do not fit (see Check).
func (p *Program) Eval(n int, vars []Vector, aggs []Vector, out Vector) {
	if err := p.Check(n, vars, aggs, out); err != nil {
		panic(err)
	}
	if n == 0 {
		return
	}
	sc, _ := p.pool.Get().(*scratch)
	if sc == nil {
		sc = p.newScratch()
	}
	defer p.pool.Put(sc)
	for lo := 0; lo < n; lo += chunkSize {
		hi := min(lo+chunkSize, n)
		m := hi - lo
		view := func(o operand) ([]float64, []State) {
			switch o.kind {
			case opdVar:
				return vars[o.idx].V[lo:hi], vars[o.idx].S[lo:hi]
			case opdAgg:
				return aggs[o.idx].V[lo:hi], aggs[o.idx].S[lo:hi]
			case opdConst:
				k := p.nslots + int(o.idx)
				return sc.v[k][:m], sc.s[k][:m]
			}
			return sc.v[o.idx][:m], sc.s[o.idx][:m]
		}
		ov, os := out.V[lo:hi], out.S[lo:hi]
		if len(p.code) == 0 {
			av, as := view(p.root)
			copyValues(av, as, ov, os)
			continue
		}
		last := len(p.code) - 1
		for k := range p.code {
			in := &p.code[k]
			dv, ds := ov, os
			if k != last {
				dv, ds = sc.v[in.dst][:m], sc.s[in.dst][:m]
			}
			av, as := view(in.a)
			var bv, cv []float64
			var bs, cs []State
			switch in.op {
			case opNeg, opNot, opAbs:
			case opCond:
				bv, bs = view(in.b)
				cv, cs = view(in.c)
			default:
				bv, bs = view(in.b)
			}
			run(in.op, av, as, bv, bs, cv, cs, dv, ds)
		}
	}
}

// copyValues copies a column, making non-finite values Undefined.
func copyValues(av []float64, as []State, dv []float64, ds []State) {
	as, dv, ds = as[:len(av)], dv[:len(av)], ds[:len(av)]
	for i, x := range av {
		s := as[i]
		switch {
		case s != OK:
			dv[i], ds[i] = 0, stateNorm[s]
		case x-x != 0:
			dv[i], ds[i] = 0, Undefined
		default:
			dv[i], ds[i] = x, OK
		}
	}
}

// run applies one operation to a chunk. Each case is its own loop so that
// the compiler keeps the element work inline; x-x != 0 tests for NaN and
// ±Inf at once.
func run(op opcode, av []float64, as []State, bv []float64, bs []State, cv []float64, cs []State, dv []float64, ds []State) {
	n := len(dv)
	av, as, ds = av[:n], as[:n], ds[:n]
	switch op {
	case opNeg, opAbs:
		for i := range dv {
			x := av[i]
			if as[i] == OK && x-x == 0 {
				if op == opNeg {
					dv[i] = -x
				} else {
					dv[i] = math.Abs(x)
				}
				ds[i] = OK
			} else {
				dv[i], ds[i] = 0, unary(as[i])
			}
		}
		return
	case opNot:
		for i := range dv {
			if as[i] == OK {
				r := 0.0
				if av[i] == 0 {
					r = 1
				}
				dv[i], ds[i] = r, OK
			} else {
				dv[i], ds[i] = 0, unary(as[i])
			}
		}
		return
	case opCond:
		cv, cs = cv[:n], cs[:n]
		bv, bs = bv[:n], bs[:n]
		for i := range dv {
			switch {
			case cs[i] != OK:
				dv[i], ds[i] = 0, stateNorm[cs[i]]
			case cv[i] != 0:
				dv[i], ds[i] = pick(av[i], as[i])
			default:
				dv[i], ds[i] = pick(bv[i], bs[i])
			}
		}
		return
	}
	bv, bs = bv[:n], bs[:n]
	switch op {
	case opAdd:
		for i := range dv {
			if as[i]|bs[i] == OK {
				if r := av[i] + bv[i]; r-r == 0 {
					dv[i], ds[i] = r, OK
					continue
				}
			}
			dv[i], ds[i] = 0, binary(as[i], bs[i])
		}
	case opSub:
		for i := range dv {
			if as[i]|bs[i] == OK {
				if r := av[i] - bv[i]; r-r == 0 {
					dv[i], ds[i] = r, OK
					continue
				}
			}
			dv[i], ds[i] = 0, binary(as[i], bs[i])
		}
	case opMul:
		for i := range dv {
			if as[i]|bs[i] == OK {
				if r := av[i] * bv[i]; r-r == 0 {
					dv[i], ds[i] = r, OK
					continue
				}
			}
			dv[i], ds[i] = 0, binary(as[i], bs[i])
		}
	case opDiv:
		for i := range dv {
			if as[i]|bs[i] == OK {
				y := bv[i]
				if r := av[i] / y; y != 0 && y-y == 0 && r-r == 0 {
					dv[i], ds[i] = r, OK
					continue
				}
			}
			dv[i], ds[i] = 0, binary(as[i], bs[i])
		}
	case opPow:
		for i := range dv {
			if as[i]|bs[i] == OK {
				x, y := av[i], bv[i]
				if r := math.Pow(x, y); x-x == 0 && y-y == 0 && r-r == 0 {
					dv[i], ds[i] = r, OK
					continue
				}
			}
			dv[i], ds[i] = 0, binary(as[i], bs[i])
		}
	case opMin, opMax:
		for i := range dv {
			if as[i]|bs[i] == OK {
				x, y := av[i], bv[i]
				if x-x == 0 && y-y == 0 {
					if (op == opMin) == (y < x) {
						x = y
					}
					dv[i], ds[i] = x, OK
					continue
				}
			}
			dv[i], ds[i] = 0, binary(as[i], bs[i])
		}
	case opLT, opLE, opGT, opGE, opEQ, opNE:
		compare(op, av, as, bv, bs, dv, ds)
	case opAnd:
		for i := range dv {
			sa, sb := as[i], bs[i]
			x, y := av[i] != 0, bv[i] != 0
			switch {
			case sa|sb == OK:
				dv[i], ds[i] = b2f(x && y), OK
			case (sa == OK && !x) || (sb == OK && !y):
				dv[i], ds[i] = 0, OK
			default:
				dv[i], ds[i] = 0, binary(sa, sb)
			}
		}
	case opOr:
		for i := range dv {
			sa, sb := as[i], bs[i]
			x, y := av[i] != 0, bv[i] != 0
			switch {
			case sa|sb == OK:
				dv[i], ds[i] = b2f(x || y), OK
			case (sa == OK && x) || (sb == OK && y):
				dv[i], ds[i] = 1, OK
			default:
				dv[i], ds[i] = 0, binary(sa, sb)
			}
		}
	case opCoalesce:
		for i := range dv {
			if stateNorm[as[i]] == Missing {
				dv[i], ds[i] = pick(bv[i], bs[i])
			} else {
				dv[i], ds[i] = pick(av[i], as[i])
			}
		}
	}
}

// compare evaluates a comparison; NaN and ±Inf make it Undefined. Values
// within tol (one part in a billion, see tolerance) count as equal. One loop
// per operator keeps the operator test out of the loop.
func compare(op opcode, av []float64, as []State, bv []float64, bs []State, dv []float64, ds []State) {
	n := len(dv)
	av, as, bv, bs, ds = av[:n], as[:n], bv[:n], bs[:n], ds[:n]
	switch op {
	case opLT:
		for i := range dv {
			x, y := av[i], bv[i]
			if as[i]|bs[i] != OK || x-x != 0 || y-y != 0 {
				dv[i], ds[i] = 0, binary(as[i], bs[i])
				continue
			}
			tol := 1e-9 * max(math.Abs(x), math.Abs(y), 1)
			dv[i], ds[i] = b2f(x < y-tol), OK
		}
	case opLE:
		for i := range dv {
			x, y := av[i], bv[i]
			if as[i]|bs[i] != OK || x-x != 0 || y-y != 0 {
				dv[i], ds[i] = 0, binary(as[i], bs[i])
				continue
			}
			tol := 1e-9 * max(math.Abs(x), math.Abs(y), 1)
			dv[i], ds[i] = b2f(x <= y+tol), OK
		}
	case opGT:
		for i := range dv {
			x, y := av[i], bv[i]
			if as[i]|bs[i] != OK || x-x != 0 || y-y != 0 {
				dv[i], ds[i] = 0, binary(as[i], bs[i])
				continue
			}
			tol := 1e-9 * max(math.Abs(x), math.Abs(y), 1)
			dv[i], ds[i] = b2f(x > y+tol), OK
		}
	case opGE:
		for i := range dv {
			x, y := av[i], bv[i]
			if as[i]|bs[i] != OK || x-x != 0 || y-y != 0 {
				dv[i], ds[i] = 0, binary(as[i], bs[i])
				continue
			}
			tol := 1e-9 * max(math.Abs(x), math.Abs(y), 1)
			dv[i], ds[i] = b2f(x >= y-tol), OK
		}
	case opEQ:
		for i := range dv {
			x, y := av[i], bv[i]
			if as[i]|bs[i] != OK || x-x != 0 || y-y != 0 {
				dv[i], ds[i] = 0, binary(as[i], bs[i])
				continue
			}
			tol := 1e-9 * max(math.Abs(x), math.Abs(y), 1)
			dv[i], ds[i] = b2f(math.Abs(x-y) <= tol), OK
		}
	case opNE:
		for i := range dv {
			x, y := av[i], bv[i]
			if as[i]|bs[i] != OK || x-x != 0 || y-y != 0 {
				dv[i], ds[i] = 0, binary(as[i], bs[i])
				continue
			}
			tol := 1e-9 * max(math.Abs(x), math.Abs(y), 1)
			dv[i], ds[i] = b2f(math.Abs(x-y) > tol), OK
		}
	}
}

// binary is the state of an operation that could not be computed: the
// worse input state, or Undefined when both inputs were OK (a zero
// denominator, a non-finite operand or result).
func binary(a, b State) State {
	if s := combine(a, b); s != OK {
		return s
	}
	return Undefined
}

func unary(a State) State {
	if a == OK {
		return Undefined
	}
	return stateNorm[a]
}

// pick passes a value through, making a non-finite one Undefined.
func pick(x float64, s State) (float64, State) {
	if s != OK {
		return 0, stateNorm[s]
	}
	if x-x != 0 {
		return 0, Undefined
	}
	return x, OK
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
