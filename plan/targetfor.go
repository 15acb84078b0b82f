package plan

import (
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

// Within reports whether every unit s covers, o covers too. An empty list
// covers everything, so a scope listing no levels (or, for schools, no
// kinds) is within o only if o lists none either.
func (s Scope) Within(o Scope) bool {
	levels := s.Levels
	if len(levels) == 0 {
		if len(o.Levels) > 0 {
			return false
		}
		levels = org.Levels()
	}
	for _, l := range levels {
		if len(o.Levels) > 0 && !contains(o.Levels, l) {
			return false
		}
		if l == org.School && len(o.Kinds) > 0 {
			if len(s.Kinds) == 0 {
				return false
			}
			for _, k := range s.Kinds {
				if !contains(o.Kinds, k) {
					return false
				}
			}
		}
	}
	return true
}

// targetFor checks an indicator's target_for: the scope's own values (as
// applies_to's: a kind must be one a school can have), and that it lies
// within applies_to, since a plan cannot set a target for units the indicator is
// not assessed for.
func (c *checker) targetFor(path string, ind Indicator) {
	tf := ind.TargetFor
	if tf == nil {
		return
	}
	path += ".target_for"
	c.scope(path, *tf)
	for _, l := range tf.Levels {
		if !org.Hierarchy(c.p.Levels).Has(l) {
			return // refused by scope: one problem is enough
		}
	}
	if !tf.Within(ind.AppliesTo) {
		t, a := tf.Name(), ind.AppliesTo.Name()
		c.add(path, "target_for（%[1]s）超出 applies_to（%[2]s）：只能对指标适用的单位提出目标；未列出层级或学校类型即包括全部",
			"target_for (%[3]s) goes beyond applies_to (%[4]s): a target is set only for units the indicator applies to; no levels or kinds listed means all",
			t.ZH, a.ZH, t.EN, a.EN)
	}
}
