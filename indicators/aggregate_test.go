package indicators_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

var (
	schools   = plan.Scope{Levels: []org.Level{org.School}}
	districts = plan.Scope{Levels: []org.Level{org.District}}
)

func schoolMetric(id, zh string, u plan.Unit) plan.Metric {
	return plan.Metric{ID: id, Name: msg.T(zh, id), Unit: u, Aggregate: plan.Sum, ReportedBy: schools}
}

// balanceCatalog is a county's 义务教育优质均衡 check of one figure, 生均教学
// 仪器设备值, both ways: weighted by pupils as 教督〔2017〕6号 computes it, and
// unweighted, each held to the 小学 limit of 0.50.
func balanceCatalog(t *testing.T) *indicators.Catalog {
	t.Helper()
	ms := []plan.Metric{
		schoolMetric("pupils", "在校生数", plan.Count),
		schoolMetric("equipment", "教学仪器设备值", plan.Money),
	}
	inds := []plan.Indicator{
		{ID: "equipment_per_pupil", Name: msg.T("生均教学仪器设备值", "equipment per pupil"),
			Formula: "教学仪器设备值 / 在校生数", Unit: plan.Number, Target: ">= 2000", AppliesTo: schools},
		{ID: "cv_weighted", Name: msg.T("生均教学仪器设备值差异系数", "CV of equipment per pupil"),
			Formula: "差异系数(生均教学仪器设备值, 在校生数)", Unit: plan.Number, Target: "<= 0.50", AppliesTo: districts},
		{ID: "cv_unweighted", Name: msg.T("生均教学仪器设备值差异系数（不加权）", "unweighted CV"),
			Formula: "cv(equipment_per_pupil)", Unit: plan.Number, Target: "<= 0.50", AppliesTo: districts},
	}
	cat, err := indicators.NewCatalog(ms, inds, nil)
	require.NoError(t, err)
	return cat
}

func county(t *testing.T, figures map[string][2]float64) *dataset.Dataset {
	t.Helper()
	d := dataset.New(2017)
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "x", Name: "某县", Level: org.District}))
	for _, id := range []string{"a", "b", "c"} {
		f, ok := figures[id]
		if !ok {
			continue
		}
		require.NoError(t, d.Add(dataset.OrgUnit{ID: id, Name: id + "小学", Level: org.School, Kind: org.Primary, Parent: "x"}))
		require.NoError(t, d.Set(id, "pupils", f[0]))
		if !math.IsNaN(f[1]) {
			require.NoError(t, d.Set(id, "equipment", f[1]))
		}
	}
	return d
}

// The worked example of indicators/rule's TestCVWeightedAndUnweightedDisagreeOnALimit
// in money: schools of 800, 100 and 100 pupils with 2000, 500 and 3500 元 of
// equipment per pupil (1,600,000, 50,000 and 350,000 元 in all).
//
//	weighted:   X̄ = (800·2000 + 100·500 + 100·3500) / 1000 = 2000
//	            S² = 0.8·0² + 0.1·1500² + 0.1·1500² = 450000, S = 670.82…
//	            CV = 670.82… / 2000 = 0.3354…   ≤ 0.50: met
//	unweighted: x̄ = 2000, S² = (0 + 1500² + 1500²) / 3 = 1500000, S = 1224.74…
//	            CV = 1224.74… / 2000 = 0.6124…  > 0.50: not met
func TestWeightedCVInAPlan(t *testing.T) {
	cat := balanceCatalog(t)
	d := county(t, map[string][2]float64{"a": {800, 1600000}, "b": {100, 50000}, "c": {100, 350000}})
	ev := cat.Evaluate(d)

	w, ok := ev.Value("cv_weighted", 0)
	require.True(t, ok)
	assert.InDelta(t, math.Sqrt(450000)/2000, w, 1e-12)
	st, _ := ev.Status("cv_weighted", 0)
	assert.Equal(t, indicators.Met, st)

	u, ok := ev.Value("cv_unweighted", 0)
	require.True(t, ok)
	assert.InDelta(t, math.Sqrt(1500000)/2000, u, 1e-12)
	st, _ = ev.Status("cv_unweighted", 0)
	assert.Equal(t, indicators.NotMet, st)

	// The report shows each school's weight beside its value, so that a
	// reader can redo the sum.
	res, ok := ev.Result("cv_weighted", 0)
	require.True(t, ok)
	require.Len(t, res.Aggregates, 1)
	agg := res.Aggregates[0]
	assert.Equal(t, "cv", agg.Func)
	assert.Equal(t, "生均教学仪器设备值", agg.Of)
	assert.Equal(t, "在校生数", agg.Weight)
	var got []string
	for _, c := range agg.Children {
		require.NotNil(t, c.Value)
		require.NotNil(t, c.Weight)
		got = append(got, fmt.Sprintf("%s %g×%g %s", c.Unit, *c.Value, *c.Weight, c.WeightState))
	}
	assert.Equal(t, []string{"a 2000×800 ok", "b 500×100 ok", "c 3500×100 ok"}, got)

	// An unweighted aggregate has no weights to show.
	res, _ = ev.Result("cv_unweighted", 0)
	assert.Empty(t, res.Aggregates[0].Weight)
	assert.Nil(t, res.Aggregates[0].Children[0].Weight)
	assert.Empty(t, res.Aggregates[0].Children[0].WeightState)

	// The weight is read on the schools, as the value is: the catalogue's
	// dependencies (which figures the schools' forms ask for) include it.
	deps, _ := cat.Deps("cv_weighted")
	var ids []string
	for _, dp := range deps {
		ids = append(ids, fmt.Sprintf("%s/%v", dp.ID, dp.Children))
	}
	assert.Contains(t, ids, "pupils/true")
}

func TestWeightedCVMissingAndUndefined(t *testing.T) {
	cat := balanceCatalog(t)

	// A school without its equipment figure: its value is missing, so is
	// the county's CV.
	ev := cat.Evaluate(county(t, map[string][2]float64{"a": {800, 1600000}, "b": {100, math.NaN()}, "c": {100, 350000}}))
	st, _ := ev.Status("cv_weighted", 0)
	assert.Equal(t, indicators.NoData, st)
	res, _ := ev.Result("cv_weighted", 0)
	assert.Equal(t, "missing", res.Aggregates[0].Children[1].State)
	assert.Equal(t, "ok", res.Aggregates[0].Children[1].WeightState)

	// No pupils anywhere: the per-pupil values are not computable, and no
	// total weight could weigh them.
	ev = cat.Evaluate(county(t, map[string][2]float64{"a": {0, 1}, "b": {0, 1}}))
	st, _ = ev.Status("cv_weighted", 0)
	assert.Equal(t, indicators.NotComputable, st)

	// No equipment anywhere: the mean is 0 and a CV means nothing.
	ev = cat.Evaluate(county(t, map[string][2]float64{"a": {800, 0}, "b": {100, 0}}))
	st, _ = ev.Status("cv_weighted", 0)
	assert.Equal(t, indicators.NotComputable, st)
	st, _ = ev.Status("cv_unweighted", 0)
	assert.Equal(t, indicators.NotComputable, st)
}

// The seven 资源配置 standards of 教督〔2017〕6号 for a primary school, and
// the rule an inspection applies to them: "每所学校至少6项指标达到上述要求，
// 余项不能低于要求的85%" — each school meets at least 6 of 7 standards and
// none is below 85% of its standard.
var standards = []struct {
	id, zh string
	bound  float64
}{
	{"s1", "每百名学生拥有高于规定学历教师数", 4.2},
	{"s2", "每百名学生拥有县级以上骨干教师数", 1.0},
	{"s3", "每百名学生拥有体育艺术专任教师数", 0.9},
	{"s4", "生均教学及辅助用房面积", 4.5},
	{"s5", "生均体育运动场馆面积", 7.5},
	{"s6", "生均教学仪器设备值", 2000},
	{"s7", "每百名学生拥有网络多媒体教室数", 2.3},
}

// compoundCatalog writes the rule two ways: as two school indicators (how
// many standards met, the weakest as a fraction of its standard) and a
// county share over them, which a report can explain school by school; and
// as one county formula.
func compoundCatalog(t *testing.T) *indicators.Catalog {
	t.Helper()
	var ms []plan.Metric
	var met, ratio string
	for i, s := range standards {
		ms = append(ms, plan.Metric{ID: s.id, Name: msg.T(s.zh, s.id), Unit: plan.Number, Aggregate: plan.None, ReportedBy: schools})
		if i > 0 {
			met, ratio = met+", ", ratio+", "
		}
		met += fmt.Sprintf("%s >= %g", s.id, s.bound)
		ratio += fmt.Sprintf("%s / %g", s.id, s.bound)
	}
	inds := []plan.Indicator{
		{ID: "standards_met", Name: msg.T("达标项数", "standards met"),
			Formula: "个数(" + met + ")", Unit: plan.Count, Target: ">= 6", AppliesTo: schools},
		{ID: "weakest", Name: msg.T("最弱项达标程度", "weakest standard, as a fraction of it"),
			Formula: "min(" + ratio + ")", Unit: plan.Number, Target: ">= 0.85", AppliesTo: schools},
		{ID: "balanced_share", Name: msg.T("资源配置达标学校占比", "share of schools meeting the standards"),
			Formula: "占比(达标项数 >= 6 && 最弱项达标程度 >= 85%)", Unit: plan.Percent, Target: "= 100%", AppliesTo: districts},
		{ID: "balanced_one_formula", Name: msg.T("资源配置达标学校占比（单一公式）", "the same in one formula"),
			Formula: "share(count(" + met + ") >= 6 && min(" + ratio + ") >= 85%)", Unit: plan.Percent, Target: "= 100%", AppliesTo: districts},
	}
	cat, err := indicators.NewCatalog(ms, inds, nil)
	require.NoError(t, err)
	return cat
}

func TestCompoundCrossUnitRule(t *testing.T) {
	cat := compoundCatalog(t)
	// Each school's seven figures, against 4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3:
	//
	//	a: all seven met                                  → 7 met, weakest ≥ 1     ✓
	//	b: s7 = 2.07 = 90% of 2.3, the rest met           → 6 met, weakest 0.90    ✓
	//	c: s6 = 1600 = 80% of 2000, the rest met          → 6 met, weakest 0.80    ✗ (below 85%)
	//	d: s1 = 4.0 (95%) and s5 = 7.2 (96%), rest met    → 5 met, weakest 0.952   ✗ (only 5 of 7)
	//
	// The county: 2 of 4 schools → 50% against = 100%: not met.
	rows := map[string][]float64{
		"a": {4.5, 1.2, 1.0, 5.0, 8.0, 2500, 2.5},
		"b": {4.5, 1.2, 1.0, 5.0, 8.0, 2500, 2.07},
		"c": {4.5, 1.2, 1.0, 5.0, 8.0, 1600, 2.5},
		"d": {4.0, 1.2, 1.0, 5.0, 7.2, 2500, 2.5},
	}
	build := func(ids ...string) *dataset.Dataset {
		d := dataset.New(2017)
		require.NoError(t, d.Add(dataset.OrgUnit{ID: "x", Name: "某县", Level: org.District}))
		for _, id := range ids {
			require.NoError(t, d.Add(dataset.OrgUnit{ID: id, Name: id + "小学", Level: org.School, Kind: org.Primary, Parent: "x"}))
			for k, v := range rows[id] {
				require.NoError(t, d.Set(id, standards[k].id, v))
			}
		}
		return d
	}
	ev := cat.Evaluate(build("a", "b", "c", "d"))
	school := map[string]string{}
	for i, u := range ev.Data().Units[1:] {
		n, _ := ev.Value("standards_met", i+1)
		w, _ := ev.Value("weakest", i+1)
		school[u.ID] = fmt.Sprintf("%g met, weakest %.3f", n, w)
	}
	assert.Equal(t, map[string]string{
		"a": "7 met, weakest 1.067", // s5 8.0/7.5, the closest to its bound
		"b": "6 met, weakest 0.900",
		"c": "6 met, weakest 0.800",
		"d": "5 met, weakest 0.952", // s1 4.0/4.2
	}, school)
	for _, id := range []string{"balanced_share", "balanced_one_formula"} {
		v, ok := ev.Value(id, 0)
		require.True(t, ok, id)
		assert.InDelta(t, 0.5, v, 1e-12, id)
		st, _ := ev.Status(id, 0)
		assert.Equal(t, indicators.NotMet, st, id)
	}

	// Without c and d every school passes: the county meets the rule.
	ev = cat.Evaluate(build("a", "b"))
	for _, id := range []string{"balanced_share", "balanced_one_formula"} {
		st, _ := ev.Status(id, 0)
		assert.Equal(t, indicators.Met, st, id)
	}

	// A school with one standard unreported cannot be cleared: one missing
	// figure could be the one that fails.
	d := build("a", "b")
	require.NoError(t, d.Add(dataset.OrgUnit{ID: "e", Name: "e小学", Level: org.School, Kind: org.Primary, Parent: "x"}))
	for k, v := range rows["a"][:6] {
		require.NoError(t, d.Set("e", standards[k].id, v))
	}
	ev = cat.Evaluate(d)
	for _, id := range []string{"balanced_share", "balanced_one_formula"} {
		st, _ := ev.Status(id, 0)
		assert.Equal(t, indicators.NoData, st, id)
	}
}
