package plan

import (
	"fmt"
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
// levels, since a data file's level cell must say one.
func (c *checker) levelDefs() {
	h := c.p.Levels
	if len(h) == 0 {
		return
	}
	if len(h) < 2 {
		c.add("levels", "至少两级（最后一级为 school）", "at least two levels (the last is school)")
	}
	seen := map[org.Level]string{}
	words := map[string]string{}
	word := func(path, w string) {
		k := strings.ToLower(strings.TrimSpace(w))
		if k == "" {
			return
		}
		if first, dup := words[k]; dup && parent(first) != parent(path) {
			c.add(path, "%[1]q 已在 %[2]s 表示另一层级", "%[1]q already stands for another level at %[2]s", w, first)
			return
		}
		words[k] = path
	}
	for i, d := range h {
		path := fmt.Sprintf("levels[%d]", i)
		switch {
		case d.ID == "":
			c.missing(path + ".id")
		case !levelIDShape(string(d.ID)):
			c.add(path+".id", "层级代码 %q 应为小写英文字母、数字或下划线，以字母开头", "level id %q must be lower-case letters, digits or underscores, starting with a letter", d.ID)
		default:
			if first, dup := seen[d.ID]; dup {
				c.add(path+".id", "层级 %[1]q 已在 %[2]s 声明", "level %[1]q is already declared at %[2]s", d.ID, first)
			}
			seen[d.ID] = path + ".id"
		}
		if d.ID == org.School && i != len(h)-1 {
			c.add(path+".id", "school 只能是最后一级", "school can only be the last level")
		}
		if i == len(h)-1 && d.ID != org.School && d.ID != "" {
			c.add(path+".id", "最后一级应为 school（有学校类型、无下级的单位），而不是 %q", "the last level must be school (units with kinds and none below), not %q", d.ID)
		}
		if !d.ID.Standard() {
			if strings.TrimSpace(d.Name.ZH) == "" {
				c.add(path+".name.zh", "缺少必填项：层级 %q 不是内置层级，须写中文名称", "required, missing: level %q is not a built-in one, so it needs a Chinese name", d.ID)
			}
			if strings.TrimSpace(d.Name.EN) == "" {
				c.add(path+".name.en", "缺少必填项：层级 %q 不是内置层级，须写英文名称", "required, missing: level %q is not a built-in one, so it needs an English name", d.ID)
			}
		}
		word(path+".id", string(d.ID))
		word(path+".name.zh", d.Name.ZH)
		word(path+".name.en", d.Name.EN)
		for j, a := range d.Aliases {
			ap := fmt.Sprintf("%s.aliases[%d]", path, j)
			if strings.TrimSpace(a) == "" {
				c.missing(ap)
				continue
			}
			word(ap, a)
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
