package rule

import (
	"errors"
	"math"
	"testing"
	"unicode/utf8"

	"github.com/eduplan/eduplan/msg"
)

var fuzzSeeds = []string{
	"", " ", "%", "99%", "达", "力争", "全部", "3-4个", "4-3", "1e309", "5万%", "达85%以上吧",
	"在园幼儿数 / 适龄人口 >= 99%", "择校生数/在校生数 控制在5%以内", "spread(rate) <= 10个百分点",
	"share(a >= 95%) >= 80%", "sum(max(a))", "a ? b : c", "a ?? 0", "(((((a)))))", "a\n+\nb",
	"abs(a - b) ≤ 1", "min(a, b, c) > 0 && max(a) < 1 || !(count(a > 1) == 0)", "cv(a) / mean(a)",
	"a.b", "a[0]", "'x'", "let x = 1; x", "a | sum", "#a", "$env", "1..3", "a in [1,2]",
	"＞＝　９９．５％", "a ＝ b", "（a＋b）×c÷d－e", "\xff\xfe", "a\x00b", "5 pp", "3～4所", "50%左右",
	"确保…达X", "不超过10个百分点", "1.2.3", "a // b", "a /* b", "a ** b ^ c", "-----a",
	"cv(a, b) <= 0.5", "差异系数(a / b, b)", "cv(a, b, c)", "cv(a, b > 1)", "count(a > 1, b > 1, c > 1) >= 2",
	"share(count(a >= 1, b >= 1) >= 2 && min(a / 2, b / 3) >= 85%) = 100%",
}

func FuzzParseTarget(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, row := range Vocabulary {
		f.Add(row.Example)
	}
	for _, s := range []string{"17", "17:1", "17∶1", "1∶0", "0", "99", "0.99", "8-10所", "控制在3%左右", "90左右",
		"全覆盖", "不得新增超大班额", "到2020年全部消除", "80分以上（含80分）", "以上(含9", "99%以上 约束性",
		"力争在2020年底实现达标率100%", "学前三年毛入学率达到145%", "招生规模大体相当", "≯10:1", "≮99%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, err := ParseTarget(s)
		if err != nil {
			checkError(t, s, err)
		} else {
			checkTarget(t, tg)
		}
		// The new entry points, against every kind of indicator: the
		// same text never panics and reads to a sane target or an error
		// in the user's text.
		for _, ctx := range fuzzContexts {
			tg, warns, err := ParseTargetFor(s, ctx)
			if err != nil {
				checkError(t, s, err)
			} else {
				checkTargetFor(t, tg, warns, ctx)
			}
			c, warns, err := ReadClause(s, ctx)
			if err != nil {
				checkError(t, s, err)
				continue
			}
			checkTargetFor(t, c.Target, warns, ctx)
		}
	})
}

var fuzzContexts = []TargetContext{
	{},
	{Direction: HigherIsBetter, Unit: UnitPercent},
	{Direction: LowerIsBetter, Unit: UnitPercent, MayExceed100: true},
	{Direction: LowerIsBetter, Unit: UnitRatio},
	{Direction: HigherIsBetter, Unit: UnitCount},
	{Unit: UnitScore},
	{Direction: HigherIsBetter, Unit: UnitMoney, Counter: "万元"},
}

// checkTargetFor checks what ParseTargetFor promises about a target read
// against an indicator.
func checkTargetFor(t *testing.T, tg Target, warns []msg.Text, ctx TargetContext) {
	t.Helper()
	checkTarget(t, tg)
	for _, w := range warns {
		if w.ZH == "" || w.EN == "" {
			t.Fatalf("%q: warning not bilingual: %q", tg.Text, w)
		}
	}
	if ctx.Direction != DirectionUnknown && tg.Direction != ctx.Direction {
		t.Fatalf("%q: direction %q, declared %q", tg.Text, tg.Direction, ctx.Direction)
	}
	if ctx.Unit == UnitPercent && !ctx.MayExceed100 && tg.Percent {
		hi := tg.Value
		switch {
		case tg.Around && tg.Direction != DirectionUnknown:
			// "100%左右" with a direction is held to one side of its
			// band (95% for higher is better): the percent written is
			// what may not exceed 100%, not the band's other end.
			hi = tg.Nominal
		case tg.Op == Between:
			hi = tg.Max
		}
		if (tg.Op == GE || tg.Op == GT || tg.Op == EQ || tg.Op == Between) && hi > 1+1e-9 {
			t.Fatalf("%q: %v above 100%% on a percent that may not exceed it", tg.Text, hi)
		}
	}
	if ctx.Unit != UnitPercent && ctx.Unit != UnitAny && (tg.Percent || tg.Points) {
		t.Fatalf("%q: a percent on a %s indicator", tg.Text, ctx.Unit)
	}
	for _, v := range []float64{0, 1, -1, tg.Value, tg.Max, tg.Value - 1, tg.Max + 1} {
		if tg.Beyond(v) && !tg.Met(v) {
			t.Fatalf("%q: %v is beyond the range but does not meet it", tg.Text, v)
		}
	}
}

func FuzzCompileFormula(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, resolve := range []Resolver{nil, testNames} {
			p, err := CompileFormula(s, resolve, DefaultLimits)
			if err != nil {
				checkError(t, s, err)
				continue
			}
			checkProgram(t, p)
		}
	})
}

func FuzzCompileRule(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, row := range Vocabulary {
		f.Add("a / b " + row.Example)
		f.Add("在园幼儿数" + row.Example)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := CompileRule(s, nil, DefaultLimits)
		if err != nil {
			checkError(t, s, err)
			return
		}
		if r.TargetAlone() {
			checkTarget(t, r.Target)
			return
		}
		checkProgram(t, r.Formula)
		if r.Target.Op != "" {
			checkTarget(t, r.Target)
			if r.Formula.Boolean() {
				t.Fatalf("%q: a condition with a target", s)
			}
		}
	})
}

func checkError(t *testing.T, src string, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%q: error is %T, not *Error: %v", src, err, err)
	}
	if e.Source != src {
		t.Fatalf("%q: error source %q", src, e.Source)
	}
	n := len([]rune(src))
	if e.Line < 1 || e.Column < 1 || e.Offset < 0 || e.Length < 0 || e.Offset+e.Length > n {
		t.Fatalf("%q: bad position %d:%d offset %d length %d (of %d)", src, e.Line, e.Column, e.Offset, e.Length, n)
	}
	if e.Message.ZH == "" || e.Message.EN == "" {
		t.Fatalf("%q: message not bilingual: %q", src, e.Message)
	}
	if !utf8.ValidString(e.Message.ZH) || !utf8.ValidString(e.Message.EN) {
		t.Fatalf("%q: message not UTF-8", src)
	}
	_ = e.Error()
}

func checkTarget(t *testing.T, tg Target) {
	t.Helper()
	switch tg.Op {
	case GE, LE, GT, LT, EQ, NE, Between:
	default:
		t.Fatalf("%q: op %q", tg.Text, tg.Op)
	}
	if !finite(tg.Value) || !finite(tg.Max) {
		t.Fatalf("%q: bounds %v %v", tg.Text, tg.Value, tg.Max)
	}
	if tg.Op == Between && tg.Value > tg.Max {
		t.Fatalf("%q: range %v > %v", tg.Text, tg.Value, tg.Max)
	}
	if len(tg.Rows) == 0 || tg.Format("zh") == "" || tg.Format("en") == "" {
		t.Fatalf("%q: rows %v format %q", tg.Text, tg.Rows, tg.Format("zh"))
	}
	for _, v := range []float64{0, 1, -1, tg.Value, tg.Max, 1e300} {
		tg.Met(v)
		if g := tg.Gap(v); math.IsNaN(g) {
			t.Fatalf("%q: Gap(%v) is NaN", tg.Text, v)
		}
	}
}

// checkProgram evaluates p and its aggregates' arguments on a few units
// with awkward figures; nothing may panic and no NaN may come out.
func checkProgram(t *testing.T, p *Program) {
	t.Helper()
	const n = 5
	col := func(k int) Vector {
		v := NewVector(n)
		vals := []float64{0, 1, math.NaN(), -2.5, math.Inf(1)}
		states := []State{OK, OK, OK, Missing, Skip}
		for i := range v.V {
			v.V[i] = vals[(i+k)%n]
			v.S[i] = states[(i+2*k)%n]
		}
		return v
	}
	run := func(q *Program, aggs []Vector) {
		vars := make([]Vector, len(q.Vars()))
		for i := range vars {
			vars[i] = col(i)
		}
		out := NewVector(n)
		q.Eval(n, vars, aggs, out)
		for i := range out.V {
			if out.S[i] > Skip {
				t.Fatalf("%q: state %v", q.Source(), out.S[i])
			}
			if !finite(out.V[i]) || (out.S[i] != OK && out.V[i] != 0) {
				t.Fatalf("%q: value %v with state %v", q.Source(), out.V[i], out.S[i])
			}
			if q.Boolean() && out.S[i] == OK && out.V[i] != 0 && out.V[i] != 1 {
				t.Fatalf("%q: condition gave %v", q.Source(), out.V[i])
			}
		}
	}
	aggs := make([]Vector, len(p.Aggregates()))
	for j, a := range p.Aggregates() {
		if len(a.Arg.Aggregates()) != 0 {
			t.Fatalf("%q: nested aggregate", p.Source())
		}
		run(a.Arg, nil)
		aggs[j] = col(j + 1)
		v, s := a.Reduce(aggs[j].V, aggs[j].S)
		if a.Weighted() {
			// Negative, NaN and infinite weights come in here too.
			run(a.Weight, nil)
			if s != Undefined {
				t.Fatalf("%q: a weighted cv reduced without weights gave %v", a.Arg.Source(), s)
			}
			w := col(j + 2)
			v, s = a.ReduceWeighted(aggs[j].V, aggs[j].S, w.V, w.S)
		}
		if !finite(v) || s > Skip {
			t.Fatalf("%q: reduce gave %v %v", a.Arg.Source(), v, s)
		}
	}
	run(p, aggs)
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
