package plan

import (
	"strconv"
	"strings"

	"github.com/eduplan/eduplan/org"
)

// ValidateMeasuresIn is ValidateMeasures for a plan with the levels given
// (Plan.Levels; nil for city, district and school): scopes may name those
// levels and no others, and the levels themselves are checked as Validate
// checks a plan's.
func ValidateMeasuresIn(levels org.Hierarchy, metrics []Metric, inds []Indicator) error {
	c := newChecker(&Plan{Levels: levels, Metrics: metrics, Indicators: inds})
	c.metricsAndIndicators(false)
	return c.probs.Err()
}

// levelDefs checks the plan's levels: ids present, shaped as ids, once
// each; school last and nowhere else; a name in both languages for a level
// the library cannot name; no word (id, name, alias) standing for two
// levels, since a data file's level cell must say one. One problem a level
// is enough: the checks share one call of add, which keeps the page's
// WebAssembly binary small.
func (c *checker) levelDefs() {
	h := c.p.Levels
	last := len(h) - 1
	words := map[string]string{}
	for i, d := range h {
		path := "levels[" + strconv.Itoa(i) + "]"
		field, zh, en := ".id", "", ""
		switch {
		case !levelIDShape(string(d.ID)):
			zh, en = "层级代码 %q 应为小写英文字母、数字或下划线，以字母开头", "level id %q must be lower-case letters, digits or underscores, starting with a letter"
		case org.Hierarchy(h[:i]).Has(d.ID):
			zh, en = "层级 %q 重复声明", "level %q is declared twice"
		case d.ID == org.School && i != last:
			zh, en = "%q 只能是最后一级", "%q can only be the last level"
		case i == last && d.ID != org.School:
			zh, en = "最后一级应为 school（有学校类型、无下级的单位），而不是 %q", "the last level must be school (units with kinds and none below), not %q"
		case !d.ID.Standard() && (strings.TrimSpace(d.Name.ZH) == "" || strings.TrimSpace(d.Name.EN) == ""):
			field, zh, en = ".name", "缺少必填项：层级 %q 不是内置层级，须写中文和英文名称", "required, missing: level %q is not a built-in one, so it needs a Chinese and an English name"
		}
		if zh != "" {
			c.add(path+field, zh, en, d.ID)
		}
		for _, w := range append([]string{string(d.ID), d.Name.ZH, d.Name.EN}, d.Aliases...) {
			k := org.LevelWord(w)
			if first, dup := words[k]; dup && first != path && k != "" {
				c.add(path, "%[1]q 已在 %[2]s 表示另一层级", "%[1]q already stands for another level at %[2]s", w, first)
			}
			words[k] = path
		}
	}
}

func levelIDShape(s string) bool {
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
		case i > 0 && (r >= '0' && r <= '9' || r == '_'):
		default:
			return false
		}
	}
	return s != ""
}
