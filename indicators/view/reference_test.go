package view

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// A figure against a target the plan sets for other units reads as
// reference everywhere it is shown: status, target, note and line.
func TestReferenceTexts(t *testing.T) {
	cityDistrict := &plan.Scope{Levels: []org.Level{org.City, org.District}}
	res := func(st indicators.Status, v float64, ref bool, f *plan.Scope) indicators.Result {
		r := indicators.Result{Indicator: "fitness_pass_rate", Name: msg.T("合格率", "pass rate"), Status: st, Reference: ref,
			Nature: plan.Binding, Unit: plan.Percent,
			Target: indicators.TargetInfo{Text: "达到95%以上", Op: rule.GE, Value: 0.95, Display: msg.T("≥ 95%", "≥ 95%"), For: f}}
		if st == indicators.Met || st == indicators.NotMet {
			r.Value = &v
			g := (v - 0.95) * 100
			r.Gap = &g
		}
		return r
	}
	for _, tc := range []struct {
		name                               string
		r                                  indicators.Result
		status, target, note, line         string
		statusEN, targetEN, noteEN, lineEN string
	}{
		{name: "a verdict on the city", r: res(indicators.NotMet, 0.9477, false, cityDistrict),
			status: "未达标", target: "≥ 95%", line: "合格率(fitness_pass_rate) 未达标：数值 94.77%，目标 ≥ 95%，差距 -0.23个百分点，差于目标（约束性）",
			statusEN: "not met", targetEN: "≥ 95%"},
		{name: "below, for reference", r: res(indicators.NotMet, 0.9477, true, cityDistrict),
			status: "参考：未达目标", target: "全市、辖市区目标 ≥ 95%", note: "计划对全市、辖市区提出此目标，本单位的数值仅供参考，不计入达标或未达标",
			line:     "合格率(fitness_pass_rate) 参考：未达目标：数值 94.77%，全市、辖市区目标 ≥ 95%，差距 -0.23个百分点，差于目标（约束性）",
			statusEN: "for reference: target not reached", targetEN: "≥ 95% (target for the city, districts)",
			noteEN: "the plan sets this target for the city, districts: this unit's figure is for reference, counted neither as met nor as not met",
			lineEN: "pass rate(fitness_pass_rate) for reference: target not reached: value 94.77%, ≥ 95% (target for the city, districts), gap -0.23 pp, worse than target (binding)"},
		{name: "reached, for reference", r: res(indicators.Met, 0.97, true, &plan.Scope{Levels: []org.Level{org.City}}),
			status: "参考：已达目标", target: "全市目标 ≥ 95%", note: "计划对全市提出此目标，本单位的数值仅供参考，不计入达标或未达标",
			statusEN: "for reference: target reached", targetEN: "≥ 95% (target for the city)"},
		{name: "no data, for reference", r: res(indicators.NoData, 0, true, cityDistrict),
			status: "参考：缺数据", target: "全市、辖市区目标 ≥ 95%", statusEN: "for reference: no data"},
		{name: "a kind of school", r: res(indicators.NotMet, 0.9, true, &plan.Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.JuniorSecond}}),
			target: "初中目标 ≥ 95%", note: "计划对初中提出此目标，本单位的数值仅供参考，不计入达标或未达标",
			targetEN: "≥ 95% (target for Junior secondary school)"},
		{name: "for reference without a scope (a hand-made result)", r: res(indicators.NotMet, 0.9, true, nil),
			target: "其他单位目标 ≥ 95%", note: "计划对其他单位提出此目标，本单位的数值仅供参考，不计入达标或未达标"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := Of(tc.r)
			check := func(want string, got string) {
				if want != "" {
					assert.Equal(t, want, got)
				}
			}
			check(tc.status, v.Status.ZH)
			check(tc.statusEN, v.Status.EN)
			check(tc.target, v.Target.ZH)
			check(tc.targetEN, v.Target.EN)
			check(tc.note, v.TargetNote.ZH)
			check(tc.noteEN, v.TargetNote.EN)
			check(tc.line, v.Line.ZH)
			check(tc.lineEN, v.Line.EN)
			if tc.r.Reference {
				require.NotEmpty(t, v.Notes)
				assert.Contains(t, v.Notes, v.TargetNote, "the note is listed under a table too")
			} else {
				assert.Empty(t, v.TargetNote)
			}
		})
	}
}

func TestReferenceTally(t *testing.T) {
	s := indicators.Summary{Binding: indicators.Counts{Met: 1}}
	ts := Tallies(s)
	require.Len(t, ts, 4, "no reference tally when there is none")
	assert.NotContains(t, SummaryText(s).ZH, "参考")

	s.Reference = indicators.Counts{Met: 1, NotMet: 2}
	ts = Tallies(s)
	require.Len(t, ts, 5)
	assert.Equal(t, Tally{Status: Reference, Name: msg.T("参考", "for reference"), Reference: 3}, ts[4])
	assert.Equal(t, 0, ts[1].Binding, "a reference below target is not counted as not met")
	assert.Equal(t, "约束性 达标 1，未达标 0，缺数据 0，无法计算 0；预期性 达标 0，未达标 0，缺数据 0，无法计算 0；参考 3", SummaryText(s).ZH)
	assert.Equal(t, "binding met 1, not met 0, no data 0, not computable 0; aspirational met 0, not met 0, no data 0, not computable 0; for reference 3", SummaryText(s).EN)
}
