package indicators_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
)

func TestFormulaText(t *testing.T) {
	metrics := []plan.Metric{
		{ID: "a", Name: msg.T("在园幼儿数", "Children enrolled"), Unit: plan.Count, Aggregate: plan.Sum},
		{ID: "pop", Name: msg.T("适龄人口", "Population"), Unit: plan.Count, Aggregate: plan.Sum},
		{ID: "x_1", Name: msg.Text{ZH: "甲"}, Unit: plan.Count, Aggregate: plan.Sum},
	}
	inds := []plan.Indicator{
		{ID: "rate", Name: msg.T("毛入园率", "Gross enrolment rate"), Formula: "a / pop", Unit: plan.Percent, Target: ">= 90%", Wording: "w"},
	}
	cat, err := indicators.NewCatalog(metrics, inds, nil)
	require.NoError(t, err)
	tests := []struct{ src, lang, want string }{
		{"a / pop", "zh", "在园幼儿数 / 适龄人口"},
		{"a / pop", "en", "Children enrolled / Population"},
		{"在园幼儿数/pop", "en", "Children enrolled/Population"},
		{"spread(a / pop) * 100", "zh", "spread(在园幼儿数 / 适龄人口) * 100"},
		{"x_1 + x_12", "en", "甲 + x_12"},
		{"spread(rate) <= 10", "en", "spread(Gross enrolment rate) <= 10"},
		{"毛入园率 - 1", "zh", "毛入园率 - 1"},
		{"", "zh", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cat.FormulaText(tt.src).In(tt.lang), "%q %s", tt.src, tt.lang)
	}
}

func TestUnitTypes(t *testing.T) {
	_, cat := seedCatalog(t)
	var keys []string
	for _, u := range cat.UnitTypes() {
		keys = append(keys, string(u.Level)+"/"+string(u.Kind))
		assert.Positive(t, u.Indicators+u.Fields, u.Level, u.Kind)
		assert.Equal(t, len(cat.FormMetrics(u.Level, u.Kind)), u.Fields)
		assert.Equal(t, len(cat.ApplicableIndicators(u.Level, u.Kind)), u.Indicators)
		assert.NotEmpty(t, u.Name.ZH)
		assert.NotEmpty(t, u.Name.EN)
	}
	assert.Contains(t, keys, "school/primary")
	assert.Contains(t, keys, "school/kindergarten", "a kindergarten reports figures its district's rates use")
	assert.NotContains(t, keys, "school/special", "the seed asks nothing of a special school")
	require.GreaterOrEqual(t, len(keys), 2)
	assert.Equal(t, []string{"district/", "city/"}, keys[len(keys)-2:])

	// A kind only the plan names is offered; districts are not, having
	// neither an indicator nor a figure of their own (the city sums the
	// schools' figures).
	c, err := indicators.NewCatalog([]plan.Metric{
		{ID: "robots", Name: msg.T("机器人数", "Robots"), Unit: plan.Count, Aggregate: plan.Sum,
			ReportedBy: plan.Scope{Kinds: []org.Kind{"robotics"}}},
	}, []plan.Indicator{
		{ID: "r", Name: msg.T("机器人", "Robots built"), Formula: "robots", Unit: plan.Count, Target: ">= 3", Wording: "w",
			AppliesTo: plan.Scope{Levels: []org.Level{org.City}}},
	}, nil)
	require.NoError(t, err)
	assert.Equal(t, []indicators.UnitType{
		{Level: org.School, Kind: "robotics", Name: msg.T("robotics", "robotics"), Fields: 1, Feeds: []msg.Text{msg.T("机器人", "Robots built")}},
		{Level: org.City, Name: msg.T("全市", "The whole city"), Fields: 1, Indicators: 1},
	}, c.UnitTypes(), "the robotics school's figures count towards the city's indicator")

	// In the seed, a kindergarten's figures feed the district's and the
	// city's preschool rates, and nothing a primary school is held to.
	for _, u := range cat.UnitTypes() {
		if u.Level == org.School && u.Kind == org.Kindergarten {
			require.Zero(t, u.Indicators)
			var names []string
			for _, f := range u.Feeds {
				names = append(names, f.ZH)
			}
			assert.Contains(t, names, "学前三年教育毛入学率")
			assert.NotContains(t, names, "义务教育择校生比例")
		}
	}
}
