//go:build !js

package rule

import (
	"errors"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
)

// parse is expr's parser in native builds; the page uses parseOwn, which
// weighs some 600 KB less gzipped (parse_js.go). A variable, so that the
// differential tests can run both on what a compile hands its parser.
var parse = parseExpr

// overrides makes every built-in and predicate name of expr an ordinary
// call for its parser, so that sum(x) and count(x) parse alike whatever expr
// does with those names, and this package decides what a call means.
var overrides = func() conf.FunctionsTable {
	t := conf.FunctionsTable{}
	for _, b := range builtin.Builtins {
		t[b.Name] = b
	}
	for _, name := range []string{"all", "none", "any", "one", "filter", "map", "count", "sum", "find",
		"findIndex", "findLast", "findLastIndex", "groupBy", "sortBy", "reduce"} {
		t[name] = &builtin.Function{Name: name}
	}
	for name := range functions {
		t[name] = &builtin.Function{Name: name}
	}
	return t
}()

// parseExpr parses the rewritten text with expr and converts its tree.
func parseExpr(text string) (*syntax, *syntaxError) {
	// A fresh config per parse: expr's parser caches type information in
	// it, and compiles may run concurrently. No MaxNodes: the compiler
	// counts nodes for both parsers, the same way.
	cfg := &conf.Config{Functions: overrides, DisableIfOperator: true}
	tree, err := parser.ParseWithConfig(text, cfg)
	if err != nil {
		var fe *file.Error
		if errors.As(err, &fe) {
			return nil, &syntaxError{msg: fe.Message, from: fe.From, to: fe.To}
		}
		n := len([]rune(text))
		return nil, &syntaxError{msg: err.Error(), from: n, to: n}
	}
	return fromExpr(tree.Node, map[ast.Node]*syntax{}), nil
}

// fromExpr converts expr's tree. seen keeps the nodes expr shares shared, so
// that "((a ?: b) ?: c) ?: d" does not double at each level.
func fromExpr(n ast.Node, seen map[ast.Node]*syntax) *syntax {
	if n == nil {
		return nil
	}
	if s, ok := seen[n]; ok {
		return s
	}
	l := n.Location()
	s := &syntax{kind: synOther, from: l.From, to: l.To}
	seen[n] = s
	switch n := n.(type) {
	case *ast.IntegerNode:
		s.kind, s.val = synInt, float64(n.Value)
	case *ast.FloatNode:
		s.kind, s.val = synFloat, n.Value
	case *ast.BoolNode:
		s.kind = synBool
		if n.Value {
			s.val = 1
		}
	case *ast.NilNode:
		s.kind = synNil
	case *ast.IdentifierNode:
		s.kind, s.name = synIdent, n.Value
	case *ast.UnaryNode:
		s.kind, s.name, s.args = synUnary, n.Operator, []*syntax{fromExpr(n.Node, seen)}
	case *ast.BinaryNode:
		s.kind, s.name = synBinary, n.Operator
		s.args = []*syntax{fromExpr(n.Left, seen), fromExpr(n.Right, seen)}
	case *ast.ConditionalNode:
		if !n.Ternary {
			s.name = "if"
			break
		}
		s.kind = synCond
		s.args = []*syntax{fromExpr(n.Cond, seen), fromExpr(n.Exp1, seen), fromExpr(n.Exp2, seen)}
	case *ast.CallNode:
		callee, ok := n.Callee.(*ast.IdentifierNode)
		if !ok {
			break
		}
		s.kind, s.name = synCall, callee.Value
		for _, a := range n.Arguments {
			s.args = append(s.args, fromExpr(a, seen))
		}
	}
	return s
}
