package rule

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompileRule(t *testing.T) {
	tests := []struct {
		in, formula string
		target      string // Target.Text; "" for no target
		op          Op
		value       float64
		resolve     Resolver
	}{
		{"在园幼儿数 / 适龄人口 >= 99%", "在园幼儿数 / 适龄人口", ">= 99%", GE, 0.99, testNames},
		{"在园幼儿数 / 适龄人口 ≥ 99％", "在园幼儿数 / 适龄人口", "≥ 99％", GE, 0.99, testNames},
		{"在园幼儿数/适龄人口≥99%", "在园幼儿数/适龄人口", "≥99%", GE, 0.99, testNames},
		{"择校生数/在校生数 控制在5%以内", "择校生数/在校生数", "控制在5%以内", LE, 0.05, testNames},
		{"择校生数/在校生数控制在5%以内", "择校生数/在校生数", "控制在5%以内", LE, 0.05, testNames},
		{"择校生数/在校生数　控制在５％以内", "择校生数/在校生数", "控制在５％以内", LE, 0.05, testNames},
		{"在园幼儿数 / 适龄人口 达99%以上", "在园幼儿数 / 适龄人口", "达99%以上", GE, 0.99, testNames},
		{"在园幼儿数 / 适龄人口达99%以上", "在园幼儿数 / 适龄人口", "达99%以上", GE, 0.99, testNames},
		{"在园幼儿数 / 适龄人口 力争达85%", "在园幼儿数 / 适龄人口", "力争达85%", GE, 0.85, testNames},
		{"rate 100%", "rate", "100%", GE, 1, testNames},
		{"spread(rate) 不超过10个百分点", "spread(rate)", "不超过10个百分点", LE, 0.10, testNames},
		{"spread(rate) <= 10pp", "spread(rate)", "<= 10pp", LE, 0.10, testNames},
		{"share(rate >= 95%) >= 80%", "share(rate >= 95%)", ">= 80%", GE, 0.8, testNames},
		{"(a + b) / c 3-4个", "(a + b) / c", "3-4个", Between, 3, testNames},
		{"a + b = 100%", "a + b", "= 100%", EQ, 1, testNames},
		{"a\n  >= 99%", "a", ">= 99%", GE, 0.99, testNames},
		// No target: a value, or a condition.
		{"在园幼儿数 / 适龄人口", "在园幼儿数 / 适龄人口", "", "", 0, testNames},
		{"a >= b", "a >= b", "", "", 0, testNames},
		{"a / b >= 0.99 && c <= 5%", "a / b >= 0.99 && c <= 5%", "", "", 0, testNames},
		{"a >= b 不对", "", "", "", 0, nil}, // error, checked below
	}
	for _, tt := range tests[:len(tests)-1] {
		t.Run(tt.in, func(t *testing.T) {
			r, err := CompileRule(tt.in, tt.resolve, DefaultLimits)
			require.NoError(t, err)
			assert.Equal(t, tt.formula, r.Formula.Source())
			assert.Equal(t, tt.target, r.Target.Text)
			assert.Equal(t, tt.op, r.Target.Op)
			assert.InDelta(t, tt.value, r.Target.Value, 1e-12)
			if tt.op != "" {
				assert.False(t, r.Formula.Boolean())
			}
		})
	}
}

// A name that contains a target word is not split when it is a known name.
func TestCompileRuleKnownNamesWin(t *testing.T) {
	resolve := names("达标学校数", "passing", "学校数", "schools", "超大班额数", "big")
	r, err := CompileRule("达标学校数 / 学校数 >= 90%", resolve, DefaultLimits)
	require.NoError(t, err)
	assert.Equal(t, []string{"passing", "schools"}, r.Formula.Vars())
	r, err = CompileRule("超大班额数 超过 5", resolve, DefaultLimits)
	require.NoError(t, err)
	assert.Equal(t, "超过 5", r.Target.Text)
	assert.Equal(t, GT, r.Target.Op)
	r, err = CompileRule("学校数达到90", resolve, DefaultLimits)
	require.NoError(t, err)
	assert.Equal(t, "学校数", r.Formula.Source())
	assert.Equal(t, "达到90", r.Target.Text)
}

func TestCompileRuleErrors(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		line, col int
		length    int
		msg       string
	}{
		{"unknown name before a symbol", "在园幼儿数 / 适龄人囗 >= 99%", 1, 9, 4, `unknown metric or indicator "适龄人囗"`},
		{"unknown name before words", "适龄人囗 控制在5%以内", 1, 1, 4, `unknown metric or indicator "适龄人囗"`},
		{"target words counted from the rule's start", "择校生数/在校生数 控制在5%以内吧", 1, 16, 3, `target words not understood: "以内吧"`},
		{"target on the second line", "择校生数/在校生数\n控制在5%左右吧", 2, 6, 3, `"左右吧"`},
		{"unknown words before a number", "在园幼儿数 / 适龄人口 大约50%", 1, 14, 2, `target words not understood: "大约"`},
		{"bad symbol target", "在园幼儿数 / 适龄人口 >= 99%吧", 1, 20, 1, `"吧"`},
		{"condition with a target", "(a > b) >= 1", 1, 1, 7, "a condition cannot be held to a target"},
		{"plain formula error", "a + ", 1, 4, 1, "the formula ends too early"},
		{"unknown name in a condition", "a >= 未知", 1, 6, 2, `unknown metric or indicator "未知"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CompileRule(tt.in, testNames, DefaultLimits)
			require.Error(t, err)
			var e *Error
			require.True(t, errors.As(err, &e), "%T %v", err, err)
			assert.Equal(t, tt.in, e.Source)
			assert.Equal(t, tt.line, e.Line, "line")
			assert.Equal(t, tt.col, e.Column, "column")
			assert.Equal(t, tt.length, e.Length, "length")
			assert.Contains(t, e.Message.Both(), tt.msg)
		})
	}
}

func TestCompileRuleLimits(t *testing.T) {
	_, err := CompileRule(string(make([]rune, 3000)), nil, DefaultLimits)
	var e *Error
	require.True(t, errors.As(err, &e))
	assert.Contains(t, e.Message.Both(), "too long")
}

// A rule is evaluated like the engine does: the formula per unit, then the
// target per value.
func TestRuleEvaluation(t *testing.T) {
	r, err := CompileRule("在园幼儿数 / 适龄人口 达99%以上", testNames, DefaultLimits)
	require.NoError(t, err)
	require.Equal(t, []string{"enrolled", "population"}, r.Formula.Vars())
	enrolled := Vector{V: []float64{995, 980, 0, 5}, S: []State{OK, OK, OK, Missing}}
	population := Vector{V: []float64{1000, 1000, 0, 10}, S: []State{OK, OK, OK, OK}}
	out := NewVector(4)
	r.Formula.Eval(4, []Vector{enrolled, population}, nil, out)
	assert.Equal(t, []State{OK, OK, Undefined, Missing}, out.S)
	assert.True(t, r.Target.Met(out.V[0]))
	assert.False(t, r.Target.Met(out.V[1]))
	assert.Equal(t, 0.5, r.Target.Gap(out.V[0]))
	assert.Equal(t, -1.0, r.Target.Gap(out.V[1]))
}

// A target typed alone is read as a target (the try-box explains it), never
// reported as an empty formula or a misplaced %; a formula alone stays a
// formula.
func TestCompileRuleTargetAlone(t *testing.T) {
	tests := []struct {
		in     string
		op     Op
		value  float64
		points bool
		rows   []string
	}{
		{"≥99%", GE, 0.99, false, []string{"≥ X", "X%"}},
		{">= 99%", GE, 0.99, false, []string{">= X", "X%"}},
		{"达99%以上", GE, 0.99, false, []string{"达X以上", "X%"}},
		{" 达99%以上 ", GE, 0.99, false, []string{"达X以上", "X%"}},
		{"不超过5个百分点", LE, 0.05, true, []string{"不超过X个百分点"}},
		{"控制在5%以内", LE, 0.05, false, []string{"控制在X以内", "X%"}},
		{"力争达85%", GE, 0.85, false, []string{"力争…", "达X", "X%"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			r, err := CompileRule(tt.in, testNames, DefaultLimits)
			require.NoError(t, err)
			require.True(t, r.TargetAlone())
			assert.Nil(t, r.Formula)
			assert.Equal(t, tt.op, r.Target.Op)
			assert.InDelta(t, tt.value, r.Target.Value, 1e-12)
			assert.Equal(t, tt.points, r.Target.Points)
			assert.Equal(t, tt.rows, r.Target.Rows)
		})
	}
	for _, in := range []string{"99%", "在园幼儿数 / 适龄人口", "rate"} {
		r, err := CompileRule(in, testNames, DefaultLimits)
		require.NoError(t, err, in)
		assert.False(t, r.TargetAlone(), in)
		assert.Equal(t, in, r.Formula.Source())
		assert.Empty(t, r.Target.Op, in)
	}
}

// Errors name the real cause first and point at it: an unknown name before
// the words after it; the words of a target typed alone, not its %.
func TestCompileRuleCauseFirst(t *testing.T) {
	tests := []struct {
		in          string
		col, length int
		msg         string
	}{
		{"适龄人囗 大约95%", 1, 4, `unknown metric or indicator "适龄人囗"`},
		{"未知名 大约95%", 1, 3, `unknown metric or indicator "未知名"`},
		{"适龄人囗 达99%以上", 1, 4, `unknown metric or indicator "适龄人囗"`},
		{"达99%以上吧", 5, 3, `target words not understood: "以上吧"`},
		{"≥99%吧", 5, 1, `target words not understood: "吧"`},
		// 在园幼儿数 begins as 在98%以上 does, but is a known name.
		{"在园幼儿数 / 3-5岁适龄人口", 11, 6, `a number runs into text`},
		{"99% + 未知", 7, 2, `unknown metric or indicator "未知"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := CompileRule(tt.in, testNames, DefaultLimits)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, 1, e.Line)
			assert.Equal(t, tt.col, e.Column, "column")
			assert.Equal(t, tt.length, e.Length, "length")
			assert.Contains(t, e.Message.Both(), tt.msg)
			assert.NotContains(t, e.Message.Both(), "%")
		})
	}
}
