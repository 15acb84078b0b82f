package plan

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
)

// ValidateRules checks validation rules against the metrics and indicators
// their expressions name, with the code Validate runs on a plan's, and
// returns a msg.Problems (paths such as "validation_rules[2].left") or
// nil. The metrics and indicators themselves are checked by
// ValidateMeasures. indicators.Compile runs it, so that a catalogue
// accepts exactly the rules a plan accepts, less the names a plan must
// give them.
func ValidateRules(metrics []Metric, inds []Indicator, rules []ValidationRule) error {
	c := newChecker(&Plan{Metrics: metrics, Indicators: inds, ValidationRules: rules})
	for i, m := range metrics {
		c.measures[m.ID] = fmt.Sprintf("metrics[%d].id", i)
	}
	for i, ind := range inds {
		c.measures[ind.ID] = fmt.Sprintf("indicators[%d].id", i)
	}
	c.validationRules(false)
	return c.probs.Err()
}

// ruleLookup resolves a name in a rule's expression as formulas do: an id
// first, then a Chinese name. names lists every name, for suggestions.
func (c *checker) ruleLookup() (lookup rule.Resolver, names []string) {
	byName := map[string]string{}
	for _, m := range c.p.Metrics {
		if _, ok := byName[m.Name.ZH]; !ok && m.Name.ZH != "" {
			byName[m.Name.ZH] = m.ID
		}
	}
	for _, ind := range c.p.Indicators {
		if _, ok := byName[ind.Name.ZH]; !ok && ind.Name.ZH != "" {
			byName[ind.Name.ZH] = ind.ID
		}
	}
	for id := range c.measures {
		names = append(names, id)
	}
	for name := range byName {
		names = append(names, name)
	}
	slices.Sort(names)
	lookup = func(name string) (string, bool) {
		if _, ok := c.measures[name]; ok {
			return name, true
		}
		id, ok := byName[name]
		return id, ok
	}
	return lookup, names
}

// operatorHint is the operator meant by what people type for one ("≤",
// "=", "=<"), or "".
func operatorHint(typed Operator) Operator {
	switch strings.TrimSpace(string(typed)) {
	case "=", "＝":
		return OpEQ
	case "≠", "<>":
		return OpNE
	case "≤", "=<":
		return OpLE
	case "≥", "=>":
		return OpGE
	}
	return ""
}

// validationRules checks the plan's validation rules; doc requires the
// names a plan must give.
func (c *checker) validationRules(doc bool) {
	rules := c.p.ValidationRules
	if len(rules) == 0 {
		return
	}
	lookup, names := c.ruleLookup()
	seen := map[string]string{}
	for i, r := range rules {
		path := fmt.Sprintf("validation_rules[%d]", i)
		switch {
		case r.ID == "":
			c.missing(path + ".id")
		case !isIdentifier(r.ID):
			c.add(path+".id", "id %q 应由英文字母、数字和下划线组成且不以数字开头",
				"id %q must be letters, digits and underscores, not starting with a digit", r.ID)
		case seen[r.ID] != "":
			c.add(path+".id", "校验规则 id %[1]q 已在 %[2]s 使用", "rule id %[1]q is already used at %[2]s", r.ID, seen[r.ID])
		default:
			seen[r.ID] = path
		}
		if doc {
			c.text(path+".name", r.Name)
		}
		c.ruleSide(path+".left", r.Left, "左边", "left side", lookup, names)
		c.ruleSide(path+".right", r.Right, "右边", "right side", lookup, names)
		if hint := operatorHint(r.Operator); hint != "" {
			c.add(path+".operator", "未知比较符 %[1]q（是否应为 %[2]q？）", "unknown operator %[1]q (did you mean %[2]q?)", r.Operator, hint)
		} else {
			c.oneOf(path+".operator", string(r.Operator), joinValues(Operators()), true)
		}
		if !(r.Tolerance >= 0) || math.IsInf(r.Tolerance, 0) {
			c.add(path+".tolerance", "允许误差应为非负数，实际为 %v", "the tolerance must be a non-negative number, got %v", r.Tolerance)
		}
		if r.Unit != "" {
			c.unit(path+".unit", r.Unit)
		}
		c.oneOf(path+".importance", string(r.Importance), joinValues(Importances()), false)
		c.oneOf(path+".missing_value_strategy", string(r.MissingValueStrategy), joinValues(MissingValueStrategies()), false)
		c.scope(path+".applies_to", r.AppliesTo)
	}
}

// oneOf checks that v is one of the comma-separated values allowed, or
// empty when not required.
func (c *checker) oneOf(path, v, allowed string, required bool) {
	switch {
	case v == "" && required:
		c.add(path, "缺少必填项，可用：%s", "required, missing: use one of %s", allowed)
	case v != "" && !slices.Contains(strings.Split(allowed, ", "), v):
		c.add(path, "未知取值 %[1]q，可用：%[2]s", "unknown value %[1]q: use one of %[2]s", v, allowed)
	}
}

// ruleSide checks one side of a rule: present, compiles, and a number
// rather than a condition.
func (c *checker) ruleSide(path, src, zh, en string, lookup rule.Resolver, names []string) {
	if strings.TrimSpace(src) == "" {
		c.missing(path)
		return
	}
	prog, err := rule.CompileFormula(src, lookup, rule.DefaultLimits)
	if err != nil {
		re := ruleText(err)
		m := msg.Text{ZH: zh + "有误：" + re.ZH, EN: "the " + en + " is wrong: " + re.EN}
		if words := errorWords(err); words != "" {
			if _, known := lookup(words); !known {
				if s := c.suggest(words, names); s != "" {
					m.ZH += fmt.Sprintf("（是否应为 %q？）", s)
					m.EN += fmt.Sprintf(" (did you mean %q?)", s)
				}
			}
		}
		c.probs.AddText(path, m)
		return
	}
	if prog.Boolean() {
		c.probs.AddText(path, msg.T(zh+"应是一个数值，而不是条件：比较写在 operator 中",
			"the "+en+" must be a number, not a condition: the comparison goes in operator"))
	}
}
