package plan

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
)

// Checks of metrics and indicators that read a plan as the evaluation will:
// a formula that gives a condition instead of a value, a target in
// percentage points on a rate that is no gap, a rate summed up the
// hierarchy, and a name no formula can name.

// summable says whether figures in a unit may add up the hierarchy: counts,
// money and areas do; a rate, a ratio, a score or a number of years of two
// schools added is no figure of their district (DESIGN: rates are
// recomputed, never summed). Number is left to the plan.
func summable(u Unit) bool {
	switch u {
	case Percent, Ratio, Score, Years:
		return false
	}
	return true
}

// metricAggregate refuses sum on a metric whose figures do not add up.
func (c *checker) metricAggregate(path string, m Metric) {
	if m.Aggregate == Sum && !summable(m.Unit) {
		c.add(path+".aggregate",
			"单位为 %s 的数据项不能逐级相加（aggregate: sum）：上级的比率、得分应由合计的分子、分母重新计算。请把 aggregate 设为 none（上级自填），或改为填报分子、分母两个计数，用指标 “分子 / 分母” 计算",
			"a metric in %s cannot sum up the hierarchy (aggregate: sum): a parent's rate or score is recomputed from summed numerators and denominators. Set aggregate to none (a parent reports its own), or report the numerator and denominator as two counts and compute the rate as an indicator (numerator / denominator)",
			m.Unit)
	}
}

// conditionFormula refuses an indicator formula that compares: its value
// would be 1 or 0 (100% or 0% on a percent) and be held to the target as if
// it were the rate. Where the comparison splits off as a target, the fix
// shows both parts; otherwise it names share and count.
func (c *checker) conditionFormula(path, formula string, resolve rule.Resolver) {
	const zh, en = "公式 %q 是一个条件（比较的结果为真或假，记作 1 或 0），不是数值：指标的公式应算出数值，比较写在 target 中：",
		"the formula %q is a condition (a comparison, true or false, taken as 1 or 0), not a value: an indicator's formula computes the value and the comparison belongs in target: "
	if r, err := rule.CompileRule(formula, resolve, rule.DefaultLimits); err == nil && r.Target.Op != "" {
		c.add(path, zh+"公式写 %q，目标写 %q", en+"formula %q, target %q", formula, r.Formula.Source(), r.Target.Text)
		return
	}
	c.add(path, zh+"要数满足条件的下级单位，用 share(…) 或 count(…)", en+"to count the units below that meet it, use share(…) or count(…)", formula)
}

// takesDifference says whether an indicator's formula takes a difference,
// itself or through an indicator it uses (gap + 1).
func (c *checker) takesDifference(id string, seen map[string]bool) bool {
	if c.subtracts[id] {
		return true
	}
	if seen[id] {
		return false
	}
	seen[id] = true
	for _, d := range c.uses[id] {
		if c.takesDifference(d, seen) {
			return true
		}
	}
	return false
}

// pointsOnRate refuses a target in percentage points on an indicator whose
// formula takes no difference: "不超过10个百分点" on a plain rate would hold
// the rate itself to at most 10%.
func (c *checker) pointsOnRate(path string, ind Indicator, t rule.Target) {
	if _, ok := c.subtracts[ind.ID]; !t.Points || !ok || c.takesDifference(ind.ID, map[string]bool{}) {
		return // not points, a formula that did not compile (said there), or a gap
	}
	c.add(path+".target",
		"目标 %[1]q 以百分点计，是两个比率之差（差距）的写法，但公式 %[2]q 算的是比率本身，不是差距：若指比率本身，请写成百分比（如 “不超过%[3]s%%”）；若指单位之间或两组之间的差距，请把公式写成 spread(…) 或 a - b",
		"the target %[1]q is in percentage points, the unit of a gap between two rates, but the formula %[2]q computes a rate, not a gap: for the rate itself write a percent (such as 不超过%[3]s%%); for a gap between units or groups make the formula spread(…) or a - b",
		ind.Target, ind.Formula, rule.FormatNumber(t.Value*100))
}

// breaks says whether r ends a name in a formula, which reads a name as
// letters, digits and underscores.
func breaks(r rune) bool { return !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) }

// unnameableName finds the measure a formula meant when it names word and
// word is unknown: one whose name holds a character a formula reads as an
// operator or a break, cut there ("在园幼儿数/人" read as 在园幼儿数 / 人) or
// written without its spaces. It reports the name, once, at the name, and
// returns the hint for the formula's message.
func (c *checker) unnameableName(formulaPath, word string) (msg.Text, bool) {
	names := make([]string, 0, len(c.p.Metrics)+len(c.p.Indicators))
	for _, m := range c.p.Metrics {
		names = append(names, m.Name.ZH)
	}
	for _, ind := range c.p.Indicators {
		names = append(names, ind.Name.ZH)
	}
	for i, name := range names {
		at := strings.IndexFunc(name, breaks)
		if word == "" || at < 0 || (name[:at] != word && strings.ReplaceAll(name, " ", "") != word) {
			continue
		}
		path, id := fmt.Sprintf("metrics[%d].name.zh", i), ""
		if i < len(c.p.Metrics) {
			id = c.p.Metrics[i].ID
		} else {
			path, id = fmt.Sprintf("indicators[%d].name.zh", i-len(c.p.Metrics)), c.p.Indicators[i-len(c.p.Metrics)].ID
		}
		r, _ := utf8.DecodeRuneInString(name[at:])
		if !c.cutNames[path] {
			c.cutNames[path] = true
			c.add(path, "名称 %[1]q 含有 %[2]q，公式会把它读作运算符或分隔，%[3]s 无法按名称引用它：请把名称改为 %[4]q（单位写在 counter 中），或在公式中改用 id %[5]q",
				"the name %[1]q holds %[2]q, which a formula reads as an operator or a break, so %[3]s cannot name it: rename it %[4]q (a unit belongs in counter), or use the id %[5]q in the formula",
				name, string(r), formulaPath, word, id)
		}
		return msg.Textf("（名称 %q 含有 %q，见 %s）", " (the name %q holds %q: see %s)", name, string(r), path), true
	}
	return msg.Text{}, false
}
