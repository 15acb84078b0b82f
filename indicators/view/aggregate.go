package view

import (
	"fmt"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// Aggregate is what a reader is told about an aggregate over child units
// that a result used: which aggregate it is, weighted or not, its exact
// formula, and each child's value (and weight) as shown.
type Aggregate struct {
	// Call is the aggregate as the formula writes it, in the canonical
	// spelling: "cv(生均教学仪器设备值, 在校生数)".
	Call string `json:"call"`
	// Definition names the aggregate and gives its formula:
	// "差异系数（按权重加权…）：P = ΣPᵢ，X̄ = ΣPᵢXᵢ / P，…".
	Definition msg.Text `json:"definition"`
	// Missing says what missing and uncomputable children do.
	Missing msg.Text `json:"missing"`
	// Steps works a cv out from the children shown ("P = 1000，X̄ = 2000，
	// S = 670.82，CV = 670.82 / 2000 = 0.34"); empty for other aggregates
	// and when a child has no value.
	Steps    msg.Text         `json:"steps"`
	Weighted bool             `json:"weighted"`
	Children []AggregateChild `json:"children"`
}

// AggregateChild is one child unit's row: its value, and its weight in a
// weighted aggregate, as text (a state's name when there is no number;
// 满足 / 不满足 for the condition of share and count).
type AggregateChild struct {
	Unit   string   `json:"unit"`
	Name   string   `json:"name"`
	Value  msg.Text `json:"value"`
	Weight msg.Text `json:"weight"`
}

// OfAggregate computes the texts of one of r's aggregates.
func OfAggregate(r indicators.Result, a indicators.AggregateInput) Aggregate {
	weighted := a.Weight != ""
	d := rule.DocOf(a.Func, weighted)
	out := Aggregate{
		Call:       a.Func + "(" + a.Of + ")",
		Definition: msg.T(d.Name.ZH+"："+d.Formula.ZH, d.Name.EN+": "+d.Formula.EN),
		Missing:    d.Missing,
		Weighted:   weighted,
		Children:   []AggregateChild{},
	}
	if weighted {
		out.Call = a.Func + "(" + a.Of + ", " + a.Weight + ")"
	}
	var vs, ws []float64
	complete := true
	for _, c := range a.Children {
		row := AggregateChild{Unit: c.Unit, Name: c.Name, Value: stateText(c.State)}
		switch {
		case c.Value == nil:
		case a.Func == "share" || a.Func == "count":
			// The argument is a condition: a child meets it or not, and
			// "100%" beside a school would read as a rate.
			row.Value = msg.T("不满足", "no")
			if *c.Value != 0 {
				row.Value = msg.T("满足", "yes")
			}
		default:
			s := Number(*c.Value, r.Unit)
			row.Value = msg.T(s, s)
		}
		counted := c.State != "not_applicable"
		if weighted {
			row.Weight = stateText(c.WeightState)
			if c.Weight != nil {
				// Weights are counts of pupils, or any plain quantity.
				s := Number(*c.Weight, plan.Count)
				row.Weight = msg.T(s, s)
			}
		}
		if counted {
			switch {
			case c.Value == nil, weighted && c.Weight == nil:
				complete = false
			default:
				vs = append(vs, *c.Value)
				if weighted {
					ws = append(ws, *c.Weight)
				}
			}
		}
		out.Children = append(out.Children, row)
	}
	if a.Func == "cv" && complete && len(vs) > 0 && a.Value != nil {
		out.Steps = cvSteps(vs, ws, weighted)
	}
	return out
}

// cvSteps writes a cv out step by step, in the notation of its definition.
func cvSteps(vs, ws []float64, weighted bool) msg.Text {
	total, mean, sd := rule.CVParts(vs, ws)
	if total == 0 || mean == 0 {
		return msg.Text{}
	}
	n := func(x float64) string { return trim(fmt.Sprintf("%.2f", x)) }
	cv := significant(sd / mean)
	if weighted {
		return msg.T(
			fmt.Sprintf("P = %s，X̄ = %s，S = %s，CV = %s / %s = %s", n(total), n(mean), n(sd), n(sd), n(mean), cv),
			fmt.Sprintf("P = %s, X̄ = %s, S = %s, CV = %s / %s = %s", n(total), n(mean), n(sd), n(sd), n(mean), cv))
	}
	return msg.T(
		fmt.Sprintf("n = %s，x̄ = %s，S = %s，CV = %s / %s = %s", n(total), n(mean), n(sd), n(sd), n(mean), cv),
		fmt.Sprintf("n = %s, x̄ = %s, S = %s, CV = %s / %s = %s", n(total), n(mean), n(sd), n(sd), n(mean), cv))
}

// stateText names a child's state where it has no number.
func stateText(s string) msg.Text {
	switch s {
	case "missing":
		return msg.T("缺数据", "missing")
	case "not_computable":
		return msg.T("无法计算", "not computable")
	case "not_applicable":
		return msg.T("不适用", "not applicable")
	}
	return msg.T(None, None)
}
