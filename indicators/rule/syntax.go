package rule

import (
	"fmt"
	"strings"
)

// The parsers hand the compiler this tree rather than expr's, so that the
// browser page can parse without linking expr (see parse_own.go). Both
// parsers read the text rewriteTokens writes and must give the same tree:
// the same kinds, operators, values and locations.

type synKind uint8

const (
	synInt synKind = iota + 1
	synFloat
	synBool
	synNil
	synIdent
	synUnary
	synBinary
	synCond // c ? x : y and c ?: y (whose x is c itself)
	synCall
	// synOther is anything else expr builds; the language refuses it.
	synOther
)

// syntax is a node of a parsed formula. Nodes may be shared: expr reuses the
// middle operand of a < b < c and the condition of c ?: y, and so does the
// own parser.
type syntax struct {
	kind synKind
	// name is the identifier, the called function or the operator.
	name string
	val  float64 // synInt, synFloat; synBool is 1 or 0
	// args are the operand of a unary, the operands of a binary, the
	// condition and both branches of a conditional, or a call's arguments.
	args []*syntax
	// from and to are runes of the rewritten text, as expr's Location
	// gives them: rewrite.span maps them to the user's text.
	from, to int
}

// syntaxError is a parser's first error, as expr words it, located in the
// rewritten text; compileSpan translates it for the user.
type syntaxError struct {
	msg      string
	from, to int
}

// syntaxErr translates a parser's error into the user's positions and both
// languages. The classes are expr's: both parsers word them alike.
func syntaxErr(src []rune, rw rewrite, e *syntaxError) *Error {
	from, to := rw.span(e.from, e.to)
	if to == from && to < len(src) {
		to++ // a separator the front end inserted: show what follows
	}
	switch {
	case strings.Contains(e.msg, "unexpected token EOF"), strings.Contains(e.msg, "unexpected end of expression"):
		return newError(src, rw.end, rw.end, bi("公式不完整，在此处意外结束", "the formula ends too early"))
	case strings.HasPrefix(e.msg, "unexpected token"):
		w := string(src[from:to])
		return newError(src, from, to, bi(fmt.Sprintf("此处不应出现 “%s”", w), fmt.Sprintf("unexpected %q", w)))
	case strings.HasPrefix(e.msg, "unrecognized character"):
		w := string(src[from:to])
		return newError(src, from, to, bi(fmt.Sprintf("无法识别的字符 “%s”", w), fmt.Sprintf("unexpected character %q", w)))
	}
	return newError(src, from, to, bi("公式语法错误："+e.msg, "syntax error: "+e.msg))
}
