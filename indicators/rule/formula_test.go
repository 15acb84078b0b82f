package rule

import (
	"errors"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// names is a resolver over a fixed set of names; Chinese names resolve to
// ids so that tests see the mapping.
func names(pairs ...string) Resolver {
	m := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return func(name string) (string, bool) {
		id, ok := m[name]
		return id, ok
	}
}

var testNames = names(
	"在园幼儿数", "enrolled", "适龄人口", "population", "rate", "rate",
	"a", "a", "b", "b", "c", "c", "x", "x", "y", "y", "enrolled", "enrolled",
	"在校生数", "students", "择校生数", "chosen",
)

func TestCompileFormulaRewrites(t *testing.T) {
	tests := []struct {
		in, expr string
		vars     []string
		boolean  bool
	}{
		{"在园幼儿数 / 适龄人口", "在园幼儿数 / 适龄人口", []string{"enrolled", "population"}, false},
		{"rate >= 99%", "rate >= 0.99", []string{"rate"}, true},
		{"rate >= 99.2%", "rate >= 0.992", []string{"rate"}, true},
		{"rate ≥ 99％", "rate >= 0.99", []string{"rate"}, true},
		{"rate＞＝９９．５％", "rate>=0.995", []string{"rate"}, true},
		{"a ≤ 5% && b ≠ 0", "a <= 0.05 && b != 0", []string{"a", "b"}, true},
		{"a ＜ b", "a < b", []string{"a", "b"}, true},
		{"a ＞ b", "a > b", []string{"a", "b"}, true},
		{"a = b", "a == b", []string{"a", "b"}, true},
		{"a ＝ b", "a == b", []string{"a", "b"}, true},
		{"a == b", "a == b", []string{"a", "b"}, true},
		{"（a ＋ b）× 2 ÷ c － 1", "(a + b)* 2 / c - 1", []string{"a", "b", "c"}, false},
		{"a − b – c", "a - b - c", []string{"a", "b", "c"}, false},
		{"max(a，b)", "max(a,b)", []string{"a", "b"}, false},
		{"a\u3000+\u3000b", "a + b", []string{"a", "b"}, false},
		{"a <= 10pp", "a <= 0.1", []string{"a"}, true},
		{"a <= 10 pp", "a <= 0.1", []string{"a"}, true},
		{"a <= 10个百分点", "a <= 0.1", []string{"a"}, true},
		{"a >= 5万", "a >= 50000", []string{"a"}, true},
		{"a >= 1.5e3", "a >= 1500", []string{"a"}, true},
		{"a / a + b * a", "a / a + b * a", []string{"a", "b"}, false},
		{"a > 1 ? b : c", "a > 1 ? b : c", []string{"a", "b", "c"}, false},
		{"a ?? 0", "a ?? 0", []string{"a"}, false},
		{"!(a > b) || not (b > a) and true", "!(a > b) || not (b > a) and true", []string{"a", "b"}, true},
		{"abs(a - b)", "abs(a - b)", []string{"a", "b"}, false},
		{"绝对值(a - b)", "绝对值(a - b)", []string{"a", "b"}, false},
		{"spread(rate) <= 10个百分点", "spread(rate) <= 0.1", nil, true},
		{"1 + 2", "1 + 2", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := CompileFormula(tt.in, testNames, DefaultLimits)
			require.NoError(t, err)
			assert.Equal(t, tt.expr, p.Expr())
			assert.Equal(t, tt.in, p.Source())
			assert.Equal(t, tt.vars, p.Vars())
			assert.Equal(t, tt.boolean, p.Boolean())
		})
	}
}

func TestCompileFormulaAggregates(t *testing.T) {
	p, err := CompileFormula("spread(rate) / mean(rate) + 合计(在园幼儿数) / sum(适龄人口) - 占比(rate >= 95%) + 个数((a + b) / c > 1) + 最小(a) + 最大(b) + 极差(a) + 差异系数(a) + 平均(a) + cv(rate) + count(a > 0) + share(a > 0) + min(a) + max(a) + x",
		testNames, DefaultLimits)
	require.NoError(t, err)
	var funcs, args []string
	for _, a := range p.Aggregates() {
		funcs = append(funcs, a.Func)
		args = append(args, a.Arg.Source())
	}
	assert.Equal(t, []string{"spread", "mean", "sum", "sum", "share", "count", "min", "max", "spread", "cv", "mean", "cv", "count", "share", "min", "max"}, funcs)
	assert.Equal(t, []string{"rate", "rate", "在园幼儿数", "适龄人口", "rate >= 95%", "(a + b) / c > 1", "a", "b", "a", "a", "a", "rate", "a > 0", "a > 0", "a", "a"}, args)
	assert.Equal(t, []string{"x"}, p.Vars(), "aggregated names are not the unit's own columns")
	share := p.Aggregates()[4]
	assert.True(t, share.Arg.Boolean())
	assert.Equal(t, []string{"rate"}, share.Arg.Vars())
	assert.Equal(t, []string{"a", "b", "c"}, p.Aggregates()[5].Arg.Vars())
	assert.False(t, p.Aggregates()[0].Arg.Boolean())

	// min and max with two or more arguments are the scalar ones.
	p, err = CompileFormula("min(a, b) + max(a, b, c)", testNames, DefaultLimits)
	require.NoError(t, err)
	assert.Empty(t, p.Aggregates())
	assert.Equal(t, []string{"a", "b", "c"}, p.Vars())
	// Scalar functions may stand inside aggregates, and aggregates inside
	// scalar functions.
	p, err = CompileFormula("sum(max(a, b))", testNames, DefaultLimits)
	require.NoError(t, err)
	require.Len(t, p.Aggregates(), 1)
	assert.Equal(t, []string{"a", "b"}, p.Aggregates()[0].Arg.Vars())
	p, err = CompileFormula("max(sum(a), 1)", testNames, DefaultLimits)
	require.NoError(t, err)
	require.Len(t, p.Aggregates(), 1)
	assert.Empty(t, p.Vars())
}

func TestCompileFormulaErrors(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		line, col int
		length    int
		msg       string
	}{
		{"unknown Chinese name", "在园幼儿数 / 适龄人囗", 1, 9, 4, `未知的指标或数据项 “适龄人囗” / unknown metric or indicator "适龄人囗"`},
		{"unknown name after full-width", "（在园幼儿数）／适龄人囗", 1, 9, 4, `unknown metric or indicator "适龄人囗"`},
		{"unknown after rewritten percent", "rate >= 99% && 错误 > 1", 1, 16, 2, `unknown metric or indicator "错误"`},
		{"multi-line", "在园幼儿数\n  / 适龄人口\n  + 未知数", 3, 5, 3, `unknown metric or indicator "未知数"`},
		{"windows line ends", "a\r\n+ 未知数", 2, 3, 3, `unknown metric or indicator "未知数"`},
		{"modulo", "a % b", 1, 3, 1, `"%" may only follow a number`},
		{"percent first", "%5", 1, 1, 1, `"%" may only follow a number`},
		{"nested aggregate", "sum(max(a))", 1, 5, 3, "cannot be nested inside another aggregate"},
		{"nested aggregate zh", "合计(a / 平均(b))", 1, 8, 2, "cannot be nested inside another aggregate"},
		{"aggregate arity", "sum(a, b)", 1, 1, 3, "sum takes exactly one argument"},
		{"aggregate no argument", "mean()", 1, 1, 4, "mean takes exactly one argument"},
		{"abs arity", "abs(a, b)", 1, 1, 3, "abs takes exactly one argument"},
		{"unknown function", "median(a)", 1, 1, 6, `unknown function "median"`},
		{"share needs a condition", "share(a)", 1, 7, 1, "a condition (the result of a comparison) is needed here, but this is a number"},
		{"sum needs a number", "sum(a > 1)", 1, 5, 5, "a number is needed here, but this is a condition"},
		{"arithmetic on a condition", "(a > b) + 1", 1, 2, 5, "a number is needed here"},
		{"and on numbers", "a && b", 1, 1, 1, "a condition (the result of a comparison) is needed here"},
		{"mixed equality", "(a > b) == 1", 1, 12, 1, "a condition (the result of a comparison) is needed here"},
		{"ternary branches", "a > 1 ? b : b > 1", 1, 13, 5, "a number is needed here"},
		{"ternary condition", "a ? b : c", 1, 1, 1, "a condition"},
		{"incomplete", "(a + b", 1, 7, 0, "the formula ends too early"},
		{"dangling operator", "a +", 1, 4, 0, "the formula ends too early"},
		{"unexpected token", "a b", 1, 3, 1, `unexpected "b"`},
		{"unexpected Chinese punctuation", "a。b", 1, 2, 1, `unexpected character "。"`},
		{"strings", `a == "x"`, 1, 6, 1, "strings and quotes are not allowed"},
		{"comments", "a // b", 1, 3, 2, "comments"},
		{"block comments", "a /* b */", 1, 3, 2, "comments"},
		{"member access", "a.b", 1, 2, 1, `unexpected character "."`},
		{"arrays", "[a]", 1, 1, 1, `unexpected character "["`},
		{"single ampersand", "a > 1 & b > 1", 1, 7, 1, `a single '&' is not an operator`},
		{"single bar", "a | sum", 1, 3, 1, `a single '|' is not an operator`},
		{"dollar", "$env", 1, 1, 1, `unexpected character "$"`},
		{"in operator", "a in b", 1, 3, 2, `"in" is not supported`},
		{"range operator", "1..2", 1, 2, 1, `unexpected character "."`},
		{"nil", "a ?? nil", 1, 6, 3, `"nil" is not supported`},
		{"number runs into text", "a >= 3所", 1, 6, 2, `a number runs into text: "3所"`},
		{"wan with percent", "a >= 5万%", 1, 6, 3, "万/亿 cannot be combined"},
		{"too large", "a > 1e999", 1, 5, 5, "the number is too large"},
		{"empty", "  ", 1, 1, 2, "the formula is empty"},
		{"semicolon", "a; b", 1, 2, 1, `unexpected character ";"`},
		{"let", "let x = 1", 1, 7, 1, `unexpected "="`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CompileFormula(tt.in, testNames, DefaultLimits)
			require.Error(t, err)
			var e *Error
			require.True(t, errors.As(err, &e), "%T %v", err, err)
			assert.Equal(t, tt.in, e.Source)
			assert.Equal(t, tt.line, e.Line, "line")
			assert.Equal(t, tt.col, e.Column, "column")
			assert.Equal(t, tt.length, e.Length, "length")
			assert.Contains(t, e.Message.Both(), tt.msg)
			assert.True(t, e.Message.ZH != "" && e.Message.EN != "", "bilingual")
		})
	}
}

func TestErrorQuotesTheUsersText(t *testing.T) {
	_, err := CompileFormula("在园幼儿数 / 适龄人囗", testNames, DefaultLimits)
	require.Error(t, err)
	want := "1:9: 未知的指标或数据项 “适龄人囗” / unknown metric or indicator \"适龄人囗\"\n" +
		" | 在园幼儿数 / 适龄人囗\n" +
		" | .............^^^^^^^^"
	assert.Equal(t, want, err.Error())

	// In one language, through msg.In as every face renders errors; the
	// snippet is the user's text as typed.
	assert.Equal(t, "1:9: unknown metric or indicator \"适龄人囗\"\n"+
		" | 在园幼儿数 / 适龄人囗\n"+
		" | .............^^^^^^^^", msg.In(err, "en"))
	assert.True(t, strings.HasPrefix(msg.In(err, "zh"), "1:9: 未知的指标或数据项 “适龄人囗”\n"), msg.In(err, "zh"))

	_, err = CompileFormula("rate >= 99%\n  && 未知 > 0", testNames, DefaultLimits)
	require.Error(t, err)
	want = "2:6: 未知的指标或数据项 “未知” / unknown metric or indicator \"未知\"\n" +
		" |   && 未知 > 0\n" +
		" | .....^^^^"
	assert.Equal(t, want, err.Error())
}

func TestNilResolverAcceptsEveryName(t *testing.T) {
	p, err := CompileFormula("在园幼儿数 / 适龄人口", nil, DefaultLimits)
	require.NoError(t, err)
	assert.Equal(t, []string{"在园幼儿数", "适龄人口"}, p.Vars())
}

func TestLimits(t *testing.T) {
	var e *Error
	long := "a" + strings.Repeat(" + a", 1000)
	_, err := CompileFormula(long, nil, DefaultLimits)
	require.True(t, errors.As(err, &e))
	assert.Contains(t, e.Message.Both(), "more than 2000 characters")
	assert.Equal(t, 2001, e.Column)

	_, err = CompileFormula(strings.Repeat("a + ", 150)+"a", nil, DefaultLimits)
	require.True(t, errors.As(err, &e))
	assert.Contains(t, e.Message.Both(), "more than 200 nodes")

	_, err = CompileFormula(strings.Repeat("(", 40)+"a"+strings.Repeat("+ 1)", 40), nil, DefaultLimits)
	require.True(t, errors.As(err, &e))
	assert.Contains(t, e.Message.Both(), "more than 32 levels")

	// Deep parentheses alone add no nodes and no depth, but length bounds them.
	_, err = CompileFormula(strings.Repeat("(", 999)+"a"+strings.Repeat(")", 999), nil, DefaultLimits)
	require.NoError(t, err)
	_, err = CompileFormula(strings.Repeat("-", 1999)+"a", nil, DefaultLimits)
	require.True(t, errors.As(err, &e))

	// Custom limits, and zero fields meaning the defaults.
	_, err = CompileFormula("a + b + c", nil, Limits{MaxNodes: 3})
	require.True(t, errors.As(err, &e))
	assert.Contains(t, e.Message.Both(), "more than 3 nodes")
	_, err = CompileFormula("a + b + c", nil, Limits{MaxDepth: 2})
	require.True(t, errors.As(err, &e))
	assert.Contains(t, e.Message.Both(), "more than 2 levels")
	_, err = CompileFormula("a + b + c", nil, Limits{MaxLength: 5})
	require.True(t, errors.As(err, &e))
	_, err = CompileFormula("a + b + c", nil, Limits{})
	require.NoError(t, err)
}

func TestInvalidUTF8(t *testing.T) {
	_, err := CompileFormula("a + \xff", nil, DefaultLimits)
	var e *Error
	require.True(t, errors.As(err, &e))
	assert.Contains(t, e.Message.Both(), "UTF-8")
	assert.Equal(t, 5, e.Column)
}
