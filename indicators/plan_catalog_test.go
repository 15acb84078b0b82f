package indicators_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

func TestCatalogCarriesPlaces(t *testing.T) {
	p, err := plan.LoadFile("../plan/testdata/plan.json")
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	require.NotEmpty(t, p.Indicators)
	for _, ind := range p.Indicators {
		assert.Equal(t, p.Places()[ind.ID], cat.Places(ind.ID), ind.ID)
		assert.NotEmpty(t, cat.Places(ind.ID), "every indicator is stated somewhere: %s", ind.ID)
	}
}

// TestPlanAndCatalogueAgree feeds the same metrics and indicators to both
// entry points, plan.Validate (what plan.Load runs) and NewCatalog, and
// requires the same problems from both. Each case differed before the two
// shared one checker: the catalogue accepted "确保100%" marked aspirational,
// ids that formulas cannot name, duplicate names, unknown levels …
func TestPlanAndCatalogueAgree(t *testing.T) {
	metric := func(id, name string) plan.Metric {
		return plan.Metric{ID: id, Name: msg.Text{ZH: name}, Unit: plan.Count, Aggregate: plan.Sum}
	}
	indicator := func(id, name, formula, target string) plan.Indicator {
		return plan.Indicator{ID: id, Name: msg.Text{ZH: name}, Formula: formula, Unit: plan.Percent,
			Target: target, Wording: target}
	}
	base := func() ([]plan.Metric, []plan.Indicator) {
		return []plan.Metric{metric("enrolled", "在园幼儿数"), metric("children", "适龄儿童数")},
			[]plan.Indicator{indicator("ger", "毛入园率", "enrolled / children", "≥ 95%")}
	}
	tests := []struct {
		name   string
		change func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator)
		paths  []string // nil: both accept
	}{
		{"valid", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) { return ms, inds }, nil},
		{"确保 marked aspirational", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			inds[0].Target, inds[0].Nature, inds[0].Direction = "确保100%", plan.Aspirational, rule.HigherIsBetter
			return ms, inds
		}, []string{"indicators[0].nature"}},
		{"力争 marked binding", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			inds[0].Target, inds[0].Nature = "力争达到98%", plan.Binding
			return ms, inds
		}, []string{"indicators[0].nature"}},
		{"unknown nature", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			inds[0].Nature = "optional"
			return ms, inds
		}, []string{"indicators[0].nature"}},
		{"id a formula cannot name", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			ms[0].ID = "enrolled-total"
			inds[0].Formula = "在园幼儿数 / children"
			return ms, inds
		}, []string{"metrics[0].id"}},
		{"missing id", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			ms[1].ID = ""
			inds[0].Formula = "enrolled / 适龄儿童数"
			return ms, inds
		}, []string{"metrics[1].id"}},
		{"duplicate metric id", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			return append(ms, metric("enrolled", "在园人数")), inds
		}, []string{"metrics[2].id"}},
		{"indicator id of a metric", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			return ms, append(inds, indicator("enrolled", "入园数", "children", "≥ 1%"))
		}, []string{"indicators[1].id"}},
		{"duplicate name", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			ms[1].Name.ZH = "在园幼儿数"
			return ms, inds
		}, []string{"metrics[1].name.zh"}},
		{"name equal to another's id", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			inds[0].Name.ZH = "children"
			return ms, inds
		}, []string{"indicators[0].name.zh"}},
		{"missing unit", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			ms[0].Unit = ""
			return ms, inds
		}, []string{"metrics[0].unit"}},
		{"unknown unit", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			inds[0].Unit = "furlong"
			return ms, inds
		}, []string{"indicators[0].unit"}},
		{"missing aggregation", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			ms[0].Aggregate = ""
			return ms, inds
		}, []string{"metrics[0].aggregate"}},
		{"unknown aggregation", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			ms[0].Aggregate = "mean"
			return ms, inds
		}, []string{"metrics[0].aggregate"}},
		{"unknown and repeated levels", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			ms[0].ReportedBy.Levels = []org.Level{"province"}
			inds[0].AppliesTo.Levels = []org.Level{org.City, org.City}
			return ms, inds
		}, []string{"metrics[0].reported_by.levels[0]", "indicators[0].applies_to.levels[1]"}},
		{"empty kind", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			inds[0].AppliesTo.Kinds = []org.Kind{" "}
			return ms, inds
		}, []string{"indicators[0].applies_to.kinds[0]"}},
		{"missing formula", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			inds[0].Formula = " "
			return ms, inds
		}, []string{"indicators[0].formula"}},
		{"unknown name in a formula", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			inds[0].Formula = "在园幼儿数 / 适龄人口"
			return ms, inds
		}, []string{"indicators[0].formula"}},
		{"formulas in a cycle", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			inds[0].Formula = "enrolled / children + 指标乙"
			return ms, append(inds, indicator("b", "指标乙", "ger * 2", "≥ 1%"))
		}, []string{"indicators[0].formula", "indicators[1].formula"}},
		{"missing target", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			inds[0].Target = ""
			inds[0].Wording = "毛入园率"
			return ms, inds
		}, []string{"indicators[0].target"}},
		{"target that does not parse", func(ms []plan.Metric, inds []plan.Indicator) ([]plan.Metric, []plan.Indicator) {
			inds[0].Target = "差不多就行"
			return ms, inds
		}, []string{"indicators[0].target"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, inds := tt.change(base())
			p := &plan.Plan{Format: plan.Format, ID: "p", Title: msg.Text{ZH: "计划"}, Year: 2017,
				Metrics: ms, Indicators: inds}
			var refs []string
			for _, ind := range inds {
				if ind.ID != "" && !slices.Contains(refs, ind.ID) && !slices.ContainsFunc(ms, func(m plan.Metric) bool { return m.ID == ind.ID }) {
					refs = append(refs, ind.ID)
				}
			}
			p.Goals = []plan.Goal{{ID: "g", Number: 1, Title: msg.Text{ZH: "目标"}, Indicators: refs}}

			planErr := p.Validate()
			cat, catErr := indicators.NewCatalog(ms, inds, nil)
			if tt.paths == nil {
				require.NoError(t, planErr)
				require.NoError(t, catErr)
				require.NotNil(t, cat)
				return
			}
			var fromPlan, fromCat msg.Problems
			require.ErrorAs(t, planErr, &fromPlan)
			require.ErrorAs(t, catErr, &fromCat)
			assert.Nil(t, cat)
			// An indicator whose id is taken cannot be listed where the plan
			// states it: that problem is the plan's alone.
			fromPlan = slices.DeleteFunc(fromPlan, func(p msg.Problem) bool {
				return strings.HasPrefix(p.Message.EN, "the indicator is stated nowhere")
			})
			assert.Equal(t, fromPlan, fromCat, "the plan and the catalogue say the same")
			var paths []string
			for _, p := range fromCat {
				paths = append(paths, p.Path)
				assert.NotEmpty(t, p.Message.EN)
				assert.NotEqual(t, p.Message.ZH, p.Message.EN, "one language each")
			}
			assert.Equal(t, tt.paths, paths)
		})
	}
}

// A catalogue built in Go needs no names or wording, which a plan must
// carry; only the plan asks for them.
func TestCatalogueNeedsNoDocumentation(t *testing.T) {
	ms := []plan.Metric{{ID: "x", Unit: plan.Count, Aggregate: plan.Sum}}
	inds := []plan.Indicator{{ID: "i", Formula: "x", Unit: plan.Count, Target: ">= 1"}}
	_, err := indicators.NewCatalog(ms, inds, nil)
	require.NoError(t, err)
	p := &plan.Plan{Format: plan.Format, ID: "p", Title: msg.Text{ZH: "计划"}, Year: 2017, Metrics: ms, Indicators: inds}
	var probs msg.Problems
	require.ErrorAs(t, p.Validate(), &probs)
	var paths []string
	for _, p := range probs {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{"metrics[0].name.zh", "indicators[0].name.zh", "indicators[0].wording", "indicators[0]"}, paths)
}
