package plan

import (
	"fmt"
	"strings"
	"unicode"

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
	if m.Aggregate != Sum || summable(m.Unit) {
		return
	}
	c.add(path+".aggregate",
		"单位为 %[1]s 的数据项不能逐级相加（aggregate: sum）：上级的比率、得分不是下级之和，应由合计的分子、分母重新计算。请把 aggregate 设为 none（上级自填），或改为填报分子、分母两个计数，用指标 “分子 / 分母” 计算",
		"a metric in %[1]s cannot sum up the hierarchy (aggregate: sum): a parent's rate or score is not its children's sum but is recomputed from summed numerators and denominators. Set aggregate to none (a parent reports its own), or report the numerator and denominator as two counts and compute the rate as an indicator (numerator / denominator)",
		m.Unit)
}

// conditionFormula refuses an indicator formula that compares: its value
// would be 1 or 0 (100% or 0% on a percent) and be held to the target as if
// it were the rate. Where the comparison splits off as a target, the fix
// shows both parts.
func (c *checker) conditionFormula(path, formula string, resolve rule.Resolver) {
	zh := fmt.Sprintf("公式 %q 是一个条件（比较的结果为真或假，记作 1 或 0），不是数值：指标的公式应算出数值，比较写在 target 中", formula)
	en := fmt.Sprintf("the formula %q is a condition (a comparison, true or false, taken as 1 or 0), not a value: an indicator's formula computes the value and the comparison belongs in target", formula)
	if r, err := rule.CompileRule(formula, resolve, rule.DefaultLimits); err == nil && r.Target.Op != "" {
		zh += fmt.Sprintf("：公式写 %q，目标写 %q", r.Formula.Source(), r.Target.Text)
		en += fmt.Sprintf(": formula %q, target %q", r.Formula.Source(), r.Target.Text)
	} else {
		zh += "；要数满足条件的下级单位，用 share(…) 或 count(…)"
		en += "; to count the units below that meet it, use share(…) or count(…)"
	}
	c.probs.AddText(path, msg.T(zh, en))
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
	if !t.Points {
		return
	}
	if _, ok := c.subtracts[ind.ID]; !ok || c.takesDifference(ind.ID, map[string]bool{}) {
		return // the formula did not compile (said there), or it is a gap
	}
	c.add(path+".target",
		"目标 %[1]q 以百分点计，是两个比率之差（差距）的写法，但公式 %[2]q 算的是比率本身，不是差距：若指比率本身，请写成百分比（如 “不超过%[3]s%%”）；若指单位之间或两组之间的差距，请把公式写成 spread(…) 或 a - b",
		"the target %[1]q is in percentage points, the unit of a gap between two rates, but the formula %[2]q computes a rate, not a gap: for the rate itself write a percent (such as 不超过%[3]s%%); for a gap between units or groups make the formula spread(…) or a - b",
		ind.Target, ind.Formula, rule.FormatNumber(t.Value*100))
}

// nameable says whether a formula can name a measure by its Chinese name:
// the rule language reads a name as letters, digits and underscores, not
// starting with a digit.
func nameable(name string) bool {
	for i, r := range name {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return name != ""
}

// cutName finds the measure whose name a formula meant when it names word
// and word is unknown: a name that holds a character a formula reads as an
// operator or a space, cut there ("在园幼儿数/人" read as 在园幼儿数 / 人),
// or written without its spaces. It returns the name's path, the name and
// its id.
func (c *checker) cutName(word string) (path, name, id string, ok bool) {
	if word == "" {
		return "", "", "", false
	}
	// breaks says whether r ends a name in a formula.
	breaks := func(r rune) bool { return !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) }
	try := func(n string) bool {
		if nameable(n) {
			return false
		}
		if strings.Join(strings.Fields(n), "") == word {
			return true
		}
		if rest, ok := strings.CutPrefix(n, word); ok && rest != "" {
			return breaks([]rune(rest)[0])
		}
		if rest, ok := strings.CutSuffix(n, word); ok && rest != "" {
			rs := []rune(rest)
			return breaks(rs[len(rs)-1])
		}
		return false
	}
	for i, m := range c.p.Metrics {
		if try(m.Name.ZH) {
			return fmt.Sprintf("metrics[%d].name.zh", i), m.Name.ZH, m.ID, true
		}
	}
	for i, ind := range c.p.Indicators {
		if try(ind.Name.ZH) {
			return fmt.Sprintf("indicators[%d].name.zh", i), ind.Name.ZH, ind.ID, true
		}
	}
	return "", "", "", false
}

// unnameableName reports, once per name, a name a formula tried to use but
// cannot, at the name, and returns the hint for the formula's message.
func (c *checker) unnameableName(formulaPath, word string) (msg.Text, bool) {
	path, name, id, ok := c.cutName(word)
	if !ok {
		return msg.Text{}, false
	}
	bad := ""
	for _, r := range name {
		if !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			bad = string(r)
			break
		}
	}
	badZH, badEN := "“"+bad+"”", fmt.Sprintf("%q", bad)
	switch {
	case bad == "":
		badZH, badEN = "开头的数字", "a leading digit"
	case strings.TrimSpace(bad) == "":
		badZH, badEN = "空格", "a space"
	}
	if !c.cutNames[path] {
		c.cutNames[path] = true
		c.probs.AddText(path, msg.T(
			fmt.Sprintf("名称 %q 含有%s，公式会把它读作运算符或分隔，%s 无法按名称引用它：请把名称改为 %q（单位写在 counter 中），或在公式中改用 id %q",
				name, badZH, formulaPath, word, id),
			fmt.Sprintf("the name %q holds %s, which a formula reads as an operator or a break, so %s cannot name it: rename it %q (a unit belongs in counter), or use the id %q in the formula",
				name, badEN, formulaPath, word, id)))
	}
	return msg.T(fmt.Sprintf("（名称 %q 含有%s，见 %s）", name, badZH, path),
		fmt.Sprintf(" (the name %q holds %s: see %s)", name, badEN, path)), true
}
