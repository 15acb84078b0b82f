package plan

import (
	"strings"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

// scopeLevelNames name the levels as a scope lists them: all the units of
// that level, hence plural in English.
var scopeLevelNames = map[org.Level]msg.Text{
	org.City:     msg.T("全市", "the city"),
	org.District: msg.T("辖市区", "districts"),
	org.School:   msg.T("学校", "schools"),
}

// Name says which units a scope covers: "全市、辖市区" / "the city,
// districts"; a scope of kinds names the kinds of school ("幼儿园、小学"). The
// empty scope covers every level. A level or kind the library does not know
// (another plan may add its own) is shown as written.
func (s Scope) Name() msg.Text {
	levels := s.Levels
	if len(levels) == 0 {
		levels = org.Levels()
	}
	var zh, en []string
	for _, l := range levels {
		if l == org.School && len(s.Kinds) > 0 {
			for _, k := range s.Kinds {
				n := k.Name()
				zh, en = append(zh, n.ZH), append(en, n.EN)
			}
			continue
		}
		n, ok := scopeLevelNames[l]
		if !ok {
			n = msg.T(string(l), string(l))
		}
		zh, en = append(zh, n.ZH), append(en, n.EN)
	}
	return msg.T(strings.Join(zh, "、"), strings.Join(en, ", "))
}
