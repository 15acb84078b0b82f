package lint_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
	"github.com/eduplan/eduplan/plan"
	"github.com/eduplan/eduplan/plan/lint"
)

// A validation rule that no unit it applies to has the figures of would
// never be checked: a warning names it. The fixture's enrolment is a
// kindergarten's and sums up; its population is a district's or the city's.
func TestRuleNoUnitCanCheckWarns(t *testing.T) {
	for _, tc := range []struct {
		name  string
		scope plan.Scope
		warn  bool
	}{
		{"anywhere: districts and the city have both", plan.Scope{}, false},
		{"districts", plan.Scope{Levels: []org.Level{org.District}}, false},
		{"schools have no population", plan.Scope{Levels: []org.Level{org.School}}, true},
		{"kindergartens have no population", plan.Scope{Levels: []org.Level{org.School}, Kinds: []org.Kind{org.Kindergarten}}, true},
		{"kinds alone leave the districts in", plan.Scope{Kinds: []org.Kind{org.Kindergarten}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := loadFixture(t)
			p.ValidationRules = []plan.ValidationRule{{ID: "r", Name: msg.T("规则", "rule"), Left: "enrolled", Operator: plan.OpLE,
				Right: "population * 1.5", AppliesTo: tc.scope}}
			require.NoError(t, p.Validate())
			ws := lint.Warnings(p)
			if !tc.warn {
				assert.Empty(t, ws, ws.In("en"))
				return
			}
			require.Len(t, ws, 1, ws.In("en"))
			assert.Equal(t, "validation_rules[0]", ws[0].Path)
			assert.Contains(t, ws[0].Message.EN, "the rule would never be checked")
		})
	}
}
