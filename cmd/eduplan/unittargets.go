package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// evaluationWarnings tells stderr, in the user's language, what the
// assessment as a whole should know: a unit the plan gives a target of
// its own that is not in the data.
func (e *env) evaluationWarnings(cmd string, ws []msg.Text) {
	if len(ws) == 0 {
		return
	}
	fmt.Fprintf(e.stderr, "eduplan %s: %s\n", cmd, e.t(
		fmt.Sprintf("注意：%d 个单位目标没有用上：", len(ws)),
		fmt.Sprintf("note: %d unit target(s) not used:", len(ws))))
	for _, w := range ws {
		fmt.Fprintf(e.stderr, "  %s\n", w.In(e.lang))
	}
}

// explainUnitTargets lists the targets the plan sets for named units
// beside the default, each as written and as understood.
func (e *env) explainUnitTargets(b *bytes.Buffer, ind plan.Indicator) {
	for k, ut := range ind.UnitTargets {
		t, _, err := ind.ParseUnitTarget(k)
		if err != nil {
			continue // refused when the plan was loaded
		}
		line := fmt.Sprintf("%s%s%s%s%s%s%s", e.t("单位目标", "Unit target"), e.t("：", ": "),
			strings.Join(ut.Units, e.t("、", ", ")), e.t("：", ": "), ut.Target,
			e.t("（即 ", " (that is ")+t.Format(e.lang), e.t("）", ")"))
		if ut.Wording != "" {
			line += e.t("，原文：", "; wording: ") + ut.Wording
		}
		fmt.Fprintln(b, line)
	}
	if len(ind.UnitTargets) > 0 {
		fmt.Fprintln(b, e.t("其余单位按默认目标评估；单位按编号或数据中的名称对应。",
			"Every other unit is held to the default target; units are matched by id or by their name in the data."))
	}
}

// appliedTarget says which target a unit's result was held to: its own,
// which the plan sets for it, or the default.
func (e *env) appliedTarget(l *loaded, res indicators.Result) string {
	if res.Target.Override != nil {
		return view.Of(res).TargetNote.In(e.lang)
	}
	if ind, ok := l.cat.Indicator(res.Indicator); ok && len(ind.UnitTargets) > 0 {
		return e.t("默认目标（计划另定目标的单位不包括本单位）", "the default target (the plan sets no target of its own for this unit)")
	}
	return ""
}
