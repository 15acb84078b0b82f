package rule

import (
	"fmt"
	"sort"
)

// Resolver maps a name written in a formula (a metric or indicator id, or a
// Chinese name) to the id it stands for. A nil Resolver accepts every name
// as its own id.
type Resolver func(name string) (id string, ok bool)

// CompileFormula compiles a formula once for evaluation over any number of
// units. Errors are *Error pointing at the user's text.
func CompileFormula(src string, resolve Resolver, lim Limits) (*Program, error) {
	lim = lim.withDefaults()
	rs, err := checkText(src, lim.MaxLength)
	if err != nil {
		return nil, err
	}
	p, cerr := compileSpan(rs, 0, len(rs), resolve, lim)
	if cerr != nil {
		return nil, cerr
	}
	return p, nil
}

// compileSpan compiles src[from:to]; positions in errors are in src.
func compileSpan(src []rune, from, to int, resolve Resolver, lim Limits) (*Program, *Error) {
	norm := foldAll(src)
	f, t := trimSpan(norm, from, to)
	if f == t {
		return nil, newError(src, from, to, bi("公式为空", "the formula is empty"))
	}
	toks := lexFormula(src, norm, f, t)
	rw, err := rewriteTokens(src, toks, t)
	if err != nil {
		return nil, err
	}
	tree, perr := parse(rw.text)
	if perr != nil {
		return nil, syntaxErr(src, rw, perr)
	}
	c := &compiler{src: src, rw: rw, resolve: resolve, lim: lim}
	if extra := nthNode(tree, lim.MaxNodes+1); extra != nil {
		return nil, c.errAt(extra, fmt.Sprintf("公式过于复杂：超过 %d 个节点", lim.MaxNodes),
			fmt.Sprintf("the formula is too complex: more than %d nodes", lim.MaxNodes))
	}
	root, err := c.build(tree, 1, false)
	if err != nil {
		return nil, err
	}
	p := newProgram(src, f, t, rw.text, root)
	return p, nil
}

// valueType is what a node computes.
type valueType uint8

const (
	number valueType = iota
	boolean
)

func (t valueType) describe() (zh, en string) {
	if t == boolean {
		return "条件（比较的结果）", "a condition (the result of a comparison)"
	}
	return "数值", "a number"
}

type opcode uint8

const (
	opConst opcode = iota
	opVar
	opAgg
	opNeg
	opNot
	opAbs
	opAdd
	opSub
	opMul
	opDiv
	opPow
	opLT
	opLE
	opGT
	opGE
	opEQ
	opNE
	opAnd
	opOr
	opCond
	opCoalesce
	opMin
	opMax
)

// node is the checked syntax tree.
type node struct {
	op       opcode
	typ      valueType
	args     []*node
	val      float64 // opConst
	id       string  // opVar
	fn       string  // opAgg: canonical function
	from, to int     // the whole subtree in the user's text
}

// function is a function of the language.
type function struct {
	canonical string
	aggregate bool
	boolArg   bool // share and count take a condition
}

// functions maps every spelling to its function. min and max are aggregates
// with one argument and the smaller or larger of their arguments with more.
var functions = map[string]function{
	"sum": {"sum", true, false}, "合计": {"sum", true, false},
	"mean": {"mean", true, false}, "平均": {"mean", true, false},
	"min": {"min", true, false}, "最小": {"min", true, false},
	"max": {"max", true, false}, "最大": {"max", true, false},
	"spread": {"spread", true, false}, "极差": {"spread", true, false},
	"cv": {"cv", true, false}, "差异系数": {"cv", true, false},
	"share": {"share", true, true}, "占比": {"share", true, true},
	"count": {"count", true, true}, "个数": {"count", true, true},
	"abs": {"abs", false, false}, "绝对值": {"abs", false, false},
}

const functionList = "sum/合计 mean/平均 min/最小 max/最大 spread/极差 cv/差异系数 share/占比 count/个数 abs/绝对值"

type compiler struct {
	src     []rune
	rw      rewrite
	resolve Resolver
	lim     Limits
}

// nthNode returns the nth node of the tree in the order build visits them
// (a shared node once per parent), or nil if it has fewer. Counting before
// building says "too complex" of a long flat sum rather than "nested too
// deeply", and it stops at n, however much the tree shares.
func nthNode(t *syntax, n int) *syntax {
	var found *syntax
	var walk func(t *syntax)
	walk = func(t *syntax) {
		if t == nil || found != nil {
			return
		}
		if n--; n == 0 {
			found = t
			return
		}
		for _, a := range t.args {
			walk(a)
		}
	}
	walk(t)
	return found
}

func (c *compiler) loc(n *syntax) (int, int) {
	return c.rw.span(n.from, n.to)
}

func (c *compiler) errAt(n *syntax, zh, en string) *Error {
	f, t := c.loc(n)
	return newError(c.src, f, t, bi(zh, en))
}

// build checks a parsed node and converts it. depth counts nesting from 1;
// inAgg is set inside an aggregate's argument.
func (c *compiler) build(n *syntax, depth int, inAgg bool) (*node, *Error) {
	if n == nil {
		return nil, newError(c.src, c.rw.end, c.rw.end, bi("公式不完整", "the formula is incomplete"))
	}
	if depth > c.lim.MaxDepth {
		return nil, c.errAt(n, fmt.Sprintf("公式嵌套过深：超过 %d 层", c.lim.MaxDepth),
			fmt.Sprintf("the formula is nested too deeply: more than %d levels", c.lim.MaxDepth))
	}
	from, to := c.loc(n)
	out := &node{from: from, to: to}
	switch n.kind {
	case synInt, synFloat:
		out.op, out.val = opConst, n.val
	case synBool:
		out.op, out.typ, out.val = opConst, boolean, n.val
	case synIdent:
		id, ok := n.name, true
		if c.resolve != nil {
			id, ok = c.resolve(n.name)
		}
		if !ok {
			e := c.errAt(n, fmt.Sprintf("未知的指标或数据项 “%s”", n.name),
				fmt.Sprintf("unknown metric or indicator %q", n.name))
			e.unknownName = true
			return nil, e
		}
		out.op, out.id = opVar, id
	case synUnary:
		arg, err := c.build(n.args[0], depth+1, inAgg)
		if err != nil {
			return nil, err
		}
		out.args = []*node{arg}
		switch n.name {
		case "-", "+":
			if err := c.want(arg, number); err != nil {
				return nil, err
			}
			if n.name == "+" {
				arg.from = from
				return arg, nil
			}
			out.op = opNeg
		case "!", "not":
			if err := c.want(arg, boolean); err != nil {
				return nil, err
			}
			out.op, out.typ = opNot, boolean
		default:
			return nil, c.unsupported(n, n.name)
		}
	case synBinary:
		return c.binary(n, out, depth, inAgg)
	case synCond:
		cond, err := c.build(n.args[0], depth+1, inAgg)
		if err != nil {
			return nil, err
		}
		a, err := c.build(n.args[1], depth+1, inAgg)
		if err != nil {
			return nil, err
		}
		b, err := c.build(n.args[2], depth+1, inAgg)
		if err != nil {
			return nil, err
		}
		if err := c.want(cond, boolean); err != nil {
			return nil, err
		}
		if err := c.want(b, a.typ); err != nil {
			return nil, err
		}
		out.op, out.typ, out.args = opCond, a.typ, []*node{cond, a, b}
	case synCall:
		return c.call(n, out, depth, inAgg)
	default:
		return nil, c.unsupported(n, n.name)
	}
	widen(out)
	return out, nil
}

func (c *compiler) binary(n *syntax, out *node, depth int, inAgg bool) (*node, *Error) {
	ops := map[string]opcode{
		"+": opAdd, "-": opSub, "*": opMul, "/": opDiv, "**": opPow, "^": opPow,
		"<": opLT, "<=": opLE, ">": opGT, ">=": opGE, "==": opEQ, "!=": opNE,
		"&&": opAnd, "and": opAnd, "||": opOr, "or": opOr, "??": opCoalesce,
	}
	op, ok := ops[n.name]
	if !ok {
		return nil, c.unsupported(n, n.name)
	}
	a, err := c.build(n.args[0], depth+1, inAgg)
	if err != nil {
		return nil, err
	}
	b, err := c.build(n.args[1], depth+1, inAgg)
	if err != nil {
		return nil, err
	}
	out.op, out.args = op, []*node{a, b}
	switch op {
	case opAnd, opOr:
		if err := c.want(a, boolean); err != nil {
			return nil, err
		}
		if err := c.want(b, boolean); err != nil {
			return nil, err
		}
		out.typ = boolean
	case opEQ, opNE:
		if err := c.want(b, a.typ); err != nil {
			return nil, err
		}
		out.typ = boolean
	case opLT, opLE, opGT, opGE:
		if err := c.want(a, number); err != nil {
			return nil, err
		}
		if err := c.want(b, number); err != nil {
			return nil, err
		}
		out.typ = boolean
	default:
		if err := c.want(a, number); err != nil {
			return nil, err
		}
		if err := c.want(b, number); err != nil {
			return nil, err
		}
	}
	widen(out)
	return out, nil
}

func (c *compiler) call(n *syntax, out *node, depth int, inAgg bool) (*node, *Error) {
	// The callee's location is the call's: expr places both at the name.
	callee := n
	fn, ok := functions[n.name]
	if !ok {
		return nil, c.errAt(callee, fmt.Sprintf("未知的函数 “%s”（可用：%s）", callee.name, functionList),
			fmt.Sprintf("unknown function %q (known: %s)", callee.name, functionList))
	}
	scalarMinMax := (fn.canonical == "min" || fn.canonical == "max") && len(n.args) >= 2
	// count(c1, c2, …) of two conditions or more is how many hold on the
	// unit itself ("meets at least 6 of 7 standards"), as min and max of
	// several arguments are scalar.
	if fn.canonical == "count" && len(n.args) >= 2 {
		return c.countOf(n, out, depth, inAgg)
	}
	if fn.aggregate && !scalarMinMax {
		if inAgg {
			return nil, c.errAt(callee, fmt.Sprintf("汇总函数 %s 不能嵌套在另一个汇总函数中", callee.name),
				fmt.Sprintf("the aggregate %s cannot be nested inside another aggregate", callee.name))
		}
		// cv alone takes a second argument: the weight of each child.
		weighted := fn.canonical == "cv" && len(n.args) == 2
		if len(n.args) != 1 && !weighted {
			if fn.canonical == "cv" {
				return nil, c.errAt(callee, fmt.Sprintf("函数 %s 接受一个参数（数值）或两个参数（数值, 权重）", callee.name),
					fmt.Sprintf("%s takes one argument (the value) or two (the value, the weight)", callee.name))
			}
			return nil, c.errAt(callee, fmt.Sprintf("函数 %s 只接受一个参数", callee.name),
				fmt.Sprintf("%s takes exactly one argument", callee.name))
		}
		arg, err := c.build(n.args[0], depth+1, true)
		if err != nil {
			return nil, err
		}
		want := number
		if fn.boolArg {
			want = boolean
		}
		if err := c.want(arg, want); err != nil {
			return nil, err
		}
		out.op, out.fn, out.args = opAgg, fn.canonical, []*node{arg}
		if weighted {
			w, err := c.build(n.args[1], depth+1, true)
			if err != nil {
				return nil, err
			}
			if err := c.want(w, number); err != nil {
				return nil, err
			}
			out.args = append(out.args, w)
		}
		widen(out)
		return out, nil
	}
	if fn.canonical == "abs" && len(n.args) != 1 {
		return nil, c.errAt(callee, fmt.Sprintf("函数 %s 只接受一个参数", callee.name),
			fmt.Sprintf("%s takes exactly one argument", callee.name))
	}
	var args []*node
	for _, a := range n.args {
		arg, err := c.build(a, depth+1, inAgg)
		if err != nil {
			return nil, err
		}
		if err := c.want(arg, number); err != nil {
			return nil, err
		}
		args = append(args, arg)
	}
	out.args = args
	switch fn.canonical {
	case "abs":
		out.op = opAbs
	case "min":
		out.op = opMin
	default:
		out.op = opMax
	}
	widen(out)
	return out, nil
}

// countOf compiles count(c1, c2, …) into (c1 ? 1 : 0) + (c2 ? 1 : 0) + …:
// the engine needs no instruction of its own, and a missing figure in any
// condition makes the count missing, as in any sum.
func (c *compiler) countOf(n *syntax, out *node, depth int, inAgg bool) (*node, *Error) {
	var acc *node
	for _, a := range n.args {
		cond, err := c.build(a, depth+1, inAgg)
		if err != nil {
			return nil, err
		}
		if err := c.want(cond, boolean); err != nil {
			return nil, err
		}
		one := &node{op: opConst, val: 1, from: cond.from, to: cond.to}
		zero := &node{op: opConst, from: cond.from, to: cond.to}
		term := &node{op: opCond, args: []*node{cond, one, zero}, from: cond.from, to: cond.to}
		if acc == nil {
			acc = term
			continue
		}
		acc = &node{op: opAdd, args: []*node{acc, term}, from: acc.from, to: term.to}
	}
	acc.from, acc.to = out.from, out.to
	widen(acc)
	return acc, nil
}

// widen extends a node's span over its arguments'.
func widen(n *node) {
	for _, a := range n.args {
		if a.from < n.from {
			n.from = a.from
		}
		if a.to > n.to {
			n.to = a.to
		}
	}
}

func (c *compiler) want(n *node, t valueType) *Error {
	if n.typ == t {
		return nil
	}
	wzh, wen := t.describe()
	gzh, gen := n.typ.describe()
	return newError(c.src, n.from, n.to, bi(
		fmt.Sprintf("此处需要%s，但这里是%s", wzh, gzh),
		fmt.Sprintf("%s is needed here, but this is %s", wen, gen)))
}

func (c *compiler) unsupported(n *syntax, what string) *Error {
	if what == "" {
		f, t := c.loc(n)
		what = string(c.src[f:t])
	}
	return c.errAt(n, fmt.Sprintf("公式中不支持 “%s”", what), fmt.Sprintf("%q is not supported in a formula", what))
}

// newProgram generates code for the tree; src[from:to] is its text.
func newProgram(src []rune, from, to int, rewritten string, root *node) *Program {
	p := &Program{
		src:     string(src[from:to]),
		expr:    rewritten,
		boolean: root.typ == boolean,
	}
	p.subtracts = subtracts(root)
	// Variables outside aggregates, sorted; aggregates in source order.
	ids := map[string]bool{}
	var aggs []*node
	var walk func(n *node)
	walk = func(n *node) {
		switch n.op {
		case opVar:
			ids[n.id] = true
		case opAgg:
			aggs = append(aggs, n)
			return
		}
		for _, a := range n.args {
			walk(a)
		}
	}
	walk(root)
	for id := range ids {
		p.vars = append(p.vars, id)
	}
	sort.Strings(p.vars)
	sort.SliceStable(aggs, func(i, j int) bool { return aggs[i].from < aggs[j].from })
	aggIndex := map[*node]int{}
	for i, a := range aggs {
		aggIndex[a] = i
		af, at := balanceParens(src, a.args[0].from, a.args[0].to)
		arg := newProgram(src, af, at, "", a.args[0])
		agg := &Aggregate{Func: a.fn, Arg: arg}
		if len(a.args) == 2 {
			wf, wt := balanceParens(src, a.args[1].from, a.args[1].to)
			agg.Weight = newProgram(src, wf, wt, "", a.args[1])
		}
		p.aggs = append(p.aggs, agg)
	}
	p.generate(root, aggIndex)
	return p
}

// subtracts reports whether the tree takes a difference anywhere: a − b
// (max(x) − min(x) included) or spread, inside an aggregate or not.
func subtracts(n *node) bool {
	if n.op == opSub || (n.op == opAgg && n.fn == "spread") {
		return true
	}
	for _, a := range n.args {
		if subtracts(a) {
			return true
		}
	}
	return false
}

// balanceParens widens [from, to) of src until its parentheses balance, so
// that the text of an aggregate's argument "(a + b) / c" keeps its "(".
func balanceParens(src []rune, from, to int) (int, int) {
	open := 0 // unmatched "(" inside
	for i := from; i < to; i++ {
		switch fold(src[i]) {
		case '(':
			open++
		case ')':
			if open > 0 {
				open--
			} else {
				for from > 0 && fold(src[from-1]) != '(' {
					from--
				}
				if from > 0 {
					from--
				}
			}
		}
	}
	for ; open > 0 && to < len(src); to++ {
		if fold(src[to]) == ')' {
			open--
		}
	}
	return from, to
}
