package dataset

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

// role is what a CSV column holds.
type role int

const (
	roleNone role = iota
	roleID
	roleName
	roleLevel
	roleKind
	roleParent
	roleYear
	rolePlan
	roleField
	roleIgnore
)

// unitColumns lists the headers each unit column may have. Chinese Excel
// sheets use many names for the same thing; these are the ones seen in
// education statistics forms.
var unitColumns = []struct {
	role    role
	label   msg.Text // for messages
	headers []string
}{
	{roleID, msg.T("单位代码", "id"), []string{"id", "代码", "单位代码", "学校代码", "编码", "单位编码", "学校编码", "code", "unit id", "school id"}},
	{roleName, msg.T("单位名称", "name"), []string{"name", "名称", "单位名称", "学校名称", "unit name", "school name"}},
	{roleLevel, msg.T("层级", "level"), []string{"level", "层级", "级别"}},
	{roleKind, msg.T("学校类型", "kind"), []string{"kind", "类型", "学校类型", "办学类型", "type", "school type"}},
	{roleParent, msg.T("上级单位", "parent"), []string{"parent", "上级", "上级单位", "所属辖市区", "所属区县", "所属单位"}},
	{roleYear, msg.T("年份", "year"), []string{"year", "年份", "年度"}},
	{rolePlan, msg.T("计划编号", "plan"), []string{"plan", "plan id", "计划", "计划编号"}},
	{roleIgnore, msg.T("序号", "row number"), []string{"序号", "no."}},
}

func roleLabel(r role) msg.Text {
	for _, c := range unitColumns {
		if c.role == r {
			return c.label
		}
	}
	return msg.Text{}
}

// levelZH is how a writer spells each level for a Chinese spreadsheet.
var levelZH = map[org.Level]string{org.City: "市", org.District: "区县", org.School: "学校"}

// kindAliases are short names in common use, on top of org.KindNames().
var kindAliases = map[string]org.Kind{
	"九年一贯制": org.NineYear,
	"高中":    org.SeniorSecond,
	"完中":    org.CompleteSecond,
	"初级中学":  org.JuniorSecond,
	"中职":    org.Vocational,
	"中专":    org.Vocational,
	"特教学校":  org.Special,
	"特校":    org.Special,
}

// key normalises a header or a vocabulary word for matching: full-width
// forms folded, every space removed, ASCII letters in lower case.
func key(s string) string {
	s = fold(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case isSpace(r):
			continue
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// stripUnit removes a trailing unit in brackets from a key: "在园幼儿数(人)"
// gives "在园幼儿数". It returns "" when there is none.
func stripUnit(k string) string {
	if k == "" {
		return ""
	}
	var open byte
	switch k[len(k)-1] {
	case ')':
		open = '('
	case ']':
		open = '['
	default:
		return ""
	}
	i := strings.LastIndexByte(k, open)
	if i <= 0 {
		return ""
	}
	return k[:i]
}

// target is what a header key means.
type target struct {
	role  role
	field int // index into fields when role is roleField
}

// matcher recognises column headers.
type matcher struct {
	keys   map[string]target
	levels map[string]org.Level
	kinds  map[string]org.Kind
}

// newMatcher builds the header table for a set of fields. Two fields that
// answer to the same header, or a field that answers to a unit column's
// header, are a mistake in the caller's fields, not in the user's file.
func newMatcher(fields []Field, levels org.Hierarchy) (*matcher, error) {
	m := &matcher{keys: map[string]target{}, levels: levelWordsOf(levels), kinds: map[string]org.Kind{}}
	for _, c := range unitColumns {
		for _, h := range c.headers {
			m.keys[key(h)] = target{role: c.role}
		}
	}
	owner := map[string]string{}
	for i, f := range fields {
		if f.ID == "" {
			return nil, fmt.Errorf("dataset: field %d has no id", i)
		}
		for _, name := range append([]string{f.ID}, f.Names...) {
			k := key(name)
			if k == "" {
				continue
			}
			if t, ok := m.keys[k]; ok {
				if t.role == roleField && fields[t.field].ID == f.ID {
					continue
				}
				if t.role != roleField {
					return nil, fmt.Errorf("dataset: field %s: name %q is also the header of the %s column", f.ID, name, roleLabel(t.role).EN)
				}
				return nil, fmt.Errorf("dataset: fields %s and %s both answer to the header %q", owner[k], f.ID, name)
			}
			m.keys[k] = target{role: roleField, field: i}
			owner[k] = f.ID
		}
	}
	for _, kn := range org.KindNames() {
		for _, w := range []string{string(kn.Kind), kn.Name.ZH, kn.Name.EN} {
			if w != "" {
				m.kinds[key(w)] = kn.Kind
			}
		}
	}
	for w, k := range kindAliases {
		if _, taken := m.kinds[key(w)]; !taken {
			m.kinds[key(w)] = k
		}
	}
	return m, nil
}

// header says what a column header means.
func (m *matcher) header(h string) (target, bool) {
	k := key(h)
	if t, ok := m.keys[k]; ok {
		return t, true
	}
	if s := stripUnit(k); s != "" {
		if t, ok := m.keys[s]; ok {
			return t, true
		}
	}
	return target{}, false
}

// level and kind look the cell up as written first: most cells are
// written exactly as the vocabulary spells them, and normalising costs an
// allocation per row.
func (m *matcher) level(s string) (org.Level, bool) {
	if l, ok := m.levels[s]; ok {
		return l, true
	}
	l, ok := m.levels[key(s)]
	return l, ok
}

func (m *matcher) kind(s string) (org.Kind, bool) {
	if k, ok := m.kinds[s]; ok {
		return k, true
	}
	k, ok := m.kinds[key(s)]
	return k, ok
}

// kindZH is how a writer spells a kind for a Chinese spreadsheet; a kind not
// in org.KindNames() is written as it is.
func kindZH(k org.Kind) string {
	for _, kn := range org.KindNames() {
		if kn.Kind == k {
			return kn.Name.ZH
		}
	}
	return string(k)
}

// unitsRowWords are what a row of units of measure under the header holds.
var unitsRowWords = map[string]bool{
	"人": true, "个": true, "所": true, "名": true, "%": true, "元": true, "万元": true,
	"亿元": true, "平方米": true, "㎡": true, "m2": true, "m²": true, "分": true, "次": true,
	"台": true, "册": true, "间": true, "班": true, "岁": true, "天": true, "小时": true,
	"件": true, "项": true, "门": true, "节": true, "张": true, "套": true, "座": true,
	"单位": true, "计量单位": true, "unit": true, "units": true,
}

// looksLikeUnit says whether a cell of the first data row looks like a unit
// of measure ("人", "（%）") rather than a figure.
func looksLikeUnit(s string) bool {
	k := key(s)
	if k == "" {
		return false
	}
	if unitsRowWords[k] {
		return true
	}
	if (strings.HasPrefix(k, "(") && strings.HasSuffix(k, ")")) || (strings.HasPrefix(k, "[") && strings.HasSuffix(k, "]")) {
		return utf8.RuneCountInString(k) <= 8
	}
	return false
}
