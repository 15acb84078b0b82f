package plan

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

func TestTargetForValidate(t *testing.T) {
	pupils := Metric{ID: "pupils", Unit: Count, Counter: "人", Aggregate: Sum,
		ReportedBy: Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.JuniorSecond, "own_kind"}}}
	levels := func(ls ...org.Level) []org.Level { return ls }
	kinds := func(ks ...org.Kind) []org.Kind { return ks }
	schools := Scope{Levels: levels(org.City, org.District, org.School), Kinds: kinds(org.JuniorSecond, org.NineYear)}
	for _, tc := range []struct {
		name      string
		appliesTo Scope
		targetFor *Scope
		path      string // "" when valid
		message   string
	}{
		{"absent", schools, nil, "", ""},
		{"city and districts", schools, &Scope{Levels: levels(org.City, org.District)}, "", ""},
		{"one kind of school", schools, &Scope{Levels: levels(org.School), Kinds: kinds(org.NineYear)}, "", ""},
		{"applies_to any level", Scope{}, &Scope{Levels: levels(org.City)}, "", ""},
		{"a kind of the plan's own", Scope{}, &Scope{Levels: levels(org.School), Kinds: kinds("own_kind")}, "", ""},
		{"level outside applies_to", Scope{Levels: levels(org.City, org.District)}, &Scope{Levels: levels(org.City, org.School)},
			"indicators[0].target_for", "target_for (the city, schools) goes beyond applies_to (the city, districts)"},
		{"no levels is every level", Scope{Levels: levels(org.City, org.District)}, &Scope{},
			"indicators[0].target_for", "goes beyond applies_to"},
		{"unknown level", schools, &Scope{Levels: levels("province")},
			"indicators[0].target_for.levels[0]", `unknown level "province"`},
		{"kind outside applies_to", schools, &Scope{Levels: levels(org.School), Kinds: kinds(org.Primary)},
			"indicators[0].target_for", "goes beyond applies_to"},
		{"no kinds is every kind", schools, &Scope{Levels: levels(org.School)},
			"indicators[0].target_for", "goes beyond applies_to"},
		{"unknown kind", Scope{}, &Scope{Levels: levels(org.School), Kinds: kinds("juniro")},
			"indicators[0].target_for.kinds[0]", `unknown kind "juniro" (did you mean "junior"?)`},
		{"level listed twice", schools, &Scope{Levels: levels(org.City, org.City)},
			"indicators[0].target_for.levels[1]", "listed twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ind := Indicator{ID: "ind", Formula: "pupils", Unit: Count, Target: "≥ 1", AppliesTo: tc.appliesTo, TargetFor: tc.targetFor}
			err := ValidateMeasures([]Metric{pupils}, []Indicator{ind})
			if tc.path == "" {
				require.NoError(t, err)
				return
			}
			var ps msg.Problems
			require.True(t, errors.As(err, &ps), "%v", err)
			require.Len(t, ps, 1, "%v", ps)
			assert.Equal(t, tc.path, ps[0].Path)
			assert.Contains(t, ps[0].Message.EN, tc.message)
			assert.NotEmpty(t, ps[0].Message.ZH)
			assert.NotContains(t, ps[0].Message.ZH+ps[0].Message.EN, "%!", "every argument in its place")
		})
	}
}

func TestTargetIsVerdict(t *testing.T) {
	ind := Indicator{AppliesTo: Scope{Levels: []org.Level{org.City, org.District, org.School}}}
	for _, l := range org.Levels() {
		assert.True(t, ind.TargetIsVerdict(l, ""), "no target_for: a verdict everywhere (%s)", l)
	}
	ind.TargetFor = &Scope{Levels: []org.Level{org.City, org.District}}
	assert.True(t, ind.TargetIsVerdict(org.City, ""))
	assert.True(t, ind.TargetIsVerdict(org.District, ""))
	assert.False(t, ind.TargetIsVerdict(org.School, org.JuniorSecond))
	ind.TargetFor = &Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.JuniorSecond}}
	assert.True(t, ind.TargetIsVerdict(org.School, org.JuniorSecond))
	assert.False(t, ind.TargetIsVerdict(org.School, org.Primary))
	assert.False(t, ind.TargetIsVerdict(org.City, ""))
}
