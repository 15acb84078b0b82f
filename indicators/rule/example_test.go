package rule_test

import (
	"fmt"

	"github.com/eduplan/eduplan/indicators/rule"
)

func ExampleParseTarget() {
	t, err := rule.ParseTarget("力争达85%以上")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Format("zh"), t.Aspirational, t.Rows)
	fmt.Println(t.Met(0.86), t.Gap(0.83))
	// Output:
	// ≥ 85% true [力争… 达X以上 X%]
	// true -2
}

func ExampleParseTarget_error() {
	_, err := rule.ParseTarget("50%左右吧")
	fmt.Println(err)
	// Output:
	// 1:4: 无法理解的目标用语 “左右吧” / target words not understood: "左右吧"
	//  | 50%左右吧
	//  | ...^^^^^^
}

func ExampleCompileFormula() {
	metrics := map[string]string{"在园幼儿数": "enrolled_3_5", "适龄人口": "population_3_5"}
	resolve := func(name string) (string, bool) { id, ok := metrics[name]; return id, ok }

	p, err := rule.CompileFormula("在园幼儿数 / 适龄人口", resolve, rule.DefaultLimits)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Vars())

	// Three kindergartens: one complete, one with a missing count, one
	// with no children of age.
	enrolled := rule.Vector{V: []float64{990, 0, 0}, S: []rule.State{rule.OK, rule.Missing, rule.OK}}
	population := rule.Vector{V: []float64{1000, 800, 0}, S: []rule.State{rule.OK, rule.OK, rule.OK}}
	out := rule.NewVector(3)
	p.Eval(3, []rule.Vector{enrolled, population}, nil, out)
	fmt.Println(out.V, out.S)

	_, err = rule.CompileFormula("在园幼儿数 / 适龄人囗", resolve, rule.DefaultLimits)
	fmt.Println(err)
	// Output:
	// [enrolled_3_5 population_3_5]
	// [0.99 0 0] [ok missing undefined]
	// 1:9: 未知的指标或数据项 “适龄人囗” / unknown metric or indicator "适龄人囗"
	//  | 在园幼儿数 / 适龄人囗
	//  | .............^^^^^^^^
}

// Aggregates are evaluated on the children, reduced per parent, then handed
// to the parent's formula.
func ExampleAggregate_Reduce() {
	p, _ := rule.CompileFormula("spread(rate) <= 10个百分点", nil, rule.DefaultLimits)
	agg := p.Aggregates()[0]
	fmt.Println(agg.Func, agg.Arg.Source(), agg.Arg.Vars())

	// The districts' rates; the third district is out of scope.
	rates := rule.Vector{V: []float64{0.91, 0.97, 0.5}, S: []rule.State{rule.OK, rule.OK, rule.Skip}}
	children := rule.NewVector(3)
	agg.Arg.Eval(3, []rule.Vector{rates}, nil, children)
	spread := rule.NewVector(1)
	spread.V[0], spread.S[0] = agg.Reduce(children.V, children.S)

	city := rule.NewVector(1)
	p.Eval(1, nil, []rule.Vector{spread}, city)
	fmt.Printf("%.2f %v\n", spread.V[0], city.V[0] == 1)
	// Output:
	// spread rate [rate]
	// 0.06 true
}

func ExampleCompileRule() {
	r, err := rule.CompileRule("择校生数/在校生数 控制在5%以内", nil, rule.DefaultLimits)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s | %s | %s\n", r.Formula.Source(), r.Target.Text, r.Target.Format("en"))
	// Output:
	// 择校生数/在校生数 | 控制在5%以内 | ≤ 5%
}

// A pupil–teacher ratio ceiling written as the plan's table writes it: a
// bare 17 under a column of targets. The declared direction gives it its
// comparator.
func ExampleParseTargetFor() {
	ratio := rule.TargetContext{Direction: rule.LowerIsBetter, Unit: rule.UnitRatio}
	t, warns, err := rule.ParseTargetFor("17", ratio)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Format("en"), t.Met(16.5), t.Met(18), len(warns))
	fmt.Println(t.Notes[0].In("en"))

	// Over-achieving a range on something the plan wants more of is met.
	count := rule.TargetContext{Direction: rule.HigherIsBetter, Unit: rule.UnitCount}
	t, _, _ = rule.ParseTargetFor("8-10所", count)
	fmt.Println(t.Met(11), t.BeyondText().In("en"))

	// A bare figure on a percent indicator is a percent.
	t, _, _ = rule.ParseTargetFor("99", rule.TargetContext{Direction: rule.HigherIsBetter, Unit: rule.UnitPercent})
	fmt.Println(t.Format("en"))

	// Where nothing says which way is better, a bare figure is refused.
	_, _, err = rule.ParseTargetFor("17", rule.TargetContext{Unit: rule.UnitRatio})
	fmt.Println(err != nil)
	// Output:
	// ≤ 17 true false 0
	// the comparison comes from the declared direction (lower is better): read as ≤ 17
	// true above the range (more than planned)
	// ≥ 99%
	// true
}

func ExampleReadClause() {
	c, _, err := rule.ReadClause("小学生近视率下降到38%以下", rule.TargetContext{Direction: rule.LowerIsBetter, Unit: rule.UnitPercent})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Subject, c.Target.Text, c.Target.Format("en"))
	// Output:
	// 小学生近视率 下降到38%以下 ≤ 38%
}

// A weighted cv evaluates its weight on the children too, and is reduced
// with ReduceWeighted: schools of 100, 300 and 600 pupils with values 10,
// 20 and 30 give X̄ = 25, S = √45 and CV = √45 / 25.
func ExampleAggregate_ReduceWeighted() {
	p, _ := rule.CompileFormula("差异系数(设备值 / 在校生数, 在校生数) <= 0.50", nil, rule.DefaultLimits)
	agg := p.Aggregates()[0]
	fmt.Println(agg.Func, agg.Weighted(), agg.Arg.Source(), "|", agg.Weight.Source())

	pupils := rule.Vector{V: []float64{100, 300, 600}, S: []rule.State{rule.OK, rule.OK, rule.OK}}
	equipment := rule.Vector{V: []float64{1000, 6000, 18000}, S: []rule.State{rule.OK, rule.OK, rule.OK}}
	cols := func(prog *rule.Program) []rule.Vector {
		var out []rule.Vector
		for _, id := range prog.Vars() {
			out = append(out, map[string]rule.Vector{"设备值": equipment, "在校生数": pupils}[id])
		}
		return out
	}
	values, weights := rule.NewVector(3), rule.NewVector(3)
	agg.Arg.Eval(3, cols(agg.Arg), nil, values)
	agg.Weight.Eval(3, cols(agg.Weight), nil, weights)
	cv := rule.NewVector(1)
	cv.V[0], cv.S[0] = agg.ReduceWeighted(values.V, values.S, weights.V, weights.S)

	total, mean, sd := rule.CVParts(values.V, weights.V)
	fmt.Printf("P = %g, X̄ = %g, S = %.4f, CV = %.4f\n", total, mean, sd, cv.V[0])
	// Output:
	// cv true 设备值 / 在校生数 | 在校生数
	// P = 1000, X̄ = 25, S = 6.7082, CV = 0.2683
}
