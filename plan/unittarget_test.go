package plan

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

func TestUnitTargetsValidate(t *testing.T) {
	score := Metric{ID: "score", Unit: Score, Aggregate: None, ReportedBy: Scope{Levels: []org.Level{org.District}}}
	rate := Metric{ID: "rate", Unit: Percent, Aggregate: None, ReportedBy: Scope{Levels: []org.Level{org.District}}}
	for _, tc := range []struct {
		name    string
		unit    Unit
		target  string
		nature  Nature
		uts     []UnitTarget
		path    string // "" when valid
		message string
	}{
		{"by id and by name", Score, "达90分", "", []UnitTarget{{Units: []string{"d-a", "县B"}, Target: "达95分"}}, "", ""},
		{"bare number takes the default's direction", Score, "达90分", "",
			[]UnitTarget{{Units: []string{"d-a"}, Target: "95"}}, "", ""},
		{"no units", Score, "达90分", "", []UnitTarget{{Target: "达95分"}},
			"indicators[0].unit_targets[0].units", "list the units"},
		{"empty unit", Score, "达90分", "", []UnitTarget{{Units: []string{" "}, Target: "达95分"}},
			"indicators[0].unit_targets[0].units[0]", "required"},
		{"unit named twice across overrides", Score, "达90分", "",
			[]UnitTarget{{Units: []string{"d-a"}, Target: "达95分"}, {Units: []string{"d-b", "d-a"}, Target: "达92分"}},
			"indicators[0].unit_targets[1].units[1]", "already named at indicators[0].unit_targets[0].units[0]"},
		{"no target", Score, "达90分", "", []UnitTarget{{Units: []string{"d-a"}}},
			"indicators[0].unit_targets[0].target", "required"},
		{"target does not parse", Score, "达90分", "", []UnitTarget{{Units: []string{"d-a"}, Target: "好好干"}},
			"indicators[0].unit_targets[0].target", "does not parse"},
		{"percent target on a score", Score, "达90分", "", []UnitTarget{{Units: []string{"d-a"}, Target: "达95%"}},
			"indicators[0].unit_targets[0].target", "does not parse"},
		{"bare number on a percent is a percent", Percent, "达90%", "", []UnitTarget{{Units: []string{"d-a"}, Target: "95"}}, "", ""},
		{"aspirational override on a binding indicator", Score, "达90分", "",
			[]UnitTarget{{Units: []string{"d-a"}, Target: "力争达95分"}},
			"indicators[0].unit_targets[0].target", "one nature"},
		{"points against a level", Percent, "达90%", "", []UnitTarget{{Units: []string{"d-a"}, Target: "不超过10个百分点"}},
			"indicators[0].unit_targets[0].target", "do not measure the same thing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := score
			if tc.unit == Percent {
				m = rate
			}
			ind := Indicator{ID: "ind", Formula: m.ID, Unit: tc.unit, Target: tc.target, Nature: tc.nature, UnitTargets: tc.uts}
			requireOneProblem(t, ValidateMeasures([]Metric{m}, []Indicator{ind}), tc.path, tc.message)
		})
	}
}

// An override's number is read with the indicator's direction and unit:
// the default's words give the direction when none is declared.
func TestParseUnitTarget(t *testing.T) {
	ind := Indicator{Unit: Score, Target: "达90分", UnitTargets: []UnitTarget{{Units: []string{"x"}, Target: "95"}}}
	tg, _, err := ind.ParseUnitTarget(0)
	require.NoError(t, err)
	assert.Equal(t, "≥ 95", tg.Format("zh"))
	ind = Indicator{Unit: Ratio, Target: "17", Direction: "lower", UnitTargets: []UnitTarget{{Units: []string{"x"}, Target: "16"}}}
	tg, _, err = ind.ParseUnitTarget(0)
	require.NoError(t, err)
	assert.Equal(t, "≤ 16", tg.Format("zh"))
}

// unit_targets in a plan file: the schema and the loader agree on its
// shape, and a required key left out is a problem at its path.
func TestUnitTargetsInPlanFile(t *testing.T) {
	root := loadSchema(t)
	doc := decodeAny(t, readFixture(t)).(map[string]any)
	ind := doc["indicators"].([]any)[0].(map[string]any)
	ut := map[string]any{"units": []any{"d1", "某区"}, "target": "达99.5%以上", "wording": "某区达99.5%以上"}
	ind["unit_targets"] = []any{ut}
	encode := func() []byte {
		b, err := json.Marshal(doc)
		require.NoError(t, err)
		return b
	}
	assert.Empty(t, validateSchema(t, root, root, decodeAny(t, string(encode())), ""))
	p, err := Parse(encode())
	require.NoError(t, err)
	require.Len(t, p.Indicators[0].UnitTargets, 1)
	assert.Equal(t, []string{"d1", "某区"}, p.Indicators[0].UnitTargets[0].Units)

	for _, key := range []string{"units", "target"} {
		saved := ut[key]
		delete(ut, key)
		assert.Contains(t, validateSchema(t, root, root, decodeAny(t, string(encode())), ""), "indicators[0].unit_targets[0]."+key+" (required)")
		_, err := Parse(encode())
		ps := problems(t, err)
		require.Len(t, ps, 1, "%v", ps)
		assert.Equal(t, "indicators[0].unit_targets[0]."+key, ps[0].Path)
		ut[key] = saved
	}
	ut["colour"] = "red"
	_, err = Parse(encode())
	assert.Error(t, err, "an unknown key is refused")
}

// requireOneProblem asserts that err is nil when path is empty, and
// otherwise exactly one bilingual problem at path whose English says
// message.
func requireOneProblem(t *testing.T, err error, path, message string) {
	t.Helper()
	if path == "" {
		require.NoError(t, err)
		return
	}
	var ps msg.Problems
	require.True(t, errors.As(err, &ps), "%v", err)
	require.Len(t, ps, 1, "%v", ps)
	assert.Equal(t, path, ps[0].Path)
	assert.Contains(t, ps[0].Message.EN, message)
	assert.NotEmpty(t, ps[0].Message.ZH)
}
