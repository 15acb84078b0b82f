package webapi

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
)

func unitTargetsSession(t *testing.T) *Session {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "cmd", "eduplan", "testdata", "unittargets.json"))
	require.NoError(t, err)
	s := New()
	mustOK(t, s, "loadPlan", string(b))
	return s
}

type targetTexts struct {
	Indicator string `json:"indicator"`
	Status    string `json:"status"`
	Target    struct {
		Override *struct {
			Units []string `json:"units"`
		} `json:"override"`
	} `json:"target"`
	Text struct {
		Value      Text `json:"value"`
		Target     Text `json:"target"`
		Gap        Text `json:"gap"`
		TargetNote Text `json:"targetNote"`
	} `json:"text"`
}

// The page shows the unit's own target, and says it is the unit's own: a
// district typed on the form is matched by the name typed.
func TestPageShowsUnitsOwnTarget(t *testing.T) {
	s := unitTargetsSession(t)
	for _, tc := range []struct {
		name, score         string
		status, target, gap string
		own                 bool
	}{
		{"县B", "94", "not_met", "≥ 95", "-1（差于目标）", true},
		{"县C", "91", "met", "≥ 90", "+1（优于目标）", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ans struct {
				Report struct {
					Results []targetTexts `json:"results"`
				} `json:"report"`
			}
			decodeInto(t, mustOK(t, s, "assess", map[string]any{"level": "district", "name": tc.name,
				"figures": map[string]string{"score": tc.score}}), &ans)
			require.Len(t, ans.Report.Results, 1)
			r := ans.Report.Results[0]
			assert.Equal(t, tc.status, r.Status)
			assert.Equal(t, tc.score, r.Text.Value.ZH)
			assert.Equal(t, tc.target, r.Text.Target.ZH)
			assert.Equal(t, tc.gap, r.Text.Gap.ZH)
			if tc.own {
				require.NotNil(t, r.Target.Override)
				assert.Equal(t, "本单位目标（按计划对d-a、县B的要求；其余单位 ≥ 90）", r.Text.TargetNote.ZH)
			} else {
				assert.Nil(t, r.Target.Override)
				assert.True(t, r.Text.TargetNote.IsZero())
			}
		})
	}
}

// A file without a unit the plan names says so on the page; a name two
// units share is refused.
func TestFileUnitTargetWarnings(t *testing.T) {
	s := unitTargetsSession(t)
	csv := "单位代码,单位名称,层级,学校类型,上级单位,综合得分\nc,样板市,市,,,\nd-a,县A,区,,c,94\nd-c,县C,区,,c,91\n"
	mustOK(t, s, "importData", map[string]string{"name": "scores.csv", "text": csv})
	var f struct {
		Warnings []msg.Text `json:"warnings"`
	}
	decodeInto(t, mustOK(t, s, "assessFile", nil), &f)
	require.Len(t, f.Warnings, 1)
	assert.Contains(t, f.Warnings[0].ZH, "县B")

	csv = "单位代码,单位名称,层级,学校类型,上级单位,综合得分\nc,样板市,市,,,\nd-a,县A,区,,c,94\nd-b,县B,区,,c,91\nd-b2,县B,区,,c,97\n"
	mustOK(t, s, "importData", map[string]string{"name": "scores.csv", "text": csv})
	ans := call(t, s, "assessFile", nil)
	assert.Equal(t, false, ans["ok"])
	b, err := json.Marshal(ans)
	require.NoError(t, err)
	assert.Contains(t, string(b), "县B")
}

// The plan's page lists each indicator's per-unit targets beside the default.
func TestPlanViewListsUnitTargets(t *testing.T) {
	s := unitTargetsSession(t)
	var p struct {
		Plan struct {
			Indicators []struct {
				ID          string `json:"id"`
				TargetText  Text   `json:"targetText"`
				UnitTargets []struct {
					Units      []string `json:"units"`
					TargetText Text     `json:"targetText"`
				} `json:"unitTargets"`
			} `json:"indicators"`
		} `json:"plan"`
	}
	decodeInto(t, mustOK(t, s, "plan", nil), &p)
	require.Len(t, p.Plan.Indicators, 1)
	ind := p.Plan.Indicators[0]
	assert.Equal(t, "≥ 90", ind.TargetText.ZH)
	require.Len(t, ind.UnitTargets, 1)
	assert.Equal(t, []string{"d-a", "县B"}, ind.UnitTargets[0].Units)
	assert.Equal(t, "≥ 95", ind.UnitTargets[0].TargetText.ZH)
}
