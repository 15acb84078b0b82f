package dataset

import (
	"strings"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

// builtinLevelWords are words in common use for the levels the library
// knows, recognised when the plan has the level. City, district and school
// keep the words files have always used for them. A table, not a map: a
// map literal is code in the page's WebAssembly binary, a table is data.
var builtinLevelWords = [...]struct {
	level org.Level
	words []string
}{
	{org.Nation, []string{"nation", "country", "国家", "全国", "国家级", "中央"}},
	{org.Province, []string{"province", "省", "省级", "省份", "省区市", "自治区"}},
	{org.City, []string{"city", "市", "市级", "地级市", "设区市"}},
	{org.District, []string{"district", "county", "区", "县", "区县", "县区", "辖市区", "县市区", "县(市、区)", "县(市)区", "市辖区", "县级市"}},
	{org.Town, []string{"town", "township", "乡镇", "镇", "乡", "街道", "乡镇(街道)", "乡镇街道"}},
	{org.School, []string{"school", "学校", "校"}},
}

// levelWordsOf maps every word a level cell may hold to its level: each
// level's id, names and aliases first, then the common words for the
// levels the library knows, where the plan has not given the word to
// another level.
func levelWordsOf(h org.Hierarchy) map[string]org.Level {
	h = h.Resolved()
	out := make(map[string]org.Level, 8*len(h))
	for _, d := range h {
		for _, w := range append([]string{string(d.ID), d.Name.ZH, d.Name.EN}, d.Aliases...) {
			if k := key(w); k != "" {
				if _, taken := out[k]; !taken {
					out[k] = d.ID
				}
			}
		}
	}
	for _, bw := range builtinLevelWords {
		if !h.Has(bw.level) {
			continue
		}
		for _, w := range bw.words {
			if _, taken := out[key(w)]; !taken {
				out[key(w)] = bw.level
			}
		}
	}
	return out
}

// levelList lists the levels as a choice: "city、district 或 school" /
// "city, district or school"; with names, the Chinese as a file's level
// cell may write them ("市、区县 或 学校").
func levelList(h org.Hierarchy, names bool) msg.Text {
	ids := h.IDs()
	zh, en := make([]string, len(ids)), make([]string, len(ids))
	for i, l := range ids {
		zh[i], en[i] = string(l), string(l)
		if names {
			zh[i] = levelWriteZH(h, l)
		}
	}
	return msg.T(joinChoice(zh, "、", " 或 "), joinChoice(en, ", ", " or "))
}

// levelWriteZH is how a writer spells a level for a Chinese spreadsheet:
// the name the plan gives it, else the words files have always used for
// city, district and school, else the level's standard name or its id.
func levelWriteZH(h org.Hierarchy, l org.Level) string {
	for _, d := range h {
		if d.ID == l && d.Name.ZH != "" {
			return d.Name.ZH
		}
	}
	if s, ok := levelZH[l]; ok {
		return s
	}
	return l.Name().ZH
}

func joinChoice(ws []string, sep, last string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], sep) + last + ws[len(ws)-1]
}

// levelMustBe says what a level must be, with the plan's level ids:
// "层级应为 city、district 或 school".
func levelMustBe(h org.Hierarchy) msg.Text {
	ids := levelList(h, false)
	return msg.T("层级应为 "+ids.ZH, "the level must be "+ids.EN)
}

// parentMustBe says where a unit of level l may hang: under a unit of any
// level above it, or under none at the top.
func parentMustBe(h org.Hierarchy, l org.Level) msg.Text {
	above := h.Above(l)
	name := levelNoun(h, l)
	if len(above) == 0 {
		return msg.T(name.ZH+"不能有上级", "a "+name.EN+" has no parent")
	}
	zh, en := make([]string, len(above)), make([]string, len(above))
	for i, a := range above {
		n := levelNoun(h, a)
		zh[i], en[i] = n.ZH, article(n.EN)+n.EN
	}
	return msg.T(name.ZH+"的上级应为"+strings.Join(zh, "或"), "a "+name.EN+"'s parent must be "+joinChoice(en, ", ", " or "))
}

// levelNoun names a level inside a sentence: 区县 / district for the
// default ones, as the messages have always said, the plan's name
// (English in lower case) for the others.
func levelNoun(h org.Hierarchy, l org.Level) msg.Text {
	switch l {
	case org.City:
		return msg.T("市", "city")
	case org.District:
		return msg.T("区县", "district")
	case org.School:
		return msg.T("学校", "school")
	}
	n := h.Name(l)
	return msg.T(n.ZH, org.LevelWord(n.EN))
}

func article(w string) string {
	if w != "" && strings.ContainsRune("aeiou", rune(w[0])) {
		return "an "
	}
	return "a "
}
