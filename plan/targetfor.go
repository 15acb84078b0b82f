package plan

import (
	"fmt"
	"slices"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

// TargetIsVerdict reports whether the indicator's target is a verdict on a
// unit of the level and kind: TargetFor is nil or covers it. A unit the
// indicator applies to for which it is not sees its figure against the
// target for reference only. Whether the indicator applies to the unit at
// all is AppliesTo's to say.
func (ind Indicator) TargetIsVerdict(level org.Level, kind org.Kind) bool {
	return ind.TargetFor == nil || ind.TargetFor.Applies(level, kind)
}

// targetFor checks an indicator's target_for: the scope's own values, and
// that it lies within applies_to, since a plan cannot set a target for units
// the indicator is not assessed for. A level or kind that is not in
// applies_to is refused at its own path; a scope that lists no levels (or,
// where applies_to names kinds of school, no kinds) covers more than
// applies_to and is refused at the list's path.
func (c *checker) targetFor(path string, ind Indicator) {
	tf := ind.TargetFor
	if tf == nil {
		return
	}
	path += ".target_for"
	c.scope(path, *tf)
	at := ind.AppliesTo
	if len(at.Levels) > 0 {
		if len(tf.Levels) == 0 {
			c.add(path+".levels", "未列出层级即包括所有层级，超出 applies_to 的 %[1]s：请列出计划对其提出此目标的层级",
				"no levels listed means every level, beyond applies_to's %[1]s: list the levels the plan sets the target for", joinValues(at.Levels))
		}
		for i, l := range tf.Levels {
			// An unknown level is refused by scope already.
			if l.Known() && !slices.Contains(at.Levels, l) {
				c.add(fmt.Sprintf("%s.levels[%d]", path, i), "层级 %[1]q 不在 applies_to 中（%[2]s）：目标只能对指标适用的单位提出",
					"level %[1]q is not in applies_to (%[2]s): a target can be set only for units the indicator applies to", l, joinValues(at.Levels))
			}
		}
	}
	coversSchools := len(tf.Levels) == 0 || slices.Contains(tf.Levels, org.School)
	switch {
	case len(tf.Kinds) > 0 && !coversSchools:
		c.add(path+".kinds", "学校类型只对学校层级有意义，而 target_for 的层级中没有 school",
			"kinds of school concern the school level only, and target_for's levels do not include school")
	case !coversSchools:
	case len(at.Kinds) > 0:
		if len(tf.Kinds) == 0 && (len(at.Levels) == 0 || slices.Contains(at.Levels, org.School)) {
			c.add(path+".kinds", "未列出学校类型即包括所有类型，超出 applies_to 的 %[1]s：请列出学校类型",
				"no kinds listed means every kind of school, beyond applies_to's %[1]s: list the kinds", joinValues(at.Kinds))
		}
		for i, k := range tf.Kinds {
			if k != "" && !slices.Contains(at.Kinds, k) {
				c.add(fmt.Sprintf("%s.kinds[%d]", path, i), "学校类型 %[1]q 不在 applies_to 中（%[2]s）：目标只能对指标适用的单位提出",
					"kind %[1]q is not in applies_to (%[2]s): a target can be set only for units the indicator applies to", k, joinValues(at.Kinds))
			}
		}
	default:
		// applies_to covers every kind; a kind of target_for must still
		// be one a school can have, as in applies_to.
		for i, k := range tf.Kinds {
			if k != "" && !k.Known() && !c.reportedKinds[k] {
				c.add(fmt.Sprintf("%s.kinds[%d]", path, i), "未知学校类型 %[1]q：计划自定的类型须出现在某个数据项的 reported_by 中",
					"unknown kind %[1]q: a kind of the plan's own must be one a metric is reported_by", k)
			}
		}
	}
}

// targetForWarning says when an indicator's target_for leaves no unit of
// applies_to outside it: the target is then a verdict everywhere, as with
// no target_for, and the field only misleads a reader.
func targetForWarning(ind Indicator) (msg.Text, bool) {
	tf := ind.TargetFor
	if tf == nil {
		return msg.Text{}, false
	}
	kinds := []org.Kind{}
	for _, kn := range org.KindNames() {
		kinds = append(kinds, kn.Kind)
	}
	for _, k := range append(slices.Clone(ind.AppliesTo.Kinds), tf.Kinds...) {
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	for _, l := range org.Levels() {
		ks := []org.Kind{""}
		if l == org.School {
			ks = kinds
		}
		for _, k := range ks {
			if ind.AppliesTo.Applies(l, k) && !tf.Applies(l, k) {
				return msg.Text{}, false
			}
		}
	}
	return msg.T("target_for 包括 applies_to 的所有单位：目标在每个适用单位都是结论，与不写 target_for 相同；若计划只对全市（或各辖市区）提出此目标，请只列出这些层级",
		"target_for covers every unit of applies_to: the target is a verdict on every unit, as without target_for; if the plan sets it for the city (or each district) only, list just those levels"), true
}
