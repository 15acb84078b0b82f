package lint

import (
	"fmt"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// overWarnings flags an indicator's over (the level its aggregates range
// over) that cannot be what the author meant: a formula with no aggregate,
// which over changes nothing in, or a level that is not below a level the
// indicator applies to, where its aggregates find no unit and give no data.
func overWarnings(p *plan.Plan) msg.Problems {
	var ws msg.Problems
	r := newReach(p)
	h := plan.Hierarchy(p)
	for i, ind := range p.Indicators {
		if ind.Over == "" {
			continue
		}
		prog, err := rule.CompileFormula(ind.Formula, r.lookup, rule.DefaultLimits)
		over, known := h.Rank(ind.Over)
		if err != nil || !known {
			continue // validation reports them
		}
		path := fmt.Sprintf("indicators[%d].over", i)
		if len(prog.Aggregates()) == 0 {
			ws.Add(path, "公式中没有汇总函数（sum、cv、spread 等），over 不起作用",
				"the formula has no aggregate (sum, cv, spread …): over changes nothing")
			continue
		}
		levels := ind.AppliesTo.Levels
		if len(levels) == 0 {
			levels = h.IDs()
		}
		for _, l := range levels {
			if at, _ := h.Rank(l); at >= over {
				ws.Add(path, "层级 %[1]q 不在 %[2]q 之下：对 %[2]q 单位汇总时没有可计入的单位，结果为缺数据",
					"%[1]q is not below %[2]q: a unit of %[2]q has no unit of it to aggregate over and gets no data",
					ind.Over, l)
				break
			}
		}
	}
	return ws
}
