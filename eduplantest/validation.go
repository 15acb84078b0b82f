package eduplantest

import (
	"testing"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/view"
)

// reportRules reports the plan's validation rules: a rule of high
// importance violated on a unit fails the test (with Aspirational, any
// violated rule does, as `eduplan check --fail-on any`); a rule of lower
// importance violated, or skipped for missing figures, is logged. With a
// *testing.T the rules run as subtests "validation/<rule id>".
func (c *config) reportRules(t testing.TB, r *indicators.Report) {
	t.Helper()
	v := r.Validation
	if v == nil {
		return
	}
	byRule := map[string][]indicators.ValidationResult{}
	for _, res := range v.Results {
		byRule[res.Rule] = append(byRule[res.Rule], res)
	}
	one := func(t testing.TB, rs indicators.RuleSummary) {
		t.Helper()
		for _, res := range byRule[rs.ID] {
			line := view.OfValidation(res).Line.In(c.lang)
			if c.policy.FailsRule(res) {
				t.Errorf("%s", line)
			} else {
				t.Logf("%s", line)
			}
		}
	}
	tt, subtests := t.(*testing.T)
	if !subtests {
		for _, rs := range v.Rules {
			one(t, rs)
		}
		return
	}
	tt.Run("validation", func(vt *testing.T) {
		for _, rs := range v.Rules {
			vt.Run(rs.ID, func(st *testing.T) {
				st.Helper()
				if rs.Counts.Checked == 0 {
					st.Skipf("%s: %s", rs.ID, pick(c.lang, "数据中没有适用该规则的单位", "no unit of the data is concerned"))
				}
				one(st, rs)
			})
		}
	})
}
