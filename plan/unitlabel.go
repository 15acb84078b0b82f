package plan

import (
	"strings"

	"github.com/eduplan/eduplan/msg"
)

// UnitLabel is the unit a form or a template header prints beside a
// metric's figure: "%", "万元", "平方米", "分", and for a count the counter word
// a Chinese form would use — 人, 所, 人次 or 个 — with its English gloss.
func (m Metric) UnitLabel() msg.Text {
	switch m.Unit {
	case Percent:
		return msg.Text{ZH: "%", EN: "%"}
	case Count:
		return counter(m.Name.ZH)
	case Ratio:
		return msg.Text{ZH: "比值", EN: "ratio"}
	case Score:
		return msg.Text{ZH: "分", EN: "points"}
	case Money:
		return msg.Text{ZH: "万元", EN: "10,000 yuan"}
	case Area:
		return msg.Text{ZH: "平方米", EN: "m²"}
	}
	return msg.Text{}
}

// counter reads what a count counts from the end of its Chinese name, where
// the counted noun stands: 幼儿园数 counts kindergartens (所), 在园幼儿数
// children (人), 教师发展中心数 centres (个), not teachers, although the name
// mentions them; 培训人次 counts attendances.
func counter(name string) msg.Text {
	noun := strings.TrimSuffix(name, "数")
	has := func(ends ...string) bool {
		for _, e := range ends {
			if strings.HasSuffix(noun, e) {
				return true
			}
		}
		return false
	}
	switch {
	case has("人次"):
		return msg.Text{ZH: "人次", EN: "attendances"}
	case has("学校", "学", "校", "园", "所"):
		return msg.Text{ZH: "所", EN: "schools"}
	case has("人口", "人", "学生", "生", "幼儿", "儿童", "少年", "教师", "校长", "人员"):
		return msg.Text{ZH: "人", EN: "persons"}
	}
	return msg.Text{ZH: "个", EN: "number"}
}
