package rule

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// parseOwn is a recursive-descent parser of the text rewriteTokens writes,
// for the browser page, where expr's parser would cost some 600 KB gzipped
// of wasm. It reads what expr v1.17 reads of that text to the same tree and
// the same first error, and no more: the front end never writes strings,
// comments, member access, brackets other than parentheses, a single =, &
// or |, or two operators side by side, so this parser need not know them.
// TestParsersAgree and FuzzParsersAgree hold it to expr.

type ownKind uint8

const (
	ownIdent ownKind = iota
	ownNumber
	ownOp
	ownBracket
	ownEOF
	ownLexErr // the lexer stopped here; err says why
)

// ownKindNames are the kinds as expr's tokens print in its messages.
var ownKindNames = [...]string{"Identifier", "Number", "Operator", "Bracket", "EOF", "Error"}

type ownToken struct {
	kind     ownKind
	val      string
	from, to int // runes of the text
	err      string
}

func (t ownToken) String() string {
	if t.val == "" {
		return ownKindNames[t.kind]
	}
	return fmt.Sprintf("%s(%#v)", ownKindNames[t.kind], t.val)
}

// ownKeywords are the words expr's lexer reads as operators (if and else
// stay names: the compiler turns expr's if-operator off).
var ownKeywords = map[string]bool{
	"not": true, "in": true, "or": true, "and": true, "matches": true, "contains": true,
	"startsWith": true, "endsWith": true, "let": true,
}

// isExprAlnum is what expr's lexer takes into a name.
func isExprAlnum(r rune) bool {
	return r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// lexOwn splits text as expr's lexer does. The last token is EOF, or the
// error expr's lexer would stop at.
func lexOwn(text string) []ownToken {
	rs := []rune(text)
	n := len(rs)
	var toks []ownToken
	digits := func(i int) int {
		for i < n && (isDigit(rs[i]) || rs[i] == '_') {
			i++
		}
		return i
	}
	accept := func(i int, set string) int {
		if i < n && strings.ContainsRune(set, rs[i]) {
			return i + 1
		}
		return i
	}
	for i := 0; ; {
		for i < n && unicode.IsSpace(rs[i]) {
			i++
		}
		if i >= n {
			return append(toks, ownToken{kind: ownEOF, from: max(n-1, 0), to: n})
		}
		start, r := i, rs[i]
		i++
		kind := ownOp
		switch {
		case isDigit(r):
			kind = ownNumber
			i = digits(i)
			if i < n && rs[i] == '.' && (i+1 >= n || rs[i+1] != '.') {
				i = digits(i + 1)
			}
			if j := accept(i, "eE"); j > i {
				i = digits(accept(j, "+-"))
			}
			if i < n && isExprAlnum(rs[i]) {
				return append(toks, ownToken{kind: ownLexErr, from: i, to: i + 1,
					err: fmt.Sprintf("bad number syntax: %q", string(rs[start:i+1]))})
			}
		case isExprAlnum(r):
			kind = ownIdent
			for i < n && isExprAlnum(rs[i]) {
				i++
			}
			if ownKeywords[string(rs[start:i])] {
				kind = ownOp
			}
		case r == '?':
			i = accept(i, ".?")
		case r == '|':
			i = accept(i, "|")
		case r == ':':
			i = accept(i, ":")
		case r == '(' || r == ')':
			kind = ownBracket
		case strings.ContainsRune(",;%+-^/", r):
		case strings.ContainsRune("&!=*<>", r):
			i = accept(i, "&=*")
		default:
			return append(toks, ownToken{kind: ownLexErr, from: start, to: i,
				err: fmt.Sprintf("unrecognized character: %#U", r)})
		}
		toks = append(toks, ownToken{kind: kind, val: string(rs[start:i]), from: start, to: i})
	}
}

// ownBinary are expr's binary operators and their precedence; ** and ^
// alone associate to the right.
var ownBinary = map[string]int{
	"or": 10, "||": 10, "and": 15, "&&": 15,
	"==": 20, "!=": 20, "<": 20, ">": 20, ">=": 20, "<=": 20,
	"in": 20, "matches": 20, "contains": 20, "startsWith": 20, "endsWith": 20,
	"+": 30, "-": 30, "*": 60, "/": 60, "**": 100, "^": 100, "??": 500,
}

var ownUnary = map[string]int{"not": 50, "!": 50, "-": 90, "+": 90}

type ownParser struct {
	toks []ownToken
	pos  int
	err  *syntaxError
}

// parseOwn parses text as expr's parser would, with the settings
// parseExpr gives it.
func parseOwn(text string) (*syntax, *syntaxError) {
	p := &ownParser{toks: lexOwn(text)}
	if t := p.toks[0]; t.kind == ownLexErr {
		return nil, &syntaxError{msg: t.err, from: t.from, to: t.to}
	}
	n := p.expression(0)
	if p.err == nil && p.cur().kind != ownEOF {
		p.fail()
	}
	if p.err != nil {
		return nil, p.err
	}
	return n, nil
}

func (p *ownParser) cur() ownToken { return p.toks[p.pos] }

func (p *ownParser) is(kind ownKind, val string) bool {
	t := p.cur()
	return t.kind == kind && t.val == val
}

// fail records the first error, at the current token as expr does.
func (p *ownParser) fail() { p.failAt(p.cur(), "unexpected token "+p.cur().String()) }

func (p *ownParser) failAt(t ownToken, msg string) {
	if p.err == nil {
		p.err = &syntaxError{msg: msg, from: t.from, to: t.to}
	}
}

func (p *ownParser) next() {
	if p.err != nil {
		return
	}
	if p.cur().kind == ownEOF {
		p.failAt(p.cur(), "unexpected end of expression")
		return
	}
	p.pos++
	if t := p.cur(); t.kind == ownLexErr {
		p.err = &syntaxError{msg: t.err, from: t.from, to: t.to}
	}
}

func (p *ownParser) expect(kind ownKind, val string) {
	if p.is(kind, val) {
		p.next()
		return
	}
	p.fail()
}

func synAt(kind synKind, name string, t ownToken, args ...*syntax) *syntax {
	return &syntax{kind: kind, name: name, args: args, from: t.from, to: t.to}
}

// expression reads operators of precedence prec or more, by precedence
// climbing; at precedence 0 it reads a conditional after them.
func (p *ownParser) expression(prec int) *syntax {
	if p.err != nil {
		return nil
	}
	if prec == 0 && p.is(ownOp, "let") {
		// let needs a single =, which the front end never writes.
		p.next()
		if p.cur().kind == ownIdent {
			p.next()
		}
		p.fail()
		return nil
	}
	left := p.primary()
	prevOp := ""
	for p.err == nil && p.cur().kind == ownOp {
		op := p.cur()
		negate := op.val == "not"
		if negate { // a not in b, a not contains b
			p.next()
			if p.err != nil {
				break
			}
			suffix := p.cur()
			switch suffix.val {
			case "in", "matches", "contains", "startsWith", "endsWith":
			default:
				p.fail()
				return nil
			}
			if ownBinary[suffix.val] < prec {
				p.pos-- // not is left for the caller
				break
			}
			op = suffix
		}
		opPrec, ok := ownBinary[op.val]
		if !ok || opPrec < prec {
			break
		}
		p.next()
		if prevOp == "??" && op.val != "??" {
			p.failAt(op, fmt.Sprintf("Operator (%v) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.", op.val))
			return nil
		}
		switch op.val {
		case "<", ">", "<=", ">=":
			left = p.comparison(left, op, opPrec)
		default:
			rightPrec := opPrec + 1
			if op.val == "**" || op.val == "^" {
				rightPrec = opPrec
			}
			left = synAt(synBinary, op.val, op, left, p.expression(rightPrec))
			if negate {
				left = synAt(synUnary, "not", op, left)
			}
		}
		prevOp = op.val
	}
	if prec == 0 {
		left = p.conditional(left)
	}
	return left
}

// comparison reads a < b <= c as a < b && b <= c, each && placed at the
// later comparison, as expr does.
func (p *ownParser) comparison(left *syntax, op ownToken, prec int) *syntax {
	var root *syntax
	for {
		right := p.expression(prec + 1)
		cmp := synAt(synBinary, op.val, op, left, right)
		if root == nil {
			root = cmp
		} else {
			root = synAt(synBinary, "&&", op, root, cmp)
		}
		left, op = right, p.cur()
		if p.err != nil || op.kind != ownOp {
			return root
		}
		switch op.val {
		case "<", ">", "<=", ">=":
			p.next()
		default:
			return root
		}
	}
}

// conditional reads c ? x : y and c ?: y after c; the node sits at the
// token after y, as expr places it.
func (p *ownParser) conditional(c *syntax) *syntax {
	for p.err == nil && p.is(ownOp, "?") {
		p.next()
		var x, y *syntax
		if p.is(ownOp, ":") {
			p.next()
			x, y = c, p.expression(0)
		} else {
			x = p.expression(0)
			p.expect(ownOp, ":")
			y = p.expression(0)
		}
		c = synAt(synCond, "", p.cur(), c, x, y)
	}
	return c
}

func (p *ownParser) primary() *syntax {
	t := p.cur()
	if prec, ok := ownUnary[t.val]; ok && t.kind == ownOp {
		p.next()
		return synAt(synUnary, t.val, t, p.expression(prec))
	}
	if t.kind == ownBracket && t.val == "(" {
		p.next()
		e := p.expression(0)
		p.expect(ownBracket, ")")
		return e
	}
	if t.kind != ownIdent && t.kind != ownNumber {
		p.fail()
		return nil
	}
	p.next()
	switch t.kind {
	case ownIdent:
		switch t.val {
		case "true":
			return &syntax{kind: synBool, val: 1, from: t.from, to: t.to}
		case "false":
			return synAt(synBool, "", t)
		case "nil":
			return synAt(synNil, "", t)
		}
		if p.is(ownBracket, "(") {
			return p.call(t)
		}
		return synAt(synIdent, t.val, t)
	case ownNumber:
		s := synAt(synInt, "", t)
		digits := strings.ReplaceAll(t.val, "_", "")
		var err error
		if strings.ContainsAny(digits, ".eE") {
			s.kind = synFloat
			if s.val, err = strconv.ParseFloat(digits, 64); err != nil {
				p.failAt(p.cur(), fmt.Sprintf("invalid float literal: %v", err))
			}
		} else {
			var v int64
			v, err = strconv.ParseInt(digits, 10, 64)
			if err != nil {
				p.failAt(p.cur(), fmt.Sprintf("invalid integer literal: %v", err))
			}
			s.val = float64(v)
		}
		return s
	}
	return nil
}

// call reads the arguments of name(…); a trailing comma is allowed.
func (p *ownParser) call(name ownToken) *syntax {
	p.next()
	var args []*syntax
	for p.err == nil && !p.is(ownBracket, ")") {
		if len(args) > 0 {
			p.expect(ownOp, ",")
		}
		if p.is(ownBracket, ")") {
			break
		}
		args = append(args, p.expression(0))
	}
	p.expect(ownBracket, ")")
	return synAt(synCall, name.val, name, args...)
}
