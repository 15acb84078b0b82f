package lint_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/plan/lint"
)

func loadFixture(t *testing.T) *plan.Plan {
	t.Helper()
	p, err := plan.LoadFile("../testdata/plan.json")
	require.NoError(t, err)
	return p
}

// What reads but is probably not meant is a warning, not a refusal.
func TestWarnings(t *testing.T) {
	p := loadFixture(t)
	require.Empty(t, lint.Warnings(p), "the fixture has nothing to warn of")

	i := slices.IndexFunc(p.Indicators, func(ind plan.Indicator) bool { return ind.Unit == plan.Percent })
	require.GreaterOrEqual(t, i, 0)
	p.Indicators[i].Direction = rule.LowerIsBetter // its target says 达…以上: at least
	m := slices.IndexFunc(p.Metrics, func(m plan.Metric) bool { return m.Unit == plan.Count })
	require.GreaterOrEqual(t, m, 0)
	p.Metrics[m].Counter = ""
	require.NoError(t, p.Validate(), "warnings never stop a plan")
	ws := lint.Warnings(p)
	require.Len(t, ws, 2, ws.In("en"))
	assert.Equal(t, fmt.Sprintf("metrics[%d].counter", m), ws[0].Path)
	assert.Equal(t, fmt.Sprintf("indicators[%d].target", i), ws[1].Path)
	assert.Contains(t, ws[1].Message.EN, "lower")
}

// A target whose number is unlikely for its unit is a warning.
func TestImplausibleTargetsWarn(t *testing.T) {
	for _, tc := range []struct {
		unit   plan.Unit
		target string
		dir    rule.Direction
		warn   string
	}{
		{plan.Count, "3.5所", rule.HigherIsBetter, "not a whole number"},
		{plan.Ratio, "1700", rule.LowerIsBetter, "implausibly large"},
		{plan.Years, "120年", rule.HigherIsBetter, "over a century"},
		{plan.Count, "3-4个", rule.HigherIsBetter, ""},
		{plan.Ratio, "17:1", rule.LowerIsBetter, ""},
		{plan.Years, "12年", rule.HigherIsBetter, ""},
	} {
		p := loadFixture(t)
		ind := &p.Indicators[0]
		ind.Unit, ind.Target, ind.Direction, ind.MayExceed100 = tc.unit, tc.target, tc.dir, false
		ws := lint.Warnings(p)
		if tc.warn == "" {
			assert.Empty(t, ws, tc.target)
			continue
		}
		require.Len(t, ws, 1, tc.target)
		assert.Equal(t, "indicators[0].target", ws[0].Path)
		assert.Contains(t, ws[0].Message.EN, tc.warn)
	}
}

// An indicator that no unit it applies to can have the figures of is a
// warning naming the figures: it would read "no data" everywhere without a
// word of why.
func TestUnreachableIndicatorsWarn(t *testing.T) {
	for _, tc := range []struct {
		name    string
		edit    func(p *plan.Plan)
		warn    string // "" when the plan is fine
		missing string // a name the warning must give
	}{
		{"the fixture: schools report, districts sum", func(p *plan.Plan) {}, "", ""},
		{"a rate for schools whose population only districts report",
			func(p *plan.Plan) {
				p.Indicators[0].AppliesTo = plan.Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Kindergarten}}
			},
			"always lack data", "适龄人口(population)"},
		{"a count for primary schools that only kindergartens report",
			func(p *plan.Plan) {
				p.Indicators[1].AppliesTo = plan.Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Primary}}
			},
			"always lack data", "在园幼儿数(enrolled)"},
		{"a figure that does not sum reaches no parent",
			func(p *plan.Plan) {
				p.Metrics[0].Aggregate = plan.None
				p.Indicators[1].AppliesTo = plan.Scope{Levels: []org.Level{org.City, org.District}}
			},
			"sums up from none below", "在园幼儿数(enrolled)"},
		{"one class that can compute it is enough",
			func(p *plan.Plan) {
				p.Indicators[1].AppliesTo = plan.Scope{Levels: []org.Level{org.City, org.School}, Kinds: []org.Kind{org.Primary}}
			}, "", ""},
		{"a spread over the units below",
			func(p *plan.Plan) {
				p.Indicators[1].Formula = "spread(preschool_ger)"
				p.Indicators[1].Unit = plan.Percent
				p.Indicators[1].Target = "不超过10个百分点"
			}, "", ""},
		{"a spread on schools, which have no units below",
			func(p *plan.Plan) {
				p.Indicators[1].Formula = "spread(preschool_ger)"
				p.Indicators[1].Unit = plan.Percent
				p.Indicators[1].Target = "不超过10个百分点"
				p.Indicators[1].AppliesTo = plan.Scope{Levels: []org.Level{org.School}}
			}, "always lack data", "preschool_ger"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := loadFixture(t)
			tc.edit(p)
			require.NoError(t, p.Validate())
			ws := lint.Warnings(p)
			if tc.warn == "" {
				assert.Empty(t, ws, ws.In("en"))
				return
			}
			// A figure that reaches no parent starves every indicator
			// that reads it there, so each is named.
			require.NotEmpty(t, ws)
			for _, w := range ws {
				assert.Contains(t, w.Path, ".applies_to")
				assert.Contains(t, w.Message.EN, tc.warn)
				assert.Contains(t, w.Message.ZH, tc.missing)
				assert.Contains(t, w.Message.ZH, "始终缺数据")
			}
		})
	}
}

// A target_for that leaves no unit of applies_to outside it changes nothing:
// lint says so.
func TestTargetForWarning(t *testing.T) {
	for _, tc := range []struct {
		name      string
		appliesTo plan.Scope
		targetFor *plan.Scope
		warn      bool
	}{
		{"absent", plan.Scope{}, nil, false},
		{"city of city, district, school", plan.Scope{Levels: []org.Level{org.City, org.District, org.School}}, &plan.Scope{Levels: []org.Level{org.City}}, false},
		{"same levels", plan.Scope{Levels: []org.Level{org.City, org.District}}, &plan.Scope{Levels: []org.Level{org.District, org.City}}, true},
		{"empty target_for on empty applies_to", plan.Scope{}, &plan.Scope{}, true},
		{"same kinds", plan.Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Primary}},
			&plan.Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Primary}}, true},
		{"one kind of two", plan.Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Primary, org.JuniorSecond}},
			&plan.Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Primary}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := loadFixture(t)
			p.Indicators[0].AppliesTo, p.Indicators[0].TargetFor = tc.appliesTo, tc.targetFor
			var paths []string
			for _, w := range lint.Warnings(p) {
				paths = append(paths, w.Path)
			}
			if tc.warn {
				assert.Contains(t, paths, "indicators[0].target_for")
			} else {
				assert.NotContains(t, paths, "indicators[0].target_for")
			}
		})
	}
}

// A target year or milestones without a baseline read, but progress toward
// them cannot be measured.
func TestTargetYearWithoutBaselineWarns(t *testing.T) {
	p := loadFixture(t)
	i := slices.IndexFunc(p.Indicators, func(ind plan.Indicator) bool { return ind.Unit == plan.Percent })
	require.GreaterOrEqual(t, i, 0)
	p.Indicators[i].TargetYear = p.Year + 3
	require.NoError(t, p.Validate())
	ws := lint.Warnings(p)
	require.Len(t, ws, 1, ws.In("en"))
	assert.Equal(t, fmt.Sprintf("indicators[%d].baseline", i), ws[0].Path)
	assert.Contains(t, ws[0].Message.EN, "no baseline")

	p.Indicators[i].Baseline = &plan.Baseline{Year: p.Year - 1, Value: "90"}
	require.NoError(t, p.Validate())
	assert.Empty(t, lint.Warnings(p))
}

// An indicator's over is flagged where it cannot be meant: a formula with
// no aggregate, or a level not below every level the indicator applies to.
func TestOverWarnings(t *testing.T) {
	for _, tc := range []struct {
		name    string
		formula string
		applies []org.Level
		over    org.Level
		warn    string // a fragment of the English warning; "" for none
	}{
		{"schools below the city", "spread(在园幼儿数)", []org.Level{org.City}, org.School, ""},
		{"no aggregate", "在园幼儿数", []org.Level{org.City}, org.School, "no aggregate"},
		{"the level itself", "spread(在园幼儿数)", []org.Level{org.City, org.District}, org.District, `"district" is not below "district"`},
		{"a level above", "spread(在园幼儿数)", []org.Level{org.District}, org.City, `"city" is not below "district"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := loadFixture(t)
			ind := &p.Indicators[1]
			ind.Formula, ind.AppliesTo.Levels, ind.Over = tc.formula, tc.applies, tc.over
			require.NoError(t, p.Validate())
			var got []string
			for _, w := range lint.Warnings(p) {
				if w.Path == "indicators[1].over" {
					got = append(got, w.Message.EN)
				}
			}
			if tc.warn == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Contains(t, got[0], tc.warn)
		})
	}
}
