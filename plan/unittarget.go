package plan

import (
	"fmt"
	"strings"

	"github.com/eduplan/eduplan/msg"
)

// unitTargets checks an indicator's per-unit targets: each names at least
// one unit, no unit is named twice (by one or by two of them), and each
// target parses against the indicator's direction and unit, compares
// something, measures what the default measures (a gap in points, or a
// level) and agrees with the indicator's nature. Whether the names match
// units is a question for the data: an assessment answers it.
func (c *checker) unitTargets(path string, ind Indicator) {
	if len(ind.UnitTargets) == 0 {
		return
	}
	def, _, defErr := ind.ParseTarget()
	named := map[string]string{}
	for k, ut := range ind.UnitTargets {
		up := fmt.Sprintf("%s.unit_targets[%d]", path, k)
		c.namedUnits(up, ut.Units, named,
			msg.T("缺少必填项：请列出适用该目标的单位（编号或名称）", "required, missing: list the units (ids or names) this target is for"),
			msg.T("单位 %[1]q 已在 %[2]s 列出：一个单位只能有一个自己的目标", "the unit %[1]q is already named at %[2]s: a unit has one target of its own"))
		if strings.TrimSpace(ut.Target) == "" {
			c.missing(up + ".target")
			continue
		}
		t, _, err := ind.ParseUnitTarget(k)
		switch {
		case err != nil:
			re := ruleText(err)
			c.probs.AddText(up+".target", msg.Text{ZH: "目标无法解析：" + re.ZH, EN: "the target does not parse: " + re.EN})
			continue
		case t.Op == "":
			c.add(up+".target", "目标 %q 没有比较", "the target %q compares nothing", ut.Target)
			continue
		}
		if defErr != nil {
			// The default's own problem is said at its path.
			continue
		}
		if t.Points != def.Points {
			c.add(up+".target", "单位目标 %[1]q 与默认目标 %[2]q 衡量的不是同一个量（一个是百分点差距，一个不是）",
				"the unit target %[1]q and the default %[2]q do not measure the same thing (one is a gap in points, the other is not)",
				ut.Target, ind.Target)
		}
		nature := ind.Nature
		if nature == "" {
			nature = Binding
			if def.Aspirational {
				nature = Aspirational
			}
		}
		switch {
		case t.Aspirational && nature == Binding:
			c.add(up+".target", "单位目标 %q 写有“力争”，但指标是约束性的：一个指标只有一种性质，请拆成两个指标",
				"the unit target %q says 力争 (aspirational) but the indicator binds: an indicator has one nature; split it in two", ut.Target)
		case t.Binding && nature == Aspirational:
			c.add(up+".target", "单位目标 %q 写有“确保”等约束性用语，但指标是预期性的：一个指标只有一种性质，请拆成两个指标",
				"the unit target %q says it binds (确保) but the indicator is aspirational: an indicator has one nature; split it in two", ut.Target)
		}
	}
}

// namedUnits checks the units a per-unit entry (a target, a baseline)
// names, at up.units: at least one, none empty, none named by an earlier
// entry of the same indicator (named maps each name to where it was
// first given). none is the message for an empty list; twice, with the
// name and the earlier path as %[1]q and %[2]s, for a unit named again.
func (c *checker) namedUnits(up string, units []string, named map[string]string, none, twice msg.Text) {
	if len(units) == 0 {
		c.probs.AddText(up+".units", none)
	}
	for j, u := range units {
		np := fmt.Sprintf("%s.units[%d]", up, j)
		key := strings.TrimSpace(u)
		switch {
		case key == "":
			c.missing(np)
		case named[key] != "":
			c.add(np, twice.ZH, twice.EN, u, named[key])
		default:
			named[key] = np
		}
	}
}
