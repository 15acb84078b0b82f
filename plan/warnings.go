package plan

import (
	"fmt"

	"github.com/eduplan/eduplan/msg"
)

// Warnings lists what in a valid plan is probably not what its author
// meant, though it can be read: a comparison against the indicator's
// declared direction (≥ on a lower-is-better indicator), a target met by any
// value (≥ 0), a fraction written where a percent is meant (0.99 on a
// percent), a count that declares no counter word. eduplan lint prints
// them; they never stop a plan from loading.
func (p *Plan) Warnings() msg.Problems {
	var ws msg.Problems
	for i, m := range p.Metrics {
		if m.Unit == Count && m.Counter == "" {
			ws.Add(fmt.Sprintf("metrics[%d].counter", i), "未声明计数单位（如 人、所、个）：表单和模板中不显示单位",
				"no counter word declared (such as 人, 所, 个): forms and templates show none")
		}
	}
	for i, ind := range p.Indicators {
		if _, warns, err := ind.ParseTarget(); err == nil {
			for _, w := range warns {
				ws.AddText(fmt.Sprintf("indicators[%d].target", i), w)
			}
		}
		for k := range ind.UnitTargets {
			if _, warns, err := ind.ParseUnitTarget(k); err == nil {
				for _, w := range warns {
					ws.AddText(fmt.Sprintf("indicators[%d].unit_targets[%d].target", i, k), w)
				}
			}
		}
	}
	return ws
}
