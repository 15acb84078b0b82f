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
	_    [0]func() // no equality function in the page's binary
	Name msg.Text  `json:"name"`
	// Own, ChildrenSum and Difference are the figures in their unit; the
	// difference is signed, own minus sum ("+9588").
	Own         string `json:"own"`
	ChildrenSum string `json:"childrenSum"`
	Difference  string `json:"difference"`
	// Used names the figure used: 本单位填报 or 下属单位合计.
	Used msg.Text `json:"used"`
}

// OfMismatch computes the texts of a parent's figure that differs from the
// sum of its children's.
func OfMismatch(m indicators.FigureMismatch) Mismatch {
	v := Mismatch{
		Name: m.Name,
		Own:  Number(m.Own, m.Measure), ChildrenSum: Number(m.ChildrenSum, m.Measure),
		Difference: signed(m.Difference, m.Measure),
		Used:       ParentFigures(m.Used),
	}
	return v
}

// MismatchLine says all of a mismatch on one line, for a log or a JUnit
// property (the page shows OfMismatch's texts in a table instead):
//
//	镇江市(zhenjiang) 在园幼儿数：本单位填报 50000，下属单位合计 40412（7 个下属单位），相差 +9588；采用本单位填报
func MismatchLine(m indicators.FigureMismatch) msg.Text {
	v := OfMismatch(m)
	n := strconv.Itoa(m.Children)
	name := m.Name
	if name.ZH == "" {
		name.ZH = m.Metric
	}
	if name.EN == "" {
		name.EN = name.ZH
	}
	unit := UnitLabel(m.Unit)
	return msg.T(
		unit+" "+name.ZH+"：本单位填报 "+v.Own+"，下属单位合计 "+v.ChildrenSum+"（"+n+" 个下属单位），相差 "+v.Difference+"；采用"+v.Used.ZH,
		unit+" "+name.EN+": the unit reported "+v.Own+", its units below sum to "+v.ChildrenSum+" ("+n+" units below), a difference of "+v.Difference+"; used "+v.Used.EN)
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
	name := in.Name
	if name.ZH == "" {
		name.ZH = in.ID
	}
	if name.EN == "" {
		name.EN = name.ZH
	}
	used, other := Number(*in.Own, in.Unit), Number(*in.ChildrenSum, in.Unit)
	diff := Number(math.Abs(*in.Own-*in.ChildrenSum), in.Unit)
	u, o := ParentFigures(indicators.ParentOwn), ParentFigures(indicators.ParentSum)
	if in.Origin == indicators.Summed {
		used, other, u, o = other, used, o, u
	}
	return msg.T(name.ZH+"按"+u.ZH+" "+used+" 计算（"+o.ZH+" "+other+"，相差 "+diff+"）",
		name.EN+": "+u.EN+", "+used+", was used ("+o.EN+": "+other+", a difference of "+diff+")")
}

// ParentFigures names a choice of parent figures: 本单位填报 / the unit's
// own figure, or 下属单位合计 / the sum of the units below.
func ParentFigures(p indicators.ParentFigures) msg.Text {
	if p == indicators.ParentSum {
		return msg.T("下属单位合计", "the sum of the units below")
	}
	return msg.T("本单位填报", "the unit's own figure")
}

// signed shows a figure with its sign: "+9588", "-12", "0".
func signed(v float64, u plan.Unit) string {
	s := Number(v, u)
	if v > 0 && s != "0" && s != "0%" {
		s = "+" + s
	}
	return s
}
