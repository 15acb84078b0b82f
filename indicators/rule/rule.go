package rule

import "sort"

// Rule is a formula with a target, written as one text: the "try a rule"
// box of the browser page, or a check in a test suite.
type Rule struct {
	// Formula computes the value held to the target; without a target it
	// may also be a condition (Formula.Boolean()). It is nil when the text
	// is a target alone (TargetAlone).
	Formula *Program
	// Target is the parsed target; its Op is empty when the text is a
	// formula alone (the value is only computed) or a condition.
	Target Target
}

// TargetAlone reports whether the text was a target with no formula
// before it ("达99%以上"): there is nothing to compute, only a target to
// read, and a person trying targets out should see how it was read rather
// than be told the formula is missing.
func (r *Rule) TargetAlone() bool { return r.Formula == nil }

// maxSplitAttempts bounds the work CompileRule does to find where the
// target begins: each attempt parses the target and compiles the formula.
const maxSplitAttempts = 32

type candidateKind uint8

const (
	candOp    candidateKind = iota // at a comparison operator: a / b >= 99%
	candJuxt                       // an operand right after an operand: a / b 控制在5%以内
	candInner                      // inside a name: 在校生数控制在5%以内
)

type candidate struct {
	at   int
	kind candidateKind
}

// CompileRule compiles "formula target": 在园幼儿数 / 适龄人口 >= 99%,
// 择校生数/在校生数 控制在5%以内. The target begins at the first top-level
// comparison operator or target word after which the rest reads as a target
// (Chinese has no spaces, so a name may run into the target: the split is
// then where the part before resolves to a known name). If no split works,
// the whole text is compiled as a formula and Target.Op is empty: a value to
// compute, or a condition such as a >= b && c <= 5%. A text that is no
// formula but reads whole as a target (≥99%, 不超过5个百分点) is a target
// alone: Formula is nil.
//
// When nothing reads, the error names the first real cause: an unknown name
// before the words after it (适龄人囗 大约95% is about 适龄人囗, not the %).
//
// Error positions count from the start of the whole text, in the target part
// as in the formula.
func CompileRule(src string, resolve Resolver, lim Limits) (*Rule, error) {
	lim = lim.withDefaults()
	rs, err := checkText(src, lim.MaxLength)
	if err != nil {
		return nil, err
	}
	norm := foldAll(rs)
	toks := lexFormula(rs, norm, 0, len(rs))
	var firstErr *Error // of the first split that got half right
	var nameErr *Error  // an unknown name in the part before a split
	for i, c := range splitCandidates(rs, norm, toks, resolve) {
		if i == maxSplitAttempts {
			break
		}
		t, terr := parseTarget(rs, c.at, len(rs))
		p, ferr := compileSpan(rs, 0, c.at, resolve, lim)
		if ferr == nil && p.Boolean() {
			f, t := trimSpan(norm, 0, c.at)
			ferr = newError(rs, f, t, bi("条件不能再与目标比较：目标前应是一个数值",
				"a condition cannot be held to a target: the part before the target must be a number"))
		}
		switch {
		case terr == nil && ferr == nil:
			return &Rule{Formula: p, Target: t}, nil
		case firstErr != nil:
		case terr == nil:
			firstErr = ferr
		case ferr == nil && reportable(norm, c, len(rs)):
			firstErr = terr
		case nameErr == nil && ferr != nil && ferr.unknownName:
			nameErr = ferr
		}
	}
	p, ferr := compileSpan(rs, 0, len(rs), resolve, lim)
	if ferr == nil {
		return &Rule{Formula: p}, nil
	}
	t, terr := parseTarget(rs, 0, len(rs))
	switch {
	case terr == nil:
		return &Rule{Target: t}, nil
	case firstErr != nil:
		return nil, firstErr
	case reportable(norm, candidate{0, candOp}, len(rs)) && !knownNameFirst(toks, resolve) &&
		!(ferr.unknownName && ferr.Offset > firstNonSpace(norm)):
		// The text begins as a target does (≥, 达, a number): the target
		// parser names the cause, not the formula's complaint about a %
		// (an unknown name further on, as in 99% + 未知, is the cause).
		return nil, terr
	case nameErr != nil:
		return nil, nameErr
	}
	return nil, ferr
}

// firstNonSpace is the position of the first character that is not white
// space.
func firstNonSpace(rs []rune) int {
	f, _ := trimSpan(rs, 0, len(rs))
	return f
}

// knownNameFirst says whether the text begins with a known name: 在园幼儿数
// begins with 在, as 在98%以上 does, but is no target.
func knownNameFirst(toks []token, resolve Resolver) bool {
	for _, t := range toks {
		switch {
		case t.kind == tokSpace:
			continue
		case t.kind != tokIdent:
			return false
		case resolve == nil:
			return true
		}
		_, ok := resolve(t.text)
		return ok
	}
	return false
}

// splitCandidates lists, in text order, where a target may begin.
func splitCandidates(src, norm []rune, toks []token, resolve Resolver) []candidate {
	var out []candidate
	depth := 0
	prevOperand := false
	for _, t := range toks {
		switch t.kind {
		case tokSpace:
			continue
		case tokOp:
			switch t.text {
			case "(":
				depth++
			case ")":
				depth = max(depth-1, 0)
			case ">=", "<=", ">", "<", "==", "!=":
				if depth == 0 {
					out = append(out, candidate{t.from, candOp})
				}
			}
			prevOperand = t.text == ")"
			continue
		case tokIdent:
			if depth == 0 {
				if prevOperand {
					out = append(out, candidate{t.from, candJuxt})
				}
				for k := t.from + 1; k < t.to; k++ {
					if !startsTargetWord(norm, k) && !(isDigit(norm[k]) && !isDigit(norm[k-1])) {
						continue
					}
					if resolve != nil {
						if _, ok := resolve(string(src[t.from:k])); !ok {
							continue
						}
					}
					out = append(out, candidate{k, candInner})
				}
			}
		default:
			if depth == 0 && prevOperand {
				out = append(out, candidate{t.from, candJuxt})
			}
		}
		prevOperand = true
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out
}

func startsTargetWord(rs []rune, i int) bool {
	for _, w := range targetStartWords {
		if hasWordAt(rs, i, w) {
			return true
		}
	}
	return false
}

// reportable says whether a target error at c is worth reporting rather
// than the error of compiling the whole text as a formula: the text there
// looks like a target (a number, or a target word, after an optional
// comparison), not like the rest of a condition (a >= b).
func reportable(norm []rune, c candidate, end int) bool {
	i := c.at
	skip := func() {
		for i < end && isSpace(norm[i]) {
			i++
		}
	}
	skip()
	if c.kind == candOp {
		for i < end && (norm[i] == '>' || norm[i] == '<' || norm[i] == '=' || norm[i] == '!' ||
			norm[i] == '≥' || norm[i] == '≤' || norm[i] == '≠') {
			i++
		}
		skip()
		if i < end && (norm[i] == '-' || norm[i] == '+') {
			i++
		}
	}
	if i < end && (isDigit(norm[i]) || norm[i] == '.') {
		return true
	}
	if i < end && startsTargetWord(norm, i) {
		return true
	}
	if c.kind == candJuxt {
		// a 大约50%: an operand after an operand is no formula; if a number
		// follows, the user meant a target.
		for ; i < end; i++ {
			if isDigit(norm[i]) {
				return true
			}
		}
	}
	return false
}
