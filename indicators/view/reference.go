package view

import (
	"strings"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// Reference is the Status of the Tally that counts the results shown for
// reference (indicators.Result.Reference); it is no status of a result.
const Reference indicators.Status = "reference"

// referenceName names the results shown for reference in a summary.
var referenceName = msg.T("参考", "for reference")

// status is a result's status text. A result against a target the plan
// sets for other units says that it is for reference before what it
// shows, so that no face can read it as a verdict on the unit: 参考：已达目标
// rather than 达标, 参考：未达目标 rather than 未达标.
func status(r indicators.Result) msg.Text {
	if !r.Reference {
		return r.Status.Name()
	}
	s := r.Status.Name()
	switch r.Status {
	case indicators.Met:
		s = msg.T("已达目标", "target reached")
	case indicators.NotMet:
		s = msg.T("未达目标", "target not reached")
	}
	return msg.T("参考："+s.ZH, "for reference: "+s.EN)
}

// referenceTarget says whose target t is: "市级目标 ≥ 99%" / "city target ≥
// 99%", the owners taken from the indicator's target_for.
func referenceTarget(r indicators.Result, t msg.Text) msg.Text {
	owner := msg.T("上级", "higher-level")
	if f := r.Target.For; f != nil {
		owner = targetOwners(*f)
	}
	return msg.T(owner.ZH+"目标 "+t.ZH, owner.EN+" target "+t.EN)
}

// targetOwners names the units a target is for as an attribute of the
// target: 市级、辖市区级 / city and district; a scope of kinds of school names
// the kinds.
func targetOwners(s plan.Scope) msg.Text {
	levels := s.Levels
	if len(levels) == 0 {
		levels = org.Levels()
	}
	var zh, en []string
	for _, l := range levels {
		if l == org.School && len(s.Kinds) > 0 {
			for _, k := range s.Kinds {
				n := k.Name()
				zh, en = append(zh, n.ZH), append(en, strings.ToLower(n.EN))
			}
			continue
		}
		n := l.Name()
		zh, en = append(zh, n.ZH+"级"), append(en, strings.ToLower(n.EN))
	}
	return msg.T(strings.Join(zh, "、"), andList(en))
}

// targetWhom names the units a target is for as the object of a sentence:
// 全市、各辖市区 / the city and each district.
func targetWhom(s plan.Scope) msg.Text {
	levels := s.Levels
	if len(levels) == 0 {
		levels = org.Levels()
	}
	var zh, en []string
	add := func(z, e string) { zh, en = append(zh, z), append(en, e) }
	for _, l := range levels {
		switch {
		case l == org.City:
			add("全市", "the city")
		case l == org.District:
			add("各辖市区", "each district")
		case l == org.School && len(s.Kinds) > 0:
			for _, k := range s.Kinds {
				n := k.Name()
				add("各"+n.ZH, "each "+strings.ToLower(n.EN))
			}
		case l == org.School:
			add("各学校", "each school")
		default:
			add(string(l), string(l))
		}
	}
	return msg.T(strings.Join(zh, "、"), andList(en))
}

// andList joins English words as a list: "a", "a and b", "a, b and c".
func andList(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

// referenceNote explains a result shown for reference: whom the plan sets
// the target for, and that the unit's figure is not counted either way.
func referenceNote(r indicators.Result) msg.Text {
	whom := msg.T("其他单位", "other units")
	if f := r.Target.For; f != nil {
		whom = targetWhom(*f)
	}
	return msg.T("计划对"+whom.ZH+"提出此目标，本单位的数值仅供参考，不计入达标或未达标",
		"the plan sets this target for "+whom.EN+"; this unit's figure is shown for reference and counted neither as met nor as not met")
}
