package view_test

import (
	"fmt"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// A value just under its bound keeps the decimals that show why it is not
// met: 94.996% against ≥ 95% never reads "95%, not met".
func ExampleOf() {
	value, gap := 0.94996, -0.004
	r := indicators.Result{
		Indicator: "fitness_pass_rate", Name: msg.T("体质健康合格率", "fitness pass rate"),
		Status: indicators.NotMet, Nature: plan.Binding, Unit: plan.Percent, Value: &value, Gap: &gap,
		Target: indicators.TargetInfo{Op: rule.GE, Value: 0.95, Display: msg.T("≥ 95%", "≥ 95%")},
	}
	v := view.Of(r)
	fmt.Println(v.Value.In("en"), v.Target.In("en"), v.Gap.In("en"), v.Status.In("en"))
	fmt.Println(v.Line.In("zh"))
	// Output:
	// 94.996% ≥ 95% -0.004 pp (worse than target) not met
	// 体质健康合格率(fitness_pass_rate) 未达标：数值 94.996%，目标 ≥ 95%，差距 -0.004个百分点，差于目标（约束性）
}
