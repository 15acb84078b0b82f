// Package lint finds what in a valid plan is probably not what its author
// meant. It is for eduplan lint and for Go programs that check a plan
// before use; the page and the engine do not link it, so it may grow
// without weighing on the browser's download.
package lint

import (
	"fmt"
	"math"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// Warnings lists what in a valid plan is probably not what its author
// meant, though it can be read: a comparison against the indicator's
// declared direction (≥ on a lower-is-better indicator), a target met by any
// value (≥ 0), a fraction written where a percent is meant (0.99 on a
// percent), a count that declares no counter word, an indicator that no
// unit it applies to can have the figures of, a target_for that leaves no
// unit of applies_to outside it, a validation rule that no unit it applies
// to has the figures of, an over with no aggregate to range or no unit
// below to range over. eduplan lint prints
// them; they never stop a plan from loading.
func Warnings(p *plan.Plan) msg.Problems {
	var ws msg.Problems
	for i, m := range p.Metrics {
		if m.Unit == plan.Count && m.Counter == "" {
			ws.Add(fmt.Sprintf("metrics[%d].counter", i), "未声明计数单位（如 人、所、个）：表单和模板中不显示单位",
				"no counter word declared (such as 人, 所, 个): forms and templates show none")
		}
	}
	for i, ind := range p.Indicators {
		if t, warns, err := ind.ParseTarget(); err == nil {
			path := fmt.Sprintf("indicators[%d].target", i)
			for _, w := range warns {
				ws.AddText(path, w)
			}
			if w, ok := implausible(ind.Unit, t); ok {
				ws.AddText(path, w)
			}
		}
		if w, ok := targetForWarning(ind); ok {
			ws.AddText(fmt.Sprintf("indicators[%d].target_for", i), w)
		}
		if (ind.TargetYear != 0 || len(ind.Milestones) > 0) && ind.Baseline == nil && len(ind.UnitBaselines) == 0 {
			ws.Add(fmt.Sprintf("indicators[%d].baseline", i), "有目标年份或阶段目标，但没有基期值（baseline）：无法计算完成度和进度",
				"a target year or milestones but no baseline: completion and progress cannot be measured")
		}
		for k := range ind.UnitTargets {
			if _, warns, err := ind.ParseUnitTarget(k); err == nil {
				for _, w := range warns {
					ws.AddText(fmt.Sprintf("indicators[%d].unit_targets[%d].target", i, k), w)
				}
			}
		}
	}
	ws = append(ws, unreachable(p)...)
	ws = append(ws, unreachableRules(p)...)
	ws = append(ws, overWarnings(p)...)
	return ws
}

// implausible says when a target's number is unlikely for its unit: a
// fraction of a thing counted, a pupil–teacher ratio in the hundreds, a
// duration of more than a century.
func implausible(u plan.Unit, t rule.Target) (msg.Text, bool) {
	bounds := []float64{t.Value}
	if t.Op == rule.Between {
		bounds = append(bounds, t.Max)
	}
	for _, v := range bounds {
		switch {
		case u == plan.Count && v != math.Trunc(v):
			return msg.Textf("计数目标 %s 不是整数：是否应为百分比或比值？", "the count target %s is not a whole number: is the indicator a percent or a ratio?", rule.FormatNumber(v)), true
		case u == plan.Ratio && v > 100:
			return msg.Textf("比值目标 %s 过大（如生师比一般在 10 到 30 之间）：单位是否应为计数？", "the ratio target %s is implausibly large (a pupil–teacher ratio is usually 10 to 30): is the unit count?", rule.FormatNumber(v)), true
		case u == plan.Years && v > 100:
			return msg.Textf("年限目标 %s 超过一百年：单位是否有误？", "the target of %s years is over a century: is the unit right?", rule.FormatNumber(v)), true
		}
	}
	return msg.Text{}, false
}

// targetForWarning says when an indicator's target_for leaves no unit of
// applies_to outside it: the target is then a verdict everywhere, as with
// no target_for, and the field only misleads a reader.
func targetForWarning(ind plan.Indicator) (msg.Text, bool) {
	if ind.TargetFor == nil || !ind.AppliesTo.Within(*ind.TargetFor) {
		return msg.Text{}, false
	}
	return msg.T("target_for 包括 applies_to 的所有单位，与不写相同：若计划只对全市（或各辖市区）提出此目标，请只列出这些层级",
		"target_for covers every unit of applies_to, as if it were absent: if the plan sets the target for the city (or each district) only, list just those levels"), true
}
