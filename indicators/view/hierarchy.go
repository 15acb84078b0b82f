package view

import (
	"math"
	"strconv"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// Mismatch is what a user reads about a figure a parent reported that
// differs from the sum of its children's (indicators.FigureMismatch).
type Mismatch struct {
	// Unit is "名称(编号)".
	Unit string   `json:"unit"`
	Name msg.Text `json:"name"`
	// Own, ChildrenSum and Difference are the figures in their unit; the
	// difference is signed, own minus sum ("+9588").
	Own         string `json:"own"`
	ChildrenSum string `json:"childrenSum"`
	Difference  string `json:"difference"`
	// Children is "7 个下属单位" / "7 units below".
	Children msg.Text `json:"children"`
	// Used names the figure used: 本单位填报 or 下属单位合计.
	Used msg.Text `json:"used"`
	// Line says it all on one line:
	//
	//	镇江市(zhenjiang) 在园幼儿数：本单位填报 50000，下属单位合计 40412（7 个下属单位），相差 +9588；采用本单位填报
	Line msg.Text `json:"line"`
}

// OfMismatch computes the texts of a parent's figure that differs from the
// sum of its children's.
func OfMismatch(m indicators.FigureMismatch) Mismatch {
	v := Mismatch{
		Unit: UnitLabel(m.Unit), Name: m.Name,
		Own: Number(m.Own, m.Measure), ChildrenSum: Number(m.ChildrenSum, m.Measure),
		Difference: signed(m.Difference, m.Measure),
		Children:   msg.T(strconv.Itoa(m.Children)+" 个下属单位", strconv.Itoa(m.Children)+" units below"),
		Used:       m.Used.Name(),
	}
	if m.Used == "" {
		v.Used = indicators.ParentOwn.Name()
	}
	name := m.Name
	if name.ZH == "" {
		name.ZH = m.Metric
	}
	if name.EN == "" {
		name.EN = name.ZH
	}
	v.Line = msg.T(
		v.Unit+" "+name.ZH+"：本单位填报 "+v.Own+"，下属单位合计 "+v.ChildrenSum+"（"+v.Children.ZH+"），相差 "+v.Difference+"；采用"+v.Used.ZH,
		v.Unit+" "+name.EN+": the unit reported "+v.Own+", its units below sum to "+v.ChildrenSum+" ("+v.Children.EN+"), a difference of "+v.Difference+"; used "+v.Used.EN)
	return v
}

// figureNote says which figure a result used where the unit's own and its
// children's sum differ:
//
//	在园幼儿数按本单位填报 50000 计算（下属单位合计 40412，相差 9588）
//
// Empty for an input without such a difference.
func figureNote(in indicators.Input) msg.Text {
	if in.Own == nil || in.ChildrenSum == nil {
		return msg.Text{}
	}
	zh, en := in.Name.ZH, in.Name.EN
	if zh == "" {
		zh = in.ID
	}
	if en == "" {
		en = zh
	}
	own, sum := Number(*in.Own, in.Unit), Number(*in.ChildrenSum, in.Unit)
	diff := Number(math.Abs(*in.Own-*in.ChildrenSum), in.Unit)
	if in.Origin == indicators.Summed {
		return msg.T(zh+"按下属单位合计 "+sum+" 计算（本单位填报 "+own+"，相差 "+diff+"）",
			en+": the sum of the units below, "+sum+", was used (the unit reported "+own+", a difference of "+diff+")")
	}
	return msg.T(zh+"按本单位填报 "+own+" 计算（下属单位合计 "+sum+"，相差 "+diff+"）",
		en+": the unit's own figure "+own+" was used (its units below sum to "+sum+", a difference of "+diff+")")
}

// signed shows a figure with its sign: "+9588", "-12", "0".
func signed(v float64, u plan.Unit) string {
	s := Number(v, u)
	if v > 0 && s != "0" && s != "0%" {
		s = "+" + s
	}
	return s
}
