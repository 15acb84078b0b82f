package lint

import (
	"fmt"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// unreachableRules warns of each validation rule that no unit it applies
// to can check: a rule concerns a unit only when the unit has every figure
// it reads (reports it, or sums it from below), so a rule comparing a
// kindergarten's figure with a primary school's, held to schools, would
// never be checked and never say so.
func unreachableRules(p *plan.Plan) msg.Problems {
	var ws msg.Problems
	r := newReach(p)
	for i, vr := range p.ValidationRules {
		// Both sides as one formula: what the rule reads, as an
		// indicator's formula would.
		pseudo := &plan.Indicator{ID: fmt.Sprintf("validation_rules[%d]", i), Formula: "(" + vr.Left + ") - (" + vr.Right + ")"}
		cs := r.classes(vr.AppliesTo)
		ok := len(cs) == 0
		for _, c := range cs {
			if len(r.missing(pseudo, c)) == 0 {
				ok = true
				break
			}
		}
		if ok {
			continue
		}
		scope := vr.AppliesTo.Name()
		ws.AddText(pseudo.ID, msg.Text{
			ZH: fmt.Sprintf("适用范围（%s）内没有一类单位同时具有规则两边所需的全部数据：该规则永远不会被检查；请核对 applies_to 或数据项的 reported_by", scope.ZH),
			EN: fmt.Sprintf("no kind of unit it applies to (%s) has every figure both sides read: the rule would never be checked; check applies_to or the metrics' reported_by", scope.EN),
		})
	}
	return ws
}
