package indicators_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

// A small catalogue: kindergarten enrolment (a rate summed up the hierarchy),
// school choice share (a rate with a ceiling), a count, and a cross-district
// spread.
func testCatalog(t *testing.T) *indicators.Catalog {
	t.Helper()
	metrics := []plan.Metric{
		{ID: "enrolled", Name: msg.Text{ZH: "在园幼儿数", EN: "children enrolled"}, Unit: plan.Count, Integral: true,
			Aggregate: plan.Sum, ReportedBy: plan.Scope{Kinds: []org.Kind{org.Kindergarten}}},
		{ID: "places", Name: msg.Text{ZH: "学位数", EN: "places"}, Unit: plan.Count, Integral: true,
			Aggregate: plan.Sum, ReportedBy: plan.Scope{Kinds: []org.Kind{org.Kindergarten}}},
		{ID: "chosen", Name: msg.Text{ZH: "择校生数", EN: "pupils by school choice"}, Unit: plan.Count, Integral: true,
			Aggregate: plan.Sum, ReportedBy: plan.Scope{Kinds: []org.Kind{org.Primary}}},
		{ID: "pupils", Name: msg.Text{ZH: "在校生数", EN: "pupils"}, Unit: plan.Count, Integral: true,
			Aggregate: plan.Sum, ReportedBy: plan.Scope{Kinds: []org.Kind{org.Primary}}},
		{ID: "new_kg", Name: msg.Text{ZH: "新建幼儿园数", EN: "new kindergartens"}, Unit: plan.Count, Integral: true,
			Aggregate: plan.Sum, ReportedBy: plan.Scope{Levels: []org.Level{org.District}}},
	}
	inds := []plan.Indicator{
		{ID: "fill", Name: msg.Text{ZH: "学位使用率", EN: "share of places filled"}, Formula: "在园幼儿数 / 学位数",
			Unit: plan.Percent, Target: "达90%以上", Wording: "90%以上"},
		{ID: "choice", Name: msg.Text{ZH: "择校生比例", EN: "school choice share"}, Formula: "chosen / pupils",
			Unit: plan.Percent, Target: "控制在5%以内", Wording: "择校生比例控制在5%以内",
			AppliesTo: plan.Scope{Levels: []org.Level{org.City, org.District}}},
		{ID: "kg_built", Name: msg.Text{ZH: "新建幼儿园", EN: "kindergartens built"}, Formula: "new_kg",
			Unit: plan.Count, Target: "力争14所以上", Wording: "14所",
			AppliesTo: plan.Scope{Levels: []org.Level{org.City}}},
		{ID: "fill_gap", Name: msg.Text{ZH: "辖市区学位使用率差距", EN: "gap in places filled between districts"}, Formula: "spread(fill)",
			Unit: plan.Percent, Target: "不超过10个百分点", Wording: "差距不超过10个百分点",
			AppliesTo: plan.Scope{Levels: []org.Level{org.City}}},
		{ID: "fill_cv", Name: msg.Text{ZH: "学位使用率差异系数", EN: "coefficient of variation of places filled"}, Formula: "cv(fill)",
			Unit: plan.Ratio, Target: "<= 0.1", Wording: "差异系数",
			AppliesTo: plan.Scope{Levels: []org.Level{org.City}}},
	}
	cat, err := indicators.NewCatalog(metrics, inds, map[string][]plan.Place{
		"choice": {{ID: "task-4", Label: msg.Text{ZH: "任务4", EN: "Task 4"}}},
	})
	require.NoError(t, err)
	return cat
}

type figures map[string]float64

func build(t *testing.T, units []dataset.OrgUnit, figs map[string]figures) *dataset.Dataset {
	t.Helper()
	d := dataset.New(2017)
	for _, u := range units {
		require.NoError(t, d.Add(u))
	}
	for unit, fs := range figs {
		for m, v := range fs {
			require.NoError(t, d.Set(unit, m, v))
		}
	}
	return d
}

var (
	city   = dataset.OrgUnit{ID: "c", Name: "市", Level: org.City}
	distA  = dataset.OrgUnit{ID: "a", Name: "甲区", Level: org.District, Parent: "c"}
	distB  = dataset.OrgUnit{ID: "b", Name: "乙区", Level: org.District, Parent: "c"}
	kgBig  = dataset.OrgUnit{ID: "a1", Name: "甲区大园", Level: org.School, Kind: org.Kindergarten, Parent: "a"}
	kgTiny = dataset.OrgUnit{ID: "a2", Name: "甲区小园", Level: org.School, Kind: org.Kindergarten, Parent: "a"}
	kgB    = dataset.OrgUnit{ID: "b1", Name: "乙区园", Level: org.School, Kind: org.Kindergarten, Parent: "b"}
	priA   = dataset.OrgUnit{ID: "a3", Name: "甲区小学", Level: org.School, Kind: org.Primary, Parent: "a"}
)

func result(t *testing.T, r *indicators.Report, unit, ind string) indicators.Result {
	t.Helper()
	for _, ur := range r.Units {
		if ur.Unit.ID != unit {
			continue
		}
		for _, res := range ur.Results {
			if res.Indicator == ind {
				return res
			}
		}
	}
	t.Fatalf("no result for %s at %s", ind, unit)
	return indicators.Result{}
}

func TestDistrictRateIsRecomputedNotAveraged(t *testing.T) {
	cat := testCatalog(t)
	// The big kindergarten fills 950 of 1000 places (95%), the tiny one 1 of
	// 10 (10%). Summed: 951/1010 = 94.2% — met. The average of the two
	// rates, 52.5%, would wrongly be "not met".
	d := build(t, []dataset.OrgUnit{city, distA, kgBig, kgTiny}, map[string]figures{
		"a1": {"enrolled": 950, "places": 1000},
		"a2": {"enrolled": 1, "places": 10},
	})
	r, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	res := result(t, r, "a", "fill")
	require.NotNil(t, res.Value)
	assert.InDelta(t, 951.0/1010.0, *res.Value, 1e-9)
	assert.Equal(t, indicators.Met, res.Status)
	assert.Equal(t, indicators.NotMet, result(t, r, "a2", "fill").Status)
	require.Len(t, res.Inputs, 2)
	assert.Equal(t, indicators.Summed, res.Inputs[0].Origin)
	assert.Equal(t, 2, res.Inputs[0].Children)
	// The city sums the same figures again through the district.
	assert.InDelta(t, 951.0/1010.0, *result(t, r, "c", "fill").Value, 1e-9)
}

func TestStatuses(t *testing.T) {
	units := []dataset.OrgUnit{city, distA, distB, kgBig, kgB, priA}
	tests := []struct {
		name   string
		figs   map[string]figures
		unit   string
		ind    string
		status indicators.Status
		value  float64
		gap    float64
	}{
		{"met at the bound", map[string]figures{"a1": {"enrolled": 900, "places": 1000}}, "a1", "fill", indicators.Met, 0.9, 0},
		{"not met just below", map[string]figures{"a1": {"enrolled": 899, "places": 1000}}, "a1", "fill", indicators.NotMet, 0.899, -0.1},
		{"ceiling met", map[string]figures{"a3": {"chosen": 5, "pupils": 100}}, "a", "choice", indicators.Met, 0.05, 0},
		{"ceiling exceeded", map[string]figures{"a3": {"chosen": 6, "pupils": 100}}, "a", "choice", indicators.NotMet, 0.06, 1},
		{"missing is no data", map[string]figures{"a1": {"enrolled": 900}}, "a1", "fill", indicators.NoData, 0, 0},
		{"zero is a value", map[string]figures{"a3": {"chosen": 0, "pupils": 100}}, "a", "choice", indicators.Met, 0, -5},
		{"zero denominator", map[string]figures{"a1": {"enrolled": 0, "places": 0}}, "a1", "fill", indicators.NotComputable, 0, 0},
		{"reported rate used as is", map[string]figures{"a1": {"fill": 0.97}}, "a1", "fill", indicators.Met, 0.97, 7},
		{"count target", map[string]figures{"a": {"new_kg": 9}, "b": {"new_kg": 5}}, "c", "kg_built", indicators.Met, 14, 0},
		{"count target missed", map[string]figures{"a": {"new_kg": 9}, "b": {"new_kg": 4}}, "c", "kg_built", indicators.NotMet, 13, -1},
		{"count sum with a missing district", map[string]figures{"a": {"new_kg": 9}}, "c", "kg_built", indicators.NoData, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := testCatalog(t).Assess(build(t, units, tt.figs), indicators.Options{})
			require.NoError(t, err)
			res := result(t, r, tt.unit, tt.ind)
			assert.Equal(t, tt.status, res.Status)
			switch tt.status {
			case indicators.Met, indicators.NotMet:
				require.NotNil(t, res.Value)
				assert.InDelta(t, tt.value, *res.Value, 1e-9)
				require.NotNil(t, res.Gap)
				assert.InDelta(t, tt.gap, *res.Gap, 1e-6)
			default:
				assert.Nil(t, res.Value)
				assert.Nil(t, res.Gap)
				assert.NotNil(t, res.Reason)
			}
		})
	}
}

func TestNotApplicableIsLeftOutUnlessAsked(t *testing.T) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{city, distA, kgBig}, nil)
	r, err := cat.Assess(d, indicators.Options{Units: []string{"a1"}})
	require.NoError(t, err)
	require.Len(t, r.Units, 1)
	// The kindergarten's own indicator is there (without figures, no
	// data); the district-only one is not.
	assert.Equal(t, indicators.NoData, result(t, r, "a1", "fill").Status)
	for _, res := range r.Units[0].Results {
		assert.NotEqual(t, "choice", res.Indicator, "择校生比例 concerns districts and the city only")
	}
	r, err = cat.Assess(d, indicators.Options{Units: []string{"a1"}, NotApplicable: true})
	require.NoError(t, err)
	assert.Equal(t, indicators.NotApplicable, result(t, r, "a1", "choice").Status)

	_, err = cat.Assess(d, indicators.Options{Units: []string{"nowhere"}})
	require.ErrorContains(t, err, "nowhere")
}

func TestSpreadAndCVAcrossDistricts(t *testing.T) {
	cat := testCatalog(t)
	units := []dataset.OrgUnit{city, distA, distB, kgBig, kgB}
	tests := []struct {
		name       string
		a, b       float64 // filled places out of 1000
		spread     float64
		cv         float64
		spreadStat indicators.Status
	}{
		{"close", 950, 900, 0.05, 0.025 / 0.925, indicators.Met},
		{"exactly 10 pp", 950, 850, 0.10, 0.05 / 0.9, indicators.Met},
		{"over 10 pp", 950, 800, 0.15, 0.075 / 0.875, indicators.NotMet},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(t, units, map[string]figures{
				"a1": {"enrolled": tt.a, "places": 1000},
				"b1": {"enrolled": tt.b, "places": 1000},
			})
			r, err := cat.Assess(d, indicators.Options{})
			require.NoError(t, err)
			sp := result(t, r, "c", "fill_gap")
			assert.Equal(t, tt.spreadStat, sp.Status)
			require.NotNil(t, sp.Value)
			assert.InDelta(t, tt.spread, *sp.Value, 1e-9)
			assert.InDelta(t, (tt.spread-0.10)*100, *sp.Gap, 1e-6, "the gap is in percentage points")
			require.Len(t, sp.Aggregates, 1)
			assert.Equal(t, "spread", sp.Aggregates[0].Func)
			require.Len(t, sp.Aggregates[0].Children, 2)
			assert.Equal(t, "甲区", sp.Aggregates[0].Children[0].Name)
			cv := result(t, r, "c", "fill_cv")
			require.NotNil(t, cv.Value)
			assert.InDelta(t, tt.cv, *cv.Value, 1e-9)
		})
	}
}

func TestSpreadWithAMissingDistrictIsNoData(t *testing.T) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{city, distA, distB, kgBig, kgB}, map[string]figures{
		"a1": {"enrolled": 950, "places": 1000},
		"b1": {"enrolled": 800},
	})
	r, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	assert.Equal(t, indicators.NoData, result(t, r, "c", "fill_gap").Status)
}

func TestSummaryCountsBindingAndAspirationalApart(t *testing.T) {
	cat := testCatalog(t)
	assert.Equal(t, plan.Aspirational, cat.NatureOf("kg_built"), "力争 makes a target aspirational")
	assert.Equal(t, plan.Binding, cat.NatureOf("choice"))
	d := build(t, []dataset.OrgUnit{city, distA, distB, kgBig, kgB, priA}, map[string]figures{
		"a1": {"enrolled": 950, "places": 1000},
		"b1": {"enrolled": 800, "places": 1000},
		"a3": {"chosen": 1, "pupils": 100},
		"a":  {"new_kg": 3},
	})
	r, err := cat.Assess(d, indicators.Options{Units: []string{"c"}})
	require.NoError(t, err)
	s := r.Units[0].Summary
	// fill 87.5% not met; choice 1% met; fill_gap 15 pp not met; fill_cv
	// 0.0857 met; kg_built: district b reports nothing, so no data.
	assert.Equal(t, indicators.Counts{Met: 2, NotMet: 2}, s.Binding)
	assert.Equal(t, indicators.Counts{NoData: 1}, s.Aspirational)
}

func TestReportJSONIsByteIdentical(t *testing.T) {
	cat := testCatalog(t)
	units := []dataset.OrgUnit{city, distA, distB, kgBig, kgB, priA}
	figs := map[string]figures{
		"a1": {"enrolled": 950, "places": 1000},
		"b1": {"enrolled": 800, "places": 1000},
		"a3": {"chosen": 1, "pupils": 3},
	}
	var outs [3]bytes.Buffer
	for i := range outs {
		r, err := cat.Assess(build(t, units, figs), indicators.Options{})
		require.NoError(t, err)
		require.NoError(t, r.WriteJSON(&outs[i]))
	}
	assert.Equal(t, outs[0].String(), outs[1].String())
	assert.Equal(t, outs[0].String(), outs[2].String())
	assert.Contains(t, outs[0].String(), `"value":0.95,`)
	assert.Contains(t, outs[0].String(), `"status":"met"`)
}

// A gross rate above 100% is legal (a warning at most); any other share
// above 100% means the part exceeds the whole: not computable, with the
// value kept and the reason given, and aggregates over it not computable
// either.
func TestPercentAbove100(t *testing.T) {
	tests := []struct {
		name     string
		gross    bool
		status   indicators.Status
		warnings int
		reason   string
	}{
		{"gross rate", true, indicators.Met, 1, ""},
		{"share", false, indicators.NotComputable, 0, "数据矛盾：比率超过100%（部分大于整体），请核对数据"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			metrics := []plan.Metric{
				{ID: "enrolled", Name: msg.Text{ZH: "在园幼儿数"}, Unit: plan.Count, Aggregate: plan.Sum},
				{ID: "places", Name: msg.Text{ZH: "学位数"}, Unit: plan.Count, Aggregate: plan.Sum},
			}
			cat, err := indicators.NewCatalog(metrics, []plan.Indicator{
				{ID: "fill", Name: msg.Text{ZH: "学位使用率"}, Formula: "enrolled / places", Unit: plan.Percent,
					Target: "达90%以上", Wording: "90%以上", MayExceed100: tt.gross},
				{ID: "fill_gap", Name: msg.Text{ZH: "差距"}, Formula: "spread(fill)", Unit: plan.Percent,
					Target: "不超过10个百分点", Wording: "差距", AppliesTo: plan.Scope{Levels: []org.Level{org.City}}},
			}, nil)
			require.NoError(t, err)
			d := build(t, []dataset.OrgUnit{city, distA, kgBig}, map[string]figures{"a1": {"enrolled": 1050, "places": 1000}})
			r, err := cat.Assess(d, indicators.Options{})
			require.NoError(t, err)
			res := result(t, r, "a1", "fill")
			assert.Equal(t, tt.status, res.Status)
			require.NotNil(t, res.Value, "the value is kept either way")
			assert.InDelta(t, 1.05, *res.Value, 1e-12)
			assert.Len(t, res.Warnings, tt.warnings)
			if tt.reason != "" {
				require.NotNil(t, res.Reason)
				assert.Equal(t, tt.reason, res.Reason.ZH)
				assert.Nil(t, res.Gap)
				assert.Equal(t, indicators.NotComputable, result(t, r, "c", "fill_gap").Status,
					"a spread over an inconsistent district is not computable")
			}
		})
	}
}

func TestCatalogProblems(t *testing.T) {
	m := []plan.Metric{{ID: "x", Name: msg.Text{ZH: "甲"}, Unit: plan.Count, Aggregate: plan.Sum}}
	tests := []struct {
		name string
		ind  plan.Indicator
		path string
	}{
		{"unknown metric", plan.Indicator{ID: "i", Formula: "x / 适龄人口", Unit: plan.Percent, Target: "≥ 99%"}, "indicators[0].formula"},
		{"bad target", plan.Indicator{ID: "i", Formula: "x", Unit: plan.Count, Target: "差不多就行"}, "indicators[0].target"},
		{"bad unit", plan.Indicator{ID: "i", Formula: "x", Unit: "furlong", Target: ">= 1"}, "indicators[0].unit"},
		{"力争 but binding", plan.Indicator{ID: "i", Formula: "x", Unit: plan.Count, Target: "力争达2个", Nature: plan.Binding}, "indicators[0].nature"},
		{"clash with a metric id", plan.Indicator{ID: "x", Formula: "x", Unit: plan.Count, Target: ">= 1"}, "indicators[0].id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := indicators.NewCatalog(m, []plan.Indicator{tt.ind}, nil)
			var probs msg.Problems
			require.ErrorAs(t, err, &probs)
			require.NotEmpty(t, probs)
			assert.Equal(t, tt.path, probs[0].Path)
		})
	}
	_, err := indicators.NewCatalog(m, []plan.Indicator{
		{ID: "p", Formula: "q + x", Unit: plan.Count, Target: ">= 1"},
		{ID: "q", Formula: "p", Unit: plan.Count, Target: ">= 1"},
	}, nil)
	require.ErrorContains(t, err, "the formula refers to itself: p → q → p")
}

func TestFormMetrics(t *testing.T) {
	cat := testCatalog(t)
	ids := func(ms []plan.Metric) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	assert.Equal(t, []string{"enrolled", "places"}, ids(cat.FormMetrics(org.School, org.Kindergarten)))
	assert.Equal(t, []string{"chosen", "pupils"}, ids(cat.FormMetrics(org.School, org.Primary)),
		"no indicator concerns a primary school itself, but its figures make up the district's share of school choice")
	// A district or the city enters totals that sum up from schools, for
	// when it assesses itself without a file of its schools.
	// new_kg is reported by districts for the city's count.
	assert.Equal(t, []string{"enrolled", "places", "chosen", "pupils", "new_kg"}, ids(cat.FormMetrics(org.District, "")))
	assert.Equal(t, []string{"enrolled", "places", "chosen", "pupils", "new_kg"}, ids(cat.FormMetrics(org.City, "")))
}

func TestViewNumber(t *testing.T) {
	tests := []struct {
		v    float64
		u    plan.Unit
		want string
	}{
		{0.992, plan.Percent, "99.2%"},
		{1, plan.Percent, "100%"},
		{0.05, plan.Percent, "5%"},
		{14, plan.Count, "14"},
		{2.5, plan.Ratio, "2.5"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, view.Number(tt.v, tt.u))
	}
	assert.Equal(t, "+0.20 pp", view.Gap(0.2, plan.Percent, false).In("en"))
	assert.Equal(t, "-5.00个百分点", view.Gap(-5, plan.Ratio, true).In("zh"))
}

// TestNoTargetIsNotMet: a plan's indicator cannot lack a target (the
// catalogue refuses it, as plan.Validate does), and a value held to no
// target is counted apart, never as met.
func TestNoTargetIsNotMet(t *testing.T) {
	_, err := indicators.NewCatalog([]plan.Metric{{ID: "n", Name: msg.T("数", "n"), Unit: plan.Count, Aggregate: plan.Sum}},
		[]plan.Indicator{{ID: "i", Name: msg.T("指标", "i"), Formula: "n", Unit: plan.Count, Wording: "w"}}, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "indicators[0].target")

	var s indicators.Summary
	s.Add(indicators.Result{Status: indicators.NoTarget, Nature: plan.Binding})
	assert.Equal(t, indicators.Counts{NoTarget: 1}, s.Binding)
	assert.Equal(t, 1, s.Binding.Total())
	assert.Equal(t, "约束性 达标 0，未达标 0，缺数据 0，无法计算 0，无目标 1；预期性 达标 0，未达标 0，缺数据 0，无法计算 0",
		view.SummaryText(s).In("zh"))
	assert.Equal(t, "no target", indicators.NoTarget.Name().In("en"))
	assert.True(t, indicators.NoTarget.Known())
	assert.Contains(t, indicators.Statuses(), indicators.NoTarget)
}

func TestTypedRule(t *testing.T) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{city, distA, kgBig, kgTiny}, map[string]figures{
		"a1": {"enrolled": 950, "places": 1000},
		"a2": {"enrolled": 1, "places": 10},
	})
	ev := cat.Evaluate(d)
	a, _ := d.Index("a")
	// A formula without a target has a value, no gap and no verdict: it
	// is "no target", never met. A condition is its own target.
	gap := func(g float64) *float64 { return &g }
	tests := []struct {
		src    string
		status indicators.Status
		value  float64
		gap    *float64
		unit   plan.Unit
	}{
		{"在园幼儿数 / 学位数 >= 95%", indicators.NotMet, 951.0 / 1010, gap((951.0/1010 - 0.95) * 100), plan.Percent},
		{"在园幼儿数/学位数 达90%以上", indicators.Met, 951.0 / 1010, gap((951.0/1010 - 0.90) * 100), plan.Percent},
		{"enrolled", indicators.NoTarget, 951, nil, plan.Count},
		{"fill * 100", indicators.NoTarget, 951.0 / 1010 * 100, nil, ""},
		// The formula of the indicator fill, spelt otherwise: its unit.
		{"enrolled／places", indicators.NoTarget, 951.0 / 1010, nil, plan.Percent},
		{"fill", indicators.NoTarget, 951.0 / 1010, nil, plan.Percent},
		{"places / enrolled", indicators.NoTarget, 1010.0 / 951, nil, ""},
		{"enrolled >= places", indicators.NotMet, 0, nil, ""},
		{"enrolled < places && enrolled > 900", indicators.Met, 1, nil, ""},
		{"chosen / pupils <= 5%", indicators.NoData, 0, nil, plan.Percent},
		{"chosen / pupils", indicators.NoData, 0, nil, plan.Percent}, // the indicator choice's formula
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			r, err := cat.CompileRule(tt.src)
			require.NoError(t, err)
			res := ev.EvalRule(r, a)
			assert.Equal(t, tt.status, res.Status)
			assert.Equal(t, tt.unit, res.Unit)
			if tt.status == indicators.NoData {
				assert.Nil(t, res.Value)
				assert.Nil(t, res.Gap)
				return
			}
			require.NotNil(t, res.Value)
			assert.InDelta(t, tt.value, *res.Value, 1e-9)
			if tt.gap == nil {
				assert.Nil(t, res.Gap)
				return
			}
			require.NotNil(t, res.Gap)
			assert.InDelta(t, *tt.gap, *res.Gap, 1e-6)
		})
	}
	// A target alone is read, not computed: nothing to apply to the unit.
	for _, src := range []string{"达99%以上", "≥99%", "不超过5个百分点", "控制在5%以内"} {
		r, err := cat.CompileRule(src)
		require.NoError(t, err, src)
		require.True(t, r.TargetAlone(), src)
		res := ev.EvalRule(r, a)
		assert.Equal(t, indicators.NotApplicable, res.Status, src)
		assert.Nil(t, res.Value, src)
		assert.Nil(t, res.Gap, src)
		assert.Equal(t, plan.Percent, res.Unit, src)
		assert.Empty(t, res.Inputs, src)
	}
	_, err := cat.CompileRule("在园幼儿数 / 学位 >= 95%")
	var re *rule.Error
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 1, re.Line)
	assert.Equal(t, 9, re.Column, "counted in characters of what the user typed")
}

// Progress is told of each unit as its results are built, counting only
// the units asked for, so that a face can draw progress without building
// the report itself; the report is the one built without it.
func TestReportProgress(t *testing.T) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{city, distA, distB, kgBig, kgB, priA}, map[string]figures{
		"a1": {"enrolled": 950, "places": 1000},
	})
	ev := cat.Evaluate(d)
	var calls [][2]int
	r, err := ev.Report(indicators.Options{Units: []string{"a"}, Progress: func(done, total int) {
		calls = append(calls, [2]int{done, total})
	}})
	require.NoError(t, err)
	want := make([][2]int, len(r.Units))
	for i := range want {
		want[i] = [2]int{i + 1, len(r.Units)}
	}
	assert.Equal(t, want, calls)
	assert.Less(t, len(r.Units), len(d.Units), "only the units asked for are counted")
	plain, err := ev.Report(indicators.Options{Units: []string{"a"}})
	require.NoError(t, err)
	assert.Equal(t, plain, r)
}

// Result gives one cell of the units × indicators grid, the same as the
// unit's report lists it.
func TestEvaluationResult(t *testing.T) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{kgBig}, map[string]figures{"a1": {"enrolled": 950, "places": 1000}})
	ev := cat.Evaluate(d)
	res, ok := ev.Result("fill", 0)
	require.True(t, ok)
	assert.Equal(t, ev.UnitReport(0, indicators.Options{}).Results[0], res)
	_, ok = ev.Result("no-such-indicator", 0)
	assert.False(t, ok, "an unknown indicator says so")
	_, ok = ev.Result("fill", 7)
	assert.False(t, ok, "a unit out of range says so")
}

func TestReportJSONRoundTrip(t *testing.T) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{city, distA, distB, kgBig, kgB, priA}, map[string]figures{
		"a1": {"enrolled": 950, "places": 1000},
		"b1": {"enrolled": 800, "places": 1000},
		"a3": {"chosen": 1, "pupils": 100},
	})
	r, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	var first bytes.Buffer
	require.NoError(t, r.WriteJSON(&first))
	assert.Contains(t, first.String(), `"op":"<="`, "comparison operators are not HTML-escaped")
	back, err := indicators.ReadReport(bytes.NewReader(first.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, r, back)
	var second bytes.Buffer
	require.NoError(t, back.WriteJSON(&second))
	assert.Equal(t, first.String(), second.String())
}

func TestNoDataNamesTheMissingFigures(t *testing.T) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{kgBig}, map[string]figures{"a1": {"enrolled": 900}})
	r, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	res := result(t, r, "a1", "fill")
	require.NotNil(t, res.Reason)
	assert.Equal(t, msg.Text{ZH: "缺少数据：学位数", EN: "figures missing: places"}, *res.Reason)
	require.Len(t, res.Inputs, 2)
	assert.Equal(t, indicators.Reported, res.Inputs[0].Origin)
	assert.Equal(t, indicators.Absent, res.Inputs[1].Origin)
}

// A value just under its bound must not be shown as the bound itself: the
// shown value and gap agree with the status.
func TestShownValueAgreesWithStatus(t *testing.T) {
	cat := testCatalog(t)
	tests := []struct {
		enrolled float64
		status   indicators.Status
		value    string
		gap      string
	}{
		{899.96, indicators.NotMet, "89.996%", "-0.004个百分点（差于目标）"},
		{900, indicators.Met, "90.00%", "0.00个百分点"},
		{925, indicators.Met, "92.50%", "+2.50个百分点（优于目标）"},
		{899.99996, indicators.NotMet, "89.999996%", "-0.000004个百分点（差于目标）"},
	}
	for _, tt := range tests {
		d := build(t, []dataset.OrgUnit{kgBig}, map[string]figures{"a1": {"enrolled": tt.enrolled, "places": 1000}})
		r, err := cat.Assess(d, indicators.Options{})
		require.NoError(t, err)
		res := result(t, r, "a1", "fill")
		assert.Equal(t, tt.status, res.Status)
		v := view.Of(res)
		assert.Equal(t, tt.value, v.Value.In("zh"))
		assert.Equal(t, tt.gap, v.Gap.In("zh"))
	}
}

// A district's sum that is missing names the schools that did not report,
// so the statistician knows whom to call.
func TestNoDataNamesTheUnitsThatDidNotReport(t *testing.T) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{city, distA, distB, kgBig, kgTiny, kgB}, map[string]figures{
		"a1": {"enrolled": 950, "places": 1000},
		"a2": {"places": 10},
		"b1": {"enrolled": 800, "places": 1000},
	})
	r, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	res := result(t, r, "c", "fill")
	assert.Equal(t, indicators.NoData, res.Status)
	require.Len(t, res.Inputs, 2)
	assert.Equal(t, []string{"甲区小园"}, res.Inputs[0].MissingIn, "the school, not the district between")
	assert.Empty(t, res.Inputs[1].MissingIn)
	require.NotNil(t, res.Reason)
	assert.Equal(t, "缺少数据：在园幼儿数（未报：甲区小园）", res.Reason.ZH)
	assert.Equal(t, "figures missing: children enrolled (not reported by 甲区小园)", res.Reason.EN)
}

// A lookup of an indicator, a metric or a position the evaluation does not
// have says so; it never answers with a status that reads like a verdict.
func TestLookupOfUnknownIDSaysSo(t *testing.T) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{city, distA, kgBig}, map[string]figures{
		"a1": {"enrolled": 950, "places": 1000},
	})
	ev := cat.Evaluate(d)
	st, ok := ev.Status("fill", 2)
	require.True(t, ok)
	assert.Equal(t, indicators.Met, st)
	v, origin, ok := ev.Figure("enrolled", 1)
	require.True(t, ok)
	assert.Equal(t, 950.0, v)
	assert.Equal(t, indicators.Summed, origin)

	for _, tc := range []struct {
		id string
		i  int
	}{{"no-such-indicator", 0}, {"fill", -1}, {"fill", 3}, {"enrolled", 0}} {
		_, ok := ev.Status(tc.id, tc.i)
		assert.False(t, ok, "%s at %d", tc.id, tc.i)
	}
	for _, tc := range []struct {
		id string
		i  int
	}{{"no-such-metric", 0}, {"enrolled", 3}, {"fill", 0}} {
		_, _, ok := ev.Figure(tc.id, tc.i)
		assert.False(t, ok, "%s at %d", tc.id, tc.i)
	}
}
