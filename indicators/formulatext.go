package indicators

import (
	"strings"
	"unicode"

	"github.com/eduplan/eduplan/msg"
)

// FormulaText writes a formula with every metric and indicator it names
// (by id or by Chinese name) in each language's name, leaving operators,
// numbers and function names as they are: "enrolled / population" reads
// "在园幼儿数 / 适龄人口" and "Children enrolled / Population". A name with no
// English stays Chinese in English; a word the catalogue does not know stays
// as written.
func (c *Catalog) FormulaText(src string) msg.Text {
	return msg.T(c.renderFormula(src, "zh"), c.renderFormula(src, "en"))
}

// formulaName is the name of a word of a formula, if it is a metric's or an
// indicator's id or Chinese name.
func (c *Catalog) formulaName(word string) (msg.Text, bool) {
	if i, ok := c.metricIndex[word]; ok {
		return c.metrics[i].Name, true
	}
	if i, ok := c.indIndex[word]; ok {
		return c.inds[i].Name, true
	}
	for _, m := range c.metrics {
		if m.Name.ZH == word {
			return m.Name, true
		}
	}
	for _, ci := range c.inds {
		if ci.Name.ZH == word {
			return ci.Name, true
		}
	}
	return msg.Text{}, false
}

func (c *Catalog) renderFormula(src, lang string) string {
	var b strings.Builder
	rs := []rune(src)
	for i := 0; i < len(rs); {
		r := rs[i]
		if !unicode.IsLetter(r) && r != '_' {
			b.WriteRune(r)
			i++
			continue
		}
		j := i + 1
		for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '_') {
			j++
		}
		word := string(rs[i:j])
		if n, ok := c.formulaName(word); ok && n.In(lang) != "" {
			b.WriteString(n.In(lang))
		} else {
			b.WriteString(word)
		}
		i = j
	}
	return b.String()
}
