package indicators_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/seeds"
)

func seedCatalog(t *testing.T) (*plan.Plan, *indicators.Catalog) {
	t.Helper()
	p, err := seeds.Default()
	require.NoError(t, err)
	cat, err := indicators.Compile(p)
	require.NoError(t, err)
	return p, cat
}

func TestFormGroupsEachFigureOnce(t *testing.T) {
	p, cat := seedCatalog(t)
	units := []struct {
		level org.Level
		kind  org.Kind
	}{{org.School, org.Kindergarten}, {org.School, org.Primary}, {org.District, ""}, {org.City, ""}}
	for _, u := range units {
		f := cat.Form(p, u.level, u.kind)
		seen := map[string]bool{}
		inds := 0
		for _, g := range f.Groups {
			inds += len(g.Indicators)
			for _, m := range g.Metrics {
				assert.False(t, seen[m.ID], "%v asks %s twice", u, m.ID)
				seen[m.ID] = true
			}
			for _, sh := range g.Shared {
				assert.True(t, seen[sh.ID], "%v: %s is shared but never asked before", u, sh.ID)
			}
		}
		assert.Equal(t, f.Indicators, inds, "every applicable indicator is in one group")
		assert.Equal(t, len(cat.ApplicableIndicators(u.level, u.kind)), f.Indicators)
		assert.Equal(t, len(cat.FormMetrics(u.level, u.kind)), len(seen), "%v: every form metric is asked", u)
	}
	// A kindergarten has no indicator of its own: its figures feed the
	// district's and the city's.
	kg := cat.Form(p, org.School, org.Kindergarten)
	require.NotEmpty(t, kg.Groups)
	assert.Zero(t, kg.Indicators)
	var feeds []string
	for _, g := range kg.Groups {
		assert.Empty(t, g.Indicators)
		for _, f := range g.Feeds {
			feeds = append(feeds, f.ID)
		}
	}
	assert.Contains(t, feeds, "preschool_gross_enrolment_rate")
	// A primary school: the choice share is task 4, fitness task 23, in that order.
	f := cat.Form(p, org.School, org.Primary)
	require.GreaterOrEqual(t, len(f.Groups), 2)
	require.NotNil(t, f.Groups[0].Place)
	assert.Equal(t, "task-4", f.Groups[0].Place.ID)
	assert.Equal(t, "school_choice_pupils", f.Groups[0].Metrics[0].ID)
}

func TestFormPlacesAndOrder(t *testing.T) {
	cat := testCatalog(t)
	// The plan only orders places: task-4 states "choice"; the others are
	// stated nowhere and come last, in one group without a place.
	p := &plan.Plan{Sections: []plan.Section{{ID: "s1", Tasks: []plan.Task{{ID: "task-4"}}}}}
	f := cat.Form(p, org.City, "")
	require.Len(t, f.Groups, 2)
	require.NotNil(t, f.Groups[0].Place)
	assert.Equal(t, "task-4", f.Groups[0].Place.ID)
	assert.Equal(t, []string{"choice"}, indIDs(f.Groups[0].Indicators))
	assert.Equal(t, []string{"chosen", "pupils"}, metricIDs(f.Groups[0].Metrics))
	assert.Nil(t, f.Groups[1].Place)
	assert.Equal(t, []string{"fill", "kg_built", "fill_gap", "fill_cv"}, indIDs(f.Groups[1].Indicators))
	assert.Equal(t, []string{"enrolled", "places", "new_kg"}, metricIDs(f.Groups[1].Metrics))
	assert.Equal(t, 5, f.Indicators)

	// A primary school's figures feed the district's share of school
	// choice; its own indicator (fill, for every unit) needs figures only
	// kindergartens report, so its group asks nothing.
	f = cat.Form(p, org.School, org.Primary)
	require.Len(t, f.Groups, 2)
	assert.Equal(t, 1, f.Indicators)
	assert.Empty(t, f.Groups[0].Indicators)
	assert.Equal(t, []string{"choice"}, indIDs(f.Groups[0].Feeds))
	assert.Equal(t, []string{"chosen", "pupils"}, metricIDs(f.Groups[0].Metrics))
	assert.Equal(t, []string{"fill"}, indIDs(f.Groups[1].Indicators))
	assert.Empty(t, f.Groups[1].Metrics)
}

func indIDs(xs []plan.Indicator) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, x.ID)
	}
	return out
}

func metricIDs(xs []plan.Metric) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, x.ID)
	}
	return out
}
