package indicators_test

import (
	"strings"
	"testing"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mm is a mismatch as the tests write it: unit, metric, own, children's
// sum, children.
type mm struct {
	unit, metric string
	own, sum     float64
	children     int
}

func mismatchesOf(r *indicators.Report) []mm {
	out := []mm{}
	for _, m := range r.Hierarchy {
		out = append(out, mm{m.Unit.ID, m.Metric, m.Own, m.ChildrenSum, m.Children})
	}
	return out
}

// TestParentFigures: where a parent reports a figure its children's sum to
// something else, the report lists both and uses the one asked for; where
// the children do not cover the figure, nothing is compared.
func TestParentFigures(t *testing.T) {
	units := []dataset.OrgUnit{city, distA, distB, kgBig, kgTiny, kgB, priA}
	base := func() map[string]figures {
		return map[string]figures{
			"a1": {"enrolled": 950, "places": 1000},
			"a2": {"enrolled": 1, "places": 10},
			"b1": {"enrolled": 90, "places": 100},
		}
	}
	tests := []struct {
		name string
		// figs changes the base figures.
		figs func(map[string]figures)
		// mismatches are the same under both choices; fillOwn and
		// fillSum are the city's fill rate under each.
		mismatches       []mm
		fillOwn, fillSum float64
	}{
		{"city reports more than its districts sum to",
			func(f map[string]figures) { f["c"] = figures{"enrolled": 1500} },
			[]mm{{"c", "enrolled", 1500, 1041, 2}}, 1500.0 / 1110, 1041.0 / 1110},
		{"city reports the sum: nothing to say",
			func(f map[string]figures) { f["c"] = figures{"enrolled": 1041} },
			[]mm{}, 1041.0 / 1110, 1041.0 / 1110},
		{"a child lacks the figure: the sum is unknown, the own figure is used",
			func(f map[string]figures) { f["c"] = figures{"enrolled": 1500}; delete(f["b1"], "enrolled") },
			[]mm{}, 1500.0 / 1110, 1500.0 / 1110},
		{"a district reports less than its kindergartens sum to",
			func(f map[string]figures) { f["a"] = figures{"enrolled": 900} },
			[]mm{{"a", "enrolled", 900, 951, 2}}, 990.0 / 1110, 1041.0 / 1110},
		{"district and city both differ; the city compares with the figures used below",
			func(f map[string]figures) { f["a"] = figures{"enrolled": 900}; f["c"] = figures{"enrolled": 1041} },
			// Under own the city's districts sum to 900+90 = 990; under sum
			// to 951+90 = 1041, which agrees. See below.
			nil, 1041.0 / 1110, 1041.0 / 1110},
		{"a district whose children do not concern the figure is not compared",
			func(f map[string]figures) {
				delete(f, "a1")
				delete(f, "a2")
				f["a"] = figures{"enrolled": 500, "places": 600}
			},
			[]mm{}, 590.0 / 700, 590.0 / 700},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat := testCatalog(t)
			f := base()
			tt.figs(f)
			us := units
			if tt.name == "a district whose children do not concern the figure is not compared" {
				us = []dataset.OrgUnit{city, distA, distB, kgB, priA}
			}
			d := build(t, us, f)
			for _, choice := range []indicators.ParentFigures{"", indicators.ParentOwn, indicators.ParentSum} {
				r, err := cat.Assess(d, indicators.Options{ParentFigures: choice})
				require.NoError(t, err, choice)
				want, fill := tt.mismatches, tt.fillOwn
				if choice == indicators.ParentSum {
					fill = tt.fillSum
				}
				if want == nil {
					// Units in dataset order: the city first.
					want = []mm{{"a", "enrolled", 900, 951, 2}}
					if choice != indicators.ParentSum {
						want = append([]mm{{"c", "enrolled", 1041, 990, 2}}, want...)
					}
				}
				assert.Equal(t, want, mismatchesOf(r), "choice %q", choice)
				for _, m := range r.Hierarchy {
					used := indicators.ParentOwn
					if choice == indicators.ParentSum {
						used = indicators.ParentSum
					}
					assert.Equal(t, used, m.Used)
					assert.Equal(t, m.Own-m.ChildrenSum, m.Difference)
					assert.Equal(t, plan.Count, m.Measure)
				}
				res := result(t, r, "c", "fill")
				require.NotNil(t, res.Value, "choice %q", choice)
				assert.InDelta(t, fill, *res.Value, 1e-9, "choice %q", choice)
			}
		})
	}
}

// TestParentFiguresNotes: a result that used a figure whose unit's own and
// children's sum differ says which it used, with both and the difference,
// in Chinese and English.
func TestParentFiguresNotes(t *testing.T) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{city, distA, distB, kgBig, kgTiny, kgB}, map[string]figures{
		"c":  {"enrolled": 50000},
		"a1": {"enrolled": 40000, "places": 41000},
		"a2": {"enrolled": 312, "places": 400},
		"b1": {"enrolled": 100, "places": 100},
	})
	r, err := cat.Assess(d, indicators.Options{})
	require.NoError(t, err)
	res := result(t, r, "c", "fill")
	in := res.Inputs[0]
	require.Equal(t, "enrolled", in.ID)
	assert.Equal(t, indicators.Reported, in.Origin)
	require.NotNil(t, in.Own)
	require.NotNil(t, in.ChildrenSum)
	assert.Equal(t, 50000.0, *in.Value)
	assert.Equal(t, 40412.0, *in.ChildrenSum)
	assert.Nil(t, res.Inputs[1].Own, "places agree with the sum")
	notes := view.Of(res).Notes
	assert.Contains(t, notes, msg.T("在园幼儿数按本单位填报 50000 计算（下属单位合计 40412，相差 9588）",
		"children enrolled: the unit's own figure, 50000, was used (the sum of the units below: 40412, a difference of 9588)"))
	// A district that agrees with its kindergartens has no note.
	for _, n := range view.Of(result(t, r, "a", "fill")).Notes {
		assert.NotContains(t, n.ZH, "下属单位合计")
	}
	require.Len(t, r.Hierarchy, 1)
	assert.Equal(t, "市(c) 在园幼儿数：本单位填报 50000，下属单位合计 40412（2 个下属单位），相差 +9588；采用本单位填报",
		view.MismatchLine(r.Hierarchy[0]).ZH)
	assert.Equal(t, "市(c) children enrolled: the unit reported 50000, its units below sum to 40412 (2 units below), a difference of +9588; used the unit's own figure",
		view.MismatchLine(r.Hierarchy[0]).EN)

	r, err = cat.Assess(d, indicators.Options{ParentFigures: indicators.ParentSum})
	require.NoError(t, err)
	res = result(t, r, "c", "fill")
	in = res.Inputs[0]
	assert.Equal(t, indicators.Summed, in.Origin)
	assert.Equal(t, 40412.0, *in.Value)
	assert.Equal(t, 50000.0, *in.Own)
	assert.Contains(t, view.Of(res).Notes, msg.T("在园幼儿数按下属单位合计 40412 计算（本单位填报 50000，相差 9588）",
		"children enrolled: the sum of the units below, 40412, was used (the unit's own figure: 50000, a difference of 9588)"))
	assert.Contains(t, view.MismatchLine(r.Hierarchy[0]).ZH, "采用下属单位合计")

	// A report narrowed to some units lists their differences only.
	r, err = cat.Assess(d, indicators.Options{Units: []string{"a"}})
	require.NoError(t, err)
	assert.Empty(t, r.Hierarchy)
}

// TestParentFiguresTolerance: counts agree exactly; other figures within
// the rounding of two decimals per figure summed.
func TestParentFiguresTolerance(t *testing.T) {
	metrics := []plan.Metric{
		{ID: "funds", Name: msg.T("经费", "funds"), Unit: plan.Money, Aggregate: plan.Sum,
			ReportedBy: plan.Scope{Levels: []org.Level{org.School}}},
		{ID: "pupils", Name: msg.T("在校生数", "pupils"), Unit: plan.Count, Integral: true, Aggregate: plan.Sum,
			ReportedBy: plan.Scope{Levels: []org.Level{org.School}}},
	}
	cat, err := indicators.NewCatalog(metrics, []plan.Indicator{
		{ID: "per_pupil", Name: msg.T("生均经费", "funds per pupil"), Formula: "funds / pupils", Unit: plan.Money,
			Target: ">= 1", Wording: "生均经费", Direction: "higher"},
	}, nil)
	require.NoError(t, err)
	k1 := dataset.OrgUnit{ID: "a1", Name: "一校", Level: org.School, Kind: org.Primary, Parent: "a"}
	k2 := dataset.OrgUnit{ID: "a2", Name: "二校", Level: org.School, Kind: org.Primary, Parent: "a"}
	tests := []struct {
		funds, pupils float64
		want          []string
	}{
		{10.01, 200, []string{}},        // 0.01 off two figures of two decimals: rounding
		{10.015, 200, []string{}},       // the most rounding explains: 3 × 0.005
		{10.02, 200, []string{"funds"}}, // more than rounding
		{10, 201, []string{"pupils"}},   // a count is exact
		{9.98, 199, []string{"funds", "pupils"}},
	}
	for _, tt := range tests {
		d := build(t, []dataset.OrgUnit{distA, k1, k2}, map[string]figures{
			"a":  {"funds": tt.funds, "pupils": tt.pupils},
			"a1": {"funds": 6.5, "pupils": 120},
			"a2": {"funds": 3.5, "pupils": 80},
		})
		r, err := cat.Assess(d, indicators.Options{})
		require.NoError(t, err)
		got := []string{}
		for _, m := range r.Hierarchy {
			got = append(got, m.Metric)
		}
		assert.Equal(t, tt.want, got, "funds %v, pupils %v", tt.funds, tt.pupils)
	}
}

func TestParseParentFigures(t *testing.T) {
	for in, want := range map[string]indicators.ParentFigures{"": indicators.ParentOwn, "own": indicators.ParentOwn, "sum": indicators.ParentSum} {
		got, err := indicators.ParseParentFigures(in)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err := indicators.ParseParentFigures("mean")
	require.Error(t, err)
	assert.Contains(t, msg.In(err, "zh"), `"mean"`)
	assert.Contains(t, msg.In(err, "en"), "use own")

	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{city}, nil)
	_, err = cat.Assess(d, indicators.Options{ParentFigures: "mean"})
	require.Error(t, err)
	_, err = cat.EvaluateWith(d, indicators.Options{ParentFigures: "mean"})
	require.Error(t, err)
	// A report cannot change the choice the evaluation was made with.
	_, err = cat.Evaluate(d).Report(indicators.Options{ParentFigures: indicators.ParentSum})
	require.Error(t, err)
	assert.True(t, strings.Contains(msg.In(err, "en"), "EvaluateWith"), msg.In(err, "en"))
	ev, err := cat.EvaluateWith(d, indicators.Options{ParentFigures: indicators.ParentSum})
	require.NoError(t, err)
	assert.Equal(t, indicators.ParentSum, ev.Parent())
	_, err = ev.Report(indicators.Options{ParentFigures: indicators.ParentSum})
	require.NoError(t, err)
	_, err = ev.Report(indicators.Options{})
	require.NoError(t, err, "no choice in the options reports as evaluated")
}

// TestParentFiguresJSON: the report's JSON holds the differences and reads
// back equal.
func TestParentFiguresJSON(t *testing.T) {
	cat := testCatalog(t)
	d := build(t, []dataset.OrgUnit{city, distA, kgBig}, map[string]figures{
		"a":  {"enrolled": 10},
		"a1": {"enrolled": 12, "places": 20},
	})
	r, err := cat.Assess(d, indicators.Options{ParentFigures: indicators.ParentSum})
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, r.WriteJSON(&b))
	assert.Contains(t, b.String(), `"hierarchy":[`)
	assert.Contains(t, b.String(), `"children_sum":12`)
	assert.Contains(t, b.String(), `"used":"sum"`)
	back, err := indicators.ReadReport(strings.NewReader(b.String()))
	require.NoError(t, err)
	assert.Equal(t, r, back)
}
