package view

import (
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
)

// Reference is the Status of the Tally that counts the results shown for
// reference (indicators.Result.Reference); it is no status of a result.
const Reference indicators.Status = "reference"

// referenceName names the results shown for reference in a summary.
var referenceName = msg.T("参考", "for reference")

// StatusOf is the status text Of gives, alone: for the cells of a table of
// many units, where a result shown for reference must not read as a
// verdict (参考：未达目标, not 未达标).
func StatusOf(r indicators.Result) msg.Text { return status(&r) }

// status is a result's status text. A result against a target the plan
// sets for other units says that it is for reference before what it
// shows, so that no face can read it as a verdict on the unit: 参考：已达目标
// rather than 达标, 参考：未达目标 rather than 未达标.
func status(r *indicators.Result) msg.Text {
	s := r.Status.Name()
	if !r.Reference {
		return s
	}
	switch r.Status {
	case indicators.Met:
		s = msg.T("已达目标", "target reached")
	case indicators.NotMet:
		s = msg.T("未达目标", "target not reached")
	}
	return msg.T("参考："+s.ZH, "for reference: "+s.EN)
}

// targetOwners names the units the plan sets a result's target for (its
// target_for, as plan.Scope.Name words it: 全市、辖市区 / the city,
// districts).
func targetOwners(r *indicators.Result) msg.Text {
	if f := r.Target.For; f != nil {
		return f.Name()
	}
	return msg.T("其他单位", "other units")
}

// referenceTarget says whose target t is: "全市、辖市区目标 ≥ 99%" / "≥ 99%
// (target for the city, districts)".
func referenceTarget(r *indicators.Result, t msg.Text) msg.Text {
	w := targetOwners(r)
	return msg.T(w.ZH+"目标 "+t.ZH, t.EN+" (target for "+w.EN+")")
}

// referenceNote explains a result shown for reference: whom the plan sets
// the target for, and that the unit's figure is not counted either way.
func referenceNote(r *indicators.Result) msg.Text {
	w := targetOwners(r)
	return msg.T("计划对"+w.ZH+"提出此目标，本单位的数值仅供参考，不计入达标或未达标",
		"the plan sets this target for "+w.EN+": this unit's figure is for reference, counted neither as met nor as not met")
}
