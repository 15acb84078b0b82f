package plan

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/msg"
)

// parseValue reads a single value written in unit u, as a target's number
// is read: on a percent, "95", "95%" and "95％" are all 95% (0.95); on any
// other unit a % is refused, since the figure would be read in another
// unit than the indicator's.
func parseValue(s string, u Unit) (float64, error) {
	t := strings.TrimSpace(s)
	pct := false
	for _, suf := range []string{"%", "％"} {
		if r, ok := strings.CutSuffix(t, suf); ok {
			t, pct = strings.TrimSpace(r), true
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if t == "" || err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, msg.Errorf("%q 不是数值（如 95 或 95%%）", "%q is not a number (such as 95 or 95%%)", s)
	}
	if pct && u != Percent {
		return 0, msg.Errorf("%q 带有 %%，但指标的单位不是百分比", "%q has a %% but the indicator's unit is not percent", s)
	}
	if u == Percent {
		v /= 100
	}
	return v, nil
}

// years checks an indicator's baseline, per-unit baselines, target year
// and milestones: values read in the indicator's unit, milestone years
// ascending and before the target year, every year after the baseline's.
func (c *checker) years(path string, ind Indicator) {
	base := 0
	if b := ind.Baseline; b != nil {
		c.year(path+".baseline.year", b.Year, true)
		base = b.Year
		c.baselineValue(path+".baseline.value", ind, b.Value)
	}
	named := map[string]string{}
	for k, ub := range ind.UnitBaselines {
		up := fmt.Sprintf("%s.unit_baselines[%d]", path, k)
		c.namedUnits(up, ub.Units, named,
			msg.T("缺少必填项：请列出适用该基期值的单位（编号或名称）", "required, missing: list the units (ids or names) this baseline is for"),
			msg.T("单位 %[1]q 已在 %[2]s 列出：一个单位只能有一个基期值", "the unit %[1]q is already named at %[2]s: a unit has one baseline"))
		y := ub.Year
		switch {
		case y == 0 && ind.Baseline == nil:
			c.add(up+".year", "缺少必填项：指标没有总的基期（baseline），单位基期须写明年份",
				"required, missing: the indicator has no baseline of its own, so a unit's baseline must give its year")
		case y != 0:
			c.year(up+".year", y, false)
		default:
			y = base
		}
		c.baselineValue(up+".value", ind, ub.Value)
		c.afterBaseline(up+".year", y, ind)
	}
	if ind.TargetYear != 0 {
		c.year(path+".target_year", ind.TargetYear, false)
		if base != 0 && ind.TargetYear <= base {
			c.add(path+".target_year", "目标年份 %[1]d 须晚于基期年份 %[2]d", "the target year %[1]d must come after the baseline year %[2]d", ind.TargetYear, base)
		}
	}
	prev := 0
	for k, m := range ind.Milestones {
		mp := fmt.Sprintf("%s.milestones[%d]", path, k)
		c.year(mp+".year", m.Year, true)
		switch {
		case m.Year == 0:
		case prev != 0 && m.Year <= prev:
			c.add(mp+".year", "阶段目标的年份须逐个递增：%[1]d 不晚于前一个 %[2]d", "milestone years must ascend: %[1]d does not come after the one before, %[2]d", m.Year, prev)
		case base != 0 && m.Year <= base:
			c.add(mp+".year", "阶段目标年份 %[1]d 须晚于基期年份 %[2]d", "the milestone year %[1]d must come after the baseline year %[2]d", m.Year, base)
		case ind.TargetYear != 0 && m.Year >= ind.TargetYear:
			c.add(mp+".year", "阶段目标年份 %[1]d 须早于目标年份 %[2]d（目标年份的目标写在 target）", "the milestone year %[1]d must come before the target year %[2]d (the target year's target is target)", m.Year, ind.TargetYear)
		}
		if m.Year != 0 {
			prev = m.Year
		}
		if strings.TrimSpace(m.Target) == "" {
			c.missing(mp + ".target")
			continue
		}
		t, _, err := ind.ParseMilestone(k)
		switch {
		case err != nil:
			re := ruleText(err)
			c.probs.AddText(mp+".target", msg.Text{ZH: "目标无法解析：" + re.ZH, EN: "the target does not parse: " + re.EN})
		case t.Op == "":
			c.add(mp+".target", "目标 %q 没有比较", "the target %q compares nothing", m.Target)
		}
	}
	if len(ind.Milestones) > 0 && ind.TargetYear == 0 {
		c.add(path+".target_year", "缺少必填项：有阶段目标（milestones）的指标须写明目标年份",
			"required, missing: an indicator with milestones must give its target year")
	}
}

// year checks a four-digit year; required says zero is missing.
func (c *checker) year(path string, y int, required bool) {
	switch {
	case y == 0 && required:
		c.missing(path)
	case y != 0 && (y < 1000 || y > 9999):
		c.add(path, "年份 %d 应为四位数", "year %d must have four digits", y)
	}
}

func (c *checker) afterBaseline(path string, base int, ind Indicator) {
	if base != 0 && ind.TargetYear != 0 && ind.TargetYear <= base {
		c.add(path, "基期年份 %[1]d 须早于目标年份 %[2]d", "the baseline year %[1]d must come before the target year %[2]d", base, ind.TargetYear)
	}
}

func (c *checker) baselineValue(path string, ind Indicator, v string) {
	if strings.TrimSpace(v) == "" {
		c.missing(path)
		return
	}
	if _, err := ind.ParseBaseline(v); err != nil {
		c.addErr(path, err)
	}
}

// partOf checks the multi-year plan an annual plan names.
func (c *checker) partOf() {
	r := c.p.PartOf
	if r == nil {
		return
	}
	c.docID("part_of.id", r.ID, false)
	c.year("part_of.from", r.From, true)
	c.year("part_of.to", r.To, true)
	switch {
	case r.From == 0 || r.To == 0:
	case r.To < r.From:
		c.add("part_of.to", "结束年份 %[1]d 早于起始年份 %[2]d", "the last year %[1]d comes before the first, %[2]d", r.To, r.From)
	case c.p.Year != 0 && (c.p.Year < r.From || c.p.Year > r.To):
		c.add("year", "计划年份 %[1]d 不在所属规划 %[2]s 的年份 %[3]d–%[4]d 内", "the plan's year %[1]d lies outside %[2]s, %[3]d–%[4]d", c.p.Year, r.ID, r.From, r.To)
	}
}
