package view

import (
	"bytes"
	"encoding/csv"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

func f(v float64) *float64 { return &v }

func ge(v float64, zh, en string) indicators.TargetInfo {
	return indicators.TargetInfo{Op: rule.GE, Value: v, Display: msg.T(zh, en)}
}

func TestOf(t *testing.T) {
	tests := []struct {
		name string
		r    indicators.Result
		// value, target, gap, gap number and unit, status, nature in zh; value and gap in en
		value, target, gap, gapNumber, gapUnit, status, nature string
		valueEN, gapEN                                         string
	}{
		{"just under the bound keeps its decimals",
			indicators.Result{Status: indicators.NotMet, Unit: plan.Percent, Value: f(0.94996), Gap: f(-0.004), Target: ge(0.95, "≥ 95%", "≥ 95%")},
			"94.996%", "≥ 95%", "-0.004个百分点（差于目标）", "-0.004", "个百分点", "未达标", "约束性", "94.996%", "-0.004 pp (worse than target)"},
		{"on the bound",
			indicators.Result{Status: indicators.Met, Unit: plan.Percent, Value: f(0.95), Gap: f(0), Target: ge(0.95, "≥ 95%", "≥ 95%")},
			"95.00%", "≥ 95%", "0.00个百分点", "0.00", "个百分点", "达标", "约束性", "95.00%", "0.00 pp"},
		{"a gap between units reads in points",
			indicators.Result{Status: indicators.NotMet, Unit: plan.Percent, Value: f(0.1273), Gap: f(2.73),
				Target: indicators.TargetInfo{Op: rule.LE, Value: 0.1, Points: true, Display: msg.T("≤ 10个百分点", "≤ 10 pp")}},
			"12.73个百分点", "≤ 10个百分点", "+2.73个百分点（差于目标）", "+2.73", "个百分点", "未达标", "约束性", "12.73 pp", "+2.73 pp (worse than target)"},
		{"no data has no value and no gap",
			indicators.Result{Status: indicators.NoData, Unit: plan.Percent, Target: ge(0.98, "≥ 98%", "≥ 98%"), Reason: &msg.Text{ZH: "缺少数据", EN: "figures missing"}},
			"", "≥ 98%", "", "", "", "缺数据", "约束性", "", ""},
		{"not computable",
			indicators.Result{Status: indicators.NotComputable, Unit: plan.Percent, Target: ge(0.99, "≥ 99%", "≥ 99%")},
			"", "≥ 99%", "", "", "", "无法计算", "约束性", "", ""},
		{"aspirational count",
			indicators.Result{Status: indicators.NotMet, Nature: plan.Aspirational, Unit: plan.Count, Value: f(1), Gap: f(-2),
				Target: indicators.TargetInfo{Text: "力争3-4个", Op: rule.Between, Value: 3, Max: f(4)}},
			"1", "力争3-4个", "-2（差于目标）", "-2", "", "未达标", "预期性", "1", "-2 (worse than target)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Of(tt.r)
			assert.Equal(t, tt.value, v.Value.In("zh"))
			assert.Equal(t, tt.valueEN, v.Value.In("en"))
			assert.Equal(t, tt.target, v.Target.In("zh"))
			assert.Equal(t, tt.gap, v.Gap.In("zh"))
			assert.Equal(t, tt.gapEN, v.Gap.In("en"))
			assert.Equal(t, tt.gapNumber, v.GapNumber)
			assert.Equal(t, tt.gapUnit, v.GapUnit.In("zh"))
			assert.Equal(t, tt.status, v.Status.In("zh"))
			assert.Equal(t, tt.nature, v.Nature.In("zh"))
		})
	}
}

// Values and gaps show the decimals the plan declares for the indicator, or
// its unit's default: two for percents with their zeros kept, as bureaus
// publish rates; up to two otherwise. A value that would round onto its
// bound shows more, whatever was declared.
func TestDecimals(t *testing.T) {
	one, zero, three := 1, 0, 3
	tests := []struct {
		name       string
		unit       plan.Unit
		decimals   *int
		value, gap float64
		wantValue  string
		wantGap    string
	}{
		{"a percent shows two by default", plan.Percent, nil, 100.0 / 365, -71.6, "27.40%", "-71.60个百分点（差于目标）"},
		{"a whole percent too", plan.Percent, nil, 1, 1, "100.00%", "+1.00个百分点（差于目标）"},
		{"one declared", plan.Percent, &one, 0.992, 0.2, "99.2%", "+0.2个百分点（差于目标）"},
		{"none declared", plan.Percent, &zero, 0.9949, -0.51, "99%", "-1个百分点（差于目标）"},
		{"declared decimals give way to the status", plan.Percent, &one, 0.94996, -0.004, "94.996%", "-0.004个百分点（差于目标）"},
		{"extra decimals drop their zeros, not the declared ones", plan.Percent, nil, 0.9499, -0.01, "94.99%", "-0.01个百分点（差于目标）"},
		{"a count shows whole numbers by default", plan.Count, nil, 14, -2, "14", "-2（差于目标）"},
		{"a ratio up to two by default", plan.Ratio, nil, 17.5, 0.5, "17.5", "+0.5（差于目标）"},
		{"a ratio with one declared keeps its zero", plan.Ratio, &one, 17, 0, "17.0", "0.0"},
		{"a score with three", plan.Score, &three, 94.5, -0.5, "94.500", "-0.500（差于目标）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := indicators.Result{Status: indicators.NotMet, Unit: tt.unit, Decimals: tt.decimals, Value: f(tt.value), Gap: f(tt.gap),
				Target: ge(0, "≥ 0", "≥ 0")}
			v := Of(r)
			assert.Equal(t, tt.wantValue, v.Value.ZH)
			assert.Equal(t, tt.wantGap, v.Gap.ZH)
			assert.Equal(t, v.Value, ValueOf(r), "a table cell shows the value as a result row does")
		})
	}
}

func TestLine(t *testing.T) {
	r := indicators.Result{Indicator: "fitness", Name: msg.T("合格率", "Pass rate"), Status: indicators.NotMet,
		Unit: plan.Percent, Value: f(0.94996), Gap: f(-0.004), Target: ge(0.95, "≥ 95%", "≥ 95%")}
	v := Of(r)
	assert.Equal(t, "合格率(fitness) 未达标：数值 94.996%，目标 ≥ 95%，差距 -0.004个百分点，差于目标（约束性）", v.Line.ZH)
	assert.Equal(t, "Pass rate(fitness) not met: value 94.996%, target ≥ 95%, gap -0.004 pp, worse than target (binding)", v.Line.EN)

	r = indicators.Result{Indicator: "x", Status: indicators.NoData, Nature: plan.Aspirational, Unit: plan.Count,
		Target: ge(3, "≥ 3", "≥ 3"), Reason: &msg.Text{ZH: "缺少数据：学校数", EN: "figures missing: schools"}}
	v = Of(r)
	assert.Equal(t, "x 缺数据：目标 ≥ 3；缺少数据：学校数（预期性）", v.Line.ZH)
	assert.Equal(t, "x no data: target ≥ 3; figures missing: schools (aspirational)", v.Line.EN)
	assert.Equal(t, []msg.Text{{ZH: "缺少数据：学校数", EN: "figures missing: schools"}}, v.Notes)
}

// A met value past the far end of a range says where it stands: 11 against
// "8-10所" where more is better is above the range; inside the range, on a
// plain bound, or not met, nothing is added.
func TestBeyondTheRange(t *testing.T) {
	rng := indicators.TargetInfo{Text: "8-10所", Op: rule.Between, Value: 8, Max: f(10), Display: msg.T("8–10", "8–10")}
	above := msg.T("高于计划范围（超额完成）", "above the range (more than planned)")
	below := msg.T("低于计划范围（优于预期）", "below the range (better than planned)")
	tests := []struct {
		name string
		r    indicators.Result
		want []msg.Text
	}{
		{"above a range", indicators.Result{Status: indicators.Met, Unit: plan.Count, Value: f(11), Gap: f(1), Target: rng}, []msg.Text{above}},
		{"below a range where less is better", indicators.Result{Status: indicators.Met, Unit: plan.Count, Value: f(7), Gap: f(-1), Target: rng}, []msg.Text{below}},
		{"inside the range", indicators.Result{Status: indicators.Met, Unit: plan.Count, Value: f(9), Gap: f(0), Target: rng}, nil},
		{"short of the range", indicators.Result{Status: indicators.NotMet, Unit: plan.Count, Value: f(7), Gap: f(-1), Target: rng}, nil},
		{"over a plain bound", indicators.Result{Status: indicators.Met, Unit: plan.Count, Value: f(11), Gap: f(1), Target: ge(8, "≥ 8", "≥ 8")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Of(tt.r).Notes)
		})
	}
}

func TestOriginAndNotes(t *testing.T) {
	w := msg.T("数值超过100%", "above 100%")
	r := indicators.Result{Status: indicators.Met, Unit: plan.Percent, Value: f(1.03), Gap: f(4), Origin: indicators.Reported,
		Target: ge(0.99, "≥ 99%", "≥ 99%"), Warnings: []msg.Text{w},
		Places: []plan.Place{{ID: "t4", Label: msg.T("任务4", "Task 4")}, {ID: "g1", Label: msg.T("总体目标1", "")}}}
	v := Of(r)
	assert.Equal(t, "填报", v.Origin.ZH)
	assert.Equal(t, "任务4、总体目标1", v.Places.ZH)
	assert.Equal(t, "Task 4, 总体目标1", v.Places.EN, "a place without English keeps its Chinese label")
	require.Len(t, v.Notes, 2)
	assert.Equal(t, w, v.Notes[1])
	r.Origin, r.Value = indicators.Computed, nil
	assert.True(t, Of(r).Origin.IsZero(), "no value, no origin")
}

func TestNumberGapTypedQuantity(t *testing.T) {
	assert.Equal(t, "99.2%", Number(0.992, plan.Percent))
	assert.Equal(t, "14", Number(14, plan.Count))
	assert.Equal(t, "2.5", Number(2.5, plan.Ratio))
	assert.Equal(t, "33.33%", Number(1.0/3, plan.Percent))
	assert.Equal(t, None, Number(math.NaN(), plan.Percent))
	assert.Equal(t, None, Number(math.Inf(1), plan.Count))

	assert.Equal(t, msg.T("+0.20个百分点", "+0.20 pp"), Gap(0.2, plan.Percent, false))
	assert.Equal(t, msg.T("-5.00个百分点", "-5.00 pp"), Gap(-5, plan.Ratio, true))
	assert.Equal(t, msg.T("-0.004", "-0.004"), Gap(-0.004, plan.Number, false), "a small gap keeps the decimals that tell it from zero")

	assert.Equal(t, "99.2", Typed(0.992, plan.Percent))
	assert.Equal(t, "1234", Typed(1234, plan.Count))

	r := indicators.Result{Unit: plan.Percent, Target: indicators.TargetInfo{Points: true}}
	assert.Equal(t, msg.T("12.73个百分点", "12.73 pp"), Quantity(r, 0.1273))
	assert.Equal(t, msg.T("-5.00个百分点", "-5.00 pp"), Quantity(r, -0.05), "an aggregate of a percent has the percent's decimals")
	r.Target.Points = false
	assert.Equal(t, msg.T("12.73%", "12.73%"), Quantity(r, 0.1273))
}

func TestUnitNames(t *testing.T) {
	kg := dataset.OrgUnit{ID: "k1", Name: "实验幼儿园", Level: org.School, Kind: org.Kindergarten}
	assert.Equal(t, "幼儿园", UnitKind(kg).ZH)
	assert.Equal(t, "实验幼儿园(k1)", UnitLabel(kg))
	d := dataset.OrgUnit{ID: "d", Level: org.District}
	assert.Equal(t, "District", UnitKind(d).EN)
	assert.Equal(t, "d", UnitLabel(d))
}

func TestSummaryText(t *testing.T) {
	s := indicators.Summary{Binding: indicators.Counts{Met: 10, NotMet: 1, NoData: 2}, Aspirational: indicators.Counts{Met: 1, NotApplicable: 2}}
	assert.Equal(t, "约束性 达标 10，未达标 1，缺数据 2，无法计算 0；预期性 达标 1，未达标 0，缺数据 0，无法计算 0，不适用 2", SummaryText(s).ZH)
	assert.Equal(t, "binding met 10, not met 1, no data 2, not computable 0; aspirational met 1, not met 0, no data 0, not computable 0, not applicable 2", SummaryText(s).EN)
}

func TestTallies(t *testing.T) {
	s := indicators.Summary{Binding: indicators.Counts{Met: 10, NotMet: 1}, Aspirational: indicators.Counts{NotMet: 2}}
	ts := Tallies(s)
	require.Len(t, ts, 4, "not applicable only when there is any")
	assert.Equal(t, Tally{Status: indicators.NotMet, Name: msg.T("未达标", "not met"), Binding: 1, Aspirational: 2}, ts[1])
	s.Aspirational.NotApplicable = 1
	assert.Equal(t, indicators.NotApplicable, Tallies(s)[4].Status)
}

func TestStatusNames(t *testing.T) {
	for _, s := range indicators.Statuses() {
		assert.True(t, s.Known())
		assert.NotEqual(t, string(s), s.Name().ZH, "%s has a Chinese name", s)
	}
	odd := indicators.Status("odd")
	assert.False(t, odd.Known())
	assert.Equal(t, "odd", odd.Name().ZH, "an unknown status shows as written")
}

func TestWriteCSV(t *testing.T) {
	rep := &indicators.Report{Year: 2017, Units: []indicators.UnitReport{{
		Unit: dataset.OrgUnit{ID: "k1", Name: "实验幼儿园", Level: org.School, Kind: org.Kindergarten, Parent: "d"},
		Results: []indicators.Result{
			{Indicator: "fit", Name: msg.T("合格率", "Pass rate"), Status: indicators.NotMet, Unit: plan.Percent,
				Value: f(0.94996), Gap: f(-0.004), Target: ge(0.95, "≥ 95%", "≥ 95%"),
				Places: []plan.Place{{ID: "t4", Label: msg.T("任务4", "Task 4")}}, Wording: "合格率达到95%以上"},
			{Indicator: "=bad", Name: msg.T("=HYPERLINK(1)", ""), Status: indicators.NoData, Unit: plan.Percent,
				Target: ge(0.98, "≥ 98%", "≥ 98%"), Reason: &msg.Text{ZH: "缺少数据", EN: "figures missing"}},
		},
	}}}
	for _, lang := range []string{"zh", "en"} {
		var b bytes.Buffer
		require.NoError(t, WriteCSV(&b, rep, lang))
		require.True(t, bytes.HasPrefix(b.Bytes(), []byte("\xEF\xBB\xBF")), "a BOM for Excel")
		assert.Contains(t, b.String(), "\r\n")
		rows, err := csv.NewReader(bytes.NewReader(b.Bytes()[3:])).ReadAll()
		require.NoError(t, err)
		require.Len(t, rows, 3)
		assert.Equal(t, Columns(lang), rows[0])
		assert.Len(t, rows[0], 19)
		row := map[string]string{}
		for i, h := range Columns("en") {
			row[h] = rows[1][i]
		}
		assert.Equal(t, "94.996%", row["value"])
		assert.Equal(t, "-0.004", row["gap"])
		assert.Equal(t, pick(lang, "个百分点", "pp"), row["gap_unit"])
		assert.Equal(t, pick(lang, "未达标", "not met"), row["status"])
		assert.Equal(t, pick(lang, "任务4", "Task 4"), row["places"])
		assert.Equal(t, pick(lang, "幼儿园", "Kindergarten"), row["kind"])
		assert.Equal(t, "2017", row["year"])
		assert.Equal(t, "'=bad", rows[2][6], "formula-like cells are kept as text")
		assert.Equal(t, "'=HYPERLINK(1)", rows[2][7])
		assert.Equal(t, "", rows[2][10], "missing is empty, never zero")
	}
	var b bytes.Buffer
	require.NoError(t, WriteCSV(&b, nil, "zh"))
	assert.Equal(t, "\uFEFF单位编号,单位名称,层级,类别,上级单位,年度,指标编号,指标,性质,状态,数值,目标,差距,差距单位,差距方向,来源,出处,原文,说明\r\n", b.String())
}

func TestOfRule(t *testing.T) {
	resolve := func(name string) (string, bool) { return name, name == "a" || name == "b" }
	compile := func(src string) *rule.Rule {
		r, err := rule.CompileRule(src, resolve, rule.Limits{})
		require.NoError(t, err, src)
		return r
	}
	for _, tc := range []struct {
		src                       string
		res                       indicators.RuleResult
		status, value, target, gp string
	}{
		{"a / b <= 5%", indicators.RuleResult{Status: indicators.Met, Value: f(0.03), Gap: f(-2)},
			"met", "3.00%", "≤ 5%", "-2.00 pp (better than target)"},
		// No target and no unit known: no verdict, and the value keeps
		// six significant digits.
		{"a / b", indicators.RuleResult{Status: indicators.NoTarget, Value: f(0.992134567)},
			"no target", "0.992135", "", ""},
		// No target, a percent formula: the value in percent.
		{"a / b", indicators.RuleResult{Status: indicators.NoTarget, Value: f(0.992134567), Unit: plan.Percent},
			"no target", "99.21%", "", ""},
		{"a", indicators.RuleResult{Status: indicators.NoTarget, Value: f(14), Unit: plan.Count},
			"no target", "14", "", ""},
		// A condition is its own target.
		{"a >= b", indicators.RuleResult{Status: indicators.NotMet, Value: f(0)},
			"not met", "does not hold", "", ""},
		{"a >= b", indicators.RuleResult{Status: indicators.Met, Value: f(1)},
			"met", "holds", "", ""},
		{"a >= 14", indicators.RuleResult{Status: indicators.NotMet, Value: f(13), Gap: f(-1)},
			"not met", "13", "≥ 14", "-1 (worse than target)"},
		{"a / b >= 95%", indicators.RuleResult{Status: indicators.NoData},
			"no data", "", "≥ 95%", ""},
	} {
		v := OfRule(compile(tc.src), tc.res)
		assert.Equal(t, tc.status, v.Status.In("en"), tc.src)
		assert.Equal(t, tc.value, v.Value.In("en"), tc.src)
		assert.Equal(t, tc.target, v.Target.In("en"), tc.src)
		assert.Equal(t, tc.gp, v.Gap.In("en"), tc.src)
	}
}

// A target is explained by its reading and the words it was read from; a
// target typed alone has no value and no verdict.
func TestTargetReading(t *testing.T) {
	ab := func(name string) (string, bool) { return name, name == "a" || name == "b" }
	for _, tc := range []struct{ src, zh, en string }{
		{"达99%以上", "≥ 99%，由“达…以上”读出", "≥ 99%, read from “达…以上”"},
		{"控制在5%以内", "≤ 5%，由“控制在…以内”读出", "≤ 5%, read from “控制在…以内”"},
		{"不超过5个百分点", "≤ 5个百分点，由“不超过…个百分点”读出", "≤ 5 pp, read from “不超过…个百分点”"},
		{"力争达85%", "≥ 85%，由“力争…”“达…”读出", "≥ 85%, read from “力争…” “达…”"},
		{"≥99%", "≥ 99%", "≥ 99%"},
	} {
		r, err := rule.CompileRule(tc.src, ab, rule.Limits{})
		require.NoError(t, err, tc.src)
		require.True(t, r.TargetAlone(), tc.src)
		v := OfRule(r, indicators.RuleResult{Status: indicators.NotApplicable})
		assert.Equal(t, msg.T(tc.zh, tc.en), v.Reading, tc.src)
		assert.Equal(t, msg.T("仅目标", "target only"), v.Status, tc.src)
		assert.True(t, v.Value.IsZero(), tc.src)
		assert.True(t, v.Gap.IsZero(), tc.src)
	}
	r, err := rule.CompileRule("a / b 达99%以上", ab, rule.Limits{})
	require.NoError(t, err)
	v := OfRule(r, indicators.RuleResult{Status: indicators.Met, Value: f(0.995), Gap: f(0.5)})
	assert.Equal(t, "≥ 99%，由“达…以上”读出", v.Reading.ZH, "a target after a formula is explained alike")
}
