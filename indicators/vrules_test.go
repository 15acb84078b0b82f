package indicators_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// ruleCatalog is a kindergarten's enrolment split two ways, and a primary
// school's pupils, with rules over them.
func ruleCatalog(t *testing.T, rules ...plan.ValidationRule) *indicators.Catalog {
	t.Helper()
	kg := plan.Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Kindergarten}}
	metrics := []plan.Metric{
		{ID: "enrolled", Name: msg.T("在园幼儿数", "children enrolled"), Unit: plan.Count, Integral: true, Aggregate: plan.Sum, ReportedBy: kg},
		{ID: "age3_5", Name: msg.T("3-5岁在园幼儿数", "children aged 3-5 enrolled"), Unit: plan.Count, Integral: true, Aggregate: plan.Sum, ReportedBy: kg},
		{ID: "urban", Name: msg.T("城镇在园幼儿数", "urban"), Unit: plan.Count, Integral: true, Aggregate: plan.Sum, ReportedBy: kg},
		{ID: "rural", Name: msg.T("农村在园幼儿数", "rural"), Unit: plan.Count, Integral: true, Aggregate: plan.Sum, ReportedBy: kg},
		{ID: "pupils", Name: msg.T("在校生数", "pupils"), Unit: plan.Count, Integral: true, Aggregate: plan.Sum,
			ReportedBy: plan.Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Primary}}},
	}
	cat, err := indicators.NewCatalog(metrics, nil, nil)
	require.NoError(t, err)
	cat, err = cat.WithRules(rules)
	require.NoError(t, err)
	return cat
}

var (
	rCity = dataset.OrgUnit{ID: "c", Name: "市", Level: org.City}
	rDist = dataset.OrgUnit{ID: "d", Name: "区", Level: org.District, Parent: "c"}
	rKg1  = dataset.OrgUnit{ID: "k1", Name: "一园", Level: org.School, Kind: org.Kindergarten, Parent: "d"}
	rKg2  = dataset.OrgUnit{ID: "k2", Name: "二园", Level: org.School, Kind: org.Kindergarten, Parent: "d"}
	rPri  = dataset.OrgUnit{ID: "p1", Name: "一小", Level: org.School, Kind: org.Primary, Parent: "d"}
)

func statusOf(t *testing.T, rep *indicators.Report, unit, ruleID string) indicators.RuleStatus {
	t.Helper()
	require.NotNil(t, rep.Validation)
	for _, r := range rep.Validation.Results {
		if r.Unit.ID == unit && r.Rule == ruleID {
			return r.Status
		}
	}
	return indicators.RulePassed
}

func TestValidationOperatorsAndTolerance(t *testing.T) {
	for _, tc := range []struct {
		op       plan.Operator
		tol      float64
		l, r     float64
		violated bool
	}{
		{plan.OpEQ, 0, 420, 420, false},
		{plan.OpEQ, 0, 419, 420, true},
		{plan.OpEQ, 1, 419, 420, false},
		{plan.OpEQ, 1, 418, 420, true},
		{plan.OpNE, 0, 419, 420, false},
		{plan.OpNE, 0, 420, 420, true},
		{plan.OpNE, 1, 419, 420, true},
		{plan.OpLE, 0, 420, 420, false},
		{plan.OpLE, 0, 450, 420, true},
		{plan.OpLE, 30, 450, 420, false},
		{plan.OpLE, 29, 450, 420, true},
		{plan.OpLT, 0, 420, 420, true},
		{plan.OpLT, 0, 419, 420, false},
		{plan.OpLT, 2, 421, 420, false},
		{plan.OpGE, 0, 420, 420, false},
		{plan.OpGE, 0, 419, 420, true},
		{plan.OpGE, 1, 419, 420, false},
		{plan.OpGT, 0, 420, 420, true},
		{plan.OpGT, 0, 421, 420, false},
		{plan.OpGT, 2, 419, 420, false},
	} {
		cat := ruleCatalog(t, plan.ValidationRule{ID: "r", Name: msg.T("规则", "rule"), Left: "age3_5", Operator: tc.op,
			Right: "enrolled", Tolerance: tc.tol})
		d := build(t, []dataset.OrgUnit{rKg1}, map[string]figures{"k1": {"age3_5": tc.l, "enrolled": tc.r}})
		rep, err := cat.Assess(d, indicators.Options{})
		require.NoError(t, err)
		want := indicators.RulePassed
		if tc.violated {
			want = indicators.RuleViolated
		}
		assert.Equal(t, want, statusOf(t, rep, "k1", "r"), "%v %s %v ± %v", tc.l, tc.op, tc.r, tc.tol)
		assert.Equal(t, 1, rep.Validation.Counts.Checked)
	}
}

func TestValidationResultValues(t *testing.T) {
	cat := ruleCatalog(t, plan.ValidationRule{ID: "age_le_all", Name: msg.T("3-5岁在园幼儿数 ≤ 在园幼儿数", "aged 3-5 ≤ all enrolled"),
		Left: "age3_5", Operator: plan.OpLE, Right: "在园幼儿数", Importance: plan.High})
	d := build(t, []dataset.OrgUnit{rKg1}, map[string]figures{"k1": {"age3_5": 450, "enrolled": 420}})
	rep, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	v := rep.Validation
	require.Len(t, v.Results, 1)
	r := v.Results[0]
	assert.Equal(t, "k1", r.Unit.ID)
	assert.Equal(t, indicators.RuleViolated, r.Status)
	assert.Equal(t, plan.High, r.Importance)
	assert.Equal(t, plan.Count, r.ValueUnit)
	require.NotNil(t, r.LeftValue)
	require.NotNil(t, r.RightValue)
	require.NotNil(t, r.Difference)
	assert.Equal(t, []float64{450, 420, 30}, []float64{*r.LeftValue, *r.RightValue, *r.Difference})
	assert.Equal(t, indicators.RuleCounts{Checked: 1, Violated: 1}, v.Counts)
	assert.Equal(t, []indicators.RuleSummary{{ID: "age_le_all", Name: msg.T("3-5岁在园幼儿数 ≤ 在园幼儿数", "aged 3-5 ≤ all enrolled"),
		Importance: plan.High, Left: "age3_5", Operator: plan.OpLE, Right: "在园幼儿数",
		Counts: indicators.RuleCounts{Checked: 1, Violated: 1}}}, v.Rules)

	// The JSON report reads back the same.
	var buf bytes.Buffer
	require.NoError(t, rep.WriteJSON(&buf))
	back, err := indicators.ReadReport(&buf)
	require.NoError(t, err)
	assert.Equal(t, rep.Validation, back.Validation)
}

func TestValidationMissingStrategies(t *testing.T) {
	sum := func(s plan.MissingValueStrategy) plan.ValidationRule {
		return plan.ValidationRule{ID: "parts", Name: msg.T("城镇+农村=总数", "urban + rural = total"),
			Left: "urban + rural", Operator: plan.OpEQ, Right: "enrolled", MissingValueStrategy: s}
	}
	for _, tc := range []struct {
		name     string
		strategy plan.MissingValueStrategy
		figs     figures
		want     indicators.RuleStatus
		missing  []string
	}{
		{"all present", "", figures{"urban": 300, "rural": 120, "enrolled": 420}, indicators.RulePassed, nil},
		{"default skips one missing", "", figures{"urban": 300, "enrolled": 420}, indicators.RuleSkipped, []string{"rural"}},
		{"any skips one missing", plan.SkipIfAnyValueMissing, figures{"urban": 300, "enrolled": 420}, indicators.RuleSkipped, []string{"rural"}},
		{"all: one missing counts zero", plan.SkipIfAllValuesMissing, figures{"urban": 300, "enrolled": 420}, indicators.RuleViolated, []string{"rural"}},
		{"all: zero that fits", plan.SkipIfAllValuesMissing, figures{"urban": 420, "enrolled": 420}, indicators.RulePassed, []string{"rural"}},
		{"all: all missing skips", plan.SkipIfAllValuesMissing, figures{}, indicators.RuleSkipped, []string{"rural", "urban", "enrolled"}},
		{"never: all missing is 0 = 0", plan.NeverSkip, figures{}, indicators.RulePassed, []string{"rural", "urban", "enrolled"}},
		{"never: one missing counts zero", plan.NeverSkip, figures{"urban": 300, "enrolled": 420}, indicators.RuleViolated, []string{"rural"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cat := ruleCatalog(t, sum(tc.strategy))
			d := build(t, []dataset.OrgUnit{rKg1}, map[string]figures{"k1": tc.figs})
			ev := cat.Evaluate(d)
			res, ok := ev.ValidationResult("parts", 0)
			require.True(t, ok)
			assert.Equal(t, tc.want, res.Status)
			var missing []string
			for _, m := range res.Missing {
				missing = append(missing, m.ID)
			}
			assert.Equal(t, tc.missing, missing)
			if tc.want == indicators.RuleSkipped {
				assert.Nil(t, res.LeftValue)
				assert.Nil(t, res.Difference)
			}
		})
	}
}

func TestValidationScopeAndHierarchy(t *testing.T) {
	cat := ruleCatalog(t,
		plan.ValidationRule{ID: "age", Name: msg.T("年龄段≤总数", "age group ≤ all"), Left: "age3_5", Operator: plan.OpLE, Right: "enrolled"},
		plan.ValidationRule{ID: "kg_only", Name: msg.T("仅学校", "schools only"), Left: "age3_5", Operator: plan.OpLE, Right: "enrolled",
			AppliesTo: plan.Scope{Levels: []org.Level{org.School}}},
		plan.ValidationRule{ID: "pupils", Name: msg.T("在校生非负", "pupils not negative"), Left: "pupils", Operator: plan.OpGE, Right: "0"},
		plan.ValidationRule{ID: "mixed", Name: msg.T("幼儿不多于小学生", "children ≤ pupils"), Left: "age3_5", Operator: plan.OpLE, Right: "pupils",
			MissingValueStrategy: plan.NeverSkip},
	)
	d := build(t, []dataset.OrgUnit{rCity, rDist, rKg1, rKg2, rPri}, map[string]figures{
		"k1": {"age3_5": 450, "enrolled": 420},
		"k2": {"age3_5": 100, "enrolled": 200},
		"p1": {"pupils": 800},
	})
	ev := cat.Evaluate(d)
	status := func(id string, unit int) indicators.RuleStatus {
		r, ok := ev.ValidationResult(id, unit)
		if !ok {
			return ""
		}
		return r.Status
	}
	// Units: c d k1 k2 p1. A district and the city see the sums of their
	// kindergartens (550 ≤ 620 holds although k1 breaks it).
	assert.Equal(t, []indicators.RuleStatus{indicators.RulePassed, indicators.RulePassed, indicators.RuleViolated, indicators.RulePassed, ""},
		[]indicators.RuleStatus{status("age", 0), status("age", 1), status("age", 2), status("age", 3), status("age", 4)},
		"a kindergarten rule does not concern the primary school")
	assert.Equal(t, []indicators.RuleStatus{"", "", indicators.RuleViolated, indicators.RulePassed, ""},
		[]indicators.RuleStatus{status("kg_only", 0), status("kg_only", 1), status("kg_only", 2), status("kg_only", 3), status("kg_only", 4)})
	assert.Equal(t, []indicators.RuleStatus{indicators.RulePassed, indicators.RulePassed, "", "", indicators.RulePassed},
		[]indicators.RuleStatus{status("pupils", 0), status("pupils", 1), status("pupils", 2), status("pupils", 3), status("pupils", 4)})
	// A figure the unit is not expected to report is no gap in its data,
	// even under never_skip: only the units that have both figures.
	assert.Equal(t, []indicators.RuleStatus{indicators.RulePassed, indicators.RulePassed, "", "", ""},
		[]indicators.RuleStatus{status("mixed", 0), status("mixed", 1), status("mixed", 2), status("mixed", 3), status("mixed", 4)})
	r, ok := ev.ValidationResult("age", 1)
	require.True(t, ok)
	assert.Equal(t, 550.0, *r.LeftValue)
	assert.Equal(t, 620.0, *r.RightValue)

	// A report of some units validates those units only.
	rep, err := ev.Report(indicators.Options{Units: []string{"k2"}})
	require.NoError(t, err)
	assert.Empty(t, rep.Validation.Results)
	assert.Equal(t, 2, rep.Validation.Counts.Checked, "k2: age and kg_only")
}

func TestValidationNotComputable(t *testing.T) {
	cat := ruleCatalog(t, plan.ValidationRule{ID: "share", Name: msg.T("比例", "share"), Left: "age3_5 / enrolled", Operator: plan.OpLE, Right: "100%"})
	d := build(t, []dataset.OrgUnit{rKg1}, map[string]figures{"k1": {"age3_5": 0, "enrolled": 0}})
	r, ok := cat.Evaluate(d).ValidationResult("share", 0)
	require.True(t, ok)
	assert.Equal(t, indicators.RuleNotComputable, r.Status)
	assert.Equal(t, plan.Number, r.ValueUnit, "a quotient of counts is no count")
}

// A catalogue without rules reports no validation at all.
func TestNoRulesNoValidation(t *testing.T) {
	d := build(t, []dataset.OrgUnit{rKg1}, map[string]figures{"k1": {"enrolled": 3}})
	rep, err := ruleCatalog(t).Assess(d, indicators.Options{})
	require.NoError(t, err)
	assert.Nil(t, rep.Validation)
}

func TestWithRulesRefusesBadRules(t *testing.T) {
	cat := ruleCatalog(t)
	_, err := cat.WithRules([]plan.ValidationRule{{ID: "x", Left: "enroled", Operator: "=<", Right: "enrolled"}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "validation_rules[0].left")
	assert.Contains(t, err.Error(), "validation_rules[0].operator")
	assert.Empty(t, cat.Rules(), "the catalogue it was called on is unchanged")
}

// A side may aggregate over child units, as formulas do: a district that
// reports its own total is held to the sum of its kindergartens'. A side
// may name an indicator, whose unit the values are shown in.
func TestValidationAggregatesAndIndicators(t *testing.T) {
	kg := plan.Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Kindergarten}}
	metrics := []plan.Metric{
		{ID: "enrolled", Name: msg.T("在园幼儿数", "enrolled"), Unit: plan.Count, Aggregate: plan.Sum, ReportedBy: kg},
		{ID: "places", Name: msg.T("学位数", "places"), Unit: plan.Count, Aggregate: plan.Sum, ReportedBy: kg},
	}
	inds := []plan.Indicator{{ID: "fill", Name: msg.T("学位使用率", "share of places filled"), Formula: "enrolled / places",
		Unit: plan.Percent, Target: "≥ 90%", MayExceed100: true}}
	cat, err := indicators.NewCatalog(metrics, inds, nil)
	require.NoError(t, err)
	cat, err = cat.WithRules([]plan.ValidationRule{
		{ID: "own_vs_sum", Name: msg.T("区报数等于各园之和", "own = sum"), Left: "enrolled", Operator: plan.OpEQ, Right: "sum(enrolled)",
			AppliesTo: plan.Scope{Levels: []org.Level{org.District}}},
		{ID: "fill_le_100", Name: msg.T("使用率不超过100%", "filled ≤ 100%"), Left: "fill", Operator: plan.OpLE, Right: "100%", Tolerance: 0.005},
	})
	require.NoError(t, err)
	d := build(t, []dataset.OrgUnit{rDist, rKg1, rKg2}, map[string]figures{
		"d":  {"enrolled": 700},
		"k1": {"enrolled": 420, "places": 400},
		"k2": {"enrolled": 201, "places": 200},
	})
	ev := cat.Evaluate(d)
	r, ok := ev.ValidationResult("own_vs_sum", 0)
	require.True(t, ok)
	assert.Equal(t, indicators.RuleViolated, r.Status)
	assert.Equal(t, []float64{700, 621, 79}, []float64{*r.LeftValue, *r.RightValue, *r.Difference})

	// 105% at k1 breaks ≤ 100%; 100.5% at k2 is within the half point.
	r, ok = ev.ValidationResult("fill_le_100", 1)
	require.True(t, ok)
	assert.Equal(t, indicators.RuleViolated, r.Status)
	assert.Equal(t, plan.Percent, r.ValueUnit)
	assert.InDelta(t, 0.05, *r.Difference, 1e-12)
	r, ok = ev.ValidationResult("fill_le_100", 2)
	require.True(t, ok)
	assert.Equal(t, indicators.RulePassed, r.Status)
}

// The data-quality summary counts the rules broken on some unit, with the
// indicators a rule reads computed for it (and only those).
func TestQualityCountsBrokenRules(t *testing.T) {
	kg := plan.Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Kindergarten}}
	metrics := []plan.Metric{
		{ID: "enrolled", Name: msg.T("在园幼儿数", "enrolled"), Unit: plan.Count, Aggregate: plan.Sum, ReportedBy: kg},
		{ID: "places", Name: msg.T("学位数", "places"), Unit: plan.Count, Aggregate: plan.Sum, ReportedBy: kg},
	}
	inds := []plan.Indicator{
		{ID: "fill", Name: msg.T("学位使用率", "filled"), Formula: "enrolled / places", Unit: plan.Percent, Target: "≥ 90%", MayExceed100: true},
		{ID: "fill2", Name: msg.T("使用率平方", "filled squared"), Formula: "fill * fill", Unit: plan.Ratio, Target: "≥ 0.5"},
	}
	base, err := indicators.NewCatalog(metrics, inds, nil)
	require.NoError(t, err)
	d := build(t, []dataset.OrgUnit{rDist, rKg1, rKg2}, map[string]figures{
		"k1": {"enrolled": 420, "places": 400},
		"k2": {"enrolled": 150, "places": 200},
	})
	assert.Zero(t, base.Quality(d).RuleViolations, "no rules, nothing broken")
	cat, err := base.WithRules([]plan.ValidationRule{
		{ID: "fill2_le_1", Name: msg.T("平方不超过1", "≤ 1"), Left: "fill2", Operator: plan.OpLE, Right: "1"},
		{ID: "places_ge_0", Name: msg.T("学位非负", "places ≥ 0"), Left: "places", Operator: plan.OpGE, Right: "0"},
		{ID: "enrolled_le_places", Name: msg.T("在园不超过学位", "enrolled ≤ places"), Left: "enrolled", Operator: plan.OpLE, Right: "places"},
	})
	require.NoError(t, err)
	// k1 breaks fill2 ≤ 1 (1.1025) and enrolled ≤ places; the district
	// (570 of 600) breaks neither.
	assert.Equal(t, 2, cat.Quality(d).RuleViolations)
	rep, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	assert.Equal(t, 2, rep.Validation.Counts.Violated)
}

// A rule at a parent reads the figure the indicators use there: its own
// by default, its units' sum under ParentSum.
func TestValidationFollowsParentFigures(t *testing.T) {
	cat := ruleCatalog(t, plan.ValidationRule{ID: "cap", Name: msg.T("在园不超过650", "≤ 650"), Left: "enrolled", Operator: plan.OpLE,
		Right: "650", AppliesTo: plan.Scope{Levels: []org.Level{org.District}}})
	d := build(t, []dataset.OrgUnit{rDist, rKg1, rKg2}, map[string]figures{
		"d": {"enrolled": 700}, "k1": {"enrolled": 420}, "k2": {"enrolled": 201},
	})
	for _, tc := range []struct {
		parent indicators.ParentFigures
		left   float64
		want   indicators.RuleStatus
	}{{indicators.ParentOwn, 700, indicators.RuleViolated}, {indicators.ParentSum, 621, indicators.RulePassed}} {
		ev, err := cat.EvaluateWith(d, indicators.Options{ParentFigures: tc.parent})
		require.NoError(t, err)
		r, ok := ev.ValidationResult("cap", 0)
		require.True(t, ok)
		assert.Equal(t, tc.want, r.Status, tc.parent)
		assert.Equal(t, tc.left, *r.LeftValue, tc.parent)
	}
}

// QualityWith counts the rules broken from the evaluation it is given, and
// gives what Quality gives: from an evaluation with the parents' own
// figures, and (by evaluating again) from one with their units' sums, where
// the rules broken may differ.
func TestQualityWithAgreesWithQuality(t *testing.T) {
	cat := ruleCatalog(t,
		plan.ValidationRule{ID: "parts", Name: msg.T("城乡之和", "urban and rural"), Left: "urban + rural", Operator: plan.OpEQ, Right: "enrolled"},
		plan.ValidationRule{ID: "age", Name: msg.T("3-5岁", "aged 3-5"), Left: "age3_5", Operator: plan.OpLE, Right: "enrolled"})
	csv := "单位代码,单位名称,层级,学校类型,上级单位,在园幼儿数,3-5岁在园幼儿数,城镇在园幼儿数,农村在园幼儿数\n" +
		"c,市,市,,,,,,\n" +
		"d,区,区县,,c,300,250,100,190\n" +
		"k1,一园,学校,幼儿园,d,100,120,60,40\n" +
		"k2,二园,学校,幼儿园,d,100,90,40,60\n"
	d, err := dataset.ReadCSV(strings.NewReader(csv), cat.Fields(), dataset.Options{File: "r.csv", Year: 2017})
	require.NoError(t, err)
	want := cat.Quality(d)
	require.Equal(t, 2, want.RuleViolations)
	for _, parent := range []indicators.ParentFigures{indicators.ParentOwn, indicators.ParentSum} {
		ev, err := cat.EvaluateWith(d, indicators.Options{ParentFigures: parent})
		require.NoError(t, err)
		assert.Equal(t, want, cat.QualityWith(d, ev), parent)
	}
	assert.Equal(t, want, cat.QualityWith(d, nil))
}
